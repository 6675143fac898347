"""Reading the YAML text files: site.yaml, front matter, strings.yaml, site profiles.

Text is decoded strictly as UTF-8 (a BOM is allowed), line ends become LF and
everything is NFC-normalised, so an NFD or CRLF file gives the same site as its twin.
"""

import functools
import json
import re
import unicodedata
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

import yaml

from .errors import BuildFailed, Problem
from .schema import GROUP_KEYS

_LINE_ENDS = "\r\n\x85\u2028\u2029"


class _PythonLoader(yaml.SafeLoader):
    """PyYAML's own loader, for a PyYAML without libyaml (built from source, a Python
    newer than its wheels), reading tabs as libyaml does (its scanner.c): it refused a tab
    after `title:`, in a [list], inside a value or before a note ("found character '\\t'
    that cannot start any token"), so the same articles built on one machine and stopped
    the build on another."""

    def scan_to_next_token(self) -> None:
        # libyaml skips a tab where no key may start: in [ ] or { }, after "key:", after
        # the text of a value; at the start of a line a tab is still refused.
        if self.index == 0 and self.peek() == "\ufeff":
            self.forward()
        while True:
            while self.peek() == " " or (
                self.peek() == "\t" and (self.flow_level or not self.allow_simple_key)
            ):
                self.forward()
            if self.peek() == "#":
                while self.peek() not in "\0" + _LINE_ENDS:
                    self.forward()
            if not self.scan_line_break():
                return
            if not self.flow_level:
                self.allow_simple_key = True

    def scan_plain_spaces(self, indent: int, start_mark: yaml.Mark) -> list[str] | None:
        # PyYAML's, with a tab taken as a space between words and before the text of a
        # line that goes on a value, where it is not in the indentation (libyaml's
        # "found a tab character that violates indentation").
        length = 0
        while self.peek(length) in " \t":
            length += 1
        whitespaces = self.prefix(length)
        self.forward(length)
        if self.peek() not in _LINE_ENDS:
            return [whitespaces] if whitespaces else []
        line_break = self.scan_line_break()
        self.allow_simple_key = True
        breaks = []
        while True:
            if self.prefix(3) in ("---", "...") and self.peek(3) in "\0 \t" + _LINE_ENDS:
                return None
            while self.peek() in " \t":
                if self.peek() == "\t" and self.column < indent:
                    raise yaml.scanner.ScannerError(
                        "while scanning a plain scalar",
                        start_mark,
                        "found a tab character that violates indentation",
                        self.get_mark(),
                    )
                self.forward()
            if self.peek() not in _LINE_ENDS:
                break
            breaks.append(self.scan_line_break())
        if line_break != "\n":
            return [line_break, *breaks]
        return breaks or [" "]


_BaseLoader = getattr(yaml, "CSafeLoader", _PythonLoader)

# What PyYAML's own parser says (context, problem) in libyaml's words, which the hints
# of parse_yaml look for: without them a message read otherwise on a machine without
# libyaml, and missed its hint. A context of None fits any.
_LIBYAML_WORDS = [
    (
        None,
        r"found character .* that cannot start any token",
        "found character that cannot start any token",
    ),
    (
        "while scanning a double-quoted scalar",
        r"found unknown escape character .*",
        "found unknown escape character",
    ),
    (
        None,
        r"expected escape sequence of \d+ hexa?decimal numbers, .*",
        "did not find expected hexdecimal number",
    ),
    ("while parsing a block mapping", r"expected <block end>, .*", "did not find expected key"),
    (
        "while parsing a block collection",
        r"expected <block end>, .*",
        "did not find expected '-' indicator",
    ),
    (None, r"expected the node content, .*", "did not find expected node content"),
    (
        None,
        r"expected chomping or indentation indicators, .*",
        "did not find expected comment or line break",
    ),
    (
        None,
        r"expected a comment or a line break, .*",
        "did not find expected comment or line break",
    ),
    (
        None,
        r"expected indentation indicator in the range 1-9, .*",
        "found an indentation indicator equal to 0",
    ),
    (None, r"expected ',' or '\]', .*", "did not find expected ',' or ']'"),
    (None, r"expected ',' or '\}', .*", "did not find expected ',' or '}'"),
    (None, r"expected '<document start>', .*", "did not find expected <document start>"),
    (
        None,
        r"mapping values are not allowed here",
        "mapping values are not allowed in this context",
    ),
    (None, r"mapping keys are not allowed here", "mapping keys are not allowed in this context"),
    (
        "while scanning an anchor",
        r"expected alphabetic or numeric character, .*",
        "did not find expected alphabetic or numeric character",
    ),
    (
        "while scanning an alias",
        r"expected alphabetic or numeric character, .*",
        "did not find expected alphabetic or numeric character",
    ),
    (
        None,
        r"sequence entries are not allowed here",
        "block sequence entries are not allowed in this context",
    ),
]
# The contexts libyaml names otherwise.
_LIBYAML_CONTEXTS = {"while scanning a double-quoted scalar": "while parsing a quoted scalar"}


def _in_libyaml_words(exc: yaml.MarkedYAMLError, text: str) -> None:
    """Word and mark an error of PyYAML's own parser as libyaml does (see _LIBYAML_WORDS)."""
    problem = exc.problem or ""
    exc.problem = next(
        (
            words
            for context, pattern, words in _LIBYAML_WORDS
            if context in (None, exc.context) and re.fullmatch(pattern, problem)
        ),
        exc.problem,
    )
    mark = exc.problem_mark
    if mark is not None and problem.startswith("found unknown escape character"):
        # libyaml points at the backslash, PyYAML at the letter after it.
        mark = yaml.Mark(mark.name, mark.index - 1, mark.line, mark.column - 1, None, 0)
    elif mark is not None and mark.index >= len(text) and mark.column:
        # At the end of a text without a last line end, libyaml's mark is on the next line.
        mark = yaml.Mark(mark.name, mark.index, mark.line + 1, 0, None, 0)
    exc.problem_mark = mark
    exc.context = _LIBYAML_CONTEXTS.get(exc.context or "", exc.context)


class FrontMatterLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as text: we parse them ourselves, day-first."""

    yaml_implicit_resolvers: ClassVar[dict] = {
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


YAML_HINT = (
    "check the YAML syntax at this spot: each line is 'key: value'; put a value "
    "that contains ': ' or ' #', or starts with [ { * & ! | > ' \" % @ or `, "
    'in double quotes, e.g. title: "Hội nghị: tổng kết năm"'
)

TAB_HINT = "YAML indents with spaces, never a tab: replace the tab at this spot with two spaces"
# A tab before a key of the top level, which starts at the beginning of its line.
TAB_KEY_HINT = (
    "delete the tab: a key starts at the beginning of its line, like the others (only a "
    "key of a group, under a line such as 'params:', is indented, by two spaces)"
)
# A line that starts with a key, maybe indented (by mistake, below a key of the top level).
_KEY_LINE = re.compile(r"[ \t]*([^\s:#\-][^:#]*):(?:\s|$)")
# A quote opened and never closed: YAML reads on to the end of the front matter and
# points there, lines below the mistake; the quote that opens the value is the place.
UNCLOSED_HINT = (
    'end the value with the same quote it starts with (title: "Hội nghị tổng kết"), '
    "or remove the quote at its start"
)
# A backslash in double quotes starts an escape (\n, \"): "C:\du-lieu" is refused.
BACKSLASH_HINT = (
    "inside double quotes a \\ starts an escape: write each \\ of the text as \\\\, "
    "or put the whole value in single quotes instead: title: 'Thư mục C:\\du-lieu'"
)
# A list or group opened and not closed on its line: its bracket, and the one that closes it.
_FLOW = {
    "while parsing a flow sequence": (
        "[",
        "end the list on the same line with ]: tags: [cán bộ, quy hoạch]",
    ),
    "while parsing a flow mapping": ("{", "end the group on the same line with }: {a: 1, b: 2}"),
}
# A value in double quotes that itself holds double quotes ("Lễ hội "Hai Bà"" or, as in
# CSV, ""Hai Bà""): the general hint said to use double quotes, which it already did.
QUOTES_HINT = (
    'inside double quotes, write each " of the text as \\"; or put the whole value in '
    """single quotes instead: title: 'Lễ hội "Hai Bà Trưng" năm 2024'"""
)
_QUOTED_WITH_QUOTES = re.compile(r'^\s*[^:#]+:\s*"[^"\\]*"')
# A list on one line, after its key: `[an sinh, cán bộ]`.
_LISTED = re.compile(r"""\s*\[([^\[\]{}"']*)\]\s*""")
# Quotes as Word types them (and a German or Polish keyboard: „ ‟).
_CURLY_QUOTES = "“”„‟"
_CURLY = re.compile(f"[{_CURLY_QUOTES}]")


def normalise_text(data: bytes) -> str:
    """Decode UTF-8 (raises UnicodeDecodeError), drop a BOM, LF line ends, NFC."""
    return unicodedata.normalize("NFC", decoded_text(data))


def decoded_text(data: bytes) -> str:
    """normalise_text's text before NFC: as the file's editor shows it (a column in it
    counts a letter saved in NFD as its code points).

    The error's position counts from the start of ``data``, BOM included: "utf-8-sig"
    counted from after it, and messages named a spot three bytes early."""
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Characters that no page or feed may hold (XML 1.0 and HTML refuse them), invisible in
# most editors: the C0 controls but tab and line end, DEL, the C1 controls, halves of
# surrogate pairs, U+FFFE and U+FFFF. YAML refuses them too, unless written as escapes.
INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# The bytes that start each of them in UTF-8 (C0 and DEL themselves, C1 after \xc2,
# U+FFFE and U+FFFF after \xef; halves of surrogate pairs never decode): a file holding
# none of these bytes holds none of them, told in a quarter of the time of a search.
_INVISIBLE_STARTS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xC2, 0xEF])
# Where the common ones come from, so that the editor knows what to look for.
_KNOWN = {
    0x00: "a NUL byte",
    0x0B: "a line break from Word's Shift+Enter",
    0x0C: "a page break from Word",
    0x1B: "an escape character",
    0x7F: "a delete character",
}
# Past this many, one file's others are counted, not listed: a pasted document can
# hold hundreds.
_MOST_LISTED = 10


def describe_character(char: str) -> str:
    """``U+000B (a line break from Word's Shift+Enter)``: for messages."""
    known = _KNOWN.get(ord(char))
    return f"U+{ord(char):04X}" + (f" ({known})" if known else "")


def free_of_invisible(data: bytes) -> bool:
    """Whether the text of a file with these UTF-8 bytes (normalise_text) surely holds no
    INVISIBLE character; False when it may."""
    return len(data.translate(None, _INVISIBLE_STARTS)) == len(data)


def invisible_character(text: str) -> str:
    """The first character of ``text`` that no page may hold, or ""."""
    found = INVISIBLE.search(text)
    return found.group(0) if found else ""


def invisible_characters(path: Path, text: str, first_line: int = 1) -> list[Problem]:
    """A problem for each invisible control character in ``text`` (whose first line is
    line ``first_line`` of ``path``), with its line and column."""
    found = list(INVISIBLE.finditer(text))
    more = len(found) - _MOST_LISTED
    errors = []
    for n, match in enumerate(found[:_MOST_LISTED], 1):
        start = match.start()
        also = f" (and {more} more in this file)" if more > 0 and n == _MOST_LISTED else ""
        errors.append(
            Problem(
                path,
                f"the invisible control character {describe_character(match.group(0))} "
                f"is not allowed here{also}",
                _delete_hint(match.group(0)),
                first_line + text.count("\n", 0, start),
                start - text.rfind("\n", 0, start),
            )
        )
    return errors


def _delete_hint(char: str) -> str:
    hint = "delete it: put the cursor just after it (at this line and column) and press Backspace"
    if char == "\x0b":
        return hint + "; for a new line, start a new paragraph (an empty line) instead"
    return hint


def written(text: str, line: int | None) -> str:
    """A value as its line wrote it (``no``, not YAML's False), for a message."""
    rows = text.splitlines()
    return rows[line - 1].partition(":")[2].strip() if line and line <= len(rows) else ""


def as_front_matter(value: str, listed: bool = False) -> str:
    """``value`` as an editor writes it in front matter (an item of a [list] when
    ``listed``): plain when YAML reads that back as the same text (not `yes`, `2024`,
    `a: b`, nor a comma in a list, which parts it in two); else in double quotes, JSON's
    being YAML's."""
    if "\n" not in value:
        line, same = (f"k: [{value}]", [value]) if listed else (f"k: {value}", value)
        try:
            if yaml.load(line, Loader=FrontMatterLoader) == {"k": same}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def _quoted(value: str) -> str:
    """``value`` as YAML text in quotes that read it back as written: double quotes, or
    single ones (a ' doubled) when it holds a " or a \\, which double quotes escape."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _runaway_quote(text: str, exc: yaml.MarkedYAMLError, mark: yaml.Mark) -> yaml.Mark | None:
    """The opening quote of a value not closed on its line, when YAML read on from it to a
    later line and failed there (a quote further down ended the value, as in
    ``category: "Tin"``, or held what a quoted value may not): the place to name, since the
    line YAML stopped at is right. None when the failure is not one of these."""
    if "a quoted scalar" in (exc.context or "") and exc.context_mark is not None:
        return exc.context_mark if exc.context_mark.line < mark.line else None
    found = None
    try:
        for token in yaml.scan(text, Loader=_PythonLoader):
            if token.start_mark.line > mark.line:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.start_mark.line < token.end_mark.line == mark.line
            ):
                found = token.start_mark
    except yaml.YAMLError:
        pass
    return found


def parse_yaml(
    path: Path, text: str, first_line: int = 1, free: bool = False
) -> tuple[dict[str, Any], dict[str, int]]:
    """A YAML mapping with each key's line. Raises BuildFailed with every problem.

    ``free``: the text is known free of invisible characters (free_of_invisible)."""
    refused = [] if free else invisible_characters(path, text, first_line)
    if refused:  # YAML would stop at the first, and not say what it is
        raise BuildFailed(refused)
    simple = _simple(text, first_line)
    return simple if simple is not None else parse_yaml_itself(path, text, first_line)


def parse_yaml_itself(
    path: Path, text: str, first_line: int = 1
) -> tuple[dict[str, Any], dict[str, int]]:
    """parse_yaml by PyYAML alone, for text free of invisible characters."""
    if "&" in text or "*" in text:  # cheap test first: a real anchor needs one of them
        _refuse(_anchors(path, text, first_line))
    loader = FrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        _refuse(
            _not_key_value_lines(path, node, first_line)
            or _duplicate_keys(path, node, first_line)
            or _text_left_out(path, node, text, first_line)
        )
        try:
            data = _construct(loader, node)
        except _UNREADABLE:  # `!!int abc`, `? [a, b]`: Python's errors, not YAML's
            raise BuildFailed([_unreadable(path, node, first_line)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses that the test above let by
        raise BuildFailed([_refused_character(path, exc)]) from None
    except yaml.MarkedYAMLError as exc:
        raise BuildFailed([_broken_yaml(path, text, first_line, exc)]) from None
    finally:
        loader.dispose()
    key_lines = {str(k.value): k.start_mark.line + first_line for k, _ in node.value}
    values = {str(k): v for k, v in data.items()}
    _refuse(_escaped_controls(path, values, key_lines))
    return values, key_lines


def _refuse(problems: list[Problem]) -> None:
    if problems:
        raise BuildFailed(problems)


def _not_key_value_lines(path: Path, node: yaml.Node, first_line: int) -> list[Problem]:
    """The problem of a text that is a list or a lone value, not 'key: value' lines."""
    if isinstance(node, yaml.MappingNode):
        return []
    return [
        Problem(
            path,
            # An article's front matter starts on its line 2; site.yaml, strings.yaml and
            # a profile are whole files.
            f"{'the front matter' if first_line > 1 else 'the file'} must be "
            "a list of 'key: value' lines",
            "write one 'key: value' per line, e.g. 'title: ...'",
            node.start_mark.line + first_line,
        )
    ]


def _refused_character(path: Path, exc: yaml.reader.ReaderError) -> Problem:
    return Problem(
        path,
        f"the character U+{exc.character:04X} is not allowed in YAML",
        "delete it (it may be invisible in your editor)",
    )


def _broken_yaml(path: Path, text: str, first_line: int, exc: yaml.MarkedYAMLError) -> Problem:
    """YAML's error, at the spot of the slip and said in the editor's terms where the slip
    is one of those editors make most (_SLIPS)."""
    if _BaseLoader is _PythonLoader:
        _in_libyaml_words(exc, text)
    mark, message, hint = _odd_space(exc, text) or _where_it_started(exc, text, first_line)
    if mark is not None:  # without a line, no slip is known
        spot = _spot(text.split("\n"), mark, message)
        message, hint = next(filter(None, (slip(spot) for slip in _SLIPS)), (message, hint))
    return Problem(
        path,
        f"broken YAML: {message}",
        hint,
        mark.line + first_line if mark else None,
        mark.column + 1 if mark else None,
    )


def _where_it_started(
    exc: yaml.MarkedYAMLError, text: str, first_line: int
) -> tuple[yaml.Mark | None, str, str]:
    """The mark, message and hint of YAML's error; for a quote, list or group left open,
    the mark of where it opens, lines above the one YAML stopped at."""
    mark = exc.problem_mark or exc.context_mark
    message = " ".join(filter(None, [exc.context, exc.problem]))
    if exc.context == "while scanning a quoted scalar" and "end of stream" in (exc.problem or ""):
        return exc.context_mark, "this quote is never closed", UNCLOSED_HINT
    if mark is not None and (start := _runaway_quote(text, exc, mark)) is not None:
        message = (
            "this quote is not closed on its line: YAML read the lines below into "
            f"the value, up to line {mark.line + first_line}, and failed there"
        )
        return start, message, UNCLOSED_HINT
    if "unknown escape character" in (exc.problem or ""):
        return mark, message, BACKSLASH_HINT
    if (  # tags: [a, b without its ]: YAML failed at the line below
        exc.context in _FLOW
        and mark is not None
        and exc.context_mark is not None
        and exc.context_mark.line < mark.line
    ):
        opening, hint = _FLOW[exc.context]
        return exc.context_mark, f"this {opening} is not closed on its line", hint
    return mark, message, YAML_HINT


# A key followed by a space YAML does not take for one: a no-break space (Word and web
# pages paste it, macOS types it with Option+Space), an ideographic or a thin space.
_ODD_SPACE = re.compile(
    r"[ \t]*(?:- +)?(?P<key>[^\s:#\-][^:#\n]*?):"
    r"(?P<space>[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000])"
)


def _odd_space(exc: yaml.MarkedYAMLError, text: str) -> tuple[yaml.Mark, str, str] | None:
    """The first `key:` at or above the line YAML failed at that an odd space follows:
    YAML read that line as text, and failed at a line below it (or at the end)."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None
    lines = text.split("\n")
    for number, line in enumerate(lines[: mark.line + 1]):
        found = _ODD_SPACE.match(line)
        if found is None:
            continue
        space, key = found["space"], found["key"].strip()
        name = unicodedata.name(space, "space").lower()
        article = "an" if name[0] in "aeiou" else "a"
        value = line[found.end() :].strip()
        index = sum(len(row) + 1 for row in lines[:number]) + found.start("space")
        return (
            yaml.Mark(mark.name, index, number, found.start("space"), None, 0),
            f"the space after '{key}:' is {article} {name} (U+{ord(space):04X}), which "
            "looks like a space but is not one to YAML: it reads the line as text, not "
            "as 'key: value'",
            f"delete it and type an ordinary space: {key}: {value}",
        )
    return None


class _Spot(NamedTuple):
    """Where YAML failed: the lines of the text, the line of the mark ("" past the end),
    the key that line starts with (_KEY_LINE), the mark and YAML's message."""

    lines: list[str]
    line: str
    keyed: re.Match[str] | None
    mark: yaml.Mark
    message: str


def _spot(lines: list[str], mark: yaml.Mark, message: str) -> _Spot:
    line = lines[mark.line] if mark.line < len(lines) else ""
    return _Spot(lines, line, _KEY_LINE.match(line), mark, message)


# Each slip below gives the (message, hint) for a failure it knows, or None.


def _tab(spot: _Spot) -> tuple[str, str] | None:
    """A tab (Notepad's Tab key before "- item") shows as spaces: say what it is."""
    line, column = spot.line, spot.mark.column
    if line[column : column + 1] != "\t":
        return None
    if not line[:column].strip() and spot.keyed and not _in_group(spot.lines, spot.mark.line):
        return "a tab, which YAML does not allow here", TAB_KEY_HINT
    return "a tab, which YAML does not allow here", TAB_HINT


def _indented_key(spot: _Spot) -> tuple[str, str] | None:
    """ "  category: Tin" below "title: ...": more of the title, then ": "."""
    keyed = spot.keyed
    if not (
        "mapping values are not allowed" in spot.message
        and keyed is not None
        and spot.line.startswith(" ")
        and keyed.end(1) == spot.mark.column
    ):
        return None
    key = keyed.group(1)
    return (
        f"'{key}' is indented, so YAML reads this line as more of the value above",
        f"start '{key}:' at the beginning of its line, like the other keys; if the "
        "line is part of the text above, put all of that text in double quotes",
    )


def _quotes_in_quotes(spot: _Spot) -> tuple[str, str] | None:
    """The value closes its double quotes early and goes on: quotes in the text."""
    if _QUOTED_WITH_QUOTES.match(spot.line) and spot.line.rstrip().count('"') > 2:
        return spot.message, QUOTES_HINT
    return None


def _curly_quotes(spot: _Spot) -> tuple[str, str] | None:
    """Word and the phone's keyboard turn " into “ ”: the editor did quote the value,
    with quotes YAML reads as letters."""
    keyed = spot.keyed
    curly = keyed and _CURLY.search(spot.line, keyed.end())
    if not (keyed and curly):
        return None
    value = spot.line[keyed.end() :].strip()
    return spot.message, (
        f"the value is between typographic quotes ({curly[0]}), which Word makes and "
        'YAML reads as letters: type straight double quotes " instead, e.g. '
        f'{keyed.group(1).strip()}: "{value.strip(_CURLY_QUOTES)}"'
    )


def _key_in_item_column(spot: _Spot) -> tuple[str, str] | None:
    """A correction's `text:` in line with its `- date:`: "while parsing a block
    collection did not find expected '-' indicator"."""
    keyed, mark = spot.keyed, spot.mark
    if keyed is None or "expected '-' indicator" not in spot.message:
        return None
    item = _item_above(spot.lines, mark.line, mark.column)
    if item is None:
        return None
    key = keyed.group(1).strip()
    return (
        f"'{key}' starts in the column of the '-' above it, so YAML reads it neither "
        "as part of that item nor as an item of its own",
        f"to make it part of the item above, indent it as the key after that '-': "
        f"'{' ' * item}{key}: ...'; to make it an item of its own, start it with '- '",
    )


def _comma_too_many(spot: _Spot) -> tuple[str, str] | None:
    """`tags: [a, , b]` (or `[, a]`), a tag deleted and its comma left: "while parsing
    a flow node did not find expected node content", at the comma too many."""
    keyed, line, column = spot.keyed, spot.line, spot.mark.column
    if (
        keyed is None
        or "expected node content" not in spot.message
        or line[column : column + 1] != ","
        or (listed := _LISTED.fullmatch(line, keyed.end())) is None
    ):
        return None
    items = [item.strip() for item in listed[1].split(",") if item.strip()]
    return (
        "a comma with no item before it in this list",
        f"remove the comma too many: {keyed.group(1).strip()}: [{', '.join(items)}]",
    )


def _colon_in_value(spot: _Spot) -> tuple[str, str] | None:
    """`title: Hội nghị: tổng kết`, the commonest slip of a Vietnamese headline: YAML
    said only "mapping values are not allowed in this context"."""
    keyed = spot.keyed
    if (
        keyed is None
        or "mapping values are not allowed" not in spot.message
        or spot.mark.column <= keyed.end()
    ):
        return None
    key, value = keyed.group(1).strip(), spot.line[keyed.end() :].strip()
    return (
        f"the ': ' in the value of '{key}' makes YAML read it as the start of another 'key: value'",
        f"put the whole value in quotes: {key}: {_quoted(value)}",
    )


# In this order: the first that knows the failure explains it.
_SLIPS = (
    _tab,
    _indented_key,
    _quotes_in_quotes,
    _curly_quotes,
    _key_in_item_column,
    _comma_too_many,
    _colon_in_value,
)


# What PyYAML's constructors raise for a value its tag does not fit (`!!int abc`,
# `!!bool maybe`, `!!timestamp 2020-13-45`, `!!int` of nothing: IndexError): it stopped
# the build as an internal error.
_UNREADABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError)


def _unreadable(path: Path, node: yaml.Node, first_line: int) -> Problem:
    """The problem for the first value under ``node`` that PyYAML cannot construct."""
    found = _unreadable_node(node) or node
    tag = "!!" + found.tag.rpartition(":")[2]
    value = found.value if isinstance(found, yaml.ScalarNode) else "the value"
    return Problem(
        path,
        f"YAML cannot read {value!r} as the {tag[2:]} that its tag {tag} asks for",
        f"remove the tag '{tag}' before the value (text needs no tag)",
        found.start_mark.line + first_line,
        found.start_mark.column + 1,
    )


def _unreadable_node(node: yaml.Node) -> yaml.Node | None:
    """The first scalar under ``node`` that fails to construct, or None."""
    if isinstance(node, yaml.ScalarNode):
        loader = FrontMatterLoader("")
        try:
            loader.construct_object(node)
        except _UNREADABLE:
            return node
        finally:
            loader.dispose()
        return None
    children = node.value if isinstance(node, yaml.SequenceNode) else []
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    return next(filter(None, map(_unreadable_node, children)), None)


def _item_above(lines: list[str], number: int, column: int) -> int | None:
    """The column of the key after the '-' of the nearest list item above line
    ``number`` whose '-' is at ``column`` (`  - date: ...` gives 4), or None."""
    for row in reversed(lines[:number]):
        if not row.strip():
            continue
        item = re.match(r"( *)- +(?=\S)", row)
        if item and len(item.group(1)) == column:
            return item.end()
        if len(row) - len(row.lstrip(" ")) <= column:
            return None
    return None


def _in_group(lines: list[str], number: int) -> bool:
    """Whether line ``number`` follows a key that opens a group or list ("params:",
    "tags:" alone on their line), where an indented line belongs."""
    above = next((row for row in reversed(lines[:number]) if row.strip()), "")
    return (
        above.rstrip().endswith(":") or above.lstrip().startswith("- ") or above[:1] in (" ", "\t")
    )


# A line of the front matter that every article has: a key, and a value in double
# quotes without escapes, a list in brackets, or plain text (group "plain"; it is not
# text when YAML reads it as a number, yes/no or null: left to YAML, with what starts
# with a YAML indicator, holds ": ", " #" or a bracket, or ends a line with a space).
_SIMPLE_LINE = re.compile(
    r'(?P<key>[a-z_]{1,100}): (?:"(?P<quoted>[^"\\]*)"|\[(?P<items>[^\[\]{}#:"\']*)\]'
    r"|(?P<plain>[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^#\[\]{}]*[^\s#\[\]{}:])?))"
)
# Characters that make the text of a line mean more than it shows to YAML: tabs, the
# line ends YAML knows beside LF, a byte-order mark.
_NOT_SIMPLE = re.compile("[\t\u2028\u2029\ufeff]")
_IMPLICIT = FrontMatterLoader.yaml_implicit_resolvers


def _simple(text: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]] | None:
    """What parse_yaml gives for a front matter of simple lines alone (_SIMPLE_LINE: every
    line of an importer's or `new`'s files), or None for YAML to read: PyYAML took a
    quarter of reading an article, most of it in its resolver, called from C for each
    key and value. Only once the text is known free of invisible characters."""
    if not text or _NOT_SIMPLE.search(text):
        return None
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for n, line in enumerate(text.split("\n")):
        found = _SIMPLE_LINE.fullmatch(line)
        if found is None:
            return None
        key, plain, items = found.group("key", "plain", "items")
        if key in lines or not _text(key):
            return None  # a key given twice, or read as yes/no or null: YAML says so
        if plain is not None:
            if ": " in plain or " #" in plain or not _text(plain):
                return None
            values[key] = plain
        elif items is not None:
            listed = [item.strip(" ") for item in items.split(",")] if items.strip(" ") else []
            if not all(item and _text(item) and item[0] not in "-?!&*|>%@`" for item in listed):
                return None
            values[key] = listed
        else:
            values[key] = found.group("quoted")
        lines[key] = n + first_line
    return values, lines


@functools.lru_cache(maxsize=4096)  # keys, categories and tags come back in every file
def _text(plain: str) -> bool:
    """Whether YAML reads this plain scalar as text: none of the implicit resolvers
    FrontMatterLoader has for its first character matches it (BaseResolver.resolve)."""
    return not any(regexp.match(plain) for _, regexp in _IMPLICIT.get(plain[0], ()))


def nested_lines(text: str, *keys: str) -> dict[str, int]:
    """The line of each key of the mapping that ``keys`` lead to from the top, and under
    "" the line of the last of ``keys`` itself: what parse_yaml gives for the top level,
    one group deeper (a profile under import_profiles: in site.yaml). {} when absent."""
    try:
        node = yaml.compose(text, Loader=FrontMatterLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return {}
        found = next(((k, v) for k, v in node.value if str(k.value) == key), None)
        if found is None:
            return {}
        lines = {"": found[0].start_mark.line + 1}
        node = found[1]
    if isinstance(node, yaml.MappingNode):
        lines.update({str(k.value): k.start_mark.line + 1 for k, _ in node.value})
    return lines


def item_lines(text: str, *keys: str) -> dict[str, int]:
    """The line of each text in a list of the mapping that ``keys`` lead to from the top,
    as "key: text" (the text stripped; a marker's as "markers.key: text"): a wrong item of
    a list written one a line is said at its own line, not its key's. {} when absent."""
    try:
        node = yaml.compose(text, Loader=FrontMatterLoader)
    except yaml.YAMLError:
        return {}
    for key in keys:
        node = _value_node(node, key)
    lines: dict[str, int] = {}
    for prefix, group in (("", node), ("markers.", _value_node(node, "markers"))):
        for k, v in group.value if isinstance(group, yaml.MappingNode) else ():
            for item in v.value if isinstance(v, yaml.SequenceNode) else ():
                if isinstance(item, yaml.ScalarNode):
                    said = f"{prefix}{k.value}: {str(item.value).strip()}"
                    lines.setdefault(said, item.start_mark.line + 1)
    return lines


def _value_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The node of ``key``'s value in the mapping ``node`` (None when not there)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if str(k.value) == key), None)


def _escaped_controls(path: Path, values: dict[str, Any], lines: dict[str, int]) -> list[Problem]:
    """Invisible control characters written as escapes ("\\u000b", "\\x01" in double
    quotes): YAML reads them, but no page may hold them."""
    errors = []
    for key, value in values.items():
        char = next(filter(None, map(invisible_character, _texts(value))), "")
        if char:
            errors.append(
                Problem(
                    path,
                    f"'{key}' holds the control character {describe_character(char)}, "
                    "written as an escape",
                    "remove the escape (a backslash and what follows it, e.g. \\u000b) "
                    "from the value",
                    lines.get(key),
                )
            )
    return errors


def _texts(value: Any) -> list[str]:
    """The text in a value: itself, or the items and keys of a list or mapping."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in (*_texts(k), *_texts(v))]
    return []


_TEXT = "tag:yaml.org,2002:str"


def _construct(loader: Any, node: yaml.MappingNode) -> dict[Any, Any]:
    """``loader.construct_document(node)``, with the text values and lists of values
    that front matter is made of taken from the nodes directly: PyYAML's constructor,
    in Python, took a third of reading an article. Anything else (a nested mapping, a
    merge key) is left to it."""
    data: dict[Any, Any] = {}
    for key, value in node.value:
        if not (isinstance(key, yaml.ScalarNode) and key.tag == _TEXT):
            return loader.construct_document(node)
        if isinstance(value, yaml.ScalarNode):
            data[key.value] = _scalar(loader, value)
        elif isinstance(value, yaml.SequenceNode) and all(
            isinstance(item, yaml.ScalarNode) for item in value.value
        ):
            data[key.value] = [_scalar(loader, item) for item in value.value]
        else:
            return loader.construct_document(node)
    return data


def _scalar(loader: Any, node: yaml.ScalarNode) -> Any:
    return node.value if node.tag == _TEXT else loader.construct_object(node)


def _anchors(path: Path, text: str, first_line: int) -> list[Problem]:
    """YAML anchors (&name) and aliases (*name) are refused: an article has no use for
    them, and nested aliases make a few lines expand to gigabytes (an "alias bomb").
    Read from the parser's events, so nothing is ever expanded; the first anchor and
    the first alias are named, with a count of the others."""
    found: dict[str, list[yaml.Event]] = {"anchor": [], "alias": []}
    try:
        for event in yaml.parse(text, Loader=FrontMatterLoader):
            if isinstance(event, yaml.AliasEvent):
                found["alias"].append(event)
            elif getattr(event, "anchor", None):
                found["anchor"].append(event)
    except yaml.YAMLError:
        pass  # broken YAML: parse_yaml reports it with its line and column
    errors = []
    for kind, sign in (("anchor", "&"), ("alias", "*")):
        if not found[kind]:
            continue
        first, others = found[kind][0], len(found[kind]) - 1
        mark = first.start_mark  # the parser marks every event it reads
        plural = "aliases" if kind == "alias" else "anchors"
        more = f" (and {others} more {plural} in this file)" if others else ""
        errors.append(
            Problem(
                path,
                f"the YAML {kind} '{sign}{getattr(first, 'anchor', '')}' is not allowed{more}",
                "write each value out in full; if a text starts with & or *, put it in "
                'double quotes, e.g. title: "*Tin* mới"',
                mark.line + first_line if mark else None,
                mark.column + 1 if mark else None,
            )
        )
    return errors


def _duplicate_keys(path: Path, node: yaml.Node, first_line: int) -> list[Problem]:
    """A key given twice in one group, at any depth: YAML keeps the last in silence, so
    a correction's second `text:` or a portal category mapped twice in site.yaml
    replaced the first without a word."""
    if isinstance(node, yaml.SequenceNode):
        return [e for item in node.value for e in _duplicate_keys(path, item, first_line)]
    if not isinstance(node, yaml.MappingNode):
        return []
    seen: dict[str, int] = {}
    errors = []
    above: tuple[yaml.Node, yaml.Node] | None = None  # the key and value before this one
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue  # a list or group as a key: _unreadable says so
        line = key.start_mark.line + first_line
        if key.value in seen:
            hint = "keep only one of the two lines"
            if (
                above
                and above[0].value in GROUP_KEYS
                and isinstance(above[1], yaml.ScalarNode)
                and above[1].value == ""
            ):
                # `withdrawn:` then `date: 2026-03-05` at the start of its line: keeping
                # one of the two dates was no fix.
                hint += (
                    f"; if it belongs under '{above[0].value}:' (line "
                    f"{above[0].start_mark.line + first_line}), indent it by two spaces"
                )
            errors.append(
                Problem(
                    path,
                    f"'{key.value}' is given twice (first on line {seen[key.value]})",
                    hint,
                    line,
                    key.start_mark.column + 1,
                )
            )
        seen.setdefault(key.value, line)
        errors += _duplicate_keys(path, value, first_line)
        above = (key, value)
    return errors


# After a value without quotes, " #" starts a YAML comment: what follows is left out.
_COMMENT_AFTER = re.compile(r"\s+#")
# A line that starts a list item ("- quy hoạch"), read as more of the text above it.
_ITEM_LINE = re.compile(r"\s*-(?:\s|$)")


def _text_left_out(path: Path, node: yaml.Node, text: str, first_line: int) -> list[Problem]:
    """Text that YAML reads in silence otherwise than its editor meant: a value cut at
    " #" (``title: Chiến dịch #SốngXanh`` is "Chiến dịch"), and a list item indented
    further than the one above, joined to it ("cán bộ - quy hoạch" for two tags). Only
    in values without quotes, and left alone where a number or yes/no was given."""
    lines = text.split("\n")
    errors = []
    for key, value in _plain_scalars(node, ""):
        start, end = value.start_mark, value.end_mark
        row = lines[end.line] if end.line < len(lines) else ""
        comment = _COMMENT_AFTER.match(row, end.column)
        if comment and value.tag in (_TEXT, "tag:yaml.org,2002:null"):
            shown = (
                f"'{key}' would be only '{value.value}'"
                if value.value
                else f"'{key}' would be empty"
            )
            begin = start.column if value.value else comment.end() - 1  # empty: from the #
            quoted = _quoted(row[begin:].rstrip())
            errors.append(
                Problem(
                    path,
                    f"the text after ' #' is read as a YAML comment and left out: {shown}",
                    f"put the whole value in quotes: {row[:begin].lstrip()}{quoted} (a note "
                    "for yourself goes on a line of its own, starting with #)",
                    end.line + first_line,
                    comment.end(),
                )
            )
        for number in range(start.line + 1, min(end.line, len(lines) - 1) + 1):
            if _ITEM_LINE.match(lines[number]):
                errors.append(
                    Problem(
                        path,
                        f"this line is read as more of the text above it ('{key}' is "
                        f"'{value.value}'), not as an item of its own: its '-' is further "
                        "in than the one of the item above",
                        "start each item of a list in the same column: put this line's '-' "
                        "right under the '-' of the line above",
                        number + first_line,
                        lines[number].index("-") + 1,
                    )
                )
                break
    return errors


def _plain_scalars(node: yaml.Node, key: str) -> list[tuple[str, yaml.ScalarNode]]:
    """The values written without quotes under ``node``, each with the key it is the
    value of (an item: its list's)."""
    if isinstance(node, yaml.ScalarNode):
        return [] if node.style else [(key, node)]
    if isinstance(node, yaml.SequenceNode):
        return [found for item in node.value for found in _plain_scalars(item, key)]
    if isinstance(node, yaml.MappingNode):
        return [found for k, v in node.value for found in _plain_scalars(v, str(k.value))]
    return []
