"""Atom feeds, sitemap.xml and robots.txt: valid XML with the expected entries,
absolute URLs from --base-url and dates in +07:00."""

import xml.etree.ElementTree as ET

from corpus import CATEGORIES, CORPUS, newest_first
from pages import SITEMAP, sitemap_parts

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://example.org/repo/"
FEED_SIZE = 5  # corpus_site's feed_size


def entries(feed: ET.Element) -> list[dict[str, str]]:
    return [
        {
            "id": e.findtext(f"{ATOM}id"),
            "title": e.findtext(f"{ATOM}title"),
            "link": e.find(f"{ATOM}link").get("href"),
            "published": e.findtext(f"{ATOM}published"),
            "category": (
                e.find(f"{ATOM}category").get("term")
                if e.find(f"{ATOM}category") is not None
                else ""
            ),
        }
        for e in feed.findall(f"{ATOM}entry")
    ]


def expected(articles) -> list[dict[str, str]]:
    return [
        {
            "id": BASE + a.url,
            "title": a.title,
            "link": BASE + a.url,
            "published": a.published.isoformat(),
            "category": a.category,
        }
        for a in newest_first(articles)[:FEED_SIZE]
    ]


def test_site_feed_holds_the_newest_articles(corpus_site):
    assert corpus_site.build("--quiet") == 0
    feed = ET.fromstring((corpus_site.output / "feed.xml").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    assert entries(feed) == expected(CORPUS)
    assert all(e["published"].endswith("+07:00") for e in entries(feed))
    assert feed.findtext(f"{ATOM}updated") == newest_first(CORPUS)[0].published.isoformat()
    self_link = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href") == BASE + "feed.xml"


def test_each_category_has_its_own_feed(corpus_site):
    assert corpus_site.build("--quiet") == 0
    for name, slug in CATEGORIES.items():
        feed = ET.fromstring((corpus_site.output / f"chuyen-muc/{slug}/feed.xml").read_bytes())
        assert entries(feed) == expected(e for e in CORPUS if e.category == name)
        assert name in feed.findtext(f"{ATOM}title")
        page = (corpus_site.output / f"chuyen-muc/{slug}/index.html").read_text(encoding="utf-8")
        assert 'type="application/atom+xml"' in page and 'href="feed.xml"' in page


def test_feed_urls_follow_the_base_url_option(corpus_site):
    assert corpus_site.build("--quiet", "--base-url", "https://luutru.example.vn") == 0
    feed = ET.fromstring((corpus_site.output / "feed.xml").read_bytes())
    assert all(e["link"].startswith("https://luutru.example.vn/20") for e in entries(feed))


def test_sitemap_lists_every_article_and_list_page(corpus_site):
    assert corpus_site.build("--quiet") == 0
    parts = sitemap_parts(corpus_site.output, BASE)
    entries = [u for part in parts.values() for u in part.findall(f"{SITEMAP}url")]
    urls = [u.findtext(f"{SITEMAP}loc") for u in entries]
    assert len(urls) == len(set(urls))
    assert all(u.startswith(BASE) for u in urls)
    assert {BASE + a.url for a in CORPUS} <= set(urls)
    for page in ("", "luu-tru/", "chuyen-muc/", "the/", "2019/", "2019/06/", "the/can-bo/trang/1/"):
        assert BASE + page in urls
    for skipped in ("404.html", "feed.xml", "tin-cu/9/"):  # not pages to index
        assert BASE + skipped not in urls
    # Sent for every missing address, the 404 page names none as its own.
    assert 'rel="canonical"' not in (corpus_site.output / "404.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' in (corpus_site.output / "index.html").read_text(encoding="utf-8")
    lastmods = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in entries}
    first = CORPUS[0]
    # The day only (issue 17: a sitemap lists every page; a crawler needs no more).
    assert lastmods[BASE + first.url] == first.published.date().isoformat()
    # One part per year of last change, each holding only that year's pages.
    for url, part in parts.items():
        years = {(lastmods[u.findtext(f"{SITEMAP}loc")] or "khac")[:4] for u in part}
        assert [url] == [f"{BASE}sitemap-{year}.xml" for year in years]
    # Every address in the sitemap is a file in the site.
    for url in urls:
        rel = url.removeprefix(BASE)
        assert (
            corpus_site.output / (rel + "index.html" if rel.endswith("/") or not rel else rel)
        ).is_file()


def test_robots_txt_points_at_the_sitemap(corpus_site):
    assert corpus_site.build("--quiet") == 0
    robots = corpus_site.read("robots.txt").splitlines()
    assert f"Sitemap: {BASE}sitemap.xml" in robots
    assert "User-agent: *" in robots


def test_feed_entries_carry_the_whole_article(corpus_site):
    """Not only a summary: each entry's content is the article's body as HTML, which
    resolves its relative links from the article's own address."""
    from bs4 import BeautifulSoup
    from pages import soup

    assert corpus_site.build("--quiet") == 0
    for feed_file in ["feed.xml", *(f"chuyen-muc/{s}/feed.xml" for s in CATEGORIES.values())]:
        feed = ET.fromstring((corpus_site.output / feed_file).read_bytes())
        found = feed.findall(f"{ATOM}entry")
        assert 0 < len(found) <= FEED_SIZE
        for entry in found:
            content = entry.find(f"{ATOM}content")
            url = entry.findtext(f"{ATOM}id")
            assert content.get("type") == "html"
            assert content.get("{http://www.w3.org/XML/1998/namespace}base") == url
            body = soup(corpus_site.output, url.removeprefix(BASE)).select_one(".article-body")
            shown = BeautifulSoup(content.text, "html.parser")
            assert shown.get_text().strip() == body.get_text().strip()
            assert shown.p is not None, "HTML, not plain text"


def test_a_feed_names_a_category_as_its_oldest_article_spells_it(site):
    from conftest import article

    site.add("a.md", article("Bài cũ", "2019-04-19", category="Tin tức - Sự kiện"))
    site.add("b.md", article("Bài mới", "2019-04-20", category="tin tức - sự kiện"))
    assert site.build("--quiet") == 0
    for feed_file in ("feed.xml", "chuyen-muc/tin-tuc-su-kien/feed.xml"):
        feed = ET.fromstring((site.output / feed_file).read_bytes())
        assert [e["category"] for e in entries(feed)] == ["Tin tức - Sự kiện"] * 2


def test_the_follow_links_open_a_page_that_explains_and_lists_the_feeds(corpus_site):
    from pages import link, resolve, soup

    assert corpus_site.build("--quiet") == 0
    page = soup(corpus_site.output, "theo-doi/")
    assert page.h1.get_text() == "Theo dõi tin mới"
    assert "ứng dụng đọc tin" in page.select_one("main").get_text()
    items = page.select(".feeds li")
    expected = ["feed.xml", *(f"chuyen-muc/{s}/feed.xml" for s in sorted(CATEGORIES.values()))]
    # Each feed by its address, to copy into a reader app, linking to the feed itself.
    assert [li.a.get_text() for li in items] == [BASE + f for f in expected]
    assert [resolve("theo-doi/", li.a["href"]) for li in items] == expected
    assert all((corpus_site.output / f).is_file() for f in expected)
    # Every page's footer and each category's "follow" link lead here, to its feed.
    assert link(corpus_site.output, "2019/", ".site-footer a") == "theo-doi/"
    for slug in CATEGORIES.values():
        href = soup(corpus_site.output, f"chuyen-muc/{slug}/").select_one(".feed-link a")["href"]
        target, anchor = href.split("#")
        assert resolve(f"chuyen-muc/{slug}/", target) == "theo-doi/"
        assert page.find(id=anchor).a.get_text() == f"{BASE}chuyen-muc/{slug}/feed.xml"
