"""How many output files change when one newer article is added to a large archive.

    python bench/add_one_article.py [--articles 10000] [--per-page 20]

Generates a synthetic archive (10 years, 12 categories, 300 tags, aliases on a
third of the articles) in a temporary folder, builds it, adds one article newer
than all others, builds again, and prints the build times and the changed files.
Stable pagination should keep the count of changed files small and independent
of the archive size.
"""

import argparse
import random
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsarchive.cli import main  # noqa: E402

WORDS = [
    "quận",
    "phường",
    "hội",
    "nghị",
    "cán",
    "bộ",
    "nhân",
    "dân",
    "đô",
    "thị",
    "giáo",
    "dục",
    "y",
    "tế",
    "kinh",
    "tế",
    "văn",
    "hóa",
]


def article(i: int, when: datetime, rng: random.Random) -> str:
    tags = sorted({f"từ khóa {rng.randrange(300)}" for _ in range(rng.randrange(4))})
    lines = [
        "---",
        f'title: "{" ".join(rng.choices(WORDS, k=8))} số {i}"',
        f"date: {when:%Y-%m-%d %H:%M}",
        f"slug: bai-{i}",
        f"category: Chuyên mục {i % 12}",
        f"tags: [{', '.join(tags)}]",
    ]
    if i % 3 == 0:
        lines.append(f"aliases: [/tin-tuc/{i}.html]")
    lines += ["---", "", " ".join(rng.choices(WORDS, k=120)), ""]
    return "\n".join(lines)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def build(config: Path) -> float:
    started = time.perf_counter()
    if main(["build", "--config", str(config), "--quiet"]) != 0:
        raise SystemExit("build failed")
    return time.perf_counter() - started


def run(articles: int, per_page: int) -> None:
    rng = random.Random(1)
    work = Path(tempfile.mkdtemp(prefix="newsarchive-bench-"))
    try:
        shutil.copytree(REPO / "templates", work / "templates")
        shutil.copytree(REPO / "static", work / "static")
        (work / "site.yaml").write_text(f"per_page: {per_page}\n", encoding="utf-8")
        start = datetime(2015, 1, 1, 8, 0)
        step = timedelta(days=3650) / articles
        for i in range(articles):
            path = work / "content" / f"{i // 1000}" / f"bai-{i}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(article(i, start + i * step, rng), encoding="utf-8")
        first = build(work / "site.yaml")
        before = tree(work / "_site")
        extra = work / "content" / "moi" / "bai-moi.md"
        extra.parent.mkdir()
        extra.write_text(article(articles, start + articles * step, rng), encoding="utf-8")
        second = build(work / "site.yaml")
        after = tree(work / "_site")
        changed = sorted(p for p in after if before.get(p) != after[p])
        print(f"articles: {articles}, per_page: {per_page}, output files: {len(after)}")
        print(f"first build: {first:.1f} s, build after adding one: {second:.1f} s")
        print(f"files changed or added by one new article: {len(changed)}")
        for path in changed:
            print(f"  {path}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--per-page", type=int, default=20)
    args = parser.parse_args()
    run(args.articles, args.per_page)
