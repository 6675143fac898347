"""The files Windows and macOS write by themselves beside an editor's own.

Finder leaves `.DS_Store` in every folder it opens (it lists the folder's names, deleted
ones too), Explorer `Thumbs.db` and `desktop.ini`; a zip made on a Mac holds `__MACOSX/`
and a `._` twin of each file, as does a copy to a USB stick; a folder given its own icon
holds `Icon` + carriage return. Editors leave their own beside the file open in them:
vim a swap file (`.site.css.swp`, with the user's and the machine's names in it), Emacs a
lock link (`.#base.html`) and an autosave (`#base.html#`), many a backup (`base.html~`).
They reach the repository through a shared folder, a zip or `git add .`, and are nobody's
page, picture or template: never published nor read, and named once.
"""

import re

_NAMES = {
    ".ds_store",
    ".apdisk",
    ".localized",
    ".spotlight-v100",
    ".trashes",
    ".fseventsd",
    ".temporaryitems",
    "__macosx",
    "thumbs.db",
    "ehthumbs.db",
    "desktop.ini",
    "icon\r",
    "$recycle.bin",
}


# vim's swap files (.name.swp, then .swo... when one is left), Emacs' lock links and
# autosaves, backups: what an editor writes beside the file it has open.
_EDITORS = re.compile(r"\..+\.sw[a-p]|\.#.+|#.+#|.+~")


def made_by_system(name: str) -> bool:
    """Whether a file or folder name is one the systems or editors write on their own."""
    return name.lower() in _NAMES or name.startswith("._") or _EDITORS.fullmatch(name) is not None


def shown(name: str) -> str:
    """A name as a line of output can show it (`Icon\\r` ends in a carriage return)."""
    return name.replace("\r", "\\r")
