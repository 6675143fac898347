"""A link checker for tests: every internal link in every HTML page must resolve to a file."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from newsarchive.pagelinks import HINTS

LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "form": "action"}
# Served by the host for any missing address, at any depth: only it may link by absolute path.
ANY_DEPTH_PAGES = {"404.html"}


def page_links(html: str) -> list[str]:
    """Every link of a page, including a meta refresh target."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attr in LINK_ATTRS.items():
        for element in soup.find_all(tag):
            value = element.get(attr)
            # A preload is a hint, not a link (the build's checker says why: pagelinks.HINTS).
            if value and not HINTS.intersection(element.get("rel") or ()):
                found.append(value)
    for meta in soup.find_all("meta", attrs={"http-equiv": re.compile("^refresh$", re.I)}):
        match = re.search(r"url\s*=\s*(\S+)", meta.get("content", ""), re.I)
        if match:
            found.append(match.group(1).strip("'\""))
    return found


def is_internal(link: str) -> bool:
    return not urlsplit(link).scheme and not link.startswith(("//", "#"))


def internal_links(html_file: Path) -> list[str]:
    return [link for link in page_links(html_file.read_text(encoding="utf-8")) if is_internal(link)]


def target_file(html_file: Path, link: str) -> Path:
    path = unquote(urlsplit(link).path)
    target = (html_file.parent / path).resolve()
    if link.split("?")[0].split("#")[0].endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(site_root: Path, base_path: str = "/") -> list[str]:
    """'page -> link' for each internal link that does not lead to a file in the site.

    Links must be relative, except on the 404 page, whose absolute paths must
    start with ``base_path`` (where the site is served, e.g. "/repo/").
    """
    root = site_root.resolve()
    broken = []
    for page in sorted(root.rglob("*.html")):
        name = page.relative_to(root).as_posix()
        for link in internal_links(page):
            if link.startswith("/"):
                if name not in ANY_DEPTH_PAGES or not link.startswith(base_path):
                    broken.append(f"{name} -> {link} (absolute path)")
                    continue
                target = target_file(root / "index.html", link[len(base_path) :])
            else:
                target = target_file(page, link)
            if not target.is_file() or not target.is_relative_to(root):
                broken.append(f"{name} -> {link}")
    return broken
