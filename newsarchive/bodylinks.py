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
            (forms, f"the link {forms[0]} leads to no page or file of this site", MISSING_HINT)
            for forms in site_links(html)
            if urls.body_link_file(page, forms[0]) not in files
        ]
        found += [
            (forms, f"the link address {forms[0]!r} is not allowed: it was left out", UNSAFE_HINT)
            for forms in unsafe_links(html)
        ]
        if found:
            where = _Lines(Path(article.path))
            problems += [
                ContentError(
                    Path(article.path), message, hint, where.next(*forms), None, not as_errors
                )
                for forms, message, hint in found
            ]
    return problems


class _Lines:
    """Where addresses are written in a file, after its front matter: the first time
    an address is asked for, its first occurrence; the next time, the next one."""

    def __init__(self, path: Path):
        try:
            lines = normalise_text(path.read_bytes()).splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        start = _front_matter_end(lines)
        # As Markdown reads them: tabs expanded to 4 columns.
        self.lines = [(n, line.expandtabs(4)) for n, line in enumerate(lines, 1)][start:]
        self.asked: dict[str, int] = {}

    def next(self, decoded: str, serialised: str) -> int | None:
        """None when Markdown changed the address beyond recognition."""
        for written in dict.fromkeys((serialised, decoded)):
            occurrences = [n for n, line in self.lines for _ in range(line.count(written))]
            if occurrences:
                seen = self.asked.get(written, 0)
                self.asked[written] = seen + 1
                return occurrences[min(seen, len(occurrences) - 1)]
        return None


def _front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() == "---":
                return number
    return 0
