"""Pagefind as the search engine newsarchive used until issue 16, for bench/search.py.

    python bench/pagefind_engine.py SITE_DIR "hai ba trung" "dinh thi lan duyen" ...

The built site no longer carries Pagefind's records, so this module remakes them from
the site's article pages exactly as templates/article.html wrote them before (on main
before issue 16): a hidden block holding the search tokens of the title's words (weight
7), then those of the text's other words, most common words first, and the title and
lead as metadata for display. The token scheme (folded and exact tokens, `đ` -> `d`, one
tone placement) is a frozen copy of what newsarchive/folding.py held then, so the
comparison stays what it was whatever the new engine does with folding.py.

Pagefind's binary (from the `pagefind[bin]` package, in the [test] extra) indexes the
records; the index is served on 127.0.0.1 and each query runs in headless Chromium
through `pagefind.search(...)`, as the old static/js/search.js asked it: the articles
with every word in the spelling typed first, then (when those do not fill a page of
ten, or for the full ranking) those with other spellings.

Bytes per query: each query runs in a fresh browser context (an empty cache, as a first
visit). Every Pagefind file fetched until the first page of ten results is shown (its
JS, WebAssembly, entry, metadata, index chunks, and the fragments of the ten results
shown) is counted as GitHub Pages sends it: JS and JSON gzipped (level 9, as
bench/search.py does), Pagefind's own files as they are (they are gzip files already).
The search page and its own script are not counted. What the full ranking fetches after
the first page is not counted either: a reader gets it only by asking for more.
"""

import contextlib
import gzip
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for _path in (str(REPO), str(REPO / "tests")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from serving import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

from newsarchive import urls  # noqa: E402

PAGE_SIZE = 10
BUNDLE = "pagefind"
# As the old static/js/search.js set them: the title counts through its weighted tokens
# (metadata is for display only), and a record holds each word once, so its length is a
# weak signal.
RANKING = {"metaWeights": {"title": 0, "lead": 0, "date": 0}, "pageLength": 0.3}
# Files Pagefind writes compressed already; anything else (its JS, JSON) Pages gzips.
PRECOMPRESSED = (".pf_meta", ".pf_index", ".pf_fragment", ".pagefind")

# -- The token scheme of newsarchive/folding.py before issue 16 (frozen copy) --

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_MARK_LETTERS = {
    "\u0306": "b",
    "\u0302": "c",
    "\u031b": "h",
    "\u0300": "f",
    "\u0301": "s",
    "\u0309": "r",
    "\u0303": "x",
    "\u0323": "j",
}
_POSITIONS = "aegiklmnpqtuvwy"
_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"[0-9]+")
_VARIABLE_ENDING = re.compile(r"(?<!q)(?:oa|oe|uy)$")


@cache
def _canonical_tone(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONES]
    if len(tones) == 1:
        base = "".join(ch for ch in decomposed if ch not in _TONES)
        ending = _VARIABLE_ENDING.search(base)
        if ending:
            first = ending.start() + 1
            decomposed = base[:first] + tones[0] + base[first:]
    return unicodedata.normalize("NFC", decomposed)


def _spellings(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def words(text: str) -> list[str]:
    return [_canonical_tone(word) for word in _spellings(text)]


def _bare_and_marks(word: str) -> tuple[str, str]:
    bare, marks = [], []
    for index, char in enumerate(word):
        position = _POSITIONS[min(index, len(_POSITIONS) - 1)]
        if char == "đ":
            bare.append("d")
            marks.append(position + "d")
            continue
        decomposed = unicodedata.normalize("NFD", char)
        bare.append(decomposed[0])
        if decomposed[1:]:
            marks.append(position + "".join(_MARK_LETTERS.get(m, "o") for m in decomposed[1:]))
    return "".join(bare), "".join(marks)


@cache
def folded_token(word: str) -> str:
    bare = _bare_and_marks(word)[0]
    return bare if _NUMBER.fullmatch(bare) else f"z{bare}z"


@cache
def exact_token(word: str) -> str:
    marks = _bare_and_marks(word)[1]
    return f"{folded_token(word)}{marks}z" if marks else folded_token(word)


# The commit whose newsarchive/common_words.txt the records were made with (the file
# left the package with Pagefind; git keeps it).
COMMON_WORDS_AT = "53c3fb9"


@cache
def _common_ranks() -> dict[str, int]:
    """Rank of each of the most frequent Vietnamese words, as main's records used it."""
    shown = subprocess.run(
        ["git", "show", f"{COMMON_WORDS_AT}:newsarchive/common_words.txt"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if shown.returncode != 0:
        # Only the index's size depends on it (common words first compress better).
        print(f"(no common_words.txt at {COMMON_WORDS_AT}: records in text order)")
    ranks: dict[str, int] = {}
    lines = [line for line in shown.stdout.splitlines() if line and not line.startswith("#")]
    for rank, line in enumerate(lines):
        for form in words(line):
            ranks.setdefault(form, rank)
    return ranks


def search_words(text: str, leave_out: str = "") -> str:
    """The tokens of each distinct word once, most common words first (see the
    docstring of folding.search_words on main)."""
    left_out = set(words(leave_out))
    spellings = dict.fromkeys(_spellings(text))
    found = dict.fromkeys(w for w in map(_canonical_tone, spellings) if w not in left_out)
    common = _common_ranks()
    ordered = sorted(found, key=lambda word: common.get(word, len(common)))
    tokens = (token for word in ordered for token in (folded_token(word), exact_token(word)))
    return " ".join(dict.fromkeys(tokens))


def query_terms(query: str) -> tuple[list[str], list[str]]:
    """The exact and folded tokens of a query's distinct words (old search.js)."""
    typed = list(dict.fromkeys(words(query)))
    return [exact_token(w) for w in typed], [folded_token(w) for w in typed]


# -- Records, index, queries --


def _article(page: Path) -> tuple[str, str, str, str] | None:
    """Title, date, lead and body text of a built article page; None for other pages."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
    body = tree.css_first(".article-body")
    title = tree.css_first("article h1")
    if body is None or title is None:
        return None
    time = tree.css_first(".article-date time")
    date = time.text().split("|")[0].strip() if time else ""
    description = tree.css_first('meta[name="description"]')
    lead = (description.attributes.get("content") or "") if description else ""
    return title.text(), date, lead, " ".join(body.text(separator=" ").split())


def _record(title: str, date: str, lead: str, text: str) -> str:
    e = html.escape
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title></title></head>'
        f'<body><div data-pagefind-body data-pagefind-meta="date:{e(date)}">'
        f'<p data-pagefind-weight="7">{e(search_words(title))}</p>'
        f"<p>{e(search_words(text, title))}</p>"
        f'<p data-pagefind-ignore data-pagefind-meta="title">{e(title)}</p>'
        f'<p data-pagefind-ignore data-pagefind-meta="lead">{e(lead)}</p>'
        "</div></body></html>\n"
    )


def write_records(site_dir: Path, records: Path) -> int:
    """One record page per article page of the built site, at the article's path."""
    count = 0
    for page in sorted(site_dir.glob(urls.article_glob())):
        found = _article(page)
        if found is None:
            continue
        target = records / page.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_record(*found), encoding="utf-8")
        count += 1
    return count


def build_index(records: Path, bundle: Path) -> None:
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        sys.exit("Pagefind's binary is missing: python3 -m pip install 'pagefind[bin]'")
    command = [str(executable), "--site", str(records), "--output-path", str(bundle)]
    done = subprocess.run([*command, "--silent"], capture_output=True, text=True)
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        sys.exit(f"pagefind failed ({' '.join(command)}):\n{done.stdout}{done.stderr}")


# The old search page's order: every word in the spelling typed, then (if they do not
# fill a page) in any spelling; the results shown load their fragments. What was fetched
# by then is what a first visit costs (Pagefind fetches from a worker too, so the
# requests are watched from Playwright). REST_JS then completes the ranking, uncounted.
FIRST_PAGE_JS = """
async ([library, exact, folded, pageSize, ranking]) => {
  const pagefind = await import(library);
  await pagefind.options({ ranking });
  async function withAll(terms) {
    if (!terms.length) return [];
    const alone = await Promise.all(terms.map((term) => pagefind.search(term)));
    if (alone.some((search) => search.results.length === 0)) return [];
    return terms.length === 1 ? alone[0].results : (await pagefind.search(terms.join(" "))).results;
  }
  const state = { results: [], othersPending: exact.some((term, i) => term !== folded[i]) };
  state.addOthers = async () => {
    state.othersPending = false;
    const listed = new Set(state.results.map((r) => r.id));
    const others = await withAll(folded);
    state.results = state.results.concat(others.filter((r) => !listed.has(r.id)));
  };
  state.results = await withAll(state.othersPending ? exact : folded);
  if (state.othersPending && state.results.length < pageSize) await state.addOthers();
  await Promise.all(state.results.slice(0, pageSize).map((r) => r.data()));
  window.benchState = state;
}
"""
REST_JS = """
async () => {
  const state = window.benchState;
  if (state.othersPending) await state.addOthers();
  return state.results.map((r) => r.id);
}
"""


def sent_size(path: Path) -> int:
    """Bytes GitHub Pages sends for the file: gzip for JS and JSON, as is for the rest."""
    if path.name.endswith(PRECOMPRESSED):
        return path.stat().st_size
    return len(gzip.compress(path.read_bytes(), mtime=0))


def article_urls(bundle: Path) -> dict[str, str]:
    """Pagefind's result ids -> site-relative article URLs ("2019/04/slug/", as urls.py
    writes them). A result's URL is in its fragment, which the page fetches only for the
    results it shows; the fragment's file is named by the id."""
    found = {}
    for fragment in bundle.glob("fragment/*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[fragment.stem] = data["url"].lstrip("/")
    return found


@contextlib.contextmanager
def _served_index(site_dir: Path) -> Iterator[tuple[Path, str]]:
    with tempfile.TemporaryDirectory(prefix="pagefind-bench-") as temp:
        work = Path(temp)
        records, served = work / "records", work / "served"
        if write_records(site_dir, records) == 0:
            sys.exit(f"no article pages in {site_dir} (is it a built site?)")
        build_index(records, served / BUNDLE)
        (served / "index.html").write_text(
            '<!DOCTYPE html><html lang="vi"><meta charset="utf-8"><title>bench</title>\n',
            encoding="utf-8",
        )
        with serve(served) as address:
            yield served, address
        shutil.rmtree(records, ignore_errors=True)


def pagefind_results(site_dir: Path, queries: list[str]) -> tuple[list[list[str]], list[int]]:
    """For each query, Pagefind's ranked article URLs (site-relative, as urls.py writes
    them) and the bytes a first visit fetches to show its first ten results."""
    from playwright.sync_api import sync_playwright

    ranked: list[list[str]] = []
    sent: list[int] = []
    with _served_index(site_dir) as (served, address), sync_playwright() as p:
        pages = article_urls(served / BUNDLE)
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            for query in queries:
                context = browser.new_context()  # an empty cache: a first visit
                page = context.new_page()
                page.goto(address)
                fetched: list[str] = []
                page.on("request", lambda request, fetched=fetched: fetched.append(request.url))
                exact, folded = query_terms(query)
                library = f"{address}{BUNDLE}/pagefind.js"
                page.evaluate(FIRST_PAGE_JS, [library, exact, folded, PAGE_SIZE, RANKING])
                prefix = f"{address}{BUNDLE}/"
                files = {
                    served / url.split("?")[0].removeprefix(address)
                    for url in fetched
                    if url.startswith(prefix)
                }
                sent.append(sum(sent_size(path) for path in files))
                ranked.append([pages[id] for id in page.evaluate(REST_JS)])
                context.close()
        finally:
            browser.close()
    return ranked, sent


def main() -> int:
    if len(sys.argv) < 3:
        sys.exit(__doc__.split("\n\n")[1])
    site_dir = Path(sys.argv[1])
    queries = sys.argv[2:]
    ranked, sent = pagefind_results(site_dir, queries)
    for query, urls_found, size in zip(queries, ranked, sent, strict=True):
        top = ", ".join(urls_found[:3]) or "(none)"
        print(f"{query!r:30} {len(urls_found):5} found  {size / 1024:6.1f} KB  top: {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
