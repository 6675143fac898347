"""How fast `import` brings a crawl home: N pages as a mirror folder and as a WARC.

    python bench/import_speed.py                 # N = 5,000
    python bench/import_speed.py 1000 --jobs 1

The pages are the real Liferay pages of ../shared/import-samples/sotttt-mirror used as
templates, each copy with its own article id, title, date and address; the images their
bodies show are made too (shared by the copies of a template, so the copy is made once).
It writes, under bench/work/import-speed/: `mirror/` (an HTTrack tree with its
"Mirrored from" comments), `crawl.warc.gz` (the same pages and images as WARC records),
and one site per run, then prints the time and pages per second of each import and of a
second import of the same crawl (which adds nothing). On a busy machine the wall-clock
figure says little: the CPU time (the import and its workers) divided by the cores is
what the import would take on an idle machine.
"""

import argparse
import hashlib
import html
import io
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

REPO = Path(__file__).resolve().parent.parent
# Beside the clone, or beside the folder of worktrees (/work/wt/NAME -> /work/shared).
SAMPLES = (
    next(
        (
            d / "shared" / "import-samples"
            for d in (REPO.parent, REPO.parent.parent)
            if (d / "shared" / "import-samples").is_dir()
        ),
        REPO.parent / "shared" / "import-samples",
    )
    / "sotttt-mirror"
)
WORK = REPO / "bench" / "work" / "import-speed"
MIRRORED = re.compile(r"<!-- Mirrored from (\S+) by HTTrack")
TITLE = re.compile(r'(<div class="asset-full-content-title">)(.*?)(</div>)', re.S)
DATE = re.compile(r'(<div class="assetPublishDate[^"]*">\s*)(\d\d/\d\d/\d{4})')
BODY_MEDIA = re.compile(
    r'<img[^>]*\bsrc="([^"]+)"|<a[^>]*\bhref="([^"]+\.(?:pdf|docx?|xlsx?|zip)(?:\?[^"]*)?)"', re.I
)


def templates() -> list[tuple[str, str]]:
    """(address without scheme, page text) of every sample page; the addresses with a
    query are left out (HTTrack names their files differently)."""
    found = []
    for path in sorted(SAMPLES.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        match = MIRRORED.search(text)
        if match and "?" not in match.group(1) and TITLE.search(text):
            found.append((match.group(1), text))
    if not found:
        sys.exit(f"no sample pages in {SAMPLES}: this bench needs ../shared/import-samples")
    return found


def article_media(text: str) -> list[str]:
    """The images and attachments of the article itself (its body and lead)."""
    start = text.find('<div class="asset-content"')
    end = text.find('<div class="asset-bottom', start) if start >= 0 else -1
    part = text[start:end] if start >= 0 else ""
    found = [html.unescape(a or b) for a, b in BODY_MEDIA.findall(part)]
    return [src for src in found if not src.startswith("data:")]


def generate(count: int) -> tuple[Path, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    shutil.rmtree(WORK, ignore_errors=True)
    mirror = WORK / "mirror" / "source"
    warc_path = WORK / "crawl.warc.gz"
    WORK.mkdir(parents=True)
    pages = templates()
    made: set[str] = set()
    with warc_path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)

        def record(url: str, data: bytes, kind: str) -> None:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(data), http_headers=headers
                )
            )

        for n in range(count):
            address, text = pages[n % len(pages)]
            host, _, path = address.partition("/")
            folder, _, name = path.rpartition("/")
            article_id = 5_000_000 + n
            new_path = f"{folder}/{article_id}-{name.split('-', 1)[-1]}"
            day = f"{1 + n % 28:02d}/{1 + n // 28 % 12:02d}/{2010 + n // 336 % 13}"
            page = TITLE.sub(lambda m, n=n: f"{m[1]}{m[2].strip()} (bản {n}){m[3]}", text, 1)
            page = DATE.sub(lambda m, day=day: m[1] + day, page, 1)
            page = page.replace(address, f"{host}/{new_path}")
            file = mirror / new_path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(page, encoding="utf-8")
            url = f"https://{host}/{new_path}"
            record(url, page.encode("utf-8"), "text/html; charset=UTF-8")
            for src in article_media(page):
                image_url = urljoin(url, src)
                image_path = urlsplit(image_url).path
                # HTTrack points some images at pages (".html"): those are not made.
                if image_path in made or image_path.endswith(".html"):
                    continue
                made.add(image_path)
                data = b"\xff\xd8\xff\xe0" + hashlib.sha256(image_path.encode()).digest() * 64
                target = mirror / unquote(image_path).lstrip("/")  # as HTTrack names it
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                pdf = image_path.lower().endswith(".pdf")
                record(image_url, data, "application/pdf" if pdf else "image/jpeg")
    return mirror.parent, warc_path


def site(name: str) -> Path:
    root = WORK / name
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir()
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "content").mkdir()
    return root


def timed_import(root: Path, crawl: Path, jobs: int | None) -> tuple[float, float, str]:
    """Wall-clock seconds, CPU seconds (the import and its workers) and the summary."""
    command = [sys.executable, str(REPO / "build.py"), "import", str(crawl)]
    if jobs:
        command += ["--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    summary = [line for line in done.stdout.splitlines() if line.startswith(("Pages", "Media"))]
    if done.returncode not in (0, 1) or not summary:
        sys.exit(f"import failed:\n{done.stderr[-3000:]}")
    return seconds, cpu, " | ".join(summary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=int, nargs="?", default=5000)
    parser.add_argument("--jobs", type=int, help="passed to import (default: all cores)")
    args = parser.parse_args()
    started = time.perf_counter()
    mirror, warc = generate(args.pages)
    print(f"generated {args.pages} pages in {time.perf_counter() - started:.1f} s "
          f"(mirror {mirror}, WARC {warc.stat().st_size / 1e6:.1f} MB)")  # fmt: skip
    print(f"cores: {os.cpu_count()}, jobs: {args.jobs or 'all'}")
    for name, crawl in (("mirror", mirror), ("warc", warc)):
        root = site(f"site-{name}")
        for run in ("first", "second"):
            seconds, cpu, summary = timed_import(root, crawl, args.jobs)
            print(
                f"{name:6} {run:6} import: {seconds:6.1f} s, {args.pages / seconds:7.1f} pages/s;"
                f" CPU {cpu:6.1f} s, {args.pages / cpu:6.1f} pages per CPU-second"
                f"   [{summary}]"
            )


if __name__ == "__main__":
    main()
