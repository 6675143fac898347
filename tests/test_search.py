"""The search index in the built site: what is indexed, when it changes, what a failure
or a stop leaves. (The engines are in test_search_engine.py, what readers see in
test_search_browser.py.)"""

import os
import re
import subprocess
import sys
import tempfile
import threading

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, SUBPROCESS_ENV, article, tree

from newsarchive.config import load_config
from newsarchive.pipeline import update_search
from newsarchive.search import format as fmt
from newsarchive.search import writer
from newsarchive.search.engine import Index, search
from newsarchive.urls import search_url

BUNDLE = "tim-kiem/chi-muc"


def add_articles(site, n: int = 3) -> None:
    for i in range(n):
        site.add(
            f"2021/bai-{i}.md",
            article(f"Đường số {i} được sửa", f"2021-0{i + 1}-05 08:00", "Đồng chí Chủ tịch."),
        )


def bundle_files(site) -> dict[str, bytes]:
    return tree(site.output / BUNDLE)


def found(site, query: str) -> list[str]:
    return [hit.url for hit in search(Index(site.output / BUNDLE), query, limit=100).hits]


def test_article_pages_carry_no_search_record_and_the_index_holds_their_text(site):
    add_articles(site)
    assert site.build() == 0
    # The search page's own hidden paragraphs (a browser too old, no result) are its
    # messages, not a record of an article.
    search_page = site.output / search_url() / "index.html"
    assert search_page.is_file()
    for page in site.output.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select("[data-pagefind-body]"), page
        assert page == search_page or not soup.select("[hidden] p"), page
    urls = [f"2021/0{i + 1}/duong-so-{i}-duoc-sua/" for i in range(3)]
    assert sorted(found(site, "dong chi chu tich")) == urls
    assert found(site, "đường số 1") == [urls[1]]
    _, manifest = fmt.read_script((site.output / BUNDLE / "index.js").read_bytes())
    assert manifest["docs"] == 3  # type: ignore[index]


def test_no_search_box_is_corrected_by_the_phone(site):
    """A query typed without diacritics is not English: a phone's keyboard corrected
    `ha noi` or `truong` into English words as they were typed, and underlined the
    rest in red, in every search box (the header's on each page and the search page's)."""
    add_articles(site, 1)
    assert site.build() == 0
    boxes = []
    for page in site.output.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        boxes += soup.select("input[type=search]")
    assert len(boxes) > 3
    for box in boxes:
        assert (box.get("autocorrect"), box.get("spellcheck")) == ("off", "false"), box


def test_the_index_changes_only_when_an_article_changes(site, capsys):
    add_articles(site)
    assert site.build() == 0
    assert "; search index rebuilt in" in capsys.readouterr().out
    first = bundle_files(site)
    assert fmt.STAMP in first

    assert site.build() == 0
    assert "; search index unchanged" in capsys.readouterr().out
    assert bundle_files(site) == first

    # A change that shows on list pages only leaves the index alone.
    strings = site.root / "templates/strings.yaml"
    strings.write_text(
        strings.read_text(encoding="utf-8").replace("newest_articles:", "newest_articles: Mới |"),
        encoding="utf-8",
    )
    assert site.build() == 0
    assert "unchanged" in capsys.readouterr().out

    site.add("2021/moi.md", article("Tin mới về cán bộ", "2021-06-01 08:00"))
    # --no-search publishes the pages and leaves the index alone, saying so.
    assert site.build("--no-search") == 0
    assert "; search index left as it was (--no-search)" in capsys.readouterr().out
    assert (site.output / "2021/06/tin-moi-ve-can-bo/index.html").is_file()
    assert bundle_files(site) == first

    assert site.build() == 0
    assert "; search index rebuilt in" in capsys.readouterr().out
    assert found(site, "tin moi can bo") == ["2021/06/tin-moi-ve-can-bo/"]
    # The old segments stay as they were: 3 + 1 articles = a segment of 4 in place of
    # those of 2 and 1.
    changed = {k for k, v in bundle_files(site).items() if first.get(k) != v}
    assert "index.js" in changed and len(changed) < len(first) + 4

    # Built again from nothing, the index is the same bytes.
    incremental = bundle_files(site)
    assert site.build("--no-cache", "--output", str(site.root / "fresh")) == 0
    assert tree(site.root / "fresh" / BUNDLE) == incremental


def test_only_a_build_that_writes_a_segment_loads_numpy(site):
    """numpy takes some 0.06-0.15 s to import, a tenth of a rebuild at 10,000 articles
    (issue 17): a build whose index is unchanged, as after a template edit, goes without,
    and one that adds an article leaves it to the process it forked ahead, which imports
    it meanwhile and writes the new small segment (test_rebuild.py)."""
    add_articles(site)
    code = "import sys; from newsarchive import cli; cli.main(sys.argv[1:]); print(*sys.modules)"

    def build_loads_numpy(*args: str) -> bool:
        command = [sys.executable, "-c", code, "build", "--config", str(site.root / "site.yaml")]
        run = subprocess.run([*command, *args], env=SUBPROCESS_ENV, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        assert "search index" in run.stdout
        return "numpy" in run.stdout.split()

    assert build_loads_numpy("--jobs", "1")  # the first build writes the index, here
    footer = site.root / "templates" / "base.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not build_loads_numpy()
    site.add("2021/moi.md", article("Tin mới", "2021-06-01 08:00", "Nội dung."))
    assert build_loads_numpy("--jobs", "1")  # one process: the segment is written here
    site.add("2021/moi-nua.md", article("Tin mới nữa", "2021-06-02 08:00", "Nội dung."))
    assert not build_loads_numpy("--jobs", "2")


def test_a_stopped_update_keeps_the_previous_index(site):
    """`serve` stops an update when a file changes."""
    add_articles(site)
    assert site.build() == 0
    before = bundle_files(site)
    site.add("2021/moi.md", article("Tin mới", "2021-06-01 08:00"))
    assert site.build("--no-search") == 0
    stop = threading.Event()
    stop.set()
    note = update_search(load_config(site.root / "site.yaml"), stop)
    assert note.startswith("search index update stopped")
    assert {k: v for k, v in bundle_files(site).items() if not k.startswith("s/")} == {
        k: v for k, v in before.items() if not k.startswith("s/")
    }
    assert found(site, "tin moi") == []
    assert update_search(load_config(site.root / "site.yaml")).startswith("search index rebuilt in")
    assert found(site, "tin moi") == ["2021/06/tin-moi/"]


def test_a_failed_update_keeps_the_previous_index(site, capsys, monkeypatch):
    add_articles(site)
    assert site.build() == 0
    before = bundle_files(site)
    site.add("2021/moi.md", article("Tin mới", "2021-06-01 08:00"))
    real = writer._write_segment

    def disk_full(*args, **kwargs):
        real(*args, **kwargs)  # a new segment is written, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_write_segment", disk_full)
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err
    assert "the pages were published; the search index is the previous one." in err
    assert bundle_files(site) == before
    assert (site.output / "2021/06/tin-moi/index.html").exists()
    monkeypatch.undo()
    assert site.build() == 0
    assert found(site, "tin moi") == ["2021/06/tin-moi/"]


def test_the_index_names_a_category_as_its_oldest_article_spells_it(site):
    site.add("a.md", article("Bài cũ", "2019-04-19", category="Tin tức - Sự kiện"))
    site.add("b.md", article("Bài mới", "2019-04-20", category="tin tức - sự kiện"))
    assert site.build() == 0
    hits = search(Index(site.output / BUNDLE), "bài", limit=10).hits
    assert [hit.category for hit in hits] == ["Tin tức - Sự kiện"] * 2


def test_a_segment_is_indexed_again_when_an_older_articles_spelling_renames_its_category(
    site, tmp_path
):
    """A build names the index's segments by their articles' files and digests (the
    cache), not by every article's fields (issue 17): the newest article's file is the
    same, yet its category as the index shows it follows the oldest article's spelling."""
    site.add("a.md", article("Bài cũ", "2019-04-18", category="Tin tức - Sự kiện"))
    site.add("b.md", article("Bài giữa", "2019-04-19", category="Văn hóa"))
    site.add("c.md", article("Bài mới", "2019-04-20", category="tin tức - sự kiện"))
    assert site.build("--quiet") == 0  # segments: [a, b] and [c]
    site.add("a.md", article("Bài cũ", "2019-04-18", category="TIN TỨC - SỰ KIỆN"))
    assert site.build("--quiet") == 0
    hits = search(Index(site.output / BUNDLE), "bài mới", limit=1).hits
    assert [hit.category for hit in hits] == ["TIN TỨC - SỰ KIỆN"]
    clean = tmp_path / "clean"
    assert site.build("--quiet", "--no-cache", "--output", str(clean)) == 0
    assert bundle_files(site) == tree(clean / BUNDLE)


def test_an_offline_copy_has_an_index_too(site):
    add_articles(site)
    assert site.build("--offline") == 0
    offline = site.output.with_name(site.output.name + "-offline")
    assert (offline / BUNDLE / "index.js").is_file()
    assert (offline / "js/search-engine.js").is_file()


def test_a_static_folder_may_not_hide_the_index(site, capsys):
    (site.root / "static" / BUNDLE).mkdir(parents=True)
    (site.root / "static" / BUNDLE / "index.js").write_text("x", encoding="utf-8")
    add_articles(site, 1)
    assert site.build() == 1
    assert "would be overwritten by the search index" in capsys.readouterr().err


def test_an_empty_archive_builds_without_an_index(site, capsys):
    assert site.build() == 0
    assert "; no search index (no articles)" in capsys.readouterr().out
    assert not (site.output / BUNDLE).exists()
    assert os.path.exists(site.output / "tim-kiem/index.html")


def test_a_build_without_cache_converts_each_body_once(site, monkeypatch, capsys, tmp_path):
    """--no-cache: the search index reads the bodies the render stage converted in the
    same build (put aside in a temporary folder), not converting them a second time."""
    from newsarchive import render, renderer

    for i in range(5):
        body = f"Đồng chí Chủ tịch, lần thứ {i}."
        site.add(f"2021/bai-{i}.md", article(f"Đường số {i}", f"2021-0{i + 1}-05 08:00", body))
    converted: list[str] = []
    to_html = renderer.to_html

    def counted(converter, markdown, clean):
        converted.append(markdown)
        return to_html(converter, markdown, clean)

    monkeypatch.setattr(renderer, "to_html", counted)
    # Put aside after every body, two articles a group: several files and groups.
    monkeypatch.setattr(render.SpooledBodies, "HELD", 1)
    monkeypatch.setattr(render.SpooledBodies, "GROUP", 2)
    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    assert site.build("--no-cache", "--jobs", "1") == 0
    assert "; search index rebuilt in" in capsys.readouterr().out
    assert len(converted) == 5 == len(set(converted))
    assert found(site, "lan thu 3") == ["2021/04/duong-so-3/"]
    assert not any(spool.iterdir())  # the bodies put aside are gone


def test_the_look_alike_of_d_with_stroke_is_read_as_it(site):
    """Text converted from old encodings writes `Ð` (U+00D0, the Icelandic eth, lower
    case `ð`) for `Đ`: both spellings are one word, found typed either way."""
    site.add("2021/a.md", article("Tin một", "2021-01-05 08:00", "Đoàn công tác ở Ðà Nẵng."))
    site.add("2021/b.md", article("Tin hai", "2021-02-05 08:00", "Đoàn công tác ở Đà Nẵng."))
    site.add("2021/c.md", article("Tin ba", "2021-03-05 08:00", "Lễ hội ở ðà lạt."))
    assert site.build() == 0
    both = ["2021/02/tin-hai/", "2021/01/tin-mot/"]  # equal scores: newer first
    for query in ["Ðà Nẵng", "Đà Nẵng", "đà nẵng", "ðà nẵng", "da nang", '"ÐÀ NẴNG"']:
        assert found(site, query) == both, query
    assert found(site, "Đà Lạt") == ["2021/03/tin-ba/"]


def test_a_date_is_found_with_or_without_leading_zeros(site):
    """The pages show dates as `05/03/2020`; articles mostly write `5/3/2020`. A reader
    copies or types either: a number's leading zeros do not count (`0` is still `0`)."""
    site.add("2020/a.md", article("Tin một", "2020-03-05 08:00", "Hạn chót ngày 21/3/2020."))
    site.add("2020/b.md", article("Tin hai", "2020-03-06 08:00", "Ngày 01/04/2020, tổ 0 họp."))
    site.add("2020/c.md", article("Tin ba", "2020-03-07 08:00", "Ngày 12/3/2021."))
    assert site.build() == 0
    for query in ["21/03/2020", "21/3/2020", '"21/03/2020"']:
        assert found(site, query) == ["2020/03/tin-mot/"], query
    for query in ["1/4/2020", "01/04/2020", "tổ 0", "tổ 00"]:
        assert found(site, query) == ["2020/03/tin-hai/"], query
    assert found(site, "2/3") == []  # still whole numbers: 12 is not 2


def test_an_article_is_found_by_the_year_it_shows(site):
    """Its text seldom repeats the year of its date: `kết nạp đảng viên 2022` found no
    article of 2022 whose text did not say 2022 (only one of 2020 whose text did)."""
    site.add(
        "2022/a.md",
        article("Kết nạp đảng viên mới", "2022-01-07 08:00", "Chi bộ kết nạp hai đảng viên."),
    )
    site.add(
        "2020/b.md",
        article("Kế hoạch năm 2022", "2020-12-20 08:00", "Đảng ủy kết nạp đảng viên đến 2022."),
    )
    site.add("2021/c.md", article("Hội nghị", "2021-03-02 08:00", "Họp ngày 07/01/2022."))
    assert site.build() == 0
    a, b, c = "2022/01/ket-nap-dang-vien-moi/", "2020/12/ke-hoach-nam-2022/", "2021/03/hoi-nghi/"
    assert sorted(found(site, "kết nạp đảng viên 2022")) == [b, a]
    assert found(site, "ket nap 2020") == [b]
    assert found(site, "ket nap 2021") == []
    assert sorted(found(site, "2022")) == [b, c, a]


def test_a_date_finds_the_articles_of_that_day_and_those_that_write_it(site):
    """A reader looking for the news of a day types its date as the pages show it or as
    articles write it: `07/01/2022` found only the articles whose text wrote it, not
    those published that day (the index had only the year of an article's date). Now
    the day's articles come first (newest first), then those that write the date; the
    day and month are no words of an article of that day (`đường số 1`: not every
    article of a 1st or of January). A month (`1/2022`) is the next test's; after `số`
    (`Quyết định số 12/2019`) it is a document's number."""
    site.add("2022/a.md", article("Kết nạp đảng viên", "2022-01-07 08:00", "Chi bộ họp."))
    site.add("2022/e.md", article("Trao quà Tết", "2022-01-07 15:00", "Trao quà cho hộ nghèo."))
    site.add("2021/c.md", article("Hội nghị", "2021-03-02 08:00", "Họp ngày 7-1-2022 ở phường."))
    site.add("2022/d.md", article("Đường số 0", "2022-01-01 08:00", "Tin đường phố."))
    site.add("2019/f.md", article("Tin một", "2019-12-05 08:00", "Quyết định số 12/2019 của quận."))
    site.add("2019/g.md", article("Tin hai", "2019-12-10 08:00", "Tin tháng mười hai."))
    assert site.build() == 0
    a, e, c = "2022/01/ket-nap-dang-vien/", "2022/01/trao-qua-tet/", "2021/03/hoi-nghi/"
    day = [e, a, c]
    for query in ["07/01/2022", "7/1/2022", '"07/01/2022"', "7-1-2022", "07.01.2022"]:
        assert found(site, query) == day, query
    for query in ["ngày 7/1/2022", "ngay 07/01/2022", "Ngày 07/01/2022 "]:
        assert found(site, query) == day, query
    assert found(site, "kết nạp 07/01/2022") == [a]
    assert found(site, "ket nap ngay 7/1/2022") == [a]
    assert found(site, "họp 7/1/2022") == [a, c]
    assert found(site, "phường ngày 07/01/2022") == [c]
    assert found(site, "08/01/2022") == []
    assert found(site, "đường số 1") == []
    assert found(site, "Quyết định số 12/2019") == ["2019/12/tin-mot/"]


def test_a_month_finds_the_articles_of_that_month_then_what_it_found_before(site):
    """`tháng 1/2022`, `01/2022`: a reader asks for the news of January 2022, and found
    the articles that have the numbers 1 and 2022 anywhere (`khu phố 1`, an article of
    2022 or one that writes `1/2022`), not those of January that lack them. Now the
    month's articles come first, newest first, then every article found before, as
    before (`Quyết định 01/2022/QĐ-UBND` still finds its article); two months joined are
    the days from the one to the other, and `từ 1/1/2022 đến nay` every day from then to
    the newest article; with words, those of them with the words. A year alone, and a
    month after `số` (a document's number), are as before."""
    site.add("2022/a.md", article("Kết nạp đảng viên", "2022-01-07 08:00", "Chi bộ họp."))
    site.add("2022/b.md", article("Trao quà Tết", "2022-01-28 15:00", "Trao quà hộ nghèo."))
    site.add("2022/c.md", article("Hội nghị", "2022-03-02 08:00", "Họp khu phố 1 năm nay."))
    site.add("2021/d.md", article("Kế hoạch", "2021-12-20 08:00", "Áp dụng từ tháng 1/2022."))
    site.add("2021/e.md", article("Quyết định", "2021-11-05 08:00", "Số 01/2022/QĐ-UBND."))
    site.add("2022/f.md", article("Hội nghị tháng 2", "2022-02-10 08:00", "Họp tổ dân phố."))
    site.add("2021/g.md", article("Kết nạp", "2021-10-01 08:00", "Chi bộ họp."))
    assert site.build() == 0
    a, b, c = "2022/01/ket-nap-dang-vien/", "2022/01/trao-qua-tet/", "2022/03/hoi-nghi/"
    d, e, f = "2021/12/ke-hoach/", "2021/11/quyet-dinh/", "2022/02/hoi-nghi-thang-2/"
    g = "2021/10/ket-nap/"
    assert found(site, "khu phố 1 2022") == [c]  # the numbers anywhere, as before
    # January's articles, newest first (before: none, they lack the number 1), then
    # those found before: with the numbers (and `tháng`) anywhere.
    for query, rest in [
        ("tháng 1/2022", [d]),
        ("Tháng 01/2022", [d]),
        ("thang 1-2022 ", [d]),
        ("1/2022", [c, d, e]),
        ("01/2022", [c, d, e]),
    ]:
        got = found(site, query)
        assert got[:2] == [b, a] and sorted(got[2:]) == sorted(rest), query
    assert found(site, "kết nạp tháng 1/2022") == [a]
    assert found(site, "hội nghị 2/2022") == [f]
    for query in ["1/2022-2/2022", "từ tháng 1/2022 đến tháng 2/2022", "2/2022 - 1/2022"]:
        assert found(site, query)[:3] == [f, b, a], query
    for query in [
        "từ 1/1/2022 đến nay",
        "từ ngày 01/01/2022 đến hôm nay",
        "từ tháng 1/2022 đến nay",
    ]:
        assert found(site, query)[:4] == [c, f, b, a], query
    assert sorted(found(site, "kết nạp")) == sorted([a, g])
    assert found(site, "kết nạp từ 1/11/2021 đến nay") == [a]
    assert found(site, "Quyết định số 01/2022") == [e]
    assert sorted(found(site, "2022")) == sorted([a, b, c, d, e, f])


def test_a_long_date_with_its_month_as_a_word_is_that_day_in_the_query_and_the_index(site):
    """`ngày 15 tháng Sáu năm 2019` (the month as a word, as `tháng Sáu năm 2019` is read)
    was six words: it did not find the article of that day, and `15/6/2019` did not find
    the article that writes it so. Now it is the date, in the query and in the index, as
    `ngày 15 tháng 6 năm 2019` is; `ngày 5 tháng năm 2019` stays words (`năm`: a year)."""
    site.add("2019/a.md", article("Hội nghị", "2019-06-15 08:00", "Chi bộ họp."))
    body = "Hà Nội, ngày 15 tháng Sáu năm 2019."
    site.add("2019/b.md", article("Kế hoạch", "2019-07-02 08:00", body))
    site.add("2019/c.md", article("Thông báo", "2019-07-03 08:00", "Họp ngày 15/06/2019."))
    site.add("2019/d.md", article("Ngày hội", "2019-07-04 08:00", "Ngày 5 tháng năm 2019."))
    assert site.build() == 0
    a, b, c = "2019/06/hoi-nghi/", "2019/07/ke-hoach/", "2019/07/thong-bao/"
    for query in [
        "ngày 15 tháng Sáu năm 2019",
        "ngay 15 thang sau nam 2019",
        "ngày 15 tháng 6 năm 2019",
        "15/6/2019",
    ]:
        got = found(site, query)
        assert got[0] == a and sorted(got[1:3]) == [b, c], (query, got)
    assert found(site, "kế hoạch ngày 15 tháng sáu năm 2019") == [b]
    assert found(site, "5/5/2019") == []


def test_a_day_after_mung_or_with_its_year_after_a_slash_is_that_day_in_query_and_index(site):
    """`mùng 5 tháng 3 năm 2020` (no `ngày`) and `ngày 15 tháng 6/2019` (the year after
    `/`) were words: they did not find the article of that day, and `5/3/2020` did not
    find the article that writes it so. Now they are the date, in the query and in the
    index; `từ mùng 1/3/2020 đến mùng 5/3/2020` is the range without the words `từ`,
    `mùng` (which the days' articles need not write)."""
    site.add("2020/a.md", article("Hội nghị", "2020-03-05 08:00", "Chi bộ họp."))
    body = "Hà Nội, mùng 5 tháng 3 năm 2020."
    site.add("2020/b.md", article("Kế hoạch", "2020-04-02 08:00", body))
    site.add("2019/c.md", article("Thông báo", "2019-07-03 08:00", "Họp ngày 15 tháng 6/2019."))
    site.add("2019/d.md", article("Lịch họp", "2019-06-15 08:00", "Chi bộ họp."))
    assert site.build() == 0
    a, b = "2020/03/hoi-nghi/", "2020/04/ke-hoach/"
    c, d = "2019/07/thong-bao/", "2019/06/lich-hop/"
    for query in ["mùng 5 tháng 3 năm 2020", "mung 5 thang 3 nam 2020", "5/3/2020"]:
        got = found(site, query)
        assert got == [a, b], (query, got)
    for query in ["ngày 15 tháng 6/2019", "15/6/2019"]:
        got = found(site, query)
        assert got == [d, c], (query, got)
    assert found(site, "từ mùng 1/3/2020 đến mùng 5/3/2020") == [a]


def test_a_long_date_or_month_finds_what_the_short_one_finds_either_way_it_is_written(site):
    """`Hà Nội, ngày 15 tháng 3 năm 2019`, as a formal document dates itself, and `tháng 3
    năm 2019`, as readers say a month, were words: `ngày 15 tháng 3 năm 2019` did not
    find the article of that day (shown `15/03/2019`) nor one that writes `15/3/2019`,
    and `15/3/2019` did not find the article that writes the long form. Now the long
    form is the short one's date or month, in the query and in the index; what the
    query's words found before is found still, after. A month in words is how titles
    write it (`Lịch tiếp công dân tháng 3 năm 2019`, published in February): among other
    words, what its words find comes first, then the month's other articles; alone, it
    asks for the month, as `tháng 3/2019`."""
    site.add("2019/a.md", article("Hội nghị", "2019-03-15 08:00", "Chi bộ họp."))
    site.add(
        "2019/b.md", article("Kế hoạch", "2019-04-02 08:00", "Hà Nội, ngày 15 tháng 3 năm 2019.")
    )
    site.add("2019/c.md", article("Thông báo", "2019-05-02 08:00", "Họp ngày 15/03/2019."))
    site.add("2019/d.md", article("Tập huấn", "2019-03-28 08:00", "Lớp tập huấn cán bộ."))
    site.add("2019/e.md", article("Năm học", "2019-06-01 08:00", "Ngày 15, tháng 3 năm 2019."))
    site.add("2019/f.md", article("Kỷ niệm", "2019-06-02 08:00", "Ngày mùng 2 tháng 9 năm 1945."))
    site.add("2019/g.md", article("Lịch tiếp dân tháng 3 năm 2019", "2019-02-25 08:00", "Lịch."))
    site.add("2019/h.md", article("Lịch tiếp dân tháng 4 năm 2019", "2019-03-27 08:00", "Lịch."))
    assert site.build() == 0
    a, b, c = "2019/03/hoi-nghi/", "2019/04/ke-hoach/", "2019/05/thong-bao/"
    d, e, f = "2019/03/tap-huan/", "2019/06/nam-hoc/", "2019/06/ky-niem/"
    g, h = "2019/02/lich-tiep-dan-thang-3-nam-2019/", "2019/03/lich-tiep-dan-thang-4-nam-2019/"
    for query in ["15/3/2019", "ngày 15-03-2019"]:  # the article of that day, then writers
        assert found(site, query)[0] == a and sorted(found(site, query)[1:]) == [b, c], query
    for query in [
        "ngày 15 tháng 3 năm 2019",
        "Ngày 15 tháng 03 năm 2019",
        "ngay 15 thang 3 nam 2019",
    ]:
        got = found(site, query)
        # Then what its words found before: `e` writes them, not as a date.
        assert got[0] == a and sorted(got[1:3]) == [b, c] and got[3:] == [e], (query, got)
    assert found(site, "kế hoạch ngày 15 tháng 3 năm 2019") == [b]
    assert found(site, "ngày 2 tháng 9 năm 1945") == [f]
    assert found(site, "2/9/1945") == [f]
    # March's articles, newest first, then those with the words (and `tháng`) anywhere,
    # however it is written; among other words, in words, the other way round (below).
    for query in ["tháng 3/2019", "tháng 3 năm 2019", "tháng 03 năm 2019", "thang 3 nam 2019"]:
        got = found(site, query)
        assert got[:3] == [d, h, a] and sorted(got[3:]) == sorted([b, e, g]), (query, got)
    assert found(site, "lịch tiếp dân tháng 3 năm 2019") == [g, h]
    assert found(site, "lịch tiếp dân tháng 3/2019") == [h, g]
    assert found(site, "từ ngày 1 tháng 3 năm 2019 đến ngày 31 tháng 3 năm 2019")[:3] == [d, h, a]
    assert found(site, "từ tháng 4 năm 2019 đến nay")[:4] == [f, e, c, b]
    # Not a date: the day out of range; a long month after a number is read as before.
    assert found(site, "ngày 32 tháng 3 năm 2019") == []
    assert sorted(found(site, "15 tháng 3 năm 2019")) == sorted([b, e])


@pytest.mark.filterwarnings("error::RuntimeWarning")  # numpy's, for a mean of 0 words
def test_a_newest_article_without_a_word_is_indexed_without_a_crash(site, capsys):
    """An imported photo post: a title of punctuation (with a slug) and only an image.
    Alone in the newest segment (3 articles = 2 + 1), it had no word for the index to
    count, and the build stopped with an internal error."""
    site.add("2021/a.md", article("Tin một", "2021-01-04 08:00", "Nội dung một."))
    site.add("2021/b.md", article("Tin hai", "2021-01-05 08:00", "Nội dung hai."))
    photo = article("…", "2021-01-06 08:00", "![](https://example.com/anh.png)", slug="anh")
    site.add("2021/c.md", photo)
    assert site.build() == 0
    captured = capsys.readouterr()
    assert "internal error" not in captured.err + captured.out
    _, manifest = fmt.read_script((site.output / BUNDLE / "index.js").read_bytes())
    assert manifest["docs"] == 3  # type: ignore[index]
    assert sorted(found(site, "noi dung")) == ["2021/01/tin-hai/", "2021/01/tin-mot/"]


def test_a_word_with_a_soft_hyphen_in_it_is_found(site):
    """Word's optional hyphen (U+00AD, Ctrl+-) and the portal's `&shy;` are invisible on
    the page but split the word in two: `Hội ng\\u00adhị` and `quy ho&shy;ạch` were found
    by neither `hội nghị` nor `quy hoạch`. A query pasted from the page holds them too."""
    site.add(
        "a.md",
        article(
            '"Hội ng\u00adhị tổng kết"',
            "2019-04-05",
            "Bàn về quy ho&shy;ạch và quy\u2060hoạch khu vực Bạch Đằng.",
        ),
    )
    site.add("b.md", article("Tin khác", "2019-04-06", "Không có từ ấy."))
    assert site.build() == 0
    assert found(site, "hội nghị") == ["2019/04/hoi-nghi-tong-ket/"]
    assert found(site, "quy hoạch khu vực") == ["2019/04/hoi-nghi-tong-ket/"]
    assert found(site, "quyhoach") == ["2019/04/hoi-nghi-tong-ket/"]  # the joiner joins
    assert found(site, "Hội ng\u00adhị") == ["2019/04/hoi-nghi-tong-ket/"]


def test_the_format_page_describes_the_manifest_a_build_writes(site):
    """docs/search-format.md's title said version 15 and its manifest example "version":
    13, keys out of the order it says they are written in: a maintainer comparing a
    built index.js with the page could not tell which was right."""
    add_articles(site)
    site.build()
    _, manifest = fmt.read_script((site.output / BUNDLE / "index.js").read_bytes())
    page = (REPO / "docs" / "search-format.md").read_text(encoding="utf-8")
    assert page.startswith(f"# The search index: file format, version {fmt.VERSION}\n")
    example = page.split("### Manifest (`index.js`)\n\n", 1)[1].split("\n\n", 1)[0]
    keys = re.findall(r'"([a-z]+)": ', example)
    assert keys == sorted(manifest) == sorted(keys), (keys, sorted(manifest))
    assert f'"version": {fmt.VERSION}' in example
