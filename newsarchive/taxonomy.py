"""The groupings of articles: by category, by tag and by month, oldest first."""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from . import urls
from .content import Article


@dataclass(frozen=True)
class Term:
    """A category or a tag: its slug, its display name and its articles, oldest first."""

    slug: str
    name: str
    articles: tuple[Article, ...]


def group_terms(oldest: Sequence[Article], names: Callable[[Article], Iterable[str]]) -> list[Term]:
    """Terms sorted by slug. Spellings with the same slug ("Cán bộ", "cán bộ") are
    one term, named as its oldest article spells it, so new articles never rename it."""
    members: dict[str, list[Article]] = defaultdict(list)
    spelling: dict[str, str] = {}
    for article in oldest:
        for name in names(article):
            slug = urls.term_slug(name)
            members[slug].append(article)
            spelling.setdefault(slug, name)
    return [Term(slug, spelling[slug], tuple(members[slug])) for slug in sorted(members)]


def categories(oldest: Sequence[Article]) -> list[Term]:
    return group_terms(oldest, lambda a: [a.category] if a.category else [])


def tags(oldest: Sequence[Article]) -> list[Term]:
    return group_terms(oldest, lambda a: a.tags)


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    articles: tuple[Article, ...]  # oldest first


def months(oldest: Sequence[Article]) -> list[Month]:
    """Months that have articles, oldest first."""
    key = lambda a: (a.published.year, a.published.month)  # noqa: E731
    return [Month(y, m, tuple(group)) for (y, m), group in groupby(oldest, key)]
