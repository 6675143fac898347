"""Whole builds: determinism, atomic publish, drafts, static files, CLI."""

import os
import signal
import subprocess
import sys
import time

from conftest import REPO, SUBPROCESS_ENV, article, leftovers, tree

from newsarchive.cli import main


def many(site, n: int) -> None:
    for i in range(n):
        site.add(
            f"{i:03d}.md",
            article(f"Tin số {i} về phường Bạch Đằng", f"2020-01-{i % 28 + 1:02d} 08:{i % 60:02d}"),
        )


def in_progress(root, since):
    """Files the build wrote into the folder it brings up to the new site before
    swapping it in (since the time ``since``)."""
    spare = root / "_site.previous"
    return [p for p in spare.rglob("*") if p.is_file() and p.stat().st_mtime > since]


def test_two_builds_are_byte_identical(site, tmp_path):
    many(site, 30)
    assert site.build() == 0
    first = tree(site.output)
    assert site.build("--output", str(tmp_path / "second")) == 0
    assert tree(tmp_path / "second") == first


def test_drafts_are_not_published(site, capsys):
    site.add("a.md", article("Bản nháp", "2020-01-01", draft="true"))
    site.add("b.md", article("Đã đăng", "2020-01-01"))
    assert site.build() == 0
    assert "1 draft(s) not published" in capsys.readouterr().out
    assert not (site.output / "2020/01/ban-nhap").exists()
    assert (site.output / "2020/01/da-dang/index.html").exists()


def test_static_files_are_copied_as_they_are(site):
    (site.root / "static/CNAME").write_bytes(b"archive.example.vn\n")
    site.add("a.md", article("Tin", "2020-01-01"))
    assert site.build() == 0
    assert (site.output / "CNAME").read_bytes() == b"archive.example.vn\n"


def test_a_hidden_file_in_static_is_published_with_a_warning(site, capsys):
    """`static/.env` (a secret a tool wrote there) or `static/css/.htpasswd` (copied
    with the old server's files) went online with the rest in silence: a hidden file is
    published, said once a build; the ones the web reads (`.well-known/`, `.nojekyll`)
    and git's placeholders are not said."""
    (site.root / "static/.env").write_bytes(b"TOKEN=abc\n")
    (site.root / "static/css/.htpasswd").write_bytes(b"admin:x")
    (site.root / "static/.well-known").mkdir()
    (site.root / "static/.well-known/security.txt").write_bytes(b"Contact: x\n")
    for quiet in (".nojekyll", "images/.gitkeep"):
        (site.root / "static" / quiet).parent.mkdir(exist_ok=True)
        (site.root / "static" / quiet).write_bytes(b"")
    site.add("a.md", article("Tin", "2020-01-01"))
    assert site.build() == 0
    err = capsys.readouterr().err
    said = [line.split(": warning: ")[0] for line in err.splitlines() if ": warning: " in line]
    assert len(said) == 2, err
    assert said[0].endswith("static/.env") and said[1].endswith("static/css/.htpasswd"), err
    assert "a hidden file, published like every file of static/" in err, err
    assert (site.output / ".env").read_bytes() == b"TOKEN=abc\n"  # as the README says
    assert site.build("--strict") == 1


def test_a_static_file_may_not_hide_a_page(site, capsys):
    (site.root / "static/index.html").write_text("x", encoding="utf-8")
    site.add("a.md", article("Tin", "2020-01-01"))
    assert site.build() == 1
    assert "index.html" in capsys.readouterr().err


def test_a_killed_build_leaves_the_old_site(site):
    many(site, 20)
    assert site.build() == 0
    before = tree(site.output)
    # A template that takes long per page, so the kill lands mid-build.
    slow = "{% for i in range(3000000) %}{% endfor %}"
    path = site.root / "templates/article.html"
    path.write_text(path.read_text(encoding="utf-8") + slow, encoding="utf-8")
    # Every page changes, so each is written as soon as it is rendered.
    base = site.root / "templates/base.html"
    base.write_text(base.read_text(encoding="utf-8") + "<!-- v2 -->\n", encoding="utf-8")
    started = time.time()
    proc = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--config", str(site.root / "site.yaml")],
        cwd=site.root,
        env=SUBPROCESS_ENV,
    )
    deadline = time.monotonic() + 30
    while not in_progress(site.root, started) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert tree(site.output) == before
    assert in_progress(site.root, started), "the kill should land mid-build"
    # The next build cleans up after the killed one.
    path.write_text(path.read_text(encoding="utf-8").replace(slow, ""), encoding="utf-8")
    assert site.build() == 0
    assert not leftovers(site.root)


def test_usage_errors_exit_2(site, capsys, tmp_path):
    import pytest

    with pytest.raises(SystemExit) as exc:
        main(["build", "--no-such-option"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["build", "--config", str(tmp_path / "missing.yaml")])
    assert exc.value.code == 2
    assert "missing.yaml" in capsys.readouterr().err


def test_entry_points_run_the_same_cli(site):
    site.add("a.md", article("Tin", "2020-01-01"))
    config = str(site.root / "site.yaml")
    for command in (
        [sys.executable, str(REPO / "build.py")],
        [sys.executable, "-m", "newsarchive"],
    ):
        result = subprocess.run(
            [*command, "--config", config, "--quiet"],
            cwd=site.root,
            capture_output=True,
            text=True,
            env=SUBPROCESS_ENV,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""
    assert (site.output / "2020/01/tin/index.html").is_file()


def test_console_script_is_declared():
    from importlib.metadata import entry_points

    scripts = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    assert scripts.get("newsarchive") == "newsarchive.cli:run"


def hold_lock(site, owner_bytes: str, then: str) -> subprocess.Popen:
    """A process holding the site's build lock with ``owner_bytes`` (a Python bytes
    expression) written as its owner, which runs ``then`` once it holds it (stdin open)."""
    owner = site.root / "_site.lock" / "owner"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            f"fd = os.open({str(owner)!r}, os.O_RDWR)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "os.ftruncate(fd, 0)\n"
            f"os.pwrite(fd, {owner_bytes}, 0)\n"
            "print('held', flush=True)\n"
            f"{then}\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def test_a_lock_held_under_a_number_no_process_has_is_said_to_be_held(site):
    """A lock held while its owner file names a number no process can have (written over
    by hand, damaged): the build stopped with a traceback (os.kill's OverflowError), where
    any other owner's lock is said to be another build's."""
    many(site, 3)
    assert site.build() == 0
    holder = hold_lock(site, "b'9' * 25", "sys.stdin.read()")
    try:
        result = subprocess.run(
            [sys.executable, str(REPO / "build.py"), "--config", str(site.root / "site.yaml")],
            capture_output=True,
            text=True,
            env=SUBPROCESS_ENV,
            timeout=120,
        )
    finally:
        holder.communicate("")
    assert result.returncode != 0
    assert "another build or serve is running on this folder (pid 9999" in result.stderr
    assert "Traceback" not in result.stderr and "bug" not in result.stderr.lower()


def test_a_lock_held_by_a_dead_builds_dying_workers_is_waited_for(site):
    """kill -9 of a build leaves its workers to die after it, each holding the lock it
    inherited for some milliseconds: a build run at once was refused, naming the dead
    build as running. A process stands in for such a worker: it holds the lock, with the
    pid of a build that has ended written in it, and lets go a moment later."""
    many(site, 3)
    assert site.build() == 0
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # its pid names no process now
    worker = hold_lock(site, f"b'{gone.pid}'", "time.sleep(0.8)")
    assert site.build() == 0
    worker.wait()
