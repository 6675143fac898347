"""Adding a newer article never changes an older numbered page (compared byte for
byte), and rewrites only the few files that show the new article."""

import re
from datetime import datetime

from conftest import tree
from corpus import CATEGORIES, CORPUS, TAGS, TZ, Entry

from newsarchive.urls import search_bundle_url

PER_PAGE = 4

NEW = [
    Entry(
        "moi-1", "Tin mới thứ nhất", datetime(2020, 9, 25, 9, 0, tzinfo=TZ), "Kinh tế", ("y tế",)
    ),
    Entry("moi-2", "Tin mới thứ hai", datetime(2020, 10, 2, 9, 0, tzinfo=TZ), "Đô thị"),
    Entry(
        "moi-3",
        "Tin mới thứ ba",
        datetime(2021, 1, 3, 9, 0, tzinfo=TZ),
        "Kinh tế",
        ("y tế", "cán bộ"),
        ("/tin-tuc-su-kien/moi-3.html",),
    ),
    Entry("moi-4", "Tin mới thứ tư", datetime(2021, 1, 9, 9, 0, tzinfo=TZ)),
    Entry("moi-5", "Tin mới thứ năm", datetime(2021, 1, 15, 9, 0, tzinfo=TZ), "Kinh tế", ("y tế",)),
    # Fills a page of "Kinh tế" (8 + 4 = 12 articles): since issue 17 the home page has no
    # numbered pages and a tag's pages are larger, which the others filled.
    Entry("moi-6", "Tin mới thứ sáu", datetime(2021, 2, 1, 9, 0, tzinfo=TZ), "Kinh tế"),
]
NUMBERED = re.compile(r"^(?P<list>(?:.*/)?)trang/(?P<n>\d+)/index\.html$")


def full_pages(files: dict[str, bytes]) -> dict[str, bytes]:
    """Numbered pages holding a full page of articles."""
    return {
        path: data
        for path, data in files.items()
        if NUMBERED.match(path) and data.count(b'<li><h2><a href="') == PER_PAGE
    }


def lists_of(entry: Entry) -> set[str]:
    urls = {""}
    if entry.category:
        urls.add(f"chuyen-muc/{CATEGORIES[entry.category]}/")
    urls |= {f"the/{TAGS[t]}/" for t in entry.tags}
    return urls


def allowed_changes(entry: Entry, previous: Entry, before: dict[str, bytes]) -> set[str]:
    """The files a new newest article may rewrite, derived from what shows it."""
    allowed = {
        entry.url + "index.html",
        previous.url + "index.html",  # its "next article" link
        "index.html",
        "luu-tru/index.html",
        "chuyen-muc/index.html",
        "the/index.html",
        "feed.xml",
        "sitemap.xml",  # the index
        f"sitemap-{entry.published:%Y}.xml",
        # a new year: its year page joins the undated part
        *(["sitemap-khac.xml"] if f"{entry.published:%Y}/index.html" not in before else []),
        f"{entry.published:%Y}/index.html",
        f"{entry.published:%Y/%m}/index.html",
        # a new month or year: the one before gains a "next" link
        f"{previous.published:%Y}/index.html",
        f"{previous.published:%Y/%m}/index.html",
    }
    allowed |= {
        alias.strip("/") + ("/index.html" if alias.endswith("/") else "") for alias in entry.aliases
    }
    for list_url in lists_of(entry):
        allowed |= {list_url + "index.html", list_url + "feed.xml"}
        numbers = [
            int(m["n"]) for p in before if (m := NUMBERED.match(p)) and m["list"] == list_url
        ]
        last = max(numbers, default=0)
        # The open page takes the article; when it fills, the next (empty) page appears.
        allowed |= {f"{list_url}trang/{n}/index.html" for n in (1, last, last + 1)}
        # A list page now last changed this year leaves the sitemap part of its last year.
        for url in (list_url, f"{list_url}trang/{last}/"):
            loc = f">https://example.org/repo/{url}</loc>".encode()
            allowed |= {p for p, data in before.items() if p.startswith("sitemap-") and loc in data}
    return allowed


def test_adding_newer_articles_leaves_older_numbered_pages_unchanged(corpus_site):
    assert corpus_site.build("--quiet") == 0
    before = tree(corpus_site.output)
    previous = max(CORPUS, key=lambda e: (e.published, e.slug))
    filled = 0
    for entry in NEW:
        corpus_site.add(f"{entry.published:%Y/%m}/{entry.slug}.md", entry.markdown())
        assert corpus_site.build("--quiet") == 0
        after = tree(corpus_site.output)

        frozen = full_pages(before)
        assert frozen, "the fixture has full numbered pages"
        changed_full = sorted(p for p in frozen if after.get(p) != frozen[p])
        assert changed_full == [], f"adding {entry.slug} changed full pages"

        # The search index covers every article, so it changes too (see test_search.py).
        changed = {
            p for p in after if before.get(p) != after[p] and not p.startswith(search_bundle_url())
        }
        assert changed <= allowed_changes(entry, previous, before), entry.slug
        assert len(changed) < 28
        filled += len(full_pages(after)) - len(frozen)
        before, previous = after, entry
    assert filled >= 1, "some open pages should have filled up during the test"


def test_a_full_page_is_the_same_whoever_builds_it_later(corpus_site, tmp_path):
    """A numbered page's bytes depend only on its own articles: rebuilding the site
    from scratch with more articles gives the same page 1."""
    assert corpus_site.build("--quiet") == 0
    first = tree(corpus_site.output)
    for entry in NEW:
        corpus_site.add(f"{entry.published:%Y/%m}/{entry.slug}.md", entry.markdown())
    assert corpus_site.build("--quiet", "--output", str(tmp_path / "later")) == 0
    later = tree(tmp_path / "later")
    for path, data in full_pages(first).items():
        assert later[path] == data, path
