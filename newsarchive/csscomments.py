"""A style sheet as published: without its comments, which are for the maintainer who
reads the source, not for readers' phones (site.css: half its bytes, 10.9 KB of its 11
gzipped, render-blocking on every first page).

Every byte outside comments stays as it is, and each comment leaves the newlines it held,
so that a line named by a browser's developer tools or a test is the source's line. Kept:
a comment beginning `/*!` (a licence notice, by convention), and `/**/` where the two
characters around the comment would otherwise join into one token (`a/**/b`, `.a/*
*/.b`). Strings and unquoted url(...) are read as CSS Syntax Level 3 (§4.3) reads them:
a `/*` inside them is no comment.
"""

import re
from pathlib import Path

from .errors import Problem

# Characters beside which a comment can go without joining the tokens around it.
_APART = frozenset(" \t\n\r\f{}();:,[]")
_NEWLINES = re.compile(r"[^\n\r\f]")
# `url(`, not the end of a longer name (`my-url(`), and the spaces before its address.
_URL = re.compile(r"(?<![\w\-\\\x80-\U0010ffff])url\([ \t\n\r\f]*", re.IGNORECASE)


def without_comments(data: bytes) -> tuple[bytes, int | None]:
    """``data`` without its comments, and None; or ``data`` as it is and the line where
    a comment begins that is never closed (a maintainer's slip: the browser would drop
    all that follows it). UTF-16 is left as it is: its bytes are not CSS's characters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data, None
    css = data.decode("latin-1")  # byte for byte: CSS's delimiters are ASCII
    out: list[str] = []
    i = done = 0
    while (i := _next_special(css, i)) < len(css):
        char = css[i]
        if char == "\\":
            i += 2
        elif char in "\"'":
            i = _string_end(css, i)
        elif css.startswith("/*", i):
            end = css.find("*/", i + 2)
            if end < 0:
                return data, css.count("\n", 0, i) + 1
            end += 2
            out.append(css[done:i])
            out.append(_left_of(css, i, end))
            i = done = end
        else:
            i = _url_end(css, i)
    out.append(css[done:])
    return "".join(out).encode("latin-1"), None


_SPECIAL = re.compile(r"[\\\"']|/\*|url\(", re.IGNORECASE)


def _next_special(css: str, start: int) -> int:
    """Where the next escape, string, comment or url( begins; the end if none does."""
    found = _SPECIAL.search(css, start)
    return found.start() if found else len(css)


def _string_end(css: str, start: int) -> int:
    """The end of the string beginning at ``start``: its closing quote, or the newline
    (not escaped) or end of file that cut it short."""
    quote = css[start]
    i = start + 1
    while i < len(css):
        char = css[i]
        if char == quote:
            return i + 1
        if char in "\n\r\f":
            return i
        if char == "\\":
            i += 3 if css.startswith("\r\n", i + 1) else 2
        else:
            i += 1
    return len(css)


def _url_end(css: str, start: int) -> int:
    """After url( at ``start``: past its `)` if its address is unquoted (a `/*` there
    is part of it); at its quote if quoted (a string); past `url` if it is not url(
    at all but the end of a longer name."""
    found = _URL.match(css, start)
    if found is None:
        return start + 3
    i = found.end()
    if i < len(css) and css[i] in "\"'":
        return i
    while i < len(css) and css[i] != ")":
        i += 2 if css[i] == "\\" and css[i + 1 : i + 2] not in ("\n", "\r", "\f") else 1
    return i + 1


def _left_of(css: str, start: int, end: int) -> str:
    """What the comment from ``start`` to ``end`` leaves: itself if a licence, its
    newlines, between `/*` and `*/` where the characters around it would join."""
    comment = css[start:end]
    if comment.startswith("/*!"):
        return comment
    newlines = _NEWLINES.sub("", comment)
    before = css[start - 1] if start else " "
    after = css[end] if end < len(css) else " "
    # Not before `(`: `url/**/(` would become url(.
    if before in _APART or (after in _APART and after != "("):
        return newlines
    return f"/*{newlines}*/"


def published(source: Path) -> bytes | None:
    """The bytes the static file ``source`` publishes when they are not its own: a style
    sheet's without its comments. None for every other file (copied as it is)."""
    if source.suffix.lower() != ".css":
        return None
    return without_comments(source.read_bytes())[0]


def unclosed_comment(source: Path) -> Problem | None:
    """A warning for a style sheet of static/ with a comment never closed."""
    if source.suffix.lower() != ".css":
        return None
    line = without_comments(source.read_bytes())[1]
    if line is None:
        return None
    return Problem(
        source,
        "this comment is never closed: browsers read the rest of the style sheet as "
        "part of it and leave it out (the file is published as it is, comments too)",
        "close the comment with */ where it ends",
        line,
        warning=True,
    )
