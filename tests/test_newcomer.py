"""A newcomer's first commands from the wrong folder: told what is missing and what to do."""

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import REPO, SUBPROCESS_ENV, article, copy_static, tree

from newsarchive.cli import COMMANDS, parser


def run(cwd, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )


@pytest.mark.parametrize("command", [[], ["check"], ["new", "Tin mới"], ["serve", "--port", "0"]])
def test_a_folder_without_site_yaml_is_named_with_the_fix(site, tmp_path, command):
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    output = tmp_path / "out"
    options = ["--content", str(site.content)]
    if command[:1] != ["new"]:
        options += ["--output", str(output)]
    result = run(elsewhere, *command, *options)
    assert result.returncode == 1
    assert f"site.yaml: error: there is no site.yaml in this folder ({elsewhere})" in result.stderr
    assert "run the command in the archive's folder" in result.stderr
    assert "--config path/to/site.yaml" in result.stderr
    assert "template problem" not in result.stderr and "Traceback" not in result.stderr
    assert not output.exists() and list(elsewhere.iterdir()) == []


def test_a_command_run_in_a_folder_of_the_archive_names_the_folder_above(site):
    """A terminal opened in content/2019/ (where the editor was writing): the hint spoke
    of "the archive's folder", not of the one above that holds site.yaml."""
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00"))
    folder = site.content / "2019"
    result = run(folder)
    assert result.returncode == 1
    assert f"there is no site.yaml in this folder ({folder})" in result.stderr
    assert (
        f"how to fix: site.yaml is in {site.root}, a folder above this one: run the command "
        f"there (cd {site.root}), or name the file: --config {site.root / 'site.yaml'}"
    ) in result.stderr, result.stderr
    assert not site.output.exists()


@pytest.mark.parametrize("kind", ["content", "templates", "static"])
def test_a_missing_folder_written_in_site_yaml_is_named_at_its_line(site, kind):
    """The message named the folder as if it were a file of its own, not the line of
    site.yaml that names it: a newcomer did not know where 'giao-dien' came from."""
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00"))
    (site.root / "site.yaml").write_text(f"title: Tin\n{kind}_dir: giao-dien\n", encoding="utf-8")
    result = run(site.root)
    assert result.returncode == 1
    where = site.root / "giao-dien"
    assert f"site.yaml:2: error: {kind}_dir 'giao-dien': there is no folder {where}" in (
        result.stderr
    )
    assert f"relative to site.yaml (the default is {kind})" in result.stderr
    assert "404.html" not in result.stderr and "Traceback" not in result.stderr
    assert not (site.root / "_site").exists()

    if kind == "content":  # and each folder missing at once, not one a build
        (site.root / "site.yaml").write_text(
            "title: Tin\ncontent_dir: a\ntemplates_dir: b\nstatic_dir: c\n", encoding="utf-8"
        )
        said = run(site.root).stderr
        assert [
            f"site.yaml:{n}: error: {k}_dir" in said
            for n, k in [(2, "content"), (3, "templates"), (4, "static")]
        ] == [True] * 3, said
    result = run(site.root, f"--{kind}", "thu-muc")  # given on the command line instead
    assert result.returncode == 1
    assert f"thu-muc: error: the {kind} folder does not exist" in result.stderr
    assert f"correct the name given with --{kind}" in result.stderr
    assert not (site.root / "_site").exists()


def test_a_fresh_archive_folder_is_told_where_newsarchives_own_folders_are(tmp_path):
    """An archivist's first steps: a folder with a site.yaml, an import (which makes
    static/media/), a build. The build said "copy templates/ from newsarchive" and named
    neither where that is nor static/: with the templates copied as told, the site was
    built without its style sheet and search scripts, and only `check` found it out."""
    from capture_fixtures import JPEG, httrack_tree, items

    archive = tmp_path / "luu-tru"
    archive.mkdir()
    (archive / "site.yaml").write_text("title: Lưu trữ\n", encoding="utf-8")
    portal = items(1)
    crawl = httrack_tree(tmp_path / "crawl", portal, {portal[0].image: JPEG})
    assert run(archive, "import", str(crawl)).returncode == 0
    assert (archive / "static" / "media").is_dir()

    result = run(archive)
    assert result.returncode == 1 and not (archive / "_site").exists()
    assert "Traceback" not in result.stderr
    assert f"templates folder ({REPO / 'templates'})" in result.stderr, result.stderr
    assert f"static folder ({REPO / 'static'})" in result.stderr, result.stderr

    # Doing what it says gives the whole site: check finds no page without its styles.
    shutil.copytree(REPO / "templates", archive / "templates")
    copy_static(archive / "static")
    assert run(archive).returncode == 0
    checked = run(archive, "check")
    assert checked.returncode == 0, checked.stderr


def test_main_knows_every_command_of_the_help():
    """`build.py --quiet` means `build.py build --quiet`: main() tells a command from an
    option of build by cli.COMMANDS, which must list what the parser offers."""
    listed = re.findall(r"^    (\w+)\s{2,}", parser().format_help(), re.M)
    assert tuple(listed) == COMMANDS


def test_short_options_are_the_long_ones(site, tmp_path):
    """`-q` and `-j N`, as make and most tools spell them, were refused as unknown."""
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00"))
    short = run(site.root, "-q", "-j", "1", "--output", str(tmp_path / "short"))
    long = run(site.root, "--quiet", "--jobs", "1", "--output", str(tmp_path / "long"))
    assert short.returncode == long.returncode == 0, short.stderr
    assert short.stdout == long.stdout == "" and short.stderr == long.stderr == ""
    assert tree(tmp_path / "short") == tree(tmp_path / "long")
    assert (tmp_path / "short" / "2019" / "04").is_dir()
    noisy = run(site.root, "-j", "1", "--output", str(tmp_path / "noisy"))
    assert noisy.returncode == 0 and "1 article" in noisy.stdout + noisy.stderr


def test_a_folder_named_site_yaml_is_said_to_be_one(site):
    """`mkdir site.yaml` (a slip for touch, or a tool's folder) was "there is no site.yaml
    in this folder", sending the editor to look for what is there."""
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00"))
    (site.root / "site.yaml").unlink()
    (site.root / "site.yaml").mkdir()
    result = run(site.root)
    assert result.returncode == 1, result.stderr
    assert "site.yaml: error: this is a folder, not the site's settings file" in result.stderr
    assert "no site.yaml" not in result.stderr and "Traceback" not in result.stderr
    assert not site.output.exists()


@pytest.mark.parametrize("options", [[], ["--config", "site.yaml"]])
def test_a_site_yaml_that_is_a_named_pipe_is_said_to_be_one(site, options):
    """site.yaml left as a named pipe (a `mkfifo`, a tool's stand-in) was "no site.yaml in
    this folder" (or "--config site.yaml does not exist"), sending the editor to look for a
    file that is there. It is named for what it is, and never opened: a pipe would wait
    for a writer for ever."""
    site.add("2019/04/a.md", article("Bài A", "2019-04-10 08:00"))
    (site.root / "site.yaml").unlink()
    os.mkfifo(site.root / "site.yaml")
    result = run(site.root, *options)
    assert result.returncode == 1, result.stderr
    assert (
        "site.yaml: error: this is not a file (a named pipe, socket or device): it cannot "
        "be read as the site's settings"
    ) in result.stderr, result.stderr
    assert "no site.yaml" not in result.stderr and "does not exist" not in result.stderr
    assert "Traceback" not in result.stderr and not site.output.exists()
