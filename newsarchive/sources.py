"""Reading through the cache: every article of the content folder, reading only the
files whose stat or bytes changed since the last build (cache.py keeps the rest).

The content folder is listed by contentscan.py, a file read by frontmatter.py and
checked by validate.py; the articles are then checked together (two at one address).
The files are read on every core when there are many.
"""

import functools
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import renamed, urls
from .cache import Cache, SourceEntry, cache_folder, trusted_mtime
from .config import SiteConfig
from .content import Article, Standalone
from .contentscan import ContentScan, scan_sources, unreadable
from .errors import BuildFailed, Problem, line_of, shown
from .fingerprint import digest
from .frontmatter import front_matter_lines, front_matter_of, read_bytes, read_source
from .progress import Progress
from .summary import lead
from .termkinds import Kind
from .uistrings import load_strings
from .validate import (
    check_together,
    placeholder_left,
    placeholders,
    unwritten,
    validate,
    validate_page,
)
from .workers import map_batches
from .yamltext import normalise_text

MIN_PARALLEL_READS = 500
READ_BATCH = 64
# The folder of the content folder whose files are standalone pages, not articles (as
# Pelican's content/pages/): an about page, a contact page.
PAGES_FOLDER = "pages"


@dataclass(frozen=True)
class Sources:
    articles: list[Article]
    entries: dict[str, SourceEntry]  # the cache entry of every file, by path
    hidden: list[str]  # hidden files and folders left out of the content folder
    others: list[str]  # its other files that are not articles (pictures, documents)
    system: list[str]  # the files Windows or macOS made there (Thumbs.db), not read
    # Warnings about the files read this build: an address changed since the last
    # build, a date whose day and month look swapped.
    warnings: list[Problem]
    pages: list[Standalone] = field(default_factory=list)  # drafts too, in path order
    # Some warnings compare with the last build's cache (an article gone, an address
    # moved): said once, as the next build finds the new state there.
    said_once: bool = False


def read_articles(
    config: SiteConfig,
    cache: Cache,
    progress: bool = False,
    jobs: int = 1,
    scanned: Callable[[], ContentScan | None] = lambda: None,
) -> Sources:
    """Every article, reading only the files whose stat and bytes the cache does not
    know (on ``jobs`` processes when there are many). ``scanned``: the content folder's
    scan if another process made it, else None. Raises BuildFailed with every problem
    of every file."""
    if not config.content_dir.is_dir():
        raise BuildFailed(
            [
                Problem(
                    config.content_dir,
                    "the content folder does not exist",
                    "create it, or pass --content DIR",
                )
            ]
        )
    cached = cache.sources()
    scan = scanned() or scan_sources(
        config.content_dir, config.root, (config.output_dir, cache_folder(config))
    )
    pages_folder = os.path.join(config.content_dir, PAGES_FOLDER, "")
    page_files = [path for path, _, _ in scan.files if path.startswith(pages_folder)]
    files = [item for item in scan.files if not item[0].startswith(pages_folder)]
    stale = [path for path, mtime, size in files if not _unchanged(cached.get(path), mtime, size)]
    counter = Progress(len(stale), "articles read", quiet=not progress)
    read = functools.partial(
        _read_batch, cached=cached, tz=config.timezone, base_url=config.base_url
    )
    results = map_batches(read, stale, READ_BATCH, jobs, MIN_PARALLEL_READS)
    fresh: dict[str, SourceEntry] = {}
    failed: dict[str, list[Problem]] = {}
    for batch, batch_failed in results:
        fresh.update(batch)
        failed.update(batch_failed)
        counter.advance(len(batch) + len(batch_failed))
    counter.close()

    entries: dict[str, SourceEntry] = {}
    pages, errors = read_pages(page_files, pages_folder, config.base_url, _placeholder(config))
    # A misnamed file or a bad link is said with the problems of every file read, not
    # instead of them: the editor fixes all in one go.
    errors = scan.errors + errors
    for path, mtime, size in files:
        if path in failed:
            errors.extend(failed[path])
        elif path in fresh:
            entries[path] = replace(
                fresh[path], mtime_ns=trusted_mtime(mtime, scan.looked), size=size
            )
        else:
            entries[path] = cached[path]
    articles = [entry.article for entry in entries.values()]
    errors.extend(check_together(articles))
    errors.extend(unwritten(articles, _placeholder(config)))
    if errors:
        raise BuildFailed(errors)
    # Settings changed (the time zone, a new version...): the articles as last published.
    before = cached or cache.last_read()
    once = moved(before, fresh) + gone(before, entries) + emptied(before, fresh, entries, config)
    once += pages_gone(cache.last_pages(), pages, articles, config.root)
    # A date written month first before the address it moved: the fix is the date.
    warnings = swapped_dates(entries) + once
    warnings += without_text(articles) + dated_ahead(articles, datetime.now(config.timezone))
    warnings += shared_sources(articles)
    warnings += scan.warnings
    return Sources(
        articles, entries, scan.hidden, scan.others, scan.system, warnings, pages, bool(once)
    )


def readable_articles(config: SiteConfig) -> list[Article]:
    """Every article that reads without a problem (the cache's where its file is
    unchanged): what a command (new) compares its file with, which other files' problems
    must not stop, nor articles left with the placeholder (the build says those)."""
    cached = Cache(config).sources()
    scan = scan_sources(config.content_dir, config.root, (config.output_dir, cache_folder(config)))
    pages_folder = os.path.join(config.content_dir, PAGES_FOLDER, "")
    files = [item for item in scan.files if not item[0].startswith(pages_folder)]
    kept = {
        path: cached[path]
        for path, mtime, size in files
        if _unchanged(cached.get(path), mtime, size)
    }
    read, _ = _read_batch(
        [path for path, _, _ in files if path not in kept], cached, config.timezone, config.base_url
    )
    return [entry.article for entry in (kept | read).values()]


def read_pages(
    paths: list[str], folder: str, base_url: str, placeholder: str = ""
) -> tuple[list[Standalone], list[Problem]]:
    """The standalone pages at ``paths`` (below ``folder``, of the site at ``base_url``),
    and the problems of those that have some (one that still opens with ``placeholder``,
    or newsarchive's own words for it, as `new --page` left it, among them). Read at
    every build, past the cache: an archive has a handful, and the cache then has nothing
    to keep right when one is added, edited or deleted."""
    pages, errors = [], []
    known = placeholders(placeholder)
    addresses = [path[len(folder) : -len(".md")].replace(os.sep, "/") for path in paths]
    every = frozenset(addresses)
    for path, address in zip(paths, addresses, strict=True):
        try:
            source = read_source(Path(path))
            page = validate_page(source, address, every - {address}, base_url)
        except BuildFailed as failed:
            errors.extend(failed.errors)
            continue
        if not page.draft and lead(source.body) in known:
            errors.append(placeholder_left(Path(path), known[lead(source.body)], "page"))
        pages.append(page)
    return pages, errors


def moved(before: Mapping[str, SourceEntry], now: Mapping[str, SourceEntry]) -> list[Problem]:
    """A warning for each article of ``now`` that the last build published at another
    address (its date, title or slug was edited) unless an alias keeps that address:
    readers' links and citations of a page that was published lead nowhere now. Said
    once, by the build that sees the change (the cache then holds the new address)."""
    problems = []
    for path, entry in now.items():
        last = before.get(path)
        if last is None or last.article.draft or entry.article.draft:
            continue
        old, new = urls.article_url(last.article), urls.article_url(entry.article)
        if old == new or old in {urls.alias_url(a) for a in entry.article.aliases}:
            continue
        # The same bytes read with other settings: site.yaml's time zone moved it.
        edited = last.digest != entry.digest
        why = "its date, title or slug was edited" if edited else "site.yaml's timezone changed"
        problems.append(
            Problem(
                Path(path),
                f"the article's address changed from /{old} to /{new} ({why}): links to "
                f"/{old} and citations of it lead nowhere now",
                _keep_address(path, last.article, entry.article, edited),
                _line_to_edit(Path(path), last.article, entry.article),
                warning=True,
            )
        )
    return problems


def _keep_address(path: str, last: Article, now: Article, edited: bool) -> str:
    """The fix of `moved`: the alias that keeps the ``last`` address, or the edit to
    undo. A date likely written month first (swapped_dates says it first) is to be put
    right before an alias is added for it; once put right, the address it made, which
    lived for a build, needs none."""
    old = urls.article_url(last)
    alias = _to_aliases(now.aliases, old)
    meant = _month_first(path, now.published)[0] if edited else ""
    if meant:
        return (
            f"first check the date (said above): written day first, {meant}, it gives the "
            "article its old address back; if the date is right, to keep the old address "
            f"working, {alias}"
        )
    if edited and _month_first(path, last.published)[0]:
        return (
            f"the last build read its date day first, {last.published:%d/%m/%Y}: if /{old} "
            "was only that mistake's address, nothing more is needed; if it was published, "
            f"{alias}"
        )
    undo = "put the date, title or slug back" if edited else "put the timezone back"
    return f"to keep the old address working, {alias} (or {undo} as it was)"


def pages_gone(
    before: Mapping[str, str],
    pages: Sequence[Standalone],
    articles: Sequence[Article],
    root: Path,
) -> list[Problem]:
    """A warning for each standalone page the last build published (``before``: its
    address and file) whose address nothing answers now: its file was renamed, moved or
    deleted, or made a draft, and readers' links and citations of it lead nowhere. Said
    where the fix goes: at a draft's `draft:` line; at a page new since the last build
    when there is one (the file renamed), else at the file that is gone. Said once, by
    the build that sees the change."""
    answered = {page.url for page in pages if not page.draft}
    drafted = {page.path: page for page in pages if page.draft}
    missing = {u: p for u, p in before.items() if u not in answered and p not in drafted}
    now_drafts = {u: drafted[p] for u, p in before.items() if u not in answered and p in drafted}
    if not missing and not now_drafts:  # most builds (the rest walks every article's aliases)
        return []
    kept = {urls.alias_url(alias) for page in pages if not page.draft for alias in page.aliases}
    kept.update(urls.alias_url(alias) for article in articles for alias in article.aliases)
    new = [page for page in pages if not page.draft and page.url not in before]
    problems = [
        _page_drafted(url, page) for url, page in sorted(now_drafts.items()) if url not in kept
    ]
    for url, path in sorted(missing.items()):
        if url in kept:
            continue
        shown = os.path.relpath(path, root)
        message = (
            f"the page /{url} that the last build published ({shown}) is gone: links to it "
            "and citations of it lead nowhere now"
        )
        if len(new) == 1:  # the page renamed, most likely: the fix goes in its file
            renamed = new[0]
            problems.append(
                Problem(
                    Path(renamed.path),
                    f"{message}; this page is new",
                    "if this is that page renamed, keep its old address: "
                    f"{_to_aliases(renamed.aliases, url)} (or give the file its old "
                    "name back)",
                    renamed.key_lines.get("aliases") or line_of(Path(renamed.path), "title:"),
                    warning=True,
                )
            )
        else:
            problems.append(
                Problem(
                    Path(path),
                    message,
                    "if the page was renamed, add the old address to the front matter of "
                    f"the page that took its place: aliases: [/{url}]; if it was "
                    "deleted on purpose, nothing more is needed (a build with --strict "
                    "stops on it: build once without --strict)",
                    warning=True,
                )
            )
    return problems


def _page_drafted(url: str, page: Standalone) -> Problem:
    """The warning of `pages_gone` for a published page made a draft: there is no
    `withdrawn:` for a page, so the fix is to keep it published while it is rewritten."""
    path = Path(page.path)
    return Problem(
        path,
        f"this page, published by the last build at /{url}, is now a draft (draft: true "
        "keeps it off the site and its menu): its address and its old addresses now answer "
        '"not found", and readers\' links to it lead nowhere',
        "if it is only being rewritten, remove draft: true and rewrite it in place (each "
        "build publishes it as it then is); if it was taken off on purpose, nothing more is "
        "needed (a build with --strict stops on it: build once without --strict)",
        line_of(path, "draft:"),
        warning=True,
    )


def gone(before: Mapping[str, SourceEntry], now: Mapping[str, SourceEntry]) -> list[Problem]:
    """A warning for each article the last build published whose file is gone (deleted,
    moved to a hidden folder, renamed `.txt`) or is now a draft, while no article now has
    its address: that address and its aliases answer "not found", and readers' citations
    with them. The README asks for `withdrawn:` instead; the page vanished without a
    word (a draft was the editor's likeliest way to hide one). Said once, as `moved`
    is; a file renamed, its article at the same address, is not."""
    lost = [
        (path, entry.article, now.get(path))
        for path, entry in before.items()
        if entry.article.listed and (path not in now or now[path].article.draft)
    ]
    if not lost:
        return []
    kept = {urls.article_url(e.article) for e in now.values() if not e.article.draft}
    kept |= {
        urls.alias_url(a) for e in now.values() if not e.article.draft for a in e.article.aliases
    }
    return [
        _lost(Path(path), article, drafted is not None)
        for path, article, drafted in lost
        if urls.article_url(article) not in kept
    ]


def _lost(path: Path, article: Article, drafted: bool) -> Problem:
    """The warning of `gone` for ``article``: its file gone, or made a draft (said at
    its `draft:` line, the line to change)."""
    if drafted:
        why = "is now a draft (draft: true keeps it off the site)"
        undo = "write withdrawn: with the day in place of draft: true"
    else:
        why = "is no longer among the articles (its file was deleted, moved or renamed)"
        undo = "put its file back and add withdrawn: to it"
    return Problem(
        path,
        f"this article, published by the last build at /{urls.article_url(article)}, {why}: "
        'its address and its old addresses now answer "not found", and readers\' links to '
        "it lead nowhere",
        f'to take an article down, {undo} (see the README, "Taking an article down"): its '
        "address then tells readers why; if it was removed on purpose, nothing more is "
        "needed (a build with --strict stops on it: build once without --strict)",
        line_of(path, "draft:") if drafted else None,
        warning=True,
    )


def _line_to_edit(path: Path, last: Article, now: Article) -> int | None:
    """Where the editor acts on a moved article: its `aliases` line, or the line that
    moved it (the warning named the file alone). Looked up in the file, as articles
    keep no line but that of `aliases` (validate.LATER_KEYS), and few ever move."""
    if "aliases" in now.key_lines:
        return now.key_lines["aliases"]
    if urls.article_url(last).split("/")[:2] != urls.article_url(now).split("/")[:2]:
        return _date_line(path)[0]  # another year or month
    return line_of(path, "slug:") or line_of(path, "title:")


def _to_aliases(aliases: Sequence[str], old: str) -> str:
    """How to add the address /``old`` to an article's `aliases`: to its list when it has
    one (an imported article keeps the portal's address there; a second `aliases:` line
    is refused)."""
    if not aliases:
        return f"add it to the front matter: aliases: [/{old}]"
    listed = ", ".join(dict.fromkeys(aliases))  # one given twice is warned of at that line
    return f"add it to the list on the line of 'aliases': aliases: [{listed}, /{old}]"


def emptied(
    before: Mapping[str, SourceEntry],
    now: Mapping[str, SourceEntry],
    entries: Mapping[str, SourceEntry],
    config: SiteConfig,
) -> list[Problem]:
    """A warning for each category (and tag) that an article of ``now`` (read again) or
    one whose file is gone left, and that no article of ``entries`` has any longer, nor
    site.yaml's renamed_categories (renamed_tags): its page (and a category's feed),
    published by the last build, are gone (a name changed in its articles, or its last
    article withdrawn, made a draft or deleted), and links and feed subscriptions to
    them lead nowhere. Said once, at the first such article, with the line of site.yaml
    that keeps them."""
    # Read again, or deleted (a file renamed, its article elsewhere, keeps its names).
    changed = [*now, *sorted(before.keys() - entries.keys())]
    problems = []
    for setting, kind in renamed.SETTINGS.items():
        problems += _emptied(
            setting, kind, [(p, before.get(p), now.get(p)) for p in changed], entries, config
        )
    return problems


def _emptied(
    setting: str,
    kind: Kind,
    changed: Sequence[tuple[str, SourceEntry | None, SourceEntry | None]],
    entries: Mapping[str, SourceEntry],
    config: SiteConfig,
) -> list[Problem]:
    left = [
        (path, name, last.article, entry.article if entry else None)
        for path, last, entry in changed
        if last is not None and last.article.listed
        for name in kind.names(last.article)
        if kind.address(name) not in _addresses(kind, entry.article if entry else None)
    ]
    if not left:  # most builds: no name changed (the rest costs 10 ms at 10,000)
        return []
    kept = {
        kind.address(n) for e in entries.values() if e.article.listed for n in kind.names(e.article)
    }
    kept |= {kind.address(r.old) for r in getattr(config, setting)}
    problems = []
    for path, name, last, article in left:
        gone = kind.address(name)
        if gone in kept:
            continue
        kept.add(gone)  # said once
        problems.append(
            Problem(
                Path(path),
                f"the {kind.noun} '{name}' has no article any more"
                + _why_gone(article)
                + (
                    f": its page /{gone} and its feed /{urls.feed_url(gone)} are gone, and "
                    "links and feed subscriptions to them lead nowhere"
                    if kind.feed
                    else f": its page /{gone} and its numbered pages are gone, and links to "
                    "them lead nowhere"
                ),
                _keep_name(setting, kind, name, (last, article), setting in config.lines),
                line_of(Path(path), f"{kind.key}:") if article else None,  # rare: read now
                warning=True,
            )
        )
    return problems


def _addresses(kind: Kind, article: Article | None) -> set[str]:
    """The addresses of ``article``'s names of this kind where it is listed."""
    if article is None or not article.listed:
        return set()
    return {kind.address(name) for name in kind.names(article)}


def _why_gone(article: Article | None) -> str:
    if article is None:
        return " (its last article's file is gone)"
    if article.listed:
        return ""  # it moved to another name, said in the fix
    return f" (its last article was {'made a draft' if article.draft else 'withdrawn'})"


def _keep_name(
    setting: str,
    kind: Kind,
    name: str,
    versions: tuple[Article, Article | None],
    written: bool,
) -> str:
    """How to keep a name's old page (and feed) leading somewhere: to the name the
    article took instead (the one it has that its last version had not), or to one the
    editor chooses."""
    last, article = versions
    other = f"<another {kind.noun}>"
    if article is None or not article.listed:
        line = renamed.line_to_add(setting, name, other, written)
        return f"to keep them leading to another {kind.noun}, {line}"
    back = (
        f"write category: {name} back in its articles"
        if kind.feed
        else f"write the tag {name} back in its articles"
    )
    had = _addresses(kind, last)
    then = [n for n in kind.names(article) if kind.address(n) not in had]
    if not then:
        return f"to keep them, {back}"
    new = then[0] if len(then) == 1 or kind.feed else other
    line = renamed.line_to_add(setting, name, new, written)
    return f"to keep them leading to '{new}', {line} (or {back})"


def swapped_dates(entries: Mapping[str, SourceEntry]) -> list[Problem]:
    """A warning for each article filed in a month folder (content/2021/05/, as `new`
    files them) whose date falls in another month but on the day of the folder's month:
    `date: 5/3/2021` written month first (as in English) is read day first, 5 March, and
    the article published in March. Said at every build until the date or the file is
    moved (a warning said once is easily missed among a build's lines)."""
    problems = []
    for path, entry in entries.items():
        published = entry.article.published
        meant, line = _month_first(path, published)
        if not meant:
            continue
        problems.append(
            Problem(
                Path(path),
                f"the date is read day first: {published:%d/%m/%Y}, {published.day} "
                f"{_MONTH_NAMES[published.month - 1]}, yet the file is in the folder of month "
                f"{published.day}; the article is published under {published:%Y/%m}",
                f"if it was written month first, write it day first: {meant}; if the date "
                "is right, move the file to its month's folder",
                line,
                warning=True,
            )
        )
    return problems


def _month_first(path: str, published: datetime) -> tuple[str, int | None]:
    """The date the article at ``path`` meant, day first, when its date was likely
    written month first (swapped_dates), and the line of its date; else ("", None)."""
    if published.day > 12 or published.day == published.month:
        return "", None  # cheap tests first: this runs on every article of every build
    folder, month_folder = os.path.split(os.path.dirname(path))
    if month_folder.lstrip("0") != str(published.day):
        return "", None
    if os.path.basename(folder) != str(published.year):
        return "", None
    # Only such a file is read again: is its date written with slashes?
    line, written = _date_line(Path(path))
    if line is None or "/" not in written:  # 2021-03-05: ISO, unambiguous
        return "", None
    # Read month first, the date was day `published.month` of month `published.day`.
    return f"{published.month}/{published.day}/{published.year}", line


def shared_sources(articles: Sequence[Article]) -> list[Problem]:
    """A warning for each article whose source_url another article has too: an article
    started from a copy of an imported one's file keeps its source_url (and captured),
    and is published as the archive's copy of that page; an import then finds either
    "already there". Said at every build, in the files' order, until one is corrected."""
    by_source: dict[str, list[Article]] = {}
    for article in articles:
        if article.source_url:
            by_source.setdefault(article.source_url, []).append(article)
    problems = []
    for address, claiming in by_source.items():
        for article in claiming if len(claiming) > 1 else ():
            path = Path(article.path)
            others = ", ".join(shown(Path(a.path)) for a in claiming if a is not article)
            problems.append(
                Problem(
                    path,
                    f"source_url {address} is also the source_url of {others}: each article "
                    "says it is the archive's copy of that one page of the old portal",
                    "if one of them was started from a copy of the other's file, delete "
                    "its source_url and captured lines (and the aliases it took with them)",
                    line_of(path, "source_url:"),
                    warning=True,
                )
            )
    return sorted(problems, key=lambda p: str(p.path))


def without_text(articles: Sequence[Article]) -> list[Problem]:
    """A warning for each article on the site with no text below its front matter: its
    page shows only its title and date (the text not pasted, or deleted with the
    placeholder that `new` wrote). Said at every build until it has text."""
    problems = []
    for article in articles:
        if article.empty and article.listed:
            path = Path(article.path)
            problems.append(
                Problem(
                    path,
                    "the article has no text below its front matter: its page shows only "
                    "its title and date",
                    "write its text below this line (a picture or a file is linked there "
                    "too); to keep the article off the site until then, add a line "
                    "'draft: true' to its front matter",
                    _front_matter_end(path),
                    warning=True,
                )
            )
    return problems


def _front_matter_end(path: Path) -> int | None:
    """The line that closes the front matter (read again: rare)."""
    front, body = front_matter_of(path)
    return len(front) if body is not None else None


# Why a day of the archive's own, or a crawl's, is today at the latest.
_AHEAD_WHY = {
    "": "the archive's own changes are dated on the day they were made, today at the latest",
    "captured": "it is the day a crawl copied the page, before it was imported",
}


def dated_ahead(articles: Sequence[Article], now: datetime) -> list[Problem]:
    """A warning for each article on the site dated after this build: the archive holds
    what a portal had published, so the date is mistyped (2031 for 2021), and the article
    is listed above every other, under that year. Said at every build until corrected."""
    problems = []
    for article in articles:
        published = article.published
        if published > now and article.listed:
            problems.append(
                Problem(
                    Path(article.path),
                    f"the article is dated {published:%d/%m/%Y %H:%M}, after this build "
                    f"({now:%d/%m/%Y %H:%M}): it is listed first, above every article, and "
                    f"published under {published:%Y/%m}",
                    "if the date is mistyped, correct it: the archive holds what the portal "
                    "had published",
                    _date_line(Path(article.path))[0],
                    warning=True,
                )
            )
        # A takedown, a correction or a capture dated ahead (2031 for 2021): the notice
        # told readers the article "was removed on 01/01/2031", the sitemap its change in
        # 2031. The first such date is said, the takedown's before the corrections', the
        # capture's last.
        dates = [("corrections", "correction", c.date) for c in article.corrections]
        if article.withdrawn and not article.draft:
            dates.insert(0, ("withdrawn", "takedown", article.withdrawn.date))
        if article.captured:
            dates.append(("captured", "capture", article.captured))
        for key, what, day in [d for d in dates if d[2] > now][:1]:
            problems.append(
                Problem(
                    Path(article.path),
                    f"the {what} under '{key}' is dated {day:%d/%m/%Y}, after this build "
                    f"({now:%d/%m/%Y}): readers are shown that day",
                    f"if the date under '{key}' is mistyped, correct it: "
                    + _AHEAD_WHY.get(key, _AHEAD_WHY[""]),
                    line_of(Path(article.path), f"{key}:"),
                    warning=True,
                )
            )
    return problems


def _date_line(path: Path) -> tuple[int | None, str]:
    """The line of the front matter's ``date:`` key and its text (read again: rare); not
    a correction's ``  - date:``, nor "date:" within another line."""
    try:
        rows = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None, ""
    return next(((n, row) for n, row in enumerate(rows, 1) if row.startswith("date:")), (None, ""))


# English, as the messages are (calendar.month_name follows the locale).
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _placeholder(config: SiteConfig) -> str:
    """The text `new` writes into an article's body; "" when strings.yaml cannot be
    read (the render stage reports why)."""
    try:
        return str(load_strings(config.templates_dir).get("new_article_body", ""))
    except BuildFailed:
        return ""


def _unchanged(entry: SourceEntry | None, mtime_ns: int, size: int) -> bool:
    return entry is not None and entry.mtime_ns == mtime_ns and entry.size == size


def _read_batch(
    paths: list[str], cached: dict[str, SourceEntry], tz: ZoneInfo, base_url: str
) -> tuple[dict[str, SourceEntry], dict[str, list[Problem]]]:
    """Read, and parse the files whose bytes changed (the others: their cached entry).

    Returns the entries, and the problems of the files that have some. The bodies are
    not kept: read again when converted (MarkdownFiles), they cost no memory meanwhile."""
    done: dict[str, SourceEntry] = {}
    failed: dict[str, list[Problem]] = {}
    for path in paths:
        try:
            data = read_bytes(path)
        except OSError as exc:  # no read permission: said with the content's other problems
            failed[path] = [unreadable(Path(path), exc)]
            continue
        file_hash = digest(data)
        entry = cached.get(path)
        if entry is not None and entry.digest == file_hash:
            done[path] = entry
            continue
        try:
            source = read_source(Path(path), data)
            article = validate(source, tz, base_url)
        except BuildFailed as problems:
            failed[path] = problems.errors
            continue
        done[path] = SourceEntry(0, 0, file_hash, article)
    return done, failed


class MarkdownFiles(Mapping[str, str]):
    """Article bodies by digest, read from their files when they are converted: held
    all at once, they took a gigabyte at 100,000 articles."""

    def __init__(self, paths: dict[str, str]):
        self.paths = paths  # body digest -> the article's file

    def __getitem__(self, key: str) -> str:
        return read_body(self.paths[key], key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


def read_body(path: str, key: str) -> str:
    """The Markdown body of the article file at ``path`` whose digest is ``key``.

    Raises BuildFailed when the file no longer holds that body."""
    # The body split off as frontmatter.split_front_matter does; the digest proves it the
    # same, without parsing the YAML again.
    try:
        body = front_matter_lines(normalise_text(read_bytes(path)))[1]
    except UnicodeDecodeError:
        body = None
    if body is None or digest(body) != key:
        raise BuildFailed([Problem(Path(path), "the file changed during the build", "build again")])
    return body
