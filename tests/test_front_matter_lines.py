"""frontmatter.front_matter_lines reads an article line by line up to its front matter's
closing line: the same lines and body as splitting the whole text into lines."""

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.frontmatter import front_matter_lines

# Lines that open or close a front matter (with spaces, Unicode ones, \x85 that strip()
# takes as space), that look like it, and text.
PIECES = ["---", "...", " --- ", "\u3000---", "---\x85", "--", "----", ". ..", "a: b", "", "đ"]


def by_splitting(text: str) -> tuple[list[str], str | None]:
    """What split_front_matter did before: split everything, then look for the end."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return lines[:1], None
    end = next((n for n in range(1, len(lines)) if lines[n].strip() in ("---", "...")), None)
    if end is None:
        return lines, None
    return lines[: end + 1], "\n".join(lines[end + 1 :])


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "\n", "\n", "\n"]), max_size=12).map("".join))
def test_the_same_lines_and_body_as_splitting_the_whole_text(text):
    assert front_matter_lines(text) == by_splitting(text)
