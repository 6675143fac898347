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
