"""`import` of pages that list articles: counted as not articles, never imported as one.

A list page of a portal no site profile fits (a category, the home page) is read by the
generic extractor, which took its teasers for the text and the first teaser's date for
the page's; and every page of a site built here that is not an article (home, archive,
months, categories, 404, feeds) was imported back as an "article" with a made-up date.
"""

import hashlib
import json
import re
import shutil

import pytest
from conftest import article
from test_import import PORTAL_PAGE, imported_files, run_import

PORTAL = "https://quanhaibatrung.hanoi.gov.vn"
# Seven articles of sotttt.hanoi.gov.vn as its pages show them (sotttt-truth.json of the
# shared samples): their titles, publish dates and page names, as a category lists them.
TEASERS = [
    ("Công văn đề nghị tạm ngừng cung cấp dịch vụ đối với các số điện thoại QCRV sai quy "
     "định (lần thứ 54)", "05/04/2016 16:33", "955777-cong-van-de-nghi-tam-ngung.html"),
    ("Tăng cường sự lãnh đạo của cấp ủy Đảng đối với Đại hội Hội Cựu chiến binh các cấp "
     "Thành phố Hà Nội, nhiệm kỳ 2017-2022", "01/06/2016 11:22", "1026250-tang-cuong.html"),
    ("“Công đoàn viên chức Thành phố chung tay xây dựng cơ quan điện tử, chính quyền điện "
     "tử”", "08/06/2016 14:03", "1042614-cong-doan-vien-chuc.html"),
    ("Đổi mới, nâng cao chất lượng hiệu quả công tác tuyên truyền miệng", "11/11/2016 17:03",
     "1347945-doi-moi-nang-cao.html"),
    ("Đảng ủy Sở TT&TT ban hành Chương trình công tác năm 2017", "17/02/2017 09:58",
     "1512640-dang-uy-so.html"),
    ("Nâng cao năng lực lãnh đạo của đội ngũ Bí thư chi bộ", "07/04/2017 16:11",
     "1616222-nang-cao-nang-luc.html"),
    ("Xây dựng kế hoạch cá nhân làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "05/05/2017 14:16", "1674619-xay-dung-ke-hoach.html"),
]  # fmt: skip
LEAD = "Sở Thông tin và Truyền thông thông báo kết quả thực hiện trên địa bàn thành phố."


def teaser(title: str, date: str, name: str, date_first: bool = False) -> str:
    link = f'<h3 class="title-news"><a href="/tin-tuc/{name}">{title}</a></h3>'
    when = f'<span class="date">{date}</span>'
    lead = f'<p class="sapo">{LEAD}</p>'
    parts = (when, link, lead) if date_first else (link, when, lead)
    return f'<div class="news-item">{"".join(parts)}</div>'


def portal_page(main: str, title: str) -> str:
    """A page of the portal of tests/data/old-portal-article.html (no site profile fits
    it): its top bar, header, menu and footer around ``main``."""
    page = PORTAL_PAGE.read_text(encoding="utf-8")
    start, end = page.index('<ul class="breadcrumb">'), page.index("<footer>")
    page = page[:start] + main + "</div>\n" + page[end:]
    page = re.sub(r"<title>.*?</title>", f"<title>{title} - Quận Hai Bà Trưng</title>", page)
    return re.sub(r'<meta property="og:title"[^>]*>', "", page)


def category_page(date_first: bool = False) -> str:
    items = "\n".join(teaser(*t, date_first=date_first) for t in TEASERS)
    paging = '<div class="paging"><a href="?page=2">2</a> <a href="?page=3">3</a></div>'
    main = f'<h1 class="title">Tin tức - Sự kiện</h1><div class="list-news">{items}</div>{paging}'
    return portal_page(main, "Tin tức - Sự kiện")


def report(site) -> list[dict]:
    lines = (site.root / "import-report.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_a_category_page_of_a_portal_no_profile_fits_is_a_list_not_an_article(site, tmp_path):
    """The page the audit found: menu, an h1, seven teasers (link, date, lead), footer.
    It was imported as content/2016/04/tin-tuc-su-kien.md, dated by its first teaser."""
    crawl = tmp_path / "quanhaibatrung.hanoi.gov.vn"
    (crawl / "tin-tuc").mkdir(parents=True)
    (crawl / "tin-tuc" / "index.html").write_text(category_page(), encoding="utf-8")
    (crawl / "tin-tuc" / "moi-nhat.html").write_text(category_page(True), encoding="utf-8")
    (crawl / "van-hoa-xa-hoi").mkdir()
    shutil.copy(PORTAL_PAGE, crawl / "van-hoa-xa-hoi" / "phuong-bach-dang-123.html")
    result = run_import(site, crawl)
    assert result.returncode == 0, result.stderr
    assert "imported: 1; not articles: 2;" in result.stdout, result.stdout
    reason = "a list of 7 articles (links with dates), not an article"
    assert f"Not articles: {reason}" in result.stdout
    assert [p.name for p in imported_files(site)] == [
        "phuong-bach-dang-ra-quan-lam-sach-duong-pho.md"
    ]
    rows = {row["input"].rsplit("/", 1)[-1]: row for row in report(site)}
    for name in ("index.html", "moi-nhat.html"):  # the date after each title, or before
        assert rows[name]["outcome"] == "not an article"
        assert rows[name]["reason"].startswith(reason), rows[name]
        assert rows[name]["source_url"] == f"{PORTAL}/tin-tuc/{name}".replace("index.html", "")
    assert rows["phuong-bach-dang-123.html"]["outcome"] == "imported"


def test_an_article_with_a_few_dated_links_after_its_text_is_still_an_article(site, tmp_path):
    """What the generic extractor may bring along with an article ("Tin khác", three
    dated links to other pages) follows text of its own: the page is an article."""
    text = " ".join(["Sáng 5/3, phường Bạch Đằng tổ chức ra quân làm sạch đường phố."] * 6)
    others = "\n".join(teaser(*t) for t in TEASERS[:3])
    main = (
        '<div class="news-detail"><h1 class="title-detail">Phường Bạch Đằng ra quân</h1>'
        '<div class="date-detail">Ngày đăng 05/03/2020 | 09:15</div>'
        f'<div class="content-detail"><p>{text}</p><p>{text}</p></div>'
        f'<div class="tin-khac"><h2>Tin khác</h2>{others}</div></div>'
    )
    page = tmp_path / "bai.html"
    page.write_text(portal_page(main, "Phường Bạch Đằng ra quân"), encoding="utf-8")
    result = run_import(site, page, "--source-url", f"{PORTAL}/tin-tuc/bai.html")
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    assert "date: 2020-03-05T09:15:00+07:00" in written.read_text(encoding="utf-8")


def test_a_site_built_here_imports_back_to_exactly_its_articles(site, tmp_path):
    """Its home, archive, year, month, category, tag, search, feeds, about and 404 pages
    (17 "articles" for a site of 3) are not articles; nor are its old addresses' pages."""
    written = {
        "2019/04/tin-a.md": article(
            "Phường Bạch Đằng ra quân", "2019-04-19T16:54:00+07:00", category="Tin tức - Sự kiện",
            tags="[môi trường]", aliases='["/tin-tuc/tin-a-1.html"]',
        ),
        "2019/05/tin-b.md": article(
            "Phường Kim Mã trồng cây", "2019-05-02T08:00:00+07:00", category="Tin tức - Sự kiện"
        ),
        "2020/01/tin-c.md": article("Quận họp báo đầu năm", "2020-01-06T09:30:00+07:00"),
        "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n\nTrang giới thiệu lưu trữ.\n",
    }  # fmt: skip
    for rel, text in written.items():
        site.add(rel, text)
    assert site.build() == 0
    built = site.output
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 10  # lists of every kind, besides the 3 articles
    shutil.rmtree(site.content)
    site.content.mkdir()
    result = run_import(site, built)
    assert result.returncode == 0, result.stderr
    assert f"Pages seen: {len(pages)} " in result.stdout, result.stdout
    assert f"imported: 3; not articles: {len(pages) - 3};" in result.stdout, result.stdout
    titles = sorted(row["title"] for row in report(site) if row["outcome"] == "imported")
    assert len(imported_files(site)) == 3
    assert titles == ["Phường Bạch Đằng ra quân", "Phường Kim Mã trồng cây", "Quận họp báo đầu năm"]
    list_reason = "no article title where the newsarchive profile looks"
    for row in report(site):
        if row["outcome"] == "imported":
            assert row["profile"] == "newsarchive"
            continue
        assert row["outcome"] == "not an article", row
        assert list_reason in row["reason"] or "meta refresh" in row["reason"], row
        # A shipped profile is not the maintainer's to correct: no file of it is named.
        assert "is wrong" not in row["reason"] and "profiles" not in row["reason"], row
    skipped = {row["input"] for row in report(site) if row["outcome"] != "imported"}
    for page in ("index.html", "404.html", "luu-tru/index.html", "gioi-thieu/index.html"):
        assert str(built / page) in skipped


# A picture's name as an import gives it; the second, at the 40 characters it keeps of the
# portal's 2012_12_22_19_51_22_634918026820885107_Tăng cường hợp tác 1.jpg, cut between words.
@pytest.mark.parametrize("name", ["anh-ra-quan", "2012-12-22-19-51-22-634918026820885107"])
def test_an_article_of_a_site_built_here_comes_back_with_its_old_address_and_pictures(site, name):
    """The page states the portal's address under "Bài gốc": it was lost (with a note to
    give --source-url), and so the alias; a picture came back as <hash>-<hash>-name. A
    name at full length was cut to 40 characters again with the digest before it
    (`<hash>-2012-12-22-19-51-22.png`): a second copy under another name."""
    # A photo's bytes, as far as the importer cares (a 1x1 PNG is a placeholder's).
    picture = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    digest = hashlib.sha256(picture).hexdigest()
    media = f"media/{digest[:2]}/{digest[:16]}-{name}.png"
    (site.root / "static" / media).parent.mkdir(parents=True)
    (site.root / "static" / media).write_bytes(picture)
    address = f"{PORTAL}/tin-tuc/phuong-bach-dang-123.html"
    body = f"Sáng 19/4, phường Bạch Đằng ra quân.\n\n![Lực lượng ra quân](/{media})"
    site.add(
        "2019/04/phuong-bach-dang-ra-quan.md",
        article(
            "Phường Bạch Đằng ra quân", "2019-04-19T16:54:00+07:00", body,
            source_url=address, aliases="[/tin-tuc/phuong-bach-dang-123.html]",
        ),
    )  # fmt: skip
    assert site.build() == 0
    shutil.rmtree(site.content)
    shutil.rmtree(site.root / "static" / "media")
    site.content.mkdir()
    result = run_import(site, site.output)
    assert result.returncode == 0, result.stderr
    assert "imported: 1;" in result.stdout, result.stdout
    [written] = imported_files(site)
    text = written.read_text(encoding="utf-8")
    assert f"\nsource_url: {address}\n" in text
    assert "\naliases: [/tin-tuc/phuong-bach-dang-123.html]\n" in text
    assert f"](../../../{media})" in text  # the picture under its own name, once hashed
    assert (site.root / "static" / media).read_bytes() == picture
    assert "--source-url" not in result.stdout + result.stderr  # its pictures were found
    again = run_import(site, site.output)  # known by its address now
    assert "imported: 0;" in again.stdout and "already there: 1" in again.stdout, again.stdout


def test_a_malformed_link_in_an_article_does_not_fail_it(site, tmp_path):
    """Looking for teasers read every link's address: `http://[::1` raised ValueError,
    and the page failed ("report this page to the maintainers"), which imported before."""
    page = tmp_path / "hong.html"
    page.write_text(
        PORTAL_PAGE.read_text(encoding="utf-8").replace(
            "<p>Lực lượng chia thành 3 nhóm:</p>",
            '<p>Lực lượng chia thành 3 nhóm (<a href="http://[::1/x">xem</a>):</p>',
        ),
        encoding="utf-8",
    )
    result = run_import(site, page)
    assert result.returncode == 0, result.stderr
    assert "imported: 1;" in result.stdout and len(imported_files(site)) == 1
