"""Search at archive scale: index build time, index size, and bytes one query downloads.

    python bench/search.py                 # 10,000 articles
    python bench/search.py --size 1000

Builds the generated corpus with our own `python build.py` (so the index is the real one),
then serves the site under /repo/ on 127.0.0.1 and, for each query, opens the search page
in a fresh headless Chromium context (empty cache, as a first visit on a phone) and adds up
the bytes of every search file it fetched: search.js, Pagefind's JS and WebAssembly, its
metadata, the index chunks and the fragments of the results shown. Budget: 300 KB a query.
"""

import argparse
import gzip
import re
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import generate  # noqa: E402  (bench/ is on sys.path when this script runs)
from measure import run_measured, tree_size  # noqa: E402
from serving import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

from newsarchive.urls import search_bundle_url, search_url  # noqa: E402

BUDGET = 300 * 1024
QUERIES = [
    "hai ba trung",
    "Hai Bà Trưng",
    "cán bộ",
    "can bo",
    "dong chi",
    "đường",
    "quy hoạch đô thị",
    "ủy ban nhân dân phường",
    "hoa",
    "d",  # one letter: the widest prefix search
]


def build(content: Path, out: Path) -> tuple[float, float, float, float]:
    """Cold build; (build seconds, index seconds, peak RSS MiB, rebuild seconds when unchanged)."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, str(REPO / "build.py"), "--config", str(REPO / "site.yaml")]
    command += ["--content", str(content), "--output", str(out / "_site")]
    command += ["--base-url", "https://example.github.io/repo/"]
    cold = run_measured(command, REPO, out / "build.log")
    if cold.exit_code != 0:
        sys.exit(f"build failed:\n{cold.log}")
    indexed = re.search(r"search index rebuilt in ([\d.]+) s", cold.log)
    again = run_measured(command, REPO, out / "rebuild.log")
    return (
        cold.wall_seconds,
        float(indexed.group(1)) if indexed else float("nan"),
        cold.peak_rss_mib,
        again.wall_seconds,
    )


def bundle_sizes(bundle: Path) -> dict[str, int]:
    kinds = {"index chunks": "index/*", "fragments": "fragment/*", "metadata": "*.pf_meta"}
    sizes = {kind: sum(p.stat().st_size for p in bundle.glob(g)) for kind, g in kinds.items()}
    sizes["all files"] = tree_size(bundle)[2]
    return sizes


def sent_by_pages(path: Path, size: int) -> int:
    """What GitHub Pages would send: it gzips text files; Pagefind's own files
    (index, fragments, metadata, WebAssembly) are gzip files already."""
    if path.suffix in (".js", ".json", ".css", ".html"):
        return len(gzip.compress(path.read_bytes(), mtime=0))
    return size


def fetched_per_query(site: Path, queries: list[str]) -> list[tuple[str, int, int, dict, int]]:
    from playwright.sync_api import sync_playwright

    results = []
    with serve(site, "repo") as address, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        for query in queries:
            context = browser.new_context()  # an empty cache for each query
            page = context.new_page()
            fetched: dict[str, int] = {}

            def record(request, fetched=fetched):
                url = request.url
                if f"/{search_bundle_url()}" in url or url.endswith("/js/search.js"):
                    fetched[url] = request.sizes()["responseBodySize"]

            page.on("requestfinished", record)
            page.goto(f"{address}{search_url()}?q={quote(query)}")
            page.wait_for_function(
                "document.querySelector('.search-status').textContent.includes('“')",
                timeout=300_000,
            )
            page.wait_for_load_state("networkidle")
            shown = page.locator(".search-result").count()
            status = page.locator(".search-status").inner_text()
            total = int(status.split()[0]) if status[:1].isdigit() else 0
            kinds: dict[str, int] = {}
            compressed = 0
            for url, size in fetched.items():
                compressed += sent_by_pages(site / url.split(address, 1)[1], size)
                kind = (
                    "fragments"
                    if "/fragment/" in url
                    else "index chunks"
                    if "/index/" in url
                    else "metadata"
                    if url.endswith(".pf_meta")
                    else "code (JS, wasm, entry)"
                )
                kinds[kind] = kinds.get(kind, 0) + size
            results.append((query, total, shown, kinds, compressed))
            context.close()
        browser.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10_000, help="number of articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip-build", action="store_true", help="measure the last built site")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} not found (apt-get install chromium)")

    work = HERE / "work"
    started = time.perf_counter()
    content = generate.ensure_corpus(args.size, work, args.seed)
    print(f"corpus: {args.size} articles ({time.perf_counter() - started:.1f} s to make or find)")
    out = work / f"search-{args.size}"
    site = out / "_site"
    if args.skip_build and site.is_dir():
        print(f"(site in {site} reused, not rebuilt)")
    else:
        build_s, index_s, rss, rebuild_s = build(content, out)
        print(f"build with index: {build_s:.1f} s wall, of which indexing {index_s:.1f} s")
        print(f"peak memory of the build (with the indexer): {rss:.0f} MiB")
        print(f"rebuild with nothing changed (index skipped): {rebuild_s:.1f} s wall")
    sizes = bundle_sizes(site / search_bundle_url())
    print("index size: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sizes.items()))

    print(f"\nbytes fetched by one query, first visit (budget {BUDGET // 1024} KB):")
    worst = 0
    print("  (KB as served here, uncompressed; in brackets as GitHub Pages sends it, gzip)")
    worst = worst_sent = 0
    for query, total, shown, kinds, sent in fetched_per_query(site, QUERIES):
        fetched = sum(kinds.values())
        worst, worst_sent = max(worst, fetched), max(worst_sent, sent)
        parts = ", ".join(f"{k} {v / 1024:.0f}" for k, v in sorted(kinds.items()))
        print(
            f"  {query!r:28} {fetched / 1024:5.0f} KB [{sent / 1024:4.0f}]"
            f"  ({parts}; {total} found, {shown} shown)"
        )
    verdict = "within" if worst <= BUDGET else "OVER"
    print(
        f"worst query: {worst / 1024:.0f} KB [{worst_sent / 1024:.0f} KB], "
        f"{verdict} the {BUDGET // 1024} KB budget"
    )
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
