"""The notes extension on a small test root: what a reader sees, and every bad input."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

from htmltext import texts_by_class
from notehtml import before_marker, build_warnings, footnote_text, marked_text, paragraph_html

GOOD_NOTES = (Path(__file__).parent / "roots" / "test-notes" / "notes.yaml").read_text(
    encoding="utf-8")


def page(app: SphinxTestApp, slug: str) -> str:
    return (Path(app.outdir) / "articles" / f"{slug}.html").read_text(encoding="utf-8")


def jsonld(app: SphinxTestApp) -> dict[str, Any]:
    return json.loads((Path(app.outdir) / "annotations.jsonld").read_text(encoding="utf-8"))


@pytest.mark.sphinx("html", testroot="notes")
def test_markers_follow_the_quoted_words_numbered_per_article(app: SphinxTestApp) -> None:
    app.build()
    assert build_warnings(app.warning.getvalue()) == []
    first = page(app, "first")
    assert marked_text(first, "p1") == ("The war began⟦1⟧ on Sept. 27, 2021,⟦sic⟧⟦2⟧ says the "
                                        "text, and it was not not⟦sic⟧⟦3⟧ over.")
    assert marked_text(first, "p2") == \
        "Shusha is named here, and Shusha⟦4⟧ is named again."
    assert before_marker(first, "p4", 5).endswith('mentions "Victory Day"')
    # the second article counts from 1 again
    assert marked_text(page(app, "second"), "p1") == \
        "A paragraph that links back⟦1⟧ to the first article."
    # the additions carry the class apparatus: without them the text is the source's
    bare = dict(texts_by_class(first, "article-paragraph", skip_apparatus=True))
    assert bare["p1"] == "The war began on Sept. 27, 2021, says the text, and it was not not over."


@pytest.mark.sphinx("html", testroot="notes")
def test_notes_are_footnotes_with_links_and_back_links(app: SphinxTestApp) -> None:
    app.build()
    first = page(app, "first")
    assert footnote_text(first, "note-3") == '[ 3 ] The source doubles the word; read “not”.'
    assert footnote_text(first, "note-2") == "[ 2 ] Read 2020 ."
    context = footnote_text(first, "note-4")
    assert context == "[ 4 ] Shusha (Armenian: Shushi); see Shusha and A second headline ."
    note = first[first.index('id="note-4"'):]
    note = note[:note.index("</aside>")]
    assert 'href="../index.html#term-Shusha"' in note  # {term} resolved by Sphinx
    assert 'href="second.html"' in note  # {doc} resolved to the page
    ref_id = re.search(r'<a class="[^"]*edition-note-ref[^"]*" href="#note-4" id="([^"]+)"',
                       first)
    assert ref_id and f'href="#{ref_id.group(1)}"' in note  # back link to the marker
    # under the article's text, before the editorial note, with a heading
    assert first.index('class="edition-notes') < first.index('class="editorial-note')
    assert "Notes</p>" in first and "edition-notes.js" in first and "edition-notes.css" in first
    # the mark's space does not break: "[sic]" never starts a line
    assert '<span class="apparatus sic">\u00a0[<em>sic</em>]</span>' in paragraph_html(first, "p1")


@pytest.mark.sphinx("html", testroot="notes", confoverrides={
    "html_baseurl": "https://edition.example.org/"})
def test_annotations_jsonld(app: SphinxTestApp) -> None:
    app.build()
    data = jsonld(app)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 6
    assert data["id"] == "https://edition.example.org/annotations.jsonld"
    items = data["first"]["items"]
    assert {item["motivation"] for item in items} == {"describing", "editing", "commenting",
                                                       "linking"}
    for item in items:
        source = item["target"]["source"]
        assert source.startswith("https://edition.example.org/articles/")
        built = page(app, source.rsplit("/", 1)[1].removesuffix(".html"))
        quote, fragment = item["target"]["selector"]
        text = dict(texts_by_class(built, "article-paragraph", skip_apparatus=True))[
            fragment["value"]]
        start, end = fragment["refinedBy"]["start"], fragment["refinedBy"]["end"]
        assert text[start:end] == quote["exact"]
        assert quote.get("prefix", "") + quote["exact"] + quote.get("suffix", "") in text
        assert item["id"].startswith(source + "#note-")
        assert f'id="{item["id"].split("#")[1]}"' in built
    linking = next(item for item in items if item["motivation"] == "linking")
    assert linking["body"][0]["value"] == "See A first headline."
    assert linking["body"][1]["source"] == "https://edition.example.org/articles/first.html"


@pytest.mark.sphinx("latex", testroot="notes")
def test_latex_footnotes_stand_after_the_quoted_words(app: SphinxTestApp) -> None:
    app.build()
    assert build_warnings(app.warning.getvalue()) == []
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert ("it was not not\\DUrole{apparatus}{\\DUrole{sic}{\u00a0{[}"
            "\\sphinxstyleemphasis{sic}{]}}}%\n\\begin{footnote}[3]\\sphinxAtStartFootnote\n"
            "The source doubles the word; read “not”.\n%\n\\end{footnote} over.") in tex
    assert "The war began%\n\\begin{footnote}[1]\\sphinxAtStartFootnote\nA framing note" in tex
    assert "Notes" not in tex.split("\\begin{document}")[1].split("Editorial note")[0] \
        .replace("footnote", "")  # no empty "Notes" heading in print


@pytest.mark.sphinx("html", testroot="notes", parallel=2, srcdir="notes-parallel")
def test_parallel_build_keeps_every_note(app: SphinxTestApp) -> None:
    app.build()
    assert build_warnings(app.warning.getvalue()) == []
    assert jsonld(app)["total"] == 6
    assert "⟦4⟧" in marked_text(page(app, "first"), "p2")


@pytest.mark.sphinx("html", testroot="notes", srcdir="notes-incremental")
def test_a_changed_note_is_rebuilt(app: SphinxTestApp) -> None:
    app.build()
    (Path(app.srcdir) / "notes.yaml").write_text(
        GOOD_NOTES.replace("A framing note on the war.", "A changed note."), encoding="utf-8")
    app.build()
    assert "A changed note." in footnote_text(page(app, "first"), "note-1")
    assert "A changed note." in json.dumps(jsonld(app))


BAD_INPUT = [
    ("quote: not in the text\n    kind: context", "note-quote", "is not in the text"),
    ("quote: Shusha\n    kind: context", "note-ambiguous", "occurs 2 times"),
    ("quote: The war began\n    kind: framing", "note-overlap", "same kind on the same words"),
    ("quote: says the\n    kind: contxt", "note-kind", "unknown kind 'contxt'"),
]


@pytest.mark.parametrize(("note", "subtype", "message"), BAD_INPUT)
def test_bad_input_is_one_warning_and_the_rest_builds(
        make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path, note: str,
        subtype: str, message: str) -> None:
    srcdir = tmp_path / "root"
    shutil.copytree(rootdir / "test-notes", srcdir)
    line = GOOD_NOTES.count("\n") + 2
    (srcdir / "notes.yaml").write_text(
        GOOD_NOTES + f"  - article: a_first.txt\n    {note}\n    text: Bad.\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = build_warnings(app.warning.getvalue())
    assert len(warnings) == 1, warnings
    where = f"notes.yaml:{line + (1 if subtype == 'note-kind' else 0)}: WARNING:"
    assert where in warnings[0] and message in warnings[0]
    assert f"[annotated_edition.{subtype}]" in warnings[0]
    if subtype != "note-kind":
        assert "a_first.txt (first)" in warnings[0]
    assert "Traceback" not in app.warning.getvalue()
    assert jsonld(app)["total"] == 6  # every good note is still there
    assert "⟦4⟧" in marked_text(page(app, "first"), "p2")


def test_an_unknown_article_and_a_suppressed_warning(
        make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "root"
    shutil.copytree(rootdir / "test-notes", srcdir)
    (srcdir / "notes.yaml").write_text(
        GOOD_NOTES + "  - article: third\n    quote: x\n    kind: context\n    text: Bad.\n",
        encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    warning = app.warning.getvalue()
    assert "notes.yaml:" in warning and "unknown article 'third'" in warning
    assert "[annotated_edition.note-article]" in warning
    app.cleanup()  # the next app registers the same node classes again
    quiet = make_app("html", srcdir=srcdir, freshenv=True,
                     confoverrides={"suppress_warnings": ["annotated_edition.note-article"]})
    quiet.build()
    assert build_warnings(quiet.warning.getvalue()) == []


GLOSSARY_LIKE = """

# Like the glossary extension: a transform before ours that wraps terms in pending_xref.
import re as _re

from docutils import nodes as _nodes
from sphinx import addnodes as _addnodes
from sphinx.transforms import SphinxTransform as _Transform


class LinkTerms(_Transform):
    default_priority = 500

    def apply(self):
        for text in list(self.document.findall(_nodes.Text)):
            paragraph = text.parent
            if not paragraph.get("edition_anchor"):
                continue
            parts = _re.split(r"(Victory Day|Shusha)", str(text))
            new = [_addnodes.pending_xref("", _nodes.inline(part, part), refdomain="std",
                                          reftype="term", reftarget=part.lower(),
                                          refdoc=self.env.docname, refwarn=True)
                   if index % 2 else _nodes.Text(part)
                   for index, part in enumerate(parts) if part]
            paragraph.replace(text, new)


def setup(app):
    app.add_transform(LinkTerms)
"""


def test_markers_after_words_already_linked_by_an_earlier_transform(
        make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "root"
    shutil.copytree(rootdir / "test-notes", srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(GLOSSARY_LIKE)
    (srcdir / "notes.yaml").write_text(
        GOOD_NOTES + "  - article: first\n    quote: Victory\n    kind: context\n"
        "    text: Ends inside a linked term.\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert build_warnings(app.warning.getvalue()) == []
    first = page(app, "first")
    assert marked_text(first, "p2") == "Shusha is named here, and Shusha⟦4⟧ is named again."
    assert marked_text(first, "p4") == \
        'The last paragraph mentions "Victory Day⟦5⟧"⟦6⟧ and ends here.'
    p2 = paragraph_html(first, "p2")
    assert re.search(r'href="../index.html#term-Shusha"[^>]*>.*?</a><a class="[^"]*'
                     r'edition-note-ref[^"]*" href="#note-4"', p2)
    bare = dict(texts_by_class(first, "article-paragraph", skip_apparatus=True))
    assert bare["p4"] == 'The last paragraph mentions "Victory Day" and ends here.'


def test_export_is_the_same_serial_or_parallel_and_dated_only_by_source_date_epoch(
        make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    outputs = []
    for parallel in (0, 2):
        srcdir = tmp_path / f"root-{parallel}"
        shutil.copytree(rootdir / "test-notes", srcdir)
        app = make_app("html", srcdir=srcdir, parallel=parallel)
        app.build()
        outputs.append((Path(app.outdir) / "annotations.jsonld").read_bytes())
        app.cleanup()
    assert outputs[0] == outputs[1]
    assert b'"generated"' not in outputs[0]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    srcdir = tmp_path / "root-dated"
    shutil.copytree(rootdir / "test-notes", srcdir)
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert jsonld(app)["generated"] == "2023-11-14T22:13:20Z"


def test_a_broken_notes_file_is_one_warning_and_the_articles_build(
        make_app: type[SphinxTestApp], rootdir: Path, tmp_path: Path) -> None:
    srcdir = tmp_path / "root"
    shutil.copytree(rootdir / "test-notes", srcdir)
    (srcdir / "notes.yaml").write_text("notes:\n  - article: first\n    quote: [oops\n",
                                       encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = build_warnings(app.warning.getvalue())
    assert len(warnings) == 1 and "notes.yaml:" in warnings[0]
    assert "not valid YAML" in warnings[0] and "[annotated_edition.notes]" in warnings[0]
    first = page(app, "first")
    assert "edition-note-ref" not in first and "The war began on Sept. 27, 2021" in first
    assert jsonld(app)["total"] == 0
