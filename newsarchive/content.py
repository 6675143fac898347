"""The content model: plain, frozen dataclasses that the later stages read."""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import Problem


@dataclass(frozen=True)
class SourceFile:
    """One Markdown file split into front matter and body, not yet validated."""

    path: Path
    meta: dict[str, Any]
    key_lines: dict[str, int]
    body: str
    # Problems found before the front matter was read (invisible characters, which it
    # was read without): validation says them with its own.
    refused: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Withdrawal:
    """An article taken down (front matter's ``withdrawn:``): its address answers with a
    notice, and it is in no list, feed, sitemap or search index."""

    date: datetime  # when the archive took it down
    reason: str = ""


@dataclass(frozen=True)
class Correction:
    """What the archive changed in an article since the portal published it."""

    date: datetime
    text: str


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
    # Tags the front matter names after another spelling of one of ``tags``'s addresses
    # (`[kinh te xa hoi, Kinh tế / xã hội]`): left out of ``tags``, kept to be warned of
    # (taxonomy.named_twice). Nearly always empty.
    tags_merged: tuple[str, ...] = ()
    summary: str = ""
    # The body's first paragraph (summary.lead), which is the summary unless the front
    # matter has one: `new`'s placeholder is known by it (validate.unwritten).
    opening: str = ""
    author: str = ""
    language: str = ""  # the article's own language tag, when it is not the site's
    source_url: str = ""
    # When the copy the text was taken from was made (a crawl's capture), if it is known.
    captured: datetime | None = None
    # When the date is the archive's, not the original page's (front matter's
    # date_given:): its note, "" for none; None when the date is the page's own.
    date_given: str | None = None
    aliases: tuple[str, ...] = ()
    draft: bool = False
    withdrawn: Withdrawal | None = None
    corrections: tuple[Correction, ...] = ()  # the newest first
    empty: bool = False  # no text below the front matter (a warning while it is listed)
    # Front-matter key -> line, for the keys that problems found later name (validate.LATER_KEYS).
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)
    # A fork's own values (front matter's params:), for its templates. Not compared: a
    # dict is unhashable, and the file's digest already tells an edited article.
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def listed(self) -> bool:
        """Whether the article is on the site as an article: not a draft (not published
        at all), not withdrawn (its address only answers with a notice)."""
        return not self.draft and self.withdrawn is None

    @property
    def modified(self) -> datetime:
        """When the article last changed: the day of its newest correction, or its
        publication (for the sitemap, the feeds and the page's dateModified)."""
        if self.corrections and self.corrections[0].date > self.published:
            return self.corrections[0].date
        return self.published


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
    aliases: tuple[str, ...] = ()  # old addresses that send the reader on to it
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)  # as an article's
    params: dict[str, Any] = field(default_factory=dict, compare=False)  # as an article's


@dataclass(frozen=True)
class RenamedTerm:
    """An old address of a category (or tag) renamed in site.yaml (``setting``:
    renamed_categories), its page or a numbered page, as an article's alias: it leads to
    ``url``, the new name's page of the same number (renamed.py)."""

    path: str  # site.yaml, where the rename is written
    title: str  # the new name
    url: str
    old: str  # the old name
    setting: str
    aliases: tuple[str, ...]  # the one old address
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)  # "aliases": its line
