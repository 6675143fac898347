"""What a built site weighs, per article: each kind of file, and each part of an article page.

    python bench/size.py SITE [--sources CONTENT]

Kinds of file are told apart by their paths (urls.py's scheme): article pages
(yyyy/mm/slug/), month and year pages, the home list, category and tag lists, feeds,
sitemaps, alias redirects (pages that only send the reader on) and the rest. The parts of
an article page are its elements, found by their class (templates/article.html and
base.html); what no part claims is counted as "rest" (doctype, head basics, whitespace).
With --sources, the site's size is also given over its Markdown files' size, with and
without the search index (the folder urls.search_bundle_url names).
"""

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from newsarchive import urls

INDEX = "search index"
KINDS = (
    ("article", re.compile(r"\d{4}/\d{2}/[^/]+/index\.html")),
    ("month", re.compile(r"\d{4}/\d{2}/index\.html")),
    ("year", re.compile(r"\d{4}/index\.html")),
    ("home list", re.compile(r"(trang/\d+/)?index\.html")),
    ("category lists", re.compile(r"chuyen-muc/([^/]+/)?(trang/\d+/)?index\.html")),
    ("tag lists", re.compile(r"the/([^/]+/)?(trang/\d+/)?index\.html")),
    ("feeds", re.compile(r"(.*/)?feed\.xml")),
    ("sitemaps", re.compile(r"sitemap.*\.xml")),
    # Where the build writes it today (urls.py), so the bench follows the scheme.
    (INDEX, re.compile(re.escape(urls.search_bundle_url()) + ".*")),
)
REDIRECT = b'http-equiv="refresh"'

# Parts of an article page: (name, start of the element). Each runs to its matching end
# tag; "head: ..." parts are single lines of <head>.
PARTS = (
    ("head: Open Graph", re.compile(rb'<meta property="[^"]*"[^>]*>\n?')),
    ("head: JSON-LD", re.compile(rb'<script type="application/ld\+json">.*?</script>\n?', re.S)),
    ("head: title, description, links", re.compile(rb"<(title>|meta name=|link )[^\n]*\n")),
    ("site header (name, search, menu, notice)", re.compile(rb'<header class="site-header"')),
    ("breadcrumbs", re.compile(rb'<nav class="breadcrumbs"')),
    ("article header (category, title, date)", re.compile(rb"<article[^>]*>\s*<header")),
    ("body", re.compile(rb'<div class="article-body"')),
    ("tags and provenance", re.compile(rb'<footer class="article-meta"')),
    ("hidden search record", re.compile(rb"<div hidden data-pagefind-body")),
    ("older/newer", re.compile(rb'<nav class="article-nav"')),
    ("related", re.compile(rb'<aside class="related"')),
    ("site footer", re.compile(rb'<footer class="site-footer')),
)
_TAG = re.compile(rb"<(/?)([a-z]+)\b[^>]*>")


def element_end(page: bytes, start: int) -> int:
    """Where the element opened at ``start`` ends (after its end tag)."""
    name = _TAG.match(page, start).group(2)  # type: ignore[union-attr]
    depth = 0
    for tag in _TAG.finditer(page, start):
        if tag.group(2) != name:
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(page)


def article_parts(page: bytes) -> Counter[str]:
    """Bytes per part of one article page; the rest is 'rest'."""
    parts: Counter[str] = Counter()
    claimed = 0
    for name, pattern in PARTS:
        for match in pattern.finditer(page):
            if name.startswith("head: "):
                size = match.end() - match.start()
            else:  # the element the match starts with (<article>: its <header>)
                start = page.rindex(b"<", match.start(), match.end())
                size = element_end(page, start) - match.start()
            parts[name] += size
            claimed += size
            if not name.startswith("head: "):
                break
    parts["rest"] += len(page) - claimed
    return parts


def kind_of(rel: str, path: Path) -> str:
    for name, pattern in KINDS:
        if pattern.fullmatch(rel):
            return name
    if rel.endswith(".html") and REDIRECT in path.read_bytes()[:2000]:
        return "alias redirects"
    return "other"


def measure(site: Path) -> tuple[Counter[str], Counter[str], Counter[str], int]:
    """(bytes per kind, files per kind, bytes per article-page part, article pages)."""
    sizes: Counter[str] = Counter()
    files: Counter[str] = Counter()
    parts: Counter[str] = Counter()
    articles = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        kind = kind_of(rel, path)
        size = path.stat().st_size
        sizes[kind] += size
        files[kind] += 1
        if kind == "article":
            articles += 1
            parts.update(article_parts(path.read_bytes()))
    return sizes, files, parts, articles


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--sources", type=Path, help="the content folder, for the ratio")
    args = parser.parse_args(argv)
    sizes, files, parts, articles = measure(args.site)
    n = max(articles, 1)
    total = sum(sizes.values())
    count = sum(files.values())
    print(f"{args.site}: {total / 2**20:.1f} MiB in {count} files, {articles} articles")
    if args.sources:
        source_bytes = sum(p.stat().st_size for p in args.sources.rglob("*.md"))
        without = total - sizes[INDEX]
        print(
            f"site / Markdown sources: {total / source_bytes:.2f} with the search index, "
            f"{without / source_bytes:.2f} without ({source_bytes / n:.0f} B of Markdown "
            "per article)"
        )
    print("\n| kind of file | files | MiB | bytes per article |\n|---|---:|---:|---:|")
    for kind, size in sizes.most_common():
        print(f"| {kind} | {files[kind]} | {size / 2**20:.2f} | {size / n:.0f} |")
    print(f"| all | {count} | {total / 2**20:.2f} | {total / n:.0f} |")
    print("\n| part of an article page | bytes per page |\n|---|---:|")
    for part, size in parts.most_common():
        print(f"| {part} | {size / n:.0f} |")
    print(f"| whole page | {sizes['article'] / n:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
