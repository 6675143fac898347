"""Reading skips the search for invisible characters in a file whose bytes show it has
none (yamltext.free_of_invisible): that must never let one by."""

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.yamltext import INVISIBLE, free_of_invisible, normalise_text

# Every kind of character INVISIBLE names (C0, DEL, C1, U+FFFE, U+FFFF), its neighbours,
# what normalise_text changes (a BOM, CR, letters NFD), text and other lead bytes.
CHARS = [chr(c) for c in (*range(0x21), 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xBF, 0xC0)]
CHARS += ["\ufeff", "\ufffd", "\ufffe", "\uffff", "\uf000", "\U0001f600", "\u2028"]
CHARS += ["a", "đ", "ậ", "a\u0323\u0302", "\r\n", "\r"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(CHARS), max_size=12).map("".join))
def test_a_file_said_free_of_invisible_characters_holds_none(text):
    data = text.encode("utf-8")
    if free_of_invisible(data):
        assert INVISIBLE.search(normalise_text(data)) is None


def test_a_file_of_text_is_free_of_invisible_characters():
    assert free_of_invisible("---\ntitle: Đường Láng\r\n---\nNội dung.\n".encode())
