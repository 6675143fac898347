"""Stage 1: read Markdown files and split them into YAML front matter and body.

Text is decoded strictly as UTF-8 (a BOM is allowed), line ends become LF and
everything is NFC-normalised, so an NFD or CRLF file gives the same site as its twin.
"""

import os
import unicodedata
from pathlib import Path
from typing import Any, ClassVar

import yaml

from .content import SourceFile
from .errors import ContentError

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


def find_sources(content_dir: Path) -> list[Path]:
    return [Path(path) for path, _ in scan_sources(content_dir)]


def scan_sources(content_dir: Path) -> list[tuple[str, os.stat_result]]:
    """Every *.md file below ``content_dir`` with its stat, in path order.

    os.scandir gives file types without a stat() each: three times faster
    than Path.rglob on a 10,000-article archive, and the stat is reused to
    tell unchanged files from changed ones."""
    found: list[tuple[str, os.stat_result]] = []

    def walk(folder: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir():
                    walk(entry.path)
                elif entry.name.endswith(".md") and entry.is_file():
                    found.append((entry.path, entry.stat()))

    walk(str(content_dir))
    found.sort(key=lambda item: item[0].split(os.sep))  # as Path objects sort
    return found


def normalise_text(data: bytes) -> str:
    """Decode UTF-8 (raises UnicodeDecodeError), drop a BOM, LF line ends, NFC."""
    text = data.decode("utf-8-sig")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def read_source(path: Path, data: bytes | None = None) -> SourceFile | list[ContentError]:
    """Split the file (whose bytes may be given, read already) into front matter and body."""
    if data is None:
        data = path.read_bytes()
    try:
        text = normalise_text(data)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return [
            ContentError(
                path,
                "the file is not UTF-8 text",
                "open it in a text editor and save it again with the encoding "
                "'UTF-8' (in Notepad: Save As > Encoding > UTF-8)",
                line,
                column,
            )
        ]
    return split_front_matter(path, text)


def split_front_matter(path: Path, text: str) -> SourceFile | list[ContentError]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return [
            ContentError(
                path,
                "the file does not start with front matter",
                "make the first line '---', then 'title: ...' and 'date: ...', "
                "then a line '---', then the article text",
                1,
            )
        ]
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return [
            ContentError(
                path,
                "the front matter is never closed",
                "add a line '---' after the last 'key: value' line",
                len(lines),
            )
        ]
    yaml_text = "\n".join(lines[1:end])
    parsed = parse_yaml(path, yaml_text, first_line=2)
    if isinstance(parsed, list):
        return parsed
    meta, key_lines = parsed
    body = "\n".join(lines[end + 1 :])
    return SourceFile(path, meta, key_lines, body, body_line=end + 2)


def parse_yaml(
    path: Path, text: str, first_line: int = 1
) -> tuple[dict[str, Any], dict[str, int]] | list[ContentError]:
    """Parse a YAML mapping; return it with each key's line, or the errors."""
    loader = FrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            return [
                ContentError(
                    path,
                    "the front matter must be a list of 'key: value' lines",
                    "write one 'key: value' per line, e.g. 'title: ...'",
                    node.start_mark.line + first_line,
                )
            ]
        errors = _duplicate_keys(path, node, first_line)
        if errors:
            return errors
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(filter(None, [exc.context, exc.problem]))
        return [
            ContentError(
                path,
                f"broken YAML: {message}",
                YAML_HINT,
                mark.line + first_line if mark else None,
                mark.column + 1 if mark else None,
            )
        ]
    finally:
        loader.dispose()
    key_lines = {str(k.value): k.start_mark.line + first_line for k, _ in node.value}
    return {str(k): v for k, v in data.items()}, key_lines


def _duplicate_keys(path: Path, node: yaml.MappingNode, first_line: int) -> list[ContentError]:
    seen: dict[str, int] = {}
    errors = []
    for key, _ in node.value:
        line = key.start_mark.line + first_line
        if key.value in seen:
            errors.append(
                ContentError(
                    path,
                    f"'{key.value}' is given twice (first on line {seen[key.value]})",
                    "keep only one of the two lines",
                    line,
                    key.start_mark.column + 1,
                )
            )
        seen.setdefault(key.value, line)
    return errors
