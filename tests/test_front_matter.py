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
        (3, "bad date: '2019-13-01' is not a real date (month must be in 1..12)"),
        (5, "'draft' must be true or false, not 'yes'"),
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
        "title, date, category, tags, summary, author, language, slug, source_url, aliases, "
        "draft; a value of your own for the templates goes under params: (params: then, "
        "indented below it, zzzz: ...; article.params.zzzz in a template)"
    )


def test_params_is_never_offered_for_a_misspelt_key():
    """A typo of a real key is far likelier than a typo of params."""
    assert messages({"title": "x", "date": "2019-01-01", "param": 1})[0][2] != (
        "did you mean 'params'?"
    )


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
