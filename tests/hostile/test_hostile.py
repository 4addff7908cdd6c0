"""Hostile and careless inputs: each is refused with one message naming its file and line,
by ``annotated-edition check`` and by a strict Sphinx build alike, and nothing unsafe reaches any
output file.

Every case starts from ``tests/roots/test-hostile`` (an article, a glossary and a note in
the safe subset, which builds clean) and changes one input. Both commands run as separate
processes, as an editor runs them, under a timeout: an input that makes either hang (the
YAML alias bomb once ran past 300 s) fails the test instead of stalling the suite. The
timeout is a guard against hanging, not a measure of speed.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from buildtools import copy_root

HANG = 120  # seconds: far beyond any of these runs; only a hang reaches it
NOTE = "note on 'began on 15 June' in first"
ALLOWED_ROLES = "the edition's roles are {doc}, {term}"
NOT_ALLOWED = "is not allowed in the edition's markup"
LEFT_OUT = "the note is left out"
# What no output file may hold, whatever the case: script or handlers from the data,
# the build machine's files.
# (Sphinx's own scripts in _static/ are compared with a clean build's instead.)
NEVER = ("<script>window.hostile", "onerror=", "javascript:", "root:x:0:0",
         "SECRET-OUTSIDE-THE-PROJECT", "window.hostile=1</script>")


def notes_file(text: str, extra: str = "", escape: bool = False) -> str:
    """A notes file whose one note has ``text`` on line 5 (its letters as escapes, or not)."""
    return ("notes:\n  - article: first\n    quote: began on 15 June\n    kind: context\n"
            f"    text: {json.dumps(text, ensure_ascii=escape)}\n{extra}")


def bomb(indent: str) -> str:
    """Nine anchors of nine aliases each, written as YAML flow lists, one per line."""
    lines = [f"{indent}- &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        lines.append(f"{indent}- &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def glossary_file(definition: str = "Capital of Türkiye.", index: str = "Erdoğan, Recep Tayyip",
                  see_also: str = "[]") -> str:
    """The root's glossary with one field changed; the Ankara entry starts at line 12."""
    return ("entries:\n"
            "  - id: erdogan\n"
            "    term: Recep Tayyip Erdoğan\n"
            f"    index: {json.dumps(index)}\n"
            "    aliases: [Erdoğan]\n"
            "    category: person\n"
            "    definition: President of Türkiye since 2014.\n"
            f"    see_also: {see_also}\n"
            "  - id: shusha\n"
            "    term: Shusha\n"
            "    category: place\n"
            "    definition: A town in Karabakh; Shushi in Armenian.\n"
            "  - id: ankara\n"
            "    term: Ankara\n"
            "    category: place\n"
            f"    definition: {json.dumps(definition)}\n")


SEED = (Path(__file__).parent.parent / "roots" / "test-hostile" / "seeds" /
        "a_first.txt").read_text(encoding="utf-8")


@dataclass
class Case:
    """One input changed, and every message the editor must get, as ``file:line: message``.

    ``check`` is False where only the build can see the problem (MyST syntax a project
    enables beyond the default, which the core does not tokenise); ``shown``: what the
    article page must still hold.
    """

    files: dict[str, str | bytes]
    messages: list[str]
    subtype: str
    check: bool = True
    shown: tuple[str, ...] = ()
    never: tuple[str, ...] = ()
    prepare: Callable[[Path], None] | None = None
    extra_build_warnings: list[str] = field(default_factory=list)


def note_case(text: str, *reasons: str, never: tuple[str, ...] = ()) -> Case:
    return Case({"notes.yaml": notes_file(text)},
                [f"notes.yaml:5: {NOTE}: {why}; {LEFT_OUT}" for why in reasons], "markup",
                never=never)


def scheme_refused(href: str) -> str:
    return f"the link to {href!r} is not allowed: links go to http(s) or mailto addresses only"


def relative_refused(href: str) -> str:
    return (f"the relative link {href!r} is not allowed: link to the edition's own pages "
            "with {doc}, to others with a full http(s) address")


def link_notes_outside(src: Path) -> None:
    """The notes file is a symbolic link to a well-formed notes file outside the project."""
    secret = src.parent / "outside.yaml"
    secret.write_text(notes_file("SECRET-OUTSIDE-THE-PROJECT"), encoding="utf-8")
    (src / "notes.yaml").unlink()
    (src / "notes.yaml").symlink_to(secret)


def link_outside(src: Path) -> None:
    """A seed that is a symbolic link to a file outside the project."""
    secret = src.parent / "outside.txt"
    secret.write_text("A headline\n\nSECRET-OUTSIDE-THE-PROJECT and its words.\n",
                      encoding="utf-8")
    (src / "seeds" / "b_link.txt").symlink_to(secret)
    catalog = src / "seeds" / "catalog.yaml"
    entry = catalog.read_text(encoding="utf-8").split("\n", 1)[1]
    catalog.write_text(catalog.read_text(encoding="utf-8") +
                       entry.replace("a_first.txt", "b_link.txt").replace("first", "linked"),
                       encoding="utf-8")


CASES: dict[str, Case] = {
    # --- markup of notes: script, handlers, the build machine's files ------------------
    "script_tag": note_case("x <script>window.hostile=1</script> y",
                            f"raw HTML ('<script>') {NOT_ALLOWED}"),
    "onerror_attribute": note_case(
        "x <img src=x onerror=\"window.hostile=1\">",
        f"raw HTML ('<img src=x onerror=\"window.hostile=1\">') {NOT_ALLOWED}"),
    "html_comment": note_case("x <!-- hidden --> y", f"raw HTML ('<!-- hidden -->') {NOT_ALLOWED}"),
    "download_role": note_case(
        "{download}`p <../../../../../../etc/passwd>`",
        f"the role {{download}} is not allowed: {ALLOWED_ROLES}"),
    "image": note_case("![i](/etc/passwd)", f"an image ('/etc/passwd') {NOT_ALLOWED}"),
    "raw_role": note_case("{raw}`html <script>window.hostile=1</script>`",
                          f"the role {{raw}} is not allowed: {ALLOWED_ROLES}"),
    "pep_role_with_an_error": note_case("{pep}`notanumber`",
                                        f"the role {{pep}} is not allowed: {ALLOWED_ROLES}"),
    "include_directive": note_case(
        "```{include} /etc/passwd```",
        f"a directive ('```{{include}} /etc/passwd```') {NOT_ALLOWED}"),
    "javascript_link": note_case(
        "[click](javascript:window.hostile=1)",
        scheme_refused("javascript:window.hostile=1")),
    "javascript_link_in_capitals": note_case(
        "[click](JaVaScRiPt:window.hostile=1)",
        scheme_refused("JaVaScRiPt:window.hostile=1"), never=("JaVaScRiPt",)),
    "javascript_autolink": note_case(
        "<javascript:window.hostile=1>",
        scheme_refused("javascript:window.hostile=1")),
    "data_link": note_case(
        "[x](data:text/html,<script>window.hostile=1</script>)",
        scheme_refused("data:text/html,%3Cscript%3Ewindow.hostile=1%3C/script%3E"),
        never=("data:text",)),
    "file_link": note_case(
        "[x](file:///etc/passwd)",
        scheme_refused("file:///etc/passwd"), never=("file:///",)),
    "relative_link_out_of_the_tree": note_case(
        "[x](../../../etc/passwd)",
        relative_refused("../../../etc/passwd"), never=("etc/passwd",)),
    "protocol_relative_link": note_case(
        "[x](//evil.example/x)",
        relative_refused("//evil.example/x"), never=("evil.example",)),
    "footnote_reference": note_case("x[^1]", f"markup of the kind 'footnote_ref' ('') "
                                             f"{NOT_ALLOWED}"),
    "several_at_once": note_case(
        "<b>x</b> {pep}`1` ![i](x.png)",
        f"raw HTML ('<b>') {NOT_ALLOWED}", f"the role {{pep}} is not allowed: {ALLOWED_ROLES}",
        f"an image ('x.png') {NOT_ALLOWED}"),
    "a_very_long_line": note_case(
        "<b>" + "x" * 200_000, f"raw HTML ('<b>') {NOT_ALLOWED}"),
    # a project that enables more MyST syntax: the build checks the rendered note too
    "math_where_a_project_enables_it": Case(
        {"notes.yaml": notes_file("costs $x$ dollars"),
         "conf.py": (Path(__file__).parent.parent / "roots" / "test-hostile" / "conf.py")
         .read_text(encoding="utf-8") + 'myst_enable_extensions = ["dollarmath"]\n'},
        [f"notes.yaml:5: {NOTE}: a math node ('x') {NOT_ALLOWED}; {LEFT_OUT}"], "markup",
        check=False),
    # --- glossary definitions ---------------------------------------------------------
    "definition_with_script": Case(
        {"glossary.yaml": glossary_file("Capital <script>window.hostile=1</script>")},
        [f"glossary.yaml:16: the definition of 'ankara': raw HTML ('<script>') {NOT_ALLOWED}; "
         "the entry is left out"], "markup"),
    "index_key_without_letters": Case(
        {"glossary.yaml": glossary_file(index="!!!")},
        ["glossary.yaml:4: the index '!!!' of the entry 'erdogan' has no letter or digit: the "
         "book's index cannot file it"], "glossary"),
    # --- YAML ------------------------------------------------------------------------
    "alias_bomb_in_see_also": Case(
        {"glossary.yaml": glossary_file(see_also="\n" + bomb("      "))},
        ["glossary.yaml:9: an anchor (&a0) is not allowed: anchors and aliases (&name, "
         "*name) could expand without limit; write each value out (81 anchors and aliases in "
         "the file; the first is here)"], "data",
        # the whole glossary is refused: the note's {term} has nothing to point to
        extra_build_warnings=["notes.yaml:5: term not in glossary: 'Shusha' [ref.term]"]),
    "alias_bomb_beside_a_note": Case(
        {"notes.yaml": notes_file("A note.", "    extra:\n" + bomb("      "))},
        ["notes.yaml:7: an anchor (&a0) is not allowed: anchors and aliases (&name, *name) "
         "could expand without limit; write each value out (81 anchors and aliases in the "
         "file; the first is here)"], "notes"),
    "nesting_too_deep": Case(
        {"notes.yaml": notes_file("A note.", "    extra: " + "[" * 100 + "]" * 100 + "\n")},
        ["notes.yaml:6: not usable YAML: values nested more than 64 deep"], "notes"),
    "nul_byte_in_a_data_file": Case(
        {"notes.yaml": notes_file("A note.").replace("A note.", "A\u0000note.").encode()},
        ["notes.yaml:5: not a text file (NUL byte found): it was not read"], "notes"),
    "a_huge_value_in_a_message": Case(
        {"notes.yaml": notes_file("A note.").replace("kind: context",
                                                     "kind: [" + "x, " * 50_000 + "x]")},
        # the message is cut at 300 characters, where a whole value would be 250,000
        ["notes.yaml:4: " + ("notes.0.kind: [" + "'x', " * 100)[:300] + "… (cut short)"],
        "notes"),
    "data_file_linked_outside_the_project": Case(
        {}, ["notes.yaml:1: the data file is a symbolic link to a file outside its folder: "
             "it was not read (nothing outside the project is published); copy the file into "
             "the folder"], "notes", prepare=link_notes_outside),
    # --- seeds -----------------------------------------------------------------------
    "seed_linked_outside_the_project": Case(
        {}, ["seeds/b_link.txt:1: the seed is a symbolic link to a file outside the seed "
             "folder: it was not read (nothing outside the project is published); copy the "
             "text into the seed folder"], "seed-link", prepare=link_outside),
    "stray_byte_in_a_seed": Case(
        {"seeds/a_first.txt": SEED.encode() + b"\nCaf\xe9 society, the mayor\xe2\x80\x99s.\n"},
        ["seeds/a_first.txt:7: not valid UTF-8 (byte 0xe9 at column 4): shown as \ufffd "
         "(U+FFFD); retype the letters of this line and save the file as UTF-8"], "encoding",
        shown=("Caf\ufffd society, the mayor’s.", "the agency’s report")),
    "right_to_left_override_in_a_seed": Case(
        {"seeds/a_first.txt": SEED.replace("The leaders", "The \u202eleaders")},
        ["seeds/a_first.txt:5: a bidirectional control character U+202E (RIGHT-TO-LEFT "
         "OVERRIDE) at column 5: it can show the text in another order than it is read; "
         "remove it"], "unicode"),
    "bidi_isolate_in_a_data_file": Case(
        {"notes.yaml": notes_file("A \u2067note\u2069.")},
        ["notes.yaml:5: a bidirectional control character U+2067 (RIGHT-TO-LEFT ISOLATE) at "
         "column 14: it can show the text in another order than it is read; remove it"],
        "notes"),
    "bidi_override_as_a_yaml_escape": Case(
        {"notes.yaml": notes_file("A \u202enote.", escape=True)},
        ["notes.yaml:5: an escaped bidirectional control character U+202E (RIGHT-TO-LEFT "
         "OVERRIDE) in a quoted value: it can show the text in another order than it is read; "
         "remove it"], "notes"),
}


def run_check(src: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "annotated_edition", "check", "--docs", "."],
                          cwd=src, capture_output=True, text=True, timeout=HANG, check=False)


def run_build(src: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """A strict build, as CI runs it (``-W --keep-going -n``), without colours."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q",
                           str(src), str(out)], capture_output=True, text=True,
                          timeout=HANG, check=False, env=env)


def build_warnings(stderr: str, src: Path) -> list[str]:
    """``file:line: message [annotated_edition.subtype]`` for every warning, paths made relative."""
    found = []
    for line in stderr.splitlines():
        match = re.match(r"(.+?):(\d+): WARNING: (.*)$", line)
        if match:
            path = Path(match[1])
            where = path.relative_to(src).as_posix() if path.is_relative_to(src) else str(path)
            found.append(f"{where}:{match[2]}: {match[3]}")
        elif line.strip():
            found.append(line)
    return found


class _ActiveMarkup(HTMLParser):
    """Collects what a browser would run: handler attributes, scripts, javascript: links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data: str) -> None:
        if self.in_script and "hostile" in data:
            self.found.append(f"<script>{data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def active_markup(page: str) -> list[str]:
    """Every handler attribute, ``javascript:`` link and injected script of an HTML page."""
    parser = _ActiveMarkup()
    parser.feed(page)
    return parser.found


def every_output_file(out: Path) -> dict[str, bytes]:
    return {path.relative_to(out).as_posix(): path.read_bytes()
            for path in out.rglob("*") if path.is_file()}


def set_up(case: Case, tmp_path: Path) -> Path:
    src = copy_root("hostile", tmp_path / "src")
    for name, content in case.files.items():
        target = src / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    if case.prepare is not None:
        case.prepare(src)
    return src


@pytest.fixture(scope="module")
def clean_static(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The static files (Sphinx's and the extensions' scripts) of a clean build."""
    base = tmp_path_factory.mktemp("clean")
    src = copy_root("hostile", base / "src")
    assert run_build(src, base / "out").returncode == 0
    return {name: data for name, data in every_output_file(base / "out").items()
            if name.startswith("_static/")}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_refused_by_check_and_build(name: str, tmp_path: Path,
                                                     clean_static: dict[str, bytes]) -> None:
    case = CASES[name]
    src = set_up(case, tmp_path)
    check = run_check(src)
    assert "Traceback" not in check.stdout + check.stderr
    if case.check:
        assert check.returncode == 1
        assert check.stdout.splitlines() == sorted(case.messages)
    else:
        assert check.returncode == 0, check.stdout
    out = tmp_path / "out"
    build = run_build(src, out)
    assert "Traceback" not in build.stdout + build.stderr
    assert build.returncode == 1  # -W: a warning stops the build
    warnings = build_warnings(build.stderr, src)
    assert warnings == [f"{message} [annotated_edition.{case.subtype}]"
                        for message in case.messages] + case.extra_build_warnings
    files = every_output_file(out)
    assert "articles/first.html" in files
    assert not [name for name in files if name.startswith(("_downloads", "_images"))]
    static = {name: data for name, data in files.items() if name.startswith("_static/")}
    assert static == clean_static
    for needle in (*NEVER, *case.never):
        holding = [name for name, data in files.items()
                   if needle.encode() in data and name not in static]
        assert not holding, f"{needle!r} reached {holding}"
    for name, data in files.items():
        if name.endswith(".html"):
            assert active_markup(data.decode()) == [], name
    page = files["articles/first.html"].decode()
    for text in case.shown:
        assert text in page


def test_the_hostile_root_builds_clean_and_its_safe_note_renders(tmp_path: Path) -> None:
    """The subset works: emphasis, strong, {term}, {doc}, http(s) and mailto links."""
    src = copy_root("hostile", tmp_path / "src")
    assert run_check(src).returncode == 0
    out = tmp_path / "out"
    build = run_build(src, out)
    assert (build.returncode, build.stderr) == (0, "")
    page = (out / "articles" / "first.html").read_text(encoding="utf-8")
    note = page[page.index('id="note-1"'):]
    note = note[:note.index("</aside>")] if "</aside>" in note else note[:4000]
    for shown in ("<em>emphasis</em>", "<strong>strong</strong>", 'href="https://example.org"',
                  'href="mailto:ed', 'href="../glossary.html"',
                  'href="../glossary.html#term-Shusha"'):
        assert shown in note


def test_html_entities_stay_text(tmp_path: Path) -> None:
    """``&lt;script&gt;`` in a note is the text "<script>", shown as text, never a tag."""
    src = set_up(Case({"notes.yaml": notes_file(
        "&lt;script&gt;window.hostile=1&lt;/script&gt; &#x3C;b&#x3E;x")}, [], ""), tmp_path)
    assert run_check(src).returncode == 0
    out = tmp_path / "out"
    assert run_build(src, out).returncode == 0
    page = (out / "articles" / "first.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.hostile=1&lt;/script&gt; &lt;b&gt;x" in page
    assert "<script>window" not in page and "<b>x" not in page


def test_invisible_characters_and_decomposed_letters_do_not_stop_a_link(tmp_path: Path) -> None:
    """A soft hyphen, a zero-width joiner or a decomposed ğ inside a term: still linked,
    and the words are printed as the seed has them."""
    seed = (SEED.replace("Erdoğan’s", "Erdog\u0306an’s").replace("Shusha", "Shu\u00adsha")
            .replace("Ankara", "An\u200dkara"))
    src = set_up(Case({"seeds/a_first.txt": seed}, [], ""), tmp_path)
    assert run_check(src).returncode == 0
    out = tmp_path / "out"
    build = run_build(src, out)
    assert (build.returncode, build.stderr) == (0, "")
    page = (out / "articles" / "first.html").read_text(encoding="utf-8")
    for entry, printed in (("erdogan", "Erdog\u0306an’s"), ("shusha", "Shu\u00adsha"),
                           ("ankara", "An\u200dkara")):
        link = re.search(rf'<a [^>]*data-glossary="{entry}"[^>]*>(.*?)</a>', page, re.S)
        assert link is not None, entry
        assert re.sub("<[^>]+>", "", link[1]) == printed


def test_markup_in_plain_text_fields_stays_text(tmp_path: Path) -> None:
    """Fields shown as plain text (a title, an outlet, a glossary term's dates) never become
    HTML: no message is needed, the reader sees the characters."""
    injected = '<img src="x" onerror="window.hostile=1"><script>window.hostile=1</script>'
    src = set_up(Case({"glossary.yaml": glossary_file().replace(
        "    category: place\n    definition: \"Capital",
        f"    category: place\n    dates: '{injected}'\n    definition: \"Capital")}, [], ""),
        tmp_path)
    catalog = src / "seeds" / "catalog.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8")
                       .replace("title: A first headline", f"title: '{injected}'")
                       .replace("outlet: Test Outlet", f"outlet: '{injected}'"),
                       encoding="utf-8")
    assert run_check(src).returncode == 0
    out = tmp_path / "out"
    build = run_build(src, out)
    assert (build.returncode, build.stderr) == (0, "")
    pages = {name: data.decode() for name, data in every_output_file(out).items()
             if name.endswith(".html")}
    for name, page in pages.items():
        assert active_markup(page) == [], name
    escaped = ("&lt;img src=&quot;x&quot; onerror=&quot;window.hostile=1&quot;&gt;"
               "&lt;script&gt;window.hostile=1&lt;/script&gt;")
    assert escaped in pages["articles/first.html"]  # the title and the outlet
