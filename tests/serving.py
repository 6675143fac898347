"""Serve a built site on 127.0.0.1 (optionally under a sub-path) and drive Chromium."""

import contextlib
import functools
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-gpu"]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _PagesHandler(_QuietHandler):
    """As GitHub Pages answers a missing address, at any depth and whatever its query:
    the site's 404.html, with status 404."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _KeptHandler(_PagesHandler):
    """As GitHub Pages lets a browser keep every file it sends: ten minutes."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # Chromium drops a connection it no longer needs (a page closed while a file
        # still loads): no fault of the site, but socketserver printed its traceback
        # into the test run's output, where it read as a failure.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextlib.contextmanager
def serve(
    site_dir: Path, sub_path: str = "", not_found: bool = False, kept: bool = False
) -> Iterator[str]:
    """Serve site_dir at http://127.0.0.1:PORT/<sub_path>; yields that address.

    With a sub_path (e.g. "repo"), the site is copied under it, as GitHub Pages
    serves a project site; with ``not_found``, a missing address is answered with the
    site's 404.html, as GitHub Pages does (at a domain's root only: no sub_path); with
    ``kept`` too, each file says the browser may keep it ten minutes, as GitHub Pages's do.
    """
    root = site_dir
    if sub_path:
        root = site_dir.parent / f"{site_dir.name}-served"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(site_dir, root / sub_path)
    kind = (_KeptHandler if kept else _PagesHandler) if not_found else _QuietHandler
    handler = functools.partial(kind, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        yield f"http://127.0.0.1:{port}/" + (f"{sub_path}/" if sub_path else "")
    finally:
        server.shutdown()
        server.server_close()


def require_chromium() -> None:
    """Browser tests skip on a developer machine without Chromium, but fail in CI."""
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} not found (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session (never `playwright install`)."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
