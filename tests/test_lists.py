"""Every list page (home, categories, tags, months, years, indexes) holds exactly
the right articles in the right order; the expected answers come from corpus.py."""

from collections import Counter

import pytest
from conftest import WORDS, article
from corpus import CATEGORIES, CORPUS, TAGS, newest_first, oldest_first
from pages import link, listed, output_file, resolve, soup

from newsarchive.plan import TITLES_PER_SUMMARY

PER_PAGE = 4  # corpus_site's per_page
TAG_PAGE = PER_PAGE * TITLES_PER_SUMMARY  # a tag's pages list titles only: more a page


def lists():
    """(list URL, its articles oldest first, articles a page) for each category and tag:
    the lists with numbered pages (the home page shows only the newest articles)."""
    for name, slug in CATEGORIES.items():
        yield (
            f"chuyen-muc/{slug}/",
            oldest_first(e for e in CORPUS if e.category == name),
            PER_PAGE,
        )
    for slug in TAGS.values():
        yield f"the/{slug}/", oldest_first(e for e in CORPUS if slug in e.tag_slugs), TAG_PAGE


def list_id(value):
    """A list's URL names its test case; pytest numbers the other parameters."""
    return value if isinstance(value, str) else None


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from conftest import SiteDir

    site = SiteDir(tmp_path_factory.mktemp("lists") / "site")
    from corpus import write_corpus

    site.configure(per_page=PER_PAGE, base_url="https://example.org/repo/")
    write_corpus(site, CORPUS)
    assert site.build("--quiet") == 0
    return site.output


@pytest.mark.parametrize("list_url, oldest, per_page", list(lists()), ids=list_id)
def test_numbered_pages_count_from_the_oldest(built, list_url, oldest, per_page):
    assert oldest, "every list of the fixture has articles"
    full = len(oldest) // per_page
    for number in range(1, full + 2):
        url = f"{list_url}trang/{number}/"
        chunk = oldest[(number - 1) * per_page : number * per_page]
        assert listed(built, url) == [e.url for e in reversed(chunk)], url
        assert link(built, url, "a.older") == (
            f"{list_url}trang/{number - 1}/" if number > 1 else None
        )
        # A full page links to the next number even when that page is the newest.
        assert link(built, url, "a.newer") == (
            f"{list_url}trang/{number + 1}/" if number <= full else None
        )
        assert link(built, url, "a.newest") == list_url
    assert not output_file(built, f"{list_url}trang/{full + 2}/").exists()
    assert not output_file(built, f"{list_url}trang/0/").exists()


def first_shown(list_url, oldest, per_page):
    """Where (oldest first) a list's own URL starts. A category's shows its open page
    and its last full page; a tag's pages hold TITLES_PER_SUMMARY times as many titles,
    so its own URL shows only the newest PER_PAGE, as the home page does (issue 17: it
    listed 100-199 titles, each on a numbered page too)."""
    if list_url.startswith("the/"):
        return max(len(oldest) - PER_PAGE, 0)
    return max(len(oldest) // per_page - 1, 0) * per_page


@pytest.mark.parametrize("list_url, oldest, per_page", list(lists()), ids=list_id)
def test_a_list_shows_its_newest_articles_then_links_to_older_pages(
    built, list_url, oldest, per_page
):
    first = first_shown(list_url, oldest, per_page)
    assert listed(built, list_url) == [e.url for e in reversed(oldest[first:])]
    # The older link leads to the page holding the newest article not shown: no gap.
    older = -(-first // per_page)
    assert link(built, list_url, "a.older") == (f"{list_url}trang/{older}/" if older else None)
    # Every numbered page is reachable: older ones by the older links, these directly.
    permanent = [a["href"] for a in soup(built, list_url).select(".permanent-pages a")]
    holding = range(len(oldest) // per_page + 1, first // per_page, -1)
    assert len(permanent) == len([n for n in holding if oldest[(n - 1) * per_page :][:1]])


def test_the_home_page_shows_the_newest_articles_and_leads_to_the_older_ones(built):
    # No numbered home pages (issue 17): the months and categories reach every article.
    assert listed(built, "") == [e.url for e in newest_first(CORPUS)[:PER_PAGE]]
    assert not (built / "trang").exists()
    assert soup(built, "").select(".pagination, .permanent-pages") == []
    assert listed(built, "", ".older-articles a") == ["luu-tru/", "chuyen-muc/"]


def test_every_article_is_reached_from_the_home_page_by_links_alone(built):
    """What a reader (or a crawler) without scripts meets, following links from home:
    every article, with no numbered home pages."""
    from links import internal_links, target_file

    root = built.resolve()
    seen, todo = set(), [root / "index.html"]
    while todo:
        page = todo.pop()
        if page in seen or page.suffix != ".html" or not page.is_file():
            continue
        seen.add(page)
        todo += [target_file(page, link) for link in internal_links(page)]
    reached = {p.relative_to(root).as_posix() for p in seen}
    assert {f"{e.url}index.html" for e in CORPUS} <= reached


def test_an_empty_open_page_exists_when_the_last_page_is_full(built):
    # Find a list whose pages are all full.
    for list_url, oldest, per_page in lists():
        if len(oldest) % per_page == 0:
            number = len(oldest) // per_page + 1
            url = f"{list_url}trang/{number}/"
            assert listed(built, url) == []
            assert link(built, url, ".no-newer a") == list_url
            return
    pytest.fail("the fixture should have a list whose pages are all full")


def test_month_pages_list_that_month_newest_first(built):
    months = {(e.published.year, e.published.month) for e in CORPUS}
    for year, month in sorted(months):
        url = f"{year:04d}/{month:02d}/"
        expected = [
            e.url
            for e in newest_first(CORPUS)
            if (e.published.year, e.published.month) == (year, month)
        ]
        page = soup(built, url)
        assert listed(built, url) == expected
        assert page.h1.get_text() == WORDS["month_label"].format(month=month, year=year)


def test_year_pages_list_their_months_with_counts(built):
    for year in {e.published.year for e in CORPUS}:
        counts = Counter(e.published.month for e in CORPUS if e.published.year == year)
        page = soup(built, f"{year}/")
        assert page.h1.get_text() == WORDS["year_label"].format(year=year)
        items = page.select(".archive-months li")
        assert [li.a.get_text() for li in items] == [
            WORDS["month_label"].format(month=m, year=year) for m in sorted(counts)
        ]
        assert [li.select_one(".count").get_text() for li in items] == [
            f"({counts[m]} bài)" for m in sorted(counts)
        ]
        assert listed(built, f"{year}/", ".archive-months a") == [
            f"{year}/{m:02d}/" for m in sorted(counts)
        ]


def test_archive_index_lists_every_year_and_month(built):
    years = Counter(e.published.year for e in CORPUS)
    months = Counter((e.published.year, e.published.month) for e in CORPUS)
    page = soup(built, "luu-tru/")
    assert listed(built, "luu-tru/", ".archive-years h2 a") == [
        f"{y}/" for y in sorted(years, reverse=True)
    ]
    assert [c.get_text() for c in page.select(".archive-years h2 .count")] == [
        f"({years[y]} bài)" for y in sorted(years, reverse=True)
    ]
    expected_months = [f"{y}/{m:02d}/" for y, m in sorted(months, key=lambda k: (-k[0], k[1]))]
    assert listed(built, "luu-tru/", ".archive-months a") == expected_months


def test_category_and_tag_indexes_count_articles(built):
    categories = Counter(e.category for e in CORPUS if e.category)
    assert listed(built, "chuyen-muc/", ".terms a") == [
        f"chuyen-muc/{slug}/" for slug in sorted(CATEGORIES.values())
    ]
    by_slug = {slug: name for name, slug in CATEGORIES.items()}
    shown = [
        (li.a.get_text(), li.select_one(".count").get_text())
        for li in soup(built, "chuyen-muc/").select(".terms li")
    ]
    assert shown == [
        (by_slug[s], f"({categories[by_slug[s]]})") for s in sorted(CATEGORIES.values())
    ]
    tag_counts = Counter(slug for e in CORPUS for slug in e.tag_slugs)
    tags = soup(built, "the/").select(".terms li")
    assert [li.select_one(".count").get_text() for li in tags] == [
        f"({tag_counts[s]})" for s in sorted(TAGS.values())
    ]


def test_category_and_tag_indexes_follow_the_vietnamese_alphabet(site):
    """`đ` comes after `d`, `ă` and `â` after `a`, `ơ` after `ô` and `o`: in the order of
    the addresses (`dai-hoi` before `dan-van`), a reader looking for `đại hội` after
    `du lịch`, where a Vietnamese list has it, did not find it there."""
    from conftest import article

    alphabet = ["an ninh", "ăn uống", "ấn phẩm", "dân vận", "du lịch", "đại hội", "ô tô", "ơn"]
    categories = ["Dân số", "Đô thị", "Ăn uống", "An ninh"]
    for number, tag in enumerate(alphabet):
        category = categories[number % len(categories)]
        text = article(f"Bài {number}", f"2019-04-{number + 1:02d} 10:00", category=category)
        site.add(f"{number}.md", text.replace("---\n\n", f"tags: [{tag}]\n---\n\n", 1))
    assert site.build("--quiet") == 0
    names = [a.get_text() for a in soup(site.output, "the/").select(".terms a")]
    assert names == alphabet
    names = [a.get_text() for a in soup(site.output, "chuyen-muc/").select(".terms a")]
    assert names == ["An ninh", "Ăn uống", "Dân số", "Đô thị"]
    # The page of feeds lists the categories in the same order.
    feeds = [h.get_text() for h in soup(site.output, "theo-doi/").select("h3")][1:]
    assert feeds == [f"Chuyên mục: {name}" for name in names]


def test_spellings_of_one_tag_share_a_page_named_as_first_written(built):
    assert {"Cán bộ", "cán bộ"} <= {t for e in CORPUS for t in e.tags}
    names = [a.get_text() for a in soup(built, "the/").select(".terms a")]
    assert "cán bộ" in names and "Cán bộ" not in names
    assert soup(built, "the/can-bo/").h1.get_text() == "Từ khóa: cán bộ"
    assert not output_file(built, "the/can-bo-2/").exists()


def test_an_article_giving_one_tag_in_several_spellings_is_listed_once(site):
    from conftest import article

    site.add(
        "a.md", article("Bài thử", "2019-04-20 10:00", tags="[Quy hoạch, quy hoạch, QUY HOẠCH]")
    )
    site.add("b.md", article("Bài sau", "2019-04-21 10:00", tags="[quy hoạch]"))
    assert site.build("--quiet") == 0
    urls = ["2019/04/bai-sau/", "2019/04/bai-thu/"]
    assert listed(site.output, "the/quy-hoach/") == urls
    assert listed(site.output, "the/quy-hoach/trang/1/") == urls
    assert soup(site.output, "the/quy-hoach/").select_one(".list-total").get_text() == "2 bài"
    assert soup(site.output, "the/").select_one(".terms li").get_text() == "Quy hoạch (2)"
    tags = soup(site.output, "2019/04/bai-thu/").select(".article-tags a")
    assert [a.get_text() for a in tags] == ["Quy hoạch"]


def test_a_category_or_tag_is_named_as_its_oldest_article_spells_it_in_every_list(site):
    from conftest import article

    site.add("a.md", article("Bài cũ", "2019-04-19 10:00", category="Tin tức - Sự kiện"))
    site.add(
        "b.md",
        article("Bài mới", "2019-04-20 10:00", category="tin tức - sự kiện", tags="[Cán bộ]"),
    )
    site.add("c.md", article("Bài khác", "2019-04-21 10:00", tags="[cán bộ]"))
    assert site.build("--quiet") == 0

    def categories_shown(url: str) -> list[str]:
        lines = soup(site.output, url).select(".article-list h2 + p")
        return [line.get_text().split(" · ")[1] for line in lines if " · " in line.get_text()]

    for url in ("", "2019/04/"):
        assert categories_shown(url) == ["Tin tức - Sự kiện"] * 2, url
    # A category's own pages do not repeat its name on each line (issue 17).
    assert categories_shown("chuyen-muc/tin-tuc-su-kien/") == []
    assert soup(site.output, "chuyen-muc/tin-tuc-su-kien/").h1.get_text() == (
        "Chuyên mục: Tin tức - Sự kiện"
    )
    assert categories_shown("the/can-bo/") == ["Tin tức - Sự kiện"]
    assert [a.get_text() for a in soup(site.output, "chuyen-muc/").select(".terms a")] == [
        "Tin tức - Sự kiện"
    ]
    assert [a.get_text() for a in soup(site.output, "the/").select(".terms a")] == ["Cán bộ"]


def test_another_word_merged_into_a_tag_by_its_address_is_a_warning(site, capsys):
    """Slugs drop the accents: "bão" (storm) joined the tag "báo" (newspaper), and its
    article showed "báo", without a word. Spellings of one word stay silent."""
    from conftest import article

    site.add("a.md", article("Tin báo chí", "2019-04-19 10:00", tags="[báo, Hoà bình]"))
    site.add("b.md", article("Tin cơn bão", "2019-04-20 10:00", tags="[bão, hòa bình]"))
    site.add("c.md", article("Tin bão số 3", "2019-04-21 10:00", tags="[Bão, BAO]"))
    assert site.build("--quiet") == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert len(warnings) == 1, err
    assert "content/b.md:4: warning: " in warnings[0]
    # The other article named as the file this one is: a path to open, not one from b.md.
    said = f"the tag 'bão' has the address /the/bao/ of the tag 'báo' ({site.content / 'a.md'}), "
    assert said + "another word" in err, err
    assert "add a word that tells it apart without accents" in err
    assert "hòa bình" not in err and "BAO" not in err
    assert site.build("--quiet", "--strict") == 1
    assert "content/b.md:4: error: " in capsys.readouterr().err


def test_a_name_spelt_with_other_punctuation_is_a_warning_naming_both(site, capsys):
    """`Văn hóa Xã hội` (its comma left out) has the address of `Văn hóa, Xã hội`: the
    two were one category, shown as the oldest article spells it, without a word, so an
    editor never learnt that the articles disagree (build17). Letter case, the tone's
    place and a name without accents stay silent (one word, by design)."""
    from conftest import article

    site.add("a.md", article("Tin một", "2019-04-19 10:00", category='"Văn hóa, Xã hội"'))
    site.add("b.md", article("Tin hai", "2019-04-20 10:00", category="Văn hóa Xã hội"))
    site.add("c.md", article("Tin ba", "2019-04-21 10:00", category="văn hoá xã hội"))
    site.add("d.md", article("Tin bốn", "2019-04-22 10:00", category="Văn hóa Xã hội"))
    site.add("e.md", article("Tin năm", "2019-04-23 10:00", tags="[Kinh tế - Xã hội]"))
    site.add("f.md", article("Tin sáu", "2019-04-24 10:00", tags="[kinh te xa hoi]"))
    site.add("g.md", article("Tin bảy", "2019-04-25 10:00", tags="[Kinh tế / xã hội]"))
    assert site.build("--quiet") == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert len(warnings) == 3, err
    a, e = site.content / "a.md", site.content / "e.md"
    assert (
        f"content/b.md:4: warning: the category 'Văn hóa Xã hội' (this article and 2 more) "
        f"differs from 'Văn hóa, Xã hội' ({a}:4) in its punctuation only: they have one "
        "address, /chuyen-muc/van-hoa-xa-hoi/, and are one category, shown as "
        "'Văn hóa, Xã hội' on every page\n"
        "    how to fix: write it the same in every article: category: Văn hóa, Xã hội\n"
    ) in err, err
    # c.md spells it as b.md does but for letter case and the tone's place: one word,
    # said with b.md's.
    assert "content/c.md" not in err, err
    assert (
        f"content/f.md:4: warning: the tag 'kinh te xa hoi' (this article) differs from "
        f"'Kinh tế - Xã hội' ({e}:4) in its punctuation only"
    ) in err, err
    assert "content/g.md:4: warning: the tag 'Kinh tế / xã hội' (this article) differs" in err
    assert "write it the same in every article: tags: [Kinh tế - Xã hội]" in err, err


def test_two_spellings_of_a_tag_in_one_article_are_a_warning_naming_both(site, capsys):
    """`tags: [kinh te xa hoi, Kinh tế / xã hội]`: reading the file kept the first and
    dropped the second (one address), so the warning between articles never saw it and
    nothing was said. Other punctuation or another word in one article is said as between
    articles; a tag repeated, or spelt again but for letter case, tone or accents, is
    listed once in silence, as the README has it."""
    from conftest import article

    site.add(
        "a.md",
        article("Tin một", "2019-04-19 10:00", tags="[kinh te xa hoi, Kinh tế / xã hội, an ninh]"),
    )
    site.add("b.md", article("Tin hai", "2019-04-20 10:00", tags="[báo, an ninh, bão]"))
    site.add("c.md", article("Tin ba", "2019-04-21 10:00", tags="[an ninh, an ninh, An Ninh]"))
    site.add("d.md", article("Tin bốn", "2019-04-22 10:00", tags="[Hòa bình, hoà bình, HOA BINH]"))
    assert site.build("--quiet") == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert len(warnings) == 2, err
    assert (
        "content/a.md:4: warning: the tag 'Kinh tế / xã hội' differs from 'kinh te xa hoi', "
        "both in this article's tags, in its punctuation only: they have one address, "
        "/the/kinh-te-xa-hoi/, and are one tag, which the article is listed under once\n"
        "    how to fix: write it once: tags: [kinh te xa hoi, an ninh]"
    ) in err, err
    assert (
        "content/b.md:4: warning: the tag 'bão' has the address /the/bao/ of the tag 'báo', "
        "both in this article's tags, another word: they are one tag, which the article is "
        "listed under once\n"
        "    how to fix: if both are meant, add to 'bão' a word that tells it apart without "
        "accents (addresses have none); if not, write tags: [báo, an ninh]"
    ) in err, err
    assert "content/c.md" not in err and "content/d.md" not in err, err
    assert [a.get_text() for a in soup(site.output, "the/").select(".terms a")] == [
        "an ninh",
        "báo",
        "Hòa bình",
        "kinh te xa hoi",
    ]
    assert site.build("--quiet", "--strict") == 1
    assert "content/a.md:4: error: " in capsys.readouterr().err


def test_a_tag_spelt_otherwise_across_and_within_an_article_is_one_warning(site, capsys):
    """`tags: [Y-tế, Y tế]` in an article newer than one with `[Y tế]` was two warnings on
    one line: its `Y-tế` differs from the older `Y tế` (write `Y tế` in every article) and
    its `Y tế` from its own `Y-tế` (write `Y-tế` once), two fixes that disagree. It is one
    warning that says both, with the one fix that ends it; so for another word (bão, báo)."""
    from conftest import article

    site.add("a.md", article("Tin một", "2019-04-19 10:00", tags="[Y tế, báo]"))
    site.add("b.md", article("Tin hai", "2019-04-20 10:00", tags="[Y-tế, Y tế, an ninh]"))
    site.add("c.md", article("Tin ba", "2019-04-21 10:00", tags="[bão, báo]"))
    # A category of that address spelt otherwise is another warning, on its own line.
    site.add("d.md", article("Tin bốn", "2019-04-22 10:00", category="Y tế"))
    site.add("e.md", article("Tin năm", "2019-04-23", category="Y/tế", tags="[Y/tế, Y tế]"))
    assert site.build("--quiet") == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert sorted(w.split("/site/", 1)[-1].split(": warning: ")[0] for w in warnings) == [
        "content/b.md:4",
        "content/c.md:4",
        "content/e.md:4",
        "content/e.md:5",
    ], err
    [category] = [w for w in warnings if "e.md:4" in w]
    assert "the category 'Y/tế' (this article) differs" in category, err
    assert "names it again" not in category, err
    [tag] = [w for w in warnings if "e.md:5" in w]
    assert tag.endswith("this article names it again as 'Y tế', and is listed under it once")
    a = site.content / "a.md"
    assert (
        f"content/b.md:4: warning: the tag 'Y-tế' (this article) differs from 'Y tế' ({a}:4) "
        "in its punctuation only: they have one address, /the/y-te/, and are one tag, shown "
        "as 'Y tế' on every page; this article names it again as 'Y tế', and is listed "
        "under it once\n"
        "    how to fix: write it once, the same in every article: tags: [Y tế, an ninh]\n"
    ) in err, err
    assert (
        f"content/c.md:4: warning: the tag 'bão' has the address /the/bao/ of the tag 'báo' "
        f"({a}), another word: they are one tag, shown as 'báo' on this article's page and "
        "in lists; this article names it again as 'báo', and is listed under it once\n"
        "    how to fix: if 'bão' is what was meant, add a word that tells it apart without "
        "accents (addresses have none); if not, write tags: [báo]\n"
    ) in err, err


def test_a_category_misspelt_in_one_article_is_a_warning(site, capsys):
    """`Tin tứ - Sự kiện` for `Tin tức - Sự kiện` made a category of one article, with
    its page and feed, and the article was missing from the category meant: exit 0 and
    not a word. Categories a year apart, or with articles of their own, stay silent."""
    from conftest import article

    site.add("a.md", article("Tin một", "2019-04-19 10:00", category="Tin tức - Sự kiện"))
    site.add("b.md", article("Tin hai", "2019-04-20 10:00", category="Tin tức - Sự kiện"))
    site.add("c.md", article("Tin ba", "2019-04-21 10:00", category="Tin tứ - Sự kiện"))
    site.add("d.md", article("Đại hội", "2020-04-21 10:00", category="Đại hội 2020"))
    site.add("e.md", article("Đại hội", "2020-05-21 10:00", category="Đại hội 2020"))
    site.add("f.md", article("Đại hội mới", "2025-04-21 10:00", category="Đại hội 2025"))
    site.add("g.md", article("Văn hóa", "2019-05-21 10:00", category="Văn hóa"))
    assert site.build("--quiet") == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert [w.split("/site/", 1)[-1] for w in warnings] == [
        "content/c.md:4: warning: the category 'Tin tứ - Sự kiện' has this article alone, "
        "and is spelt almost as 'Tin tức - Sự kiện' (2 articles): it is a category of its "
        "own, with its own page and feed, and the article is not in 'Tin tức - Sự kiện'"
    ], err
    assert "how to fix: if it is a typo, write category: Tin tức - Sự kiện" in err
    site.add("c.md", article("Tin ba", "2019-04-21 10:00", category="Tin tức - Sự kiện"))
    assert site.build("--quiet") == 0
    err = capsys.readouterr().err
    assert "spelt almost as" not in err, err
    assert "the category 'Tin tứ - Sự kiện' has no article any more" in err  # its page went


def test_uncategorised_articles_are_in_their_month(built):
    loose = [e for e in CORPUS if not e.category]
    assert loose
    for entry in loose:
        assert entry.url in listed(built, f"{entry.published:%Y/%m}/")


def test_an_empty_archive_builds_with_working_links(site):
    from links import broken_links

    assert site.build("--quiet", "--base-url", "https://example.org/repo/") == 0
    assert listed(site.output, "") == []
    assert not (site.output / "trang").exists()
    for url in ("luu-tru/", "chuyen-muc/", "the/"):
        assert soup(site.output, url).h1
    assert broken_links(site.output, base_path="/repo/") == []


def test_a_tag_without_letters_or_digits_is_an_error(site, capsys):
    from conftest import article

    site.add("a.md", article("Tin", "2020-01-01", category="Kinh tế", tags="[cán bộ, '!!!']"))
    assert site.build("--quiet") == 1
    err = capsys.readouterr().err
    assert "a.md:5: error: the tag '!!!' gives an empty web address" in err


def test_an_empty_tag_is_an_error_not_left_out_unsaid(site, capsys):
    from conftest import article, tree

    site.add("b.md", article("Tin trước", "2020-01-01", category="Kinh tế"))
    assert site.build("--quiet") == 0
    before = tree(site.output)
    site.add("a.md", article("Tin", "2020-01-02", category="Kinh tế", tags="[cán bộ, '', ' ']"))
    assert site.build("--quiet") == 1
    assert "a.md:5: error: an item of 'tags' is empty" in capsys.readouterr().err
    assert tree(site.output) == before  # the previous site as it was


def months_of(chunk) -> str:
    """How a numbered page names its dates: "03/2010 - 07/2010" (an en dash), or one month."""
    first, last = (f"{e.published:%m/%Y}" for e in (chunk[0], chunk[-1]))
    return first if first == last else f"{first} \u2013 {last}"


@pytest.mark.parametrize("list_url, oldest, per_page", list(lists()), ids=list_id)
def test_numbered_pages_are_named_by_number_and_dates(built, list_url, oldest, per_page):
    """Numbers count from the oldest article: the dates say which articles a page holds."""
    full = len(oldest) // per_page
    for number in range(1, full + 2):
        chunk = oldest[(number - 1) * per_page : number * per_page]
        page = soup(built, f"{list_url}trang/{number}/")
        name = page.select_one("h1 .page-number").get_text()
        assert name == (f"Trang {number} · {months_of(chunk)}" if chunk else f"Trang {number}")
        assert name in page.title.get_text()
        older = page.select_one("a.older")
        if number > 1:
            before = oldest[(number - 2) * per_page : (number - 1) * per_page]
            assert f"Trang {number - 1} · {months_of(before)}" in older.get_text()
    first = soup(built, f"{next(lists())[0]}trang/1/")
    assert "cũ nhất" in first.select_one(".page-order").get_text()


@pytest.mark.parametrize("list_url, oldest, per_page", list(lists()), ids=list_id)
def test_a_lists_own_page_names_its_permanent_pages_by_dates(built, list_url, oldest, per_page):
    first = first_shown(list_url, oldest, per_page)
    numbers = range(len(oldest) // per_page + 1, first // per_page, -1)
    holding = [n for n in numbers if oldest[(n - 1) * per_page : n * per_page]]
    links = soup(built, list_url).select(".permanent-pages a")
    assert [a.get_text() for a in links] == [
        f"Trang {n} · {months_of(oldest[(n - 1) * per_page : n * per_page])}" for n in holding
    ]


def test_the_archive_index_opens_with_a_jump_to_each_year(built):
    years = sorted({e.published.year for e in CORPUS}, reverse=True)
    page = soup(built, "luu-tru/")
    jump = page.select(".year-jump a")
    assert [a.get_text() for a in jump] == [str(y) for y in years]
    # Each goes to its year's section on the same page, which holds that year's months.
    for a, year in zip(jump, years, strict=True):
        section = page.find(id=a["href"].removeprefix("#"))
        assert a["href"].startswith("#") and section is not None
        assert resolve("luu-tru/", section.h2.a["href"]) == f"{year}/"
    assert page.select_one(".year-jump").find_next("ul", class_="archive-years")


@pytest.mark.parametrize(
    "url, current, how",
    [
        ("", WORDS["home"], "page"),
        ("luu-tru/", "Lưu trữ", "page"),
        ("2019/", "Lưu trữ", "true"),
        ("2019/06/", "Lưu trữ", "true"),
        ("chuyen-muc/", "Chuyên mục", "page"),
        ("chuyen-muc/kinh-te/", "Chuyên mục", "true"),
        ("chuyen-muc/kinh-te/trang/1/", "Chuyên mục", "true"),
        ("the/", "Chuyên mục", "true"),
        ("the/can-bo/", "Chuyên mục", "true"),
    ],
)
def test_the_menu_marks_the_current_section(built, url, current, how):
    marked = soup(built, url).select(".site-nav a[aria-current]")
    assert [(a.get_text(), a["aria-current"]) for a in marked] == [(current, how)]


def test_an_article_is_marked_in_the_section_its_trail_starts_with(built):
    for entry in CORPUS:
        marked = soup(built, entry.url).select(".site-nav a[aria-current]")
        crumbs = soup(built, entry.url).select(".breadcrumbs a")
        assert [a.get_text() for a in marked] == [crumbs[1].get_text()]
        assert marked[0]["aria-current"] == "true"


# The first block of an article as editors write them when it is not the text.
NOT_A_SUMMARY = {
    "fenced code": "```\nCú pháp: HBT <mã hồ sơ> gửi 8088\n\nVí dụ: HBT 12345\n```",
    "fenced with tildes": "~~~\nQR: https://dichvucong.gov.vn\n~~~",
    "indented code": "    Họ và tên: ..............\n    Ngày sinh: ..............",
    "table without outer bars": "Ngày | Người tiếp\n--- | ---\n12/1 | Chủ tịch UBND",
    "link definition": "[kế hoạch]: /files/ke-hoach.pdf",
}


@pytest.mark.parametrize(
    ("limit", "shown"),
    [
        (25, "Nhiệm kỳ 2010 - 2015…"),
        (16, "Nhiệm kỳ 2010…"),
        (34, "Nhiệm kỳ 2010 - 2015. Hội nghị…"),
    ],
)
def test_a_summary_cut_at_a_word_ends_with_the_ellipsis_alone(limit, shown):
    from newsarchive.validate import lead

    assert lead("Nhiệm kỳ 2010 - 2015. Hội nghị, hội thảo và tập huấn.", limit) == shown


def test_a_script_in_the_first_paragraph_is_not_in_the_summary(site):
    """Raw HTML is kept as written (sanitize_html off): the script's code was the list
    summary and the page's description."""
    from conftest import article

    body = "Đoạn đầu <script>alert(1)</script><style>p { color: red }</style> của bài."
    site.add("a.md", article("Tin", "2020-01-01 08:00", body))
    assert site.build("--quiet") == 0
    page = soup(site.output, "2020/01/tin/")
    assert page.find("meta", attrs={"name": "description"})["content"] == "Đoạn đầu của bài."


@pytest.mark.parametrize("first", NOT_A_SUMMARY.values(), ids=NOT_A_SUMMARY.keys())
def test_a_code_block_or_table_first_is_not_the_summary_lists_show(site, first):
    """Without `summary:`, lists show the first paragraph of text; an article opening
    with a code block or a table showed its code ("Cú pháp: HBT gửi 8088", the tag
    eaten) or its cells ("Ngày | Người tiếp --- | ---") instead."""
    text = "Người dân có thể tra cứu hồ sơ qua tin nhắn."
    site.add(
        "2022/01/tra-cuu.md",
        f"---\ntitle: Hướng dẫn tra cứu\ndate: 2022-01-10 09:00\n---\n\n{first}\n\n{text}\n",
    )
    assert site.build("--quiet") == 0
    home = soup(site.output, "")
    (entry,) = home.select(".article-list li")
    assert entry.select("p")[-1].get_text() == text
    page = soup(site.output, "2022/01/huong-dan-tra-cuu/")
    assert page.find("meta", attrs={"name": "description"})["content"] == text


def test_counts_of_a_thousand_or_more_are_written_with_the_thousands_dot(site):
    """Vietnamese writes a thousand as 1.000: the home page said "1000 bài", the archive
    "(1000 bài)", a tag "(1000)". Every count of articles a page shows is grouped with
    strings.yaml's thousands_separator (years and page numbers are not counts)."""
    site.configure(per_page=4)
    for n in range(1000):
        day = 1 + n % 28
        text = article(f"Bài {n}", f"2019-03-{day:02d} 08:00", category="Tin", tags="[Đô thị]")
        site.add(f"2019/03/bai-{n}.md", text)
    assert site.build("--quiet") == 0
    out = site.output
    assert soup(out, "").select_one(".list-total").get_text() == "1.000 bài"
    archive = soup(out, "luu-tru/")
    assert [c.get_text() for c in archive.select(".archive-years h2 .count")] == ["(1.000 bài)"]
    assert [c.get_text() for c in archive.select(".archive-months .count")] == ["(1.000)"]
    assert soup(out, "2019/").select_one(".archive-months .count").get_text() == "(1.000 bài)"
    assert soup(out, "2019/03/").select_one(".list-total").get_text() == "1.000 bài"
    for index in ("chuyen-muc/", "the/"):
        assert soup(out, index).select_one(".terms .count").get_text() == "(1.000)", index
    assert soup(out, "chuyen-muc/tin/").select_one(".list-total").get_text() == "1.000 bài"
    assert WORDS["thousands_separator"] == "."


def test_a_forks_thousands_separator_is_used_and_an_older_strings_file_groups_with_a_dot(site):
    """strings.yaml's thousands_separator is the fork's to change (an English archive
    writes 1,000); a strings.yaml of an older version, without it (nor the search page's
    words for a year), builds as before, its counts grouped with a dot."""
    site.configure(feed_size=1500)
    site.add("2019/a.md", article("Bài", "2019-03-01 08:00"))
    strings = site.root / "templates" / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    assert 'thousands_separator: "."\n' in text
    strings.write_text(text.replace('thousands_separator: "."', 'thousands_separator: ","'))
    assert site.build("--quiet") == 0
    assert "1,500" in soup(site.output, "theo-doi/").get_text()
    assert 'data-thousands=","' in site.read("tim-kiem/index.html")
    older = [
        line
        for line in text.splitlines(keepends=True)
        if not line.startswith(
            ("thousands_separator:", "search_results_year", "search_year_link", "search_month_link")
        )
    ]
    strings.write_text("".join(older), encoding="utf-8")
    assert site.build("--quiet") == 0
    assert "1.500" in soup(site.output, "theo-doi/").get_text()
    search_page = site.read("tim-kiem/index.html")
    assert "data-thousands" not in search_page and "data-year=" not in search_page
    assert "data-year-link" not in search_page and "data-month-link" not in search_page
