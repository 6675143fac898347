"""`new`: start an article file (or a standalone page), and the front-matter writer that
`import` shares.

The written file goes through the same reader and validator as the build before it
is saved, so whatever these commands write, the next build accepts.
"""

import json
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import yaml

from . import taxonomy
from .cache import cache_folder
from .config import SiteConfig
from .dates import parse_date
from .errors import BuildFailed, Problem
from .frontmatter import split_front_matter
from .outputguard import (
    among_outputs,
    built_folder,
    cache_problem,
    lock_folder,
    not_a_folder,
    protected_folders,
    real_path,
)
from .pagination import oldest_first
from .partfiles import part_of
from .portablenames import windows_problem
from .slugs import slugify
from .sources import PAGES_FOLDER, readable_articles
from .uistrings import load_strings
from .validate import validate, validate_page
from .yamltext import FrontMatterLoader, as_front_matter, describe_character, invisible_character

# Titles are always quoted, so an editor may later add ": " to one without breaking YAML.
_ALWAYS_QUOTED = ("title",)


@dataclass(frozen=True)
class ArticleFile:
    """An article ready to be written: where it goes and its exact text."""

    path: Path
    text: str


def front_matter(fields: dict[str, str]) -> str:
    """YAML front matter with the keys in the given order; empty values are left out."""
    lines = ["---"]
    for key, value in fields.items():
        if value:
            lines.append(f"{key}: {_yaml_text(key, value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def article_text(fields: dict[str, str], body: str) -> str:
    body = body.strip("\n")
    return front_matter(fields) + ("\n" + body + "\n" if body else "")


def content_path(config: SiteConfig, published: datetime, slug: str) -> Path:
    """content/<yyyy>/<mm>/<slug>.md, the layout the README describes; <slug>-1.md for
    a name Windows keeps for a device (con.md stopped a checkout there): the slug: line
    `new` and `import` write keeps the address."""
    name = slug if windows_problem(f"{slug}.md", published=False) is None else f"{slug}-1"
    return config.content_dir / f"{published.year:04d}" / f"{published.month:02d}" / f"{name}.md"


def format_date(published: datetime) -> str:
    """ISO 8601 with the offset: unambiguous whatever the site's time zone becomes."""
    return published.isoformat(timespec="seconds")


def check_article(path: Path, text: str, config: SiteConfig) -> list[Problem]:
    """The problems the build would find in this one file (none for our own output)."""
    try:
        validate(split_front_matter(path, text), config.timezone, config.base_url)
    except BuildFailed as failed:
        return failed.errors
    return []


def check_content_folder(config: SiteConfig, command: str) -> None:
    """Raise BuildFailed when ``command`` (new, import) may not write articles into the
    content folder (content_problem)."""
    unsafe = content_problem(config)
    if unsafe:
        raise BuildFailed(
            [
                Problem(
                    config.content_dir,
                    f"{command} cannot write articles into {config.content_dir}: {unsafe}",
                    "name the folder of the articles with --content (content_dir in "
                    "site.yaml), e.g. --content content",
                )
            ]
        )


def content_problem(config: SiteConfig) -> str:
    """Why articles may not be written into the content folder, or "": it must be a
    folder, outside the output folder and the folders a build makes beside it (each
    build replaces them), outside any other build's (serve's `.cache/serve`, another
    --output), not holding the output folder (the build refuses that) and not in the
    project's other folders, nor holding the build cache (the build refuses that too)."""
    folder, output = real_path(config.content_dir), real_path(config.output_dir)
    problem = not_a_folder(folder)
    if problem:
        return problem
    built = among_outputs(folder, output)  # _site, _site.previous, _site.lock...
    if built == output:
        return f"it is the output folder {output} or in it, which every build replaces"
    if built is not None:
        return (
            f"it is {built}, a folder the build keeps beside the output folder {output}, "
            "or in it, which builds replace"
        )
    if output.is_relative_to(folder):
        return f"it contains the output folder {output}, which a build refuses"
    return _among_other_folders(config, folder)


def _among_other_folders(config: SiteConfig, folder: Path) -> str:
    """Why ``folder`` is no folder of articles for being in the project's other folders
    or another build's output, or holding the build cache; or ""."""
    cache = cache_folder(config)
    others = protected_folders(config.root, folder, config.templates_dir, config.static_dir, cache)
    for name in ("templates folder", "static folder", "git repository", "build cache"):
        if folder.is_relative_to(real_path(others[name])):
            return f"it is the {name} {others[name]} or in it"
    built = built_folder(folder)
    if built is not None:
        return (
            f"it is or is in {built}, a folder a build writes (its lock folder "
            f"{lock_folder(built).name} is beside it): the next builds would delete the articles"
        )
    if cache_problem(cache, {"content folder": folder}):
        return f"it holds the build cache {cache}, which a build does not read articles from"
    return ""


# An article's file name is its slug: another article of the same title (a notice each
# month) needs a file and a slug of its own, which `new` makes from another title. The
# hint said to "add a line 'slug: ...'", to a file that `new` had not written.
_TAKEN_HINT = (
    "edit that file; for another article with the same title, run new again with the "
    'title told apart (new "{title} (2)"), then write the title back in the new file: '
    "its slug: line keeps its own address"
)
_PAGE_TAKEN_HINT = (
    "edit that file, or run new --page with another title: a page's address is its file's name"
)


def write_new(article: ArticleFile, page: bool = False) -> None:
    """Create the file; raises BuildFailed rather than overwrite one that exists.
    ``page``: the file is a standalone page's (new --page), for the hint."""
    try:
        article.path.parent.mkdir(parents=True, exist_ok=True)
        written = write_whole(article.path, article.text)
    except FileExistsError:  # a file where a folder of the path must be
        raise _unwritable(article.path, "a file is in the way of its folder") from None
    except OSError as exc:  # a read-only folder, a full disk, a name too long
        raise _unwritable(article.path, exc.strerror or str(exc)) from None
    if not written:
        raise BuildFailed(
            [
                Problem(
                    article.path,
                    "this file already exists; nothing was written",
                    _PAGE_TAKEN_HINT if page else _TAKEN_HINT.format(title=_title_of(article)),
                )
            ]
        )


def _title_of(article: ArticleFile) -> str:
    """The title `new` wrote in ``article`` (its first front-matter line)."""
    line = article.text.split("\n", 2)[1]
    return str(yaml.load(line, Loader=FrontMatterLoader)["title"]).replace('"', '\\"')


def write_whole(target: Path, text: str) -> bool:
    """Write a new file whole or not at all, never over one that exists (False then): a
    full disk or an interrupted `new` or `import` leaves no half (or empty) article, which
    would stop every build and be "already there" to the next try."""
    part = part_of(target)
    try:
        with part.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        try:
            os.link(part, target)
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links
            if target.exists():
                return False
            os.replace(part, target)
        return True
    finally:
        part.unlink(missing_ok=True)


def _unwritable(path: Path, why: str) -> BuildFailed:
    return BuildFailed(
        [
            Problem(
                path,
                f"cannot be written: {why}",
                "check the content folder: that you may write in it, that no file there "
                "has the name of a year or month folder, and that the disk is not full",
            )
        ]
    )


def new_article(
    config: SiteConfig, title: str, category: str | None = None, typed_date: str | None = None
) -> ArticleFile:
    """The file `new` writes; raises BuildFailed when the title cannot make one, or
    the content folder cannot hold it (whether `new` may write there at all,
    check_content_folder, is the command's to ask first). ``typed_date``: --date as
    the editor typed it, which the command has found to be a date, written so (a day
    without a time shows no hour, as in the front matter); without it, now."""
    category = config.default_category if category is None else _one_line(category)
    title, slug = _title_and_slug(config, title, {"category": category})
    tz = config.timezone
    typed = typed_date.strip() if typed_date else ""
    published = (parse_date(typed, tz) if typed else datetime.now(tz)).astimezone(tz)
    published = published.replace(second=0, microsecond=0)
    fields = {
        "title": title,
        "date": typed or format_date(published),
        "slug": slug,
        "category": category,
    }
    body = str(load_strings(config.templates_dir).get("new_article_body", ""))
    path = content_path(config, published, slug)
    text = article_text(fields, body)
    errors = check_article(path, text, config)
    if errors:
        raise BuildFailed([_as_typed(problem, text, config) for problem in errors])
    return ArticleFile(path, text)


def category_like_others(config: SiteConfig, made: ArticleFile) -> list[Problem]:
    """The build's warnings when the category of the article `new` wrote (``made``) is
    no other article's but is spelt almost as one that others have
    (taxonomy.categories_like_others), or is theirs in other punctuation
    (taxonomy.punctuation_merged): said at once, not at the next build, as a typo is
    likely then, and at this article, though older ones may be spelt so too."""
    listed = oldest_first(a for a in readable_articles(config) if a.listed)
    terms = taxonomy.categories(taxonomy.named_alike(listed))
    return [
        *(p for p in taxonomy.categories_like_others(terms) if p.path == made.path),
        *taxonomy.punctuation_merged(listed, str(made.path)),  # (it has no tags)
    ]


def _as_typed(problem: Problem, text: str, config: SiteConfig) -> Problem:
    """A problem of the file `new` did not write is one of what was typed: said of the
    content folder, as the title's are, and not at a line of a file that is not there."""
    lines = text.split("\n")
    key = lines[problem.line - 1].split(":")[0] if problem.line else ""
    hint = f"{problem.hint} (in --category)" if key == "category" else problem.hint
    return replace(problem, path=config.content_dir, hint=hint, line=None, column=None)


def new_page(config: SiteConfig, title: str) -> ArticleFile:
    """The file `new --page` writes: content/pages/<slug>.md, an about or contact page,
    with its title and the placeholder text; raises BuildFailed as new_article does."""
    title, slug = _title_and_slug(config, title, {})
    path = config.content_dir / PAGES_FOLDER / f"{slug}.md"
    not_portable = windows_problem(path, published=False)
    if not_portable is not None:  # its address is its file's name: no other name will do
        raise BuildFailed([replace(not_portable, warning=False, hint=_ANOTHER_TITLE)])
    body = str(load_strings(config.templates_dir).get("new_article_body", ""))
    text = article_text({"title": title}, body)
    try:
        validate_page(split_front_matter(path, text), slug)  # e.g. "Tìm kiếm": the search's
    except BuildFailed as failed:
        # The build's hint for an address the site takes is to rename the file, which
        # `new` has not written: the title is what to change.
        raise BuildFailed(
            [
                replace(problem, hint=_ANOTHER_TITLE)
                if problem.hint.startswith("rename ")
                else problem
                for problem in failed.errors
            ]
        ) from None
    return ArticleFile(path, text)


_ANOTHER_TITLE = "give the page another title (its file's name is its address)"


def _title_and_slug(config: SiteConfig, typed: str, others: dict[str, str]) -> tuple[str, str]:
    """The title as typed, on one line, and the slug it gives; raises BuildFailed for
    a title (or one of ``others``, typed with it) holding a control character, or one
    that gives an empty address."""
    title = _one_line(typed)
    if not title:  # new "" (a variable in a script left empty): not "'' gives no address"
        raise BuildFailed(
            [
                Problem(
                    config.content_dir,
                    "the title is empty",
                    'give the title in quotes, e.g. "Tin tức phường Bạch Đằng"',
                )
            ]
        )
    refused = _invisible(config, {"title": title, **others})
    if refused:
        raise BuildFailed(refused)
    slug = slugify(title)
    if not slug:
        raise BuildFailed(
            [
                Problem(
                    config.content_dir,
                    f"the title {title!r} gives an empty web address",
                    'give a title with letters or digits, e.g. "Tin tức phường Bạch Đằng"',
                )
            ]
        )
    return title, slug


# Spaces and line breaks, not the control characters Python's split() counts as space
# too (U+000B, Word's Shift+Enter, became a space unsaid; the README says it is refused).
_SPACES = re.compile(r"[^\S\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")


def _one_line(typed: str) -> str:
    """A title or category as typed or pasted: spaces and line breaks collapsed, in NFC."""
    return unicodedata.normalize("NFC", _SPACES.sub(" ", typed).strip())


def _invisible(config: SiteConfig, given: dict[str, str]) -> list[Problem]:
    """A title or category typed with a control character no page may hold (pasted
    from a document, \x01 from a script): refused, as the build would refuse it."""
    errors = []
    for name, value in given.items():
        char = invisible_character(value)
        if "\udc80" <= char <= "\udcff":  # a byte of a command line that is not UTF-8
            errors.append(
                Problem(
                    config.content_dir,
                    f"the {name} is not UTF-8 text (it holds the byte 0x{ord(char) - 0xDC00:02X})",
                    f"type the {name} again in a terminal set to UTF-8",
                )
            )
        elif char:
            errors.append(
                Problem(
                    config.content_dir,
                    f"the {name} holds the invisible control character {describe_character(char)}",
                    f"type the {name} again without it",
                )
            )
    return errors


def _yaml_text(key: str, value: str) -> str:
    """The value as written in YAML: plain when that reads back the same, else quoted."""
    # A JSON string is a valid YAML double-quoted scalar.
    return (
        json.dumps(value, ensure_ascii=False) if key in _ALWAYS_QUOTED else as_front_matter(value)
    )
