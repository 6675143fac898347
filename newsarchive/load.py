"""Stage 1: read Markdown files and split them into YAML front matter and body.

Text is decoded strictly as UTF-8 (a BOM is allowed), line ends become LF and
everything is NFC-normalised, so an NFD or CRLF file gives the same site as its twin.
"""

import os
import unicodedata
from dataclasses import dataclass
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


# An article's front matter is a dozen short lines; 64 KiB is a hundred times that, and
# keeps a pasted document or a generated monster from costing seconds in every stage.
MAX_FRONT_MATTER_BYTES = 64 * 1024

YAML_HINT = (
    "check the YAML syntax at this spot: each line is 'key: value'; put a value "
    "that contains ': ' or ' #', or starts with [ { * & ! | > ' \" % @ or `, "
    'in double quotes, e.g. title: "Hội nghị: tổng kết năm"'
)


@dataclass(frozen=True)
class ContentScan:
    """What is below the content folder: the article files, and what was left out."""

    files: list[tuple[str, os.stat_result]]  # every *.md file with its stat, in path order
    hidden: list[str]  # names starting with '.', relative to the folder ('.drafts/', '.x.md')
    errors: list[ContentError]  # symlink loops, links leaving the project, unreadable folders


def scan_sources(content_dir: Path, project: Path | None = None) -> ContentScan:
    """Every *.md file below ``content_dir`` with its stat, in path order.

    os.scandir gives file types without a stat() each: three times faster
    than Path.rglob on a 10,000-article archive, and the stat is reused to
    tell unchanged files from changed ones.

    Hidden files and folders (editors' backups, `.git`, `.drafts/`) are left out and
    listed. A symbolic link is followed when it stays inside ``project`` (or the content
    folder): one that leaves it, points to nothing or leads back into a folder it is
    in is an error, so no file from elsewhere on the machine is ever published."""
    top = os.path.realpath(content_dir)
    allowed = [top] + ([os.path.realpath(project)] if project is not None else [])
    found: list[tuple[str, os.stat_result]] = []
    hidden: list[str] = []
    errors: list[ContentError] = []

    def walk(folder: str, inside: tuple[str, ...]) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            errors.append(_unreadable(Path(folder), exc))
            return
        for entry in entries:
            if entry.name.startswith("."):
                rel = os.path.relpath(entry.path, content_dir).replace(os.sep, "/")
                hidden.append(rel + ("/" if _is_dir(entry) else ""))
                continue
            real = None
            if entry.is_symlink():
                real = os.path.realpath(entry.path)
                problem = _link_problem(real, allowed)
                if problem:
                    errors.append(_bad_link(Path(entry.path), real, problem))
                    continue
            if _is_dir(entry):
                real = real or os.path.realpath(entry.path)
                if real in inside:
                    errors.append(_bad_link(Path(entry.path), real, "loop"))
                    continue
                walk(entry.path, (*inside, real))
            elif entry.name.endswith(".md") and entry.is_file():
                try:
                    found.append((entry.path, entry.stat()))
                except OSError as exc:
                    errors.append(_unreadable(Path(entry.path), exc))

    walk(str(content_dir), (top,))
    found.sort(key=lambda item: item[0].split(os.sep))  # as Path objects sort
    return ContentScan(found, sorted(hidden), errors)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symlink loop: reported by the caller
        return False


def _link_problem(real: str, allowed: list[str]) -> str:
    if not os.path.exists(real):
        return "nowhere"
    if not any(real == root or real.startswith(root + os.sep) for root in allowed):
        return "outside"
    return ""


def _bad_link(path: Path, real: str, problem: str) -> ContentError:
    if problem == "loop":
        return ContentError(
            path,
            f"this symbolic link leads back to {real}, a folder it is already in "
            "(a loop: the folder would contain itself forever)",
            "delete the link, or make it point to a folder outside its own parents",
        )
    if problem == "nowhere":
        return ContentError(
            path,
            f"this symbolic link points to {real}, which does not exist",
            "delete the link, or copy the article file here instead",
        )
    return ContentError(
        path,
        f"this symbolic link leads outside the project, to {real}",
        "copy the articles into the content folder instead of linking to them: "
        "only files inside the project are published",
    )


def _unreadable(path: Path, exc: OSError) -> ContentError:
    return ContentError(
        path,
        f"cannot be read: {exc.strerror or exc}",
        "check that the file or folder exists and that you may read it",
    )


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
    size = len(yaml_text.encode("utf-8"))
    if size > MAX_FRONT_MATTER_BYTES:
        return [
            ContentError(
                path,
                f"the front matter is {size:,} bytes long; at most "
                f"{MAX_FRONT_MATTER_BYTES:,} bytes (64 KiB) are allowed",
                "keep only the short 'key: value' lines there and move long text "
                "into the article body, below the closing '---'",
                1,
            )
        ]
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
    if "&" in text or "*" in text:  # cheap test first: a real anchor needs one of them
        refused = _anchors(path, text, first_line)
        if refused:
            return refused
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


def _anchors(path: Path, text: str, first_line: int) -> list[ContentError]:
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
        plural = "aliases" if kind == "alias" else "anchors"
        more = f" (and {others} more {plural} in this file)" if others else ""
        errors.append(
            ContentError(
                path,
                f"the YAML {kind} '{sign}{first.anchor}' is not allowed{more}",
                "write each value out in full; if a text starts with & or *, put it in "
                'double quotes, e.g. title: "*Tin* mới"',
                first.start_mark.line + first_line,
                first.start_mark.column + 1,
            )
        )
    return errors


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
