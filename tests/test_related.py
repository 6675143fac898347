"""related.py on its own: earlier articles sharing tags or category, reused across builds."""

from support import make_article

from newsarchive.related import Related, related_articles


def test_only_earlier_articles_sharing_a_term_are_related():
    oldest = [
        make_article(0, tags=("a",)),
        make_article(1, tags=("b",)),
        make_article(2, tags=("a", "b")),
        make_article(3, tags=("c",)),
    ]
    picks = related_articles(oldest).picks
    assert picks[0] == ()
    assert set(picks[2]) == {0, 1}
    assert picks[3] == ()


def test_a_shared_tag_counts_more_than_a_shared_category():
    oldest = [
        make_article(0, tags=("a",)),
        make_article(1, category="Tin"),
        make_article(2, category="Tin", tags=("a",)),
    ]
    assert related_articles(oldest).picks[2] == (0, 1)


def test_at_most_limit_picks_most_recent_first_among_equals():
    oldest = [make_article(n, tags=("a",)) for n in range(8)]
    assert related_articles(oldest, limit=3).picks[7] == (6, 5, 4)


def test_an_earlier_result_is_reused_and_gives_the_same_picks():
    oldest = [make_article(n, tags=("a", "b")[: n % 2 + 1]) for n in range(30)]
    earlier = related_articles(oldest[:20])
    assert related_articles(oldest, earlier) == related_articles(oldest)
    assert related_articles(oldest, Related()) == related_articles(oldest)
