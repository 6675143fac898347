"""Reading the files the build keeps for itself (the cache, the lock folder's record):
regular files only.

Such a file is the build's own, written by a temporary file renamed into place: a named
pipe in its place waited for a writer for ever, a link to /dev/zero was read until memory
ran out, a dangling link failed every build. Anything but a regular file is damage:
removed, and read as missing (made again at the next save).
"""

import contextlib
import os
import shutil
import stat
from pathlib import Path


def no_wait_no_link() -> int:
    """os.open's flags for a file of the build's own: O_NONBLOCK, opening a pipe does not
    wait; O_NOFOLLOW, a link is refused. Windows has neither (nor pipes in a folder), and
    asking for them failed every build there: a plain open, the file's type still checked."""
    return getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)


def read_own(path: Path, remove: bool = True) -> bytes | None:
    """The bytes of ``path``, or None when it is missing or no regular file (then
    removed, unless not ``remove``: a file in a folder not yet known to be the build's)."""
    try:
        fd = os.open(path, os.O_RDONLY | no_wait_no_link())
    except FileNotFoundError:
        return None
    except OSError:  # a link (ELOOP), or unreadable
        fd = -1
    if fd >= 0:
        try:  # a folder too opens (read-only): its descriptor is no file to read
            if stat.S_ISREG(os.fstat(fd).st_mode):
                with open(fd, "rb", closefd=False) as file:
                    return file.read()
        except OSError:
            return None
        finally:
            os.close(fd)
    if remove:
        discard(path)
    return None


def discard(path: Path) -> None:
    """Remove ``path`` (a folder in a file's place too); one that cannot be removed (a
    read-only folder) is left, read as missing all the same."""
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
