"""Every generated page, and the stylesheet, passes the W3C Nu HTML checker."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from webtools import vnu_check

# A page with two mistakes, checked in the same run: proves the checker reports errors.
PLANTED = (
    '<!DOCTYPE html><html lang="vi"><head><title>Sai</title></head>'
    '<body><ul><p>Đoạn văn trong danh sách</p></ul><p id="x"></p><p id="x"></p></body></html>\n'
)


def _file(message: dict) -> Path:
    return Path(unquote(urlsplit(message.get("url", "")).path))


def test_every_page_and_the_stylesheet_are_valid(showcase, tmp_path):
    site = showcase.output.resolve()
    planted = tmp_path / "planted.html"
    planted.write_text(PLANTED, encoding="utf-8")
    expected = sorted(site.rglob("*.html")) + sorted(site.rglob("*.css"))
    assert len(expected) > 25

    checked, messages = vnu_check([site, planted])

    assert {Path(p).resolve() for p in checked} >= {*expected, planted.resolve()}
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert len([m for m in errors if _file(m) == planted.resolve()]) >= 2
    found = [
        f"{_file(m).relative_to(site)}:{m.get('lastLine')}: {m['message']}"
        for m in errors
        if _file(m) != planted.resolve()
    ]
    assert found == []


def test_an_alias_page_that_looks_an_old_query_up_is_valid(site):
    """An alias page whose path the archive lists with a query too keeps its refresh in a
    <noscript> of the head (which may hold only link, style and meta) and has a script:
    both pages of alias, that one and a plain one, pass the checker."""
    from test_old_addresses import alias_beside_a_query

    alias_beside_a_query(site, "--no-search")
    pages = [site.output / "chien-luoc/index.html", site.output / "tin-cu/index.html"]
    assert "<noscript><meta http-equiv=" in pages[0].read_text(encoding="utf-8")

    checked, messages = vnu_check(pages)

    assert {Path(p).resolve() for p in checked} == {p.resolve() for p in pages}
    assert [m for m in messages if m["type"] in ("error", "non-document-error")] == []
