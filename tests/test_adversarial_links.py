"""Hostile addresses in article bodies written by editors: none reaches a built page.

Markdown links and images go through linksafety.is_safe_url (the importer's rule too);
raw HTML passes as written unless site.yaml says `sanitize_html: true`, which runs the
bodies through nh3 (README, "Links and raw HTML in articles")."""

import html
import re

import pytest
from bs4 import BeautifulSoup
from conftest import article, tree

from newsarchive.cli import main

# Each would run script (or load a document) when clicked or loaded.
HOSTILE = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "jav&#97;script:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
]
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data|file):", re.IGNORECASE)


def dangerous(url: str) -> bool:
    """What a browser would run: entities decoded, tabs, newlines and spaces dropped."""
    squeezed = re.sub(r"[\x00-\x20]+", "", html.unescape(url))
    return bool(BAD_SCHEME.match(squeezed))


def body(site, url: str) -> BeautifulSoup:
    page = BeautifulSoup(site.read(url + "index.html"), "html.parser")
    return page.select_one(".article-body")


def addresses(element: BeautifulSoup) -> list[str]:
    return [
        value
        for tag in element.find_all(True)
        for name, value in tag.attrs.items()
        if name in ("href", "src", "srcset", "action", "formaction", "poster", "data")
    ]


def markdown_body() -> str:
    """Each hostile address as an inline link, an image, a reference link and an
    attribute list, one per line so that the warnings name distinct lines."""
    lines = []
    for i, url in enumerate(HOSTILE):
        target = f"<{url}>" if " " in url or "\t" in url or "<" in url else url
        lines.append(f"Dòng {i}: [bấm]({target}) ![ảnh {i}]({target}) [tham chiếu][r{i}]")
        lines.append("")
    lines += [f"[r{i}]: {url.strip()}" for i, url in enumerate(HOSTILE) if " " not in url.strip()]
    lines += ["", "[thuộc tính](https://example.org/){: href='javascript:alert(2)' }"]
    return "\n".join(lines)


def test_no_hostile_markdown_link_reaches_the_page(site, capsys):
    path = site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", markdown_body()))
    assert site.build("--no-search") == 0
    content = body(site, "2019/04/bai-a/")
    assert content.select("a"), "the links' text stays"
    found = addresses(content)
    assert not [url for url in found if dangerous(url)]
    assert "alert" not in str(content).replace("alert(1)", "")  # no handler anywhere
    assert all(span.text.startswith("ảnh") for span in content.select("p > span"))
    assert not content.select("img")  # every image here was hostile: none is left
    err = capsys.readouterr().err
    warned = re.findall(r"a\.md:(\d+):\d+: warning: the link address .* is not allowed", err)
    lines = path.read_text(encoding="utf-8").splitlines()
    for i in range(len(HOSTILE)):
        line = next(n for n, text in enumerate(lines, 1) if text.startswith(f"Dòng {i}:"))
        assert warned.count(str(line)) >= 2, (HOSTILE[i], err)


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("[x](JaVaScRiPt:alert(1))", "b.md:6:5: error: the link address 'JaVaScRiPt:alert(1)'"),
        (
            "<img src=x onerror=alert(1)>",
            "b.md:6:12: error: an onerror attribute in the article's raw HTML",
        ),
    ],
    ids=["markdown link", "raw HTML"],
)
def test_strict_refuses_what_would_run_and_leaves_the_site(site, capsys, body, said):
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", "Xin chào."))
    assert site.build("--no-search") == 0
    before = tree(site.output)
    site.add("2019/04/b.md", article("Bài B", "2019-04-11 08:00", body))
    assert site.build("--no-search", "--strict") == 1
    assert said in capsys.readouterr().err
    assert tree(site.output) == before


RAW = """
<script>alert(1)</script>

<p onclick="alert(1)" style="color:red">Đoạn <a href="JavaScript:alert(1)">a</a>
<a href="/luu-tru/">lưu trữ</a> <img src="x.gif" onerror="alert(1)" alt="x"></p>

<iframe src="https://example.org/"></iframe>
<style>body { display: none }</style>
<form action="https://example.org/"><input name="q"></form>

<figure><img src="/images/anh.gif" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>

<table><tr><th scope="col">STT</th></tr><tr><td>1</td></tr></table>

| Cột | Số |
|:----|---:|
| a   | 1  |
"""


def test_raw_html_passes_unless_sanitize_html_is_set(site):
    """Today's documented policy: editors' raw HTML is kept as written."""
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", RAW))
    assert site.build("--no-search") == 0
    content = body(site, "2019/04/bai-a/")
    assert content.select("script") and content.select("iframe")


def test_sanitize_html_keeps_an_article_and_removes_script(site):
    site.configure(sanitize_html=True, base_url="https://editors.github.io/luu-tru/")
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", RAW))
    assert site.build("--no-search") == 0
    content = body(site, "2019/04/bai-a/")
    for tag in ("script", "style", "iframe", "form", "input"):
        assert not content.select(tag), tag
    for element in content.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on")], element
        assert "color" not in element.get("style", "")
    assert not [url for url in addresses(content) if dangerous(url)]
    # What an article needs stays, with links made for the page like Markdown's.
    assert content.select_one("figure img")["src"] == "../../../images/anh.gif"
    assert content.select_one("figcaption").text == "Chú thích"
    assert content.select_one("a[href='../../../luu-tru/']").text == "lưu trữ"
    assert content.select_one("th[scope=col]").text == "STT"
    aligned = [cell.get("style") for cell in content.select("table")[1].select("th")]
    assert aligned == ["text-align:left", "text-align:right"]
    assert "alert" not in str(content)


@pytest.mark.parametrize("value", ["yes", 1, "true"])
def test_sanitize_html_must_be_true_or_false(site, capsys, value):
    site.configure(sanitize_html=value)
    assert site.build("--no-search") == 1
    assert "'sanitize_html' must be true or false" in capsys.readouterr().err


MARKED = """
<p><a href="newsarchive-site:javascript:alert(1)">một</a>
<img src="newsarchive-site:javascript:alert(2)" alt="hai">
<a href="newsarchive-site:data:text/html,&lt;script&gt;alert(3)&lt;/script&gt;">ba</a>
<a href="newsarchive-site:/luu-tru/">lưu trữ</a></p>

<video controls poster="newsarchive-site:javascript:alert(4)">
<source src="newsarchive-site:javascript:alert(5)"></video>

[Markdown](/luu-tru/)
"""


def test_sanitize_html_judges_an_address_written_after_the_site_link_mark(site):
    """The mark that Markdown puts on site links is text an editor can write in raw
    HTML too: before javascript: it passed the sanitizer as a site link, and the page
    got the javascript: address alone."""
    site.configure(sanitize_html=True)
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", MARKED))
    assert site.build("--no-search") == 0
    content = body(site, "2019/04/bai-a/")
    assert not [url for url in addresses(content) if dangerous(url)], addresses(content)
    assert "alert" not in str(content)
    assert [a.get("href") for a in content.select("a")] == [
        None,
        None,
        "../../../luu-tru/",
        "../../../luu-tru/",
    ]


# Line by line as written (the body starts on line 6): what would run, where.
RUNNING = """\
<script>alert(1)</script>

Đoạn có ảnh <img src=https://example.org/a.gif onerror=alert(2)> giữa dòng.

<p>Xem <a href="javascript:alert(3)">đây</a>.</p>

## Tiêu đề {: onclick="alert(4)" }

Một đoạn văn.
{: onmouseover="alert(5)" }

[Liên kết](https://example.org/){: onfocus="alert(6)" }
"""
RUNNING_WARNINGS = [
    (6, 1, "a <script> element"),
    (8, 48, "an onerror attribute"),
    (10, 11, "a javascript: address (href)"),
    (12, 15, "an onclick attribute"),
    (15, 4, "an onmouseover attribute"),
    (17, 36, "an onfocus attribute"),
]


def test_raw_html_that_would_run_is_warned_where_it_is_written(site, capsys):
    """With sanitize_html off (the default) an editor's raw HTML is published as written:
    what runs in readers' browsers is named with its file, line and column, and the fix."""
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", RUNNING))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (.*) in the article's raw HTML", err)
    assert found == [(str(line), str(col), what) for line, col, what in RUNNING_WARNINGS], err
    assert err.count("set sanitize_html: true in site.yaml") == len(RUNNING_WARNINGS)
    # check (the workflow's, before a pull request is merged) says the same.
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (.*) in the article's raw HTML", err)
    assert found == [(str(line), str(col), what) for line, col, what in RUNNING_WARNINGS], err


# Line by line as written: raw HTML that runs nothing but takes the reader elsewhere or
# changes where the page's links lead; what each does, as the warning says it.
ELSEWHERE = """\
<meta http-equiv="refresh" content="0; url=https://example.org/">

<base href="https://example.org/">

<form action="https://example.org/dang-nhap"><input name="mat-khau" type="password"></form>

<form><input name="q"><button formaction="//example.org/">Gửi</button></form>
"""
ELSEWHERE_WARNINGS = [
    (6, 7, 'a <meta http-equiv="refresh"> element', "sends the reader to another address"),
    (8, 1, "a <base href> element", "changes where every relative link and picture"),
    (
        10,
        7,
        "a form whose action is https://example.org/dang-nhap",
        "sends what the reader types into it to another site",
    ),
    (
        12,
        31,
        "a form whose formaction is //example.org/",
        "sends what the reader types into it to another site",
    ),
]


def test_raw_html_that_takes_the_reader_elsewhere_is_warned_where_it_is_written(site, capsys):
    """No script runs, but a refresh sends the reader to another site, a <base> changes
    every relative link of the page, a form posts what the reader types (a password) to
    another site: each is named with its file, line and column, what it does, the fix."""
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", ELSEWHERE))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (.*) in the article's raw HTML (.*)", err)
    assert [(int(line), int(col), what) for line, col, what, _ in found] == [
        (line, col, what) for line, col, what, _ in ELSEWHERE_WARNINGS
    ], err
    for (*_, does), (*_, said) in zip(ELSEWHERE_WARNINGS, found, strict=True):
        assert said.startswith(does), said
        assert "sanitize_html is off" in said
    assert err.count("set sanitize_html: true in site.yaml") == len(ELSEWHERE_WARNINGS)
    assert site.build("--no-search", "--strict") == 1


def test_a_script_named_in_code_before_the_real_one_does_not_take_its_line(site, capsys):
    """The line is the real tag's, not that of the same text earlier in a code span, a
    fenced block or a comment, which Markdown does not publish as HTML."""
    body = (
        "`<script>` trong văn bản, `onclick=` cũng vậy.\n\n"  # line 6
        "```html\n<script>alert(0)</script>\n```\n\n"  # 8-10
        "<!-- <script>alert(0)</script> -->\n\n"  # 12
        "Chữ <b onclick=alert(1)>đậm</b>.\n\n"  # 14
        "<script>alert(2)</script>\n"  # 16
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (.*) in the article's raw HTML", err)
    assert found == [("14", "8", "an onclick attribute"), ("16", "1", "a <script> element")], err


def test_a_script_in_a_code_span_over_two_lines_does_not_take_its_line(site, capsys):
    """A code span goes on over a line break, as Markdown reads it in a paragraph: the
    <script> shown in one on its second line is text, not the real tag below. A backtick
    before a raw HTML block pairs with none inside it (the block ends the paragraph)."""
    body = (
        "Viết `mẫu\nnhư <script>` là mã.\n\n"  # lines 6-7
        "Chữ `a\n<script>alert(`2`)</script>\n"  # 9-10: a raw HTML block at line 10
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (.*) in the article's raw HTML", err)
    assert found == [("10", "1", "a <script> element")], err


def test_lines_of_ever_longer_backtick_runs_leave_the_real_tags_place(site, capsys):
    """299 lines of ever longer backtick runs (none paired: each length once) are text;
    a code span after them (its own paragraph) still hides what it shows, and the real
    <script> and the broken link are named at their lines. Finding that took 20 to 80 s
    (each run sought as a fence's close and a span's in all the text after it)."""
    runs = "\n".join("`" * k + f" chữ {k}" for k in range(1, 300))  # lines 6-304
    body = (
        f"{runs}\n\n"
        "Mã ``a ` <script>`` và `<b onclick=x>` thôi.\n\n"  # 306
        "<script>alert(1)</script>\n\n"  # 308
        "Xem [bài](/khong-co/).\n"  # 310
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (an? \S+ \S+|the link \S+)", err)
    assert found == [("308", "1", "a <script> element"), ("310", "11", "the link /khong-co/")], err
    text = BeautifulSoup(site.read("2019/04/bai-a/index.html"), "html.parser")
    shown = [code.get_text() for code in text.select("article code")]
    assert shown == ["a ` <script>", "<b onclick=x>"]


def test_a_line_markdown_does_not_read_as_a_fence_hides_no_tag(site, capsys):
    """A fence is the whole run of backticks (or tildes) and at most a language after it,
    as Markdown reads one: `````` a b`` opens none (nor does the ``` below, never closed),
    so the <script> after it is published, and warned of there; it was said at the next
    script's line, as if shown in code (```` taken for ``` and ` a b)."""
    body = (
        "```` a b\n<script>alert(1)</script>\n```\n\n"  # lines 6-8
        "~~~~ {.python}\n<script>alert(0)</script>\n~~~~\n\n"  # 10-12: a fence, code
        "<script>alert(2)</script>\n"  # 14
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (an? \S+ \S+)", err)
    assert found == [("7", "1", "a <script> element"), ("14", "1", "a <script> element")], err
    published = site.read("2019/04/bai-a/index.html")
    assert "<script>alert(1)" in published and "<script>alert(2)" in published
    assert "<script>alert(0)" not in published


HARMLESS = """\
<figure><img src="/images/anh.gif" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>

<table><tr><th scope="col">STT</th></tr><tr><td>1</td></tr></table>

<iframe width="560" height="315" src="https://www.youtube.com/embed/abc123"
allowfullscreen></iframe>

Mã `<script>` và chữ onclick="x" trong văn bản, [trang](https://example.org/?a=1&b=2).

<form action="/tim-kiem/"><input name="q"></form> <form><input name="q"></form>
<meta name="description" content="Bài A"> <base target="_blank">

    <script>alert(1)</script>
"""


def test_harmless_raw_html_is_not_warned(site, capsys):
    # Its addresses from the root work on a site served at its domain's root (under a
    # path they lead outside it: test_body_links warns of them), the picture there.
    site.configure(base_url="https://newsarchive.example/")
    (site.root / "static" / "images").mkdir()
    (site.root / "static" / "images" / "anh.gif").write_bytes(b"GIF89a")
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", HARMLESS))
    assert site.build("--no-search", "--strict") == 0, capsys.readouterr().err


def test_raw_html_is_not_warned_when_sanitize_html_cleans_it(site, capsys):
    site.configure(sanitize_html=True)
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", RUNNING + ELSEWHERE))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert "in the article's raw HTML" not in err


def test_a_javascript_address_after_the_site_link_mark_or_in_srcdoc_is_warned(site, capsys):
    """Raw HTML can write the mark Markdown puts on site links before a javascript:
    address (published as the javascript: address), or a frame's srcdoc (a page in the
    page, on the same origin): both run, and were said only as a link leading nowhere."""
    body = (
        '<p><a href="newsarchive-site:javascript:alert(1)">x</a>\n'
        '<iframe srcdoc="&lt;script&gt;alert(2)&lt;/script&gt;"></iframe></p>'
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert "a.md:6:7: warning: a javascript: address (href) in the article's raw HTML" in err
    assert "a.md:7:9: warning: an srcdoc attribute in the article's raw HTML" in err


def test_a_tag_shown_in_an_indented_code_block_does_not_take_the_real_ones_line(site, capsys):
    """An indented code block (4 spaces after a blank line, at the top level or in a
    list item, 8 there) shows its tags as text; raw HTML indented in a list item or in
    an HTML block is HTML: the warning names the line Markdown publishes as HTML."""
    body = (
        "Mã nhúng cũ:\n\n"  # 6
        "    <script>alert(0)</script>\n"  # 8
        '    <b onclick="alert(0)">x</b>\n\n'  # 9
        "- Mục một\n\n"  # 11
        "        <script>alert(0)</script>\n\n"  # 13: code in the list item
        "- Mục hai\n\n"  # 15
        '    Chữ <i onclick="alert(1)">nghiêng</i>.\n\n'  # 17: the item's paragraph
        "<div>\n\n"  # 19
        "    <script>alert(2)</script>\n\n"  # 21: in the HTML block
        "</div>\n\n"  # 23
        "<script>alert(3)</script>\n"  # 25
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (.*) in the article's raw HTML", err)
    assert found == [
        ("17", "12", "an onclick attribute"),
        ("21", "5", "a <script> element"),
        ("25", "1", "a <script> element"),
    ], err


def test_thousands_of_indented_code_blocks_leave_the_real_tags_place(site, capsys):
    """Each of 5,000 indented code blocks shows a <script>; the real one after them is
    named at its line (each block's line was sought in all the code: 20,000 took 4.4 s)."""
    shown = "\n\n".join(f"    <script>alert({k})</script>" for k in range(5000))  # 8-10006
    body = f"Mã cũ:\n\n{shown}\n\n<script>alert(-1)</script>\n"  # line 10008
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (an? \S+ \S+)", err)
    assert found == [("10008", "1", "a <script> element")], err


def test_a_link_shown_in_code_before_the_real_one_does_not_take_its_line(site, capsys):
    """A link leading nowhere is named at the line of the link, not at the same address
    shown earlier in a code span, a fenced or an indented code block or a comment."""
    body = (
        "Viết `[đây](/khong-co/)` để liên kết.\n\n"  # 6
        "```\n[đây](/khong-co/)\n```\n\n"  # 8-10
        '    <a href="/khong-co/">đây</a>\n\n'  # 12
        "<!-- [đây](/khong-co/) -->\n\n"  # 14
        "Xem [đây](/khong-co/).\n"  # 16
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: the link /khong-co/ leads", err)
    assert found == [("16", "11")], err


def test_a_form_sending_to_the_sites_own_address_is_not_another_sites(site, capsys):
    """A form whose action is written whole at base_url's address (the search page, as
    a portal's own pages wrote it) sends nothing elsewhere; one at another project of
    the same github.io host, at a host that only starts so, behind a backslash or a
    climb out of the site's path, is another site's."""
    site.configure(base_url="https://lan.github.io/luu-tru/")
    body = (
        '<form action="https://lan.github.io/luu-tru/tim-kiem/"><input name="q"></form>\n\n'
        '<form action="HTTPS://Lan.GitHub.io:443/luu-tru"><input name="q"></form>\n\n'
        '<form action="https://lan.github.io/luu-tru-cu/"><input name="q"></form>\n\n'
        '<form action="https://lan.github.io.example.org/luu-tru/"><input></form>\n\n'
        '<form action="https://example.org\\@lan.github.io/luu-tru/"><input></form>\n\n'
        '<form action="//lan.github.io/luu-tru/%2e%2e/dang-nhap/"><input></form>\n\n'
        '<form><button formaction="//lan.github.io/luu-tru/tim-kiem/">Tìm</button></form>\n'
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: a form whose (\w+) is (\S+)", err)
    assert found == [
        ("10", "7", "action", "https://lan.github.io/luu-tru-cu/"),
        ("12", "7", "action", "https://lan.github.io.example.org/luu-tru/"),
        ("14", "7", "action", "https://example.org\\@lan.github.io/luu-tru/"),
        ("16", "7", "action", "//lan.github.io/luu-tru/%2e%2e/dang-nhap/"),
    ], err


def test_an_a_with_rel_stylesheet_does_not_take_the_real_links_line(site, capsys):
    """An <a rel="stylesheet"> applies no style sheet (rel=stylesheet means it on a <link>
    only): one written before the real <link> took its warning's line."""
    body = (
        '<p><a rel="stylesheet" href="/css/a.css">Chữ</a></p>\n\n'  # 6
        '<p>Xem</p> <link href="/css/b.css"\n  rel="stylesheet">\n'  # 8-9
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (.*) in the article's raw HTML", err)
    assert found == [("9", "3", 'a <link rel="stylesheet"> element')], err


def test_a_style_element_is_warned_and_a_style_attribute_is_not(site, capsys):
    """A <style> element in an article styles the whole page, not the article: it can
    hide the archive's notice and the site's menu, or write words of its own; a style
    attribute (an old article's colour, its table's widths) styles its element only."""
    body = (
        '<p style="color: #c00; text-align: center">Chữ đỏ</p>\n\n'  # 6
        "<style>.archive-notice, header { display: none }</style>\n\n"  # 8
        '<svg viewBox="0 0 10 10"><style>h1::after { content: "giả" }</style></svg>\n'  # 10
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (.*) in the article's raw HTML (.*)", err)
    assert [(int(line), int(col), what) for line, col, what, _ in found] == [
        (8, 1, "a <style> element"),
        (10, 26, "a <style> element"),
    ], err
    assert all(does.startswith("styles the whole page") for *_, does in found), err


def test_a_stylesheet_link_is_warned_and_other_links_are_not(site, capsys):
    """A <link rel="stylesheet"> in an article loads a style sheet for the whole page,
    as a <style> element does; a link that only fetches (preload, prefetch) or that
    browsers ignore in a body (canonical, import) styles nothing."""
    body = (
        '<link rel="canonical" href="https://bao.example/bai-a.html">\n\n'  # 6
        '<link rel="preload" as="style" href="https://bao.example/a.css">\n\n'  # 8
        '<link rel="import" href="https://bao.example/a.html">\n\n'  # 10
        '<p>Chữ</p> <LINK title="x" REL="Alternate StyleSheet" href=//bao.example/b.css>\n\n'
        '`<link rel="stylesheet" href="x.css">` <link rel=stylesheet href="/css/c.css">\n\n'
        '<link\n  rel="stylesheet"\n  href="https://bao.example/c.css">\n'  # 16-18
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    found = re.findall(r"a\.md:(\d+):(\d+): warning: (.*) in the article's raw HTML (.*)", err)
    assert [(int(line), int(col), what) for line, col, what, _ in found] == [
        (12, 28, 'a <link rel="stylesheet"> element'),
        (14, 46, 'a <link rel="stylesheet"> element'),
        (17, 3, 'a <link rel="stylesheet"> element'),
    ], err
    assert all(
        does.startswith("loads a style sheet that styles the whole page") for *_, does in found
    ), err
    assert site.build("--no-search", "--strict") == 1
