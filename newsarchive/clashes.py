"""After planning: files of the site that would be written to one place, or need a
folder where a file is (or the reverse): pages, old addresses, static files, and the
search index the build writes later."""

import unicodedata
from pathlib import Path, PurePosixPath

from . import urls
from .content import RenamedTerm
from .errors import Problem, line_of, shown, twin_note
from .pagedata import RedirectData, StandaloneData
from .plan import Page, SitePlan, folders_of, parent_folders


def check_files(
    plan: SitePlan, statics: dict[PurePosixPath, Path], bundle: PurePosixPath
) -> list[Problem]:
    """Files that would overwrite each other, or need a folder where a file is (or
    the reverse): static files, pages, and the search index, which is written later
    into the folder ``bundle``."""
    errors = [
        Problem(
            source,
            f"the static file {shown(source)} would be overwritten by the search index in "
            f"/{bundle}/",
            f"rename or move the folder {bundle}/ in the static folder",
        )
        for path, source in statics.items()
        if path.is_relative_to(bundle)
    ]
    by_text = {path.as_posix(): path for path in statics}
    pages = {urls.output_file(page.url): page for page in plan.pages}
    page_folders = folders_of(pages)
    inside = f"{bundle}/"
    # An old address /css/site.css is the folder css/site.css/ (urls.alias_url).
    alias_folders = {
        rel.removesuffix("/index.html"): page
        for rel, page in pages.items()
        if isinstance(page.data, RedirectData) and rel.endswith("/index.html")
    }
    errors += [
        _page_clash(plan, page, statics[by_text[rel]] if rel in by_text else None, rel, bundle)
        for rel, page in pages.items()
        if rel in by_text or rel.startswith(inside)
    ]
    errors += [
        _page_clash(plan, page, statics[by_text[folder]], folder, bundle)
        for folder, page in alias_folders.items()
        if folder in by_text
    ]
    errors.extend(
        Problem(
            source,
            f"the static file {shown(source)} is where the site needs the folder /{path}/"
            if path.as_posix() in page_folders
            else f"the static file {shown(source)} needs a folder where the site writes a page "
            f"(/{next(f for f in parent_folders(path.as_posix()) if f in pages)})",
            "rename or move the static file",
        )
        for path, source in statics.items()
        if path.as_posix() not in alias_folders
        and (
            path.as_posix() in page_folders
            or any(f in pages for f in parent_folders(path.as_posix()))
        )
    )
    sources = {rel: statics[path] for rel, path in by_text.items()}
    return errors + _apart_only_in_case(pages, sources)


def _apart_only_in_case(pages: dict[str, Page], statics: dict[str, Path]) -> list[Problem]:
    """Old addresses (aliases) and static files that differ from a page (or an alias from
    a static file) only in letter case or in how their letters are put together (NFC,
    NFD): one file on macOS and Windows, where one would replace the other. An article's
    own redirects are the same page; two static files are portablenames' to warn of."""
    seen: dict[str, tuple[str, Page | str, bool]] = {}
    errors = []
    entries: list[tuple[str, Page | str, bool]] = [
        *((rel, page, False) for rel, page in pages.items()),
        *((rel, rel, False) for rel in statics),
        # The folders an old address makes (/FEED.XML is FEED.XML/index.html, as for
        # urls.alias_url) are where a file of that name would be.
        *(
            (folder, page, True)
            for rel, page in pages.items()
            if isinstance(page.data, RedirectData)
            for folder in parent_folders(rel)
        ),
    ]
    for rel, page, folder in entries:
        key = unicodedata.normalize("NFC", rel).casefold()
        first, other, first_folder = seen.setdefault(key, (rel, page, folder))
        if first == rel or (folder and first_folder):  # itself, the same name, two folders
            continue
        mine, theirs = (x.data if isinstance(x, Page) else None for x in (page, other))
        aliases = [d for d in (mine, theirs) if isinstance(d, RedirectData)]
        if not aliases:  # pages' own addresses are lower case; static files are as named
            if isinstance(page, str) != isinstance(other, str) and not folder:
                errors.append(_static_apart_in_case(page, other, statics))
            continue
        if len(aliases) == 2 and aliases[0].target is aliases[1].target:
            continue
        # The message is the alias's file's (its `aliases` line); it names the other
        # file with its line too, which the editor had to search the archive for.
        alias, there = (page, other) if isinstance(mine, RedirectData) else (other, page)
        assert isinstance(alias, Page) and isinstance(alias.data, RedirectData)
        target = alias.data.target
        errors.append(
            Problem(
                Path(target.path),
                f"the old address /{alias.url} and {_named(there, target.path)} differ only "
                "in letter case (or in the Unicode form of their letters): on macOS and "
                "Windows they are one file, and one would replace the other",
                "remove or change one of the two old addresses"
                if len(aliases) == 2
                else "remove or change the old address",
                target.key_lines.get("aliases"),
            )
        )
    return errors


def _named(entry: Page | str, this: str) -> str:
    """The other address of a clash in letter case, with the file and line it comes
    from: an alias's `aliases` line, the line of an article's slug (or title, which
    makes its address); told apart from ``this``, the file the message is at."""
    if isinstance(entry, str):
        return f"the static file /{entry}"
    if isinstance(entry.data, RedirectData):
        target = entry.data.target
        line = target.key_lines.get("aliases")
        return (
            f"the old address /{entry.url} of {shown(target.path)}"
            + (f":{line}" if line else "")
            + twin_note(target.path, this)
        )
    source = entry.source()
    if source is None:
        return f"the page /{entry.url}"
    line = line_of(Path(source), "slug:") or line_of(Path(source), "title:")
    kind = "page" if isinstance(entry.data, StandaloneData) else "article"
    return (
        f"the address /{entry.url} of the {kind} {shown(source)}"
        + (f":{line}" if line else "")
        + twin_note(source, this)
    )


def _page_clash(
    plan: SitePlan, page: Page, static: Path | None, at: str, bundle: PurePosixPath
) -> Problem:
    """A page that a static file (at ``at`` in the site) would overwrite, or that lies in
    the search index's folder."""
    redirect_to = page.data.target if isinstance(page.data, RedirectData) else None
    source = redirect_to.path if redirect_to else page.source()
    line = redirect_to.key_lines.get("aliases") if redirect_to else None
    if static is not None:
        # Where the static file is: the page's file, or the folder an old address
        # /css/site.css needs (urls.alias_url), said then as the alias writes it.
        address = page.url if at == urls.output_file(page.url) else page.url.removesuffix("/")
        made = shown(plan.config.templates_dir / page.template)
        return Problem(
            Path(source) if source else static,
            f"the page /{address} and the static file {shown(static)} would both be written to "
            f"{at}",
            f"delete the line of {redirect_to.setting}, or rename or move the static file"
            if isinstance(redirect_to, RenamedTerm)
            else "change the alias"
            if redirect_to
            else "rename the page's file, or rename or move the static file"
            if isinstance(page.data, StandaloneData)
            else "rename or move the static file"
            if page.article is not None
            # static/404.html, static/robots.txt: a maintainer's own version of a page
            # the build makes from a template.
            else f"the site makes this page from {made}: to change it, change {made} "
            "and delete the static file (or rename or move the static file)",
            line,
        )
    return Problem(
        Path(source) if source else plan.config.templates_dir,
        f"the page /{page.url} would be inside /{bundle}/, the search index's folder, "
        "which the build writes itself",
        "remove or change the alias" if redirect_to else "change its address",
        line,
    )


def _static_apart_in_case(one: Page | str, two: Page | str, statics: dict[str, Path]) -> Problem:
    """A static file whose name differs from a page's only in letter case: static/Feed.xml
    beside the feed, which on macOS and Windows the one written last replaced."""
    page, static = (one, two) if isinstance(one, Page) else (two, one)
    assert isinstance(page, Page) and isinstance(static, str)
    return Problem(
        statics[static],
        f"/{page.url} and the static file /{static} differ only in letter case (or "
        "in the Unicode form of their letters): on macOS and Windows they are one file, and "
        "one would replace the other",
        "rename or move the static file",
    )
