"""The render stage, through the cache: the pages that changed into the spare folder on
every core (workers.py), the bodies they convert put aside for the HTML cache; the HTML
of any body, cached or converted now (for the link check and the search index); and the
links in every body, for bodylinks.py to check."""

import dataclasses
import difflib
import functools
import pickle
import re
import shutil
import sys
import tempfile
import weakref
from collections.abc import Callable, Sequence
from pathlib import Path

import jinja2
import markdown

from . import urls, withdrawals, workers
from .bodylinks import Links, body_links
from .cache import Cache, HtmlSaver
from .config import SiteConfig
from .content import Article, Standalone, Withdrawal
from .errors import BuildFailed, Problem, name_file, shown
from .heldlinks import Held
from .jinjaenv import OWN_FILTERS
from .markup import make_converter, marked_links, to_html
from .pagedata import LISTING, RedirectData, WithdrawnData, names_given
from .pagination import oldest_first
from .plan import Page, SitePlan
from .progress import Progress
from .publish import Spare
from .renderer import Renderer
from .sources import MarkdownFiles, Sources, read_body
from .templatetrace import (
    MARK_ENDS,
    TAKES,
    closes_nothing,
    function_failed,
    left_open,
    misnamed_end,
    t_named_at_top,
    template_caller,
    template_line,
    unclosed_mark,
)
from .uistrings import NotTextError, PlaceholderError, load_strings, strings_file, word_lacking
from .workers import (
    Ahead,
    RenderJob,
    TemplateFailed,
    can_fork,
    render_pages,
)

# Above this many pages to render, the lists are rendered in the build process (render_changed).
LISTS_ALONE = 50_000
# Bodies converted ahead in a batch, and at most in all (about 40 MB of HTML held).
AHEAD_BATCH = 4
AHEAD_MOST = 4096


class ConvertAhead:
    """Bodies the cache lacks converted on the other cores while this process plans the
    pages (a second and more at 10,000 articles, in which the other cores sat idle),
    oldest first as the pages are rendered; ``stop`` keeps what was converted so far."""

    def __init__(self, config: SiteConfig, cache: Cache, articles: Sequence[Article], jobs: int):
        # A body whose links an earlier build found was in its HTML cache.
        known = cache.body_links()
        oldest = oldest_first(a for a in articles if a.listed)
        todo = [a for a in oldest if a.body_digest not in known][:AHEAD_MOST]
        self.work = None
        if can_fork(jobs, len(todo), workers.MIN_PARALLEL_PAGES):
            paths = [(a.body_digest, a.path) for a in todo]
            batches = [paths[i : i + AHEAD_BATCH] for i in range(0, len(paths), AHEAD_BATCH)]
            convert = functools.partial(_convert, clean=config.sanitize_html)
            self.work = Ahead(convert, batches, jobs - 1)  # this process plans meanwhile

    def stop(self) -> tuple[dict[str, str], dict[str, Links]]:
        """The bodies converted (HTML and links by digest); the others are left."""
        html: dict[str, str] = {}
        links: dict[str, Links] = {}
        for batch_html, batch_links in self.work.stop() if self.work else ():
            html.update(batch_html)
            links.update(batch_links)
        self.work = None
        return html, links


def _convert(bodies: list[tuple[str, str]], clean: bool) -> tuple[dict[str, str], dict[str, Links]]:
    """In a worker: each body's HTML and links (a file that changed meanwhile is left to
    the render stage, which says so)."""
    if not _converters:
        _converters.append(make_converter())
    converter = _converters[0]
    html = {}
    for key, path in bodies:
        try:
            html[key] = to_html(converter, read_body(path, key), clean)
        except (BuildFailed, RecursionError):  # said by the render stage
            continue
    return html, {key: marked_links(body) for key, body in html.items()}


_converters: list[markdown.Markdown] = []  # a worker's own


def render_changed(
    config: SiteConfig,
    cache: Cache,
    site: SitePlan,
    todo: Sequence[int],
    spare: Spare,
    jobs: int,
    progress: bool,
    sources: Sources,
    ahead: ConvertAhead,
    held: Held | None = None,
) -> "HtmlSaver | SpooledBodies":
    """Render pages ``todo`` into the spare folder, writing only those whose bytes
    changed. Returns the bodies converted on the way (put aside for the cache, their
    links at hand), with those ``ahead`` converted. ``held``: the old portal's pages that
    the archive holds, which links to them lead to (heldlinks.py)."""
    if not todo:
        ahead.stop()
        return cache.html_saver(set())
    articles = [a for i in todo for a in site.pages[i].shown_bodies()]
    known_html = cache.html({a.body_digest for a in articles})
    # The bodies the cache lacks; those converted ahead are found in known_html first.
    missing = {a.body_digest: a for a in articles if a.body_digest not in known_html}
    markdown = MarkdownFiles({key: article.path for key, article in missing.items()})
    renderer = Renderer(config, cache.bytecode_cache(), known_html, markdown, site.menu, held)
    counter = Progress(len(todo), "pages", quiet=not progress)
    saver: HtmlSaver | SpooledBodies
    if cache.enabled:
        live = {e.article.body_digest for e in sources.entries.values()}
        saver = cache.html_saver(live | {s.body_digest for s in site.standalone})
    else:  # --no-cache: kept for the search index, which would convert them again
        saver = SpooledBodies(site.articles)
    # The bodies that pages of other articles (feeds) show, which the workers convert
    # for them (_rounds).
    wanted = {a.body_digest for i in todo for a in site.pages[i].bodies}
    used = {site.pages[i].template for i in todo}
    # Every page made again (the templates changed): those no page is yet made with are
    # tried too, and the words the templates show checked.
    everything = len(todo) == len(site.pages)
    unused = _unused_kinds(site, used) if everything else []
    templates = used | {page.template for page in unused}
    try:
        renderer.prepare(templates, words=everything)
        # The other cores convert ahead until the pages' workers are forked: up to here
        # (templates compiled, a tenth of a second and more) they would sit idle.
        early, early_links = ahead.stop()
        known_html.update(early)  # the workers forked below share it
        saver.add(early, early_links)
        job = RenderJob(site.pages, renderer, spare.folder, spare.have)
        on_error = functools.partial(template_error, config)
        for pages, processes in _rounds(site, todo, jobs):
            for batch in render_pages(job, pages, processes, on_error):
                saver.add(batch.html, batch.links)
                renderer.known_html.update((k, batch.html[k]) for k in wanted & batch.html.keys())
                for done in batch.pages:
                    spare.files[done.path] = done.file
                    if done.written:
                        spare.written.add(done.path)
                counter.advance(len(batch.pages))
        _try_unused(config, renderer, unused)
    except jinja2.TemplateError as exc:
        problem = template_error(config, exc)
        made = [site.pages[i] for i in todo]
        raise BuildFailed(_with_words_lacking(config, renderer, made, unused, problem)) from exc
    except TemplateFailed as failed:
        problem = failed.error
        made = [site.pages[i] for i in todo]
        raise BuildFailed(_with_words_lacking(config, renderer, made, unused, problem)) from failed
    finally:
        counter.close()
    return saver


def _rounds(site: SitePlan, todo: Sequence[int], jobs: int) -> list[tuple[list[int], int]]:
    """The pages ``todo`` in the order they are rendered, each round with how many
    processes render it."""
    # Pages that show other articles' bodies (feeds) come last, in this process, once
    # the workers have converted those bodies: a worker would convert them again.
    last = [i for i in todo if site.pages[i].bodies]
    first = [i for i in todo if not site.pages[i].bodies]
    # In a very large build the lists of articles are rendered in this process too, after
    # the workers: between them they read every article, so a worker rendering them would
    # copy most of the site model (workers.ROUND). At 100,000 articles that kept the
    # build's memory, all processes together, under 1 GB, for some seconds on one core
    # (the lists are 8,000 of 108,000 pages).
    alone: list[int] = []
    if len(first) > LISTS_ALONE:
        alone = [i for i in first if isinstance(site.pages[i].data, LISTING)]
        first = [i for i in first if not isinstance(site.pages[i].data, LISTING)]
    return [(first, jobs), (alone, 1), (last, 1)]


def _try_unused(config: SiteConfig, renderer: Renderer, unused: Sequence[Page]) -> None:
    """Render and throw away the pages of _unused_kinds: a mistake in their template is
    an error now, said with the kind of page that will first be made with it."""
    for page in unused:
        try:
            renderer.render(page)
        except jinja2.TemplateError as exc:
            problem = template_error(config, exc)
            raise BuildFailed(
                [
                    dataclasses.replace(
                        problem,
                        message=f"{problem.message}; no page of the site is made with "
                        f"{page.template} yet: {_KINDS_UNUSED[page.template]} will be",
                    )
                ]
            ) from exc


# The templates of pages a site may have none of for years, and what makes the first.
_KINDS_UNUSED = {
    "withdrawn.html": "the notice of the first article taken down (withdrawn:)",
    "redirect.html": "the page of the first old address (aliases:)",
}


def _unused_kinds(site: SitePlan, used: set[str]) -> list[Page]:
    """A page of each kind in _KINDS_UNUSED that no page of the site is made as, from its
    first article, to be rendered and thrown away: a mistake in withdrawn.html passed
    every build and `check`, and stopped the first takedown months later, with an error
    in a template the editor who asked for it had not touched."""
    if not site.articles:
        return []
    article = site.articles[0]
    taken_down = dataclasses.replace(article, withdrawn=Withdrawal(article.published))
    samples = [
        Page(urls.article_url(article), "withdrawn.html", article.title, WithdrawnData(taken_down)),
        Page(urls.article_url(article), "redirect.html", article.title, RedirectData(article)),
    ]
    return [page for page in samples if page.template not in used]


def links_in_bodies(
    config: SiteConfig, cache: Cache, site: SitePlan, converted: dict[str, Links]
) -> dict[str, Links]:
    """The links marked in every article's (and standalone page's) body, to check
    them, and in the text a withdrawn article still holds (withdrawals.leftovers): as an
    earlier build found them, else from the body's HTML (converted by this build,
    cached, or, when the cache lost it, converted now)."""
    written: list[Article | Standalone] = [
        *site.articles,
        *site.standalone,
        *withdrawals.with_text(site.withdrawn),
    ]
    live = {a.body_digest for a in written}
    known = {**cache.body_links(), **converted}
    bodies = bodies_html(config, cache, written)(live - known.keys())
    return body_links(bodies, known, live)


def bodies_html(
    config: SiteConfig,
    cache: Cache,
    articles: Sequence[Article | Standalone],
    converted: "HtmlSaver | SpooledBodies | None" = None,
) -> Callable[[set[str]], dict[str, str]]:
    """The HTML of article bodies by digest, for the search index: cached (this build
    saved what it converted), converted by this build without a cache (``converted``),
    or, when both lost it, converted now."""
    paths = {a.body_digest: a.path for a in articles}
    cached = cache.html_reader()  # a few shards, or all in one pass (bounded memory)
    spooled = converted if isinstance(converted, SpooledBodies) else None

    def bodies(keys: set[str]) -> dict[str, str]:
        found = cached(keys)
        if spooled is not None:
            found.update(spooled.html(keys - found.keys()))
        lost = sorted(keys - found.keys())
        if lost:
            renderer = Renderer(config, markdown=MarkdownFiles({k: paths[k] for k in lost}))
            found.update((key, renderer.body_html(key)) for key in lost)
        return found

    return bodies


class SpooledBodies:
    """Without a cache (--no-cache): the bodies this build converts, put aside in a
    temporary folder some megabytes at a time (holding them all took gigabytes at
    100,000 articles), grouped by the article's place in the archive, so that the
    search index, which asks for them in that order a few hundred at a time, reads
    each group once instead of converting every body a second time. The folder goes
    with this object. Same interface as cache.HtmlSaver for the render stage."""

    HELD = 32 * 2**20  # characters of HTML held before they are put aside
    GROUP = 2048  # articles per group, in the archive's order

    def __init__(self, articles: Sequence[Article]):
        self.group = {a.body_digest: i // self.GROUP for i, a in enumerate(articles)}
        self.folder = Path(tempfile.mkdtemp(prefix="newsarchive-bodies-"))
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.folder, True)
        self.held: dict[str, str] = {}
        self.size = 0
        self.links: dict[str, Links] = {}
        self.files: dict[int, list[Path]] = {}  # group -> its files
        self.loaded: tuple[int, dict[str, str]] = (-1, {})

    def add(self, html: dict[str, str], links: dict[str, Links]) -> None:
        self.links.update(links)
        self.held.update(html)
        self.size += sum(map(len, html.values()))
        if self.size > self.HELD:
            self._put_aside()

    def commit(self, jobs: int = 1) -> None:
        """No cache to save them in: the last ones are put aside too."""
        self._put_aside()

    def html(self, keys: set[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for group in sorted({self.group[k] for k in keys if k in self.group}):
            if self.loaded[0] != group:
                bodies: dict[str, str] = {}
                for path in self.files.get(group, ()):
                    bodies.update(pickle.loads(path.read_bytes()))
                self.loaded = (group, bodies)
            found.update((k, v) for k, v in self.loaded[1].items() if k in keys)
        return found

    def _put_aside(self) -> None:
        groups: dict[int, dict[str, str]] = {}
        for key, html in self.held.items():
            groups.setdefault(self.group.get(key, -1), {})[key] = html
        for group, bodies in groups.items():
            files = self.files.setdefault(group, [])
            path = self.folder / f"{group}-{len(files)}.pickle"
            try:
                path.write_bytes(pickle.dumps(bodies, pickle.HIGHEST_PROTOCOL))
            except OSError as exc:  # a full disk: said at the file, not at "."
                name_file(exc, path)
                raise
            files.append(path)
        self.held, self.size = {}, 0


# Jinja's words for a name the object lacks: "'newsarchive.content.Article object' has
# no attribute 'titel'" (or "'dict object' ...").
_NO_ATTRIBUTE = re.compile(r"'([\w.]+) object' has no attribute '(\w+)'")
_UNDEFINED = re.compile(r"'(\w+)' is undefined")
# A filter or test Jinja does not have: misspelt, or one an older newsarchive gave its
# templates (`search_words`), in a fork's copy of them.
_NO_FILTER = re.compile(r"No (filter|test) named '(\w+)'(?: found)?\.?")
FIX_SYNTAX = "fix the template at this line (see the Jinja2 documentation for the syntax)"
FIX_AT_LINE = "correct the template at this line"


def template_error(config: SiteConfig, exc: Exception, page_url: str | None = None) -> Problem:
    """A broken template (a syntax error), or one that failed while rendering the page
    at ``page_url`` (an undefined name, a division by zero): the template's file and
    line, and a name the template misspelt said in the template's terms."""
    if isinstance(exc, PlaceholderError | NotTextError):
        return exc.problem(config.templates_dir)
    where = template_line(exc)
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    if line is None and where is not None:
        name, line = where
    if isinstance(exc, jinja2.TemplateSyntaxError) and (unclosed := unclosed_mark(exc)):
        line = unclosed[1]  # Jinja gives up further on, often a line below
    message = exc.message if isinstance(exc, jinja2.TemplateError) else None
    message = message or f"{type(exc).__name__}: {exc}"
    unknown = _NO_FILTER.fullmatch(message)
    message, fix = _explained(config, exc, message, name, unknown)
    # An unknown filter raises from a stand-in Jinja makes for it, named as a macro is;
    # a syntax error in base.html, read when a page's template extends it, as one too.
    syntax = isinstance(exc, jinja2.TemplateSyntaxError)
    caller = None if unknown or syntax else template_caller(exc)
    if caller is not None:
        # A macro of _macros.html given the wrong value by base.html: the mistake is
        # surely at the call, which the message did not name.
        message += f" (in a macro, called at {Path(caller[0]).name}, line {caller[1]})"
    if page_url is not None:  # "" is the home page
        message += f" (making the page /{page_url})"
    return Problem(
        Path(name) if name else config.templates_dir,
        f"template problem: {message}",
        fix,
        line,
    )


def _syntax_explained(exc: jinja2.TemplateSyntaxError, message: str, fix: str) -> tuple[str, str]:
    """A syntax error said in the template's terms: an end tag closing nothing, a tag
    left open (said where the template ends, not where the tag is), a {{ or {% without
    its end (said where Jinja gave up, often a line below)."""
    if tag := closes_nothing(exc):
        return (
            f"this {{% end{tag} %}} closes no {{% {tag} %}}: none is open here",
            f"delete this {{% end{tag} %}}, or put back the {{% {tag} %}} it closed (a "
            "part of a template deleted by hand may leave its end behind)",
        )
    if misnamed := misnamed_end(exc):
        written, name, at = misnamed
        return (
            f"this {{% endblock {written} %}} closes the block '{name}' of line {at}, "
            f"not '{written}'",
            f"write {{% endblock {name} %}} or {{% endblock %}} here: an end closes the "
            "innermost block open, whose name alone it may repeat",
        )
    if opened := left_open(exc):
        tag, at = opened
        return (
            message + f" The {{% {tag} %}} left open is at line {at}.",
            f"close the {{% {tag} %}} of line {at} with {{% end{tag} %}} where it should end",
        )
    if unclosed := unclosed_mark(exc):
        mark, at = unclosed
        end = MARK_ENDS[mark]
        return (
            f"the {mark} of line {at} is not closed ({message})",
            f"a {mark} … {end} ends with {end}: write {end} at its end, on line {at}"
            if mark == "{%"
            else f"a {mark} … {end} ends with two braces: write {end} at its end, on line {at}",
        )
    return message, fix


def _explained(
    config: SiteConfig, exc: Exception, message: str, name: str | None, unknown: re.Match | None
) -> tuple[str, str]:
    """What went wrong in a template, said in the template's terms, and the fix: a name
    misspelt, a function given the wrong value, a filter or template that is not there
    (``unknown``: the message read as a filter or test Jinja does not have, _NO_FILTER)."""
    fix = FIX_SYNTAX if isinstance(exc, jinja2.TemplateSyntaxError) else FIX_AT_LINE
    if isinstance(exc, jinja2.TemplateSyntaxError):
        message, fix = _syntax_explained(exc, message, fix)
    lacking = _NO_ATTRIBUTE.search(message)
    failed = None if isinstance(exc, jinja2.TemplateError) else function_failed(exc)
    if failed:
        function = failed.partition("(")[0]
        message = f"{failed} cannot be made: {function} takes {TAKES[function]}"
        fix = f"give {function} what it takes at this line"
    elif lacking:
        # t.skip_to_content in base.html, where t is strings.yaml's words, asked of a
        # list: a template of the page gave t a value of its own, which hid the words.
        taken = None if lacking[1].endswith("_Strings") else t_named_at_top(exc, lacking[2])
        if taken is None:
            message, fix = _lacking(lacking[1], lacking[2], config.templates_dir)
        else:
            message, fix = _t_taken(lacking[1], lacking[2], taken)
    elif (undefined := _UNDEFINED.fullmatch(message)) and getattr(exc, "given", None):
        wanted, known = undefined[1], exc.known  # type: ignore[attr-defined]
        fix = f"this page's template is given {', '.join(exc.given)}"  # type: ignore[attr-defined]
        close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.75)
        if wanted in names_given():  # {{ article.title }} in base.html, on a list page
            fix = (
                f"'{wanted}' is given to some kinds of page only, not to this one, and this "
                f"template serves both (as base.html serves every page): write "
                f"{{% if {wanted} is defined %}}…{{% endif %}} around it; {fix}"
            )
        elif close:
            fix = f"did you mean '{close[0]}'? {fix}"
        else:  # {{ hotline }}: a fork's own words
            fix += f"; a value of your own goes under params: in site.yaml (site.params.{wanted})"
    elif unknown:
        message, fix = _no_such(unknown[1], unknown[2], name)
    elif isinstance(exc, RecursionError):  # not Python's "maximum recursion depth exceeded"
        message = (
            "the template leads back to itself without end: it includes, extends or "
            "imports itself (or a template that does), or a macro calls itself"
        )
        fix = (
            "remove the include, extends, import or call at this line that leads back to "
            "the template it is in"
        )
    # {% include "sidebar.html" %} or {% extends "baes.html" %}: misspelt, or not made yet.
    elif isinstance(exc, jinja2.TemplateNotFound):
        folder = config.templates_dir
        have = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        wanted = str(exc.name)
        close = difflib.get_close_matches(wanted, have, n=1, cutoff=0.8)
        message = f"there is no template {wanted} in the templates folder ({shown(folder)}/)"
        fix = (f"did you mean '{close[0]}'? " if close else "") + (
            f"correct the name, or make {shown(folder / wanted)}"
        )
    return message, fix


def _with_words_lacking(
    config: SiteConfig, renderer: Renderer, pages: list[Page], unused: list[Page], problem: Problem
) -> list[Problem]:
    """``problem``, and when it is a word strings.yaml lacks, every other word that the
    templates of ``pages`` (and of ``unused``, tried) ask and it lacks: a page stops at the
    first, and a fork's strings.yaml begun from an older copy took one build for each.
    Each names the first page that asks it, as ``problem`` names the page it stopped."""
    if f"{strings_file(config.templates_dir)} has no key" not in problem.message:
        return [problem]
    first: dict[str, Page] = {}
    for page in [*pages, *unused]:
        first.setdefault(page.template, page)
    making: dict[str, str] = {}
    for template, page in first.items():  # in the order the pages are made
        for key, _, _ in renderer.words_lacking({template}):
            said = f" (making the page /{page.url}"
            if page in unused:
                said += f"; no page of the site is made with {template} yet: "
                said += f"{_KINDS_UNUSED[template]} will be"
            making.setdefault(key, said + ")")
    problems = [problem]
    for key, name, line in renderer.words_lacking(set(first)):
        if f"has no key '{key}'" not in problem.message:
            message, fix = _lacking("_Strings", key, config.templates_dir)
            message += making.get(key, "")
            path = config.templates_dir / name
            problems.append(Problem(path, f"template problem: {message}", fix, line))
    return problems


def _t_taken(kind: str, key: str, taken: tuple[str, int]) -> tuple[str, str]:
    """t.key asked of strings.yaml's words, where a template had named another value t."""
    return (
        f"t.{key}: t is not the words of strings.yaml here but a {kind.rpartition('.')[2]}: "
        f"{shown(taken[0])}:{taken[1]} names t",
        "give that value another name than t: t is the words of strings.yaml in every "
        "template, and a {% set %} outside the blocks of a template that extends another "
        "sets it in that one too",
    )


def _no_such(kind: str, wanted: str, template: str | None) -> tuple[str, str]:
    """A filter (`x | name`) or test (`x is name`) Jinja does not have, and the fix: the
    closest it has, and the template of that name that comes with newsarchive."""
    own = OWN_FILTERS if kind == "filter" else ()
    have = sorted([*(jinja2.filters.FILTERS if kind == "filter" else jinja2.tests.TESTS), *own])
    close = difflib.get_close_matches(wanted, have, n=1)
    same = f"templates/{Path(template).name}" if template else "its template"
    added = f" and newsarchive's {', '.join(own)}" if own else ", and newsarchive adds none"
    return (
        f"there is no {kind} '{wanted}': the {kind}s are Jinja2's own{added} (a template "
        f"copied from an older version may use one that it had)",
        (f"did you mean '{close[0]}'? " if close else "")
        + f"correct the name, or compare with {same} that comes with newsarchive and take "
        f"its way of doing it; the {kind}s are: {', '.join(have)}",
    )


def _lacking(kind: str, attribute: str, templates_dir: Path) -> tuple[str, str]:
    """What a template asked of an object that has no such name, and the fix: the
    names it has, the closest first."""
    if kind.endswith("_Strings"):  # t.<word>
        return word_lacking(attribute, load_strings(templates_dir), templates_dir)
    module, _, class_name = kind.rpartition(".")
    known = getattr(sys.modules.get(module or "builtins"), class_name, None)
    if not isinstance(known, type) or known is dict:  # params: their keys are the user's
        return (
            f"'{attribute}' is not in the {kind} it is asked of",
            "correct the name, or add the key (for site.params.x: under params: in site.yaml; "
            "for article.params.x: under params: in the article's front matter; for "
            "standalone.params.x: under params: in the page's front matter (content/pages/); "
            "where not every one has it, ask {% if article.params.x is defined %} first)",
        )
    if not module:  # text, a number, a list: a value, not one of the site's objects
        return (
            f"'{attribute}': {class_name} has no such name",
            "correct the name: what comes before the dot is a value (a text, a number, a list)",
        )
    if class_name == "TemplateModule":  # {% import "_macros.html" as m %}: m.<name>
        return (
            f"'{attribute}': the template imported has no macro of that name",
            "correct the name: the macros are those after {% macro in the template imported",
        )
    fields = (
        {f.name for f in dataclasses.fields(known)} if dataclasses.is_dataclass(known) else set()
    )
    names = sorted(fields | {n for n in dir(known) if not n.startswith("_")})
    close = difflib.get_close_matches(attribute, names, n=1)
    fix = f"did you mean '{close[0]}'? " if close else _own_value(class_name, attribute)
    return (
        f"'{attribute}': {class_name} has no such name",
        fix + f"{class_name} has: {', '.join(names)}",
    )


# A fork's own value asked without its params. (`article.photographer`, the README's
# example): the names an Article has are newsarchive's, none of them the fork's. By
# class: the name templates know its object by, and where its params are written.
_OWN_VALUES = {
    "Article": ("article", "the article's front matter"),
    "Standalone": ("standalone", "the page's front matter"),
    "SiteConfig": ("site", "site.yaml"),
}


def _own_value(class_name: str, attribute: str) -> str:
    if class_name not in _OWN_VALUES:
        return ""
    value, where = _OWN_VALUES[class_name]
    return f"a value of your own: write {value}.params.{attribute}, under params: in {where}; "
