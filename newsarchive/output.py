"""Stage 5: publish the new site so that no failed or killed build leaves a half-written one.

Two ways, both staged beside the output folder (same file system, so renames are atomic):

- A full build (first build, no usable cache, output folder gone or replaced)
  writes the whole site into `<output>.staging-PID/` and swaps it in with one
  rename (renameat2 RENAME_EXCHANGE on Linux).
- An incremental build writes only the files whose bytes changed into
  `<output>.update-PID/files/`, then commits a journal (`journal.json`, renamed
  into place) listing those files, the files to delete and the cache state to
  move in with them. Applying it is a few renames. A build killed before the
  commit leaves the output folder untouched (the folder is removed later); one
  killed while applying leaves a committed journal, which the next build rolls
  forward before doing anything else (`recover`). Applying is idempotent.

Until a build reaches its publish step the output folder is never touched, so
a failed build leaves the previous site exactly as it was.
"""

import contextlib
import ctypes
import ctypes.util
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

_RENAME_EXCHANGE = 2
JOURNAL = "journal.json"
STAGED = "files"


def static_files(static_dir: Path) -> dict[PurePosixPath, Path]:
    """Files under static/, by the path they get in the site."""
    if not static_dir.is_dir():
        return {}
    return {
        PurePosixPath(p.relative_to(static_dir).as_posix()): p
        for p in sorted(static_dir.rglob("*"))
        if p.is_file()
    }


def staging_folder(output_dir: Path) -> Path:
    """An empty folder for a whole new site."""
    recover(output_dir)
    staging = output_dir.with_name(f"{output_dir.name}.staging-{os.getpid()}")
    staging.mkdir(parents=True)
    return staging


def update_folder(output_dir: Path) -> Path:
    """An empty folder for the changed files of an incremental build (in `files/`)."""
    recover(output_dir)
    update = output_dir.with_name(f"{output_dir.name}.update-{os.getpid()}")
    (update / STAGED).mkdir(parents=True)
    return update


@dataclass
class Journal:
    """What an incremental build changes, as paths relative to the output folder."""

    writes: list[str] = field(default_factory=list)  # staged under files/
    deletes: list[str] = field(default_factory=list)
    moves: list[tuple[str, str]] = field(default_factory=list)  # absolute (from, to)


def commit(update: Path, journal: Journal) -> None:
    """The point of no return: from here on the update will be applied."""
    tmp = update / f"{JOURNAL}.tmp"
    tmp.write_text(json.dumps(asdict(journal), ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, update / JOURNAL)


def apply(update: Path, output_dir: Path) -> None:
    """Carry out a committed journal, then remove the update folder."""
    data = json.loads((update / JOURNAL).read_text(encoding="utf-8"))
    # Deletions first: a file may give way to a folder of the same name, or the reverse.
    for rel in data["deletes"]:
        target = output_dir / rel
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            target.unlink()
        _remove_empty_parents(target.parent, output_dir)
    for rel in data["writes"]:
        staged = update / STAGED / rel
        if staged.exists():  # else moved already, by the run this one completes
            target = output_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
    for source, target in data["moves"]:
        if os.path.exists(source):
            os.replace(source, target)
    shutil.rmtree(update)


def recover(output_dir: Path) -> None:
    """Finish or clean up after builds that were killed: roll committed updates
    forward, put back a site moved aside, remove unfinished staging folders."""
    restore_interrupted(output_dir)
    for update in sorted(output_dir.parent.glob(f"{output_dir.name}.update-*")):
        if (update / JOURNAL).is_file() and output_dir.is_dir():
            apply(update, output_dir)
        else:
            shutil.rmtree(update, ignore_errors=True)
    for stale in output_dir.parent.glob(f"{output_dir.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or gone): stop here
            return
        folder = folder.parent


def publish(staging: Path, output_dir: Path, keep: Iterable[PurePosixPath] = ()) -> None:
    """Replace output_dir by staging atomically where the OS allows it.

    The folders in `keep` (the search bundle, brought up to date after publishing)
    move from the old site to the new one when the new one has none.
    """
    restore_interrupted(output_dir)
    if output_dir.exists() and _exchange(staging, output_dir):
        _carry_over(staging, output_dir, keep)
        shutil.rmtree(staging)
        return
    old = output_dir.with_name(f"{output_dir.name}.old-{os.getpid()}")
    if output_dir.exists():
        os.rename(output_dir, old)
    os.rename(staging, output_dir)
    _carry_over(old, output_dir, keep)
    shutil.rmtree(old, ignore_errors=True)


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder `new` at `target`, in one step where the OS allows it."""
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new)
        return
    shutil.rmtree(target, ignore_errors=True)
    os.rename(new, target)


def _carry_over(old_site: Path, new_site: Path, keep: Iterable[PurePosixPath]) -> None:
    for rel in keep:
        if (old_site / rel).is_dir() and not (new_site / rel).exists():
            os.rename(old_site / rel, new_site / rel)


def restore_interrupted(output_dir: Path) -> None:
    """Put back a site moved aside by a build killed between its two renames."""
    olds = sorted(output_dir.parent.glob(f"{output_dir.name}.old-*"))
    if not output_dir.exists() and olds:
        os.rename(olds[-1], output_dir)
        olds = olds[:-1]
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swap two folders in one atomic step."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0
