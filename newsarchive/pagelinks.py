"""The ids and links of a built page, and where a link leads among a site's files: what
`check` reads of every page of a site, and the build of one page of each template
(templatelinks.template_files_missing)."""

import difflib
import posixpath
import re
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from . import urls
from .htmltext import short_numbers

LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "form": ("action",),
}
META_LINKS = ("og:url", "og:image", "twitter:image")
# <link rel="preload">: a hint, which no reader follows, and whose file may be missing for
# good reason (the search page's names the index, which a site without articles lacks):
# it costs a request, it is not a broken link.
HINTS = frozenset({"preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch"})
NO_FILE = "leads to no file in the site"
OUTSIDE_BASE = "is an absolute path outside the site's base path"
# <meta http-equiv="refresh" content="0; url=../target/">: what an alias page leads to.
_REFRESH = re.compile(r"^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(?P<url>.*)$", re.I | re.S)
# url(x), url('x'), url("x") in a style sheet; comments taken out first.
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


@dataclass(frozen=True)
class ReadPage:
    """What check and the build read out of a built page (not pagedata.PageData, what a
    template is given)."""

    ids: frozenset[str]
    duplicate_ids: tuple[str, ...]
    links: tuple[str, ...]
    # The links a page follows; the template's deliberate references to the original
    # portal (the footer's, "original page") carry rel="nofollow" and are not among them.
    followed: tuple[str, ...] = ()
    empty: bool = False
    refresh: str = ""  # where an alias page sends the reader (its meta refresh)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()
        self.anchors: set[str] = set()
        self.links: list[str] = []
        self.followed: list[str] = []
        self.refresh = ""
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        if "id" in values:
            self.ids[values["id"]] += 1
        if tag == "a" and "name" in values:
            self.anchors.add(values["name"])
        found = []
        hint = tag == "link" and not HINTS.isdisjoint(values.get("rel", "").lower().split())
        for attr in () if hint else LINK_ATTRIBUTES.get(tag, ()):
            value = values.get(attr, "").strip()
            if attr == "srcset":
                found += [c.strip().split(" ")[0] for c in value.split(",") if c.strip()]
            elif value:
                found.append(value)
        if tag == "meta" and (values.get("property") or values.get("name")) in META_LINKS:
            found.append(values.get("content", "").strip())
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = _REFRESH.match(values.get("content", ""))
            target = match.group("url").strip().strip("'\"") if match else ""
            if target:
                found.append(target)
                self.refresh = target
        if "style" in values:
            found += css_links(values["style"])
        self.links += found
        if "nofollow" not in values.get("rel", "").split():
            self.followed += found
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            found = css_links(data)
            self.links += found
            self.followed += found


def css_links(css: str) -> list[str]:
    """The addresses in the url(...) of a style sheet or style attribute."""
    return [
        next(filter(None, found), "").strip()
        for found in _CSS_URL.findall(_CSS_COMMENT.sub("", css))
    ]


def css_link_places(css: str) -> dict[str, list[int]]:
    """Where each address of css_links is written in ``css``: the offset of its first
    letter, each time it is, in order (a comment's is none)."""
    blanked = _CSS_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), css)
    places: dict[str, list[int]] = {}
    for match in _CSS_URL.finditer(blanked):
        group = next(g for g in (1, 2, 3) if match[g] is not None)
        address = match[group]
        at = match.start(group) + len(address) - len(address.lstrip())
        places.setdefault(address.strip(), []).append(at)
    return places


def read_page(html: str) -> ReadPage:
    parser = _PageParser()
    # html.parser unescapes with html.unescape, which raises on a reference by a number
    # of thousands of digits: a page the build wrote from such an article stopped check.
    parser.feed(short_numbers(html))
    parser.close()
    return ReadPage(
        ids=frozenset(parser.ids) | frozenset(parser.anchors),
        duplicate_ids=tuple(sorted(i for i, n in parser.ids.items() if n > 1)),
        # Interned: every page repeats the menu's and footer's links, and a batch read
        # by a worker then sends each once (100,000 articles: 4.5 million links).
        links=tuple(map(sys.intern, parser.links)),
        followed=tuple(map(sys.intern, parser.followed)),
        empty=not html.strip(),
        refresh=parser.refresh,
    )


def from_root(page: str, link: str, base: str) -> str:
    """A link of the page ``page`` as an address from the site's root ("/lien-he/", the
    404 page's "/repo/lien-he/" too); an address with a scheme, or from the root but
    outside the site's ``base`` path, as it is."""
    if link.startswith(base) and base != "/":
        return "/" + link.removeprefix(base)
    if link.startswith("/") or urlsplit(link).scheme:
        return link
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), link))
    return "/" if path == "." else "/" + path + ("/" if link.endswith("/") else "")


class Resolver:
    def __init__(self, base_url: str, files: set[str], pages: Mapping[str, ReadPage]):
        self.base_url = base_url.rstrip("/") + "/"
        self.base_path = urls.base_path(self.base_url)
        self.files = files
        self.pages = pages

    def is_internal(self, link: str) -> bool:
        parts = urlsplit(link)
        if link.startswith("//"):
            return link.startswith(self.base_url.split(":", 1)[1])
        if parts.scheme:
            return link.startswith(self.base_url)
        return True

    def problem(self, page: str, link: str, follow: bool = True) -> str:
        """Why ``link`` on the page at ``page`` leads nowhere, or "" when it resolves
        (a #fragment through one alias page at most: ``follow``)."""
        if not link or not self.is_internal(link):
            return ""
        parts = urlsplit(link)
        path = unquote(parts.path)
        if path.startswith("/"):
            if not (path + "/").startswith(self.base_path):
                return f"{OUTSIDE_BASE} {self.base_path}"
            target = path[len(self.base_path) :]
        elif path:
            target = posixpath.join(posixpath.dirname(page), path)
        else:
            target = page  # "#fragment" or "?query": this page
        target = posixpath.normpath(target)
        if target == ".." or target.startswith("../"):
            return "leads outside the site"
        found = self._file("" if target == "." else target, path.endswith("/") or target == ".")
        if found is None:
            return NO_FILE
        fragment = unquote(parts.fragment)
        if not fragment or fragment == "top" or found not in self.pages:
            return ""
        if self.pages[found].refresh and follow:
            # An old address (alias page) sends the reader on with the #fragment kept
            # (templates/redirect.html): the heading is looked for where it leads.
            return self.problem(found, f"{self.pages[found].refresh}#{parts.fragment}", False)
        ids = self.pages[found].ids
        if fragment not in ids:
            # A heading reworded changes its id: the one it likely became.
            near = difflib.get_close_matches(fragment, sorted(ids), 1, 0.7)
            has = f" (it has '#{near[0]}')" if near else ""
            # The link says its page and #fragment: the page is named only when an
            # old address (follow spent) led to it.
            page = "a page" if follow else f"/{urls.file_url(found)} (where its old address leads)"
            return f"opens {page} without the heading or id it names{has}"
        return ""

    def held_here(self, page: str, link: str, held: str | None = None) -> str:
        """What to link instead of ``link`` to the old portal when the archive holds that
        page, or "": ``held``, where the build leads such a link (heldlinks.py), or, for
        a site built elsewhere, the page its old address answers with."""
        parts = urlsplit(link)
        if held is not None:
            found = urls.output_file(urlsplit(held).path.lstrip("/"))
        else:
            alias = urls.output_file(urls.alias_url(parts.path or "/"))
            moved = self.pages.get(alias)
            if (
                parts.query
                or moved is None
                or not moved.refresh
                or self.problem(alias, moved.refresh)
            ):
                return ""
            path = unquote(urlsplit(moved.refresh).path)
            if path.startswith("/"):
                target = path[len(self.base_path) :]
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(alias), path))
            found = self._file(target, path.endswith("/")) or ""
        address = urls.file_url(found)
        instead = urls.relative_url(page, address) + (
            f"#{parts.fragment}" if parts.fragment else ""
        )
        why = "" if held is not None else f" (its old address {parts.path} leads there)"
        return (
            f"the archive holds that page, /{address}{why}: link to it with {instead!r}, "
            "which works wherever the archive is served"
        )

    def _file(self, target: str, is_folder: bool) -> str | None:
        index = urls.folder_index(target)
        if is_folder:
            return index if index in self.files else None
        if target in self.files:
            return target
        # A folder without the trailing slash: GitHub Pages redirects to it.
        return index if index in self.files else None
