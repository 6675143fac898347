"""After publishing: the static search index, made by Pagefind from the article pages.

Pagefind reads the published article pages (only the part marked `data-pagefind-body`,
i.e. article text; see templates/article.html) and writes its index and its small JS
library into the site's bundle folder. It runs after the pages are published so that
it sees exactly what readers get, and it is skipped when no article page changed: a
fingerprint of those pages is kept in the bundle.

The new bundle is written beside the site and swapped in at the end, so a failed or
killed indexing leaves the previous bundle in place.
"""

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import output, urls
from .errors import BuildFailed, ContentError
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
        output.replace_folder(fresh, bundle)
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


def _run_pagefind(site_dir: Path, bundle: Path, stop: threading.Event | None) -> bool:
    """Run the indexer; False when ``stop`` was set before it finished."""
    # `python -m pagefind` finds the indexer binary that the pagefind[bin] package ships.
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--glob",
        urls.article_glob(),
        "--output-path",
        str(bundle),
        "--silent",
    ]
    # Its report goes to a file, not a pipe: nobody reads a pipe while we wait.
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as report:
        try:
            indexer = subprocess.Popen(command, stdout=report, stderr=subprocess.STDOUT)
        except OSError as exc:
            code, text = 1, str(exc)
        else:
            while stop is not None and indexer.poll() is None:
                if stop.wait(STOP_POLL_SECONDS):
                    indexer.kill()
                    indexer.wait()
                    return False
            code = indexer.wait()
            report.seek(0)
            text = report.read()
    if code != 0 or not (bundle / "pagefind.js").is_file():
        detail = text.strip().splitlines()
        if importlib.util.find_spec("pagefind") is None:
            hint = "install the indexer with: python3 -m pip install 'pagefind[bin]'"
        else:
            hint = "not a problem in the articles; to see the indexer's own report, run: " + (
                " ".join(command[1:-1])
            )
        raise BuildFailed(
            [
                ContentError(
                    site_dir,
                    "the search index could not be built" + (f": {detail[-1]}" if detail else ""),
                    hint,
                )
            ]
        )
    return True
