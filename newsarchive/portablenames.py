"""File names every editor's computer can hold.

The repository is checked out on Windows and macOS too (git for Windows, GitHub Desktop,
a shared folder, the offline copy on a USB stick). A name Windows keeps for a device
(`con.md`, `aux.jpg`), one with a character it refuses (`:`, `?`, `*`, `"`, `|`, `<`,
`>`, `\\`: the GitHub web editor and macOS allow them) or one ending in a dot or a space
cannot be written there: git stops the checkout at "invalid path". Two names that differ
only in their capitals (`Anh.jpg`, `anh.jpg`) are one file on Windows and macOS: git
checks out one over the other ("paths have collided") and an editor edits the wrong one.
The site itself is fine on Linux, so these are warnings (errors with --strict).
"""

import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from . import urls
from .errors import Problem

_DEVICES = {"con", "prn", "aux", "nul", *(f"{p}{n}" for p in ("com", "lpt") for n in range(1, 10))}
_NOT_UTF8 = re.compile("[\udc80-\udcff]")  # os.fsdecode's escapes of bytes not UTF-8
_REFUSED = re.compile(r'[<>:"|?*\\\x00-\x1f]')
_BROKEN_CHECKOUT = (
    "a colleague on Windows cannot check out the repository (git stops at 'invalid path')"
)


def windows_problem(path: str | Path, published: bool) -> Problem | None:
    """A warning when Windows cannot hold ``path``'s name; ``published``: the name is a
    file's address on the site (static/), so its links change with it. Every file of
    content/ is looked at on every build: a Path is made only for a name in trouble."""
    name = os.path.basename(path)
    if _NOT_UTF8.search(name):
        # Bytes Python could not read as UTF-8 (an old program's, a zip made on another
        # system): a Mac cannot write the name, and messages can only show it escaped.
        return Problem(
            Path(path),
            "this name is not UTF-8 text (its letters were written in another encoding, "
            "by an old program or a zip made elsewhere): a Mac cannot check it out, and "
            "it shows as codes such as \\udcff",
            f"rename it, e.g. {_NOT_UTF8.sub('-', name)!r}",
            warning=True,
        )
    stem = name.split(".", 1)[0].rstrip(" ")
    if stem.lower() in _DEVICES:
        why = f"'{stem}' is the name of a device on Windows, which no file or folder may have there"
        better = f"{stem}-1{name[len(stem) :]}"
    elif _REFUSED.search(name):
        shown = ", ".join(sorted({repr(c) for c in _REFUSED.findall(name)}))
        why = f"Windows allows no {shown} in a name"
        better = _REFUSED.sub("-", name)
    elif name.endswith((".", " ")):
        why = "Windows drops a dot or a space at the end of a name"
        better = name.rstrip(". ")
    else:
        return None
    after = (
        " and correct the links to it"
        if published
        else " (an article's address comes from its title or slug, not from its file name)"
    )
    return Problem(
        Path(path),
        f"{why}: {_BROKEN_CHECKOUT}",
        f"rename it, e.g. {better!r}{after}",
        warning=True,
    )


def case_twins(folder: str | Path, names: Sequence[str], published: bool) -> list[Problem]:
    """A warning for each of ``names`` (the entries of ``folder``) that differs from an
    earlier one only in its capitals, or in the Unicode form of its letters (NFC, and NFD
    as macOS writes names: one file there). Static files of one name in both forms are
    refused by statics.py already (published)."""
    first: dict[str, str] = {}
    problems = []
    for name in names:
        nfc = unicodedata.normalize("NFC", name)
        other = first.setdefault(nfc.casefold(), name)
        if other is name:
            continue
        form = nfc == unicodedata.normalize("NFC", other)
        if form and published:
            continue
        how = (
            "in the Unicode form of their letters (NFC, and NFD as macOS writes names): macOS holds"
            if form
            else "in their capitals: Windows and macOS hold"
        )
        problems.append(
            Problem(
                Path(folder, name),
                f"this name and {other!r} beside it differ only {how} one file for both, so a "
                "checkout there keeps one of them (git says the paths have collided) and an "
                "editor may edit the wrong one",
                "rename one of them (or delete the one not wanted)"
                + (" and correct the links to it" if published else ""),
                warning=True,
            )
        )
    return problems


# macOS holds paths of at most 1,024 bytes (PATH_MAX), with the folder the archive is
# checked out in and the output folder's name: an old address that makes a longer path
# in the site than this leaves 160 bytes for them (/Users/<name>/Documents/GitHub/<repo>/
# _site.previous/). Linux allows 4,096 (validate.MAX_PATH_BYTES, 2,000 in the site).
MAC_PATH_MAX = 1024
MAC_IN_SITE = MAC_PATH_MAX - 160


def too_long_for_a_mac(path: str, rel: str, line: int | None) -> Problem | None:
    """A warning when the file ``rel`` in the site, which an old address of the article
    (or page) at ``path`` makes, is too long a path for a Mac: its build and preview fail
    there ("File name too long"), though Linux and GitHub build the site."""
    size = len(rel.encode("utf-8"))
    if size <= MAC_IN_SITE:
        return None
    room = MAC_PATH_MAX - 1 - len("/_site.previous/") - size  # the path ends with a NUL
    alias = "/" + urls.file_url(rel)
    shown = alias if len(alias) <= 60 else alias[:57] + "..."
    return Problem(
        Path(path),
        f"the old address '{shown}' makes a path of {size:,} bytes in the site: with the "
        f"folder the archive is in, more than the {MAC_PATH_MAX:,} bytes macOS allows in a "
        "path, so building or previewing the site on a Mac fails (Windows, without long "
        "paths turned on, allows fewer still); Linux and GitHub build it",
        f"keep it if readers still follow it: build on a Mac from a folder of at most "
        f"{room:,} bytes (e.g. /Users/lan/a), or else remove the alias"
        if room >= len("/Users/a")
        else "remove the alias if readers no longer follow it: no Mac can build the site with it",
        line,
        warning=True,
    )
