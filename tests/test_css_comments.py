"""Style sheets are published without their comments (half of site.css's bytes, sent
render-blocking to every reader's phone), line for line, and look the same."""

import pytest
from conftest import REPO, article
from showcase import RICH_URL

# Comments in each form, and what looks like one but is not (in a string, in an
# unquoted url), a licence to keep, and comments whose removal would join two tokens.
TRICKY = """/*! Licence: MIT, (c) someone */
/* a comment
   over three lines */
.a { color: red; } /* after a rule */
.b/* between */.c { color: blue; }
.d/*
*/.e { color: green; }
.f::before { content: "/* not a comment */"; }
.g::after { content: 'it\\'s /* still a string */'; }
.h { background: url(data:image/svg+xml,%3Csvg*/%3E); }
.i { background: URL( img/a*/b.png ); }
.j { margin: 1px/**/2px; }
.k { color: rgb(0/**/0 0); }
.l { width: calc(1px + /* inside */ 2px); }
@media/**/screen { .m { top: 0; } }
.n { content: "\\"/*"; }
.o { --x: a/**/b; }
/**/"""


def lines(data: bytes) -> int:
    return data.count(b"\n")


def rules(page, css: str) -> list[str]:
    """The rules a browser reads from ``css``, as it writes them back."""
    return page.evaluate(
        "css => { const s = new CSSStyleSheet(); s.replaceSync(css);"
        " return [...s.cssRules].map(r => r.cssText); }",
        css,
    )


@pytest.fixture
def tricky(site):
    (site.root / "static/css/tricky.css").write_text(TRICKY, encoding="utf-8")
    site.add("a.md", article("Tin", "2020-01-01"))
    assert site.build("--quiet") == 0
    return (site.output / "css/tricky.css").read_bytes()


def test_a_style_sheet_is_published_without_its_comments(tricky):
    published = tricky.decode("utf-8")
    assert lines(tricky) == lines(TRICKY.encode())
    assert published.startswith("/*! Licence: MIT, (c) someone */\n")
    kept = ['"/* not a comment */"', "'it\\'s /* still a string */'", '"\\"/*"']
    kept += ["url(data:image/svg+xml,%3Csvg*/%3E)", "URL( img/a*/b.png )"]
    for part in kept:
        assert part in published
        published = published.replace(part, "")
    assert "comment" not in published and "between" not in published
    assert "inside" not in published and "after a rule" not in published
    # What is left of the comments: the licence, and /**/ where tokens would join.
    assert published.count("/*") == 1 + published.count("/**/") + published.count("/*\n*/")
    assert len(tricky) < len(TRICKY.encode())


def test_a_style_sheet_without_comments_reads_the_same(site, tricky, browser):
    page = browser.new_page()
    old = rules(page, TRICKY)
    assert len(old) == 13
    assert rules(page, tricky.decode("utf-8")) == old
    theme = rules(page, (REPO / "static/css/site.css").read_text(encoding="utf-8"))
    assert len(theme) > 100
    assert rules(page, site.read("css/site.css")) == theme
    page.close()


def test_every_other_static_file_is_published_byte_for_byte(site):
    js = sorted((site.root / "static").rglob("*.js"))
    (site.root / "static/notes.txt").write_text("/* not css */\n", encoding="utf-8")
    site.add("a.md", article("Tin", "2020-01-01"))
    assert site.build("--quiet") == 0
    assert (site.output / "notes.txt").read_text(encoding="utf-8") == "/* not css */\n"
    assert js
    for path in js:
        rel = path.relative_to(site.root / "static")
        assert (site.output / rel).read_bytes() == path.read_bytes()


def test_a_comment_never_closed_is_published_as_it_is_with_a_warning(site, capsys):
    css = ".a { color: red; }\n\n/* forgot to close\n.b { color: blue; }\n"
    (site.root / "static/css/open.css").write_text(css, encoding="utf-8")
    site.add("a.md", article("Tin", "2020-01-01"))
    assert site.build() == 0
    err = capsys.readouterr().err
    said = [line for line in err.splitlines() if "open.css" in line]
    assert len(said) == 1 and said[0].split(": warning: ")[0].endswith("static/css/open.css:3")
    assert (site.output / "css/open.css").read_text(encoding="utf-8") == css
    assert site.build("--strict") == 1


def test_an_edited_style_sheet_is_published_again(site):
    sheet = site.root / "static/css/edited.css"
    sheet.write_text("/* one */\n.a { top: 0; }\n", encoding="utf-8")
    site.add("a.md", article("Tin", "2020-01-01"))
    assert site.build("--quiet") == 0
    sheet.write_text("/* two */\n.a { top: 1px; }\n", encoding="utf-8")
    assert site.build("--quiet") == 0
    assert (site.output / "css/edited.css").read_text(encoding="utf-8") == "\n.a { top: 1px; }\n"


def fulfil(css: bytes):
    return lambda route: route.fulfill(body=css, content_type="text/css")


# Every element's computed style, its properties sorted: Chromium lists custom
# properties in an order of its own, not the same from one load to the next.
STYLES = """() => [...document.querySelectorAll('*')].map(e => {
  const s = getComputedStyle(e); return [...s].map(p => p + ':' + s.getPropertyValue(p)).sort();
})"""


@pytest.mark.parametrize("url", ["", RICH_URL])
@pytest.mark.parametrize("width, scheme", [(360, "light"), (1280, "dark")])
def test_the_theme_looks_the_same_without_its_comments(
    browser, showcase, showcase_address, url, width, scheme
):
    source = (REPO / "static/css/site.css").read_bytes()
    published = (showcase.output / "css/site.css").read_bytes()
    assert lines(published) == lines(source) and len(published) < len(source) * 0.8
    seen = []
    for css in (source, published):
        context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
        context.route("**/site.css", fulfil(css))
        page = context.new_page()
        page.goto(showcase_address + url)
        seen.append(page.evaluate(STYLES))
        context.close()
    assert len(seen[0]) == len(seen[1])
    differ = [i for i, (old, new) in enumerate(zip(*seen, strict=True)) if old != new]
    assert not differ, f"elements styled otherwise (in document order): {differ[:10]}"
