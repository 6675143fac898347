"""The whole build as one readable function: load -> validate -> model -> render -> write
-> index for search -> publish."""

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
        problems = search.index(staging)
        if problems:
            raise BuildFailed(problems)
    except jinja2.TemplateError as exc:
        output.discard(staging)
        raise BuildFailed([_template_error(config, exc)]) from exc
    except BaseException:
        output.discard(staging)
        raise
    output.publish(staging, config.output_dir)
    return BuildResult(
        articles=len(site.articles),
        drafts=site.drafts,
        pages=pages,
        static_files=len(statics),
        seconds=time.perf_counter() - started,
        output_dir=config.output_dir,
    )


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
            source = page.article.path if page.article else statics[path]
            errors.append(
                ContentError(
                    source,
                    f"the page /{page.url} and the static file {statics[path]} "
                    f"would both be written to {path}",
                    "rename or move the static file",
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
