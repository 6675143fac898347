"""The summary of an article whose editor gave none: its first paragraph as a reader
reads it (for lists, descriptions and feeds), cut at a word."""

import re
from collections.abc import Iterator

from markdown.util import BLOCK_LEVEL_ELEMENTS

from .htmltext import unescape, without_hidden
from .markup import TABLE_RULE

# The blocks of a body that are not a paragraph of its text, as Python-Markdown reads
# them: a heading, quote, table, list ("- ", "* ", "+ ", "1. "), image, a rule, or
# raw HTML of block level. Emphasis ("**(HBT) - Sáng...**"), inline HTML and a
# paragraph that opens with "-5 độ C" are text.
_NOT_TEXT = re.compile(
    r"[#>|]|[-*+]\s|\d+\.\s|!\[|(?:[-*_]\s*){3,}$"
    r"|<(?:[!?]|/?(?:" + "|".join(BLOCK_LEVEL_ELEMENTS) + r")(?![\w-]))"
    r"|[^\n]*\n[=-]+\s*(?:\n|$)",  # a heading underlined with = or -
    re.IGNORECASE,
)


# Code (fenced, or indented four columns) and tables are not text a reader can take
# as a summary: "Cú pháp: HBT <mã> gửi 8088", "Ngày | Người tiếp --- | ---".
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_NOT_PROSE = re.compile(r"(?: {4}|\t)|\[TOC\]\s*\Z|\*?\[[^\]]+\]:\s")


def _blocks(body: str) -> Iterator[str]:
    """The body's blocks between empty lines, without its fenced code blocks (which
    may hold empty lines) and the blocks that are code, tables or link definitions."""
    block: list[str] = []
    fence = ""
    for line in [*body.split("\n"), ""]:  # the empty line ends the last block
        if fence:  # closed by a line of the same mark, at least as long
            closing = line.strip()
            if set(closing) == {fence[0]} and len(closing) >= len(fence):
                fence = ""
            continue
        opening = _FENCE.match(line) if not block else None
        if opening:
            fence = opening.group(1)
        elif line.strip():
            block.append(line)
            continue
        text = "\n".join(block)
        lines, block = block, []
        if not text or _NOT_PROSE.match(text):
            continue
        if len(lines) > 1 and "|" in lines[0] and TABLE_RULE.match(lines[1]):
            continue
        yield text.strip()


# A heading's text: "## Nghị định 84 ##" or "Nghị định 84" over a line of = or -.
_HEADING = re.compile(r"#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*(?:\n|$)|([^\n]*)\n[=-]+[ \t]*(?:\n|$)")


def lead(body: str, limit: int = 220) -> str:
    """A summary for lists when the editor gave none: the first paragraph, cut at a word.

    A body without a paragraph gets its first heading: portal pages that set their
    whole text in a heading ("## Nghị định số 84/2014/NĐ-CP ... xem tại văn bản đính
    kèm") were listed with no summary and had no description."""
    heading = ""
    for block in _blocks(body):
        if _NOT_TEXT.match(block):
            found = _HEADING.match(block)
            if found and not heading:
                heading = _cut(found.group(1) or found.group(2) or "", limit)
            continue
        text = _cut(block, limit)
        if text:  # not only markup, such as an inline image
            return text
    return heading


def _cut(block: str, limit: int) -> str:
    return at_word(" ".join(as_read(" ".join(block.split())).split()), limit)


def at_word(text: str, limit: int) -> str:
    """``text`` when it has at most ``limit`` letters, else cut at a word with "…"."""
    if len(text) <= limit:
        return text
    # The ellipsis ends the cut text alone: not "2015.…", nor "2010 -…".
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.- \N{EN DASH}\N{EM DASH}") + "…"


# One pass over a paragraph's Markdown, left to right, so that an escaped character
# (\* \_ \[ in imported text) is taken as itself before it can be read as markup.
_MARKUP = re.compile(
    r"\\(?P<escaped>[!-/:-@\[-`{-~])"
    r"|(?P<tag><br\s*/?>|</?[A-Za-z][^<>]*>)"
    # Labels, addresses and emphasis no longer than any article's: unbounded, each [ or _
    # of a paragraph that holds thousands and no end was sought to the paragraph's end,
    # and a hostile one took minutes. A label holds no [ (as Markdown reads `[a [b](/x)`:
    # a link "b" after "[a "): 300,000 [ in a row were each read on for 1,000 (25 s).
    r"|!?\[(?P<label>(?:\\.|[^\[\]\\]){0,1000})\]\([^)]{0,2000}\)"
    r"|\*\*|__|(?<!\w)_(?!_)(?P<emphasis>.{1,1000}?)(?<!_)_(?!\w)|\*|`"
)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def as_read(markdown: str) -> str:
    """The text of a Markdown paragraph as a reader sees it: no escapes, link and
    emphasis marks, inline tags or entities (``file\\_name`` -> ``file_name``)."""
    text = _MARKUP.sub(_plain, without_hidden(markdown))
    return _ENTITY.sub(lambda m: unescape(m.group(0)), text)


def _plain(match: re.Match[str]) -> str:
    """as_read's text for one piece of markup. Not a closure: one that called itself
    would be a reference cycle per article, kept to the end of a build (no collector)."""
    if match.group("escaped"):
        return match.group("escaped")
    if match.group("tag"):
        return " " if match.group("tag").startswith("<br") else ""
    if match.group("label") is not None:
        return _MARKUP.sub(_plain, match.group("label"))
    if match.group("emphasis") is not None:
        return _MARKUP.sub(_plain, match.group("emphasis"))
    return ""  # emphasis or code marks
