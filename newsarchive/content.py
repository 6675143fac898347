"""The content model: plain, frozen dataclasses that the later stages read."""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SourceFile:
    """One Markdown file split into front matter and body, not yet validated."""

    path: Path
    meta: dict[str, Any]
    key_lines: dict[str, int]
    body: str


@dataclass(frozen=True)
class Article:
    # As text, and the body only by its digest: what the build cache holds for
    # every article, and 10,000 Path objects or bodies take 0.4 s to unpickle.
    path: str
    title: str
    published: datetime
    slug: str
    body_digest: str  # of the Markdown body (SourceFile.body): the key of its HTML
    category: str = ""
    tags: tuple[str, ...] = ()
    summary: str = ""
    author: str = ""
    language: str = ""  # the article's own language tag, when it is not the site's
    source_url: str = ""
    aliases: tuple[str, ...] = ()
    draft: bool = False
    # Front-matter key -> line, for the keys that problems found later name (validate.LATER_KEYS).
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)
    # A fork's own values (front matter's params:), for its templates. Not compared: a
    # dict is unhashable, and the file's digest already tells an edited article.
    params: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Standalone:
    """A page written in Markdown that is not an article (content/pages/gioi-thieu.md):
    in no list, feed or search result; its address is its file's name."""

    path: str
    title: str
    url: str
    body_digest: str  # of the Markdown body, as an article's
    summary: str = ""
    menu: int | None = None  # its place in the site's menu; None: not in it
    draft: bool = False
    params: dict[str, Any] = field(default_factory=dict, compare=False)  # as an article's
