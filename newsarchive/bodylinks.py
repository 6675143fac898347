"""After rendering: the links that editors wrote in article bodies, checked on every build.

A link inside the site that leads to no page or file (a mistyped address, a deleted
article, a picture never put in static/), and an address refused by
linksafety.is_safe_url (left out of the page), are reported by the article's file and
the line of the address. They are warnings; `--strict` makes them errors. Every
article is checked from its body's HTML (cached), so a link broken by another
article's deletion is reported although its own page did not change.
"""

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from . import urls
from .content import Article
from .errors import Problem
from .markup import SITE, UNSAFE, marked_links
from .yamltext import normalise_text

MISSING_HINT = (
    "correct the address (an article is at /yyyy/mm/slug/, a file of static/ at its path "
    "there, e.g. /images/anh.jpg) or remove the link"
)
UNSAFE_HINT = "use an address that starts with http://, https://, mailto: or tel:, or a path"
Links = tuple[tuple[str, str, str], ...]  # as markup.marked_links gives them


def body_link_problems(
    articles: Iterable[Article],
    links: Mapping[str, Links],
    files: set[str],
    as_errors: bool = False,
) -> list[Problem]:
    """``links``: the marked links of each body, by digest (see `body_links`);
    ``files``: every output file of the site (as urls.output_file gives them)."""
    problems = []
    for article in articles:
        found = []
        for kind, decoded, serialised in links[article.body_digest]:
            if kind == UNSAFE:
                message = f"the link address {decoded!r} is not allowed: it was left out"
                found.append((decoded, serialised, message, UNSAFE_HINT))
            elif (
                kind == SITE
                and urls.body_link_file(urls.article_url(article), decoded) not in files
            ):
                message = f"the link {decoded} leads to no page or file of this site"
                found.append((decoded, serialised, message, MISSING_HINT))
        if found:
            path, where = Path(article.path), Lines(Path(article.path))
            problems += [
                Problem(path, message, hint, where.next(decoded, serialised), None, True)
                for decoded, serialised, message, hint in found
            ]
    return [replace(p, warning=False) for p in problems] if as_errors else problems


def body_links(
    bodies: Mapping[str, str], known: Mapping[str, Links], digests: Iterable[str]
) -> dict[str, Links]:
    """The marked links of the bodies ``digests``: from ``known`` (what an earlier build
    found), else from their HTML in ``bodies``."""
    return {d: known[d] if d in known else marked_links(bodies[d]) for d in digests}


class Lines:
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
