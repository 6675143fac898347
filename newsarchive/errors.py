"""The one error convention.

Checkers return a list of Problems (all of them, so an editor fixes everything in one
go); producers return their value or raise BuildFailed with the Problems. A Problem is a
value until the CLI prints it: file, line, column, what is wrong and how to fix it.
"""

import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# A control character (C0, DEL, C1): never meant in a file or folder's name.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    hint: str = ""
    line: int | None = None
    column: int | None = None
    warning: bool = False  # reported, but the build goes on (unless --strict)

    def format(self, root: Path | None = None) -> str:
        # A control character in a file name (a line break, an escape) cut the message
        # in two or recoloured the terminal: shown as its code, as Python writes it.
        where = CONTROL.sub(lambda c: repr(c[0])[1:-1], str(_display(self.path, root)))
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {'warning' if self.warning else 'error'}: {self.message}"
        if self.hint:
            text += f"\n    how to fix: {self.hint}"
        # A file name that is not UTF-8 (os.fsdecode's \udcff) stopped the build as an
        # internal error when printed: shown as its code instead.
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class BuildFailed(Exception):
    """Raised with every problem found, so an editor fixes them all in one go."""

    def __init__(self, errors: list[Problem], outcome: str = ""):
        super().__init__(f"{len(errors)} problem(s) in the content")
        self.errors = errors
        # What the build did despite the problems, when it is not "nothing".
        self.outcome = outcome


def nothing_written(built: bool | None) -> str:
    """How a failed build's message ends, in `build` and `serve` alike: of the previous
    site only when there is one (``built``: the output folder was there when the build
    began; None: site.yaml, which names that folder, was not read)."""
    if built:
        return "nothing was written, the previous site is unchanged."
    return "nothing was written" + ("." if built is None else " (there is no site yet).")


def place_in(data: bytes, at: int) -> tuple[int, int]:
    """The line and column (in letters, as an editor counts them) of the byte ``at`` of a
    text's UTF-8 bytes: of one that is not UTF-8, for the message that names it."""
    line_start = data.rfind(b"\n", 0, at) + 1
    column = len(data[line_start:at].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, at) + 1, column


def not_utf8(path: Path, data: bytes, exc: UnicodeDecodeError) -> Problem:
    """A template or strings.yaml that is not UTF-8, with the line and column of the first
    byte that is not."""
    return Problem(
        path,
        "the file is not UTF-8 text",
        "save it again with the encoding UTF-8",
        *place_in(data, exc.start),
    )


def line_of(path: Path, text: str) -> int | None:
    """The first line of the file that holds ``text``, for a problem found without it;
    in NFC, as the build reads the file (one saved in NFD, as macOS may, holds it too)."""
    return place_of(path, text)[0]


def place_of(path: Path, text: str) -> tuple[int | None, int | None]:
    """The line and column (in letters, as written) of the first place in the file that
    holds ``text``, as line_of finds it; the column is of the line in NFC when only
    that holds it."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None, None
    text = unicodedata.normalize("NFC", text)
    for n, line in enumerate(lines, 1):
        at = line.find(text)
        if at < 0:
            at = unicodedata.normalize("NFC", line).find(text)
        if at >= 0:
            return n, at + 1
    return None, None


def value_place(path: Path, line: int, value: str, earlier: int = 0) -> tuple[int, int | None]:
    """The line and column of ``value`` as the front matter of ``path`` writes it, from
    the key's ``line`` on (past the key on that line; a date below `withdrawn:` is on a
    line of its own): where an editor puts the cursor to fix it. ``earlier``: how many
    times the value is written before this one (two corrections of one date). The key's
    line without a column when it is not written so (in quotes that escape a letter)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return line, None
    value = unicodedata.normalize("NFC", value)
    for n in range(line, len(lines) + 1):
        written = lines[n - 1]
        if n > line and written.strip() in ("---", "..."):
            break  # the front matter ends
        start = written.find(":") + 1 if n == line else 0
        at = written.find(value, start)
        if at < 0:
            written = unicodedata.normalize("NFC", written)
            at = written.find(value, start)
        while at >= 0 and earlier:
            earlier -= 1
            at = written.find(value, at + len(value))
        if at >= 0:
            return n, at + 1
    return line, None


def raised_stopping(exc: BaseException) -> bool:
    """Whether ``exc`` came while a Ctrl+C was being handled: a process pool shut down in
    a `finally` may fail then (its wake-up pipe closed under it, "Bad file descriptor"),
    and the stop was reported as a fault of the disk."""
    seen: set[int] = set()
    cause = exc.__context__
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__context__
    return False


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """As an editor goes through them: by file, then line and column."""
    return sorted(problems, key=lambda e: (str(e.path), e.line or 0, e.column or 0))


def special_file(path: Path, what: str) -> Problem | None:
    """A problem when ``path`` (a link followed) is there but no regular file: read as
    ``what``, a named pipe waited for a writer for ever, a link to /dev/zero was read
    until memory ran out."""
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # missing or unreadable: the read says so
        return None
    if regular:
        return None
    return Problem(
        path,
        f"this is not a file (a named pipe, socket or device): it cannot be read as {what}",
        "delete it, or put the file itself here",
    )


def os_problem(exc: OSError, cache: Path | None = None) -> Problem:
    """An error of the file system as a message for the editor (``cache``: the build
    cache's folder, for the hint when it is there)."""
    code = exc.errno
    if isinstance(exc.filename, int):  # a descriptor's number (open(fd)): no name to give
        exc.filename = None
    named = exc.filename is not None and os.path.exists(exc.filename)
    failed = Path(os.path.abspath(os.fsdecode(exc.filename))) if exc.filename else None
    # The cache or the `.cache` folder it is made in (a project on a read-only disk).
    in_cache = (
        cache is not None
        and failed is not None
        and (failed == cache.parent or failed.is_relative_to(cache))
    )
    if code == errno.EROFS and in_cache:
        # A project on a read-only disk, built with --output elsewhere.
        hint = f"the build cache {cache} cannot be made there: build with --no-cache"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS) and in_cache:
        # Left owned by root by one `sudo build.py`: another --output would not help.
        hint = (
            f"make the build cache {cache} yours and writable (e.g. sudo chown -R $USER "
            "FOLDER), or delete it, or build with --no-cache"
        )
    elif code in (errno.EACCES, errno.EPERM) and named and not os.access(exc.filename, os.R_OK):
        # A source file or folder copied from another account: not the output's fault.
        hint = "you may not read it: make it readable (e.g. chmod u+r FILE, chmod -R u+rX FOLDER)"
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        # The folder to make writable, named: "FOLDER" was to be guessed from the file.
        folder = "FOLDER" if failed is None else shown(failed if failed.is_dir() else failed.parent)
        hint = f"make the folder writable (e.g. chmod -R u+w {folder}), or choose another --output"
    elif code == errno.EBUSY:  # a bind mount, which os.path.ismount does not see
        hint = (
            "the folder is in use: a mount point (a disk, a share or a container's volume, "
            "which a build cannot replace: name a folder inside it with --output), or open "
            "in another program"
        )
    elif code in (errno.ENOSPC, errno.EDQUOT):
        hint = "the disk is full: free some space (building needs up to twice the site) and retry"
    elif code == errno.ENOTDIR and failed is not None and (file := _file_above(failed)):
        # `.cache` or `_site` made as an empty file (touch, an editor): every build stopped.
        hint = (
            f"{file} is a file where the build needs a folder of that name: rename or "
            "delete it, then build again"
        )
    elif code == errno.ENAMETOOLONG and failed is not None and _names_fit(failed):
        # Every name fits: the path as a whole is over the system's limit (4,096 bytes on
        # Linux, 1,024 on macOS), as a deep project folder and a long old address make it.
        hint = (
            f"the whole path is too long for the system ({len(os.fsencode(failed)):,} bytes): "
            "move the project to a folder with a shorter path, or shorten the old address "
            "or folder names that make it long"
        )
    elif code == errno.ENAMETOOLONG:
        hint = "a name in this path is too long for the file system (at most 255 bytes): shorten it"
    else:
        hint = "check this file and its folder, then build again"
    path = Path(os.fsdecode(exc.filename)) if exc.filename else Path(".")
    text = exc.strerror or str(exc)
    return Problem(path, f"cannot write or read here: {text}", hint)


def _names_fit(path: Path) -> bool:
    """Whether each name in ``path`` is at most 255 bytes, as file systems allow."""
    return all(len(os.fsencode(part)) <= 255 for part in path.parts)


def _file_above(failed: Path) -> str:
    """The file standing where a folder of the path ``failed`` should be, or ""."""
    for folder in failed.parents:
        if folder.is_file():
            return shown(folder)
    return ""


def shown(path: str | Path) -> str:
    """A file named inside a message as messages name the file they are about: from the
    current folder when it is under it."""
    return str(_display(Path(path), Path.cwd()))


def twin_note(other: str | Path, this: str | Path) -> str:
    """What tells ``other`` apart from ``this`` when their names differ only in the
    Unicode form of their letters (NFC, and NFD as macOS writes names): they print
    alike, and a message naming the other read as naming one file twice. "" otherwise."""
    a, b = str(other), str(this)
    if a == b or unicodedata.normalize("NFC", a) != unicodedata.normalize("NFC", b):
        return ""
    form = "NFC" if unicodedata.is_normalized("NFC", a) else "NFD, as macOS writes names"
    return f" (another file, its name's letters in {form})"


def name_file(exc: OSError, path: str | Path) -> None:
    """Give ``exc`` the file it came from: a write() that fails (a full disk) names none,
    and the message named ".", not the disk that was full."""
    if exc.filename is None:
        exc.filename = os.fspath(path)


def _display(path: Path, root: Path | None) -> Path:
    if root is not None:
        try:
            # The folder resolved, not the file: a symbolic link is named as it is.
            return path.parent.resolve().joinpath(path.name).relative_to(root.resolve())
        except (ValueError, OSError, RuntimeError):  # elsewhere, or a loop of links
            pass
    return path


def save_traceback(exc: BaseException, project: Path) -> Path:
    """Write the traceback of a bug to a file (for a bug report); return its path.

    In .cache/newsarchive/ of the ``project`` (the folder of site.yaml, where README
    says it is: the current folder of a build run from elsewhere is no place of the
    editor's), or the temporary folder when that cannot be written."""
    import tempfile
    import time
    import traceback

    text = "".join(traceback.format_exception(exc))
    name = f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
    # No project folder is made for it (a --config in a folder that does not exist).
    own = [project / ".cache" / "newsarchive"] if project.is_dir() else []
    for folder in (*own, Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            path.write_text(text, encoding="utf-8")
            return path.resolve()
        except OSError:
            continue
    return Path("(could not be saved)")
