"""An article's HTML -> sanitized Markdown, with the images and attachments it links to.

The page is read by lexbor (through selectolax), which builds the tree exactly as a browser
does: the unclosed and stray `</p>`s of old CMS pages make the same paragraphs they show on
screen. Before conversion the article's HTML goes through nh3 (the ammonia sanitizer), and
every link and image address through `linksafety.is_safe_url`, the renderer's own rule.
What cannot be carried over into Markdown is named in the notes, never dropped silently.
"""

import base64
import binascii
import hashlib
import html
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, unquote, unquote_to_bytes, urljoin, urlsplit

import nh3
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..filekinds import (
    ARCHIVES,
    DOCUMENTS,
    FLASH,
    PHOTOS,
    PICTURE_FILES,
    PICTURES,
    SCANS,
    SOUNDS,
    VIDEOS,
)
from ..linksafety import SAFE_SCHEMES, is_safe_url
from ..markup import escape_inline, escape_line_start
from ..svgsafety import NOT_A_PICTURE, Unreadable, inert
from .crawl import Media, link_target


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Editors set whole paragraphs in a heading's tag, made small by its style (sotttt 744225:
# 54 words in an <h1 style="font-size:12px">), which as a heading stood out on a phone as
# a big bold block; the portals' titles and section headings run to some 30 words.
HEADING_WORDS = 40
BLOCKS = _tags(
    "p div section article main figure figcaption blockquote ul ol li table thead tbody "
    "tfoot tr td th caption pre hr dl dt dd center address details summary"
) | frozenset(HEADINGS)
# Kept through the sanitizer; any other element gives its text only (<span>, <font>, <u>...),
# which also flattens the thousand unclosed <font>s some old editors leave. <sup> and <sub>
# carry meaning (m², H₂O, footnote marks): Markdown has no mark for them, so they stay
# inline HTML, which the build keeps (and its sanitize_html allows).
INLINE = _tags("a img br strong b em i sup sub")
# Elements whose content is not article text: left out, and counted in the notes.
DROPPED = _tags(
    "script style noscript template canvas svg form button input select textarea nav "
    "header footer aside map"
)
# Elements that show a file inside the page (a PDF viewer, a video), and the attribute
# holding its address: the file becomes a link, copied like any attachment.
# Said of the .swf files an article links, its old Flash players' or its editor's links.
FLASH_NOTE = "linked the Flash file(s) the page played (.swf), which browsers no longer play"
FLASH_HINT = "to show what one showed, add a picture or video of it by hand"
EMBEDS = {"iframe": "src", "embed": "src", "object": "data", "video": "src", "audio": "src"}
_HOLDS_PARAGRAPHS = BLOCKS - {"p", "pre", *HEADINGS}
# What a web viewer of a document is given the file's address in (Google Docs' ?url=,
# pdf.js's ?file=).
_VIEWER_PARAMETERS = ("url", "file", "src")
# What a link or player shows that is copied as an attachment: a document, a full-size
# photo or scan behind a thumbnail, a clip or a sound.
ATTACHMENT_SUFFIXES = (*DOCUMENTS, *ARCHIVES, *PHOTOS, *SCANS, *VIDEOS, *SOUNDS, *FLASH)
# Where lazy-loading scripts keep an image's real address while `src` shows a placeholder.
LAZY_SOURCES = ("data-src", "data-original", "data-lazy-src", "data-lazy", "data-url", "src")
LAZY_SRCSETS = ("data-srcset", "data-lazy-srcset", "srcset")
# Where they keep a player's (lazysizes, vanilla-lazyload, lazyload.js, a3 Lazy Load,
# Smush, LiteSpeed: data-src; WP Rocket: data-lazy-src), its src absent or a placeholder
# until the script writes it there. Not data-original: jQuery lazyload makes that an
# element's background picture, an <img>'s only.
LAZY_PLAYER_SOURCES = ("data-src", "data-lazy-src")
# What a player shows until a script gives it its address: nothing of the page's own.
_NOTHING_SHOWN = re.compile(
    r"about:.*|javascript:\s*(?:void\s*\(?\s*0\s*\)?|false|null|undefined|''|\"\"|)\s*;?\s*"
    r"|data:image/.*",
    re.I | re.S,
)
# An address a player's script keeps under an attribute of its own (Elementor's video
# data-lazy-load, a theme's data-video-src): absolute or from the site's root, so that
# a word (data-lazy-load="true") or a type (data-type="video/mp4") is not taken for one.
_FILE_PARAMS = ("movie", "src", "url", "filename")
_PLAYER_ADDRESS = re.compile(r"(?:https?:)?//[^\s/]\S*|/[^\s/]\S*", re.I)
# What a clip shows before it plays (vanilla-lazyload, lazysizes): a picture, not the clip.
_POSTERS = ("data-poster",)
# Other scripts' own attributes (echo.js data-echo, PageSpeed data-pagespeed-lazy-src,
# data-lazyload...): a data- attribute holding a picture's address, read after those above.
_PICTURE_ADDRESS = re.compile(rf"^\S+(?:{'|'.join(map(re.escape, PICTURES))})(?:[?#]\S*)?$", re.I)
_NUMBER = re.compile(r"^\d+(\.\d+)?$")
# A run of spaces is one space, no-break ones among them: the portals' editor wrote one
# for a second space typed, or for the space itself (`về&nbsp;Thông tư`), where a plain
# space was meant, and a search of the Markdown for the words missed them. Only a no-break
# space inside a number written in groups (10 000) or before its % is meant (not \s: a
# thin or other space is text).
_SPACE = re.compile(r"[ \t\n\r\f\xa0]+")
_NUMBER_SPACE = re.compile(r"(?<=[0-9])(\xa0)(?=[0-9%])|[ \t\n\r\f\xa0]+")
_EDGE_SPACE = " \t\n\r\f\xa0"  # at the edges of a block it is only indentation
_EDGE_BREAKS = re.compile(r"^(?:<br>[ \t\n\r\f\xa0]*)+|(?:[ \t\n\r\f\xa0]*<br>)+$")


def one_space(text: str) -> str:
    """The text with each run of spaces one plain space (see _SPACE)."""
    if "\xa0" not in text:  # most text: the plain expression is the fast one
        return _SPACE.sub(" ", text)
    return _NUMBER_SPACE.sub(lambda run: run.group(1) or " ", text)


def _clean(text: str) -> str:
    return one_space(text).strip(_EDGE_SPACE)


def _candidates(image: LexborNode) -> list[str]:
    """The addresses an image may show, the largest of its srcset first, then its
    lazy-loading attributes and its src: some may be placeholders (the src beside a
    data-src shows the script's placeholder until the picture loads, or the picture
    itself in a page saved after it loaded: its bytes tell, media.stand_in)."""
    srcset = [c for name in LAZY_SRCSETS for c in _srcset(image.attrs.get(name) or "")]
    candidates = [url for _, url in sorted(srcset, key=lambda c: -c[0])]
    named = [(image.attrs.get(name) or "").strip() for name in LAZY_SOURCES if name != "src"]
    others = [
        (value or "").strip()
        for name, value in image.attrs.items()
        if name.startswith("data-") and _PICTURE_ADDRESS.match((value or "").strip())
    ]
    candidates += [*named, *others, (image.attrs.get("src") or "").strip()]
    return [url for url in candidates if url and not url.startswith("#")]


def lazy_sizes(image: LexborNode) -> list[str]:
    """The addresses of the image's sizes, largest first, as the page shows it once its
    lazy-loading script ran: none a placeholder's data: address."""
    return [url for url in dict.fromkeys(_candidates(image)) if _real(url)]


def embed_address(node: LexborNode) -> str:
    """The address an embed (or its <source>) shows: its lazy-loading script's when it
    has one, which the script writes into src, else its own; "" when it shows none (no
    address, or a placeholder: about:blank, javascript:void(0), a pixel). Without one of
    its own, an address under another data- attribute is the script's."""
    lazy = [(node.attrs.get(name) or "").strip() for name in LAZY_PLAYER_SOURCES]
    own = (node.attrs.get(EMBEDS.get(node.tag or "", "src")) or "").strip()
    shown = [url for url in [*lazy, own, *_params(node)] if url and not url.startswith("#")]
    shown = [url for url in shown if not _NOTHING_SHOWN.fullmatch(url)]
    return shown[0] if shown else next(_player_attributes(node), "")


def _params(node: LexborNode) -> list[str]:
    """The file an <object> of the old players is given in its own <param>s, not in
    data=: Flash's `<param name="movie" value="x.swf">`, Windows Media Player's
    `<param name="URL">` or `FileName`."""
    if node.tag != "object":
        return []
    return [
        (child.attrs.get("value") or "").strip()
        for child in node.iter()
        if child.tag == "param" and (child.attrs.get("name") or "").lower() in _FILE_PARAMS
    ]


def _player_attributes(node: LexborNode) -> Iterator[str]:
    """The addresses under the player's other data- attributes (Elementor's video
    data-lazy-load, a theme's data-video-src), in their order: no picture's (a poster)."""
    for name, value in node.attrs.items():
        value = (value or "").strip()
        if not name.startswith("data-") or name in _POSTERS or not value:
            continue
        if _PLAYER_ADDRESS.fullmatch(value) and not _PICTURE_ADDRESS.match(value):
            yield value


def _real(url: str) -> bool:
    """Not a short data: address (a pixel, an empty SVG). A placeholder's file is known
    by its bytes, when the crawl holds it (media.placeholder), never by its name: a
    photo may be named blanket-donation.jpg or lazy-river.jpg."""
    return not url.lower().startswith("data:")


def _short(addresses: list[str]) -> str:
    """The address an image had, for a note: a data: one is thousands of characters."""
    if not addresses:
        return ""
    url = addresses[0]
    return f"({url[:40]}…)" if len(url) > 120 or url[:5].lower() == "data:" else f"({url})"


LOST_IMAGES = {
    "placeholder": "left out images that showed only a lazy-loading placeholder, with no real "
    "address in src, srcset or a data- attribute",
    "no address": "left out images without a usable address (the page's markup is broken there)",
}
_PICTURE_NAME = re.compile(
    rf"[\"']*([\w.%-]+(?:{'|'.join(map(re.escape, PICTURE_FILES))}))[\"']*", re.I
)
LOST_IMAGES_HINT = "find the picture on the original page and add it to the article by hand"
LOST_EMBED = "left out an embedded <"
LOST_DATA = "left out a picture stored inside the page itself"
LOST_FILE = "did not copy "  # a picture or file the crawl holds (media.NotCopied)
LOST_RELATIVE = "left out "  # pictures and links at relative addresses that lead nowhere
# Notes that say the article lost a picture or file the page showed: printed first.
LOST_CONTENT = (*LOST_IMAGES.values(), LOST_EMBED, LOST_DATA, LOST_FILE, LOST_RELATIVE)
# A picture pasted into the page is a long data: address; a lazy-loading placeholder (a
# pixel, an empty SVG) a short one.
DATA_PICTURE = 2000
# The pictures a data: address may hold that the site serves as pictures (media.py's types).
DATA_TYPES = frozenset(("image/jpeg", "image/png", "image/gif", "image/webp", "image/svg+xml"))
# The address a data: picture has in the Markdown until its copy in media/ replaces it: on
# a reserved domain (RFC 2606) that can lead nowhere, named by its bytes' digest.
DATA_ADDRESS = "https://data-uri.invalid/{}/anh"


@dataclass(frozen=True)
class Converted:
    markdown: str
    media: tuple[str, ...]  # images and attachments, in the order the text shows them
    notes: tuple[str, ...]
    # The pictures the page held as data: addresses, by the address they have in `media`.
    embedded: dict[str, Media] = field(default_factory=dict)
    # Addresses written relative to the page (its own address unknown), as the Markdown
    # has them: the import copies those it finds beside the page and leaves out the rest.
    relative: tuple[str, ...] = ()
    # The other sizes of a picture (its srcset, src and lazy-loading addresses), largest
    # first, by the address in `media`: the crawl may hold one of them only.
    alternates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The other links of the text (not named like a file), as the Markdown has them: one
    # the crawl holds a file at is an attachment too (Liferay's get_file?uuid=…).
    links: tuple[str, ...] = ()


def convert(parts: list[LexborNode], base_url: str) -> Converted:
    """The article's elements (changed in place) -> Markdown, media and notes."""
    prepared = _Prepared(base_url)
    html = "".join(prepared.take(part) for part in parts)
    clean = nh3.clean(
        html,
        tags=set(BLOCKS | INLINE),
        attributes={
            "a": {"href", "title"},
            "img": {"src", "alt"},
            "td": {"colspan", "rowspan"},
            "th": {"colspan", "rowspan"},
        },
        url_schemes=set(SAFE_SCHEMES),
        link_rel=None,
    )
    body = LexborHTMLParser(f"<body>{clean}</body>").body
    converter = _Converter(base_url)
    try:
        markdown = converter.blocks(_to_node(body)) if body is not None else ""
    except RecursionError:  # blocks nested thousands deep: keep the words, lose the layout
        converter = _Converter(base_url)
        lines = (body.text(separator="\n") if body is not None else "").split("\n")
        paragraphs = (_clean(escape_inline(line)) for line in lines)
        markdown = "\n\n".join(escape_line_start(p) for p in paragraphs if p)
        converter.too_deep = True
    notes = [*prepared.report(), *converter.report()]
    media = tuple(dict.fromkeys(converter.media))
    flash = [url for url in media if file_name(url).lower().endswith(FLASH)]
    if flash:
        notes.append(f"{FLASH_NOTE}: {', '.join(flash)}; {FLASH_HINT}")
    embedded = {url: prepared.embedded[url] for url in media if url in prepared.embedded}
    relative = tuple(dict.fromkeys(converter.relative))
    alternates = {
        written: tuple(map(as_written, others))
        for chosen, others in prepared.alternates.items()
        if (written := as_written(chosen)) in media
    }
    links = tuple(url for url in dict.fromkeys(converter.links) if url not in media)
    return Converted(markdown, media, tuple(notes), embedded, relative, alternates, links)


def is_attachment(url: str) -> bool:
    """A document or picture linked from the text: a segment of its path ends like one.

    Any segment, as Liferay's document library serves `/documents/1/0/a.pdf/<uuid>`.
    """
    try:
        path = unquote(urlsplit(url).path).lower()
    except ValueError:  # a malformed address (`http://[::1`): no file's
        return False
    return any(segment.endswith(ATTACHMENT_SUFFIXES) for segment in path.split("/"))


class _Prepared:
    """Cuts what is not text, finds lazy images' real addresses, makes addresses absolute."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.dropped: Counter[str] = Counter()
        # The images left out, by why (placeholder, no address): their alt text and address.
        self.lost_images: dict[str, list[str]] = {}
        self.unsafe = 0
        self.players: list[tuple[str, str]] = []  # (tag, address) of embeds that show no file
        self.unshown: set[str] = set()  # notes on embeds with no address, or an unsafe one
        self.embedded: dict[str, Media] = {}  # data: pictures by the address standing for them
        self.alternates: dict[str, list[str]] = {}  # a picture's other sizes, by its address
        self.undecodable: list[str] = []  # why each data: picture that cannot be read is lost

    def take(self, part: LexborNode) -> str:
        unfold_players(part)  # before its <noscript> goes
        self._drop_not_text(part)
        # The outermost ones only: an <object> holds an <embed> of the same file.
        embeds = [n for n in part.css(", ".join(EMBEDS)) if not _in_embed(n)]
        for embed in embeds:
            self._embedded(embed)
        for picture in part.css("picture"):
            picture_sizes(picture)
        for image in part.css("img"):
            self._image(image)
        for link in part.css("a[href]"):
            href = link.attrs["href"] or ""
            if self.safe(href):
                link.attrs["href"] = self.absolute(href)
            else:
                del link.attrs["href"]
        return part.html or ""

    def _drop_not_text(self, part: LexborNode) -> None:
        """Cut the DROPPED elements (counted for the report)."""
        for tag in sorted(DROPPED):
            for node in part.css(tag):
                if node.parent is not None:  # not already gone with an outer one
                    self.dropped[tag] += 1
                    node.decompose()

    def _image(self, image: LexborNode) -> None:
        """An <img> at its real address, made absolute, its other sizes noted; cut when
        it has none that is safe."""
        src = self.image_source(image)
        others = [url for url in self.real_sources(image) if url != src]
        for name in [*LAZY_SOURCES, *LAZY_SRCSETS]:
            if name in image.attrs:
                del image.attrs[name]
        if src in self.embedded:
            image.attrs["src"] = src
        elif src and self.safe(src):
            image.attrs["src"] = self.absolute(src)
            if others:
                self.alternates[self.absolute(src)] = [self.absolute(u) for u in others]
        else:
            image.decompose()

    def _embedded(self, node: LexborNode) -> None:
        """A file shown inside the page -> a link to it, named by its title or file name.

        Anything else embedded (a video player's page, a map) is left out, and its address
        named in the notes; an <object>'s fallback (its text, a link to its file) is kept
        in its place."""
        tag = node.tag or ""
        inner = node.css(", ".join([*EMBEDS, "source"]))  # the node itself first
        addresses = [url for url in map(embed_address, inner) if url]
        # Not counted with the links' and pictures': a frame keeps no text (lost_unsafe).
        safe = [self.absolute(url) for url in addresses if is_safe_url(url)]
        files = [file for file in map(shown_file, safe) if file]
        if files:
            name = _clean(node.attrs.get("title") or "") or file_name(files[0])
            link = f'<a href="{html.escape(files[0])}">{html.escape(name)}</a>'
            # A viewer between paragraphs showed on a line of its own: so does its link.
            alone = node.parent is not None and node.parent.tag in _HOLDS_PARAGRAPHS
            shown = LexborHTMLParser(f"<p>{link}</p>" if alone else link)
            node.replace_with(shown.css("p" if alone else "a")[0])
            return
        if safe:
            self.players.append((tag, safe[0]))
        if tag == "object" and node.text(strip=True):
            for player in inner[1:]:
                player.decompose()
            node.unwrap()  # what a browser without a viewer shows: all it showed here
            return
        if not safe:
            self.unshown.add(lost_unsafe(tag) if addresses else lost_unshown(node))
        node.decompose()

    def real_sources(self, image: LexborNode) -> list[str]:
        """The addresses of the image's sizes, largest first: not a placeholder's."""
        return [url for url in lazy_sizes(image) if self.safe(url)]

    def image_source(self, image: LexborNode) -> str:
        """The image's real address; "" (and the reason counted) when it has none."""
        candidates = _candidates(image)
        real = lazy_sizes(image)
        if real:
            return real[0]
        pasted = [url for url in candidates if url[:5].lower() == "data:"]
        pasted = [url for url in pasted if len(url) > DATA_PICTURE]
        if pasted:
            return self.data_picture(pasted[0])
        alt = _clean(image.attrs.get("alt") or "")
        shown = " ".join(filter(None, [repr(alt) if alt else "", _short(candidates[:1])]))
        # Quotes inside its src (an editor's slip) leave the path's parts as attributes:
        # the file's name among them is what finds the picture on the old page.
        named = next(filter(None, map(_PICTURE_NAME.fullmatch, image.attrs)), None)
        held = f"an <img> whose broken markup holds the name {named.group(1)}" if named else ""
        self.lost_images.setdefault("placeholder" if candidates else "no address", []).append(
            shown or held or "an <img> without alt text"
        )
        return ""

    def data_picture(self, url: str) -> str:
        """The address standing for a picture held in the page (a data: address), whose
        bytes are copied into media/ as a crawled picture's are; "" when it cannot be
        read, with a note naming it (its start: the whole is thousands of characters)."""
        kind, data, why = _decoded(url)
        if why:
            shown = f"{_SPACE.sub(' ', url[:40])}… ({len(url):,} characters)"
            self.undecodable.append(
                f"{LOST_DATA} ({shown}): {why}; save it by hand from the original page"
            )
            return ""
        address = DATA_ADDRESS.format(hashlib.sha256(data).hexdigest()[:16])
        self.embedded[address] = Media("", content_type=kind, data=data)
        return address

    def safe(self, url: str) -> bool:
        """The page's own address is judged, before it is made absolute."""
        if is_safe_url(url):
            return True
        self.unsafe += 1
        return False

    def absolute(self, url: str) -> str:
        url = url.strip()
        if self.base_url and url and not url.startswith("#"):
            return link_target(self.base_url, url)
        return url

    def report(self) -> list[str]:
        # Worded the same on every page, so that the report counts them once for all pages.
        notes = [lost_elements(tag) for tag in sorted(self.dropped)]
        if self.unsafe:
            notes.append(
                "removed unsafe link or image addresses (javascript:, data:...); "
                "their text was kept"
            )
        notes += self.undecodable
        notes += sorted(self.unshown)
        notes += [
            f"{LOST_IMAGES[why]}: {'; '.join(self.lost_images[why])}; {LOST_IMAGES_HINT}"
            for why in sorted(self.lost_images)
        ]
        # These name what was left out, as only the page's own notes can.
        notes += [lost_player(tag, address) for tag, address in dict.fromkeys(self.players)]
        return notes


def unfold_players(tree: LexborNode | LexborHTMLParser) -> int:
    """Each player a lazy-loading script stands in for by a picture, the player's markup
    in its data-lazy-src (BJ Lazy Load: `<img data-lazy-type="iframe" data-lazy-src="&lt;
    iframe …">`, the same player in the <noscript> after it) -> the player itself, read
    like any other. How many there were."""
    unfolded = 0
    for image in tree.css("img[data-lazy-type]"):
        markup = (image.attrs.get("data-lazy-src") or "").strip()
        held = LexborHTMLParser(markup).css_first(", ".join(EMBEDS)) if markup[:1] == "<" else None
        if held is None:
            continue
        after = image.next
        while after is not None and after.tag == "-text" and not (after.text() or "").strip():
            after = after.next
        if after is not None and after.tag == "noscript":
            after.decompose()  # the same player, for a browser without scripts
        image.insert_before(held)
        image.decompose()
        unfolded += 1
    return unfolded


def picture_sizes(picture: LexborNode) -> None:
    """A <picture>'s <source>s become its <img>'s srcset, read like any other."""
    sources = [
        s.attrs.get(name) or ""
        for s in picture.css("source")
        for name in LAZY_SRCSETS
        if s.attrs.get(name)
    ]
    image = picture.css_first("img")
    if image is not None and sources:
        image.attrs["data-srcset"] = ", ".join([*sources, image.attrs.get("srcset") or ""])
    for source in picture.css("source"):
        source.decompose()


def lost_elements(tag: str) -> str:
    """The note on elements left out with their content."""
    return f"left out <{tag}> elements and their content"


def lost_unshown(player: LexborNode) -> str:
    """The note on a player without an address (shared with dropped.py): one that
    showed nothing (about:blank) lost nothing the saved page holds and is no unsafe
    address; one that held its page (srcdoc) lost it."""
    tag = player.tag or ""
    if (player.attrs.get("srcdoc") or "").strip():
        return lost_elements(tag)
    return (
        f"left out empty <{tag}> elements: they had no address (about:blank or none), so "
        "nothing they showed is in the saved page"
    )


def lost_unsafe(tag: str) -> str:
    """The note on a player whose only address is unsafe (shared with dropped.py): a
    script (javascript:, vbscript:) or a page written into the address (data:text/html),
    no file or page of the site; not named, as a script may be long and is no link to
    follow."""
    return (
        f"left out <{tag}> elements whose address is unsafe (javascript:, vbscript:, "
        "data:...): what a script or the address itself made them show is not in the "
        "article; if it was part of it, copy it by hand from the original page"
    )


def lost_player(tag: str, address: str) -> str:
    """The note naming an embedded player or map left out of the article (shared with
    the generic extractor's, dropped.py)."""
    return f"{LOST_EMBED}{tag}> that shows no file (a video player, a map...): {address}"


def _decoded(url: str) -> tuple[str, bytes, str]:
    """A data: address's type and bytes, read as browsers do (base64 or percent-encoded,
    spaces in base64 skipped), or why it cannot be a picture of the site."""
    header, comma, payload = url[5:].partition(",")
    kind, *parameters = [p.strip().lower() for p in header.split(";")]
    kind = "image/jpeg" if kind == "image/jpg" else kind
    if not comma:
        return kind, b"", "the address is broken (no comma before its data)"
    if kind not in DATA_TYPES:
        return kind, b"", f"it is {kind or 'of no type'}, not a JPEG, PNG, GIF, WebP or SVG picture"
    data = unquote_to_bytes(payload)
    if "base64" in parameters:
        data = re.sub(rb"[\t\n\f\r ]", b"", data).rstrip(b"=")
        try:
            data = base64.b64decode(data + b"=" * (-len(data) % 4), validate=True)
        except binascii.Error:
            return (
                kind,
                b"",
                "its base64 data is broken (cut short, or letters that base64 has not)",
            )
    if kind == "image/svg+xml" and data:
        try:  # here, as media.describe would, so that the article does not link to it
            inert(data)
        except Unreadable as exc:
            return kind, b"", f"{NOT_A_PICTURE}: {exc}"
    return kind, data, "" if data else "it holds no data"


def _in_embed(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in EMBEDS:
            return True
        parent = parent.parent
    return False


def shown_file(address: str) -> str:
    """The file an embed shows: its own address, or the one a web viewer is given."""
    if is_attachment(address):
        return address
    try:
        query = urlsplit(address).query
    except ValueError:  # a malformed address (`http://[::1`): no file's
        return ""
    for name, value in parse_qsl(query):
        if name.lower() in _VIEWER_PARAMETERS and is_attachment(value):
            return urljoin(address, value.strip())
    return ""


def file_name(url: str) -> str:
    """`/documents/10/0/Quyet dinh.pdf/<uuid>` -> "Quyet dinh.pdf": the part named like a file."""
    parts = [p for p in unquote(urlsplit(url).path).split("/") if p]
    named = [p for p in parts if p.lower().endswith(ATTACHMENT_SUFFIXES)]
    return (named or parts or [url])[-1]


def _srcset(value: str) -> list[tuple[float, str]]:
    """`a.jpg 1x, b.jpg 2x` or `a.jpg 480w` -> (size, url) pairs."""
    found = []
    for candidate in value.split(","):
        words = candidate.split()
        if not words:
            continue
        size = words[1].rstrip("xXwW") if len(words) > 1 else "1"
        found.append((float(size) if _NUMBER.match(size) else 1.0, words[0]))
    return found


@dataclass
class Node:
    """The sanitized article as a plain tree: small, and easy to walk for the converter."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Node | str"] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


def _to_node(element: LexborNode) -> Node:
    node = Node(element.tag or "", {k: v or "" for k, v in element.attributes.items()})
    for child in element.iter(include_text=True):
        if child.tag == "-text":
            node.children.append(child.text_content or "")
        elif child.is_element_node:
            node.children.append(_to_node(child))
    return node


class _Converter:
    """HTML elements -> Markdown blocks, counting what it could not keep."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.flattened: Counter[str] = Counter()
        self.relative: list[str] = []
        self.no_href = 0
        self.spanning = False
        self.too_deep = False
        self.in_cell = False  # converting a table's cell: a table in it cannot be one
        # Converting a list item, quote or cell, where Markdown cannot hold an HTML block.
        self.nested = 0
        self.media: list[str] = []
        self.links: list[str] = []  # links named like no file
        self.open_marks: list[str] = []

    def report(self) -> list[str]:
        notes = [
            f"kept only the text of <{tag}> elements (their layout is lost)"
            for tag in sorted(self.flattened)
        ]
        if self.too_deep:
            notes.append(
                "the page's elements are nested thousands deep: its text was kept, "
                "one paragraph per line, without its layout"
            )
        if self.spanning:
            notes.append(
                "tables with cells spanning several columns or rows became simple tables: "
                "check their layout against the original"
            )
        if self.no_href:
            notes.append("kept the text of links that had no usable address")
        # Relative addresses are not noted here: the import first looks for their files
        # beside the page, and names only those it cannot resolve (run.py).
        return notes

    def blocks(self, node: Node) -> str:
        out: list[str] = []
        inline: list[str] = []

        def flush() -> None:
            # Two bold runs side by side ("**a****b**") are one: "**ab**".
            joined = "".join(inline).replace("****", "").replace("\n", " ")
            # A line break at a paragraph's start or end only makes an empty line.
            text = _EDGE_BREAKS.sub("", _clean(joined)).replace("<br> ", "<br>\n")
            inline.clear()
            if text.replace("<br>", "").strip():
                out.append("\n".join(escape_line_start(line) for line in text.split("\n")))

        for child in node.children:
            if isinstance(child, str):
                inline.append(escape_inline(one_space(child)))
            elif child.tag in BLOCKS:
                flush()
                block = self.block(child)
                if block:
                    out.append(block)
            elif _holds_blocks(child):
                # Word's HTML wraps paragraphs in <span>s and <font>s; they stay paragraphs.
                flush()
                inner = self.blocks(child)
                if inner:
                    out.append(inner)
            else:
                inline.append(self.inline(child))
        flush()
        return "\n\n".join(out)

    def block(self, node: Node) -> str:
        tag = node.tag
        if tag in HEADINGS:
            text = self.inline_children(node)
            if len(node.text().split()) > HEADING_WORDS:  # a paragraph in a heading's tag
                return self.blocks(node)
            level = max(2, HEADINGS[tag])  # the article's title is the page's only h1
            return f"{'#' * level} {text}" if text else ""
        if tag in ("ul", "ol"):
            return self.list_block(node)
        if tag == "blockquote":
            inner = self.within(node)
            return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
        if tag == "hr":
            return "---"
        if tag == "pre":
            self.flattened[tag] += 1
            lines = [escape_inline(line) for line in node.text().strip("\n").split("\n")]
            return "<br>\n".join(escape_line_start(line.strip()) for line in lines if line.strip())
        if tag == "table":
            return self.table(node)
        if tag == "figure":
            return self.figure(node)
        if tag == "dl":
            self.flattened[tag] += 1
        return self.blocks(node)

    def table(self, node: Node) -> str:
        """A Markdown table; the first row is its header, as Markdown tables need one.

        A cell spanning columns or rows keeps its text in its first place and leaves the
        others empty, so every other cell stays under its own heading. A table inside a
        cell becomes a line per row (Markdown cannot nest tables)."""
        rows = _table_rows(node)
        captions = [c for c in node.children if isinstance(c, Node) and c.tag == "caption"]
        lines = [self.inline_children(captions[0]), ""] if captions else []
        if not rows:
            return "\n".join(lines).strip()
        if self.in_cell:
            self.flattened["table"] += 1
            lines += [" | ".join(filter(None, map(self.cell, row))) for row in rows]
            return "\n\n".join(line for line in lines if line)
        if any("colspan" in c.attrs or "rowspan" in c.attrs for row in rows for c in row):
            self.spanning = True
        below: dict[int, int] = {}  # column -> rows below that a cell above still covers
        grid = [self._grid_row(row, below) for row in rows]
        width = max(len(line) for line in grid)
        for number, cells in enumerate(grid):
            cells += [""] * (width - len(cells))
            lines.append("| " + " | ".join(cells) + " |")
            if number == 0:
                lines.append("|" + " --- |" * width)
        return "\n".join(lines)

    def _grid_row(self, row: list[Node], below: dict[int, int]) -> list[str]:
        """A row's cells in their columns: a place that a cell above covers (``below``,
        updated for the rows after) and a spanned cell's places but its first are empty."""
        line: list[str] = []
        for cell in [*row, None]:
            while below.get(len(line)):
                below[len(line)] -= 1
                line.append("")
            if cell is None:
                break
            down = _span(cell, "rowspan", 65534)
            for n in range(_span(cell, "colspan", 1000)):
                below[len(line)] = down - 1
                line.append(self.cell(cell) if n == 0 else "")
        for column in below:
            if column >= len(line) and below[column]:
                below[column] -= 1
        return line

    def cell(self, node: Node) -> str:
        """A cell's paragraphs on one line: Markdown table rows cannot break."""
        return self.one_line(node).replace("|", "\\|")

    def one_line(self, node: Node) -> str:
        """The node's paragraphs on one line, parted by line breaks; a table in it is
        flattened, as one line cannot hold it."""
        inside, self.in_cell = self.in_cell, True
        text = self.within(node).replace("<br>\n", "<br>").replace("\n\n", "<br>")
        self.in_cell = inside
        return text.replace("\n", " ")

    def within(self, node: Node) -> str:
        """The blocks of a list item, quote or cell."""
        self.nested += 1
        try:
            return self.blocks(node)
        finally:
            self.nested -= 1

    def figure(self, node: Node) -> str:
        """A captioned picture in the form the README gives editors, so that the page
        ties the caption to its picture (for screen readers and the style sheet): the
        picture in Markdown inside `<figure markdown="1">`, its address copied, rewritten
        and checked like any other, and the caption's emphasis and links as Markdown
        inside `<figcaption markdown="span">`.

        Without a caption, or with its picture left out (a placeholder, an unsafe
        address), the figure is its paragraphs; so it is in a list item, quote or cell,
        where Python-Markdown reads no HTML block."""
        caption = next((c for c in _children(node) if c.tag == "figcaption"), None)
        if caption is None or self.nested or not _clean(caption.text()):
            return self.blocks(node)
        rest = [c for c in node.children if c is not caption]
        picture = self.blocks(Node(node.tag, node.attrs, rest))
        text = self.one_line(caption)
        if not picture or not text:
            return "\n\n".join(filter(None, [picture, text]))
        figcaption = f'<figcaption markdown="span">{text}</figcaption>'
        above = caption is _children(node)[0]  # the caption's place, as the page has it
        inner = [figcaption, picture] if above else [picture, figcaption]
        return "\n".join(['<figure markdown="1">', *inner, "</figure>"])

    def list_block(self, node: Node) -> str:
        items = [c for c in node.children if isinstance(c, Node) and c.tag == "li"]
        lines = []
        for number, item in enumerate(items, start=1):
            marker = f"{number}. " if node.tag == "ol" else "- "
            inner = self.within(item)
            pad = " " * 4
            first, *rest = inner.split("\n") if inner else [""]
            lines.append(marker + first)
            lines.extend(pad + line if line else "" for line in rest)
        return "\n".join(lines)

    def inline_children(self, node: Node) -> str:
        parts = []
        for child in node.children:
            if isinstance(child, str):
                parts.append(escape_inline(one_space(child)))
            else:
                parts.append(self.inline(child))
        return _clean("".join(parts))

    def inline(self, node: Node) -> str:
        tag = node.tag
        if tag == "br":
            return "<br>\n"
        if tag == "img":
            src = self.address(node.attrs.get("src", ""))
            if not src:
                return ""
            self.media.append(src)
            alt = escape_inline(_clean(node.attrs.get("alt", "")))
            return f"![{alt}]({src})"
        if tag in BLOCKS:  # a block inside an inline element: its text, on the same line
            return " " + self.inline_children(node) + " "
        if tag in ("strong", "b", "em", "i"):
            mark = "**" if tag in ("strong", "b") else "*"
            if mark in self.open_marks:  # bold inside bold is bold
                return self.inline_children(node)
            self.open_marks.append(mark)
            text = self.inline_children(node)
            self.open_marks.pop()
            # Emphasis on nothing but spaces or line breaks would print its asterisks.
            if not text.replace("<br>", "").strip():
                return text
            return _spaced(node, f"{mark}{text}{mark}")
        text = self.inline_children(node)
        if tag in ("sup", "sub"):
            return _spaced(node, f"<{tag}>{text}</{tag}>" if text else "")
        if tag == "a":
            href = node.attrs.get("href", "").strip()
            if not href or href.startswith("#"):
                self.no_href += 1 if text else 0
                return text
            address = self.address(href)
            (self.media if is_attachment(address) else self.links).append(address)
            return _spaced(node, f"[{text}]({address})") if text else ""
        return text

    def address(self, url: str) -> str:
        url = url.strip()
        if not url:
            return ""
        written = as_written(url)
        if not urlsplit(url).scheme and not url.startswith("//"):
            self.relative.append(written)  # as the Markdown has it, to find it there again
        return written


def as_written(url: str) -> str:
    """The address as the Markdown writes it: spaces and parentheses would end a link."""
    return quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~")


# The address of a Markdown link or picture to another site, as as_written writes it.
_LINK_ADDRESS = re.compile(r"\]\((https?://[^)\s]+)")


def relinked(markdown: str, better: Callable[[str], str]) -> str:
    """The Markdown with the address of each link and picture replaced by what ``better``
    gives for it ("": kept as it is)."""

    def replaced(link: re.Match) -> str:
        found = better(link.group(1))
        return f"]({as_written(found)}" if found else link.group(0)

    return _LINK_ADDRESS.sub(replaced, markdown)


def without_links(markdown: str, addresses: list[str]) -> str:
    """The Markdown with each picture and link to one of ``addresses`` replaced by its alt
    text or link text, as a browser shows a picture it cannot load. A line left empty
    (a picture alone on it) goes, and so does a paragraph left empty."""
    if not addresses:
        return markdown
    either = "|".join(re.escape(a) for a in sorted(addresses, key=len, reverse=True))
    # A picture first: a link around a dropped picture may be dropped too, its text then
    # the picture's alt text.
    alt = r"(?:\\.|[^\]\\])*"  # escaped brackets only
    image = re.compile(rf"!\[({alt})\]\((?:{either})\)")
    # A link's text may hold a picture kept (copied), besides escaped text.
    text = rf"(?:\\.|!\[{alt}\]\([^()\s]*\)|[^\[\]\\])*"
    link = re.compile(rf"\[({text})\]\((?:{either})\)")
    blocks = []
    for block in markdown.split("\n\n"):  # a link's text may go over lines (<br>)
        kept = link.sub(r"\1", image.sub(r"\1", block))
        if kept != block:
            kept = "\n".join(line for line in kept.split("\n") if line.strip())
        if kept or not block:
            blocks.append(kept)
    return "\n\n".join(blocks)


def _spaced(node: Node, markdown: str) -> str:
    """`<b>669 </b>trạm` -> `**669** trạm`: Markdown marks cannot hold the spaces inside."""
    text = node.text()
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}{markdown}{trail}"


def _holds_blocks(node: Node) -> bool:
    return any(c.tag in BLOCKS for c in _elements(node))


def _children(node: Node) -> list[Node]:
    return [c for c in node.children if isinstance(c, Node)]


def _table_rows(node: Node) -> list[list[Node]]:
    """A table's rows that have cells (its own and its sections'), each its cells."""
    sections = [c for c in _children(node) if c.tag in ("thead", "tbody", "tfoot")]
    rows = [
        [c for c in _children(row) if c.tag in ("td", "th")]
        for row in [*_children(node), *(r for s in sections for r in _children(s))]
        if row.tag == "tr"
    ]
    return [row for row in rows if row]


def _span(cell: Node, name: str, most: int) -> int:
    """How many columns or rows a cell covers (browsers bound them likewise)."""
    value = cell.attrs.get(name, "").strip()
    return min(max(int(value), 1), most) if value.isdigit() else 1


def _elements(node: Node) -> list[Node]:
    found = []
    for child in node.children:
        if isinstance(child, Node):
            found.append(child)
            found.extend(_elements(child))
    return found
