"""Parsing front-matter dates. Day-first Vietnamese dates are never read month-first."""

import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

_TIME = r"(?:[ T]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?$"
_DAY_FIRST = re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})" + _TIME)
# 2020-3-5 8:30, as an editor types it: ISO's order without its leading zeros (ISO
# parsing refused it with "Invalid isoformat string").
_YEAR_FIRST = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME)


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
        try:
            return datetime(parts["y"], parts["m"], parts["d"], parts["H"], parts["M"], parts["S"])
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a real date ({exc})") from None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        day = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if day:
            try:
                year, month, day_of_month = map(int, day.groups())
                datetime(year, month, day_of_month)
            except ValueError as exc:
                raise ValueError(f"{text!r} is not a real date ({exc})") from None
            # Python's own words ("Invalid isoformat string") say nothing of what to fix.
            raise ValueError(
                f"{text!r}: the day is read, not what follows it (a time is HH:MM, "
                "an offset +07:00; a zone's name such as ICT is not read)"
            ) from None
    raise ValueError(f"{text!r} is not a date I can read")
