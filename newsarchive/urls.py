"""The URL scheme: every page URL and output path is computed here and only here.

A page URL is site-relative, without a leading slash: "" is the home page,
"2019/04/slug/" an article, "404.html" a file. Links between pages are always
relative, so one built site works at a domain root and under a sub-path.
"""

import functools
import posixpath
import re
import unicodedata
from collections.abc import Callable, Container, Iterable
from datetime import datetime
from pathlib import PurePosixPath
from urllib.parse import SplitResult, quote, unquote, urlsplit, urlunsplit

from .content import Article, RenamedTerm, Standalone
from .filekinds import PAGES
from .slugs import slugify

ALIAS_HINT = (
    "write the old address as a path on the site, e.g. /tin-tuc-su-kien/abc-123.html "
    "or /tin-tuc/abc/ (no http://, no '..', no '?' or '#', no part starting with '.')"
)


def article_url(article: Article) -> str:
    return article_address(article.published, article.slug)


def permalink(target: Article | Standalone | RenamedTerm) -> str:
    """The URL of an article or a standalone page: what an old address (alias) of either
    (or of a renamed category) leads to, and what templates link with ``permalink(a)``."""
    if isinstance(target, Standalone | RenamedTerm):
        return target.url
    return article_url(target)


def article_address(published: datetime, slug: str) -> str:
    """The URL of the article published then with that slug (before it is an Article)."""
    return f"{published.year:04d}/{published.month:02d}/{slug}/"


def home_url() -> str:
    return ""


def search_url() -> str:
    return "tim-kiem/"


def search_bundle_url() -> str:
    """The folder of the search index (newsarchive/search/, docs/search-format.md)."""
    return "tim-kiem/chi-muc/"


def search_manifest_url() -> str:
    """The index's manifest (search/format.py's MANIFEST), the first file a search reads:
    the search page asks for it while its scripts load."""
    return f"{search_bundle_url()}index.js"


def article_glob() -> str:
    """The output files of all article pages (what the search indexer reads)."""
    return "[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"


def search_bundle_folder() -> PurePosixPath:
    """The output folder of the search index, which the indexer writes itself."""
    return output_path(search_bundle_url()).parent


def search_bundle_root() -> str:
    """The site's root seen from the search index's folder: index records give article
    addresses from the root, and this prefix makes them the index's own links."""
    return relative_url(search_bundle_url(), home_url())


def archive_url() -> str:
    """The archive index: every year and month."""
    return "luu-tru/"


def year_url(year: int) -> str:
    # A template may ask for any number: `year_url(-5)` made `-005/`, a page no build
    # makes (the message says what it takes: templatetrace.TAKES).
    if not 0 < year < 10_000:
        raise ValueError(f"no year {year}")
    return f"{year:04d}/"


def month_url(year: int, month: int) -> str:
    if not 0 < year < 10_000 or not 0 < month < 13:
        raise ValueError(f"no month {year}-{month}")
    return f"{year:04d}/{month:02d}/"


@functools.cache
def term_slug(name: str) -> str:
    """Categories and tags whose names give the same slug share one page.

    Cached: a few hundred names recur across thousands of pages, and even a fast slug
    (slugs.py: a few microseconds) costs more than a dictionary lookup.
    """
    return slugify(name)


def categories_url() -> str:
    return "chuyen-muc/"


def category_url(name: str) -> str:
    return f"{categories_url()}{term_slug(name)}/"


def tags_url() -> str:
    return "the/"


def tag_url(name: str) -> str:
    return f"{tags_url()}{term_slug(name)}/"


def page_url(list_url: str, number: int) -> str:
    """Numbered page of a list; page 1 holds the oldest articles and never changes."""
    return f"{list_url}trang/{number}/"


def feed_url(list_url: str = "") -> str:
    """The Atom feed of a list: the site's at the root, a category's in its folder."""
    return f"{list_url}feed.xml"


def feeds_url() -> str:
    """The page that explains feeds and lists them: what the site's "follow" links open
    (browsers show a feed's XML as raw text, and are dropping XSLT, which could style it)."""
    return "theo-doi/"


def feed_anchor(list_url: str) -> str:
    """The id of a list's feed on the feeds page, e.g. "feed-chuyen-muc-kinh-te"."""
    return "feed-" + (list_url.strip("/").replace("/", "-") or "trang-chu")


def year_anchor(year: int) -> str:
    """The id of a year's section on the archive index, e.g. "nam-2019"."""
    return f"nam-{year:04d}"


def sitemap_url() -> str:
    """The sitemap index, which lists the parts."""
    return "sitemap.xml"


def sitemap_part_url(year: int | None) -> str:
    """The part of the sitemap for the pages last changed in ``year`` (None: undated)."""
    return f"sitemap-{year:04d}.xml" if year else "sitemap-khac.xml"


def robots_url() -> str:
    return "robots.txt"


def not_found_url() -> str:
    """GitHub Pages serves this file for every missing address, at any depth."""
    return "404.html"


def old_addresses_folder() -> str:
    """The folder of the old addresses no alias page can answer (one with a query, or in
    other letter case), each leading to its page: read by the 404 and search pages."""
    return "dia-chi-cu/"


# Its files: the addresses by a hash of each (old_address_shard), so that an archive of
# 100,000 `?id=` addresses is 256 files of some 50 KB, not one of 12 MB (an address and
# its article's take some 120 bytes: 282 took 33,640 on the 1,000-article bench). The scripts of the
# 404 and search pages name a file as this does: the folder, the number, ".json".
OLD_ADDRESS_SHARDS = 256


def old_addresses_url(shard: int) -> str:
    return f"{old_addresses_folder()}{shard}.json"


def shards_written(shards: Iterable[int]) -> str:
    """Which files of old addresses there are, for the pages' script: hex digit i holds
    files 4i to 4i+3 (bit n % 4 of the digit for file n); "" when there is none."""
    bits = sum(1 << n for n in set(shards))
    return (
        "".join(f"{bits >> 4 * i & 15:x}" for i in range(OLD_ADDRESS_SHARDS // 4)) if bits else ""
    )


def old_address_key(path: str, query: str = "") -> str:
    """An old address (its path, its query without "?") as the 404 and search pages look
    it up: as old_address compares it (old_path; page_query), the query's escapes
    decoded, in NFC and small letters (IIS answered every spelling)."""
    kept = unicodedata.normalize("NFC", unquote(page_query(query))).lower()
    return old_path(path) + (f"?{kept}" if kept else "")


# The portal's number of a page, which a citation cut short still holds: at the start
# of its address's last part (Liferay's `view_content/744225-ke-hoach….html`), at its
# end (`tong-ket-nam-2019-766.html`), or the whole part (`content/id/12345`); three
# digits or more, not a year (`tong-ket-2019.html`). js/old-address.js reads it alike.
_PAGE_NUMBER = re.compile(r"([0-9]{3,})(?:[-.].*)?|.*-([0-9]{3,})(?:\.[A-Za-z0-9]{1,5})?")
_A_YEAR = re.compile("(?:19|20)[0-9]{2}")


def page_number(path: str) -> str:
    """The portal's number of an old address's page (its path), or ""."""
    last = unicodedata.normalize("NFC", unquote(path)).rstrip("/").rsplit("/", 1)[-1]
    found = _PAGE_NUMBER.fullmatch(last)
    number = (found[1] or found[2]) if found else ""
    return "" if _A_YEAR.fullmatch(number) else number


def page_number_key(number: str) -> str:
    """The key a page's number is looked up by: `#` is in no path's key."""
    return f"#{number}"


def old_address_shard(key: str) -> int:
    """Which of the files a key is in: FNV-1a over its UTF-16 code units, as the scripts
    hash it (charCodeAt)."""
    h = 0x811C9DC5
    data = key.encode("utf-16-le", "surrogatepass")
    for i in range(0, len(data), 2):
        h = ((h ^ (data[i] | data[i + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return h % OLD_ADDRESS_SHARDS


def standalone_url(address: str) -> str:
    """A standalone page's URL: its file's path below content/pages/, without .md
    (gioi-thieu.md -> gioi-thieu/), so a new title keeps the address readers cite."""
    return f"{address}/"


_SLUG_PART = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def standalone_problem(address: str) -> str:
    """Why a standalone page cannot have ``address``, or "": each part a slug, and the
    first not one of the site's own names, nor a year (articles' years, now or later)."""
    parts = address.split("/")
    if not all(_SLUG_PART.fullmatch(part) for part in parts):
        return "may only hold a-z, 0-9 and single '-' between words"
    first = parts[0]
    if first in own_names():
        return f"begins with '{first}', which the site uses for its own pages"
    if re.fullmatch(r"[0-9]{4}", first):
        return f"begins with '{first}', which is (or will be) the address of a year's articles"
    return ""


def own_names() -> frozenset[str]:
    """The first part of the address of each page the site writes besides its articles,
    years, months and sitemap parts: the names an old address (an alias) must leave to
    them, now and as the site grows. Every fixed page's address function is here."""
    own = [
        output_file(home_url()),
        search_url(),  # with the index's folder, search_bundle_url(), inside it
        archive_url(),
        categories_url(),
        tags_url(),
        feed_url(),
        feeds_url(),
        sitemap_url(),
        robots_url(),
        not_found_url(),
        old_addresses_folder(),
    ]
    return frozenset(url.split("/", 1)[0] for url in own)


def output_path(url: str) -> PurePosixPath:
    """Where a page URL is written inside the output folder."""
    if url == "" or url.endswith("/"):
        return PurePosixPath(url + "index.html")
    return PurePosixPath(url)


def relative_url(from_url: str, to_url: str, offline: bool = False) -> str:
    """The link from the page at ``from_url`` to ``to_url``.

    ``offline`` links name index.html explicitly, since a browser opening
    file:// folders shows a listing instead of the index page. A ``to_url`` written
    from the site's root ("/img/logo.png", as in a template) is the same page.
    """
    to_url = to_url.lstrip("/")
    from_dir = posixpath.dirname(output_file(from_url))
    target = output_file(to_url) if offline else to_url
    is_dir = not offline and (to_url == "" or to_url.endswith("/"))
    rel = _relpath(target or ".", from_dir or ".")
    if is_dir:
        rel = "./" if rel == "." else rel + "/"
    return rel if _NEEDS_NO_QUOTING.match(rel) else quote(rel, safe="/#?=&%.-_~")


# What quote(safe="/#?=&%.-_~") leaves as it is: most links, checked in C.
_NEEDS_NO_QUOTING = re.compile(r"[A-Za-z0-9/#?=&%._~-]*\Z")


def output_file(url: str) -> str:
    """output_path(url) as text; pathlib only for the odd URL it would tidy up."""
    if "//" in url or "/./" in f"/{url}/":
        return output_path(url).as_posix()
    return url + "index.html" if url == "" or url.endswith("/") else url


def file_url(file: str) -> str:
    """The page URL that serves the output ``file`` (output_file's inverse): a folder's
    index.html is the folder. Messages name a file of the site by it. Only a whole
    name: a static `myindex.html` is served as itself."""
    if file == "index.html" or file.endswith("/index.html"):
        return file.removesuffix("index.html")
    return file


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for two site-relative paths, without its getcwd() and
    abspath() calls: pages hold dozens of links, so this runs a million times
    in a big build."""
    path, start = posixpath.normpath(path), posixpath.normpath(start)
    if path.startswith(("/", "..")) or start.startswith(("/", "..")):
        return posixpath.relpath(path, start)  # leaves the site: let posixpath decide
    to_parts = [] if path == "." else path.split("/")
    from_parts = [] if start == "." else start.split("/")
    common = 0
    for a, b in zip(to_parts, from_parts, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(from_parts) - common) + to_parts[common:]
    return "/".join(parts) or "."


def link(from_url: str, to_url: str, base_url: str, offline: bool = False) -> str:
    """The href for ``to_url`` on the page at ``from_url``.

    The 404 page is shown at whatever address was missing, so a relative link
    from it would point anywhere: it links by absolute path (base path + URL).
    Offline there is no server to show it, so it keeps relative links.
    """
    if from_url == not_found_url() and not offline:
        return base_path(base_url) + quote(to_url.lstrip("/"), safe="/#?=&%.-_~")
    return relative_url(from_url, to_url, offline)


def linker(from_url: str, base_url: str, offline: bool = False) -> Callable[[str], str]:
    """``link`` from one page, its folders worked out once: a page holds dozens of
    links and a big build a million, most of them plain paths (those are "../" for each
    of the page's folders that the target does not share, then the rest of the target;
    any other goes through ``link``)."""
    if offline or from_url == not_found_url():
        return functools.partial(_link_from, from_url, base_url, offline)
    from_dir = posixpath.dirname(output_file(from_url))
    folders = from_dir.split("/") if from_dir else []
    if any(folder in ("", ".", "..") for folder in folders):  # no page's: relpath decides
        return functools.partial(relative_url, from_url)
    first = folders[0] if folders else ""
    up = "../" * len(folders)

    def to(target: str) -> str:
        if not _PLAIN_PATH.match(target):
            return relative_url(from_url, target)
        if target.partition("/")[0] != first:
            return up + target
        # An article linking to others of its month, a list page to its neighbours.
        folder = not target or target.endswith("/")
        parts = target[:-1].split("/") if folder else target.split("/")
        shared = 0
        for mine, theirs in zip(folders, parts, strict=False):
            if mine != theirs:
                break
            shared += 1
        rel = "/".join([".."] * (len(folders) - shared) + parts[shared:]) or "."
        if folder:
            return "./" if rel == "." else rel + "/"
        return rel

    return to


# A path whose relative link is itself: "/"-separated parts that need no quoting and
# are neither empty nor "." or "..", the last part possibly empty (a folder).
_PLAIN_PATH = re.compile(
    r"(?:[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*/)*(?:[A-Za-z0-9_~%-][A-Za-z0-9._~%-]*)?\Z"
)


def _link_from(from_url: str, base_url: str, offline: bool, to_url: str) -> str:
    return link(from_url, to_url, base_url, offline)


def body_link(from_url: str, written: str, base_url: str, offline: bool = False) -> str | None:
    """The href, on the page at ``from_url``, of an address inside the site that an
    editor wrote in an article body, or None to keep it as written.

    A root-relative address ("/2019/04/x/#p", "/images/a.jpg") becomes a link like the
    templates' (relative, or by absolute path from the 404 page); a relative one is
    right as written, except offline, where a folder needs its index.html named, and
    in NFD escapes (in_nfc). A last part without an extension names a page's folder (as
    in alias_url)."""
    written_path, has_query, query = written.split("#", 1)[0].partition("?")
    path = in_nfc(written_path)
    fragment = written.partition("#")[2]
    last = path.rsplit("/", 1)[-1]
    folder = not last or "." not in last
    if path.startswith("/"):
        path = path.lstrip("/")
        href = link(from_url, path + ("/" if last and folder else ""), base_url, offline)
    elif offline and folder:
        href = path + ("/" if last else "") + "index.html"
    elif path != written_path:
        href = path
    else:
        return None
    return href + (f"?{query}" if has_query else "") + (f"#{fragment}" if fragment else "")


def body_link_file(from_url: str, written: str) -> str:
    """The output file (as from output_file) that an address inside the site, written
    in the body of the page at ``from_url``, leads to: root-relative from the site's
    root, relative from the page. A path without an extension leads to its index.html;
    ".." beyond the site's root stays in the result, which names no file."""
    path = unicodedata.normalize("NFC", unquote(urlsplit(written.strip()).path))
    if path.startswith("/"):
        path = path.lstrip("/")
    else:
        path = posixpath.join(posixpath.dirname(output_file(from_url)), path)
    last = path.rsplit("/", 1)[-1]
    folder = not last or "." not in last  # as body_link
    path = posixpath.normpath(path) if path else "."
    return "index.html" if path == "." else path + ("/index.html" if folder else "")


def in_nfc(path: str) -> str:
    """A path as written in a link, its letters in NFC where its escapes spell them apart
    (NFD: tin-tu%CC%9B%CC%81c, as a Mac's WARC records an address): the site's files are
    named in NFC (alias_url, static files) and a static host looks names up byte for byte,
    so the NFD spelling of an address found no page. (The text of a file is NFC already.)"""
    if "%" not in path:  # most links: nothing to decode
        return path
    decoded = unquote(path)
    if unicodedata.is_normalized("NFC", decoded):
        return path  # as written, its escapes too
    return quote(unicodedata.normalize("NFC", decoded), safe="/:@!$&'()*+,;=~")


def contact_url(contact: str) -> str:
    """The link to site.yaml's `contact`: a web address as it is, an e-mail address
    (config keeps it without mailto:) for the reader's mail program."""
    return contact if "://" in contact else f"mailto:{contact}"


def absolute_url(base_url: str, url: str) -> str:
    return base_url.rstrip("/") + "/" + quote(url, safe="/#?=&%.-_~")


def at_base(link: str, base_url: str) -> str:
    """``link`` at the scheme and host (port and all) of ``base_url``: where an archive
    served at the old portal's domain answers the portal's address (check.py), whichever
    scheme or port the portal's link was written with."""
    base = urlsplit(base_url)
    return urlunsplit(urlsplit(link)._replace(scheme=base.scheme, netloc=base.netloc))


def base_path(base_url: str) -> str:
    """The path part of the base URL, e.g. "/repo/" for a GitHub Pages project."""
    match = re.match(r"^[a-z]+://[^/]+(/.*)?$", base_url)
    path = (match.group(1) if match else None) or "/"
    return path if path.endswith("/") else path + "/"


def alias_url(alias: str) -> str:
    """An old CMS address as a page URL.

    An address ending in / or whose last part does not end in .html or .htm becomes a
    folder with an index.html (a static host answers /old/page with /old/page/);
    percent-escapes are decoded, since the file name is what the server looks up. In NFC:
    a WARC records the address a Mac sent in NFD (tin-tu%CC%9B%CC%81c), but links spell it
    in NFC, as browsers send it, and a static host looks names up byte for byte; one name
    on every file system (macOS takes the two for one file), as the build must write.
    """
    path = unicodedata.normalize("NFC", unquote(alias)).lstrip("/")
    last = path.rsplit("/", 1)[-1]
    # A redirect page written at /tin/a.aspx is served as a file to download: a folder
    # of that name, with its index.html, is served as a page (the host answers /tin/a.aspx
    # with /tin/a.aspx/).
    if last and not last.lower().endswith(PAGES):
        path += "/"
    return path


def leads_to(file: str, files: Container[str]) -> bool:
    """Whether a link to the output file ``file`` (as body_link_file gives it) is answered
    by a site with ``files``: by the file, or by the folder of that name that an old
    address became (/tin/a.aspx is the folder /tin/a.aspx/, see alias_url)."""
    return file in files or folder_index(file) in files


def folder_index(folder: str) -> str:
    """The output file that answers for ``folder`` (a path of the site without its final
    /; "" for the site's root): its index.html, as a static host serves it."""
    return f"{folder}/index.html" if folder else "index.html"


# An old address copied without its http:// (`quanhaibatrung.hanoi.gov.vn/tin/a.html`):
# its first part is a host name, `www.` or a name ending in a top-level domain that
# portals have, not a folder of the site (`index.php` is not).
HOST_NAME = re.compile(
    r"(?i)www\.[a-z0-9.-]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|info|edu|gov|biz)"
)


def alias_problem(alias: str, base_url: str = "") -> str:
    """Why an alias cannot become a file on the site (at ``base_url``), or "" when it can."""
    if "://" in alias or alias.startswith("//"):
        return _full_address(alias, base_url)
    host, _, rest = alias.lstrip("/").partition("/")
    if HOST_NAME.fullmatch(host):  # a page that answered no one (/hanoi.gov.vn/tin/a.html)
        return f"starts with the host name {host}: the alias is the path after it, /{rest}"
    try:
        decoded = unquote(alias, errors="strict")
    except UnicodeDecodeError:  # %E0 from an old Latin-1 portal: no UTF-8 file name is it
        return "has percent-escapes that are not UTF-8 text, which no file name here can answer"
    path = decoded.lstrip("/")
    if not path:
        return "is the home page"
    if re.match(r"[A-Za-z]:", path):  # Path(output) / "C:/x" is C:/x itself on Windows
        return (
            f"starts with {path[:2]}, a Windows drive: built on Windows, its page would be "
            "written there, outside the site"
        )
    if any(ch in decoded for ch in "?#\\") or any(ord(ch) < 32 for ch in decoded):
        return "contains a character that cannot be part of a file name"
    parts = PurePosixPath(path).parts
    if any(part in ("..", ".") for part in parts) or "//" in path:
        return "must not contain '.', '..' or '//' parts"
    if any(part.startswith(".") for part in parts):
        # Hidden names are not pages: `.git` in the site, the build's own marks
        # (`.newsarchive-spare`, never published: the alias silently went nowhere).
        return "has a part that starts with '.' (a hidden name, such as .git)"
    return ""


def _full_address(alias: str, base_url: str) -> str:
    """Why a whole address (the portal's page, or the archive's own, copied from the
    browser) is no alias, with the path to write when it has one that could be."""
    try:
        parts = urlsplit(alias)
    except ValueError:  # a bracketed host that is no IPv6 address
        parts = None
    own = _after_base(parts, base_url) if parts else None
    path = own if own is not None else parts.path if parts else ""
    if parts is None or parts.query or path.strip("/") == "" or alias_problem(path):
        return "is a full web address, not a path on this site"
    if own is not None:  # under a sub-path, the path after the host is not the alias
        return (
            f"is this archive's own address (base_url {base_url}): an alias is written as "
            f"the path after it, {own}"
        )
    return f"is a full web address: an old address is written as the path after its host, {path}"


def on_site(address: str, base_url: str) -> bool:
    """Whether the whole ``address`` (a scheme and host, or //host) is a page of the
    archive at ``base_url``: http or https, its host however it is spelt, under its
    path, with no part that climbs out of it (`..`, `%2e%2e`, which browsers resolve)."""
    try:
        parts = urlsplit(address)
    except ValueError:  # a bracketed host that is no IPv6 address
        return False
    if parts.scheme not in ("http", "https", "") or not parts.netloc:
        return False
    if any(part in (".", "..") for part in unquote(parts.path).split("/")):
        return False
    return _after_base(parts, base_url) is not None


def _after_base(parts: SplitResult, base_url: str) -> str | None:
    """The path of the address ``parts`` after ``base_url`` when it is on the archive's
    own site, or None."""
    site = urlsplit(base_url)
    if not base_url or same_host(parts.netloc) != same_host(site.netloc):
        return None
    if not (parts.path + "/").startswith(site.path):
        return None
    return "/" + parts.path[len(site.path) :]


# Query parameters that only say where a page was reached from: Liferay's "back" link
# (`?redirect=...`, a different one on each list page) and trackers. Any other parameter
# may name the page itself (`?id=5`, Liferay's `p_p_id=...`) and is kept.
_NAVIGATION = re.compile(r"^(redirect|inheritRedirect|utm_[a-z]+|fbclid|gclid)$")


def page_query(query: str) -> str:
    """A query without the parameters that do not make it another page."""
    if not query:
        return ""
    return "&".join(p for p in query.split("&") if not _NAVIGATION.match(p.split("=", 1)[0]))


def old_address(address: str) -> tuple[str, str, str] | None:
    """How an address on another site compares with the old addresses of the archive's
    pages (their source_url and aliases): its host as every spelling of it compares,
    without `www.`; the file of the site its path would be as an alias (alias_url), so
    that `%20` and a space, or a folder with and without its final `/`, compare equal,
    in small letters; its query, without the parameters that make it no other page
    (page_query, as `import` writes source_url). None: not an http or https address."""
    # As urlsplit reads it, but for its checks of odd addresses: a build reads the
    # source_url of every article, and urlsplit took 30 ms of a rebuild at 10,000.
    scheme, sep, rest = address.strip().partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        return None
    rest, _, query = rest.partition("#")[0].partition("?")
    netloc, slash, path = rest.partition("/")
    if not netloc:
        return None
    return _portal_host(netloc), old_path(slash + path or "/"), page_query(query)


def old_path(path: str) -> str:
    """An old address's path as old_address compares it: the file it would be as an alias,
    in small letters (the portals on IIS answered every spelling, and the build refuses
    two aliases that differ only so), in NFC as alias_url gives it: a WARC records the
    address a Mac sent in NFD (tin-tu%CC%9B%CC%81c), another page links it in NFC, and
    both spell one address."""
    return output_file(alias_url(path)).lower()


@functools.lru_cache(maxsize=64)
def _portal_host(netloc: str) -> str:
    """same_host without `www.`: a portal answered both (an archive's links name a few
    hosts, thousands of times)."""
    return same_host(netloc).removeprefix("www.")


def same_host(netloc: str) -> str:
    """A host as every spelling of it compares: small letters, without a user, the port
    a scheme implies (`:443`, `:80`) or the root's final dot (`hanoi.gov.vn.`)."""
    host = netloc.rsplit("@", 1)[-1].lower()
    for port in (":443", ":80"):
        host = host.removesuffix(port)
    return host.rstrip(".")
