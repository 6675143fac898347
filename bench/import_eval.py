"""How well `import` reads real captured pages: title, date+time, body and category accuracy.

    python3 bench/import_eval.py [FOLDER] [--generic] [--exclude TRUTH.json] [--show N]

FOLDER (default ../shared/import-samples) is searched for .html pages. The truth for a
page comes, in this order, from a `*truth.json` file in FOLDER (keys: paths relative to
FOLDER; fields title, date "YYYY-MM-DD HH:MM" or null, category), from a
`<page>.fundus-expected.json` beside it, or from the page's own Liferay markup read by the
simple reader below (div.asset-full-content-title, div.assetPublishDate, div.tintuc p),
which shares no code with the extractor. A page the truth says is in another language
(the portal's English section) must come back as "not an article".

Body: right when the first words of the article's own text are in the imported body and
neither the site footer's address, the first "Other news" title nor the name of the account
that posted it (Liferay's line under the text, "admin admin") is.

    --generic            read every page with the generic extractor (no site profiles)
    --exclude TRUTH.json leave out the pages listed there (e.g. to measure held-out pages)
    --glob PATTERN       which files to read (default **/*.html)
    --show N             print N failures per field

Figures are from one run on a shared machine: pages per second are noisy.
"""

import argparse
import html
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsarchive.importing.extract import extract, load_profiles
from newsarchive.importing.page import CapturedPage, NotArticle
from newsarchive.importing.profiles import Profiles

REPO = Path(__file__).resolve().parent.parent
# Beside the clone, or beside the folder of worktrees (/work/wt/NAME -> /work/shared).
SAMPLES = next(
    (
        d / "shared" / "import-samples"
        for d in (REPO.parent, REPO.parent.parent)
        if (d / "shared" / "import-samples").is_dir()
    ),
    REPO.parent / "shared" / "import-samples",
)
FIELDS = ("title", "date", "body", "category")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=SAMPLES)
    parser.add_argument("--generic", action="store_true")
    parser.add_argument("--exclude", type=Path)
    parser.add_argument("--glob", default="**/*.html")
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    folder: Path = args.folder
    if not folder.is_dir():
        sys.exit(f"{folder}: no such folder")
    listed = _truth_files(folder)
    excluded = {_tail(k) for k in json.loads(args.exclude.read_text())} if args.exclude else set()
    pages = [p for p in sorted(folder.glob(args.glob)) if p.is_file() and _tail(p) not in excluded]
    profiles = Profiles(()) if args.generic else load_profiles()

    right = {f: 0 for f in FIELDS}
    counted = {f: 0 for f in FIELDS}
    failures: dict[str, list[str]] = {f: [] for f in FIELDS}
    seconds = 0.0
    skipped = []
    for path in pages:
        text = path.read_text(encoding="utf-8", errors="replace")
        truth = listed.get(_tail(path)) or _fundus(path) or read_truth(text)
        if truth is None:
            skipped.append(path)
            continue
        started = time.perf_counter()
        found = extract(CapturedPage(str(path), truth.get("url") or "", text), profiles)
        seconds += time.perf_counter() - started
        if truth.get("language", "vi") != "vi":
            counted["title"] += 1
            ok = isinstance(found, NotArticle)
            right["title"] += ok
            if not ok:
                failures["title"].append(f"{path.name}: another language, imported anyway")
            continue
        got = _fields(found)
        checks = {
            "title": (got["title"] == _norm(truth["title"]), got["title"], truth["title"]),
            "date": (got["date"] == truth["date"], got["date"], truth["date"]),
            "category": (
                got["category"] == _norm(truth.get("category") or ""),
                got["category"],
                truth.get("category"),
            ),
        }
        if truth.get("first_words"):
            # Spaces aside: the simple reader puts one at every tag, a browser does not.
            body = _squeezed(html.unescape(got["body"]))  # Markdown escapes & and <
            present = _squeezed(truth["first_words"]) in body
            leaked = [t for t in truth.get("not_body", []) if t and _squeezed(t) in body]
            expected = (truth["first_words"], leaked)
            checks["body"] = (present and not leaked, got["body"][:80], expected)
        if "category" not in truth:
            del checks["category"]
        for field, (ok, value, expected) in checks.items():
            counted[field] += 1
            right[field] += ok
            if not ok:
                failures[field].append(f"{path.relative_to(folder)}: {value!r} != {expected!r}")

    read = len(pages) - len(skipped)
    print(f"{read} pages read from {folder} ({len(skipped)} without truth left out)")
    print(f"extractor: {'generic (trafilatura)' if args.generic else 'site profiles'}")
    for field in FIELDS:
        if counted[field]:
            share = 100 * right[field] / counted[field]
            print(f"  {field:9} {right[field]:4}/{counted[field]:<4} {share:6.1f}%")
    if seconds:
        print(f"  speed     {read / seconds:.0f} pages/s (extraction only, one core)")
    for field in FIELDS:
        for line in failures[field][: args.show]:
            print(f"  wrong {field}: {line}")


def _truth_files(folder: Path) -> dict[str, dict]:
    truth = {}
    for path in folder.glob("*truth.json"):
        for key, value in json.loads(path.read_text(encoding="utf-8")).items():
            truth[_tail(key)] = value
    for path in folder.rglob("*.html"):
        if _tail(path) in truth:
            own = read_truth(path.read_text(encoding="utf-8", errors="replace")) or {}
            for field in ("first_words", "not_body"):
                truth[_tail(path)][field] = own.get(field)
    return truth


def _tail(path: str | Path) -> str:
    """The part of a mirror path that names the page: <category>/-/view_content/<file>."""
    return "/".join(Path(path).parts[-4:])


def _fundus(path: Path) -> dict | None:
    expected = path.with_name(path.name.removesuffix(".html") + ".fundus-expected.json")
    if not expected.exists():
        return None
    data = next(iter(json.loads(expected.read_text(encoding="utf-8")).values()))
    source = path.read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', source)
    first = (data["body"].get("summary") or data["body"]["sections"][0]["paragraphs"])[0]
    return {
        "title": data["title"],
        "date": data["publishing_date"][:16],
        "url": canonical.group(1) if canonical else "",
        "first_words": " ".join(first.split()[:8]),
        "not_body": [],
    }


# The simple reader: regular expressions over the page's own Liferay markup.
_TITLE = re.compile(r'<div class="asset-full-content-title">(.*?)</div>', re.S)
_DATE = re.compile(r'<div class="assetPublishDate[^"]*">(.*?)</div>', re.S)
_CLOCK = re.compile(r"(\d{2})/(\d{2})/(\d{4}) \| (\d{1,2}):(\d{2}) (AM|PM)")
_CATEGORY = re.compile(r'<span class="tintuc"><p>(.*?)</p>', re.S)
_MIRRORED = re.compile(r"<!-- Mirrored from (\S+) by HTTrack")
_ARTICLE = re.compile(
    r'<div class="asset-content"(.*?)'
    r'<(?:p align="right" class="view-content-author"'
    r'|div class="(?:asset-control-detail|related_asset)")',
    re.S,
)
# The account that posted the article, printed under its text: not the article's text.
_UPLOADER = re.compile(r'<p align="right" class="view-content-author">(.*?)</p>', re.S)
_RELATED = re.compile(r'<ul class="related_asset_list">\s*<li><a [^>]*>(.*?)</a>', re.S)
_HIDDEN = re.compile(r"<!--.*?-->|<(style|script)\b.*?</\1>", re.S | re.I)
_FOOTER = re.compile(r'<div class="footleft">.*?<p>(.*?)</p>', re.S)


def read_truth(page: str) -> dict | None:
    title = _TITLE.search(page)
    if title is None:
        return None
    truth: dict = {"title": _text(title.group(1))}
    date = _DATE.search(page)
    clock = _CLOCK.search(_text(date.group(1))) if date else None
    truth["date"] = None
    if clock:
        d, m, y, hour, minute, half = clock.groups()
        hour = int(hour) % 12 + (12 if half == "PM" else 0)
        truth["date"] = f"{y}-{m}-{d} {hour:02}:{minute}"
    category = _CATEGORY.search(page)
    truth["category"] = _text(category.group(1)) if category else ""
    mirrored = _MIRRORED.search(page)
    truth["url"] = "https://" + mirrored.group(1) if mirrored else ""
    article = _ARTICLE.search(page)
    words = _text(article.group(1).split(">", 1)[1]).split() if article else []
    if words:
        truth["first_words"] = " ".join(words[:8])
    related, footer, uploader = _RELATED.search(page), _FOOTER.search(page), _UPLOADER.search(page)
    truth["not_body"] = [_text(m.group(1)) for m in (related, footer, uploader) if m]
    if "/sotttt-eng/" in truth["url"]:
        truth["language"] = "en"
    return truth


def _text(fragment: str) -> str:
    """What a browser shows of the fragment (not its comments, styles or scripts)."""
    fragment = _HIDDEN.sub(" ", fragment)
    text = html.unescape(re.sub(r"<[^>]+>", " ", fragment))
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _fields(found) -> dict[str, str]:
    if isinstance(found, NotArticle):
        title = f"(not an article: {found.reason})"
        return {"title": title, "date": "-", "body": "", "category": "-"}
    published = found.published.strftime("%Y-%m-%d %H:%M") if found.published else None
    return {
        "title": _norm(found.title),
        "date": published,
        "body": found.body,
        "category": _norm(found.category),
    }


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _squeezed(text: str) -> str:
    return _plain(text).replace(" ", "")


def _plain(text: str) -> str:
    """Text without Markdown's marks and addresses, to compare words."""
    text = re.sub(r"\]\([^)]*\)", " ", text)
    text = re.sub(r"[*_\\\[\]#|>]|<br>", " ", text)
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


if __name__ == "__main__":
    main()
