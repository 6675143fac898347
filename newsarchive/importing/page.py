"""The values that pass between reading a capture and extracting its articles."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from .crawl import Media


@dataclass(frozen=True)
class CapturedPage:
    """One page as the capture holds it."""

    origin: str  # where it is, for messages: a file path, or "crawl.warc.gz#<record id>"
    url: str  # the page's original address ("" when the capture does not tell)
    html: str  # the page's text, decoded


class Unmatched(NamedTuple):
    """A selector of one's own profile that matched no element of a page: its `title`,
    or a part of its `body`. Matching on no page the profile picked, it is an error
    (unmatched.py); on some pages only, a note on those."""

    key: str  # "title" or "body"
    selector: str  # as written (the title's selectors joined by commas)
    seen: str = ""  # a selector the page matches, its classes and ids closest to those


@dataclass(frozen=True)
class Extracted:
    """An article found on a page: what becomes its front matter and body."""

    title: str
    published: datetime | None  # aware, the page's own publish date; None when not found
    category: str  # as the portal printed it ("" when none)
    body: str  # Markdown; links and images as absolute URLs where the page's URL is known
    media: tuple[str, ...]  # absolute URLs of the images and attachments the body links to
    article_id: str  # the portal's own id for the article ("" when none), keeps slugs distinct
    profile: str  # the site profile that read the page, or "generic"
    notes: tuple[str, ...]  # what the archivist should check, worded once per kind
    author: str = ""  # a person's name the page shows as the author ("" when none)
    tags: tuple[str, ...] = ()  # the tags or topics the page names
    # The link naming the article's own address (its print link), as the page writes it.
    own_link: str = ""
    language: str = ""  # the language tag of a page not in Vietnamese ("" when it is)
    # When no date was found: what the profile's own `date` found ("" when it has none).
    date_missed: str = ""
    # One's own profile's date as printed: read day first, up to 12 (06/01/2025: maybe 1
    # June), or a date only month first (01/14/2025); the run weighs them together.
    day_first: str = ""
    month_first: str = ""
    # The pictures the page held as data: addresses, by the address standing for each
    # in `media` and the body.
    embedded: dict[str, Media] = field(default_factory=dict)
    # The addresses in the body written relative to the page, whose own address is not
    # known (as the body has them): the import resolves them beside the page, or drops them.
    relative: tuple[str, ...] = ()
    # The original address the page states of itself, as a copy of it does (an archive's
    # page: its provenance); "" when it states none. It wins over the copy's own address.
    source_url: str = ""
    # When such a copy states the original was captured (None when it does not).
    captured: datetime | None = None
    # The other sizes of a picture of `media` (its srcset, src, lazy-loading addresses),
    # largest first: the crawl may hold one of them only.
    alternates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The body's other links (named like no file): one that leads to a file the crawl
    # holds is an attachment (Liferay's /c/document_library/get_file?uuid=…).
    links: tuple[str, ...] = ()
    # Of one's own profile: its title and body selectors that matched nothing on the page
    # (None: not looked at, another's profile or the generic extractor read it).
    unmatched: tuple[Unmatched, ...] | None = None
    # Said when ``published`` is not the page's but the archivist's (--date): the
    # front matter's `date_given:`, so that the article page does not pass it off as
    # the portal's.
    date_given: str = ""


@dataclass(frozen=True)
class NotArticle:
    """A page that is not an article (a list, search results, login...), skipped and counted."""

    reason: str
    # What to do when the page was meant as an article (named alone, it fails): ""
    # when the profile that read it missed it (command.py says to correct the profile).
    hint: str = ""
    profile: str = ""  # the site profile that found it not an article; "" for none
    missed: bool = False  # that profile found no article title or text where it looks
    # An article read wrongly, not a page to leave out: it fails, with the hint as its fix.
    failed: bool = False
    unmatched: tuple[Unmatched, ...] | None = None  # as Extracted's
