"""One segment of the index: its articles' words in, its shard files out.

A segment of 8,192 articles holds about six million postings; building them one by one
in Python took most of a minute, so the words are gathered as arrays of numbers
(`Words`) and counted, ranked and encoded with numpy, in whole arrays: those of a slice
of the segment's articles at a time (`encode`), not of the segment, whose arrays at
65,536 articles took 2.2 GB.
"""

import os
import unicodedata
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

# numpy's OpenBLAS starts a thread for each core when numpy is imported: 0.05-0.07 s of
# a rebuild's 0.2 s import on two cores, more on more. The index does no linear algebra.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np

from .. import folding
from . import format as fmt
from .terms import abbreviated, date_term, dates, day_number, joined_numbers, long_dates


class _Runs(dict):
    """A run of text between spaces -> the numbers of its words' forms (`canonical`),
    numbering new forms, as the bytes of an array of ``typecode`` (joined in C). Text is
    split at spaces in C and whole runs are looked up: the regular expression reads only
    the runs not seen before (most of them recur), and a word never spans a space, so
    the words are the same as the text's. Two bytes a number while there are at most
    65,536 forms (a segment of 65,536 articles has 50 million words), four after."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, int] = {}
        self.typecode = "H"
        self.syllables: list[str] = []  # form number -> its syllable (folded)
        # Form number -> what its syllable may be in an abbreviation (terms.abbreviated):
        # SHORT, the first (FIRST) or second (SECOND) syllable of a long form; numpy
        # finds the few places to look at with it.
        self.marks = bytearray()

    def __missing__(self, run: str) -> bytes:
        forms = self.forms
        numbers = []
        for w in folding.WORD.findall(run):
            form = folding.canonical(w)
            number = forms.get(form)
            if number is None:
                number = forms[form] = len(forms)
                syllable = folding.fold(form)
                self.syllables.append(syllable)
                self.marks.append(_mark(syllable))
            numbers.append(number)
        if len(forms) > 1 << 16 and self.typecode == "H":
            self.typecode = "i"
            for seen, data in self.items():
                self[seen] = array("i", array("H", data)).tobytes()
        data = array(self.typecode, numbers).tobytes()
        self[run] = data
        return data


SHORT, FIRST, SECOND = 1, 2, 4


def _mark(syllable: str) -> int:
    """What ``syllable`` may be in an abbreviation or its long form (_Runs.marks)."""
    forms = abbreviated()
    return (
        (SHORT if syllable in forms.shorts else 0)
        | (FIRST if syllable in forms.longs else 0)
        | (SECOND if syllable in forms.seconds else 0)
    )


class Words:
    """The words of a segment's articles, in order, as numbers."""

    def __init__(self) -> None:
        self.numbers = _Runs()
        self.words = array(self.numbers.typecode)  # form number of each word
        self.starts = array("q")  # where each part (a title, a text) starts
        self.part_doc = array("i")
        self.part_weight = array("i")
        self.titles: list[str] = []  # each article's title term (format.title_term)
        # each article's date terms (terms.date_term) -> their impacts (format.py)
        self.dates: list[dict[str, int]] = []
        self.days: list[int] = []  # the day each shows (terms.day_number), 0 for none
        self.docs = 0

    def add(self, title: str, text: str, date: str = "", tags: Sequence[str] = ()) -> None:
        """An article: its title, its text, the date it shows (`07/01/2022`) and its tags."""
        self.titles.append(fmt.title_term([folding.fold(w) for w in folding.words(title)]))
        parts = [(folding.joined(title), fmt.TITLE_WEIGHT), (folding.joined(text), 1)]
        # The dates it writes (`07/01/2022`, `ngày 7 tháng 1 năm 2022`) and the one it
        # shows, each one term that no word makes: `07/01/2022` finds the articles of
        # that day. Not its day and month as words: `đường số 1` would find every
        # article of a 1st or of January.
        shown = {date_term(*date.split("/"))} if date else set()
        self.days.append(day_number(*shown) if shown else 0)
        written = {term for part, _ in parts for _, term in dates(part)}
        written |= {term for part, _ in parts for term in long_dates(part)}
        written -= shown
        impacts = dict.fromkeys(sorted(written), fmt.DATE_WRITTEN_IMPACT)
        self.dates.append(impacts | dict.fromkeys(shown, fmt.DATE_SHOWN_IMPACT))
        # The year of the date it shows, in a part of its own: `kết nạp đảng viên 2022`
        # finds an article of 2022 whose text does not say 2022.
        year = date.rpartition("/")[2]
        if year:
            parts.append((year, 1))
        # Each tag, a part of its own (no pair across two): the archive files the article
        # under it, and a reader types it (`covid` for `COVID-19`) where the text may not
        # say it.
        parts += [(folding.joined(tag), 1) for tag in tags]
        # Each number written in groups is a word too, joined, in a part of its own: no
        # pair with its neighbours (terms.joined_numbers). So is the other form of an
        # abbreviation (`UBND`, `ủy ban nhân dân`: _other_forms), once.
        parts += [(n, w) for part, w in parts[:] for n in joined_numbers(part)]
        others: list[tuple[str, int]] = []
        for number, (part, weight) in enumerate(parts):
            data = self._add_part(part, weight)
            if number < 2:  # the title and the text
                others += [(other, weight) for other in self._other_forms(data)]
        for part, weight in others:
            self._add_part(part, weight)
        self.docs += 1

    def _add_part(self, part: str, weight: int) -> bytes:
        """Add a part of the article's words; its words' numbers, as bytes."""
        look_up = self.numbers.__getitem__
        runs = unicodedata.normalize("NFC", part).lower().split()
        self.starts.append(len(self.words))
        self.part_doc.append(self.docs)
        self.part_weight.append(weight)
        typecode = self.numbers.typecode
        data = b"".join(map(look_up, runs))
        if self.numbers.typecode != typecode:  # widened meanwhile: join again
            self.words = array(self.numbers.typecode, self.words)
            data = b"".join(map(look_up, runs))
        self.words.frombytes(data)
        return data

    def _other_forms(self, data: bytes) -> list[str]:
        """The other form of each abbreviation (terms.ABBREVIATIONS) that the words
        ``data`` hold either way, once each: `ubnd` -> `ủy ban nhân dân`, `uỷ ban nhân
        dân` -> `ubnd`. numpy finds the places to look at (_Runs.marks), and each way
        they are written is looked at once: in Python, every place took a tenth of
        the indexing."""
        runs = self.numbers
        numbers = np.frombuffer(data, dtype=np.uint16 if runs.typecode == "H" else np.int32)
        marks = np.frombuffer(runs.marks, dtype=np.uint8)
        marked = marks[numbers]  # a copy: runs.marks may grow again
        del marks  # (a bytearray cannot grow while a view of it lives)
        forms = abbreviated()
        shorts, longs, longest = forms.shorts, forms.longs, forms.longest
        syllables = runs.syllables
        found = {shorts[syllables[n]] for n in set(numbers[marked & SHORT != 0].tolist())}
        at = np.flatnonzero((marked[:-1] & FIRST) & ((marked[1:] & SECOND) >> 1))
        if len(at):
            padded = np.full(len(numbers) + longest, -1, dtype=np.int64)
            padded[: len(numbers)] = numbers
            written = np.stack([padded[at + k] for k in range(longest + 1)], axis=1)
            for first, *after in set(map(tuple, written.tolist())):
                rest = tuple(syllables[n] if n >= 0 else "" for n in after)
                found.update(
                    short for want, short in longs[syllables[first]] if rest[: len(want)] == want
                )
        return sorted(found)


SLICE_DOCS = 1024  # articles encoded at a time: their arrays, not the segment's, bound memory
# A segment of at most this many articles keeps its slices' postings from the first pass
# for the second (141 MiB at 8,192 articles) instead of making them again: 0.6 s of the
# 4 s an edited article's segment takes at 10,000. Larger ones make them twice.
HELD_DOCS = 8192


def encode(name: str, words: Words, put: Callable[[str, bytes], None]) -> int:
    """Make the files of the segment ``name``, each handed to ``put`` (its name, its
    bytes) as it is made: the shards (0, 1, ...), the tails (t<hash>), its syllables'
    documents (w) and its calendar (c); the number of shards.

    A posting belongs to one article, so the articles are read SLICE_DOCS at a time,
    twice (a segment of at most HELD_DOCS keeps the first pass's for the second): the
    first pass sums what spans the segment (each spelling's documents, each
    term's documents by impact), which decides the spellings' ranks and the postings a
    term keeps; the second encodes each slice's postings, each term's first one after
    the term's last posting in the slices before. Whole arrays of a segment of 65,536
    articles took 2.2 GB; the bytes are the same for any SLICE_DOCS."""
    docs = words.docs
    forms = list(words.numbers.forms)  # form number -> form
    folded, form_fold, form_local, table = _syllable_tables(words.numbers.syllables)
    syllables = len(folded)
    source = _Text(words, form_fold, form_local, table)
    keep = fmt.cap(docs)
    slices = [(lo, min(lo + SLICE_DOCS, docs)) for lo in range(0, docs, SLICE_DOCS)]

    by_docs, s_terms, s_caps, pair_keys, p_caps, held = _first_pass(
        source, slices, len(forms), keep
    )
    form_bit, ranked_forms = _spellings(by_docs.tolist(), form_fold, forms, len(table))
    longest_tail = fmt.COMPLETE_POSTINGS if docs > fmt.TAILS_FROM else -1  # -1: no tails
    caps = _term_caps(syllables, s_terms, s_caps, p_caps, keep, longest_tail)
    known = {
        word: df
        for word, df in zip(folded, caps.frequency[:syllables].tolist(), strict=True)
        if df and len(word) > fmt.VOCABULARY_KEY
    }
    heads, tails, kept_postings = _second_pass(source, slices, held, form_bit, pair_keys, caps)

    title_records = _title_records(words.titles, keep)
    date_records = _date_records(words.dates)
    t_kept = sum(min(df, keep) for df, _ in title_records.values())
    t_kept += sum(df for df, _ in date_records.values())
    shards = fmt.shard_count(kept_postings + t_kept)
    term_name = _term_names(folded, pair_keys)
    del pair_keys
    # One shard's records at a time: all of them at once would take hundreds of MB.
    live, cuts = _by_shard(np.flatnonzero(caps.frequency), term_name, shards)
    titles_of: dict[int, dict[str, list]] = {}
    for title, title_record in (title_records | date_records).items():
        titles_of.setdefault(fmt.term_hash(title) % shards, {})[title] = title_record
    text, bounds = heads.joined()
    del heads
    for number in range(shards):
        records = titles_of.get(number, {})
        chosen = live[cuts[number] : cuts[number + 1]]
        _add_records(records, chosen, caps.frequency, (text, bounds), term_name, ranked_forms)
        put(str(number), fmt.script(f"s/{name}/{number}", records))
    del text, bounds
    _put_tails(name, put, tails, term_name)
    put("w", fmt.script(f"s/{name}/w", known))  # for the vocabulary (writer)
    put("c", fmt.script(f"s/{name}/c", fmt.calendar(words.days)))
    return shards


def _syllable_tables(folded_forms: list[str]):
    """From each form's syllable (folded, in the order of the forms): the syllables, in
    the order met; each form's syllable number and its spelling number among the forms
    of its syllable (int8, spellings past _LOCAL share one); and the form counted for
    each (syllable, spelling number)."""
    folded_of: dict[str, int] = {}
    local: list[int] = []  # a form's number among the forms of its syllable
    fold_of_form: list[int] = []
    seen: dict[int, int] = {}
    for folded_form in folded_forms:
        syllable = folded_of.setdefault(folded_form, len(folded_of))
        fold_of_form.append(syllable)
        local.append(seen.get(syllable, 0))
        seen[syllable] = local[-1] + 1
    form_fold = np.array(fold_of_form, dtype=np.int64)
    # int8: indexed by every word, the result is a ninth of an int64 array's size.
    form_local = np.minimum(np.array(local, dtype=np.int64), _LOCAL - 1).astype(np.int8)
    table = np.full((len(folded_of), _LOCAL), -1, dtype=np.int64)
    table[form_fold, form_local] = np.arange(len(folded_forms))
    return list(folded_of), form_fold, form_local, table


def _first_pass(source: "_Text", slices: list[tuple[int, int]], forms: int, keep: int):
    """What spans the segment: each form's documents (in the title or not, counted
    apart), the syllables' and the pairs' terms and caps (_caps), and the slices'
    postings when the segment is small enough to hold them (HELD_DOCS), else none."""
    by_docs = np.zeros(forms, dtype=np.int64)
    s_tally, p_tally = _Tally(), _Tally()  # (term, class) -> postings
    held: deque[tuple[_Postings, _Postings]] = deque()
    for lo, hi in slices:
        s, p = source.postings(lo, hi)
        by_docs += np.bincount(s.slot, minlength=forms)
        s_tally.add(s.term.astype(np.int64) << _CLASS_BITS | _rank_class(s))
        p_tally.add(p.term << _CLASS_BITS | _rank_class(p))
        if source.docs <= HELD_DOCS:
            held.append((s, p))
        del s, p
    s_terms, s_caps = _caps(s_tally, keep)
    pair_keys, p_caps = _caps(p_tally, keep)
    return by_docs, s_terms, s_caps, pair_keys, p_caps, held


class _Caps(NamedTuple):
    """For each term (the syllables, then the pairs): its documents, its star class and
    star skip (_caps), and whether the postings it does not keep make a tail."""

    frequency: np.ndarray
    star_class: np.ndarray
    star_skip: np.ndarray
    tailed: np.ndarray


def _term_caps(syllables: int, s_terms, s_caps, p_caps, keep: int, longest_tail: int) -> _Caps:
    """The syllables' caps (of the syllables ``s_terms``: others have no posting) and the
    pairs' (of every pair) in one set of arrays, by term."""
    terms = syllables + len(p_caps[0])
    frequency = np.zeros(terms, dtype=np.int64)
    frequency[s_terms] = s_caps[0]
    frequency[syllables:] = p_caps[0]
    star_class = np.full(terms, 1 << _CLASS_BITS, dtype=np.int64)  # _caps
    star_skip = np.zeros(terms, dtype=np.int64)
    star_class[s_terms], star_skip[s_terms] = s_caps[1], s_caps[2]
    star_class[syllables:], star_skip[syllables:] = p_caps[1], p_caps[2]
    tailed = (frequency > keep) & (frequency - keep <= longest_tail)
    return _Caps(frequency, star_class, star_skip, tailed)


def _second_pass(
    source: "_Text",
    slices: list[tuple[int, int]],
    held: deque[tuple["_Postings", "_Postings"]],
    form_bit,
    pair_keys,
    caps: _Caps,
) -> tuple["_Chunks", "_Chunks", int]:
    """Each slice's postings encoded: those their terms keep (the heads), those that
    make tails, and the number kept."""
    syllables = len(caps.frequency) - len(pair_keys)
    heads, tails = _Chunks(len(caps.frequency)), _Chunks(len(caps.frequency))
    star_seen = np.zeros(len(caps.frequency), dtype=np.int64)
    kept_postings = 0
    for lo, hi in slices:
        s, p = held.popleft() if held else source.postings(lo, hi)  # each let go once used
        mask = np.bitwise_or.reduceat(form_bit[s.slot], s.first) if len(s.first) else s.first
        term = np.concatenate([s.term, syllables + np.searchsorted(pair_keys, p.term)])
        doc = np.concatenate([s.doc, p.doc])
        value = np.concatenate([_value(s), _value(p)])
        cls = np.concatenate([_rank_class(s), _rank_class(p)])
        mask = np.concatenate([mask.astype(np.int32), np.ones(len(p.doc), dtype=np.int32)])
        del s, p
        kept = _kept(term, cls, caps.star_class, caps.star_skip, star_seen)
        del cls
        kept_postings += int(kept.sum())
        heads.add(term[kept], doc[kept], value[kept], mask[kept])
        tail = ~kept
        tail[tail] = caps.tailed[term[tail]]
        tails.add(term[tail], doc[tail], value[tail], mask[tail])
        del term, doc, value, mask, kept, tail
    return heads, tails, kept_postings


def _term_names(folded: list[str], pair_keys) -> Callable[[int], str]:
    """Each term's text, made when needed: a segment has a million pairs."""
    syllables = len(folded)
    firsts, seconds = pair_keys // syllables, pair_keys % syllables

    def term_name(t: int) -> str:
        if t < syllables:
            return folded[t]
        return f"{folded[int(firsts[t - syllables])]} {folded[int(seconds[t - syllables])]}"

    return term_name


def _by_shard(live, term_name: Callable[[int], str], shards: int):
    """The terms ``live`` in the order of their shards, and where each shard's start
    (one more: the end)."""
    shard_of = np.fromiter(
        (fmt.term_hash(term_name(t)) % shards for t in live.tolist()), np.int64, len(live)
    )
    order = np.argsort(shard_of, kind="stable")
    return live[order], np.searchsorted(shard_of[order], np.arange(shards + 1)).tolist()


def _add_records(
    records: dict[str, list],
    chosen,
    frequency,
    joined: tuple,
    term_name: Callable[[int], str],
    ranked_forms: list[list[str]],
) -> None:
    """Add the records of the terms ``chosen`` to ``records``: [documents, the postings
    (the text of the heads, ``joined``, between its bounds), a syllable's spellings]."""
    text, bounds = joined
    syllables = len(ranked_forms)
    for t, df, start, end in zip(
        chosen.tolist(),
        frequency[chosen].tolist(),
        bounds[chosen].tolist(),
        bounds[chosen + 1].tolist(),
        strict=True,
    ):
        record: list = [df, text[start:end].tobytes().decode("ascii")]
        if t < syllables:
            record.append(ranked_forms[t])
        records[term_name(t)] = record


def _put_tails(
    name: str, put: Callable[[str, bytes], None], tails: "_Chunks", term_name: Callable
) -> None:
    """A file for each hash of a term that has a tail (almost always one term)."""
    tail_files: dict[str, dict[str, str]] = {}
    text, bounds = tails.joined()
    which = np.flatnonzero(tails.count)
    for t, start, end in zip(
        which.tolist(), bounds[which].tolist(), bounds[which + 1].tolist(), strict=True
    ):
        word = term_name(t)
        tail_files.setdefault(fmt.tail_name(word), {})[word] = (
            text[start:end].tobytes().decode("ascii")
        )
    for file, tail in sorted(tail_files.items()):
        put(file, fmt.script(f"s/{name}/{file}", tail))


class _Postings:
    """A slice's postings of syllables or of pairs, sorted by term, then document: the
    term (a pair as first * syllables + second), the document, the count (words of the
    title count TITLE_WEIGHT times), whether the title has it; for syllables, the form
    counted for each (posting, in the title or not, spelling), and where each posting's
    forms start among those."""

    def __init__(self, term, doc, count, title, slot=None, first=None):
        self.term, self.doc, self.count, self.title = term, doc, count, title
        self.slot, self.first = slot, first
        self.impact = np.zeros(0, dtype=np.int8)  # _Text.weigh


class _Text:
    """The segment's words, read a slice of articles at a time."""

    def __init__(self, words: Words, form_fold, form_local, table) -> None:
        self.docs = words.docs
        self.form = np.frombuffer(words.words, dtype=np.dtype(words.words.typecode))
        self.starts = np.frombuffer(words.starts, dtype=np.int64)
        self.part_doc = np.frombuffer(words.part_doc, dtype=np.int32)
        self.part_title = np.frombuffer(words.part_weight, dtype=np.int32) > 1
        self.bounds = np.append(self.starts, len(self.form))
        sizes = np.diff(self.bounds)
        lengths = np.bincount(self.part_doc, weights=sizes, minlength=self.docs)
        lengths = lengths.astype(np.int64)
        mean = max(int(lengths.sum()), 1) / self.docs  # 0 words: no posting to weigh
        self.norm = fmt.K1 * (1.0 - fmt.B + fmt.B * lengths / mean)
        self.form_fold = form_fold.astype(np.int32)
        self.form_local = form_local
        self.syllables = len(table)
        self.table = table

    def postings(self, lo: int, hi: int) -> tuple[_Postings, _Postings]:
        """The postings of syllables and of pairs of articles ``lo``..``hi - 1``."""
        docs = self.docs
        pa, pb = np.searchsorted(self.part_doc, [lo, hi]).tolist()
        w0, w1 = int(self.bounds[pa]), int(self.bounds[pb])
        form = self.form[w0:w1]
        sizes = np.diff(self.bounds[pa : pb + 1])
        doc = np.repeat(self.part_doc[pa:pb], sizes)
        in_title = np.repeat(self.part_title[pa:pb], sizes)

        # Syllables: one sort of (syllable, doc, in the title, spelling) keys gives
        # counts, title flags and spellings. Built in place: a slice has millions of words.
        word_fold = self.form_fold[form]  # each word's syllable: pairs use it too
        key = word_fold.astype(np.int64)
        key *= docs
        key += doc
        key <<= _LOCAL_BITS + 1
        key[in_title] |= 1 << _LOCAL_BITS
        key |= self.form_local[form]
        key.sort()
        spelled, _, spelled_count = _runs(key)
        del key
        titled = (spelled >> _LOCAL_BITS) & 1
        spelled_count *= np.where(titled == 1, fmt.TITLE_WEIGHT, 1)
        keys, first, s_count = _runs(spelled >> (_LOCAL_BITS + 1), spelled_count)
        s_title = np.bitwise_or.reduceat(titled, first) if len(first) else first
        slot = self.table[(spelled >> (_LOCAL_BITS + 1)) // docs, spelled & (_LOCAL - 1)]
        syllable_postings = _Postings(
            (keys // docs).astype(np.int32),
            (keys % docs).astype(np.int32),
            s_count.astype(np.int32),
            s_title.astype(np.int8),
            slot,
            first,
        )
        del spelled, spelled_count, titled, keys, first, s_count, s_title, slot

        # Pairs of adjacent words of one part: one sort of (pair, doc, in the title).
        adjacent = np.ones(max(len(form) - 1, 0), dtype=bool)
        ends = self.starts[pa + 1 : pb] - w0 - 1
        adjacent[ends[(ends >= 0) & (ends < len(adjacent))]] = False
        key = word_fold[:-1][adjacent].astype(np.int64)
        key *= self.syllables
        key += word_fold[1:][adjacent]
        del word_fold
        key *= docs
        key += doc[:-1][adjacent]
        key <<= 1
        key |= in_title[:-1][adjacent]
        del adjacent, doc, in_title
        key.sort()
        titled, _, p_count = _runs(key)
        del key
        p_count *= np.where(titled & 1, fmt.TITLE_WEIGHT, 1)
        keys, first, p_count = _runs(titled >> 1, p_count)
        p_title = np.bitwise_or.reduceat(titled & 1, first) if len(first) else first
        pair_postings = _Postings(
            keys // docs,
            (keys % docs).astype(np.int32),
            p_count.astype(np.int32),
            p_title.astype(np.int8),
        )
        return self.weigh(syllable_postings), self.weigh(pair_postings)

    def weigh(self, postings: _Postings) -> _Postings:
        """``postings`` with their impacts (BM25 without the idf, 1..IMPACT_LEVELS)."""
        count = postings.count
        scaled = count * (fmt.K1 + 1.0) / (count + self.norm[postings.doc]) / (fmt.K1 + 1.0)
        impact = np.clip(np.rint(scaled * fmt.IMPACT_LEVELS), 1, fmt.IMPACT_LEVELS)
        postings.impact = impact.astype(np.int8)
        return postings


def _value(postings: _Postings):
    """Each posting's character: its impact and whether the title has it."""
    return postings.impact.astype(np.int16) * 2 + postings.title


def _rank_class(postings: _Postings):
    """Where a posting stands among its term's when a term keeps only some: in the
    title first, then by impact (0 is the best); the newest document breaks ties."""
    return (1 - postings.title.astype(np.int64)) * 16 + fmt.IMPACT_LEVELS - postings.impact


_CLASS_BITS = 5  # rank classes 0..31 (_rank_class)


class _Tally:
    """Counts of keys summed over slices, as sorted distinct keys and their counts."""

    def __init__(self) -> None:
        self.keys = np.zeros(0, dtype=np.int64)
        self.counts = np.zeros(0, dtype=np.int64)

    def add(self, keys) -> None:
        keys = np.concatenate([self.keys, np.sort(keys)])
        counts = np.concatenate([self.counts, np.ones(len(keys) - len(self.counts), np.int64)])
        order = np.argsort(keys, kind="stable")
        self.keys, first, _ = _runs(keys[order])
        self.counts = np.add.reduceat(counts[order], first) if len(first) else counts


def _caps(tally: _Tally, keep: int):
    """From (term, class) counts: the terms (sorted), and for each its number of
    documents, its *star class* and *star skip*, which say the postings it keeps: all
    those of a better class (lower) than the star class; of the star class, the one in
    which its ``keep`` postings run out, the newest, all but the oldest star skip. A
    term of at most ``keep`` documents keeps all (star class 32: no class reaches it)."""
    term_of, cls = tally.keys >> _CLASS_BITS, tally.keys & ((1 << _CLASS_BITS) - 1)
    counts = tally.counts
    terms, first, df = _runs(term_of, counts)
    sizes = np.diff(np.append(first, len(term_of)))
    total = np.cumsum(counts)
    before = np.repeat(total[first] - counts[first], sizes)
    reached = total - before  # postings of the term in this class and the better ones
    star = (reached >= keep) & (reached - counts < keep) & (np.repeat(df, sizes) > keep)
    group = np.repeat(np.arange(len(terms)), sizes)[star]
    star_class = np.full(len(terms), 1 << _CLASS_BITS, dtype=np.int64)  # none: all kept
    star_skip = np.zeros(len(terms), dtype=np.int64)
    star_class[group] = cls[star]
    star_skip[group] = reached[star] - keep
    return terms, (df, star_class, star_skip)


def _kept(term, cls, star_class, star_skip, star_seen):
    """Which of a slice's postings (sorted by term, then document) their terms keep;
    counts each term's postings of its star class in ``star_seen``."""
    limit = star_class[term]
    kept = cls < limit
    star = np.flatnonzero(cls == limit)
    star_terms = term[star]
    _, first, sizes = _runs(star_terms)
    place = np.arange(len(star)) - np.repeat(first, sizes) + star_seen[star_terms]
    kept[star[place >= star_skip[star_terms]]] = True
    star_seen[star_terms[first]] += sizes
    return kept


class _Chunks:
    """Postings encoded a slice at a time, put together in the order of their terms: a
    term's text is its parts in the slices, in the order of the slices."""

    def __init__(self, terms: int) -> None:
        self.last = np.full(terms, -1, dtype=np.int64)  # each term's last document so far
        self.count = np.zeros(terms, dtype=np.int64)  # each term's postings
        self.length = np.zeros(terms, dtype=np.int64)  # each term's characters
        self.slices: list[tuple] = []  # the text, its terms, where each one's part starts

    def add(self, term, doc, value, mask) -> None:
        text, at = _encode_postings(term, doc, value, mask, self.last)
        present, first, sizes = _runs(term)
        starts = at[first]
        self.count[present] += sizes
        self.length[present] += np.diff(np.append(starts, len(text)))
        self.slices.append((text, present, starts))

    def joined(self):
        """All the text, by term, and where each term's text starts (one more: the end);
        the slices' texts are let go on the way."""
        bounds = np.concatenate([[0], np.cumsum(self.length)])
        text = np.empty(int(bounds[-1]), dtype=np.uint8)
        placed = bounds[:-1].copy()
        self.slices.reverse()
        while self.slices:
            part, present, starts = self.slices.pop()
            lengths = np.diff(np.append(starts, len(part)))
            into = np.repeat(placed[present] - starts, lengths)
            into += np.arange(len(part))
            text[into] = part
            placed[present] += lengths
            del part, into
        return text, bounds


def _title_records(titles: list[str], keep: int) -> dict[str, list]:
    """The title terms' records, [df, postings]: a title that more than ``keep``
    articles share keeps the newest ``keep`` (the order of the caps: all have the term
    in the title, with one impact), with no tail. Each posting: impact 15, in the title."""
    docs: dict[str, list[int]] = {}
    for doc, term in enumerate(titles):
        if term:
            docs.setdefault(term, []).append(doc)
    value = fmt.digit(4 * fmt.IMPACT_LEVELS + 2)
    return {
        term: [len(found), _postings((doc, value) for doc in found[-keep:])]
        for term, found in docs.items()
    }


def _date_records(dates: list[dict[str, int]]) -> dict[str, list]:
    """The date terms' records, [df, postings], every posting kept (format.py): each
    with its impact, out of the title."""
    docs: dict[str, list[tuple[int, int]]] = {}
    for doc, found in enumerate(dates):
        for term, impact in found.items():
            docs.setdefault(term, []).append((doc, impact))
    return {
        term: [len(docs[term]), _postings((doc, fmt.digit(4 * i)) for doc, i in docs[term])]
        for term in sorted(docs)
    }


def _postings(found: Iterable[tuple[int, str]]) -> str:
    """Postings of documents in order, each its gap from the one before and its value
    (format.py)."""
    previous, postings = -1, []
    for doc, value in found:
        postings.append(fmt.varint(doc - previous - 1) + value)
        previous = doc
    return "".join(postings)


_LOCAL_BITS = 5
_LOCAL = 1 << _LOCAL_BITS  # spellings of a syllable told apart while counting


def _runs(keys, counts=None):
    """Sorted ``keys`` -> (distinct keys, where each run starts, run lengths, or the
    sums of ``counts`` over each run)."""
    if len(keys) == 0:
        return keys, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    first = np.concatenate([[0], np.flatnonzero(keys[1:] != keys[:-1]) + 1])
    if counts is None:
        sums = np.diff(np.append(first, len(keys)))
    else:
        sums = np.add.reduceat(counts, first)
    return keys[first], first, sums


def _spellings(by_docs: list[int], form_fold, forms: list[str], syllables: int):
    """Each form's bit in a posting's spellings, bit i for its syllable's i-th spelling
    by number of documents (then as text; 0 past MAX_SPELLINGS), and each syllable's
    spellings. ``by_docs``: each form's documents."""
    fold_list = form_fold.tolist()
    order = sorted(range(len(forms)), key=lambda f: (fold_list[f], -by_docs[f], forms[f]))
    rank_of = [0] * len(forms)
    ranked: dict[int, list[str]] = {}
    for f in order:
        group = ranked.setdefault(fold_list[f], [])
        rank_of[f] = len(group) if len(group) < fmt.MAX_SPELLINGS else fmt.MAX_SPELLINGS
        if len(group) < fmt.MAX_SPELLINGS:
            group.append(forms[f])
    ranks = np.array(rank_of, dtype=np.int64)
    bit = np.where(ranks < fmt.MAX_SPELLINGS, np.left_shift(1, np.minimum(ranks, 62)), 0)
    return bit, [ranked.get(n, []) for n in range(syllables)]


def _varint_lengths(values):
    length = np.ones(len(values), dtype=np.int8)
    limit = 32
    while True:
        more = values >= limit
        if not more.any():
            return length
        length += more
        limit *= 32


def _put_varints(buffer, at, values, lengths):
    alphabet = np.frombuffer(fmt.ALPHABET.encode(), dtype=np.uint8)
    for j in range(int(lengths.max()) if len(lengths) else 0):
        chosen = lengths > j
        shift = 5 * (lengths[chosen] - 1 - j)
        group = (values[chosen] >> shift) & 31
        group = group + np.where(j < lengths[chosen] - 1, 32, 0)
        buffer[at[chosen] + j] = alphabet[group]


def _encode_postings(term, doc, value, mask, last):
    """Postings sorted by term, then document, as text (format.py's encoding), and where
    each posting starts in it. A term's first posting counts its document from the
    term's in ``last`` (-1: none), which is then set to the term's last document."""
    if len(term) == 0:
        return np.zeros(0, dtype=np.uint8), np.zeros(0, dtype=np.int64)
    gap = doc.astype(np.int64)
    gap[1:] -= doc[:-1]
    gap -= 1
    new_term = np.flatnonzero(np.concatenate([[True], term[1:] != term[:-1]]))
    gap[new_term] = doc[new_term] - last[term[new_term]] - 1
    ends = np.append(new_term[1:], len(term)) - 1
    last[term[ends]] = doc[ends]
    del new_term, ends
    flag = mask != 1
    gap_len = _varint_lengths(gap)
    mask_len = np.zeros(len(term), dtype=np.int8)
    mask_len[flag] = _varint_lengths(mask[flag])
    at = np.cumsum(gap_len, dtype=np.int64)
    at += np.cumsum(mask_len, dtype=np.int64)
    at += np.arange(1, len(at) + 1)
    total = int(at[-1])
    at -= gap_len
    at -= mask_len
    at -= 1  # where each posting starts
    buffer = np.zeros(total, dtype=np.uint8)
    _put_varints(buffer, at, gap, gap_len)
    del gap
    alphabet = np.frombuffer(fmt.ALPHABET.encode(), dtype=np.uint8)
    buffer[at + gap_len] = alphabet[value * 2 + flag]
    _put_varints(buffer, (at + gap_len + 1)[flag], mask[flag], mask_len[flag])
    return buffer, at
