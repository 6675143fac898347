"""The folders beside the output a build may change: only its own, by record and mark.

The build removes, empties, renames and writes into folders beside the output (its
spare, and what a killed build left) only when they are provably its own, never a
folder of someone's that happens to have such a name (`--content _site.previous`).
Its lock folder keeps a record of each, by name and identity (device and inode: a
copy has another), and the spare holds a mark with the record's token (a folder made
again under the same name may get the same inode, not the mark). The mark is never
published: while the two folders are swapped the record asks for none, so that the
mark can leave the spare before it becomes the site.

A project copied whole (`cp -a`, or moved to another disk) gives every folder another
identity, the lock folder too: when the lock folder is not the one that wrote the
record, a folder holding the token its record names is the copy of that folder, made
with the record (the token is random, and only the recorded folder and the record hold
it). In place, the lock folder is the one that wrote the record, and a copy of the
spare put in its place by someone is refused.
"""

import json
import os
import stat
from pathlib import Path

from .errors import BuildFailed, Problem, shown
from .outputguard import MARK, RECORD, lock_folder, source_clash, spare_folder
from .ownfiles import discard, read_own

_MARK_TEXT = "{}\nnewsarchive keeps the previous version of the site here and rewrites it.\n"
LEFTOVERS = (".old-", ".staging-", ".update-")  # killed builds', and older versions'


def check_beside(output_dir: Path, sources: dict[str, Path]) -> None:
    """Raise BuildFailed when the spare folder or a leftover beside ``output_dir`` is
    not the build's own, or is, holds or sits in one of ``sources``."""
    problems = [p for f in beside(output_dir) if (p := _not_ours(output_dir, f, sources))]
    if problems:
        raise BuildFailed(problems, "nothing was written.")


def beside(output_dir: Path) -> list[Path]:
    """The spare folder (when there is one) and the leftovers of killed builds."""
    try:
        names = sorted(os.listdir(output_dir.parent))
    except OSError:  # no parent yet: nothing beside
        return []
    prefixes = tuple(output_dir.name + suffix for suffix in LEFTOVERS)
    spare = spare_folder(output_dir).name
    return [output_dir.parent / n for n in names if n == spare or n.startswith(prefixes)]


def _not_ours(output_dir: Path, folder: Path, sources: dict[str, Path]) -> Problem | None:
    clash = source_clash(folder, sources)
    spare = folder == spare_folder(output_dir)
    if clash:
        why = clash
    elif _ours(output_dir, folder, copies=True) or (spare and _empty_folder(folder)):
        return None
    elif folder.is_symlink() or not folder.is_dir():
        why = "it is a link or a file, not a folder the build made"
    else:
        # A spare made before the build kept its record looks the same: it is asked once.
        why = (
            "it is not a folder the build made (the build has no record of it; a spare "
            "folder left by a version of newsarchive older than 2 December 2026 has none "
            "either)"
        )
    name = output_dir.name
    use = (
        f"the build keeps the previous version of {shown(output_dir)} here"
        if spare
        else f"the build removes folders named {name}.old-*, {name}.staging-* and "
        f"{name}.update-* (left by interrupted builds)"
    )
    # Never advise deleting a folder of the project's own (the articles, say).
    delete = (
        "" if clash else "; if it is an old copy of the site that you no longer need, delete it"
    )
    return Problem(
        folder,
        f"the build would replace or remove this folder, but {why}",
        f"{use}: rename or move this folder (or choose another --output){delete}",
    )


def _ours(output_dir: Path, folder: Path, copies: bool = False) -> bool:
    """Recorded by this name and identity, and holding the recorded mark (no mark is
    asked while the folders are swapped). ``copies``: or, in a project copied whole, the
    copy of a folder recorded with a mark, holding it."""
    identity = _identity(folder)
    entries = [e for e in _record(output_dir) if folder.name in e["names"]]
    for entry in entries:
        if identity == (entry.get("dev"), entry.get("ino")):
            return entry["mark"] is None or mark_token(folder) == entry["mark"]
    lock = _identity(lock_folder(output_dir))
    return (copies and lock is not None) and any(
        isinstance(entry["mark"], str)
        and entry["mark"]  # a token: never the "" of a folder without a mark
        and isinstance(entry.get("lock"), list)
        and tuple(entry["lock"]) != lock
        and mark_token(folder) == entry["mark"]
        for entry in entries
    )


def _empty_folder(folder: Path) -> bool:
    """A real folder with nothing in it: the build may take it (nothing to lose), as it
    must after being killed between making its spare and recording it."""
    try:
        return _identity(folder) is not None and not os.listdir(folder)
    except OSError:
        return False


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        st = os.lstat(folder)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISDIR(st.st_mode) else None


def mark_token(folder: Path) -> str:
    """The token in ``folder``'s mark (`own_spare`), or "" when it holds none."""
    try:
        # Not removed when damaged: the mark is what proves the folder the build's.
        mark = read_own(folder / MARK, remove=False) or b""
        return mark.decode("ascii").split("\n", 1)[0]
    except UnicodeDecodeError:
        return ""


def _record(output_dir: Path) -> list[dict]:
    try:
        entries = json.loads((read_own(record_file(output_dir)) or b"[]").decode("utf-8"))
    except ValueError:
        return []
    return [e for e in entries if isinstance(e, dict) and {"names", "mark"} <= e.keys()]


def write_record(output_dir: Path, entries: list[tuple[Path, list[str], str | None]]) -> None:
    """Record these folders (each with the names it may have and its mark) as the build's,
    in place of the record before (one rename: a kill leaves the one or the other)."""
    record = []
    lock = _identity(lock_folder(output_dir))  # the record's own folder (see _ours)
    for folder, names, mark in entries:
        identity = _identity(folder)
        if identity is not None:
            entry = {"dev": identity[0], "ino": identity[1], "names": names, "mark": mark}
            record.append({**entry, "lock": lock})
    path, text = record_file(output_dir), json.dumps(record)
    if read_own(path) == text.encode("utf-8"):
        return  # nothing to write (a build on a full disk gets to its own message)
    temporary = path.with_name(f"{RECORD}.tmp")  # one build at a time: the lock
    discard(temporary)  # a link or a pipe in its place is not written through
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def record_file(output_dir: Path) -> Path:
    """The record of the folders the build made, in its lock folder."""
    return lock_folder(output_dir) / RECORD


def own_spare(output_dir: Path) -> None:
    """Record the spare folder as the build's and mark it; after a swap, or the spare
    made anew. Recorded first with no mark asked, so that a kill at any moment leaves
    it provably the build's."""
    spare = spare_folder(output_dir)
    if _identity(spare) is None:
        write_record(output_dir, [])
        return
    if mark_token(spare) and _ours(output_dir, spare):
        return  # marked already
    token = os.urandom(16).hex()
    write_record(output_dir, [(spare, [spare.name], None)])
    (spare / MARK).write_text(_MARK_TEXT.format(token), encoding="ascii")
    write_record(output_dir, [(spare, [spare.name], token)])
