"""What the archive already holds: the original addresses, old addresses and files of
its articles, so that an import adds only what is new and never takes a taken name."""

import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import yaml

from .. import urls
from ..dates import parse_date
from ..scaffold import format_date
from ..slugs import slugify

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_KEYS = re.compile(
    r"^(title|date|slug|source_url|aliases|category|tags|draft|withdrawn):[ \t]*(.*)$", re.M
)
_ITEMS = r"^{}:[ \t]*\r?\n((?:[ \t]*- .*\n?)+)"
_ITEM = re.compile(r"^[ \t]*- (.*?)\r?$", re.M)
# An article's text (its body, in Markdown) and what gives the portal's id of an address.
Text = tuple[str, Callable[[str], str]] | None


# An article's place among the articles whose spelling of a name the build shows: the
# listed ones (not drafts, not withdrawn) oldest first (published, slug), then the others;
# one whose date cannot be read (the build refuses it) after them all.
Named = tuple[bool, datetime, str]
_LAST = datetime.max.replace(tzinfo=ZoneInfo("UTC"))


@dataclass
class Archive:
    # Each key names the article file it was read from (or written to), so that a page
    # found already there can be said with the article it matched.
    sources: dict[str, str] = field(default_factory=dict)  # source_key() of every source_url
    # (title, date, last part of the source_url): a portal shows one article under several
    # addresses (Liferay: /tin-tuc/-/view_content/123-x.html and /su-kien/-/view_content/
    # 123-x.html); the same title, date and last part is the same article.
    articles: dict[tuple[str, str, str], str] = field(default_factory=dict)
    # (title, date) of every article, and of those without a source_url: where the page or
    # the article has no address, its title and date are all there is to go by.
    dated: dict[tuple[str, str], str] = field(default_factory=dict)
    unaddressed: dict[tuple[str, str], str] = field(default_factory=dict)
    aliases: set[str] = field(default_factory=set)  # the files the aliases are written to
    files: set[str] = field(default_factory=set)  # "yyyy/mm/name.md" under content/
    # The articles' pages, as alias_key gives files: "yyyy/mm/slug/index.html".
    addresses: set[str] = field(default_factory=set)
    # ("category" or "tags", urls.term_slug of a name) -> the name as the build shows it,
    # its oldest article's spelling, with that article's (published, slug) and file.
    names: dict[tuple[str, str], tuple[Named, str, str]] = field(default_factory=dict)

    def copy(self) -> "Archive":
        """The same archive, to change apart: the pages are read against the archive as
        the run found it, in forked workers or here alike (here, they saw the articles
        the run had written, and the report differed with --jobs)."""
        return Archive(*(type(getattr(self, f.name))(getattr(self, f.name)) for f in fields(self)))

    def has_address(self, source_url: str) -> bool:
        return source_key(source_url) in self.sources

    def already(
        self, source_url: str, title: str, date: str, when: str = "", text: Text = None
    ) -> str:
        """Why an article with this address, title, date and text (``text``: its body, in
        Markdown, and what gives the portal's id of an address) is already there, ``when``
        and its file last (the summary groups the reasons without it), or ""."""
        why, file = self.match(source_url, title, date, text)
        return f"{why}{when} ({file})" if why else ""

    def match(self, source_url: str, title: str, date: str, text: Text = None) -> tuple[str, str]:
        """How an article with this address, title, date and text is already there, and
        its file (("", "") for none)."""
        if source_url and self.has_address(source_url):
            return _BY_ADDRESS, self.file_of(source_url)
        by_name = self.articles.get((title, date, _last_part(source_url))) if source_url else None
        if by_name:
            return "the same article (title, date and page name) under another address", by_name
        # One page imported again under another address (--source-url mistyped, then
        # corrected): its title, date and words are the article's. Two articles may share
        # a title and a date ("Thông báo"), never their text too.
        same_date = self.dated.get((title, date)) if source_url and text else None
        if same_date and text and _same_text(same_date, source_url, *text):
            return "the same article (title, date and text) under another address", same_date
        by_date = (self.unaddressed if source_url else self.dated).get((title, date))
        if by_date:
            return "an article has this title and date", by_date
        return "", ""

    def file_of(self, source_url: str) -> str:
        """The file of the article with this address, as messages name it."""
        return self.sources[source_key(source_url)]

    def matched(self, source_url: str, when: str = "") -> str:
        return f"{_BY_ADDRESS}{when} ({self.file_of(source_url)})"

    def add(self, source_url: str, title: str, date: str, file: str) -> None:
        """``file``: the article's, as the messages show it."""
        if source_url:
            self.sources.setdefault(source_key(source_url), file)
        else:
            self.unaddressed.setdefault((title, date), file)
        self.articles.setdefault((title, date, _last_part(source_url)), file)
        self.dated.setdefault((title, date), file)

    def add_names(self, key: str, names: list[str], order: Named, file: str) -> None:
        """The category (``key`` "category") or tags of the article ``file``, whose place
        among the articles oldest first (pagination.oldest_first) is ``order``."""
        for name in names:
            slug = urls.term_slug(name)
            had = self.names.get((key, slug))
            if slug and (had is None or order < had[0]):
                self.names[(key, slug)] = (order, name, file)

    def spelling(self, key: str, name: str) -> tuple[str, str] | None:
        """The archive's name with the address of ``name``, a category (``key``
        "category") or tag, and the file that spells it so; None when it has none."""
        had = self.names.get((key, urls.term_slug(name)))
        return had[1:] if had else None


_BY_ADDRESS = "an article has this source_url"


# A link's or picture's address in Markdown (with its title): where the import found the
# file, the copy's or the old site's by the page's address, not the article's words.
_ADDRESS = re.compile(r"\]\((?:<[^>]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
_BRACKETS = re.compile(r"!?\[|\]")


def _words(markdown: str) -> str:
    """The words of an article's text, without the addresses of its links and pictures."""
    return " ".join(_BRACKETS.sub(" ", _ADDRESS.sub("]", markdown)).split())


def _parts(file: str) -> tuple[str, str] | None:
    """The front matter and the text below it of the article ``file`` (None when it has
    no front matter or cannot be read: the build says so, not the import)."""
    try:
        text = Path(file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    parts = text.split("\n---", 1) if text.startswith("---") else []
    return (parts[0], parts[1].partition("\n")[2]) if len(parts) == 2 else None


def _paragraphs(markdown: str) -> list[str]:
    return [w for w in map(_words, re.split(r"\n[ \t]*\n", markdown)) if w]


def differing(file: str, body: str) -> tuple[int, int] | None:
    """How the words of ``body`` (a page's article, in Markdown) differ from the text of
    the article ``file``: the paragraphs of each that the other lacks; None when they
    have the same words (links and pictures compare by their text, not their address:
    the import wrote them to its copies) or the file cannot be read."""
    parts = _parts(file)
    if parts is None:
        return None
    ours, theirs = _paragraphs(parts[1]), _paragraphs(body)
    if " ".join(ours) == " ".join(theirs):
        return None
    return len(set(theirs) - set(ours)), len(set(ours) - set(theirs))


def _same_text(file: str, source_url: str, body: str, portal_id: Callable[[str], str]) -> bool:
    """Whether the article ``file`` has the words of ``body`` and is not, by the portal's
    own ids of its address and ``source_url``, another article of the portal (a notice
    posted again, word for word, under another id)."""
    parts = _parts(file)
    if parts is None or _words(parts[1]) != _words(body):
        return False
    stated = dict(_KEYS.findall(parts[0])).get("source_url", "")
    ids = portal_id(str(_value(stated))) if stated else "", portal_id(source_url)
    return not all(ids) or ids[0] == ids[1]


def shown(file: Path) -> str:
    """An article file as messages name it: from the folder the command runs in."""
    return os.path.relpath(file) if file.is_absolute() else str(file)


def _last_part(url: str) -> str:
    """The page name of an address, decoded and in NFC: a WARC records the address a Mac
    sent in NFD (tin-tu%CC%9B%CC%81c), another crawl the same name in NFC (tin-t%E1%BB%A9c)."""
    name = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] if url else ""
    return unicodedata.normalize("NFC", unquote(name))


def source_key(url: str) -> str:
    """http and https, a fragment, and the host's letter case do not make another page;
    nor does the path's spelling, as held links compare old addresses (urls.old_path):
    a WARC records the address a Mac sent in NFD (tin-tu%CC%9B%CC%81c), another crawl the
    portal's own link in NFC (tin-t%E1%BB%A9c), and the page came in twice."""
    parts = urlsplit(url.strip())
    path = urls.old_path(parts.path or "/")
    return f"{parts.netloc.lower()}/{path}" + (f"?{parts.query}" if parts.query else "")


def alias_key(alias: str) -> str:
    """The file an alias is written to: /a/b/ and /a/b/index.html are one."""
    return urls.output_file(urls.alias_url(alias))


def page_key(published: datetime, slug: str) -> str:
    """The file of the article's page, as alias_key gives files."""
    return urls.output_file(urls.article_address(published, slug))


def read_archive(content_dir: Path, tz: ZoneInfo) -> Archive:
    """Read only the few front-matter lines that matter: a large archive is read in a blink."""
    archive = Archive()
    if not content_dir.is_dir():
        return archive
    for path in content_dir.rglob("*.md"):
        archive.files.add(path.relative_to(content_dir).as_posix())
        try:
            with path.open("rb") as handle:
                head = handle.read(4096)  # the front matter, not the body
                while b"\n---" not in head[3:] and len(chunk := handle.read(65536)):
                    head += chunk
        except OSError:
            continue
        text = head.decode("utf-8-sig", errors="replace")
        if not text.startswith("---"):
            continue
        end = text.find("\n---", 3)
        found = {k: _value(v) for k, v in _KEYS.findall(text[: end if end > 0 else None])}
        source, title, slug = found.get("source_url"), found.get("title"), found.get("slug")
        try:
            published = parse_date(found.get("date"), tz).astimezone(tz)
        except ValueError:
            published = None
        date = format_date(published) if published else ""
        file = shown(path)  # (os.path.relpath: a third of the time, said once)
        archive.add(source if isinstance(source, str) else "", str(title or ""), date, file)
        if published is not None:
            slug = slug if isinstance(slug, str) and slug else slugify(str(title or ""))
            archive.addresses.add(page_key(published, slug))
        front = text[: end if end > 0 else None]
        for alias in _listed(found, "aliases", front):
            archive.aliases.add(alias_key(alias))
        draft = found.get("draft")  # as written (`true`, `yes`): YAML says, in the rare file
        unlisted = "withdrawn" in found or (draft is not None and _value_of(str(draft)) is True)
        order = (unlisted, published or _LAST, str(slug) if published else "")
        archive.add_names("tags", _listed(found, "tags", front), order, file)
        category = found.get("category")
        if isinstance(category, str) and category.strip():
            archive.add_names("category", [category.strip()], order, file)
    return archive


def _listed(found: dict[str, object], key: str, front: str) -> list[str]:
    """The items of a list in front matter: [a, b], or one item a line, as an editor
    may write it (``front``: the front matter)."""
    value = found.get(key)
    if value == "":
        lines = re.search(_ITEMS.format(key), front, re.M)
        value = [_value(i) for i in _ITEM.findall(lines.group(1))] if lines else []
    names = (str(item).strip() for item in value) if isinstance(value, list) else ()
    return [name for name in names if name]


def _value_of(text: str) -> object:
    """A plain front-matter value as YAML reads it (`true`, `yes`: True)."""
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError:
        return text


def _value(text: str) -> object:
    """A front-matter value; YAML only for what is not plain (it costs a millisecond)."""
    text = text.strip()
    if text.startswith('"'):
        try:
            return json.loads(text)  # how `import` and `new` quote: JSON is YAML
        except ValueError:
            pass
    elif text.startswith("[") and text.endswith("]") and not re.search(r"[\"'#{}\[]", text[1:-1]):
        return [item.strip() for item in text[1:-1].split(",") if item.strip()]
    elif not re.search(r"^['&*!|>%@`{\[-]|: | #", text):
        return text
    try:
        return yaml.load(text, Loader=_LOADER) if text else ""
    except yaml.YAMLError:
        return text
