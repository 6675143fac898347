"""A text capture of an old portal page, as the seeds were made:

    TIN TỨC - SỰ KIỆN              (the category, as the portal printed it)
    <title, possibly over several lines>
    Ngày đăng 19/04/2019 | 16:54
    <paragraphs separated by blank lines>

The text is kept exactly, but for the spaces between the words of its paragraphs, written
as a web page's are (html.one_space); what could not be understood is returned as notes.
"""

import re
from pathlib import Path
from zoneinfo import ZoneInfo

from ..errors import BuildFailed, Problem
from ..markup import plain_paragraph
from .dates import read_date
from .html import one_space
from .page import Extracted

# The label and a digit: "Ngày đăng ký..." (registration day) in a title is no date line.
_DATE_LINE = re.compile(r"^Ngày đăng\s*:?\s*(?P<date>\d.*)$")
CAPTURE_HINT = (
    "a capture starts with the category line, the title, then a line like "
    "'Ngày đăng 19/04/2019 | 16:54', then the paragraphs"
)


def read_capture(path: Path, text: str, tz: ZoneInfo) -> Extracted:
    """The article in a text capture. Raises BuildFailed naming what is missing."""
    lines = [line.strip() for line in text.split("\n")]
    date_at = next((i for i, line in enumerate(lines) if _DATE_LINE.match(line)), None)
    if date_at is None:
        raise BuildFailed(
            [Problem(path, "found no line 'Ngày đăng dd/mm/yyyy | HH:MM'", CAPTURE_HINT)]
        )
    notes = []
    head = [line for line in lines[:date_at] if line]
    if not head:
        raise BuildFailed(
            [Problem(path, "found no title above the date line", CAPTURE_HINT, date_at + 1)]
        )
    category, title_lines = (head[0], head[1:]) if len(head) > 1 else ("", head)
    if not category:
        notes.append("no category line above the title: the article has no category")
    if len(title_lines) > 1:
        notes.append(f"the title was on {len(title_lines)} lines; they were joined into one")
    match = _DATE_LINE.match(lines[date_at])
    assert match is not None
    # As the portals print it: 19/04/2019 | 16:54, or Liferay's 19/04/2019 | 4:54 PM.
    published, timed = read_date(match["date"], tz)
    if published is None:
        raise BuildFailed(
            [
                Problem(
                    path,
                    f"the date line's {match['date']!r} cannot be read as a date: no such "
                    "day, month or hour, or not written day/month/year hour:minute",
                    "write the date as dd/mm/yyyy HH:MM (19/04/2019 | 16:54 or 4:54 PM)",
                    date_at + 1,
                )
            ]
        )
    if not timed:
        notes.append("the date line has no time of day: 00:00 was used")
    paragraphs = []
    block: list[str] = []
    for line in [*lines[date_at + 1 :], ""]:
        if line:
            block.append(one_space(line))
        elif block:
            paragraphs.append(plain_paragraph(block))
            block = []
    if not paragraphs:
        notes.append("the capture has no text below the date line")
    return Extracted(
        title=" ".join(title_lines),
        published=published,
        category=category,
        body="\n\n".join(paragraphs),
        media=(),
        article_id="",
        profile="text capture",
        notes=tuple(notes),
    )
