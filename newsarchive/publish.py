"""Stage 5: publish a new version of the site in one atomic step.

The output folder (`_site`) is never written into while it is served. Beside it,
`_site.previous` keeps the version before. A build brings that folder up to the new
version (writing the files whose bytes differ from what it holds, hard-linking those
the served site already has right: files are never rewritten in place, so sharing
them is safe) and then exchanges the two folders with one renameat2(RENAME_EXCHANGE)
call. A reader, web server or deploy step sees the old site or the new one, never a
mix, and a build that fails or is killed at any moment leaves `_site` as it was:
the next build repairs `_site.previous`, whose record in the cache it forgets
before changing it. The price is disk space: up to twice the site.

Where the OS or file system cannot exchange (not Linux) two renames do it: for a
moment `_site` is missing (never mixed), and a build killed between them is put
right by the next one (`recover`).

`_site.lock/owner` (flock, released by the kernel when its process dies) keeps a
second build or `serve` off the same folder. Every check that can fail (the folder
and what it would overwrite, writability, free space) runs before the first write.
"""

import contextlib
import ctypes
import ctypes.util
import errno
import os
import shutil
import stat
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from .errors import BuildFailed, ContentError

try:
    import fcntl
except ImportError:  # Windows: no lock (the rest works the same)
    fcntl = None  # type: ignore[assignment]

_RENAME_EXCHANGE = 2
SPARE = ".previous"
LOCK = ".lock"
# Folders swapped in by this process, so that an internal error can say whether
# the served site changed before it.
swapped: list[Path] = []


def static_files(static_dir: Path, root: Path | None = None) -> dict[PurePosixPath, Path]:
    """Files under static/, by the path they get in the site.

    Raises BuildFailed for a symbolic link that leads out of the project (``root``):
    `static/x -> /etc/passwd` would publish that file."""
    if not static_dir.is_dir():
        return {}
    found: dict[PurePosixPath, Path] = {}
    errors = []
    inside = (root or static_dir).resolve()
    for path in sorted(static_dir.rglob("*")):
        if not path.is_file() and not path.is_symlink():
            continue
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            errors.append(
                ContentError(
                    path,
                    "this link leads nowhere (its target is missing, or links lead in a loop)",
                    "remove it, or make it point at a file of the project",
                )
            )
            continue
        # A link to a folder is not followed, but refused all the same if it leaves.
        if real != path.absolute() and not real.is_relative_to(inside):
            errors.append(
                ContentError(
                    path,
                    f"this is a link to {real}, outside the project: it would be published",
                    "copy the file into the static folder instead of linking to it",
                )
            )
            continue
        if path.is_file():
            found[PurePosixPath(path.relative_to(static_dir).as_posix())] = path
    if errors:
        raise BuildFailed(errors)
    return found


def spare_folder(output_dir: Path) -> Path:
    return output_dir.with_name(output_dir.name + SPARE)


# Guard ----------------------------------------------------------------------


def unsafe_output(output_dir: Path, sources: dict[str, Path]) -> str:
    """Why ``output_dir`` may not hold a site (it would replace or mix with
    ``sources``, by name: the content folder, the project...), or ""."""
    out = _real(output_dir)
    long = [part for part in out.parts if len(os.fsencode(part)) > 255]
    if long:
        return f"the name {long[0][:40]}... is longer than 255 bytes, the most file systems allow"
    for name, source in sources.items():
        src = _real(source)
        if out == src:
            return f"it is the {name}"
        if src.is_relative_to(out):
            return f"it contains the {name} ({source})"
        if name != "project folder" and out.is_relative_to(src):
            return f"it is inside the {name} ({source})"
    try:
        if out.exists() and not out.is_dir():
            return "it is a file, not a folder"
        if out.is_dir() and not _built_here(out) and any(out.iterdir()):
            # Publishing replaces the folder: never a folder of someone's own files.
            return "it holds files but no site built here (no index.html, 404.html, robots.txt)"
        parent = next((p for p in out.parents if p.exists()), None)
        if parent is not None and not parent.is_dir():
            return f"{parent} is a file, not a folder"
    except OSError as exc:
        return f"it cannot be used: {exc.strerror}"
    return ""


def _built_here(folder: Path) -> bool:
    """A folder of ours: a file every build writes, or our lock beside it."""
    marks = [folder / name for name in ("index.html", "404.html", "robots.txt")]
    return any(p.exists() for p in [*marks, folder.with_name(folder.name + LOCK)])


def protected_folders(
    root: Path, content: Path, templates: Path, static: Path, cache: Path | None = None
) -> dict[str, Path]:
    """What an output folder must never replace, contain or sit inside."""
    folders = {
        "project folder": root,
        "content folder": content,
        "templates folder": templates,
        "static folder": static,
        "git repository": root / ".git",
    }
    if cache is not None:
        folders["build cache"] = cache
    return folders


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: compare as written
        return path.absolute()


# Lock -----------------------------------------------------------------------

_held: dict[str, tuple[int, int]] = {}  # lock file -> (descriptor, how many holders)
_held_guard = threading.Lock()


@contextlib.contextmanager
def lock(output_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock (re-entrant within a process: serve builds
    again and again while it holds it). Raises BuildFailed if another process has it."""
    folder = output_dir.with_name(output_dir.name + LOCK)
    key = str(folder)
    with _held_guard:
        if key in _held:
            fd, count = _held[key]
            _held[key] = (fd, count + 1)
        else:
            _held[key] = (_acquire(folder, output_dir), 1)
    try:
        yield
    finally:
        with _held_guard:
            fd, count = _held.pop(key)
            if count > 1:
                _held[key] = (fd, count - 1)
            else:
                os.close(fd)  # releases the flock


def _acquire(folder: Path, output_dir: Path) -> int:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / "owner", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise BuildFailed([os_problem(exc, "")]) from None
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        owner = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        os.close(fd)
        who = f" (pid {owner})" if owner.isdigit() else ""
        raise BuildFailed(
            [
                ContentError(
                    output_dir,
                    f"another build or serve is running on {output_dir.name}{who}",
                    "wait for it to finish, or stop it (Ctrl+C in its terminal), then build again",
                )
            ],
            "nothing was written.",
        ) from None
    # A lock left by a killed build was released by the kernel: taken over here.
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    return fd


# Preconditions ----------------------------------------------------------------


def check_room(output_dir: Path, needed: int) -> None:
    """Raise BuildFailed unless the output's folder is writable with ``needed`` bytes free."""
    parent = output_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        if not os.access(parent, os.W_OK):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(parent))
        fs = os.statvfs(parent)
    except OSError as exc:
        raise BuildFailed([os_problem(exc, "")]) from None
    if fs.f_flag & os.ST_RDONLY:
        raise BuildFailed([os_problem(OSError(errno.EROFS, "read-only", str(parent)), "")])
    free = fs.f_bavail * fs.f_frsize
    if free < needed:
        raise BuildFailed(
            [
                ContentError(
                    parent,
                    f"not enough free space for the site: about {_mb(needed)} needed, "
                    f"{_mb(free)} free",
                    "free some space on that disk (or choose another --output) and build again",
                )
            ]
        )


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def os_problem(exc: OSError, outcome_hint: str) -> ContentError:
    """An error of the file system as a message for the editor."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "make the folder writable (e.g. chmod -R u+w FOLDER), or choose another --output"
    elif code in (errno.ENOSPC, errno.EDQUOT):
        hint = "the disk is full: free some space (building needs up to twice the site) and retry"
    elif code == errno.ENAMETOOLONG:
        hint = "a name in this path is too long for the file system (at most 255 bytes): shorten it"
    else:
        hint = "check this file and its folder, then build again"
    path = Path(os.fsdecode(exc.filename)) if exc.filename else Path(".")
    text = exc.strerror or str(exc)
    return ContentError(path, f"cannot write or read here: {text}", hint + outcome_hint)


# Recovery and publishing -------------------------------------------------------


def recover(output_dir: Path) -> None:
    """Put back a site moved aside by a build killed between two renames, and
    remove the leftovers of killed builds (and of older versions' update folders)."""
    restore_interrupted(output_dir)
    for pattern in (".update-*", ".staging-*"):
        for stale in output_dir.parent.glob(f"{output_dir.name}{pattern}"):
            remove_tree(stale)


def empty_spare(output_dir: Path) -> Path:
    """The spare folder, emptied (its content is not known)."""
    spare = spare_folder(output_dir)
    remove_tree(spare)
    spare.mkdir(parents=True)
    return spare


def put(source: Path, target: str, made: set[str]) -> bool:
    """Hard-link ``source`` to ``target``; False when the OS refuses a link (a copy is made)."""
    folder = os.path.dirname(target)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)
    try:
        os.link(source, target)
        return True
    except OSError as exc:
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.EACCES):
            raise
    shutil.copyfile(source, target)
    return False


def remove(folder: Path, rels: Iterable[str]) -> None:
    """Delete these files of ``folder`` and the folders they leave empty."""
    for rel in rels:
        target = folder / rel
        with contextlib.suppress(FileNotFoundError, NotADirectoryError):
            target.unlink()
        parent = target.parent
        while parent != folder and folder in parent.parents:
            try:
                parent.rmdir()
            except OSError:  # not empty (or gone): stop here
                break
            parent = parent.parent


def carry_folder(live: Path, spare: Path, rel: PurePosixPath, stamp: str) -> None:
    """Give ``spare`` the folder ``rel`` of ``live`` (the search bundle, which a
    step of its own brings up to date) unless its ``stamp`` file says it has it."""
    source, target = live / rel, spare / rel
    try:
        same = (source / stamp).read_bytes() == (target / stamp).read_bytes()
    except OSError:
        same = False
    if same or not source.is_dir():
        if not source.is_dir():
            remove_tree(target)
        return
    remove_tree(target)
    copy_as_links(source, target)


def copy_as_links(source: Path, target: Path) -> None:
    """A copy of a folder whose files are hard links to the originals: no bytes
    copied (unless the file system refuses links)."""
    made: set[str] = set()
    for folder, _, names in os.walk(source):
        rel = os.path.relpath(folder, source)
        into = str(target) if rel == "." else f"{target}/{rel}"
        os.makedirs(into, exist_ok=True)
        made.add(into)
        for name in names:
            put(Path(folder, name), f"{into}/{name}", made)


def swap(spare: Path, output_dir: Path) -> None:
    """Make ``spare`` the served site and keep the one it replaces as the spare."""
    _test_pause("before")
    if not output_dir.exists():
        os.rename(spare, output_dir)
    elif not _exchange(spare, output_dir):
        old = output_dir.with_name(f"{output_dir.name}.old-{os.getpid()}")
        os.rename(output_dir, old)
        os.rename(spare, output_dir)  # a kill before this: restore_interrupted
        os.rename(old, spare)
    swapped.append(output_dir)
    _test_pause("after")


def _test_pause(when: str) -> None:
    """Tests only (tests/test_adversarial_publish.py): a moment to kill the build in."""
    pause = os.environ.get("NEWSARCHIVE_TEST_PAUSE_AT_SWAP")
    if pause:
        print(f"newsarchive-test: {when} the swap", file=sys.stderr, flush=True)
        time.sleep(float(pause))


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder `new` at `target`, in one step where the OS allows it."""
    if target.exists() and _exchange(new, target):
        remove_tree(new)
        return
    remove_tree(target)
    os.rename(new, target)


def restore_interrupted(output_dir: Path) -> None:
    """Put back a site moved aside by a build killed between its two renames."""
    olds = sorted(output_dir.parent.glob(f"{output_dir.name}.old-*"))
    if not output_dir.exists() and olds:
        os.rename(olds[-1], output_dir)
        olds = olds[:-1]
    for old in olds:
        remove_tree(old)


def remove_tree(path: Path) -> None:
    """Remove a folder of ours, making read-only folders in it writable first."""

    def writable_again(function: object, name: str, exc: BaseException) -> None:
        parent = os.path.dirname(name)
        os.chmod(parent, os.stat(parent).st_mode | stat.S_IWUSR | stat.S_IXUSR)
        function(name)  # type: ignore[operator]

    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path, onerror=lambda f, n, e: writable_again(f, n, e[1]))


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
    if result != 0 and ctypes.get_errno() not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        error = ctypes.get_errno()
        raise OSError(error, os.strerror(error), str(b))
    return result == 0
