"""A page in, its bytes out: the Jinja2 environment, the words of strings.yaml, and the
Markdown bodies converted as their pages render (the render stage, render.py, runs it on
every core). It reads, and writes nothing: the templates and strings.yaml, and the
bodies of articles as they render."""

import difflib
import functools
import mimetypes
import re
import string
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import replace
from pathlib import Path
from types import BuiltinFunctionType, FunctionType
from typing import Any, NamedTuple, cast

import markupsafe
from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateError,
    UndefinedError,
    meta,
    nodes,
    select_autoescape,
)
from jinja2.defaults import DEFAULT_NAMESPACE
from jinja2.runtime import Context
from jinja2.utils import internalcode
from markupsafe import Markup, escape

from . import urls
from .config import SiteConfig
from .errors import BuildFailed, Problem, place_in
from .heldlinks import Held
from .markup import footnote_titles, make_converter, picture_names, resolve_links, to_html
from .pagedata import StandaloneData
from .site import Page
from .systemfiles import made_by_system
from .yamltext import normalise_text, parse_yaml, written

# MarkupSafe 3's escape() is Python around this C function (MarkupSafe 2's is C itself).
_escape_text: Any = getattr(markupsafe, "_escape_inner", None)

STRINGS_FILE = "strings.yaml"
# Words js/search.js fills in on the search page, with the placeholders it fills (its
# fill() reads them as Python's str.format does: {name}, and {{ or }} for a brace).
# Python never formats them, so a wrong placeholder is caught here rather than shown to
# readers as "{cout} kết quả"; they reach the page as written.
FILLED_BY_SEARCH_PAGE = {
    "search_results": ("count", "query"),
    "search_results_partial": ("count", "query"),
    "search_no_results": ("count", "query"),
    "search_corrected": ("count", "query", "typed"),
    "search_corrected_partial": ("count", "query", "typed"),
    "search_results_some": ("count", "query"),
    "search_results_dated": ("count", "query", "dated", "others"),
    "search_results_undated": ("count", "query"),
    "search_results_undated_rest": ("count", "query"),
    "search_no_results_undated": ("count", "query"),
    "search_corrected_undated": ("count", "query", "typed"),
    "search_corrected_undated_rest": ("count", "query", "typed"),
    "search_results_undated_partial": ("count", "query"),
    "search_results_undated_rest_partial": ("count", "query"),
    "search_corrected_undated_partial": ("count", "query", "typed"),
    "search_corrected_undated_rest_partial": ("count", "query", "typed"),
}
# Words the build fills in inside article bodies, checked the same way when read.
FILLED_IN_BODIES = {"footnote_back": ("number",)}


def load_strings(templates_dir: Path) -> dict[str, Any]:
    """UI text lives in templates/strings.yaml so a fork can change it. Raises
    BuildFailed for a file that is not UTF-8, whose YAML is broken or not a mapping,
    or with a value that is not text."""
    path = templates_dir / STRINGS_FILE
    if not path.exists():
        # Every template reads its words from it: a page's first one failed as a
        # template problem, naming a Python class.
        problem = Problem(
            path,
            f"{STRINGS_FILE} is missing: the templates take every word they show from it",
            f"copy {STRINGS_FILE} from the templates/ folder that comes with newsarchive",
        )
        raise BuildFailed([problem])
    data = path.read_bytes()
    try:
        text = normalise_text(data)
    except UnicodeDecodeError as exc:
        raise BuildFailed([not_utf8(path, data, exc)]) from None
    words, lines = parse_yaml(path, text)
    # YAML reads an empty value as null, `no` as false, `2024` as a number: the page
    # would show "None", "False"... A word is text (a fork's own templates may also
    # loop over a list or a mapping of them).
    wrong = []
    for key, value in words.items():
        if isinstance(value, (str, list, dict)):
            continue
        line = lines.get(key)
        wrong.append(
            Problem(path, f"'{key}' has no text", f"write the words after '{key}:'", line)
            if value is None
            else Problem(
                path,
                f"'{key}' must be text, not {value!r}",
                f'put the text in double quotes: {key}: "{written(text, line) or value}"',
                line,
            )
        )
    for key, names in {**FILLED_BY_SEARCH_PAGE, **FILLED_IN_BODIES}.items():
        value = words.get(key)
        if isinstance(value, str) and (unfilled := _unfilled(value, names)):
            text = _Text.of(key, value, lines.get(key))
            wrong.append(PlaceholderError(text, list(names), unfilled).problem(templates_dir))
    if wrong:
        raise BuildFailed(wrong)
    return {k: _worded(k, v, lines.get(k)) for k, v in words.items()}


def _worded(key: str, value: str | list[Any] | dict[str, Any], line: int | None) -> Any:
    """A value of strings.yaml that knows its key and line, for the messages."""
    if isinstance(value, str):
        return _Text.of(key, value, line)
    made = _Texts(value) if isinstance(value, list) else _TextGroup(value)
    made.key, made.line = key, line
    return made


def word_lacking(key: str, words: Mapping[str, Any]) -> tuple[str, str]:
    """`t.<key>` asked of a strings.yaml that lacks it: the message and the fix.

    A key misspelt on one side (t.contact_lable, or `hom:` in strings.yaml) is the usual
    cause: the message names the key it was surely meant to be. A key of newsarchive's
    own words was more likely deleted or never copied (a translation begun from an older
    copy): its line is the fix, and another of newsarchive's keys that looks like it
    (`withdrawn_title` for `withdrawn_text`) is not what was meant, so only a key of the
    file's own is named."""
    shipped = shipped_lines()
    have = [str(k) for k in words if key not in shipped or str(k) not in shipped]
    # 0.75, as for other names (render.py): at difflib's 0.6 a fork's new word,
    # `credit_line`, was said to be `redirect_title`.
    close = difflib.get_close_matches(key, have, n=1, cutoff=0.75)
    said = ""
    if close:  # with its line: the misspelling may be there, among a hundred keys
        line = getattr(words.get(close[0]), "line", None)
        said = f" (it has '{close[0]}'" + (f", line {line})" if line else ")")
    return (
        f"t.{key}: {STRINGS_FILE} has no key '{key}'{said}",
        (
            f"add the line '{shipped[key]}' to {STRINGS_FILE} (newsarchive's own words: "
            "reword them as you need)"
            if key in shipped
            else f"add '{key}:' and its text to {STRINGS_FILE}"
        )
        + ", or correct the name",
    )


@functools.cache  # newsarchive's own file: read once, not once for each key lacking
def shipped_lines() -> dict[str, str]:
    """The line of each key of newsarchive's own templates/strings.yaml written on one
    line (`author: Tác giả`), to copy; none when it is not beside the package (installed
    from a wheel) or cannot be read."""
    folder = Path(__file__).resolve().parent.parent / "templates"
    try:
        words = load_strings(folder)
        lines = (folder / STRINGS_FILE).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError, BuildFailed):
        return {}
    found = {}
    for key, value in words.items():
        line = getattr(value, "line", None)
        if not isinstance(value, str) or line is None or line > len(lines):
            continue
        written = lines[line - 1].strip()
        # A text written on more lines than its key's is left to the generic fix.
        more = line < len(lines) and lines[line].startswith((" ", "\t"))
        if written.startswith(f"{key}:") and not more:
            found[str(key)] = written
    return found


class _NotText:
    """A list or a group of strings.yaml filled in as a text (``t.month_label.format(...)``
    where a fork wrote `month_label: [a, b]`): said at its line in strings.yaml, not as a
    name the list lacks."""

    key: str
    line: int | None

    def format(self, *args: Any, **kwargs: Any) -> str:
        raise NotTextError(self.key, self.line, "a list" if isinstance(self, list) else "a group")


class _Texts(_NotText, list[Any]):
    """A list in strings.yaml (a fork's templates may loop over one)."""


class _TextGroup(_NotText, dict[str, Any]):
    """A group of keys in strings.yaml."""


class NotTextError(Exception):
    def __init__(self, key: str, line: int | None, kind: str):
        super().__init__(f"{key}: {kind}, not a text")
        self.key, self.line, self.kind = key, line, kind

    def problem(self, templates_dir: Path) -> Problem:
        return Problem(
            templates_dir / STRINGS_FILE,
            f"'{self.key}' is {self.kind}, and the templates fill it in as one text",
            f"write one text after '{self.key}:' (items each after '- ', or keys below "
            "it, are for a template of your own that goes through them)",
            self.line,
        )


def _unfilled(text: str, names: tuple[str, ...]) -> Exception | None:
    """Why js/search.js cannot fill ``text`` in, as str.format would say it, or None:
    its fill() knows {name} alone, not {query.x}, {count!r} or {count:>5}."""
    try:
        fields = [(f, s, c) for _, f, s, c in string.Formatter().parse(text) if f is not None]
    except ValueError as exc:  # a lone brace
        return exc
    for name, spec, conversion in fields:
        if name not in names:
            return KeyError(name)
        if spec or conversion:
            added = f"!{conversion}" if conversion else f":{spec}"
            return ValueError(f"{{{name}}} written with {added}")
    return None


_BRACE_WRITTEN_TWICE = re.compile(r"\{\{|\}\}")


class _Text(str):
    """A text of strings.yaml that knows its key and line: a placeholder the template
    does not fill ({mon} for {month}) or a lone brace is a mistake in strings.yaml, and
    the message says so there, not at the template that fills it in.

    A brace meant as text is written twice, as str.format reads it; a text the page
    shows as it is shows it once, like a filled-in one (the search page's words reach
    js/search.js as written: it fills them in)."""

    key: str
    line: int | None
    written: str

    @classmethod
    def of(cls, key: str, text: str, line: int | None) -> "_Text":
        shown = (
            text
            if key in FILLED_BY_SEARCH_PAGE
            else _BRACE_WRITTEN_TWICE.sub(lambda brace: brace[0][0], text)
        )
        made = cls(shown)
        made.key, made.line, made.written = key, line, text
        return made

    def format(self, *args: Any, **kwargs: Any) -> str:
        try:
            return self.written.format(*args, **kwargs)
        except (KeyError, IndexError, ValueError, AttributeError) as exc:
            raise PlaceholderError(self, sorted(kwargs), exc) from None


class PlaceholderError(Exception):
    def __init__(self, text: _Text, names: list[str], exc: Exception):
        super().__init__(f"{text.key}: {exc}")
        self.text, self.names, self.exc = text, names, exc

    def problem(self, templates_dir: Path) -> Problem:
        key, names = self.text.key, ", ".join(f"{{{name}}}" for name in self.names)
        filler = "the search page does" if key in FILLED_BY_SEARCH_PAGE else "the pages do"
        if isinstance(self.exc, KeyError):
            wrong = f"the placeholder {{{self.exc.args[0]}}}, which {filler} not fill in"
        else:
            wrong = f"a placeholder that cannot be filled in ({self.exc})"
        return Problem(
            templates_dir / STRINGS_FILE,
            f"'{key}' has {wrong}",
            (
                f"use only {names} in it"
                if names
                else "the pages show it as it is: take the placeholder out"
            )
            + "; a { or } meant as text is written twice: {{ or }}",
            self.text.line,
        )


def not_utf8(path: Path, data: bytes, exc: UnicodeDecodeError) -> Problem:
    """A template or strings.yaml that is not UTF-8, with the line and column of the first
    byte that is not."""
    return Problem(
        path,
        "the file is not UTF-8 text",
        "save it again with the encoding UTF-8",
        *place_in(data, exc.start),
    )


def _published_kind(name: str) -> bool:
    """Whether a file is named as a picture, sound, video, font or document is, not text."""
    kind = mimetypes.guess_type(name)[0] or "text/"
    text = ("text/", "application/xml", "application/json", "application/yaml")
    return not kind.startswith(text) and not kind.endswith("+xml")


def _word_of(node: nodes.Node) -> str | None:
    """The key of ``t.key`` or ``t["key"]``, or None for another expression."""
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
        return node.attr if node.node.name == "t" else None
    if (
        isinstance(node, nodes.Getitem)
        and isinstance(node.node, nodes.Name)
        and node.node.name == "t"
        and isinstance(node.arg, nodes.Const)
        and isinstance(node.arg.value, str)
    ):
        return node.arg.value
    return None


# The statements whose body has names of its own, with the parts of each read outside it
# (a loop's else is run when it has nothing to loop over: its target names nothing there).
_SCOPES: dict[type[nodes.Node], tuple[str, ...]] = {
    nodes.For: ("iter", "else_"),
    nodes.Macro: (),
    nodes.CallBlock: ("call",),
    nodes.With: ("values",),
    nodes.FilterBlock: ("filter",),
    nodes.Block: (),
}


class WordUse(NamedTuple):
    """A template reading t where t is the words of strings.yaml: the expression around
    t (t.key, t["key"], t.get, or another that takes t whole), and the node holding that
    (the Output that shows it as it is, the Call of t.get("key"), the Test of `is
    defined`)."""

    node: nodes.Node
    holder: nodes.Node | None


def words_used(
    trees: Mapping[str, nodes.Template],
) -> tuple[dict[str, list[WordUse]], set[str]]:
    """Where each of the templates ``trees`` (by name) reads t as the words of
    strings.yaml, in the order written (``_words_used``); and the templates they include
    where t is a name of their own, whose t is not the words (the same template included
    elsewhere is taken as theirs too: no word is said lacking or wrong there)."""
    used: dict[str, list[WordUse]] = {}
    theirs: set[str] = set()
    for name, tree in trees.items():
        used[name], included = _words_used(tree)
        theirs |= included
    return used, theirs


def lacking_words(
    trees: Mapping[str, nodes.Template], words: Mapping[str, Any]
) -> list[tuple[str, str, int]]:
    """The keys that the templates ``trees`` (by name) ask of strings.yaml as t.key or
    t["key"] and ``words`` lacks, each once, with the template and line that first asks
    (by name, then line); not one asked only whether it is defined, or given a default
    (a fork's optional word), nor one asked where ``t`` is a name of the template's own,
    which no word of strings.yaml is (``words_used``)."""
    used, theirs = words_used(trees)
    optional = {
        _word_of(use.node)
        for uses in used.values()
        for use in uses
        if (isinstance(use.holder, nodes.Test) and use.holder.name in ("defined", "undefined"))
        # `t.key | default("...")`: Jinja's default stands in for a key strings.yaml lacks.
        or (
            isinstance(use.holder, nodes.Filter)
            and use.holder.name in ("default", "d")
            and use.holder.node is use.node
        )
    }
    found: dict[str, tuple[str, int]] = {}
    for name in sorted(used.keys() - theirs):
        for use in used[name]:
            key = _word_of(use.node)
            if key is not None and key not in words and not hasattr(dict, key):
                found.setdefault(key, (name, use.node.lineno))
    return [(key, *found[key]) for key in found if key not in optional]


def _words_used(tree: nodes.Template) -> tuple[list[WordUse], set[str]]:
    """Where a template reads t as the words of strings.yaml, in the order written, and
    the templates it includes where t is a name of its own: a loop's `{% for t in tags
    %}`, a macro's argument t, a `{% set t = ... %}` (a fork's tag list asked t.name,
    and the name was taken for a word strings.yaml lacks)."""
    used: list[WordUse] = []
    theirs: set[str] = set()

    def visit(node: nodes.Node, own: bool, parent: nodes.Node, holder: nodes.Node | None) -> None:
        if not own and isinstance(node, nodes.Name) and node.name == "t" and node.ctx == "load":
            used.append(WordUse(parent, holder))
        if own and isinstance(node, nodes.Include) and isinstance(node.template, nodes.Const):
            theirs.add(str(node.template.value))
        outside = _SCOPES.get(type(node))
        inside = own or (outside is not None and _t_binding(node) is not None)
        for field, value in node.iter_fields():
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, nodes.Node):
                    visit(child, own if outside and field in outside else inside, node, parent)

    own = _t_binding(tree) is not None
    for child in tree.iter_child_nodes():
        visit(child, own, tree, None)
    return used, theirs


def _t_binding(scope: nodes.Node) -> nodes.Node | None:
    """The node by which a template, or a statement of _SCOPES, names something t for what
    it holds (its target or argument, or a set or import among its statements, not inside
    one that has a body of its own), the first written; None when it names none."""
    todo = list(scope.iter_child_nodes())
    found: list[nodes.Node] = []
    while todo:
        node = todo.pop()
        if isinstance(node, nodes.Name) and node.name == "t" and node.ctx in ("store", "param"):
            found.append(node)
        if isinstance(node, nodes.Import) and node.target == "t":
            found.append(node)
        if isinstance(node, nodes.FromImport) and any(
            (name if isinstance(name, str) else name[1]) == "t" for name in node.names
        ):
            found.append(node)
        if type(node) not in _SCOPES:
            todo.extend(node.iter_child_nodes())
    return min(found, key=lambda node: node.lineno, default=None)


# make_environment's syntax, to read templates without rendering them: what a template
# asks where an error was raised, and check's readings (unused.py).
PARSER = Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def t_named_at_top(exc: BaseException, key: str) -> tuple[str, int] | None:
    """When a template asked strings.yaml's word ``key`` where the error was raised (its
    t.key, with t strings.yaml's there), yet t held something else: the template the
    error passed through that names something t at its top, and the line. In a template
    that extends another, `{% set t = ... %}` outside any block is t in the other one too,
    and hid strings.yaml's words from it."""
    frames = _template_frames(exc)
    if not frames or not _asks_word(frames[-1][0], frames[-1][1], key):
        return None
    for filename, _, _ in frames:
        tree = _parsed(filename)
        binding = None if tree is None else _t_binding(tree)
        if binding is not None:
            return filename, binding.lineno
    return None


def _asks_word(filename: str, line: int, key: str) -> bool:
    tree = _parsed(filename)
    used = [] if tree is None else _words_used(tree)[0]
    return any(use.node.lineno == line and _word_of(use.node) == key for use in used)


def _parsed(filename: str) -> nodes.Template | None:
    try:
        return PARSER.parse(Path(filename).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, TemplateError):
        return None


def template_line(exc: BaseException) -> tuple[str, int] | None:
    """The template file and line an error was raised at (the innermost template in the
    traceback, which Jinja rewrites to name template lines), or None."""
    frames = _template_frames(exc)
    return (frames[-1][0], frames[-1][1]) if frames else None


def template_caller(exc: BaseException) -> tuple[str, int] | None:
    """When the error was raised in a macro: the template and line that called it
    (``{{ m.published(page) }}`` in base.html gave the wrong value), or None."""
    frames = _template_frames(exc)
    # Jinja names a frame of a template's own code or of a block by it, and one of a
    # macro only "template".
    if len(frames) < 2 or frames[-1][2] != "template":
        return None
    # A loop's filter (`{% for x in xs if ... %}`) runs in such a frame too, at the
    # line of its loop: no macro, and the line is said already.
    if frames[-1][:2] == frames[-2][:2]:
        return None
    return frames[-2][0], frames[-2][1]


# The functions given to templates that make a page's address from its name or number
# (`url(category_url("Tin hoạt động"))`); check reads a link to no page made by one.
ADDRESS_HELPERS: dict[str, Callable[..., str]] = {
    "home_url": urls.home_url,
    "archive_url": urls.archive_url,
    "year_url": urls.year_url,
    "month_url": urls.month_url,
    "categories_url": urls.categories_url,
    "category_url": urls.category_url,
    "tags_url": urls.tags_url,
    "tag_url": urls.tag_url,
    "page_url": urls.page_url,
    "feed_url": urls.feed_url,
    "feeds_url": urls.feeds_url,
    "search_url": urls.search_url,
}
# What each function given to templates takes, said when it is given something else:
# `url(2019)` stopped the build with Python's "expected string or bytes-like object".
TAKES = {
    "url": "an address on the site, as text: url('img/logo.png'), url(year_url(2019))",
    "absolute_url": "an address on the site, as text: absolute_url(page.url)",
    "permalink": "an article or a page of content/pages/: permalink(article)",
    "year_url": "a year, a number: year_url(2019)",
    "month_url": "a year and a month (1 to 12), numbers: month_url(2019, 4)",
    "category_url": "a category's name, as text: category_url(article.category)",
    "tag_url": 'a tag\'s name, as text: tag_url("quy hoạch")',
    "page_url": "a list's address and a page's number: page_url(list_url, 2)",
    "feed_url": "nothing, or a list's address: feed_url(list_url)",
    "feed_anchor": "a list's address: feed_anchor(list_url)",
    "year_anchor": "a year, a number: year_anchor(2019)",
}
# The code that runs for a function whose name is not its own (url() is a page's linker).
_CALLED = {"to": "url", "_link_from": "url", "relative_url": "url", "<lambda>": "absolute_url"}
_PACKAGE = str(Path(__file__).resolve().parent)


def function_failed(exc: BaseException) -> str | None:
    """The call of a function given to templates (``TAKES``) that raised ``exc``, as a
    template writes it (``year_url('abc')``), when it was given what it cannot take."""
    tb, called = exc.__traceback__, None
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            called = None  # the first of our frames after the innermost template's
        elif called is None and tb.tb_frame.f_code.co_filename.startswith(_PACKAGE):
            called = tb.tb_frame
        tb = tb.tb_next
    if called is None:
        return None
    code = called.f_code
    name = _CALLED.get(code.co_name, code.co_name)
    arguments = code.co_varnames[: code.co_argcount]
    if name not in TAKES or not arguments:
        return None
    given = ("to_url",) if "to_url" in arguments else arguments
    return f"{name}({', '.join(_shown(called.f_locals.get(a)) for a in given)})"


def _shown(value: Any) -> str:
    """A value as a template would write it; an object by its kind (a Page: 2,000 letters)."""
    if value is None or isinstance(value, str | int | float):
        return "none" if value is None else repr(value)[:80]
    return f"a {type(value).__name__}"


def _template_frames(exc: BaseException) -> list[tuple[str, int, str]]:
    """The template files, lines and code names of the traceback, outermost first."""
    found = []
    tb = exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:  # jinja2.debug.fake_traceback
            code = tb.tb_frame.f_code
            found.append((code.co_filename, tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    return found


class _Strings(dict[str, Any]):
    """The words of strings.yaml, also as attributes: ``t.home`` is a plain attribute
    lookup, where a dict made Jinja raise and catch an AttributeError for each word (a
    page shows some twenty-five). A key named like a dict method stays an item only, as
    Jinja reads it from a dict."""

    def __init__(self, words: dict[str, Any]):
        super().__init__(words)
        self.__dict__.update(
            (k, v) for k, v in words.items() if isinstance(k, str) and not hasattr(dict, k)
        )


class _Context(Context):
    """Jinja's context, calling plain functions directly: a page makes a hundred calls
    (``url(...)``, ``permalink(a)``, ``strftime``), and Jinja's own ``call`` looks at
    each callee four times for a context it might want (an eighth of rendering)."""

    @internalcode  # hidden from template tracebacks, as Jinja's own call
    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        kind = type(__obj)
        # Builtins take no context; a Python function asks for one with jinja_pass_arg.
        if kind is BuiltinFunctionType or (
            kind is FunctionType and "jinja_pass_arg" not in __obj.__dict__
        ):
            if kwargs:
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception"
                )
        return super().call(__obj, *args, **kwargs)


def _escape_output(value: Any) -> str:
    """markupsafe.escape for what a template prints (``{{ ... }}``), without wrapping it
    in Markup: Jinja joins those pieces into the page, where Markup is of no use, and a
    page prints some seventy of them (making each Markup was a tenth of its rendering)."""
    kind = type(value)
    if kind is str or kind is _Text:  # _Text: the words of strings.yaml
        return _escape_text(value)
    if kind is Markup:  # a macro's output, the body: escape() would copy it
        return value
    return escape(value)


class _Template(Template):
    """A template whose printed values are escaped by _escape_output. The compiled code
    stays Jinja's own (and so does the bytecode cache): its name ``escape`` serves only
    to print values, and is bound to _escape_output in the template's namespace."""

    @classmethod
    def from_code(
        cls, environment: Environment, code: Any, globals: Any, uptodate: Any = None
    ) -> Any:
        template = super().from_code(environment, code, globals, uptodate)
        namespace = template.root_render_func.__globals__
        if _escape_text is not None and namespace.get("escape") is escape:
            namespace["escape"] = _escape_output
        return template


class _Environment(Environment):
    """Jinja's environment, its templates' globals one dict: each page's context is made
    from them, and Jinja's ChainMap is read key by key in Python (a tenth of rendering an
    article page). Our globals are all set before the first template is loaded."""

    template_class = _Template

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return {**self.globals, **(d or {})}


class _Loader(FileSystemLoader):
    """Templates as saved, but for the byte order mark Notepad may write at the start: it
    went out before `<!DOCTYPE html>`, and browsers showed the page in quirks mode, its
    head read as body."""

    def get_source(self, environment: Environment, template: str) -> Any:
        source, filename, uptodate = super().get_source(environment, template)
        return source.removeprefix("\ufeff"), filename, uptodate


def make_environment(config: SiteConfig, bytecode: BytecodeCache | None = None) -> Environment:
    """``bytecode`` keeps compiled templates between runs (Jinja checks
    each template's source against its compiled copy)."""
    env = _Environment(
        loader=_Loader(config.templates_dir),
        cache_size=-1,  # a dict: every template is kept, without an LRU's lock per lookup
        # Templates do not change during a build: no stat() per page to check.
        auto_reload=False,
        bytecode_cache=bytecode,
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.context_class = _Context
    # Vietnamese stays readable in JSON-LD; tojson still escapes <, > and & for HTML.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.globals.update(
        site=config,
        t=_Strings(load_strings(config.templates_dir)),
        absolute_url=lambda url: urls.absolute_url(config.base_url, url),
        permalink=urls.permalink,
        feed_anchor=urls.feed_anchor,
        year_anchor=urls.year_anchor,
        search_bundle_url=urls.search_bundle_url,
        **ADDRESS_HELPERS,
    )
    return env


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
        words = cast(_Strings, self.env.globals["t"]).get("footnote_back")
        self.footnote_title = (lambda number: words.format(number=number)) if words else None
        # The name of a link to a picture that shows only unnamed ones (markup.picture_names).
        self.picture_link: str | None = cast(_Strings, self.env.globals["t"]).get("picture_link")
        # By body digest: the HTML from earlier builds, the Markdown of the others.
        self.known_html = known_html or {}
        self.markdown = markdown or {}
        self.converted: dict[str, str] = {}  # bodies converted here, for the cache
        self._trees: dict[str, nodes.Template] = {}  # templates do not change in a build

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
                "changed)",
            )
            for name in sorted(templates - have)
        ]
        if missing:
            raise BuildFailed(missing)
        # What macOS (.DS_Store) or an editor (vim's swap file) put there is no template:
        # it stopped every build as "not UTF-8", or, a dangling lock link, "cannot read".
        for name in sorted(n for n in have if not made_by_system(n.rpartition("/")[2])):
            path = self.config.templates_dir / name
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
        if wrong:
            raise BuildFailed(wrong)

    def _shown_words(self, templates: set[str]) -> list[Problem]:
        """The words of strings.yaml that a template shows as they are (``{{ t.home }}``,
        not ``t.x.format(...)``) and that would show wrong: a list or a group (the menu
        read ['Trang nhà'], Python's way to print a list), or a text with a {placeholder}
        no page fills in ("Liên hệ {email}." was published so)."""
        strings = cast(_Strings, self.env.globals["t"])
        trees = {name: self._parse(name) for name in self._with_their_parts(templates)}
        used, theirs = words_used(trees)
        shown: dict[str, tuple[str, int]] = {}
        for name in sorted(used.keys() - theirs):
            # A word filled in, t.x.format(...), is held by a Call, not the Output: left
            # alone; so is one through a filter (t.links | join(", ")).
            for use in used[name]:
                key = _word_of(use.node)
                if key is not None and isinstance(use.holder, nodes.Output):
                    shown.setdefault(key, (name, use.node.lineno))
        folder, problems = self.config.templates_dir, []
        for key, (name, line) in sorted(shown.items()):
            value = strings.get(key)
            if isinstance(value, (_Texts, _TextGroup)):
                kind = "a list" if isinstance(value, _Texts) else "a group of keys"
                items = value if isinstance(value, _Texts) else value.values()
                text = ", ".join(str(item) for item in items)
                problems.append(
                    Problem(
                        folder / STRINGS_FILE,
                        f"'{key}' is {kind}, and {name} (line {line}) shows it as a text: "
                        "pages would show it as Python writes it, in brackets",
                        f'write it as one text: {key}: "{text}"',
                        value.line,
                    )
                )
            elif isinstance(value, _Text) and key not in FILLED_BY_SEARCH_PAGE:
                unfilled = _unfilled(value.written.replace("{{", "").replace("}}", ""), ())
                if unfilled is not None:
                    problems.append(PlaceholderError(value, [], unfilled).problem(folder))
        return problems

    def words_lacking(self, templates: set[str]) -> list[tuple[str, str, int]]:
        """The keys that ``templates`` (and their parts) ask of strings.yaml as t.key or
        t["key"] and it lacks, each once, with the template and line that first asks;
        not one asked only whether it is defined (a fork's optional word)."""
        trees = {name: self._parse(name) for name in self._with_their_parts(templates)}
        return lacking_words(trees, cast(_Strings, self.env.globals["t"]))

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
