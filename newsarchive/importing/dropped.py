"""What the generic extractor (trafilatura) leaves out of an article without a word,
made into what it keeps, or named in the import's notes.

trafilatura keeps paragraphs, links, pictures and tables, and drops a paragraph that is
a link alone (an attachment offered so: it is unwrapped, and kept), a figure's
<figcaption>, an <object> (a PDF shown in the page, with the link a browser without a
viewer shows instead), a <video>, <audio>, <iframe> or <embed> and an <svg> drawing
pasted into the page, wherever they are. So before it reads the page, a caption becomes
a paragraph, an object its fallback (or a link to its file, named by the file's name, or
the player inside it), a player of a file (a clip, a sound, a PDF viewer) a link to that
file, as a profile's import makes it; a player of another site (YouTube, Facebook) or a
map, one or an object that shows nothing or an unsafe address, and a drawing, become a
paragraph of a token, which trafilatura keeps only where it keeps the text around it
(not a footer's or a share button's): each token left in the text is taken out again,
and what it stood for named in the notes. A lazy-loaded picture or player is
given the address its script would give it, as a profile's import reads it.
"""

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..linksafety import is_safe_url
from .crawl import link_target
from .html import (
    LAZY_SOURCES,
    LAZY_SRCSETS,
    as_written,
    embed_address,
    file_name,
    is_attachment,
    lazy_sizes,
    lost_player,
    lost_unsafe,
    lost_unshown,
    picture_sizes,
    shown_file,
    unfold_players,
)

_TOKEN = "NewsarchiveLeftOut{}X"  # letters only: trafilatura changes no letter
_PLAYERS = "iframe, embed, video, audio"
_PLAYER_TAGS = tuple(_PLAYERS.split(", "))
_DROPPED = f"figcaption, object, svg, {_PLAYERS}"

# What a token stands for: ("drawing", how to find it) or ("player", the note naming it).
StandIn = tuple[str, str]
# A picture's other sizes, by the address the Markdown writes it at (Extracted.alternates).
Sizes = dict[str, tuple[str, ...]]


def for_extractor(page_html: str, page_url: str = "") -> tuple[str, list[StandIn], Sizes]:
    """The page as trafilatura is given it, what each token stands for (see
    `left_out`), and the other sizes of the pictures it shows."""
    tree = LexborHTMLParser(page_html)
    unfolded = unfold_players(tree)
    pictures = tree.css("picture")
    for picture in pictures:
        picture_sizes(picture)
    shown, sizes = _shown(tree, page_url)
    if (
        not (unfolded or pictures or shown)
        and tree.css_first(_DROPPED) is None
        and not _alone(tree)
    ):
        return page_html, [], {}
    for caption in tree.css("figcaption"):
        _replace(caption, _element(f"<p>{caption.inner_html or ''}</p>"))
    stand_ins: list[StandIn] = []
    for embedded in tree.css("object"):
        address = embed_address(embedded)  # its data, or a lazy-loading script's
        # Not in a paragraph: trafilatura drops a paragraph that is a link alone.
        if embedded.text(strip=True):
            _player_of(embedded, page_url, stand_ins)
            for inner in embedded.css(_PLAYERS):
                inner.decompose()  # the same file as the object's, linked by its fallback
            embedded.unwrap()  # what a browser without a viewer shows
        elif address or embedded.css_first(_PLAYERS) is None:
            _player(embedded, page_url, stand_ins)  # a file's link, else named
        else:  # the player inside shows its file; trafilatura would drop it with the object
            embedded.unwrap()
    for player in [p for p in tree.css(_PLAYERS) if not _within(p, _PLAYER_TAGS)]:
        _player(player, page_url, stand_ins)
    for block in _alone(tree):
        block.unwrap()  # a link in the text's flow is kept, as a paragraph of its own
    for drawing in [d for d in tree.css("svg") if not _within(d, ("svg", "a", "button"))]:
        stand_ins.append(("drawing", _named(drawing)))
        _replace(drawing, _element(f"<p>{_TOKEN.format(len(stand_ins) - 1)}</p>"))
    return tree.html or page_html, stand_ins, sizes


def _shown(tree: LexborHTMLParser, page_url: str) -> tuple[bool, Sizes]:
    """Each <img> at the address it shows once its lazy-loading script ran, its largest
    size, as a profile's import reads it (html._Prepared._image): trafilatura reads a
    data-src, but shows a data-original's blank.gif, loses a data-lazy-src and takes a
    data-srcset whole for one address. Whether any changed, and the other sizes of each
    (the crawl may hold one of them only)."""
    changed = False
    sizes: Sizes = {}
    for image in tree.css("img"):
        shown, *others = [url for url in lazy_sizes(image) if is_safe_url(url)] or [""]
        if not shown or (shown == (image.attrs.get("src") or "").strip() and not others):
            continue  # a placeholder only (html.py names it), or as it was
        for name in (*LAZY_SOURCES, *LAZY_SRCSETS):
            if name in image.attrs:
                del image.attrs[name]
        image.attrs["src"] = shown
        changed = True
        if others:
            written = [as_written(_absolute(page_url, url)) for url in (shown, *others)]
            sizes[written[0]] = tuple(written[1:])
    return changed, sizes


def left_out(body_html: str, stand_ins: list[StandIn]) -> tuple[str, list[str]]:
    """``body_html`` without the tokens trafilatura kept, and the notes naming the
    drawings and players they stand for (none when it kept none)."""
    drawings: list[str] = []
    notes: list[str] = []
    for n, (kind, name) in enumerate(stand_ins):
        token = _TOKEN.format(n)
        if token in body_html:
            body_html = body_html.replace(f"<p>{token}</p>", "").replace(token, "")
            (drawings if kind == "drawing" else notes).append(name)
    if drawings:
        notes.append(
            f"left out {len(drawings)} drawing(s) pasted into the page as <svg> (the "
            f"article's text keeps no drawing): {'; '.join(drawings)}; if the article needs "
            "one, save it from the page as an .svg picture into static/images and show it "
            "in the article as ![what it shows](/images/NAME.svg)"
        )
    return body_html, list(dict.fromkeys(notes))


def _player(player: LexborNode, page_url: str, stand_ins: list[StandIn]) -> None:
    """A file shown in the page (a clip, a sound, a PDF in a viewer) -> a link to it, named
    by its file's name and copied like any attachment, as a profile's import does; a
    player of another site (YouTube, Facebook) or a map -> a token standing for the note
    that names its address; one that shows nothing (about:blank) or only an unsafe
    address -> a token for the note a profile's import gives it."""
    written = [a for a in map(embed_address, [player, *player.css("source")]) if a]
    addresses = [a for a in written if is_safe_url(a)]
    files = [file for file in map(shown_file, addresses) if file]
    if files:
        _replace(player, _link(files[0]))
        return
    tag = player.tag or ""
    if addresses:
        _stand_in(player, lost_player(tag, _absolute(page_url, addresses[0])), stand_ins)
    else:
        _stand_in(player, lost_unsafe(tag) if written else lost_unshown(player), stand_ins)


def _player_of(fallback: LexborNode, page_url: str, stand_ins: list[StandIn]) -> None:
    """A token before the <object> with a ``fallback``, standing for the note naming the
    player it shows (a Flash one), as a profile's import names it; none for a file's."""
    written = [embed_address(n) for n in fallback.css(f"{_PLAYERS}, object, source")]
    addresses = [a for a in written if a and is_safe_url(a)]
    if addresses and not any(map(shown_file, addresses)):
        stand_ins.append(("player", lost_player("object", _absolute(page_url, addresses[0]))))
        fallback.insert_before(_element(f"<p>{_TOKEN.format(len(stand_ins) - 1)}</p>"))


def _stand_in(node: LexborNode, note: str, stand_ins: list[StandIn]) -> None:
    """``node`` -> a token standing for ``note`` on the player it was."""
    stand_ins.append(("player", note))
    _replace(node, _element(f"<p>{_TOKEN.format(len(stand_ins) - 1)}</p>"))


def _absolute(page_url: str, address: str) -> str:
    """The address as the archivist finds it: absolute, or as written when it cannot be."""
    try:
        return link_target(page_url, address) if page_url else address
    except ValueError:  # a malformed address (`http://[::1`)
        return address


def _alone(tree: LexborHTMLParser) -> list[LexborNode]:
    """The paragraphs (or divs) that are an attachment's link alone."""
    links = [a for a in tree.css("a[href]") if is_attachment(a.attributes["href"] or "")]
    return [block for block in map(_block_of, links) if block is not None]


def _block_of(link: LexborNode) -> LexborNode | None:
    """The paragraph (or div) ``link`` is alone in, as an attachment is offered, which
    trafilatura drops as a menu's; None when it has other text or links."""
    block = link.parent
    while block is not None and block.tag not in ("p", "div"):
        block = block.parent
    if block is None or len(block.css("a")) != 1:
        return None
    return block if block.text(strip=True) == link.text(strip=True) else None


def _within(node: LexborNode, tags: tuple[str, ...]) -> bool:
    """Whether ``node`` is inside one of ``tags``: a drawing inside another <svg> is part
    of it, one in a link or button its icon (a share button's, a menu's: no picture of the
    article); a player inside another is its fallback."""
    parent = node.parent
    while parent is not None and parent.tag not in tags:
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
    link.insert_child(file_name(address))
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
