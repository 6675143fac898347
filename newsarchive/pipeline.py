"""The build, top to bottom: `build` runs the stages in order, each a named call.

check the output folder -> lock it -> recover -> read the articles (through the cache)
-> plan the pages -> check the files -> find the changed pages (with where their links to
the old portal lead) -> render them into the spare folder
-> check the links in bodies -> copy the static files -> search index -> publish (swap)
-> save the cache.

With the cache (cache.py) a build in a new process re-reads only the article files
whose stat or bytes changed (sources.py), re-renders only the pages whose fingerprint
changed (fingerprint.py) and writes only the files whose bytes changed (publish.py);
the output is byte-identical to a build from scratch.
"""

import functools
import gc
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from . import buildlock, heldlinks, preflight, publish, render, urls, workers
from .bodylinks import Links, body_link_problems
from .cache import Cache, cache_folder, no_gc
from .clashes import check_files
from .config import SiteConfig
from .content import Article
from .contentscan import scan_sources
from .errors import BuildFailed, Problem, os_problem, raised_stopping, shown
from .fingerprint import digest, fingerprints, folder_digest
from .pagedata import StandaloneData
from .plan import Page, SitePlan, build_site
from .search.format import STAMP as SEARCH_STAMP
from .sources import Sources, read_articles
from .statics import StaticFiles, static_files
from .templatelinks import template_files_missing
from .withdrawals import leftovers
from .workers import default_jobs

# Where the search indexer writes (checked for clashes, carried into the spare folder).
SEARCH_FOLDER = urls.search_bundle_folder()
PUBLISHED_BEFORE_SEARCH = "the pages were published; the search index is the previous one."


@dataclass(frozen=True)
class BuildResult:
    articles: int
    drafts: int
    pages: int
    static_files: int
    seconds: float
    output_dir: Path
    rendered: int = 0  # pages rendered (the others were unchanged)
    written: int = 0  # files written (the others already held the same bytes)
    deleted: int = 0
    search: str = ""  # what happened to the search index, for the editor
    hidden: tuple[str, ...] = ()  # hidden files and folders in content/, not built
    others: tuple[str, ...] = ()  # the other files in content/ that are not articles
    # What Windows or macOS made in content/ and static/ (.DS_Store), not published:
    # each with its folder.
    system: tuple[tuple[Path, str], ...] = ()
    strays: tuple[str, ...] = ()  # files in the output folders no build wrote, left out
    warnings: tuple[Problem, ...] = ()  # e.g. body links to missing pages
    withdrawn: int = 0  # articles taken down: at their addresses a notice only


def build(
    config: SiteConfig,
    jobs: int | None = None,
    progress: bool = False,
    cache: bool = True,
    search: bool = True,
    strict: bool = False,
) -> BuildResult:
    """Build the site into config.output_dir, doing only the work that changed.

    ``progress`` shows a counter on stderr when it is a terminal; ``cache=False``
    builds everything and leaves no cache behind; ``search=False`` leaves the search
    index as it is; ``strict`` makes warnings errors. Raises BuildFailed, leaving the
    previous site (and the cache) as they were."""
    started = time.perf_counter()
    preflight.check_output(config)
    publish.readable()
    with buildlock.lock(config.output_dir):
        published = len(publish.swapped)
        try:
            # Put back what a killed build moved aside (only folders the build made).
            since = publish.recover(config.output_dir, preflight.source_folders(config))
            result = _build(
                config,
                Cache(config, cache),
                jobs or default_jobs(),
                progress,
                search,
                strict,
                since,
            )
        except workers.broken_pool() as exc:
            raise BuildFailed(
                [
                    Problem(
                        config.output_dir,
                        "a worker process of the build stopped unexpectedly (out of memory?)",
                        "nothing was changed: build again, or with --jobs 1 to use less memory",
                    )
                ]
            ) from exc
        except OSError as exc:  # a full disk, a read-only folder, a name too long...
            if raised_stopping(exc):
                raise KeyboardInterrupt from exc
            changed = len(publish.swapped) > published
            raise BuildFailed(
                [os_problem(exc, cache_folder(config))],
                "the new site was published, but the cache was not saved."
                if changed
                else "the site was not changed.",
            ) from None
    return replace(result, seconds=time.perf_counter() - started)


def plan(config: SiteConfig, jobs: int = 1) -> SitePlan:
    """The site's pages, with every problem the build would find before rendering (the
    files the cache does not know read on ``jobs`` processes when there are many)."""
    with no_gc():
        sources = read_articles(config, Cache(config), jobs=jobs)
        site = build_site(config, sources.articles, standalone=sources.pages)
    _check_files(site, static_files(config).files)
    return site


def _build(
    config: SiteConfig,
    cache: Cache,
    jobs: int,
    progress: bool,
    search_on: bool,
    strict: bool,
    since: int | None = None,
) -> BuildResult:
    ahead: render.ConvertAhead | None = None
    early = _start_early(config, cache, jobs, search_on, since)
    spare: publish.Spare | None = None
    try:
        with no_gc():
            sources = read_articles(config, cache, progress, jobs, early.result)
            if not sources.entries:
                preflight.check_not_emptied(config)
            # Bodies the cache lacks are converted on the other cores meanwhile.
            ahead = render.ConvertAhead(config, cache, sources.articles, jobs)
            site = build_site(config, sources.articles, cache.related(), sources.pages)
            # The model lives as long as the build: keep the GC from scanning it again
            # and again (seconds at 100,000 articles), and forked workers from copying it.
            gc.freeze()
        found = static_files(config)
        _check_files(site, found.files)
        spare = publish.open_spare(config.output_dir, cache, since, early.result())
        rendered = _render(config, cache, site, sources, found.files, spare, jobs, progress, ahead)
        warnings = _content_warnings(config, site, sources, found, rendered, strict)
        # The bodies converted go into the HTML cache now, before the search index reads
        # them: each is keyed by its Markdown's digest, right for any later build.
        rendered.converted.commit(jobs)
        spare.keep()
        spare.copy_statics(found.files)
        spare.link_the_rest()
        warnings += _template_files_missing(config, site, spare.folder, rendered.outputs, strict)
        note, search_failed = _search(config, cache, site, spare, rendered, early, search_on)
        publish.publish(spare)
        # The version before, now the spare, takes the new index at once: the next build,
        # the one an editor waits for after adding an article, then finds it up to date
        # instead of linking every file of a new index (21,000 at 10,000 articles).
        spare.mirror_back(SEARCH_FOLDER, SEARCH_STAMP)
        _save_cache(config, cache, sources, site, rendered.links, spare)
    except BaseException:
        if spare is not None:
            spare.abandon()  # a first build's spare: no new folder is left
        raise
    finally:
        early.close()
        if ahead is not None:
            ahead.stop()
        gc.unfreeze()
    if search_failed:
        raise BuildFailed(search_failed.errors, PUBLISHED_BEFORE_SEARCH)
    written, deleted = spare.changes()
    return BuildResult(
        articles=len(site.articles),
        drafts=len(site.drafts),
        withdrawn=len(site.withdrawn),
        pages=len(site.pages),
        static_files=len(found.files),
        seconds=0.0,
        output_dir=config.output_dir,
        rendered=rendered.pages,
        written=written,
        deleted=deleted,
        search=note,
        hidden=tuple(sources.hidden),
        others=tuple(sources.others),
        system=(
            *((config.content_dir, name) for name in sources.system),
            *((config.static_dir, name) for name in found.system),
        ),
        strays=tuple(spare.strays),
        warnings=tuple(warnings),
    )


def _start_early(
    config: SiteConfig, cache: Cache, jobs: int, search_on: bool, since: int | None
) -> workers.ForkedCall:
    """What needs no article, done in a forked process while this one loads the cache
    and plans: the list of article files with their stat, then a stat of every file the
    output folders' records list (0.05 and 0.15 s of a rebuild at 10,000 articles).
    Then it imports numpy and, when asked, writes the search index's small segments, as
    a new article makes (search/writer.py)."""
    return workers.ForkedCall(
        [
            functools.partial(
                scan_sources,
                config.content_dir,
                config.root,
                (config.output_dir, cache_folder(config)),
            ),
            functools.partial(
                publish.look, config.output_dir, cache, since, SEARCH_FOLDER.as_posix()
            ),
        ],
        jobs if cache.enabled else 1,  # without a cache nothing is recorded: a cold build
        then=_ready_to_search if search_on else None,
    )


def _content_warnings(
    config: SiteConfig,
    site: SitePlan,
    sources: Sources,
    found: StaticFiles,
    rendered: "_Rendered",
    strict: bool,
) -> list[Problem]:
    """The warnings of the content once its pages are rendered: links in bodies to
    missing pages, what a takedown leaves (the text still in the file, pictures only it
    shows), and those of reading, planning and the static files. With ``strict`` they
    are errors, raised before anything but the spare folder has changed."""
    warnings = body_link_problems(
        site.articles,
        rendered.links,
        rendered.outputs,
        config.content_dir,
        strict,
        site.standalone,
        config.static_dir,
        config.base_url,
        site.drafts,
    )
    left = leftovers(
        site.withdrawn,
        [*site.articles, *site.standalone],
        rendered.links,
        found.files,
        config.static_dir.name,
    )
    warnings += [
        replace(p, warning=False) if strict else p
        for p in (*sources.warnings, *site.warnings, *found.warnings, *left)
    ]
    if warnings and strict:
        raise BuildFailed(warnings)
    return warnings


def _search(
    config: SiteConfig,
    cache: Cache,
    site: SitePlan,
    spare: publish.Spare,
    rendered: "_Rendered",
    early: workers.ForkedCall,
    search_on: bool,
) -> tuple[str, BuildFailed | None]:
    """The search index brought up to date in the spare folder: what happened, for the
    editor, and why it failed, if it did (the pages are published all the same, with the
    served index as it is)."""
    note, failed = "search index left as it was (--no-search)", None
    # The spare folder's index is made the served one (hard links), then brought up
    # to date: only the segments that changed are written (search/writer.py).
    spare.mirror(SEARCH_FOLDER, SEARCH_STAMP)
    if search_on:
        bodies = render.bodies_html(config, cache, site.articles, rendered.converted)
        try:
            names = cache.segment_names()
            note = _update_search(
                config,
                site.articles[::-1],
                bodies,
                spare.folder,
                None,
                rendered.stand_ins,
                names,
                early.call,
            )
        except BuildFailed as exc:
            failed = exc
    if failed:
        spare.mirror(SEARCH_FOLDER, SEARCH_STAMP)  # the served index, as it is
    return note, failed


def _save_cache(
    config: SiteConfig,
    cache: Cache,
    sources: Sources,
    site: SitePlan,
    links: dict[str, Links],
    spare: publish.Spare,
) -> None:
    published = {page.url: page.path for page in site.standalone}
    # A build of another folder (an offline copy, a preview, --output /tmp/x) saying
    # an article is gone, or moved, has not told the served site's: the next build
    # of _site compares with what this one read.
    served = config.output_dir.resolve() == config.site_dir.resolve() and not config.offline
    keep_read = sources.said_once and not served
    folders = [spare.live, spare.folder]
    cache.save(sources.entries, site.related, links, folders, published, keep_read)


@dataclass(frozen=True)
class _Rendered:
    """What rendering leaves to the stages after it; its own state (the fingerprints,
    the map of held links: 90 MiB at 100,000 articles) ends with `_render`. That lowers
    no peak: the search index's arrays, made next, do not reuse Python's small blocks."""

    converted: "render.HtmlSaver | render.SpooledBodies"  # the bodies converted
    links: dict[str, Links]  # the links of every body, by its digest
    outputs: set[str]  # every file the build publishes
    pages: int  # how many pages were rendered
    stand_ins: list[str]  # each article's in the search index, oldest first


def _render(
    config: SiteConfig,
    cache: Cache,
    site: SitePlan,
    sources: Sources,
    statics: dict[PurePosixPath, Path],
    spare: publish.Spare,
    jobs: int,
    progress: bool,
    ahead: render.ConvertAhead,
) -> _Rendered:
    """Render into the spare folder the pages whose fingerprint changed."""
    # Every page shows the menu: a page added to it, or retitled, renders them all.
    salt = digest(cache.key, folder_digest(config.templates_dir), repr(site.menu))
    known = known_articles(sources, site, cache.paths.key)
    paths = [urls.output_file(page.url) for page in site.pages]
    plain = prints = fingerprints(
        map(functools.partial(_placed, cache.paths.key), site.pages), known, salt
    )
    # Links to the old portal's pages that the archive holds lead to the archive's.
    held = heldlinks.held(
        [*site.articles, *site.withdrawn, *site.standalone], config.original_hosts
    )
    if held.pages:
        prints = heldlinks.fingerprints(site.pages, plain, cache.body_links(), held)
    todo = spare.stale(paths, prints)
    outputs = {*paths, *(rel.as_posix() for rel in statics)}
    # The first write: only into the spare.
    spare.prepare(outputs, len(todo), statics, jobs, SEARCH_FOLDER.as_posix())
    converted = render.render_changed(
        config, cache, site, todo, spare, jobs, progress, sources, ahead, held
    )
    links = render.links_in_bodies(config, cache, site, converted.links)
    # The pages of bodies converted just now: where their held links lead is known.
    unknown = [i for i, fp in enumerate(prints) if fp is None and plain[i] is not None]
    if unknown:
        spare.record(
            [paths[i] for i in unknown],
            heldlinks.fingerprints(
                [site.pages[i] for i in unknown], [plain[i] for i in unknown], links, held
            ),
        )
    stand_ins = [known.get(id(a), "") for a in reversed(site.articles)]
    return _Rendered(converted, links, outputs, len(todo), stand_ins)


def _template_files_missing(
    config: SiteConfig, site: SitePlan, folder: Path, files: set[str], strict: bool
) -> list[Problem]:
    """Warnings for the files the templates link that the site lacks (static/css/
    deleted), read on one page of each template that shows no article's text (whose
    links the body's warnings say): a few pages, some milliseconds. With ``strict``
    they are errors, raised before the site is published."""
    made_by: dict[str, Path] = {}
    seen: set[str] = set()
    for page in site.pages:
        if page.template in seen or page.source() is not None or page.shown_bodies():
            continue
        path = urls.output_file(page.url)
        if path.endswith(".html"):
            seen.add(page.template)
            made_by[path] = config.templates_dir / page.template
    problems = template_files_missing(
        folder, made_by, files, config.base_url, shown(config.static_dir)
    )
    if problems and strict:
        raise BuildFailed([replace(p, warning=False) for p in problems])
    return [replace(p, warning=True) for p in problems]


def _check_files(site: SitePlan, statics: dict[PurePosixPath, Path]) -> None:
    errors = check_files(site, statics, SEARCH_FOLDER)
    if errors:
        raise BuildFailed(errors)


def update_search(config: SiteConfig, stop: threading.Event | None = None) -> str:
    """Bring the search index up to date with the site the last build published.

    For `serve`, which publishes the pages without it first, so that open pages reload
    at once. Setting ``stop`` ends it early and keeps the previous index (a file
    changed: the pages come first)."""
    publish.readable()
    cache = Cache(config)
    site = plan(config)
    bodies = render.bodies_html(config, cache, site.articles)
    return _update_search(config, site.articles[::-1], bodies, config.output_dir, stop)


def _ready_to_search() -> None:
    from .search.writer import ready

    ready()


def known_articles(
    sources: Sources, site: SitePlan, key: Callable[[str], str] = str
) -> dict[int, str]:
    """How each article stands in a fingerprint, by id: its file (by its ``key`` in the
    cache: a project moved renders nothing again) and that file's digest, which decide
    all of it (no need to hash them again: 0.1 s at 10,000 articles). An article the plan
    renamed (``taxonomy.named_alike``) adds the names it shows: pickled whole instead, it
    would cost a list page twenty pickled articles."""
    known = {id(e.article): f"{key(path)}\n{e.digest}" for path, e in sources.entries.items()}
    for article in site.articles:
        entry = sources.entries.get(article.path)
        if id(article) not in known and entry is not None:
            names = "\n".join((article.category, *article.tags))
            known[id(article)] = f"{key(article.path)}\n{entry.digest}\n{names}"
    return known


def _placed(key: Callable[[str], str], page: Page) -> Page:
    """``page`` as its fingerprint takes it: a standalone page's file by its ``key`` in
    the cache (the absolute path rendered it again in a project moved)."""
    if not isinstance(page.data, StandaloneData):
        return page
    standalone = replace(page.data.standalone, path=key(page.data.standalone.path))
    return replace(page, data=StandaloneData(standalone))


def _update_search(
    config: SiteConfig,
    articles: Sequence[Article],
    bodies: Callable[[set[str]], dict[str, str]],
    folder: Path,
    stop: threading.Event | None = None,
    stand_ins: Sequence[str] = (),
    names: dict[str, str] | None = None,
    elsewhere: Callable[..., Any] | None = None,
) -> str:
    """``articles`` oldest first; ``bodies`` gives their HTML by digest; ``stand_ins``,
    ``names`` and ``elsewhere``: see search.writer.update_index."""
    from .search.writer import update_index  # not for a build with --no-search

    started = time.perf_counter()
    try:
        folder = folder / SEARCH_FOLDER
        indexed = update_index(folder, articles, bodies, stop, stand_ins, names, elsewhere)
    except OSError as exc:
        raise BuildFailed([os_problem(exc)], PUBLISHED_BEFORE_SEARCH) from None
    if indexed.stopped:
        return "search index update stopped (the previous index stays)"
    if indexed.pages == 0:
        return "no search index (no articles)"
    if not indexed.reindexed:
        return "search index unchanged"
    return f"search index rebuilt in {time.perf_counter() - started:.2f} s"
