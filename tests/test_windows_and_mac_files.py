"""What editors' Windows and macOS machines put beside their articles and pictures, and
how they write links: each is published right, or named with the file and the fix."""

from conftest import article, tree

# Files Finder, Explorer and a Mac's zip write by themselves, as a shared folder, a zip
# or `git add .` brings them into the repository.
SYSTEM_MADE = [
    ".DS_Store",
    "Thumbs.db",
    "desktop.ini",
    "Icon\r",
    "images/2019/._hoi-nghi.jpg",
    "__MACOSX/images/._hoi-nghi.jpg",
]


def test_files_windows_and_macos_make_are_not_published_and_are_named(site, capsys):
    """static/.DS_Store was published: Finder's list of the folder's names, deleted
    pictures' too, for every reader to download; Thumbs.db, desktop.ini, `Icon\\r` and a
    Mac zip's __MACOSX/ as well. In content/, Thumbs.db was told to move to static/."""
    for name in SYSTEM_MADE:
        for folder in (site.root / "static", site.content):
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"\x00\x05\x16\x07Mac OS X")
    (site.root / "static/images/2019/hoi-nghi.jpg").write_bytes(b"jpeg")
    (site.root / "static/.nojekyll").write_bytes(b"")  # a dot file of one's own: published
    site.add("2019/bai.md", article("Hội nghị", "2019-04-05 08:00"))
    assert site.build() == 0
    err = capsys.readouterr().err
    published = tree(site.output)
    assert "images/2019/hoi-nghi.jpg" in published and ".nojekyll" in published
    made = [
        p
        for p in published
        if any(part in p for part in ("DS_Store", "Thumbs", "desktop", "Icon", "MACOSX", "._"))
    ]
    assert made == []
    assert "not published: 12 file(s)/folder(s) that Windows or macOS made" in err
    assert f"{site.content}/.DS_Store, {site.content}/Icon\\r, {site.content}/Thumbs.db" in err
    assert "pictures and documents to publish belong in static/" not in err
    assert "hidden file" not in err
    assert site.build("--quiet") == 0  # said on every build, even quiet ones
    assert "not published: 12 file(s)" in capsys.readouterr().err
