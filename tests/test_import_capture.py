"""`import` of whole crawls: mirror folders (HTTrack, wget), WARC and WACZ files.

Every test imports with the real command line into a real site, then reads the written
articles, builds the site and follows its links."""

import base64
import errno
import functools
import gzip
import hashlib
import io
import json
import os
import re
import shlex
import shutil
import struct
import subprocess
import sys
import unicodedata
import zipfile
import zlib
from dataclasses import replace
from html import escape as html_escape
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from capture_fixtures import (
    HOST,
    HTTRACK_INDEX,
    HTTRACK_MOVED,
    JPEG,
    LOGIN_PAGE,
    PDF,
    Item,
    Response,
    brotli_stored,
    httrack_tree,
    items,
    page_html,
    wacz_bytes,
    warc_bytes,
    warc_of,
    wget_tree,
    windows_1258,
    write_file,
)
from conftest import REPO, SHARED, SUBPROCESS_ENV, tree
from serving import serve

SAMPLES = SHARED / "import-samples"


def run(site, *args: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), *map(str, args)],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )


def run_import(site, *args: object) -> subprocess.CompletedProcess:
    result = run(site, "import", *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def noted(err: str, kind: str, detail: str) -> bool:
    """Whether the import's notes say ``kind`` of ``detail``: on a line of its own, or on
    a line under the kind's heading with the others of that kind (report.grouped_notes)."""
    if f"{kind}: {detail}" in err:
        return True
    _, heading, after = err.partition(f"note: {kind} (")
    lines = after.splitlines()[1:] if heading else []
    under = [line for line in lines[: next((n for n, x in enumerate(lines) if x[:1] != " "), None)]]
    return any(line.strip() == detail or line.endswith(f": {detail}") for line in under)


def articles(site) -> dict[str, dict]:
    """The written articles by their path under content/: front matter and body."""
    found = {}
    for path in sorted(site.content.rglob("*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
        found[path.relative_to(site.content).as_posix()] = {
            **yaml.safe_load(head),
            "body": body,
        }
    return found


def by_source(site) -> dict[str, dict]:
    return {a["source_url"]: {**a, "file": k} for k, a in articles(site).items()}


def report(site) -> list[dict]:
    lines = (site.root / "import-report.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def summary(result: subprocess.CompletedProcess) -> dict[str, int]:
    """The counts of the summary line: pages seen, imported, not articles..."""
    line = next(x for x in result.stdout.splitlines() if x.startswith("Pages seen:"))
    return {k.strip(): int(v) for k, v in re.findall(r"([a-z ]+): (\d+)", line.lower())}


def portal_with_media(count: int = 3) -> tuple[list[Item], dict[str, bytes]]:
    portal = items(count)
    first = portal[0]
    portal[0] = Item(first.article_id, first.title, first.day, image=first.image,
                     attachment="/documents/10180/0/ke-hoach-2016.pdf")  # fmt: skip
    media = {item.image: JPEG + str(n).encode() for n, item in enumerate(portal)}
    media[portal[0].attachment] = PDF
    return portal, media


def page_of(site, article_file: str) -> BeautifulSoup:
    url = article_file.removesuffix(".md") + "/index.html"
    return BeautifulSoup(site.read(url), "html.parser")


# --- folders -------------------------------------------------------------------------


def test_an_httrack_mirror_imports_with_its_addresses_aliases_and_media(site, tmp_path):
    portal, media = portal_with_media()
    mirror = httrack_tree(tmp_path / "httrack", portal, media)
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    counts = summary(result)
    assert counts["pages seen"] == 3 and counts["imported"] == 3 and counts["failed"] == 0

    written = by_source(site)
    assert sorted(written) == sorted(i.url for i in portal)  # from the HTTrack comment
    for item in portal:
        assert written[item.url]["aliases"] == [item.path]

    # Images and the attachment are copied, once each, and the body links to the copies.
    copies = sorted(p for p in (site.root / "static" / "media").rglob("*") if p.is_file())
    assert sorted(p.read_bytes() for p in copies) == sorted(media.values())
    assert all(re.fullmatch(r"[0-9a-f]{16}-[a-z0-9-]+\.(jpg|pdf)", p.name) for p in copies)
    assert all(p.parent.name == p.name[:2] for p in copies)
    for item in portal:
        assert HOST not in written[item.url]["body"], written[item.url]["body"]

    assert site.build() == 0
    for item in portal:
        page = page_of(site, written[item.url]["file"])
        image = page.select_one(".article-body img")
        target = site.output / written[item.url]["file"].removesuffix(".md") / image["src"]
        assert target.resolve().read_bytes() == media[item.image]
    pdf = page_of(site, written[portal[0].url]["file"]).select_one(".article-body a[href$='.pdf']")
    assert pdf.get_text() == "Kế hoạch (PDF)"
    # The old address answers with a page that leads to the article.
    redirect = BeautifulSoup(site.read(portal[1].path.lstrip("/")), "html.parser")
    assert redirect.select_one("link[rel=canonical]")["href"].endswith(
        written[portal[1].url]["file"].removesuffix(".md") + "/"
    )


@pytest.mark.parametrize("shape", ["httrack", "wget", "warc"])
def test_a_crawl_of_the_portal_whose_domain_the_archive_is_served_at_keeps_its_addresses(
    site, tmp_path, shape
):
    """The README says to serve the archive at the old domain, so that old links keep
    working: an archivist writes that domain as base_url. Every address of the crawl then
    began with base_url and was taken for a page of the archive itself: the 39 articles of
    the sotttt mirror had no source_url and no alias, their pictures and attachments (80
    links) were left out as relative addresses leading nowhere, and the note said the
    pages stated no address, under HTTrack's comment giving it."""
    site.configure(base_url=f"https://{HOST}/", original_site=f"https://{HOST}/")
    portal, media = portal_with_media()
    if shape == "httrack":
        crawl = httrack_tree(tmp_path / "httrack", portal, media)
    elif shape == "wget":
        crawl = wget_tree(tmp_path / "wget", portal, media)
    else:
        crawl = tmp_path / "crawl.warc.gz"
        crawl.write_bytes(warc_bytes(portal, media, {}))
    result = run_import(site, crawl)
    assert result.returncode == 0, result.stderr
    assert "does not say its original address" not in result.stderr
    written = by_source(site)
    assert sorted(written) == sorted(i.url for i in portal)
    for item in portal:  # (and, from a wget tree, its name without .html: README)
        assert item.path in written[item.url]["aliases"]
    copies = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert sorted(p.read_bytes() for p in copies) == sorted(media.values())
    assert site.build() == 0
    pdf = page_of(site, written[portal[0].url]["file"]).select_one(".article-body a[href$='.pdf']")
    assert pdf is not None and pdf.get_text() == "Kế hoạch (PDF)"
    redirect = BeautifulSoup(site.read(portal[1].path.lstrip("/")), "html.parser")
    assert redirect.select_one("link[rel=canonical]")["href"].endswith(
        written[portal[1].url]["file"].removesuffix(".md") + "/"
    )


def test_an_httrack_link_to_a_page_whose_address_has_a_query_leads_to_its_copy(site, tmp_path):
    """HTTrack saves the page of an address with a query under the name without its
    extension, the first 4 hex digits of the query's MD5 and .html, and links it so with
    the query after it (the sotttt mirror's chien-luoc-quy-hoach84a0.html?p_p_id=…, the
    page of /chien-luoc-quy-hoach?p_p_id=…): the link was read as the address
    /tin-tuc/chi-tiet1a2b.html?ItemID=5, which the portal never had, and the built page
    linked there, not to the archive's copy of the article it leads to."""
    listed = Item(760040, "Hội nghị triển khai nhiệm vụ năm 2021", "04/01/2021")
    linked = Item(760041, "Kế hoạch cải cách hành chính năm 2021", "05/01/2021")
    query = "ItemID=5&mid=72"
    saved = f"/tin-tuc/chi-tiet{hashlib.md5(query.encode()).hexdigest()[:4]}.html"
    address = f"https://{HOST}/tin-tuc/chi-tiet.aspx?{query}"
    mirror = tmp_path / "httrack"
    page = page_html(linked, "relative", comment=True)
    write_file(mirror / "source", saved, page.replace(f"{HOST}{linked.path}", address[8:]))
    href = f"../../../tin-tuc/{saved.rsplit('/', 1)[1]}?{query.replace('&', '&amp;')}#muc-2"
    link = f'<p>Xem thêm: <a href="{href}">kế hoạch</a>.</p>'
    page = page_html(listed, "relative", comment=True).replace(
        "</div></div></div>", f"{link}</div></div></div>"
    )
    write_file(mirror / "source", listed.path, page)
    _leads_to_its_copy(site, mirror, listed, address)


def _leads_to_its_copy(site, mirror: Path, listed: Item, address: str) -> None:
    """The mirror imported, the link `kế hoạch` of the article ``listed`` is written with
    the linked page's ``address`` and, built, leads to the archive's copy of it."""
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    written = by_source(site)
    assert f"[kế hoạch]({address}#muc-2)" in written[listed.url]["body"]
    assert site.build() == 0
    href = page_of(site, written[listed.url]["file"]).select_one(".article-body a")["href"]
    here = site.output / written[listed.url]["file"].removesuffix(".md")
    target = site.output / written[address]["file"].removesuffix(".md")
    assert (here / href.split("#")[0]).resolve() == target.resolve() and href.endswith("#muc-2")


def test_an_httrack_link_to_a_page_whose_address_had_no_extension_leads_to_its_copy(site, tmp_path):
    """HTTrack saves the page of an address without an extension (/tin-tuc/ke-hoach-2021,
    as many portals' friendly addresses are) as ke-hoach-2021.html and links it so: the
    link was read as /tin-tuc/ke-hoach-2021.html, which the portal never had, and the
    built page linked to the old site, not to the archive's copy (its comment says)."""
    listed = Item(760050, "Hội nghị triển khai nhiệm vụ năm 2021", "04/01/2021")
    linked = Item(760051, "Kế hoạch cải cách hành chính năm 2021", "05/01/2021")
    address = f"https://{HOST}/tin-tuc/ke-hoach-2021"
    mirror = tmp_path / "httrack"
    page = page_html(linked, "relative", comment=True)
    write_file(
        mirror / "source",
        "/tin-tuc/ke-hoach-2021.html",
        page.replace(f"{HOST}{linked.path}", address[8:]),
    )
    link = '<p>Xem thêm: <a href="../../../tin-tuc/ke-hoach-2021.html#muc-2">kế hoạch</a>.</p>'
    page = page_html(listed, "relative", comment=True).replace(
        "</div></div></div>", f"{link}</div></div></div>"
    )
    write_file(mirror / "source", listed.path, page)
    _leads_to_its_copy(site, mirror, listed, address)


def test_a_crawl_read_with_a_profile_that_fits_none_of_its_pages_is_an_error(site, tmp_path):
    """`import --profile vnexpress` of a Liferay crawl (the wrong profile picked, or one
    mistyped into another's name): every page "not an article", 0 imported, exit 0, as
    if the crawl held no article."""
    portal, media = portal_with_media(2)
    mirror = httrack_tree(tmp_path / "httrack", portal, media)
    result = run_import(site, "--profile", "vnexpress", mirror)
    assert result.returncode == 1
    assert "--profile vnexpress found no article on any of the 2 page(s)" in result.stderr
    assert "without --profile" in result.stderr
    assert not list(site.content.rglob("2*/*/*.md"))
    # The profile that fits: imported as usual.
    assert run_import(site, "--profile", "liferay-hanoi", mirror).returncode == 0


def test_a_wget_tree_gives_addresses_from_its_host_and_path_folders(site, tmp_path):
    portal, media = portal_with_media(2)
    mirror = wget_tree(tmp_path / "wget", portal, media)
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    written = by_source(site)
    assert sorted(written) == sorted(i.url for i in portal)
    counts = summary(result)
    assert counts["not articles"] == 1  # the login page: skipped and counted, not failed
    assert counts["failed"] == 0
    # Root-relative links (/documents/...) are found under the host folder.
    assert "media: 3 file(s) copied" in result.stdout.lower()
    for item in portal:
        assert "../../../media/" in written[item.url]["body"]


def test_a_page_whose_address_nothing_tells_is_said_with_how_to_give_it(site, tmp_path):
    """A wget tree whose host folder was renamed (`trang/`), and a page given alone, with
    no canonical link or crawler's comment: the article was written with no old address,
    so the portal's address never led to it, and nothing said so. A note says it, and how
    to give the address; imported again with it, the page is "already there" with the
    aliases: line to add."""
    portal, media = portal_with_media(1)
    mirror = wget_tree(tmp_path / "wget", portal, media)
    renamed = (mirror / HOST).rename(mirror / "trang")
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    assert [a.get("source_url") for a in articles(site).values()] == [None]  # no address
    assert (
        "note: the page does not say its original address (no canonical link, no crawler's "
        f"comment) and the folder {renamed.name}/ is not named after the portal's host as "
        "wget names it: the article has no old address that leads to it. Rename the folder "
        "to the portal's host name (such as example.gov.vn) and import it again"
    ) in result.stderr, result.stderr
    fixed = run_import(site, renamed.rename(mirror / HOST).parent)
    assert "the line 'aliases: [" in fixed.stderr, fixed.stderr
    for written in site.content.rglob("*.md"):
        written.unlink()
    alone = run_import(site, mirror / HOST / portal[0].path.lstrip("/"))
    assert "note: the page does not say its original address" in alone.stderr
    assert "import it again with --source-url ADDRESS" in alone.stderr, alone.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_a_crawl_is_named_not_opened(site, tmp_path):
    """Opened, a named pipe waits for a writer: a FIFO in a crawl folder hung the import
    forever, and one given by name was "no such file or folder". Neither is opened; each
    is named, as the build names one in content/, and the pages are imported."""
    portal, media = portal_with_media(2)
    mirror = wget_tree(tmp_path / "wget", portal, media)
    pipes = [mirror / "notes", mirror / "trang.html"]
    for pipe in pipes:
        os.mkfifo(pipe)
    for given in (mirror, pipes[0]):
        result = _import_not_waiting(site, given, "the named pipe")
        assert result.returncode == 1 and "Traceback" not in result.stderr
        for pipe in pipes if given == mirror else pipes[:1]:
            named = pipe.name if given == mirror else pipe  # from the folder imported
            assert (
                f"\n{named}: error: not a file (a named pipe, socket or device): it was not read"
            ) in "\n" + result.stderr, result.stderr  # its line, from its start
        assert "no such file or folder" not in result.stderr
    assert sorted(by_source(site)) == sorted(i.url for i in portal)


def _import_not_waiting(site, given: Path, pipe: str) -> subprocess.CompletedProcess:
    """`import given`, in a process of its own: failed if it waits for a writer of
    ``pipe`` (a named pipe opened blocks)."""
    try:
        return subprocess.run(
            [sys.executable, str(REPO / "build.py"), "import", str(given)],
            cwd=site.root, capture_output=True, text=True, env=SUBPROCESS_ENV, timeout=30,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail(f"import {given} waited for a writer of {pipe}")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("name", ["new.txt", "new.zip"])
def test_a_named_pipe_for_httracks_cache_is_named_not_opened(site, tmp_path, name):
    """hts-cache/new.txt (or new.zip) is read before the mirror's files are looked at: a
    named pipe there hung the import forever, where one among the pages is named."""
    [item] = items(1)
    mirror = httrack_tree(tmp_path / "m", [item], {})
    pipe = mirror / "hts-cache" / name
    pipe.parent.mkdir()
    os.mkfifo(pipe)
    result = _import_not_waiting(site, mirror, name)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    said = f"\nhts-cache/{name}: error: not a file (a named pipe, socket or device): it was not"
    assert said in result.stderr, result.stderr
    assert sorted(by_source(site)) == [item.url]


def test_the_summary_names_the_folder_the_pictures_went_to(site, tmp_path):
    portal, media = portal_with_media(2)
    mirror = wget_tree(tmp_path / "wget", portal, media)
    shutil.copytree(site.root / "static", site.root / "tai-nguyen")
    result = run_import(site, mirror, "--static", "tai-nguyen")
    assert result.returncode == 0, result.stderr
    assert "Media: 3 file(s) copied to tai-nguyen/media (" in result.stdout, result.stdout
    assert len([p for p in (site.root / "tai-nguyen/media").rglob("*") if p.is_file()]) == 3
    assert not (site.root / "static/media").exists()


@pytest.mark.parametrize("kind", ["static", "content"])
def test_a_folder_named_that_does_not_exist_is_refused_before_anything_is_written(
    site, tmp_path, kind
):
    """`--static nostatic` (a mistyped name) was created with the pictures in it, exit 0,
    and the builds after had no style sheet; `--content nocontent` was created with the
    articles in it, which no build read. Both are refused, as the build refuses them."""
    portal, media = portal_with_media(2)
    mirror = wget_tree(tmp_path / "wget", portal, media)
    before = tree(site.root)
    result = run_import(site, mirror, f"--{kind}", f"no{kind}")
    assert result.returncode == 1
    assert f"no{kind}: error: the {kind} folder does not exist" in result.stderr, result.stderr
    assert f"how to fix: correct the name given with --{kind}" in result.stderr
    assert "nothing was imported" in result.stderr
    assert not (site.root / f"no{kind}").exists() and tree(site.root) == before
    site.configure(**{f"{kind}_dir": f"no{kind}"})  # the same name in site.yaml: its line
    result = run_import(site, mirror)
    assert result.returncode == 1
    said = rf"site\.yaml:\d+: error: {kind}_dir 'no{kind}': there is no folder"
    assert re.search(said, result.stderr), result.stderr
    assert not (site.root / f"no{kind}").exists()


def test_a_mistyped_crawl_folder_is_said_with_the_name_beside_it_that_was_meant(site, tmp_path):
    """`import crawls/sotttt-mirorr` (two letters swapped) said only "there is no such file
    or folder ... check the name", with sotttt-mirror beside it: the name it was likely meant
    to be is offered, as for a mistyped key or command."""
    portal, media = portal_with_media(2)
    mirror = wget_tree(tmp_path / "crawls/sotttt-mirror", portal, media)
    (tmp_path / "crawls/unrelated").mkdir()
    (tmp_path / "crawls/sotttt-truth.json").write_text("{}")  # alike as much as 0.6
    typed = tmp_path / "crawls/sotttt-mirorr"
    before = tree(site.root)
    result = run_import(site, typed)
    assert result.returncode == 1
    assert f"{typed}: error: there is no such file or folder" in result.stderr, result.stderr
    assert f"how to fix: did you mean {mirror}? check the name" in result.stderr, result.stderr
    assert "unrelated" not in result.stderr and "truth" not in result.stderr
    far = run_import(site, tmp_path / "crawls/zzz")
    assert "did you mean" not in far.stderr and "how to fix: check the name" in far.stderr
    # Nothing was read: no summary of 0 pages and 0 seconds, no word of the report.
    for said in (result, far):
        assert "Pages seen" not in said.stdout and "report" not in said.stderr, said
        assert "nothing was imported" in said.stderr, said.stderr
    assert tree(site.root) == before  # the project as it was: nothing written


def test_no_aliases_and_addresses_with_a_query(site, tmp_path):
    portal = items(2)
    folder = tmp_path / "pages"
    folder.mkdir()
    for item in portal:
        html = Path(
            httrack_tree(tmp_path / "one", [item], {}) / "source" / item.path.lstrip("/")
        ).read_text(encoding="utf-8")
        (folder / f"{item.article_id}.html").write_text(
            html.replace(item.path, f"/tin-tuc?p_p_id=101&id={item.article_id}"), encoding="utf-8"
        )
    result = run_import(site, folder)
    assert result.returncode == 0, result.stderr
    assert all("aliases" not in a for a in articles(site).values())
    # Said once, with its count, and the query of each page under it (each note named its
    # query inside what it said, so no two were alike).
    kind = (
        "the old address has a query, which an alias page cannot answer, so it got none; the "
        "404 page's script leads a reader who opens it to the article (with JavaScript on)"
    )
    assert result.stderr.count("has a query") == 1
    assert f"note: {kind} (2 on 2 pages):" in result.stderr, result.stderr
    for item in portal:
        assert f"    {item.article_id}.html: ?p_p_id=101&id={item.article_id}\n" in result.stderr

    other = tmp_path / "other"
    httrack_tree(other, items(1, start=800000), {})
    assert run_import(site, other, "--no-aliases").returncode == 0
    assert all("aliases" not in a for a in articles(site).values())
    assert site.build() == 0


def test_a_file_name_that_is_not_utf8_costs_nothing_but_its_alias(site, tmp_path):
    """An old Windows crawl may hold Latin-1 file names: the address keeps the bytes
    percent-encoded, as the portal wrote them, and the other pages import as usual."""
    portal, media = portal_with_media(2)
    mirror = wget_tree(tmp_path / "wget", portal, media)
    good = mirror / HOST / portal[1].path.lstrip("/")
    odd = Item(730000, "Tin có tên tệp kiểu cũ", "07/07/2019", image="/documents/10180/b%E0i.jpg")
    html = __import__("capture_fixtures").page_html(odd, "absolute-path")
    raw = os.path.join(os.fsencode(good.parent), b"b\xe0i.html")
    with open(raw, "wb") as handle:
        handle.write(html.encode("utf-8"))
    with open(
        os.path.join(os.fsencode(mirror / HOST / "documents" / "10180"), b"b\xe0i.jpg"), "wb"
    ) as f:
        f.write(JPEG + b"latin-1")
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    assert summary(result)["imported"] == 3
    written = by_source(site)
    address = f"https://{HOST}/tin-tuc/-/view_content/b%E0i.html"
    assert sorted(written) == sorted([*(i.url for i in portal), address])
    # No file name of the archive can answer that old address: no alias, and a note.
    assert "aliases" not in written[address] and "not UTF-8" in result.stderr
    assert "../../../media/" in written[address]["body"]  # its picture, found by its bytes
    [line] = [r for r in report(site) if r["source_url"] == address]
    assert line["input"].endswith("view_content/b\\xe0i.html")
    assert site.build() == 0


def test_wget_names_a_file_by_its_decoded_address_and_keeps_the_query(site, tmp_path):
    """wget writes a file under the characters its address's %XX escapes stand for, query
    and all (but `/`, which stays %2F): Liferay's images and documents, with a timestamp
    query and Vietnamese names, are found so, not left linked to the portal."""
    image = "/documents/554897/555005/%e1%ba%a2nh%2bh%e1%bb%99i%2bngh%e1%bb%8b.jpg/anh%20hn.jpg"
    attachment = "/documents/554897/0/K%e1%ba%bf%2bho%e1%ba%a1ch.pdf/b1c2"
    image, attachment = f"{image}?t=1554968902556", f"{attachment}?ref=a%3Ab%2Fc"
    item = Item(760000, "Hội nghị cán bộ, công chức năm 2019", "15/01/2019", image=image,
                attachment=attachment)  # fmt: skip
    saved = {
        "/documents/554897/555005/Ảnh+hội+nghị.jpg/anh hn.jpg?t=1554968902556": JPEG,
        "/documents/554897/0/Kế+hoạch.pdf/b1c2?ref=a:b%2Fc": PDF,
    }
    result = run_import(site, wget_tree(tmp_path / "wget", [item], saved))
    assert result.returncode == 0, result.stderr
    assert "still linked to the old site" not in result.stderr
    body = by_source(site)[item.url]["body"]
    copies = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert sorted(p.read_bytes() for p in copies) == sorted(saved.values())
    for copy in copies:
        assert f"](../../../media/{copy.parent.name}/{copy.name})" in body
    assert HOST not in body


def test_a_copied_attachment_is_saved_under_the_portals_name(site, tmp_path):
    """A copy is named `<hash>-cv-1468-1-signed.docx` (a hash and an ASCII slug): a
    researcher who saved `CV 1468_1_signed.docx` from the archive got that name, which
    matches nothing the portal or a citation names. The link to the copy says the portal's
    name (download=, from the Markdown's {download="..."}): a download takes it. A PDF,
    which the browser shows in its viewer, and a picture keep their links as they were."""
    attachment = "/documents/10180/0/CV 1468_1_signed.docx"
    item = Item(761500, "Công văn số 1468", "15/01/2019", image="/documents/10180/0/anh.jpg",
                attachment=quote(attachment))  # fmt: skip
    # A name that would end the Markdown's {download="..."} early gets none: the link
    # is the copy's, as before.
    odd = "/documents/10180/0/a%22%7Bb%7D.docx"
    shown = "/documents/10180/0/QD 12.pdf"
    page = page_html(item, "absolute-path").replace(
        "</div></div></div>",
        f'<p><a href="{odd}">Lạ</a></p><p><a href="{quote(shown)}">Quyết định</a></p>'
        "</div></div></div>",
    )
    docx = b"PK\x03\x04" + b"0" * 300
    wget = tmp_path / "wget"
    write_file(wget / HOST, item.path, page)
    write_file(wget / HOST, "/documents/10180/0/anh.jpg", JPEG)
    write_file(wget / HOST, attachment, docx)
    write_file(wget / HOST, '/documents/10180/0/a"{b}.docx', docx + b"2")
    write_file(wget / HOST, shown, PDF)
    result = run_import(site, wget)
    assert result.returncode == 0, result.stderr
    assert "still linked to the old site" not in result.stderr
    body = by_source(site)[item.url]["body"]
    media = site.root / "static" / "media"
    copies = {p.read_bytes(): p for p in media.rglob("*") if p.suffix in (".docx", ".pdf")}
    link, other, pdf = (
        f"../../../media/{copies[data].parent.name}/{copies[data].name}"
        for data in (docx, docx + b"2", PDF)
    )
    assert f'({link}){{download="CV 1468_1_signed.docx"}}' in body, body
    assert f"[Lạ]({other})\n" in body and f"[Quyết định]({pdf})\n" in body, body
    assert body.count("download=") == 1, body
    assert run(site, "build", "--quiet").returncode == 0
    [a] = page_of(site, by_source(site)[item.url]["file"]).select(f'a[href="{link}"]')
    assert a["download"] == "CV 1468_1_signed.docx" and a.get_text() == "Kế hoạch (PDF)"


def test_a_crawl_copied_from_a_mac_with_names_decomposed_is_read_as_its_addresses(site, tmp_path):
    """A Mac writes file names with their accents as separate characters (NFD): the
    pictures and files of a wget tree copied from one were 'not in the crawl', left
    linked to the portal, and a page under a Vietnamese path got a source_url and aliases
    in NFD, which no link (NFC) matches."""
    decomposed = functools.partial(unicodedata.normalize, "NFD")
    image = "/documents/10180/0/Ảnh hội nghị.jpg"
    attachment = "/documents/10180/0/Kế hoạch số 5.pdf"
    item = Item(761000, "Hội nghị cán bộ năm 2019", "15/01/2019", image=quote(image),
                attachment=quote(attachment))  # fmt: skip
    wget = tmp_path / "wget"
    write_file(wget / HOST, decomposed(item.path), page_html(item, "absolute-path"))
    write_file(wget / HOST, decomposed(image), JPEG)
    write_file(wget / HOST, decomposed(attachment), PDF)
    other = Item(761001, "Phường Bạch Đằng ra quân", "16/01/2019")
    path = "/tin-tức/-/view_content/761001-bạch-đằng"
    write_file(wget / HOST, decomposed(path), page_html(other, "absolute-path"))
    result = run_import(site, wget)
    assert result.returncode == 0, result.stderr
    assert "still linked to the old site" not in result.stderr
    copies = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert sorted(p.read_bytes() for p in copies) == sorted([JPEG, PDF])
    written = {a["title"]: a for a in articles(site).values()}
    assert HOST not in written[item.title]["body"]
    assert written[other.title]["source_url"] == f"https://{HOST}{path}"
    assert written[other.title]["aliases"] == [path]
    for file in site.content.rglob("*.md"):
        assert unicodedata.is_normalized("NFC", file.read_text(encoding="utf-8"))


def test_wget_names_a_page_reached_by_liferays_back_link_with_that_link_decoded(site, tmp_path):
    """A Liferay list links each article with `?redirect=` and the list's own address,
    escaped (`https%3A%2F%2F…%3Fp_p_id%3D101%26_101_cur%3D2`); wget writes the escapes as
    the letters they stand for (but %2F), so the list's `?` and `&` came into the page's
    query: its source_url kept `?p_p_lifecycle=0&_101_cur=2`, no alias, and no link to the
    article led to the archive's copy. The back link is no part of the address."""
    item = Item(760030, "Quy chuẩn kỹ thuật quốc gia về thiết bị trạm gốc", "08/08/2017")
    back = "https:%2F%2F" + HOST + "%2Fqlttps?p_p_id=101&p_p_lifecycle=0&_101_cur=2"
    write_file(tmp_path / "wget" / HOST, f"{item.path}?redirect={back}", page_html(item))
    result = run_import(site, tmp_path / "wget")
    assert result.returncode == 0, result.stderr
    [written] = articles(site).values()
    assert written["source_url"] == item.url
    assert written["aliases"] == [item.path]


def test_wget_on_windows_writes_the_query_after_an_at_sign(site, tmp_path):
    """wget's default on Windows (--restrict-file-names=windows) writes the `?` of an
    address as `@`: `article@img_id=…` is Liferay's /image/journal/article?img_id=…, and
    the pages `chi-tiet@id=5` and `Default.aspx@tabid=5&ItemID=7` are articles at query
    addresses, not files to pass over."""
    image = "/image/journal/article?img_id=3893254&t=1661571230287"
    item = Item(760001, "Thông báo tuyển dụng công chức năm 2020", "21/09/2020", image=image)
    page = page_html(item, "absolute-path")
    root = tmp_path / "wget"
    write_file(root / HOST, "/tin-tuc/chi-tiet@id=760001", page)
    other = page.replace(item.title, "Thông báo kết quả thi tuyển công chức năm 2020")
    write_file(root / HOST, "/Default.aspx@tabid=5&ItemID=760002", other)
    write_file(root / HOST, "/image/journal/article@img_id=3893254&t=1661571230287", JPEG)
    result = run_import(site, root)
    assert result.returncode == 0, result.stderr
    assert summary(result)["imported"] == 2 and "still linked to the old site" not in result.stderr
    written = by_source(site)
    assert sorted(written) == [
        f"https://{HOST}/Default.aspx?tabid=5&ItemID=760002",
        f"https://{HOST}/tin-tuc/chi-tiet?id=760001",
    ]
    [copy] = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    for article in written.values():
        assert f"](../../../media/{copy.parent.name}/{copy.name})" in article["body"]


LIFERAY_SCRIPT = (
    "/html/js/barebone.jsp?browserId=other&themeId=so4t_WAR_so4ttheme&colorSchemeId=01"
    "&minifierType=js&minifierBundleId=javascript.barebone.files&languageId=vi_VN&b=6201"
)


def test_a_script_a_server_page_served_is_no_page_and_is_counted_with_the_other_files(
    site, tmp_path
):
    """wget keeps the name of what a server page (.jsp, .php, .aspx) answered whatever
    it was: Liferay's scripts come from html/js/barebone.jsp?…, a picture from anh.php?…
    Each was read as a page, counted among the pages that are not articles ("found no
    article title on the page") and shown as one of the summary's examples. Now what is
    not HTML is counted with the crawl's other files; a .jsp that is an HTML page (its
    first lines blank, as JSP directives leave them) is still imported."""
    portal, media = portal_with_media(2)
    mirror = wget_tree(tmp_path / "wget", portal, media)
    write_file(
        mirror / HOST, LIFERAY_SCRIPT, "/*! Liferay */\nvar Liferay={};AUI().use('aui-base');"
    )
    write_file(mirror / HOST, "/html/portal/load_theme.php?v=2", '{"theme": "so4t"}')
    write_file(mirror / HOST, "/captcha.aspx?id=5", JPEG)
    item = Item(760003, "Thông báo lịch tiếp công dân năm 2021", "05/01/2021")
    write_file(mirror / HOST, "/tin-tuc/xem.jsp?id=760003", "\r\n" * 400 + page_html(item))
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    counts = summary(result)
    assert (counts["imported"], counts["not articles"]) == (3, 1), result.stdout  # the login
    assert "found no article title" not in result.stdout, result.stdout
    assert "(6 other file(s) of the crawl not pages)" in result.stdout, result.stdout
    assert not [r for r in report(site) if "barebone" in r["file"] or ".php" in r["file"]]
    assert f"https://{HOST}/tin-tuc/xem.jsp?id=760003" in by_source(site)


APP_SCRIPT = b"/*! app */\n(function(){var tin=document.querySelector('.tin');})();"
API_ANSWER = '{"items": [{"title": "Thông báo lịch tiếp công dân", "url": "/tin-tuc/1"}]}'
# An API's answer holding a whole page as a string value (a portal's "load the article"
# call): its <html> and <body> are inside the JSON, which is no page.
PAGE_IN_JSON = json.dumps(
    {"status": "ok", "html": page_html(Item(760004, "Lịch tiếp dân", "06/01/2021"), "full")},
    ensure_ascii=False,
)


@pytest.mark.parametrize("crawl", ["warc", "wget"])
def test_a_script_or_json_the_server_called_a_page_is_no_page(site, tmp_path, crawl):
    """A server that answers /js/app.js or an API's JSON with Content-Type: text/html
    (wget --adjust-extension saves it as app.js.html) had it read as a page: counted among
    the pages that are not articles ("found no article title on the page"), an example of
    the summary's. Its bytes tell, as a .jsp's do: what does not begin with markup is
    counted with the crawl's other files; so is JSON that holds a whole page as a string,
    which was read as a page for the <html> inside it. A page sent compressed, in chunks,
    or after the blank lines JSP directives leave, is still a page."""
    pytest.importorskip("warcio")
    portal, media = portal_with_media(2)
    item = Item(760003, "Thông báo lịch tiếp công dân năm 2021", "05/01/2021")
    blank_first = "\r\n" * 400 + page_html(item, "full")
    if crawl == "warc":
        pages = [Response(i.url, page_html(i, "full").encode()) for i in portal[1:]]
        first = gzip.compress(page_html(portal[0], "full").encode())
        pages.append(Response(portal[0].url, first, encoding="gzip", chunked=True))
        pages.append(Response(item.url, blank_first.encode()))
        files = [
            Response(f"https://{HOST}{path}", data, "image/jpeg") for path, data in media.items()
        ]
        zipped = gzip.compress(API_ANSWER.encode())
        files += [
            Response(f"https://{HOST}/js/app.js", APP_SCRIPT),
            Response(f"https://{HOST}/api/jsonws/tin?page=2", API_ANSWER.encode()),
            Response(f"https://{HOST}/api/tin?page=3", zipped, encoding="gzip", chunked=True),
            Response(f"https://{HOST}/api/bai?id=760004", PAGE_IN_JSON.encode()),
        ]
        given = tmp_path / "crawl.warc.gz"
        given.write_bytes(warc_of(pages + files))
        expected_pages = len(portal) + 1
    else:
        given = wget_tree(tmp_path / "wget", portal, media)
        write_file(given / HOST, item.path, blank_first)
        write_file(given / HOST, "/js/app.js.html", APP_SCRIPT.decode())
        write_file(given / HOST, "/api/jsonws/tin?page=2.html", API_ANSWER)
        write_file(given / HOST, "/api/jsonws/tin?page=3.html", API_ANSWER)
        write_file(given / HOST, "/api/bai-760004.html", PAGE_IN_JSON)
        expected_pages = len(portal) + 2  # and the login page
        files = [*media, "app.js", "page=2", "page=3", "bai-760004"]
    result = run_import(site, given)
    assert result.returncode == 0, result.stderr
    counts = summary(result)
    assert counts["pages seen"] == expected_pages, result.stdout
    assert counts["imported"] == len(portal) + 1, result.stdout
    assert "found no article title" not in result.stdout, result.stdout
    assert f"({len(files)} other file(s) of the crawl not pages)" in result.stdout, result.stdout
    assert not [r for r in report(site) if "app.js" in r["file"] or "/api/" in r["file"]]


def test_wget_adjust_extension_after_a_query_is_not_part_of_the_address(site, tmp_path):
    """wget --adjust-extension (-E) saves the page of `chi-tiet?id=5` as
    `chi-tiet?id=5.html` (its manual's `article.cgi?25.html`): the article's address was
    `chi-tiet?id=5.html`, which no link of the portal ever had, and the same page imported
    later from a WARC of the portal came in a second time."""
    pytest.importorskip("warcio")
    item = Item(760003, "Thông báo tuyển dụng viên chức năm 2021", "21/09/2021")
    page = page_html(item, "absolute-path")
    root = tmp_path / "wget"
    write_file(root / HOST, "/tin-tuc/chi-tiet?id=760003.html", page)
    other = page.replace(item.title, "Thông báo kết quả xét tuyển viên chức năm 2021")
    write_file(root / HOST, "/Default.aspx@tabid=5&ItemID=760004.html", other)  # on Windows
    result = run_import(site, root)
    assert result.returncode == 0, result.stderr
    assert sorted(by_source(site)) == [
        f"https://{HOST}/Default.aspx?tabid=5&ItemID=760004",
        f"https://{HOST}/tin-tuc/chi-tiet?id=760003",
    ]
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(
        warc_of([Response(f"https://{HOST}/tin-tuc/chi-tiet?id=760003", page.encode())])
    )
    again = run_import(site, warc)
    assert again.returncode == 0, again.stderr
    assert summary(again)["already there"] == 1 and len(articles(site)) == 2


@pytest.mark.parametrize(
    ("folders", "reason"),
    [
        # Its last part spelt apart too: the same title, date and page name do not find
        # it; its address does, as held links compare it.
        (("{tin}", "{tin}"), "an article has this source_url"),
        # Another folder (the same title, date and page name is the same article): the
        # page names were compared as written, escapes and all.
        (("su-kien", "tin-tuc"), "the same article (title, date and page name)"),
    ],
)
def test_a_page_recorded_in_nfd_and_again_in_nfc_is_one_article(site, tmp_path, folders, reason):
    """A WARC records the address a Mac sent, percent-encoded in NFD
    (tin-tu%CC%9B%CC%81c); another crawl of the portal records the same page in NFC
    (tin-t%E1%BB%A9c), as the portal's own links spell it, in the same folder or another
    where the portal shows it too. The second run imported the page again: two articles,
    whose aliases clash on a Mac. It finds the page already there."""
    pytest.importorskip("warcio")
    item = Item(760005, "Thông báo lịch tiếp công dân tháng 9 năm 2021", "21/09/2021")
    page = page_html(item, "absolute-path").encode()
    nfd, nfc = quote(unicodedata.normalize("NFD", "tin-tức")), quote("tin-tức")
    assert nfd == "tin-tu%CC%9B%CC%81c" and nfc == "tin-t%E1%BB%A9c"
    first, second = tmp_path / "mac.warc.gz", tmp_path / "nfc.warc.gz"
    for name, folder, spelt in ((first, folders[0], nfd), (second, folders[1], nfc)):
        address = f"https://{HOST}/{folder.format(tin=spelt)}/{spelt}-760005.html"
        name.write_bytes(warc_of([Response(address, page)]))
    assert run_import(site, first).returncode == 0
    before = tree(site.content)
    again = run_import(site, second)
    assert again.returncode == 0, again.stderr
    assert (summary(again)["imported"], summary(again)["already there"]) == (0, 1)
    [line] = report(site)
    assert line["reason"].startswith(reason), line
    assert tree(site.content) == before


def adjusted_wget_tree(root: Path, converted: bool) -> tuple[Item, Item]:
    """A wget --adjust-extension (-E) mirror: `gioi-thieu`, served as an HTML page, saved
    as `gioi-thieu.html`, `trang.php` as `trang.php.html`; the article of the real
    address `.../123-bai-viet.html` kept as it was. A list page links them: as the portal
    wrote its links, or, with --convert-links (-k), by the names wget saved them under."""
    about = Item(760010, "Giới thiệu chung về quận Hai Bà Trưng", "02/03/2021")
    news = Item(760011, "Hội nghị tổng kết công tác năm 2020", "03/03/2021")
    other = Item(760012, "Lịch tiếp công dân tháng 3 năm 2021", "04/03/2021")
    write_file(root / HOST, "/gioi-thieu.html", page_html(about, "absolute-path"))
    write_file(root / HOST, news.path, page_html(news, "absolute-path"))
    write_file(root / HOST, "/trang.php.html", page_html(other, "absolute-path"))
    links = ["gioi-thieu.html", news.path.lstrip("/")] if converted else ["/gioi-thieu", news.path]
    listed = "".join(f'<li><a href="{link}">Bài</a></li>' for link in links)
    write_file(root / HOST, "/tin-tuc.html", f"<html><body><ul>{listed}</ul></body></html>")
    # Not a page: wget -E names only pages (text/html) so, this one served an image.
    write_file(root / HOST, "/captcha.php", b"\x89PNG\r\n\x1a\n" + bytes(200))
    return about, news


@pytest.mark.parametrize("converted", [False, True], ids=["links-kept", "convert-links"])
def test_wget_adjust_extension_on_a_page_without_a_query_keeps_its_real_address(
    site, tmp_path, converted
):
    """wget -E saves the page `gioi-thieu` as `gioi-thieu.html`: the article got the
    alias /gioi-thieu.html, an address the portal never had, and lost its real one. The
    crawl's links tell which it was; where they cannot (-k rewrote them all to the saved
    names), both addresses are aliases, and a note says why."""
    _, news = adjusted_wget_tree(tmp_path / "wget", converted)
    result = run_import(site, tmp_path / "wget")
    assert result.returncode == 0, result.stderr
    written = by_source(site)
    php = written[f"https://{HOST}/trang.php"]  # never served with the .html: wget added it
    assert php["aliases"] == ["/trang.php"]
    if not converted:
        assert written[f"https://{HOST}/gioi-thieu"]["aliases"] == ["/gioi-thieu"]
        assert written[news.url]["aliases"] == [news.path]
        assert "adjust-extension" not in result.stderr
    else:
        plain = news.path.removesuffix(".html")
        assert written[f"https://{HOST}/gioi-thieu.html"]["aliases"] == [
            "/gioi-thieu.html",
            "/gioi-thieu",
        ]
        assert written[news.url]["aliases"] == [news.path, plain]
        assert "--adjust-extension" in result.stderr
    assert site.build() == 0
    assert (site.output / "gioi-thieu" / "index.html").is_file()


def test_wget_adjust_extension_address_is_told_by_the_warc_beside_the_mirror(site, tmp_path):
    """wget --warc-file writes the WARC beside the mirror: its records name the page."""
    pytest.importorskip("warcio")
    about, _ = adjusted_wget_tree(tmp_path / "wget", converted=True)
    page = page_html(about, "full").encode()
    (tmp_path / "wget" / "crawl.warc.gz").write_bytes(
        warc_of([Response(f"https://{HOST}/gioi-thieu", page)])
    )
    result = run_import(site, tmp_path / "wget")
    assert result.returncode == 0, result.stderr
    written = by_source(site)
    assert written[f"https://{HOST}/gioi-thieu"]["aliases"] == ["/gioi-thieu"]
    assert f"https://{HOST}/gioi-thieu.html" not in written


@pytest.mark.parametrize("query", ["%3F", "@"], ids=["linux", "windows"])
def test_wget_convert_links_names_of_query_pages_are_read_back_as_their_addresses(
    site, tmp_path, query
):
    """wget --convert-links --adjust-extension rewrites a link to the page `chi-tiet?id=6`
    it saved as `chi-tiet%3Fid=6.html` (on Windows `chi-tiet@id=6.html`): the article
    linked https://portal/tin-tuc/chi-tiet%3Fid=6.html, an address the portal never had."""
    first, second = items(2, start=760005)
    linking = page_html(first, "absolute-path").replace(
        "trực thuộc Sở.</p>",
        f'trực thuộc Sở. Xem <a href="chi-tiet{query}id={second.article_id}.html">bài sau</a>.</p>',
    )
    root = tmp_path / "wget"
    write_file(root / HOST, f"/tin-tuc/chi-tiet?id={first.article_id}.html", linking)
    write_file(root / HOST, f"/tin-tuc/chi-tiet?id={second.article_id}.html", page_html(second))
    result = run_import(site, root)
    assert result.returncode == 0, result.stderr
    written = by_source(site)
    body = written[f"https://{HOST}/tin-tuc/chi-tiet?id={first.article_id}"]["body"]
    assert f"[bài sau](https://{HOST}/tin-tuc/chi-tiet?id={second.article_id})" in body, body


@pytest.mark.parametrize(
    ("address", "saved", "link"),
    [
        ("/images/anh.png", "/images/anh.png.html", ""),
        ("/images/anh.png", "/images/anh.png.html", "images/anh.png.html"),
        ("/image.php?id=5", "/image.php?id=5.html", ""),
        ("/image.php?id=5", "/image.php?id=5.html", "image.php%3Fid=5.html"),
        ("/image.php?id=5", "/image.php@id=5.html", "image.php@id=5.html"),  # on Windows
    ],
    ids=["kept", "convert-links", "query-kept", "query-convert-links", "query-windows"],
)
def test_a_picture_wget_saved_as_a_page_is_noted_as_one_at_the_portals_address(
    site, tmp_path, address, saved, link
):
    """The portal answered a picture's address with a web page (an error or login page),
    which wget --adjust-extension saved under the picture's name with .html (anh.png.html,
    image.php?id=5.html). The import said the picture was 'not in the crawl', or, linked by
    that name (--convert-links), 'did not copy …/anh.png.html: the crawl holds a web page
    at that address', keeping wget's name as the portal's address. It notes what the
    file is and what to do, and the article links the portal's address."""
    item = Item(760020, "Hội nghị tổng kết công tác năm 2020", "03/03/2021", image=address)
    page = page_html(item, "absolute-path")
    if link:  # as --convert-links writes it, from the page's folder
        page = page.replace(f'src="{address}"', f'src="{"../" * 3}{link}"')
    root = tmp_path / "wget"
    write_file(root / HOST, item.path, page)
    write_file(root / HOST, saved, "<html><body><p>Không tìm thấy trang</p></body></html>")
    result = run_import(site, root)
    assert result.returncode == 0, result.stderr
    body = by_source(site)[item.url]["body"]
    assert f"](https://{HOST}{address})" in body, body
    name = saved.rsplit("/", 1)[1]
    said = (
        f"the portal answered it with a web page, not a picture or file: https://{HOST}{address}"
        f" (saved as {name})"
    )
    assert said in result.stderr, result.stderr
    assert "wget --adjust-extension" in result.stderr and "Wayback Machine" in result.stderr
    assert ".html: the crawl holds a web page" not in result.stderr
    assert f"still linked to the old site: https://{HOST}{address}\n" not in result.stderr
    [line] = [r for r in report(site) if r["source_url"] == item.url]
    assert line["media_missing"] == [f"https://{HOST}{address}"], line


def test_httrack_keeps_other_hosts_files_beside_the_host_folder(site, tmp_path):
    """HTTrack stores a picture of another host (a CDN) in that host's folder beside the
    portal's, and links it from three folders down as ../../../../HOST/PATH."""
    item, lacking = items(2, start=740000)
    mirror = httrack_tree(tmp_path / "httrack", [item, lacking], {})
    for one, name in ((item, "anh.jpg"), (lacking, "khong-luu.jpg")):
        page = mirror / "source" / one.path.lstrip("/")
        html = page.read_text(encoding="utf-8").replace(
            "../../../" + one.image.lstrip("/"), f"../../../../cdn.hbt.vn/2022/{name}"
        )
        page.write_text(html, encoding="utf-8")
    (mirror / "cdn.hbt.vn" / "2022").mkdir(parents=True)
    (mirror / "cdn.hbt.vn" / "2022" / "anh.jpg").write_bytes(JPEG)
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    written = by_source(site)
    [copy] = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert copy.read_bytes() == JPEG
    assert f"../../../media/{copy.parent.name}/{copy.name}" in written[item.url]["body"]
    # The file the crawl lacks keeps its real address, on its own host.
    assert "](https://cdn.hbt.vn/2022/khong-luu.jpg)" in written[lacking.url]["body"]
    assert "not in the crawl, still linked to the old site: https://cdn.hbt.vn/2022/" in (
        result.stderr
    )
    assert f"{HOST}/cdn.hbt.vn" not in result.stderr + str(written)


@pytest.mark.parametrize(
    "port_folder",
    [
        pytest.param(":8080", marks=pytest.mark.skipif(os.name == "nt", reason="':' in a name")),
        "+8080",  # wget on Windows, or --restrict-file-names=windows
        "_8080",  # HTTrack (':' is '_' in its names), its comment turned off (-%F "")
    ],
)
def test_a_mirror_of_a_site_on_another_port_keeps_the_port_in_its_addresses(
    site, tmp_path, port_folder
):
    """A portal served on port 8080: wget names its folder `HOST:8080` (`HOST+8080` where
    ':' cannot be in a name), HTTrack `HOST_8080`. Only the first was read as a host: the
    others' articles were imported without an address, without a word."""
    [item] = items(1, start=742000)
    folder = tmp_path / "mirror" / f"{HOST}{port_folder}"
    write_file(folder, item.path, page_html(item, "relative"))
    write_file(folder, item.image, JPEG)
    result = run_import(site, tmp_path / "mirror")
    assert result.returncode == 0, result.stderr
    address = item.url.replace(HOST, f"{HOST}:8080")
    assert list(by_source(site)) == [address], result.stderr
    assert "../../../media/" in by_source(site)[address]["body"]


# hts-cache/new.txt as HTTrack 3.49 writes it: a header, then a line a transfer (tab
# separated), the local file under the crawling machine's own folder.
HTS_NEW_HEADER = (
    "date\tsize'/'remotesize\tflags(request:Update,Range state:File response:Modified,"
    "Chunked,gZipped)\tstatuscode\tstatus ('servermsg')\tMIME\tEtag|Date\tURL\tlocalfile\t"
    "(from URL)\n"
)


def hts_line(address: str, local: str, found: bool = False) -> str:
    """A line of hts-cache/new.txt for ``address`` (its https:// left out, as HTTrack
    writes it), saved as ``local``: fetched, or answered "not found"."""
    status = "200\tadded ('OK')" if found else "404\terror ('Not%20Found')"
    return (
        f"06:43:42\t0/-1\t---M--\t{status}\ttext/html\tdate:x\t"
        f"{address.removeprefix('https://')}\t{local}\t(from )"
    )


def replaced_when_the_cache_comes(site, mirror, line, file, named, original):
    """Import ``mirror`` again with hts-cache/new.txt holding ``line``: the article
    ``file`` already there links ``original`` where it linked HTTrack's ``named``, says
    so, and a third import changes nothing. The second import's result."""
    before = (site.content / file).read_text(encoding="utf-8")
    write_file(mirror, "hts-cache/new.txt", HTS_NEW_HEADER + line + "\n")
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    after = (site.content / file).read_text(encoding="utf-8")
    assert after == before.replace(f"]({named})", f"]({original})"), after
    [note] = [n for n in (result.stdout + result.stderr).splitlines() if named in n]
    assert file in note and f"{named} by {original}" in note, note
    again = run_import(site, mirror)  # nothing left to do
    assert named not in again.stdout + again.stderr
    assert (site.content / file).read_text(encoding="utf-8") == after
    return result


def test_a_picture_an_httrack_mirror_lacks_keeps_the_address_its_cache_names(site, tmp_path):
    """HTTrack renames the file of an address with a query (/image/journal/article?img_id=5
    is `article0d5c.jpg`) and links it so even when it never got it: the article must keep
    the portal's address, which HTTrack's hts-cache/new.txt gives, not HTTrack's name."""
    [item] = items(1, start=760000)
    mirror = httrack_tree(tmp_path / "httrack", [item], {})
    query = "img_id=2287040&t=1661574431670"
    assert hashlib.md5(query.encode()).hexdigest()[:4] == "0d5c"  # HTTrack's name for it
    page = mirror / "source" / item.path.lstrip("/")
    html = page.read_text(encoding="utf-8").replace(
        "../../../" + item.image.lstrip("/"),
        "../../../image/journal/article0d5c.jpg?" + query.replace("&", "&amp;"),
    )
    page.write_text(html, encoding="utf-8")
    crawled_in = "C:/My Web Sites/sotttt"  # another machine's folder: only the tail counts
    lines = [
        f"06:43:41\t1200/1200\t---M--\t200\tadded ('OK')\ttext/html\tdate:x\t{HOST}{item.path}"
        f"\t{crawled_in}/{HOST}{item.path}\t(from )",
        f"06:43:42\t0/-1\t---M--\t404\terror ('Not%20Found')\ttext/html\tdate:x\t"
        f"{HOST}/image/journal/article?{query}\t"
        f"{crawled_in}/{HOST}/image/journal/article0d5c.jpg\t(from {HOST}{item.path})",
    ]
    write_file(mirror, "hts-cache/new.txt", HTS_NEW_HEADER + "\n".join(lines) + "\n")
    # The project folder, its host folder, or a section of the mirror.
    for given in (mirror, mirror / "source", mirror / "source" / "tin-tuc"):
        for article in site.content.rglob("*.md"):
            if "source_url" in article.read_text(encoding="utf-8"):
                article.unlink()
        result = run_import(site, given)
        assert result.returncode == 0, result.stderr
        original = f"https://{HOST}/image/journal/article?{query}"
        body = by_source(site)[item.url]["body"]
        assert "article0d5c" not in body + result.stderr, body
        assert f"]({original})" in body, body
        assert f"still linked to the old site: {original}" in result.stderr
        assert report(site)[0]["media_missing"] == [original]


def test_a_picture_httrack_kept_as_its_error_page_keeps_the_address_its_cache_names(site, tmp_path):
    """The portal answered a picture's address with a "not found" page: HTTrack saved
    that page under the picture's name with .html (anh-hoi-nghi.html for anh-hoi-nghi.png;
    its hts-cache/new.txt lists the name it meant, anh-hoi-nghi.png). The page is not
    copied as the picture, and the article keeps the picture's address, not HTTrack's."""
    [item] = items(1, start=762000)
    saved = "/documents/10180/7/anh-hoi-nghi.html"
    item = replace(item, image=saved)
    mirror = httrack_tree(tmp_path / "httrack", [item], {saved: ERROR_PAGE})
    original = f"https://{HOST}/documents/10180/7/anh-hoi-nghi.png"
    lines = [
        f"06:43:42\t169/169\t---M--\t404\terror ('Not%20Found')\ttext/html\tdate:x\t{original}"
        f"\t{HOST}/documents/10180/7/anh-hoi-nghi.png\t(from {HOST}{item.path})",
    ]
    write_file(mirror, "hts-cache/new.txt", HTS_NEW_HEADER + "\n".join(lines) + "\n")
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    body = by_source(site)[item.url]["body"]
    assert f"]({original})" in body and "anh-hoi-nghi.html" not in body, body
    assert f"{original}: " in result.stderr  # the note on the page not copied
    [line] = [line for line in report(site) if line["outcome"] == "imported"]
    assert line["media_missing"] == [original]


def test_an_httrack_mirror_of_a_site_on_another_port_reads_its_cache_and_other_hosts(
    site, tmp_path
):
    """HTTrack keeps the files of `HOST:8080` in `HOST_8080/`: hts-cache/new.txt, which
    names them so, was read for no file of it (the address of a picture HTTrack renamed
    was lost, and the note said the mirror had no cache); nor was a picture of another
    host on another port, `../../../../cdn.hbt.vn_8081/anh.jpg`, found."""
    [item] = items(1, start=743000)
    folder = tmp_path / "httrack" / f"{HOST}_8080"
    query = "img_id=2287040&t=1661574431670"
    html = page_html(item, "relative", comment=True)
    html = html.replace(f"Mirrored from {HOST}", f"Mirrored from {HOST}:8080").replace(
        "../../../" + item.image.lstrip("/"),
        "../../../image/journal/article0d5c.jpg?" + query.replace("&", "&amp;"),
    )
    cdn = '<p><img src="../../../../cdn.hbt.vn_8081/anh.jpg" alt="Ảnh"></p><p>Hội nghị đã'
    html = html.replace("<p>Hội nghị đã", cdn)
    write_file(folder, item.path, html)
    write_file(folder.parent, "cdn.hbt.vn_8081/anh.jpg", JPEG)
    original = f"https://{HOST}:8080/image/journal/article?{query}"
    line = hts_line(original, f"{HOST}_8080/image/journal/article0d5c.jpg")
    write_file(folder.parent, "hts-cache/new.txt", HTS_NEW_HEADER + line + "\n")
    result = run_import(site, folder.parent)
    assert result.returncode == 0, result.stderr
    body = by_source(site)[item.url.replace(HOST, f"{HOST}:8080")]["body"]
    assert f"]({original})" in body and "article0d5c" not in body, body
    [copy] = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert copy.read_bytes() == JPEG and copy.name in body, body


def httrack_cache_zip(entries: dict[str, str]) -> bytes:
    """hts-cache/new.zip as HTTrack 3.49 writes it: an entry a transfer, named by its
    address, its header lines (`X-Save:` the local file) in the entry's local extra field
    only (zipfile reads them as a corrupt extra field, so the zip is put together here)."""
    local, central = b"", b""
    for url, saved in entries.items():
        name, data = url.encode(), b""
        extra = f"HTTP/1.1 404 Not Found\r\nX-In-Cache: 1\r\nX-Save: {saved}\r\n".encode()
        fields = (20, 0, 0, 0, 0, zlib.crc32(data), len(data), len(data), len(name))
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0,
                               len(local)) + name  # fmt: skip
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, len(extra)) + name + extra
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                      len(local), 0)  # fmt: skip
    return local + central + end


def test_a_mirror_copied_with_httracks_cache_but_not_its_logs_reads_the_cache(site, tmp_path):
    """Without hts-cache/new.txt (a log, which a copy may leave out), the cache itself,
    hts-cache/new.zip, names the address of each file HTTrack saved or meant to save."""
    [item] = items(1, start=763000)
    mirror = httrack_tree(tmp_path / "httrack", [item], {})
    query = "img_id=2287040&t=1661574431670"
    page = mirror / "source" / item.path.lstrip("/")
    html = page.read_text(encoding="utf-8").replace(
        "../../../" + item.image.lstrip("/"),
        "../../../image/journal/article0d5c.jpg?" + query.replace("&", "&amp;"),
    )
    page.write_text(html, encoding="utf-8")
    original = f"http://{HOST}/image/journal/article?{query}"
    cache = httrack_cache_zip({original: f"{HOST}/image/journal/article0d5c.jpg"})
    write_file(mirror, "hts-cache/new.zip", cache)
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    body = by_source(site)[item.url]["body"]
    assert f"]({original})" in body and "article0d5c" not in body, body


@pytest.mark.parametrize("cache", ["new.zip", "old.zip"])
def test_a_short_new_txt_of_an_update_run_leaves_the_other_files_to_the_cache(
    site, tmp_path, cache
):
    """An update run (httrack --update) writes a new.txt of its own transfers alone: a
    picture it did not fetch again is listed in the cache, new.zip, only. new.txt was read
    instead of new.zip, and that picture kept HTTrack's name for its address. An update
    stopped midway leaves the whole cache of the run before as old.zip (HTTrack itself
    takes it back on its next run): it is read for what the newer files lack."""
    portal = items(2, start=765000)
    mirror = httrack_tree(tmp_path / "httrack", portal, {})
    queries = ["img_id=2287040&t=1661574431670", "img_id=2287041&t=1661574431671"]
    names = ["article0d5c.jpg", "article7a1e.jpg"]
    for item, query, name in zip(portal, queries, names, strict=True):
        page = mirror / "source" / item.path.lstrip("/")
        html = page.read_text(encoding="utf-8").replace(
            "../../../" + item.image.lstrip("/"),
            f"../../../image/journal/{name}?" + query.replace("&", "&amp;"),
        )
        page.write_text(html, encoding="utf-8")
    originals = [f"https://{HOST}/image/journal/article?{query}" for query in queries]
    run_line = hts_line(originals[0], f"{HOST}/image/journal/{names[0]}")
    write_file(mirror, "hts-cache/new.txt", HTS_NEW_HEADER + run_line + "\n")
    saved = dict(zip(originals, [f"{HOST}/image/journal/{name}" for name in names], strict=True))
    write_file(mirror, f"hts-cache/{cache}", httrack_cache_zip(saved))
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    for item, original, name in zip(portal, originals, names, strict=True):
        body = by_source(site)[item.url]["body"]
        assert f"]({original})" in body and name not in body, body


def test_a_damaged_httrack_cache_is_read_as_none(site, tmp_path):
    """A new.zip that zipfile cannot read (a version it does not know, written over by a
    disk error) stopped the import with a traceback: it tells nothing, and the pages are
    imported as without it."""
    [item] = items(1, start=764000)
    mirror = httrack_tree(tmp_path / "httrack", [item], {})
    cache = bytearray(httrack_cache_zip({f"http://{HOST}/a.jpg": f"{HOST}/a.jpg"}))
    at = cache.index(b"PK\x01\x02")
    cache[at + 6 : at + 8] = struct.pack("<H", 125)  # "version needed to extract": 12.5
    write_file(mirror, "hts-cache/new.zip", bytes(cache))
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    assert list(by_source(site)) == [item.url]


def test_without_httracks_cache_its_name_for_a_lacking_picture_is_said_to_be_its_own(
    site, tmp_path
):
    """A mirror copied without its hts-cache/ (as the shared sample was): the address
    HTTrack's name stands for cannot be known, and the note says the name is HTTrack's
    and where the real address is, not that the portal had it; nor, the mirror imported
    whole, that the folder imported holds the cache."""
    [item] = items(1, start=761000)
    mirror = httrack_tree(tmp_path / "httrack", [item], {})
    page = mirror / "source" / item.path.lstrip("/")
    renamed = f"../../../{DOCUMENT_NAMED}"
    html = page.read_text(encoding="utf-8").replace("../../../" + item.image.lstrip("/"), renamed)
    page.write_text(html, encoding="utf-8")
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    [note] = [line for line in result.stderr.splitlines() if "anh11d1.jpg" in line]
    assert "the name HTTrack gave it" in note and "hts-cache/ folder (new.txt, new.zip)" in note
    assert "which holds it" not in note and "copied without" in note, note


def test_the_articles_written_from_a_folder_name_it_once(site, tmp_path):
    """Each line saying where a page went began with the folder's whole path
    (`/…/sotttt-mirror/source/…/view_content/…html -> content/2016/04/….md`): the folder
    is said once, above them, each page then from it."""
    pages = items(2, start=764000)
    mirror = httrack_tree(tmp_path / "httrack", pages, {})
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(str(mirror)) == 1, result.stdout
    for item in pages:
        assert re.search(rf"^source{re.escape(item.path)} -> content/\S+\.md$", result.stdout, re.M)


def test_the_notes_on_the_pages_of_a_warc_name_the_warc_once(site, tmp_path):
    """In a WARC, a page is named by the file, its record and its address
    (`/…/crawl.warc.gz#617851 (host/path)`): the file's path was said on every line of
    the notes; it is said once, each page by its record and address."""
    pytest.importorskip("warcio")
    pages = items(2, start=763000)  # their pictures are not in the WARC
    crawl = tmp_path / "thu-thap" / "crawl.warc.gz"
    crawl.parent.mkdir()
    crawl.write_bytes(warc_of([Response(i.url, page_html(i, "full").encode()) for i in pages]))
    result = run_import(site, crawl)
    assert result.returncode == 0, result.stderr
    err = result.stderr
    assert err.count(str(crawl)) == 1, err
    for item in pages:
        said = f"https://{HOST}{item.image}"
        assert re.search(
            rf"^    #\d+ \({HOST}{re.escape(item.path)}\): {re.escape(said)}$", err, re.M
        )


def test_pictures_known_by_httracks_names_are_explained_once_after_their_addresses(site, tmp_path):
    """The shared mirror, copied without its hts-cache/, links 13 pictures by HTTrack's
    names, and each of the 13 notes repeated after its address the same 300 letters
    about HTTrack's names and its cache. Each address is now said on its own line, under
    the page, and what HTTrack's name is and what to do about it once, after them."""
    pages = items(2, start=762000)
    mirror = httrack_tree(tmp_path / "httrack", pages, {})
    for n, item in enumerate(pages):
        page = mirror / "source" / item.path.lstrip("/")
        query = f"t={n}"  # HTTrack's name: the query's MD5 before the extension
        renamed = f"../../../documents/1/2/anh.jpg/anh{_md5(query)}.jpg?{query}"
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace("../../../" + item.image.lstrip("/"), renamed), "utf-8")
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    err = result.stderr
    assert err.count("which the portal never had") == 1, err
    for n, item in enumerate(pages):
        query = f"t={n}"
        address = f"https://{HOST}/documents/1/2/anh.jpg/anh{_md5(query)}.jpg?{query}"
        assert f"\n    source{item.path}: {address}\n" in err, err
    explained = err.index("which the portal never had")
    assert explained > err.index(f"anh{_md5('t=1')}") and "hts-cache/" in err[explained:]


def test_a_liferay_image_httrack_renamed_is_linked_at_the_portals_address(site, tmp_path):
    """HTTrack saves /image/journal/article?img_id=…&t=… as article<4 hex digits of the
    query's MD5>.jpg. Without the picture in the mirror, the article linked
    https://HOST/image/journal/article0d5c.jpg?img_id=…, an address the portal never had
    (41 of the 74 pictures of the shared samples). Liferay's image servlet names a picture
    by its query alone, so the name tells the address whole, which the Wayback Machine may
    hold. A name whose ending may be the file's own or HTTrack's (a document's
    anh.jpg/anh0d5c.jpg?t=…) tells no address: it stays, said to be HTTrack's."""
    pages = items(2, start=767000)
    mirror = httrack_tree(tmp_path / "httrack", pages, {})
    query = "img_id=2287040&t=1661574431670"
    renamed = {
        pages[0]: f"image/journal/article{_md5(query)}.jpg?{query}",
        pages[1]: f"documents/554897/555005/anh.jpg/anh{_md5('t=1517453343331')}.jpg"
        "?t=1517453343331",
    }
    for item, name in renamed.items():
        page = mirror / "source" / item.path.lstrip("/")
        html = page.read_text(encoding="utf-8").replace(
            "../../../" + item.image.lstrip("/"), "../../../" + name.replace("&", "&amp;")
        )
        page.write_text(html, "utf-8")
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    portal = f"https://{HOST}/image/journal/article?{query}"
    assert f"]({portal})" in by_source(site)[pages[0].url]["body"]
    assert f"article{_md5(query)}.jpg?{query}" not in result.stdout + result.stderr
    assert noted(result.stderr, "not in the crawl, still linked to the old site", portal)
    document = f"https://{HOST}/{renamed[pages[1]]}"
    assert f"]({document})" in by_source(site)[pages[1].url]["body"]
    assert document in result.stderr and "by the name HTTrack gave it" in result.stderr


def test_an_article_imported_before_by_httracks_name_of_a_liferay_image_gets_its_address(
    site, tmp_path
):
    """An article imported before the name told the address links HTTrack's name
    (article0d5c.jpg?img_id=…): imported again, the link, the import's own, is replaced
    by the portal's address, which the name tells, and the import says so of the file."""
    [item] = items(1, start=767500)
    mirror = httrack_tree(tmp_path / "httrack", [item], {})
    query = "img_id=2287040&t=1661574431670"
    named = f"image/journal/article{_md5(query)}.jpg?{query}"
    page = mirror / "source" / item.path.lstrip("/")
    html = page.read_text(encoding="utf-8").replace(
        "../../../" + item.image.lstrip("/"), "../../../" + named.replace("&", "&amp;")
    )
    page.write_text(html, "utf-8")
    assert run_import(site, mirror).returncode == 0
    file = by_source(site)[item.url]["file"]
    portal = f"https://{HOST}/image/journal/article?{query}"
    written = (site.content / file).read_text(encoding="utf-8")
    (site.content / file).write_text(written.replace(portal, f"https://{HOST}/{named}"), "utf-8")
    again = run_import(site, mirror)
    assert again.returncode == 0, again.stderr
    said = again.stdout + again.stderr
    assert file in said and f"https://{HOST}/{named} by {portal}" in said, said
    assert (site.content / file).read_text(encoding="utf-8") == written


def test_a_picture_httrack_saved_as_a_web_page_is_not_said_to_be_at_the_portals_address(
    site, tmp_path
):
    """HTTrack saves what the portal answered a picture's address with, when a web page
    (an error or a moved page), under the picture's name with .html for its own ending:
    the shared mirror links 13 pictures so (…/1450180754623.html). Without hts-cache/, the
    note said each was "not in the crawl, still linked to the old site" at that address,
    as if the portal had had it. It is now said with HTTrack's other names, what is not
    known and how to have it explained once for both."""
    pages = items(2, start=765000)
    mirror = httrack_tree(tmp_path / "httrack", pages, {})
    query = "t=7"
    renamed = {
        pages[0]: f"../../../documents/1/2/anh.jpg/anh{_md5(query)}.jpg?{query}",
        pages[1]: "../../../images/554897/145/018/075/462/3/1450180754623.html",
    }
    for item, name in renamed.items():
        page = mirror / "source" / item.path.lstrip("/")
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace("../../../" + item.image.lstrip("/"), name), "utf-8")
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    err = result.stderr
    heading = "note: not in the crawl, still linked to the old site by the name HTTrack gave it"
    assert f"{heading} (2 on 2 pages):\n" in err, err
    for item, name in renamed.items():
        address = f"https://{HOST}/" + name.removeprefix("../../../")
        assert f"\n    source{item.path}: {address}\n" in err, err
        assert by_source(site)[item.url]["body"].count(f"]({address})") == 1  # as linked
    [explained] = [line for line in err.splitlines() if line.startswith("    for each: ")]
    for said in ("a query", "a web page", ".html", "not known", "keep its hts-cache/"):
        assert said in explained, explained
    assert err.count("not known") == 1, err  # once for both


def test_a_page_of_an_httrack_mirror_named_alone_does_not_give_httracks_names_as_the_portals(
    site, tmp_path
):
    """A page taken out of an HTTrack mirror and imported alone (the shared sample A) said
    'not beside the page, still linked to the old site: https://…/article0d5c.jpg?img_id=…',
    HTTrack's name given as the portal's address of the picture. It is said to be
    HTTrack's, and the fix is to import the page with its mirror's hts-cache/."""
    [item] = items(1, start=766000)
    html = page_html(item, "relative", comment=True).replace(
        "../../../" + item.image.lstrip("/"), f"../../../{DOCUMENT_NAMED}"
    )
    page = tmp_path / "bai.html"
    page.write_text(html, encoding="utf-8")
    result = run_import(site, page)
    assert result.returncode == 0, result.stderr
    named = f"https://{HOST}/{DOCUMENT_NAMED}"
    [note] = [line for line in result.stderr.splitlines() if named in line]
    assert "by the name HTTrack gave it" in note and "not known" in note, note
    assert "the mirror's project folder" in note and "hts-cache/" in note, note
    assert "the the" not in note, note  # "import the the mirror's project folder"


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()[:4]


# HTTrack's name for a Liferay document's /documents/…/anh.jpg/<its id>?t=…: its ending may
# be the file's own or HTTrack's, so the name tells no address (11d1: MD5 of the query).
DOCUMENT_NAMED = "documents/554897/555005/anh.jpg/anh11d1.jpg?t=1517453343331"


@pytest.mark.parametrize(
    ("saved", "meant", "original"),
    [
        (DOCUMENT_NAMED, DOCUMENT_NAMED.split("?")[0],
         "documents/554897/555005/anh.jpg/c9abb218-f9e2-41c1-b57c-36e6f1b1a5b6?t=1517453343331"),
        ("documents/10180/7/anh-hoi-nghi.html", "documents/10180/7/anh-hoi-nghi.png",
         "documents/10180/7/anh-hoi-nghi.png"),  # the portal answered with a page
    ],
)  # fmt: skip
def test_an_article_imported_without_httracks_cache_gets_its_address_when_the_cache_comes(
    site, tmp_path, saved, meant, original
):
    """A mirror imported without its hts-cache/ leaves an article linking a picture by
    HTTrack's name, which the portal never had. Imported again with the cache found, the
    import named the link and the address to write by hand in each file; the link is the
    import's own, as one to a picture the crawl lacked is, so it is now replaced by the
    portal's address where it still names HTTrack's name (for a picture HTTrack saved as a
    web page, NAME.html, too), nothing else in the file changing; a link the editor
    pointed elsewhere stays theirs."""
    [item] = items(1, start=761500)
    mirror = httrack_tree(tmp_path / "httrack", [item], {})
    page = mirror / "source" / item.path.lstrip("/")
    renamed = "../../../" + saved.replace("&", "&amp;")
    html = page.read_text(encoding="utf-8").replace("../../../" + item.image.lstrip("/"), renamed)
    page.write_text(html, encoding="utf-8")
    assert run_import(site, mirror).returncode == 0
    file = by_source(site)[item.url]["file"]
    named = f"https://{HOST}/{saved}"
    edited = (site.content / file).read_text(encoding="utf-8") + "\nThêm bởi biên tập viên.\n"
    assert f"]({named})" in edited
    (site.content / file).write_text(edited, encoding="utf-8")
    original = f"https://{HOST}/{original}"
    line = hts_line(original, f"{HOST}/{meant}")
    result = replaced_when_the_cache_comes(site, mirror, line, file, named, original)
    assert summary(result)["already there"] == 1, result.stderr
    # A link the editor pointed elsewhere is theirs.
    elsewhere = edited.replace(f"]({named})", "](https://example.org/anh.jpg)")
    (site.content / file).write_text(elsewhere, encoding="utf-8")
    run_import(site, mirror)
    assert (site.content / file).read_text(encoding="utf-8") == elsewhere


def test_a_page_link_by_httracks_name_in_an_article_there_gets_its_address_when_the_cache_comes(
    site, tmp_path
):
    """An HTTrack mirror links a page of an address with a query by a name of its own
    (chi-tiet.aspx?ItemID=5 is `tin-tuc/chi-tiet<4 hex>.html?ItemID=5`); imported without
    its hts-cache/ and without that page, the article keeps that name, which the portal
    never had. A later import with the cache replaced such a picture's or file's name by
    its address, but left the page's link: it led nowhere, though the archive held the
    article. It is now replaced by the address too, which the build links to the
    article's page."""
    [item] = items(1, start=761600)
    mirror = httrack_tree(tmp_path / "httrack", [item], {})
    page = mirror / "source" / item.path.lstrip("/")
    saved = f"tin-tuc/chi-tiet{_md5('ItemID=5')}.html"
    related = f'<p>Xem thêm: <a href="../../../{saved}?ItemID=5">Kết quả hội nghị</a></p>'
    html = page.read_text(encoding="utf-8").replace(
        "<p>Hội nghị đã thảo luận", related + "<p>Hội nghị đã thảo luận"
    )
    page.write_text(html, encoding="utf-8")
    assert run_import(site, mirror).returncode == 0
    file = by_source(site)[item.url]["file"]
    named = f"https://{HOST}/{saved}?ItemID=5"
    before = (site.content / file).read_text(encoding="utf-8")
    assert f"[Kết quả hội nghị]({named})" in before
    original = f"https://{HOST}/tin-tuc/chi-tiet.aspx?ItemID=5"
    site.add(
        "2020/01/ket-qua-hoi-nghi.md",
        f"---\ntitle: Kết quả hội nghị\ndate: 2020-01-05\nsource_url: {original}\n---\n\n"
        "Kết quả.\n",
    )
    line = hts_line(original, f"{HOST}/{saved}", found=True)
    replaced_when_the_cache_comes(site, mirror, line, file, named, original)
    assert site.build() == 0
    built = BeautifulSoup(site.read(file.removesuffix(".md") + "/index.html"), "html.parser")
    link = built.find("a", string="Kết quả hội nghị")
    assert link["href"] == "../../../2020/01/ket-qua-hoi-nghi/", link


def data_address(kind: str, data: bytes, encoding: str = "base64") -> str:
    """A picture held in the page itself, as editors pasting a photo leave it: base64 in
    lines of 76 letters (as mail and some editors wrap it), or percent-encoded (an SVG)."""
    if encoding == "base64":
        text = base64.b64encode(data).decode()
        return f"data:{kind};base64," + "\n".join(text[n : n + 76] for n in range(0, len(text), 76))
    return f"data:{kind}," + quote(data.decode())


def with_pictures(page: Path, pictures: list[tuple[str, str]]) -> None:
    """The page with its picture replaced by ``pictures`` (address, caption)."""
    html = page.read_text(encoding="utf-8")
    shown = "".join(
        f'<p><img src="{html_escape(src)}" alt=""></p><p><em>{caption}</em></p>'
        for src, caption in pictures
    )
    page.write_text(re.sub(r"<p><img [^>]*></p>", lambda _: shown, html), encoding="utf-8")


PHOTO = JPEG + bytes(range(255, -1, -1)) * 8  # a pasted photo: 3 KB, over 4,000 letters
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
SQUARES = "".join(f'<rect x="{n}" y="{n}" width="9" height="9" fill="#8b8378"/>' for n in range(60))
# An SVG held in a page, as an editor pasted it (the crawled one: a test below).
SVG = f'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="300">{SQUARES}</svg>'.encode()


def test_pictures_held_in_the_page_itself_are_copied_as_crawled_ones_are(site, tmp_path):
    """Editors pasted photos into the portal's editor, which kept them inside the page as
    data: addresses: they are copied into media/ under the same names as a crawled file
    (by the digest of their bytes, stored once), and the article shows them. One that
    cannot be read, or is no picture the site serves, is named in a note."""
    crawled, pasted = items(2, start=750000)
    media = {crawled.image: PHOTO}
    mirror = httrack_tree(tmp_path / "httrack", [crawled, pasted], media)
    broken = "data:image/jpeg;base64,/9j/" + "!" * 3000
    bitmap = data_address("image/bmp", b"BM" + bytes(4000))
    with_pictures(
        mirror / "source" / pasted.path.lstrip("/"),
        [
            (data_address("image/jpeg", PHOTO), "Ảnh dán vào bài, như ảnh đã tải"),
            (data_address("image/png", PNG), "Ảnh PNG"),
            (data_address("image/svg+xml", SVG, "percent"), "Sơ đồ"),
            (broken, "Ảnh hỏng"),
            (bitmap, "Ảnh BMP"),
            (data_address("image/svg+xml", b"<svg>" + b"<rect/>" * 400, "percent"), "Sơ đồ"),
        ],
    )
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr

    stored = {}
    for path in (site.root / "static" / "media").rglob("*"):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            assert path.parent.name == digest[:2] and path.name.startswith(digest[:16])
            stored[path.name[17:]] = path.read_bytes()
    # The photo the crawl holds and the page holds too is one file, named by the crawl.
    named = Path(crawled.image).name
    assert stored == {named: PHOTO, "anh.png": PNG, "anh.svg": SVG}
    body = by_source(site)[pasted.url]["body"]
    assert "data:" not in body and "invalid" not in body
    assert re.findall(
        r"!\[\]\(\.\./\.\./\.\./media/[0-9a-f]{2}/[0-9a-f]{16}-([a-z0-9-]+\.\w+)\)", body
    ) == [
        named,
        "anh.png",
        "anh.svg",
    ]
    assert by_source(site)[crawled.url]["body"].count("](../../../media/") == 1

    lost = "left out a picture stored inside the page itself"
    assert f"{lost} (data:image/jpeg;base64,/9j/!!!" in result.stderr
    assert "its base64 data is broken" in result.stderr
    assert f"{lost} (data:image/bmp;base64,Qk0A" in result.stderr
    assert "it is image/bmp, not a JPEG, PNG, GIF, WebP or SVG picture" in result.stderr
    assert "save it by hand from the original page" in result.stderr
    assert f"{lost} (data:image/svg+xml,%3Csvg%3E%3Crect" in result.stderr
    assert "it is not an SVG picture a browser can show: it is not well-formed XML" in result.stderr

    assert site.build() == 0
    page = page_of(site, by_source(site)[pasted.url]["file"])
    shown = [img["src"] for img in page.select(".article-body img")]
    assert len(shown) == 3
    for src in shown:  # each picture is there, and the SVG only in an <img>
        built = (site.output / by_source(site)[pasted.url]["file"]).with_suffix("") / src
        assert built.resolve().read_bytes() in (PHOTO, PNG, SVG)
    showing_svg = page.select_one(".article-body").find_all(
        lambda tag: any(".svg" in str(value) for value in tag.attrs.values())
    )
    assert [tag.name for tag in showing_svg] == ["img"]
    captions = [em.get_text() for em in page.select(".article-body em")]
    assert captions == [
        "Ảnh dán vào bài, như ảnh đã tải",
        "Ảnh PNG",
        "Sơ đồ",
        "Ảnh hỏng",
        "Ảnh BMP",
        "Sơ đồ",
    ]


# What a crawled SVG may hold that runs when the picture is opened alone, each of the
# ways browsers know: a script, an event handler, a javascript: link (written with a tab
# inside, which browsers ignore), an animation setting one, and a page in foreignObject.
ACTIVE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="640" height="300" onload="alert(1)">'
    f'<a xlink:href="java&#9;script:alert(2)">{SQUARES}</a>'
    '<a href="#x"><set attributeName="xlink:href" to="javascript:alert(3)" begin="0s"/>'
    '<text x="200" y="150" font-size="40">Sơ đồ tổ chức</text></a>'
    '<foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml">'
    "<script>alert(4)</script></body></foreignObject>"
    "<script>alert(5)</script></svg>"
).encode()
# The portal's error page, saved by HTTrack where a picture was (Liferay's /images/...
# addresses end in .html): served from the archive, its script would run there.
ERROR_PAGE = (
    b"<!DOCTYPE html><html><head><title>Error</title><script>document.cookie</script>"
    b"</head><body><p>The requested resource was not found.</p></body></html>"
)

XHTML_PAGE = (
    b'<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(6)</script></body></html>'
)


def test_a_crawled_picture_that_could_run_script_is_copied_without_it(site, tmp_path, browser):
    """An SVG is a document: shown by the article's <img> nothing in it runs, but its copy
    is also served alone at /media/..., on the archive's domain, where its scripts would
    run for a reader who opens the picture. It is copied without them, and looks the
    same. A web page where a picture was, and an SVG no browser can read, are not
    copied: each is a note printed with the lost pictures, and the article links to the
    old address as for a file the crawl lacks."""
    svg, page, broken, document = (
        replace(item, image=image)
        for item, image in zip(
            items(4, start=770000),
            (
                "/documents/10180/0/so-do.svg",
                "/images/journal/article/1450180676331.html",
                "/documents/10180/2/hong.svg",
                "/documents/10180/3/so-do.xml",  # served as XML, whose XHTML scripts run
            ),
            strict=True,
        )
    )
    media = {
        svg.image: ACTIVE_SVG,
        page.image: ERROR_PAGE,
        broken.image: b"<svg><rect></svg",
        document.image: XHTML_PAGE,
    }
    portal = [svg, page, broken, document]
    result = run_import(site, httrack_tree(tmp_path / "httrack", portal, media))
    assert result.returncode == 0, result.stderr

    [stored] = (site.root / "static" / "media").rglob("*.*")
    assert stored.name.endswith("-so-do.svg")
    assert stored.name.startswith(hashlib.sha256(stored.read_bytes()).hexdigest()[:16])
    copy = stored.read_text(encoding="utf-8")
    for running in ("script", "onload", "alert", "<set", "foreignObject"):
        assert running not in copy
    assert copy.count("<rect ") == 60 and "Sơ đồ tổ chức" in copy
    left_out = "(<foreignobject>, <script>, <set>, href=javascript:, onload=): it shows as it did"
    assert f"left out of the picture https://{HOST}{svg.image} what could run" in result.stderr
    assert left_out in result.stderr
    err = result.stderr
    not_page = "the crawl holds a web page or document at that address, not a picture or file"
    not_svg = f"did not copy https://{HOST}{broken.image}: it is not an SVG picture a browser"
    assert f"did not copy https://{HOST}{page.image}: {not_page} (a .html file" in err
    assert f"did not copy https://{HOST}{document.image}: {not_page} (a .xml file" in err
    assert not_svg in err
    assert "0 not in the crawl" in result.stdout  # the crawl held them: they are not "missing"
    written = by_source(site)
    for item in (page, broken, document):
        assert f"](https://{HOST}{item.image})" in written[item.url]["body"]

    assert site.build() == 0
    dialogs: list[str] = []
    with serve(site.output) as address:
        tab = browser.new_page()
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        article = written[svg.url]["file"].removesuffix(".md") + "/"
        tab.goto(address + article)
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("document.querySelector('.article-body img').naturalWidth") == 640
        tab.goto(address + "media/" + stored.relative_to(stored.parents[1]).as_posix())
        tab.wait_for_load_state("networkidle")
        shown = tab.evaluate(
            "[document.documentElement.localName, document.querySelectorAll('rect').length]"
        )
        assert shown == ["svg", 60]
        for link in tab.query_selector_all("a"):
            link.click()
        tab.wait_for_timeout(200)
        tab.close()
    assert dialogs == []


def test_notes_of_lost_pictures_are_printed_before_the_files_still_on_the_old_site(site, tmp_path):
    """A crawl has dozens of files it lacks, each a note ("not in the crawl"); the few
    that say a picture was lost were printed after them, and cut off with "... and N
    more" when they came late: they come first, all of them."""
    many, late = items(2, start=760000)
    mirror = httrack_tree(tmp_path / "httrack", [many, late], {})
    lacking = [(f"https://cdn.hbt.vn/khong-luu-{n}.jpg", f"Ảnh {n}") for n in range(70)]
    with_pictures(mirror / "source" / many.path.lstrip("/"), lacking)
    placeholder = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
    broken = "data:image/png;base64,iVBOR" + "*" * 3000
    pictures = [(placeholder, "Ảnh chưa tải"), (broken, "Ảnh hỏng")]
    with_pictures(mirror / "source" / late.path.lstrip("/"), pictures)
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    err = result.stderr
    routine = err.index("not in the crawl, still linked to the old site")
    assert err.index("left out images that showed only a lazy-loading placeholder") < routine
    assert err.index("left out a picture stored inside the page itself (data:image/png") < routine
    assert "... and 10 more note(s): see import-report.jsonl" in err


def test_notes_of_one_kind_are_said_once_with_each_page_from_the_folder_imported(site, tmp_path):
    """Each note repeated what it was and the page's whole path: the shared sotttt mirror
    gave 81 lines of `/…/sotttt-mirror/source/hoat-ong-ang-oan-the/-/view_content/…html:
    note: not in the crawl, still linked to the old site: URL`. The kind is said once, the
    folder imported once, and under the kind each page from that folder with every
    address of its own, one a line."""
    pages = items(3, start=770000)
    mirror = httrack_tree(tmp_path / "httrack", pages, {})
    lacking: dict[str, list[str]] = {}
    for n, item in enumerate(pages):
        urls = [f"https://cdn.hbt.vn/thieu-{item.article_id}-{k}.jpg" for k in range(n + 1)]
        with_pictures(mirror / "source" / item.path.lstrip("/"), [(u, "Ảnh") for u in urls])
        lacking["source" + item.path] = urls
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    err = result.stderr
    assert err.count("not in the crawl, still linked to the old site") == 1
    assert f"{mirror}{os.sep}" in err and err.count(str(mirror)) == 1
    kind = err.index("not in the crawl, still linked to the old site (6 on 3 pages):\n")
    for page, urls in lacking.items():
        if len(urls) == 1:
            assert f"\n    {page}: {urls[0]}\n" in err[kind:]
        else:
            assert f"\n    {page}:\n" + "".join(f"        {u}\n" for u in urls) in err[kind:]
    report = [json.loads(line) for line in (site.root / "import-report.jsonl").open()]
    assert sum(len(line["notes"]) for line in report) == 6 + 3  # and the HTTrack comment's


# The placeholders lazy-loading scripts show: a 1x1 GIF (43 bytes), a 1x1 PNG.
PIXEL_GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def test_a_photo_named_like_a_placeholder_is_kept_and_a_placeholder_known_by_its_bytes(
    site, tmp_path
):
    """A real photo whose name held `lazy`, `blank` or `pixel` (blanket-donation.jpg,
    pixel-art-contest.png, lazy-river.jpg) was taken for a lazy-loading placeholder by
    its name and left out. A placeholder is what its bytes are: a 1x1 picture, left out
    and named; never copied in place of the picture that sits in data-src beside it."""
    [item] = items(1, start=741000)
    photos = {
        "/uploads/2020/blanket-donation.jpg": JPEG + b"chan",
        "/uploads/pixel-art-contest.png": PNG,
        "/uploads/lazy-river.jpg": JPEG + b"song",
    }
    placeholders = {"/images/spacer.gif": PIXEL_GIF, "/images/cho.png": PIXEL_PNG}
    mirror = httrack_tree(tmp_path / "httrack", [item], {**photos, **placeholders})
    page = mirror / "source" / item.path.lstrip("/")
    up = "../../../"
    shown = "".join(
        f'<p><img src="{up}{path.lstrip("/")}" alt="Ảnh {n}"></p>' for n, path in enumerate(photos)
    )
    shown += f'<p><img src="{up}images/spacer.gif" alt="Ảnh trống"></p>'
    # Its real picture beside it, which the crawl lacks: never the placeholder instead.
    shown += f'<p><img src="{up}images/cho.png" data-src="{up}uploads/that-lac.jpg" alt="L"></p>'
    shown += f'<p><img src="{up}images/spacer.gif" data-echo="{up}uploads/lac-2.jpg" alt="Lạc"></p>'
    html = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"<p><img [^>]*></p>", lambda _: shown, html), encoding="utf-8")
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    [article] = by_source(site).values()
    body = article["body"]
    kept = re.findall(r"!\[(Ảnh \d)\]\(([^)]+)\)", body)
    assert [alt for alt, _ in kept] == ["Ảnh 0", "Ảnh 1", "Ảnh 2"], body
    copies = [(site.root / "static" / link.removeprefix("../../../")) for _, link in kept]
    assert [c.read_bytes() for c in copies] == list(photos.values())
    assert [c.name[17:] for c in copies] == [
        "blanket-donation.jpg",
        "pixel-art-contest.png",
        "lazy-river.jpg",
    ]
    assert "spacer.gif" not in body and "cho.png" not in body
    stored = [p.read_bytes() for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert PIXEL_GIF not in stored and PIXEL_PNG not in stored
    # Each picture left out is named, with its address, in the output and the report.
    [row] = report(site)
    [lost] = [n for n in row["notes"] if "spacer.gif" in n]
    assert "placeholder" in lost and "1x1" in lost, lost
    assert lost in result.stderr
    for lost in ("that-lac.jpg", "lac-2.jpg"):
        assert f"https://{HOST}/uploads/{lost}" in body
        assert noted(
            result.stderr,
            "not in the crawl, still linked to the old site",
            f"https://{HOST}/uploads/{lost}",
        )


def test_one_section_of_a_crawl_imports_as_within_the_whole(site, tmp_path):
    """A folder given inside a wget tree takes its host from the folder names above it;
    inside an HTTrack project, the other hosts' files are still found beside the host's.
    Without hts-cache/, in a host folder renamed, nothing above the section tells the
    crawl's folder but the page's address, which is the crawl's to choose: the picture
    stays linked to the old site, as one outside the crawl."""
    portal, media = portal_with_media(2)
    wget = wget_tree(tmp_path / "wget", portal, media)
    result = run_import(site, wget / HOST / "tin-tuc")
    assert result.returncode == 0, result.stderr
    written = by_source(site)
    assert sorted(written) == sorted(i.url for i in portal)
    for item in portal:
        # Nothing in the section tells whether wget -E added the .html (README): both.
        assert written[item.url]["aliases"] == [item.path, item.path.removesuffix(".html")]
        assert "](../../../media/" in written[item.url]["body"]
    assert "media: 3 file(s) copied" in result.stdout.lower()

    item = items(1, start=750000)[0]
    httrack = httrack_tree(tmp_path / "httrack", [item], {})
    page = httrack / "source" / item.path.lstrip("/")
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("../../../documents/", "../../../../cdn.hbt.vn/"), "utf-8")
    (httrack / "cdn.hbt.vn" / item.image.removeprefix("/documents/")).parent.mkdir(parents=True)
    (httrack / "cdn.hbt.vn" / item.image.removeprefix("/documents/")).write_bytes(JPEG)
    result = run_import(site, httrack / "source" / "tin-tuc" / "-")
    assert result.returncode == 0, result.stderr
    assert "](https://cdn.hbt.vn/" in by_source(site)[item.url]["body"], result.stderr
    assert "not in the crawl, still linked to the old site: https://cdn.hbt.vn/" in result.stderr
    for written in site.content.rglob("*.md"):
        written.unlink()
    (httrack / "hts-cache").mkdir()
    result = run_import(site, httrack / "source" / "tin-tuc" / "-")
    assert result.returncode == 0, result.stderr
    assert "](../../../media/" in by_source(site)[item.url]["body"], result.stderr
    assert site.build() == 0


# --- WARC and WACZ ---------------------------------------------------------------------


@pytest.fixture
def warc_portal(tmp_path):
    pytest.importorskip("warcio")
    portal, media = portal_with_media()
    lacking = Item(
        710000, "Tin có ảnh không lưu", "05/05/2019", image="/documents/10180/9/khong-co.jpg"
    )
    extra = {
        f"https://{HOST}/c/portal/login": LOGIN_PAGE,
        lacking.url: __import__("capture_fixtures").page_html(lacking, "full"),
    }
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes(portal, media, extra))
    return path, portal, media, lacking


def test_a_warc_imports_in_one_call_and_check_finds_no_link_to_the_old_host(site, warc_portal):
    path, portal, media, lacking = warc_portal
    site.configure(original_site=[f"https://{HOST}/", "http://old.example.vn/"])
    result = run_import(site, path)
    assert result.returncode == 0, result.stderr
    counts = summary(result)
    assert (counts["pages seen"], counts["imported"], counts["not articles"]) == (5, 4, 1)
    written = by_source(site)
    assert sorted(written) == sorted([*(i.url for i in portal), lacking.url])
    copies = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert sorted(p.read_bytes() for p in copies) == sorted(media.values())
    assert "1 not in the crawl" in result.stdout
    assert f"https://{HOST}{lacking.image}" in result.stderr

    checked = run(site, "check")
    assert checked.returncode == 0, checked.stderr
    warnings = [line for line in checked.stderr.splitlines() if ": warning: " in line]
    # Only the image the crawl lacked still points at the old portal.
    assert len(warnings) == 1, checked.stderr
    assert lacking.image in warnings[0] and "old portal" in warnings[0]
    # At the file and line of the link, for the archivist to go to.
    text = (site.content / written[lacking.url]["file"]).read_text(encoding="utf-8")
    [(line, column)] = [
        (n, line.index(f"https://{HOST}{lacking.image}") + 1)
        for n, line in enumerate(text.splitlines(), 1)
        if lacking.image in line
    ]
    assert f"{written[lacking.url]['file']}:{line}:{column}: warning: " in warnings[0]


def test_checks_hint_for_a_picture_a_later_crawl_holds_says_a_later_import_brings_it(
    site, tmp_path
):
    """The README's archivist imports a mirror that lacks a picture: check says "import
    the file from a crawl that holds it", and that an article already there gets it where
    it still links the old address, as a later WARC that holds it does: check is then
    quiet about it, the article's file not deleted."""
    pytest.importorskip("warcio")
    site.configure(original_site=f"https://{HOST}/")
    item = Item(741000, "Tin có ảnh ở lần thu sau", "09/09/2019", image="/documents/1/anh.jpg")
    page = Response(item.url, page_html(item, "full").encode("utf-8"))
    first, later = tmp_path / "first.warc.gz", tmp_path / "later.warc.gz"
    first.write_bytes(warc_of([page]))
    later.write_bytes(warc_of([page, Response(f"https://{HOST}{item.image}", JPEG, "image/jpeg")]))
    assert run_import(site, first).returncode == 0
    checked = run(site, "check").stderr
    [warning] = [line for line in checked.splitlines() if item.image in line]
    hint = checked.split(warning, 1)[1].splitlines()[1]
    assert "a crawl that holds it" in hint and "already there gets it" in hint, hint
    assert "already there: 1" in run_import(site, later).stdout
    assert item.image not in run(site, "check").stderr


def test_a_later_crawl_holding_the_pictures_of_an_article_already_there_says_so(site, tmp_path):
    """The archivist imports a first crawl that lacks an article's picture, then a later
    one that holds it: the article is "already there" and nothing said that this crawl
    could bring its picture in; only `check`, later, named the link to the old portal.
    The import now brings it in (test_a_later_crawl_brings_the_pictures_…) and says so of
    that page alone."""
    pytest.importorskip("warcio")
    item = Item(741001, "Tin có ảnh ở lần thu sau", "09/09/2019", image="/documents/1/anh-2.jpg")
    other = Item(741002, "Tin không đổi ở lần thu sau", "10/09/2019")
    pages = [Response(i.url, page_html(i, "full").encode("utf-8")) for i in (item, other)]
    first, later = tmp_path / "first.warc.gz", tmp_path / "later.warc.gz"
    first.write_bytes(warc_of(pages))
    picture = Response(f"https://{HOST}{item.image}", JPEG, "image/jpeg")
    later.write_bytes(warc_of([*pages, picture]))
    assert run_import(site, first).returncode == 0
    again = run_import(site, first)  # the same crawl: nothing more to bring
    assert "delete" not in again.stdout + again.stderr
    result = run_import(site, later)
    assert result.returncode == 0 and summary(result)["already there"] == 2
    file = by_source(site)[item.url]["file"]
    said = result.stdout + result.stderr
    [note] = [line for line in said.splitlines() if f"https://{HOST}{item.image}" in line]
    assert "copied and linked" in note and "delete" not in note and file in note, note
    assert said.count("copied and linked") == 1  # not of the article without pictures
    assert f"https://{HOST}{item.image}" not in (site.content / file).read_text(encoding="utf-8")


def test_a_later_crawls_picture_that_cannot_be_uncompressed_is_said_of_the_article_there(
    site, tmp_path
):
    """A later crawl holds the picture an article already there links at the old portal,
    compressed in a way that cannot be undone here (Content-Encoding: br without brotli,
    or one warcio has no decoder for): taken for absent, nothing was said, while the same
    record under a new article's page fails it with the hint. Now one note names the
    picture, why, the article and what to do (audit-maint F19)."""
    pytest.importorskip("warcio")
    item = Item(741031, "Tin có ảnh nén lạ ở lần thu sau", "14/09/2019", image="/documents/1/a.jpg")
    page = Response(item.url, page_html(item, "full").encode("utf-8"))
    image = f"https://{HOST}{item.image}"
    first, later = tmp_path / "first.warc.gz", tmp_path / "later.warc.gz"
    first.write_bytes(warc_of([page]))
    later.write_bytes(warc_of([page, Response(image, JPEG, "image/jpeg", encoding="compress")]))
    assert run_import(site, first).returncode == 0
    file = by_source(site)[item.url]["file"]
    before = (site.content / file).read_bytes()
    result = run_import(site, later)
    assert result.returncode == 0 and summary(result)["already there"] == 1
    said = (result.stdout + result.stderr).splitlines()
    [note] = [line for line in said if image in line]
    assert "compressed as 'compress' (Content-Encoding)" in note, note
    assert file in note and "Accept-Encoding: gzip" in note, note
    assert (site.content / file).read_bytes() == before


def test_a_link_to_an_article_the_archive_holds_leads_to_it_and_check_is_quiet(site, tmp_path):
    """Articles of a portal link each other by their address there: check said of such a
    link "import the file from a crawl that holds it", although the article had just been
    imported. The built page now links the archive's copy (heldlinks.py), and check has
    nothing to say of it; the Markdown keeps the portal's address."""
    pytest.importorskip("warcio")
    linking, linked = items(2, start=737000)
    page = page_html(linking, "full").replace(
        "trực thuộc Sở.</p>", f'trực thuộc Sở. Xem <a href="{linked.url}">bài trước</a>.</p>'
    )
    assert linked.url in page
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(
        warc_of(
            [
                Response(linking.url, page.encode()),
                Response(linked.url, page_html(linked, "full").encode()),
            ]
        )
    )
    site.configure(original_site=f"https://{HOST}/")
    assert run_import(site, warc).returncode == 0
    assert site.build() == 0
    written = by_source(site)
    there = written[linked.url]["file"].removesuffix(".md")
    here = written[linking.url]["file"].removesuffix(".md")
    assert linked.url in (site.content / written[linking.url]["file"]).read_text("utf-8")
    built = BeautifulSoup(site.read(f"{here}/index.html"), "html.parser")
    [link] = [a for a in built.select(".article-body a") if a.get_text() == "bài trước"]
    assert link["href"] == f"{os.path.relpath(there, here)}/"
    checked = run(site, "check")
    assert checked.returncode == 0, checked.stderr
    assert [line for line in checked.stderr.splitlines() if linked.path in line] == []


def test_a_picture_the_crawl_holds_in_another_size_of_its_srcset_is_copied(site, tmp_path):
    """A browser crawler (Browsertrix) loads the one size of a picture its screen needs,
    HTTrack the `src` alone: import took the largest size of the srcset, which the crawl
    lacked, and linked the picture to the old site although the crawl held it."""
    pytest.importorskip("warcio")
    item = Item(739000, "Hội nghị có ảnh nhiều cỡ", "09/09/2019", image="/documents/1/anh-nho.jpg")
    big = f"https://{HOST}/documents/1/anh-lon.jpg"
    page = page_html(item, "full").replace(
        'alt="Ảnh hội nghị"', f'alt="Ảnh hội nghị" srcset="https://{HOST}{item.image} 1x, {big} 2x"'
    )
    assert big in page
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(
        warc_of(
            [
                Response(item.url, page.encode()),
                Response(f"https://{HOST}{item.image}", JPEG, "image/jpeg"),
            ]
        )
    )
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    assert (
        "still linked to the old site" not in result.stderr and "1 file(s) copied" in result.stdout
    )
    [article] = by_source(site).values()
    [link] = re.findall(r"!\[Ảnh hội nghị\]\(([^)]+)\)", article["body"])
    assert (site.root / "static" / link.removeprefix("../../../")).read_bytes() == JPEG


def test_a_wacz_imports_like_its_warc(site, warc_portal, tmp_path):
    from warcio.warcwriter import WARCWriter

    path, portal, _media, lacking = warc_portal
    # Browsertrix adds a urn:pageinfo: resource per page: a description, not a file.
    info = io.BytesIO()
    writer = WARCWriter(info, gzip=True)
    for item in portal:
        payload = io.BytesIO(json.dumps({"url": item.url}).encode())
        writer.write_record(
            writer.create_warc_record(
                f"urn:pageinfo:{item.url}",
                "resource",
                payload=payload,
                warc_content_type="application/json",
            )
        )
    wacz = tmp_path / "crawl.wacz"
    wacz.write_bytes(wacz_bytes(path.read_bytes() + info.getvalue()))
    result = run_import(site, wacz)
    assert result.returncode == 0, result.stderr
    assert sorted(by_source(site)) == sorted([*(i.url for i in portal), lacking.url])
    assert summary(result)["not articles"] == 1
    alone = run_import(type(site)(tmp_path / "warc-alone"), path)
    other = re.compile(r"\((\d+) other file\(s\)")
    assert other.search(result.stdout)[1] == other.search(alone.stdout)[1], result.stdout


def test_a_browsertrix_download_of_several_waczs_imports_them_all(site, warc_portal, tmp_path):
    """Browsertrix (app.browsertrix.com, or one's own) downloads a crawl of more than one
    WACZ (a crawl over 1 GB is cut into several) as one "multi-WACZ": a zip whose members
    are the WACZ files, its datapackage.json's profile "multi-wacz-package". It was
    refused, "the WACZ file holds no WARC: is it a WACZ file?", and nothing imported."""
    path, portal, _media, lacking = warc_portal
    inner = wacz_bytes(path.read_bytes())
    multi = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(multi, "w") as archive:
        package = {"profile": "multi-wacz-package", "resources": [{"path": "crawl-1.wacz"}]}
        archive.writestr("datapackage.json", json.dumps(package))
        archive.writestr("crawl-1.wacz", inner, compress_type=zipfile.ZIP_STORED)
    result = run_import(site, multi)
    assert result.returncode == 0, result.stderr
    assert sorted(by_source(site)) == sorted([*(i.url for i in portal), lacking.url])
    # Each page is named in the file it is in: the WACZ in the download, the WARC in it.
    assert "crawl-1.wacz!archive/data.warc.gz#" in result.stdout, result.stdout


def test_a_page_browsertrix_lists_but_could_not_load_is_named(site, warc_portal, tmp_path):
    """Browsertrix lists every page it visited in pages/pages.jsonl and extraPages.jsonl,
    one whose load failed (a timeout, the server down) too, with no capture in the WARC.
    Such a page was lost without a word: the summary counted the pages the WARC holds."""
    path, portal, _media, lacking = warc_portal
    lost = f"https://{HOST}/tin-tuc/-/view_content/799999-tin-khong-tai-duoc.html"
    listed = [{"format": "json-pages-1.0", "id": "extra-pages", "title": "Extra Pages"}]
    listed += [{"id": str(n), "url": i.url, "loadState": 4} for n, i in enumerate(portal)]
    listed.append({"id": "x", "url": lost, "loadState": 0, "status": 0})
    wacz = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(wacz, "w") as archive:
        archive.writestr("archive/rec-1.warc.gz", path.read_bytes())
        archive.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0", "id": "pages"}\n')
        archive.writestr("pages/extraPages.jsonl", "".join(json.dumps(x) + "\n" for x in listed))
        archive.writestr("datapackage.json", '{"profile": "data-package", "resources": []}')
    result = run_import(site, wacz)
    assert result.returncode == 1
    line = len(listed)  # the lost page's line of extraPages.jsonl
    assert f"pages/extraPages.jsonl:{line}: error: " in result.stderr, result.stderr
    assert lost in result.stderr and "holds no capture of it" in result.stderr
    assert sorted(by_source(site)) == sorted([*(i.url for i in portal), lacking.url])


def test_the_pictures_of_a_wacz_without_pages_are_copied_from_it(site, tmp_path):
    """A WACZ of the portal's files alone (a crawl of its documents, or the pictures'
    part of a crawl) given before the WACZ of the pages: its WARC was unpacked under the
    name the next WACZ's took, and overwritten. The pages then said its pictures were not
    in the crawl, and two were copied from the other WARC's bytes (empty, or a piece of a
    page) as pictures of the article."""
    pytest.importorskip("warcio")
    portal, media = portal_with_media()
    files, pages = tmp_path / "files.wacz", tmp_path / "pages.wacz"
    files.write_bytes(wacz_bytes(warc_bytes([], media, {})))
    pages.write_bytes(wacz_bytes(warc_bytes(portal, {}, {})))
    result = run_import(site, files, pages)
    assert result.returncode == 0, result.stderr
    assert "not in the crawl" not in result.stderr, result.stderr
    copied = sorted(p.read_bytes() for p in (site.root / "static" / "media").rglob("*.*"))
    assert copied == sorted(set(media.values()))


def test_a_warc_without_warcio_is_refused_with_how_to_install_it(site, warc_portal, tmp_path):
    path, *_ = warc_portal
    blocker = tmp_path / "no-warcio"
    (blocker / "warcio").mkdir(parents=True)
    (blocker / "warcio" / "__init__.py").write_text("raise ImportError('no warcio here')\n")
    env = {**SUBPROCESS_ENV, "PYTHONPATH": f"{REPO}:{blocker}"}
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "import", str(path)],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    assert "warcio" in result.stderr and "pip install" in result.stderr
    assert "Traceback" not in result.stderr
    assert articles(site) == {}


def test_media_addresses_spelled_otherwise_than_in_the_warc_are_found(site, tmp_path):
    """A crawler records an address as it met it (parentheses and letters raw, spaces
    %20); the page may write it otherwise: it is the same file."""
    pytest.importorskip("warcio")
    written_as = {
        "/images/anh%20(1).jpg": "/images/anh%20(1).jpg",
        "/images/ảnh đẹp (2).jpg": "/images/%E1%BA%A3nh%20%C4%91%E1%BA%B9p%20(2).jpg",
        "/images/a%CC%89nh-3.jpg": "/images/%E1%BA%A3nh-3.jpg",  # decomposed in the page
    }
    portal = [
        Item(760000 + n, f"Ảnh có tên tệp lạ số {n + 1}", "08/08/2020", image=link)
        for n, link in enumerate(written_as)
    ]
    media = {recorded: JPEG + bytes([n]) for n, recorded in enumerate(written_as.values())}
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes(portal, media, {}))
    result = run_import(site, path)
    assert result.returncode == 0, result.stderr
    assert "still linked to the old site" not in result.stderr
    copies = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert sorted(p.read_bytes() for p in copies) == sorted(media.values())
    for article in articles(site).values():
        assert "](../../../media/" in article["body"]


# Liferay's download links, named like no file: the type is the server's word alone.
DOWNLOADS = {
    "/c/document_library/get_file?uuid=1b2c-7f&groupId=554897": ("application/pdf", PDF),
    "/c/document_library/get_file?p_l_id=5&folderId=7&name=DLFE-4321.doc": (
        "application/msword",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"phu luc" * 80,
    ),
    "/documents/554897/0/Bieu+mau/9f1e2d3c-aaaa-bbbb-cccc-1234567890ab": (
        "application/octet-stream",
        b"PK\x03\x04" + b"bieu mau" * 80,
    ),
}


@pytest.mark.parametrize("shape", ["warc", "wget"])
def test_an_attachment_the_crawl_holds_at_an_address_named_like_no_file_is_copied(
    site, tmp_path, shape
):
    """The README says every attachment the crawl holds is copied; a link was taken for
    one only when its address ended like a file (.pdf, .doc…). Liferay's own download
    links do not: /c/document_library/get_file?uuid=…, …&name=DLFE-4321.doc, and
    /documents/…/<uuid>. Each, held by the crawl, stayed linked to the portal that goes
    dark, and nothing said so ("0 not in the crawl", media_missing empty). A link to a
    page, crawled or not, is no attachment: it stays as written, and is no note; nor is
    one to what the crawl holds with no type and bytes of no file (a page's fragment, no
    <!DOCTYPE> or <html> first), which would have been copied as a .bin download."""
    fragment = '<div class="tin-khac"><p>Tin khác của quận</p></div>'.encode() * 20
    pytest.importorskip("warcio")
    item = Item(763000, "Quyết định ban hành quy chế", "09/09/2020")
    other = Item(763001, "Kế hoạch triển khai quy chế", "10/09/2020")
    links = ", ".join(f'<a href="{path.replace("&", "&amp;")}">Tệp {n}</a>'
                      for n, path in enumerate(DOWNLOADS, 1))  # fmt: skip
    links += f', <a href="{other.path}">kế hoạch</a>, <a href="/tin-tuc/chua-tai">tin khác</a>'
    page = page_html(item, "absolute-path").replace(
        "</div></div></div>", f"<p>Tải về: {links}</p></div></div></div>"
    )
    if shape == "warc":
        crawl = tmp_path / "crawl.warc.gz"
        crawl.write_bytes(
            warc_of([
                Response(item.url, page.encode("utf-8")),
                Response(other.url, page_html(other, "absolute-path").encode("utf-8")),
                *(Response(f"https://{HOST}{path}", data, kind)
                  for path, (kind, data) in DOWNLOADS.items()),
                Response(f"https://{HOST}/tin-tuc/chua-tai", fragment, ""),
            ])
        )  # fmt: skip
    else:  # wget writes an address's query into its file's name
        crawl = tmp_path / "wget"
        write_file(crawl / HOST, item.path, page)
        write_file(crawl / HOST, other.path, page_html(other, "absolute-path"))
        write_file(crawl / HOST, "/tin-tuc/chua-tai", fragment)
        for path, (_, data) in DOWNLOADS.items():
            write_file(crawl / HOST, path, data)
    result = run_import(site, crawl)
    assert result.returncode == 0, result.stderr
    assert f"Media: {len(DOWNLOADS)} file(s) copied" in result.stdout, result.stdout
    body = by_source(site)[item.url]["body"]
    copies = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert sorted(p.read_bytes() for p in copies) == sorted(d for _, d in DOWNLOADS.values())
    for n in range(1, len(DOWNLOADS) + 1):
        assert re.search(rf"\[Tệp {n}\]\(\.\./\.\./\.\./media/", body), body
    assert f"[kế hoạch](https://{HOST}{other.path})" in body
    assert f"[tin khác](https://{HOST}/tin-tuc/chua-tai)" in body
    [line] = [x for x in report(site) if x["source_url"] == item.url]
    assert len(line["media_copied"]) == len(DOWNLOADS) and line["media_missing"] == []


def test_an_attachment_whose_address_names_no_file_is_named_as_its_server_named_it(site, tmp_path):
    """Copied, Liferay's get_file?uuid=… was `<hash>-get-file.pdf`, and a Word file its
    server sent as application/octet-stream, at /documents/…/<uuid>, `<hash>-<uuid>.zip`:
    the reader downloaded a .zip that Word does not open. The server named each file
    (Content-Disposition, as a browser saves it): that name is the copy's."""
    pytest.importorskip("warcio")
    item = Item(763100, "Quyết định ban hành biểu mẫu", "11/09/2020")
    decision = "/c/document_library/get_file?uuid=1b2c-7f&groupId=554897"
    form = "/documents/554897/0/Bieu+mau/9f1e2d3c-aaaa-bbbb-cccc-1234567890ab"
    docx = b"PK\x03\x04" + b"word/document.xml" * 40
    links = (
        f'<a href="{decision.replace("&", "&amp;")}">Quyết định</a>, <a href="{form}">Biểu mẫu</a>'
    )
    page = page_html(item, "full").replace(
        "</div></div></div>", f"<p>Tải về: {links}</p></div></div></div>"
    )
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(
        warc_of([
            Response(item.url, page.encode("utf-8")),
            Response(f"https://{HOST}{decision}", PDF, "application/pdf", disposition=(
                "attachment; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2012.pdf")),
            Response(f"https://{HOST}{form}", docx, "application/octet-stream",
                     disposition='attachment; filename="Bieu mau 01.docx"'),
        ])
    )  # fmt: skip
    result = run_import(site, crawl)
    assert result.returncode == 0, result.stderr
    body = by_source(site)[item.url]["body"]
    assert re.search(
        r"\[Quyết định\]\(\.\./\.\./\.\./media/\w\w/[0-9a-f]{16}-quyet-dinh-12\.pdf\)", body
    ), body
    assert re.search(
        r"\[Biểu mẫu\]\(\.\./\.\./\.\./media/\w\w/[0-9a-f]{16}-bieu-mau-01\.docx\)", body
    ), body


@pytest.mark.parametrize(
    "name",
    [
        # Browsertrix writes a header's value that is not ASCII as JavaScript's encodeURI
        # gives it: of a name Liferay sent in UTF-8 (or to Internet Explorer, so encoded)...
        "Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2012.pdf",
        # ...or of its bytes as the browser handed them over, each a Latin-1 letter.
        "Quy%C3%A1%C2%BA%C2%BFt%20%C3%84%C2%91%C3%A1%C2%BB%C2%8Bnh%2012.pdf",
    ],
)
def test_a_file_name_a_browser_crawler_wrote_percent_encoded_is_read_as_a_browser_does(
    site, tmp_path, name
):
    """The copy of Liferay's get_file?uuid=… was `quy-e1-ba-bft-20-c4-91-e1-bb-8bnh-2012.pdf`:
    the reader downloaded the decree under a name of hex codes."""
    pytest.importorskip("warcio")
    item = Item(763101, "Quyết định số 12", "11/09/2020")
    decision = "/c/document_library/get_file?uuid=1b2c-7f&groupId=554897"
    link = f'<a href="{decision.replace("&", "&amp;")}">Quyết định</a>'
    page = page_html(item, "full").replace(
        "</div></div></div>", f"<p>Tải về: {link}</p></div></div></div>"
    )
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(
        warc_of([
            Response(item.url, page.encode("utf-8")),
            Response(f"https://{HOST}{decision}", PDF, "application/pdf",
                     disposition=f'attachment; filename="{name}"'),
        ])
    )  # fmt: skip
    result = run_import(site, crawl)
    assert result.returncode == 0, result.stderr
    body = by_source(site)[item.url]["body"]
    assert re.search(
        r"\[Quyết định\]\(\.\./\.\./\.\./media/\w\w/[0-9a-f]{16}-quyet-dinh-12\.pdf\)", body
    ), body


@pytest.mark.parametrize("host", [f"{HOST}:443", f"{HOST.upper()}."])
def test_a_host_written_with_its_default_port_or_final_dot_is_the_same_host(site, tmp_path, host):
    """The image was "not in the crawl" and `check` did not warn of the old portal."""
    pytest.importorskip("warcio")
    site.configure(original_site=f"https://{HOST}/")
    item = Item(762000, "Tin có ảnh cổng", "08/08/2020", image="/images/cong.jpg")
    page = page_html(item, "full").replace(f"https://{HOST}/images/", f"https://{host}/images/")
    assert f"https://{host}/images/cong.jpg" in page
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(
        warc_of([
            Response(item.url, page.encode("utf-8")),
            Response(f"https://{HOST}/images/cong.jpg", JPEG, "image/jpeg"),
        ])
    )  # fmt: skip
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    assert "still linked to the old site" not in result.stderr
    assert "](../../../media/" in by_source(site)[item.url]["body"]
    site.add(
        "2020/08/tay.md", f"---\ntitle: Tin tay\ndate: 2020-08-09\n---\n\n[cũ](https://{host}/x)\n"
    )
    checked = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "check"], cwd=site.root, capture_output=True,
        text=True, env=SUBPROCESS_ENV,
    )  # fmt: skip
    assert "leads to the old portal" in checked.stderr, checked.stderr


def test_a_liferay_document_is_copied_under_its_own_name_not_its_uuid(site, tmp_path):
    """Liferay serves a document at /documents/<site>/<folder>/<its name>/<a uuid>: a
    reader who saves the copy gets "qd-4064-qd-phe-duyet.pdf", not the uuid."""
    pytest.importorskip("warcio")
    name = "Q%C4%90%2B4064%2BQ%C4%90%2Bph%C3%AA%2Bduy%E1%BB%87t.pdf"
    document = f"/documents/723399/0/{name}/694410f1-114d-485b-a1a4-16127dde012a"
    item = Item(3893255, "Thông báo tuyển dụng công chức năm 2020", "21/09/2020",
                image="/image/journal/article?img_id=3893254", attachment=document)  # fmt: skip
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        warc_of([
            Response(item.url, page_html(item, "full").encode("utf-8")),
            Response(f"https://{HOST}{item.attachment}", PDF, "application/pdf"),
            Response(f"https://{HOST}{item.image}", JPEG, "image/jpeg"),
        ])
    )  # fmt: skip
    result = run_import(site, path)
    assert result.returncode == 0, result.stderr
    copies = {p.name[17:]: p for p in (site.root / "static" / "media").rglob("*") if p.is_file()}
    assert sorted(copies) == ["article.jpg", "qd-4064-qd-phe-duyet.pdf"]
    assert copies["qd-4064-qd-phe-duyet.pdf"].read_bytes() == PDF
    assert site.build() == 0
    page = page_of(site, by_source(site)[item.url]["file"])
    assert page.select_one(".article-body a")["href"].endswith("-qd-4064-qd-phe-duyet.pdf")


def record_offsets(warc: bytes) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(io.BytesIO(warc))
    return [records.get_record_offset() for _record in records]


@pytest.mark.parametrize(
    "where", ["inside a page", "in a record's gzip end", "inside a media file"]
)
def test_a_cut_off_warc_imports_nothing_shortened_and_the_whole_file_imports_it_later(
    site, tmp_path, where
):
    """A crawl stopped or a download broken leaves a WARC that ends inside a record. No
    article may be imported short or without its files: the next import of the whole
    WARC would find it "already there" and leave it so."""
    pytest.importorskip("warcio")
    portal, media = portal_with_media(2)
    whole = warc_bytes(portal, media, {})
    starts = record_offsets(whole)  # the two pages, then their three files
    cut = {
        "inside a page": (starts[1] + starts[2]) // 2,
        "in a record's gzip end": starts[1] - 4,
        "inside a media file": (starts[3] + starts[4]) // 2,
    }[where]
    damaged = tmp_path / "cut.warc.gz"
    damaged.write_bytes(whole[:cut])
    result = run_import(site, damaged)
    assert result.returncode == 1
    assert "cut short" in result.stderr and str(damaged) in result.stderr
    if where == "inside a page":  # the record that is cut is named, with its address
        address = portal[1].url.removeprefix("https://")
        cut_page = f"\n#{starts[1]} ({address}): error: the record is cut short"
        assert cut_page in result.stderr
    assert summary(result)["imported"] == 0 and summary(result)["failed"] >= 1
    assert articles(site) == {}

    complete = tmp_path / "crawl.warc.gz"
    complete.write_bytes(whole)
    again = run_import(site, complete)
    assert again.returncode == 0, again.stderr
    assert sorted(by_source(site)) == sorted(item.url for item in portal)
    copies = [p.read_bytes() for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert sorted(copies) == sorted(media.values())


def test_accept_missing_imports_the_pages_of_a_cut_warc_with_their_lost_files_linked(
    site, tmp_path
):
    """When the portal is gone, a cut WARC is all there is: its pages whose files it
    lacks (a picture on another host, never crawled; one in the part cut off; one whose
    record is cut) fail by default, saying which option imports them, and with it come
    in, each file linked to its old address and named."""
    pytest.importorskip("warcio")
    portal, media = portal_with_media(2)  # records: 2 pages, their 2 pictures, the PDF
    elsewhere = "https://scontent.xx.fbcdn.net/v/anh-khach.jpg"
    extra = f'<p><img src="{elsewhere}" alt="Ảnh khách"></p><p>Hội nghị đã'
    html = {i.url: page_html(i, "full").replace("<p>Hội nghị đã", extra) for i in portal}
    responses = [Response(url, page.encode("utf-8")) for url, page in html.items()]
    responses += [Response(f"https://{HOST}{p}", data, "image/jpeg") for p, data in media.items()]
    whole = warc_of(responses)
    starts = record_offsets(whole)
    damaged = tmp_path / "cut.warc.gz"
    damaged.write_bytes(whole[: (starts[3] + starts[4]) // 2])  # inside the second picture

    refused = run_import(site, damaged)
    assert summary(refused)["imported"] == 0 and summary(refused)["failed"] == 2
    assert "import again with --accept-missing" in refused.stderr
    assert articles(site) == {}

    result = run_import(site, damaged, "--accept-missing")
    assert summary(result)["imported"] == 2, result.stderr
    first, second = (by_source(site)[item.url]["body"] for item in portal)
    copies = [p.read_bytes() for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert copies == [media[portal[0].image]]  # the only file the cut WARC holds whole
    assert "](../../../media/" in first
    for lost in (elsewhere, f"https://{HOST}{portal[0].attachment}"):
        assert f"]({lost})" in first
        assert noted(result.stderr, "not in the crawl, still linked to the old site", lost)
    assert f"](https://{HOST}{portal[1].image})" in second  # its record is cut
    assert "imported with --accept-missing from a WARC that is cut short" in result.stderr
    # A complete copy found later brings them in where the articles still link them.
    (tmp_path / "whole.warc.gz").write_bytes(whole)
    assert summary(run_import(site, tmp_path / "whole.warc.gz"))["already there"] == 2
    second = by_source(site)[portal[1].url]["body"]
    assert f"https://{HOST}{portal[1].image}" not in second and "](../../../media/" in second
    assert site.build() == 0


def test_a_file_the_crawler_recorded_truncated_is_never_copied_as_whole(site, tmp_path):
    """A crawler that stops a download at its size or time limit records what it got
    with `WARC-Truncated: length` (or `time`): the first part of a PDF or photo was
    copied into the archive as if it were the file, and nothing was said."""
    pytest.importorskip("warcio")
    item = Item(735000, "Kế hoạch năm 2020", "03/01/2020", image="/documents/1/anh.jpg",
                attachment="/documents/1/ke-hoach.pdf")  # fmt: skip
    pdf = f"https://{HOST}{item.attachment}"
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(
        warc_of(
            [
                Response(item.url, page_html(item, "full").encode()),
                Response(f"https://{HOST}{item.image}", JPEG, "image/jpeg"),
                Response(pdf, PDF[:100], "application/pdf", truncated="length"),
            ]
        )
    )
    refused = run_import(site, warc)
    assert refused.returncode == 1 and summary(refused)["failed"] == 1, refused.stdout
    [error] = [line for line in refused.stderr.splitlines() if ": error: " in line]
    assert pdf in error and "WARC-Truncated: length" in error, error
    assert "--accept-missing" in refused.stderr
    assert articles(site) == {}

    result = run_import(site, warc, "--accept-missing")
    assert result.returncode == 0, result.stderr
    [article] = by_source(site).values()
    assert f"]({pdf})" in article["body"]  # still linked to the old site, and said
    assert f"not in the crawl, still linked to the old site: {pdf}" in result.stderr
    copies = [p.read_bytes() for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert copies == [JPEG]


def test_a_picture_the_server_answered_404_for_is_said_so_not_only_missing(site, tmp_path):
    """A picture whose server answered 404 (its error page, often HTML) was said to be
    "not in the crawl", sending the archivist to crawl again for a file the server no
    longer had: the note now says what the server answered."""
    pytest.importorskip("warcio")
    item = Item(736000, "Hội nghị năm 2020", "03/01/2020", image="/documents/1/mat.jpg")
    lost = f"https://{HOST}{item.image}"
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(
        warc_of(
            [
                Response(item.url, page_html(item, "full").encode()),
                Response(lost, b"<html><p>Not found</p></html>", status="404 Not Found"),
            ]
        )
    )
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    assert f"](https://{HOST}{item.image})" in by_source(site)[item.url]["body"]
    assert (
        "not in the crawl (the server answered 404 when it was crawled; the Wayback "
        f"Machine may have it), still linked to the old site: {lost}"
    ) in result.stderr


def test_a_date_given_with_date_is_said_to_be_the_archives(site, tmp_path):
    """A page that shows no date imported with --date: its article said that date as
    the portal's own ("Ngày đăng 10/08/2020 | 09:00"), and a researcher cited it so. The
    import writes `date_given:`, and the article page says the date is the archive's; the
    page's own date (--date not used) gets no such key."""
    [item, other] = items(2)
    page = tmp_path / "khong-ngay.html"
    page.write_text(page_html(item, "full").replace(f" {item.day} | 9:05 AM ", ""), "utf-8")
    given = run_import(site, page, "--source-url", item.url, "--date", "10/08/2020 09:00")
    assert given.returncode == 0, given.stderr
    [article] = by_source(site).values()
    assert article["date_given"] == "ghi khi nhập bài"
    assert run(site, "build", "--quiet").returncode == 0
    shown = page_of(site, article["file"]).select_one(".article-date-given")
    assert shown.get_text().endswith("trang gốc không ghi ngày (ghi khi nhập bài)")

    dated = tmp_path / "co-ngay.html"
    dated.write_text(page_html(other, "full"), "utf-8")
    own = run_import(site, dated, "--source-url", other.url, "--date", "10/08/2020 09:00")
    assert "--date was not used" in own.stderr
    assert "date_given" not in by_source(site)[other.url]


def test_a_page_of_a_warc_that_shows_no_date_is_dated_alone_by_its_address(site, tmp_path):
    """A crawl is one file of many pages: --date given to it must not date every page
    that shows none, nor --source-url name them all (all but one were then "already
    there"). The failure names the page by its address, and says how to date it alone."""
    pytest.importorskip("warcio")
    portal, media = portal_with_media(3)
    html = {i.url: page_html(i, "full").replace(f" {i.day} | 9:05 AM ", "") for i in portal}
    responses = [Response(url, page.encode("utf-8")) for url, page in html.items()]
    responses += [Response(f"https://{HOST}{p}", data, "image/jpeg") for p, data in media.items()]
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_of(responses))
    for alone in (["--date", "02/03/2021 08:00"], ["--source-url", portal[0].url]):
        refused = run_import(site, warc, *alone)
        assert refused.returncode == 2 and "one FILE" in refused.stderr
        assert articles(site) == {}
    result = run_import(site, warc)
    assert result.returncode == 1 and summary(result)["failed"] == 3
    again = f"python3 build.py import {warc} --source-url {portal[1].url} --date"
    hint = f"import the crawl again: {again}"
    assert hint in result.stderr
    # The shipped profile is not the archivist's to correct: one of one's own replaces it.
    assert "correct that profile's date selector" not in result.stderr
    own = "write a profile of your own named liferay-hanoi in import-profiles/"
    assert own in result.stderr, result.stderr
    address = re.escape(portal[1].url.removeprefix("https://"))
    named = rf"\n#\d+ \({address}\): error: the page shows no"  # from the WARC imported
    assert re.search(named, result.stderr), result.stderr
    dated = run_import(site, warc, "--source-url", portal[1].url, "--date", "02/03/2021 08:00")
    assert summary(dated)["imported"] == 1 and summary(dated)["failed"] == 2
    # Said once, with where the date came from.
    assert "the one given with --date was used" in dated.stdout + dated.stderr
    assert "found no publish date on the page" not in dated.stdout + dated.stderr
    [article] = by_source(site).values()
    assert article["source_url"] == portal[1].url and article["aliases"] == [portal[1].path]
    assert article["date"].isoformat() == "2021-03-02T08:00:00+07:00"
    assert "](../../../media/" in article["body"] and HOST not in article["body"]


def _pasted(site, result: subprocess.CompletedProcess, date: str) -> subprocess.CompletedProcess:
    """The command an undated page's failure writes, run as the archivist pastes it into
    a shell (its words split as a POSIX shell splits them), with the date filled in."""
    written = re.search(r"(python3 build\.py import .*? --date 'dd/mm/yyyy HH:MM')", result.stderr)
    assert written, result.stderr
    words = shlex.split(written[1].replace("dd/mm/yyyy HH:MM", date))
    assert words[:3] == ["python3", "build.py", "import"], words
    return run_import(site, *words[3:])


@pytest.mark.parametrize("given", ["crawl", "pages"])
def test_an_undated_page_s_failure_writes_the_whole_command_to_paste(site, tmp_path, given):
    """The failure of a page that shows no date said "import the crawl again with
    --source-url '…' --date '…'" without the crawl's file, and without the options the
    import ran with: the archivist had to put the command together. It now writes it
    whole, quoted for a shell (a folder with spaces and Vietnamese letters), and pasted
    it imports the page, with the same options (--no-aliases)."""
    pytest.importorskip("warcio")
    portal = items(2)
    html = {i.url: page_html(i, "full").replace(f" {i.day} | 9:05 AM ", "") for i in portal}
    folder = tmp_path / "Thu thập tháng 3 (bản sao)"
    if given == "crawl":
        crawl = [
            write_file(
                folder,
                "sở tt&tt.warc.gz",
                warc_of([Response(u, p.encode()) for u, p in html.items()]),
            )
        ]
    else:  # saved pages named one by one: each is imported alone
        crawl = [write_file(folder, f"bài {n}.html", p) for n, p in enumerate(html.values())]
    result = run_import(site, *crawl, "--no-aliases")
    assert result.returncode == 1 and summary(result)["failed"] == 2, result.stderr
    dated = _pasted(site, result, "02/03/2021 08:00")
    # The crawl's other page still shows no date; a page named alone is imported alone.
    assert dated.returncode == (1 if given == "crawl" else 0), dated.stderr
    assert summary(dated)["imported"] == 1, dated.stderr
    [article] = articles(site).values()
    assert article["date"].isoformat() == "2021-03-02T08:00:00+07:00"
    assert "aliases" not in article, article


def test_a_source_url_that_names_no_page_of_the_crawl_is_an_error_naming_the_closest(
    site, tmp_path
):
    """--source-url with --date names the page of a crawl the date is for: an address
    with a letter wrong dated no page, and the run said nothing and exited 0. The others
    are imported as without --date (a run without it would import them too)."""
    pytest.importorskip("warcio")
    portal = items(2)
    html = {i.url: page_html(i, "full").replace(f" {i.day} | 9:05 AM ", "") for i in portal}
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_of([Response(url, page.encode()) for url, page in html.items()]))
    mistyped = portal[1].url.replace(".html", "x.html")
    result = run_import(site, warc, "--source-url", mistyped, "--date", "02/03/2021 08:00")
    assert result.returncode == 1
    assert (
        f"{warc}: error: no page of the crawl has the address {mistyped} given with "
        "--source-url, so --date was used for no page"
    ) in result.stderr, result.stderr
    assert f"how to fix: did you mean {portal[1].url}?" in result.stderr
    assert summary(result)["failed"] == 2 and articles(site) == {}
    unlike = f"https://{HOST}/khac/-/view_content/1-trang-khac.html"
    other = run_import(site, warc, "--source-url", unlike, "--date", "02/03/2021 08:00")
    assert other.returncode == 1 and "no page of the crawl has the address" in other.stderr
    assert "did you mean" not in other.stderr
    dated = run_import(site, warc, "--source-url", portal[1].url, "--date", "02/03/2021 08:00")
    assert "no page of the crawl" not in dated.stderr and summary(dated)["imported"] == 1


def test_an_error_page_the_warc_holds_is_counted_and_reported_not_lost(site, tmp_path):
    """A response other than 200 and redirects (a 404 page, a 500) vanished: in no count
    and no line of the report, which promises a line per page. It is a page that is not
    an article, with the status in its reason; an error answered for a picture counts
    among the other files."""
    pytest.importorskip("warcio")
    portal = items(1)
    gone = f"https://{HOST}/tin-tuc/-/view_content/999-bai-da-xoa.html"
    warc = tmp_path / "crawl.warc.gz"
    responses = [
        Response(portal[0].url, page_html(portal[0], "full").encode()),
        Response(gone, b"<html><body><h1>Not Found</h1></body></html>", status="404 Not Found"),
        Response(f"https://{HOST}/anh/mat.jpg", b"", "image/jpeg", status="404 Not Found"),
    ]
    warc.write_bytes(warc_of(responses))
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    counts = summary(result)
    assert (counts["pages seen"], counts["imported"], counts["not articles"]) == (2, 1, 1)
    assert "(1 other file(s) of the crawl not pages)" in result.stdout
    why = "the server answered 404 Not Found: an error page, not an article"
    address = re.escape(gone.removeprefix("https://"))
    assert re.search(rf"{why} \(1, e\.g\. #\d+ \({address}\)\)", result.stdout), result.stdout
    [line] = [r for r in report(site) if r["source_url"] == gone]
    assert line["outcome"] == "not an article" and line["reason"] == why


def test_the_charset_of_the_http_header_comes_before_the_pages_own(site, tmp_path):
    """Old portals served Windows-1258 pages and said so in the HTTP header, with no
    <meta> charset or a wrong one left by a template: a browser takes the header's."""
    pytest.importorskip("warcio")
    meta = '<meta content="text/html; charset=UTF-8" http-equiv="content-type" />'
    none, wrong = items(2)
    pages = {
        none: page_html(none, "full").replace(meta, ""),
        wrong: page_html(wrong, "full").replace(meta, meta.replace("UTF-8", "iso-8859-1")),
    }
    assert "charset" not in pages[none]
    kind = "text/html; charset=windows-1258"
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_of([Response(i.url, windows_1258(h), kind) for i, h in pages.items()]))
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    assert summary(result)["imported"] == 2, result.stderr
    written = by_source(site)
    for item in pages:
        assert written[item.url]["title"] == item.title
        assert "Sở Thông tin và Truyền thông tổ chức hội nghị" in written[item.url]["body"]
    assert "note on 2 pages" in result.stderr and "read as windows-1258" in result.stderr


def test_a_western_charset_a_server_gave_a_vietnamese_windows_page_is_not_believed(site, tmp_path):
    """Apache's AddDefaultCharset sent `charset=ISO-8859-1` with every page of a portal
    whose pages were in Windows-1258 (their <meta> said so, or nothing did): the header
    was believed, and the article, its title and its slug were imported as 'Tãng
    cýõÌng sýò laÞnh ðaòo', with a note only."""
    pytest.importorskip("warcio")
    meta = '<meta content="text/html; charset=UTF-8" http-equiv="content-type" />'
    said, unsaid = items(2, start=740000)
    pages = {
        said: page_html(said, "full").replace(meta, meta.replace("UTF-8", "windows-1258")),
        unsaid: page_html(unsaid, "full").replace(meta, ""),
    }
    headers = {said: "text/html; charset=ISO-8859-1", unsaid: "text/html; charset=windows-1252"}
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(
        warc_of([Response(i.url, windows_1258(h), headers[i]) for i, h in pages.items()])
    )
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    written = by_source(site)
    for item in pages:
        assert written[item.url]["title"] == item.title
        assert "Sở Thông tin và Truyền thông tổ chức hội nghị" in written[item.url]["body"]
        assert "/hoi-nghi-trien-khai-cong-tac-so-" in written[item.url]["file"]
    notes = {row["source_url"]: " ".join(row["notes"]) for row in report(site)}
    assert "read as windows-1258, the encoding it declares" in notes[said.url]
    assert "declares windows-1252, in which its words are not Vietnamese" in notes[unsaid.url]


# Vietnamese as pages of the 1990s and 2000s held it, typed with the fonts of before
# Unicode (as a reader without those fonts saw it), and UTF-8 a tool read as Windows-1252.
TCVN3_TITLE = "Héi nghÞ triÓn khai c«ng t¸c chuyÓn ®æi sè"  # noqa: RUF001 (Hội nghị triển...)
TCVN3_TEXT = "S¸ng ngµy 05/05/2019, Së Th«ng tin vµ TruyÒn th«ng tæ chøc héi nghÞ."  # noqa: RUF001
VNI_TEXT = "Saùng ngaøy 05/05/2019, UÛy ban nhaân daân quaän Hai Baø Tröng toå chöùc hoäi nghò."


def test_vietnamese_of_the_old_font_encodings_is_named_not_imported_as_other_letters(
    site, tmp_path
):
    """Pages typed in TCVN3 (.VnTime) or VNI (VNI-Times), which showed as Vietnamese only
    with those fonts installed, and a page whose UTF-8 a tool had read as Windows-1252:
    each was imported without a word (one with "check its letters"), its title, text
    and slug in other letters ('hei-ngh-trio-n-khai'). Each fails now, naming what its
    text is written in with a few of its words as they read, and what to do."""
    tcvn3_body, tcvn3_page, vni, twice, plain = items(5, start=738000)
    pages = {}
    html = page_html(tcvn3_body, "relative", comment=True)
    pages[tcvn3_body] = (
        html.replace(
            "<p>Sáng ngày", f'<p style="font-family: .VnTime">{TCVN3_TEXT}</p><p>Sáng ngày', 1
        )
        .replace("Sáng ngày", "Sang ngay")
        .replace("Hội nghị đã thảo luận", "Hoi nghi thao luan")
    )
    meta = '<meta content="text/html; charset=UTF-8" http-equiv="content-type" />'
    html = page_html(tcvn3_page, "relative", comment=True).replace(meta, "")
    html = re.sub(r'(?s)(journal-content-article">).*?(</div>)', rf"\1<p>{TCVN3_TEXT}</p>\2", html)
    pages[tcvn3_page] = html.replace(tcvn3_page.title, TCVN3_TITLE).replace(
        "Hoạt động Đảng, Đoàn thể", "Ho¹t ®éng §¶ng"
    )
    html = page_html(vni, "relative", comment=True)
    pages[vni] = re.sub(
        r'(?s)(journal-content-article">).*?(</div>)',
        rf'\1<p><font face="VNI-Times">{VNI_TEXT}</font></p>\2',
        html,
    )
    utf8 = page_html(twice, "relative", comment=True).encode("utf-8")
    # Windows keeps the five bytes Windows-1252 leaves undefined as C1 controls.
    pages[twice] = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in utf8)
    pages[plain] = page_html(plain, "relative", comment=True)
    mirror = tmp_path / "m"
    for item, html in pages.items():  # the TCVN3 page's bytes, as its editor saved them
        data = html.encode("latin-1", "replace") if item is tcvn3_page else html.encode()
        write_file(mirror / "source", item.path, data)
    result = run_import(site, mirror)
    assert result.returncode == 1, result.stderr
    assert summary(result)["imported"] == 1 and summary(result)["failed"] == 4, result.stdout
    assert [a["title"] for a in articles(site).values()] == [plain.title]
    rows = {item.url: row for item in pages for row in report(site) if item.path in row["input"]}
    said = {
        tcvn3_body: "written in TCVN3 (ABC), the encoding of the old .VnTime fonts",
        tcvn3_page: "written in TCVN3 (ABC), the encoding of the old .VnTime fonts",
        vni: "written in VNI, the encoding of the old VNI-Times fonts",
        twice: "written in UTF-8 that was read as Windows-1252 and saved again",
    }
    for item, what in said.items():
        assert rows[item.url]["outcome"] == "failed", rows[item.url]
        assert what in rows[item.url]["reason"]
        file = "source" + item.path  # from the mirror imported
        assert f"\n{file}: error: the page's text is Vietnamese {what}" in result.stderr
    assert "'S¸ng' for 'Sáng'" in rows[tcvn3_body.url]["reason"]  # noqa: RUF001
    assert "'nghÞ' for 'nghị'" in rows[tcvn3_page.url]["reason"]
    assert "'quaän' for 'quận'" in rows[vni.url]["reason"]
    assert "'Há»™i' for 'Hội'" in rows[twice.url]["reason"]
    assert "convert its text to Unicode with a converter of Vietnamese encodings" in result.stderr
    assert f"import that file alone, with --source-url {vni.url}" in result.stderr


def test_invisible_marks_at_the_ends_of_a_title_or_category_are_not_part_of_it(site, tmp_path):
    """A portal's editor (CKEditor) leaves zero-width spaces and joiners around what was
    typed: the title was written '"\u200b Hội nghị..."' (a mark and a space the archivist
    cannot see before it), and a category so marked was another category than the one
    the portal's other pages printed. Inside the text they stay, as the page holds them."""
    marked, plain = items(2, start=739000)
    category = "Hoạt động Đảng, Đoàn thể"
    html = page_html(marked, "relative", comment=True)
    html = html.replace(
        f'<div class="asset-full-content-title">{marked.title}</div>',
        f'<div class="asset-full-content-title">&#8203;&nbsp;{marked.title}&#8203;&#8288;</div>',
    ).replace(f"<p>{category}</p>", f"<p>\ufeff{category}&#8203;</p>")
    mirror = tmp_path / "m"
    write_file(mirror / "source", marked.path, html)
    write_file(mirror / "source", plain.path, page_html(plain, "relative", comment=True))
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    written = by_source(site)
    assert written[marked.url]["title"] == marked.title
    assert written[marked.url]["category"] == written[plain.url]["category"] == category
    assert site.build() == 0


def test_an_invisible_mark_inside_a_word_of_the_title_does_not_split_its_slug(site, tmp_path):
    """A word joiner inside a syllable ('ng\u2060hị', as a soft hyphen or another joiner
    already was) made two words of it in the address: /hoi-ng-hi-.../, where search
    finds the word whole. The title keeps it, as the page holds it."""
    item = items(1, start=739500)[0]
    title = "Hội ng\u2060hị triển khai công tác chuyển đổi số"
    html = page_html(item, "relative", comment=True).replace(item.title, title)
    mirror = tmp_path / "m"
    write_file(mirror / "source", item.path, html)
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    [(file, article)] = articles(site).items()
    assert article["title"] == title
    assert Path(file).stem == article["slug"] == "hoi-nghi-trien-khai-cong-tac-chuyen-doi-so"


def test_a_page_the_server_sent_without_a_content_type_is_read_as_a_browser_did(site, tmp_path):
    """An old server that sent no Content-Type: the browser saw the page all the same (it
    looks at the bytes), and import counted the article among the crawl's other files,
    without a word."""
    pytest.importorskip("warcio")
    item, aspx = items(2, start=736000)
    picture = f"https://{HOST}/anh/khong-kieu"
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(
        warc_of(
            [
                Response(item.url, page_html(item, "full").encode(), content_type=""),
                Response(f"https://{HOST}/tin-tuc/ChiTiet.aspx", page_html(aspx, "full").encode(),
                         content_type=""),
                Response(picture, JPEG, content_type=""),
            ]
        )
    )  # fmt: skip
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    assert summary(result)["imported"] == 2, result.stdout
    assert sorted(a["title"] for a in articles(site).values()) == sorted([item.title, aspx.title])


def test_an_image_the_warc_holds_behind_redirects_is_copied(site, tmp_path):
    """Liferay answers /image/journal/article?img_id=... with a redirect to the picture;
    the crawl records both. A redirect loop ends, as a file the crawl lacks."""
    pytest.importorskip("warcio")
    shown = Item(
        730000, "Tin có ảnh chuyển hướng", "07/07/2019", image="/image/journal/article?img_id=99"
    )
    looping = Item(730001, "Tin có ảnh chuyển hướng vòng", "08/07/2019", image="/anh/vong-a.jpg")
    responses = [
        Response(shown.url, page_html(shown, "full").encode("utf-8")),
        Response(looping.url, page_html(looping, "full").encode("utf-8")),
        Response(f"https://{HOST}{shown.image}", status="302 Found", location="/anh/moi/99"),
        Response(f"https://{HOST}/anh/moi/99", status="301 Moved Permanently",
                 location="https://cdn.hanoi.gov.vn/anh/99.jpg"),
        Response("https://cdn.hanoi.gov.vn/anh/99.jpg", JPEG, "image/jpeg"),
        Response(f"https://{HOST}/anh/vong-a.jpg", status="302 Found", location="/anh/vong-b.jpg"),
        Response(f"https://{HOST}/anh/vong-b.jpg", status="302 Found", location="/anh/vong-a.jpg"),
    ]  # fmt: skip
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_of(responses))
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    [copy] = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert copy.read_bytes() == JPEG and copy.suffix == ".jpg"
    assert copy.name.endswith("-99.jpg")  # named by the file's address, not "article"
    written = by_source(site)
    assert f"](../../../media/{copy.parent.name}/{copy.name})" in written[shown.url]["body"]
    assert f"not in the crawl, still linked to the old site: https://{HOST}/anh/vong-a.jpg" in (
        result.stderr
    )
    assert "1 not in the crawl" in result.stdout


def test_an_image_the_crawler_recorded_as_a_duplicate_of_another_is_copied(site, tmp_path):
    """wget --warc-dedup and Browsertrix write a second address with the bytes of a first
    as a revisit record naming it: the image was "not in the crawl"."""
    pytest.importorskip("warcio")
    first = Item(731000, "Tin có ảnh gốc", "07/07/2019", image="/anh/goc.jpg")
    second = Item(731001, "Tin có ảnh trùng", "08/07/2019", image="/anh/trung.jpg")
    responses = [
        Response(first.url, page_html(first, "full").encode("utf-8")),
        Response(second.url, page_html(second, "full").encode("utf-8")),
        Response(f"https://{HOST}{first.image}", JPEG, "image/jpeg"),
        Response(f"https://{HOST}{second.image}", JPEG, "image/jpeg",
                 refers_to=f"https://{HOST}{first.image}"),
    ]  # fmt: skip
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_of(responses))
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    assert (
        "still linked to the old site" not in result.stderr
        and "0 not in the crawl" in result.stdout
    )
    written = by_source(site)
    for item in (first, second):
        [link] = re.findall(r"\]\((\.\./\.\./\.\./media/[^)]+)\)", written[item.url]["body"])
        assert (site.root / "static" / link.removeprefix("../../../")).read_bytes() == JPEG


def test_an_old_address_the_warc_recorded_redirecting_to_an_article_answers_for_it(site, tmp_path):
    """A portal that moved its articles answers the old address with a 301 or 302 to the
    new one, and the crawler records that: the old address, linked from other sites and
    from the portal's older articles, led nowhere on the archive."""
    pytest.importorskip("warcio")
    item = items(1, start=733000)[0]
    moved = f"https://{HOST}/tin-tuc/-/asset_publisher/Abc/content/hoi-nghi-trien-khai"
    responses = [
        Response(f"http://{HOST}/Default.aspx?tabid=5&id=99", status="301 Moved Permanently",
                 location=f"https://{HOST}/Default.aspx?tabid=5&id=99"),
        Response(f"https://{HOST}/Default.aspx?tabid=5&id=99", status="302 Found",
                 location="/tin-tuc/-/asset_publisher/Abc/content/hoi-nghi-trien-khai"),
        Response(moved, status="301 Moved Permanently", location=item.url),
        Response(f"http://{HOST}{item.path}", status="301 Moved Permanently", location=item.url),
        Response(item.url, page_html(item, "full").encode()),
        # Browsertrix found the same page at another address: a revisit record naming it.
        Response(f"https://{HOST}/ban-in/733000.html", page_html(item, "full").encode(),
                 refers_to=item.url),
        # wget names it by the record's id alone (WARC-Refers-To).
        Response(f"https://{HOST}/in/733000.html", page_html(item, "full").encode(),
                 refers_to=item.url, by_id=True),
    ]  # fmt: skip
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_of(responses))
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    assert summary(result)["imported"] == 1, result.stdout
    [article] = by_source(site).values()
    assert article["source_url"] == item.url
    assert article["aliases"] == [
        item.path, urlsplit(moved).path, "/ban-in/733000.html", "/in/733000.html"
    ]  # fmt: skip
    # The address with a query cannot be answered by a static site: said, not lost; once
    # for its http and https spellings (each was a note of its own).
    [line] = [row for row in report(site) if row["outcome"] == "imported"]
    said = [note for note in line["notes"] if "?tabid=5&id=99" in note]
    assert len(said) == 1, line["notes"]

    assert site.build() == 0
    answer = site.read(urlsplit(moved).path.lstrip("/") + "/index.html")
    redirect = BeautifulSoup(answer, "html.parser")
    assert redirect.select_one("link[rel=canonical]")["href"].endswith(
        article["file"].removesuffix(".md") + "/"
    )
    checked = run(site, "check")
    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("listed", ["none", "flow", "block", "duplicate"])
def test_a_redirect_found_by_a_later_crawl_is_named_with_the_line_to_add(site, tmp_path, listed):
    """A later crawl found an old address now redirecting to an article imported before:
    the page was "already there" and the old address was lost without a word. An
    imported article is never changed by an import (README, "Again and again"), the
    editor's edits in it neither: the alias is named with its file, its line and what to
    write there; written so, it answers for the article. A line the editor wrote with an
    address twice was given back with it twice: it is given once."""
    pytest.importorskip("warcio")
    item = items(1, start=734000)[0]
    page = page_html(item, "full").encode()
    first = tmp_path / "first.warc.gz"
    first.write_bytes(warc_of([Response(item.url, page)]))
    plain = ["--no-aliases"] if listed == "none" else []
    assert run_import(site, first, *plain).returncode == 0
    [(name, _)] = articles(site).items()
    path = site.content / name
    text = path.read_text(encoding="utf-8")
    if listed == "block":  # an editor's own way of writing the list
        text = text.replace(f"aliases: [{item.path}]", f"aliases:\n  - {item.path}")
    if listed == "duplicate":  # an address pasted twice, one of them quoted
        text = text.replace(f"aliases: [{item.path}]", f"aliases: [{item.path}, '{item.path}']")
    text = text.replace('title: "', 'title: "Sửa - ', 1)  # and an edit of the title
    path.write_text(text, encoding="utf-8")
    old = f"/tin-tuc/-/asset_publisher/Abc/content/bai-{item.article_id}"
    later = tmp_path / "later.warc.gz"
    later.write_bytes(
        warc_of(
            [
                Response(f"https://{HOST}{old}", status="301 Moved Permanently", location=item.url),
                Response(item.url, page),
            ]
        )
    )
    result = run_import(site, later)
    assert result.returncode == 0, result.stderr
    assert summary(result)["already there"] == 1
    assert path.read_text(encoding="utf-8") == text  # never changed by the import
    lines = text.split("\n")
    if listed == "none":  # a line of its own, where the front matter ends
        expected = (lines.index("---", 1) + 1, f"aliases: [{old}]")
    elif listed in ("flow", "duplicate"):  # the line, with the old address
        at = next(n for n, line in enumerate(lines) if line.startswith("aliases: ["))
        expected = (at + 1, f"aliases: [{item.path}, {old}]")
    else:  # an item below the last one
        expected = (lines.index(f"  - {item.path}") + 2, f"  - {old}")
    said = [line for line in result.stderr.splitlines() if old in line]
    assert said and f"{name}:{expected[0]}" in said[0] and f"'{expected[1]}'" in said[0], said
    [row] = report(site)
    assert any(old in note for note in row["notes"])
    # Written as said, the old address answers for the article.
    at = expected[0] - 1
    if listed in ("flow", "duplicate"):
        lines[at] = expected[1]
    else:
        lines.insert(at, expected[1])
    path.write_text("\n".join(lines), encoding="utf-8")
    assert site.build() == 0
    assert (site.output / old.lstrip("/") / "index.html").is_file()
    again = run_import(site, later)
    assert old not in again.stderr


def test_an_article_a_later_crawl_finds_moved_to_a_new_address_is_not_imported_twice(
    site, tmp_path
):
    """A portal that moved its articles answers their old addresses with a redirect to
    the new ones: a later crawl imported each article a second time (another slug, its
    old address "already another article's alias"). The page is the article already
    there; its new address is named as an alias to add, with the line."""
    pytest.importorskip("warcio")
    item = items(1, start=735000)[0]
    page = page_html(item, "full").encode()
    first = tmp_path / "first.warc.gz"
    first.write_bytes(warc_of([Response(item.url, page)]))
    assert run_import(site, first).returncode == 0
    [(name, before)] = [(k, p.read_bytes()) for k, p in imported(site)]
    moved = f"https://{HOST}/tin-tuc/bai-viet/{item.article_id}"
    later = tmp_path / "later.warc.gz"
    later.write_bytes(
        warc_of(
            [
                Response(item.url, status="301 Moved Permanently", location=moved),
                Response(moved, page),
            ]
        )
    )
    result = run_import(site, later)
    assert result.returncode == 0, result.stderr
    assert summary(result)["already there"] == 1 and summary(result)["imported"] == 0
    assert [(k, p.read_bytes()) for k, p in imported(site)] == [(name, before)]
    said = [line for line in result.stderr.splitlines() if "/tin-tuc/bai-viet/" in line]
    assert said and f"'aliases: [{item.path}, /tin-tuc/bai-viet/{item.article_id}]'" in said[0]


def imported(site) -> list[tuple[str, Path]]:
    return [(p.relative_to(site.content).as_posix(), p) for p in sorted(site.content.rglob("*.md"))]


def test_a_page_recorded_as_unchanged_since_an_earlier_crawl_is_named_not_lost(site, tmp_path):
    """wget --warc-dedup and Browsertrix write a page that had not changed since the crawl
    before as a revisit record of its own address, without its bytes: a WARC of the later
    crawl alone imported its other pages, said nothing of that one, and exited 0."""
    pytest.importorskip("warcio")
    kept, unchanged = items(2, start=732000)
    earlier = tmp_path / "crawl-2022.warc.gz"
    earlier.write_bytes(warc_of([Response(unchanged.url, page_html(unchanged, "full").encode())]))
    later = tmp_path / "crawl-2024.warc.gz"
    later.write_bytes(
        warc_of(
            [
                Response(kept.url, page_html(kept, "full").encode()),
                Response(unchanged.url, page_html(unchanged, "full").encode(),
                         refers_to=unchanged.url),
            ]
        )
    )  # fmt: skip
    result = run_import(site, later)
    assert result.returncode == 1, result.stdout
    assert sorted(by_source(site)) == [kept.url]
    assert (summary(result)["pages seen"], summary(result)["failed"]) == (2, 1), result.stdout
    [error] = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert error.startswith("#") and unchanged.url.split("://")[1] in error  # from the WARC
    assert "revisit" in error and "earlier" in error, error
    assert "import the WARC" in result.stderr and "Traceback" not in result.stderr
    # The earlier crawl with it, in one call: the page comes from there.
    both = run_import(type(site)(tmp_path / "both"), earlier, later)
    assert both.returncode == 0, both.stderr
    assert summary(both)["imported"] == 2 and summary(both)["failed"] == 0, both.stdout
    # Given newest first, the revisit is met before the capture, which takes its place.
    newest_first = type(site)(tmp_path / "newest-first")
    result = run_import(newest_first, later, earlier)
    assert result.returncode == 0, result.stderr
    assert sorted(by_source(newest_first)) == sorted([kept.url, unchanged.url])
    [line] = [r for r in report(newest_first) if r["source_url"] == unchanged.url]
    assert line["input"].startswith(f"{earlier}#"), line
    # Or in a run of its own, before or after: the page is then already there.
    assert run_import(site, earlier).returncode == 0
    again = run_import(site, later)
    assert again.returncode == 0, again.stderr
    assert summary(again)["already there"] == 2 and summary(again)["failed"] == 0


def test_brotli_compressed_records_are_read_or_fail_saying_what_to_install(site, tmp_path):
    """A server that answered with Brotli (Content-Encoding: br) leaves the page and the
    image compressed in the WARC; warcio undoes that only when `brotli` is installed."""
    pytest.importorskip("warcio")
    page = Item(740000, "Tin nén Brotli", "09/07/2019")
    pictured = Item(740001, "Tin có ảnh nén Brotli", "10/07/2019", image="/anh/nen.jpg")
    image_url = f"https://{HOST}{pictured.image}"
    responses = [
        Response(page.url, brotli_stored(page_html(page, "full").encode()), encoding="br"),
        Response(pictured.url, page_html(pictured, "full").encode("utf-8")),
        Response(image_url, brotli_stored(JPEG), "image/jpeg", encoding="br"),
    ]
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_of(responses))
    result = run_import(site, warc)
    try:
        import brotli  # noqa: F401
    except ImportError:
        assert result.returncode == 1, result.stderr
        lines = {line["source_url"]: line for line in report(site)}
        assert lines[page.url]["outcome"] == lines[pictured.url]["outcome"] == "failed"
        assert "compressed with Brotli (Content-Encoding: br)" in lines[page.url]["reason"]
        assert image_url in lines[pictured.url]["reason"]
        assert result.stderr.count("python3 -m pip install brotli") == 2, result.stderr
        assert articles(site) == {}
        assert not (site.root / "static" / "media").exists()
        return
    assert result.returncode == 0, result.stderr
    assert sorted(by_source(site)) == sorted([page.url, pictured.url])
    [copy] = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert copy.read_bytes() == JPEG


def test_a_media_file_over_githubs_100_mb_is_named_at_import_and_check(site, tmp_path):
    """GitHub refuses a push holding a file over 100 MiB: the archivist hears it before
    committing, with the file, its size and what to do."""
    video = "/documents/10180/1/phong-su-hoi-nghi.pdf"
    item = Item(750000, "Tin có tệp đính kèm rất lớn", "11/07/2019", attachment=video)
    crawl = wget_tree(tmp_path / "crawl", [item], {video: b"%PDF-1.4\n"})
    with (crawl / HOST / video.lstrip("/")).open("r+b") as big:
        big.truncate(100 * 1024 * 1024 + 1)  # sparse: no time or disk spent writing it
    result = run_import(site, crawl)
    assert result.returncode == 0, result.stderr
    [copy] = [p for p in (site.root / "static" / "media").rglob("*.pdf")]
    rel = copy.relative_to(site.root).as_posix()
    assert f"https://{HOST}{video} is 100.0 MB ({rel}): GitHub refuses a push" in result.stderr
    assert "release asset" in result.stderr
    checked = run(site, "check")
    assert checked.returncode == 0, checked.stderr
    warning = f"the file /{rel.removeprefix('static/')} is 100.0 MB, more than GitHub takes"
    assert warning in checked.stderr and "git push will fail" in checked.stderr
    # A built site over the 1 GB GitHub Pages publishes (sparse files again).
    assert site.build() == 0
    (site.output / "media" / copy.parent.name / copy.name).unlink()
    for n in range(11):
        with (site.output / f"phim-{n}.mp4").open("wb") as part:
            part.truncate(100 * 1024 * 1024)
    checked = run(site, "check", "--built", site.output)
    assert "the site is 1100 MB, more than GitHub Pages publishes (1 GB)" in checked.stderr
    assert "move the largest files of static/media" in checked.stderr  # videos, not pages
    assert "/phim-0.mp4 is" not in checked.stderr  # 100 MB exactly: GitHub takes it


def test_the_last_capture_of_an_address_in_a_warc_is_the_one_imported(site, tmp_path):
    """A crawl that saw a page twice holds the page as it was last: corrected."""
    pytest.importorskip("warcio")
    item = items(1)[0]
    first = page_html(item, "full")
    last = first.replace("tổ chức hội nghị", "đã tổ chức hội nghị (bản đã sửa)")
    assert last != first
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(
        warc_of(
            [Response(item.url, first.encode("utf-8")), Response(item.url, last.encode("utf-8"))]
        )
    )
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    assert (summary(result)["imported"], summary(result)["already there"]) == (1, 1)
    [article] = articles(site).values()
    assert "đã tổ chức hội nghị (bản đã sửa)" in article["body"]
    older, newer = report(site)
    assert older["outcome"] == "already there" and newer["input"] in older["reason"]
    assert newer["outcome"] == "imported"
    # The summary gives the reason once, without the place each page's own report names
    # (a crawl with each page twice made it one line of 40 "reasons").
    said = "Already there: a later capture of this address is read instead (1, e.g. "
    assert said in result.stdout, result.stdout


def test_the_latest_capture_wins_whatever_order_the_crawls_are_given_in(site, tmp_path):
    """Two crawls given newest first (or a WACZ whose WARCs are not in date order): the
    capture read after the other in the files was the one imported, the older text, and
    the newer was reported as "a later capture of this address is read instead"."""
    pytest.importorskip("warcio")
    item = items(1, start=734000)[0]
    old = page_html(item, "full")
    new = old.replace("tổ chức hội nghị", "đã tổ chức hội nghị (bản đã sửa)")
    newer, older = tmp_path / "crawl-2024.warc.gz", tmp_path / "crawl-2022.warc.gz"
    newer.write_bytes(warc_of([Response(item.url, new.encode(), date="2024-03-01T08:00:00Z")]))
    older.write_bytes(warc_of([Response(item.url, old.encode(), date="2022-08-27T05:00:08Z")]))
    result = run_import(site, newer, older)
    assert result.returncode == 0, result.stderr
    [article] = articles(site).values()
    assert "đã tổ chức hội nghị (bản đã sửa)" in article["body"]
    imported, skipped = report(site)
    assert imported["input"].startswith(str(newer)) and imported["outcome"] == "imported"
    assert skipped["outcome"] == "already there" and imported["input"] in skipped["reason"]


@pytest.mark.parametrize("newest_first", [False, True])
@pytest.mark.parametrize("spelling", ["http://", "https://www."])
def test_the_latest_capture_wins_over_one_of_the_other_scheme(
    site, tmp_path, newest_first, spelling
):
    """A crawl that saw a page at its http and its https address (the portal moved to
    https between two crawls), or with and without www.: the first record read was
    imported, so the older text (and its address) when the older capture came first,
    and the corrected page was reported "already there"."""
    pytest.importorskip("warcio")
    item = items(1, start=735000)[0]
    old = page_html(item, "full")
    new = old.replace("tổ chức hội nghị", "đã tổ chức hội nghị (bản đã sửa)")
    other = item.url.replace("https://", spelling)
    captures = [
        Response(other, old.encode(), date="2022-08-27T05:00:08Z"),
        Response(item.url, new.encode(), date="2024-03-01T08:00:00Z"),
    ]
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_of(captures[::-1] if newest_first else captures))
    result = run_import(site, warc)
    assert result.returncode == 0, result.stderr
    [article] = articles(site).values()
    assert "đã tổ chức hội nghị (bản đã sửa)" in article["body"]
    assert article["source_url"] == item.url
    skipped = next(r for r in report(site) if r["outcome"] != "imported")
    assert skipped["source_url"] == other
    assert "a later capture of this address is read instead" in skipped["reason"]


# --- collisions, re-runs, determinism ------------------------------------------------


def test_pages_that_would_share_a_slug_get_distinct_stable_ones(site, tmp_path):
    same = [Item(900001 + n, "Thông báo tuyển dụng", "10/03/2018") for n in range(3)]
    long_title = (
        "Công văn đề nghị tạm ngừng cung cấp dịch vụ đối với các số điện thoại quảng cáo "
        "rao vặt sai quy định ({} 01/2018)"
    )
    rounds = [Item(900010 + n, long_title.format(f"lần 0{n + 1}"), "12/03/2018") for n in range(2)]
    mirror = httrack_tree(tmp_path / "m", [*same, *rounds], {})
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    names = sorted(Path(f).stem for f in articles(site))
    assert len(names) == 5
    assert "thong-bao-tuyen-dung" in names
    assert "thong-bao-tuyen-dung-900002" in names and "thong-bao-tuyen-dung-900003" in names
    # A long title keeps its distinguishing end within the 80 characters.
    ends = sorted(n for n in names if n.startswith("cong-van"))
    assert [n.endswith(f"lan-0{k}-01-2018") for k, n in enumerate(ends, 1)] == [True, True]
    assert all(len(n) <= 80 for n in names)
    assert site.build() == 0


def test_a_second_run_adds_nothing_and_changes_nothing(site, tmp_path):
    portal, media = portal_with_media()
    mirror = httrack_tree(tmp_path / "m", portal, media)
    assert run_import(site, mirror).returncode == 0
    before = {**tree(site.content), **tree(site.root / "static")}
    again = run_import(site, mirror)
    assert again.returncode == 0, again.stderr
    counts = summary(again)
    assert (counts["imported"], counts["already there"]) == (0, 3)
    # Named, not only counted: the reason, one of the pages and the article it matched.
    said = re.search(
        r"Already there: an article has this source_url \(3, e\.g\. (\S+): (\S+)\)",
        again.stdout,
    )
    assert said and (mirror / said.group(1)).is_file()  # named from the mirror imported
    matched = site.root / said.group(2)  # from the folder the command ran in
    assert matched.parent.parent.parent == site.content and matched.suffix == ".md"
    source_url = re.search(r"(?m)^source_url: (\S+)$", matched.read_text(encoding="utf-8"))
    page = (mirror / said.group(1)).read_text(encoding="utf-8")
    assert f"Mirrored from {source_url.group(1).split('://')[1]} " in page
    assert {**tree(site.content), **tree(site.root / "static")} == before
    assert {r["outcome"] for r in report(site)} == {"already there"}


def test_an_interrupted_import_goes_on_where_it_stopped(site, tmp_path):
    """Each article is written whole or not at all: the next run imports the rest, and
    the archive ends up as one uninterrupted run leaves it."""
    portal, media = portal_with_media(6)
    whole = httrack_tree(tmp_path / "whole", portal, media)
    done = [portal[0].image, portal[0].attachment, portal[1].image]
    part = httrack_tree(tmp_path / "part", portal[:2], {k: media[k] for k in done})
    assert run_import(site, part).returncode == 0
    # What a killed run leaves: a file being written under its temporary name.
    (site.content / "2015").mkdir(exist_ok=True)
    (site.content / "2015" / ".bai.md.part-999").write_text("---\ntitle: nửa", encoding="utf-8")
    again = run_import(site, whole)
    assert again.returncode == 0, again.stderr
    assert (summary(again)["imported"], summary(again)["already there"]) == (4, 2)

    reference = type(site)(tmp_path / "reference")
    assert run_import(reference, whole).returncode == 0
    assert tree(site.content).keys() - {"2015/.bai.md.part-999"} == tree(reference.content).keys()
    assert [v for k, v in tree(site.content).items() if not k.endswith("999")] == list(
        tree(reference.content).values()
    )
    assert tree(site.root / "static") == tree(reference.root / "static")
    assert site.build() == 0  # the half-written file is not an article


@pytest.mark.skipif(os.name != "posix", reason="whether a process runs is asked of POSIX")
def test_the_next_import_removes_what_a_killed_import_was_writing(site, tmp_path):
    """A kill (kill -9, a closed terminal) mid-write leaves the file under its temporary
    name: in content/ a warning at every build, in static/media an error that stopped
    every build, and the same import run again left it there. The next import removes
    each such file of a process that no longer runs, and nothing else."""
    portal, media = portal_with_media(2)
    mirror = httrack_tree(tmp_path / "m", portal, media)
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    dead, alive = int(ended.stdout), os.getpid()
    static = site.root / "static"
    left = [
        site.content / "2015" / f".bai.md.part-{dead}",
        static / "media" / "ab" / f".ab12cd34ef56ab78-anh.jpg.part-{dead}",
    ]
    others = [
        site.content / "2015" / f".bai.md.part-{alive}",  # an import or `new` still writing
        site.content / "2015" / f"bai.md.part-{dead}",  # not a name the import writes
        site.content / "2015" / f".bai.md.part-{dead}.bak",
        static / "media" / "ab" / f".anh.jpg.part-{dead}x",
        static / "tai-lieu" / f".anh.jpg.part-{dead}",  # not the import's folder
    ]
    for path in [*left, *others]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"---\ntitle: n\xe1")
    again = run_import(site, mirror)
    assert again.returncode == 0, again.stderr
    assert [p for p in left if p.exists()] == []
    assert [p for p in others if not p.exists()] == []
    for path in left:
        shown = path.relative_to(site.root).as_posix()
        assert f"{shown}: warning: removed: an import stopped while writing" in again.stderr


def import_patched(site, monkeypatch, capsys, mirror: Path, **patched) -> tuple[int, str]:
    """`import --jobs 1 MIRROR` run in this process with methods of Path replaced by
    ``patched``; its exit code and what it said on stderr."""
    from newsarchive.cli import main

    for name, function in patched.items():
        monkeypatch.setattr(Path, name, function)
    monkeypatch.chdir(site.root)
    code = main(["import", "--jobs", "1", str(mirror)])
    monkeypatch.undo()
    return code, capsys.readouterr().err


def _ctrl_c() -> None:
    raise KeyboardInterrupt


def _ctrl_c_failing_a_pool() -> None:
    """A process pool shut down while Ctrl+C is handled may raise "Bad file descriptor":
    the import said the write failed, a fault of the disk, instead of stopped."""
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF)) from None


@pytest.mark.parametrize("stop", [_ctrl_c, _ctrl_c_failing_a_pool])
def test_ctrl_c_during_an_import_exits_130_and_the_next_run_goes_on(
    site, tmp_path, capsys, monkeypatch, stop
):
    """Ctrl+C as the third article is about to be written: the exit status of a stop
    (130, as for every command), a message saying how to go on, and the next run leaves the
    archive as one uninterrupted run does."""

    portal, media = portal_with_media(6)
    mirror = httrack_tree(tmp_path / "m", portal, media)
    real_open = Path.open
    articles = []

    def open_(path: Path, mode: str = "r", *args, **kwargs):
        if "w" in mode and ".md.part-" in path.name:
            articles.append(path)
            if len(articles) == 3:
                stop()
        return real_open(path, mode, *args, **kwargs)

    code, err = import_patched(site, monkeypatch, capsys, mirror, open=open_)
    assert code == 130
    assert "Import interrupted after" in err and "go on where it stopped" in err, err
    assert "Bad file descriptor" not in err
    assert len(tree(site.content)) == 2
    assert run_import(site, mirror).returncode == 0

    reference = type(site)(tmp_path / "reference")
    assert run_import(reference, mirror).returncode == 0
    assert tree(site.content) == tree(reference.content)


def test_a_folder_that_cannot_be_written_is_told_to_be_made_writable(
    site, tmp_path, capsys, monkeypatch
):
    """Not "free some space": the fix for a read-only folder is to make it writable."""

    portal, media = portal_with_media(2)
    mirror = httrack_tree(tmp_path / "m", portal, media)
    real_open = Path.open

    def open_(path: Path, mode: str = "r", *args, **kwargs):
        if "w" in mode and ".md.part-" in path.name:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path.parent))
        return real_open(path, mode, *args, **kwargs)

    code, err = import_patched(site, monkeypatch, capsys, mirror, open=open_)
    assert code == 1
    assert "Permission denied" in err and "make the folder (or the one it is in) writable" in err
    assert "free some space" not in err and "internal error" not in err


@pytest.mark.parametrize("full_at", ["media", "article"])
def test_a_full_disk_stops_the_import_with_a_message_and_the_next_run_goes_on(
    site, tmp_path, capsys, monkeypatch, full_at
):
    """The disk fills up while the third media file, or the third article, is written
    (half of it, then ENOSPC): a message, no traceback, no half file, and the run after
    that leaves the archive as one uninterrupted run does."""

    portal, media = portal_with_media(6)
    mirror = httrack_tree(tmp_path / "m", portal, media)
    real_write_bytes, real_open = Path.write_bytes, Path.open
    calls = []

    def full(path: Path, kind: str) -> bool:
        """True for the third file of this kind written."""
        if ".part-" not in path.name or full_at != kind:
            return False
        calls.append(path)
        return len(calls) == 3

    def write_bytes(path: Path, data: bytes) -> int:
        if full(path, "media"):
            real_write_bytes(path, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write_bytes(path, data)

    def open_(path: Path, mode: str = "r", *args, **kwargs):
        handle = real_open(path, mode, *args, **kwargs)
        if "w" in mode and full(path, "article"):
            handle.write("---\ntitle: nửa")
            handle.close()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return handle

    code, err = import_patched(
        site, monkeypatch, capsys, mirror, write_bytes=write_bytes, open=open_
    )
    assert code == 1
    assert "No space left on device" in err and "goes on where it stopped" in err, err
    assert "how to fix: free some space, then run the same command again" in err, err
    assert "internal error" not in err
    files = [*site.content.rglob("*"), *(site.root / "static").rglob("*")]
    assert not [f for f in files if ".part-" in f.name]
    assert run_import(site, mirror).returncode == 0

    reference = type(site)(tmp_path / "reference")
    assert run_import(reference, mirror).returncode == 0
    assert tree(site.content) == tree(reference.content)
    assert tree(site.root / "static") == tree(reference.root / "static")
    assert site.build() == 0


def test_any_number_of_jobs_writes_the_same_files(tmp_path):
    from conftest import SiteDir

    portal = items(60)
    media = {item.image: JPEG + bytes([n % 5]) for n, item in enumerate(portal)}  # shared
    mirror = httrack_tree(tmp_path / "m", portal, media)
    # The same pages again, crawled by wget: "already there", as the run wrote them (in
    # one process the pages were read against the articles written meanwhile, and the
    # report and summary said otherwise than with workers).
    again = wget_tree(tmp_path / "w", portal, media)
    trees, reports = [], []
    for jobs in (1, 2):
        site = SiteDir(tmp_path / f"jobs-{jobs}")
        result = run_import(site, mirror, again, "--jobs", jobs)
        assert result.returncode == 0, result.stderr
        assert (summary(result)["imported"], summary(result)["already there"]) == (60, 60)
        trees.append((tree(site.content), tree(site.root / "static" / "media")))
        summed = [line for line in result.stdout.splitlines() if not line.startswith("Time:")]
        reports.append((report(site), summed[-3:]))
    assert trees[0] == trees[1]
    assert len(trees[0][1]) == 5  # five distinct images, each copied once
    assert reports[0] == reports[1]


# --- the report -------------------------------------------------------------------------


def test_the_report_has_a_line_per_page_and_the_summary_counts_them(site, tmp_path):
    portal, media = portal_with_media(2)
    mirror = wget_tree(tmp_path / "wget", portal, media)
    broken = mirror / HOST / "tin-tuc" / "hong.html"
    broken.write_text(
        "<html><body><h1>Tin hỏng</h1><p>Ngày đăng 31/02/2019 | 10:00</p></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "reports" / "lan-1.jsonl"
    out.parent.mkdir()  # --report makes no folder: a mistyped one would hide the report
    result = run_import(site, mirror, "--report", out)
    assert f"Report, a line per page: {out}" in result.stdout or out.name in result.stdout
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == summary(result)["pages seen"] == 4
    assert {line["input"] for line in lines} == {str(p) for p in mirror.rglob("*.html")}
    imported = [line for line in lines if line["outcome"] == "imported"]
    assert sorted(line["source_url"] for line in imported) == sorted(i.url for i in portal)
    for line in imported:
        assert (site.root / line["file"]).is_file() or Path(line["file"]).is_file()
        assert line["title"] and line["date"].startswith("20") and line["profile"]
        assert line["media_copied"] and line["media_missing"] == []
    login = next(line for line in lines if line["input"].endswith("login.html"))
    assert login["outcome"] == "not an article" and login["reason"] and login["file"] == ""
    for line in lines:
        assert set(line) >= {"input", "source_url", "file", "title", "date", "profile", "notes"}
    assert not (site.root / "import-report.jsonl").exists()


@pytest.mark.parametrize(
    "where",
    [
        "site.yaml",  # replaced the settings: every later command failed on it
        "the page",  # the page being imported
        "notes.txt",  # someone's file
        "import-report.jsonl",  # someone's file where the report goes by default
        "content/bao-cao.jsonl",
        "templates/base.html",
        "static/bao-cao.jsonl",
        "_site/bao-cao.jsonl",
        "_site.previous/bao-cao.jsonl",
        "content",
        "bao-cao/import.jsonl",  # a mistyped folder: it was made, and the report hidden in it
    ],
)
def test_the_report_never_replaces_or_joins_the_users_files(site, tmp_path, where):
    portal, media = portal_with_media(1)
    mirror = wget_tree(tmp_path / "wget", portal, media)
    page = next(mirror.rglob("*.html"))
    for name in ("notes.txt", "import-report.jsonl"):
        (site.root / name).write_text("ghi chú của tôi\n", encoding="utf-8")
    target = page if where == "the page" else site.root / where
    before = tree(site.root), tree(mirror)
    args = () if where == "import-report.jsonl" else ("--report", target)
    result = run_import(site, page, *args)
    assert result.returncode == 1, result.stdout
    shown = "the report's default file" if not args else "--report"
    assert f"error: {shown} cannot be this file: " in result.stderr, result.stderr
    assert "choose another file with --report" in result.stderr
    assert "nothing was imported" in result.stderr
    assert (tree(site.root), tree(mirror)) == before
    assert not (site.root / "bao-cao").exists()


def test_an_earlier_report_is_replaced(site, tmp_path):
    portal, media = portal_with_media(2)
    mirror = wget_tree(tmp_path / "wget", portal, media)
    out = tmp_path / "bao-cao.jsonl"
    first = run_import(site, mirror, "--report", out)
    assert first.returncode == 0, first.stderr
    outcomes = [json.loads(line)["outcome"] for line in out.read_text().splitlines()]
    assert outcomes.count("imported") == 2
    again = run_import(site, mirror, "--report", out)
    assert again.returncode == 0, again.stderr
    outcomes = [json.loads(line)["outcome"] for line in out.read_text().splitlines()]
    assert "imported" not in outcomes and outcomes.count("already there") == 2


def test_a_run_that_reads_no_page_keeps_the_earlier_report(site, tmp_path):
    """A mistyped path read nothing: the report of the import before, with its notes
    about missing pictures that the editor may still be working through, was emptied."""
    portal, media = portal_with_media(2)
    mirror = wget_tree(tmp_path / "wget", portal, media)
    first = run_import(site, mirror)
    assert first.returncode == 0, first.stderr
    report = site.root / "import-report.jsonl"
    kept = report.read_bytes()
    assert kept.count(b"\n") == summary(first)["pages seen"]
    for missing in (tmp_path / "khong-co", tmp_path / "trong"):
        if missing.name == "trong":
            missing.mkdir()  # an empty folder: no page either
        again = run_import(site, missing)
        assert report.read_bytes() == kept
        # A path not there, or a folder with no page, is an error of its own, before
        # anything is read: no summary of zeros, nor a word on the report.
        assert "nothing was imported" in again.stderr, again.stderr
        assert "Report, a line per page" not in again.stdout


# --- the real pages, when the shared samples are beside this clone --------------------


def test_the_shared_httrack_sample_imports_whole_and_a_second_run_adds_nothing(site):
    mirror = SAMPLES / "sotttt-mirror"
    if not mirror.is_dir():
        pytest.skip(f"no shared import samples beside this clone ({SAMPLES})")
    truth = json.loads((SAMPLES / "sotttt-truth.json").read_text(encoding="utf-8"))
    result = run_import(site, mirror)
    counts = summary(result)
    assert counts["pages seen"] == len(truth)
    lines = report(site)
    # Every input is imported or reported with a reason; none is lost to a collision.
    assert all(line["outcome"] == "imported" or line["reason"] for line in lines)
    # A page that shows no date at all (the truth says so) is reported, with how to go on.
    undated = [path for path, t in truth.items() if not t["date"]]
    failed = [line for line in lines if line["outcome"] != "imported"]
    assert [Path(line["input"]).name for line in failed] == [Path(p).name for p in undated]
    assert "no publish date" in failed[0]["reason"] and "--date" in result.stderr
    assert run_import(site, mirror / undated[0], "--date", "02/03/2021 08:00").returncode == 0
    written = by_source(site)
    assert len(written) == counts["imported"] + 1 == len(truth), result.stderr
    # The address as HTTrack names it, without Liferay's "back to the list" parameter.
    assert sorted(written) == sorted(t["url"].split("?redirect=")[0] for t in truth.values())
    for url, article in written.items():
        assert article["aliases"] == [url.removeprefix(f"https://{HOST}")]
    # HTTrack's folders of other hosts beside the portal's (its pictures' CDN) are hosts.
    bodies = "".join(article["body"] for article in written.values())
    assert "](https://sotttt.qltns.mediacdn.vn/231594448585469952/2022/" in bodies
    assert not re.search(rf"{HOST}/[a-z0-9.-]+\.(vn|net)/", bodies)
    again = run_import(site, mirror)
    assert summary(again)["imported"] == 0
    assert summary(again)["already there"] == len(truth)
    assert site.build() == 0
    shutil.rmtree(site.output)


def test_httracks_own_pages_are_named_as_such_and_never_imported(site, tmp_path):
    """The project index read as "not in Vietnamese", and the "Page has moved" page
    became an article of 1 January 2014, the year in HTTrack's comment."""
    [item] = items(1)
    mirror = httrack_tree(tmp_path / "m", [item], {})
    write_file(mirror, "index.html", HTTRACK_INDEX)
    write_file(mirror, "source/index.html", HTTRACK_MOVED)
    write_file(mirror, "source/hts-log.txt", "HTTrack3.49-2 launched on Sat, 27 Aug 2022\n")
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    assert sorted(by_source(site)) == [item.url]
    own = [line for line in report(site) if line["outcome"] == "not an article"]
    assert sorted(line["input"].removeprefix(f"{mirror}/") for line in own) == [
        "index.html",
        "source/index.html",
    ]
    assert all(line["reason"].startswith("HTTrack's own page") for line in own)
    assert "not in Vietnamese" not in result.stdout + result.stderr


def test_a_page_at_a_portlets_address_cites_its_own_address_from_its_print_link(site):
    """Sample B was mirrored at a portlet's address with a query (/chien-luoc-quy-hoach?
    p_p_id=59_...&p_p_col_count=6), which names no article: on the portal it is the
    section's page. Its print link, which HTTrack renamed (…/pop_up/708168-…-nam-20120202
    .html?_101_viewMode=print), names the article's own address: …/view_content/708168-…
    -nam-2012.html. That address was its alias only, and "Bài gốc" cited the portlet's:
    now the article cites its own address and has it as its alias; the portlet's leads
    to no article. Imported again, the page is the article already there."""
    page = SAMPLES / "B-sotttt-708168-attachments-doc-xls.html"
    if not page.exists():
        pytest.skip(f"no shared import samples beside this clone ({SAMPLES})")
    result = run_import(site, page)
    assert result.returncode == 0, result.stderr
    own = (
        "/chien-luoc-quy-hoach/-/view_content/708168-huong-dan-xay-dung-ke-hoach-ung-dung-"
        "cntt-trong-hoat-dong-cua-co-quan-nha-nuoc-thanh-pho-ha-noi-nam-2012.html"
    )
    [(source_url, article)] = by_source(site).items()
    assert source_url == f"https://sotttt.hanoi.gov.vn{own}"
    assert article["aliases"] == [own]
    [line] = report(site)
    assert line["source_url"] == source_url
    [note] = [n for n in line["notes"] if "print link" in n]
    assert "?p_p_id=59_INSTANCE_6aZaRrRqV2Cq" in note and "does not name the article" in note
    assert "cannot answer" not in result.stderr, result.stderr
    # Its .doc and .xls, linked relative to where HTTrack saved the page, are still found.
    assert [x for x in article["body"].split("(") if ".doc" in x or ".xls" in x]
    assert site.build() == 0
    built = BeautifulSoup(
        site.read(article["file"].removesuffix(".md") + "/index.html"), "html.parser"
    )
    cited = [a["href"] for a in built.select("a[href]") if "sotttt.hanoi.gov.vn" in a["href"]]
    assert source_url in cited and not [a for a in cited if "p_p_id" in a], cited
    redirect = BeautifulSoup(site.read(own.lstrip("/")), "html.parser")
    assert redirect.select_one('meta[http-equiv="refresh"]') is not None
    again = run_import(site, page)
    assert summary(again)["already there"] == 1, again.stderr


@pytest.mark.parametrize(
    ("fetched", "cited"),
    [("chi-tiet?id=708168", "chi-tiet?id=708168"), ("chi-tiet?p_p_id=56&id=5", "own")],
)
def test_an_address_with_the_articles_number_in_its_query_stays_its_source_url(
    site, tmp_path, fetched, cited
):
    """Only an address whose query does not hold the number of the article's own address
    (its print link's) is no address of the article: one that holds it (`?id=708168`)
    is the portal's address of the article, and stays the one it cites, which the 404
    page's list of old addresses leads to it by."""
    page = SAMPLES / "B-sotttt-708168-attachments-doc-xls.html"
    if not page.exists():
        pytest.skip(f"no shared import samples beside this clone ({SAMPLES})")
    html = re.sub(
        r"Mirrored from sotttt\.hanoi\.gov\.vn/\S+",
        f"Mirrored from sotttt.hanoi.gov.vn/{fetched}",
        page.read_text(encoding="utf-8"),
        count=1,
    )
    moved = tmp_path / page.name
    moved.write_text(html, encoding="utf-8")
    result = run_import(site, moved)
    assert result.returncode == 0, result.stderr
    own = (
        "/chien-luoc-quy-hoach/-/view_content/708168-huong-dan-xay-dung-ke-hoach-ung-dung-"
        "cntt-trong-hoat-dong-cua-co-quan-nha-nuoc-thanh-pho-ha-noi-nam-2012.html"
    )
    [(source_url, article)] = by_source(site).items()
    assert source_url == "https://sotttt.hanoi.gov.vn" + (own if cited == "own" else f"/{cited}")
    assert article["aliases"] == [own]


def test_a_print_link_is_read_where_httrack_saved_the_page_not_at_its_source_url(site):
    """HTTrack wrote sample B's print link (chien-luoc-quy-hoach/-/view_content/pop_up/…)
    relative to where it saved the page, the portlet's address at the host's top. Given
    the article's own address with --source-url, three folders down, the link was read
    from there: a second alias, /chien-luoc-quy-hoach/-/view_content/chien-luoc-quy-hoach/
    -/view_content/708168-….html, the portal never had (and a redirect page at it)."""
    page = SAMPLES / "B-sotttt-708168-attachments-doc-xls.html"
    if not page.exists():
        pytest.skip(f"no shared import samples beside this clone ({SAMPLES})")
    own = (
        "/chien-luoc-quy-hoach/-/view_content/708168-huong-dan-xay-dung-ke-hoach-ung-dung-"
        "cntt-trong-hoat-dong-cua-co-quan-nha-nuoc-thanh-pho-ha-noi-nam-2012.html"
    )
    result = run_import(site, page, "--source-url", f"https://sotttt.hanoi.gov.vn{own}")
    assert result.returncode == 0, result.stderr
    [article] = by_source(site).values()
    assert article["aliases"] == [own]


def test_a_relative_print_link_of_a_page_saved_from_nowhere_it_says_gives_no_alias(site, tmp_path):
    """README's fix for a page without its address: import it again with --source-url.
    Sample B without HTTrack's comment says nowhere where it was saved from; its relative
    print link, read from the address given, made an alias the portal never had."""
    page = SAMPLES / "B-sotttt-708168-attachments-doc-xls.html"
    if not page.exists():
        pytest.skip(f"no shared import samples beside this clone ({SAMPLES})")
    bare = tmp_path / page.name
    bare.write_text(
        re.sub(r"<!-- Mirrored from .*?-->", "", page.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    own = "/chien-luoc-quy-hoach/-/view_content/708168-huong-dan-ke-hoach-2012.html"
    assert run_import(site, bare).returncode == 0
    again = run_import(site, bare, "--source-url", f"https://sotttt.hanoi.gov.vn{own}")
    assert again.returncode == 0, again.stderr
    assert f"the line 'aliases: [{own}]'" in again.stderr, again.stderr


@pytest.mark.parametrize(
    "link",
    ["https://in.example.com/chien-luoc-quy-hoach/", "javascript:void(0);chien-luoc-quy-hoach/"],
)
def test_a_print_link_to_another_host_or_no_address_gives_no_alias(site, tmp_path, link):
    """A profile's own_address names the article's own address on the portal: a link it
    finds to another host (a share or print service's) became an alias all the same, its
    path answered by the archive as if the portal had had it; one that is no address at
    all gave none, without a word."""
    page = SAMPLES / "B-sotttt-708168-attachments-doc-xls.html"
    if not page.exists():
        pytest.skip(f"no shared import samples beside this clone ({SAMPLES})")
    html = page.read_text(encoding="utf-8").replace(
        'window.open("chien-luoc-quy-hoach/', f'window.open("{link}'
    )
    moved = tmp_path / page.name
    moved.write_text(html, encoding="utf-8")
    result = run_import(site, moved)
    assert result.returncode == 0, result.stderr
    [article] = by_source(site).values()
    assert "aliases" not in article
    [note] = [n for n in report(site)[0]["notes"] if "own_address" in n]
    assert link.split(";")[0] in note, note


def test_a_picture_httrack_saved_as_html_is_copied_as_the_picture_it_is(site, tmp_path):
    """The portal served some pictures as text/html, and HTTrack named them so
    (/images/554897/.../1450180676331.html on sotttt): a copy named .html would be
    served to readers as a web page."""
    picture = "/images/554897/145/018/067/633/1/1450180676331.html"
    item = Item(760100, "Tin có ảnh mang tên trang", "12/07/2019", image=picture)
    mirror = httrack_tree(tmp_path / "m", [item], {picture: JPEG})
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    [copy] = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert copy.name.endswith("-1450180676331.jpg") and copy.read_bytes() == JPEG
    [article] = by_source(site).values()
    assert f"](../../../media/{copy.parent.name}/{copy.name})" in article["body"]


def test_one_article_under_two_addresses_is_imported_once(site, tmp_path):
    """Liferay shows an article under each category it is in: same id, title and date."""
    item = items(1)[0]
    elsewhere = Item(item.article_id, item.title, item.day, category="su-kien")
    mirror = httrack_tree(tmp_path / "m", [item, elsewhere], {})
    result = run_import(site, mirror)
    assert result.returncode == 0, result.stderr
    counts = summary(result)
    assert (counts["imported"], counts["already there"]) == (1, 1)
    [line] = [r for r in report(site) if r["outcome"] == "already there"]
    assert "under another address" in line["reason"]


def test_the_other_addresses_of_one_article_answer_for_it(site, tmp_path):
    """Liferay shows an article under each category it is in: its second address was
    "already there" and lost, and the links of other sites to it led nowhere. Met in the
    same run, it is an alias of the article written then; met in a later crawl, it is
    named with the line to write (an article already there is never changed)."""
    item = items(1)[0]
    elsewhere = Item(item.article_id, item.title, item.day, category="su-kien")
    result = run_import(site, httrack_tree(tmp_path / "m", [item, elsewhere], {}))
    assert result.returncode == 0, result.stderr
    [article] = by_source(site).values()
    assert sorted(article["aliases"]) == sorted([item.path, elsewhere.path])
    path = site.content / article["file"]
    before = path.read_bytes()
    third = Item(item.article_id, item.title, item.day, category="thong-bao")
    result = run_import(site, httrack_tree(tmp_path / "later", [third], {}))
    assert result.returncode == 0, result.stderr
    assert summary(result)["already there"] == 1 and path.read_bytes() == before
    said = [line for line in result.stderr.splitlines() if third.path in line]
    listed = ", ".join([*article["aliases"], third.path])
    assert said and f"'aliases: [{listed}]'" in said[0], said
    assert site.build() == 0
    for address in (item.path, elsewhere.path):  # a page of its own, the file x.html
        assert (site.output / address.lstrip("/")).is_file()


def test_an_old_address_that_is_one_of_the_archives_own_gets_no_alias(site, tmp_path):
    item = items(1)[0]
    page = tmp_path / "saved.html"
    page.write_text(
        __import__("capture_fixtures").page_html(item, "full", comment=False), encoding="utf-8"
    )
    result = run_import(site, page, "--source-url", f"https://{HOST}/tim-kiem/bai-1.html")
    assert result.returncode == 0, result.stderr
    [article] = articles(site).values()
    assert "aliases" not in article and "archive's own pages" in result.stderr
    assert site.build() == 0


def test_old_addresses_by_year_and_month_are_aliases_unless_they_are_the_new_one(site, tmp_path):
    """WordPress-style portals publish at /yyyy/mm/slug/, a folder the archive shares."""
    pytest.importorskip("warcio")
    page_html = __import__("capture_fixtures").page_html
    moved = Item(730001, "Bài viết đã đổi tên trên cổng mới", "12/10/2020")
    same = Item(730002, "Bài viết giữ nguyên địa chỉ", "13/10/2020")
    later = Item(730003, "Bài cũ", "14/10/2020")  # its own address is moved's old one
    crawl = {
        f"https://{HOST}/2020/10/bai-cu/": moved,
        f"https://{HOST}/2020/10/bai-viet-giu-nguyen-dia-chi/": same,
        f"https://{HOST}/tin-tuc/bai-cu.html": later,
    }
    path = tmp_path / "wordpress.warc.gz"
    path.write_bytes(warc_bytes([], {}, {u: page_html(i, "full") for u, i in crawl.items()}))
    result = run_import(site, path)
    assert result.returncode == 0, result.stderr
    assert "archive's own pages" not in result.stderr
    written = by_source(site)
    by_url = {url: written[url] for url in crawl}
    first, second, third = by_url.values()
    assert first["aliases"] == ["/2020/10/bai-cu/"]
    assert second["file"] == "2020/10/bai-viet-giu-nguyen-dia-chi.md"
    assert "aliases" not in second  # the old address is the new one: no alias is needed
    assert third["aliases"] == ["/tin-tuc/bai-cu.html"]
    assert third["file"] != "2020/10/bai-cu.md"  # /2020/10/bai-cu/ leads to the first
    # A later crawl's old address that is an article's address now gets no alias, and says so.
    taken = f"https://{HOST}/{first['file'].removesuffix('.md')}/"
    other = tmp_path / "later.warc.gz"
    other.write_bytes(warc_bytes([], {}, {taken: page_html(items(1)[0], "full")}))
    result = run_import(site, other)
    assert result.returncode == 0, result.stderr
    assert "aliases" not in by_source(site)[taken]
    assert f"the old address /{first['file'].removesuffix('.md')}/ is another" in result.stderr
    assert site.build() == 0
    redirect = BeautifulSoup(site.read("2020/10/bai-cu/index.html"), "html.parser")
    canonical = redirect.select_one("link[rel=canonical]")["href"]
    assert canonical.endswith(first["file"].removesuffix(".md") + "/")


@pytest.mark.parametrize("crawl", ["warc", "folder"])
def test_an_old_flash_player_keeps_its_file_linked_and_copied(site, tmp_path, crawl):
    """A 2008-2014 portal's Flash player, an <object> holding its <param name="movie">
    alone, was "left out empty <object> elements", its .swf neither linked nor copied
    though the crawl held it. It is now a link to the copy, named by the file's name,
    and the notes say browsers no longer play Flash."""
    item = Item(740001, "Giới thiệu quận qua ảnh động", "13/10/2012")
    flash = (
        '<object classid="clsid:D27CDB6E-AE6D-11cf-96B8-444553540000" width="400">'
        '<param name="movie" value="/Uploads/2012/gioi-thieu.swf"></object>'
        "<p>Hội nghị đã thảo luận"
    )
    swf = b"FWS\x0a" + b"0" * 64
    page = page_html(item, "full" if crawl == "warc" else "absolute-path")
    page = page.replace("<p>Hội nghị đã thảo luận", flash)
    if crawl == "warc":
        pytest.importorskip("warcio")
        path = tmp_path / "flash.warc.gz"
        responses = [Response(item.url, page.encode("utf-8"))]
        responses.append(
            Response(
                f"https://{HOST}/Uploads/2012/gioi-thieu.swf", swf, "application/x-shockwave-flash"
            )
        )
        path.write_bytes(warc_of(responses))
    else:
        path = tmp_path / "wget"
        write_file(path / HOST, item.path, page)
        write_file(path / HOST, "/Uploads/2012/gioi-thieu.swf", swf)
    result = run_import(site, path)
    assert result.returncode == 0, result.stderr
    [article] = articles(site).values()
    [copy] = [p for p in (site.root / "static" / "media").rglob("*.swf")]
    assert copy.read_bytes() == swf
    link = f"../../../media/{copy.parent.name}/{copy.name}"
    assert f"\n\n[gioi-thieu.swf]({link})\n\n" in article["body"], article["body"]
    assert "which browsers no longer play" in result.stderr, result.stderr
    assert "empty <object>" not in result.stderr, result.stderr


def test_documents_and_videos_shown_inside_an_article_are_copied_and_linked(site, tmp_path):
    """A PDF in a viewer, a video in a player: the file is part of the article."""
    pytest.importorskip("warcio")
    item = Item(740000, "Quyết định được hiển thị trong bài", "13/10/2020")
    embeds = f"""<p>Toàn văn quyết định:</p>
<iframe src="/documents/10/quyet-dinh.pdf" title="Quyết định số 10" height="800"></iframe>
<object data="/documents/10/phu-luc.pdf" type="application/pdf">
 <embed src="/documents/10/phu-luc.pdf"><a href="/documents/10/phu-luc.pdf">Tải về</a></object>
<p>Video buổi lễ: <video controls><source src="/videos/le.mp4" type="video/mp4"></video></p>
<iframe src="https://docs.google.com/viewer?url=https://{HOST}/documents/10/mat.pdf"></iframe>
<iframe src="https://www.youtube.com/embed/abc123"></iframe>
<p>Hội nghị đã thảo luận"""
    page = __import__("capture_fixtures").page_html(item, "full")
    page = page.replace("<p>Hội nghị đã thảo luận", embeds)
    media = {
        "/documents/10/quyet-dinh.pdf": PDF + b"1",
        "/documents/10/phu-luc.pdf": PDF + b"2",
        "/videos/le.mp4": b"\x00\x00\x00\x18ftypmp42" + b"0" * 64,
    }
    path = tmp_path / "embeds.warc.gz"
    path.write_bytes(warc_bytes([], media, {item.url: page}))
    result = run_import(site, path)
    assert result.returncode == 0, result.stderr
    [article] = articles(site).values()
    body = article["body"]
    copies = {p.read_bytes(): p for p in (site.root / "static" / "media").rglob("*") if p.is_file()}
    assert sorted(copies) == sorted(media.values())

    def link(data: bytes) -> str:
        return f"../../../media/{copies[data].parent.name}/{copies[data].name}"

    # A PDF opens in the browser's viewer: no download= (a document saved gets one).
    assert f"\n\n[Quyết định số 10]({link(PDF + b'1')})\n\n" in body  # its title
    assert f"\n\n[phu-luc.pdf]({link(PDF + b'2')})\n\n" in body  # its file name, once
    assert f"Video buổi lễ: [le.mp4]({link(media['/videos/le.mp4'])})" in body
    # The file a viewer showed stays linked to the old site, and the note names it; a
    # player shows no file: left out, its address named.
    missing = f"https://{HOST}/documents/10/mat.pdf"
    assert f"[mat.pdf]({missing})" in body
    assert f"not in the crawl, still linked to the old site: {missing}" in result.stderr
    assert "youtube" not in body and "https://www.youtube.com/embed/abc123" in result.stderr
    assert report(site)[0]["media_missing"] == [missing]
    assert "1 not in the crawl" in result.stdout
    assert site.build() == 0


def test_a_lazy_loaded_viewer_clip_and_pictures_of_an_unknown_portal_are_copied(site, tmp_path):
    """The generic extractor's whole import of a page of lazy players and pictures
    (test_import_extract.LAZY): the PDF of a lazy viewer, the clip of a lazy <video>
    and every lazy picture are copied, the picture whose largest size the crawl lacks
    from the smaller one it holds, and the lazy YouTube players are named."""
    pytest.importorskip("trafilatura")
    pytest.importorskip("warcio")
    lazy = __import__("test_import_extract").LAZY
    page = (REPO / "tests" / "data" / "old-portal-article.html").read_text(encoding="utf-8")
    page = page.replace("<p>Lực lượng chia thành 3 nhóm:</p>", lazy)
    uploads = "https://quan.example/Uploads/2020/3"
    media = {
        "nhom-1.jpg": jpeg_of(800, 600),
        "nhom-2.jpg": jpeg_of(800, 601),
        "nhom-3-300.jpg": jpeg_of(300, 200),  # not its 800w size
        "ke-hoach.pdf": PDF + b"1",
        "clip.mp4": b"\x00\x00\x00\x18ftypmp42" + b"0" * 64,
        "ra-quan.jpg": jpeg_of(640, 480),  # the page's own picture, not lazy
    }
    kinds = {"jpg": "image/jpeg", "pdf": "application/pdf", "mp4": "video/mp4"}
    responses = [Response("https://quan.example/tin/bai.html", page.encode("utf-8"))]
    responses += [
        Response(f"{uploads}/{name}", data, kinds[name.rsplit(".", 1)[1]])
        for name, data in media.items()
    ]
    (tmp_path / "lazy.warc.gz").write_bytes(warc_of(responses))
    result = run_import(site, tmp_path / "lazy.warc.gz")
    assert result.returncode == 0, result.stderr
    [article] = articles(site).values()
    copies = {p.read_bytes() for p in (site.root / "static" / "media").rglob("*") if p.is_file()}
    assert copies == set(media.values()), result.stderr
    assert "Uploads" not in article["body"] and "blank.gif" not in article["body"]
    for player in ("LzRaQuan1?feature=oembed", "LzRaQuan2"):
        assert f"https://www.youtube.com/embed/{player}" in result.stderr
    assert site.build() == 0


def test_a_video_saved_without_an_extension_is_copied_as_a_video(site, tmp_path):
    """Liferay serves its files at /documents/<ids>/<name>/<uuid>; a mirror keeps no type."""
    item = Item(740001, "Video được hiển thị trong bài", "14/10/2020")
    video = "/documents/10/0/le.mp4/5f1c2a7e-0b9d"
    mp4 = b"\x00\x00\x00\x18ftypmp42" + b"0" * 64
    root = httrack_tree(tmp_path / "crawl", [item], {video: mp4})
    page = root / "source" / item.path.lstrip("/")
    player = f'<video src="../../../{video.lstrip("/")}"></video><p>Hội nghị đã thảo luận'
    page.write_text(
        page.read_text(encoding="utf-8").replace("<p>Hội nghị đã thảo luận", player),
        encoding="utf-8",
    )
    result = run_import(site, root)
    assert result.returncode == 0, result.stderr
    [copy] = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert copy.suffix == ".mp4" and copy.read_bytes() == mp4
    [article] = articles(site).values()
    assert f"[le.mp4](../../../media/{copy.parent.name}/{copy.name})" in article["body"]


def test_a_saved_page_without_its_address_still_brings_its_images(site, tmp_path):
    """ "Save page as..." keeps the images in a folder beside the page, linked relatively."""
    item = items(1)[0]
    html = __import__("capture_fixtures").page_html(item, "relative")
    html = re.sub(r'src="[^"]+"', 'src="bai_files/anh%201.jpg"', html)
    (tmp_path / "bai.html").write_text(html, encoding="utf-8")
    (tmp_path / "bai_files").mkdir()
    (tmp_path / "bai_files" / "anh 1.jpg").write_bytes(JPEG)
    result = run_import(site, tmp_path / "bai.html")
    assert result.returncode == 0, result.stderr
    [article] = articles(site).values()
    assert "source_url" not in article
    [copy] = (site.root / "static" / "media").rglob("*.jpg")
    assert copy.read_bytes() == JPEG and copy.name.endswith("-anh-1.jpg")
    assert f"](../../../media/{copy.parent.name}/{copy.name})" in article["body"]


def test_a_page_saved_with_its_address_brings_the_images_saved_beside_it(site, tmp_path):
    """Chrome's "Save page as, complete" writes the page's address in a comment and its
    pictures in NAME_files/: the pictures, linked relatively, were taken for files of the
    portal at HOST/.../bai_files/anh.jpg, an address it never had, and not copied."""
    item = items(1)[0]
    html = __import__("capture_fixtures").page_html(item, "relative")
    html = re.sub(r'src="[^"]+"', 'src="./bai_files/anh%201.jpg"', html)
    saved = f"<!-- saved from url=({len(item.url):04d}){item.url} -->\n"
    (tmp_path / "bai.html").write_text(saved + html, encoding="utf-8")
    (tmp_path / "bai_files").mkdir()
    (tmp_path / "bai_files" / "anh 1.jpg").write_bytes(JPEG)
    result = run_import(site, tmp_path / "bai.html")
    assert result.returncode == 0, result.stderr
    [article] = articles(site).values()
    assert article["source_url"] == item.url
    [copy] = (site.root / "static" / "media").rglob("*.jpg")
    assert copy.read_bytes() == JPEG and copy.name.endswith("-anh-1.jpg")
    assert f"](../../../media/{copy.parent.name}/{copy.name})" in article["body"]
    assert (
        "bai_files" not in article["body"] and "still linked to the old site" not in result.stderr
    )


def jpeg_of(width: int, height: int) -> bytes:
    """A JPEG's first bytes as far as its size goes: its SOF0 segment names it."""
    sof = b"\xff\xc0\x00\x11\x08" + height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return b"\xff\xd8" + sof + b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01" + JPEG[2:]


def gif_of(width: int, height: int) -> bytes:
    return b"GIF89a" + width.to_bytes(2, "little") + height.to_bytes(2, "little") + bytes(300)


def test_a_saved_lazy_picture_shown_by_the_browser_is_copied_never_a_spinner(site, tmp_path):
    """A page saved after its script loaded the pictures has the picture shown in src
    (./bai_files/anh.jpg) and its address on the CDN in data-src, which the crawl lacks:
    the src, a picture of real size, is copied; a loading spinner or a blurred preview
    (a picture of a few dozen pixels) in the src beside a data-src is never copied as
    the picture, which stays linked to its address."""
    item = items(1)[0]
    html = __import__("capture_fixtures").page_html(item, "relative")
    cdn = "https://cdn.hbt.vn/2020"
    shown = (
        f'<p><img alt="Ảnh" src="./bai_files/anh.jpg" data-src="{cdn}/anh.jpg"></p>'
        f'<p><img alt="Quay" src="./bai_files/loading.gif" data-src="{cdn}/hai.jpg"></p>'
        f'<p><img alt="Mờ" src="./bai_files/mo.jpg" data-src="{cdn}/ba.jpg"></p>'
    )
    html = re.sub(r"<p><img [^>]*></p>", lambda _: shown, html)
    saved = f"<!-- saved from url=({len(item.url):04d}){item.url} -->\n"
    (tmp_path / "bai.html").write_text(saved + html, encoding="utf-8")
    (tmp_path / "bai_files").mkdir()
    photo, spinner, blurred = jpeg_of(800, 600), gif_of(32, 32), jpeg_of(24, 16)
    for name, data in (("anh.jpg", photo), ("loading.gif", spinner), ("mo.jpg", blurred)):
        (tmp_path / "bai_files" / name).write_bytes(data)
    result = run_import(site, tmp_path / "bai.html")
    assert result.returncode == 0, result.stderr
    [article] = articles(site).values()
    [copy] = (site.root / "static" / "media").rglob("*.*")
    assert copy.read_bytes() == photo
    assert f"![Ảnh](../../../media/{copy.parent.name}/{copy.name})" in article["body"]
    for name in ("hai", "ba"):
        assert f"({cdn}/{name}.jpg)" in article["body"]
        assert noted(
            result.stderr, "not beside the page, still linked to the old site", f"{cdn}/{name}.jpg"
        )


def test_original_site_may_list_addresses_and_the_footer_links_the_first(site, capsys):
    site.add("a.md", "---\ntitle: Tin\ndate: 2020-01-01\n---\n\nNội dung.\n")
    site.configure(original_site=["https://quanhaibatrung.hanoi.gov.vn/", "haibatrung.vn"])
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "original_site: 'haibatrung.vn' is not a web address" in err and "site.yaml" in err
    site.configure(original_site=["https://quanhaibatrung.hanoi.gov.vn/", "http://hbt.vn/"])
    assert site.build() == 0
    footer = BeautifulSoup(site.read("index.html"), "html.parser").select_one(".site-footer")
    assert [a["href"] for a in footer.select("a[rel=nofollow]")] == [
        "https://quanhaibatrung.hanoi.gov.vn/"
    ]


def test_media_saved_without_an_extension_get_one_from_their_bytes(site, tmp_path):
    """Liferay serves pictures at addresses like /image/journal/article?img_id=1: a mirror
    saves them without an extension, and the copy must still be a picture file."""
    item = Item(720000, "Tin có ảnh không đuôi", "06/06/2019", image="/image/journal/anh-720000")
    root = httrack_tree(tmp_path / "crawl", [item], {item.image: JPEG})
    result = run_import(site, root)
    assert result.returncode == 0, result.stderr
    [copy] = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert copy.suffix == ".jpg" and copy.read_bytes() == JPEG
    built = run(site, "build", "--no-search")
    assert built.returncode == 0, built.stderr
    assert "warning" not in built.stderr  # the build's link check finds the copy


def test_the_liferay_uploader_line_is_a_real_author_or_nothing_never_the_text(site, tmp_path):
    """Under the text, sotttt pages print the account that posted the article: 44 of 46
    show the portal's own accounts (admin admin, Ad Min, Pho Ban bien tap), 2 a person."""
    mirror = SAMPLES / "sotttt-mirror" / "source"
    if not mirror.is_dir():
        pytest.skip(f"no shared import samples beside this clone ({SAMPLES})")
    people = {"4377543", "4377680"}  # posted by "Phạm Văn Linh"
    chosen = [*people, "744225", "1026250", "955777"]  # admin admin, Pho Ban bien tap, Ad Min
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for article_id in chosen:
        [page] = mirror.glob(f"*/-/view_content/{article_id}-*.html")
        shutil.copy(page, crawl / page.name)
    result = run_import(site, crawl)
    assert result.returncode == 0, result.stderr
    written = {
        a["source_url"].rsplit("/", 1)[-1].split("-")[0]: a for a in by_source(site).values()
    }
    assert sorted(written) == sorted(chosen)
    for article_id, article in written.items():
        last = article["body"].strip().rsplit("\n\n", 1)[-1]
        for account in ("admin admin", "Ad Min", "Pho Ban bien tap", "Phạm Văn Linh"):
            assert account not in last, (article_id, last)
        assert article.get("author") == ("Phạm Văn Linh" if article_id in people else None)
    # The journalist's own byline is the article's text, and stays in it.
    assert written["4377680"]["body"].rstrip().endswith("*Linh Phạm*")
    assert site.build() == 0
    page = (site.output / written["4377680"]["file"]).with_suffix("") / "index.html"
    built = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert built.select_one(".article-author [itemprop=name]").get_text() == "Phạm Văn Linh"


def _sample_d() -> str:
    """Sample D: a sotttt article page with a captioned picture, as HTTrack saved it."""
    page = SAMPLES / "D-sotttt-706143-caption.html"
    if not page.is_file():
        pytest.skip(f"no shared import samples beside this clone ({SAMPLES})")
    return page.read_text(encoding="utf-8")


D_PICTURE = "../../../images/554897/145/018/067/633/1/1450180676331.html"  # as D links it
D_OTHER_PICTURE = "http://hanoi.gov.vn/image/images?img_id=1077151371818553670"


def test_a_picture_the_crawl_holds_as_a_page_is_counted_and_listed_as_not_copied(site, tmp_path):
    """The portal's "not found" page saved where the picture was: not copied, and the
    article links the old site. The summary and media_missing counted only the picture
    the crawl lacked, while the article linked two at the old site."""
    host = tmp_path / "crawl" / "sotttt.hanoi.gov.vn"
    page = host / "ttcqdt/-/view_content/706143-tang-cuong-ky-luat-ky-cuong-hanh-chinh.html"
    page.parent.mkdir(parents=True)
    page.write_text(_sample_d(), encoding="utf-8")
    not_found = host / D_PICTURE.removeprefix("../../../")
    not_found.parent.mkdir(parents=True)
    not_found.write_text("<html><body><h1>Not found</h1></body></html>", encoding="utf-8")
    result = run_import(site, tmp_path / "crawl")
    assert result.returncode == 0, result.stderr
    picture = "https://sotttt.hanoi.gov.vn/" + D_PICTURE.removeprefix("../../../")
    assert f"did not copy {picture}: the crawl holds a web page" in result.stderr
    [line] = [r for r in report(site) if r["outcome"] == "imported"]
    assert line["media_missing"] == [picture, D_OTHER_PICTURE]  # as the article shows them
    assert line["media_copied"] == []
    [article] = articles(site).values()
    assert f"]({picture})" in article["body"] and f"]({D_OTHER_PICTURE})" in article["body"]
    assert (
        "0 file(s) copied to static/media (0 link(s) to copies), 1 not in the crawl and "
        "1 not copied (see the notes): 2 still linked to the old site"
    ) in result.stdout


def test_relative_addresses_of_a_page_without_its_address_are_left_out_and_named(site, tmp_path):
    """Sample D saved without its HTTrack comment: its picture's relative address led into
    the archive, not to the old site, as the note said it did; the article kept it, and
    `check` failed on the link it made. Its picture and links are left out, their text
    kept, and one note names each address and how to have them back."""
    html = _sample_d()
    html = "".join(line for line in html.splitlines(True) if "Mirrored from" not in line)
    # A link of the text too, written relative as the picture is.
    html = html.replace("yêu cầu Sở Nội vụ", 'yêu cầu <a href="../../so-noi-vu.html">Sở Nội vụ</a>')
    saved = tmp_path / "saved-D.html"
    saved.write_text(html, encoding="utf-8")
    result = run_import(site, saved)
    assert result.returncode == 0, result.stderr
    assert summary(result)["imported"] == 1
    assert "still linked to the old site: ../" not in result.stderr
    note = (
        "left out 1 picture(s) or file(s) and 1 link(s) at relative addresses, as the page's "
        "original address is not known (nor are their files beside the page): they would "
        "lead nowhere on the archive (the alt text and link text are kept): "
        f"{D_PICTURE}, ../../so-noi-vu.html; to link them to the old site instead, delete "
        "the article's file and import the page again with --source-url ADDRESS"
    )
    assert f"{saved}: note: {note}" in result.stderr
    assert "2 relative address(es) leading nowhere left out (see the notes)" in result.stdout
    [line] = report(site)
    assert any(n.startswith(note) for n in line["notes"])
    assert line["media_missing"] == [D_OTHER_PICTURE]  # the one still linked to the old site
    [article] = articles(site).values()
    body = article["body"]
    assert "../" not in body and "yêu cầu Sở Nội vụ tăng cường" in body
    assert body.startswith("\n**Ngày 04/7/2013")  # no empty paragraph where the picture was
    assert f"![]({D_OTHER_PICTURE})" in body
    built = run(site, "build", "--no-search")
    assert built.returncode == 0, built.stderr
    checked = run(site, "check")
    assert checked.returncode == 0, checked.stderr


def test_a_saved_page_whose_relative_addresses_all_resolve_has_no_note_on_them(site, tmp_path):
    """Firefox's "Save Page As" of sample D: its picture in Tang-cuong_files/, copied and
    linked. No relative address was left, yet a note said they were kept as written."""
    html = _sample_d()
    html = "".join(line for line in html.splitlines(True) if "Mirrored from" not in line)
    html = html.replace(f'src="{D_PICTURE}"', 'src="Tang-cuong_files/anh1.jpg"')
    (tmp_path / "Tang-cuong.html").write_text(html, encoding="utf-8")
    (tmp_path / "Tang-cuong_files").mkdir()
    (tmp_path / "Tang-cuong_files" / "anh1.jpg").write_bytes(JPEG)
    result = run_import(site, tmp_path / "Tang-cuong.html")
    assert result.returncode == 0, result.stderr
    [copy] = (site.root / "static" / "media").rglob("*.jpg")
    [article] = articles(site).values()
    assert f"![](../../../media/{copy.parent.name}/{copy.name})" in article["body"]
    [line] = report(site)
    assert not [n for n in line["notes"] if "relative" in n], line["notes"]
    assert "relative" not in result.stderr and "relative" not in result.stdout
    assert line["media_missing"] == [D_OTHER_PICTURE]


def test_a_relative_picture_found_as_a_page_beside_the_saved_page_is_left_out(site, tmp_path):
    """The "not found" page above a saved page, where its relative picture was: it is not
    read (a page given alone is read from its own folder only: audit-sec S2), and the
    article cannot link it at the old site, whose address is not known."""
    html = _sample_d()
    html = "".join(line for line in html.splitlines(True) if "Mirrored from" not in line)
    saved = tmp_path / "a" / "b" / "c" / "saved-D.html"
    saved.parent.mkdir(parents=True)
    saved.write_text(html, encoding="utf-8")
    not_found = tmp_path / D_PICTURE.removeprefix("../../../")
    not_found.parent.mkdir(parents=True)
    not_found.write_text("<html><body><h1>Not found</h1></body></html>", encoding="utf-8")
    result = run_import(site, saved)
    assert result.returncode == 0, result.stderr
    assert "did not copy" not in result.stderr
    [relative] = [line for line in result.stderr.splitlines() if "at relative addresses" in line]
    assert "as the page's original address is not known" in relative and D_PICTURE in relative
    [line] = report(site)
    assert line["media_missing"] == [D_OTHER_PICTURE]
    assert "1 not beside the page(s) (still linked to the old site); 1 relative" in result.stdout
    [article] = articles(site).values()
    assert "../" not in article["body"]


def test_warcio_mending_an_address_prints_nothing_of_its_own(site, tmp_path):
    """A crawler recorded an attachment's address with its spaces (`Bieu 7.doc`): warcio
    mends it and logs "Replacing spaces in invalid WARC-Target-URI", printed by each
    worker at its own moment among the import's lines, so two runs' output differed. The
    file is found all the same; the import says what matters itself."""
    doc = "/UploadFile/Bieu 7.doc"
    item = Item(760020, "Biểu mẫu báo cáo năm 2021", "05/03/2021", attachment=doc)
    responses = [Response(item.url, page_html(item, "full").encode("utf-8"))]
    word = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200)
    responses.append(Response(f"https://{HOST}{doc}", word, "application/msword"))
    warc = tmp_path / "crawl.warc.gz"
    warc.write_bytes(warc_of(responses))
    result = run_import(site, warc, "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "Replacing spaces" not in result.stdout + result.stderr
    assert summary(result)["imported"] == 1


def test_a_later_crawl_whose_page_differs_from_the_article_already_there_says_so(site, tmp_path):
    """A later crawl holds an article the portal changed afterwards (a paragraph added):
    the page was "already there: an article has this source_url", and nothing said that
    the crawl's copy differs from the article in content/ (audit F3). The import now says
    it of that page, naming the article's file, and how to see the crawl's version without
    touching content/; of an unchanged page, and of the same crawl again, it says nothing."""
    pytest.importorskip("warcio")
    changed, same = Item(741011, "Tin sửa sau", "11/09/2019"), Item(741012, "Tin giữ", "12/09/2019")
    first_pages = [Response(i.url, page_html(i, "full").encode("utf-8")) for i in (changed, same)]
    added = "<p>Bổ sung: danh sách đơn vị được khen thưởng đã được công bố.</p>\n</div></div>"
    edited = page_html(changed, "full").replace("</div></div>", added, 1)
    assert edited != page_html(changed, "full")
    first, later = tmp_path / "first.warc.gz", tmp_path / "later.warc.gz"
    first.write_bytes(warc_of(first_pages))
    later.write_bytes(warc_of([Response(changed.url, edited.encode("utf-8")), first_pages[1]]))
    assert run_import(site, first).returncode == 0
    again = run_import(site, first)
    assert "differs" not in again.stdout + again.stderr
    file = by_source(site)[changed.url]["file"]
    before = (site.content / file).read_bytes()
    result = run_import(site, later)
    assert result.returncode == 0 and summary(result)["already there"] == 2
    said = result.stdout + result.stderr
    [note] = [line for line in said.splitlines() if "differs" in line]
    assert file in note and "--content" in note, note
    assert "#" in note.split(": note:")[0]  # the page of the crawl (WARC record) is named
    [line] = [r for r in report(site) if r["source_url"] == changed.url]
    assert any("differs" in n for n in line["notes"])
    [kept] = [r for r in report(site) if r["source_url"] == same.url]
    assert not any("differs" in n for n in kept["notes"])
    assert (site.content / file).read_bytes() == before  # never overwritten
    # As the note says: the crawl's version in a folder of its own, to compare.
    (site.root / "new").mkdir()
    assert run_import(site, later, "--content", "new").returncode == 0
    assert "danh sách đơn vị được khen thưởng" in (site.root / "new" / file).read_text("utf-8")
    assert (site.content / file).read_bytes() == before


def test_a_later_crawl_brings_the_pictures_of_an_article_already_there_at_their_old_links(
    site, tmp_path
):
    """A first crawl lacked an article's picture (left linked to the old portal); a later
    crawl holds it. The import said to note one's edits, delete the article and import
    again (audit F7): for a portal of thousands of articles, every edit lost. It now copies
    the picture and links the copy where the article still links the picture's old
    address, and changes nothing else in the file: the archivist's words stay, and a link
    they pointed elsewhere stays where they pointed it."""
    pytest.importorskip("warcio")
    item = Item(
        741021,
        "Tin có ảnh và tệp ở lần thu sau",
        "13/09/2019",
        image="/documents/1/anh-3.jpg",
        attachment="/documents/1/ke-hoach-3.pdf",
    )
    page = Response(item.url, page_html(item, "full").encode("utf-8"))
    first, later = tmp_path / "first.warc.gz", tmp_path / "later.warc.gz"
    first.write_bytes(warc_of([page]))
    files = [
        Response(f"https://{HOST}{item.image}", JPEG, "image/jpeg"),
        Response(f"https://{HOST}{item.attachment}", PDF, "application/pdf"),
    ]
    later.write_bytes(warc_of([page, *files]))
    assert run_import(site, first).returncode == 0
    file = by_source(site)[item.url]["file"]
    path = site.content / file
    image, attachment = f"https://{HOST}{item.image}", f"https://{HOST}{item.attachment}"
    imported = path.read_text(encoding="utf-8")
    assert f"]({image})" in imported and f"]({attachment})" in imported
    # The archivist's edits: a sentence of their own, the file's link to a copy they found.
    elsewhere = f"https://web.archive.org/web/2020/{attachment}"
    edited = (
        imported.replace(f"]({attachment})", f"]({elsewhere})") + "\nGhi chú của người lưu trữ.\n"
    )
    path.write_bytes(edited.encode("utf-8"))
    result = run_import(site, later)
    assert result.returncode == 0 and summary(result)["already there"] == 1
    now = path.read_text(encoding="utf-8")
    [copy] = [
        p
        for p in (site.root / "static" / "media").rglob("*")
        if p.is_file() and p.read_bytes() == JPEG
    ]
    link = f"../../../media/{copy.parent.name}/{copy.name}"
    assert now == edited.replace(f"]({image})", f"]({link})")  # nothing else changed
    assert not [
        p
        for p in (site.root / "static" / "media").rglob("*")
        if p.is_file() and p.read_bytes() == PDF
    ]
    said = result.stdout + result.stderr
    [note] = [line for line in said.splitlines() if image in line]
    assert file in note and "delete" not in note, note
    again = run_import(site, later)
    assert path.read_text(encoding="utf-8") == now and image not in again.stdout + again.stderr
    assert site.build() == 0
    built = page_of(site, file)
    [shown] = [img["src"] for img in built.select(".article-body img")]
    assert shown.endswith(f"media/{copy.parent.name}/{copy.name}"), shown


def test_a_page_of_an_article_there_under_another_address_is_compared_and_brings_its_files(
    site, tmp_path
):
    """A later crawl holds an article already there at another address (Liferay shows it
    under each of its categories; the portal moved it): the page was "already there"
    (title, date and page name) and only its address was named, while the same page at
    the article's own address said where its text differs and brought the pictures the
    first crawl lacked. It now does both, as at the same address: the note says the page
    differs from the article imported before under another address, the picture is
    copied and linked where the article still links its old address, nothing else in the
    file changes, and the other address is named with the line to write, as before."""
    pytest.importorskip("warcio")
    item = Item(741031, "Tin ở hai chuyên mục", "14/09/2019", image="/documents/1/anh-4.jpg")
    elsewhere = replace(item, category="su-kien")
    first, later = tmp_path / "first.warc.gz", tmp_path / "later.warc.gz"
    first.write_bytes(warc_of([Response(item.url, page_html(item, "full").encode("utf-8"))]))
    added = "<p>Bổ sung: danh sách đơn vị được khen thưởng đã được công bố.</p>\n</div></div>"
    edited = page_html(elsewhere, "full").replace("</div></div>", added, 1)
    image = f"https://{HOST}{item.image}"
    later.write_bytes(
        warc_of(
            [Response(elsewhere.url, edited.encode("utf-8")), Response(image, JPEG, "image/jpeg")]
        )
    )
    assert run_import(site, first).returncode == 0
    file = by_source(site)[item.url]["file"]
    path = site.content / file
    imported = path.read_text(encoding="utf-8")
    assert f"]({image})" in imported
    result = run_import(site, later)
    assert result.returncode == 0 and summary(result)["already there"] == 1, result.stderr
    [line] = report(site)
    assert "under another address" in line["reason"] and line["source_url"] == elsewhere.url
    said = result.stdout + result.stderr
    [differs] = [n for n in said.splitlines() if "differs" in n]
    assert file in differs and "another address" in differs and "--content" in differs, differs
    [copy] = [p for p in (site.root / "static" / "media").rglob("*") if p.is_file()]
    assert copy.read_bytes() == JPEG
    link = f"../../../media/{copy.parent.name}/{copy.name}"
    assert path.read_text(encoding="utf-8") == imported.replace(f"]({image})", f"]({link})")
    [alias] = [n for n in said.splitlines() if elsewhere.path in n and "aliases" in n]
    assert file in alias and "aliases:" in alias, alias  # the line to write, as before
    again = run_import(site, later)
    assert image not in again.stdout + again.stderr
