"""Which link and image addresses may appear in a published page.

One rule for every door into the site (imported pages, Markdown bodies): an address is
safe when it is relative, or when its scheme is http, https, mailto or tel. The check
runs on the address as a browser would read it: HTML entities decoded, the control
characters and whitespace that browsers strip removed, any letter case.
"""

import re

from .htmltext import unescape

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Browsers drop ASCII tab and newline anywhere in a URL, and leading C0 controls and spaces.
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def scheme(url: str) -> str:
    """The scheme a browser reads in this address, in small letters ("" if none)."""
    match = _SCHEME.match(_IGNORED.sub("", unescape(unescape(url))))
    return match.group(1).lower() if match else ""


def is_safe_url(url: str) -> bool:
    """True when a browser following this address stays on http(s), mail or phone."""
    # Decode twice: an importer may hand us text whose entities were escaped once more.
    decoded = unescape(unescape(url))
    squeezed = _IGNORED.sub("", decoded)
    match = _SCHEME.match(squeezed)
    if match is None:
        # No scheme: a relative address, a fragment, or "//host/path" (same scheme as the page).
        # A colon before the first "/" with no valid scheme ("java\u0000script:") is refused.
        head = squeezed.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        return ":" not in head
    return match.group(1).lower() in SAFE_SCHEMES
