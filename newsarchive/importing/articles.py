"""An extracted page -> the text of our Markdown article, its slug and its old address."""

import hashlib
import json
import re
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from .. import renamed, urls
from ..config import SiteConfig
from ..folding import joined
from ..scaffold import format_date
from ..slugs import MAX_SLUG_LENGTH, slugify
from ..yamltext import INVISIBLE, FrontMatterLoader, as_front_matter, describe_character
from .media import FOLDER
from .page import Extracted

# When a title's slug is too long and ends in a number, the end is kept too: "(lần
# 01/2018)" or "năm 2013" is what tells one notice from the next.
_KEPT_END = 24


# Word's line and page breaks, which a page may hold as raw characters.
_BREAKS = "\x0b\x0c"


# Invisible marks an editor leaves around what was typed (CKEditor's zero-width spaces,
# joiners, an optional hyphen, a byte order mark), with the spaces beside them.
_MARKED_ENDS = re.compile(
    r"^[\s\u00ad\u200b-\u200d\u2060\ufeff]+|[\s\u00ad\u200b-\u200d\u2060\ufeff]+$"
)


def visible(found: Extracted) -> tuple[Extracted, str]:
    """The article without the control characters no page may hold (the build refuses
    them), and a note naming them: Word's line and page breaks become spaces, as between
    words they were; the others are left out. Its title, author, category and tags without
    the invisible marks at their ends, which no reader sees (inside, they are kept):
    '\u200bHội nghị' would be another title, and another category."""
    found = replace(
        found,
        title=_MARKED_ENDS.sub("", found.title),
        author=_MARKED_ENDS.sub("", found.author),
        category=_MARKED_ENDS.sub("", found.category),
        tags=tuple(_MARKED_ENDS.sub("", tag) for tag in found.tags),
    )
    texts = {
        "title": found.title,
        "author": found.author,
        "category": found.category,
        "body": found.body,
    }
    every = [*texts.values(), *found.tags]
    chars = sorted({c for text in every for c in INVISIBLE.findall(text)})
    if not chars:
        return found, ""

    def clean(match: re.Match[str]) -> str:
        return " " if match.group(0) in _BREAKS else ""

    title, author, category, body = (INVISIBLE.sub(clean, text) for text in texts.values())
    # A tag is one line of words, as the title: its breaks' spaces are spaces between them.
    words = (" ".join(INVISIBLE.sub(clean, tag).split()) for tag in found.tags)
    tags = tuple(dict.fromkeys(tag for tag in words if tag))  # `Y tế\x07` beside `Y tế`
    cleaned = replace(found, title=title, author=author, category=category, body=body, tags=tags)
    named = ", ".join(map(describe_character, chars))
    return cleaned, (
        f"the page holds invisible control characters that no web page may hold: {named}; "
        "line and page breaks became spaces, the others were left out"
    )


def article_fields(
    found: Extracted, source_url: str, config: SiteConfig, captured: datetime | None = None
) -> dict[str, str]:
    """The front matter, in the order it is written; empty values are left out.
    ``captured``: when the crawl copied the page, if it says."""
    assert found.published is not None
    category, _ = category_name(found.category, config)
    return {
        "title": unicodedata.normalize("NFC", " ".join(found.title.split())),
        "date": format_date(found.published.astimezone(config.timezone)),
        "date_given": found.date_given,
        "author": " ".join(found.author.split()),
        "language": found.language,
        "category": category,
        "source_url": source_url,
        "captured": format_date(captured.astimezone(config.timezone)) if captured else "",
    }


def with_aliases(text: str, aliases: list[str]) -> str:
    """The article with its `aliases:` line, at the end of its front matter."""
    return _with_list(text, "aliases", [_flow_item(a) for a in aliases])


def with_tags(text: str, tags: tuple[str, ...]) -> str:
    """The article with its `tags:` line, at the end of its front matter."""
    return _with_list(text, "tags", [as_front_matter(t, listed=True) for t in tags])


def with_names(text: str, category: str, tags: tuple[str, ...]) -> str:
    """The article as read_page wrote it (its `tags:` line, if any, last in its front
    matter) with ``category`` in its `category:` line, if any, and ``tags`` for its own."""
    end = text.index("\n---\n") + 1
    lines = [line for line in text[:end].split("\n") if not line.startswith("tags: [")]
    named = [
        f"category: {as_front_matter(category)}" if line.startswith("category: ") else line
        for line in lines
    ]
    return with_tags("\n".join(named) + text[end:], tags)


def _with_list(text: str, key: str, items: list[str]) -> str:
    """The article with the line `key: [items]` (each written as YAML reads it back) at
    the end of its front matter; as it is for no items."""
    if not items:
        return text
    end = text.index("\n---\n") + 1
    return f"{text[:end]}{key}: [{', '.join(items)}]\n{text[end:]}"


def alias_instruction(file: Path, aliases: list[str]) -> str:
    """Where and what to write in an article's file for it to have ``aliases`` too: the
    line of its front matter's `aliases:` with them, or the lines to insert, as the
    editor wrote the list (on one line, or one item a line) or where it would go."""
    try:
        lines = file.read_text(encoding="utf-8-sig").split("\n")
        end = lines.index("---", 1) if lines[0].rstrip() == "---" else -1
    except (OSError, UnicodeDecodeError, ValueError):
        end = -1
    if end < 0:
        return f"add them to the aliases: of its front matter ({', '.join(aliases)})"
    head = [line.rstrip("\r") for line in lines[:end]]
    at = next((n for n, line in enumerate(head) if line.startswith("aliases:")), -1)
    added = ", ".join(_flow_item(a) for a in aliases)
    if at < 0:  # no list yet: one, at the end of the front matter
        return f"insert at {file}:{end + 1} the line 'aliases: [{added}]'"
    value = head[at].removeprefix("aliases:").strip()
    if value.startswith("[") and value.endswith("]"):
        inner = _without_repeats(value[1:-1].strip())
        listed = f"{inner}, {added}" if inner else added
        return f"make {file}:{at + 1} read 'aliases: [{listed}]'"
    if value:  # a single address, written without brackets
        return f"make {file}:{at + 1} read 'aliases: [{_flow_item(value)}, {added}]'"
    items = at + 1
    while items < end and head[items].lstrip().startswith("- "):
        items += 1
    indent = (
        head[at + 1][: len(head[at + 1]) - len(head[at + 1].lstrip())] if items > at + 1 else "  "
    )
    inserted = ", ".join(f"'{indent}- {_flow_item(a)}'" for a in aliases)
    return f"insert at {file}:{items + 1} the line(s) {inserted}"


def _without_repeats(inner: str) -> str:
    """The items of a flow list as written, or, when the editor wrote an address twice
    (`/a.html, '/a.html'`), each once: copied as it was, the line kept the mistake."""
    try:
        items = yaml.load(f"[{inner}]", Loader=FrontMatterLoader)
    except yaml.YAMLError:
        return inner
    if not all(isinstance(i, str) for i in items) or len(set(items)) == len(items):
        return inner
    return ", ".join(_flow_item(i) for i in dict.fromkeys(items))


def with_more_aliases(text: str, more: list[str]) -> str:
    """An article as `import` wrote it (with_aliases, then with_slug: its `aliases:`
    line, if any, just above its `slug:` line, which ends its front matter) with ``more``
    aliases after those it has."""
    end = text.index("\n---\n") + 1
    lines = text[:end].split("\n")[:-1]  # the front matter's, its `slug:` line last
    had = lines[-2] if lines[-2].startswith("aliases: [") else ""
    listed = ", ".join(_flow_item(a) for a in more)
    line = f"{had[:-1]}, {listed}]" if had else f"aliases: [{listed}]"
    lines[-2 if had else -1 : -1] = [line]
    return "\n".join(lines) + "\n" + text[end:]


def with_slug(text: str, slug: str) -> str:
    """The article with its `slug:` line, as `new` writes it: without it, an archivist
    correcting a misspelt title would move the article from its address."""
    end = text.index("\n---\n") + 1
    return f"{text[:end]}slug: {slug}\n{text[end:]}"


def _flow_item(alias: str) -> str:
    # A path with characters YAML reads specially is quoted (JSON is YAML).
    if all(c.isalnum() or c in "/-_.~%" for c in alias):
        return alias
    return json.dumps(alias, ensure_ascii=False)


def page_address(url: str) -> str:
    """The address without the parameters that do not make it another page."""
    parts = urlsplit(url)
    if not parts.query:
        return parts._replace(fragment="").geturl()
    return parts._replace(query=urls.page_query(parts.query), fragment="").geturl()


def site_names(static_dir: Path) -> frozenset[str]:
    """The first parts of the site's own addresses, which no alias may take: its pages',
    its static files' and the imported media's."""
    statics = [p.name for p in static_dir.iterdir()] if static_dir.is_dir() else []
    return urls.own_names() | {FOLDER, *statics}


# The archive's page of a year or a month (urls.year_url, urls.month_url: 2020/, 2020/10/).
# A deeper address in a year's folder (WordPress's /2020/10/slug/) is free unless it is an
# article's: the importer checks that once it knows the article's address (run.Importer).
_DATE_PAGE = re.compile(r"\d{4}(/\d{2})?(/index\.html)?")


def _site_name(path: str, own: frozenset[str]) -> bool:
    decoded = unquote(path).strip("/")
    first = decoded.split("/", 1)[0]
    if first in own or re.fullmatch(r"sitemap-.*\.xml", first):
        return True
    return _DATE_PAGE.fullmatch(decoded) is not None


# The notes on an old address with a query (`?id=5`): what, then the query (the report
# says the words once for all the pages that have them: report.grouped_notes).
QUERY_NO_ALIAS = (
    "the old address has a query, which an alias page cannot answer, so it got none; the "
    "404 page's script leads a reader who opens it to the article (with JavaScript on)"
)
QUERY_OWN_ALIAS = (
    "the old address has a query, which an alias page cannot answer, so the article's alias "
    "is its own address, as the page's print link gives it"
)


def old_address(source_url: str, own: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The alias for an original address, or "" and why there is none.

    The alias is the address's path: served at the old domain, the archive answers the
    old links. No alias page can answer a query (`?id=5`), so such pages get none (the
    404 page's script does, from the list of old addresses).
    """
    parts = urlsplit(source_url)
    if parts.query:
        return "", f"{QUERY_NO_ALIAS}: ?{parts.query}"
    path = parts.path or "/"
    problem = urls.alias_problem(path)
    if not problem and _site_name(path, own):
        problem = "is taken by the archive's own pages"
    if problem:
        return "", f"the old address's path {unquote(path)!r} {problem}: it got no alias"
    return path, ""


def import_slug(title: str) -> str:
    """The title's slug; a long one ending in a number keeps its beginning and its end.
    The invisible marks inside its words (a word joiner) do not split them, as in search."""
    title = joined(title)
    whole = slugify(title, max_length=10_000)
    if len(whole) <= MAX_SLUG_LENGTH or not any(c.isdigit() for c in whole.rsplit("-", 1)[-1]):
        return slugify(title)
    end = _tail(whole, _KEPT_END)
    return f"{slugify(title, MAX_SLUG_LENGTH - len(end) - 1)}-{end}"


def _tail(slug: str, limit: int) -> str:
    kept: list[str] = []
    for word in reversed(slug.split("-")):
        if kept and len("-".join([word, *kept])) > limit:
            break
        kept.insert(0, word[-limit:])
    return "-".join(kept)


def distinct_slugs(slug: str, article_id: str, key: str) -> list[str]:
    """Slugs to try in turn when ``slug`` is taken: with the portal's id, then a hash."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    ends = [article_id] if article_id and not slug.endswith(article_id) else []
    ends += [digest[:6], digest[:12]]
    ends += [f"{digest[:12]}-{n}" for n in range(2, 100)]
    out = [slug]
    for end in ends:
        room = MAX_SLUG_LENGTH - len(end) - 1
        head = slug if len(slug) <= room else slug[:room].rsplit("-", 1)[0]
        out.append(f"{head}-{end}" if head else end)
    return out


def category_name(printed: str, config: SiteConfig) -> tuple[str, str]:
    """Our name for a category as the portal printed it, and a note when it was guessed."""
    if not printed:
        return "", ""
    wanted = _fold(printed)
    known = {**{_fold(k): v for k, v in config.import_categories.items()}}
    known.setdefault(_fold(config.default_category), config.default_category)
    if wanted in known:
        return known[wanted], ""
    if printed != printed.upper():
        return printed, ""
    # The portal printed categories in capitals: "VĂN HÓA - XÃ HỘI" -> "Văn hóa - Xã hội".
    guessed = " - ".join(part[:1].upper() + part[1:].lower() for part in printed.split(" - "))
    line = _mapping_line(printed, guessed)
    return guessed, (
        f"unknown category {printed!r} was written as {guessed!r}; if that is wrong, "
        f"add a line under 'import_categories:' in site.yaml, e.g.  {line}"
    )


def _mapping_line(key: str, value: str) -> str:
    """`key: value` as YAML reads it back; each quoted when it is not (a ': ' in it)."""
    line = f"{key}: {value}"
    try:
        if yaml.load(line, Loader=FrontMatterLoader) == {key: value}:
            return line
    except yaml.YAMLError:
        pass
    return f"{renamed.quoted(key)}: {renamed.quoted(value)}"


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
