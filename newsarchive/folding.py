"""Vietnamese word forms for search: what the index holds beside the text, and why.

Pagefind folds diacritics by Unicode decomposition (NFD, then drops combining marks),
so `cán bộ` is found by `can bo`, and a query typed with diacritics ranks pages with
the same diacritics first. Two Vietnamese variations escape that:

- `đ` is a letter of its own, not `d` plus a mark, so `dong chi` would not find
  `đồng chí`;
- the tone of `oa`, `oe`, `uy` at the end of a syllable is written on either vowel
  (`hòa`/`hoà`, `khỏe`/`khoẻ`, `thủy`/`thuỷ`): both are found, but only the spelling
  typed gets the exact-diacritics boost.

So every word is also indexed in its *search form*: lower case, `đ` -> `d`, the tone of
a final `oa`/`oe`/`uy` on the first vowel (`hòa`, the spelling most of the archive
uses). The search page turns the query into the same form before calling Pagefind
(static/js/search.js holds the same rules in JavaScript; a browser test keeps the two
in step). The words and their forms go into a hidden search record on each article
page (see templates/article.html).
"""

import re
import unicodedata

# The five tone marks as combining characters (grave, acute, tilde, hook, dot below).
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_LETTERS = re.compile(r"[^\W\d_]+")
# A syllable ending in one of the variable diphthongs; after "q" the "u" belongs to
# the consonant (quý), so the tone stays where it is.
_VARIABLE_ENDING = re.compile(r"(?<!q)(?:oa|oe|uy)$")
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")


def _canonical_tone(letters: str) -> str:
    decomposed = unicodedata.normalize("NFD", letters)
    tones = [ch for ch in decomposed if ch in _TONES]
    if len(tones) == 1:
        base = "".join(ch for ch in decomposed if ch not in _TONES)
        ending = _VARIABLE_ENDING.search(base)
        if ending:
            first = ending.start() + 1
            decomposed = base[:first] + tones[0] + base[first:]
    return unicodedata.normalize("NFC", decomposed)


def search_form(word: str) -> str:
    """The form a word is indexed and queried under: `Đồng` -> `dồng`, `HOÀ` -> `hòa`."""
    lowered = unicodedata.normalize("NFC", word).lower()
    return _LETTERS.sub(lambda m: _canonical_tone(m.group()), lowered).replace("đ", "d")


def search_words(text: str) -> str:
    """Each distinct word of `text` once, in lower case, followed by its search form when
    that differs: the bag of words the index holds for an article.

    One entry per word, not per occurrence: Pagefind stores every position of every
    indexed word, and on a 10,000-article archive the positions of common words made a
    single query download megabytes. Ranking loses term counts, which matter little for
    short news articles; titles keep their own weight and metadata boost.
    """
    seen: dict[str, None] = {}
    for token in unicodedata.normalize("NFC", text).lower().split():
        word = _EDGE_PUNCTUATION.sub("", token)
        if word:
            seen.setdefault(word)
            seen.setdefault(search_form(word))
    return " ".join(seen)
