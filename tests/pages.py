"""Reading built pages in tests: parse a page by its site URL, resolve its links."""

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def output_file(root: Path, url: str) -> Path:
    return root / (url + "index.html" if url == "" or url.endswith("/") else url)


def soup(root: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(output_file(root, url).read_text(encoding="utf-8"), "html.parser")


def resolve(page_url: str, href: str) -> str:
    """The site URL a relative link on the page at ``page_url`` points to."""
    base = posixpath.dirname(output_file(Path(), page_url).as_posix())
    target = posixpath.normpath(posixpath.join(base, unquote(href)))
    if target == ".":
        return ""
    if target.endswith("/index.html") or target == "index.html":
        return target[: -len("index.html")]
    return target + "/" if href.endswith("/") or href in (".", "./") else target


def listed(root: Path, url: str, selector: str = ".article-list h2 a") -> list[str]:
    """The site URLs of the articles a list page shows, in page order."""
    return [resolve(url, a["href"]) for a in soup(root, url).select(selector)]


def link(root: Path, url: str, selector: str) -> str | None:
    """Where the first element matching ``selector`` on a page links to, if any."""
    found = soup(root, url).select_one(selector)
    return resolve(url, found["href"]) if found else None


def sitemap_parts(output: Path, base: str) -> dict[str, ET.Element]:
    """The parts the sitemap index lists, by address (``base``: the site's base_url)."""
    index = ET.fromstring((output / "sitemap.xml").read_bytes())
    assert index.tag == f"{SITEMAP}sitemapindex"
    parts = [s.findtext(f"{SITEMAP}loc") for s in index.findall(f"{SITEMAP}sitemap")]
    return {url: ET.fromstring((output / url.removeprefix(base)).read_bytes()) for url in parts}
