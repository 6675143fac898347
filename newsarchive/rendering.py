"""The render stage, through the cache: the pages that changed into the spare folder on
every core (workers.py), the bodies they convert put aside for the HTML cache; the HTML
of any body, cached or converted now (for the link check and the search index); and the
links in every body, for bodylinks.py to check."""

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

import jinja2

from .bodylinks import Links, body_links
from .cache import Cache, HtmlSaver
from .config import SiteConfig
from .content import Article
from .errors import BuildFailed, Problem
from .progress import Progress
from .publish import Spare
from .render import Renderer
from .site import SitePlan
from .sources import MarkdownFiles, Sources
from .workers import RenderJob, TemplateFailed, render_pages


def render_changed(
    config: SiteConfig,
    cache: Cache,
    site: SitePlan,
    todo: Sequence[int],
    spare: Spare,
    jobs: int,
    progress: bool,
    sources: Sources,
) -> HtmlSaver:
    """Render pages ``todo`` into the spare folder, writing only those whose bytes
    changed. Returns the bodies converted on the way (put aside for the cache, their
    links at hand)."""
    if not todo:
        return cache.html_saver(set())
    articles = [a for i in todo for a in site.pages[i].shown_bodies()]
    known_html = cache.html({a.body_digest for a in articles})
    missing = {a.body_digest: a for a in articles if a.body_digest not in known_html}
    markdown = MarkdownFiles({key: article.path for key, article in missing.items()})
    renderer = Renderer(config, cache.bytecode_cache(), known_html, markdown)
    counter = Progress(len(todo), "pages", quiet=not progress)
    saver = cache.html_saver({e.article.body_digest for e in sources.entries.values()})
    # Pages that show other articles' bodies (feeds) come last, in this process, once
    # the workers have converted those bodies: a worker would convert them again.
    last = [i for i in todo if site.pages[i].bodies]
    first = [i for i in todo if not site.pages[i].bodies]
    wanted = {a.body_digest for i in last for a in site.pages[i].bodies}
    try:
        renderer.prepare({site.pages[i].template for i in todo})
        job = RenderJob(site.pages, renderer, spare.folder, spare.have)
        on_error = functools.partial(template_error, config)
        for pages, processes in ((first, jobs), (last, 1)):
            for batch in render_pages(job, pages, processes, on_error):
                saver.add(batch.html, batch.links)
                renderer.known_html.update((k, batch.html[k]) for k in wanted & batch.html.keys())
                for done in batch.pages:
                    spare.files[done.path] = done.file
                    if done.written:
                        spare.written.add(done.path)
                counter.advance(len(batch.pages))
    except jinja2.TemplateError as exc:
        raise BuildFailed([template_error(config, exc)]) from exc
    except TemplateFailed as failed:
        raise BuildFailed([failed.error]) from failed
    finally:
        counter.close()
    return saver


def links_in_bodies(
    config: SiteConfig, cache: Cache, site: SitePlan, converted: dict[str, Links]
) -> dict[str, Links]:
    """The links marked in every article's body, to check them: as an earlier build
    found them, else from the body's HTML (converted by this build, cached, or, when
    the cache lost it, converted now)."""
    live = {a.body_digest for a in site.articles}
    known = {**cache.body_links(), **converted}
    bodies = bodies_html(config, cache, site.articles)(live - known.keys())
    return body_links(bodies, known, live)


def bodies_html(
    config: SiteConfig, cache: Cache, articles: Sequence[Article]
) -> Callable[[set[str]], dict[str, str]]:
    """The HTML of article bodies by digest, for the search index: cached (this build
    saved what it converted), or, when the cache lost it, converted now."""
    paths = {a.body_digest: a.path for a in articles}
    cached = cache.html_reader()  # a few shards, or all in one pass (bounded memory)

    def bodies(keys: set[str]) -> dict[str, str]:
        found = cached(keys)
        lost = sorted(keys - found.keys())
        if lost:
            renderer = Renderer(config, markdown=MarkdownFiles({k: paths[k] for k in lost}))
            found.update((key, renderer.body_html(key)) for key in lost)
        return found

    return bodies


def template_error(config: SiteConfig, exc: jinja2.TemplateError) -> Problem:
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    path = Path(name) if name else config.templates_dir
    return Problem(
        path,
        f"template problem: {exc.message or exc}",
        "fix the template at this line (see the Jinja2 documentation for the syntax)",
        getattr(exc, "lineno", None),
    )
