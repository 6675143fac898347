"""The files Windows and macOS write by themselves beside an editor's own.

Finder leaves `.DS_Store` in every folder it opens (it lists the folder's names, deleted
ones too), Explorer `Thumbs.db` and `desktop.ini`; a zip made on a Mac holds `__MACOSX/`
and a `._` twin of each file, as does a copy to a USB stick; a folder given its own icon
holds `Icon` + carriage return. They reach the repository through a shared folder, a zip
or `git add .`, and are nobody's page or picture: never published, and named once.
"""

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


def made_by_system(name: str) -> bool:
    """Whether a file or folder name is one the systems write on their own."""
    return name.lower() in _NAMES or name.startswith("._")


def shown(name: str) -> str:
    """A name as a line of output can show it (`Icon\\r` ends in a carriage return)."""
    return name.replace("\r", "\\r")
