"""The seed article opens in a real browser, served under a GitHub Pages sub-path."""

from serving import serve
from test_seed_article import SEED_URL


def test_seed_article_in_chromium_under_a_sub_path(seed_site, browser):
    assert seed_site.build("--base-url", "https://user.github.io/repo/") == 0
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    with serve(seed_site.output, "repo") as address:
        response = page.goto(address)
        assert response and response.ok
        page.click(".article-list a")
        # The click returns once the new page is committed, maybe before its style
        # sheet is applied (seen on a loaded machine): wait for it to load.
        page.wait_for_load_state("load")
        assert page.url == address + SEED_URL
        assert page.locator("h1").inner_text().startswith("Quận Hai Bà Trưng quán triệt")
        assert page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") != "none"
        # Closed while the server still answers: a request the page had in flight (seen on
        # a loaded machine) was cut by the server stopping, and logged as an error.
        page.close()
    assert errors == []
