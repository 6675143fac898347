"""After rendering: the links that editors wrote in article bodies, checked on every build.

A link inside the site that leads to no page or file (a mistyped address, a deleted
article, a picture never put in static/), and an address refused by
linksafety.is_safe_url (left out of the page), are reported by the article's file and
the line of the address. They are warnings; `--strict` makes them errors. Every
article is checked from its body's HTML (cached), so a link broken by another
article's deletion is reported although its own page did not change.
"""

from collections.abc import Iterable, Mapping
from pathlib import Path

from . import urls
from .content import Article
from .errors import ContentError
from .load import normalise_text
from .markup import site_links, unsafe_links

MISSING_HINT = (
    "correct the address (an article is at /yyyy/mm/slug/, a file of static/ at its path "
    "there, e.g. /images/anh.jpg) or remove the link"
)
UNSAFE_HINT = "use an address that starts with http://, https://, mailto: or tel:, or a path"


def body_link_problems(
    articles: Iterable[Article],
    bodies: Mapping[str, str],
    files: set[str],
    as_errors: bool = False,
) -> list[ContentError]:
    """``bodies``: each body's HTML by digest (markup.py marks its links);
    ``files``: every output file of the site (as urls.output_file gives them)."""
    problems = []
    for article in articles:
        html = bodies[article.body_digest]
        page = urls.article_url(article)
        found = [
            (written, f"the link {written} leads to no page or file of this site", MISSING_HINT)
            for written in site_links(html)
            if urls.body_link_file(page, written) not in files
        ]
        found += [
            (written, f"the link address {written!r} is not allowed: it was left out", UNSAFE_HINT)
            for written in unsafe_links(html)
        ]
        if found:
            lines = _lines(Path(article.path))
            problems += [
                ContentError(
                    Path(article.path), message, hint, _line_of(written, lines), None, not as_errors
                )
                for written, message, hint in found
            ]
    return problems


def _lines(path: Path) -> list[str]:
    try:
        return normalise_text(path.read_bytes()).splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _line_of(written: str, lines: list[str]) -> int | None:
    """The line of the file where the address is written (the first, after the front
    matter when it is there too); None when Markdown changed it beyond recognition."""
    start = _front_matter_end(lines)
    for number, line in enumerate(lines[start:], start=start + 1):
        if written in line:
            return number
    return None


def _front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() == "---":
                return number
    return 0
