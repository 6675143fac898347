"""A page in, its bytes out: the Renderer checks the templates once before pages render
(none missing, UTF-8, no block or text shown nowhere, no word shown wrong), then renders
each page, converting the Markdown bodies as their pages render (the render stage,
render.py, runs it on every core). It reads, and writes nothing: the templates, and the
bodies of articles as they render."""

import difflib
import mimetypes
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

from jinja2 import BytecodeCache, FileSystemLoader, TemplateError, UndefinedError, meta, nodes
from jinja2.defaults import DEFAULT_NAMESPACE
from markupsafe import Markup

from . import urls
from .config import SiteConfig
from .errors import BuildFailed, Problem, not_utf8, shown, special_file
from .heldlinks import Held
from .jinjaenv import make_environment
from .markup import footnote_titles, make_converter, picture_names, resolve_links, to_html
from .pagedata import StandaloneData
from .paramloops import texts_looped
from .plan import Page
from .systemfiles import made_by_system
from .templatewords import lacking_words, word_of, words_used
from .uistrings import shown_wrong


class Renderer:
    """Renders pages; holds the Jinja environment and one Markdown converter."""

    def __init__(
        self,
        config: SiteConfig,
        bytecode: BytecodeCache | None = None,
        known_html: dict[str, str] | None = None,
        markdown: Mapping[str, str] | None = None,
        menu: tuple[tuple[str, str], ...] = (),
        held: Held | None = None,
    ):
        self.config = config
        self.env = make_environment(config, bytecode)
        # The old portal's pages the archive holds: a body's link to one leads there.
        self.held = held or Held()
        # The standalone pages in the site's menu, (title, URL) each (SitePlan.menu).
        self.env.globals["menu"] = menu
        # A feed shows whole articles: article_body(a) is a's body as its own page has it
        # (links relative to that page: the feed's xml:base is the page's address).
        self.env.globals["article_body"] = lambda article: self.body(
            urls.article_url(article), article.body_digest
        )
        self.converter = make_converter()
        # The title of a footnote's way back (markup.footnote_titles), once per renderer.
        words = self._strings.get("footnote_back")
        self.footnote_title = (lambda number: words.format(number=number)) if words else None
        # The name of a link to a picture that shows only unnamed ones (markup.picture_names).
        self.picture_link: str | None = self._strings.get("picture_link")
        # By body digest: the HTML from earlier builds, the Markdown of the others.
        self.known_html = known_html or {}
        self.markdown = markdown or {}
        self.converted: dict[str, str] = {}  # bodies converted here, for the cache
        self._trees: dict[str, nodes.Template] = {}  # templates do not change in a build

    @property
    def _strings(self) -> Mapping[str, Any]:
        """The words of strings.yaml, as the templates are given them (t)."""
        return cast(Mapping[str, Any], self.env.globals["t"])

    def prepare(self, templates: set[str], words: bool = False) -> None:
        """Compile the templates now, once, before workers are forked.

        Raises jinja2.TemplateError for a broken template, BuildFailed naming every page
        template missing, or one that is not UTF-8 (any of them: one template includes
        or extends another). ``words``: also the words of strings.yaml that the
        templates show as they are (``_shown_words``)."""
        loader = self.env.loader
        assert isinstance(loader, FileSystemLoader)
        have = set(loader.list_templates())
        folder = self.config.templates_dir
        missing = [
            Problem(
                folder / name,
                f"the template {name} is missing",
                f"copy {name} from the templates/ folder that comes with newsarchive (a "
                "templates folder needs one for every kind of page, not only those you "
                "changed); deleted from a git clone by mistake, `git checkout HEAD -- "
                f"{shown(folder / name)}` brings its last committed copy back",
            )
            for name in sorted(templates - have)
        ]
        if missing:
            raise BuildFailed(missing)
        # What macOS (.DS_Store) or an editor (vim's swap file) put there is no template:
        # it stopped every build as "not UTF-8", or, a dangling lock link, "cannot read".
        for name in sorted(n for n in have if not made_by_system(n.rpartition("/")[2])):
            path = self.config.templates_dir / name
            if special := special_file(path, "a template"):
                raise BuildFailed([special])
            data = path.read_bytes()
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as exc:
                problem = not_utf8(path, data, exc)
                if _published_kind(name):  # a logo put beside base.html: not to re-save
                    problem = replace(
                        problem,
                        hint="it is no template: a picture or another file to publish "
                        f"belongs in static/ ({name}), and a template links it with "
                        f"url('{name}')",
                    )
                raise BuildFailed([problem]) from None
        for name in sorted(templates):
            self.env.get_template(name)
        lost: dict[tuple[str, str], list[tuple[str, int]]] = {}
        for name in sorted(templates):
            for parent, block, line in self._blocks_shown_nowhere(name):
                lost.setdefault((parent, block), []).append((name, line))
        problems = [self._lost_block(*key, where) for key, where in lost.items()]
        problems += [p for name in sorted(templates) for p in self._text_outside_blocks(name)]
        if problems:
            raise BuildFailed(problems)
        wrong = self._shown_words(templates) if words else []
        if words:  # a loop over a text of params:, a value of site.yaml: with everything
            trees = {name: self._parse(name) for name in self._with_their_parts(templates)}
            wrong += texts_looped(trees, self.config)
        if wrong:
            raise BuildFailed(wrong)

    def _shown_words(self, templates: set[str]) -> list[Problem]:
        """The words of strings.yaml that a template shows as they are (``{{ t.home }}``,
        not ``t.x.format(...)``) and that would show wrong: a list or a group (the menu
        read ['Trang nhà'], Python's way to print a list), or a text with a {placeholder}
        no page fills in ("Liên hệ {email}." was published so)."""
        trees = {name: self._parse(name) for name in self._with_their_parts(templates)}
        used, theirs = words_used(trees)
        shown: dict[str, tuple[str, int]] = {}
        for name in sorted(used.keys() - theirs):
            # A word filled in, t.x.format(...), is held by a Call, not the Output: left
            # alone; so is one through a filter (t.links | join(", ")).
            for use in used[name]:
                key = word_of(use.node)
                if key is not None and isinstance(use.holder, nodes.Output):
                    shown.setdefault(key, (name, use.node.lineno))
        folder = self.config.templates_dir
        strings = self._strings
        found = (shown_wrong(k, strings.get(k), at, folder) for k, at in sorted(shown.items()))
        return [problem for problem in found if problem is not None]

    def words_lacking(self, templates: set[str]) -> list[tuple[str, str, int]]:
        """The keys that ``templates`` (and their parts) ask of strings.yaml as t.key or
        t["key"] and it lacks, each once, with the template and line that first asks;
        not one asked only whether it is defined (a fork's optional word)."""
        trees = {name: self._parse(name) for name in self._with_their_parts(templates)}
        return lacking_words(trees, self._strings)

    def _with_their_parts(self, templates: set[str]) -> set[str]:
        """``templates`` and those they extend, include or import, and so on; not one that
        is missing or broken, which rendering names at the line that asks for it."""
        seen: set[str] = set()
        found: set[str] = set()
        todo = list(templates)
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            try:
                tree = self._parse(name)
            except TemplateError:
                continue
            found.add(name)
            todo.extend(n for n in meta.find_referenced_templates(tree) if n is not None)
        return found

    def _lost_block(self, parent: str, block: str, where: list[tuple[str, int]]) -> Problem:
        """A block that templates fill in and the one they extend lacks: at the one
        template's line, or, several missing it (taken out of base.html), at that one."""
        fix = f"add {{% block {block} %}}{{% endblock %}} to {parent} where it belongs"
        if len(where) == 1:
            name, line = where[0]
            blocks = {b.name for b in self._parse(parent).find_all(nodes.Block)}
            close = difflib.get_close_matches(block, sorted(blocks), n=1)
            return Problem(
                self.config.templates_dir / name,
                f"the block '{block}' is not in {parent}, which {name} extends: what it "
                "holds is shown on no page",
                (f"did you mean '{close[0]}'? " if close else "")
                + f"correct the block's name, or {fix}",
                line,
            )
        names = ", ".join(name for name, _ in where)
        return Problem(
            self.config.templates_dir / parent,
            f"{parent} has no block '{block}', which {names} fill in: what they hold is "
            "shown on no page",
            fix,
        )

    def _blocks_shown_nowhere(self, name: str) -> list[tuple[str, str, int]]:
        """The blocks of a template that extends another which has no block of that name
        (`{% block main %}` taken out of base.html): Jinja drops what they hold without a
        word, and every page of the kind was built without its text."""
        tree = self._parse(name)
        extends = next(tree.find_all(nodes.Extends), None)
        if extends is None or not isinstance(extends.template, nodes.Const):
            return []
        parent = str(extends.template.value)
        known: set[str] = set()
        seen: set[str] = set()
        ancestor: str | None = parent
        while ancestor is not None and ancestor not in seen:  # base.html, and what it extends
            seen.add(ancestor)
            try:
                above = self._parse(ancestor)
            except TemplateError:  # missing or broken: rendering says so, at the page
                return []
            known |= {block.name for block in above.find_all(nodes.Block)}
            up = next(above.find_all(nodes.Extends), None)
            ancestor = None
            if up is not None and isinstance(up.template, nodes.Const):
                ancestor = str(up.template.value)
        blocks = list(tree.find_all(nodes.Block))
        inner = {n.name for block in blocks for n in block.find_all(nodes.Block)}
        return [
            (parent, block.name, block.lineno)
            for block in blocks
            if block.name not in inner and block.name not in known
        ]

    def _text_outside_blocks(self, name: str) -> list[Problem]:
        """The text (or {{ value }}) a template that extends another holds outside its
        blocks: Jinja drops what follows the extends without a word, and writes what
        comes before it above the page's <!doctype html>."""
        body = self._parse(name).body
        extends = next((n for n in body if isinstance(n, nodes.Extends)), None)
        if extends is None or not isinstance(extends.template, nodes.Const):
            return []
        parent = extends.template.value
        return [
            Problem(
                self.config.templates_dir / name,
                f"this text is outside every block of {name}, which extends {parent}: "
                "only its blocks are shown, so it is on no page",
                "move it into one of the blocks (the page's text goes in {% block main %}), "
                "or delete it",
                _first_written(output),
            )
            for output in body
            if isinstance(output, nodes.Output) and not _blank(output)
        ][:1]

    def _parse(self, name: str) -> nodes.Template:
        """A template's syntax tree, parsed once a build: base.html is the parent of
        every page template, and parsing it for each took half of the check's time."""
        tree = self._trees.get(name)
        if tree is None:
            loader = self.env.loader
            assert loader is not None
            source, filename, _ = loader.get_source(self.env, name)
            tree = self._trees[name] = self.env.parse(source, name, filename)
        return tree

    def body_html(self, key: str) -> str:
        """The body's HTML as cached, its links marked (see markup.py)."""
        html = self.known_html.get(key)
        if html is None:
            html = self.converted.get(key)
        if html is None:
            clean = self.config.sanitize_html
            try:
                html = to_html(self.converter, self.markdown[key], clean)
            except RecursionError:  # Python-Markdown recurses once per level of nesting
                path = getattr(self.markdown, "paths", {}).get(key, "")
                raise BuildFailed([_too_deep(Path(path))]) from None
            self.converted[key] = html
        return html

    def body(self, page_url: str, key: str) -> Markup:
        """The body's HTML on the page at ``page_url``, its links made for that page."""
        config = self.config

        def link(written: str) -> str | None:
            return urls.body_link(page_url, written, config.base_url, config.offline)

        def away(written: str) -> str | None:
            target = self.held.target(written)
            return None if target is None else link(target)

        # Bodies are written by the archive's own editors: their raw HTML is kept
        # unless site.yaml says sanitize_html (README, "Links and raw HTML in articles").
        html = resolve_links(self.body_html(key), link, away)
        html = picture_names(html, self.picture_link)
        return Markup(footnote_titles(html, self.footnote_title))

    def render(self, page: Page) -> bytes:
        config = self.config
        # url(target): the link to target from this page (urls.linker).
        url = urls.linker(page.url, config.base_url, config.offline)
        context: dict[str, Any] = {"page": page, "url": url, **page.data.context()}
        if page.article is not None:
            context["article"] = page.article
            context["body"] = self.body(page.url, page.article.body_digest)
        elif type(page.data) is StandaloneData:
            context["body"] = self.body(page.url, page.data.standalone.body_digest)
        try:
            html = self.env.get_template(page.template).render(context)
        except UndefinedError as exc:  # {{ bodyy }}: the names the page was given, to say
            exc.given = sorted({*context, "site", "t"})  # type: ignore[attr-defined]
            ours = {n for n in self.env.globals if n not in DEFAULT_NAMESPACE}
            exc.known = sorted({*context, *ours})  # type: ignore[attr-defined]
            raise
        return html.encode("utf-8")


def _blank(output: nodes.Output) -> bool:
    """Whether an Output node writes only white space (the line ends between tags)."""
    return all(isinstance(n, nodes.TemplateData) and not n.data.strip() for n in output.nodes)


def _first_written(output: nodes.Output) -> int:
    """The line of the first text or value an Output node writes, past white space."""
    for node in output.nodes:
        if not isinstance(node, nodes.TemplateData):
            return node.lineno
        if node.data.strip():
            return node.lineno + node.data[: len(node.data) - len(node.data.lstrip())].count("\n")
    return output.lineno


def _too_deep(path: Path) -> Problem:
    """The problem of a body nested too deeply to convert (lists in lists, five hundred
    levels: text pasted with its indentation grown line by line)."""
    return Problem(
        path,
        "the text is nested too deeply to be converted (lists or quotes inside one "
        "another hundreds of levels deep)",
        "remove the spaces that grow at the start of its lines (a list nests one level "
        "deeper for every 2 to 4 spaces), or put that part in a code block (```)",
    )


def _published_kind(name: str) -> bool:
    """Whether a file is named as a picture, sound, video, font or document is, not text."""
    kind = mimetypes.guess_type(name)[0] or "text/"
    text = ("text/", "application/xml", "application/json", "application/yaml")
    return not kind.startswith(text) and not kind.endswith("+xml")
