"""Search at archive scale: relevance, bytes per query, indexing, incremental additions.

    python bench/search.py                        # 10,000 articles, both engines
    python bench/search.py --size 1000
    python bench/search.py --size 100000 --no-pagefind

Builds the generated corpus (bench/generate.py) plus the seed article of content/ with
our own `build.py`, then:

- relevance: at least 300 known-item queries made from the corpus, each aimed at one
  article (see `known_items`): distinctive title phrases with diacritics and without,
  the same phrases as shown while the last word is being typed ("typed partly": it cut
  to 2..n-1 of its letters),
  names of people from the body without diacritics, and the codes of the body
  (`3286-QĐ/QU` style) without diacritics, and title phrases with two letters side by
  side swapped, and title phrases after words the article lacks (both asked as the
  page asks: sent whole, then as suggest() corrects them, then for the articles with
  some of the words).
  For each kind and engine: success@1,
  success@10 (the article is first / in the first ten) and MRR (mean of 1/rank).
  Ours is asked through the Python reference engine (newsarchive/search/engine.py, which
  the page's engine matches: tests/test_search_engine.py); Pagefind through
  bench/pagefind_engine.py, configured as main used it until issue 16.
- bytes per query on a first visit, as GitHub Pages sends them (gzip, level 9, for .js):
  the engine's script and every index file the reference engine reads to show the first
  ten results; and, apart, the ten article pages the page fetches for the snippets.
- indexing from scratch, in a process of its own (the site planned, then the index
  written from the build cache's body HTML, as the build's search step does): wall
  and CPU seconds of the indexing, and the process's peak memory (ru_maxrss); the
  build's own "search index rebuilt in" time too.
- 100 successive additions of an article newer than all (generate.generate_one): files
  of the index written or removed, and seconds, for each.
"""

import argparse
import gzip
import os
import random
import re
import shutil
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(HERE)]

import generate  # noqa: E402
from measure import run_measured  # noqa: E402

from newsarchive import folding, urls  # noqa: E402
from newsarchive.search.engine import Index, search, suggest  # noqa: E402
from newsarchive.sources import PAGES_FOLDER  # noqa: E402

PER_KIND = 110  # articles sampled per kind of query
# Words put before a title phrase ("title, words added"): the first the article lacks.
ADDED = ("đồng chí", "thông tin", "hoạt động", "sự kiện", "ông bà")
MIN_PHRASE = 5  # words of a title phrase
HEAVY = [
    "ủy ban nhân dân phường",
    "uy ban nhan dan phuong",
    "hội nghị",
    "quận hai bà trưng",
    "đồng chí chủ tịch ubnd phường",
    "công tác",
    "cán bộ đảng viên",
    "2019",
    "d",
]
BUDGET = {10_000: 150 * 1024, 100_000: 300 * 1024}
# The page fetches the article pages of the results on screen only, for their
# snippets (js/search.js). On a 360x740 phone that is one result in Chromium with this
# corpus (--browser counts them); three are counted, for shorter titles and leads.
PHONE_RESULTS = 3
QUERY_KINDS = {"engine", "index", "article pages"}  # what a query costs beyond the page
SEED = REPO / "content"
_CODE = re.compile(r"\b\d+-[A-ZĐ]+(?:/[A-ZĐ]+)*\b")
_NAME = re.compile(r"(?:đồng chí|Đồng chí|bà|ông|Bà|Ông) ((?:[A-ZĐ][\w]+ ){2,3}[A-ZĐ]\w+)")


def plain(text: str) -> str:
    """What a reader types without diacritics."""
    return " ".join(folding.fold(w) for w in folding.words(text))


def corpus(size: int, work: Path) -> Path:
    """The generated corpus plus the seed article, in a content folder of links."""
    source = generate.ensure_corpus(size, work)
    content = work / f"search-{size}-content"
    if not content.is_dir() or sum(1 for _ in content.rglob("*.md")) != size + 1:
        shutil.rmtree(content, ignore_errors=True)
        shutil.copytree(source, content, copy_function=os.link)
        # Its articles only: a standalone page (content/pages/) is no search result.
        for path in SEED.rglob("*.md"):
            if path.relative_to(SEED).parts[0] == PAGES_FOLDER:
                continue
            target = content / path.relative_to(SEED)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    return content


def site_config(content: Path) -> Path:
    """The repository's site.yaml, beside the corpus's content folder: a build cache
    (.cache/ beside it) of its own for each size."""
    config = content.with_name(f"{content.name}-config") / "site.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    text = (REPO / "site.yaml").read_text(encoding="utf-8")
    text += f"\ntemplates_dir: {REPO / 'templates'}\nstatic_dir: {REPO / 'static'}\n"
    if not config.is_file() or config.read_text(encoding="utf-8") != text:
        config.write_text(text, encoding="utf-8")
    return config


def build(content: Path, out: Path) -> tuple[float, float, float]:
    """Cold build; (build seconds, indexing seconds as the build says, peak MiB)."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, str(REPO / "build.py"), "--config", str(site_config(content))]
    command += ["--content", str(content), "--output", str(out / "_site")]
    command += ["--base-url", "https://example.github.io/repo/"]
    run = run_measured(command, REPO, out / "build.log", env=_env())
    if run.exit_code != 0:
        sys.exit(f"build failed:\n{run.log}")
    indexed = re.search(r"search index rebuilt in ([\d.]+) s", run.log)
    return run.wall_seconds, float(indexed.group(1)) if indexed else float("nan"), run.peak_rss_mib


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def _articles_and_bodies(content: Path):
    """The site's articles oldest first and a source of their bodies' HTML, as a build
    in this process has them (through the build cache)."""
    from dataclasses import replace

    from newsarchive import pipeline, render
    from newsarchive.cache import Cache
    from newsarchive.config import load_config

    config = replace(load_config(site_config(content)), content_dir=content)
    site = pipeline.plan(config)
    bodies = render.bodies_html(config, Cache(config), site.articles)
    return config, list(site.articles[::-1]), bodies


def index_only(content: Path, target: Path) -> None:
    """(In a process of its own.) Index the built corpus from scratch, as the build's
    search step does: the site's plan, then the index, reading the bodies' HTML from
    the build cache as the writer asks for them. Prints the indexing's wall and CPU
    seconds and the process's peak memory (ru_maxrss) before and after."""
    import resource

    from newsarchive.search.writer import update_index

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    _config, articles, bodies = _articles_and_bodies(content)
    planned = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    shutil.rmtree(target, ignore_errors=True)
    started, cpu_started = time.perf_counter(), cpu()
    update_index(target, articles, bodies)
    wall, cpu_seconds = time.perf_counter() - started, cpu() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"indexed in {wall:.2f} s wall, {cpu_seconds:.2f} s CPU; peak RSS {peak:.0f} MiB "
        f"({planned:.0f} MiB with the site planned, before indexing)"
    )


# -- Known items -------------------------------------------------------------------


def known_items(content: Path, rng: random.Random) -> list[tuple[str, str, str]]:
    """(kind, query, URL of the article aimed at), from the corpus itself."""
    from newsarchive.config import load_config
    from newsarchive.frontmatter import read_source
    from newsarchive.validate import validate

    tz = load_config(REPO / "site.yaml").timezone
    articles = []
    for path in sorted(content.rglob("*.md")):
        source = read_source(path)
        article = validate(source, tz)
        articles.append((urls.article_url(article), article.title, source.body))
    titles = [[folding.fold(w) for w in folding.words(t)] for _, t, _ in articles]
    title_text = [" " + " ".join(t) + " " for t in titles]
    names: dict[str, set[int]] = defaultdict(set)
    codes: dict[str, set[int]] = defaultdict(set)
    for number, (_, _, body) in enumerate(articles):
        for name in _NAME.findall(body):
            names[plain(name)].add(number)
        for code in _CODE.findall(body):
            codes[code].add(number)

    items = []
    order = list(range(len(articles)))
    rng.shuffle(order)
    seed = next(i for i, a in enumerate(articles) if a[0].startswith("2019/04/quan-hai-ba-trung"))
    order.remove(seed)
    order.insert(0, seed)
    # An article whose title another one has too cannot be aimed at by its title.
    shared = {t for t, n in Counter(title_text).items() if n > 1}
    chosen = [n for n in order if title_text[n] not in shared][:PER_KIND]
    added = []
    for number in chosen:
        url, title, _ = articles[number]
        phrase = _distinctive(titles[number], title_text, number)
        spelled = " ".join(folding.WORD.findall(title)[phrase[0] : phrase[1]])
        items.append(("title", spelled, url))
        items.append(("title, no diacritics", plain(spelled), url))
        # Two letters side by side swapped, past the first, in its longest word.
        spelled_words = spelled.split(" ")
        longest = max(range(len(spelled_words)), key=lambda i: len(spelled_words[i]))
        word = spelled_words[longest]
        if len(word) >= 4:
            at = rng.randrange(1, len(word) - 2)
            spelled_words[longest] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
            items.append(("title, 2 letters swapped", " ".join(spelled_words), url))
        # Typed on a phone, the results shown before the last word is whole: it cut
        # to 2..n-1 of its letters (alternately with diacritics and without).
        last = folding.WORD.findall(spelled)[-1]
        if len(last) >= 3:
            cut = spelled[: len(spelled) - len(last) + rng.randrange(2, len(last))]
            items.append(("typed partly", cut if len(items) % 4 else plain(cut), url))
        # Before it, words of the archive that the article lacks, as a reader adds
        # "ông" where the text says "đồng chí" (listed after the others, whose
        # alternation of diacritics stays as it was).
        text = {folding.fold(w) for w in folding.words(f"{title} {articles[number][2]}")}
        lacked = next((w for w in ADDED if not {folding.fold(x) for x in w.split()} <= text), None)
        if lacked:
            added.append(("title, words added", f"{lacked} {spelled}", url))
    # Names aimed at one article: a name only it has, else two of its names that no
    # other article has together.
    by_article: dict[int, list[str]] = defaultdict(list)
    for name, where in names.items():
        for number in where:
            by_article[number].append(name)
    for number in order:
        if sum(1 for kind, _, _ in items if kind.startswith("name")) >= PER_KIND:
            break
        own = sorted(by_article.get(number, []))
        unique = [n for n in own if len(names[n]) == 1]
        if unique:
            items.append(("name, no diacritics", unique[0], articles[number][0]))
            continue
        for i, first in enumerate(own):
            other = next((n for n in own[i + 1 :] if names[first] & names[n] == {number}), None)
            if other:
                items.append(("name, no diacritics", f"{first} {other}", articles[number][0]))
                break
    for code, where in sorted(codes.items()):
        if len(where) == 1:
            url = articles[next(iter(where))][0]
            items.append(("code, no diacritics", plain(code), url))
            items.append(("code, no diacritics", code.lower().replace("đ", "d"), url))
    return items + added


def _distinctive(words: list[str], titles: list[str], number: int) -> tuple[int, int]:
    """The first shortest run of 5 or more title words (a phrase a reader would type,
    not a fragment such as `nuoc tai 8`) that no other title has."""
    if len(words) <= MIN_PHRASE:
        return 0, len(words)
    for length in range(MIN_PHRASE, len(words) + 1):
        for start in range(0, len(words) - length + 1):
            needle = " " + " ".join(words[start : start + length]) + " "
            if not any(needle in t for i, t in enumerate(titles) if i != number):
                return start, start + length
    return 0, len(words)


# -- Measures ----------------------------------------------------------------------


def relevance(rankings: list[list[str]], items: list[tuple[str, str, str]]) -> dict:
    table: dict[str, list[int]] = defaultdict(list)
    for (kind, _, url), ranked in zip(items, rankings, strict=True):
        rank = ranked.index(url) + 1 if url in ranked else 0
        table[kind].append(rank)
        if "no diacritics" in kind:
            table["all without diacritics"].append(rank)
        table["all"].append(rank)
    return {
        kind: (
            len(ranks),
            sum(1 for r in ranks if r == 1) / len(ranks),
            sum(1 for r in ranks if 0 < r <= 10) / len(ranks),
            sum(1 / r for r in ranks if r) / len(ranks),
        )
        for kind, ranks in table.items()
    }


def sent(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), mtime=0))


def our_bytes(site: Path, found) -> tuple[int, int, int, int]:
    """(index files, their gzip bytes, gzip bytes of the article pages a phone fetches
    for the snippets: the first PHONE_RESULTS results', results found), for a query's
    results ``found`` (from an Index of its own: its files are those it fetched)."""
    index_dir = site / urls.search_bundle_url()
    index_bytes = sent(site / "js/search-engine.js")
    index_bytes += sum(sent(index_dir / name) for name in found.fetched)
    pages = sum(sent(site / h.url / "index.html") for h in found.hits[:PHONE_RESULTS])
    return len(found.fetched) + 1, index_bytes, pages, found.total


class _Gzipped:
    """A request handler that sends text files gzipped, as GitHub Pages does."""

    @staticmethod
    def handler(folder: Path):
        import functools
        from http.server import SimpleHTTPRequestHandler

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def send_head(self):  # type: ignore[override]
                path = Path(self.translate_path(self.path))
                if path.is_dir():
                    path = path / "index.html"
                if path.suffix not in {".html", ".js", ".css", ".json", ".xml", ".txt"}:
                    return super().send_head()
                if not path.is_file():
                    self.send_error(404)
                    return None
                data = gzip.compress(path.read_bytes(), 9, mtime=0)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                import io

                return io.BytesIO(data)

        return functools.partial(Handler, directory=str(folder))


def browser_bytes(site: Path, queries: list[str]) -> list[tuple[str, dict[str, int], int]]:
    """Each query opened on the search page in Chromium on a 360x740 phone, served
    gzipped: bytes received (encodedDataLength: compressed bodies and headers) by kind
    once the results on screen show their passages, and the article pages fetched."""
    import threading
    from http.server import ThreadingHTTPServer
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Gzipped.handler(site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    index_path = "/" + urls.search_bundle_url()
    on_screen = """[...document.querySelectorAll('.search-result')].filter(li => {
        const box = li.getBoundingClientRect(); return box.top < innerHeight && box.bottom > 0;
    })"""
    measured = []
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(
                executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
            )
            for query in queries:
                context = chromium.new_context(viewport={"width": 360, "height": 740})
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
                address_of: dict[str, str] = {}
                kinds: dict[str, int] = defaultdict(int)
                fetched = []

                def sent_to(event: dict, address_of=address_of) -> None:
                    address_of[event["requestId"]] = event["request"]["url"]

                def received(
                    event: dict, address_of=address_of, kinds=kinds, fetched=fetched
                ) -> None:
                    path = address_of.get(event["requestId"], "").removeprefix(address[:-1])
                    if path.startswith(index_path):
                        kind = "index"
                    elif path == "/js/search-engine.js":
                        kind = "engine"
                    elif path.startswith("/tim-kiem/"):
                        kind = "search page"
                    elif path[1:3] in {"19", "20"}:
                        kind = "article pages"
                        fetched.append(path)
                    else:
                        kind = "page's other files"
                    kinds[kind] += int(event["encodedDataLength"])

                cdp.on("Network.requestWillBeSent", sent_to)
                cdp.on("Network.loadingFinished", received)
                page.goto(f"{address}tim-kiem/?q={quote(query)}")
                page.wait_for_function(
                    "document.querySelector('.search-status').textContent.includes('“')"
                )
                page.wait_for_function(f"{on_screen}.every(li => li.dataset.passage)")
                page.wait_for_timeout(300)  # the last loadingFinished events
                measured.append((query, dict(kinds), len(fetched)))
                context.close()
            chromium.close()
    finally:
        server.shutdown()
        server.server_close()
    return measured


def additions(content: Path, site: Path, count: int) -> list[tuple[int, float]]:
    """Add ``count`` articles one by one to a copy of the index: (files, seconds) each."""
    from newsarchive.frontmatter import read_source
    from newsarchive.renderer import Renderer
    from newsarchive.search.writer import update_index
    from newsarchive.validate import validate

    config, articles, bodies = _articles_and_bodies(content)
    work = site.parent / "index-additions"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(site / urls.search_bundle_url(), work, copy_function=os.link)
    new_content = site.parent / "additions"
    shutil.rmtree(new_content, ignore_errors=True)
    renderer = Renderer(config)

    def all_bodies(keys: set[str]) -> dict[str, str]:
        mine = {k: renderer.body_html(k) for k in keys & renderer.markdown.keys()}
        return {**bodies(keys - mine.keys()), **mine}

    results = []
    for number in range(count):
        path = generate.generate_one(new_content, number)
        source = read_source(path)
        article = validate(source, config.timezone)
        renderer.markdown[article.body_digest] = source.body
        articles.append(article)
        started = time.perf_counter()
        result = update_index(work, articles, all_bodies)
        results.append((result.written + 1, time.perf_counter() - started))  # +1: the stamp
    shutil.rmtree(work)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10_000, help="generated articles")
    parser.add_argument("--skip-build", action="store_true", help="use the last built site")
    parser.add_argument("--no-pagefind", action="store_true", help="our engine only")
    parser.add_argument(
        "--additions", type=int, default=100, help="successive additions (fewer at 100,000)"
    )
    parser.add_argument(
        "--browser", action="store_true", help="also measure the worst queries in Chromium"
    )
    parser.add_argument(
        "--reindex",
        action="store_true",
        help="with --skip-build: index the last built site anew (its own process, timed), "
        "then measure: this code's index without rendering the site again",
    )
    parser.add_argument(
        "--misses",
        metavar="KIND",
        help='print the queries of a kind ("typed partly", "title", ...) whose article is '
        "not first: its rank and the titles ranked above it",
    )
    # Experiments: the format's constants changed for the indexing and the engine.
    parser.add_argument("--complete", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cap-max", type=int, help=argparse.SUPPRESS)
    # The engines' budget of completion lowered in the last built index's manifest
    # (its tails are those of the budget it was written with), without indexing.
    parser.add_argument("--budget", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--index-only", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    from newsarchive.search import format as fmt

    changed = []
    if args.complete is not None:
        fmt.COMPLETE_POSTINGS = args.complete
        changed += ["--complete", str(args.complete)]
    if args.cap_max is not None:
        fmt.CAP_MAX = args.cap_max
        changed += ["--cap-max", str(args.cap_max)]
    if args.index_only:
        index_only(*args.index_only)
        return 0

    work = HERE / "work"
    content = corpus(args.size, work)
    out = work / f"search-{args.size}"
    site = out / "_site"
    print(f"corpus: {args.size} generated articles + the seed, in {content}")
    if not (args.skip_build and site.is_dir()):
        wall, indexing, peak = build(content, out)
        print(
            f"build: {wall:.1f} s wall, peak {peak:.0f} MiB; "
            f"the build says: indexing {indexing:.2f} s"
        )
    index = site / urls.search_bundle_url()
    files = [p for p in index.rglob("*") if p.is_file()]
    print(
        f"index: {len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB "
        f"(site {sum(p.stat().st_size for p in site.rglob('*') if p.is_file()) / 1e6:.0f} MB, "
        f"sources {sum(p.stat().st_size for p in content.rglob('*.md')) / 1e6:.0f} MB)"
    )

    if args.budget is not None:
        _, manifest = fmt.read_script((index / "index.js").read_bytes())
        assert isinstance(manifest, dict) and args.budget <= manifest["complete"]
        manifest["complete"] = args.budget
        (index / "index.js").write_bytes(fmt.script(fmt.MANIFEST, manifest))
        print(f"budget of completion set to {args.budget} (no indexing)")
    else:
        _index_anew(args, content, out, index, changed)

    items = _known_items(content, out, args.skip_build)
    _measure(args, content, site, index, items)
    return 0


def _index_anew(args, content: Path, out: Path, index: Path, changed: list[str]) -> None:
    """Index the corpus from scratch in a process of its own, timed; with --reindex,
    the result replaces the site's index."""
    command = [sys.executable, __file__, "--index-only", str(content), str(out / "index-only")]
    run = run_measured(command + changed, REPO, out / "index-only.log", env=_env())
    if run.exit_code != 0:
        sys.exit(run.log)
    print(f"indexing from scratch, own process: {run.log.strip().splitlines()[-1]}")
    if args.reindex:
        shutil.rmtree(index)
        os.replace(out / "index-only", index)
        files = [p for p in index.rglob("*") if p.is_file()]
        print(
            f"the site's index replaced by it: {len(files)} files, "
            f"{sum(p.stat().st_size for p in files) / 1e6:.1f} MB"
        )
    shutil.rmtree(out / "index-only", ignore_errors=True)


def _known_items(content: Path, out: Path, reuse: bool) -> list[tuple[str, str, str]]:
    """The known items, kept in ``out`` for the next run with --skip-build (reading
    100,000 articles takes minutes)."""
    import json

    saved = out / "known-items.json"
    if reuse and saved.is_file():
        return [tuple(item) for item in json.loads(saved.read_text(encoding="utf-8"))]
    items = known_items(content, random.Random(16))
    saved.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return items


def _measure(args, content: Path, site: Path, index: Path, items: list) -> None:
    """Relevance, bytes per query, additions."""
    kinds = defaultdict(int)
    for kind, _, _ in items:
        kinds[kind] += 1
    print(f"\n{len(items)} known-item queries: " + ", ".join(f"{k} {n}" for k, n in kinds.items()))
    engines = {}
    started = time.perf_counter()
    queries = HEAVY + [q for _, q, _ in items]
    answers = {q: search(Index(index), q) for q in queries}  # each with its own files

    def as_the_page(kind: str, query: str) -> list[int]:
        """A mistyped title, or one with words added, as js/search.js asks it when Enter
        sends it: whole, then as typed, then as the words suggest() offers, then for
        the articles with some of the words. The other kinds as typed (as before)."""
        if kind not in ("title, 2 letters swapped", "title, words added"):
            return answers[query].ranked
        for asked in (query + " ", query):
            found = search(Index(index), asked)
            if found.total:
                return found.ranked
        offered = suggest(Index(index), query)
        found = search(Index(index), offered + " ") if offered else None
        if found and found.total:
            return found.ranked
        return search(Index(index), query + " ", some=True).ranked

    address = _urls(index)
    engines["ours"] = [[address[d] for d in as_the_page(k, q)[:100]] for k, q, _ in items]
    print(f"(ours: {time.perf_counter() - started:.1f} s for all queries in Python)")
    if not args.no_pagefind:
        import pagefind_engine

        started = time.perf_counter()
        rankings, pf_bytes = pagefind_engine.pagefind_results(site, [q for _, q, _ in items])
        engines["pagefind"] = rankings
        print(f"(pagefind: {time.perf_counter() - started:.0f} s)")
    print(f"\n{'kind':26} {'engine':9} {'n':>4} {'s@1':>6} {'s@10':>6} {'MRR':>6}")
    for name, rankings in engines.items():
        for kind, (n, s1, s10, mrr) in relevance(rankings, items).items():
            print(f"{kind:26} {name:9} {n:4} {s1:6.3f} {s10:6.3f} {mrr:6.3f}")
    misses = [
        (k, q) for (k, q, u), r in zip(items, engines["ours"], strict=True) if u not in r[:10]
    ]
    if misses:
        print("ours, not in the first ten: " + "; ".join(f"{q!r}" for _, q in misses[:12]))
    if args.misses:
        _print_misses(args.misses, items, engines["ours"])

    print(
        "\nbytes per query, first visit, as GitHub Pages sends them (gzip -9): the engine's"
        f" script and the index files read for the first ten results, and the pages of"
        f" the first {PHONE_RESULTS} results (those on a phone's screen: their snippets)"
    )
    worst = 0
    measured = [(q, *our_bytes(site, answers[q])) for q in queries]
    for query, count, index_bytes, pages, total in measured[: len(HEAVY)]:
        print(
            f"  {query!r:34} {count:4} files {index_bytes / 1024:6.1f} KB index + "
            f"{pages / 1024:5.1f} KB pages for snippets ({total} found)"
        )
    worst_q = max(measured, key=lambda m: m[2])
    worst_all = max(measured, key=lambda m: m[2] + m[3])
    worst = worst_all[2] + worst_all[3]
    mean = sum(m[2] for m in measured) / len(measured)
    mean_all = sum(m[2] + m[3] for m in measured) / len(measured)
    print(
        f"  over all {len(queries)} queries: index mean {mean / 1024:.1f} KB, worst "
        f"{worst_q[2] / 1024:.1f} KB ({worst_q[0]!r}); with the snippet pages mean "
        f"{mean_all / 1024:.1f} KB, worst {worst / 1024:.1f} KB ({worst_all[0]!r})"
    )
    budget = BUDGET.get(args.size)
    if budget:
        verdict = "within" if worst <= budget else "OVER"
        print(f"  budget {budget // 1024} KB: {verdict} (index and snippet pages)")
    if args.browser:
        chosen = HEAVY[:2] + [m[0] for m in sorted(measured, key=lambda m: -m[2] - m[3])[:3]]
        print("  in Chromium, 360x740, served gzipped (bytes received, headers included):")
        arithmetic = {m[0]: m for m in measured}
        for query, kinds, pages in browser_bytes(site, list(dict.fromkeys(chosen))):
            query_kb = sum(v for k, v in kinds.items() if k in QUERY_KINDS) / 1024
            m = arithmetic[query]
            print(
                f"  {query[:40]!r:42} engine+index+article pages {query_kb:6.1f} KB "
                f"({pages} pages; arithmetic {(m[2] + m[3]) / 1024:.1f} KB); "
                + ", ".join(f"{k} {v / 1024:.1f}" for k, v in sorted(kinds.items()))
            )
    if not args.no_pagefind:
        print(
            f"  pagefind: mean {sum(pf_bytes) / len(pf_bytes) / 1024:.1f} KB, worst "
            f"{max(pf_bytes) / 1024:.1f} KB"
        )

    if args.additions:
        added = additions(content, site, args.additions)
        files = [f for f, _ in added]
        seconds = [s for _, s in added]
        print(
            f"\n{len(added)} successive additions: files changed mean "
            f"{sum(files) / len(files):.1f}, max {max(files)}; seconds mean "
            f"{sum(seconds) / len(seconds):.3f}, max {max(seconds):.2f}"
        )


def _print_misses(kind: str, items: list, rankings: list[list[str]]) -> None:
    """Each query of ``kind`` whose article is not first: where it is, and the
    articles above it (their URLs, which are made of their titles)."""
    print(f"\nours, {kind!r} not first:")
    for (k, query, url), ranked in zip(items, rankings, strict=True):
        if k != kind or ranked[:1] == [url]:
            continue
        rank = ranked.index(url) + 1 if url in ranked else 0
        above = ranked[: rank - 1 if rank else 3]
        print(f"  {query!r} -> rank {rank or 'none'} of {url}; above: " + ", ".join(above))


def _urls(index: Path) -> dict[int, str]:
    """Every document's URL, by number."""
    from newsarchive.search import format as fmt

    found = {}
    _, manifest = fmt.read_script((index / "index.js").read_bytes())
    for name, start, size, _ in manifest["segments"]:  # type: ignore[index]
        for chunk in range(-(-size // fmt.DOC_CHUNK)):
            rows = fmt.read_script((index / f"s/{name}/d{chunk}.js").read_bytes())[1]
            for i, row in enumerate(rows):  # type: ignore[arg-type]
                found[start + chunk * fmt.DOC_CHUNK + i] = row[0]
    return found


if __name__ == "__main__":
    sys.exit(main())
