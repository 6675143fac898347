"""dates.py on its own: day-first Vietnamese dates, never month-first."""

import re
from datetime import date, datetime

import pytest
from support import HANOI

from newsarchive.dates import NotARealDate, in_zone, parse_date


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
        # Python's words ("day is out of range for month"), not the part to check.
        ("29/02/2100", r"is not a real date \(February 2100 has 28 days, not 29\)$"),
        ("29/02/2024 24:00", r"\(there is no hour 24\)$"),
        ("2024-02-29 10:60:61", r"\(there is no minute 60, no second 61\)$"),
        ("0000-01-01", r"\(there is no year 0\)$"),
        ("2019-04-31T10:00", r"\(April 2019 has 30 days, not 31\)$"),
        ("2019-04-05T25:00+07:00", r"\(there is no hour 25\)$"),
        ("hôm qua", "is not a date I can read"),
        # Not Python's "Invalid isoformat string" or "offset must be a timedelta...".
        ("2021-03-05 10:00 ICT", "what follows the time 10:00, 'ICT', is not read"),
        ("2021-03-05T10:00:00+25:00", "what follows the time 10:00, ':00\\+25:00', is not read"),
        # Was "the day is read, not what follows it", which said neither what was wrong
        # (a day of three digits; a zone's name, not a time) nor what to write.
        ("2017-08-301", r"the day has 3 digits \(301\): a day is 1 to 31$"),
        ("2017-08-30 ICT", "what follows the date, 'ICT', is not a time"),
        # Was "is not a date I can read", day first with a digit too many in its year.
        ("30/08/20171", r"the year has 5 digits \(20171\): a year is written in 4$"),
        # As Windows and Excel show dates: was "the day is read, not what follows it" or
        # "is not a date I can read", with no word of the clock or of the dots.
        ("2019-4-5 4:30 PM", "on the 24-hour clock, without PM: write 2019-4-5 16:30$"),
        ("5/4/2019 4:30 CH", "without CH: write 5/4/2019 16:30$"),
        ("05/04/2019 12:10 SA", "without SA: write 05/04/2019 00:10$"),
        ("05/04/2019 4:30:15 PM", r"write 05/04/2019 16:30:15 \(and check the day and the month"),
        ("05.04.2019", "parted by / here: write 05/04/2019$"),
        ("5-4-2019 8:30", "parted by / here: write 5/4/2019 8:30$"),
        ("2019/04/05", "starts with its year is parted by - here: write 2019-04-05$"),
        # Not told to write what is no date either (the hour 25, the 31st of February).
        ("2019/04/19 25:00", "parted by - here, and written so, '2019-04-19 25:00' is not a real"),
        ("31.02.2019", "parted by / here, and written so, '31/02/2019' is not a real date"),
        # Told to write 31/02/2019 16:30, which the next build refused for its day.
        ("31/02/2019 4:30 CH", r"without CH, and written so, '31/02/2019 16:30' is not a real"),
        # Both habits at once: told one at a time, the fix took two builds.
        ("2019/04/05 4:30 PM", "without PM: write 2019-04-05 16:30$"),
        ("05.04.2019 4:30 CH", "without CH: write 05/04/2019 16:30$"),
        # As the portal printed it, copied with its words: "is not a date I can read".
        ("19/4/2019 16h54", "only the day and an HH:MM time are read: write 19/4/2019 16:54$"),
        ("Thứ sáu, 19/04/2019 | 16:54", "write 19/04/2019 16:54$"),
        ("Ngày đăng 19/04/2019 lúc 16 giờ 54", "write 19/04/2019 16:54$"),
        ("19/04/2019 25h", "is not a date I can read"),
    ],
)
def test_bad_dates_say_why(written, why):
    with pytest.raises(ValueError, match=why) as raised:
        parse_date(written, HANOI)
    assert "isoformat" not in str(raised.value) and "timedelta" not in str(raised.value)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2019-4-5 4:30 PM", "2019-04-05T16:30:00+07:00"),
        ("05/04/2019 12:10 SA", "2019-04-05T00:10:00+07:00"),
        ("05/04/2019 12:10 CH", "2019-04-05T12:10:00+07:00"),
        ("05.04.2019", "2019-04-05T00:00:00+07:00"),
        ("2019/04/05 8:00", "2019-04-05T08:00:00+07:00"),
        ("2019/04/05 4:30 PM", "2019-04-05T16:30:00+07:00"),
        ("05.04.2019 4:30 CH", "2019-04-05T16:30:00+07:00"),
        ("19/04/2019 - 8h05", "2019-04-19T08:05:00+07:00"),
        ("2019-04-19, 8g", "2019-04-19T08:00:00+07:00"),
    ],
)
def test_the_date_to_write_instead_of_windows_way_is_the_same_date(written, iso):
    with pytest.raises(ValueError) as raised:
        parse_date(written, HANOI)
    right = re.search(r"write (.+?)(?: \(|$)", str(raised.value))[1]
    assert parse_date(right, HANOI).isoformat() == iso


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("2017-08-301", "write the day in two digits: 2017-08-30"),
        ("2017-08-301 10:00", "write the day in two digits: 2017-08-30 10:00"),
        ("2017-08-30 ICT", "write 2017-08-30 (a time is HH:MM after a space: 2017-08-30 16:54)"),
        ("2017-08-30T10:00ICT", "write 2017-08-30T10:00 (taken in the site's time zone)"),
        # The day cut to two digits is no day of February: that is said too.
        ("2017-02-301", "check the day and the month"),
        ("30/08/20171", "write the year in four digits: 30/08/2017"),
        ("30/08/20171 10:00", "write the year in four digits: 30/08/2017 10:00"),
        ("31/02/20191", "check the day and the month"),
        # Not the year 201: a zero typed before the year is the digit too many.
        ("30/08/02017", "write the year in four digits: 30/08/2017"),
    ],
)
def test_a_date_with_more_after_its_day_is_given_the_date_to_write(written, fix):
    with pytest.raises(NotARealDate) as raised:
        parse_date(written, HANOI)
    assert raised.value.fix == fix
    right = re.search(r"write (?:the \w+ in \w+ digits: )?(\S+(?: \d\d:\d\d)?)", fix)
    if right:
        parse_date(right[1], HANOI)  # the date the fix gives is read


def test_local_mean_time_is_rounded_to_whole_minutes():
    old = in_zone(parse_date("1900-01-01 12:00", HANOI), HANOI)
    assert old.isoformat() == "1900-01-01T12:00:00+07:07"


def test_a_date_off_the_calendar_on_the_sites_clock_is_refused():
    with pytest.raises(ValueError, match="outside the years 1 to 9999"):
        in_zone(parse_date("9999-12-31T23:00:00-12:00", HANOI), HANOI)
