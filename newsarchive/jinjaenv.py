"""The Jinja2 environment pages render in: its syntax, what every template is given (the
words of strings.yaml as t, the functions that make addresses), and the speed-ups of
rendering (plain calls, one dict of globals, printed values escaped without Markup)."""

from collections.abc import Callable, MutableMapping
from types import BuiltinFunctionType, FunctionType
from typing import Any

import markupsafe
from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Template,
    select_autoescape,
)
from jinja2.runtime import Context
from jinja2.utils import internalcode
from markupsafe import Markup, escape

from . import urls
from .config import SiteConfig
from .uistrings import _Text, load_strings

# MarkupSafe 3's escape() is Python around this C function (MarkupSafe 2's is C itself).
_escape_text: Any = getattr(markupsafe, "_escape_inner", None)

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
# make_environment's syntax, to read templates without rendering them: what a template
# asks where an error was raised, and check's readings (unused.py, templatesyntax.py).
# The filters newsarchive adds to Jinja2's own (README names them): a misspelt one is
# told with them.
OWN_FILTERS = ("thousands",)

PARSER = Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


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


def grouped(count: int, separator: str) -> str:
    """``count`` with its digits in groups of three (1000 -> 1.000): js/search.js's
    grouped() writes the search page's counts alike."""
    return f"{count:,}".replace(",", separator)


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
    words = _Strings(load_strings(config.templates_dir))
    # A count of articles as the site's language writes it: 1.000 in Vietnamese. A fork's
    # older strings.yaml without the key writes it so too.
    separator = str(words.get("thousands_separator", "."))
    env.filters["thousands"] = lambda count: grouped(count, separator)
    env.globals.update(
        site=config,
        t=words,
        absolute_url=lambda url: urls.absolute_url(config.base_url, url),
        permalink=urls.permalink,
        contact_url=urls.contact_url,
        feed_anchor=urls.feed_anchor,
        year_anchor=urls.year_anchor,
        search_bundle_url=urls.search_bundle_url,
        search_manifest_url=urls.search_manifest_url,
        old_addresses_folder=urls.old_addresses_folder,
        old_address_shards=urls.OLD_ADDRESS_SHARDS,
        **ADDRESS_HELPERS,
    )
    return env
