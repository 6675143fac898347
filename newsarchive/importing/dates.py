"""The publish date as a page prints it -> an aware datetime.

Portals print day-first dates with 24- or 12-hour clocks ("07/10/2016 | 4:53 PM",
"19/04/2019 16:54", "10:30 SA, 05/03/2020", Vietnamese SA/CH for AM/PM), written out
("ngày 5 tháng 3 năm 2021") or year first ("2021-03-05 08:00"), or give ISO dates in
<time datetime> and meta tags. A date labelled as the publish date ("Ngày đăng",
"Publish date") wins over other dates beside it ("Cập nhật", a view count...).
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

# Day first: 05/03/2021 (or - .), or written out: 5 tháng 3 năm 2021, 5 tháng 3, 2021.
_DATE = (
    r"(?P<d>\d{1,2})\s*(?:[/.-]|tháng)\s*(?P<m>\d{1,2})\s*(?:[/.-]|,|năm)\s*(?P<y>\d{4})"
    r"(?!\d)"
)
# Year first inside other words (Y-m-d, Y/m/d: WordPress, many CMSs): never a day first.
_YEAR_FIRST = r"(?<!\d)(?P<y>\d{4})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<d>\d{1,2})(?!\d)"
_CLOCK = (
    r"(?P<H>\d{1,2})\s*(?::|h|g|giờ)\s*(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"(?:\s*(?P<half>AM|PM|SA|CH|A\.M\.|P\.M\.)(?![^\W\d_]))?"
)
_BETWEEN = r"\s*(?:\||-|\u2013|,|lúc|luc|ngày|\s)*\s*"
_DATE_FIRST = re.compile(_DATE + rf"(?:{_BETWEEN}{_CLOCK})?", re.I)
_CLOCK_FIRST = re.compile(_CLOCK + _BETWEEN + _DATE, re.I)
_YEAR_FIRST_DATE = re.compile(_YEAR_FIRST + rf"(?:{_BETWEEN}{_CLOCK})?", re.I)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")
_PUBLISHED = re.compile(
    r"ngày\s*đăng|đăng\s*ngày|ngày\s*xuất\s*bản|xuất\s*bản|publish(ed)?(\s*date|\s*on)?|posted",
    re.I,
)
_UPDATED = re.compile(r"cập\s*nhật|updated?|modified|sửa", re.I)
_AFTERNOON = ("PM", "CH", "P.M.")


def read_date(text: str, tz: ZoneInfo) -> tuple[datetime | None, bool]:
    """The date in ``text`` and whether it gave a time of day; (None, False) when none."""
    text = " ".join(text.split())
    if not text:
        return None, False
    if _ISO.match(text):
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            return None, False
        return (parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)), len(text) > 10
    found = sorted(
        (
            m
            for pattern in (_CLOCK_FIRST, _DATE_FIRST, _YEAR_FIRST_DATE)
            for m in pattern.finditer(text)
        ),
        key=lambda m: (m.start(), -len(m.group(0))),
    )
    candidates: list[re.Match[str]] = []
    for match in found:  # one reading per printed date: the longest, from its start
        if _valid(match) is not None and (not candidates or match.start() >= candidates[-1].end()):
            candidates.append(match)
    if not candidates:
        return None, False
    label = _PUBLISHED.search(text)
    chosen = next((m for m in candidates if label and m.start() >= label.end()), None)
    if chosen is None:
        chosen = next((m for m in candidates if not _labelled_updated(text, m)), candidates[0])
    day = _valid(chosen)
    assert day is not None
    return day.replace(tzinfo=tz), chosen.group("H") is not None


def _labelled_updated(text: str, match: re.Match[str]) -> bool:
    return bool(_UPDATED.search(text[max(0, match.start() - 20) : match.start()]))


def _valid(match: re.Match[str]) -> datetime | None:
    hour, minute, second = (int(match.group(k) or 0) for k in ("H", "M", "S"))
    half = (match.group("half") or "").upper()
    if half and not 1 <= hour <= 12:
        return None
    if half:
        hour = hour % 12 + (12 if half in _AFTERNOON else 0)
    day, month, year = (int(match.group(k)) for k in ("d", "m", "y"))
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class MonthFirstRun:
    """A run's pages read by one's own profile: one that prints a date only month first
    (01/14/2025) shows its portal writes the month first, so another page's date read day
    first with its day up to 12 (06/01/2025: 6 January) may be 1 June. Such a date is
    said in a note of its page, not read month first: one odd page of a portal must not
    move every other's date. Weighed once the run has read every page, in input order,
    so the note is the same whatever --jobs and whichever page comes first."""

    def __init__(self) -> None:
        self.evidence: dict[str, tuple[str, str]] = {}  # profile -> its first such page, date
        self.doubtful: list[tuple[int, str, str, datetime]] = []  # at, profile, printed, read

    def add(self, at: int, page: str, profile: str, month_first: str, day_first: str,
            read: datetime | None) -> None:  # fmt: skip
        if month_first:
            self.evidence.setdefault(profile, (page, month_first))
        if day_first and read is not None:
            self.doubtful.append((at, profile, day_first, read))

    def notes(self) -> dict[int, str]:
        """The note of each doubtful page (by the ``at`` it was added with)."""
        said = {}
        for at, profile, printed, read in self.doubtful:
            if profile not in self.evidence:
                continue
            page, shown = self.evidence[profile]
            as_read = _spelt(read.day, read.month, read.year)
            said[at] = (
                f"the date {printed} was read day first ({as_read}),"
                f" but the page {page} of this run, read by the {profile} profile too, shows "
                f"{shown}, a date only month first: if the portal writes its dates month "
                f"first, this one is {_spelt(read.month, read.day, read.year)}: correct the "
                "article's date (and point the profile's 'date' at the page's <meta> or "
                "<time> that holds the date, if it has one: docs/import-profiles.md#dates)"
            )
        return said


def _spelt(day: int, month: int, year: int) -> str:
    return f"{day} {_MONTHS[month - 1]} {year}"
