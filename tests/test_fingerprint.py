"""Page fingerprints (fingerprint.py): a page is rendered again when what its bytes depend
on changed, among them every article it shows (as its file's digest)."""

from dataclasses import replace

from conftest import article

from newsarchive import fingerprint, pipeline
from newsarchive.cache import Cache
from newsarchive.config import load_config
from newsarchive.content import Article
from newsarchive.fingerprint import Fingerprinter
from newsarchive.pagedata import ArticleData
from newsarchive.plan import build_site
from newsarchive.sources import read_articles


def articles_in(value: object) -> list[Article]:
    """Every article a page holds, in its fields, its data's and their tuples."""
    if isinstance(value, Article):
        return [value]
    if isinstance(value, tuple):
        return [a for v in value for a in articles_in(v)]
    if hasattr(type(value), "__dataclass_fields__"):
        return [a for v in vars(value).values() for a in articles_in(v)]
    return []


def test_every_page_is_fingerprinted_as_plain_values_and_by_each_article_it_shows(site):
    for i in range(25):  # numbered list pages, months, feeds, sitemaps, related articles
        site.add(
            f"2021/bai-{i}.md",
            article(
                f"Tin phường số {i}",
                f"2021-{1 + i % 12:02d}-{1 + i % 27:02d} 08:00",
                f"Nội dung tin số {i}.",
                category="Đô thị" if i % 2 else "Văn hóa",
                # Two spellings of a tag: the plan renames the later article's (a copy).
                tags=f"[{'Thẻ' if i % 3 else 'thẻ'} {i % 2}]",
                aliases=f"[/tin-tuc/so-{i}.html]",  # redirect pages
            ),
        )
    site.configure(per_page=3)
    config = load_config(site.root / "site.yaml")
    sources = read_articles(config, Cache(config))
    plan = build_site(config, sources.articles)
    known = pipeline.known_articles(sources, plan)
    maker = Fingerprinter(known, "salt")
    kinds = set()
    for page in plan.pages:
        # Made plain, not left to the pickler calling back for each article (issue 17:
        # 0.1 s more at 10,000 articles): a new kind of page data should stay plain.
        assert isinstance(maker._plain(page), list), page.url
        kinds.add(type(page.data).__name__)
        fingerprint = maker.of(page)
        assert fingerprint is not None
        for shown in articles_in(page):
            assert id(shown) in known, page.url
            edited = {**known, id(shown): known[id(shown)] + "\nedited"}
            assert Fingerprinter(edited, "salt").of(page) != fingerprint, page.url
        assert Fingerprinter(known, "other salt").of(page) != fingerprint
    assert {"ArticleData", "ListData", "MonthData", "FeedData", "RedirectData"} <= kinds


def test_an_article_page_is_fingerprinted_by_each_of_its_fields(site):
    # Article pages are fingerprinted field by field (fingerprint._article_page), not the
    # generic way: every field of the page and of its data must change the fingerprint.
    assert fingerprint.ARTICLE_PAGE_READ  # a new field: read it in _article_page too
    for i in range(4):
        site.add(
            f"2021/bai-{i}.md",
            article(f"Tin số {i}", f"2021-03-0{i + 1} 08:00", "Nội dung.", tags="[phố]"),
        )
    config = load_config(site.root / "site.yaml")
    sources = read_articles(config, Cache(config))
    plan = build_site(config, sources.articles)
    maker = Fingerprinter(pipeline.known_articles(sources, plan), "salt")
    pages = [p for p in plan.pages if isinstance(p.data, ArticleData)]
    page = next(p for p in pages if p.data.older and p.data.newer and p.data.related)
    other = next(a for a in plan.articles if a not in (page.article, *articles_in(page.data)))

    def changed(value: object) -> object:
        if isinstance(value, str):
            return value + "x"
        if isinstance(value, tuple):
            return (*value, other)
        return other

    fingerprint_before = maker.of(page)
    for name in vars(page.data):
        data = replace(page.data, **{name: changed(getattr(page.data, name))})
        assert maker.of(replace(page, data=data)) != fingerprint_before, name
    for name in vars(page):
        if name != "data":
            variant = replace(page, **{name: changed(getattr(page, name))})
            assert maker.of(variant) != fingerprint_before, name
    # Equal pages, made apart, have equal fingerprints (the same bytes, as a cold build).
    assert maker.of(replace(page)) == fingerprint_before


def test_the_cache_knows_each_library_s_version_as_importlib_metadata_does(tmp_path, monkeypatch):
    """code_digest reads versions from the install folders' names: the same as
    importlib.metadata's, and a library installed anew changes every fingerprint."""
    import importlib.metadata

    found = fingerprint.library_versions()
    for name in fingerprint.LIBRARIES:
        assert found[fingerprint._normal(name)] == importlib.metadata.version(name), name
    before = fingerprint.code_digest()
    newer = tmp_path / "site-packages"
    (newer / "Markdown-99.1.dist-info").mkdir(parents=True)  # an older pip's spelling
    monkeypatch.syspath_prepend(str(newer))
    assert fingerprint.library_versions()["markdown"] == "99.1"
    assert fingerprint.code_digest() != before
