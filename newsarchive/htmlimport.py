"""A saved HTML page of an article -> title, date, category and a Markdown body.

The standard library's html.parser reads the page; a small tree builder adds the
end tags that old CMS pages leave out. What cannot be carried over into Markdown
is named in the notes, never dropped silently.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

from .linksafety import is_safe_url
from .markup import escape_inline, escape_line_start


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


VOID = _tags("area base br col embed hr img input link meta param source track wbr")
# Block elements that end an open <p>, as browsers do.
CLOSES_P = _tags(
    "address article aside blockquote details div dl fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section table ul"
)
DROPPED = _tags(
    "script style noscript template iframe video audio object embed canvas svg form "
    "button input select textarea nav header footer aside"
)
HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = _tags(
    "p div section article main figure figcaption blockquote ul ol li table thead tbody "
    "tfoot tr td th pre hr dl dt dd center address details summary"
) | frozenset(HEADINGS)
INLINE_QUIET = _tags("span font small big time abbr mark u ins cite q sup sub s del")
_SPACE = re.compile(r"[ \t\n\r\f]+")  # not \s: a no-break space is text
_DATE_TEXT = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*(?:\||-|,|lúc)?\s*(\d{1,2})[:hg](\d{2}))?"
)
_BODY_HINT = re.compile(r"(article|entry|post|news|detail|content|body|noidung|chitiet)", re.I)
_CATEGORY_HINT = re.compile(r"(categor|chuyen-?muc|section)", re.I)
# The lead paragraph that news pages keep beside the body ("sapo" in Vietnamese CMSs).
_LEAD_HINT = re.compile(r"(sapo|lead|summary|intro|desc|tomtat|tom-tat)", re.I)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Node | str"] = field(default_factory=list)
    parent: "Node | None" = None

    def text(self, between: str = "") -> str:
        """The text inside; ``between`` goes between elements (" " for a readable excerpt)."""
        return between.join(c if isinstance(c, str) else c.text(between) for c in self.children)

    def elements(self) -> "list[Node]":
        """Every element below this one, in document order."""
        found = []
        for child in self.children:
            if isinstance(child, Node):
                found.append(child)
                found.extend(child.elements())
        return found

    def css(self) -> str:
        return f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}"


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CLOSES_P:
            self._close_if_open("p", stop_at=("div", "section", "article", "td", "li"))
        if tag == "li":
            self._close_if_open("li", stop_at=("ul", "ol"))
        if tag in ("td", "th"):
            self._close_if_open("td", stop_at=("tr",))
            self._close_if_open("th", stop_at=("tr",))
        if tag == "tr":
            self._close_if_open("tr", stop_at=("table",))
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.open[-1])
        self.open[-1].children.append(node)
        if tag not in VOID:
            self.open.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open[-1].tag == tag:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)

    def _close_if_open(self, tag: str, stop_at: tuple[str, ...]) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            name = self.open[depth].tag
            if name == tag:
                del self.open[depth:]
                return
            if name in stop_at:
                return


def parse_html(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


@dataclass(frozen=True)
class HtmlArticle:
    title: str
    date_text: str  # as found: an ISO datetime or a day-first date
    category: str
    body: str  # Markdown
    notes: tuple[str, ...]


def read_html_article(text: str, source_url: str = "") -> HtmlArticle:
    root = parse_html(text)
    notes: list[str] = []
    scope = _first(root, "article") or _first(root, "main") or _first(root, "body") or root
    title = _title(root, scope, notes)
    date_text = _date(root, scope, notes)
    category = _category(root, scope, title)
    if not category:
        notes.append("found no category on the page: the article has no category")
    container = _body_container(scope)
    if container is None:
        notes.append("found no paragraphs of text on the page; the article body is empty")
        body = ""
    else:
        notes.append(f"article text taken from {_describe(container)}")
        converter = _Converter(source_url, skip=_title_node(scope))
        leads = [n for n in _siblings(container) if _LEAD_HINT.search(n.css())]
        body = "\n\n".join(
            filter(None, [*map(converter.blocks, leads), converter.blocks(container)])
        )
        notes.extend(converter.report())
        notes.extend(_left_out(container, scope, title, [*leads]))
    return HtmlArticle(title, date_text, category, body, tuple(notes))


def _first(root: Node, tag: str) -> Node | None:
    return next((n for n in root.elements() if n.tag == tag), None)


def _meta(root: Node, *names: str) -> str:
    for node in root.elements():
        if node.tag == "meta" and (node.attrs.get("property") or node.attrs.get("name")) in names:
            return node.attrs.get("content", "").strip()
    return ""


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _title_node(scope: Node) -> Node | None:
    return _first(scope, "h1")


def _title(root: Node, scope: Node, notes: list[str]) -> str:
    heading = _title_node(scope) or _first(root, "h1")
    if heading is not None and _clean(heading.text()):
        return _clean(heading.text())
    for found, where in ((_meta(root, "og:title"), "og:title"), (_title_tag(root), "<title>")):
        if found:
            notes.append(f"no <h1> on the page: the title was taken from {where}; check it")
            return found
    return ""


def _title_tag(root: Node) -> str:
    node = _first(root, "title")
    return _clean(node.text()) if node is not None else ""


def _date(root: Node, scope: Node, notes: list[str]) -> str:
    for node in scope.elements():
        if node.tag == "time" and node.attrs.get("datetime"):
            return node.attrs["datetime"].strip()
    published = _meta(root, "article:published_time", "pubdate", "date")
    if published:
        return published
    # The old portal printed "Ngày đăng 19/04/2019 | 16:54" near the title; a page
    # header may show today's date too, so a labelled date wins.
    text = _clean(scope.text())
    match = re.search(r"Ngày đăng:?\s*" + _DATE_TEXT.pattern, text) or _DATE_TEXT.search(text)
    if not match:
        return ""
    d, m, y, hh, mm = match.groups()
    if not match.group(0).startswith("Ngày đăng"):
        notes.append(f"the date was taken from the text {match.group(0)!r}; check it")
    return f"{d}/{m}/{y}" + (f" {hh}:{mm}" if hh else "")


def _category(root: Node, scope: Node, title: str) -> str:
    for node in scope.elements():
        if _CATEGORY_HINT.search(node.css()) and _clean(node.text()):
            return _clean(node.text())
    for node in root.elements():
        if "breadcrumb" in node.css().lower():
            items = [_clean(n.text()) for n in node.elements() if n.tag in ("li", "a")]
            items = [i for i in items if i and i != title]
            if len(items) > 1:
                return items[-1]
    return _meta(root, "article:section")


def _body_container(scope: Node) -> Node | None:
    """The element holding the most paragraph text: the article body on most CMS pages."""
    best, best_score = None, 0
    for node in [scope, *scope.elements()]:
        if node.tag in DROPPED or node.tag in VOID:
            continue
        score = sum(
            len(_clean(c.text())) for c in node.children if isinstance(c, Node) and c.tag == "p"
        )
        if _BODY_HINT.search(node.css()):
            score = int(score * 1.2)
        if score > best_score:
            best, best_score = node, score
    return best


def _siblings(node: Node) -> list[Node]:
    parent = node.parent
    if parent is None:
        return []
    return [c for c in parent.children if isinstance(c, Node) and c is not node]


def _left_out(container: Node, scope: Node, title: str, kept: list[Node]) -> list[str]:
    """Name the text near the article that was not imported, so an editor can look."""
    notes = []
    node = container
    while node is not scope and node.parent is not None:
        for sibling in _siblings(node):
            text = _clean(sibling.text(" "))
            if (
                not text
                or sibling in kept
                or sibling.tag in DROPPED
                or title in text
                or _CATEGORY_HINT.search(sibling.css())
                or "breadcrumb" in sibling.css().lower()
                or (_DATE_TEXT.search(text) and len(text) < 40)
            ):
                continue
            excerpt = text if len(text) <= 60 else text[:57] + "..."
            notes.append(
                f"left out the text {excerpt!r} ({_describe(sibling)}): "
                "add it by hand if it belongs to the article"
            )
        node = node.parent
    return notes


def _describe(node: Node) -> str:
    css = " ".join(f'{k}="{v}"' for k, v in node.attrs.items() if k in ("id", "class"))
    return f"<{node.tag}{' ' + css if css else ''}>"


class _Converter:
    """HTML elements -> Markdown blocks, counting what it could not keep."""

    def __init__(self, source_url: str, skip: Node | None = None):
        self.source_url = source_url
        self.skip = skip
        self.dropped: Counter[str] = Counter()
        self.flattened: Counter[str] = Counter()
        self.relative: list[str] = []
        self.no_href = 0
        self.unsafe = 0

    def report(self) -> list[str]:
        notes = [
            f"left out {count} <{tag}> element(s) and their content"
            for tag, count in sorted(self.dropped.items())
        ]
        notes += [
            f"kept only the text of {count} <{tag}> element(s) (their layout is lost)"
            for tag, count in sorted(self.flattened.items())
        ]
        if self.no_href:
            notes.append(f"kept the text of {self.no_href} link(s) that had no usable address")
        if self.unsafe:
            notes.append(
                f"kept only the text of {self.unsafe} link(s) whose address was unsafe "
                "(javascript:, data:, vbscript: ...; only http, https, mailto, tel are kept)"
            )
        for url in self.relative:
            notes.append(
                f"relative address {url!r} kept as written: it will not work on the "
                "archive; pass --source-url to make it point at the original site"
            )
        return notes

    def blocks(self, node: Node, indent: str = "") -> str:
        out: list[str] = []
        inline: list[str] = []

        def flush() -> None:
            text = _clean("".join(inline).replace("\n", " ")).replace("<br> ", "<br>\n")
            inline.clear()
            if text:
                out.append("\n".join(escape_line_start(line) for line in text.split("\n")))

        for child in node.children:
            if isinstance(child, str):
                inline.append(escape_inline(_SPACE.sub(" ", child)))
            elif child is self.skip:
                continue
            elif child.tag in DROPPED:
                self.dropped[child.tag] += 1
            elif child.tag in BLOCKS:
                flush()
                block = self.block(child)
                if block:
                    out.append(block)
            else:
                inline.append(self.inline(child))
        flush()
        return "\n\n".join(out)

    def block(self, node: Node) -> str:
        tag = node.tag
        if tag in HEADINGS:
            text = self.inline_children(node)
            level = max(2, HEADINGS[tag])  # the page's own h1 is the article title
            return f"{'#' * level} {text}" if text else ""
        if tag in ("ul", "ol"):
            return self.list_block(node)
        if tag == "blockquote":
            inner = self.blocks(node)
            return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
        if tag == "hr":
            return "---"
        if tag == "pre":
            self.flattened[tag] += 1
            lines = [escape_inline(line) for line in node.text().strip("\n").split("\n")]
            return "<br>\n".join(escape_line_start(line.strip()) for line in lines if line.strip())
        if tag == "table":
            return self.table(node)
        if tag == "dl":
            self.flattened[tag] += 1
        return self.blocks(node)

    def table(self, node: Node) -> str:
        """A Markdown table; the first row is its header, as Markdown tables need one."""
        rows = [
            [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]
            for row in node.elements()
            if row.tag == "tr"
        ]
        rows = [row for row in rows if row]
        if not rows:
            return ""
        if any("colspan" in c.attrs or "rowspan" in c.attrs for row in rows for c in row):
            self.flattened["table cells spanning several columns or rows"] += 1
        width = max(len(row) for row in rows)
        lines = []
        for number, row in enumerate(rows):
            cells = [self.inline_children(c).replace("|", "\\|") for c in row]
            cells += [""] * (width - len(cells))
            lines.append("| " + " | ".join(cells) + " |")
            if number == 0:
                lines.append("|" + " --- |" * width)
        return "\n".join(lines)

    def list_block(self, node: Node) -> str:
        items = [c for c in node.children if isinstance(c, Node) and c.tag == "li"]
        lines = []
        for number, item in enumerate(items, start=1):
            marker = f"{number}. " if node.tag == "ol" else "- "
            inner = self.blocks(item)
            pad = " " * 4
            first, *rest = inner.split("\n") if inner else [""]
            lines.append(marker + first)
            lines.extend(pad + line if line else "" for line in rest)
        return "\n".join(lines)

    def inline_children(self, node: Node) -> str:
        parts = []
        for child in node.children:
            if isinstance(child, str):
                parts.append(escape_inline(_SPACE.sub(" ", child)))
            elif child.tag in DROPPED:
                self.dropped[child.tag] += 1
            else:
                parts.append(self.inline(child))
        return _clean("".join(parts))

    def inline(self, node: Node) -> str:
        tag = node.tag
        if tag == "br":
            return "<br>\n"
        if tag == "img":
            src = node.attrs.get("src", "")
            if src.strip() and not is_safe_url(src):
                self.dropped["img with an unsafe src (not http, https or relative)"] += 1
                return ""
            src = self.address(src)
            if not src:
                self.dropped["img without src"] += 1
                return ""
            alt = escape_inline(_clean(node.attrs.get("alt", "")))
            return f"![{alt}]({src})"
        text = self.inline_children(node)
        if tag in ("strong", "b"):
            return f"**{text}**" if text else ""
        if tag in ("em", "i"):
            return f"*{text}*" if text else ""
        if tag == "a":
            href = node.attrs.get("href", "").strip()
            if not href or href.startswith("#"):
                self.no_href += 1 if text else 0
                return text
            if not is_safe_url(href):
                self.unsafe += 1
                return text
            return f"[{text}]({self.address(href)})" if text else ""
        if tag not in INLINE_QUIET:
            self.flattened[tag] += 1
        return text

    def address(self, url: str) -> str:
        url = url.strip()
        if not url:
            return ""
        if not urlsplit(url).scheme and not url.startswith("//"):
            if self.source_url:
                url = urljoin(self.source_url, url)
            else:
                self.relative.append(url)
        # Spaces and parentheses would end a Markdown link early.
        return quote(url, safe=":/?#[]@!$&'*+,;=%~")
