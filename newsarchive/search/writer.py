"""Write the search index of a site's articles, changing only the files that differ.

The layout is a pure function of the articles (oldest first, as pagination orders
them): documents are numbered in that order; the segments are the binary digits of
their count (10,000 = 8192 + 1024 + 512 + 256 + 16); each segment's terms are spread
over shard files by a hash. A segment's folder is named by a digest of its documents,
so an update keeps every segment whose documents are unchanged and writes only the
new ones (adding an article changes the smallest segments, as a binary counter
carries). The result is the same bytes as an index written from scratch.

Order of writing, so that an interrupted update leaves a usable index: new segments
are written beside the old ones, each in a temporary folder renamed into place when
complete (``stop`` is checked between them); then the stamp goes, the manifest is
replaced, the old segments are removed and the stamp (a digest of the manifest) is
written again. Until the manifest changes the previous index is whole; a folder whose
stamp is missing is made again from the served site's (publish.Spare.mirror, which links
only what differs).
"""

import contextlib
import functools
import os
import shutil
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content import Article
from ..fingerprint import digest
from ..urls import article_url, search_bundle_root
from . import format as fmt
from .terms import html_text

if TYPE_CHECKING:
    from .segment import Words

# Runs a function in another process; None: it could not (workers.ForkedCall.call).
Elsewhere = Callable[..., Any]

BODY_BATCH = 512  # article bodies loaded at a time
# The most articles of a segment written elsewhere (`_write_segment`): their bodies go
# there through a pipe. Adding an article writes a segment of 1 to 16 in most builds.
ELSEWHERE_DOCS = 256
LEAD_WORDS = 40  # words of the text shown from a file when an article has no summary
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class Doc:
    """An article as the index shows it."""

    url: str
    title: str
    date: str
    category: str
    summary: str
    body_digest: str
    tags: tuple[str, ...] = ()

    def row(self) -> list[str]:
        return [self.url, self.title, self.date, self.category]


def _fields(article: Article) -> tuple[str, str, str, str, str, str, tuple[str, ...]]:
    """A Doc's fields: made for the articles of a segment named anew (segments are
    named by them, see segment_layout), a Doc only for those of the segments written."""
    when = article.published
    # strftime took a third of the time of this for 10,000 articles; it writes years
    # before 1000 as each platform does.
    if when.year >= 1000:
        date = f"{when.day:02d}/{when.month:02d}/{when.year}"
    else:
        date = when.strftime("%d/%m/%Y")
    return (
        article_url(article),
        article.title,
        date,
        article.category,
        article.summary,
        article.body_digest,
        article.tags,
    )


def _key(fields: tuple[str, str, str, str, str, str, tuple[str, ...]]) -> str:
    """Everything indexed, each field after its length (no two articles' keys alike): a
    segment's name digests them, one digest per segment rather than one per article
    (those took seconds at 100,000 articles)."""
    url, title, date, category, summary, body, tags = fields
    return (
        f"{len(url)}:{url}{len(title)}:{title}{len(date)}:{date}{len(category)}:{category}"
        f"{len(summary)}:{summary}{len(body)}:{body}{len(tags)}:"
        + "".join(f"{len(tag)}:{tag}" for tag in tags)
    )


@dataclass(frozen=True)
class IndexResult:
    pages: int
    reindexed: bool
    stopped: bool = False  # by ``stop``: the previous index is still in place
    written: int = 0  # files written or removed
    segments_written: int = 0


def update_index(
    folder: Path,
    articles: Sequence[Article],
    bodies: Callable[[set[str]], dict[str, str]],
    stop: threading.Event | None = None,
    stand_ins: Sequence[str] = (),
    names: dict[str, str] | None = None,
    elsewhere: "Elsewhere | None" = None,
) -> IndexResult:
    """Bring the index in ``folder`` up to date with ``articles`` (oldest first).

    ``bodies`` gives the HTML of article bodies by digest: it is asked only for the
    articles of the segments that change. Setting ``stop`` ends the update before the
    manifest changes: the previous index stays as it was. ``stand_ins`` and
    ``names``: see `segment_layout`. ``elsewhere``: a process that imported numpy ahead,
    where small segments are written (`workers.ForkedCall.call`)."""
    if not articles:
        shutil.rmtree(folder, ignore_errors=True)
        return IndexResult(0, reindexed=False)
    old = _read_manifest(folder)
    stamp = folder / fmt.STAMP
    layout = segment_layout(articles, stand_ins, {} if names is None else names)
    known = {s[0]: s[3] for s in old["segments"]} if old else {}
    present = {name: known[name] for name, _, _ in layout if name in known}
    # Up to date only when the manifest names exactly the new layout's segments: with
    # the newest articles removed it names them all and more.
    same = old is not None and [s[0] for s in old["segments"]] == [s[0] for s in layout]
    if same and _stamped(folder):
        return IndexResult(len(articles), reindexed=False)

    written = segments = 0
    shards: dict[str, int] = {}
    new: list[Path] = []
    try:
        for name, start, size in layout:
            if name in present and (folder / "s" / name / "w.js").is_file():
                shards[name] = present[name]
                continue
            if stop is not None and stop.is_set():
                raise _Stopped
            new.append(folder / "s" / name)
            part = [Doc(*_fields(a)) for a in articles[start : start + size]]
            shards[name], count = _write_segment(folder, name, part, bodies, elsewhere)
            written += count
            segments += 1
    except BaseException as exc:
        for path in new:  # not part of the index yet: the previous one stays as it was
            shutil.rmtree(path, ignore_errors=True)
        if isinstance(exc, _Stopped):
            return IndexResult(len(articles), reindexed=False, stopped=True)
        raise
    manifest = {
        "version": fmt.VERSION,
        "docs": len(articles),
        "complete": fmt.COMPLETE_POSTINGS,
        "tails": fmt.TAILS_FROM,
        "root": search_bundle_root(),
        "segments": [[name, start, size, shards[name]] for name, start, size in layout],
    }
    data = fmt.script(fmt.MANIFEST, manifest)
    stamp.unlink(missing_ok=True)  # the index changes from here on
    # Before the manifest: a vocabulary ahead of it completes words to terms the index
    # may not have yet, which find nothing.
    for file, words in _vocabulary(folder, [name for name, _, _ in layout]).items():
        written += _put(folder / f"{file}.js", fmt.script(file, words))
    written += _put(folder / f"{fmt.MANIFEST}.js", data)
    written += _remove_other_segments(folder, set(shards))
    stamp.write_text(digest(data) + "\n", encoding="ascii")
    return IndexResult(len(articles), reindexed=True, written=written, segments_written=segments)


def segment_layout(
    articles: Sequence[Article], stand_ins: Sequence[str], names: dict[str, str]
) -> list[tuple[str, int, int]]:
    """Each segment's name, first document and size. A name digests its documents'
    fields; making them for every article took most of a rebuild's update (0.07 s at
    10,000 articles). ``stand_ins``, if given, stands for each article by its file and
    that file's digest, which decide it under the same code and settings
    (pipeline.known_articles): a segment whose articles' stand-ins ``names`` holds (the
    cache: made with the same code and settings) takes the name found there. ``names``
    is left holding the names of this layout's segments."""
    layout, start, found = [], 0, {}
    for size in fmt.segment_sizes(len(articles)):
        part = stand_ins[start : start + size]
        key = digest(fmt.layout(), *part) if len(part) == size and all(part) else ""
        name = names.get(key) if key else None
        if name is None:
            fields = map(_fields, articles[start : start + size])
            name = digest(fmt.layout(), *map(_key, fields))[:16]
        if key:
            found[key] = name
        layout.append((name, start, size))
        start += size
    names.clear()
    names.update(found)
    return layout


class _Stopped(Exception):
    pass


def _stamped(folder: Path) -> bool:
    try:
        manifest = (folder / f"{fmt.MANIFEST}.js").read_bytes()
        return (folder / fmt.STAMP).read_text(encoding="ascii") == digest(manifest) + "\n"
    except OSError:
        return False


def _read_manifest(folder: Path) -> dict | None:
    try:
        name, data = fmt.read_script((folder / f"{fmt.MANIFEST}.js").read_bytes())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if name != fmt.MANIFEST or not isinstance(data, dict) or data.get("version") != fmt.VERSION:
        return None
    return data


def _put(path: Path, data: bytes) -> int:
    """Write ``data`` unless the file holds it; 1 when written. Through a new file
    renamed into place: the old one may be a hard link to the served site's."""
    try:
        if path.read_bytes() == data:
            return 0
    except OSError:
        pass
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
    os.replace(tmp, path)
    return 1


def _vocabulary(folder: Path, segments: list[str]) -> dict[str, dict[str, list[list]]]:
    """The vocabulary files (format.py): in each, by their first characters, the words
    of VOCABULARY_DOCS articles or more in groups of one magnitude, the largest first:
    [[magnitude, word, word...], ...]."""
    frequency: dict[str, int] = {}
    for name in segments:
        _, counts = fmt.read_script((folder / "s" / name / "w.js").read_bytes())
        for word, df in counts.items():  # type: ignore[attr-defined]
            frequency[word] = frequency.get(word, 0) + df
    common = [word for word, df in frequency.items() if df >= fmt.VOCABULARY_DOCS]
    files: dict[str, dict[str, list[list]]] = {f"v/{n}": {} for n in range(fmt.VOCABULARY_FILES)}
    for size, word in sorted((-fmt.magnitude(frequency[word]), word) for word in common):
        groups = files[fmt.vocabulary_file(word)].setdefault(word[: fmt.VOCABULARY_KEY], [])
        if not groups or groups[-1][0] != -size:
            groups.append([-size])
        groups[-1].append(word)
    return files


def _remove_other_segments(folder: Path, keep: set[str]) -> int:
    removed = 0
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(folder / "s"):
            if entry.name not in keep:
                removed += sum(len(files) for _, _, files in os.walk(entry.path))
                shutil.rmtree(entry.path, ignore_errors=True)
    return removed


def _write_segment(
    folder: Path,
    name: str,
    docs: list[Doc],
    bodies: Callable[[set[str]], dict[str, str]],
    elsewhere: "Elsewhere | None" = None,
) -> tuple[int, int]:
    """Write one segment: its shards, its terms' tails, and its documents' titles and
    addresses, DOC_CHUNK a file (d0.js, d1.js...); (shards, files written). Each file
    is written as it is made: a segment of 65,536 articles has 100 MB of them.

    A segment of at most ELSEWHERE_DOCS articles is written ``elsewhere`` if given, its
    bodies sent along: numpy took 0.06-0.1 s of a rebuild's second to import, which
    that process did ahead, meanwhile."""
    if elsewhere is not None and len(docs) <= ELSEWHERE_DOCS:
        html = bodies({d.body_digest for d in docs})
        done = elsewhere(_write_segment, folder, name, docs, functools.partial(_given, html))
        if done is not None:
            return done
    # numpy only here: a build whose index is unchanged (a template edited, nothing
    # changed) writes no segment.
    from .segment import Words, encode

    words = Words()
    leads = _add_words(words, docs, bodies)
    target = folder / "s" / name
    tmp = folder / "s" / f".{name}.{os.getpid()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    into = os.fspath(tmp)
    written = 0

    def put(file: str, data: bytes) -> None:  # os-level: thousands of small files
        nonlocal written
        handle = os.open(os.path.join(into, f"{file}.js"), _NEW_FILE, 0o644)
        try:
            os.write(handle, data)
        finally:
            os.close(handle)
        written += 1

    try:
        for number, start in enumerate(range(0, len(docs), fmt.DOC_CHUNK)):
            rows = [
                [*d.row(), leads[i]]
                for i, d in enumerate(docs[start : start + fmt.DOC_CHUNK], start)
            ]
            put(f"d{number}", fmt.script(f"s/{name}/d{number}", rows))
        del leads  # before the words are encoded
        shards = encode(name, words, put)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(target, ignore_errors=True)
    os.replace(tmp, target)
    return shards, written


def _given(html: dict[str, str], keys: set[str]) -> dict[str, str]:
    return {key: html[key] for key in keys}


def ready() -> None:
    """What writing a segment imports, imported ahead (`update_index`'s ``elsewhere``)."""
    from . import segment  # noqa: F401


def _add_words(
    words: "Words", docs: list[Doc], bodies: Callable[[set[str]], dict[str, str]]
) -> list[str]:
    """Add the articles' words to ``words``; the lead each shows where its text cannot be
    fetched (from a file): its summary, or the beginning of its text."""
    leads = []
    for start in range(0, len(docs), BODY_BATCH):
        batch = docs[start : start + BODY_BATCH]
        html = bodies({d.body_digest for d in batch})
        for doc in batch:
            text = html_text(html[doc.body_digest])
            words.add(doc.title, text, doc.date, doc.tags)
            leads.append(doc.summary or _beginning(text))
    return leads


def _beginning(text: str) -> str:
    parts = text.split(None, LEAD_WORDS + 1)
    return " ".join(parts[:LEAD_WORDS]) + (" …" if len(parts) > LEAD_WORDS else "")
