"""pagination.py and taxonomy.py on their own: numbered pages counted from the oldest."""

import pytest
from support import make_article, make_articles

from newsarchive import pagination, taxonomy


@pytest.mark.parametrize("count", [0, 1, 19, 20, 21, 40, 59])
def test_chunks_are_full_pages_then_one_open_page(count):
    oldest = make_articles(count)
    chunks = pagination.chunks(oldest, 20)
    if not count:
        assert chunks == []
        return
    assert [c.number for c in chunks] == list(range(1, count // 20 + 2))
    assert all(len(c.articles) == 20 and c.full for c in chunks[:-1])
    assert not chunks[-1].full and len(chunks[-1].articles) == count % 20
    assert [a for c in chunks for a in c.articles] == oldest


def test_a_newer_article_leaves_full_pages_unchanged():
    before = pagination.chunks(make_articles(45), 20)
    after = pagination.chunks(make_articles(46), 20)
    assert after[:2] == before[:2]
    assert len(after[2].articles) == len(before[2].articles) + 1


def test_the_newest_window_covers_the_open_and_last_full_page():
    chunks = pagination.chunks(make_articles(45), 20)
    window = pagination.newest_window(chunks)
    assert [c.number for c in window] == [2, 3]


def test_oldest_first_breaks_ties_by_slug():
    a, b = make_article(1, slug="b"), make_article(1, slug="a")
    assert pagination.oldest_first([a, b, make_article(0)])[1:] == [b, a]


def test_terms_join_spellings_of_one_slug_and_keep_the_oldest_spelling():
    oldest = [
        make_article(0, tags=("Cán bộ",)),
        make_article(1, tags=("cán bộ", "Quy hoạch")),
        make_article(2, category="Tin tức"),
    ]
    tags = taxonomy.tags(oldest)
    assert [(t.slug, t.name, len(t.articles)) for t in tags] == [
        ("can-bo", "Cán bộ", 2),
        ("quy-hoach", "Quy hoạch", 1),
    ]
    assert [t.name for t in taxonomy.categories(oldest)] == ["Tin tức"]


def test_months_group_articles_oldest_first():
    months = taxonomy.months(make_articles(70))  # 2019-01-01 .. 2019-03-11
    assert [(m.year, m.month, len(m.articles)) for m in months] == [
        (2019, 1, 31),
        (2019, 2, 28),
        (2019, 3, 11),
    ]
