"""The text of a page or a text capture, from its bytes: the one place `import` decodes.

A replacement character (U+FFFD) for a byte that was not understood would pass for a
letter of the article, so a page is read in an encoding that fits all its bytes or is
refused, saying how to fix it.
"""

import codecs
import re
import unicodedata

from ..errors import place_in
from .extract import reads_as_vietnamese
from .misread import FONT_READINGS, misread

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # Windows Notepad's "Unicode"
_BOMS = (
    (codecs.BOM_UTF8, "UTF-8", "utf-8-sig"),
    *((bom, "UTF-16", "utf-16") for bom in UTF16_BOMS),
)
_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)
# Old Vietnamese portals and Windows editors wrote it, often without saying so.
VIETNAMESE_WINDOWS = "windows-1258"
# What servers name by default (Python's names): a Vietnamese page may be in another.
_WESTERN = frozenset(("iso8859-1", "cp1252", "iso8859-15", "ascii"))
# UTF-8 text with this many places of bad bytes at most is read as UTF-8 with them
# marked, if it is long enough (one in 1,000 bytes at most) or shows enough letters in
# UTF-8 (other encodings' Vietnamese makes no such sequences); else it is in another
# encoding.
MAX_STRAY_BYTES = 3
LETTERS_PER_STRAY = 20


class Undecodable(Exception):
    """Bytes no encoding here reads whole; the message says which, the hint how to fix it."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


def decode_page(data: bytes, header: str = "", html: bool = True) -> tuple[str, list[str]]:
    """The text (NFC, lines ending in \\n) and what to check in it. Bytes that open with a
    byte order mark are read in its encoding; others as UTF-8, else in the charset the
    page declares: in its HTTP header first (the server's word, as a browser takes it),
    then in a <meta>, the first in which its words are Vietnamese (a server's default
    Western charset is often wrong), else the first that reads; else as windows-1258 when
    they read as Vietnamese in it. Raises Undecodable when none of these fits."""
    bom = next((found for found in _BOMS if data.startswith(found[0])), None)
    notes = []
    try:
        text = data.decode(bom[2] if bom else "utf-8")
    except UnicodeDecodeError:
        if bom:
            raise Undecodable(
                f"the file starts with the mark of {bom[1]} text (a byte order mark), "
                f"but what follows is not {bom[1]}",
                "save it again as UTF-8",
            ) from None
        text, note = _legacy(data, header, html)
        notes.append(note)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):  # the check is ten times faster
        text = unicodedata.normalize("NFC", text)
    return text, notes


def _in_vietnamese_windows(data: bytes) -> str:
    """The text of ``data`` read as windows-1258 when its words read as Vietnamese so,
    else ""."""
    try:
        text = unicodedata.normalize("NFC", data.decode(VIETNAMESE_WINDOWS))
    except UnicodeDecodeError:
        return ""
    return text if reads_as_vietnamese(text) else ""


def _legacy(data: bytes, header: str, html: bool) -> tuple[str, str]:
    """Bytes that are not UTF-8: in the charset they declare, or windows-1258."""
    declared = _declared(data, header, html)
    says_utf8 = bool(declared) and _codec(declared[0]) == "utf-8"
    # Old IIS portals named a Western charset for their UTF-8 pages: one whose bytes are
    # UTF-8 but for a letter cut in two is UTF-8, if its other letters show it is.
    says_western = bool(declared) and _codec(declared[0]) in _WESTERN
    if not declared or says_utf8 or says_western:
        stray = _stray_bytes(data, letters_needed=says_western)
        if stray:
            return data.decode("utf-8", "replace"), stray
    as_declared = _as_declared(data, declared)
    if as_declared is not None:
        return as_declared
    what = "the file is not UTF-8 text"
    if says_utf8:
        what = "the file says it is UTF-8 text but is not"
    elif declared:
        what += f", nor in {declared[0]}, the encoding it declares"
    elif html:
        what += " and declares no encoding (no charset in a <meta> tag or the HTTP header)"
    text = _in_vietnamese_windows(data)
    if text:
        return text, (
            f"{what}: it was read as {VIETNAMESE_WINDOWS} (Vietnamese Windows), in which "
            "its words are Vietnamese; check its letters"
        )
    raise _unreadable(data, declared, what, html)


def _declared(data: bytes, header: str, html: bool) -> list[str]:
    """The charsets the page declares: in its HTTP header, then in a <meta>."""
    meta = _CHARSET.search(data[:4096]) if html else None
    return [c for c in (header, meta.group(1).decode("ascii") if meta else "") if c]


def _as_declared(data: bytes, declared: list[str]) -> tuple[str, str] | None:
    """The text in a charset it declares that reads it; None when none does. Of those,
    the first its words are Vietnamese in; else windows-1258, when they are Vietnamese
    in that and it declares only Western ones; else the first."""
    readable = []
    for charset in filter(_codec, declared):
        try:
            readable.append((charset, data.decode(charset)))
        except UnicodeDecodeError:
            continue  # a template's wrong <meta>: its bytes say otherwise
    for charset, text in readable:
        # A server's default (Apache's AddDefaultCharset ISO-8859-1) may name a Western
        # charset for pages in another: the one their words are Vietnamese in wins.
        if reads_as_vietnamese(unicodedata.normalize("NFC", text)):
            return text, _read_as_declared(charset)
    western = [c for c, _ in readable if _codec(c) in _WESTERN]
    if western and _codec(VIETNAMESE_WINDOWS) not in map(_codec, declared):
        text = _in_vietnamese_windows(data)
        if text:
            return text, (
                f"the file is not UTF-8 text; it declares {western[0]}, in which its words "
                f"are not Vietnamese, and it was read as {VIETNAMESE_WINDOWS} (Vietnamese "
                "Windows), in which they are: check its letters"
            )
    if readable:
        charset, text = readable[0]
        return text, _read_as_declared(charset)
    return None


def _read_as_declared(charset: str) -> str:
    said = f"it was read as {charset}, the encoding it declares: check its letters"
    return f"the file is not UTF-8 text; {said}"


def _unreadable(data: bytes, declared: list[str], what: str, html: bool) -> Undecodable:
    """Why no encoding here reads the bytes, and how to fix it: ``what`` they are not."""
    wrong, mend = misread(data.decode("latin-1"), readings=FONT_READINGS)  # an old font's
    if wrong:
        return Undecodable(wrong, mend)
    unknown = next((charset for charset in declared if not _codec(charset)), "")
    if unknown:  # VISCII, the Vietnamese web's of the 1990s: Python has no codec for it
        return Undecodable(
            f"the file is not UTF-8 text, and it declares {unknown}, an encoding import "
            "cannot read",
            f"convert it to UTF-8 (e.g. iconv -f {unknown} -t UTF-8 PAGE > PAGE-utf8.html), "
            "then import the converted file alone, with --source-url and the page's address",
        )
    save = "open it in a browser or editor that shows its letters right and save it as UTF-8"
    if html:
        save += ', or name its encoding in its <head>, e.g. <meta charset="windows-1252">'
    return Undecodable(
        f"{what}, and it does not read as Vietnamese in {VIETNAMESE_WINDOWS} (the Vietnamese "
        "Windows encoding) either: its letters cannot be read for sure",
        save,
    )


def _stray_bytes(data: bytes, letters_needed: bool = False) -> str:
    """A note naming where a UTF-8 text holds a few bytes that are not (a letter cut in
    two by the portal's editor), or "": its reader saw U+FFFD for each, and so will the
    archive's, rather than lose the article; the archivist can mend the letter.
    ``letters_needed``: whatever its length, its other letters must show it is UTF-8 (a
    Western page's '©' is no UTF-8 either)."""
    places: list[int] = []
    start = 0
    while len(places) <= MAX_STRAY_BYTES:
        try:
            data[start:].decode("utf-8")
        except UnicodeDecodeError as exc:
            places.append(start + exc.start)
            start += exc.end
            continue
        break
    if not places or len(places) > MAX_STRAY_BYTES:
        return ""  # not UTF-8 with a slip or two: another encoding
    if letters_needed or len(places) * 1000 > len(data):  # are its other letters UTF-8?
        text = data.decode("utf-8", "replace")
        letters = sum(1 for char in text if "\x7f" < char != "\ufffd")
        if letters < LETTERS_PER_STRAY * len(places):
            return ""
    shown = ", ".join(_line_column(data, at) for at in places)
    return (
        f"{len(places)} place(s) of this UTF-8 text hold bytes that are not UTF-8 ({shown}): "
        "each is shown as \ufffd, as the portal showed it; correct the letter in the article"
    )


def _line_column(data: bytes, at: int) -> str:
    line, column = place_in(data, at)
    return f"line {line}, column {column}"


def _codec(name: str) -> str:
    """Python's name for the encoding ("utf-8" for "UTF8"), "" for one it does not know."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""
