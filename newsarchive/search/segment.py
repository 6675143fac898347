"""One segment of the index: its articles' words in, its shard files out.

A segment of 8,192 articles holds about six million postings; building them one by one
in Python took most of a minute, so the words are gathered as arrays of numbers
(`Words`) and counted, ranked and encoded with numpy, in whole arrays.
"""

import os
import unicodedata
from array import array

# numpy's OpenBLAS starts a thread for each core when numpy is imported: 0.05-0.07 s of
# a rebuild's 0.2 s import on two cores, more on more. The index does no linear algebra.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np

from .. import folding
from . import format as fmt


class _Runs(dict):
    """A run of text between spaces -> the numbers of its words' forms (`canonical`),
    numbering new forms, as the bytes of an int array (joined in C). Text is split at
    spaces in C and whole runs are looked up: the regular expression reads only the
    runs not seen before (most of them recur), and a word never spans a space, so the
    words are the same as the text's."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, int] = {}

    def __missing__(self, run: str) -> bytes:
        forms = self.forms
        numbers = array(
            "i",
            [forms.setdefault(folding.canonical(w), len(forms)) for w in folding.WORD.findall(run)],
        ).tobytes()
        self[run] = numbers
        return numbers


class Words:
    """The words of a segment's articles, in order, as numbers."""

    def __init__(self) -> None:
        self.numbers = _Runs()
        self.words = array("i")  # form number of each word
        self.starts = array("q")  # where each part (a title, a text) starts
        self.part_doc = array("i")
        self.part_weight = array("i")
        self.titles: list[str] = []  # each article's title term (format.title_term)
        self.docs = 0

    def add(self, title: str, text: str) -> None:
        self.titles.append(fmt.title_term([folding.fold(w) for w in folding.words(title)]))
        look_up = self.numbers.__getitem__
        for part, weight in ((title, fmt.TITLE_WEIGHT), (text, 1)):
            runs = unicodedata.normalize("NFC", part).lower().split()
            self.starts.append(len(self.words))
            self.part_doc.append(self.docs)
            self.part_weight.append(weight)
            self.words.frombytes(b"".join(map(look_up, runs)))
        self.docs += 1


def encode(name: str, words: Words) -> tuple[int, dict[str, bytes]]:
    """The number of shards of the segment ``name``, and its files by name: the
    shards (0, 1, ...), the tails (t<hash>) and its syllables' documents (w)."""
    docs = words.docs
    forms = list(words.numbers.forms)  # form number -> form
    folded_of: dict[str, int] = {}
    local: list[int] = []  # a form's number among the forms of its syllable
    fold_of_form: list[int] = []
    seen: dict[int, int] = {}
    for f in forms:
        syllable = folded_of.setdefault(folding.fold(f), len(folded_of))
        fold_of_form.append(syllable)
        local.append(seen.get(syllable, 0))
        seen[syllable] = local[-1] + 1
    folded = list(folded_of)
    syllables = len(folded)
    form_fold = np.array(fold_of_form or [0], dtype=np.int64)
    # int8: indexed by every word, the result is a ninth of an int64 array's size.
    form_local = np.minimum(np.array(local or [0], dtype=np.int64), _LOCAL - 1).astype(np.int8)

    form = np.frombuffer(words.words, dtype=np.int32)
    starts = np.frombuffer(words.starts, dtype=np.int64)
    sizes = np.diff(np.append(starts, len(form)))
    doc = np.repeat(np.frombuffer(words.part_doc, dtype=np.int32), sizes)
    in_title = np.repeat(np.frombuffer(words.part_weight, dtype=np.int32) > 1, sizes)
    lengths = np.bincount(doc, minlength=docs)
    mean = int(lengths.sum()) / docs
    norm = fmt.K1 * (1.0 - fmt.B + fmt.B * lengths / mean)
    keep = fmt.cap(docs)
    longest_tail = fmt.COMPLETE_POSTINGS if docs > fmt.TAILS_FROM else -1  # -1: no tails

    # Syllables: one sort of (syllable, doc, in the title, spelling) keys gives counts,
    # title flags and spellings. Built in place: a segment has millions of words.
    word_fold = form_fold.astype(np.int32)[form]  # each word's syllable: pairs use it too
    key = word_fold.astype(np.int64)
    key *= docs
    key += doc
    key <<= _LOCAL_BITS + 1
    key[in_title] |= 1 << _LOCAL_BITS
    key |= form_local[form]
    key.sort()
    spelled, _, spelled_count = _runs(key)
    del key
    titled = (spelled >> _LOCAL_BITS) & 1
    spelled_count *= np.where(titled == 1, fmt.TITLE_WEIGHT, 1)
    keys, first, s_count = _runs(spelled >> (_LOCAL_BITS + 1), spelled_count)
    s_title = np.bitwise_or.reduceat(titled, first) if len(first) else first
    s_term, s_doc = (keys // docs).astype(np.int32), (keys % docs).astype(np.int32)
    s_count = s_count.astype(np.int32)
    s_title = s_title.astype(np.int8)
    spelled = (spelled >> (_LOCAL_BITS + 1) << _LOCAL_BITS) | (spelled & (_LOCAL - 1))
    s_mask, ranked_forms = _spellings(spelled, first, form_fold, form_local, forms, docs)
    s_mask = s_mask.astype(np.int32)  # MAX_SPELLINGS bits
    del spelled, spelled_count, first, keys, titled
    # As text now: the syllables' arrays go before the pairs' are made.
    s_text, s_bounds, s_frequency, s_kept, s_tails = _postings_text(
        s_term, s_doc, s_count, s_mask, s_title, norm, keep, longest_tail, 0, syllables
    )
    del s_term, s_doc, s_count, s_mask, s_title
    known = {
        word: df
        for word, df in zip(folded, s_frequency.tolist(), strict=True)
        if df and len(word) > fmt.VOCABULARY_KEY
    }

    # Pairs of adjacent words of one part: one sort of (pair, doc, in the title).
    adjacent = np.ones(max(len(form) - 1, 0), dtype=bool)
    ends = starts[1:] - 1
    adjacent[ends[(ends >= 0) & (ends < len(adjacent))]] = False
    key = word_fold[:-1][adjacent].astype(np.int64)
    key *= syllables
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
    del titled, first
    pair_keys, pair_first, _ = _runs(keys // docs)
    p_term = np.repeat(
        np.arange(syllables, syllables + len(pair_keys), dtype=np.int32),
        np.diff(np.append(pair_first, len(keys))),
    )
    p_doc = (keys % docs).astype(np.int32)
    p_count = p_count.astype(np.int32)
    p_title = p_title.astype(np.int8)
    del keys, pair_first

    terms = syllables + len(pair_keys)
    p_text, p_bounds, p_frequency, p_kept, p_tails = _postings_text(
        p_term, p_doc, p_count, None, p_title, norm, keep, longest_tail, syllables, terms
    )
    del p_term, p_doc, p_count, p_title
    text = s_text + p_text
    bounds = np.concatenate([s_bounds[:-1], p_bounds + len(s_text)])
    frequency = np.concatenate([s_frequency, p_frequency])
    title_records = _title_records(words.titles, keep)
    t_kept = sum(min(df, keep) for df, _ in title_records.values())
    shards = fmt.shard_count(s_kept + p_kept + t_kept)
    del s_text, p_text, s_bounds, p_bounds, s_frequency, p_frequency
    firsts, seconds = pair_keys // syllables, pair_keys % syllables
    del pair_keys

    def term_name(t: int) -> str:  # made when needed: a segment has a million pairs
        if t < syllables:
            return folded[t]
        return f"{folded[int(firsts[t - syllables])]} {folded[int(seconds[t - syllables])]}"

    # One shard's records at a time: all of them at once would take hundreds of MB.
    live = np.flatnonzero(frequency)
    shard_of = np.fromiter(
        (fmt.term_hash(term_name(t)) % shards for t in live.tolist()), np.int64, len(live)
    )
    order = np.argsort(shard_of, kind="stable")
    live = live[order]
    cuts = np.searchsorted(shard_of[order], np.arange(shards + 1)).tolist()
    del shard_of, order
    titles_of: dict[int, dict[str, list]] = {}
    for title, title_record in title_records.items():
        titles_of.setdefault(fmt.term_hash(title) % shards, {})[title] = title_record
    files: dict[str, bytes] = {}
    for number in range(shards):
        chosen = live[cuts[number] : cuts[number + 1]]
        records: dict[str, list] = titles_of.get(number, {})
        for t, df, start, end in zip(
            chosen.tolist(),
            frequency[chosen].tolist(),
            bounds[chosen].tolist(),
            bounds[chosen + 1].tolist(),
            strict=True,
        ):
            record: list = [df, text[start:end]]
            if t < syllables:
                record.append(ranked_forms[t])
            records[term_name(t)] = record
        files[str(number)] = fmt.script(f"s/{name}/{number}", records)
    # The tails: a file for each hash of a term that has one (almost always one term).
    tails: dict[str, dict[str, str]] = {}
    for (text, bounds, which), low in ((s_tails, 0), (p_tails, syllables)):
        for t, start, end in zip(
            which.tolist(),
            bounds[which - low].tolist(),
            bounds[which - low + 1].tolist(),
            strict=True,
        ):
            term = term_name(t)
            tails.setdefault(fmt.tail_name(term), {})[term] = text[start:end]
    for file, tail in sorted(tails.items()):
        files[file] = fmt.script(f"s/{name}/{file}", tail)
    files["w"] = fmt.script(f"s/{name}/w", known)  # for the vocabulary (writer)
    return shards, files


def _title_records(titles: list[str], keep: int) -> dict[str, list]:
    """The title terms' records, [df, postings]: a title that more than ``keep``
    articles share keeps the newest ``keep`` (the order of the caps: all have the term
    in the title, with one impact), with no tail. Each posting: impact 15, in the title."""
    docs: dict[str, list[int]] = {}
    for doc, term in enumerate(titles):
        if term:
            docs.setdefault(term, []).append(doc)
    records = {}
    value = fmt.digit(4 * fmt.IMPACT_LEVELS + 2)
    for term, found in docs.items():
        previous, postings = -1, []
        for doc in found[-keep:]:
            postings.append(fmt.varint(doc - previous - 1) + value)
            previous = doc
        records[term] = [len(found), "".join(postings)]
    return records


def _postings_text(term, doc, count, mask, title, norm, keep, longest, low, high):
    """The postings of terms ``low``..``high - 1`` (sorted by term, then document) as
    text (format.py's encoding): (the text, where each term's part starts, the number
    of documents of each term, the postings kept, the tails). A term in more than
    ``keep`` documents keeps ``keep`` postings: in the title first, then the highest
    impact, then the newest document; the others are its tail, kept apart (as text,
    where each term's part starts, the terms that have one) when there are at most
    ``longest`` of them (-1: no tails). ``mask`` None: every posting's mask is 1 (pairs)."""
    scaled = count * (fmt.K1 + 1.0) / (count + norm[doc]) / (fmt.K1 + 1.0)
    impact = np.clip(np.rint(scaled * fmt.IMPACT_LEVELS), 1, fmt.IMPACT_LEVELS).astype(np.int8)
    del scaled, count
    value = impact.astype(np.int16) * 2 + title
    frequency = np.bincount(term - low, minlength=high - low)
    over = np.flatnonzero(frequency[term - low] > keep)
    tails = ("", np.zeros(high - low + 1, dtype=np.int64), np.zeros(0, dtype=np.int64))
    if len(over):
        best = term[over].astype(np.int64)
        best <<= 1
        best |= 1 - title[over]
        best <<= 5
        best |= fmt.IMPACT_LEVELS - impact[over]
        best <<= 30
        best |= (1 << 30) - 1 - doc[over]
        order = np.argsort(best)  # the keys are distinct
        del best
        ranked_terms = term[over][order]
        _, group, _ = _runs(ranked_terms)
        starts_of = np.repeat(group, np.diff(np.append(group, len(ranked_terms))))
        dropped = over[order][np.arange(len(order)) - starts_of >= keep]
        del over, order, ranked_terms, group, starts_of
        dropped.sort()  # by term, then document
        tail = dropped[frequency[term[dropped] - low] - keep <= longest]
        if len(tail):
            text, bounds = _encode_postings(
                term[tail], doc[tail], value[tail], None if mask is None else mask[tail], low, high
            )
            tails = (text, bounds, np.unique(term[tail]))
        del tail
        kept = np.ones(len(term), dtype=bool)
        kept[dropped] = False
        term, doc, value = term[kept], doc[kept], value[kept]
        mask = None if mask is None else mask[kept]
        del dropped, kept
    del impact, title
    text, bounds = _encode_postings(term, doc, value, mask, low, high)
    return text, bounds, frequency, len(term), tails


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


def _spellings(spelled, first, form_fold, form_local, forms, docs):
    """Each (syllable, doc) posting's spellings as bits, bit i for the syllable's i-th
    spelling by number of documents (then as text), and each syllable's spellings.
    ``spelled``: the sorted distinct (syllable, doc, local spelling number) keys;
    ``first``: where each (syllable, doc) starts among them."""
    local_of = spelled & (_LOCAL - 1)
    syllable_of = (spelled >> _LOCAL_BITS) // docs
    table = np.full((int(form_fold.max()) + 1, _LOCAL), -1, dtype=np.int64)
    table[form_fold, form_local] = np.arange(len(forms))
    by_docs = np.bincount(table[syllable_of, local_of], minlength=len(forms)).tolist()
    fold_list = form_fold.tolist()
    order = sorted(range(len(forms)), key=lambda f: (fold_list[f], -by_docs[f], forms[f]))
    rank_of = [0] * len(forms)
    ranked: dict[int, list[str]] = {}
    for f in order:
        group = ranked.setdefault(fold_list[f], [])
        rank_of[f] = len(group) if len(group) < fmt.MAX_SPELLINGS else fmt.MAX_SPELLINGS
        if len(group) < fmt.MAX_SPELLINGS:
            group.append(forms[f])
    ranks = np.array(rank_of or [0], dtype=np.int64)
    placed = np.where(table >= 0, ranks[np.maximum(table, 0)], fmt.MAX_SPELLINGS)
    bit = np.where(placed < fmt.MAX_SPELLINGS, np.left_shift(1, np.minimum(placed, 62)), 0)
    masks = np.bitwise_or.reduceat(bit[syllable_of, local_of], first) if len(first) else first
    return masks, [ranked.get(n, []) for n in range(len(table))]


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


def _encode_postings(term, doc, value, mask, low, high):
    """The postings of terms ``low``..``high - 1`` as text (format.py's encoding); one
    string and where each term's part starts. ``mask`` None: all 1."""
    if len(term) == 0:
        return "", np.zeros(high - low + 1, dtype=np.int64)
    gap = doc.astype(np.int64)
    gap[1:] -= doc[:-1]
    gap -= 1
    new_term = np.concatenate([[True], term[1:] != term[:-1]])
    gap[new_term] = doc[new_term]  # the first: doc - (-1) - 1
    del new_term
    flag = np.zeros(len(term), dtype=bool) if mask is None else mask != 1
    gap_len = _varint_lengths(gap)
    mask_len = np.zeros(len(term), dtype=np.int8)
    if mask is not None:
        mask_len[flag] = _varint_lengths(mask[flag])
    at = np.cumsum(gap_len, dtype=np.int64)
    at += np.cumsum(mask_len, dtype=np.int64)
    at += np.arange(1, len(at) + 1)
    total = int(at[-1]) if len(at) else 0
    at -= gap_len
    at -= mask_len
    at -= 1  # where each posting starts
    buffer = np.zeros(total, dtype=np.uint8)
    _put_varints(buffer, at, gap, gap_len)
    del gap
    alphabet = np.frombuffer(fmt.ALPHABET.encode(), dtype=np.uint8)
    buffer[at + gap_len] = alphabet[value * 2 + flag]
    if mask is not None:
        _put_varints(buffer, (at + gap_len + 1)[flag], mask[flag], mask_len[flag])
    ends = np.concatenate([at, [len(buffer)]])
    starts_of_terms = np.searchsorted(term, np.arange(low, high + 1))
    return buffer.tobytes().decode("ascii"), ends[starts_of_terms]
