"""Stage 1: what is below the content folder: the article files (`.md`) with their stat,
to be read (frontmatter.py) or taken from the cache unchanged (sources.py), and what is
left out and said: hidden files, what Windows or macOS made, other files, articles named
or linked wrongly.
"""

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .outputguard import among_outputs
from .portablenames import case_twins, windows_problem
from .systemfiles import made_by_system, shown

# Names of Markdown files that are not `.md`: bai.MD, bai.markdown, or Notepad's bai.md.txt.
# An error, not a warning: the editor meant an article, and a warning in a publish log
# is easily missed while the article is missing online; the fix is a rename.
# A space after the name (`bai.md `) is easily typed and never seen.
_MARKDOWN_LIKE = re.compile(r"\.(md|markdown|mdown|mkdn?|mdwn|mdte?xt)(\.txt)?\s*$", re.IGNORECASE)
# Plain text that starts as an article does (Notepad's "Save as" gives `bai-moi.txt`):
# also an error, for the same reason. Other files are listed as left out.
_TEXT_LIKE = re.compile(r"^[^.]+$|\.txt$", re.IGNORECASE)
_FRONT_MATTER_START = (b"---", b"\xef\xbb\xbf---")


@dataclass(frozen=True)
class ContentScan:
    """What is below the content folder: the article files, and what was left out."""

    files: list[tuple[str, int, int]]  # every *.md file, its changed_ns and size, in path order
    hidden: list[str]  # names starting with '.', relative to the folder ('.drafts/', '.x.md')
    others: list[str]  # the other files that are not articles ('2020/anh.jpg'), as hidden
    system: list[str]  # what Windows or macOS made there ('Thumbs.db', '__MACOSX/'), as hidden
    errors: list[Problem]  # symlink loops, links leaving the project, unreadable folders
    # Names a checkout on Windows or macOS cannot hold (portablenames.py)
    warnings: list[Problem]
    looked: int  # time.time_ns() before the first stat: a later mtime is not trusted


def scan_sources(
    content_dir: Path, project: Path | None = None, built: tuple[Path, Path] | None = None
) -> ContentScan:
    """Every *.md file below ``content_dir`` with its stat, in path order.

    os.scandir gives file types without a stat() each: three times faster
    than Path.rglob on a 10,000-article archive, and the stat is reused to
    tell unchanged files from changed ones.

    Hidden files and folders (editors' backups, `.git`, `.drafts/`) are left out and
    listed. A symbolic link is followed when it stays inside ``project`` (or the content
    folder): one that leaves it, points to nothing or leads back into a folder it is
    in is an error, so no file from elsewhere on the machine is ever published; so is one
    into what builds write (``built``: the output folder, the folders kept beside it, the
    cache), which would make the last build's output a source of the next."""
    top = os.path.realpath(content_dir)
    allowed = [top] + ([os.path.realpath(project)] if project is not None else [])
    scan = ContentScan([], [], [], [], [], [], time.time_ns())
    _walk(str(content_dir), (top,), content_dir, allowed, built, scan)
    scan.files.sort(key=lambda item: item[0].split(os.sep))  # as Path objects sort
    scan.hidden.sort()
    scan.others.sort()
    scan.system.sort()
    return scan


def changed_ns(st: os.stat_result) -> int:
    """When a source file last changed, as its stat tells: the later of its mtime and its
    ctime (recorded as its mtime_ns). An edit that keeps the size and puts the mtime back
    (`cp -p`, `rsync -a`, `tar x` of another copy, `touch -d`) was not seen: the ctime,
    which no one can set, moved. Not for output files: a hard link moves it too."""
    return max(st.st_mtime_ns, st.st_ctime_ns)


def _walk(
    folder: str,
    inside: tuple[str, ...],
    content_dir: Path,
    allowed: list[str],
    built: tuple[Path, Path] | None,
    scan: ContentScan,
) -> None:
    """scan_sources below ``folder`` (``inside``: the real folders it is in), into
    ``scan``. A function of its own, not a closure: one that called itself would be a
    reference cycle holding every file's stat to the end of a build, which runs with the
    garbage collector off."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as exc:
        scan.errors.append(unreadable(Path(folder), exc))
        return
    names = (entry.name for entry in entries)
    kept = sorted(n for n in names if not made_by_system(n) and not n.startswith("."))
    scan.warnings.extend(case_twins(folder, kept, published=False))
    for entry in entries:
        if made_by_system(entry.name) or entry.name.startswith("."):
            _list_left_out(entry, content_dir, scan)
            continue
        real = os.path.realpath(entry.path) if entry.is_symlink() else None
        if real is not None and (problem := _link_problem(real, allowed, built)):
            scan.errors.append(_bad_link(Path(entry.path), real, problem))
        elif _is_dir(entry):
            real = real or os.path.realpath(entry.path)
            if real in inside:  # a link back to a folder it is in
                scan.errors.append(_bad_link(Path(entry.path), real, "loop"))
            else:
                _not_portable(entry, scan)
                _walk(entry.path, (*inside, real), content_dir, allowed, built, scan)
        else:
            _take_file(entry, content_dir, scan)


def _list_left_out(entry: os.DirEntry, content_dir: Path, scan: ContentScan) -> None:
    """A file or folder the system made, or a hidden one: listed, not read."""
    folder = "/" if _is_dir(entry) else ""
    if made_by_system(entry.name):
        scan.system.append(shown(_rel(entry, content_dir)) + folder)
    else:
        scan.hidden.append(_rel(entry, content_dir) + folder)


def _take_file(entry: os.DirEntry, content_dir: Path, scan: ContentScan) -> None:
    """An article (a .md file) to read; an error for a file named or written as one;
    any other file listed as left out."""
    if entry.name.endswith(".md"):
        _take_article(entry, scan)
    elif _MARKDOWN_LIKE.search(entry.name):
        scan.errors.append(_misnamed(Path(entry.path)))
    elif _TEXT_LIKE.search(entry.name) and _starts_as_article(entry):
        right = entry.name.rsplit(".", 1)[0] + ".md"
        scan.errors.append(_not_md(Path(entry.path), "starts with front matter ('---')", right))
    else:
        scan.others.append(_rel(entry, content_dir))
        _not_portable(entry, scan)


def _take_article(entry: os.DirEntry, scan: ContentScan) -> None:
    try:
        if not entry.is_file():
            scan.errors.append(_not_a_file(Path(entry.path)))
            return
        st = entry.stat()
        scan.files.append((entry.path, changed_ns(st), st.st_size))
        _not_portable(entry, scan)
    except OSError as exc:
        scan.errors.append(unreadable(Path(entry.path), exc))


def _not_portable(entry: os.DirEntry, scan: ContentScan) -> None:
    """Warn of a name that Windows cannot hold (the misnamed articles, `bai.md `, are
    errors already)."""
    problem = windows_problem(entry.path, published=False)
    if problem is not None:
        scan.warnings.append(problem)


def _rel(entry: os.DirEntry, content_dir: Path) -> str:
    return os.path.relpath(entry.path, content_dir).replace(os.sep, "/")


def _starts_as_article(entry: os.DirEntry) -> bool:
    try:  # not a named pipe, which would wait for a writer
        if not entry.is_file():
            return False
        with open(entry.path, "rb") as file:
            return file.read(6).startswith(_FRONT_MATTER_START)
    except OSError:  # unreadable: listed as left out
        return False


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symlink loop: reported by the caller
        return False


def _link_problem(real: str, allowed: list[str], built: tuple[Path, Path] | None) -> str:
    if not os.path.exists(real):
        return "nowhere"
    if not any(real == root or real.startswith(root + os.sep) for root in allowed):
        return "outside"
    if built:
        output, cache = built
        inner, outer = os.path.join(real, ""), os.path.join(os.path.realpath(cache), "")
        around = outer.startswith(inner) and not os.path.join(allowed[0], "").startswith(inner)
        # In the output or a folder kept beside it (`_site.previous`), in the cache, or a
        # folder holding the cache (.cache).
        if among_outputs(Path(real), output) or inner.startswith(outer) or around:
            return "built"
    return ""


def _bad_link(path: Path, real: str, problem: str) -> Problem:
    if problem == "loop":
        return Problem(
            path,
            f"this symbolic link leads back to {real}, a folder it is already in "
            "(a loop: the folder would contain itself forever)",
            "delete the link, or make it point to a folder outside its own parents",
        )
    if problem == "built":
        return Problem(
            path,
            f"this symbolic link leads into {real}, which builds write (the built site or "
            "the build cache): what it holds would be read as articles at the next build",
            "delete the link: articles belong in the content folder",
        )
    if problem == "nowhere":
        return Problem(
            path,
            f"this symbolic link points to {real}, which does not exist",
            "delete the link, or copy the article file here instead",
        )
    return Problem(
        path,
        f"this symbolic link leads outside the project, to {real}",
        "copy the articles into the content folder instead of linking to them: "
        "only files inside the project are published",
    )


def _misnamed(path: Path) -> Problem:
    found = _MARKDOWN_LIKE.search(path.name)
    assert found is not None
    return _not_md(path, "is named like an article", path.name[: found.start()] + ".md")


def _not_md(path: Path, what: str, right: str) -> Problem:
    return Problem(
        path,
        f"this file {what}, but only files ending in .md are built",
        f"rename it to {right} (or start its name with '.' to keep it out of the site)",
    )


def _not_a_file(path: Path) -> Problem:
    return Problem(
        path,
        "this is not a file (a named pipe, socket or device) and cannot be read as an article",
        "delete it, or rename it so that its name does not end in .md",
    )


def unreadable(path: Path, exc: OSError) -> Problem:
    return Problem(
        path,
        f"cannot be read: {exc.strerror or exc}",
        "check that the file or folder exists and that you may read it",
    )
