"""The URL scheme: every page URL and output path is computed here and only here.

A page URL is site-relative, without a leading slash: "" is the home page,
"2019/04/slug/" an article, "404.html" a file. Links between pages are always
relative, so one built site works at a domain root and under a sub-path.
"""

import posixpath
import re
from pathlib import PurePosixPath
from urllib.parse import quote

from .content import Article

ALIAS_HINT = (
    "write the old address as a path on the site, e.g. /tin-tuc-su-kien/abc-123.html "
    "or /tin-tuc/abc/ (no http://, no '..', no '?' or '#')"
)


def article_url(article: Article) -> str:
    published = article.published
    return f"{published.year:04d}/{published.month:02d}/{article.slug}/"


def home_url() -> str:
    return ""


def search_url() -> str:
    return "tim-kiem/"


def search_bundle_url() -> str:
    """The folder the search indexer writes its index and JS library to."""
    return "pagefind/"


def output_path(url: str) -> PurePosixPath:
    """Where a page URL is written inside the output folder."""
    if url == "" or url.endswith("/"):
        return PurePosixPath(url + "index.html")
    return PurePosixPath(url)


def relative_url(from_url: str, to_url: str, offline: bool = False) -> str:
    """The link from the page at ``from_url`` to ``to_url``.

    ``offline`` links name index.html explicitly, since a browser opening
    file:// folders shows a listing instead of the index page.
    """
    from_dir = posixpath.dirname(output_path(from_url).as_posix())
    target = output_path(to_url).as_posix() if offline else to_url
    is_dir = not offline and (to_url == "" or to_url.endswith("/"))
    rel = posixpath.relpath(target or ".", from_dir or ".")
    if is_dir:
        rel = "./" if rel == "." else rel + "/"
    return quote(rel, safe="/#?=&%.-_~")


def absolute_url(base_url: str, url: str) -> str:
    return base_url.rstrip("/") + "/" + quote(url, safe="/#?=&%.-_~")


def base_path(base_url: str) -> str:
    """The path part of the base URL, e.g. "/repo/" for a GitHub Pages project."""
    match = re.match(r"^[a-z]+://[^/]+(/.*)?$", base_url)
    path = (match.group(1) if match else None) or "/"
    return path if path.endswith("/") else path + "/"


def alias_url(alias: str) -> str:
    """An old CMS address as a page URL; old pages ending in / get an index.html."""
    return alias.lstrip("/")


def alias_problem(alias: str) -> str:
    """Why an alias cannot become a file on the site, or "" when it can."""
    path = alias.lstrip("/")
    if not path:
        return "is the home page"
    if "://" in alias or alias.startswith("//"):
        return "is a full web address, not a path on this site"
    if any(ch in alias for ch in "?#\\") or any(ord(ch) < 32 for ch in alias):
        return "contains a character that cannot be part of a file name"
    parts = PurePosixPath(path).parts
    if any(part in ("..", ".") for part in parts) or "//" in path:
        return "must not contain '.', '..' or '//' parts"
    return ""
