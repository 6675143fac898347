"""The whole build as one readable function:
load -> validate -> model -> render -> write -> publish -> search index."""

import time
from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import output, search, urls
from .config import SiteConfig
from .content import Article
from .errors import BuildFailed, ContentError
from .load import find_sources, read_source
from .render import Renderer
from .site import Site, build_site
from .validate import validate_all


@dataclass(frozen=True)
class BuildResult:
    articles: int
    drafts: int
    pages: int
    static_files: int
    seconds: float
    output_dir: Path
    search: str = ""  # what happened to the search index, for the editor


def load_articles(config: SiteConfig) -> list[Article]:
    """Read and validate every article; raise BuildFailed with all problems."""
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
    sources = []
    errors: list[ContentError] = []
    for path in find_sources(config.content_dir):
        result = read_source(path)
        if isinstance(result, list):
            errors.extend(result)
        else:
            sources.append(result)
    articles, invalid = validate_all(sources, config.timezone)
    errors.extend(invalid)
    if errors:
        raise BuildFailed(errors)
    return articles


def plan(config: SiteConfig) -> Site:
    site = build_site(config, load_articles(config))
    errors = _clashes(site, output.static_files(config.static_dir))
    if errors:
        raise BuildFailed(errors)
    return site


def build(config: SiteConfig) -> BuildResult:
    started = time.perf_counter()
    site = plan(config)
    statics = output.static_files(config.static_dir)
    staging = output.staging_folder(config.output_dir)
    try:
        renderer = Renderer(config)
        pages = output.write_files(
            staging, ((urls.output_path(p.url), renderer.render(p)) for p in site.pages)
        )
        output.copy_static(staging, statics)
    except jinja2.TemplateError as exc:
        output.discard(staging)
        raise BuildFailed([_template_error(config, exc)]) from exc
    except BaseException:
        output.discard(staging)
        raise
    bundle = urls.output_path(urls.search_bundle_url()).parent
    output.publish(staging, config.output_dir, keep=[bundle])
    return BuildResult(
        articles=len(site.articles),
        drafts=site.drafts,
        pages=pages,
        static_files=len(statics),
        seconds=time.perf_counter() - started,
        output_dir=config.output_dir,
        search=_update_search(config),
    )


def _update_search(config: SiteConfig) -> str:
    if config.offline:
        return "Search index: not built for an offline copy (search needs a web server)."
    started = time.perf_counter()
    try:
        indexed = search.update_index(config.output_dir)
    except BuildFailed as failed:
        raise BuildFailed(
            failed.errors, "the pages were published; the search index is the previous one."
        ) from None
    if indexed.pages == 0:
        return "Search index: none, as there are no articles."
    if not indexed.reindexed:
        return f"Search index: unchanged ({indexed.pages} article page(s))."
    seconds = time.perf_counter() - started
    return f"Search index: {indexed.pages} article page(s) indexed in {seconds:.2f} s."


def _clashes(site: Site, statics: dict) -> list[ContentError]:
    bundle = urls.output_path(urls.search_bundle_url()).parent
    errors = [
        ContentError(
            source,
            f"the static file {source} would be overwritten by the search index in /{bundle}/",
            f"rename or move the folder {bundle}/ in the static folder",
        )
        for path, source in statics.items()
        if path.is_relative_to(bundle)
    ]
    for page in site.pages:
        path = urls.output_path(page.url)
        if path in statics:
            redirect_to = page.data.get("target")  # the article an alias page leads to
            article = page.article or redirect_to
            errors.append(
                ContentError(
                    article.path if article else statics[path],
                    f"the page /{page.url} and the static file {statics[path]} "
                    f"would both be written to {path}",
                    "change the alias" if redirect_to else "rename or move the static file",
                    redirect_to.key_lines.get("aliases") if redirect_to else None,
                )
            )
    return errors


def _template_error(config: SiteConfig, exc: jinja2.TemplateError) -> ContentError:
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    path = Path(name) if name else config.templates_dir
    return ContentError(
        path,
        f"template problem: {exc.message or exc}",
        "fix the template at this line (see the Jinja2 documentation for the syntax)",
        getattr(exc, "lineno", None),
    )
