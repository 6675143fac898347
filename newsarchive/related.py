"""Related articles: for each article, a few earlier ones sharing its tags or category.

Only earlier articles count (in the oldest-first order), so adding a newer article
changes no older page, and a later build reuses what still holds (``Related``).
"""

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from . import urls
from .content import Article

RELATED_LIMIT = 3  # each costs some 200 bytes on every article page (issue 17)
# How many earlier articles of each shared category/tag are scored for "related":
# bounds the work for a 10,000-article archive with tags on thousands of articles.
RELATED_WINDOW = 30


@dataclass(frozen=True)
class Related:
    """Related articles by position in the oldest-first list, with what decided them.

    ``keys[i]`` is article i's categories and tags as numbers, in order of first use;
    ``picks[i]`` the positions of its related articles. Both depend only on the keys
    of articles 0..i, so a later build whose list starts with the same keys can
    reuse the picks of that start: adding a newer article scores only that one."""

    keys: tuple[tuple[int, ...], ...] = ()
    picks: tuple[tuple[int, ...], ...] = ()


def related_articles(
    oldest: Sequence[Article], earlier: Related = Related(), limit: int = RELATED_LIMIT
) -> Related:
    """For each article of ``oldest``, a few EARLIER articles sharing its tags or
    category: more shared tags first, then the most recent.

    Only earlier articles count, so adding a new article changes no older page.
    """
    # Tags and categories as small numbers, and an article's as the bits of an int: what
    # two articles share is one `&` and a bit count, in C (frozensets intersected took two
    # thirds of the time: 0.3 s at 10,000 articles, each scoring some 75 earlier ones).
    number: dict[tuple[str, str], int] = {}
    members: list[list[int]] = []  # key -> ordinals of its articles, oldest first
    # Per article: the numbers of its tags and category, then the category's again
    # (or -1), so that equal keys mean equal scores.
    keys: list[tuple[int, ...]] = []
    masks: list[int] = []
    for i, article in enumerate(oldest):
        names = [("t", urls.term_slug(t)) for t in article.tags]
        if article.category:
            names.append(("c", urls.term_slug(article.category)))
        ordinals = []
        for name in names:
            if name not in number:
                number[name] = len(members)
                members.append([])
            ordinals.append(number[name])
        mask = 0
        for key in set(ordinals):
            members[key].append(i)
            mask |= 1 << key
        keys.append((*ordinals, ordinals[-1] if article.category else -1))
        masks.append(mask)
    same = 0
    for before, now in zip(earlier.keys, keys, strict=False):
        if before != now:
            break
        same += 1
    picks = list(earlier.picks[:same])
    # A candidate as one int, its score above its position: sorted in C, largest first, it
    # is the most shared, then the most recent, with no tuple or key function per candidate.
    shift = len(keys).bit_length()
    position = (1 << shift) - 1
    for i in range(same, len(keys)):
        mask = masks[i]
        category = keys[i][-1]
        category_bit = 1 << category if category >= 0 else 0
        scores: dict[int, int] = {}
        for key in set(keys[i][:-1]):
            end = bisect_left(members[key], i)  # its articles before this one
            for j in members[key][max(0, end - RELATED_WINDOW) : end]:
                if j not in scores:
                    theirs = masks[j]
                    # A shared tag says more than a shared (broad) category: 2 and 1.
                    score = 2 * (mask & theirs).bit_count() - ((theirs & category_bit) != 0)
                    scores[j] = score << shift | j
        best = sorted(scores.values(), reverse=True)[:limit]
        picks.append(tuple(value & position for value in best))
    return Related(tuple(keys), tuple(picks))
