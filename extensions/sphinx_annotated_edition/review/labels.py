"""What the review status says to the reader, through ``sphinx.locale``."""

from __future__ import annotations

from sphinx.locale import get_translation

CATALOG = "annotated_edition"
_ = get_translation(CATALOG)

# One label per check of annotated_edition.review.CHECKS: the question asked of every sentence.
CHECK_LABELS = {
    "contested-claims": _("contested claims stated as fact (who attacked whom, legal status, "
                          "“occupation” and “liberation”, territories, casualties, intentions)"),
    "facts": _("errors of fact, date, weekday, number, name or title"),
    "language": _("typos, repeated words or attributions, mistranslations"),
    "referents": _("ambiguous referents (“the ministry”, “the two countries”, “he”)"),
    "headline-and-quotes": _("headlines and quotes the text does not bear out"),
    "attribution": _("claims attributed to the wrong body"),
}
CHECK_NAMES = {
    "contested-claims": _("contested claims"),
    "facts": _("facts"),
    "language": _("language"),
    "referents": _("referents"),
    "headline-and-quotes": _("headline and quotes"),
    "attribution": _("attribution"),
}
NO_RECORD = _("The edition keeps no review record.")
SUMMARY = _("%(reviewed)d of the %(total)d paragraphs of the %(articles)d articles have been "
            "reviewed (%(percent)s%%).")
OPEN = _("Not yet vouched for: %(unreviewed)d not reviewed, %(changed)d changed since "
         "their review, %(incomplete)d reviewed for some of the questions only.")
ALL_DONE = _("Every paragraph has been reviewed for every question, and none has changed "
             "since.")
QUESTIONS = _("A review looks in every sentence for:")
BY_ARTICLE = _("Article by article:")
ARTICLE = _("%(reviewed)d of %(total)d paragraphs reviewed")
FOR_CHECKS = _("for %(checks)s")
FOR_ALL = _("for every question")
FOR_NONE = _("for no question on every paragraph")
BY = _("by %(by)s")
LATEST = _("latest review %(date)s")
NOT_REVIEWED = _("Not reviewed:")
CHANGED = _("Changed since their review:")
INCOMPLETE = _("Not reviewed for every question:")
PARAGRAPH = _("¶ %(number)s")
GENERATED = _("This status is generated from the editors’ review record at every build.")
