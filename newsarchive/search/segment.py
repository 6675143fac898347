"""One segment of the index: its articles' words in, its shard files out.

A segment of 8,192 articles holds about six million postings; building them one by one
in Python took most of a minute, so the words are gathered as arrays of numbers
(`Words`) and counted, ranked and encoded with numpy, in whole arrays.
"""

import unicodedata
from array import array

import numpy as np

from .. import folding
from . import format as fmt


class _Forms(dict):
    """Word as written -> number of its form (`canonical`), numbering new forms."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, int] = {}

    def __missing__(self, written: str) -> int:
        form = folding.canonical(written)
        number = self.forms.setdefault(form, len(self.forms))
        self[written] = number
        return number


class Words:
    """The words of a segment's articles, in order, as numbers."""

    def __init__(self) -> None:
        self.numbers = _Forms()
        self.words = array("i")  # form number of each word
        self.starts = array("q")  # where each part (a title, a text) starts
        self.part_doc = array("i")
        self.part_weight = array("i")
        self.docs = 0

    def add(self, title: str, text: str) -> None:
        numbers = self.numbers
        for part, weight in ((title, fmt.TITLE_WEIGHT), (text, 1)):
            written = folding.WORD.findall(unicodedata.normalize("NFC", part).lower())
            self.starts.append(len(self.words))
            self.part_doc.append(self.docs)
            self.part_weight.append(weight)
            self.words.extend([numbers[w] for w in written])
        self.docs += 1


def encode(name: str, words: Words) -> list[bytes]:
    """The shard files of the segment ``name``."""
    docs = words.docs
    forms = list(words.numbers.forms)  # form number -> form
    folded_of: dict[str, int] = {}
    form_fold = np.array(
        [folded_of.setdefault(folding.fold(f), len(folded_of)) for f in forms] or [0],
        dtype=np.int64,
    )
    folded = list(folded_of)
    syllables = len(folded)

    form = np.frombuffer(words.words, dtype=np.int32).astype(np.int64)
    starts = np.frombuffer(words.starts, dtype=np.int64)
    sizes = np.diff(np.append(starts, len(form)))
    doc = np.repeat(np.frombuffer(words.part_doc, dtype=np.int32), sizes).astype(np.int64)
    weight = np.repeat(np.frombuffer(words.part_weight, dtype=np.int32), sizes)
    fold = form_fold[form]
    lengths = np.bincount(doc, minlength=docs)

    # Syllables: (term, doc) -> weighted count.
    keys, inverse = np.unique(fold * docs + doc, return_inverse=True)
    s_count = np.bincount(inverse, weights=weight).astype(np.int64)
    s_term, s_doc = keys // docs, keys % docs
    s_mask = _spelling_masks(form, doc, form_fold, forms, keys, docs)
    ranked_forms = s_mask[1]
    s_mask = s_mask[0]

    # Pairs of adjacent words of one part.
    adjacent = np.ones(max(len(form) - 1, 0), dtype=bool)
    ends = starts[1:] - 1
    adjacent[ends[(ends >= 0) & (ends < len(adjacent))]] = False
    left, right = fold[:-1][adjacent], fold[1:][adjacent]
    pair_keys, pair_of = np.unique(left * syllables + right, return_inverse=True)
    keys, inverse = np.unique(pair_of * docs + doc[:-1][adjacent], return_inverse=True)
    p_count = np.bincount(inverse, weights=weight[:-1][adjacent]).astype(np.int64)
    p_term, p_doc = keys // docs + syllables, keys % docs
    del form, doc, weight, fold, left, right, keys, inverse, pair_of

    term = np.concatenate([s_term, p_term])
    doc = np.concatenate([s_doc, p_doc])
    count = np.concatenate([s_count, p_count])
    mask = np.concatenate([s_mask, np.ones(len(p_term), dtype=np.int64)])
    terms = syllables + len(pair_keys)
    names = folded + [
        f"{folded[a]} {folded[b]}"
        for a, b in zip(
            (pair_keys // syllables).tolist(), (pair_keys % syllables).tolist(), strict=True
        )
    ]

    mean = int(lengths.sum()) / docs
    norm = fmt.K1 * (1.0 - fmt.B + fmt.B * lengths / mean)
    scaled = count * (fmt.K1 + 1.0) / (count + norm[doc]) / (fmt.K1 + 1.0)
    impact = np.clip(np.rint(scaled * fmt.IMPACT_LEVELS), 1, fmt.IMPACT_LEVELS).astype(np.int64)

    frequency = np.bincount(term, minlength=terms)
    keep = fmt.cap(docs)
    if (frequency > keep).any():
        order = np.lexsort((-doc, -impact, term))
        first = np.concatenate([[0], np.cumsum(frequency)[:-1]])
        rank = np.empty(len(term), dtype=np.int64)
        rank[order] = np.arange(len(term)) - first[term[order]]
        kept = rank < keep
        term, doc, impact, mask = term[kept], doc[kept], impact[kept], mask[kept]

    text, bounds = _encode_postings(term, doc, impact, mask, syllables, terms)
    kept_count = np.bincount(term, minlength=terms)
    shards = fmt.shard_count(len(term))
    files: list[dict[str, list]] = [{} for _ in range(shards)]
    for number, (name_, df, start, end) in enumerate(
        zip(names, frequency.tolist(), bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)
    ):
        if df == 0:
            continue
        record: list = [df, text[start:end]]
        if number < syllables:
            record.append(ranked_forms[number])
        files[fmt.term_hash(name_) % shards][name_] = record
    del kept_count
    return [fmt.script(f"s/{name}/{n}", shard) for n, shard in enumerate(files)]


def _spelling_masks(form, doc, form_fold, forms, keys, docs):
    """Each (syllable, doc) posting's spellings as bits, bit i for the syllable's i-th
    spelling by number of documents (then as text); and each syllable's spellings."""
    pairs = np.unique(form * docs + doc)
    p_form, p_doc = pairs // docs, pairs % docs
    by_docs = np.bincount(p_form, minlength=len(forms))
    text_rank = np.empty(len(forms), dtype=np.int64)
    text_rank[sorted(range(len(forms)), key=forms.__getitem__)] = np.arange(len(forms))
    order = np.lexsort((text_rank, -by_docs, form_fold))  # forms by syllable, best first
    rank = np.empty(len(forms), dtype=np.int64)
    groups = form_fold[order]
    first = np.searchsorted(groups, groups)  # where each syllable's forms start
    rank[order] = np.arange(len(forms)) - first
    ranked: dict[int, list[str]] = {}
    for number in order.tolist():
        if rank[number] < fmt.MAX_SPELLINGS:
            ranked.setdefault(int(form_fold[number]), []).append(forms[number])
    bits = np.where(rank < fmt.MAX_SPELLINGS, np.left_shift(1, np.minimum(rank, 62)), 0)
    posting = np.searchsorted(keys, form_fold[p_form] * docs + p_doc)
    masks = np.zeros(len(keys), dtype=np.int64)
    np.bitwise_or.at(masks, posting, bits[p_form])
    return masks, [ranked.get(n, []) for n in range(int(form_fold.max()) + 1)]


def _varint_lengths(values):
    length = np.ones(len(values), dtype=np.int64)
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


def _encode_postings(term, doc, impact, mask, syllables, terms):
    """Every term's postings as text (format.py's encoding); one string and where each
    term's part starts."""
    previous = np.concatenate([[-1], doc[:-1]])
    new_term = np.concatenate([[True], term[1:] != term[:-1]])
    previous[new_term] = -1
    gap = doc - previous - 1
    flag = (mask != 1) & (term < syllables)
    gap_len = _varint_lengths(gap)
    mask_len = np.where(flag, _varint_lengths(np.where(flag, mask, 0)), 0)
    size = gap_len + 1 + mask_len
    at = np.concatenate([[0], np.cumsum(size)[:-1]])
    buffer = np.zeros(int(size.sum()), dtype=np.uint8)
    _put_varints(buffer, at, gap, gap_len)
    alphabet = np.frombuffer(fmt.ALPHABET.encode(), dtype=np.uint8)
    buffer[at + gap_len] = alphabet[impact * 2 + flag]
    _put_varints(buffer, (at + gap_len + 1)[flag], mask[flag], mask_len[flag])
    ends = np.concatenate([at, [len(buffer)]])
    starts_of_terms = np.searchsorted(term, np.arange(terms + 1))
    return buffer.tobytes().decode("ascii"), ends[starts_of_terms]
