"""`python build.py import FILE...`: old portal captures and saved pages become articles."""

import codecs
import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin
from xml.dom import minidom

import pytest
import yaml
from bs4 import BeautifulSoup
from capture_fixtures import windows_1258
from conftest import (
    REPO,
    SEED_CAPTURE,
    SEED_CONTENT,
    SHARED,
    SHARED_SEED_CAPTURE,
    SUBPROCESS_ENV,
    SiteDir,
    article,
    tree,
)
from test_seed_article import SEED_URL

from newsarchive.importing.encoding import decode_page

SEED_ARTICLE = SEED_CONTENT / (SEED_URL.rstrip("/") + ".md")
PORTAL_PAGE = REPO / "tests" / "data" / "old-portal-article.html"
PORTAL_URL = "https://quanhaibatrung.hanoi.gov.vn/van-hoa-xa-hoi/phuong-bach-dang-123.html"


def run_import(site, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "import", *map(str, args)],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )


def imported_files(site) -> list[Path]:
    return sorted(site.content.rglob("*.md"))


_VISCII = bytes([0xB8, 0xD5, 0xA4, 0xE7, 0x80, 0xA9, 0xC3, 0xD7])  # Vietnamese letters
# A page in VISCII, which Python has no codec for: import cannot read it.
VISCII_PAGE = (
    b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=VISCII">'
    b"<title>B%s</title></head><body><p>%s</p></body></html>" % (_VISCII, _VISCII * 20)
)


def three_pages(folder: Path, article: str = "bai.html", unreadable: str = "viscii.html") -> None:
    """Write into ``folder`` a page of each outcome of an import: the portal's article at
    ``article``, a VISCII page that fails at ``unreadable``, and at danh-sach.html a list
    linking the article, which is not one."""
    for path in (folder / article, folder / unreadable):
        path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(PORTAL_PAGE, folder / article)
    (folder / unreadable).write_bytes(VISCII_PAGE)
    listing = f'<html lang="vi"><body><ul><li><a href="{article}">Phường '
    listing += "Bạch Đằng</a></li></ul></body></html>"
    (folder / "danh-sach.html").write_text(listing, encoding="utf-8")


def test_the_repository_copy_of_the_seed_capture_is_the_original():
    if not SHARED_SEED_CAPTURE.exists():
        pytest.skip(f"no shared seeds folder beside this clone ({SHARED_SEED_CAPTURE.parent})")
    assert SEED_CAPTURE.read_bytes() == SHARED_SEED_CAPTURE.read_bytes()


def test_importing_the_seed_capture_gives_the_committed_article(site):
    result = run_import(site, SEED_CAPTURE)
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    assert written.relative_to(site.content) == SEED_ARTICLE.relative_to(SEED_CONTENT)
    assert written.read_bytes() == SEED_ARTICLE.read_bytes()
    # The seed holds nothing the importer had to guess; a text capture has no address.
    assert unsaid_but_the_address(result.stderr) == []
    assert written.relative_to(site.root).as_posix() in result.stdout


def test_an_import_from_a_portal_site_yaml_does_not_name_says_the_line_to_add(site):
    """Without original_site, an import from a portal said nothing of it, and `check`
    "no problems" of an archive linking the portal that will go dark: the import says
    the line to add to site.yaml, once it is there nothing."""
    result = run_import(site, PORTAL_PAGE, "--source-url", PORTAL_URL)
    assert result.returncode == 0, result.stderr
    assert "site.yaml: warning: the articles' original pages (source_url) are all on" in (
        result.stderr
    )
    line = "add this line to site.yaml: original_site: https://quanhaibatrung.hanoi.gov.vn/"
    assert line in result.stderr, result.stderr
    site.configure(original_site="https://quanhaibatrung.hanoi.gov.vn/")
    for written in imported_files(site):
        written.unlink()
    result = run_import(site, PORTAL_PAGE, "--source-url", PORTAL_URL)
    assert result.returncode == 0 and "original_site" not in result.stderr, result.stderr


def test_an_address_in_capitals_is_imported_as_a_browser_writes_it(site):
    """--source-url HTTPS://… was refused ("must start with http:// or https://") where
    site.yaml and source_url: take it: one rule (config.web_address_problem), and the
    scheme and host written small, as the crawl's addresses are compared."""
    capitals = PORTAL_URL.replace("https://quanhaibatrung.hanoi", "HTTPS://QuanHaiBaTrung.Hanoi")
    result = run_import(site, PORTAL_PAGE, "--source-url", capitals)
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    assert f"source_url: {PORTAL_URL}\n" in written.read_text(encoding="utf-8")
    result = run_import(site, PORTAL_PAGE, "--source-url", "https:///van-hoa-xa-hoi/a.html")
    assert result.returncode == 2, result.stderr
    assert "--source-url 'https:///van-hoa-xa-hoi/a.html' has no host name after the //" in (
        result.stderr
    )


def test_an_import_into_an_archive_of_several_hosts_names_none_of_them(site):
    """A page of a newspaper imported into a portal's archive (or the reverse) is not
    the archive's portal: the import said "are all on" the page's host, and the line to
    add, for a site.yaml that may name either; `check`, which weighs every article,
    says it when one host is left."""
    site.add(
        "2021/01/bao.md",
        article("Tin báo", "2021-01-05 10:00", source_url="https://vnexpress.net/tin-1.html"),
    )
    result = run_import(site, PORTAL_PAGE, "--source-url", PORTAL_URL)
    assert result.returncode == 0, result.stderr
    assert imported_files(site), result.stderr
    assert "original_site" not in result.stderr, result.stderr


def test_correcting_the_title_of_an_imported_article_keeps_its_address(site, capsys):
    """Import wrote no `slug:` line when the address was the title's: an archivist who
    corrected a misspelt title moved the article, and the portal's citations of the
    archive's address led nowhere. It writes the line, as `new` does."""
    assert run_import(site, PORTAL_PAGE, "--source-url", PORTAL_URL).returncode == 0
    [written] = imported_files(site)
    assert site.build("--no-search") == 0
    before = sorted(p.relative_to(site.output) for p in site.output.rglob("index.html"))
    text = written.read_text(encoding="utf-8")
    title = re.search(r"(?m)^title: (.*)$", text).group(1)
    corrected = title[:-1] + ' (sửa)"' if title.endswith('"') else f"{title} (sửa)"
    written.write_text(text.replace(f"title: {title}", f"title: {corrected}", 1), "utf-8")
    capsys.readouterr()
    assert site.build("--no-search", "--strict") == 0, capsys.readouterr().err
    after = sorted(p.relative_to(site.output) for p in site.output.rglob("index.html"))
    assert after == before


def test_a_built_article_page_imports_back_to_the_same_article(seed_site, tmp_path):
    """A saved HTML page: our own rendering of the seed must import to the same file."""
    assert seed_site.build() == 0
    saved = tmp_path / "saved-page.html"
    shutil.copy(seed_site.output / SEED_URL / "index.html", saved)
    shutil.rmtree(seed_site.content)
    seed_site.content.mkdir()
    result = run_import(seed_site, saved)
    assert result.returncode == 0, result.stderr
    [written] = imported_files(seed_site)
    assert written.read_bytes() == SEED_ARTICLE.read_bytes()


def test_a_page_named_alone_that_is_not_imported_fails_with_what_to_do(site, tmp_path):
    """Named alone, the page is meant as an article: a profile whose title selector
    matched nothing on it imported nothing, with exit code 0. In a folder, such pages
    (lists, logins) are counted, and the import succeeds."""
    page = PORTAL_PAGE.read_text(encoding="utf-8")
    site.add_profile(
        "cu.yaml",
        "name: cu\nmarkers:\n  hosts: [quanhaibatrung.hanoi.gov.vn]\n"
        "title: h1.tieu-de-khong-co\ndate: span.date\nbody: div.content\n",
    )
    alone = run_import(site, PORTAL_PAGE, "--source-url", PORTAL_URL)
    assert alone.returncode == 1, alone.stdout
    assert (
        f"{PORTAL_PAGE}: error: not imported: no article title where the cu profile looks "
        "(h1.tieu-de-khong-co)"
    ) in alone.stderr
    assert "how to fix: if it is an article, read it with the site profile" in alone.stderr
    assert imported_files(site) == []
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "bai.html").write_text(page, encoding="utf-8")
    listing = '<html lang="vi"><body><ul><li><a href="bai.html">Phường Bạch Đằng</a></li></ul>'
    listing += "</body></html>"
    (crawl / "danh-sach.html").write_text(listing, encoding="utf-8")
    result = run_import(site, crawl)
    assert result.returncode == 0, result.stderr
    assert "imported: 1; not articles: 1;" in result.stdout
    assert "(1, e.g. danh-sach.html)" in result.stdout  # from the folder imported


def test_a_page_named_alone_and_skipped_is_told_the_fix_of_its_reason_and_counted_failed(
    site, tmp_path
):
    """Every page named alone and left out was told to read it with another site profile,
    even an English page (whose reason says --all-languages), a redirect page or a picture
    saved as .html; and the summary said 'not articles: 1; failed: 0' with exit code 1."""
    moved = tmp_path / "moved.html"
    moved.write_text(
        '<html><head><meta http-equiv="refresh" content="0;URL=/bai-moi.html"></head>'
        "<body><p>Trang đã chuyển.</p></body></html>",
        encoding="utf-8",
    )
    picture = tmp_path / "anh.html"
    picture.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    english = SHARED / "import-samples" / "H-sotttt-eng-3159471.html"
    fixes = {
        moved: "import the page at the address it sends the reader to",
        picture: "give the article's web page (.html) or text capture (.txt)",
    }
    if english.exists():  # the shared samples beside the clone
        fixes[english] = "import it again with --all-languages"
    for page, fix in fixes.items():
        result = run_import(site, page)
        assert result.returncode == 1
        assert f"{page}: error: not imported: " in result.stderr
        assert f"how to fix: {fix}" in result.stderr, result.stderr
        assert "--profile NAME" not in result.stderr
        assert "not articles: 0; already there: 0; failed: 1" in result.stdout, result.stdout
        assert '"outcome": "failed"' in (site.root / "import-report.jsonl").read_text("utf-8")
    assert imported_files(site) == []


def test_redirect_pages_are_not_articles_and_a_page_that_reloads_itself_is(site, tmp_path):
    """A page whose meta refresh sends the reader on within seconds (our old address's
    page, a crawler's capture of a moved page) is not an article; one that reloads itself
    every five minutes, as portals' pages do, is still read."""
    text = article("Phường Kim Mã ra quân", "2021-03-02T08:00:00+07:00",
                   aliases='["/tin-tuc/kim-ma-123.html"]')  # fmt: skip
    source = site.add("2021/03/phuong-kim-ma-ra-quan.md", text)
    assert site.build() == 0
    built = site.output / "2021/03/phuong-kim-ma-ra-quan/index.html"
    alias, moved, reloads = (tmp_path / f"{n}.html" for n in ("alias", "moved", "reloads"))
    shutil.copy(site.output / "tin-tuc/kim-ma-123.html", alias)
    moved.write_text(
        '<html><head><meta http-equiv="Refresh" content="3;URL=\'/bai-moi.html\'">'
        "<title>Bài viết đã chuyển</title></head><body><p>Trang đã chuyển tới địa chỉ mới, "
        "xin chờ trong giây lát.</p></body></html>",
        encoding="utf-8",
    )
    page = built.read_text(encoding="utf-8")
    reloads.write_text(page.replace("<head>", '<head><meta http-equiv="refresh" content="300">'))
    source.unlink()
    result = run_import(site, alias, moved, reloads)
    assert result.returncode == 0, result.stderr
    assert "not articles: 2" in result.stdout and "meta refresh" in result.stdout, result.stdout
    assert "(2, e.g. alias.html)" in result.stdout  # named (from their folder), not only counted
    assert [p.name for p in imported_files(site)] == ["phuong-kim-ma-ra-quan.md"]


@pytest.mark.parametrize(
    ("given", "line"),
    [
        ({"author": "Lê Phương"}, "\nauthor: Lê Phương\n"),
        ({"tags": "[cán bộ, y tế]"}, "\ntags: [cán bộ, y tế]\n"),
    ],
)
def test_a_built_page_imports_back_with_its_author_and_tags(site, tmp_path, given, line):
    """The author is shown under the title, the tags under the text as links to their
    pages, outside the text: they come back as `author` and `tags`, not lost on the way
    from an archive to another."""
    text = article("Phường Kim Mã ra quân", "2021-03-02T08:00:00+07:00", **given)
    source = site.add("2021/03/phuong-kim-ma-ra-quan.md", text)
    assert site.build() == 0
    saved = tmp_path / "saved-page.html"
    shutil.copy(site.output / "2021/03/phuong-kim-ma-ra-quan/index.html", saved)
    source.unlink()
    result = run_import(site, saved)
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    assert line in written.read_text(encoding="utf-8")


def test_a_saved_portal_page_keeps_its_text_structure_and_links(site):
    result = run_import(site, PORTAL_PAGE, "--source-url", PORTAL_URL)
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    assert f"source_url: {PORTAL_URL}" in written.read_text(encoding="utf-8")

    # No site profile fits this page: the generic extractor read it, and says so; what it
    # left out (the share box, the iframe) it cannot name.
    for fragment in ("generic extractor", "VĂN HÓA - XÃ HỘI", "import_categories"):
        assert fragment in result.stderr, f"{fragment!r} not reported:\n{result.stderr}"

    assert site.build() == 0
    original = BeautifulSoup(PORTAL_PAGE.read_text(encoding="utf-8"), "html.parser")
    body = original.select_one("#noidung")
    url = written.relative_to(site.content).with_suffix("").as_posix() + "/index.html"
    page = BeautifulSoup(site.read(url), "html.parser")
    built = page.select_one(".article-body")

    assert page.h1.get_text() == original.h1.get_text()
    assert page.time["datetime"] == "2020-03-05T09:15:00+07:00"
    assert page.select_one(".breadcrumbs li:last-child").get_text() == "Văn hóa - Xã hội"

    def texts(root, selector):
        return [" ".join(e.get_text().split()) for e in root.select(selector)]

    lead = texts(original, ".sapo p")
    assert texts(built, "p")[: len(lead) + 2] == lead + texts(body, ":scope > p")[:2]
    assert texts(built, "li") == texts(body, "li")
    # The page's sections are <h3>, under its <h1>: raised to follow the title.
    assert not body.select("h1, h2") and texts(built, "h2") == texts(body, "h3")
    assert texts(built, "td, th") == texts(body, "td")
    assert built.select_one("p:last-of-type").get_text() == body.select("p")[-1].get_text()
    assert built.select_one("em").get_text() == body.select_one("em").get_text()

    links = {a.get_text(): a["href"] for a in built.select("a")}
    assert links == {a.get_text(): urljoin(PORTAL_URL, a["href"]) for a in body.select("a")}
    image = built.select_one("img")
    assert image["src"] == urljoin(PORTAL_URL, body.img["src"])
    assert image["alt"] == body.img["alt"]
    assert not built.select("iframe, script")
    assert "trackView" not in site.read(url)


def test_end_tags_that_old_pages_leave_out_make_no_difference(site, tmp_path):
    """Browsers close <p>, <li> and <td> by themselves; so must the importer."""
    html = PORTAL_PAGE.read_text(encoding="utf-8")
    messy = tmp_path / "messy.html"
    messy.write_text(re.sub(r"</(p|li|td|tr)>", "", html), encoding="utf-8")
    assert messy.read_text(encoding="utf-8") != html
    tidy = run_import(site, PORTAL_PAGE)
    assert tidy.returncode == 0, tidy.stderr
    [written] = imported_files(site)
    expected = written.read_bytes()
    written.unlink()
    result = run_import(site, messy)
    assert result.returncode == 0, result.stderr
    assert written.read_bytes() == expected


MARKDOWN_LOOKALIKES = [
    "# Không phải tiêu đề",
    "> không phải trích dẫn",
    "- không phải danh sách",
    "1. Không phải danh sách số",
    "*nhấn* và _gạch_ và **đậm** và `mã` và snake_case",
    "[liên kết](http://example.vn) và ![ảnh](a.png)",
    "<b>thẻ</b> & AT&T &copy; &amp; 100% <3",
    "C:\\thư mục\\tệp {: .lớp} [^1] *[HTML]: chữ",
    ": định nghĩa",
    "---",
    "===",
]


def capture(category: str, title: str, date_line: str, paragraphs: list[str]) -> str:
    return "\n".join([category, "", title, date_line, "", "\n\n".join(paragraphs), ""])


def test_a_text_capture_without_an_address_is_said_to_have_none_as_a_page_is(site, tmp_path):
    """A page whose address nothing tells gets a note saying so, and how to give it; a
    text capture, which never says its address, was imported without a word ("notes":
    [], no source_url), its old address leading nowhere unsaid. Imported again with
    --source-url, it is there already, with the aliases: line that gives it the address."""
    page = tmp_path / "bai1.txt"
    page.write_text(
        capture("TIN TỨC - SỰ KIỆN", "Bài thử", "Ngày đăng 19/12/2019 | 4:54 PM", ["Đoạn một."]),
        encoding="utf-8",
    )
    result = run_import(site, page)
    assert result.returncode == 0, result.stderr
    [line] = [json.loads(x) for x in (site.root / "import-report.jsonl").read_text().splitlines()]
    [note] = line["notes"]
    assert "does not say its original address" in note and "--source-url" in note, note
    assert note in result.stderr
    address = "https://hbt.hanoi.gov.vn/tin-tuc/bai-thu-123.html"
    again = run_import(site, page, "--source-url", address)
    assert again.returncode == 0, again.stderr
    assert "'aliases: [/tin-tuc/bai-thu-123.html]'" in again.stderr, again.stderr


def test_a_capture_with_a_12_hour_clock_imports_and_an_unreadable_date_names_its_line(
    site, tmp_path
):
    """Liferay portals print 'Ngày đăng 19/04/2019 | 4:54 PM': its text capture failed with
    "found no line 'Ngày đăng...'", and no line. It imports at 16:54; a date line whose
    date cannot be read is named by its line, with what was not understood."""
    liferay = tmp_path / "liferay.txt"
    liferay.write_text(
        capture("TIN TỨC - SỰ KIỆN", "Bài thử", "Ngày đăng 19/04/2019 | 4:54 PM", ["Đoạn một."]),
        encoding="utf-8",
    )
    result = run_import(site, liferay)
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    assert "date: 2019-04-19T16:54:00+07:00\n" in written.read_text(encoding="utf-8")
    assert result.stderr.count("note: ") == 1 and "original address" in result.stderr
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(
        capture("TIN TỨC - SỰ KIỆN", "Bài sai", "Ngày đăng 31/02/2019 | 4:54 PM", ["Đoạn."]),
        encoding="utf-8",
    )
    failed = run_import(site, wrong)
    assert failed.returncode == 1
    assert (
        f"{wrong}:4: error: the date line's '31/02/2019 | 4:54 PM' cannot be read as a date"
    ) in failed.stderr, failed.stderr
    assert "found no line" not in failed.stderr
    assert imported_files(site) == [written]


def test_captured_text_that_looks_like_markdown_stays_text(site, tmp_path):
    source = tmp_path / "capture.txt"
    paragraphs = [*MARKDOWN_LOOKALIKES, "Dòng một\nDòng hai: có ngắt dòng"]
    source.write_text(
        capture("TIN TỨC - SỰ KIỆN", "Tin *thử*", "Ngày đăng 01/02/2021 | 08:05", paragraphs),
        encoding="utf-8",
    )
    result = run_import(site, source)
    assert result.returncode == 0, result.stderr
    assert site.build() == 0
    [page] = site.output.glob("2021/02/*/index.html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.h1.get_text() == "Tin *thử*"
    assert [p.get_text() for p in soup.select(".article-body p")] == paragraphs
    assert not soup.select(".article-body :is(h1, h2, blockquote, ul, ol, dl, hr, code, em, a)")


def test_a_note_quoting_a_colon_is_not_cut_at_it(site, tmp_path):
    """The notes are grouped by what they say before their first ': ' (report.
    grouped_notes); a category printed with a colon ('TIN: VĂN HÓA') cut the notes on two
    pages inside the quote: "note: unknown category 'TIN (2 on 2 pages):", then "VĂN HÓA
    SỐ 1' was written as …". A quote or a bracket left open is not where a note is cut."""
    pages = []
    for n in (1, 2):
        pages.append(tmp_path / f"p{n}.txt")
        day = f"Ngày đăng 01/02/2021 | 08:0{n}"
        pages[-1].write_text(capture(f"TIN: VĂN HÓA SỐ {n}", f"Tin {n}", day, ["A."]))
    result = run_import(site, *pages)
    assert result.returncode == 0, result.stderr
    for n, page in enumerate(pages, 1):
        said = f"\n{page.name}: note: unknown category 'TIN: VĂN HÓA SỐ {n}' was"
        assert said in result.stderr, result.stderr  # named from their folder
    # The line the note gives to write in site.yaml is YAML that reads as the category
    # (written as printed, 'TIN: VĂN HÓA SỐ 1: Tin: văn hóa số 1' was a YAML error).
    line = re.search(r"e\.g\. (.*)$", result.stderr, re.M).group(1)
    written = yaml.safe_load(f"import_categories:\n{line}")["import_categories"]
    assert written == {"TIN: VĂN HÓA SỐ 1": "Tin: văn hóa số 1"}, line


def test_categories_are_mapped_or_converted_and_reported(site, tmp_path):
    config = site.root / "site.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "  PHƯỜNG - XÃ: Phường, xã\n", encoding="utf-8"
    )
    known = tmp_path / "known.txt"
    known.write_text(capture("PHƯỜNG - XÃ", "Tin A", "Ngày đăng 01/02/2021 | 08:05", ["A."]))
    unknown = tmp_path / "unknown.txt"
    unknown.write_text(capture("VĂN HÓA - XÃ HỘI", "Tin B", "Ngày đăng 01/02/2021 | 09:00", ["B."]))

    result = run_import(site, known, unknown)
    assert result.returncode == 0, result.stderr
    texts = {p.stem: p.read_text(encoding="utf-8") for p in imported_files(site)}
    assert "category: Phường, xã\n" in texts["tin-a"]
    assert "category: Văn hóa - Xã hội\n" in texts["tin-b"]
    assert "/known.txt: note" not in result.stderr
    assert "unknown.txt: note: unknown category 'VĂN HÓA - XÃ HỘI'" in result.stderr


def test_what_cannot_be_read_is_refused_not_guessed(site, tmp_path):
    no_date = tmp_path / "no-date.txt"
    no_date.write_text("TIN TỨC\n\nTiêu đề\nĐăng hôm qua\n\nNội dung.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(capture("TIN TỨC - SỰ KIỆN", "Tin C", "Ngày đăng 31/12/2020 | 23:59", ["C."]))

    result = run_import(site, no_date, good)
    assert result.returncode == 1
    assert "no-date.txt: error: found no line 'Ngày đăng" in result.stderr
    assert [p.name for p in imported_files(site)] == ["tin-c.md"]
    assert imported_files(site)[0].parent.as_posix().endswith("2020/12")


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        # warcio read any text as a record cut short: "crawl again or take a complete copy".
        ("notes.warc", b"Ghi chep\n", "not a WARC file: it does not begin with 'WARC/1.0'"),
        ("rong.warc.gz", gzip.compress(b"<html>x</html>", mtime=0), "not a WARC file"),
        # Read as a text capture: "found no line 'Ngày đăng dd/mm/yyyy | HH:MM'".
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "not a page: a .svg file"),
        ("bai.mhtml", b"MIME-Version: 1.0\r\n", "save it as 'Web page, complete'"),
        # "a file renamed to .warc is not one", and zipfile's "File is not a zip file".
        ("crawl.warc.gz", b"", "the file is empty (0 bytes): its download or copy did not"),
        ("crawl.wacz", b"", "the file is empty (0 bytes): its download or copy did not"),
        ("cut.wacz", b"PK\x03\x04" + b"\0" * 40, "the WACZ file is cut off or damaged"),
        # A crawl folder packed to be sent: "give the web pages, the crawl's folder or its
        # WARC file", and the .tar.gz named a ".gz file".
        ("crawl.zip", b"PK\x05\x06" + b"\0" * 18, "unpack it and import the folder it holds"),
        ("crawl.tar.gz", gzip.compress(b"\0" * 512, mtime=0), "a .tar.gz file is neither"),
        # "cannot be read to its end ('NoneType' object has no attribute 'startswith')".
        ("bad.warc", b"WARC/1.0\r\nWARC-Type: response\r\n\r\n", "the record at byte 0 is damaged"),
    ],
    ids=[
        "text as .warc",
        "html as .warc.gz",
        "picture",
        "single-file page",
        "empty WARC",
        "empty WACZ",
        "WACZ cut off",
        "zipped folder",
        "tarred folder",
        "WARC header alone",
    ],
)
def test_a_file_that_is_no_page_or_crawl_is_said_to_be_none(site, tmp_path, name, data, said):
    given = tmp_path / name
    given.write_bytes(data)
    result = run_import(site, given)
    assert result.returncode == 1
    assert f"{name}: error: " in result.stderr and said in result.stderr
    assert "Ngày đăng" not in result.stderr and "object has no attribute" not in result.stderr
    # Nothing else was there to import: not "the others were", nor a summary of zeros
    # ("Pages seen: 0 (0 other file(s) of the crawl…)") and why no report was written.
    assert "nothing was imported." in result.stderr and "the others were" not in result.stderr
    assert result.stdout == "" and "report" not in result.stderr, result.stdout
    assert imported_files(site) == []


def test_a_folder_with_no_page_is_said_not_imported_as_nothing(site, tmp_path):
    """An empty or mistyped crawl folder gave exit 0 and a summary of zeros."""
    (tmp_path / "crawl" / "anh").mkdir(parents=True)
    (tmp_path / "crawl" / "anh" / "a.jpg").write_bytes(b"\xff\xd8")
    result = run_import(site, tmp_path / "crawl")
    assert result.returncode == 1
    assert "crawl: error: found no web page (.html, .htm, .php, .aspx…)" in result.stderr
    assert "(only 1 other file(s))" in result.stderr
    assert result.stdout == "" and "report" not in result.stderr, result.stdout


def test_copies_of_one_page_in_a_crawl_are_one_line_of_the_summary(site, tmp_path):
    """Each "already there" names the article it matched; the copies a crawl holds of one
    page (http and https, two sections) are still counted on one line, not one each."""
    crawl = tmp_path / "crawl"
    for name in ("a", "b", "c"):
        (crawl / name).mkdir(parents=True)
        shutil.copy(PORTAL_PAGE, crawl / name / "bai.html")
    result = run_import(site, crawl)
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    said = [line for line in result.stdout.splitlines() if line.startswith("Already there:")]
    assert said == [
        "Already there: an article has this title and date, imported earlier in this run "
        f"(2, e.g. b/bai.html: {written.relative_to(site.root)})"
    ], result.stdout


def test_the_pages_of_a_crawl_are_named_from_the_folder_imported(site, tmp_path):
    """An archivist imports a crawl kept outside the archive, named by its full path (as a
    shell's ~ and a file manager give it): each error and the summary's example repeated
    that path before each page's, '/home/…/crawls/www.host/tin-tuc/…: error: …'. Every
    message now names a page from the folder imported, said once above (as the lines
    of the articles written and the notes already did)."""
    crawl = tmp_path / "crawls" / "quanhaibatrung.hanoi.gov.vn"
    three_pages(crawl, "van-hoa-xa-hoi/bai.html", "tin-tuc/viscii.html")
    result = run_import(site, crawl.resolve())
    assert result.returncode == 1, result.stderr
    folder = f"{crawl.resolve()}/"
    assert result.stdout.splitlines()[:2] == [
        f"Pages of {folder}:",
        "van-hoa-xa-hoi/bai.html -> content/2020/03/phuong-bach-dang-ra-quan-lam-sach-duong-pho.md",
    ], result.stdout
    assert "not articles: 1;" in result.stdout
    assert "(1, e.g. danh-sach.html)" in result.stdout, result.stdout
    assert f"Problems (the pages are named from {folder}):" in result.stderr, result.stderr
    assert "\ntin-tuc/viscii.html: error: the file is not UTF-8 text" in result.stderr
    said = [line for line in (result.stdout + result.stderr).splitlines() if folder in line]
    assert said == [
        f"Pages of {folder}:",
        f"Notes (the pages are named from {folder}):",
        f"Problems (the pages are named from {folder}):",
    ], said


@pytest.mark.parametrize("spelt", ["from the site's folder", "absolute, as a shell's * gives"])
def test_pages_given_one_by_one_from_one_folder_are_named_from_it(site, tmp_path, spelt):
    """An archivist imports pages saved outside the archive one by one, spelt
    `$PWD/../saved/a.html $PWD/../saved/b.html` or as a shell expands `/abs/saved/*.html`:
    each line repeated the folder's path before the page's, as for a folder it no longer
    does. Several paths all in one folder are named from that folder (the deepest one
    holding them all), said once above, as one folder given is."""
    saved = tmp_path / "saved"
    three_pages(saved)
    folder = f"{site.root}/../saved" if spelt.startswith("from") else str(saved.resolve())
    pages = [f"{folder}/{name}" for name in ("bai.html", "danh-sach.html", "viscii.html")]
    result = run_import(site, *pages)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[:2] == [
        f"Pages of {folder}/:",
        "bai.html -> content/2020/03/phuong-bach-dang-ra-quan-lam-sach-duong-pho.md",
    ], result.stdout
    assert "(1, e.g. danh-sach.html)" in result.stdout, result.stdout
    assert "\nviscii.html: error: the file is not UTF-8 text" in result.stderr, result.stderr
    said = [line for line in (result.stdout + result.stderr).splitlines() if folder in line]
    assert said == [
        f"Pages of {folder}/:",
        f"Notes (the pages are named from {folder}/):",
        f"Problems (the pages are named from {folder}/):",
    ], said
    # Of two folders, from the one holding both; with one spelt from the current folder,
    # each as the build names files (they share no folder as spelt).
    (tmp_path / "other").mkdir()
    shutil.copy(saved / "danh-sach.html", tmp_path / "other" / "danh-sach.html")
    apart = run_import(site, saved / "viscii.html", tmp_path / "other" / "danh-sach.html")
    assert f"Problems (the pages are named from {tmp_path}/):\nsaved/viscii.html: " in (
        apart.stderr
    )
    shutil.copy(saved / "danh-sach.html", site.root / "danh-sach.html")
    mixed = run_import(site, saved / "viscii.html", "danh-sach.html")
    assert mixed.stderr.startswith(f"{saved / 'viscii.html'}: error: the file is not UTF-8")
    assert "named from" not in mixed.stdout + mixed.stderr


def test_a_date_that_cannot_be_read_is_said_with_the_forms_to_write(site, tmp_path):
    result = run_import(site, PORTAL_PAGE, "--date", "hôm qua")
    assert result.returncode == 2
    assert "--date: 'hôm qua' is not a date I can read; write it as 2019-04-19 16:54" in (
        result.stderr
    )


def test_a_date_with_a_day_out_of_range_names_the_day_to_check(site):
    result = run_import(site, PORTAL_PAGE, "--date", "31/02/2021 10:00")
    assert result.returncode == 2
    assert (
        "--date: '31/02/2021 10:00' is not a real date (February 2021 has 28 days, not 31); "
        "check the day and the month\n"
    ) in result.stderr


def test_pages_named_one_by_one_are_not_said_to_be_a_crawl(site, tmp_path):
    """Pages named one by one were summed up as "Pages seen: 2 (0 other file(s) of the
    crawl not pages)", their pictures "not in the crawl", though there was no crawl."""
    result = run_import(site, PORTAL_PAGE, "--source-url", PORTAL_URL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:3] == [
        "Pages seen: 1 (named one by one, not a crawl); imported: 1; not articles: 0; "
        "already there: 0; failed: 0",
        "Media: 0 file(s) copied to static/media (0 link(s) to copies), 1 not beside the "
        "page(s) (still linked to the old site)",
    ], result.stdout
    assert (
        "note: not beside the page, still linked to the old site: "
        "https://quanhaibatrung.hanoi.gov.vn/Uploads/2020/3/ra-quan.jpg"
    ) in result.stderr
    # (Of the page's own path, whose folders may be named so: /work/crawl/…)
    assert "crawl" not in result.stderr.replace(str(PORTAL_PAGE), "")
    # Two pages named: the same words.
    other = tmp_path / "khac.html"
    other.write_text(PORTAL_PAGE.read_text(encoding="utf-8").replace("Bạch Đằng", "Bách Khoa"))
    second = run_import(site, PORTAL_PAGE, other)
    assert "Pages seen: 2 (named one by one, not a crawl); " in second.stdout, second.stdout


def test_an_imported_article_is_never_overwritten(site):
    assert run_import(site, SEED_CAPTURE).returncode == 0
    [written] = imported_files(site)
    written.write_text(written.read_text(encoding="utf-8") + "\nSửa tay.\n", encoding="utf-8")
    edited = written.read_bytes()
    again = run_import(site, SEED_CAPTURE)
    # Already imported (same title and date, as a text capture has no address): skipped.
    assert again.returncode == 0, again.stderr
    assert "already there: 1" in again.stdout
    assert written.read_bytes() == edited
    assert imported_files(site) == [written]


@pytest.mark.parametrize("first_with_address", [True, False])
def test_the_same_page_with_and_without_its_address_is_one_article(site, first_with_address):
    """Where the page or the article has no address, the same title and date is the same
    article: "already there", not a second copy under another name."""
    with_address = (PORTAL_PAGE, "--source-url", PORTAL_URL)
    first, second = (with_address, (PORTAL_PAGE,))[:: 1 if first_with_address else -1]
    assert run_import(site, *first).returncode == 0
    [written] = imported_files(site)
    before = written.read_bytes()
    again = run_import(site, *second)
    assert again.returncode == 0, again.stderr
    assert "already there: 1" in again.stdout, again.stdout
    assert imported_files(site) == [written] and written.read_bytes() == before


def test_one_page_imported_again_under_another_address_is_the_same_article(site, tmp_path):
    """A saved page imported with --source-url, then again with another (a mistyped one
    corrected, or the portal's other category): the same title, date and text is the same
    article, "already there", and the other address is named as one to add to its aliases.
    Another article with the same title and date but its own text is imported."""
    assert run_import(site, PORTAL_PAGE, "--source-url", PORTAL_URL).returncode == 0
    [written] = imported_files(site)
    before = written.read_bytes()
    other_url = "https://quanhaibatrung.hanoi.gov.vn/tin-tuc/bach-dang-moi-456.html"
    again = run_import(site, PORTAL_PAGE, "--source-url", other_url)
    assert again.returncode == 0, again.stderr
    assert "already there: 1" in again.stdout, again.stdout
    assert imported_files(site) == [written] and written.read_bytes() == before
    assert "/tin-tuc/bach-dang-moi-456.html" in again.stdout + again.stderr
    # No crawl recorded it: the archivist gave it.
    assert "as the crawl or --source-url gives it" in again.stdout + again.stderr

    html = PORTAL_PAGE.read_text(encoding="utf-8")
    first_word = re.search(r"<p>([^<\s]+)", html).group(1)
    other = tmp_path / "other.html"
    other.write_text(html.replace(f"<p>{first_word}", "<p>Thông báo khác", 1), encoding="utf-8")
    third = "https://quanhaibatrung.hanoi.gov.vn/tin-tuc/thong-bao-khac-789.html"
    result = run_import(site, other, "--source-url", third)
    assert result.returncode == 0, result.stderr
    assert "imported: 1" in result.stdout, result.stdout
    assert len(imported_files(site)) == 2


def test_a_page_cut_short_is_not_imported_as_a_whole_article(site, tmp_path):
    """A copy that stopped midway (no </body>, no </html>) would pass for the whole article
    and stay so: it fails, named, with its fix; the whole page then imports."""
    whole = PORTAL_PAGE.read_bytes()
    cut = tmp_path / "cut.html"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    result = run_import(site, cut, "--source-url", PORTAL_URL)
    assert result.returncode == 1
    assert f"{cut}: error: the page is cut short" in result.stderr, result.stderr
    assert "copy or crawl the page again, whole" in result.stderr
    assert "Traceback" not in result.stderr and imported_files(site) == []
    assert run_import(site, PORTAL_PAGE, "--source-url", PORTAL_URL).returncode == 0
    assert len(imported_files(site)) == 1


def test_source_url_names_one_page(site, tmp_path):
    again = run_import(site, SEED_CAPTURE, PORTAL_PAGE, "--source-url", PORTAL_URL)
    assert again.returncode == 2
    assert "--source-url" in again.stderr
    assert imported_files(site) == []


def test_a_built_page_of_an_article_without_category_imports_back_without_one(site, tmp_path):
    """The page's trail then ends at the article's month: that is not a category."""
    site.add(
        "2021/03/le-ky-niem.md", article("Lễ kỷ niệm ngày thành lập", "2021-03-05", tags="[lễ hội]")
    )
    assert site.build() == 0
    saved = tmp_path / "saved.html"
    [page] = (site.output / "2021" / "03").glob("*/index.html")
    shutil.copy(page, saved)
    shutil.rmtree(site.content)
    site.content.mkdir()
    result = run_import(site, saved)
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    text = written.read_text(encoding="utf-8")
    assert 'title: "Lễ kỷ niệm ngày thành lập"\n' in text
    assert "category" not in text
    assert "Nội dung bài viết." in text


def test_control_characters_of_a_page_never_reach_the_article(site, tmp_path):
    """No page or feed may hold them, and the build refuses them: Word's line break
    becomes a space, the others are left out, and a note says which there were."""
    source = tmp_path / "word.txt"
    source.write_text(
        capture(
            "TIN TỨC - SỰ KIỆN",
            "Tin\x01 thử",
            "Ngày đăng 01/02/2021 | 08:05",
            ["Dòng một\x0bdòng hai.", "Ba\x1b bốn\x7f."],
        ),
        encoding="utf-8",
    )
    result = run_import(site, source)
    assert result.returncode == 0, result.stderr
    assert "word.txt: note: the page holds invisible control characters" in result.stderr
    assert "U+000B (a line break from Word's Shift+Enter)" in result.stderr
    [written] = imported_files(site)
    text = written.read_text(encoding="utf-8")
    assert 'title: "Tin thử"' in text
    assert "Dòng một dòng hai.\n\nBa bốn.\n" in text
    assert site.build() == 0
    minidom.parse(str(site.output / "feed.xml"))  # well-formed XML


def test_import_writes_only_into_a_folder_of_articles(site):
    result = run_import(site, SEED_CAPTURE, "--content", "_site")
    assert result.returncode == 1
    assert "import cannot write articles into" in result.stderr
    assert "output folder" in result.stderr
    assert not (site.root / "_site").exists()


def test_import_writes_nothing_into_serves_preview(site):
    """serve's folder, .cache/serve: its next rebuilds deleted what was imported there."""
    site.add("2020/01/bai.md", "---\ntitle: Bài\ndate: 2020-01-02 08:00\n---\n\nNội dung.\n")
    assert site.build("--output", str(site.root / ".cache" / "serve")) == 0  # as serve does
    before = sorted(site.root.rglob("*"))
    result = run_import(site, SEED_CAPTURE, "--content", ".cache/serve")
    assert result.returncode == 1, result.stdout
    assert "import cannot write articles into" in result.stderr
    assert ".cache/serve, a folder a build writes" in result.stderr
    assert sorted(site.root.rglob("*")) == before


# --- pages and captures not in UTF-8 ---------------------------------------------------


@pytest.mark.parametrize("meta", ["none", "utf-8"])
def test_a_vietnamese_windows_page_that_declares_no_encoding_is_read_as_one(site, tmp_path, meta):
    """Vietnamese Windows editors saved pages in windows-1258, often without a charset
    (or under a template's <meta charset="utf-8">): the page was read as UTF-8 and skipped
    as not Vietnamese, or with --all-languages written as 'T\ufffdng c\ufffd\ufffdng',
    language: en-US. It imports as its UTF-8 original does, with a note."""
    html = PORTAL_PAGE.read_text(encoding="utf-8")
    if meta == "none":
        html = html.replace('<meta charset="utf-8">', "")
    page = tmp_path / "trang.html"
    page.write_bytes(windows_1258(html))
    with pytest.raises(UnicodeDecodeError):
        page.read_bytes().decode("utf-8")
    original = SiteDir(tmp_path / "original")
    assert run_import(original, PORTAL_PAGE, "--source-url", PORTAL_URL).returncode == 0
    [expected] = imported_files(original)
    result = run_import(site, page, "--source-url", PORTAL_URL)
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    assert written.relative_to(site.content) == expected.relative_to(original.content)
    assert written.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")
    assert 'title: "Phường Bạch Đằng ra quân làm sạch đường phố"' in written.read_text("utf-8")
    said = {"none": "is not UTF-8 text and declares no encoding", "utf-8": "says it is UTF-8"}
    assert f"{page}: note: the file {said[meta]}" in result.stderr
    assert "it was read as windows-1258 (Vietnamese Windows)" in result.stderr


@pytest.mark.parametrize("encoding", ["windows-1258", "UTF-16 LE", "UTF-16 BE"])
def test_a_capture_saved_in_another_encoding_imports_as_the_seed(site, tmp_path, encoding):
    """A capture saved in windows-1258 failed with "found no line 'Ngày đăng...'"; one
    saved as Windows Notepad's "Unicode" (UTF-16 with its byte order mark) was skipped
    as binary data. Both give the committed article; UTF-16 says which it is: no note."""
    text = SEED_CAPTURE.read_text(encoding="utf-8")
    data = {
        "windows-1258": windows_1258(text),
        "UTF-16 LE": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "UTF-16 BE": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    }[encoding]
    capture = tmp_path / "ban-tin.txt"
    capture.write_bytes(data)
    result = run_import(site, capture)
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    assert written.relative_to(site.content) == SEED_ARTICLE.relative_to(SEED_CONTENT)
    assert written.read_bytes() == SEED_ARTICLE.read_bytes()
    if encoding == "windows-1258":
        assert f"{capture}: note: the file is not UTF-8 text: it was read as windows-1258" in (
            result.stderr
        )
    else:
        assert unsaid_but_the_address(result.stderr) == []


def unsaid_but_the_address(err: str) -> list[str]:
    """The lines of an import's output but the note that a text capture has no address."""
    return [line for line in err.splitlines() if "does not say its original address" not in line]


def test_a_capture_typed_in_an_old_fonts_encoding_is_named_as_such(site, tmp_path):
    """A text capture copied from a page shown in a .VnTime font holds TCVN3's letters
    ('Ngµy ®¨ng' for 'Ngày đăng'): it failed with "found no line 'Ngày đăng...'", which
    sent the archivist looking for a line that is there. It names TCVN3, as a page does."""
    source = tmp_path / "vntime.txt"
    source.write_text(
        capture(
            "TIN TøC - Sù KIÖN",
            "Héi nghÞ triÓn khai c«ng t¸c chuyÓn ®æi sè",  # noqa: RUF001
            "Ngµy ®¨ng 19/04/2019 | 16:54",
            ["S¸ng ngµy 19/04/2019, Së Th«ng tin vµ TruyÒn th«ng tæ chøc héi nghÞ."],  # noqa: RUF001
        ),
        encoding="utf-8",
    )
    result = run_import(site, source)
    assert result.returncode == 1, result.stderr
    said = "error: the page's text is Vietnamese written in TCVN3 (ABC), the encoding of the old"
    assert f"{source}: {said}" in result.stderr, result.stderr
    assert "found no line" not in result.stderr
    assert imported_files(site) == []


def test_a_page_whose_encoding_cannot_be_known_is_refused(site, tmp_path):
    """Not UTF-8, no charset, and not Vietnamese read as windows-1258 (a Latin-1 page):
    it was read as UTF-8, replacement characters for the letters it could not read. Now
    it is refused, saying how to fix it, and nothing is written."""
    french = (
        "<html><head><title>Conseil</title></head><body><h1>Le conseil municipal a décidé"
        "</h1><p>Après une longue délibération, le conseil a décidé de créer à Hanoï un "
        "musée où l'été sera célébré. Ça coûte très cher; les élèves étaient déçus.</p>"
        "<p>Ngày đăng 02/03/2021 08:00</p></body></html>"
    )
    page = tmp_path / "phap.html"
    page.write_bytes(french.encode("latin-1", "replace"))
    result = run_import(site, page)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "failed: 1" in result.stdout
    assert f"{page}: error: the file is not UTF-8 text" in result.stderr
    assert "declares no encoding (no charset in a <meta> tag or the HTTP header)" in result.stderr
    assert "does not read as Vietnamese in windows-1258" in result.stderr
    assert "save it as UTF-8, or name its encoding in its <head>" in result.stderr
    assert imported_files(site) == []


def test_a_page_in_an_encoding_python_cannot_read_is_told_how_to_convert_it(site, tmp_path):
    """A 1990s Vietnamese page in VISCII (which Python has no codec for) was refused as
    "not UTF-8 text, nor in VISCII, the encoding it declares", which it is, with the fix
    "name its encoding in its <head>", which it does. Now it is said that import cannot
    read VISCII, and how to convert the page."""
    page = tmp_path / "viscii.html"
    page.write_bytes(VISCII_PAGE)
    result = run_import(site, page, "--source-url", PORTAL_URL)
    assert result.returncode == 1, result.stderr
    assert f"{page}: error: the file is not UTF-8 text, and it declares VISCII, an " in (
        result.stderr
    )
    assert "nor in VISCII" not in result.stderr
    assert "iconv -f VISCII -t UTF-8" in result.stderr
    assert imported_files(site) == []


def test_a_utf8_page_with_many_bytes_that_are_not_is_not_said_to_be_read_as_windows_1252(
    site, tmp_path
):
    """A UTF-8 page with more letters cut than can be marked is refused as not UTF-8
    text; it was said to be "UTF-8 that was read as Windows-1252 and saved again", which
    it is not (it was never read so), with a fix (ftfy) that makes it no better."""
    portal = PORTAL_PAGE.read_bytes().replace(b'<meta charset="utf-8">', b"")
    page = tmp_path / "hong.html"
    page.write_bytes(portal.replace("ư".encode(), "ư".encode()[:1]))  # every ư cut
    result = run_import(site, page, "--source-url", PORTAL_URL)
    assert result.returncode == 1, result.stderr
    assert f"{page}: error: the file is not UTF-8 text and declares no encoding" in result.stderr
    assert "Windows-1252" not in result.stderr and "ftfy" not in result.stderr
    assert imported_files(site) == []


def test_a_utf8_page_with_a_letter_cut_in_two_is_imported_with_the_place_said(site, tmp_path):
    """A byte lost in the portal's editor: the reader saw U+FFFD for it. The page was
    imported so, with a note that named no place; refusing it would lose the article
    (a WARC record cannot be mended). It is imported, and the note says where."""
    portal = PORTAL_PAGE.read_bytes().replace(b'<meta charset="utf-8">', b"")
    at = portal.index("ằ".encode())
    page = tmp_path / "hong.html"
    page.write_bytes(portal[: at + 1] + portal[at + 3 :])  # its first byte alone
    before = portal[:at].decode()
    line, column = before.count("\n") + 1, len(before.rsplit("\n", 1)[-1]) + 1
    seed = tmp_path / "hong.txt"
    seed.write_bytes(SEED_CAPTURE.read_bytes().replace("ư".encode(), "ư".encode()[:1], 1))
    result = run_import(site, page, "--source-url", PORTAL_URL)
    assert result.returncode == 0, result.stderr
    captured = run_import(site, seed)
    assert captured.returncode == 0, captured.stderr
    said = (
        f"{page}: note: 1 place(s) of this UTF-8 text hold bytes that are not UTF-8 (line {line}, "
        f"column {column})"
    )
    assert said in result.stderr, result.stderr
    assert f"{seed}: note: 1 place(s) of this UTF-8 text hold bytes" in captured.stderr
    # A short capture (a few hundred bytes): it was refused as "not UTF-8 text, and it does
    # not read as Vietnamese", with no place, and a fix (save it as UTF-8) that did nothing.
    lines = SEED_CAPTURE.read_bytes().split(b"\n")
    lines[2] = "Phường Bạch Đằng tổng kết công tác năm 2018".encode()  # another article
    short = tmp_path / "ngan.txt"
    short.write_bytes(b"\n".join([*lines[:5], lines[5][:300]]).replace("ư".encode(), b"\xc6", 1))
    assert len(short.read_bytes()) < 1000
    brief = run_import(site, short)
    assert brief.returncode == 0, brief.stderr
    assert f"{short}: note: 1 place(s) of this UTF-8 text hold bytes" in brief.stderr
    texts = [p.read_text(encoding="utf-8") for p in imported_files(site)]
    assert len(texts) == 3 and all(text.count("\ufffd") == 1 for text in texts)


def test_a_utf8_page_declared_western_with_a_letter_cut_in_two_is_read_as_utf8(tmp_path):
    """An old IIS portal declared ISO-8859-1 (or windows-1252) for its UTF-8 pages: one
    with a letter its editor cut in two was read in the Western charset, every letter
    in other letters ('Báº¡ch' for 'Bạch'), with only "check its letters". It is UTF-8
    with one place marked, as without the charset; a Western page whose one byte beyond
    ASCII is no UTF-8 stays read in its charset."""
    meta = b'<meta charset="utf-8">'
    for charset in ("iso-8859-1", "windows-1252"):
        declared = PORTAL_PAGE.read_bytes().replace(meta, f'<meta charset="{charset}">'.encode())
        at = declared.index("Lực lượng chia".encode()) + 1
        page = tmp_path / f"{charset}.html"
        page.write_bytes(declared[: at + 1] + declared[at + 3 :])  # the first byte of 'ự'
        target = SiteDir(tmp_path / charset)
        result = run_import(target, page, "--source-url", PORTAL_URL)
        assert result.returncode == 0, result.stderr
        assert f"{page}: note: 1 place(s) of this UTF-8 text hold bytes" in result.stderr
        [written] = imported_files(target)
        text = written.read_text(encoding="utf-8")
        assert 'title: "Phường Bạch Đằng ra quân làm sạch đường phố"' in text
        assert "L\ufffdc lượng chia thành 3 nhóm" in text and text.count("\ufffd") == 1
    western = b'<html><head><meta charset="iso-8859-1"></head><body>Copyright \xa9 2010</body>'
    assert decode_page(western)[0].endswith("Copyright \u00a9 2010</body>")


def test_a_date_given_for_a_page_that_shows_its_own_is_said_to_be_unused(site):
    """--date is for a page that shows no date: given for one that shows it, the page's
    own date was kept without a word, and the archivist believed theirs was used."""
    result = run_import(site, PORTAL_PAGE, "--source-url", PORTAL_URL, "--date", "01/01/2000 08:00")
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    own = re.search(r"(?m)^date: (\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d)", written.read_text("utf-8"))
    assert own.group(1) != "2000"
    shown = f"{own.group(3)}/{own.group(2)}/{own.group(1)} {own.group(4)}"
    assert (
        f"{PORTAL_PAGE}: note: --date was not used: the page shows its own publish date, {shown}"
    ) in result.stderr


def test_a_page_dated_after_the_import_is_noted(site, tmp_path):
    """A capture showing "Ngày đăng 14/03/2099": imported to content/2099/03/ with exit 0
    and no word; only the build after it warned."""
    capture = tmp_path / "sau.txt"
    capture.write_bytes(SEED_CAPTURE.read_bytes().replace(b"19/04/2019", b"14/03/2099", 1))
    result = run_import(site, capture)
    assert result.returncode == 0, result.stderr
    assert (
        f"{capture}: note: the page is dated 14/03/2099 16:54, after this import: if the year "
        "is mistyped (2099 for 2019), correct the date in the article"
    ) in result.stderr, result.stderr
    [written] = imported_files(site)
    assert written.parent == site.content / "2099" / "03"
    today = run_import(site, SEED_CAPTURE)  # its own date, in the past: no such note
    assert today.returncode == 0 and "after this import" not in today.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="no flock on Windows")
def test_a_second_import_into_an_archive_while_one_runs_is_refused(site, tmp_path):
    """Two imports of a crawl run at once (a second terminal, a run thought stalled):
    each found every page new and wrote it, the second under another name, and the
    aliases the two copies share stopped every build (421 errors for 421 articles).
    While one import runs (here: this test holds its lock), another is refused."""
    import fcntl
    import os

    page = tmp_path / "bai.html"
    page.write_bytes(PORTAL_PAGE.read_bytes())
    before = tree(site.root)
    held = os.open(site.root, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run_import(site, page)
    finally:
        os.close(held)
    assert result.returncode == 1
    assert "error: another import into this archive is running" in result.stderr
    assert tree(site.root) == before
    assert run_import(site, page).returncode == 0  # once it has ended
    assert len(imported_files(site)) == 1
