"""Publishing under attack: what a careless or hostile editor (or a full disk, a
second build, a kill -9) does to the output folder, the cache and the sources.

Every case ends in a clear message and exit 1 with the previous site and every
source byte for byte as they were, or in a correct site; never in a traceback.
Cases that need root (mounting a small or read-only file system) use a tmpfs and
are skipped elsewhere; the others run anywhere.
"""

import contextlib
import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from conftest import REPO, SEED_CAPTURE, SUBPROCESS_ENV, SiteDir, article, leftovers, tree

from newsarchive import ownfolders, publish
from newsarchive.cli import main
from newsarchive.outputguard import MARK

ROOT = os.geteuid() == 0


def project(root: Path) -> dict[str, bytes]:
    """Every file of the project folder (sources, config, built site, cache)."""
    return tree(root)


def small_site(site: SiteDir, n: int = 6) -> None:
    for i in range(n):
        site.add(
            f"2020/bai-{i}.md",
            article(f"Tin số {i} phường Bạch Đằng", f"2020-0{i % 9 + 1}-1{i % 9} 08:00"),
        )


def built(site: SiteDir, n: int = 6) -> dict[str, bytes]:
    small_site(site, n)
    assert site.build("--quiet", "--no-search") == 0
    return tree(site.output)


def build_in_subprocess(site: SiteDir, *args: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--config", str(site.root / "site.yaml"), *args],
        cwd=site.root,
        env={**SUBPROCESS_ENV, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def no_traceback(text: str) -> None:
    assert "Traceback" not in text, text


# 1. The output folder can never be, contain or sit inside the project's own files.


@pytest.mark.parametrize(
    "folder",
    [
        "content",
        ".",
        "templates",
        "static",
        ".git",
        "content/2020",
        "templates/sub",
        ".git/objects",
        "..",
        ".cache/newsarchive",
    ],
)
def test_the_output_folder_may_not_replace_the_project(site, capsys, monkeypatch, folder):
    monkeypatch.chdir(site.root)  # --output is relative to the current folder
    (site.root / ".git").mkdir()
    (site.root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (site.root / ".git" / "objects").mkdir()
    built(site)
    before = project(site.root)
    for command in (["build"], ["build", "--offline"]):
        code = main([*command, "--config", str(site.root / "site.yaml"), "--output", folder])
        assert code == 1
        err = capsys.readouterr().err
        assert "cannot hold the built site" in err and "how to fix" in err, err
        assert project(site.root) == before


@pytest.mark.parametrize("name", ["_site\n", "  _site", "_site ", " ", "_si\tte"])
def test_an_output_folder_name_with_a_slip_of_typing_is_refused(site, capsys, monkeypatch, name):
    """`output_dir: "_site\n"` (a quoted value broken over two lines), `--output ' '`, a
    name begun or ended with spaces: each made a folder of that name, which the file
    manager shows as `_site` beside the real one, or as nothing at all."""
    monkeypatch.chdir(site.root)
    before, names = project(site.root), sorted(os.listdir(site.root))
    assert main(["build", "--config", str(site.root / "site.yaml"), "--output", name]) == 1
    err = capsys.readouterr().err
    assert "cannot hold the built site" in err and "how to fix" in err, err
    assert "Traceback" not in err
    assert project(site.root) == before
    assert sorted(os.listdir(site.root)) == names  # no folder made of the name


def test_serve_refuses_such_a_folder_before_serving(site, capsys, monkeypatch):
    monkeypatch.chdir(site.root)
    built(site)
    before = project(site.root)
    args = ["serve", "--config", str(site.root / "site.yaml"), "--port", "0"]
    assert main([*args, "--output", str(site.content)]) == 1
    assert "it is the content folder" in capsys.readouterr().err
    assert main([*args, "--output", "a" * 300]) == 1
    assert "longer than 255 bytes" in capsys.readouterr().err
    assert project(site.root) == before


@pytest.mark.parametrize("value", ["content", ".", "static/x", "templates"])
def test_output_dir_in_site_yaml_is_checked_with_its_line(site, capsys, value):
    before_site = built(site)
    site.configure(output_dir=value)
    before = project(site.root)
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "site.yaml:" in err and "output_dir" in err and "cannot hold" in err, err
    assert project(site.root) == before
    assert tree(site.output) == before_site


def test_a_folder_in_site_yaml_from_the_home_folder(site, tmp_path, monkeypatch):
    """`output_dir: ~/...` is in the home folder, as in a terminal: not a folder named
    "~" made inside the project; `~` alone, the home folder itself, is refused."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    site.add("a.md", article("Tin", "2020-01-02 08:00"))
    site.configure(output_dir="~/lưu-trữ")
    assert site.build() == 0
    assert (home / "lưu-trữ" / "index.html").is_file()
    assert not (site.root / "~").exists()
    before = tree(home)
    site.configure(output_dir="~")
    assert site.build() == 1
    assert tree(home) == before


def test_an_output_path_that_is_a_file_or_someone_elses_folder_is_refused(site, capsys, tmp_path):
    built(site)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    mine = tmp_path / "Documents"
    (mine / "thesis").mkdir(parents=True)
    (mine / "thesis" / "chapter1.md").write_text("mine", encoding="utf-8")
    # Someone's own web pages: the files a build writes are no proof it made them (the
    # folder was taken over, and the next build deleted the rest of it).
    web = tmp_path / "my-web"
    (web / "photos").mkdir(parents=True)
    for name in ("index.html", "404.html", "robots.txt", "photos/wedding.jpg"):
        (web / name).write_text("mine", encoding="utf-8")
    for folder, why in [
        (a_file, "is a file"),
        (a_file / "site", "is a file"),
        (mine, "no site built here"),
        (web, "no site built here (no my-web.lock folder beside it"),
    ]:
        before = tree(tmp_path)
        assert site.build("--output", str(folder)) == 1
        err = capsys.readouterr().err
        assert why in err, err
        no_traceback(err)
        assert tree(tmp_path) == before


def test_a_site_restored_without_its_lock_folder_is_built_over(site, tmp_path):
    """The Pages workflow restores _site and the cache, not _site.lock: the stamp of the
    search index shows the folder was built here. Without it, it is refused."""
    site.add("a.md", article("Tin một", "2021-01-01 08:00"))
    assert site.build("--quiet") == 0
    shutil.rmtree(site.root / "_site.lock")
    shutil.rmtree(site.root / "_site.previous", ignore_errors=True)
    site.add("b.md", article("Tin hai", "2021-01-02 08:00"))
    assert site.build("--quiet") == 0
    assert "Tin hai" in site.read("index.html")
    shutil.rmtree(site.root / "_site.lock")
    shutil.rmtree(site.output / "tim-kiem" / "chi-muc")
    assert site.build("--quiet") == 1


def test_a_content_folder_without_articles_does_not_empty_a_site_that_has_some(
    site, capsys, tmp_path
):
    """`content_dir: templates` (or a folder not mounted) built 0 articles and replaced
    the archive with an empty site, exit 0."""
    before = built(site)
    empty = tmp_path / "empty"
    empty.mkdir()
    for wrong in (["--content", str(site.root / "templates")], ["--content", str(empty)]):
        assert site.build(*wrong) == 1
        err = capsys.readouterr().err
        assert "holds no article file (*.md), but the site in _site has articles" in err, err
        assert "check content_dir in site.yaml (or --content)" in err
        # A fork that published the district's articles, then deleted them: on GitHub,
        # _site is the cache's, which the editor cannot delete by hand.
        assert "delete the caches named site-… in the repository's Actions tab" in err
        no_traceback(err)
        assert tree(site.output) == before
    # A new site without articles builds; so does one whose old site was deleted.
    fresh = tmp_path / "fresh"
    assert site.build("--content", str(empty), "--output", str(fresh)) == 0
    shutil.rmtree(site.output)
    assert site.build("--content", str(empty)) == 0


def _broken_first_build(site: SiteDir, how: str) -> None:
    """One mistake an editor or maintainer makes before the site was ever built."""
    site.add("a.md", article("Tin một", "2021-01-01 08:00"))
    strings = site.root / "templates" / "strings.yaml"
    if how == "strings.yaml":
        strings.write_text(strings.read_text(encoding="utf-8") + "bogus: [\n", encoding="utf-8")
    elif how == "placeholder":
        text = strings.read_text(encoding="utf-8")
        strings.write_text(text + 'footnote_back: "{numbr}"\n', encoding="utf-8")
    elif how == "template":
        page = site.root / "templates" / "article.html"
        page.write_text(page.read_text(encoding="utf-8") + "{% if %}\n", encoding="utf-8")
    elif how == "template at render":
        _misspelt_word(site)
    elif how == "site.yaml":
        site.configure(per_page=-3)
    else:
        site.add("b.md", "---\ntitle: Tin hai\ndate: nope\n---\n")


def _misspelt_word(site: SiteDir) -> None:
    """A word strings.yaml does not have, found only when a page is rendered."""
    page = site.root / "templates" / "base.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("</body>", "{{ t.no_such }}</body>"), encoding="utf-8")


@pytest.mark.parametrize(
    "how",
    ["strings.yaml", "placeholder", "template", "template at render", "site.yaml", "article"],
)
def test_a_first_build_that_fails_leaves_no_spare_folder(site, capsys, how):
    """A first build stopped at strings.yaml (or a template) left an empty _site.previous
    marked as the build's own beside a site never built."""
    _broken_first_build(site, how)
    before = set(os.listdir(site.root))
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    # There is no previous site to be unchanged (it was said, of a site never built);
    # a broken site.yaml does not say where the site is.
    said = "nothing was written." if how == "site.yaml" else "(there is no site yet)."
    assert "error" in err and said in err, err
    assert "previous site" not in err, err
    no_traceback(err)
    # The build's cache and lock folder are kept on purpose (README, "the folder every
    # build makes beside its output"): nothing else.
    assert set(os.listdir(site.root)) - before <= {".cache", "_site.lock"}
    assert site.build("--no-search") == 1  # and again, after the first failure
    assert set(os.listdir(site.root)) - before <= {".cache", "_site.lock"}


@pytest.mark.parametrize("how", ["article", "template at render"])
def test_a_first_build_that_fails_into_new_folders_leaves_none(site, capsys, how):
    """A first build into `out/deep/_site` (no out/ yet) that failed left out/deep/ with
    _site.lock in it: a folder the editor never made, and a lock folder that says a site
    was built here (a folder of someone's named so later would be taken for the site)."""
    _broken_first_build(site, how)
    before = set(os.listdir(site.root))
    assert site.build("--no-search", "--output", str(site.root / "out/deep/_site")) == 1
    err = capsys.readouterr().err
    assert "nothing was written (there is no site yet)." in err, err
    assert set(os.listdir(site.root)) - {".cache"} == before  # the cache is kept
    # Beside an existing folder: its lock folder was not there, and is not left either.
    (site.root / "out").mkdir()
    out = str(site.root / "out" / "_site")
    assert site.build("--no-search", "--output", out) == 1
    assert os.listdir(site.root / "out") == []
    # A build that gets as far as a site keeps its lock folder (the sign of a site here).
    site.add("b.md", article("Tin hai", "2021-01-02 08:00"))
    if how == "template at render":
        shutil.copy(REPO / "templates" / "base.html", site.root / "templates" / "base.html")
    assert site.build("--no-search", "--output", out) == 0
    assert sorted(os.listdir(site.root / "out")) == ["_site", "_site.lock"]


def test_a_failed_build_beside_a_site_without_a_spare_leaves_none(site, capsys):
    """A site restored without _site.previous (the Pages workflow restores _site only):
    a build that fails does not leave a half-made spare beside it."""
    before = built(site)
    shutil.rmtree(site.root / "_site.previous", ignore_errors=True)
    _misspelt_word(site)
    assert site.build("--no-search") == 1
    capsys.readouterr()
    assert not (site.root / "_site.previous").exists()
    assert tree(site.output) == before


def test_the_spare_copy_of_a_site_is_refused_as_an_output(site, capsys):
    """`--output _site.previous` built a site there (and its own spare beside it), and
    every build after that refused to replace the folder it no longer knew."""
    built(site)
    assert site.build("--quiet") == 0  # a second build: the spare copy is there
    spare = site.root / "_site.previous"
    assert spare.is_dir()
    before = project(site.root)
    assert site.build("--output", str(spare)) == 1
    err = capsys.readouterr().err
    assert "it is the spare copy a build keeps beside _site" in err, err
    no_traceback(err)
    assert project(site.root) == before
    assert site.build("--quiet") == 0
    # Before there is one (a fresh clone): by its name.
    shutil.rmtree(spare)
    assert site.build("--output", str(spare)) == 1
    assert "it is the spare copy a build keeps beside _site" in capsys.readouterr().err
    assert not spare.exists()


def test_the_lock_folder_of_a_site_is_refused_as_an_output(site, capsys):
    """`--output _site.lock` in a fresh clone (no lock folder yet) built a site there,
    and every build of _site after that stopped: "the build keeps its lock for _site in
    this folder, but it holds files the build did not make"."""
    small_site(site)
    lock = site.root / "_site.lock"
    assert site.build("--output", str(lock)) == 1
    err = capsys.readouterr().err
    assert "it is the lock folder a build keeps beside _site" in err, err
    no_traceback(err)
    assert not lock.exists()
    assert site.build("--quiet") == 0
    assert site.build("--output", str(lock)) == 1  # and once it is there
    assert "it is the lock folder a build keeps beside _site" in capsys.readouterr().err
    assert site.build("--quiet") == 0


def test_an_output_that_is_a_link_to_a_folder_is_refused(site, capsys, tmp_path):
    """`_site -> /var/www/html` (a web server's folder): the first build made a folder
    _site of its own and moved the link aside as _site.previous, so the web server's
    folder never got the site, and every build after that stopped on _site.previous,
    "a link or a file, not a folder the build made"."""
    small_site(site)
    www = tmp_path / "www"
    www.mkdir()
    site.output.symlink_to(www)
    for _ in range(2):
        assert site.build() == 1
        err = capsys.readouterr().err
        assert "_site: error: this folder cannot hold the built site: it is a symbolic link" in err
        assert str(www) in err, err
        no_traceback(err)
        assert site.output.is_symlink() and not list(www.iterdir())
        assert not (site.root / "_site.previous").exists()
    assert site.build("--quiet", "--output", str(www)) == 0  # as the message says
    assert (www / "index.html").is_file()


# The spare folder and the leftovers the build removes are its own, never someone's.


def test_a_content_folder_named_as_the_spare_is_never_touched(site, capsys):
    small_site(site)
    articles = site.root / "arts.previous"
    shutil.copytree(site.content, articles)
    before = tree(articles)
    for _ in range(2):  # and the next build says the same
        code = site.build("--content", str(articles), "--output", str(site.root / "arts"))
        assert code == 1
        err = capsys.readouterr().err
        said = "arts.previous: error: the build would replace or remove this folder, but it is "
        assert said + "the content folder" in err, err
        assert "rename or move this folder" in err and "nothing was written" in err, err
        assert "delete" not in err, "never advise deleting the articles"
        no_traceback(err)
        assert tree(articles) == before
        assert not (site.root / "arts").exists()
        assert not (site.root / "arts.lock").exists()


def test_a_spare_not_the_builds_beside_the_preview_names_the_preview_folder(
    site, capsys, monkeypatch
):
    """A project folder copied elsewhere (its folders get other identities): serve's
    preview stopped on .cache/serve.previous with "the build keeps the previous version
    of serve here", the folder's last name read as a word; it now names .cache/serve."""
    small_site(site)
    monkeypatch.chdir(site.root)
    spare = site.root / ".cache" / "serve.previous"
    spare.mkdir(parents=True)
    (spare / "index.html").write_text("<p>bản cũ</p>", encoding="utf-8")
    assert site.build("--no-search", "--output", str(site.root / ".cache" / "serve")) == 1
    err = capsys.readouterr().err
    assert "the build keeps the previous version of .cache/serve here" in err, err
    no_traceback(err)
    assert (spare / "index.html").is_file()


@pytest.mark.parametrize("name", ["arts.lock", "arts.lock/2020"])
def test_a_content_folder_named_as_the_lock_folder_is_never_written_into(site, capsys, name):
    """The lock folder is the output's name + .lock: the build wrote its pid and its
    record of folders into the articles' folder (or left them beside the articles)."""
    small_site(site)
    articles = site.root / name
    shutil.copytree(site.content, articles)
    before = tree(site.root / "arts.lock")
    code = site.build("--content", str(articles), "--output", str(site.root / "arts"))
    assert code == 1
    err = capsys.readouterr().err
    said = "arts.lock: error: the build keeps its lock for arts in this folder, but it "
    assert said + ("is the content folder" if name == "arts.lock" else "contains the") in err
    assert "choose another --output" in err and "nothing was written" in err, err
    assert "delete" not in err, "never advise deleting the articles"
    no_traceback(err)
    assert tree(site.root / "arts.lock") == before
    assert not (site.root / "arts").exists()


def test_someones_files_in_the_lock_folder_are_refused_and_left_as_they_are(site, capsys):
    small_site(site)
    folder = site.root / "_site.lock"
    folder.mkdir()
    (folder / "owner").write_text("chủ sở hữu: tôi", encoding="utf-8")  # a name we write
    (folder / "notes.txt").write_text("ghi chú của tôi", encoding="utf-8")
    before = tree(folder)
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    said = "_site.lock: error: the build keeps its lock for _site in this folder, but it "
    assert said + "holds files the build did not make (notes.txt)" in err, err
    assert tree(folder) == before
    assert not site.output.exists()
    (folder / "notes.txt").unlink()
    assert site.build("--quiet", "--no-search") == 0  # its own names only: taken


def test_a_folder_another_build_renames_while_this_one_looks_is_judged_under_the_lock(
    site, capsys, monkeypatch
):
    """Builds started together: one listed the folders beside the output while the
    other renamed one of them (a leftover it removed, the spare it swapped) and called
    it "a link or a file, not a folder the build made". Only what it sees under the
    lock, where no other build changes them, may refuse a folder."""
    built(site)
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    listed = ownfolders.beside
    gone = site.root / "_site.old-0123456789"  # listed, then renamed by the other build
    calls = []

    def beside_as_listed_before_a_rename(output_dir):
        calls.append(output_dir)
        return [*listed(output_dir), gone] if len(calls) == 1 else listed(output_dir)

    monkeypatch.setattr(ownfolders, "beside", beside_as_listed_before_a_rename)
    assert site.build("--quiet", "--no-search") == 0, capsys.readouterr().err
    assert "Tin mới" in site.read("index.html")
    assert len(calls) >= 3  # before the lock, under it, and recover's


def test_someones_folder_is_named_once_the_build_running_beside_it_is_done(site, capsys, tmp_path):
    """While another build holds the lock, what it is doing may look like someone's
    folder: that build running is the message; the folder is named when it is done."""
    built(site)
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    go = tmp_path / "go"  # the first build waits before its swap until this exists
    first = build_in_subprocess(
        site, "--quiet", "--no-search", NEWSARCHIVE_TEST_HOLD_AT_SWAP=str(go)
    )
    try:
        _wait_for_lock_owner(site, first)
        # Made once the build has looked at the folders beside _site (it holds at its
        # swap): made sooner, on a busy machine, the build itself stopped on it.
        assert first.stderr is not None
        assert first.stderr.readline() == "newsarchive-test: holding before the swap\n"
        folder = _someones_folder(site, "_site.old-2024")
        assert site.build("--no-search") == 1
        err = capsys.readouterr().err
        assert f"another build or serve is running on this folder (pid {first.pid})" in err, err
        assert "_site.old-2024" not in err, err
    finally:
        go.touch()
        _out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    assert "_site.old-2024: error: the build would replace or remove this folder" in err, err
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "ghi chú của tôi"


@pytest.mark.parametrize(
    ("option", "folder", "said"),
    [
        ("--content", ".cache/newsarchive", "it is the content folder"),
        ("--content", ".cache/newsarchive/2020", "it contains the content folder"),
        ("--content", ".cache", "it is inside the content folder"),
        ("--static", ".cache", "it is inside the static folder"),  # published the cache
        ("--templates", ".cache/newsarchive/giao-dien", "it contains the templates folder"),
    ],
)
def test_the_cache_never_mixes_with_the_articles_templates_or_static_files(
    site, capsys, option, folder, said
):
    small_site(site)
    source = {"--content": site.content, "--static": site.root / "static"}.get(
        option, site.root / "templates"
    )
    moved = site.root / folder
    moved.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source, moved)
    before = tree(site.root)
    for _ in range(2):
        assert site.build(option, str(moved), "--no-search") == 1
        err = capsys.readouterr().err
        assert (
            ".cache/newsarchive: error: the build keeps its cache in this folder, but " + said
            in err
        ), err
        assert "keep the articles, templates and static files out of .cache/" in err, err
        assert "nothing was written" in err
        no_traceback(err)
        assert tree(site.root) == before
        assert not site.output.exists()


@pytest.mark.parametrize(
    ("folder", "said"),
    [
        ("content", "it is the content folder"),  # every article's Markdown, drafts too
        (".", "it contains the content folder"),  # the project, .git included
        ("templates", "it is the templates folder"),
        (".git", "it is the git repository"),  # its config may hold a token
        (".git/refs", "it is inside the git repository"),
    ],
)
@pytest.mark.parametrize("given", ["--static", "static_dir"])
def test_the_static_folder_never_publishes_the_articles_templates_or_repository(
    site, capsys, tmp_path, folder, said, given
):
    small_site(site)
    site.add("2020/nhap.md", article("Bản nháp chưa duyệt", "2020-05-05 08:00", draft="true"))
    (site.root / ".git" / "refs").mkdir(parents=True)
    (site.root / ".git" / "config").write_text("[remote]\n\turl = https://token@x/\n")
    out = tmp_path / "out"  # `--static .` would hold _site: the output is elsewhere
    options = ["--output", str(out), "--no-search"]
    assert site.build(*options, "--quiet") == 0  # the previous site, to stay as it is
    if given == "static_dir":
        site.configure(static_dir=folder)
    else:
        options += ["--static", str(site.root / folder)]
    before, site_before = tree(site.root), tree(out)
    assert site.build(*options) == 1
    err = capsys.readouterr().err
    assert "every file in the static folder is published as it is, but " + said in err, err
    if given == "static_dir":
        lines = (site.root / "site.yaml").read_text(encoding="utf-8").splitlines()
        line = next(i for i, text in enumerate(lines, 1) if text.startswith("static_dir:"))
        assert f"site.yaml:{line}: error: static_dir '{folder}'" in err, err
    else:
        assert "named with --static or static_dir in site.yaml" in err, err
    no_traceback(err)
    assert tree(site.root) == before
    assert tree(out) == site_before


@pytest.mark.parametrize(
    ("folder", "said"),
    [
        (".git", ".git: error: every file in the static folder is published as it is, but "),
        ("_site/anh", "_site/anh: error: the static folder is in {root}/_site, which every "),
        ("_site.previous/anh", "error: the static folder is in {root}/_site.previous, which "),
        # serve's preview: its next rebuilds deleted the pictures
        (".cache/serve/anh", "error: the static folder is in {root}/.cache/serve, which every "),
    ],
)
def test_import_puts_pictures_neither_into_the_repository_nor_into_a_built_site(site, folder, said):
    from test_import import PORTAL_PAGE, run_import

    built(site)
    assert site.build("--quiet", "--no-search") == 0  # makes _site.previous
    preview = site.root / ".cache" / "serve"
    assert site.build("--quiet", "--no-search", "--output", str(preview)) == 0  # as serve does
    (site.root / ".git").mkdir()
    (site.root / "_site.previous" / "anh").mkdir()
    (preview / "anh").mkdir()
    before = tree(site.root)
    result = run_import(site, "--static", folder, PORTAL_PAGE)
    assert result.returncode == 1
    assert said.format(root=site.root.resolve()) in result.stderr, result.stderr
    assert "nothing was imported" in result.stderr
    no_traceback(result.stderr)
    assert tree(site.root) == before


def test_a_cache_in_a_hidden_folder_of_the_content_folder_is_allowed(site, tmp_path):
    """`--content .` (the articles beside site.yaml) holds .cache/, which no build reads."""
    (site.root / "tin.md").write_text(article("Tin ở gốc", "2020-01-01 08:00"), encoding="utf-8")
    out = tmp_path / "out"
    assert site.build("--content", str(site.root), "--output", str(out), "--no-search") == 0
    assert (site.root / ".cache" / "newsarchive").is_dir()
    assert "Tin ở gốc" in (out / "index.html").read_text(encoding="utf-8")


def _someones_folder(site: SiteDir, name: str, copy_of: str = "") -> Path:
    folder = site.root / name
    if copy_of:
        shutil.copytree(site.root / copy_of, folder)
    else:
        folder.mkdir()
    (folder / "notes.txt").write_text("ghi chú của tôi", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("name", "copy_of"),
    [
        ("_site.previous", ""),  # made by someone before the build made its own
        ("_site.old-2024", ""),
        ("_site.old-2024", "_site"),  # a backup copy of the site
        ("_site.old-2024", "_site.previous"),  # a copy of the build's own spare, its mark too
        ("_site.staging-test", ""),
        ("_site.update-1", ""),
    ],
)
def test_someones_folder_beside_the_output_is_refused_and_left_as_it_is(
    site, capsys, name, copy_of
):
    small_site(site)
    assert site.build("--quiet", "--no-search") == 0
    if name != "_site.previous":
        assert site.build("--quiet", "--no-search") == 0  # the build's own spare too
    served = tree(site.output)
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    folder = _someones_folder(site, name, copy_of)
    before = tree(site.root)
    for _ in range(2):
        assert site.build("--no-search") == 1
        err = capsys.readouterr().err
        said = f"{name}: error: the build would replace or remove this folder, but it is not "
        assert said + "a folder the build made" in err, err
        assert "rename or move this folder" in err and "nothing was written" in err, err
        assert tree(site.root) == before
    assert tree(site.output) == served
    folder.rename(site.root / "mine")
    assert site.build("--quiet", "--no-search") == 0
    assert (site.root / "mine" / "notes.txt").read_text(encoding="utf-8") == "ghi chú của tôi"
    assert "Tin mới" in site.read("index.html")


def test_a_spare_deleted_and_made_again_by_someone_is_not_the_builds(site, capsys):
    # The new folder may well get the inode of the one deleted (ext4 does): the build's
    # mark is what tells them apart.
    small_site(site)
    for _ in range(2):
        assert site.build("--quiet", "--no-search") == 0
    spare = site.root / "_site.previous"
    shutil.rmtree(spare)
    _someones_folder(site, "_site.previous")
    before = tree(site.root)
    assert site.build("--no-search") == 1
    assert "_site.previous: error: the build would replace" in capsys.readouterr().err
    assert tree(site.root) == before


def test_a_missing_site_is_not_replaced_by_someones_copy_beside_it(site, capsys):
    small_site(site)
    for _ in range(2):
        assert site.build("--quiet", "--no-search") == 0
    _someones_folder(site, "_site.old-2024", copy_of="_site")
    shutil.rmtree(site.output)
    before = tree(site.root)
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    assert "_site.old-2024: error: the build would replace or remove this folder" in err, err
    assert tree(site.root) == before and not site.output.exists()


def test_someones_spare_is_refused_for_any_output_folder(site, capsys, tmp_path):
    small_site(site)
    mine = tmp_path / "pub.previous"
    mine.mkdir()
    (mine / "notes.txt").write_text("precious", encoding="utf-8")
    for _ in range(2):
        assert site.build("--no-search", "--output", str(tmp_path / "pub")) == 1
        assert "pub.previous: error: the build would replace" in capsys.readouterr().err
        assert tree(mine) == {"notes.txt": b"precious"}
    # An empty folder holds nothing to lose: the build takes it.
    (mine / "notes.txt").unlink()
    for _ in range(3):
        assert site.build("--quiet", "--no-search", "--output", str(tmp_path / "pub")) == 0
    assert not (tmp_path / "pub" / MARK).exists()


def test_the_mark_of_the_spare_is_never_published(site, capsys):
    small_site(site)
    for _ in range(3):
        assert site.build("--quiet", "--no-search") == 0
        assert not (site.output / MARK).exists()
        assert not leftovers(site.root)
    assert (site.root / "_site.previous" / MARK).is_file()
    (site.root / "static" / MARK).write_text("x", encoding="utf-8")
    assert site.build("--no-search") == 1
    assert "the build's own, for the mark of its spare folder" in capsys.readouterr().err


# 2. Every precondition is checked before the first write.


@pytest.mark.parametrize(
    ("static_file", "words"),
    [
        ("luu-tru", "where the site needs the folder /luu-tru/"),
        ("feed.xml/a.css", "needs a folder where the site writes a page (/feed.xml)"),
        ("tim-kiem/chi-muc/index.js", "overwritten by the search index"),
        ("index.html", "would both be written to index.html"),
        # A maintainer's own not-found page: told only to rename or move it.
        ("404.html", "the site makes this page from templates/404.html: to change it,"),
        ("robots.txt", "change templates/robots.txt and delete the static file"),
    ],
)
def test_static_files_that_clash_with_pages_are_refused_and_do_not_wedge(
    site, capsys, monkeypatch, static_file, words
):
    # Run from the site's folder, as an archivist does, so files are named from it.
    monkeypatch.chdir(site.root)
    before = built(site)
    path = site.root / "static" / static_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    for _ in range(2):  # and the next build says the same, nothing left to clean by hand
        assert site.build("--no-search") == 1
        err = capsys.readouterr().err
        assert words in err and "how to fix" in err, err
        assert tree(site.output) == before
    path.unlink()
    assert site.build("--quiet", "--no-search") == 0
    assert tree(site.output) == before
    assert not leftovers(site.root)


@pytest.mark.parametrize(
    "static_file", ["luu-tru", "feed.xml/a.css", "tim-kiem/chi-muc/index.js", "index.html"]
)
def test_a_static_file_that_clashes_is_named_as_the_message_names_its_own(
    site, capsys, monkeypatch, static_file
):
    """`static/index.html: error: the page / and the static file
    /home/lan/archive/static/index.html would both be written...`: the file named again by
    its whole path in the message, as a maintainer reads it from the project's folder."""
    small_site(site)
    path = site.root / "static" / static_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    monkeypatch.chdir(site.root)
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    assert f"static/{static_file}: error: " in err, err
    assert str(site.root) not in err, err


@pytest.mark.parametrize(
    "alias", ["/tim-kiem/chi-muc/index.js", "/tim-kiem/chi-muc/", "/tim-kiem/chi-muc/x/y.html"]
)
def test_an_alias_inside_the_search_index_folder_is_refused(site, capsys, alias):
    small_site(site)
    assert site.build("--quiet") == 0
    before = tree(site.output)
    site.add("old.md", article("Bài cũ", "2019-05-05 08:00", aliases=f"[{alias}]"))
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "old.md:" in err and "/tim-kiem/chi-muc/" in err and "search index" in err, err
    assert tree(site.output) == before


def test_not_enough_free_space_is_found_before_anything_is_written(site, capsys, monkeypatch):
    before = built(site)
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    real = os.statvfs

    def nearly_full(path):
        fs = real(path)
        return os.statvfs_result((*fs[:4], 10, *fs[5:]))  # 10 blocks left

    spare = tree(site.root / "_site.previous")
    monkeypatch.setattr(os, "statvfs", nearly_full)
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    assert "not enough free space" in err and "MB needed" in err, err
    assert tree(site.output) == before
    assert tree(site.root / "_site.previous") == spare, "nothing written, not even the spare"


@contextlib.contextmanager
def tmpfs(path: Path, size: str) -> "contextlib.Iterator[Path]":
    """A small file system of its own (root only: mount)."""
    path.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)])
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)])


@pytest.mark.skipif(not ROOT, reason="mounting needs root")
def test_a_full_disk_during_the_build_is_a_clear_message(site, capsys, tmp_path, monkeypatch):
    small_site(site, 10)
    with tmpfs(tmp_path / "disk", "4m") as disk:
        out = disk / "_site"
        assert site.build("--quiet", "--no-search", "--output", str(out)) == 0
        before = tree(out)
        filler = disk / "filler"
        with contextlib.suppress(OSError), open(filler, "wb") as f:
            while True:
                f.write(b"\0" * 4096)
        (site.root / "templates" / "base.html").write_text(
            (site.root / "templates" / "base.html").read_text(encoding="utf-8") + "<!-- x -->\n",
            encoding="utf-8",
        )
        # The estimate says no first; without it, the disk fills during the build.
        assert site.build("--no-search", "--output", str(out)) == 1
        assert "not enough free space" in capsys.readouterr().err
        monkeypatch.setattr(publish, "check_room", lambda *a: None)
        assert site.build("--no-search", "--output", str(out)) == 1
        err = capsys.readouterr().err
        assert "No space left on device" in err and "disk is full" in err, err
        no_traceback(err)
        assert tree(out) == before
        monkeypatch.undo()
        filler.unlink()
        assert site.build("--quiet", "--no-search", "--output", str(out)) == 0


@pytest.mark.skipif(not ROOT, reason="mounting needs root")
def test_a_read_only_output_is_a_clear_message(site, capsys, tmp_path):
    small_site(site)
    with tmpfs(tmp_path / "disk", "10m") as disk:
        out = disk / "_site"
        assert site.build("--quiet", "--no-search", "--output", str(out)) == 0
        before = tree(out)
        site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        try:
            assert site.build("--no-search", "--output", str(out)) == 1
            err = capsys.readouterr().err
            assert "Read-only file system" in err and "how to fix" in err, err
            no_traceback(err)
            assert tree(out) == before
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
        assert site.build("--quiet", "--no-search", "--output", str(out)) == 0


@pytest.mark.skipif(not ROOT, reason="mounting needs root")
def test_an_output_folder_that_is_a_mount_point_is_refused_first(site, capsys, tmp_path):
    """--output the root of a USB disk, a share, or a container's volume (docker run -v
    …:/app/_site): every build wrote the whole site into disk.previous beside it, then
    failed at the swap with "Device or resource busy / check this file and its folder"."""
    small_site(site)
    with tmpfs(tmp_path / "disk", "10m") as disk:
        assert site.build("--no-search", "--output", str(disk)) == 1
        err = capsys.readouterr().err
        assert "is a mount point" in err and f"--output {disk}/_site" in err, err
        assert "nothing was written" in err, err
        assert not any(disk.iterdir()), "nothing written into it"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["disk", "site"], "nor beside it"
        assert site.build("--quiet", "--no-search", "--output", str(disk / "_site")) == 0


@pytest.mark.skipif(not ROOT, reason="mounting needs root")
def test_an_output_folder_bound_on_the_same_disk_is_said_busy_with_why(site, capsys, tmp_path):
    """A bind mount (docker -v of a folder of the same disk) looks like any folder, and
    the swap's "Device or resource busy" came with "check this file and its folder"."""
    small_site(site)
    (tmp_path / "src").mkdir()
    (tmp_path / "bound").mkdir()
    if subprocess.run(
        ["mount", "--bind", str(tmp_path / "src"), str(tmp_path / "bound")]
    ).returncode:
        pytest.skip("cannot bind-mount here")
    try:
        assert site.build("--no-search", "--output", str(tmp_path / "bound")) == 1
        err = capsys.readouterr().err
        assert "Device or resource busy" in err and "a mount point" in err, err
        assert "name a folder inside it with --output" in err, err
    finally:
        subprocess.run(["umount", "-l", str(tmp_path / "bound")])


# 3. Nothing is retried forever, and a read-only sub-folder leaves no half-updated site.


def test_a_leftover_update_folder_of_an_older_version_is_refused_until_removed(site, capsys):
    before = built(site)
    stale = site.root / "_site.update-4242"
    (stale / "files" / "luu-tru").mkdir(parents=True)
    (stale / "journal.json").write_text(
        '{"writes": ["luu-tru"], "deletes": [], "moves": []}', encoding="utf-8"
    )
    # No build of today makes one: it cannot be told from a folder of someone's.
    assert site.build("--quiet", "--no-search") == 1
    assert "_site.update-4242: error: the build would replace" in capsys.readouterr().err
    assert stale.is_dir() and tree(site.output) == before
    shutil.rmtree(stale)
    assert site.build("--quiet", "--no-search") == 0
    assert tree(site.output) == before
    assert not leftovers(site.root)


def test_a_write_that_fails_midway_changes_nothing_and_the_next_build_works(
    site, capsys, monkeypatch, tmp_path
):
    before = built(site)
    assert site.build("--quiet", "--no-search") == 0  # a spare folder exists now
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    real_unlink = os.unlink
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            raise OSError(errno.EIO, "Input/output error", args[0])
        return real_unlink(*args, **kwargs)

    monkeypatch.setattr(os, "unlink", failing)
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    assert "Input/output error" in err and "the site was not changed" in err, err
    assert tree(site.output) == before
    monkeypatch.undo()
    assert site.build("--quiet", "--no-search") == 0
    assert main(["build", "--config", str(site.root / "site.yaml"), "--quiet", "--no-search",
                 "--no-cache", "--output", str(tmp_path / "clean")]) == 0  # fmt: skip
    assert tree(site.output) == tree(tmp_path / "clean")


def _read_only(folder: Path, on: bool) -> bool:
    """Make a folder unwritable even for root (chattr +i), or for a user (chmod)."""
    if ROOT:
        flag = "+i" if on else "-i"
        done = subprocess.run(["chattr", "-R", flag, str(folder)], capture_output=True)
        return done.returncode == 0
    for sub in [folder, *(p for p in folder.rglob("*") if p.is_dir())]:
        sub.chmod(0o555 if on else 0o755)
    return True


def test_a_read_only_sub_folder_leaves_the_old_or_the_new_site(site, capsys, tmp_path):
    small_site(site, 30)
    assert site.build("--quiet", "--no-search") == 0
    before = tree(site.output)
    # A folder the new article rewrites (the archive's counts change); the home list's
    # numbered pages (trang/), used before, are gone since issue 17.
    sub = site.output / "luu-tru"
    assert sub.is_dir()
    if not _read_only(sub, True):
        pytest.skip("no way to make a folder read-only here")
    try:
        site.add("moi.md", article("Tin mới nhất", "2021-01-01 08:00"))
        code = site.build("--no-search")
        err = capsys.readouterr().err
        no_traceback(err)
        assert main(["build", "--config", str(site.root / "site.yaml"), "--quiet", "--no-search",
                     "--no-cache", "--output", str(tmp_path / "clean")]) == 0  # fmt: skip
        new = tree(tmp_path / "clean")
        assert tree(site.output) == (new if code == 0 else before)
        site.add("moi2.md", article("Tin mới nữa", "2021-01-02 08:00"))
        code = site.build("--no-search")  # the read-only folder is in the spare now
        err = capsys.readouterr().err
        no_traceback(err)
        if code == 1:
            assert "how to fix" in err
    finally:
        for folder in (site.output / "luu-tru", site.root / "_site.previous" / "luu-tru"):
            if folder.exists():
                _read_only(folder, False)
    assert site.build("--quiet", "--no-search") == 0
    shutil.rmtree(tmp_path / "clean")
    assert main(["build", "--config", str(site.root / "site.yaml"), "--quiet", "--no-search",
                 "--no-cache", "--output", str(tmp_path / "clean")]) == 0  # fmt: skip
    assert tree(site.output) == tree(tmp_path / "clean")


def test_a_read_only_output_folder_is_named_in_the_fix(site):
    """`chmod 555 _site`: the new site is published, then the read-only folder is the
    spare, and each build said "make the folder writable (e.g. chmod -R u+w FOLDER)",
    FOLDER to be guessed from the file named (_site.previous/.newsarchive-spare)."""
    small_site(site)
    command = [sys.executable, str(REPO / "build.py"), "--config", str(site.root / "site.yaml")]
    if ROOT:  # root writes into every folder: drop the powers that let it
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv is needed to write as a user does")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    assert subprocess.run(command, env=SUBPROCESS_ENV, capture_output=True).returncode == 0
    site.output.chmod(0o555)
    try:
        site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
        done = subprocess.run(
            command, env=SUBPROCESS_ENV, capture_output=True, text=True, cwd=site.root
        )
        assert done.returncode == 1, done.stderr
        assert "chmod -R u+w _site.previous)" in done.stderr, done.stderr
        assert "FOLDER" not in done.stderr, done.stderr
    finally:
        for folder in (site.output, site.root / "_site.previous"):
            folder.chmod(0o755)


# 4. The served folder is never mixed: random kill -9, some inside the swap.


def test_kill_9_at_any_moment_leaves_exactly_the_old_or_the_new_site(site):
    """30 builds killed: a third at random moments of the whole build, a third in
    a pause just before the swap, a third just after it (the pause is a test hook
    that says on stderr when it starts)."""
    small_site(site, 40)
    change = site.content / "2021" / "doi.md"
    versions = []
    for step in range(2):  # two versions of the site, A and B, built once each
        if step:
            change.parent.mkdir(parents=True, exist_ok=True)
            change.write_text(article("Tin thay đổi", "2021-03-03 08:00"), encoding="utf-8")
        started = time.monotonic()
        proc = build_in_subprocess(site, "--quiet", "--no-search")
        assert proc.wait() == 0
        duration = time.monotonic() - started
        versions.append(tree(site.output))
    assert versions[0] != versions[1]
    rng = random.Random(12)
    killed = {"anywhere": 0, "before": 0, "after": 0}
    current = 1
    for round_ in range(30):
        # Toggle between the two versions: the build in flight makes the other one.
        if current == 1:
            change.unlink()
        else:
            change.write_text(article("Tin thay đổi", "2021-03-03 08:00"), encoding="utf-8")
        old, new = versions[current], versions[1 - current]
        when = ("anywhere", "before", "after")[round_ % 3]
        if when == "anywhere":
            proc = build_in_subprocess(site, "--quiet", "--no-search")
            time.sleep(rng.uniform(0.0, duration * 0.9))
        else:
            proc = build_in_subprocess(
                site, "--quiet", "--no-search", NEWSARCHIVE_TEST_PAUSE_AT_SWAP="0.5"
            )
            assert proc.stderr is not None
            while f"{when} the swap" not in (line := proc.stderr.readline()):
                assert line, "the build ended before the swap"
            time.sleep(rng.uniform(0.0, 0.3))
        finished = proc.poll() is not None
        proc.kill()
        proc.communicate()
        killed[when] += not finished
        seen = tree(site.output)
        assert seen in (old, new), f"round {round_}: the served folder is mixed"
        if when != "anywhere":
            assert seen == (old if when == "before" else new)
        # The next build succeeds and makes the new version.
        assert site.build("--quiet", "--no-search") == 0
        assert tree(site.output) == new
        assert not leftovers(site.root)
        current = 1 - current
    assert sum(killed.values()) >= 20, killed
    assert killed["before"] >= 5 and killed["after"] >= 5, killed


# 5. One build at a time on a folder.


def _wait_for_lock_owner(site: SiteDir, proc: subprocess.Popen) -> None:
    owner = site.root / "_site.lock" / "owner"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if owner.exists() and owner.read_text(encoding="ascii").strip() == str(proc.pid):
            return
        time.sleep(0.02)
    pytest.fail("the build never took the lock")


def test_a_second_build_or_serve_on_the_same_folder_is_refused(site, capsys, tmp_path):
    built(site)
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    go = tmp_path / "go"  # the first build waits before its swap until this exists
    first = build_in_subprocess(
        site, "--quiet", "--no-search", NEWSARCHIVE_TEST_HOLD_AT_SWAP=str(go)
    )
    try:
        _wait_for_lock_owner(site, first)
        assert site.build("--no-search") == 1
        err = capsys.readouterr().err
        assert f"another build or serve is running on this folder (pid {first.pid})" in err, err
        assert "wait for it" in err
        serve = ["serve", "--config", str(site.root / "site.yaml"), "--port", "0"]
        # A serve into another serve's folder is refused by the lock (test_serve.py); into
        # the published folder it is refused before: its preview is never published.
        assert main([*serve, "--output", str(site.output)]) == 1
        assert "this is the folder build publishes" in capsys.readouterr().err
    finally:
        go.touch()
        _out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert site.build("--quiet", "--no-search") == 0


def test_the_lock_of_a_killed_build_is_taken_over(site, tmp_path):
    built(site)
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    # It waits before its swap for a file never made: killed while it holds the lock.
    hold = str(tmp_path / "never")
    proc = build_in_subprocess(site, "--quiet", "--no-search", NEWSARCHIVE_TEST_HOLD_AT_SWAP=hold)
    _wait_for_lock_owner(site, proc)
    proc.kill()
    proc.communicate()
    assert site.build("--quiet", "--no-search") == 0
    assert "Tin mới" in site.read("index.html")


# A build killed (kill -9) by the first of the two workers it forked to convert bodies
# ahead, while it waits for them: the workers are left without it. Each writes down its
# process id.
_KILLED_BY_ITS_WORKER = """
import os, signal, sys
from newsarchive import render, workers
from newsarchive.cli import main
workers.MIN_PARALLEL_PAGES = 1  # fork for a small site too
start, convert = workers._start_worker, render._convert
def started(*args):
    with open(sys.argv[1], "a") as pids:
        pids.write(f"{os.getpid()}\\n")
    start(*args)
def killing(*args, **kwargs):
    os.kill(os.getppid(), signal.SIGKILL)
    return convert(*args, **kwargs)
workers._start_worker, render._convert = started, killing
render.ConvertAhead.stop = lambda self: signal.pause()  # until it is killed
main(sys.argv[2:])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers die with it on Linux")
def test_the_workers_of_a_killed_build_do_not_keep_its_lock(site, tmp_path):
    built(site)
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00", "Một nội dung mới."))
    pids = tmp_path / "workers.txt"
    args = ["build", "--config", str(site.root / "site.yaml"), "--quiet", "--no-search"]
    proc = subprocess.run(
        [sys.executable, "-c", _KILLED_BY_ITS_WORKER, str(pids), *args, "--jobs", "3"],
        env=SUBPROCESS_ENV,
        stdout=subprocess.DEVNULL,  # not pipes: the workers left would hold them
        stderr=subprocess.DEVNULL,
        timeout=120,
    )
    assert proc.returncode == -9
    workers = [int(pid) for pid in pids.read_text(encoding="ascii").split()]
    assert workers  # it had forked them
    # The lock is free once they are gone (they waited for work forever, holding it).
    import fcntl

    fd = os.open(site.root / "_site.lock" / "owner", os.O_RDWR)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    for pid in workers:  # alive (they hold the lock): ours to end
                        with contextlib.suppress(ProcessLookupError):
                            os.kill(pid, 9)
                    pytest.fail("the killed build's workers still hold its lock")
                time.sleep(0.05)
    finally:
        os.close(fd)
    assert site.build("--quiet", "--no-search") == 0
    assert main([*args, "--no-cache", "--output", str(tmp_path / "clean")]) == 0
    assert tree(site.output) == tree(tmp_path / "clean")
    assert "Tin mới" in site.read("index.html")


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii").split()
    except OSError:
        return []


@pytest.mark.parametrize("command", [[], ["check"], ["import", str(SEED_CAPTURE)]])
def test_a_reader_that_stops_reading_does_not_stop_the_command(site, command):
    """`build | head -1`, `check | less` quit early: the next line printed raised
    BrokenPipeError, "an internal error" after the site was published, with a crash
    file, exit 1 (`import` said "make the folder writable")."""
    small_site(site)
    if command[:1] == ["check"]:
        assert site.build("--quiet") == 0
    before = project(site.root / "content")
    done = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), *command],
        cwd=site.root,
        env=SUBPROCESS_ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    done.stdout.close()  # the reader is gone before the first line
    done.stderr.close()
    assert done.wait(timeout=120) == 0
    assert not list(site.root.glob(".cache/newsarchive/crash-*.txt"))
    if command == []:
        assert (site.output / "index.html").is_file()
    if command[:1] == ["import"]:
        assert len(project(site.root / "content")) == len(before) + 1


def test_a_build_with_its_output_closed_builds(site):
    """`build >&- 2>&-` (a cron job's): Python has no sys.stdout then; the build
    ended with a traceback, exit 1, after publishing."""
    small_site(site)
    done = subprocess.run(
        [sys.executable, str(REPO / "build.py")],
        cwd=site.root,
        env=SUBPROCESS_ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == b"" and (site.output / "index.html").is_file()


def _ctrl_c_heard() -> None:
    """As from a terminal: a suite started in the background of a script (`pytest &` in a
    shell without job control) runs with SIGINT ignored, which its child processes keep,
    and the build rightly went on after Ctrl+C, with exit 0."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for the workers")
def test_ctrl_c_while_workers_run_stops_the_build_cleanly(site, tmp_path):
    """Ctrl+C reaches the whole process group, the build's workers too: one of them
    interrupted inside the pool's queue lock left the others waiting for it and the build
    waiting for them, for ever, holding the output's lock; others printed a traceback, or
    made the build report a dead worker (exit 1). Stopped at once after the workers start,
    and a little later, the build says it stopped (130), the site is as it was, and the
    next build runs."""
    before = built(site, 600)  # enough to read and render on forked workers
    for delay in (0, 0, 0, 0.01, 0.02, 0.05, 0.1):
        proc = subprocess.Popen(
            [sys.executable, str(REPO / "build.py"), "--config", str(site.root / "site.yaml"),
             "--quiet", "--no-search", "--no-cache", "--jobs", "2"],
            cwd=site.root, env=SUBPROCESS_ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, start_new_session=True,  # its own group, as a terminal gives it
            preexec_fn=_ctrl_c_heard,
        )  # fmt: skip
        while not _children(proc.pid) and proc.poll() is None:
            time.sleep(0.002)
        assert proc.poll() is None, "the build forked no workers"
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail(f"the build hung after Ctrl+C ({delay} s after its workers started)")
        no_traceback(err)
        assert proc.returncode == 130, f"Ctrl+C {delay} s after the workers started: {err}"
        assert "stopped; the site was not changed" in err
        assert tree(site.output) == before
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00", "Một nội dung mới."))
    assert site.build("--quiet", "--no-search") == 0
    assert "Tin mới" in site.read("index.html")


def test_a_pool_failing_to_shut_down_after_ctrl_c_is_a_stop_not_a_disk_fault(
    site, monkeypatch, capsys
):
    """A process pool shut down while Ctrl+C is handled may raise "Bad file descriptor"
    (its wake-up pipe closed under it): the build said "cannot write or read here", a
    fault of the disk, with exit 1 (2 stops in some 680)."""
    from newsarchive import render

    before = built(site)

    def stopped_then_shut_down(*args, **kwargs):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF)) from None

    monkeypatch.setattr(render, "render_changed", stopped_then_shut_down)
    site.add("2020/01/moi.md", article("Tin mới", "2020-01-20 08:00"))
    assert site.build("--no-search") == 130
    err = capsys.readouterr().err
    assert "newsarchive: stopped; the site was not changed" in err, err
    assert "Bad file descriptor" not in err and "cannot write" not in err
    assert tree(site.output) == before


_DROPPED_IN_A_CALLBACK = """
import sys, time, weakref
from newsarchive import cli
if sys.argv[1] == "hook":
    sys.unraisablehook = cli.interrupt_again  # as cli.run sets it
class Model: pass
def stopped(_): raise KeyboardInterrupt  # Ctrl+C as the garbage collector calls back
model = Model(); ref = weakref.ref(model, stopped); del model
try:
    for _ in range(200): time.sleep(0.001)
    print("went on")
except KeyboardInterrupt:
    print("stopped")
"""


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="raised again with a timer")
def test_ctrl_c_that_python_drops_in_a_callback_still_stops_the_command():
    """Ctrl+C that came while a weakref's callback ran was printed as "Exception ignored
    in ..." with a traceback, and the build went on (1 stop in some hundreds)."""

    def run(mode: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-c", _DROPPED_IN_A_CALLBACK, mode]
        return subprocess.run(command, capture_output=True, text=True, env=SUBPROCESS_ENV)

    dropped = run("python's own")
    assert dropped.stdout.strip() == "went on" and "Exception ignored" in dropped.stderr
    kept = run("hook")
    assert kept.stdout.strip() == "stopped" and kept.stderr == ""


def test_builds_started_together_never_crash(site, tmp_path):
    small_site(site, 20)
    procs = [build_in_subprocess(site, "--no-search") for _ in range(6)]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        no_traceback(err)
        assert proc.returncode in (0, 1), err
        if proc.returncode == 1:
            assert "another build or serve is running on this folder" in err, err
    assert any(p.returncode == 0 for p in procs)
    assert main(["build", "--config", str(site.root / "site.yaml"), "--quiet", "--no-search",
                 "--no-cache", "--output", str(tmp_path / "clean")]) == 0  # fmt: skip
    assert tree(site.output) == tree(tmp_path / "clean")


# 6. A damaged cache is ignored and rebuilt, never trusted, never a crash.


def _cache_files(site: SiteDir) -> list[Path]:
    return sorted(p for p in (site.root / ".cache").rglob("*") if p.is_file())


def test_flipped_bits_in_the_cache_are_ignored(site, tmp_path):
    small_site(site, 8)
    assert site.build("--quiet", "--no-search") == 0
    rng = random.Random(3)
    files = _cache_files(site)
    assert any("jinja" in p.parts for p in files), "the compiled templates are cached"
    for path in files:
        data = bytearray(path.read_bytes())
        for _ in range(3):
            at = rng.randrange(len(data))
            data[at] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(data))
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    assert site.build("--quiet", "--no-search") == 0
    assert main(["build", "--config", str(site.root / "site.yaml"), "--quiet", "--no-search",
                 "--no-cache", "--output", str(tmp_path / "clean")]) == 0  # fmt: skip
    assert tree(site.output) == tree(tmp_path / "clean")


def test_cache_files_replaced_by_folders_are_made_again(site, tmp_path):
    """A folder where a cache file was (a sync tool, a hand) is damage like any other:
    builds failed on it one after another ("Is a directory") and never saved a cache."""
    small_site(site, 8)
    assert site.build("--quiet", "--no-search") == 0
    for path in _cache_files(site):
        path.unlink()
        (path / "x").mkdir(parents=True)
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    assert site.build("--quiet", "--no-search") == 0
    assert not [p for p in _cache_files(site) if p.name.endswith(".tmp")]
    site.add("moi-2.md", article("Tin mới nữa", "2021-01-02 08:00"))
    assert site.build("--quiet", "--no-search") == 0
    assert main(["build", "--config", str(site.root / "site.yaml"), "--quiet", "--no-search",
                 "--no-cache", "--output", str(tmp_path / "clean")]) == 0  # fmt: skip
    assert tree(site.output) == tree(tmp_path / "clean")


def test_same_length_edits_of_cached_html_are_not_published(site, tmp_path):
    site.add("a.md", article("Tin", "2020-01-01 08:00", body="Chuỗi duy nhất QWERTYUIOP ở đây."))
    assert site.build("--quiet", "--no-search") == 0
    edited = 0
    for path in _cache_files(site):
        data = path.read_bytes()
        if b"QWERTYUIOP" in data:
            path.write_bytes(data.replace(b"QWERTYUIOP", b"HACKEDHTML"))
            edited += 1
    assert edited, "the body's HTML is cached"
    base = site.root / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # render all
    assert site.build("--quiet", "--no-search") == 0
    published = b"".join(tree(site.output).values())
    assert b"HACKEDHTML" not in published and b"QWERTYUIOP" in published


def test_damaged_compiled_templates_are_compiled_again(site, capsys):
    before = built(site)
    compiled = [p for p in (site.root / ".cache/newsarchive/jinja").rglob("*") if p.is_file()]
    assert compiled
    for path in compiled:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2] + b"\x00" * (len(data) - len(data) // 2))
    shutil.rmtree(site.output)  # every page is rendered again, with the damaged cache
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert "template" not in err
    assert tree(site.output) == before


# 7. A bug: one line and a saved traceback.


def test_an_internal_error_prints_one_line_and_saves_the_traceback(site, capsys, monkeypatch):
    before = built(site)
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))

    def bug(*args, **kwargs):
        raise ZeroDivisionError("a bug deep inside")

    monkeypatch.setattr("newsarchive.pipeline.build_site", bug)
    monkeypatch.chdir(site.root)
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("newsarchive hit an internal error; the site was not changed; ")
    saved = Path(err.rsplit("details saved in ", 1)[1])
    assert saved.is_file() and saved.is_relative_to(site.root / ".cache")
    assert "ZeroDivisionError: a bug deep inside" in saved.read_text(encoding="utf-8")
    assert "Traceback" in saved.read_text(encoding="utf-8")
    assert tree(site.output) == before


def test_an_internal_error_of_a_build_run_from_elsewhere_is_saved_in_the_project(
    site, tmp_path, capsys, monkeypatch
):
    """`cd /tmp && python build.py --config ~/archive/site.yaml`: the crash report went
    to /tmp/.cache/newsarchive/, a folder the editor never looks in (and one made there);
    it goes to the project's .cache/newsarchive/ (the folder of site.yaml), said in full."""
    built(site)

    def bug(*args, **kwargs):
        raise ZeroDivisionError("a bug deep inside")

    monkeypatch.setattr("newsarchive.pipeline.build_site", bug)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err.strip()
    saved = Path(err.rsplit("details saved in ", 1)[1])
    assert saved.is_absolute() and saved.parent == (site.root / ".cache" / "newsarchive").resolve()
    assert "ZeroDivisionError: a bug deep inside" in saved.read_text(encoding="utf-8")
    assert list(elsewhere.iterdir()) == []


def test_an_internal_error_in_check_does_not_say_the_site_was_published(site, capsys, monkeypatch):
    """check builds into a temporary folder: a bug in reading it said "the new site was
    published, but the build did not finish", of a site it never publishes."""
    before = built(site)

    def bug(*args, **kwargs):
        raise ZeroDivisionError("a bug deep inside")

    monkeypatch.setattr("newsarchive.check.check_site", bug)
    monkeypatch.chdir(site.root)
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("newsarchive hit an internal error; the site was not changed; "), err
    assert tree(site.output) == before


def test_an_internal_error_in_a_subprocess_has_no_traceback(site):
    small_site(site)
    bad = site.root / "templates" / "strings.yaml"
    proc = build_in_subprocess(site, "--no-search", "--output", "x" * 256)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    no_traceback(err)
    assert "longer than 255 bytes" in err
    assert bad.exists()


def test_serve_answers_404_to_a_name_too_long(site):
    from test_serve import serving

    small_site(site, 2)
    with serving(site) as server:
        status, _ = server.get("/" + "a" * 300 + "/index.html")
        assert status == 404
        status, _ = server.get("/")
        assert status == 200
        time.sleep(0.3)
        assert not any("Traceback" in line for line in server.output), server.output


# 8. Links in static/ that lead out of the project.


def test_a_static_link_out_of_the_project_is_refused(site, capsys, tmp_path):
    before = built(site)
    outside = tmp_path / "secret.txt"
    outside.write_text("the password", encoding="utf-8")
    (site.root / "static" / "passwd").symlink_to("/etc/passwd")
    (site.root / "static" / "notes").symlink_to(tmp_path)
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    assert "passwd" in err and "outside the project" in err and "how to fix" in err, err
    assert "notes: error: this is a link to " in err
    assert tree(site.output) == before
    (site.root / "static" / "passwd").unlink()
    (site.root / "static" / "notes").unlink()
    (site.root / "static" / "loop").symlink_to(site.root / "static" / "loop")
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    assert "loop: error: this link leads nowhere" in err, err
    (site.root / "static" / "loop").unlink()
    # A link to a file that stays inside the project is fine.
    (site.root / "static" / "logo.txt").symlink_to(site.root / "site.yaml")
    assert site.build("--quiet", "--no-search") == 0
    assert (site.output / "logo.txt").read_bytes() == (site.root / "site.yaml").read_bytes()


@pytest.mark.parametrize("target", ["anh-goc", "_site", ".cache"])
def test_a_static_link_to_a_folder_is_refused_not_skipped(site, capsys, target):
    """A link to a folder inside the project was left out without a word: the pictures
    of `static/anh -> ../anh-goc` were missing from the site. Not followed (`_site` in
    it would publish the site inside itself), it is refused with its name."""
    before = built(site)
    (site.root / "anh-goc").mkdir()
    (site.root / "anh-goc" / "a.jpg").write_bytes(b"\xff\xd8 not really a picture")
    (site.root / "static" / "anh").symlink_to(site.root / target)
    for _ in range(2):
        assert site.build("--no-search") == 1
        err = capsys.readouterr().err
        said = "static/anh: error: this is a link to the folder "
        assert said in err and "its files would not be published" in err, err
        assert "put the folder itself here" in err
        assert tree(site.output) == before
    (site.root / "static" / "anh").unlink()
    shutil.copytree(site.root / "anh-goc", site.root / "static" / "anh")
    assert site.build("--quiet", "--no-search") == 0
    assert (site.output / "anh" / "a.jpg").is_file()


def test_two_static_files_named_alike_in_nfc_and_nfd_are_refused(site, capsys):
    """macOS may write a name in NFD: beside its NFC twin, both are one address."""
    before = built(site)
    (site.root / "static" / unicodedata.normalize("NFC", "Tiếng.txt")).write_text("a")
    (site.root / "static" / unicodedata.normalize("NFD", "Tiếng.txt")).write_text("b")
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    said = (
        "have the same name, its letters put together differently (NFC and NFD): one "
        "address on the site\n    how to fix: remove one of them"
    )
    assert said in err, err
    assert tree(site.output) == before


@pytest.mark.parametrize(
    "target", ["_site/feed.xml", "_site.previous/feed.xml", ".cache/newsarchive/links.pickle"]
)
def test_a_static_link_to_a_file_a_build_writes_is_refused(site, capsys, target):
    """`static/tin.xml -> ../_site/feed.xml` published the last build's feed (a build
    from a clean clone failed on the link leading nowhere, one after it published it:
    the same sources, two sites), and a link into the cache published its pickles."""
    built(site)
    assert site.build("--quiet", "--no-search") == 0  # the spare copy is there too
    before = tree(site.output)
    (site.root / "static" / "tin.xml").symlink_to(site.root / target)
    for _ in range(2):
        assert site.build("--no-search") == 1
        err = capsys.readouterr().err
        said = "static/tin.xml: error: this is a link to a file the build writes"
        assert said in err and "copy the file into the static folder" in err, err
        no_traceback(err)
        assert tree(site.output) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_static_is_refused_not_skipped(site, capsys):
    """A FIFO (or a socket, a device) cannot be published: it was left out without a word."""
    before = built(site)
    os.mkfifo(site.root / "static" / "feed.css")
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    assert "static/feed.css: error: this is not a file (a named pipe" in err, err
    assert tree(site.output) == before
    (site.root / "static" / "feed.css").unlink()
    assert site.build("--quiet", "--no-search") == 0


def test_a_repository_cloned_into_static_is_refused_not_published(site, capsys):
    """A theme cloned into static/ published its .git, whose config may hold the remote's
    token; said once for the folder, not for each of its files."""
    before = built(site)
    git = site.root / "static" / "theme" / ".git"
    (git / "objects").mkdir(parents=True)
    (git / "config").write_text('[remote "origin"]\n\turl = https://u:tok@example.org/t\n')
    (git / "objects" / "ab").write_bytes(b"x")
    (site.root / "static" / "theme" / "theme.css").write_text("p{}")
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    assert "static/theme/.git: error: this is a version-control folder" in err, err
    assert "move the repository out of the static folder" in err
    assert "static/theme/.git/" not in err
    assert tree(site.output) == before
    shutil.rmtree(git)
    assert site.build("--quiet", "--no-search") == 0
    assert (site.output / "theme" / "theme.css").is_file()
    assert not (site.output / "theme" / ".git").exists()


def test_a_media_file_an_import_was_killed_writing_is_not_published(site, capsys):
    """`import` copies a media file under a hidden temporary name, then renames it: a kill
    (a closed terminal) in between left the cut file in static/, published at each build.
    Refused, it is named for what it is, and deleting it said to be safe."""
    before = built(site)
    part = site.root / "static" / "media" / "ab" / ".ab12cd34ef56ab78-anh.jpg.part-4242"
    part.parent.mkdir(parents=True)
    part.write_bytes(b"\xff\xd8\xff\xe0 half")
    assert site.build("--no-search") == 1
    err = capsys.readouterr().err
    assert f"{part.name}: error: an import stopped while copying ab12cd34ef56ab78-anh.jpg " in err
    assert "left this temporary file, which may be cut short and is never published" in err
    assert "how to fix: delete it, which is safe (running the import again deletes it" in err
    assert tree(site.output) == before
    part.unlink()
    assert site.build("--quiet", "--no-search") == 0


@pytest.mark.skipif(not ROOT, reason="mounting needs root")
def test_a_full_disk_under_the_cache_names_it_and_leaves_no_half_file(tmp_path, capsys):
    """The project on a full disk, the output on another: the message named "." (a
    failed write() names no file), not the cache, and each failed build left its half-
    written cache file (x.pickle.PID.tmp) behind for good, filling the disk further."""
    with tmpfs(tmp_path / "disk", "8m") as disk:
        site = SiteDir(disk / "site")
        small_site(site, 30)
        out = tmp_path / "out"
        filler = disk / "filler"
        with contextlib.suppress(OSError), open(filler, "wb") as f:
            while True:
                f.write(b"\0" * 4096)
        assert site.build("--no-search", "--output", str(out)) == 1
        err = capsys.readouterr().err
        no_traceback(err)
        assert "No space left on device" in err and "disk is full" in err, err
        assert not err.startswith(".:"), err
        assert str(site.root / ".cache") in err, err
        assert not list((site.root / ".cache").rglob("*.tmp")), "a half-written cache file"
        filler.unlink()
        assert site.build("--quiet", "--no-search", "--output", str(out)) == 0
        assert main(["build", "--config", str(site.root / "site.yaml"), "--quiet", "--no-search",
                     "--no-cache", "--output", str(tmp_path / "clean")]) == 0  # fmt: skip
        assert tree(out) == tree(tmp_path / "clean")


@pytest.mark.parametrize("whole", [False, True])
def test_a_search_index_mirror_cut_short_is_not_published(site, tmp_path, monkeypatch, whole):
    """A build killed while it gave the new spare the index just published (mirror_back,
    right after the swap) left there a segment folder with part of its files; the next
    build took it for complete (its first file was the served one's) and published it:
    the search lost the words of the files missing, and the builds after never put them
    back. The same for the index copied whole (its stamp is linked first)."""
    from newsarchive import hardlinks

    small_site(site, 40)
    assert site.build("--quiet") == 0
    site.add("2021/moi-1.md", article("Tin mới một", "2021-01-01 08:00"))
    assert site.build("--quiet") == 0  # now there is a spare
    if whole:  # the spare has no index: it is copied whole
        shutil.rmtree(site.root / "_site.previous" / "tim-kiem" / "chi-muc")
    site.add("2021/moi-2.md", article("Tin mới hai", "2021-01-02 08:00"))
    real_link, real_back = hardlinks._link, publish.Spare.mirror_back
    calls = []

    def cut_short(source, target):  # the second file of a segment folder: killed
        if calls and "/chi-muc/s/" in target:
            calls.append(target)
            if len(calls) > 2:
                raise OSError(errno.EIO, "Input/output error (the build was killed)", target)
        return real_link(source, target)

    def mirror_back(self, *args):
        calls.append("started")
        return real_back(self, *args)

    monkeypatch.setattr(hardlinks, "_link", cut_short)
    monkeypatch.setattr(publish.Spare, "mirror_back", mirror_back)
    assert site.build("--quiet") == 1
    assert len(calls) > 2, "the mirror was not cut short"
    monkeypatch.undo()
    base = site.root / "templates" / "base.html"  # a change that keeps the index
    base.write_text(base.read_text(encoding="utf-8") + "<!-- x -->\n", encoding="utf-8")
    assert site.build("--quiet") == 0
    assert main(["build", "--config", str(site.root / "site.yaml"), "--quiet", "--no-cache",
                 "--output", str(tmp_path / "clean")]) == 0  # fmt: skip
    assert tree(site.output) == tree(tmp_path / "clean")


def _copied(site: SiteDir, to: Path) -> SiteDir:
    """The project copied whole, as `cp -a` does (every folder with another identity)."""
    shutil.copytree(site.root, to, symlinks=True)
    copy = SiteDir.__new__(SiteDir)
    copy.root, copy.content, copy.output = to, to / "content", to / "_site"
    return copy


@pytest.mark.parametrize("output", ["_site", ".cache/serve"])
def test_a_project_copied_whole_builds_with_its_copy_of_the_spare(site, capsys, tmp_path, output):
    """`cp -a project project2`: building project2 refused its _site.previous (and
    serve's .cache/serve.previous) as "not a folder the build made" and told the user to
    delete it. The copy's record and mark came with it (the record's lock folder is a
    copy too): its spare is its own, and it builds as in place, the original too."""
    small_site(site)
    args = ["--quiet", "--no-search", "--output", str(site.root / output)]
    for _ in range(2):  # the site and its spare
        assert site.build(*args) == 0
    copy = _copied(site, tmp_path / "copy")
    copy.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    for _ in range(2):  # the copy's first build records its own folders: the next takes them
        for project in (copy, site):
            out = str(project.root / output)
            assert project.build(*args[:-1], out) == 0, capsys.readouterr().err
        assert "Tin mới" in (copy.root / output / "index.html").read_text(encoding="utf-8")
        assert tree(copy.root / output) == tree(site.root / output)
        spares = [tree(p.root / f"{output}.previous") for p in (copy, site)]
        assert spares[0].pop(MARK) != spares[1].pop(MARK)  # each its own
        assert spares[0] == spares[1]
    assert not leftovers(copy.root)


@pytest.mark.parametrize("where", ["in place", "in a copy"])
def test_a_copy_of_the_spare_put_in_its_place_by_someone_is_refused(site, capsys, tmp_path, where):
    """The spare moved away and a copy of it, holding its mark and the user's notes, put
    back in its place: in place, the lock folder is the one that wrote the record, and
    only the folder recorded is the build's. In a project copied whole, a spare of
    another project (another mark) is refused as in place."""
    small_site(site)
    for _ in range(2):
        assert site.build("--quiet", "--no-search") == 0
    project = site if where == "in place" else _copied(site, tmp_path / "copy")
    spare = project.root / "_site.previous"
    if where == "in place":
        kept = spare.rename(tmp_path / "kept")
        shutil.copytree(kept, spare, symlinks=True)
    else:
        other = SiteDir(tmp_path / "other")
        small_site(other)
        for _ in range(2):
            assert other.build("--quiet", "--no-search") == 0
        shutil.rmtree(spare)
        shutil.copytree(other.root / "_site.previous", spare, symlinks=True)
    assert (spare / MARK).is_file()
    (spare / "notes.txt").write_text("ghi chú của tôi", encoding="utf-8")
    before = tree(project.root)
    assert project.build("--no-search") == 1
    err = capsys.readouterr().err
    assert "_site.previous: error: the build would replace or remove this folder" in err, err
    no_traceback(err)
    assert tree(project.root) == before


@pytest.mark.parametrize("kind", ["dangling", "fifo", "zero"])
def test_a_link_or_pipe_in_the_lock_folder_is_replaced(site, tmp_path, kind):
    """_site.lock/owner and _site.lock/folders (the build's own files) made a dangling link,
    a named pipe or a link to /dev/zero: the link failed every build ('cannot write or
    read here'), the pipe or the device stopped each as an internal error (or waited for a
    writer for ever, the record). Replaced, as a damaged cache file is. In a process of
    its own with a time and memory limit: a hang fails the test."""
    built(site)
    site.add("2020/bai-1.md", article("Tin sửa", "2020-02-11 08:00"))
    for name in ("owner", "folders"):
        path = site.root / "_site.lock" / name
        path.unlink()
        if kind == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero" if kind == "zero" else "nowhere/x")
    command = [sys.executable, str(REPO / "build.py"), "--config", str(site.root / "site.yaml")]
    for _ in range(2):
        done = subprocess.run(
            [*command, "--quiet", "--no-search"],
            env=SUBPROCESS_ENV,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=_two_gib,
        )
        assert done.returncode == 0, done.stderr
    assert (site.root / "_site.lock" / "owner").is_file()
    clean = tmp_path / "clean"
    config = str(site.root / "site.yaml")
    args = ["--output", str(clean), "--quiet", "--no-cache", "--no-search"]
    assert main(["build", "--config", config, *args]) == 0
    assert tree(site.output) == tree(clean)


def _two_gib() -> None:
    """A memory limit for a build that might read /dev/zero: not the machine's."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2**31, 2**31))
