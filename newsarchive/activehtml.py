"""What in a body's HTML would run in a reader's browser: a script element, an event
handler attribute (`onerror=`), an address that is script (`href="javascript:..."`); and
what runs nothing but takes the reader elsewhere: a refresh (`<meta http-equiv=refresh>`),
a `<base href>` (every relative link of the page then leads where it says), a form that
sends what the reader types to another site (`action="https://..."`, a phishing page's
trick); and a `<style>` element, or a `<link rel="stylesheet">` loading a style sheet,
which styles the whole page, not the article: it can hide the archive's notice or the
site's menu, or write words of its own (`content:`). A `style=` attribute styles its own
element only, as old articles' colours do, and is none; so is a `<link>` of another rel:
in a body browsers only fetch (preload, prefetch) or ignore it (canonical, and import,
which no browser loads any more), and it changes nothing the reader sees.
A form sending to the site itself (a relative address), or with no action (to
its own page), is none: the site's pages are files, which receive nothing; an address
with a scheme or host is another site's unless it is under site.yaml's base_url, which
bodylinks.py asks (`sends_away`'s ``home``: what is found here is cached by the body
alone, whatever the settings).

Markdown's own links and images never hold one (markup.py removes a refused address),
so with site.yaml's `sanitize_html` off (the default) what is found here was written
by an editor as raw HTML or an attribute list (`{: onclick="..." }`), and is published
as written; with it on, nh3 has removed it. bodylinks.py warns of each, where it is
written.
"""

import re
from html.parser import HTMLParser
from typing import NamedTuple

from .htmltext import short_numbers
from .linksafety import scheme
from .urls import on_site

# Attributes whose address a browser loads or follows (xlink:href: in a pasted SVG).
ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href")
SCRIPT_SCHEMES = ("javascript", "vbscript")
# Cheap test before parsing: a body without these holds none of them (an address
# written with entities has "&#"; "javascript" spelt any way holds "script").
_MAYBE = re.compile(
    r"(?i)script|&#|[\s\"'/]on[a-z-]*\s*=|<(?:meta|base|form|style|link)|formaction"
)
SCRIPT = "script"
# A frame's own page, written in the attribute: it runs on the page's origin.
SRCDOC = "srcdoc"
# The keys of what leads elsewhere (see `runs`).
REFRESH, BASE, STYLE, STYLESHEET = "http-equiv", "base", "style", "stylesheet"
AWAY_FORM = ("action", "formaction")
# Between a form's attribute and its address in its key (see AwayForm).
_ELSEWHERE = " elsewhere "


class AwayForm(NamedTuple):
    """A form sending away: its attribute (action, formaction) and address. Its key is
    text, as every key of `runs` is: the keys are kept with the body's other links, in
    the cache and from the render processes (markup.marked_links), all text."""

    attribute: str
    address: str

    @property
    def key(self) -> str:
        return self.attribute + _ELSEWHERE + self.address


def runs(body_html: str, marks: tuple[str, ...] = ()) -> list[tuple[int, str, str]]:
    """Each thing of ``body_html`` that would run, in order: (its offset, what it is
    as an editor reads it, the key bodylinks.py finds it by in the source: SCRIPT, the
    handler's name, or the attribute holding the address; REFRESH, BASE, STYLE,
    STYLESHEET, or AwayForm.key for a form sending elsewhere). ``marks``: what
    markup.py puts before a site link's address, which raw HTML can write too (see
    `script_address`)."""
    if not _MAYBE.search(body_html):
        return []
    # html.parser unescapes text and attributes with html.unescape, which raises on a
    # reference by a number of thousands of digits; shortened, it names the same
    # character (the offsets after it shift by a few: they only order the warnings).
    body_html = short_numbers(body_html)
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


def sends_away(value: str, marks: tuple[str, ...] = (), home: str = "") -> bool:
    """Whether a form whose action is ``value`` sends to another site: an address with a
    scheme (https:, mailto:...) or a host (//host, which browsers also read in \\host),
    but for one of the site at ``home`` (its base_url), as a browser reads it."""
    address = unmarked(value, marks)
    squeezed = re.sub(r"[\x00-\x20\x7f]+", "", address).replace("\\", "/")
    if not (scheme(address) or squeezed.startswith("//")):
        return False
    return not (home and on_site(squeezed, home))


def away_form(key: str) -> AwayForm | None:
    """The form sending away of ``key`` (see `runs`); None for the key of anything else."""
    name, away, address = key.partition(_ELSEWHERE)
    return AwayForm(name, address) if away else None


def sheet(rel: str | None) -> bool:
    """Whether a <link> of ``rel`` loads a style sheet: one of its words (any case) is
    stylesheet, as in "alternate stylesheet", which the reader can choose."""
    return STYLESHEET in (rel or "").lower().split()


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
        if tag in (SCRIPT, STYLE):
            self.found.append((where, f"a <{tag}> element", tag))
        for name, value in attrs:
            if name.startswith("on") or name == SRCDOC:
                self.found.append((where, f"an {name} attribute", name))
            elif name in ADDRESS_ATTRIBUTES and value and script_address(value, self.marks):
                address = unmarked(value, self.marks)
                self.found.append((where, f"a {scheme(address)}: address ({name})", name))
            elif name in AWAY_FORM and value and sends_away(value, self.marks):
                address = unmarked(value, self.marks).strip()
                what = f"a form whose {name} is {address}"
                self.found.append((where, what, AwayForm(name, address).key))
        self.elsewhere(tag, dict(attrs), where)

    def elsewhere(self, tag: str, attrs: dict[str, str | None], where: tuple[int, int]) -> None:
        if tag == "meta" and (attrs.get(REFRESH) or "").strip().lower() == "refresh":
            self.found.append((where, 'a <meta http-equiv="refresh"> element', REFRESH))
        elif tag == BASE and attrs.get("href") is not None:
            self.found.append((where, "a <base href> element", BASE))
        elif tag == "link" and attrs.get("href") is not None and sheet(attrs.get("rel")):
            self.found.append((where, 'a <link rel="stylesheet"> element', STYLESHEET))

    handle_startendtag = handle_starttag
