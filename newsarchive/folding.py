"""Vietnamese words as the search index holds them: one form per word, and one
without diacritics for every spelling of it.

Two foldings matter for Vietnamese that a plain "remove the accents" does not make:

- `đ` is a letter of its own, not `d` plus a mark, so `dong chi` would not find
  `đồng chí`: it folds to `d`. Its look-alike `Ð` (U+00D0, lower case `ð`), which text
  converted from old Vietnamese encodings often has instead, is read as `đ`;
- the tone of `oa`, `oe`, `uy` at the end of a syllable is written on either vowel
  (`hòa`/`hoà`, `khỏe`/`khoẻ`, `thủy`/`thuỷ`), and both spellings are the same word:
  `words` puts it on the first vowel;
- after a consonant, a syllable whose only vowel is `i` or `y` is written either way
  (`lý`/`lí`, `kỳ`/`kì`, `quý`/`quí`, `sỹ`/`sĩ`, `Mỹ`/`Mĩ`): two spelling rules are taught,
  the portal wrote mostly `y`, and a reader typing `quan li` found none of its `quản lý`.
  `words` writes it `i`. Not `y` alone (`ý kiến`), nor `uy` (`phát huy` is not `hụi`).

`words` gives a text's words (NFC, lower case, one tone placement, without a soft
hyphen or joiner inside them): the *spellings*
the index keeps, so that the spelling typed can rank higher. `fold` gives the word
without diacritics (`Đường`, `dương`, `duong` -> `duong`): the index's terms.
Letters and digits together make one word (`g1`, `2019`, `qđ`), so a number is found
whole and never as the beginning of another (`12` is not `1234`). A number's leading
zeros do not count (`03` -> `3`): the pages show dates as `05/03/2020` and articles
write them `5/3/2020`, and a reader types either.

static/js/search-engine.js holds the same rules in JavaScript; a browser test keeps the
two in step (tests/test_search_engine.py).
"""

import re
import unicodedata
from functools import cache

# The five tone marks as combining characters (grave, acute, tilde, hook, dot below).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
WORD = re.compile(r"[^\W_]+")  # letters and digits: one word
# A syllable ending in one of the variable diphthongs; after "q" the "u" belongs to
# the consonant (quý), so the tone stays where it is.
_VARIABLE_ENDING = re.compile(r"(?<!q)(?:oa|oe|uy)$")
# A consonant (`qu` is one) and `y`, the syllable's only vowel: written `i` as well.
_Y_AFTER_CONSONANT = re.compile(r"^(?:[bcdđghklmnprstvx]|[cgknpt]h|ngh|gi|qu|tr)y$")
_LEADING_ZEROS = re.compile(r"^0+(?=[0-9]+$)")  # of a number: `007` -> `7`, `0` stays
# Invisible marks inside a word, left out: Word's optional hyphen (U+00AD, `&shy;` of the
# portal's pages) and the joiners. They split `ng\u00adhị` into `ng` and `hị`, and
# `hội nghị` found nothing. A zero-width space (U+200B) stays a break between words.
_INSIDE_WORDS = re.compile("[\u00ad\u200c\u200d\u2060\ufeff]")


# Cached: a language has a few thousand syllables, an archive millions of words.
@cache
def canonical(word: str) -> str:
    """`hoà` -> `hòa`: the tone of a final oa/oe/uy on its first vowel; `lý` -> `lí`;
    `ð` -> `đ`."""
    decomposed = unicodedata.normalize("NFD", word.replace("ð", "đ"))
    tones = [ch for ch in decomposed if ch in _TONES]
    base = "".join(ch for ch in decomposed if ch not in _TONES)
    if len(tones) <= 1 and _Y_AFTER_CONSONANT.match(base):
        decomposed = base[:-1] + "i" + "".join(tones)
    elif len(tones) == 1:
        ending = _VARIABLE_ENDING.search(base)
        if ending:
            first = ending.start() + 1
            decomposed = base[:first] + tones[0] + base[first:]
    return unicodedata.normalize("NFC", decomposed)


def words(text: str) -> list[str]:
    """The words of `text` in lower case, one tone placement: `HOÀ bình,` -> `hòa`, `bình`."""
    return [canonical(word) for word in spellings(text)]


def spellings(text: str) -> list[str]:
    """The words of `text` in lower case, as written (`canonical` gives the form)."""
    return WORD.findall(unicodedata.normalize("NFC", joined(text)).lower())


def joined(text: str) -> str:
    """`text` without the invisible marks inside its words (a soft hyphen, a joiner)."""
    return _INSIDE_WORDS.sub("", text)


@cache
def fold(word: str) -> str:
    """`word` (from `words`) without diacritics: `đường` -> `duong`; `03` -> `3`."""
    if word.isascii():
        return _LEADING_ZEROS.sub("", word)
    return "".join("d" if char in "đð" else unicodedata.normalize("NFD", char)[0] for char in word)
