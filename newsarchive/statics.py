"""The static folder: where it may be, and the files it puts into the site as they are.

Scripts, pictures (import copies pictures into its media/) and files such as CNAME are
published byte for byte under the same path; style sheets without their comments, line
for line (csscomments.py: publish.Spare.copy_statics). Everything that would go
wrong is refused before a build writes anything: links that leave the project or lead
to folders, what is not a file, two names one address in NFC, a file an interrupted
import left half-written, a version-control folder (`static/theme/.git`), and a static
folder that would publish the articles, the templates or `.git`, or that lies among the
folders builds replace.
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .cache import cache_folder
from .config import SiteConfig
from .csscomments import unclosed_comment
from .errors import BuildFailed, Problem
from .outputguard import (
    MARK,
    among_outputs,
    built_folder,
    protected_folders,
    real_path,
    static_problem,
)
from .partfiles import is_part, target_of
from .portablenames import case_twins, windows_problem
from .systemfiles import made_by_system, shown

# A version-control folder (a theme cloned into static/) holds the history, and its
# config the remote's address, often with a token in it: never published.
_REPOSITORIES = {".git", ".hg", ".svn"}


# Hidden files that belong online (RFC 8615's .well-known/, GitHub's .nojekyll) or are
# git's empty placeholders: published without a word.
_WEB_DOTFILES = re.compile(r"\.well-known/|\.nojekyll$|(?:.*/)?\.(?:git)?keep$")


def _hidden(path: Path, rel: PurePosixPath) -> list[Problem]:
    """A warning for a hidden file of static/ (`.env`, a server's `.htpasswd`), or one in
    a hidden folder: published as every file there is, but seldom meant to be (a secret),
    and unseen in a file browser. (Editors' `.swp` files are not published at all:
    systemfiles.py.)"""
    if not any(part.startswith(".") for part in rel.parts) or _WEB_DOTFILES.match(rel.as_posix()):
        return []
    return [
        Problem(
            path,
            "a hidden file, published like every file of static/: anyone can download it",
            "if it is not meant for readers (a password or token, an editor's backup), "
            "move it out of static/",
            warning=True,
        )
    ]


@dataclass(frozen=True)
class StaticFiles:
    files: dict[PurePosixPath, Path]  # by the path each gets in the site (in NFC)
    # What Windows and macOS wrote there by themselves (`.DS_Store`, `Thumbs.db`,
    # `__MACOSX/`), left out: relative to the folder, a folder with its '/'.
    system: list[str]
    warnings: list[Problem]  # names a checkout on Windows or macOS cannot hold


def static_files(config: SiteConfig) -> StaticFiles:
    """Files under static/, by the path they get in the site (in NFC), and the files
    the systems made there, which are not published (systemfiles.py).

    Raises BuildFailed for a symbolic link that leads out of the project:
    `static/x -> /etc/passwd` would publish that file; or to a file a build writes."""
    static_dir = config.static_dir
    if not static_dir.is_dir():
        return StaticFiles({}, [], [])
    found: dict[PurePosixPath, Path] = {}
    system: list[str] = []
    errors = []
    warnings: list[Problem] = []
    folders: dict[Path, list[Path]] = {}
    inside = config.root.resolve()
    cache = real_path(cache_folder(config))
    for path in sorted(static_dir.rglob("*")):
        if _in_left_out_folder(path.relative_to(static_dir).parts):
            continue  # said once, for its folder
        if made_by_system(path.name):
            # Finder's .DS_Store lists the folder's names, deleted files' too: published,
            # it told every reader what the folder held.
            system.append(shown(path.relative_to(static_dir).as_posix()) + "/" * path.is_dir())
            continue
        folders.setdefault(path.parent, []).append(path)
        warnings += _not_portable(path)
        refused = _refused(path, static_dir, inside, cache, config.output_dir)
        if refused is not None:
            errors.append(refused)
        elif path.is_file():
            rel = _site_path(path, static_dir)
            errors += _nfc_twin(path, found.get(rel))
            found[rel] = path
            warnings += _hidden(path, rel)
            unclosed = unclosed_comment(path)
            warnings += [unclosed] if unclosed else []
    if errors:
        raise BuildFailed(errors)
    for folder, entries in folders.items():
        warnings += case_twins(folder, [path.name for path in entries], published=True)
    return StaticFiles(found, system, warnings)


def _in_left_out_folder(rel_parts: tuple[str, ...]) -> bool:
    """Whether a path is in a repository's folder or one the system made, which are
    left out whole."""
    folders = rel_parts[:-1]
    return bool(_REPOSITORIES.intersection(folders)) or any(map(made_by_system, folders))


def _not_portable(path: Path) -> list[Problem]:
    """A warning for a name a checkout on Windows or macOS cannot hold."""
    problem = windows_problem(path, published=True)
    return [problem] if problem is not None else []


def _refused(
    path: Path, static_dir: Path, inside: Path, cache: Path, output_dir: Path
) -> Problem | None:
    """Why ``path`` cannot be published; None for a file that can, or a folder (its
    files are looked at one by one)."""
    if path.name in _REPOSITORIES:
        return Problem(
            path,
            "this is a version-control folder (its history, and the address and "
            "perhaps the password of its remote): it would be published",
            "move the repository out of the static folder and copy in only the "
            "files to publish, or delete this folder",
        )
    if path.is_dir() and not path.is_symlink():
        return None
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return Problem(
            path,
            "this link leads nowhere (its target is missing, or links lead in a loop)",
            "remove it, or make it point at a file of the project",
        )
    link = _link_refused(path, real, inside, cache, output_dir)
    return link if link is not None else _kind_refused(path, real, static_dir)


def _link_refused(
    path: Path, real: Path, inside: Path, cache: Path, output_dir: Path
) -> Problem | None:
    """Why the link ``path`` to ``real`` cannot be published: it leaves the project, or
    leads to what a build writes."""
    # A link to a folder is not followed, but refused all the same if it leaves.
    if real != path.absolute() and not real.is_relative_to(inside):
        return Problem(
            path,
            f"this is a link to {real}, outside the project: it would be published",
            "copy the file into the static folder instead of linking to it",
        )
    if (
        path.is_symlink()
        and path.is_file()
        and (among_outputs(real, output_dir) or real.is_relative_to(cache))
    ):
        # The last build's copy would be published (a clean clone's build finds
        # nothing there: the same sources, two sites), or the cache's pickles.
        return Problem(
            path,
            f"this is a link to a file the build writes ({real}): what it publishes "
            "would depend on the build before",
            "copy the file into the static folder instead of linking to it",
        )
    return None


def _kind_refused(path: Path, real: Path, static_dir: Path) -> Problem | None:
    """Why ``path`` is no file to publish: half-written, the build's own name, a link
    to a folder, or no file at all (a pipe, a socket, a device)."""
    if path.is_file() and is_part(path.name):
        return Problem(
            path,
            f"an import stopped while copying {target_of(path.name)} left this temporary "
            "file, which may be cut short and is never published",
            "delete it, which is safe (running the import again deletes it, and copies "
            "the file whole)",
        )
    if path.is_file() and path.parent == static_dir and path.name == MARK:
        return Problem(
            path,
            "this name is the build's own, for the mark of its spare folder",
            "rename the file",
        )
    if path.is_file():
        return None
    if path.is_dir():  # a link to a folder: left out without a word, it was
        return Problem(
            path,
            f"this is a link to the folder {real}: links to folders are not "
            "followed, so its files would not be published",
            "put the folder itself here (move or copy it), or link each file",
        )
    return Problem(
        path,
        "this is not a file (a named pipe, socket or device): it cannot be published",
        "delete it, or put the file itself here",
    )


def _site_path(path: Path, static_dir: Path) -> PurePosixPath:
    """The path a static file gets in the site: in NFC, as articles and browsers spell
    addresses (macOS may spell names NFD)."""
    return PurePosixPath(unicodedata.normalize("NFC", path.relative_to(static_dir).as_posix()))


def _nfc_twin(path: Path, twin: Path | None) -> list[Problem]:
    """An error when a file published before, ``twin``, has the same site path."""
    if twin is None:
        return []
    return [
        Problem(
            path,
            f"this file and {twin} have the same name, its letters put "
            "together differently (NFC and NFD): one address on the site",
            "remove one of them",
        )
    ]


def check_static_folder(config: SiteConfig) -> None:
    """Raise BuildFailed when the static folder would publish the articles' Markdown,
    the templates or the git repository (outputguard.static_problem), or is among the
    folders builds replace (`import --static _site/anh` wrote into the served site; the
    folder of another build's, serve's `.cache/serve`, is no better)."""
    folders = protected_folders(
        config.root, config.content_dir, config.templates_dir, config.static_dir
    )
    built = among_outputs(config.static_dir, config.output_dir) or built_folder(config.static_dir)
    if built is not None:
        why = f"the static folder is in {built}, which every build replaces"
    else:
        why = static_problem(config.static_dir, folders)
    if not why:
        return
    raise BuildFailed(
        [
            Problem(
                config.static_dir,
                why,
                "keep the static files (style sheets, scripts, pictures) in a folder of "
                "their own, named with --static or static_dir in site.yaml; the default "
                "is static",
            )
        ],
        "nothing was written.",
    )
