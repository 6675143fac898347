"""Vietnamese text and dates: NFC, BOM, CRLF, day-first dates, slugs, heading ids."""

import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from conftest import article, tree

from newsarchive.dates import parse_date
from newsarchive.slugs import slugify

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
TEXT = article(
    "Đồng chí Hoà bàn về đường phố", "19/04/2019 16:54", "## Đường Đại Cồ Việt\n\nNội dung."
)


def test_nfd_file_gives_the_same_site_as_its_nfc_twin(site, tmp_path):
    site.add("bai.md", TEXT)
    assert site.build() == 0
    nfc = tree(site.output)

    site.add("bai.md", unicodedata.normalize("NFD", TEXT))
    assert site.build() == 0
    assert tree(site.output) == nfc
    assert "2019/04/dong-chi-hoa-ban-ve-duong-pho/index.html" in nfc


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["crlf", "bom", "bom+crlf"],
)
def test_bom_and_crlf_give_the_same_site(site, encode):
    site.add("bai.md", TEXT)
    assert site.build() == 0
    plain = tree(site.output)
    site.add("bai.md", encode(TEXT))
    assert site.build() == 0
    assert tree(site.output) == plain


def test_heading_ids_keep_d_with_stroke(site):
    site.add("bai.md", TEXT)
    assert site.build() == 0
    page = site.read("2019/04/dong-chi-hoa-ban-ve-duong-pho/index.html")
    heading = BeautifulSoup(page, "html.parser").select_one(".article-body h2")
    assert heading["id"] == "duong-dai-co-viet"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19/04/2019 16:54", datetime(2019, 4, 19, 16, 54, tzinfo=HCM)),
        ("05/04/2019", datetime(2019, 4, 5, tzinfo=HCM)),
        ("2019-04-05 16:54", datetime(2019, 4, 5, 16, 54, tzinfo=HCM)),
        ("2019-04-05T09:54:00Z", datetime(2019, 4, 5, 16, 54, tzinfo=HCM)),
        ("2019-04-05T16:54:00+07:00", datetime(2019, 4, 5, 16, 54, tzinfo=HCM)),
    ],
)
def test_dates_are_read_day_first_and_in_hanoi_time(value, expected):
    assert parse_date(value, HCM) == expected


@pytest.mark.parametrize(
    "value", ["31/02/2019", "13/13/2019", "2019-02-30", "hôm qua", "04/19/2019"]
)
def test_impossible_dates_are_refused(value):
    with pytest.raises(ValueError):
        parse_date(value, HCM)


def test_a_utc_date_lands_in_the_hanoi_month(site):
    site.add("bai.md", article("Tin cuối tháng", "2019-04-30T20:00:00Z"))
    assert site.build() == 0
    page = site.read("2019/05/tin-cuoi-thang/index.html")
    assert "01/05/2019 | 03:00" in page


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đường Đê La Thành", "duong-de-la-thanh"),
        ("Hai Bà Trưng", "hai-ba-trung"),
        ("Quận ủy: hội nghị 2019!", "quan-uy-hoi-nghi-2019"),
    ],
)
def test_slugs_are_ascii(title, slug):
    assert slugify(title) == slug


def test_long_slugs_are_cut_at_a_word_boundary():
    title = " ".join(["phường Bạch Đằng"] * 20) + " hướng dẫn"
    slug = slugify(title)
    assert len(slug) <= 80
    assert title.startswith(" ".join(["phường Bạch Đằng"] * 5))
    assert slug.startswith("phuong-bach-dang-")
    assert set(slug.split("-")) <= {"phuong", "bach", "dang"}


def test_slug_cut_keeps_the_words_in_order():
    # python-slugify's own cut would skip "huong" and keep "dan".
    words = "quan hai ba trung quan triet va trien khai quy dinh phan cap quan ly can bo huong dan"
    assert slugify(words).endswith("can-bo")
