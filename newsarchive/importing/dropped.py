"""What the generic extractor (trafilatura) leaves out of an article without a word,
made into what it keeps, or named in the import's notes.

trafilatura keeps paragraphs, links, pictures and tables, and drops a paragraph that is
a link alone (an attachment offered so: it is unwrapped, and kept), a figure's
<figcaption>, an <object> (a PDF shown in the page, with the link a browser without a
viewer shows instead) and an <svg> drawing pasted into the page, wherever they are. So
before it reads the page, a caption becomes a paragraph, an object its fallback (or a
link to its file, named by the file's name); a drawing becomes a paragraph of a token,
which trafilatura keeps only where it keeps the text around it (not a logo's or a share
button's): each token left in the text is taken out again, and the drawing named.
"""

import posixpath
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .html import is_attachment

_TOKEN = "NewsarchiveDrawing{}X"  # letters only: trafilatura changes no letter
_DROPPED = "figcaption, object[data], svg"


def for_extractor(page_html: str) -> tuple[str, list[str]]:
    """The page as trafilatura is given it, and what each drawing's token stands for
    (see `drawings_left_out`)."""
    tree = LexborHTMLParser(page_html)
    alone = [a for a in tree.css("a[href]") if is_attachment(a.attributes["href"] or "")]
    alone = [block for block in map(_block_of, alone) if block is not None]
    if not alone and tree.css_first(_DROPPED) is None:
        return page_html, []
    for block in alone:
        block.unwrap()  # a link in the text's flow is kept, as a paragraph of its own
    for caption in tree.css("figcaption"):
        _replace(caption, _element(f"<p>{caption.inner_html or ''}</p>"))
    for embedded in tree.css("object[data]"):
        # Not in a paragraph: trafilatura drops a paragraph that is a link alone.
        if embedded.text(strip=True):
            embedded.unwrap()  # what a browser without a viewer shows
        else:
            _replace(embedded, _link(embedded.attributes.get("data") or ""))
    drawings = []
    for drawing in [d for d in tree.css("svg") if not _in_drawing(d)]:
        drawings.append(_named(drawing))
        _replace(drawing, _element(f"<p>{_TOKEN.format(len(drawings) - 1)}</p>"))
    return tree.html or page_html, drawings


def drawings_left_out(body_html: str, drawings: list[str]) -> tuple[str, list[str]]:
    """``body_html`` without the drawings' tokens trafilatura kept, and a note naming
    those drawings (none when it kept none)."""
    left = []
    for n, name in enumerate(drawings):
        token = _TOKEN.format(n)
        if token in body_html:
            body_html = body_html.replace(f"<p>{token}</p>", "").replace(token, "")
            left.append(name)
    if not left:
        return body_html, []
    return body_html, [
        f"left out {len(left)} drawing(s) pasted into the page as <svg> (the article's "
        f"text keeps no drawing): {'; '.join(left)}; if the article needs one, save it "
        "from the page as an .svg picture into static/images and show it in the article "
        "as ![what it shows](/images/NAME.svg)"
    ]


def _block_of(link: LexborNode) -> LexborNode | None:
    """The paragraph (or div) ``link`` is alone in, as an attachment is offered, which
    trafilatura drops as a menu's; None when it has other text or links."""
    block = link.parent
    while block is not None and block.tag not in ("p", "div"):
        block = block.parent
    if block is None or len(block.css("a")) != 1:
        return None
    return block if block.text(strip=True) == link.text(strip=True) else None


def _in_drawing(node: LexborNode) -> bool:
    """Whether ``node`` is drawn inside another <svg> (part of that one), or is the icon
    of a link or button (a share button's, a menu's: no picture of the article)."""
    parent = node.parent
    while parent is not None and parent.tag not in ("svg", "a", "button"):
        parent = parent.parent
    return parent is not None


def _replace(node: LexborNode, new: LexborNode) -> None:
    node.insert_before(new)
    node.decompose()


def _element(html: str) -> LexborNode:
    body = LexborHTMLParser(html).body
    assert body is not None and body.child is not None
    return body.child


def _link(address: str) -> LexborNode:
    """A link to the file of an <object> that shows nothing else, named by its name."""
    link = _element("<a></a>")
    link.attrs["href"] = address
    link.insert_child(posixpath.basename(unquote(urlsplit(address).path).rstrip("/")) or address)
    return link


def _named(drawing: LexborNode) -> str:
    """How the archivist finds the drawing on the page: its title or label, its
    words, else its size."""
    title = drawing.css_first("title")
    words = (
        drawing.attributes.get("aria-label")
        or (title.text(strip=True) if title is not None else "")
        or " ".join(drawing.text().split())
    )
    if words:
        return f"'{words[:60]}'"
    width, height = drawing.attributes.get("width"), drawing.attributes.get("height")
    return f"one of {width} by {height}" if width and height else "one without words"
