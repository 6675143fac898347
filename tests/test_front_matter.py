"""validate.py on its own: front matter as read, to an Article or every problem."""

import pytest
from support import HANOI, source

from newsarchive.content import Article
from newsarchive.errors import BuildFailed
from newsarchive.validate import validate, validate_page


def messages(meta: dict) -> list[tuple[int | None, str, str]]:
    with pytest.raises(BuildFailed) as failed:
        validate(source(meta), HANOI)
    return [(p.line, p.message, p.hint) for p in failed.value.errors]


def test_a_good_front_matter_gives_an_article():
    article = validate(
        source({"title": " Đường Láng ", "date": "19/04/2019 16:54", "tags": ["a", 5]}), HANOI
    )
    assert isinstance(article, Article)
    assert (article.title, article.slug, article.tags) == ("Đường Láng", "duong-lang", ("a", "5"))
    assert article.published.isoformat() == "2019-04-19T16:54:00+07:00"
    assert article.summary == "Nội dung."


def test_every_problem_is_reported_at_once_with_its_line():
    found = messages({"title": 5, "date": "2019-13-01", "catgory": "x", "draft": "yes"})
    assert [(line, message) for line, message, _ in found] == [
        (4, "unknown key 'catgory'"),
        (2, "'title' must be text, but YAML read the number 5"),
        (3, "bad date: '2019-13-01' is not a real date (there is no month 13)"),
        (
            5,
            "'draft' must be true or false, not the text 'yes': in quotes, YAML reads it "
            "as words, not as yes or no",
        ),
    ]
    assert found[0][2] == "did you mean 'category'?"
    assert found[1][2] == 'put the value in double quotes, e.g. title: "5"'


def test_missing_title_and_date_name_the_fix():
    found = messages({})
    assert found == [
        (2, "the article has no title", 'add a line such as: title: "Tiêu đề bài viết"'),
        (
            2,
            "the article has no date",
            "add a line such as: date: 2019-04-19 16:54  (or 19/04/2019 16:54)",
        ),
    ]


def test_unknown_key_far_from_any_lists_them_all_and_points_to_params():
    hint = messages({"title": "x", "date": "2019-01-01", "zzzz": 1})[0][2]
    assert hint == (
        "remove it, or use one of: "
        "title, date, date_given, category, tags, summary, author, language, slug, source_url, "
        "captured, aliases, draft, withdrawn, corrections; a value of your own for the "
        "templates goes under params: (params: then, indented below it, zzzz: ...; "
        "article.params.zzzz in a template)"
    )


def test_params_is_offered_only_for_a_key_holding_values_below_it():
    """A typo of a real key is far likelier than a typo of params, and `param: 1` may be a
    value of one's own; `param:` with values indented below it is params misspelt."""
    assert messages({"title": "x", "date": "2019-01-01", "param": 1})[0][2] != (
        "did you mean 'params'?"
    )
    found = messages({"title": "x", "date": "2019-01-01", "param": {"photographer": "A"}})
    assert found[0][2] == "did you mean 'params'?"


def test_params_are_the_articles_own_values_and_must_be_a_mapping():
    meta = {"title": "x", "date": "2019-01-01", "params": {"photographer": "Minh Anh"}}
    assert validate(source(meta), HANOI).params == {"photographer": "Minh Anh"}
    assert validate(source({"title": "x", "date": "2019-01-01"}), HANOI).params == {}
    page = validate_page(source({"title": "x", "params": {"hotline": "024"}}), "lien-he")
    assert page.params == {"hotline": "024"} and page.url == "lien-he/"
    found = messages({"title": "x", "date": "2019-01-01", "params": "Minh Anh"})
    assert [(m, h) for _, m, h in found] == [
        (
            "'params' must be a group of 'key: value' lines, but YAML read 'Minh Anh'",
            "write params: alone on its line, and each value of your own below it, "
            "indented: '  photographer: Minh Anh'",
        )
    ]


def test_withdrawn_is_a_day_or_a_day_with_a_reason():
    base = {"title": "x", "date": "2019-01-01 10:00"}
    assert validate(source(base), HANOI).withdrawn is None
    article = validate(source(base | {"withdrawn": "05/03/2026"}), HANOI)
    alone = article.withdrawn
    assert alone is not None and (alone.date.isoformat(), alone.reason, article.empty) == (
        "2026-03-05T00:00:00+07:00",
        "",
        False,
    )
    meta = base | {"withdrawn": {"date": "2026-03-05", "reason": " Theo yêu cầu. "}}
    article = validate(source(meta, body="\n \n"), HANOI)
    full = article.withdrawn
    assert full is not None and (full.reason, article.empty) == ("Theo yêu cầu.", True)
    # Taken down on the day it was published: not before it.
    assert validate(source(base | {"withdrawn": "2019-01-01"}), HANOI).withdrawn is not None
    assert not validate(source(base | {"withdrawn": "2019-01-01"}), HANOI).listed


# A date in a form that is read but with a part out of its range: the fix said to write
# the date as YYYY-MM-DD HH:MM, the form it already had; it now names the part to check.
@pytest.mark.parametrize(
    ("written", "said", "fix"),
    [
        (
            "31/02/2021 10:00",
            "(February 2021 has 28 days, not 31)",
            "check the day and the month",
        ),
        (
            "2019-02-31T10:00+07:00",
            "(February 2019 has 28 days, not 31)",
            "check the day and the month",
        ),
        (
            "2019-13-01",
            "(there is no month 13)",
            "check the month: it is 1 to 12, written after the year (YYYY-MM-DD)",
        ),
        (
            "04/13/2019 08:00",
            "(there is no month 13)",
            "check the month: it is 1 to 12, written after the day (DD/MM/YYYY); "
            "for the 13th of month 4 write 13/04/2019 08:00",
        ),
        (
            "19/04/2019 25:00",
            "(there is no hour 25)",
            "check the hour: it is 0 to 23, on the 24-hour clock (midnight 00:00)",
        ),
        ("19/04/2019 10:61", "(there is no minute 61)", "check the minutes: they are 00 to 59"),
        # Parted by / (as Windows shows it) and the 31st of April: was told to write the
        # date as YYYY-MM-DD HH:MM, which would not have done.
        (
            "2019/04/31",
            "",
            "check the day and the month",
        ),
        ("31/02/2019 4:30 CH", "", "check the day and the month"),
        # The day out of every month's range too: was named the month alone, and the
        # next build refused the day.
        (
            "00/13/2019",
            "(there is no day 0, no month 13)",
            "check the day: it is 1 to 31, written first (DD/MM/YYYY); "
            "check the month: it is 1 to 12, written after the day (DD/MM/YYYY)",
        ),
        (
            "2019-14-32",
            "(there is no day 32, no month 14)",
            "check the day: it is 1 to 31, written last (YYYY-MM-DD); "
            "check the month: it is 1 to 12, written after the year (YYYY-MM-DD)",
        ),
        (
            "2019-13-01 25:00",
            "(there is no month 13, no hour 25)",
            "check the month: it is 1 to 12, written after the year (YYYY-MM-DD); "
            "check the hour: it is 0 to 23, on the 24-hour clock (midnight 00:00)",
        ),
    ],
)
def test_a_date_with_a_part_out_of_range_names_the_part_to_check(written, said, fix):
    meta = {"title": "x", "date": written}
    if said:
        assert messages(meta) == [(3, f"bad date: {written!r} is not a real date {said}", fix)]
    assert messages(meta)[0][2] == fix
    # The same fix for the day of a takedown or of a correction.
    day = {"title": "x", "date": "2019-01-01"}
    withdrawn = messages(day | {"withdrawn": written})[0]
    corrected = messages(day | {"corrections": [{"date": written, "text": "a"}]})[0]
    assert (withdrawn[2], corrected[2]) == (fix, fix)
    if said:
        assert withdrawn[1] == f"bad date in 'withdrawn': {written!r} is not a real date {said}"
        assert corrected[1] == f"bad date in the correction: {written!r} is not a real date {said}"


def test_a_bad_withdrawn_says_what_to_write():
    base = {"title": "x", "date": "2019-01-01"}
    hint = (
        "write the day the archive took the article down, withdrawn: 2026-03-05 (or day "
        "first, 05/03/2026); to tell readers why, write withdrawn: alone on its line and "
        "below it, indented, '  date: 2026-03-05' and '  reason: ...'"
    )
    assert messages(base | {"withdrawn": False}) == [
        (4, "'withdrawn' has the yes/no value 'no', not a date", hint)
    ]
    assert messages(base | {"withdrawn": {"reason": 5}}) == [
        (
            4,
            "the reason under 'withdrawn' must be text, but YAML read the number 5",
            'put the value in double quotes, e.g.   reason: "5"',
        ),
        (4, "'withdrawn' has no date", hint),
    ]


def test_corrections_are_kept_newest_first_in_the_files_order_on_one_day():
    meta = {
        "title": "x",
        "date": "2019-01-01",
        "corrections": [
            {"date": "2026-03-05", "text": "a"},
            {"date": "2026-04-01", "text": " b "},
            {"date": "05/03/2026", "text": "c"},
        ],
    }
    found = validate(source(meta), HANOI).corrections
    assert [(c.date.date().isoformat(), c.text) for c in found] == [
        ("2026-04-01", "b"),
        ("2026-03-05", "a"),
        ("2026-03-05", "c"),
    ]


def test_every_bad_correction_is_named_by_its_place():
    meta = {
        "title": "x",
        "date": "2019-01-01",
        "corrections": ["Sửa tên", {"date": "2026-03-05"}, {"text": "b"}, {"date": 5, "text": "c"}],
    }
    assert [message for _, message, _ in messages(meta)] == [
        "correction 1 of 4 is 'Sửa tên', not a date and a text",
        "correction 2 of 4 has no text",
        "correction 3 of 4 has no date",
        "bad date in correction 4 of 4: expected a date, got int 5",
    ]


def test_spellings_of_one_tag_in_one_article_are_one_tag_as_first_written():
    meta = {"title": "x", "date": "2019-04-20", "tags": ["Quy hoạch", "quy hoạch", "QUY HOẠCH"]}
    assert validate(source(meta), HANOI).tags == ("Quy hoạch",)


LEADS = [
    # The usual Vietnamese lead is bold; emphasis, inline HTML and a leading minus are text.
    ("**(HBT) - Sáng 20/4, hội nghị.**\n\nHai.", "(HBT) - Sáng 20/4, hội nghị."),
    ("*Nghiêng* mở đầu.\n\nHai.", "Nghiêng mở đầu."),
    ("<strong>Hà Nội</strong> - tin.\n\nHai.", "Hà Nội - tin."),
    ("-5 độ C ở Sa Pa.\n\nHai.", "-5 độ C ở Sa Pa."),
    ("Tài liệu _mật_, tệp file_name và __đậm__.", "Tài liệu mật, tệp file_name và đậm."),
    ("_Hai\ndòng_ nghiêng.", "Hai dòng nghiêng."),
    # Lists, headings, quotes, tables, images, rules and block HTML are not the lead.
    ("- một\n- hai\n\nSau.", "Sau."),
    ("* một\n\nSau.", "Sau."),
    ("+ một\n\nSau.", "Sau."),
    ("1. một\n\nSau.", "Sau."),
    ("# Mục\n\nSau.", "Sau."),
    ("Mục\n===\n\nSau.", "Sau."),
    ("Mục\n---\n\nSau.", "Sau."),
    ("> trích\n\nSau.", "Sau."),
    ("| a | b |\n|---|---|\n\nSau.", "Sau."),
    ("![ảnh](a.jpg)\n\nSau.", "Sau."),
    ('<img src="a.jpg">\n\nSau.', "Sau."),
    ("<div>hộp</div>\n\nSau.", "Sau."),
    ("<!-- ghi chú -->\n\nSau.", "Sau."),
    ("---\n\nSau.", "Sau."),
    # A body with no paragraph (an imported page's text set in <h1>) gets its heading.
    ("## Nghị định số 84 ##\n\n![ảnh](a.jpg)", "Nghị định số 84"),
    ("Nghị định số 84\n---", "Nghị định số 84"),
]


@pytest.mark.parametrize("body, summary", LEADS)
def test_the_automatic_summary_is_the_first_paragraph_of_text(body, summary):
    meta = {"title": "x", "date": "2019-04-20"}
    assert validate(source(meta, body), HANOI).summary == summary


def test_each_rule_of_an_articles_values_says_its_fix_in_the_files_order():
    found = messages(
        {
            "title": "Bài " + "dài " * 300,
            "date": "2026-03-05",
            "tags": ["cán bộ; quy hoạch", "y tế"],
            "slug": "Bai Viet",
            "source_url": "haibatrung.hanoi.gov.vn/tin/1",
            "language": "vi_VN",
            "withdrawn": "2026-03-01",
        }
    )
    assert found == [
        (
            2,
            "the title is 1,204 characters long; at most 1,000 are allowed",
            "shorten the title; put the rest in the article text or in 'summary:'",
        ),
        (
            4,
            "the tag 'cán bộ; quy hoạch' holds a ';': tags are parted by ',', so this is one tag",
            "write tags: [cán bộ, quy hoạch, y tế]",
        ),
        (
            5,
            "slug 'Bai Viet' may only hold a-z, 0-9 and single '-' between words",
            "use slug: bai-viet",
        ),
        (
            6,
            "source_url 'haibatrung.hanoi.gov.vn/tin/1' is not a web address: it must start "
            "with http:// or https://",
            "give the full address of the original page, e.g. "
            "source_url: https://haibatrung.hanoi.gov.vn/tin-tuc/bai-viet.html",
        ),
        (
            7,
            "language 'vi_VN' is not a language code",
            "write the code of the article's language, e.g. language: en "
            "(or fr, zh-Hans; a - between its parts, not _)",
        ),
        (
            8,
            "the article was withdrawn on 01/03/2026, before it was published (05/03/2026)",
            "write the day the archive took it down, day first (withdrawn: 05/03/2026) "
            "or year first (withdrawn: 2026-03-05)",
        ),
    ]


def test_a_slug_too_long_or_a_title_that_gives_none_is_named():
    assert messages({"title": "x", "date": "2026-03-05", "slug": "a" * 300}) == [
        (
            4,
            f"slug '{'a' * 40}...' has a part of 300 bytes ('{'a' * 20}...'); file systems "
            "allow at most 255 bytes between two '/'",
            "use a shorter slug",
        )
    ]
    assert messages({"title": "!!!", "date": "2026-03-05"}) == [
        (2, "the title gives an empty web address", "add a line such as: slug: bai-viet")
    ]


@pytest.mark.parametrize(
    "address", ["HTTPS://hbt.vn/tin-tuc/a.html", "Http://HBT.vn/a.html", "https://hbt.vn:8080/a"]
)
def test_a_source_url_is_taken_as_site_yaml_takes_an_address(address):
    # The scheme and host in capitals, as a browser takes them and as site.yaml's
    # original_site accepts them (config.web_address_problem: one rule for both).
    meta = {"title": "x", "date": "2026-03-05", "source_url": address}
    assert validate(source(meta), HANOI).source_url == address


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("hbt.vn/a.html", "is not a web address: it must start with http:// or https://"),
        ("https:///a.html", "has no host name after the //"),
        ("https://hbt.vn:80a/a.html", "has a port that is not a number"),
        ("https://[hbt.vn/a.html", "has a [ or ] in its host"),
    ],
)
def test_a_source_url_no_browser_could_open_says_why(address, said):
    meta = {"title": "x", "date": "2026-03-05", "source_url": address}
    [(line, message, hint)] = messages(meta)
    assert line == 4
    assert message.startswith(f"source_url '{address}' {said}")
    assert hint == (
        "give the full address of the original page, e.g. "
        "source_url: https://haibatrung.hanoi.gov.vn/tin-tuc/bai-viet.html"
    )
