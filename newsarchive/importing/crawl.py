"""What a crawl holds: its pages, and the media files its pages link to.

Inputs are files, folders (a `wget --mirror`, HTTrack or Wayback-downloader tree, read
recursively) and WARC/WACZ files (a WACZ is a zip with WARCs inside). Opening them lists
the pages without reading them, so the pages can be read on every core; the media are
found later by their address (`Crawl.find_media`).

In a folder, a page's original address comes from HTTrack's "Mirrored from" comment, or
a browser's "saved from url" one, then the page's canonical link (or og:url), then the
folder layout (wget and the Wayback downloader write HOST/PATH). In a WARC it is the
record's WARC-Target-URI.

A WARC is checked as it is listed: each record against its Content-Length, the file's
end against its last record's. A file cut short lists its damaged records, so their
pages fail instead of passing for whole.
"""

import codecs
import difflib
import email.message
import email.utils
import functools
import http
import io
import json
import logging
import os
import re
import stat
import struct
import tempfile
import unicodedata
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from .. import urls
from ..errors import Problem
from ..filekinds import CRAWLED_PAGES, PACKED, PAGES
from ..htmltext import unescape
from ..httracknames import A_PAGE, query_named

# Files in a folder that may be pages; everything else (images, scripts, styles,
# attachments) is only looked at when a page links to it.
PAGE_SUFFIXES = frozenset(CRAWLED_PAGES)
# The media types of a web page in a WARC (its bytes must be one's too: _begins_as_page).
PAGE_TYPES = ("text/html", "application/xhtml+xml")
# A text capture (the seed's format); a file named otherwise that is no web page is refused.
CAPTURE_SUFFIXES = ("", ".txt", ".text")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# A host's folder in a mirror, with the port of a site served on another than its
# scheme's: wget names it `host:8080` (`host+8080` on Windows, or with
# --restrict-file-names=windows), HTTrack `host_8080` (it writes `_` for every `:`).
_HOST = re.compile(
    r"^((?:www\d?\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:[:+_](\d+))?$", re.I
)
_PORT_SIGNS = ":+_"
# The top-level domains IANA delegates (tlds.txt, its tlds-alpha-by-domain.txt): a folder
# is named like a host only when its name ends in one, as a portal's does. A folder named
# with a dot otherwise (the user's `lan.nguyen`, a stick at /media/lan.nguyen/) is no host.
# The names RFC 2606 keeps for examples and tests (portal.example) are hosts too.
_TLDS_FILE = "tlds.txt"
_RESERVED_TLDS = ("example", "test")
_MIRRORED = re.compile(rb"<!--\s*Mirrored from (\S+?) by HTTrack", re.I)
# Its default comment ends with when HTTrack saved the page, in GMT (RFC 822): "...
# by HTTrack Website Copier/3.x [XR&CO'2014], Sat, 27 Aug 2022 05:00:10 GMT -->".
_MIRRORED_AT = re.compile(
    rb"<!--\s*Mirrored from \S+? by HTTrack[^>]*?,\s*"
    rb"([A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT)\s*-->"
)
# What a browser's "Save page as" writes first (the "mark of the web": the address's length,
# then the address; `about:internet` for a page that came from no address).
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)
# The pages HTTrack writes itself: the index of its projects, and in each project (and for
# an address that redirected) a "Page has moved" page leading to the mirrored one.
_HTTRACK_OWN = re.compile(rb"<!--\s*(?:Created by|Mirror and index made by) HTTrack", re.I)
HTTRACK_OWN = (
    "HTTrack's own page (its index of the mirror, or a 'Page has moved' page leading to "
    "a mirrored one), not a page of the portal"
)
_CANONICAL = re.compile(
    rb"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*>|<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*>",
    re.I,
)
_RAW_BYTE = re.compile("[\udc80-\udcff]")
# Characters a file name may hold and an address may not: wget writes `%20` as a space.
# (A literal % stays: a crawler may have kept the address's escapes in the name.)
_NOT_IN_ADDRESS = re.compile(r'[\x00-\x20"<>\\^`{|}\x7f]')
_SLASH = re.compile("%2F", re.I)
# (On Windows, wget writes the `?` as `@`, and links it so: `chi-tiet@id=6.html`.)
_CONVERTED_QUERY = re.compile(r"(?:%3F|@(?=[^/@]*=))([^/]*)\.html$", re.I)
# wget on Windows (--restrict-file-names=windows, its default there) writes the `?` of a
# query as `@`: the file `chi-tiet@id=5` is the address /chi-tiet?id=5.
_WINDOWS_QUERY = re.compile(r"@(?=[^/?@]*=[^/?]*$)")
# Liferay's back link in a name wget wrote (`…html?redirect=https:%2F%2Fhost%2Fqlttps?p_p_id=
# 101&_101_cur=2`): wget decoded the list's address but its `/`, whose own `?` and `&` follow
# to the end of the name. It is no part of the page's address (urls.page_query).
_BACK_LINK = re.compile(r"[?&](?:redirect|inheritRedirect)=https?:[^/]*$", re.I)
# wget --adjust-extension adds .html to the name of what was served as a web page, when
# the name does not end so: `anh.png.html`, `image.php.html`.
_WGET_ADDED = re.compile(r"\.[a-z][a-z0-9]{1,4}(?<!\.html)(?<!\.htm)\.html$", re.I)
_HREF = re.compile(rb"\b(?:href|content)=[\"']([^\"']+)[\"']", re.I)
_CHARSET_PARAMETER = re.compile(r"\bcharset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
REDIRECTS = frozenset(("301", "302", "303", "307", "308"))
# Redirects followed from one address at most, as browsers bound them (they loop too).
MAX_REDIRECTS = 10
DAMAGED_HINT = (
    "the WARC file is truncated or damaged: crawl again or take a complete copy; "
    "importing the complete file brings what was left out"
)
TRUNCATED = "the crawler kept only its first "
TRUNCATED_HINT = (
    "crawl the page again with a higher size or time limit, or take a whole copy of it "
    "(the Wayback Machine may have one)"
)
NEEDS_BROTLI = (
    "install the 'brotli' package, which warcio uses to undo it: "
    "`python3 -m pip install 'newsarchive[import]'` (or `python3 -m pip install brotli`), "
    "then import again"
)
NOT_WARC = "not a WARC file: it does not begin with 'WARC/1.0' or 'WARC/1.1', as every WARC does"
NOT_WARC_HINT = (
    "give the WARC file the crawler wrote (.warc or .warc.gz: wget --warc-file, Browsertrix, "
    "ArchiveWeb.page); a file renamed to .warc is not one"
)
NEEDS_WARCIO = (
    "WARC and WACZ files are read with the 'warcio' package; install it with "
    "`python3 -m pip install 'newsarchive[import]'` (or `python3 -m pip install warcio`)"
)


@dataclass(frozen=True)
class PageSource:
    """One page of the crawl, not read yet."""

    origin: str  # for messages and the report: a file, or "crawl.warc.gz#offset (host/path)"
    path: str  # the file that holds it (a page file, or a WARC)
    url: str = ""  # the original address when the crawl says it (WARC), else found on reading
    offset: int = -1  # the record's offset in a WARC; -1: the file is the page
    folder: str = ""  # the folder given on the command line that holds the file
    text_capture: bool = False  # a text capture (see capture.py), not HTML
    charset: str = ""  # the charset its HTTP Content-Type header gives (WARC)
    damaged: str = ""  # why the WARC record cannot be trusted whole ("" when it can)
    later: str = ""  # a later capture of the same address, which is read instead
    status: str = ""  # the HTTP status of a WARC's error page (404...), not the article's
    # A revisit record of the page's own address, without its bytes: the capture it names
    # ("its capture of DATE"; "" when it is not one). A capture of the address replaces it.
    revisit: str = ""
    captured: datetime | None = None  # the WARC record's date (WARC-Date), when it has one
    # The addresses the crawl recorded leading to this page (301, 302...): old addresses
    # of the article too.
    redirected_from: tuple[str, ...] = ()
    # Of a page of a wget tree saved as NAME.html: ADDED when wget --adjust-extension
    # added the .html (the address is NAME), EITHER when the crawl cannot tell.
    adjusted: str = ""

    @property
    def named(self) -> bool:
        """Named on the command line, not found in a crawl (a folder, a WARC or WACZ)."""
        return not self.folder and self.offset < 0


@dataclass(frozen=True)
class Media:
    """A file of the crawl, where it is: a file, or a record of a WARC."""

    path: str
    offset: int = -1
    content_type: str = ""
    location: str = ""  # a redirect's target, absolute: the file is there
    damaged: str = ""  # why the record cannot be trusted whole ("" when it can)
    address: str = ""  # where redirects led, when the link's address was one
    data: bytes = b""  # the bytes themselves, of a picture the page held (a data: address)
    file_name: str = ""  # the name its server gave it (Content-Disposition), "" for none


@dataclass
class Crawl:
    pages: list[PageSource] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    other_files: int = 0  # files of the crawl that are not pages (images, scripts...)
    # WARC records by address, for the media lookup.
    records: dict[str, Media] = field(default_factory=dict)
    # Where the page of each WARC address is in `pages`, for its later captures.
    page_at: dict[str, int] = field(default_factory=dict)
    # The address of the latest capture of each page, by its _page_key: a crawl may hold
    # the http and the https capture of one page (or with and without www.), and the
    # latest of them is the page.
    page_address: dict[str, str] = field(default_factory=dict)
    cut_short: set[str] = field(default_factory=set)  # WARCs that end inside a record
    captured: dict[str, datetime | None] = field(default_factory=dict)  # of records[address]
    # The address of each response by its WARC-Record-ID, which a revisit record may name
    # alone (WARC-Refers-To, as wget writes it) for the capture that has its bytes.
    record_ids: dict[str, str] = field(default_factory=dict)
    # The HTTP status of each address the server answered with an error (404, 500...).
    failed: dict[str, str] = field(default_factory=dict)
    # The address each file of an HTTrack mirror was saved from, by the _url_key of its
    # place (HOST/PATH), as the mirror's hts-cache/new.txt (or new.zip) lists them: HTTrack
    # renames the file of an address with a query, and links it so even when it never got
    # the file.
    httrack_names: dict[str, str] = field(default_factory=dict)
    # The same by the place without its extension: HTTrack saved the error page the portal
    # answered for a picture (anh.png) under the picture's name with .html (anh.html).
    httrack_stems: dict[str, str] = field(default_factory=dict)
    scratch: tempfile.TemporaryDirectory | None = None  # WARCs unpacked from WACZ files
    # The pages a WACZ's pages/*.jsonl lists (Browsertrix's every page visited), each
    # with the file and line that lists it: a page whose load failed has no capture.
    listed: dict[str, tuple[Path, int]] = field(default_factory=dict)

    def close(self) -> None:
        if self.scratch is not None:
            self.scratch.cleanup()


def open_crawl(inputs: list[Path]) -> Crawl:
    """List the pages of every input, in a stable order: inputs as given, files sorted."""
    crawl = Crawl()
    for given in inputs:
        if given.is_dir():
            _add_folder(crawl, given)
        elif given.exists() and not given.is_file():
            crawl.problems.append(_not_a_file(given))
        elif not given.is_file():
            crawl.problems.append(_no_such(given))
        elif _empty(given):  # a crawl's file whose download or copy stopped at once
            crawl.problems.append(Problem(given, EMPTY, EMPTY_HINT))
        elif given.name.lower().endswith(WARC_SUFFIXES):
            _add_warc(crawl, given, str(given))
        elif given.suffix.lower() == ".wacz":
            _add_wacz(crawl, given)
        elif given.suffix.lower() in PAGE_SUFFIXES or _starts_like_html(given):
            crawl.pages.append(PageSource(printable(str(given)), str(given)))
        elif given.suffix.lower() in CAPTURE_SUFFIXES:
            crawl.pages.append(PageSource(printable(str(given)), str(given), text_capture=True))
        else:  # a picture, a PDF: it was read as a capture, and "found no line 'Ngày đăng'"
            crawl.problems.append(_not_a_page(given))
    _add_redirects(crawl)
    _adjusted_extensions(crawl)
    _unheld_pages(crawl)
    return crawl


def _add_redirects(crawl: Crawl) -> None:
    """Give each page of a WARC the addresses that the crawl recorded leading to it: a
    portal that moved its articles answers the old address with a redirect (followed
    MAX_REDIRECTS steps at most), or the crawler found the same page at another address
    (a revisit record naming it)."""
    pages = {_url_key(url): at for url, at in crawl.page_at.items()}
    records = {_url_key(url): media for url, media in crawl.records.items()}  # http or https
    for start, media in crawl.records.items():  # in the crawl's order: deterministic
        if not media.location or start in crawl.page_at:
            continue
        url, steps = media.location, 1
        while _url_key(url) not in pages and steps < MAX_REDIRECTS:
            step = records.get(_url_key(url))
            if step is None or not step.location or step.damaged:
                break
            url, steps = step.location, steps + 1
        at = pages.get(_url_key(url))
        if at is not None:
            page = crawl.pages[at]
            crawl.pages[at] = replace(page, redirected_from=(*page.redirected_from, start))


# wget --adjust-extension (-E) adds .html to the name of a page whose address does not
# end so: `gioi-thieu` is saved as `gioi-thieu.html`, `trang.php` as `trang.php.html`.
ADDED, EITHER = "added", "either"
ADJUSTED_NOTE = (
    "the crawl does not tell whether the portal's address of the page ended in .html, as "
    "its file's name does (wget --adjust-extension adds it to a name without it, and "
    "--convert-links links the file so): both addresses are aliases of the article (delete "
    "the one the portal never had, if you know it)"
)
_LINK = re.compile(rb"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.I)


def _adjusted_extensions(crawl: Crawl) -> None:
    """Mark the pages of wget trees saved as NAME.html whose address was NAME, and those
    whose address the crawl does not tell. wget -E adds the .html only to a name without
    it; a name it cannot have had (`trang.php.html`), a WARC record of either address,
    or a link the portal wrote to either (one --convert-links rewrote says nothing)
    tells which it was."""
    layouts = {
        at: url
        for at, page in enumerate(crawl.pages)
        if page.folder and page.offset < 0 and not page.text_capture
        if (url := _layout_url(page))
    }
    if any(_not_adjusted(crawl.pages[at].path) for at in layouts):
        return  # wget ran without -E: each name is the address's own
    open_ = _undecided(crawl, layouts)
    if not open_:
        return
    said_plain, said_html = _said(crawl, layouts, open_)
    for at in open_:
        if at in said_plain and at not in said_html:
            crawl.pages[at] = replace(crawl.pages[at], adjusted=ADDED)
        elif at in said_plain or at not in said_html:
            crawl.pages[at] = replace(crawl.pages[at], adjusted=EITHER)


def _undecided(crawl: Crawl, layouts: dict[int, str]) -> dict[int, str]:
    """Of the pages named NAME.html (their addresses by their places, ``layouts``), mark
    those whose NAME ends like a page's (`trang.php.html`, never served so) as ADDED;
    the others whose NAME is no page of the crawl may have had either address: each
    one's address without the .html, by its place."""
    pages = {_url_key(url) for url in layouts.values()}
    open_: dict[int, str] = {}
    for at, url in layouts.items():
        if "?" in url or not url.endswith(".html") or url.endswith("/index.html"):
            continue
        plain = url.removesuffix(".html")
        if os.path.splitext(plain.rsplit("/", 1)[-1])[1].lower() in PAGE_SUFFIXES:
            crawl.pages[at] = replace(crawl.pages[at], adjusted=ADDED)  # never served so
        elif _url_key(plain) not in pages:  # else both were pages, each its own
            open_[at] = plain
    return open_


def _said(
    crawl: Crawl, layouts: dict[int, str], open_: dict[int, str]
) -> tuple[set[int], set[int]]:
    """Of the undecided pages (``open_``), those whose address without the .html the
    crawl served or a page links to, and those whose address with it."""
    served = {_url_key(url) for url in [*crawl.records, *crawl.page_at]}
    plain_at = {_url_key(plain): at for at, plain in open_.items()}
    html_at = {_url_key(layouts[at]): at for at in open_}
    said_plain = {at for key, at in plain_at.items() if key in served}
    said_html = {at for key, at in html_at.items() if key in served}
    # Only a link ending in one of their names can lead to them: the others (hundreds a
    # page: menus, sidebars) are not resolved.
    names = {_last_name(u) for at in open_ for u in (open_[at], layouts[at])}
    for at, url in layouts.items():
        for href in _links(crawl.pages[at].path):
            if _last_name(href) not in names:
                continue
            key = _url_key(urljoin(url, href))
            if key in plain_at:
                said_plain.add(plain_at[key])
            elif key in html_at and (href.startswith("/") or "://" in href):
                said_html.add(html_at[key])  # as the portal wrote it: not rewritten
    return said_plain, said_html


def _not_adjusted(path: str) -> bool:
    """A page file wget -E would have named NAME.html: its name does not end in .html or
    .htm (`gioi-thieu`, `trang.php`, `chi-tiet?id=5`), and it is a web page (wget names
    only those so: `captcha.php` may be a picture)."""
    return not path.lower().endswith(PAGES) and _starts_like_html(Path(path))


def _links(path: str) -> Iterator[str]:
    """The addresses a page file links to, as written (a file that cannot be read: none)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return
    for match in _LINK.finditer(data):
        href = unescape(b"".join(match.groups(b"")).decode("utf-8", "replace")).strip()
        if href and not href.startswith("#"):
            yield href


def _last_name(url: str) -> str:
    return unquote(url.split("#", 1)[0].split("?", 1)[0].rsplit("/", 1)[-1]).lower()


def adjusted_alias(page: PageSource, url: str) -> str:
    """The other address a page of a wget tree may have had, when the crawl does not
    tell whether wget --adjust-extension added the .html of its name ("" otherwise)."""
    return url.removesuffix(".html") if page.adjusted == EITHER and url.endswith(".html") else ""


def _not_a_page(given: Path) -> Problem:
    suffix = given.suffix.lower()
    if given.suffixes[-2:-1] == [".tar"]:
        suffix = f".tar{suffix}"
    message = f"not a page: a {suffix} file is neither a web page (.html, .htm, .php…) "
    message += "nor a text capture (.txt)"
    if suffix in (".mht", ".mhtml"):
        fix = "open it in the browser and save it as 'Web page, complete' (.html), then import that"
    elif suffix in PACKED:
        # A crawl folder packed to be sent or kept: its pages are inside.
        fix = "unpack it and import the folder it holds"
        if suffix == ".zip":
            fix += " (a Browsertrix WACZ saved as .zip: rename it to .wacz)"
    else:
        fix = (
            "give the web pages, the crawl's folder or its WARC file: pictures and attachments "
            "come in with the pages that show or link them"
        )
    return Problem(given, message, fix)


def _add_folder(crawl: Crawl, folder: Path) -> None:
    # Given the project folder, or one inside it (its host folder, a section of it).
    project, _ = _mirror_root(os.path.realpath(folder))
    if project:
        cache = Path(project, "hts-cache")
        # new.txt lists one run's transfers (an update's: the files it fetched again),
        # new.zip every file the mirror holds, old.* the run before's (an update
        # stopped midway leaves them whole): the newest first, the others for the rest.
        names: dict[str, str] = {}
        for listing in ("old.zip", "old.txt", "new.zip", "new.txt"):  # later ones win
            read = _httrack_zip if listing.endswith(".zip") else _httrack_cache
            names |= read(cache / listing)
        crawl.httrack_names.update(names)
        crawl.httrack_stems.update(_by_stem(names))
    files = sorted(
        (os.path.join(top, name) for top, _dirs, names in os.walk(folder) for name in names),
        key=lambda p: p.replace(os.sep, "/"),
    )
    before = (len(crawl.pages), len(crawl.problems), len(crawl.records))
    not_files = []
    for path in files:
        if not _regular(path):  # opened, a named pipe waits for a writer forever
            not_files.append(_not_a_file(Path(path)))
            continue
        # The walk follows no folder's link: a file's own is the way out.
        if os.path.islink(path) and not in_crawl(path, PageSource(path, path, folder=str(folder))):
            not_files.append(_leaves_crawl(Path(path)))
            continue
        name = os.path.basename(path).lower()
        suffix = os.path.splitext(_WINDOWS_QUERY.split(name.split("?", 1)[0], 1)[0])[1]
        if name.endswith(WARC_SUFFIXES):
            _add_warc(crawl, Path(path), path)
        elif name.endswith(".wacz"):
            _add_wacz(crawl, Path(path))
        elif _a_page(Path(path), suffix):
            crawl.pages.append(PageSource(printable(path), path, folder=str(folder)))
        else:
            crawl.other_files += 1
    if (len(crawl.pages), len(crawl.problems), len(crawl.records)) == before:
        # Said, not counted as nothing: a mistyped folder, or the one above the crawl's.
        others = f" (only {len(files)} other file(s))" if files else ""
        crawl.problems.append(
            Problem(
                folder,
                f"found no web page (.html, .htm, .php, .aspx…), WARC or WACZ file here{others}",
                "give the folder the crawler wrote: wget's, named after the portal's host, or "
                "the one above it; HTTrack's project folder",
            )
        )
    crawl.problems += not_files


def _httrack_cache(listing: Path) -> dict[str, str]:
    """The addresses of the files of an HTTrack mirror by their places, from the list of
    its transfers (hts-cache/new.txt: tab-separated, the address then the local file, from
    the project folder since HTTrack 3.40, else an absolute path on the machine that
    crawled, which may be another); {} without it."""
    if not _regular(str(listing)):  # opened, a named pipe waits for a writer: the walk names it
        return {}
    try:
        lines = listing.read_bytes().decode("utf-8", "surrogateescape").splitlines()
    except OSError:
        return {}
    names: dict[str, str] = {}
    for line in lines[1:]:  # the first names the columns
        cells = line.split("\t")
        if len(cells) >= 10 and cells[8]:  # else a transfer that failed before it was named
            _add_saved(names, cells[7], cells[8])
    return names


def _httrack_zip(archive: Path) -> dict[str, str]:
    """The same from HTTrack's cache itself (hts-cache/new.zip, which a copy of a mirror
    may keep without its logs): an entry a file, named by its address, its header lines
    (in the entry's local extra field, which zipfile does not give) `X-Save: HOST/PATH`."""
    names: dict[str, str] = {}
    if not _regular(str(archive)):  # as new.txt
        return {}
    try:
        with zipfile.ZipFile(archive) as packed, archive.open("rb") as raw:
            for entry in packed.infolist():
                raw.seek(entry.header_offset)
                head = raw.read(30)
                if len(head) < 30 or head[:4] != b"PK\x03\x04":
                    continue
                name_length, extra_length = struct.unpack("<HH", head[26:30])
                raw.seek(name_length, os.SEEK_CUR)
                lines = raw.read(extra_length).decode("utf-8", "surrogateescape")
                saved = re.search(r"^X-Save: ?(.+?)\r?$", lines, re.M)
                if saved:
                    url = _NOT_IN_ADDRESS.sub(lambda c: f"%{ord(c.group(0)):02X}", entry.filename)
                    _add_saved(names, url, saved.group(1))
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        return {}  # a damaged cache tells nothing: the names HTTrack gave stay, as without it
    return names


def _add_saved(names: dict[str, str], url: str, saved: str) -> None:
    """Adds to ``names`` the address of the file HTTrack saved as ``saved`` (a path from
    the project folder, or an absolute one on the machine that crawled)."""
    local = re.split(r"[/\\]", saved)
    host = urlsplit(url if "://" in url else f"//{url}").netloc.lower()
    # The mirror's place of the file: from its host's folder down.
    at = next((n for n, part in enumerate(local) if _folder_host(part) == host), -1)
    if host and at >= 0:
        names.setdefault(_url_key("/".join([host, *local[at + 1 :]])), url)


def _by_stem(names: dict[str, str]) -> dict[str, str]:
    """``names`` by their places without their extensions, but for a place two share."""
    stems: dict[str, str] = {}
    shared: set[str] = set()
    for place, url in names.items():
        stem = place.rsplit(".", 1)[0] if "." in place.rsplit("/", 1)[-1] else place
        if stems.setdefault(stem, url) != url:
            shared.add(stem)
    return {stem: url for stem, url in stems.items() if stem not in shared}


def _regular(path: str) -> bool:
    """Whether ``path`` is a file, not a named pipe, socket or device; one that cannot be
    looked at (a broken link) is taken as a file, whose reading then says why it fails."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def _leaves_crawl(path: Path) -> Problem:
    return Problem(
        path,
        f"a link to a file outside the crawl ({os.path.realpath(path)}): it was not read, "
        "and no page or picture is copied from outside the crawl",
        "if the file belongs to the crawl, copy it into the crawl's folder in the link's "
        "place; else delete the link",
    )


def _not_a_file(path: Path) -> Problem:
    return Problem(
        path,
        "not a file (a named pipe, socket or device): it was not read",
        "a crawl holds files and folders only: delete it, or move it out of the crawl",
    )


def _no_such(given: Path) -> Problem:
    """A crawl given by a name that is not there, with the names beside it that it was
    likely meant to be (`sotttt-mirorr`: two letters swapped)."""
    try:
        beside = sorted(entry.name for entry in given.parent.iterdir())
    except OSError:  # its folder is not there either, or not readable: nothing to offer
        beside = []
    close = difflib.get_close_matches(given.name, beside, n=3, cutoff=0.8)
    meant = " or ".join(str(given.with_name(name)) for name in close)
    return Problem(
        given,
        "there is no such file or folder",
        (f"did you mean {meant}? " if close else "") + "check the name",
    )


def printable(path: str) -> str:
    """The file's name as it can be printed and written to the report: the bytes of a
    name that is not UTF-8 (an old Windows or Latin-1 crawl) as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# A page whose text comes before its markup (a server's warning) still names these early.
_PAGE_TAGS = re.compile(rb"<(?:!doctype|html|head|body)[\s>]", re.I)
# JSON, an object or a list: an API's answer may hold a whole page as a string value,
# <html> and all, which is no page (a server's warning before a page begins otherwise).
_JSON_START = re.compile(rb'[{\[]\s*["{\[\]}]')
# How much of a file or response tells whether it is a page: JSP directives leave
# hundreds of blank lines before one.
_PAGE_HEAD = 65536


def _a_page(path: Path, suffix: str) -> bool:
    """Whether a file of a crawl's folder is a web page: named as one (.html, .jsp) or
    with no suffix, and its bytes those of one. A name says nothing of what the server
    answered: wget keeps a server page's for a script (Liferay's html/js/barebone.jsp?…),
    a style sheet, data or a picture (anh.php?id=5), and --adjust-extension names a
    script or JSON the server called text/html app.js.html."""
    if suffix in PAGE_SUFFIXES:
        return _starts_like_markup(path)
    return not suffix and _starts_like_html(path)


def _starts_like_markup(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)  # most pages tell at their first letter
            if not _markup_first(head):
                head += handle.read(_PAGE_HEAD - len(head))
    except OSError:
        return True  # the page's own reading says why it cannot be read
    return _begins_as_page(head)


def _markup_first(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _begins_as_page(head: bytes) -> bool:
    """Whether a file or response that begins with ``head`` may be a web page, as a
    crawler sniffs it: its markup first, after blank lines, a byte order mark or a server's
    warning; a script, a style sheet, JSON (even one holding a page's markup as a string)
    or a picture begins otherwise. An empty one
    is (its reading says it is empty, a download that stopped)."""
    if not head or head.startswith(_UTF16_BOMS):
        return True  # the page's reading decodes it
    if _JSON_START.match(head.lstrip(b"\xef\xbb\xbf \t\r\n")):
        return False
    return _markup_first(head) or bool(_PAGE_TAGS.search(head))


def _starts_like_html(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return _html_start(handle.read(512))
    except OSError:
        return False


def _html_start(head: bytes) -> bool:
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<!--", b"<head", b"<?xml"))


def _warcio():  # type: ignore[no-untyped-def]
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        return None
    # warcio logs the records it mends ("Replacing spaces in invalid WARC-Target-URI"):
    # each process that reads the WARC printed it at its own moment among the import's
    # lines, so two runs' output differed. The import says what matters of each page.
    logging.getLogger("warcio").setLevel(logging.ERROR)
    _brotli_for_warcio()
    return ArchiveIterator


class _Brotli:
    """A Brotli decompressor as warcio uses one: warcio was written for brotlipy's
    (`decompress`, an `unused_data` it sets), and with the `brotli` package pip installs
    now (whose Decompressor has `process` and takes no attribute) it failed on every
    Brotli record, "'brotli.Decompressor' object has no attribute 'unused_data'"."""

    unused_data = None  # a Brotli stream is one member: nothing follows it

    def __init__(self) -> None:
        import brotli

        self._stream = brotli.Decompressor()

    def decompress(self, data: bytes) -> bytes:
        return bytes(self._stream.process(data))

    def flush(self) -> bytes:
        return b""


def _brotli_for_warcio() -> None:
    """Hand warcio _Brotli for Content-Encoding: br where `brotli` has no `decompress`."""
    from warcio.bufferedreaders import BufferedReader

    try:
        import brotli
    except ImportError:
        return
    if not hasattr(brotli.Decompressor, "decompress"):
        BufferedReader.DECOMPRESSORS["br"] = _Brotli


def _add_warc(crawl: Crawl, path: Path, origin: str) -> None:
    iterator = _warcio()
    if iterator is None:
        crawl.problems.append(Problem(path, "cannot read a WARC file here", NEEDS_WARCIO))
        return
    start = 0  # where the record read next starts
    try:
        with path.open("rb") as stream:
            if not _begins_as_warc(stream):
                crawl.problems.append(Problem(path, NOT_WARC, NOT_WARC_HINT))
                return
            records = iterator(stream)
            last, damaged = -1, ""
            for record in records:
                head = record.raw_stream.read(_PAGE_HEAD)  # for what the body is
                damaged = _damage(record, len(head))  # reads the record to its end
                last = records.get_record_offset()
                at = f"{origin}#{last}"
                # Cut by the crawler itself, not in the file: the WARC is whole.
                held = damaged or _truncated(record)
                where = Media(str(path), last, damaged=held)
                page = _add_record(crawl, where, at, record, head)
                if damaged:
                    crawl.cut_short.add(str(path))
                if damaged and not page:  # a page's own failure tells it
                    crawl.problems.append(Problem(Path(at), damaged, DAMAGED_HINT))
                start = records.offset
            # records.offset: where the next record would start, after the last one;
            # a file cut in its last record has said so already.
            ending = "" if damaged else _ending_damage(stream, last, records.offset)
    except Exception:  # warcio raises plain exceptions for broken archives, in its words
        ending = (
            f"the WARC file cannot be read to its end: the record at byte {start} is damaged "
            "(its header lines, or the server's response in it, are not whole)"
        )
    if ending:
        crawl.cut_short.add(str(path))
        crawl.problems.append(Problem(Path(origin), ending, DAMAGED_HINT))


def _begins_as_warc(stream: BinaryIO) -> bool:
    """Whether the file starts as a WARC (or the older ARC) does, compressed or not: warcio
    reads any text as a record cut short, which sent the archivist to crawl again."""
    head = stream.read(4096)
    stream.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://"))


def _add_record(crawl: Crawl, where: Media, origin: str, record, head: bytes) -> bool:  # type: ignore[no-untyped-def]
    """A response of the WARC: a page, a media file or a redirect to one. True when it
    is a page (whose damage the page's failure tells)."""
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip("<> ")
    if record.rec_type == "revisit" and uri:
        _add_revisit(crawl, where, origin, record, uri)
        return False
    # Browsertrix's urn:pageinfo: and urn:text: resources describe pages: no files.
    if record.rec_type not in ("response", "resource") or not uri or uri.startswith("urn:"):
        return False
    crawl.record_ids[record.rec_headers.get_header("WARC-Record-ID") or ""] = uri
    status = record.http_headers.get_statuscode() if record.http_headers else "200"
    location = record.http_headers.get_header("Location") if status in REDIRECTS else None
    kind, charset = _content_type(record)
    if not kind and _html_start(head):  # no Content-Type: a browser looks at the bytes
        kind = "text/html"
    # A script or JSON the server called text/html is no page, as a .jsp's is not.
    a_page = kind in PAGE_TYPES and _begins_as_page(_body_start(record, head))
    if status != "200" and not location:
        _add_failed(crawl, where, origin, uri, status, a_page)
        return False
    target = urljoin(uri, location.strip()) if location else ""
    # The latest capture of an address wins, as in a replay; a damaged one too, so that
    # its page fails now and the complete file imports it later. Of captures without a
    # date, or of one date, the last in the crawl's order: crawls may be given newest first.
    captured = _capture_date(record)
    older = captured is not None and captured < (crawl.captured.get(uri) or captured)
    if not older:
        named = _served_name(record)
        crawl.records[uri] = replace(where, content_type=kind, location=target, file_name=named)
        crawl.captured[uri] = captured
    if target:
        return False
    if not a_page:
        crawl.other_files += 1
        return False
    # Messages name the record by its place in the file and, for a person, its address
    # (without the scheme: messages give the place as a path, which has no "//").
    shown = f"{origin} ({uri.split('://', 1)[-1]})"
    page = PageSource(
        shown,
        where.path,
        uri,
        where.offset,
        charset=charset,
        damaged=where.damaged,
        captured=captured,
    )
    _add_page(crawl, page, captured, older)
    return True


def _add_revisit(crawl: Crawl, where: Media, origin: str, record, uri: str) -> None:  # type: ignore[no-untyped-def]
    """A capture deduplicated by the crawler (wget --warc-dedup, Browsertrix): the bytes
    are those of the capture of another address, found there as a redirect's target is.
    One of the address itself keeps its earlier capture."""
    refers = (record.rec_headers.get_header("WARC-Refers-To-Target-URI") or "").strip("<> ")
    refers = refers or crawl.record_ids.get(record.rec_headers.get_header("WARC-Refers-To"), "")
    if refers and refers != uri:
        crawl.records[uri] = replace(where, location=refers)
    elif _page_key(uri) not in crawl.page_address and _unchanged_page(record):
        # The page had not changed since a capture that may be in an earlier crawl's
        # WARC only (wget --warc-dedup, Browsertrix): listed, so that it is not lost
        # without a word; a capture of the address in the crawl replaces it.
        date = record.rec_headers.get_header("WARC-Refers-To-Date")
        when = f"its capture of {date}" if date else "an earlier capture"
        crawl.page_at[uri] = len(crawl.pages)
        crawl.page_address[_page_key(uri)] = uri
        shown = f"{origin} ({uri.split('://', 1)[-1]})"
        crawl.pages.append(PageSource(shown, where.path, uri, where.offset, revisit=when))


def _add_failed(crawl: Crawl, where: Media, origin: str, uri: str, status: str, page: bool) -> None:
    """The server's error page (404, 500...) holds no article; it is no file to copy
    either, and a page that links it says the file is not in the crawl. Listed, so
    that it is counted and reported, not lost."""
    crawl.failed[uri] = status
    if page:
        shown = f"{origin} ({uri.split('://', 1)[-1]})"
        crawl.pages.append(PageSource(shown, where.path, uri, where.offset, status=status))
    else:
        crawl.other_files += 1


def _add_page(crawl: Crawl, page: PageSource, captured: datetime | None, older: bool) -> None:
    """A page's capture. An address (or another spelling of it) captured twice is read
    from its latest capture, the other listed with that one as ``later``; a page listed
    from a revisit record is replaced by the capture."""
    uri = page.url
    known = crawl.page_address.get(_page_key(uri))  # this address, or another spelling
    if known is not None:
        earlier = crawl.page_at[known]
        if known != uri:  # dated against the other scheme's capture, not this address's
            older = captured is not None and captured < (crawl.captured.get(known) or captured)
        if crawl.pages[earlier].revisit:  # the bytes the revisit record said were unchanged
            crawl.pages[earlier] = page
            crawl.page_at[uri] = earlier
            crawl.page_address[_page_key(uri)] = uri
            return
        if older:
            crawl.pages.append(replace(page, later=crawl.pages[earlier].origin))
            return
        crawl.pages[earlier] = replace(crawl.pages[earlier], later=page.origin)
    crawl.page_at[uri] = len(crawl.pages)
    crawl.page_address[_page_key(uri)] = uri
    crawl.pages.append(page)


def _body_start(record, head: bytes) -> bytes:  # type: ignore[no-untyped-def]
    """The start of the response's body as its reading gives it (chunks joined,
    decompressed), from the first raw bytes ``head``; b"" when it cannot be told (a
    compression that cannot be undone here: the page's reading says so)."""
    from warcio.recordloader import ArcWarcRecord

    start = ArcWarcRecord(
        record.format,
        record.rec_type,
        record.rec_headers,
        io.BytesIO(head),
        record.http_headers,
        record.content_type,
        record.length,
    )
    try:
        _check_encoding(record)
        return bytes(start.content_stream().read(_PAGE_HEAD))
    except Exception:  # warcio's own, for a compressed start cut where we stopped
        return b""


def _capture_date(record) -> datetime | None:  # type: ignore[no-untyped-def]
    """When the record was captured (its WARC-Date), None when it does not say."""
    try:
        when = datetime.fromisoformat(record.rec_headers.get_header("WARC-Date") or "")
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _unchanged_page(record) -> bool:  # type: ignore[no-untyped-def]
    """Whether a revisit record stands for a web page that answered (not a picture's)."""
    headers = record.http_headers
    if headers is None:
        return False
    kind = (headers.get_header("Content-Type") or "").partition(";")[0].strip().lower()
    return headers.get_statuscode() == "200" and kind in PAGE_TYPES


REVISIT_HINT = (
    "import the WARC or WACZ file of that earlier crawl too, in the same call "
    "(`python3 build.py import EARLIER.warc.gz THIS.warc.gz`) or on its own: the page comes "
    "from there"
)


def revisit(when: str) -> str:
    """Why a page the crawler recorded as unchanged is not in the crawl."""
    return (
        f"the crawler recorded this page as unchanged since {when} (a revisit "
        "record, without the page itself), and that capture is in none of the files given: "
        "it is in the WARC of the earlier crawl"
    )


ERROR_PAGE_HINT = (
    "the crawl holds the server's error page, not the article: import a crawl or a saved "
    "copy in which the page answered (the Wayback Machine may have one)"
)


def error_page(status: str) -> str:
    """Why a WARC's page with this HTTP status is not an article."""
    try:
        phrase = f" {http.HTTPStatus(int(status)).phrase}"
    except ValueError:
        phrase = ""
    return f"the server answered {status}{phrase}: an error page, not an article"


def _damage(record, got: int) -> str:  # type: ignore[no-untyped-def]
    """Why the record is not whole ("" when it is): a WARC cut off (a crawl stopped, a
    download broken) ends inside a record, and warcio gives what is there as if it were
    all. The record's Content-Length says how much there must be."""
    expected = record.payload_length if record.http_headers else -1
    if expected < 0:
        expected = record.length
    while chunk := record.raw_stream.read(1 << 16):
        got += len(chunk)
    declared = record.rec_headers.get_header(
        "Content-Length" if record.format == "warc" else "length"
    )
    if expected is None or not (declared or "").strip().isdigit():
        # The WARC standard requires it: the record's header itself is cut.
        return "the record is cut short: its header has no Content-Length"
    if got < expected:
        return f"the record is cut short: it holds {got} of its {expected} bytes"
    return ""


def _truncated(record) -> str:  # type: ignore[no-untyped-def]
    """Why the crawler kept only part of the response ("" when it kept it whole): it stops
    a download at its size or time limit and says so (WARC-Truncated). A revisit record
    says it of the body it leaves out, which is another record's."""
    reason = (record.rec_headers.get_header("WARC-Truncated") or "").strip()
    if not reason or record.rec_type == "revisit":
        return ""
    limit = "a size or time limit of the crawl"
    return f"{TRUNCATED}{record.payload_length or 0} bytes (WARC-Truncated: {reason}; {limit})"


def _ending_damage(stream: BinaryIO, last: int, end: int) -> str:
    """Why the file does not end where its last whole record does ("" when it does): a
    cut after a record's data, in the gzip trailer or in the next record's first bytes,
    leaves nothing warcio reads, and the records after it are lost too."""
    size = stream.seek(0, os.SEEK_END)
    if size > end:
        return f"the WARC file is cut short: its last {size - end} bytes hold no whole record"
    stream.seek(max(last, 0))
    if last < 0 or stream.read(2) != b"\x1f\x8b":
        return ""
    stream.seek(last)
    member = zlib.decompressobj(zlib.MAX_WBITS | 16)  # one gzip member per record
    while not member.eof and (chunk := stream.read(1 << 20)):
        member.decompress(chunk, 1 << 16)
        while member.unconsumed_tail and not member.eof:
            member.decompress(member.unconsumed_tail, 1 << 16)
    return (
        "" if member.eof else "the WARC file is cut short: its last record's gzip data ends early"
    )


def _content_type(record) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The record's media type and the charset its header gives ("" when none)."""
    headers = record.http_headers if record.rec_type == "response" else None
    if headers:  # the record's own is the type of the HTTP message (application/http)
        value = headers.get_header("Content-Type") or ""
    else:
        value = record.rec_headers.get_header("Content-Type") or ""
    kind, _, parameters = value.partition(";")
    charset = _CHARSET_PARAMETER.search(parameters)
    return kind.strip().lower(), charset.group(1) if charset else ""


def _served_name(record) -> str:  # type: ignore[no-untyped-def]
    """The file name the server gave the response (Content-Disposition, as a browser
    saves it; RFC 2231's filename*= too): Liferay's get_file?uuid=… has it alone."""
    value = record.http_headers.get_header("Content-Disposition") if record.http_headers else ""
    if not value:
        return ""
    header = email.message.Message()
    header["Content-Disposition"] = value
    try:
        name = header.get_filename() or ""
    except (LookupError, ValueError):  # a charset Python does not know: no name
        return ""
    return os.path.basename(_as_a_browser_reads(name).replace("\\", "/")).strip()


def _as_a_browser_reads(name: str) -> str:
    """A name percent-encoded in filename="…", as a browser saves it: Browsertrix
    writes a header that is not ASCII so (JavaScript's encodeURI), and Liferay sent its
    names so to Internet Explorer. Bytes of UTF-8 the crawler took one by one for
    Latin-1 letters are read again as UTF-8."""
    name = unquote(name)
    try:
        return name.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):  # Vietnamese, or Latin-1 indeed
        return name


def _add_wacz(crawl: Crawl, path: Path, named: str = "") -> None:
    """The WARCs of a WACZ; of a Browsertrix download of several WACZs (a "multi-WACZ",
    the zip of them a crawl over 1 GB comes as), the WARCs of each. ``named``: how
    messages name a WACZ unpacked from another one."""
    shown = Path(named) if named else path
    if _warcio() is None:
        crawl.problems.append(Problem(shown, "cannot read a WACZ file here", NEEDS_WARCIO))
        return
    if crawl.scratch is None:
        crawl.scratch = tempfile.TemporaryDirectory(prefix="newsarchive-wacz-")
    try:
        with zipfile.ZipFile(path) as archive:
            members = sorted(n for n in archive.namelist() if n.lower().endswith(WARC_SUFFIXES))
            # Only a download's own members: a WACZ in one of its WACZs is no Browsertrix
            # shape, and a zip may hold itself (a quine) without end.
            inner = [] if named else sorted(n for n in archive.namelist() if _is_wacz(n))
            if not members and not inner:
                crawl.problems.append(
                    Problem(shown, "the WACZ file holds no WARC", "is it a WACZ file?")
                )
            for member in members + inner:
                # Named by a number, not the member's name: a zip's names may climb out
                # of any folder (`../../x.warc.gz`) or be absolute (zip-slip). A number
                # of its own: the records read are found again in the file, later.
                scratch = Path(crawl.scratch.name)
                ending = ".gz" if member.lower().endswith(".gz") else ""
                ending = ".wacz" if _is_wacz(member) else f".warc{ending}"
                target = scratch / f"{sum(1 for _ in scratch.iterdir())}{ending}"
                with archive.open(member) as source, target.open("wb") as out:
                    while chunk := source.read(1 << 20):
                        out.write(chunk)
                if ending == ".wacz":
                    _add_wacz(crawl, target, f"{shown}!{member}")
                else:
                    _add_warc(crawl, target, f"{shown}!{member}")
            for member in (m for m in archive.namelist() if m in PAGE_LISTS):
                _add_listed(crawl, archive.read(member), Path(f"{shown}!{member}"))
    except zipfile.BadZipFile:
        # zipfile says only "File is not a zip file": a WACZ lists what it holds at its
        # end, which a download or copy cut short lacks.
        crawl.problems.append(Problem(shown, WACZ_CUT, WACZ_CUT_HINT))
    except OSError as exc:
        crawl.problems.append(
            Problem(shown, f"the WACZ file cannot be read ({exc})", "download it again")
        )


def _is_wacz(name: str) -> bool:
    return name.lower().endswith(".wacz")


PAGE_LISTS = ("pages/pages.jsonl", "pages/extraPages.jsonl")  # Browsertrix's, the WACZ spec's


def _add_listed(crawl: Crawl, data: bytes, where: Path) -> None:
    """The pages a WACZ lists, by line: its first line names the list's format."""
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        try:
            entry = json.loads(line)
        except ValueError:  # a list is the crawler's index, not the crawl: its WARCs are
            continue
        url = entry.get("url") if isinstance(entry, dict) else None
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            crawl.listed.setdefault(url, (where, number))


def _unheld_pages(crawl: Crawl) -> None:
    """A page the crawler lists as visited that no file given holds a capture of: its
    load failed (Browsertrix lists those too), and it would be missing without a word."""
    held = {_page_key(u) for u in [*crawl.records, *crawl.failed, *crawl.page_at]}
    for url, (where, line) in crawl.listed.items():
        if _page_key(url) not in held:
            crawl.problems.append(Problem(where, UNHELD.format(url=url), UNHELD_HINT, line))


UNHELD = (
    "the crawler lists the page {url} as visited, but the WACZ holds no capture of it "
    "(its load failed: the crawl's log in logs/ says why)"
)
UNHELD_HINT = (
    "crawl that address again (Browsertrix: --url ADDRESS) and import the new WACZ "
    "with this one; until then the page is not in the archive"
)


WACZ_CUT = (
    "the WACZ file is cut off or damaged: a WACZ is a zip file that lists what it holds at "
    "its end, and this one's list is missing or broken"
)
WACZ_CUT_HINT = (
    "take the file again from where the crawler wrote it (Browsertrix, ArchiveWeb.page), or "
    "download it again, and compare its size with the original's"
)
EMPTY = "the file is empty (0 bytes): its download or copy did not finish"
EMPTY_HINT = "take the file again from where the crawler wrote it, or download it again"


def _empty(given: Path) -> bool:
    try:
        return given.stat().st_size == 0
    except OSError:
        return False


def read_bytes(page: PageSource) -> bytes:
    """The page's bytes (the HTTP body, for a WARC record)."""
    if page.offset < 0:
        with open(page.path, "rb") as handle:
            return handle.read()
    return read_record(Media(page.path, page.offset))


class UnknownEncoding(Exception):
    """A WARC record compressed in a way warcio cannot undo here: its bytes are not the file."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def read_record(media: Media) -> bytes:
    if media.data:
        return media.data
    if media.offset < 0:
        with open(media.path, "rb") as handle:
            return handle.read()
    iterator = _warcio()
    assert iterator is not None
    with open(media.path, "rb") as stream:
        stream.seek(media.offset)
        record = next(iter(iterator(stream)))
        _check_encoding(record)
        return record.content_stream().read()


def readable_record(media: Media) -> bytes | None:
    """The record's bytes, or None when it is damaged: as good as absent. Raises
    UnknownEncoding, which says how to read it."""
    try:
        return read_record(media)
    except UnknownEncoding:
        raise
    except Exception:  # warcio raises plain exceptions for broken archives, in its words
        return None


def _check_encoding(record) -> None:  # type: ignore[no-untyped-def]
    """warcio hands a body it cannot decompress over as it is, compressed: a page read so
    was taken for binary data, an image copied so was broken. Say what is missing."""
    from warcio.bufferedreaders import BufferedReader

    headers = record.http_headers
    encoding = (headers.get_header("Content-Encoding") or "") if headers else ""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity") or encoding in BufferedReader.get_supported_decompressors():
        return
    if encoding == "br":  # Browsertrix and browsers ask for it; warcio needs brotli for it
        raise UnknownEncoding(
            "the crawl holds it compressed with Brotli (Content-Encoding: br), "
            "which cannot be undone here",
            NEEDS_BROTLI,
        )
    raise UnknownEncoding(
        f"the crawl holds it compressed as {encoding!r} (Content-Encoding), "
        "which newsarchive cannot undo",
        "crawl it again accepting gzip only (e.g. --header 'Accept-Encoding: gzip')",
    )


_DOCUMENT_OPENS = re.compile(rb"<(?:html|body)[\s>]", re.I)
_DOCUMENT_ENDS = re.compile(rb"</(?:html|body)\s*>", re.I)
CUT_SHORT = "the page is cut short: it opens its document and ends before </body> and </html>"
CUT_SHORT_HINT = (
    "copy or crawl the page again, whole (if it really ends there, add </html> at its end)"
)


def cut_short(data: bytes) -> bool:
    """A page that opens <html> or <body> and closes neither: a copy that stopped midway
    (a full disk, a dropped connection), whose article would pass for whole without its end."""
    return bool(_DOCUMENT_OPENS.search(data)) and not _DOCUMENT_ENDS.search(data)


def made_by_httrack(page: PageSource, data: bytes) -> bool:
    """A page HTTrack wrote itself, not one it mirrored."""
    head = data[:4096]
    return page.offset < 0 and bool(_HTTRACK_OWN.search(head)) and not _MIRRORED.search(head)


HTTRACK_COMMENT = "HTTrack comment"  # where original_url found an HTTrack page's address


def original_url(page: PageSource, data: bytes) -> tuple[str, str]:
    """The page's original address and where it was found ("" when nothing tells it)."""
    if page.url:
        return page.url, "WARC-Target-URI"
    head = data[:4096]
    found = _mirrored_from(head) or _mirrored_from(data)
    if found:
        scheme = _scheme(data, found.split("/", 1)[0])
        return (found if "://" in found else f"{scheme}://{found}"), HTTRACK_COMMENT
    saved = _SAVED_FROM.search(head)
    if saved:
        return unescape(saved.group(1).decode("utf-8", "replace")), "saved-from comment"
    for tag in _CANONICAL.finditer(data):
        href = _HREF.search(tag.group(0))
        if href:
            url = unescape(href.group(1).decode("utf-8", "replace")).strip()
            if urlsplit(url).scheme in ("http", "https"):
                return url, "canonical link"
    layout = _layout_url(page)
    if not layout:
        return "", ""
    host = urlsplit(layout).netloc
    return f"{_scheme(data, host)}{layout.removeprefix('https')}", "folder layout"


def capture_date(page: PageSource, data: bytes) -> datetime | None:
    """When the crawl copied the page: its WARC record's date, or for a file the time
    HTTrack's comment says it saved it. None when nothing tells: a wget mirror's file
    time is the server's Last-Modified, not the capture's."""
    if page.offset >= 0:
        return page.captured
    found = _MIRRORED_AT.search(data[:4096]) or _MIRRORED_AT.search(data)
    if found is None:
        return None
    try:
        return email.utils.parsedate_to_datetime(found.group(1).decode("ascii"))
    except ValueError:  # a day no calendar has (31 Feb)
        return None


def _mirrored_from(data: bytes) -> str:
    """The address HTTrack's comment says the page was mirrored from, maybe without its
    scheme; "" when it has none."""
    mirrored = _MIRRORED.search(data)
    return unescape(mirrored.group(1).decode("utf-8", "replace")) if mirrored else ""


def _scheme(data: bytes, host: str) -> str:
    """The scheme of ``host``'s addresses, which HTTrack's comment and a wget tree's
    folders leave out: the canonical link's when it names the host; else the one the
    page's own links to the host use most (wget and HTTrack leave those to what they did
    not save as the portal wrote them, and og: tags as they were); else https, as
    portals serve today."""
    host = host.lower()
    for tag in _CANONICAL.finditer(data):
        href = _HREF.search(tag.group(0))
        if href:
            parts = urlsplit(href.group(1).decode("utf-8", "replace"))
            if parts.netloc.lower() == host and parts.scheme in ("http", "https"):
                return parts.scheme
    linked = re.compile(rb"\b(https?)://" + re.escape(host.encode()) + rb"(?![\w.-])", re.I)
    schemes = Counter(found.lower() for found in linked.findall(data))
    return "http" if schemes[b"http"] > schemes[b"https"] else "https"


def _layout_url(page: PageSource) -> str:
    """wget and the Wayback downloader write HOST/PATH: the first folder named like a host,
    from the folder given down; for a folder given inside such a tree (one section of a
    crawl), the mirror's host folder above it (see _mirror_root)."""
    if not page.folder:
        return ""
    folder = Path(page.folder).resolve()
    parts = [*folder.parts, *Path(page.path).relative_to(page.folder).parts]
    given = len(folder.parts) - 1
    _, above = _mirror_root(str(folder))
    for at in [*range(given, len(parts) - 1), len(Path(above).parts) - 1 if above else -1]:
        part = parts[at] if at >= 0 else ""
        host = _folder_host(part)
        if host and os.path.splitext(part)[1].lower() not in PAGE_SUFFIXES:
            rest = "/".join(parts[at + 1 :])
            if "?" not in parts[-1]:
                rest = _WINDOWS_QUERY.sub("?", rest, count=1)
            if "?" in rest.rsplit("/", 1)[-1] or page.adjusted == ADDED:
                # wget --adjust-extension adds .html to the query too: the address of the
                # file `article.cgi?25.html` is `article.cgi?25` (a query seldom ends so).
                rest = rest.removesuffix(".html")
            rest = _BACK_LINK.sub("", rest)
            if rest == "index.html" or rest.endswith("/index.html"):
                rest = rest.removesuffix("index.html")
            rest = unicodedata.normalize("NFC", rest)  # a Mac's names are NFD; links NFC
            rest = _NOT_IN_ADDRESS.sub(lambda c: f"%{ord(c.group(0)):02X}", rest)
            return f"https://{host}/{_RAW_BYTE.sub(_escape_byte, rest)}"
    return ""


def _folder_host(name: str) -> str:
    """The host (host:port) whose files a mirror's folder ``name`` holds; "" for a folder
    not named like a host."""
    named = _HOST.match(name)
    if named is None or named[1].rsplit(".", 1)[1].lower() not in _tlds():
        return ""
    return named[1].lower() + (f":{named[2]}" if named[2] else "")


@functools.cache
def _tlds() -> frozenset[str]:
    listed = files(__package__).joinpath(_TLDS_FILE).read_text(encoding="ascii").splitlines()
    delegated = (tld.strip().lower() for tld in listed if not tld.startswith("#"))
    return frozenset((*delegated, *_RESERVED_TLDS))


def _host_folders(netloc: str) -> list[str]:
    """The names a mirror may give the folder of ``netloc`` (see _HOST)."""
    host, port = netloc.rsplit(":", 1) if ":" in netloc else (netloc, "")
    return [f"{host}{sign}{port}" for sign in _PORT_SIGNS] if port.isdigit() else [netloc]


def _escape_byte(raw: re.Match) -> str:
    """A byte of a file name that is not UTF-8 (Python reads it as a lone surrogate) is
    what the address had percent-encoded: wget wrote it to the name as it was."""
    return f"%{ord(raw.group(0)) - 0xDC00:02X}"


def link_target(base_url: str, link: str) -> str:
    """The address a page's link leads to. A mirror keeps other hosts' files beside the
    page's host folder (HTTrack: `../../../../cdn.vn/a.jpg` from three folders down): a
    relative path that climbs one folder above the host's root names HOST/PATH there."""
    parts, base = urlsplit(link), urlsplit(base_url)
    if not parts.scheme and not parts.netloc and not parts.query:
        # wget --convert-links --adjust-extension links the page of `chi-tiet?id=6` by
        # the name it saved it under, `chi-tiet%3Fid=6.html`: the address is the page's.
        path = _CONVERTED_QUERY.sub(r"?\1", parts.path)
        if path != parts.path:
            return link_target(base_url, urlunsplit(parts._replace(path=path)))
    segments = parts.path.split("/")
    climbs = next((at for at, segment in enumerate(segments) if segment != ".."), 0)
    depth = max((base.path or "/").count("/") - 1, 0)  # folders above the page
    folder, *rest = segments[climbs:]
    host = _folder_host(folder)
    if parts.scheme or parts.netloc or climbs != depth + 1 or not rest or not host:
        return urljoin(base_url, link)
    path = "/" + "/".join(rest)
    return urlunsplit((base.scheme, host, path, parts.query, parts.fragment))


class MediaFinder:
    """Finds the file or record of the crawl that holds a media address."""

    def __init__(self, crawl: Crawl):
        self.records = crawl.records
        # The same address spelled otherwise: the page's link is percent-encoded for
        # Markdown, the record's as the crawler met it (`anh%20(1).png`, raw letters...).
        self.by_key = {_url_key(url): media for url, media in crawl.records.items()}
        self.cut_short = crawl.cut_short
        self.failed = {_url_key(url): status for url, status in crawl.failed.items()}
        self.httrack_names = crawl.httrack_names
        self.httrack_stems = crawl.httrack_stems

    def answered(self, url: str) -> str:
        """The error status the crawl holds for ``url`` (`404`), "" if none."""
        return self.failed.get(_url_key(url), "")

    def find(self, url: str, page: PageSource, page_url: str) -> Media | None:
        held = self._record(url)
        if held is not None or page.offset >= 0:
            return held
        if not page_url:  # a saved page without its address: links are relative to it
            if urlsplit(url).scheme or url.startswith(("/", "#")):
                return None
            path = os.path.join(os.path.dirname(page.path), *url.split("?")[0].split("/"))
            return _held_file(_file_variants(path, ""), page)
        return _in_folder(url, page, page_url) or _beside(url, page, page_url)

    def page_link(self, url: str, page: PageSource, page_url: str) -> str:
        """The original address of a page of a mirror that ``page`` links to by the name
        the mirror gave it; "" when the link names it by that address already."""
        return _httrack_page(url, page, page_url) or self._httrack_named(url, page, page_url)

    def wget_page(self, url: str, page: PageSource, page_url: str) -> tuple[str, str] | None:
        """Of a picture or file a page of a wget tree links to that the portal answered
        with a web page (an error or login page): its address and the name wget
        --adjust-extension saved that page under, its own with .html added (`anh.png.html`,
        `image.php?id=5.html`); None when the crawl holds no such page. A link by that name
        (--convert-links) names the address without the .html only when a name's ending is
        before it: wget adds none to a name ending in .html, the portal's own `anh.html`."""
        if page.offset >= 0 or page.named or not page_url:
            return None
        parts = urlsplit(url)
        asked = urlunsplit(parts._replace(fragment=""))
        if _WGET_ADDED.search(parts.path) and not parts.query:  # linked by wget's name
            address, saved = asked.removesuffix(".html"), _in_folder(asked, page, page_url)
        elif parts.query or not parts.path.lower().endswith(PAGES):
            address, saved = asked, _in_folder(asked + ".html", page, page_url)
        else:
            return None
        if saved is None or not _starts_like_html(Path(saved.path)):
            return None
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return address + fragment, printable(os.path.basename(saved.path))

    def _httrack_named(self, url: str, page: PageSource, page_url: str) -> str:
        """The address HTTrack's cache gives for the file a link of its mirror names, when
        the mirror lacks it ("" otherwise: a file it holds is found and copied by its name)."""
        found = self.cached_address(url, page)
        return found if found and _in_folder(url, page, page_url) is None else ""

    def cached_address(self, url: str, page: PageSource) -> str:
        """The address HTTrack's cache (hts-cache/new.txt, new.zip) lists for the file a
        link of its mirror names ("" when it lists none)."""
        if page.offset >= 0 or not self.httrack_names:
            return ""
        parts = urlsplit(url)
        place = _url_key(urlunsplit(parts._replace(query="", fragment="")))
        found = self.httrack_names.get(place)
        if not found and place.lower().endswith(PAGES):
            found = self.httrack_stems.get(place.rsplit(".", 1)[0])
        if not found:
            return ""
        address = found.split("#", 1)[0]  # HTTrack asked for the fragment too
        address = address if "://" in address else f"{parts.scheme}://{address}"
        return f"{address}#{parts.fragment}" if parts.fragment else address

    def _record(self, url: str) -> Media | None:
        """The WARC record of ``url``, through the redirects the crawl recorded (a portal
        serves `/image/journal/article?img_id=...` as a redirect to its image host)."""
        seen: set[str] = set()
        while len(seen) <= MAX_REDIRECTS and url not in seen:
            seen.add(url)
            found = self.records.get(url.split("#", 1)[0]) or self.by_key.get(_url_key(url))
            if found is None or not found.location or found.damaged:
                # The file's own address names the copy: behind Liferay's redirect from
                # /image/journal/article?img_id=... every picture was "article.jpg".
                return replace(found, address=url) if found and len(seen) > 1 else found
            url = found.location
        return None


def _httrack_page(url: str, page: PageSource, page_url: str) -> str:
    """The address of the page of the mirror that a link of an HTTrack page leads to by
    the name HTTrack gave it (its comment says it): for an address with a query, its name
    with 4 hex digits and .html; for one without an extension (/tin-tuc/bai), NAME.html.
    "" for any other link, and for one that names the page by its address already."""
    parts = urlsplit(url)
    if page.offset >= 0 or not parts.path.lower().endswith(PAGES):
        return ""
    # A query after any other name is the page's own.
    if parts.query and query_named(parts.path, parts.query, A_PAGE) is None:
        return ""
    saved = _in_folder(urlunsplit(parts._replace(query="", fragment="")), page, page_url)
    if saved is None:
        return ""
    with open(saved.path, "rb") as file:
        found = _mirrored_from(file.read(4096))
    if not found:
        return ""
    address = found if "://" in found else f"{parts.scheme}://{found}"
    if _url_key(address) == _url_key(url):
        return ""
    return f"{address}#{parts.fragment}" if parts.fragment else address


def saved_as_page(url: str) -> bool:
    """Whether a picture's address ends as a web page's (`anh.html`): in an HTTrack
    mirror, the name it gave what the portal answered with a page (an error, a moved
    page), its own ending (or none) replaced by .html."""
    return urlsplit(url).path.lower().endswith(PAGES)


def own_address(page_url: str, link: str) -> str:
    """The article's own address that a link of its page names (its print link: the
    profile's own_address joins the parts around what makes it the print view), without
    its query. HTTrack saved the print view of `X.html?_101_viewMode=print` as
    `X<4 hex digits of the query's MD5>.html` and linked it so: that name is X.html."""
    parts = urlsplit(urljoin(page_url, unescape(link).strip()))
    named = query_named(parts.path, parts.query, A_PAGE)
    path = parts.path if named is None else parts.path[: named.start()] + ".html"
    if parts.scheme not in ("http", "https"):
        return ""
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _url_key(url: str) -> str:
    """What the spellings of one address share: no scheme (a crawl may hold the http and
    the https one), the host in small letters, percent-escapes decoded, letters in NFC
    (as the pages' text is read)."""
    rest = url.split("#", 1)[0].split("://", 1)[-1]
    host, _, path = rest.partition("/")
    decoded = unquote(path, errors="surrogateescape")
    return f"{urls.same_host(host)}/{unicodedata.normalize('NFC', decoded)}"


def _page_key(url: str) -> str:
    """What the captures of one page share: its _url_key, with or without `www.` (a
    portal answered both, as the links between its articles are read)."""
    return _url_key(url).removeprefix("www.")


def _in_folder(url: str, page: PageSource, page_url: str) -> Media | None:
    """The file a mirror holds for ``url``. Mirrors keep HOST/PATH: the page's host folder
    is as many folders above the page file as its address is deep, HTTrack keeps the other
    hosts beside it; or the folder given holds the hosts, or is one of them."""
    wanted, base = urlsplit(url), urlsplit(urljoin(page_url, "."))
    depth = max((base.path or "/").count("/") - 1, 0)
    host_dir = os.path.join(os.path.dirname(page.path), *[os.pardir] * depth)
    path = wanted.path.split("/")
    folders = _host_folders(wanted.netloc)
    if wanted.netloc.lower() == base.netloc.lower():
        tried = [os.path.join(host_dir, *path)]
    else:
        tried = [os.path.join(host_dir, os.pardir, folder, *path) for folder in folders]
    root = Path(page.folder or os.path.dirname(page.path))
    for hosts in (root, root.parent):
        tried += [os.path.join(hosts, folder, *path) for folder in folders]
    candidates = (candidate for path in tried for candidate in _file_variants(path, wanted.query))
    return _held_file(candidates, page)


def _beside(url: str, page: PageSource, page_url: str) -> Media | None:
    """The file beside a page given alone for an address below the page's own folder: a
    browser's "Save page as, complete" writes the page's address in a comment and keeps
    its pictures in NAME_files/, linked relatively (`./bai_files/anh.jpg`)."""
    if page.folder:
        return None
    wanted, base = urlsplit(url), urlsplit(urljoin(page_url, "."))
    if wanted.netloc.lower() != base.netloc.lower() or not wanted.path.startswith(base.path):
        return None
    rel = wanted.path[len(base.path) :]
    path = os.path.join(os.path.dirname(page.path), *rel.split("/"))
    return _held_file(_file_variants(path, wanted.query), page)


def _held_file(candidates: Iterable[str], page: PageSource) -> Media | None:
    """The first of ``candidates`` that is a file of the crawl ``page`` is in."""
    for candidate in candidates:
        if os.path.isfile(candidate) and in_crawl(candidate, page):
            return Media(os.path.normpath(candidate))
    return None


def in_crawl(path: str, page: PageSource) -> bool:
    """Whether the file ``path``, its links followed, is in the crawl that holds ``page``.

    A crawl's links, names and the page's own address are the crawl's to choose: a link
    in the mirror to the archivist's files, a name whose %2e%2e the lookup decodes into
    `..`, a page alone that climbs out of its folder or claims an address forty folders
    deep would have its file copied into the site and published. The crawl is the folder
    given (a page given alone: its own folder); where that is in a mirror, the HTTrack
    project holding it (its hts-cache says so; not the archivist's home, where HTTrack
    may have been run once), and the mirror's host folder with the
    folders named like hosts beside it (a mirror keeps other hosts' files there): the
    folder named like a host the given one is or is in. Only the archivist's folders
    above the given one say so, never the page's address: one spelling the folders above
    the crawl (Downloads/hbt-crawl/tin/bai.html claiming https://h/hbt-crawl/tin/bai.html)
    would make Downloads/ the host folder."""
    real = os.path.realpath(path)
    given = os.path.realpath(page.folder or os.path.dirname(page.path))
    project, host = _mirror_root(given)
    if _below(real, given) or (project and not _home_or_above(project) and _below(real, project)):
        return True
    if not host:
        return False
    if _below(real, host):
        return True
    hosts = os.path.dirname(host)
    first = os.path.relpath(real, hosts).split(os.sep, 1)[0] if _below(real, hosts) else ""
    return bool(_folder_host(first))


def _mirror_root(given: str) -> tuple[str, str]:
    """The HTTrack project and the host folder of the mirror that the folder ``given`` (a
    real path) is or is in, "" for none: the nearest folder, from ``given`` up, that holds
    hts-cache/ (HTTrack's project, whose host folders are inside it) or is named like a
    host (the host folder wget -r, the Wayback downloader and HTTrack write; its project
    the folder holding it, when that holds hts-cache/). The climb stops there: a folder
    named like a host above a project, or above a nearer host folder, holds no file of
    this mirror. It never reaches the archivist's home or above (see _home_or_above) but
    for the project holding the host folder (`httrack URL` run in the home writes
    ~/hts-cache/ and ~/HOST/); a tree with no host folder (wget -nH) has neither."""
    for folder in [given, *_parents(given)]:
        if folder != given and _home_or_above(folder):
            break
        if os.path.isdir(os.path.join(folder, "hts-cache")):
            return folder, ""
        if _folder_host(os.path.basename(folder)):
            holder = os.path.dirname(folder)
            return (holder if os.path.isdir(os.path.join(holder, "hts-cache")) else "", folder)
    return "", ""


def _home_or_above(folder: str | Path) -> bool:
    """Whether ``folder`` is the archivist's home folder or one above it: many a home is
    named as a host is (lan.nguyen, /Users/lan.nguyen), and a crawl kept in it (~/crawls/x)
    took it for the mirror's host folder, its address and the folder files are read from."""
    return _below(os.path.realpath(os.path.expanduser("~")), os.path.realpath(folder))


def _below(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _parents(folder: str) -> Iterator[str]:
    while (parent := os.path.dirname(folder)) != folder:
        yield parent
        folder = parent


def _file_variants(path: str, query: str) -> Iterator[str]:
    """The names a mirror may have given the file of ``path?query``. HTTrack keeps the
    %XX escapes; wget writes the characters they stand for (a name that is not UTF-8 as
    its raw bytes), in the path and in the query but for `/` (%2F), and keeps the query:
    `Anh%2bTN.jpg/Anh%20TN.jpg?t=1` is the file `Anh+TN.jpg/Anh TN.jpg?t=1` (on
    Windows `Anh+TN.jpg/Anh TN.jpg@t=1`)."""
    decoded = unquote(path, errors="surrogateescape")
    wget_query = "%2F".join(unquote(p, errors="surrogateescape") for p in _SLASH.split(query))
    # A Mac writes names with their accents apart (NFD), which a crawl copied from one keeps.
    apart = unicodedata.normalize("NFD", decoded)
    for name in dict.fromkeys((path, decoded, apart)):
        for asked in dict.fromkeys(filter(None, (query, wget_query))):
            yield f"{name}?{asked}"
            yield f"{name}@{asked}"  # wget on Windows
        yield name
    if path.endswith(os.sep):
        yield path + "index.html"
