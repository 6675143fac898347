"""Standalone pages: Markdown files in content/pages/ (an about page, a contact page),
built with the site's header, menu and theme, at the address of their file's name, and
in no list, feed, month, search result or "related"."""

import shutil

import pytest
from conftest import article, tree
from pages import output_file, resolve, soup

from newsarchive.cli import main
from newsarchive.pipeline import SEARCH_FOLDER
from newsarchive.search.engine import Index, search

ABOUT = """---
title: Giới thiệu
summary: Bản lưu trữ này là gì, ai làm và cách trích dẫn.
menu: 2
---

Bản lưu trữ giữ các **tin bài** cũ. Xem [các tháng](/luu-tru/) và [bài đầu](/2020/01/hoi-nghi/).
"""
CONTACT = """---
title: Liên hệ
menu: 1
---

Gửi yêu cầu đính chính qua thư.
"""
HIDDEN = """---
title: Chính sách gỡ bài
---

Chỉ liên kết từ trang giới thiệu.
"""
FIRST = article(
    "Hội nghị",
    "2020-01-02 08:00",
    "Hội nghị cán bộ.",
    category="Tin tức",
    slug="hoi-nghi",
    tags="[cán bộ]",
)
SECOND = article(
    "Hội thảo", "2020-01-05 08:00", "Hội thảo cán bộ.", category="Tin tức", tags="[cán bộ]"
)


def nav(root, url: str) -> list[tuple[str, str]]:
    """The menu of the page at ``url``: (words, site URL of the link) of each item."""
    return [(a.get_text(), resolve(url, a["href"])) for a in soup(root, url).select(".site-nav a")]


def built_errors(site, capsys) -> str:
    """Build a broken site over a good one: exit 1, the old site unchanged; stderr."""
    before = tree(site.output)
    capsys.readouterr()
    assert site.build("--quiet") == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err, err
    assert tree(site.output) == before
    return err


@pytest.fixture
def about_site(site):
    site.add("2020/01/hoi-nghi.md", FIRST)
    site.add("2020/01/hoi-thao.md", SECOND)
    site.add("pages/gioi-thieu.md", ABOUT)
    site.add("pages/lien-he.md", CONTACT)
    site.add("pages/chinh-sach/go-bai.md", HIDDEN)
    assert site.build("--quiet") == 0
    return site


def test_a_page_is_built_with_the_sites_header_menu_and_theme(about_site):
    out = about_site.output
    page = soup(out, "gioi-thieu/")
    assert page.select_one("main h1").get_text() == "Giới thiệu"
    assert (
        page.select_one("title").get_text()
        == "Giới thiệu \N{EN DASH} Lưu trữ tin tức quận Hai Bà Trưng"
    )
    assert page.select_one('meta[name="description"]')["content"].startswith("Bản lưu trữ này")
    assert page.select_one(".site-header .site-name a") is not None
    assert resolve("gioi-thieu/", page.select_one('link[rel="stylesheet"]')["href"]) == (
        "css/site.css"
    )
    body = page.select_one("main .article-body")
    assert body.select_one("strong").get_text() == "tin bài"
    # Links written from the root, made relative to the page, lead to real pages.
    assert [resolve("gioi-thieu/", a["href"]) for a in body.select("a")] == [
        "luu-tru/",
        "2020/01/hoi-nghi/",
    ]
    assert output_file(out, "2020/01/hoi-nghi/").is_file()
    # A page's address is its file's path below pages/, in any folder.
    assert soup(out, "chinh-sach/go-bai/").select_one("main h1").get_text() == "Chính sách gỡ bài"


def test_pages_with_a_place_in_the_menu_are_on_every_pages_menu_in_its_order(about_site):
    out = about_site.output
    for url in ("", "2020/01/hoi-nghi/", "luu-tru/", "chuyen-muc/tin-tuc/", "gioi-thieu/"):
        items = nav(out, url)
        assert items[-2:] == [("Liên hệ", "lien-he/"), ("Giới thiệu", "gioi-thieu/")], url
        assert "chinh-sach/go-bai/" not in [u for _, u in items]  # no menu: not in it
    current = soup(out, "gioi-thieu/").select('.site-nav a[aria-current="page"]')
    assert [a.get_text() for a in current] == ["Giới thiệu"]
    assert not soup(out, "").select('.site-nav a[aria-current="page"][href*="gioi-thieu"]')


def test_pages_are_in_the_sitemap_and_in_no_list_feed_month_search_or_related(about_site):
    out = about_site.output
    sitemaps = "".join(p.read_text(encoding="utf-8") for p in out.glob("sitemap*.xml"))
    assert "/gioi-thieu/</loc>" in sitemaps and "/chinh-sach/go-bai/</loc>" in sitemaps
    own = {output_file(out, u) for u in ("gioi-thieu/", "lien-he/", "chinh-sach/go-bai/")}
    others = set(out.rglob("*.html")) - own
    others |= set(out.rglob("*.xml")) - set(out.glob("sitemap*.xml"))
    for path in others:
        text = path.read_text(encoding="utf-8")
        # Outside the menu, nothing names or links the pages without menu.
        assert "Chính sách gỡ bài" not in text and "go-bai" not in text, path
        assert "Bản lưu trữ giữ các" not in text, path  # the about page's text
    for url in ("", "2020/01/", "chuyen-muc/tin-tuc/", "the/can-bo/"):
        listed = {resolve(url, a["href"]) for a in soup(out, url).select("main a")}
        assert "gioi-thieu/" not in listed and "lien-he/" not in listed, url
    index = Index(out / SEARCH_FOLDER)
    assert [hit.url for hit in search(index, "lưu trữ tin bài", limit=10).hits] == []
    assert [hit.url for hit in search(index, "hội nghị", limit=10).hits] == ["2020/01/hoi-nghi/"]


def test_the_build_counts_articles_only(about_site, capsys):
    capsys.readouterr()
    assert about_site.build() == 0
    assert "Built 2 article(s)" in capsys.readouterr().out


def test_check_follows_the_links_of_pages_and_names_their_file(about_site, capsys):
    config = str(about_site.root / "site.yaml")
    assert main(["check", "--config", config]) == 0
    page = about_site.add("pages/lien-he.md", CONTACT + "\nXem [trang cũ](/khong-co/).\n")
    assert about_site.build("--quiet") == 0
    capsys.readouterr()
    assert main(["check", "--config", config]) == 1
    err = capsys.readouterr().err
    assert str(page) in err and "khong-co" in err, err


def test_a_broken_link_in_a_page_is_a_warning_at_its_line_and_an_error_with_strict(
    about_site, capsys
):
    page = about_site.add("pages/lien-he.md", CONTACT + "\nXem [trang cũ](/khong-co/).\n")
    capsys.readouterr()
    assert about_site.build() == 0
    err = capsys.readouterr().err
    assert f"{page}:8:16: warning: the link /khong-co/ leads to no page or file of this site" in err
    before = tree(about_site.output)
    assert about_site.build("--strict") == 1
    assert f"{page}:8:16: error: the link /khong-co/" in capsys.readouterr().err
    assert tree(about_site.output) == before


def test_adding_editing_and_deleting_a_page_gives_the_same_site_as_a_clean_build(
    about_site, tmp_path
):
    def same_as_clean(*args: str) -> None:
        assert about_site.build("--quiet", *args) == 0
        clean = tmp_path / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        config = str(about_site.root / "site.yaml")
        assert main(["build", "--config", config, "--output", str(clean), "-q", "--no-cache"]) == 0
        assert tree(about_site.output) == tree(clean)

    about_site.add("pages/ban-quyen.md", "---\ntitle: Bản quyền\nmenu: 3\n---\n\nGiữ nguyên.\n")
    same_as_clean()
    assert nav(about_site.output, "2020/01/hoi-nghi/")[-1] == ("Bản quyền", "ban-quyen/")
    about_site.add("pages/ban-quyen.md", "---\ntitle: Quyền sử dụng\nmenu: 0\n---\n\nĐổi.\n")
    same_as_clean("--jobs", "2")
    assert nav(about_site.output, "")[3] == ("Quyền sử dụng", "ban-quyen/")
    assert "Đổi." in about_site.read("ban-quyen/index.html")
    about_site.add("pages/ban-quyen.md", "---\ntitle: Quyền sử dụng\ndraft: true\n---\n\nĐổi.\n")
    same_as_clean()
    assert not (about_site.output / "ban-quyen").exists()
    (about_site.content / "pages" / "gioi-thieu.md").unlink()
    same_as_clean("--jobs", "1")
    assert not (about_site.output / "gioi-thieu").exists()
    assert "gioi-thieu/" not in [u for _, u in nav(about_site.output, "2020/01/hoi-thao/")]


@pytest.mark.parametrize(
    "name, text, message, hint",
    [
        (
            "pages/cu.md",
            "---\ntitle: Cũ\ndate: 2020-01-01\n---\n\nx\n",
            "unknown key 'date'",
            "a page (a file in the content folder's pages/) has no 'date': remove it, or "
            "move the file out of pages/ if it is an article",
        ),
        (
            "pages/cu.md",
            "---\ntitel: Cũ\n---\n\nx\n",
            "unknown key 'titel'",
            "did you mean 'title'?",
        ),
        (
            "pages/cu.md",
            "---\ntitle: Cũ\nmenu: đầu\n---\n\nx\n",
            "'menu' must be a whole number, but YAML read 'đầu'",
            "write its place in the menu, e.g. menu: 1 (or remove the line to keep the page "
            "out of the menu)",
        ),
        (
            "pages/Giới Thiệu.md",
            "---\ntitle: Giới thiệu\n---\n\nx\n",
            "the page's address /Giới Thiệu/ may only hold a-z, 0-9 and single '-' between words",
            # pages/gioi-thieu.md is the site's about page
            "rename it to pages/gioi-thieu-2.md (pages/gioi-thieu.md is another page): a "
            "page's address is its file's path below pages/, with a-z, 0-9 and single '-' "
            "between words",
        ),
        (
            "pages/tim-kiem.md",
            "---\ntitle: Tìm\n---\n\nx\n",
            "the page's address /tim-kiem/ begins with 'tim-kiem', which the site uses for its "
            "own pages",
            "rename the file tim-kiem: a page's address is its file's path below pages/, "
            "and the site's own names and years are taken",
        ),
        (
            "pages/2031/ke-hoach.md",
            "---\ntitle: Kế hoạch\n---\n\nx\n",
            "the page's address /2031/ke-hoach/ begins with '2031', which is (or will be) the "
            "address of a year's articles",
            "rename the folder 2031: a page's address is its file's path below pages/",
        ),
        (
            "pages/trong.md",
            "---\nmenu: 1\n---\n\nx\n",
            "the page has no title",
            'add a line such as: title: "Giới thiệu"',
        ),
    ],
)
def test_a_bad_page_is_named_with_its_file_line_and_fix(
    about_site, capsys, name, text, message, hint
):
    path = about_site.add(name, text)
    err = built_errors(about_site, capsys)
    assert str(path) in err and message in err and hint in err, err
    key = message.split("'")[1] if message.count("'") > 1 else ""
    if key in ("date", "titel", "menu"):  # at the key's own line
        line = 1 + [row.split(":")[0] for row in text.split("\n")].index(key)
        assert f"{path}:{line}:" in err, err


def test_a_page_named_in_capitals_beside_its_lowercase_twin_is_told_a_free_name(about_site, capsys):
    """pages/Gioi-Thieu.md beside pages/gioi-thieu.md was told to rename itself to
    pages/gioi-thieu.md, the file beside it."""
    path = about_site.add("pages/Gioi-Thieu.md", "---\ntitle: Giới thiệu cũ\n---\n\nx\n")
    err = built_errors(about_site, capsys)
    assert f"{path}: error: the page's address /Gioi-Thieu/ may only hold" in err, err
    assert "rename it to pages/gioi-thieu.md" not in err, err
    assert "rename it to pages/gioi-thieu-2.md (pages/gioi-thieu.md is another page)" in err, err


def test_an_alias_at_a_pages_address_names_the_page_and_the_line(about_site, capsys):
    about_site.add(
        "2020/01/hoi-thao.md",
        SECOND.replace("tags:", "aliases: [/gioi-thieu/]\ntags:"),
    )
    err = built_errors(about_site, capsys)
    where = about_site.content / "2020/01/hoi-thao.md"
    page = about_site.content / "pages/gioi-thieu.md"
    assert f"{where}:5:" in err, err  # the line of aliases
    assert f"alias '/gioi-thieu/' is the address of the page {page}" in err, err


def test_a_static_file_at_a_pages_address_names_the_page(about_site, capsys):
    static = about_site.root / "static" / "lien-he" / "index.html"
    static.parent.mkdir()
    static.write_text("<p>cũ</p>", encoding="utf-8")
    err = built_errors(about_site, capsys)
    assert str(about_site.content / "pages/lien-he.md") in err, err
    assert "rename the page's file, or rename or move the static file" in err, err


def test_new_page_starts_a_page_that_is_refused_until_written(site, capsys):
    site.add("2020/01/hoi-nghi.md", FIRST)
    config = str(site.root / "site.yaml")
    capsys.readouterr()
    assert main(["new", "--config", config, "--page", "Liên hệ"]) == 0
    path = site.content / "pages" / "lien-he.md"
    assert capsys.readouterr().out.strip().endswith("pages/lien-he.md")
    assert path.read_text(encoding="utf-8").startswith('---\ntitle: "Liên hệ"\n---\n\n')
    # The placeholder would be published: the build stops at it, as for an article.
    assert site.build("--quiet") == 1
    err = capsys.readouterr().err
    assert f"{path}:5: error: the page still holds the placeholder text that 'new' wrote" in err
    text = path.read_text(encoding="utf-8").rsplit("---\n", 1)[0] + "---\n\nGọi 024.\n"
    path.write_text(text, encoding="utf-8")
    assert site.build("--quiet") == 0
    assert "Gọi 024." in site.read("lien-he/index.html")
    # Never over a page that exists; a title the site's own pages use, refused.
    assert main(["new", "--config", config, "--page", "Liên hệ"]) == 1
    assert "this file already exists; nothing was written" in capsys.readouterr().err
    assert main(["new", "--config", config, "--page", "Tìm kiếm"]) == 1
    err = capsys.readouterr().err
    assert "the page's address /tim-kiem/ begins with 'tim-kiem'" in err, err
    # No file was written: the fix is another title, not "rename the file tim-kiem".
    assert "how to fix: give the page another title (its file's name is its address)" in err
    assert "rename the file" not in err, err
    assert not (site.content / "pages" / "tim-kiem.md").exists()
    assert main(["new", "--config", config, "--page", "2031"]) == 1
    err = capsys.readouterr().err
    assert "/2031/ begins with '2031', which is (or will be) the address of a year's" in err
    assert "give the page another title" in err and "rename the file" not in err, err


def refresh_target(root, url: str) -> str:
    """The site URL the redirect page at ``url`` sends the reader on to."""
    meta = soup(root, url).find("meta", attrs={"http-equiv": "refresh"})
    return resolve(url, meta["content"].removeprefix("0; url="))


def test_a_pages_old_addresses_send_the_reader_on_to_it(about_site, capsys):
    # The portal's own contact page, and its address before the file was renamed.
    about_site.add(
        "pages/lien-he.md",
        CONTACT.replace("menu: 1", "menu: 1\naliases: [/lien-he.html, /Pages/lh.aspx]"),
    )
    assert about_site.build("--quiet", "--base-url", "https://example.org/repo/") == 0
    for old in ("lien-he.html", "Pages/lh.aspx/"):
        assert refresh_target(about_site.output, old) == "lien-he/"
        page = soup(about_site.output, old)
        assert page.find("link", rel="canonical")["href"] == "https://example.org/repo/lien-he/"
        assert resolve(old, page.find("a")["href"]) == "lien-he/"
    capsys.readouterr()
    assert main(["check", "--config", str(about_site.root / "site.yaml")]) == 0, capsys.readouterr()


@pytest.mark.parametrize(
    "alias, message",
    [
        ("/2020/01/hoi-nghi/", "is the address of the article"),
        ("/luu-tru/", "is the address of the page /luu-tru/"),
        ("/gioi-thieu/", "is the address of the page"),
        ("http://example.org/x", "alias 'http://example.org/x' "),
    ],
)
def test_an_alias_of_a_page_that_cannot_be_is_named_at_its_line(about_site, capsys, alias, message):
    path = about_site.add("pages/lien-he.md", CONTACT.replace("menu: 1", f"aliases: [{alias}]"))
    err = built_errors(about_site, capsys)
    assert f"{path}:3:" in err and message in err, err


def test_renaming_a_published_page_warns_once_at_its_new_file_with_the_alias_to_add(
    about_site, capsys
):
    pages = about_site.content / "pages"
    (pages / "gioi-thieu.md").rename(pages / "ve-luu-tru.md")
    capsys.readouterr()
    assert about_site.build() == 0
    err = capsys.readouterr().err
    assert f"{pages / 've-luu-tru.md'}:2: warning: the page /gioi-thieu/ that the last build" in err
    assert "keep its old address: add it to the front matter: aliases: [/gioi-thieu/]" in err
    assert about_site.build() == 0  # said once: the editor may mean it
    assert "gioi-thieu" not in capsys.readouterr().err
    # --strict stops on it, as on an article's moved address, until the alias is added.
    (pages / "ve-luu-tru.md").rename(pages / "gioi-thieu.md")
    assert about_site.build("--quiet") == 0
    (pages / "gioi-thieu.md").rename(pages / "ve-luu-tru.md")
    capsys.readouterr()
    assert about_site.build("--quiet", "--strict") == 1
    text = (pages / "ve-luu-tru.md").read_text(encoding="utf-8")
    (pages / "ve-luu-tru.md").write_text(
        text.replace("menu: 2", "menu: 2\naliases: [/gioi-thieu/]")
    )
    capsys.readouterr()
    assert about_site.build("--strict") == 0
    assert "warning" not in capsys.readouterr().err
    assert refresh_target(about_site.output, "gioi-thieu/") == "ve-luu-tru/"


def test_deleting_a_published_page_warns_once_and_a_new_draft_does_not(about_site, capsys):
    pages = about_site.content / "pages"
    (pages / "lien-he.md").unlink()
    about_site.add("pages/nhap.md", HIDDEN.replace("---\n\n", "draft: true\n---\n\n"))
    capsys.readouterr()
    assert about_site.build() == 0
    err = capsys.readouterr().err
    assert err.count("warning") == 1, err
    assert "the page /lien-he/ that the last build published (content/pages/lien-he.md)" in err
    assert "if it was deleted on purpose, nothing more is needed" in err
    assert about_site.build() == 0
    assert "warning" not in capsys.readouterr().err


def test_a_published_page_made_a_draft_is_said_once_at_its_draft_line(about_site, capsys):
    """`draft: true` on Giới thiệu ("while I rewrite it") took the page, its menu item and
    its old addresses off the site in silence ("18 page(s)", no draft counted), where an
    article made a draft, and a page deleted, are said once."""
    about_site.add("pages/gioi-thieu.md", ABOUT.replace("menu: 2\n", "menu: 2\ndraft: true\n"))
    capsys.readouterr()
    assert about_site.build() == 0
    err = capsys.readouterr().err
    assert err.count("warning") == 1, err
    assert (
        "content/pages/gioi-thieu.md:5: warning: this page, published by the last build at "
        "/gioi-thieu/, is now a draft (draft: true keeps it off the site and its menu): its "
        'address and its old addresses now answer "not found"'
    ) in err, err
    assert "if it is only being rewritten, remove draft: true" in err
    assert about_site.build() == 0
    assert "warning" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "contact, href",
    [
        (None, None),
        (
            "https://github.com/lan/luutru-hbt/issues/new",
            "https://github.com/lan/luutru-hbt/issues/new",
        ),
        ("luutru.hbt@example.vn", "mailto:luutru.hbt@example.vn"),
        ("mailto:luutru.hbt@example.vn", "mailto:luutru.hbt@example.vn"),
    ],
)
def test_the_about_page_says_where_to_ask_only_when_site_yaml_names_it(seed_site, contact, href):
    """The shipped "Giới thiệu" asked readers to "open an issue in the archive's
    repository on GitHub", with no address and no e-mail: a reader named in an article
    had nowhere to ask for the takedown the page promises. site.yaml's `contact` (a web
    address or an e-mail) now ends every page of content/pages/ with where to write;
    without it the page asks nothing it cannot answer."""
    seed_site.configure(contact=contact)
    assert seed_site.build("--quiet") == 0
    page = soup(seed_site.output, "gioi-thieu/")
    text = page.select_one("main").get_text(" ")
    assert "(issue)" not in text and "trên GitHub" not in text, text
    links = [a for a in page.select("main a") if "@" in a["href"] or "github.com" in a["href"]]
    if href is None:
        assert links == []
        return
    assert [a["href"] for a in links] == [href]
    shown = contact.removeprefix("mailto:")
    assert links[0].get_text() == shown
    assert links[0].find_parent("p").get_text(" ", strip=True).endswith(shown)
