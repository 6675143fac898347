"""A maintainer's fork: templates, strings.yaml and site.yaml changed without Python, and
each mistake in them a message naming the file and line, the old site untouched."""

import json
import re
import shutil
import time
from pathlib import Path

import jinja2.filters
import pytest
from conftest import REPO, article, place_of, tree

from newsarchive import renderer, workers
from newsarchive.check import check_site
from newsarchive.cli import main
from newsarchive.config import load_config
from newsarchive.jinjaenv import OWN_FILTERS, make_environment

GOOD = article("Bài viết tốt", "2020-01-02 08:00")
# Where a test adds to base.html: its end, which a fork rewording its footer keeps (the
# footer's line was the anchor, and a fork that changed it failed four tests).
END = "</body>"


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rebuild_fails(site, capsys, *args: str, before: dict[str, bytes]) -> str:
    """Build a changed site over a good one: exit 1, the old site as it was; the message."""
    capsys.readouterr()
    assert site.build(*args) == 1
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err, err
    assert tree(site.output) == before
    return err


def test_every_function_a_template_may_call_is_in_the_readme(site):
    """A fork adding a menu item for a category had to read the templates (or jinjaenv.py)
    to find category_url(): the README named url() alone."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    env = make_environment(load_config(site.root / "site.yaml"))
    ours = {name for name, value in env.globals.items() if callable(value)}
    ours -= {"range", "dict", "lipsum", "cycler", "joiner", "namespace"}  # Jinja's own
    assert "category_url" in ours and "permalink" in ours
    assert {name for name in ours if f"{name}(" not in readme} == set()


def test_every_test_the_readme_names_is_there():
    """The README names the tests a fork's template changes fail, for the fork to find
    them: a test renamed would leave it naming one that is nowhere."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(test_\w+)`", readme))
    assert named
    tests = " ".join(p.read_text(encoding="utf-8") for p in (REPO / "tests").glob("test_*.py"))
    assert {name for name in named if f"def {name}(" not in tests} == set()


def test_a_template_link_written_from_the_root_leads_to_the_file(site, monkeypatch):
    """`url('/img/logo.png')`, written as the address shows in the browser (as links in
    articles are), is the same file as `url('img/logo.png')`, on every page and under a
    project path: it was "../" once per folder of the build's working folder too many."""
    (site.root / "static" / "img").mkdir(exist_ok=True)  # a fork's logo may be there
    (site.root / "static" / "img" / "logo.png").write_bytes(b"png")
    base = site.root / "templates" / "base.html"
    edit(base, END, '<img alt="" src="{{ url(\'/img/logo.png\') }}"> ' + END)
    site.configure(base_url="https://user.github.io/repo")
    site.add("a.md", GOOD)
    monkeypatch.chdir(site.root)  # the wrong links depended on the working folder
    assert site.build() == 0
    assert '<img alt="" src="img/logo.png">' in site.read("index.html")
    assert '<img alt="" src="../../../img/logo.png">' in site.read(
        "2020/01/bai-viet-tot/index.html"
    )
    assert '<img alt="" src="/repo/img/logo.png">' in site.read("404.html")
    assert check_site(site.output, "https://user.github.io/repo/") == []
    assert site.build("--offline") == 0
    offline = (site.root / "_site-offline" / "2020" / "index.html").read_text(encoding="utf-8")
    assert '<img alt="" src="../img/logo.png">' in offline


STRINGS_VALUES = {
    # A word left empty showed "None" on every page; `no` showed "False".
    "empty": ("home", "home:", "'home' has no text", "write the words after 'home:'"),
    "boolean": ("feed", "feed: no", "'feed' must be text, not False", 'feed: "no"'),
    "number": ("archive", "archive: 2024", "'archive' must be text, not 2024", '"2024"'),
}


def word_line(strings, key: str) -> tuple[int, str]:
    """The line of ``key`` in strings.yaml, and its text, however a fork words it."""
    lines = strings.read_text(encoding="utf-8").split("\n")
    return next((n, text) for n, text in enumerate(lines, 1) if text.startswith(f"{key}: "))


@pytest.mark.parametrize("name", sorted(STRINGS_VALUES))
def test_a_word_of_strings_yaml_that_yaml_reads_as_no_text_names_its_line(site, capsys, name):
    key, new, message, fix = STRINGS_VALUES[name]
    strings = site.root / "templates" / "strings.yaml"
    line, old = word_line(strings, key)
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    edit(strings, old + "\n", new + "\n")
    err = rebuild_fails(site, capsys, before=before)
    assert f"templates/strings.yaml:{line}: error: {message}" in err, err
    assert fix in err


def test_a_quote_strings_yaml_leaves_open_is_named_at_its_line_not_lines_below(site, capsys):
    """`home: "Trang chủ` without its closing quote: YAML read on to the next quoted word,
    older_articles' 25 lines below, and the message named that line, whose quotes are
    right, with a hint to use double quotes."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    strings = site.root / "templates" / "strings.yaml"
    line, old = word_line(strings, "home")
    assert '"' not in old, "the test needs home's word unquoted"
    edit(strings, old, old.replace("home: ", 'home: "'))
    lines = strings.read_text(encoding="utf-8").splitlines()
    below = next(n for n, text in enumerate(lines, 1) if text.startswith("older_articles:"))
    err = rebuild_fails(site, capsys, before=before)
    assert f"templates/strings.yaml:{line}:7: error: broken YAML: this quote" in err, err
    assert f"up to line {below}" in err and "end the value with the same quote" in err, err


def test_a_forks_own_setting_in_site_yaml_is_pointed_to_params(site, capsys):
    """`hotline:` written in site.yaml for a footer of the fork's own: the message listed
    the known settings, params not among them, so nothing said where such a value goes."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    settings = site.root / "site.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "hotline: 024 3833 1234\n", encoding="utf-8"
    )
    err = rebuild_fails(site, capsys, before=before)
    assert "error: unknown setting 'hotline'" in err, err
    assert "goes under params: (site.params.hotline)" in err, err
    edit(settings, "hotline:", "params:\n  hotline:")
    edit(site.root / "templates" / "base.html", END, "{{ site.params.hotline }} " + END)
    assert site.build() == 0
    assert "024 3833 1234" in site.read("index.html")


@pytest.mark.parametrize("written", ["param", "parmas", "Params"])
@pytest.mark.parametrize("where", ["site.yaml", "a.md", "pages/gioi-thieu.md"])
def test_params_misspelt_is_told_did_you_mean_params(site, capsys, written, where):
    """`param:` for `params:`: site.yaml listed the known settings and said a value of
    one's own goes under params: (site.params.param), the article's front matter its
    known keys: params, kept out of the suggestions, was not said to be meant."""
    site.add("a.md", GOOD)
    site.add("pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\nY.\n")
    assert site.build() == 0
    path = site.root / where if where == "site.yaml" else site.root / "content" / where
    text = path.read_text(encoding="utf-8")
    if where == "site.yaml":
        path.write_text(text + f"{written}:\n  hotline: 024\n", encoding="utf-8")
    else:
        edit(path, "---\n\n", f"{written}:\n  hotline: 024\n---\n\n")
    err = rebuild_fails(site, capsys, before=tree(site.output))
    assert f"'{written}'" in err and "how to fix: did you mean 'params'?" in err, err


@pytest.mark.parametrize("key", ["import_categories", "renamed_categories", "params"])
def test_a_group_written_as_a_list_is_told_to_drop_the_dashes(site, capsys, key):
    """`import_categories:` then `  - TIN HOẠT ĐỘNG: Tin hoạt động`, a list of one-key
    groups: "indent the lines under import_categories:", though they were indented."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    settings = site.root / "site.yaml"
    written = f"{key}:\n  - TIN HOẠT ĐỘNG: Tin hoạt động\n  - THÔNG BÁO: Thông báo\n"
    text = re.sub(rf"(?m)^{key}:\n(?:  .*\n)*", "", settings.read_text(encoding="utf-8"))
    settings.write_text(text + written, encoding="utf-8")
    err = rebuild_fails(site, capsys, before=tree(site.output))
    assert f"'{key}' must be a group of 'key: value' lines, not a list" in err, err
    assert "take out the '- ' at the start of each line below it" in err, err
    assert "indent the lines" not in err, err


@pytest.mark.parametrize(
    "written, meant",
    [
        ("Tin hoạt động, Thông báo", "[Tin hoạt động, Thông báo]"),
        ("Tin hoạt động", "[Tin hoạt động]"),
    ],
)
def test_a_loop_over_a_params_text_names_its_line_and_the_list_to_write(
    site, capsys, written, meant
):
    """README step 0's menu of categories, `{% for name in site.params.menu_categories %}`,
    with `menu_categories: Tin hoạt động, Thông báo` (no brackets): the site was published
    with a menu of 22 links, one a letter ('T', 'i', 'n', ' '), and one warning of a link
    to /chuyen-muc/t/ at base.html, with no word of the text or its line in site.yaml."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    settings = site.root / "site.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(
        text + f"params:\n  hotline: '024'\n  menu_categories: {written}\n", encoding="utf-8"
    )
    line = len(text.splitlines()) + 3
    loop = (
        "{% if site.params.menu_categories is defined %}{% for name in "
        'site.params.menu_categories %}<li><a href="{{ url(category_url(name)) }}">{{ name '
        "}}</a></li>{% endfor %}{% endif %}\n"
    )
    base = site.root / "templates" / "base.html"
    edit(base, "{% for title, address in menu %}", loop + "{% for title, address in menu %}")
    at = base.read_text(encoding="utf-8").splitlines().index(loop.rstrip("\n")) + 1
    err = rebuild_fails(site, capsys, before=before)
    assert (
        f"site.yaml:{line}: error: 'menu_categories' under params: is one text, '{written}', and "
    ) in err, err
    assert f"templates/base.html:{at} loops over it: a loop goes through a text letter" in err
    assert f"write it as a list, in brackets: menu_categories: {meant}" in err, err
    edit(settings, f"menu_categories: {written}", f"menu_categories: {meant}")
    assert site.build() == 0
    # site.yaml alone made a text again, the templates as they were: said as well.
    edit(settings, f"menu_categories: {meant}", f"menu_categories: {written}")
    assert "is one text" in rebuild_fails(site, capsys, before=tree(site.output))


def test_a_menu_in_site_yaml_is_pointed_to_the_pages_menu_key(site, capsys):
    """`menu:` in site.yaml (where Hugo and others keep a menu) was told to go under
    params:, where nothing makes a menu of it: the site's menu is its pages' `menu:`."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    settings = site.root / "site.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + "menu:\n  - Liên hệ: /lien-he/\n",
        encoding="utf-8",
    )
    err = rebuild_fails(site, capsys, before=before)
    assert "error: unknown setting 'menu'" in err, err
    assert "site.params.menu" not in err, err
    assert "each page of content/pages/ with a line 'menu: 1'" in err, err


def test_an_articles_own_value_goes_under_params_and_reaches_the_template(site, capsys, tmp_path):
    """`photographer:` in an article, for a fork's article.html: refused (it may be a
    typo) with where such a value goes; under params: the template shows it, and an
    edit of it alone renders the article again, as a clean build would."""
    path = site.add("2020/01/anh.md", GOOD.replace("---\n\n", "photographer: Minh Anh\n---\n\n"))
    site.add("2020/01/khac.md", article("Bài không ảnh", "2020-01-03 08:00"))
    capsys.readouterr()
    assert site.build() == 1
    err = capsys.readouterr().err
    assert f"{path}:4: error: unknown key 'photographer'" in err, err
    assert "goes under params: (params: then, indented below it, photographer: ...; " in err
    assert "article.params.photographer in a template)" in err, err
    edit(path, "photographer: Minh Anh", "params:\n  photographer: Minh Anh")
    template = site.root / "templates" / "article.html"
    shown = (
        "{% if article.params.photographer is defined %}"
        "<p class=x-anh>Ảnh: {{ article.params.photographer }}</p>{% endif %}"
    )
    edit(template, "</header>", shown + "</header>")
    assert site.build() == 0
    assert "<p class=x-anh>Ảnh: Minh Anh</p>" in site.read("2020/01/bai-viet-tot/index.html")
    assert "x-anh" not in site.read("2020/01/bai-khong-anh/index.html")
    edit(path, "photographer: Minh Anh", "photographer: Thu Hà")
    capsys.readouterr()
    assert site.build() == 0
    assert "<p class=x-anh>Ảnh: Thu Hà</p>" in site.read("2020/01/bai-viet-tot/index.html")
    clean = tmp_path / "clean"
    config = str(site.root / "site.yaml")
    assert main(["build", "--config", config, "--output", str(clean), "-q", "--no-cache"]) == 0
    assert tree(site.output) == tree(clean)
    # A template asking every article for it: the other one has none, and the fix says so.
    edit(template, shown, "<p>{{ article.params.photographer }}</p>")
    before = tree(site.output)
    err = rebuild_fails(site, capsys, before=before)
    assert (
        "'photographer' is not in the dict it is asked of (making the page /2020/01/bai-khong-anh/)"
        in err
    ), err
    assert "ask {% if article.params.x is defined %} first" in err, err


def test_a_pages_params_missing_is_told_with_the_pages_fix(site, capsys):
    """page.html asking every page for standalone.params.x was told how to add it to
    site.yaml or to an article's front matter, not to the page's, which lacks it."""
    site.add("pages/lien-he.md", "---\ntitle: Liên hệ\nparams:\n  note: Gọi trước\n---\n\nX.\n")
    site.add("pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\nY.\n")
    assert site.build() == 0
    edit(
        site.root / "templates" / "page.html",
        '<div class="article-body">',
        '<p>{{ standalone.params.note }}</p><div class="article-body">',
    )
    err = rebuild_fails(site, capsys, before=tree(site.output))
    assert "'note' is not in the dict it is asked of (making the page /gioi-thieu/)" in err, err
    assert (
        "for standalone.params.x: under params: in the page's front matter (content/pages/)" in err
    ), err


@pytest.mark.parametrize(
    "template, anchor, asked, fix",
    [
        (
            "article.html",
            '<div class="article-body"',
            "article.photographer",
            "write article.params.photographer, under params: in the article's front matter",
        ),
        (
            "page.html",
            '<div class="article-body">',
            "standalone.photographer",
            "write standalone.params.photographer, under params: in the page's front matter",
        ),
        ("base.html", END, "site.email", "write site.params.email, under params: in site.yaml"),
    ],
)
def test_a_forks_own_value_asked_without_params_is_pointed_to_params(
    site, capsys, template, anchor, asked, fix
):
    """`{{ article.photographer }}`, the README's example of a fork's own value, asked
    without its `params.`, was answered with every name an Article has (body_digest,
    key_lines, tags_merged...), none of them the fork's, and no word of params:."""
    site.add("2020/01/a.md", GOOD)
    site.add("pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\nY.\n")
    assert site.build() == 0
    edit(site.root / "templates" / template, anchor, f"<p>{{{{ {asked} }}}}</p>{anchor}")
    err = rebuild_fails(site, capsys, before=tree(site.output))
    name = asked.partition(".")[2]
    assert f"templates/{template}:" in err and f"'{name}':" in err, err
    assert fix in err, err


@pytest.mark.parametrize("end, where", [("endfor", "article.html"), ("endif", "base.html")])
def test_an_end_tag_left_when_its_tag_was_deleted_is_told_to_be_deleted(site, capsys, end, where):
    """Deleting the related list by hand but its last lines leaves an `{% endfor %}`
    closing nothing: it was said as "close the {% block %} of line 23 with
    {% endblock %}", which does not help; the fix is to delete it."""
    site.add("2020/01/a.md", GOOD)
    assert site.build() == 0
    template = site.root / "templates" / where
    text = template.read_text(encoding="utf-8")
    anchor = '<div class="article-body"' if where == "article.html" else END
    line = text[: text.index(anchor)].count("\n") + 1
    edit(template, anchor, f"{{% {end} %}}{anchor}")
    err = rebuild_fails(site, capsys, before=tree(site.output))
    tag = end.removeprefix("end")
    assert f"templates/{where}:{line}: error: template problem:" in err, err
    assert f"this {{% {end} %}} closes no {{% {tag} %}}" in err, err
    assert f"delete this {{% {end} %}}, or put back the {{% {tag} %}} it closed" in err, err
    assert "{% endblock %} where it should end" not in err, err
    assert "in a macro" not in err, err  # base.html's, read as article.html extends it


def test_an_endblock_naming_another_block_says_which_block_it_closes(site, capsys):
    """`{% endblock main %}` written for the end of the block `description` (page.html's
    first): Jinja's "expected token 'end of statement block', got 'main'" and "see the
    Jinja2 documentation", with no word of the block it closes."""
    site.add("pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\n\nY.\n")
    assert site.build() == 0
    page = site.root / "templates" / "page.html"
    lines = page.read_text(encoding="utf-8").split("\n")
    opened = next(n for n, text in enumerate(lines, 1) if "{% block description %}" in text)
    ends = next(n for n, text in enumerate(lines, 1) if n > opened and "{% endblock %}" in text)
    edit(page, "{% endblock %}", "{% endblock main %}")
    err = rebuild_fails(site, capsys, before=tree(site.output))
    assert (
        f"templates/page.html:{ends}: error: template problem: this {{% endblock main %}} "
        f"closes the block 'description' of line {opened}, not 'main'"
    ) in err, err
    assert "write {% endblock description %} or {% endblock %}" in err, err
    assert "got 'main'" not in err and "Jinja2 documentation" not in err, err


@pytest.mark.parametrize(
    "written, meant",
    [
        ("{ t.published_on }}", "{{ t.published_on }}"),
        ("{ article.title | upper }}", "{{ article.title | upper }}"),
        ("{ if article.author %}", "{% if article.author %}"),
    ],
)
def test_a_tag_that_lost_a_brace_is_said_at_its_line(site, capsys, written, meant):
    """`{ t.published_on }}`, a brace lost in editing, is text to Jinja: every article
    page showed "{ t.published_on }}" where its words were, and neither the build nor
    check said a word."""
    site.add("2020/01/a.md", GOOD)
    template = site.root / "templates" / "article.html"
    text = template.read_text(encoding="utf-8")
    anchor = '<div class="article-body"'
    line = text[: text.index(anchor)].count("\n") + 1
    edit(template, anchor, f"<p>{written}</p>{anchor}")
    assert site.build() == 0
    assert written in site.read("2020/01/bai-viet-tot/index.html")
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 0
    err = capsys.readouterr().err
    assert f"templates/article.html:{line}: warning: '{written}' is shown on the page as" in err
    assert f"write {meant}" in err, err


@pytest.mark.parametrize(
    "written, fix",
    [
        ("{{ t.published_on }", "a {{ … }} ends with two braces: write }}"),
        ("{{ t.published_on \n", "a {{ … }} ends with two braces: write }}"),
        ("{% if article.author %\n{% endif %}", "a {% … %} ends with %}: write %}"),
    ],
)
def test_a_tag_that_lost_a_closing_brace_is_told_what_to_write(site, capsys, written, fix):
    """`{{ t.published_on }` stopped the build with Jinja's "unexpected '}'" and the fix
    "fix the template at this line (see the Jinja2 documentation for the syntax)"."""
    site.add("2020/01/a.md", GOOD)
    assert site.build() == 0
    template = site.root / "templates" / "article.html"
    anchor = '<div class="article-body"'
    text = template.read_text(encoding="utf-8")
    line = text[: text.index(anchor)].count("\n") + 1
    edit(template, anchor, f"<p>{written}</p>{anchor}")
    err = rebuild_fails(site, capsys, before=tree(site.output))
    # At the line of the mark to finish, not where Jinja gave up (the line below).
    assert f"templates/article.html:{line}: error: template problem: the {written[:2]} of " in err
    assert f"{fix} at its end, on line {line}" in err, err


def test_the_shipped_templates_have_no_tag_that_lost_a_brace(site):
    """The shipped templates' text (their scripts, styles, feeds) holds nothing that looks
    like a tag that lost a brace: a fork's warning is its own."""
    from newsarchive.templatesyntax import stray_marks

    assert stray_marks(site.root / "templates") == []


@pytest.mark.parametrize("name", ["logo.png", "img/anh.JPG", "tai-lieu.pdf"])
def test_a_picture_put_in_templates_is_told_to_go_to_static(site, capsys, name):
    """A logo put beside base.html stopped the build with "the file is not UTF-8 text:
    save it again with the encoding UTF-8", a fix no picture can take."""
    site.add("2020/01/a.md", GOOD)
    assert site.build() == 0
    path = site.root / "templates" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xd8")
    err = rebuild_fails(site, capsys, before=tree(site.output))
    assert f"{path}:1:1: error: the file is not UTF-8 text" in err, err
    assert f"a picture or another file to publish belongs in static/ ({name})" in err, err


def test_a_broken_style_sheet_link_is_named_at_its_line_with_the_address_to_write(site, capsys):
    """`static/css/site.css: error: the style sheet link ... leads to no file` named no
    line of a style sheet of a thousand lines; and `url(/img/logo.svg)`, from the root,
    was "outside the site's base path" on a site under a sub-path, with no word of the
    relative address that works at any path."""
    site.configure(base_url="https://example.org/repo/")
    (site.root / "static" / "img").mkdir(exist_ok=True)  # a fork's logo may be there
    (site.root / "static" / "img" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    path = site.root / "static" / "css" / "site.css"
    lines = path.read_text(encoding="utf-8").count("\n")
    with path.open("a", encoding="utf-8") as css:
        css.write(".x{background:url(../img/khong-co.png)}\n.y{background:url(/img/logo.svg)}\n")
    site.add("2020/01/a.md", GOOD)
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err
    # At the address in url(), where an editor's tool jumps to (its line alone was said).
    assert f"{path}:{lines + 1}:19: error: the style sheet link '../img/khong-co.png'" in err, err
    assert f"{path}:{lines + 2}:19: error: the style sheet link '/img/logo.svg'" in err, err
    assert "write it from the style sheet's own address: url(../img/logo.svg)" in err, err


def test_two_broken_style_sheet_links_to_one_file_are_each_named_at_their_place(site, capsys):
    """Two url() of one missing picture in static/css/site.css were both said at the first
    one's line and column; one in a comment before them (not read) took neither's."""
    path = site.root / "static" / "css" / "site.css"
    lines = path.read_text(encoding="utf-8").count("\n")
    with path.open("a", encoding="utf-8") as css:
        css.write("/* url(../img/mat.png) */\n.a{background:url(../img/mat.png)}\n")
        css.write('.b{color:red}\n.c{border-image:url("../img/mat.png")}\n')
    site.add("2020/01/a.md", GOOD)
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err
    said = [row.split(": error: ")[0] for row in err.splitlines() if "'../img/mat.png'" in row]
    assert said == [f"{path}:{lines + 2}:19", f"{path}:{lines + 4}:22"], err


@pytest.mark.parametrize(
    "call, said",
    [
        ("url(2019)", "url(2019) cannot be made: url takes an address on the site, as text"),
        ('year_url("abc")', "year_url('abc') cannot be made: year_url takes a year, a number"),
        # Made without a word: links to pages that do not exist, that only `check` found.
        ("month_url(2019, 13)", "month_url(2019, 13) cannot be made: month_url takes a year"),
        ("month_url(2019, 0)", "month_url(2019, 0) cannot be made: month_url takes a year"),
        ("year_url(-5)", "year_url(-5) cannot be made: year_url takes a year, a number"),
        ("tag_url(none)", "tag_url(none) cannot be made: tag_url takes a tag's name, as text"),
        ("absolute_url(5)", "absolute_url(5) cannot be made: absolute_url takes an address"),
        ("permalink(page)", "permalink(a Page) cannot be made: permalink takes an article"),
    ],
)
def test_a_template_function_given_a_wrong_value_says_what_it_takes(site, capsys, call, said):
    """`{{ url(2019) }}` stopped the build with Python's words, "TypeError: expected
    string or bytes-like object, got 'int'", and "correct the template at this line"."""
    site.add("2020/01/a.md", GOOD)
    assert site.build() == 0
    edit(site.root / "templates" / "base.html", END, f"<p>{{{{ {call} }}}}</p>{END}")
    err = rebuild_fails(site, capsys, before=tree(site.output))
    assert said in err, err
    assert "Error:" not in err, err
    # At the template's line: the message named the function as its file (url:28: …).
    base = (site.root / "templates" / "base.html").read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(base.splitlines(), 1) if call in row)
    assert f"templates/base.html:{line}: error: template problem: " in err, err


def test_a_block_the_extended_template_lacks_stops_the_build(site, capsys):
    """`{% block main %}{% endblock %}` deleted from base.html (or the block misspelt in
    article.html): Jinja drops a block its parent lacks without a word, and the build
    and check passed with every page's <main> empty, no article's text on the site."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    base = site.root / "templates" / "base.html"
    edit(base, "{% block main %}{% endblock %}", "")
    err = rebuild_fails(site, capsys, before=before)
    assert "templates/base.html: error: base.html has no block 'main', which 404.html" in err
    assert "article.html" in err and "add {% block main %}{% endblock %} to base.html" in err
    edit(
        base,
        '<main id="main" class="wrap" tabindex="-1">\n',
        '<main id="main" class="wrap" tabindex="-1">\n{% block main %}{% endblock %}',
    )
    article_html = site.root / "templates" / "article.html"
    line = article_html.read_text(encoding="utf-8").split("\n").index("{% block main %}") + 1
    edit(article_html, "{% block main %}", "{% block mian %}")
    err = rebuild_fails(site, capsys, before=before)
    assert f"templates/article.html:{line}: error: the block 'mian' is not in base.html" in err
    assert "did you mean 'main'?" in err, err
    edit(article_html, "{% block mian %}", "{% block main %}")
    assert site.build() == 0
    assert "Bài viết tốt</h1>" in site.read("2020/01/bai-viet-tot/index.html")


@pytest.mark.parametrize(
    ("name", "loop"),
    [("_macros.html", '{% include "_macros.html" %}'), ("year.html", '{% extends "year.html" %}')],
)
def test_a_template_that_leads_back_to_itself_is_named_as_a_loop(site, capsys, name, loop):
    """A template including (or extending) itself was told 'RecursionError: maximum
    recursion depth exceeded while calling a Python object', Python's words."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    path = site.root / "templates" / name
    text = path.read_text(encoding="utf-8")
    path.write_text(loop + text.removeprefix('{% extends "base.html" %}'), encoding="utf-8")
    err = rebuild_fails(site, capsys, before=tree(site.output))
    assert f"templates/{name}:1: error: template problem: the template leads back to " in err
    assert "RecursionError" not in err and "maximum recursion" not in err, err
    assert "how to fix: remove the include, extends, import or call at this line" in err


def test_text_outside_every_block_of_a_template_that_extends_stops_the_build(site, capsys):
    """A paragraph added to year.html below its {% extends %} but in no block: Jinja
    drops it without a word, and the build passed with it shown on no page."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    year = site.root / "templates" / "year.html"
    extends = '{% extends "base.html" %}\n'
    added = "<p>Lời giới thiệu năm {{ year }}</p>"
    edit(year, extends, extends + f"\n{added}\n")
    line = year.read_text(encoding="utf-8").split("\n").index(added)
    err = rebuild_fails(site, capsys, before=before)
    assert (
        f"templates/year.html:{line + 1}: error: this text is outside every block of year.html, "
        "which extends base.html: only its blocks are shown, so it is on no page"
    ) in err, err
    assert "move it into one of the blocks" in err, err
    edit(year, f"\n{added}\n", "{# a note #}\n{% set n = 1 %}\n")
    assert site.build() == 0  # a comment, a {% set %}: no text


@pytest.mark.parametrize(
    ("written", "said", "fix"),
    [
        # A fork's article.html of 29 November 2026 (fe4bb85): the search record's filter.
        ("{{ article.title|search_words }}", "there is no filter 'search_words'", ""),
        ("{{ article.title|uper }}", "there is no filter 'uper'", "did you mean 'upper'? "),
        # README's own filter, misspelt: it was "did you mean 'round'?", newsarchive "adds none".
        ("{{ 1500|thousand }}", "there is no filter 'thousand'", "did you mean 'thousands'? "),
        ("{% if tags is emty %}{% endif %}", "there is no test 'emty'", ""),
    ],
)
def test_a_filter_an_older_version_gave_its_templates_is_named_with_what_to_do(
    site, capsys, written, said, fix
):
    """Templates a fork copied from an older newsarchive used a filter it no longer has:
    the build said only "No filter named 'search_words'. fix the template at this line
    (see the Jinja2 documentation for the syntax)"."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    path = site.root / "templates" / "article.html"
    edit(path, "{% block main %}", "{% block main %}" + written)
    line = path.read_text(encoding="utf-8").split("\n").index("{% block main %}" + written) + 1
    err = rebuild_fails(site, capsys, before=before)
    assert f"templates/article.html:{line}: error: template problem: {said}" in err
    kind = said.split()[3]
    if kind == "filter":  # the one README names, `count | thousands`, is listed with Jinja2's
        assert "the filters are Jinja2's own and newsarchive's thousands" in err
        assert ", thousands, " in err.partition("the filters are: ")[2]
        env = make_environment(load_config(site.root / "site.yaml"))
        assert set(env.filters) - set(jinja2.filters.FILTERS) == set(OWN_FILTERS)
    else:
        assert "the tests are Jinja2's own, and newsarchive adds none" in err
    assert (
        f"how to fix: {fix}correct the name, or compare with templates/article.html that "
        f"comes with newsarchive"
    ) in err
    assert ("upper, urlencode" if kind == "filter" else "defined, divisibleby") in err


def test_an_unknown_filter_in_base_html_is_not_said_to_be_in_a_macro(site, capsys):
    """Jinja raises an unknown filter from a stand-in it names as it names macros: the
    message said "(in a macro, called at page.html, line 1)", a macro no one wrote."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    path = site.root / "templates" / "base.html"
    text = path.read_text(encoding="utf-8")
    assert "{{ site.title }}" in text
    path.write_text(text.replace("{{ site.title }}", "{{ site.title | upper_case }}"), "utf-8")
    err = rebuild_fails(site, capsys, before=before)
    assert "templates/base.html:" in err and "there is no filter 'upper_case'" in err, err
    assert "in a macro" not in err


def test_a_loop_filter_on_a_missing_param_is_not_said_to_be_in_a_macro(site, capsys):
    """`{% for x in site.params.menu if site.params.menu is defined %}` (Jinja reads the
    list before the `if`) failed with "(in a macro, called at base.html, line 41)": the
    loop's filter runs in a frame Jinja names as it names macros, at the same line."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    loop = "{% for x in site.params.menu if site.params.menu is defined %}{{ x }}{% endfor %}"
    edit(site.root / "templates" / "base.html", END, loop + "\n" + END)
    err = rebuild_fails(site, capsys, before=before)
    assert "templates/base.html:" in err and "'menu' is not in the dict" in err, err
    assert "in a macro" not in err


def test_strings_yaml_may_hold_lists_for_a_forks_own_templates(site):
    strings = site.root / "templates" / "strings.yaml"
    strings.write_text(
        strings.read_text(encoding="utf-8") + "links: [Một, Hai]\n", encoding="utf-8"
    )
    edit(site.root / "templates" / "base.html", END, "{{ t.links | join('+') }} " + END)
    site.add("a.md", GOOD)
    assert site.build() == 0
    assert "Một+Hai" in site.read("index.html")


def test_a_strings_yaml_of_an_older_version_without_the_dates_words_still_builds(site):
    """search_results_dated (and search_results_undated…, search_no_results_undated,
    search_corrected_undated…) came after release: a fork's strings.yaml without them
    builds, and its search page says the count of a month's results as before
    (js/search.js)."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    assert 'data-dated="' in site.read("tim-kiem/index.html")
    strings = site.root / "templates" / "strings.yaml"
    for undated in ["undated", "undated-rest", "corrected-undated", "corrected-undated-rest"]:
        for name in [undated, f"{undated}-partial"]:
            assert f'data-{name}="' in site.read("tim-kiem/index.html")
    lines = strings.read_text(encoding="utf-8").split("\n")
    for line in [s for s in lines if re.match(r"search_\w*dated\w*:", s)]:
        edit(strings, line + "\n", "")
    assert site.build() == 0
    assert "data-dated" not in site.read("tim-kiem/index.html")
    assert "undated" not in site.read("tim-kiem/index.html")


PLACEHOLDERS = {
    # A placeholder misspelt: the KeyError was blamed on article.html, "fix the template".
    "unknown": ("Month {mon} of {year}", "the placeholder {mon}"),
    "lone-brace": ("Tháng {month} {", "Single '{'"),
    "positional": ("Tháng {} năm {year}", "cannot be filled in"),
}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("name", sorted(PLACEHOLDERS))
def test_a_wrong_placeholder_in_strings_yaml_names_its_line(site, capsys, monkeypatch, name, jobs):
    if jobs == "2":  # rendered by forked workers: a few pages, and pytest's threads aside
        monkeypatch.setattr(workers, "MIN_PARALLEL_PAGES", 1)
        monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    new, message = PLACEHOLDERS[name]
    strings = site.root / "templates" / "strings.yaml"
    line, old = word_line(strings, "month_label")  # as a fork words it
    for day in range(1, 9):  # enough pages for the workers
        site.add(f"{day}.md", article(f"Bài số {day}", f"2020-01-0{day} 08:00"))
    assert site.build("--jobs", jobs) == 0
    before = tree(site.output)
    edit(strings, old, f"month_label: {new}")
    err = rebuild_fails(site, capsys, "--jobs", jobs, before=before)
    assert f"templates/strings.yaml:{line}: error: 'month_label' has " in err, err
    assert message in err and "use only {month}, {year} in it" in err
    assert "fix the template" not in err


@pytest.mark.parametrize(("new", "kind"), [("[Tháng, năm]", "a list"), ("{a: b}", "a group")])
def test_a_list_in_strings_yaml_where_a_text_is_filled_in_names_its_line(site, capsys, new, kind):
    """`month_label: [a, b]`: the message was "'format': _Texts has no such name ... did
    you mean 'sort'?", at the template that fills it in."""
    strings = site.root / "templates" / "strings.yaml"
    line, old = word_line(strings, "month_label")  # as a fork words it
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    edit(strings, old, f"month_label: {new}")
    err = rebuild_fails(site, capsys, before=before)
    assert f"templates/strings.yaml:{line}: error: 'month_label' is {kind}, and the " in err, err
    assert "write one text after 'month_label:'" in err
    assert "_Texts" not in err and "_TextGroup" not in err


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("{cout}", "the placeholder {cout}, which the search page does not fill in"),
        # fill() knows {name} alone: {query.x} made the build fail with an internal error.
        ("{query.x}", "the placeholder {query.x}, which the search page does not fill in"),
        ("{count!r}", "a placeholder that cannot be filled in ({count} written with !r)"),
    ],
)
def test_a_wrong_placeholder_in_the_search_page_words_names_its_line(site, capsys, written, said):
    """The search page's words are filled in by js/search.js, never by Python: a
    misspelt {count} was published and readers saw "{cout} kết quả"."""
    strings = site.root / "templates" / "strings.yaml"
    old = next(
        row
        for row in strings.read_text(encoding="utf-8").split("\n")
        if row.startswith("search_results:")
    )
    line = strings.read_text(encoding="utf-8").split("\n").index(old) + 1
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    edit(strings, old, old.replace("{count}", written))
    err = rebuild_fails(site, capsys, before=before)
    assert f"templates/strings.yaml:{line}: error: 'search_results' has {said}" in err, err
    assert "use only {count}, {query} in it" in err, err


def test_a_brace_written_twice_is_one_brace_wherever_the_text_is_shown(site, capsys):
    """The README: a brace meant as text is written {{ or }}. A word the page shows as
    it is kept both braces, and the search page took {{x}} for a placeholder."""
    strings = site.root / "templates" / "strings.yaml"
    text = strings.read_text(encoding="utf-8").split("\n")
    line = next(i for i, row in enumerate(text, 1) if row.startswith("search_results:"))
    # Whole lines, whatever a fork's words: rewording them failed this test.
    for key, value in [
        ("footer_note", "Bản {{lưu trữ}} tĩnh"),
        ("month_label", "Tháng {month} {{năm}} {year}"),
        ("search_results", '"{count} {{kết quả}} cho “{query}”"'),
    ]:
        edit(strings, word_line(strings, key)[1], f"{key}: {value}")
    site.add("a.md", GOOD)
    assert site.build() == 0
    assert "Bản {lưu trữ} tĩnh" in site.read("index.html")
    assert "<h1>Tháng 1 {năm} 2020</h1>" in site.read("2020/01/index.html")
    # js/search.js fills it in, reading the braces as Python does (test_search_browser).
    assert 'data-count="{count} {{kết quả}} cho' in site.read("tim-kiem/index.html")
    before = tree(site.output)
    edit(strings, "{{kết quả}}", "{kết quả")
    err = rebuild_fails(site, capsys, before=before)
    assert f"templates/strings.yaml:{line}: error: 'search_results' has a placeholder" in err
    assert "a { or } meant as text is written twice: {{ or }}" in err, err


def test_a_templates_folder_without_every_page_template_says_which(site, capsys):
    """A fork that points templates_dir at a folder holding only the templates it
    changed: the message named a file "404.html" in the working folder."""
    own = site.root / "own-templates"
    own.mkdir()
    for name in ("base.html", "strings.yaml"):
        (own / name).write_bytes((site.root / "templates" / name).read_bytes())
    site.configure(templates_dir="own-templates")
    site.add("a.md", GOOD)
    capsys.readouterr()
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
    # Each one, not the first alone: a fork copying them one by one met one a build.
    named = re.findall(r"own-templates/(\S+): error: the template \1 is missing\n", err)
    assert {"404.html", "article.html", "list.html", "search.html", "feed.xml"} <= set(named)
    assert set(named) <= {path.name for path in (site.root / "templates").iterdir()}
    assert f"{len(named)} problem(s) in {len(named)} file(s)" in err, err
    assert "copy 404.html from the templates/ folder that comes with newsarchive" in err
    # A fork has no other copy at hand, but git has the last committed one.
    assert re.search(r"`git checkout HEAD -- \S*own-templates/404\.html` brings its last", err)
    assert not site.output.exists()


def test_a_templates_folder_without_strings_yaml_or_a_word_says_which(site, capsys):
    """Every template reads its words from strings.yaml: without it (or without a word)
    the message named "'newsarchive.render._Strings object' has no attribute ..."."""
    own = site.root / "own-templates"
    own.mkdir()
    for template in (site.root / "templates").iterdir():
        if template.name != "strings.yaml":
            (own / template.name).write_bytes(template.read_bytes())
    site.configure(templates_dir="own-templates")
    site.add("a.md", GOOD)
    capsys.readouterr()
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "own-templates/strings.yaml is missing" in err, err
    assert "copy strings.yaml from the templates/ folder" in err and "_Strings" not in err
    (own / "strings.yaml").write_bytes((site.root / "templates" / "strings.yaml").read_bytes())
    edit(own / "base.html", "</footer>", "{{ t.khong_co }}</footer>")
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "base.html:" in err and "own-templates/strings.yaml has no key 'khong_co'" in err, err
    assert "_Strings" not in err and not site.output.exists()
    # A key misspelt in the template or in strings.yaml: the message names the other.
    edit(own / "base.html", "{{ t.khong_co }}", "{{ t.skip_to_contents }}")
    assert site.build() == 1
    err = capsys.readouterr().err

    def line_of(key: str) -> int:
        lines = (own / "strings.yaml").read_text(encoding="utf-8").splitlines()
        return next(n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:"))

    line = line_of("skip_to_content")
    assert f"has no key 'skip_to_contents' (it has 'skip_to_content', line {line})" in err
    # Misspelt in strings.yaml (`serach_placeholder:`, as a fork's translator typed it): the
    # line to correct is named, in a file of many keys.
    edit(own / "base.html", "{{ t.skip_to_contents }}", "")
    edit(own / "strings.yaml", "search_placeholder:", "serach_placeholder:")
    assert site.build() == 1
    err = capsys.readouterr().err
    assert f"(it has 'serach_placeholder', line {line_of('serach_placeholder')})" in err, err
    edit(own / "strings.yaml", "serach_placeholder:", "search_placeholder:")
    edit(own / "base.html", "</footer>", "{{ t.skip_to_contents }}</footer>")
    # A word of the fork's own, not yet in strings.yaml, is not said to be another key:
    # "t.credit_line: strings.yaml has no key 'credit_line' (it has 'redirect_title')".
    edit(own / "base.html", "{{ t.skip_to_contents }}", "{{ t.credit_line }}")
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "has no key 'credit_line'" in err and "(it has" not in err, err


def test_messages_about_strings_yaml_name_the_one_in_the_templates_folder(
    site, capsys, monkeypatch
):
    """A site whose templates are in giao-dien/theme/ (templates_dir in site.yaml): a word
    its templates ask and strings.yaml lacks was said as "t.khong_co: strings.yaml has no
    key", fixed by adding it "to strings.yaml", and the archivist opened a strings.yaml
    the build does not read (templates/ is where newsarchive's own is). The messages name
    giao-dien/theme/strings.yaml, as the archivist opens it from the site's folder."""
    monkeypatch.chdir(site.root)
    theme = site.root / "giao-dien" / "theme"
    theme.parent.mkdir()
    (site.root / "templates").rename(theme)
    site.configure(templates_dir="giao-dien/theme")
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    strings, base = theme / "strings.yaml", theme / "base.html"
    words, template = strings.read_bytes(), base.read_bytes()
    lines = words.decode("utf-8").splitlines(keepends=True)
    shipped = next(line for line in lines if line.startswith("search_label:")).strip()
    strings.write_text("".join(x for x in lines if not x.startswith("search_label:")), "utf-8")
    edit(base, END, "{{ t.khong_co }}" + END)
    named = "giao-dien/theme/strings.yaml"
    err = rebuild_fails(site, capsys, before=before)
    assert f"t.khong_co: {named} has no key 'khong_co'" in err, err
    assert f"add 'khong_co:' and its text to {named}, or correct" in err, err
    # The second word lacking, found in the templates after the first stopped a page.
    assert f"t.search_label: {named} has no key 'search_label'" in err, err
    assert f"add the line '{shipped}' to {named} (newsarchive's own words" in err, err
    assert " strings.yaml" not in err.replace(named, ""), err
    # A word misspelt in the template: the line of strings.yaml is said with its file.
    edit(base, "{{ t.khong_co }}", "{{ t.skip_to_contents }}")
    err = rebuild_fails(site, capsys, before=before)
    assert f"t.skip_to_contents: {named} has no key 'skip_to_contents' (it has" in err, err
    # A template's own t hid the words: the template that names it is said with its folder.
    base.write_bytes(template)
    edit(
        theme / "article.html",
        '{% extends "base.html" %}\n',
        '{% extends "base.html" %}\n{% set t = 1 %}\n',
    )
    err = rebuild_fails(site, capsys, before=before)
    assert "giao-dien/theme/article.html:2 names t" in err, err
    edit(theme / "article.html", "{% set t = 1 %}\n", "")
    # A template not made yet: the folder to make it in is said whole, not "theme/".
    strings.write_bytes(words)
    edit(base, END, '{% include "sidebar.html" %}' + END)
    err = rebuild_fails(site, capsys, before=before)
    assert "in the templates folder (giao-dien/theme/)" in err, err
    assert "or make giao-dien/theme/sidebar.html" in err, err
    base.write_bytes(template)
    # check warns of a word no page asks yet (page.html: the site has no page of content/pages/).
    strings.write_bytes(words)
    base.write_bytes(template)
    edit(theme / "page.html", "{{ body }}", "{{ body }}{{ t.ghi_chu }}")
    assert site.build() == 0
    capsys.readouterr()
    assert main(["check"]) == 0
    err = capsys.readouterr().err
    assert f"warning: t.ghi_chu: {named} has no key 'ghi_chu'" in err, err
    assert f"add 'ghi_chu:' and its text to {named}, or correct" in err, err
    strings.unlink()
    err = rebuild_fails(site, capsys, before=tree(site.output))
    assert f"{named}: error: {named} is missing" in err, err


def test_every_key_strings_yaml_lacks_is_said_in_one_build(site, capsys):
    """Three keys deleted from strings.yaml (a fork's translation begun from an older
    copy): the build named the first it met, one build each. A key a template asks
    only after `is defined` is a fork's own choice, not said."""
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    strings = site.root / "templates" / "strings.yaml"
    lines = strings.read_text(encoding="utf-8").splitlines(keepends=True)
    gone = ("skip_to_content:", "search_label:", "published_on:")
    strings.write_text("".join(x for x in lines if not x.startswith(gone)), encoding="utf-8")
    edit(
        site.root / "templates" / "base.html",
        "</footer>",
        "{% if t.tuy_chon is defined %}{{ t.tuy_chon }}{% endif %}</footer>",
    )
    err = rebuild_fails(site, capsys, before=before)
    for key in ("skip_to_content", "search_label", "published_on"):
        assert err.count(f"templates/strings.yaml has no key '{key}'") == 1, err
    assert "tuy_chon" not in err and "3 problem(s)" in err, err
    # Each names a page it stops, as the one the build met first did: the others said no
    # page ("(making the page …)" on one message of three).
    said = [line for line in err.splitlines() if "strings.yaml has no key" in line]
    assert all(re.search(r" \(making the page /[^ ]*\)$", line) for line in said), err
    assert "published_on' (making the page /2020/01/bai-viet-tot/)" in err, err
    # A word only a template no page is made with yet asks: said so, as its other mistakes.
    gone = ("withdrawn_text:",)
    strings.write_text("".join(x for x in lines if not x.startswith(gone)), encoding="utf-8")
    edit(site.root / "templates" / "article.html", "{{ t.published_on }}", "{{ t.khong_co }}")
    err = rebuild_fails(site, capsys, before=before)
    said = (
        "'withdrawn_text' (making the page /2020/01/bai-viet-tot/; "
        "no page of the site is made with withdrawn.html yet: the notice of the first article "
        "taken down (withdrawn:) will be)"
    )
    assert said in err, err
    # A key of newsarchive's own was deleted, not misspelt: another of its keys that looks
    # like it (withdrawn_title) is not named, and newsarchive's line is the fix.
    shipped = next(x for x in lines if x.startswith("withdrawn_text:")).strip()
    assert "withdrawn_title" not in err and f"add the line '{shipped}' to {strings}" in err, err


def test_a_t_named_at_the_top_of_a_template_is_said_to_hide_the_words(site, capsys):
    """`{% set t = article.tags %}` at the top of article.html (a fork's own t, outside
    any block) is t in base.html too, which it extends: the build stopped at base.html's
    `t.skip_to_content` with "'skip_to_content': tuple has no such name", fix "correct
    the name", though the name was right. It now says that t is not strings.yaml's words
    there and where a template named t."""
    site.add("a.md", article("Bài viết tốt", "2020-01-02 08:00", tags="[cán bộ]"))
    assert site.build() == 0
    before = tree(site.output)
    templates = site.root / "templates"
    edit(
        templates / "article.html",
        '{% extends "base.html" %}\n',
        '{% extends "base.html" %}\n{% set t = article.tags %}\n',
    )
    err = rebuild_fails(site, capsys, before=before)
    base = (templates / "base.html").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(base, 1) if "t.skip_to_content" in text)
    assert f"base.html:{line}: error: template problem: t.skip_to_content:" in err, err
    assert "t is not the words of strings.yaml here but a tuple" in err, err
    assert "templates/article.html:2 names t" in err, err
    assert "correct the name" not in err, err
    # A loop's own t asked a name it lacks: the name is what is wrong.
    edit(templates / "article.html", "{% set t = article.tags %}\n", "")
    edit(
        templates / "article.html",
        "{{ body }}",
        "{{ body }}{% for t in article.tags %}{{ t.ten }}{% endfor %}",
    )
    err = rebuild_fails(site, capsys, before=before)
    assert "'ten': str has no such name" in err and "strings.yaml" not in err, err


def test_the_page_named_for_a_key_strings_yaml_lacks_is_the_same_whatever_jobs(
    site, capsys, monkeypatch
):
    """`author:` deleted from strings.yaml, two articles with an author: --jobs 1 named
    the first of them, --jobs 2 whichever a worker failed at first (here the second, its
    worker not held up). Now each names the first page in the build's order that stops."""
    monkeypatch.setattr(workers, "MIN_PARALLEL_PAGES", 1)  # forked workers for a few pages
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)  # pytest's threads aside
    monkeypatch.setattr(workers, "BATCH", 1)
    for day in range(1, 9):
        author = {"author": "Minh Anh"} if day in (3, 6) else {}
        site.add(f"{day}.md", article(f"Bài số {day}", f"2020-01-0{day} 08:00", **author))
    assert site.build("--jobs", "1") == 0
    before = tree(site.output)
    strings = site.root / "templates" / "strings.yaml"
    lines = strings.read_text(encoding="utf-8").splitlines(keepends=True)
    strings.write_text("".join(x for x in lines if not x.startswith("author:")), encoding="utf-8")
    alone = rebuild_fails(site, capsys, "--jobs", "1", before=before)
    first = re.search(r"has no key 'author' \(making the page /(\S*)\)", alone)
    assert first is not None, alone
    # The worker given the first page takes its time: the other meets the second first.
    render = renderer.Renderer.render

    def slowly(self, page):
        if page.url == first[1]:
            time.sleep(0.5)
        return render(self, page)

    monkeypatch.setattr(renderer.Renderer, "render", slowly)
    assert rebuild_fails(site, capsys, "--jobs", "2", before=before) == alone


@pytest.mark.parametrize(
    ("value", "fix"),
    [("vi_VN", "language: vi"), ("Tiếng Việt", "language: vi"), ("no", 'language: "no"')],
)
def test_a_language_that_is_no_language_code_names_its_line(site, capsys, value, fix):
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    config = site.root / "site.yaml"
    lines = config.read_text(encoding="utf-8").split("\n")
    line = lines.index("language: vi") + 1
    edit(config, "language: vi\n", f"language: {value}\n")
    err = rebuild_fails(site, capsys, before=before)
    assert f"site.yaml:{line}: error: " in err and "language" in err, err
    assert fix in err


@pytest.mark.parametrize("value", ["en", "vi-VN", "zh-Hant-TW"])
def test_a_language_code_is_every_pages_lang(site, value):
    site.configure(language=value)
    site.add("a.md", GOOD)
    assert site.build() == 0
    assert f'<html lang="{value}">' in site.read("index.html")
    assert f'xml:lang="{value}"' in site.read("feed.xml")


@pytest.mark.parametrize("name", ["site.yaml", "templates/strings.yaml"])
def test_a_settings_file_that_is_a_list_is_not_called_front_matter(site, capsys, name):
    site.add("a.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    (site.root / name).write_text("- title: Lưu trữ\n", encoding="utf-8")
    err = rebuild_fails(site, capsys, before=before)
    assert f"{name}:1: error: the file must be a list of 'key: value' lines" in err, err
    assert "front matter" not in err


DOCS = REPO / "docs" / "import-profiles.md"


def documented_profile() -> str:
    example = re.search(r"```yaml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert example is not None
    return example.group(1)


def import_crawl(site, monkeypatch) -> int:
    """The saved page of the old portal, in a crawl folder named by its host as wget
    writes it, imported as the README says (in the archive's folder)."""
    crawl = site.root / "crawl" / "quanhaibatrung.hanoi.gov.vn" / "van-hoa-xa-hoi"
    crawl.mkdir(parents=True)
    page = (REPO / "tests" / "data" / "old-portal-article.html").read_bytes()
    (crawl / "phuong-bach-dang-123.html").write_bytes(page)
    monkeypatch.chdir(site.root)
    return main(["import", "crawl"])


def import_again_with(site, capsys, profile: str) -> tuple[str, str]:
    """The crawl of import_crawl imported anew with ``profile`` as one's own, its article
    first deleted: what import said, and the article it wrote."""
    (written,) = (site.root / "content").rglob("*.md")
    written.unlink()
    site.add_profile("quan-hai-ba-trung.yaml", profile)
    assert main(["import", "crawl"]) == 0
    out = "".join(capsys.readouterr())
    (written,) = (site.root / "content").rglob("*.md")
    return out, written.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["quan-hai-ba-trung.yml", "quan-hai-ba-trung.YAML"])
def test_a_profile_saved_as_yml_reads_its_portals_pages(site, monkeypatch, name):
    """A profile file ending in .yml was left out without a word: the pages of its
    portal were read by the generic extractor (or not at all)."""
    site.add_profile(name, documented_profile())
    assert import_crawl(site, monkeypatch) == 0
    report = [json.loads(line) for line in (site.root / "import-report.jsonl").open()]
    assert [(r["outcome"], r["profile"]) for r in report] == [("imported", "quan-hai-ba-trung")]
    written = (site.root / report[0]["file"]).read_text(encoding="utf-8")
    assert 'title: "Phường Bạch Đằng ra quân làm sạch đường phố"' in written


@pytest.mark.parametrize(
    "written", ["www.quanhaibatrung.hanoi.gov.vn", "WWW.quanhaibatrung.hanoi.gov.vn."]
)
def test_a_hosts_marker_written_with_www_picks_the_portals_pages(site, monkeypatch, written):
    """`hosts: [www.vnexpress.net]`, the host as the browser's address bar shows it, never
    picked a page of https://vnexpress.net/...: the shipped profile (or the generic
    extractor) read them, and nothing on the screen said that the maintainer's profile
    had not run. `www.` and the bare host are one site, as they are one address to import."""
    profile = documented_profile().replace("- quanhaibatrung.hanoi.gov.vn", f"- {written}")
    assert written in profile
    site.add_profile("quan-hai-ba-trung.yaml", profile)
    assert import_crawl(site, monkeypatch) == 0
    report = [json.loads(line) for line in (site.root / "import-report.jsonl").open()]
    assert [(r["outcome"], r["profile"]) for r in report] == [("imported", "quan-hai-ba-trung")]


def test_ones_own_profile_that_picked_no_page_is_said(site, monkeypatch, capsys):
    """`hosts: [vnexpres.net]`, a letter lost: the maintainer's profile picked no page, the
    shipped profile (or the generic extractor) read them all, and only the report's
    profile column said so. A run in which none of one's own profiles picked a page
    says it, with the profiles that did read them and the line of the markers."""
    profile = documented_profile().replace(
        "- quanhaibatrung.hanoi.gov.vn", "- quanhaibatrung.hanoi.gov.v"
    )
    site.add_profile("quan-hai-ba-trung.yaml", profile)
    assert import_crawl(site, monkeypatch) == 0
    out = "".join(capsys.readouterr())
    report = [json.loads(line) for line in (site.root / "import-report.jsonl").open()]
    (read_by,) = {r["profile"] for r in report}
    assert read_by != "quan-hai-ba-trung"
    markers = profile.splitlines().index("markers:") + 1
    shown = Path("import-profiles", "quan-hai-ba-trung.yaml")
    assert f"{shown}:{markers}: warning: your profile quan-hai-ba-trung picked none of" in out, out
    assert f"read by {read_by}" in out, out
    # Its own pages picked, the profile is not said.
    out, _ = import_again_with(site, capsys, documented_profile())
    assert "picked none of" not in out, out


def test_a_crawl_imported_again_does_not_say_ones_profile_picked_no_page(site, monkeypatch, capsys):
    """The crawl imported again, its page already there (not read by any profile): the
    run warned "your profile quan-hai-ba-trung picked none of the 1 page(s) of this import
    (1 page(s) read by ): its markers fit none of them", though the profile had picked it
    the first time and its markers were right."""
    site.add_profile("quan-hai-ba-trung.yaml", documented_profile())
    assert import_crawl(site, monkeypatch) == 0
    capsys.readouterr()
    assert main(["import", "crawl"]) == 0
    out = "".join(capsys.readouterr())
    assert "already there: 1" in out, out
    assert "picked none of" not in out, out


def test_a_key_no_profile_has_is_told_with_the_keys_a_profile_has(site, monkeypatch, capsys):
    """`lead:` (a portal's sapo, which belongs in `body`'s list) near no key a profile has
    was told only "see docs/import-profiles.md": the keys are a line away from the fix."""
    site.add_profile("quan-hai-ba-trung.yaml", documented_profile() + "lead: div.sapo\n")
    assert import_crawl(site, monkeypatch) == 1
    err = capsys.readouterr().err
    assert "error: unknown key 'lead'" in err, err
    assert "a profile's keys are name, about, markers, title, date, category" in err, err
    assert "own_address (docs/import-profiles.md#the-keys)" in err, err


@pytest.mark.parametrize("name", ["quan-hai-ba-trung.yaml.txt", "quan-hai-ba-trung.yaml "])
def test_a_profile_saved_under_a_name_import_does_not_read_is_an_error(
    site, monkeypatch, capsys, name
):
    """Notepad saves `quan-hai-ba-trung.yaml` as `quan-hai-ba-trung.yaml.txt`: the profile
    was left out without a word, and its portal's pages read by the generic extractor (or
    not at all), as .yml files were."""
    site.add_profile(name, documented_profile())
    assert import_crawl(site, monkeypatch) == 1
    err = capsys.readouterr().err
    shown = Path("import-profiles", name)
    assert f"{shown}: error: the profile is not read: its name ends in " in err, err
    assert "rename it to quan-hai-ba-trung.yaml" in err, err
    assert not list((site.root / "content").rglob("*.md"))


@pytest.mark.parametrize("folder", ["import_profiles", "import-profile", "Import-Profiles"])
def test_a_profiles_folder_named_otherwise_is_an_error(site, monkeypatch, capsys, folder):
    """The folder named as site.yaml's key, import_profiles/: its profiles were left out
    without a word, and the portal's pages read by the generic extractor (or not at all)."""
    site.add_profile("quan-hai-ba-trung.yaml", documented_profile())
    (site.root / "import-profiles").rename(site.root / folder)
    assert import_crawl(site, monkeypatch) == 1
    err = capsys.readouterr().err
    assert f"{folder}: error: the profiles in this folder are not read" in err, err
    assert "rename the folder to import-profiles" in err, err
    assert not list((site.root / "content").rglob("*.md"))


def test_a_profiles_date_selector_that_finds_no_date_is_named_in_the_failure(
    site, monkeypatch, capsys
):
    """A misspelt `date:` selector in one's own profile: every page failed with "the page
    shows no publish date" and the advice to look the date up on the old portal and give
    it with --date, page by page, when the page shows it and the profile missed it."""
    profile = documented_profile()
    assert "date: div.news-detail div.date-detail\n" in profile
    site.add_profile(
        "quan-hai-ba-trung.yaml", profile.replace("div.date-detail", "div.date-detial")
    )
    assert import_crawl(site, monkeypatch) == 1
    err = capsys.readouterr().err
    said = "the quan-hai-ba-trung profile's date, div.news-detail div.date-detial, found nothing"
    assert "phuong-bach-dang-123.html: error: the page shows no publish date" in err, err
    assert said in err and "correct that profile's date selector" in err, err
    # Found, but no date: what it found is said.
    site.add_profile(
        "quan-hai-ba-trung.yaml", profile.replace("div.date-detail", "h1.title-detail")
    )
    assert main(["import", "crawl"]) == 1
    err = capsys.readouterr().err
    assert (
        "title-detail, found 'Phường Bạch Đằng ra quân làm sạch đường phố', which is not a date"
        in err
    ), err
    # The selector may be right and the date printed in a form not read (Tháng Ba).
    assert "in a form not read (docs/import-profiles.md#dates)" in err, err
    assert not list((site.root / "content").rglob("*.md"))


def import_dated(site, monkeypatch, printed: str, stated: str = "") -> int:
    """The documented profile's page, its date printed so, and stated in its markup."""
    page = (REPO / "tests" / "data" / "old-portal-article.html").read_text(encoding="utf-8")
    assert "Ngày đăng 05/03/2020 | 09:15" in page
    page = page.replace("Ngày đăng 05/03/2020 | 09:15", f"Ngày đăng {printed}")
    if stated:
        meta = f'<meta itemprop="datePublished" content="{stated}">'
        page = page.replace("</head>", meta + "</head>", 1)
    crawl = site.root / "crawl" / "quanhaibatrung.hanoi.gov.vn" / "van-hoa-xa-hoi"
    crawl.mkdir(parents=True)
    (crawl / "phuong-bach-dang-123.html").write_text(page, encoding="utf-8")
    site.add_profile("quan-hai-ba-trung.yaml", documented_profile())
    monkeypatch.chdir(site.root)
    return main(["import", "crawl"])


def test_a_portal_printing_its_dates_month_first_is_told_so(site, monkeypatch, capsys):
    """A portal printing 03/14/2020 (14 March): the failure said "which is not a date"
    and to look for the date on the old portal, with no word of its form."""
    assert import_dated(site, monkeypatch, "03/14/2020 | 09:15") == 1
    err = capsys.readouterr().err
    assert "found 'Ngày đăng 03/14/2020 | 09:15', which is not a date" in err, err
    assert "03/14/2020 is 14/03/2020 written month first" in err, err
    assert "dates written month first are not read" in err, err
    assert "point it at a <meta> or <time> of the page that holds the date" in err, err


def test_a_portal_printing_two_digit_years_is_told_so(site, monkeypatch, capsys):
    """05/03/20: "which is not a date", with no word of which part is not read."""
    assert import_dated(site, monkeypatch, "05/03/20 | 09:15") == 1
    err = capsys.readouterr().err
    assert "found 'Ngày đăng 05/03/20 | 09:15', which is not a date" in err, err
    assert "05/03/20 gives the year in two digits, which is not read" in err, err
    assert "point it at a <meta> or <time> of the page that holds the date" in err, err


def test_a_date_printed_month_first_is_not_read_day_first_against_the_pages_markup(
    site, monkeypatch, capsys
):
    """03/05/2020 printed by a portal writing the month first, 5 March in the page's
    own markup: imported as 3 May, into content/2020/05/, without a word."""
    assert import_dated(site, monkeypatch, "03/05/2020 | 09:15", "2020-03-05T09:15:00+07:00") == 0
    out = "".join(capsys.readouterr())
    (written,) = (site.root / "content").rglob("*.md")
    assert written.parent.name == "03", written
    assert "date: 2020-03-05T09:15:00+07:00" in written.read_text(encoding="utf-8")
    said = (
        "found 'Ngày đăng 03/05/2020 | 09:15', read day first as 03/05/2020, while the "
        "page's markup states 05/03/2020: the portal writes its dates month first"
    )
    assert said in out and "the date the page's markup states was used" in out, out
    # The same date day first in both: nothing to say.
    written.unlink()
    shutil.rmtree(site.root / "crawl")
    assert import_dated(site, monkeypatch, "05/03/2020 | 09:15", "2020-03-05T09:15:00+07:00") == 0
    assert "month first" not in "".join(capsys.readouterr())


def test_pages_ones_own_profile_does_not_pick_name_it(site, monkeypatch, capsys):
    """A host misspelt in one's own profile's markers: every page of the portal was read by
    the generic extractor, "no site profile matched: check the result", no word of the
    profile written for them, nor of --profile."""
    pytest.importorskip("trafilatura")
    profile = documented_profile()
    assert "    - quanhaibatrung.hanoi.gov.vn\n" in profile
    line = profile.splitlines().index("markers:") + 1
    site.add_profile(
        "quan-hai-ba-trung.yaml",
        profile.replace("quanhaibatrung.hanoi.gov.vn", "quanhaibatrung.hanoi.gov.com"),
    )
    import_crawl(site, monkeypatch)
    out = "".join(capsys.readouterr())
    where = Path("import-profiles", "quan-hai-ba-trung.yaml")
    said = (
        "read with the generic extractor (no site profile matched, nor yours: "
        f"quan-hai-ba-trung, whose markers are at {where}:{line}): check the result; if the "
        "page is of its portal, correct the markers or import with --profile quan-hai-ba-trung"
    )
    assert said in out, out


def test_a_page_ones_own_profile_would_title_otherwise_is_not_written(site, monkeypatch, capsys):
    """A host misspelt in one's own profile's markers, a portal whose <title> is its name
    alone, the page imported alone without --source-url: the generic extractor titled it
    with the portal's name, the same on every page, and import wrote that article (rc 0)
    with a note only. Where one's own profile finds the page's title and text and would
    title it otherwise, the page fails, with the fix."""
    pytest.importorskip("trafilatura")
    profile = documented_profile()
    line = profile.splitlines().index("markers:") + 1
    site.add_profile(
        "quan-hai-ba-trung.yaml",
        profile.replace("quanhaibatrung.hanoi.gov.vn", "quanhaibatrung.hanoi.gov.com"),
    )
    page = (REPO / "tests" / "data" / "old-portal-article.html").read_text(encoding="utf-8")
    page = re.sub("<title>.*?</title>", "<title>Cổng TTĐT quận Hai Bà Trưng</title>", page)
    page = re.sub('<meta property="og:title"[^>]*>', "", page)
    saved = site.root / "saved.html"
    saved.write_text(page, encoding="utf-8")
    monkeypatch.chdir(site.root)
    assert main(["import", "saved.html"]) == 1
    err = capsys.readouterr().err
    assert not list((site.root / "content").rglob("*.md"))
    where = Path("import-profiles", "quan-hai-ba-trung.yaml")
    said = (
        "the generic extractor titled it 'Cổng TTĐT quận Hai Bà Trưng', while your profile "
        "quan-hai-ba-trung, whose markers do not pick the page, finds its title and text: "
        "'Phường Bạch Đằng ra quân làm sạch đường phố'"
    )
    assert said in err, err
    assert f"correct the markers at {where}:{line}" in err, err
    assert "--profile quan-hai-ba-trung" in err, err
    # With --profile, the profile reads it.
    assert main(["import", "saved.html", "--profile", "quan-hai-ba-trung"]) == 0
    (written,) = (site.root / "content").rglob("*.md")
    assert 'title: "Phường Bạch Đằng ra quân làm sạch đường phố"' in written.read_text(
        encoding="utf-8"
    ) or "title: Phường Bạch Đằng ra quân làm sạch đường phố" in written.read_text(encoding="utf-8")


def test_a_page_titled_with_its_sites_name_is_not_written(site, monkeypatch, capsys):
    """A page of a portal no profile fits, whose <title> is the portal's name: the
    generic extractor titles it so, and an article named after the site was written.
    When the title found is the name the page gives its site (og:site_name), it fails."""
    pytest.importorskip("trafilatura")
    page = (REPO / "tests" / "data" / "old-portal-article.html").read_text(encoding="utf-8")
    page = re.sub("<title>.*?</title>", "<title>Cổng TTĐT quận Hai Bà Trưng</title>", page)
    page = re.sub('<meta property="og:title"[^>]*>', "", page)
    name = '<meta property="og:site_name" content="Cổng TTĐT quận  Hai Bà Trưng">'
    page = page.replace("</head>", name + "</head>", 1)
    saved = site.root / "saved.html"
    saved.write_text(page, encoding="utf-8")
    monkeypatch.chdir(site.root)
    assert main(["import", "saved.html"]) == 1
    err = capsys.readouterr().err
    assert not list((site.root / "content").rglob("*.md"))
    assert "the title found, 'Cổng TTĐT quận Hai Bà Trưng', is the name of the site" in err
    assert "add a site profile" in err, err


def test_pages_the_generic_extractor_titles_alike_are_warned_of(site, monkeypatch, capsys):
    """A crawl of a portal no profile fits, whose <title> is its own name on every page:
    each article was written under that name, with a note only."""
    pytest.importorskip("trafilatura")
    page = (REPO / "tests" / "data" / "old-portal-article.html").read_text(encoding="utf-8")
    page = re.sub("<title>.*?</title>", "<title>Cổng TTĐT quận Hai Bà Trưng</title>", page)
    page = re.sub('<meta property="og:title"[^>]*>', "", page)
    crawl = site.root / "crawl" / "quanhaibatrung.hanoi.gov.vn" / "van-hoa-xa-hoi"
    crawl.mkdir(parents=True)
    (crawl / "phuong-bach-dang-123.html").write_text(page, encoding="utf-8")
    other = page.replace("Bạch Đằng", "Thanh Lương").replace("200 cán bộ", "300 cán bộ")
    (crawl / "phuong-thanh-luong-124.html").write_text(other, encoding="utf-8")
    monkeypatch.chdir(site.root)
    assert main(["import", "crawl"]) == 0  # a warning: each page may be an article
    out = "".join(capsys.readouterr())
    assert len(list((site.root / "content").rglob("*.md"))) == 2
    said = (
        "2 articles read by the generic extractor have the same title, "
        "'Cổng TTĐT quận Hai Bà Trưng', and different texts: it is most likely the site's "
        "name, not theirs (content/2020/03/cong-ttdt-quan-hai-ba-trung-"
    )
    assert said in out, out
    assert "add a site profile" in out, out
    # Pages of other titles: nothing said.
    shutil.rmtree(site.root / "content" / "2020")
    (crawl / "phuong-thanh-luong-124.html").write_text(
        other.replace("Cổng TTĐT quận", "Cổng TTĐT phường"), encoding="utf-8"
    )
    assert main(["import", "crawl"]) == 0
    assert "same title" not in "".join(capsys.readouterr())
    assert len(list((site.root / "content").rglob("*.md"))) == 2


def test_a_part_of_the_text_a_profile_finds_on_no_page_is_an_error(site, monkeypatch, capsys):
    """The documented profile's body lists the lead and the text; with the text's
    selector misspelt, every article was imported as its lead alone, exit 0, with a note
    on each page (named at the line of 'body:', not the part's own below it). A part of
    one's own profile that matches on no page the profile picked is an error, at its own
    line and column, naming the pages and the selector the page has; nothing is written."""
    profile = documented_profile()
    assert "  - div.news-detail div.content-detail\n" in profile
    wrong = profile.replace("div.content-detail", "div.content-detial")
    site.add_profile("quan-hai-ba-trung.yaml", wrong)
    assert import_crawl(site, monkeypatch) == 1
    err = capsys.readouterr().err
    line = wrong.splitlines().index("  - div.news-detail div.content-detial") + 1
    where = Path("import-profiles", "quan-hai-ba-trung.yaml")
    said = (
        f"{where}:{line}:5: error: the quan-hai-ba-trung profile's body selector "
        "'div.news-detail div.content-detial' matched nothing on the 1 page the profile "
        "picked (quanhaibatrung.hanoi.gov.vn/van-hoa-xa-hoi/phuong-bach-dang-123.html): "
        "no page it picked was imported"
    )
    assert said in err, err
    seen = "van-hoa-xa-hoi/phuong-bach-dang-123.html has 'div.news-detail div.content-detail'"
    assert "check the selector against a page's HTML" in err and seen in err, err
    assert "found nothing on the page" not in err, err  # the error says it, once
    # A later part may be one the crawl lacks: the fix says it may go.
    assert "if no page of this crawl has that part, take it out of body's list" in err, err
    assert not list((site.root / "content").rglob("*.md"))
    site.add_profile("quan-hai-ba-trung.yaml", profile)
    assert main(["import", "crawl"]) == 0
    out = "".join(capsys.readouterr())
    assert "found nothing" not in out and "matched nothing" not in out, out
    (written,) = (site.root / "content").rglob("*.md")
    assert "Tham gia có hơn 200 cán bộ" in written.read_text(encoding="utf-8")


def test_a_title_a_profile_finds_on_no_page_is_an_error(site, monkeypatch, capsys):
    """One's own profile's title misspelt: every page was "not an article", nothing
    imported, exit 0, the profile's line in the reason of each. Also with --profile, said
    once."""
    profile = documented_profile().replace("h1.title-detail", "h1.tittle-detail")
    site.add_profile("quan-hai-ba-trung.yaml", profile)
    assert import_crawl(site, monkeypatch) == 1
    err = capsys.readouterr().err
    line = profile.splitlines().index("title: div.news-detail h1.tittle-detail") + 1
    where = Path("import-profiles", "quan-hai-ba-trung.yaml")
    said = (
        f"{where}:{line}:8: error: the quan-hai-ba-trung profile's title selector "
        "'div.news-detail h1.tittle-detail' matched nothing on the 1 page the profile picked "
        "(quanhaibatrung.hanoi.gov.vn/van-hoa-xa-hoi/phuong-bach-dang-123.html)"
    )
    assert said in err and "has 'div.news-detail h1.title-detail'" in err, err
    assert "take it out" not in err, err  # a title is no part that may be missing
    assert not list((site.root / "content").rglob("*.md"))
    assert main(["import", "--profile", "quan-hai-ba-trung", "crawl"]) == 1
    err = capsys.readouterr().err
    assert err.count("matched nothing") == 1 and "found no article on any" not in err, err


def test_a_part_of_the_text_missing_from_some_pages_only_is_a_note_on_those(
    site, monkeypatch, capsys
):
    """A part of `body` that matches on one page the profile picked and not on another
    (an article without a lead) is no error: that page is noted, both are imported."""
    site.add_profile("quan-hai-ba-trung.yaml", documented_profile())
    folder = site.root / "crawl" / "quanhaibatrung.hanoi.gov.vn" / "van-hoa-xa-hoi"
    folder.mkdir(parents=True)
    page = (REPO / "tests" / "data" / "old-portal-article.html").read_text(encoding="utf-8")
    (folder / "phuong-bach-dang-123.html").write_text(page, encoding="utf-8")
    other = page.replace('<div class="sapo">', '<div class="lead">').replace(
        "Bạch Đằng", "Thanh Lương"
    )
    (folder / "phuong-thanh-luong-124.html").write_text(other, encoding="utf-8")
    monkeypatch.chdir(site.root)
    assert main(["import", "crawl"]) == 0
    out = "".join(capsys.readouterr())
    assert "body selector 'div.news-detail div.sapo' found nothing on the page" in out, out
    assert "matched nothing" not in out, out
    assert len(list((site.root / "content").rglob("*.md"))) == 2


def test_a_drop_selector_that_takes_most_of_the_text_is_said(site, monkeypatch, capsys):
    """`drop: div.content-detail` (the text's own part, meant as a box inside it): every
    article was imported as its lead alone, and nothing said so."""
    profile = documented_profile()
    assert "\ndrop:\n  - div.share\n" in profile
    line = profile.splitlines().index("drop:") + 2  # the line of the item, after drop:'s
    site.add_profile(
        "quan-hai-ba-trung.yaml",
        profile.replace("\ndrop:\n", "\ndrop:\n  - div.news-detail div.content-detail\n"),
    )
    assert import_crawl(site, monkeypatch) == 0
    out = "".join(capsys.readouterr())
    where = Path("import-profiles", "quan-hai-ba-trung.yaml")
    said = (
        re.escape(
            "the quan-hai-ba-trung profile's drop selector "
            "'div.news-detail div.content-detail' left out "
        )
        + r"\d+ of the \d+ words of the text"
        + re.escape(f": if they are the article's, correct the selector, 'drop' at {where}:{line}")
    )
    assert re.search(said, out), out
    # The shares and "Tin khác" it is meant for: nothing to say.
    out, _ = import_again_with(site, capsys, profile)
    assert "drop selector" not in out


def test_a_category_selector_that_finds_nothing_is_said(site, monkeypatch, capsys):
    """The documented profile's category misspelt: every article was imported without
    its category (the breadcrumb is not in the text), and nothing said so."""
    profile = documented_profile()
    assert "\ncategory: ul.breadcrumb li:last-child a\n" in profile
    line = profile.splitlines().index("category: ul.breadcrumb li:last-child a") + 1
    site.add_profile("quan-hai-ba-trung.yaml", profile.replace("ul.breadcrumb", "ul.breadcrum"))
    assert import_crawl(site, monkeypatch) == 0
    out = "".join(capsys.readouterr())
    where = Path("import-profiles", "quan-hai-ba-trung.yaml")
    said = (
        "the quan-hai-ba-trung profile's category selector 'ul.breadcrum li:last-child a' "
        "found nothing on the page: the article has no category; if the page shows one, "
        f"correct the selector, 'category' at {where}:{line}"
    )
    assert said in out, out
    (written,) = (site.root / "content").rglob("*.md")
    assert "\ncategory:" not in written.read_text(encoding="utf-8")
    out, text = import_again_with(site, capsys, profile)
    assert "found nothing" not in out, out
    assert "\ncategory: " in text


def test_a_tags_selector_that_finds_nothing_is_said(site, monkeypatch, capsys):
    """A profile's tags misspelt: every article was imported without its tags, and
    nothing said so (as was its category, above)."""
    profile = documented_profile() + "tags: div.other-new li a\n"
    line = profile.splitlines().index("tags: div.other-new li a") + 1
    site.add_profile("quan-hai-ba-trung.yaml", profile)
    assert import_crawl(site, monkeypatch) == 0
    out = "".join(capsys.readouterr())
    where = Path("import-profiles", "quan-hai-ba-trung.yaml")
    said = (
        "the quan-hai-ba-trung profile's tags selector 'div.other-new li a' found no tag on "
        "the page: the article has none; if the page shows some, correct the selector, "
        f"'tags' at {where}:{line}"
    )
    assert said in out, out
    out, text = import_again_with(site, capsys, profile.replace("other-new ", "other-news "))
    assert "found no tag" not in out, out
    assert "\ntags: [Tin khác 1]\n" in text


@pytest.mark.parametrize(
    "wrong, meant, key",
    [
        ("h1.title-detial", "h1.title-detail", "title"),
        ("div.date-detial", "div.date-detail", "date"),
        ("div.content-detial", "div.content-detail", "body"),
    ],
)
def test_a_selector_that_finds_nothing_names_the_profiles_file_and_line(
    site, monkeypatch, capsys, wrong, meant, key
):
    """A misspelt selector was said by the profile's name alone ("the quan-hai-ba-trung
    profile looks (h1.title-detial)"): a maintainer with profiles in site.yaml and in
    import-profiles/, or one replacing a shipped one, had to find which file to correct."""
    profile = documented_profile().replace(meant, wrong)
    # The line of the selector: its key's, or its own in a list (body's, one a line).
    line = next(n for n, text in enumerate(profile.splitlines(), 1) if wrong in text)
    site.add_profile("quan-hai-ba-trung.yaml", profile)
    import_crawl(site, monkeypatch)
    said = "".join(capsys.readouterr())
    where = Path("import-profiles", "quan-hai-ba-trung.yaml")
    # The date's is a note on the page; a title or a part of the text that matches on no
    # page is an error at the line (and column) of the selector.
    at = f"'{key}' at {where}:{line}" if key == "date" else f"{where}:{line}:"
    assert at in said, said


def test_a_wrong_item_of_a_list_is_named_at_its_own_line(site, monkeypatch, capsys):
    """A profile's lists written one item a line, as the docs' example writes them: a
    wrong item was named at its key's line (a host at 'hosts:', a pattern at
    'not_authors:'), and a pattern with its backslashes doubled, as Python shows it."""
    profile = documented_profile().replace(
        "drop:\n  - div.share\n",
        "drop:\n  - div.share\n  - div.other:eq(0)\n"
        "not_authors:\n  - \\badmin\\b\n  - \\bquantri(\\b\n",
    )
    profile = profile.replace(
        "    - quanhaibatrung.hanoi.gov.vn\n",
        "    - quanhaibatrung.hanoi.gov.vn\n    - https://haibatrung.hanoi.gov.vn/\n",
    )
    lines = profile.splitlines()
    site.add_profile("quan-hai-ba-trung.yaml", profile)
    assert import_crawl(site, monkeypatch) == 1
    err = capsys.readouterr().err
    where = Path("import-profiles", "quan-hai-ba-trung.yaml")
    for item, said in [
        ("    - https://haibatrung.hanoi.gov.vn/", "'hosts': 'https://haibatrung.hanoi.gov.vn/'"),
        ("  - div.other:eq(0)", "'drop': 'div.other:eq(0)' is not a CSS selector"),
        ("  - \\bquantri(\\b", "'not_authors': '\\bquantri(\\b' is not a regular expression"),
    ]:
        assert f"{where}:{lines.index(item) + 1}: error: {said}" in err, err
    assert not list((site.root / "content").rglob("*.md"))


@pytest.mark.parametrize(
    "wrong, said, fix",
    [
        # A dot typed twice, a pseudo-class given brackets: "(Can't parse CSS selector.)"
        # and "see docs/import-profiles.md", with no word of which part is wrong.
        ("h1..title-detail", "it cannot be read from '..title-detail' on", "correct it there"),
        ("h1.title-detail:first-child(a)", "cannot be read from '(a)' on", "correct it there"),
        # The developer tools' "Copy XPath", which the docs' "Inspect" leads to.
        ('//*[@id="main"]/div/h1', "is an XPath, not a CSS selector", "Copy selector"),
        # jQuery's, as an old scraper wrote them.
        ("h1.title-detail:first", "cannot be read from ':first' on", ":first-child"),
    ],
)
def test_a_selector_that_is_no_css_says_where_it_goes_wrong(
    site, monkeypatch, capsys, wrong, said, fix
):
    profile = documented_profile()
    line = next(n for n, text in enumerate(profile.splitlines(), 1) if text.startswith("title"))
    assert "\ntitle: div.news-detail h1.title-detail\n" in profile
    site.add_profile(
        "quan-hai-ba-trung.yaml", profile.replace("div.news-detail h1.title-detail", wrong)
    )
    assert import_crawl(site, monkeypatch) == 1
    err = capsys.readouterr().err
    where = f"{Path('import-profiles', 'quan-hai-ba-trung.yaml')}:{line}: error: 'title': "
    assert f"{where}{wrong!r} " in err and said in err and fix in err, err
    assert "Can't parse" not in err, err
    assert not list((site.root / "content").rglob("*.md"))


@pytest.mark.parametrize("key", ["date_format", "date_formats", "dateformat", "time_format"])
def test_a_date_format_written_in_a_profile_is_told_there_is_none_to_set(
    site, monkeypatch, capsys, key
):
    """`date_format: "%d/%m/%Y %H:%M"`, as other tools take one: "unknown key
    'date_format'" and to see the docs, with no word that the date's form is not set."""
    profile = documented_profile() + f'{key}: "%d/%m/%Y %H:%M"\n'
    line = len(profile.splitlines())
    site.add_profile("quan-hai-ba-trung.yaml", profile)
    assert import_crawl(site, monkeypatch) == 1
    err = capsys.readouterr().err
    where = Path("import-profiles", "quan-hai-ba-trung.yaml")
    assert f"{where}:{line}: error: unknown key '{key}'" in err, err
    assert "a profile sets no date format: 'date' reads the forms" in err, err
    assert "docs/import-profiles.md#dates" in err and "<meta> or <time>" in err, err


def test_the_documented_message_of_a_wrong_profile_is_the_one_import_prints(
    site, monkeypatch, capsys
):
    docs = DOCS.read_text(encoding="utf-8")
    shown = docs.split("### When a profile is wrong", 1)[1].split("\n\n    ", 1)[1]
    expected = [line.strip() for line in shown.split("\n\n")[0].splitlines()]
    wrong = documented_profile().replace("\ntitle:", "\ntitel:")
    site.add_profile("quan-hai-ba-trung.yaml", wrong)
    assert import_crawl(site, monkeypatch) == 1
    printed = [line.strip() for line in capsys.readouterr().err.splitlines()]
    assert [line for line in expected if line not in printed] == []


def test_the_time_zone_files_and_shows_every_date_as_the_readme_says(site):
    """README: timezone is the zone of every date shown and of each address's year and
    month, so 23:30 on New Year's Eve in Hà Nội is an address of the next year in Tokyo."""
    row = next(line for line in (REPO / "README.md").open() if line.startswith("| `timezone`"))
    assert "every date shown" in row and "address" in row
    site.add("a.md", article("Giao thừa", "2019-12-31T23:30:00+07:00"))
    assert site.build() == 0
    assert "31/12/2019 | 23:30" in site.read("2019/12/giao-thua/index.html")
    site.configure(timezone="Asia/Tokyo")
    assert site.build() == 0
    assert not (site.output / "2019").exists()
    assert "01/01/2020 | 01:30" in site.read("2020/01/giao-thua/index.html")


def test_check_blames_a_broken_template_link_on_the_template_not_the_articles(site, capsys):
    """A link a fork's template breaks on every article page was reported against each
    article's file ("correct the address"), which holds no such link."""
    edit(
        site.root / "templates" / "article.html",
        '<div class="article-body"',
        '<p><a href="{{ url(\'/lien-he/\') }}">x</a></p>\n<div class="article-body"',
    )
    text = (site.root / "templates" / "article.html").read_text(encoding="utf-8")
    at = place_of(text.split("\n"), "url('/lien-he/')")  # its line and column
    site.add("2020/01/a.md", GOOD)
    site.add("2020/01/b.md", article("Bài khác", "2020-01-03 08:00", "Xem [x](/khong-co/)."))
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err
    problems = [line for line in err.splitlines() if ": error: " in line]
    template = str(site.root / "templates" / "article.html")
    assert sorted(problems) == [
        f"{site.content / '2020/01/b.md'}:6:9: error: in the page /2020/01/bai-khac/: the link "
        "'/khong-co/' leads to no file in the site",
        # Once, with the pages it is on (it was a line a page).
        f"{template}:{at}: error: the link \"url('/lien-he/')\" leads to no file in the "
        "site, on 2 pages (/2020/01/bai-khac/, /2020/01/bai-viet-tot/)",
    ]
    # Said at its line, the fix names the address (it said to look in the templates).
    assert "the site has no page or file /lien-he/: correct the address in url('/lien-he/')" in err


@pytest.mark.parametrize(
    "call", ["url('/lien-he/')", 'url(category_url("Tin hoạt động"))'], ids=["page", "category"]
)
def test_a_template_link_with_a_fragment_is_said_at_its_line(site, capsys, call):
    """`{{ url('/lien-he/') }}#ban-do`, a place on a page: the address with its `#` was
    compared with the url() calls' addresses, which have none, and the link was said at
    the templates folder, with no file or line."""
    base = site.root / "templates" / "base.html"
    written = f'<p><a href="{{{{ {call} }}}}#ban-do">x</a></p>'
    edit(base, END, written + "\n" + END)
    at = place_of(base.read_text(encoding="utf-8").split("\n"), written)
    at = f"{at.split(':')[0]}:{written.index(call) + 1}"  # the line's, of url(
    site.add("2020/01/a.md", GOOD)
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err
    assert f"{base}:{at}: error: the link {call!r} leads to no file in the site" in err, err


def test_a_menu_item_for_a_category_no_article_has_is_said_at_its_template_line(site, capsys):
    """A fork's menu item for a category (README: `url(category_url("..."))`) whose
    articles are not imported yet was said at the templates folder, with no file or line:
    "templates: warning: the link '/chuyen-muc/tin-hoat-dong/' leads to no file"."""
    base = site.root / "templates" / "base.html"
    # A name of the test's own: a fork's menu may link "Tin hoạt động" (the README's
    # example) before this line, whose link would then be the one said, rightly.
    written = '<p><a href="{{ url(category_url("Mục thử chưa có bài")) }}">x</a></p>\n'
    edit(base, END, written + END)
    text = base.read_text(encoding="utf-8")
    line = text[: text.rindex(written)].count("\n") + 1
    line = f"{line}:{written.index('url(') + 1}"  # and the column of url(
    said = "the link 'url(category_url(\"Mục thử chưa có bài\"))' leads to no file in the site"
    site.add("2020/01/a.md", GOOD)
    capsys.readouterr()
    assert site.build() == 0
    err = capsys.readouterr().err
    assert f"{base}:{line}: warning: {said}" in err, err
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err
    assert f"{base}:{line}: error: {said}" in err, err
    assert "the site has no page /chuyen-muc/muc-thu-chua-co-bai/: correct the name" in err


def test_check_names_the_feed_template_and_the_static_style_sheet_not_a_deleted_folder(
    site, capsys
):
    """Plain `check` builds into a temporary folder deleted after: a problem in a feed
    or in a style sheet was reported against that folder's copy, a path that no longer
    exists, with no word of the template (or static file) to correct."""
    edit(
        site.root / "templates" / "feed.xml",
        'href="{{ absolute_url(list_url) }}"',
        'href="/gioi-thieu/"',
    )
    with (site.root / "static" / "css" / "site.css").open("a", encoding="utf-8") as css:
        css.write(".x{background:url(../img/khong-co.png)}\n")
    site.add("2020/01/a.md", GOOD)
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err
    problems = sorted(line for line in err.splitlines() if ": error: " in line)
    feed, css = site.root / "templates" / "feed.xml", site.root / "static" / "css" / "site.css"
    line = css.read_text(encoding="utf-8").count("\n")
    assert problems == [
        f"{css}:{line}:19: error: the style sheet link '../img/khong-co.png' leads to no file in "
        "the site",
        f"{feed}: error: in /feed.xml: '/gioi-thieu/' is not a full address "
        "(feeds and sitemaps need https://...)",
    ], err
    assert "in the template that makes the page" in err
    assert "newsarchive-check-" not in err


def test_a_page_a_profile_skips_names_the_profile_in_the_report(site, monkeypatch):
    """The report's line of a page one's own profile calls not an article had an empty
    profile column, though its reason named the profile."""
    site.add_profile(
        "quan-hai-ba-trung.yaml", documented_profile() + "skip:\n  - phuong-bach-dang\n"
    )
    assert import_crawl(site, monkeypatch) == 0
    report = [json.loads(line) for line in (site.root / "import-report.jsonl").open()]
    assert [(r["outcome"], r["profile"]) for r in report] == [
        ("not an article", "quan-hai-ba-trung")
    ]
    assert "the quan-hai-ba-trung profile skips" in report[0]["reason"]


def test_a_date_read_day_first_is_noted_when_the_run_shows_the_portal_writes_month_first(
    site, monkeypatch, capsys
):
    """A portal printing the month first, no date in its markup: 06/01/2025 (1 June)
    was filed as 6 January without a word, though a page of the same run, 01/14/2025,
    shows the portal writes the month first."""
    page = (REPO / "tests" / "data" / "old-portal-article.html").read_text(encoding="utf-8")
    crawl = site.root / "crawl" / "quanhaibatrung.hanoi.gov.vn" / "van-hoa-xa-hoi"
    crawl.mkdir(parents=True)
    for name, printed, title in (
        ("a-tin-dau-1.html", "06/01/2025 | 09:15", "Tin đầu"),
        ("b-tin-hai-2.html", "01/14/2025 | 09:15", "Tin hai"),
        ("c-tin-ba-3.html", "20/01/2025 | 09:15", "Tin ba"),  # day first, certain
    ):
        text = page.replace("Ngày đăng 05/03/2020 | 09:15", f"Ngày đăng {printed}")
        text = text.replace("Phường Bạch Đằng ra quân làm sạch đường phố", title)
        (crawl / name).write_text(text, encoding="utf-8")
    site.add_profile("quan-hai-ba-trung.yaml", documented_profile())
    monkeypatch.chdir(site.root)
    assert main(["import", "crawl"]) == 1  # 01/14/2025 is not read
    out = "".join(capsys.readouterr())
    report = [json.loads(line) for line in (site.root / "import-report.jsonl").open()]
    first, second, third = report
    assert second["outcome"] == "failed" and first["outcome"] == third["outcome"] == "imported"
    said = (
        "the date 06/01/2025 was read day first (6 January 2025), but the page "
        "quanhaibatrung.hanoi.gov.vn/van-hoa-xa-hoi/b-tin-hai-2.html of this run, "  # from crawl/
        "read by the quan-hai-ba-trung profile too, shows 01/14/2025, a date only month "
        "first: if the portal writes its dates month first, this one is 1 June 2025"
    )
    assert any(said in note for note in first["notes"]), first["notes"]
    assert said in out, out
    assert not any("month first" in note for note in third["notes"]), third["notes"]
    # The same pages again, without the month-first one: nothing to say.
    for path in (site.root / "content").rglob("*.md"):
        path.unlink()
    (crawl / "b-tin-hai-2.html").unlink()
    assert main(["import", "crawl"]) == 0
    assert "month first" not in "".join(capsys.readouterr())


def test_a_category_link_in_a_comment_or_a_string_is_not_the_one_said(site, capsys):
    """The line of a menu item for a category no article has was found by searching the
    template's text: a `{# ... #}` note (or a string) quoting the same call, above it,
    was named instead of the link the pages have."""
    base = site.root / "templates" / "base.html"
    call = 'url(category_url("Tin hoạt động"))'
    edit(
        base,
        END,
        f"{{# the menu once had: {call} #}}\n"
        f"{{% set note = '{call}' %}}\n"
        f'<p><a href="{{{{ {call} }}}}">x</a></p>\n' + END,
    )
    text = base.read_text(encoding="utf-8")
    line = text[: text.index(f'"{{{{ {call}')].count("\n") + 1
    at = f"{line}:16"  # and the column of url( in '<p><a href="{{ url('
    site.add("2020/01/a.md", GOOD)
    capsys.readouterr()
    assert site.build() == 0
    err = capsys.readouterr().err
    said = [x for x in err.splitlines() if ": warning: " in x and "Tin hoạt động" in x]
    assert len(said) == 1, err
    assert said[0].startswith(
        f"{base}:{at}: warning: the link {call!r} leads to no file in the site, on "
    ), err
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    assert f"{base}:{at}: error: the link {call!r} leads to" in capsys.readouterr().err


def test_a_category_link_of_a_loop_is_said_at_its_line(site, capsys):
    """A menu of categories by a loop (README: `{% for name in site.params.menu_categories
    %}`) naming one no article has was said at the template with no line, and a note
    quoting such a call in a comment was named as the line that wrote it."""
    base = site.root / "templates" / "base.html"
    # A fork that followed the README has a loop of its own over menu_categories, which
    # could make the address too: then the link is said at the template, naming both
    # lines (test_a_category_link_two_calls_could_make_is_not_blamed_on_one).
    forks_own = _category_loops(base)
    edit(
        base,
        END,
        '{# e.g. url(category_url("Tin hoạt động")) #}\n'
        "{% if site.params.test_menu is defined %}"
        "{% for menu_name in site.params.test_menu %}\n"
        '<p><a href="{{ url(category_url(menu_name)) }}">{{ menu_name }}</a></p>\n'
        "{% endfor %}{% endif %}\n" + END,
    )
    text = base.read_text(encoding="utf-8")
    line = text[: text.index("url(category_url(menu_name))")].count("\n") + 1
    at = f"{line}:16"  # and the column of url( in '<p><a href="{{ url('
    site.configure(params={"test_menu": ["Tin hoạt động"]})
    site.add("2020/01/a.md", GOOD)
    capsys.readouterr()
    assert site.build() == 0
    err = capsys.readouterr().err
    assert "the site has no page /chuyen-muc/tin-hoat-dong/" in err
    written = "the link 'url(category_url(menu_name))'"
    if forks_own:
        assert f"url(category_url(menu_name)) at {base}:{line}" in " ".join(err.split()), err
    else:
        assert f"{base}:{at}: warning: {written} leads to no file in the site" in err, err
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err
    if forks_own:
        assert f"url(category_url(menu_name)) at {base}:{line}" in " ".join(err.split()), err
    else:
        assert f"{base}:{at}: error: {written}" in err, err


def _category_loops(template) -> list[int]:
    """The lines where ``template`` links a category of a variable's value, as a fork's
    menu of categories does (README, "Archiving a portal", step 0)."""
    lines = template.read_text(encoding="utf-8").split("\n")
    return [n for n, x in enumerate(lines, 1) if re.search(r"url\(category_url\([a-z_]", x)]


def test_a_category_link_two_calls_could_make_is_not_blamed_on_one(site, capsys):
    """A loop's `url(category_url(name))` in base.html and the article's own
    `url(category_url(article.category))` could both make a category's address: naming
    either line would be a guess: the link is said at the template, not at a line, and
    its fix names both calls with their lines."""
    base, page = (site.root / "templates" / n for n in ("base.html", "article.html"))
    edit(
        base,
        END,
        "{% for menu_name in site.params.test_menu %}"
        '<a href="{{ url(category_url(menu_name)) }}">{{ menu_name }}</a>{% endfor %}\n' + END,
    )
    edit(
        page,
        '<div class="article-body"',
        '<a href="{{ url(category_url(article.category)) }}">x</a>\n<div class="article-body"',
    )
    site.configure(params={"test_menu": ["Tin hoạt động"]})
    site.add("2020/01/a.md", article("Bài viết tốt", "2020-01-02 08:00", category="Kinh tế"))
    lines = [text.read_text(encoding="utf-8").split("\n") for text in (base, page)]
    at_base = next(n for n, x in enumerate(lines[0], 1) if "category_url(menu_name)" in x)
    at_page = next(n for n, x in enumerate(lines[1], 1) if "url(category_url(article" in x)
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err
    said = [x for x in err.splitlines() if ": error: " in x]
    link = "the link '/chuyen-muc/tin-hoat-dong/' leads to no file in the site, on"
    if _category_loops(base) == [at_base]:
        assert f"{page}: error: {link} the page /2020/01/bai-viet-tot/" in said, said
    else:  # a fork's own menu of categories could make it on every page
        assert [x for x in said if x.startswith(f"{page.parent}: error: {link}")], said
    assert not [x for x in said if re.match(rf"{re.escape(str(page))}:\d", x)], said
    # Both, and any a fork's templates have of their own (a menu of categories).
    said = re.search(r"which one of (.*?) makes", " ".join(err.split()))
    assert said, err
    assert f"url(category_url(article.category)) at {page}:{at_page}" in said[1], err
    assert f"url(category_url(menu_name)) at {base}:{at_base}" in said[1], err
    assert len(said[1].split(", ")) == 2 + len(_category_loops(base)) - 1, err


def test_a_page_with_a_broken_link_twice_is_counted_once(site, capsys):
    """A fork's menu of categories and a footer linking the same category no article has
    yet: each page was listed once a link, "on 24 pages (/2020/01/bai-viet-tot/,
    /2020/01/bai-viet-tot/, …)" for a site of 12."""
    edit(
        site.root / "templates" / "base.html",
        END,
        '<p><a href="{{ url(category_url("Mục thử chưa có bài")) }}">x</a></p>\n'
        '<p><a href="{{ url(category_url("Mục thử chưa có bài")) }}">y</a></p>\n' + END,
    )
    site.add("2020/01/a.md", GOOD)
    capsys.readouterr()
    assert site.build() == 0
    built = capsys.readouterr().err
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    checked = capsys.readouterr().err
    for err in (built, checked):
        (said,) = [x for x in err.splitlines() if "Mục thử chưa có bài" in x and " on " in x]
        listed = re.search(r" on (?:the pages of )?([\d,]+) \w+(?:\(s\))? \((.*?)(…)?\)$", said)
        assert listed, said
        shown = listed[2].split(", ")
        assert len(shown) == len(set(shown)), said
    pages = [
        p for p in site.output.rglob("*.html") if "muc-thu-chua-co-bai" in p.read_text("utf-8")
    ]
    assert f" on {len(pages)} pages (" in checked, checked


def test_a_renamed_categorys_old_page_answers_by_a_page_alias_as_the_readme_says(site, capsys):
    """The README's way to keep a renamed category's old address (a category has no
    aliases of its own): a page of content/pages/ with that address as its alias."""
    site.add("2020/01/a.md", article("Bài một", "2020-01-02 08:00", category="Tin mới"))
    site.add(
        "pages/chuyen-muc-cu.md",
        "---\ntitle: Chuyên mục cũ\naliases: [/chuyen-muc/ten-cu/]\n---\n\n"
        "Chuyên mục này nay là [Tin mới](/chuyen-muc/tin-moi/).\n",
    )
    assert site.build() == 0
    assert 'url=../../chuyen-muc-cu/"' in site.read("chuyen-muc/ten-cu/index.html")
    assert 'href="../chuyen-muc/tin-moi/"' in site.read("chuyen-muc-cu/index.html")
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 0, capsys.readouterr()


def test_a_template_link_in_a_comment_is_not_the_one_said(site, capsys):
    """A broken link of a template was looked for in its text: a `{# note #}` above it
    holding the same link (an old menu kept as a note) was named as its line."""
    base = site.root / "templates" / "base.html"
    edit(
        base,
        END,
        "{# the old menu: <a href=\"/gioi-thieu-cu/\">, {{ url('/lien-he/') }} #}\n"
        '<p><a href="/gioi-thieu-cu/">x</a></p>\n'
        "<p><a href=\"{{ url('/lien-he/') }}\">y</a></p>\n" + END,
    )
    lines = base.read_text(encoding="utf-8").split("\n")
    attribute = lines.index('<p><a href="/gioi-thieu-cu/">x</a></p>') + 1
    site.add("2020/01/a.md", GOOD)
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    said = [x for x in capsys.readouterr().err.splitlines() if ": error: " in x]
    assert [x.split(": error: ")[0] for x in said] == [
        f"{base}:{attribute}:13",  # the address in href="..."
        f"{base}:{attribute + 1}:16",  # url(
    ], said


def check_errors(site, capsys) -> tuple[list[str], str]:
    """`check` of the site: its error lines, and all it printed."""
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    return [x for x in err.splitlines() if ": error: " in x], err


def test_a_relative_link_in_a_template_is_said_at_its_line_not_in_an_article(site, capsys):
    """`src="img/logo.svg"` in base.html (not url()) leads nowhere on every page but the
    home page, under a project path: it was blamed on an article holding
    `![Logo](/img/logo.svg)`, whose text has "img/logo.svg" in it, and the template's
    line said "correct the address in img/logo.svg", without url()."""
    (site.root / "static" / "img").mkdir(exist_ok=True)
    (site.root / "static" / "img" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8"
    )
    site.configure(base_url="https://x.github.io/dongda/")
    base = site.root / "templates" / "base.html"
    edit(base, END, '<img alt="" src="img/logo.svg">\n' + END)
    at = place_of(base.read_text(encoding="utf-8").split("\n"), '"img/logo.svg"')
    line, column = at.split(":")
    at = f"{line}:{int(column) + 1}"  # past the quote
    site.add("2020/01/a.md", article("Bài một", "2020-01-02 08:00", "Xem ![Logo](/img/logo.svg)."))
    site.add("2020/01/b.md", article("Bài hai", "2020-01-03 08:00"))
    said, err = check_errors(site, capsys)
    assert len(said) == 1, err
    assert said[0].startswith(
        f"{base}:{at}: error: the link 'img/logo.svg' leads to no file in the site, on "
    ), err
    assert "write it as {{ url('img/logo.svg') }}, which leads to it from every page" in err


@pytest.mark.parametrize(
    "name, old, new, call",
    [
        (
            "base.html",
            "{{ url(categories_url()) }}",
            "{{ categories_url() }}",
            "categories_url()",
        ),
        (
            "article.html",
            '<div class="article-body"',
            '<a href="{{ category_url(article.category) }}">x</a>\n<div class="article-body"',
            "category_url(article.category)",
        ),
    ],
    ids=["menu", "article"],
)
def test_an_address_helper_without_url_is_said_once_at_its_line(site, capsys, name, old, new, call):
    """`{{ categories_url() }}` in base.html's menu, not in url(): the address from the
    site's root, read from each page's own, led nowhere on every page but the home page.
    It was said once a template (or once an article page, for article.html's
    `category_url(article.category)`), with no line and no word of url(), and blamed on a
    page whose text links `/chuyen-muc/` as it should."""
    site.configure(base_url="https://x.github.io/dongda/")
    template = site.root / "templates" / name
    edit(template, old, new)
    at = place_of(template.read_text(encoding="utf-8").split("\n"), "{{ " + call)
    line, column = at.split(":")
    at = f"{line}:{int(column) + 3}"  # the call's, past "{{ "
    site.add("2020/01/a.md", article("Bài một", "2020-01-02 08:00", category="Kinh tế"))
    site.add("2020/01/b.md", article("Bài hai", "2020-01-03 08:00", category="Kinh tế"))
    site.add(
        "pages/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\n\nXem [theo chuyên mục](/chuyen-muc/).\n",
    )
    said, err = check_errors(site, capsys)
    assert len(said) == 1, err
    assert re.match(
        rf"{re.escape(str(template))}:{at}: error: the link '{re.escape(call)}' leads to "
        r"no file in the site, on \d+ pages",
        said[0],
    ), err
    assert f"wrap it in url(): write {{{{ url({call}) }}}}" in err, err


def test_an_id_a_template_writes_twice_is_said_at_its_lines_not_at_the_articles(site, capsys):
    """`<div id="main"></div>` before base.html's `<main id="main"`: every page had the id
    twice, and it was said once a page, at each article's file ("two headings with the
    same text get the same id: reword one"), never at base.html's lines."""
    base = site.root / "templates" / "base.html"
    edit(base, "<main ", '<div id="main"></div>\n<main ')
    lines = base.read_text(encoding="utf-8").split("\n")
    first = lines.index('<div id="main"></div>') + 1
    site.add("2020/01/a.md", GOOD)
    site.add("2020/01/b.md", article("Bài hai", "2020-01-03 08:00"))
    said, err = check_errors(site, capsys)
    assert len(said) == 1, err
    assert re.match(
        rf"{re.escape(str(base))}:{first}: error: the id 'main' is used more than once on "
        r"\d+ pages \(",
        said[0],
    ), err
    assert f'the templates write id="main" at {base}:{first} and {base}:{first + 1}' in err, err


def test_a_relative_link_to_no_file_in_a_template_names_the_address_from_the_root(site, capsys):
    """`src="img/khong-co.svg"` in base.html, a file the site lacks: the fix named the
    address as the first page listed read it, "no page or file
    /2020/01/bai-mot/img/khong-co.svg: correct the address in img/khong-co.svg"."""
    base = site.root / "templates" / "base.html"
    edit(base, END, '<img alt="" src="img/khong-co.svg">\n' + END)
    site.add("2020/01/a.md", GOOD)
    said, err = check_errors(site, capsys)
    assert len(said) == 1, err
    assert (
        "the site has no page or file /img/khong-co.svg: correct the address, and write it "
        "in url(), {{ url('img/khong-co.svg') }}" in err
    ), err


def test_the_tests_sites_leave_out_the_pictures_a_forks_import_copied(tmp_path, monkeypatch):
    """A fork that imported its portal keeps the portal's pictures and files in
    static/media/ (up to a GB). Each of the tests' sites, some six hundred a run, copied
    them, and each build copied them again into its _site: a fork's Tests workflow filled
    the runner's disk. The tests need the theme (style sheet, scripts, a fork's logo),
    not the archive's pictures, as they need its templates and not its articles."""
    import conftest

    fork = tmp_path / "fork"
    shutil.copytree(REPO / "templates", fork / "templates")
    shutil.copytree(REPO / "static", fork / "static")
    (fork / "static" / "img").mkdir(exist_ok=True)
    (fork / "static" / "img" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    imported = fork / "static" / "media" / "ab"
    imported.mkdir(parents=True)
    (imported / "0123456789abcdef-anh.jpg").write_bytes(b"\xff\xd8" + bytes(4096))
    monkeypatch.setattr(conftest, "REPO", fork)

    site = conftest.SiteDir(tmp_path / "site")
    assert not (site.root / "static" / "media").exists()
    assert (site.root / "static" / "img" / "logo.svg").is_file()
    assert (site.root / "static" / "css" / "site.css").is_file()
    site.add("2020/01/a.md", GOOD)
    assert site.build() == 0
    assert (site.output / "img" / "logo.svg").is_file()
