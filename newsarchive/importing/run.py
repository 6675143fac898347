"""`import`: a whole crawl into the archive, on every core (command.py opens the crawl
before and writes the report after).

    read each page, in worker processes:      read_page()
        original address -> already there? -> extract -> media found -> article text
    in input order, in this process:          Importer.take()
        distinct slug, alias not taken twice, media copied, file written atomically

Everything that depends on the order of the pages (slugs, which copy of a file is kept)
is decided in input order by this process, so any --jobs writes the same files. A page
whose `source_url` an article already has is skipped, so a run that was interrupted
goes on where it stopped, and a second run adds nothing.
"""

import functools
import hashlib
import re
import shlex
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from .. import urls
from ..config import SiteConfig
from ..errors import BuildFailed, Problem
from ..httracknames import httrack_named, portal_address
from ..scaffold import article_text, check_article, content_path, write_whole
from ..workers import default_jobs, map_batches
from . import articles
from . import media as mediafiles
from .capture import read_capture
from .crawl import (
    ADJUSTED_NOTE,
    CUT_SHORT,
    CUT_SHORT_HINT,
    DAMAGED_HINT,
    ERROR_PAGE_HINT,
    HTTRACK_COMMENT,
    HTTRACK_OWN,
    REVISIT_HINT,
    TRUNCATED,
    TRUNCATED_HINT,
    Crawl,
    Media,
    MediaFinder,
    PageSource,
    UnknownEncoding,
    adjusted_alias,
    capture_date,
    cut_short,
    error_page,
    made_by_httrack,
    original_url,
    own_address,
    read_bytes,
    readable_record,
    revisit,
    saved_as_page,
)
from .encoding import UTF16_BOMS, Undecodable, decode_page
from .extract import NO_DATE, NOT_A_DATE, extract, own_profile, portal_id, reads_copies
from .html import (
    LOST_FILE,
    LOST_IMAGES_HINT,
    LOST_RELATIVE,
    is_attachment,
    relinked,
    without_links,
)
from .known import (
    Archive,
    Text,
    alias_key,
    differing,
    page_key,
    read_archive,
    shown,
    source_key,
)
from .misread import misread
from .names import as_archive_names
from .page import CapturedPage, Extracted, NotArticle, Unmatched
from .profiles import Profiles, SlowPattern
from .unmatched import UnmatchedRun

# Two texts of a file: its address and why it is not copied, or a problem and its fix.
Pairs = list[tuple[str, str]]

BATCH = 16
MIN_PARALLEL_PAGES = 48

IMPORTED, NOT_ARTICLE, ALREADY, FAILED = "imported", "not an article", "already there", "failed"
# A page of a cut WARC that lacks some of its files fails by default: they may be in the
# part cut off, and the page imported without them would be "already there" when the
# complete file is imported (which brings them in only where the article still links
# their old address). When no complete copy exists (the portal is gone),
# --accept-missing imports it with them at their old address.
MISSING_HINT = (
    "import a complete copy of the WARC if there is one; if there is none (the portal is "
    "gone), import again with --accept-missing: each file it lacks then stays linked to "
    "its old address, named in the notes"
)
ACCEPTED_NOTE = (
    "imported with --accept-missing from a WARC that is cut short: the files it lacks may "
    "have been in the part cut off, and stay linked to their old address; a complete copy "
    "imported later brings them in where the article still links that address"
)


BINARY_HINT = (
    "give the article's web page (.html) or text capture (.txt): this file holds a "
    "picture, a document or other binary data"
)
HTTRACK_OWN_HINT = "import the crawl's folder, or the mirrored page this one leads to"


@dataclass(frozen=True)
class Options:
    source_url: str = ""  # the one page's original address, given on the command line
    aliases: bool = True
    jobs: int | None = None
    profiles: Profiles | None = None  # None: the shipped site profiles only
    date: datetime | None = None  # --date: for the one page that shows no publish date
    date_for: str = ""  # in a crawl, the address of the page --date is for
    accept_missing: bool = False  # import the pages of a cut WARC that lack some files
    inputs: tuple[str, ...] = ()  # the paths given, as given
    again: tuple[str, ...] = ()  # the options given that importing again needs (Request)


@dataclass(frozen=True)
class PageResult:
    """One page read, before it is written."""

    page: PageSource
    outcome: str
    source_url: str = ""
    reason: str = ""  # why it was not imported
    errors: tuple[Problem, ...] = ()
    found: Extracted | None = None
    text: str = ""  # the article as it will be written, media still at their old address
    aliases: tuple[str, ...] = ()  # not yet in ``text``: the importer writes those free
    slug: str = ""
    media: tuple[mediafiles.FoundMedia, ...] = ()
    # Media addresses the article still links at the old site: the crawl lacks them, or
    # holds no picture or file there (`not_copied`, which a note names with the reason).
    missing: tuple[str, ...] = ()
    not_copied: tuple[str, ...] = ()
    # Relative addresses that lead nowhere (the page's own address is not known): left
    # out of the article, their text kept, and named in a note.
    dropped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    hint: str = ""  # what to do about a page that is not an article, if it is one
    profile: str = ""  # the site profile that found a page not an article
    there: str = ""  # of a page already there: its article's file, as messages name it
    # Of a page already there: the links of its article by HTTrack's names, with the
    # address the portal had, which this crawl's hts-cache/ (or the name) gives.
    renamed: tuple[tuple[str, str], ...] = ()
    missed: bool = False  # it found no article title or text where it looks (NotArticle)
    # One's own profile's selectors that matched nothing on the page (NotArticle's; an
    # article's are its found's), None when not looked at.
    unmatched: tuple[Unmatched, ...] | None = None

    @property
    def looked(self) -> tuple[str, tuple[Unmatched, ...] | None]:
        """The profile that read the page, and what of its selectors matched nothing."""
        if self.found is not None:
            return self.found.profile, self.found.unmatched
        return self.profile, self.unmatched


@dataclass
class Row:
    """A line of the report: what became of one page."""

    result: PageResult
    file: str = ""
    notes: list[str] = field(default_factory=list)
    copied: int = 0  # media files this page brought into static/media


@dataclass(frozen=True)
class _Context:
    config: SiteConfig
    options: Options
    archive: Archive
    finder: MediaFinder
    site_names: frozenset[str]  # no alias may start with these


def import_crawl(
    crawl: Crawl, config: SiteConfig, options: Options, unmatched: UnmatchedRun
) -> Iterator[Row]:
    """Import every page of the crawl; yield what became of each, in input order. An
    article of one's own profile waits while a selector of it has matched on no page
    yet (``unmatched``): at the end, those of a selector that matched on none are not
    written. The pages after it wait too, so the order they are written in is the same."""
    archive = read_archive(config.content_dir, config.timezone)
    names = articles.site_names(config.static_dir)
    context = _Context(config, options, archive, MediaFinder(crawl), names)
    store = mediafiles.MediaStore(config.static_dir)
    importer = Importer(config, archive.copy(), store, options.profiles)
    held: deque[PageResult] = deque()
    for result in _read_all(crawl.pages, context, options.jobs or default_jobs()):
        unmatched.add(result.page.origin, *result.looked)
        held.append(result)
        while held and not _waits(held[0], unmatched):
            yield importer.take(held.popleft())
    for result in held:
        if _waits(result, unmatched):
            reason = unmatched.reason(result.looked[0])
            yield Row(replace(result, outcome=FAILED, reason=reason))
        else:
            yield importer.take(result)


def _waits(result: PageResult, unmatched: UnmatchedRun) -> bool:
    return result.outcome == IMPORTED and unmatched.pending(*result.looked)


def _read_all(pages: list[PageSource], context: _Context, jobs: int) -> Iterator[PageResult]:
    read = functools.partial(_read_batch, context)
    for results in map_batches(read, pages, BATCH, jobs, MIN_PARALLEL_PAGES):
        yield from results


def _read_batch(context: _Context, batch: list[PageSource]) -> list[PageResult]:
    return [read_page(page, context) for page in batch]


def read_page(page: PageSource, context: _Context) -> PageResult:
    """Read, extract and prepare one page; this runs in the worker processes. Each step
    gives its value, or the page's outcome when the page ends there (not an article,
    already there, failed)."""
    config = context.config
    settled = _settled_by_record(page, context)
    if settled is not None:
        return settled
    decoded = _decoded(page, context.options)
    if isinstance(decoded, PageResult):
        return decoded
    page_text, decoding_notes = decoded
    located = _located_article(page, page_text, context)
    if isinstance(located, PageResult):
        return located
    source_url = located.source_url
    # Text that decoded without an error may still not be the letters the portal showed.
    read = located.found
    wrong, mend = misread(f"{read.title}\n{read.category}\n{read.body}", source_url)
    if wrong:
        return _failed(page, source_url, wrong, mend)
    found, cleaned = articles.visible(read)
    found, date_note = _dated(found, source_url, context)
    problems = _missing_parts(page, found, source_url, context.options)
    if problems:
        # With what was found: its profile, and a date it shows only month first (the
        # run weighs it against its other pages' dates, command.py).
        return _failed_with(page, source_url, problems, found)
    assert found.published is not None
    future_note = _future_note(found.published, config)
    fields = articles.article_fields(found, source_url, config, located.captured)
    aliases, alias_notes = _aliases(page, located, context)
    already = _same_article_there(page, source_url, fields, found, aliases, context)
    if already is not None:
        return already
    media = _media_of(page, found, located, context)
    if isinstance(media, PageResult):
        return media
    slug = articles.import_slug(fields["title"]) or "bai"
    text = articles.with_tags(article_text(fields, media.body), found.tags)
    problems = _refused_by_build(page, text, slug, aliases, found.published, config)
    if problems:
        return _failed_with(page, source_url, problems)
    _, category_note = articles.category_name(found.category, config)
    notes = [
        *decoding_notes,
        cleaned,
        _address_note(page, located),
        date_note,
        future_note,
        *alias_notes,
        *media.notes,
        *found.notes,
        category_note,
    ]
    return PageResult(
        page,
        IMPORTED,
        source_url,
        found=found,
        text=text,
        aliases=tuple(aliases),
        slug=slug,
        media=media.held,
        missing=media.missing,
        not_copied=media.not_copied,
        dropped=media.dropped,
        notes=tuple(filter(None, notes)),
    )


@dataclass(frozen=True)
class _Located:
    """The article read from a page, and the page's original address."""

    found: Extracted
    source_url: str
    how: str = ""  # where the address was found ("" when given on the command line, or none)
    saved_at: str | None = None  # where a copy stating another original address was read
    # The address the page's relative links were written from, when --source-url gives
    # another ("" when the page does not say it): a crawler writes them from where it
    # saved the page (HTTrack's comment's address, a portlet's at the host's top).
    links_from: str | None = None
    # The address the crawler fetched the page at, when it is not the article's (a
    # portlet's, /chuyen-muc?p_p_id=…): its files and links are found from there.
    crawled_at: str = ""
    # When the crawl copied the page, if it says (not for a copy stating another original:
    # that copy's capture is not the original's).
    captured: datetime | None = None


@dataclass(frozen=True)
class _ArticleMedia:
    """What becomes of the pictures, files and relative links of an article."""

    held: tuple[mediafiles.FoundMedia, ...]  # the crawl holds them: copied into the archive
    missing: tuple[str, ...]  # still linked to the old site, in the article's order
    not_copied: tuple[str, ...]  # of those, the ones the crawl holds that are not copied
    dropped: tuple[str, ...]  # relative addresses left out, as they lead nowhere
    body: str  # the article's body without what is left out
    notes: tuple[str, ...]


def _settled_by_record(page: PageSource, context: _Context) -> PageResult | None:
    """The outcome of a page its crawl's record settles before it is read (an error
    page, a damaged record, a later capture read instead, a revisit); None for others."""
    if page.status:
        why = error_page(page.status)
        return PageResult(page, NOT_ARTICLE, page.url, why, hint=ERROR_PAGE_HINT)
    if page.damaged:  # never a shortened article taken for the whole one
        cut = TRUNCATED_HINT if page.damaged.startswith(TRUNCATED) else DAMAGED_HINT
        return _failed(page, page.url, page.damaged, cut)
    if page.later:
        why = f"a later capture of this address is read instead ({page.later})"
        return PageResult(page, ALREADY, page.url, why)
    if page.revisit:
        address = articles.page_address(page.url)
        if context.archive.has_address(address):  # imported from the earlier crawl
            return _already(page, address, context)
        return _failed(page, address, revisit(page.revisit), REVISIT_HINT)
    return None


def _decoded(page: PageSource, options: Options) -> tuple[str, list[str]] | PageResult:
    """The page's text and the notes its decoding made; or the page's outcome when it
    cannot be read, is binary data or is a page HTTrack made."""
    try:
        data = read_bytes(page)
    except UnknownEncoding as exc:
        return _failed(page, page.url, str(exc), exc.hint)
    except Exception as exc:  # an unreadable file or a damaged WARC record
        return _failed(page, "", f"cannot be read ({exc})", "crawl it again")
    if b"\x00" in data[:2048] and not data.startswith(UTF16_BOMS):
        why = "not a web page (binary data)"
        return PageResult(page, NOT_ARTICLE, reason=why, hint=BINARY_HINT)
    if not page.text_capture and made_by_httrack(page, data):  # its date: HTTrack's '2014'
        return PageResult(page, NOT_ARTICLE, reason=HTTRACK_OWN, hint=HTTRACK_OWN_HINT)
    try:
        return decode_page(data, page.charset, html=not page.text_capture)
    except Undecodable as exc:
        return _failed(page, page.url or options.source_url, str(exc), exc.hint)


def _located_article(page: PageSource, text: str, context: _Context) -> _Located | PageResult:
    """The article the page holds and its original address; or the page's outcome when
    it is cut short, already there, not an article, or cannot be read."""
    if page.text_capture:
        return _from_capture(page, text, context)
    data = text.encode()  # for the tests of the markup below, whatever the page's encoding
    if cut_short(data):
        return _failed(page, page.url, CUT_SHORT, CUT_SHORT_HINT)
    return _from_web_page(page, text, data, context)


def _from_capture(page: PageSource, text: str, context: _Context) -> _Located | PageResult:
    """The article of a text capture, at the address given on the command line."""
    source_url = context.options.source_url
    try:
        found = read_capture(Path(page.origin), text, context.config.timezone)
    except BuildFailed as failed:
        wrong, mend = misread(text, source_url)  # its date line is there, in other letters
        if wrong:
            return _failed(page, source_url, wrong, mend)
        return _failed_with(page, source_url, failed.errors)
    return _Located(found, source_url)


def _from_web_page(
    page: PageSource, text: str, data: bytes, context: _Context
) -> _Located | PageResult:
    """The article of a web page (``data``: its text encoded) and its original address."""
    source_url, how = _address(page, data, context)
    if _own_page(page, text, source_url, context):
        source_url, how = "", ""
    known = _known_address(page, source_url, context)
    try:
        found = extract(CapturedPage(page.origin, source_url, text), context.options.profiles)
    except SlowPattern:  # the profile's, as slow on every page: the import stops at it
        raise
    except Exception as exc:  # one odd page must not stop a crawl of thousands
        if known is not None:  # read only to compare: the article is there already
            return known[0]
        why = f"reading the article failed ({type(exc).__name__}: {exc})"
        return _failed(page, source_url, why, "report this page to the maintainers")
    if known is not None:
        return _compared(*known, found)
    if isinstance(found, NotArticle) and found.failed:
        return _failed(page, source_url, found.reason, found.hint)
    if isinstance(found, NotArticle):
        return PageResult(
            page,
            NOT_ARTICLE,
            source_url,
            found.reason,
            hint=found.hint,
            profile=found.profile,
            missed=found.missed,
            unmatched=found.unmatched,
        )
    if found.source_url and not context.options.source_url:
        # A copy of the page (a site built here) states where the original was: the
        # address the copy was saved from is not the article's, but its files are
        # found from there.
        how = f"page (where the {found.profile} profile reads it)"
        original = articles.page_address(found.source_url)
        return _Located(found, original, how, source_url, captured=found.captured)
    links_from = original_url(page, data)[0] if context.options.source_url else None
    captured = capture_date(page, data)
    located = _Located(found, source_url, how, links_from=links_from, captured=captured)
    own = _print_link_address(located)[0]
    if own and not context.options.source_url and not _names_article(source_url, own):
        # A portlet's address (/chien-luoc?p_p_id=…) showed the article at the crawl; on
        # the portal it is the section's page: a citation names the article's own.
        return replace(located, source_url=own, crawled_at=source_url, links_from=source_url)
    return located


def _names_article(fetched: str, own: str) -> bool:
    """Whether the address a page was fetched at names its article, whose own address
    (its print link's) is ``own``: one without a query does, and so does one whose query
    holds the article's number (`chi-tiet?id=708168`); a portlet's (`?p_p_id=59_…`),
    without it, shows what its section's portlet shows at the time, not this article."""
    query = urlsplit(fetched).query
    number = urls.page_number(urlsplit(own).path)
    return not query or not number or number in re.split(r"\D+", query)


def _known_address(
    page: PageSource, source_url: str, context: _Context
) -> tuple[PageResult, str] | None:
    """The page's outcome when an article has its address, or the address the portal
    moved it from, and that article's file; None for others."""
    archive = context.archive
    if source_url and archive.has_address(source_url):
        return _already(page, source_url, context), archive.file_of(source_url)
    # The portal moved the article: its address there before redirects here.
    moved = [a for a in map(articles.page_address, page.redirected_from) if a]
    before = next((a for a in moved if archive.has_address(a)), "")
    if before:
        return _already(page, before, context, source_url), archive.file_of(before)
    return None


def _compared(
    known: PageResult, file: str, found: Extracted | NotArticle, elsewhere: bool = False
) -> PageResult:
    """The outcome of a page whose article is already there (``file``; ``elsewhere``:
    under another address, found by its title and date), with a note when the page's
    text differs from the article's (a later crawl of a page the portal changed; or the
    article was edited here: nothing kept tells which)."""
    if isinstance(found, NotArticle):
        return known
    differ = differing(file, articles.visible(found)[0].body)
    if differ is None:
        return known
    new, old = differ
    kind = CHANGED_ELSEWHERE_NOTE if elsewhere else CHANGED_NOTE
    note = (
        f"{kind}: {file} ({new} paragraph(s) of the page are not in the article, "
        f"{old} of the article not in the page){CHANGED_HINT}"
    )
    return replace(known, notes=(*known.notes, note))


# Said of each page whose text differs from its article's: what is known, and how to see
# the crawl's version beside the archivist's, whose file an import never changes.
CHANGED_NOTE = "this crawl's page differs from the article imported before from its address"
CHANGED_ELSEWHERE_NOTE = (
    "this crawl's page differs from the article of the same title and date imported before "
    "under another address"
)
CHANGED_HINT = (
    "; an import never changes the text of an article already there, and keeps no copy of what it "
    "wrote, so it cannot tell whether the portal changed the page after the crawl the "
    "article came from or the article was edited here: to see the crawl's version, import "
    "this crawl again with --content NEW_FOLDER (make a new, empty folder beside content/ "
    "first; content/ is left as it is), compare the article there with yours, and copy into yours "
    "what you want to keep"
)


def _address_note(page: PageSource, located: _Located) -> str:
    """Where the original address was taken from ("" when the command line or the WARC
    record gave it); when nothing gave it, that the article has none, and how to give it."""
    source_url, how = located.source_url, located.how
    if located.crawled_at:
        # Said as "what: detail", so that a crawl's many such pages are one kind of note.
        return (
            f"original address taken from the page's print link, as the {how} names a "
            "portlet's address (a part of a portal's page), whose query does not name the "
            "article (on the portal it shows its section's page), so the article neither "
            f"cites it nor answers it: {located.crawled_at} (the article's own: {source_url})"
        )
    if how and how != "WARC-Target-URI":
        return f"original address taken from the {how}"
    if source_url:
        return ""
    capture = "a text capture holds its words alone"
    why = capture if page.text_capture else "no canonical link, no crawler's comment"
    unknown = f"the page does not say its original address ({why})"
    gone = "the article has no old address that leads to it"
    if page.named or page.text_capture:
        return f"{unknown}: {gone}; {AGAIN_WITH_ADDRESS}"
    # A wget tree is HOST/PATH: the folder below the one given, or that one itself.
    below = Path(page.path).relative_to(page.folder).parts
    folder = below[0] if len(below) > 1 else Path(page.folder).resolve().name
    return (
        f"{unknown} and the folder {folder}/ is not named after the portal's host as wget "
        f"names it: {gone}. Rename the folder to the portal's host name (such as "
        "example.gov.vn) and import it again: each page imported now is then said to be "
        "there already, with the aliases: line that gives its article the address"
    )


# How a page named alone gets its old address after it was imported without one: an
# import with the address finds its article there, and says the aliases: line to add.
AGAIN_WITH_ADDRESS = (
    "import it again with --source-url ADDRESS, its address on the portal, to have the "
    "aliases: line that gives it the address"
)


# The note of `date_given:` in an article dated with --date, shown after the page's
# words saying the date is the archive's; the archivist may replace it with where the
# date came from ("theo trang danh sách của cổng").
DATE_GIVEN = "ghi khi nhập bài"


def _dated(found: Extracted, source_url: str, context: _Context) -> tuple[Extracted, str]:
    """The article with the date --date gives when it is for this page and the page shows
    none, and a note saying whether it was used ("" when --date is not for this page)."""
    options = context.options
    if options.date is None or (options.date_for and not is_dated(source_url, options)):
        return found, ""
    if found.published is None:
        kept = tuple(note for note in found.notes if note != NO_DATE)  # said next, and how
        used = "the page shows no publish date: the one given with --date was used"
        given = replace(found, published=options.date, notes=kept, date_given=DATE_GIVEN)
        return given, used
    # The page's own date wins; the archivist must hear that theirs was not used.
    own = found.published.astimezone(context.config.timezone).strftime("%d/%m/%Y %H:%M")
    return found, f"--date was not used: the page shows its own publish date, {own}"


def _future_note(published: datetime, config: SiteConfig) -> str:
    """Of a date after this import (the portal's typo, or the capture's); "" for others."""
    if published <= datetime.now(config.timezone):
        return ""
    shown_date = published.astimezone(config.timezone).strftime("%d/%m/%Y %H:%M")
    return (
        f"the page is dated {shown_date}, after this import: if the year is mistyped "
        "(2099 for 2019), correct the date in the article (each build says so until then)"
    )


def _aliases(page: PageSource, located: _Located, context: _Context) -> tuple[list[str], list[str]]:
    """The old addresses of the article, which become its aliases, and the notes on them
    (an address adjusted from the folder layout, one that cannot be an alias)."""
    source_url = located.source_url
    aliases: list[str] = []
    notes: list[str] = []
    other = adjusted_alias(page, source_url) if located.how == "folder layout" else ""
    if other:
        notes.append(ADJUSTED_NOTE)
    if not source_url or not context.options.aliases:
        return aliases, notes
    also = [other] if other else []
    # The address its print link names: the article's own, where the page was crawled at
    # an address with a query (/chi-tiet?id=5), which gets no alias.
    own, why_none = _print_link_address(located)
    notes.append(why_none)
    stated = [own] if own and located.saved_at is None else []
    seen: set[str] = set()  # an address's http and https spellings are one old address
    redirected = map(articles.page_address, page.redirected_from)
    for address in (source_url, *also, *stated, *redirected):
        if address.split("://", 1)[-1] in seen:
            continue
        seen.add(address.split("://", 1)[-1])
        alias, why_not = articles.old_address(address, context.site_names)
        if address in stated:
            why_not = ""  # the page's own words, not the crawl's: only an alias is of use
            if alias and alias not in aliases:
                notes = [_own_instead(note, alias) for note in notes]
        elif why_not and address not in (source_url, other):
            why_not += f" (the address {address}, which led to this page)"
        notes.append(why_not)
        if alias and alias not in aliases:
            aliases.append(alias)
    return aliases, notes


def _print_link_address(located: _Located) -> tuple[str, str]:
    """The article's own address its page's print link names (the profile's
    own_address), or "" and why the link gives none ("" when the page has none)."""
    source_url, link = located.source_url, located.found.own_link
    if not link:
        return "", ""
    links_from = source_url if located.links_from is None else located.links_from
    own = own_address(links_from or source_url, link)
    if own and not links_from and _path_relative(link):
        # Read from the address given, it would be an address the portal never had.
        return "", (
            f"the page's print link, {link!r}, is relative and the page does not say the "
            "address it was saved from: it gave no alias"
        )
    if not own:  # javascript:…, mailto:…: the profile's pattern is to correct
        return "", (
            f"the link the profile's own_address found, {link!r}, is not a web address: it "
            "gave no alias; if the page names its own address elsewhere, correct the pattern"
        )
    if _host(own) != _host(source_url):
        # A share or print service's link the profile's pattern found too: its path was
        # never the portal's, and the archive would answer it as if it had been.
        return "", (
            f"the link the profile's own_address found names another host's address, {own}, "
            "not the article's own: it got no alias from it"
        )
    return own, ""


def _path_relative(link: str) -> bool:
    """Whether a link names an address relative to the folder of its page's."""
    parts = urlsplit(unescape(link).strip())
    return not parts.scheme and not parts.path.startswith("/")


def _host(url: str) -> str:
    """The host of an address as the portal's spellings of it compare (with or without
    `www.`, any letter case)."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _own_instead(note: str, alias: str) -> str:
    """The note on an address with a query, which got no alias, when the page names its
    own address, which is one."""
    kind, _, query = note.partition(": ")
    if kind != articles.QUERY_NO_ALIAS:
        return note
    return f"{articles.QUERY_OWN_ALIAS}: {alias} (in place of {query})"


def _same_article_there(
    page: PageSource,
    source_url: str,
    fields: dict[str, str],
    found: Extracted,
    aliases: list[str],
    context: _Context,
) -> PageResult | None:
    """The page's outcome when the archive holds its article under another address (by
    its title and date); None for others."""
    archive = context.archive
    text = _text_of(found, context.options.profiles)
    already = archive.already(source_url, fields["title"], fields["date"], text=text)
    if not already:
        return None
    # The same article under another address: that address is an old one too.
    file = archive.match(source_url, fields["title"], fields["date"], text)[1]
    known = _there(page, source_url, already, file, _untaken(aliases, archive), context)
    return _compared(known, file, found, elsewhere=True)


def _text_of(found: Extracted, profiles: Profiles | None) -> Text:
    """The article's text and what finds the portal's id of an address (the profile's
    article_id), by which the archive knows it under another address."""
    return found.body, functools.partial(portal_id, profile_name=found.profile, profiles=profiles)


def _media_of(
    page: PageSource, found: Extracted, located: _Located, context: _Context
) -> _ArticleMedia | PageResult:
    """What becomes of the article's pictures, files and relative links, with the notes
    on them; or the page's outcome when the crawl holds some of them damaged."""
    source_url, saved_at = located.source_url, located.saved_at
    page_url = saved_at if saved_at is not None else located.crawled_at or source_url
    finder = context.finder
    # The body's links named like no file that lead to one: attachments too.
    files = [url for url in found.links if _holds_file(finder.find(url, page, page_url))]
    found = replace(found, media=(*found.media, *files)) if files else found
    crawl = _find_media(found, page, page_url, finder, context.options.accept_missing)
    if crawl.damaged:  # the article without them would pass for whole, and stay so
        return _failed(page, source_url, *crawl.damaged[0])
    linked = _linked_old(found, crawl, page, page_url, finder)
    # Of an HTTrack page, a picture named .html is HTTrack's name for it: found with its
    # other names, not said to be the portal's address.
    notes = _lost_notes(found, crawl, linked, page, finder, located.how == HTTRACK_COMMENT)
    body = without_links(found.body, sorted({url for url, _ in crawl.placeholders}))
    body = relinked(
        body,
        lambda url: (
            linked.at[url]
            if linked.at.get(url, url) != url
            else finder.page_link(url, page, page_url)
        ),
    )
    if linked.dropped:
        body = without_links(body, linked.dropped)
        notes.append(_dropped_note(linked.dropped, found, saved_at is not None))
    if linked.missing and page.path in finder.cut_short:
        notes.append(ACCEPTED_NOTE)
    notes += [mediafiles.size_note(m) for m in crawl.held]
    notes += [mediafiles.inert_note(m) for m in crawl.held]
    return _ArticleMedia(
        held=tuple(crawl.held),
        missing=tuple(  # in the article's order
            linked.at.get(url, url) for url in found.media if url in linked.at
        ),
        not_copied=tuple(linked.not_copied),
        dropped=tuple(linked.dropped),
        body=body,
        notes=tuple(notes),
    )


@dataclass(frozen=True)
class _CrawlMedia:
    """What the crawl holds of an article's media (_find_media)."""

    held: list[mediafiles.FoundMedia]  # to copy
    missing: list[str]  # not in the crawl
    damaged: Pairs  # not whole, with how to fix it
    refused: Pairs  # in the crawl, not copied, with why
    placeholders: Pairs  # a lazy-loading placeholder there, with what it is


@dataclass(frozen=True)
class _LinkedOld:
    """The media an article links at the old site, or leaves out."""

    missing: list[str]  # not in the crawl (a relative address: left out instead)
    not_copied: list[str]  # in the crawl, not copied (likewise)
    at: dict[str, str]  # the address each of them is linked at
    as_pages: dict[str, tuple[str, str]]  # those the portal answered with a web page
    dropped: list[str]  # relative addresses left out, as they lead nowhere


def _linked_old(
    found: Extracted, crawl: _CrawlMedia, page: PageSource, page_url: str, finder: MediaFinder
) -> _LinkedOld:
    """Of the article's media the crawl does not copy, those linked at the old site and
    where, and the relative ones left out."""
    # A relative address whose file is not beside the page leads nowhere on the archive
    # (and `check` fails on it): its picture or link is left out, its text kept.
    relative = set(found.relative)
    held = {m.url for m in crawl.held}
    # A link from the portal's root (/tin-tuc/bai.html) is an old address, which the
    # archive keeps for the article imported from it (its alias): kept, as `check` says
    # when it leads to no page yet. Only pictures and files need their bytes here.
    shown_blank = {url for url, _ in crawl.placeholders}
    dropped = [
        url
        for url in found.relative
        if url not in held | shown_blank and (url in found.media or not url.startswith("/"))
    ]
    missing = [url for url in crawl.missing if url not in relative]
    not_copied = [url for url, _ in crawl.refused if url not in relative]
    # What the portal answered with a web page, which wget saved under the file's name.
    answered = {url: finder.wget_page(url, page, page_url) for url in [*missing, *not_copied]}
    as_pages = {url: answer for url, answer in answered.items() if answer}
    # The address the old site had, where the mirror linked the file by a name of its own.
    linked_at = {
        url: finder.cached_address(url, page) or portal_address(url) or as_pages.get(url, (url,))[0]
        for url in {*missing, *not_copied}
    }
    return _LinkedOld(missing, not_copied, linked_at, as_pages, dropped)


def _lost_notes(
    found: Extracted,
    crawl: _CrawlMedia,
    linked: _LinkedOld,
    page: PageSource,
    finder: MediaFinder,
    mirrored: bool,
) -> list[str]:
    """The notes on the media the article does not show from the archive: linked at the
    old site, answered with a web page, or a lazy-loading placeholder."""
    relative_note = "left out of the article, as its address is relative (see the note on them)"
    notes = [
        f"{LOST_FILE}{linked.at.get(url, url)}: {why}; "
        + (relative_note if url in found.relative else "the article links to the old site")
        for url, why in crawl.refused
        if url not in linked.as_pages
    ]
    notes += [_answered_page_note(*answer) for answer in linked.as_pages.values()]
    cached = bool(finder.httrack_names)
    notes += [
        _missing_note(linked.at[url], finder.answered(url), page, cached, mirrored)
        for url in linked.missing
        if url not in linked.as_pages
    ]
    # A picture whose file is a lazy-loading placeholder shows nothing: left out, named.
    notes += [
        f"{LOST_FILE}{url}: the crawl's file there is {what}, the placeholder a lazy-loading "
        "script shows until the picture loads; left out of the article (its alt text kept): "
        f"{LOST_IMAGES_HINT}"
        for url, what in crawl.placeholders
    ]
    return notes


def _refused_by_build(
    page: PageSource,
    text: str,
    slug: str,
    aliases: list[str],
    published: datetime,
    config: SiteConfig,
) -> list[Problem]:
    """What the build would refuse in the article as it will be written, said of the page."""
    target = content_path(config, published.astimezone(config.timezone), slug)
    errors = check_article(target, articles.with_aliases(text, aliases), config)
    return [Problem(Path(page.origin), e.message, e.hint) for e in errors]


def _already(
    page: PageSource, source_url: str, context: _Context, moved_to: str = ""
) -> PageResult:
    """The page of an article already there (at ``source_url``; ``moved_to``: the page's
    own address, when the portal moved the article there). An address the crawl recorded
    leading to it (a redirect a later crawl found), or its new one, that no article has
    yet is named, with the line of the article's file to write: an import never changes
    an article already there, nor the edits an editor made in it (README, "Again and
    again")."""
    archive = context.archive
    reason = archive.matched(source_url)
    if moved_to:  # the report's address is the page's own, the reason says where it was
        reason = (
            "an article the portal moved here: its address before redirects here "
            f"({source_url}, {archive.file_of(source_url)})"
        )
    aliases: list[str] = []
    if context.options.aliases:
        led = [moved_to, *map(articles.page_address, page.redirected_from)]
        for address in [a for a in led if a and a != source_url]:
            alias, _ = articles.old_address(address, context.site_names)
            aliases += [alias] if alias and alias not in aliases else []
    file = archive.file_of(source_url)
    return _there(page, moved_to or source_url, reason, file, _untaken(aliases, archive), context)


def _there(
    page: PageSource, source_url: str, reason: str, file: str, aliases: list[str], context: _Context
) -> PageResult:
    """The page of the article already there in ``file`` (``aliases``: the page's old
    addresses that no article has, named with the line to write): with the pictures and
    files the article links at the old portal that this crawl holds, and its links by
    HTTrack's names whose addresses this crawl tells, which the importer relinks."""
    linked, pages = _linked_away(file)
    held, refused, damaged = _media_held_now(linked, page, source_url, context.finder)
    notes = (
        _aliases_note(file, aliases),
        *(f"{LOST_FILE}{url}: {why}; the article links to the old site" for url, why in refused),
        *(f"{LOST_FILE}{what}; {file} links it at the old site: {hint}" for what, hint in damaged),
    )
    kept = tuple(note for note in notes if note)
    renamed = (
        *_cached_now(linked, page, context.finder),
        *_pages_named(pages, page, source_url, context.finder),
    )
    return PageResult(
        page, ALREADY, source_url, reason, media=held, notes=kept, there=file, renamed=renamed
    )


# A picture or a link to a file at a full address, as import writes one the crawl lacked.
_LINKED_AWAY = re.compile(r"(!?)\[[^\]\n]*\]\((https?://[^)\s]+)")


def _linked_away(file: str) -> tuple[list[str], list[str]]:
    """The pictures and files that the article ``file`` links at the old portal, and the
    pages."""
    try:
        text = Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # said by the build, not here
        return [], []
    found = dict.fromkeys(
        (url, bool(bang) or is_attachment(url)) for bang, url in _LINKED_AWAY.findall(text)
    )
    return [url for url, a_file in found if a_file], [url for url, a_file in found if not a_file]


def _media_held_now(
    linked: list[str], page: PageSource, source_url: str, finder: MediaFinder
) -> tuple[tuple[mediafiles.FoundMedia, ...], Pairs, Pairs]:
    """Of the files an article already there links at the old portal (``linked``), those
    this crawl holds (a later crawl, with the page's requisites), to copy; those it
    holds that cannot be copied, with why (a page or a lazy-loading placeholder there);
    and those compressed in a way that cannot be undone here, with how to fix it, as
    _find_media says them of a new article's."""
    held: list[mediafiles.FoundMedia] = []
    refused: Pairs = []
    damaged: Pairs = []
    for url in linked:
        where = finder.find(url, page, source_url)
        if where is None or where.damaged or where.location:
            continue
        try:
            read = _described(url, where)
        except mediafiles.NotCopied as exc:
            refused.append((url, str(exc)))
        except UnknownEncoding as exc:
            damaged.append((f"{url}: {exc}", exc.hint))
        else:
            if read is not None and not mediafiles.placeholder(read[0]):
                held.append(read[1])
    return tuple(held), refused, damaged


def _cached_now(linked: list[str], page: PageSource, finder: MediaFinder) -> list[tuple[str, str]]:
    """Of the files an article already there links at the old portal (``linked``), those
    named by HTTrack's name, which the portal never had, with the address that this
    crawl's hts-cache/ gives it (the article was imported without the cache) or the name
    tells (httracknames.portal_address: imported before it told it). A picture
    named as a web page (anh.html) is one: a picture's link is no page."""
    renamed = [url for url in linked if httrack_named(url) or saved_as_page(url)]
    found = [(url, finder.cached_address(url, page) or portal_address(url)) for url in renamed]
    return [(url, address) for url, address in found if address and address != url]


def _pages_named(
    pages: list[str], page: PageSource, page_url: str, finder: MediaFinder
) -> list[tuple[str, str]]:
    """Of the pages an article already there links at the old portal (``pages``), those
    linked by the name HTTrack gave a page (`chi-tiet1a2b.html?ItemID=5` for
    chi-tiet.aspx?ItemID=5, `bai.html` for /tin-tuc/bai), with the address this mirror
    tells (the page's comment, or its hts-cache/): the import's own link, as it writes a
    page's, when the crawl it came from held neither. The build then links the archive's
    copy of that page, when it has one."""
    found = [(url, finder.page_link(url, page, page_url)) for url in pages]
    return [(url, address) for url, address in found if address and address != url]


def _renamed_note(file: str, renamed: list[tuple[str, str]]) -> str:
    """Of links by HTTrack's names replaced by the addresses the crawl's cache gives."""
    replaced = "; ".join(f"{url} by {address}" for url, address in renamed)
    return (
        f"links by the name HTTrack gave a picture, file or page, which the portal never had, "
        f"replaced by the address this mirror's hts-cache/ or the name tells: {file} "
        f"({len(renamed)}: {replaced}); nothing else in the article was changed"
    )


def _relinked_note(file: str, urls: list[str]) -> str:
    """Of pictures and files this crawl brought to an article already there."""
    more = f" and {len(urls) - 1} more" if len(urls) > 1 else ""
    return (
        f"{BROUGHT_NOTE}: {file} ({len(urls)}: {urls[0]}{more}); nothing else in the article "
        "was changed"
    )


BROUGHT_NOTE = (
    "pictures or files of an article imported before that it linked at the old portal, "
    "and that this crawl holds, were copied and linked to the copies in place of their "
    "old address"
)


def _untaken(aliases: list[str], archive: Archive) -> list[str]:
    """The old addresses that no article has, as an alias or as its address."""
    keys = {alias: alias_key(alias) for alias in aliases}
    return [a for a, k in keys.items() if k not in archive.aliases and k not in archive.addresses]


def _aliases_note(file: str, aliases: list[str]) -> str:
    """Of old addresses of an article already there: where and what to write for them
    to lead to it ("" for none)."""
    if not aliases:
        return ""
    return (
        f"{LOST_RELATIVE}the address(es) {', '.join(aliases)} of this page (its own, as the "
        "crawl or --source-url gives it, one leading to it, or where the portal moved it): "
        f"the article imported from it before, {file}, whose front matter an import never "
        "changes; to have them lead to it, " + articles.alias_instruction(Path(file), aliases)
    )


def _answered_page_note(address: str, name: str) -> str:
    """Of a picture or file the portal answered with a web page, which wget saved."""
    return (
        "not in the crawl, still linked to the old site, as the portal answered it with a "
        f"web page, not a picture or file: {address} (saved as {name}); wget "
        "--adjust-extension saves what a portal answers with a page (an error or login page) "
        "under the address's name with .html added, so the crawl has no picture there: the "
        "Wayback Machine (web.archive.org) may have it at that address; add it to the "
        "article by hand"
    )


def _missing_note(url: str, status: str, page: PageSource, cached: bool, mirrored: bool) -> str:
    """Of a picture or file the article keeps linked to the old site: why it is not here
    (``cached``: the mirror's hts-cache/ was found and read; ``mirrored``: the page is
    HTTrack's)."""
    renamed = httrack_named(url) or (mirrored and saved_as_page(url))
    if page.offset < 0 and renamed:  # hts-cache/ did not read it back
        return _httrack_note(url, page, cached)
    if page.named:  # no crawl: its files are looked for beside it
        return f"not beside the page, still linked to the old site: {url}"
    if status:  # crawling again will not bring it: the server had lost it already
        return (
            f"not in the crawl (the server answered {status} when it was crawled; the "
            f"Wayback Machine may have it), still linked to the old site: {url}"
        )
    return f"not in the crawl, still linked to the old site: {url}"


def _httrack_note(url: str, page: PageSource, cached: bool) -> str:
    """Of a file linked by the name HTTrack gave it, which the portal never had."""
    # The folder imported, or one above it, was searched for the cache: sending the
    # reader to import "the folder that holds it" sent them back where they were. The
    # address comes first, the same words after it, so that the report says them once
    # for all such files (report.grouped_notes).
    if cached:
        where = "which lists none for this name"
    elif page.named:  # the cache is looked for above a folder given, not a page
        where = "which is read with the mirror, not with a page given alone: import "
    else:
        where = (
            "which is not in the folder imported nor above it (the mirror was copied "
            "without it): import "
        )
    if not cached:
        where += (
            "the mirror's project folder, the one holding it, to have the portal's addresses "
            "(keep its hts-cache/ whenever you copy a mirror); without it they cannot be "
            "known, and the article keeps HTTrack's name"
        )
    lacking = "not beside the page" if page.named else "not in the crawl"
    return (
        f"{lacking}, still linked to the old site by the name HTTrack gave it: "
        f"{url}; HTTrack saves a file under a name of its own, which the portal never "
        "had, when the file's address has a query (/documents/1/2/anh.jpg/<its id>?t=1 "
        "as anh.jpg/anhb73c.jpg?t=1) or the portal answered it with a web page (an error "
        "page for anh.png, or for an address without an ending, as anh.html), so the "
        "portal's address is not known from that name; the mirror's hts-cache/ folder "
        f"(new.txt, new.zip) lists it, {where}"
    )


def _dropped_note(dropped: list[str], found: Extracted, archive_copy: bool) -> str:
    """What was left out for its relative address, and how to have it back."""
    files = sum(1 for url in dropped if url in found.media)
    kinds = [
        f"{files} picture(s) or file(s)" if files else "",
        f"{len(dropped) - files} link(s)" if len(dropped) > files else "",
    ]
    if archive_copy:  # its addresses are the archive's, not the original site's
        why = "they lead into the archive the page was saved from, which is not here"
        fix = "import the page from that archive's folder, which holds its files"
    else:
        beside = " (nor are their files beside the page)" if files else ""
        why = f"the page's original address is not known{beside}"
        fix = (
            "to link them to the old site instead, delete the article's file and import "
            "the page again with --source-url ADDRESS (its address on the old portal)"
        )
    return (
        f"{LOST_RELATIVE}{' and '.join(filter(None, kinds))} at relative addresses, as "
        f"{why}: they would lead nowhere on the archive (the alt text and link text are "
        f"kept): {', '.join(dropped)}; {fix}"
    )


def is_dated(source_url: str, options: Options) -> bool:
    """Whether the page of ``source_url`` is the one --source-url names in a crawl."""
    wanted = articles.page_address(options.date_for)
    return bool(source_url) and source_key(source_url) == source_key(wanted)


def _failed(page: PageSource, source_url: str, message: str, hint: str) -> PageResult:
    error = Problem(Path(page.origin), message, hint)
    return PageResult(page, FAILED, source_url, message, (error,))


def _failed_with(
    page: PageSource, source_url: str, problems: list[Problem], found: Extracted | None = None
) -> PageResult:
    return PageResult(page, FAILED, source_url, problems[0].message, tuple(problems), found)


def _address(page: PageSource, data: bytes, context: _Context) -> tuple[str, str]:
    """The page's original address and where it was found."""
    if context.options.source_url:
        return context.options.source_url, ""
    found, how = original_url(page, data)
    found = articles.page_address(found)
    if not found.startswith("http"):
        return "", ""  # no address at all
    return found, how


def _own_page(page: PageSource, text: str, source_url: str, context: _Context) -> bool:
    """Whether the page is one of this archive's own (a site built here, which a profile
    of copies reads): its address is the archive's, not the article's on the portal. Not
    every page under base_url: an archive served at the portal's old domain, as the README
    advises, has the portal's own addresses there."""
    if context.options.source_url or not source_url.startswith(context.config.base_url):
        return False
    return reads_copies(CapturedPage(page.origin, source_url, text), context.options.profiles)


def _find_media(
    found: Extracted, page: PageSource, source_url: str, finder: MediaFinder, accept: bool
) -> _CrawlMedia:
    """The media of the article that the crawl holds, the addresses it lacks, why
    they cannot be copied whole (with how to fix it): a record cut short, a WARC cut
    before them, a compression that cannot be undone here; those it holds that are
    not copied, with why (mediafiles.NotCopied); and those whose file is a lazy-loading
    placeholder, with what it is. With ``accept`` (--accept-missing), the files a cut
    WARC lacks or holds cut are only missing."""
    held: list[mediafiles.FoundMedia] = []
    missing: list[str] = []
    damaged: Pairs = []
    refused: Pairs = []
    placeholders: Pairs = []
    for url in found.media:
        where = found.embedded.get(url) or finder.find(url, page, source_url)
        for size in found.alternates.get(url, ()) if where is None else ():
            # The crawler loaded another size of the picture (its screen's, or the src).
            other = finder.find(size, page, source_url)
            if other is not None and not _placeholder_at(other):  # named after its file
                where = replace(other, address=other.address or size)
                break
        if where is not None and where.damaged:
            if accept:
                missing.append(url)
            else:
                damaged.append(
                    (f"the crawl's copy of {url} is not whole: {where.damaged}", MISSING_HINT)
                )
            continue
        try:
            read = _described(url, where) if where else None
        except UnknownEncoding as exc:
            damaged.append((f"{url}: {exc}", exc.hint))
        except mediafiles.NotCopied as exc:
            refused.append((url, str(exc)))
        else:
            if read is None:
                missing.append(url)
            elif what := mediafiles.placeholder(read[0]):
                placeholders.append((url, what))
            else:
                held.append(read[1])
    if missing and not damaged and page.path in finder.cut_short and not accept:
        lost = f"{len(missing)} of its images and attachments are not in the WARC"
        damaged.append(
            (
                f"{lost}, which is cut short: they may be in the part that was lost "
                f"(the first: {missing[0]})",
                MISSING_HINT,
            )
        )
    return _CrawlMedia(held, missing, damaged, refused, placeholders)


def _described(url: str, where: Media) -> tuple[bytes, mediafiles.FoundMedia] | None:
    """The crawl's bytes there and the file as it will be copied; None when its record is
    damaged (as good as absent). Raises UnknownEncoding and mediafiles.NotCopied, each
    saying why it is not copied."""
    data = readable_record(where)
    return None if data is None else (data, mediafiles.describe(url, where, data))


def _holds_file(where: Media | None) -> bool:
    return where is not None and mediafiles.a_file(where)


def _placeholder_at(where: Media) -> bool:
    """Whether the crawl's file there is what a lazy-loading script shows until the
    picture loads, not another size of it (unread: not known)."""
    try:
        data = None if where.damaged else readable_record(where)
    except UnknownEncoding:
        return False
    return data is not None and mediafiles.stand_in(data)


def _missing_parts(
    page: PageSource, found: Extracted, source_url: str, options: Options
) -> list[Problem]:
    where = Path(page.origin)
    alone = _dated_again(page, source_url, options)
    problems = []
    if not found.title.strip():
        problems.append(Problem(where, "found no title", "the page needs an <h1> title"))
    if found.published is None:
        message = "the page shows no publish date (not in its text, meta tags or <time>)"
        hint = f"find the date on the old portal (a list page shows it), then {alone}"
        if found.date_missed:  # the profile's date selector wrong?
            message = f"{message[:-1]}; {found.date_missed})"
            # What it found may be the date, in a form not read (5 Tháng Ba, 2021).
            form = (
                "; if it found the date in a form not read (docs/import-profiles.md#dates), "
                "point it at a <meta> or <time> of the page that holds the date"
                if NOT_A_DATE in found.date_missed
                else ""
            )
            # A shipped profile is not the archivist's to edit: one of their own replaces it.
            correct = (
                "correct that profile's date selector to find it "
                "(docs/import-profiles.md#selectors)"
                if own_profile(found.profile, options.profiles)
                else f"write a profile of your own named {found.profile} in import-profiles/, "
                "whose date finds it (it replaces the shipped one: "
                "docs/import-profiles.md#writing-a-profile)"
            )
            hint = f"if the page shows its date, {correct}{form}; if it does not, {hint}"
        problems.append(Problem(where, message, hint))
    return problems


def _dated_again(page: PageSource, source_url: str, options: Options) -> str:
    """How to import the page with its date: the command whole and quoted for a shell
    (a path with spaces or Vietnamese letters), for the archivist to paste. A page of a
    crawl is named by its address among the crawl's files (all of them: its pictures may
    be in another), a page named alone by its file, each with the options given."""
    date = ["--date", "dd/mm/yyyy HH:MM"]
    if source_url and (page.offset >= 0 or page.folder):  # a page of a crawl
        words = [*options.inputs, *options.again, "--source-url", source_url, *date]
        return f"import the crawl again: {_command(words)} (the date is given to that page only)"
    given = ["--source-url", options.source_url] if options.source_url else []
    return f"import this file alone: {_command([page.path, *options.again, *given, *date])}"


def _command(words: list[str]) -> str:
    return shlex.join(["python3", "build.py", "import", *words])


class Importer:
    """Writes the articles, in input order, under names nobody has taken."""

    def __init__(
        self,
        config: SiteConfig,
        archive: Archive,
        store: mediafiles.MediaStore,
        profiles: Profiles | None = None,
    ):
        self.config = config
        self.archive = archive
        self.store = store
        self.profiles = profiles
        # The articles written by this run, by their file as messages name it: the file
        # and the digest of its bytes (to know it is still as written).
        self.written: dict[str, tuple[Path, bytes]] = {}

    def take(self, result: PageResult) -> Row:
        if result.outcome == ALREADY and (result.media or result.renamed):
            return self._brought(result)
        return self._written(result) if result.outcome == IMPORTED else Row(result)

    def _written(self, result: PageResult) -> Row:
        """The article of a page imported, written under a name nobody has taken."""
        found = result.found
        assert found is not None and found.published is not None
        fields = articles.article_fields(found, result.source_url, self.config)
        earlier = ", imported earlier in this run"
        title, date, same = fields["title"], fields["date"], _text_of(found, self.profiles)
        already = self.archive.already(result.source_url, title, date, earlier, same)
        if already:  # the crawl holds the page twice (two captures, http and https...)
            file = self.archive.match(result.source_url, title, date, same)[1]
            return Row(_as(result, ALREADY, already), notes=self._also_at(file, result.aliases))
        names = as_archive_names(fields["category"], found.category, found.tags, self.archive)
        if names.category != fields["category"]:  # the archive's, not a guess to confirm
            guessed = articles.category_name(found.category, self.config)[1]
            result = replace(result, notes=tuple(n for n in result.notes if n != guessed))
        notes = list(names.notes)
        text = articles.with_names(result.text, names.category, names.tags)
        aliases: list[str] = []
        for alias in result.aliases:
            if alias_key(alias) in self.archive.aliases:
                notes.append(f"the old address {alias} is already another article's alias")
            elif alias_key(alias) in self.archive.addresses:
                notes.append(f"the old address {alias} is another article's address")
            elif alias_key(alias) not in map(alias_key, aliases):  # /a/b/ and /a/b/index.html
                aliases.append(alias)
        copied_before = self.store.copied
        links = {m.url: self.store.place(m) for m in result.media}
        text = mediafiles.relink(text, links, mediafiles.download_names(result.media))
        published = found.published.astimezone(self.config.timezone)
        key = result.source_url or f"{fields['title']}|{fields['date']}"
        for slug in articles.distinct_slugs(result.slug, found.article_id, key):
            target = content_path(self.config, published, slug)
            rel = target.relative_to(self.config.content_dir).as_posix()
            page_file = page_key(published, slug)
            taken = page_file in self.archive.aliases  # an old /yyyy/mm/slug/ address
            if rel in self.archive.files or page_file in self.archive.addresses or taken:
                continue
            # An old address that is the article's new one needs no alias: it leads here.
            needed = [alias for alias in aliases if alias_key(alias) != page_file]
            written = articles.with_slug(articles.with_aliases(text, needed), slug)
            target.parent.mkdir(parents=True, exist_ok=True)
            if write_whole(target, written):
                break
        else:
            error = Problem(target, "no free file name was found", "rename some articles")
            return Row(_as(result, FAILED, error.message, (error,)))
        if slug != result.slug:
            notes.append(f"another article has the name {result.slug!r}: this one is {slug!r}")
        self.archive.files.add(rel)
        self.archive.addresses.add(page_file)
        self.archive.add(result.source_url, fields["title"], fields["date"], shown(target))
        order = (False, published, slug)
        self.archive.add_names("tags", list(names.tags), order, shown(target))
        self.archive.add_names("category", [names.category], order, shown(target))
        self.archive.aliases.update(alias_key(alias) for alias in needed)
        self.written[shown(target)] = (target, hashlib.sha256(written.encode()).digest())
        return Row(result, str(target), notes, self.store.copied - copied_before)

    def _brought(self, result: PageResult) -> Row:
        """The page of an article already there whose pictures and files, linked at the
        old portal, this crawl holds: each copied, and linked to the copy where the file
        still links its old address, the import's own link (one the editor pointed
        elsewhere is theirs); and whose links by HTTrack's names this crawl's cache
        tells the portal's addresses of: replaced by them, where the file still links
        that name (the import's own link too). Nothing else of the file changes."""
        path = Path(result.there)
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):  # said by the build, not here
            return Row(result)

        def linked(url: str) -> bool:
            return f"]({url})" in text or f"]({url} " in text

        # A link a media file of this crawl replaced is not renamed, nor one that
        # another page of the article changed in this run.
        at_old = [m for m in result.media if linked(m.url)]
        copied = {m.url for m in at_old}
        renamed = [(url, to) for url, to in result.renamed if url not in copied and linked(url)]
        if not at_old and not renamed:
            return Row(result)
        copied_before = self.store.copied
        links = {m.url: self.store.place(m) for m in at_old}
        named = mediafiles.relink(text, links, mediafiles.download_names(at_old))
        written = relinked(named, lambda url: dict(renamed).get(url, ""))
        mediafiles.write_atomic(path, written.encode("utf-8"))
        notes = [_relinked_note(result.there, [m.url for m in at_old])] if at_old else []
        notes += [_renamed_note(result.there, renamed)] if renamed else []
        return Row(result, notes=notes, copied=self.store.copied - copied_before)

    def _also_at(self, file: str, aliases: tuple[str, ...]) -> list[str]:
        """The old addresses of a page whose article is already there (Liferay shows one
        under each of its categories): added to its file when this run wrote it and it
        is as written, else named with the line to write (an earlier import's file, which
        an editor may have changed, is never changed)."""
        new = _untaken(list(aliases), self.archive)
        if not new or not file:
            return []
        target, digest = self.written.get(file, (Path(), b""))
        try:
            text = target.read_bytes() if digest else b""
        except OSError:
            text = b""
        if not text or hashlib.sha256(text).digest() != digest:
            return [_aliases_note(file, new)]
        written = articles.with_more_aliases(text.decode(), new).encode()
        mediafiles.write_atomic(target, written)
        self.written[file] = (target, hashlib.sha256(written).digest())
        self.archive.aliases.update(alias_key(alias) for alias in new)
        return [f"the address(es) {', '.join(new)} are aliases of the article now ({file})"]


def _as(result: PageResult, outcome: str, reason: str, errors: tuple = ()) -> PageResult:
    return PageResult(result.page, outcome, result.source_url, reason, errors, result.found)
