"""The whole build as one readable function:
load -> validate -> model -> render -> write -> publish -> search index.

With the cache (cache.py) a build in a new process re-reads only the article
files whose stat or bytes changed, re-renders only the pages whose fingerprint
changed (fingerprint.py), writes only the files whose bytes changed and deletes
the files no longer produced; the output is byte-identical to a build from scratch.
"""

import functools
import gc
import os
import shutil
import threading
import time
from collections.abc import Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

import jinja2

from . import output, search, urls
from .bodylinks import Links, body_link_problems, body_links
from .cache import (
    Cache,
    HtmlSaver,
    OutputFile,
    OutputState,
    SourceEntry,
    cache_folder,
    files_still_there,
    no_gc,
)
from .config import SiteConfig
from .content import Article
from .errors import BuildFailed, ContentError
from .fingerprint import digest, file_digest, fingerprints, folder_digest
from .load import read_source, scan_sources
from .progress import Progress
from .render import MarkdownFiles, Renderer
from .site import Page, Site, build_site
from .validate import check_together, validate
from .workers import RenderJob, TemplateFailed, can_fork, default_jobs, fork_map, render_pages

# A file changed less than this long before we looked may change again within
# the same mtime tick: its stat is not trusted next time, its bytes are hashed.
RACY_NS = 2_000_000_000
MIN_PARALLEL_READS = 500
READ_BATCH = 64


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
    warnings: tuple[ContentError, ...] = ()  # e.g. body links to missing pages


@dataclass(frozen=True)
class Sources:
    articles: list[Article]
    entries: dict[str, SourceEntry]  # the cache entry of every file, by path
    bodies: dict[str, str]  # body digest -> Markdown, of the files read this time
    hidden: list[str]  # hidden files and folders left out of the content folder


def read_articles(
    config: SiteConfig,
    cached: dict[str, SourceEntry],
    progress: bool = False,
    jobs: int = 1,
) -> Sources:
    """Every article, reading only the files whose stat and bytes are not in ``cached``
    (on ``jobs`` processes when there are many)."""
    if not config.content_dir.is_dir():
        raise BuildFailed(
            [
                ContentError(
                    config.content_dir,
                    "the content folder does not exist",
                    "create it, or pass --content DIR",
                )
            ]
        )
    looked = time.time_ns()
    scan = scan_sources(config.content_dir, config.root)
    if scan.errors:
        raise BuildFailed(scan.errors)
    sources = scan.files
    stale = [path for path, st in sources if not _unchanged(cached.get(path), st)]
    counter = Progress(len(stale), "articles read", quiet=not progress)
    read = functools.partial(_read_batch, cached=cached, tz=config.timezone)
    batches = [stale[i : i + READ_BATCH] for i in range(0, len(stale), READ_BATCH)]
    if can_fork(jobs, len(stale), MIN_PARALLEL_READS):
        results = fork_map(read, batches, jobs)
    else:
        results = map(read, batches)
    fresh: dict[str, SourceEntry | list[ContentError]] = {}
    bodies: dict[str, str] = {}
    for batch, batch_bodies in results:
        fresh.update(batch)
        bodies.update(batch_bodies)
        counter.advance(len(batch))
    counter.close()

    entries: dict[str, SourceEntry] = {}
    articles: list[Article] = []
    errors: list[ContentError] = []
    for path, st in sources:
        entry = fresh.get(path) or cached[path]
        if isinstance(entry, list):
            errors.extend(entry)
            continue
        if path in fresh:
            trusted = st.st_mtime_ns < looked - RACY_NS
            entry = replace(entry, mtime_ns=st.st_mtime_ns if trusted else 0, size=st.st_size)
        entries[path] = entry
        articles.append(entry.article)
    errors.extend(check_together(articles))
    if errors:
        raise BuildFailed(errors)
    return Sources(articles, entries, bodies, scan.hidden)


def _unchanged(entry: SourceEntry | None, st: os.stat_result) -> bool:
    return entry is not None and entry.mtime_ns == st.st_mtime_ns and entry.size == st.st_size


def _read_batch(
    paths: list[str], cached: dict[str, SourceEntry], tz: ZoneInfo
) -> tuple[dict[str, SourceEntry | list[ContentError]], dict[str, str]]:
    """Read, and parse the files whose bytes changed (the others: their cached entry).

    Returns the entries and the Markdown bodies of the files parsed."""
    done: dict[str, SourceEntry | list[ContentError]] = {}
    bodies: dict[str, str] = {}
    for path in paths:
        data = Path(path).read_bytes()
        file_hash = digest(data)
        entry = cached.get(path)
        if entry is not None and entry.digest == file_hash:
            done[path] = entry
            continue
        source = read_source(Path(path), data)
        result = source if isinstance(source, list) else validate(source, tz)
        if isinstance(result, list):
            done[path] = result
        else:
            done[path] = SourceEntry(0, 0, file_hash, result)
    return done, bodies


def plan(config: SiteConfig) -> Site:
    with no_gc():
        site = build_site(config, read_articles(config, Cache(config).sources()).articles)
    errors = _clashes(site, output.static_files(config.static_dir, config.root))
    if errors:
        raise BuildFailed(errors)
    return site


def check_output(config: SiteConfig) -> None:
    """Raise BuildFailed when the output folder would replace, contain or sit in the
    project's own files (`--output content` would replace every article)."""
    problem = output.unsafe_output(
        config.output_dir,
        output.protected_folders(
            config.root,
            config.content_dir,
            config.templates_dir,
            config.static_dir,
            cache_folder(config),
        ),
    )
    if problem:
        raise BuildFailed(
            [
                ContentError(
                    config.output_dir,
                    f"this folder cannot hold the built site: {problem}",
                    "choose a new or empty folder (or one built here before) with --output, "
                    "or output_dir in site.yaml; the default is _site",
                )
            ],
            "nothing was written.",
        )


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
    check_output(config)
    with output.lock(config.output_dir):
        published = len(output.swapped)
        try:
            output.recover(config.output_dir)  # put back what a killed build moved aside
            result = _build(
                config, Cache(config, cache), jobs or default_jobs(), progress, search, strict
            )
        except BrokenProcessPool as exc:
            raise BuildFailed(
                [
                    ContentError(
                        config.output_dir,
                        "a worker process of the build stopped unexpectedly (out of memory?)",
                        "nothing was changed: build again, or with --jobs 1 to use less memory",
                    )
                ]
            ) from exc
        except OSError as exc:  # a full disk, a read-only folder, a name too long...
            changed = len(output.swapped) > published
            raise BuildFailed(
                [output.os_problem(exc, "")],
                "the new site was published, but the cache was not saved."
                if changed
                else "the site was not changed.",
            ) from None
    return replace(result, seconds=time.perf_counter() - started)


def _build(
    config: SiteConfig,
    cache: Cache,
    jobs: int,
    progress: bool,
    search_on: bool,
    strict: bool,
) -> BuildResult:
    """Bring the spare folder up to the new site, index it, swap it in (output.py)."""
    with no_gc():
        sources = read_articles(config, cache.sources(), progress, jobs)
        entries = sources.entries
        site = build_site(config, sources.articles, cache.related())
        # The model lives as long as the build: keep the GC from scanning it again
        # and again (seconds at 100,000 articles), and forked workers from copying it.
        gc.freeze()
    try:
        statics = output.static_files(config.static_dir, config.root)
        errors = _clashes(site, statics)
        if errors:
            raise BuildFailed(errors)
        live, spare = config.output_dir, output.spare_folder(config.output_dir)
        state = cache.state(live, restored=True)  # None: no usable record of the output
        old = files_still_there(state, live)
        # Which files it holds is all the build needs to know of the spare folder.
        spare_state = cache.state(spare, any_settings=True) if spare.is_dir() else None
        there = files_still_there(spare_state, spare)
        salt = digest(cache.key, folder_digest(config.templates_dir))
        known = {id(e.article): digest(path, e.digest) for path, e in entries.items()}
        prints = fingerprints(site.pages, known, salt)
        paths = [urls.output_file(page.url) for page in site.pages]
        todo = [
            i
            for i, path in enumerate(paths)
            if prints[i] is None or path not in old or state.pages.get(path) != prints[i]  # type: ignore[union-attr]
        ]
        output.check_room(live, _room_needed(state, len(todo), statics))

        # The first write: only the spare folder changes until the swap.
        if spare_state is None:
            output.empty_spare(live)
            there = {}
        cache.forget_state(spare)
        needed = set(paths) | {rel.as_posix() for rel in statics}
        output.remove(
            spare, [rel for rel in (spare_state.files if spare_state else ()) if rel not in needed]
        )
        have = dict(old)  # what a page's bytes are compared with: a match is not written
        have.update((rel, f) for rel, f in there.items() if old.get(rel, f).digest == f.digest)
        files, written, converted = _render(
            config, cache, site, todo, spare, have, jobs, progress, sources
        )
        links = _body_links(config, cache, site, sources, converted.links)
        outputs = {*paths, *(path.as_posix() for path in statics)}
        warnings = body_link_problems(site.articles, links, outputs, as_errors=strict)
        if warnings and strict:
            raise BuildFailed(warnings)  # only the spare folder has changed
        files.update({paths[i]: have[paths[i]] for i in set(range(len(paths))) - set(todo)})
        seen_statics, copied = _copy_statics(statics, state, have, spare, files)
        _link_the_rest(live, spare, files, written | copied, there)
        output.carry_folder(live, spare, _bundle(), search.FINGERPRINT_FILE)
        note, search_failed = "search index left as it was (--no-search)", None
        if search_on:
            try:
                note = _update_search(config, files, spare)
            except BuildFailed as failed:
                search_failed = failed
        new_state = OutputState(
            key=cache.key,
            output_dir=str(live),
            pages={path: fp for path, fp in zip(paths, prints, strict=True) if fp},
            files=files,
            statics=seen_statics,
        )
        cache.save_state(spare, new_state)
        output.swap(spare, live)
        if not spare.exists():  # a first build: give the next one a copy to work in
            output.copy_as_links(live, spare)
            cache.save_state(spare, new_state)
        cache.save_sources(entries)
        converted.commit()
        cache.save_related(site.related)
        cache.prune([live, spare])
    finally:
        gc.unfreeze()
    if search_failed:
        raise BuildFailed(
            search_failed.errors, "the pages were published; the search index is the previous one."
        )
    changed = [rel for rel, f in files.items() if rel not in old or old[rel].digest != f.digest]
    return BuildResult(
        articles=len(site.articles),
        drafts=site.drafts,
        pages=len(site.pages),
        static_files=len(statics),
        seconds=0.0,
        output_dir=config.output_dir,
        rendered=len(todo),
        written=len(changed),
        deleted=len(set(state.files) - set(files)) if state else 0,
        search=note,
        hidden=tuple(sources.hidden),
        warnings=tuple(warnings),
    )


def _room_needed(state: OutputState | None, pages: int, statics: dict) -> int:
    """About how many bytes the build will write: pages at their mean size so far
    (in whole 4 KiB blocks, as most file systems store them), static files if new."""
    sizes = [-(-f.size // 4096) * 4096 for f in state.files.values()] if state else []
    mean = sum(sizes) // len(sizes) if sizes else 16_384
    static_bytes = 0 if state else sum(p.stat().st_size for p in statics.values())
    return mean * pages + static_bytes + 256 * 1024


def _link_the_rest(
    live: Path,
    spare: Path,
    files: dict[str, OutputFile],
    written: set[str],
    there: dict[str, OutputFile],
) -> None:
    """Give the spare folder the files the live site already holds right (hard links)."""
    made: set[str] = set()
    for rel, file in files.items():
        if rel in written or (rel in there and there[rel].digest == file.digest):
            continue
        target = f"{spare}/{rel}"
        if not output.put(live / rel, target, made):  # copied: its own size and mtime
            st = os.stat(target)
            files[rel] = OutputFile(file.digest, st.st_mtime_ns, st.st_size)


def _bundle() -> PurePosixPath:
    return PurePosixPath(urls.output_path(urls.search_bundle_url()).parent.as_posix())


def _render(
    config: SiteConfig,
    cache: Cache,
    site: Site,
    todo: Sequence[int],
    target: Path,
    old: dict[str, OutputFile],
    jobs: int | None,
    progress: bool,
    sources: Sources,
) -> tuple[dict[str, OutputFile], set[str], HtmlSaver]:
    """Render pages ``todo`` into ``target``, writing only those whose bytes changed.

    Returns the files, those written, and the bodies converted on the way (put aside
    for the cache, their links at hand)."""
    files: dict[str, OutputFile] = {}
    written: set[str] = set()
    if not todo:
        return files, written, cache.html_saver(set())
    articles = [a for i in todo for a in site.pages[i].shown_bodies()]
    known_html = cache.html({a.body_digest for a in articles})
    missing = {a.body_digest: a for a in articles if a.body_digest not in known_html}
    markdown = MarkdownFiles({key: article.path for key, article in missing.items()})
    renderer = Renderer(config, cache.bytecode_cache(), known_html, markdown)
    counter = Progress(len(todo), "pages", quiet=not progress)
    saver = cache.html_saver({e.article.body_digest for e in sources.entries.values()})
    try:
        renderer.prepare({site.pages[i].template for i in todo})
        job = RenderJob(site.pages, renderer, target, old)
        on_error = functools.partial(_template_error, config)
        for batch in render_pages(job, todo, jobs or default_jobs(), on_error):
            saver.add(batch.html, batch.links)
            for done in batch.pages:
                files[done.path] = done.file
                if done.written:
                    written.add(done.path)
            counter.advance(len(batch.pages))
    except jinja2.TemplateError as exc:
        raise BuildFailed([_template_error(config, exc)]) from exc
    except TemplateFailed as failed:
        raise BuildFailed([failed.error]) from failed
    finally:
        counter.close()
    return files, written, saver


def _body_links(
    config: SiteConfig, cache: Cache, site: Site, sources: Sources, converted: dict[str, Links]
) -> dict[str, Links]:
    """The links marked in every article's body, to check them: as an earlier build
    found them, else from the body's HTML (converted by this build, cached, or, when
    the cache lost it, converted now)."""
    live = {a.body_digest for a in site.articles}
    known = {**cache.body_links(), **converted}
    unknown = live - known.keys()
    bodies = cache.html(unknown)
    missing = unknown - bodies.keys()  # once: per article it made this quadratic
    lost = [a for a in site.articles if a.body_digest in missing]
    if lost:
        renderer = Renderer(config, markdown=MarkdownFiles({a.body_digest: a.path for a in lost}))
        for article in lost:
            bodies[article.body_digest] = renderer.body_html(article.body_digest)
    links = body_links(bodies, known, live)
    cache.save_body_links(links)
    return links


def _copy_statics(
    statics: dict[PurePosixPath, Path],
    state: OutputState | None,
    old: dict[str, OutputFile],
    target: Path,
    files: dict[str, OutputFile],
) -> tuple[dict[str, tuple[int, int, str]], set[str]]:
    """Copy the static files whose bytes the output folder does not hold yet."""
    looked = time.time_ns()
    seen: dict[str, tuple[int, int, str]] = {}
    copied: set[str] = set()
    for rel_path, source in statics.items():
        rel = rel_path.as_posix()
        st = source.stat()
        known = state.statics.get(str(source)) if state else None
        if known and known[0] == st.st_mtime_ns and known[1] == st.st_size:
            source_digest = known[2]
        else:
            source_digest = file_digest(source)
        trusted = st.st_mtime_ns < looked - RACY_NS
        seen[str(source)] = (st.st_mtime_ns if trusted else 0, st.st_size, source_digest)
        if rel in old and old[rel].digest == source_digest:
            files[rel] = old[rel]
            continue
        copy = target / rel
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.unlink(missing_ok=True)  # it may be a hard link to the served file
        shutil.copyfile(source, copy)
        st = copy.stat()
        files[rel] = OutputFile(source_digest, st.st_mtime_ns, st.st_size)
        copied.add(rel)
    return seen, copied


def update_search(config: SiteConfig, stop: threading.Event | None = None) -> str:
    """Bring the search index up to date with the site the last build published.

    For `serve`, which publishes the pages without it first, so that open pages reload
    at once: remaking the index takes half a minute at 10,000 articles. Setting ``stop``
    ends it early and keeps the previous index (a file changed: the pages come first)."""
    state = Cache(config).state(config.output_dir)  # None: the indexer reads the pages
    return _update_search(config, state.files if state else {}, config.output_dir, stop)


def _update_search(
    config: SiteConfig,
    files: dict[str, OutputFile],
    folder: Path,
    stop: threading.Event | None = None,
) -> str:
    """``files``: what the build knows of the site's files in ``folder`` (their digests)."""
    if config.offline:
        return "no search index (offline copies cannot search)"
    started = time.perf_counter()
    digests = {rel: file.digest for rel, file in files.items()}
    try:
        indexed = search.update_index(folder, digests, stop)
    except BuildFailed as failed:
        raise BuildFailed(
            failed.errors, "the pages were published; the search index is the previous one."
        ) from None
    if indexed.stopped:
        return "search index update stopped (the previous index stays)"
    if indexed.pages == 0:
        return "no search index (no articles)"
    if not indexed.reindexed:
        return "search index unchanged"
    return f"search index rebuilt in {time.perf_counter() - started:.2f} s"


def _clashes(site: Site, statics: dict) -> list[ContentError]:
    """Files that would overwrite each other, or need a folder where a file is (or
    the reverse): static files, pages, and the search index, which is written later."""
    bundle = _bundle()
    errors = [
        ContentError(
            source,
            f"the static file {source} would be overwritten by the search index in /{bundle}/",
            f"rename or move the folder {bundle}/ in the static folder",
        )
        for path, source in statics.items()
        if path.is_relative_to(bundle)
    ]
    by_text = {path.as_posix(): path for path in statics}
    pages = {urls.output_file(page.url): page for page in site.pages}
    page_folders = {f for path in pages for f in _folders(path)}
    inside = f"{bundle}/"
    errors += [
        _page_clash(site, page, statics[by_text[rel]] if rel in by_text else None)
        for rel, page in pages.items()
        if rel in by_text or rel.startswith(inside)
    ]
    errors.extend(
        ContentError(
            source,
            f"the static file {source} is where the site needs the folder /{path}/"
            if path.as_posix() in page_folders
            else f"the static file {source} needs a folder where the site writes a page "
            f"(/{next(f for f in _folders(path.as_posix()) if f in pages)})",
            "rename or move the static file",
        )
        for path, source in statics.items()
        if path.as_posix() in page_folders or any(f in pages for f in _folders(path.as_posix()))
    )
    return errors


def _page_clash(site: Site, page: Page, static: Path | None) -> ContentError:
    """A page that a static file would overwrite, or that lies in the search index's folder."""
    redirect_to = page.data.get("target")  # the article an alias page leads to
    article = page.article or redirect_to
    line = redirect_to.key_lines.get("aliases") if redirect_to else None
    if static is not None:
        return ContentError(
            Path(article.path) if article else static,
            f"the page /{page.url} and the static file {static} would both be written to "
            f"{urls.output_file(page.url)}",
            "change the alias" if redirect_to else "rename or move the static file",
            line,
        )
    bundle = _bundle()
    return ContentError(
        Path(article.path) if article else site.config.templates_dir,
        f"the page /{page.url} would be inside /{bundle}/, the search index's folder, "
        "which the build writes itself",
        "remove or change the alias" if redirect_to else "change its address",
        line,
    )


def _folders(path: str) -> list[str]:
    """The folders a file of the site is in: "a/b/c.html" -> ["a/b", "a"]."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[:end]) for end in range(len(parts), 0, -1)]


def _template_error(config: SiteConfig, exc: jinja2.TemplateError) -> ContentError:
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    path = Path(name) if name else config.templates_dir
    return ContentError(
        path,
        f"template problem: {exc.message or exc}",
        "fix the template at this line (see the Jinja2 documentation for the syntax)",
        getattr(exc, "lineno", None),
    )
