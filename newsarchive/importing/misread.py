"""Vietnamese that a page holds as other letters: typed in a font encoding of before
Unicode (TCVN3's .VnTime fonts, VNI's VNI-Times), which shows as Vietnamese only on a
computer with those fonts, or UTF-8 that a tool read as Windows-1252 and saved again.

Such text decodes without an error, so the encoding cannot tell; its words can: they are
not Vietnamese syllables as written ('nghÞ', 'Tröng', 'Há»™i') and are once read as
written in that encoding ('nghị', 'Trưng', 'Hội'). The archive would keep letters no
reader can read: the page is named, with what it says, for the archivist to convert.
"""

import functools
import re
import unicodedata
from collections.abc import Callable

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
# One Vietnamese syllable without its tone: an initial consonant, vowels, a final one.
_SYLLABLE = re.compile(
    "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    "[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)
# A word as such text holds it: TCVN3 puts letters on punctuation's code points (its 'á'
# is the cedilla's, 'tác' reads 't\u00b8c'), UTF-8 read as Windows-1252 gives '»', '™'...
_TOKEN = re.compile(r"[^\s\d!-/:-@\[-`{-~]+")
_EDGES = "\u201c\u201d\u2018\u2019\u2013\u2014\u2026"  # typographic quotes, dashes, ellipsis
# Each of the words misread: at least this many, and this share of those that are no
# syllable as written (a few foreign names in a Vietnamese text are none either).
MIN_WORDS = 3
MIN_SHARE = 0.5

# TCVN3 (ABC): one byte a letter, the toned ones lower case only (.VnTimeH shows them as
# capitals); pages hold its bytes as the Latin-1 letters of the same code points.
_TCVN3_LETTERS = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
}  # fmt: skip
_TCVN3_ROWS = {  # the five tones of a vowel: grave, hook, tilde, acute, dot
    "àảãáạ": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ằẳẵắặ": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "ầẩẫấậ": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "èẻẽéẹ": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ềểễếệ": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "ìỉĩíị": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "òỏõóọ": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ồổỗốộ": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ờởỡớợ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "ùủũúụ": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ừửữứự": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "ỳỷỹýỵ": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3 = str.maketrans(
    {
        **{chr(code): letter for code, letter in _TCVN3_LETTERS.items()},
        **{
            chr(c): letter
            for row, codes in _TCVN3_ROWS.items()
            for letter, c in zip(row, codes, strict=True)
        },
    }
)

# VNI: a vowel, then a letter standing for its marks ('aä' is 'ậ'); 'ô', 'ö', 'ñ' are
# 'ơ', 'ư', 'đ', and a few letters are an 'i' of their own.
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_MARKS = {
    "â": _CIRCUMFLEX, "á": _CIRCUMFLEX + "\u0301", "à": _CIRCUMFLEX + "\u0300",
    "å": _CIRCUMFLEX + "\u0309", "ã": _CIRCUMFLEX + "\u0303", "ä": _CIRCUMFLEX + "\u0323",
    "ê": _BREVE, "é": _BREVE + "\u0301", "è": _BREVE + "\u0300",
    "ú": _BREVE + "\u0309", "ü": _BREVE + "\u0303", "ë": _BREVE + "\u0323",
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
}  # fmt: skip
_VNI_BASES = {"ô": "o" + _HORN, "ö": "u" + _HORN}
_VNI_SINGLE = {"ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "ô": "ơ", "ö": "ư"}
# A vowel and its marks, or a letter of its own: one pass, so that the 'ô' a pair makes
# is not read again as 'ơ'.
_VNI_LETTER = re.compile(
    "([aeiouyôö])([{}])|[{}]".format("".join(_VNI_MARKS), "".join(_VNI_SINGLE)), re.IGNORECASE
)


def _from_tcvn3(word: str) -> str:
    return word.translate(_TCVN3)


def _vni_letter(match: re.Match[str]) -> str:
    base, mark = match.group(1), match.group(2)
    if base is None:
        letter = _VNI_SINGLE[match.group(0).lower()]
    else:
        letter = _VNI_BASES.get(base.lower(), base.lower()) + _VNI_MARKS[mark.lower()]
    letter = unicodedata.normalize("NFC", letter)
    return letter.upper() if match.group(0)[0].isupper() else letter


def _from_vni(word: str) -> str:
    return _VNI_LETTER.sub(_vni_letter, word)


def _from_windows_1252(word: str) -> str:
    """The word UTF-8 was before it was read as Windows-1252 (or Latin-1), else itself."""
    try:
        data = bytes(ord(c) if 0x80 <= ord(c) < 0xA0 else c.encode("cp1252")[0] for c in word)
        return data.decode("utf-8")
    except (UnicodeError, ValueError):
        return word


_CONVERT = (
    "convert its text to Unicode with a converter of Vietnamese encodings (UniKey's "
    "'Công cụ chuyển mã', from {} to Unicode), save it as UTF-8"
)
# What the text is written in, how to read it so, and how to mend the page.
Reading = tuple[str, Callable[[str], str], str]
READINGS: tuple[Reading, ...] = (
    ("TCVN3 (ABC), the encoding of the old .VnTime fonts", _from_tcvn3, _CONVERT.format("TCVN3")),
    ("VNI, the encoding of the old VNI-Times fonts", _from_vni, _CONVERT.format("VNI Windows")),
    (
        "UTF-8 that was read as Windows-1252 and saved again",
        _from_windows_1252,
        "mend its letters (e.g. with the ftfy tool: ftfy PAGE -o MENDED.html)",
    ),
)
# Of bytes that are not UTF-8: the text a font's encoding made. (Text of UTF-8 read as
# Windows-1252 is UTF-8 as its bytes are: a page whose bytes are not was never read so.)
FONT_READINGS = READINGS[:2]
IMPORT_IT = "; then import that file alone, with --source-url {}"


# Cached: a language has a few thousand syllables, an archive millions of words.
@functools.cache
def syllable(word: str) -> bool:
    """Whether the word is one Vietnamese syllable: consonants and vowels where a syllable
    has them, one tone mark at most."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("ð", "đ"))
    tones = sum(1 for c in decomposed if c in _TONES)
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return tones <= 1 and _SYLLABLE.fullmatch(bare) is not None


def misread(
    text: str, address: str = "", readings: tuple[Reading, ...] = READINGS
) -> tuple[str, str]:
    """What is wrong with the letters of ``text`` when its words are Vietnamese only
    read in one of ``readings``, with a few of them as examples, and how to mend the page
    (of the original ``address``); else ("", "")."""
    odd = [
        word
        for word in (token.strip(_EDGES) for token in _TOKEN.findall(text))
        if word and not word.isascii() and not syllable(word)
    ]
    if len(odd) < MIN_WORDS:
        return "", ""
    best = readings[0]
    fixed: list[tuple[str, str]] = []
    for reading in readings:
        found = [(w, r) for w in odd if (r := reading[1](w)) != w and syllable(r.strip(_EDGES))]
        if len(found) > len(fixed):
            best, fixed = reading, found
    if len(fixed) < MIN_WORDS or len(fixed) < MIN_SHARE * len(odd):
        return "", ""
    examples = ", ".join(f"'{_shown(word)}' for '{seen}'" for word, seen in dict(fixed[:3]).items())
    return (
        f"the page's text is Vietnamese written in {best[0]} ({examples}): a reader sees "
        "other letters than the portal's, and so would the archive's readers",
        best[2] + IMPORT_IT.format(address or "ADDRESS (the page's address on the portal)"),
    )


def _shown(word: str) -> str:
    """The word with its control characters (C1, as Windows reads five bytes of
    Windows-1252) written as escapes, for a message."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in word)
