"""What the review status says to the reader, through ``sphinx.locale``."""

from __future__ import annotations

from sphinx_annotated_edition.i18n import CATALOG, _lazy

__all__ = ["CATALOG"]

# One label per check of annotated_edition.review.CHECKS: the question asked of every sentence.
CHECK_LABELS = {
    "contested-claims": _lazy("contested claims stated as fact (who attacked whom, legal status, "
                          "“occupation” and “liberation”, territories, casualties, intentions)"),
    "facts": _lazy("errors of fact, date, weekday, number, name or title"),
    "language": _lazy("typos, repeated words or attributions, mistranslations"),
    "referents": _lazy("ambiguous referents (“the ministry”, “the two countries”, “he”)"),
    "headline-and-quotes": _lazy("headlines and quotes the text does not bear out"),
    "attribution": _lazy("claims attributed to the wrong body"),
}
CHECK_NAMES = {
    "contested-claims": _lazy("contested claims"),
    "facts": _lazy("facts"),
    "language": _lazy("language"),
    "referents": _lazy("referents"),
    "headline-and-quotes": _lazy("headline and quotes"),
    "attribution": _lazy("attribution"),
}
NO_RECORD = _lazy("The edition keeps no review record.")
SUMMARY = _lazy("%(reviewed)d of the %(total)d paragraphs of the %(articles)d articles have been "
            "reviewed (%(percent)s%%).")
OPEN = _lazy("Not yet vouched for: %(unreviewed)d not reviewed, %(changed)d changed since "
         "their review, %(incomplete)d reviewed for some of the questions only.")
ALL_DONE = _lazy("Every paragraph has been reviewed for every question, and none has changed "
             "since.")
QUESTIONS = _lazy("A review looks in every sentence for:")
BY_ARTICLE = _lazy("Article by article:")
ARTICLE = _lazy("%(reviewed)d of %(total)d paragraphs reviewed")
FOR_CHECKS = _lazy("for %(checks)s")
FOR_ALL = _lazy("for every question")
FOR_NONE = _lazy("for no question on every paragraph")
BY = _lazy("by %(by)s")
LATEST = _lazy("latest review %(date)s")
NOT_REVIEWED = _lazy("Not reviewed:")
CHANGED = _lazy("Changed since their review:")
INCOMPLETE = _lazy("Not reviewed for every question:")
PARAGRAPH = _lazy("¶ %(number)s")
GENERATED = _lazy("This status is generated from the editors’ review record at every build.")
