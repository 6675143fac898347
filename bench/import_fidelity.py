"""How faithfully `import` brings real articles home, from a wget folder and from a WARC.

    python3 bench/import_fidelity.py [--show N]

From the real Liferay pages of ../shared/import-samples (the sotttt mirror and A-F), it
makes the crawl `wget --mirror --page-requisites --adjust-extension --span-hosts` would
have left: a folder per host, the pages as the portal served them (root-relative links,
no HTTrack comment), a file for every image and attachment the articles show on the
hosts wget was allowed (the portal, its picture CDN, its old ict-hanoi host), named as
wget names them (%XX escapes decoded, the query kept in the name, `.html` added to a
page whose address has a query). The same responses go into a WARC. Both are imported
into fresh sites, built, and every article's built page is compared with its source:
title, date and time, every piece of text (paragraphs, captions, table cells), every
image and attachment (a local copy that exists, or the old address when the crawl
lacks it), the number of tables, and the old address answered by an alias page.

Everything is written under bench/work/import-fidelity/.
"""

import argparse
import hashlib
import html
import io
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from import_eval import SAMPLES  # found as import_eval finds them
from selectolax.lexbor import LexborHTMLParser, LexborNode

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work" / "import-fidelity"
PORTAL = "sotttt.hanoi.gov.vn"
CRAWLED_HOSTS = (PORTAL, "sotttt.qltns.mediacdn.vn", "ict-hanoi.gov.vn")  # wget --domains
MIRRORED = re.compile(r"<!-- Mirrored from (\S+) by HTTrack[^>]*-->\n?")
ADDED = re.compile(r"<!-- Added by HTTrack -->.*?<!-- /Added by HTTrack -->", re.S)
# HTTrack's name for Liferay's /image/journal/article?img_id=...: articleXXXX.jpg?img_id=...
HTTRACK_IMAGE = re.compile(r"/image/journal/article[0-9a-f]{4}\.(?:jpg|png|gif)\?")
# ... and for a page with a query: /chien-luoc-quy-hoach84a0.html?p_p_id=...
HTTRACK_QUERY_PAGE = re.compile(r"(?<=[a-z])[0-9a-f]{4}\.html\?")
FILE_LIKE = re.compile(
    r"/documents/|/image/|/images/|/UploadFile/|\.(jpe?g|png|gif|pdf|docx?|xlsx?|zip)($|\?)", re.I
)
ARTICLE = "div.asset-full-content div.asset-content"
UPLOADER = "p.view-content-author"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=5, help="problems to print per kind")
    args = parser.parse_args()
    pages = sorted((SAMPLES / "sotttt-mirror").rglob("*.html")) + sorted(
        p for p in SAMPLES.glob("[A-F]-*.html")
    )
    if not pages:
        sys.exit(f"no sample pages in {SAMPLES}: this bench needs ../shared/import-samples")
    shutil.rmtree(WORK, ignore_errors=True)
    sources, responses = make_crawl(pages)
    folder = WORK / "wget"
    for url, (data, _) in responses.items():
        target = folder / wget_name(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    warc = WORK / "crawl.warc.gz"
    write_warc(warc, responses)
    print(f"{len(sources)} article pages, {len(responses) - len(sources)} media files")
    failed = False
    for name, crawl in (("wget folder", folder), ("WARC", warc)):
        site = make_site(WORK / f"site-{name.split()[0].lower()}")
        run([sys.executable, str(REPO / "build.py"), "import", str(crawl)], site)
        run([sys.executable, str(REPO / "build.py"), "build"], site)
        problems = compare(site, sources, responses)
        failed |= any(v for k, v in problems.items() if k != "undated")
        print(f"\n{name}: {crawl.relative_to(REPO)}")
        for kind, found in problems.items():
            if kind == "undated":
                print(f"  undated      {len(found):>5} (fail as they should: import with --date)")
                continue
            checked = sum(s.counts.get(kind, 0) for s in sources.values())
            print(f"  {kind:<12} {checked - len(found):>5}/{checked} faithful")
            for problem in found[: args.show]:
                print(f"      {problem}")
    sys.exit(1 if failed else 0)


class Source:
    """What the page of one article shows, for the comparison."""

    def __init__(self, url: str, page: LexborHTMLParser):
        self.url = url
        self.title = _text(page.css_first("div.asset-full-content-title"))
        self.date = _text(page.css_first("div.assetPublishDate"))
        article = page.css_first(ARTICLE)
        assert article is not None, url
        # What the page shows around the article and that is not its text: the account
        # that posted it, the first "Other news" title, the footer.
        around = ("p.view-content-author", "ul.related_asset_list li a", "div.footleft p")
        self.not_text = [_text(page.css_first(s)) for s in around if page.css_first(s)]
        for node in article.css(UPLOADER):
            node.decompose()
        self.texts = [t for t in _pieces(article) if len(t.split()) >= 2]
        self.images = [_abs(url, n.attrs.get("src") or "") for n in article.css("img")]
        self.images = [i for i in self.images if i.startswith("http")]
        links = [_abs(url, n.attrs.get("href") or "") for n in article.css("a[href]")]
        self.attachments = [a for a in links if FILE_LIKE.search(urlsplit(a).path + "?")]
        self.tables = len(article.css("table"))
        self.counts = {
            "title": 1,
            "date": 1,
            "text": len(self.texts),
            "images": len(self.images),
            "attachments": len(self.attachments),
            "tables": 1,
            "nothing else": 1,
            "alias": 1,
        }


def make_crawl(pages: list[Path]) -> tuple[dict[str, Source], dict[str, tuple[bytes, str]]]:
    """The article pages as the portal served them, and every response of the crawl."""
    sources: dict[str, Source] = {}
    responses: dict[str, tuple[bytes, str]] = {}
    for path in pages:
        text = path.read_text(encoding="utf-8")
        mirrored = MIRRORED.search(text)
        if mirrored is None or "/sotttt-eng/" in mirrored.group(1):
            continue
        url = "https://" + html.unescape(mirrored.group(1))
        served = _as_served(ADDED.sub("", MIRRORED.sub("", text)), url)
        page = LexborHTMLParser(served)
        if page.css_first(ARTICLE) is None or url in responses:
            continue
        source = Source(url, page)
        sources[url] = source
        responses[url] = (served.encode("utf-8"), "text/html; charset=utf-8")
        for media in [*source.images, *source.attachments]:
            if urlsplit(media).hostname in CRAWLED_HOSTS and media not in responses:
                responses[media] = _media_bytes(media)
    return sources, responses


def _as_served(text: str, url: str) -> str:
    """HTTrack's relative links back to what the portal served: root-relative on the
    portal, full addresses elsewhere (HTTrack keeps another host in a folder of its name)."""

    def served(match: re.Match[str]) -> str:
        attribute, quote, link = match.groups()
        if re.match(r"[a-z]+:|#|//", link, re.I) or not link:
            return match.group(0)
        absolute = _abs(url, html.unescape(link))
        return f"{attribute}={quote}{html.escape(absolute, quote=True)}{quote}"

    return re.sub(r'\b(src|href)=(["\'])(.*?)\2', served, text)


def _abs(page_url: str, link: str) -> str:
    link = link.strip()
    if not link or link.startswith(("data:", "#", "mailto:", "javascript:")):
        return link
    absolute = urljoin(page_url, link)
    parts = urlsplit(absolute)
    first, _, rest = parts.path.lstrip("/").partition("/")
    if parts.hostname == PORTAL and "." in first and not first.endswith(".html"):
        absolute = f"https://{first}/{rest}" + (f"?{parts.query}" if parts.query else "")
    absolute = HTTRACK_IMAGE.sub("/image/journal/article?", absolute)
    return (
        HTTRACK_QUERY_PAGE.sub("?", absolute) if urlsplit(absolute).hostname == PORTAL else absolute
    )


def _media_bytes(url: str) -> tuple[bytes, str]:
    """A small file of the kind the address names, its bytes unique to the address: over
    100 bytes, as import takes a smaller picture for a lazy-loading placeholder."""
    tag = hashlib.sha256(url.encode("utf-8")).digest() * 4
    path = urlsplit(url).path.lower()
    if path.endswith(".pdf"):
        return b"%PDF-1.4\n%" + tag + b"\n%%EOF\n", "application/pdf"
    if path.endswith((".doc", ".xls")):
        return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + tag, "application/msword"
    if path.endswith(".png"):
        return b"\x89PNG\r\n\x1a\n" + tag, "image/png"
    # Pictures HTTrack named .html: the portal served them as text/html.
    kind = "text/html" if path.endswith(".html") else "image/jpeg"
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + tag, kind


def wget_name(url: str) -> str:
    """Where wget --adjust-extension saves the address: HOST/PATH with its escapes
    decoded, the query kept in the name, .html added to a page's name that lacks it."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if path.endswith("/"):
        path += "index.html"
    name = parts.hostname + path + (f"?{unquote(parts.query)}" if parts.query else "")
    page = not FILE_LIKE.search(parts.path + "?") or parts.path.endswith(".html")
    if page and not name.endswith(".html"):
        name += ".html"
    return name


def write_warc(path: Path, responses: dict[str, tuple[bytes, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, (data, kind) in responses.items():
        http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(data), http_headers=http
        )
        writer.write_record(record)
    path.write_bytes(out.getvalue())


def make_site(root: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "static", root / "static")
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    return root


def run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some pages failed, which compare() shows
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")


def compare(
    site: Path, sources: dict[str, Source], responses: dict[str, tuple[bytes, str]]
) -> dict[str, list[str]]:
    """What each built article lacks or has wrong, against its source page. A medium
    the crawl holds must be linked to a copy with its very bytes (the copy's name starts
    with their SHA-256); one it lacks, to its old address."""
    problems: dict[str, list[str]] = {k: [] for k in next(iter(sources.values())).counts}
    report = site / "import-report.jsonl"
    lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    written = {line["source_url"]: line for line in lines if line["file"]}
    # A page that shows no date fails, as it should, and imports alone with --date.
    undated = {line["source_url"] for line in lines if "no publish date" in line["reason"]}
    problems["undated"] = sorted(u.rsplit("/", 1)[-1][:40] for u in undated)
    output = site / "_site"
    for url, source in sources.items():
        short = url.rsplit("/", 1)[-1][:40]
        line = written.get(url.split("?redirect=")[0])
        if url.split("?redirect=")[0] in undated:
            source.counts = {k: 0 for k in source.counts}
            continue
        if line is None:
            for kind, count in source.counts.items():
                problems[kind] += [f"{short}: not imported"] * count
            continue
        rel = Path(line["file"]).relative_to("content").with_suffix("")
        page_file = output / rel / "index.html"
        built = LexborHTMLParser(page_file.read_text(encoding="utf-8"))
        if _text(built.css_first("article h1")) != source.title:
            problems["title"].append(f"{short}: {_text(built.css_first('article h1'))!r}")
        shown = _text(built.css_first("article time"))
        if shown.replace(" ", "") not in _clock24(source.date):
            problems["date"].append(f"{short}: {shown!r}, the page: {source.date!r}")
        body = built.css_first("div.article-body")
        assert body is not None
        text = _squeezed(body.text(separator=" "))
        problems["text"] += [
            f"{short}: {piece[:60]!r}" for piece in source.texts if _squeezed(piece) not in text
        ]
        images = {_local(page_file, output, n.attrs.get("src") or "") for n in body.css("img")}
        links = {_local(page_file, output, n.attrs.get("href") or "") for n in body.css("a")}
        for kind, wanted, found in (
            ("images", source.images, images),
            ("attachments", source.attachments, links),
        ):
            for media in wanted:
                held = responses.get(media)
                expected = hashlib.sha256(held[0]).hexdigest()[:16] if held else media
                if expected not in found and f"{expected}.page" not in found:
                    problems[kind].append(f"{short}: {media[:70]}")
                elif held and f"{expected}.page" in found:  # a picture served as a page
                    problems[kind].append(f"{short}: copied under a page's name: {media[:50]}")
        leaked = [t for t in source.not_text if _squeezed(t) in text]
        if leaked:
            problems["nothing else"].append(f"{short}: {leaked[0][:60]!r}")
        if len(body.css("table")) != source.tables:
            problems["tables"].append(f"{short}: {len(body.css('table'))} of {source.tables}")
        address = urlsplit(url.split("?redirect=")[0])
        alias = unquote(address.path).lstrip("/")
        if address.query:  # no static site can answer it: the report says so
            source.counts["alias"] = 0
        elif not (output / alias).is_file() and not (output / alias / "index.html").is_file():
            problems["alias"].append(f"{short}: no page at /{alias}")
    return problems


def _local(page_file: Path, output: Path, link: str) -> str:
    """The digest (16 hex digits) of the site's file a relative link leads to, or the
    link itself."""
    if not link or "://" in link or link.startswith(("mailto:", "#", "data:")):
        return link
    target = (page_file.parent / unquote(link.split("#")[0].split("?")[0])).resolve()
    if not target.is_file() or output.resolve() not in target.parents:
        return link
    return hashlib.sha256(target.read_bytes()).hexdigest()[:16] + (
        ".page" if target.suffix in (".html", ".htm") else ""
    )


def _pieces(node: LexborNode) -> list[str]:
    """The text of the node as a browser lays it out, in pieces between tags."""
    return [" ".join(t.split()) for t in node.text(separator="\n").split("\n") if t.strip()]


def _text(node: LexborNode | None) -> str:
    return unicodedata.normalize("NFC", " ".join(node.text().split())) if node else ""


def _squeezed(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", html.unescape(text)).split())


def _clock24(printed: str) -> str:
    """ "07/10/2016 | 4:53 PM" as the archive prints it: "07/10/2016|16:53"."""
    match = re.search(r"(\d{2}/\d{2}/\d{4}) \| (\d{1,2}):(\d{2}) (AM|PM)", printed)
    if not match:
        return printed
    day, hour, minute, half = match.groups()
    hour = str(int(hour) % 12 + (12 if half == "PM" else 0)).zfill(2)
    return f"{day}|{hour}:{minute}"


if __name__ == "__main__":
    main()
