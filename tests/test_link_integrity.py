"""Every internal link of every page leads to a file: on disk, in the offline copy,
and over HTTP when the site is served under a sub-path such as /repo/."""

import functools
import posixpath
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from corpus import CORPUS
from links import broken_links, internal_links, page_links


def test_every_link_resolves_in_the_normal_build(corpus_site):
    assert corpus_site.build("--quiet") == 0
    pages = list(corpus_site.output.rglob("*.html"))
    assert len(pages) > 100
    assert broken_links(corpus_site.output, base_path="/repo/") == []


def test_every_link_resolves_in_the_offline_build_and_names_a_file(corpus_site):
    assert corpus_site.build("--quiet", "--offline") == 0
    offline = corpus_site.root / "_site-offline"
    assert not corpus_site.output.exists(), "--offline keeps the online site apart"
    assert broken_links(offline) == []
    for page in offline.rglob("*.html"):
        for link in internal_links(page):
            # file:// shows a folder listing for "dir/": every link must name a file.
            path = urlsplit(link).path
            assert path and not path.endswith("/"), f"{page.relative_to(offline)} -> {link}"


class GitHubPagesLike(SimpleHTTPRequestHandler):
    """Serves files; a missing address gets the site's 404.html with status 404."""

    not_found: Path

    def send_error(self, code, message=None, explain=None):
        if code != 404 or not self.not_found.is_file():
            return super().send_error(code, message, explain)
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, *args):
        pass


@pytest.fixture
def served(tmp_path):
    """A local HTTP server for tmp/www; the site goes into tmp/www/repo/."""
    www = tmp_path / "www"
    www.mkdir()
    handler = type("Handler", (GitHubPagesLike,), {"not_found": www / "repo" / "404.html"})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(www)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield www, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def fetch(url: str) -> tuple[int, str, bytes]:
    return fetch_final(url)[:3]


def fetch_final(url: str) -> tuple[int, str, bytes, str]:
    """Status, content type, body and the URL after the server's redirects."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
            return response.status, response.headers.get_content_type(), body, response.url
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read(), url


def links_in(content_type: str, body: bytes) -> list[str]:
    if content_type == "text/html":
        return page_links(body.decode("utf-8"))
    if body.lstrip().startswith(b"<?xml"):
        root = ET.fromstring(body)
        found = [e.text for e in root.iter() if e.tag.endswith("}loc")]
        return found + [e.get("href") for e in root.iter() if e.tag.endswith("}link")]
    return []


def crawl(start: list[str], prefix: str) -> tuple[dict[str, int], list[str]]:
    """Fetch the start URLs and follow every link under ``prefix``: status by URL,
    and the links that leave the site's sub-path on the same server."""
    status: dict[str, int] = {}
    escaped = []
    queue = deque(start)
    host = urlsplit(prefix).netloc
    while queue:
        url = queue.popleft()
        if url in status:
            continue
        code, content_type, body = fetch(url)
        status[url] = code
        for link in links_in(content_type, body):
            target = urldefrag(urljoin(url, link)).url
            if urlsplit(target).netloc != host:
                continue
            if not target.startswith(prefix):
                escaped.append(f"{url} -> {link}")
            elif target not in status:
                queue.append(target)
    return status, escaped


def test_the_site_works_over_http_under_a_sub_path(corpus_site, served):
    www, server = served
    base = f"{server}/repo/"
    assert corpus_site.build("--quiet", "--base-url", base, "--output", str(www / "repo")) == 0
    files = [p.relative_to(www / "repo").as_posix() for p in (www / "repo").rglob("*")]
    start = [base, base + "sitemap.xml", base + "feed.xml"] + [
        base + posixpath.dirname(f) + "/" if f.endswith("/index.html") else base + f
        for f in files
        if f.endswith(".html") and f != "404.html"
    ]
    status, escaped = crawl(start, base)
    assert escaped == []
    assert {url: code for url, code in status.items() if code != 200} == {}
    # Every article was reached over HTTP.
    assert {base + e.url for e in CORPUS} <= status.keys()


def test_the_404_page_works_at_any_depth(corpus_site, served):
    www, server = served
    base = f"{server}/repo/"
    assert corpus_site.build("--quiet", "--base-url", base, "--output", str(www / "repo")) == 0
    for missing in ("khong-co/", "2019/13/khong-co/trang/9/", "a/b/c/d/e.html"):
        code, _, body = fetch(base + missing)
        assert code == 404
        soup = BeautifulSoup(body, "html.parser")
        hrefs = [a["href"] for a in soup.find_all("a", href=True)]
        hrefs += [link["href"] for link in soup.find_all("link", href=True)]
        assert hrefs
        for href in hrefs:
            if href.startswith("#"):
                continue
            target = urljoin(base + missing, href)
            assert target.startswith(server), href
            assert fetch(target)[0] == 200, f"{missing}: {href}"


def test_old_addresses_redirect_over_http(corpus_site, served):
    www, server = served
    base = f"{server}/repo/"
    assert corpus_site.build("--quiet", "--base-url", base, "--output", str(www / "repo")) == 0
    with_aliases = [e for e in CORPUS if e.aliases]
    assert any(a.endswith("/") for e in with_aliases for a in e.aliases)
    for entry in with_aliases:
        for alias in entry.aliases:
            for address in {alias, alias.rstrip("/")}:
                # /old/page is answered like GitHub Pages does: a redirect to /old/page/
                code, _, body, final = fetch_final(base + address.lstrip("/"))
                assert code == 200, address
                soup = BeautifulSoup(body, "html.parser")
                refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
                target = urljoin(final, refresh.split("url=", 1)[1])
                assert target in (base + entry.url, base + entry.url + "index.html")
                assert soup.find("link", rel="canonical")["href"] == base + entry.url
                assert soup.find("a", href=True) is not None
