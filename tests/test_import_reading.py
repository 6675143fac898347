"""Imported articles as a reader on a phone meets them: the real portal pages of
../shared/import-samples imported with the real command line, built, and read in
Chromium at phone size."""

import subprocess
import sys

import pytest
from conftest import REPO, SHARED, SUBPROCESS_ENV
from serving import serve

SAMPLES = SHARED / "import-samples"
# B links a .doc and an .xls as "Phần 1", "Phần 2"; C links PDFs as "tại đây" and has a
# table with merged cells.
PAGES = ["B-sotttt-708168-attachments-doc-xls.html", "C-sotttt-3893255-table.html"]
PHONES = [{"width": 360, "height": 640}, {"width": 390, "height": 844}]


@pytest.fixture
def imported(site):
    if not all((SAMPLES / name).is_file() for name in PAGES):
        pytest.skip(f"no shared import samples beside this clone ({SAMPLES})")
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "import", *(SAMPLES / p for p in PAGES)],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert site.build() == 0
    return site


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
