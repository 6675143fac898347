"""Incremental builds: after any sequence of changes, the same bytes as a clean build.

Each example starts a small site, builds it, then applies random changes to
articles, templates, strings, static files and site.yaml, rebuilding after each
one with the cache (in this process, as the editor's next run would find it on
disk) and comparing the output with a build from scratch into another folder.
"""

import io
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import SUBPROCESS_ENV, SiteDir, article, leftovers, tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive import cache, jinjaenv, publish, render, renderer, sources, urls, workers
from newsarchive.cli import main
from newsarchive.content import Article
from newsarchive.csscomments import published
from newsarchive.progress import Progress
from newsarchive.related import related_articles

TITLES = ["Hội nghị cán bộ", "Đường Láng mở rộng", "Phường Bạch Đằng", "Tin văn hóa", "Y tế"]
DAY = datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=7)))
BODIES = ["Nội dung **một**.", "## Mục\n\nNội dung hai.", "- a\n- b", "Nội dung ba."]


# An article as published, withdrawn (with its text and an old address, or without its
# text), or corrected: withdrawing one and putting it back is an edit like any other.
STATES = [
    {},
    {},
    {"withdrawn": "2026-03-05", "aliases": "[/cu/DAY.html]"},
    {"withdrawn": '{date: 2026-03-05, reason: "Theo yêu cầu."}', "body": ""},
    {"corrections": '[{date: 2026-03-05, text: "Sửa tên."}, {date: 2026-04-01, text: x}]'},
]


def article_text(title: int, day: int, body: int, tag: int, state: int = 0) -> str:
    # Two spellings of a tag and of a category: each is named as its oldest article spells it.
    extra = {key: value.replace("DAY", str(day)) for key, value in STATES[state].items()}
    return article(
        f"{TITLES[title]} {day}",
        f"2020-{1 + day % 3:02d}-{1 + day:02d} 08:00",
        extra.pop("body", BODIES[body]),
        tags=f"[{'Thẻ' if title % 2 else 'thẻ'} {tag}]",
        category="Tin tức" if tag % 2 else ("Văn hóa" if title % 2 else "VĂN HÓA"),
        **extra,
    )


articles = st.builds(
    article_text,
    st.integers(0, len(TITLES) - 1),
    st.integers(0, 20),
    st.integers(0, len(BODIES) - 1),
    st.integers(0, 3),
    st.integers(0, len(STATES) - 1),
)
names = st.sampled_from([f"{folder}bai-{i}.md" for folder in ("", "2020/") for i in range(6)])
# Standalone pages (content/pages/): in the menu or not, in a folder or not, or a draft.
page_names = st.sampled_from(["pages/gioi-thieu.md", "pages/lien-he.md", "pages/a/b.md"])
page_texts = st.builds(
    lambda title, menu, body: f"---\ntitle: {TITLES[title]}\n{menu}---\n\n{BODIES[body]}\n",
    st.integers(0, len(TITLES) - 1),
    st.sampled_from(["", "menu: 1\n", "menu: 2\n", "draft: true\n"]),
    st.integers(0, len(BODIES) - 1),
)
changes = st.one_of(
    st.tuples(st.just("write"), names, articles),  # add or edit
    st.tuples(st.just("touch"), names, st.just("")),  # same bytes, new mtime
    st.tuples(st.just("delete"), names, st.just("")),
    st.tuples(st.just("write"), page_names, page_texts),
    st.tuples(st.just("delete"), page_names, st.just("")),
    st.tuples(st.just("rename"), names, names),
    st.tuples(st.just("broken"), names, st.just("---\ntitle: [\n---\n")),
    st.tuples(
        st.just("template"),
        st.integers(0, 50),  # which file of templates/, whatever the theme holds
        st.sampled_from(["", "x", "<!-- y -->"]),
    ),
    st.tuples(st.just("static"), st.sampled_from(["a.txt", "css/b.css", "CNAME"]), st.text()),
    st.tuples(
        st.just("unstatic"), st.sampled_from(["a.txt", "css/b.css", "css/site.css"]), st.just("")
    ),
    st.tuples(st.just("config"), st.sampled_from(["title", "per_page", "banner"]), st.text()),
    # A part of the cache lost (e.g. the HTML of bodies whose articles are cached).
    st.tuples(st.just("forget"), st.sampled_from(["html", "sources", "outputs"]), st.just("")),
)


def apply_change(site: SiteDir, change: tuple[str, object, str]) -> None:
    kind, name, value = change
    path = site.content / str(name)
    if kind in ("write", "broken"):
        site.add(name, value)
    elif kind == "touch" and path.exists():
        os.utime(path)
    elif kind == "delete" and path.exists():
        path.unlink()
    elif kind == "rename" and path.exists():
        target = site.content / value
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)
    elif kind == "template":
        templates = sorted(p for p in (site.root / "templates").rglob("*") if p.is_file())
        template = templates[int(name) % len(templates)]
        original = template.read_text(encoding="utf-8").split("\n#END\n")[0]
        if template.name == "strings.yaml":
            value = f"\nfooter_note: Bản lưu trữ {value}" if value else ""
        template.write_text(original + (f"\n#END\n{value}" if value else ""), encoding="utf-8")
    elif kind == "static":
        target = site.root / "static" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(value, encoding="utf-8")
    elif kind == "forget":
        shutil.rmtree(site.root / ".cache" / "newsarchive" / str(name), ignore_errors=True)
    elif kind == "unstatic":
        (site.root / "static" / name).unlink(missing_ok=True)
    elif kind == "config":
        config = site.root / "site.yaml"
        lines = [
            line
            for line in config.read_text(encoding="utf-8").splitlines()
            if not line.startswith(f"{name}:")
        ]
        setting = str(1 + len(value) % 3) if name == "per_page" else f'"v{len(value)}"'
        config.write_text("\n".join([*lines, f"{name}: {setting}", ""]), encoding="utf-8")


def clean_build(site: SiteDir, folder: Path) -> int:
    shutil.rmtree(folder, ignore_errors=True)
    config = str(site.root / "site.yaml")
    return main(["build", "--config", config, "--output", str(folder), "--quiet", "--no-cache"])


def check_after(site: SiteDir, clean: Path, *build_args: str) -> None:
    before = tree(site.output) if site.output.exists() else None
    code = site.build("--quiet", *build_args)
    if code == 0:
        assert clean_build(site, clean) == 0
        assert tree(site.output) == tree(clean)
    else:  # a failed build leaves the last site exactly as it was
        assert code == 1
        assert (tree(site.output) if site.output.exists() else None) == before
    assert not leftovers(site.root), "a staging folder was left behind"


@settings(
    max_examples=int(os.environ.get("INCREMENTAL_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    start=st.lists(articles, min_size=1, max_size=4),
    steps=st.lists(st.lists(changes, min_size=1, max_size=3), min_size=1, max_size=5),
)
def test_any_changes_give_the_same_site_as_a_clean_build(start, steps):
    with tempfile.TemporaryDirectory(prefix="newsarchive-incremental-") as tmp:
        site = SiteDir(Path(tmp) / "site")
        for i, text in enumerate(start):
            site.add(f"bai-{i}.md", text)
        check_after(site, Path(tmp) / "clean")
        for step in steps:
            for change in step:
                apply_change(site, change)
            check_after(site, Path(tmp) / "clean")


def test_an_older_articles_spelling_of_a_category_names_it_on_every_page(site, tmp_path):
    """Only the older article's file changes, yet pages of the other show its spelling
    (its month's page, where nothing else changes): they are rendered again."""
    site.add("moi.md", article("Bài mới", "2020-02-01", category="tin tức", tags="[cán bộ]"))
    site.add("cu.md", article("Bài cũ", "2020-01-01", category="Tin Tức", tags="[Cán Bộ]"))
    check_after(site, tmp_path / "clean")
    site.add("cu.md", article("Bài cũ", "2020-01-01", category="TIN TỨC", tags="[CÁN BỘ]"))
    check_after(site, tmp_path / "clean")
    assert " · TIN TỨC<" in site.read("2020/02/index.html")
    page = site.read("2020/02/bai-moi/index.html")
    assert ">TIN TỨC</a>" in page and ">CÁN BỘ</a>" in page and ">tin tức</a>" not in page
    (site.content / "cu.md").unlink()
    check_after(site, tmp_path / "clean")
    assert ">tin tức</a>" in site.read("2020/02/bai-moi/index.html")


def test_parallel_rendering_gives_the_same_bytes(site, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(workers, "MIN_PARALLEL_PAGES", 1)
    # Other tests leave idle threads (the session browser); fork anyway, as a CLI build would.
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    monkeypatch.setattr(sources, "MIN_PARALLEL_READS", 1)
    for i in range(40):
        site.add(f"bai-{i}.md", article_text(i % 5, i % 21, i % 4, i % 4, i % len(STATES)))
    assert site.build("--quiet", "--jobs", "1", "--no-cache") == 0
    serial = tree(site.output)
    assert site.build("--quiet", "--jobs", "3", "--no-cache") == 0
    assert tree(site.output) == serial
    # An incremental parallel build after a template change, too.
    base = site.root / "templates/base.html"
    base.write_text(base.read_text(encoding="utf-8") + "<!-- v2 -->", encoding="utf-8")
    assert site.build("--quiet", "--jobs", "3") == 0
    assert clean_build(site, tmp_path / "clean") == 0
    assert tree(site.output) == tree(tmp_path / "clean")
    # Problems found by worker processes are all reported, in file order.
    site.add("bai-1.md", "---\ntitle: Tin\n---\n")
    site.add("bai-7.md", "---\ndate: 2020-01-01\n---\n")
    capsys.readouterr()
    assert site.build("--quiet", "--jobs", "3", "--no-cache") == 1
    err = capsys.readouterr().err
    assert err.index("bai-1.md") < err.index("bai-7.md")
    assert "no date" in err and "no title" in err


def test_rounds_of_new_workers_and_lists_in_the_build_give_the_same_bytes(site, monkeypatch):
    """A very large build gives its pages to new workers every workers.ROUND pages, and
    renders its lists in the build process after them (render.LISTS_ALONE), to bound
    its memory; its pages are those of a build that does neither."""
    monkeypatch.setattr(workers, "MIN_PARALLEL_PAGES", 1)
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    for i in range(40):
        site.add(f"bai-{i}.md", article_text(i % 5, i % 21, i % 4, i % 4))
    assert site.build("--quiet", "--jobs", "2", "--no-cache") == 0
    whole = tree(site.output)
    pools, alone = [], []
    fork_map, render_pages = workers.fork_map, render.render_pages

    def counted_fork_map(function, batches, jobs, ordered=True):
        pools.append(len(batches))
        return fork_map(function, batches, jobs, ordered)

    def noted_render_pages(job, todo, jobs, template_error):
        if jobs == 1 and todo:
            alone.append({type(job.pages[i].data).__name__ for i in todo})
        return render_pages(job, todo, jobs, template_error)

    monkeypatch.setattr(workers, "fork_map", counted_fork_map)
    monkeypatch.setattr(render, "render_pages", noted_render_pages)
    monkeypatch.setattr(workers, "BATCH", 4)
    monkeypatch.setattr(workers, "ROUND", 8)  # two batches a round
    monkeypatch.setattr(render, "LISTS_ALONE", 1)
    assert site.build("--quiet", "--jobs", "2", "--no-cache") == 0
    assert tree(site.output) == whole
    assert len(pools) > 40 // 8 and set(pools) <= {1, 2}  # 40 article pages and others, 8 a round
    assert alone[0] == {"ListData", "MonthData"}  # then the feeds, as always


def test_bodies_converted_ahead_give_the_same_bytes(site, monkeypatch):
    """While the pages are planned, other processes convert the bodies the cache lacks
    (render.ConvertAhead); the pages made with them are those of a serial build."""
    monkeypatch.setattr(workers, "MIN_PARALLEL_PAGES", 1)
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    for i in range(30):  # 30 bodies, each its own (with links to mark)
        text = article_text(i % 5, i % 21, i % 4, i % 4) + f"\n[Bài {i}](/2020/01/bai-{i}/)\n"
        site.add(f"bai-{i}.md", text)
    assert site.build("--quiet", "--jobs", "1", "--no-cache") == 0
    serial = tree(site.output)
    converted = []
    stop = render.ConvertAhead.stop

    def stop_when_all_done(self):  # planning 30 articles is quicker than converting them
        for future in self.work.futures if self.work else ():
            future.result()
        html, links = stop(self)
        converted.append(len(html))
        return html, links

    monkeypatch.setattr(render.ConvertAhead, "stop", stop_when_all_done)
    assert site.build("--quiet", "--jobs", "3", "--no-cache") == 0
    assert converted[0] == 30
    assert tree(site.output) == serial


def test_a_template_error_in_a_worker_is_reported_and_changes_nothing(site, monkeypatch, capsys):
    monkeypatch.setattr(workers, "MIN_PARALLEL_PAGES", 1)
    # Other tests leave idle threads (the session browser); fork anyway, as a CLI build would.
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    for i in range(10):
        site.add(f"bai-{i}.md", article_text(i % 5, i, i % 4, i % 4))
    assert site.build("--quiet") == 0
    before = tree(site.output)
    template = site.root / "templates/article.html"
    text = template.read_text(encoding="utf-8")
    text = text.replace("{% endblock %}", "{{ article.no_such_field }}{% endblock %}")
    template.write_text(text, encoding="utf-8")
    assert site.build("--quiet", "--jobs", "2") == 1
    assert "no_such_field" in capsys.readouterr().err
    assert tree(site.output) == before
    assert not leftovers(site.root)


def test_a_rebuild_with_one_new_article_writes_only_the_pages_it_changes(site, capsys):
    for i in range(30):
        site.add(f"bai-{i}.md", article_text(i % 5, i % 21, i % 4, i % 4))
    assert site.build() == 0
    capsys.readouterr()
    before = tree(site.output)
    site.add("moi.md", article("Tin mới nhất", "2021-01-01 08:00"))
    assert site.build() == 0
    after = tree(site.output)
    changed = {p for p in after if before.get(p) != after[p]}
    assert "2021/01/tin-moi-nhat/index.html" in changed
    # The search bundle is brought up to date by its own step, reported on its own line.
    pages = set(pages_only(dict.fromkeys(changed)))
    assert f"({len(pages)} file(s) written, 0 deleted)" in capsys.readouterr().out
    assert len(changed) < len(after) / 2


def test_a_changed_setting_writes_only_the_files_it_changes(site, capsys):
    """A new setting renders every page again, but the served files whose bytes stay
    are kept: the build wrote those that the previous build had changed anew, and said
    every file written and none deleted."""
    for i in range(8):
        site.add(f"bai-{i}.md", article_text(i % 5, i, i % 4, i % 4))
    assert site.build("--quiet") == 0
    site.add("moi.md", article("Tin mới", "2020-03-25 08:00"))
    assert site.build("--quiet") == 0  # the spare now holds the version without it
    before = {p.relative_to(site.output): p.stat() for p in site.output.rglob("*") if p.is_file()}
    old = pages_only({str(p): site.output.joinpath(p).read_bytes() for p in before})
    (site.content / "bai-0.md").unlink()
    site.configure(feed_size=3)  # the feeds change, and the pages that list bai-0
    capsys.readouterr()
    assert site.build() == 0
    new = pages_only(tree(site.output))
    changed = [p for p in new if old.get(p) != new[p]]
    gone = [p for p in old if p not in new]
    assert changed and gone
    assert f"({len(changed)} file(s) written, {len(gone)} deleted)" in capsys.readouterr().out
    for rel, was in before.items():
        if str(rel) in new and old.get(str(rel)) == new[str(rel)]:
            assert (site.output / rel).stat().st_mtime_ns == was.st_mtime_ns, f"{rel} written"


def pages_only(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files without the search bundle, which a step of its own updates after the pages."""
    return {p: b for p, b in files.items() if not p.startswith(urls.search_bundle_url())}


@pytest.mark.parametrize("crash_at", range(8))
def test_a_build_that_dies_while_publishing_leaves_the_old_or_the_new_site(
    site, tmp_path, monkeypatch, crash_at
):
    """A crash at each rename or link of a publish (the spare folder's files, the
    cache, the swap): the site is the old one or the new one, and the next build
    ends with the clean build's bytes."""
    for i in range(6):
        site.add(f"bai-{i}.md", article_text(i % 5, i, i % 4, i % 4))
    assert site.build("--quiet") == 0
    site.add("bai-5.md", article_text(3, 9, 2, 2))
    assert site.build("--quiet") == 0  # the spare folder now holds a site too
    before = tree(site.output)
    site.add("bai-0.md", article_text(0, 0, 1, 1))  # changes several pages
    (site.root / "static/css/site.css").unlink()
    site.add("moi.md", article("Tin mới", "2021-01-01 08:00"))
    assert clean_build(site, tmp_path / "clean") == 0
    after = tree(tmp_path / "clean")

    class Died(BaseException):
        """As a kill: nothing of the build runs after it (main() catches no BaseException)."""

    calls = []
    for name in ("replace", "link", "rename", "unlink"):
        real = getattr(os, name)

        def crash(*args, _real=real, **kwargs):
            calls.append(args)
            if len(calls) > crash_at * 3:
                raise Died  # the build dies here
            return _real(*args, **kwargs)

        monkeypatch.setattr(os, name, crash)
    with pytest.raises(Died):
        site.build("--quiet")
    monkeypatch.undo()
    assert tree(site.output) in (before, after)
    assert site.build("--quiet") == 0
    assert tree(site.output) == after
    assert not leftovers(site.root)


def test_a_damaged_or_foreign_cache_is_ignored(site, tmp_path):
    for i in range(5):
        site.add(f"bai-{i}.md", article_text(i % 5, i, i % 4, i % 4))
    assert site.build("--quiet") == 0
    for path in (site.root / ".cache").rglob("*"):
        if path.is_file():
            path.write_bytes(b"not a pickle" if path.suffix == ".pickle" else b"\x00")
    site.add("bai-1.md", article_text(1, 9, 2, 3))
    assert site.build("--quiet") == 0
    assert clean_build(site, tmp_path / "clean") == 0
    assert tree(site.output) == tree(tmp_path / "clean")


@pytest.mark.parametrize("folder", ["sources", "html", "outputs", "jinja"])
def test_a_file_in_the_place_of_a_cache_folder_is_replaced(site, tmp_path, folder):
    """A file where a folder of the cache belongs (an editor's save, a sync tool) failed
    every build after ("is a file where the build needs a folder of that name"), some
    after publishing: the cache is the build's own, made again like a damaged file."""
    for i in range(5):
        site.add(f"bai-{i}.md", article_text(i % 5, i, i % 4, i % 4))
    assert site.build("--quiet") == 0
    shutil.rmtree(site.root / ".cache" / "newsarchive" / folder)
    (site.root / ".cache" / "newsarchive" / folder).write_text("x", encoding="utf-8")
    site.add("bai-1.md", article_text(1, 9, 2, 3))
    assert site.build("--quiet") == 0
    assert (site.root / ".cache" / "newsarchive" / folder).is_dir()
    assert site.build("--quiet") == 0
    assert clean_build(site, tmp_path / "clean") == 0
    assert tree(site.output) == tree(tmp_path / "clean")


def _small() -> None:
    """A memory limit for a build that might read /dev/zero: 2 GiB, not the machine's."""
    resource.setrlimit(resource.RLIMIT_AS, (2**31, 2**31))


def _not_a_file(path: Path, kind: str) -> None:
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero" if kind == "zero" else "nowhere/x")


@pytest.mark.parametrize("kind", ["dangling", "fifo", "zero"])
def test_a_link_or_pipe_in_the_place_of_a_cache_file_is_replaced(site, tmp_path, kind):
    """Every cache file (and outputs/<hash>.txt, which names the output folder) made a
    dangling link, a named pipe or a link to /dev/zero: a link failed every build
    ("cannot write or read here"), a pipe waited for ever, /dev/zero read until memory
    ran out. The cache is the build's own: each is damage, and the build makes it again.
    In a process of its own, with a time limit and a memory limit: a hang fails the test."""
    for i in range(5):
        site.add(f"bai-{i}.md", article_text(i % 5, i, i % 4, i % 4))
    assert site.build("--quiet") == 0
    damaged = [p for p in (site.root / ".cache").rglob("*") if p.is_file()]
    assert cache.output_label(site.root / cache.CACHE_FOLDER, site.output) in damaged
    for path in damaged:
        _not_a_file(path, kind)
    site.add("bai-1.md", article_text(1, 9, 2, 3))
    command = [sys.executable, "-m", "newsarchive", "build", "--quiet"]
    command += ["--config", str(site.root / "site.yaml")]
    for _ in range(2):
        done = subprocess.run(
            command, env=SUBPROCESS_ENV, capture_output=True, timeout=120, preexec_fn=_small
        )
        assert done.returncode == 0, done.stderr.decode()
    label = cache.output_label(site.root / cache.CACHE_FOLDER, site.output)
    assert label.is_file() and not label.is_symlink()
    assert clean_build(site, tmp_path / "clean") == 0
    assert tree(site.output) == tree(tmp_path / "clean")


def test_bodies_whose_html_the_cache_lost_are_read_again(site, tmp_path):
    for i in range(5):
        site.add(f"bai-{i}.md", article_text(i % 5, i, i % 4, i % 4))
    assert site.build("--quiet") == 0
    shutil.rmtree(site.root / ".cache" / "newsarchive" / "html")
    apply_change(site, ("template", 0, "x"))  # every page again, from cached articles
    check_after(site, tmp_path / "clean")
    assert list(site.output.glob("2020/*/*/index.html"))


def test_converted_bodies_are_cached_a_part_at_a_time_and_reused(site, tmp_path, monkeypatch):
    # A build holds no more than cache.HtmlSaver.HELD characters of converted bodies: here
    # it puts them aside after every batch of pages, and merges them into the shards on two
    # processes. The next build converts none of them.
    monkeypatch.setattr(workers, "BATCH", 4)
    monkeypatch.setattr(cache.HtmlSaver, "HELD", 1)
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)  # as build.py runs
    parts: list[set[str]] = []
    put_aside = cache.HtmlSaver._put_aside

    def counted(self):
        parts.append(set(self.held))
        put_aside(self)

    monkeypatch.setattr(cache.HtmlSaver, "_put_aside", counted)
    for i in range(12):
        site.add(f"bai-{i}.md", article(f"Tin {i}", f"2020-01-{1 + i:02d}", f"Nội dung {i}."))
    assert site.build("--quiet", "--jobs", "2") == 0
    assert len(parts) > 1 and len(set.union(*parts)) == 12
    assert not list((site.root / ".cache" / "newsarchive" / "html").glob("*.pending-*"))

    def no_conversion(*args):
        raise AssertionError("a body was converted again")

    monkeypatch.setattr(renderer, "to_html", no_conversion)
    template = site.root / "templates/base.html"
    template.write_text(template.read_text(encoding="utf-8") + "<!-- v2 -->", encoding="utf-8")
    assert site.build("--quiet") == 0
    monkeypatch.undo()
    assert clean_build(site, tmp_path / "clean") == 0
    assert tree(site.output) == tree(tmp_path / "clean")


def test_a_deleted_or_edited_output_is_written_again(site, tmp_path):
    for i in range(5):
        site.add(f"bai-{i}.md", article_text(i % 5, i, i % 4, i % 4))
    assert site.build("--quiet") == 0
    clean = tree(site.output)
    page = next(site.output.glob("2020/*/*/index.html"))
    page.write_text("edited by hand", encoding="utf-8")
    (site.output / "index.html").unlink()
    assert site.build("--quiet") == 0
    assert tree(site.output) == clean
    shutil.rmtree(site.output)
    assert site.build("--quiet") == 0
    assert tree(site.output) == clean


def test_an_edit_that_keeps_the_size_and_puts_the_mtime_back_is_seen(site):
    """`cp -p`, `rsync -a` or `tar x` of another copy of a file of the same size gives it
    that copy's mtime: the build trusted mtime and size, and published the old text."""
    hour_ago = time.time_ns() - 3600 * 10**9
    site.add("bai.md", article("Bài số 12", "2020-01-02 08:00", body="Có 12 hộ dân."))
    css = site.root / "static" / "css" / "site.css"
    for path in (site.content / "bai.md", css):
        os.utime(path, ns=(hour_ago, hour_ago))
    assert site.build("--quiet") == 0
    for path, old, new in ((site.content / "bai.md", "12 hộ", "99 hộ"), (css, "{", "{ ")):
        text = path.read_text(encoding="utf-8")
        edited = text.replace(old, new, 1)
        if path == css:  # the same size: one space in, one out
            edited = edited[: edited.rindex(" ")] + edited[edited.rindex(" ") + 1 :]
        assert edited != text and len(edited.encode()) == len(text.encode())
        path.write_text(edited, encoding="utf-8")
        os.utime(path, ns=(hour_ago, hour_ago))
    assert site.build("--quiet") == 0
    assert "99 hộ" in (site.output / "2020/01/bai-so-12/index.html").read_text(encoding="utf-8")
    # Published without its comments (csscomments.py): the edited text, all the same.
    assert (site.output / "css" / "site.css").read_bytes() == published(css)


def test_builds_with_other_settings_keep_their_own_state(site, tmp_path):
    for i in range(5):
        site.add(f"bai-{i}.md", article_text(i % 5, i, i % 4, i % 4))
    other = tmp_path / "other"
    for args in [(), ("--base-url", "https://example.org/kho/", "--output", str(other))] * 2:
        assert site.build("--quiet", *args) == 0
    assert site.build("--quiet", "--base-url", "https://example.org/kho/") == 0
    assert tree(site.output) == tree(other)
    # Back to the settings of site.yaml, in the same folder: a clean build's bytes.
    assert site.build("--quiet") == 0
    assert clean_build(site, tmp_path / "clean") == 0
    assert tree(site.output) == tree(tmp_path / "clean") != tree(other)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_only():
    shown = Terminal()
    counter = Progress(40, "pages", stream=shown)
    for _ in range(40):
        counter.advance()
    counter.close()
    assert "40/40 pages" in shown.getvalue()
    for stream, quiet in ((io.StringIO(), False), (Terminal(), True)):
        counter = Progress(40, "pages", stream=stream, quiet=quiet)
        counter.advance(40)
        counter.close()
        assert stream.getvalue() == ""


def test_a_build_ends_with_a_one_line_summary(site, capsys):
    for i in range(3):
        site.add(f"bai-{i}.md", article_text(i, i, i, i))
    assert site.build() == 0
    out, err = capsys.readouterr()
    assert err == ""  # no progress bar when stderr is not a terminal
    summary = re.fullmatch(
        r"Built 3 article\(s\): (\d+) page\(s\), (\d+) static file\(s\) in [\d.]+ s -> "
        r"(.+) \((\d+) file\(s\) written, 0 deleted\); search index rebuilt in [\d.]+ s\n",
        out,
    )
    assert summary, out
    pages, statics, folder, written = summary.groups()
    assert Path(folder) == site.output
    assert int(written) == int(pages) + int(statics) == len(pages_only(tree(site.output)))


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_whole_number_above_zero(site, capsys, jobs):
    with pytest.raises(SystemExit) as exc:
        site.build("--jobs", jobs)
    assert exc.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_a_worker_that_dies_fails_the_build_and_changes_nothing(site, monkeypatch, capsys):
    for i in range(10):
        site.add(f"bai-{i}.md", article_text(i % 5, i, i % 4, i % 4))
    assert site.build("--quiet") == 0
    before = tree(site.output)
    site.add("bai-0.md", article_text(1, 20, 1, 1))

    def killed(*args, **kwargs):
        os._exit(9)  # as the kernel's out-of-memory killer would end it

    monkeypatch.setattr(workers, "MIN_PARALLEL_PAGES", 1)
    # Other tests leave idle threads (the session browser); fork anyway, as a CLI build would.
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    monkeypatch.setattr(workers, "_render_batch", killed)
    assert site.build("--quiet", "--jobs", "2") == 1
    assert "stopped unexpectedly" in capsys.readouterr().err
    assert tree(site.output) == before
    assert not leftovers(site.root)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["", "A", "B"]), st.sets(st.sampled_from("wxyz"))), max_size=40
    ),
    st.integers(0, 40),
    st.lists(
        st.tuples(st.sampled_from(["", "A", "C"]), st.sets(st.sampled_from("xyzv"))), max_size=5
    ),
)
def test_related_articles_reused_from_an_earlier_build_are_those_of_a_fresh_one(
    terms, keep, changed
):
    def articles(terms):
        return [
            Article(f"{i}.md", f"t{i}", DAY + timedelta(i), f"s{i}", "", c, tuple(sorted(t)))
            for i, (c, t) in enumerate(terms)
        ]

    earlier = related_articles(articles(terms))
    now = articles(terms[:keep] + changed + terms[keep:])
    assert related_articles(now, earlier) == related_articles(now)


def test_the_settings_file_named_another_way_rebuilds_nothing(site, capsys, monkeypatch):
    """The settings file's path is kept (messages name it): given as site.yaml from the
    project folder, then as an absolute path or from elsewhere, it is one file, and
    the next build writes nothing (a path spelt differently re-rendered every page)."""
    site.add("a.md", article("Bài một", "2020-01-02 08:00"))
    monkeypatch.chdir(site.root)
    assert main(["build", "--config", "site.yaml"]) == 0
    for spelt in (str(site.root / "site.yaml"), "./site.yaml", "../site/site.yaml"):
        capsys.readouterr()
        assert main(["build", "--config", spelt]) == 0
        assert "(0 file(s) written, 0 deleted)" in capsys.readouterr().out, spelt


def _built_twice(site: SiteDir) -> dict[str, bytes]:
    """A site of articles and a standalone page in the menu, built twice (the served
    folder and its spare both the build's): the served files."""
    for i in range(8):
        site.add(f"bai-{i}.md", article_text(i % 5, i, i % 4, i % 4))
    site.add("pages/gioi-thieu.md", "---\ntitle: Giới thiệu\nmenu: 1\n---\n\nVề kho lưu trữ.\n")
    for _ in range(2):
        assert site.build("--quiet") == 0
    return tree(site.output)


def _nothing_read_again(monkeypatch, parsed: bool = True) -> None:
    """Fail on a body converted to HTML again, and (``parsed``) on an article file parsed."""

    def again(*args, **kwargs):
        raise AssertionError("done again: the cache was not used")

    monkeypatch.setattr(renderer, "to_html", again)
    if parsed:
        monkeypatch.setattr(sources, "validate", again)


@pytest.mark.parametrize("how", ["moved", "copied", "moved, its theme elsewhere"])
def test_a_moved_or_copied_project_renders_and_writes_nothing_again(
    site, tmp_path, monkeypatch, how
):
    """`mv ~/archive ~/archive2` (or `cp -a`): the cache keyed absolute paths, and the next
    build rendered and wrote every page again (a cold build: tens of seconds at 10,000
    articles). Now it renders none, converts no body, writes no file, and (moved) parses no
    article: a copy's files have a new ctime and are hashed, not parsed. A templates folder
    outside the project stays where it is, keyed by its absolute path."""
    from newsarchive import pipeline
    from newsarchive.config import load_config

    if how.endswith("elsewhere"):
        shutil.move(site.root / "templates", tmp_path / "theme")
        site.configure(templates_dir=str(tmp_path / "theme"))
    built = _built_twice(site)
    root = tmp_path / "project"
    if how.startswith("moved"):
        shutil.move(site.root, root)
    else:  # as cp -a (its spare folder: test_adversarial_publish.py)
        shutil.copytree(site.root, root, symlinks=True)
    _nothing_read_again(monkeypatch, parsed=how != "copied")
    emptied = []
    empty_spare = publish.empty_spare
    monkeypatch.setattr(publish, "empty_spare", lambda out: emptied.append(out) or empty_spare(out))
    for build in range(2):
        result = pipeline.build(load_config(root / "site.yaml"))
        assert (result.rendered, result.written, result.deleted) == (0, 0, 0)
        assert result.search == "search index unchanged"
        assert not result.strays and not result.warnings
        assert tree(root / "_site") == built
        # The copy's spare, found by no state, is emptied and its files linked again once
        # (never restored: see Cache.state); the copied site then becomes a spare known.
        assert len(emptied) == (how == "copied"), build
    monkeypatch.undo()
    clean = ["build", "--config", str(root / "site.yaml"), "--output", str(tmp_path / "clean")]
    assert main([*clean, "--quiet", "--no-cache"]) == 0
    assert tree(root / "_site") == tree(tmp_path / "clean")


def test_a_cache_from_another_folder_never_stands_for_other_bytes(site, tmp_path, monkeypatch):
    """Another project with the same file names, sizes and times but other bytes (written
    in the same tick of a coarse clock: `changed_ns` equal), given the first one's cache
    and site (copied into it, or restored): the stats recorded in the first folder are
    not trusted in the second, whose articles and static files are hashed, and it builds
    as from scratch. Relative keys with trusted stats published the first one's text."""
    from newsarchive import contentscan, publish

    monkeypatch.setattr(contentscan, "changed_ns", lambda st: st.st_mtime_ns)
    monkeypatch.setattr(publish, "changed_ns", lambda st: st.st_mtime_ns)
    hour_ago = time.time_ns() - 3600 * 10**9
    other = SiteDir(tmp_path / "other")
    for project, number in ((site, "12"), (other, "99")):
        bai = project.add("bai.md", article("Bài số 1", "2020-01-02 08:00", f"Có {number} hộ."))
        css = project.root / "static" / "css" / "site.css"
        css.write_text(f"/* {number} */\n" + css.read_text(encoding="utf-8"), encoding="utf-8")
        for path in (bai, css):
            os.utime(path, ns=(hour_ago, hour_ago))
    assert site.build("--quiet") == 0
    for folder in (".cache", "_site", "_site.lock"):
        shutil.copytree(site.root / folder, other.root / folder, symlinks=True)
    assert other.build("--quiet") == 0
    assert "99 hộ" in other.read("2020/01/bai-so-1/index.html")
    assert clean_build(other, tmp_path / "clean") == 0
    assert tree(other.output) == tree(tmp_path / "clean")


def test_a_moved_project_compiles_its_templates_once_and_names_them_where_they_are(
    site, tmp_path, capsys
):
    """`mv project project2`: Jinja2 keyed the compiled templates by their absolute file
    name, so the next build compiled them all again and the old ones stayed in
    .cache/newsarchive/jinja for ever (twice as many files). They are keyed by their place
    in the project: none is compiled again, and an error raised by compiled code from
    before the move names the template where it is now, at its line; a template changed
    after the move is compiled again (Jinja checks its source)."""
    template = site.root / "templates" / "article.html"
    text = template.read_text(encoding="utf-8")
    broken = '{% if article.title == "Hỏng" %}{{ 1 // 0 }}{% endif %}'
    template.write_text(text.replace("{% block main %}", "{% block main %}" + broken, 1))
    line = next(n for n, row in enumerate(template.read_text().splitlines(), 1) if broken in row)
    site.add("a.md", article("Tin một", "2021-01-01 08:00"))
    assert site.build("--quiet") == 0
    compiled = site.root / ".cache" / "newsarchive" / "jinja"
    before = sorted(p.name for p in compiled.iterdir())
    root = tmp_path / "project2"
    shutil.move(site.root, root)
    moved = SiteDir.__new__(SiteDir)
    moved.root, moved.content, moved.output = root, root / "content", root / "_site"
    moved.add("b.md", article("Hỏng", "2021-01-02 08:00"))
    capsys.readouterr()
    assert moved.build("--quiet") == 1
    err = capsys.readouterr().err
    assert f"{root / 'templates' / 'article.html'}:{line}: error: template problem: " in err, err
    assert str(site.root) not in err, err
    assert sorted(p.name for p in (root / ".cache/newsarchive/jinja").iterdir()) == before
    base = root / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<i>mới</i></body>"))
    (root / "content" / "b.md").unlink()
    assert moved.build("--quiet") == 0
    assert "<i>mới</i>" in moved.read("index.html")


def test_templates_compiled_by_another_version_of_newsarchive_are_compiled_again(
    site, tmp_path, monkeypatch
):
    """The compiled templates were keyed by the template alone (Jinja2 checks its
    source): a newsarchive that compiles them otherwise (here without trim_blocks and
    lstrip_blocks) rendered every page again with the code compiled by the version
    before, whose whitespace a build without the cache does not have."""
    for n in range(3):
        site.add(f"{n}.md", article(f"Tin số {n}", f"2021-01-0{n + 1} 08:00"))
    assert site.build("--quiet") == 0

    class Otherwise(jinjaenv._Environment):
        def __init__(self, **options):
            super().__init__(**{**options, "trim_blocks": False, "lstrip_blocks": False})

    monkeypatch.setattr(jinjaenv, "_Environment", Otherwise)
    monkeypatch.setattr(cache, "code_digest", lambda: "another version of newsarchive")
    assert site.build("--quiet") == 0
    assert clean_build(site, tmp_path / "clean") == 0
    assert tree(site.output) == tree(tmp_path / "clean")
