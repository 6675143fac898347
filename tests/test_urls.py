"""urls.py on its own: every address and output path the site uses."""

import pytest
from support import make_article

from newsarchive import urls


def test_article_url_is_year_month_slug():
    article = make_article(100, slug="duong-lang")
    assert urls.article_url(article) == "2019/04/duong-lang/"


def test_numbered_pages_and_feeds_live_below_their_list():
    category = urls.category_url("Tin tức - Sự kiện")
    assert category == "chuyen-muc/tin-tuc-su-kien/"
    assert urls.page_url(category, 3) == "chuyen-muc/tin-tuc-su-kien/trang/3/"
    assert urls.feed_url(category) == "chuyen-muc/tin-tuc-su-kien/feed.xml"
    assert urls.feed_url() == "feed.xml"
    assert urls.tag_url("Cán bộ") == "the/can-bo/"


@pytest.mark.parametrize(
    ("url", "file"),
    [
        ("", "index.html"),
        ("2019/04/x/", "2019/04/x/index.html"),
        ("feed.xml", "feed.xml"),
        # A static file whose name only ends in index.html is served by that name.
        ("tai-lieu/myindex.html", "tai-lieu/myindex.html"),
    ],
)
def test_output_file(url, file):
    assert urls.output_file(url) == file
    assert urls.output_path(url).as_posix() == file
    # And back: messages name a file of the site by the address that serves it.
    assert urls.file_url(file) == url


@pytest.mark.parametrize(
    ("src", "dst", "href"),
    [
        ("2019/04/a/", "2019/04/b/", "../b/"),
        ("2019/04/a/", "", "../../../"),
        ("", "", "./"),
        ("", "feed.xml", "feed.xml"),
        ("chuyen-muc/x/trang/2/", "chuyen-muc/x/trang/3/", "../3/"),
    ],
)
def test_links_between_pages_are_relative(src, dst, href):
    assert urls.relative_url(src, dst) == href


PAGES = [
    *("", "2019/", "2019/04/", "2019/04/a/", "2019/04/b/", "2020/01/a/", "404.html"),
    *("feed.xml", "chuyen-muc/", "chuyen-muc/x/", "chuyen-muc/x/trang/2/", "the/x/feed.xml"),
    *("tin-tuc/abc-123.html", "tin-tuc/abc/", "tin tức/ả/", "a//b/", "robots.txt"),
]
TARGETS = [
    *PAGES,
    *("css/site.css", "favicon.svg", "chuyen-muc/x/trang/3/", "2019/04/b/#x", "../up/"),
    *("2019/04/a/index.html", ".well-known/x", "a/./b/", "%C3%A1/", "2019/04/%C3%A1/"),
    # Sharing folders with the page (linker's own way): its parents named as files too.
    *("2019/04/a/x/y/", "2019/04/a/b.html", "2019/05/c/", "2019/04/a", "2019", "a/../b/"),
]


@pytest.mark.parametrize("offline", [False, True])
@pytest.mark.parametrize("base", ["https://example.org/", "https://user.github.io/repo/"])
def test_a_pages_linker_gives_the_links_link_gives(base, offline):
    # urls.linker works out a page's way up once; every link must still be link()'s.
    for page in PAGES:
        link_from = urls.linker(page, base, offline)
        for target in TARGETS:
            assert link_from(target) == urls.link(page, target, base, offline), (page, target)


def test_offline_links_name_index_html():
    assert urls.relative_url("2019/04/a/", "2019/04/b/", offline=True) == "../b/index.html"


def test_the_404_page_links_by_absolute_path_under_the_base_path():
    base = "https://user.github.io/repo/"
    assert urls.base_path(base) == "/repo/"
    assert urls.link(urls.not_found_url(), "2019/04/a/", base) == "/repo/2019/04/a/"
    offline = urls.link(urls.not_found_url(), "2019/04/a/", base, offline=True)
    assert offline == "2019/04/a/index.html"


def test_aliases_become_folders_unless_they_name_a_file():
    assert urls.alias_url("/tin-tuc/abc-123.html") == "tin-tuc/abc-123.html"
    assert urls.alias_url("/tin-tuc/abc") == "tin-tuc/abc/"
    assert urls.alias_url("/tin-tuc/Default.aspx") == "tin-tuc/Default.aspx/"  # not a page
    assert urls.alias_url("/tin/A.HTM") == "tin/A.HTM"
    assert urls.alias_url("/tin%20tuc/a.html") == "tin tuc/a.html"


@pytest.mark.parametrize(
    ("alias", "problem"),
    [
        ("/ok/page.html", ""),
        (
            "https://old.vn/a",
            "is a full web address: an old address is written as the path after its host, /a",
        ),
        ("https://old.vn/tin?id=5", "is a full web address, not a path on this site"),
        ("https://old.vn/", "is a full web address, not a path on this site"),
        ("//old.vn/.git/x", "is a full web address, not a path on this site"),
        ("/", "is the home page"),
        ("/a?b=1", "contains a character that cannot be part of a file name"),
        ("/a/../b", "must not contain '.', '..' or '//' parts"),
        ("/.git/config", "has a part that starts with '.' (a hidden name, such as .git)"),
        ("/.newsarchive-spare", "has a part that starts with '.' (a hidden name, such as .git)"),
        ("/tin/.htaccess", "has a part that starts with '.' (a hidden name, such as .git)"),
        ("/tin.cu/bai.v2.html", ""),
    ],
)
def test_alias_problems(alias, problem):
    assert urls.alias_problem(alias) == problem


def test_body_links():
    assert urls.body_link("2019/04/a/", "/2019/04/b/#p", "https://x.vn/") == "../b/#p"
    assert urls.body_link("2019/04/a/", "anh.jpg", "https://x.vn/") is None
    assert urls.body_link_file("2019/04/a/", "/images/a.jpg") == "images/a.jpg"
    assert urls.body_link_file("2019/04/a/", "../b") == "2019/04/b/index.html"


def test_every_page_the_site_writes_besides_dated_ones_has_its_name_kept_from_aliases(site):
    """The importer refuses an old address under a name of the site's own pages: its list
    was written by hand, and lacked the feeds page (/theo-doi/)."""
    site.add("a.md", "---\ntitle: Tin\ndate: 2020-01-01\ncategory: Tin\ntags: [x]\n---\n\nA.\n")
    assert site.build("--quiet") == 0
    statics = {p.name for p in site.root.joinpath("static").iterdir()}
    written = {
        p.name
        for p in site.output.iterdir()
        if not p.name.isdigit() and not p.name.startswith("sitemap-") and p.name not in statics
    }
    assert written and written <= urls.own_names(), written - urls.own_names()


def test_an_old_portals_link_is_put_at_the_archives_scheme_and_host_keeping_the_rest():
    """check reads a link to the old portal as the archive serves it when the archive is
    served at the portal's domain: http or https, a port or none, as base_url has it."""
    base = "https://hbt.vn:8443/"
    assert urls.at_base("http://hbt.vn/tin/a.html?id=5#b", base) == (
        "https://hbt.vn:8443/tin/a.html?id=5#b"
    )
    assert urls.at_base("https://hbt.vn:80/anh/mat.jpg", "http://hbt.vn/") == (
        "http://hbt.vn/anh/mat.jpg"
    )
