"""Reading the YAML text files: site.yaml, front matter, strings.yaml, site profiles.

Text is decoded strictly as UTF-8 (a BOM is allowed), line ends become LF and
everything is NFC-normalised, so an NFD or CRLF file gives the same site as its twin.
"""

import unicodedata
from pathlib import Path
from typing import Any, ClassVar

import yaml

from .errors import BuildFailed, Problem

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def normalise_text(data: bytes) -> str:
    """Decode UTF-8 (raises UnicodeDecodeError), drop a BOM, LF line ends, NFC."""
    text = data.decode("utf-8-sig")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def parse_yaml(path: Path, text: str, first_line: int = 1) -> tuple[dict[str, Any], dict[str, int]]:
    """A YAML mapping with each key's line. Raises BuildFailed with every problem."""
    if "&" in text or "*" in text:  # cheap test first: a real anchor needs one of them
        refused = _anchors(path, text, first_line)
        if refused:
            raise BuildFailed(refused)
    loader = FrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise BuildFailed(
                [
                    Problem(
                        path,
                        "the front matter must be a list of 'key: value' lines",
                        "write one 'key: value' per line, e.g. 'title: ...'",
                        node.start_mark.line + first_line,
                    )
                ]
            )
        errors = _duplicate_keys(path, node, first_line)
        if errors:
            raise BuildFailed(errors)
        data = _construct(loader, node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(filter(None, [exc.context, exc.problem]))
        raise BuildFailed(
            [
                Problem(
                    path,
                    f"broken YAML: {message}",
                    YAML_HINT,
                    mark.line + first_line if mark else None,
                    mark.column + 1 if mark else None,
                )
            ]
        ) from None
    finally:
        loader.dispose()
    key_lines = {str(k.value): k.start_mark.line + first_line for k, _ in node.value}
    return {str(k): v for k, v in data.items()}, key_lines


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


def _duplicate_keys(path: Path, node: yaml.MappingNode, first_line: int) -> list[Problem]:
    seen: dict[str, int] = {}
    errors = []
    for key, _ in node.value:
        line = key.start_mark.line + first_line
        if key.value in seen:
            errors.append(
                Problem(
                    path,
                    f"'{key.value}' is given twice (first on line {seen[key.value]})",
                    "keep only one of the two lines",
                    line,
                    key.start_mark.column + 1,
                )
            )
        seen.setdefault(key.value, line)
    return errors
