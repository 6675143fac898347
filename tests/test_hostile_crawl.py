"""A hostile crawl on the archivist's machine (audit-sec): `import` writes nothing outside
the project and its own scratch folder, and reads no file outside the crawl it was given
into the published site, whatever names the crawl's files, links and members carry."""

import io
import zipfile

import pytest
from capture_fixtures import warc_bytes
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
