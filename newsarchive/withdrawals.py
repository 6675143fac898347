"""What a takedown leaves to the editor, checked on every build: the text a withdrawn
article's file still holds (the site shows none of it, but the file is public in the git
repository), and the files of the static folder that only withdrawn articles link to
(still published). Warnings that name what to delete (errors with `--strict`): the build
never deletes a source file itself."""

from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

from . import urls
from .bodylinks import Lines, Links
from .content import Article, Standalone
from .errors import Problem
from .frontmatter import front_matter_of
from .markup import SITE


def leftovers(
    withdrawn: Sequence[Article],
    shown: Sequence[Article | Standalone],
    links: Mapping[str, Links],
    statics: Mapping[PurePosixPath, Path],
    static_folder: str = "static",
) -> list[Problem]:
    """``withdrawn``: the articles taken down, newest first; ``shown``: the articles and
    standalone pages on the site; ``links``: the marked links of their bodies, by digest
    (render.links_in_bodies); ``statics``: the static folder's files by site path;
    ``static_folder``: that folder as the editor knows it."""
    left = with_text(withdrawn)[::-1]  # oldest first
    if not left:
        return []
    files = {rel.as_posix() for rel in statics}
    kept = {f for page in shown for f in _linked(page, links, files)}
    problems, named = [], set()
    for article in left:
        linked = _linked(article, links, files)
        mine = [f for f in linked if f not in kept and f not in named]
        named.update(mine)
        problems.append(_text_left(article, bool(mine)))
        where = Lines(Path(article.path))
        for file in mine:  # in the body's order, as Lines reads it
            decoded, serialised = linked[file]
            problems.append(
                Problem(
                    Path(article.path),
                    f"{static_folder}/{file} is shown only by withdrawn articles (this one "
                    f"links to it here): it is still published at /{file}",
                    f"delete {static_folder}/{file} (the build never deletes your files), "
                    "unless a template of the site shows it",
                    *where.place(serialised, decoded),
                    warning=True,
                )
            )
    return problems


def with_text(withdrawn: Sequence[Article]) -> list[Article]:
    """The withdrawn articles whose files still hold their text, in the order given."""
    return [a for a in withdrawn if a.withdrawn and not a.empty]


def _linked(
    page: Article | Standalone, links: Mapping[str, Links], files: set[str]
) -> dict[str, tuple[str, str]]:
    """The static files a body links to, each with the first link to it (as written, as
    serialised), in the body's order."""
    url = page.url if isinstance(page, Standalone) else urls.article_url(page)
    found: dict[str, tuple[str, str]] = {}
    for kind, decoded, serialised in links.get(page.body_digest, ()):
        if kind == SITE:
            file = urls.body_link_file(url, decoded)
            if file in files:
                found.setdefault(file, (decoded, serialised))
    return found


def _text_left(article: Article, files: bool) -> Problem:
    also = (
        "; then delete the files of the static folder that the next warnings name, which "
        "only withdrawn articles show"
        if files
        else ""
    )
    return Problem(
        Path(article.path),
        "the article is withdrawn, but its file still holds its text: the site shows "
        "none of it, yet the file is public in the git repository",
        "delete the text below the front matter's closing '---' (keep the front matter: "
        f"its address then tells readers that the article was withdrawn){also}",
        _first_text_line(Path(article.path)),
        warning=True,
    )


def _first_text_line(path: Path) -> int | None:
    """The line of the first text below the front matter (read again: rare)."""
    front, body = front_matter_of(path)
    if body is None:
        return None
    for n, line in enumerate(body.split("\n"), len(front) + 1):
        if line.strip():
            return n
    return None
