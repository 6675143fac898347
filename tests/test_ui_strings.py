"""All interface text lives in templates/strings.yaml: the page templates hold
markup and t.<key> look-ups, no words of their own, so a fork can reword or
translate the site in one file."""

import re

import pytest
import yaml
from bs4 import BeautifulSoup, Comment, Doctype
from conftest import REPO

TEMPLATES = sorted((REPO / "templates").glob("*.html"))
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
READABLE_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
WORD = re.compile(r"[^\W\d_]", re.UNICODE)  # any letter, in any script


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_hold_no_words_of_their_own(template):
    soup = BeautifulSoup(JINJA.sub("", template.read_text(encoding="utf-8")), "html.parser")
    words = [
        text.strip()
        for text in soup.find_all(string=True)
        if not isinstance(text, Comment | Doctype)
        and WORD.search(text)
        # Code, not words a reader sees (redirect.html's line keeping a #heading).
        and text.parent.name not in ("script", "style")
    ]
    words += [
        f'{tag.name} {attr}="{tag[attr]}"'
        for tag in soup.find_all(True)
        for attr in READABLE_ATTRIBUTES
        if attr in tag.attrs and WORD.search(tag[attr])
    ]
    assert words == [], f"move these to strings.yaml and use {{{{ t.<key> }}}}: {words}"


def test_every_string_a_template_uses_is_defined():
    strings = yaml.safe_load((REPO / "templates" / "strings.yaml").read_text(encoding="utf-8"))
    used = {
        key
        for p in TEMPLATES
        for key in re.findall(r"\bt\.(\w+)", JINJA_COMMENT.sub("", p.read_text("utf-8")))
    }
    assert used, "the templates use strings.yaml"
    assert used - set(strings) == set()
    assert all(isinstance(v, str) and v.strip() for v in strings.values())


def test_every_string_is_shown_somewhere():
    """`category:` and `read_more:` were left in strings.yaml when the templates stopped
    showing them: a fork that translated them changed nothing on any page."""
    strings = yaml.safe_load((REPO / "templates" / "strings.yaml").read_text(encoding="utf-8"))
    used = {
        key
        for p in (REPO / "templates").iterdir()
        if p.suffix in (".html", ".xml", ".txt")
        for key in re.findall(r"\bt\.(\w+)", JINJA_COMMENT.sub("", p.read_text("utf-8")))
    }
    # Words the build itself uses: the placeholder of `new`, and two inside bodies.
    by_the_build = {"new_article_body", "footnote_back", "picture_link"}
    assert set(strings) - used - by_the_build == set()
