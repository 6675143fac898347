"""A maintainer's fork: templates, strings.yaml and site.yaml changed without Python, and
each mistake in them a message naming the file and line, the old site untouched."""

from conftest import article, tree

from newsarchive.check import check_site

GOOD = article("Bài viết tốt", "2020-01-02 08:00")
FOOTER = "<p>{{ t.footer_note }} "


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


def test_a_template_link_written_from_the_root_leads_to_the_file(site, monkeypatch):
    """`url('/img/logo.png')`, written as the address shows in the browser (as links in
    articles are), is the same file as `url('img/logo.png')`, on every page and under a
    project path: it was "../" once per folder of the build's working folder too many."""
    (site.root / "static" / "img").mkdir()
    (site.root / "static" / "img" / "logo.png").write_bytes(b"png")
    base = site.root / "templates" / "base.html"
    edit(base, FOOTER, FOOTER + '<img alt="" src="{{ url(\'/img/logo.png\') }}"> ')
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
