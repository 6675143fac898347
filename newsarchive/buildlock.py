"""Keep a second build or `serve` off an output folder: the lock in `<output>.lock`.

`_site.lock/owner` (flock, released by the kernel when its process dies) names the
process holding the lock. The lock folder also keeps the record of the folders the
build made beside the output (ownfolders.py), and nothing else (`check_lock_folder`).
"""

import contextlib
import errno
import os
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import BuildFailed, Problem, os_problem, shown
from .outputguard import LOCK, LOCK_FILES, OWNER, RECORD, lock_folder, source_clash
from .ownfiles import discard, no_wait_no_link, read_own
from .partfiles import process_runs

try:
    import fcntl
except ImportError:  # Windows: no lock (the rest works the same)
    fcntl = None  # type: ignore[assignment]


# lock folder -> (descriptor, how many holders, the folders its taking made)
_held: dict[str, tuple[int, int, tuple[Path, ...]]] = {}
_held_guard = threading.Lock()


def check_lock_folder(output_dir: Path, sources: dict[str, Path]) -> None:
    """Raise BuildFailed when the lock folder beside ``output_dir`` is, holds or sits in
    one of ``sources`` (`--content arts.lock --output arts`: the build wrote its files
    into the articles' folder), or holds files the build does not write there."""
    folder = lock_folder(output_dir)
    why = source_clash(folder, sources)
    if not why:
        try:
            theirs = sorted(set(os.listdir(folder)).difference(LOCK_FILES))
        except (FileNotFoundError, NotADirectoryError):  # none yet; a file: mkdir says
            theirs = []
        except OSError as exc:
            raise BuildFailed([os_problem(exc)], "nothing was written.") from None
        if theirs:
            why = f"it holds files the build did not make ({', '.join(theirs[:3])})"
    if why:
        name = output_dir.name
        raise BuildFailed(
            [
                Problem(
                    folder,
                    f"the build keeps its lock for {name} in this folder, but {why}",
                    f"rename or move this folder, or choose another --output (its lock "
                    f"folder is the output folder's name + {LOCK})",
                )
            ],
            "nothing was written.",
        )


@contextlib.contextmanager
def lock(output_dir: Path, serving: bool = False) -> Iterator[None]:
    """Hold the output folder's lock (re-entrant within a process: serve builds
    again and again while it holds it). Raises BuildFailed if another process has it,
    said to ``serving``'s user of the folder serve previews in."""
    folder = lock_folder(output_dir)
    key = str(folder)
    with _held_guard:
        if key in _held:
            fd, count, made = _held[key]
            if _unlinked(fd, folder / OWNER):
                # `rm -rf .cache` under a running serve took its lock folder: each
                # rebuild failed at the record it keeps there. Taken again, made anew
                # (another taking it meanwhile raises, the old one still held).
                fresh = _acquire(folder, output_dir, serving)
                os.close(fd)
                fd = fresh
            _held[key] = (fd, count + 1, made)
        else:
            made = _missing(folder)
            _held[key] = (_acquire(folder, output_dir, serving), 1, made)
    try:
        yield
    finally:
        with _held_guard:
            fd, count, made = _held.pop(key)
            if count > 1:
                _held[key] = (fd, count - 1, made)
            else:
                if made:
                    _unmake(made, output_dir)
                os.close(fd)  # releases the flock


def _missing(folder: Path) -> tuple[Path, ...]:
    """``folder`` and those of its parents that do not exist yet, deepest first."""
    missing = []
    while not os.path.lexists(folder) and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    return tuple(missing)


def _unmake(made: tuple[Path, ...], output_dir: Path) -> None:
    """Remove the lock folder and the parents its taking made when the build made no
    site (it failed, or stopped, before publishing): a failed first build into
    `out/deep/_site` left out/deep/_site.lock, and a lock folder tells the next build
    that the folder beside it holds a site of its own. Done while holding the lock: a
    build that opened the owner file meanwhile sees it gone (`_acquire`)."""
    if os.path.lexists(output_dir):
        return
    folder = made[0]
    recorded = read_own(folder / RECORD)
    if recorded is not None and recorded.strip() != b"[]":
        return  # folders beside the output are recorded as the build's: keep that
    try:
        for name in LOCK_FILES:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(folder / name)  # Windows refuses the open owner file: kept
        for each in made:  # deepest first; one someone put a file in meanwhile stays
            os.rmdir(each)
    except OSError:  # what the build did is what the user is told, not this
        return


def _acquire(folder: Path, output_dir: Path, serving: bool) -> int:
    try:
        fd = _open_owner(folder)
    except OSError as exc:
        raise BuildFailed([os_problem(exc)]) from None
    try:
        if fcntl is not None:
            _flock(fd)
            if _unlinked(fd, folder / OWNER):  # a failed first build removed it meanwhile
                os.close(fd)
                return _acquire(folder, output_dir, serving)
    except OSError:
        owner = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        os.close(fd)
        who = f" (pid {owner})" if owner.isdigit() else ""
        # Not the folder's last name: "running on serve" (.cache/serve, a build's --output
        # into serve's folder) read as the serve command. The message starts with it.
        problem = Problem(
            output_dir,
            f"another build or serve is running on this folder{who}",
            "wait for it to finish, or stop it (Ctrl+C in its terminal), then build again",
        )
        outcome = "nothing was written."
        if serving:  # its folder's last name ("serve" of .cache/serve) is none the README gives
            where = shown(output_dir)
            problem = Problem(
                output_dir,
                f"another serve (or a build) is using {where}, the folder serve builds its "
                f"preview in{who}",
                "open the preview it shows (its address is in its terminal), or stop it "
                "(Ctrl+C in its terminal) and serve again; for a second preview beside it, "
                "give it a folder and a port of its own: python3 build.py serve --output "
                f"{where}-2 --port 8001",
            )
            # Not "the previous site is unchanged": the preview is the other serve's.
            outcome = "nothing was written: this serve did not start (the one running goes on)."
        raise BuildFailed([problem], outcome) from None
    # A lock left by a killed build was released by the kernel: taken over here.
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    return fd


def _open_owner(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return _owner_file(folder / OWNER)
    except FileNotFoundError:  # a failed first build removed the folder meanwhile
        folder.mkdir(parents=True, exist_ok=True)
        return _owner_file(folder / OWNER)


def _owner_file(path: Path) -> int:
    """The owner file, open. A link or a named pipe in its place (the lock folder holds
    the build's own files) is replaced: a dangling link failed every build, a pipe or a
    link to a device stopped each as an internal error (no ftruncate there)."""
    flags = os.O_RDWR | os.O_CREAT | no_wait_no_link()
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        fd = -1
    if fd >= 0 and stat.S_ISREG(os.fstat(fd).st_mode):
        return fd
    if fd >= 0:
        os.close(fd)
    discard(path)
    return os.open(path, flags, 0o644)


def _unlinked(fd: int, path: Path) -> bool:
    """Whether the file open as ``fd`` is no longer the one at ``path``."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return True
    except OSError:  # not ours to judge: the build goes on to its own message
        return False
    mine = os.fstat(fd)
    return (st.st_dev, st.st_ino) != (mine.st_dev, mine.st_ino)


# How long a lock whose build is gone may still be held by its workers, dying with it.
_DYING_SECONDS = 5.0


def _flock(fd: int) -> None:
    """Take the lock, or raise OSError. A build killed with kill -9 leaves its workers
    to die after it (prctl's death signal), each holding the lock it inherited until the
    kernel has closed its files: a build started at once was told another was running,
    naming the dead one. While the pid written in the lock is gone, wait for them."""
    deadline = time.monotonic() + _DYING_SECONDS
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError:
            owner = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            if not owner.isdigit() or process_runs(int(owner)) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
