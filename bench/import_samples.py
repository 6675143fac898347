"""How faithfully `import` brings the real samples home as they were captured.

    python3 bench/import_samples.py [--show N]

As a new archivist would (README, "Archiving a portal"): a fresh site (this repository's
site.yaml, templates/ and static/), `import` of ../shared/import-samples/sotttt-mirror as
it is (an HTTrack mirror copied without its hts-cache/ and without its pictures), then
`build`; and each single page (A-H) imported alone into a fresh site of its own. Every
article is compared with sotttt-truth.json (title, date, category, old address) and with
its page (author, every piece of text, captions among it, images shown, attachments
linked, tables); VnExpress's page G with fundus's expected extraction beside it. A
picture or file the capture lacks can only be linked at its old address: the figures say
how many are shown at the portal's address, at an address HTTrack or wget made up (the
portal never had it: a name with the query's MD5 HTTrack gave a file whose address a
mirror without hts-cache/ does not tell, or a picture's name with .html, which the portal
answered with a page), or copied.

Everything is written under bench/work/import-samples/.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from import_eval import SAMPLES  # found as import_eval finds them
from import_fidelity import (
    ADDED,
    ARTICLE,
    FILE_LIKE,
    MIRRORED,
    UPLOADER,
    _abs,
    _clock24,
    _pieces,
    _squeezed,
    _text,
    make_site,
)
from selectolax.lexbor import LexborHTMLParser

from newsarchive.httracknames import httrack_named  # import_eval puts the repository first
from newsarchive.importing.crawl import saved_as_page

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work" / "import-samples"
BUILD = [sys.executable, str(REPO / "build.py")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=3, help="problems to print per kind")
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    truth = json.loads((SAMPLES / "sotttt-truth.json").read_text(encoding="utf-8"))
    tally: Counter[str] = Counter()
    problems: dict[str, list[str]] = {}
    site = make_site(WORK / "site-mirror")
    _run([*BUILD, "import", str(SAMPLES / "sotttt-mirror")], site)
    _run([*BUILD, "build"], site)
    for rel, expected in truth.items():
        page = SAMPLES / "sotttt-mirror" / rel
        _compare(site, page, expected, tally, problems)
    for page in sorted(SAMPLES.glob("[A-FH]-*.html")):
        site = make_site(WORK / f"site-{page.name[0]}")
        extra = ["--all-languages"] if "-eng-" in page.name else []
        _run([*BUILD, "import", str(page), *extra], site)
        _run([*BUILD, "build"], site)
        _compare(site, page, None, tally, problems)
    _vnexpress(tally, problems)
    kinds = sorted({k.rsplit(" ", 1)[0] for k in tally if k.endswith((" ok", " bad"))})
    print("kind                      faithful / checked")
    for kind in kinds:
        good, seen = tally[f"{kind} ok"], tally[f"{kind} ok"] + tally[f"{kind} bad"]
        print(f"  {kind:<24} {good:>4} / {seen}")
        for problem in problems.get(kind, [])[: args.show]:
            print(f"      {problem}")
    for key in sorted(k for k in tally if not k.endswith((" ok", " bad"))):
        print(f"  {key}: {tally[key]}")


def _run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some pages failed, which the figures show
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    (cwd / f"{command[2]}.log").write_text(done.stdout + done.stderr, encoding="utf-8")


def _check(kind, ok, detail, tally, problems) -> None:
    tally[f"{kind} {'ok' if ok else 'bad'}"] += 1
    if not ok:
        problems.setdefault(kind, []).append(detail)


def _compare(site: Path, path: Path, truth: dict | None, tally, problems) -> None:
    """One Liferay page against its article as built."""
    text = path.read_text(encoding="utf-8")
    url = "https://" + MIRRORED.search(text).group(1).replace("&amp;", "&")
    page = LexborHTMLParser(ADDED.sub("", text))
    short = path.name[:40]
    truth = truth or {
        "title": _text(page.css_first("div.asset-full-content-title")),
        "date": _date(_text(page.css_first("div.assetPublishDate"))),
        "category": _text(page.css_first("div.dd_chuyenmuc span.tintuc"))
        or _text(page.css_first("#p_p_id_101_ span.portlet-title-text")),
        "url": url,
    }
    lines = [json.loads(x) for x in (site / "import-report.jsonl").read_text().splitlines()]
    line = next((x for x in lines if x["input"].endswith(path.name)), None)
    if not truth["date"]:
        tally["undated page (fails, to import with --date)"] += 1
        return
    imported = line is not None and line["outcome"] == "imported"
    _check("imported", imported, f"{short}: {line and line['reason']}", tally, problems)
    if not imported:
        return
    built, shown, when = _built(site, line)
    _check("title", shown == truth["title"], f"{short}: {shown!r}", tally, problems)
    day, _, clock = truth["date"].partition(" ")
    wanted = "/".join(reversed(day.split("-"))) + ("" if clock == "00:00" else "|" + clock)
    _check("date", when == wanted, f"{short}: {when} for {wanted}", tally, problems)
    category = _front(site / line["file"]).get("category", "")
    ok = category.casefold() == truth["category"].casefold()
    _check("category", ok, f"{short}: {category!r} for {truth['category']!r}", tally, problems)
    _alias(site, truth["url"], short, tally, problems)
    # What the page shows around the article and is not its text: the first "Other
    # news" title, the footer's address.
    around = [_text(page.css_first(s)) for s in ("ul.related_asset_list li a", "div.footleft p")]
    article = page.css_first(ARTICLE)
    uploader = _text(article.css_first(UPLOADER))
    for node in article.css(UPLOADER):
        node.decompose()
    byline = _text(built.css_first("article [itemprop=author]"))
    person = uploader if re.search(r"[^\x00-\x7f]", uploader) else ""  # Phạm Văn Linh
    _check("author", byline == person, f"{short}: {byline!r} for {uploader!r}", tally, problems)
    body = built.css_first("div.article-body")
    squeezed = _squeezed(body.text(separator=" "))
    for piece in [t for t in _pieces(article) if len(t.split()) >= 2]:
        kind = "caption" if _is_caption(article, piece) else "text"
        _check(kind, _squeezed(piece) in squeezed, f"{short}: {piece[:60]!r}", tally, problems)
    leaked = [t for t in around if t and _squeezed(t) in squeezed]
    _check("nothing else", not leaked, f"{short}: {leaked[:1]}", tally, problems)
    ok = len(body.css("table")) == len(article.css("table"))
    _check("tables", ok, f"{short}: {len(body.css('table'))} tables", tally, problems)
    _media(url, article, body, short, tally, problems)


def _built(site: Path, line: dict) -> tuple[LexborHTMLParser, str, str]:
    """The built page of an imported article, its title and its date as shown."""
    out = site / "_site" / Path(line["file"]).relative_to("content").with_suffix("")
    built = LexborHTMLParser((out / "index.html").read_text(encoding="utf-8"))
    when = _text(built.css_first("article time")).replace(" ", "")
    return built, _text(built.css_first("article h1")), when


def _front(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def _date(printed: str) -> str:
    """ "07/10/2016 | 4:53 PM" as sotttt-truth.json writes it: "2016-10-07 16:53"."""
    day_clock = _clock24(printed)
    if "|" not in day_clock:
        return ""
    day, clock = day_clock.split("|")
    return "-".join(reversed(day.split("/"))) + " " + clock


def _is_caption(article, piece: str) -> bool:
    """A line in italics right after a picture, as the portal's editors wrote captions."""
    for node in article.css("em, i"):
        if " ".join(node.text().split()) == piece:
            before = node.parent.prev if node.parent is not None else None
            while before is not None and not (before.text() or "").strip() and before.tag:
                if before.css_first("img") is not None or before.tag == "img":
                    return True
                before = before.prev
    return False


def _alias(site: Path, url: str, short: str, tally, problems) -> None:
    address = urlsplit(url.split("?redirect=")[0])  # not part of the address (README)
    if address.query:
        tally["old address with a query (no static page can answer it)"] += 1
        return
    alias = site / "_site" / unquote(address.path).lstrip("/")
    ok = alias.is_file() or (alias / "index.html").is_file()
    _check("old address kept", ok, f"{short}: no page at {address.path}", tally, problems)


def _media(url: str, article, body, short: str, tally, problems) -> None:
    """Each picture and attachment of the page, shown or linked in the built article."""
    # An address written with other escapes (%20 for a space, %28 for "(") is the same.
    shown = [unquote(n.attrs.get("src") or "") for n in body.css("img")]
    linked = {unquote(n.attrs.get("href") or "") for n in body.css("a")}
    for kind, nodes, attribute, found in (
        ("image", article.css("img"), "src", shown),
        ("attachment", article.css("a[href]"), "href", linked),
    ):
        for node in nodes:
            raw = (node.attrs.get(attribute) or "").strip()
            portal = unquote(_abs(url, raw))
            if kind == "attachment" and not FILE_LIKE.search(urlsplit(portal).path + "?"):
                continue
            where = _where(url, raw, found)
            _check(kind, bool(where), f"{short}: {raw[:70]}", tally, problems)
            if where:
                tally[f"{kind}s shown at {where}"] += 1


def _where(url: str, raw: str, found) -> str:
    """Where the built article shows the picture or file the page at ``url`` links as
    ``raw``, of the links ``found`` in it: at the portal's address, at an address HTTrack
    or wget made up (httracknames' and the importer's own rule: the portal never had it),
    copied, or "" (not shown)."""
    portal = unquote(_abs(url, raw))
    as_written = unquote(urljoin(url, raw))
    if raw.startswith("data:"):
        return "copied" if any("/media/" in f for f in found) else ""
    at = portal if portal in found else as_written if as_written in found else ""
    if at:
        made_up = at != portal or httrack_named(at) or saved_as_page(at)
        return "an address HTTrack or wget made up" if made_up else "portal's address"
    name = raw.rsplit("/")[-1][:8].lower()
    return "copied" if any("/media/" in f and name in f for f in found) else ""


def _vnexpress(tally, problems) -> None:
    page = SAMPLES / "G-vnexpress-4954454.html"
    expected = json.loads(page.with_suffix(".fundus-expected.json").read_text())["V1"]
    site = make_site(WORK / "site-G")
    url = "https://vnexpress.net/dau-bung-keo-dai-phat-hien-ung-thu-lymphoma-ruot-non-4954454.html"
    _run([*BUILD, "import", str(page), "--source-url", url], site)
    _run([*BUILD, "build"], site)
    line = json.loads((site / "import-report.jsonl").read_text().splitlines()[0])
    short = page.name
    _check("imported", line["outcome"] == "imported", f"{short}: {line['reason']}", tally, problems)
    if line["outcome"] != "imported":
        return
    built, title, when = _built(site, line)
    _check("title", title == expected["title"], f"{short}: {title!r}", tally, problems)
    day = expected["publishing_date"][:10].split("-")
    wanted = "/".join(reversed(day)) + "|" + expected["publishing_date"][11:16]
    _check("date", when == wanted, f"{short}: {when} for {wanted}", tally, problems)
    byline = _text(built.css_first("article [itemprop=author]"))
    ok = byline == ", ".join(expected["authors"])
    _check("author", ok, f"{short}: {byline!r}", tally, problems)
    body = _squeezed(built.css_first("div.article-body").text(separator=" "))
    for piece in expected["body"]["summary"] + expected["body"]["sections"][0]["paragraphs"]:
        _check("text", _squeezed(piece) in body, f"{short}: {piece[:60]!r}", tally, problems)
    for image in expected["images"]:
        ok = _squeezed(image["caption"]) in body
        _check("caption", ok, f"{short}: {image['caption']!r}", tally, problems)
    front = (site / line["file"]).read_text(encoding="utf-8")
    for topic in expected["topics"]:
        _check("tag", topic in front, f"{short}: {topic!r}", tally, problems)
    _check(
        "image", bool(line["media_missing"]), f"{short}: {line['media_missing']}", tally, problems
    )


if __name__ == "__main__":
    main()
