"""Imported articles as a reader on a phone meets them: the real portal pages of
../shared/import-samples imported with the real command line, built, and read in
Chromium at phone size."""

import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, SHARED, SUBPROCESS_ENV
from serving import serve
from test_reader_pages import axe_problems
from webtools import vnu_check

SAMPLES = SHARED / "import-samples"
# B links a .doc and an .xls as "Phần 1", "Phần 2"; C links PDFs as "tại đây" and has a
# table with merged cells.
PAGES = ["B-sotttt-708168-attachments-doc-xls.html", "C-sotttt-3893255-table.html"]
PHONES = [{"width": 360, "height": 640}, {"width": 390, "height": 844}]
# A picture on the old site's server, which the tests do not reach: the browser is given
# one of its size instead.
PICTURE = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="680" height="426">'
    '<rect width="680" height="426" fill="#8b8378"/></svg>'
)


def import_and_build(site, pages: list[str]):
    if not all((SAMPLES / name).is_file() for name in pages):
        pytest.skip(f"no shared import samples beside this clone ({SAMPLES})")
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "import", *(SAMPLES / p for p in pages)],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert site.build() == 0
    return site


@pytest.fixture
def imported(site):
    return import_and_build(site, PAGES)


@pytest.mark.parametrize("viewport", PHONES, ids=["360", "390"])
def test_an_attachment_link_says_the_files_type(browser, imported, viewport):
    """'Phần 1' was a .doc and 'tại đây' a PDF with nothing to say so: a reader tapped
    and got a download, or a file the phone could not open."""
    articles = sorted(p.parent for p in imported.output.glob("20*/*/*/index.html"))
    assert len(articles) == len(PAGES)
    seen = {}
    with serve(imported.output) as address:
        page = browser.new_page(viewport=viewport)
        for folder in articles:
            page.goto(address + folder.relative_to(imported.output).as_posix() + "/")
            links = page.eval_on_selector_all(
                ".article-body a[href]",
                """links => links.map(a => [
                    new URL(a.href).pathname.split('.').pop().toLowerCase(),
                    getComputedStyle(a, '::after').content])""",
            )
            for extension, label in links:
                seen.setdefault(extension, set()).add(label)
            # Nor does anything, the table of merged cells included, widen the page.
            assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        page.close()
    assert seen.keys() >= {"pdf", "doc", "xls"}
    assert seen["pdf"] == {'"(PDF)"'}
    assert seen["doc"] == {'"(DOC)"'}
    assert seen["xls"] == {'"(XLS)"'}
    # A link to a page or an address says nothing more.
    files = {"pdf", "doc", "xls"}
    assert all(labels == {"none"} for ext, labels in seen.items() if ext not in files)


def test_an_article_whose_text_is_one_heading_is_listed_with_that_text(site):
    """Sample F sets its whole text, a paragraph of 54 words, in an <h1 style="font-size:
    12px"> ("Quyết định số 147/QĐ-BCĐTKLPCTN ... xem tại văn bản kèm theo"): its list
    entry showed a title and a date and nothing else, and its page had no description.
    It came in as a `##` heading, a big bold block on a phone where the portal showed
    small body text: a heading of more than 40 words is a paragraph."""
    import_and_build(site, ["F-sotttt-744225-h1-in-body.html"])
    [folder] = [p.parent for p in site.output.glob("20*/*/*/index.html")]
    page = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select(".article-body h1, .article-body h2, .article-body h3") == []
    heading = page.select_one(".article-body p").get_text(" ", strip=True)
    assert heading.startswith("Quyết định số 147")
    home = BeautifulSoup(site.read("index.html"), "html.parser")
    [entry] = home.select("main li:has(h2)")
    summary = entry.select("h2 + p ~ p")  # after the date line
    [shown] = [" ".join(p.get_text().split()) for p in summary]
    # The heading, cut at a word like any long first paragraph.
    assert shown.endswith("…") and heading.startswith(shown.removesuffix("…"))
    assert len(shown) > 150
    assert page.select_one('meta[name="description"]')["content"] == shown


@pytest.mark.parametrize("viewport", PHONES, ids=["360", "390"])
def test_a_captioned_picture_is_one_figure_with_its_caption_close_below(browser, site, viewport):
    """Sample G's picture has a caption ("Y bác sĩ nội soi cho bệnh nhân. Ảnh: *Bệnh
    viện cung cấp*") in a <figcaption>: it became a paragraph of its own, nothing tied
    it to its picture, and it stood as far from it as from the next paragraph."""
    import_and_build(site, ["G-vnexpress-4954454.html"])
    [written] = site.content.rglob("*.md")
    assert (
        '<figcaption markdown="span">Y bác sĩ nội soi cho bệnh nhân. Ảnh: '
        "*Bệnh viện cung cấp*</figcaption>\n</figure>"
    ) in written.read_text(encoding="utf-8")
    [path] = site.output.glob("20*/*/*/index.html")
    body = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(
        ".article-body"
    )
    [figure] = body.select("figure")
    assert figure.select_one("img")["src"].startswith("https://vcdn1-suckhoe.vnecdn.net/")
    assert figure.figcaption.em.get_text() == "Bệnh viện cung cấp"
    _, messages = vnu_check([path])
    assert [m["message"] for m in messages if m["type"] in ("error", "non-document-error")] == []
    with serve(site.output) as address:
        page = browser.new_page(viewport=viewport)
        page.route(
            "https://vcdn1-suckhoe.vnecdn.net/**",
            lambda route: route.fulfill(body=PICTURE, content_type="image/svg+xml"),
        )
        page.goto(address + path.parent.relative_to(site.output).as_posix() + "/")
        page.wait_for_load_state("networkidle")
        below_picture, after_caption = page.evaluate(
            """() => {
                const box = s => document.querySelector(s).getBoundingClientRect();
                const caption = box(".article-body figcaption");
                const next = box(".article-body figure + *");
                return [caption.top - box(".article-body figure img").bottom,
                        next.top - caption.bottom];
            }"""
        )
        assert below_picture >= 0 and 2 * below_picture < after_caption
        assert axe_problems(page) == []
        page.close()
