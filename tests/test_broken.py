"""Broken inputs: each gives one clear message with its file and line, never a traceback,
and the rest of the edition is still built.

The corpus is in tests/broken/ (catalogs and seeds); what is binary or huge is made here.
Each case is checked twice: by ``annotated-edition check`` (no build) and by a Sphinx build of the
``articles`` test root with the broken file put in.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences
from sphinx.util.texescape import escape as tex_escape
from test_ingestion import entry

from annotated_edition.articles import MAX_SEED_BYTES, first_sentence, parse_seed
from annotated_edition.checks import CHECKS, data_file_check, run_checks
from annotated_edition.cli import main
from annotated_edition.datafile import load_yaml, parse_yaml

from buildtools import built, copy_root
from htmltext import texts_by_class

BROKEN = Path(__file__).parent / "broken"

# Every malformed catalog case, and exactly what the editor is told ("line: message").
CATALOG_CASES: dict[str, list[str]] = {
    "syntax_error": ["5: not valid YAML: expected ',' or ']', but got ':'"],
    "not_a_mapping": ["1: the catalog must be a mapping with the key 'articles' (a list of "
                      "entries), not a list"],
    "empty": ["1: the catalog is empty: it must hold 'articles:', a list of entries, one per "
              "seed"],
    "articles_not_a_list": ["2: 'articles' must be a list of entries (lines starting with "
                            "'- '), not a dict"],
    "wrong_types": ["4: articles.0.title: 42 is not of type 'string'",
                    "20: articles.1.byline: ['Jane', 'Roe'] is not of type 'string', 'null'"],
    "unknown_key": ["2: articles.0: Additional properties are not allowed ('colour' was "
                    "unexpected)"],
    "missing_field": ["2: articles.0: missing field: 'outlet' is a required property"],
    "bad_date": ["7: a_first.txt: bad date '2 March 2021': expected a real calendar date as "
                 "YYYY-MM-DD"],
    "impossible_date": ["7: a_first.txt: bad date '2021-02-29': expected a real calendar "
                        "date as YYYY-MM-DD"],
    "date_not_a_string": ["7: articles.0.date: 20210302 is not of type 'string'"],
    "duplicate_key": ["11: duplicate key 'byline'"],
    "duplicate_file": ["22: a_first.txt: listed twice (first at line 2)"],
    "duplicate_slug": ["13: b_early.txt: slug 'first' is used already at line 2; the page is "
                       "'b-early' for now"],
    "unknown_file": ["12: unknown file 'c_missing.txt': there is no such seed in {seeds}",
                     "2: seed b_early.txt has no catalog entry: it is not in the edition "
                     "until one is added"],
    "seed_without_entry": ["2: seed b_early.txt has no catalog entry: it is not in the "
                           "edition until one is added"],
    "bad_slug": ["13: articles.1.slug: '../../escape' is not a page name of lowercase "
                 "letters, digits and hyphens (e.g. akar-interview-2021)"],
    "path_in_file": ["12: articles.1.file: '../seeds/b_early.txt' is not the name of a .txt "
                     "file in the seed folder (no folder, no backquote)",
                     "2: seed b_early.txt has no catalog entry: it is not in the edition "
                     "until one is added"],
    "nested_too_deeply": ["22: not usable YAML: values nested more than 64 deep"],
    "control_character": ["4: not valid YAML: character #x001f is not allowed in a data file"],
}

HUGE = "huge"  # made by the test: 10 MB is not kept in git


def seed_bytes(case: str) -> bytes:
    if case == "binary":
        return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    if case == "utf16":
        return "A test headline\nA paragraph.\n".encode("utf-16")
    if case == "control_characters":
        return b"A line.\n" + bytes(range(1, 9)) * 4
    if case == HUGE:
        line = b"A sentence of an article that is far too long, repeated. " * 20 + b"\n\n"
        return line * (10_000_000 // len(line) + 1)
    return (BROKEN / "seeds" / f"{case}.txt").read_bytes()


# Every broken seed, and what the editor is told (line, message start, warning subtype).
SEED_CASES: dict[str, tuple[int, str, str]] = {
    "empty": (1, "the seed has no article text (only blank lines, its header or page "
                 "furniture)", "seed"),
    "no_paragraphs": (1, "the seed has no article text", "seed"),
    "binary": (3, "not a text file (NUL byte found): it was not read", "encoding"),
    "utf16": (1, "saved as UTF-16: it was not read; save the file as UTF-8", "encoding"),
    "control_characters": (2, "not a text file (control characters): it was not read",
                           "encoding"),
    "truncated_utf8": (2, "the file ends in the middle of a letter (byte 0xc4 at column 49): "
                          "it was cut short; the incomplete letter is left out",
                       "encoding"),
    HUGE: (1, "the seed is 10.0 MB, more than an article can be (2 MB at most): it was not "
              "read", "seed"),
}


def put_catalog(src: Path, case: str) -> Path:
    catalog = src / "seeds" / "catalog.yaml"
    catalog.write_bytes((BROKEN / "catalog" / f"{case}.yaml").read_bytes())
    return catalog


def expected(case: str, src: Path) -> list[str]:
    seeds = str((src / "seeds").resolve())
    return [message.format(seeds=seeds) for message in CATALOG_CASES[case]]


def line_number(message: str) -> int:
    return int(message.split(":", 1)[0])


# --- annotated-edition check ---------------------------------------------------------------------


# Every data file the check command reads: where it sits in a copy of the articles test
# root, and its broken cases (tests/broken/<kind>/<case>.yaml -> expected "line: message").
# A new data file (glossary, notes, chronology overlay) is one entry here, once its check
# is in annotated_edition.checks.CHECKS and its setting in tests/roots/test-articles/conf.py.
DATA_FILES: dict[str, tuple[str, dict[str, list[str]]]] = {
    "catalog": ("seeds/catalog.yaml", CATALOG_CASES),
}
DATA_CASES = [(kind, case) for kind, (_, cases) in DATA_FILES.items() for case in sorted(cases)]


@pytest.mark.parametrize(("kind", "case"), DATA_CASES)
def test_check_reports_each_broken_data_file(kind: str, case: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    src = copy_root("articles", tmp_path / "src")
    where, cases = DATA_FILES[kind]
    (src / where).write_bytes((BROKEN / kind / f"{case}.yaml").read_bytes())
    monkeypatch.chdir(src)
    assert main(["check", "--docs", "."]) == 1
    out, err = capsys.readouterr()
    seeds = str((src / "seeds").resolve())
    wanted = sorted((message.format(seeds=seeds) for message in cases[case]), key=line_number)
    assert out.splitlines() == [f"{where}:{message}" for message in wanted]
    assert "Traceback" not in out + err
    assert re.fullmatch(r"\d+ problems? found \(.+\)\n", err)


@pytest.mark.parametrize("case", sorted(SEED_CASES))
def test_check_reports_each_broken_seed(case: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    src = copy_root("articles", tmp_path / "src")
    (src / "seeds" / "a_first.txt").write_bytes(seed_bytes(case))
    monkeypatch.chdir(src)
    assert main(["check", "--docs", "."]) == 1
    line, message, _ = SEED_CASES[case]
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith(f"seeds/a_first.txt:{line}: {message}")


def test_check_passes_on_good_inputs_and_names_what_it_checked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    src = copy_root("articles", tmp_path / "src")
    monkeypatch.chdir(src)
    assert main(["check", "--docs", "."]) == 0
    assert capsys.readouterr().out == "checked catalog, seeds of .: no problem found\n"


def test_check_lists_every_problem_sorted_by_file_and_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    src = copy_root("articles", tmp_path / "src")
    put_catalog(src, "wrong_types")
    (src / "seeds" / "b_early.txt").write_bytes(b"")
    monkeypatch.chdir(src)
    assert main(["check", "--docs", "."]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "seeds/b_early.txt:1: the seed has no article text (only blank lines, its header or "
        "page furniture)",
        "seeds/catalog.yaml:4: articles.0.title: 42 is not of type 'string'",
        "seeds/catalog.yaml:20: articles.1.byline: ['Jane', 'Roe'] is not of type 'string', "
        "'null'"]


def test_check_reads_conf_without_running_it(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """conf.py is parsed, not executed: an import that would fail does not matter."""
    src = copy_root("articles", tmp_path / "src")
    conf = src / "conf.py"
    conf.write_text("import not_installed_anywhere\n" + conf.read_text()
                    .replace('edition_catalog = "seeds/catalog.yaml"',
                             'edition_catalog = "seeds/missing.yaml"') +
                    "edition_extra = some_function()\n")
    assert main(["check", "--docs", str(src)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("conf.py:7: edition_extra is not a plain value (a string, a "
                           "number, a list...): the check cannot read it")
    assert out[1].endswith("seeds/missing.yaml:1: cannot read the file: No such file or "
                           "directory")


def test_python_m_annotator_on_the_real_edition_and_on_a_broken_one(tmp_path: Path) -> None:
    project = Path(__file__).resolve().parent.parent
    good = subprocess.run([sys.executable, "-m", "annotated_edition", "check"], cwd=project,
                          capture_output=True, text=True, check=False)
    assert (good.returncode, good.stdout) == (
        0, "checked catalog, seeds, glossary, notes, chronology, review, passages of docs: "
        "no problem found\n")
    src = copy_root("articles", tmp_path / "src")
    put_catalog(src, "duplicate_slug")
    bad = subprocess.run([sys.executable, "-m", "annotated_edition", "check", "--docs", "."],
                         cwd=src, capture_output=True, text=True, check=False)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stdout == f"seeds/catalog.yaml:{CATALOG_CASES['duplicate_slug'][0]}\n"


def test_the_check_command_runs_without_sphinx() -> None:
    """The check is part of the core: it imports neither Sphinx nor docutils."""
    code = ("import sys, annotated_edition.cli; "
            "annotated_edition.cli.main(['check', '--docs', 'docs']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')))")
    project = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True,
                         text=True, check=True)
    assert run.stdout.splitlines()[-1] == "[]"


def test_a_new_data_file_check_is_one_line(tmp_path: Path) -> None:
    """How the glossary, notes and overlay plug in: a conf.py setting and a core loader."""
    src = copy_root("articles", tmp_path / "src")
    (src / "conf.py").write_text((src / "conf.py").read_text() +
                                 'edition_extra = "data/extra.yaml"\n')
    (src / "data").mkdir()
    (src / "data" / "extra.yaml").write_text("terms:\n  - a\n  - [b\n", encoding="utf-8")
    checks = (*CHECKS, ("extra", data_file_check("edition_extra", "extra.yaml", load_yaml)))
    problems, names = run_checks(src, checks)
    assert names == ["catalog", "seeds", "extra"]
    assert [(Path(p.path).name, p.line) for p in problems] == [("extra.yaml", 4)]
    assert problems[0].message.startswith("not valid YAML")


# --- the same inputs in a Sphinx build -----------------------------------------------------


@pytest.mark.parametrize("case", sorted(CATALOG_CASES))
def test_build_warns_once_per_catalog_problem_and_goes_on(case: str, tmp_path: Path) -> None:
    src = copy_root("articles", tmp_path / "src")
    catalog = put_catalog(src, case)
    with built(src) as app:
        warnings = strip_escape_sequences(app.warning.getvalue())
        assert "Traceback" not in warnings
        lines = [line for line in warnings.splitlines() if line]
        assert sorted(lines) == sorted(
            f"{catalog}:{line_number(m)}: WARNING: {m.split(': ', 1)[1]} "
            "[annotated_edition.catalog]"
            for m in expected(case, src))
        assert (app.outdir / "index.html").exists()
        pages = list((app.outdir / "articles").glob("*.html"))
        for page in pages:  # whatever is left of the catalog is built, with its text
            assert texts_by_class(page.read_text(encoding="utf-8"), "article-paragraph")


@pytest.mark.parametrize("case", sorted(SEED_CASES))
def test_build_warns_once_per_broken_seed_and_builds_the_rest(case: str,
                                                              tmp_path: Path) -> None:
    src = copy_root("articles", tmp_path / "src")
    seed = src / "seeds" / "a_first.txt"
    seed.write_bytes(seed_bytes(case))
    line, message, subtype = SEED_CASES[case]
    with built(src) as app:
        warnings = [w for w in strip_escape_sequences(app.warning.getvalue()).splitlines() if w]
        assert len(warnings) == 1, warnings
        assert warnings[0].startswith(f"{seed}:{line}: WARNING: {message}")
        assert warnings[0].endswith(f"[annotated_edition.{subtype}]")
        first = (app.outdir / "articles" / "first.html").read_text(encoding="utf-8")
        assert "<h1>A test headline" in first  # the page is there, with its header and note
        early = (app.outdir / "articles" / "early.html").read_text(encoding="utf-8")
        assert len(texts_by_class(early, "article-paragraph")) == 2
        index = (app.outdir / "index.html").read_text(encoding="utf-8")
        assert len(texts_by_class(index, "article-card")) == 2


def test_a_missing_catalog_is_one_warning_and_the_site_still_builds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = copy_root("articles", tmp_path / "src")
    catalog = src / "seeds" / "catalog.yaml"
    catalog.unlink()
    message = "cannot read the file: No such file or directory"
    assert main(["check", "--docs", str(src)]) == 1
    assert capsys.readouterr().out == f"{catalog}:1: {message}\n"
    with built(src) as app:
        warnings = strip_escape_sequences(app.warning.getvalue())
        assert warnings == f"{catalog}:1: WARNING: {message} [annotated_edition.catalog]\n"
        assert (app.outdir / "index.html").exists()


def test_a_hand_written_page_in_the_way_is_never_overwritten(tmp_path: Path) -> None:
    src = copy_root("articles", tmp_path / "src")
    mine = src / "articles" / "first.md"
    mine.parent.mkdir()
    mine.write_text("# My own page\n\nWritten by hand.\n", encoding="utf-8")
    with built(src) as app:
        warnings = strip_escape_sequences(app.warning.getvalue())
        assert warnings == (f"{mine}:1: WARNING: this page was not written by the edition and "
                            "is in the way of an article's page: it was left alone; move it "
                            "or change the slug [annotated_edition.catalog]\n")
        assert mine.read_text(encoding="utf-8").startswith("# My own page")
        assert "Written by hand." in (app.outdir / "articles" / "first.html").read_text()
        early = (app.outdir / "articles" / "early.html").read_text(encoding="utf-8")
        assert len(texts_by_class(early, "article-paragraph")) == 2


# --- markup characters are text ------------------------------------------------------------

MARKUP_LINES = (BROKEN / "seeds" / "markup.txt").read_text(encoding="utf-8").splitlines()[1:]


def test_markup_characters_appear_literally_in_html(tmp_path: Path) -> None:
    src = copy_root("articles", tmp_path / "src")
    (src / "seeds" / "a_first.txt").write_bytes((BROKEN / "seeds" / "markup.txt").read_bytes())
    with built(src) as app:
        assert app.warning.getvalue() == ""
        page = (app.outdir / "articles" / "first.html").read_text(encoding="utf-8")
        shown = texts_by_class(page, "article-paragraph", skip_apparatus=True) + \
            texts_by_class(page, "article-subheading", skip_apparatus=True)
        assert sorted(text for _, text in shown) == sorted(MARKUP_LINES)
        assert "<script>alert" not in page and "<b>bold" not in page
        cards = texts_by_class((app.outdir / "index.html").read_text(encoding="utf-8"),
                               "article-card-opening")
        assert MARKUP_LINES[0] in [text for _, text in cards]


def test_markup_characters_appear_literally_in_latex(tmp_path: Path) -> None:
    src = copy_root("articles", tmp_path / "src")
    (src / "seeds" / "a_first.txt").write_bytes((BROKEN / "seeds" / "markup.txt").read_bytes())
    with built(src, "latex") as app:
        assert app.warning.getvalue() == ""
        tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
        for line in MARKUP_LINES:  # each line escaped as text, never read as markup
            assert tex_escape(line, app.config.latex_engine) in tex, line
        for literal in (r"\textless{}script\textgreater{}", r"\$math\$", r"50\%", r"\&",
                        r"\#", r"\_", r"\textasciicircum{}", r"\textasciitilde{}",
                        r"Backslash \textbackslash{} and \textbackslash{}emph\{tex\}"):
            assert literal in tex, literal


MARKUP_TITLE = "A *headline* with <b>tags</b> & {role}`x`, :term:`y`, $m$, |s|, 50% #1 ~_^\\"
MARKUP_OUTLET = "Outlet [link](x) <script>"


def with_markup_in_the_catalog(src: Path) -> None:
    catalog = src / "seeds" / "catalog.yaml"
    text = catalog.read_text(encoding="utf-8")
    text = text.replace("title: A test headline", f"title: '{MARKUP_TITLE}'")
    catalog.write_text(text.replace("outlet: Test Outlet", f"outlet: '{MARKUP_OUTLET}'"),
                       encoding="utf-8")


def test_markup_in_catalog_titles_and_outlets_is_text_in_html(tmp_path: Path) -> None:
    src = copy_root("articles", tmp_path / "src")
    with_markup_in_the_catalog(src)
    with built(src) as app:
        assert app.warning.getvalue() == ""
        page = (app.outdir / "articles" / "first.html").read_text(encoding="utf-8")
        assert texts_by_class(page, "article")[0][1].split("\n", 2)[1].startswith(MARKUP_TITLE)
        assert MARKUP_OUTLET in texts_by_class(page, "article-meta")[0][1]
        index = (app.outdir / "index.html").read_text(encoding="utf-8")
        assert MARKUP_TITLE in [t.strip() for _, t in texts_by_class(index, "sd-card-title")]
        assert f"{MARKUP_OUTLET} · 2 March 2021" in \
            [t for _, t in texts_by_class(index, "article-card-meta")]
        toc = [t.strip() for _, t in texts_by_class(index, "toctree-l1")]
        assert MARKUP_TITLE in toc and "<b>tags" not in index
        assert "Outlet [link](x) &lt;script&gt; ·" in index  # escaped, not a tag


def test_markup_in_catalog_titles_and_outlets_is_text_in_latex(tmp_path: Path) -> None:
    src = copy_root("articles", tmp_path / "src")
    with_markup_in_the_catalog(src)
    with built(src, "latex") as app:
        assert app.warning.getvalue() == ""
        tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
        assert tex_escape(MARKUP_TITLE, app.config.latex_engine) in tex
        assert tex_escape(MARKUP_OUTLET, app.config.latex_engine) in tex


# --- anchors never clash -------------------------------------------------------------------


def test_a_slug_like_an_anchor_and_repeated_paragraphs_keep_ids_unique(tmp_path: Path) -> None:
    src = copy_root("articles", tmp_path / "src")
    catalog = src / "seeds" / "catalog.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("slug: first", "slug: p1"),
                       encoding="utf-8")
    (src / "seeds" / "a_first.txt").write_text("A test headline\nSame words.\nSame words.\n",
                                               encoding="utf-8")
    with built(src) as app:
        assert app.warning.getvalue() == ""
        page = (app.outdir / "articles" / "p1.html").read_text(encoding="utf-8")
        ids = re.findall(r'\bid="([^"]+)"', page)
        assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
        assert [i for i, _ in texts_by_class(page, "article-paragraph")] == ["p1", "p2"]
        assert 'id="article-p1"' in page


def test_a_seed_file_name_with_a_space_builds(tmp_path: Path) -> None:
    src = copy_root("articles", tmp_path / "src")
    (src / "seeds" / "a_first.txt").rename(src / "seeds" / "a first.txt")
    catalog = src / "seeds" / "catalog.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("file: a_first.txt",
                                                                   "file: a first.txt"),
                       encoding="utf-8")
    with built(src) as app:
        assert app.warning.getvalue() == ""
        page = (app.outdir / "articles" / "first.html").read_text(encoding="utf-8")
        assert len(texts_by_class(page, "article-paragraph")) == 2


# --- the core on huge and hostile text -----------------------------------------------------


def test_the_core_parses_ten_megabytes_without_trouble() -> None:
    text = seed_bytes(HUGE).decode("utf-8")
    assert len(text.encode()) > MAX_SEED_BYTES
    article, problems = parse_seed(text, entry())
    assert problems == [] and len(article.blocks) == text.count("\n\n")
    assert article.text[article.blocks[-1].start:] == article.blocks[-1].text


def test_first_sentence_of_a_long_paragraph_full_of_abbreviations() -> None:
    """Every stop is after "Gen.": the search must stay linear (it was quadratic)."""
    text = "Gen. Aliyev met Gen. Akar. " * 40_000
    assert first_sentence(text) == "Gen. Aliyev met Gen. Akar."
    assert first_sentence("Gen. " * 200_000 + "X") == "Gen. " * 200_000 + "X"


def test_yaml_aliases_cannot_blow_up() -> None:
    """The "billion laughs" of YAML: refused at its first anchor, nothing is expanded."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    data, problems = parse_yaml("\n".join(lines), "bomb.yaml")
    assert data is None
    assert [str(p) for p in problems] == [
        "bomb.yaml:1: an anchor (&a0) is not allowed: anchors and aliases (&name, *name) "
        "could expand without limit; write each value out (91 anchors and aliases in the "
        "file; the first is here)"]
