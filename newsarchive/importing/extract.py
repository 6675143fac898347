"""One captured page -> the article on it, or why it is not one.

A site profile (profiles.py) says where a known platform keeps each field; the page's own
markers pick it. Pages of unknown sites go to well-kept extraction libraries, installed
with the optional `[import]` extra: trafilatura for the text, readability-lxml for the
title, htmldate for the date when the page gives none of its own (bench/import_eval.py
measured these as the best of each on the samples).
"""

import difflib
import re
import string
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from .. import schema, urls
from ..config import original_host
from ..errors import BuildFailed
from .dates import read_date
from .dropped import for_extractor, left_out
from .html import convert, is_attachment
from .misread import misread
from .page import CapturedPage, Extracted, NotArticle, Unmatched
from .profiles import Profile, Profiles, load_profiles

__all__ = ["extract", "load_profiles"]

# Where pages of any platform state their own publish date, most trusted first.
PAGE_DATES = (
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    "[itemprop=datePublished]",
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[property="og:published_time"]',
    'meta[name="dc.date.issued"]',
    "time[datetime]",
)
# Where a page names its site: a <title> of the site's name alone is no article's.
SITE_NAMES = ('meta[property="og:site_name"]', 'meta[name="application-name"]')
INSTALL_GENERIC = (
    ": run  python3 -m pip install 'newsarchive[import]'  (or add a site profile for the "
    "site, see docs/import-profiles.md)"
)
GENERIC_NEEDS = (
    "this page matches no site profile, and pages of unknown sites are read by the "
    "optional extraction libraries, which are not installed" + INSTALL_GENERIC
)
GENERIC_NEEDS_HINT = (
    "python3 -m pip install 'newsarchive[import]', then import it again; or add a site "
    "profile for its site (docs/import-profiles.md)"
)
NO_DATE = "found no publish date on the page"
# After what a profile's date found, when it is no date (run.py's hint looks for it).
NOT_A_DATE = ", which is not a date"
MONTH_FIRST = "month first"  # 04/14/2025: never read so, but said
_SHORT_YEAR = re.compile(r"(?<![\d/.-])\d{1,2}([/.-])\d{1,2}\1\d{2}(?![\d/.-])")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
UNKNOWN_LANGUAGE = (
    "the page is not in Vietnamese and does not say in which language it is: add its "
    "code to the article, e.g. language: fr"
)
NOT_VIETNAMESE = "the page is not in Vietnamese (another language section of the portal)"
ALL_LANGUAGES = "; to import it too, import with --all-languages"
ADD_A_PROFILE = " (if it is one, add a site profile: docs/import-profiles.md)"
# What a crawl's summary, which prints no fix, says after the reason of a page that is
# not an article; a page named alone is told it in its fix instead (command.py), not twice.
CRAWL_FIXES = (ALL_LANGUAGES, ADD_A_PROFILE, INSTALL_GENERIC)
REDIRECT = (
    "the page only sends the reader on to another address (a meta refresh): "
    "the article, if any, is the page at that address"
)
REDIRECT_HINT = "import the page at the address it sends the reader to"
# <meta http-equiv="refresh" content="0; url=...">: seconds, then the address. A portal's
# page that reloads itself every few minutes names no address, or waits longer.
_REFRESH = re.compile(r"\s*(\d+)(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?\S", re.I)
_REFRESH_SECONDS = 10
_VIETNAMESE = frozenset("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")
_ALPHABET = _VIETNAMESE.union(string.ascii_lowercase)
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_TONED = frozenset(c for c in _VIETNAMESE if set(_TONES) & set(unicodedata.normalize("NFD", c)))
_TOO_FEW = 8  # words: too little text to tell the language
_WORD = re.compile(r"[^\W\d_]+")
_ADDRESS = re.compile(r"\]\([^)]*\)|\w+://\S+")
# A list page of a portal no profile fits (a category, the home page, search results) is
# teasers: a link to an article, its date before or after it, perhaps a lead. The generic
# extractor takes such a run for the text, and the first teaser's date for the page's. An
# article's text may bring a few dated links to other pages along ("Tin khác"), but it
# has text of its own besides them, longer than a teaser's lead: a page whose text is at
# least LIST_TEASERS teasers and at most LIST_OWN_WORDS words besides is a list.
LIST_TEASERS = 3
LIST_OWN_WORDS = 50
TEASER_WORDS = 80  # a date and a lead between two links: longer, it is text of the page's
_OPEN, _CLOSE = "\x01", "\x02"  # where a link to a page starts and ends in the text
_SHIPPED: Profiles | None = None
_CLASS_OR_ID = re.compile(r"([.#])([\w-]+)")


def extract(page: CapturedPage, profiles: Profiles | None = None) -> Extracted | NotArticle:
    """The article on ``page``; profiles default to the shipped ones."""
    profiles = profiles or _shipped()
    if not page.html.strip():
        return NotArticle("the page is empty", "copy or crawl the page again, whole")
    tree = LexborHTMLParser(page.html)
    if _sends_on(tree):
        return NotArticle(REDIRECT, REDIRECT_HINT)
    profile = profiles.pick(tree, page.url)
    if profile is None:
        found = _generic(page, tree, profiles)
    else:
        found = _with_profile(page, tree, profile, profiles)
    if isinstance(found, NotArticle):
        return found
    # Vietnamese written in an old font's encoding is not another language: the import
    # names it (run.py).
    text = f"{found.title} {found.body}"
    if _looks_vietnamese(text) or misread(text)[0]:
        return found
    if profiles.all_languages:
        language = _language(tree, found)
        notes = found.notes if language else (*found.notes, UNKNOWN_LANGUAGE)
        return replace(found, language=language, notes=notes)
    return NotArticle(
        NOT_VIETNAMESE + ALL_LANGUAGES,
        "import it again with --all-languages, which imports the pages in other languages too",
        profile=found.profile,
        unmatched=found.unmatched,
    )


def _sends_on(tree: LexborHTMLParser) -> bool:
    """A redirect page: its meta refresh sends the reader to an address within seconds
    (an old address's page, ours too, or a crawler's capture of a moved page)."""
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").strip().lower() == "refresh":
            found = _REFRESH.match(meta.attributes.get("content") or "")
            if found and int(found.group(1)) <= _REFRESH_SECONDS:
                return True
    return False


def _shipped() -> Profiles:
    global _SHIPPED
    if _SHIPPED is None:
        try:
            _SHIPPED = load_profiles()
        except BuildFailed as failed:  # a broken shipped profile is our bug, not the user's
            raise RuntimeError("; ".join(e.format() for e in failed.errors)) from None
    return _SHIPPED


@dataclass
class _Read:
    """What a profile or the generic extractor found, before the body is converted."""

    title: str
    published: datetime | None
    timed: bool  # the date came with a time of day
    category: str
    parts: list[LexborNode]  # the body's elements, in page order
    profile: str
    article_id: str = ""
    author: str = ""
    tags: tuple[str, ...] = ()
    own_link: str = ""  # the link naming the article's own address (its print link)
    notes: list[str] = field(default_factory=list)
    date_missed: str = ""  # what the profile's date found, when no date was found
    source_url: str = ""  # the original address the page states, when it is a copy
    captured: datetime | None = None  # when the original was captured, as such a copy says
    # A date one's own profile found, as printed: read day first though it may be month
    # first (06/01/2025), or one that is a date only month first (01/14/2025).
    day_first: str = ""
    month_first: str = ""
    # The other sizes of the pictures, by address, that the generic extractor's HTML
    # no longer holds (dropped.for_extractor).
    sizes: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _with_profile(
    page: CapturedPage, tree: LexborHTMLParser, profile: Profile, profiles: Profiles
) -> Extracted | NotArticle:
    skipped = _skipped(page, profile)
    if skipped is not None:
        return skipped
    unmatched = _unmatched(tree, profile) if profile.own else None
    title = _first_value(tree, profile.title)
    parts = _outermost(tree.css(profile.body))
    if not title or not parts:
        return replace(_not_found(profile, "title" if not title else "body"), unmatched=unmatched)
    author, said = _author(_first_value(tree, profile.author))
    if any(profile.search("not_authors", p, author, page.origin) for p in profile.not_authors):
        author = said = ""  # the CMS's account ("admin admin"), not a person
    words, dropped = _drop(parts, profile)
    date = _profile_date(tree, profile, profiles)
    category = _first_value(tree, profile.category)
    article_id = _article_id(page, profile)
    read = _Read(
        title, date.published, date.timed, category, parts, profile.name, article_id, author
    )
    read.date_missed = date.missed
    read.month_first, read.day_first = date.month_first, date.day_first
    read.source_url = _stated_address(tree, profile.source_url)
    read.captured = read_date(_first_value(tree, profile.captured), profiles.timezone)[0]
    read.tags = _tags(tree, profile.tags)
    own_address = profile.own_address
    own = own_address and profile.search("own_address", own_address, page.html, page.origin)
    read.own_link = "".join(filter(None, own.groups())) if own else ""
    read.notes = date.stated + _selector_notes(tree, profile, words, dropped, category)
    read.notes += _broad_title(tree, profile) + _linked_parts(profile, parts)
    read.notes += _tags_notes(profile, read.tags)
    if said and author:
        at = profile.at("author")  # one's own profile's selector may take too much
        read.notes.append(said + (f", or correct the profile's {at}" if at else ""))
    return replace(_extracted(page, read), unmatched=unmatched)


def _unmatched(tree: LexborHTMLParser, profile: Profile) -> tuple[Unmatched, ...]:
    """One's own profile's title, and each part of its body, that match no element of
    the page: on every page it picks, a misspelt one (the run says so, unmatched.py)."""
    return tuple(
        Unmatched(key, selector, _seen(tree, selector))
        for key, selector in profile.checked()
        if tree.css_first(selector) is None
    )


def _seen(tree: LexborHTMLParser, selector: str) -> str:
    """``selector`` with each class or id the page lacks replaced by the page's closest
    one (div.content-detial: div.content-detail), when the page has that; else ""."""
    names: dict[str, set[str]] = {"#": set(), ".": set()}
    for node in tree.css("[class], [id]"):
        names["."].update((node.attributes.get("class") or "").split())
        names["#"].add(node.attributes.get("id") or "")

    def closest(found: re.Match[str]) -> str:
        sign, name = found.group(1), found.group(2)
        if name in names[sign]:
            return found.group(0)
        close = difflib.get_close_matches(name, list(names[sign]), n=1, cutoff=0.75)
        return sign + close[0] if close else found.group(0)

    seen = _CLASS_OR_ID.sub(closest, selector)
    try:
        return seen if seen != selector and tree.css_first(seen) is not None else ""
    except (SelectolaxError, ValueError):  # a name with signs CSS takes only escaped
        return ""


def _skipped(page: CapturedPage, profile: Profile) -> NotArticle | None:
    """A page whose address one of the profile's skip patterns matches."""
    addresses = (page.url, page.origin)
    for pattern in profile.skip:
        if any(profile.search("skip", pattern, a, page.origin) for a in addresses):
            return NotArticle(
                f"its address matches {pattern!r}, which the {profile.name} profile skips "
                "(a print view or another page that is not an article)",
                profile=profile.name,
            )
    return None


def _not_found(profile: Profile, key: str) -> NotArticle:
    """A page without the title or the body (``key``) where the profile looks."""
    missing, where = (
        ("title", ", ".join(profile.title)) if key == "title" else ("text", profile.body)
    )
    return NotArticle(
        f"no article {missing} where the {profile.name} profile looks ({where}): "
        "a list, search, calendar or other page that is not an article"
        + (f", or the profile's {at} is wrong" if (at := profile.at(key)) else ""),
        profile=profile.name,
        missed=True,
    )


def _drop(parts: list[LexborNode], profile: Profile) -> tuple[int, dict[str, int]]:
    """Take what the profile drops (and the author line: front matter, not the last
    paragraph of the text) out of ``parts``. With one's own profile, the words of the
    text before and the words each drop selector took (for _selector_notes); else 0, {}."""
    drop_at = profile.at("drop")  # one's own: what it leaves out is counted
    words = sum(_words(part) for part in parts) if drop_at else 0
    dropped = dict.fromkeys(profile.drop if drop_at else (), 0)
    for part in parts:
        for selector in (*profile.drop, *profile.author):
            for node in part.css(selector):
                if selector in dropped:
                    dropped[selector] += _words(node)
                node.decompose()
    return words, dropped


@dataclass
class _ProfileDate:
    """The date of a page read with a profile, and what is said of it (_Read)."""

    published: datetime | None
    timed: bool
    stated: list[str]  # notes: the markup's date stood in for the profile's
    missed: str
    month_first: str = ""
    day_first: str = ""


def _profile_date(tree: LexborHTMLParser, profile: Profile, profiles: Profiles) -> _ProfileDate:
    """The date where the profile looks, else the one the page's markup states."""
    shown = _first_value(tree, profile.date)
    published, timed = read_date(shown, profiles.timezone)
    as_printed = published
    # A profile's own date that found nothing, or no date: most likely its selector.
    found = f"found {shown[:80]!r}" if shown else "found nothing"
    missed = f"the {profile.name} profile's date, {', '.join(profile.date)}, {found}"
    where = f" ({at})" if (at := profile.at("date")) else ""
    stated = []  # the markup's date stood in for the profile's without a word
    swapped = _swapped(published, tree, profiles) if at else None
    if swapped is not None and published is not None:
        # 03/05/2020 of a portal writing the month first, 5 March in its own markup: read
        # day first, it was filed in May without a word (one's own profiles only).
        stated = [
            f"{missed}, read day first as {published:%d/%m/%Y}, while the page's markup "
            f"states {swapped:%d/%m/%Y}: the portal writes its dates {MONTH_FIRST}{where}; "
            "the date the page's markup states was used (point 'date' at the <meta> or "
            "<time> that holds it: docs/import-profiles.md#dates)"
        ]
        published = None
    if published is None:
        published, timed = _marked_up_date(tree, profiles)
        if published is not None and profile.date and not stated:
            stated = [f"{missed}{where}: the date the page's markup states was used"]
    if published is None and profile.date:
        missed = f"{missed}{NOT_A_DATE if shown else ''}{_month_first(shown)}{where}"
    else:
        missed = ""
    date = _ProfileDate(published, timed, stated, missed)
    if at:  # the import run weighs them across its pages (command.py)
        date.month_first = _only_month_first(shown) or (
            _printed(shown, as_printed) if swapped else ""
        )
        kept = as_printed if published is as_printed else None  # not the markup's date
        if kept and kept.day <= 12 and kept.day != kept.month:
            date.day_first = _printed(shown, kept)
    return date


def _selector_notes(
    tree: LexborHTMLParser,
    profile: Profile,
    words: int,
    dropped: dict[str, int],
    category: str,
) -> list[str]:
    """What one's own profile's selectors missed or took too much of, said for the pages
    that have it to be checked: a misspelt selector imported less without a word."""
    # One of several parts of the text found nothing (a misspelt selector imports the
    # lead alone, with no other word).
    notes = [
        f"the {profile.name} profile's body selector {part!r} found nothing on the page: "
        f"if the page has that part, correct the selector{f', {at}' if at else ''} "
        "(docs/import-profiles.md#selectors)"
        for part in profile.body_parts
        if tree.css_first(part) is None
        for at in [profile.at("body", part)]
    ]
    # And one's own drop that took most of the text (the text's own part, or its
    # paragraphs, meant as a box inside it): the lead alone was imported without a word.
    notes += [
        f"the {profile.name} profile's drop selector {selector!r} left out {taken} of the "
        f"{words} words of the text: if they are the article's, correct the selector, "
        f"{profile.at('drop', selector)} (docs/import-profiles.md#the-keys)"
        for selector, taken in dropped.items()
        if taken * 2 > words
    ]
    # So is one's own category that found none: the breadcrumb is not in the text, and a
    # misspelt selector imported every article without its category, without a word.
    if profile.category and not category and (at := profile.at("category")):
        notes.append(
            f"the {profile.name} profile's category selector {', '.join(profile.category)!r} "
            "found nothing on the page: the article has no category; if the page shows "
            f"one, correct the selector, {at} (docs/import-profiles.md#selectors)"
        )
    return notes


# A part of the text with this many links to pages, and twice as many words in them as
# out of them, is a menu, a sidebar's box or a list of other articles, not the article.
MENU_LINKS = 3


def _broad_title(tree: LexborHTMLParser, profile: Profile) -> list[str]:
    """One's own title selector that several elements of other texts match (`h1`: a
    sidebar's boxes have one each): the first was imported as the title without a word."""
    titles = next(
        (
            (selector, texts)
            for selector in profile.title
            if (texts := list(dict.fromkeys(filter(None, map(_value, tree.css(selector))))))
        ),
        None,
    )
    if not titles or len(titles[1]) < 2 or not (at := profile.at("title")):
        return []
    selector, texts = titles
    found = ", ".join(repr(text[:60]) for text in texts[:4])
    return [
        f"the {profile.name} profile's title selector {selector!r} found {len(texts)} "
        f"elements with different texts on the page ({found}): the first was taken as "
        f"the title; if it is not the article's, make the selector name the title "
        f"alone, {at} (docs/import-profiles.md#selectors)"
    ]


def _linked_parts(profile: Profile, parts: list[LexborNode]) -> list[str]:
    """Each part one's own body selector took that is mostly links (every box of the page
    has the body's class): imported as the article's text without a word."""
    notes = []
    at = profile.at("body")
    for part in parts if at else []:
        links = [a for a in part.css("a[href]") if not is_attachment(a.attrs.get("href") or "")]
        words, linked = _words(part), sum(map(_words, links))
        if len(links) < MENU_LINKS or (words - linked) * 3 >= max(words, 1):
            continue
        start = " ".join(part.text(separator=" ").split()[:8])
        notes.append(
            f"the {profile.name} profile's body selector {profile.body!r} took a part of the "
            f"page that is mostly links ({len(links)} links, {linked} of its {words} words in "
            f"them{f': {start!r}…' if start else ''}): a menu, a sidebar or a list of other "
            "articles is not the article's text; if so, make the selector name the text "
            f"alone, or leave that part out with drop, {at} (docs/import-profiles.md#selectors)"
        )
    return notes


def _tags_notes(profile: Profile, tags: tuple[str, ...]) -> list[str]:
    """One's own tags selector that found none: a misspelt one imported every article
    without its tags, without a word (as its category). And one that found more than an
    article has (every link of a box of the portal's topics beside it)."""
    selector = ", ".join(profile.tags)
    if profile.tags and not tags and (at := profile.at("tags")):
        return [
            f"the {profile.name} profile's tags selector {selector!r} found no "
            "tag on the page: the article has none; if the page shows some, correct the "
            f"selector, {at} (docs/import-profiles.md#selectors)"
        ]
    longest = max(tags, key=lambda tag: len(tag.split()), default="")
    if len(longest.split()) > LONG_TAG:  # a text (the lead) the selector names, not a tag
        at = profile.at("tags") or "in its profile"
        return [
            f"the {profile.name} profile's tags selector {selector!r} found a tag of "
            f"{len(longest.split())} words ({' '.join(longest.split()[:6])}…): if it is a text "
            f"of the page, not a tag, correct the selector, {at}, and the article's tags: line"
        ]
    # Counted by address: keywords name each topic again without its accents.
    if (count := len({urls.term_slug(tag) for tag in tags})) > MANY_TAGS:
        at = profile.at("tags") or "in its profile"
        return [
            f"the {profile.name} profile's tags selector {selector!r} found {count} tags "
            "on the page: if they are not all the article's (a list of the portal's topics "
            f"beside it), correct the selector, {at}, and the article's tags: line"
        ]
    return []


def _swapped(
    published: datetime | None, tree: LexborHTMLParser, profiles: Profiles
) -> datetime | None:
    """The page's markup date when it is ``published`` with its day and month swapped."""
    if published is None or published.day == published.month or published.day > 12:
        return None
    stated, _ = _marked_up_date(tree, profiles)
    if stated is None or (stated.year, stated.month, stated.day) != (
        published.year,
        published.day,
        published.month,
    ):
        return None
    return stated


def _month_first(shown: str) -> str:
    """What a date that is one only month first (04/14/2025) is, for the failure; or
    that it gives its year in two digits (04/04/25)."""
    short = _SHORT_YEAR.search(shown)
    if short is not None:
        return f" ({short[0]} gives the year in two digits, which is not read)"
    printed = _only_month_first(shown)
    if printed:
        month, day, year = (int(n) for n in re.split(r"[/.-]", printed))
        return (
            f" ({printed} is {day:02d}/{month:02d}/{year} written {MONTH_FIRST}: "
            "dates written month first are not read)"
        )
    return ""


def _only_month_first(shown: str) -> str:
    """The first date of ``shown`` that is one only month first (04/14/2025), or ""."""
    for match in _NUMERIC_DATE.finditer(shown):
        month, day, year = (int(n) for n in match.groups())
        try:
            datetime(year, month, day)
        except ValueError:
            continue
        if day > 12:
            return match[0]
    return ""


def _printed(shown: str, read: datetime | None) -> str:
    """The numeric date of ``shown`` read day first as ``read``, as printed; or ""."""
    for match in _NUMERIC_DATE.finditer(shown):
        if read and tuple(map(int, match.groups())) == (read.day, read.month, read.year):
            return match[0]
    return ""


def _words(node: LexborNode) -> int:
    return len(node.text(separator=" ").split())


def _outermost(parts: list[LexborNode]) -> list[LexborNode]:
    """The matches that are not inside another match: no text is taken twice."""
    chosen = {part.mem_id for part in parts}
    kept = []
    for part in parts:
        ancestor = part.parent
        while ancestor is not None and ancestor.mem_id not in chosen:
            ancestor = ancestor.parent
        if ancestor is None:
            kept.append(part)
    return kept


def _extracted(page: CapturedPage, read: _Read) -> Extracted:
    converted = convert(read.parts, page.url)
    notes = list(read.notes)
    if read.published is None:
        notes.append(NO_DATE)
    elif not read.timed:
        notes.append("the page gives no time of day for its date: 00:00 was used")
    if not converted.markdown:
        notes.append("the article has no text")
    return Extracted(
        title=_nfc(read.title),
        published=read.published,
        category=_nfc(read.category),
        body=_nfc(converted.markdown),
        media=converted.media,
        article_id=read.article_id,
        profile=read.profile,
        notes=(*notes, *converted.notes),
        author=_nfc(read.author),
        tags=tuple(map(_nfc, read.tags)),
        own_link=read.own_link,
        embedded=converted.embedded,
        alternates={
            **{url: read.sizes[url] for url in converted.media if url in read.sizes},
            **converted.alternates,
        },
        date_missed=read.date_missed,
        day_first=read.day_first,
        month_first=read.month_first,
        source_url=read.source_url,
        captured=read.captured,
        relative=converted.relative,
        links=converted.links,
    )


def _generic(
    page: CapturedPage, tree: LexborHTMLParser, profiles: Profiles
) -> Extracted | NotArticle:
    """A page of an unknown site: trafilatura finds the text, readability the title."""
    try:
        import trafilatura
        from htmldate import find_date
        from readability import Document
    except ImportError:
        return NotArticle(GENERIC_NEEDS, GENERIC_NEEDS_HINT)
    given, stand_ins, sizes = for_extractor(page.html, page.url)
    body_html = trafilatura.extract(
        given,
        url=page.url or None,
        output_format="html",
        include_images=True,
        include_links=True,
        include_tables=True,
        include_formatting=True,
        include_comments=False,
        deduplicate=False,
    )
    body_html, named = left_out(body_html or "", stand_ins)
    if not body_html.strip():
        return NotArticle("found no article text on the page (a list, search or other page)")
    teasers = _teasers(body_html, page.url, profiles)
    if teasers:
        return NotArticle(
            f"a list of {teasers} articles (links with dates), not an article: the text "
            "found on the page is their titles, dates and leads, with no text of its own",
            "if it is an article, add a site profile for its site, which says where its "
            "text is (docs/import-profiles.md)",
        )
    title = " ".join(Document(page.html).short_title().split())
    if not title:
        return NotArticle("found no article title on the page")
    wrong = _misread_title(tree, title, profiles)
    if wrong is not None:
        return wrong
    notes = [_generic_note(profiles), *named]
    published, timed = _page_date(tree, profiles)
    if published is None:
        day = find_date(page.html, original_date=True, outputformat="%Y-%m-%d")
        published, timed = _printed_time(tree, day or "", profiles)
    if published is None:
        # Articles of a portal carry their date; what has none is a login, list or other page.
        return NotArticle(
            "no site profile fits the page and it shows no publish date: not an article"
            + ADD_A_PROFILE,
            "if it is an article, add a site profile for its site, which says where its "
            "date is (docs/import-profiles.md)",
        )
    fragment = LexborHTMLParser(body_html).body
    parts = [fragment] if fragment is not None else []
    for part in parts:
        _drop_heading_lines(part, title, profiles)
    category = _breadcrumb(tree, title) or _first_value(tree, ('meta[property="article:section"]',))
    read = _Read(title, published, timed, category, parts, "generic", notes=notes, sizes=sizes)
    return _extracted(page, read)


def _generic_note(profiles: Profiles) -> str:
    """Said of a page read by the generic extractor; with the archivist's own profiles
    named: a host misspelt in their markers sent every page of the portal here."""
    own = [p for p in profiles.profiles if p.at("title")]
    if not own:
        return "read with the generic extractor (no site profile matched): check the result"
    yours = ", ".join(
        f"{p.name}, whose markers are at {p.where('markers')}"
        if dict(p.lines).get("markers")
        else f"{p.name}, which has no markers"
        for p in own
    )
    name = own[0].name if len(own) == 1 else "NAME"
    return (
        f"read with the generic extractor (no site profile matched, nor yours: {yours}): "
        "check the result; if the page is of its portal, correct the markers or import "
        f"with --profile {name}"
    )


def _misread_title(tree: LexborHTMLParser, title: str, profiles: Profiles) -> NotArticle | None:
    """Why the generic extractor's ``title`` is no article's, or None. A portal whose
    <title> is its own name, the same on every page, has it taken for each article's
    title: when it is the name the page gives its site, or one's own profile (whose
    markers do not pick the page) finds the page's title and text and its title is
    another, the page fails rather than be written under a wrong title."""
    said = _same_text(title)
    site = _first_value(tree, SITE_NAMES)
    if site and _same_text(site) == said:
        return NotArticle(
            f"the title found, {title!r}, is the name of the site (as the page's "
            "og:site_name says), not an article's: the generic extractor took the "
            "site's frame for the article",
            "add a site profile for its site, which says where its title and text are "
            "(docs/import-profiles.md); if you have one, correct its markers, or import "
            "with --profile NAME",
            failed=True,
        )
    for profile in profiles.profiles:
        theirs = _first_value(tree, profile.title) if profile.own else ""
        if theirs and tree.css(profile.body) and _same_text(theirs) != said:
            return NotArticle(
                f"the generic extractor titled it {title!r}, while your profile "
                f"{profile.name}, whose markers do not pick the page, finds its title and "
                f"text: {theirs!r}",
                f"if the page is of its portal, correct the markers at "
                f"{profile.where('markers')} (a host there is matched with the page's "
                "original address: give it with --source-url ADDRESS when the page does not "
                "state it), "
                f"or import with --profile {profile.name}",
                failed=True,
            )
    return None


def _same_text(text: str) -> str:
    return " ".join(_nfc(text).casefold().split())


def _teasers(body_html: str, url: str, profiles: Profiles) -> int:
    """How many teasers the text found on a page holds when it is a list of them, else 0.

    A teaser is a link to another page of the site with a date in its title, or in the
    short text (TEASER_WORDS at most) just before or after it: a list prints the date
    after each title or before it, and a lead after it."""
    fragment = LexborHTMLParser(body_html).body
    if fragment is None:
        return 0
    for link in fragment.css("a[href]"):
        if _to_page(link.attributes.get("href") or "", url):
            link.insert_before(_OPEN)
            link.insert_after(_CLOSE)
    first, *linked = fragment.text(separator=" ").split(_OPEN)
    titles = [part.partition(_CLOSE)[0] for part in linked]
    between = [first, *(part.partition(_CLOSE)[2] for part in linked)]  # around each link

    def dated(text: str) -> bool:
        return read_date(text, profiles.timezone)[0] is not None

    def words(text: str) -> int:
        return len(_WORD.findall(text))

    short = [words(text) <= TEASER_WORDS and dated(text) for text in between]
    in_title = [dated(title) for title in titles]
    # Link i has between[i] before it and between[i + 1] after it; each list is read both
    # ways, and the one that finds more teasers is how it prints them.
    after = sum(d or short[i + 1] for i, d in enumerate(in_title))
    before = sum(d or short[i] for i, d in enumerate(in_title))
    if max(after, before) < LIST_TEASERS:
        return 0
    own = sum(words(text) for text, teaser in zip(between, short, strict=True) if not teaser)
    own += sum(
        words(title)
        for i, title in enumerate(titles)
        if not (in_title[i] or short[i] or short[i + 1])
    )
    return max(after, before) if own <= LIST_OWN_WORDS else 0


def _to_page(href: str, url: str) -> bool:
    """A link to another page of the page's own site: not a file, not a place on the
    page, not elsewhere on the web."""
    if not href or href.startswith("#"):
        return False
    try:
        if is_attachment(href):
            return False
        link, page = urlsplit(href), urlsplit(url)
    except ValueError:  # a malformed address (`http://[::1`): no page's, and no reason to fail
        return False
    if link.scheme not in ("", "http", "https"):
        return False
    if not page.netloc:  # the page's address is not known: a relative link is the site's
        return not link.netloc
    if link.netloc and original_host(link.netloc) != original_host(page.netloc):
        return False
    return (link.path or "/", link.query) != (page.path or "/", page.query)


def _printed_time(
    tree: LexborHTMLParser, day: str, profiles: Profiles
) -> tuple[datetime | None, bool]:
    """htmldate's day, with the time of day the page prints beside it ("07/10/2016 | 4:53 PM")."""
    published, _ = read_date(day, profiles.timezone)
    if published is None or tree.body is None:
        return None, False
    text = " ".join(tree.body.text(separator=" ").split())
    printed = rf"0?{published.day}/0?{published.month}/{published.year}"
    for match in re.finditer(printed, text):
        found, timed = read_date(text[match.start() : match.end() + 20], profiles.timezone)
        if found is not None and timed and found.date() == published.date():
            return found, True
    return published, False


def _drop_heading_lines(body: LexborNode, title: str, profiles: Profiles) -> None:
    """The title and the dateline above the text are front matter, not body."""
    for node in body.css("h1, h2, p")[:3]:
        text = " ".join(node.text().split())
        dateline = len(text) < 60 and read_date(text, profiles.timezone)[0] is not None
        if dateline or text == " ".join(title.split()):
            node.decompose()


def _breadcrumb(tree: LexborHTMLParser, title: str) -> str:
    """The last step of the page's breadcrumb before the article itself."""
    for trail in tree.css('.breadcrumb, .breadcrumbs, [aria-label="breadcrumb"]'):
        steps = [" ".join(a.text().split()) for a in trail.css("a")]
        steps = [s for s in steps if s and s != title]
        if len(steps) > 1:
            return steps[-1]
    return ""


def _marked_up_date(tree: LexborHTMLParser, profiles: Profiles) -> tuple[datetime | None, bool]:
    """The publish date the page states in its markup (meta tags, <time>)."""
    for selector in PAGE_DATES:
        for node in tree.css(selector):
            published, timed = read_date(_value(node), profiles.timezone)
            if published is not None:
                return published, timed
    return None, False


def _page_date(tree: LexborHTMLParser, profiles: Profiles) -> tuple[datetime | None, bool]:
    """The publish date in the page's markup, or in a labelled line ("Ngày đăng ...")."""
    published, timed = _marked_up_date(tree, profiles)
    if published is not None:
        return published, timed
    body = tree.body
    text = body.text(separator=" ") if body is not None else ""
    label = re.search(r"Ngày đăng|Đăng ngày|Ngày xuất bản|Cập nhật", text)
    if label is None:
        return None, False
    return read_date(text[label.start() : label.start() + 80], profiles.timezone)


def _stated_address(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> str:
    """The first web address the selectors find: a link's href, or a value (_value)."""
    for selector in selectors:
        for node in tree.css(selector):
            value = (node.attrs.get("href") or "").strip() or _value(node)
            try:
                parts = urlsplit(value)
            except ValueError:  # malformed (`http://[::1`): not an address to keep
                continue
            if parts.scheme in ("http", "https") and parts.netloc:
                return value
    return ""


def _first_value(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> str:
    for selector in selectors:
        for node in tree.css(selector):
            value = _value(node)
            if value:
                return value
    return ""


# The label a portal prints before an article's tags ("Từ khóa: a, b"), which a profile's
# `tags` naming the line finds with them: no part of the first tag. Only these words: a
# tag may hold a colon of its own ("Giáo dục: tuyển sinh").
LONG_TAG = 15  # words (syllables): more than a topic's name has
MANY_TAGS = 30  # more than an article has (the VnExpress sample names 3 topics)
_TAGS_LABEL = re.compile(
    r"^\s*(?:từ kh(?:óa|oá|oa)|tags?|thẻ|nhãn|chủ đề|keywords?)\s*[:\uff1a]", re.IGNORECASE
)


def _tags(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> tuple[str, ...]:
    """The tags the first of ``selectors`` that finds any names: each element's value,
    parted by commas (`<meta name="keywords" content="a, b">`) or semicolons (the archive
    parts tags by commas only: `a; b` would be one tag, which the build refuses), each
    once. A tag with no letter or digit to make its address of is left out; one with the
    address of another (the same without accents, for search engines) is written once
    (names.as_archive_names)."""
    for selector in selectors:
        found: dict[str, None] = {}
        for node in tree.css(selector):
            for tag in re.split(r"[,;]", _TAGS_LABEL.sub("", _nfc(_value(node)), count=1)):
                tag = " ".join(tag.split())
                if urls.term_slug(tag):
                    found[tag] = None
        if found:
            return tuple(found)
    return ()


def _value(node: LexborNode) -> str:
    """What an element says: a meta's content, a time's datetime, or its text."""
    for attribute in ("content", "datetime"):
        value = node.attrs.get(attribute)
        if value:
            return " ".join(value.split())
    return " ".join(node.text(separator=" ").split())


def portal_id(url: str, profile_name: str, profiles: Profiles | None) -> str:
    """The portal's own id of the article at ``url``, as the article_id of the profile
    named so finds it ("" when it finds none)."""
    profile = (profiles or _shipped()).named(profile_name)
    return _article_id(CapturedPage("", url, ""), profile) if profile else ""


def reads_copies(page: CapturedPage, profiles: Profiles | None) -> bool:
    """Whether the profile the page picks reads copies of the portal's pages (an
    archive's), which state the article's original address themselves (`source_url`)."""
    profile = (profiles or _shipped()).pick(LexborHTMLParser(page.html), page.url)
    return bool(profile and profile.source_url)


def own_profile(name: str, profiles: Profiles | None) -> bool:
    """Whether the profile named so is the archivist's (theirs to correct), not shipped."""
    profile = (profiles or _shipped()).named(name)
    return bool(profile and profile.own)


def _article_id(page: CapturedPage, profile: Profile) -> str:
    pattern = profile.article_id
    if not pattern:
        return ""
    for where in (page.url, page.origin):
        # The path first, then the query (chi-tiet.aspx?id=55): a portal's id is in either,
        # and a query may also hold another page's address (Liferay's ?redirect=...).
        parts = urlsplit(where) if "://" in where else None
        for text in (parts.path, f"?{parts.query}") if parts else (where,):
            match = profile.search("article_id", pattern, text, page.origin or page.url)
            if match:  # the group that matched, of alternatives (-(\d+)\.html|id=(\d+))
                return next((group for group in match.groups() if group), "")
    return ""


def _looks_vietnamese(text: str) -> bool:
    """Most Vietnamese words carry a diacritic; English and French words rarely these."""
    words, _, syllables = vietnamese_words(text)
    if words < _TOO_FEW:
        return True  # too little text to tell: keep it
    return syllables / words >= 0.15


def reads_as_vietnamese(text: str) -> bool:
    """Text decoded in a guessed encoding (NFC) reads as Vietnamese: nearly all its words
    with letters beyond ASCII are Vietnamese syllables. Read in the wrong encoding, they
    are not: 'Viá»‡t' for UTF-8's 'Việt' read as windows-1258, 'næ' (60 in 100 are)."""
    _, accented, syllables = vietnamese_words(text)
    return accented >= _TOO_FEW and syllables >= 0.9 * accented


def vietnamese_words(text: str) -> tuple[int, int, int]:
    """How many words a reader sees, how many have letters beyond ASCII, and how many
    of those are Vietnamese syllables: letters of its alphabet only, with one tone mark
    at most (French 'été' has two; German 'größe' has letters Vietnamese lacks)."""
    words = _WORD.findall(_ADDRESS.sub(" ", text).lower())
    accented = [word for word in words if not word.isascii()]
    syllables = sum(
        1 for word in accented if _ALPHABET.issuperset(word) and len(_TONED.intersection(word)) <= 1
    )
    return len(words), len(accented), syllables


def _language(tree: LexborHTMLParser, found: Extracted) -> str:
    """The language of a page whose text is not Vietnamese: the one its <html> declares
    unless that is Vietnamese (a portal may declare one language on every page: Liferay
    pages say en-US, or vi-VN on the English section's), else English for text in
    unaccented letters; else "", the site's, for the archivist to correct (the report
    notes it)."""
    declared = ((tree.root and tree.root.attributes.get("lang")) or "").strip()
    if schema.LANGUAGE_TAG.fullmatch(declared) and not declared.lower().startswith("vi"):
        return declared
    words = _WORD.findall(_ADDRESS.sub(" ", f"{found.title} {found.body}"))
    return "en" if all(word.isascii() for word in words) else ""


def _author(line: str) -> tuple[str, str]:
    """The name in an author line, and what to say of it ("" when it is a name alone).

    The name follows a label and a colon: "Người đăng: Nguyễn Văn An", "Tác giả:", "Bài,
    ảnh:". A label is a few words, those after the first in lower case (or all in
    capitals): a name before a colon ("Phạm Thị Hà: Phòng Văn hóa") has a capital on
    each. A line may hold several ("Cập nhật lúc: 14h20 ngày 05/11/2024 — Người viết:
    Nguyễn Thu Hà"): the name is what follows the last label that is followed by no
    digit, since a date or time is no one's name; either way the note says so."""
    labels = _labels(line.replace("\uff1a", ":"))
    if not labels:
        name = line
    else:
        ends = [at for at, _, _ in labels[1:]] + [len(line)]
        values = [
            line[after:end].strip(_BETWEEN) for (_, after, _), end in zip(labels, ends, strict=True)
        ]
        name = next((v for v in reversed(values) if not _has_digit(v)), values[-1])
    if _has_digit(name):
        return name, f"the author found, {name!r}, holds digits (a date?): check it"
    if len(labels) > 1 or (labels and labels[0][0] > 0):
        return name, (
            f"the author line found, {line!r}, holds more than a name: {name!r} was taken "
            "(what follows its label): check it"
        )
    return name, ""


# What stands between the parts of a line holding more than a name: a hyphen between
# spaces, an en or em dash, a bar, a middle dot, a semicolon.
_PARTS = re.compile("\\s[-\u2013\u2014|\u00b7]\\s|[\u2013\u2014|;]")
_BETWEEN = " \t-\u2013\u2014|\u00b7;,"


def _labels(line: str) -> list[tuple[int, int, str]]:
    """Where each label of ``line`` starts, where its colon ends, and the label: the
    words before a colon, after the line's start, a colon or a part's end."""
    found = []
    start = 0
    for colon in re.finditer(":", line):
        cut = list(_PARTS.finditer(line, start, colon.start()))
        at = cut[-1].end() if cut else start
        label = line[at : colon.start()]
        words = label.replace(",", " ").split()
        if (
            1 <= len(words) <= 4
            and all(w.isalpha() for w in words)
            and (label.isupper() or all(w[0].islower() for w in words[1:]))
        ):
            found.append((at, colon.end(), label.strip()))
        start = colon.end()
    return found


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
