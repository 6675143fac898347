"""The reference query engine: what static/js/search-engine.js answers, in Python.

It reads the index files of a built site as the browser gets them, and ranks with the
same arithmetic in the same order, so that both give the same list (a browser test
compares them), and the bench can count the files each query fetches.
"""

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import folding
from . import format as fmt
from .terms import NUMBER_GROUPS, YEAR, Query, day_number, parse_query


@dataclass(frozen=True)
class Hit:
    doc: int
    score: float
    url: str
    title: str
    date: str
    category: str
    lead: str


@dataclass
class Results:
    total: int
    hits: list[Hit]
    ranked: list[int]  # every document found, best first
    fetched: list[str] = field(default_factory=list)  # index files read, in order
    completions: list[str] = field(default_factory=list)  # what the last word may become
    # False when articles with every word may be missing from `ranked`: no required term
    # is whole (each left postings out where no tail has them), so the list is the
    # articles of the postings kept, not every article with the words.
    complete: bool = True
    # True when no article has every word and the list is of articles that lack some
    # (asked with ``some``: format.some_needed).
    some: bool = False
    # How many of `ranked` the reading of the query's dates found (the articles of a
    # month's or a range's days, of a long date's and those that write it); the others
    # are what its words read as before found (Query.literal); 0 when no article is of
    # those days. Of a year typed among other words (`year`), how many of `ranked` were
    # published that year, listed first (_year_first). None for a query read one way
    # only (no month, range or long date, nor such a year).
    dated: int | None = None
    # True when no article shows, nor writes, a day of the query's dates (a month to
    # come, `tháng 12/2030`): the list is what its other words find (the page says no
    # article is of that time first, rather than list those with some of the words).
    unpublished: bool = False
    # True when, unpublished, the list is what the query's other words find, the dates'
    # words dropped (`giao ban tháng 12/2030`: the articles with `giao ban`); False when
    # it is the articles that write the month's words as typed (`sở 04/2008`, a
    # document's number: _cited). The page says which.
    dateless: bool = False
    # The year typed among other words whose articles are listed first (`tuyen dung
    # 2021`: _year_first), as typed; None for any other query. The page says so.
    year: str | None = None
    # The page that lists every article of the query's dates, which works without
    # JavaScript and is cited (audit-research F10): (year, month) of a month's or of a
    # range within one month, (year, 0) of a range within one year or of `year`; only
    # when some article is of those days (the page exists). None for any other query.
    period: tuple[int, int] | None = None
    # How many of `ranked` have the query's words side by side (a name: `Đinh Thu Hiền`,
    # each syllable in a large share of the archive), listed first, when some do and not
    # all; None for a query with dates, a year first, quotes or a word being typed, or
    # whose pairs are in so many articles that their postings are not all known.
    phrase: int | None = None


class Index:
    """The index files in ``folder``, each read once (as a browser caches them)."""

    def __init__(self, folder: Path, read: Callable[[Path], bytes] | None = None):
        self.folder = folder
        self.read = read or Path.read_bytes
        self.loaded: dict[str, object] = {}
        self.fetched: list[str] = []

    def file(self, name: str) -> object:
        if name not in self.loaded:
            self.fetched.append(f"{name}.js")
            got, data = fmt.read_script(self.read(self.folder / f"{name}.js"))
            if got != name:
                raise ValueError(f"{name}.js names itself {got!r}")
            self.loaded[name] = data
        return self.loaded[name]


@dataclass
class _Term:
    name: str
    typed: set[str] | None  # spellings typed (syllables); None for a pair
    frequency: int = 0
    # doc -> (impact + title bonus, True when the document has a spelling typed)
    postings: dict[int, tuple[float, bool]] = field(default_factory=dict)
    # segments where postings are left out: (segment, first doc, record's spellings)
    tails: list[tuple[str, int, list[str]]] = field(default_factory=list)
    missing: int = 0  # postings left out there, in all
    # first docs of the segments without tails where some are left out: never whole
    untailed: set[int] = field(default_factory=set)
    titled: set[int] = field(default_factory=set)  # the documents whose title has it

    @property
    def partial(self) -> set[int]:
        """First docs of the segments where the term's postings are not all known."""
        return self.untailed | {start for _, start, _ in self.tails}


def _head(index: Index, manifest: dict, term: str, typed: set[str] | None) -> _Term:
    """A term's postings in the shards of every segment."""
    found = _Term(term, typed)
    for name, start, size, shards in manifest["segments"]:
        shard = index.file(f"s/{name}/{fmt.term_hash(term) % shards}")
        record = shard.get(term)  # type: ignore[attr-defined]
        if record is None:
            continue
        found.frequency += record[0]
        forms = record[2] if len(record) > 2 else []
        kept = _decode(found, record[1], start, forms)
        if kept < record[0] and size > manifest["tails"]:
            found.tails.append((name, start, forms))
            found.missing += record[0] - kept
        elif kept < record[0]:
            found.untailed.add(start)
    return found


def _complete(index: Index, term: _Term) -> None:
    """Add the postings of the term's tails: it is then whole, like an uncapped term,
    unless a segment without tails left some out."""
    for name, start, forms in term.tails:
        tail = index.file(f"s/{name}/{fmt.tail_name(term.name)}")
        _decode(term, tail[term.name], start, forms)  # type: ignore[index]
    term.tails, term.missing = [], 0


def _decode(term: _Term, postings: str, start: int, forms: list[str]) -> int:
    """Add encoded postings of a segment whose first document is ``start``; how many."""
    wanted = 0
    if term.typed:
        for i, form in enumerate(forms):
            if form in term.typed:
                wanted |= 1 << i
    bonus = fmt.TITLE_BONUS if term.typed is not None else fmt.PAIR_TITLE_BONUS
    reader = fmt.Reader(postings)
    doc, count = start - 1, 0
    while reader.more():
        doc += reader.varint() + 1
        value = reader.digit()
        mask = reader.varint() if value & 1 else 1
        weight = (value >> 2) + bonus * (value >> 1 & 1)
        term.postings[doc] = (weight, (mask & wanted) != 0)
        if value & 2:
            term.titled.add(doc)
        count += 1
    return count


def search(
    index: Index, query: str, offset: int = 0, limit: int = 10, some: bool = False
) -> Results:
    """The articles with every word of ``query`` (but its optional ones), best first.
    ``some``: when none has them all, those that lack a few (format.some_needed).
    A query with a month or a range to today (`tháng 1/2020`, `từ 1/1/2020 đến nay`)
    lists the articles of those days, then those its reading as before finds
    (Query.literal: `Quyết định 1/2020/QĐ-UBND`) that are not among them (_merged); a
    month in words (`tháng 3 năm 2019`), those of the other that write it first
    (Query.literal_first, _writing_month)."""
    parsed = parse_query(query)
    if not parsed.words:
        return Results(0, [], [], index.fetched)
    manifest = index.file(fmt.MANIFEST)
    assert isinstance(manifest, dict)
    ranked = _rank(index, manifest, parsed, some)
    unpublished = ranked.unpublished
    if parsed.literal is not None:
        literal = _rank(index, manifest, parsed.literal, some)
        if unpublished:
            literal = _cited(index, manifest, parsed, literal)
        if parsed.literal_first:
            writing, rest = _writing_month(index, manifest, parsed, literal)
            ranked = _merged([writing, ranked, rest], dated=ranked)
        else:
            ranked = _merged([ranked, literal], dated=ranked)
    else:
        ranked = _year_first(index, manifest, parsed, ranked)
    together = _together(ranked) if parsed.literal is None and ranked.year is None else None
    # Results.dated: of the dates' reading, or of a year first; None for any other query.
    has_dates = parsed.literal is not None or ranked.year is not None
    hits = []
    for _, _, score, doc in ranked.scored[offset : offset + limit]:
        hits.append(Hit(-doc, -score, *_row(index, manifest, -doc)))
    ranked_docs = [-doc for *_, doc in ranked.scored]
    return Results(
        len(ranked_docs),
        hits,
        ranked_docs,
        index.fetched,
        ranked.completions,
        ranked.complete,
        ranked.some,
        ranked.dated if has_dates else None,
        unpublished,
        ranked.unpublished,
        ranked.year,
        _period(index, manifest, parsed, ranked),
        together,
    )


def _together(ranked: "_Ranked") -> int | None:
    """Results.phrase: how many documents have the query's words side by side (each of
    its pairs, as a quoted phrase is found), when some do and not all; they are listed
    first, each group in its order (the title term's and title phrase's have them)."""
    if not ranked.together or len(ranked.together) == len(ranked.scored):
        return None
    kept = ranked.together
    ranked.scored = [(t, int(-doc not in kept), score, doc) for t, _, score, doc in ranked.scored]
    ranked.scored.sort(key=lambda s: (s[0], s[1]))  # stable
    return len(kept)


def _period(
    index: Index, manifest: dict, parsed: Query, ranked: "_Ranked"
) -> tuple[int, int] | None:
    """Results.period: the month or the year whose page lists the query's dates."""
    if ranked.year is not None:
        return (int(ranked.year), 0) if ranked.dated else None
    if parsed.days or len(parsed.spans) != 1 or not all(parsed.spans[0]):
        return None
    first, last = (day.split("/") for day in parsed.spans[0])
    if first[2] != last[2] or not _published(index, manifest, *parsed.spans[0]):
        return None
    return (int(first[2]), int(first[1]) if first[1] == last[1] else 0)


@dataclass
class _Ranked:
    """A reading's documents found, best first: (0 in the title term, 1 with the title
    phrase (_title_phrase), else 2; its reading's place (_merged), or 0 of the year and
    1 of another (_year_first); -score, -doc), as they sort; and Results' complete,
    completions, some and dated. Merged, ``unpublished`` says whether a reading of a
    month no article is of is listed (Results.dateless)."""

    scored: list[tuple[int, int, float, int]]
    complete: bool
    completions: list[str]
    some: bool
    dated: int = 0  # how many of them have the dates' term (_rank), so are of the days
    unpublished: bool = False  # no article is of the query's dates (Results.unpublished)
    year: str | None = None  # whose articles come first, and are `dated` (_year_first)
    together: set[int] | None = None  # with every pair of the query's words (_together)


def _merged(all_readings: list[_Ranked], dated: _Ranked) -> _Ranked:
    """Readings of a query as one list: the title term's documents first, then the
    first reading's, then each next one's that those before lack, each in its order (its
    title phrase's first: _title_phrase). A reading that found articles with only some
    of the words, or with the words but a month no article is of (Results.unpublished),
    is left out when another found some with every word. The list is whole when
    ``dated``, the reading with the months and ranges, is and is in it: the others'
    articles, what the numbers found before, come as well (a month's `1` and `2020` are
    in most articles: capped, they made the page ask for "thêm một từ nữa" after every
    article of the month)."""
    whole = [r for r in all_readings if r.scored and not r.some]
    # A month no article is of, its other words alone, when the words as before find
    # articles (`sở 04/2008`: the article that cites `Chỉ thị 04/2008`, not all with `sở`).
    readings = [r for r in whole if not r.unpublished] or whole or all_readings
    seen: set[int] = set()
    scored = []
    for place, reading in enumerate(readings):
        for title, _, score, doc in reading.scored:
            if doc not in seen:
                seen.add(doc)
                scored.append((title, place, score, doc))
    completions = list(dict.fromkeys(c for r in readings for c in r.completions))
    kept = any(r is dated for r in readings)
    complete = dated.complete if kept else all(r.complete for r in readings)
    some = any(r.some for r in readings)
    # The title term's first, then each reading's in its order (its title phrase's first:
    # not before the first reading's others, `tháng 3 năm 2019` is its month's first).
    scored.sort(key=lambda s: (s[0] > 0, s[1]))  # stable
    # Every article of the days the dates' reading found is listed, whichever reading
    # came first (none when no article is: what its other words found).
    count = dated.dated if kept and not dated.unpublished else 0
    return _Ranked(scored, complete, completions, some, count, any(r.unpublished for r in readings))


# A year after these is not when the articles were published: `năm 2021` (its pair with
# `năm` finds those that say it), `nhiệm kỳ 2016`, `khóa 2021` (a term of office).
_NOT_PUBLISHED = ("nam", "ki", "khoa")  # as the index folds them (`kỳ`: ki)
_YEAR_ALONE = {"nam", "trong"}  # `năm 2020`, `trong năm 2020`: the year's articles
_NUMBER = re.compile("[0-9]+")


def _year_first(index: Index, manifest: dict, parsed: Query, ranked: _Ranked) -> _Ranked:
    """A year typed among other words (`tuyen dung 2021`), or alone (`2020`, `năm
    2020`): the articles published that year first, then the others, each in their
    order. The year is in most articles of a real archive (`nhiệm kỳ 2016 - 2021`), so
    its weight was nothing, and the job notices of other years came first. Among words,
    not after _NOT_PUBLISHED; never after another number, nor of two years."""
    years = [w for w in parsed.words if YEAR.fullmatch(w)]
    if parsed.when or len(years) != 1:
        return ranked
    # A year alone, or after `năm` (`trong năm`) alone, asks for that year's articles:
    # they came first but were not counted (audit-research F3).
    # Each of them is listed, with the words or not (`năm 2020`: most lack `năm`).
    alone = set(parsed.words) - {years[0]} <= _YEAR_ALONE
    alone = alone and not parsed.excluded and not parsed.excluded_spans
    signed = any(f"{sign} {years[0]}" in parsed.pairs for sign in _NOT_PUBLISHED)
    if not alone and (len(parsed.words) < 2 or signed):
        return ranked
    # A year right after another number is that number's (`139/2017`, a decree's;
    # `9001:2008`, a standard's): the decree of 2018 came after 2017's articles without
    # `139` (reader's audit R1).
    before = [pair.split(" ")[0] for pair in parsed.pairs if pair.endswith(f" {years[0]}")]
    if any(_NUMBER.fullmatch(word) for word in before):
        return ranked
    published = set(_published(index, manifest, f"1/1/{years[0]}", f"31/12/{years[0]}"))
    scored = [(t, int(-doc not in published), score, doc) for t, _, score, doc in ranked.scored]
    if alone:
        found = {-s[3] for s in scored}
        scored += [(2, 0, 0.0, -doc) for doc in sorted(published - found, reverse=True)]
    scored.sort(key=lambda s: (s[0] > 0, s[1]))  # the title term's first, as _merged; stable
    dated = sum(1 for s in scored if not s[1])
    return replace(ranked, scored=scored, dated=dated, year=years[0])


def _writing_month(
    index: Index, manifest: dict, parsed: Query, literal: _Ranked
) -> tuple[_Ranked, _Ranked]:
    """The articles ``literal``, the query read as before, found that write its month in
    words as typed (the pairs of its words, `tháng 3`, `3 năm`, `năm 2019`), and the
    others. Those come before the month's articles (a notice titled "Lịch tiếp công dân
    tháng 3 năm 2019", published in April), these after: `tiêm chủng tháng 3 năm 2021`
    listed first the notices of March 2019, 2012 and 2018, which have neither `tiêm` nor
    `2021` (each word in so many articles that none was required), and their titles'
    "tháng 3 năm" decided (audit-reader F6). A pair whose postings are not all known
    (in many articles) counts as written where they are not (_holding)."""
    month = _month_terms(index, manifest, parsed)
    held = _holding(manifest, month)
    writing = [s for s in literal.scored if held(-s[3]) == len(month)]
    rest = [s for s in literal.scored if held(-s[3]) < len(month)]
    return replace(literal, scored=writing), replace(literal, scored=rest)


def _month_terms(index: Index, manifest: dict, parsed: Query) -> list[_Term]:
    """The pairs of the query read as before (Query.literal) that write its month, those
    sharing no word with its other reading (`tháng 3`, `3 năm`, `năm 2019`): what
    _writing_month and _cited look for in the articles that reading found."""
    assert parsed.literal is not None
    words = set(parsed.words)
    return [
        _head(index, manifest, pair, None)
        for pair in parsed.literal.pairs
        if pair not in parsed.pairs and not words & set(pair.split(" "))
    ]


def _cited(index: Index, manifest: dict, parsed: Query, literal: _Ranked) -> _Ranked:
    """The articles ``literal``, the query read as before (Query.literal), found that
    write the words of its month no article is of side by side as typed: a document's
    number (`sở 04/2008`: `Chỉ thị 04/2008`, the pair `4 2008`). The others have the
    numbers apart (`đảng ủy tháng 12/2030`: `tháng 5, mục 12, … 2030`), and the other
    words' articles (_merged) are what the reader asked for."""
    month = _month_terms(index, manifest, parsed)
    for term in month:
        _complete(index, term)
    # A pair whose postings are not all known (in many articles, a segment without tails:
    # `tháng 12`) cannot tell the words apart.
    month = [term for term in month if not term.partial]
    scored = [s for s in literal.scored if all(-s[3] in t.postings for t in month)]
    return replace(literal, scored=scored)


def _rank(index: Index, manifest: dict, parsed: Query, some: bool) -> _Ranked:
    """A reading's documents found, best first (search)."""
    documents = manifest["docs"]
    words = [
        _when(index, manifest, parsed)
        if w == parsed.when
        else _head(index, manifest, w, parsed.typed[w])
        for w in parsed.words
    ]
    pairs = [_head(index, manifest, p, None) for p in parsed.pairs]
    title = _head(index, manifest, parsed.title, None)  # the articles whose title is the query
    begun = len(parsed.last) >= fmt.VOCABULARY_KEY
    offered = _completions(index, parsed) if begun else []
    one = parsed.last and not begun and len(words) > 1
    if one and (parsed.last.isalpha() or not words[-1].frequency):
        # The first letter of a word (a letter some article has alone too: `v.v.`), or a
        # character no word of the index: the words before it, until it says more
        # (rather than nothing found at each new word).
        words.pop()
        pairs = [p for p in pairs if p.name.split(" ")[-1] != parsed.last]
    completions: list[str] = []
    if offered and fmt.magnitude(words[-1].frequency) < offered[0][0]:
        # A word being typed, as far as the index tells: it and the words it may
        # become, each with its pair with the word before; a document needs one.
        completions = [word for _, word in offered]
        if not words[-1].frequency:
            words.pop()
            pairs = [p for p in pairs if p.name.split(" ")[-1] != parsed.last]
        before = [p for p in parsed.pairs if p.split(" ")[-1] == parsed.last]
        words += [_head(index, manifest, c, set()) for c in completions]
        for pair in before:
            first = pair.split(" ")[0]
            for name in [f"{first} {c}" for c in completions]:
                if name not in parsed.pairs:
                    pairs.append(_head(index, manifest, name, None))
    names = dict.fromkeys(name for group in parsed.excluded for name in group)
    excluded = {n: _head(index, manifest, n, parsed.excluded_typed.get(n)) for n in names}
    _complete_rarest(index, manifest["complete"], words + pairs + list(excluded.values()))
    quoted = [t for t in pairs if t.name in parsed.quoted]
    # (the dates' word weighs each date's and range's postings itself: _when)
    weights = [
        1.0 if parsed.when and t.name == parsed.when else fmt.idf(documents, t.frequency)
        for t in words
    ]
    if completions:  # the last word: the best of it and the words it may become
        ending = len(parsed.words) - 1
        words[ending:] = [_best(words[ending:], weights[ending:])]
        weights[ending:] = [1.0]
    # No article of the query's days (`tháng 12/2030`): what its other words find.
    unpublished = any(t.name == parsed.when and not t.postings for t in words if parsed.when)
    plain = [t for t in words if t.name not in parsed.optional]
    if unpublished:
        plain = [t for t in plain if t.name != parsed.when]
    candidates, complete = _candidates(manifest, plain + quoted, words + pairs + [title])
    lacking = some and not candidates and len(plain) >= fmt.SOME_WORDS
    if lacking:
        candidates = _with_most(manifest, plain, quoted, words + pairs + [title])
        if not candidates and len(quoted) >= fmt.PASTED_PAIRS:
            candidates = _with_most(manifest, plain, [], words + pairs + [title])
    # Not the article whose title is the query: a title pasted whole with a stray `-`
    # (`kinh tế -xã hội`) is its title still. Nor those of a month left out (`-tháng 3/2019`).
    gone = {d for span in parsed.excluded_spans for d in _published(index, manifest, *span)}
    candidates = [
        doc
        for doc in candidates
        if doc in title.postings
        or (
            doc not in gone
            and not any(all(_has(excluded[n], doc) for n in group) for group in parsed.excluded)
        )
    ]
    # Of the query's days (_Ranked.dated): with some of the words, the dates' term may be
    # one an article lacks (`hoc sinh bac si ky su thang 3/2019`: 480 of the bench's 700
    # were counted, where 4 are of March).
    when = [t for t in plain if t.name == parsed.when] if lacking else []
    held = _holding(manifest, when)
    dated = sum(1 for doc in candidates if held(doc) == len(when))
    pair_weights = [fmt.PAIR_WEIGHT * fmt.idf(documents, t.frequency) for t in pairs]
    phrase = _title_phrase(parsed, pairs, completions)
    scored = sorted(
        (
            _tier(doc, title, phrase),
            0,
            -_score(doc, words, weights, pairs, pair_weights),
            -doc,
        )
        for doc in candidates
    )
    # The documents with the query's words side by side (_together): counted, then first.
    own = [p for p in pairs if p.name in parsed.pairs]
    whole = own and not any(p.partial for p in own)
    together = None
    if whole and not (parsed.when or parsed.quoted or completions or lacking):
        together = {-s[3] for s in scored if all(-s[3] in p.postings for p in own)}
    lists = scored, complete, completions, lacking and bool(scored), dated, unpublished
    return _Ranked(*lists, together=together)


def _tier(doc: int, title: _Term, phrase: list[_Term]) -> int:
    """0 for the article whose title is the query, 1 for one whose title has the title
    phrase (_title_phrase), 2 for the others: the first key of the order."""
    if doc in title.postings:
        return 0
    return 1 if phrase and all(doc in p.titled for p in phrase) else 2


def _title_phrase(parsed: Query, pairs: list[_Term], completions: list[str]) -> list[_Term]:
    """The query's own pairs, when there are TITLE_PHRASE_PAIRS or more: the articles
    whose title has them all (the words typed side by side as a title has them) come
    after the title term's, before the others, however the words are spelled. While the
    last word is being typed (``completions``), its pair is one of the titles with it as
    typed or as a word it may become: the title has the word finished, not the letters
    typed (`phuong bac` for "phường Bạch Đằng")."""
    own = [p for p in pairs if p.name in parsed.pairs]
    ends = {parsed.last, *completions} if completions else set()
    last = [p for p in pairs if p.name.split(" ")[-1] in ends]
    if last:
        either = _Term("", None)
        for pair in last:
            either.titled |= pair.titled
        own = [p for p in own if p.name.split(" ")[-1] != parsed.last] + [either]
    return own if len(own) >= fmt.TITLE_PHRASE_PAIRS else []


def _complete_rarest(index: Index, budget: int, terms: list[_Term]) -> None:
    """Complete the rarest capped terms (then in query order: syllables, pairs, the words
    left out) while the postings read stay within the budget."""
    left = budget
    for number in sorted(range(len(terms)), key=lambda n: (terms[n].frequency, n)):
        term = terms[number]
        if term.tails and term.missing <= left:
            left -= term.missing
            _complete(index, term)


def _score(
    doc: int,
    words: list[_Term],
    weights: list[float],
    pairs: list[_Term],
    pair_weights: list[float],
) -> float:
    """A document's score: its words' impacts by their weights (more for a spelling typed),
    then its pairs'; in this order, as search-engine.js adds them, bit for bit."""
    score = 0.0
    for term, weight in zip(words, weights, strict=True):
        found = term.postings.get(doc)
        if found is not None:
            part = weight * found[0]
            if found[1]:
                part = part * (1.0 + fmt.EXACT_BONUS)
            score += part
    for term, weight in zip(pairs, pair_weights, strict=True):
        found = term.postings.get(doc)
        if found is not None:
            score += weight * found[0]
    return score


def _when(index: Index, manifest: dict, query: Query) -> _Term:
    """The word of a query's dates (Query.when): a document's weight is the highest of
    its dates', months' and ranges' (each its idf times the impact), as _best makes it.
    A range's or a month's documents are those its segments' calendars say show one of
    its days."""
    documents = manifest["docs"]
    found = [_head(index, manifest, day, set()) for day in query.days]
    for first, last in query.spans:  # no last day: to the newest article
        span = _Term(f"{first}-{last}", set())
        for number in _published(index, manifest, first, last):
            span.postings[number] = (fmt.DATE_SHOWN_IMPACT, False)
        span.frequency = len(span.postings)
        found.append(span)
    term = _best(found, [fmt.idf(documents, t.frequency) for t in found])
    term.name, term.frequency = query.when, len(term.postings)
    return term


def _published(index: Index, manifest: dict, first: str, last: str) -> list[int]:
    """The documents that show a day from ``first`` to ``last`` ("": to the newest), as
    the segments' calendars say."""
    # ("" first: from the oldest article; a document without a date shows day 0)
    lo, hi = day_number(first) if first else 1, day_number(last) if last else math.inf
    found: list[int] = []
    for name, start, _size, _shards in manifest["segments"]:
        calendar = index.file(f"s/{name}/c")
        assert isinstance(calendar, str)
        doc = start
        for day, count in fmt.calendar_runs(calendar):
            if lo <= day <= hi:
                found.extend(range(doc, doc + count))
            doc += count
    return found


def _has(term: _Term, doc: int) -> bool:
    """Whether the document has a term left out (`-vỉa`): one of the spellings typed, if
    any (`-sở` leaves `số` in), as far as the postings read tell."""
    found = term.postings.get(doc)
    return found is not None and (not term.typed or found[1])


def _completions(index: Index, query: Query) -> list[tuple[int, str]]:
    """The first COMPLETIONS words of the vocabulary that begin with the query's last
    word, but for the words of the query, each after its magnitude."""
    word = query.last
    vocabulary = index.file(fmt.vocabulary_file(word))
    assert isinstance(vocabulary, dict)
    # `qui` is `quy` typed on the way to `quynh` too (folding: `y` alone after a consonant)
    ways = [word, word[:-1] + "y"] if word.endswith("i") else [word]
    begun = tuple(b for b in ways if folding.canonical(b) == word)
    found = [
        (group[0], w)
        for group in vocabulary.get(word[: fmt.VOCABULARY_KEY], [])
        for w in group[1:]
        if w.startswith(begun) and w not in query.typed
    ]
    return found[: fmt.COMPLETIONS]


def suggest(index: Index, query: str) -> str | None:
    """The query with each word of letters that no article has corrected to a word
    of the vocabulary one letter away, a word of letters and digits split between
    them and a number typed in groups joined: what the page offers when a query finds
    nothing (`lcịh tiếp` -> `lịch tiếp`, `covid19` -> `covid 19`, `0912 345 678` ->
    `0912345678`). The edit is made to the word as typed, so its other
    letters keep their diacritics and case. None when no word was corrected. Only the
    vocabulary files of three pairs of first letters are read (_near_keys): a mistake
    in the first letter, or the second left out or changed, is not corrected."""
    text = unicodedata.normalize("NFC", folding.joined(query))
    typed = text.lower()
    if len(typed) != len(text):  # a letter whose lower case is longer: no case kept
        text = typed
    # A number typed in groups, joined where the archive has it joined (not `2008 12`
    # of `04/2008 12-NQ/TW`); the run is the same in both (digits, spaces and dots).
    joins = {run: _joined(index, run) for run in NUMBER_GROUPS.findall(typed)}
    text, typed = (NUMBER_GROUPS.sub(lambda run: joins[run[0]], s) for s in (text, typed))
    seen, changed = 0, any(run != new for run, new in joins.items())

    def fix(match: re.Match[str]) -> str:
        nonlocal seen, changed
        written = text[match.start() : match.end()]
        seen += 1
        if seen > fmt.MAX_QUERY_WORDS:  # the words searched are the first ones
            return written
        near = _nearest(index, written, folding.fold(folding.canonical(match[0])))
        changed |= near != written
        return near

    # The rest of the text as typed: its quotes, its words after the first ones.
    fixed = folding.WORD.sub(fix, typed)
    return fixed if changed else None


_SEPARATORS = re.compile("[^0-9]")


def _joined(index: Index, run: str) -> str:
    """A number typed in groups (terms.NUMBER_GROUPS), joined when some article has
    it, in groups or joined (the index has both joined); else as typed."""
    digits = _SEPARATORS.sub("", run)
    manifest = index.file(fmt.MANIFEST)
    assert isinstance(manifest, dict)
    return digits if _head(index, manifest, folding.fold(digits), set()).frequency else run


_RUNS = re.compile("[0-9]+|[^0-9]+")  # a word's runs of ASCII digits and of the rest

# The edits one letter away, the likelier first: two letters swapped; a letter left out;
# a letter typed twice; one changed that was typed without a diacritic; one too many;
# one changed that was typed with one (the reader chose it: `trưnh` is `trưng`).
_SWAPPED, _LEFT_OUT, _TWICE, _CHANGED, _TOO_MANY, _CHANGED_MARKED, _NONE = range(7)


def _nearest(index: Index, written: str, folded: str) -> str:
    """``written``, or it with the likeliest edit to a vocabulary word (see suggest);
    ``folded``: its letters without diacritics, one for each of its letters. A word of
    runs of two letters or more and of digits that no article has is split between
    them (`covid19` of the text's `Covid-19`, `năm2019`), each run of letters
    corrected in turn."""
    if len(folded) != len(written):
        return written
    vni = _vni(folded) if len(folded) > 2 and folded == written.lower() else None
    if vni and _reads_as(index, vni, folded):
        return _cased(vni, written)
    runs = _RUNS.findall(folded)
    mixed = len(runs) > 1 and all(
        "0" <= run[0] <= "9" or (run.isalpha() and len(run) > 1) for run in runs
    )  # not `w10` or `h5n1`: one letter is an initial, a code
    if len(folded) < 3 or not (mixed or folded.isalpha()):
        return written
    manifest = index.file(fmt.MANIFEST)
    assert isinstance(manifest, dict)
    if _head(index, manifest, folded, set()).frequency:
        return written  # a word of the archive (the vocabulary's too): not mistyped
    reading = _telex(folded) if folded == written.lower() else None
    if reading and _reads_as(index, reading, folded):
        return _cased(reading, written)
    if mixed:
        parts, at = [], 0
        for run in runs:
            parts.append(_nearest(index, written[at : at + len(run)], run))
            at += len(run)
        return " ".join(parts)
    near = sorted(
        (edit[0], -group[0], order, edit[1], other)
        for order, (group, other) in enumerate(_vocabulary_near(index, folded))
        if (edit := _edit(written, folded, other)) is not None
    )
    if not near:
        return _split(index, written, folded) or written
    # Of words as near, the most frequent is offered. A short word has many a letter
    # changed away (`nap`: nam, nay, nai), and the most frequent is then a word of most
    # articles whatever was meant: it adds nothing to what the other words find, and
    # the page said the reader meant it (`ket nap dang vien` listed 582 articles "for
    # ket nam dang vien"). Not offered then; a word alone that near is (`nma`: năm).
    rivalled = len(near) > 1 and near[1][0] == near[0][0]
    if rivalled and 2 * _head(index, manifest, near[0][4], set()).frequency > manifest["docs"]:
        return written
    return near[0][3]


# Telex, typed with the keyboard off (`tuyeenr dungj`: tuyển dụng): the letters that
# make a vowel, in the order a reader types them, and the tone typed last (`z`: none).
_TELEX_VOWELS = (
    ("uwow", "ươ"),
    ("uow", "ươ"),
    ("aa", "â"),
    ("aw", "ă"),
    ("ee", "ê"),
    ("oo", "ô"),
    ("ow", "ơ"),
    ("uw", "ư"),
    ("w", "ư"),
)
_TELEX_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_VOWELS = "aăâeêioôơuưy"
_TONE_INSIDE = re.compile("(.*[aeiouwy])([sfrxj])(ch|c|m|ng|nh|n|p|t)")
# A syllable: its consonants (`qu`, and `gi` before a vowel, are one), vowels, its end.
_SYLLABLE = re.compile(f"(qu|gi(?=[{_VOWELS}])|[^{_VOWELS}]*)([{_VOWELS}]+)(ch|c|m|ng|nh|n|p|t|)")


def _telex(word: str) -> str | None:
    """``word`` (lower case, no diacritics) read as Telex; None when it has no Telex in
    it or reads as no syllable."""
    inside = _TONE_INSIDE.fullmatch(word)  # typed after the vowels, before the end
    bare = "".join(inside.group(1, 3)) if inside else word[:-1]
    tone = _TELEX_TONES.get(inside[2] if inside else word[-1], "")
    if not (inside or tone or word[-1] == "z"):
        bare = word
    if bare.startswith("dd"):
        bare = "đ" + bare[2:]
    for typed, vowel in _TELEX_VOWELS:
        bare = bare.replace(typed, vowel)
    return None if bare == word else _toned(bare, tone)


_LONGEST = 10  # letters of a syllable in Telex: `nghieengf`, `truwowngf`


def _split(index: Index, written: str, folded: str) -> str | None:
    """A word of ASCII letters typed without its spaces (`hooijddoongf`, `uyrbannhaan`:
    Telex with the keyboard off) as the fewest syllables of the archive, each read as
    Telex where an article spells that reading (`hội`), else as its term (`ddongf`,
    `đòng`: `dong`); None when it is no such syllables. A syllable of three letters or
    more is the vocabulary's (one vocabulary file for each first two letters tried), a
    shorter one (`uyr`: `ủy`) is taken, then asked of its shards with the others."""
    if not (folded == written.lower() and folded.isascii() and len(folded) > 3):
        return None
    # fewest[j]: the fewest syllables of folded[:j], and where the last one begins
    fewest: list[tuple[int, int]] = [(0, 0)] + [(len(folded), -1)] * len(folded)
    terms: dict[tuple[int, int], tuple[str, str]] = {}
    for end in range(1, len(folded) + 1):
        for start in range(max(0, end - _LONGEST), end):
            if fewest[start][1] < 0 or fewest[start][0] + 1 >= fewest[end][0]:
                continue
            typed = folded[start:end]
            reading = _telex(typed) or _toned(typed, "")
            term = folding.fold(folding.canonical(reading)) if reading else ""
            if len(term) > 2 and not _in_vocabulary(index, term):
                continue
            if term:
                fewest[end] = (fewest[start][0] + 1, start)
                terms[start, end] = (reading or "", term)
    pieces, end = [], len(folded)
    while end > 0 and fewest[end][1] >= 0:
        start = fewest[end][1]
        pieces.append(terms[start, end])
        end = start
    if end > 0 or len(pieces) < 2:
        return None
    manifest = index.file(fmt.MANIFEST)
    assert isinstance(manifest, dict)
    words = []
    for reading, term in reversed(pieces):
        if len(term) < 3 and not _head(index, manifest, term, set()).frequency:
            return None
        spelled = reading == term or _spelled(index, manifest, folding.canonical(reading))
        words.append(reading if spelled else term)
    return _cased(" ".join(words), written)


def _in_vocabulary(index: Index, term: str) -> bool:
    """Whether ``term`` is a word of the vocabulary (of two articles or more)."""
    vocabulary = index.file(fmt.vocabulary_file(term))
    assert isinstance(vocabulary, dict)
    return any(term in group[1:] for group in vocabulary.get(term[: fmt.VOCABULARY_KEY], []))


# VNI, typed with the keyboard off (`tuye6n3 du5ng`): the digit after the letter it
# marks (`u7o7` ươ), and 1 to 5 the tone, after a vowel.
_VNI_MARKS = {
    "6": dict(a="â", e="ê", o="ô"),
    "7": dict(o="ơ", u="ư"),
    "8": dict(a="ă"),
    "9": dict(d="đ"),
}
_VNI_TONES = dict(zip("12345", "\u0301\u0300\u0309\u0303\u0323", strict=True))


def _vni(word: str) -> str | None:
    """``word`` (lower case, no diacritics) read as VNI; None when it has no VNI in it,
    or a digit that marks nothing (`h5n1`, `covid19`), or reads as no syllable."""
    bare, tone = "", ""
    for letter in word:
        mark = _VNI_MARKS.get(letter, {}).get(bare[-1:])
        if mark:
            bare = bare[:-1] + mark
        elif letter in _VNI_TONES and not tone and set(bare) & set(_VOWELS):
            tone = _VNI_TONES[letter]
        elif "0" <= letter <= "9":
            return None
        else:
            bare += letter
    return None if bare == word else _toned(bare, tone)


def _toned(bare: str, tone: str) -> str | None:
    """The syllable of letters ``bare`` with ``tone`` (a combining mark, or none) on its
    vowel; None when ``bare`` is no syllable."""
    syllable = _SYLLABLE.fullmatch(bare)
    if not syllable or set(bare) & set("fjwz"):
        return None
    start, vowels, end = syllable.groups()
    marked = [i for i, vowel in enumerate(vowels) if vowel in "ăâêôơư"]
    # The tone's vowel: the last with a mark of its own (ươ: ơ), else the last of a
    # syllable closed by a consonant (`toán`), else the middle of three (`ngoái`), else
    # the first (`mái`, `của`; canonical places a final oa, oe, uy's).
    at = marked[-1] if marked else len(vowels) - 1 if end else 1 if len(vowels) == 3 else 0
    vowels = vowels[: at + 1] + tone + vowels[at + 1 :]
    return unicodedata.normalize("NFC", start + vowels + end)


def _reads_as(index: Index, reading: str, folded: str) -> bool:
    """Whether ``folded``, typed, is no word of the archive and its ``reading`` (Telex,
    VNI) is a word an article spells."""
    manifest = index.file(fmt.MANIFEST)
    assert isinstance(manifest, dict)
    if _head(index, manifest, folded, set()).frequency:
        return False
    return _spelled(index, manifest, folding.canonical(reading))


def _spelled(index: Index, manifest: dict, spelling: str) -> bool:
    """Whether an article spells a word ``spelling`` (a term's spellings in a segment)."""
    term = folding.fold(spelling)
    for name, _start, _size, shards in manifest["segments"]:
        record = index.file(f"s/{name}/{fmt.term_hash(term) % shards}").get(term)  # type: ignore[attr-defined]
        if record is not None and spelling in (record[2] if len(record) > 2 else []):
            return True
    return False


def _cased(reading: str, written: str) -> str:
    """``reading`` in the capitals of ``written``: `Tuyeenr` -> `Tuyển`, `DUNGJ` -> `DỤNG`."""
    if len(written) > 1 and written.isupper():
        return reading.upper()
    return reading[0].upper() + reading[1:] if written[0].isupper() else reading


def _vocabulary_near(index: Index, folded: str) -> Iterator[tuple[list, str]]:
    """The vocabulary's words of the keys near ``folded`` (_near_keys), each with its
    group (its magnitude first)."""
    for key in _near_keys(folded):
        vocabulary = index.file(fmt.vocabulary_file(key))
        assert isinstance(vocabulary, dict)
        for group in vocabulary.get(key, []):
            for other in group[1:]:
                yield group, other


def _near_keys(folded: str) -> list[str]:
    """The first two letters of the words one letter away, for a mistake after the
    second letter, the first two or the second and third swapped, or a letter added
    second: as typed, swapped, the first and the third."""
    keys = [folded[0] + folded[1], folded[1] + folded[0], folded[0] + folded[2]]
    return list(dict.fromkeys(keys))


def _edit(written: str, a: str, b: str) -> tuple[int, str] | None:
    """How the word typed (``written``, ``a`` without diacritics) is one letter away from
    the vocabulary's ``b``: the kind of edit, and ``written`` with it made; or None."""
    at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
    if len(a) == len(b) and at < len(a):  # the same word is no edit away
        if (
            at + 1 < len(a)
            and a[at] == b[at + 1]
            and a[at + 1] == b[at]
            and a[at + 2 :] == b[at + 2 :]
        ):
            return _SWAPPED, written[:at] + written[at + 1] + written[at] + written[at + 2 :]
        if a[at + 1 :] == b[at + 1 :]:
            kind = _CHANGED if written[at] == a[at] else _CHANGED_MARKED
            return kind, written[:at] + b[at] + written[at + 1 :]
        return None
    if len(b) == len(a) + 1 and a[at:] == b[at + 1 :]:
        return _LEFT_OUT, written[:at] + b[at] + written[at:]
    if len(a) == len(b) + 1 and b[at:] == a[at + 1 :]:
        twice = a[at] == a[at - 1] if at else False
        # Of a letter typed twice, the one without a diacritic goes (`dđảng`, `quaân`).
        if twice and written[at] != a[at] and written[at - 1] == a[at - 1]:
            at -= 1
        return (_TWICE if twice else _TOO_MANY), written[:at] + written[at + 1 :]
    return None


def _best(terms: list[_Term], weights: list[float]) -> _Term:
    """One term for words of which a document needs any: its weight in a document is
    the highest of theirs (idf and the bonus of the spelling typed included), known
    wherever theirs are all known."""
    best = _Term("", set())
    for term, weight in zip(terms, weights, strict=True):
        best.untailed |= term.partial
        for doc, (impact, exact) in term.postings.items():
            part = weight * impact
            if exact:
                part = part * (1.0 + fmt.EXACT_BONUS)
            if doc not in best.postings or part > best.postings[doc][0]:
                best.postings[doc] = (part, False)
    return best


def _candidates(
    manifest: dict, required: list[_Term], terms: list[_Term]
) -> tuple[list[int], bool]:
    """The documents found: those with a posting of a term that have each required
    term in every segment where its postings are all known (a document there without
    its posting lacks it; elsewhere, it may have it). And whether they are every
    document with the required terms: they are when one of those is whole."""
    whole = [t for t in required if not t.partial]
    if whole:  # every document found is in each of their lists
        smallest = min(whole, key=lambda t: len(t.postings))
        found = list(smallest.postings)
    else:
        found = sorted({d for t in terms for d in t.postings})
    held = _holding(manifest, required)
    return [d for d in found if held(d) == len(required)], bool(whole)


def _holding(manifest: dict, terms: list[_Term]) -> Callable[[int], int]:
    """How many of ``terms`` a document has, as far as their postings tell: in a segment
    where a term's postings are all known, a document without its posting lacks it;
    elsewhere, it may have it, and counts as having it."""
    starts = [segment[1] for segment in manifest["segments"]]
    checks = [(t.postings, t.partial) for t in terms]

    def held(doc: int) -> int:
        start = starts[bisect_right(starts, doc) - 1]
        return sum(doc in postings or start in partial for postings, partial in checks)

    return held


def _with_most(
    manifest: dict, words: list[_Term], quoted: list[_Term], terms: list[_Term]
) -> list[int]:
    """The documents with a posting of a term that have format.some_needed of the words
    and every quoted phrase, each counted as _candidates counts it (_holding)."""
    needed = fmt.some_needed(len(words))
    words_held, quoted_held = _holding(manifest, words), _holding(manifest, quoted)
    return [
        doc
        for doc in sorted({d for t in terms for d in t.postings})
        if quoted_held(doc) == len(quoted) and words_held(doc) >= needed
    ]


def _row(index: Index, manifest: dict, doc: int) -> list[str]:
    """[url, title, date, category, lead] of a document."""
    for name, start, size, _shards in manifest["segments"]:
        if start <= doc < start + size:
            rows = index.file(f"s/{name}/d{(doc - start) // fmt.DOC_CHUNK}")
            return rows[(doc - start) % fmt.DOC_CHUNK]  # type: ignore[index]
    raise ValueError(f"no document {doc}")


def search_index_problems(folder: Path) -> list[str]:
    """What is wrong with the index in ``folder``: missing or unreadable files (for
    `check --built`)."""
    index = Index(folder)
    try:
        manifest = index.file(fmt.MANIFEST)
    except (OSError, ValueError, UnicodeDecodeError):
        return [f"missing or unreadable (no {fmt.MANIFEST}.js)"]
    if not isinstance(manifest, dict) or manifest.get("version") != fmt.VERSION:
        return [f"of another version than this newsarchive's ({fmt.VERSION})"]
    names = [f"v/{n}" for n in range(fmt.VOCABULARY_FILES)]
    for name, _start, size, shards in manifest["segments"]:
        names += [f"s/{name}/{shard}" for shard in range(shards)]
        names += [f"s/{name}/d{n}" for n in range(-(-size // fmt.DOC_CHUNK))]
        names.append(f"s/{name}/c")
        # The tails: which there are, the shards say only once decoded; those present.
        tails = sorted((folder / "s" / name).glob("t*.js"))
        names += [f"s/{name}/{path.stem}" for path in tails]
    broken = []
    for name in names:
        try:
            fmt.read_script((folder / f"{name}.js").read_bytes())
        except (OSError, ValueError, UnicodeDecodeError):
            broken.append(f"{name}.js")
    if broken:
        more = f" and {len(broken) - 3} more" if len(broken) > 3 else ""
        return [f"incomplete: {', '.join(broken[:3])}{more} missing or unreadable"]
    return []
