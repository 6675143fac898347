"""The template contract: what each kind of page hands its template, one frozen dataclass
per kind. renderer.py passes a page's fields as template variables (``context()``), so a
template names them directly: ``articles``, ``number``, ``older``...

The data is plain (articles, numbers, strings, dates, tuples of them): fingerprint.py
pickles it to decide whether a page must be rendered again, and an article in it stands
for the digest of its source.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .content import Article, RenamedTerm, Standalone

# When a numbered page's oldest and newest articles were published (None: empty page).
Span = tuple[datetime, datetime] | None


@dataclass(frozen=True)
class PageData:
    """A page whose template needs nothing but ``page`` and the site: 404, search, robots."""

    def context(self) -> dict[str, Any]:
        """The template variables: every field by name (a shallow copy, not asdict's).

        A frozen dataclass's ``__dict__`` holds its fields and nothing else; copying it
        is a tenth of the cost of reading them through ``fields()``, once per page."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class ArticleData(PageData):
    """article.html; the article itself and its body are added by renderer.py."""

    older: Article | None
    newer: Article | None
    related: tuple[Article, ...]


@dataclass(frozen=True)
class ListData(PageData):
    """list.html: the newest articles of a list (number 0), or one of its numbered pages."""

    kind: str  # home, category or tag
    name: str
    list_url: str
    number: int  # 0: the list's own URL, showing the newest articles
    articles: tuple[Article, ...]  # newest first
    older: int  # the number of the next older page, 0: none
    older_span: Span
    newer: int  # the number of the next newer page, 0: none (or not yet)
    span: Span = None  # numbered pages: their own dates
    total: int = 0  # number 0: the list's length (a numbered page shows no totals)
    shown: tuple[tuple[int, Span], ...] = ()  # number 0: the numbered pages it shows
    # The home page of an archive with an old address of it with a query (`/?newsid=5`):
    # as LookupData's; "" on every other page, which looks nothing up.
    old_address_files: str = ""


@dataclass(frozen=True)
class TermsData(PageData):
    """terms.html: every category (or tag) with its number of articles."""

    kind: str
    terms: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ArchiveData(PageData):
    """archive.html: (year, count, ((month, count), ...)), newest year first."""

    years: tuple[tuple[int, int, tuple[tuple[int, int], ...]], ...]


@dataclass(frozen=True)
class YearData(PageData):
    """year.html; a neighbouring year is 0 when there is none."""

    year: int
    months: tuple[tuple[int, int], ...]
    older_year: int
    newer_year: int


@dataclass(frozen=True)
class MonthData(PageData):
    """month.html: all the month's articles, newest first."""

    year: int
    month: int
    articles: tuple[Article, ...]
    older_month: tuple[int, int] | None
    newer_month: tuple[int, int] | None


@dataclass(frozen=True)
class FeedData(PageData):
    """feed.xml: a list's newest articles, each with its whole text."""

    kind: str
    name: str
    list_url: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class FeedsData(PageData):
    """feeds.html: every feed as (kind, name, list URL)."""

    feeds: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class SitemapData(PageData):
    """sitemap.xml, one part: (URL, date of its newest article or None)."""

    entries: tuple[tuple[str, datetime | None], ...]


@dataclass(frozen=True)
class LookupData(PageData):
    """404.html and search.html, which look old addresses up (js/old-address.js): which
    of old-addresses.json's files the build wrote, so that they ask for no other (a
    missing file is a 404 in the reader's console, and a request for nothing)."""

    old_address_files: str  # urls.shards_written; "" when there is none


@dataclass(frozen=True)
class OldAddressesData(PageData):
    """old-addresses.json, one of its files: (old address's key, its page's URL), by key."""

    entries: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SitemapIndexData(PageData):
    """sitemapindex.xml: (part URL, its newest date or None)."""

    parts: tuple[tuple[str, datetime | None], ...]


@dataclass(frozen=True)
class RedirectData(PageData):
    """redirect.html: an alias page sending the reader on to ``target``."""

    target: Article | Standalone | RenamedTerm
    # Which files of old addresses to look its query up in (urls.shards_written), for an
    # alias whose path the archive also lists with a query (`/chien-luoc?p_p_id=9`, another
    # article's source_url), which the host answers with this page; "" for the others.
    old_address_files: str = ""


@dataclass(frozen=True)
class StandaloneData(PageData):
    """page.html: a standalone page (``standalone``); its body is added by renderer.py."""

    standalone: Standalone


@dataclass(frozen=True)
class WithdrawnData(PageData):
    """withdrawn.html: the notice at the address of an article taken down (front matter's
    ``withdrawn:``): its title and dates, never its text."""

    article: Article


# The kinds that list articles: a sitemap dates them by their newest one.
LISTING = (ListData, MonthData, FeedData)


def names_given() -> set[str]:
    """Every template variable some kind of page is given: a template every page uses
    (base.html) that names one fails on the pages of the other kinds."""
    given = {"article", "body"}  # added by renderer.py
    for kind in PageData.__subclasses__():
        given.update(kind.__dataclass_fields__)
    return given
