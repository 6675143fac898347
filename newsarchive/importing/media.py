"""Images and attachments of imported articles, copied into the site once per content.

Layout: `static/media/<2 hex>/<16 hex>-<name>.<ext>`, where the hex digits begin the
SHA-256 of the file's bytes (of an SVG, as svgsafety.py leaves them) and the name is the file's
own name made ASCII. The same bytes under two names are stored once (the first name, in
input order, is kept), and a later import finds the copy by its digest. Files in static/
are published as they are, so a copy is served at `/media/...`; an article page is at
`<yyyy>/<mm>/<slug>/`, three folders deep, so its body links to `../../../media/...`,
which works under any base path and offline.
"""

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..filekinds import DOWNLOADS, PICTURE_FILES, PICTURES
from ..limits import FILE_LIMIT, MB, TOO_BIG_HINT
from ..partfiles import part_of
from ..slugs import slugify
from ..svgsafety import NOT_A_PICTURE, Unreadable, inert
from .crawl import Media, UnknownEncoding, read_record, readable_record
from .html import ATTACHMENT_SUFFIXES

FOLDER = "media"
ARTICLE_DEPTH = "../../../"  # from an article page (yyyy/mm/slug/) to the site's root
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.ms-excel": ".xls",
    "application/zip": ".zip",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
    "audio/mpeg": ".mp3",
}
_EXTENSION = re.compile(r"^\.[a-z0-9]{1,5}$")
# What a copy may be named: GitHub Pages types a file by its name, and one it serves as a
# page or XML document (.html, .xml, .xht, .xsl...) runs its scripts on the archive's
# domain. Any other name is given its type's, or the copy is refused.
_SAFE_SUFFIXES = frozenset(
    (*_EXTENSIONS.values(), *ATTACHMENT_SUFFIXES, *PICTURE_FILES, ".ico", ".bin")
)
# What a file is by its first bytes, for a mirror's files saved without an extension and
# without a content type (`/image/journal/article?img_id=...`).
_MAGIC = (
    (b"\xff\xd8\xff", ".jpg"),
    (b"\x89PNG", ".png"),
    (b"GIF8", ".gif"),
    (b"%PDF", ".pdf"),
    (b"PK\x03\x04", ".zip"),
    (b"\xd0\xcf\x11\xe0", ".doc"),  # an OLE file: Word, Excel or PowerPoint before 2007
)


@dataclass(frozen=True)
class FoundMedia:
    """A media address of a page that the crawl holds."""

    url: str
    digest: str  # SHA-256 of the bytes, hex
    name: str  # the file name it gets when it is the first of its content
    where: Media
    size: int = 0  # bytes
    data: bytes = b""  # the bytes to copy when they are not the crawl's (an SVG made inert)
    left_out: tuple[str, ...] = ()  # what could run in it and is not copied
    # The portal's name of a file a reader downloads (`CV 1468_1_signed.pdf`), which
    # the copy's name (a hash, ASCII) is not; "" for a picture, or a name that says
    # another kind than the copy's.
    portal_name: str = ""


class NotCopied(Exception):
    """The crawl's bytes are no file the article can show or link to."""


def describe(url: str, where: Media, data: bytes) -> FoundMedia:
    """The file as it will be copied. Raises NotCopied for a web page or XML document (an
    error page the portal sent for a picture it lacked: served from the archive, its
    scripts would run) and for an SVG a browser cannot read."""
    name = _clean_name(where.address or url, where, data)
    ext = os.path.splitext(name)[1]
    if ext not in _SAFE_SUFFIXES:
        raise NotCopied(
            f"the crawl holds a web page or document at that address, not a picture or file "
            f"(a {ext} file is served as a page)"
        )
    left_out: list[str] = []
    if name.endswith(".svg"):
        try:
            data, left_out = inert(data)
        except Unreadable as exc:
            raise NotCopied(f"{NOT_A_PICTURE}: {exc}") from None
    digest = hashlib.sha256(data).hexdigest()
    # A copy an archive built here named already by these bytes (a site imported back):
    # the digest once, as the file was named there; its name is not cut again with the
    # digest counted in (`<hash>-2012-12-22-19-51-22-6349180…` lost its last words).
    name = _clean_name(where.address or url, where, data, f"{digest[:16]}-")
    kept = data if left_out else b""
    own = unicodedata.normalize("NFC", _own_name(where.address or url, where).strip())
    # A copy an archive built here named (`<hash>-…`) says no portal's name.
    ours = own.startswith(f"{digest[:16]}-")
    portal_name = own if _download_name(own, ext) and not ours else ""
    return FoundMedia(
        url, digest, f"{digest[:16]}-{name}", where, len(data), kept, tuple(left_out), portal_name
    )


# A name the Markdown's {download="..."} holds as written: no quote or brace ends it
# early, and no folder or control character is in it (a browser would change those).
_UNSAFE_IN_NAME = re.compile(r'["{}/\\\x00-\x1f\x7f]')


def _download_name(name: str, ext: str) -> bool:
    """Whether ``name`` is the portal's name to give the download of a copy ending ``ext``."""
    return (
        ext in DOWNLOADS
        and os.path.splitext(name)[1].lower() == ext
        and not _UNSAFE_IN_NAME.search(name)
        and len(name.encode("utf-8")) <= 255
    )


def inert_note(media: FoundMedia) -> str:
    """What was left out of a picture that could run (\"\" for any other)."""
    if not media.left_out:
        return ""
    return (
        f"left out of the picture {media.url} what could run in it when opened alone "
        f"({', '.join(media.left_out)}): it shows as it did"
    )


def size_note(media: FoundMedia) -> str:
    """What to do about a file GitHub will not take ("" for any other)."""
    if media.size <= FILE_LIMIT:
        return ""
    return (
        f"{media.url} is {media.size / MB:.1f} MB (static/{FOLDER}/{media.digest[:2]}/"
        f"{media.name}): {TOO_BIG_HINT}"
    )


def _clean_name(url: str, where: Media, data: bytes, digest: str = "") -> str:
    """The file's own name made ASCII, always with an extension: a copy without one
    would be served as a download and taken by the build's link check for a page.

    The first part of the address named like a file, when one is: Liferay serves a
    document at /documents/<site>/<folder>/<its name>/<a uuid>. A name that begins
    with ``digest`` (the copy of an archive built here) is read without it."""
    last = _own_name(url, where)
    last = last.removeprefix(digest) or last
    stem, ext = os.path.splitext(last)
    ext = ext.lower()
    if _EXTENSION.match(ext) and ext not in _SAFE_SUFFIXES:
        # HTTrack names a file the portal served as text/html with .html (Liferay's
        # /images/.../1450180676331.html is a JPEG): a copy so named would be served as
        # a web page, not a picture. The bytes say what it is, when they can.
        found = _EXTENSIONS.get(where.content_type, "") or _sniffed(data)
        ext = found if found != ".bin" else ext
    elif not _EXTENSION.match(ext):
        ext = _EXTENSIONS.get(where.content_type, "") or _sniffed(data)
        stem = last
    return (slugify(stem, max_length=40) or "tep") + ext


def _own_name(url: str, where: Media) -> str:
    """The file's name as its portal gave it: the first part of the address named like a
    file, when one is (Liferay serves a document at /documents/<site>/<folder>/<its
    name>/<a uuid>), else the name its server gave it, else the address's last part."""
    parts = [unquote(p) for p in urlsplit(url).path.split("/") if p]
    named = [p for p in parts if p.lower().endswith(ATTACHMENT_SUFFIXES)]
    # An address named like no file (get_file?uuid=…, /documents/…/<uuid>): the name its
    # server gave it, whose ending says what it is (a Word file sent as octet-stream).
    if not named and where.file_name:
        named = [where.file_name]
    return (named or parts or [""])[0 if named else -1]


# Answers that are no file behind a link: pages, feeds, scripts, styles, data.
_NOT_FILES = ("text/", "application/xhtml", "application/xml", "application/javascript")


def a_file(where: Media) -> bool:
    """Whether what the crawl holds there is a file (an attachment behind a link named
    like no file: Liferay's get_file?uuid=…), not a web page: by the type its server gave
    it, else by its bytes (a picture, a PDF, an Office or ZIP file; not a page's fragment
    without <!DOCTYPE>, which a .bin download would replace)."""
    kind = where.content_type
    if kind:
        return not kind.startswith(_NOT_FILES) and not kind.endswith(("+xml", "/json"))
    try:
        data = readable_record(where)
    except UnknownEncoding:  # unread: as good as absent
        return False
    return data is not None and _sniffed(data) != ".bin"


def _sniffed(data: bytes) -> str:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    if data[4:8] == b"ftyp":  # an MPEG-4 video
        return ".mp4"
    if b"<svg" in data[:1024]:
        return ".svg"
    return next((ext for magic, ext in _MAGIC if data.startswith(magic)), ".bin")


# No photo, icon or drawing fits in fewer bytes: a picture so small is a placeholder.
PLACEHOLDER_BYTES = 100


def placeholder(data: bytes) -> str:
    """What the bytes are when they are a lazy-loading script's placeholder, the picture
    it shows until the real one loads: one or two pixels, or a few dozen bytes ("" for
    any other file). Its name says nothing: a photo may be named blanket-donation.jpg."""
    kind = _sniffed(data)
    if kind not in PICTURES:
        return ""
    shown = f"{kind[1:].upper()} picture of {len(data)} bytes"
    size = _pixels(data, kind)
    if size is not None and max(size) <= 2:
        return f"a {size[0]}x{size[1]} {shown}"
    return f"a {shown}" if len(data) < PLACEHOLDER_BYTES else ""


# A picture no larger shows no photo: a loading spinner, an icon, a blurred preview.
STAND_IN_PIXELS = 100


def stand_in(data: bytes) -> bool:
    """Whether the bytes are what a lazy-loading script shows until the picture loads
    (a placeholder, a spinner, a blurred preview of a few dozen pixels), never the
    picture: another size of a picture, that the crawl holds in its place, may not be."""
    size = _pixels(data, _sniffed(data))
    return bool(placeholder(data)) or (size is not None and max(size) <= STAND_IN_PIXELS)


_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # SOFn, not DHT/JPG/DAC


def _pixels(data: bytes, kind: str) -> tuple[int, int] | None:
    """The width and height a GIF, PNG or JPEG header gives (None when it gives none)."""
    if kind == ".gif" and len(data) >= 10:
        return int.from_bytes(data[6:8], "little"), int.from_bytes(data[8:10], "little")
    if kind == ".png" and len(data) >= 24 and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    at = 2  # a JPEG: its segments up to the frame header
    while kind == ".jpg" and at + 9 <= len(data) and data[at] == 0xFF:
        if data[at + 1] in _JPEG_FRAMES:
            return int.from_bytes(data[at + 7 : at + 9], "big"), int.from_bytes(
                data[at + 5 : at + 7], "big"
            )
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return None


class MediaStore:
    """The media folder of static/: what it holds by digest, and copying into it."""

    def __init__(self, static_dir: Path):
        self.folder = static_dir / FOLDER
        self.by_digest: dict[str, str] = {}  # first 16 hex digits -> "xx/name"
        if self.folder.is_dir():
            for sub in sorted(self.folder.iterdir()):
                if sub.is_dir():
                    for file in sorted(sub.iterdir()):
                        self.by_digest.setdefault(file.name[:16], f"{sub.name}/{file.name}")
        self.copied = 0

    def place(self, media: FoundMedia) -> str:
        """The link to the copy from an article page; copies the bytes when they are new."""
        key = media.digest[:16]
        if key not in self.by_digest:
            rel = f"{media.digest[:2]}/{media.name}"
            write_atomic(self.folder / rel, media.data or read_record(media.where))
            self.by_digest[key] = rel
            self.copied += 1
        return f"{ARTICLE_DEPTH}{FOLDER}/{self.by_digest[key]}"


def write_atomic(target: Path, data: bytes) -> None:
    """Write the file whole or leave it as it was (a killed import leaves no cut file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = part_of(target)
    try:
        part.write_bytes(data)
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def relink(body: str, links: dict[str, str], names: dict[str, str] | None = None) -> str:
    """The Markdown body with each media address replaced by the link to its copy; a
    link to one of ``names`` (address -> the portal's file name, download_names) gives
    the download that name (`{download="..."}`, which Python-Markdown's attr_list makes
    the link's download attribute: browsers honour it on the site's own files, without
    JavaScript, and a saved file is named as the portal and a citation name it)."""
    if names:
        body = _LINKED.sub(lambda link: _named(link, links, names), body)
    for url, link in links.items():
        body = body.replace(f"]({url})", f"]({link})").replace(f"]({url} ", f"]({link} ")
    return body


# A link or picture and its address: `[text](address)`, `![alt](address)`; a link's
# text may hold escaped brackets and a picture (`[![alt](a.jpg)](b.pdf)`).
_LINKED = re.compile(
    r"(!?)\[((?:\\.|!\[(?:\\.|[^\]\\])*\]\([^()\s]*\)|[^\[\]\\])*)\]\(([^()\s]*)\)"
)


def _named(link: re.Match[str], links: dict[str, str], names: dict[str, str]) -> str:
    """A link to a copied file of ``names`` as one to its copy, whose download is named
    as the portal named the file; a picture (an <img> has no download) or another link
    as it is."""
    url = link[3]
    if link[1] or url not in names or url not in links:
        return link[0]
    return f'[{link[2]}]({links[url]}){{download="{names[url]}"}}'


def download_names(media: Iterable[FoundMedia]) -> dict[str, str]:
    """The portal's names of the files among ``media`` that a reader downloads."""
    return {m.url: m.portal_name for m in media if m.portal_name}
