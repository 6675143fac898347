"""The pure rules of `import` about addresses and names, checked directly (fast)."""

import os
from pathlib import Path

import pytest

from newsarchive.importing import articles
from newsarchive.importing.crawl import PageSource, link_target, original_url
from newsarchive.importing.known import source_key
from newsarchive.slugs import MAX_SLUG_LENGTH, slugify

LIFERAY = "https://sotttt.hanoi.gov.vn/tin-tuc/-/view_content/123-bai-viet.html"


@pytest.mark.parametrize(
    ("url", "alias"),
    [
        (LIFERAY, "/tin-tuc/-/view_content/123-bai-viet.html"),
        ("https://hbt.vn/tin-t%E1%BB%A9c/abc/", "/tin-t%E1%BB%A9c/abc/"),
        ("https://hbt.vn/tin-tuc/chi-tiet.aspx?id=5", ""),  # a query: no alias
        ("https://hbt.vn/", ""),  # the home page
        ("https://hbt.vn/2019/04/", ""),  # the archive's own page of a month
        ("https://hbt.vn/2019", ""),  # of a year
        ("https://hbt.vn/2019/04/index.html", ""),
        ("https://hbt.vn/sitemap-2019.xml", ""),  # a part of its sitemap
        ("https://hbt.vn/2019/04/bai/", "/2019/04/bai/"),  # WordPress's: free unless taken
        ("https://hbt.vn/tim-kiem/bai.html", ""),  # the archive's search page
        ("https://hbt.vn/theo-doi/bai.html", ""),  # its page about feeds (it was let through)
        ("https://hbt.vn/tin/b%E0i.html", ""),  # Latin-1 escapes: no UTF-8 file name is it
    ],
)
def test_the_alias_of_an_original_address(url, alias):
    own = articles.site_names(Path("/nonexistent"))
    found, why_not = articles.old_address(url, own)
    assert found == alias
    assert bool(why_not) == (not alias)


def test_liferays_back_link_parameter_is_not_part_of_the_address():
    back = "?redirect=https%3A%2F%2Fsotttt.hanoi.gov.vn%2Ftin-tuc%3Fp_p_id%3D101"
    assert articles.page_address(LIFERAY + back + "#top") == LIFERAY
    kept = "https://sotttt.hanoi.gov.vn/chien-luoc?p_p_id=59_INSTANCE_x&p_p_lifecycle=0"
    assert articles.page_address(kept) == kept  # the portlet parameters name the page


def test_the_same_page_by_http_or_https_or_a_capital_host_is_one_page():
    assert source_key(LIFERAY) == source_key(LIFERAY.replace("https:", "http:"))
    assert source_key(LIFERAY) == source_key(LIFERAY.replace("sotttt", "SOTTTT") + "#x")
    assert source_key(LIFERAY) != source_key(LIFERAY + "?id=2")


def test_a_long_title_keeps_its_numbered_end():
    title = (
        "Công văn đề nghị tạm ngừng cung cấp dịch vụ đối với các số điện thoại quảng cáo "
        "rao vặt sai quy định (lần 01/2018)"
    )
    slug = articles.import_slug(title)
    assert len(slug) <= MAX_SLUG_LENGTH and slug.endswith("-lan-01-2018")
    assert slug.startswith("cong-van-de-nghi-tam-ngung")
    plain = "Quận Hai Bà Trưng quán triệt và triển khai Quy định phân cấp quản lý cán bộ; " * 2
    assert articles.import_slug(plain) == slugify(plain)  # no number at the end: as `new`


def test_distinct_slugs_take_the_portal_id_then_a_hash_and_stay_short():
    tries = articles.distinct_slugs("thong-bao", "900002", LIFERAY)
    assert tries[:2] == ["thong-bao", "thong-bao-900002"]
    assert len(set(tries)) == len(tries)
    assert tries == articles.distinct_slugs("thong-bao", "900002", LIFERAY)  # stable
    long = "-".join(["chu"] * 30)[:80]
    assert all(len(s) <= MAX_SLUG_LENGTH for s in articles.distinct_slugs(long, "9" * 7, "k"))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "<!-- Mirrored from sotttt.hanoi.gov.vn/a/b.html by HTTrack Website Copier -->",
            ("https://sotttt.hanoi.gov.vn/a/b.html", "HTTrack comment"),
        ),
        (
            '<!-- Mirrored from hbt.vn/a.html by HTTrack --><link rel="canonical" '
            'href="http://hbt.vn/a.html">',
            ("http://hbt.vn/a.html", "HTTrack comment"),  # the scheme of the canonical link
        ),
        (
            '<meta property="og:url" content="https://vnexpress.net/x-1.html">',
            ("https://vnexpress.net/x-1.html", "canonical link"),
        ),
        (  # a browser's "Save page as" (a saved page had no address, and no alias)
            "<!-- saved from url=(0039)https://hbt.vn/tin-tuc/a-1.html?id=2&amp;b=3 -->",
            ("https://hbt.vn/tin-tuc/a-1.html?id=2&b=3", "saved-from comment"),
        ),
        ("<!-- saved from url=(0014)about:internet -->", ("", "")),
    ],
)
def test_the_original_address_written_in_the_page(head, expected):
    page = PageSource("p.html", "p.html")
    assert original_url(page, f"<html>{head}<body></body></html>".encode()) == expected


def test_the_original_address_from_a_wget_tree(tmp_path):
    file = tmp_path / "crawl" / "www.hbt.vn" / "tin-tuc" / "bai-1.html"
    file.parent.mkdir(parents=True)
    index = file.parent / "index.html"
    page = PageSource(str(file), str(file), folder=str(tmp_path / "crawl"))
    assert original_url(page, b"<html></html>") == (
        "https://www.hbt.vn/tin-tuc/bai-1.html",
        "folder layout",
    )
    folder_page = PageSource(str(index), str(index), folder=str(tmp_path / "crawl" / "www.hbt.vn"))
    assert original_url(folder_page, b"<html></html>")[0] == "https://www.hbt.vn/tin-tuc/"


@pytest.mark.parametrize(
    ("links", "scheme"),
    [
        # wget and HTTrack leave the links to what they did not save as the portal wrote
        # them: a portal of http:// says so in its own links (most of them), og:url...
        ('<a href="http://www.hbt.vn/lien-he">x</a><a href="HTTP://WWW.HBT.VN/">y</a>', "http"),
        ('<meta property="og:image" content="http://www.hbt.vn/a.jpg">', "http"),
        ('<a href="http://www.hbt.vn/a">x</a><a href="https://www.hbt.vn/b">x</a>', "https"),
        ('<a href="https://www.hbt.vn/a">x</a>', "https"),
        ('<a href="http://www.hbt.vn.example/a">x</a>', "https"),  # another host
        ('<a href="http://other.vn/a">x</a>', "https"),
        ("", "https"),  # nothing tells: https, as portals serve today
    ],
)
def test_the_scheme_a_crawl_leaves_out_is_the_one_the_page_links_its_host_with(
    tmp_path, links, scheme
):
    """A wget tree's folders and HTTrack's comment have no scheme: every old address of
    a portal served at http:// was written https://, a scheme it may never have had."""
    file = tmp_path / "crawl" / "www.hbt.vn" / "tin-tuc" / "bai-1.html"
    page = PageSource(str(file), str(file), folder=str(tmp_path / "crawl"))
    data = f"<html><head></head><body>{links}</body></html>".encode()
    assert original_url(page, data) == (
        f"{scheme}://www.hbt.vn/tin-tuc/bai-1.html",
        "folder layout",
    )
    comment = b"<!-- Mirrored from www.hbt.vn/tin-tuc/bai-1.html by HTTrack -->"
    assert original_url(PageSource("p.html", "p.html"), comment + data) == (
        f"{scheme}://www.hbt.vn/tin-tuc/bai-1.html",
        "HTTrack comment",
    )


def test_a_section_of_a_wget_tree_takes_its_host_from_the_folders_above(tmp_path):
    section = tmp_path / "www.old.vn" / "crawl" / "www.hbt.vn" / "tin-tuc"
    file = section / "-" / "bai-1.html"
    page = PageSource(str(file), str(file), folder=str(section))
    # The nearest folder named like a host, not one further up.
    assert original_url(page, b"<html></html>")[0] == "https://www.hbt.vn/tin-tuc/-/bai-1.html"


def test_a_file_name_that_is_not_utf8_is_percent_encoded_in_the_address(tmp_path):
    folder = tmp_path / "www.hbt.vn"
    file = os.fsdecode(os.path.join(os.fsencode(folder), b"tin", b"b\xe0i.html"))
    page = PageSource(file, file, folder=str(folder))
    assert original_url(page, b"<html></html>")[0] == "https://www.hbt.vn/tin/b%E0i.html"


def test_a_file_name_with_a_space_is_percent_encoded_in_the_address(tmp_path):
    """wget writes `%20` in an address as a space in the file name: the address read
    back held the space, and the page was refused ("not a web address")."""
    file = tmp_path / "www.hbt.vn" / "tin" / "bài viết 2.html"
    page = PageSource(str(file), str(file), folder=str(tmp_path / "www.hbt.vn"))
    url = original_url(page, b"<html></html>")[0]
    assert url == "https://www.hbt.vn/tin/bài%20viết%202.html"
    assert articles.old_address(url)[0] == "/tin/bài%20viết%202.html"


@pytest.mark.parametrize(
    ("link", "target"),
    [
        # HTTrack keeps other hosts beside the page's host folder.
        ("../../../../cdn.hbt.vn/anh/a%201.jpg?v=2", "https://cdn.hbt.vn/anh/a%201.jpg?v=2"),
        ("../../../documents/a.jpg", "https://hbt.vn/documents/a.jpg"),
        ("../../../../documents/a.jpg", "https://hbt.vn/documents/a.jpg"),  # not a host
        ("../../../../../cdn.hbt.vn/a.jpg", "https://hbt.vn/cdn.hbt.vn/a.jpg"),  # too high
        ("//cdn.hbt.vn/a.jpg", "https://cdn.hbt.vn/a.jpg"),
    ],
)
def test_a_link_climbing_above_the_host_folder_leads_to_the_host_named_there(link, target):
    assert link_target("https://hbt.vn/tin-tuc/-/view_content/1-bai.html", link) == target
