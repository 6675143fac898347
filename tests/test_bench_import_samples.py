"""bench/import_samples.py's counting of where an article shows a picture: at the
portal's own address, or at one HTTrack or wget made up (which the portal never had)."""

import hashlib
import sys

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import import_samples

PAGE = "https://sotttt.hanoi.gov.vn/tin-tuc/-/view_content/1-bai.html"
QUERY = "t=1450171279357"
HEX = hashlib.md5(QUERY.encode(), usedforsecurity=False).hexdigest()[:4]


@pytest.mark.parametrize(
    ("raw", "found", "where"),
    [
        # A Liferay document HTTrack renamed: the path names an id HTTrack replaced.
        (
            f"../../../documents/5/6/ccvc3.jpg/ccvc3{HEX}.jpg?{QUERY}",
            f"https://sotttt.hanoi.gov.vn/documents/5/6/ccvc3.jpg/ccvc3{HEX}.jpg?{QUERY}",
            "an address HTTrack or wget made up",
        ),
        # What the portal answered with a page, saved as .html.
        (
            "../../../images/5/145/1450180676331.html",
            "https://sotttt.hanoi.gov.vn/images/5/145/1450180676331.html",
            "an address HTTrack or wget made up",
        ),
        # The same ending with 4 digits that are not the query's MD5: the portal's own.
        (
            f"../../../documents/5/6/anh.jpg?{QUERY}",
            f"https://sotttt.hanoi.gov.vn/documents/5/6/anh.jpg?{QUERY}",
            "portal's address",
        ),
        ("../../../documents/5/6/anh0000.jpg?t=1", "", ""),
    ],
)
def test_a_picture_at_a_name_httrack_made_up_is_not_at_the_portals_address(raw, found, where):
    assert import_samples._where(PAGE, raw, [found] if found else []) == where
