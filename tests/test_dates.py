"""dates.py on its own: day-first Vietnamese dates, never month-first."""

from datetime import date, datetime

import pytest
from support import HANOI

from newsarchive.dates import in_zone, parse_date


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2019-04-19 16:54", "2019-04-19T16:54:00+07:00"),
        ("19/04/2019 16:54", "2019-04-19T16:54:00+07:00"),
        ("05/04/2019", "2019-04-05T00:00:00+07:00"),
        # ISO's order typed without leading zeros: was "Invalid isoformat string".
        ("2019-4-5", "2019-04-05T00:00:00+07:00"),
        ("2019-4-5 8:30", "2019-04-05T08:30:00+07:00"),
        ("2019-04-19T16:54:00+00:00", "2019-04-19T16:54:00+00:00"),
    ],
)
def test_dates_as_written(written, iso):
    assert parse_date(written, HANOI).isoformat() == iso


def test_yaml_dates_and_datetimes_are_taken_in_the_zone():
    assert parse_date(date(2019, 4, 5), HANOI).isoformat() == "2019-04-05T00:00:00+07:00"
    naive = datetime(2019, 4, 5, 7, 30)
    assert parse_date(naive, HANOI).utcoffset().total_seconds() == 7 * 3600


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("13/13/2019", "is not a real date"),
        ("2019-02-30", "is not a real date"),
        ("hôm qua", "is not a date I can read"),
        # Not Python's "Invalid isoformat string" or "offset must be a timedelta...".
        ("2021-03-05 10:00 ICT", "the day is read, not what follows it"),
        ("2021-03-05T10:00:00+25:00", "the day is read, not what follows it"),
    ],
)
def test_bad_dates_say_why(written, why):
    with pytest.raises(ValueError, match=why) as raised:
        parse_date(written, HANOI)
    assert "isoformat" not in str(raised.value) and "timedelta" not in str(raised.value)


def test_local_mean_time_is_rounded_to_whole_minutes():
    old = in_zone(parse_date("1900-01-01 12:00", HANOI), HANOI)
    assert old.isoformat() == "1900-01-01T12:00:00+07:07"


def test_a_date_off_the_calendar_on_the_sites_clock_is_refused():
    with pytest.raises(ValueError, match="outside the years 1 to 9999"):
        in_zone(parse_date("9999-12-31T23:00:00-12:00", HANOI), HANOI)
