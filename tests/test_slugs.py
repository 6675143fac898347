"""Slugs: the fast path gives python-slugify's slug (with our cut) for every text.

slugs.slugify skips python-slugify's per-character Python loop for ASCII, Vietnamese
and typographic punctuation; slugs.slow_slugify always goes through python-slugify.
Any difference would move an article's address or a heading's anchor.
"""

import re
import sys
import unicodedata

from bs4 import BeautifulSoup
from conftest import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive import slugs
from newsarchive.slugs import heading_id, slow_slugify, slugify

# Every Vietnamese letter, precomposed: 12 vowels x 6 tones, both cases, and đ.
VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VIETNAMESE = [unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONES]
VIETNAMESE += ["đ"] + [letter.upper() for letter in [*VIETNAMESE, "đ"]]
# Quotation marks, dashes, ellipsis, guillemets, bullets, no-break and zero-width space.
TYPOGRAPHIC = list("\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00ab\u00bb\u2022\u00b7\u00a0\u200b")
# Other scripts, emoji, letters and signs left to python-slugify (ø, ß, ©), entities,
# lone combining marks, and what NFKD turns into other characters (ﬁ, ½, fullwidth ' &).
ELSEWHERE = ["中", "文", "😀", "\u0301", "\u031b", "ø", "ß", "©", "½", "ﬁ", "\uff07", "\uff06"]
ELSEWHERE += ["&amp;", "&#123;", "&#x41;", "&quot;", "&#39;", "&nbsp;", "&"]
# A file name the importer read with surrogateescape.
ELSEWHERE += ["\udcc3"]
ASCII = [chr(c) for c in range(32, 127)] + ["\t", "\n"]
PIECES = VIETNAMESE + TYPOGRAPHIC + ELSEWHERE + ASCII + [" ", " ", "1,5", "''"]


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.integers(1, 90))
def test_fast_slugs_equal_python_slugifys(text, max_length):
    assert slugify(text, max_length) == slow_slugify(text, max_length)


def test_every_character_of_the_fast_blocks_alone_and_between_words():
    # Each character in the places where python-slugify's steps could tell it apart:
    # alone, inside a word, between digits and a comma, beside quotes, doubled.
    chars = [chr(c) for block in slugs._FAST_BLOCKS for c in block] + VIETNAMESE
    for char in chars:
        for text in (char, f"Ab{char}cD", f"1{char},5", f"7,{char}8", f"x'{char}'y", char * 2):
            assert slugify(text) == slow_slugify(text), (hex(ord(char)), text)


def test_vietnamese_and_typographic_texts_do_not_reach_python_slugify(monkeypatch):
    # A spy on python-slugify, which stays the reference: a fast path that quietly
    # sent everything to it would still pass the tests above.
    given_to_it: list[str] = []

    def spy(text: str, **options: object) -> str:
        given_to_it.append(text)
        return real(text, **options)

    real = slugs._slugify
    monkeypatch.setattr(slugs, "_slugify", spy)
    titles = [
        "Quận Hai Bà Trưng có 30 trường đạt chuẩn quốc gia năm học 2019",
        "“Đảng bộ” phường Bạch Đằng \u2013 kỳ họp thứ 3… 1,5 tỷ đồng",
        "ĐỒNG CHÍ ĐINH THỊ HƯỜNG: “ỦY BAN” NĂM 2024\u2019S",
        " ".join(VIETNAMESE + TYPOGRAPHIC),
    ]
    slugs_of = [slugify(title) for title in titles]
    assert given_to_it == []
    assert slugs_of[1] == "dang-bo-phuong-bach-dang-ky-hop-thu-3-15-ty-dong"
    assert [slugify(text) for text in ("Hà Nội 中文", "A &amp; B")] == ["ha-noi-zhong-wen", "a-b"]
    assert given_to_it == ["Hà Nội 中文", "A &amp; B"]


def _generated(count: int) -> list[str]:
    """The texts a build gives slugify for the first ``count`` of bench/generate.py's
    articles: titles and section headings."""
    sys.path.insert(0, str(REPO / "bench"))
    import generate

    texts: list[str] = []
    taken: set[str] = set()
    for index in range(count):
        _, front, body = generate.make_article(index, 0, taken).text.split("---\n", 2)
        [title] = [line for line in front.splitlines() if line.startswith("title: ")]
        texts.append(title.removeprefix("title: ").strip('"'))
        texts += [line.lstrip("#").strip() for line in body.splitlines() if line.startswith("#")]
    return texts


def test_generated_titles_and_headings_get_python_slugifys_slugs():
    texts = _generated(2000)
    assert len(texts) > 6000
    assert [slugify(text) for text in texts] == [slow_slugify(text) for text in texts]


def test_a_built_archive_has_python_slugifys_addresses_and_heading_ids(site):
    sys.path.insert(0, str(REPO / "bench"))
    import generate

    generate.generate(60, site.content)
    assert site.build("--no-search", "--quiet") == 0
    titles, ids = [], []
    for page in site.output.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"):
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        titles.append((page.parent.name, html.select_one("h1").get_text(strip=True)))
        for heading in html.select(".article-body h2, .article-body h3"):
            # Python-Markdown's toc adds _1, _2 to a second heading of the same text.
            ids.append((re.sub(r"_\d+$", "", heading["id"]), heading.get_text()))
    assert len(titles) == 60
    assert ids
    assert all(address == slow_slugify(title) for address, title in titles)
    assert all(anchor == (slow_slugify(text) or "muc") for anchor, text in ids)
    assert all(heading_id(text) == anchor for anchor, text in ids)
