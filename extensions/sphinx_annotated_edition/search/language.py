"""The English search language with accent folding on both sides of the search."""

from __future__ import annotations

from sphinx.search.en import SearchEnglish

from annotated_edition.folding import FOLD_JS, fold
from sphinx_annotated_edition.private_api import english_stemmer_js

# The search page calls ``new Stemmer().stemWord(lowercased query word)``: fold first.
WRAPPER_JS = """
var Stemmer = function () {
  const english = new SphinxEnglishStemmer();
  this.stemWord = (word) => english.stemWord(editionFold(word).toLowerCase());
};
window.Stemmer = Stemmer;

// A result's summary is the page's text: without what the edition adds inside it (note
// markers, sic marks, pilcrows, the hidden definitions), which read as "[sic][18][19] ¶".
const EDITION_APPARATUS = ".apparatus, .footnote-reference, .paragraph-permalink, " +
  ".glossary-definitions, .headerlink";
if (typeof Search !== "undefined" && Search.htmlToText) {
  const sphinxHtmlToText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(EDITION_APPARATUS).forEach((el) => el.remove());
    return sphinxHtmlToText(page.documentElement.outerHTML, anchor);
  };
}

// The result's summary is cut around the first word found; Sphinx looks for the folded
// word in the page's text as it is. Find it in the folded text, and hand Sphinx the
// words as the page spells them. (searchtools.js is loaded before this file; the
// functions wrapped here are listed in private_api.SEARCHTOOLS_FUNCTIONS.)
if (typeof Search !== "undefined" && Search.makeSearchSummary) {
  const sphinxSummary = Search.makeSearchSummary;
  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = Search.htmlToText(htmlText, anchor).toLowerCase();
    let folded = "";
    const origin = [];  // index in text of each character of folded
    for (let i = 0; i < text.length; i++) {
      const piece = editionFold(text[i]);
      folded += piece;
      for (let j = 0; j < piece.length; j++) origin.push(i);
    }
    const spelled = [...keywords].map((word) => {
      const at = folded.indexOf(word);
      return at < 0 ? word : text.slice(origin[at], origin[at + word.length - 1] + 1);
    });
    return sphinxSummary(htmlText, new Set(spelled), anchor);
  };
}
"""


class FoldingEnglish(SearchEnglish):
    """English stemming of the folded word, in the index and in the reader's query."""

    # Empty, so that Sphinx takes ``js_stemmer_code`` (ours) instead of its own files.
    js_stemmer_rawcode = ""

    @property
    def js_stemmer_code(self) -> str:  # type: ignore[override]
        """Sphinx's English stemmer, the folding function and the wrapper joining them."""
        return "\n".join([english_stemmer_js(), FOLD_JS, WRAPPER_JS])

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        # a word's stem, once: the index stems every word of every page, and a corpus uses
        # a few thousand words many times over (Snowball is the bulk of indexing's cost)
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = super().stem(fold(word))
        return stem
