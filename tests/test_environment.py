"""The same sources give the same site whatever the environment the build runs in: the
umask, the terminal's encoding, the file system's spelling of names."""

import os
import stat
from pathlib import Path

import pytest
from conftest import article


def modes(root: Path) -> dict[str, int]:
    """The permission bits of root and of everything below it."""
    return {
        p.relative_to(root).as_posix(): stat.S_IMODE(p.stat().st_mode)
        for p in [root, *sorted(root.rglob("*"))]
    }


def readable(root: Path) -> dict[str, int]:
    """What `modes` finds that is not a file 0644 or a folder 0755."""
    return {
        rel: mode
        for rel, mode in modes(root).items()
        if mode != (0o755 if (root / rel).is_dir() else 0o644)
    }


def two_articles(site) -> None:
    site.add("2020/a.md", article("Hội nghị tổng kết", "2020-01-05 08:00", tags="[hội nghị]"))
    site.add("2021/b.md", article("Đường Láng thông xe", "2021-03-01 09:00"))


@pytest.mark.parametrize("umask", [0o077, 0o000, 0o002])
def test_published_files_are_readable_by_all_whatever_the_umask(site, umask):
    two_articles(site)
    old = os.umask(umask)
    try:
        assert site.build("--quiet") == 0
        site.add("2022/c.md", article("Bài mới", "2022-02-02 10:00"))
        assert site.build("--quiet") == 0  # a rebuild: the spare folder, hard links
    finally:
        os.umask(old)
    assert readable(site.output) == {}
    assert readable(site.output.with_name("_site.previous")) == {}
