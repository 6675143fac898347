"""A rebuild after adding one article (issue 17): what it writes, what it leaves as it
was (the same files, not copies with new dates, which a deploy would upload again), and
what a build that leaves the search index alone does not load."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import SUBPROCESS_ENV, article, tree
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive import cache, hardlinks, publish, workers
from newsarchive.cli import main
from newsarchive.config import load_config
from newsarchive.outputguard import MARK
from newsarchive.search.format import STAMP as FINGERPRINT_FILE

BUNDLE = "tim-kiem/chi-muc"


def files(root) -> dict[str, tuple[int, int, bytes]]:
    """Every file with its inode, mtime and bytes."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            st = path.stat()
            rel = path.relative_to(root).as_posix()
            found[rel] = (st.st_ino, st.st_mtime_ns, path.read_bytes())
    return found


def add_articles(site, n: int) -> None:
    for i in range(n):
        site.add(
            f"2021/bai-{i}.md",
            article(
                f"Tin phường số {i}",
                f"2021-{1 + i % 12:02d}-{1 + i % 27:02d} 08:00",
                f"Nội dung tin số {i} về đường Láng.",
                category="Đô thị" if i % 2 else "Văn hóa",
                tags=f"[thẻ {i % 3}]",
            ),
        )


def segments(site) -> set[str]:
    return {p.name for p in (site.output / BUNDLE / "s").iterdir()}


def test_adding_one_article_writes_its_pages_and_new_index_segments_only(site):
    add_articles(site, 13)
    assert site.build("--quiet", "--no-search") == 0
    assert site.build("--quiet") == 0  # the index, from the cache
    assert site.build("--quiet") == 0  # the spare folder's index is mirrored, not remade
    before, old_segments = files(site.output), segments(site)

    site.add(
        "2022/moi.md",
        article("Cầu mới thông xe", "2022-02-03 09:00", "Cầu mới.", category="Đô thị"),
    )
    assert site.build("--quiet") == 0
    after = files(site.output)
    changed = {rel for rel in before.keys() & after.keys() if before[rel] != after[rel]}
    changed |= before.keys() ^ after.keys()

    pages = {rel for rel in changed if not rel.startswith(BUNDLE + "/")}
    index = changed - pages
    # Of the article pages, only the new one and the one before it (whose "newer" link
    # leads to it); the lists, feeds and sitemaps that count or name it.
    articles = {rel for rel in pages if re.fullmatch(r"\d{4}/\d{2}/[^/]+/index\.html", rel)}
    new, before_it = "2022/02/cau-moi-thong-xe", "2021/12/tin-phuong-so-11"
    assert articles == {f"{new}/index.html", f"{before_it}/index.html"}
    assert len(pages) < 25
    # The index: its manifest and stamp, the new segments' files, the old ones gone.
    new_segments = segments(site) - old_segments
    for rel in index:
        parts = rel.split("/")
        assert rel in (f"{BUNDLE}/index.js", f"{BUNDLE}/{FINGERPRINT_FILE}") or (
            parts[3] in new_segments | old_segments - segments(site)
        ), rel
    # Everything else is the very same file (inode and date) as before.
    for rel in after.keys() - changed:
        assert after[rel][:2] == before[rel][:2], rel
    assert len(changed) < 40


def test_the_build_after_a_first_one_makes_its_spare_of_links_to_the_recorded_files(site):
    add_articles(site, 13)
    assert site.build("--quiet", "--no-search") == 0
    spare = site.output.with_name(site.output.name + ".previous")
    assert not spare.exists()  # a first build (say a deploy from a fresh clone) makes none
    (site.output / "by-hand.txt").write_text("not the build's")
    before = files(site.output)

    site.add("2022/moi.md", article("Cầu mới thông xe", "2022-02-03 09:00", "Cầu mới."))
    assert site.build("--quiet", "--no-search") == 0
    after = files(site.output)
    # The first version, swapped out untouched (the build's mark added: never published).
    assert {k: v for k, v in files(spare).items() if k != MARK} == before
    changed = {rel for rel in before.keys() & after.keys() if before[rel] != after[rel]}
    articles = {rel for rel in changed if re.fullmatch(r"\d{4}/\d{2}/[^/]+/index\.html", rel)}
    assert articles == {"2021/12/tin-phuong-so-11/index.html"}  # its "newer" link
    assert "2022/02/cau-moi-thong-xe/index.html" in after.keys() - before.keys()
    # The rest are the first version's files (hard links), but only those it recorded.
    assert before.keys() - after.keys() == {"by-hand.txt"}
    for rel in before.keys() - changed - {"by-hand.txt"}:
        assert after[rel][:2] == before[rel][:2], rel


def test_a_page_edited_by_hand_in_the_spare_folder_goes_when_no_longer_built(site):
    add_articles(site, 13)
    for _ in range(2):  # the second build makes the spare: the first version, recorded
        assert site.build("--quiet", "--no-search") == 0
        site.add("2022/moi.md", article("Cầu mới thông xe", "2022-02-03 09:00", "Cầu mới."))
    spare = site.output.with_name(site.output.name + ".previous")
    gone = "2021/12/tin-phuong-so-11/index.html"
    with (spare / gone).open("a", encoding="utf-8") as page:
        page.write("<!-- edited by hand -->")
    (site.content / "2021/bai-11.md").unlink()
    assert site.build("--quiet", "--no-search") == 0
    assert not (site.output / gone).exists()
    assert not (site.output / gone).parent.exists()


@pytest.mark.parametrize("jobs", ["1", "2"])  # the output folders looked at here, and ahead
def test_files_added_by_hand_to_the_site_or_its_spare_are_never_published(
    site, capsys, monkeypatch, jobs
):
    # As build.py runs, with one thread: pytest's server threads would turn forking off.
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    add_articles(site, 5)
    for _ in range(2):  # the site and its spare, both the build's
        assert site.build("--quiet", "--jobs", jobs) == 0
    spare = site.output.with_name(site.output.name + ".previous")
    (site.output / "CNAME").write_text("luutru.example.vn\n")
    (site.output / "2021" / "ghi-chu").mkdir()
    (site.output / "2021" / "ghi-chu" / "a.txt").write_text("mine")
    (spare / "by-hand.html").write_text("not the build's")
    clean = site.root / "clean"
    args = ["build", "--config", str(site.root / "site.yaml"), "--output", str(clean)]
    assert main([*args, "--quiet", "--no-cache"]) == 0
    said = []
    for _ in range(4):  # the same site every time, not every other time
        assert site.build("--quiet", "--jobs", jobs) == 0
        assert tree(site.output) == tree(clean)
        said.append(capsys.readouterr().err)
    assert said[0].startswith(
        "not published: 3 file(s)/folder(s) the build did not write: _site/2021/ghi-chu, "
        "_site/CNAME, _site.previous/by-hand.html (deleted from _site.previous/); files to "
        "publish, such as CNAME, belong in "
    ), said
    # The next build deletes what the site held from the spare it has become, and says so.
    assert "_site.previous/2021/ghi-chu, _site.previous/CNAME (deleted" in said[1], said
    assert said[2:] == ["", ""]
    assert not (spare / "CNAME").exists() and not (spare / "by-hand.html").exists()


def test_a_file_put_in_the_site_by_hand_is_named_when_the_settings_change_too(site, capsys):
    """The served folder's state is for other settings then, and CNAME was left out of
    the new site without a word (named a build later, as deleted from the spare)."""
    add_articles(site, 3)
    assert site.build("--quiet") == 0
    (site.output / "CNAME").write_text("luutru.example.vn\n")
    site.configure(per_page=7)
    capsys.readouterr()
    assert site.build("--quiet") == 0
    assert capsys.readouterr().err.startswith(
        "not published: 1 file(s)/folder(s) the build did not write: _site/CNAME; "
    )
    assert not (site.output / "CNAME").exists()


@pytest.mark.parametrize("how", ["--no-cache", "moved", "cache deleted"])
def test_a_file_put_in_the_site_by_hand_is_named_when_the_build_has_no_record(
    site, capsys, tmp_path, how
):
    """Built with --no-cache, or after its .cache was deleted, the build has no record of
    _site: CNAME was left out of the new site without a word. After the project was moved
    to another folder the build has its record (the cache follows the project), and it
    names CNAME as a build in place does, then its deletion from the spare."""
    add_articles(site, 3)
    assert site.build("--quiet") == 0
    (site.output / "CNAME").write_text("luutru.example.vn\n")
    root = site.root
    args = ["build", "--quiet", "--config", str(root / "site.yaml")]
    if how == "--no-cache":
        args.append("--no-cache")
    elif how == "moved":
        root = site.root.rename(tmp_path / "moved")
        args[-1] = str(root / "site.yaml")
    else:
        shutil.rmtree(site.root / ".cache")
    capsys.readouterr()
    assert main(args) == 0
    assert capsys.readouterr().err.startswith(
        "not published: 1 file(s)/folder(s) the build did not write: _site/CNAME; "
    )
    assert not (root / "_site" / "CNAME").exists()
    assert main(args) == 0
    said = capsys.readouterr().err
    if how == "moved":  # as test_files_added_by_hand_to_the_site_or_its_spare_are_never_published
        assert said.startswith(
            "not published: 1 file(s)/folder(s) the build did not write: _site.previous/CNAME "
            "(deleted from _site.previous/)"
        ), said
    else:  # and nothing more is said then
        assert "not published" not in said


# Run in a process of its own: a build forks only while it runs one thread, and the
# threads other tests leave in pytest's would turn the work ahead off.
_AHEAD = """
import functools, json, sys
from pathlib import Path
from newsarchive import cache, publish, workers
from newsarchive.config import load_config
from newsarchive.contentscan import scan_sources

config = load_config(Path(sys.argv[1]))
scan = functools.partial(scan_sources, config.content_dir, config.root)
look = functools.partial(
    publish.look, config.output_dir, cache.Cache(config), None, sys.argv[2]
)
here_scan, here_look = scan(), look()
early = workers.ForkedCall([scan, look], 2)
ahead_scan, ahead_look, more = early.result(), early.result(), early.result()
alone = workers.ForkedCall([scan, look], 1)
failing = workers.ForkedCall([lambda: 1 / 0, look], 2)
print(json.dumps({
    "scan": [ahead_scan.files, ahead_scan.hidden] == [here_scan.files, here_scan.hidden],
    "looked": ahead_scan.looked > here_scan.looked > 0,  # its own, taken as it scanned
    "look": ahead_look == here_look,
    "none": [more, alone.result(), failing.result(), failing.result()],
    "files": len(here_scan.files),
    "hidden": here_scan.hidden,
    "strays": here_look.live_strays,
    "gone": [sorted(gone) for _, gone in here_look.gone.values()],
}))
"""


def test_what_a_build_does_ahead_in_a_forked_process_is_what_it_finds_itself(site):
    # The article files' scan and the look at the output folders, made in a forked process
    # while the build loads its cache and plans (pipeline._build): what comes back must be
    # what the build would find itself, and a child that fails leaves the work to it.
    add_articles(site, 5)
    for _ in range(2):
        assert site.build("--quiet") == 0
    spare = site.output.with_name(site.output.name + ".previous")
    deleted, edited = "2021/01/tin-phuong-so-0/index.html", "2021/02/tin-phuong-so-1/index.html"
    (site.output / deleted).unlink()
    (spare / edited).unlink()  # a hard link to the served page: edit a copy of its own
    (spare / edited).write_text("edited by hand")
    (site.output / "CNAME").write_text("luutru.example.vn\n")
    site.add(".nhap.md", article("Bản nháp", "2021-05-05 08:00", "Chưa xong."))
    args = [str(site.root / "site.yaml"), BUNDLE]
    result = subprocess.run(
        [sys.executable, "-c", _AHEAD, *args], env=SUBPROCESS_ENV, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["scan"] and seen["looked"] and seen["look"], seen
    assert seen["none"] == [None, None, None, None]  # nothing more; one core; failed: here
    assert seen["files"] == 5 and seen["hidden"] == [".nhap.md"]
    assert seen["strays"] == ["CNAME"]
    assert seen["gone"] == [[deleted], [edited]]
    assert site.build("--quiet") == 0  # the spare's edited page and the deleted one, made
    assert (site.output / edited).read_text() != "edited by hand"
    assert (site.output / deleted).is_file()


def test_a_file_added_by_hand_deep_in_folders_the_last_build_wrote_long_ago_is_found(site):
    """A build lists only the folders modified since the last one finished (publish.py,
    `strays`): one added to deep inside folders that are old is found all the same."""
    add_articles(site, 5)
    for _ in range(2):
        assert site.build("--quiet") == 0
    spare = site.output.with_name(site.output.name + ".previous")
    hour_ago = os.stat(site.output).st_mtime_ns - 3600 * 10**9
    for root in (site.output, spare):  # as if the last build had written them an hour ago
        for folder, _, _ in os.walk(root):
            os.utime(folder, ns=(hour_ago, hour_ago))
    deep = next(p.parent for p in sorted(site.output.rglob("index.html")) if "/20" in str(p))
    (deep / "ghi-chu.html").write_text("mine")
    (spare / "by-hand.html").write_text("not the build's")
    for _ in range(2):
        assert site.build("--quiet") == 0
        assert not (site.output / deep.relative_to(site.output) / "ghi-chu.html").exists()
        assert not (site.output / "by-hand.html").exists()


def test_a_build_without_search_keeps_the_served_index_as_the_same_files(site):
    add_articles(site, 5)
    assert site.build("--quiet") == 0
    indexed = {k: v for k, v in files(site.output).items() if k.startswith(BUNDLE)}
    site.add("2022/moi.md", article("Cầu mới thông xe", "2022-02-03 09:00", "Cầu mới."))
    for _ in range(2):  # in each folder of the two, in turn
        assert site.build("--quiet", "--no-search") == 0
        now = {k: v for k, v in files(site.output).items() if k.startswith(BUNDLE)}
        assert now == indexed
    # The next build with search brings it up to date: the same bytes as from scratch.
    assert site.build("--quiet") == 0
    clean = site.root / "clean"
    args = ["build", "--config", str(site.root / "site.yaml"), "--output", str(clean)]
    assert main([*args, "--quiet", "--no-cache"]) == 0
    assert tree(site.output) == tree(clean)


def test_the_spare_index_is_mirrored_segment_by_segment(tmp_path):
    live, spare = tmp_path / "live", tmp_path / "spare"
    for name, text in [("index.js", "m"), ("s/a/0.js", "a"), ("s/b/0.js", "b"), ("stamp", "1")]:
        (live / name).parent.mkdir(parents=True, exist_ok=True)
        (live / name).write_text(text)
    for name, text in [("index.js", "old"), ("s/a/0.js", "a"), ("s/c/0.js", "c"), ("stamp", "0")]:
        (spare / name).parent.mkdir(parents=True, exist_ok=True)
        (spare / name).write_text(text)
    hardlinks.mirror_index(live, spare, "stamp")
    assert tree(spare) == tree(live)
    for rel in ("index.js", "s/a/0.js", "s/b/0.js", "stamp"):
        assert os.path.samefile(live / rel, spare / rel)
    hardlinks.mirror_index(tmp_path / "none", spare, "stamp")
    assert not spare.exists()


def test_after_publishing_the_spare_takes_the_new_index_as_links(site):
    # So that the next build (an editor's, after adding one article) need not link every
    # file of an index just made into its spare before updating it.
    add_articles(site, 6)
    assert site.build("--quiet", "--no-search") == 0
    assert site.build("--quiet") == 0  # the index made: the spare is the version without
    spare = site.output.with_name(site.output.name + ".previous")
    live_index = files(site.output / BUNDLE)
    assert FINGERPRINT_FILE in live_index and len(live_index) > 3
    assert files(spare / BUNDLE) == live_index  # the same inodes, dates and bytes
    site.add("2022/moi.md", article("Cầu mới thông xe", "2022-02-03 09:00", "Cầu mới."))
    assert site.build("--quiet") == 0
    after = files(site.output / BUNDLE)
    assert after != live_index
    assert files(spare / BUNDLE) == after
    assert (site.output / "2022").is_dir() and not (spare / "2022").exists()  # pages: before
    # The index of each folder is the one a build from scratch makes.
    clean = site.root / "clean"
    args = ["build", "--config", str(site.root / "site.yaml"), "--output", str(clean)]
    assert main([*args, "--quiet", "--no-cache"]) == 0
    assert tree(site.output / BUNDLE) == tree(clean / BUNDLE) == tree(spare / BUNDLE)


def test_a_build_without_search_does_not_load_the_index_writer(site):
    add_articles(site, 3)
    config = str(site.root / "site.yaml")
    code = (
        "import sys; from newsarchive.cli import main; "
        f"code = main(['build', '--quiet', '--no-search', '--config', {config!r}]); "
        "print(code, 'numpy' in sys.modules, 'newsarchive.search.writer' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=SUBPROCESS_ENV, capture_output=True, text=True
    )
    assert result.stdout.split() == ["0", "False", "False"], result.stderr


def test_the_search_index_reads_many_cached_bodies_through_one_spill(site, monkeypatch):
    add_articles(site, 9)
    assert site.build("--quiet", "--no-search") == 0
    config = load_config(site.root / "site.yaml")
    entries = cache.Cache(config).sources()
    keys = {e.article.body_digest for e in entries.values()}
    direct = cache.Cache(config).html(keys)
    assert len(direct) == 9
    monkeypatch.setattr(cache.HtmlReader, "SMALL", 2)
    reader = cache.Cache(config).html_reader()
    first = sorted(keys)[:2]
    assert reader(set(first)) == {k: direct[k] for k in first}  # small: from the shards
    assert reader.file is None
    assert reader(keys) == direct  # large: every body copied once, then read back
    assert reader.file is not None and not reader.cache._html
    assert reader(set(first)) == {k: direct[k] for k in first}


def test_the_cached_articles_share_their_common_values_once_loaded(site):
    # Memory at 100,000 articles (issue 17): the path of an article is its shard's key,
    # and a category, author or tag that many articles share is one object a shard of the
    # sources cache, not one an article.
    add_articles(site, 200)
    assert site.build("--quiet", "--no-search") == 0
    config = load_config(site.root / "site.yaml")
    entries = cache.Cache(config).sources()
    assert len(entries) == 200
    assert all(entry.article.path is path for path, entry in entries.items())
    shards = {cache.shard_of(path) for path in entries}
    assert len(shards) < 100  # 200 articles in at most 64 shards
    for name in ("category", "author"):  # two categories, no author
        objects = {id(getattr(entry.article, name)) for entry in entries.values()}
        assert len(objects) <= 2 * len(shards)
    tags = {id(tag) for entry in entries.values() for tag in entry.article.tags}
    assert len(tags) <= 3 * len(shards)


def test_removing_the_newest_article_removes_it_from_the_index(site):
    # The spare's index, mirrored from the served one, holds every segment of the smaller
    # layout and one more: it must still be rewritten, not taken as up to date.
    add_articles(site, 4)
    assert site.build("--quiet") == 0
    newest = site.add("2022/moi.md", article("Cầu mới thông xe", "2022-02-03 09:00", "Cầu."))
    assert site.build("--quiet") == 0
    newest.unlink()
    for _ in range(2):  # in each folder of the two, in turn
        assert site.build("--quiet") == 0
        clean = site.root / "clean"
        args = ["build", "--config", str(site.root / "site.yaml"), "--output", str(clean)]
        assert main([*args, "--quiet", "--no-cache"]) == 0
        assert tree(site.output / BUNDLE) == tree(clean / BUNDLE)


def test_where_links_are_refused_a_segment_of_the_same_name_is_kept(tmp_path, monkeypatch):
    live, spare = tmp_path / "live", tmp_path / "spare"
    for root in (live, spare):
        for name, text in [("index.js", "m"), ("s/a/0.js", "a"), ("s/a/d0.js", "d"), ("st", "1")]:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
    (spare / "st").write_text("0")

    def refused(source, target):
        raise OSError(18, "Invalid cross-device link")  # EXDEV: put() copies instead

    monkeypatch.setattr(os, "link", refused)
    kept = (spare / "s/a/d0.js").stat().st_ino
    hardlinks.mirror_index(live, spare, "st")
    assert tree(spare) == tree(live)
    assert (spare / "s/a/d0.js").stat().st_ino == kept


# A small site's paths: pages in folders two deep, the search index's folder apart.
_PAGES = ("index.html", "a/index.html", "a/b/index.html", "a/b/c/index.html", "d/e/index.html")
_MORE = ("a/x.html", "a/b/y.html", "d/index.html", "f/g/index.html", "f/index.html")
_FOLDERS = ("a", "a/b", "a/b/c", "d", "d/e", "f", "f/g")


@settings(max_examples=400, deadline=None)
@given(
    on_disk=st.sets(st.sampled_from(_PAGES + _MORE + ("a/b/c", "d/e/h.txt", "s/w.js"))),
    recorded=st.sets(st.sampled_from(_PAGES + _MORE)),
    new=st.sets(st.sampled_from(_PAGES + _MORE)),
    modified=st.sets(st.sampled_from(("", *_FOLDERS))),
    since=st.booleans(),
)
def test_the_spare_s_strays_found_ahead_and_completed_are_those_found_at_once(
    on_disk, recorded, new, modified, since
):
    """publish.strays_beside: what `look` found in the spare ahead (against the files its
    state records), completed for the new version's files, is what strays() finds for
    all of them: the same files and folders the build deletes as put there by hand."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "site"
        for rel in sorted(on_disk):
            path = folder / rel
            if rel == "a/b/c":  # a file where the new version may want a folder
                if not path.exists():
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text("x")
                continue
            if path.parent.is_file():
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.is_dir():
                path.write_text("x")
        (folder / MARK).parent.mkdir(parents=True, exist_ok=True)
        (folder / MARK).write_text("")
        then = time.time_ns()
        old, later = then - 3600 * 10**9, then + 3600 * 10**9
        for dirpath, _, _ in os.walk(folder):
            rel = os.path.relpath(dirpath, folder)
            stamp = later if (rel if rel != "." else "") in modified else old
            os.utime(dirpath, ns=(stamp, stamp))
        at = then if since else None
        at_once = publish.strays(folder, recorded | new, "s", MARK, since=at)
        ahead = publish.strays(folder, recorded, "s", MARK, since=at)
        completed = publish.strays_beside(folder, ahead, recorded, new, "s", MARK, since=at)
        assert completed == at_once, (ahead, completed, at_once)


@pytest.mark.parametrize("fails", [False, True], ids=["ahead", "child-fails"])
def test_a_rebuild_writes_its_new_search_segment_where_numpy_was_imported_ahead(
    site, monkeypatch, tmp_path, fails
):
    """The forked process that looked at the output folders imports numpy meanwhile and
    then writes the one small segment a new article makes (search/writer.py): the index
    is the one a build from scratch makes; a child that fails leaves it to the build."""
    from newsarchive.search import segment

    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)  # as build.py runs
    parent, log = os.getpid(), tmp_path / "encoded-by.txt"
    encode = segment.encode

    def noted_encode(*args, **kwargs):
        with log.open("a") as out:
            out.write(f"{'parent' if os.getpid() == parent else 'child'}\n")
        if fails and os.getpid() != parent:
            raise OSError("the child's disk is full")
        return encode(*args, **kwargs)

    monkeypatch.setattr(segment, "encode", noted_encode)
    add_articles(site, 6)
    for _ in range(2):  # the site and its spare
        assert site.build("--quiet", "--jobs", "2") == 0
    log.unlink()
    site.add("2021/moi.md", article("Tin mới nhất", "2021-12-30 08:00", "Đường Láng mới."))
    assert site.build("--quiet", "--jobs", "2") == 0
    assert log.read_text().split() == (["child", "parent"] if fails else ["child"])
    clean = site.root / "clean"
    args = ["build", "--config", str(site.root / "site.yaml"), "--output", str(clean)]
    assert main([*args, "--quiet", "--no-cache", "--jobs", "1"]) == 0
    assert tree(site.output / BUNDLE) == tree(clean / BUNDLE)
    assert tree(site.output) == tree(clean)
