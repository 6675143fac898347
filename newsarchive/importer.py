"""`import`: captured pages of the old portal -> our Markdown articles.

Two inputs are understood. A text capture, as the seeds were made:

    TIN TỨC - SỰ KIỆN              (the category, as the portal printed it)
    <title, possibly over several lines>
    Ngày đăng 19/04/2019 | 16:54
    <paragraphs separated by blank lines>

and a saved HTML page of an article (see importing/extract.py). The text is kept exactly;
what the importer could not understand is returned as notes, never guessed silently.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .config import SiteConfig
from .dates import parse_date
from .errors import ContentError
from .importing.extract import extract, load_profiles
from .importing.page import CapturedPage, NotArticle
from .importing.profiles import Profiles
from .load import normalise_text
from .markup import plain_paragraph
from .scaffold import ArticleFile, article_text, check_article, content_path, format_date
from .slugs import slugify

_DATE_LINE = re.compile(
    r"^Ngày đăng:?\s*(?P<day>\d{1,2}/\d{1,2}/\d{4})(?:\s*\|?\s*(?P<time>\d{1,2}:\d{2}))?$"
)
CAPTURE_HINT = (
    "a capture starts with the category line, the title, then a line like "
    "'Ngày đăng 19/04/2019 | 16:54', then the paragraphs"
)


@dataclass(frozen=True)
class Imported:
    article: ArticleFile
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Parts:
    category: str
    title: str
    date_text: str
    body: str
    notes: tuple[str, ...]
    published: datetime | None = None  # already read, from an HTML page


def import_file(
    path: Path, config: SiteConfig, source_url: str = "", profiles: Profiles | None = None
) -> Imported | list[ContentError]:
    """Read one capture or HTML page; return the article to write, or why it cannot be."""
    data = path.read_bytes()
    try:
        text = normalise_text(data)
    except UnicodeDecodeError:
        return [ContentError(path, "the file is not UTF-8 text", "save it again as UTF-8")]
    if path.suffix.lower() in (".html", ".htm") or text.lstrip().startswith("<"):
        if profiles is None:
            loaded = load_profiles(config)
            if isinstance(loaded, list):
                return loaded
            profiles = loaded
        found = extract(CapturedPage(str(path), source_url, text), profiles)
        if isinstance(found, NotArticle):
            return [ContentError(path, f"not an article: {found.reason}")]
        parts = _Parts(found.category, found.title, "", found.body, found.notes, found.published)
    else:
        parsed = read_capture(path, text)
        if isinstance(parsed, list):
            return parsed
        parts = parsed
    return _article(path, parts, config, source_url)


def read_capture(path: Path, text: str) -> "_Parts | list[ContentError]":
    lines = [line.strip() for line in text.split("\n")]
    date_at = next((i for i, line in enumerate(lines) if _DATE_LINE.match(line)), None)
    if date_at is None:
        return [ContentError(path, "found no line 'Ngày đăng dd/mm/yyyy | HH:MM'", CAPTURE_HINT)]
    notes = []
    head = [line for line in lines[:date_at] if line]
    if not head:
        return [ContentError(path, "found no title above the date line", CAPTURE_HINT, date_at + 1)]
    category, title_lines = (head[0], head[1:]) if len(head) > 1 else ("", head)
    if not category:
        notes.append("no category line above the title: the article has no category")
    if len(title_lines) > 1:
        notes.append(f"the title was on {len(title_lines)} lines; they were joined into one")
    match = _DATE_LINE.match(lines[date_at])
    assert match is not None
    date_text = match["day"]
    if match["time"]:
        date_text += " " + match["time"]
    else:
        notes.append("the date line has no time of day: 00:00 was used")
    paragraphs = []
    block: list[str] = []
    for line in [*lines[date_at + 1 :], ""]:
        if line:
            block.append(line)
        elif block:
            paragraphs.append(plain_paragraph(block))
            block = []
    if not paragraphs:
        notes.append("the capture has no text below the date line")
    return _Parts(category, " ".join(title_lines), date_text, "\n\n".join(paragraphs), tuple(notes))


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
    return guessed, (
        f"unknown category {printed!r} was written as {guessed!r}; if that is wrong, "
        f"add a line under 'import_categories:' in site.yaml, e.g.  {printed}: {guessed}"
    )


def _article(path: Path, parts: _Parts, config: SiteConfig, source_url: str) -> Imported | list:
    errors = []
    if not parts.title:
        errors.append(ContentError(path, "found no title", "the page needs an <h1> title"))
    published = parts.published
    try:
        if parts.date_text:
            published = parse_date(parts.date_text, config.timezone)
    except ValueError as exc:
        errors.append(ContentError(path, f"bad date: {exc}", CAPTURE_HINT))
    if published is None and not errors:
        errors.append(
            ContentError(
                path,
                "found no publication date",
                "the page needs a <time datetime=...> or a line 'Ngày đăng 19/04/2019 | 16:54'",
            )
        )
    if errors or published is None:
        return errors
    title = unicodedata.normalize("NFC", parts.title)
    category, note = category_name(parts.category, config)
    fields = {
        "title": title,
        "date": format_date(published.astimezone(config.timezone)),
        "category": category,
        "source_url": source_url,
    }
    target = content_path(config, published.astimezone(config.timezone), slugify(title))
    text = article_text(fields, parts.body)
    problems = check_article(target, text, config)
    if problems:
        return [ContentError(path, p.message, p.hint) for p in problems]
    return Imported(ArticleFile(target, text), (*parts.notes, *filter(None, [note])))


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
