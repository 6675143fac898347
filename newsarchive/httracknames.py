"""The names HTTrack gives the files of addresses with a query, which the portal never
had: the importer and `check` (a link left to the old portal) both tell them apart from
the portal's own addresses."""

import hashlib
import re
from urllib.parse import urlsplit

# HTTrack saves the file of an address with a query under its name without its extension,
# the first 4 hex digits of the query's MD5 and an extension of its own, and links it so,
# the query after it: /image/journal/article?img_id=5 is `article0d5c.jpg?img_id=5`.
_FILE_NAME = re.compile(r"([0-9a-f]{4})\.[A-Za-z0-9]{1,5}$")  # of any file


def httrack_named(url: str) -> bool:
    """Whether ``url`` names a file by the name HTTrack gave the file of an address with
    a query (`article0d5c.jpg?img_id=5` for /image/journal/article?img_id=5), not the
    address the portal had."""
    parts = urlsplit(url)
    named = _FILE_NAME.search(parts.path)
    if not named or not parts.query:
        return False
    return hashlib.md5(parts.query.encode(), usedforsecurity=False).hexdigest()[:4] == named.group(
        1
    )
