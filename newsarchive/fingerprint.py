"""Fingerprints: a short digest of everything a page's bytes depend on.

A page is re-rendered when its fingerprint changes. The fingerprint is generic:
it serialises the Page dataclass with all its data, so new page types need no
code here. Articles are stood in for by the digest of their source file and
path, which decide everything in them (with the names the plan gave their category
and tags, see pipeline.known_articles); a page whose data cannot be serialised
has no fingerprint and is always rendered. Templates, settings and our own code
are in the salt, which every fingerprint includes.

Pages are plain (pagedata.py): most are first made plain values, articles replaced in
Python, and pickled with no call back per article (`Fingerprinter._plain`). An article's
page, nine pages in ten, is read field by field instead (`Fingerprinter._article_page`).
"""

import contextlib
import hashlib
import io
import os
import pickle
import re
import sys
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .content import Article
from .pagedata import ArticleData
from .plan import Page
from .systemfiles import made_by_system

PACKAGE_DIR = Path(__file__).resolve().parent
# Libraries whose upgrade may change the HTML we write.
LIBRARIES = (
    *("jinja2", "markupsafe", "markdown", "pyyaml", "python-slugify", "text-unidecode"),
    "nh3",  # cleans bodies with sanitize_html
)
# Values that pickle as they are, by exact type (a subclass, e.g. markupsafe's Markup,
# may pickle otherwise): with tuples, articles and dataclasses of them, a page's data.
_PLAIN = frozenset({str, int, float, bool, type(None), datetime, date})
# The fields `Fingerprinter._article_page` reads: a field added to either class turns it
# off (the generic way then fingerprints article pages too, only slower).
_ARTICLE_PAGE = (
    ("url", "template", "title", "data", "article", "bodies"),
    ("older", "newer", "related"),
)
ARTICLE_PAGE_READ = (
    tuple(Page.__dataclass_fields__),
    tuple(ArticleData.__dataclass_fields__),
) == _ARTICLE_PAGE


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
    """Every file below ``folder``, by name and content (templates, strings.yaml), but
    those the systems and editors make there (a vim swap file changes as one types)."""
    parts: list[bytes | str] = []
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if not p.is_dir()):
            if "__pycache__" not in path.parts and not made_by_system(path.name):
                # A named pipe or a device is named, not read (a pipe waits for ever):
                # left out, it went unsaid until another change made the build render.
                kind, data = ("file", path.read_bytes()) if path.is_file() else ("other", b"")
                parts += [path.relative_to(folder).as_posix(), kind, data]
    return digest(*parts)


def code_digest() -> str:
    """Our own code and the versions of the libraries that shape the output:
    a new release of newsarchive (or an edit to it) invalidates every cache."""
    found = library_versions()
    versions = [f"{name}={found.get(_normal(name), 'none')}" for name in LIBRARIES]
    return digest(sys.version, *versions, folder_digest(PACKAGE_DIR))


def library_versions() -> dict[str, str]:
    """The version of each of LIBRARIES installed, by normalised name: the first found on
    sys.path, as importlib.metadata finds it, read from the name of the folder that pip
    (".dist-info") or a system package (".egg-info") puts beside it, "name-version.*".
    Importing importlib.metadata for this took 0.03 s of every build (issue 17)."""
    wanted = {_normal(name) for name in LIBRARIES}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file, a folder gone
            continue
        for name in names:
            stem, _, kind = name.rpartition(".")
            if kind in ("dist-info", "egg-info") and "-" in stem:
                project, version = stem.split("-")[:2]
                found.setdefault(_normal(project), version)
        if wanted <= found.keys():
            break
    return found


def _normal(project: str) -> str:
    return re.sub(r"[-_.]+", "-", project).lower()  # PEP 503


class Fingerprinter:
    """Pickles values with known articles replaced by their digests.

    Pickle is a faithful, C-speed serialisation: equal bytes mean equal data.
    The reverse does not always hold (a set's order varies between runs, as
    may sharing of equal objects), which only costs a needless re-render.
    """

    def __init__(self, known: dict[int, str], salt: str):
        self._known = known  # id() -> digest, for objects alive for the whole build
        # An article's stand-in in a plain value: no other value is bytes (not _PLAIN). A
        # digest, not the text (its file's path and digest): pages show articles 120,000
        # times at 10,000 articles, and their texts made 20 MB to pickle and hash.
        self._articles = {key: _stand_in(text) for key, text in known.items()}
        self._article = self._articles.__getitem__
        self._salt = salt.encode()
        self._buffer = io.BytesIO()
        self._pickler = _Pickler(self._buffer, known)

    def of(self, value: object) -> str | None:
        """The fingerprint of ``value``, or None when it cannot be made."""
        data: bytes | None
        try:
            if type(value) is Page and type(value.data) is ArticleData and ARTICLE_PAGE_READ:
                data = self._article_page(value, value.data)
            else:
                data = pickle.dumps(self._plain(value), protocol=5)
        except (_NotPlain, KeyError, TypeError, RecursionError):  # e.g. an unknown article
            data = self._pickled(value)
        if data is None:
            return None
        return hashlib.blake2b(data, digest_size=16, key=self._salt[:64]).hexdigest()

    def _plain(self, value: object) -> object:
        """``value`` with each article replaced by its bytes, each dataclass by a list of
        its class, field names and values: of types distinct from the input's, so that
        equal plain values mean equal values (as with pickle). A pickler calling back for
        each article took 0.1 s more at 10,000 articles (issue 17)."""
        kind = type(value)
        if isinstance(value, tuple) and kind is tuple:  # not a subclass: a NamedTuple
            if value and type(value[0]) is Article:  # a list page's: dozens, all articles
                with contextlib.suppress(KeyError):  # not all (known) articles after all
                    return tuple(map(self._article, map(id, value)))
            return tuple(self._items(value))
        if kind is Article:
            return self._articles[id(value)]
        if kind in _PLAIN:
            return value
        if hasattr(kind, "__dataclass_fields__"):  # vars: TypeError without a __dict__
            fields = vars(value)
            head = [kind.__module__, kind.__qualname__, tuple(fields)]
            return [*head, *self._items(fields.values())]
        raise _NotPlain

    def _article_page(self, page: Page, data: ArticleData) -> bytes:
        """An article's page as a tuple of its fields, in the order of _ARTICLE_PAGE, its
        articles by their stand-ins (KeyError for an unknown one: then the generic way).
        A tuple where _plain makes lists: equal bytes still mean equal pages. A third of
        the time of _plain and pickle, 0.1 s of a rebuild at 10,000 articles (issue 17)."""
        article, older, newer = self._article, data.older, data.newer
        return pickle.dumps(
            (
                page.url,
                page.template,
                page.title,
                None if older is None else article(id(older)),
                None if newer is None else article(id(newer)),
                tuple(map(article, map(id, data.related))),
                article(id(page.article)),
                tuple(map(article, map(id, page.bodies))),
            ),
            protocol=5,
        )

    def _items(self, values: Iterable[object]) -> list[object]:
        """_plain of each value, with no call for a plain value or an article (most of
        them: an article's page shows six articles, a list page dozens)."""
        articles, plain = self._articles, self._plain
        return [
            v if (t := type(v)) in _PLAIN else articles[id(v)] if t is Article else plain(v)
            for v in values
        ]

    def _pickled(self, value: object) -> bytes | None:
        buffer, pickler = self._buffer, self._pickler
        buffer.seek(0)
        buffer.truncate()
        pickler.clear_memo()  # each value pickled on its own, as if first
        try:
            pickler.dump(value)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return None  # e.g. a lambda or a generator in page data: always render
        return buffer.getvalue()


def _stand_in(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, known: dict[int, str]):
        super().__init__(file, protocol=5)
        self._known = known
        # Known objects are articles: a reducer for their class alone is called for
        # them only, where reducer_override was called for every page, date and tuple
        # of data (half the time of fingerprinting 12,000 pages).
        self.dispatch_table = {Article: self._reduce_article}

    def _reduce_article(self, obj: Article) -> str | tuple[Any, ...]:
        known = self._known.get(id(obj))
        if known is None:
            return obj.__reduce_ex__(5)
        return (_Known, (known,))


class _NotPlain(Exception):
    pass


class _Known(str):
    """How a known object (an article) appears in a fingerprint: by its digest."""


def fingerprints(values: Iterable[object], known: dict[int, str], salt: str) -> list[str | None]:
    maker = Fingerprinter(known, salt)
    return [maker.of(v) for v in values]
