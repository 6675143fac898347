"""The kinds of name an article files itself under, categories and tags: for each, its
front matter's key, what messages call one, its list page's address and how an article
gives its names. taxonomy.py (which groups and checks the names) and renamed.py
(site.yaml's renamed_categories, renamed_tags) both read them here."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import urls
from .content import Article


@dataclass(frozen=True)
class Kind:
    """A kind of name an article files itself under."""

    address: Callable[[str], str]  # of a name's list page
    noun: str  # what the messages call one of its names
    written: str  # how an article gives a name in its front matter ({} the name)
    key: str  # the front matter's key that gives them
    names: Callable[[Article], Sequence[str]]  # an article's names of this kind
    feed: bool  # whether a name's list has a feed


def _category(article: Article) -> Sequence[str]:
    return (article.category,) if article.category else ()


def _tags(article: Article) -> Sequence[str]:
    return article.tags


CATEGORY = Kind(urls.category_url, "category", "category: {}", "category", _category, feed=True)
TAG = Kind(urls.tag_url, "tag", "tags: [{}]", "tags", _tags, feed=False)
KINDS = (CATEGORY, TAG)
