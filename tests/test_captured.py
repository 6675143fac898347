"""The day a page was captured (front matter's `captured:`): written by `import` where
the crawl says when (a WARC's WARC-Date, HTTrack's comment), shown in the article's
provenance, checked in a hand-written file as the other dates are."""

import shutil

import pytest
from bs4 import BeautifulSoup
from capture_fixtures import Response, httrack_tree, items, page_html, warc_of, wget_tree
from conftest import article
from test_front_matter import messages
from test_import_capture import articles, by_source, report, run, run_import, summary


def provenance(site, rel: str) -> BeautifulSoup:
    soup = BeautifulSoup(site.read(rel), "html.parser")
    [section] = [s for s in soup.select("section.provenance") if "corrections" not in s["class"]]
    return section


def page_of(site, file: str) -> str:
    """The built page of an imported article (content/yyyy/mm/slug.md)."""
    year, month, name = file.removesuffix(".md").split("/")
    return f"{year}/{month}/{name}/index.html"


def test_an_article_imported_from_a_warc_keeps_the_day_of_its_capture_and_shows_it(site, tmp_path):
    pytest.importorskip("warcio")
    item = items(1)[0]
    warc = tmp_path / "crawl.warc.gz"
    html = page_html(item, "full").encode()
    warc.write_bytes(warc_of([Response(item.url, html, date="2025-03-11T18:30:00Z")]))
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    written = by_source(site)[item.url]
    # In the site's time zone, as `date` is: 18:30 UTC is the 12th in Hà Nội.
    assert written["captured"].isoformat() == "2025-03-12T01:30:00+07:00"
    text = (site.content / written["file"]).read_text(encoding="utf-8")
    assert "\ncaptured: 2025-03-12T01:30:00+07:00\n" in text
    assert site.build() == 0
    shown = provenance(site, page_of(site, written["file"]))
    assert "Trang gốc được lưu lại ngày 12/03/2025" in " ".join(shown.get_text().split())
    assert shown.find("time", attrs={"datetime": "2025-03-12"}) is not None


def test_a_page_of_an_httrack_mirror_is_dated_by_httracks_comment_and_wgets_is_not(site, tmp_path):
    """HTTrack writes the time it saved the page in its comment (GMT); wget keeps no
    capture time (a file's time is the server's Last-Modified), so its pages get none."""
    mirrored, fetched = items(2)
    httrack_tree(tmp_path / "httrack", [mirrored], {})
    wget_tree(tmp_path / "wget", [fetched], {})
    result = run_import(site, tmp_path / "httrack", tmp_path / "wget")
    assert result.returncode == 0, result.stderr
    written = by_source(site)
    # "Sat, 27 Aug 2022 05:00:08 GMT", the fixture's comment, is 12:00:08 in Hà Nội.
    assert written[mirrored.url]["captured"].isoformat() == "2022-08-27T12:00:08+07:00"
    assert "captured" not in written[fetched.url]
    assert site.build() == 0
    words = provenance(site, page_of(site, written[fetched.url]["file"])).get_text()
    assert "lưu lại" not in words


def test_a_later_capture_of_an_article_already_there_leaves_its_file_as_it_was(site, tmp_path):
    """The article keeps the day of the capture its text was taken from, the first
    import's: a later crawl that finds it "already there" writes nothing."""
    pytest.importorskip("warcio")
    item = items(1, start=736000)[0]
    html = page_html(item, "full").encode()
    first, later = tmp_path / "2024.warc.gz", tmp_path / "2025.warc.gz"
    first.write_bytes(warc_of([Response(item.url, html, date="2024-01-02T03:00:00Z")]))
    later.write_bytes(warc_of([Response(item.url, html, date="2025-06-07T03:00:00Z")]))
    assert run_import(site, first).returncode == 0
    [file] = site.content.rglob("*.md")
    before = file.read_bytes()
    result = run_import(site, later)
    assert result.returncode == 0, result.stderr
    assert summary(result)["already there"] == 1
    assert file.read_bytes() == before
    kept = articles(site)[file.relative_to(site.content).as_posix()]["captured"]
    assert kept.isoformat() == "2024-01-02T10:00:00+07:00"
    assert report(site)[0]["outcome"] == "already there"


def test_a_capture_of_a_warc_without_a_date_writes_none(site, tmp_path):
    """A record whose WARC-Date cannot be read tells no day: none is made up."""
    pytest.importorskip("warcio")
    item = items(1, start=737000)[0]
    warc = tmp_path / "crawl.warc.gz"
    html = page_html(item, "full").encode()
    warc.write_bytes(warc_of([Response(item.url, html, date="not a date")]))
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    assert "captured" not in by_source(site)[item.url]


@pytest.mark.parametrize(
    ("written", "said", "fix"),
    [
        (
            "31/02/2025",
            "bad date in 'captured': '31/02/2025' is not a real date",
            "check the day",
        ),
        ("hôm qua", "bad date in 'captured'", "captured: 2025-03-12 08:30"),
        ("true", "'captured' has the yes/no value", "captured: 2025-03-12 08:30"),
    ],
)
def test_a_malformed_capture_date_is_told_at_its_line_with_the_fix(site, written, said, fix):
    site.add(
        "2020/01/tin.md",
        f"---\ntitle: Tin\ndate: 2020-01-01\ncaptured: {written}\n---\nText\n",
    )
    result = run(site, "build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = [x for x in result.stderr.splitlines() if "tin.md:4" in x]
    assert said in line, result.stderr
    assert fix in result.stderr


def test_a_hand_written_capture_date_is_read_as_the_other_dates_are():
    meta = {"title": "x", "date": "2019-01-01", "captured": "12/03/2025 8:30", "draft": 3}
    # Only the draft is wrong: the capture date, day first, is read.
    assert [m[1] for m in messages(meta)] == ["'draft' must be true or false, not 3"]


def test_an_article_without_a_capture_date_says_nothing_of_it(site):
    site.add("2020/01/tin.md", "---\ntitle: Tin\ndate: 2020-01-01\n---\nText\n")
    assert site.build() == 0
    assert "lưu lại" not in provenance(site, "2020/01/tin/index.html").get_text()


def test_a_capture_dated_after_the_build_is_said(site, capsys):
    """`captured: 2099-03-12` for 2025: the page told readers the copy was made in 2099,
    with no word to the editor."""
    ahead = site.add(
        "2020/01/tin.md", "---\ntitle: Tin\ndate: 2020-01-01\ncaptured: 2099-03-12\n---\nText\n"
    )
    assert site.build() == 0
    [warning] = [x for x in capsys.readouterr().err.splitlines() if ": warning: " in x]
    place, said = warning.split(": warning: ")
    assert place == f"{ahead}:4"
    assert said.startswith("the capture under 'captured' is dated 12/03/2099, after this build (")


def test_a_page_of_an_archive_built_here_brings_its_capture_day_back(site):
    """A saved page of an archive built here states the original's address and the day it
    was captured: imported back, the article keeps both, not the day the copy was saved.
    Its corrections' days are not taken for it."""
    address = "https://quanhaibatrung.hanoi.gov.vn/tin-tuc/phuong-bach-dang-123.html"
    site.add(
        "2019/04/ra-quan.md",
        "---\ntitle: Phường Bạch Đằng ra quân\ndate: 2019-04-19T16:54:00+07:00\n"
        f"source_url: {address}\ncaptured: 2025-03-12T08:30:00+07:00\ncorrections:\n"
        "  - date: 2026-01-02\n    text: Sửa tên phường\n---\nSáng 19/4, phường ra quân.\n",
    )
    other = "https://quanhaibatrung.hanoi.gov.vn/tin-tuc/kim-ma-124.html"
    site.add(
        "2019/05/trong-cay.md",
        "---\ntitle: Phường Kim Mã trồng cây\ndate: 2019-05-02T08:00:00+07:00\n"
        f"source_url: {other}\ncorrections:\n  - date: 2026-01-02\n    text: Sửa\n---\n"
        "Sáng 2/5, phường trồng cây.\n",
    )
    assert site.build() == 0
    shutil.rmtree(site.content)
    site.content.mkdir()
    result = run_import(site, site.output)
    assert result.returncode == 0, result.stderr
    written = by_source(site)
    # The day the page shows, at its midnight: the page gives no hour.
    assert written[address]["captured"].isoformat() == "2025-03-12T00:00:00+07:00"
    assert "captured" not in written[other]


def test_two_articles_that_claim_one_page_of_the_portal_are_said_at_every_build(site, capsys):
    """An editor who starts a new article from a copy of an imported one (its front matter
    ready) keeps its source_url and captured: the new article was published as the
    archive's copy of the other's page ("Bài gốc", the day it was captured), without a
    word, and an import of a later crawl found "already there" either of the two. Both
    files are named, at their source_url line, at every build and in check."""
    from newsarchive.cli import main

    address = "https://hbt.hanoi.gov.vn/tin-tuc/hoi-nghi-123.html"
    fields = {"source_url": address, "captured": "2025-03-12"}
    first = site.add("2020/01/hoi-nghi.md", article("Hội nghị tổng kết", "2020-01-05", **fields))
    copy = site.add("2020/02/bai-moi.md", article("Bài mới", "2020-02-05", **fields))
    other = "https://hbt.hanoi.gov.vn/tin-tuc/khac-9.html"
    site.add("2020/02/khac.md", article("Bài khác", "2020-02-06", source_url=other))
    for _ in range(2):  # at every build, not once
        assert site.build() == 0
        warnings = [x for x in capsys.readouterr().err.splitlines() if ": warning: " in x]
        assert [w.split(": warning: ")[0] for w in warnings] == [f"{first}:4", f"{copy}:4"]
        for warning, theirs in zip(warnings, (copy, first), strict=True):
            said = f": warning: source_url {address} is also the source_url of "
            assert said in warning, warning
            assert warning.split(said)[1].split(": ")[0].endswith(f"/{theirs.name}"), warning
    assert site.build("--strict") == 1
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 0
    err = capsys.readouterr().err
    assert f"{copy}:4: warning: source_url {address} is also the source_url of" in err, err
