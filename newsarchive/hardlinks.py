"""Files and folders as hard links: a file linked (or copied where the file system
refuses links), a folder copied as links, the search index mirrored segment by segment,
files removed with the folders they leave empty, a folder of ours removed whole.

The spare folder (publish.py) shares with the served one every file whose bytes it
keeps: a link costs no bytes and keeps the file's date, so a deploy uploads only what
changed.
"""

import collections
import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path

from . import workers

# Folders per batch, and the fewest worth forking for.
LINK_BATCH = 256
MIN_PARALLEL_LINKS = 1000


def put(source: Path, target: str, made: set[str]) -> bool:
    """Hard-link ``source`` to ``target``; False when the OS refuses a link (a copy is made)."""
    folder = os.path.dirname(target)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target)
    return _link(source, target)


def _link(source: Path | str, target: str) -> bool:
    """Hard-link ``source`` to ``target``, which does not exist; False when the OS refuses
    a link (a copy is made)."""
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


def mirror_index(source: Path, target: Path, stamp: str) -> None:
    """Make ``target`` hold the files of ``source`` (a search index), as hard links.

    The index's segment folders (``s/<name>/``) are named by a digest of their articles
    and never rewritten (docs/search-format.md): a folder of ``target`` that holds the
    same file (inode) as its namesake in ``source`` holds the same files, and is kept;
    only the others are linked anew, so that the files of the two folders stay the same
    files, not copies with their own dates (which a deploy would upload again). The
    ``stamp`` file (a digest of the manifest) goes first and comes back last: an
    interrupted mirror leaves an unstamped index, copied again by the next build."""
    if not source.is_dir():
        remove_tree(target)
        return
    if _same_file(source / stamp, target / stamp):
        return  # the same index already (an update writes a new stamp file)
    if not (source / stamp).is_file() or not target.is_dir():
        remove_tree(target)
        _copy_whole(source, target)
        return
    (target / stamp).unlink(missing_ok=True)
    made: set[str] = set()
    wanted = set()
    for entry in os.scandir(source):
        wanted.add(entry.name)
        if entry.name == stamp:
            continue
        if entry.is_dir(follow_symlinks=False):
            _mirror_segments(Path(entry.path), target / entry.name)
        elif not _same_file(Path(entry.path), target / entry.name):
            put(Path(entry.path), f"{target}/{entry.name}", made)
    for entry in os.scandir(target):
        if entry.name not in wanted:
            remove_tree(Path(entry.path))
    put(source / stamp, f"{target}/{stamp}", made)


def _mirror_segments(source: Path, target: Path) -> None:
    """The folders of ``source`` (segments, never rewritten) into ``target``. A folder of
    the same name holds the same bytes: it is linked anew only to share the files, and
    kept as it is where the file system makes copies instead of links."""
    wanted, links = set(), True
    for entry in os.scandir(source):
        wanted.add(entry.name)
        there = target / entry.name
        if not entry.is_dir(follow_symlinks=False):
            if not _same_file(Path(entry.path), there):
                put(Path(entry.path), str(there), set())
            continue
        sample = next((f.name for f in os.scandir(entry.path)), None)
        if sample is not None and _same_file(Path(entry.path, sample), there / sample):
            continue
        if there.is_dir() and sample is not None:
            if not links:
                continue
            links = put(Path(entry.path, sample), str(there / sample), set())
            if not links:
                continue
        remove_tree(there)
        _copy_whole(Path(entry.path), there)
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(target):
            if entry.name not in wanted:
                remove_tree(Path(entry.path))


def _copy_whole(source: Path, target: Path) -> None:
    """copy_as_links, under a name of its own until complete: a copy cut short (a killed
    build) held the stamp or a segment's first file, and the next build took it for
    whole and published it without the rest. The name left over is a stray there."""
    part = target.with_name(f".{target.name}.part")
    remove_tree(part)
    copy_as_links(source, part)
    os.rename(part, target)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def copy_as_links(source: Path, target: Path) -> None:
    """A copy of a folder (the search index, or one of its segments), as the new folder
    ``target``, whose files are hard links to the originals: no bytes copied (unless the
    file system refuses links)."""
    top = os.fspath(source)
    listing = [
        (folder, f"{target}{folder[len(top) :]}", names) for folder, _, names in os.walk(top)
    ]
    _link_listing(listing, 1)


def link_files(source: Path, target: Path, rels: Iterable[str], jobs: int = 1) -> None:
    """Hard links in ``target`` (a new folder) to these files of ``source``, by their
    paths relative to it: as copy_as_links, for the files listed only. The spare folder
    made after a first build holds a folder and a link per article (seconds)."""
    names: dict[str, list[str]] = collections.defaultdict(list)
    for rel in rels:
        folder, _, name = rel.rpartition("/")
        names[folder].append(name)
    # Parents first (sorted), so that most folders are made with one mkdir.
    subs = {folder: f"/{folder}" if folder else "" for folder in names}
    listing = [(f"{source}{subs[f]}", f"{target}{subs[f]}", names[f]) for f in sorted(names)]
    _link_listing(listing, jobs)


def _link_listing(listing: list[tuple[str, str, list[str]]], jobs: int) -> None:
    """Each (folder, its copy, its files) done by _link_folders, on ``jobs`` processes."""
    linked = workers.map_batches(_link_folders, listing, LINK_BATCH, jobs, MIN_PARALLEL_LINKS)
    collections.deque(linked, maxlen=0)


def _link_folders(listing: list[tuple[str, str, list[str]]]) -> None:
    """Each (folder, its copy, its files): the copy made, the files linked into it. The
    copy is new (no file to unlink first: a stat and an unlink less per file, at 10,000
    articles a second build's worth of system calls)."""
    for folder, into, names in listing:
        try:
            os.mkdir(into)
        except FileExistsError:  # made by another process, as a parent of its own
            pass
        except FileNotFoundError:  # its parent is another process's to make
            os.makedirs(into, exist_ok=True)
        for name in names:
            _link(f"{folder}/{name}", f"{into}/{name}")


def remove_tree(path: Path) -> None:
    """Remove a folder of ours, making read-only folders in it writable first."""

    def writable_again(function: object, name: str, exc: BaseException) -> None:
        parent = os.path.dirname(name)
        os.chmod(parent, os.stat(parent).st_mode | stat.S_IWUSR | stat.S_IXUSR)
        function(name)  # type: ignore[operator]

    if path.is_symlink() or (path.exists() and not path.is_dir()):
        path.unlink()
    elif path.exists():
        shutil.rmtree(path, onerror=lambda f, n, e: writable_again(f, n, e[1]))
