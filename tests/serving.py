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


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # Chromium drops a connection it no longer needs (a page closed while a file
        # still loads): no fault of the site, but socketserver printed its traceback
        # into the test run's output, where it read as a failure.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextlib.contextmanager
def serve(site_dir: Path, sub_path: str = "") -> Iterator[str]:
    """Serve site_dir at http://127.0.0.1:PORT/<sub_path>; yields that address.

    With a sub_path (e.g. "repo"), the site is copied under it, as GitHub Pages
    serves a project site.
    """
    root = site_dir
    if sub_path:
        root = site_dir.parent / f"{site_dir.name}-served"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(site_dir, root / sub_path)
    handler = functools.partial(_QuietHandler, directory=str(root))
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
