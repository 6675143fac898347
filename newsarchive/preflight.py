"""The checks a build runs before its first write, each raising BuildFailed.

`check_output` at the start: the output folder (outputguard.py says where a site may
go), its lock folder, the cache folder, the static folder and the folders beside the
output (ownfolders.py); `check_not_emptied` once the content folder is found to hold
no article; `check_room` (writability, free space) just before the first write.
"""

import errno
import os
from pathlib import Path, PurePosixPath

from . import urls
from .buildlock import check_lock_folder, lock
from .cache import OutputState, cache_folder
from .config import SiteConfig
from .errors import BuildFailed, Problem, os_problem
from .outputguard import cache_problem, lock_folder, protected_folders, unsafe_output
from .ownfolders import check_beside
from .statics import check_static_folder


def source_folders(config: SiteConfig) -> dict[str, Path]:
    """The folders no output folder, spare or leftover may be, hold or sit in."""
    return protected_folders(
        config.root,
        config.content_dir,
        config.templates_dir,
        config.static_dir,
        cache_folder(config),
    )


def check_output(config: SiteConfig) -> None:
    """Raise BuildFailed when the output folder would replace, contain or sit in the
    project's own files (`--output content` would replace every article), when its lock
    folder or the cache would mix with them, or when a folder beside it that the build
    would change is not its own (`check_beside`)."""
    sources = source_folders(config)
    problem = unsafe_output(config.output_dir, sources)
    if problem:
        raise BuildFailed(
            [
                Problem(
                    config.output_dir,
                    f"this folder cannot hold the built site: {problem}",
                    "choose a new or empty folder (or one built here before) with --output, "
                    "or output_dir in site.yaml; the default is _site",
                )
            ],
            "nothing was written.",
        )
    check_lock_folder(config.output_dir, sources)
    check_cache_folder(config)
    check_static_folder(config)
    try:
        check_beside(config.output_dir, sources)
    except BuildFailed:
        # A build running on this folder renames and marks these folders: one it renamed
        # between our listing and our look seemed a file, not its own. Only a verdict
        # under the lock counts (another build's running is the message then); with no
        # lock folder no build has run here, and none is made to refuse.
        if not lock_folder(config.output_dir).is_dir():
            raise
        with lock(config.output_dir):
            check_beside(config.output_dir, sources)


def check_not_emptied(config: SiteConfig) -> None:
    """Raise BuildFailed when a content folder without one article file would replace a
    site that has articles: `content_dir: templates`, a mistyped --content or a folder
    not mounted published an empty site over the archive."""
    served = config.output_dir
    if next(served.glob(urls.article_glob()), None) is None:
        return
    problem = Problem(
        config.content_dir,
        f"this folder holds no article file (*.md), but the site in {served.name} has "
        "articles: the build would replace them with an empty site",
        "check content_dir in site.yaml (or --content): it names the folder of the "
        f"articles; to publish a site without articles, delete {served.name} first (on "
        "GitHub, where each run starts from the site the run before saved: delete the "
        "caches named site-… in the repository's Actions tab, Caches)",
    )
    raise BuildFailed([problem], "nothing was written.")


def check_cache_folder(config: SiteConfig) -> None:
    """Raise BuildFailed when the cache folder mixes with the folders a build reads."""
    folder = cache_folder(config)
    read = {"content folder": config.content_dir, "templates folder": config.templates_dir}
    mixed = cache_problem(folder, {**read, "static folder": config.static_dir})
    if mixed:
        raise BuildFailed(
            [
                Problem(
                    folder,
                    f"the build keeps its cache in this folder, but {mixed}",
                    "keep the articles, templates and static files out of .cache/ (the "
                    "build's own, beside site.yaml): move them and name their new folder "
                    "with --content, --templates or --static (or in site.yaml)",
                )
            ],
            "nothing was written.",
        )


def check_room(output_dir: Path, needed: int) -> None:
    """Raise BuildFailed unless the output's folder is writable with ``needed`` bytes free."""
    parent = output_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        if not os.access(parent, os.W_OK):
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(parent))
        fs = os.statvfs(parent)
    except OSError as exc:
        raise BuildFailed([os_problem(exc)]) from None
    if fs.f_flag & os.ST_RDONLY:
        raise BuildFailed([os_problem(OSError(errno.EROFS, "read-only", str(parent)))])
    free = fs.f_bavail * fs.f_frsize
    if free < needed:
        raise BuildFailed(
            [
                Problem(
                    parent,
                    f"not enough free space for the site: about {_mb(needed)} needed, "
                    f"{_mb(free)} free",
                    "free some space on that disk (or choose another --output) and build again",
                )
            ]
        )


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def room_needed(state: OutputState | None, pages: int, statics: dict[PurePosixPath, Path]) -> int:
    """About how many bytes the build will write: pages at their mean size so far
    (in whole 4 KiB blocks, as most file systems store them), static files if new."""
    sizes = [-(-f.size // 4096) * 4096 for f in state.files.values()] if state else []
    mean = sum(sizes) // len(sizes) if sizes else 16_384
    static_bytes = 0 if state else sum(p.stat().st_size for p in statics.values())
    return mean * pages + static_bytes + 256 * 1024
