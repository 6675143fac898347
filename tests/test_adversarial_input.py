"""Adversarial content input (issue 12): what a careless or hostile editor can put in
content/ or an imported page ends in a clear message and exit 1, the previous site and
every source untouched, or is built safely; nothing is skipped without a word."""

import gc
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, SUBPROCESS_ENV, article, tree
from test_import import PORTAL_PAGE, capture, imported_files, run_import

from newsarchive.check import check_site
from newsarchive.config import load_config
from newsarchive.linksafety import is_safe_url
from newsarchive.pipeline import plan

GOOD = article("Bài viết tốt", "2020-01-02 08:00")
RFC3339_OFFSET = re.compile(r"(Z|[+-]\d\d:\d\d)$")


def build_cli(site, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """A build in its own process, as an editor runs it (a runaway one is stopped)."""
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "build", "--no-search", *args],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
        timeout=timeout,
    )


def fails_cleanly(site, name: str, text: str | bytes, *expected: str) -> str:
    """Add ``text`` as content/``name`` to a built site: the build must stop with the
    expected message fragments and leave the site and every source as they were."""
    site.add("2020/01/good.md", GOOD)
    assert build_cli(site).returncode == 0
    site_before = tree(site.output)
    site.add(name, text)
    sources_before = tree(site.content)
    result = build_cli(site)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for fragment in expected:
        assert fragment in result.stderr, f"{fragment!r} not in:\n{result.stderr}"
    assert tree(site.output) == site_before
    assert tree(site.content) == sources_before
    return result.stderr


# -- 1. Front matter: no YAML anchors or aliases, limited sizes ------------------------

ALIAS_BOMB = "\n".join(
    [
        "---",
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(
            f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]"
            for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "title: *i",
        "date: 2020-01-01",
        "---",
        "",
        "Nội dung.",
        "",
    ]
)


def test_a_yaml_alias_bomb_is_refused_without_being_expanded(site):
    # Expanded, `title: *i` is 9^9 strings: the old build ran out of memory formatting it.
    err = fails_cleanly(
        site,
        "2020/01/bomb.md",
        ALIAS_BOMB,
        "content/2020/01/bomb.md:2:4: error: the YAML anchor '&a' is not allowed "
        "(and 8 more anchors in this file)",
        "bomb.md:3:8: error: the YAML alias '*a' is not allowed (and 72 more aliases in this file)",
        "write each value out in full",
    )
    assert "2 problem(s) in 1 file(s)" in err


def test_anchors_and_aliases_are_refused_but_quoted_stars_and_ampersands_are_text(site):
    fails_cleanly(
        site,
        "2020/01/alias.md",
        "---\ntitle: &t Tin mới\nsummary: *t\ndate: 2020-01-01\n---\nChữ.\n",
        "alias.md:2:8: error: the YAML anchor '&t' is not allowed\n",
        "alias.md:3:10: error: the YAML alias '*t' is not allowed\n",
    )
    (site.content / "2020/01/alias.md").unlink()
    site.add(
        "2020/01/sao.md",
        '---\ntitle: "*Tin* & sự kiện"\nsummary: "&copy; *x*"\ndate: 2020-01-01\n---\nChữ.\n',
    )
    assert build_cli(site).returncode == 0
    page = BeautifulSoup(site.read("2020/01/tin-su-kien/index.html"), "html.parser")
    assert page.h1.get_text() == "*Tin* & sự kiện"


def test_front_matter_and_titles_have_a_size_limit(site):
    fails_cleanly(
        site,
        "2020/01/big.md",
        article('"' + "chữ " * 20_000 + '"', "2020-01-01"),
        "big.md:1: error: the front matter is 120,026 bytes long; at most 65,536 bytes",
        "move long text into the article body",
    )
    (site.content / "2020/01/big.md").unlink()
    site.add("2020/01/long.md", article("t" * 1001, "2020-01-01"))
    result = build_cli(site)
    assert result.returncode == 1
    assert "long.md:2: error: the title is 1,001 characters long; at most 1,000" in result.stderr


# -- 2. Dates at the edges of the calendar ---------------------------------------------


@pytest.mark.parametrize(
    ("date", "shown"),
    [
        ("0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00+14:00"),
        ("9999-12-31T23:59-12:00", "9999-12-31T23:59:00-12:00"),
    ],
)
def test_a_date_that_leaves_the_calendar_on_the_sites_clock_is_an_error(site, date, shown):
    fails_cleanly(
        site,
        "2020/01/edge.md",
        article("Tin", date),
        f"edge.md:3:7: error: bad date: {shown} falls outside the years 1 to 9999",
        "Asia/Ho_Chi_Minh",
    )


def test_dates_before_standard_time_get_whole_minute_offsets_and_keep_their_clock(site):
    """Asia/Ho_Chi_Minh is +07:06:30 (local mean time) before 1911: RFC 3339 (Atom,
    sitemaps, <time datetime>) has whole-minute offsets only."""
    site.add("0001/a.md", article("Năm một", "0001-01-01 08:30"))
    site.add("1900/b.md", article("Năm 1900", "15/06/1900 10:00"))
    site.add("9999/c.md", article("Năm 9999", "9999-12-31 23:59"))
    site.add("2020/d.md", article("Năm 2020", "2020-01-02T01:00:00+00:00"))
    result = build_cli(site)
    assert result.returncode == 0, result.stderr

    expected = {
        "0001/01/nam-mot/": "0001-01-01T08:30:00+07:07",
        "1900/06/nam-1900/": "1900-06-15T10:00:00+07:07",
        "9999/12/nam-9999/": "9999-12-31T23:59:00+07:00",
        "2020/01/nam-2020/": "2020-01-02T08:00:00+07:00",
    }
    for url, when in expected.items():
        page = BeautifulSoup(site.read(url + "index.html"), "html.parser")
        assert page.select_one(".article-date time")["datetime"] == when
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.parse(site.output / "feed.xml").getroot()
    stamps = [e.text for e in feed.iter() if e.tag in (f"{atom}published", f"{atom}updated")]
    stamps = [s for s in stamps if s and s.strip() and s[0].isdigit()]
    assert "0001-01-01T08:30:00+07:07" in stamps
    assert all(RFC3339_OFFSET.search(s) for s in stamps), stamps
    # A sitemap dates its pages by the day, the clock's day (issue 17: no offset to write).
    sitemap = ElementTree.parse(site.output / "sitemap-0001.xml").iter()
    assert {e.text for e in sitemap if e.tag.endswith("lastmod")} == {"0001-01-01"}


# -- 3. Output path parts longer than a file system allows -----------------------------


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("aliases", "[/tin-cu/" + "a" * 256 + ".html]", "has a part of 261 bytes"),
        ("aliases", "[/" + "đ" * 128 + "]", "has a part of 256 bytes"),
        ("aliases", "[/" + "/".join(["a" * 250] * 9) + "/]", "is 2,259 bytes long"),
        ("slug", "a" * 256, "has a part of 256 bytes"),
    ],
    ids=["alias-part", "alias-vietnamese-part", "alias-path", "slug"],
)
def test_an_output_path_part_over_255_bytes_is_refused_at_validation(site, field, value, fragment):
    fails_cleanly(
        site,
        "2020/01/dai.md",
        article("Tin", "2020-01-01", **{field: value}),
        f"dai.md:4: error: {'alias' if field == 'aliases' else 'slug'} '",
        fragment,
    )


# -- 4. Symbolic links and hidden files in content/ ------------------------------------


def test_a_symlink_loop_in_content_is_an_error(site):
    site.add("2020/01/good.md", GOOD)
    os.symlink("..", site.content / "2020" / "01" / "vong")
    result = build_cli(site)
    assert result.returncode == 1
    assert "content/2020/01/vong: error: this symbolic link leads back to" in result.stderr
    assert "a loop" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["folder", "file", "dangling"])
def test_a_symlink_that_leaves_the_project_is_refused(site, tmp_path, kind):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "bi-mat.md").write_text(article("Bí mật", "2020-01-01"), encoding="utf-8")
    target = {
        "folder": outside,
        "file": outside / "bi-mat.md",
        "dangling": tmp_path / "nothing-here",
    }[kind]
    site.add("2020/01/good.md", GOOD)
    assert build_cli(site).returncode == 0
    before = tree(site.output)
    os.symlink(target, site.content / ("ngoai" if kind == "folder" else "ngoai.md"))
    result = build_cli(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    message = "which does not exist" if kind == "dangling" else "leads outside the project"
    assert "error: this symbolic link " in result.stderr
    assert message in result.stderr
    assert tree(site.output) == before
    assert "bi-mat" not in "".join(tree(site.output))


@pytest.mark.parametrize("target", ["_site", "_site.previous", ".cache"])
def test_a_symlink_into_what_builds_write_is_refused(site, target):
    """`content/ban-dung -> ../_site` read the built site as content: a Markdown file
    of static/ published there became an article at the next build (a clean clone's
    build had none): the output was a source, each build a step behind the last."""
    site.add("2020/01/good.md", GOOD)
    (site.root / "static" / "ghi-chu.md").write_text(
        article("Ghi chú", "2020-02-01"), encoding="utf-8"
    )
    assert build_cli(site).returncode == 0
    assert build_cli(site).returncode == 0  # the spare copy is there too
    before = tree(site.output)
    (site.root / ".cache").mkdir(exist_ok=True)
    os.symlink(site.root / target, site.content / "ban-dung")
    for _ in range(2):
        result = build_cli(site)
        assert result.returncode == 1, result.stderr
        assert "content/ban-dung: error: this symbolic link leads into " in result.stderr
        assert "Traceback" not in result.stderr
        assert tree(site.output) == before


def test_a_symlink_inside_the_project_is_followed(site):
    (site.root / "more").mkdir()
    (site.root / "more" / "them.md").write_text(article("Thêm", "2020-03-01"), encoding="utf-8")
    site.add("2020/01/good.md", GOOD)
    os.symlink(site.root / "more", site.content / "more")
    result = build_cli(site)
    assert result.returncode == 0, result.stderr
    assert (site.output / "2020/03/them/index.html").is_file()


def test_hidden_files_and_folders_are_skipped_and_the_build_says_so(site):
    site.add("2020/01/good.md", GOOD)
    site.add(".drafts/nhap.md", article("Bản nháp", "2020-01-03"))
    site.add("2020/.x.md", article("Tệp ẩn", "2020-01-04"))
    site.add("2020/01/.git/config", "[core]\n")
    result = build_cli(site)
    assert result.returncode == 0, result.stderr
    assert (
        "skipped 3 hidden file(s)/folder(s) in content/: .drafts/, 2020/.x.md, 2020/01/.git/"
        in result.stderr
    )
    assert "Built 1 article(s)" in result.stdout
    assert not (site.output / "2020/01/ban-nhap").exists()
    assert not (site.output / "2020/01/tep-an").exists()


@pytest.mark.parametrize(
    "name", ["bai.MD", "bai.md.txt", "bai.markdown", "bai.mdown", "bai.md ", "bai.txt", "bai"]
)
def test_an_article_file_not_named_md_is_an_error_naming_it(site, name):
    """Named like an article, or plain text that starts with front matter (Notepad's
    "Save as" gives `bai.txt`): it was skipped in silence."""
    stderr = fails_cleanly(
        site, f"2020/01/{name}", article("Bài viết", "2020-01-05"), f"2020/01/{name}"
    )
    assert "rename it to bai.md" in stderr


def test_other_files_in_content_are_listed_as_left_out(site):
    site.add("2020/01/good.md", GOOD)
    site.add("2020/01/anh.jpg", "JPEG")
    site.add("ghi-chu.txt", "không phải bài viết\n")
    site.add("2020/LICENSE", "MIT\n")
    result = build_cli(site, "--quiet")
    assert result.returncode == 0, result.stderr
    assert (
        "skipped 3 file(s) in content/ that are not articles (only .md files are): "
        "2020/01/anh.jpg, 2020/LICENSE, ghi-chu.txt; pictures and documents to publish "
        "belong in static/" in result.stderr
    )
    assert not [p for p in tree(site.output) if "anh" in p or "ghi-chu" in p]


def test_a_content_folder_that_is_a_link_is_named_as_site_yaml_names_it(site, tmp_path):
    """The content folder a link to a folder elsewhere (a shared drive): the files left out
    were said to be in the folder it leads to, by its whole path, where every other
    message names content/ (errors.shown)."""
    site.add("2020/01/good.md", GOOD)
    site.add("2020/01/anh.jpg", "JPEG")
    elsewhere = tmp_path / "o-dia-chung"
    shutil.move(site.content, elsewhere)
    site.content.symlink_to(elsewhere, target_is_directory=True)
    result = build_cli(site, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "skipped 1 file(s) in content/ that are not articles" in result.stderr
    assert "o-dia-chung" not in result.stderr


def test_a_fifo_named_like_an_article_is_an_error(site):
    site.add("2020/01/good.md", GOOD)
    os.mkfifo(site.content / "2020" / "01" / "pipe.md")
    result = build_cli(site)
    assert result.returncode == 1
    assert "pipe.md: error: this is not a file" in result.stderr


def test_what_the_content_folder_holds_is_sorted_out_each_with_its_message(site, tmp_path):
    """contentscan.scan_sources in this process: every kind of entry, and what is said of it."""
    from newsarchive.contentscan import scan_sources

    site.add("2020/01/good.md", GOOD)
    site.add("2020/01/bai.markdown", GOOD)
    site.add("2020/01/ghi-chu.txt", GOOD)
    site.add("2020/01/anh.jpg", "JPEG")
    site.add(".nhap/bai.md", GOOD)
    site.add("Thumbs.db", "")
    os.mkfifo(site.content / "2020" / "01" / "pipe.md")
    (site.content / "2020" / "01" / "vong").symlink_to(site.content / "2020")
    (site.content / "ngoai").symlink_to(tmp_path)
    (site.content / "khong-co.md").symlink_to(tmp_path / "khong-co")
    (site.root / "_site").mkdir()
    (site.content / "da-dung").symlink_to(site.root / "_site")
    scan = scan_sources(site.content, site.root, (site.root / "_site", site.root / ".cache"))
    assert [os.path.relpath(path, site.content) for path, _, _ in scan.files] == ["2020/01/good.md"]
    assert (scan.hidden, scan.others, scan.system) == (
        [".nhap/"],
        ["2020/01/anh.jpg"],
        ["Thumbs.db"],
    )
    said = sorted((p.path.relative_to(site.content).as_posix(), p.message) for p in scan.errors)
    assert said == [
        (
            "2020/01/bai.markdown",
            "this file is named like an article, but only files ending in .md are built",
        ),
        (
            "2020/01/ghi-chu.txt",
            "this file starts with front matter ('---'), but only files ending in .md are built",
        ),
        (
            "2020/01/pipe.md",
            "this is not a file (a named pipe, socket or device) and cannot be read as an article",
        ),
        (
            "2020/01/vong",
            f"this symbolic link leads back to {os.path.realpath(site.content / '2020')}, a "
            "folder it is already in (a loop: the folder would contain itself forever)",
        ),
        (
            "da-dung",
            f"this symbolic link leads into {os.path.realpath(site.root / '_site')}, which builds "
            "write (the built site or the build cache): what it holds would be read as "
            "articles at the next build",
        ),
        (
            "khong-co.md",
            f"this symbolic link points to {os.path.realpath(tmp_path / 'khong-co')}, which does "
            "not exist",
        ),
        ("ngoai", f"this symbolic link leads outside the project, to {os.path.realpath(tmp_path)}"),
    ]


# -- 5. The search index is the same bytes on any file system, with any --jobs -----------


def search_bundle(root: Path, corpus: list, jobs: str) -> dict[str, bytes]:
    from conftest import SiteDir

    site = SiteDir(root)
    for entry in corpus:  # files created in this order: tmpfs lists them newest first
        site.add(f"{entry.published:%Y}/{entry.slug}.md", entry.markdown())
    assert site.build("--jobs", jobs, "--no-cache") == 0
    return tree(site.output / "tim-kiem/chi-muc")


def test_the_search_index_bytes_depend_on_nothing_but_the_pages(tmp_path, monkeypatch):
    from corpus import CORPUS

    from newsarchive import sources, workers

    first = search_bundle(tmp_path / "a", CORPUS, "1")
    assert any(name.startswith("s/") for name in first)
    # Read and rendered by forked workers, however few the articles and pytest's threads.
    monkeypatch.setattr(sources, "MIN_PARALLEL_READS", 1)
    monkeypatch.setattr(workers, "MIN_PARALLEL_PAGES", 1)
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    assert search_bundle(tmp_path / "b", CORPUS[::-1], "2") == first
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        elsewhere = Path(shm / f"newsarchive-test-{os.getpid()}")
        try:
            assert search_bundle(elsewhere / "c", CORPUS, "2") == first
            assert search_bundle(elsewhere / "d", CORPUS[::-1], "1") == first
        finally:
            shutil.rmtree(elsewhere, ignore_errors=True)


# -- 6. check --built finds what the old check missed -----------------------------------


def test_check_built_finds_refresh_targets_empty_pages_css_urls_and_a_missing_index(site):
    site.add("2020/01/good.md", article("Bài viết tốt", "2020-01-02 08:00", aliases="[/cu/a.html]"))
    assert site.build() == 0
    config = load_config(site.root / "site.yaml")
    assert check_site(site.output, config.base_url) == []

    alias = site.output / "cu/a.html"
    alias.write_text(
        re.sub(r'url=[^"]*"', 'url=../2020/01/khong-co/"', alias.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    (site.output / "luu-tru/index.html").write_text(" \n", encoding="utf-8")
    css = next(site.output.glob("css/*.css"))
    css.write_text(css.read_text(encoding="utf-8") + "\nb{background:url('../anh/mat.png')}")
    shutil.rmtree(site.output / "tim-kiem/chi-muc")

    problems = [p.format(site.output) for p in check_site(site.output, config.base_url)]
    expected = [
        "cu/a.html: error: the link '../2020/01/khong-co/' leads to no file",
        "luu-tru/index.html: error: the page /luu-tru/index.html is empty",
        f"{css.relative_to(site.output)}:{css.read_text(encoding='utf-8').count(chr(10)) + 1}:19: "
        "error: the style sheet link '../anh/mat.png' leads",
        "tim-kiem/chi-muc: error: the search index in /tim-kiem/chi-muc/ is missing or "
        "unreadable (no index.js)",
    ]
    for fragment in expected:
        assert any(fragment in p for p in problems), f"{fragment!r} not in {problems}"
    assert len(problems) == len(expected), problems

    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "check", "--built", "_site"],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )
    assert result.returncode == 1
    assert "4 problem(s)" in result.stderr


# -- 7. Automatic summaries read as the reader sees the text --------------------------


def test_an_imported_articles_summary_has_no_markdown_escapes(site, tmp_path):
    first = "Tệp file_name và *sao* [ngoặc](x) # <b>thẻ</b> <3 AT&T &copy; \\ cuối"
    source = tmp_path / "capture.txt"
    source.write_text(
        capture("TIN TỨC - SỰ KIỆN", "Tin tệp", "Ngày đăng 01/02/2021 | 08:05", [first, "Hai."]),
        encoding="utf-8",
    )
    assert run_import(site, source).returncode == 0
    [written] = imported_files(site)
    assert "file\\_name" in written.read_text(encoding="utf-8")  # escaped in the Markdown
    assert site.build() == 0
    page = BeautifulSoup(site.read("2021/02/tin-tep/index.html"), "html.parser")
    assert page.select_one(".article-body p").get_text() == first  # as the body shows it
    assert page.select_one('meta[name="description"]')["content"] == first
    listing = BeautifulSoup(site.read("index.html"), "html.parser")
    assert first in [p.get_text() for p in listing.select("main p")]


# -- 8. Imported links and images: only safe addresses survive -------------------------

UNSAFE_LINKS = [
    ('<a href="JavaScript:alert(1)">một</a>', "một"),
    ('<a href=" &#106;avascript:x">hai</a>', "hai"),
    ('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">ba</a>', "ba"),
    ('<a href="vbscript:msgbox(1)">bốn</a>', "bốn"),
    ('<a href="&#x4A;AVASCRIPT&colon;x">năm</a>', "năm"),
    ('<a href="java&#x09;script:x">sáu</a>', "sáu"),
]


def import_portal_page_with(site, tmp_path: Path, paragraph: str) -> subprocess.CompletedProcess:
    """Import the portal page of test_import with its third paragraph replaced."""
    page = PORTAL_PAGE.read_text(encoding="utf-8").replace(
        "<p>Lực lượng chia thành 3 nhóm:</p>", paragraph
    )
    saved = tmp_path / "trang.html"
    saved.write_text(page, encoding="utf-8")
    result = run_import(site, saved)
    assert result.returncode == 0, result.stderr
    return result


def test_unsafe_links_and_images_in_an_imported_page_do_not_reach_the_site(site, tmp_path):
    unsafe = " ".join(link for link, _ in UNSAFE_LINKS)
    images = '<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;" alt="x">'
    images += '<img src="JAVASCRIPT:alert(2)" alt="y">'
    result = import_portal_page_with(
        site,
        tmp_path,
        f"<p>Xem {unsafe} và <a href='https://hanoi.gov.vn/'>bảy</a>.</p><p>{images}</p>",
    )
    # The note is worded the same on every page (the import report counts notes by kind).
    assert "removed unsafe link or image addresses" in result.stderr
    assert site.build() == 0

    seen = 0
    for html in site.output.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(True):
            for attribute in ("href", "src", "action", "formaction", "poster"):
                if element.has_attr(attribute):
                    seen += 1
                    value = element[attribute]
                    assert is_safe_url(value), f"{html}: {element.name} {attribute}={value!r}"
    assert seen > 0
    [built] = site.output.glob("2020/03/*/index.html")
    body = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser").select_one(
        ".article-body"
    )
    text = body.get_text()
    for _, words in UNSAFE_LINKS:
        assert words in text
    assert [a.get_text() for a in body.select("a")] == ["bảy", "bảng tổng hợp", "tin của Thành phố"]


def test_reading_and_planning_leave_no_garbage_per_article(site):
    """A build runs with the garbage collector off (cache.no_gc, then gc.freeze): a
    reference cycle made per article would hold its memory to the end of the build
    (two closures that called themselves kept 6.8 MB at 10,000 articles)."""

    def garbage_after_planning(articles: int) -> int:
        for i in range(articles):
            site.add(
                f"{2001 + i % 3}/{i % 12 + 1:02d}/tin-{i}.md", article(f"Tin số {i}", "2020-01-01")
            )
        gc.collect()
        gc.disable()
        try:
            plan(load_config(site.root / "site.yaml"))
            return gc.collect()
        finally:
            gc.enable()

    few = garbage_after_planning(3)
    assert garbage_after_planning(60) == few


def test_articles_share_one_copy_of_a_category_tag_or_author(site):
    """A build holds every article to its end, and its page workers copy what they read
    of them: the category, tags and author that many articles share are one string each,
    and an article keeps only the front-matter lines a later problem names (an alias's)."""
    for i in range(3):
        site.add(
            f"tin-{i}.md",
            article(
                f"Tin số {i}",
                "2020-01-01",
                category="Tin tức",
                tags="[an ninh, đô thị]",
                author="Ban Biên tập",
            ),
        )
    first, *others = plan(load_config(site.root / "site.yaml")).articles
    for other in others:
        assert other.category is first.category
        assert all(a is b for a, b in zip(other.tags, first.tags, strict=True))
        assert other.author is first.author
    assert first.key_lines == {}


# A character reference by a number of thousands of digits, which Python's
# html.unescape refuses to read (ValueError): browsers show U+FFFD for it, or the
# character its leading zeros hide.
LONG_NUMBER = "&#" + "9" * 5000 + ";"
ZEROS_J = "&#" + "0" * 5000 + "106;"


def test_a_reference_by_a_huge_number_neither_stops_the_build_nor_hides_a_script(site):
    body = (
        f"Số {LONG_NUMBER} lạ.\n\n[liên kết](/tin/a{LONG_NUMBER}.html) "
        f"[bấm]({ZEROS_J}avascript:alert(1))\n"
    )
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    assert site.build() == 0
    # lxml: BeautifulSoup's own html.parser raises the same ValueError on the page.
    page = BeautifulSoup(site.read("2019/04/bai-a/index.html"), "lxml")
    content = page.select_one(".article-body")
    assert "Số \ufffd lạ." in content.get_text()
    assert content.select_one("a:-soup-contains('bấm')").get("href") is None
    assert page.select_one("meta[name=description]")["content"] == "Số \ufffd lạ."


def test_a_crawled_page_with_a_reference_by_a_huge_number_is_imported(site, tmp_path):
    import_portal_page_with(
        site,
        tmp_path,
        f'<p>Lực <a href="/tin/a&amp;{LONG_NUMBER[1:]}.html">lượng</a> chia thành 3 nhóm:</p>',
    )
    [imported] = imported_files(site)
    assert "chia thành 3 nhóm" in imported.read_text(encoding="utf-8")
    assert site.build() == 0


@pytest.mark.parametrize(
    "body",
    ["*a " * 100_000 + "_b " * 100_000 + "\n", "a <script> " * 40_000 + "\n"],
    ids=["emphasis", "script"],
)
def test_a_paragraph_of_thousands_of_marks_that_never_close_does_not_wedge_the_build(site, body):
    """The summary's reading of a paragraph sought, from each `_` (each `<script>`), its
    end to the paragraph's end: 50,000 `_` took 66 s, and twice as many four times that;
    40,000 `<script>`, 133 s. Marks are sought no farther than any article's emphasis or
    link runs, an end tag once (the timeout guards against a build that never ends; it is
    no measure of speed)."""
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", body))
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "build"],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup(site.read("2019/04/bai-a/index.html"), "html.parser")
    assert page.select_one("meta[name=description]")["content"].startswith("a a a")


def test_a_paragraph_of_brackets_that_never_close_is_summarised_as_read(site):
    """A label is read up to the next [ as Markdown reads one (`[a [b](/u)`: "[a " then
    a link "b"): the summary said "a [b c", and [ in a row were each read on for 1,000
    letters (300,000 took 25 s to summarise; Python-Markdown's own reading, 9 s, is left)."""
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00", "[" * 30_000 + " cuối\n"))
    site.add("2019/04/b.md", article("Bài B", "2019-04-11 08:00", "[a [b](/u/) c [[d]]\n"))
    assert site.build("--no-search") == 0
    described = {
        name: BeautifulSoup(site.read(f"2019/04/{name}/index.html"), "html.parser").select_one(
            "meta[name=description]"
        )["content"]
        for name in ("bai-a", "bai-b")
    }
    assert described == {"bai-a": "[" * 220 + "…", "bai-b": "[a b c [[d]]"}
