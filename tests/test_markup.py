"""Article bodies convert to exactly the HTML of Python-Markdown with its own extensions.

newsarchive.markup's converter skips work that changes nothing: the inline patterns tried
on texts that hold none of the characters they start with, and the block processors on
blocks with no line that could start theirs. These tests hold it to the converter it
replaces, the stock one with the same extensions, on every body of the repository, on
each Markdown feature and on random documents made of the characters that start inline
and block Markdown."""

from pathlib import Path

import markdown
import pytest
from conftest import article
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown.inlinepatterns import SimpleTagInlineProcessor

from newsarchive import markup
from newsarchive.markup import make_converter, stock_converter, to_html

ROOT = Path(__file__).resolve().parent.parent


REFERENCE = stock_converter()
CONVERTER = make_converter()


def same(text: str) -> str:
    expected = to_html(REFERENCE, text)
    assert to_html(CONVERTER, text) == expected
    return expected


FEATURES = {
    "plain": "Quận Hai Bà Trưng tổ chức hội nghị.\nDòng thứ hai của đoạn.",
    "line break": "Dòng một  \nDòng hai có hai dấu cách trước.",
    "emphasis": "*nghiêng* **đậm** _gạch dưới_ __đậm__ ***cả hai*** snake_case_word",
    "code": "Lệnh `build.py --no-search` và ``a ` b``.",
    "escape": r"Không \*nghiêng\* và \[không link\] và \\ gạch.",
    "links": "[một](https://example.org) [hai][ref] [ref] <https://a.vn/x> <ban@a.vn>\n\n"
    "[ref]: /2019/04/bai/ 'Tiêu đề'",
    "images": "![Ảnh](/images/a.jpg) ![tham chiếu][img]\n\n[img]: /images/b.png",
    "html": 'Chữ <span class="x">trong thẻ</span> &amp; &copy; &#8211; & <br>',
    "html block": '<div class="khung">\n<p>Đoạn <b>HTML</b></p>\n</div>\n\nSau khối.',
    "markdown in html": '<div markdown="1">\n*nghiêng* trong khối\n</div>',
    "headings": "## Kế hoạch\n\n### Kế hoạch\n\n## Đà Nẵng & *Huế*\n\n#### Sâu\n\n##### Sâu hơn",
    "heading with id": "## Tiêu đề {: #rieng }\n\n## Tiêu đề",
    "heading toc label": '## Tiêu đề dài {: data-toc-label="Ngắn" }',
    "toc asked": "[TOC]\n\n## Một\n\n### Hai\n\n## Ba",
    "toc in text": "Viết [TOC] giữa câu.\n\n## Một",
    "toc in a list": "- [TOC]\n- hai\n\n## Một",
    "toc in a quote": "> [TOC]\n\n## Một\n\n> > [TOC]",
    "toc emphasised": "*[TOC]*\n\n## Một",
    "toc in code": "    [TOC]\n\n`[TOC]`\n\n## Một",
    "toc in raw html": "<div>[TOC]</div>\n\n<p>[TOC]</p>\n\n## Một",
    "toc twice": "[TOC]\n\n## Một\n\n[TOC]",
    "footnotes": "Câu có chú thích[^1] và [^hai].\n\n[^1]: Chú thích *một*.\n[^hai]: Hai.",
    "abbreviations": "UBND quận và HĐND họp.\n\n*[UBND]: Ủy ban nhân dân\n*[HĐND]: Hội đồng",
    "attribute list": "Đoạn có lớp.\n{: .noi-bat }\n\n[link](/a/){: title=t }",
    "tables": "| Cột | Số |\n|:---|---:|\n| a *b* | 1 |\n| c | `2` |",
    "definition list": "Thuật ngữ\n:   Định nghĩa *một*\n:   Định nghĩa hai",
    "lists": "- một\n- hai *b*\n    - lồng\n\n1. một\n2. hai\n\n3) ba",
    "fenced code": "```python\nx = '<b>' * 2\n```\n\n~~~\n_a_ `b`\n~~~",
    "tilde fence only": "Đoạn\n\n~~~\n_a_ `b` <i>\n~~~",
    # Openings never closed, then ones closed (a fence's closing is looked up: _Fences).
    "fences never closed": "\n".join(f"```a{k}\n<i>x</i>" for k in range(200))
    + "\n~~~~ {.c}\n<b>\n~~~\n~~~~  \n\n```` a b\n<i>\n````\n\n```\n<i>\n```",
    # Links never closed, each read to the text's end by getLink, and ones it closes: at
    # a ")", or at a "(" or ")" after a quote (its title's; _link_if_closable).
    "links never closed": "[a](/b/) ![c](d 'e') [f](<g> \"h\") "
    + "[a](" * 200
    + "\n\n"
    + "![a](" * 200
    + "[x](y\"(\n\n[p](q'((\n\n"
    + "[a](" * 100
    + '"\n\n'
    + "[a](" * 100
    + ")\n\n"
    + "[a](" * 100
    + "'((\n\n[b](<(>) [c]((d'e')",
    "indented code": "Đoạn:\n\n    mã *không* nghiêng\n    <b>\n",
    "quote": "> Trích *dẫn*\n> dòng hai  \n> dòng ba\n\n> > lồng",
    "rule": "Trên\n\n---\n\nDưới\n\n***",
    "setext headings": "Tiêu đề\n=======\n\nMục\n---\n\nKhông - phải\n- tiêu đề",
    "indented starts": "   > trích\n\n   ## không\n\n   - - -\n\n  [r]: /a/\n\n"
    "Thuật ngữ\n   : nghĩa",
    "starts inside a block": "Đoạn\n> trích\n\nĐoạn\n## Mục\n\nĐoạn\n***\n\nĐoạn\n[r]: /a/\n\n[r]",
    "unsafe": "[x](javascript:alert(1)) ![y](data:text/html,z) <a href='/a/'>a</a>",
    # Each of the characters that start inline Markdown alone in its text:
    "only backtick": "Lệnh `mã` thôi.",
    "only backslash": r"Chỉ \# thôi.",
    "only bracket": "Xem [bài](/2019/04/bai/) thôi.",
    "only image": "Ảnh ![ảnh](/a.jpg) thôi.",
    "only angle": "Thư <ban@a.vn> và <https://a.vn/> và <i>nghiêng</i>.",
    "only ampersand": "Bà &amp; ông &copy; & nữa.",
    "only asterisk": "Chữ *nghiêng* thôi.",
    "only underscore": "Chữ _nghiêng_ thôi.",
    "only line break": "Dòng một  \nDòng hai.",
    "only footnote": "Chú[^a] thôi.\n\n[^a]: Một.",
}


@pytest.mark.parametrize("name", FEATURES)
def test_each_markdown_feature_converts_as_python_markdown_does(name):
    html = same(FEATURES[name])
    assert html.strip()


def test_a_table_of_contents_asked_for_is_still_made():
    html = same(FEATURES["toc asked"])
    assert '<div class="toc">' in html and 'href="#mot"' in html


def test_abbreviations_are_still_marked_in_plain_text():
    html = same(FEATURES["abbreviations"])
    assert '<abbr title="Ủy ban nhân dân">UBND</abbr>' in html


def test_every_body_of_the_repository_converts_as_python_markdown_does():
    bodies = [*ROOT.glob("content/**/*.md"), *ROOT.glob("docs/**/*.md"), ROOT / "README.md"]
    assert len(bodies) >= 3
    for path in bodies:
        same(path.read_text(encoding="utf-8"))


def test_every_inline_pattern_is_known_so_plain_texts_are_skipped():
    """A new extension with an inline pattern the table lacks turns the skipping off
    (correct, but slow): this test says so before a build gets slower."""
    patterns = CONVERTER.inlinePatterns
    unknown = [p for p in markup._INLINE_NEEDS if p not in patterns]
    assert not unknown
    assert len(markup._INLINE_NEEDS) == len(patterns)


def test_every_block_processor_with_a_quick_test_is_still_there():
    """A block processor of markup._BLOCK_NEEDS that Python-Markdown renamed or dropped
    would be tried on every block again (correct, but slow): this test says so."""
    quick = [p for p in CONVERTER.parser.blockprocessors if type(p) in markup._BLOCK_NEEDS]
    assert len(quick) == len(markup._BLOCK_NEEDS)
    assert all(p.test.__name__ == "quick_test" for p in quick)
    stock = [p for p in REFERENCE.parser.blockprocessors if type(p) in markup._BLOCK_NEEDS]
    assert not any(p.test.__name__ == "quick_test" for p in stock)


def test_each_line_start_need_is_found_in_the_line_heads():
    """markup._LineHeads keeps the first _HEAD characters of each line: a need longer
    than a head would never be found there, and its processor never tried. Each need,
    starting the first line of a block or a later one, is found."""
    starts = [n for needs in markup._BLOCK_NEEDS.values() for n in needs if n[0] == "\n"]
    assert starts
    for need in starts:
        line = need[1:] + " và một dòng dài hơn mọi đầu dòng"
        for block in (line, "Đoạn đầu\n" + line):
            assert need in markup._LineHeads().of(block), (need, block)


def test_an_extension_with_an_unknown_inline_pattern_still_gets_every_text():
    class Strike(markdown.extensions.Extension):
        def extendMarkdown(self, md: markdown.Markdown) -> None:
            pattern = SimpleTagInlineProcessor(r"()~~(.+?)~~", "del")
            md.inlinePatterns.register(pattern, "strike", 65)

    ours = markdown.Markdown(
        extensions=["extra", markup._PlainText(), Strike()], output_format="html"
    )
    assert to_html(ours, "Chữ ~~gạch~~ ngang") == "<p>Chữ <del>gạch</del> ngang</p>"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["(", ")", "'", '"', "<", ">", "a", " ", "[", "]"])).map("".join))
@example('(a"(')
@example("(x'y(b(")
@example("(((' ((")
@example('(a "t") (')
@example("((a'b')")
@example("(<(>)")
def test_a_link_is_read_where_python_markdown_would_read_it(text):
    """The link patterns' getLink is not asked where it could find no link's end
    (markup._link_if_closable): at each place of each text, it gives what it gives."""
    same("[a](b)")  # getLink reads the converter's stash of the text it converts
    for name in ("link", "image_link"):
        quick, stock = CONVERTER.inlinePatterns[name], REFERENCE.inlinePatterns[name]
        assert quick.getLink.__name__ == "quick_get_link"
        for at in range(len(text) + 1):
            assert quick.getLink(text, at) == stock.getLink(text, at), at


# Random documents: words, the characters that start inline and block Markdown, line
# breaks with and without two spaces before them, and a few constructs whole.
PIECES = st.sampled_from(
    [
        "chữ",
        "Hà Nội",
        " ",
        "  ",
        "\n",
        "\n\n",
        "*",
        "**",
        "_",
        "`",
        "\\",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "&",
        "&amp;",
        "&#1;",
        "#",
        "## ",
        "- ",
        "1. ",
        "> ",
        "|",
        "---",
        ":",
        "{: .a }",
        "[^1]",
        "[^1]: chú",
        "*[HĐND]: Hội đồng",
        "HĐND",
        "<b>",
        "</b>",
        "<div>",
        "</div>",
        "[a](/b/)",
        "![c](/d.jpg)",
        "<https://e.vn>",
        "    ",
        "   ",
        "\t",
        "=",
        "===",
        "-",
        "***",
        "___",
        ": ",
        "1) ",
        "[r]: /x/",
        "[r]",
        "```",
        "~~~",
        "x_y",
        "[TOC]",
        "\n\n[TOC]\n\n",
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=40).map("".join))
def test_random_documents_convert_as_python_markdown_does(text):
    same(text)


def test_a_markdown_plugin_installed_beside_us_does_not_change_the_site(
    site, tmp_path, monkeypatch
):
    # A package that registers a Python-Markdown extension under one of the names "extra"
    # stands for ("tables"): looked up by name, it was used in place of the stock one.
    plugins = tmp_path / "plugins"
    info = plugins / "mdplugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: mdplugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[markdown.extensions]\ntables = mdplugin:Nothing\n")
    (plugins / "mdplugin.py").write_text(
        "from markdown.extensions import Extension\n\n\n"
        "class Nothing(Extension):\n"
        "    def extendMarkdown(self, md):\n"
        "        pass\n"
    )
    monkeypatch.syspath_prepend(str(plugins))
    markdown.util.get_installed_extensions.cache_clear()  # looked up once per process
    table = "| Phường | Số hộ |\n|---|---|\n| Bạch Đằng | 120 |\n"
    site.add("bang.md", article("Bảng số hộ", "2024-05-01 08:00", table))
    try:
        assert site.build("--quiet", "--jobs", "1") == 0
    finally:
        markdown.util.get_installed_extensions.cache_clear()
    page = site.read("2024/05/bang-so-ho/index.html")
    assert "<td>Bạch Đằng</td>" in page
    assert "| Bạch Đằng |" not in page
