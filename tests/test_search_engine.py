"""The search index and its engines: the tokenizer, the file format, the ranking, an
incremental index equal to one written from scratch, and the page's JavaScript engine
ranking exactly as the Python reference engine (in Chromium)."""

import dataclasses
import math
import shutil
import sys
import tracemalloc
import unicodedata
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import REPO, SiteDir, article, tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive import folding
from newsarchive.content import Article
from newsarchive.search import format as fmt
from newsarchive.search import segment, terms
from newsarchive.search.engine import Index, search, search_index_problems, suggest
from newsarchive.search.terms import html_text, parse_query
from newsarchive.search.writer import update_index

HANOI = timezone(timedelta(hours=7))
INDEX = "tim-kiem/chi-muc"


def articles_of(texts: list[tuple[str, str]]) -> tuple[list[Article], dict[str, str]]:
    """Articles (oldest first) with these titles and bodies, and their bodies' HTML."""
    articles, bodies = [], {}
    for number, (title, body) in enumerate(texts):
        key = f"body-{number}-{hash(body) & 0xFFFF}"
        bodies[key] = f"<p>{body}</p>"
        articles.append(
            Article(
                path=f"{number}.md",
                title=title,
                published=datetime(2020, 1, 1, tzinfo=HANOI) + timedelta(hours=number),
                slug=f"bai-{number}",
                body_digest=key,
                summary=f"Tóm tắt {number}",
            )
        )
    return articles, bodies


def index_of(
    folder: Path, texts: list[tuple[str, str]], published: Sequence[datetime] | None = None
) -> Index:
    """The index of articles_of(texts), published at ``published`` (one each, Hanoi
    time) where a test's dates matter, else an hour apart."""
    articles, bodies = articles_of(texts)
    if published is not None:
        articles = [
            dataclasses.replace(a, published=when.replace(tzinfo=HANOI))
            for a, when in zip(articles, published, strict=True)
        ]
    update_index(folder, articles, lambda keys: {k: bodies[k] for k in keys})
    return Index(folder)


def titles(index: Index, query: str) -> list[str]:
    return [hit.title for hit in search(index, query, limit=100).hits]


# -- Words -------------------------------------------------------------------------


def test_words_fold_to_terms_and_keep_one_tone_placement():
    assert folding.words("HOÀ bình, Hòa; KHOẺ thuỷ quý") == [
        "hòa",
        "bình",
        "hòa",
        "khỏe",
        "thủy",
        "quí",
    ]
    assert [folding.fold(w) for w in folding.words("Đường dương ĐỒNG")] == [
        "duong",
        "duong",
        "dong",
    ]
    # Codes and numbers: letters and digits make one word, punctuation splits.
    assert folding.words("3286-QĐ/QU G1 2019") == ["3286", "qđ", "qu", "g1", "2019"]
    assert folding.fold("qđ") == "qd"


def test_i_and_y_after_a_consonant_are_one_spelling():
    """Two spelling rules are taught: `quản lý`, `kỳ họp` and `quản lí`, `kì họp`."""
    assert folding.words("LÝ lí Kỳ kì QUÝ quí Mỹ mĩ sỹ sĩ ly li") == [
        *("lí", "lí", "kì", "kì", "quí", "quí", "mĩ", "mĩ", "sĩ", "sĩ", "li", "li")
    ]
    # Not `y` alone, nor `uy`, nor a `y` after another vowel.
    assert folding.words("ý Y huy thủy nguy tay mây") == [
        "ý",
        "y",
        "huy",
        "thủy",
        "nguy",
        "tay",
        "mây",
    ]


def test_a_query_has_words_pairs_and_quoted_pairs():
    query = parse_query('"Hai Bà" Trưng hai')
    assert query.words == ["hai", "ba", "trung"]
    assert query.pairs == ["hai ba", "trung hai"]  # no pair across a quote
    assert query.quoted == {"hai ba"}
    assert query.typed == {"hai": set(), "ba": {"bà"}, "trung": {"trưng"}}
    many = " ".join(f"w{i}" for i in range(20))
    assert parse_query(many).words == [f"w{i}" for i in range(fmt.MAX_QUERY_WORDS)]
    # But numbers after them, words without pairs: a year tells an annual event's
    # article from the others' (`... thiên tai 2019` was searched without 2019).
    later = parse_query(many + " năm 2019 7 x 08 9 10 11")
    assert later.words == [*parse_query(many).words, "2019", "7", "8", "9"]
    assert later.pairs == parse_query(many).pairs
    # Not one the text ends with: it may be a year being typed (`năm 201`).
    assert parse_query(many + " năm 201").words == parse_query(many).words
    assert parse_query(many + " năm 2019 ").words[-1] == "2019"
    # But for a year, whole at four digits: a title pasted whole (`Thông báo tuyển dụng
    # viên chức giáo dục Hai Bà Trưng năm 2021`, 13 words) was searched without 2021.
    assert parse_query(many + " năm 2019").words == [*parse_query(many).words, "2019"]
    assert parse_query(many + " số 2019").words == [*parse_query(many).words, "2019"]
    assert parse_query(many + " năm 20190").words == parse_query(many).words
    # A date after them is its date term (`… từ ngày 13/3/2011` was the numbers 13 and 3,
    # and not 2011), whole as the text ends with it; one begun among them, too.
    assert parse_query(many + " từ ngày 13/3/2011").words[-1] == "13/3/2011"
    assert parse_query(many + " 13/3/2011 và 5").words[-1] == "13/3/2011"
    eleven = " ".join(f"w{i}" for i in range(11))
    begun = parse_query(eleven + " ngày 13/3/2011")
    assert begun.words == [*parse_query(eleven).words, "13/3/2011"]
    assert begun.pairs == parse_query(eleven).pairs  # `ngày` is the date's
    # Not a number after a minus there (`-vỉa` is left out; `-2019` is a number, as it is
    # among the words searched).
    assert parse_query(many + " -vỉa 7 ").words[-1] == "7"


def test_a_whole_date_in_a_query_is_one_term_no_word_makes():
    """`07/01/2022`, `7-1-2022`, `7.1.2022`: one term, the date without its leading
    zeros and with slashes (no word has a slash), instead of the numbers 7, 1 and 2022,
    which an article of that day need not have, and `ngày` before it with them. Not a
    day or month out of range, or a date inside a longer code (a month, `12/2019`, is
    the next test's)."""
    for text in ["07/01/2022", "7/1/2022", "7-1-2022", "07.01.2022", '"7/1/2022"']:
        query = parse_query(text)
        assert (query.words, query.pairs, query.quoted) == (["7/1/2022"], [], set()), text
        assert query.last == "" and query.typed == {"7/1/2022": set()}, text
    query = parse_query("Kết nạp ngày 07/01/2022 ở phường")
    assert query.words == ["ket", "nap", "7/1/2022", "o", "phuong"]
    assert query.pairs == ["ket nap", "o phuong"]
    assert query.title == "=ket nap ngay 7 1 2022 o phuong"  # a title typed whole
    assert parse_query("ngày 7/1/2022 ngày").words == ["7/1/2022", "ngay"]  # a word elsewhere
    assert parse_query('"ngày 7/1/2022"').words == ["7/1/2022"]
    for text in [
        "số 12/2019/QĐ-UBND",
        "32/1/2022",
        "7/13/2022",
        "7/1/22",
        "1/7/1/2022",
        "7/1/2022/1",
        "7/1-2022",
        "7/1/20221",
    ]:
        assert not any("/" in word for word in parse_query(text).words), text
    # The same date twice: once.
    assert parse_query("1/2/2020 ngày 01/02/2020").words == ["1/2/2020"]
    # Left out after a minus as the numbers were (`-` before a phrase).
    assert parse_query('hội nghị -"7/1/2022"').excluded == [["7 1", "1 2022"]]


def test_a_date_range_in_a_query_is_one_word_for_any_day_of_it():
    """Two whole dates joined by a dash or `đến`/`tới` (`từ` and `ngày` before them part
    of it) ask for the articles of any day from the first to the second, one word of the
    query (Query.when), not both dates (every word is required: a range found almost
    nothing). Two dates not joined ask for either; one date is its date term, as before."""
    want = (["1/1/2020-3/1/2020"], [], "1/1/2020-3/1/2020", [("1/1/2020", "3/1/2020")], [])
    for text in [
        "1/1/2020-3/1/2020",
        "01/01/2020 - 03/01/2020",
        "1/1/2020 \u2013 3/1/2020",
        "1/1/2020\u20143/1/2020",
        "từ 1/1/2020 đến 3/1/2020",
        "Từ ngày 1/1/2020 đến ngày 3/1/2020",
        "tu ngay 1-1-2020 den ngay 3-1-2020",
        "ngày 1.1.2020 tới 3.1.2020",
        "3/1/2020 - 1/1/2020",  # the other way round: the same days
        '"1/1/2020 - 3/1/2020"',
    ]:
        query = parse_query(text)
        got = (query.words, query.pairs, query.when, query.spans, query.days)
        assert got == want, text
        assert query.last == "" and query.typed == {"1/1/2020-3/1/2020": set()}, text
    query = parse_query("kết nạp đảng viên từ 1/1/2020 đến 31/1/2020")
    assert query.words == ["ket", "nap", "dang", "vien", "1/1/2020-31/1/2020"]
    assert query.pairs == ["ket nap", "nap dang", "dang vien"]  # not `vien tu`
    assert query.when == "1/1/2020-31/1/2020"
    # Not joined: either date; with a range, any of its days or the other date.
    query = parse_query("hội nghị 1/1/2020 và 3/1/2020")
    assert query.words == ["hoi", "nghi", "1/1/2020 3/1/2020", "va"]
    assert (query.days, query.spans) == (["1/1/2020", "3/1/2020"], [])
    query = parse_query("1/2/2020 - 3/4/2020 1/2/2020 5/5/2021")
    assert query.words == ["1/2/2020-3/4/2020 1/2/2020 5/5/2021"]
    assert query.days == ["1/2/2020", "5/5/2021"]
    assert query.spans == [("1/2/2020", "3/4/2020")]
    # The same day twice is that day; `đến` is a word elsewhere, `từ` alone before a date
    # a range to today (the test after the next).
    assert parse_query("1/1/2020 - 01/01/2020").words == ["1/1/2020"]
    assert parse_query("đi từ 1/1/2020").words == ["di", "1/1/2020-"]
    assert parse_query("1/1/2020 đến hội nghị").words == ["1/1/2020", "den", "hoi", "nghi"]
    # A date after a minus is left out as before, and joins no range.
    assert parse_query("1/1/2020 - 3/1/2020 -ngày").words == ["1/1/2020-3/1/2020"]


def test_a_month_or_a_range_to_today_in_a_query_is_its_days_and_read_as_before_too():
    """`tháng 1/2020`, `01/2020`: the days of the month, one word (Query.when), as a range
    is (`tháng` part of it); two months joined, from the first's first day to the
    second's last; `từ 1/1/2020 đến nay`: from the day on, no last day. Such a query is
    read as before too (Query.literal: the month's numbers, `đến nay`'s words), so that
    what an article that writes them found, it finds still (engine.search). A year alone,
    `số 12/2019` (a document's number) and a code are as before."""
    january = [("1/1/2020", "31/1/2020")]
    for text in ["tháng 1/2020", "Tháng 01/2020", "1/2020", "01/2020", "thang 1-2020"]:
        query = parse_query(text)
        assert (query.words, query.when, query.spans, query.days) == (
            ["1/2020"],
            "1/2020",
            january,
            [],
        ), text
        assert query.pairs == [] and query.last == "", text
        assert query.literal is not None and query.literal.words[-2:] == ["1", "2020"], text
    assert parse_query("tháng 2/2024").spans == [("1/2/2024", "29/2/2024")]
    assert parse_query("tháng 2/2100 12/2019").spans == [("1/12/2019", "31/12/2019")]
    query = parse_query("hội nghị tháng 12/2019 phường")
    assert query.words == ["hoi", "nghi", "12/2019", "phuong"]
    assert query.pairs == ["hoi nghi"]
    assert query.literal is not None
    assert query.literal.words == ["hoi", "nghi", "thang", "12", "2019", "phuong"]
    for text in [
        "1/2020-3/2020",
        "01/2020 \u2013 03/2020",
        "từ tháng 1/2020 đến tháng 3/2020",
        "tu thang 1/2020 den thang 3/2020",
        "từ 1/2020 tới 3/2020",
        "3/2020 - 1/2020",
    ]:
        query = parse_query(text)
        assert (query.words, query.spans) == (["1/1/2020-31/3/2020"], [("1/1/2020", "31/3/2020")])
        assert query.literal is not None, text
    # A date and a month: from the earlier's first day to the later's last.
    assert parse_query("15/1/2020 - 3/2020").spans == [("15/1/2020", "31/3/2020")]
    assert parse_query("1/2020 - 1/2020").words == ["1/2020"]
    for text in [
        "từ 1/1/2020 đến nay",
        "từ ngày 1/1/2020 đến nay",
        "Từ ngày 01/01/2020 đến hôm nay",
        "tu ngay 1/1/2020 den hom nay",
        "từ 1/1/2020 tới hiện nay",
        "1/1/2020 - nay",
    ]:
        query = parse_query(text)
        got = (query.words, query.when, query.spans, query.last)
        assert got == (["1/1/2020-"], "1/1/2020-", [("1/1/2020", "")], ""), text
        assert query.literal is not None and "1/1/2020" in query.literal.words, text
    assert parse_query("từ tháng 3/2020 đến nay").spans == [("1/3/2020", "")]
    assert parse_query("quý 1/2020").words == ["qui", "1", "2020"]  # `quý` is required
    assert parse_query("quý 1/2020").optional == set()
    # As before: a year, a document's number, a code, a date, a month of no year; a
    # quarter or a round of a year (`quý 1/2020`, the first quarter, not January).
    for text in [
        "2020",
        "năm 2020",
        "số 12/2019",
        "Quyết định số 12/2019",
        "báo cáo quý 1/2020",
        "Quý 1/2020",
        "quy 1/2020",
        "quí 2/2020",
        "tuyển quân đợt 2/2020",
        "dot 2/2020",
        "01/2020/QĐ-UBND",
        "15-1-2020",
        "13/2020",
        "1/1850",
        "tháng 1",
        "1/1/2020 -nay",
        "từ 1/1/2020 đến na",
    ]:
        query = parse_query(text)
        assert query.literal is None and not query.spans, text
        assert not any(word.count("/") == 1 for word in query.words), text


def test_a_date_or_month_after_tu_alone_is_from_that_day_on():
    """`từ 1/1/2020` (from 1/1/2020), without an end, was the date and the word `từ`: the
    articles of that day, or that write it, with `từ`. It is now from that day to the
    newest article, as `từ 1/1/2020 đến nay` is; with other words (a title's `… tạm dừng đỗ
    xe … từ ngày 8/3/2014`, an effective date), what its words read as before find comes
    first, then the range's others: a day is rarer than a range."""
    for text in [
        "từ 1/1/2020",
        "Từ ngày 01/01/2020",
        "tu ngay 1-1-2020",
        "từ ngày 1 tháng 1 năm 2020",
    ]:
        query = parse_query(text)
        got = (query.words, query.when, query.spans, query.last, query.literal_first)
        assert got == (["1/1/2020-"], "1/1/2020-", [("1/1/2020", "")], "", False), text
        assert query.literal is not None, text
    assert parse_query("từ tháng 3/2020").spans == [("1/3/2020", "")]
    # A year too (`từ năm 2020`, since 2020, as README says), to today or not; between
    # two years (`từ năm 2016 đến năm 2020`, no range of years) its words, as before.
    for text in ["từ năm 2020", "tu nam 2020", "Từ 2020", "từ năm 2020 đến nay", "từ 2020 - nay"]:
        query = parse_query(text)
        assert (query.words, query.spans) == (["1/1/2020-"], [("1/1/2020", "")]), text
        assert query.literal is not None, text
    query = parse_query("từ năm 2016 đến năm 2020")
    assert not query.spans and query.words == ["tu", "nam", "2016", "den", "2020"]
    query = parse_query("hội nghị từ ngày 1/1/2020")
    assert query.words == ["hoi", "nghi", "1/1/2020-"] and query.literal_first
    assert query.literal is not None and query.literal.words == ["hoi", "nghi", "tu", "1/1/2020"]
    # A month's or a long date's words read as before are in most articles: its days first.
    assert not parse_query("hội nghị từ tháng 3/2020").literal_first
    assert not parse_query("hội nghị từ ngày 1 tháng 1 năm 2020").literal_first
    # As before: `từ` left out, a date after the words searched, no `từ`.
    for text in ["-từ 1/1/2020", "hội nghị -từ ngày 1/1/2020", "đi 1/1/2020", "từ số 1/2020"]:
        assert not parse_query(text).spans, text
    many = " ".join(f"w{i}" for i in range(12))
    assert parse_query(many + " từ ngày 13/3/2011").words[-1] == "13/3/2011"


def test_a_date_month_or_year_after_truoc_or_sau_is_the_days_before_or_after():
    """`trước năm 2019`, `sau tháng 3/2020`, `trước ngày 1/1/2020` (before, after) were
    words: the articles with `trước`, `năm` and `2019` (of 2019, most of them). They are
    now the days before its first day, or after its last, read as before too; a day's
    words as before first among other words, as after `từ`."""
    for text, spans in [
        ("trước năm 2019", [("", "31/12/2018")]),
        ("truoc nam 2019", [("", "31/12/2018")]),
        ("Trước 2019", [("", "31/12/2018")]),
        ("sau năm 2019", [("1/1/2020", "")]),
        ("sau tháng 3/2020", [("1/4/2020", "")]),
        ("sau 12/2019", [("1/1/2020", "")]),
        ("trước tháng 3/2020", [("", "29/2/2020")]),
        ("trước ngày 1/1/2020", [("", "31/12/2019")]),
        ("trước 1/3/2021", [("", "28/2/2021")]),
        ("sau ngày 31/12/2019", [("1/1/2020", "")]),
        ("sau ngày 15 tháng 3 năm 2019", [("16/3/2019", "")]),
        ("sau tháng 3 năm 2019", [("1/4/2019", "")]),
    ]:
        query = parse_query(text)
        assert (len(query.words), query.spans, query.literal_first) == (1, spans, False), text
        assert query.literal is not None and query.last == "", text
    query = parse_query("hội nghị trước năm 2019")
    assert query.words == ["hoi", "nghi", "-31/12/2018"] and not query.literal_first
    assert query.literal is not None
    assert query.literal.words == ["hoi", "nghi", "truoc", "nam", "2019"]
    assert parse_query("hội nghị sau ngày 1/1/2020").literal_first  # a day: rarer
    # As before: a year elsewhere, a count, a number that is no year, `trước` left out.
    for text in ["năm 2019", "sau 5 năm", "trước 13/2019", "sau 1850", "-trước năm 2019 họp"]:
        assert not parse_query(text).spans, text
    assert parse_query("-trước năm 2019 họp").words == ["nam", "2019", "hop"]
    assert parse_query("trước năm 2019 - 2020").words == ["truoc", "nam", "2019", "2020"]


def test_sau_typed_for_sau_six_after_thang_or_thu_is_its_word():
    """`sau` is also `sáu` (six) typed without diacritics: `thang sau nam 2019` (tháng
    Sáu, June 2019) listed every article after 2019 with `tháng` before June's, and `thu
    sau ngay 6/3/2020` (Friday) those after that day. After `tháng`, `thứ`, `mùng`,
    `mồng` it is that word, the query read as before (a date in it is that date)."""
    for text, words in [
        ("thang sau nam 2019", ["6/2019"]),  # June (the test after the next)
        ("hoi nghi thang sau 2019", ["hoi", "nghi", "thang", "sau", "2019"]),
        ("thu sau ngay 6/3/2020", ["thu", "sau", "6/3/2020"]),
        ("mung sau thang 6 nam 2019", ["mung", "sau", "6/2019"]),
    ]:
        query = parse_query(text)
        assert query.words == words, text
        assert not [span for span in query.spans if "" in span], text  # no range opened
    # `sau` elsewhere, `ngay sau` (right after) too, is after.
    assert parse_query("ngay sau nam 2019").spans == [("1/1/2020", "")]
    assert parse_query("hội nghị sau tháng 6/2019").spans == [("1/7/2019", "")]


def test_a_range_whose_year_is_written_once_takes_it_for_its_start():
    """`từ tháng 1 đến tháng 3/2020`, as Vietnamese write a range, the year once: it was
    March 2020 and the words `từ`, `tháng`, `1`, `đến`; `từ ngày 1 đến ngày 31/3/2020`
    the day 31/3/2020 and `1`, which few articles have. The start, a month or a day
    (`từ`, `ngày` or `tháng` before it), takes the end's year (and month, a day alone):
    the range from it to the end, read as before too. A start that would come after the
    end is of the year (a day alone: the month) before (`từ tháng 11 đến tháng 2/2021`)."""
    for text, first, last in [
        ("từ tháng 1 đến tháng 3/2020", "1/1/2020", "31/3/2020"),
        ("Từ tháng 01 tới tháng 03/2020", "1/1/2020", "31/3/2020"),
        ("tu thang 1 den thang 3/2020", "1/1/2020", "31/3/2020"),
        ("từ tháng 1 đến tháng 3 năm 2020", "1/1/2020", "31/3/2020"),
        ("từ tháng 1 - tháng 3/2020", "1/1/2020", "31/3/2020"),
        ("tháng 1 \u2013 tháng 3/2020", "1/1/2020", "31/3/2020"),
        ("tháng 1-3/2020", "1/1/2020", "31/3/2020"),
        ("từ 1 đến 3/2020", "1/1/2020", "31/3/2020"),
        ("từ tháng 1 đến ngày 15/3/2020", "1/1/2020", "15/3/2020"),
        ("từ ngày 1 đến ngày 31/3/2020", "1/3/2020", "31/3/2020"),
        ("tu ngay 1 den ngay 31/3/2020", "1/3/2020", "31/3/2020"),
        ("từ 1 đến 31/3/2020", "1/3/2020", "31/3/2020"),
        ("ngày 1-31/3/2020", "1/3/2020", "31/3/2020"),
        ("từ ngày 1 - 31.3.2020", "1/3/2020", "31/3/2020"),
        ("từ ngày 1/3 đến ngày 15/3/2020", "1/3/2020", "15/3/2020"),
        ("từ 1/3 - 15/3/2020", "1/3/2020", "15/3/2020"),
        ("từ ngày 1 đến ngày 31 tháng 3 năm 2020", "1/3/2020", "31/3/2020"),
        # The start after the end: of the year, or the month, before.
        ("từ tháng 11 đến tháng 2/2021", "1/11/2020", "28/2/2021"),
        ("từ ngày 25 đến ngày 5/1/2021", "25/12/2020", "5/1/2021"),
        ("từ 15/12 đến 15/1/2021", "15/12/2020", "15/1/2021"),
        ("từ ngày 29 đến ngày 5/3/2020", "29/2/2020", "5/3/2020"),
    ]:
        query = parse_query(text)
        got = (query.words, query.spans, query.last, query.literal_first)
        assert got == ([f"{first}-{last}"], [(first, last)], "", False), text
        assert query.literal is not None, text
    query = parse_query("kết nạp đảng viên từ tháng 1 đến tháng 3/2020")
    assert query.words == ["ket", "nap", "dang", "vien", "1/1/2020-31/3/2020"]
    assert query.pairs == ["ket nap", "nap dang", "dang vien"]  # not `vien tu`
    assert query.literal is not None
    assert query.literal.words[4:] == ["tu", "thang", "1", "den", "3", "2020"]
    assert parse_query("từ tháng 3 đến tháng 3/2020").words == ["3/2020"]
    # As before: no `từ` nor sign before the start (`1 - 31/3/2020`, a count, a number);
    # a day to a month; a day its month lacks (29/2/2021); a quarter; not joined.
    for text, words in [
        ("1 - 31/3/2020", ["1", "31/3/2020"]),
        ("số 1-3/2020", ["so", "1", "3/2020"]),
        ("quý 1 - quý 3/2020", ["qui", "1", "3", "2020"]),
        ("từ ngày 5 đến tháng 3/2020", ["tu", "ngay", "5", "den", "3/2020"]),
        ("từ 1/3 đến 4/2020", ["tu", "1", "3", "den", "4/2020"]),
        ("từ ngày 29 đến ngày 5/3/2021", ["tu", "ngay", "29", "den", "5/3/2021"]),
        ("từ tháng 13 đến tháng 3/2020", ["tu", "thang", "13", "den", "3/2020"]),
        ("tháng 1 và tháng 3/2020", ["thang", "1", "va", "3/2020"]),
        ("từ 1 đến 5 tháng 3/2020", ["tu", "1", "den", "5", "3/2020"]),
        ("từ ngày 1 đến nay", ["tu", "ngay", "1", "den", "nay"]),
    ]:
        assert parse_query(text).words == words, text


def test_a_range_of_days_after_mung_or_of_months_without_thang_takes_the_end_s_year():
    """`từ mùng 1 đến mùng 5/3/2020` (`mùng`, `mồng`: the day of the month, for the first
    ten) was the words `từ`, `mùng`, `1`, `đến` and the day 5/3/2020; `tháng 1 - 3 năm
    2020` (the end without `tháng`, or with it but after a number) the words. They are
    read as `từ ngày 1 đến ngày 5/3/2020` and `tháng 1-3/2020` are: the range, from the
    start in the end's year."""

    def reading(text: str) -> tuple[object, ...]:
        q = parse_query(text)
        return (q.words, q.pairs, q.typed, q.spans, q.last, q.literal_first, q.literal is None)

    for text, same in [
        ("từ mùng 1 đến mùng 5/3/2020", "từ ngày 1 đến ngày 5/3/2020"),
        ("từ mồng 1 đến mồng 5/3/2020", "từ ngày 1 đến ngày 5/3/2020"),
        ("tu mung 1 den mung 5/3/2020", "tu ngay 1 den ngay 5/3/2020"),
        ("tu mong 1 den mong 5/3/2020", "tu ngay 1 den ngay 5/3/2020"),
        ("từ ngày mùng 1 đến ngày mùng 5/3/2020", "từ ngày 1 đến ngày 5/3/2020"),
        ("từ mùng 1 đến 5/3/2020", "từ ngày 1 đến 5/3/2020"),
        ("mùng 1 - mùng 5/3/2020", "ngày 1 - ngày 5/3/2020"),
        ("họp từ mùng 1/3 đến mùng 5/3/2020", "họp từ ngày 1/3 đến ngày 5/3/2020"),
        ("từ mùng 1 đến ngày mùng 5 tháng 3 năm 2020", "từ ngày 1 đến ngày 5 tháng 3 năm 2020"),
        ("tháng 1 - 3 năm 2020", "tháng 1-3/2020"),
        ("tháng 1-3 năm 2020", "tháng 1-3/2020"),
        ("tháng 1 - tháng 3 năm 2020", "tháng 1 - tháng 3/2020"),
        ("thang 1 - 3 nam 2020", "thang 1-3/2020"),
        ("từ tháng 1 đến 3 năm 2020", "từ tháng 1 đến tháng 3/2020"),
        ("tháng 11-2 năm 2021", "tháng 11-2/2021"),
        ("hội nghị tháng 1 - 3 năm 2020", "hội nghị tháng 1-3/2020"),
    ]:
        assert reading(text) == reading(same), text
    assert parse_query("từ mùng 1 đến mùng 5/3/2020").spans == [("1/3/2020", "5/3/2020")]
    assert parse_query("tháng 1 - 3 năm 2020").spans == [("1/1/2020", "31/3/2020")]
    literal = parse_query("tháng 1-3 năm 2020").literal
    assert literal is not None and literal.words == ["thang", "1", "3", "nam", "2020"]
    # As before: no sign before the start; a count (`1 - 3 năm`: years); not joined.
    for text, words in [
        ("1 - 3 năm 2020", ["1", "3", "nam", "2020"]),
        ("mùng 1 và mùng 5/3/2020", ["mung", "1", "va", "5/3/2020"]),
        ("tháng 1 và 3 năm 2020", ["thang", "1", "va", "3", "nam", "2020"]),
        ("tháng 13 - 3 năm 2020", ["thang", "13", "3/2020"]),
        ("số 1-3 năm 2020", ["so", "1", "3", "nam", "2020"]),
    ]:
        assert parse_query(text).words == words, text


def test_a_day_after_mung_or_with_its_year_after_a_slash_is_that_day():
    """`từ mùng 1/3/2020 đến mùng 5/3/2020` was the words `từ`, `mùng` and the range;
    `mùng 5 tháng 3 năm 2020` (no `ngày`) six words; `ngày 15 tháng 6/2019` the words
    `ngày`, `15` and the month June 2019. They are read as `từ ngày 1/3/2020 đến ngày
    5/3/2020`, `ngày mùng 5 tháng 3 năm 2020` and `ngày 15/6/2019` are: the range, the
    day."""

    def reading(text: str) -> tuple[object, ...]:
        q = parse_query(text)
        return (q.words, q.pairs, q.typed, q.spans, q.last, q.literal_first)

    for text, same in [
        ("từ mùng 1/3/2020 đến mùng 5/3/2020", "từ ngày 1/3/2020 đến ngày 5/3/2020"),
        ("tu mung 1/3/2020 den mung 5/3/2020", "tu ngay 1/3/2020 den ngay 5/3/2020"),
        ("từ mồng 1/3/2020 - 5/3/2020 họp", "từ ngày 1/3/2020 - 5/3/2020 họp"),
        ("từ ngày mùng 1/3/2020 đến ngày mùng 5/3/2020", "từ ngày 1/3/2020 đến ngày 5/3/2020"),
        ("mùng 1/3/2020 - mùng 5/3/2020", "ngày 1/3/2020 - ngày 5/3/2020"),
        ("họp từ mong 1/3/2020", "họp từ ngay 1/3/2020"),
        ("trước mùng 5/3/2020", "trước ngày 5/3/2020"),
        ("mùng 5 tháng 3 năm 2020", "ngày mùng 5 tháng 3 năm 2020"),
        ("mung 5 thang 3 nam 2020 hop", "ngay 5 thang 3 nam 2020 hop"),
        ("mồng 2 tháng chín năm 1945", "ngày 2 tháng 9 năm 1945"),
        ("từ mùng 1 đến mùng 5 tháng 3 năm 2020", "từ ngày 1 đến ngày 5 tháng 3 năm 2020"),
        ("ngày 15 tháng 6/2019", "ngày 15/6/2019"),
        ("ngay 15 thang 06/2019 hop", "ngay 15/6/2019 hop"),
        ("ngày 15 tháng Sáu/2019", "ngày 15/6/2019"),
        ("mùng 5 tháng 3/2020", "ngày 5/3/2020"),
        ("từ ngày 1 tháng 3/2020 đến nay", "từ ngày 1/3/2020 đến nay"),
    ]:
        assert reading(text) == reading(same), text
    assert parse_query("từ mùng 1/3/2020 đến mùng 5/3/2020").words == ["1/3/2020-5/3/2020"]
    assert parse_query("mùng 5 tháng 3 năm 2020").words == ["5/3/2020"]
    assert parse_query("ngày 15 tháng 6/2019").words == ["15/6/2019"]
    literal = parse_query("ngày 15 tháng 6/2019").literal
    assert literal is not None and literal.words == ["ngay", "15", "thang", "6", "2019"]
    # Left out as `-ngày …` is (it left out the articles with `mùng`, and asked for `5`).
    got, want = parse_query("họp -mùng 5 tháng 3 năm 2020"), parse_query("họp -ngày 5/3/2020")
    assert (got.words, got.excluded, got.excluded_spans) == (["hop"], [], [("5/3/2020",) * 2])
    assert (got.words, got.excluded, got.excluded_spans) == (
        want.words,
        want.excluded,
        want.excluded_spans,
    )
    # As before: a code; a day without `ngày` or `mùng`.
    for text, words in [
        ("ngày 15 tháng 6/2019/QĐ-UBND", ["ngay", "15", "thang", "6", "2019", "qd", "ubnd"]),
        ("15 tháng 6/2019", ["15", "6/2019"]),
    ]:
        assert parse_query(text).words == words, text


def _reading(text: str) -> tuple[object, ...]:
    """What a query asks for and leaves out, and how it ranks (not Query.literal)."""
    q = parse_query(text)
    asked = (q.words, q.pairs, q.typed, q.optional, q.spans, q.days)
    return (*asked, q.excluded, q.excluded_spans, q.last, q.literal_first)


def test_mung_before_a_date_is_its_sign_as_ngay_is():
    """`mùng 1/3/2020 và mùng 5/3/2020` (`mồng`, `mung`, `mong`) asked for the word `mùng`
    too, which the articles of those days need not write (`ngày 1/3/2020 và ngày
    5/3/2020` does not ask for `ngày`); `-mùng 5/3/2020` left out the articles with the
    word. Before a date `mùng` is now its sign, as `ngày` is. Typed without diacritics
    `mung` may be `mừng` (`chuc mung 8/3/2020`): the day's articles with `chúc` are found
    then, the one that writes `chúc mừng` among them; `chúc mừng 8/3/2020` keeps it."""
    for text, same in [
        ("mùng 1/3/2020 và mùng 5/3/2020", "ngày 1/3/2020 và ngày 5/3/2020"),
        ("mung 1/3/2020 va mong 5/3/2020", "ngay 1/3/2020 va ngay 5/3/2020"),
        ("họp mồng 5/3/2020", "họp ngày 5/3/2020"),
        ("họp ngày mùng 5/3/2020", "họp ngày 5/3/2020"),
        ("họp -mùng 5/3/2020", "họp -ngày 5/3/2020"),
        ("họp -ngày mùng 5/3/2020", "họp -ngày 5/3/2020"),
        ("chuc mung 8/3/2020", "chuc ngay 8/3/2020"),
        ("từ -mùng 1/3/2020 đến 5/3/2020", "từ -ngày 1/3/2020 đến 5/3/2020"),
    ]:
        assert _reading(text) == _reading(same), text
    assert parse_query("mùng 1/3/2020 và mùng 5/3/2020").words == ["1/3/2020 5/3/2020", "va"]
    assert parse_query("họp -mùng 5/3/2020").excluded_spans == [("5/3/2020",) * 2]
    # As before: `mừng` typed; `mùng` before no date.
    for text, words in [
        ("chúc mừng 8/3/2020", ["chuc", "mung", "8/3/2020"]),
        ("mùng 8/3", ["mung", "8", "3"]),
    ]:
        assert parse_query(text).words == words, text


def test_a_range_s_start_written_long_without_its_year_takes_the_end_s():
    """`từ ngày 1 tháng 1 đến ngày 5 tháng 2 năm 2020` was the range, but asked for the
    words `từ`, `ngày` and `1` too; the start, a day and its month written long, is now
    read as `ngày 1/1` is (its month as a number or a word, `mùng` before its day)."""
    for text, same in [
        ("từ ngày 1 tháng 1 đến ngày 5 tháng 2 năm 2020", "từ ngày 1/1 đến ngày 5/2/2020"),
        ("tu ngay 1 thang 1 den ngay 5 thang 2 nam 2020", "tu ngay 1/1 den ngay 5/2/2020"),
        ("từ ngày 1 tháng 1 đến ngày 5/2/2020", "từ ngày 1/1 đến ngày 5/2/2020"),
        ("từ ngày 1 tháng Một đến ngày 5 tháng Hai năm 2020", "từ ngày 1/1 đến ngày 5/2/2020"),
        ("từ mùng 1 tháng 1 đến mùng 5 tháng 2 năm 2020", "từ ngày 1/1 đến ngày 5/2/2020"),
        ("họp ngày 20 tháng 12 - ngày 5 tháng 1 năm 2021", "họp ngày 20/12 - ngày 5/1/2021"),
    ]:
        assert _reading(text) == _reading(same), text
    query = parse_query("từ ngày 1 tháng 1 đến ngày 5 tháng 2 năm 2020")
    assert (query.words, query.spans) == (["1/1/2020-5/2/2020"], [("1/1/2020", "5/2/2020")])
    assert query.literal is not None and query.literal.words[:3] == ["tu", "ngay", "1"]
    # As before: a day and month that are none (`ngày 1 tháng 13`), after a number, no end.
    for text in [
        "từ ngày 1 tháng 13 đến ngày 5/2/2020",
        "từ ngày 1 tháng 1",
        "1 tháng 1 - 5/2/2020",
    ]:
        assert not parse_query(text).spans, text


def test_a_range_of_months_written_as_words_with_thang_once_is_those_months():
    """`tháng một - ba năm 2020` (January to March, `tháng` and the year written once, the
    months as words) was words: `tháng`, `một`, `ba`, `năm`, `2020`, which the months'
    articles need not write. As `tháng 1 - 3 năm 2020` is, it is January to March 2020.
    Only so: `ba` is also a word (`Hai Bà Trưng` is `hai ba trung` typed plain)."""
    for text, same in [
        ("tháng một - ba năm 2020", "tháng 1-3/2020"),
        ("thang mot - ba nam 2020", "thang 1-3/2020"),
        # (`sau` there is `sáu`, June, not "after 2020"; `tu` is `tư`, April, not "from")
        ("thang nam - sau nam 2020", "thang 5-6/2020"),
        ("thang hai - tu nam 2020", "thang 2-4/2020"),
        ("Tháng Một đến Ba năm 2020", "tháng 1 đến tháng 3/2020"),
        ("từ tháng một tới tháng ba năm 2020", "từ tháng 1 tới tháng 3/2020"),
        ("hội nghị tháng mười - mười hai năm 2019", "hội nghị tháng 10-12/2019"),
        ("tháng mười một - hai năm 2021", "tháng 11-2/2021"),
    ]:
        assert _reading(text) == _reading(same), text
    assert parse_query("tháng một - ba năm 2020").spans == [("1/1/2020", "31/3/2020")]
    literal = parse_query("tháng một - ba năm 2020").literal
    assert literal is not None and literal.words == ["thang", "mot", "ba", "nam", "2020"]
    # As before: no `tháng` before the start, a number and a word, not joined.
    for text, words in [
        ("hai - ba năm 2020", ["hai", "ba", "nam", "2020"]),
        ("quận hai - ba năm 2020", ["quan", "hai", "ba", "nam", "2020"]),
        ("tháng 1 - ba năm 2020", ["thang", "1", "ba", "nam", "2020"]),
        ("tháng một và ba năm 2020", ["thang", "mot", "va", "ba", "nam", "2020"]),
    ]:
        assert parse_query(text).words == words, text


def test_a_range_after_a_minus_leaves_out_its_articles():
    """`-ngày 1 đến ngày 31/3/2020 họp` left out 1 March only, and asked for `đến` and 31
    March (`-ngày 1/3/2020 đến nay`, for `đến` and `nay`); `-từ ngày 1 đến ngày 31/3/2020`
    asked for the range and left out the articles with `từ`. A minus before a range's
    first word now leaves out the articles published in it (to today: to the newest), as
    one before a date or a month leaves out theirs; its words are no words."""
    for text, first, last in [
        ("-ngày 1 đến ngày 31/3/2020 họp", "1/3/2020", "31/3/2020"),
        ("họp -từ ngày 1 đến ngày 31/3/2020", "1/3/2020", "31/3/2020"),
        ("họp -ngày 1/3/2020 đến ngày 5/3/2020", "1/3/2020", "5/3/2020"),
        ("họp -từ 1/3/2020 - 5/3/2020", "1/3/2020", "5/3/2020"),
        ("họp -mùng 1 đến mùng 5/3/2020", "1/3/2020", "5/3/2020"),
        ("họp -tháng 1 đến tháng 3/2020", "1/1/2020", "31/3/2020"),
        ("hop -thang mot - ba nam 2020", "1/1/2020", "31/3/2020"),
        ("họp -từ ngày 1 tháng 1 đến ngày 5 tháng 2 năm 2020", "1/1/2020", "5/2/2020"),
        # To today: from its first day to the newest article.
        ("họp -ngày 1/3/2020 đến nay", "1/3/2020", ""),
        ("họp -từ tháng 3/2020 đến hôm nay", "1/3/2020", ""),
    ]:
        query = parse_query(text)
        got = (query.words, query.excluded, query.excluded_spans, query.spans)
        assert got == (["hop"], [], [(first, last)], []), text
    # As before: a minus elsewhere in it; a start alone (`-từ 1/1/2020`: the word `từ`).
    assert parse_query("họp -ngày 1/3/2020 đến -ngày 31/3/2020").excluded_spans == [
        ("1/3/2020", "1/3/2020"),
        ("31/3/2020", "31/3/2020"),
    ]
    query = parse_query("họp -từ 1/1/2020")
    assert (query.words, query.excluded, query.excluded_spans) == (
        ["hop", "1/1/2020"],
        [["tu"]],
        [],
    )


def test_a_range_begun_among_the_words_searched_is_read_whole():
    """A range past the first MAX_QUERY_WORDS words searched (a long title pasted, `… từ
    1/3/2020 đến 5/3/2020`) was its two days, and `từ` a word to find when it was among
    them; it is the range, as it is in a short query."""
    for text, words in [
        ("a b c d e f g h từ 1/3/2020 đến 5/3/2020", list("abcdefgh")),
        ("a b c d e f g h i j từ ngày 1 đến ngày 3/3/2020", list("abcdefghij")),
        ("a b c d e f g h i j k từ ngày 1/3/2020 đến ngày 3/3/2020", list("abcdefghijk")),
    ]:
        query = parse_query(text)
        last = text.split()[-1]
        assert query.words == [*words, f"1/3/2020-{last}"], text
        assert query.spans == [("1/3/2020", last)], text


def test_a_month_written_as_a_word_with_its_year_is_that_month():
    """`tháng Sáu năm 2019`, `tháng Tư/2019` (a month's word, as speech and some titles
    write it) were words: the articles with `tháng`, `sáu`, `năm` and `2019` anywhere.
    With its year after `năm` or `/` it is the month, as `tháng 6 năm 2019` is, with or
    without diacritics (`thang sau nam 2019`: `sau` after `tháng` is `sáu`). `tháng năm
    2019` is not May (`năm` is also the year's word: "the months of 2019"), nor is a word
    without a year (`tháng sáu`, as `tháng 6`) or `tháng Giêng`, `tháng Chạp` (lunar)."""
    for text, month in [
        ("tháng sáu năm 2019", "6/2019"),
        ("Tháng Sáu năm 2019", "6/2019"),
        ("thang sau nam 2019", "6/2019"),
        ("tháng Tư/2019", "4/2019"),
        ("tháng tư năm 2019", "4/2019"),
        ("thang tu nam 2019", "4/2019"),
        ("tháng bốn năm 2019", "4/2019"),
        ("tháng một năm 2020", "1/2020"),
        ("tháng hai/2020", "2/2020"),
        ("tháng ba năm 2020", "3/2020"),
        ("tháng năm năm 2019", "5/2019"),
        ("tháng Năm/2019", "5/2019"),
        ("tháng bảy năm 2019", "7/2019"),
        ("tháng tám năm 2019", "8/2019"),
        ("tháng chín năm 2019", "9/2019"),
        ("tháng mười năm 2019", "10/2019"),
        ("tháng Mười Một năm 2019", "11/2019"),
        ("tháng Mười Hai năm 2019", "12/2019"),
        ("thang muoi hai nam 2019", "12/2019"),
        ("tháng mười hai/2019", "12/2019"),
    ]:
        query = parse_query(text)
        got = (query.words, query.spans, query.last, query.literal_first)
        assert got == ([month], [_days_of(month)], "", False), text
        assert query.literal is not None, text
    # With `năm` among other words, as `tháng 3 năm 2019`: its words first; with `/`, as
    # `tháng 3/2019`, its days first.
    assert parse_query("hội nghị tháng sáu năm 2019").literal_first
    assert parse_query("hội nghị tháng mười hai năm 2019").literal_first
    assert not parse_query("hội nghị tháng sáu/2019").literal_first
    assert not parse_query("hội nghị tháng mười hai/2019").literal_first
    # After `từ`, `trước`, `sau`, joined, left out: as a month.
    assert parse_query("sau tháng sáu năm 2019").spans == [("1/7/2019", "")]
    assert parse_query("trước tháng Tư/2019").spans == [("", "31/3/2019")]
    assert parse_query("từ tháng ba năm 2019 đến nay").spans == [("1/3/2019", "")]
    query = parse_query("từ tháng sáu đến tháng tám năm 2019")
    assert query.spans == [("1/6/2019", "31/8/2019")]
    assert parse_query("hội nghị -tháng sáu năm 2019").excluded_spans == [("1/6/2019", "30/6/2019")]
    # As before: words.
    for text in [
        "tháng năm 2019",
        "thang nam 2019",
        "tháng sáu",
        "tháng sáu 2019",
        "hoi nghi thang sau 2019",
        "tháng giêng năm 2020",
        "tháng Chạp năm 2019",
        "15 tháng sáu năm 2019",
        "tháng sáu năm 2100",
        "sáu tháng năm 2019",
        "tháng sáu/2019/QĐ",
    ]:
        query = parse_query(text)
        assert not query.spans and not any("/" in w for w in query.words), text


def _days_of(month: str) -> tuple[str, str]:
    """`6/2019` -> `1/6/2019`, `30/6/2019`."""
    number, year = (int(n) for n in month.split("/"))
    last = (datetime(year + number // 12, number % 12 + 1, 1) - timedelta(days=1)).day
    return (f"1/{number}/{year}", f"{last}/{number}/{year}")


def test_thang_sau_typed_without_diacritics_finds_june_first(tmp_path):
    """`thang sau nam 2019` (tháng Sáu năm 2019) listed the articles after 2019 with
    `tháng` before June 2019's; it now finds June's first, as its words do."""
    texts = [
        ("Sơ kết tháng Sáu năm 2019", "Hội nghị sơ kết tháng sáu năm 2019."),
        ("Hội nghị tháng 3", "Hội nghị tháng 3 năm 2020."),
        ("Hội nghị tháng 4", "Hội nghị tháng 4, sau năm 2019 đầu tiên."),
    ]
    index = index_of(tmp_path, texts, [datetime(year, 6, 20) for year in (2019, 2020, 2021)])
    assert titles(index, "thang sau nam 2019")[0] == "Sơ kết tháng Sáu năm 2019"
    # After 2019 elsewhere, as before (then its words as before: `sáu năm 2019`).
    after = titles(index, "hoi nghi sau nam 2019")
    assert after[:2] == ["Hội nghị tháng 4", "Hội nghị tháng 3"]


def test_a_range_with_its_year_once_or_a_month_as_a_word_finds_its_articles(tmp_path):
    """`hội nghị từ tháng 1 đến tháng 3/2020` found only articles with `từ`, `tháng`,
    `1`, `đến` and of March; `hội nghị tháng sáu năm 2019` those that write its words.
    They now find the range's articles, newest first, and June's."""
    texts = [
        ("Hội nghị mùa hè", "Hội nghị họp."),
        ("Hội nghị cuối năm", "Hội nghị tổng kết."),
        ("Hội nghị đầu năm", "Hội nghị họp."),
        ("Hội nghị quý I", "Hội nghị họp."),
        ("Hội nghị tháng Tư", "Hội nghị bàn việc từ tháng 1 đến nay, năm 2020."),
    ]
    days = [(2019, 6, 10), (2019, 12, 20), (2020, 1, 15), (2020, 3, 10), (2020, 4, 5)]
    index = index_of(tmp_path, texts, [datetime(*d) for d in days])
    for query, found in [
        ("hội nghị từ tháng 1 đến tháng 3/2020", ["Hội nghị quý I", "Hội nghị đầu năm"]),
        ("từ ngày 1 đến ngày 31/3/2020", ["Hội nghị quý I"]),
        ("tu mung 1 den mung 10/3/2020", ["Hội nghị quý I"]),
        ("hội nghị tháng 1 - 3 năm 2020", ["Hội nghị quý I", "Hội nghị đầu năm"]),
        ("hoi nghi tu thang 11 den thang 2/2020", ["Hội nghị đầu năm", "Hội nghị cuối năm"]),
        ("hội nghị tháng sáu năm 2019", ["Hội nghị mùa hè"]),
        ("thang sau nam 2019", ["Hội nghị mùa hè"]),
        ("tháng Tư/2020", ["Hội nghị tháng Tư"]),
    ]:
        assert titles(index, query) == found, query


def test_a_year_among_words_lists_that_years_articles_first(tmp_path):
    """`tuyen dung 2021`: the bench's two job notices of 2021 were 11th and 12th, after
    those of other years, because `2021` is in most articles (every "nhiệm kỳ 2016 -
    2021") and weighed nothing. A year typed among other words lists the articles
    published that year first, then the others, each in their order; not a year after
    `năm` (its pair finds it), `kỳ` or `khóa` (a term of office), nor two years."""
    texts = [
        ("Tuyển dụng viên chức năm 2022", "Tuyển dụng. Nhiệm kỳ 2016 - 2021."),
        (
            "Thông báo tuyển dụng viên chức giáo dục năm 2021",
            "Quận thông báo kế hoạch tuyển dụng viên chức giáo dục năm 2021 cho các"
            " trường học trên địa bàn; hồ sơ nộp tại phòng nội vụ quận trong giờ hành"
            " chính, từ thứ hai đến thứ sáu, theo mẫu của Sở Nội vụ, nhiệm kỳ 2016 - 2021.",
        ),
        ("Tuyển dụng năm 2020", "Tuyển dụng. Nhiệm kỳ 2016 - 2021."),
        ("Đại hội nhiệm kỳ 2016 - 2021", "Đại hội nhiệm kỳ 2016 - 2021 thành công."),
    ]
    days = [(2022, 9, 1), (2021, 3, 1), (2020, 9, 1), (2016, 5, 1)]
    index = index_of(tmp_path, texts, [datetime(*d) for d in days])
    notice = "Thông báo tuyển dụng viên chức giáo dục năm 2021"
    assert titles(index, "tuyen dung")[0] != notice  # shorter texts first
    assert titles(index, "tuyen dung 2021")[0] == notice
    assert titles(index, "2021 tuyển dụng")[0] == notice
    # As before after `kỳ`: the term of office, not the year the article was published.
    assert titles(index, "tuyen dung nhiem ky 2021")[0] != notice
    # The page says which year comes first and how many of its articles there are (it
    # said nothing, and the list looked like the words' order alone).
    found = search(index, "tuyen dung 2021")
    assert (found.year, found.dated, found.total) == ("2021", 1, 3)
    for query in ["tuyen dung", "tuyen dung nhiem ky 2021", "tuyen dung 2020 2021"]:
        assert (search(index, query).year, search(index, query).dated) == (None, None), query


def test_a_year_alone_is_counted_and_a_month_or_year_names_its_page(tmp_path):
    """`2020`, `năm 2020` listed 2020's articles first but did not count them (the page
    said "N kết quả phù hợp nhất … thêm một từ nữa"), and a month or a range listed its
    articles without the month's or year's page, which works without JavaScript and is
    cited (audit-research F3, F10). A year alone or after `năm` is counted as a year
    among words is; a month, a range within a month, within a year, or a year first
    names its page (Results.period: (year, month), month 0 for the year's page), only
    when some article is of those days."""
    texts = [
        ("Hội nghị năm 2020", "Tổng kết năm 2020 và kế hoạch 2021."),
        ("Giao ban tháng 3", "Giao ban đầu năm 2020 của quận."),
        ("Tổng kết 2019", "Kế hoạch năm 2020 đã được duyệt."),
        ("Tổng kết quý", "Năm 2020 quận hoàn thành kế hoạch."),
        ("Họp quận", "Quận họp."),  # of 2020, without the words: listed too
    ]
    days = [(2020, 3, 5), (2020, 7, 1), (2019, 12, 20), (2021, 1, 10), (2020, 2, 1)]
    index = index_of(tmp_path, texts, [datetime(*d) for d in days])
    for query in ["2020", "năm 2020", "nam 2020"]:
        found = search(index, query)
        assert (found.year, found.dated, found.total) == ("2020", 3, 5), query
        assert found.period == (2020, 0), query
        assert [h.title for h in found.hits][2] == "Họp quận", query
        assert {h.title for h in found.hits[:2]} == {texts[0][0], texts[1][0]}, query
    # Not a year alone with words left out: as a year among words.
    assert search(index, "2020 -tháng 3/2020").year is None
    for query, period in [
        ("tháng 3/2020", (2020, 3)),
        ("3/2020", (2020, 3)),
        ("tháng 3 năm 2020", (2020, 3)),
        ("từ 1/3/2020 đến 20/3/2020", (2020, 3)),
        ("từ 1/1/2020 đến 31/7/2020", (2020, 0)),
        ("tuyen dung tháng 3/2020", (2020, 3)),
        ("tong ket 2019", (2019, 0)),
        ("tháng 4/2020", None),  # no article: no page
        ("tháng 12/2030", None),
        ("từ 1/12/2019 đến 31/3/2020", None),  # two years
        ("từ 1/1/2020 đến nay", None),
        ("hội nghị", None),
        ("ngày 5/3/2020", None),
    ]:
        assert search(index, query).period == period, query


def test_a_names_words_side_by_side_are_counted_and_listed_first(tmp_path):
    """`Đinh Thu Hiền`, named in 3 articles: the page said "240 kết quả phù hợp nhất …;
    thêm một từ nữa để tìm đủ" (each syllable folded, `thu`, `hien` ~ hiện, is in a
    large share of the archive), read as 240 articles naming her (audit-research F2).
    Now the articles with the words side by side (every pair, as a quoted phrase is
    found) are counted (Results.phrase) and listed first; None when all or none have
    them, and for a query in quotes, of one word, or with dates."""
    named = [
        ("Hội nghị tổng kết", "Bà Đinh Thu Hiền, Phó Chủ tịch, phát biểu tại hội nghị."),
        ("Trao giải", "Đồng chí Đinh Thu Hiền trao giải."),
        ("Đinh Thu Hiền nhận bằng khen", "Nhận bằng khen."),
    ]
    scattered = [
        (f"Thông báo số {n}", f"Mùa thu năm nay, ông Đinh Văn An thể hiện; số {n} hiện có.")
        for n in range(8)
    ]
    index = index_of(tmp_path, scattered[:4] + named + scattered[4:])
    for query in ["Đinh Thu Hiền", "dinh thu hien", "ĐINH THU HIỀN"]:
        found = search(index, query, limit=100)
        assert (found.phrase, found.total) == (3, 11), query
        assert {h.title for h in found.hits[:3]} == {t for t, _ in named}, query
    assert search(index, '"Đinh Thu Hiền"').phrase is None  # quoted: exactly those
    assert search(index, '"Đinh Thu Hiền"').total == 3
    assert search(index, "hiền").phrase is None
    assert search(index, "Thông báo số").phrase is None  # all of them have it
    assert search(index, "thu hien tháng 1/2020").phrase is None


def test_a_year_in_a_documents_number_is_not_when_articles_were_published(tmp_path):
    """`nghị định 139/2017/NĐ-CP`, as a decree is cited: the decree's article (of 2018,
    its title `NĐ 139/2017/ND`) was 25th of a real archive's, after 24 of 2017 with
    `nghị định` and `2017` but not `139` (reader's audit R1): the year of a number
    (`139/2017`, a standard's `9001:2008`, `3718-1:2005`) was read as the year the
    articles were published, listed first. A year right after another number is that
    number's: the words rank as they do without a year."""
    decree = "NĐ 139/2017/ND về xử phạt vi phạm hành chính về xây dựng"
    texts = [(decree, "Nghị định quy định xử phạt vi phạm hành chính trong xây dựng.")]
    texts += [
        (f"Phổ biến nghị định mới số {n}", f"Năm 2017 phổ biến nghị định; {n} hộ, 139 người.")
        for n in range(6)
    ]
    texts += [("Áp dụng ISO", "Áp dụng tiêu chuẩn TCVN ISO 9001:2008 trong cơ quan.")]
    texts += [("ISO năm 2008", "Năm 2008 sở học về ISO, 9001 lượt, 2008 hồ sơ.")]
    days = [(2018, 2, 1)] + [(2017, 3, 1 + n) for n in range(6)] + [(2013, 6, 1), (2008, 5, 1)]
    index = index_of(tmp_path, texts, [datetime(*d) for d in days])
    for query in ["nghị định 139/2017", "nghi dinh 139/2017", "139/2017 nghị định"]:
        found = search(index, query, limit=100)
        assert found.hits[0].title == decree, (query, [h.title for h in found.hits])
        assert (found.year, found.dated) == (None, None), query
    some = search(index, "nghị định 139/2017/NĐ-CP", limit=100, some=True)
    assert some.some and some.hits[0].title == decree, [h.title for h in some.hits]
    assert titles(index, "ISO 9001:2008")[0] == "Áp dụng ISO"
    assert search(index, "ISO 9001:2008").year is None
    # A year apart from the number before it is still when (`tuyen dung 2021`).
    assert search(index, "nghị định 2017").year == "2017"


def month_in_full_corpus() -> list[tuple[str, str, datetime]]:
    """(title, text, published) of audit-reader F6, as the bench has it: three notices
    "Lịch tiếp công dân tháng 3 năm …" of other years, published in April; two
    articles of March 2021 about vaccination that do not write the month; and articles
    of other months with every word, which most articles have."""
    corpus = []
    for year in (2012, 2018, 2019):
        title = f"Thông báo lịch tiếp công dân của lãnh đạo UBND quận tháng 3 năm {year}"
        corpus.append(
            (title, f"Lịch tiếp công dân tháng 3 năm {year} của quận.", datetime(year, 4, 4))
        )
    for day, title in enumerate(MONTH_IN_FULL_WANTED, 10):
        text = "Ngày 10/3/2021 phường tổ chức tiêm chủng vắc xin cho trẻ em."
        corpus.append((title, text, datetime(2021, 3, day)))
    for n in range(130):
        text = f"Năm nay tổ chức tiêm chủng đợt {n}; tháng 3 họp, nhiệm kỳ 2016 - 2021."
        corpus.append(
            (f"Tin hoạt động số {n}", text, datetime(2015 + n % 6, 1 + n % 12, 1 + n % 28))
        )
    return corpus


MONTH_IN_FULL_WANTED = ["Phường Minh Khai tiêm chủng cho trẻ", "Phường Vĩnh Tuy tiêm chủng mở rộng"]
MONTH_IN_FULL_NOTICE = "Thông báo lịch tiếp công dân của lãnh đạo UBND quận tháng 3 năm 2019"


def test_a_month_typed_in_full_among_words_lists_that_months_articles_first(tmp_path):
    """`tiêm chủng tháng 3 năm 2021` listed first the notices "Lịch tiếp công dân tháng 3
    năm 2019" (and of 2012, 2018), which have neither `tiêm` nor `2021`: every word is in
    so many articles that none is required, and their titles' "tháng 3 năm" decided
    (audit-reader F6). The month typed in full lists its articles first, as `tháng 3/2021`,
    after those that write it as typed (engine._writing_month)."""
    corpus = month_in_full_corpus()
    texts = [(title, text) for title, text, _ in corpus]
    days = [day for _, _, day in corpus]
    wanted = MONTH_IN_FULL_WANTED
    index = index_of(tmp_path, texts, days)
    for query in ["tiêm chủng tháng 3 năm 2021", "tiem chung thang 3 nam 2021"]:
        assert set(titles(index, query)[:2]) == set(wanted), titles(index, query)[:5]
    # A title that writes its month so is still found by it, first.
    assert titles(index, "lịch tiếp công dân tháng 3 năm 2019")[0] == MONTH_IN_FULL_NOTICE


def test_a_year_after_truoc_finds_the_articles_before_it(tmp_path):
    """`hội nghị trước năm 2019` found the articles with `trước`, `năm` and `2019`, not
    those of 2018; it now lists those before 2019, then what its words found."""
    texts = [
        ("Hội nghị A", "Hội nghị họp."),
        ("Hội nghị B", "Hội nghị họp."),
        ("Hội nghị C", "Hội nghị bàn việc hoàn thành trước năm 2019."),
    ]
    index = index_of(tmp_path, texts, [datetime(year, 5, 1) for year in (2018, 2019, 2020)])
    assert titles(index, "hội nghị trước năm 2019") == ["Hội nghị A", "Hội nghị C"]
    assert titles(index, "hội nghị sau năm 2019") == ["Hội nghị C"]
    assert set(titles(index, "hội nghị sau tháng 4/2019")) == {"Hội nghị B", "Hội nghị C"}
    assert search(index, "hội nghị trước năm 2019").dated == 1
    assert set(titles(index, "hội nghị từ năm 2019")) == {"Hội nghị B", "Hội nghị C"}


def test_a_day_after_tu_finds_its_articles_then_those_since(tmp_path):
    """`hội nghị từ 1/1/2020` found only the article that writes `từ 1/1/2020` (or is of that
    day); it now finds it first, then every article with `hội nghị` since that day, not
    one before."""
    texts = [
        ("Hội nghị cũ", "Hội nghị năm trước."),
        ("Áp dụng quy định", "Hội nghị quyết định áp dụng từ 1/1/2020 trở đi."),
        ("Hội nghị tháng Giêng", "Hội nghị họp bàn."),
        ("Hội nghị tháng Hai", "Hội nghị họp tiếp."),
    ]
    days = [(2019, 6, 1), (2019, 12, 20), (2020, 1, 5), (2020, 2, 5)]
    index = index_of(tmp_path, texts, [datetime(*d) for d in days])
    assert titles(index, "hội nghị từ 1/1/2020") == [
        "Áp dụng quy định",
        "Hội nghị tháng Hai",
        "Hội nghị tháng Giêng",
    ]
    found = search(index, "hội nghị từ 1/1/2020")
    assert (found.dated, found.total) == (2, 3)


def test_a_long_date_or_month_in_a_query_is_the_short_one_and_read_as_before_too():
    """`ngày 15 tháng 3 năm 2019` (a formal document's date) is `15/3/2019`, `tháng 3 năm
    2019` is `3/2019`, in ranges too, and such a query is read as before too
    (Query.literal: its words), as a month is. `ngày` is required (`15 tháng 3 năm
    2019`: a number before `tháng` may be a count), `mùng`/`mồng` may follow it; nothing
    else between (`tháng 3, năm 2019`); a day, month or year out of range is words."""
    for text in [
        "ngày 15 tháng 3 năm 2019",
        "Ngày 15 Tháng 03 Năm 2019",
        "ngay 15 thang 3 nam 2019",
        '"ngày 15 tháng 3 năm 2019"',
        "ngày\u00a015  tháng 3 năm 2019",
    ]:
        query = parse_query(text)
        assert (query.words, query.pairs, query.typed, query.last) == (
            ["15/3/2019"],
            [],
            {"15/3/2019": set()},
            "",
        ), text
        assert query.literal is not None and query.literal.words[-2:] == ["nam", "2019"], text
    assert parse_query("ngày mồng 2 tháng 9 năm 1945").words == ["2/9/1945"]
    query = parse_query("hội nghị ngày 15 tháng 3 năm 2019 phường")
    assert (query.words, query.pairs) == (["hoi", "nghi", "15/3/2019", "phuong"], ["hoi nghi"])
    for text in ["tháng 3 năm 2019", "Tháng 03 năm 2019", "thang 3 nam 2019"]:
        query = parse_query(text)
        assert (query.words, query.spans) == (["3/2019"], [("1/3/2019", "31/3/2019")]), text
        assert query.literal is not None and query.literal.words == ["thang", "3", "nam", "2019"]
        # Typed alone it asks for the month: its days first (in a real archive, the words
        # read as before, in most articles, put the month's article 5th of 5).
        assert not query.literal_first, text
        # Titles write a month so (`Lịch tiếp công dân tháng 3 năm 2019`): its words first.
        assert parse_query(f"lịch tiếp công dân {text}").literal_first, text
    assert not parse_query("tháng 3/2019").literal_first  # a month's days first
    assert not parse_query("ngày 15 tháng 3 năm 2019").literal_first  # the index has it
    for text, spans in [
        ("từ ngày 1 tháng 1 năm 2020 đến ngày 31 tháng 1 năm 2020", [("1/1/2020", "31/1/2020")]),
        ("từ tháng 1 năm 2020 đến tháng 3 năm 2020", [("1/1/2020", "31/3/2020")]),
        ("từ ngày 5/1/2020 đến tháng 3 năm 2020", [("5/1/2020", "31/3/2020")]),
        ("từ tháng 1 năm 2020 đến nay", [("1/1/2020", "")]),
        ("từ ngày 15 tháng 3 năm 2019 đến hôm nay", [("15/3/2019", "")]),
    ]:
        query = parse_query(text)
        assert (len(query.words), query.spans, query.literal is not None) == (1, spans, True), text
        # A range's days first, newest first, as `từ 1/2020 đến nay`: its words are in most
        # articles (`từ tháng 1 năm 2020 đến nay` listed first 522 of 807 articles, 2017's
        # and 2020's in any order, the range's newest after them).
        assert not query.literal_first, text
    # A month in words past the words searched (a long title pasted whole) is as one among them.
    assert parse_query(" ".join(f"w{i}" for i in range(12)) + " tháng 3 năm 2019").literal_first
    # As before: words.
    for text in [
        "15 tháng 3 năm 2019",
        "ngày 15 tháng 3, năm 2019",
        "ngày 32 tháng 3 năm 2019",
        "ngày 15 tháng 13 năm 2019",
        "ngày 15 tháng 3 năm 2100",
        "tháng 3 năm 1899",
        "ngày 15 tháng 3 năm 201",
        "tháng 3 năm 20191",
        "-ngày 15 tháng 3 năm 2019",
        "sau 6 tháng 3 năm 2019",
    ]:
        query = parse_query(text)
        assert query.literal is None and not any("/" in word for word in query.words), text


def test_a_month_typed_with_a_space_before_its_year_is_that_month():
    """`tiem chung thang 3 2021`, the month as people say it (no `/`, no `năm`), was the
    words `thang`, `3` and `2021`: in the 1,000-article bench it listed three "Lịch tiếp
    công dân tháng 3 năm 2019/2012/2018" notices first, none of March 2021. It is the
    month, as `tháng 3/2021` is: its days first (titles never write a month so), and read
    as before too. Not after a number (`15 tháng 3 2019`: a day or a count), nor a month
    or a year out of range."""
    for text, short in [
        ("tháng 3 2019", "tháng 3/2019"),
        ("thang 03 2019", "thang 03/2019"),
        ("tiem chung thang 3 2021", "tiem chung thang 3/2021"),
        ("lịch tiếp công dân tháng 4 2021", "lịch tiếp công dân tháng 4/2021"),
        ("từ tháng 1 2020 đến nay", "từ tháng 1/2020 đến nay"),
        ("họp -tháng 3 2019", "họp -tháng 3/2019"),
    ]:
        query, want = parse_query(text), parse_query(short)
        got = (query.words, query.spans, query.excluded_spans, query.literal_first)
        assert got == (want.words, want.spans, want.excluded_spans, want.literal_first), text
        assert (query.literal is None) == (want.literal is None), text
    for text in ["15 tháng 3 2019", "tháng 13 2019", "tháng 3 2100", "tháng 3 20191"]:
        query = parse_query(text)
        assert query.literal is None and not any("/" in word for word in query.words), text


def test_a_long_date_with_its_month_as_a_word_is_that_day():
    """`ngày 15 tháng Sáu năm 2019` (a month's word, as `tháng Sáu năm 2019` is read) was
    six words; it is read as `ngày 15 tháng 6 năm 2019` is, the day `15/6/2019`, with or
    without diacritics, alone, among words and in ranges. Not `tháng năm 2019` (the
    months of 2019), `tháng Giêng`, nor a day without `ngày`, as `tháng Sáu năm 2019`."""

    def reading(text: str) -> tuple[object, ...]:
        q = parse_query(text)
        return (q.words, q.pairs, q.typed, q.spans, q.last, q.literal_first, q.literal is None)

    for text, numbers in [
        ("ngày 15 tháng Sáu năm 2019", "ngày 15 tháng 6 năm 2019"),
        ("ngay 15 thang sau nam 2019", "ngay 15 thang 6 nam 2019"),
        ("Ngày 02 Tháng Mười Hai năm 2019", "Ngày 02 Tháng 12 năm 2019"),
        ("ngày mùng 2 tháng chín năm 1945", "ngày mùng 2 tháng 9 năm 1945"),
        ("ngày 15 tháng năm năm 2019", "ngày 15 tháng 5 năm 2019"),
        ("hội nghị ngày 15 tháng tư năm 2019 phường", "hội nghị ngày 15 tháng 4 năm 2019 phường"),
        ("từ ngày 1 tháng ba năm 2020 đến nay", "từ ngày 1 tháng 3 năm 2020 đến nay"),
        ("trước ngày 1 tháng bảy năm 2020", "trước ngày 1 tháng 7 năm 2020"),
    ]:
        assert reading(text) == reading(numbers), text
    assert parse_query("ngày 15 tháng Sáu năm 2019").words == ["15/6/2019"]
    literal = parse_query("ngay 15 thang sau nam 2019").literal
    assert literal is not None and literal.words == ["ngay", "15", "thang", "sau", "nam", "2019"]
    # As before: words (no `ngày`; `tháng năm 2019`; a lunar month; a day May lacks).
    for text in [
        "15 tháng sáu năm 2019",
        "ngày 15 tháng năm 2019",
        "ngày 15 tháng giêng năm 2020",
        "ngày 32 tháng sáu năm 2019",
        "ngày 15 tháng sáu, năm 2019",
    ]:
        query = parse_query(text)
        assert not any("/" in word for word in query.words) and not query.spans, text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Hà Nội, ngày 15 tháng 3 năm 2019", ["15/3/2019"]),
        ("HÀ NỘI, NGÀY 05 THÁNG 03 NĂM 2019", ["5/3/2019"]),
        ("Ngày 15 tháng Sáu năm 2019, NGÀY 1 THÁNG MƯỜI HAI NĂM 2019", ["15/6/2019", "1/12/2019"]),
        ("ngày mồng 2 tháng chín năm 1945; ngày 5 tháng năm năm 2020", ["2/9/1945", "5/5/2020"]),
        ("ngày 5 tháng năm 2020, ngày 5 tháng giêng năm 2020, 5 tháng sáu năm 2020", []),
        ("Ngày\nmùng 2 tháng 9\u00a0năm 1945, ngày 1 tháng 1 năm 2020.", ["2/9/1945", "1/1/2020"]),
        (unicodedata.normalize("NFD", "ngày 7 tháng 1 năm 2022"), ["7/1/2022"]),
        ("ngày 15 tháng 3, năm 2019; 15 tháng 3 năm 2019; ngày 32 tháng 1 năm 2020", []),
        ("xngày 1 tháng 1 năm 2020 ngày 1 tháng 1 năm 20201 ngày 1 tháng 13 năm 2020", []),
        ("Mùng 5 tháng 3 năm 2020, mồng 2 tháng chín năm 1945", ["5/3/2020", "2/9/1945"]),
        ("ngày 15 tháng 6/2019; mùng 1 tháng Tư/2020", ["15/6/2019", "1/4/2020"]),
        ("ngày 15 tháng 6/2019/QĐ; 5 tháng 3 năm 2020; xmùng 1 tháng 1 năm 2020", []),
    ],
)
def test_the_long_dates_of_a_text_are_its_date_terms(text, written):
    """An article that writes `ngày 15 tháng 3 năm 2019` has the date term `15/3/2019`,
    as one that writes `15/3/2019` (segment.Words): the same as LONG_DATE, the query's."""
    lowered = unicodedata.normalize("NFC", text).lower()
    matched = [m.groups() for m in terms.LONG_DATE.finditer(lowered)]
    months = [(m[0], terms._month_number(m[1]), m[2]) for m in matched]
    want = [terms.date_term(*m) for m in months if 1 <= int(m[0]) <= 31 and 1 <= m[1] <= 12]
    assert terms.long_dates(text) == written == want


DATE_PIECES = ["7/1/2022", "07.01.2022", "1-12-2022", "32/1/2022", "12/2019", "7", "2022"]
DATE_PIECES += ["/", ".", "-", "a", "Đ", "_", " "]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(DATE_PIECES),
        max_size=12,
    ).map("".join)
)
def test_the_dates_of_a_text_are_the_matches_of_the_date_pattern(text):
    """terms.dates checks DATE's look-behinds itself (the index reads every article's
    text): the same dates, at the same places, as the pattern search-engine.js has."""
    want = [
        (m.start(), terms.date_term(m[1], m[3], m[4]))
        for m in terms.DATE.finditer(text)
        if 1 <= int(m[1]) <= 31 and 1 <= int(m[3]) <= 12
    ]
    assert terms.dates(text) == want


def test_body_html_becomes_text_with_tags_as_spaces():
    text = html_text("<p>Hai<br>Bà</p><script>var x;</script><p>Tr&#432;ng &amp; co</p>")
    assert folding.words(text) == ["hai", "bà", "trưng", "co"]


# -- Format ------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=2**40))
def test_varints_read_back(number):
    text = fmt.varint(number) + fmt.digit(63) + fmt.varint(number // 3)
    reader = fmt.Reader(text)
    assert (reader.varint(), reader.digit(), reader.varint()) == (number, 63, number // 3)
    assert not reader.more()


@given(st.floats(min_value=1.0, max_value=1e7))
def test_our_logarithm_is_the_logarithm(x):
    assert math.isclose(fmt.ln(x), math.log(x), rel_tol=1e-14, abs_tol=1e-15)


@pytest.mark.parametrize(
    ("count", "sizes"),
    [(1, [1]), (11, [8, 2, 1]), (16, [16]), (10_001, [8192, 1024, 512, 256, 16, 1])],
)
def test_segments_are_the_binary_digits_of_the_count(count, sizes):
    assert fmt.segment_sizes(count) == sizes


# -- Ranking -----------------------------------------------------------------------


def test_numbers_are_whole_words(tmp_path):
    index = index_of(tmp_path, [("Năm 1234", "Số 1234 và 2019."), ("Năm 12", "Có 12 người.")])
    assert titles(index, "12") == ["Năm 12"]
    assert titles(index, "1234") == ["Năm 1234"]
    assert titles(index, "123") == []


def test_a_number_typed_with_leading_zeros_ranks_every_way_it_is_written_alike(tmp_path):
    """The pages show dates as `19/04/2019`, and readers copy them; articles write
    `19/4/2019` or `19/04/2019`. The zeros are no spelling typed (as a word's
    diacritics are): the article that writes them ranked higher, and the page marked
    `19` and `2019` of `19/4/2019`, not its `4`. (A whole date is one term, which has
    no zeros either.)"""
    assert parse_query("ngày 19/04").typed == {"ngay": {"ngày"}, "19": set(), "4": set()}
    assert parse_query("19/04/2019").typed == {"19/4/2019": set()}
    index = index_of(
        tmp_path,
        [("Tin một", "Hội nghị ngày 19/4/2019."), ("Tin hai", "Hội nghị ngày 19/04/2019.")],
    )
    for query in ["19/04/2019", "19/4/2019", "ngày 19/04"]:
        scores = [hit.score for hit in search(index, query).hits]
        assert len(scores) == 2 and scores[0] == scores[1], query


def test_words_next_to_each_other_beat_the_same_words_scattered(tmp_path):
    filler = "đã họp bàn việc của khu phố trong năm"
    index = index_of(
        tmp_path,
        [
            ("Tin một", f"Người dân hai phố {filler} bà con ở Trưng Nhị."),
            ("Tin hai", f"Người dân quận Hai Bà Trưng {filler} ở phố."),
            ("Tin ba", f"Người dân hai phố {filler} bà con ở Trưng Trắc."),
        ],
    )
    assert titles(index, "hai ba trung")[0] == "Tin hai"
    assert set(titles(index, "hai ba trung")) == {"Tin một", "Tin hai", "Tin ba"}
    # Quoted, the phrase must be there.
    assert titles(index, '"hai ba trung"') == ["Tin hai"]
    assert titles(index, '"ba con" trung') == ["Tin ba", "Tin một"]  # newer first on a tie


def test_a_long_title_pasted_with_a_word_left_out_keeps_its_year_and_date(tmp_path):
    """Titles that differ only in their year or date, past the query's first 12 words:
    the year the text ended with, and the date's year, were left out of the query, and
    the newest of the titles came first whatever the reader asked for."""
    jobs = "Thông báo tuyển dụng viên chức giáo dục quận Hai Bà Trưng năm {}"
    parking = "Thông báo tạm dừng đỗ xe trên phố Đại Cồ Việt và phố Lò Đúc từ ngày {}"
    index = index_of(
        tmp_path,
        [
            (jobs.format(2021), "Quận thông báo tuyển dụng."),
            (jobs.format(2023), "Quận thông báo tuyển dụng."),
            (parking.format("13/3/2011"), "Các phương tiện không được đỗ."),
            (parking.format("6/5/2017"), "Các phương tiện không được đỗ."),
        ],
    )
    # `quận` left out: 13 words, the year last.
    assert titles(index, jobs.format(2021).replace(" quận", ""))[0] == jobs.format(2021)
    assert titles(index, parking.format("13/3/2011").replace(" và", "")) == [
        parking.format("13/3/2011")
    ]


def test_the_spelling_typed_and_the_title_rank_higher(tmp_path):
    index = index_of(
        tmp_path,
        [
            ("Tin về dương phố", "Bài viết về dương phố trong năm nay."),
            ("Tin về đường phố", "Bài viết về đường phố trong năm nay."),
            ("Tin ve duong pho", "Bai viet ve duong pho trong nam nay."),
            ("Một bài khác", "Bài viết nhắc đến phố một lần."),
        ],
    )
    assert titles(index, "đường phố")[0] == "Tin về đường phố"
    assert titles(index, "dương phố")[0] == "Tin về dương phố"
    assert set(titles(index, "duong")) == {
        "Tin về dương phố",
        "Tin về đường phố",
        "Tin ve duong pho",
    }
    assert titles(index, "phố")[-1] == "Một bài khác"  # in the text only, once


def test_a_word_being_typed_finds_the_words_it_may_become(tmp_path):
    """A reader's query as the page sends it while they type (no space after the last
    word): the last word, when not a word of the vocabulary, stands for the most
    frequent words that begin with it (with its pairs), so results come before it is
    whole; a space after it says it is whole."""
    index = index_of(
        tmp_path,
        [
            ("Tin phường Trương Định", "Người dân phường Trương Định họp bàn."),
            ("Tin quận Hai Bà Trưng", "Người dân quận Hai Bà Trưng họp bàn."),
            ("Tin trường học", "Học sinh trường Hai Bà Trưng nghỉ hè."),
            ("Tin trước đây", "Trước đây người dân họp bàn ở phường."),
            ("Tin trưa nay", "Trưa nay người dân họp bàn, mã 20251."),
            ("Tin năm 2025", "Năm 20251 và trưa."),
            ("Tin trụ sở", "Trụ sở mới của phường."),
        ],
    )
    assert parse_query("hai ba tru").last == "tru"
    for query in ["hai ba tru", "Hai Bà Trư", "hai ba trun"]:
        found = search(Index(tmp_path), query)
        assert found.hits[0].title == "Tin quận Hai Bà Trưng", query
        assert "trung" in found.completions, query
    # Any of the words of two articles or more that begin so (`truoc` has one).
    assert set(titles(index, "nguoi dan tru")) == {
        "Tin phường Trương Định",
        "Tin quận Hai Bà Trưng",
        "Tin trưa nay",
    }
    # Whole: the word as typed, which is no word of the index.
    assert titles(Index(tmp_path), "hai ba tru ") == []
    assert parse_query("hai ba tru ").last == parse_query('"hai ba tru"').last == ""
    # A word in fewer articles than a word it may become (`tru`, a word, while `trung`
    # is typed) finds both; one in as many is taken as typed (`truong`, `phuong`).
    assert set(titles(index, "tru")) >= {"Tin trụ sở", "Tin quận Hai Bà Trưng"}
    assert search(Index(tmp_path), "truong").completions == []
    assert search(Index(tmp_path), "phuong").completions == []
    # One letter is too short to tell: the words before it find what they find.
    assert search(Index(tmp_path), "hai ba t").completions == []
    assert titles(index, "hai ba t") == titles(index, "hai ba") != []
    assert titles(index, "hai ba t ") == titles(index, "x") == []
    # So does a letter that is a word of some article (`v.v.`, `điểm c`, `khối B`): it
    # is the first letter of the word being typed, not that word.
    letters = index_of(
        tmp_path / "letters",
        [
            ("Tin quận Hai Bà Trưng", "Người dân quận Hai Bà Trưng họp bàn."),
            ("Tin khác", "Họp, v.v."),
        ],
    )
    assert search(letters, "v ").total == 1
    assert titles(letters, "hai ba v") == titles(letters, "hai ba") == ["Tin quận Hai Bà Trưng"]
    assert titles(letters, "hai ba v ") == []  # whole: the word `v`
    assert titles(letters, "tin v") == titles(letters, "tin")
    # Numbers too: a year, a count being typed.
    assert search(Index(tmp_path), "ma 2025").completions == ["20251"]
    assert titles(index, "ma 2025") == ["Tin trưa nay"]


def test_a_word_mistyped_by_a_letter_is_offered_as_the_archives_word(tmp_path):
    """On a phone a letter goes missing, doubles or swaps: every word must be found, so
    "lcịh tiếp công dân" found nothing. The page then asks suggest() for the words of
    the vocabulary one letter away, the most frequent (a change or a swap first)."""
    index = index_of(
        tmp_path,
        [
            ("Lịch tiếp công dân tháng 1", "Lịch tiếp công dân của quận."),
            ("Lịch tiếp công dân tháng 2", "Lịch tiếp dân."),
            ("Quán ăn", "Quán phở mở cửa."),
            ("Quán nước", "Quán nước vỉa hè."),
            ("Quân sự", "Quân sự địa phương."),
            ("Quận họp", "Quận họp bàn về quân sự."),
            ("Quận mới", "Quận mới thành lập."),
            ("Lính mới", "Lính nhập ngũ."),
            ("Phòng Covid-19", "Ca F0 đầu tiên năm 2021."),
            ("Tiêm vắc xin", "Phòng Covid-19 cho trẻ."),
        ],
    )
    assert titles(index, "lcịh tiếp") == []
    offered = {
        # The edit is made to the word as typed: its diacritics and capitals stay.
        "lcịh tiếp": "lịch tiếp",  # two letters swapped
        "lịchh tiếp": "lịch tiếp",  # one typed twice
        "lịc tiếp": "lịch tiếp",  # one left out
        "liich": "lich",  # one too many, second
        "iLch": "Lich",  # the first two swapped
        "quna": "quan",  # two swapped, before `qua` (one too many)
        "quânn sự": "quân sự",
        "Lcịh Tiếp": "Lịch Tiếp",
        "lịch tiếp": None,  # every word is the archive's
        "xyzzy": None,  # nothing near
        "lcịh 2025": "lịch 2025",  # numbers are as typed
        # The rest as typed: quotes, and the words after the first 12 (a year).
        '"Lcịh tiếp" công dân': '"Lịch tiếp" công dân',
        "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 lcịh quna 2019": "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10"
        " w11 lịch quna 2019",
        "quânh": "quân",  # one too many, at the end
        # Of a letter typed twice, the one without its diacritic goes (`dđ`: a `d` typed
        # before the keyboard made the `đ`): `lịcch` is `lịch` either way, but `dđảng`
        # was offered as `dảng`, no word, and `Quâan` as `Quan`, without its mark.
        "quâan sự": "quân sự",
        "quaân sự": "quân sự",
        "Lịcch": "Lịch",
        # A word of one article is the archive's, though one letter from `lịch`.
        "lính lcịh": "lính lịch",
        # Letters and digits typed together, split (`Covid-19` is two words), each run
        # of letters corrected; a word of the archive (`f0`) is not.
        "covid19": "covid 19",
        "Cvoid19 năm2021": "Covid 19 năm 2021",
        "19covid": "19 covid",
        "ca f0": None,
        "lcịh2": "lịch 2",
        "h5n1 covid19": "h5n1 covid 19",  # a run of one letter: a code, as typed
    }
    for query, expected in offered.items():
        assert suggest(index, query) == expected, query
    assert titles(index, "covid19") == []
    assert titles(index, suggest(index, "covid19 năm2021") or "") == ["Phòng Covid-19"]
    assert sorted(titles(index, suggest(index, "lcịh tiếp") or "")) == [
        "Lịch tiếp công dân tháng 1",
        "Lịch tiếp công dân tháng 2",
    ]


def test_a_word_typed_in_telex_without_its_keyboard_is_read_as_telex(tmp_path):
    """`tuyeenr dungj` (tuyển dụng typed in Telex with the keyboard off, as on a borrowed
    computer) found nothing and nothing was offered: no word is one letter away. A word
    no article has that reads in Telex (aa â, aw ă, ee ê, oo ô, ow ơ, uw and w ư, uow
    ươ, dd đ; s f r x j the tone as the last letter, z none) as a spelling of the
    archive is offered so; a word the archive has as typed is left alone."""
    index = index_of(
        tmp_path,
        [
            ("Tuyển dụng công chức năm 2021", "Quận tuyển dụng 12 công chức."),
            ("Người dân Đà Nẵng", "Người dân vui mừng; Đà Nẵng có mưa."),
            ("Trường học mới", "Trường mới xây có 20 phòng học."),
            ("Giữ gìn vệ sinh", "Giữ gìn đường phố sạch đẹp. Quý I thu vượt."),
            ("Word of the week", "News: the COS team."),
        ],
    )
    assert titles(index, "tuyeenr dungj") == []
    offered = {
        "tuyeenr dungj": "tuyển dụng",
        "Tuyeenr DUNGJ": "Tuyển DỤNG",  # capitals as typed
        "nguowif daan": "người dân",
        "ddaf nawngx": "đà nẵng",
        "truwowngf hocj": "trường học",
        "giuwx gifn": "giữ gìn",
        "quys I": "quý I",
        "tuyeenr dụng": "tuyển dụng",  # one word in Telex, the other typed with its marks
        # Words of the archive as typed are left alone, Telex-looking or not.
        "cos": None,
        "news word": None,
        "phofngf": None,  # two tones: no Telex
        "newz": None,  # `neư`: no word of the archive
        "phongf hocj": "phòng học",
    }
    for query, expected in offered.items():
        assert suggest(index, query) == expected, query
    assert titles(index, suggest(index, "tuyeenr dungj") or "") == titles(index, "tuyển dụng")


def test_telex_typed_without_spaces_is_split_into_the_archives_syllables(tmp_path):
    """`hooijddoongf`, `uyrbannhaan` (hội đồng, ủy ban nhân typed in Telex, keyboard off,
    without the spaces) found nothing and nothing was offered: one word, no syllable. A
    word of letters no article has and no letter's edit mends is split into the fewest
    syllables of the archive (the vocabulary's; one of one or two letters, `ủy`, as its
    term), each read as Telex where an article spells that reading, else without marks
    (`ddongf`, `đòng`: `dong`). A word that splits into no such syllables stays."""
    index = index_of(
        tmp_path,
        [
            ("Hội đồng nhân dân quận", "Kỳ họp Hội đồng nhân dân quận khóa mới."),
            ("Ủy ban nhân dân phường", "Ủy ban nhân dân phường họp bàn về hội đồng."),
            ("Người dân đến hỏi", "Người dân hỏi về đồng hồ nước và ủy ban."),
        ],
    )
    assert titles(index, "hooijddoongf") == []
    offered = {
        "hooijddoongf": "hội đồng",
        "Hooijddoongf": "Hội đồng",  # capitals as typed
        "uyrbannhaan": "ủy ban nhân",
        "hoiddongf": "hoi dong",  # `đòng`, which no article spells: its syllable
        "hoidong nhaan": "hoi dong nhân",
        "xyzzyqqk": None,  # no syllables of the archive
        "hooijxyz": None,  # `hội` and no syllable after it
    }
    for query, expected in offered.items():
        assert suggest(index, query) == expected, query
    assert titles(index, suggest(index, "uyrbannhaan") or "") == ["Ủy ban nhân dân phường"]
    assert titles(index, suggest(index, "hoiddongf") or "") == titles(index, "hội đồng")


def test_a_telex_reading_no_article_spells_or_a_word_the_archive_has_stays(tmp_path):
    """`hoij` reads in Telex as `họi`, no word; the archive has `hội` and `hỏi`: the
    reading is not offered, the letter too many is (`hoi`, every spelling). `bus`, which
    reads as `bú`, is a word of the archive as typed: it finds its articles, not `bú`'s."""
    index = index_of(
        tmp_path,
        [
            ("Hội nghị hỏi ý kiến", "Hội nghị hỏi ý kiến nhân dân."),
            ("Em bé bú sữa mẹ", "Bé bú sữa mẹ; mẹ hỏi bác sĩ."),
            ("Tuyến xe bus số 5", "Xe bus số 5 chạy qua phường."),
        ],
    )
    assert suggest(index, "hoij") == "hoi"
    assert suggest(index, "hoij nghij") == "hoi nghị"
    assert suggest(index, "bus") is None
    assert titles(index, "bus") == ["Tuyến xe bus số 5"]


def test_a_word_typed_in_vni_without_its_keyboard_is_read_as_vni(tmp_path):
    """VNI, the other way of typing Vietnamese, with the keyboard off: a digit after
    the letter it marks (a6 â, a8 ă, e6 ê, o6 ô, o7 ơ, u7 ư, d9 đ; 1 to 5 the tone after
    a vowel). `tuye6n3 du5ng` found nothing and nothing was offered; a word so read as a
    spelling of the archive is offered. Codes and numbers stay as typed."""
    index = index_of(
        tmp_path,
        [
            ("Tuyển dụng công chức năm 2021", "Quận tuyển dụng 12 công chức."),
            ("Người dân Đà Nẵng", "Người dân vui mừng; Đà Nẵng có mưa. Phòng Covid-19."),
            ("Trường học mới", "Trường mới xây có 20 phòng học, cúm H5N1."),
        ],
    )
    offered = {
        "tuye6n3 du5ng": "tuyển dụng",
        "Tuye6n3 DU5NG": "Tuyển DỤNG",
        "ngu7o7i2 da6n": "người dân",
        "d9a2 na84ng": "đà nẵng",
        "tru7o7ng2 ho5c": "trường học",
        "h5n1": None,  # a code of the archive
        "h5n2": None,  # no word read so
        "covid19": "covid 19",  # split, as before: no syllable
    }
    for query, expected in offered.items():
        assert suggest(index, query) == expected, query


def test_a_word_no_article_has_is_not_offered_as_a_word_most_articles_have(tmp_path):
    """`ket nap dang vien`: no article has `nạp`, and the words a letter changed away are
    many (`nam`, `nay`), so the most frequent was offered, `năm`, a word of most
    articles: the page said the reader meant "ket nam dang vien" and listed what the
    other words find, under a word they did not mean. A word as near as another is not
    offered when most articles have it; alone that near (a slip: `nma`, `phườnh`), it is."""
    index = index_of(
        tmp_path,
        [
            ("Hội nghị năm 2020", "Tổng kết năm ở phường."),
            ("Đảng viên mới năm 2021", "Đảng viên năm nay của phường."),
            ("Lịch tiếp dân năm 2022", "Năm nay tiếp dân ở phường."),
            ("Quận họp", "Họp bàn năm tới ở phường."),
            ("Lính mới", "Lính ngõ 5 nhập ngũ."),
            ("Lính cũ", "Lính ngõ 7 giải ngũ."),
        ],
    )
    assert len(titles(index, "nam")) == len(titles(index, "phuong")) == 4  # of the 6
    assert len(titles(index, "nay")) == 2
    offered = {
        "ket nap dang vien": None,  # `nam` or `nay`: a guess, and `nam` tells nothing
        "kết nạp đảng viên": None,
        "nap": None,
        "nma 2021": "nam 2021",  # two letters swapped: `năm` alone is that near
        "phườnh": "phường",  # a letter changed: `phường` alone is that near
        "lính ngx": "lính ngo",  # `ngõ` or `ngũ`: of two articles, a word that tells
    }
    for query, expected in offered.items():
        assert suggest(index, query) == expected, query


def test_a_document_cited_with_so_finds_the_article_that_cites_it_without(tmp_path):
    """A reader cites a document as "Chỉ thị số 04/2008/CT-BTTTT", an article as "Chỉ
    thị 04/2008/CT-BTTTT": every word had to be found, so the article was not; typed
    without diacritics, `so` is also `sở`, so another article was found instead. A
    `số` (`so`) before a number is not required, only scored; elsewhere, in quotes or
    typed `sở` it stays a word to find."""
    index = index_of(
        tmp_path,
        [
            ("Chỉ thị về viễn thông", "Thực hiện Chỉ thị 04/2008/CT-BTTTT của Bộ."),
            ("Số liệu dân số", "Kế hoạch số 45/KH-UBND về số liệu."),
            ("Sở Tư pháp", "Sở Tư pháp thực hiện chỉ thị năm 2008, mục 04."),
        ],
    )
    found = {
        "Chỉ thị số 04/2008/CT-BTTTT": ["Chỉ thị về viễn thông"],
        "chi thi so 04/2008": ["Chỉ thị về viễn thông", "Sở Tư pháp"],
        "SỐ  04/2008": ["Chỉ thị về viễn thông", "Sở Tư pháp"],
        "kế hoạch số 45/KH-UBND": ["Số liệu dân số"],
        "số liệu": ["Số liệu dân số"],  # not before a number: a word
        # Another word (the department); no article of April 2008 nor writing `04/2008`
        # with `sở`: those with `sở`, the spelling typed first (`04`, `2008` apart are no
        # document's number: test_a_month_no_article_is_of_is_a_documents_number_…).
        "sở 04/2008": ["Sở Tư pháp", "Số liệu dân số"],
        "số liệu số 45": ["Số liệu dân số"],  # a word too, elsewhere in the query
        '"chỉ thị số 04/2008"': [],  # a phrase is as typed
    }
    for query, expected in found.items():
        assert titles(index, query) == expected, query
    assert parse_query("chi thi so 04/2008").optional == {"so"}
    assert parse_query("số 5 sở").optional == set()
    assert suggest(index, "số04") == "số 04"  # letters and digits typed together: split


def test_an_abbreviation_before_a_name_is_only_scored(tmp_path):
    """An address is written `P. Bạch Mai, Q. Hai Bà Trưng` (phường, quận): every word had
    to be found, and no article has the word `p` or `q`, so a reader who typed it as
    written found nothing. A word of one or two letters just before a dot is not
    required, only scored; alone, or in quotes, it stays a word to find."""
    index = index_of(
        tmp_path,
        [
            ("Phường Bạch Mai ra quân", "Phường Bạch Mai, quận Hai Bà Trưng ra quân dọn vỉa hè."),
            ("Tin Hà Nội", "Thành phố Hà Nội có TP. Hà Nội mới."),
            ("Phố Huế", "Phố Huế sửa đường."),
        ],
    )
    found = {
        "P. Bạch Mai": ["Phường Bạch Mai ra quân"],
        "p.bach mai, q. hai ba trung": ["Phường Bạch Mai ra quân"],
        "Q.Hai Bà Trưng": ["Phường Bạch Mai ra quân"],
        "TP. Hà Nội": ["Tin Hà Nội"],  # scored where an article has it
        "P.": [],  # alone: the word
        '"P. Bạch Mai"': [],  # a phrase is as typed
    }
    for query, expected in found.items():
        assert titles(index, query) == expected, query
    assert parse_query("P. Bạch Mai, Q. Hai Bà Trưng").optional == {"p", "q"}
    assert parse_query("P. Bạch Mai p").optional == set()  # typed as a word too
    assert parse_query("P.").optional == set()


def test_words_no_article_has_all_of_find_with_some_the_articles_with_half(tmp_path):
    """Every word must be found, and a reader adds words the text does not have: `bài
    viết về Hoa Thanh Hải` found nothing where the article says `đồng chí Hoa Thanh
    Hải`. Asked with ``some`` (the page asks when nothing has every word), a query of
    three words or more finds the articles with half of its words at least, best
    first, and says so; a quoted phrase stays required, a word left out stays out."""
    index = index_of(
        tmp_path,
        [
            ("Hội nghị tổng kết", "Đồng chí Hoa Thanh Hải phát biểu tại hội nghị tổng kết."),
            ("Tin phường", "Phường Thanh Lương ra quân dọn vệ sinh."),
            ("Hải sản", "Kiểm tra an toàn thực phẩm hải sản tại chợ Mơ."),
            ("Hoa đào", "Hoa đào ngày Tết ở phường Thanh Nhàn."),
        ],
    )

    def found(query: str, some: bool = True) -> tuple[list[str], bool]:
        results = search(index, f"{query} ", limit=100, some=some)  # sent whole (Enter)
        return [hit.title for hit in results.hits], results.some

    assert found("ông Hoa Thanh Hải", some=False) == ([], False)  # every word, as before
    assert found("ông Hoa Thanh Hải") == (["Hội nghị tổng kết", "Hoa đào"], True)
    assert found("bài viết về Hoa Thanh Hải") == (["Hội nghị tổng kết"], True)  # 3 of 6
    assert found("Hoa Thanh Hải") == (["Hội nghị tổng kết"], False)  # all there: as before
    assert found("Thanh Hải ông") == (["Hội nghị tổng kết"], True)  # not 1 of 3
    assert found("ông Hải") == ([], False)  # two words: every one
    assert found("ông bà xyz Hải") == ([], False)  # 1 of 4
    assert found('"Thanh Hải" ông bà') == (["Hội nghị tổng kết"], True)
    assert found('"Hoa Hải" Thanh ông') == ([], False)  # a phrase stays required
    assert found("ông Hoa Thanh Hải -đào") == (["Hội nghị tổng kết"], True)


def test_a_title_pasted_in_its_quotes_with_a_word_left_out_is_found_with_some(tmp_path):
    """Portals' titles quote names (`Hội thảo “An toàn thông tin …”`): pasted with a word
    left out, the quoted part was a phrase no article has, and found nothing, with
    ``some`` too. A long phrase (format.PASTED_PAIRS pairs) is not required there; a
    short one, which a reader quotes on purpose, still is."""
    title = "Hội thảo “An toàn thông tin trong cơ quan, doanh nghiệp thành phố Hà Nội”"
    index = index_of(
        tmp_path,
        [
            (title, "Hội thảo do Sở Thông tin và Truyền thông tổ chức."),
            ("Tin phường", "Phường Thanh Lương ra quân dọn vệ sinh."),
        ],
    )

    def found(query: str, some: bool = True) -> tuple[list[str], bool]:
        results = search(index, f"{query} ", limit=100, some=some)
        return [hit.title for hit in results.hits], results.some

    pasted = title.replace(" nghiệp", "")
    assert found(pasted, some=False) == ([], False)  # every word, as before
    assert found(pasted) == ([title], True)
    assert found(title) == ([title], False)
    assert found('"an toàn giao thông" hội thảo Hà Nội') == ([], False)  # quoted on purpose


def test_an_abbreviation_of_the_administration_finds_its_words_and_they_find_it(tmp_path):
    """Articles write `UBND quận` or `Ủy ban nhân dân quận`, `HĐND` or `hội đồng nhân
    dân`: every word must be found, so a reader who typed one form did not find the
    articles with the other. Each form finds both, the form typed first; an abbreviation
    inside a longer word (`xubnd`) is none."""
    index = index_of(
        tmp_path,
        [
            ("UBND quận họp", "UBND quận họp bàn kế hoạch năm 2020 với HĐND."),
            ("Uỷ ban nhân dân phường họp", "Uỷ ban nhân dân phường họp bàn kế hoạch."),
            ("Hội đồng nhân dân quận", "Kỳ họp thứ 5 của hội đồng nhân dân quận."),
            ("Mã lạ", "Mã xubnd và chữ ban nhân không liền nhau dân ủy."),
        ],
    )
    meeting, ward, council = "UBND quận họp", "Uỷ ban nhân dân phường họp", "Hội đồng nhân dân quận"
    # (`Mã lạ` has the words apart: last, as for any query.)
    assert titles(index, "ủy ban nhân dân ") == [ward, meeting, "Mã lạ"]
    assert titles(index, "uy ban nhan dan quan ") == [meeting]
    assert set(titles(index, "ubnd ")) == {meeting, ward}
    assert titles(index, "UBND phường ") == [ward]
    assert set(titles(index, "hđnd ")) == {meeting, council}
    assert set(titles(index, "hdnd quan ")) == {meeting, council}
    assert set(titles(index, '"hội đồng nhân dân" ')) == {meeting, council}


def test_the_abbreviations_of_a_districts_everyday_work_find_their_words(tmp_path):
    """A district's news writes `GPMB`, `SXH`, `VSATTP`, `UBMTTQ` as often as their words,
    and readers type them: `gpmb` found nothing in the 1,000-article bench where 435
    articles say `giải phóng mặt bằng`. Each finds its words and they find it."""
    index = index_of(
        tmp_path,
        [
            ("Bàn giao mặt bằng", "Quận đẩy nhanh công tác giải phóng mặt bằng dự án."),
            ("Phun thuốc", "Phường phun thuốc phòng chống SXH tại tổ dân phố."),
            ("Kiểm tra bếp ăn", "Đoàn kiểm tra vệ sinh an toàn thực phẩm các bếp ăn."),
            ("Hội nghị Mặt trận", "UBMTTQ phường tổ chức hội nghị hiệp thương."),
        ],
    )
    assert titles(index, "gpmb ") == ["Bàn giao mặt bằng"]
    assert titles(index, "sốt xuất huyết ") == ["Phun thuốc"]
    assert titles(index, "sxh ") == ["Phun thuốc"]
    assert titles(index, "vsattp ") == ["Kiểm tra bếp ăn"]
    assert titles(index, "uy ban mat tran to quoc ") == ["Hội nghị Mặt trận"]


def test_a_number_typed_without_its_spaces_or_dots_finds_its_article(tmp_path):
    """A reader types a hotline or an amount as remembered: `0912345678` for the
    article's `0912 345 678`, `500000` for `500.000`. Each number in groups is a word
    joined too; typed in groups, a number an article has joined is offered joined."""
    index = index_of(
        tmp_path,
        [
            ("Đường dây nóng", "Gọi 0912 345 678 hoặc 024.3978.2435 (giờ hành chính)."),
            ("Lệ phí", "Lệ phí 500.000 đồng; doanh nghiệp 1.500.000 đồng."),
            ("Hotline mới", "Số máy 0987654321 trực 24/24, tổng đài 1900 1234."),
            ("Tỷ lệ", "Tăng 1,5 lần, điểm 2 3 và 7.5 của năm 2019 2020."),
        ],
    )
    found = {
        "0912345678": ["Đường dây nóng"],
        "912345678": ["Đường dây nóng"],  # leading zeros do not count, as elsewhere
        "02439782435": ["Đường dây nóng"],
        "0912 345 678": ["Đường dây nóng"],  # as written: its words, side by side
        "500000 đồng": ["Lệ phí"],
        "1500000": ["Lệ phí"],
        "19001234": ["Hotline mới"],
        "20192020": ["Tỷ lệ"],
        # Not one number: a decimal comma, a group of one digit.
        "15": [],
        "23": [],
        "75": [],
        "0987 654 321": [],  # joined in the article: offered joined (below)
    }
    for query, expected in found.items():
        assert titles(index, query) == expected, query
    offered = {
        "0987 654 321": "0987654321",
        "0987.654.321": "0987654321",
        "gọi 0987 654 321 nhé": "gọi 0987654321 nhé",
        "1 5": None,  # a group of one digit: two numbers
        "0912345678": None,
    }
    for query, expected in offered.items():
        assert suggest(index, query) == expected, query
    assert titles(index, suggest(index, "0987 654 321") or "") == ["Hotline mới"]


def test_a_word_after_a_minus_leaves_out_the_articles_that_have_it(tmp_path):
    """`ùn tắc -vỉa` was searched as `ùn tắc vỉa`: the articles the reader wanted left
    out were the only ones found. A minus before a word, at the start or after a space,
    leaves out the articles with it (with the spelling typed, if diacritics were);
    before a quote, those with the phrase. Not `Covid-19`, `- ` or `-5`."""
    index = index_of(
        tmp_path,
        [
            ("Ùn tắc phố Minh Khai", "Giờ cao điểm ùn tắc kéo dài trên phố Minh Khai."),
            ("Ùn tắc ở Bạch Mai", "Ùn tắc do lấn chiếm vỉa hè, triển khai phân luồng."),
            ("Ùn tắc cầu Vĩnh Tuy", "Ùn tắc trên cầu, anh Minh đi làm muộn."),
            ("Chợ vỉa hè", "Hàng rong trên vỉa hè."),
            ("Ngày vía", "Ngày vía Thần Tài, hè phố đông."),
            ("Nhiệt độ", "Đêm qua -5 độ, Covid-19 giảm."),
            ("Kinh tế -xã hội quý I", "Kinh tế xã hội tăng trưởng."),
            ("Xã hội hóa", "Kinh tế xã hội hóa giáo dục quý I."),
        ],
    )
    found = {
        # A space after it: whole (the page sends one after a query sent whole).
        "ùn tắc -vỉa ": ["Ùn tắc cầu Vĩnh Tuy", "Ùn tắc phố Minh Khai"],
        # One word: `Khai` is searched (`triển khai`); a name in quotes is left out whole.
        "ùn tắc -Minh Khai": ["Ùn tắc ở Bạch Mai"],
        'ùn tắc -"Minh Khai"': ["Ùn tắc cầu Vĩnh Tuy", "Ùn tắc ở Bạch Mai"],
        "-vỉa hè": ["Ngày vía"],  # the spelling typed: `vía` stays
        "-via hè": [],  # without diacritics: every spelling
        # ... even beside a spelling typed, in either order (`vía` was left in).
        "-vỉa -via hè": [],
        "-via -vỉa hè": [],
        "-vỉa ": [],  # nothing to find
        "ùn tắc - Minh Khai": ["Ùn tắc phố Minh Khai"],  # a dash, not a minus
        '"phố -Minh Khai"': ["Ùn tắc phố Minh Khai"],  # a phrase is as typed
        "covid-19 -5 độ": ["Nhiệt độ"],  # a word's hyphen, a negative number
        # A title pasted whole with a stray `-`: its article, not the others with `xã`.
        "Kinh tế -xã hội quý I": ["Kinh tế -xã hội quý I"],
    }
    for query, expected in found.items():
        assert sorted(titles(index, query)) == expected, query
    assert parse_query("ùn tắc -Minh Khai").pairs == ["un tac"]  # none across it
    # A number's zeros are no spelling: `-"ngày 04/2019"` leaves out `ngày 4/2019` too.
    assert parse_query('ùn tắc -"ngày 04/2019"').excluded_typed["4"] == set()
    # Being typed (no space after), a word after a minus leaves nothing out yet: `-v`,
    # `-vi` would empty the list; nor is it completed.
    for typing in ["ùn tắc -v", "ùn tắc -vỉ", 'ùn tắc -"Minh Kh', "-vỉa -via hè -v"]:
        assert parse_query(typing).last == "", typing
        assert parse_query(typing).excluded == parse_query(typing[:-1]).excluded, typing
    assert parse_query("ùn tắc -vỉa ").excluded == [["via"]]


def test_a_month_after_a_minus_leaves_out_its_articles(archive):
    """`hội nghị -tháng 3/2019` left out the articles with the word `tháng` and asked for
    March (its articles first): now it leaves out the articles published in March, as
    `-ngày 15/3/2019` leaves out that day's, written short or long."""
    index = Index(archive.output / INDEX)
    every = search(index, "hội nghị ", limit=10**6).hits
    months = Counter(hit.date[3:] for hit in every)
    month = max(months, key=lambda m: (months[m], m))  # the month with most of them
    day = next(hit.date for hit in every if hit.date[3:] == month)
    number, year = (int(n) for n in month.split("/"))
    for query, left in [
        (f"hội nghị -tháng {number}/{year} ", month),
        (f"hoi nghi -thang {number} nam {year} ", month),
        (f"hội nghị -ngày {day} ", day),
    ]:
        found = search(Index(archive.output / INDEX), query, limit=10**6)
        want = [hit.url for hit in every if not hit.date.endswith(left)]
        assert len(want) < len(every) and found.dated is None, query
        assert sorted(hit.url for hit in found.hits) == sorted(want), query


def test_the_vocabulary_holds_words_of_two_articles_or_more_most_frequent_first(tmp_path):
    index_of(
        tmp_path,
        [
            ("Một", "trường trưa trung 2019"),
            ("Hai", "trường trưa trung 2019"),
            ("Ba", "trường trung trúc"),
            ("Bốn", "trường"),
            ("Năm", "trường"),
        ],
    )
    name = fmt.vocabulary_file("tru")
    _, words = fmt.read_script((tmp_path / f"{name}.js").read_bytes())
    # 5 articles, then 3 and 2 (one power of two: alphabetically); `truc` has one.
    assert words == {"tr": [[3, "truong"], [2, "trua", "trung"]]}  # type: ignore[comparison-overlap]
    # Every vocabulary file is there (a query's one is never missing).
    assert len(list(tmp_path.glob("v/*.js"))) == fmt.VOCABULARY_FILES


def tight_caps(monkeypatch) -> None:
    """Caps and tails reached by a handful of articles: capped terms, tails written or
    not, completed or not."""
    for name, value in {
        "CAP_MIN": 2,
        "CAP_SHARE": 4,
        "COMPLETE_POSTINGS": 3,
        "TAILS_FROM": 4,
    }.items():
        monkeypatch.setattr(fmt, name, value)


def test_a_term_in_most_articles_keeps_its_best_postings_and_stops_being_required(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(fmt, "CAP_MIN", 2)
    monkeypatch.setattr(fmt, "CAP_SHARE", 4)
    monkeypatch.setattr(fmt, "COMPLETE_POSTINGS", 0)  # no tails: the heads alone
    texts = [
        (f"Tin {i}", "phường " * (1 + i % 3) + f"mục {i}" + (" lẻ" if i % 4 == 1 else ""))
        for i in range(12)
    ]
    index = index_of(tmp_path, texts)
    found = search(index, "phường", limit=100)
    assert 2 <= found.total < 12  # capped: only the highest-impact articles are listed
    assert {hit.title for hit in found.hits} <= {f"Tin {i}" for i in range(12) if i % 3 == 2}
    assert not found.complete  # and the engine says the list may leave some out
    # A capped word does not exclude articles that lack its posting; a whole one finds
    # every article with both.
    both = search(index, "phường lẻ")
    assert both.total == 3 and both.complete


@pytest.mark.parametrize(
    ("query", "first", "last"),
    [
        ("tháng 4/2019", "2019-04-01", "2019-04-30"),
        ("từ 1/4/2019 đến tháng 5/2019", "2019-04-01", "2019-05-31"),
        ("từ ngày 1 tháng 4 năm 2019 đến nay", "2019-04-01", "9999"),
        ("ngày 19 tháng 4 năm 2019", "2019-04-19", "2019-04-19"),
    ],
)
def test_a_date_says_how_many_of_its_results_are_of_those_days(archive, query, first, last):
    """A month, a range or a long date lists the articles of those days, then what its
    words read as before found (Query.literal): the count of the two was given as the
    articles found, 48 for a month of 6. Results.dated is how many are of those days: the
    first ones listed (the page says it), the rest not of them."""
    found = search(Index(archive.output / INDEX), query, limit=10**6)
    days = ["-".join(reversed(hit.date.split("/"))) for hit in found.hits]
    inside = [first <= day <= last for day in days]
    assert 0 < found.dated < found.total, (query, found.dated, found.total)
    if query.startswith("ngày"):  # a long date: and the articles that write it
        assert all(inside[: inside.count(True)]) and inside.count(True) <= found.dated
    else:
        assert inside == [True] * found.dated + [False] * (found.total - found.dated), query


def test_a_date_no_article_is_of_says_none_and_a_query_without_one_says_nothing(archive):
    """A long date of a day without articles lists what its words found (`ngày`, `2`,
    `tháng`, …): none of them is of that day, and Results.dated says so; a query read one
    way only (no month, range or long date) has no such count."""
    index = Index(archive.output / INDEX)
    days = {hit.date for hit in search(index, "2019 2020 2021", limit=10**6).hits}
    found = search(index, "ngày 15 tháng 12 năm 2021", limit=10**6)
    assert found.dated == 0 < found.total and "15/12/2021" not in days
    for query in ["hội nghị", "19/04/2019", "1/1/2020 - 3/1/2020", "xyzzy"]:
        assert search(index, query).dated is None, query


def test_a_month_no_article_is_of_lists_what_its_other_words_find(archive):
    """`giao ban tháng 12/2030`: no article is of that month (nor writes a day of it).
    The list was empty, and the page then listed the articles with some of the words
    (`tháng`, `12`: most of them) under "no article has every word": now it is what the
    other words find, and says no article is of those days (Results.unpublished)."""
    index = Index(archive.output / INDEX)
    words = search(index, "hội nghị ", limit=10**6)
    for query in ["hội nghị tháng 12/2030 ", "hoi nghi 12/2030 ", "hội nghị tháng 12 năm 2030 "]:
        found = search(Index(archive.output / INDEX), query, limit=10**6)
        assert found.unpublished and found.dated == 0, query
        assert set(words.ranked) <= set(found.ranked), query
    alone = search(index, "tháng 12/2030 ")
    assert alone.unpublished and not alone.some
    for query in ["hội nghị tháng 3/2019 ", "tháng 3/2019 ", "hội nghị ", "15/12/2030"]:
        assert not search(index, query).unpublished, query


def test_with_some_of_the_words_a_month_counts_only_its_articles(archive):
    """`hoc sinh bac si ky su thang 3/2019`: no article has every word, and with `some`
    the month's reading lists those with half of them, most of other months. Results.dated
    counted all of them (43 of 133 here, where March 2019 has one article): now only
    those of the month, as the page would say of them."""
    index = Index(archive.output / INDEX)
    found = search(index, "hoc sinh bac si ky su thang 3/2019", some=True, limit=10**6)
    march = [hit for hit in found.hits if hit.date.endswith("/03/2019")]
    assert found.some and 0 < len(march) < found.total
    assert found.dated == len(march), (found.dated, len(march), found.total)


CITED = [
    ("Đảng ủy phường họp", "Đảng ủy phường họp bàn công tác."),
    ("Đảng ủy xã tổng kết", "Đảng ủy xã tổng kết năm."),
    ("Kế hoạch dài hạn", "Đảng ủy nói về tháng 5, mục 12, tầm nhìn 2030."),
    ("Sở Nội vụ", "Sở Nội vụ thực hiện Chỉ thị 04/2008/CT-TTg."),
    ("Sở Y tế", "Sở Y tế họp năm 2008, mục 04."),
    ("Sở Tài chính", "Sở Tài chính họp bàn."),
]


def test_a_month_no_article_is_of_is_a_documents_number_only_where_it_is_written(tmp_path):
    """`đảng ủy tháng 12/2030`: no article is of that month, and the query read as before
    (`tháng`, `12`, `2030` as words) found one article with them apart, which was listed
    alone, not the articles with `đảng ủy`. The words as before win only where an article
    writes the month's words side by side as typed (a document's number: `sở 04/2008`,
    the article citing `Chỉ thị 04/2008`, not the one with `2008` and `04` apart)."""
    index = index_of(tmp_path, CITED)
    assert sorted(titles(index, "đảng ủy tháng 12/2030")) == [
        "Kế hoạch dài hạn",
        "Đảng ủy phường họp",
        "Đảng ủy xã tổng kết",
    ]
    assert search(index, "đảng ủy tháng 12/2030").unpublished
    assert titles(index, "sở 04/2008") == ["Sở Nội vụ"]
    # What the list is, for the page to say it: the other words' articles, the month's
    # words dropped (Results.dateless), or those that write the month as typed.
    assert search(index, "đảng ủy tháng 12/2030").dateless
    assert search(index, "tháng 12/2030").dateless  # nothing: no other word
    cites = search(index, "sở 04/2008")
    assert cites.unpublished and not cites.dateless
    assert not search(index, "đảng ủy tháng 1/2020").dateless  # the articles' month
    assert titles(index, "sở 2008 04") == ["Sở Y tế", "Sở Nội vụ"]  # typed apart: both


def test_a_months_words_side_by_side_are_not_asked_of_postings_not_all_known(tmp_path, monkeypatch):
    """A pair in many articles keeps only its best postings where a segment has no
    tails (`tháng 12`): an article writing `tháng 12 năm 2030` may not be among them.
    Such a pair cannot say the month's words are apart, and the article stays listed."""
    tight_caps(monkeypatch)
    monkeypatch.setattr(fmt, "TAILS_FROM", 10**6)
    texts = [("Mục tiêu", "Đảng ủy đề ra mục tiêu đến tháng 12 năm 2030.")]
    texts += [(f"Tháng 12 số {n}", f"Họp tháng 12 lần {n}, tháng 12.") for n in range(8)]
    texts.append(("Đảng ủy họp", "Đảng ủy họp."))
    index = index_of(tmp_path, texts)
    assert titles(index, "đảng ủy tháng 12 năm 2030") == ["Mục tiêu"]


def test_a_month_asked_for_beside_one_left_out_is_read_as_before_too(tmp_path):
    """`giao ban tháng 4/2019 -tháng 3/2019`: the articles of April, then those its words
    read as before find (`Quyết định 4/2019`), as without the month left out. That
    reading was dropped: as before, `-tháng 3/2019` asked for `3` and `2019` as words.
    The month left out is left out as before too: its days', not its numbers' articles."""
    texts = [
        ("Giao ban tháng 4", "Giao ban công tác tháng 4."),
        ("Quyết định 4/2019", "Giao ban tháng này triển khai Quyết định 4/2019/QĐ-UBND."),
        ("Giao ban tháng 3", "Giao ban tháng 3 bàn Quyết định 4/2019."),
    ]
    days = [datetime(2019, 4, 10), datetime(2020, 1, 1), datetime(2019, 3, 10)]
    index = index_of(tmp_path, texts, days)
    found = search(index, "giao ban tháng 4/2019 -tháng 3/2019")
    assert [hit.title for hit in found.hits] == ["Giao ban tháng 4", "Quyết định 4/2019"]
    assert found.dated == 1
    assert sorted(titles(index, "giao ban -tháng 3/2019")) == [
        "Giao ban tháng 4",
        "Quyết định 4/2019",
    ]


def test_a_month_found_whole_is_no_list_that_may_leave_some_out(tmp_path, monkeypatch):
    """`tháng 1/2020` lists the month's articles (every one: the calendars), then those
    its numbers found before (Query.literal). The numbers are in most articles, capped:
    the merged list was said to leave some out, and the page asked the reader for "thêm
    một từ nữa" although every article of the month was listed."""
    tight_caps(monkeypatch)
    monkeypatch.setattr(fmt, "COMPLETE_POSTINGS", 0)  # no tails: the heads alone
    texts = [(f"Tin {i}", f"Tháng 1 năm 2020, mục {i}.") for i in range(12)]
    index = index_of(tmp_path, texts)
    assert not search(index, "1 2020").complete  # the numbers as words: capped
    for query in ["tháng 1/2020", "từ 1/1/2020 đến nay", "1/2020 - 2/2020"]:
        found = search(index, query, limit=100)
        assert found.total == 12 and found.complete, query


@pytest.mark.parametrize(
    ("budget", "completed"),
    [(8, ["quan"]), (20, ["quan", "phuong quan"]), (28, ["quan", "phuong quan", "phuong"])],
)
def test_the_rarest_capped_terms_are_completed_from_their_tails_within_the_budget(
    tmp_path, monkeypatch, budget, completed
):
    monkeypatch.setattr(fmt, "CAP_MIN", 2)
    monkeypatch.setattr(fmt, "CAP_SHARE", 4)  # 16 articles: 4 postings a term kept
    monkeypatch.setattr(fmt, "COMPLETE_POSTINGS", budget)
    monkeypatch.setattr(fmt, "TAILS_FROM", 0)
    # phường in all 16 (12 left out of its shard), quận and the pair `phuong quan` in
    # 12 (8 left out); the articles that say each least are not among the 4 kept.
    texts = [
        (f"Tin {i}", "phường " * (1 + i % 5) + ("quận " * (1 + i % 3) if i % 4 else "") + "mục")
        for i in range(16)
    ]
    index = index_of(tmp_path, texts)
    found = search(index, "phường quận", limit=100)
    tails = [name.rsplit("/", 1)[1] for name in found.fetched if "/t" in name]
    assert tails == [f"{fmt.tail_name(t)}.js" for t in completed]
    # quận completed: required, and every article with it is found, those that say it
    # once (only in its tail) too.
    assert sorted(h.title for h in found.hits) == sorted(f"Tin {i}" for i in range(16) if i % 4)
    monkeypatch.setattr(fmt, "COMPLETE_POSTINGS", 0)
    index = index_of(tmp_path / "heads", texts)
    assert search(index, "phường quận").total < 12  # the heads alone miss some


def test_a_term_capped_in_a_segment_without_tails_is_completed_only_where_it_has_tails(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(fmt, "CAP_MIN", 2)
    monkeypatch.setattr(fmt, "CAP_SHARE", 4)
    monkeypatch.setattr(fmt, "TAILS_FROM", 8)  # 24 articles: 16 with tails, 8 without
    texts = [
        (f"Tin {i}", "phường " * (1 + i % 5) + "quận " * (1 + i % 3) + "mục") for i in range(24)
    ]
    index = index_of(tmp_path, texts)
    [large, small] = [s[0] for s in index.file(fmt.MANIFEST)["segments"]]
    assert list((tmp_path / "s" / large).glob("t*.js"))
    assert not list((tmp_path / "s" / small).glob("t*.js"))
    # In all 24: 12 of the large segment's 16 are in its tail, read; 6 of the small
    # segment's 8 are nowhere, so the word is not made required (that would lose them).
    found = search(index, "quận", limit=100)
    assert [name for name in found.fetched if "/t" in name] == [
        f"s/{large}/{fmt.tail_name('quan')}.js"
    ]
    assert found.total == 16 + 2
    monkeypatch.setattr(fmt, "TAILS_FROM", 0)
    assert search(index_of(tmp_path / "all", texts), "quận").total == 24


def test_a_quoted_phrase_leaves_out_every_article_the_index_knows_lacks_it(site, monkeypatch):
    """A phrase in more than one in CAP_SHARE of a segment's articles keeps only its best
    postings there (no tails below TAILS_FROM): in that segment an article without its
    posting may have it. In a segment where its postings are all known, one without
    lacks it: never found, never counted, though it has each word apart."""
    monkeypatch.setattr(fmt, "CAP_MIN", 2)
    monkeypatch.setattr(fmt, "CAP_SHARE", 4)  # 12 articles: segments of 8 and 4, caps of 2
    phrase, apart = "Phường Đồng Nhân họp dân.", "Đồng chí Chủ tịch gặp nhân dân."
    older = [phrase if i % 2 else apart for i in range(8)]  # the phrase capped there
    newer = [phrase, apart, apart, "Tin khác."]  # all known there
    for number, body in enumerate(older + newer):
        site.add(
            f"2021/bai-{number}.md",
            article(f"Tin {number}", f"2021-01-{number + 1:02} 08:00", body),
        )
    assert site.build() == 0
    index = site.output / INDEX
    [(_, _, size, _), (_, start, _, _)] = Index(index).file(fmt.MANIFEST)["segments"]
    assert (size, start) == (8, 8)
    found = search(Index(index), '"Đồng Nhân"', limit=100)
    # Tin 9 and Tin 10 (the newer segment) have the words apart: left out. In the older
    # one, Tin 5 and Tin 7 are known to have it (its best postings), Tin 6 may have it
    # as far as the index knows (both words, and not all the phrase's postings kept),
    # Tin 1 and Tin 3 have it but none of their postings is kept: the price of the caps.
    assert [hit.title for hit in found.hits] == ["Tin 7", "Tin 8", "Tin 5", "Tin 6"]
    assert found.total == 4
    # Unquoted, the words apart do count (they rank lower).
    apart_too = {hit.title for hit in search(Index(index), "Đồng Nhân", limit=100).hits}
    assert {"Tin 9", "Tin 10"} <= apart_too


# -- Incremental = from scratch ----------------------------------------------------

VOCABULARY = ["hai", "bà", "trưng", "ủy", "uỷ", "ban", "đường", "dương", "12", "1234", "phố", "hòa"]
text_strategy = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8).map(" ".join)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    first=st.lists(st.tuples(text_strategy, text_strategy), min_size=1, max_size=20),
    added=st.lists(st.tuples(text_strategy, text_strategy), max_size=12),
    edited=st.lists(st.tuples(st.integers(0, 40), text_strategy), max_size=3),
    removed=st.lists(st.integers(0, 40), max_size=3),
)
@pytest.mark.parametrize("caps", ["as shipped", "tight"])
def test_an_updated_index_is_the_index_written_from_scratch(
    tmp_path_factory, monkeypatch, caps, first, added, edited, removed
):
    if caps == "tight":
        tight_caps(monkeypatch)
    base = tmp_path_factory.mktemp("index")
    before, before_bodies = articles_of(first)
    update_index(base / "a", before, lambda keys: {k: before_bodies[k] for k in keys})
    texts = list(first) + list(added)
    for at, body in edited:
        if texts:
            texts[at % len(texts)] = (texts[at % len(texts)][0], body)
    for at in removed:
        if len(texts) > 1:
            del texts[at % len(texts)]
    after, after_bodies = articles_of(texts)
    asked: set[str] = set()

    def bodies(keys):
        asked.update(keys)
        return {k: after_bodies[k] for k in keys}

    update_index(base / "a", after, bodies)
    update_index(base / "b", after, lambda keys: {k: after_bodies[k] for k in keys})
    assert tree(base / "a") == tree(base / "b")
    if texts[: len(first)] == list(first) and len(texts) > len(first):
        # Only additions: the bodies read are those of the segments that changed.
        assert len(asked) <= 2 * len(added) + 1 or len(asked) <= len(texts)
    for query in ["hai ba trung", "12", "uy ban", '"duong 12"']:
        ours, fresh = search(Index(base / "a"), query), search(Index(base / "b"), query)
        assert (ours.total, ours.ranked) == (fresh.total, fresh.ranked)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(
        st.tuples(text_strategy, st.one_of(st.just(""), text_strategy)), min_size=1, max_size=40
    ),
    slice_docs=st.integers(1, 5),
    held=st.booleans(),
)
def test_an_index_encoded_a_few_articles_at_a_time_is_the_index_encoded_whole(
    tmp_path_factory, monkeypatch, texts, slice_docs, held
):
    """Capped terms whose kept postings, star class and tails span slices; terms first
    seen in a later slice; spellings ranked over the whole segment. The slices' postings
    are held from the first pass to the second (a segment of at most HELD_DOCS) or made
    again (a larger one): the same bytes."""
    tight_caps(monkeypatch)
    base = tmp_path_factory.mktemp("index")
    articles, bodies = articles_of(texts)
    get = lambda keys: {k: bodies[k] for k in keys}  # noqa: E731
    update_index(base / "whole", articles, get)
    monkeypatch.setattr(segment, "SLICE_DOCS", slice_docs, raising=False)
    monkeypatch.setattr(segment, "HELD_DOCS", segment.HELD_DOCS if held else 0, raising=False)
    update_index(base / "sliced", articles, get)
    assert tree(base / "sliced") == tree(base / "whole")


def _generated_words(count: int) -> segment.Words:
    """The words of the first ``count`` of bench/generate.py's articles, as the writer
    gathers them (the Markdown as the text: the same words, near enough)."""
    sys.path.insert(0, str(REPO / "bench"))
    import generate

    words, taken = segment.Words(), set()
    for index in range(count):
        text = generate.make_article(index, 0, taken).text
        _, front, body = text.split("---\n", 2)
        [title] = [line for line in front.splitlines() if line.startswith("title: ")]
        words.add(title.removeprefix("title: ").strip('"'), body)
    return words


def test_encoding_a_segment_takes_the_memory_of_a_slice_not_of_the_segment(monkeypatch):
    """A segment of 65,536 articles encoded whole took 2.2 GB, a 100,000 articles' build
    3.1 GB in all. Slices of 64 articles: a segment of 512 holds little more than one of
    64 (its files are twice as large); whole, it held six times as much. (Segments of at
    most HELD_DOCS hold their slices' postings between the two passes: not these.)"""
    monkeypatch.setattr(segment, "SLICE_DOCS", 64, raising=False)
    monkeypatch.setattr(segment, "HELD_DOCS", 0, raising=False)
    peaks = []
    for count in (64, 512):
        words = _generated_words(count)
        tracemalloc.start()  # numpy's arrays are counted too
        try:
            files: dict[str, bytes] = {}
            segment.encode("s", words, files.__setitem__)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[1] < 1.5 * peaks[0], peaks


def test_a_segment_of_more_than_65536_forms_is_indexed_whole(tmp_path):
    """A segment's words are kept as two-byte numbers until the 65,537th form, then as
    four-byte ones, some of them in the middle of a text: every word is still found."""
    numbers = " ".join(str(n) for n in range(70_000))
    texts = [
        ("Tin một", "phố Huế"),
        ("Bảng số liệu", f"đầu {numbers} cuối"),
        ("Tin ba", "69999 12"),
    ]
    index = index_of(tmp_path, texts)
    assert titles(index, "69999") == ["Tin ba", "Bảng số liệu"]
    assert titles(index, '"đầu 0"') == titles(index, '"69999 cuối"') == ["Bảng số liệu"]
    assert titles(index, "pho hue") == ["Tin một"]


def test_adding_one_article_writes_few_files(tmp_path):
    texts = [(f"Tin số {i}", f"Nội dung {i} về phường {i % 7} và quận {i % 3}.") for i in range(50)]
    articles, bodies = articles_of(texts)
    get = lambda keys: {k: bodies[k] for k in keys}  # noqa: E731
    update_index(tmp_path, articles[:49], get)
    result = update_index(tmp_path, articles, get)
    # 49 = 32+16+1 -> 50 = 32+16+2: a 2-segment comes (one shard, one titles file, its
    # words, its calendar), the 1-segment goes (the same), and the manifest changes; the
    # vocabulary does not (no word went past a power of two).
    assert result.segments_written == 1
    assert result.written == 9
    assert update_index(tmp_path, articles, get).reindexed is False


def test_a_missing_vocabulary_file_is_reported(tmp_path):
    """The page's search fails without one: `check --built` says which."""
    index_of(tmp_path, [("Tin", "Nội dung")])
    name = fmt.vocabulary_file("tin")
    (tmp_path / f"{name}.js").unlink()
    assert search_index_problems(tmp_path) == [f"incomplete: {name}.js missing or unreadable"]


def test_a_damaged_index_is_reported(tmp_path):
    index_of(tmp_path, [("Tin", "Nội dung")])
    assert search_index_problems(tmp_path) == []
    next(tmp_path.glob("s/*/0.js")).write_text("oops", encoding="utf-8")
    [problem] = search_index_problems(tmp_path)
    assert "incomplete" in problem and "0.js" in problem
    (tmp_path / "index.js").unlink()
    assert search_index_problems(tmp_path) == ["missing or unreadable (no index.js)"]


# -- A real site: the seed among generated articles ---------------------------------


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> SiteDir:
    sys.path.insert(0, str(REPO / "bench"))
    import generate

    site = SiteDir(tmp_path_factory.mktemp("archive") / "site")
    generate.generate(150, site.content, seed=3)
    site.add_seed()
    assert site.build("--base-url", "https://user.github.io/repo/") == 0
    return site


def _archive_with(archive: SiteDir, folder: Path, **constants: int) -> SiteDir:
    site = SiteDir(folder / "site")
    shutil.copytree(archive.content, site.content, dirs_exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in constants.items():
            patch.setattr(fmt, name, value)
        assert site.build("--base-url", "https://user.github.io/repo/") == 0
    return site


@pytest.fixture(scope="module")
def tailed_archive(archive, tmp_path_factory) -> SiteDir:
    """The archive with tails in every segment (as shipped, only segments of more than
    8,192 articles have them): capped terms are completed."""
    return _archive_with(archive, tmp_path_factory.mktemp("tailed"), TAILS_FROM=0)


@pytest.fixture(scope="module")
def tight_archive(archive, tmp_path_factory) -> SiteDir:
    """Tails in the 128 articles' segment only, caps in the small ones too, and a budget
    of completion too small for most queries' capped terms: some are completed (where
    they have tails), the others rank with their heads."""
    folder = tmp_path_factory.mktemp("tight")
    return _archive_with(archive, folder, TAILS_FROM=16, CAP_MIN=2, COMPLETE_POSTINGS=150)


def test_a_site_indexed_a_few_articles_at_a_time_has_the_same_index(
    tight_archive, tmp_path, monkeypatch
):
    """Segments of 128, 16, 4 and 2 articles, with caps and tails, in slices of 5."""
    monkeypatch.setattr(segment, "SLICE_DOCS", 5, raising=False)
    sliced = _archive_with(tight_archive, tmp_path, TAILS_FROM=16, CAP_MIN=2, COMPLETE_POSTINGS=150)
    assert tree(sliced.output / INDEX) == tree(tight_archive.output / INDEX)


SEED_URL = "2019/04/quan-hai-ba-trung-quan-triet-va-trien-khai-quy-dinh-phan-cap-quan-ly-can-bo/"


@pytest.mark.parametrize("query", ["dinh thi lan duyen", "Đinh Thị Lan Duyên", "3286-qd/qu"])
def test_the_seed_is_first_for_its_names_and_codes(archive, query):
    found = search(Index(archive.output / INDEX), query)
    assert found.hits[0].url == SEED_URL, [h.title for h in found.hits[:3]]


def test_the_seed_is_first_for_its_council_among_the_browsing_corpus(corpus_site):
    """Among generated articles, hundreds of titles start with "HĐND quận Hai Bà
    Trưng" and rightly come first; among the browsing corpus, the seed does."""
    corpus_site.add_seed()
    assert corpus_site.build() == 0
    for query in ["hdnd quan hai ba trung", "HĐND quận Hai Bà Trưng", "dinh thi lan duyen"]:
        found = search(Index(corpus_site.output / INDEX), query)
        assert found.hits[0].url == SEED_URL, query


def test_a_title_typed_whole_puts_its_article_first(archive):
    """Typed or pasted whole, with diacritics or without, quoted or not, a title puts
    its article first: however long (a query's terms are its first 12 words, and many
    titles are longer, the year or the ward last) and however like another's it is."""
    index = archive.output / INDEX
    rows = [row for rows in _titles_files(index) for row in rows]
    titles = Counter(row[1] for row in rows)
    unique = [(url, title) for url, title, *_ in rows if titles[title] == 1]
    assert sum(1 for _, t in unique if len(folding.words(t)) > fmt.MAX_QUERY_WORDS) > 20
    for url, title in unique:
        plain = " ".join(folding.fold(w) for w in folding.words(title))
        for query in [title, plain, f'"{title}"', title.upper()]:
            assert search(Index(index), query).hits[0].url == url, query


def test_a_titles_first_words_put_an_article_whose_title_has_them_first(archive):
    """A title's first words typed, with diacritics or without (`dang uy khoi cac co
    quan` of `Đảng ủy Khối các cơ quan Thành phố …`): first comes an article whose title
    has them side by side, not one whose long text is full of them (`Hội thi … Đảng ủy
    cơ quan …`), which the scores alone put first for 8 of the archive's runs."""
    index = archive.output / INDEX
    rows = [row for rows in _titles_files(index) for row in rows]
    tried = 0
    for _, title, *_ in rows:
        words = folding.words(title)
        for count in (4, 6, 8):
            run = " ".join(folding.fold(w) for w in words[:count])
            for query in [run, " ".join(words[:count])] if len(words) > count else []:
                first = search(Index(index), query + " ").hits[0].title
                assert run in " ".join(folding.fold(w) for w in folding.words(first)), query
                tried += 1
    assert tried > 800


def test_a_date_lists_the_articles_of_that_day_first(archive):
    """Each date an article of the archive shows, typed as shown, without leading zeros
    or after `ngày`: the articles of that day first, newest first, then those that write
    the date (the generated articles write dates `d/m/yyyy`)."""
    index = archive.output / INDEX
    rows = [row for rows in _titles_files(index) for row in rows]
    days = Counter(row[2] for row in rows)
    assert max(days.values()) > 1
    written = 0
    for date, count in days.items():
        day, month, year = (int(n) for n in date.split("/"))
        for query in [date, f"{day}/{month}/{year}", f"ngày {day}-{month}-{year}"]:
            hits = search(Index(index), query, limit=10**6).hits
            assert [hit.date for hit in hits[:count]] == [date] * count, query
            assert [hit.doc for hit in hits[:count]] == sorted(h.doc for h in hits[:count])[::-1]
            written += len(hits) - count
    assert written > 0  # the articles that write a date are found too


def test_a_date_range_lists_the_articles_published_in_it_newest_first(archive):
    """`A - B`, `từ ngày A đến ngày B`: the articles whose page shows a day from A to B,
    newest first, and no other (a range asks when they were published); with words,
    those of them with the words, best first. However long the range: its files are
    each segment's calendar (s/<segment>/c.js), whatever the days."""
    index = archive.output / INDEX
    every = search(Index(index), "1/1/1900 - 31/12/2100", limit=10**6)
    assert every.total == sum(len(rows) for rows in _titles_files(index))
    assert [hit.doc for hit in every.hits] == sorted((h.doc for h in every.hits), reverse=True)

    def day(shown: str) -> tuple[int, ...]:
        return tuple(int(n) for n in reversed(shown.split("/")))

    days = sorted({hit.date for hit in every.hits}, key=day)
    first, last = days[len(days) // 3], days[len(days) // 3 + 20]
    shown = [h.doc for h in every.hits if day(first) <= day(h.date) <= day(last)]
    assert 20 < len(shown) < every.total
    for query in [f"{first} - {last}", f"từ ngày {first} đến ngày {last}", f"{last}-{first}"]:
        found = search(Index(index), query, limit=10**6)
        assert [hit.doc for hit in found.hits] == shown, query
        segments = {name.split("/")[1] for name in found.fetched if name.startswith("s/")}
        calendars = [name for name in found.fetched if name.endswith("/c.js")]
        assert len(calendars) == len(segments) == len(Index(index).file("index")["segments"])  # type: ignore[index]
    with_words = search(Index(index), f"thanh niên từ {first} đến {last}", limit=10**6)
    words = search(Index(index), "thanh niên", limit=10**6)
    assert 0 < with_words.total < len(shown)
    assert [h.doc for h in with_words.hits] == [h.doc for h in words.hits if h.doc in shown]
    # Two days not joined: the articles of either, then those that write either.
    a, b = days[3], days[30]
    either = {h.doc for h in search(Index(index), f"{a} {b}", limit=10**6).hits}
    each = [{h.doc for h in search(Index(index), d, limit=10**6).hits} for d in (a, b)]
    assert either == each[0] | each[1]


def _titles_files(index: Path) -> list[list[list[str]]]:
    return [fmt.read_script(path.read_bytes())[1] for path in index.glob("s/*/d*.js")]  # type: ignore[misc]


QUERIES = [
    "hai ba trung",
    "tuyen dung 2021",  # a year among words: that year's articles first
    "năm 2019",  # a year alone: its articles first, counted, its page named
    "tháng 4/2019",  # a month: its page named
    "từ 1/1/2019 đến 30/4/2019",  # a range within a year: the year's page
    "nghị định 139/2017/NĐ-CP",  # a year of a number: no year first
    "ISO 9001:2008",
    "tiem chung thang 3 nam 2021",  # a month in full among words: its articles first
    "2019 hội nghị",
    "dai hoi nhiem ky 2015",  # a term of office: as before
    "hoi nghi nam 2019",
    "Hai Bà Trưng",
    "dinh thi lan duyen",
    "hdnd quan hai ba trung",
    "ủy ban nhân dân phường",
    "uỷ ban",
    '"hai bà" trưng',
    '"ban chấp hành',
    "cán bộ",
    "can bo dang vien",
    "12",
    "2019",
    "3286-QĐ/QU",
    "19/04/2019",
    "đường",
    "dương",
    "hoà giải",
    "Hội nghị",
    # Pasted from a page whose title holds Word's optional hyphen, or a joiner.
    "Hội ng\u00adhị",
    "quy ho\u00adạch cán\u2060 bộ",
    "xyzzy",
    # Words no article has all of: with `some`, those with half of them.
    "bài viết về cán bộ phường xyzzy qwrtp ",
    '"hội nghị" tổng kết xyzzy qwrtp zzqq ',
    "hoc sinh bac si ky su thang 3/2019 ",  # of March: those with the month's term only
    # The seed's title pasted in quotes, a word (`và`) left out: with `some`, found.
    "“Quận Hai Bà Trưng quán triệt triển khai Quy định phân cấp” ",
    '"Quận Hai Bà Trưng quán triệt triển khai" ',
    "xyzzy qwrtp đảng viên ",
    "nguyen van",
    "thanh nhan",
    " ".join(f"w{i} phường" for i in range(12)),
    " ".join(f"w{i} phường" for i in range(12)) + " năm 2019 ngày 19/04",
    " ".join(f"w{i} phường" for i in range(12)) + " năm 2019 ngày 19/04 ",
    # Past the first 12 words: a year the text ends with, a date (begun among them too).
    " ".join(f"w{i} phường" for i in range(7)) + " năm 2019",
    " ".join(f"w{i} phường" for i in range(7)) + " năm 201",
    " ".join(f"w{i} phường" for i in range(7)) + " từ ngày 19/4/2019",
    " ".join(f"w{i} phường" for i in range(5)) + " w5 ngày 19/4/2019 x 2019",
    " ".join(f"w{i} phường" for i in range(7)) + " 1/3/2019 - 31/3/2019",
    # A title pasted whole (the seed's, 31 words), and quoted phrases most articles have.
    "Quận Hai Bà Trưng quán triệt và triển khai Quy định phân cấp quản lý cán bộ; hướng dẫn"
    " rà soát, bổ sung quy hoạch cấp ủy, cán bộ lãnh đạo, quản lý.",
    '"quận hai bà trưng"',
    '"phuong dong nhan" hoi nghi',
    # The last word being typed: completed, with or without diacritics, in a phrase.
    "hai ba tru",
    "Quận Hai Bà Trư",
    "dinh thi lan duy",
    "ủy ban nhân dân phư",
    '"hai bà" trư',
    '"quan hai ba tr',
    "hội ngh",
    "hai ba trung v",  # a letter, being typed (and a word of some article: `v.v.`)
    # A month left out: the articles of its days (`-tháng 3/2019`, written long too).
    "hội nghị -tháng 3/2019 ",
    "hoi nghi -thang 4 nam 2019 -ngày 19/4/2019",
    # A month no article is of: what its other words find; alone, nothing.
    "hội nghị tháng 12/2030 ",
    "tháng 12/2030",
    # A day after `từ` alone: its words as before first, then the days since (alone: those).
    "hội nghị từ ngày 1/1/2020 ",
    "từ 1/1/2020",
    "quan triet tu thang 4/2019",
    # A date, month or year after `trước` or `sau`: the days before or after it.
    "hội nghị trước năm 2019 ",
    "sau tháng 3/2020",
    "quan triet truoc ngay 20/4/2019",
    "thang sau nam 2019",  # `sáu` (six) typed without diacritics: its words
    # A year after `từ` alone or to today: the days since its first.
    "hội nghị từ năm 2019 ",
    "tu nam 2019 den nay",
    "đảng viên tháng 12/2030",  # as before too: the articles writing `12 2030` (none)
    "phường tháng 12 năm 2030",  # `tháng 12`, in many: capped in some archives below
    "ủy ban nhân dân Đ",
    "lan thu 2",
    "can bo dang v",
    # A number written in groups typed joined, and as written.
    "500000 đồng",
    "500.000",
    # `số` before a number: only scored; a word elsewhere.
    "Chỉ thị số 04/2008/CT-BTTTT",
    "quyet dinh so 3286-qd/qu",
    '"so 12" so lieu',
    # A minus: the word, or phrase, leaves articles out; a dash, a hyphen do not.
    "hội nghị -phường ",
    "hội nghị -phường",  # being typed: nothing left out yet
    "quan hai ba trung -dinh thi lan duyen",
    'ủy ban -"nhân dân" phuong',
    "cán bộ - đảng viên",
    "Covid-19 -5",
    "hoi nghi -tr",
    "hội nghị -số -so ",  # every spelling, as the word typed plain says
    "hội nghị -so -số ",
    'hội nghị -"ngày 04/2019" ',
    # A whole date: the articles of that day, then those that write it; not a month.
    "19/4/2019 ",
    "ngày 19-4-2019",
    "quán triệt ngày 19.04.2019",
    '"19/04/2019" cán bộ',
    "hội nghị -phường ngày 19/04/2019",
    "03/04/2024",  # two articles of that day (the archive of 150)
    "30/7/2021 ",
    "30/07/2021 hội",
    "12/2019",
    "Quyết định số 12/2019",
    # A range of days: the articles published in it, newest first; with words, those of
    # them with the words; two dates not joined: either.
    "1/1/2019 - 31/3/2019",
    "từ ngày 19/04/2019 đến ngày 30/7/2021",
    "30/7/2021-19/4/2019",
    "thanh niên từ 1/1/2019 tới 31/12/2020",
    "hội nghị 19/4/2019 \u2013 30/7/2021 -phường",
    "19/4/2019 30/7/2021",
    "ra quân 03/04/2024 hoặc 1/1/2019 - 31/1/2019 ",
    "1/1/1900 - 31/12/2100",
    # A month, months joined, a range to today: their articles, then those the query as
    # read before finds (the numbers, `đến nay`'s words); not after `số`.
    "tháng 4/2019",
    "Tháng 04/2019 ",
    "7/2021",
    "07-2021 ",
    "hội nghị tháng 7/2021",
    "cán bộ 4/2024 phường",
    "thanh niên từ tháng 1/2019 đến tháng 6/2019",
    "1/2019-12/2020",
    "12/2020 - 1/2019 hội nghị -phường",
    "từ 1/1/2021 đến nay",
    "từ ngày 19/04/2019 đến hôm nay",
    "hội nghị từ tháng 3/2024 đến nay ",
    "15/4/2019 - 4/2019",
    "tháng 4/2019 hội ngh",  # a word being typed after a month
    "tháng 4/201",  # a year being typed: numbers
    "xyzzy tháng 4/2019 qwrtp cán bộ ",  # some of the words
    "Quyết định số 4/2019",
    "4/2019 7/2021 19/4/2019",
    # A long date or month: the short one's, then what its words found before.
    "ngày 19 tháng 4 năm 2019",
    "Ngày 19 tháng 04 năm 2019 hội nghị",
    "tháng 4 năm 2019",
    "cán bộ tháng 7 năm 2021 phường",
    "từ tháng 1 năm 2019 đến tháng 6 năm 2019",
    "từ ngày 1 tháng 4 năm 2019 đến nay",
    "ngày 19 tháng 4 năm 201",  # a year being typed: words
    "19 tháng 4 năm 2019",  # no `ngày`: words
    # A long date with its month as a word.
    "ngày 10 tháng Tư năm 2019",
    "hoi nghi ngay 15 thang sau nam 2019",
    # A range whose year is written once: the start takes the end's; a month as a word.
    "từ tháng 1 đến tháng 6/2019",
    "thanh niên từ ngày 1 đến ngày 30/4/2019",
    "hoi nghi tu thang 11 den thang 2/2020",
    "từ ngày 15/4 đến ngày 30/4/2019 ",
    "từ mùng 1 đến mùng 10/4/2019",
    "hoi nghi thang 1 - 3 nam 2019",
    "từ mùng 1/4/2019 đến mùng 10/4/2019",
    "mùng 5 tháng 4 năm 2019",
    "thanh niên ngày 15 tháng 4/2019",
    "tháng tư năm 2019",
    "hội nghị tháng Tư/2019",
    "thang bay nam 2021",
    # An abbreviation before a dot: only scored.
    "P. Bạch Mai, Q. Hai Bà Trưng",
    "q.hai ba trung",
    "Q.",
]


# Words of the archive mistyped by a letter (suggest), and words with nothing near.
MISTYPED = [
    # Telex typed without its keyboard (engine._telex).
    "tuyeenr dungj",
    "Nguowif daan phuwowngf",
    "ddaij hooij ddaauf",
    "hoij nghij quaanj",
    "xyzzys news",
    "tuye6n3 du5ng ngu7o7i2 da6n",  # VNI
    "co6ng cha1c h5n1 covid19",
    "hoi nhgi",
    "Hội nghịị",
    "giải phóng mặt bằg",
    "hai bà trưnh",
    "Bà Trưưng",
    '"ủy bna" nhân dân, hội nghịị',
    "quna hai ba trung",
    "dđảng viên",  # a letter typed twice, once with its diacritic
    "Hai Bà Truưng",
    "dinh thi lan duyne",
    "ủy bna nhân dân",
    "cna bo",
    "phuongg",
    "xyzzy qwrtp",
    "Hội nghịị",
    "nam2019 hoi nhgi2",  # letters and digits typed together
    "2019ubnd Đồng",
    "SỐ  12-NQ/TW, so 5 và số liệu hồ sơ số2",
    "0912 345 678",  # a number typed in groups: joined
    "hotline 024.3978.2435, phí 1.500.000 đồng",
    "phí 500 000 đồng, 04/2008 12",  # joined where the archive has it joined only
    "ket nap dang vien",  # `nam` or `nay`, words of most articles: not offered
    "kết nạp đảng viên",
    "tuyeenr dungj",  # Telex typed without its keyboard: nothing, until suggested
    "hooijddoongf uyrbannhaan",  # Telex without its spaces: split into syllables
    "hoiddongf Hooijnghij",
]


@pytest.mark.parametrize("tails", ["as shipped", "every segment", "tight"])
def test_the_page_ranks_exactly_as_the_reference_engine(
    archive, tailed_archive, tight_archive, browser, tails
):
    from serving import serve

    def read(site: SiteDir, query: str) -> set[str]:
        fetched = search(Index(site.output / INDEX), query).fetched
        return {name.rsplit("/", 1)[1] for name in fetched if "/t" in name}

    # Capped terms (the 128 articles' segment caps at 64) are completed from their
    # tails where there are tails; with the tight budget, only some of them.
    for query in ["ủy ban nhân dân phường", "can bo dang vien"]:
        assert read(archive, query) == set()
        assert read(tailed_archive, query)
    tight = {query: read(tight_archive, query) for query in QUERIES}
    assert any(set() < tight[q] < read(tailed_archive, q) for q in QUERIES), tight
    archive = {"every segment": tailed_archive, "tight": tight_archive}.get(tails, archive)

    with serve(archive.output, "repo") as address:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{address}tim-kiem/")
        page.wait_for_function("!!(window.newsarchiveSearch && window.newsarchiveSearch.rank)")
        completed: list[bool] = []
        partial: list[bool] = []
        lacking: list[bool] = []
        split: list[bool] = []  # the dates' articles, then others the words found
        periods: list[bool] = []  # a month's or a year's page named
        phrases: list[bool] = []  # some articles with the words side by side, first
        for query, some in [(q, some) for q in QUERIES for some in (False, True)]:
            got = page.evaluate(
                "async ([q, some]) => { const r = await newsarchiveSearch.rank(q, {some});"
                " return [r.total, r.docs, r.scores, r.completions || [], r.complete, r.some,"
                " r.dated, r.unpublished, r.dateless, r.year, r.period, r.phrase]; }",
                [query, some],
            )
            index = Index(archive.output / INDEX)
            want = search(index, query, some=some)
            want_scores = [hit.score for hit in search(index, query, limit=10**6, some=some).hits]
            assert [got[0], got[1], *got[3:]] == [
                want.total,
                want.ranked,
                want.completions,
                want.complete,
                want.some,
                want.dated,
                want.unpublished,
                want.dateless,
                want.year,
                list(want.period) if want.period else None,
                want.phrase,
            ], query
            split.append(want.dated is not None and 0 < want.dated < want.total)
            periods.append(want.period is not None)
            phrases.append(want.phrase is not None)
            partial.append(not want.complete)
            completed.append(bool(want.completions))
            lacking.append(want.some)
            assert got[2] == want_scores, query  # to the last bit
        assert completed.count(True) >= 12  # the words being typed, above
        assert lacking.count(True) >= 3  # some of the words, above
        assert split.count(True) >= 4  # a month, a range to today, a long date, above
        assert periods.count(True) >= 6  # a month, a range, a year alone and among words
        assert phrases.count(True) >= 2  # names, words of many articles
        assert tails == "every segment" or any(partial)  # lists that may leave some out too
        # The same words, the same form (folding.py and the page).
        sample = "Đồng ĐƯỜNG hoà HÒA khoẻ thuỷ Ủy quý xoáy khuya 3286-QĐ/QU HĐND, café naïve 2019"
        sample += " 05/03 007 0 00"  # a number's leading zeros do not count
        sample += " Ðà ðà"  # the look-alike of Đ (text converted from old encodings)
        sample += " lý LÍ kỳ quý quí Mỹ huy ý"  # `i` and `y` after a consonant
        assert page.evaluate("t => newsarchiveSearch.words(t)", sample) == folding.words(sample)
        assert page.evaluate(
            "t => newsarchiveSearch.words(t).map(newsarchiveSearch.fold)", sample
        ) == [folding.fold(w) for w in folding.words(sample)]
        # A whole date is one term, as terms.py makes it (and never a month).
        dated = ["ngày 07/01/2022 ở", "7-1-2022", "7.1.2022", "12/2019", "32/1/2022 7/1/20221"]
        dated += ["1/7/1/2022", "7/1/2022-9/1/2022", "a7/1/2022", "01/12/2019/QĐ-UBND"]
        dated += ['"ngày 7/1/2022" họp', "-ngày 7/1/2022", "Ngày 7/1/2022 ngày", "_7/1/2022_"]
        # A range of days is one word, as terms.py makes it.
        dated += ["1/1/2020-3/1/2020", "01/01/2020 \u2013 03/01/2020", "3/1/2020\u20141/1/2020"]
        dated += ["Từ ngày 1/1/2020 đến ngày 3/1/2020", "tu ngay 1-1-2020 den ngay 3-1-2020"]
        dated += ["kết nạp từ 1.1.2020 tới 31.1.2020 ở", "hội nghị 1/1/2020 và 3/1/2020"]
        dated += ["1/2/2020 - 3/4/2020 1/2/2020 5/5/2021", "1/1/2020 - 01/01/2020"]
        dated += ["đi từ 1/1/2020", "từ 1/1/2020", "hội nghị từ ngày 1/1/2020", "-từ 1/1/2020"]
        dated += ["từ 1/1/2020 đến", "a từ tháng 3/2020", "tu ngay 1 thang 1 nam 2020 x"]
        dated += ["từ số 1/2020", "từ ngày 1/1/2020 và 5/1/2020 họp", "hop -tu ngay 1/1/2020"]
        dated += ["trước năm 2019", "truoc nam 2019 hop", "sau tháng 3/2020", "sau 12/2019"]
        dated += [
            "trước ngày 1/3/2021",
            "sau ngày 15 tháng 3 năm 2019",
            "sau 5 năm",
            "trước 13/2019",
        ]
        dated += ["-trước năm 2019 họp", "hội nghị sau ngày 1/1/2020", "trước năm 2019 - 2020"]
        dated += ["từ năm 2020", "tu 2020 den nay", "từ năm 2016 đến năm 2020", "-từ năm 2020"]
        dated += ["sau 2019/QĐ", "Trước 2019", "sau tháng 12 năm 2019", "trước ngày 1/1/2020 x"]
        dated += ["thang sau nam 2019", "Thứ Sau ngày 6/3/2020", "mồng sau tháng 6/2019"]
        dated += ["ngay sau nam 2019", "lan thu sau 2019 hop"]
        dated += ["1/1/2020 đến hội nghị", "1/1/2020 - 3/1/2020 -ngày", "1/1/2020 -đến 3/1/2020"]
        dated += ["1/1/2020 - 2/1/2020 - 3/1/2020 - 4/1/2020", "29/2/2020-31/2/2020 1/3/0000"]
        # A month, months joined, a range to today, read as before too (Query.literal).
        dated += ["tháng 1/2020", "Tháng 01/2020 ở", "1-2020", "thang 2/2024 -phường"]
        dated += ["1/2020-3/2020", "từ tháng 1/2020 đến tháng 3/2020", "3/2020 \u2013 1/2020"]
        dated += ["15/1/2020 - 3/2020", "1/2020 - 1/2020", "số 12/2019", "01/2020/QĐ-UBND"]
        dated += ["quý 1/2020", "Quy 1/2020 x", "đợt 2/2020", "dot 2-2020 họp"]
        dated += ["từ 1/1/2020 đến nay", "Từ ngày 01/01/2020 đến hôm nay", "1/1/2020 - nay"]
        dated += ["từ tháng 3/2020 tới hiện nay", "1/1/2020 -nay", "từ 1/1/2020 đến na"]
        dated += ["15-1-2020 13/2020 1/1850", "hội nghị 1/2020 và 3/2020 ngày 5/5/2020"]
        # A long date or month is the short one, read as before too.
        dated += [
            "ngày 15 tháng 3 năm 2019",
            "Ngày 05 Tháng 03 Năm 2019 ở",
            "ngay 1 thang 1 nam 2020",
        ]
        dated += ["ngày mùng 2 tháng 9 năm 1945", "ngày\u00a0mồng  2 tháng 9 năm 1945 họp"]
        dated += ["tháng 3 năm 2019", "thang 03 nam 2019 -phường", '"tháng 3 năm 2019" họp']
        dated += [
            "từ ngày 1 tháng 1 năm 2020 đến ngày 31 tháng 1 năm 2020",
            "từ tháng 1 năm 2020 đến nay",
        ]
        dated += ["từ tháng 1 năm 2020 tới tháng 3/2020", "1/1/2020 - ngày 3 tháng 1 năm 2020"]
        dated += ["15 tháng 3 năm 2019", "ngày 15 tháng 3, năm 2019", "ngày 32 tháng 3 năm 2019"]
        dated += ["ngày 15 tháng 13 năm 2019", "tháng 3 năm 2100", "ngày 15 tháng 3 năm 201"]
        dated += ["-ngày 15 tháng 3 năm 2019", "ngày -15 tháng 3 năm 2019", "số 3 tháng 3 năm 2019"]
        dated += ["a b c d e f g h i j k ngày 15 tháng 3 năm 2019", "xngày 1 tháng 1 năm 2020"]
        # A range whose year is written once, a month as a word.
        dated += ["từ tháng 1 đến tháng 3/2020", "tu thang 1 den thang 3 nam 2020 hop"]
        dated += ["tháng 1 \u2013 tháng 3/2020", "tháng 1-3/2020", "từ 1 đến 3/2020"]
        dated += ["từ ngày 1 đến ngày 31/3/2020", "từ 1 - 31.3.2020", "ngày 1-31/3/2020"]
        dated += ["từ ngày 1/3 đến ngày 15/3/2020", "từ 1/3 - 15/3/2020 hop", "1 - 31/3/2020"]
        dated += ["từ ngày 1 đến ngày 31 tháng 3 năm 2020", "từ tháng 1 đến ngày 15/3/2020"]
        dated += ["từ tháng 11 đến tháng 2/2021", "từ ngày 25 đến ngày 5/1/2021"]
        dated += ["từ 15/12 đến 15/1/2021", "từ ngày 29 đến ngày 5/3/2020", "số 1-3/2020"]
        dated += ["từ ngày 29 đến ngày 5/3/2021", "quý 1 - quý 3/2020", "từ 1/3 đến 4/2020"]
        dated += ["từ ngày 5 đến tháng 3/2020", "tháng 1 và tháng 3/2020", "từ ngày 1 đến nay"]
        dated += ["-từ ngày 1 đến ngày 31/3/2020", "-ngày 1 đến ngày 31/3/2020 họp"]
        dated += ["từ tháng 1 -đến tháng 3/2020", "a b c d e f g h i j từ ngày 1 đến ngày 3/3/2020"]
        # `mùng` before a range's days; a range of months with `tháng` once and `năm`.
        dated += ["từ mùng 1 đến mùng 5/3/2020", "tu mong 1 den mong 5/3/2020 hop"]
        dated += ["từ ngày mùng 1 đến ngày mùng 5/3/2020", "mùng 1 - mùng 5/3/2020"]
        dated += ["họp từ mùng 1/3 đến mùng 5/3/2020", "mùng 1 và mùng 5/3/2020"]
        dated += ["-từ mùng 1 đến mùng 5/3/2020", "từ -mùng 1 đến mùng 5/3/2020"]
        dated += ["tháng 1 - 3 năm 2020", "tháng 1-3 năm 2020 họp", "thang 11-2 nam 2021"]
        dated += ["từ tháng 1 đến 3 năm 2020", "tháng 1 - tháng 3 năm 2020", "1 - 3 năm 2020"]
        dated += ["tháng 13 - 3 năm 2020", "số 1-3 năm 2020", "tháng 1 và 3 năm 2020"]
        dated += ["tháng 1 - -3 năm 2020", "tháng 1 - 3 năm 2020 -họp"]
        # `mùng` before a range's first date; a long date after `mùng`, its year after `/`.
        dated += ["từ mùng 1/3/2020 đến mùng 5/3/2020", "tu mong 1/3/2020 - 5/3/2020 hop"]
        dated += ["từ ngày mùng 1/3/2020 đến 5/3/2020", "mùng 1/3/2020 - mùng 5/3/2020"]
        dated += ["chuc mung 8/3/2020", "từ mồng 1/3/2020", "trước mùng 5/3/2020 họp"]
        dated += ["từ -mùng 1/3/2020 đến 5/3/2020", "-mùng 1/3/2020 - 5/3/2020"]
        dated += ["mùng 5 tháng 3 năm 2020", "mung 5 thang 3 nam 2020 hop", "-mùng 5 tháng 3/2020"]
        dated += ["từ mùng 1 đến mùng 5 tháng 3 năm 2020", "ngày 15 tháng 6/2019"]
        dated += ["ngay 15 thang sau/2019 hop", "ngày 15 tháng 6/2019/QĐ", "15 tháng 6/2019"]
        dated += ["họp -mùng 5 tháng 3 năm 2020", "-mùng 1 đến mùng 31/3/2020 họp"]
        dated += ["họp -mùng 5/3/2020", "-ngày mùng 1 tháng 3/2020 x"]
        # A range's start written long without its year; months as words, `tháng` once.
        dated += [
            "từ ngày 1 tháng 1 đến ngày 5 tháng 2 năm 2020",
            "ngày 1 tháng 1 - 5/2/2020",
            "tu ngay 1 thang mot den ngay 5 thang hai nam 2020",
            "từ 1/ba đến 5/3/2020",
            "họp ngày 20 tháng 12 - ngày 5 tháng 1 năm 2021",
            "từ ngày 1 tháng 13 đến 5/2/2020",
            "tháng một - ba năm 2020",
            "thang mot den ba nam 2020 hop",
            "thang nam - sau nam 2020",
            "tu thang tu den sau nam 2020",
            "hai - ba năm 2020",
            "tháng mười một - hai năm 2021",
            "tháng 1 - ba năm 2020",
            "tháng một và ba năm 2020",
        ]
        # `mùng` before a date alone; a minus before a range's first word.
        dated += [
            "mùng 1/3/2020 và mùng 5/3/2020",
            "mung 1/3/2020 va mong 5/3/2020 hop",
            "họp ngày mùng 5/3/2020",
            "chúc mừng 8/3/2020",
            "mùng 8/3",
            "-ngày mùng 5/3/2020",
            "-ngày 1 đến ngày 31/3/2020 họp",
            "họp -từ ngày 1 đến ngày 31/3/2020",
            "họp -từ 1/3/2020 - 5/3/2020",
            "hop -thang mot - ba nam 2020",
            "-tháng 1 - 3/2020",
            "họp -ngày 1/3/2020 đến -ngày 31/3/2020",
            "họp -từ 1/1/2020 x",
            "-từ 1 đến 3/2020",
            "họp -ngày 1/3/2020 đến nay",
            "hop -tu thang 3/2020 den hom nay",
            "họp -từ 1/3/2020 -đến nay",
        ]
        # A range begun among the first 12 words and ended after them, or after them.
        dated += [
            "a b c d e f g h từ 1/3/2020 đến 5/3/2020",
            "a b c d e f g h i j k l từ 1/3/2020 - 5/3/2020",
            "a b c d e f g h i j k từ ngày 1/3/2020 đến ngày 3/3/2020 x 2020",
            "a b c d e f g h i j k từ năm 2019 đến tháng 3/2020",
            "a b c d e f g h i j k l từ 2019 - 2020",
        ]
        # A long date with its month as a word.
        dated += ["ngày 15 tháng Sáu năm 2019", "ngay 15 thang sau nam 2019"]
        dated += ["15 tháng sáu năm 2019", "ngày mùng 2 tháng chín năm 1945"]
        dated += ["ngày 5 tháng năm năm 2020", "ngày 5 tháng năm 2020"]
        dated += ["họp ngày 1 tháng Mười Hai năm 2019", "từ ngày 1 tháng ba năm 2020 đến nay"]
        dated += ["ngày 32 tháng sáu năm 2019", "-ngày 15 tháng sáu năm 2019 họp"]
        dated += ["tháng sáu năm 2019", "Tháng Tư/2019", "thang tu nam 2019", "tháng bốn năm 2019"]
        dated += ["tháng Mười Hai năm 2019", "thang muoi mot nam 2019", "tháng mười năm 2019"]
        dated += ["tháng năm năm 2019", "tháng Năm/2019", "tháng năm 2019", "tháng sáu"]
        dated += ["hội nghị tháng sáu năm 2019", "họp tháng mười hai/2019", "sau tháng sáu 2019"]
        dated += ["từ tháng sáu đến tháng tám năm 2019", "-tháng sáu năm 2019 họp"]
        dated += ["sau tháng sáu năm 2019", "tu thang bay den thang 9/2019"]
        dated += ["tháng giêng năm 2020", "15 tháng sáu năm 2019", "tháng sáu/2019/QĐ"]
        # A date or a month left out (`-tháng 3/2019`), and what is not one.
        dated += ["giao ban -tháng 3/2019", "-ngày 15/3/2019 họp", "hop -thang 3 nam 2019"]
        dated += ['-"tháng 3/2019"', "tháng 4/2019 -tháng 3/2019", "a -ngày 15 tháng 3 năm 2019"]
        dated += ["-tháng -3/2019", "-3/2019", "-tháng 3/2019 -thang 03/2019", "x -tháng 3/2019-"]
        for text in dated:
            got = page.evaluate(
                "t => { const read = (q) => q && [q.words, q.pairs, [...q.optional].sort(),"
                " [...q.quoted].sort(), q.excluded, q.excludedSpans, q.title, q.last, q.when,"
                " q.days, q.spans, q.literalFirst];"
                " const q = newsarchiveSearch.parseQuery(t); return [read(q), read(q.literal)]; }",
                text,
            )
            want = parse_query(text)
            assert got == [_read(want), want.literal and _read(want.literal)], text
        # The words offered for a query mistyped by a letter.
        for query in [*QUERIES, *MISTYPED]:
            offered = page.evaluate("q => newsarchiveSearch.suggest(q)", query)
            assert offered == suggest(Index(archive.output / INDEX), query), query
        assert sum(suggest(Index(archive.output / INDEX), q) is not None for q in MISTYPED) >= 5
        assert suggest(Index(archive.output / INDEX), "ket nap dang vien") is None
        assert suggest(Index(archive.output / INDEX), "tuyeenr dungj") == "tuyển dụng"
        assert suggest(Index(archive.output / INDEX), "tuye6n3 du5ng") == "tuyển dụng"
        joined = suggest(Index(archive.output / INDEX), "phí 500 000 đồng, 04/2008 12")
        assert joined == "phí 500000 đồng, 04/2008 12"
        answer = page.evaluate("async () => await newsarchiveSearch.search('dinh thi lan duyen')")
        first = answer["results"][0]
        assert first["url"] == SEED_URL and first["date"] == "19/04/2019"
        marked = [part["text"] for part in first["snippet"] if part["mark"]]
        assert [w.lower() for w in marked[-4:]] == ["đinh", "thị", "lan", "duyên"]
        page.close()
        assert errors == []


def _read(query: terms.Query) -> list:
    """A query's parts as the page's parseQuery gives them (lists for sets and tuples)."""
    return [
        query.words,
        query.pairs,
        sorted(query.optional),
        sorted(query.quoted),
        query.excluded,
        [list(span) for span in query.excluded_spans],
        query.title,
        query.last,
        query.when,
        query.days,
        [list(span) for span in query.spans],
        query.literal_first,
    ]


def test_a_list_that_may_leave_out_articles_with_the_word_says_so(archive, browser):
    """A word in most articles keeps only its best postings in a segment without tails:
    the page does not give that list's length as the number of articles with the word,
    and a rarer word next to it finds them all."""
    from serving import serve

    from newsarchive.uistrings import load_strings

    texts = [p.read_text(encoding="utf-8") for p in archive.content.rglob("*.md")]
    having = sum("phường" in text.lower() for text in texts)
    index = Index(archive.output / INDEX)
    common, rarer = search(index, "phường"), search(index, "phường đinh thị lan duyên")
    assert common.total < having and not common.complete
    assert rarer.total >= 1 and rarer.complete
    strings = load_strings(archive.root / "templates")
    with serve(archive.output, "repo") as address:
        page = browser.new_page()
        for query, found, message in [
            ("phường", common, "search_results_partial"),
            ("phường đinh thị lan duyên", rarer, "search_results"),
        ]:
            page.goto(f"{address}tim-kiem/?q={quote(query)}")
            page.wait_for_function("document.querySelector('.search-status').textContent")
            shown = strings[message].format(count=found.total, query=query)
            assert page.inner_text(".search-status") == shown
        page.close()


def test_a_month_no_article_is_of_is_said_so_before_what_its_words_find(archive, browser):
    """`tháng 12/2030` fell to the articles with some of its words (`tháng`, `12`) under
    "Không bài nào có đủ các từ": the page now says no article is of that time, then
    counts what the other words find; and says when that is their best articles only
    (a word in most articles: "phù hợp nhất … thêm một từ nữa"), not all."""
    from serving import serve

    from newsarchive.uistrings import load_strings

    strings = load_strings(archive.root / "templates")
    index = Index(archive.output / INDEX)
    with serve(archive.output, "repo") as address:
        page = browser.new_page()
        for typed, message in [
            ("tháng 12/2030", "search_no_results_undated"),
            ("lan duyên tháng 12/2030", "search_results_undated_rest"),  # `lan duyên`'s
            # `hội nghị`'s best articles only (capped): said so, and how to find them all.
            ("hội nghị tháng 12/2030", "search_results_undated_rest_partial"),
            ("hội nghịi tháng 12/2030", "search_corrected_undated_rest_partial"),
        ]:
            page.goto(f"{address}tim-kiem/?q={quote(typed)}")
            page.wait_for_function("document.querySelector('.search-status').textContent")
            query = typed.replace("nghịi", "nghị")
            found = search(index, query + " ")
            assert not found.total or found.complete == ("partial" not in message), query
            shown = strings[message].format(count=found.total, query=query, typed=typed)
            assert page.inner_text(".search-status") == shown
            assert page.locator(".search-results li").count() == min(found.total, 10)
        # A fork's strings.yaml without the _partial words (the page without their data-
        # words: test_fork) says what it said before they came.
        page.goto(f"{address}tim-kiem/")
        for name in ["undated", "undated-rest", "corrected-undated", "corrected-undated-rest"]:
            page.evaluate(
                f"document.querySelector('#search').removeAttribute('data-{name}-partial')"
            )
        page.fill("#search-page-q", "hội nghị tháng 12/2030")
        page.press("#search-page-q", "Enter")
        found = search(index, "hội nghị tháng 12/2030 ")
        before = strings["search_results_undated_rest"].format(
            count=found.total, query="hội nghị tháng 12/2030"
        )
        said = "said => document.querySelector('.search-status').textContent === said"
        page.wait_for_function(said, arg=before)
        page.close()


def test_the_offline_copy_searches_from_files(archive, browser):
    """Pages opened from files (file://) load the index as scripts."""
    offline = archive.root / "offline"
    shutil.rmtree(offline, ignore_errors=True)
    assert archive.build("--offline", "--output", str(offline)) == 0
    copy = next(
        p for p in archive.root.iterdir() if p.name.startswith("offline") and (p / INDEX).is_dir()
    )
    page = browser.new_page()
    page.goto((copy / "tim-kiem" / "index.html").as_uri())
    page.wait_for_function("!!(window.newsarchiveSearch && window.newsarchiveSearch.search)")
    answer = page.evaluate("async () => await newsarchiveSearch.search('dinh thi lan duyen')")
    assert answer["results"][0]["url"] == SEED_URL
    # No page fetched from a file: the snippet is the lead.
    assert "".join(p["text"] for p in answer["results"][0]["snippet"]).startswith("Sáng")
    page.close()
