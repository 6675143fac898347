"""SVG pictures made inert: what in them could run, found and left out.

An SVG is a document: it may hold scripts, event handlers and javascript: links. Shown by
an article's <img>, none of them runs; but the copy is also served at its own address on
the archive's domain, where a reader who opens the picture alone (a long press, "open
image in new tab") would run them. Static hosting sends no header that could forbid
them, so the copy leaves them out. A picture with nothing that can run is copied byte for
byte; one that cannot be read as XML is no picture a browser shows, and is not copied.
`check` finds the same in the SVGs of a built site (an editor's own, or imported before).
"""

import re
import xml.etree.ElementTree as ET

from .linksafety import is_safe_url

SVG = "http://www.w3.org/2000/svg"
# Elements that run code or show another document, left out with all they hold.
_RUNNING = frozenset(("script", "foreignobject", "iframe", "embed", "object", "handler"))
# Animations can set an attribute to a javascript: address or an event handler.
_ANIMATIONS = frozenset(("set", "animate", "animatemotion", "animatetransform", "animatecolor"))
_ADDRESSES = frozenset(("href", "src", "action", "formaction", "data"))
# A picture inside the picture; an SVG one is a document of its own, with its scripts.
_PICTURE_DATA = re.compile(r"\s*data:image/(png|jpeg|gif|webp)[;,]", re.I)


NOT_A_PICTURE = "it is not an SVG picture a browser can show"


class Unreadable(Exception):
    """The bytes are not an XML document: no browser shows them as a picture (opened
    alone, Chromium still runs the scripts before the fault)."""


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _running(name: str, value: str) -> str:
    """What the attribute is when it is an event handler or an address that runs script
    (``onload=``, ``href=javascript:``), else ""."""
    local = _local(name)
    if local.startswith("on"):
        return f"{local}="
    if local not in _ADDRESSES or is_safe_url(value) or _PICTURE_DATA.match(value):
        return ""
    scheme = "".join(c for c in value.split(":", 1)[0] if c > " ")  # "java\tscript"
    return f"{local}={scheme.lower()}:"


class _Builder(ET.TreeBuilder):
    """A tree builder that notes an <?xml-stylesheet?>, which names a sheet the browser
    applies to the picture opened alone: an XSLT sheet can write a page with scripts."""

    styled = False

    def pi(self, target: str, text: str | None = None) -> ET.Element:
        self.styled |= target.lower() == "xml-stylesheet"
        return super().pi(target, text)


def _left_out(parent: ET.Element, removed: set[str]) -> None:
    """Remove from ``parent``'s tree what can run, naming each kind in ``removed``."""
    for child in list(parent):
        local = _local(str(child.tag))
        target = child.get("attributeName", "").rsplit(":", 1)[-1].lower()  # xlink:href
        if local in _RUNNING or (
            local in _ANIMATIONS and (target.startswith("on") or target in _ADDRESSES)
        ):
            removed.add(f"<{local}>")
            parent.remove(child)
            continue
        for name, value in list(child.attrib.items()):
            running = _running(name, value)
            if running:
                removed.add(running)
                del child.attrib[name]
        _left_out(child, removed)


def inert(data: bytes) -> tuple[bytes, list[str]]:
    """The picture's bytes with nothing in them that can run, and what was left out
    (none: the bytes as they were). Raises Unreadable for bytes that are not XML."""
    builder = _Builder()
    parser = ET.XMLParser(target=builder)
    try:
        parser.feed(data)
        root = parser.close()
    except ET.ParseError as exc:
        raise Unreadable(f"it is not well-formed XML ({exc})") from None
    holder = ET.Element("holder")  # so that the root itself can be left out too
    holder.append(root)
    removed = {"<?xml-stylesheet?>"} if builder.styled else set()
    _left_out(holder, removed)
    if not removed:
        return data, []
    if not len(holder):
        raise Unreadable("it holds nothing but a script")
    return _written(holder[0]), sorted(removed)


def _written(root: ET.Element) -> bytes:
    """The tree as XML, its SVG elements without a prefix (`<svg>`, not `<ns0:svg>`),
    unless some element is in no namespace and so needs the unprefixed names."""
    elements = list(root.iter())
    if all(str(element.tag).startswith("{") for element in elements):
        svg = f"{{{SVG}}}"
        for element in elements:
            if element.tag.startswith(svg):
                element.tag = element.tag[len(svg) :]
                root.set("xmlns", SVG)
    return ET.tostring(root, encoding="utf-8")
