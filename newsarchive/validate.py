"""Stage 2: turn SourceFiles into Articles, or into every problem found; and the checks
of the whole model: two articles at one address. (Files of the site that would be
written to one place are clashes.py's, once the site is planned.)"""

import difflib
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from . import schema, urls
from .config import web_address_problem
from .content import Article, Correction, SourceFile, Standalone, Withdrawal
from .dates import NotARealDate, in_zone, parse_date
from .errors import BuildFailed, Problem, line_of, twin_note, value_place
from .fingerprint import digest
from .slugs import slugify
from .summary import lead

KNOWN_KEYS = schema.names(schema.FRONT_MATTER)
TEXT_KEYS = schema.names(schema.FRONT_MATTER, "text")
_FIELDS = schema.by_name(schema.FRONT_MATTER)
# Each kind's front-matter fields, their names and its text keys, worked out once: keys
# are checked for every article read (their names made again per key took 7 us each).
_KEYS = {
    "article": (schema.FRONT_MATTER, KNOWN_KEYS, TEXT_KEYS),
    "standalone": (
        schema.PAGE_FRONT_MATTER,
        schema.names(schema.PAGE_FRONT_MATTER),
        schema.names(schema.PAGE_FRONT_MATTER, "text"),
    ),
}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The front-matter keys whose lines an Article keeps, for problems found after
# validation (an alias clash); a copy of every key per article cost 0.4 KB each.
LATER_KEYS = ("aliases",)
# A headline, not a paragraph; and it is repeated in lists, feeds and the search index.
MAX_TITLE = 1000
# File systems hold names of at most 255 bytes and paths of 4,096: an output path
# longer than 2,000 bytes leaves room for the output folder's own path.
MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 2000
QUOTE_HINT = 'put the value in double quotes, e.g. {key}: "{value}"'


def check_together(articles: list[Article]) -> list[Problem]:
    """Problems between articles, for articles validated one by one (or cached)."""
    return _same_url(articles)


# The words `new` writes into a body (strings.yaml `new_article_body`) as newsarchive
# comes with them: a fork that rewords them still has files that `new` wrote before, and
# they were published (tests/test_new_article.py holds this to strings.yaml's words).
SHIPPED_PLACEHOLDERS = (
    "Viết nội dung bài viết ở đây, bằng Markdown. Để trống một dòng giữa hai đoạn văn.",
)


def placeholders(own: str) -> dict[str, str]:
    """The texts `new` may have written, by their first paragraph (summary.lead): the
    site's ``own`` (strings.yaml's now) and those newsarchive comes with."""
    return {lead(text): text for text in (*SHIPPED_PLACEHOLDERS, own) if lead(text)}


def unwritten(articles: list[Article], placeholder: str) -> list[Problem]:
    """Articles that `new` made and nobody wrote: their text still opens with the
    placeholder (templates/strings.yaml `new_article_body`, or newsarchive's own words
    for it), which would be published. Each keeps that first paragraph (its opening,
    not its summary, which the front matter may give), so no body need be read again."""
    known = placeholders(placeholder)
    return [
        placeholder_left(Path(a.path), known[a.opening], "article")
        for a in articles
        if a.listed and a.opening in known
    ]


def placeholder_left(path: Path, placeholder: str, kind: str) -> Problem:
    """The article (or page) at ``path`` still opens with the text `new` wrote."""
    return Problem(
        path,
        f"the {kind} still holds the placeholder text that 'new' wrote",
        f"replace that line with the {kind}'s text; to keep the {kind} off the "
        "site until it is written, add a line 'draft: true' to its front matter",
        # Its first sentence on its first line: a fork's may run over several.
        line_of(path, placeholder.strip().split("\n")[0].split(".")[0]),
    )


class Report(Protocol):
    """Adds a problem at a front-matter key's line; at the line and column of its
    ``value`` as written there or below it, when the problem is of that value (the
    value's second place for its second problem: two corrections of one date)."""

    def __call__(self, key: str, message: str, hint: str, value: object = None) -> None: ...


def _problems_of(source: SourceFile) -> tuple[list[Problem], Report]:
    """A list for the problems of ``source``, and the way to add one at a key's line."""
    errors: list[Problem] = list(source.refused)
    said: Counter[tuple[str, str]] = Counter()  # the values said under each key, so far

    def error(key: str, message: str, hint: str, value: object = None) -> None:
        line, column = source.key_lines.get(key), None
        if line is not None and value is not None:
            earlier = said[key, str(value)]
            said[key, str(value)] += 1
            line, column = value_place(source.path, line, str(value), earlier)
        errors.append(Problem(source.path, message, hint, line, column))

    return errors, error


def validate(source: SourceFile, tz: ZoneInfo, base_url: str = "") -> Article:
    """The article of ``source`` (on the site at ``base_url``, which an alias copied from
    it is told of); raises BuildFailed with every problem in its front matter."""
    meta = source.meta
    errors, error = _problems_of(source)
    _check_keys(meta, error, "article")
    title = meta.get("title")
    _check_title_length(title, error)
    errors += _missing(source)
    published = _published(meta, error, tz)
    tags = _tags(meta, error)
    _check_term_addresses(meta.get("category"), tags, error)
    aliases = _aliases(meta, error, base_url)
    draft = _draft(meta, error)
    slug = _slug(meta.get("slug"), title, error)
    source_url = _source_url(meta, error)
    captured = _captured(meta, error, tz)
    language = _language(meta, error)
    withdrawn = _withdrawal(meta, error, tz)
    _check_withdrawn_after_published(withdrawn, published, error)
    corrections = _corrections(meta, error, tz, published)
    if errors:
        raise BuildFailed(errors)
    assert published is not None and isinstance(title, str) and isinstance(slug, str)
    opening = lead(source.body)
    distinct_tags, tags_merged = _distinct_terms(tags)
    # A category, tag or author is shared by many articles: interned, each is one string
    # in memory rather than one per article (the build holds every article to its end).
    return Article(
        path=str(source.path),
        title=title.strip(),
        published=published,
        slug=slug,
        body_digest=digest(source.body),
        category=sys.intern((meta.get("category") or "").strip()),
        tags=distinct_tags,
        tags_merged=tags_merged,
        summary=(meta.get("summary") or "").strip() or opening,
        opening=opening,
        author=sys.intern((meta.get("author") or "").strip()),
        language=sys.intern((language or "").strip()),
        source_url=source_url or "",
        captured=captured,
        # The key alone (`date_given:`, read as null) says it too, without a note.
        date_given=(meta["date_given"] or "").strip() if "date_given" in meta else None,
        aliases=tuple(aliases),
        draft=draft,
        withdrawn=withdrawn,
        empty=not source.body.strip(),
        corrections=corrections,
        key_lines=_later_lines(source),
        params=meta.get("params") or _NO_PARAMS,
    )


def _check_title_length(title: Any, error: Report) -> None:
    if isinstance(title, str) and len(title) > MAX_TITLE:
        error(
            "title",
            f"the title is {len(title):,} characters long; at most {MAX_TITLE:,} are allowed",
            "shorten the title; put the rest in the article text or in 'summary:'",
        )


def _missing(source: SourceFile) -> list[Problem]:
    """The title and the date, which every article needs: said at the line below the
    '---' when not written."""
    title = source.meta.get("title")
    missing = {
        "title": title is None or (isinstance(title, str) and not title.strip()),
        "date": source.meta.get("date") is None,
    }
    return [
        Problem(
            source.path,
            f"the article has no {key}",
            f"add a line such as: {key}: {_FIELDS[key].example}",
            source.key_lines.get(key, 2),
        )
        for key, absent in missing.items()
        if absent
    ]


def _published(meta: dict[str, Any], error: Report, tz: ZoneInfo) -> datetime | None:
    """The article's date, in ``tz``; None when it is missing (_missing) or wrong."""
    if meta.get("date") is None:
        return None
    try:
        return in_zone(parse_date(meta["date"], tz), tz)
    except ValueError as exc:
        error(
            "date",
            f"bad date: {exc}",
            _date_fix(
                exc,
                "write the date as YYYY-MM-DD HH:MM (2019-04-19 16:54) or "
                "day first as DD/MM/YYYY HH:MM (19/04/2019 16:54)",
            ),
            meta["date"],
        )
        return None


def _tags(meta: dict[str, Any], error: Report) -> list[str]:
    """The tags as written, each a name: none empty, none two joined by a ';'."""
    tags = _text_list(meta, "tags", error)
    if any(not tag.strip() for tag in tags):  # it was left out with no word
        error("tags", "an item of 'tags' is empty", 'remove it: tags: ["an sinh", "y tế"]')
    joined = [tag for tag in tags if ";" in tag]  # `[cán bộ; quy hoạch]` was one tag, unsaid
    if joined:
        parted = ", ".join(t.strip() for tag in tags for t in tag.split(";") if t.strip())
        error(
            "tags",
            f"the tag '{joined[0]}' holds a ';': tags are parted by ',', so this is one tag",
            f"write tags: [{parted}]",
        )
    return tags


def _check_term_addresses(category: Any, tags: list[str], error: Report) -> None:
    """The category and each tag must give a web address of their own."""
    for key, name in [("category", category), *(("tags", tag) for tag in tags)]:
        if isinstance(name, str) and name.strip() and not urls.term_slug(name):
            error(
                key,
                f"the {'tag' if key == 'tags' else key} '{name}' gives an empty web address",
                "use a name with at least one letter or digit",
            )


def _draft(meta: dict[str, Any], error: Report) -> Any:
    draft = meta.get("draft", False)
    not_boolean = schema.boolean_problem("draft", draft)
    if not_boolean:
        error("draft", *not_boolean)
    return draft


def _slug(slug: Any, title: Any, error: Report) -> Any:
    """The slug as written, or else the title's."""
    if isinstance(slug, str) and not _SLUG.match(slug):
        error(
            "slug",
            f"slug '{slug}' may only hold a-z, 0-9 and single '-' between words",
            f"use slug: {slugify(slug) or 'bai-viet'}",
        )
    elif isinstance(slug, str) and _too_long(slug):
        error("slug", f"slug '{slug[:40]}...' {_too_long(slug)}", "use a shorter slug")
    elif slug is None and isinstance(title, str) and title.strip():
        slug = slugify(title)
        if not slug:
            error(
                "title",
                "the title gives an empty web address",
                "add a line such as: slug: bai-viet",
            )
    return slug


def _source_url(meta: dict[str, Any], error: Report) -> Any:
    source_url = meta.get("source_url")
    # site.yaml's rule: a reader's browser opens it (HTTPS://HBT.vn/ too).
    if isinstance(source_url, str) and (problem := web_address_problem(source_url)):
        error(
            "source_url",
            f"source_url '{source_url}' {problem}",
            "give the full address of the original page, e.g. "
            f"source_url: {_FIELDS['source_url'].example}",
        )
    return source_url


CAPTURED_HINT = (
    "write when the copy was made, as the date is: captured: 2025-03-12 08:30 (or day "
    "first, 12/03/2025 08:30), or remove the line if the crawl does not say"
)


def _captured(meta: dict[str, Any], error: Report, tz: ZoneInfo) -> datetime | None:
    """When the copy the article was taken from was made (``captured:``), if it is said."""
    value = meta.get("captured")
    if value is None:
        return None
    if isinstance(value, (bool, list, dict)):
        error("captured", f"'captured' has {_describe(value)}, not a date", CAPTURED_HINT)
        return None
    try:
        return in_zone(parse_date(value, tz), tz)
    except ValueError as exc:
        error("captured", f"bad date in 'captured': {exc}", _date_fix(exc, CAPTURED_HINT), value)
        return None


def _language(meta: dict[str, Any], error: Report) -> Any:
    language = meta.get("language")
    if isinstance(language, str) and not schema.LANGUAGE_TAG.fullmatch(language.strip()):
        error(
            "language",
            f"language '{language}' is not a language code",
            "write the code of the article's language, e.g. language: en "
            "(or fr, zh-Hans; a - between its parts, not _)",
        )
    return language


def _check_withdrawn_after_published(
    withdrawn: Withdrawal | None, published: datetime | None, error: Report
) -> None:
    if withdrawn is not None and published is not None and withdrawn.date.date() < published.date():
        error(
            "withdrawn",
            f"the article was withdrawn on {withdrawn.date:%d/%m/%Y}, before it was "
            f"published ({published:%d/%m/%Y})",
            "write the day the archive took it down, day first (withdrawn: 05/03/2026) "
            "or year first (withdrawn: 2026-03-05)",
        )


def _aliases(meta: dict[str, Any], error: Callable[..., None], base_url: str) -> list[str]:
    """The old addresses of an article or a page (`aliases:`), each one checked."""
    aliases = _text_list(meta, "aliases", error)
    for alias in aliases:
        shown = alias if len(alias) <= 80 else alias[:77] + "..."
        problem = urls.alias_problem(alias, base_url)
        if problem:
            error("aliases", f"alias '{shown}' {problem}", urls.ALIAS_HINT)
        elif _too_long(urls.alias_url(alias)):
            error(
                "aliases",
                f"alias '{shown}' {_too_long(urls.alias_url(alias))}",
                "no web server has a file of that name: remove the alias or shorten it",
            )
    return aliases


def _later_lines(source: SourceFile) -> dict[str, int]:
    """The lines of the keys (LATER_KEYS) that problems found after validation name."""
    return {key: source.key_lines[key] for key in LATER_KEYS if key in source.key_lines}


# One empty mapping for every article without params: a dict each is 6 MB at 100,000.
_NO_PARAMS: dict[str, Any] = {}


def validate_page(
    source: SourceFile, address: str, others: frozenset[str] = frozenset(), base_url: str = ""
) -> Standalone:
    """The standalone page of ``source``, at ``address`` (its file's path below the
    pages folder, without .md); raises BuildFailed with every problem found."""
    meta = source.meta
    errors, error = _problems_of(source)
    _check_keys(meta, error, "standalone")
    title = meta.get("title")
    if title is None or (isinstance(title, str) and not title.strip()):
        errors.append(
            Problem(
                source.path,
                "the page has no title",
                f"add a line such as: title: {_PAGE_FIELDS['title'].example}",
                source.key_lines.get("title", 2),
            )
        )
    menu = meta.get("menu")
    if menu is not None and (isinstance(menu, bool) or not isinstance(menu, int)):
        error(
            "menu",
            f"'menu' must be a whole number, but YAML read {_describe(menu)}",
            "write its place in the menu, e.g. menu: 1 (or remove the line to keep the "
            "page out of the menu)",
        )
    draft = _draft(meta, error)
    aliases = _aliases(meta, error, base_url)
    problem = urls.standalone_problem(address)
    if problem:
        message = f"the page's address /{address}/ {problem}"
        errors.append(Problem(source.path, message, _address_hint(address, others)))
    if errors:
        raise BuildFailed(errors)
    assert isinstance(title, str)
    return Standalone(
        path=str(source.path),
        title=title.strip(),
        url=urls.standalone_url(address),
        body_digest=digest(source.body),
        summary=(meta.get("summary") or "").strip(),
        menu=menu,
        draft=draft,
        aliases=tuple(aliases),
        key_lines=_later_lines(source),
        params=meta.get("params") or _NO_PARAMS,
    )


_PAGE_FIELDS = schema.by_name(schema.PAGE_FRONT_MATTER)


def _address_hint(address: str, others: frozenset[str]) -> str:
    """How to give a page a good address: its file's path is its address. ``others``:
    the other pages' addresses, which the name told must not be (pages/A.md beside a.md)."""
    *folders, name = address.split("/")
    wanted = "/".join(slugify(part) or "trang" for part in (*folders, name))
    if wanted != address:
        taken = ""
        if wanted in others:
            taken = f" (pages/{wanted}.md is another page)"
            free = (f"{wanted}-{n}" for n in range(2, len(others) + 3))
            wanted = next(w for w in free if w not in others)
        return (
            f"rename it to pages/{wanted}.md{taken}: a page's address is its file's path "
            "below pages/, with a-z, 0-9 and single '-' between words"
        )
    return (
        f"rename the {'folder' if folders else 'file'} {address.split('/')[0]}: a page's "
        "address is its file's path below pages/, and the site's own names and years are "
        "taken"
    )


def _check_keys(meta: dict[str, Any], error: Report, kind: str) -> None:
    """Unknown keys (with the nearest known one), text keys holding something else, and
    params: that is not a mapping. ``kind``: what templates call the page's own
    (``article``, ``standalone``): its fields, and where a value of one's own goes."""
    fields, known, text_keys = _KEYS[kind]
    keys = list(meta)
    above = dict(zip(keys[1:], keys[:-1], strict=True))  # each key's the key before it
    for key in meta:
        if key in known:
            continue
        group = above.get(key, "")
        if key in _BELOW.get(group, ()) and not isinstance(meta[group], str):
            # `withdrawn:` then `reason: ...` at the start of its line: the hint said to
            # remove it, or to put it under params:.
            error(
                key,
                f"unknown key '{key}': it belongs under '{group}:' above, but starts its line",
                f"indent it, as '{_BELOW[group][key]}{key}: ...', under the line above",
            )
            continue
        close = schema.suggestion(key, fields, meta[key])
        offered = [f.name for f in fields if f.suggested]
        # A key no known one is near is likely a fork's own value for its templates.
        own = f"{key}:" if isinstance(key, str) else "photographer:"
        hint = (
            f"did you mean '{close}'?"
            if close
            else f"remove it, or use one of: {', '.join(offered)}; a value of your own for "
            f"the templates goes under params: (params: then, indented below it, {own} "
            f"...; {kind}.params.{key} in a template)"
        )
        if kind == "standalone" and key in KNOWN_KEYS:  # date:... an article in pages/?
            hint = (
                f"a page (a file in the content folder's pages/) has no '{key}': remove "
                "it, or move the file out of pages/ if it is an article"
            )
        elif kind == "article" and key in _KEYS["standalone"][1]:  # a page out of pages/
            hint = (
                f"'{key}' is a page's key (an about or contact page), and a page is a file "
                "in the content folder's pages/ (spelt so, in small letters): move the file "
                "there if it is a page; this one is read as an article. Or remove the line"
            )
        error(key, f"unknown key '{key}'", hint)
    for key in text_keys:
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            hint = QUOTE_HINT.format(key=key, value=_as_written(value))
            if key == "category" and isinstance(value, list) and len(value) > 1:
                hint = _categories_fix(value, meta.get("tags"))
            error(key, f"'{key}' must be text, but YAML read {_describe(value)}", hint)
    params = meta.get("params")
    if params is not None and not isinstance(params, dict):
        error(
            "params",
            f"'params' must be a group of 'key: value' lines, but YAML read {_describe(params)}",
            "write params: alone on its line, and each value of your own below it, "
            "indented: '  photographer: Minh Anh'",
        )


def _categories_fix(items: list[Any], tags: Any) -> str:
    """Both readings of `category: [Tin tức, Văn hóa]`: one category and tags (what an
    editor more likely meant), or one category's name with commas in it ("Hoạt động
    Đảng, Đoàn thể", as portals name them): not guessed, the editor says which."""
    first, *rest = (_as_written(item) for item in items)
    others = ", ".join(f"'{item}'" for item in rest)
    tagged = "a tag" if len(rest) == 1 else "tags"
    had = [_as_written(tag) for tag in tags] if isinstance(tags, list) else []
    listed = ", ".join([*had, *rest])
    whole = _as_written(items).replace('"', '\\"')
    return (
        f"an article has one category: if it is '{first}' and {others} {tagged}, write "
        f"'category: {first}' and 'tags: [{listed}]'"
        + (" (in place of its tags: line)" if had else "")
        + f"; if '{_as_written(items)}' is the name of one category (a comma may be in a "
        f'name, as in "Hoạt động Đảng, Đoàn thể"), write \'category: "{whole}"\''
    )


# The keys of a group (withdrawn:, a correction) and how far in each is written.
_BELOW = {
    "withdrawn": {"date": "  ", "reason": "  "},
    "corrections": {"date": "  - ", "text": "    "},
}
WITHDRAWN_HINT = (
    "write the day the archive took the article down, withdrawn: 2026-03-05 (or day "
    "first, 05/03/2026); to tell readers why, write withdrawn: alone on its line and "
    "below it, indented, '  date: 2026-03-05' and '  reason: ...'"
)
CORRECTION_HINT = (
    "write each correction as a list item: corrections: alone on its line, then "
    "'  - date: 2026-03-05' and below it, indented as date:, '    text: what was "
    "changed'"
)


def _unknown_below(
    group: dict[str, Any], known: tuple[str, str], where: str, key: str, error: Report
) -> None:
    """An error for each key of a group below ``key`` (withdrawn:, a correction) that
    is not one of ``known``, with the closest one."""
    for name in group:
        if name not in known:
            close = difflib.get_close_matches(str(name), known, n=1, cutoff=0.5)
            error(
                key,
                f"unknown key '{name}' {where}",
                f"did you mean '{close[0]}'?"
                if close
                else f"write only {known[0]}: and {known[1]}:",
            )


def _date_fix(exc: ValueError, form: str) -> str:
    """The part to check of a date written in a form that is read (31/02: the day), or
    ``form``, the forms to write, for a date that is not."""
    return exc.fix if isinstance(exc, NotARealDate) else form


def _withdrawal(meta: dict[str, Any], error: Report, tz: ZoneInfo) -> Withdrawal | None:
    """The takedown ``withdrawn:`` records: a day, or a group of date: and reason:."""
    if "withdrawn" not in meta:
        return None
    value = meta["withdrawn"]
    reason: object = ""
    if isinstance(value, dict):
        _unknown_below(value, ("date", "reason"), "under 'withdrawn'", "withdrawn", error)
        reason = value.get("reason") or ""
        if not isinstance(reason, str):
            error(
                "withdrawn",
                f"the reason under 'withdrawn' must be text, but YAML read {_describe(reason)}",
                QUOTE_HINT.format(key="  reason", value=_as_written(reason)),
            )
        value = value.get("date")
    if value is None or isinstance(value, (bool, list, dict)):
        said = "no date" if value is None else f"{_describe(value)}, not a date"
        error("withdrawn", f"'withdrawn' has {said}", WITHDRAWN_HINT)
        return None
    try:
        day = in_zone(parse_date(value, tz), tz)
    except ValueError as exc:
        error("withdrawn", f"bad date in 'withdrawn': {exc}", _date_fix(exc, WITHDRAWN_HINT), value)
        return None
    return Withdrawal(day, reason.strip() if isinstance(reason, str) else "")


def _corrections(
    meta: dict[str, Any], error: Report, tz: ZoneInfo, published: datetime | None
) -> tuple[Correction, ...]:
    """What ``corrections:`` lists, the newest first (in the file's order on one day).
    ``published``: the article's date, when it is right, which no correction precedes."""
    value = meta.get("corrections")
    if value is None:
        return ()
    if isinstance(value, dict):  # one correction without its "- "
        value = [value]
        error("corrections", "'corrections' must be a list", CORRECTION_HINT)
    if not isinstance(value, list):
        error(
            "corrections",
            f"'corrections' must be a list of dates and texts, but YAML read {_describe(value)}",
            CORRECTION_HINT,
        )
        return ()
    found = []
    for n, item in enumerate(value, 1):
        which = f"correction {n} of {len(value)}" if len(value) > 1 else "the correction"
        correction = _correction(item, which, error, tz, published)
        if correction is not None:
            found.append(correction)
    # sorted() keeps the file's order among equal dates, reversed or not.
    return tuple(sorted(found, key=lambda c: c.date, reverse=True))


def _correction(
    item: Any, which: str, error: Report, tz: ZoneInfo, published: datetime | None
) -> Correction | None:
    """One item of ``corrections:`` (``which``, as the messages name it), or None with
    its problems said."""
    if not isinstance(item, dict):
        error(
            "corrections",
            f"{which} is {_describe(item)}, not a date and a text",
            CORRECTION_HINT,
        )
        return None
    _unknown_below(item, ("date", "text"), f"in {which}", "corrections", error)
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        said = "no text" if text is None or text == "" else f"{_describe(text)} as its text"
        error(
            "corrections",
            f"{which} has {said}",
            "say what the archive changed, e.g. '    text: \"Sửa tên phường theo bản "
            "in\"' (in double quotes if it holds ': ')",
        )
    date = item.get("date")
    if date is None:
        error("corrections", f"{which} has no date", CORRECTION_HINT)
        return None
    try:
        day = in_zone(parse_date(date, tz), tz)
    except ValueError as exc:
        error(
            "corrections",
            f"bad date in {which}: {exc}",
            _date_fix(
                exc,
                "write the day of the correction as '  - date: 2026-03-05' (or day "
                "first, 05/03/2026)",
            ),
            date,
        )
        return None
    if published is not None and day.date() < published.date():
        # A mistyped year, most likely: the page would say the archive corrected
        # the article before the portal published it.
        error(
            "corrections",
            f"{which} is dated {day:%d/%m/%Y}, before the article was published "
            f"({published:%d/%m/%Y})",
            "write the day the archive corrected it, on or after the publication: "
            f"'  - date: {published:%Y-%m-%d}' or later",
        )
        return None
    if isinstance(text, str) and text.strip():
        return Correction(day, text.strip())
    return None


def _too_long(path: str) -> str:
    """Why ``path`` (inside the output folder) cannot be a file name, or ""."""
    for part in path.split("/"):
        size = len(part.encode("utf-8"))
        if size > MAX_NAME_BYTES:
            return (
                f"has a part of {size} bytes ('{part[:20]}...'); "
                f"file systems allow at most {MAX_NAME_BYTES} bytes between two '/'"
            )
    size = len(path.encode("utf-8"))
    if size > MAX_PATH_BYTES:
        return f"is {size:,} bytes long; at most {MAX_PATH_BYTES:,} bytes are allowed"
    return ""


def _distinct_terms(names: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Tags as the article names them, without one that gives the same slug as an
    earlier one ("Quy hoạch", "quy hoạch"): they are one tag, listed once. And those
    left out, each once, but for a repeat of the one kept (Article.tags_merged)."""
    terms: dict[str, str] = {}
    merged: dict[str, None] = {}
    for name in names:
        name = name.strip()
        if name and terms.setdefault(urls.term_slug(name), sys.intern(name)) != name:
            merged[name] = None
    return tuple(terms.values()), tuple(merged)


def _text_list(meta: dict[str, Any], key: str, error: Any) -> list[str]:
    value = meta.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        written = _as_written(value)
        if key == "tags":  # `tags: cán bộ; quy hoạch`: a ';' in a tag is refused (_tags)
            written = ", ".join(t.strip() for t in written.split(";") if t.strip())
        error(
            key,
            f"'{key}' must be a list, but YAML read {_describe(value)}",
            f"write it as a list in brackets, e.g. {key}: [{written}]",
        )
        return []
    items = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, (str, int)):
            error(
                key,
                f"each item of '{key}' must be text, but YAML read {_describe(item)}",
                f'put that item in double quotes, e.g. {key}: ["{_as_written(item)}"]',
            )
        else:
            items.append(str(item))
    return items


def _same_url(articles: list[Article]) -> list[Problem]:
    """Articles at one address, each said. The first by path keeps it; each other is told
    a slug of its own, free in the site ('-2', or '-3' when an article has '-2'), so
    that following every hint ends the clash: both were told '-2', which clashed again."""
    by_url: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_url[urls.article_url(article)].append(article)
    taken = set(by_url)
    errors = []
    for url, group in sorted(by_url.items()):
        if len(group) < 2:
            continue
        group.sort(key=lambda a: a.path)
        for article in group:
            # The others named from this file's folder ("b.md", "../06/b.md"): short,
            # where whole paths made the line unreadable.
            others = [_named_from(article, a) for a in group if a is not article]
            # Read again for its line (rare): a slug written, or the title it comes from.
            slug_line = line_of(Path(article.path), "slug:")
            if article is group[0]:
                told = ", ".join(others)
                fix = f"this article keeps the address: the line to add is told to {told}"
            else:
                fix = _slug_to_write(article, bool(slug_line), taken)
                fix += f": {_named_from(article, group[0])} keeps /{url}"
            errors.append(
                Problem(
                    Path(article.path),
                    f"this article and {', '.join(others)} would have the same address /{url}",
                    fix,
                    slug_line or line_of(Path(article.path), "title:"),
                )
            )
    return errors


def _named_from(article: Article, other: Article) -> str:
    """``other``'s file as named from ``article``'s folder."""
    return os.path.relpath(other.path, os.path.dirname(article.path)) + twin_note(
        other.path, article.path
    )


def _slug_to_write(article: Article, written: bool, taken: set[str]) -> str:
    """The slug line to write in ``article`` (its slug line ``written`` or not): its slug
    with the first suffix ('-2', '-3'...) whose address no article has, nor one told
    before (``taken``, which gets it)."""
    n = 2
    while urls.article_address(article.published, f"{article.slug}-{n}") in taken:
        n += 1
    taken.add(urls.article_address(article.published, f"{article.slug}-{n}"))
    if written:
        return f"change the line to 'slug: {article.slug}-{n}'"
    return f"add a line 'slug: {article.slug}-{n}' below its title (or give it another title)"


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"the yes/no value {_as_written(value)!r}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of 'key: value' lines"
    return repr(value)


def _as_written(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):  # tags: {a, b}, braces for brackets: its keys
        return ", ".join(str(k) if v is None else f"{k} {v}" for k, v in value.items())
    return str(value)
