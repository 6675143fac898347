"""Stage 3, the plan: which pages the site has, at which URL, with which data.

A page's data is one of the dataclasses of pagedata.py, the contract with its template;
it is plain, so a page can be fingerprinted from it.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import pagination, renamed, taxonomy, urls
from .config import SiteConfig
from .content import Article, RenamedTerm, Standalone
from .errors import BuildFailed, Problem, shown, twin_note
from .pagedata import (
    LISTING,
    ArchiveData,
    ArticleData,
    FeedData,
    FeedsData,
    ListData,
    LookupData,
    MonthData,
    OldAddressesData,
    PageData,
    RedirectData,
    SitemapData,
    SitemapIndexData,
    Span,
    StandaloneData,
    TermsData,
    WithdrawnData,
    YearData,
)
from .portablenames import MAC_IN_SITE, too_long_for_a_mac
from .related import Related, related_articles

# What an old address (alias) may lead to.
Target = Article | Standalone | RenamedTerm

# A tag's pages list titles and days only, as a month's page does: they hold this many
# times per_page (the summary lists' size), so the header, menu and footer repeat on
# fewer pages (issue 17). A tag's own URL shows only its newest per_page titles (each
# is on a numbered page too): its open and last full pages, 100-199 titles, took
# 0.3 KB an article at 10,000 articles.
TITLES_PER_SUMMARY = 5


@dataclass(frozen=True)
class Page:
    url: str
    template: str
    title: str
    data: PageData = field(default_factory=PageData)
    article: Article | None = None
    # Other articles whose body (as HTML) the page shows: a feed's entries.
    bodies: tuple[Article, ...] = ()

    def shown_bodies(self) -> tuple[Article | Standalone, ...]:
        """The articles (or the standalone page) whose Markdown bodies the renderer
        needs for this page."""
        if isinstance(self.data, StandaloneData):
            return (self.data.standalone,)
        return self.bodies if self.article is None else (self.article, *self.bodies)

    def source(self) -> str | None:
        """The file the page is made from: an article's or a standalone page's."""
        if isinstance(self.data, StandaloneData):
            return self.data.standalone.path
        if isinstance(self.data, WithdrawnData):
            return self.data.article.path
        return self.article.path if self.article is not None else None


@dataclass(frozen=True)
class SitePlan:
    """Every page of the site, with what the next build may reuse."""

    config: SiteConfig
    articles: tuple[Article, ...]
    pages: tuple[Page, ...]
    drafts: tuple[Article, ...] = ()  # kept off the site: a link to one is told so
    related: Related = field(default_factory=Related)  # for the next build
    warnings: tuple[Problem, ...] = ()  # e.g. two words that share a tag's address
    standalone: tuple[Standalone, ...] = ()  # the standalone pages, drafts left out
    # The site menu's own items after the built-in ones: (title, URL) of each page
    # that asks for a place in it. Every page shows it.
    menu: tuple[tuple[str, str], ...] = ()
    # The articles taken down (front matter's withdrawn:), newest first: in no list,
    # their addresses (and aliases) answering with a notice.
    withdrawn: tuple[Article, ...] = ()


def build_site(
    config: SiteConfig,
    articles: list[Article],
    earlier: Related | None = None,
    standalone: Sequence[Standalone] = (),
) -> SitePlan:
    """Every page of the site. Raises BuildFailed when an alias clashes with a page.

    ``earlier``: the related articles of an earlier build, to reuse what still holds;
    ``standalone``: the standalone pages (content/pages/), in no list."""
    spelt = pagination.oldest_first(a for a in articles if a.listed)
    withdrawn = pagination.oldest_first(a for a in articles if a.withdrawn and not a.draft)
    merged = taxonomy.spelt_otherwise(spelt)
    oldest = taxonomy.named_alike(spelt)
    categories = taxonomy.categories(oldest)
    merged += taxonomy.categories_like_others(categories)
    tags = taxonomy.tags(oldest)
    related = related_articles(oldest, earlier or Related())
    shown = tuple(s for s in standalone if not s.draft)
    browsable = [
        *(Page(s.url, "page.html", s.title, StandaloneData(s)) for s in shown),
        *article_pages(oldest, related),
        home_page(config.title, oldest, config.per_page),
        *date_pages(oldest),
        *term_pages("category", urls.categories_url(), categories, config.per_page),
        *term_pages(
            "tag", urls.tags_url(), tags, config.per_page * TITLES_PER_SUMMARY, config.per_page
        ),
    ]
    feeds = [
        feed_page("home", config.title, urls.home_url(), oldest, config.feed_size),
        *(
            feed_page("category", c.name, urls.category_url(c.name), c.articles, config.feed_size)
            for c in categories
        ),
    ]
    moved, copies, errors = renamed_addresses(
        config, (categories, tags), browsable, feeds, withdrawn
    )
    targets: list[Target] = [*oldest, *withdrawn, *shown, *moved]
    old_addresses, lookup, queried = old_address_pages(targets)
    if queried:
        browsable = [_looking_up(p, lookup, queried) for p in browsable]
    machine = [*machine_pages(browsable, feeds, copies, lookup), *old_addresses]
    # Not browsable: in no list and not in the sitemap, only at their addresses.
    notices = [
        Page(urls.article_url(a), "withdrawn.html", a.title, WithdrawnData(a)) for a in withdrawn
    ]
    redirects, clashes, too_long = redirect_pages(targets, [*browsable, *notices, *machine])
    if queried:
        redirects = [_looking_up(p, lookup, queried) for p in redirects]
    errors += clashes
    if errors:
        raise BuildFailed(errors)
    merged += too_long
    pages = (*browsable, *notices, *redirects, *machine)
    drafts = tuple(a for a in articles if a.draft)
    in_menu = sorted((s for s in shown if s.menu is not None), key=lambda s: (s.menu, s.url))
    menu = tuple((s.title, s.url) for s in in_menu)
    return SitePlan(
        config,
        tuple(reversed(oldest)),
        pages,
        drafts,
        related,
        tuple(merged),
        shown,
        menu,
        tuple(reversed(withdrawn)),
    )


def machine_pages(
    browsable: Sequence[Page], feeds: Sequence[Page], copies: Sequence[Page], lookup: LookupData
) -> list[Page]:
    """The pages beside the ``browsable`` ones, which no sitemap lists: the feeds (and
    ``copies`` of them at renamed categories' old addresses), the page that lists them,
    404 and search (with ``lookup``: the old addresses' files they may ask for), the
    sitemap of the browsable pages, and robots.txt."""
    return [
        *feeds,
        *copies,
        # What the "follow" links open: the feeds explained and listed. Like the search
        # page it lists no article, so it stays out of the sitemap.
        Page(
            urls.feeds_url(),
            "feeds.html",
            "",
            FeedsData(
                tuple(
                    (d.kind, d.name, d.list_url) for f in feeds if isinstance(d := f.data, FeedData)
                )
            ),
        ),
        Page(urls.not_found_url(), "404.html", "", lookup),
        # Lists nothing by itself, so it stays out of the sitemap.
        Page(urls.search_url(), "search.html", "", lookup),
        *sitemap_pages(browsable),
        Page(urls.robots_url(), "robots.txt", ""),
    ]


def old_address_pages(
    targets: Sequence[Target],
) -> tuple[list[Page], LookupData, frozenset[str]]:
    """The files of the old addresses of ``targets`` (articles, standalone pages, renamed
    categories and tags, as redirect_pages takes them) that no alias page answers (urls.
    old_addresses_folder): an article's source_url with a query (`chi-tiet?id=5`), and a
    source_url or alias with capitals (a static host is case-sensitive; IIS was not: an
    alias in small letters the 404 page finds by itself, asking for the address so
    spelt). The first target of an address keeps it (as the build's alias pages). And the
    portal's number of each old address (urls.page_number) that one target alone has: a
    citation cut after it (`…/view_content/744225`) still names the page. With
    them, which files they make, for the pages that look addresses up, and the keys of
    the paths listed with a query (`/?newsid=5`, `/chien-luoc?p_p_id=9`), which a static
    host answers with the page at that path: the home page, an alias page."""
    home = urls.old_address_key("/")  # the home page itself: no address to look up
    found: dict[str, str] = {}
    numbered: dict[str, set[str]] = {}
    for target in targets:
        for path, query in _unanswered(target):
            if (key := urls.old_address_key(path, query)) != home:
                found.setdefault(key, urls.permalink(target))
        if isinstance(target, Article) and target.withdrawn is not None:
            # A takedown leaves as little as it can: its own addresses answer with the
            # notice, and the site is otherwise as if the article were absent.
            continue
        for path in _old_paths(target):
            if number := urls.page_number(path):
                numbered.setdefault(number, set()).add(urls.permalink(target))
    for number, leading in numbered.items():
        if len(leading) == 1:  # two portals' pages of one number: neither is named by it
            found.setdefault(urls.page_number_key(number), *leading)
    shards: dict[int, list[tuple[str, str]]] = {}
    for key in sorted(found):
        shards.setdefault(urls.old_address_shard(key), []).append((key, found[key]))
    pages = [
        Page(urls.old_addresses_url(n), "old-addresses.json", "", OldAddressesData(tuple(e)))
        for n, e in sorted(shards.items())
    ]
    queried = frozenset(key.partition("?")[0] for key in found if "?" in key)
    return pages, LookupData(urls.shards_written(shards)), queried


def _looking_up(page: Page, lookup: LookupData, queried: frozenset[str]) -> Page:
    """The home page or an alias page whose path the archive lists with a query (in
    ``queried``), given the files to look an old address up in: a static host answers
    `/?newsid=5` with the home page and `/chien-luoc?p_p_id=9` with the alias page
    /chien-luoc/, whatever the query. Any other page as it is."""
    data = page.data
    if isinstance(data, ListData) and page.url != urls.home_url():
        return page  # a category's or a tag's list: at an address of the archive's own
    # The page's file as old_path spells it (its URL is decoded already: `%2541` was `%41`).
    if (
        not isinstance(data, (ListData, RedirectData))
        or urls.output_file(page.url).lower() not in queried
    ):
        return page
    return replace(page, data=replace(data, old_address_files=lookup.old_address_files))


def _unanswered(target: Target) -> list[tuple[str, str]]:
    """The old addresses of ``target`` (path, query) that no file of the site answers."""
    old = [(alias, "") for alias in target.aliases if _capitals(alias)]
    source = target.source_url if isinstance(target, Article) else ""
    if source and (parsed := urlsplit(source)).scheme in ("http", "https"):
        query = urls.page_query(parsed.query)
        if query or _capitals(parsed.path):
            old.insert(0, (parsed.path or "/", query))
    return old


def _old_paths(target: Target) -> list[str]:
    """The paths of ``target``'s old addresses: its aliases, and its source_url's."""
    source = target.source_url if isinstance(target, Article) else ""
    return [*target.aliases, *([urlsplit(source).path] if source else [])]


def _capitals(path: str) -> bool:
    """Whether an address's path has letters a case-sensitive host tells from small ones
    (`%C3%81` is Á)."""
    decoded = unquote(path)
    return decoded != decoded.lower()


def article_pages(oldest: Sequence[Article], related: Related) -> list[Page]:
    return [
        Page(
            urls.article_url(a),
            "article.html",
            a.title,
            ArticleData(
                older=oldest[i - 1] if i > 0 else None,
                newer=oldest[i + 1] if i + 1 < len(oldest) else None,
                related=tuple(oldest[j] for j in related.picks[i]),
            ),
            article=a,
        )
        for i, a in enumerate(oldest)
    ]


def home_page(title: str, oldest: Sequence[Article], per_page: int) -> Page:
    """The newest articles, and no numbered pages: the archive (every month) and the
    categories reach every older article without a script, and numbered home pages
    would list every article once more (issue 17: about 640 bytes per article)."""
    newest = tuple(oldest[: -per_page - 1 : -1])
    data = ListData("home", title, urls.home_url(), 0, newest, 0, None, 0, total=len(oldest))
    return Page(urls.home_url(), "list.html", title, data)


def list_pages(
    kind: str, name: str, list_url: str, oldest: Sequence[Article], per_page: int, front: int = 0
) -> list[Page]:
    """A list's own URL (the newest articles) and its stable numbered pages.

    A full numbered page shows nothing that a newer article could change: no
    totals, and links to its neighbours by number, to page 1 and to the list.
    The list's own URL shows its open page and its last full page, or with ``front``
    only that many newest articles: a tag's pages hold TITLES_PER_SUMMARY times as
    many, and its own URL repeated 100-199 titles of them (issue 17).
    """
    chunks = pagination.chunks(oldest, per_page)
    # The oldest article the list's own URL shows, counted oldest first.
    if front:
        first = max(len(oldest) - front, 0)
    else:
        first = pagination.newest_window(chunks)[0].number - 1 if chunks else 0
        first *= per_page
    # The page holding the newest article not shown (none: 0), so no article is skipped.
    older = -(-first // per_page)
    newest = ListData(
        kind,
        name,
        list_url,
        number=0,
        articles=tuple(oldest[first:][::-1]),
        older=older,
        older_span=_span(chunks[older - 1]) if older else None,
        newer=0,
        total=len(oldest),
        # The numbered pages holding these articles: their permanent addresses.
        shown=tuple((c.number, _span(c)) for c in chunks[first // per_page :][::-1] if c.articles),
    )
    pages = [Page(list_url, "list.html", name, newest)]
    for chunk in chunks:
        # Pages are labelled by their dates too: numbers count from the oldest, which
        # a reader arriving from the newest articles would not guess. The older page
        # is full, so its dates never change, and neither does this page.
        data = ListData(
            kind,
            name,
            list_url,
            number=chunk.number,
            articles=chunk.articles[::-1],
            span=_span(chunk),
            older=chunk.number - 1,
            older_span=_span(chunks[chunk.number - 2]) if chunk.number > 1 else None,
            newer=chunk.number + 1 if chunk.full else 0,
        )
        pages.append(Page(urls.page_url(list_url, chunk.number), "list.html", name, data))
    return pages


def _span(chunk: pagination.Chunk) -> Span:
    if not chunk.articles:
        return None
    return chunk.articles[0].published, chunk.articles[-1].published


def term_pages(
    kind: str, index_url: str, terms: list[taxonomy.Term], per_page: int, front: int = 0
) -> list[Page]:
    """The index of all categories (or tags) with counts, and each one's list pages."""
    url_of = urls.category_url if kind == "category" else urls.tag_url
    index = tuple((t.name, len(t.articles)) for t in terms)
    pages = [Page(index_url, "terms.html", "", TermsData(kind, index))]
    for term in terms:
        pages += list_pages(kind, term.name, url_of(term.name), term.articles, per_page, front)
    return pages


def date_pages(oldest: Sequence[Article]) -> list[Page]:
    """The archive index (every year and month), a page per year and per month."""
    months = taxonomy.months(oldest)
    by_year: dict[int, list[taxonomy.Month]] = {}
    for month in months:
        by_year.setdefault(month.year, []).append(month)
    years = tuple(
        (year, sum(len(m.articles) for m in ms), tuple((m.month, len(m.articles)) for m in ms))
        for year, ms in sorted(by_year.items(), reverse=True)
    )
    pages = [Page(urls.archive_url(), "archive.html", "", ArchiveData(years))]
    year_numbers = sorted(by_year)
    for i, year in enumerate(year_numbers):
        year_data = YearData(
            year=year,
            months=tuple((m.month, len(m.articles)) for m in by_year[year]),
            older_year=year_numbers[i - 1] if i > 0 else 0,
            newer_year=year_numbers[i + 1] if i + 1 < len(year_numbers) else 0,
        )
        pages.append(Page(urls.year_url(year), "year.html", str(year), year_data))
    for i, month in enumerate(months):
        before = months[i - 1] if i > 0 else None
        after = months[i + 1] if i + 1 < len(months) else None
        month_data = MonthData(
            year=month.year,
            month=month.month,
            articles=month.articles[::-1],
            older_month=(before.year, before.month) if before else None,
            newer_month=(after.year, after.month) if after else None,
        )
        pages.append(Page(urls.month_url(month.year, month.month), "month.html", "", month_data))
    return pages


def feed_page(kind: str, name: str, list_url: str, oldest: Sequence[Article], size: int) -> Page:
    """A list's ``size`` newest articles, each with its whole text."""
    newest = tuple(oldest[::-1][:size])
    data = FeedData(kind, name, list_url, newest)
    return Page(urls.feed_url(list_url), "feed.xml", name, data, bodies=newest)


def sitemap_pages(pages: Sequence[Page]) -> list[Page]:
    """The sitemap: an index, and a part per year of the pages' last change (and one
    for undated pages). A new article changes its year's part and the index, not a
    file listing the whole archive; and no part nears the protocol's limit of 50,000
    addresses (a year of this archive is some thousands)."""
    by_year: dict[int, list[tuple[str, datetime | None]]] = {}
    for url, lastmod in sitemap_entries(pages):
        by_year.setdefault(lastmod.year if lastmod else 0, []).append((url, lastmod))
    parts = [
        (urls.sitemap_part_url(year), tuple(entries)) for year, entries in sorted(by_year.items())
    ]
    index = tuple((url, max((d for _, d in entries if d), default=None)) for url, entries in parts)
    return [
        Page(urls.sitemap_url(), "sitemapindex.xml", "", SitemapIndexData(index)),
        *(Page(url, "sitemap.xml", "", SitemapData(entries)) for url, entries in parts),
    ]


def sitemap_entries(pages: Sequence[Page]) -> tuple[tuple[str, datetime | None], ...]:
    """Every page worth indexing, with the date of its newest article.

    An empty open page ("no newer articles yet") is left out: it has no content.
    """
    entries: list[tuple[str, datetime | None]] = []
    for page in pages:
        if page.article is not None:
            entries.append((page.url, page.article.modified))
        elif isinstance(page.data, LISTING):
            if page.data.articles:
                entries.append((page.url, page.data.articles[0].published))
        else:
            entries.append((page.url, None))
    return tuple(entries)


def renamed_addresses(
    config: SiteConfig,
    terms: tuple[Sequence[taxonomy.Term], Sequence[taxonomy.Term]],
    lists: Sequence[Page],
    feeds: Sequence[Page],
    withdrawn: Sequence[Article],
) -> tuple[list[RenamedTerm], list[Page], list[Problem]]:
    """The old addresses of the categories and tags (``terms``) renamed in site.yaml,
    the copies of their new names' feeds at their old feeds' addresses (tags have
    none), and the renames the articles refuse. An old name's numbered pages are known
    by the articles that still name it, the ``withdrawn`` ones (oldest first): one
    renamed in its articles has none, and only the new name's numbers are known."""
    renames = (config.renamed_categories, config.renamed_tags)
    if not any(renames):
        return [], [], []
    numbered: dict[str, list[int]] = {}
    for page in lists:
        if isinstance(page.data, ListData) and page.data.number:
            numbered.setdefault(page.data.list_url, []).append(page.data.number)
    had = {
        **_numbers(taxonomy.categories(withdrawn), urls.category_url, config.per_page),
        **_numbers(taxonomy.tags(withdrawn), urls.tag_url, config.per_page * TITLES_PER_SUMMARY),
    }
    by_url = {page.url: page for page in feeds}
    moved, copies, errors = [], [], []
    for setting, written, named in zip(renamed.SETTINGS, renames, terms, strict=True):
        leads, copied, refused = renamed.targets(
            setting,
            config.file or config.root / "site.yaml",
            written,
            named,
            lambda url: numbered.get(url, []),
            lambda url: had.get(url, []),
        )
        moved += leads
        copies += [replace(by_url[new], url=old) for old, new in copied if new in by_url]
        errors += refused
    return moved, copies, errors


def _numbers(
    terms: Sequence[taxonomy.Term], address: Callable[[str], str], per_page: int
) -> dict[str, list[int]]:
    """The numbers of the pages each term's list has, by its address."""
    return {
        address(t.name): [c.number for c in pagination.chunks(t.articles, per_page)] for t in terms
    }


def redirect_pages(
    targets: Sequence[Target], real: Sequence[Page]
) -> tuple[list[Page], list[Problem], list[Problem]]:
    """A redirect page per alias (of ``targets``: the articles with a page, withdrawn
    ones' included, and the standalone pages shown); an alias that would overwrite a
    page, another alias, or need a folder where a file is (or the reverse) is an error;
    one too long a path for a Mac, a warning (the third list)."""
    # Output paths as text: pathlib objects for 25,000 paths and their folders cost 0.4 s.
    owners: dict[str, Page | Target] = {urls.output_file(p.url): p for p in real}
    folders = folders_of(owners)
    pages, errors = [], []
    warnings: list[Problem] = []
    for target in targets:
        for alias in _given_again(target, warnings):
            url = urls.alias_url(alias)
            path = urls.output_file(url)
            problem = _alias_clash(path, owners, folders, target)
            if problem:
                errors.append(_clash_said(target, alias, problem))
                continue
            owners[path] = target
            folders.update(parent_folders(path))
            pages.append(Page(url, "redirect.html", target.title, RedirectData(target)))
            if len(path) > MAC_IN_SITE // 4 and (
                long := too_long_for_a_mac(target.path, path, target.key_lines.get("aliases"))
            ):  # (a letter is 4 bytes at most: most addresses are not measured)
                warnings.append(long)
    return pages, errors, warnings


def _given_again(target: Target, warnings: list[Problem]) -> list[str]:
    """The aliases of ``target`` once each; one written twice alike is a warning at
    the line of `aliases` (one page is written: no harm, but a list to tidy). Spelt
    otherwise (/tin/1/ and /tin/1, NFC and NFD), it is _alias_clash's error."""
    once = list(dict.fromkeys(target.aliases))
    if len(once) == len(target.aliases):  # nearly every article
        return once
    for alias in once:
        if target.aliases.count(alias) > 1:
            warnings.append(
                Problem(
                    Path(target.path),
                    f"alias '{alias}' is given twice; delete one",
                    "delete one of the two from the list of 'aliases': an old address is "
                    "written there once",
                    target.key_lines.get("aliases"),
                    warning=True,
                )
            )
    return once


def _clash_said(target: Target, alias: str, problem: str) -> Problem:
    """An old address that cannot be written, said at its line: of `aliases`, or of
    renamed_categories (or renamed_tags) in site.yaml."""
    line = target.key_lines.get("aliases")
    if isinstance(target, RenamedTerm):
        return Problem(
            Path(target.path),
            f"{target.setting}: the old address {alias} of '{target.old}' {problem}",
            "the address can lead to one page only: remove the other, or delete this line",
            line,
        )
    return Problem(
        Path(target.path),
        f"alias '{alias}' {problem}",
        "remove it from 'aliases' or correct it: an alias must be an old "
        "address that no page of this site (and no other alias) uses",
        line,
    )


def parent_folders(path: str) -> list[str]:
    """The folders a file of the site is in: "a/b/c.html" -> ["a/b", "a"]."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[:end]) for end in range(len(parts), 0, -1)]


def folders_of(paths: Iterable[str]) -> set[str]:
    """The folders of all ``paths``, as parent_folders gives them, each path walked up
    only to a folder found already: a third of the time for the 11,000 pages of 10,000
    articles (no list and joins per path)."""
    folders: set[str] = set()
    for path in paths:
        way, slash, _ = path.rpartition("/")
        while slash and way not in folders:
            folders.add(way)
            way, slash, _ = way.rpartition("/")
    return folders


def _alias_clash(
    path: str,
    owners: dict[str, Page | Target],
    folders: set[str],
    target: Target,
) -> str:
    # /feed.xml as an alias is the folder feed.xml/ (urls.alias_url), where the feed is.
    owner = owners.get(path) or owners.get(path.removesuffix("/index.html"))
    if isinstance(owner, Article | Standalone | RenamedTerm):
        # The other file from the current folder, as the message names its own.
        if owner is not target:
            return f"is also an alias of {shown(owner.path)}{twin_note(owner.path, target.path)}"
        # Spelt otherwise, as the build names files: /tin/1/ and /tin/1, or an address
        # a WARC recorded in NFD (tin-tu%CC%9B%CC%81c) and its NFC spelling.
        files = (path, path.removesuffix("/index.html"))
        first = next(a for a in target.aliases if urls.output_file(urls.alias_url(a)) in files)
        return f"is given twice (as '{first}', the same page of the site)"
    if owner is not None:
        source = owner.source()
        kind = "article" if owner.article or isinstance(owner.data, WithdrawnData) else "page"
        what = (
            f"the {kind} {shown(source)}{twin_note(source, target.path)}"
            if source
            else f"the page /{owner.url}"
        )
        return f"is the address of {what}"
    if path in folders or any(folder in owners for folder in parent_folders(path)):
        return "would put a file where the site needs a folder (or the reverse)"
    return ""
