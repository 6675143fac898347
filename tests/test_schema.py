"""The key tables: the README shows them as declared, and they drive the checks."""

import dataclasses
from pathlib import Path

import pytest

from newsarchive import schema
from newsarchive.config import SiteConfig, load_config
from newsarchive.errors import BuildFailed
from newsarchive.validate import KNOWN_KEYS, TEXT_KEYS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_holds_the_settings_table_verbatim():
    assert schema.settings_table() in README


def test_readme_holds_the_front_matter_table_verbatim():
    assert schema.front_matter_table() in README


def test_readme_holds_the_pages_front_matter_table_verbatim():
    assert schema.front_matter_table(schema.PAGE_FRONT_MATTER) in README


def test_every_setting_is_a_field_of_site_config():
    fields = {f.name for f in dataclasses.fields(SiteConfig)}
    assert set(schema.names(schema.SETTINGS)) <= fields


def test_front_matter_key_lists_come_from_the_table():
    assert KNOWN_KEYS[:2] == ("title", "date")
    assert set(TEXT_KEYS) < set(KNOWN_KEYS)
    assert "tags" not in TEXT_KEYS and "draft" not in TEXT_KEYS


def test_defaults_come_from_the_table(tmp_path):
    config = load_config(tmp_path / "site.yaml")  # missing: every default
    assert isinstance(config, SiteConfig)
    for field in schema.SETTINGS:
        value = getattr(config, field.name)
        if field.kind == "folder":
            assert value == tmp_path.resolve() / field.default
        elif field.kind == "timezone":
            assert str(value) == field.default
        else:
            assert value == field.default, field.name


def test_unknown_setting_suggests_the_nearest_key(tmp_path):
    path = tmp_path / "site.yaml"
    path.write_text("titel: x\nzzz: 1\nper_page: 0\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        load_config(path)
    assert [(p.line, p.message, p.hint) for p in failed.value.errors] == [
        (1, "unknown setting 'titel'", "did you mean 'title'?"),
        (
            2,
            "unknown setting 'zzz'",
            "known keys: "
            + ", ".join(f.name for f in schema.SETTINGS if f.name != "params")
            + "; a value of your own for the templates goes under params: (site.params.zzz)",
        ),
        (3, "'per_page' must be a whole number above 0", "write e.g. per_page: 20"),
    ]


def test_boolean_problem_is_shared_by_both_file_kinds():
    assert schema.boolean_problem("draft", True) is None
    assert schema.boolean_problem("sanitize_html", "có") == (
        "'sanitize_html' must be true or false, not 'có'",
        "write sanitize_html: true or sanitize_html: false",
    )


def settings_problems(tmp_path, text: str) -> list[tuple[int | None, str, str]]:
    """What loading a site.yaml of ``text`` says: each problem's line, message and fix."""
    path = tmp_path / "site.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        load_config(path)
    return [(p.line, p.message, p.hint) for p in failed.value.errors]


def test_each_kind_of_setting_says_what_is_wrong_with_its_value_in_the_files_order(tmp_path):
    assert settings_problems(
        tmp_path,
        "params: 5\n"
        "import_categories:\n  TIN MỚI: ''\n  ẢNH: 3\n  VIDEO: Video\n"
        "sanitize_html: có\n"
        "original_site:\n  - http://a.gov.vn/\n  - a.gov.vn\n  - 7\n"
        "language: vi_VN\n"
        "timezone: Asia/Hanoi\n"
        "feed_size: 0\n",
    ) == [
        (1, "'params' must be a group of 'key: value' lines", "indent the lines under params:"),
        (
            2,
            "import_categories: 'TIN MỚI' must be mapped to a category name, not ''",
            'write e.g. "TIN MỚI": "Tin mới"',
        ),
        (
            2,
            "import_categories: 'ẢNH' must be mapped to a category name, not 3",
            'write e.g. "ẢNH": "Ảnh"',
        ),
        (
            6,
            "'sanitize_html' must be true or false, not 'có'",
            "write sanitize_html: true or sanitize_html: false",
        ),
        (
            7,
            "original_site: 'a.gov.vn' is not a web address: it must start with http:// "
            "or https://",
            "write each address as a browser shows it, e.g. - http://haibatrung.hanoi.gov.vn/",
        ),
        (
            7,
            "original_site: 7 is not a web address",
            "write each address as a browser shows it, e.g. - http://haibatrung.hanoi.gov.vn/",
        ),
        (
            11,
            "language 'vi_VN' is not a language code (the lang of every page)",
            "write the code of the site's language, e.g. language: vi "
            "(or en, vi-VN; a - between its parts, not _)",
        ),
        (12, "unknown time zone 'Asia/Hanoi'", "use a name like Asia/Ho_Chi_Minh"),
        (13, "'feed_size' must be a whole number above 0", "write e.g. feed_size: 20"),
    ]


@pytest.mark.parametrize(
    "written, said",
    [
        (
            "haibatrung.hanoi.gov.vn",
            "original_site 'haibatrung.hanoi.gov.vn' is not a web address: it must start "
            "with http:// or https://",
        ),
        ("''", None),  # empty: no old portal
    ],
)
def test_one_original_site_address_is_checked_and_empty_is_none(tmp_path, written, said):
    path = tmp_path / "site.yaml"
    path.write_text(f"original_site: {written}\n", encoding="utf-8")
    if said is None:
        assert load_config(path).original_site == ""
        return
    with pytest.raises(BuildFailed) as failed:
        load_config(path)
    assert [(p.line, p.message, p.hint) for p in failed.value.errors] == [
        (
            1,
            said,
            "write the old portal's address as a browser shows it, e.g. "
            "original_site: http://haibatrung.hanoi.gov.vn/",
        )
    ]


def test_a_setting_that_must_be_text_says_how_to_write_it(tmp_path):
    assert settings_problems(
        tmp_path,
        "title: ' '\n"
        "description: 5\n"
        "language: no\n"
        "timezone: 7\n"
        "base_url: https://x.org/a b/\n"
        "output_dir: [a]\n",
    ) == [
        (
            1,
            "the site's title is empty: it names the archive on every page, in the "
            "browser's tab and in the feeds",
            "write the archive's name, e.g. title: Lưu trữ tin tức (or delete the line "
            "for that default)",
        ),
        (
            2,
            "'description' must be text, not 5",
            'put the value in double quotes: description: "5"',
        ),
        (3, "'language' must be text, not False", 'put the value in double quotes: language: "no"'),
        (4, "'timezone' must be text, not 7", "write e.g. timezone: Asia/Ho_Chi_Minh"),
        (
            5,
            "base_url 'https://x.org/a b/' holds a space: write each space in an address as %20",
            "write the site's full public address, e.g. base_url: https://user.github.io/repo/",
        ),
        (
            6,
            "'output_dir' must be text, not ['a']",
            'put the value in double quotes: output_dir: "[a]"',
        ),
    ]


def test_the_category_examples_of_the_readme_build_as_import_writes_them(site):
    """The README said a category whose name holds a comma goes "in double quotes",
    while import writes it plain (`category: Hoạt động Đảng, Đoàn thể`), which builds
    the same: a comma parts names only inside [ ]. Every `category: ...` the table
    shows builds, each form the same category, and import's form is among them."""
    import re

    from conftest import article

    from newsarchive import urls
    from newsarchive.yamltext import as_front_matter

    [row] = [f.meaning for f in schema.FRONT_MATTER if f.name == "category"]
    shown = re.findall(r"`category: ([^`]+)`", row)
    name = "Hoạt động Đảng, Đoàn thể"
    assert as_front_matter(name) in shown, shown
    for n, value in enumerate(shown):
        site.add(f"bai-{n}.md", article(f"Bài {n}", f"2020-01-0{n + 1} 08:00", category=value))
    assert site.build("--no-search") == 0
    page = site.read(urls.output_file(urls.category_url(name)))
    assert all(f"Bài {n}" in page for n in range(len(shown))), page


@pytest.mark.parametrize(
    "written, said",
    [
        ("github.com/lan/luutru/issues", "contact 'github.com/lan/luutru/issues' is neither"),
        ("luu tru@example.vn", "contact 'luu tru@example.vn' is neither"),
        ("lan@", "contact 'lan@' is neither"),
    ],
)
def test_a_contact_that_is_neither_an_address_nor_an_e_mail_is_refused(tmp_path, written, said):
    [(line, message, hint)] = settings_problems(tmp_path, f"title: x\ncontact: {written}\n")
    assert line == 2 and message.startswith(said), message
    assert "https://github.com/" in hint and "@" in hint, hint


def test_a_contact_that_keeps_the_readmes_placeholders_is_refused(tmp_path):
    """`contact: https://github.com/<account>/<repository>/issues/new`, pasted from the
    README or site.yaml's comment without writing one's own account in, was taken: every
    page of content/pages/ then sent readers to github.com/&lt;account&gt;/..., a page
    that does not exist."""
    written = "https://github.com/<account>/<repository>/issues/new"
    [(line, message, hint)] = settings_problems(tmp_path, f"title: x\ncontact: {written}\n")
    assert line == 2 and message.startswith(f"contact '{written}' still holds <account>"), message
    assert "https://github.com/lan/luutru/issues/new" in hint, hint


@pytest.mark.parametrize(
    "key, written",
    [
        ("base_url", '"{}"'),
        ("original_site", '"{}"'),
        ("original_site", '["{}", http://quanhaibatrung.hanoi.gov.vn/]'),
        ("contact", '"{}"'),
    ],
)
def test_every_address_setting_reads_a_web_address_alike(tmp_path, key, written):
    """Each setting that takes a web address had its own test of one (audit-maint F25):
    `original_site: HTTPS://hbt.vn/` was "not a web address" while the same as contact
    was taken, and original_site took an address with a space or without a host. One
    function decides now: an upper-case scheme or host is the address browsers write in
    small letters; one they could not open is refused, on its line, with what to write."""
    path = tmp_path / "site.yaml"
    value = written.format("HTTPS://HBT.Hanoi.vn/Lien-He/")
    path.write_text(f"title: x\n{key}: {value}\n", encoding="utf-8")
    assert getattr(load_config(path), key) == "https://hbt.hanoi.vn/Lien-He/"
    for wrong in ("hbt.hanoi.vn/lien-he/", "https://hbt .vn/", "https:///lien-he/", "http://[hbt/"):
        text = f"title: x\n{key}: {written.format(wrong)}\n"
        [(line, message, hint)] = settings_problems(tmp_path, text)
        assert line == 2 and message.startswith(key) and f" '{wrong}' " in message, message
        assert "e.g." in hint and " http" in hint, hint
