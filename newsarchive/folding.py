"""Vietnamese words as the search index holds them, and why.

Pagefind matches a query word against the beginning of indexed words, ignoring
diacritics, and ranks the exact spelling higher. On a 10,000-article Vietnamese archive
that costs too much: every syllable is a short word, most of them differ only by their
diacritics, and Pagefind keeps the diacritic spellings of a word apart from the bare word
when it splits its index into files, so a query downloaded files holding dozens of
common words (over a megabyte for five). Vietnamese also needs two foldings Pagefind
does not make:

- `đ` is a letter of its own, not `d` plus a mark, so `dong chi` would not find
  `đồng chí`;
- the tone of `oa`, `oe`, `uy` at the end of a syllable is written on either vowel
  (`hòa`/`hoà`, `khỏe`/`khoẻ`, `thủy`/`thuỷ`), and both spellings are the same word.

So the index holds each word as *search tokens* of plain letters (Pagefind would split
a word at its digits and index the parts too): its *folded token*, the word without
diacritics (`đ` -> `d`) between two `z`s (`đường`, `dương`, `duong` -> `zduongz`), and,
when it has diacritics, its *exact token*: the folded token followed by the diacritics
spelled out and a `z` (`đường` -> `zduongzadehghfz`: letter a has đ, letter e a horn,
letter g a horn and a grave accent). Numbers stay as they are. Both kinds are plain
words to Pagefind, so it files each in one index file, and the tokens of a word sit side
by side. The search page asks for the folded tokens of the query, and for the exact
ones, whose articles it lists first. (Asking for `zduongz` alone and letting Pagefind
match it as the beginning of the exact tokens is not enough: it looks for a query word
in one index file only, and a family of exact tokens can span two.) static/js/search.js
holds the same rules in JavaScript; a browser test keeps the two in step. The tokens go
into a hidden search record on each article page (see templates/article.html).
"""

import re
import unicodedata
from functools import cache
from importlib.resources import files

# The five tone marks as combining characters (grave, acute, tilde, hook, dot below).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# How each mark is spelled in a token (any other mark is "o"), after the letter that
# says where it is: positions and marks use distinct letters, and neither uses "z",
# so no token begins another one.
_MARK_LETTERS = {
    "\u0306": "b",  # breve: ă
    "\u0302": "c",  # circumflex: â ê ô
    "\u031b": "h",  # horn: ơ ư
    "\u0300": "f",  # the tones, as Telex types them
    "\u0301": "s",
    "\u0309": "r",
    "\u0303": "x",
    "\u0323": "j",
}
_STROKE = "d"  # đ
_POSITIONS = "aegiklmnpqtuvwy"  # the 15th letter and later share the last one
_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"[0-9]+")
# A syllable ending in one of the variable diphthongs; after "q" the "u" belongs to
# the consonant (quý), so the tone stays where it is.
_VARIABLE_ENDING = re.compile(r"(?<!q)(?:oa|oe|uy)$")


# Cached: a language has a few thousand syllables, an archive millions of words.
@cache
def _canonical_tone(word: str) -> str:
    """`hoà` -> `hòa`: the tone of a final oa/oe/uy on its first vowel."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONES]
    if len(tones) == 1:
        base = "".join(ch for ch in decomposed if ch not in _TONES)
        ending = _VARIABLE_ENDING.search(base)
        if ending:
            first = ending.start() + 1
            decomposed = base[:first] + tones[0] + base[first:]
    return unicodedata.normalize("NFC", decomposed)


def words(text: str) -> list[str]:
    """The words of `text` in lower case, one tone placement: `HOÀ bình,` -> `hòa`, `bình`."""
    return [_canonical_tone(word) for word in _spellings(text)]


def _spellings(text: str) -> list[str]:
    """The words of `text` in lower case, as written."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def _bare_and_marks(word: str) -> tuple[str, str]:
    bare, marks = [], []
    for index, char in enumerate(word):
        position = _POSITIONS[min(index, len(_POSITIONS) - 1)]
        if char == "đ":
            bare.append("d")
            marks.append(position + _STROKE)
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, combining = decomposed[0], decomposed[1:]
        bare.append(base)
        if combining:
            marks.append(position + "".join(_MARK_LETTERS.get(m, "o") for m in combining))
    return "".join(bare), "".join(marks)


@cache
def folded_token(word: str) -> str:
    """The token every spelling of `word` has: `Đường` -> `zduongz`; `2019` -> `2019`."""
    bare = _bare_and_marks(word)[0]
    return bare if _NUMBER.fullmatch(bare) else f"z{bare}z"


@cache
def exact_token(word: str) -> str:
    """The token of this spelling only: `đường` -> `zduongzadehghfz`. A word typed
    without diacritics means any spelling: `duong` -> `zduongz`, its folded token."""
    marks = _bare_and_marks(word)[1]
    return f"{folded_token(word)}{marks}z" if marks else folded_token(word)


def _common_words() -> dict[str, int]:
    lines = files(__package__).joinpath("common_words.txt").read_text(encoding="utf-8")
    common = [line for line in lines.splitlines() if line and not line.startswith("#")]
    ranks: dict[str, int] = {}
    for rank, word in enumerate(common):
        for form in words(word):  # "uỷ" is "ủy", as in the text
            ranks.setdefault(form, rank)
    return ranks


# Read once: a constant table, like the regular expressions above.
_COMMON = _common_words()


def search_words(text: str, leave_out: str = "") -> str:
    """The search record of `text`: the tokens of each distinct word, once, those of
    the most frequent Vietnamese words first (in newsarchive/common_words.txt order),
    without the words of `leave_out` (the title, which has a record of its own).

    Pagefind stores, for each token, the position of its first word in each article.
    Common words then sit at small, similar positions in every article, which makes
    their entries in the index (the largest ones) compress better: by about a third
    on the benchmark archive.

    Tokens per word, not per occurrence: Pagefind stores every position of every
    indexed word, and on a 10,000-article archive the positions of common words made a
    single query download megabytes. Ranking loses term counts, which matter little in
    short news articles; titles keep a higher weight.
    """
    left_out = set(words(leave_out))
    # Each distinct spelling once (its first occurrence keeps its place) before the
    # tone placement: a news article repeats most of its words.
    spellings = dict.fromkeys(_spellings(text))
    found = dict.fromkeys(w for w in map(_canonical_tone, spellings) if w not in left_out)
    rare = len(_COMMON)
    ordered = sorted(found, key=lambda word: _COMMON.get(word, rare))  # stable: text order
    tokens = (token for word in ordered for token in (folded_token(word), exact_token(word)))
    return " ".join(dict.fromkeys(tokens))
