"""Where the built site may go: never over, inside or around the project's own files.

Publishing replaces the whole output folder (publish.py), so a wrong --output or
output_dir would replace the articles or someone's files: this is checked first, for
site.yaml (config.py) and for every build (preflight.check_output), before anything is written.
"""

import os
from pathlib import Path

from . import urls
from .errors import CONTROL
from .search.format import STAMP

LOCK = ".lock"  # beside the output folder: `_site.lock`, see buildlock.lock
OWNER = "owner"  # in the lock folder: the pid of the build holding the lock
RECORD = "folders"  # in the lock folder: the folders the build made (ownfolders.py)
LOCK_FILES = (OWNER, RECORD, f"{RECORD}.tmp")  # all a build writes in its lock folder
MARK = ".newsarchive-spare"  # in the spare folder `_site.previous`, see ownfolders.own_spare
SPARE = ".previous"  # the spare folder's name: the output's + this (spare_folder)


def lock_folder(output_dir: Path) -> Path:
    return output_dir.with_name(output_dir.name + LOCK)


def spare_folder(output_dir: Path) -> Path:
    return output_dir.with_name(output_dir.name + SPARE)


def unsafe_output(output_dir: Path, sources: dict[str, Path]) -> str:
    """Why ``output_dir`` may not hold a site (it would replace or mix with
    ``sources``, by name: the content folder, the project...), or ""."""
    out = real_path(output_dir)
    long = [part for part in out.parts if len(os.fsencode(part)) > 255]
    if long:
        return f"the name {long[0][:40]}... is longer than 255 bytes, the most file systems allow"
    slip = _slipped_name(out.name)
    if slip:
        return slip
    clash = source_clash(out, sources)
    if clash:
        return clash
    problem = not_a_folder(out)
    if problem:
        return problem
    try:
        if output_dir.is_symlink():
            # Publishing renames the folder at this name: the link (`_site -> /var/www`)
            # was moved aside as the spare, and every later build refused it.
            return (
                f"it is a symbolic link (to {out}), which a build would replace with a "
                f"folder of its own: name that folder itself (--output {out}), or delete the link"
            )
        if os.path.ismount(out):
            # Publishing renames the folder, which a mount point refuses: every build
            # wrote the whole site beside it, then stopped at the swap ("busy").
            return (
                "it is a mount point (a disk, a share or a container's volume), which a "
                "build cannot replace as it replaces the output folder: name a folder "
                f"inside it, e.g. --output {out / '_site'}"
            )
        if (out / MARK).exists() or out.name.endswith(SPARE):
            # Named so, it becomes the spare copy of the site beside it (even before one
            # exists): built into, every later build refused the folder it did not know.
            return f"it is the spare copy a build keeps beside {out.name.removesuffix(SPARE)}"
        if out.name.endswith(LOCK):
            # Built into before the site beside it was (a fresh clone), it held files the
            # lock folder may not: every build of that site stopped.
            return f"it is the lock folder a build keeps beside {out.name.removesuffix(LOCK)}"
        if out.is_dir() and any(out.iterdir()) and not _built_here(out, output_dir, sources):
            # Publishing replaces the folder: never a folder of someone's own files.
            return (
                f"it holds files but no site built here (no {out.name}{LOCK} folder beside "
                "it, which every build makes)"
            )
    except OSError as exc:
        return f"it cannot be used: {exc.strerror}"
    return ""


def _slipped_name(name: str) -> str:
    """Why the output folder's name is most likely a slip of typing, or "": a line break
    or tab (`output_dir: "_site` quoted over two lines), spaces before or after it
    (`--output ' '`). Built, each made a folder the file manager shows as `_site` beside
    the real one, or as nothing at all."""
    if CONTROL.search(name):
        return f"its name, {name!r}, holds a line break, tab or other control character"
    if name != name.strip():
        return f"its name, {name!r}, begins or ends with a space"
    return ""


def not_a_folder(path: Path) -> str:
    """Why ``path`` is not, and cannot become, a folder, or ""."""
    try:
        if path.exists() and not path.is_dir():
            return "it is a file, not a folder"
        parent = next((p for p in path.parents if p.exists()), None)
        if parent is not None and not parent.is_dir():
            return f"{parent} is a file, not a folder"
    except OSError as exc:
        return f"it cannot be used: {exc.strerror}"
    return ""


def source_clash(folder: Path, sources: dict[str, Path]) -> str:
    """Why ``folder`` is, contains or sits in one of ``sources`` (by name), or ""."""
    folder = real_path(folder)
    for name, source in sources.items():
        src = real_path(source)
        if _same(folder, src):
            return f"it is the {name}"
        if any(_same(folder, p) for p in src.parents):
            return f"it contains the {name} ({source})"
        if name != "project folder" and any(_same(p, src) for p in folder.parents):
            return f"it is inside the {name} ({source})"
    return ""


def among_outputs(path: Path, output_dir: Path) -> Path | None:
    """The folder of the build's that ``path`` is or sits in: the output folder, or one
    the build keeps beside it (`_site.previous`, `_site.lock`...), which builds replace
    or rewrite; None if none."""
    output = real_path(output_dir)
    target = real_path(path)
    for part in (target, *target.parents):
        if part == output or (
            part.parent == output.parent and part.name.startswith(output.name + ".")
        ):
            return part
    return None


def built_folder(path: Path) -> Path | None:
    """The output folder of any build (another --output, serve's `.cache/serve`) that
    ``path`` is, sits in or sits beside as one of its folders (`serve.previous`), known
    by the lock folder every build leaves beside its output; None if none. Articles
    written there were moved aside by the next build and deleted by the one after."""
    for part in (target := real_path(path), *target.parents[:-1]):  # not "/": it has no name
        for output in (part, part.with_name(part.name.rpartition(".")[0] or part.name)):
            if (lock_folder(output) / OWNER).is_file():
                return output
    return None


def cache_problem(cache: Path, sources: dict[str, Path]) -> str:
    """Why the build's cache folder would mix with one of ``sources`` (the folders a
    build reads: `--content .cache/newsarchive` got the cache's files among the
    articles, `--static .cache` published them), or "". A cache that sits in a source
    folder under a hidden folder (`--content .` with `.cache/` in it) mixes with
    nothing: no build reads hidden folders."""
    cache = real_path(cache)
    for name, source in sources.items():
        why = source_clash(cache, {name: source})
        src = real_path(source)
        inside = cache.relative_to(src).parts if cache.is_relative_to(src) else ()
        hidden = any(part.startswith(".") for part in inside)
        if why and not (hidden and why.startswith("it is inside")):
            return why
    return ""


def static_problem(static: Path, sources: dict[str, Path]) -> str:
    """Why the static folder, published file by file as it is, would publish the
    project's other files (a whole sentence), or "": it may not be, hold or sit in the
    templates folder or the git repository (`--static .git` published the repository's
    config), nor be or hold the content folder (`--static content` published every
    article's Markdown, drafts included). It may sit in the content folder: `--content .`
    holds static/."""
    for name in ("content folder", "templates folder", "git repository"):
        why = source_clash(static, {name: sources[name]})
        if why and not (name == "content folder" and why.startswith("it is inside")):
            return f"every file in the static folder is published as it is, but {why}"
    return ""


def _same(a: Path, b: Path) -> bool:
    """One folder, by identity where both exist: on macOS and Windows `Templates` is
    `templates`, and a bind mount gives a folder a second name anywhere."""
    try:
        return a == b or os.path.samefile(a, b)
    except OSError:
        return False


def _built_here(folder: Path, output_dir: Path, sources: dict[str, Path]) -> bool:
    """A folder of ours (``output_dir``, as given, resolved to ``folder``): the lock
    folder every build makes beside its output first, the build cache's record of a
    build into it (the Pages workflow restores _site and the cache, not _site.lock), or
    the stamp of our search index (a copy of a site built here). A file any site has
    (index.html) is no proof: someone's own web pages were taken over, and the next
    build deleted their files."""
    from .cache import output_label  # the cache reads configs, which this module checks

    cache = sources.get("build cache")
    stamp = folder / urls.search_bundle_folder() / STAMP
    return (
        lock_folder(folder).is_dir()
        or (cache is not None and output_label(cache, output_dir).is_file())
        or stamp.is_file()
    )


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


def real_path(path: Path) -> Path:
    """The path with its links resolved, or as written when they loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: compare as written
        return path.absolute()
