"""Markdown to HTML for article bodies.

A body's HTML is cached by the digest of its Markdown and shared by every page that
shows it, so it cannot hold links that depend on the page or on the settings. The
converter marks the links instead, and `resolve_links` turns the marks into addresses
for one page, at render time:

- a link or image inside the site (`/2019/04/x/`, `/images/a.jpg`, `../x/`) gets the
  prefix SITE_LINK: root-relative ones then become relative to the page, so they work
  under any sub-path, and offline links to folders name index.html (urls.body_link);
- a link to another site (`https://...`) gets the prefix AWAY_LINK: one to a page of
  the old portal that the archive holds then leads to the archive's copy (heldlinks.py),
  any other stays as written;
- a link or image whose address fails `linksafety.is_safe_url` loses it: the `<a>`
  keeps its text, the `<img>` becomes a `<span>` of its alt text, and the address
  waits in UNSAFE_ATTRIBUTE, which rendering removes.

The build finds the marks (`marked_links`) and checks site links on every build, for every
article (bodylinks.py), even when it does not render the article's page again.
"""

import functools
import html
import importlib
import re
from bisect import bisect_left
from collections.abc import Callable
from html.parser import HTMLParser
from itertools import accumulate
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
import nh3
from markdown import blockprocessors
from markdown.extensions import Extension, extra
from markdown.extensions.abbr import AbbrBlockprocessor, AbbrTreeprocessor
from markdown.extensions.def_list import DefListProcessor
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.footnotes import FootnoteBlockProcessor
from markdown.extensions.tables import TableProcessor
from markdown.extensions.toc import TocExtension, TocTreeprocessor
from markdown.inlinepatterns import ImageInlineProcessor, LinkInlineProcessor
from markdown.treeprocessors import Treeprocessor, UnescapeTreeprocessor
from markdown.util import AMP_SUBSTITUTE, STX, AtomicString

from .activehtml import runs
from .filekinds import PICTURE_FILES
from .htmltext import short_numbers, unescape
from .linksafety import SAFE_SCHEMES, is_safe_url
from .pagelinks import LINK_ATTRIBUTES, css_links
from .slugs import heading_id

SITE_LINK = "newsarchive-site:"
AWAY_LINK = "newsarchive-away:"
UNSAFE_ATTRIBUTE = "data-newsarchive-unsafe"
_LINK_ATTRIBUTES = {"a": "href", "img": "src"}
_SITE_LINK = re.compile(r'(?<=")' + re.escape(SITE_LINK) + r'([^"]*)(?=")')
_AWAY_LINK = re.compile(r'(?<=")' + re.escape(AWAY_LINK) + r'([^"]*)(?=")')
_MARKS = (SITE_LINK, AWAY_LINK)
_UNSAFE = re.compile(r" " + re.escape(UNSAFE_ATTRIBUTE) + r'="([^"]*)"')
# A link to another site whose words are its address (<https://...>) carries this,
# written bare (" data-b", 7 bytes): the print style sheet adds the address after every
# other such link, and CSS cannot compare a link's words with its href.
BARE_LINK = "data-b"
# The same link written as raw HTML (the portal's <a href="http://x">http://x</a>), which
# the converter does not walk: an <a> with an address and words but no tag, read as
# written. A tag this does not read (a ">" in a value) stays unmarked, as before.
_RAW_LINK = re.compile(
    r"""(?i)<a(?=\s)([^<>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`=]+))[^<>]*)>"""
    r"([^<]*)</a\s*>"
)
_BARE_ATTRIBUTE = re.compile(r"(?i)\s" + BARE_LINK + r"(?![\w-])")


_TOC = {"slugify": heading_id, "toc_depth": "2-4"}


def make_converter() -> markdown.Markdown:
    """One converter per worker: Python-Markdown instances are not thread-safe.

    Its HTML is stock_converter's (tests/test_markup.py compares them): _PlainText,
    _QuickTests and _TocWhereAsked only spare work that changes nothing, 30%, 20% and
    5% of the time of a typical article."""
    return _converter(_TocWhereAsked(**_TOC), _PlainText(), _QuickTests())


def stock_converter(*more: Extension) -> markdown.Markdown:
    """Python-Markdown with our extensions and settings, without _PlainText and with
    its own toc: the reference tests/test_markup.py holds make_converter to, and what
    `bench/floor.py --stock` times."""
    return _converter(TocExtension(**_TOC), *more)


def _converter(toc: TocExtension, *more: Extension) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            *_stock(),
            toc,
            _ScrollableTables(),
            _HeadingsUnderTitle(),
            _BodyLinks(),
            *more,
        ],
        output_format="html",
    )


def _stock() -> list[Extension]:
    """Python-Markdown's "extra" (the extensions it registers, in its order) and
    "sane_lists", as objects. By name, Python-Markdown looks each up first among the entry
    points of every installed package: a package naming one of its own "tables" changed
    our HTML, and the first converter of a process took 0.05 s more (issue 17)."""
    names = [*extra.extensions, "sane_lists"]
    return [
        importlib.import_module(f"markdown.extensions.{n}").makeExtension(**_SETTINGS.get(n, {}))
        for n in names
    ]


# Python-Markdown titles a footnote's way back "Jump back to footnote 1 in the text". The
# body holds a mark instead, which each page replaces with strings.yaml's footnote_back
# (footnote_titles): the cached HTML stays right whatever its words.
FOOTNOTE_BACK = "newsarchive-footnote:"
_SETTINGS = {"footnotes": {"BACKLINK_TITLE": FOOTNOTE_BACK + "{}"}}
_FOOTNOTE_TITLE = re.compile(rf' title="{FOOTNOTE_BACK}(\d+)"')
# A link whose only content is pictures without alt text (a photo linked to its large copy,
# as the portal's pages had every one) has no name: a screen reader reads its address.
# One that leads to a picture holds a mark, which each page replaces with strings.yaml's
# picture_link (picture_names).
PICTURE_LINK = "newsarchive-picture-link"
_PICTURE_NAME = f' aria-label="{PICTURE_LINK}"'


def footnote_titles(body_html: str, title: Callable[[int], str] | None) -> str:
    """The body with each footnote's way back titled ``title(its number)``, or untitled
    (a fork's strings.yaml without footnote_back)."""
    if FOOTNOTE_BACK not in body_html:
        return body_html
    return _FOOTNOTE_TITLE.sub(
        lambda mark: f' title="{html.escape(title(int(mark[1])))}"' if title else "", body_html
    )


def picture_names(body_html: str, name: str | None) -> str:
    """The body with each link to a picture that shows only unnamed pictures named
    ``name``, or left unnamed (a fork's strings.yaml without picture_link)."""
    if PICTURE_LINK not in body_html:
        return body_html
    return body_html.replace(_PICTURE_NAME, f' aria-label="{html.escape(name)}"' if name else "")


class _TocMarkerIfAny(TocTreeprocessor):
    """Python-Markdown's toc gives headings their ids, and for every body also makes a
    table of contents (the converter's ``toc``, which nothing here reads) and looks for
    its marker ("[TOC]", where a body asks for one) by walking every element of the tree
    and joining each one's text: together a twentieth of the time of a typical article.
    It replaces only an element whose own text is the marker: when no text of the tree
    holds it, the walk is skipped and the table left empty."""

    asked = False

    def run(self, doc: Element) -> None:
        self.asked = bool(self.marker) and any(self.marker in t for t in doc.itertext())
        super().run(doc)

    def build_toc_div(self, toc_list: list) -> Element:
        return super().build_toc_div(toc_list) if self.asked else Element("div")

    def replace_marker(self, root: Element, elem: Element) -> None:
        if self.asked:
            super().replace_marker(root, elem)


class _TocWhereAsked(TocExtension):
    TreeProcessorClass = _TocMarkerIfAny


# What a text must contain for each inline pattern of Python-Markdown and "extra" to
# match in it (each pattern's regular expression starts with one of these).
_INLINE_NEEDS = {
    "backtick": ("`",),
    "escape": ("\\",),
    "footnote": ("[^",),
    "reference": ("[",),
    "link": ("[",),
    "image_link": ("![",),
    "image_reference": ("![",),
    "short_reference": ("[",),
    "short_image_ref": ("![",),
    "autolink": ("<",),
    "automail": ("<",),
    "linebreak": ("  \n",),
    "html": ("<",),
    "entity": ("&",),
    "em_strong": ("*", "_"),
}


class _PlainText(Extension):
    """Python-Markdown tries each of its 15 inline patterns on every text of the tree,
    and most texts of a news article match none: they are marked atomic (Python-Markdown's
    own way to say "no inline Markdown here") before the inline step, which then skips
    them: 30% less time for a typical article, with the same HTML."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_MarkPlainText(md), "newsarchive-plain-text", 21)


class _MarkPlainText(Treeprocessor):
    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self._could_match: Callable[[str], object] | None = None
        self._abbreviations: list[dict[str, str]] = []

    def run(self, root: Element) -> None:
        if self._could_match is None:  # every extension has registered its patterns now
            self._could_match = _any_of(self.md)
            self._abbreviations = [
                p.abbrs for p in self.md.treeprocessors if isinstance(p, AbbrTreeprocessor)
            ]
        if any(self._abbreviations):
            return  # "abbr" looks for its words in every text that is not atomic
        could_match = self._could_match
        for element in root.iter():
            text, tail = element.text, element.tail
            if text and type(text) is str and not could_match(text):
                element.text = AtomicString(text)
            if tail and type(tail) is str and not could_match(tail):
                element.tail = AtomicString(tail)


def _any_of(md: markdown.Markdown) -> Callable[[str], object]:
    """A search for anything that could start an inline pattern of md: with a pattern
    this table does not know (another extension), every text could."""
    known = [name for name in _INLINE_NEEDS if name in md.inlinePatterns]
    if len(known) < len(md.inlinePatterns):
        return lambda text: True
    needs = {need for name in known for need in _INLINE_NEEDS[name]}
    # A text holding "[^" or "![" holds "[": the shortest needs are enough to look for.
    least = tuple(sorted(n for n in needs if not any(m != n and m in n for m in needs)))

    def could_match(text: str) -> bool:
        # A few `in` tests, in C: five times faster than one regular expression of the
        # needs (sre tries each at every character), some 0.7 s of a 10,000-article build;
        # any() of a generator would take half as long again.
        for need in least:  # noqa: SIM110
            if need in text:
                return True
        return False

    return could_match


def _line_start(*starts: str, spaces: int = 3) -> tuple[str, ...]:
    """A line that begins with one of ``starts`` after at most ``spaces`` spaces, as
    found in "\\n" + block."""
    return tuple("\n" + " " * n + start for start in starts for n in range(spaces + 1))


# What a block must hold for each block processor of Python-Markdown and "extra" that
# looks for it with a regular expression (each needs one of these in "\n" + block, read
# off its expression: `(^|\n)[ ]{0,3}>` is a line starting with ">" after at most three
# spaces). Python-Markdown tries them in turn on every block: a paragraph, most of a
# news article, goes through all of them, each a regular expression over the whole block.
_BLOCK_NEEDS: dict[type, tuple[str, ...]] = {
    TableProcessor: ("|",),  # a header row of two cells, or a border
    blockprocessors.HashHeaderProcessor: _line_start("#", spaces=0),
    blockprocessors.SetextHeaderProcessor: ("\n=", "\n-"),
    blockprocessors.HRProcessor: _line_start("-", "_", "*"),
    DefListProcessor: _line_start(":"),
    blockprocessors.BlockQuoteProcessor: _line_start(">"),
    FootnoteBlockProcessor: _line_start("[^"),  # its test is always true; its run looks
    AbbrBlockprocessor: _line_start("*[", spaces=0),  # ...as does this one's
    blockprocessors.ReferenceProcessor: _line_start("["),  # ...and this one's
}
_FENCES = ("```", "~~~")  # fenced_code's opening fence: a line starting with three


class _QuickTests(Extension):
    """Each block processor of _BLOCK_NEEDS is tried on a block only when the block
    holds what it needs; fenced code is looked for only where a line starts a fence;
    escapes are restored only in texts that hold one. In C, a few `in` tests each:
    a fifth less time for a typical article, with the same HTML. A processor replaced
    by another of a different class (an extension) keeps its own test."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Each instance's own method is replaced, so the stock classes stay as they are.
        heads = _LineHeads()  # one per converter: its processors see the same blocks
        for processor in md.parser.blockprocessors:
            needs = _BLOCK_NEEDS.get(type(processor))
            if needs:
                processor.test = _tried_if(needs, processor.test, heads)  # type: ignore[method-assign]
        for pre in md.preprocessors:
            if type(pre) is FencedBlockPreprocessor:
                pre.run = _fenced_if_any(pre.run)  # type: ignore[method-assign]
                pre.FENCED_BLOCK_RE = _Fences()  # type: ignore[assignment,misc]
        for inline in md.inlinePatterns:
            if type(inline) in (LinkInlineProcessor, ImageInlineProcessor):
                inline.getLink = _link_if_closable(inline.getLink, inline.RE_LINK)  # type: ignore[attr-defined]
        for tree in md.treeprocessors:
            if type(tree) is UnescapeTreeprocessor:
                tree.unescape = _unescaped_if_any(tree.unescape)  # type: ignore[method-assign]


# The longest line start a need looks for after its "\n" ("   [^": three spaces, two
# characters).
_HEAD = max(len(need) - 1 for needs in _BLOCK_NEEDS.values() for need in needs)


class _LineHeads:
    """The first _HEAD characters of each line of a block, each after a "\n": a line
    start of _BLOCK_NEEDS is in "\n" + block exactly when it is in these (it holds no
    other "\n"). The parser tries every processor on a block in turn: the heads are
    cut once, and each test then searches a few characters, not a whole paragraph."""

    def __init__(self) -> None:
        self._last: tuple[str | None, str] = (None, "")

    def of(self, block: str) -> str:
        last, heads = self._last  # one tuple, so a block is never paired with another's
        if block is not last:  # the cache holds its block: no other can have its id
            heads = "\n" + "\n".join([line[:_HEAD] for line in block.split("\n")])
            self._last = (block, heads)
        return heads


def _tried_if(
    needs: tuple[str, ...], test: Callable[[Element, str], bool], heads: _LineHeads
) -> Callable:
    starts = tuple(need for need in needs if need.startswith("\n"))
    anywhere = tuple(need for need in needs if not need.startswith("\n"))

    def quick_test(parent: Element, block: str) -> bool:
        # any() of a generator, or of map(), is slower (see _any_of).
        for need in anywhere:
            if need in block:
                return test(parent, block)
        if starts:
            line_heads = heads.of(block)
            for need in starts:
                if need in line_heads:
                    return test(parent, block)
        return False

    return quick_test


# fenced_code's opening fence, read off its own expression (the part before the code):
# the whole run of backticks or tildes at a line's start, then at most a language or
# {attributes} (```` a b is no fence).
_FENCED = FencedBlockPreprocessor.FENCED_BLOCK_RE
_OPENING = re.compile(_FENCED.pattern.partition("(?P<code>")[0], _FENCED.flags)
_FENCE_START = re.compile(r"(?m)^(?:`{3,}|~{3,})")
_CLOSING = re.compile(r"(?m)^(`{3,}|~{3,})[ ]*$")


class _Fences:
    """fenced_code's expression, the closing fence of each opening looked up among the
    lines that are a fence before the expression is matched there: searched for, each
    opening never closed had it read on to the text's end (37,500 ```a lines, a 300 KB
    article, took 325 s to convert; bodylinks then asked Markdown again, 467 s more)."""

    def __init__(self) -> None:
        self._text: str | None = None
        self._closings: dict[str, list[int]] = {}

    def search(self, text: str, at: int = 0) -> re.Match[str] | None:
        if text is not self._text:  # fenced_code searches one text from block to block
            self._text, self._closings = text, {}
            for closing in _CLOSING.finditer(text):
                self._closings.setdefault(closing[1], []).append(closing.start())
        for start in _FENCE_START.finditer(text, at):
            opening = _OPENING.match(text, start.start())
            if opening is None:
                continue
            ends = self._closings.get(opening["fence"], [])
            # An opening over lines (hl_lines="…" cut by a newline) may end elsewhere.
            closed = "\n" in opening[0][:-1] or bisect_left(ends, opening.end()) < len(ends)
            if closed and (found := _FENCED.match(text, start.start())):
                return found
        return None


def fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s fenced code blocks are, from the opening fence to the end of
    the closing one, as fenced_code finds them: from the first on, each after the last."""
    fences, blocks, at = _Fences(), [], 0
    while found := fences.search(text, at):
        blocks.append(found.span())
        at = found.end()
    return blocks


def _fenced_if_any(run: Callable[[list[str]], list[str]]) -> Callable:
    def quick_run(lines: list[str]) -> list[str]:
        # Without a fence, fenced_code returns the lines it joined, split again.
        return run(lines) if any(line.startswith(_FENCES) for line in lines) else lines

    return quick_run


_PARENS = re.compile(r"[()]")
_QUOTES = re.compile(r"['\"]")
_STEPS = {"(": 1, ")": -1}


def _link_if_closable(get_link: Callable[[str, int], tuple], link: re.Pattern[str]) -> Callable:
    """getLink, which reads a link's (address) from its ( on to the ) that closes it,
    and without one to the text's end: each "[a](" of 20 KB of them did (7 s; 100 KB,
    175 s). It
    ends a link only at its expression's (<address>) (``link``), at a ) that closes
    its ( (counting the ones between), or after a quote (a title), where it stops
    counting, at as many ( or ) as were open then (its backtrack_count) or at a ) after
    another quote. Where none of these is ahead, it is not asked, and what it would
    give back (nothing found, read to the text's end) is given back at once."""
    last: list = [None]  # the text, then its _Parens

    def quick_get_link(data: str, index: int) -> tuple:
        if not data.startswith("(", index):
            return "", None, index, False  # as getLink: its expression starts with (
        if data is not last[0]:  # the link patterns read one text from [ to [
            last[:] = data, _Parens(data)
        address = link.match(data, index)  # from a (, always a match
        if last[1].may_close(index) or (address and address[1]):
            return get_link(data, index)
        return "", None, len(data), False

    return quick_get_link


class _Parens:
    """A text's ( and ) and quotes, counted once, so that getLink's reading from each
    ( can be foretold (see _link_if_closable)."""

    def __init__(self, text: str) -> None:
        self.at = [paren.start() for paren in _PARENS.finditer(text)]
        # How many more ( than ) are before each paren, and after the last.
        steps = map(_STEPS.__getitem__, _PARENS.findall(text))  # each in C
        self.depth = list(accumulate(steps, initial=0))
        # From each paren on, the fewest after any paren (after none: infinity).
        self.least = [*accumulate(reversed(self.depth[1:]), min, initial=float("inf"))][::-1]
        self.quotes = [quote.start() for quote in _QUOTES.finditer(text)]
        close = text.rfind(")")
        quote = max(text.rfind("'", 0, close), text.rfind('"', 0, close))
        self.quote_closed = quote if close >= 0 else -1  # the last quote before a )

    def may_close(self, index: int) -> bool:
        """Whether getLink, from the ( at ``index``, could find the link's end."""
        k = bisect_left(self.at, index)
        if self.least[k + 1] <= self.depth[k]:
            return True  # a ) closes it, if no quote comes first
        q = bisect_left(self.quotes, index)
        if q == len(self.quotes):
            return False
        quote = self.quotes[q]  # the title's first quote
        after = bisect_left(self.at, quote)
        still_open = self.depth[after] - self.depth[k]
        return len(self.at) - after >= still_open or self.quote_closed > quote


def _unescaped_if_any(unescape: Callable[[str], str]) -> Callable:
    def quick_unescape(text: str) -> str:
        # An escaped character is held as STX, its code point, ETX.
        return unescape(text) if STX in text else text

    return quick_unescape


class _ScrollableTables(Extension):
    """A wide table scrolls sideways inside its own box on a phone (site.css): a
    tabindex lets a keyboard reach and scroll it, as WCAG 2.1.1 asks."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_FocusableTables(md), "scrollable_tables", 0)


class _FocusableTables(Treeprocessor):
    def run(self, root: Element) -> None:
        for table in root.iter("table"):
            table.set("tabindex", "0")


class _HeadingsUnderTitle(Extension):
    """The article's title is the page's one <h1>, and its sections start at <h2>. An
    editor who starts the sections of an article with `#` (the first level of Markdown)
    made a second <h1>: its headings are then each one level lower (# -> h2, ## -> h3).
    A body whose highest heading is `###` (a portal's <h3>, imported) left <h2> out of
    the outline screen readers list: its headings are each raised (### -> h2). Either
    way they keep their order of rank. Before toc (5), which gives h2-h4 their ids."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_ShiftHeadings(md), "headings_under_title", 6)


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class _ShiftHeadings(Treeprocessor):
    def run(self, root: Element) -> None:
        # Raw HTML is not in the tree yet (it is stashed): a heading written so is kept.
        levels = [int(e.tag[1]) for e in root.iter() if e.tag in _HEADINGS]
        if not levels or min(levels) == 2:
            return
        shift = 2 - min(levels)
        for element in root.iter():
            if element.tag in _HEADINGS:
                element.tag = f"h{min(int(element.tag[1]) + shift, 6)}"


def to_html(converter: markdown.Markdown, text: str, clean: bool = False) -> str:
    """``clean`` (site.yaml `sanitize_html`) also cleans the body's raw HTML."""
    converter.reset()
    converted = _RAW_LINK.sub(_marked_if_bare, converter.convert(text))
    return sanitize(converted) if clean else converted


def _marked_if_bare(match: re.Match[str]) -> str:
    """A raw HTML link given BARE_LINK where its words are its address (to another site)."""
    attributes, words = match[1], match[5]
    address = unescape(match[2] or match[3] or match[4] or "").strip()
    if (
        not is_away_link(address)
        or _BARE_ATTRIBUTE.search(attributes)
        or unescape(words).strip() not in (address, address.partition("://")[2])
    ):
        return match[0]
    return "<a " + BARE_LINK + match[0][2:]


def is_site_link(url: str) -> bool:
    """A path on this site (root-relative or relative), not a page fragment alone."""
    parts = urlsplit(url.strip())
    return not parts.scheme and not parts.netloc and bool(parts.path)


def is_away_link(url: str) -> bool:
    """An address on another site, by http or https."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # a malformed IPv6 address: left as written
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _mark(tag: str, attribute: str, url: str, element: Element) -> None:
    # Python-Markdown keeps "&" as a placeholder until its last step (it writes mail
    # autolinks as character references): read the address as the browser will.
    readable = unescape(url.replace(AMP_SUBSTITUTE, "&"))
    if not is_safe_url(readable):
        alt = element.get("alt", "")
        element.attrib.clear()
        element.set(UNSAFE_ATTRIBUTE, url)
        if tag == "img":
            element.tag, element.text = "span", alt
    elif is_site_link(readable):
        element.set(attribute, SITE_LINK + url.strip())
    elif tag == "a" and is_away_link(readable):
        element.set(attribute, AWAY_LINK + url.strip())
        if _shows_its_address(element, readable.strip()):
            element.attrib[BARE_LINK] = None  # type: ignore[assignment]  # written bare


def _shows_its_address(link: Element, address: str) -> bool:
    """Whether ``link``'s only words are ``address``, with or without its scheme."""
    if len(link) > 0 or not link.text:
        return False
    words = unescape(link.text.replace(AMP_SUBSTITUTE, "&")).strip()
    return words in (address, address.partition("://")[2])


def _leads_to_unnamed_pictures(link: Element, url: str) -> bool:
    """Whether ``link`` shows only pictures without alt text and leads to a picture
    (and has no name of its own either: a title, an aria-label of an attribute list)."""
    path = urlsplit(unescape(url.replace(AMP_SUBSTITUTE, "&")).strip()).path
    return (
        path.lower().endswith(PICTURE_FILES)
        and not link.get("title")
        and not link.get("aria-label")
        and len(link) > 0
        and not (link.text or "").strip()
        and all(
            child.tag == "img"
            and not child.get("alt", "").strip()
            and not (child.tail or "").strip()
            for child in link
        )
    )


class _LinkMarker(Treeprocessor):
    """One pass over the body's links and images (after every other treeprocessor,
    so addresses set by attribute lists `{: href=... }` are seen too)."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            attribute = _LINK_ATTRIBUTES.get(element.tag)
            url = element.get(attribute) if attribute else None
            if attribute and url is not None:
                if element.tag == "a" and _leads_to_unnamed_pictures(element, url):
                    element.set("aria-label", PICTURE_LINK)
                _mark(element.tag, attribute, url, element)


class _BodyLinks(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_LinkMarker(md), "newsarchive-links", -10)


# Tags and attributes of news articles; no script, style, forms or on* handlers.
_ALLOWED_TAGS = {
    *("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code"),
    *("a", "img", "figure", "figcaption", "picture", "source", "audio", "video", "track"),
    *("ul", "ol", "li", "dl", "dt", "dd", "span", "div", "section", "aside", "details"),
    *("summary", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "col"),
    *("colgroup", "em", "strong", "b", "i", "u", "s", "small", "sub", "sup", "mark", "q"),
    *("cite", "abbr", "time", "del", "ins", "kbd", "samp", "var", "wbr"),
}
_ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "name", "aria-label", UNSAFE_ATTRIBUTE, BARE_LINK},
    "img": {"src", "alt", "width", "height", "loading"},
    "span": {UNSAFE_ATTRIBUTE},
    "source": {"src", "srcset", "type", "media"},
    "audio": {"src", "controls"},
    "video": {"src", "controls", "width", "height", "poster"},
    "track": {"src", "kind", "srclang", "label"},
    "th": {"colspan", "rowspan", "scope", "style"},  # style: Markdown's column alignment
    "td": {"colspan", "rowspan", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "time": {"datetime"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
_URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "cite"}


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """The same rule as Markdown links: refused addresses dropped, site links marked."""
    if attribute not in _URL_ATTRIBUTES:
        return value
    # Markdown's links come marked; raw HTML can write a mark too, before any address
    # ("newsarchive-site:javascript:..."): the address after it is judged again.
    value = value.removeprefix(SITE_LINK).removeprefix(AWAY_LINK)
    if not is_safe_url(value):
        return None
    if attribute in ("href", "src") and is_site_link(value):
        return SITE_LINK + value.strip()
    if tag == "a" and attribute == "href" and is_away_link(value):
        return AWAY_LINK + value.strip()
    return value


def sanitize(body_html: str) -> str:
    """The body's HTML through nh3 (ammonia): only the tags and attributes above."""
    return nh3.clean(
        body_html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes={*SAFE_SCHEMES, SITE_LINK.rstrip(":"), AWAY_LINK.rstrip(":")},
        link_rel=None,
        strip_comments=True,
        filter_style_properties={"text-align"},
        # nh3 drops the tabindex _FocusableTables gives every table (an author's own is
        # not kept): set again, a wide table stays reachable by keyboard to scroll it.
        set_tag_attribute_values={"table": {"tabindex": "0"}},
    )


def resolve_links(
    body_html: str,
    link: Callable[[str], str | None],
    away: Callable[[str], str | None] = lambda written: None,
) -> str:
    """The body's HTML for one page: ``link`` gives the address of each site link for
    that page, ``away`` of each link to another site (None: as written); refused
    addresses are removed."""
    for mark, marked, given in ((SITE_LINK, _SITE_LINK, link), (AWAY_LINK, _AWAY_LINK, away)):
        if mark in body_html:
            body_html = marked.sub(functools.partial(_resolved, given), body_html)
    if UNSAFE_ATTRIBUTE in body_html:
        body_html = _UNSAFE.sub("", body_html)
    return body_html


def _resolved(link: Callable[[str], str | None], match: re.Match[str]) -> str:
    written = match.group(1)  # as serialised: &, <, > and " escaped
    href = link(unescape(written))
    return written if href is None else html.escape(href)


SITE, UNSAFE, AWAY, RUNS, ROOTED = "site", "unsafe", "away", "runs", "rooted"


def marked_links(body_html: str) -> tuple[tuple[str, str, str], ...]:
    """The marked links of a converted body in document order, each as (SITE, AWAY or
    UNSAFE, the address as written with entities decoded, the address as serialised);
    what in its raw HTML would run (activehtml.runs), as (RUNS, what it is, the key
    to find it by in the source); and each address from the site's root in its raw HTML
    (ROOTED, which the build keeps as written), checked with them on every build."""
    found = [(at, RUNS, what, key) for at, what, key in runs(body_html, _MARKS)]
    found += [(at, ROOTED, address, address) for at, address in raw_from_root(body_html)]
    for mark, marked, kind in (
        (SITE_LINK, _SITE_LINK, SITE),
        (AWAY_LINK, _AWAY_LINK, AWAY),
        (UNSAFE_ATTRIBUTE, _UNSAFE, UNSAFE),
    ):
        if mark in body_html:
            found += [(m.start(), kind, unescape(m[1]), m[1]) for m in marked.finditer(body_html)]
    return tuple((kind, decoded, raw) for _, kind, decoded, raw in sorted(found, key=_first))


# An address from the root in an attribute (or a srcset's or a style's url()): a body
# without one has none in its raw HTML (Markdown's own come marked, SITE_LINK).
_MAYBE_ROOTED = re.compile(r"""(?:=\s*["']?|,\s*|url\(\s*["']?)/(?![/\\])""")


def raw_from_root(body_html: str) -> list[tuple[int, str]]:
    """Each address from the site's root (`/images/a.jpg`, not `//host/`) that the raw
    HTML of ``body_html`` writes where a page links or loads one (as `check` reads a
    page: pagelinks.LINK_ATTRIBUTES), with its offset: published as written, it misses
    a site served under a path, and is checked apart from Markdown's."""
    if not _MAYBE_ROOTED.search(body_html):
        return []
    parser = _RawLinks()
    parser.feed(short_numbers(body_html))  # see activehtml.runs
    parser.close()
    starts = [0, *(m.end() for m in re.finditer("\n", body_html))]
    return [
        (starts[line - 1] + column, address)
        for (line, column), address in parser.found
        if address.startswith("/") and not address.startswith(("//", "/\\"))
    ]


class _RawLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[tuple[int, int], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = self.getpos()
        values = {k: v for k, v in attrs if v is not None}
        for name in LINK_ATTRIBUTES.get(tag, ()):
            value = values.get(name, "")
            found = [c.split()[0] for c in value.split(",") if c.strip()]  # srcset's
            found = found if name == "srcset" else [value.strip()]
            self.found += [(where, address) for address in found if address]
        if "style" in values:
            self.found += [(where, address) for address in css_links(values["style"])]

    handle_startendtag = handle_starttag


def _first(item: tuple) -> int:
    return item[0]  # what runs in one tag stays in the order of its attributes


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
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


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
    if len(lines) > 1 and any(TABLE_RULE.match(line) and "|" in line for line in lines):
        escaped = [line.replace("|", "\\|") for line in escaped]
    return "<br>\n".join(escaped)
