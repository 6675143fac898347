"""Helpers for the fast unit tests, which build model objects directly (no site, no files)."""

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from newsarchive.content import Article, SourceFile

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime(2019, 1, 1, 8, 0, tzinfo=HANOI)


def make_article(
    n: int, category: str = "", tags: tuple[str, ...] = (), **fields: object
) -> Article:
    """Article number ``n``: published ``n`` days after START, so numbers sort oldest first."""
    values: dict = {
        "path": f"content/bai-{n}.md",
        "title": f"Bài {n}",
        "published": START + timedelta(days=n),
        "slug": f"bai-{n}",
        "body_digest": f"digest-{n}",
        "category": category,
        "tags": tags,
    }
    return Article(**(values | fields))  # type: ignore[arg-type]


def make_articles(count: int) -> list[Article]:
    return [make_article(n) for n in range(count)]


def source(meta: dict, body: str = "Nội dung.\n", path: str = "content/bai.md") -> SourceFile:
    """A front matter as YAML would have read it, each key on its own line from line 2."""
    return SourceFile(Path(path), meta, {k: i + 2 for i, k in enumerate(meta)}, body)
