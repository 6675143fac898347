"""Stage 3: the site model — which pages exist, at which URL, with which data."""

from dataclasses import dataclass, field
from typing import Any

from . import urls
from .config import SiteConfig
from .content import Article


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    title: str
    data: dict[str, Any] = field(default_factory=dict)
    article: Article | None = None


@dataclass(frozen=True)
class Site:
    config: SiteConfig
    articles: tuple[Article, ...]
    pages: tuple[Page, ...]
    drafts: int = 0


def newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published, a.slug), reverse=True)


def build_site(config: SiteConfig, articles: list[Article]) -> Site:
    published = newest_first([a for a in articles if not a.draft])
    pages = [Page(urls.article_url(a), "article.html", a.title, article=a) for a in published]
    pages.append(
        Page(
            urls.home_url(),
            "home.html",
            config.title,
            {"articles": published[: config.per_page]},
        )
    )
    pages.append(Page(urls.search_url(), "search.html", ""))
    return Site(config, tuple(published), tuple(pages), len(articles) - len(published))
