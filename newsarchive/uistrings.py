"""The words of templates/strings.yaml, which the templates show: read and checked once a
build (text where a text is filled in, only the placeholders the pages fill in), each
knowing its key and line, so that a mistake in one is said at its line in strings.yaml."""

import difflib
import functools
import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import BuildFailed, Problem, not_utf8, shown, special_file
from .yamltext import normalise_text, parse_yaml, written

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
    "search_corrected_dated": ("count", "query", "dated", "others", "typed"),
    "search_results_some_dated": ("count", "query", "dated", "others"),
    "search_results_year": ("count", "query", "dated", "others", "year"),
    "search_results_year_partial": ("count", "query", "dated", "others", "year"),
    "search_corrected_year": ("count", "query", "dated", "others", "year", "typed"),
    "search_corrected_year_partial": ("count", "query", "dated", "others", "year", "typed"),
    "search_results_some_year": ("count", "query", "dated", "others", "year"),
    "search_results_phrase": ("count", "query", "phrase", "others"),
    "search_results_phrase_partial": ("count", "query", "phrase", "others"),
    "search_month_link": ("month", "year"),
    "search_year_link": ("year",),
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
            f"{strings_file(templates_dir)} is missing: the templates take every word they "
            "show from it",
            f"copy {STRINGS_FILE} from the templates/ folder that comes with newsarchive; "
            "deleted from a git clone by mistake, `git checkout HEAD -- "
            f"{shown(path)}` brings its last committed copy back",
        )
        raise BuildFailed([problem])
    if special := special_file(path, "the templates' words"):
        raise BuildFailed([special])
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


def strings_file(templates_dir: Path) -> str:
    """The strings.yaml of ``templates_dir`` as a message names it, as the file a message
    is about is named (theme/strings.yaml where site.yaml says templates_dir: theme): said
    "strings.yaml", it sent the archivist to the templates/ one, which the build then
    does not read."""
    return shown(templates_dir / STRINGS_FILE)


def word_lacking(key: str, words: Mapping[str, Any], templates_dir: Path) -> tuple[str, str]:
    """`t.<key>` asked of the strings.yaml of ``templates_dir``, holding ``words``, that
    lacks it: the message and the fix.

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
    named = strings_file(templates_dir)
    return (
        f"t.{key}: {named} has no key '{key}'{said}",
        (
            f"add the line '{shipped[key]}' to {named} (newsarchive's own words: "
            "reword them as you need)"
            if key in shipped
            else f"add '{key}:' and its text to {named}"
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


def shown_wrong(
    key: str, value: Any, shown_at: tuple[str, int], templates_dir: Path
) -> Problem | None:
    """The problem of the word ``key`` of strings.yaml, which a template (``shown_at``: its
    name and line) shows as it is (``{{ t.home }}``), when it would show wrong: a list or a
    group, or a text with a {placeholder} no page fills in; None when it shows right."""
    name, line = shown_at
    if isinstance(value, (_Texts, _TextGroup)):
        kind = "a list" if isinstance(value, _Texts) else "a group of keys"
        items = value if isinstance(value, _Texts) else value.values()
        text = ", ".join(str(item) for item in items)
        return Problem(
            templates_dir / STRINGS_FILE,
            f"'{key}' is {kind}, and {name} (line {line}) shows it as a text: "
            "pages would show it as Python writes it, in brackets",
            f'write it as one text: {key}: "{text}"',
            value.line,
        )
    if isinstance(value, _Text) and key not in FILLED_BY_SEARCH_PAGE:
        unfilled = _unfilled(value.written.replace("{{", "").replace("}}", ""), ())
        if unfilled is not None:
            return PlaceholderError(value, [], unfilled).problem(templates_dir)
    return None


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
