"""An article page is light: its HTML plus stylesheets stay under 50 KB before
compression, and reading it loads no JavaScript."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from showcase import RICH_URL
from test_seed_article import SEED_URL

LIMIT = 50_000  # bytes


def weight(site: Path, url: str) -> dict[str, int]:
    """Bytes of the page and of every stylesheet and script file it loads."""
    page = site / url / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    files = [page]
    files += [page.parent / link["href"] for link in soup.select('link[rel~="stylesheet"]')]
    files += [page.parent / script["src"] for script in soup.select("script[src]")]
    return {f.resolve().relative_to(site.resolve()).as_posix(): f.stat().st_size for f in files}


@pytest.mark.parametrize("url", [SEED_URL, RICH_URL], ids=["seed", "rich"])
def test_article_page_weighs_under_50_kb(showcase, url):
    sizes = weight(showcase.output, url)
    assert "css/site.css" in sizes
    assert not [name for name in sizes if name.endswith(".js")], "reading needs no JavaScript"
    assert sum(sizes.values()) < LIMIT, sizes
