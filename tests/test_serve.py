"""`python build.py serve`: a local preview that rebuilds on change and reloads open pages."""

import http.client
import json
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, SUBPROCESS_ENV, article

from newsarchive.csscomments import published

TIMEOUT = 20.0
EVENTS = "/__newsarchive/events"


class Server:
    """A `serve` process on a free port, with its output collected line by line."""

    def __init__(self, proc: subprocess.Popen, url: str, lines: "queue.Queue[str]"):
        self.proc = proc
        self.url = url
        self.port = int(url.rsplit(":", 1)[1].strip("/"))
        self.lines = lines
        self.output: list[str] = []

    def get(self, path: str) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read().decode("utf-8")
        conn.close()
        return response.status, body

    def wait_for_output(self, fragment: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not any(fragment in line for line in self.output):
            try:
                self.output.append(self.lines.get(timeout=max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                pytest.fail(f"{fragment!r} never printed; output so far: {self.output}")


@contextmanager
def serving(site) -> Iterator[Server]:
    proc = subprocess.Popen(
        [sys.executable, "-u", str(REPO / "build.py"), "serve", "--port", "0"],
        cwd=site.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=SUBPROCESS_ENV,
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    try:
        output = []
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            line = lines.get(timeout=TIMEOUT)
            output.append(line)
            match = re.search(r"Serving (http://127\.0\.0\.1:\d+/)", line)
            if match:
                server = Server(proc, match.group(1), lines)
                server.output = output
                yield server
                break
        else:
            pytest.fail(f"serve did not start: {output}")
    finally:
        proc.terminate()
        proc.wait(timeout=TIMEOUT)


class EventStream:
    """A Server-Sent Events client, like the EventSource in the reload script."""

    def __init__(self, server: Server):
        self.conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
        self.conn.request("GET", EVENTS)
        self.response = self.conn.getresponse()
        assert self.response.getheader("Content-Type") == "text/event-stream"

    def next(self) -> tuple[str, str]:
        name, data = "", []
        while True:
            line = self.response.fp.readline().decode("utf-8")
            if not line:
                pytest.fail("the event stream closed")
            line = line.rstrip("\n")
            if line.startswith("event: "):
                name = line[len("event: ") :]
            elif line.startswith("data: "):
                data.append(line[len("data: ") :])
            elif line == "" and name:
                return name, "\n".join(data)

    def close(self) -> None:
        self.conn.close()


def build_py(site, *args: str) -> subprocess.CompletedProcess:
    """``python3 build.py ARGS`` in the site's folder, as an editor runs it beside serve."""
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), *args],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
        timeout=TIMEOUT,
    )


def h1(html: str) -> str:
    return BeautifulSoup(html, "html.parser").h1.get_text()


def test_serve_rebuilds_on_change_and_tells_the_pages(site):
    source = site.add("2020/01/tin.md", article("Tin đầu tiên", "2020-01-02 08:00"))
    url = "/2020/01/tin-dau-tien/"
    with serving(site) as server:
        status, html = server.get(url)
        assert status == 200 and h1(html) == "Tin đầu tiên"
        assert "/__newsarchive/events" in html  # the reload script, added on the way out

        events = EventStream(server)
        assert events.next() == ("hello", "1")
        assert events.next() == ("errors", "[]")

        server.wait_for_output("Search index rebuilt")  # in the background, after the pages
        stamp = site.root / ".cache/serve/tim-kiem/chi-muc/newsarchive-fingerprint.txt"
        indexed = stamp.read_text(encoding="ascii")
        server.output.clear()
        source.write_text(article("Tin đã sửa", "2020-01-02 08:00", slug="tin-dau-tien"))
        assert events.next()[0] == "reload"
        status, html = server.get(url)
        assert status == 200 and h1(html) == "Tin đã sửa"
        # The search index follows the pages (after the reload: it can take long).
        server.wait_for_output("Search index rebuilt")
        built = next(i for i, line in enumerate(server.output) if line.startswith("Built "))
        searched = next(i for i, line in enumerate(server.output) if "Search index" in line)
        assert built < searched
        assert stamp.read_text(encoding="ascii") != indexed

        # A broken file: the error reaches the terminal and the page; the last good
        # site keeps being served.
        site.add("2020/01/hong.md", "---\ntitle: Hội nghị: tổng kết\ndate: 2020-01-03\n---\n")
        name, data = events.next()
        assert name == "errors"
        [message] = json.loads(data)
        assert "content/2020/01/hong.md:2" in message and "how to fix" in message
        server.wait_for_output("hong.md:2")
        status, html = server.get(url)
        assert status == 200 and h1(html) == "Tin đã sửa"

        (site.content / "2020/01/hong.md").unlink()
        assert events.next()[0] == "reload"
        events.close()

        # A template change is picked up too, and the static files are served as they are.
        template = site.root / "templates/article.html"
        template.write_text(
            template.read_text(encoding="utf-8").replace("<h1", '<h1 class="changed"', 1),
            encoding="utf-8",
        )
        deadline = time.monotonic() + TIMEOUT
        while 'class="changed"' not in server.get(url)[1] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert 'class="changed"' in server.get(url)[1]
        status, css = server.get("/css/site.css")
        assert status == 200 and css == published(site.root / "static/css/site.css").decode()

    # The preview never wrote the deployable site, and its own files hold no script.
    assert not site.output.exists()
    built = Path(site.root / ".cache/serve")
    assert (built / "2020/01/tin-dau-tien/index.html").is_file()
    assert not any("__newsarchive" in p.read_text("utf-8") for p in built.rglob("*.html"))


def test_a_folder_without_slash_redirects_and_a_missing_page_is_404(site):
    site.add("2020/01/tin.md", article("Tin", "2020-01-02 08:00"))
    with serving(site) as server:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
        conn.request("GET", "/2020/01/tin")
        response = conn.getresponse()
        assert response.status == 301
        assert response.getheader("Location") == "/2020/01/tin/"
        conn.close()
        status, html = server.get("/khong-co/")
        assert status == 404 and "/__newsarchive/events" in html


def test_an_old_address_with_a_query_at_a_folder_leads_to_its_article(site, browser):
    """An imported page's own address, `/chien-luoc-quy-hoach?p_p_id=…` (a Liferay
    portlet's), where the archive has a folder (another alias lives under it): the 404
    page looks it up with its query (dia-chi-cu/) and goes on to the article, as
    behind a static host that keeps the query when it adds the `/` (nginx,
    http.server). serve's redirect dropped the query, and the archivist previewing the
    old addresses saw "Không tìm thấy trang" (reader's audit R2)."""
    fields = {
        "source_url": "https://old.example/tin?p_p_id=59&p_p_col=2",
        "aliases": "[/tin/-/view_content/5-bai.html]",
    }
    site.add("2020/01/tin.md", article("Tin cũ", "2020-01-02 08:00", **fields))
    with serving(site) as server:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=TIMEOUT)
        conn.request("GET", "/tin?p_p_id=59&p_p_col=2")
        assert conn.getresponse().getheader("Location") == "/tin/?p_p_id=59&p_p_col=2"
        conn.close()
        page = browser.new_page()
        try:
            page.goto(server.url + "tin?p_p_id=59&p_p_col=2")
            page.wait_for_url(server.url + "2020/01/tin-cu/", timeout=TIMEOUT * 1000)
            assert page.inner_text("h1") == "Tin cũ"
        finally:
            page.close()


def test_an_open_page_reloads_itself_and_shows_build_errors(site, browser):
    source = site.add("2020/01/tin.md", article("Tin đầu tiên", "2020-01-02 08:00"))
    with serving(site) as server:
        page = browser.new_page()
        page.goto(server.url + "2020/01/tin-dau-tien/")
        page.wait_for_function("() => document.readyState === 'complete'")
        time.sleep(0.3)  # let the page's event stream connect

        source.write_text(article("Tin đã sửa", "2020-01-02 08:00", slug="tin-dau-tien"))
        page.wait_for_function(
            "() => document.querySelector('h1').textContent === 'Tin đã sửa'",
            timeout=TIMEOUT * 1000,
        )

        source.write_text("---\ntitle: Tin\ndate: 31/02/2020\n---\n", encoding="utf-8")
        overlay = page.locator("#newsarchive-build-errors")
        overlay.wait_for(state="visible", timeout=TIMEOUT * 1000)
        assert "content/2020/01/tin.md:3" in overlay.inner_text()
        assert "not a real date" in overlay.inner_text()

        source.write_text(article("Tin lần ba", "2020-01-02 08:00", slug="tin-dau-tien"))
        page.wait_for_function(
            "() => document.querySelector('h1').textContent === 'Tin lần ba'",
            timeout=TIMEOUT * 1000,
        )
        assert overlay.count() == 0
        page.close()


def test_serve_watches_each_file_once_through_folder_links(site):
    """serve's watcher followed every folder link: one looping back (content/vong -> .)
    made it look at the articles 40 times a poll (12,382 names for 302 files), two made
    it look for ever, so it never rebuilt nor said the build's error about the loop. A
    link to a folder of the project (which the build follows) is still watched, once."""
    from newsarchive.serve import watched_files

    site.add("2020/01/tin.md", article("Tin", "2020-01-02 08:00"))
    elsewhere = site.root / "bai-khac"
    elsewhere.mkdir()
    (elsewhere / "khac.md").write_text(article("Khác", "2020-01-03 08:00"), encoding="utf-8")
    (site.content / "khac").symlink_to(elsewhere)
    (site.content / "vong").symlink_to(".")
    watched = watched_files([site.content])
    assert sorted(watched) == [
        str(site.content / "2020/01/tin.md"),
        str(site.content / "khac/khac.md"),
    ]


def test_serve_goes_on_when_the_cache_folder_is_deleted_under_it(site):
    """`rm -rf .cache` while serve runs (clearing the cache, as one does when something
    looks wrong) took its preview and its lock folder: every rebuild after failed with
    ".cache/serve.lock/folders.tmp: cannot write or read here: No such file or directory",
    and every page answered 404, until serve was started again."""
    source = site.add("2020/01/tin.md", article("Tin đầu tiên", "2020-01-02 08:00"))
    with serving(site) as server:
        server.wait_for_output("Search index rebuilt")
        events = EventStream(server)
        assert events.next() == ("hello", "1")
        assert events.next() == ("errors", "[]")
        shutil.rmtree(site.root / ".cache")
        source.write_text(article("Tin đã sửa", "2020-01-02 08:00", slug="tin-dau-tien"))
        assert events.next() == ("reload", "2")
        status, html = server.get("/2020/01/tin-dau-tien/")
        assert status == 200 and h1(html) == "Tin đã sửa"
        events.close()
    assert (site.root / ".cache/serve.lock/owner").is_file()


def test_serve_prints_the_warnings_the_build_prints(site):
    """A link to a missing page is a warning of `build` (and an error of `check`, which
    stops the publishing workflow); `serve`, where editors write, printed none of
    them, so the broken link was first seen as a failed publish."""
    site.add("2020/01/a.md", article("Bài A", "2020-01-02 08:00", "Xem [B](/2020/01/bai-b/)."))
    with serving(site) as server:
        server.wait_for_output("Search index rebuilt")
        assert any("a.md:6:9: warning: the link /2020/01/bai-b/" in line for line in server.output)
        server.output.clear()
        site.add("2020/01/c.md", article("Bài C", "2020-01-03 08:00", "[ảnh](/anh/khong-co.jpg)"))
        server.wait_for_output("c.md:6:7: warning: the link /anh/khong-co.jpg leads to no page")
        assert any("a.md:6:9: warning" in line for line in server.output)  # every build


def test_serve_says_what_it_left_out_as_build_does(site):
    """A file put by hand in serve's folder (or a new's, an import's article written there)
    was deleted by the next rebuilds without a word; `build` says 'not published: ...'
    (brk's audit, F6). Serve now says what `build` says of what it left out."""
    source = site.add("2020/01/tin.md", article("Tin đầu tiên", "2020-01-02 08:00"))
    (site.content / "ghi-chu.txt").write_text("ghi chú", encoding="utf-8")
    with serving(site) as server:
        server.wait_for_output("Search index rebuilt")
        assert any("ghi-chu.txt; pictures and documents" in line for line in server.output)
        (site.root / ".cache" / "serve" / "bai-quan-trong.md").write_text("x", encoding="utf-8")
        source.write_text(article("Tin đã sửa", "2020-01-02 08:00"), encoding="utf-8")
        server.wait_for_output(
            "not published: 1 file(s)/folder(s) the build did not write: serve/bai-quan-trong.md"
        )


def test_serve_into_the_published_folder_is_refused(site):
    """`serve --output _site` wrote the preview, linking to http://127.0.0.1:PORT/
    (canonical, feeds, sitemap), into the folder that is published (brk's audit, F15):
    a site copied from there linked to the editor's computer. Refused, _site untouched
    (a serve that started would run until the time limit fails the test)."""
    site.add("2020/01/a.md", article("Bài A", "2020-01-02 08:00"))
    assert build_py(site, "--quiet").returncode == 0
    before = {p: p.read_bytes() for p in sorted(site.output.rglob("*")) if p.is_file()}
    for given in ("_site", "./_site/", str(site.output)):
        refused = build_py(site, "serve", "--port", "0", "--output", given)
        assert refused.returncode == 1
        assert refused.stderr.startswith(
            "_site: error: this is the folder build publishes (output_dir in site.yaml)"
        ), refused.stderr
        assert "--output .cache/serve-2" in refused.stderr
    assert {p: p.read_bytes() for p in sorted(site.output.rglob("*")) if p.is_file()} == before


def test_a_second_serve_names_the_preview_folder_and_what_to_do(site):
    """A second serve was told 'another build or serve is running on serve (pid N)':
    "serve" was the last part of .cache/serve, a name the README never gives."""
    site.add("2020/01/a.md", article("Bài A", "2020-01-02 08:00"))
    with serving(site) as server:
        second = build_py(site, "serve", "--port", "0")
        assert second.returncode == 1
        assert second.stderr.splitlines()[:2] == [
            ".cache/serve: error: another serve (or a build) is using .cache/serve, the folder "
            f"serve builds its preview in (pid {server.proc.pid})",
            "    how to fix: open the preview it shows (its address is in its terminal), or stop "
            "it (Ctrl+C in its terminal) and serve again; for a second preview beside it, give "
            "it a folder and a port of its own: python3 build.py serve --output .cache/serve-2 "
            "--port 8001",
        ], second.stderr
        # The running preview is not "the previous site": the second serve did not start.
        assert second.stderr.splitlines()[-1] == (
            "1 problem(s) in 1 file(s); nothing was written: this serve did not start "
            "(the one running goes on)."
        ), second.stderr
        # A build into serve's folder was told 'another build or serve is running on
        # serve', the last part of .cache/serve.
        build = build_py(site, "--output", ".cache/serve")
        assert build.returncode == 1
        assert build.stderr.splitlines()[0] == (
            ".cache/serve: error: another build or serve is running on this folder "
            f"(pid {server.proc.pid})"
        ), build.stderr


def test_a_first_serve_whose_build_fails_says_there_is_no_site_yet(site):
    """A first serve (no preview built before) whose build failed ended 'nothing was
    written, the previous site is unchanged', of a site there is none of; `build` says
    'there is no site yet', and so does serve now, until a build has made one."""
    source = site.add("2020/01/tin.md", "---\ntitle: Tin\ndate: 31/02/2020\n---\n")
    with serving(site) as server:
        server.wait_for_output("problem(s) in")
        said = [line for line in server.output if "problem(s) in" in line]
        assert said == ["1 problem(s) in 1 file(s); nothing was written (there is no site yet)."]
        time.sleep(0.5)  # serve notes the files as they are just after "Serving"
        source.write_text(article("Tin đầu tiên", "2020-01-02 08:00"), encoding="utf-8")
        server.wait_for_output("Built 1 article(s)")
        server.output.clear()
        source.write_text("---\ntitle: Tin\ndate: 31/02/2020\n---\n", encoding="utf-8")
        server.wait_for_output("problem(s) in")
        said = [line for line in server.output if "problem(s) in" in line]
        assert said == [
            "1 problem(s) in 1 file(s); nothing was written, the previous site is unchanged."
        ]


def test_a_first_build_that_fails_shows_its_problems_readable_on_a_phone(site, browser):
    """A first serve whose build failed answered every address with the reload script
    alone: no viewport, so a phone laid it out 980 pixels wide and the problems ran off
    its 360; and the panel said "the last good version of the site is being served" of a
    site there is none of. Its English words are marked English on any page, so that a
    screen reader does not read them with a Vietnamese voice (the site's pages are vi)."""
    site.add("bad.md", "---\ntitle: Không có ngày\n---\nText\n")
    with serving(site) as server:
        context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
        page = context.new_page()
        page.goto(server.url)
        panel = page.locator("#newsarchive-build-errors")
        panel.wait_for(state="visible", timeout=TIMEOUT * 1000)
        assert page.evaluate("() => window.innerWidth") == 360
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
        said = panel.inner_text()
        assert "bad.md:" in said and "date" in said, said
        assert "last good version" not in said, said
        assert "no site" in said.lower(), said
        assert page.evaluate("() => document.documentElement.lang") == "en"
        assert panel.get_attribute("lang") == "en"

        # A site built, then a build that fails: the panel over a Vietnamese page.
        site.add("bad.md", article("Có ngày", "2020-01-02 08:00"))
        page.wait_for_function(
            "() => !document.getElementById('newsarchive-build-errors')",
            timeout=TIMEOUT * 1000,
        )
        page.goto(server.url)
        time.sleep(0.3)  # let the page's event stream connect
        site.add("bad.md", "---\ntitle: Không có ngày\n---\nText\n")
        panel.wait_for(state="visible", timeout=TIMEOUT * 1000)
        assert page.evaluate("() => document.documentElement.lang") == "vi"
        assert panel.get_attribute("lang") == "en"
        assert "last good version" in panel.inner_text()
        context.close()


def test_serve_stopped_with_ctrl_c_exits_as_the_readme_says(site):
    """serve, stopped with Ctrl+C (its only way to end), printed "Stopped." and exited 0,
    while the README's list of exit codes said 130 for Ctrl+C, of every command."""
    site.add("2020/01/a.md", article("Bài A", "2020-01-02 08:00"))
    proc = subprocess.Popen(
        [sys.executable, "-u", str(REPO / "build.py"), "serve", "--port", "0"],
        cwd=site.root, env=SUBPROCESS_ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("Serving "):
                break
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=TIMEOUT)
    finally:
        proc.kill()
        proc.wait()
    assert out.strip().endswith("Stopped."), out
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    codes = re.sub(r"\s+", " ", readme[readme.index("Exit codes:") :].split("\n\n")[0])
    said = re.search(r"`serve`[^.]*Ctrl\+C[^.]*? exits (\d+)", codes)
    assert said is not None, codes
    assert proc.returncode == int(said.group(1))
