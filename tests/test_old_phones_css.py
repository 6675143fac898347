"""The style sheet works on the phones the scripts are written for, Chrome 80 and Safari 14
(README, "Browsers"). A browser drops each rule whose selector or property it does not
know: with `padding-inline` (Chrome 87, Safari 14.1) the text of every page stood flush
against the screen's edges; with `:is()` (Chrome 88) paragraphs ran together and a pasted
video made the page scroll sideways; with `inset` (Chrome 87, Safari 14.1) the link of a
tag's chip covered its name only; with `:not(a, b)` (Chrome 88) a table's text cells lost
their width. The physical properties say the same on this LTR site."""

import re

import pytest
from webtools import large_text

# What Chrome 80 or Safari 14 drops, and what to write instead.
TOO_NEW = [
    (r"\bpadding-inline", "padding-inline (Chrome 87, Safari 14.1)", "padding-left/right"),
    (r"\bmargin-inline", "margin-inline (Chrome 87, Safari 14.1)", "margin-left/right"),
    (r"\bpadding-block", "padding-block (Chrome 87, Safari 14.1)", "padding-top/bottom"),
    (r"\bmargin-block", "margin-block (Chrome 87, Safari 14.1)", "margin-top/bottom"),
    (r"(?<![\w(-])inset\s*:", "inset: (Chrome 87, Safari 14.1)", "top/right/bottom/left"),
    (r":is\(", ":is() (Chrome 88)", "a list of selectors of the same specificity"),
]
COMMENT = re.compile(r"/\*.*?\*/", re.S)
# A :not() of a selector list (Chrome 88, Safari 9), its argument maybe over several lines.
NOT_LIST = (":not(a, b) (Chrome 88)", ":not(a):not(b), minding its higher specificity")
QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")


def not_lists(css: str) -> list[tuple[int, str, str]]:
    """(line, what, instead) for each :not( whose argument is a list (a comma outside
    brackets and quotes)."""
    css = QUOTED.sub(lambda m: re.sub(r"[^\n]", "x", m.group()), css)
    found = []
    for start in re.finditer(r":not\(", css):
        depth = 0
        for char in css[start.end() :]:
            if char in "([":
                depth += 1
            elif char in ")]":
                depth -= 1
                if depth < 0:
                    break
            elif char == "," and depth == 0:
                found.append((css.count("\n", 0, start.start()) + 1, *NOT_LIST))
                break
    return found


def too_new(css: str) -> list[tuple[int, str, str]]:
    """(line, what, instead) for each construct of `css` older phones drop."""
    css = COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), css)
    return sorted(
        [
            (number, what, instead)
            for number, line in enumerate(css.splitlines(), 1)
            for pattern, what, instead in TOO_NEW
            if re.search(pattern, line)
        ]
        + not_lists(css)
    )


def test_the_style_sheet_has_nothing_the_oldest_supported_phones_drop(showcase):
    sheets = sorted(showcase.output.rglob("*.css"))
    assert sheets
    findings = [
        f"{sheet.relative_to(showcase.output)}:{line}: {what}; instead: {instead}"
        for sheet in sheets
        for line, what, instead in too_new(sheet.read_text(encoding="utf-8"))
    ]
    assert not findings, "\n".join(findings)


@pytest.mark.parametrize(
    "css, line, what",
    [
        ("a {\n  padding-inline: 1rem;\n}", 2, "padding-inline"),
        ("a {\n  margin-inline-start: 1em;\n}", 2, "margin-inline"),
        ("a {\n  padding-block: 1em 0;\n}", 2, "padding-block"),
        ("a {\n  margin-block: 0;\n}", 2, "margin-block"),
        ("a {\n  position: absolute;\n  inset: 0;\n}", 3, "inset:"),
        ("b,\n:is(.x, .y) a {\n  color: red;\n}", 2, ":is()"),
        ('td:not([style*="right"], [align="right"]) {\n  min-width: 6em;\n}', 1, ":not(a,"),
        ("a,\nb:not(\n  .x,\n  .y\n) {\n  color: red;\n}", 2, ":not(a,"),
        ("a:not(:nth-child(2n + 1 of .x), .y) {\n  color: red;\n}", 1, ":not(a,"),
    ],
)
def test_the_check_finds_what_old_phones_drop(css, line, what):
    assert [(number, found.split()[0]) for number, found, _ in too_new(css)] == [(line, what)]


def test_the_check_lets_what_old_phones_keep():
    css = (
        "/* not :is(a) nor padding-inline */\n"
        ".hidden {\n  clip-path: inset(50%);\n  padding-left: 1rem;\n}\n"
        ".x:not(.y) {\n  top: 0;\n}\n"
        '.x:not([title="a, b"]):not(\n  :nth-child(2)\n) {\n  top: 0;\n}\n'
        "/* :not(a, b) */\n"
        "@supports not (inset: 0) {\n  .x {\n    gap: 0;\n  }\n}\n"
    )
    assert too_new(css) == []


# What a browser without flex gap (Chrome 80-83, iOS 14.0-14.4) is given instead, under
# @supports not (inset: 0): made to apply in this Chromium, whose gap the block sets to 0.
FALLBACK = "@supports not (inset: 0)"
# The header's boxes where they are on the screen (from its top down).
HEADER = """() => [...document.querySelectorAll(
    '.masthead, .masthead > *, .search-box > *, .site-nav, .site-nav li')]
  .map(e => { const r = e.getBoundingClientRect();
    const seen = [Math.max(r.left, 0), Math.max(r.top, 0), r.right, r.bottom];
    return [e.className || e.tagName, ...seen].join(' '); })"""


def header_boxes(browser, address: str, width: int, large: int, css: bytes | None) -> list:
    context = browser.new_context(viewport={"width": width, "height": 640})
    if css is not None:
        context.route("**/site.css", lambda route: route.fulfill(body=css, content_type="text/css"))
    page = context.new_page()
    if large:
        large_text(page)
    page.goto(address)
    boxes = page.evaluate(HEADER)
    context.close()
    return boxes


@pytest.mark.parametrize(
    "width, large",
    [(320, 0), (360, 0), (412, 0), (768, 0), (1280, 0), (320, 1), (412, 1)],
)
def test_without_flex_gap_the_header_is_laid_out_as_with_it(
    browser, showcase, showcase_address, width, large
):
    """Where the site's name and the search box wrap onto two rows (a phone), a browser
    without flex gap set them one against the other: the fallback's margins kept them
    apart across, not down; the name's margin made it narrower on its own row, and the
    menu's, wider than its gap, put its fourth item on a second row at 360 px. The
    header is now where the gap puts it, box for box (as seen: the band may reach past
    the screen's top and left edge)."""
    css = (showcase.output / "css" / "site.css").read_text(encoding="utf-8")
    assert FALLBACK in css
    forced = css.replace(FALLBACK, "@supports (inset: 0)").encode()
    native = header_boxes(browser, showcase_address, width, large, None)
    assert header_boxes(browser, showcase_address, width, large, forced) == native
