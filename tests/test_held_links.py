"""Links to pages of the old portal that the archive holds lead to the archive's copy
(newsarchive/heldlinks.py): imported articles keep the portal's full addresses in their
Markdown, and the portal goes dark."""

import posixpath
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import article, tree

PORTAL = "https://quanhaibatrung.hanoi.gov.vn"
LINKING = "2020/04/bai-b/index.html"


def _hrefs(html: str) -> dict[str, str]:
    """Each body link's text -> its address."""
    soup = BeautifulSoup(html, "html.parser")
    return {a.get_text(): a["href"] for a in soup.select(".article-body a[href]")}


def _lands(root, page: str, href: str) -> tuple[str, str]:
    """The file a relative link on ``page`` leads to (which must exist), and its fragment."""
    parts = urlsplit(href)
    assert not parts.scheme and not href.startswith("/"), href
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
    if not target.endswith(".html"):
        target += "/index.html"
    assert (root / target).is_file(), f"{href} on /{page} leads to no file"
    return target, parts.fragment


def _linking(body: str) -> str:
    return article("Bài B", "2020-04-06", body)


def _site(site, *, b: str, a: bool = True, c: bool = True):
    site.configure(original_site=[f"{PORTAL}/", "http://hbt.hanoi.gov.vn"])
    if a:
        site.add(
            "a.md",
            article(
                "Bài A",
                "2020-03-05",
                "Nội dung A.\n\n## Phần hai\n\nTiếp theo.",
                source_url=f"{PORTAL}/tin-tuc/bai-a-123.html",
            ),
        )
    if c:
        site.add(
            "c.md",
            article(
                "Bài C",
                "2019-01-02",
                source_url="http://quanhaibatrung.hanoi.gov.vn/chi-tiet?id=6",
                aliases="[/tin/bai-c.aspx]",
            ),
        )
    site.add(
        "pages/gioi-thieu.md", "---\ntitle: Giới thiệu\naliases: [/gioi-thieu.html]\n---\n\nQuận.\n"
    )
    site.add("b.md", _linking(b))


BODY = (
    f"Xem [A](https://www.quanhaibatrung.hanoi.gov.vn/tin-tuc/bai-a-123.html#phan-hai), "
    f"[C](http://quanhaibatrung.hanoi.gov.vn/chi-tiet?id=6), "
    f"[C từ danh sách](https://quanhaibatrung.hanoi.gov.vn/chi-tiet?id=6&redirect=%2Ftin), "
    f"[C cũ](http://hbt.hanoi.gov.vn/Tin/Bai-C.aspx/), "
    f"[giới thiệu]({PORTAL}/gioi-thieu.html), "
    f"[chưa có]({PORTAL}/tin-tuc/bai-khac-9.html), "
    f"[C khác](http://quanhaibatrung.hanoi.gov.vn/chi-tiet?id=7) và "
    "[nơi khác](https://example.org/tin-tuc/bai-a-123.html)."
)


def test_links_to_portal_pages_the_archive_holds_lead_to_the_archive(site):
    _site(site, b=BODY)
    assert site.build("--quiet") == 0
    root = site.output
    hrefs = _hrefs(site.read(LINKING))
    # By source_url (www. or not, http or https, the #fragment kept, on the heading).
    target, fragment = _lands(root, LINKING, hrefs["A"])
    assert target == "2020/03/bai-a/index.html" and fragment == "phan-hai"
    assert BeautifulSoup(site.read(target), "html.parser").find(id="phan-hai") is not None
    # By source_url with its query (Liferay's "back" parameter is no other page, as
    # import writes source_url); by alias on another host of original_site, in other
    # capitals (as a portal on IIS answered it).
    assert _lands(root, LINKING, hrefs["C"]) == ("2019/01/bai-c/index.html", "")
    assert _lands(root, LINKING, hrefs["C từ danh sách"]) == ("2019/01/bai-c/index.html", "")
    assert _lands(root, LINKING, hrefs["C cũ"]) == ("2019/01/bai-c/index.html", "")
    # A standalone page's alias.
    assert _lands(root, LINKING, hrefs["giới thiệu"]) == ("gioi-thieu/index.html", "")
    # Pages the archive lacks (another query), and other sites, stay as written.
    assert hrefs["chưa có"] == f"{PORTAL}/tin-tuc/bai-khac-9.html"
    assert hrefs["C khác"] == "http://quanhaibatrung.hanoi.gov.vn/chi-tiet?id=7"
    assert hrefs["nơi khác"] == "https://example.org/tin-tuc/bai-a-123.html"
    # The feed's copy of the body links relatively to the article's own address.
    feed = site.read("feed.xml")
    assert (
        "../../03/bai-a/#phan-hai"
        in BeautifulSoup(feed, "xml")
        .find("content", attrs={"xml:base": lambda v: v and v.endswith("/2020/04/bai-b/")})
        .get_text()
    )
    # The Markdown keeps the portal's address; the build's marks are never published.
    assert "https://www.quanhaibatrung.hanoi.gov.vn/tin-tuc/bai-a-123.html#phan-hai" in (
        site.content / "b.md"
    ).read_text(encoding="utf-8")
    assert not [f for f, data in tree(root).items() if b"newsarchive-" in data]


def test_links_follow_the_pages_they_lead_to_from_build_to_build(site, tmp_path):
    """Each step's site, built with the cache, equals a build from scratch: a page whose
    own file did not change is rendered again when a page it links to comes or goes."""
    _site(site, b=BODY, a=False)

    def built() -> dict[str, bytes]:
        assert site.build("--quiet") == 0
        fresh = tmp_path / f"fresh{len(list(tmp_path.iterdir()))}"
        assert site.build("--quiet", "--no-cache", "--output", str(fresh)) == 0
        assert tree(site.output) == tree(fresh)
        return tree(site.output)

    assert _hrefs(built()[LINKING].decode())["A"].startswith("https://www.")
    _site(site, b=BODY)  # A imported later
    assert _hrefs(built()[LINKING].decode())["A"] == "../../03/bai-a/#phan-hai"
    a = site.content / "a.md"
    a.write_text(a.read_text(encoding="utf-8").replace("2020-03-05", "2019-11-30"), "utf-8")
    assert _hrefs(built()[LINKING].decode())["A"] == "../../../2019/11/bai-a/#phan-hai"
    c = site.content / "c.md"
    c.write_text(c.read_text(encoding="utf-8").replace("[/tin/bai-c.aspx]", "[]"), "utf-8")
    assert _hrefs(built()[LINKING].decode())["C cũ"] == "http://hbt.hanoi.gov.vn/Tin/Bai-C.aspx/"
    a.unlink()
    assert _hrefs(built()[LINKING].decode())["A"].startswith("https://www.")


@pytest.mark.parametrize("sanitize", [False, True])
def test_held_links_work_offline_and_with_sanitized_bodies(site, sanitize):
    raw = f'<p><a href="{PORTAL}/tin-tuc/bai-a-123.html">A trong HTML</a></p>'
    _site(site, b=f"{BODY}\n\n{raw}")
    site.configure(sanitize_html=sanitize)
    assert site.build("--quiet", "--offline") == 0
    root = site.root / "_site-offline"
    hrefs = _hrefs((root / LINKING).read_text(encoding="utf-8"))
    assert hrefs["A"] == "../../03/bai-a/index.html#phan-hai"
    # Raw HTML is published as written, unless site.yaml says to clean it (README).
    expected = "../../03/bai-a/index.html" if sanitize else f"{PORTAL}/tin-tuc/bai-a-123.html"
    assert hrefs["A trong HTML"] == expected
    assert hrefs["nơi khác"] == "https://example.org/tin-tuc/bai-a-123.html"


def test_an_article_imported_from_a_later_crawl_is_linked_from_those_imported_before(
    site, tmp_path
):
    """The archivist's way: a saved portal page links another article of the portal; the
    page of that article, imported later, is where the link leads from the next build."""
    from test_import import PORTAL_PAGE, PORTAL_URL, run_import

    result = run_import(site, PORTAL_PAGE, "--source-url", PORTAL_URL)
    assert result.returncode == 0, result.stderr
    assert site.build("--quiet") == 0
    [first] = site.output.glob("2020/03/*/index.html")
    linking = first.relative_to(site.output).as_posix()
    other = f"{PORTAL}/tin-tuc/ket-qua-123.html"
    assert _hrefs(first.read_text(encoding="utf-8"))["bảng tổng hợp"] == other

    later = tmp_path / "ket-qua.html"
    text = PORTAL_PAGE.read_text(encoding="utf-8")
    later.write_text(text.replace("Phường Bạch Đằng ra quân", "Kết quả thu gom rác"), "utf-8")
    result = run_import(site, later, "--source-url", other)
    assert result.returncode == 0, result.stderr
    assert site.build("--quiet") == 0
    href = _hrefs(first.read_text(encoding="utf-8"))["bảng tổng hợp"]
    target, _ = _lands(site.output, linking, href)
    page = BeautifulSoup(site.read(target), "html.parser")
    assert page.h1.get_text().startswith("Kết quả thu gom rác")
    # The portal's other links (another site, a page not imported) stay as they were.
    assert (
        _hrefs(first.read_text(encoding="utf-8"))["tin của Thành phố"] == "https://hanoi.gov.vn/tin"
    )


def test_a_page_rendered_with_links_unknown_before_is_not_rendered_again(site):
    """Where a body's held links lead is known once it is converted: the build that
    converts it records its pages' fingerprints with them, or the next build (after a
    first build, every page) would render them all again."""
    from newsarchive import pipeline
    from newsarchive.config import load_config

    _site(site, b=BODY)
    config = load_config(site.root / "site.yaml")
    first = pipeline.build(config, search=False)
    assert first.rendered == first.pages
    assert pipeline.build(config, search=False).rendered == 0
    site.add("d.md", article("Bài D", "2020-05-01", f"Về [A]({PORTAL}/tin-tuc/bai-a-123.html)."))
    added = pipeline.build(config, search=False)
    assert 0 < added.rendered < added.pages / 2
    assert pipeline.build(config, search=False).rendered == 0


@pytest.mark.parametrize(
    ("address", "there"),
    [
        ("http://hbt.hanoi.gov.vn/tin/bai-c.aspx", "2019/01/bai-c/"),  # by an alias
        (f"{PORTAL}/tin-tuc/bai-a-123.html", "2020/03/bai-a/"),  # by source_url alone
    ],
)
def test_a_link_in_raw_html_is_left_as_written_and_check_says_what_to_write(site, address, there):
    """Raw HTML is published as written (README): a link there to a page the archive
    holds still leads to the old portal, and check names the archive's page, at the line
    of the raw HTML, not at the Markdown link above it that the build led there."""
    from test_import_capture import run

    raw = f'<p><a href="{address}">trong HTML</a></p>'
    _site(site, b=f"Xem [bài]({address}).\n\n{raw}")
    line = (site.content / "b.md").read_text(encoding="utf-8").split("\n").index(raw) + 1
    assert site.build("--quiet") == 0
    hrefs = _hrefs(site.read(LINKING))
    relative = posixpath.relpath(there, posixpath.dirname(LINKING)) + "/"
    assert hrefs["trong HTML"] == address and hrefs["bài"] == relative
    result = run(site, "check")
    assert result.returncode == 0, result.stderr
    [warning] = [line for line in result.stderr.splitlines() if f"{address}' leads" in line]
    # The column of the address, after the quote that the raw HTML's place was found by.
    assert warning.startswith(f"content/b.md:{line}:{raw.index(address) + 1}: warning: "), warning
    hint = result.stderr.split(warning, 1)[1].splitlines()[1]
    assert f"/{there}" in hint and f"'{relative}'" in hint, hint


def test_a_held_link_to_a_heading_the_page_lacks_is_named_in_the_article(site):
    """check found the link the build made (/2020/03/bai-a/#muc-ba) nowhere in the
    article, and blamed templates/article.html; it is the portal's address, as written."""
    from test_import_capture import run

    address = f"{PORTAL}/tin-tuc/bai-a-123.html#muc-ba"
    _site(site, b=f"Mở đầu.\n\nXem [mục ba]({address}).")
    line = (site.content / "b.md").read_text(encoding="utf-8").split("\n").index(
        f"Xem [mục ba]({address})."
    ) + 1
    assert site.build("--quiet") == 0
    result = run(site, "check")
    assert result.returncode == 1
    assert f"content/b.md:{line}:{len('Xem [mục ba](') + 1}: error: " in result.stderr, (
        result.stderr
    )
    assert "'../../03/bai-a/#muc-ba' opens a page without the heading or id it names" in (
        result.stderr
    )
    assert "templates/article.html" not in result.stderr


def test_a_link_in_nfc_leads_to_a_page_whose_old_address_was_recorded_in_nfd(site):
    """A WARC recorded the address percent-encoded in NFD (tin-tu%CC%9B%CC%81c, as a Mac
    sends it), another page links it in NFC (tin-t%E1%BB%A9c, or the letters): the two
    spell one address, and the link stayed on the dark portal. The other way round too."""
    site.configure(original_site=[f"{PORTAL}/"])
    site.add(
        "a.md", article("Bài A", "2020-03-05", source_url=f"{PORTAL}/tin-tu%CC%9B%CC%81c/a.html")
    )
    site.add("c.md", article("Bài C", "2019-01-02", aliases="[/tin-t%E1%BB%A9c/c.html]"))
    body = (
        f"Xem [A]({PORTAL}/tin-t%E1%BB%A9c/a.html), [A chữ]({PORTAL}/tin-tức/a.html) "
        f"và [C]({PORTAL}/tin-tu%CC%9B%CC%81c/c.html)."
    )
    site.add("b.md", _linking(body))
    assert site.build("--quiet") == 0
    hrefs = _hrefs(site.read(LINKING))
    assert _lands(site.output, LINKING, hrefs["A"]) == ("2020/03/bai-a/index.html", "")
    assert _lands(site.output, LINKING, hrefs["A chữ"]) == ("2020/03/bai-a/index.html", "")
    assert _lands(site.output, LINKING, hrefs["C"]) == ("2019/01/bai-c/index.html", "")
