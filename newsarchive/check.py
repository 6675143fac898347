"""`check`: a built site folder is whole — links resolve, ids are unique, XML parses.

Also: a page that is empty, a meta-refresh (alias page) target, a `url()` in a
style sheet, and the search index that the search page loads.

Works on plain files, so it checks any build (ours in a temporary folder, or the
`_site/` a workflow is about to deploy). A link is internal when it is relative,
an absolute path under the base URL's path (what a 404 page must use), or a full
address starting with the base URL (canonical links, feeds, sitemap).

`checked` does the command's work around it: the site planned and built into a
temporary folder (or one given), the build's and the templates' warnings, then
check_site; cli.py prints what it returns.
"""

import fnmatch
import functools
import gc
import itertools
import os
import posixpath
import re
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import heldlinks, statics, urls, workers
from .bodylinks import MISSING_HINT, Lines, Meant, from_root_hint, leads_nowhere
from .config import SiteConfig, unnamed_portal
from .errors import Problem, place_of, shown
from .heldlinks import Held
from .httracknames import httrack_named, portal_address
from .limits import FILE_LIMIT, MB, SITE_LIMIT, TOO_BIG_HINT
from .pagelinks import (
    NO_FILE,
    OUTSIDE_BASE,
    ReadPage,
    Resolver,
    css_link_places,
    css_links,
    from_root,
    read_page,
)
from .pipeline import build, plan
from .search.engine import search_index_problems
from .svgsafety import Unreadable, inert
from .templatelinks import (
    FIX_TEMPLATE,
    Found,
    FoundIds,
    as_attribute,
    found_again,
    ids_written,
    template_id_problems,
    template_link_problems,
    written_in,
)
from .templatesyntax import broken_templates, stray_marks
from .unused import unshown_text, unused_words, words_lacking

XML_LINK_TAGS = ("loc", "link", "guid")
XML_LINK_ATTRIBUTES = ("href", "url")
FIX_LINK = "correct the address, or remove the link"
SITE_TOO_BIG_HINT = (
    "move the largest files of static/media to a host for large files (a GitHub release, "
    "an Internet Archive item) and link to them there"
)
PAGE_SUFFIXES = (".html", ".xml", ".js")
# docs/performance.md, "Real articles' size": 13 KB an imported article, index included.
PAGES_TOO_BIG_HINT = (
    "the pages and the search index alone are over 1 GB (an imported article takes some "
    "13 KB: about 75,000 articles fit): publish the site on a host without this limit, "
    "or split the archive into two sites, e.g. by years"
)
FIX_SVG = (
    "open it in a text editor and delete what the brackets name: each element whole "
    '(<script>...</script>), each attribute (onload="..."), each address (href="javascript:'
    '..."); the picture looks the same without them (import leaves them out of the '
    "pictures it copies)"
)
FIX_BROKEN_SVG = "save the picture again from a drawing program, or delete it"


PAGE_BATCH = 256
MIN_PARALLEL_PAGES = 1000


def read_pages(root: Path, rels: list[str], jobs: int = 1) -> dict[str, ReadPage]:
    """Each page's ids and links, in the order of ``rels``. html.parser took 6.6 s of a
    check's 10 s of CPU at 10,000 articles: on all cores when there are many pages."""
    read = functools.partial(_read_batch, root)
    # The planned site stays out of forked workers' garbage collections, which would copy
    # every page of memory it is on (at 100,000 articles the workers took twice the CPU).
    gc.freeze()
    try:
        results = workers.map_batches(read, rels, PAGE_BATCH, jobs, MIN_PARALLEL_PAGES)
        return dict(zip(rels, itertools.chain.from_iterable(results), strict=True))
    finally:
        gc.unfreeze()


def _read_batch(root: Path, rels: list[str]) -> list[ReadPage]:
    return [read_page((root / rel).read_text(encoding="utf-8", errors="replace")) for rel in rels]


def _files(root: Path) -> tuple[set[str], list[Problem]]:
    """The files below ``root`` (relative paths), and a problem for each folder that
    cannot be read (a link to a folder of another user's, say): checked, not crashed."""
    problems: list[Problem] = []

    def unreadable(exc: OSError) -> None:
        problems.append(
            Problem(
                Path(exc.filename),
                f"this cannot be read: {exc.strerror}",
                "remove it from the site's folder, or make it readable",
            )
        )

    files = set()
    for folder, _, names in os.walk(root, onerror=unreadable):
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                files.add(Path(path).relative_to(root).as_posix())
    return files, problems


def checked(
    config: SiteConfig, built: Path | None, jobs: int, static_folder: str
) -> tuple[list[Problem], tuple[Problem, ...], int, int]:
    """`check`'s work, with ``jobs`` processes: what check_site found in the site (built
    here from ``config``, or the folder ``built``), the warnings of the build and of the
    templates, and how many articles and files it checked. ``static_folder``: the static
    folder as the editor knows it (check_site's)."""
    site = plan(config, jobs)  # the build's own validation, with the build's messages
    sources = {
        urls.output_file(page.url): Path(source)
        for page in site.pages
        if (source := page.source()) is not None
    }
    # A site built here, in a folder deleted after: its pages are named by their
    # templates. A --built folder may come from other templates: its own files, but for
    # a link that the template which would make the page writes (check_site's guessed).
    templates = {
        urls.output_file(page.url): config.templates_dir / page.template for page in site.pages
    }
    copied = (
        {rel.as_posix(): path for rel, path in statics.static_files(config).files.items()}
        if built is None
        else {}
    )
    # The pages were needed for the maps above only: their memory goes to the pages
    # read next (80 MiB at 100,000 articles).
    articles, drafts = site.articles, site.drafts
    # The old portal's pages the archive holds: links to them were led there.
    held = heldlinks.held([*articles, *site.withdrawn, *site.standalone], config.original_hosts)
    del site
    with tempfile.TemporaryDirectory(prefix="newsarchive-check-") as scratch:
        folder = built.resolve() if built else Path(scratch) / "site"
        # The build's own warnings (a withdrawn article's text left in its file, a
        # refused link address) are the editor's to know before publishing too; a link
        # that leads nowhere check finds itself, as an error.
        noted: tuple[Problem, ...] = ()
        if built is None:
            result = build(config.with_overrides(output_dir=folder), jobs, cache=False)
            noted = tuple(w for w in result.warnings if not leads_nowhere(w) and not found_again(w))
        # A misspelt key in strings.yaml, a template without the text, a broken one no
        # page uses, a word no page has asked yet (here only: a build's time is counted).
        noted += (*unused_words(config.templates_dir), *unshown_text(config.templates_dir))
        noted += tuple(words_lacking(config.templates_dir))
        noted += tuple(broken_templates(config.templates_dir))
        noted += tuple(stray_marks(config.templates_dir))
        noted += tuple(unnamed_portal(config, (article.source_url for article in articles)))
        meant = Meant(
            [*articles, *drafts], config.content_dir, (), config.static_dir, config.base_url
        )
        hosts = config.original_hosts
        found = check_site(
            folder,
            config.base_url,
            sources,
            hosts,
            templates if built is None else {},
            copied,
            meant,
            jobs,
            static_folder,
            len(articles),
            held,
            guessed=templates if built is not None else None,
        )
        # A count for the editor when all is well: the names of the files, not a stat of
        # each (4 s at 100,000 articles); not of a folder that is no site (`--built /`).
        failed = any(not problem.warning for problem in found)
        files = 0 if failed else sum(len(names) for _, _, names in os.walk(folder))
    return found, noted, len(articles), files


def check_site(
    root: Path,
    base_url: str,
    sources: Mapping[str, Path] | None = None,
    old_hosts: tuple[str, ...] = (),
    templates: Mapping[str, Path] | None = None,
    copied: Mapping[str, Path] | None = None,
    meant: Meant | None = None,
    jobs: int = 1,
    static_folder: str = "static",
    articles: int | None = None,
    held: Held | None = None,
    guessed: Mapping[str, Path] | None = None,
) -> list[Problem]:
    """Every problem in the built site at ``root``, its pages read with ``jobs`` processes.

    ``sources`` maps a page's file (e.g. "2019/04/slug/index.html") to the article it
    was made from, so a broken link in an article is reported against that file;
    ``templates`` maps it to the template that made it (when ``root`` was just built from
    it), so a broken link in no article's text is reported against that template;
    ``copied`` maps a file copied from the static folder to that folder's file.
    ``meant`` guesses what a broken link in an article meant, as the build does.
    A link to one of ``old_hosts`` (the portal the archive replaces) is a warning: it
    works only while the old portal is up; with the archive served at that host
    (``base_url``'s), only one the archive does not answer is. ``static_folder``: the
    static folder as the editor knows it, where a template's missing file belongs.
    ``articles``: how many the site lists, when known: none (all withdrawn, their
    addresses answering with a notice) means no search index, although pages are at
    articles' addresses.
    ``held``: the old portal's pages the archive holds, which the build linked to the
    archive's copy (heldlinks.py): such a link is found in the article as written.
    ``guessed``: for a site built elsewhere (``templates`` empty), the template that
    would make each page now: a broken link in no article's text that it writes is said
    once, at its line, not at each page (a missing style sheet, on every page).
    """
    sources, templates = sources or {}, templates or {}
    # What a problem in a file names: the article or template it was made from, or the
    # file itself (when ``root`` is a site built elsewhere, or a static file was copied).
    made_from = {**(copied or {}), **templates, **sources}
    not_a_site = _not_a_site(root)
    if not_a_site:  # `--built /`, a home folder: each of its files would be read and said
        return not_a_site
    files, problems = _files(root)
    if elsewhere := _built_for_another(root, files, base_url):
        return problems + elsewhere  # each of its links would be said again, wrongly
    pages = read_pages(root, sorted(rel for rel in files if rel.endswith(".html")), jobs)
    resolver = Resolver(base_url, files, pages)
    if meant is not None:
        meant.seeing(files)
    problems += _search_index_problems(root, files, articles)
    base = urls.base_path(base_url)
    page_check = _PageCheck(
        root, made_from, sources, templates, resolver, base, old_hosts, meant, held, guessed or {}
    )
    for rel, page in pages.items():
        problems += page_check.problems(rel, page)
    problems += template_link_problems(page_check.in_templates, base, files, static_folder)
    problems += page_check.guessed_problems(files, static_folder)
    problems += template_id_problems(page_check.ids_in_templates)
    problems += _size_problems(root, files)
    problems += _style_sheet_problems(root, files, resolver, made_from)
    problems += _xml_problems(root, files, resolver, templates, copied or {})
    problems += _picture_problems(root, files, made_from)
    return problems


def _not_a_site(root: Path) -> list[Problem]:
    """An error when ``root`` lacks what every build writes (check --built DIR)."""
    always = (urls.home_url(), urls.not_found_url(), urls.robots_url())
    missing = [rel for rel in map(urls.output_file, always) if not (root / rel).is_file()]
    if not missing:
        return []
    return [
        Problem(
            root,
            f"this folder is not a site built by newsarchive: it has no {', '.join(missing)}",
            "build the site first (python3 build.py) and check its output folder, "
            "e.g. python3 build.py check --built _site",
        )
    ]


def _built_for_another(root: Path, files: set[str], base_url: str) -> list[Problem]:
    """An error when the site at ``root`` was built for another address than ``base_url``
    (its robots.txt names its sitemap under it): `check --built _site --base-url B` of a
    site built for A said every link wrong, one by one, and not why."""
    robots = urls.output_file(urls.robots_url())
    if robots not in files:
        return []
    try:
        text = (root / robots).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    said = re.search(r"(?im)^sitemap:\s*(\S+)", text)
    sitemap = urls.absolute_url(base_url, urls.sitemap_url())
    if said is None or said[1] == sitemap or not said[1].endswith("/" + urls.sitemap_url()):
        return []
    built_for = said[1].removesuffix(urls.sitemap_url())
    return [
        Problem(
            root / robots,
            f"this site was built for {built_for}, not for {base_url}, the address "
            "check was given: every link would be checked against the wrong address",
            f"build it again for {base_url} (python3 build.py --base-url {base_url}), "
            f"or check it for the address it was built for (--base-url {built_for})",
        )
    ]


def _search_index_problems(root: Path, files: set[str], articles: int | None) -> list[Problem]:
    """What is wrong with the search index that the search page loads."""
    # With no article there is no index, and the search page says it cannot search.
    if articles == 0 or not any(fnmatch.fnmatchcase(f, urls.article_glob()) for f in files):
        return []
    index = urls.search_bundle_url()
    return [
        Problem(
            root / index,
            f"the search index in /{index} is {problem}",
            "build the site again without --no-search (the search index is made after the pages)",
        )
        for problem in search_index_problems(root / index)
    ]


@dataclass
class _PageCheck:
    """The problems of each page of the site, in turn. A broken link a template wrote is
    gathered in ``in_templates`` instead, to be said once (template_link_problems): on every
    page its template makes, a line a page buried the rest. By address from the root,
    as url() writes one differently a folder deeper."""

    root: Path
    made_from: Mapping[str, Path]
    sources: Mapping[str, Path]
    templates: Mapping[str, Path]
    resolver: Resolver
    base: str
    old_hosts: tuple[str, ...]
    meant: Meant | None
    held: Held | None
    guessed: Mapping[str, Path]  # check_site's
    read: dict[Path, Lines] = field(default_factory=dict)  # articles whose lines were looked up
    in_templates: Found = field(default_factory=dict)
    # The broken links of pages of a site built elsewhere that no article's text holds,
    # as in_templates, by the template that would make the page now; and each problem as
    # a page's own, said when that template does not write the link.
    in_guessed: dict[tuple[Path, str, str], tuple[set[str], list[str], list[Problem]]] = field(
        default_factory=dict
    )
    # An id the templates write twice, said once at their lines (template_id_problems).
    ids_in_templates: FoundIds = field(default_factory=dict)

    def problems(self, rel: str, page: ReadPage) -> list[Problem]:
        where = self.made_from.get(rel, self.root / rel)
        context = f"in the page /{urls.file_url(rel)}" if rel in self.sources else ""
        # In this order: an article's lines are looked up one occurrence after the other.
        return [
            *_empty(where, rel, page),
            *self._duplicate_ids(rel, page, where, context),
            *self._broken_links(rel, page, where, context),
            *self._old_portal_links(rel, page, where, context),
        ]

    def _duplicate_ids(self, rel: str, page: ReadPage, where: Path, context: str) -> list[Problem]:
        """The ids the page has twice; one its templates write twice is gathered in
        ``ids_in_templates`` instead (it was said at every article, to reword a heading)."""
        problems = []
        for element_id in page.duplicate_ids:
            places = ids_written(self.templates[rel], element_id) if rel in self.templates else ()
            if len(places) > 1:
                self.ids_in_templates.setdefault((places, element_id), []).append(rel)
            elif rel in self.sources:
                problems.append(self._id_in_article(where, context, element_id))
            else:
                problems += _duplicate_id(where, context, element_id)
        return problems

    def _id_in_article(self, where: Path, context: str, element_id: str) -> Problem:
        """An id an article's page has twice, said where the article writes it: the
        second of two, or its one (the template or a heading gives the page the other)."""
        if where not in self.read:
            self.read[where] = Lines(where)
        places = self.read[where].ids(element_id)
        (problem,) = _duplicate_id(where, context, element_id)
        if not places:
            return problem
        if len(places) > 1:
            hint = (
                f'give each element its own id: the article writes id="{element_id}" at '
                f"line {places[0][0]} too"
            )
        else:
            hint = (
                "another element of the page has this id (the template's, or a heading's, "
                "made from its words): give this one another id, or remove it"
            )
        line, column = places[min(1, len(places) - 1)]
        return replace(problem, hint=hint, line=line, column=column)

    def _broken_links(self, rel: str, page: ReadPage, where: Path, context: str) -> list[Problem]:
        problems = []
        for link in page.links:
            problem = self.resolver.problem(rel, link)
            if not problem:
                continue
            written = (
                _written_as(self.sources[rel], rel, link, self.held) if rel in self.sources else []
            )
            if _host(link) in self.old_hosts and (written or link not in page.followed):
                # The archive served at the old portal's domain: the portal's address in
                # an article is said as with any base_url (_old_portal_links, a warning),
                # and a record of one ("Bài gốc", rel="nofollow") is not checked, as with
                # any base_url (a query one, answered by no static host, is no error).
                continue
            if written:
                problems.append(self._in_article(rel, link, problem, where, context, written))
            elif rel in self.templates:  # a template made it: name the template
                key = (self.templates[rel], from_root(rel, link, self.base), problem)
                spellings, on = self.in_templates.setdefault(key, (set(), []))
                spellings.add(link)
                on.append(rel)
            else:
                problems += self._in_page(rel, link, problem, where)
        return problems

    def _in_page(self, rel: str, link: str, problem: str, where: Path) -> list[Problem]:
        """A broken link of no article's text and no known template: the page's own file
        says it, or (a site built elsewhere) the template that would make the page, once
        (guessed_problems)."""
        if rel in self.sources:  # not in the article's text: the page's own file says it
            said = Problem(self.root / rel, f"the link {link!r} {problem}", FIX_TEMPLATE)
        else:
            said = Problem(where, f"the link {link!r} {problem}", FIX_LINK)
        if rel not in self.guessed:
            return [said]
        key = (self.guessed[rel], from_root(rel, link, self.base), problem)
        spellings, on, each = self.in_guessed.setdefault(key, (set(), [], []))
        spellings.add(link)
        on.append(rel)
        each.append(said)
        return []

    def guessed_problems(self, files: set[str], static_folder: str) -> list[Problem]:
        """The links of in_guessed: each once at the one place its template writes it,
        with the pages it is on; else at each page, as a site's own files say them."""
        found: Found = {}
        each_page = []
        for (template, address, problem), (spellings, on, each) in self.in_guessed.items():
            if len(written_in(template, spellings, address, problem == NO_FILE)) == 1:
                found[template, address, problem] = (spellings, on)
            else:
                each_page += each
        return each_page + template_link_problems(found, self.base, files, static_folder)

    def _in_article(
        self, rel: str, link: str, problem: str, where: Path, context: str, written: list[str]
    ) -> Problem:
        """The broken ``link`` of the page ``rel``, said as the article ``where`` has it
        (``written``), as the build's warning says it; an old portal's address the build
        linked here is said as the page has it. One from the root is the article's raw
        HTML (the build rewrites Markdown's): said at its attribute."""
        said = link if "://" in written[0] else written[0]
        message = f"{context}: the link {said!r} {problem}"
        hint = (self.meant.hint(str(where), written[0]) if self.meant else "") or (
            MISSING_HINT if problem == NO_FILE else FIX_LINK  # as the build says it
        )
        if not link.startswith("/") or link.startswith("//"):
            return Problem(where, message, hint, *_place(self.read, where, *written))
        if problem.startswith(OUTSIDE_BASE):
            # Whether the site has it, under its base path: its hint says so too.
            lacking = self.resolver.problem(rel, self.base + link.lstrip("/")) == NO_FILE
            url = urls.file_url(rel)
            hint = from_root_hint(url, link, self.resolver.base_url, hint if lacking else "")
        if where not in self.read:
            self.read[where] = Lines(where)
        return Problem(where, message, hint, *self.read[where].in_html(link))

    def _old_portal_links(
        self, rel: str, page: ReadPage, where: Path, context: str
    ) -> list[Problem]:
        """A warning for each link to the old portal, which works only while it is up."""
        problems = []
        for link in page.followed:
            if not self.old_hosts or _host(link) not in self.old_hosts:
                continue
            here = self._served_here(link)
            if here is not None and self._said_otherwise(rel, link, here):
                continue
            target = self.held.target(link) if self.held else None
            line, column = None, None
            if rel in self.sources:
                # The build linked the same address in Markdown to the archive's copy:
                # one left is in raw HTML (href="..."), which it keeps as written.
                line, column = _place(self.read, where, f'"{link}"') if target else (None, None)
                if column is not None:
                    column += 1  # the address, after its quote
                else:
                    line, column = _place(self.read, where, link)
            problems.append(
                Problem(
                    where,
                    f"{context + ': ' if context else ''}the link {link!r} "
                    + (GONE_HERE if here is not None else GONE),
                    self.resolver.held_here(rel, link, target) or _old_link_fix(link),
                    line,
                    column,
                    warning=True,
                )
            )
        return problems

    def _said_otherwise(self, rel: str, link: str, here: str) -> bool:
        """Whether a link to the old portal, the archive being served at its domain
        (``here``: the link there), is no warning: the archive answers it, or it is a
        template's own link that leads nowhere (_broken_links' error)."""
        if not self.resolver.problem(rel, here):
            return True
        return self.resolver.is_internal(link) and not (
            rel in self.sources and _written_as(self.sources[rel], rel, link)
        )

    def _served_here(self, link: str) -> str | None:
        """``link`` as the archive serves it when the archive is served at its host (the
        old portal's domain, README's "Archiving a portal"), whatever scheme or port it
        is written with; None when the archive is served elsewhere."""
        if _host(link) != _host(self.resolver.base_url):
            return None
        here = urls.at_base(link, self.resolver.base_url)
        return here if self.resolver.is_internal(here) else None


GONE = "leads to the old portal, which will go dark"
# The archive served at the old portal's domain in its place: the address is the archive's.
GONE_HERE = "leads to an address of the old portal that the archive, served there, does not hold"
FROM_A_CRAWL = (
    "import the file from a crawl that holds it (python3 build.py import: an article "
    "already there gets it where it still links this address), or link to a copy in the "
    "archive"
)
# A link an HTTrack mirror without its hts-cache/ left: no crawl holds the file there.
HTTRACK_NAMED = (
    "this is the name HTTrack gave the file (four letters of its query's MD5 before the "
    "ending), which the portal never had: import the mirror again with its hts-cache/ "
    "folder, which lists the portal's address (the import says which link to replace by "
    "it), or link to a copy in the archive"
)
# ... save where the name tells the address (httracknames.portal_address: a picture of
# Liferay's image servlet), which the archivist can write at once.
HTTRACK_TOLD = (
    "this is the name HTTrack gave the picture (four letters of its query's MD5 before "
    "the ending), which the portal never had, and the name tells the portal's address: "
    "write {address} instead (the Wayback Machine, web.archive.org, may hold the picture "
    "there), or link to a copy in the archive"
)


def _old_link_fix(link: str) -> str:
    """How to fix a link to the old portal that the archive holds nothing for."""
    if not httrack_named(link):
        return FROM_A_CRAWL
    address = portal_address(link)
    return HTTRACK_TOLD.format(address=address) if address else HTTRACK_NAMED


def _empty(where: Path, rel: str, page: ReadPage) -> list[Problem]:
    if not page.empty:
        return []
    return [
        Problem(
            where,
            f"the page /{rel} is empty",
            "build the site again; if it stays empty, check the template that makes this page",
        )
    ]


def _duplicate_id(where: Path, context: str, element_id: str) -> list[Problem]:
    return [
        Problem(
            where,
            f"{context + ': ' if context else ''}the id '{element_id}' is used "
            "more than once on the page",
            "give each heading or element its own id (two headings with the same "
            "text get the same id: reword one)",
        )
    ]


def _style_sheet_problems(
    root: Path, files: set[str], resolver: Resolver, made_from: Mapping[str, Path]
) -> list[Problem]:
    """The broken url() links of the site's style sheets."""
    problems = []
    for rel in sorted(f for f in files if f.endswith(".css")):
        css = (root / rel).read_text(encoding="utf-8", errors="replace")
        where = made_from.get(rel, root / rel)
        places: _CssPlaces | None = None  # read at the sheet's first problem
        for link in css_links(css):
            problem = resolver.problem(rel, link)
            if problem:
                places = places or _CssPlaces(where)
                # From the root (/img/x.svg) it works at no sub-path: said with the way that does.
                relative = urls.relative_url(rel, link) if link.startswith("/") else ""
                hint = FIX_LINK
                if relative and not link.startswith("//") and not resolver.problem(rel, relative):
                    hint = f"write it from the style sheet's own address: url({relative})"
                message = f"the style sheet link {link!r} {problem}"
                problems.append(Problem(where, message, hint, *places.next(link)))
    return problems


class _CssPlaces:
    """Where a style sheet writes its url() addresses: each asked for in turn is said at
    its next one (two of one missing file were both said at the first)."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            self.text = ""
        self.places = css_link_places(self.text)

    def next(self, link: str) -> tuple[int | None, int | None]:
        found = self.places.get(link)
        if not found:
            return place_of(self.path, link)
        at = found.pop(0) if len(found) > 1 else found[0]
        line = self.text.count("\n", 0, at)
        return line + 1, at - (self.text.rfind("\n", 0, at) + 1) + 1


def _xml_problems(
    root: Path,
    files: set[str],
    resolver: Resolver,
    templates: Mapping[str, Path],
    copied: Mapping[str, Path],
) -> list[Problem]:
    """What is wrong in the feeds and sitemaps, and in the XML files of the static
    folder (``copied``: named at their file there)."""
    return [
        problem
        for rel in sorted(f for f in files if f.endswith(".xml"))
        for problem in _check_xml(root / rel, rel, resolver, templates.get(rel), copied.get(rel))
    ]


def _picture_problems(root: Path, files: set[str], made_from: Mapping[str, Path]) -> list[Problem]:
    """A warning for each SVG picture that could run script (_svg_problems)."""
    return [
        problem
        for rel in sorted(f for f in files if f.lower().endswith(".svg"))
        for problem in _svg_problems(root / rel, rel, made_from.get(rel, root / rel))
    ]


def _svg_problems(path: Path, rel: str, where: Path) -> list[Problem]:
    """A warning for an SVG of the site (an editor's own, or imported before import made
    them inert) that could run script opened alone, on the archive's domain."""
    try:
        _, left_out = inert(path.read_bytes())
    except OSError:
        return []  # said by _files
    except Unreadable as exc:
        # Shown by <img>, it is a broken picture; opened alone, Chromium runs the
        # scripts it finds before the fault.
        message = f"the picture /{rel} shows in no browser: {exc}"
        return [Problem(where, message, FIX_BROKEN_SVG, warning=True)]
    if not left_out:
        return []
    message = (
        f"the picture /{rel} holds what could run when a reader opens it alone, on the "
        f"archive's domain ({', '.join(left_out)})"
    )
    return [Problem(where, message, FIX_SVG, warning=True)]


def _size_problems(root: Path, files: set[str]) -> list[Problem]:
    """Warnings for what GitHub will not take: a file over 100 MB, a site over 1 GB."""
    sizes = {rel: (root / rel).stat().st_size for rel in sorted(files)}
    problems = [
        Problem(
            root / rel,
            f"the file /{rel} is {size / MB:.1f} MB, more than GitHub takes in one file "
            "(100 MB): git push will fail",
            TOO_BIG_HINT,
            warning=True,
        )
        for rel, size in sizes.items()
        if size > FILE_LIMIT
    ]
    total = sum(sizes.values())
    if total > SITE_LIMIT:
        # The pages, feeds and search index alone: what no moving of media makes smaller.
        pages = sum(size for rel, size in sizes.items() if rel.endswith(PAGE_SUFFIXES))
        problems.append(
            Problem(
                root,
                f"the site is {total / MB:.0f} MB, more than GitHub Pages publishes (1 GB)",
                PAGES_TOO_BIG_HINT if pages > SITE_LIMIT else SITE_TOO_BIG_HINT,
                warning=True,
            )
        )
    return problems


def _place(read: dict[Path, Lines], source: Path, *spellings: str) -> tuple[int | None, int | None]:
    """The line and column of the article's file where the link is written, in any of
    ``spellings`` (its next occurrence)."""
    if source not in read:  # read at its first problem: most articles have none
        read[source] = Lines(source)
    return read[source].place(*spellings)


def _written_as(source: Path, page: str, link: str, held: Held | None = None) -> list[str]:
    """How the article's file holds ``link`` of its page at ``page``, each way it does:
    as written or, for a relative link, from the site's root (the build rewrites
    "/2019/04/x/") or as the old portal's address the build linked there (``held``); the
    best first, none when it does not. A link from the root that is on the page as it is
    came from the body's HTML, if any: the build makes those of its Markdown relative
    (the same link in a template, without url(), was blamed on them)."""
    try:
        text = unicodedata.normalize("NFC", source.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return [link]
    if link.startswith("/") and not link.startswith("//"):
        return [link] if re.search(as_attribute({link}), text) else []
    parts = urlsplit(link)
    path = unquote(parts.path)
    rooted = _from_page(page, path)
    # With its escapes too: /2019/04/khong%20co/ was found in no spelling, and blamed on
    # the page's template.
    escaped = _from_page(page, parts.path)
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    # "/2020/03/x/" first: "/2020/03/x" is also in a link to "/2020/03/x.md".
    folder = [r + "/" + fragment for r in (escaped, rooted) if path.endswith("/") and r != "/"]
    written = [
        w
        for w in (link, unquote(link), *folder, escaped + fragment, rooted + fragment)
        if len(w) > 1
    ]
    # Where an address starts: "img/logo.svg" of a template is no link in an article's
    # "/img/logo.svg" (the template's line was blamed on the article).
    found = [w for w in dict.fromkeys(written) if re.search(_ADDRESS_START + re.escape(w), text)]
    if not found and len(rooted) > 1 and rooted in text:
        found = [rooted + fragment]
    if not found and "%" in text:  # escaped in NFD: the build linked it in NFC (urls.in_nfc)
        spelt: dict[str, str] = {}
        for token in _ESCAPED.findall(text):
            path = re.split(r"[?#]", token, maxsplit=1)[0]
            spelt.setdefault(urls.in_nfc(path) + token[len(path) :], token)
        found = [spelt[w] for w in dict.fromkeys(written) if w in spelt]
    if not found and held is not None and path:
        leads = {rooted + fragment, *folder}
        found = [a for a in dict.fromkeys(_ADDRESS.findall(text)) if held.target(a) in leads]
    return found


def _from_page(page: str, path: str) -> str:
    """``path``, a link on the page at ``page``, from the site's root; "" for none."""
    return "/" + posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else ""


# Before an address as written, not a character of one (a letter, /, ., %, -, ~).
_ADDRESS_START = r"(?<![\w/.%~-])"
# An address with percent-escapes in an article's text, as a Markdown link or raw HTML
# has it.
_ESCAPED = re.compile(r"""[^\s()<>"'\[\]]*%[0-9A-Fa-f]{2}[^\s()<>"'\[\]]*""")
# An address of another site in an article's text, as a Markdown link or raw HTML has it.
_ADDRESS = re.compile(r"""(?i)https?://[^\s()<>"']+""")


def _host(link: str) -> str:
    try:
        netloc = urlsplit(link).netloc
    except ValueError:  # e.g. a malformed IPv6 address; the link check reports it
        return ""
    return urls.same_host(netloc).removeprefix("www.")


def _check_xml(
    path: Path,
    rel: str,
    resolver: Resolver,
    template: Path | None = None,
    static: Path | None = None,
) -> list[Problem]:
    """Problems in a feed or sitemap, named against ``template`` when it made the file,
    or against ``static``, the static folder's file it was copied from."""
    where = template or static or path
    try:
        tree = ET.parse(path)
    except ET.ParseError as exc:
        fix = (
            "fix the template that makes this file"
            if template
            else f"correct {shown(where)}, or delete it"
        )
        message = f"/{rel} is not well-formed XML: {exc}"
        return [
            Problem(
                where, message, f"{fix} (a character such as & must be escaped, every tag closed)"
            )
        ]
    # expat reads UTF-8 and UTF-16 only, of the encodings of several bytes.
    except ValueError as exc:
        message = f"/{rel} is in an encoding check cannot read ({exc}): its links were not checked"
        fix = f'save {shown(where)} as UTF-8, with encoding="UTF-8" in its first line'
        return [Problem(where, message, fix, warning=True)]
    problems = []
    for element in tree.iter():
        name = element.tag.rsplit("}", 1)[-1]
        values = [element.get(a, "") for a in XML_LINK_ATTRIBUTES]
        if name in XML_LINK_TAGS and element.get("isPermaLink") != "false":
            values.append((element.text or "").strip())
        for value in filter(None, values):
            if name == "loc" and not value.startswith(resolver.base_url):
                problem = f"is not under the site's address {resolver.base_url}"
            elif not urlsplit(value).scheme:
                problem = "is not a full address (feeds and sitemaps need https://...)"
            else:
                problem = resolver.problem(rel, value)
            if problem:
                message = f"in /{rel}: {value!r} {problem}"
                problems.append(Problem(where, message, FIX_TEMPLATE if template else FIX_LINK))
    return problems
