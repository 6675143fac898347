"""Markdown to HTML for article bodies."""

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .slugs import heading_id


def make_converter() -> markdown.Markdown:
    """One converter per worker: Python-Markdown instances are not thread-safe."""
    return markdown.Markdown(
        extensions=["extra", "sane_lists", "toc", _ScrollableTables()],
        extension_configs={"toc": {"slugify": heading_id, "toc_depth": "2-4"}},
        output_format="html",
    )


class _ScrollableTables(Extension):
    """A wide table scrolls sideways inside its own box on a phone (site.css): a
    tabindex lets a keyboard reach and scroll it, as WCAG 2.1.1 asks."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_FocusableTables(md), "scrollable_tables", 0)


class _FocusableTables(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            table.set("tabindex", "0")


def to_html(converter: markdown.Markdown, text: str) -> str:
    converter.reset()
    return converter.convert(text)


# Plain text -> Markdown that renders as the same text, for imported articles.
# Which characters matter depends on the extensions enabled above ("extra" brings
# tables, definition lists, abbreviations, attribute lists and footnotes).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
_BLOCK_START = (
    (re.compile(r"^([#>])"), r"\\\1"),  # heading, quote
    (re.compile(r"^([-+])(?=\s)"), r"\\\1"),  # list item ("*" is escaped everywhere)
    (re.compile(r"^(\d+)\.(?=\s)"), r"\1\\."),  # numbered list item
    (re.compile(r"^:(?=\s)"), "&#58;"),  # definition
    (re.compile(r"^(-+\s*)$"), r"\\\1"),  # setext underline / rule
    (re.compile(r"^=(=*\s*)$"), r"&#61;\1"),  # setext underline
)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def escape_inline(text: str) -> str:
    """Escape what would be read as emphasis, code, links or HTML inside a line."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY_LIKE.sub("&amp;", text)
    return text.replace("<", "&lt;")


def escape_line_start(line: str) -> str:
    """Escape what would start a heading, list, quote or definition at a line start."""
    for pattern, replacement in _BLOCK_START:
        line = pattern.sub(replacement, line, count=1)
    return line


def plain_paragraph(lines: list[str]) -> str:
    """A paragraph of plain text lines as Markdown; the line breaks are kept."""
    escaped = [escape_line_start(escape_inline(line)) for line in lines]
    if len(lines) > 1 and any(_TABLE_RULE.match(line) and "|" in line for line in lines):
        escaped = [line.replace("|", "\\|") for line in escaped]
    return "<br>\n".join(escaped)
