"""What in a body's HTML would run in a reader's browser: a script element, an event
handler attribute (`onerror=`), an address that is script (`href="javascript:..."`).

Markdown's own links and images never hold one (markup.py removes a refused address),
so with site.yaml's `sanitize_html` off (the default) what is found here was written
by an editor as raw HTML or an attribute list (`{: onclick="..." }`), and is published
as written; with it on, nh3 has removed it. bodylinks.py warns of each, where it is
written.
"""

import re
from html.parser import HTMLParser

from .linksafety import scheme

# Attributes whose address a browser loads or follows (xlink:href: in a pasted SVG).
ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href")
SCRIPT_SCHEMES = ("javascript", "vbscript")
# Cheap test before parsing: a body without these holds none of the three (an address
# written with entities has "&#"; "javascript" spelt any way holds "script").
_MAYBE = re.compile(r"(?i)script|&#|[\s\"'/]on[a-z-]*\s*=")
SCRIPT = "script"
# A frame's own page, written in the attribute: it runs on the page's origin.
SRCDOC = "srcdoc"


def runs(body_html: str, marks: tuple[str, ...] = ()) -> list[tuple[int, str, str]]:
    """Each thing of ``body_html`` that would run, in order: (its offset, what it is
    as an editor reads it, the key bodylinks.py finds it by in the source: SCRIPT, the
    handler's name, or the attribute holding the address). ``marks``: what markup.py puts
    before a site link's address, which raw HTML can write too (see `script_address`)."""
    if not _MAYBE.search(body_html):
        return []
    parser = _Runs(marks)
    parser.feed(body_html)
    parser.close()
    starts = [0]
    starts += [m.end() for m in re.finditer("\n", body_html)]
    return [(starts[line - 1] + column, what, key) for (line, column), what, key in parser.found]


def script_address(value: str, marks: tuple[str, ...] = ()) -> bool:
    """Whether following or loading the address ``value`` runs script on the page; after
    any of ``marks``, which the page is given without."""
    return scheme(unmarked(value, marks)) in SCRIPT_SCHEMES


def unmarked(value: str, marks: tuple[str, ...]) -> str:
    for mark in marks:
        value = value.removeprefix(mark)
    return value


class _Runs(HTMLParser):
    def __init__(self, marks: tuple[str, ...]) -> None:
        super().__init__(convert_charrefs=True)
        self.marks = marks
        self.found: list[tuple[tuple[int, int], str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        where = self.getpos()
        if tag == SCRIPT:
            self.found.append((where, "a <script> element", SCRIPT))
        for name, value in attrs:
            if name.startswith("on") or name == SRCDOC:
                self.found.append((where, f"an {name} attribute", name))
            elif name in ADDRESS_ATTRIBUTES and value and script_address(value, self.marks):
                address = unmarked(value, self.marks)
                self.found.append((where, f"a {scheme(address)}: address ({name})", name))

    handle_startendtag = handle_starttag
