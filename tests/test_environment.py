"""The same sources give the same site whatever the environment the build runs in: the
umask, the terminal's encoding, the file system's spelling of names."""

import os
import shutil
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import REPO, SUBPROCESS_ENV, SiteDir, article, tree


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


def vietnamese_site(tmp_path: Path) -> SiteDir:
    """A site in a folder named in Vietnamese, as an editor's Documents folder is."""
    site = SiteDir(tmp_path / "Tài liệu" / "lưu trữ")
    two_articles(site)
    return site


def newsarchive(site: SiteDir, *args: str, **env: str) -> subprocess.CompletedProcess:
    """The command as an editor runs it, in the site's folder."""
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), *args],
        cwd=site.root,
        capture_output=True,
        env={**SUBPROCESS_ENV, **env},
    )


def test_a_python_without_what_newsarchive_needs_says_to_install_it(tmp_path):
    """`python3 build.py` in a terminal whose virtual environment is not active (-S: no
    site-packages) ended in a traceback, "No module named 'slugify'"."""
    site = vietnamese_site(tmp_path)
    done = subprocess.run(
        [sys.executable, "-S", str(REPO / "build.py")],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "No module named" in done.stderr and "python3 -m pip install -e ." in done.stderr
    assert not site.output.exists()


def test_a_missing_module_of_newsarchive_itself_is_not_said_to_be_uninstalled(tmp_path):
    """A module of the package that is gone or misnamed is a bug: "run pip install"
    cannot mend it, and its traceback names the file that imports it."""
    copy = tmp_path / "copy"
    shutil.copytree(REPO / "newsarchive", copy / "newsarchive")
    shutil.copy(REPO / "build.py", copy)
    markup = copy / "newsarchive" / "markup.py"
    markup.write_text(markup.read_text(encoding="utf-8").replace(".slugs ", ".slugz "), "utf-8")
    site = vietnamese_site(tmp_path)
    done = subprocess.run(
        [sys.executable, str(copy / "build.py")],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )
    assert done.returncode == 1, done.stderr
    assert "No module named 'newsarchive.slugz'" in done.stderr
    assert "pip install" not in done.stderr and "markup.py" in done.stderr, done.stderr


def test_a_terminal_that_cannot_show_vietnamese_gets_escapes_not_a_crash(tmp_path):
    """The summary names the output folder; stdout in ASCII (PYTHONIOENCODING, an old
    locale) failed on its letters after publishing: an internal error, exit 1."""
    site = vietnamese_site(tmp_path)
    done = newsarchive(site, "--jobs", "1", PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert b"-> " in done.stdout and b"T\\xe0i li\\u1ec7u" in done.stdout
    (site.root / "bài").mkdir()  # new makes no folder named with --content: a mistyped one
    made = newsarchive(
        site, "new", "Phường Bạch Đằng", "--content", "bài", PYTHONIOENCODING="ascii"
    )
    assert made.returncode == 0, made.stderr
    assert b"b\\xe0i/" in made.stdout


def test_a_locale_that_is_not_utf8_reads_names_and_arguments_as_utf8(tmp_path):
    """LC_ALL=C with PYTHONUTF8=0: Python reads file names and arguments as ASCII, so the
    build crashed in a folder named in Vietnamese and `new` took each letter's bytes for
    control characters."""
    site = vietnamese_site(tmp_path)
    c_locale = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}
    done = newsarchive(site, "--jobs", "1", **c_locale)
    assert done.returncode == 0, done.stderr
    assert (site.output / "2021/03/duong-lang-thong-xe/index.html").is_file()
    made = newsarchive(site, "new", "Phường Bạch Đằng", **c_locale)
    assert made.returncode == 0, made.stderr
    path = site.root / made.stdout.decode().strip()
    assert 'title: "Phường Bạch Đằng"\n' in path.read_text(encoding="utf-8")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_a_static_file_named_in_nfd_is_published_under_the_name_articles_link_to(site, capsys):
    """macOS (HFS+, and files copied from it) spells 'Ảnh' in NFD; articles are NFC, and so
    are the addresses browsers ask for: the picture was published under a name no link
    reached, with a warning that the file did not exist."""
    (site.root / "static" / nfd("ảnh")).mkdir()
    (site.root / "static" / nfd("ảnh") / nfd("Hội nghị.jpg")).write_bytes(b"jpeg")
    site.add(
        "a.md",
        article("Hội nghị", "2020-01-05 08:00", "![Hội nghị](/ảnh/Hội nghị.jpg)"),
    )
    assert site.build("--strict") == 0, capsys.readouterr().err
    assert (site.output / "ảnh" / "Hội nghị.jpg").read_bytes() == b"jpeg"
    assert sorted(os.listdir(site.output / "ảnh")) == ["Hội nghị.jpg"]
    assert "ảnh" in os.listdir(site.output)


def test_two_static_files_one_name_in_nfc_and_nfd_are_refused(site, capsys):
    """Linux holds both; one name on the site, and one file on macOS."""
    (site.root / "static" / "Ảnh.jpg").write_bytes(b"one")
    (site.root / "static" / nfd("Ảnh.jpg")).write_bytes(b"two")
    site.add("a.md", article("Hội nghị", "2020-01-05 08:00"))
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "the same name" in err and "Ảnh.jpg" in err
    assert not site.output.exists()


def test_a_system_without_a_time_zone_database_builds_all_the_same(site):
    """Alpine and distroless images have no /usr/share/zoneinfo: the build stopped on
    'unknown time zone Asia/Ho_Chi_Minh' (an internal error without a timezone key)."""
    site.add("a.md", article("Giao thừa", "2019-12-31T17:30:00Z"))
    site.configure(timezone=None)
    done = newsarchive(site, "--jobs", "1", PYTHONTZPATH=str(site.root / "no-zoneinfo"))
    assert done.returncode == 0, done.stderr
    page = site.read("2020/01/giao-thua/index.html")
    assert 'datetime="2020-01-01T00:30:00+07:00"' in page


def _can_unshare() -> bool:
    try:
        return subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode == 0
    except OSError:
        return False


@pytest.mark.skipif(not _can_unshare(), reason="needs unshare (Linux mount namespaces)")
def test_the_templates_folder_by_another_name_is_refused_as_output(site):
    """On macOS and Windows (and WSL's /mnt/c) `Templates` is `templates`: the folder was
    compared by name, passed as a site (it holds 404.html and robots.txt), and the build
    replaced it by the site, deleting every template. A bind mount of the project gives
    the folder a second name on Linux too."""
    two_articles(site)
    other = site.root.parent / "the same project"
    other.mkdir()
    templates = sorted(p.name for p in (site.root / "templates").iterdir())
    script = f'mount --bind "{site.root}" "{other}" && exec "$@"'
    build = [sys.executable, str(REPO / "build.py"), "--output", str(other / "templates")]
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", *build],
        cwd=site.root,
        capture_output=True,
        env=SUBPROCESS_ENV,
    )
    assert done.returncode == 1, done.stdout
    assert b"it is the templates folder" in done.stderr
    assert sorted(p.name for p in (site.root / "templates").iterdir()) == templates


def test_two_old_addresses_apart_only_in_letter_case_are_refused(site, capsys):
    """On macOS and Windows /Tin/abc.html and /tin/abc.html are one file: the redirect
    written last (whichever worker finished last) replaced the other, and one old
    address led to the wrong article."""
    site.add("a.md", article("Hội nghị", "2020-01-05 08:00", aliases="[/Tin/abc.html]"))
    site.add("b.md", article("Thông báo", "2020-01-06 08:00", aliases="[/tin/ABC.html]"))
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "b.md:4: error: the old address /tin/ABC.html and the old address /Tin/abc.html" in err
    assert "a.md:4 differ only in letter case" in err, err
    assert not site.output.exists()


def test_one_article_may_keep_old_addresses_apart_only_in_letter_case(site):
    """Its redirects are the same page: one file on macOS, two on Linux, as readers ask."""
    aliases = "[/Tin/abc.html, /tin/abc.html]"
    site.add("a.md", article("Hội nghị", "2020-01-05 08:00", aliases=aliases))
    assert site.build("--quiet") == 0
    assert site.read("Tin/abc.html") == site.read("tin/abc.html")


def without_libyaml(tmp_path: Path) -> dict[str, str]:
    """The environment of a Python whose PyYAML has no libyaml (built from source, a
    Python newer than its wheels, PyPy): a sitecustomize that takes the C loaders away."""
    folder = tmp_path / "no-libyaml"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(
        "import yaml\n"
        "for name in [n for n in dir(yaml) if n.startswith('C') and n[1:2].isupper()]:\n"
        "    delattr(yaml, name)\n",
        encoding="utf-8",
    )
    return {"PYTHONPATH": f"{folder}{os.pathsep}{REPO}"}


def test_tabs_in_the_front_matter_build_alike_with_and_without_libyaml(tmp_path):
    """libyaml takes a tab after `title:`, in a [list], inside a value and before a note;
    PyYAML's own scanner refused each ("found character '\\t' that cannot start any
    token"): the same articles built on one machine and stopped the build on another."""
    sites = [SiteDir(tmp_path / name) for name in ("libyaml", "python")]
    for site in sites:
        site.add(
            "2020/a.md",
            "---\ntitle:\tHội nghị tổng kết\ndate: 2020-01-05 08:00\t\n"
            "tags: [hội nghị,\tcán bộ]\t# a note\nsummary: Một\tcâu\n"
            "author: Ban\n  \tBiên tập\n---\nNội dung.\n",
        )
    for site, env in zip(sites, [{}, without_libyaml(tmp_path)], strict=True):
        done = newsarchive(site, "--jobs", "1", "--output", str(tmp_path / "out"), **env)
        assert done.returncode == 0, done.stderr
        (tmp_path / "out").rename(site.output)
    assert tree(sites[1].output) == tree(sites[0].output)
    assert "Hội nghị tổng kết" in sites[0].read("2020/01/hoi-nghi-tong-ket/index.html")


def test_broken_yaml_is_told_alike_with_and_without_libyaml(tmp_path):
    """PyYAML's own parser words its errors otherwise than libyaml, whose words the hints
    look for: without libyaml a comma too many in a list, a correction's `text:` under
    its '-' and a list not closed on the last line got the general hint, and other
    messages read otherwise ("found character '@' that ..."), at other columns."""
    site = SiteDir(tmp_path / "site")
    top = "---\ntitle: Tin\ndate: 2020-01-05 08:00\n"
    for name, lines in {
        "comma": "tags: [a, , b]\n",
        "correction": "corrections:\n  - date: 2026-03-05\n  text: Sửa tên\n",
        "last-list": "tags: [a, b",
        "last-group": "params: {a: 1",
        "colon": "summary: Hội nghị: tổng kết\n",
        "at": "author: @ban\n",
        "escape": 'summary: "C:\\du-lieu"\n',
        "indented": "withdrawn:\n  date: 2026-03-05\n reason: x\n",
        "dash": "author: - a\n",
        "end": "...\nsummary: x\n",
    }.items():
        site.add(f"2020/{name}.md", top + lines.rstrip("\n") + "\n---\nNội dung.\n")
    with_c = newsarchive(site, "--jobs", "1")
    without = newsarchive(site, "--jobs", "1", **without_libyaml(tmp_path))
    assert with_c.returncode == without.returncode == 1
    assert b"a comma with no item before it" in with_c.stderr
    assert without.stderr.decode() == with_c.stderr.decode()


@pytest.mark.skipif(not _can_unshare(), reason="needs unshare (Linux mount namespaces)")
def test_a_read_only_project_is_told_to_build_without_the_cache(tmp_path):
    """A project on a read-only disk (a CD, a share, a container's image) built with
    --output elsewhere stopped at its `.cache` with "make the folder writable, or choose
    another --output": the output was already elsewhere; --no-cache builds it."""
    site = SiteDir(tmp_path / "project")
    two_articles(site)
    out = tmp_path / "out" / "site"
    out.parent.mkdir()
    script = f'mount --bind "{site.root}" "{site.root}" && mount -o remount,bind,ro "{site.root}"'

    def build(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, str(REPO / "build.py"), "--output", str(out), *args]
        return subprocess.run(
            ["unshare", "-rm", "sh", "-c", script + ' && exec "$@"', "sh", *command],
            cwd=site.root,
            capture_output=True,
            text=True,
            env=SUBPROCESS_ENV,
        )

    done = build("--jobs", "1")
    assert done.returncode == 1 and "Read-only file system" in done.stderr, done.stderr
    assert "--no-cache" in done.stderr and "--output" not in done.stderr, done.stderr
    done = build("--jobs", "1", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in site.root.iterdir()) == [
        "content",
        "site.yaml",
        "static",
        "templates",
    ]


def test_a_path_too_long_in_all_is_not_said_to_hold_a_name_too_long(tmp_path, capsys):
    """A project deep in folders (Linux allows 4,096 bytes in a path, macOS 1,024) and an
    old address of 1,400 characters: "a name in this path is too long (at most 255 bytes):
    shorten it", though no name was over 255 bytes; the whole path was."""
    deep = tmp_path.joinpath(*["thư mục lưu trữ " * 6] * 22)
    deep.mkdir(parents=True)
    site = SiteDir(deep / "site")
    alias = "/" + "/".join(["tin-tuc-su-kien-" * 12] * 7) + "/a.html"
    site.add("2020/a.md", article("Tin", "2020-01-05 08:00", aliases=f"[{alias}]"))
    assert len(os.fsencode(site.output / alias.lstrip("/"))) > 4096
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "File name too long" in err and "at most 255 bytes" not in err, err
    assert "the whole path" in err and "a folder with a shorter path" in err, err


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_checkout_by_git_for_windows_builds_the_same_site(tmp_path):
    """git for Windows checks text files out with CRLF line ends (core.autocrlf=true, its
    installer's default): the style sheet, the scripts and the icon were published with
    them, and the site of a Windows clone differed from every other one."""
    origin = SiteDir(tmp_path / "origin")
    two_articles(origin)
    shutil.copy(REPO / ".gitattributes", origin.root)
    git = ["git", "-c", "user.name=a", "-c", "user.email=a@b", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=origin.root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=origin.root, check=True)
    subprocess.run([*git, "commit", "-qm", "site"], cwd=origin.root, check=True)
    windows = tmp_path / "windows"
    clone = ["git", "-c", "core.autocrlf=true", "clone", "-q", str(origin.root), str(windows)]
    subprocess.run(clone, check=True)
    sites = [origin.root, windows]
    for root in sites:
        done = subprocess.run(
            [sys.executable, str(REPO / "build.py"), "--quiet", "--jobs", "1"],
            cwd=root,
            capture_output=True,
            env=SUBPROCESS_ENV,
        )
        assert done.returncode == 0, done.stderr
    assert tree(windows / "_site") == tree(origin.output)


def test_a_static_file_apart_from_a_page_only_in_letter_case_is_refused(site, capsys):
    """static/Feed.xml beside the feed.xml the build writes: one file on macOS and
    Windows, where the one written last replaced the other (a feed reader got the static
    file, or the reader of the static file the feed), and nothing was said."""
    site.add("2020/a.md", article("Hội nghị", "2020-01-05 08:00"))
    (site.root / "static" / "Feed.xml").write_text("<rss/>", encoding="utf-8")
    (site.root / "static" / "2020" / "01" / "Hoi-Nghi").mkdir(parents=True)
    (site.root / "static" / "2020" / "01" / "Hoi-Nghi" / "index.html").write_text("<p>")
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "/feed.xml and the static file" in err and "Feed.xml differ only in letter" in err
    assert "/2020/01/hoi-nghi/ and the static file" in err, err
    assert "rename or move the static file" in err, err
    assert not site.output.exists()


def test_two_articles_named_alike_but_for_the_unicode_form_are_warned_of(site, capsys):
    """content/2020/bài viết.md in NFC and in NFD (as a Mac writes it) are two files on
    Linux and one on macOS, whose clone keeps one of them: capitals were warned of, this
    was not."""
    site.add("2020/bài viết.md", article("Tin một", "2020-01-05 08:00"))
    site.add(nfd("2020/bài viết.md"), article("Tin hai", "2020-01-05 09:00"))
    assert site.build() == 0
    err = unicodedata.normalize("NFC", capsys.readouterr().err)  # one of the two is NFD
    assert "warning: this name and 'bài viết.md' beside it differ only in the Unicode" in err, err
    assert site.build("--strict") == 1


def test_a_system_without_o_nofollow_or_o_nonblock_builds(site, monkeypatch):
    """Windows' os has neither O_NOFOLLOW nor O_NONBLOCK (nor named pipes in a folder):
    the opening of the build's own files (cache, lock) that asks for both, so that a link
    or a pipe in their place is refused, failed every build there as an internal error."""
    two_articles(site)
    assert site.build("--jobs", "1") == 0
    for flag in ("O_NOFOLLOW", "O_NONBLOCK"):
        monkeypatch.delattr(os, flag)
    site.add("2020/c.md", article("Bài thứ ba", "2020-01-07 08:00"))
    assert site.build("--jobs", "1") == 0  # the cache and the lock read and written
    assert (site.output / "2020/01/bai-thu-ba/index.html").is_file()
