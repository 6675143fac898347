"""Text out of HTML and Markdown as a reader gets it: character references read as
browsers read them, and the text of scripts and styles left out. Linear in the text
whatever it holds: an article or a crawled page may hold anything."""

import html
import re

_LONG_NUMBER = re.compile(r"&#([0-9]{8,})")


def unescape(text: str) -> str:
    """html.unescape, also of a reference by a number of thousands of digits, which
    html.unescape refuses (Python reads no longer a number): one in a page or an article
    stopped its import or the whole build. Read as browsers read it: leading zeros
    dropped (&#000...106; is "j"), and a number past the last character is U+FFFD."""
    return html.unescape(short_numbers(text))


def short_numbers(text: str) -> str:
    """``text`` with each reference by a number of eight digits or more written with
    its first eight after the leading zeros, which name the same character or none (any
    eight-digit number is past U+10FFFF): for a reader that unescapes as html.unescape."""
    return _LONG_NUMBER.sub(_short_number, text)


def _short_number(match: re.Match[str]) -> str:
    return "&#" + (match.group(1).lstrip("0")[:8] or "0")


# A script's or style's text is no reader's (it was in summaries and the search index).
# The escape test looks back from after the "<": led by a plain "<", the pattern is
# sought at each "<" alone, not tried at every character (20 times as fast).
_HIDDEN = re.compile(r"<(?<!\\<)(script|style)\b[^<>]*>", re.I)


def without_hidden(text: str, gap: str = "") -> str:
    """HTML or Markdown without its <script> and <style> elements, each replaced by
    ``gap``. Each end tag is sought once (a regular expression sought it from every start
    tag to the text's end: 40,000 unclosed <script> in an article took 133 s); an element
    never closed is kept, for the caller's own reading of tags to take out its tag."""
    if "<" not in text:
        return text
    kept, at, unclosed = [], 0, set()
    for start in _HIDDEN.finditer(text):
        name = start.group(1).lower()
        if start.start() < at or name in unclosed:
            continue
        end = re.compile(rf"</{name}\s*>", re.I).search(text, start.end())
        if end is None:
            unclosed.add(name)
            continue
        kept += [text[at : start.start()], gap]
        at = end.end()
    return "".join(kept) + text[at:]
