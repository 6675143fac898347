"""Fingerprints: a short digest of everything a page's bytes depend on.

A page is re-rendered when its fingerprint changes. The fingerprint is generic:
it walks the Page dataclass and its data (dicts, tuples, dataclasses, dates...),
so new page types need no code here. Articles are stood in for by the digest of
their source file, which decides everything in them; anything the walk does not
understand makes the page unfingerprintable, and such a page is always rendered.
"""

import dataclasses
import enum
import hashlib
import importlib.metadata
import sys
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path, PurePath
from zoneinfo import ZoneInfo

PACKAGE_DIR = Path(__file__).resolve().parent
# Libraries whose upgrade may change the HTML we write.
LIBRARIES = ("jinja2", "markupsafe", "markdown", "pyyaml", "python-slugify", "text-unidecode")
_PLAIN = (str, int, float, bool, bytes, type(None), datetime, date, time, timedelta, ZoneInfo)


class Unfingerprintable(TypeError):
    """A value whose repr might not show all of it (or might differ between runs)."""


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    return digest(path.read_bytes())


def folder_digest(folder: Path) -> str:
    """Every file below ``folder``, by name and content (templates, strings.yaml)."""
    parts: list[bytes | str] = []
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if "__pycache__" not in path.parts:
                parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


def code_digest() -> str:
    """Our own code and the versions of the libraries that shape the output:
    a new release of newsarchive (or an edit to it) invalidates every cache."""
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name}=none")
    return digest(sys.version, *versions, folder_digest(PACKAGE_DIR))


class Fingerprinter:
    """Canonical text of page data, with known objects replaced by their digests."""

    def __init__(self, known: dict[int, str], salt: str):
        # id() -> digest, for objects (articles) alive for the whole build.
        self._known = known
        self._salt = salt
        self._seen: dict[int, str] = {}

    def of(self, value: object) -> str | None:
        """The fingerprint of ``value``, or None when it cannot be made."""
        try:
            return digest(self._salt, repr(self._canon(value)))
        except Unfingerprintable:
            return None

    def _canon(self, value: object) -> object:
        kind = type(value)
        if kind in _PLAIN:
            return value
        known = self._known.get(id(value))
        if known is not None:
            return known
        if kind is tuple or kind is list:
            return (kind.__name__, *map(self._canon, value))  # type: ignore[call-overload]
        if kind is dict:
            return ("dict", *sorted((repr(k), self._canon(v)) for k, v in value.items()))  # type: ignore[attr-defined]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            seen = self._seen.get(id(value))
            if seen is None:
                fields = (getattr(value, f.name) for f in dataclasses.fields(value))
                seen = digest(kind.__qualname__, repr(tuple(map(self._canon, fields))))
                self._seen[id(value)] = seen
            return seen
        if isinstance(value, set | frozenset):
            return ("set", *sorted(repr(self._canon(v)) for v in value))
        if isinstance(value, str):  # Markup and other str subclasses: text + type
            return (kind.__qualname__, str(value))
        if isinstance(value, PurePath | enum.Enum):
            return (kind.__qualname__, repr(value))
        raise Unfingerprintable(kind.__qualname__)


def fingerprints(values: Iterable[object], known: dict[int, str], salt: str) -> list[str | None]:
    maker = Fingerprinter(known, salt)
    return [maker.of(v) for v in values]
