"""Stage 5: write the site into a staging folder, then publish it in one step.

The old output folder is never touched until the new one is complete, so a
failed or killed build leaves the previously built site exactly as it was.
"""

import ctypes
import ctypes.util
import os
import shutil
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

_RENAME_EXCHANGE = 2


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
    for stale in output_dir.parent.glob(f"{output_dir.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = output_dir.with_name(f"{output_dir.name}.staging-{os.getpid()}")
    staging.mkdir(parents=True)
    return staging


def write_files(root: Path, files: Iterable[tuple[PurePosixPath, bytes]]) -> int:
    count = 0
    for rel, data in files:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        count += 1
    return count


def copy_static(root: Path, files: dict[PurePosixPath, Path]) -> int:
    for rel, source in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return len(files)


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


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


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
