"""What an article gives the index (its terms, their counts, its spellings) and what a
query asks for. docs/search-format.md has the rules; search-engine.js parses queries
the same way."""

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from .. import folding
from ..htmltext import unescape, without_hidden
from .format import MAX_QUERY_NUMBERS, MAX_QUERY_WORDS, pairs, title_term

_TAG = re.compile(r"<[^>]*>")
# Straight and curly double quotes around a phrase that must be found as typed.
_QUOTE = re.compile('["\u201c\u201d]')
_NUMBER = re.compile("[0-9]+")
# A word that is a year, whole (fullmatch): a number at the end of a query that is one is
# a word (_after_the_words); engine._year_first lists its articles first.
YEAR = re.compile("(?:19|20)[0-9]{2}")
# `số 04/2008`, `so 5`: the sign of a number. A document is cited with it or without
# (`Chỉ thị số 04/2008/CT-BTTTT`, an article's `Chỉ thị 04/2008/CT-BTTTT`), and `so`
# is also `sở` (`Sở Tư pháp`): required, `chi thi so 04/2008` found another article.
_NUMBER_SIGNS = {"so", "số"}
# A month's numbers after them are another thing's: a document's (`số 12/2019`), a quarter
# (`quý 1/2020`, January to March), a round of a year (`đợt 2/2020`).
_NOT_MONTH_AFTER = _NUMBER_SIGNS | {"quí", "qui", "đợt", "dot"}
# `P. Bạch Mai`, `Q. Hai Bà Trưng`, `TP. Hà Nội`: a word of one or two letters before a dot,
# the way an address writes phường, quận, thành phố. No article has the word `p`: required,
# it left every one out.
_ABBREVIATION = 2
# A minus sign before a word, at the start or after a space, as search engines read it
# (`ùn tắc -Minh`), or before a quote (`-"Minh Khai"`); not `Covid-19` or a number (`-5`).
_MINUS = re.compile(r"(?:^|(?<=[ \t\n\r\u00a0]))-(?=[^\W\d_])")
_MINUS_PHRASE = re.compile(r"(?:^|[ \t\n\r\u00a0])-\Z")
# `ngày 7/1/2022`: the word before a date is part of it, no word to find (an article of
# that day need not say it; almost every article says it somewhere).
_DATE_SIGNS = {"ngay", "ngày"}
# A whole date, `07/01/2022`, `7-1-2022` or `7.1.2022` (one separator, the same twice),
# as pages show it and articles write it: the index has each article's date, and each
# date its title or text writes, as one term (date_term), which a query with the date
# asks for instead of its numbers. Not inside a code (`1/7/1/2022`, `01/12/2019/QĐ`) or
# next to a letter; another date after a dash (`7/1/2022-9/1/2022`) is one too.
# search-engine.js has the same pattern.
DATE = re.compile(
    r"(?<![^\W_])(?<![^\W_][/.])([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})(?![^\W_])(?!\2[^\W_])"
)
# Two dates joined as a range (`1/1/2020-3/1/2020`, an en or em dash too, `từ ngày
# 1/1/2020 đến ngày 3/1/2020`): what is between them, all of it (`ngày`, `mùng` before
# the second is part of the range). `từ` (`tu`) before the first is too.
# search-engine.js has the same.
_JOINER = "[ \t\n\r\u00a0]*(?:[-\u2013\u2014][ \t\n\r\u00a0]*|(?:đến|tới|den|toi)[ \t\n\r\u00a0]+)"
# `mùng`/`mồng` after it (`ngày mùng`) too: the day of a month, for its first ten days.
_DAY_OF = "(?:mùng|mồng|mung|mong)[ \t\n\r\u00a0]+"
# Before a date (`mùng 1/3/2020 và mùng 5/3/2020`, `từ mồng 1/3/2020`) it is the date's
# sign, as `ngày` is (_sign_places, _opened, _left_out). Typed plain, `mung` is also
# `mừng` (`chuc mung 8/3/2020`, a Women's Day article): that article has the day, or
# writes it, and `chúc`, so it is found still, among the day's others with `chúc`.
_DAYS_OF = {"mùng", "mồng", "mung", "mong"}
_RANGE_JOIN = re.compile(_JOINER + f"(?:(?:ngày|ngay)[ \t\n\r\u00a0]+)?(?:{_DAY_OF})?")
_RANGE_FROM = {"tu", "từ"}
# `trước năm 2019`, `sau tháng 3/2020` (before, after): the days before a date's, a
# month's or a year's first day, or after its last (_alone).
_BEFORE = {"trước", "truoc"}
_AFTER = {"sau"}
# `sau` is also `sáu` (six) typed without diacritics: after these (`tháng sáu`, June;
# `thứ sáu`, Friday; `mùng sáu`) it is that word, not after (_opened).
_SIX_AFTER = {"thang", "thu", "mung", "mong"}
_OPENS = _RANGE_FROM | _BEFORE | _AFTER
# A joiner after a date (`từ 1/1/2020 đến`, a dash): a range's end follows, or is being typed.
_JOINS = re.compile(_JOINER)
# `tháng 1/2020`, `01/2020`, `1-2020`: a month of a year from 1900 to 2099 (`5/1234` is a
# code's numbers), which a reader types for the articles of that month: the days of the
# month, as a range (Query.spans), `tháng` before it part of it. Not inside a date
# (`15-1-2020`: _points drops it) or a code (`01/2020/QĐ-UBND`, `1/7/1/2020`), nor after
# `số` (`Quyết định số 12/2019`: a document's number). search-engine.js has the same.
_MONTH = re.compile(
    r"(?<![^\W_])(?<![^\W_][/.])([0-9]{1,2})([/-])((?:19|20)[0-9]{2})(?![^\W_])(?!\2[^\W_])"
)
_MONTH_SIGNS = {"thang", "tháng"}
_YEAR_SIGNS = {"nam", "năm"}
# A month joined to another as a range (`từ tháng 1/2020 đến tháng 3/2020`): `tháng`
# after the joiner is part of it, as `ngày` is before a date.
_MONTH_JOIN = re.compile(_JOINER + "(?:(?:tháng|thang)[ \t\n\r\u00a0]+)?")
# A date or a month to today (`từ 1/1/2020 đến nay`, `đến hôm nay`, `đến hiện nay`,
# `2/2020 - nay`): a range with no last day, to the newest article (Query.spans).
_TO_NOW = re.compile(_JOINER + "(?:(?:hôm|hom|hiện|hien)[ \t\n\r\u00a0]+)?nay" + r"(?![^\W_])")
# `ngày 15 tháng 3 năm 2019`, as a formal document dates itself (`Hà Nội, ngày 15 tháng
# 3 năm 2019`) and readers say a day: the date `15/3/2019`, `ngày` or `mùng`/`mồng`
# required (a number before `tháng` is also a count: `6 tháng 3 năm`), both may be
# (`ngày mùng 2 tháng 9 năm 1945`, `mùng 2 tháng 9 năm 1945`), a year from 1900 to 2099
# (as a month's) after `năm` or `/` (`ngày 15 tháng 6/2019`, not inside a code:
# `tháng 6/2019/QĐ`) and no other word or sign between (`ngày 15 tháng 3, năm 2019` is
# not written so). The index has
# it as the short form's date term (long_dates); a query reads it so (_points) and as
# before too (Query.literal). search-engine.js has the same.
_GAP = "[ \t\n\r\u00a0]+"
_YEAR_OF = f"{_GAP}(?:năm|nam){_GAP}((?:19|20)[0-9]{{2}})"
# `năm` may be left out, as people say a month (`tháng 3 2021`): _point reads it so too,
# and it is then a short month (its days first: no title writes a month so).
_LONG_MONTH = (
    f"(?:tháng|thang){_GAP}([0-9]{{1,2}}){_GAP}(?:(?:năm|nam){_GAP})?((?:19|20)[0-9]{{2}})"
)
# `tháng Sáu năm 2019`, `tháng Tư/2019`, `tháng mười hai năm 2019`: a month's word, typed
# with its diacritics or without (_MONTH_WORDS, folded: its number), the month as `tháng
# 6 năm 2019` is (_point). Its year after `năm` or `/` only: `tháng năm 2019` is also
# "the months of 2019" (`năm` is the year's word too), and a word alone (`tháng sáu`) is
# words, as `tháng 6` is. Not `tháng Giêng`, `tháng Chạp`: the first and last months of
# the lunar year in everyday use (Tết), not January and December.
_MONTH_WORD = (
    f"(?:mười|muoi)(?:{_GAP}(?:một|mot|hai))?"
    "|một|mot|hai|bảy|bay|ba|tư|tu|bốn|bon|năm|nam|sáu|sau|tám|tam|chín|chin"
)
_MONTH_WORDS = {
    **{"mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7},
    **{"tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12},
}
# A long date's month is a number or a word (`ngày 15 tháng Sáu năm 2019`), as a month's
# (_WORD_MONTH) is.
LONG_DATE = re.compile(
    f"(?<![^\\W_])(?:(?:ngày|ngay){_GAP}(?:{_DAY_OF})?|{_DAY_OF})([0-9]{{1,2}}){_GAP}"
    f"(?:tháng|thang){_GAP}([0-9]{{1,2}}|{_MONTH_WORD})"
    f"(?:{_GAP}(?:năm|nam){_GAP}|/(?=[0-9]{{4}}(?![/.-][^\\W_])))((?:19|20)[0-9]{{2}})(?![^\\W_])"
)
# `tháng 3 năm 2019`, `tháng 03 năm 2019`, `tháng 3 2019` in a query: the month
# `3/2019`, as `tháng 3/2019` is; not inside a long date, nor after a number (`15 tháng 3
# năm 2019`, a day without `ngày`, or a count: read as before).
_LONG_MONTH_ALONE = re.compile(f"(?<![^\\W_]){_LONG_MONTH}(?![^\\W_])")
# A month's word with its year, `năm` or `/` before it (above).
_WORD_MONTH = re.compile(
    f"(?<![^\\W_])(?:tháng|thang){_GAP}({_MONTH_WORD})(?:{_GAP}(?:năm|nam){_GAP}|/)"
    f"((?:19|20)[0-9]{{2}})(?![^\\W_])(?![/.-][^\\W_])"
)
# The start of a range whose year is written once, at its end, as Vietnamese write it
# (`từ tháng 1 đến tháng 3/2020`, `từ ngày 1 đến ngày 31/3/2020`, `từ 1/3 - 15/3/2020`,
# `tháng 1-3/2020`): a month (`tháng` before it, its number or word), a day (`ngày`), a
# day and month (`1/3`, or long: `ngày 1 tháng 1`, `ngày 1 tháng Một`), or a number
# after `từ` (a day before a date, a month before a month); `từ` or the sign required
# (`1 - 31/3/2020` is a number and a date); `mùng` or `mồng` (`ngày mùng`, `từ mùng 1 đến
# mùng 5/3/2020`) is a day's. _open_start makes it whole from the end.
_OPEN_START = re.compile(
    f"(?<![^\\W_])(?:(từ|tu){_GAP})?(?:(tháng|thang|ngày|ngay){_GAP})?(?:(mùng|mồng|mung|mong){_GAP})?"
    f"([0-9]{{1,2}}|{_MONTH_WORD})((?:[/.](?=[0-9])|{_GAP}(?:tháng|thang){_GAP})"
    f"([0-9]{{1,2}}|{_MONTH_WORD}))?(?![^\\W_])"
)
# The end of a range of months whose `tháng` is written once, at its start, and its
# year after `năm` (`tháng 1 - 3 năm 2020`, as `tháng 1-3/2020`): `3 năm 2020`, a month
# only there (elsewhere a number before `năm` is a count: `1 - 3 năm`, years); with its
# `tháng` too (`tháng 1 - tháng 3 năm 2020`: a long month after a number is words).
_MONTHS_END = re.compile(
    f"(?<![^\\W_])(?:tháng|thang){_GAP}[0-9]{{1,2}}{_JOINER}"
    f"((?:(?:tháng|thang){_GAP})?([0-9]{{1,2}}){_YEAR_OF})(?![^\\W_])"
)
# Its months as words (`tháng một - ba năm 2020`, January to March): the end a month's word
# only after `tháng` and a month's word joined to it, as `ba` (three) is also a word
# elsewhere (`Hai Bà Trưng` typed plain: `hai ba trung`).
_WORD_MONTHS_END = re.compile(
    f"(?<![^\\W_])(?:tháng|thang){_GAP}(?:{_MONTH_WORD}){_JOINER}"
    f"(({_MONTH_WORD}){_YEAR_OF})(?![^\\W_])"
)
# Both: the end is their first group. Read before a year after `sau` (_YEAR_AFTER): there
# `sau` is `sáu` typed plain (`thang nam - sau nam 2020`: May to June 2020).
_MONTHS_ENDS = (_MONTHS_END, _WORD_MONTHS_END)
# A year, `năm 2019` or `2019`, after `từ`, `trước` or `sau` only (_point): elsewhere a year is a
# number, as before.
_YEAR_AFTER = re.compile(
    f"(?<![^\\W_])(?:(?:năm|nam){_GAP})?((?:19|20)[0-9]{{2}})(?![^\\W_])(?![/.-][^\\W_])"
)
# LONG_DATE without its look-behind (long_dates checks it): 0.03 s of 1,000 articles'
# text, not 0.08.
_LONG_DATE_AHEAD = re.compile(LONG_DATE.pattern.replace(r"(?<![^\W_])", "", 1))
# DATE without its look-behinds (`dates` checks them): tried at every character, they took
# 0.35 s of 1,000 articles' text, which the index reads whole; without, 0.09 s.
_DATE_AHEAD = re.compile(DATE.pattern.replace(r"(?<![^\W_])(?<![^\W_][/.])", ""))
# Digits in groups, a space or a dot between (`0912 345 678`, `024.3978.2435`, `500.000`):
# a reader types a hotline or an amount as remembered, without them (`0912345678`), so
# the index has each such run joined too, and a query of groups that finds nothing is
# offered joined (engine.suggest). Groups after the first have two digits or more: not
# `1,5` or `v.v. 2 3`, which are not one number.
# (Greedy, it needs no look-around: 0.08 s of 2,000 articles' text, not 0.14.)
NUMBER_GROUPS = re.compile("[0-9]+(?:[ .\u00a0\u202f][0-9]{2,})+")


def html_text(body: str) -> str:
    """The text of an article body's HTML: tags count as spaces (a paragraph's last
    word and the next one's first stay two words)."""
    return unescape(_TAG.sub(" ", without_hidden(body, " ")))


# Abbreviations of Vietnam's administration, which articles write either way (`UBND
# quận`, `Ủy ban nhân dân quận`): a reader who types one did not find the articles
# with the other (every word must be found). The index gives an article with one the
# other too, in a part of its own (segment.Words). Only those that mean nothing else in
# these articles (not `TP`, `CT`, `TT`, `NĐ`).
ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "mttq": "mặt trận tổ quốc",
    "tw": "trung ương",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
    "tncs": "thanh niên cộng sản",
    "ccb": "cựu chiến binh",
    "lđlđ": "liên đoàn lao động",
    "pccc": "phòng cháy chữa cháy",
    "atgt": "an toàn giao thông",
    "attp": "an toàn thực phẩm",
    "thcs": "trung học cơ sở",
    "thpt": "trung học phổ thông",
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "tdtt": "thể dục thể thao",
    "cand": "công an nhân dân",
    "qđnd": "quân đội nhân dân",
    "htx": "hợp tác xã",
    "tdp": "tổ dân phố",
    "clb": "câu lạc bộ",
    "đbqh": "đại biểu quốc hội",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "lhpn": "liên hiệp phụ nữ",
    "gpmb": "giải phóng mặt bằng",
    "sxh": "sốt xuất huyết",
    "vsattp": "vệ sinh an toàn thực phẩm",
    "atvstp": "an toàn vệ sinh thực phẩm",
    "antt": "an ninh trật tự",
    "cchc": "cải cách hành chính",
    "cntt": "công nghệ thông tin",
    "qlđt": "quản lý đô thị",
    "nvqs": "nghĩa vụ quân sự",
}


@dataclass(frozen=True)
class Abbreviated:
    """ABBREVIATIONS as the index finds them among an article's syllables (folded)."""

    shorts: dict[str, str]  # a short form's syllable -> its long form as written
    # a long form's first syllable -> its other syllables, and its short form
    longs: dict[str, list[tuple[tuple[str, ...], str]]]
    seconds: frozenset[str]  # the second syllables of the long forms
    longest: int  # the most syllables after a long form's first


@functools.cache
def abbreviated() -> Abbreviated:
    """ABBREVIATIONS made for segment.Words, once."""
    shorts: dict[str, str] = {}
    longs: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for short, long in ABBREVIATIONS.items():
        shorts[folding.fold(short)] = long
        first, *rest = (folding.fold(folding.canonical(w)) for w in long.split())
        longs.setdefault(first, []).append((tuple(rest), short))
    rests = [rest for forms in longs.values() for rest, _ in forms]
    seconds = frozenset(rest[0] for rest in rests if rest)
    return Abbreviated(shorts, longs, seconds, max(map(len, rests)))


def joined_numbers(text: str) -> list[str]:
    """`Gọi 0912 345 678, phí 500.000 đồng` -> `0912345678`, `500000`."""
    return [re.sub("[^0-9]", "", run[0]) for run in NUMBER_GROUPS.finditer(text)]


def date_term(day: str | int, month: str | int, year: str | int) -> str:
    """`07`, `01`, `2022` -> `7/1/2022`: a date as the index holds it, without leading
    zeros (as numbers are: folding.fold) and with slashes, which no word has, so no
    query makes it but one with that date."""
    return f"{int(day)}/{int(month)}/{int(year)}"


def day_number(term: str) -> int:
    """A date term's day counted from 1 March of year 0 (`1/1/1970` is 719468): the
    calendar of a segment (format.py) has its articles' days so, and a range its first
    and last. A day the month does not have (`31/2/2020`) counts as the days after."""
    day, month, year = (int(n) for n in term.split("/"))
    year -= month <= 2
    era = year // 400
    of_era = year - era * 400
    of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    return era * 146097 + of_era * 365 + of_era // 4 - of_era // 100 + of_year


def dates(text: str) -> list[tuple[int, str]]:
    """The whole dates ``text`` writes (DATE, a real day and month): where each starts,
    and its term (date_term)."""
    found = []
    at = 0
    # DATE.finditer's matches: where _DATE_AHEAD matches and DATE's look-behinds hold
    # (a letter or digit before, or one and `/` or `.`), or again one character on.
    while (match := _DATE_AHEAD.search(text, at)) is not None:
        start = match.start()
        before = text[max(start - 2, 0) : start]
        if before[-1:].isalnum() or (before[-1:] in ("/", ".") and before[:1].isalnum()):
            at = start + 1
            continue
        day, _, month, year = match.groups()
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            found.append((start, date_term(day, month, year)))
        at = match.end()
    return found


def long_dates(text: str) -> list[str]:
    """The terms (date_term) of the long dates ``text`` writes (LONG_DATE, a real day and
    month), in any case: `Hà Nội, ngày 15 tháng 3 năm 2019` -> `15/3/2019`, `ngày 15
    tháng Sáu năm 2019` -> `15/6/2019`."""
    text = unicodedata.normalize("NFC", text).lower()
    found = [
        (int(match[1]), _month_number(match[2]), match[3])
        for match in _LONG_DATE_AHEAD.finditer(text)
        if not text[match.start() - 1 : match.start()].isalnum()
    ]
    return [date_term(*when) for when in found if 1 <= when[0] <= 31 and 1 <= when[1] <= 12]


@dataclass
class Query:
    words: list[str] = field(default_factory=list)  # distinct syllables, in query order
    typed: dict[str, set[str]] = field(default_factory=dict)  # syllable -> spellings typed
    pairs: list[str] = field(default_factory=list)  # distinct pairs, in query order
    quoted: set[str] = field(default_factory=set)  # pairs inside quotes: must be found
    # Syllables not required, only scored: `so` (`số`) before a number, or an abbreviation
    # before a dot (`P. Bạch Mai`), outside quotes, and nowhere else in the query; never
    # every word of it (parse_query).
    optional: set[str] = field(default_factory=set)
    # Words typed after a minus (`-vỉa`) or a phrase (`-"Minh Khai"`): the articles that
    # have one are left out. Each is the terms an article has them all in: a syllable,
    # or a phrase's pairs (as a quoted phrase is found).
    excluded: list[list[str]] = field(default_factory=list)
    excluded_typed: dict[str, set[str]] = field(default_factory=dict)  # as `typed`
    # A date or a month typed with a minus before its sign (`-tháng 3/2019`, `-ngày
    # 15/3/2019`, `-tháng 3 năm 2019`): its first and last day; the articles published
    # on a day of one are left out (_left_out).
    excluded_spans: list[tuple[str, str]] = field(default_factory=list)
    title: str = ""  # the title term of all its words (format.title_term)
    # The last word while it may be unfinished: the text ends with it (no space after,
    # as the page sends it while the reader types), it is among the words searched and
    # only once; else "".
    last: str = ""
    # The dates of a query with a range, a month or two dates or more: one word of it,
    # named ``when`` (their terms, months and ranges, `1/1/2020-3/1/2020 5/1/2020 2/2020`),
    # which an article has when it has one of ``days`` (date terms) or shows a day of one
    # of ``spans`` (first and last day; a month's first and last; "" for the last of a
    # range to today, `từ 1/1/2020 đến nay`, and for the first of one before a day,
    # `trước năm 2019`: from the oldest article); else "" and none.
    when: str = ""
    days: list[str] = field(default_factory=list)
    spans: list[tuple[str, str]] = field(default_factory=list)
    # The query read as before months and ranges to today were (their numbers and words
    # searched as such) when it has one: what an article that writes them found then
    # (`Quyết định 1/2020/QĐ-UBND`, `từ 1/1/2020 đến nay`) it finds still, after the
    # articles this reading finds (engine.search). Else None.
    literal: "Query | None" = None
    # Whether ``literal`` is ranked first: a month written in words among other words
    # (`lịch tiếp công dân tháng 3 năm 2019`) is how titles write it (published in
    # February): the articles that write it as typed come first, then the month's, then
    # the others (engine._writing_month). A short month (`3/2019`), or one in words
    # alone, is its days first.
    literal_first: bool = False

    def add_words(self, found: list[tuple[str, str]]) -> None:
        """Words found, each as typed and its term: the terms once, in order. Typed with
        diacritics: that spelling ranks higher. A number's zeros are no spelling
        (`19/04/2019` as the pages show dates, `19/4/2019` as written)."""
        for word, term in found:
            if term not in self.typed:
                self.words.append(term)
                self.typed[term] = set()
            if word != term and not _NUMBER.fullmatch(word):
                self.typed[term].add(word)

    def add_pairs(self, words: list[str], out: list[bool], in_date: set[int], quoted: bool) -> None:
        """The pairs of words side by side in a part: not across a word left out (`ùn tắc
        -Minh Khai`), nor with a date's numbers (an article of that day need not write
        them); once, in order."""
        for at in range(1, len(words)):
            if out[at - 1] or out[at] or {at - 1, at} & in_date:
                continue
            pair = f"{folding.fold(words[at - 1])} {folding.fold(words[at])}"
            if pair not in self.pairs:
                self.pairs.append(pair)
            if quoted:
                self.quoted.add(pair)


def parse_query(text: str) -> Query:
    """`"hai bà" trưng` -> words hai, ba, trung; pairs `hai ba` (quoted), `ba trung`.

    A quote opens or closes a phrase (one left open runs to the end); pairs join the
    words of one phrase, or of the text between phrases. Words after the first
    MAX_QUERY_WORDS are left out, but for the title term (a title pasted whole is one)
    and the first MAX_QUERY_NUMBERS numbers and whole dates among them (words, without
    pairs), but for a number the text ends with, which may be unfinished (`… năm 201`
    of 2019), unless it is a year (_after_the_words).
    `hai bà trư` (no space after): the last word may be unfinished (Query.last).
    `ùn tắc -vỉa`, `-"Minh Khai"`: left out (Query.excluded); `số 04`, `P. Bạch Mai`:
    optional. `ngày 07/01/2022`: the date is one word, `7/1/2022` (date_term), without
    pairs, and `ngày` before it is part of it; so is `tháng 1/2020`, a month, its days
    (_group_dates), read as before too (Query.literal)."""
    query = _read(text, anew=True)
    literal = _read(text, anew=False)
    # A month or a range to today was read.
    if literal.words != query.words:
        query.literal = literal
    if query.literal is None or query.words == [query.when]:
        # A month in words typed alone (`tháng 10 năm 2016`) asks for the month: its days
        # first. Words read as before are in most articles (`tháng`, `năm`, a number), and
        # in a real archive they put its 5 articles that have them before the month's one.
        query.literal_first = False
    return query


def _read(text: str, anew: bool) -> Query:
    """parse_query's reading of ``text``: with months and ranges to today (``anew``) or
    without, as before."""
    query = Query()
    left, numbers = MAX_QUERY_WORDS, MAX_QUERY_NUMBERS
    every: list[str] = []
    signs: set[str] = set()  # syllables typed as the sign before a number, or abbreviated
    plain: set[str] = set()  # and typed otherwise
    trailing_minus = False  # the text ends with a word left out: it is no word being typed
    ends_dated = False  # the text ends with a date: it is whole, no word being typed
    text = folding.joined(text)
    typed = unicodedata.normalize("NFC", text).lower()
    open_end = folding.WORD.fullmatch(typed[-1:]) is not None
    parts = _QUOTE.split(text)
    for number, part in enumerate(parts):
        spelled, minus, dotted, starts, ranges = _spelled(part, anew)
        if number % 2:  # a phrase: its `-` are as typed; a minus before it is the phrase's
            minus = [_MINUS_PHRASE.search(parts[number - 1]) is not None] * len(spelled)
        # Read as before too, a month left out is (`giao ban tháng 4/2019 -tháng 3/2019`:
        # not `3` and `2019` as words to find, the articles of March among them).
        points = (starts, ranges) if anew else _spelled(part, True)[3:]
        kept, gone = _left_out(query, spelled, minus, *points)
        starts = [point for point in kept if point in starts]
        trailing_minus = minus[-1] if minus else trailing_minus
        every += [folding.fold(word) for word in spelled]  # with those after a minus too
        head = spelled[:left]
        left -= len(head)
        out = minus[: len(head)]
        dates_at, dated, in_date = _dates(spelled, minus, starts, ranges, len(head))
        in_date |= gone
        # A month in words, `tháng 3 năm 2019` (`tháng sáu năm 2019`), read: alone (among
        # the words searched, or after them), not joined in a range (`từ tháng 1 năm 2020
        # đến nay`), whose days come first as a short range's do (`tháng sáu/2019` too).
        query.literal_first |= any(
            width > 3
            and spelled[at + width - 2] in _YEAR_SIGNS
            and _width(term) == 2
            and dated.get(at, term) == term
            for at, term, width in starts
            if at in in_date and (at >= len(head) or at in dated)
        )
        # A day after `từ`, `trước` or `sau` alone among other words (`… đỗ xe … từ ngày
        # 8/3/2014`, a title's effective date): its words as before first, the day rarer
        # than the range. Not a month's, a year's or a long date's: their words as before
        # are in most articles.
        query.literal_first |= any(
            second is None and not joining and dated.get(first) != dates_at[first]
            for first, second, joining in ranges
            if (first, dates_at.get(first), 3) in starts and _width(dates_at[first]) == 3
        )
        if number == len(parts) - 1 and len(spelled) - 1 in in_date:
            ends_dated = True
        # A date's term as typed too: its first word (`ngày` of a long date) is no spelling.
        chosen = [
            (dated[at], dated[at]) if at in dated else (word, folding.fold(word))
            for at, (word, o) in enumerate(zip(head, out, strict=True))
            if not o and (at in dated or at not in in_date)
        ]
        ending = open_end and number == len(parts) - 1
        later = _after_the_words(spelled, minus, dates_at, len(head), in_date, ending)[:numbers]
        numbers -= len(later)
        # A word being typed after a minus (`-v` of `-vỉa`, `-vi`, which most articles
        # have) leaves nothing out until it is whole: the list would empty and refill.
        typing = open_end and number == len(parts) - 1 and minus[-1:] == [True]
        whole = 0 if typing and number % 2 else len(spelled) - 1 if typing else len(head)
        _exclude(query, head[:whole], out[:whole], phrase=bool(number % 2))
        for at, (word, o) in enumerate(zip(head, out, strict=True)):
            following = spelled[at + 1][:1] if at + 1 < len(spelled) else ""
            sign = word in _NUMBER_SIGNS and "0" <= following <= "9"
            scored = (sign or dotted[at]) and not number % 2
            if not o and at not in in_date:
                (signs if scored else plain).add(folding.fold(word))
        query.add_words(chosen + later)
        query.add_pairs(head, out, in_date, quoted=bool(number % 2))
    _group_dates(query)
    query.optional = signs - plain
    if set(query.words) <= query.optional:  # `P.` alone: the word to find
        query.optional = set()
    query.title = title_term(every)
    if (
        open_end
        and not trailing_minus
        and not ends_dated
        and len(every) <= MAX_QUERY_WORDS
        and every.count(every[-1]) == 1
    ):
        query.last = every[-1]
    return query


def _left_out(
    query: Query,
    spelled: list[str],
    minus: list[bool],
    starts: list[tuple[int, str, int]],
    ranges: list[tuple[int, int | None, list[int]]],
) -> tuple[list[tuple[int, str, int]], set[int]]:
    """A date or a month with a minus before its sign (`-tháng 3/2019`, `-ngày 15/3/2019`,
    `-tháng 3 năm 2019`, `-mùng 5/3/2020`), or a range with one before its first word
    (`-ngày 1 đến ngày 31/3/2020`, `-từ tháng 1 đến tháng 3/2020`, `-từ 1/3/2020 đến
    nay`: _ranges' of ``starts``), leaves out the articles published then
    (Query.excluded_spans): it asked for the month and left out the articles with the
    word `tháng`; a range, for its last day and `đến`. Its words, the sign's too, are then
    no words, nor words left out (``minus`` cleared there). The other dates and months,
    and the places of those left out."""
    kept, gone = [], set[int]()
    points = {at: (at, term, width) for at, term, width in starts}
    ends: dict[int, tuple[str, int]] = {}  # a range's last term, and the place after it
    for first, second, joining in ranges:
        if second is not None:
            at, term, width = points[second]
            ends[first] = (term, at + width)
        elif joining:  # to today: "" (not `từ 1/1/2020` alone)
            ends[first] = ("", joining[-1] + 1)
    for point in starts:
        if point[0] in gone:  # a range's end, left out with its start
            continue
        found = point[0] in ends and _leaving_out(spelled, minus, point, ends[point[0]])
        found = found or _leaving_out(spelled, minus, point, None)
        if not found:
            kept.append(point)
            continue
        places, days = found
        gone.update(places)
        if days not in query.excluded_spans:
            query.excluded_spans.append(days)
    for at in gone:
        minus[at] = False
    return kept, gone


def _leaving_out(
    spelled: list[str], minus: list[bool], point: tuple[int, str, int], end: tuple[str, int] | None
) -> tuple[range, tuple[str, str]] | None:
    """The places of the words of a date or a month (``point``: _left_out), or of a range
    from it to ``end`` (its last term, "" to today, and the place after its words), that
    a minus before its first word leaves out, and its first and last day; None if it
    leaves none out. The first word is its sign (`ngày`, `tháng`; `mùng`, `ngày mùng`
    before a date; a long one begins with it), or a range's `từ`."""
    at, term, width = point
    sign = at
    if _width(term) == 3 and sign and spelled[sign - 1] in _DAYS_OF:
        sign -= 1
    if sign and spelled[sign - 1] in _signs(term):
        sign -= 1
    signed = spelled[sign] in _signs(term) or (_width(term) == 3 and spelled[sign] in _DAYS_OF)
    if end is not None and sign and spelled[sign - 1] in _RANGE_FROM:
        sign, signed = sign - 1, True
    last, stop = ("", at + width) if end is None else end
    if not (signed and minus[sign]) or any(minus[sign + 1 : stop]):
        return None
    if end is None or last:
        return range(sign, stop), _span(term, last or term)
    return range(sign, stop), (_days(term)[0], "")


def _dates(
    spelled: list[str],
    minus: list[bool],
    starts: list[tuple[int, str, int]],
    ranges: list[tuple[int, int | None, list[int]]],
    searched: int,
) -> tuple[dict[int, str], dict[int, str], set[int]]:
    """A part's whole dates and months, each at its first word (_spelled): one term for
    its words, `ngày` (`tháng`, `mùng`) before it part of it. All of them, for those
    after the words searched (_after_the_words); those among the first ``searched``
    words or begun among them (`… ngày 13/3/2011` cut after `13` was the numbers 13 and
    3), where a range is one term of its days (`1/1/2020-3/1/2020`, `1/1/2020-` to
    today: _range) at its first date's word, its words (`đến`, `ngày`, `nay`, `từ`
    before it) part of it, as is one of two dates or months after them or ending after
    them; and the places of the words that are part of a date."""
    dates_at = {
        at: term
        for at, term, width in starts
        if at + width <= len(spelled) and not any(minus[at : at + width])
    }
    widths = {at: width for at, _, width in starts}
    in_date = {at + k for at in dates_at for k in range(widths[at])}
    in_date.update(*(_sign_places(spelled, minus, at, term) for at, term in dates_at.items()))
    dated = {at: term for at, term in dates_at.items() if at < searched}
    for first, second, joining in ranges:
        # One begun among the words searched and ended after them is read whole, and one
        # after them (_after_the_words: its term at its first date's place).
        if first not in dated and (second is None or first not in dates_at):
            continue
        if second is not None and second not in dates_at:
            continue
        signs = _days_of(spelled, minus, first, dates_at[first])  # `mùng`, `ngày mùng`
        before = (min(signs) if signs else first - (first - 1 in in_date)) - 1
        word = spelled[before] if before >= 0 and not minus[before] else ""
        # (`từ 1/1/2020` alone is a range only with its `từ`: `-từ 1/1/2020` leaves it out)
        alone = second is None and not joining
        if any(minus[at] for at in joining) or (alone and word not in _OPENS):
            continue
        last = None if second is None else dates_at.pop(second)
        if second is not None:
            dated.pop(second, None)
        term = _alone(dates_at[first], word) if alone else _range(dates_at[first], last)
        (dated if first in dated else dates_at)[first] = term
        in_date.update(joining, signs)
        if word in _RANGE_FROM or (alone and word):
            in_date.add(before)
    # A year that is no range (`-trước năm 2019`, `trước năm 2019 - 2020`): its words.
    for at, term in list(dates_at.items()):
        if _width(term) == 1 and dated.get(at, term) == term:
            del dates_at[at]
            dated.pop(at, None)
            in_date.difference_update(range(at, at + widths[at]))
    return dates_at, dated, in_date


def _sign_places(spelled: list[str], minus: list[bool], at: int, term: str) -> list[int]:
    """The places of the words before the date or month ``term`` at word ``at`` that are
    part of it, none after a minus: `ngày` (`tháng`), or `mùng` and `ngày` before it."""
    sign = at - 1
    if sign >= 0 and not minus[sign] and spelled[sign] in _signs(term):
        return [sign]
    return _days_of(spelled, minus, at, term)


def _days_of(spelled: list[str], minus: list[bool], at: int, term: str) -> list[int]:
    """The places of `mùng` (_DAYS_OF) and `ngày` before it just before the date ``term``
    at word ``at`` (`từ ngày mùng 1/3/2020 đến …`), none after a minus: part of a range
    it begins (_dates)."""
    day_of = at - 1
    if _width(term) != 3 or day_of < 0 or minus[day_of] or spelled[day_of] not in _DAYS_OF:
        return []
    sign = day_of - 1
    signed = sign >= 0 and not minus[sign] and spelled[sign] in _DATE_SIGNS
    return [day_of, sign] if signed else [day_of]


def _alone(term: str, word: str) -> str:
    """The range of a date, a month or a year after ``word``, `từ`, `trước` or `sau`
    alone: from its first day to today (`1/1/2020-`), the days before its first
    (`-31/12/2019`: from the oldest article), or after its last."""
    first, last = _days(term)
    if word in _BEFORE:
        return f"-{_next_day(first, -1)}"
    return f"{_next_day(last, 1)}-" if word in _AFTER else f"{first}-"


def _next_day(term: str, step: int) -> str:
    """The day after a date term (``step`` 1) or before it (-1)."""
    day, month, year = (int(n) for n in term.split("/"))
    if 1 <= day + step <= _month_days(month, year):
        return date_term(day + step, month, year)
    month += step
    year, month = (year + 1, 1) if month == 13 else (year - 1, 12) if month == 0 else (year, month)
    return date_term(1 if step > 0 else _month_days(month, year), month, year)


def _month_days(month: int, year: int) -> int:
    """The days of a month (day_number counts the 1st of month 13 as the next January's)."""
    return day_number(date_term(1, month + 1, year)) - day_number(date_term(1, month, year))


def _width(term: str) -> int:
    """The numbers of a date (`7/1/2022`: 3) or a month (`1/2020`: 2) as its term."""
    return term.count("/") + 1


def _signs(term: str) -> set[str]:
    """The words before a date (`ngày`) or a month (`tháng`) that are part of it."""
    return _DATE_SIGNS if _width(term) == 3 else _MONTH_SIGNS


def _range(first: str, last: str | None) -> str:
    """The term of a range from a date or month to another (`1/1/2020-31/3/2020`, from
    the earlier's first day to the later's last, either typed first) or, ``last`` None,
    to today (`1/1/2020-`); a date or month to itself is it."""
    if last is None:
        return f"{_days(first)[0]}-"
    if first == last:
        return first
    return "-".join(_span(first, last))


def _span(first: str, last: str) -> tuple[str, str]:
    """The first and last day of two dates or months, either typed first."""
    days = sorted([*_days(first), *_days(last)], key=day_number)
    return days[0], days[-1]


def _days(term: str) -> tuple[str, str]:
    """The first and last day of a date (itself), a month (`1/2020`: `1/1/2020`,
    `31/1/2020`) or a year (`2019`, after `trước` or `sau`)."""
    if _width(term) == 3:
        return term, term
    if _width(term) == 1:
        return date_term(1, 1, term), date_term(31, 12, term)
    month, year = (int(n) for n in term.split("/"))
    return date_term(1, month, year), date_term(_month_days(month, year), month, year)


def _after_the_words(
    spelled: list[str],
    minus: list[bool],
    dates_at: dict[int, str],
    searched: int,
    in_date: set[int],
    ending: bool,
) -> list[tuple[str, str]]:
    """The numbers and whole dates (``dates_at``, at their day's word) after the words
    searched (the first ``searched``), each as typed and as its term: a year, a count or
    a day tells an annual event's article from the others (a title pasted whole, `… năm
    2021`, `… từ ngày 13/3/2011`). Not those after a minus, nor a date's numbers
    (``in_date``). The number the text ends with (``ending``) may be being typed (`… năm
    201` of 2019): only a year is taken, whole once it has its four digits."""
    found = []
    for at in range(searched, len(spelled)):
        word = spelled[at]
        if at in dates_at:
            found.append((dates_at[at], dates_at[at]))
        elif at in in_date or minus[at] or not _NUMBER.fullmatch(word):
            continue
        elif at < len(spelled) - 1 or not ending or YEAR.fullmatch(word):
            found.append((word, folding.fold(word)))
    return found


def _group_dates(query: Query) -> None:
    """Two dates or more, a range or a month among the words: one word, Query.when, at
    the first one's place; a date alone is its date term."""
    found = [word for word in query.words if "/" in word]  # no other word has a slash
    if len(found) < 2 and not any("-" in word or _width(word) == 2 for word in found):
        return
    query.when = " ".join(found)
    query.days = [word for word in found if "-" not in word and _width(word) == 3]
    query.spans = [
        _days(word) if "-" not in word else tuple(word.split("-"))  # type: ignore[misc]
        for word in found
        if "-" in word or _width(word) == 2
    ]
    at = query.words.index(found[0])
    query.words = [word for word in query.words if word not in found]
    query.words.insert(at, query.when)
    for word in found:
        del query.typed[word]
    query.typed[query.when] = set()


def _spelled(
    part: str, anew: bool
) -> tuple[
    list[str],
    list[bool],
    list[bool],
    list[tuple[int, str, int]],
    list[tuple[int, int | None, list[int]]],
]:
    """The words of a part of a query (`folding.words`) and, for each, whether a minus
    sign before it leaves out the articles that have it (`-vỉa`) and whether it is an
    abbreviation, letters before a dot (`P. Bạch Mai`); its whole dates and, ``anew``,
    its long dates and months (_points): the number of the first word, the term and its
    words; and its ranges (_ranges)."""
    text = unicodedata.normalize("NFC", part).lower()
    signs = {sign.end() for sign in _MINUS.finditer(text)}
    found = list(folding.WORD.finditer(text))
    dotted = [
        len(m[0]) <= _ABBREVIATION and m[0].isalpha() and text[m.end() : m.end() + 1] == "."
        for m in found
    ]
    spelled = [folding.canonical(m[0]) for m in found]
    points = _points(text, found, spelled, anew)
    ranges = _ranges(text, found, points, anew)
    return spelled, [m.start() in signs for m in found], dotted, points, ranges


def _points(
    text: str, found: list[re.Match[str]], spelled: list[str], anew: bool
) -> list[tuple[int, str, int]]:
    """The whole dates of a part (`dates`) and, ``anew``, its long dates (LONG_DATE), long
    months (_LONG_MONTH_ALONE), months (_MONTH), ends of ranges of months (_MONTHS_ENDS),
    years (_YEAR_AFTER) and starts of ranges (_OPEN_START), none inside another (_point),
    in order: the number of each one's first word, its term and its number of words."""
    number = {m.start(): at for at, m in enumerate(found)}
    points = [(number[start], term, 3) for start, term in dates(text)]
    if not anew:
        return points
    last = {m.end(): at for at, m in enumerate(found)}  # the number of the word ending there
    taken = {at + k for at, _, width in points for k in range(width)}
    for pattern in (LONG_DATE, _LONG_MONTH_ALONE, _WORD_MONTH, _MONTH, *_MONTHS_ENDS, _YEAR_AFTER):
        for match in pattern.finditer(text):
            begin = match.start(1 if pattern in _MONTHS_ENDS else 0)
            at, end = number[begin], last[match.end()] + 1
            term = _point(match, spelled[at - 1] if at else "")
            if term and taken.isdisjoint(range(at, end)):
                points.append((at, term, end - at))
                taken.update(range(at, end))
    ends = sorted(points)
    for start in _OPEN_START.finditer(text):
        # (from `mùng`: `ngày` before it is part of it, _dates, and `từ` before that)
        at, end = number[start.start(4)] - (start[3] is not None), last[start.end()] + 1
        second, other, _ = next((p for p in ends if p[0] >= end), (0, "", 0))
        joined = other and _joined(text[start.end() : found[second].start()], other)
        term = _open_start(start, other) if joined and _width(other) > 1 else ""
        if term and taken.isdisjoint(range(at, end)):
            points.append((at, term, end - at))
    return sorted(points)


def _point(match: re.Match[str], before: str) -> str:
    """The term of a long date, a long month, a month or a range's end (_MONTHS_ENDS)
    found (_points), the word ``before`` it; "" for none: a day or month out of range, a
    long month after a number (`15 tháng 3 năm 2019`: a day without `ngày`, or a count),
    a month after `số`, `quý` or `đợt` (_NOT_MONTH_AFTER)."""
    if match.re is LONG_DATE:
        day, number = int(match[1]), _month_number(match[2])
        real = 1 <= day <= 31 and 1 <= number <= 12
        return date_term(day, number, match[3]) if real else ""
    if match.re is _YEAR_AFTER:
        return match[1] if before in _OPENS else ""
    if match.re is _MONTH:
        month, year, signed = match[1], match[3], before in _NOT_MONTH_AFTER
    elif match.re in _MONTHS_ENDS:
        month, year, signed = match[2], match[3], False
    else:  # _LONG_MONTH_ALONE, _WORD_MONTH
        (month, year), signed = match.groups(), _NUMBER.fullmatch(before) is not None
    number = _month_number(month)
    return f"{number}/{int(year)}" if 1 <= number <= 12 and not signed else ""


def _month_number(written: str) -> int:
    """A month's number as written: its digits (`03`) or its word (`Sáu`, `mười hai`:
    _MONTH_WORDS)."""
    return _MONTH_WORDS.get(folding.fold(" ".join(written.split())), 0) or int(written)


def _open_start(start: re.Match[str], end: str) -> str:
    """The term of the start of a range whose year is written once (_OPEN_START), ``end``
    the term of its end, a date or a month: the end's year, and its month for a day
    alone; the year before (a day alone: the month) if it would come after the end (`từ
    tháng 11 đến tháng 2/2021`: from November 2020); "" for none: a number with neither
    `từ` nor a sign, a month's word without `tháng`, a day before a month, a day or
    month out of range."""
    opener, sign, day_of, first, _, written = start.groups()
    sign = "ngay" if day_of else folding.fold(sign or "")  # `mùng 1`: a day, as `ngày 1`
    if not (opener or sign) or (not first.isdigit() and sign != "thang"):
        return ""
    number = _month_number(first)
    *day, end_month, year = (int(n) for n in end.split("/"))
    if sign == "thang" or not (sign or day):  # a month
        real = 1 <= number <= 12 and written is None
        return f"{number}/{year - (number > end_month)}" if real else ""
    if not day:  # a day to a month
        return ""
    if written is None:  # a day alone: of the end's month, or the one before
        month = end_month - (number > day[0])
        year, month = (year - 1, 12) if month == 0 else (year, month)
    else:
        month = _month_number(written)
        year -= (month, number) > (end_month, day[0])
    real = 1 <= month <= 12 and 1 <= number <= _month_days(month, year)
    return date_term(number, month, year) if real else ""


def _ranges(
    text: str, found: list[re.Match[str]], points: list[tuple[int, str, int]], anew: bool
) -> list[tuple[int, int | None, list[int]]]:
    """A part's ranges: two dates or months side by side joined as one (_RANGE_JOIN,
    _MONTH_JOIN), or, ``anew``, one to today (_TO_NOW; None for the second): the numbers
    of their first words, and of the words that join them."""
    ranges: list[tuple[int, int | None, list[int]]] = []
    at = 0
    while at < len(points):
        first, _, width = points[at]
        end = first + width  # the number of the word after it
        after = found[end - 1].end()
        second, other, _ = points[at + 1] if at + 1 < len(points) else (-1, "", 0)
        if end <= second and _joined(text[after : found[second].start()], other):
            ranges.append((first, second, list(range(end, second))))
            at += 1
        elif anew and (to_now := _TO_NOW.match(text, after)) is not None:
            stop = end
            while stop < len(found) and found[stop].start() < to_now.end():
                stop += 1
            ranges.append((first, None, list(range(end, stop))))
        elif anew and not _JOINS.match(text, after) and _opened(found, first, points[at][1]):
            ranges.append((first, None, []))
        at += 1
    return ranges


def _opened(found: list[re.Match[str]], at: int, term: str) -> bool:
    """Whether `từ` (`tu`), `trước` or `sau` is just before the date, month or year at
    word ``at`` (its `ngày` or `tháng` between, or not): `từ 1/1/2020` alone, from that
    day to today, as `từ 1/1/2020 đến nay` is (unless a joiner follows, _JOINS: its end
    is being typed); `trước năm 2019`, before it (_alone); not `sau` for `sáu`
    (_SIX_AFTER: `thang sau nam 2019`)."""
    before = at - 1
    if _width(term) == 3 and before >= 0 and folding.canonical(found[before][0]) in _DAYS_OF:
        before -= 1
    if before >= 0 and found[before][0] in _signs(term):
        before -= 1
    if before < 0 or folding.canonical(found[before][0]) not in _OPENS:
        return False
    six = before > 0 and folding.fold(found[before - 1][0]) in _SIX_AFTER
    return not (six and found[before][0] in _AFTER)


def _joined(between: str, second: str) -> bool:
    """Whether the text between two dates or months joins them as a range: `ngày`
    after the joiner before a date, `tháng` before a month."""
    return (_RANGE_JOIN if _width(second) == 3 else _MONTH_JOIN).fullmatch(between) is not None


def _exclude(query: Query, words: list[str], out: list[bool], phrase: bool) -> None:
    """Add to ``query.excluded`` the words of ``words`` marked ``out``: each word alone,
    or, in a phrase, its pairs together (a one-word phrase is the word)."""
    left = [word for word, o in zip(words, out, strict=True) if o]
    folded = [folding.fold(word) for word in left]
    groups = [list(pairs(folded)) or folded] if phrase and left else [[t] for t in folded]
    for word, term in zip(left, folded, strict=True):
        # No spelling kept means every spelling: a word typed without diacritics,
        # whatever else is typed (`-vỉa -via`); with diacritics, that spelling only.
        spellings = query.excluded_typed.get(term)
        if word == term or _NUMBER.fullmatch(word):  # a number's zeros are no spelling
            query.excluded_typed[term] = set()
        elif spellings is None:
            query.excluded_typed[term] = {word}
        elif spellings:
            spellings.add(word)
    for group in groups:
        if group not in query.excluded:
            query.excluded.append(group)
