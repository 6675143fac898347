"""Search in a real browser: a built site served under /repo/, queried through the page.

One small Vietnamese corpus holds the seed article, one article per folding case, and
articles written to lure a poor ranking away from the seed; another site holds a phrase
against the same words scattered. Every test types or opens a query as a reader would
and reads the result list; the page's own behaviour (more results, the query in the
address, the keyboard, the live region, the size of the field on a phone, accessibility)
is checked the same way.
"""

import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, quote_plus, urlsplit

import pytest
from conftest import SiteDir, article
from serving import serve
from test_search_engine import MONTH_IN_FULL_NOTICE, MONTH_IN_FULL_WANTED, month_in_full_corpus
from test_seed_article import SEED_URL
from webtools import axe_run

from newsarchive.search.engine import Index
from newsarchive.search.engine import search as engine_search
from newsarchive.search.engine import suggest as engine_suggest
from newsarchive.urls import search_bundle_url

SUB_PATH = "repo"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "search"
BODY = "Bài viết này kể về {} ở phường Bạch Mai, quận Hai Bà Trưng, trong năm nay."
# A short news item of ordinary length naming three women: every word of the seed's
# "Đinh Thị Lan Duyên", in three names.
LURE_BODY = """\
Sáng ngày 2/7/2021, Hội Liên hiệp Phụ nữ phường Thanh Nhàn tổ chức hội nghị sơ kết công
tác sáu tháng đầu năm và triển khai nhiệm vụ sáu tháng cuối năm. Dự hội nghị có đại diện
Đảng ủy, UBND phường cùng các chi hội trưởng của hai mươi tổ dân phố.

Báo cáo tại hội nghị cho biết, sáu tháng qua Hội đã vận động hội viên tham gia giữ gìn vệ
sinh môi trường, nuôi con khỏe, dạy con ngoan, xây dựng gia đình văn hóa; phối hợp với
trạm y tế tuyên truyền phòng chống dịch bệnh mùa hè; thăm hỏi, tặng quà các gia đình có
hoàn cảnh khó khăn nhân dịp Tết Thiếu nhi.

Dịp này, bà Đinh Thị Hoa, Chủ tịch Hội, trao giấy khen cho chị Nguyễn Thị Lan, chi hội
trưởng tổ dân phố số 5, và cô Trần Thị Duyên, giáo viên trường mầm non của phường, vì
thành tích xuất sắc trong phong trào thi đua. Hội nghị thống nhất các chỉ tiêu cho sáu
tháng cuối năm, trong đó chú trọng công tác phát triển hội viên trẻ.
"""
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
    # Markup in the text is text: it must reach the page as written, not as elements.
    "markup.md": article(
        "Mã <em>nhúng</em> trong tiêu đề",
        "2021-06-03 09:00",
        "Đoạn `<img src=x onerror=alert(1)>` và chữ zthunghiem để tìm.",
        category="Thử <b>nghiệm</b>",
    ),
    # Articles with every word of a seed query, none of them side by side as in the
    # seed: term counts and a shorter length alone would rank these first.
    "lure-name.md": article(
        "Khen thưởng cán bộ nữ phường Thanh Nhàn",
        "2021-07-02 09:00",
        LURE_BODY,
    ),
    "lure-council.md": article(
        "HĐND phường họp kỳ thứ hai",
        "2021-07-03 09:00",
        "HĐND phường Bạch Đằng họp; bà con hỏi về quận Đống Đa và phố Trưng Nhị."
        " Đại biểu HĐND trả lời bà con.",
    ),
}
# A word, and a longer one it is the start of without diacritics.
CORPUS["thuy.md"] = article("Nước sạch", "2021-08-02 09:00", "Công trình thủy lợi phường.")
for i in range(3):
    CORPUS[f"han-thuyen-{i}.md"] = article(
        f"Phố Hàn Thuyên số {i}",
        f"2021-08-1{i} 09:00",
        "Vỉa hè phố Hàn Thuyên.",
    )
# A formal document's date, written long (the seed's day: 19/04/2019).
CORPUS["cong-van.md"] = article(
    "Công văn lưu trữ", "2020-06-10 09:00", "Hà Nội, ngày 19 tháng 4 năm 2019. Kính gửi."
)
# A plan for a month written months before it, of which no article is.
CORPUS["ke-hoach.md"] = article(
    "Kế hoạch kiểm tra", "2018-12-03 09:00", "Kế hoạch kiểm tra vào tháng 5/2019."
)
# An imported article that keeps its old address.
CORPUS["le-hoi.md"] = article(
    "Lễ hội đền Đồng Nhân khai mạc",
    "2021-09-01 09:00",
    "Lễ hội truyền thống.",
    aliases="[/tin-tuc-su-kien/le-hoi-den-dong-nhan-766.html]",
)
OLD_PORTAL = "https://haibatrung.hanoi.gov.vn/tin-tuc-su-kien/"
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

SEED_TITLE = "Quận Hai Bà Trưng quán triệt"
SEED_CATEGORY = "Tin tức - Sự kiện"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def replace_values(path, values: dict[str, str]) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    for key, value in values.items():
        lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def mark_chrome(site: SiteDir) -> None:
    replace_values(site.root / "templates/strings.yaml", CHROME)
    # A brace meant as text is written twice, as for Python's str.format: js/search.js
    # took {{x}} for a placeholder and showed both braces.
    strings = site.root / "templates/strings.yaml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(
        text.replace("viết nào cho “{query}”", "viết {{nào}} cho “{query}”"), encoding="utf-8"
    )
    replace_values(site.root / "site.yaml", {"banner": "zbieungu"})


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> SiteDir:
    site = SiteDir(tmp_path_factory.mktemp("search") / "site")
    mark_chrome(site)
    site.add(
        "2021/chrome.md",
        article("Tin có tác giả", "2021-08-01", "Nội dung.", category="zchuyenmuc", author="Ai"),
    )
    site.add_seed()
    for name, text in CORPUS.items():
        site.add(f"2021/{name}", text)
    site.add("2021/nfd.md", unicodedata.normalize("NFD", NFD_ARTICLE))
    assert site.build("--base-url", f"https://user.github.io/{SUB_PATH}/") == 0
    return site


@pytest.fixture(scope="module")
def served(built, browser):
    with serve(built.output, SUB_PATH) as address:
        yield address


def watch(page) -> list[str]:
    """Console errors and uncaught exceptions of `page`, to assert empty at the end."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = watch(page)
    yield page
    context.close()
    assert errors == []


SETTLED = "document.querySelector('.search-status').textContent.includes('“')"
RESULTS = """items => items.map(li => ({
    title: li.querySelector('h2 a').textContent,
    href: li.querySelector('h2 a').href,
    date: li.querySelector('.search-date')?.textContent,
    category: li.querySelector('.search-category-name')?.textContent,
    excerpt: li.querySelector('.search-excerpt')?.textContent ?? '',
    marks: [...li.querySelectorAll('.search-excerpt mark')]
        .flatMap(m => m.textContent.split(/\\s+/)),
    markRuns: [...li.querySelectorAll('.search-excerpt mark')].map(m => m.textContent),
    elements: [...li.querySelectorAll('*')].map(e => e.localName),
}))"""


def results(page) -> list[dict]:
    return page.eval_on_selector_all(".search-result", RESULTS)


def search(page, address: str, query: str) -> list[dict]:
    """Open the search page for `query` and read its first page of results, in order."""
    page.goto(f"{address}tim-kiem/?q={quote(query)}")
    page.wait_for_function(SETTLED)
    return results(page)


def show_all(page) -> list[dict]:
    """Press "more" until every result is listed."""
    while page.is_visible(".search-more"):
        shown = page.locator(".search-result").count()
        page.click(".search-more")
        page.wait_for_function(f"document.querySelectorAll('.search-result').length > {shown}")
    return results(page)


def shown_for(query: str, page) -> None:
    """Wait for the results of `query` (a slow machine may show those of its start first)."""
    page.wait_for_function(
        "query => document.querySelector('.search-status').textContent.includes(`“${query}”`)",
        arg=query,
    )


def titles(found: list[dict]) -> list[str]:
    return [r["title"] for r in found]


def folded(text: str) -> str:
    bare = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in bare if not unicodedata.combining(c))


def count_shown(page) -> int:
    status = page.inner_text(".search-status")
    number = re.match(r"\d+", status)
    assert number, f"no count in {status!r}"
    return int(number.group())


# -- Folding: what is found -------------------------------------------------------


@pytest.mark.parametrize("query", ["19/04/2019", "ngày 19-4-2019"])
def test_a_date_finds_the_article_of_that_day_and_marks_the_date_it_writes(served, page, query):
    """The seed shows 19/04/2019 and writes `19/4/2019`: typed either way, it is found
    and its excerpt marks the date it writes (one term for the page, not its numbers)."""
    found = search(page, served, query)
    assert found[0]["title"].startswith(SEED_TITLE)
    assert "19/4/2019" in {m.strip(" .,") for m in found[0]["markRuns"]}, found[0]["markRuns"]


@pytest.mark.parametrize(
    "query",
    ["1/6/2021 - 30/6/2021", "từ ngày 01/06/2021 đến ngày 30/06/2021", "30/6/2021-1/6/2021"],
)
def test_a_range_of_days_lists_the_articles_published_in_it_newest_first(served, page, query):
    """Typed as a range, two dates are any day between them: the articles of June 2021,
    newest first (both dates were required: nothing was found); with words, those of
    them with the words."""
    found = show_all(page) if search(page, served, query) else []
    days = [r["date"] for r in found]
    assert days and all(day.endswith("/06/2021") for day in days), days
    assert days == sorted(days, reverse=True) and count_shown(page) == len(found)
    assert "Hòa giải ở cơ sở" in titles(found)
    worded = titles(search(page, served, f"hòa giải {query}"))
    assert worded and set(worded) < set(titles(found)) and "Hòa giải ở cơ sở" in worded


@pytest.mark.parametrize("query", ["ngày 19 tháng 4 năm 2019", "Ngày 19 tháng 04 năm 2019"])
def test_a_long_date_finds_the_article_of_that_day_and_marks_the_long_date_written(
    served, page, query
):
    """`ngày 19 tháng 4 năm 2019` (as a formal document dates itself) was six words: the
    seed, of that day, lacks `tháng` and `năm` side by side with them. Now it is the
    date: the seed first, then the article that writes it long, that text marked (with
    `ngày`, a word of the query read as before too). `19/04/2019` finds that article
    too, and marks the long date it writes, as it marks `19/4/2019`."""
    found = search(page, served, query)
    assert found[0]["title"].startswith(SEED_TITLE)
    assert found[1]["title"] == "Công văn lưu trữ"
    assert found[1]["markRuns"] == ["ngày 19 tháng 4 năm 2019"], found[1]["markRuns"]
    short = search(page, served, "19/04/2019")
    assert [r["title"] for r in short[:2]] == [found[0]["title"], "Công văn lưu trữ"]
    assert short[1]["markRuns"] == ["19 tháng 4 năm 2019"], short[1]["markRuns"]


@pytest.mark.parametrize("query", ["ngày 19 tháng 4 năm 2019", "từ ngày 19/4/2019 đến nay"])
def test_the_words_a_date_takes_in_are_marked_only_with_a_date(served, page, query):
    """`ngày`, `từ`, `đến`, `nay` of a long date or a range to today are words of the
    query read as before too (Query.literal), and they were marked wherever an article
    has them: every `ngày` of the seed (`ngày 10/4/2019`, a day not searched), `đến nay`
    of an article of the range; now only beside what is marked of a date or a number."""
    found = show_all(page) if search(page, served, query) else []
    signs = {"ngày", "từ", "đến", "nay", "tháng", "năm"}
    runs = [run for r in found for run in r["markRuns"]]
    assert runs and not [
        run for run in runs if set(folded(run).split()) <= set(map(folded, signs))
    ], runs
    seed = next(r for r in found if r["title"].startswith(SEED_TITLE))
    assert "ngày 10" not in " ".join(seed["markRuns"]), seed["markRuns"]


@contextmanager
def search_page(site: SiteDir, browser) -> Iterator[Callable[[str], dict]]:
    """The built site's search page, served and its engine loaded: its search(query)."""
    with serve(site.output) as address:
        page = browser.new_page()
        try:
            page.goto(f"{address}tim-kiem/")
            page.wait_for_function(
                "!!(window.newsarchiveSearch && window.newsarchiveSearch.search)"
            )
            yield lambda query: page.evaluate(
                "async (q) => await newsarchiveSearch.search(q)", query
            )
        finally:
            page.close()


def test_a_months_numbers_are_marked_only_as_it_is_written(site, browser):
    """`tháng 3 năm 2019` is its words too (`tháng`, `3`, `năm`, `2019`, read as before):
    the `3` of "3 tháng" (three months) was marked, and the `tháng` beside it as part of
    a date. Now a date's numbers are marked as the date writes them, after their sign
    (`tháng 3`, `năm 2019`) or joined (`3/2019`), and `tháng` before its number only."""
    body = "Trong 3 tháng đầu năm, phường làm tốt. Báo cáo tháng 3 năm 2019 và 3/2019 đã gửi."
    site.add("2019/a.md", article("Kế hoạch của phường", "2019-03-10 08:00", body))
    body = "Sau 3 tháng, kết quả của năm 2019 tốt; ngày 10/3/2019 họp."
    site.add("2020/b.md", article("Tổng kết", "2020-06-01 08:00", body))
    assert site.build() == 0
    with search_page(site, browser) as search:
        year = ["năm", "2019"]  # `năm 2019` where the query has `năm`
        for query, words in [
            ("tháng 3 năm 2019", year),
            ("thang 3 nam 2019", year),
            ("tháng 3/2019", []),
        ]:
            found = search(query)
            marked = {
                r["title"]: [p["text"] for p in r["snippet"] if p["mark"]] for r in found["results"]
            }
            # `tháng 3 năm 2019` written is the month, however it is typed.
            month = ["tháng", "3", "năm", "2019", "3", "2019"]
            assert marked["Kế hoạch của phường"] == month, query
            # (`10/3/2019`, a day of the month, is marked whole: the test below)
            assert marked["Tổng kết"] == [*words, "10", "3", "2019"], query


def bracketed(parts: list[dict]) -> str:
    """A snippet's text with each word marked in brackets: `ngày [4]/[4]/[2019]`."""
    return "".join(f"[{p['text']}]" if p["mark"] else p["text"] for p in parts)


def test_where_only_the_title_has_the_phrase_the_passage_is_the_texts_opening(site, browser):
    """`chợ đại cồ việt` found "Chợ Đại Cồ Việt được cải tạo" first, whose text never
    names the market: its passage was the stretch with `đại` (đại biểu) and `Việt` (a
    man's name) apart, which said nothing of it. Where the text's best passage has fewer
    of the words searched, or of their pairs side by side, than the title, the passage is
    the text's opening, marked as any; an article whose text has the phrase shows it."""
    opening = (
        "Sáng 12/3, UBND phường khởi công công trình sau nhiều năm người dân mong đợi. Công"
        " trình gồm nhà lồng mới, hệ thống phòng cháy, bãi để xe và khu vệ sinh; dự kiến"
        " hoàn thành trước Tết."
    )
    apart = " Các đại biểu thống nhất cao với phương án. Đồng chí Trần Đức Việt phát biểu."
    title = "Chợ Đại Cồ Việt được cải tạo"
    site.add("2022/a.md", article(title, "2022-03-12 08:00", opening + apart))
    named = " Chợ Đại Cồ Việt có từ năm 1990 và đã xuống cấp."
    site.add("2022/b.md", article("Cải tạo chợ Đại Cồ Việt", "2022-03-13 08:00", opening + named))
    assert site.build() == 0
    with search_page(site, browser) as search:
        for query in ["chợ đại cồ việt", "cho dai co viet"]:
            found = {r["title"]: bracketed(r["snippet"]) for r in search(query)["results"]}
            assert found["Chợ Đại Cồ Việt được cải tạo"].startswith(opening[:60]), found
            assert found["Cải tạo chợ Đại Cồ Việt"].startswith("… "), found
            assert "[Chợ] [Đại] [Cồ] [Việt]" in found["Cải tạo chợ Đại Cồ Việt"], found
        # A word the title and the text both have, alone: its place in the text.
        found = {r["title"]: bracketed(r["snippet"]) for r in search("việt")["results"]}
        assert found["Chợ Đại Cồ Việt được cải tạo"].startswith("… "), found


def test_a_date_is_marked_where_the_text_writes_a_day_of_it(site, browser):
    """`tháng 4/2019` marked the `ngày 4/4/2019` of an article (its numbers are the
    month's) but not its `ngày 25/4/2019`, another day of April; `năm 2019` marked every
    `năm` (`5 năm`, five years) and every `2019` (`01/2019/QĐ-UBND`, a code). A month, a
    range or a year after `năm` now marks a date where the text writes one of its days
    (`25/4/2019`, `ngày 25 tháng 4 năm 2019`, from its day), and `năm` before the year."""
    body = "Họp ngày 4/4/2019 và ngày 25/4/2019; ngày 25 tháng 4 năm 2019 ký; ngày 5/5/2019 nghỉ."
    site.add("2019/a.md", article("Lịch họp", "2019-04-10 08:00", body))
    body = "Sau 5 năm, kế hoạch năm 2019 đạt; QĐ 01/2019/QĐ-UBND; ngày 2/6/2019 họp,"
    body += " tháng 6/2019 xong."
    site.add("2019/b.md", article("Kế hoạch", "2019-05-10 08:00", body))
    assert site.build() == 0
    april = "Họp ngày [4]/[4]/[2019] và ngày [25]/[4]/[2019]; ngày [25] [tháng] [4] [năm] [2019] ký"
    with search_page(site, browser) as search:
        for query, title, marked in [
            ("tháng 4/2019", "Lịch họp", april + "; ngày 5/5/2019 nghỉ."),
            ("tháng 4 năm 2019", "Lịch họp", april + "; ngày 5/5/2019 nghỉ."),
            (
                "từ 1/4/2019 đến 24/4/2019",
                "Lịch họp",
                "Họp ngày [4]/[4]/[2019] và ngày 25/4/2019; ngày 25 tháng 4 năm 2019 ký",
            ),
            ("năm 2019", "Lịch họp", april + "; ngày [5]/[5]/[2019] nghỉ."),
            (
                "năm 2019",
                "Kế hoạch",
                "Sau 5 năm, kế hoạch [năm] [2019] đạt; QĐ 01/2019/QĐ-UBND; ngày [2]/[6]/[2019]"
                " họp, tháng [6]/[2019] xong.",
            ),
        ]:
            found = search(query)
            snippets = {r["title"]: bracketed(r["snippet"]) for r in found["results"]}
            assert title in snippets, (query, snippets)
            assert snippets[title].startswith(marked), (query, snippets[title])


def test_a_range_with_its_year_once_or_a_month_as_a_word_marks_its_days(site, browser):
    """`từ ngày 1 đến ngày 31/3/2020` (the year written once) was the day 31/3/2020 and the
    number 1, and `tháng sáu năm 2019` four words: a day of March or June an article writes
    was not marked, nor by `từ mồng 1 đến 31/3/2020`, `tháng 1 - 3 năm 2020` (words). Read
    as the range and the month, they mark the dates of their days, as `từ 1/3/2020 đến
    31/3/2020` and `tháng 6/2019` do."""
    body = "Họp ngày 15/3/2020 và ngày 2/4/2020; tháng 6/2019 xong."
    site.add("2020/a.md", article("Lịch họp", "2020-03-20 08:00", body))
    body = "Họp ngày 10/6/2019, tháng 6/2019 xong; ngày 15/3/2020 nghỉ."
    site.add("2019/b.md", article("Kế hoạch", "2019-06-12 08:00", body))
    assert site.build() == 0
    march = "Họp ngày [15]/[3]/[2020] và ngày 2/4/2020; tháng 6/2019 xong."
    june = "Họp ngày [10]/[6]/[2019], [tháng] [6]/[2019] xong; ngày 15/3/2020 nghỉ."
    with search_page(site, browser) as search:
        for query, marked in [
            ("từ ngày 1 đến ngày 31/3/2020", {"Lịch họp": march.replace("ngày [", "[ngày] [")}),
            ("từ 1 đến 31/3/2020", {"Lịch họp": march}),
            ("từ tháng 1 đến tháng 3/2020", {"Lịch họp": march}),
            ("từ mồng 1 đến 31/3/2020", {"Lịch họp": march}),
            ("tháng 1 - 3 năm 2020", {"Lịch họp": march}),
            ("tháng sáu năm 2019", {"Kế hoạch": june}),
            ("thang sau nam 2019", {"Kế hoạch": june}),
            ("tháng Sáu/2019", {"Kế hoạch": june}),
        ]:
            found = search(query)
            snippets = {r["title"]: bracketed(r["snippet"]) for r in found["results"]}
            assert snippets == marked, (query, snippets)


def test_dates_as_vietnamese_write_them_find_their_articles_in_both_engines(site, browser):
    """Dates a reader writes as Vietnamese say them, each a miss before: `mùng` before a
    date asked for the word `mùng`; a range's start written long without its year (`từ
    ngày 1 tháng 1 đến …`) asked for `từ`, `ngày`, `1`; months as words with `tháng` once
    (`tháng một - ba năm 2020`) were words; a minus before a range's start left out its
    first day and asked for its last; a range ending past the first 12 words was its two
    days. Each now finds the articles of its days, in the page as in the Python engine."""
    days = {
        "Giao ban tháng Giêng": "2020-01-15",
        "Giao ban tháng Hai": "2020-02-20",
        "Giao ban đầu tháng Ba": "2020-03-01",
        "Giao ban giữa tuần": "2020-03-03",
        "Giao ban cuối tuần": "2020-03-05",
        "Giao ban tháng Tư": "2020-04-01",
    }
    for number, (title, day) in enumerate(days.items()):
        site.add(f"2020/{number}.md", article(title, f"{day} 08:00", "Họp giao ban và bàn việc."))
    assert site.build() == 0
    newest = list(reversed(days))
    march = ["Giao ban cuối tuần", "Giao ban giữa tuần", "Giao ban đầu tháng Ba"]
    index = Index(site.output / "tim-kiem/chi-muc")
    with search_page(site, browser) as search:
        for query, found in [
            ("họp từ ngày 1 tháng 1 đến ngày 5 tháng 2 năm 2020", {"Giao ban tháng Giêng"}),
            ("họp tháng một - ba năm 2020", set(newest[1:])),
            ("hop thang mot - ba nam 2020", set(newest[1:])),
            ("hop thang hai - tu nam 2020", set(newest[:5])),  # `tư`, not `từ năm 2020`
            ("họp mùng 1/3/2020 và mùng 5/3/2020", {march[0], march[2]}),
            ("hop mung 1/3/2020 va mong 5/3/2020", {march[0], march[2]}),
            ("họp -mùng 5/3/2020", set(days) - {march[0]}),
            ("họp -ngày 1 đến ngày 31/3/2020", set(days) - set(march)),
            ("họp -từ ngày 1/3/2020 đến nay", set(newest[4:])),
            ("họp -từ tháng 1 đến tháng 2/2020", set(days) - set(newest[4:])),
            ("họp giao ban và bàn việc giao ban từ 1/3/2020 đến 5/3/2020", set(march)),
        ]:
            python = [hit.title for hit in engine_search(index, query, limit=100).hits]
            page = [result["title"] for result in search(query)["results"]]
            assert set(python) == found and page == python, (query, python, page)
            if len(found) > 2 and len(query) < 40:  # a range's days: newest first
                assert python == [title for title in newest if title in found], query


def test_a_month_typed_with_a_space_before_its_year_finds_its_articles_in_both_engines(
    site, browser
):
    """`tiem chung thang 3 2021` was its words: the notice whose title has `tiêm chủng
    tháng 3` (of 2019, its text naming 2021) came first, and the article of March 2021
    about vaccination, which does not write `tháng 3`, was not found. The month typed so
    is March 2021, in the page as in the Python engine: that article first, then the
    notice, as for `tháng 3/2021`."""
    body = "Trạm y tế phường Bạch Mai tiêm chủng mở rộng cho 300 trẻ em."
    site.add("2021/a.md", article("Tiêm chủng mở rộng cho trẻ em", "2021-03-10 08:00", body))
    body = "Lịch tiêm chủng tháng 3 tại phường; kế hoạch của năm 2021 sẽ báo sau."
    site.add("2019/b.md", article("Lịch tiêm chủng tháng 3", "2019-03-01 08:00", body))
    assert site.build() == 0
    index = Index(site.output / "tim-kiem/chi-muc")
    march, notice = "Tiêm chủng mở rộng cho trẻ em", "Lịch tiêm chủng tháng 3"
    with search_page(site, browser) as search:
        for query, found in [
            ("tiem chung thang 3 2021", [march, notice]),
            ("tiêm chủng tháng 03 2021", [march, notice]),
            ("tiêm chủng tháng 3/2021", [march, notice]),
            ("thang 3 2021", [march, notice]),
        ]:
            python = [hit.title for hit in engine_search(index, query, limit=100).hits]
            page = [result["title"] for result in search(query)["results"]]
            assert python == found and page == python, (query, python, page)


def test_a_tags_name_finds_the_articles_filed_under_it_in_both_engines(site, browser):
    """A reader who typed a tag's name found nothing when the text does not say it: the
    1,000-article bench has a page "COVID-19" of 28 articles and "di tích" of 15, and
    `covid`, `COVID-19`, `di tích` said "Không tìm thấy bài viết nào". An article's tags
    are its words too, each apart (no pair across two tags), in the page as in the
    Python engine; its category is not (test_only_article_text_is_indexed). A tag added
    to an article is found after the next build."""
    for name, title, body, tags in [
        ("a", "Ra quân phòng dịch", "Phường ra quân phòng chống dịch bệnh.", "COVID-19, y tế"),
        ("b", "Tiêm vắc-xin", "Trạm y tế phường tiêm vắc-xin cho người già.", "COVID-19"),
        ("c", "Tu bổ đình chùa", "Tu bổ đình làng và chùa cổ của phường.", "di tích, y tế"),
        ("d", "Tin khác", "Dịch bệnh đã qua.", "tích cực"),
    ]:
        site.add(f"{name}.md", article(title, "2021-03-10 08:00", body, tags=f"[{tags}]"))
    assert site.build() == 0
    index = Index(site.output / "tim-kiem/chi-muc")
    covid = {"Ra quân phòng dịch", "Tiêm vắc-xin"}
    with search_page(site, browser) as search:
        for query, found in [
            ("covid", covid),
            ("COVID-19", covid),
            ("covid dịch bệnh", {"Ra quân phòng dịch"}),
            ("di tích", {"Tu bổ đình chùa"}),
            ('"di tích"', {"Tu bổ đình chùa"}),
            ('"tế di"', set()),  # two tags side by side are no phrase
        ]:
            python = [hit.title for hit in engine_search(index, query, limit=100).hits]
            page = [result["title"] for result in search(query)["results"]]
            assert set(python) == found and page == python, (query, python, page)
        # The passage shown says why: the tag, marked, where the text lacks the word.
        snippets = {r["title"]: bracketed(r["snippet"]) for r in search("covid")["results"]}
        assert "Từ khóa: [COVID]-19" in snippets["Tiêm vắc-xin"], snippets
    assert engine_suggest(index, "covid19") == "covid 19"  # letters and digits split
    site.add("d.md", article("Tin khác", "2021-03-10", "Dịch bệnh đã qua.", tags="[COVID-19]"))
    assert site.build() == 0
    found = engine_search(Index(site.output / "tim-kiem/chi-muc"), "covid", limit=100)
    assert {hit.title for hit in found.hits} == covid | {"Tin khác"}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_an_address_cut_short_is_searched_from_the_404_page(site, browser, javascript):
    """A shared address cut short (a chat app, a copy that missed the end of an 80-letter
    slug) showed the 404 page's four general links only. With JavaScript, the page offers
    the search of the words of the address's last part, which lists the article first;
    without, it is as before. An address without two words to search (`/khong/`) is as
    before too."""
    title = "Phường Trương Định số hóa 15 hồ sơ hộ tịch phục vụ người dân"
    site.add("a.md", article(title, "2019-04-30 17:54", "Phường số hóa hồ sơ hộ tịch."))
    other = "Phường Thanh Nhàn số hóa 120 hồ sơ hộ tịch phục vụ người dân"
    site.add("b.md", article(other, "2019-05-02 08:00", "Phường số hóa hồ sơ hộ tịch."))
    assert site.build() == 0
    missing = (site.output / "404.html").read_text(encoding="utf-8")
    with serve(site.output, "newsarchive") as address:
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        page.route(  # as GitHub Pages answers any missing address
            re.compile(r".*/(2019/04/phuong-truong-dinh-so-hoa-15-ho-so/|khong/)$"),
            lambda route: route.fulfill(status=404, body=missing, content_type="text/html"),
        )
        page.goto(address + "2019/04/phuong-truong-dinh-so-hoa-15-ho-so/")
        offer = page.locator(".not-found-search a")
        if not javascript:
            assert not offer.is_visible()
            context.close()
            return
        assert offer.inner_text() == "“phuong truong dinh so hoa 15 ho so”"
        offer.click()
        page.wait_for_selector(".search-results li")
        assert page.locator(".search-results li h2").first.inner_text() == title
        assert page.url.startswith(address + "tim-kiem/?q=")
        page.goto(address + "khong/")
        assert page.locator("h1").inner_text() == "Không tìm thấy trang"
        assert not offer.is_visible()
        assert axe_run(page) == []
        context.close()


def test_a_long_date_an_article_writes_with_a_month_word_is_marked_as_that_day(site, browser):
    """`15/6/2019` marked an article's `ngày 15 tháng 6 năm 2019`, not its `ngày 15 tháng
    Sáu năm 2019`, the same day as the index and the query now read it; now both alike."""
    body = "Họp ngày 15 tháng Sáu năm 2019; ngày 15 tháng 6 năm 2019 xong."
    site.add("2019/a.md", article("Báo cáo", "2019-07-20 08:00", body))
    assert site.build() == 0
    with search_page(site, browser) as search:
        for query in ["15/6/2019", "ngày 15 tháng Sáu năm 2019", "ngay 15 thang sau nam 2019"]:
            snippets = [bracketed(r["snippet"]) for r in search(query)["results"]]
            assert snippets, query
            worded, numbered = snippets[0].split("; ")
            want = "Họp " + numbered.replace("[6]", "[Sáu]").removesuffix(" xong.")
            assert "[15]" in numbered and worded == want, (query, snippets)


def test_a_long_date_after_mung_or_with_its_year_after_a_slash_is_marked_as_that_day(site, browser):
    """`5/3/2020` marked an article's `ngày 5 tháng 3 năm 2020`, not its `mùng 5 tháng 3
    năm 2020` (no `ngày`), nor `ngày 15 tháng 6 năm 2019` its `ngày 15 tháng 6/2019`, the
    same days as the index and the query now read them; now both alike."""
    body = "Họp mùng 5 tháng 3 năm 2020; ngày 5 tháng 3 năm 2020 xong."
    site.add("2020/a.md", article("Báo cáo", "2020-03-20 08:00", body))
    body = "Họp ngày 15 tháng 6/2019; ngày 15 tháng 6 năm 2019 xong."
    site.add("2019/b.md", article("Kế hoạch", "2019-07-20 08:00", body))
    assert site.build() == 0
    with search_page(site, browser) as search:
        for query, slash in [
            ("5/3/2020", False),
            ("mùng 5 tháng 3 năm 2020", False),
            ("15/6/2019", True),
            ("ngày 15 tháng 6/2019", True),
        ]:
            snippets = [bracketed(r["snippet"]) for r in search(query)["results"]]
            assert len(snippets) == 1, (query, snippets)
            written, long = snippets[0].split("; ")
            long = long.removesuffix(" xong.")
            want = long.replace("] [năm] [", "]/[") if slash else long.replace("ngày", "mùng")
            # (`mùng` typed is also a word, as the query is read as before too)
            written = written.replace("[mùng]", "mùng")
            assert "[" in long and written == "Họp " + want, (query, snippets)


def test_a_month_an_article_writes_as_a_word_is_marked_as_the_month(site, browser):
    """`tháng 6/2019` marked an article's `tháng 6 năm 2019` whole, a month in it, but not
    its `tháng Sáu năm 2019`, the same month as the query now reads it; now both, and
    not `tháng năm 2019` (the months of 2019, as the query reads it too; `tháng sáu năm
    2019` marks it as its words read as before, as `tháng 6 năm 2019` does)."""
    body = "Báo cáo tháng Sáu năm 2019 và tháng 6 năm 2019 đã gửi; tháng năm 2019 bận."
    site.add("2019/a.md", article("Báo cáo", "2019-06-20 08:00", body))
    assert site.build() == 0
    june = "Báo cáo [tháng] [Sáu] [năm] [2019] và [tháng] [6] [năm] [2019] đã gửi;"
    with search_page(site, browser) as search:
        for query in [
            "tháng 6/2019",
            "từ 1/6/2019 đến 30/6/2019",
            "tháng sáu năm 2019",
            "tháng 6 năm 2019",
        ]:
            snippets = [bracketed(r["snippet"]) for r in search(query)["results"]]
            assert snippets and snippets[0].startswith(june), (query, snippets)
            words = "[tháng] [năm] [2019]" if "năm" in query else "tháng năm 2019"
            assert snippets[0].endswith(f"{words} bận."), (query, snippets)


@pytest.mark.parametrize(
    ("query", "first", "last", "count"),
    [
        ("tháng 1/2020", (2020, 1, 1), (2020, 1, 31), MANY_EXACT),
        ("tháng 01 năm 2020", (2020, 1, 1), (2020, 1, 31), MANY_EXACT),
        ("từ tháng 1 năm 2020 đến tháng 2 năm 2020", (2020, 1, 1), (2020, 2, 29), MANY_EXACT + 1),
        ("01/2020", (2020, 1, 1), (2020, 1, 31), MANY_EXACT),
        ("từ tháng 1/2020 đến tháng 2/2020", (2020, 1, 1), (2020, 2, 29), MANY_EXACT + 1),
        ("1/2020-2/2020", (2020, 1, 1), (2020, 2, 29), MANY_EXACT + 1),
        ("từ 10/8/2021 đến nay", (2021, 8, 10), None, 4),
        ("từ ngày 10/08/2021 đến hôm nay", (2021, 8, 10), None, 4),
    ],
)
def test_a_month_or_a_range_to_today_lists_the_articles_published_in_it_newest_first(
    served, page, query, first, last, count
):
    """`tháng 1/2020` was the numbers 1 and 2020 (and `tháng`): January's articles that
    lack them were not found, and `từ 10/8/2021 đến nay` asked for the words `đến` and
    `nay`. Now a month is its days, two months joined the days from the one to the other,
    and a date to `nay` every day from it to the newest article: their articles, newest
    first, over pages of results."""
    found = show_all(page) if search(page, served, query) else []
    days = [tuple(int(n) for n in reversed(r["date"].split("/"))) for r in found]
    assert len(days) == count == count_shown(page), days
    assert days == sorted(days, reverse=True)
    assert all(first <= day and (last is None or day <= last) for day in days), days


@pytest.mark.parametrize(
    ("query", "first", "last"),
    [
        ("tháng 4/2019", (2019, 4, 1), (2019, 4, 30)),
        ("tháng 5/2019", (2019, 5, 1), (2019, 5, 31)),  # none of May: said so
    ],
)
def test_a_date_says_how_many_results_are_of_those_days_and_how_many_only_have_the_words(
    served, page, query, first, last
):
    """`tháng 4/2019` lists April's articles, then the others with its words (`tháng`,
    `4`, `2019`: an article of 2020 that writes "ngày 19 tháng 4 năm 2019"); the status
    said "2 kết quả", read as two articles of April. Now it says how many are of those
    days, and how many others have the words; a month no article is of (May), that none
    is (it said "0 bài trong thời gian đó")."""
    found = show_all(page) if search(page, served, query) else []
    days = [tuple(int(n) for n in reversed(r["date"].split("/"))) for r in found]
    dated = sum(first <= day <= last for day in days)
    assert (dated > 0) == (first[1] == 4) and dated < len(found), days
    status = page.inner_text(".search-status")
    want = f"“{query}”: {dated} bài trong thời gian đó, {len(found) - dated} bài khác có các từ này"
    if not dated:
        none = "không có bài nào đăng trong thời gian đó"
        want = f"“{query}”: {none}; {len(found)} bài khác có các từ này"
    assert status == want


@pytest.mark.parametrize(
    ("query", "link", "address"),
    [
        ("tháng 4/2019", "Xem mọi bài tháng 4/2019", "2019/04/"),
        ("4/2019", "Xem mọi bài tháng 4/2019", "2019/04/"),
        ("từ 1/1/2019 đến 30/4/2019", "Xem mọi bài năm 2019", "2019/"),
        ("năm 2019", "Xem mọi bài năm 2019", "2019/"),
        ("2019", "Xem mọi bài năm 2019", "2019/"),
        ("tháng 5/2019", None, None),  # no article of May: no page
        ("hai ba trung", None, None),
    ],
)
def test_a_month_or_a_years_search_links_its_page_and_a_year_alone_is_counted(
    served, built, page, query, link, address
):
    """`tháng 3/2020` listed March's articles first without offering /2020/03/, the
    page of all of them that works without JavaScript and is cited; `2020` alone listed
    2020's first without counting them ("102 kết quả phù hợp nhất … thêm một từ nữa"):
    audit-research F10, F3. Now a month's or a range's search links its month's page (a
    range across months, its year's), a year's its year's page, from the site root (the
    site is served under /repo/), when some article is of it; a year alone is counted."""
    found = show_all(page) if search(page, served, query) else []
    period = page.locator(".search-period a")
    if link is None:
        assert not page.is_visible(".search-period")
        return
    assert period.inner_text() == link
    assert period.get_attribute("href") == f"{served}{address}"
    assert (built.output / address / "index.html").is_file()
    if query.endswith(" 2019") or query == "2019":
        dated = sum(r["date"].endswith("/2019") for r in found)
        assert 0 < dated < len(found)
        assert f"{dated} bài năm 2019 xếp đầu" in page.inner_text(".search-status")
        assert all(r["date"].endswith("/2019") for r in found[:dated])
    period.click()
    page.wait_for_url(f"{served}{address}")
    assert "Không tìm thấy" not in page.title()


@pytest.mark.parametrize("query", ["hai ba trung", "Hai Bà Trưng", "HAI BÀ TRƯNG"])
def test_the_seed_article_is_found_with_or_without_diacritics(served, page, query):
    found = search(page, served, query)
    assert found, f"nothing found for {query!r}"
    assert found[0]["title"].startswith(SEED_TITLE)


def test_can_bo_finds_can_bo(served, page):
    found = titles(search(page, served, "can bo"))
    assert "Tập huấn nghiệp vụ" in found
    assert any(t.startswith(SEED_TITLE) for t in found)


@pytest.mark.parametrize("query", ["dong chi", "Đồng chí", "đồng chí"])
def test_d_and_dj_are_the_same_letter_for_search(served, page, query):
    found = search(page, served, query)
    assert "Thăm hỏi gia đình chính sách" in titles(found)
    hit = next(r for r in found if r["title"] == "Thăm hỏi gia đình chính sách")
    # Whole words are searched and marked: "chính" is not "chí".
    assert {m.strip(" .") for m in hit["marks"]} == {"Đồng", "chí"}


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


def test_another_spelling_comes_after_the_articles_with_the_spelling_typed(served, page):
    """Eleven short articles have "cầu" as typed, one as short has "câu": it is found
    (diacritics are optional) but listed after all eleven."""
    first = search(page, served, "cầu")
    assert len(first) == 10
    found = titles(show_all(page))
    exact = [found.index(f"Sửa cầu số {i}") for i in range(MANY_EXACT)]
    assert found.index("Đặt câu hỏi") > max(exact)
    assert count_shown(page) == len(found)


@pytest.mark.parametrize("query", ["hòa giải", "hoà giải", "HOÀ GIẢI", "hoa giai"])
def test_both_tone_placements_are_found_either_way(served, page, query):
    found = titles(search(page, served, query))
    assert set(found[:2]) == {"Hòa giải ở cơ sở", "Hoà giải viên giỏi"}


@pytest.mark.parametrize(
    "query", ["nghiệm thu", "nghiem thu", unicodedata.normalize("NFD", "Nghiệm thu")]
)
def test_text_saved_in_nfd_is_found(served, page, query):
    found = search(page, served, query)
    assert titles(found)[:1] == ["Nghiệm thu công trình thoát nước"]
    assert [folded(m.strip()) for m in found[0]["marks"]][:2] == ["nghiem", "thu"]


@pytest.mark.parametrize("query", [*CHROME.values(), "zbieungu", "zchuyenmuc"])
def test_only_article_text_is_indexed(served, page, query):
    assert search(page, served, query) == []


# -- Ranking -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "dinh thi lan duyen",
        "Đinh Thị Lan Duyên",
        "hdnd quan hai ba trung",
        "HĐND quận Hai Bà Trưng",
    ],
)
def test_the_seed_comes_first_for_what_it_is_about(served, page, query):
    """Other articles hold the same words apart (an ordinary news item names Đinh Thị
    Hoa, Nguyễn Thị Lan and Trần Thị Duyên): the seed names Đinh Thị Lan Duyên, Chủ tịch
    HĐND Quận, and quận Hai Bà Trưng, the words side by side."""
    found = search(page, served, query)
    assert found[0]["title"].startswith(SEED_TITLE), (
        f"{query!r}: the seed (the words side by side, twice) should come before an article"
        f" that has them apart, in other names or places; got {titles(found)[:3]}"
    )
    lures = {"Khen thưởng cán bộ nữ phường Thanh Nhàn", "HĐND phường họp kỳ thứ hai"}
    assert lures & set(titles(found)), "the lures hold the words: they are found, lower"


PHRASE = "Hai Bà Trưng"
PHRASE_CORPUS = {
    # The three words once, side by side.
    "lien-ke.md": article(
        "Tin văn hóa tháng ba",
        "2022-03-01 08:00",
        "Nhân dân phường Đồng Nhân dự lễ tưởng niệm Hai Bà Trưng tại đền, sau đó"
        " cùng thăm nhà văn hóa và khu vui chơi của phường.",
    ),
    # The same words more often and as long, never side by side in this order.
    "roi-rac.md": article(
        "Tin văn hóa tháng tư",
        "2022-04-01 08:00",
        "Hai đoàn khách thăm nhà bà cụ ở phố Trưng Trắc; bà cụ kể hai chuyện cũ,"
        " bà con nghe, rồi đoàn về phố Trưng Nhị lúc hai giờ.",
    ),
    "khac.md": article("Tin thể thao", "2022-05-01 08:00", "Giải bóng đá phường khai mạc."),
    # A heading, then its paragraph.
    "tieu-de.md": article(
        "Tiếp xúc cử tri",
        "2022-05-02 08:00",
        "Ý kiến của cử tri được ghi lại.\n\n## Kiến nghị, đề xuất\n\nCác đại biểu kiến nghị"
        " sửa đường ống nước ở phố Lò Đúc.",
    ),
    # One word in two spellings.
    "cho.md": article("Tin thương mại", "2022-06-01 08:00", "Chợ Hôm mở cửa cho khách từ sáng."),
    # A hotline in groups, past the first 30 words.
    "hotline.md": article(
        "Phòng khám mở buổi tối",
        "2022-07-01 08:00",
        "Phòng khám mở thêm giờ khám buổi tối vào các ngày thường trong tuần; người dân cần"
        " đặt lịch trước, mang theo giấy tờ tùy thân và sổ khám bệnh. Mọi thắc mắc xin gọi"
        " số 0912 345 678 trong giờ hành chính.",
    ),
}


def served_corpus(tmp_path_factory, name: str, corpus: dict[str, str]) -> Iterator[str]:
    """A site of ``corpus``'s articles (file name: text), built under a sub-path and
    served: its address."""
    site = SiteDir(tmp_path_factory.mktemp(name) / "site")
    for file, text in corpus.items():
        site.add(f"2022/{file}", text)
    assert site.build("--base-url", f"https://user.github.io/{SUB_PATH}/") == 0
    with serve(site.output, SUB_PATH) as address:
        yield address


NAME_CORPUS = {
    **{
        f"ten-{n}.md": article(f"Tin số {n}", f"2022-03-0{n + 1} 08:00", body)
        for n, body in enumerate(
            [
                "Bà Đinh Thu Hiền, Phó Chủ tịch, phát biểu tại hội nghị.",
                "Đồng chí Đinh Thu Hiền trao giải cho các đội.",
                "Đinh Thu Hiền nhận bằng khen của quận.",
            ]
        )
    },
    **{
        f"roi-{n}.md": article(
            f"Thông báo số {n}",
            f"2022-04-0{n + 1} 08:00",
            f"Mùa thu năm nay ông Đinh Văn An thể hiện tinh thần; số {n} hiện có.",
        )
        for n in range(5)
    },
}


@pytest.fixture(scope="module")
def name_site(tmp_path_factory, browser):
    yield from served_corpus(tmp_path_factory, "name", NAME_CORPUS)


@pytest.mark.parametrize("query", ["Đinh Thu Hiền", "dinh thu hien"])
def test_a_names_words_side_by_side_are_counted_and_listed_first(name_site, page, query):
    """`Đinh Thu Hiền` (in 3 articles) said "240 kết quả phù hợp nhất …" (audit-research
    F2), read as 240 articles naming her. Now the page says how many have the words side
    by side, listed first, and how many others have them apart."""
    found = search(page, name_site, query)
    status = page.inner_text(".search-status")
    assert status == f"“{query}”: 3 bài có đúng cụm từ này, xếp đầu; 5 bài khác có các từ này"
    assert all("Đinh Thu Hiền" in r["excerpt"] for r in found[:3]), found
    assert len(found) == 8
    search(page, name_site, f'"{query}"')  # in quotes: exactly those
    assert page.inner_text(".search-status") == f"3 kết quả cho “{query}”"


def test_a_documents_number_after_so_is_not_marked_as_a_date(site, browser):
    """`năm 2019` marked `12/2019` of `QĐ số 12/2019` (a document's number) as a month of
    2019. A number after `số` is a document's: not marked as a date searched, unless the
    reader typed it (`số 12/2019`: its words)."""
    body = "Theo QĐ số 12/2019 và Quyết định số 4/2019/QĐ-UBND, năm 2019 họp tháng 6/2019."
    site.add("2019/a.md", article("Quyết định", "2019-05-10 08:00", body))
    assert site.build() == 0
    with search_page(site, browser) as search:
        for query, marked in [
            ("năm 2019", "Theo QĐ số 12/2019 và Quyết định số 4/2019/QĐ-UBND, [năm] [2019] họp"),
            # A month no article is of: the article that writes it as typed, marked so.
            ("12/2019", "Theo QĐ số [12]/[2019] và Quyết định số 4/2019/QĐ-UBND, năm 2019"),
            ("từ 1/1/2019 đến 31/12/2019", "Theo QĐ số 12/2019 và Quyết định số 4/2019/QĐ-UBND,"),
            ("QĐ số 12/2019", "Theo [QĐ] [số] [12]/[2019] và Quyết định [số]"),  # its words
        ]:
            found = search(query)
            snippets = [bracketed(r["snippet"]) for r in found["results"]]
            assert snippets and snippets[0].startswith(marked), (query, snippets)


def test_a_quarter_or_round_is_not_marked_as_its_month(site, browser):
    """`tháng 1/2020` marked the `1/2020` of `quý 1/2020` (the first quarter, as reports
    are titled) as January; the query reads a number after `quý` or `đợt` as no month
    (45a3861), and so does the passage now."""
    body = "Báo cáo quý 1/2020 và đợt 1/2020 được gửi ngày 15/1/2020, họp tháng 1/2020."
    site.add("2020/a.md", article("Báo cáo", "2020-01-20 08:00", body))
    assert site.build() == 0
    with search_page(site, browser) as search:
        for query, marked in [
            (
                "tháng 1/2020",
                "Báo cáo quý 1/2020 và đợt 1/2020 được gửi ngày [15]/[1]/[2020], "
                "họp [tháng] [1]/[2020]",
            ),
            ("báo cáo quý 1/2020", "[Báo] [cáo] [quý] [1]/[2020] và đợt [1]/[2020]"),  # its words
        ]:
            found = search(query)
            snippets = [bracketed(r["snippet"]) for r in found["results"]]
            assert snippets and snippets[0].startswith(marked), (query, snippets)


@pytest.fixture(scope="module")
def phrase_site(tmp_path_factory, browser):
    yield from served_corpus(tmp_path_factory, "phrase", PHRASE_CORPUS)


@pytest.mark.parametrize("query", [PHRASE, "hai ba trung", PHRASE.upper()])
def test_the_words_side_by_side_beat_the_words_scattered(phrase_site, page, query):
    found = search(page, phrase_site, query)
    assert titles(found)[:2] == ["Tin văn hóa tháng ba", "Tin văn hóa tháng tư"]
    # Marked as one run where they are side by side, word by word where they are not.
    assert "Hai Bà Trưng" in found[0]["markRuns"]
    assert all(" " not in run for run in found[1]["markRuns"])


@pytest.mark.parametrize("query", [f'"{PHRASE}"', '"hai ba trung"', f"“{PHRASE}”"])
def test_a_quoted_phrase_must_be_there_as_written(phrase_site, page, query):
    assert titles(search(page, phrase_site, query)) == ["Tin văn hóa tháng ba"]


@pytest.mark.parametrize(
    ("query", "marked"),
    [("chợ", {"chợ"}), ("Chợ", {"chợ"}), ("cho", {"cho", "chợ"}), ("den", {"đền"})],
)
def test_the_passage_marks_the_spelling_typed_or_any_without_diacritics(
    phrase_site, page, query, marked
):
    """ "chợ" marked "cho" too: a word typed with its diacritics marks that spelling;
    one typed without them marks every spelling."""
    found = search(page, phrase_site, query)
    passages_on_screen(page)
    marks = {m.strip(" .,;…").lower() for r in results(page) for m in r["marks"]}
    assert found and marks == marked, marks


def test_a_passage_across_a_heading_keeps_them_apart(phrase_site, page):
    """The passage is the page's text: a heading ran into the paragraph after it (`…
    Kiến nghị, đề xuất Các đại biểu…`), read as one sentence."""
    found = search(page, phrase_site, "đề xuất đại biểu")
    passages_on_screen(page)
    assert titles(found) == ["Tiếp xúc cử tri"]
    excerpt = " ".join(results(page)[0]["excerpt"].split())
    assert "Kiến nghị, đề xuất. Các đại biểu" in excerpt, excerpt


@pytest.mark.parametrize("query", ["0912345678", "912345678", "0912 345 678"])
def test_a_number_searched_joined_shows_and_marks_its_passage(phrase_site, page, query):
    """The hotline typed as remembered finds the article that has it in groups; its
    passage is the one with the number, marked, not the beginning of the text."""
    found = search(page, phrase_site, query)
    passages_on_screen(page)
    assert titles(found) == ["Phòng khám mở buổi tối"]
    assert results(page)[0]["markRuns"] == ["0912 345 678"]


# Two spelling rules are taught: after a consonant, a syllable's only vowel is `y` in one
# (`quản lý`, `kỳ họp`, `quý`, `bác sỹ`), `i` in the other (`quản lí`, `kì họp`, `quí`,
# `bác sĩ`). The portal wrote mostly `y`; schools teach `i`.
I_OR_Y_CORPUS = {
    "ly.md": article(
        "Tăng cường công tác đất đai",
        "2022-03-01 08:00",
        "Phường rà soát việc quản lý đất đai trên địa bàn.",
    ),
    "ky.md": article("Họp HĐND phường", "2022-03-02 08:00", "Kỳ họp thứ hai bàn về ngân sách."),
    "si.md": article("Khám bệnh miễn phí", "2022-03-03 08:00", "Các bác sĩ khám cho người già."),
    "quy.md": article("Thu ngân sách", "2022-03-04 08:00", "Quý I thu vượt dự toán."),
    # `uy` is no `y` after a consonant: `phát huy` is not `hụi`.
    "huy.md": article("Phát huy truyền thống", "2022-03-05 08:00", "Đoàn viên phát huy."),
    "hui.md": article("Cảnh giác chơi hụi", "2022-03-06 08:00", "Nhiều người mất tiền vì hụi."),
    # The words of `ve sinh moi truong` scattered at the start, side by side at the end.
    "tong-ve-sinh.md": article(
        "Ra quân cuối tuần",
        "2022-03-07 08:00",
        "Sáng nay, người dân về thăm phố Trương Định; mỗi gia đình góp một cây xanh, học sinh"
        " trồng cây cùng bố mẹ. Buổi lễ có đông đảo nhân dân tham dự. Các tổ dân phố cùng"
        " nhau dọn dẹp ngõ xóm, nạo vét cống rãnh, thu gom rác thải và sơn lại tường rào."
        " Ai cũng phấn khởi và mong muốn duy trì việc làm này thường xuyên hằng"
        " tháng. Phường ra quân tổng vệ sinh môi trường khu dân cư.",
    ),
    # A phrase in the title only; its words apart in the text.
    "giai-chay.md": article(
        "Giải chạy báo Hà Nội mới",
        "2022-03-08 08:00",
        "Đến nay, hồ sơ được giải quyết đúng hạn. Người dân chạy bộ buổi sáng.",
    ),
}


# A month no article is of among other words, and a document's number (engine._cited).
CITED_CORPUS = {
    "dang-uy-phuong.md": article("Đảng ủy phường họp", "2022-01-01 08:00", "Đảng ủy phường họp."),
    "dang-uy-xa.md": article("Đảng ủy xã tổng kết", "2022-01-02 08:00", "Đảng ủy xã tổng kết."),
    "ke-hoach.md": article(
        "Kế hoạch dài hạn", "2022-01-03 08:00", "Đảng ủy nói về tháng 5, mục 12, tầm nhìn 2030."
    ),
    "noi-vu.md": article("Sở Nội vụ", "2022-01-04 08:00", "Sở Nội vụ thực hiện Chỉ thị 04/2008."),
    "y-te.md": article("Sở Y tế", "2022-01-05 08:00", "Sở Y tế họp năm 2008, mục 04."),
    # A month asked for beside one left out (terms.py's parse_query).
    "gb-4.md": article("Giao ban tháng 4", "2019-04-10 08:00", "Giao ban công tác tháng 4."),
    "qd.md": article("Quyết định 4/2019", "2020-01-01 08:00", "Giao ban tháng này: QĐ 4/2019."),
    "gb-3.md": article("Giao ban tháng 3", "2019-03-10 08:00", "Giao ban tháng 3 bàn QĐ 4/2019."),
    # `thị` in two articles: a word of the vocabulary, which a mistyped `thịi` becomes.
    "chi-thi.md": article("Chỉ thị mới", "2022-01-06 08:00", "Phường thực hiện chỉ thị mới."),
}


@pytest.fixture(scope="module")
def cited_site(tmp_path_factory, browser):
    yield from served_corpus(tmp_path_factory, "cited", CITED_CORPUS)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        (
            "đảng ủy tháng 12/2030",
            {"Đảng ủy phường họp", "Đảng ủy xã tổng kết", "Kế hoạch dài hạn"},
        ),
        ("sở 04/2008", {"Sở Nội vụ"}),
        ("giao ban tháng 4/2019 -tháng 3/2019", {"Giao ban tháng 4", "Quyết định 4/2019"}),
    ],
)
def test_what_a_months_numbers_find_read_as_before_is_listed_where_meant(
    cited_site, page, query, found
):
    """`đảng ủy tháng 12/2030` listed only the article with `tháng`, `12` and `2030` apart,
    not those with `đảng ủy`; `sở 04/2008` finds the article citing `Chỉ thị 04/2008`.
    `giao ban tháng 4/2019 -tháng 3/2019` lost what its words read as before find."""
    assert set(titles(search(page, cited_site, query))) == found


UNDATED = "không có bài nào đăng trong thời gian đó"


@pytest.mark.parametrize(
    ("query", "said"),
    [
        # The other words' articles: the month's words dropped.
        ("đảng ủy tháng 12/2030", f"“đảng ủy tháng 12/2030”: {UNDATED}; 3 bài đăng"),
        # The articles that write the month as typed: a document's number.
        ("sở 04/2008", f"“sở 04/2008”: {UNDATED}; 1 bài khác có các từ này"),
        # A word mistyped beside a month no article is of: both said.
        (
            "đảnng ủy tháng 12/2030",
            f"Không tìm thấy “đảnng ủy tháng 12/2030”; “đảng ủy tháng 12/2030”: {UNDATED}; 3 bài",
        ),
        (
            "chỉ thịi 04/2008",
            f"Không tìm thấy “chỉ thịi 04/2008”; “chỉ thị 04/2008”: {UNDATED}; 1 bài khác có",
        ),
    ],
)
def test_a_month_no_article_is_of_says_so_and_what_is_listed(cited_site, page, query, said):
    """`giao bna tháng 12/2030` (a word mistyped) said "did you mean" without saying that no
    article is of that month; and "N bài khác có các từ này" was said of the articles with
    the other words, the month's left out. The page says each as it is."""
    search(page, cited_site, query)
    status = page.inner_text(".search-status")
    assert status.startswith(said), status
    rest = "có các từ còn lại" in status
    assert rest == ("ủy" in query), status  # the other words' articles, said so


@pytest.fixture(scope="module")
def i_or_y_site(tmp_path_factory, browser):
    yield from served_corpus(tmp_path_factory, "i-or-y", I_OR_Y_CORPUS)


@pytest.mark.parametrize(
    ("query", "title", "marked"),
    [
        ("quan li dat dai", "Tăng cường công tác đất đai", "quản lý đất đai"),
        ("quản lí đất đai", "Tăng cường công tác đất đai", "quản lý đất đai"),
        ("kì họp", "Họp HĐND phường", "Kỳ họp"),
        ("bác sỹ", "Khám bệnh miễn phí", "bác sĩ"),
        ("quí I", "Thu ngân sách", "Quý I"),
    ],
)
def test_a_word_spelt_with_i_or_y_finds_the_other_spelling(i_or_y_site, page, query, title, marked):
    """`quan li dat dai` found nothing: every article wrote `quản lý`."""
    found = search(page, i_or_y_site, query)
    assert titles(found) == [title]
    passages_on_screen(page)
    assert results(page)[0]["markRuns"] == [marked]


@pytest.mark.parametrize(
    ("query", "without"), [("Q. Hai Bà Trưng", "Hai Bà Trưng"), ("p.bach mai", "bach mai")]
)
def test_an_address_written_with_abbreviations_finds_what_its_words_find(
    served, page, query, without
):
    """`Q. Hai Bà Trưng`, `P. Bạch Mai`, as an address writes quận and phường, found
    nothing: no article has the word `q` or `p`."""
    found = titles(search(page, served, query))
    assert found and found == titles(search(page, served, without))


@pytest.mark.parametrize("query", ["ve sinh moi truong", "vệ sinh môi trường"])
def test_the_passage_shown_has_the_words_side_by_side(i_or_y_site, page, query):
    """The passage was the first with the most words searched: `về`, `Trương`, `mỗi`,
    `sinh` scattered over the article's first lines, rather than its `vệ sinh môi
    trường`. Words side by side as typed now count for the passage too."""
    assert titles(search(page, i_or_y_site, query)) == ["Ra quân cuối tuần"]
    passages_on_screen(page)
    assert results(page)[0]["markRuns"] == ["vệ sinh môi trường"]


def test_a_quoted_phrase_is_marked_where_it_is_not_its_words_apart(i_or_y_site, page):
    """`"giải chạy"` marked `giải` of `giải quyết` and `chạy` of `chạy bộ` in the passage,
    as if the phrase were there; where the text has no phrase, nothing is marked."""
    assert titles(search(page, i_or_y_site, '"giải chạy"')) == ["Giải chạy báo Hà Nội mới"]
    passages_on_screen(page)
    assert results(page)[0]["markRuns"] == []
    # Typed without quotes, the words are found apart, and marked so.
    search(page, i_or_y_site, "giải chạy")
    passages_on_screen(page)
    assert results(page)[0]["markRuns"] == ["giải", "chạy"]


def test_a_syllable_ending_in_uy_is_not_one_in_i(i_or_y_site, page):
    assert titles(search(page, i_or_y_site, "hụi")) == ["Cảnh giác chơi hụi"]
    assert titles(search(page, i_or_y_site, "phát huy")) == ["Phát huy truyền thống"]


# -- What a result shows -----------------------------------------------------------


ON_SCREEN = """items => items.filter(li => {
    const box = li.getBoundingClientRect();
    return box.top < innerHeight && box.bottom > 0;
})"""


def passages_on_screen(page) -> int:
    """Wait until every result on screen shows its passage (js/search.js fetches the
    article's page when a result comes on screen); how many results that is."""
    page.wait_for_function(
        f"({ON_SCREEN})([...document.querySelectorAll('.search-result')])"
        ".every(li => li.dataset.passage)"
    )
    return page.eval_on_selector_all(".search-result", f"items => ({ON_SCREEN})(items).length")


def test_a_result_shows_title_date_category_and_a_marked_passage(served, page, built):
    search(page, served, "quan triet can bo")
    passages_on_screen(page)
    seed = results(page)[0]
    assert seed["title"].startswith(SEED_TITLE)
    assert seed["date"] == "19/04/2019"
    assert seed["category"] == SEED_CATEGORY
    # The link works under the sub-path the site is served from.
    assert urlsplit(seed["href"]).path == f"/{SUB_PATH}/{SEED_URL}"
    assert {folded(m.strip(" .,;…")) for m in seed["marks"]} >= {"quan", "triet", "can", "bo"}
    # The passage is the article's own text, marked where the words are.
    text = " ".join(page_text(built, SEED_URL).split())
    for piece in seed["excerpt"].strip(" …").split("…"):
        assert " ".join(piece.split()) in text
    page.click(".search-result h2 a")
    page.wait_for_url(f"{served}{SEED_URL}")
    assert page.locator("h1").inner_text().startswith(SEED_TITLE)


def test_a_date_copied_as_the_pages_show_it_is_marked_as_the_article_writes_it(served, page):
    """The result shows the seed's date as 19/04/2019; its text writes 19/4/2019. The
    `4` is the `04` typed: marked like `19` and `2019`, not left plain."""
    search(page, served, "19/04/2019")
    passages_on_screen(page)
    seed = results(page)[0]
    assert seed["title"].startswith(SEED_TITLE)
    assert "19/4/2019" in seed["excerpt"]
    # One mark for the date, as for words side by side: not three.
    assert "19/4/2019" in seed["markRuns"], seed["markRuns"]


def page_text(site: SiteDir, url: str) -> str:
    from bs4 import BeautifulSoup

    html = BeautifulSoup(site.read(url + "index.html"), "html.parser")
    return html.select_one(".article-body").get_text(" ")


def test_a_phone_fetches_the_pages_of_the_results_on_screen_only(served, page, built):
    pages: list[str] = []
    page.on("request", lambda r: pages.append(r.url) if r.resource_type == "fetch" else None)
    search(page, served, "cầu")
    listed = page.locator(".search-result").count()
    on_screen = passages_on_screen(page)
    assert 0 < on_screen < listed == 10
    assert len(pages) == on_screen
    assert all(urlsplit(u).path.startswith(f"/{SUB_PATH}/20") for u in pages)
    # The last result shows its lead until it comes on screen, then its page's passage.
    last = page.locator(".search-result").last
    assert last.get_attribute("data-passage") is None
    last.scroll_into_view_if_needed()
    page.wait_for_function(
        "document.querySelector('.search-result:last-child').dataset.passage === 'page'"
    )
    assert len(pages) > on_screen
    url = urlsplit(last.locator("h2 a").get_attribute("href")).path.removeprefix(f"/{SUB_PATH}/")
    excerpt = " ".join(last.locator(".search-excerpt").inner_text().split())
    text = " ".join(page_text(built, url).split())
    for piece in excerpt.strip(" …").split("…"):
        assert " ".join(piece.split()) in text


def test_markup_in_the_index_is_shown_as_text_never_made_into_elements(served, page):
    search(page, served, "zthunghiem")
    # The passage around the word, once fetched from the article's page (until then
    # the lead shows, whose words come from the list summary, without the code span).
    page.wait_for_function("document.querySelector('.search-result').dataset.passage")
    found = results(page)
    assert len(found) == 1
    assert page.evaluate("document.querySelector('.search-result').dataset.passage") == "page"
    hit = found[0]
    assert hit["title"] == "Mã <em>nhúng</em> trong tiêu đề"
    assert hit["category"] == "Thử <b>nghiệm</b>"
    assert "<img src=x onerror=alert(1)>" in hit["excerpt"]
    assert set(hit["elements"]) <= {"h2", "a", "p", "span", "mark"}


def test_the_count_and_a_clear_message_when_nothing_is_found(served, page):
    search(page, served, "can bo")
    assert page.inner_text(".search-status") == f"{count_shown(page)} kết quả cho “can bo”"
    assert not page.is_visible(".search-none-help")

    assert search(page, served, "zkhongcoz") == []
    assert page.inner_text(".search-status") == "Không tìm thấy bài viết {nào} cho “zkhongcoz”."
    assert page.is_visible(".search-none-help")
    assert not page.is_visible(".search-more")
    page.click(".search-none-help a")
    assert page.url == served + "luu-tru/"


# -- More results, the address, the keyboard, the live region ---------------------


def test_more_results_come_ten_at_a_time_and_focus_moves_to_the_first_new_one(served, page):
    first = search(page, served, "cầu")
    total = count_shown(page)
    assert len(first) == 10 < total <= 20
    page.focus(".search-more")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.search-result').length > 10")
    after = results(page)
    assert len(after) == total
    assert titles(after)[:10] == titles(first)
    assert len(set(titles(after))) == total
    focused = page.evaluate(
        "[...document.querySelectorAll('.search-result h2 a')].indexOf(document.activeElement)"
    )
    assert focused == 10
    assert not page.is_visible(".search-more")


def test_back_from_a_result_shown_by_more_lists_it_again(served, page):
    """A reader who pressed "more", opened the eleventh result and came back finds it
    listed again (the page is loaded anew when the browser keeps no copy of it)."""
    search(page, served, "cầu")
    page.click(".search-more")
    page.wait_for_function("document.querySelectorAll('.search-result').length > 10")
    before = titles(results(page))
    page.locator(".search-result h2 a").nth(10).click()
    page.wait_for_load_state()
    assert "/tim-kiem/" not in page.url
    page.go_back()
    page.wait_for_function(SETTLED)
    page.wait_for_function(f"document.querySelectorAll('.search-result').length >= {len(before)}")
    assert titles(results(page)) == before
    assert not page.is_visible(".search-more")
    # Another query, typed and then opened, lists its first ten as ever.
    page.goto(f"{served}tim-kiem/?q={quote('sửa cầu')}")
    page.wait_for_function(SETTLED)
    assert len(results(page)) == 10


def test_typing_searches_and_keeps_the_query_in_the_address(served, page):
    page.goto(f"{served}tim-kiem/")
    title = page.title()
    history = page.evaluate("history.length")
    page.evaluate("window.notReloaded = true")
    page.locator("#search-page-q").press_sequentially("hòa giải", delay=30)
    shown_for("hòa giải", page)
    assert page.url == f"{served}tim-kiem/?q={quote_plus('hòa giải')}"
    assert set(titles(results(page))[:2]) == {"Hòa giải ở cơ sở", "Hoà giải viên giỏi"}
    # The address was replaced, not added to, and the page was not reloaded.
    assert page.evaluate("history.length") == history
    assert page.evaluate("window.notReloaded") is True
    # The tab's title names it.
    assert page.title() == f"hòa giải \N{EN DASH} {title}"

    # Enter searches at once, still without a new page.
    page.fill("#search-page-q", "dong chi")
    page.press("#search-page-q", "Enter")
    shown_for("dong chi", page)
    assert page.url == f"{served}tim-kiem/?q=dong+chi"
    assert page.evaluate("window.notReloaded") is True

    # Reload, and away and back, come back to the same search.
    page.reload()
    page.wait_for_function(SETTLED)
    assert page.input_value("#search-page-q") == "dong chi"
    assert "Thăm hỏi gia đình chính sách" in titles(results(page))
    page.click(".search-result h2 a")
    page.wait_for_load_state()
    page.go_back()
    page.wait_for_function(SETTLED)
    assert page.input_value("#search-page-q") == "dong chi"
    assert "Thăm hỏi gia đình chính sách" in titles(results(page))

    # Emptying the field empties the list and the address's query.
    page.fill("#search-page-q", "")
    page.wait_for_function("document.querySelectorAll('.search-result').length === 0")
    assert page.url == f"{served}tim-kiem/"
    assert page.title() == title


def test_back_after_a_second_search_sent_lists_the_first_again(served, page):
    """A journalist searched, sent a second search from the page's box and pressed Back
    to see the first one's results again: Back left the search page (Enter replaced the
    address, as typing does), and the first search was gone from the history. A search
    sent is now a step of the history; typing, and the same words sent again, are not."""
    page.goto(served)
    search(page, served, "cầu")
    page.click(".search-more")
    page.wait_for_function("document.querySelectorAll('.search-result').length > 10")
    first = titles(results(page))
    history = page.evaluate("history.length")
    page.fill("#search-page-q", "hòa giải")
    shown_for("hòa giải", page)  # the results follow the typing: the address too
    page.press("#search-page-q", "Enter")
    shown_for("hòa giải", page)
    second = titles(results(page))
    page.press("#search-page-q", "Enter")  # sent again: no step of its own
    assert page.evaluate("history.length") == history + 1
    assert page.url == f"{served}tim-kiem/?q={quote_plus('hòa giải')}"

    page.go_back()
    shown_for("cầu", page)
    assert page.url == f"{served}tim-kiem/?q={quote_plus('cầu')}"
    assert page.input_value("#search-page-q") == "cầu"
    assert titles(results(page)) == first
    assert page.title().startswith("cầu \N{EN DASH} ")
    page.go_forward()
    shown_for("hòa giải", page)
    assert page.input_value("#search-page-q") == "hòa giải"
    assert titles(results(page)) == second
    # From a result, Back comes to the second search, and twice to the first.
    page.click(".search-result h2 a")
    page.wait_for_load_state()
    page.go_back()
    shown_for("hòa giải", page)
    page.go_back()
    shown_for("cầu", page)
    assert titles(results(page)) == first
    # Back from an anchor of the page (the skip link) leaves the results as they are.
    page.evaluate("location.hash = 'main'")
    page.go_back()
    assert page.url == f"{served}tim-kiem/?q={quote_plus('cầu')}"
    assert titles(results(page)) == first
    page.go_back()
    assert page.url == served
    # On the search page opened without words, the first search sent is that entry's.
    page.goto(f"{served}tim-kiem/")
    history = page.evaluate("history.length")
    for query in ["cầu", "hòa giải"]:
        page.fill("#search-page-q", query)
        page.press("#search-page-q", "Enter")
        shown_for(query, page)
    assert page.evaluate("history.length") == history + 1
    page.go_back()
    shown_for("cầu", page)
    assert page.input_value("#search-page-q") == "cầu"


def test_a_word_sent_whole_is_a_word_not_the_start_of_a_longer_one(served, page):
    """Sent with Enter or in the address (the header's box), the last word was taken as
    maybe unfinished, as while typing: "thủy" listed the articles on phố Hàn Thuyên.
    A word left unfinished before Enter still finds the words it may become."""
    assert titles(search(page, served, "thủy")) == ["Nước sạch"]
    page.fill("#search-page-q", "thuy")
    page.press("#search-page-q", "Enter")
    shown_for("thuy", page)
    assert titles(results(page)) == ["Nước sạch"]
    found = titles(search(page, served, "hàn thuy"))  # no article has "thuy" beside "hàn"
    assert sorted(found) == [f"Phố Hàn Thuyên số {i}" for i in range(3)]
    # While typing, the word may still become "thuyên".
    page.fill("#search-page-q", "")
    page.locator("#search-page-q").press_sequentially("thủy", delay=30)
    shown_for("thủy", page)
    assert "Phố Hàn Thuyên số 0" in titles(results(page))


def test_a_word_left_out_at_the_end_stays_left_out_when_nothing_is_found(served, page):
    """Every article on phố Hàn Thuyên says `vỉa hè`. Sent whole, `hàn thuyên -vỉa` found
    none, and the page searched it again as typed, as for a word left unfinished (`hàn
    thuy`): there a word being typed after a minus leaves nothing out, and the three
    articles with `vỉa` were listed as the results of the query that leaves it out."""
    for query in ["hàn thuyên -vỉa", "han thuyen -via"]:
        assert search(page, served, query) == [], query
        assert page.inner_text(".search-status").startswith("Không tìm thấy"), query
        assert page.is_visible(".search-none-help")
    assert len(search(page, served, "hàn thuyên -lợi")) == 3  # one the articles lack


def test_a_pasted_old_portal_address_opens_its_article_or_finds_it_by_its_words(served, browser):
    """A reader pastes a link of the old portal from a citation: it found nothing (every
    part of the address had to be a word of an article)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = watch(page)
    page.goto(f"{served}")
    page.goto(f"{served}tim-kiem/?q={quote(OLD_PORTAL + 'le-hoi-den-dong-nhan-766.html')}")
    page.wait_for_url(f"{served}2021/09/le-hoi-den-dong-nhan-khai-mac/")
    page.go_back()  # to where the reader was, not to the search that sent them on
    assert page.url == served
    # Cited without its scheme (a printout, a footnote): the same.
    bare = OLD_PORTAL.removeprefix("https://") + "le-hoi-den-dong-nhan-766.html"
    page.goto(f"{served}tim-kiem/?q={quote(bare)}")
    page.wait_for_url(f"{served}2021/09/le-hoi-den-dong-nhan-khai-mac/")
    page.go_back()
    assert page.url == served
    # An address the archive does not keep: the words of its last part, its number left out.
    address = OLD_PORTAL + "hoa-giai-o-co-so-1234.html?redirect=%2Ftin-tuc"
    assert titles(search(page, served, address))[0] == "Hòa giải ở cơ sở"
    assert titles(search(page, served, address.removeprefix("https://")))[0] == "Hòa giải ở cơ sở"
    # While it is pasted (typing), its words are searched too, and nothing opens.
    page.fill("#search-page-q", OLD_PORTAL + "le-hoi-den-dong-nhan-766.html")
    shown_for(OLD_PORTAL + "le-hoi-den-dong-nhan-766.html", page)
    assert titles(results(page))[0] == "Lễ hội đền Đồng Nhân khai mạc"
    assert "/tim-kiem/" in page.url
    # A file of the site at that path is not opened (a script was shown; an ".aspx"
    # alias, served as a file, was downloaded and left the page blank).
    search(page, served, "https://haibatrung.hanoi.gov.vn/js/search.js")
    assert "/tim-kiem/" in page.url and page.inner_text(".search-status")
    context.close()
    # The one address looked for and not kept here (with its scheme and without); the
    # browser logs each such answer. The old addresses' files are not asked for: this
    # archive has none, and the search page knows it (urls.shards_written).
    missing = "Failed to load resource: the server responded with a status of 404 (File not found)"
    assert errors == [missing, missing]


def test_an_old_address_cited_by_its_copy_in_a_web_archive_opens_its_article(served, browser):
    """A researcher holds the Wayback Machine's copy of a portal page (a footnote, a
    bookmark): the archive address was searched by its last part's words, and an old
    address whose words are no title (`Bang-Bieu-3893255.html`) found other articles. The
    address the copy holds opens its article, as that address pasted does."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = watch(page)
    kept = OLD_PORTAL + "le-hoi-den-dong-nhan-766.html"
    for copy in (
        f"https://web.archive.org/web/20190401000000/{kept}",
        f"http://web.archive.org/web/2019*/{kept}?redirect=%2Ftin-tuc",
        f"web.archive.org/web/20190401000000id_/{kept.replace('https://', 'http://')}",
        f"https://archive.ph/2019.04.01-000000/{kept}",
    ):
        page.goto(f"{served}tim-kiem/?q={quote(copy)}")
        page.wait_for_url(f"{served}2021/09/le-hoi-den-dong-nhan-khai-mac/")
    # One the archive does not keep: the words of the held address's last part.
    missing = f"https://web.archive.org/web/2019/{OLD_PORTAL}hoa-giai-o-co-so-1234.html"
    assert titles(search(page, served, missing))[0] == "Hòa giải ở cơ sở"
    context.close()
    # Looked for at the held address's path, which is not kept here: the browser logs it.
    logged = "Failed to load resource: the server responded with a status of 404 (File not found)"
    assert errors == [logged]


def test_a_title_copied_from_a_tab_with_the_site_name_finds_its_article(served, page):
    """The browser's tab and a shared link give "<title> - <the site's name>": the name's
    words were searched too, and a long title lost its last words (only 12 are)."""
    page.goto(f"{served}2021/09/le-hoi-den-dong-nhan-khai-mac/")
    copied = page.title()
    assert copied.startswith("Lễ hội đền Đồng Nhân khai mạc \u2013 ")  # an en dash
    assert titles(search(page, served, copied)) == ["Lễ hội đền Đồng Nhân khai mạc"]
    # A query wholly in quotes is shown in the message's quotes alone.
    search(page, served, '"đồng nhân"')
    assert page.inner_text(".search-status").endswith("“đồng nhân”")
    search(page, served, '"đồng nhân" "khai mạc"')  # two phrases: as typed
    assert page.inner_text(".search-status").endswith('“"đồng nhân" "khai mạc"”')


def test_words_typed_in_telex_without_its_keyboard_find_what_they_spell(served, page):
    """`tuyeenr dungj` (Telex typed with the keyboard off) found nothing and nothing was
    offered. Sent whole, the page searches what the Telex spells, and says so."""
    meant = titles(search(page, served, "hòa giải"))
    found = titles(search(page, served, "hoaf giair"))
    assert found and found == meant
    status = page.inner_text(".search-status")
    assert status == f"Không tìm thấy “hoaf giair”; {len(found)} kết quả cho “hòa giải”", status


TELEX_CORPUS = {
    "xe-bus.md": article("Tuyến xe bus số 5", "2022-01-01 08:00", "Xe bus số 5 qua phường."),
    "be-bu.md": article("Em bé bú sữa mẹ", "2022-01-02 08:00", "Bé bú sữa mẹ; mẹ hỏi bác sĩ."),
    "hoi-dong.md": article("Hội đồng nhân dân họp", "2022-01-03 08:00", "Hội đồng nhân dân họp."),
    "uy-ban.md": article("Ủy ban nhân dân phường", "2022-01-04 08:00", "Ủy ban hỏi hội đồng."),
}


@pytest.fixture(scope="module")
def telex_site(tmp_path_factory, browser):
    yield from served_corpus(tmp_path_factory, "telex", TELEX_CORPUS)


def test_telex_without_spaces_is_split_and_a_word_of_the_archive_stays(telex_site, page):
    """`hooijddoongf` (hội đồng in Telex, the keyboard off, no space) found nothing and
    nothing was offered; the page now searches the archive's syllables it splits into,
    and says so. `bus`, which reads as `bú` in Telex, is a word of this archive: it finds
    the bus, and nothing is corrected."""
    found = titles(search(page, telex_site, "hooijddoongf"))
    assert found == titles(search(page, telex_site, "hội đồng")) and found
    search(page, telex_site, "hooijddoongf")
    status = page.inner_text(".search-status")
    assert status == f"Không tìm thấy “hooijddoongf”; {len(found)} kết quả cho “hội đồng”"
    assert titles(search(page, telex_site, "bus")) == ["Tuyến xe bus số 5"]
    assert "Không tìm thấy" not in page.inner_text(".search-status")


def test_a_word_mistyped_by_a_letter_finds_what_the_reader_meant_and_says_so(served, page):
    """Every word must be found: one letter swapped on a phone ("giải" as "gỉai") found
    nothing. Sent whole, the page searches the archive's word one letter away instead,
    and says which."""
    found = titles(search(page, served, "hòa gaii"))
    assert "thủy lợi" in search(page, served, "thủy lơọi")[0]["excerpt"]  # as typed: ơ kept
    found = titles(search(page, served, "hòa gaii"))
    assert set(found[:2]) == {"Hòa giải ở cơ sở", "Hoà giải viên giỏi"}, found
    status = page.inner_text(".search-status")
    assert status == f"Không tìm thấy “hòa gaii”; {len(found)} kết quả cho “hòa giai”", status
    assert search(page, served, "zkhongcoz") == []  # nothing near: nothing offered
    assert page.inner_text(".search-status").startswith("Không tìm thấy bài viết")


def test_words_no_article_has_all_of_list_the_articles_with_some_and_say_so(served, page):
    """Every word must be found, and a reader adds words the text does not have: `ông
    …` where the text says `đồng chí` found nothing. Sent whole, with nothing found and
    no word to correct, the page lists the articles with half of the words at least,
    says that none has them all, and "more" goes on with the same list; while typing,
    only the articles with every word."""
    query = "tổ hòa giải phường Quỳnh Mai ông bà"
    found = search(page, served, query)
    assert 1 < len(found) < 10 and found[0]["title"] == "Hòa giải ở cơ sở"  # 6 of 8 words
    status = page.inner_text(".search-status")
    want = f"Không bài nào có đủ các từ “{query}”; {len(found)} kết quả có một phần các từ đó"
    assert status == want
    query = "ông bà sửa cầu số công nhân"  # 5 of 7 in each of the MANY_EXACT
    assert len(search(page, served, query)) < MANY_EXACT
    every = show_all(page)
    assert {t for t in titles(every[:MANY_EXACT])} == {f"Sửa cầu số {i}" for i in range(MANY_EXACT)}
    status = page.inner_text(".search-status")
    assert status.endswith(f"; {len(every)} kết quả có một phần các từ đó")
    assert search(page, served, "zkhongcoz zkhongcoy ông") == []  # 1 of 3: nothing
    assert page.inner_text(".search-status").startswith("Không tìm thấy bài viết")
    page.goto(f"{served}tim-kiem/")
    page.locator("#search-page-q").press_sequentially(f"{query} ", delay=20)
    shown_for(query, page)
    assert results(page) == []


def test_a_word_being_typed_finds_the_article_letter_by_letter(served, page):
    """On a phone the results follow the typing: a word not yet whole finds the words it
    may become (those of two articles or more), not nothing; its first letter alone
    leaves the words before it to find."""
    page.goto(f"{served}tim-kiem/")
    field = page.locator("#search-page-q")
    field.press_sequentially("Hai Bà ", delay=30)
    for letter in "Trưn":
        field.press_sequentially(letter)
        typed = field.input_value()
        shown_for(typed, page)
        found = results(page)
        if typed == "Hai Bà T":  # as for "Hai Bà"
            assert any(t.startswith(SEED_TITLE) for t in titles(found)), titles(found)
            continue
        assert found[0]["title"].startswith(SEED_TITLE), (typed, titles(found))
        assert "Trưng" in found[0]["marks"], typed  # the word it became is marked
    field.fill("")
    field.press_sequentially("hoa gi", delay=30)
    shown_for("hoa gi", page)
    assert set(titles(results(page))[:2]) == {"Hòa giải ở cơ sở", "Hoà giải viên giỏi"}


def test_the_first_letter_typed_alone_says_nothing_until_enter(served, page):
    """Words are completed from their second letter: a first letter alone found nothing,
    and "no article found" with its help flashed at the first key of nearly every search
    typed on a phone (and was read out if the reader paused there)."""
    page.goto(f"{served}tim-kiem/")
    field = page.locator("#search-page-q")
    field.press_sequentially("h")
    page.wait_for_url("**/tim-kiem/?q=h")  # the typing pause is over: searched or not
    page.wait_for_timeout(1000)  # what a search of "h" would show takes milliseconds here
    assert page.locator(".search-status").text_content() == ""
    assert page.is_hidden(".search-none-help") and page.is_visible("#search-hint")
    field.press_sequentially("a")  # "ha": words that begin so
    shown_for("ha", page)
    assert results(page)
    field.fill("h")
    field.press("Enter")  # asked for: searched as a word of its own
    shown_for("h", page)
    assert page.is_visible(".search-none-help")


def test_a_slow_search_says_it_is_searching_instead_of_showing_the_last_results(served, page):
    """On a slow phone network the index files take seconds: the results of the search
    before must not stay on screen as if they were the answer to the new one."""
    search(page, served, "can bo")
    assert results(page)
    # The engine answers only when told to: as slow as a network can be.
    page.evaluate(
        """() => { const engine = window.newsarchiveSearch, search = engine.search;
        engine.search = (...args) => new Promise(answer => {
            window.answerNow = () => answer(search.apply(engine, args)); }); }"""
    )
    page.fill("#search-page-q", "dong chi")
    page.press("#search-page-q", "Enter")
    page.wait_for_function("document.querySelector('.search-status').textContent === 'Đang tìm…'")
    assert results(page) == []
    # On a loaded machine the typing pause may end before Enter is pressed: that search
    # shows the words first and has them read out only after a pause; Enter's own
    # search then has them read out at once.
    page.wait_for_function(
        "document.querySelector('.search-announce').textContent === 'Đang tìm…'", timeout=3000
    )
    page.evaluate("window.answerNow()")
    shown_for("dong chi", page)
    assert "Thăm hỏi gia đình chính sách" in titles(results(page))


@pytest.mark.parametrize("opened", ["tim-kiem/", "tim-kiem/?q=can+bo"])
def test_words_typed_before_the_script_arrives_are_kept_and_searched(served, page, opened):
    """On a slow phone network the field is there seconds before the script that
    searches (a deferred script, after the style sheet and the engine): the reader
    types in it meanwhile. The script emptied the field (or put back the query of the
    address) and the words typed were lost; now it searches them."""
    held = []
    page.route("**/js/search.js", lambda route: held.append(route))
    page.goto(served + opened, wait_until="commit")
    page.wait_for_selector("#search-page-q")
    page.wait_for_function("window.newsarchiveSearch !== undefined")
    page.fill("#search-page-q", "dong chi")
    held[0].continue_()
    shown_for("dong chi", page)
    assert page.input_value("#search-page-q") == "dong chi"
    assert "Thăm hỏi gia đình chính sách" in titles(results(page))
    assert page.url == served + "tim-kiem/?q=dong+chi"


def test_the_count_is_read_out_once_when_the_typing_pauses(served, page):
    page.goto(f"{served}tim-kiem/")
    page.evaluate(
        """() => {
            window.announced = [];
            const region = document.querySelector('[role=status]');
            new MutationObserver(() => window.announced.push(region.textContent))
                .observe(region, {childList: true, characterData: true, subtree: true});
        }"""
    )
    # Slowly, as on a phone: each letter after the results of the one before.
    page.locator("#search-page-q").press_sequentially("hai ba trung", delay=350)
    page.wait_for_function("window.announced.length > 0", timeout=5000)
    page.wait_for_timeout(2000)
    announced = page.evaluate("window.announced")
    assert announced == [page.inner_text(".search-status")]
    # (The seed's articles with the words side by side are counted: search_results_phrase.)
    assert announced[0].startswith("“hai ba trung”: ") and "cụm từ này" in announced[0]
    # What is shown is not read twice: only the live region is.
    assert page.get_attribute(".search-status", "aria-hidden") == "true"
    assert page.locator("[role=status], [aria-live]").count() == 1


def test_the_page_can_be_used_with_the_keyboard_alone(served, page):
    page.goto(f"{served}tim-kiem/")
    labels = page.evaluate(
        "[...document.querySelector('#search-page-q').labels].map(l => l.textContent)"
    )
    assert labels == ["Tìm bài viết"]
    # From the skip link to the page's field, then Enter, then on to the results.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link: to the main content
    steps = 0
    while page.evaluate("document.activeElement.id") != "search-page-q":
        page.keyboard.press("Tab")
        steps += 1
        assert steps < 10, "the page's search field is not reachable by Tab"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", (
        "no visible focus on the field"
    )
    page.keyboard.type("can bo")
    page.keyboard.press("Enter")
    page.wait_for_function(SETTLED)
    page.keyboard.press("Tab")  # the button
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.search-result') !== null")
    # Tab goes on through the results and past them: nothing holds the focus.
    stops = page.locator("#search a:visible, #search button:visible").count()
    for _ in range(stops):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#search') === null")


def test_on_a_touch_screen_enter_puts_the_keyboard_away_to_show_the_results(served, browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    errors = watch(page)
    page.goto(f"{served}tim-kiem/")
    assert page.evaluate("matchMedia('(pointer: coarse)').matches")
    page.tap("#search-page-q")
    page.keyboard.type("can bo")
    page.keyboard.press("Enter")
    shown_for("can bo", page)
    assert page.evaluate("document.activeElement.id") != "search-page-q"
    context.close()
    assert errors == []


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 640}, {"width": 320, "height": 568}])
def test_on_a_phone_the_first_result_is_on_the_first_screen(served, browser, viewport):
    """The header's search box above the page's own, the menu on two lines and the
    hint on what to type pushed the first result below a 360x640 screen (at y=711)."""
    context = browser.new_context(viewport=viewport, has_touch=True, is_mobile=True)
    page = context.new_page()
    errors = watch(page)
    page.goto(f"{served}tim-kiem/")
    # Before a search: one search box, and the hint on what to type under it.
    assert page.locator("input[type=search]").count() == 1
    assert page.is_visible(".search-hint")
    page.fill("#search-page-q", "hai ba trung")
    page.press("#search-page-q", "Enter")
    shown_for("hai ba trung", page)
    # Its title begins there, a line of it at least (a long title may run on below).
    first = page.locator(".search-result h2 a").first.bounding_box()
    line = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.search-result h2')).lineHeight)"
    )
    assert first is not None and first["y"] + line <= viewport["height"], first
    assert not page.is_visible(".search-hint")
    # Emptied, the field has its hint again.
    page.fill("#search-page-q", "")
    page.wait_for_selector(".search-hint", state="visible")
    context.close()
    assert errors == []


def test_a_long_title_pasted_on_a_phone_still_shows_its_article_on_the_first_screen(
    served, browser
):
    """The message repeated the query whole: a title pasted from a citation, the
    seed's of 150 characters, filled the 360x740 screen under the field with nine
    lines of bold text, and the article searched for began below it (at y=652). The
    field above holds the query; the message names its beginning."""
    screen = {"width": 360, "height": 640}
    context = browser.new_context(viewport=screen, has_touch=True, is_mobile=True)
    page = context.new_page()
    errors = watch(page)
    title = page_title_of_seed(served, page)
    page.goto(f"{served}tim-kiem/?q={quote(title)}")
    page.wait_for_function(SETTLED)
    first = page.locator(".search-result h2 a").first
    assert first.inner_text() == title
    box = first.bounding_box()
    line = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.search-result h2')).lineHeight)"
    )
    assert box is not None and box["y"] + 2 * line <= screen["height"], box
    status = page.inner_text(".search-status")
    assert f"“{' '.join(title.split()[:6])}" in status and len(status) < len(title)
    context.close()
    assert errors == []


def test_a_long_query_corrected_names_the_word_corrected(served, page):
    """A long query is named by its first words: a word corrected after them must still
    be seen, both as typed and as corrected, or the message says nothing."""
    title = page_title_of_seed(served, page)
    typed = title.replace("Quy định", "Quy địhn")
    page.goto(f"{served}tim-kiem/?q={quote(typed)}")
    page.wait_for_function(SETTLED)
    status = page.inner_text(".search-status")
    assert status.startswith("Không tìm thấy"), status
    assert "Quy địhn" in status and "Quy định" in status, status
    assert len(status) < 2 * len(title)
    assert titles(results(page))[0] == title


def page_title_of_seed(served: str, page) -> str:
    page.goto(served + SEED_URL)
    return page.inner_text("h1")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_field_spans_the_column_and_is_big_enough_to_use(served, browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors = watch(page)
    page.goto(f"{served}tim-kiem/?q={quote('hai ba trung')}")
    page.wait_for_function(SETTLED)
    sizes = page.evaluate(
        """() => {
            const box = (s) => document.querySelector(s).getBoundingClientRect();
            const main = document.querySelector('main');
            const style = getComputedStyle(main);
            return {
                field: box('#search-page-q').toJSON(),
                button: box('.search-page-form button').toJSON(),
                column: main.clientWidth - parseFloat(style.paddingLeft)
                        - parseFloat(style.paddingRight),
                font: parseFloat(getComputedStyle(document.querySelector('#search-page-q'))
                                 .fontSize),
                scroll: [document.documentElement.scrollWidth,
                         document.documentElement.clientWidth],
            };
        }"""
    )
    field, button = sizes["field"], sizes["button"]
    assert field["width"] == pytest.approx(sizes["column"], abs=1)
    assert field["height"] >= 44 and button["height"] >= 44 and button["width"] >= 44
    assert sizes["font"] >= 16  # phones zoom into a field with smaller text
    # The button is inside the field's right end, not over its text.
    assert field["left"] < button["left"] and button["right"] <= field["right"] + 0.5
    assert sizes["scroll"][0] <= sizes["scroll"][1]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = f"test-{viewport['width']}x{viewport['height']}.png"
    page.screenshot(path=str(ARTIFACTS / name))
    context.close()
    assert errors == []


def axe_violations(page) -> list[str]:
    """Every axe violation, of any impact (the reader-pages test lets minor ones pass)."""
    violations = axe_run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(n["target"][0] for n in v["nodes"])
        for v in violations
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_page_with_results_has_no_accessibility_problem(served, browser, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    errors = watch(page)
    search(page, served, "cầu")
    page.click(".search-more")
    page.wait_for_function("document.querySelectorAll('.search-result').length > 10")
    assert axe_violations(page) == []
    search(page, served, "zkhongcoz")
    assert axe_violations(page) == []
    context.close()
    assert errors == []


# -- Where the page runs -----------------------------------------------------------


def test_the_header_search_box_opens_the_search_page(served, page):
    page.goto(served + SEED_URL)
    page.fill("#site-search", "hai ba trung")
    page.press("#site-search", "Enter")
    page.wait_for_selector(".search-result")
    assert page.url == f"{served}tim-kiem/?q=hai+ba+trung"
    assert page.input_value("#search-page-q") == "hai ba trung"


@pytest.mark.parametrize("where", ["http", "file"])
def test_without_javascript_a_search_address_says_so_and_leads_to_browsing(
    served, offline_copy, browser, where
):
    """With JavaScript off, words typed in the header's box arrived at the search page
    beside an empty field, under a note that search needs JavaScript: the words seemed
    lost, and the field invited typing them again into a form that cannot search. The
    header now offers no box where scripts do not run; a search's address reached
    otherwise (a link, a bookmark) still finds the search page unable to read it, so the
    page says plainly that the words were not searched, shows no form, and leads to what
    works without JavaScript: the articles by date, by category and by tag. Over HTTP
    and in the offline copy opened from files. Plain files cannot tell an address with
    words from one without: opened from the menu, with no words, the page said it could
    not search "các từ bạn đã gõ" (the words you typed) all the same; its one note is now
    true of both."""
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 640}, is_mobile=True
    )
    page = context.new_page()
    errors = watch(page)
    root, index = (served, "") if where == "http" else (offline_copy.as_uri() + "/", "index.html")
    page.goto(root + SEED_URL + index)
    assert not page.is_visible("#site-search")  # the header offers no box
    page.goto(f"{root}tim-kiem/{index}")  # opened without words
    page.wait_for_load_state()
    notice = page.locator(".search-noscript")
    assert notice.is_visible()
    said_without_words = notice.inner_text()
    assert "JavaScript" in said_without_words
    assert "đã gõ" not in said_without_words  # nothing was typed
    page.goto(f"{root}tim-kiem/{index}?q=hai+ba+trung")  # from a link or a bookmark
    page.wait_for_load_state()
    assert "tim-kiem/" in page.url and "q=hai+ba+trung" in page.url
    assert notice.is_visible()
    # The same note tells the reader who came with words that they were not searched.
    assert notice.inner_text() == said_without_words
    assert "địa chỉ" in said_without_words and "không tìm" in said_without_words
    # Said on the first screen of a phone, with the ways to browse.
    box = notice.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 640, box
    # No field to type into, nor a hint on what to type, where nothing can search.
    assert not page.is_visible("#search-page-q")
    assert not page.is_visible(".search-page-form button")
    assert not page.is_visible(".search-hint")
    links = page.locator(".search-noscript-links a")
    assert links.all_inner_texts() == ["Lưu trữ theo thời gian", "Chuyên mục", "Từ khóa"]
    for number, folder in enumerate(["luu-tru/", "chuyen-muc/", "the/"]):
        page.locator(".search-noscript-links a").nth(number).click()
        page.wait_for_load_state()
        assert page.url.removesuffix("index.html").endswith(folder), page.url
        page.go_back()
    assert errors == []
    context.close()


def test_when_the_index_cannot_load_the_page_says_so(served, browser):
    context = browser.new_context()
    index = re.compile(".*/" + re.escape(search_bundle_url()) + ".*")
    context.route(index, lambda route: route.abort())
    page = context.new_page()
    page.goto(served + "tim-kiem/?q=hai")
    page.wait_for_function(
        "document.querySelector('.search-status').textContent.includes('chỉ mục tìm kiếm')"
    )
    assert page.input_value("#search-page-q") == "hai"
    assert page.locator(".search-result").count() == 0
    context.close()


@pytest.fixture(scope="module")
def offline_copy(built) -> Path:
    assert built.build("--offline", "--quiet") == 0
    return built.root / "_site-offline"


def test_the_offline_copy_searches_from_files(offline_copy, page):
    """The index is script files, which a page opened from a file loads: the offline
    copy searches too, from the header's box, and its results open the articles."""
    page.goto((offline_copy / SEED_URL / "index.html").as_uri())
    page.fill("#site-search", "nghiem thu")
    page.press("#site-search", "Enter")
    page.wait_for_function(SETTLED)
    assert page.url.startswith("file://") and page.url.endswith("tim-kiem/index.html?q=nghiem+thu")
    found = results(page)
    assert titles(found)[:1] == ["Nghiệm thu công trình thoát nước"]
    page.click(".search-result h2 a")
    page.wait_for_url("**/2021/07/*/index.html")
    assert page.locator("h1").inner_text() == "Nghiệm thu công trình thoát nước"


# -- A fork's older search page -------------------------------------------------------

# The data- words of templates/search.html that js/search.js reads, newest last.
SEARCH_PAGE_WORDS = ["root", "loading", "count", "none", "unavailable", "count-partial",
                     "corrected", "corrected-partial", "some"]  # fmt: skip


def _older_search_page(site: SiteDir, left_out: list[str]) -> None:
    """templates/search.html as a fork kept it from an older version: without these
    data- words (js/search.js, in static/, is the new one)."""
    page = site.root / "templates" / "search.html"
    text = page.read_text(encoding="utf-8")
    # The words are the search box's (<div id="search" ...>); other elements of the
    # page have data- words of their own (old-address.js's data-root).
    start = text.index('<div id="search"')
    end = text.index(">\n", start)
    tag = text[start:end]
    for name in left_out:
        tag, found = re.subn(rf' data-{name}="[^"]*"', "", tag)
        assert found == 1, name
    page.write_text(text[:start] + tag + text[end:], encoding="utf-8")


@pytest.fixture(scope="module", params=[["some"], SEARCH_PAGE_WORDS], ids=["some", "every"])
def older_fork(request, tmp_path_factory, browser) -> Iterator[str]:
    site = SiteDir(tmp_path_factory.mktemp("older") / "site")
    _older_search_page(site, request.param)
    for name in ("dong-chi.md", "hoa-moi.md", "hoa-cu.md", "can-bo.md"):
        site.add(f"2021/{name}", CORPUS[name])
    assert site.build("--quiet", "--base-url", f"https://user.github.io/{SUB_PATH}/") == 0
    with serve(site.output, SUB_PATH) as address:
        yield address


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("tổ hòa giải phường Quỳnh Mai ông bà", "Hòa giải ở cơ sở"),  # some of the words
        ("hòa giải", "Hòa giải ở cơ sở"),
        ("hòa gaii", "Hòa giải ở cơ sở"),  # corrected
        ("zkhongcoz", None),
    ],
)
def test_an_older_search_page_of_a_fork_still_lists_and_says_what_it_found(
    older_fork, page, query, found
):
    """A fork that kept its templates/search.html (without data-some, which came later)
    and took the new js/search.js: a list of the articles with some of the words stopped
    with a console error, and no count was said. Every word the page lacks is said as the
    closest one it has (the count, at least), never an error (the `page` fixture)."""
    page.goto(f"{older_fork}tim-kiem/?q={quote(query)}")
    page.wait_for_function(SETTLED)
    listed = titles(results(page))
    assert found in listed if found else listed == [], listed
    status = page.inner_text(".search-status")
    assert f"“{query}”" in status or "“hòa giai”" in status, status
    if found:
        assert str(len(listed)) in status, status
        link = page.locator(".search-link").first.get_attribute("href")
        assert link and link.startswith(f"{older_fork}2021/"), link  # without data-root too


def test_an_older_search_page_says_the_index_could_not_load_as_best_it_can(older_fork, browser):
    context = browser.new_context()
    context.route(re.compile(".*/" + re.escape(search_bundle_url()) + ".*"), lambda r: r.abort())
    page = context.new_page()
    errors = watch(page)
    with page.expect_console_message(lambda m: "search unavailable" in m.text):
        page.goto(older_fork + "tim-kiem/?q=hai")
    said = page.get_attribute("#search", "data-unavailable") or ""  # or nothing to say
    page.wait_for_function(
        "said => document.querySelector('.search-status').textContent === said", arg=said
    )
    assert page.locator(".search-result").count() == 0
    context.close()
    assert [e for e in errors if not e.startswith("Failed to load resource")] == []


def test_a_title_typed_to_its_last_word_begun_comes_first_in_both_engines(site, browser):
    """A reader typing a title on a phone sees results before its last word is whole:
    `nguoi co cong phuong bac` for "Trao quà cho người có công phường Bạch Đằng". The
    title rule was off while a word is typed, so the articles of other wards, whose
    bodies say `phường Bạch` more often, came first. Now an article whose title has the
    words typed side by side, the last as typed or as a word it may become (`bach`),
    comes first, in the page as in the Python engine."""
    wards = "phường Bạch Mai, phường Bạch Khoa và phường Bạch Đằng. " * 5
    texts = {
        "Trao quà cho người có công phường Phố Huế": f"Trao quà ở {wards}",
        "Trao quà cho người có công phường Bạch Đằng": "Quận trao quà tết. "
        + "Hội nghị tổng kết công tác năm của quận, các đại biểu phát biểu. " * 20,
        "Trao quà cho người có công phường Lê Đại Hành": f"Trao quà cho người có công ở {wards}",
    }
    for number, (title, body) in enumerate(texts.items()):
        site.add(f"2020/{number}.md", article(title, f"2020-01-0{number + 1} 08:00", body))
    assert site.build() == 0
    index = Index(site.output / "tim-kiem/chi-muc")
    wanted = "Trao quà cho người có công phường Bạch Đằng"
    with search_page(site, browser) as search:
        for query in ["cho nguoi co cong phuong bac", "người có công phường Bạc"]:
            python = [hit.title for hit in engine_search(index, query, limit=100).hits]
            page = [result["title"] for result in search(query)["results"]]
            assert python[:1] == [wanted] and page == python, (query, python, page)


def test_quy_typed_on_the_way_to_quynh_finds_the_words_it_may_become_in_both_engines(site, browser):
    """Typing "phường Quỳnh Mai" passes `phuong quy`, which found nothing: `quy` is
    written `qui` as well (folding: a `y` alone after a consonant), and no word of the
    archive begins with `qui` (`quynh`, `quyet` keep their `y`). Its completions are now
    the words that begin with `quy` too, in the page as in the Python engine."""
    texts = {
        "Phường Quỳnh Mai ra quân": "Phường Quỳnh Mai ra quân dọn vệ sinh.",
        "Phường Quỳnh Lôi họp dân": "Phường Quỳnh Lôi họp bàn.",
        "Phường Bạch Mai họp dân": "Phường Bạch Mai họp bàn.",
    }
    for number, (title, body) in enumerate(texts.items()):
        site.add(f"2020/{number}.md", article(title, f"2020-01-0{number + 1} 08:00", body))
    assert site.build() == 0
    index = Index(site.output / "tim-kiem/chi-muc")
    with search_page(site, browser) as search:
        for query in ["phuong quy", "phường Quỳ", "phuong quyn"]:
            python = [hit.title for hit in engine_search(index, query, limit=100).hits]
            page = [result["title"] for result in search(query)["results"]]
            assert set(python) == set(list(texts)[:2]) and page == python, (query, python, page)


def test_a_count_of_a_thousand_or_more_is_written_with_the_thousands_dot(site, browser):
    """The search page said "1000 kết quả"; Vietnamese writes 1.000 (strings.yaml's
    thousands_separator, as the other pages write their counts)."""
    for n in range(1000):
        text = article(f"Giao ban số {n}", f"2019-03-{1 + n % 28:02d} 08:00", "Giao ban.")
        site.add(f"2019/03/bai-{n}.md", text)
    site.add("2020/a.md", article("Nhắc lại", "2020-05-01 08:00", "Họp tháng 3/2019."))
    assert site.build("--quiet") == 0
    with serve(site.output) as address:
        page = browser.new_page()
        try:
            search(page, address, "tháng 3/2019")
            status = page.inner_text(".search-status")
            assert status.startswith("“tháng 3/2019”: 1.000 bài trong thời gian đó, 1 bài khác")
        finally:
            page.close()


def _hiring_notices(site: SiteDir) -> Index:
    """130 hiring notices over 2019-2022, five of them for teachers: a year among
    their words (`tuyen dung 2021`) orders them."""
    for n in range(130):
        year = 2019 + n % 4
        words = "giáo viên" if n < 5 else "nhân viên"
        day = f"{year}-05-{1 + n % 28:02d} 08:00"
        text = article(f"Tuyển dụng {words} đợt {n}", day, "Nộp hồ sơ. Nhiệm kỳ 2016 - 2021.")
        site.add(f"{year}/bai-{n}.md", text)
    assert site.build("--quiet") == 0
    return Index(site.output / search_bundle_url())


def _says(site: SiteDir, browser, cases: list[tuple[str, str]]) -> None:
    """Each query, searched on the built site, makes the page say its sentence."""
    with serve(site.output) as address:
        page = browser.new_page()
        try:
            for query, said in cases:
                search(page, address, query)
                assert page.inner_text(".search-status") == said, query
        finally:
            page.close()


def test_a_year_among_words_says_how_many_of_that_year_come_first(site, browser):
    """`tuyen dung 2021` lists the articles of 2021 first (engine._year_first), but the
    page said only "5 kết quả", as if the list were the words' order alone; a month says
    "N bài trong thời gian đó". A year says how many of its articles come first, whether
    the list holds every article with the words or only the best (a word in most)."""
    index = _hiring_notices(site)
    whole = engine_search(index, "tuyen dung giao vien 2021")
    assert (whole.complete, whole.year, whole.dated, whole.total) == (True, "2021", 1, 5)
    best = engine_search(index, "tuyen dung 2021")
    assert not best.complete and best.year == "2021" and 0 < best.dated < best.total
    _says(
        site,
        browser,
        [
            (
                "tuyen dung giao vien 2021",
                "“tuyen dung giao vien 2021”: 1 bài năm 2021 xếp đầu, 4 bài năm khác có các từ này",
            ),
            (
                "tuyen dung 2021",
                f"{best.total} kết quả phù hợp nhất cho “tuyen dung 2021”, {best.dated}"
                " bài năm 2021 xếp đầu; còn những bài khác có các từ này: thêm một từ nữa"
                " để tìm đủ.",
            ),
        ],
    )


def test_a_year_first_is_said_after_a_word_corrected_and_of_some_of_the_words(site, browser):
    """A year among words lists its articles first whatever else the page says, but the
    sentence was left out after a word corrected (`tuyen dungg 2021`: "Không tìm thấy …;
    N kết quả cho …") and of articles with some of the words ("Không bài nào có đủ …"),
    where the reader saw 2021's articles first with nothing to say why."""
    index = _hiring_notices(site)
    assert engine_suggest(index, "tuyen dung giao vienn 2021") == "tuyen dung giao vien 2021"
    best = engine_search(index, "tuyen dung 2021")
    assert engine_suggest(index, "tuyen dungg 2021") == "tuyen dung 2021"
    some = engine_search(index, "tuyen dung giao vien bac si 2021", some=True)
    assert some.some and some.year == "2021" and 0 < some.dated < some.total
    _says(
        site,
        browser,
        [
            (
                "tuyen dung giao vienn 2021",
                "Không tìm thấy “tuyen dung giao vienn 2021”; “tuyen dung giao vien"
                " 2021”: 1 bài năm 2021 xếp đầu, 4 bài năm khác có các từ này",
            ),
            (
                "tuyen dungg 2021",
                f"Không tìm thấy “tuyen dungg 2021”; {best.total} kết quả phù hợp nhất"
                f" cho “tuyen dung 2021”, {best.dated} bài năm 2021 xếp đầu; còn những"
                " bài khác có các từ này: thêm một từ nữa để tìm đủ.",
            ),
            (
                "tuyen dung giao vien bac si 2021",
                "Không bài nào có đủ các từ “tuyen dung giao vien bac si 2021”;"
                f" {some.total} kết quả có một phần các từ đó, {some.dated} bài năm 2021"
                " xếp đầu",
            ),
        ],
    )


def test_a_year_in_a_documents_number_orders_nothing_and_is_not_said(site, browser):
    """`nghị định 139/2017` put 2017's articles without `139` before the decree of 2018
    that writes `139/2017` (reader's audit R1), and `ISO 9001:2008` said "0 bài trong
    thời gian đó": the year of a number was read as when articles were published. The
    page's engine reads it as the number's, as engine._year_first does."""
    decree = "NĐ 139/2017/ND về xử phạt vi phạm hành chính"
    site.add("2018/nd.md", article(decree, "2018-02-01 09:00", "Nghị định quy định xử phạt."))
    for n in range(6):
        text = f"Năm 2017 phổ biến nghị định; {n} hộ, 139 người."
        day = f"2017-03-0{n + 1} 09:00"
        site.add(f"2017/pb-{n}.md", article(f"Phổ biến nghị định số {n}", day, text))
    site.add("2013/iso.md", article("Áp dụng ISO", "2013-06-01 09:00", "Theo TCVN ISO 9001:2008."))
    assert site.build("--quiet") == 0
    with serve(site.output) as address:
        page = browser.new_page()
        try:
            for query in ["nghị định 139/2017", "nghị định 139/2017/NĐ-CP"]:
                assert titles(search(page, address, query))[0] == decree, query
            search(page, address, "ISO 9001:2008")
            assert page.inner_text(".search-status") == "1 kết quả cho “ISO 9001:2008”"
        finally:
            page.close()


def test_a_month_is_said_apart_after_a_word_corrected(site, browser):
    """`giao ban tháng 3/2019` says "N bài trong thời gian đó, M bài khác", but after a
    word mistyped was corrected (`giao bann tháng 3/2019`) the page said the count alone
    ("Không tìm thấy …; 6 kết quả cho …"), as if all six were of March 2019."""
    for n in range(6):
        day = f"2019-0{3 if n < 2 else 4}-{1 + n:02d} 08:00"
        text = article(f"Giao ban đợt {n}", day, "Kết luận giao ban tháng 3/2019.")
        site.add(f"2019/giao-ban-{n}.md", text)
    assert site.build("--quiet") == 0
    index = Index(site.output / search_bundle_url())
    assert engine_suggest(index, "giao bann tháng 3/2019") == "giao ban tháng 3/2019"
    found = engine_search(index, "giao ban tháng 3/2019")
    assert found.complete and (found.dated, found.total) == (2, 6)
    with serve(site.output) as address:
        page = browser.new_page()
        try:
            search(page, address, "giao bann tháng 3/2019")
            assert page.inner_text(".search-status") == (
                "Không tìm thấy “giao bann tháng 3/2019”; “giao ban tháng 3/2019”: 2 bài"
                " trong thời gian đó, 4 bài khác có các từ này"
            )
        finally:
            page.close()


def test_a_month_is_said_apart_of_the_articles_with_some_of_the_words(site, browser):
    """No article has every word of `giao ban bac si ky su thang 3/2019`: the page lists
    those with half of them, here two of March 2019 and four of April, and said the
    count alone, as `dated` counted all six; now it says how many are of March."""
    for n in range(6):
        day = f"2019-0{3 if n < 2 else 4}-{1 + n:02d} 08:00"
        site.add(f"2019/giao-ban-{n}.md", article(f"Giao ban bác sĩ đợt {n}", day, "Kết luận."))
    assert site.build("--quiet") == 0
    query = "giao ban bac si ky su thang 3/2019"
    found = engine_search(Index(site.output / search_bundle_url()), query, some=True)
    assert found.some and (found.dated, found.total) == (2, 6)
    with serve(site.output) as address:
        page = browser.new_page()
        try:
            search(page, address, query)
            assert page.inner_text(".search-status") == (
                f"Không bài nào có đủ các từ “{query}”; 6 kết quả có một phần các từ đó,"
                " trong đó có 2 bài trong thời gian đó"
            )
        finally:
            page.close()


def test_a_month_typed_in_full_among_words_lists_its_articles_first_in_both_engines(site, browser):
    """`tiêm chủng tháng 3 năm 2021` listed the notices of March 2019, 2012 and 2018
    first (audit-reader F6): the page lists the articles of March 2021 first, as the
    Python engine does; a title that writes the month as typed still comes first."""
    for number, (title, text, day) in enumerate(month_in_full_corpus()):
        site.add(f"{day.year}/bai-{number}.md", article(title, f"{day:%Y-%m-%d} 08:00", text))
    assert site.build("--quiet") == 0
    index = Index(site.output / search_bundle_url())
    with search_page(site, browser) as search:
        for query, first in [
            ("tiêm chủng tháng 3 năm 2021", set(MONTH_IN_FULL_WANTED)),
            ("tiem chung thang 3 nam 2021", set(MONTH_IN_FULL_WANTED)),
            ("lịch tiếp công dân tháng 3 năm 2019", {MONTH_IN_FULL_NOTICE}),
        ]:
            python = [hit.title for hit in engine_search(index, query, limit=100).hits]
            page = [result["title"] for result in search(query)["results"]]
            assert set(python[: len(first)]) == first and page == python[:10], (query, page)


def test_a_search_typed_past_asks_for_no_more_index_files(site, browser):
    """On a slow phone network each pause in typing began a search whose files came after
    the reader had typed on: it still asked for the rest (its results' rows, its words'
    completions), nearly three times the index of the query pasted (165 KB against 60 KB
    for `chung cư cũ` on the bench's site, keys 200-500 ms apart, 400 ms latency). A
    search a newer one replaced asks for no more files."""
    for n in range(16):
        site.add(f"2019/cc-{n}.md", article(f"Cải tạo chung cư cũ số {n}", "2019-03-01 08:00"))
        site.add(f"2021/tt-{n}.md", article(f"Trật tự đô thị phường {n}", "2021-03-01 08:00"))
    assert site.build("--quiet") == 0
    final = set(engine_search(Index(site.output / search_bundle_url()), "trật tự ").fetched)
    held, asked = [], []

    def hold(route):
        asked.append(route.request.url.split("/chi-muc/")[1])
        if released:
            route.continue_()
        else:
            held.append(route)

    released = False
    with serve(site.output) as address:
        page = browser.new_page()
        try:
            page.route("**/chi-muc/s/**", hold)
            page.goto(f"{address}tim-kiem/")
            page.fill("#search-page-q", "chung cư")  # a pause: its search begins
            while not held:
                page.wait_for_timeout(50)
            before = len(asked)
            page.fill("#search-page-q", "trật tự")
            page.press("#search-page-q", "Enter")
            released = True
            for route in held:
                route.continue_()
            page.wait_for_function(
                "document.querySelector('.search-status').textContent.includes('trật tự')"
            )
            page.wait_for_load_state("networkidle")
            assert set(asked[before:]) <= final | set(asked[:before]), asked[before:]
            assert page.locator(".search-result").count() == 10
        finally:
            page.close()


def test_a_search_after_the_site_is_published_again_reads_the_new_index(site, browser):
    """GitHub Pages lets a browser keep each file ten minutes (max-age=600). A reader
    who had searched, then searched again after a publish that replaced a segment of the
    index (a correction of one article writes its segment anew and removes the old one),
    was given the kept manifest, naming files that were gone: "Không tải được chỉ mục
    tìm kiếm. Hãy tải lại trang", and reloading did not help for those ten minutes. The
    engine now asks for the manifest again past the browser's cache, and searches again."""
    site.configure(base_url="https://example.org/")
    for n in range(16):  # one segment of 16 articles, in many shards (many words)
        body = f"Phường Dịch Vọng, tin số {n}: " + " ".join(f"mục{n}x{i}" for i in range(300))
        site.add(f"a{n}.md", article(f"Tin số {n}", f"2019-04-{n + 1:02} 08:00", body))
    assert site.build("--quiet") == 0
    settled = (
        "() => { const s = document.querySelector('.search-status').textContent;"
        " return s.includes('“') || s.startsWith('Không tải'); }"
    )
    with serve(site.output, not_found=True, kept=True) as address:
        page = browser.new_page()
        page.goto(f"{address}tim-kiem/?q={quote('Dịch Vọng')}")
        page.wait_for_function(settled)
        assert page.inner_text(".search-status") == "16 kết quả cho “Dịch Vọng”"
        fixed = "Phường Nghĩa Đô, tin số 0, đã đính chính."
        site.add("a0.md", article("Tin số 0", "2019-04-01 08:00", fixed))
        assert site.build("--quiet") == 0
        page.goto(f"{address}tim-kiem/?q={quote('Nghĩa Đô đính chính')}")
        page.wait_for_function(settled)
        assert page.inner_text(".search-status") == "1 kết quả cho “Nghĩa Đô đính chính”"
        assert titles(results(page)) == ["Tin số 0"]
        page.close()
