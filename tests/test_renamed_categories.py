"""A category renamed in its articles keeps its old addresses answering when site.yaml
says so (renamed_categories): its page and numbered pages lead to the new name's, its
feed is still a feed; a rename that cannot be is an error at its line of site.yaml."""

import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from conftest import article
from pages import soup

from newsarchive.cli import main

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://example.org/repo/"


def renamed_site(site, renames: str, per_page: int = 2):
    """Three articles of 'Thời sự' (once 'Tin tức'), one of 'Văn hóa'; ``renames`` is
    the text of site.yaml's renamed_categories lines, after the other settings."""
    site.configure(per_page=per_page, base_url=SITE)
    for day in (1, 2, 3):
        site.add(f"2020/03/{day}.md", article(f"Tin {day}", f"2020-03-0{day}", category="Thời sự"))
    site.add("2020/03/v.md", article("Văn", "2020-03-04", category="Văn hóa"))
    config = site.root / "site.yaml"
    config.write_text(config.read_text("utf-8") + renames, "utf-8")
    return len(config.read_text("utf-8").splitlines()) - renames.count("\n")  # before them


def followed(site, url: str) -> str:
    """The address (from the site's root) that the redirect page at ``url`` leads to,
    checked against its canonical link and its visible link."""
    page = soup(site.output, url)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    target = urljoin(SITE + url, refresh.removeprefix("0; url="))
    assert page.find("link", rel="canonical")["href"] == target
    assert urljoin(SITE + url, page.find("a")["href"]) == target
    assert target.startswith(SITE)
    return target.removeprefix(SITE)


def test_the_old_page_and_numbered_pages_lead_to_the_new_ones(site):
    renamed_site(site, 'renamed_categories:\n  "Tin tức": "Thời sự"\n')
    assert site.build("--quiet", "--no-search") == 0
    assert followed(site, "chuyen-muc/tin-tuc/") == "chuyen-muc/thoi-su/"
    for number in (1, 2):  # three articles, two a page
        old = f"chuyen-muc/tin-tuc/trang/{number}/"
        assert followed(site, old) == f"chuyen-muc/thoi-su/trang/{number}/"
        assert (site.output / f"chuyen-muc/thoi-su/trang/{number}/index.html").is_file()
    assert not (site.output / "chuyen-muc/tin-tuc/trang/3").exists()
    # Old addresses are no pages of their own: search engines are sent on.
    sitemaps = list(site.output.glob("sitemap*.xml"))
    assert sitemaps and not any("tin-tuc" in s.read_text("utf-8") for s in sitemaps)


def test_the_old_feed_is_still_a_feed_of_the_new_category(site):
    """A feed reader does not follow an HTML redirect: the old feed is the new one's copy,
    under its own address (a subscriber's reader knows the feed by it)."""
    renamed_site(site, 'renamed_categories:\n  "Tin tức": "Thời sự"\n')
    assert site.build("--quiet", "--no-search") == 0
    old = ET.fromstring((site.output / "chuyen-muc/tin-tuc/feed.xml").read_bytes())
    new = ET.fromstring((site.output / "chuyen-muc/thoi-su/feed.xml").read_bytes())
    ids = [e.findtext(f"{ATOM}id") for e in old.iter(f"{ATOM}entry")]
    assert ids == [e.findtext(f"{ATOM}id") for e in new.iter(f"{ATOM}entry")]
    assert len(ids) == 3
    assert old.findtext(f"{ATOM}id") == SITE + "chuyen-muc/tin-tuc/feed.xml"
    alternate = old.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == SITE + "chuyen-muc/thoi-su/"
    # Not listed among the feeds: one feed per category there.
    assert "tin-tuc/feed.xml" not in site.read("theo-doi/index.html")


def test_a_name_that_still_has_articles_is_refused_at_its_line(site, capsys):
    line = renamed_site(site, 'renamed_categories:\n  "Văn hóa": "Thời sự"\n')
    assert site.build("--quiet", "--no-search") == 1
    err = capsys.readouterr().err
    assert f"site.yaml:{line + 2}: error: renamed_categories: " in err, err
    assert "'Văn hóa' still has articles" in err and "v.md" in err, err


def test_a_new_name_no_article_has_is_refused_with_the_close_one(site, capsys):
    line = renamed_site(site, 'renamed_categories:\n  "Tin tức": "Thờ sự"\n')
    assert site.build("--quiet", "--no-search") == 1
    err = capsys.readouterr().err
    assert f"site.yaml:{line + 2}: error: renamed_categories: no article has the category " in err
    assert "did you mean 'Thời sự'?" in err, err


def test_a_chain_and_a_cycle_are_refused_with_the_line_to_write(site, capsys):
    line = renamed_site(
        site, 'renamed_categories:\n  "Tin cũ": "Tin tức"\n  "Tin tức": "Thời sự"\n'
    )
    assert site.build("--quiet", "--no-search") == 1
    err = capsys.readouterr().err
    assert f"site.yaml:{line + 2}: error: renamed_categories: 'Tin tức', the new name of " in err
    assert 'write "Tin cũ": "Thời sự"' in err, err
    site2 = site.root / "site.yaml"
    text = site2.read_text("utf-8").replace('"Tin cũ": "Tin tức"', '"Thời sự": "Tin tức"')
    site2.write_text(text, "utf-8")
    assert site.build("--quiet", "--no-search") == 1
    err = capsys.readouterr().err
    assert "renamed to each other" in err, err


def test_an_old_address_used_by_an_alias_is_refused(site, capsys):
    """The README's old workaround (a page with the old address as its alias) and the
    key together: one file for two pages."""
    line = renamed_site(site, 'renamed_categories:\n  "Tin tức": "Thời sự"\n')
    site.add(
        "pages/tin-tuc.md", "---\ntitle: Tin tức\naliases: [/chuyen-muc/tin-tuc/]\n---\n\nXem.\n"
    )
    assert site.build("--quiet", "--no-search") == 1
    err = capsys.readouterr().err
    assert f"site.yaml:{line + 2}: error: renamed_categories: the old address " in err, err
    assert "is also an alias of " in err and "content/pages/tin-tuc.md\n" in err, err


def test_the_warning_of_a_category_gone_gives_the_line_that_keeps_it(site, capsys):
    site.configure(base_url=SITE)
    a = site.add("2020/03/a.md", article("Tin một", "2020-03-01 08:00", category="Tin tức"))
    site.add("2020/03/c.md", article("Tin ba", "2020-03-03 08:00", category="Văn hóa"))
    assert site.build("--no-search") == 0
    capsys.readouterr()
    a.write_text(article("Tin một", "2020-03-01 08:00", category="Thời sự"), "utf-8")
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    said = 'add this line to site.yaml: renamed_categories: {"Tin tức": "Thời sự"}'
    assert said in err, err
    config = site.root / "site.yaml"
    config.write_text(
        config.read_text("utf-8") + 'renamed_categories: {"Tin tức": "Thời sự"}\n', "utf-8"
    )
    assert site.build("--no-search") == 0
    assert followed(site, "chuyen-muc/tin-tuc/") == "chuyen-muc/thoi-su/"
    assert (site.output / "chuyen-muc/tin-tuc/feed.xml").is_file()


def test_a_renamed_tag_keeps_its_page_and_numbered_pages(site):
    """The same for tags (renamed_tags), which have no feed."""
    site.configure(per_page=1, base_url=SITE)  # a tag's numbered page holds 5 titles
    for day in range(1, 7):
        site.add(f"2020/03/{day}.md", article(f"Tin {day}", f"2020-03-0{day}", tags="[quy hoạch]"))
    config = site.root / "site.yaml"
    config.write_text(
        config.read_text("utf-8") + "renamed_tags:\n  Quy hoach cu: quy hoạch\n", "utf-8"
    )
    assert site.build("--quiet", "--no-search") == 0
    assert followed(site, "the/quy-hoach-cu/") == "the/quy-hoach/"
    for number in (1, 2):
        old = f"the/quy-hoach-cu/trang/{number}/"
        assert followed(site, old) == f"the/quy-hoach/trang/{number}/"
    assert not (site.output / "the/quy-hoach-cu/feed.xml").exists()


def test_a_tag_that_still_has_articles_is_refused(site, capsys):
    line = renamed_site(site, "renamed_tags:\n  Văn hóa: Thời sự\n")
    site.add("2020/03/t.md", article("Tin", "2020-03-05", tags="[Văn hóa, Thời sự]"))
    assert site.build("--quiet", "--no-search") == 1
    err = capsys.readouterr().err
    assert f"site.yaml:{line + 2}: error: renamed_tags: 'Văn hóa' still has articles" in err, err
    assert "write tags: [Thời sự] in its articles" in err, err


def test_two_names_of_one_address_are_no_rename(site, capsys):
    """Accents, capitals and punctuation are not in a page's address: nothing to redirect."""
    line = renamed_site(site, 'renamed_categories:\n  "Thoi su": "Thời sự"\n')
    assert site.build("--quiet", "--no-search") == 1
    err = capsys.readouterr().err
    assert f"site.yaml:{line + 2}: error: renamed_categories: " in err, err
    assert "have one address, /chuyen-muc/thoi-su/: nothing is renamed" in err, err


def test_a_rename_without_its_new_name_is_refused_at_its_line(site, capsys):
    line = renamed_site(site, 'renamed_categories:\n  "Tin cũ": "Thời sự"\n  "Tin tức": ""\n')
    assert site.build("--quiet", "--no-search") == 1
    err = capsys.readouterr().err
    assert f"site.yaml:{line + 3}: error: renamed_categories: " in err, err
    assert 'write the new name after it: "Tin tức": "Tên mới"' in err, err


def test_the_old_addresses_go_with_the_line(site):
    """A rename deleted from site.yaml takes its redirect pages and feed copy with it
    (no file of an earlier build is left behind)."""
    renamed_site(site, 'renamed_categories:\n  "Tin tức": "Thời sự"\n')
    assert site.build("--quiet", "--no-search") == 0
    assert (site.output / "chuyen-muc/tin-tuc/feed.xml").is_file()
    config = site.root / "site.yaml"
    text = config.read_text("utf-8").replace('renamed_categories:\n  "Tin tức": "Thời sự"\n', "")
    config.write_text(text, "utf-8")
    assert site.build("--quiet", "--no-search") == 0
    assert not (site.output / "chuyen-muc/tin-tuc").exists()
    assert (site.output / "chuyen-muc/thoi-su/feed.xml").is_file()


def test_an_old_address_a_static_file_has_is_refused_with_its_fix(site, capsys):
    line = renamed_site(site, 'renamed_categories:\n  "Tin tức": "Thời sự"\n')
    (site.root / "static/chuyen-muc/tin-tuc").mkdir(parents=True)
    (site.root / "static/chuyen-muc/tin-tuc/index.html").write_text("x", "utf-8")
    assert site.build("--quiet", "--no-search") == 1
    err = capsys.readouterr().err
    assert f"site.yaml:{line + 2}: error: " in err, err
    assert "delete the line of renamed_categories, or rename or move the static file" in err
    # The old page is the folder's index.html, where the static file is.
    assert "the page /chuyen-muc/tin-tuc/ and the static file" in err, err
    assert "would both be written to chuyen-muc/tin-tuc/index.html" in err, err


def test_old_numbered_pages_past_the_new_names_lead_to_its_page(site):
    """A category whose articles were all withdrawn, renamed to a smaller one (as the
    warning of its last article asks): its numbered pages past the new name's count led
    nowhere (build17). The withdrawn articles still tell how many it had: those lead to
    the new name's page, and no number it never had is made."""
    site.configure(per_page=2, base_url=SITE, renamed_categories={"Rao vặt": "Văn hóa"})
    for day in range(1, 6):  # five articles, two a page: pages 1 to 3
        site.add(
            f"2020/03/{day}.md",
            article(
                f"Rao {day}", f"2020-03-0{day}", "", category="Rao vặt", withdrawn="2026-03-05"
            ),
        )
    site.add("2020/03/v.md", article("Văn", "2020-03-06", category="Văn hóa"))
    assert site.build("--quiet") == 0  # check reads the search index too
    assert followed(site, "chuyen-muc/rao-vat/") == "chuyen-muc/van-hoa/"
    assert followed(site, "chuyen-muc/rao-vat/trang/1/") == "chuyen-muc/van-hoa/trang/1/"
    for number in (2, 3):
        assert followed(site, f"chuyen-muc/rao-vat/trang/{number}/") == "chuyen-muc/van-hoa/"
    assert not (site.output / "chuyen-muc/rao-vat/trang/4").exists()
    assert not (site.output / "chuyen-muc/van-hoa/trang/2").exists()
    config = str(site.root / "site.yaml")
    assert main(["check", "--config", config, "--built", str(site.output)]) == 0
