"""Articles that are hard to show, in Debian's Chromium: a wide table on a site that
sanitizes its articles, a long line of preformatted text on a small phone, a very tall
picture on paper; a fork's long name and long menu. Each is built into a site of its
own and read as a reader would."""

import base64
import contextlib
import itertools
import struct
import zlib

import pytest
from serving import serve
from test_reader_pages import FIRST_LINE_BOTTOM, MENU_ROWS, SMALL_TARGETS
from test_seed_article import SEED_URL
from webtools import axe_run, large_text

# A4 less the print margins of site.css (18 mm top and bottom): 261 mm, 986 CSS pixels.
A4_PAGE_HEIGHT = 986


def png(width: int, height: int) -> bytes:
    """A plain red picture of that size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\xc8\x3c\x3c" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@contextlib.contextmanager
def article_page(browser, site, url: str, **context):
    """The site built and served, and one of its pages open in a new browser context."""
    assert site.build("--quiet") == 0
    with serve(site.output) as address:
        page = browser.new_context(**context).new_page()
        try:
            response = page.goto(address + url)
            assert response and response.ok
            yield page
        finally:
            page.context.close()


WIDE_TABLE = """
| Phường | Dân số 2019 | Dân số 2020 | Dân số 2021 | Dân số 2022 | Diện tích (km²) | Số hộ |
| --- | --- | --- | --- | --- | --- | --- |
| Bạch Đằng | 12.345 | 12.456 | 12.567 | 12.678 | 0,98 | 3.210 |
"""


def test_a_wide_table_stays_reachable_by_keyboard_when_articles_are_sanitized(browser, site):
    """With `sanitize_html: true` the table lost the tabindex every Markdown table gets:
    on a phone it scrolls sideways, and a keyboard could not reach it to scroll it."""
    site.configure(sanitize_html=True)
    site.add("2019/05/bang.md", "---\ntitle: Bảng\ndate: 2019-05-02\n---\n" + WIDE_TABLE)
    with article_page(
        browser, site, "2019/05/bang/", viewport={"width": 360, "height": 640}
    ) as page:
        table = page.locator(".article-body table")
        assert table.evaluate("t => t.scrollWidth > t.clientWidth"), "wider than the phone"
        assert table.get_attribute("tabindex") == "0"
        table.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "() => document.querySelector('.article-body table').scrollLeft > 0", timeout=10_000
        )
        assert [v["id"] for v in axe_run(page)] == []


def test_a_long_line_of_preformatted_text_wraps_on_a_small_phone(browser, site):
    """It scrolled sideways inside a box no keyboard could reach (axe:
    scrollable-region-focusable); it now wraps, every character on screen."""
    line = "haibatrung.hanoi.gov.vn/tin-tuc-su-kien/quan-hai-ba-trung-quan-triet-quy-dinh"
    site.add(
        "2019/05/ma.md",
        f"---\ntitle: Mã\ndate: 2019-05-02\n---\n\n```\n{line}\n```\n\n    {line}\n",
    )
    with article_page(browser, site, "2019/05/ma/", viewport={"width": 320, "height": 568}) as page:
        blocks = page.locator(".article-body pre")
        assert blocks.count() == 2  # fenced and indented
        for i in range(2):
            widths = blocks.nth(i).evaluate("p => [p.scrollWidth, p.clientWidth]")
            assert widths[0] <= widths[1], widths
            assert blocks.nth(i).inner_text().replace("\n", "") == line
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 320
        assert [v["id"] for v in axe_run(page)] == []


def test_a_tall_picture_is_printed_on_one_page(browser, site):
    """A 400x2400 picture was printed 2400 px tall, sliced over three A4 pages, with its
    heading alone at the foot of the page before: it now fits one page, unstretched
    also when the article's HTML gives its width and height."""
    (site.root / "static" / "images").mkdir()
    (site.root / "static" / "images" / "cao.png").write_bytes(png(400, 2400))
    body = (
        "Mở đầu.\n\n### Ảnh cao\n\n![Ảnh rất cao](/images/cao.png)\n\n"
        '<img src="/images/cao.png" alt="Ảnh rất cao" width="400" height="2400">\n'
    )
    site.add("2019/05/anh.md", "---\ntitle: Ảnh\ndate: 2019-05-02\n---\n\n" + body)
    # The page area of an A4 sheet, as the printer lays it out.
    with article_page(
        browser, site, "2019/05/anh/", viewport={"width": 673, "height": A4_PAGE_HEIGHT}
    ) as page:
        page.emulate_media(media="print")
        images = page.locator(".article-body img")
        assert images.count() == 2
        for image in images.all():
            image.evaluate("i => i.decode()")
            box = image.bounding_box()
            assert box and box["height"] <= 0.95 * A4_PAGE_HEIGHT, box
            assert abs(box["width"] / box["height"] - 400 / 2400) < 0.01, box


def test_a_picture_linked_to_its_large_copy_shows_the_keyboard_focus(browser, site):
    """Imported articles link each photo to its large copy. The link is inline around a
    picture shown as a block: its focus ring was drawn around nothing, and a reader
    tabbing through the article could not see which photo was focused. The ring is
    drawn around the picture."""
    (site.root / "static" / "images").mkdir()
    (site.root / "static" / "images" / "anh.png").write_bytes(png(200, 100))
    (site.root / "static" / "images" / "anh-lon.png").write_bytes(png(800, 400))
    body = "Mở đầu.\n\n[![](/images/anh.png)](/images/anh-lon.png)\n\nChú thích ảnh.\n"
    site.add("2019/05/anh.md", "---\ntitle: Ảnh\ndate: 2019-05-02\n---\n\n" + body)
    with article_page(
        browser, site, "2019/05/anh/", viewport={"width": 360, "height": 640}
    ) as page:
        link = page.locator(".article-body a").first
        picture = link.locator("img").bounding_box()
        assert picture, "the picture is shown"
        around = {
            "x": 0,
            "y": picture["y"] - 12,
            "width": 360,
            "height": picture["height"] + 24,
        }
        unfocused = page.screenshot(clip=around)
        page.locator(".article-body p").first.click()  # the keyboard starts before the link
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.matches('.article-body a:focus-visible')")
        assert page.evaluate("scrollY") == 0  # the same place on the screen
        ringed = page.screenshot(clip=around) != unfocused
        assert ringed, "no focus ring is seen around the focused picture"


def test_titles_of_long_codes_stay_on_a_small_phone_with_large_text(browser, site):
    """Imported titles hold codes with no place to break a line ("04/2008/CT-BTTTT",
    "NĐ 139/2017/ND"). With the browser's text at 200% on a 320 px phone, the boxes
    under an article naming the previous and next articles grew to the widest such code,
    and the page scrolled sideways; the titles now wrap inside their boxes."""
    titles = [
        "Chỉ thị 04/2008/CT-BTTTT về quản lý và phát triển hạ tầng viễn thông",
        "Quy định chi tiết một số điều của Luật thực hành tiết kiệm",
        "NĐ 139/2017/ND-CP ngày 27/11/2017 về xử phạt vi phạm hành chính",
    ]
    for day, title in enumerate(titles, start=1):
        site.add(
            f"2019/05/bai-{day}.md",
            f'---\ntitle: "{title}"\ndate: 2019-05-0{day}\nslug: bai-{day}\n---\n\nNội dung.\n',
        )
    assert site.build("--quiet") == 0
    with serve(site.output) as address:
        context = browser.new_context(
            viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True
        )
        page = context.new_page()
        large_text(page)
        page.goto(address + "2019/05/bai-2/")
        nav = page.locator(".article-nav")
        assert "04/2008/CT-BTTTT" in nav.inner_text() and "139/2017/ND-CP" in nav.inner_text()
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths == [320, 320], f"the page is {widths[0]} px wide on a 320 px screen"
        context.close()


def test_a_video_a_frame_or_a_figure_given_a_width_in_the_articles_html_fits_a_phone(browser, site):
    """An article's HTML may show a video or another page in a frame (a map, a player
    kept as written, README "Raw HTML"), or a figure, with the width of the portal's
    desktop column (<iframe width="800">, <figure style="width: 900px">, as editors copy
    them): the whole page scrolled sideways on a phone (816 px wide on a 360 px screen),
    the text column with it; a figure's picture shrank, but not the figure and its
    caption. Each now shrinks to the column."""
    (site.root / "static" / "images").mkdir()
    (site.root / "static" / "images" / "anh.png").write_bytes(png(900, 300))
    body = (
        "Bản đồ khu vực:\n\n"
        '<iframe title="Bản đồ" width="800" height="450" srcdoc="<p>Bản đồ</p>"></iframe>\n\n'
        '<video width="1280" height="720" controls></video>\n\n'
        '<figure style="width: 900px"><img src="/images/anh.png" alt="Hội nghị" '
        'style="width: 900px"><figcaption>Toàn cảnh hội nghị</figcaption></figure>\n'
    )
    site.add("2019/05/ban-do.md", f"---\ntitle: Bản đồ\ndate: 2019-05-02\n---\n\n{body}")
    with article_page(
        browser, site, "2019/05/ban-do/", viewport={"width": 360, "height": 640}
    ) as page:
        column = page.locator(".article-body").evaluate("b => b.clientWidth")
        for part in ("iframe", "video", "figure", "img", "figcaption"):
            width = page.locator(f".article-body {part}").evaluate("e => e.offsetWidth")
            assert 0 < width <= column, (part, width, column)
        assert page.evaluate("document.scrollingElement.scrollWidth") == 360


# The number of lines each word of a cell's text is on: its parts between hyphens and
# slashes (1234/QĐ-UBND may break after either, as text does).
WORD_LINES = """cell => {
  const text = cell.firstChild, lines = {};
  for (const m of text.data.matchAll(/[^\\s\\/-]+/g)) {
    const r = document.createRange();
    r.setStart(text, m.index);
    r.setEnd(text, m.index + m[0].length);
    lines[m[0]] = new Set([...r.getClientRects()].map(q => Math.round(q.top))).size;
  }
  return lines;
}"""


def test_a_table_with_an_address_in_a_cell_is_printed_whole(browser, site):
    """On paper a table is laid out whole (it scrolls on a screen), its cells wrapped to
    the page; but a cell's words are never broken, and an address in a cell (a portal's
    list of documents gives each its link) is one word: the table was printed 891 px
    wide on a 673 px page, its last columns cut off at the right margin. On paper such
    a word now breaks where it must; other words and numbers do not."""
    address = "https://haibatrung.hanoi.gov.vn/documents/20182/0/QD-1234-UBND-dieu-chinh-quy-hoach"
    table = (
        "| STT | Đơn vị | Văn bản | Địa chỉ | Diện tích (m²) | Ghi chú |\n"
        "| --- | --- | --- | --- | ---: | --- |\n"
        f"| 1 | Phường Thanh Lương | Quyết định 1234/QĐ-UBND | {address} | 12.345,67 "
        "| Còn hiệu lực |\n"
    )
    site.add("2019/05/van-ban.md", f"---\ntitle: Văn bản\ndate: 2019-05-02\n---\n\n{table}")
    with article_page(
        browser, site, "2019/05/van-ban/", viewport={"width": 673, "height": A4_PAGE_HEIGHT}
    ) as page:
        cells = page.locator(".article-body td")
        page.emulate_media(media="print")
        right = page.locator(".article-body table").evaluate("t => t.getBoundingClientRect().right")
        assert right <= 673, f"the table is printed {right:.0f} px wide on a 673 px page"
        assert cells.nth(5).inner_text() == "Còn hiệu lực"
        # No other word is broken (but after a hyphen or a slash), nor the number.
        for number in (1, 2, 4, 5):
            words = cells.nth(number).evaluate(WORD_LINES)
            assert all(lines == 1 for lines in words.values()), words
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 673


# A list of officials as the portal printed them: a numbering column and text.
COLUMNS = [
    ("STT", "1"),
    ("Họ và tên", "Nguyễn Thị Hồng Nhung"),
    ("Ngày sinh", "12/3/1975"),
    ("Quê quán", "Phường Thanh Lương"),
    ("Chức vụ", "Phó Chủ tịch UBND phường"),
    ("Đơn vị", "Phường Bạch Đằng"),
    ("Trình độ", "Thạc sĩ quản lý"),
    ("Lý luận chính trị", "Cao cấp"),
    ("Ghi chú", "Bổ nhiệm lại"),
    ("Nhiệm kỳ", "2021 - 2026"),
    ("Điện thoại", "0912345678"),
    ("Ngày bổ nhiệm", "15/10/2021"),
    ("Chuyên ngành", "Quản trị nghiệp vụ"),
    ("Khen thưởng", "Huân chương Lao động"),
]


@pytest.mark.parametrize("count", [8, 10, 12, 14])
def test_a_table_of_many_columns_is_printed_whole(browser, site, count):
    """Each text cell keeps 6em on paper, so that no word is broken: with eight columns
    or more (a list of officials) that was more than the page, and the last columns
    were cut off at the right margin, lost to the reader of the print; with twelve
    (a phone number, a date) even cells as narrow as their words were (882 px). Now
    the table fits, its words whole."""
    head, row = zip(*COLUMNS[:count], strict=True)
    table = "\n".join("| " + " | ".join(cells) + " |" for cells in (head, ["---"] * count, row))
    site.add("2019/05/can-bo.md", f"---\ntitle: Cán bộ\ndate: 2019-05-02\n---\n\n{table}\n")
    with article_page(
        browser, site, "2019/05/can-bo/", viewport={"width": 673, "height": A4_PAGE_HEIGHT}
    ) as page:
        page.emulate_media(media="print")
        rights = page.locator(".article-body th, .article-body td").evaluate_all(
            "all => all.map(e => e.getBoundingClientRect().right)"
        )
        assert len(rights) == 2 * count
        assert max(rights) <= 673, f"a column ends at {max(rights):.0f} px on a 673 px page"
        # Each word whole, on one line (the fix of 6em as 0 broke "mười" as "mư/ời").
        for number in range(count):
            words = page.locator(".article-body td").nth(number).evaluate(WORD_LINES)
            assert all(lines == 1 for lines in words.values()), words


def test_a_tag_of_one_long_word_wraps_in_its_box(browser, site):
    """A tag written as one word, as hashtags are (#SốngXanh... of a campaign), or an
    address given as a tag: its box in the list of tags was as wide as the word, 615 px
    on a 360 px phone, and the page scrolled sideways; it now wraps in a box as wide
    as the screen at most, at any text size."""
    tags = "[SốngXanhHàNộiQuậnHaiBàTrưngPhườngVĩnhTuyNgàyChủNhậtXanh, https://haibatrung.hanoi.gov.vn/tin-tuc]"
    site.add("2019/05/xanh.md", f"---\ntitle: Xanh\ndate: 2019-05-02\ntags: {tags}\n---\n\nX.\n")
    assert site.build("--quiet") == 0
    with serve(site.output) as address:
        for big in (False, True):
            context = browser.new_context(viewport={"width": 360, "height": 640})
            page = context.new_page()
            if big:
                large_text(page)
            page.goto(address + "the/")
            assert page.locator(".terms li").count() == 2
            widths = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
            assert widths == [360, 360], f"the page is {widths[0]} px wide (text {big=})"
            context.close()


# A fork's name as long as a district's full one, and two pages in its menu (five items).
FORK_TITLE = "Lưu trữ tin tức Ủy ban nhân dân quận Hai Bà Trưng, TP. Hà Nội"
LINES = "e => { const r = document.createRange(); r.selectNodeContents(e);" + (
    " return new Set([...r.getClientRects()].map(q => Math.round(q.top))).size; }"
)


@pytest.mark.parametrize("width", [320, 360, 412])
def test_a_forks_long_name_and_five_menu_items_keep_the_header_compact(browser, site, width):
    """A fork with a 60-character name and five menu items had a header 379 px tall on
    a 320 px phone: the name on three lines, the menu in three rows of two (on a 360 to
    412 px phone, four and one left alone under them). The name now takes two lines at
    320 px, and five items or more are three columns: two rows, each name whole."""
    site.add_seed()
    site.configure(title=FORK_TITLE)
    site.add("pages/lien-he.md", "---\ntitle: Liên hệ\nmenu: 2\n---\n\nĐịa chỉ liên hệ.\n")
    with article_page(
        browser, site, "", viewport={"width": width, "height": 640}, is_mobile=True
    ) as page:
        assert len(FORK_TITLE) >= 60
        assert page.locator(".site-name a").evaluate(LINES) <= 2
        menu = page.evaluate(MENU_ROWS)
        assert menu["rows"] == [3, 2] and menu["wrapped"] == [], menu
        assert page.evaluate(SMALL_TARGETS) == []
        assert page.evaluate("document.documentElement.scrollWidth") == width


# The first table imported from the Hanoi portal (import-samples C, sotttt 3893255): a
# column numbering the rows, as Vietnamese official tables have ("TT", "STT").
NUMBERED_TABLE = """
| TT | Phòng, ban | Vị trí việc làm | Chỉ tiêu thi tuyển | Ngành, chuyên ngành cần tuyển | Ghi chú |
| --- | --- | --- | --- | --- | --- |
| 01 | Văn phòng Sở | Lưu trữ | 1 | Văn thư; Lưu trữ; Quản trị văn phòng | |
| 02 | Thanh tra Sở | Thanh tra | 1 | Luật, Báo chí | |
"""
# The first column's width, and that of its widest text with the cell's padding and borders.
FIRST_COLUMN = """t => {
  const cells = [...t.querySelectorAll('tr > :first-child')];
  const needed = cells.map(c => {
    const r = document.createRange(); r.selectNodeContents(c);
    const s = getComputedStyle(c);
    return r.getBoundingClientRect().width + ['paddingLeft', 'paddingRight',
      'borderLeftWidth', 'borderRightWidth'].reduce((sum, k) => sum + parseFloat(s[k]), 0);
  });
  return [cells[0].getBoundingClientRect().width, Math.max(...needed)];
}"""


@pytest.mark.parametrize("text", ["100%", "200%"])
def test_a_tables_column_of_numbers_leaves_the_screen_to_the_others(browser, site, text):
    """Every text cell of a table is 6em wide at least, so that it is not one word a
    line; the column numbering the rows ("01") was too: with the text at 200% on a 320
    px phone it took 192 of the screen's 288 px, and the reader saw "TT" and a sliver
    of the next column. The first column is now as wide as its words."""
    site.add("2020/09/bang.md", "---\ntitle: Bảng\ndate: 2020-09-18\n---\n" + NUMBERED_TABLE)
    with article_page(
        browser, site, "2020/09/bang/", viewport={"width": 320, "height": 740}, is_mobile=True
    ) as page:
        if text == "200%":
            large_text(page)
            page.reload()
        table = page.locator(".article-body table")
        width, needed = table.evaluate(FIRST_COLUMN)
        assert width <= needed + 1, f"a {width:.0f} px column for {needed:.0f} px of text"
        # The next column starts in the screen's left half.
        second = table.locator("th").nth(1).bounding_box()
        assert second and second["x"] < 320 / 2, second


def test_no_column_name_is_wider_than_the_screen_with_large_text(browser, site):
    """A column's name is kept on one line; with the text at 200% on a 320 px phone,
    "Ngành, chuyên ngành cần tuyển" (the portal's table) was 540 px long, almost twice
    the table's 288 px box: a reader scrolled sideways within a name to read it, over
    columns of 192 px. With such large text a name wraps between its words in a column
    as wide as the cells below it; one word ("TT") stays whole."""
    site.add("2020/09/bang.md", "---\ntitle: Bảng\ndate: 2020-09-18\n---\n" + NUMBERED_TABLE)
    with article_page(
        browser, site, "2020/09/bang/", viewport={"width": 320, "height": 740}, is_mobile=True
    ) as page:
        large_text(page)
        page.reload()
        table = page.locator(".article-body table")
        box = table.evaluate("t => t.clientWidth")
        names = table.locator("th").evaluate_all(
            "all => all.map(th => [th.textContent, th.getBoundingClientRect().width])"
        )
        assert len(names) == 6
        for name, width in names:
            assert width <= box, f"{name!r} is {width:.0f} px wide in a {box} px box"
        assert table.locator("th").first.evaluate(LINES) == 1


def test_a_block_pasted_with_the_portals_width_stays_within_a_phone(browser, site):
    """Raw HTML is kept as written, and a portal's blocks carry its desktop width
    (`<div style="width: 650px">` around a paragraph or a box of figures): on a 320 px
    phone the whole page scrolled sideways, 666 px wide, and its lines ran off the
    screen. Such a block is now no wider than the column."""
    body = '<div style="width: 650px">Khối nội dung rộng như trên cổng cũ, có chữ bên trong.</div>'
    site.add("2020/01/khoi.md", "---\ntitle: Khối rộng\ndate: 2020-01-02\n---\n\n" + body + "\n")
    with article_page(
        browser, site, "2020/01/khoi-rong/", viewport={"width": 320, "height": 740}, is_mobile=True
    ) as page:
        assert page.evaluate("document.documentElement.scrollWidth") == 320
        right = page.locator(".article-body div").evaluate("d => d.getBoundingClientRect().right")
        assert right <= 320 - 16, f"the block ends at x = {right:.0f}"


# Where the focused element is on the page (not the screen), or None when Tab has left
# the page's last one.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const r = e.getBoundingClientRect();
  return {what: e.tagName + " " + (e.getAttribute("href") || e.textContent.trim().slice(0, 30)),
          top: Math.round(r.top + scrollY)};
}"""


@pytest.mark.parametrize("text", ["100%", "200%"])
def test_keyboard_focus_goes_down_the_page_as_it_is_shown(browser, site, text):
    """With the text at 200% on a phone the archive notice is shown below the page's
    content, but its link to the old portal (`original_site`) stayed in the header:
    Tab went from the menu to that link at the foot of the page (y = 19,072), then back
    up to the trail and the article. Each Tab now moves down the page, at any text size,
    and the link is still reached."""
    portal = "https://haibatrung.hanoi.gov.vn/"
    site.add_seed()
    site.configure(original_site=portal)
    with article_page(
        browser, site, SEED_URL, viewport={"width": 320, "height": 740}, is_mobile=True
    ) as page:
        if text == "200%":
            large_text(page)
            page.reload()
        page.keyboard.press("Tab")  # the skip link, shown over the top of the page
        seen: list[dict] = []
        for _ in range(100):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is None or focused in seen:
                break
            seen.append(focused)
        assert f"A {portal}" in [f["what"] for f in seen], seen
        assert len(seen) >= 8, seen
        for before, after in itertools.pairwise(seen):
            assert after["top"] >= before["top"] - 1, f"Tab goes up from {before} to {after}"


# The colours of a screenshot, each as "r,g,b" (read by Chromium itself: no image library).
COLOURS = """async png => {
  const picture = await createImageBitmap(
    await (await fetch("data:image/png;base64," + png)).blob());
  const canvas = new OffscreenCanvas(picture.width, picture.height);
  const drawing = canvas.getContext("2d");
  drawing.drawImage(picture, 0, 0);
  const data = drawing.getImageData(0, 0, picture.width, picture.height).data;
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
  return [...seen].sort();
}"""
NARROW_TABLE = """
| Phường | Số hộ |
| --- | ---: |
| Bạch Đằng | 3.210 |
"""


def colours(page, box: dict, x: float, width: float = 12) -> list[str]:
    """The colours drawn in a strip of the screen from ``x``, as tall as ``box`` and
    2 px more above and below (where a line of shade once showed)."""
    strip = {"x": x, "y": box["y"] - 2, "width": width, "height": box["height"] + 4}
    png = base64.b64encode(page.screenshot(clip=strip)).decode()
    return page.evaluate(COLOURS, png)


@contextlib.contextmanager
def two_tables_on_a_phone(browser, site, scheme: dict):
    """An article with a table wider than a 320 px phone and one that fits, open there
    with JavaScript off, in ``scheme`` (light, dark, forced colours)."""
    body = WIDE_TABLE + "\nGiữa hai bảng.\n" + NARROW_TABLE
    site.add("2019/05/bang.md", "---\ntitle: Bảng\ndate: 2019-05-02\n---\n" + body)
    with article_page(
        browser,
        site,
        "2019/05/bang/",
        viewport={"width": 320, "height": 740},
        is_mobile=True,
        java_script_enabled=False,
        **scheme,
    ) as page:
        yield page


@pytest.mark.parametrize(
    "scheme",
    [{"color_scheme": "light"}, {"color_scheme": "dark"}, {"forced_colors": "active"}],
    ids=["light", "dark", "forced-colours"],
)
def test_a_table_wider_than_the_phone_shows_that_it_scrolls(browser, site, scheme):
    """On a phone, a table wider than the screen scrolls sideways inside its box, but
    nothing said so: a phone's scrollbar shows only while scrolling, and the cut fell
    between two columns as often as not. A shade now lies along each edge past which
    there is more of the table, in light and dark mode and with forced colours, and
    goes as the end is reached; a table that fits has none. With JavaScript off too."""
    with two_tables_on_a_phone(browser, site, scheme) as page:
        wide, narrow = page.locator(".article-body table").all()
        assert wide.evaluate("t => t.scrollWidth > t.clientWidth"), "wider than the phone"
        assert narrow.evaluate("t => t.scrollWidth <= t.clientWidth")
        # The cells unseen (opacity, which forced colours leave alone; no borders): what
        # is left is the table's own drawing, to be compared with the page's margin.
        page.evaluate(  # page.add_style_tag waits for an event that never comes without JS
            "() => document.head.insertAdjacentHTML('beforeend', '<style>"
            ".article-body tr { opacity: 0 } .article-body :is(th, td) { border: 0 }</style>')"
        )
        for table in (wide, narrow):
            table.scroll_into_view_if_needed()
            box = table.bounding_box()
            assert box
            page_colour = colours(page, box, 0, 4)
            assert len(page_colour) == 1, page_colour
            left = colours(page, box, box["x"])
            right = colours(page, box, box["x"] + box["width"] - 12)
            if table == wide:
                assert left == page_colour and right != page_colour, (left, right)
                table.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
                left = colours(page, box, box["x"])
                right = colours(page, box, box["x"] + box["width"] - 12)
                assert left != page_colour and right == page_colour, (left, right)
            else:
                assert left == right == page_colour, (left, right)


def strip(page, row: dict, x: float, width: float = 12) -> list[str]:
    """The colours drawn in a strip of ``row`` from ``x``, 2 px short of its top and
    bottom (its cells' borders)."""
    clip = {"x": x, "y": row["y"] + 2, "width": width, "height": row["height"] - 4}
    png = base64.b64encode(page.screenshot(clip=clip)).decode()
    return page.evaluate(COLOURS, png)


@pytest.mark.parametrize(
    "scheme",
    [{"color_scheme": "light"}, {"color_scheme": "dark"}, {"forced_colors": "active"}],
    ids=["light", "dark", "forced-colours"],
)
def test_the_shade_of_a_wide_table_shows_over_its_header_row(browser, site, scheme):
    """The shade along the edge of a table wider than the phone stopped at its header
    row: the header cells' background, opaque, covered it, and a reader looking at the
    column names saw no sign of more columns. It now shows over the header row as over
    the rows below, in light and dark mode and with forced colours; the header keeps a
    colour of its own, and a table that fits has no shade there either."""
    with two_tables_on_a_phone(browser, site, scheme) as page:
        # The cells' words and borders unseen (opacity, which forced colours leave alone;
        # no borders): what is left is their background over the table's own drawing.
        page.evaluate(
            """() => {
              for (const cell of document.querySelectorAll('.article-body :is(th, td)')) {
                cell.innerHTML = `<span style="opacity: 0">${cell.innerHTML}</span>`;
                cell.style.border = '0';
              }
            }"""
        )
        wide, narrow = page.locator(".article-body table").all()
        assert wide.evaluate("t => t.scrollWidth > t.clientWidth"), "wider than the phone"
        for table in (wide, narrow):
            table.scroll_into_view_if_needed()
            box = table.bounding_box()
            header = table.locator("thead tr").bounding_box()
            row = table.locator("tbody tr").first.bounding_box()
            assert box and header and row
            middle = box["x"] + box["width"] / 2 - 6
            plain = strip(page, header, middle)
            assert len(plain) == 1, plain
            if "color_scheme" in scheme:
                assert plain != strip(page, row, middle), "the header row has its colour"
            left = box["x"] + 2
            right = min(box["x"] + box["width"], header["x"] + header["width"]) - 14
            if table == narrow:
                assert strip(page, header, left) == strip(page, header, right) == plain
                continue
            shaded = strip(page, header, right)
            assert shaded != plain and len(shaded) >= 3, shaded
            assert strip(page, header, left) == plain
            table.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
            assert strip(page, header, right) == plain
            shaded = strip(page, header, left)
            assert shaded != plain and len(shaded) >= 3, shaded


@pytest.mark.parametrize("width", [320, 360, 412])
def test_a_forks_article_title_is_on_the_first_screen_with_large_text(browser, site, width):
    """A fork with a 60-character name and five menu items, read with the text at 200%
    on a 320 px phone: the name took five lines, the menu five rows of one, the search
    field and its button 149 px, and the title's first line ended at y = 854, below the
    first screen (740 px). It now ends within it, the name whole and as large as the
    reader's text, each menu name whole, the search box there."""
    site.add_seed()
    site.configure(title=FORK_TITLE)
    site.add("pages/lien-he.md", "---\ntitle: Liên hệ\nmenu: 2\n---\n\nĐịa chỉ liên hệ.\n")
    with article_page(
        browser,
        site,
        SEED_URL,
        viewport={"width": width, "height": 740},
        is_mobile=True,
        has_touch=True,
    ) as page:
        large_text(page)
        page.reload()
        bottom = page.locator("h1").evaluate(FIRST_LINE_BOTTOM)
        assert bottom <= 740, f"the title's first line ends at y = {bottom:.0f}"
        name = page.locator(".site-name a")
        assert name.inner_text() == FORK_TITLE and name.is_visible()
        size = name.evaluate("a => parseFloat(getComputedStyle(a).fontSize)")
        assert size >= 32, f"the name is {size} px, smaller than the reader's text (32 px)"
        menu = page.evaluate(MENU_ROWS)
        assert sum(menu["rows"]) == 5 and menu["wrapped"] == [], menu
        assert page.locator("#site-search").is_visible()
        assert page.locator(".search-box button").is_visible()
        assert page.evaluate(SMALL_TARGETS) == []
        assert page.evaluate("document.documentElement.scrollWidth") == width


# Raw HTML as editors paste it: Word's indent before a signature (import sample mirror,
# sotttt 744225), one written by hand, a centred picture, and a video embedded as the
# player's site gives its code.
PASTED = """Nội dung.

<p style="margin-left: 324.0pt; text-align: right;">TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</p>

<p style="margin-left:400px">Đoạn thụt lề viết tay.</p>

<img src="/images/anh.png" alt="Ảnh giữa" width="100"
style="display: block; margin-left: auto; margin-right: auto">

<iframe width="560" height="315" title="Video" srcdoc="<p>Video</p>"></iframe>
"""


@pytest.mark.parametrize("width", [320, 1280])
def test_an_indent_or_a_frame_written_in_the_article_fits_a_phone(browser, site, width):
    """An indent given in an article's HTML (Word's `margin-left: 324pt` before a
    signature, 432 px; `margin-left:400px` by hand) left a 320 px phone's column no room:
    the lines went off the screen, and the page scrolled sideways. A frame given the
    player's size (`<iframe width="560" height="315">`) shrank to the column but kept
    its height: 288 by 315 px, the video a strip in black. On a phone such an indent
    goes (a picture centred with `auto` stays centred), and the frame keeps its shape;
    on a wide screen both are as written."""
    (site.root / "static" / "images").mkdir()
    (site.root / "static" / "images" / "anh.png").write_bytes(png(100, 50))
    site.add("2020/01/dan.md", "---\ntitle: Dán từ Word\ndate: 2020-01-02\n---\n\n" + PASTED)
    with article_page(
        browser, site, "2020/01/dan-tu-word/", viewport={"width": width, "height": 740}
    ) as page:
        assert page.evaluate("document.documentElement.scrollWidth") == width
        column = page.locator(".article-body").evaluate(
            "b => { const r = b.getBoundingClientRect(); return [r.left, r.right]; }"
        )
        indented = page.locator(".article-body p[style]")
        assert indented.count() == 2
        for one in indented.all():
            left, right = one.evaluate(
                "p => { const r = p.getBoundingClientRect(); return [r.left, r.right]; }"
            )
            assert column[0] <= left and right <= column[1], (one.inner_text(), left, right)
            assert right - left >= min(200, column[1] - column[0]), "room for its words"
            if width > 1000:
                assert left >= column[0] + 400, "the indent as written on a wide screen"
        picture = page.locator(".article-body img").bounding_box()
        assert picture
        gaps = picture["x"] - column[0], column[1] - picture["x"] - picture["width"]
        assert abs(gaps[0] - gaps[1]) <= 1, gaps
        frame = page.locator(".article-body iframe").bounding_box()
        assert frame and frame["width"] <= column[1] - column[0]
        size = f"a {frame['width']:.0f} by {frame['height']:.0f} frame"
        assert abs(frame["height"] / frame["width"] - 315 / 560) < 0.01, size


# Indents portals write with padding and text-indent (sotttt's articles: `text-indent:
# 36pt`, a paragraph's first line as Vietnamese official documents set it), some far
# larger by hand; and a list given one.
PADDED = """Nội dung.

<p style="padding-left: 120px">Đoạn thụt lề bằng padding viết tay trên cổng thông tin.</p>

<p style="padding-left: 324.0pt; text-align: right">TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</p>

<p style="text-indent: 200px">Dòng đầu của đoạn này bị đẩy sang phải quá xa.</p>

<p style="text-indent:36pt">Đoạn văn bản hành chính, dòng đầu thụt vào một chút.</p>

<p style="text-indent: 0.5in">Đoạn văn bản khác, dòng đầu thụt vào nửa inch.</p>

<ul style="padding-left: 120px"><li>Mục một của danh sách</li><li>Mục hai</li></ul>
"""
# Where each paragraph's text begins (its first letter) and its text column's edges.
TEXT_EDGES = """e => {
  const box = e.getBoundingClientRect(), style = getComputedStyle(e);
  const range = document.createRange();
  const text = e.querySelector('li') || e;
  range.setStart(text.firstChild, 0);
  range.setEnd(text.firstChild, 1);
  return {
    first: range.getBoundingClientRect().left,
    left: box.left + parseFloat(style.paddingLeft),
    right: box.right - parseFloat(style.paddingRight),
  };
}"""


@pytest.mark.parametrize("width", [320, 1280])
def test_a_padding_or_a_first_line_indent_written_in_the_article_fits_a_phone(browser, site, width):
    """Portals indent with padding and text-indent as well as margins (`style="padding-
    left: 120px"`, Word's `padding-left: 324pt` before a signature, a first line pushed
    200 px right): on a 320 px phone with the text at 200% they left the text a strip of
    the screen, or sent it off the screen. On a phone such a padding goes, as a margin
    does; a first line's indent is kept small (a paragraph's, as official documents set
    it, stays); a list keeps room for its bullets. On a wide screen all are as written."""
    site.add("2020/01/dan.md", "---\ntitle: Thụt lề\ndate: 2020-01-02\n---\n\n" + PADDED)
    with article_page(
        browser, site, "2020/01/thut-le/", viewport={"width": width, "height": 740}
    ) as page:
        if width < 1000:  # 200% on a wide screen makes it a phone's 640 px (48em at 32 px)
            large_text(page)
            page.reload()
        assert page.evaluate("document.documentElement.scrollWidth") == width
        column = page.locator(".article-body").evaluate(
            "b => { const r = b.getBoundingClientRect(); return [r.left, r.right]; }"
        )
        em = page.locator(".article-body p").first.evaluate(
            "p => parseFloat(getComputedStyle(p).fontSize)"
        )
        padded, signed, pushed, *indented = page.locator(".article-body p[style]").all()
        listed = page.locator(".article-body ul")
        edges = {}
        for name, one in [("padded", padded), ("signed", signed), ("pushed", pushed)]:
            edges[name] = one.evaluate(TEXT_EDGES)
        edges["indented"] = [one.evaluate(TEXT_EDGES) for one in indented]
        edges["listed"] = listed.evaluate(TEXT_EDGES)
        if width > 1000:
            assert edges["padded"]["left"] - column[0] == pytest.approx(120, abs=1), edges
            assert edges["pushed"]["first"] - column[0] == pytest.approx(200, abs=1), edges
            for one in edges["indented"]:
                assert one["first"] - column[0] == pytest.approx(48, abs=1), edges
            return
        for one in [edges["padded"], edges["signed"], edges["listed"]]:
            assert column[0] <= one["left"] and one["right"] <= column[1], edges
            assert one["right"] - one["left"] >= 0.75 * width, f"a strip of the screen: {edges}"
        assert 0 < edges["listed"]["first"] - column[0] <= 3 * em, "its bullets on the screen"
        for one in [edges["pushed"], *edges["indented"]]:
            assert 0 < one["first"] - column[0] <= 2 * em, f"a first line's indent: {edges}"
        assert [v["id"] for v in axe_run(page)] == []


def test_a_bare_link_written_as_raw_html_is_printed_once(browser, site):
    """The portal's HTML writes a bare link as <a href="http://x">http://x</a>; printed,
    it read "http://x.vn/a (http://x.vn/a)". Its address is now printed once, and a link
    of other words still with its address."""
    body = (
        '<p>Xem <a href="http://x.vn/lien-he">http://x.vn/lien-he</a> hoặc '
        '<a href="http://x.vn/ke-hoach">kế hoạch</a>.</p>'
    )
    site.add("2019/05/lien-he.md", f"---\ntitle: Liên hệ\ndate: 2019-05-02\n---\n\n{body}\n")
    with article_page(browser, site, "2019/05/lien-he/") as page:
        page.emulate_media(media="print")
        after = "a => getComputedStyle(a, '::after').content"
        links = page.locator(".article-body a")
        assert links.nth(0).evaluate(after) == "none"
        assert links.nth(1).evaluate(after) == '" (http://x.vn/ke-hoach)"'
