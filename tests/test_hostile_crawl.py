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
from test_import_capture import by_source, noted, portal_with_media, run_import


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


def import_at_home(site, folder, home) -> subprocess.CompletedProcess:
    """`import FOLDER` run by a user whose home folder is ``home``, checked to have copied
    no secret into the site."""
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "import", str(folder)],
        cwd=site.root,
        capture_output=True,
        text=True,
        env={**SUBPROCESS_ENV, "HOME": str(home)},
    )
    assert "Traceback" not in result.stderr, result.stderr
    copied = [p.read_bytes() for p in (site.root / "static").rglob("*") if p.is_file()]
    assert SECRET not in copied, result.stderr
    return result


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
    import_at_home(site, home / "crawls" / "x", home)
    assert "lan.nguyen/" not in "".join(p.read_text("utf-8") for p in site.content.rglob("*.md"))


def stick_crawl(tmp_path, case: str) -> tuple[object, str]:
    """A crawl on a USB stick mounted at /media/lan.nguyen/ (a user name with a dot, as a
    host is named), the stick holding secret.pdf and Documents/secret.pdf outside the
    crawl: the folder to give import, and the page's link to the secret as the import
    names it (its address, or the link itself for a page whose address is not known)."""
    stick = tmp_path / "media" / "lan.nguyen"
    (stick / "Documents").mkdir(parents=True)
    (stick / "Documents" / "secret.pdf").write_bytes(SECRET)
    (stick / "secret.pdf").write_bytes(SECRET)
    deep = "https://portal.example/a/b/tin/bai.html"  # its host folder: 3 folders above tin/
    if case == "wget -r, a section given":  # the host folder is hbt.hanoi.gov.vn
        given = stick / "crawls" / "hbt.hanoi.gov.vn" / "tin-tuc"
        links, address = ["/../../secret.pdf", "/Documents/secret.pdf"], ""
        named = "https://hbt.hanoi.gov.vn/Documents/secret.pdf"
    elif case == "wget -nH":  # no host folder: no address (it was https://lan.nguyen/...)
        given = stick / "crawls" / "hbt"
        links, address, named = ["/Documents/secret.pdf"], "", "/Documents/secret.pdf"
    elif case == "wget -nH, a deep address":  # the address's depth reaches the stick
        given = stick / "crawls" / "hbt"
        links, address, named = ["/secret.pdf"], deep, "https://portal.example/secret.pdf"
    else:  # HTTrack: the project (hts-cache/) in a folder named like a host
        project = stick / "sao-luu.hbt.vn" / "hbt"
        (project / "hts-cache").mkdir(parents=True)
        (stick / "sao-luu.hbt.vn" / "secret.pdf").write_bytes(SECRET)
        given = project / "localhost_8080"
        links, address, named = ["/secret.pdf"], deep, "https://portal.example/secret.pdf"
    (given / "tin").mkdir(parents=True)
    page = hostile_page(links[0], address)
    for link in links[1:]:
        page = page.replace("tài liệu</a>", f'tài liệu</a>, <a href="{link}">phụ lục</a>')
    (given / "tin" / "bai.html").write_text(page, encoding="utf-8")
    return given, named


@pytest.mark.parametrize(
    "case", ["wget -r, a section given", "wget -nH", "wget -nH, a deep address", "HTTrack"]
)
def test_a_folder_named_like_a_host_above_the_crawl_is_not_its_host(site, tmp_path, case):
    """A folder above the crawl named as a host is (a stick at /media/lan.nguyen/, a backup
    folder named for the portal above an HTTrack project) was taken for the mirror's host
    folder when no nearer one was: the stick's files were within reach of the page's
    links (/Documents/secret.pdf) and copied into the published site, and a page without
    an address was given https://lan.nguyen/crawls/hbt/tin/bai.html."""
    given, named = stick_crawl(tmp_path, case)
    result = run_import(site, given)
    copied = [p.read_bytes() for p in (site.root / "static").rglob("*") if p.is_file()]
    assert SECRET not in copied, result.stderr
    # What was left out is said, and why.
    if named.startswith("https://"):
        assert noted(result.stderr, "not in the crawl, still linked to the old site", named)
    else:
        notes = result.stderr.splitlines()
        assert any("as the page's original address is not known" in n and named in n for n in notes)
    written = "".join(p.read_text("utf-8") for p in site.content.rglob("*.md"))
    assert "lan.nguyen" not in written


@pytest.mark.parametrize("given", ["crawls/x", "hbt.hanoi.gov.vn"])
def test_an_httrack_project_in_the_home_folder_does_not_open_the_home(site, tmp_path, given):
    """`httrack URL` run in the home folder writes ~/hts-cache/ and ~/HOST/: the home
    was then the HTTrack project of every crawl in it (~/crawls/x/, as of its own host
    folder), and a page whose address is deeper than its folders (its host folder then
    the home) had ~/Documents/secret.pdf copied into the site."""
    home = tmp_path / "lan"
    (home / "hts-cache").mkdir(parents=True)
    (home / "Documents").mkdir()
    (home / "Documents" / "secret.pdf").write_bytes(SECRET)
    folder = home / given
    (folder / "tin").mkdir(parents=True)
    deep = "https://portal.example/" + "a/" * (len(given.split("/")) - 1) + "a/tin/bai.html"
    page = hostile_page("/Documents/secret.pdf", deep)
    (folder / "tin" / "bai.html").write_text(page, encoding="utf-8")
    result = import_at_home(site, folder, home)
    said = "https://portal.example/Documents/secret.pdf"
    assert noted(result.stderr, "not in the crawl, still linked to the old site", said)
