"""A hostile crawl on the archivist's machine (audit-sec): `import` writes nothing outside
the project and its own scratch folder, and reads no file outside the crawl it was given
into the published site, whatever names the crawl's files, links and members carry."""

import io
import subprocess
import sys
import zipfile

import pytest
from capture_fixtures import warc_bytes
from conftest import REPO, SUBPROCESS_ENV
from test_import import PORTAL_PAGE
from test_import_capture import by_source, portal_with_media, run_import


def test_a_wacz_member_named_outside_the_scratch_folder_writes_nothing_there(site, tmp_path):
    """A WACZ is a zip: a member named `../../x.warc.gz` or `/abs/x.warc.gz` was written
    there (zip-slip) to be read, overwriting any file of that name on the archivist's
    machine (another crawl), even when the import then stopped."""
    pytest.importorskip("warcio")
    portal, media = portal_with_media()
    warc = warc_bytes(portal, media, {})
    climbing = tmp_path / "climbed.warc.gz"
    absolute = tmp_path / "absolute.warc.gz"
    climbing.write_bytes(b"the archivist's own crawl")
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("../" * 40 + str(climbing).lstrip("/"), warc)
        archive.writestr(str(absolute), warc)
        archive.writestr("datapackage.json", '{"profile": "data-package", "resources": []}')
    wacz = tmp_path / "crawl.wacz"
    wacz.write_bytes(packed.getvalue())

    result = run_import(site, wacz)

    assert climbing.read_bytes() == b"the archivist's own crawl"
    assert not absolute.exists()
    # The members are still read, as WARCs: the articles are imported.
    assert result.returncode == 0, result.stderr
    assert sorted(by_source(site)) == sorted(item.url for item in portal)


SECRET = b"%PDF-1.4 the archivist's own private document"
WORDS = "Lực lượng chia thành ba nhóm làm việc trên địa bàn phường cả buổi sáng hôm nay. " * 3
CANONICAL = '<meta charset="utf-8">'


def hostile_page(link: str, canonical: str = "") -> str:
    """The portal's page with a paragraph linking ``link`` (as a document), and
    ``canonical`` as its own address."""
    page = PORTAL_PAGE.read_text(encoding="utf-8").replace(
        "<p>Lực lượng chia thành 3 nhóm:</p>", f'<p>{WORDS} Xem <a href="{link}">tài liệu</a>.</p>'
    )
    if canonical:
        page = page.replace(CANONICAL, f'{CANONICAL}<link rel="canonical" href="{canonical}">')
    return page


def crawl_with(tmp_path, case: str) -> tuple[list[str], str]:
    """A crawl whose page reaches for ``secret.pdf`` outside it, in the way ``case`` names:
    the import's arguments, and the link's words."""
    (tmp_path / "private").mkdir()
    secret = tmp_path / "private" / "secret.pdf"
    secret.write_bytes(SECRET)
    mirror = tmp_path / "crawl" / "portal.example"
    (mirror / "tin").mkdir(parents=True)
    page = mirror / "tin" / "bai.html"
    if case == "a link in the mirror":
        (mirror / "files").mkdir()
        (mirror / "files" / "tai-lieu.pdf").symlink_to(secret)
        page.write_text(hostile_page("/files/tai-lieu.pdf"), encoding="utf-8")
        return [str(tmp_path / "crawl")], "a link"
    if case == "escaped dots":
        page.write_text(hostile_page("/%2e%2e/%2e%2e/private/secret.pdf"), encoding="utf-8")
        return [str(tmp_path / "crawl")], "escaped"
    alone = tmp_path / "saved" / "bai.html"
    alone.parent.mkdir()
    if case == "a page alone climbing":
        alone.write_text(hostile_page("../private/secret.pdf"), encoding="utf-8")
    else:  # a page alone whose own address is deep: its host folder is the disk's root
        deep = "https://portal.example/" + "a/" * 40 + "bai.html"
        alone.write_text(hostile_page(str(secret), deep), encoding="utf-8")
    return [str(alone)], "alone"


@pytest.mark.parametrize(
    "case", ["a link in the mirror", "escaped dots", "a page alone climbing", "a deep address"]
)
def test_no_file_outside_the_crawl_is_copied_into_the_site(site, tmp_path, case):
    """A mirror's links to files outside it, a link whose %2e%2e the lookup decoded into
    `..`, a page given alone that climbs out of its folder or claims an address forty
    folders deep: each made import copy a file of the archivist's disk into static/media,
    which the site then publishes."""
    args, _ = crawl_with(tmp_path, case)
    run_import(site, *args)
    copied = [p for p in (site.root / "static").rglob("*") if p.is_file()]
    assert SECRET not in [p.read_bytes() for p in copied]


def test_a_link_in_the_mirror_to_a_page_outside_it_is_named_and_not_imported(site, tmp_path):
    """A page of the archivist's own (a saved page with a title and a date) linked into a
    mirror was imported as the portal's article and published."""
    private = tmp_path / "private" / "trang-rieng.html"
    private.parent.mkdir()
    private.write_text(
        PORTAL_PAGE.read_text(encoding="utf-8").replace("Bạch Đằng", "Riêng Tư"), encoding="utf-8"
    )
    mirror = tmp_path / "crawl" / "portal.example" / "tin"
    mirror.mkdir(parents=True)
    (mirror / "bai.html").write_text(hostile_page("/files/a.pdf"), encoding="utf-8")
    (mirror / "rieng.html").symlink_to(private)
    result = run_import(site, tmp_path / "crawl")
    assert result.returncode == 1, result.stderr
    assert "rieng.html: error: a link to a file outside the crawl" in result.stderr
    written = "".join(p.read_text(encoding="utf-8") for p in site.content.rglob("*.md"))
    assert "Bạch Đằng" in written and "Riêng Tư" not in written


def test_a_page_whose_address_spells_the_folders_above_the_crawl_reads_nothing_there(
    site, tmp_path
):
    """A crawl unpacked as Downloads/hbt-crawl/ with a page tin/bai.html claiming
    https://portal.example/hbt-crawl/tin/bai.html: its address places the mirror's host
    folder at Downloads/, so the archivist's files there were within reach (audit-sec
    S2's residual). Nothing above the folder the archivist named is read for it."""
    downloads = tmp_path / "Downloads"
    (downloads / "hbt-crawl" / "tin").mkdir(parents=True)
    (downloads / "secret.pdf").write_bytes(SECRET)
    claimed = "https://portal.example/hbt-crawl/tin/bai.html"
    page = downloads / "hbt-crawl" / "tin" / "bai.html"
    page.write_text(hostile_page("/secret.pdf", claimed), encoding="utf-8")
    for given in (downloads / "hbt-crawl", page):
        result = run_import(site, given)
        copied = [p.read_bytes() for p in (site.root / "static").rglob("*") if p.is_file()]
        assert SECRET not in copied, (given, result.stderr)
        assert "https://portal.example/secret.pdf" in result.stderr, result.stderr
        for written in site.content.rglob("*.md"):
            written.unlink()


def test_a_home_folder_named_like_a_host_is_not_taken_for_the_crawls_host(site, tmp_path):
    """Many a home folder is named as a host is (lan.nguyen, /Users/lan.nguyen): a crawl
    in ~/crawls/x/ took it for the mirror's host folder, the folder import reads from,
    and a page's <a href="/Documents/secret.pdf"> copied ~/Documents/secret.pdf into
    the site; its articles' old address was https://lan.nguyen/crawls/x/... ."""
    home = tmp_path / "lan.nguyen"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "secret.pdf").write_bytes(SECRET)
    page = home / "crawls" / "x" / "tin" / "bai.html"
    page.parent.mkdir(parents=True)
    page.write_text(hostile_page("/Documents/secret.pdf"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "import", str(home / "crawls" / "x")],
        cwd=site.root,
        capture_output=True,
        text=True,
        env={**SUBPROCESS_ENV, "HOME": str(home)},
    )
    assert "Traceback" not in result.stderr, result.stderr
    copied = [p.read_bytes() for p in (site.root / "static").rglob("*") if p.is_file()]
    assert SECRET not in copied, result.stderr
    assert "lan.nguyen/" not in "".join(p.read_text("utf-8") for p in site.content.rglob("*.md"))
