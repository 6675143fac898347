"""Search works on the phones Vietnamese readers still carry: every script the site ships
(static/js, the index, a template's own <script>) is read by tests/js/old-browsers.js
(acorn) against the oldest browsers supported, Chrome 80 and Safari 14 (README,
"Browsers"). One construct they lack and the whole script is refused: on an iPhone
below iOS 16.4 a lookbehind in the engine left "the index could not be loaded, reload
the page" under every query, for good."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import WORDS
from webtools import INSTALL, _missing

from newsarchive.urls import archive_url, categories_url, search_bundle_url, tags_url

CHECKER = Path(__file__).resolve().parent / "js" / "old-browsers.js"


def old_browser_findings(scripts: list[dict]) -> list[dict]:
    """What Chrome 80 or Safari 14 could not run in `scripts` ({name, line, source})."""
    node = shutil.which("node")
    if not node:
        _missing("node not found (apt-get install npm)")
    result = subprocess.run(
        [node, str(CHECKER)],
        input=json.dumps(scripts),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode == 3:
        _missing(f"acorn not found in tests/js/node_modules: run `{INSTALL}`")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def shipped_scripts(output: Path) -> list[dict]:
    """Every script file of a built site, and every script written into its pages (each
    different one once)."""
    scripts = [
        {"name": path.relative_to(output).as_posix(), "line": 1, "source": path.read_text()}
        for path in sorted(output.rglob("*.js"))
    ]
    seen = set()
    for page in sorted(output.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all("script", src=False):
            if tag.get("type", "text/javascript") not in ("text/javascript", "module"):
                continue
            if tag.string and tag.string not in seen:
                seen.add(tag.string)
                name = page.relative_to(output).as_posix()
                scripts.append({"name": name, "line": tag.sourceline, "source": tag.string})
    return scripts


def test_every_script_the_site_ships_runs_on_the_oldest_supported_phones(showcase):
    scripts = shipped_scripts(showcase.output)
    names = {script["name"] for script in scripts}
    assert {"js/search-engine.js", "js/search.js", "404.html"} <= names
    findings = old_browser_findings(scripts)
    assert not findings, "\n".join(
        f"{f['name']}:{f['line']}:{f['column']}: {f['what']}"
        + (f" (only from {f['since']})" if f["since"] else "")
        + (f"; instead: {f['fix']}" if f["fix"] else "")
        for f in findings
    )


@pytest.mark.parametrize(
    "source, what",
    [
        ("let a = 0; a ||= 1;", "syntax newer than ES2020"),
        ("class A { b = 1 }", "syntax newer than ES2020"),
        ("const r = /(?<![a-z])x/u;", "lookbehind"),
        ('const r = new RegExp("(?<=a)b");', "lookbehind"),
        ("const r = new RegExp(`(?<!${'a'})b`);", "lookbehind"),
        ("[1, 2].at(-1);", ".at()"),
        ("Object.hasOwn({}, 'a');", ".hasOwn()"),
        ("'a'.replaceAll('a', 'b');", ".replaceAll()"),
        ("document.body.replaceChildren();", ".replaceChildren()"),
        ("structuredClone({});", "structuredClone"),
    ],
)
def test_the_check_finds_what_old_phones_lack(source, what):
    findings = old_browser_findings([{"name": "x.js", "line": 10, "source": source}])
    assert [f["what"][: len(what)] for f in findings] == [what], findings
    assert findings[0]["line"] == 10


@pytest.mark.parametrize(
    "source",
    [
        "const a = b?.c ?? 1;",  # Chrome 80, Safari 13.1
        "const r = /(?<name>[\\p{L}\\p{N}]+)/u;",  # a named group, not a lookbehind
        "const reader = { at: 0 }; reader.at += 1;",  # a property of one's own
        "const at = (m) => m; at(1);",
    ],
)
def test_the_check_lets_what_old_phones_run(source):
    assert old_browser_findings([{"name": "x.js", "line": 1, "source": source}]) == []


SETTLED = "document.querySelector('.search-status').textContent.includes('“')"
QUERY = "tim-kiem/?q=ph%C6%B0%E1%BB%9Dng"  # phường


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    yield page
    context.close()


def test_the_search_index_is_asked_for_while_the_scripts_load(showcase_address, page):
    """On a slow link (2 s a round trip) the engine asked for the index only once it had
    run: one round trip more before the first result (24.4 s, now 22.3 s, on the 1,000
    articles of bench/generate.py). The page asks for it itself, as it does the scripts."""
    page.goto(showcase_address + QUERY)
    page.wait_for_function(SETTLED)
    manifest = f"{showcase_address}{search_bundle_url()}index.js"
    fetched = page.evaluate("url => performance.getEntriesByName(url)", manifest)
    assert [entry["initiatorType"] for entry in fetched] == ["link"]
    assert page.locator(".search-result").count() > 0
    assert page.locator(".search-old-browser").is_hidden()


@pytest.mark.parametrize("script", ["search-engine.js", "search.js"])
def test_a_browser_too_old_for_the_search_says_so_and_what_works_without_it(
    showcase_address, page, script
):
    """What Safari before 16.4 did with a lookbehind, and iOS 12 with `?.`: a script it
    cannot read is not run at all. The page said "the index could not be loaded, reload
    the page" under every query (which reloading never mends), or nothing at all."""
    broken = "const found = words ||= (;"
    page.route(f"**/js/{script}", lambda route: route.fulfill(body=broken))
    page.goto(showcase_address + QUERY)
    page.wait_for_load_state("load")
    told = page.locator(".search-old-browser")
    assert told.is_visible()
    assert " ".join(told.inner_text().split()).startswith(WORDS["search_old_browser"])
    links = told.locator("a")
    hrefs = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
    assert hrefs == [showcase_address + u for u in (archive_url(), categories_url(), tags_url())]
    assert page.locator(".search-page-form").is_hidden()
    assert page.locator("#search").is_hidden()
    assert page.locator("#search-hint").is_hidden()


def test_the_hint_for_the_index_is_no_broken_link_on_a_site_without_articles(site):
    """A site without articles has no index: the search page's preload of it is a hint,
    which build and check do not call a link to a missing file."""
    from test_check import run_check

    built = run_check(site, "--strict", command="build")
    assert built.returncode == 0 and "index.js" not in built.stderr, built.stderr
    page = site.read("tim-kiem/index.html")
    assert '<link rel="preload" href="chi-muc/index.js" as="script">' in page
    checked = run_check(site)
    assert checked.returncode == 0 and "index.js" not in checked.stderr, checked.stderr
