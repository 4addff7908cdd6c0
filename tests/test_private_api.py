"""Each private use of Sphinx, MyST and sphinx-design (``private_api``), checked against the
installed versions: a release that changes one fails here, by name, with what to look at.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import sphinx
import sphinx_design
from docutils import nodes
from sphinx import addnodes
from sphinx.search.en import SearchEnglish
from sphinx.testing.util import SphinxTestApp
from sphinx.util.docutils import new_document

from sphinx_annotated_edition import private_api

VERSIONS = f"Sphinx {sphinx.__version__}"


@pytest.mark.sphinx("html", testroot="reading", freshenv=True)  # every page read
def test_sphinx_keeps_the_doctrees_read_for_writing(app: SphinxTestApp) -> None:
    seen: list[object] = []

    def note_cache(app: SphinxTestApp, builder: object) -> None:
        cache = private_api.read_doctrees_cache(app.env)
        seen.append(None if cache is None else set(cache))  # writing empties it

    app.connect("write-started", note_cache)
    app.build()
    assert seen and isinstance(seen[0], set) and "index" in seen[0], (
        f"{VERSIONS} no longer keeps the doctrees read in BuildEnvironment."
        f"{private_api.DOCTREE_CACHE} when writing starts: buildgc cannot drop them "
        "(see private_api.read_doctrees_cache)")


def test_sphinx_english_stemmer_for_the_browser() -> None:
    code = private_api.english_stemmer_js()
    assert "SphinxEnglishStemmer" in code
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the stemmer's JavaScript is not run")
    words = ["negotiations", "running", "relations"]
    script = code + "".join(f'\nconsole.log(new SphinxEnglishStemmer().stemWord("{word}"));'
                            for word in words)
    result = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=60)
    in_python = [SearchEnglish({}).stem(word) for word in words]  # the index's stems
    assert result.returncode == 0 and result.stdout.split() == in_python, (
        f"{VERSIONS}'s English stemmer for the browser is not where or what "
        f"private_api.english_stemmer_js expects: {result.stderr[-500:]}")


def test_sphinx_search_page_has_the_functions_the_edition_wraps() -> None:
    searchtools = (Path(sphinx.__file__).parent / "themes" / "basic" / "static"
                   / "searchtools.js").read_text(encoding="utf-8")
    signatures = {"Search.htmlToText": r"htmlToText:\s*\(htmlString,\s*anchor\)",
                  "Search.makeSearchSummary":
                      r"makeSearchSummary:\s*\(htmlText,\s*keywords,\s*anchor\)"}
    assert set(signatures) == set(private_api.SEARCHTOOLS_FUNCTIONS)
    for name, pattern in signatures.items():
        assert re.search(pattern, searchtools), (
            f"{VERSIONS}'s searchtools.js has no {name} with the arguments the edition's "
            "search script (search/language.py, WRAPPER_JS) passes on")


@pytest.mark.sphinx("html", testroot="reading")
def test_myst_renders_a_note_inline(app: SphinxTestApp) -> None:
    app.build()
    document = new_document("notes.yaml", app.env.get_doctree("index").settings)
    holder = nodes.paragraph()
    md = private_api.myst_inline_parser(app.env, document)
    private_api.render_myst_inline(md, "1. *Shusha* and [a link](https://example.org)",
                                   holder, 7)
    kinds = [type(child).__name__ for child in holder.children]
    assert kinds == ["Text", "emphasis", "Text", "reference"], (
        "MyST's renderer (myst_parser.mdit_to_docutils, create_md_parser, env.myst_config) "
        f"no longer renders inline markup into a node as private_api expects: {kinds}")
    assert holder[0].astext() == "1. " and holder[3]["refuri"] == "https://example.org"


@pytest.mark.sphinx("html", testroot="reading")
def test_sphinx_log_records_are_collected_not_written(app: SphinxTestApp) -> None:
    logger = logging.getLogger("sphinx.sphinx_annotated_edition.test")
    with private_api.collected_logs() as records:
        logger.warning("a note's problem")
    assert [record.getMessage() for record in records] == ["a note's problem"], (
        f"{VERSIONS}'s LogCollector no longer collects log records (private_api."
        "collected_logs): MyST's messages about a note would name the wrong line")
    assert "a note's problem" not in app.warning.getvalue()


def test_sphinx_design_components_and_classes() -> None:
    card = private_api.design_component("card", "article-card",
                                        children=[nodes.paragraph("", "text")])
    assert isinstance(card, nodes.container) and card.get("design_component") == "card", (
        "sphinx_design.shared.create_component no longer makes the node sphinx-design's "
        "cards are: the article cards must be made another way")
    assert "article-card" in card["classes"] and card.astext() == "text"
    passthrough = private_api.design_passthrough(nodes.inline("", "link"))
    assert passthrough.astext() == "link"
    static = Path(sphinx_design.__file__).parent / "static"
    css = "".join(path.read_text(encoding="utf-8") for path in static.glob("*.css"))
    missing = sorted({name for classes in private_api.DESIGN_CLASSES.values()
                      for name in classes if f".{name}" not in css})
    assert not missing, f"sphinx-design's stylesheet no longer styles {missing}"
    for name, markers in private_api.DESIGN_ASSETS_USED_WHEN.items():
        assert (static / name).is_file(), f"sphinx-design no longer ships {name}"
        assert all(marker.removeprefix('class="') in css for marker in markers), markers


@pytest.mark.sphinx("latex", testroot="reading")
def test_sphinx_latex_uris_labels_and_index_macros(app: SphinxTestApp) -> None:
    app.build()
    uri = app.builder.get_relative_uri("index", "plain") + "#target"
    assert private_api.latex_label(uri) == "plain:target", (
        f"{VERSIONS}'s LaTeX builder no longer writes URIs as %docname#id: {uri!r}")
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\label{\detokenize{plain::doc}}" in tex, (
        f"{VERSIONS}'s LaTeX writer no longer labels a page docname:id")
    document = new_document("index.rst", app.env.get_doctree("index").settings)
    theme = app.builder.themes.get("manual")  # type: ignore[attr-defined]
    translator = app.builder.create_translator(document, app.builder, theme)
    assert private_api.latex_escaped_label(translator, "plain:p1") == r"\detokenize{plain:p1}"
    # the translator's (undocumented) link helpers the edition's LaTeX visitors call
    assert translator.hyperlink("plain:p1").startswith(r"{\hyperref[\detokenize{plain:p1}]")
    assert translator.hypertarget("plain:p1", withdoc=False) == \
        r"\phantomsection\label{\detokenize{plain:p1}}"
    texinputs = b"".join(path.read_bytes() for path in
                         (Path(sphinx.__file__).parent / "texinputs").iterdir()
                         if path.suffix in (".sty", ".xdy"))
    for macro in (private_api.LATEX_INDEX_ENTRY, "\\" + private_api.LATEX_INDEX_MAIN_PAGE):
        assert macro.encode() in texinputs, f"{VERSIONS}'s LaTeX styles no longer define {macro}"


@pytest.mark.sphinx("html", testroot="reading")
def test_html_translator_writes_each_start_tag_as_one_chunk(app: SphinxTestApp) -> None:
    app.build()
    document = new_document("index.rst", app.builder.docsettings)  # type: ignore[attr-defined]
    paragraph = nodes.paragraph()
    paragraph += nodes.reference("", "a link", refuri="https://example.org")
    paragraph += nodes.footnote_reference("[1]", "1", ids=["r1"], refid="f1")
    footnote = nodes.footnote("", nodes.label("", "1"), nodes.paragraph("", "A note."),
                              ids=["f1"], backrefs=["r1"])
    document += [paragraph, footnote]
    translator = app.builder.create_translator(document, app.builder)
    document.walkabout(translator)
    body = translator.body
    written = "".join(body)
    assert all(bracket in written for bracket in private_api.FOOTNOTE_BRACKETS), (
        f"docutils no longer writes a footnote's brackets as {private_api.FOOTNOTE_BRACKETS}: "
        f"the EPUB's notes keep them: {written}")
    added = [private_api.add_attributes_to_tag(body, "a", 'data-x="1"', 0),
             private_api.add_attributes_to_tag(body, "a", 'data-y="2"', 0,
                                               having="footnote-reference"),
             private_api.add_attributes_to_tag(body, "aside", 'data-z="3"', 0,
                                               having='role="doc-footnote"')]
    assert added == [True, True, True], (
        f"{VERSIONS}'s HTML translator no longer writes a reference's, a footnote "
        f"reference's and a footnote's start tags as one piece of its body each: the "
        f"glossary's and the EPUB's attributes cannot be added: {body}")
    written = "".join(body)
    assert '<a data-x="1" class="reference external" href="https://example.org">' in written
    assert re.search(r'<a data-y="2" class="footnote-reference[^"]*" href="#f1"', written)
    assert re.search(r'<aside data-z="3" class="footnote[^"]*" id="f1" role="doc-footnote">',
                     written)
    private_api.drop_footnote_brackets(body, 0)
    assert "fn-bracket" not in "".join(body)


@pytest.mark.sphinx("html", testroot="reading")
def test_html_translator_writes_a_toctree_caption_as_expected(app: SphinxTestApp) -> None:
    app.build()
    caption = addnodes.compact_paragraph("", "", nodes.title("", "The articles"),
                                         toctree=True)
    fragment = app.builder.render_partial(caption)["fragment"]  # type: ignore[attr-defined]
    assert private_api.TOCTREE_CAPTION_TAG in fragment, (
        f"{VERSIONS}'s HTML translator writes a toctree caption otherwise than "
        f"private_api.TOCTREE_CAPTION_TAG: {fragment!r}; reading's aria-level is lost")
