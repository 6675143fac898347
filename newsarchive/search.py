"""After publishing: the static search index, made by Pagefind from the article pages.

Pagefind reads the published article pages (only the part marked `data-pagefind-body`,
i.e. article text; see templates/article.html), one by one in path order (the index
bytes depend on that order: see _run_pagefind), and writes its index and its small JS
library into the site's bundle folder. It runs after the pages are published so that
it sees exactly what readers get, and it is skipped when no article page changed: a
fingerprint of those pages is kept in the bundle.

The new bundle is written beside the site and swapped in at the end, so a failed or
killed indexing leaves the previous bundle in place.
"""

import base64
import contextlib
import io
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import cast

from . import publish, urls
from .errors import BuildFailed, Problem
from .fingerprint import digest, file_digest

FINGERPRINT_FILE = "newsarchive-fingerprint.txt"
STOP_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class IndexResult:
    pages: int
    reindexed: bool
    stopped: bool = False  # by ``stop``: the previous index is still in place


def update_index(
    site_dir: Path, digests: Mapping[str, str], stop: threading.Event | None = None
) -> IndexResult:
    """Bring the search bundle of the site in `site_dir` up to date with its articles.

    `digests` holds the digest of each file the build wrote or kept, by path in the
    site: the build knows them already, so an unchanged archive costs no reading.
    Setting `stop` (from another thread) ends the indexer and keeps the previous
    index, for `serve` when a file changes meanwhile.
    Raises BuildFailed when the indexer cannot run or fails.
    """
    pages = sorted(site_dir.glob(urls.article_glob()))
    bundle = site_dir / urls.output_path(urls.search_bundle_url()).parent
    fingerprint = _fingerprint(site_dir, pages, digests)
    stamp = bundle / FINGERPRINT_FILE
    if stamp.is_file() and stamp.read_text(encoding="ascii") == fingerprint:
        return IndexResult(len(pages), reindexed=False)
    if not pages:
        # Pagefind refuses an empty site; no bundle, and the search page says it cannot search.
        shutil.rmtree(bundle, ignore_errors=True)
        return IndexResult(0, reindexed=False)

    for stale in site_dir.parent.glob(f"{site_dir.name}.search-*"):
        shutil.rmtree(stale, ignore_errors=True)
    fresh = site_dir.with_name(f"{site_dir.name}.search-{os.getpid()}")
    try:
        if not _run_pagefind(site_dir, fresh, stop):
            return IndexResult(len(pages), reindexed=False, stopped=True)
        (fresh / FINGERPRINT_FILE).write_text(fingerprint, encoding="ascii")
        publish.replace_folder(fresh, bundle)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    return IndexResult(len(pages), reindexed=True)


def _fingerprint(site_dir: Path, pages: list[Path], digests: Mapping[str, str]) -> str:
    """Changes when an article page, the set of pages or the indexer changes."""
    parts = [_indexer_version()]
    for page in pages:
        rel = page.relative_to(site_dir).as_posix()
        parts += [rel, digests.get(rel) or file_digest(page)]
    return digest(*parts) + "\n"


def _indexer_version() -> str:
    try:
        return metadata.version("pagefind_bin")
    except metadata.PackageNotFoundError:
        return "unknown"


class _IndexerFailed(Exception):
    """The indexer ended, or answered with an error."""


def _run_pagefind(site_dir: Path, bundle: Path, stop: threading.Event | None) -> bool:
    """Index the article pages into ``bundle``; False when ``stop`` was set first.

    The pages are handed to the indexer one by one, in path order, through its service
    mode (`pagefind --service`, the protocol of Pagefind's own Python and Node APIs):
    the index bytes depend on the order the pages reach it, and `pagefind --site`
    takes them in directory-listing order, which differs between file systems (hash
    order on ext4, newest first on tmpfs). Each page waits for the answer to the one
    before, so the order holds however the indexer schedules its work."""
    pages = sorted(site_dir.glob(urls.article_glob()))
    executable = _indexer()
    if executable is None:
        raise _failed(site_dir, None, "the indexer is not installed")
    # Its report goes to a file, not a pipe: nobody reads a pipe while we wait.
    with tempfile.TemporaryFile("w+b") as report:
        try:
            indexer = subprocess.Popen(
                [str(executable), "--service"],
                cwd=site_dir,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=report,
            )
        except OSError as exc:
            raise _failed(site_dir, executable, str(exc)) from None
        failure: list[str] = []
        # The conversation blocks on the pipes; this thread stays free to watch ``stop``.
        talk = threading.Thread(
            target=_index_pages, args=(indexer, site_dir, pages, bundle, failure), daemon=True
        )
        talk.start()
        while talk.is_alive():
            if stop is not None and stop.wait(STOP_POLL_SECONDS):
                indexer.kill()  # ends the conversation: its pipes close
                talk.join()
                indexer.wait()
                return False
            talk.join(None if stop is None else 0)
        indexer.wait()
        if failure:
            report.seek(0)
            lines = report.read().decode("utf-8", "replace").strip().splitlines()
            raise _failed(site_dir, executable, lines[-1] if lines else failure[0])
    if not (bundle / "pagefind.js").is_file():
        raise _failed(site_dir, executable, "it wrote no pagefind.js")
    return True


def _index_pages(
    indexer: subprocess.Popen, site_dir: Path, pages: list[Path], bundle: Path, failure: list
) -> None:
    """Add ``pages`` to a new index and write its files into ``bundle``; a problem goes
    to ``failure``."""
    service = _Service(indexer)
    try:
        index = service.ask({"type": "NewIndex", "config": None})["index_id"]
        for page in pages:
            service.ask(
                {
                    "type": "AddFile",
                    "index_id": index,
                    "file_path": page.relative_to(site_dir).as_posix(),
                    "url": None,
                    "file_contents": page.read_text(encoding="utf-8", errors="replace"),
                }
            )
        # The files come back in the answer and we write them: in service mode the
        # indexer's own writes may still be under way when it ends at the end of its
        # input, which left truncated files behind.
        files = service.ask({"type": "GetFiles", "index_id": index})["files"]
        for file in sorted(files, key=lambda f: f["path"]):
            target = bundle / file["path"]
            if not target.resolve().is_relative_to(bundle.resolve()):
                raise _IndexerFailed(f"Error: it named a file outside its folder: {file['path']}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(base64.b64decode(file["content"]))
    except (_IndexerFailed, OSError, ValueError, KeyError) as exc:
        failure.append(str(exc) or "the indexer stopped")
    finally:
        service.close()


class _Service:
    """Requests to `pagefind --service` and its answers: base64 JSON, each ended by ','."""

    def __init__(self, process: subprocess.Popen[bytes]):
        assert process.stdin is not None and process.stdout is not None
        self.process = process
        # Unbuffered pipes are BufferedReaders (read1: what has arrived, up to n bytes).
        self.stdin, self.stdout = process.stdin, cast(io.BufferedReader, process.stdout)
        self.number = 0

    def ask(self, payload: dict) -> dict:
        self.number += 1
        request = {"message_id": self.number, "payload": payload}
        self.stdin.write(base64.b64encode(json.dumps(request).encode("utf-8")) + b",")
        self.stdin.flush()
        answer = bytearray()  # the last answer holds the whole index: tens of megabytes
        while not answer.endswith(b","):  # one answer per request, then it waits for us
            chunk = self.stdout.read1(1 << 20)
            if not chunk:
                raise _IndexerFailed("the indexer stopped")
            answer += chunk
        result = json.loads(base64.b64decode(answer[:-1])).get("payload") or {}
        if result.get("type") == "Error":
            raise _IndexerFailed(f"Error: {result.get('message')}")
        return result

    def close(self) -> None:
        for pipe in (self.stdin, self.stdout):
            # The indexer ends at the end of its input; it may have stopped already.
            with contextlib.suppress(OSError):
                pipe.close()


def _indexer() -> Path | None:
    """The indexer binary that the pagefind[bin] package ships (or $PAGEFIND_BINARY_PATH)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    return get_executable()


def _failed(site_dir: Path, executable: Path | None, detail: str) -> BuildFailed:
    if executable is None:
        hint = "install the indexer with: python3 -m pip install 'pagefind[bin]'"
    else:
        hint = (
            "not a problem in the articles; to see the indexer's own report, run: "
            f"{executable} --site {site_dir} --glob '{urls.article_glob()}' --output-path "
            "/tmp/pagefind-test"
        )
    return BuildFailed(
        [
            Problem(
                site_dir,
                "the search index could not be built" + (f": {detail}" if detail else ""),
                hint,
            )
        ]
    )
