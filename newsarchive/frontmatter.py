"""Stage 1: one file read and split into YAML front matter and body.

Text is decoded strictly as UTF-8 (a BOM is allowed), line ends become LF and
everything is NFC-normalised, so an NFD or CRLF file gives the same site as its twin.
"""

import os
import unicodedata
from dataclasses import replace
from pathlib import Path

from .content import SourceFile
from .errors import BuildFailed, Problem, place_in
from .yamltext import INVISIBLE, free_of_invisible, invisible_characters, normalise_text, parse_yaml

# An article's front matter is a dozen short lines; 64 KiB is a hundred times that, and
# keeps a pasted document or a generated monster from costing seconds in every stage.
MAX_FRONT_MATTER_BYTES = 64 * 1024


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file, read with os-level calls: Python's buffered file object
    (Path.read_bytes) takes three times as long as the read for an article's few
    kilobytes, and a cold build reads each article twice."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(fd, 65536):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def read_source(path: Path, data: bytes | None = None) -> SourceFile:
    """Split the file (whose bytes may be given, read already) into front matter and body.

    Raises BuildFailed with what is wrong: not UTF-8, or the front matter's frame or YAML."""
    if data is None:
        data = read_bytes(path)
    try:
        text = normalise_text(data)
    except UnicodeDecodeError as exc:
        # Notepad's "Unicode" starts with UTF-16's byte order mark: the editor chose a
        # Unicode encoding, and "not UTF-8" alone does not say which one was written.
        utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        raise BuildFailed(
            [
                Problem(
                    path,
                    "the file is saved as UTF-16 (Notepad's 'Unicode' or 'UTF-16 LE'), not UTF-8"
                    if utf16
                    else "the file is not UTF-8 text",
                    "open it in a text editor and save it again with the encoding "
                    "'UTF-8' (in Notepad: Save As > Encoding > UTF-8)",
                    *place_in(data, exc.start),
                )
            ]
        ) from None
    return split_front_matter(path, text, free_of_invisible(data))


def front_matter_lines(text: str) -> tuple[list[str], str | None]:
    """The lines of ``text`` up to the one that closes the front matter (opened by the
    first, '---'), with it, and the body after it. The body is None when the first line
    is not '---' (then only that line is given) or no line closes the front matter (then
    every line). Line by line: splitting a whole article into lines and joining its body
    again took half as long as reading its front matter's YAML."""
    lines: list[str] = []
    start = 0
    while True:
        stop = text.find("\n", start)
        line = text[start:] if stop < 0 else text[start:stop]
        lines.append(line)
        if len(lines) > 1 and line.strip() in ("---", "..."):
            return lines, "" if stop < 0 else text[stop + 1 :]
        if stop < 0 or (len(lines) == 1 and line.strip() != "---"):
            return lines, None
        start = stop + 1


def front_matter_of(path: Path) -> tuple[list[str], str | None]:
    """front_matter_lines of the file at ``path``, read again for a problem's line (rare);
    ([], None) when it cannot be read."""
    try:
        return front_matter_lines(normalise_text(path.read_bytes()))
    except (OSError, UnicodeDecodeError):
        return [], None


def _no_front_matter(path: Path, first: str) -> Problem:
    """The first line is not '---': or it is, with an invisible character before it (a
    second byte order mark, a zero-width space pasted with it), which the editor does
    not see, and was told to make the first line '---'."""
    hidden = [(n, c) for n, c in enumerate(first) if unicodedata.category(c) == "Cf"]
    if hidden and "".join(c for c in first if unicodedata.category(c) != "Cf").strip() == "---":
        column, char = hidden[0]
        name = unicodedata.name(char, "a format character").lower()
        if char == "\ufeff":  # one is dropped: a tool added one to a file that had one
            name = "a second byte order mark"
        return Problem(
            path,
            f"the first line, '---', holds an invisible character, U+{ord(char):04X} "
            f"({name}), so the file does not start with front matter",
            "delete the first line and type '---' again",
            1,
            column + 1,
        )
    return Problem(
        path,
        "the file does not start with front matter",
        "make the first line '---', then 'title: ...' and 'date: ...', "
        "then a line '---', then the article text",
        1,
    )


def split_front_matter(path: Path, text: str, free: bool = False) -> SourceFile:
    """Raises BuildFailed with what is wrong in the front matter's frame or YAML.

    ``free``: the text is known free of invisible characters (yamltext.free_of_invisible)."""
    lines, body = front_matter_lines(text)
    if lines[0].strip() != "---":
        raise BuildFailed([_no_front_matter(path, lines[0])])
    if body is None:
        raise BuildFailed(
            [
                Problem(
                    path,
                    "the front matter is never closed",
                    "add a line '---' after the last 'key: value' line",
                    len(lines),
                )
            ]
        )
    end = len(lines) - 1  # the closing line
    yaml_text = "\n".join(lines[1:end])
    size = len(yaml_text.encode("utf-8"))
    if size > MAX_FRONT_MATTER_BYTES:
        raise BuildFailed(
            [
                Problem(
                    path,
                    f"the front matter is {size:,} bytes long; at most "
                    f"{MAX_FRONT_MATTER_BYTES:,} bytes (64 KiB) are allowed",
                    "keep only the short 'key: value' lines there and move long text "
                    "into the article body, below the closing '---'",
                    1,
                )
            ]
        )
    # Refused, not dropped: the editor decides what was meant (README, "Writing an article").
    refused = [] if free else invisible_characters(path, yaml_text, first_line=2)
    refused += [] if free else invisible_characters(path, body, first_line=end + 2)
    # YAML stops at such a character without saying what it is; the front matter is read
    # as it is once they are deleted, as their fix says, so its other problems are said
    # with them (the characters never reach a page: validation fails with ``refused``).
    readable = INVISIBLE.sub("", yaml_text) if refused else yaml_text
    try:
        meta, key_lines = parse_yaml(path, readable, first_line=2, free=True)  # looked at above
    except BuildFailed as failed:
        written = [_as_written(problem, yaml_text, 2) for problem in failed.errors]
        raise BuildFailed(refused + written) from None
    return SourceFile(path, meta, key_lines, body, tuple(refused))


def _as_written(problem: Problem, text: str, first_line: int) -> Problem:
    """``problem``, found in ``text`` (from line ``first_line`` of its file) with its
    invisible characters deleted, at its column in ``text`` itself."""
    if problem.line is None or problem.column is None:
        return problem
    lines = text.split("\n")
    row = problem.line - first_line
    column = problem.column - 1
    for match in INVISIBLE.finditer(lines[row] if 0 <= row < len(lines) else ""):
        if match.start() <= column:
            column += 1
    return replace(problem, column=column + 1)
