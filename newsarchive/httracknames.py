"""The names HTTrack gives the files of addresses with a query, which the portal never
had: the importer and `check` (a link left to the old portal) both tell them apart from
the portal's own addresses."""

import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

# HTTrack saves the file of an address with a query under its name without its extension,
# the first 4 hex digits of the query's MD5 and an extension of its own, and links it so,
# the query after it: /image/journal/article?img_id=5 is `article0d5c.jpg?img_id=5`, and
# /tin-tuc/chi-tiet.aspx?ItemID=5 is the page tin-tuc/chi-tiet1a2b.html, linked
# `chi-tiet1a2b.html?ItemID=5`.
ANY_FILE = re.compile(r"([0-9a-f]{4})\.[A-Za-z0-9]{1,5}$")
# Of a page only, its ending as HTTrack writes it (.html, .htm): the names the importer
# follows to a page's address.
A_PAGE = re.compile(r"([0-9a-f]{4})\.html?$")


def httrack_named(url: str) -> bool:
    """Whether ``url`` names a file by the name HTTrack gave the file of an address with
    a query (`article0d5c.jpg?img_id=5` for /image/journal/article?img_id=5), not the
    address the portal had."""
    parts = urlsplit(url)
    return query_named(parts.path, parts.query) is not None


def query_named(path: str, query: str, name: re.Pattern[str] = ANY_FILE) -> re.Match[str] | None:
    """The end of ``path`` that HTTrack put in the name of the file of an address with
    ``query``: the first 4 hex digits of the query's MD5 and the extension after them,
    as ``name`` allows (ANY_FILE, A_PAGE); its start is where the portal's name ends.
    None when ``path`` ends otherwise, or there is no query."""
    named = name.search(path)
    if not named or not query:
        return None
    digest = hashlib.md5(query.encode(), usedforsecurity=False).hexdigest()
    return named if digest[:4] == named.group(1) else None


# Liferay's image servlet names a picture by its query alone (/image/journal/article?
# img_id=5, /image/image_gallery?uuid=…): the address has no ending, so HTTrack's name
# for it, with the ending HTTrack gave it from the file's type, tells the address whole.
# Any other name tells no address. HTTrack (htsname.c: standard_name, resolve_extension)
# writes the name before the ending, the 4 digits and an ending that is the address's own
# only when the server's type agreed with it: `anh?id=5`, `anh.php?id=5` and `anh.png?id=5`
# served as a JPEG are all saved as anh<4 hex>.jpg, as is `anh.jpg?id=5`; and a file name
# the server sends (Content-Disposition) replaces the address's: a Liferay document's
# anh.jpg/<its id>?t=1 is saved as anh.jpg/anhb73c.jpg. So a CDN's `…_n7746.jpg?_nc_cat=…`
# may have been `…_n.jpg?…` or not: a wrong address would be worse than HTTrack's name.
_IMAGE_SERVLET = re.compile(r"^/image/[a-z_]+(?:/[a-z_]+)?$")


def portal_address(url: str) -> str:
    """The address the portal had for a file HTTrack named ``url`` (`article0d5c.jpg?
    img_id=5` is /image/journal/article?img_id=5), when its name tells it; "" otherwise."""
    parts = urlsplit(url)
    named = query_named(parts.path, parts.query)
    if named is None:
        return ""
    path = parts.path[: named.start()]
    if not _IMAGE_SERVLET.match(path):
        return ""
    return urlunsplit(parts._replace(path=path))
