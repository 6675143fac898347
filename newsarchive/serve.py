"""`serve`: build, serve on 127.0.0.1, rebuild on every change, reload open tabs.

Standard library only: a ThreadingHTTPServer serves the output folder, a polling
watcher rebuilds, and Server-Sent Events tell the pages to reload. The reload
script is added to HTML as it is sent, never written into the built files.

The site is built into `.cache/serve/` (next to site.yaml) with the local address
as base URL, so `_site/` — what gets deployed — is never touched by `serve`. Each
build publishes atomically, so after a failed build the last good site is still
what the server sends, with the errors shown on top (when no build has made one yet,
nosite.html, which says so).
"""

import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

from . import buildlock, preflight, urls
from .config import SiteConfig
from .contentscan import changed_ns
from .errors import BuildFailed, in_file_order, nothing_written, os_problem, save_traceback
from .pipeline import BuildResult, build, update_search

EVENTS_PATH = "/__newsarchive/events"
HOST = "127.0.0.1"
POLL_SECONDS = 0.3
KEEPALIVE_SECONDS = 10.0
SERVE_FOLDER = Path(".cache") / "serve"


@dataclass
class LiveState:
    """What the watcher tells the open pages: the site's version and the build errors."""

    version: int = 0
    errors: tuple[str, ...] = ()
    changed: threading.Condition = field(default_factory=threading.Condition)

    def built(self) -> None:
        with self.changed:
            self.version += 1
            self.errors = ()
            self.changed.notify_all()

    def failed(self, errors: Iterable[str]) -> None:
        with self.changed:
            self.errors = tuple(errors)
            self.changed.notify_all()


class LiveServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream must not keep the process alive

    def __init__(self, port: int, site_dir: Path, state: LiveState):
        self.site_dir = site_dir
        self.state = state
        self.snippet = files(__package__).joinpath("livereload.html").read_bytes()
        self.no_site = files(__package__).joinpath("nosite.html").read_bytes()
        super().__init__((HOST, port), partial(_Handler, directory=str(site_dir)))

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"


class _Handler(SimpleHTTPRequestHandler):
    server: LiveServer

    def do_GET(self) -> None:
        address = urlsplit(self.path)
        if address.path == EVENTS_PATH:
            self._events()
            return
        target = Path(self.translate_path(self.path))
        try:
            self._send_file(address.path, address.query, target)
        except (BrokenPipeError, ConnectionResetError):
            return  # the reader went away
        except OSError:  # e.g. a name longer than the file system allows: no such page
            self._send_html(HTTPStatus.NOT_FOUND, b"")

    def _send_file(self, path: str, query: str, target: Path) -> None:
        if target.is_dir():
            if not path.endswith("/"):
                # With its query, as nginx and http.server keep it: the 404 page looks
                # an old address up by it (`/tin?id=5`, a folder tin/ here).
                self._redirect(path + "/" + (f"?{query}" if query else ""))
                return
            target = target / "index.html"
        if target.is_file() and target.suffix == ".html":
            self._send_html(HTTPStatus.OK, target.read_bytes())
        elif target.is_file():
            super().do_GET()
        else:
            # Like GitHub Pages: the site's own 404 page; a page saying there is no site
            # when no build has made one (every build makes the 404 page).
            missing = self.server.site_dir / urls.output_file(urls.not_found_url())
            body = missing.read_bytes() if missing.is_file() else self.server.no_site
            self._send_html(HTTPStatus.NOT_FOUND, body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # the terminal is for build messages

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send_html(self, status: HTTPStatus, page: bytes) -> None:
        at = page.rfind(b"</body>")
        at = len(page) if at < 0 else at
        body = page[:at] + self.server.snippet + page[at:]
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        state = self.server.state
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        with state.changed:
            version, errors = state.version, state.errors
        try:
            self._send_event("hello", str(version))
            self._send_event("errors", json.dumps(list(errors), ensure_ascii=False))
            while True:

                def changed(seen: tuple[int, tuple[str, ...]] = (version, errors)) -> bool:
                    return (state.version, state.errors) != seen

                with state.changed:
                    state.changed.wait_for(changed, timeout=KEEPALIVE_SECONDS)
                    new_version, new_errors = state.version, state.errors
                if new_version != version:
                    self._send_event("reload", str(new_version))
                elif new_errors != errors:
                    self._send_event("errors", json.dumps(list(new_errors), ensure_ascii=False))
                else:
                    self.wfile.write(b": keep-alive\n\n")  # finds closed connections
                    self.wfile.flush()
                version, errors = new_version, new_errors
        except (BrokenPipeError, ConnectionResetError):
            return

    def _send_event(self, name: str, data: str) -> None:
        lines = "".join(f"data: {line}\n" for line in data.split("\n"))
        self.wfile.write(f"event: {name}\n{lines}\n".encode())
        self.wfile.flush()


def watched_files(paths: Iterable[Path]) -> dict[str, tuple[int, int]]:
    """When each file under the given files and folders changed (`changed_ns`), and its size.
    Each folder is looked into once, by its identity: a link leading back into a folder
    it is in (a loop, which the build refuses) made the look endless."""
    found: dict[str, tuple[int, int]] = {}
    folders = []
    seen: set[tuple[int, int]] = set()
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue  # not there (yet)
        if path.is_dir():
            folders.append(str(path))
        else:
            found[str(path)] = (changed_ns(stat), stat.st_size)
    while folders:  # os.scandir: one system call per file, not three
        folder = folders.pop()
        try:
            identity = os.stat(folder)
            if (identity.st_dev, identity.st_ino) in seen:
                continue
            seen.add((identity.st_dev, identity.st_ino))
            entries = list(os.scandir(folder))
        except OSError:
            continue  # removed while we looked
        for entry in entries:
            try:
                if entry.is_dir():
                    folders.append(entry.path)
                elif entry.is_file():
                    stat = entry.stat()
                    found[entry.path] = (changed_ns(stat), stat.st_size)
            except OSError:
                continue
    return found


def watch_paths(config: SiteConfig, config_file: Path) -> list[Path]:
    return [config.content_dir, config.templates_dir, config.static_dir, config_file]


def serve_folder(config: SiteConfig) -> Path:
    return config.root / SERVE_FOLDER


def run(
    make_config: Callable[[str], SiteConfig],
    config_file: Path,
    port: int,
    report: Callable[..., list[str]],
    left_out: Callable[[BuildResult, SiteConfig], None],
    quiet: bool = False,
) -> int:
    """Serve until interrupted. ``make_config(base_url)`` reads site.yaml again each time;
    ``report(errors, outcome=...)`` prints build errors and returns them as text for the
    browser; ``left_out`` says what each build left out of the site, as `build` does (the
    files it deleted from the preview's folder went unsaid)."""
    first = make_config("http://localhost/")
    try:
        preflight.check_output(first)
        with buildlock.lock(first.output_dir, serving=True):  # held while serving: no build meddles
            return _serve(make_config, first, config_file, port, report, left_out, quiet)
    except BuildFailed as failed:  # e.g. another serve's lock: this one did not start
        report(failed.errors, failed.outcome or nothing_written(os.path.isdir(first.output_dir)))
        return 1


def _serve(
    make_config: Callable[[str], SiteConfig],
    first: SiteConfig,
    config_file: Path,
    port: int,
    report: Callable[..., list[str]],
    left_out: Callable[[BuildResult, SiteConfig], None],
    quiet: bool,
) -> int:
    state = LiveState()
    try:
        server = LiveServer(port, first.output_dir, state)
    except OSError as exc:
        print(
            f"newsarchive: error: cannot serve on {HOST}:{port} ({exc.strerror}); "
            "another program may be using it: try another --port",
            file=sys.stderr,
        )
        return 2
    base_url = server.url
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    indexer = SearchIndexer(state, report, quiet)
    config = first
    served = first.output_dir  # the folder the preview is of, built or not yet
    made_again = partial(make_config, base_url)
    rebuild = partial(
        _rebuild, made_again, state, report, quiet, indexer, served, left_out, first.root
    )
    try:
        made = rebuild()
        config = made or first
        thread.start()
        print(f"Serving {base_url} (press Ctrl+C to stop)", flush=True)
        pause = POLL_SECONDS
        seen = watched_files(watch_paths(config, config_file))
        while True:
            time.sleep(pause)
            started = time.perf_counter()
            now = watched_files(watch_paths(config, config_file))
            # A big archive takes longer to look at: look less often, to stay light.
            pause = max(POLL_SECONDS, 4 * (time.perf_counter() - started))
            if now == seen:
                continue
            # Editors often save in several steps: wait until the files are still.
            while True:
                time.sleep(pause)
                settled = watched_files(watch_paths(config, config_file))
                if settled == now:
                    break
                now = settled
            seen = now
            again = rebuild()
            config = again or config
    except KeyboardInterrupt:
        print("Stopped.", flush=True)
        return 0
    finally:
        indexer.stop()
        if thread.is_alive():
            server.shutdown()
        server.server_close()


def _rebuild(
    make_config: Callable[[], SiteConfig],
    state: LiveState,
    report: Callable[..., list[str]],
    quiet: bool,
    indexer: "SearchIndexer",
    served: Path,
    left_out: Callable[[BuildResult, SiteConfig], None],
    project: Path,
) -> SiteConfig | None:
    """Build once; on success return the config used, on failure keep the old site.

    The pages first, and open pages reload; then the search index, in the background."""
    indexer.stop()  # it reads the folder the build is about to change
    built = os.path.isdir(served)  # as `build` says it: a first build has no previous site
    try:
        config = make_config()
        result: BuildResult = build(config, search=False)
    except Exception as exc:
        _failed(exc, state, report, project, built)
        return None
    # As `build` prints them: a broken link seen only when the published site's check
    # fails is found far too late.
    for warning in in_file_order(result.warnings):
        print(warning.format(Path.cwd()), file=sys.stderr, flush=True)
    if not quiet:
        print(
            f"Built {result.articles} article(s), {result.pages} page(s) in {result.seconds:.2f} s",
            flush=True,
        )
    left_out(result, config)
    state.built()
    indexer.start(config)
    return config


class SearchIndexer:
    """Brings the search index up to date in a thread, after the pages are published:
    that takes half a minute at 10,000 articles, and the editor need not wait for it.
    A file saved meanwhile stops it (keeping the previous index) and the next build
    starts it again."""

    def __init__(self, state: LiveState, report: Callable[..., list[str]], quiet: bool):
        self.state = state
        self.report = report
        self.quiet = quiet
        self.thread: threading.Thread | None = None
        self.stopping = threading.Event()

    def start(self, config: SiteConfig) -> None:
        self.stop()
        self.stopping = threading.Event()
        self.thread = threading.Thread(
            target=self._run, args=(config, self.stopping), name="search-index", daemon=True
        )
        self.thread.start()

    def stop(self) -> None:
        if self.thread is not None:
            self.stopping.set()
            self.thread.join()
            self.thread = None

    def _run(self, config: SiteConfig, stopping: threading.Event) -> None:
        try:
            note = update_search(config, stopping)
        except Exception as exc:
            _failed(exc, self.state, self.report, config.root)
            return
        if not self.quiet and not stopping.is_set():
            print(note[0].upper() + note[1:], flush=True)


def _failed(
    exc: Exception,
    state: LiveState,
    report: Callable[..., list[str]],
    project: Path,
    built: bool = True,
) -> None:
    """``project``: the folder of site.yaml, where a bug's details are saved; ``built``:
    the preview's folder was there before the build that failed."""
    if isinstance(exc, BuildFailed):
        state.failed(report(exc.errors, exc.outcome or nothing_written(built)))
        return
    # A bug must not stop the server an editor is looking at.
    if isinstance(exc, OSError):
        state.failed(report([os_problem(exc)], nothing_written(built)))
        return
    message = (
        "newsarchive hit an internal error; the site was not changed; "
        f"details saved in {save_traceback(exc, project)}"
    )
    print(message, file=sys.stderr, flush=True)
    state.failed([message])
