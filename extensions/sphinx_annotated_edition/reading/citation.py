"""How an article of the edition is cited: one record, written as plain text, BibTeX,
meta tags (Highwire ``citation_*``, Dublin Core ``DC.*``) and schema.org JSON-LD."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from annotated_edition.articles import Article
from sphinx_annotated_edition.i18n import _


@dataclass(frozen=True)
class Citation:
    """An article as this edition gives it, at its stable address."""

    key: str
    title: str
    outlet: str
    country: str | None
    date: str  # ISO 8601, or "" when unknown
    shown_date: str
    byline: str | None
    edition: str
    editors: str
    version: str
    url: str
    language: str
    description: str

    def plain(self, paragraph: str | None = None) -> str:
        """The citation a reader pastes into a text, of the article or of one paragraph."""
        where = f", {self.outlet}, {self.country}" if self.country else f", {self.outlet}"
        by = f"{self.byline}, " if self.byline else ""
        para = f", ¶ {paragraph}" if paragraph else ""
        url = f"{self.url}#p{paragraph}" if paragraph else self.url
        edition = _("In %(edition)s, ed. %(editors)s, version %(version)s.") % {
            "edition": self.edition, "editors": self.editors, "version": self.version}
        return f"{by}“{self.title}”{where}, {self.shown_date}{para}. {edition} {url}"

    def bibtex(self) -> str:
        def field(value: str) -> str:
            return value.replace("{", "(").replace("}", ")")

        lines = [f"@incollection{{{self.key},",
                 f"  title = {{{field(self.title)}}},",
                 f"  booktitle = {{{field(self.edition)}}},",
                 f"  editor = {{{field(self.editors)}}},"]
        if self.byline:
            lines.append(f"  author = {{{field(self.byline)}}},")
        origin = f"{self.outlet}, {self.country}" if self.country else self.outlet
        note = _("First published by %s") % f"{field(origin)}, {self.shown_date}"
        lines += [f"  note = {{{note}}},",
                  f"  edition = {{{field(self.version)}}},"]
        if self.date:
            lines.append(f"  year = {{{self.date[:4]}}},")
            lines.append(f"  date = {{{self.date}}},")
        lines += [f"  url = {{{self.url}}},", "}"]
        return "\n".join(lines)

    def meta_tags(self) -> str:
        """Highwire and Dublin Core tags, for reference managers and scholarly search."""
        tags = [("citation_title", self.title), ("citation_publisher", self.outlet),
                ("citation_journal_title", self.outlet),
                ("citation_public_url", self.url), ("citation_language", self.language),
                ("DC.title", self.title), ("DC.publisher", self.outlet),
                ("DC.identifier", self.url), ("DC.language", self.language),
                ("DC.type", "Text"), ("DC.source", self.edition)]
        if self.date:
            tags += [("citation_publication_date", self.date.replace("-", "/")),
                     ("citation_date", self.date.replace("-", "/")), ("DC.date", self.date)]
        if self.byline:
            tags += [("citation_author", self.byline), ("DC.creator", self.byline)]
        return "\n".join(f'<meta name="{name}" content="{html.escape(value, quote=True)}" />'
                         for name, value in tags)

    def json_ld(self) -> str:
        record: dict[str, object] = {
            "@context": "https://schema.org", "@type": "NewsArticle",
            "headline": self.title, "url": self.url, "inLanguage": self.language,
            "description": self.description,
            "publisher": {"@type": "Organization", "name": self.outlet},
            "isPartOf": {"@type": "Book", "name": self.edition, "version": self.version,
                         "editor": {"@type": "Organization", "name": self.editors}},
        }
        if self.date:
            record["datePublished"] = self.date
        if self.byline:
            record["author"] = {"@type": "Person", "name": self.byline}
        if self.country:
            publisher = record["publisher"]
            assert isinstance(publisher, dict)
            publisher["address"] = {"@type": "PostalAddress", "addressCountry": self.country}
        text = json.dumps(record, ensure_ascii=False, indent=1)
        # inside <script>: "</" would end it early
        return text.replace("</", "<\\/")


def citation_of(article: Article, country: str | None, description: str, edition: str,
                editors: str, version: str, url: str, language: str,
                shown_date: str) -> Citation:
    return Citation(key=article.slug.replace("-", "_"), title=article.title,
                    outlet=article.outlet, country=country,
                    date=article.date.isoformat() if article.date else "",
                    shown_date=shown_date, byline=article.byline, edition=edition,
                    editors=editors, version=version, url=url, language=language,
                    description=description)
