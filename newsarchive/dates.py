"""Parsing front-matter dates. Day-first Vietnamese dates are never read month-first."""

import calendar
import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

_TIME = r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?$"
_DAY_FIRST = re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})" + _TIME)
# 2020-3-5 8:30, as an editor types it: ISO's order without its leading zeros (ISO
# parsing refused it with "Invalid isoformat string").
_YEAR_FIRST = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME)
# 30/08/20171: a digit too many in the year, which _DAY_FIRST does not read.
_DAY_FIRST_LONG_YEAR = re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{5,})" + _TIME)
# The day of an ISO date with more after it (T10:00+07:00), which fromisoformat reads.
_YEAR_FIRST_DAY = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ]+(?P<H>\d{1,2}):(?P<M>\d{2}))?"
)
# The ways Windows and Excel show a date, by the language they are set to: a 12-hour clock
# (4:30 PM; SA and CH, sáng and chiều, in Vietnamese), the day's parts between dots or
# dashes (05.04.2019, 5-4-2019) and the year first with slashes (2019/04/05).
_CLOCK_12 = re.compile(r"(?i)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|sa|ch|a\.m\.|p\.m\.)$")
_AFTERNOON = ("pm", "ch", "p.m.")
_DAY_DOTTED = re.compile(r"^(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?=\s|T|$)")
_YEAR_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?=\s|T|$)")
# A date as a Vietnamese page prints it, copied from the portal: words before it (`Thứ
# sáu,`, `Ngày đăng`), a mark between the day and the time (`|`, `-`, `,`, `lúc`) and the
# hour written 16h54, 16g54 or 16 giờ 54.
_AS_PRINTED = re.compile(
    r"(?i)^\D*?(?P<day>\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*(?:[|,\u2013-]|lúc)?\s*"
    r"(?:(?P<H>\d{1,2})\s*(?::|h|g|giờ)\s*(?P<M>\d{2})?\s*(?:phút)?)?\s*$"
)


# Not calendar.month_name, which speaks the computer's language (LC_TIME).
_MONTHS = "January February March April May June July August September October November December"


class NotARealDate(ValueError):
    """A date in a form that is read, with a part out of its range (31/02, hour 25) or
    what is not read after its day (2017-08-301, a zone's name): its fix is known.

    ``fix`` names the part to check, or the date to write: "write the date as
    YYYY-MM-DD HH:MM" told an editor to write again the form the date already had."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.fix = fix


def parse_date(value: object, tz: ZoneInfo) -> datetime:
    """Return an aware datetime; naive values are taken in ``tz``.

    Raises ValueError with a message an editor can act on.
    """
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time())
    elif isinstance(value, str):
        parsed = _parse_text(value.strip())
    else:
        raise ValueError(f"expected a date, got {type(value).__name__} {value!r}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def in_zone(value: datetime, tz: ZoneInfo) -> datetime:
    """``value`` on the site's clock, with an offset that feeds and sitemaps can write.

    Before standard time a zone has its local mean time (Asia/Ho_Chi_Minh: +07:06:30
    until 1911), but RFC 3339, which Atom, sitemaps and <time datetime> use, writes
    offsets in whole minutes only: such dates keep the wall-clock time and get the
    offset rounded to the minute (+07:07), moving them by at most 30 seconds.
    Raises ValueError when the date has no place on the calendar (years 1 to 9999)
    once taken to ``tz``."""
    try:
        local = value.astimezone(tz)
    except (OverflowError, ValueError):
        raise ValueError(
            f"{value.isoformat()} falls outside the years 1 to 9999 on the site's clock ({tz.key})"
        ) from None
    offset = local.utcoffset()
    if offset is None or offset.seconds % 60 == 0:
        return local
    minutes = (offset.days * 86400 + offset.seconds + 30) // 60
    return local.replace(tzinfo=timezone(timedelta(minutes=minutes)))


def _parse_text(text: str) -> datetime:
    match = _DAY_FIRST.match(text) or _YEAR_FIRST.match(text)
    if match:
        parts = {k: int(v) for k, v in match.groupdict(default="0").items()}
        _check_parts(text, parts, match)
        return datetime(parts["y"], parts["m"], parts["d"], parts["H"], parts["M"], parts["S"])
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        habit, fix = _habit(text)
        if habit:
            # 2019/04/31: told to part it by -, and what else is wrong once it is.
            raise (NotARealDate(habit, fix) if fix else ValueError(habit)) from None
        day = _YEAR_FIRST_DAY.match(text)
        if day:
            _check_parts(text, {k: int(v) for k, v in day.groupdict("0").items()}, day)
            # Python's own words ("Invalid isoformat string") say nothing of what to fix.
            raise _more_after_the_day(text, day) from None
        long_year = _DAY_FIRST_LONG_YEAR.match(text)
        if long_year:
            raise _year_too_long(text, long_year) from None
    raise ValueError(f"{text!r} is not a date I can read")


def _year_too_long(text: str, match: re.Match[str]) -> NotARealDate:
    """What is wrong with a day-first date whose year has more than 4 digits, and the
    date to write: its first 4, as a day of 3 digits keeps its first 2, past zeros typed
    before it (02017 is 2017, not 201)."""
    digits = match["y"]
    year = digits.lstrip("0") if len(digits.lstrip("0")) >= 4 else digits
    right = text[: match.start("y")] + year[:4] + text[match.end("y") :]
    fix = _fix_to_write(right, "write the year in four digits")
    return NotARealDate(
        f"{text!r}: the year has {len(digits)} digits ({digits}): a year is written in 4", fix
    )


def _fix_to_write(right: str, how: str) -> str:
    """The fix of a date with a digit too many: ``how``, then ``right``, the date with it
    taken away; or what is wrong with that date too (31/02/20191, 2017-02-301: no 31st
    or 30th of February either)."""
    try:
        _parse_text(right)
    except NotARealDate as exc:
        return exc.fix
    return f"{how}: {right}"


def _more_after_the_day(text: str, day: re.Match[str]) -> NotARealDate:
    """What is wrong with a year-first date whose day is followed by what is not read:
    more digits (2017-08-301), or what is no time (a zone's name, ICT), and the date to
    write."""
    after = text[day.end() :]
    if after[:1].isdigit():
        digits = day["d"] + after[: len(after) - len(after.lstrip("0123456789"))]
        right = text[: day.end("d")] + text[day.start("d") + len(digits) :]
        fix = _fix_to_write(right, "write the day in two digits")
        said = f"the day has {len(digits)} digits ({digits}): a day is 1 to 31"
        return NotARealDate(f"{text!r}: {said}", fix)
    right = text[: day.end()]
    if day["H"]:
        return NotARealDate(
            f"{text!r}: what follows the time {day['H']}:{day['M']}, {after.strip()!r}, is "
            "not read (seconds are :SS, an offset +07:00; a zone's name such as ICT is not)",
            f"write {right} (taken in the site's time zone)",
        )
    return NotARealDate(
        f"{text!r}: what follows the date, {after.strip()!r}, is not a time",
        f"write {right} (a time is HH:MM after a space: {right} 16:54)",
    )


def _check_parts(text: str, parts: dict[str, int], match: re.Match[str]) -> None:
    """Raise NotARealDate naming each part of ``text`` out of its range, if any."""
    missing: list[str] = []  # "month 13": told as "there is no month 13"
    said: list[str] = []
    fixes: list[str] = []
    year, month, day = parts["y"], parts["m"], parts["d"]
    day_first = match.re is _DAY_FIRST
    # No month's length to tell: a day no month has is named with the month, or the
    # next build refused it (00/13/2019).
    if (not 1 <= month <= 12 or year < 1) and not 1 <= day <= 31:
        missing.append(f"day {day}")
        where = "first (DD/MM/YYYY)" if day_first else "last (YYYY-MM-DD)"
        fixes.append(f"check the day: it is 1 to 31, written {where}")
    if not 1 <= month <= 12:
        missing.append(f"month {month}")
        order = "after the day (DD/MM/YYYY)" if day_first else "after the year (YYYY-MM-DD)"
        fix = f"check the month: it is 1 to 12, written {order}"
        if day_first and year >= 1 and 1 <= day <= 12 and 1 <= month <= _days_in(year, day):
            # 04/13/2019: the month first, as an English-language Windows writes it.
            swapped = f"{match['m']}/{match['d']}/{match['y']}{text[match.end('y') :]}"
            fix += f"; for the {_ordinal(month)} of month {day} write {swapped}"
        fixes.append(fix)
    elif year >= 1 and not 1 <= day <= _days_in(year, month):
        named = f"{_MONTHS.split()[month - 1]} {year} has {_days_in(year, month)} days"
        said.append(f"{named}, not {day}")
        fixes.append("check the day and the month")  # the message names the month's days
    if year < 1:
        missing.append(f"year {year}")
        fixes.append("check the year")
    for key, name, most, fix in (
        ("H", "hour", 23, "check the hour: it is 0 to 23, on the 24-hour clock (midnight 00:00)"),
        ("M", "minute", 59, "check the minutes: they are 00 to 59"),
        ("S", "second", 59, "check the seconds: they are 00 to 59"),
    ):
        if parts.get(key, 0) > most:
            missing.append(f"{name} {parts[key]}")
            fixes.append(fix)
    if missing:
        said.append("there is no " + ", no ".join(missing))
    if fixes:
        raise NotARealDate(f"{text!r} is not a real date ({'; '.join(said)})", "; ".join(fixes))


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _ordinal(n: int) -> str:
    """13th, 21st: ``n`` from 1 to 31 as a day of the month is said."""
    ending = "th" if n in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{ending}"


def _habit(text: str) -> tuple[str, str]:
    """What to write instead of a date as Windows or Excel shows it ("" for another), and
    the fix of what is still wrong once it is written so (NotARealDate's), if anything."""
    clock = _CLOCK_12.search(text)
    if clock:
        right = _clock_right(text, clock)
        written, fix = _write(right)
        said = f"{text!r}: a time is read on the 24-hour clock, without {clock[4]}{written}"
        if "/" in right and clock[4].lower() in ("am", "pm", "a.m.", "p.m."):
            said += (
                " (and check the day and the month: an English-language Windows or Excel "
                "writes the month first, the day first is read here)"
            )
        return said, fix
    right = _parted_right(text)
    if right:
        written, fix = _write(right)
        if _DAY_DOTTED.match(text):
            return f"{text!r}: the day, month and year are parted by / here{written}", fix
        return f"{text!r}: a date that starts with its year is parted by - here{written}", fix
    printed = _AS_PRINTED.match(text)
    if printed:
        at = f" {int(printed['H']):02d}:{printed['M'] or '00'}" if printed["H"] else ""
        right = f"{printed['day']}{at}"
        try:
            _parse_text(right)
        except ValueError:  # 31/02, 25h: what is wrong is told of the date as written
            return "", ""
        return f"{text!r}: only the day and an HH:MM time are read: write {right}", ""
    return "", ""


def _clock_right(text: str, clock: re.Match[str]) -> str:
    """``text`` with its 12-hour ``clock`` time on the 24-hour clock, and the day's parts
    as Windows shows them too (2019/04/05, 05.04.2019) parted as here: the fix says
    both, not one at a time for two builds."""
    hour = int(clock[1]) % 12 + (12 if clock[4].lower() in _AFTERNOON else 0)
    seconds = f":{clock[3]}" if clock[3] else ""
    right = f"{text[: clock.start()].rstrip()} {hour:02d}:{clock[2]}{seconds}"
    return _parted_right(right) or right


def _parted_right(text: str) -> str:
    """``text`` with the day's parts parted as they are read here (05.04.2019 ->
    05/04/2019, 2019/04/05 -> 2019-04-05), or "" when they are already."""
    day = _DAY_DOTTED.match(text)
    if day:
        return f"{day[1]}/{day[2]}/{day[3]}{text[day.end() :]}"
    year = _YEAR_SLASHED.match(text)
    if year:
        return f"{year[1]}-{year[2]}-{year[3]}{text[year.end() :]}"
    return ""


def _write(right: str) -> tuple[str, str]:
    """ ": write ``right``", or what is wrong with it too ('2019/04/19 25:00' was told to be
    written 2019-04-19 25:00, which the next build refused for its hour), with its fix."""
    try:
        _parse_text(right)
    except NotARealDate as exc:
        return f", and written so, {exc}", exc.fix
    except ValueError as exc:
        return f", and written so, {exc}", ""
    return f": write {right}", ""
