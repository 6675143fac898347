"""Where in the templates an error was raised, read from its traceback (which Jinja
rewrites to name template lines): the template and line, the one that called the macro,
the template that named t something else, the function given to templates that was given
what it cannot take. The messages name the line to correct with them (render.py)."""

import re
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, nodes

from .jinjaenv import PARSER
from .templatewords import asks_word, t_binding


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
        binding = None if tree is None else t_binding(tree)
        if binding is not None:
            return filename, binding.lineno
    return None


def _asks_word(filename: str, line: int, key: str) -> bool:
    tree = _parsed(filename)
    return tree is not None and asks_word(tree, line, key)


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
    # A macro that failed in a macro it called (published() in machine_date()): the
    # call to name is the first of the chain, in the template the maintainer edited.
    first = len(frames) - 1
    while first > 1 and frames[first - 1][2] == "template":
        first -= 1
    return frames[first - 1][0], frames[first - 1][1]


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


# Jinja's words for a tag left open: "… The innermost block that needs to be closed is
# 'if'.", at the line where the template (or the enclosing block) ended, which is not the
# line the editor must look at.
_LEFT_OPEN = re.compile(r"The innermost block that needs to be closed is '(\w+)'")
# The tags that open a block closed by end<tag> (`set` only in its block form, without =).
_OPENERS = {"if", "for", "block", "macro", "call", "filter", "with", "autoescape", "trans"}


def left_open(exc: TemplateSyntaxError) -> tuple[str, int] | None:
    """The tag Jinja says was left open (`if`) and the line it opens at: the innermost one
    of that tag still open where the error was raised."""
    said = _LEFT_OPEN.search(exc.message or "")
    opened = None if said is None else _opened(exc)
    if said is None or opened is None:
        return None
    lines = [line for tag, line in opened if tag == said[1]]
    return (said[1], lines[-1]) if lines else None


# Jinja's words for an end tag where none was expected: "Encountered unknown tag 'endfor'."
_UNKNOWN_END = re.compile(r"Encountered unknown tag 'end(\w+)'")


def closes_nothing(exc: TemplateSyntaxError) -> str | None:
    """The tag (`for`) whose end the template writes where no such tag is open: an
    `{% endfor %}` left behind when its `{% for %}` was deleted. Jinja names the tag that
    is open there (a block), whose closing would not mend it."""
    said = _UNKNOWN_END.match(exc.message or "")
    opened = None if said is None or said[1] not in _OPENERS else _opened(exc)
    if said is None or opened is None or said[1] in {tag for tag, _ in opened}:
        return None
    return said[1]


# Jinja's words for a name after `endblock` that is not the open block's: it skips the
# block's own name only, and then wants the tag's end.
_NAMED_END = re.compile(r"expected token 'end of statement block', got '(\w+)'")


def misnamed_end(exc: TemplateSyntaxError) -> tuple[str, str, int] | None:
    """An `{% endblock main %}` closing another block: the name written, and the name
    and line of the block it closes (the innermost open where Jinja stopped)."""
    said = _NAMED_END.fullmatch(exc.message or "")
    if said is None or not exc.source:
        return None
    try:
        tokens = list(PARSER.lex(exc.source))
    except TemplateSyntaxError:
        return None
    blocks: list[tuple[str, int]] = []
    for (line, kind, _), (_, _, tag), (_, _, name) in zip(
        tokens, tokens[2:], tokens[4:], strict=False
    ):
        if line > exc.lineno or kind != "block_begin":
            continue
        if tag == "block":
            blocks.append((name, line))
        elif tag == "endblock":
            if line == exc.lineno and name == said[1] and blocks:
                return said[1], *blocks[-1]
            if blocks:
                blocks.pop()
    return None


# Jinja's words when a {{ … }} or {% … %} runs on for want of its end: "unexpected '}'"
# (`{{ t.home }`), "expected token 'end of print statement', got 'b'", said where it gave
# up, often a line below the mark the editor must finish.
_RAN_ON = re.compile(r"unexpected |expected token 'end of (print statement|statement block)'")
# Each opening mark and its end (render.py says the end to write).
MARK_ENDS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_MARK = re.compile(r"\{[{%#]")


def unclosed_mark(exc: TemplateSyntaxError) -> tuple[str, int] | None:
    """The `{{` or `{%` that the template opens and never closes before another opens (or
    its text ends), and its line: where Jinja ran on for want of its end."""
    if not exc.source or not _RAN_ON.match(exc.message or ""):
        return None
    text, at = exc.source, 0
    while opening := _MARK.search(text, at):
        mark = opening[0]
        end = text.find(MARK_ENDS[mark], opening.end())
        following = _MARK.search(text, opening.end())
        if mark != "{#" and (end < 0 or (following and following.start() < end)):
            return mark, text.count("\n", 0, opening.start()) + 1
        at = len(text) if end < 0 else end + 2
    return None


def _opened(exc: TemplateSyntaxError) -> list[tuple[str, int]] | None:
    """The tags still open, innermost last, each with its line, where Jinja stopped
    reading the template (None when its text is not at hand or cannot be read)."""
    if not exc.source:
        return None
    opened: list[tuple[str, int]] = []
    try:
        tokens = list(PARSER.lex(exc.source))
    except TemplateSyntaxError:
        return None
    for (line, kind, _), (_, _, name) in zip(tokens, tokens[2:], strict=False):
        if line > exc.lineno:
            break
        if kind != "block_begin":
            continue
        if name in _OPENERS:
            opened.append((name, line))
        elif name.startswith("end") and name[3:] in _OPENERS:
            if not opened or opened[-1][0] != name[3:]:
                break  # the end of another tag: where Jinja stopped
            opened.pop()
    return opened
