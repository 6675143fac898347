"""`python build.py check`: content validated as the build does, then the built site checked."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, SUBPROCESS_ENV, article, place_of
from test_seed_article import SEED_URL

from newsarchive import check, urls, workers
from newsarchive.check import check_site


def run_check(site, *args: str, command: str = "check") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), command, *args],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )


def test_a_clean_site_passes_and_nothing_is_written(seed_site):
    seed_site.add(
        "2019/05/tin-sau.md",
        article(
            "Tin sau",
            "2019-05-02 08:00",
            "Xem [tin trước].\n\n[tin trước]: ../../../" + SEED_URL + "\n",
        ),
    )
    result = run_check(seed_site)
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout
    assert not seed_site.output.exists()
    assert sorted(p.name for p in seed_site.root.iterdir()) == [
        "content",
        "site.yaml",
        "static",
        "templates",
    ]


def test_a_broken_link_in_an_article_is_reported_against_its_file(seed_site):
    seed_site.add(
        "2019/05/tin-moi.md",
        article(
            "Tin mới",
            "2019-05-02 08:00",
            "Xem [bài cũ](../../04/khong-co-bai-nay/) và [mục](#khong-co-muc).",
        ),
    )
    result = run_check(seed_site)
    assert result.returncode == 1
    # At the line of the link in the article's file (its body is line 6).
    assert "content/2019/05/tin-moi.md:6:14: error: in the page /2019/05/tin-moi/" in result.stderr
    assert "'../../04/khong-co-bai-nay/' leads to no file" in result.stderr
    assert "'#khong-co-muc' opens a page without the heading or id it names" in result.stderr
    assert "2 problem(s) in 1 file(s)" in result.stderr


def test_a_broken_link_is_said_as_the_article_writes_it(site):
    """check said '../../04/khong-co/' of a link written /2019/04/khong-co/, the page's
    spelling, where the build's warning said the article's; one written with an escape
    (%20) was not found in the article at all and blamed on templates/article.html."""
    site.add(
        "2019/05/a.md",
        article("Tin", "2019-05-01", "[x](/2019/04/khong-co/)\n\n[w](/2019/04/khong%20co/#a)"),
    )
    result = run_check(site)
    assert result.returncode == 1
    said = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert said == [
        "content/2019/05/a.md:6:5: error: in the page /2019/05/tin/: the link "
        "'/2019/04/khong-co/' leads to no file in the site",
        "content/2019/05/a.md:8:5: error: in the page /2019/05/tin/: the link "
        "'/2019/04/khong%20co/#a' leads to no file in the site",
    ], result.stderr


def test_a_missing_picture_is_said_with_the_build_s_fix(site):
    """A picture the article links and static/ lacks: the build's warning says where a
    file of static/ is (its path there, e.g. /images/anh.jpg), check's error only
    'correct the address, or remove the link', though README says check's messages are
    the build's."""
    site.add("2019/05/a.md", article("Tin", "2019-05-01", "Chữ.\n\n![Ảnh](/media/khong-co.jpg)"))
    fix = (
        "how to fix: put the file at static/media/khong-co.jpg (the files of static/ are "
        "published at their path in it), or correct the link"
    )
    built = run_check(site, command="build")
    assert fix in built.stderr, built.stderr
    result = run_check(site)
    assert result.returncode == 1
    assert "content/2019/05/a.md:8:8: error: in the page /2019/05/tin/: the link " in result.stderr
    assert fix in result.stderr, result.stderr


def test_content_errors_are_the_build_messages(seed_site):
    seed_site.add("bad.md", "---\ntitle: Hội nghị: tổng kết\ndate: 2020-01-01\n---\nText\n")
    built = run_check(seed_site, command="build")
    assert built.returncode == 1
    build_messages = built.stderr.split("\n\n")[0]
    result = run_check(seed_site)
    assert result.returncode == 1
    assert build_messages and build_messages in result.stderr
    assert not seed_site.output.exists()


def test_a_planted_broken_link_in_a_built_site_fails(seed_site):
    assert seed_site.build() == 0
    assert run_check(seed_site, "--built", "_site").returncode == 0
    home = seed_site.output / "index.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace(
            "</main>", '<a href="2019/05/khong-co/">mất</a></main>'
        ),
        encoding="utf-8",
    )
    result = run_check(seed_site, "--built", "_site")
    assert result.returncode == 1
    assert "_site/index.html: error: the link '2019/05/khong-co/' leads to no file" in result.stderr
    # On an article's page, a link that is not in its text is named by the page's file,
    # not the article's (nothing there to correct), with the template to look at.
    [page] = seed_site.output.glob(urls.article_glob())
    text = page.read_text(encoding="utf-8")
    assert 'href="../../../luu-tru/"' in text
    page.write_text(text.replace('href="../../../luu-tru/"', 'href="../../../luu-truu/"'))
    result = run_check(seed_site, "--built", "_site")
    rel = page.relative_to(seed_site.root).as_posix()
    assert f"{rel}: error: the link '../../../luu-truu/' leads to no file" in result.stderr
    assert ".md" not in result.stderr and "in the template that makes the page" in result.stderr


def test_a_broken_link_in_a_template_is_said_once_at_its_line_not_blamed_on_an_article(site):
    """A fork's base.html linked /images/ho.png without url(): under a project path it
    leads outside the site. check blamed the one article whose Markdown links the same
    address correctly (the build makes that one relative), and said it once per page
    against each page's own template, never at base.html's line."""
    site.configure(base_url="https://someone.github.io/dongda-archive/")
    (site.root / "static" / "images").mkdir()
    (site.root / "static" / "images" / "ho.png").write_bytes(b"png")
    body = 'Ảnh ![hồ](/images/ho.png) và <img alt="" src="/images/khong.png"> nữa.'
    site.add("2024/05/le-hoi.md", article("Lễ hội", "2024-05-01", body))
    site.add("2024/05/hai.md", article("Tin hai", "2024-05-02"))
    base = site.root / "templates" / "base.html"
    text = base.read_text(encoding="utf-8")
    footer = '<footer class="site-footer band">'
    line = text[: text.index(footer)].count("\n") + 1
    # And a link home from the root (the 404 page's links too are from the root), and
    # one made with url() to no page, written differently a folder deeper.
    added = '<img alt="" src="/images/ho.png"><a href="/">Trang chủ</a>'
    added += '<a href="{{ url(\'/lien-he/\') }}">Liên hệ</a><a href="/gioi-thieu/">GT</a>'
    added += '<a href="khong-co/">KC</a>'  # relative: a page at each depth has its own
    base.write_text(text.replace(footer, footer + added), "utf-8")
    lines = base.read_text(encoding="utf-8").splitlines()

    def at(text: str) -> str:  # each link at its line and column: they share a line
        return f"templates/base.html:{place_of(lines, text)}"

    result = run_check(site)
    assert result.returncode == 1
    errors = [row for row in result.stderr.splitlines() if ": error: " in row]
    outside = "is an absolute path outside the site's base path /dongda-archive/"
    # The article's own raw HTML link is still the article's.
    assert errors[0] == (
        "content/2024/05/le-hoi.md:6:47: error: in the page /2024/05/le-hoi/: "
        f"the link '/images/khong.png' {outside}"
    )
    # Each once, for every page: not at the first line of each template holding a "/".
    home, contact = at('/">Trang'), at("url('/lien-he/')")  # the link '/', and url()
    assert sorted(row.split(", on ")[0] for row in errors[1:]) == sorted(
        [
            f"{contact}: error: the link \"url('/lien-he/')\" leads to no file in the site",
            f"{home}: error: the link '/' {outside}",
            f"{at('/gioi-thieu/')}: error: the link '/gioi-thieu/' {outside}",
            f"{at('/images/ho.png')}: error: the link '/images/ho.png' {outside}",
            f"{at('khong-co/')}: error: the link 'khong-co/' leads to no file in the site",
        ]
    ), result.stderr
    assert home.startswith(f"templates/base.html:{line}:"), home
    assert "write it as {{ url('/images/ho.png') }}" in result.stderr
    # Not for an address the site does not have: url() would not make it one.
    assert "correct the address: the site has no page or file /gioi-thieu/" in result.stderr

    base.write_text(
        text.replace(footer, footer + '<img alt="" src="{{ url(\'/images/ho.png\') }}">')
    )
    site.add("2024/05/le-hoi.md", article("Lễ hội", "2024-05-01", "Ảnh ![hồ](/images/ho.png)"))
    result = run_check(site)
    assert result.returncode == 0, result.stderr


def test_a_link_held_in_a_variable_is_said_at_its_line_and_where_it_is_set(site):
    """{% set contact = "/lien-he-e/" %} and url(contact), to a page the site lacks,
    was said at templates/ with no line and the general fix."""
    site.add("2024/05/hai.md", article("Tin hai", "2024-05-02"))
    base = site.root / "templates" / "base.html"
    text = base.read_text(encoding="utf-8")
    footer = '<footer class="site-footer band">'
    line = text[: text.index(footer)].count("\n") + 1
    added = '{% set contact = "/lien-he-e/" %}\n' + footer + '<a href="{{ url(contact) }}">LH</a>'
    base.write_text(text.replace(footer, added), "utf-8")
    result = run_check(site)
    assert result.returncode == 1
    at = place_of(base.read_text(encoding="utf-8").splitlines(), "url(contact)")
    assert at.startswith(f"{line + 1}:"), at
    said = f"templates/base.html:{at}: error: the link 'url(contact)' leads to no file"
    assert said in result.stderr, result.stderr
    fix = (
        "how to fix: the site has no page or file /lien-he-e/: correct the address where "
        f'contact is set, at line {line} ({{% set contact = "/lien-he-e/" %}}), or remove the link'
    )
    assert fix in result.stderr, result.stderr


def test_a_style_sheet_the_static_folder_lacks_is_to_be_put_there(seed_site):
    """An archive folder that copied templates/ but not newsarchive's static files got
    "correct the address in the template" for url('css/site.css'), which is right."""
    (seed_site.root / "static" / "css" / "site.css").unlink()
    result = run_check(seed_site)
    assert result.returncode == 1
    base = seed_site.root / "templates" / "base.html"
    at = place_of(base.read_text("utf-8").splitlines(), "url('css/site.css')")
    assert f"templates/base.html:{at}: error: the link \"url('css/site.css')\"" in result.stderr
    assert "how to fix: put the file in the static folder as static/css/site.css" in result.stderr


def test_the_build_says_a_file_its_templates_link_that_the_site_lacks(seed_site):
    """Deleting static/css/ built without a word: only check said the site had no
    style sheet. The build says it as check does (a warning; an error with --strict),
    and says nothing of a site whose templates' files are all there."""
    result = run_check(seed_site, command="build")
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    (seed_site.root / "static" / "css" / "site.css").unlink()
    base = seed_site.root / "templates" / "base.html"
    at = place_of(base.read_text("utf-8").splitlines(), "url('css/site.css')")
    said = f"templates/base.html:{at}: warning: the link \"url('css/site.css')\" leads to no file"
    for _ in range(2):  # and again: the site is without it until it is put back
        result = run_check(seed_site, command="build")
        assert result.returncode == 0, result.stderr
        assert said in result.stderr, result.stderr
        assert "how to fix: put the file in the static folder as static/css/site.css" in (
            result.stderr
        )
    result = run_check(seed_site, "--strict", command="build")
    assert result.returncode == 1 and said.replace("warning", "error") in result.stderr
    # check says it once, as its own error, not the build's warning beside it.
    result = run_check(seed_site)
    assert result.stderr.count("url('css/site.css')") == 1, result.stderr
    assert said.replace("warning", "error") in result.stderr


def test_check_built_says_a_templates_missing_file_once_at_the_template(seed_site):
    """`check --built _site` of a site whose style sheet is missing said it once a page,
    at each page's file in _site/ (one error for each of them, the fix "correct the
    address"): now once, at the template's line and column that write it, with how many
    pages carry it. A link the templates do not write (planted in a page) is still said
    at that page."""
    (seed_site.root / "static" / "css" / "site.css").unlink()
    assert seed_site.build() == 0
    pages = [p for p in seed_site.output.rglob("*.html") if "css/site.css" in p.read_text("utf-8")]
    assert len(pages) > 3
    result = run_check(seed_site, "--built", "_site")
    assert result.returncode == 1
    errors = [row for row in result.stderr.splitlines() if ": error: " in row]
    base = seed_site.root / "templates" / "base.html"
    at = place_of(base.read_text("utf-8").splitlines(), "url('css/site.css')")
    assert [row for row in errors if "site.css" in row] == [
        f"templates/base.html:{at}: error: the link \"url('css/site.css')\" leads to no file "
        f"in the site, on {len(pages):,} pages ({', '.join(_first_three(seed_site, pages))}…)"
    ], result.stderr
    assert "how to fix: put the file in the static folder as static/css/site.css" in result.stderr


def _first_three(site, pages) -> list[str]:
    """The addresses of the first three of ``pages`` (files of the built site) by path, as
    a message lists them."""
    rels = sorted(p.relative_to(site.output).as_posix() for p in pages)[:3]
    return ["/" + urls.file_url(rel) for rel in rels]


def test_a_site_whose_pages_alone_pass_1_gb_is_told_to_move_or_split(seed_site):
    """Moving media off the site cannot help when its pages and search index are over
    GitHub Pages' 1 GB by themselves (some 75,000 imported articles): the warning says
    what can."""
    assert seed_site.build() == 0
    for n in range(11):  # sparse: no time or disk spent writing them
        with (seed_site.output / "js" / f"chi-muc-{n}.js").open("wb") as part:
            part.truncate(100 * 1024 * 1024)
    result = run_check(seed_site, "--built", "_site")
    assert "more than GitHub Pages publishes (1 GB)" in result.stderr
    assert "split the archive into two sites" in result.stderr
    assert "static/media" not in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("folder", ["empty", "content", ".git-like"])
def test_a_folder_that_is_not_a_built_site_fails_the_check(seed_site, folder):
    """`check --built` is what the publishing workflow trusts: a folder with no site
    in it (a wrong path, the articles) must not pass as one with no problems."""
    target = seed_site.root / folder
    target.mkdir(exist_ok=True)
    if folder == ".git-like":
        (target / "HEAD").write_text("ref: refs/heads/main\n")
    result = run_check(seed_site, "--built", folder)
    assert result.returncode == 1, result.stdout
    assert "is not a site built by newsarchive: it has no index.html, 404.html" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_that_is_not_a_built_site_is_said_so_and_not_read(seed_site):
    """check --built / (or a home folder, someone's own web pages) read every file below
    it before saying it is no site: minutes on a disk, then each page's links and each
    XML file said one by one, as if of the archive."""
    target = seed_site.root / "trang-rieng"
    (target / "a").mkdir(parents=True)
    (target / "a" / "index.html").write_text('<a href="/khong-co/">x</a>', encoding="utf-8")
    (target / "hong.xml").write_text("<a>", encoding="utf-8")
    result = run_check(seed_site, "--built", "trang-rieng")
    assert result.returncode == 1, result.stdout
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, result.stderr
    assert "is not a site built by newsarchive: it has no index.html, 404.html" in errors[0]


def test_a_site_built_for_another_address_is_said_once_with_both(seed_site):
    """`check --built _site --base-url B` of a site built for A said each of its links
    wrong (38 errors on the repository's site), one by one, never why."""
    built_for = "https://someone.github.io/hbt/"
    assert seed_site.build("--base-url", built_for) == 0
    other = "https://archive.example.vn/"
    result = run_check(seed_site, "--built", "_site", "--base-url", other)
    assert result.returncode == 1, result.stdout
    said = f"robots.txt: error: this site was built for {built_for}, not for {other}"
    assert said in result.stderr, result.stderr
    assert "1 problem(s) in 1 file(s)" in result.stderr, result.stderr
    assert f"or check it for the address it was built for (--base-url {built_for})" in (
        result.stderr
    )
    result = run_check(seed_site, "--built", "_site", "--base-url", built_for)
    assert result.returncode == 0, result.stderr


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


PAGE = (
    '<!DOCTYPE html><html><head><link rel="canonical" href="{canonical}"></head>'
    "<body>{body}</body></html>"
)
BASE = "https://user.github.io/repo/"


def page(body: str, canonical: str = BASE) -> str:
    return PAGE.format(body=body, canonical=canonical)


def problems(root: Path) -> list[str]:
    return [f"{p.path.relative_to(root)}: {p.message}" for p in check_site(root, BASE)]


def test_the_rules_on_a_hand_made_site(tmp_path):
    write(
        tmp_path,
        {
            "index.html": page(
                '<a href="a/">a</a> <a href="a">a without slash</a> <a href="a/#h">h</a>'
                '<img src="img/x.png" srcset="img/x.png 1x, img/x2.png 2x">'
                '<a href="https://elsewhere.example/">out</a> <a href="mailto:x@example.vn">m</a>'
                '<a href="https://user.github.io/repo/a/">full</a> <a href="#top">top</a>'
            ),
            "a/index.html": page('<h2 id="h">H</h2><a href="../">home</a>', BASE + "a/"),
            "img/x.png": "png",
            "img/x2.png": "png",
            "robots.txt": "User-agent: *\n",
            "404.html": page('<a href="/repo/">home</a> <a href="/repo/a/#h">a</a>'),
            "feed.xml": (
                '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<link>{BASE}</link><item><link>{BASE}a/</link><guid>{BASE}a/</guid></item>"
                "</channel></rss>"
            ),
            "sitemap.xml": (
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<url><loc>{BASE}</loc></url><url><loc>{BASE}a/</loc></url></urlset>"
            ),
        },
    )
    assert problems(tmp_path) == []

    write(
        tmp_path,
        {
            "b/index.html": page(
                '<h2 id="x">1</h2><h2 id="x">2</h2><a href="../a/#nope">n</a>'
                '<img src="img/missing.png"><a href="../../outside/">o</a>',
                BASE + "b/",
            ),
            "404.html": page('<a href="/repo/">home</a> <a href="/a/">not under /repo/</a>'),
            "feed.xml": f"<rss><channel><link>{BASE}gone/</link></channel>",
            "sitemap.xml": (
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                "<url><loc>https://other.example/</loc></url>"
                f"<url><loc>{BASE}gone/</loc></url></urlset>"
            ),
        },
    )
    found = problems(tmp_path)
    expected = [
        "b/index.html: the id 'x' is used more than once",
        "b/index.html: the link '../a/#nope' opens a page without the heading or id it names",
        "b/index.html: the link 'img/missing.png' leads to no file",
        "b/index.html: the link '../../outside/' leads outside the site",
        "404.html: the link '/a/' is an absolute path outside the site's base path /repo/",
        "feed.xml: /feed.xml is not well-formed XML",
        "sitemap.xml: in /sitemap.xml: 'https://other.example/' is not under the site's "
        f"address {BASE}",
        f"sitemap.xml: in /sitemap.xml: '{BASE}gone/' leads to no file",
    ]
    for fragment in expected:
        assert any(fragment in line for line in found), f"{fragment!r} not in {found}"
    assert len(found) == len(expected), found


def test_an_empty_page_is_named_with_where_to_look(tmp_path):
    write(
        tmp_path,
        {
            "index.html": page('<a href="trong/">trống</a>'),
            "trong/index.html": "\n",
            "robots.txt": "User-agent: *\n",
            "404.html": page(""),
        },
    )
    assert [(p.path, p.message, p.hint) for p in check_site(tmp_path, BASE)] == [
        (
            tmp_path / "trong/index.html",
            "the page /trong/index.html is empty",
            "build the site again; if it stays empty, check the template that makes this page",
        )
    ]


def test_pages_read_on_several_cores_give_the_same_problems_in_the_same_order(
    tmp_path, monkeypatch
):
    """A large site's pages are parsed in forked processes (check.read_pages): what they
    find, and its order, is what one process finds."""
    pages = 30
    files = {
        "index.html": page('<a href="p0/">p0</a>'),
        "robots.txt": "User-agent: *\n",
        "404.html": page('<a href="/repo/">home</a>'),
    }
    for n in range(pages):  # each: a duplicate id, a missing fragment; the last, no next
        body = f'<h2 id="d">1</h2><h2 id="d">2</h2><a href="../p{n + 1}/">next</a>'
        files[f"p{n}/index.html"] = page(body + f'<a href="#x{n}">x</a>', f"{BASE}p{n}/")
    write(tmp_path, files)
    alone = problems(tmp_path)
    assert len(alone) == 2 * pages + 1, alone

    monkeypatch.setattr(check, "MIN_PARALLEL_PAGES", 1)
    monkeypatch.setattr(check, "PAGE_BATCH", 4)
    # Other tests leave idle threads (the session browser); fork anyway, as the CLI would.
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    forked = []
    fork_map = workers.fork_map
    monkeypatch.setattr(workers, "fork_map", lambda *a, **k: forked.append(1) or fork_map(*a, **k))
    found = check_site(tmp_path, BASE, jobs=2)
    assert forked, "the pages were not read in forked processes"
    assert [f"{p.path.relative_to(tmp_path)}: {p.message}" for p in found] == alone


def test_a_worker_that_dies_is_said_with_its_fix_not_as_a_bug(seed_site, monkeypatch, capsys):
    """A worker reading pages killed (out of memory, say): exit 1 with what happened and
    what to do, not the crash report of a bug."""
    from newsarchive.cli import main

    assert seed_site.build() == 0
    monkeypatch.setattr(check, "MIN_PARALLEL_PAGES", 1)
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    parent = os.getpid()
    read_batch = check._read_batch

    def dying(root, rels):
        if os.getpid() != parent:  # only ever in a worker
            os._exit(9)
        return read_batch(root, rels)

    monkeypatch.setattr(check, "_read_batch", dying)
    capsys.readouterr()
    config = str(seed_site.root / "site.yaml")
    assert main(["check", "--config", config, "--built", str(seed_site.output), "--jobs", "2"]) == 1
    err = capsys.readouterr().err
    assert "a worker process of the check stopped unexpectedly (out of memory?)" in err
    assert "check again, or with --jobs 1 to use less memory" in err
    assert "internal error" not in err and "Traceback" not in err
    assert main(["check", "--config", config, "--built", str(seed_site.output), "--jobs", "1"]) == 0


@pytest.mark.parametrize("base", ["https://user.github.io/repo/", "https://luutru.example.vn/"])
def test_the_built_repository_site_passes_under_any_base_url(tmp_path, base):
    out = tmp_path / "out"
    from newsarchive.cli import main

    assert (
        main(
            [
                "--config",
                str(REPO / "site.yaml"),
                "--output",
                str(out),
                "--base-url",
                base,
                "--quiet",
            ]
        )
        == 0
    )
    assert check_site(out, base) == []


@pytest.mark.parametrize("written", ["https://hbt.vn:443/", "https://WWW.HBT.VN./"])
def test_a_link_to_the_old_portal_is_said_however_original_site_spells_its_host(site, written):
    """`check` compared a link's host without its default port or final dot with the
    host of original_site kept as written: ':443' in site.yaml turned the warning off."""
    site.configure(original_site=written)
    site.add("a.md", article("Tin", "2020-01-01", "[cũ](https://hbt.vn/tin/1.html)"))
    result = run_check(site)
    assert "the link 'https://hbt.vn/tin/1.html' leads to the old portal" in result.stderr, (
        result.stderr
    )


def test_articles_from_one_portal_without_original_site_are_told_the_line_to_add(site):
    """Without original_site, check said "no problems" of an archive imported from a
    portal whose pages its articles still linked (62 warnings once it was set): the
    articles' source_url all on one host, it now says the line to add to site.yaml."""
    body = "[ảnh](https://www.hbt.vn/anh/1.jpg)"
    site.add("a.md", article("Tin A", "2020-01-01", body, source_url="https://www.hbt.vn/a.html"))
    site.add("b.md", article("Tin B", "2020-01-02", source_url="http://hbt.vn/b.html"))
    site.add("c.md", article("Tin C", "2020-01-03", source_url="https://www.hbt.vn/c.html"))
    result = run_check(site)
    assert result.returncode == 0, result.stderr
    said = result.stderr
    assert (
        "site.yaml: warning: the articles' original pages (source_url) are all on "
        "https://www.hbt.vn/, but original_site is not set"
    ) in said, said
    assert "add this line to site.yaml: original_site: https://www.hbt.vn/" in said, said
    site.configure(original_site="https://www.hbt.vn/")
    result = run_check(site)
    assert "original_site: https" not in result.stderr, result.stderr
    assert "leads to the old portal" in result.stderr, result.stderr


def test_articles_all_from_a_portal_original_site_does_not_name_are_told_the_list(site):
    """A fork for another district set original_site to its portal's address, and
    imported articles whose original pages were all on another host (the portal's older
    name, or original_site mistyped): check said "no problems" of articles that still
    linked that host's pictures, which will go dark with it. It now says so at the line
    of original_site, with the list to write."""
    site.configure(original_site="https://caugiay.hanoi.gov.vn/")
    body = "![ảnh](https://sotttt.hanoi.gov.vn/anh/1.jpg)"
    site.add(
        "a.md", article("Tin A", "2020-01-01", body, source_url="https://sotttt.hanoi.gov.vn/a")
    )
    site.add("b.md", article("Tin B", "2020-01-02", source_url="https://sotttt.hanoi.gov.vn/b"))
    result = run_check(site)
    assert result.returncode == 0, result.stderr
    said = result.stderr
    line = next(
        n
        for n, text in enumerate((site.root / "site.yaml").read_text().splitlines(), 1)
        if text.startswith("original_site:")
    )
    assert (
        f"site.yaml:{line}: warning: the articles' original pages (source_url) are all on "
        "https://sotttt.hanoi.gov.vn/, which original_site does not name"
    ) in said, said
    assert "original_site: [https://caugiay.hanoi.gov.vn/, https://sotttt.hanoi.gov.vn/]" in said, (
        said
    )
    assert "leads to the old portal" not in said, said
    site.configure(original_site=["https://caugiay.hanoi.gov.vn/", "https://sotttt.hanoi.gov.vn/"])
    result = run_check(site)
    assert "does not name" not in result.stderr, result.stderr
    assert "leads to the old portal" in result.stderr, result.stderr


def test_articles_from_several_hosts_are_not_said_to_come_from_one_portal(site):
    site.add("a.md", article("Tin A", "2020-01-01", source_url="https://hbt.vn/a.html"))
    site.add("b.md", article("Tin B", "2020-01-02", source_url="https://vnexpress.net/b.html"))
    site.add("c.md", article("Tin C", "2020-01-03"))
    result = run_check(site)
    assert result.returncode == 0 and "original_site" not in result.stderr, result.stderr


def test_a_picture_linked_by_httracks_name_is_said_to_be_one(site):
    """An article imported from an HTTrack mirror without its hts-cache/ links a picture
    the mirror lacks by HTTrack's name (anh.jpg/anhd6c1.jpg?t=…, 4 letters of the MD5
    of its query), which the portal never had; `check` said to 'import the file from a
    crawl that holds it', which no crawl can: it is at another address. It says the name
    is HTTrack's and to import the mirror with its hts-cache/, which names the address."""
    site.configure(original_site="https://hbt.vn/")
    named = "https://hbt.vn/documents/1/2/anh.jpg/anhd6c1.jpg?t=1450171279357"
    other = "https://hbt.vn/documents/1/2/anh.jpg/anhffff.jpg?t=1"  # not its query's MD5
    site.add("a.md", article("Tin", "2020-01-01", f"![Ảnh]({named})\n\n![Ảnh]({other})"))
    result = run_check(site)
    assert result.returncode == 0, result.stderr
    said = result.stderr.split("\ncontent/")
    [httrack] = [s for s in said if "anhd6c1" in s]
    assert "the name HTTrack gave" in httrack and "hts-cache/" in httrack, httrack
    [plain] = [s for s in said if "anhffff" in s]
    assert "HTTrack" not in plain and "import the file from a crawl" in plain, plain


def test_a_liferay_picture_by_httracks_name_is_said_with_the_portals_address(site):
    """HTTrack's name for a picture of Liferay's image servlet tells its address whole
    (httracknames.portal_address): `check` called it "HTTrack's" and sent the archivist
    to import again with the cache; it now names the address to write. A document's
    name (anh.jpg/anh<4 hex>.jpg?t=…, an id replaced) tells none and keeps that hint."""
    site.configure(original_site="https://hbt.vn/")
    query = "img_id=2287040&t=1661574431670"  # HTTrack's name: article0d5c.jpg
    named = f"https://hbt.vn/image/journal/article0d5c.jpg?{query}"
    document = "https://hbt.vn/documents/1/2/anh.jpg/anhd6c1.jpg?t=1450171279357"
    site.add("a.md", article("Tin", "2020-01-01", f"![Ảnh]({named})\n\n![Tệp]({document})"))
    result = run_check(site)
    assert result.returncode == 0, result.stderr
    said = result.stderr.split("\ncontent/")
    [servlet] = [s for s in said if "article0d5c" in s]
    address = f"https://hbt.vn/image/journal/article?{query}"
    assert f"write {address} instead" in " ".join(servlet.split()), servlet
    assert "hts-cache/" not in servlet, servlet
    [kept] = [s for s in said if "anhd6c1" in s]
    assert "the name HTTrack gave" in kept and "hts-cache/" in kept, kept
    assert "write" not in kept, kept


def test_an_svg_of_the_site_that_could_run_script_opened_alone_is_a_warning(site):
    """Import leaves scripts out of the pictures it copies, but an editor's own SVG in
    static/, or one imported before, is published as it is: opened alone, at its own
    address on the archive's domain, its scripts run (Chromium runs those before the
    fault of a broken one too). `check` names the file in static/ and what to delete."""
    site.add("a.md", article("Tin", "2020-01-01", "![Sơ đồ](../../../anh/so-do.svg)"))
    pictures = site.root / "static" / "anh"
    pictures.mkdir(parents=True)
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"{}><rect width="9"/>{}'
    (pictures / "so-do.svg").write_text(svg.format(' onload="x()"', "<script>x()</script></svg>"))
    (pictures / "hong.svg").write_text(svg.format("", "<script>x()</script>"))
    (pictures / "sach.svg").write_text(svg.format("", "</svg>"))
    result = run_check(site)
    assert result.returncode == 0, result.stderr  # warnings only
    err = result.stderr
    assert (
        "static/anh/so-do.svg: warning: the picture /anh/so-do.svg holds what could run "
        "when a reader opens it alone, on the archive's domain (<script>, onload=)"
    ) in err
    assert "delete what the brackets name: each element whole (<script>...</script>)" in err
    assert (
        "static/anh/hong.svg: warning: the picture /anh/hong.svg shows in no browser: "
        "it is not well-formed XML (no element found: line 1, column"
    ) in err
    assert "sach.svg" not in err and "favicon.svg" not in err


def test_an_xml_file_of_the_static_folder_is_named_as_the_editor_knows_it(site):
    """A static XML file not well-formed was said at the temporary folder check builds
    into (/tmp/newsarchive-check-…/site/bando.xml), to be fixed in "the template that
    makes this file", which there is none of; one in Shift_JIS (or any encoding of
    several bytes a letter but UTF-8 and UTF-16) stopped check with an internal error."""
    site.add("a.md", article("Tin", "2020-01-01", "Nội dung."))
    (site.root / "static" / "bando.xml").write_text("<a>b<a>\n", encoding="utf-8")
    sjis = '<?xml version="1.0" encoding="Shift_JIS"?>\n<a>b</a>\n'
    (site.root / "static" / "sjis.xml").write_text(sjis, encoding="utf-8")
    result = run_check(site)
    err = result.stderr
    assert result.returncode == 1 and "internal error" not in err, err
    assert "newsarchive-check-" not in err, err
    assert "static/bando.xml: error: /bando.xml is not well-formed XML" in err, err
    assert "correct static/bando.xml" in " ".join(err.split()), err
    assert "template" not in err, err
    assert "static/sjis.xml: warning: /sjis.xml is in an encoding check cannot read" in err, err


def test_a_reference_by_a_huge_number_in_a_page_is_read_by_check(site):
    """The build writes the reference as the article has it (browsers show U+FFFD), and
    check's reading of the page stopped on it: an internal error."""
    huge = "&#" + "9" * 5000 + ";"
    site.add("a.md", article("Tin", "2020-01-01", f"Số {huge} lạ, [tin](/khong-co{huge}.html)"))
    result = run_check(site)
    assert result.returncode == 1 and "internal error" not in result.stderr, result.stderr
    assert "the link '/khong-co%EF%BF%BD.html' leads to no file" in result.stderr


def test_a_misspelt_key_in_strings_yaml_is_named_with_the_key_meant(site):
    """`serach_placeholder:` beside the real keys was read by no template, and nothing
    said so: the editor believed the words changed. check names its line and the key
    closest to it that a template uses; a build does not spend time on it."""
    strings = site.root / "templates" / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(
        text + 'serach_placeholder: "Tìm bài viết"\nzzz_khong_dung: "Chữ thừa"\n', encoding="utf-8"
    )
    lines = len(text.splitlines())
    site.add("a.md", article("Tin một", "2021-01-01 08:00"))
    result = run_check(site)
    assert result.returncode == 0, result.stderr  # a warning
    said = result.stderr
    assert (
        f"templates/strings.yaml:{lines + 1}: warning: no template uses the key "
        "'serach_placeholder'" in said
    ), said
    assert "did you mean 'search_placeholder'?" in said, said
    assert f"templates/strings.yaml:{lines + 2}: warning: no template uses the key " in said
    assert said.count("no template uses the key") == 2, said  # footnote_back...: the build's
    assert site.build("--quiet") == 0


def test_a_template_with_a_t_of_its_own_leaves_unused_keys_named(site):
    """A macro whose argument is t ({% macro m(t) %}{{ t }}), a loop over t: check's
    search for unused keys took the own t for the words handed on whole and gave up
    without a word; a misspelt key passed. A key read only as the own t's is unused."""
    templates = site.root / "templates"
    strings = templates / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(text + 'serach_placeholder: "x"\nghi_chu: "Ghi"\n', encoding="utf-8")
    base = templates / "base.html"
    base.write_text(
        base.read_text(encoding="utf-8")
        + "{% macro m(t) %}{{ t }}{% endmacro %}\n"
        + "{% for t in site.params %}{{ t.ghi_chu }}{{ t }}{% endfor %}\n",
        encoding="utf-8",
    )
    site.add("a.md", article("Tin một", "2021-01-01 08:00"))
    result = run_check(site)
    assert result.returncode == 0, result.stderr  # warnings
    said = result.stderr
    lines = len(text.splitlines())
    assert (
        f"templates/strings.yaml:{lines + 1}: warning: no template uses the key "
        "'serach_placeholder'" in said
    ), said
    assert (
        f"templates/strings.yaml:{lines + 2}: warning: no template uses the key 'ghi_chu'" in said
    )
    assert said.count("no template uses the key") == 2, said


def test_a_key_strings_yaml_lacks_that_no_page_asks_yet_is_named(site):
    """`author:` and `corrections:` deleted from strings.yaml, in a site whose articles
    have no author and no corrections: build and check passed without a word, and the
    first article with an author stopped a build later. check names the template's line
    that asks each, and the line of newsarchive's own strings.yaml to add back."""
    templates = site.root / "templates"
    strings = templates / "strings.yaml"
    lines = strings.read_text(encoding="utf-8").splitlines(keepends=True)
    gone = [x for x in lines if x.startswith(("author:", "corrections:"))]
    assert len(gone) == 2
    strings.write_text("".join(x for x in lines if x not in gone), encoding="utf-8")
    # A fork's own word on a kind of page this site has none of (content/pages/).
    page = templates / "page.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("{{ body }}", "{{ body }}{{ t.ghi_chu }}", 1),
        encoding="utf-8",
    )
    # Names t of their own, which are not strings.yaml's: no word is asked of it there.
    (templates / "_rieng.html").write_text(
        "{% macro chip(t) %}{{ t.label }}{% endmacro %}\n"
        "{% for t in site.params %}{{ t.name }}{% endfor %}\n"
        "{% with t = 1 %}{{ t.real }}{% endwith %}\n"
        "{% block b %}{% set t = namespace(k=1) %}{{ t.k }}{% endblock %}\n"
        '{% for t in [1] %}{% include "_muc.html" %}{% endfor %}\n'
        "{% if t.tuy_chon is defined %}{{ t.tuy_chon }}{% endif %}\n"
        "{{ t.ngoai_vong }}\n",  # outside them, t is strings.yaml's again
        encoding="utf-8",
    )
    (templates / "_muc.html").write_text("{{ t.imag }}\n", encoding="utf-8")
    site.add("a.md", article("Tin một", "2021-01-01 08:00"))
    assert site.build("--quiet") == 0  # no page asks them
    result = run_check(site)
    assert result.returncode == 0, result.stderr  # warnings: the site is fine today
    said = result.stderr

    def line_of(name: str, text: str) -> int:
        found = (templates / name).read_text(encoding="utf-8").splitlines()
        return next(n for n, line in enumerate(found, 1) if text in line)

    for key, shipped in (("author", gone[0]), ("corrections", gone[1])):
        line = line_of("article.html", f"{{{{ t.{key} }}}}")
        where = f"templates/article.html:{line}: warning: t.{key}: "
        assert f"{where}templates/strings.yaml has no key '{key}'" in said, said
        assert f"add the line '{shipped.strip()}' to templates/strings.yaml" in said, said
    assert said.count("the first page that asks it will stop the build") == 4, said
    line = line_of("page.html", "t.ghi_chu")
    assert (
        f"templates/page.html:{line}: warning: t.ghi_chu: templates/strings.yaml has no key" in said
    )
    assert "add 'ghi_chu:' and its text to templates/strings.yaml" in said, said
    assert said.count("_rieng.html") == 1 and "_muc.html" not in said, said
    assert (
        "templates/_rieng.html:7: warning: t.ngoai_vong: templates/strings.yaml has no key" in said
    )


def _add_to_article_html(site, text: str) -> int:
    """`text` after the article's body in article.html; the line it is at."""
    page = site.root / "templates" / "article.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("{{ body }}", "{{ body }}" + text, 1),
        encoding="utf-8",
    )
    lines = page.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_a_word_given_a_default_is_a_forks_optional_word(site):
    """A fork's `{{ t.ky_ten | default("Viết bởi") }}` builds without the key (Jinja's
    default stands in), yet check warned that the first page asking it would stop the
    build, and a build stopped by another key named it among the keys lacking."""
    _add_to_article_html(site, '<p>{{ t.ky_ten | default("Viết bởi") }}{{ t.ky_ten2|d("") }}</p>')
    site.add("a.md", article("Tin một", "2021-01-01 08:00"))
    assert site.build("--quiet") == 0
    assert "Viết bởi" in next(site.output.glob("2021/01/*/index.html")).read_text("utf-8")
    result = run_check(site)
    assert result.returncode == 0 and "ky_ten" not in result.stderr, result.stderr
    _add_to_article_html(site, "{{ t.khong_co }}")
    result = run_check(site, "--quiet", command="build")
    assert "t.khong_co: templates/strings.yaml has no key" in result.stderr, result.stderr
    assert result.returncode == 1 and "ky_ten" not in result.stderr, result.stderr


def test_in_a_loops_else_t_is_strings_yamls_again(site):
    """`{% for t in article.tags %}…{% else %}{{ t.khong_the }}{% endfor %}`: the else
    is run when there is no tag, where t is strings.yaml's. check said nothing of it,
    and the first article without tags stopped a build."""
    line = _add_to_article_html(
        site, "{% for t in article.tags %}{{ t.upper() }}{% else %}{{ t.khong_the }}{% endfor %}"
    )
    site.add("a.md", article("Tin một", "2021-01-01 08:00", tags="[cán bộ]"))
    assert site.build("--quiet") == 0  # the one article has tags
    result = run_check(site)
    assert result.returncode == 0, result.stderr
    said = f"templates/article.html:{line}: warning: t.khong_the: templates/strings.yaml has no key"
    assert said in result.stderr and "upper" not in result.stderr, result.stderr
    site.add("b.md", article("Tin hai", "2021-01-02 08:00"))
    result = run_check(site, "--quiet", command="build")
    assert result.returncode == 1, result.stderr
    assert "t.khong_the: templates/strings.yaml has no key" in result.stderr, result.stderr


def test_a_broken_template_no_page_uses_is_named_at_its_line(site):
    """templates/old-copy.html, a copy no page uses, holding `{% if %}`: the build and
    check passed without a word (check's search for unused words gave up silently)."""
    (site.root / "templates" / "old-copy.html").write_text(
        "<p>Bản cũ</p>\n{% if %}\n<p>x</p>\n{% endif %}\n", encoding="utf-8"
    )
    site.add("a.md", article("Tin một", "2021-01-01 08:00"))
    assert site.build("--quiet") == 0  # no page is made with it
    result = run_check(site)
    assert result.returncode == 0, result.stderr  # a warning
    said = result.stderr
    assert "templates/old-copy.html:2: warning: the template is broken (" in said, said
    assert "no page is made with it" in said, said
    assert "correct it at this line, or delete the file" in said, said


def test_the_words_of_newsarchives_own_strings_yaml_are_all_used(site):
    site.add("a.md", article("Tin một", "2021-01-01 08:00"))
    result = run_check(site)
    assert result.returncode == 0 and "no template uses" not in result.stderr, result.stderr
    assert "has no key" not in result.stderr, result.stderr


def test_templates_that_hand_the_words_on_whole_are_not_second_guessed(site):
    """A fork's template that passes t to a macro, or loops over it, may use any key."""
    strings = site.root / "templates" / "strings.yaml"
    strings.write_text(strings.read_text(encoding="utf-8") + 'fork_only: "Chữ"\n', encoding="utf-8")
    base = site.root / "templates" / "base.html"
    text = base.read_text(encoding="utf-8")
    base.write_text(text.replace("</body>", "{% set words = t %}</body>"), encoding="utf-8")
    site.add("a.md", article("Tin một", "2021-01-01 08:00"))
    result = run_check(site)
    assert result.returncode == 0 and "no template uses" not in result.stderr, result.stderr


@pytest.mark.parametrize(("template", "what"), [("article.html", "article"), ("page.html", "page")])
def test_a_template_that_no_longer_shows_the_text_is_named(seed_site, template, what):
    """A maintainer who deleted `{{ body }}` from article.html published every article
    without its text, and neither build nor check said a word."""
    path = seed_site.root / "templates" / template
    text = path.read_text(encoding="utf-8")
    assert "{{ body }}" in text
    path.write_text(text.replace("{{ body }}", ""), encoding="utf-8")
    result = run_check(seed_site)
    said = result.stderr
    assert f"templates/{template}: warning: " in said, said
    assert "{{ body }}" in said and f"every {what}" in said, said


def test_an_archive_served_at_the_old_portals_domain_checks_its_own_links(site):
    """README says to serve the archive at the old domain (base_url: original_site's):
    check then said every link to the archive's own pages (canonical, menu, lists)
    "leads to the old portal, which will go dark", the "Bài gốc" link of a page whose
    old address has a query "leads to no file in the site" (an error), and a picture
    the portal answered 404 was an error where with another base_url it is a warning.
    A link to that domain is a link into the archive: fine where the archive has the
    page or an alias, otherwise said as with any other base_url."""
    site.configure(base_url="https://hbt.vn/", original_site="https://hbt.vn/")
    body = (
        "[Tin B](https://hbt.vn/tin/b.html)\n\n![Ảnh](https://hbt.vn/anh/mat.jpg)\n\n"
        "[Mất](https://hbt.vn/tin/khong-co.html)\n\n![Ảnh](http://hbt.vn/anh/mat-2.jpg)"
    )
    site.add(
        "2020/01/a.md",
        article("Tin A", "2020-01-01", body, source_url="https://hbt.vn/tin/a.html"),
    )
    query = "https://hbt.vn/chien-luoc?p_p_id=59_INSTANCE_x&p_p_col_id=column-2"
    site.add(
        "2020/01/b.md",
        article(
            "Tin B",
            "2020-01-02",
            "[Tin A](https://hbt.vn/tin/a.html)",
            source_url=query,
            aliases="[/tin/b.html]",
        ),
    )
    site.add("2020/01/c.md", article("Tin C", "2020-01-03", aliases="[/tin/a.html]"))
    missing = {
        "'https://hbt.vn/anh/mat.jpg'",
        "'https://hbt.vn/tin/khong-co.html'",
        "'http://hbt.vn/anh/mat-2.jpg'",  # http: the archive answers it at https
    }

    def said(result: subprocess.CompletedProcess) -> list[str]:
        return [line for line in result.stderr.splitlines() if not line.startswith(" ")]

    here = run_check(site)
    assert here.returncode == 0, here.stderr
    lines = [line for line in said(here) if "warning: " in line and "the link" in line]
    assert {line.split("the link ")[1].split(" ")[0] for line in lines} == missing, here.stderr
    assert all(line.startswith("content/2020/01/a.md:") for line in lines), here.stderr
    assert "which will go dark" not in here.stderr, here.stderr
    assert site.build("--quiet") == 0
    built = run_check(site, "--built", "_site")
    assert built.returncode == 0, built.stderr
    assert "which will go dark" not in built.stderr, built.stderr
    # Elsewhere the same links are warnings too: the same severity.
    site.configure(base_url="https://luutru.example.vn/")
    elsewhere = run_check(site)
    assert elsewhere.returncode == 0, elsewhere.stderr
    for link in missing:
        assert any(link in line and "warning: " in line for line in said(elsewhere))


def test_a_link_to_a_heading_renamed_names_the_heading_it_likely_meant(site):
    """A heading "## Những con số" reworded "## Những con số chính": the link #nhung-con-so was
    told "points to '#nhung-con-so', which is not on the page", leaving the editor to
    guess the heading's new id (made from its words, without accents). The message then
    named the link twice ('#nhung-con-so' points to '#nhung-con-so') and the page it
    opens by its file, index.html; a link to another article's heading got, as its hint,
    the very address written ("'Lễ hội' is at /2020/03/le-hoi/: write
    /2020/03/le-hoi/#nhung-con-so")."""
    body = "## Những con số chính\n\nHơn 5.000 khách.\n\nXem [các con số](#nhung-con-so)."
    path = site.add("2020/03/le-hoi.md", article("Lễ hội", "2020-03-05", body))
    site.add(
        "2020/04/tong-ket.md",
        article("Tổng kết", "2020-04-05", "Xem [số](/2020/03/le-hoi/#nhung-con-so)."),
    )
    result = run_check(site)
    assert result.returncode == 1
    lines = path.read_text(encoding="utf-8").splitlines()
    assert (
        f"le-hoi.md:{len(lines)}:{lines[-1].index('#nhung') + 1}: error: in the page "
        "/2020/03/le-hoi/: the link '#nhung-con-so' opens a page without the heading or id "
        "it names (it has '#nhung-con-so-chinh')\n"
        "    how to fix: correct the address, or remove the link\n"
    ) in result.stderr, result.stderr
    assert (
        "tong-ket.md:6:10: error: in the page /2020/04/tong-ket/: the link "
        "'/2020/03/le-hoi/#nhung-con-so' opens a page without the heading or id it names "
        "(it has '#nhung-con-so-chinh')\n"
        "    how to fix: correct the address, or remove the link\n"
    ) in result.stderr, result.stderr


def test_an_id_an_article_writes_twice_is_said_at_its_line_and_column(site):
    """Two <a id="x"> in an article's raw HTML, and an id that the template or a heading
    gives the page too (`main`, `tin`), were said at the article's file alone: no line,
    no column, and the hint to reword a heading. Each is said where the article writes
    the id (the second of two, naming the first); one shown in a code span is not it."""
    body = """\
        ## Tin

        Mã `<a id="dup">` trong văn bản.

        <a id="dup">a</a> và <a id="dup">b</a>

        Đoạn có id.
        {: #main }

        <p>Xem <span id="tin">tin</span>.</p>
        """
    path = site.add("2024/05/le-hoi.md", article("Lễ hội", "2024-05-01", body))
    lines = path.read_text(encoding="utf-8").splitlines()

    def at(text: str, nth: int = 0) -> str:
        return place_of(lines, text, nth)

    result = run_check(site)
    assert result.returncode == 1
    said = [row for row in result.stderr.splitlines() if " is used more than once" in row]
    page = "in the page /2024/05/le-hoi/"
    assert said == [
        f"content/2024/05/le-hoi.md:{at('dup', 2)}: error: {page}: the id 'dup' is used more "
        "than once on the page",
        f"content/2024/05/le-hoi.md:{at('main')}: error: {page}: the id 'main' is used more "
        "than once on the page",
        f"content/2024/05/le-hoi.md:{at('tin')}: error: {page}: the id 'tin' is used more "
        "than once on the page",
    ], result.stderr
    hints = [result.stderr.split(row, 1)[1].split("\n")[1] for row in said]
    first = at("dup", 1).split(":")[0]
    assert (
        f'give each element its own id: the article writes id="dup" at line {first} too' in hints[0]
    )
    for hint in hints[1:]:
        assert "another element of the page has this id" in hint, hints
