"""Links that editors write in article bodies: made to work under a sub-path and offline,
and checked by the build itself (warnings by file and line; --strict makes them errors)."""

import re
import shutil
import unicodedata

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import article, leftovers, lines_only, place_of, tree
from hypothesis import given, settings
from hypothesis import strategies as st
from links import broken_links
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from pages import soup
from serving import serve

from newsarchive.bodylinks import _Backticks, _comments
from newsarchive.cli import main
from newsarchive.markup import fenced_blocks, make_converter, marked_links, resolve_links, to_html
from newsarchive.slugs import heading_id

BASE_URL = "https://editors.github.io/luu-tru/"
GIF = (  # one white pixel
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
LINKING = """
Xem [bài trước](/2019/04/bai-truoc/), [không gạch cuối](/2019/04/bai-truoc#doan-2),
[tương đối](../bai-truoc/) và [lưu trữ](/luu-tru/).

![Ảnh hiện trường](/images/hien-truong.gif)

[trang chủ](/) · [tệp](/images/hien-truong.gif?v=2)
"""


@pytest.fixture
def linked_site(site):
    site.configure(base_url=BASE_URL)
    (site.root / "static" / "images").mkdir()
    (site.root / "static" / "images" / "hien-truong.gif").write_bytes(GIF)
    site.add("2019/04/bai-truoc.md", article("Bài trước", "2019-04-10 08:00", "## Đoạn 2\n\nx"))
    site.add("2019/04/bai-sau.md", article("Bài sau", "2019-04-19 08:00", LINKING))
    return site


def body_links(root, url):
    body = soup(root, url).select_one(".article-body")
    return [a.get("href") for a in body.select("a")] + [i.get("src") for i in body.select("img")]


def test_root_relative_body_links_work_under_a_sub_path(linked_site, capsys, browser):
    assert linked_site.build("--no-search") == 0
    assert "warning" not in capsys.readouterr().err
    assert body_links(linked_site.output, "2019/04/bai-sau/") == [
        "../bai-truoc/",
        "../bai-truoc/#doan-2",
        "../bai-truoc/",
        "../../../luu-tru/",
        "../../../",
        "../../../images/hien-truong.gif?v=2",
        "../../../images/hien-truong.gif",
    ]
    assert broken_links(linked_site.output, "/luu-tru/") == []
    # Served under /luu-tru/ as on GitHub Pages: the picture loads, the link leads on.
    with serve(linked_site.output, "luu-tru") as address:
        page = browser.new_page()
        page.goto(address + "2019/04/bai-sau/")
        image = page.locator(".article-body img")
        image.evaluate("img => img.decode()")  # fails when the picture does not load
        assert image.evaluate("img => img.naturalWidth") == 1
        assert image.evaluate("img => img.currentSrc") == address + "images/hien-truong.gif"
        page.locator(".article-body a", has_text="bài trước").click()
        page.wait_for_url(address + "2019/04/bai-truoc/")
        page.close()


def test_body_links_name_files_in_the_offline_copy(linked_site):
    assert linked_site.build("--offline") == 0
    offline = linked_site.root / "_site-offline"
    links = body_links(offline, "2019/04/bai-sau/index.html")
    assert links[:5] == [
        "../bai-truoc/index.html",
        "../bai-truoc/index.html#doan-2",
        "../bai-truoc/index.html",
        "../../../luu-tru/index.html",
        "../../../index.html",
    ]
    assert broken_links(offline) == []


def test_links_to_missing_pages_are_warned_about_by_file_and_line(site, capsys):
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", "Có [B](/2019/04/bai-b/)."))
    path = site.add(
        "2019/04/c.md",
        article(
            "Bài C",
            "2019-04-12 08:00",
            "Đoạn một.\n\nẢnh ![mất](/images/khong-co.jpg)\n\n[sai](../khong-co/)",
        ),
    )
    assert site.build("--no-search") == 0
    err = lines_only(capsys.readouterr().err)
    lines = path.read_text(encoding="utf-8").splitlines()
    image_line = next(i for i, line in enumerate(lines, 1) if "khong-co.jpg" in line)
    assert f"c.md:{image_line}: warning: the link /images/khong-co.jpg leads to no page" in err
    assert f"c.md:{image_line + 2}: warning: the link ../khong-co/ leads to no page" in err
    assert "a.md:6: warning: the link /2019/04/bai-b/ leads to no page" in err
    assert err.count("how to fix:") == 3
    # B appears: its link is fine now. It goes again: A's page is not rendered again
    # (it did not change), but the build still warns.
    b = site.add("2019/04/b.md", article("Bài B", "2019-04-11 08:00"))
    assert site.build("--no-search") == 0
    assert "bai-b" not in capsys.readouterr().err
    b.unlink()
    assert site.build("--no-search") == 0
    assert "a.md:6: warning: the link /2019/04/bai-b/ leads to no page" in lines_only(
        capsys.readouterr().err
    )
    # Nothing changed, and the cached links and bodies are gone: the same warnings.
    cache = site.root / ".cache" / "newsarchive"
    (cache / "links.pickle").unlink()
    shutil.rmtree(cache / "html")
    assert site.build("--no-search") == 0
    again = lines_only(capsys.readouterr().err)
    assert "a.md:6: warning: the link /2019/04/bai-b/ leads to no page" in again
    assert again.count("how to fix:") == 3


def test_each_link_is_named_by_its_own_line(site, capsys):
    """A link's address inside another's (`/2019/04/x.md` in `../../2019/04/x.md`) and
    two links that lead to one page, written two ways, each get their own line: in the
    build's warnings and in `check`'s errors (both named the first line twice)."""
    body = (
        "[khác](/2020/01/khong-co/)\n\n[tương đối](../khong-co/)\n\n"
        "[tệp](../../2019/04/bai-x.md)\n\n[tệp gốc](/2019/04/bai-x.md)"
    )
    path = site.add("2020/01/a.md", article("Bài A", "2020-01-10 08:00", body))
    assert site.build("--no-search") == 0
    err = lines_only(capsys.readouterr().err)
    lines = path.read_text(encoding="utf-8").splitlines()

    def line_of(text: str) -> int:
        return next(n for n, line in enumerate(lines, 1) if text in line)

    for name, address in [
        ("khác", "/2020/01/khong-co/"),
        ("tương đối", "../khong-co/"),
        ("tệp", "../../2019/04/bai-x.md"),
        ("tệp gốc", "/2019/04/bai-x.md"),
    ]:
        said = f"a.md:{line_of(f'[{name}]')}: warning: the link {address} leads to no page"
        assert said in err, err
    assert (
        main(["check", "--config", str(site.root / "site.yaml"), "--built", str(site.output)]) == 1
    )
    err = lines_only(capsys.readouterr().err)
    blamed = re.findall(r"a\.md:(\d+): error: .*khong-co", err)
    assert sorted(map(int, blamed)) == [line_of("[khác]"), line_of("[tương đối]")], err


def test_a_link_is_named_by_its_line_in_a_body_after_front_matter_closed_by_dots(site, capsys):
    """YAML's `...` closes front matter as `---` does, for the build; the warning's line
    was looked for from the top, and the summary's mention of the address was blamed."""
    path = site.add(
        "2020/01/a.md",
        "---\ntitle: Bài A\ndate: 2020-01-10\nsummary: Xem /2020/01/khong-co/ nhé\n...\n\n"
        "Mở đầu.\n\n[khác](/2020/01/khong-co/)\n",
    )
    assert site.build("--no-search") == 0
    line = path.read_text(encoding="utf-8").splitlines().index("[khác](/2020/01/khong-co/)") + 1
    assert f"a.md:{line}: warning: the link /2020/01/khong-co/ leads to no page" in (
        lines_only(capsys.readouterr().err)
    )


def reused(site) -> dict[str, bytes]:
    """The cache files a build reuses (articles, HTML, links...): all but output states."""
    cached = tree(site.root / ".cache" / "newsarchive")
    return {path: data for path, data in cached.items() if not path.startswith("outputs/")}


def test_strict_makes_body_link_warnings_errors_and_touches_nothing(site, capsys):
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", "Xin chào."))
    assert site.build("--strict", "--no-search") == 0
    before = tree(site.output)
    cache_before = reused(site)
    site.add("2019/04/b.md", article("Bài B", "2019-04-11 08:00", "[x](/2019/04/khong-co/)"))
    capsys.readouterr()
    assert site.build("--strict", "--no-search") == 1
    err = lines_only(capsys.readouterr().err)
    assert "b.md:6: error: the link /2019/04/khong-co/ leads to no page" in err
    assert "nothing was written, the previous site is unchanged" in err
    assert tree(site.output) == before
    # B was read and its body converted, but the cache is saved only by a build that
    # published: not a byte of it changed (but the spare folder's state, forgotten).
    assert reused(site) == cache_before
    assert not leftovers(site.root)
    assert site.build("--no-search") == 0  # without --strict: a warning, and the site
    assert "b.md:6: warning:" in lines_only(capsys.readouterr().err)
    assert (site.output / "2019/04/bai-b/index.html").is_file()


def test_bodies_without_site_links_render_as_markdown_makes_them(site):
    """The marks are only where site links and links to other sites are (heldlinks.py):
    with the latter resolved as written, bodies are Python-Markdown's bytes."""
    text = (
        "## Tiêu đề\n\n[ngoài](https://example.org/a?b=1&c=2) [neo](#tieu-de) *x*\n\n"
        "<ban@example.org> [gọi](tel:+84241234567) [thư](mailto:a@example.org)\n"
    )
    marked = to_html(make_converter(), text)
    away = ("away", "https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2")
    assert marked_links(marked) == (away,)
    marked = resolve_links(marked, lambda written: "never", lambda written: None)
    plain = markdown.markdown(
        text,
        extensions=["extra", "sane_lists", "toc"],
        extension_configs={"toc": {"slugify": heading_id, "toc_depth": "2-4"}},
        output_format="html",
    )
    assert marked == plain


def test_links_written_as_other_tools_expect_get_the_address_to_write(site, capsys):
    """An editor used to MkDocs or Zola links to an article's .md file, or takes its
    file name for its address, or keeps a picture beside the article: each link led
    nowhere, and the build and `check` only said "correct the address". Both now
    name the address to write."""
    from newsarchive.cli import main

    site.add(
        "2020/03/le-hoi.md",
        article("Lễ hội đền Hai Bà Trưng", "2020-03-05", "## Những con số\n\nHơn 5.000 khách."),
    )
    (site.content / "2021" / "05").mkdir(parents=True)
    (site.content / "2021" / "05" / "anh-hop.gif").write_bytes(GIF)
    (site.content / "2021" / "05" / "ke-hoach.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    body = (
        "Theo [bài](../../2020/03/le-hoi.md#nhung-con-so) và [bài gốc](/2020/03/le-hoi.md).\n\n"
        "Xem [lễ hội](/2020/03/le-hoi/).\n\n"
        "![Buổi họp](anh-hop.gif)\n\n"
        "Tải [kế hoạch](ke-hoach.pdf) hoặc [mẫu](../../2020/03/khong-co.md)."
    )
    site.add("2021/05/hop.md", article("Họp tổ dân phố", "2021-05-12 19:30", body))
    address = "/2020/03/le-hoi-den-hai-ba-trung/"
    expected = [
        (6, "../../2020/03/le-hoi.md#nhung-con-so", f"not to its file: {address}#nhung-con-so"),
        (6, "/2020/03/le-hoi.md", f"link to the article's address, not to its file: {address}"),
        (8, "/2020/03/le-hoi/", f"content/2020/03/le-hoi.md is at {address}"),
        (10, "anh-hop.gif", "move it into static/ (e.g. static/images/anh-hop.gif)"),
        (12, "ke-hoach.pdf", "and link /files/ke-hoach.pdf"),
        (12, "../../2020/03/khong-co.md", "no article file content/2020/03/khong-co.md exists"),
    ]

    assert site.build("--no-search") == 0
    err = lines_only(capsys.readouterr().err)
    for line, link, hint in expected:
        warning = f"hop.md:{line}: warning: the link {link} leads to no page or file"
        assert warning in err
        assert hint in err.split(warning, 1)[1].split("\n")[1], (link, err)

    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = lines_only(capsys.readouterr().err)
    for line, link, hint in expected:
        error = f"hop.md:{line}: error: in the page /2021/05/hop-to-dan-pho/: the link "
        found = [
            e
            for e in err.split(error)[1:]
            if e.split(" ", 1)[0].strip("'").endswith(link.rsplit("/", 1)[-1])
        ]
        assert found and hint in found[0].split("\n")[1], (link, err)


@pytest.mark.parametrize("kept_off", [{"draft": "true"}, {"withdrawn": "2026-03-05"}])
def test_a_link_to_the_file_of_an_article_off_the_site_says_it_is_off(site, capsys, kept_off):
    """A link to the .md file of a draft or withdrawn article was told "no article file
    content/2020/03/le-hoi.md exists: correct the file's path", though the file was
    there: the editor looked for a typo in a path that had none. The hint says the
    article is not on the site."""
    site.add("2020/03/le-hoi.md", article("Lễ hội", "2020-03-05", "", **kept_off))
    site.add("2021/05/hop.md", article("Họp", "2021-05-12", "Theo [bài](../../2020/03/le-hoi.md)."))
    site.build("--no-search")
    err = capsys.readouterr().err
    assert "hop.md:6:12: warning: the link ../../2020/03/le-hoi.md leads to no page" in err, err
    assert "no article file" not in err, err
    said = (
        "(content/2020/03/le-hoi.md), a draft (draft: true), which the site does not publish"
        if "draft" in kept_off
        else "content/2020/03/le-hoi.md is not on the site (a draft, or withdrawn)"
    )
    assert said in err, err


def test_a_static_file_linked_by_its_place_in_the_project_gets_its_address(site, capsys):
    """A picture put in static/images/ and linked as the editor's file panel or a drag
    into the editor gives it (from the .md file, or with static/ in it), or without the
    leading /, and another site's address without its https://: the build and `check`
    said only "correct the address"."""
    (site.root / "static" / "images").mkdir()
    (site.root / "static" / "images" / "hop.gif").write_bytes(GIF)
    site.add("2019/04/bai-truoc.md", article("Bài trước", "2019-04-10 08:00", "x"))
    body = (
        "![a](../../../static/images/hop.gif)\n\n"
        "![b](/static/images/hop.gif)\n\n"
        "![c](images/hop.gif)\n\n"
        "[d](../2019/04/bai-truoc/#doan)\n\n"
        "![e](/static/images/khong-co.gif)\n\n"
        "[f](quanhaibatrung.hanoi.gov.vn/tin-tuc/abc.html)"
    )
    site.add("2021/05/hop.md", article("Họp tổ dân phố", "2021-05-12 19:30", body))
    in_project = "static/ is the folder whose files the site publishes, not part of their address"
    from_page = "an address that does not start with / is read from the page's own address"
    expected = [
        (6, "../../../static/images/hop.gif", f"{in_project}: write /images/hop.gif"),
        (8, "/static/images/hop.gif", f"{in_project}: write /images/hop.gif"),
        (10, "images/hop.gif", f"{from_page}, not from the site's root: write /images/hop.gif"),
        (12, "../2019/04/bai-truoc/#doan", f"{from_page}, not from the site's root: write "),
        (14, "/static/images/khong-co.gif", "correct the address"),
        # Another site's address without its https://: Markdown read a path of this site.
        (
            16,
            "quanhaibatrung.hanoi.gov.vn/tin-tuc/abc.html",
            "quanhaibatrung.hanoi.gov.vn is another site: an address on it starts with "
            "https:// (or http://), as https://quanhaibatrung.hanoi.gov.vn/tin-tuc/abc.html",
        ),
    ]

    assert site.build("--no-search") == 0
    err = lines_only(capsys.readouterr().err)
    for line, link, hint in expected:
        warning = f"hop.md:{line}: warning: the link {link} leads to no page or file"
        assert warning in err, err
        assert hint in err.split(warning, 1)[1].split("\n")[1], (link, err)
    assert "write /2019/04/bai-truoc/#doan\n" in err

    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = lines_only(capsys.readouterr().err)
    for line, _, hint in expected:
        error = f"hop.md:{line}: error: in the page /2021/05/hop-to-dan-pho/: the link "
        assert error in err, err
        assert hint in err.split(error, 1)[1].split("\n")[1], (line, err)


def test_the_caption_the_readme_shows_works_under_a_sub_path(site):
    """The README's way to give a picture a caption: the picture stays Markdown inside
    <figure markdown="1">, so its address is rewritten like any other."""
    site.configure(base_url=BASE_URL)
    (site.root / "static" / "images").mkdir()
    (site.root / "static" / "images" / "hien-truong.gif").write_bytes(GIF)
    body = (
        '<figure markdown="1">\n![Hiện trường](/images/hien-truong.gif)\n'
        "<figcaption>Quang cảnh <em>hội nghị</em>.</figcaption>\n</figure>\n\nNội dung."
    )
    site.add("2019/04/anh.md", article("Ảnh hội nghị", "2019-04-10 08:00", body))
    assert site.build("--no-search") == 0
    figure = soup(site.output, "2019/04/anh-hoi-nghi/").select_one(".article-body figure")
    assert figure.img["src"] == "../../../images/hien-truong.gif"
    assert figure.figcaption.get_text() == "Quang cảnh hội nghị."
    assert broken_links(site.output, "/luu-tru/") == []


def test_a_link_to_an_article_cut_short_or_mistyped_and_a_missing_picture_say_what_to_write(
    site, capsys
):
    """An article's address typed by hand, cut short or with a letter wrong, and a
    picture linked before it was put into static/: the build and check said only
    "correct the address (an article is at /yyyy/mm/slug/ ...)", leaving the editor to
    find the address among the archive's. The hint names the article and its address,
    or the file of static/ the link needs."""
    from newsarchive.cli import main

    site.add(
        "2019/04/quy-dinh.md",
        article("Quận Hai Bà Trưng quán triệt quy định cán bộ", "2019-04-19 16:54"),
    )
    address = "/2019/04/quan-hai-ba-trung-quan-triet-quy-dinh-can-bo/"
    body = (
        "Xem [bài](/2019/04/quan-hai-ba-trung-quan-triet/).\n\n"
        "Và [bài](/2019/04/quan-hai-ba-trung-quan-triet-quy-dinh-can-bi/).\n\n"
        "![Lễ hội](/images/le-hoi.jpg)"
    )
    site.add("2019/05/le-hoi.md", article("Lễ hội mùa xuân", "2019-05-05 08:00", body))
    near = f"'Quận Hai Bà Trưng quán triệt quy định cán bộ' is at {address}: write {address}"
    expected = [
        (6, "/2019/04/quan-hai-ba-trung-quan-triet/", near),
        (8, "/2019/04/quan-hai-ba-trung-quan-triet-quy-dinh-can-bi/", near),
        (
            10,
            "/images/le-hoi.jpg",
            "put the file at static/images/le-hoi.jpg (the files of static/",
        ),
    ]
    assert site.build("--no-search") == 0
    err = lines_only(capsys.readouterr().err)
    for line, link, hint in expected:
        warning = f"le-hoi.md:{line}: warning: the link {link} leads to no page or file"
        assert warning in err, err
        assert hint in err.split(warning, 1)[1].split("\n")[1], (link, err)
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = lines_only(capsys.readouterr().err)
    for line, link, hint in expected:
        error = f"le-hoi.md:{line}: error: in the page /2019/05/le-hoi-mua-xuan/: the link '{link}'"
        assert error in err, err
        assert hint in err.split(error, 1)[1].split("\n")[1], (link, err)


def test_a_missing_file_of_every_kind_import_copies_says_where_to_put_it(site, capsys):
    """A link to a file not yet put into static/: the hint named the file to put there
    for a picture and some documents only; a spreadsheet (.ods), a slide show (.pps), an
    archive (.7z) or a clip (.webm), which an import copies from an old portal like any
    attachment, was told only to correct the address."""
    from newsarchive.importing.html import ATTACHMENT_SUFFIXES

    names = [f"tep{suffix}" for suffix in sorted(ATTACHMENT_SUFFIXES)]
    assert "tep.7z" in names and "tep.ods" in names
    body = "\n\n".join(f"[Tệp](/files/{name})" for name in names)
    site.add("2019/05/tep.md", article("Các tệp đính kèm", "2019-05-05 08:00", body))
    assert site.build("--no-search") == 0
    err = lines_only(capsys.readouterr().err)
    for line, name in zip(range(6, 6 + 2 * len(names), 2), names, strict=True):
        warning = f"tep.md:{line}: warning: the link /files/{name} leads to no page or file"
        assert warning in err, err
        hint = f"put the file at static/files/{name} (the files of static/"
        assert hint in err.split(warning, 1)[1].split("\n")[1], (name, err)
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = lines_only(capsys.readouterr().err)
    assert "put the file at static/files/tep.7z" in err, err


@pytest.mark.parametrize("clean", [False, True])
def test_only_a_link_whose_words_are_its_address_is_marked_bare(clean):
    """The print style sheet adds a link's address after it, but not after a link
    marked data-b: its words are that address already (with or without https://)."""
    text = (
        "<https://a.vn/lien-he?x=1&y=2> [b.vn/lien-he](https://b.vn/lien-he) "
        "[tại đây](https://c.vn/) [https://d.vn/khac](https://d.vn/) [e.vn/](/e/)"
    )
    html = resolve_links(to_html(make_converter(), text, clean), lambda w: w)
    body = BeautifulSoup(html, "html.parser")
    marked = [a["href"] for a in body.select("a[data-b]")]
    assert marked == ["https://a.vn/lien-he?x=1&y=2", "https://b.vn/lien-he"]


@pytest.mark.parametrize("clean", [False, True])
def test_a_bare_link_written_as_raw_html_is_marked_too(clean):
    """The portal's HTML writes bare links as <a href="http://x">http://x</a>, which the
    converter does not walk: printed, the address came twice. Such a link is marked as
    Markdown's is; one whose words are anything else, or hold a tag, is not."""
    text = (
        '<p><a href="http://x.vn/a?b=1&amp;c=2">http://x.vn/a?b=1&amp;c=2</a> '
        "<A class=l HREF='https://y.vn/'> y.vn/ </A> "
        '<a href="https://z.vn/">tại đây</a> <a href="https://w.vn/"><b>https://w.vn/</b></a> '
        '<a title="x" data-href="https://v.vn/" href="https://u.vn/">https://v.vn/</a> '
        '<a href="/s/">/s/</a></p>'
    )
    html = resolve_links(to_html(make_converter(), text, clean), lambda w: w)
    body = BeautifulSoup(html, "html.parser")
    marked = [a["href"] for a in body.select("a[data-b]")]
    assert marked == ["http://x.vn/a?b=1&c=2", "https://y.vn/"]
    assert len(body.select("a")) == 6


def test_a_broken_link_is_named_by_its_line_and_column(site, capsys):
    """The build's warnings and check's errors named a broken link, a missing picture
    and a refused address by file and line only, where an editor's tool (VS Code, a
    pull request's annotations) jumps to file:line:col. The column is the address's
    first letter, in characters of the line as written (a tab and a letter with its
    accents count one), as for raw HTML that runs, whose column counted a tab as up to 4."""
    body = (
        "Một [bài hỏng](/2019/04/khong-co/) ở đây.\n\n"
        'Ảnh:\t![mất](/images/khong-co.jpg) và <img src="/images/mat.png" alt="">\n\n'
        'Tab:\t[sai](javascript:alert(2)) và <a href="javascript:alert(1)">js</a>\n\n'
        "Hai lần: [a](/x/y/) và [b](/x/y/)."
    )
    path = site.add("2019/05/a.md", article("Bài A", "2019-05-05 08:00", body))
    lines = path.read_text(encoding="utf-8").splitlines()

    def at(text: str, nth: int = 0) -> str:
        return place_of(lines, text, nth)

    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    for said in [
        f"a.md:{at('/2019/04/khong-co/')}: warning: the link /2019/04/khong-co/ leads",
        f"a.md:{at('/images/khong-co.jpg')}: warning: the link /images/khong-co.jpg leads",
        f"a.md:{at('javascript:alert(2)')}: warning: the link address 'javascript:alert(2)'",
        f"a.md:{at('href=')}: warning: a javascript: address (href)",
        f"a.md:{at('/x/y/')}: warning: the link /x/y/ leads",
        f"a.md:{at('/x/y/', 1)}: warning: the link /x/y/ leads",
    ]:
        assert said in err, (said, err)
    assert main(["check", "--config", str(site.root / "site.yaml"), "--built", str(site.output)])
    err = capsys.readouterr().err
    for address, nth in [
        ("/2019/04/khong-co/", 0),
        ("/images/khong-co.jpg", 0),
        ("/images/mat.png", 0),
        ("/x/y/", 0),
        ("/x/y/", 1),
    ]:
        said = f"a.md:{at(address, nth)}: error: in the page /2019/05/bai-a/: the link '{address}'"
        assert said in err, (said, err)


def test_a_link_written_from_a_long_title_names_the_address_it_was_cut_to(site, capsys):
    """An address is cut to 80 letters between words, so an editor who writes the
    address of an article with a long title from its whole title (as the title reads)
    types a slug longer than the article's: the hint said only "correct the address
    (an article is at /yyyy/mm/slug/ ...)", as nothing was near enough to the whole."""
    from newsarchive.slugs import slugify

    title = (
        "Kế hoạch triển khai hoạt động chỉ đạo, hướng dẫn, đôn đốc, kiểm tra, đánh giá "
        "công tác tổng kết 10 năm thực hiện Luật Phòng, chống tham nhũng"
    )
    site.add("2015/09/ke-hoach.md", article(title, "2015-09-10 08:00"))
    whole = f"/2015/09/{slugify(title, max_length=1000)}/"
    body = f"Xem [kế hoạch]({whole}).\n\nVà [mục 2]({whole}#muc-2)."
    site.add("2019/05/a.md", article("Bài A", "2019-05-05 08:00", body))
    assert site.build("--no-search") == 0
    err = lines_only(capsys.readouterr().err)
    address = f"/2015/09/{slugify(title)}/"
    assert len(address) < len(whole)
    for link, written in ((whole, address), (f"{whole}#muc-2", f"{address}#muc-2")):
        warning = f"warning: the link {link} leads to no page or file"
        assert warning in err, err
        hint = err.split(warning, 1)[1].split("\n")[1]
        assert f"is at {address}: write {written}" in hint, hint
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = lines_only(capsys.readouterr().err)
    error = f"error: in the page /2019/05/bai-a/: the link '{whole}'"
    assert error in err, err
    assert f"is at {address}: write {address}" in err.split(error, 1)[1].split("\n")[1]


def test_a_long_title_in_a_hint_is_cut_at_a_word(site, capsys):
    """The hint for an article's address cut short quoted the article's title whole:
    an 85-letter title made the hint two lines of a terminal before its address."""
    title = (
        "Quận Hai Bà Trưng quán triệt quy định cán bộ về công tác phòng chống tham nhũng năm 2019"
    )
    site.add("2019/04/dai.md", article(title, "2019-04-10 08:00"))
    site.add("2019/05/a.md", article("Bài A", "2019-05-05 08:00", "[x](/2019/04/quan-hai-ba/)"))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert "how to fix: 'Quận Hai Bà Trưng quán triệt quy định cán bộ về công tác…' is at" in err
    assert title not in err


def test_a_link_in_a_file_saved_in_nfd_is_named_at_its_column_as_written(site, capsys):
    """A file saved in NFD, as macOS may save it, writes "Ảnh" in 5 code points, not 3:
    the column was counted in the text the build reads (NFC), short of the address by
    one per accented letter before it."""
    line = unicodedata.normalize("NFD", "Ảnh hội nghị: ![mất](/images/khong-co.jpg)")
    text = article("Bài A", "2019-05-05 08:00", line)
    path = site.add("2019/05/a.md", text.encode("utf-8"))
    n = path.read_text(encoding="utf-8").splitlines().index(line) + 1
    assert site.build("--no-search") == 0
    column = line.index("/images/") + 1
    said = f"a.md:{n}:{column}: warning: the link /images/khong-co.jpg leads"
    assert said in capsys.readouterr().err


def test_a_link_to_a_draft_says_it_is_a_draft(site, capsys):
    """A link to an article kept off the site with draft: true was told only "correct
    the address (an article is at /yyyy/mm/slug/ ...)", though the address is the
    draft's own: the hint names the draft and why its address leads nowhere."""
    site.add("2019/04/nhap.md", article("Bản nháp", "2019-04-11 08:00", "x", draft="true"))
    body = "[nháp](/2019/04/ban-nhap/)\n\n[tệp](../04/nhap.md)"
    site.add("2019/05/a.md", article("Bài A", "2019-05-05 08:00", body))
    hint = (
        "how to fix: /2019/04/ban-nhap/ is the address of 'Bản nháp' (content/2019/04/nhap.md), "
        "a draft (draft: true), which the site does not publish: link to it once it is "
        "published, or remove the link"
    )
    assert site.build("--no-search") == 0
    # The link to the draft's file is told the same, not to link its address.
    assert capsys.readouterr().err.count(hint) == 2
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    assert capsys.readouterr().err.count(hint) == 2


RAW_FROM_ROOT = """\
Ảnh ![hiện trường](/images/hien-truong.gif) trong Markdown.

<figure><img alt="" src="/images/hien-truong.gif"></figure>

<p>Xem <a href="/2019/04/bai-truoc/#doan-2">bài trước</a> và <img alt="" src="/images/mat.gif"></p>
"""


def test_a_raw_html_address_from_the_root_is_warned_under_a_base_path(site, capsys):
    """<img src="/images/x.gif"> in an article's raw HTML, published as written, leads
    outside a site served under a path (/luu-tru/): the build said nothing, and check
    named it at the line and column of the same address written in Markdown before it
    (which the build rewrites, and works), with the hint to put a file there that was
    there. Both now name the raw HTML's own address, with the address to write."""
    site.configure(base_url=BASE_URL)
    (site.root / "static" / "images").mkdir()
    (site.root / "static" / "images" / "hien-truong.gif").write_bytes(GIF)
    site.add("2019/04/bai-truoc.md", article("Bài trước", "2019-04-10 08:00", "## Đoạn 2\n\nx"))
    path = site.add("2019/04/anh.md", article("Ảnh hội nghị", "2019-04-19 08:00", RAW_FROM_ROOT))
    lines = path.read_text(encoding="utf-8").splitlines()

    def at(text: str, nth: int = 0) -> str:
        return place_of(lines, text, nth)

    outside = "is an absolute path outside the site's base path /luu-tru/"
    fix = "write it in Markdown, {}, whose address the build makes work under any base path"
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    warned = [row for row in err.splitlines() if ": warning: " in row]
    assert warned == [
        f"{path}:{at('/images/hien-truong.gif', 1)}: warning: the link "
        f"/images/hien-truong.gif {outside}",
        f"{path}:{at('/2019/04/bai-truoc/')}: warning: the link /2019/04/bai-truoc/#doan-2 "
        f"{outside}",
        f"{path}:{at('/images/mat.gif')}: warning: the link /images/mat.gif {outside}",
    ], err
    hints = [err.split(row, 1)[1].split("\n")[1] for row in warned]
    assert fix.format("![…](/images/hien-truong.gif)") in hints[0], hints
    assert "or from the page's own address: ../../../images/hien-truong.gif" in hints[0], hints
    assert fix.format("[…](/2019/04/bai-truoc/#doan-2)") in hints[1], hints
    assert "or from the page's own address: ../bai-truoc/#doan-2" in hints[1], hints
    # One the site lacks too: the file to put in static/ as well.
    assert "put the file at static/images/mat.gif" in hints[2], hints

    assert main(["check", "--config", str(site.root / "site.yaml"), "--built", str(site.output)])
    err = capsys.readouterr().err
    errors = [row for row in err.splitlines() if row.startswith(f"{path}:")]
    page = "in the page /2019/04/anh-hoi-nghi/"
    assert errors == [
        row.replace(": warning: the link ", f": error: {page}: the link '").replace(
            f" {outside}", f"' {outside}"
        )
        for row in warned
    ], err
    assert [err.split(row, 1)[1].split("\n")[1] for row in errors] == hints, err

    # At the site's root the same raw HTML works, but for the picture the site lacks.
    site.configure(base_url="https://editors.github.io/")
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert [row for row in err.splitlines() if ": warning: " in row] == [
        f"{path}:{at('/images/mat.gif')}: warning: the link /images/mat.gif leads to no page "
        "or file of this site"
    ], err

    # check building the site itself says each once, as its error, not the build's too.
    site.configure(base_url=BASE_URL)
    assert main(["check", "--config", str(site.root / "site.yaml")])
    err = capsys.readouterr().err
    assert [row.split(": ", 2)[1] for row in err.splitlines() if row.startswith(f"{path}:")] == [
        "error"
    ] * 3, err


def test_a_link_written_with_the_sites_base_path_says_to_write_it_from_the_root(site, capsys):
    """An editor of a project site (editors.github.io/luu-tru/) copied a link from the
    address bar's path, /luu-tru/2019/04/bai-truoc/: the build keeps a link from the root
    under the base path, so it led to /luu-tru/luu-tru/…, and the build and check said
    "correct the address (an article is at /yyyy/mm/slug/…)", which it already was. Both
    now say that the base path is not written. At the site's root, where /luu-tru/ is the
    archive page's folder, nothing is guessed."""
    site.configure(base_url=BASE_URL)
    (site.root / "static" / "images").mkdir()
    (site.root / "static" / "images" / "hien-truong.gif").write_bytes(GIF)
    site.add("2019/04/bai-truoc.md", article("Bài trước", "2019-04-10 08:00", "## Đoạn 2\n\nx"))
    body = (
        "[a](/luu-tru/2019/04/bai-truoc/#doan-2)\n\n"
        "![b](/luu-tru/images/hien-truong.gif)\n\n"
        "[c](/luu-tru/khong-co/)"
    )
    path = site.add("2019/04/hop.md", article("Họp", "2019-04-19 08:00", body))
    lines = path.read_text(encoding="utf-8").splitlines()
    said = "/luu-tru/ is the site's base path, which the build puts before every link: write "
    expected = [
        ("/luu-tru/2019/04/bai-truoc/#doan-2", f"{said}/2019/04/bai-truoc/#doan-2"),
        ("/luu-tru/images/hien-truong.gif", f"{said}/images/hien-truong.gif"),
        ("/luu-tru/khong-co/", "correct the address"),
    ]
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    for link, hint in expected:
        warning = f"{path}:{place_of(lines, link)}: warning: the link {link} leads to no page"
        assert warning in err, err
        assert err.split(warning, 1)[1].split("\n")[1].strip().startswith(f"how to fix: {hint}"), (
            err
        )

    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err
    for link, hint in expected:
        error = f"{path}:{place_of(lines, link)}: error: in the page /2019/04/hop/: the link"
        assert error in err, err
        assert err.split(error, 1)[1].split("\n")[1].strip().startswith(f"how to fix: {hint}"), err

    site.configure(base_url="https://editors.github.io/")
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert err.count(": warning: the link /luu-tru/") == 3, err
    assert "is the site's base path" not in err, err


# What Markdown shows as code, as regular expressions define it (fenced_code's own;
# a code span and a comment as bodylinks searched them before it looked them up).
CODE_SPAN = re.compile(r"(?s)(?<![\\`])(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)")
COMMENT = re.compile(r"(?s)<!--.*?-->")
PIECES = ["`", "``", "```", "````", "~~~", "~~~~", "\\", "\n", "\n\n", " \n", " ", "\t"]
PIECES += ["a", "py", "{.x}", "{", "}", ".", 'hl_lines="', '"', "<!--", "-->", "-", "\n```\n"]


def searched(pattern: re.Pattern[str], text: str, at: int = 0) -> list[tuple[int, int]]:
    found = []
    while match := pattern.search(text, at):
        found.append(match.span())
        at = match.end()
    return found


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.integers(0, 200))
def test_code_is_looked_up_where_markdown_s_expressions_find_it(text, at):
    """Fenced blocks, code spans and comments are found in a look-up of their fences,
    backtick runs and ends (linear), not by searching the text after each opening
    (quadratic or worse: test_lines_of_ever_longer_backtick_runs_leave_the_real_tags_place),
    in the same places as the expressions that define them."""
    assert fenced_blocks(text) == searched(FencedBlockPreprocessor.FENCED_BLOCK_RE, text)
    assert [(s.start, s.end) for s in _Backticks(text).spans()] == searched(CODE_SPAN, text)
    assert [(s.start, s.end) for s in _Backticks(text).spans(at)] == searched(CODE_SPAN, text, at)
    assert _comments(text) == searched(COMMENT, text)
