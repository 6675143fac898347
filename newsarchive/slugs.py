"""ASCII slugs for URLs and heading ids, Vietnamese-correct (đ -> d)."""

import functools
import importlib
import importlib.util
import inspect
import re
import unicodedata
from typing import Any, NamedTuple

from slugify import slugify as _slugify

MAX_SLUG_LENGTH = 80

# Characters python-slugify may meet after NFKD, besides ASCII: Latin-1, Latin Extended,
# spacing modifiers and combining marks (Vietnamese's tones and hooks), and typographic
# punctuation (quotes, dashes, ellipsis). Which ones the fast path takes is read from the
# backend by _fast.
_FAST_BLOCKS = (range(0x80, 0x370), range(0x2000, 0x2070))
# Vietnamese's only letters that NFKD leaves whole.
_UNDECOMPOSED = "đĐ"
_DIGIT_COMMA = re.compile(rb"(?<=\d),(?=\d)")
# ASCII letters lowercased, digits kept, anything else a space between words.
_WORDS = bytes(
    ord(chr(c).lower()) if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256)
)
# What must not come out of a character the fast path turns into a separator.
_KEPT = re.compile(r"[a-zA-Z0-9,&]")


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Return a lowercase ASCII slug cut at a word boundary.

    python-slugify's own ``word_boundary`` cut skips a word that does not fit and
    keeps a later, shorter one, so "can-bo-huong-dan" could become "can-bo-dan";
    we cut at the first word that does not fit instead.
    """
    return _cut(_fast_slug(text), max_length)


def slow_slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """slugify through python-slugify for every text: what the fast path must equal."""
    return _cut(_slugify(text, **_backend()), max_length)


def heading_id(value: str, separator: str = "-") -> str:
    """Python-Markdown ``toc`` slugify hook: its default drops ``đ`` entirely."""
    return slugify(value) or "muc"


def _cut(slug: str, max_length: int) -> str:
    if len(slug) <= max_length:
        return slug
    kept: list[str] = []
    length = -1
    for word in slug.split("-"):
        if kept and length + 1 + len(word) > max_length:
            break
        kept.append(word[:max_length])
        length += 1 + len(word)
    return "-".join(kept)


def _fast_slug(text: str) -> str:
    """python-slugify's slug, without its per-character Python loop when it can.

    python-slugify turns quotes into '-', decomposes (NFKD), transliterates character
    by character, decodes entities, lowercases, drops quotes, turns "1,5" into "15" and
    any other run of characters but a-z 0-9 into one '-'. After the same NFKD, a text of
    ASCII and the characters _fast sorted takes the same steps in C here; any other
    text, and any with '&', goes through python-slugify."""
    fast = _fast()
    decomposed = unicodedata.normalize("NFKD", text.replace("'", "-"))
    if fast.outside.search(decomposed):
        decomposed = fast.separators.sub(" ", decomposed)
        if fast.outside.search(decomposed):
            return _slugify(text, **_backend())
    for char, ascii_text in fast.undecomposed:
        decomposed = decomposed.replace(char, ascii_text)
    # Only the dropped characters are left outside ASCII.
    ascii_bytes = decomposed.encode("ascii", "ignore").replace(b"'", b"")
    if b"," in ascii_bytes:
        ascii_bytes = _DIGIT_COMMA.sub(b"", ascii_bytes)
    return b"-".join(ascii_bytes.translate(_WORDS).split()).decode("ascii")


class _Fast(NamedTuple):
    outside: re.Pattern[str]  # not ASCII, dropped or undecomposed; or '&'
    separators: re.Pattern[str]  # characters whose transliteration ends as a '-'
    undecomposed: tuple[tuple[str, str], ...]  # đ -> d


@functools.cache
def _fast() -> _Fast:
    """Sorts _FAST_BLOCKS by what python-slugify's backend makes of each character:
    nothing (dropped); only characters that end as a '-' (dashes, quotation marks:
    separators, made spaces); anything else (left to python-slugify)."""
    transliterate = importlib.import_module(_backend_module()).unidecode
    dropped, separators = [], []
    for char in map(chr, (code for block in _FAST_BLOCKS for code in block)):
        # python-slugify drops the quotes a transliteration gives (U+2019 -> ').
        ascii_text = transliterate(char).replace("'", "")
        if not ascii_text:
            dropped.append(char)
        elif ascii_text.isascii() and not _KEPT.search(ascii_text):
            separators.append(char)
    undecomposed = tuple(
        (char, ascii_text)
        for char, ascii_text in ((char, transliterate(char)) for char in _UNDECOMPOSED)
        if ascii_text.isascii() and "&" not in ascii_text
    )
    known = "".join(dropped + [char for char, _ in undecomposed])
    return _Fast(
        re.compile(f"[^\\x00-\\x7f{known}]|&"),
        re.compile(f"[{''.join(separators)}]" if separators else "(?!)"),  # (?!): none
        undecomposed,
    )


def _backend_module() -> str:
    """The transliteration python-slugify uses when not told: Unidecode if installed."""
    return "unidecode" if importlib.util.find_spec("unidecode") is not None else "text_unidecode"


@functools.cache
def _backend() -> dict[str, Any]:
    """python-slugify 9.2 looks for `unidecode` with a failing import on every call
    when only `text_unidecode` is installed: 0.3 ms a title, seconds on a big archive.
    Naming the backend it would pick anyway gives the same slugs six times faster."""
    if "backend" not in inspect.signature(_slugify).parameters:
        return {}
    return {"backend": _backend_module().replace("_", "-")}
