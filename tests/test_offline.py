"""The offline copy (--offline) is browsed from a folder over file://, in a real
browser with JavaScript off: archive -> month -> article, categories, pagination,
and an old address redirecting; it has search too."""

import pytest
from bs4 import BeautifulSoup
from conftest import WORDS
from corpus import CORPUS, newest_first


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_the_offline_copy_is_browsable_over_file_urls(corpus_site, browser_page):
    assert corpus_site.build("--quiet", "--offline") == 0
    root = corpus_site.root / "_site-offline"
    page = browser_page
    page.goto((root / "index.html").as_uri())
    assert page.locator("h1").inner_text() == WORDS["newest_articles"]

    page.click(f".site-nav >> text={WORDS['archive']}")
    assert page.url.endswith("/luu-tru/index.html")
    page.click(".archive-months a >> nth=0")  # the newest year's first month
    year = max(e.published.year for e in CORPUS)
    month = min(e.published.month for e in CORPUS if e.published.year == year)
    assert page.url.endswith(f"/{year}/{month:02d}/index.html")
    assert page.locator("h1").inner_text() == WORDS["month_label"].format(month=month, year=year)
    page.click(".article-list h2 a >> nth=0")
    in_month = [
        e for e in newest_first(CORPUS) if e.published.strftime("%Y%m") == f"{year}{month:02d}"
    ]
    assert page.locator("h1").inner_text() == in_month[0].title
    assert page.url.endswith(f"/{in_month[0].url}index.html")

    page.click(".breadcrumbs a >> nth=1")  # Trang chủ > Chuyên mục or Lưu trữ
    assert page.url.endswith("/index.html")

    # Older articles: by category (the home page has no numbered pages since issue 17).
    page.goto((root / "index.html").as_uri())
    page.click(f".older-articles a >> text={WORDS['categories']}")
    page.click(".terms a >> text=Kinh tế")
    page.click(".pagination a.older")
    assert "/chuyen-muc/kinh-te/trang/" in page.url and page.url.endswith("/index.html")
    assert page.locator(".article-list h2 a").count() == 4


def test_an_old_address_redirects_offline(corpus_site, browser_page):
    assert corpus_site.build("--quiet", "--offline") == 0
    root = corpus_site.root / "_site-offline"
    entry = next(e for e in CORPUS if e.aliases)
    alias = entry.aliases[0].lstrip("/")
    browser_page.goto((root / alias).as_uri())
    browser_page.wait_for_url("**/" + entry.url + "index.html")
    assert browser_page.locator("h1").inner_text() == entry.title


def test_the_offline_copy_searches_too(corpus_site):
    """The search index is script files, which a page opened from a file loads: every
    page of the offline copy has the search box, leading to the search page, which has
    its index. (tests/test_search_browser.py searches an offline copy in Chromium.)"""
    from pages import resolve

    from newsarchive.urls import search_bundle_url

    assert corpus_site.build("--quiet", "--offline") == 0
    root = corpus_site.root / "_site-offline"
    pages = sorted(root.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        url = path.relative_to(root).as_posix()
        if not html.select_one("main#main"):
            continue  # an old address's redirect
        # The search page's own form stands in for the header's.
        form = html.select_one("form.search-box[role=search], form.search-page-form")
        assert form and form.select_one("input[type=search][name=q]"), url
        assert resolve(url, form["action"]) == "tim-kiem/", url
    assert (root / search_bundle_url() / "index.js").is_file()


def test_an_alias_beside_an_old_query_leads_to_its_article_offline(site, browser):
    """An alias page that looks a query up (tests/test_old_addresses.py) cannot read the
    list of old addresses over file://: with JavaScript on or off, it goes to its own
    article, query or none, and does not stay on the redirect page."""
    from test_old_addresses import alias_beside_a_query

    alias_beside_a_query(site, "--offline")
    alias = (site.root / "_site-offline" / "chien-luoc" / "index.html").as_uri()
    for scripts in (True, False):
        context = browser.new_context(java_script_enabled=scripts)
        page = context.new_page()
        page.set_default_timeout(5000)
        for asked in (alias, alias + "?p_p_id=9"):
            page.goto(asked)
            page.wait_for_url("**/2019/04/*/index.html")
            assert page.locator("h1").inner_text() == "Chiến lược phát triển", (scripts, asked)
        context.close()
