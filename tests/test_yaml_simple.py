"""The front matter read without PyYAML (yamltext._simple) is what PyYAML reads.

Most articles' front matter is simple lines, `title: "..."`, `tags: [a, b]`, and
parse_yaml reads those itself; anything else goes to PyYAML. Here, lines made of the
characters that mean something to YAML: whenever the fast path answers, PyYAML gives
the same values, of the same types, with the same lines, and no problem."""

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.yamltext import (
    FrontMatterLoader,
    _simple,
    as_front_matter,
    parse_yaml,
    parse_yaml_itself,
)

# What YAML treats apart (indicators, quotes, escapes, comment and mapping marks, the
# first characters of numbers, yes/no and null, other line ends, the BOM), text
# (Vietnamese, a non-breaking space) and no invisible character: parse_yaml refuses
# those before either path reads the text.
TRICKY = [*":#\"'[]{},-?&*!|>%@`\\0159.+~<=_", "\t", "\xa0", "\u2028", "\ufeff"]
TRICKY += ["  ", ": ", " #", "yes", "no", "null", "on", "~", "0x1", "1:30", "1_0", ".5"]
# Mostly text, so that many lines are simple and the fast path answers for them.
CHARS = list("ab đậ") * 15 + TRICKY
text = st.lists(st.sampled_from(CHARS), max_size=8).map("".join)
keys = st.sampled_from(["title", "date", "tags", "a", "x_y", "y", "n"] * 6 + TRICKY)
lines = st.one_of(
    st.builds("{}: {}".format, keys, text),
    st.builds('{}: "{}"'.format, keys, text),
    st.builds("{}: [{}]".format, keys, text),
    st.builds("{}: [{}, {}]".format, keys, text, text),
    text,
)
front_matters = st.lists(lines, min_size=1, max_size=3).map("\n".join)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matters)
def test_the_fast_path_reads_what_yaml_reads(front_matter):
    fast = _simple(front_matter, 2)
    if fast is None:
        return  # PyYAML's to read, as before
    values, lines = parse_yaml_itself(Path("bai.md"), front_matter, 2)
    assert (repr(values), lines) == (repr(fast[0]), fast[1])


def test_an_article_of_the_usual_lines_is_read_on_the_fast_path():
    front_matter = "\n".join(
        [
            'title: "Quận Hai Bà Trưng: 30 trường đạt chuẩn"',
            "date: 2019-03-05T13:06:00+07:00",
            "category: Giáo dục",
            "tags: [giáo dục, học sinh giỏi]",
            "author: Ban Biên tập",
        ]
    )
    fast = _simple(front_matter, 2)
    assert fast is not None
    assert fast == parse_yaml_itself(Path("bai.md"), front_matter, 2)
    assert parse_yaml(Path("bai.md"), front_matter, 2) == fast


def test_what_yaml_reads_otherwise_is_left_to_it():
    for front_matter in [
        "draft: no",  # yes/no
        "title: 2019",  # a number
        "title: a\ntitle: b",  # a key given twice: YAML's message
        "title: Hội nghị: tổng kết",  # broken YAML
        "title: a #b",  # a comment
        "title: &x a",  # an anchor
        "tags: [a, , b]",
        'title: "a\\u000bb"',  # an escape
        "title:\ttab",
        "title: a\n  b",  # a value on two lines
    ]:
        assert _simple(front_matter, 2) is None, front_matter


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=text)
def test_a_name_as_front_matter_reads_back_as_itself(value):
    """What a message tells an editor to write (`category: X`, `tags: [X]`), `new` writes
    and the import writes: YAML reads it back as the same text, in a line and in a list
    (`yes`, `2024`, `a: b` or a comma in a list would be another value)."""
    if not value.strip() or value != value.strip() or set(value) & set("\u2028\u2029"):
        # No name is empty or has spaces around it (front matter strips them); YAML
        # takes U+2028 and U+2029 for line ends and folds the spaces beside them, quoted
        # or not, so no line holds such a name as it was typed.
        return
    line = yaml.load(f"k: {as_front_matter(value)}", Loader=FrontMatterLoader)
    listed = yaml.load(f"k: [{as_front_matter(value, listed=True)}]", Loader=FrontMatterLoader)
    assert line == {"k": value} and listed == {"k": [value]}
