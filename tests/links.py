"""A link checker for tests: every internal link in every HTML page must resolve to a file."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "form": "action"}


def internal_links(html_file: Path) -> list[str]:
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    found = []
    for tag, attr in LINK_ATTRS.items():
        for element in soup.find_all(tag):
            value = element.get(attr)
            if value and not urlsplit(value).scheme and not value.startswith(("//", "#")):
                found.append(value)
    return found


def target_file(html_file: Path, link: str) -> Path:
    path = unquote(urlsplit(link).path)
    target = (html_file.parent / path).resolve()
    if link.split("?")[0].split("#")[0].endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(site_root: Path) -> list[str]:
    """'page -> link' for each relative link that does not lead to a file in the site."""
    root = site_root.resolve()
    broken = []
    for page in sorted(root.rglob("*.html")):
        for link in internal_links(page):
            if link.startswith("/"):
                broken.append(f"{page.relative_to(root)} -> {link} (absolute path)")
                continue
            target = target_file(page, link)
            if not target.is_file() or not target.is_relative_to(root):
                broken.append(f"{page.relative_to(root)} -> {link}")
    return broken
