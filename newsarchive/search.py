"""Stage 5b: the static search index, made by Pagefind from the written pages.

Pagefind reads the HTML in the staging folder (only the parts marked
`data-pagefind-body`, i.e. article text) and writes its index and its small JS
library next to the pages, so the index is published with the site in one step.
"""

import subprocess
import sys
from pathlib import Path

from . import urls
from .errors import ContentError


def index(site_dir: Path) -> list[ContentError]:
    """Index the site in `site_dir` in place; the problems found, if any."""
    # `python -m pagefind` finds the indexer binary shipped by the pagefind[bin] package.
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    command += ["--output-subdir", urls.search_bundle_url().rstrip("/")]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        done = subprocess.CompletedProcess(command, 1, "", str(exc))
    if done.returncode == 0:
        return []
    detail = (done.stderr or done.stdout).strip().splitlines()
    return [
        ContentError(
            site_dir,
            "the search index could not be built: " + (detail[-1] if detail else "unknown error"),
            "install the indexer with: python3 -m pip install 'pagefind[bin]'",
        )
    ]
