"""Search in a real browser: a built site served under /repo/, queried through the page.

One small Vietnamese corpus holds the seed article and one article per required case;
every test types or opens a query as a reader would and reads the result list.
"""

import unicodedata
from urllib.parse import quote

import pytest
from conftest import REPO, SiteDir, article
from serving import serve
from test_seed_article import SEED_URL

from newsarchive import folding

SUB_PATH = "repo"
BODY = "Bài viết này kể về {} ở phường Bạch Mai, quận Hai Bà Trưng, trong năm nay."
CORPUS = {
    # The same sentence around three words that fold to "duong": only the diacritics
    # tell them apart, so the ranking between them is the diacritics' doing.
    **{
        f"duong-{i}.md": article(
            f"Tin {'ve' if i == 3 else 'về'} {word}",
            "2021-03-01 08:00",
            BODY.format(word),
            slug=f"d{i}",
        )
        for i, word in enumerate(["đường phố", "dương phố", "duong pho"], 1)
    },
    "dong-chi.md": article(
        "Thăm hỏi gia đình chính sách",
        "2021-04-01 09:00",
        "Đồng chí Chủ tịch UBND phường thăm hỏi.",
    ),
    "can-bo.md": article(
        "Tập huấn nghiệp vụ", "2021-05-01 09:00", "Lớp tập huấn cho cán bộ phường Lê Đại Hành."
    ),
    "hoa-moi.md": article(
        "Hòa giải ở cơ sở", "2021-06-01 09:00", "Tổ hòa giải phường Quỳnh Mai họp định kỳ."
    ),
    "hoa-cu.md": article(
        "Hoà giải viên giỏi", "2021-06-02 09:00", "Các hoà giải viên phường Thanh Nhàn được khen."
    ),
}
# More articles with one spelling than a page of results holds, and one with another.
MANY_EXACT = 11
for i in range(MANY_EXACT):
    CORPUS[f"cau-{i}.md"] = article(
        f"Sửa cầu số {i}", f"2020-01-{i + 1:02d} 08:00", "Công nhân sửa cầu.", slug=f"cau-{i}"
    )
CORPUS["cau-hoi.md"] = article("Đặt câu hỏi", "2020-02-01 08:00", "Người dân đặt câu hỏi.")
NFD_ARTICLE = article(
    "Nghiệm thu công trình thoát nước", "2021-07-01 10:00", "Ban quản lý nghiệm thu cống ngầm."
)


# Marker words put in the site's chrome, which must never be found.
CHROME = {
    "home": "zdieuhuong",
    "footer_note": "zchantrang",
    "source": "znguongoc",
    "published_on": "zngaydang",
    "author": "ztacgia",
}


def replace_values(path, values: dict[str, str]) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    for key, value in values.items():
        lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def mark_chrome(site: SiteDir) -> None:
    replace_values(site.root / "templates/strings.yaml", CHROME)
    replace_values(site.root / "site.yaml", {"banner": "zbieungu"})


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> SiteDir:
    site = SiteDir(tmp_path_factory.mktemp("search") / "site")
    mark_chrome(site)
    site.add(
        "2021/chrome.md",
        article("Tin có tác giả", "2021-08-01", "Nội dung.", category="zchuyenmuc", author="Ai"),
    )
    for path in (REPO / "content").rglob("*.md"):
        site.add(path.relative_to(REPO / "content").as_posix(), path.read_bytes())
    for name, text in CORPUS.items():
        site.add(f"2021/{name}", text)
    site.add("2021/nfd.md", unicodedata.normalize("NFD", NFD_ARTICLE))
    assert site.build("--base-url", f"https://user.github.io/{SUB_PATH}/") == 0
    return site


@pytest.fixture(scope="module")
def served(built, browser):
    with serve(built.output, SUB_PATH) as address:
        yield address


@pytest.fixture
def page(browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    page.close()
    assert errors == []


def search(page, address: str, query: str) -> list[dict]:
    """Open the search page for `query` and read its results, in order."""
    page.goto(f"{address}tim-kiem/?q={quote(query)}")
    page.wait_for_function(
        "document.querySelector('.search-status').textContent.includes('“')"
        " && document.querySelector('.search-status').textContent !== ''"
    )
    return page.eval_on_selector_all(
        ".search-result",
        """items => items.map(li => ({
            title: li.querySelector('h2 a').textContent,
            href: li.querySelector('h2 a').getAttribute('href'),
            date: li.querySelector('.article-date')?.textContent,
            excerpt: li.querySelector('.search-excerpt').textContent,
            marks: [...li.querySelectorAll('.search-excerpt mark')].map(m => m.textContent),
        }))""",
    )


def titles(results: list[dict]) -> list[str]:
    return [r["title"] for r in results]


SEED_TITLE = "Quận Hai Bà Trưng quán triệt"
SEED_TITLE_FULL = (
    "Quận Hai Bà Trưng quán triệt và triển khai Quy định phân cấp quản lý cán bộ; hướng dẫn"
    " rà soát, bổ sung quy hoạch cấp ủy, cán bộ lãnh đạo, quản lý."
)


@pytest.mark.parametrize("query", ["hai ba trung", "Hai Bà Trưng", "HAI BÀ TRƯNG"])
def test_the_seed_article_is_found_with_or_without_diacritics(served, page, query):
    results = search(page, served, query)
    assert results, f"nothing found for {query!r}"
    assert results[0]["title"].startswith(SEED_TITLE)


def test_results_show_title_date_excerpt_and_link_under_the_sub_path(served, page):
    results = search(page, served, "quan triet can bo")
    seed = results[0]
    assert seed["title"].startswith(SEED_TITLE)
    assert seed["date"] == "19/04/2019"
    assert seed["href"] == f"/{SUB_PATH}/{SEED_URL}"
    assert {m.lower().strip(".,;…") for m in seed["marks"]} >= {"quán", "triệt", "cán", "bộ"}
    # The excerpt is the article's lead, never the indexed bag of words.
    assert seed["excerpt"].startswith("Sáng ngày 19/4/2019, Quận ủy Hai Bà Trưng")
    assert "dồng" not in seed["excerpt"]
    page.click(".search-result h2 a")
    page.wait_for_url(f"{served}{SEED_URL}")
    assert page.locator("h1").inner_text().startswith(SEED_TITLE)


def test_can_bo_finds_can_bo(served, page):
    found = titles(search(page, served, "can bo"))
    assert "Tập huấn nghiệp vụ" in found
    assert any(t.startswith(SEED_TITLE) for t in found)


@pytest.mark.parametrize("query", ["dong chi", "Đồng chí", "đồng chí"])
def test_d_and_dj_are_the_same_letter_for_search(served, page, query):
    results = search(page, served, query)
    assert "Thăm hỏi gia đình chính sách" in titles(results)
    excerpt = next(r for r in results if r["title"] == "Thăm hỏi gia đình chính sách")
    # Whole words are searched and marked: "chính" is not "chí".
    assert {m.strip(".") for m in excerpt["marks"]} == {"Đồng", "chí"}


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("đường", "Tin về đường phố"),
        ("dương", "Tin về dương phố"),
        ("đường phố", "Tin về đường phố"),
        ("dương phố", "Tin về dương phố"),
    ],
)
def test_exact_diacritics_rank_above_folded_matches(served, page, query, first):
    found = titles(search(page, served, query))
    assert found[0] == first
    # The other spellings are found too, below the exact one.
    assert set(found) >= {"Tin về đường phố", "Tin về dương phố", "Tin ve duong pho"}


def test_a_word_typed_without_diacritics_finds_every_spelling(served, page):
    found = titles(search(page, served, "duong"))
    assert set(found) >= {"Tin về đường phố", "Tin về dương phố", "Tin ve duong pho"}


def test_other_spellings_come_after_all_articles_with_the_spelling_typed(served, page):
    results = search(page, served, "cầu")
    exact = {f"Sửa cầu số {i}" for i in range(MANY_EXACT)}
    assert len(results) == 10 and set(titles(results)) <= exact | {SEED_TITLE_FULL}
    assert "đúng dấu" in page.inner_text(".search-status")
    while page.is_visible(".search-more"):
        shown = page.locator(".search-result").count()
        page.click(".search-more")
        page.wait_for_function(f"document.querySelectorAll('.search-result').length > {shown}")
    found = page.locator(".search-result h2").all_inner_texts()
    assert found[-1] == "Đặt câu hỏi"  # "câu": found by "cầu" folded, and last
    assert exact <= set(found[:-1])
    assert page.inner_text(".search-status").startswith(f"{len(found)} ")
    assert "đúng dấu" not in page.inner_text(".search-status")


@pytest.mark.parametrize("query", ["hòa giải", "hoà giải", "HOÀ GIẢI", "hoa giai"])
def test_both_tone_placements_are_found_either_way(served, page, query):
    found = titles(search(page, served, query))
    assert set(found[:2]) == {"Hòa giải ở cơ sở", "Hoà giải viên giỏi"}


@pytest.mark.parametrize(
    "query", ["nghiệm thu", "nghiem thu", unicodedata.normalize("NFD", "Nghiệm thu")]
)
def test_text_saved_in_nfd_is_found(served, page, query):
    results = search(page, served, query)
    assert titles(results)[:1] == ["Nghiệm thu công trình thoát nước"]
    assert [m.lower() for m in results[0]["marks"]][:2] == ["nghiệm", "thu"]


@pytest.mark.parametrize("query", [*CHROME.values(), "zbieungu", "zchuyenmuc"])
def test_only_article_text_is_indexed(served, page, query):
    assert search(page, served, query) == []


def test_the_header_search_box_opens_the_search_page(served, page):
    page.goto(served + SEED_URL)
    page.fill("#site-search", "hai ba trung")
    page.press("#site-search", "Enter")
    page.wait_for_selector(".search-result")
    assert page.url == f"{served}tim-kiem/?q=hai+ba+trung"
    assert page.input_value("#search-page-q") == "hai ba trung"


def test_without_javascript_the_page_says_so_and_links_to_the_archive(served, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "tim-kiem/?q=hai")
    notice = page.locator(".search-noscript")
    assert notice.is_visible()
    assert "JavaScript" in notice.inner_text()
    page.click(".search-noscript a")
    assert page.url == served + "luu-tru/"
    context.close()


def test_opened_from_a_file_the_page_says_search_needs_a_server(built, browser):
    page = browser.new_page()  # the blocked fetches are logged as errors here, rightly
    page.goto((built.output / "tim-kiem/index.html").as_uri() + "?q=hai")
    page.wait_for_function(
        "document.querySelector('.search-status').textContent.includes('file://')"
    )
    assert page.input_value("#search-page-q") == "hai"
    page.close()


def test_the_page_and_the_indexer_put_words_in_the_same_form(served, page):
    words = [
        "Đồng",
        "ĐƯỜNG",
        "hoà",
        "HÒA",
        "khoẻ",
        "thuỷ",
        "Ủy",
        "quý",
        "hoàn",
        "xoáy",
        "khuya",
        "thuở",
        "3286-QĐ/QU",
        "HĐND,",
        "café",
        "naïve",
        "2019",
        unicodedata.normalize("NFD", "Nghiệm"),
    ]
    page.goto(served + "tim-kiem/")
    in_browser = page.evaluate(
        """text => {
            const s = window.newsarchiveSearch;
            const found = s.words(text);
            return [found, found.map(s.exactToken), found.map(s.foldedToken)];
        }""",
        " ".join(words),
    )
    in_python = folding.words(" ".join(words))
    assert in_browser == [
        in_python,
        [folding.exact_token(w) for w in in_python],
        [folding.folded_token(w) for w in in_python],
    ]
