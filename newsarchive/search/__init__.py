"""Search: the static index the build writes (writer.py), its file format (format.py),
what articles and queries become (terms.py), and the reference query engine (engine.py)
that static/js/search-engine.js follows. docs/search-format.md describes the files."""

from .format import STAMP as FINGERPRINT_FILE
from .writer import IndexResult, update_index

__all__ = ["FINGERPRINT_FILE", "IndexResult", "update_index"]
