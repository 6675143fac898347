"""The index's file format (docs/search-format.md), shared by the writer and the engine.

Everything here has a twin in static/js/search-engine.js that must compute the same
thing bit for bit: the file wrapper, the number encoding, the term hash and the
logarithm of the ranking formula (tests/test_search_engine.py compares the two).
"""

import json
import zlib
from collections.abc import Iterable, Iterator

VERSION = 15
MANIFEST = "index"  # the name of the manifest: index.js
STAMP = "newsarchive-fingerprint.txt"  # digest of the manifest, written last (see writer)
DOC_CHUNK = 8  # documents per file of titles and addresses (d<n>.js)
# A segment's shards hold about this many postings each: a query fetches one shard per
# term and segment, neighbours included, so small shards keep a query's bytes small.
SHARD_POSTINGS = 256
# A term keeps, in each segment, the postings of its highest-impact documents: one in
# CAP_SHARE of the segment's documents, at least CAP_MIN, at most CAP_MAX. A term in
# that many documents adds little to a score (its idf is small), and its whole list
# would be most of a query's bytes.
CAP_SHARE = 8
CAP_MIN = 64
CAP_MAX = 1024
# The postings a capped term leaves out of its shard (its *tail*) are written apart, in
# s/<segment>/t<hash>.js, when there are at most COMPLETE_POSTINGS of them: the engine
# *completes* a query's rarest capped terms, reading their tails, as long as the
# postings read stay within COMPLETE_POSTINGS in all (docs/search-format.md). A term
# with more is in most articles: it ranks with its head alone.
COMPLETE_POSTINGS = 32_000
# Only segments of more than TAILS_FROM documents have tails: there the cap keeps less
# than one in CAP_SHARE of a term's documents (1 in 64 at 65,536), and a term's tail is
# what finds its article. Smaller segments keep one in CAP_SHARE, which ranks well
# without (10,000 articles: the same success@10), and are made and removed as the
# counter carries: tails there would double the index's size and add some 14 files an
# addition in the long run.
TAILS_FROM = CAP_MAX * CAP_SHARE
# The vocabulary: the syllables (folded, of 3 or more characters, numbers too) of at
# least VOCABULARY_DOCS articles, for a query's last word while it is being typed
# (docs/search-format.md). Each segment lists its syllables and their documents
# (s/<segment>/w.js) for the writer; the vocabulary is their sum, in VOCABULARY_FILES
# files (v/<n>.js) by a hash of the first two characters, so that a word begun fetches
# one small file. The engine adds to the word typed the first COMPLETIONS words that
# begin with it, when the first of those is in twice as many articles or more (`tru`,
# which is a word, while `trung` is being typed; not `ba` while `ban` may be).
VOCABULARY_DOCS = 2
VOCABULARY_FILES = 64
VOCABULARY_KEY = 2  # characters of a word that choose its file
COMPLETIONS = 5
MAX_QUERY_WORDS = 12  # words of a query after these are left out: bytes stay bounded
# ... but for this many numbers among them: a year or a count tells an annual event's
# article from the others (a title typed with a word left out, `… thiên tai 2019`).
MAX_QUERY_NUMBERS = 4
# An article's *title term*: TITLE_MARK and its title's syllables (all of them), one
# term whatever its length. A query whose syllables are an article's title puts that
# article first; looking the term up costs one shard a segment, however long the query.
TITLE_MARK = "="  # no word has it: a title term is never a syllable or a pair
MAX_SPELLINGS = 24  # spellings per term and segment that can earn the exact bonus

# Ranking: BM25 over folded syllables, with pairs of adjacent syllables as extra terms.
K1 = 1.2
B = 0.3  # length normalisation: weak (B = 0.75 sank long articles among short ones)
TITLE_WEIGHT = 4  # a word of the title counts as this many words of the text
IMPACT_LEVELS = 15  # impacts stored as 1..15 (with two flags: one character)
PAIR_WEIGHT = 6.0  # a pair of adjacent query words found adjacent in the text
TITLE_BONUS = 0.0  # added to a syllable's impact when the article's title has it
PAIR_TITLE_BONUS = 0.0  # added to a pair's impact when the article's title has it
EXACT_BONUS = 0.5  # the word's weight grows by this share when spelled as typed
# A query of TITLE_PHRASE_PAIRS pairs or more lists the articles whose title has every
# pair (its words side by side, as a title's beginning typed) after the article whose
# title is the query, before the others: with or without diacritics, the scores of long
# texts full of the words (`Hội thi … Đảng ủy cơ quan …` for `dang uy khoi cac co quan`)
# no longer put another article above the one whose title reads so.
TITLE_PHRASE_PAIRS = 2
# A query of SOME_WORDS words or more that no article has all of may ask for the
# articles that have half of them at least: a reader adds words the text does not have
# (`bài viết về …`, `ông …` where it says `đồng chí`). Those with more, and rarer, of
# the words rank first, by their scores.
SOME_WORDS = 3
# ... and a quoted phrase stays required there, unless the query's quoted words make
# PASTED_PAIRS pairs or more: a title or a sentence pasted with its quotes (`Hội thảo “An
# toàn thông tin trong cơ quan, doanh nghiệp …”`), where a word left out, or one more,
# found nothing at all. Its pairs still rank the articles that have it first.
PASTED_PAIRS = 5
# A *date term* (terms.date_term, `7/1/2022`: no word has a slash): an article has the
# date it shows, at DATE_SHOWN_IMPACT, and each other date its title or text writes
# (`ngày 07/01/2022`), at DATE_WRITTEN_IMPACT; a query with the date asks for it. A date
# alone lists the articles of that day first, then those that write it. Its postings
# are never capped (a day has a few articles): the term is whole in every segment.
DATE_SHOWN_IMPACT = IMPACT_LEVELS
DATE_WRITTEN_IMPACT = 5
# A query's range of days (`1/1/2020 - 31/1/2020`, terms.parse_query) finds the articles
# that show a day of it, at DATE_SHOWN_IMPACT, from the *calendar* of each segment
# (s/<segment>/c.js: calendar), one small file whatever the range's length: a date term
# a day would cost a shard a day and segment.


def calendar(days: list[int]) -> str:
    """The calendar of a segment whose documents show ``days`` (terms.day_number; 0: no
    date), in order: each run of documents of one day, its day less the run's before
    (zigzag: the documents are oldest first, but a run may go back) and its documents
    less one, as varints (`calendar_runs` reads them)."""
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][0] == day:
            runs[-1][1] += 1
        else:
            runs.append([day, 1])
    previous, text = 0, []
    for day, count in runs:
        gap = day - previous
        text.append(varint(2 * gap if gap >= 0 else -2 * gap - 1) + varint(count - 1))
        previous = day
    return "".join(text)


def calendar_runs(text: str) -> Iterator[tuple[int, int]]:
    """The runs of a calendar: (day, documents)."""
    reader, day = Reader(text), 0
    while reader.more():
        gap = reader.varint()
        day += gap // 2 if gap % 2 == 0 else -(gap + 1) // 2
        yield day, reader.varint() + 1


def some_needed(words: int) -> int:
    """Of a query's ``words``, how many an article lacking some must have."""
    return words - words // 2


# Numbers as text: 64 characters that need no escaping in a JSON string. A varint is
# big-endian groups of 5 bits; the last group is one of the first 32 characters, the
# others one of the last 32. A "digit" is one character of 6 bits.
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
_VALUE = {char: i for i, char in enumerate(ALPHABET)}


def varint(number: int) -> str:
    groups = [ALPHABET[number & 31]]
    number >>= 5
    while number:
        groups.append(ALPHABET[32 + (number & 31)])
        number >>= 5
    return "".join(reversed(groups))


def digit(number: int) -> str:
    return ALPHABET[number]


class Reader:
    """Reads varints and digits from an encoded string, in order."""

    def __init__(self, text: str):
        self.text, self.at = text, 0

    def more(self) -> bool:
        return self.at < len(self.text)

    def varint(self) -> int:
        number = 0
        while True:
            value = _VALUE[self.text[self.at]]
            self.at += 1
            if value < 32:
                return number * 32 + value
            number = number * 32 + value - 32

    def digit(self) -> int:
        value = _VALUE[self.text[self.at]]
        self.at += 1
        return value


def term_hash(term: str) -> int:
    """CRC-32 of the term's UTF-8 bytes: which shard holds the term."""
    return zlib.crc32(term.encode("utf-8"))


def layout() -> str:
    """What a segment's files depend on besides its documents: a segment's name
    digests it, so an index made with other constants is written anew."""
    return f"{VERSION} {CAP_SHARE} {CAP_MIN} {CAP_MAX} {COMPLETE_POSTINGS} {TAILS_FROM}"


def tail_name(term: str) -> str:
    """The file of a segment holding the tail of ``term`` (and of any other capped term
    of the segment with the same hash): t<hash in hex>."""
    return f"t{term_hash(term):x}"


def shard_count(postings: int) -> int:
    """Shards of a segment holding ``postings``: a power of two, SHARD_POSTINGS each."""
    count = 1
    while count * SHARD_POSTINGS < postings:
        count *= 2
    return count


def cap(size: int) -> int:
    """How many postings a term keeps in a segment of ``size`` documents."""
    return min(CAP_MAX, max(CAP_MIN, -(-size // CAP_SHARE)))


def segment_sizes(count: int) -> list[int]:
    """The segments of ``count`` documents, oldest first: its binary digits, largest
    first (11 -> 8, 2, 1). Adding a document changes only the smallest segments, as
    a binary counter carries."""
    sizes, bit = [], 1 << max(count.bit_length() - 1, 0)
    while bit:
        if count & bit:
            sizes.append(bit)
        bit >>= 1
    return sizes


LN2 = 0.6931471805599453


def ln(x: float) -> float:
    """Natural logarithm of x >= 1 with + - * / only, so that JavaScript gets the same
    bits (Math.log and C's log may differ in the last bit)."""
    k = 0
    while x >= 2.0:
        x /= 2.0
        k += 1
    t = (x - 1.0) / (x + 1.0)  # ln x = 2 atanh t, 0 <= t < 1/3
    t2 = t * t
    term, total = t, 0.0
    for n in range(1, 40, 2):
        total += term / n
        term *= t2
    return k * LN2 + 2.0 * total


def idf(documents: int, frequency: int) -> float:
    return ln(1.0 + (documents - frequency + 0.5) / (frequency + 0.5))


def impact(count: int, length: int, mean_length: float) -> int:
    """A term's BM25 weight in a document without its idf, as 1..IMPACT_LEVELS."""
    norm = K1 * (1.0 - B + B * length / mean_length)
    weight = count * (K1 + 1.0) / (count + norm)
    return max(1, min(IMPACT_LEVELS, round(weight / (K1 + 1.0) * IMPACT_LEVELS)))


def script(name: str, data: object) -> bytes:
    """A file of the index: a script that hands its data to the engine, so that pages
    opened from files (file://, where fetch is refused) can load it with <script>."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"newsarchiveSearch.add({json.dumps(name)},{body});\n".encode()


def read_script(data: bytes) -> tuple[str, object]:
    text = data.decode("utf-8")
    prefix = "newsarchiveSearch.add("
    if not text.startswith(prefix) or not text.endswith(");\n"):
        raise ValueError("not an index file")
    name, end = json.JSONDecoder().raw_decode(text, len(prefix))
    return name, json.loads(text[end + 1 : -3])


def title_term(syllables: list[str]) -> str:
    """`Hai Bà Trưng` (as syllables) -> `=hai ba trung`; "" for a title without words."""
    return TITLE_MARK + " ".join(syllables) if syllables else ""


def pairs(items: Iterable[str]) -> Iterator[str]:
    """Adjacent syllables as one term: `hai ba trung` -> `hai ba`, `ba trung`."""
    previous = None
    for item in items:
        if previous is not None:
            yield f"{previous} {item}"
        previous = item


def vocabulary_file(word: str) -> str:
    """The vocabulary file of the words that begin as ``word`` does: v<n>."""
    return f"v/{term_hash(word[:VOCABULARY_KEY]) % VOCABULARY_FILES}"


def magnitude(frequency: int) -> int:
    """A word's documents to the power of two: the vocabulary lists words by it (then
    alphabetically), so that adding an article seldom changes a vocabulary file."""
    return frequency.bit_length()
