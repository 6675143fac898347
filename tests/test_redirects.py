"""Old CMS addresses (aliases) become redirect pages; an alias that collides with a
page, a static file or another alias stops the build with file, line and a hint."""

from urllib.parse import urljoin
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup
from conftest import article, tree
from pages import soup
from serving import serve

from newsarchive.cli import main

ALIAS_LINE = 4  # title, date, then aliases: the fourth line of the file


def with_aliases(title: str, date: str, *aliases: str) -> str:
    text = article(title, date, aliases=f"[{', '.join(aliases)}]")
    assert text.splitlines()[ALIAS_LINE - 1].startswith("aliases:")
    return text


def test_each_alias_becomes_a_redirect_page(site):
    site.add(
        "a.md",
        with_aliases(
            "Tin cũ", "2019-04-19 16:54", "/tin-tuc-su-kien/abc-123.html", "/tin/abc/", "/tin/xyz"
        ),
    )
    assert site.build("--quiet", "--base-url", "https://example.org/repo/") == 0
    for url, back in (
        ("tin-tuc-su-kien/abc-123.html", "../2019/04/tin-cu/"),
        ("tin/abc/", "../../2019/04/tin-cu/"),
        ("tin/xyz/", "../../2019/04/tin-cu/"),  # a static host answers /tin/xyz with /tin/xyz/
    ):
        page = soup(site.output, url)
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={back}"
        assert (
            page.find("link", rel="canonical")["href"] == "https://example.org/repo/2019/04/tin-cu/"
        )
        assert page.find("a")["href"] == back
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_an_old_address_of_a_portal_script_is_served_as_a_page(site, capsys):
    """Old portals answered /tin-tuc/chi-tiet.aspx or /index.php?...: a redirect page
    written as that file was served as a file to download (a static host knows no such
    page type), so the reader following an old link got a download, not the article. It
    is a folder of that name now, which the host answers as /tin-tuc/chi-tiet.aspx/."""
    site.add(
        "a.md",
        with_aliases(
            "Tin cũ", "2019-04-19 16:54", "/tin-tuc/chi-tiet.aspx", "/index.php", "/tin/A.HTM"
        ),
    )
    site.add(
        "b.md",
        article(
            "Tin mới", "2019-05-01", "Xem [tin cũ](/tin-tuc/chi-tiet.aspx) và [mục](/index.php)."
        ),
    )
    assert site.build("--quiet", "--no-search") == 0
    assert "warning" not in capsys.readouterr().err  # the links to them lead somewhere
    assert (site.output / "tin-tuc/chi-tiet.aspx/index.html").is_file()
    assert (site.output / "tin/A.HTM").is_file()  # a page as it is
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 0, capsys.readouterr().err
    with serve(site.output) as address:
        for old in ("tin-tuc/chi-tiet.aspx", "index.php", "tin/A.HTM"):
            with urlopen(address + old) as answer:
                assert answer.headers.get_content_type() == "text/html", old
                refresh = BeautifulSoup(answer.read(), "html.parser").find(
                    "meta", attrs={"http-equiv": "refresh"}
                )
                target = urljoin(answer.url, refresh["content"].removeprefix("0; url="))
                assert target == address + "2019/04/tin-cu/", old


def test_percent_escaped_aliases_are_written_as_their_file_names(site):
    site.add("a.md", with_aliases("Tin", "2020-01-01", "/tin-t%E1%BB%A9c/a.html"))
    assert site.build("--quiet") == 0
    assert (site.output / "tin-tức" / "a.html").is_file()


def test_an_alias_recorded_in_nfd_is_written_under_its_nfc_name(site, capsys):
    """A WARC recorded the old address percent-encoded in NFD (tin-tu%CC%9B%CC%81c, as a
    Mac sent it): its redirect page was written in a folder named in NFD, which a static
    host looks up byte for byte, so a visitor following a link (in NFC, as links are
    typed, and as a browser sends what the link says) got 404, and so did this site's
    own link, which the build said leads to no page. The page is written under the NFC
    name, one name on every file system (macOS takes both spellings for one file)."""
    site.add("a.md", with_aliases("Tin", "2020-01-01", "/tin-tu%CC%9B%CC%81c/a.html"))
    site.add("b.md", article("Tin mới", "2020-01-02", "Xem [tin cũ](/tin-tức/a.html)."))
    assert site.build("--quiet", "--no-search") == 0
    assert "warning" not in capsys.readouterr().err
    assert [p.name for p in site.output.glob("tin-*")] == ["tin-tức"]  # NFC, not NFD
    with serve(site.output) as address, urlopen(address + "tin-t%E1%BB%A9c/a.html") as answer:
        refresh = BeautifulSoup(answer.read(), "html.parser").find(
            "meta", attrs={"http-equiv": "refresh"}
        )
        target = urljoin(answer.url, refresh["content"].removeprefix("0; url="))
    assert target == address + "2020/01/tin/"


def test_a_link_in_nfd_leads_to_the_alias_written_in_nfc(site, capsys):
    """An imported article links an old address as a Mac's WARC recorded it, its letters
    percent-encoded apart (NFD: tin-tu%CC%9B%CC%81c); the alias is written in NFC, as
    links are typed. The link was kept in NFD, which a static host looks up byte for byte
    (404), and the build said it leads to no page. Both spell one address: the page links
    it in NFC, from the root or relative, as held links compare old addresses."""
    nfd = "tin-tu%CC%9B%CC%81c/a.html"
    site.add("a.md", with_aliases("Tin", "2020-01-01", "/tin-tức/a.html"))
    text = f"Xem [tin cũ](/{nfd}) và [đây](../../../{nfd}?trang=1)."
    site.add("b.md", article("Tin mới", "2020-01-02", text))
    assert site.build("--quiet", "--no-search") == 0
    assert "warning" not in capsys.readouterr().err
    hrefs = [a["href"] for a in soup(site.output, "2020/01/tin-moi/index.html").select("main p a")]
    assert hrefs == ["../../../tin-t%E1%BB%A9c/a.html", "../../../tin-t%E1%BB%A9c/a.html?trang=1"]
    with serve(site.output) as address:
        for href in hrefs:
            with urlopen(urljoin(address + "2020/01/tin-moi/", href)) as answer:
                assert answer.status == 200
    config = str(site.root / "site.yaml")
    assert main(["check", "--config", config]) == 0, capsys.readouterr().err
    # What check finds in the link is said of the article's line, as the article spells it.
    site.add("b.md", article("Tin mới", "2020-01-02", f"Xem [tin cũ](/{nfd}#khong-co)."))
    assert site.build("--quiet", "--no-search") == 0
    capsys.readouterr()
    assert main(["check", "--config", config]) == 1
    said = f"b.md:6:14: error: in the page /2020/01/tin-moi/: the link '/{nfd}#khong-co' opens /"
    assert said in capsys.readouterr().err


def test_offline_redirects_name_the_index_file(site):
    site.add("a.md", with_aliases("Tin cũ", "2019-04-19", "/tin/abc.html"))
    assert site.build("--quiet", "--offline") == 0
    page = soup(site.root / "_site-offline", "tin/abc.html")
    assert page.find("a")["href"] == "../2019/04/tin-cu/index.html"


CLASHES = {
    "a real article": ("/2019/04/tin-cu/", "is the address of the article"),
    "a month page": ("/2019/04/", "is the address of the page /2019/04/"),
    "a year page without slash": ("/2019", "is the address of the page /2019/"),
    "the feed": ("/feed.xml", "is the address of the page /feed.xml"),
    "the categories index": ("/chuyen-muc/index.html", "is the address of the page /chuyen-muc/"),
    "a file where a folder is": ("/feed.xml/a.html", "where the site needs a folder"),
    "a folder where a file is": ("/2019/04/tin-cu/index.html/x", "where the site needs a folder"),
}


def refused(site, capsys, alias: str) -> str:
    """The error output of a build refusing an article with ``alias`` beside an article
    at /2019/04/tin-cu/, after checking the site is as it was."""
    site.add("2019/tin-cu.md", article("Tin cũ", "2019-04-19 16:54"))
    assert site.build("--quiet") == 0
    before = tree(site.output)
    site.add("2019/tin-moi.md", with_aliases("Tin mới", "2019-05-01", alias))
    assert site.build("--quiet") == 1
    assert tree(site.output) == before
    return capsys.readouterr().err


@pytest.mark.parametrize("case", sorted(CLASHES))
def test_an_alias_that_collides_with_a_page_is_an_error(site, capsys, case):
    alias, message = CLASHES[case]
    err = refused(site, capsys, alias)
    assert f"tin-moi.md:{ALIAS_LINE}: error: alias '{alias}' " in err
    assert message in err
    assert "how to fix: remove it from 'aliases'" in err


@pytest.mark.parametrize(
    "alias",
    ["/LUU-TRU/", "/FEED.XML", "/404.HTML", "/Robots.txt", "/Sitemap.xml", "/Tim-kiem/Index.html",
     "/CSS/Site.css", "/Favicon.svg", "/2019/04/TIN-CU/"],
)  # fmt: skip
def test_an_alias_apart_from_a_file_only_in_letter_case_is_an_error(site, capsys, alias):
    """One file on macOS and Windows: the alias would replace the page or static file
    there. Refused whichever comes first in the site (those before the alias in the
    plan, the feed and sitemaps, and static files were let through)."""
    err = refused(site, capsys, alias)
    assert f"tin-moi.md:{ALIAS_LINE}: error: " in err and "differ only in letter case" in err
    assert alias.lstrip("/").rstrip("/") in err, err


def test_two_files_whose_addresses_differ_only_in_letter_case_are_both_named(
    site, capsys, monkeypatch
):
    """`content/b.md:4: error: /Tin-Tuc/a.html and /tin-tuc/a.html differ only in letter
    case`: which article had the other address, the editor had to search for."""
    site.add("a.md", with_aliases("Tin một", "2019-01-01", "/Tin-Tuc/a.html"))
    site.add("b.md", with_aliases("Tin hai", "2019-01-02", "/tin-tuc/a.html", "/2019/01/TIN-MOT/"))
    monkeypatch.chdir(site.root)
    assert site.build("--quiet") == 1
    err = capsys.readouterr().err
    a, b = (site.content.relative_to(site.root) / name for name in ("a.md", "b.md"))
    two = [line for line in err.splitlines() if "differ only in letter case" in line]
    assert len(two) == 2, err
    aliases = next(line for line in two if "a.html" in line)
    assert aliases.startswith(f"{b}:{ALIAS_LINE}: error: "), aliases
    assert "/tin-tuc/a.html" in aliases and "/Tin-Tuc/a.html" in aliases
    assert f"{a}:{ALIAS_LINE}" in aliases, aliases  # the other file, with its line
    address = next(line for line in two if "tin-mot" in line.lower())
    assert address.startswith(f"{b}:{ALIAS_LINE}: error: "), address
    assert "/2019/01/TIN-MOT/" in address and "/2019/01/tin-mot/" in address
    assert f"the article {a}:2" in address, address  # its title makes the address


def test_the_other_file_of_a_clash_is_named_as_the_message_names_its_own(site, capsys, monkeypatch):
    """Run in the project's folder, the message named its file from there and the other
    article by its whole path (`content/b.md:4: error: alias '/tin/1.html' is also an
    alias of /home/lan/archive/content/a.md`)."""
    site.add("a.md", with_aliases("Tin một", "2019-01-01", "/tin/1.html"))
    site.add("b.md", with_aliases("Tin hai", "2019-01-02", "/tin/1.html", "/2019/01/tin-mot/"))
    monkeypatch.chdir(site.root)
    assert site.build("--quiet") == 1
    err = capsys.readouterr().err
    content = site.content.relative_to(site.root)
    assert (
        f"{content / 'b.md'}:{ALIAS_LINE}: error: alias '/tin/1.html' is also an alias of "
        + (f"{content / 'a.md'}\n")
        in err
    ), err
    assert f"is the address of the article {content / 'a.md'}\n" in err, err


def test_two_articles_claiming_one_alias_are_both_named(site, capsys):
    site.add("a.md", with_aliases("Tin một", "2019-01-01", "/tin/1.html"))
    site.add("b.md", with_aliases("Tin hai", "2019-01-02", "/tin/1.html"))
    assert site.build("--quiet") == 1
    err = capsys.readouterr().err
    assert f"b.md:{ALIAS_LINE}: error: alias '/tin/1.html' is also an alias of" in err
    assert "a.md" in err.split("is also an alias of", 1)[1].splitlines()[0]


def test_one_article_giving_an_address_twice_is_named(site, capsys):
    site.add("a.md", with_aliases("Tin một", "2019-01-01", "/tin/1/", "/tin/1"))
    assert site.build("--quiet") == 1
    assert f"a.md:{ALIAS_LINE}: error: alias '/tin/1' is given twice" in capsys.readouterr().err


def test_an_address_given_in_nfd_and_nfc_is_named_with_both_spellings(site, capsys):
    """Both are one page now (written under the NFC name): an article an earlier import
    gave both is told so, with the spelling the other one has, not only 'given twice'
    of an address that reads otherwise."""
    nfd, nfc = "/tin-tu%CC%9B%CC%81c/a.html", "/tin-t%E1%BB%A9c/a.html"
    site.add("a.md", with_aliases("Tin một", "2019-01-01", nfd, nfc))
    assert site.build("--quiet") == 1
    said = f"a.md:{ALIAS_LINE}: error: alias '{nfc}' is given twice (as '{nfd}', the same page"
    assert said in capsys.readouterr().err


def test_an_alias_written_twice_alike_is_a_warning_and_not_repeated_in_hints(site, capsys):
    """aliases: [/tin/1.html, /tin/1.html] was accepted in silence, and the advice of
    a moved article to add its old address repeated the address given twice."""
    path = site.add(
        "2020/03/a.md", with_aliases("Lễ hội", "2020-03-05", "/tin/1.html", "/tin/1.html")
    )
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    said = f"a.md:{ALIAS_LINE}: warning: alias '/tin/1.html' is given twice; delete one"
    assert said in err, err
    assert err.count("is given twice") == 1
    assert (site.output / "tin/1.html").is_file()
    assert site.build("--no-search", "--strict") == 1  # a warning, as the others

    path.write_text(with_aliases("Lễ hội đền", "2020-03-05", "/tin/1.html", "/tin/1.html"), "utf-8")
    assert site.build("--no-search") == 0
    fixed = "aliases: [/tin/1.html, /2020/03/le-hoi/]"
    assert f"add it to the list on the line of 'aliases': {fixed}" in capsys.readouterr().err


def test_an_alias_that_hides_a_static_file_is_an_error(site, capsys):
    site.add("a.md", with_aliases("Tin", "2019-01-01", "/css/site.css"))
    assert site.build("--quiet") == 1
    err = capsys.readouterr().err
    assert f"a.md:{ALIAS_LINE}: error: the page /css/site.css and the static file" in err
    assert "would both be written to css/site.css\n" in err, err


def test_aliases_are_not_in_the_sitemap(site):
    site.add("a.md", with_aliases("Tin", "2019-01-01", "/tin/1.html"))
    assert site.build("--quiet") == 0
    sitemap = "".join(p.read_text(encoding="utf-8") for p in site.output.glob("sitemap*.xml"))
    assert "tin/1.html" not in sitemap
    assert "2019/01/tin/" in sitemap


def test_an_edited_date_or_title_that_moves_a_published_article_is_said(site, capsys):
    """An article's address comes from its date and title: an editor who corrected a
    typo in the title (or the date) of a published article moved it, and its old
    address, cited by readers, answered 404 without a word. The build now names the
    old address and the alias that keeps it; --strict stops on it."""
    path = site.add("2020/03/le-hoi.md", article("Lễ hội đền Hai Bà Trưng", "2020-03-05 08:00"))
    assert site.build("--no-search") == 0
    capsys.readouterr()

    path.write_text(article("Lễ hội đền Hai Bà Trưng năm 2020", "2020-03-05 08:00"), "utf-8")
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    old, new = "/2020/03/le-hoi-den-hai-ba-trung/", "/2020/03/le-hoi-den-hai-ba-trung-nam-2020/"
    # At the line that moved it: the warning named the file alone.
    assert f"le-hoi.md:2: warning: the article's address changed from {old} to {new}" in err
    assert f"aliases: [{old}]" in err
    assert site.build("--no-search") == 0  # said once: the cache holds the new address
    assert "address changed" not in capsys.readouterr().err

    path.write_text(article("Lễ hội đền Hai Bà Trưng năm 2020", "2020-04-05 08:00"), "utf-8")
    before = tree(site.output)
    assert site.build("--no-search", "--strict") == 1
    assert f"le-hoi.md:3: error: the article's address changed from {new} to /2020/04/" in (
        capsys.readouterr().err
    )
    assert tree(site.output) == before
    path.write_text(with_aliases("Lễ hội đền Hai Bà Trưng năm 2020", "2020-04-05 08:00", new))
    assert site.build("--no-search", "--strict") == 0
    assert "address changed" not in capsys.readouterr().err
    redirect = soup(site.output, new[1:]).find("meta", attrs={"http-equiv": "refresh"})
    assert redirect["content"] == "0; url=../../04/le-hoi-den-hai-ba-trung-nam-2020/"


def test_a_moved_article_that_has_aliases_is_told_to_add_to_them(site, capsys):
    """An imported article keeps the portal's address in `aliases`: the advice to add the
    line `aliases: [/old/]` gave a second `aliases:` line, which the build refuses."""
    path = site.add("2020/03/a.md", with_aliases("Lễ hội", "2020-03-05 08:00", "/tin/1.html"))
    assert site.build("--no-search") == 0
    capsys.readouterr()
    path.write_text(with_aliases("Lễ hội đền", "2020-03-05 08:00", "/tin/1.html"), "utf-8")
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    fixed = "aliases: [/tin/1.html, /2020/03/le-hoi/]"
    assert f"a.md:{ALIAS_LINE}: warning: the article's address changed" in err
    assert f"add it to the list on the line of 'aliases': {fixed}" in err
    text = path.read_text(encoding="utf-8").replace("aliases: [/tin/1.html]", fixed)
    path.write_text(text, encoding="utf-8")  # as the advice says: then the old address works
    assert site.build("--no-search", "--strict") == 0
    assert (site.output / "2020/03/le-hoi/index.html").is_file()


@pytest.mark.parametrize("setting", [{"per_page": 7}, {"timezone": "Asia/Tokyo"}])
def test_an_address_moved_while_site_yaml_changed_too_is_said(site, capsys, setting):
    """A change of site.yaml in the same build made the cache of the articles stale,
    and the warning was never said: the old address died without a word. A new time
    zone alone moves an article written late on a month's last day into the next."""
    path = site.add("2024/06/hop.md", article("Họp cuối tháng", "2024-06-30T23:30:00+07:00"))
    assert site.build("--no-search") == 0
    capsys.readouterr()
    if "per_page" in setting:  # and the title edited
        path.write_text(article("Họp cuối tháng sáu", "2024-06-30T23:30:00+07:00"), "utf-8")
    site.configure(**setting)
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    new = "/2024/06/hop-cuoi-thang-sau/" if "per_page" in setting else "/2024/07/hop-cuoi-thang/"
    assert f"the article's address changed from /2024/06/hop-cuoi-thang/ to {new}" in err, err
    # What moved it: the edit, or the new time zone (not "put the date … back").
    why = "its date, title or slug was edited" if "per_page" in setting else "timezone changed"
    assert why in err and ("put the timezone back" in err) == ("timezone" in setting), err
    assert site.build("--no-search") == 0  # said once
    assert "address changed" not in capsys.readouterr().err


def test_a_published_article_whose_file_is_gone_is_said_once(site, capsys):
    """Deleting an article's file, or moving it to a hidden folder, took its page and its
    old addresses off the site without a word (the README asks for withdrawn:). A file
    renamed, its article at the same address, is not a loss."""
    a = site.add("2020/03/a.md", with_aliases("Lễ hội", "2020-03-05 08:00", "/tin/1.html"))
    b = site.add("2020/03/b.md", article("Hội nghị", "2020-03-06 08:00"))
    site.add("2020/03/c.md", article("Tin khác", "2020-03-07 08:00"))
    assert site.build("--no-search") == 0
    capsys.readouterr()

    (site.content / ".nhap").mkdir()
    a.rename(site.content / ".nhap" / "a.md")
    b.rename(site.content / "2020" / "03" / "hoi-nghi.md")  # renamed: same address
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert warnings == [
        f"{a}: warning: this article, published by the last build at /2020/03/le-hoi/, is "
        "no longer among the articles (its file was deleted, moved or renamed): its address "
        'and its old addresses now answer "not found", and readers\' links to it lead nowhere'
    ], err
    assert "put its file back and add withdrawn: to it" in err
    assert not (site.output / "2020/03/le-hoi").exists()
    assert site.build("--no-search") == 0  # said once
    assert ": warning: " not in capsys.readouterr().err


def test_a_published_article_made_a_draft_is_said_once_at_its_draft_line(site, capsys):
    """`draft: true` (or `yes`) on a published article, the editor's way to hide it,
    took its page and its old addresses off the site with no word about the article:
    "Built 1 article(s) (1 draft(s) not published)", at most a warning that its tag had
    no article left (edit's audit). A file deleted was said; a draft is now too, at its
    `draft:` line, with withdrawn: as the way to take an article down. A draft that was
    never published, and a withdrawn article made a draft (README: off the site
    altogether, address and all), are not."""
    a = site.add("2020/03/a.md", with_aliases("Lễ hội", "2020-03-05 08:00", "/tin/1.html"))
    b = site.add("2020/03/b.md", article("Hội nghị", "2020-03-06 08:00", withdrawn="2026-03-01"))
    site.add("2020/03/c.md", article("Tin khác", "2020-03-07 08:00"))
    site.add("2020/03/d.md", article("Bản nháp", "2020-03-08 08:00", draft="true"))
    assert site.build("--no-search") == 0
    capsys.readouterr()

    a.write_text(a.read_text("utf-8").replace("---\n\n", "draft: yes\n---\n\n", 1), "utf-8")
    b.write_text(b.read_text("utf-8").replace("---\n\n", "draft: true\n---\n\n", 1), "utf-8")
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert warnings == [
        f"{a}:5: warning: this article, published by the last build at /2020/03/le-hoi/, "
        "is now a draft (draft: true keeps it off the site): its address and its old "
        'addresses now answer "not found", and readers\' links to it lead nowhere'
    ], err
    assert "write withdrawn: with the day in place of draft:" in err, err
    assert not (site.output / "2020/03/le-hoi").exists()
    assert site.build("--no-search") == 0  # said once
    assert ": warning: " not in capsys.readouterr().err


def test_a_deleted_articles_address_held_only_by_a_drafts_alias_is_said(site, capsys):
    """A draft publishes nothing, its aliases neither: one naming the address of an
    article whose file was then deleted kept that deletion from being said."""
    a = site.add("2020/03/a.md", article("Lễ hội", "2020-03-05 08:00"))
    site.add(
        "2020/03/b.md",
        article("Lễ hội mới", "2020-03-06 08:00", draft="true", aliases="[/2020/03/le-hoi/]"),
    )
    assert site.build("--no-search") == 0
    capsys.readouterr()
    a.unlink()
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert "published by the last build at /2020/03/le-hoi/, is no longer among" in err, err


@pytest.mark.parametrize(
    "other", ["--offline", "--output elsewhere", "--output _site", "--output ../_site"]
)
def test_a_build_of_another_folder_does_not_use_up_what_the_served_site_is_told(
    site, capsys, other
):
    """An --offline build (into _site-offline) said the article whose file was deleted
    and the one whose address changed, and the next build of _site, the served site,
    said neither: the alias line to add was never seen by whoever publishes. So did a
    build into any other folder (--output /tmp/x); not one into _site named so."""
    option, _, folder = other.partition(" ")
    if folder == "../_site":  # site.yaml names _site through a folder beside it
        site.configure(output_dir="content/../_site")
        folder = "_site"
    args = [option, str(site.root / folder)] if folder else [option]
    site.add("2020/03/a.md", article("Lễ hội", "2020-03-05 08:00"))
    b = site.add("2020/03/b.md", article("Hội nghị", "2020-03-06 08:00"))
    site.add("2020/03/c.md", article("Tin khác", "2020-03-07 08:00"))
    assert site.build("--no-search") == 0
    capsys.readouterr()

    (site.content / "2020/03/a.md").unlink()
    b.write_text(article("Hội nghị lớn", "2020-03-06 08:00"), "utf-8")
    told = [
        "a.md: warning: this article, published by the last build at /2020/03/le-hoi/",
        "b.md:2: warning: the article's address changed from /2020/03/hoi-nghi/ to "
        "/2020/03/hoi-nghi-lon/",
    ]
    if folder == "_site":  # the served site's, named
        assert site.build("--no-search", *args) == 0
        err = capsys.readouterr().err
        assert all(said in err for said in told), err
    else:
        for again in (args, args, []):
            assert site.build("--no-search", *again) == 0
            err = capsys.readouterr().err
            for said in told:
                assert said in err, (again, err)
    assert site.build("--no-search") == 0  # said once to the served site
    assert ": warning: " not in capsys.readouterr().err


def test_a_category_whose_last_article_is_withdrawn_is_said(site, capsys):
    """Withdrawing a category's only article removed its page and its feed with only
    "4 deleted" said (integ14): readers' links and subscriptions died unannounced. The
    warning names them and the site.yaml line that leads them to another category."""
    a = site.add("2020/03/a.md", article("Tin một", "2020-03-01 08:00", category="Rao vặt"))
    site.add("2020/03/b.md", article("Tin hai", "2020-03-02 08:00", category="Văn hóa"))
    assert site.build("--no-search") == 0
    capsys.readouterr()
    a.write_text(
        article("Tin một", "2020-03-01 08:00", category="Rao vặt", withdrawn="2026-03-05"),
        "utf-8",
    )
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert (
        "a.md:4: warning: the category 'Rao vặt' has no article any more (its last "
        "article was withdrawn): its page /chuyen-muc/rao-vat/ and its feed "
        "/chuyen-muc/rao-vat/feed.xml are gone"
    ) in err, err
    assert (
        "to keep them leading to another category, add this line to site.yaml: "
        'renamed_categories: {"Rao vặt": "<another category>"}'
    ) in err, err
    assert not (site.output / "chuyen-muc" / "rao-vat").exists()
    assert site.build("--no-search") == 0  # said once
    assert "has no article any more" not in capsys.readouterr().err
    # The fix as said, with another category for the placeholder: the address leads there.
    site.configure(renamed_categories={"Rao vặt": "Văn hóa"})
    assert site.build("--no-search") == 0
    page = (site.output / "chuyen-muc" / "rao-vat" / "index.html").read_text("utf-8")
    assert "van-hoa/" in page


def test_a_category_renamed_in_its_articles_is_said_once(site, capsys):
    """Renaming a category in its articles removed its page and its feed, published by
    the last build, without a word: readers' links and feed subscriptions died."""
    a = site.add("2020/03/a.md", article("Tin một", "2020-03-01 08:00", category="Tin tức"))
    site.add("2020/03/b.md", article("Tin hai", "2020-03-02 08:00", category="Tin tức"))
    site.add("2020/03/c.md", article("Tin ba", "2020-03-03 08:00", category="Văn hóa"))
    assert site.build("--no-search") == 0
    capsys.readouterr()
    a.write_text(article("Tin một", "2020-03-01 08:00", category="Thời sự"), "utf-8")
    assert site.build("--no-search") == 0
    assert "has no article any more" not in capsys.readouterr().err  # b still has it
    b = site.content / "2020/03/b.md"
    b.write_text(article("Tin hai", "2020-03-02 08:00", category="Thời sự"), "utf-8")
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert (
        "b.md:4: warning: the category 'Tin tức' has no article any more: its page "
        "/chuyen-muc/tin-tuc/ and its feed /chuyen-muc/tin-tuc/feed.xml are gone"
    ) in err, err
    assert not (site.output / "chuyen-muc" / "tin-tuc").exists()
    assert site.build("--no-search") == 0  # said once
    assert "has no article any more" not in capsys.readouterr().err


def test_a_tag_that_loses_its_last_article_is_said_with_the_line_that_keeps_it(site, capsys):
    """A tag whose last article left it (renamed in the article, or the article
    withdrawn) lost its page without a word, as categories did before (build17): the
    warning names the page and the renamed_tags line that leads it to another tag."""
    a = site.add("2020/03/a.md", article("Tin một", "2020-03-01 08:00", tags="[quy hoạch, cán bộ]"))
    b = site.add("2020/03/b.md", article("Tin hai", "2020-03-02 08:00", tags="[Rao vặt]"))
    site.add("2020/03/c.md", article("Tin ba", "2020-03-03 08:00", tags="[cán bộ]"))
    assert site.build("--no-search") == 0
    capsys.readouterr()
    a.write_text(article("Tin một", "2020-03-01 08:00", tags="[quy hoạch đô thị, cán bộ]"), "utf-8")
    b.write_text(
        article("Tin hai", "2020-03-02 08:00", tags="[Rao vặt]", withdrawn="2026-03-05"), "utf-8"
    )
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert (
        "a.md:4: warning: the tag 'quy hoạch' has no article any more: its page "
        "/the/quy-hoach/ and its numbered pages are gone, and links to them lead nowhere\n"
        "    how to fix: to keep them leading to 'quy hoạch đô thị', add this line to "
        'site.yaml: renamed_tags: {"quy hoạch": "quy hoạch đô thị"} (or write the tag '
        "quy hoạch back in its articles)"
    ) in err, err
    assert (
        "b.md:4: warning: the tag 'Rao vặt' has no article any more (its last article was "
        "withdrawn): its page /the/rao-vat/ and its numbered pages are gone"
    ) in err, err
    assert 'renamed_tags: {"Rao vặt": "<another tag>"}' in err, err
    assert "'cán bộ'" not in err, err  # c still has it
    assert site.build("--no-search") == 0  # said once
    assert "has no article any more" not in capsys.readouterr().err
    # The fix as said: the old address leads to the new tag's page.
    site.configure(renamed_tags={"quy hoạch": "quy hoạch đô thị"})
    assert site.build("--no-search") == 0
    assert "the/quy-hoach-do-thi/" in (site.output / "the/quy-hoach/index.html").read_text("utf-8")


def test_a_category_whose_last_article_file_is_deleted_is_said(site, capsys):
    """Deleting a category's only article file took the category's page and feed with
    it; the build named the article's address only (sources.gone)."""
    a = site.add("2020/03/a.md", article("Tin một", "2020-03-01 08:00", category="Rao vặt"))
    site.add("2020/03/b.md", article("Tin hai", "2020-03-02 08:00", category="Văn hóa"))
    assert site.build("--no-search") == 0
    capsys.readouterr()
    a.unlink()
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert (
        "a.md: warning: the category 'Rao vặt' has no article any more (its last article's "
        "file is gone): its page /chuyen-muc/rao-vat/ and its feed "
        "/chuyen-muc/rao-vat/feed.xml are gone"
    ) in err, err
    assert 'renamed_categories: {"Rao vặt": "<another category>"}' in err, err


def test_a_date_written_month_first_in_a_month_folder_is_said(site, capsys):
    """`date: 5/3/2021` in content/2021/05/ (where `new` files a May article), written
    month first as in English, is read day first: 5 March, published under /2021/03/
    without a word. The build says so at the date's line; an ISO date (year
    first, unambiguous) or a date in its own month's folder is not questioned."""
    site.add("2021/05/hop-dan.md", article("Họp dân phường", "5/3/2021 08:00"))
    site.add("2021/05/iso.md", article("Bài ISO", "2021-03-05 08:00"))
    site.add("2021/03/dung.md", article("Bài đúng tháng", "5/3/2021 09:00"))
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert warnings == [
        f"{site.content / '2021/05/hop-dan.md'}:3: warning: the date is read day first: "
        "05/03/2021, 5 March, yet the file is in the folder of month 5; the article is "
        "published under 2021/03"
    ], err
    assert "write it day first: 3/5/2021" in err
    assert site.build("--no-search") == 0  # said until put right
    assert "read day first" in capsys.readouterr().err
    moved_to = site.content / "2021/03/hop-dan.md"
    (site.content / "2021/05/hop-dan.md").rename(moved_to)
    assert site.build("--no-search") == 0
    assert "read day first" not in capsys.readouterr().err


def test_a_published_date_rewritten_month_first_asks_for_the_date_before_an_alias(site, capsys):
    """A published article's date rewritten `5/3/2021` (3 May, month first) in
    content/2021/05/ moved it to /2021/03/: the first warning said its address changed,
    with the fix "add it to the front matter: aliases: [/2021/05/hop-dan-phuong/]", and
    only the one after it said the date was read day first (edit's audit). Followed in
    order, the fixes kept the wrong date and added an alias. The date is said first now,
    and the address's fix sends the editor to it before offering the alias."""
    path = site.add("2021/05/hop-dan.md", article("Họp dân phường", "3/5/2021 08:00"))
    assert site.build("--no-search") == 0
    capsys.readouterr()
    path.write_text(article("Họp dân phường", "5/3/2021 08:00"), "utf-8")
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    warnings = [
        line.split(": warning: ")[1][:40] for line in err.splitlines() if ": warning: " in line
    ]
    assert warnings == [
        "the date is read day first: 05/03/2021, ",
        "the article's address changed from /2021",
    ], err
    fix = err.split("the article's address changed from")[1].split("how to fix: ")[1]
    assert fix.startswith(
        "first check the date (said above): written day first, 3/5/2021, it gives the "
        "article its old address back; if the date is right, to keep the old address "
        "working, add it to the front matter: aliases: [/2021/05/hop-dan-phuong/]"
    ), fix


def test_a_month_first_date_put_right_does_not_ask_for_the_mistakes_address(site, capsys):
    """Once the date said to be read day first was put right (3/5/2021 for 5/3/2021),
    the next build asked, as its first fix, for an alias of the address the mistake
    had made (/2021/03/…), which lived for one build: the editor who follows it keeps a
    page at an address no reader ever cited. The fix now says that nothing is needed
    for that address, and gives the alias only for when it was published."""
    path = site.add("2021/05/hop-dan.md", article("Họp dân phường", "5/3/2021 08:00"))
    assert site.build("--no-search") == 0
    assert "read day first" in capsys.readouterr().err
    path.write_text(article("Họp dân phường", "3/5/2021 08:00"), "utf-8")
    assert site.build("--no-search") == 0
    err = capsys.readouterr().err
    assert "address changed from /2021/03/hop-dan-phuong/ to /2021/05/hop-dan-phuong/" in err
    fix = err.split("how to fix: ")[1]
    assert fix.startswith(
        "the last build read its date day first, 05/03/2021: if /2021/03/hop-dan-phuong/ was "
        "only that mistake's address, nothing more is needed; if it was published, add it "
        "to the front matter: aliases: [/2021/03/hop-dan-phuong/]"
    ), fix


def test_a_link_to_a_heading_at_an_old_address_lands_on_the_heading(site, browser, capsys):
    """Imported articles link to each other by the old portal's addresses, which became
    aliases: a link to a heading there (/tin-cu/#muc-hai) was reported by check as
    pointing nowhere, and the redirect page (meta refresh) dropped the #heading. Check
    looks for the heading where the alias leads, and with JavaScript the reader lands
    on it; a heading that is not there is still reported."""
    body = "Mở đầu.\n\n## Mục hai\n\n" + "Đoạn văn dài.\n\n" * 80
    site.add("2020/03/dich.md", with_aliases("Bài đích", "2020-03-05 08:00", "/tin-cu/"))
    target = site.content / "2020/03/dich.md"
    target.write_text(target.read_text(encoding="utf-8") + body, encoding="utf-8")
    site.add(
        "2020/04/nguon.md",
        article("Bài nguồn", "2020-04-01 08:00", "Xem [mục hai](/tin-cu/#muc-hai)."),
    )
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 0, (
        capsys.readouterr().err.err
    )
    assert site.build("--no-search") == 0
    page = browser.new_page(viewport={"width": 360, "height": 640})
    with serve(site.output) as address:
        page.goto(address + "2020/04/bai-nguon/")
        page.click("main a[href*='tin-cu']")
        page.wait_for_url("**/2020/03/bai-dich/#muc-hai")
        assert page.evaluate("document.getElementById('muc-hai').getBoundingClientRect().top") < 100
    page.close()
    site.add(
        "2020/04/nguon.md",
        article("Bài nguồn", "2020-04-01 08:00", "Xem [mục](/tin-cu/#khong-co)."),
    )
    capsys.readouterr()
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    assert (
        "the link '/tin-cu/#khong-co' opens /2020/03/bai-dich/ (where its old address "
        "leads) without the heading or id it names" in capsys.readouterr().err
    )


def test_an_alias_written_as_the_archives_own_address_names_the_path_after_base_url(site, capsys):
    """An alias copied from the archive's own page, on a site under a sub-path
    (https://newsarchive.github.io/newsarchive/), was told to write the path after the
    host, /newsarchive/2019/04/tin-cu/: an alias the site serves at
    …/newsarchive/newsarchive/2019/04/tin-cu/, which no old link names. The message says
    it is the archive's own address and which path to write, in an article and a page."""
    base_url = "https://newsarchive.github.io/newsarchive/"
    site.configure(base_url=base_url)
    own = "HTTPS://NewsArchive.github.io/newsarchive/2019/04/tin-cu/"
    site.add("a.md", article("Tin", "2020-01-01", aliases=f"[{own}]"))
    site.add("pages/gioi-thieu.md", f"---\ntitle: Giới thiệu\naliases: [{own}]\n---\nText\n")
    assert site.build("--quiet", "--no-search") == 1
    err = capsys.readouterr().err
    said = (
        f"alias '{own}' is this archive's own address (base_url {base_url}): an alias is "
        "written as the path after it, /2019/04/tin-cu/"
    )
    assert f"a.md:4: error: {said}" in err, err
    assert f"gioi-thieu.md:3: error: {said}" in err, err
    assert "/newsarchive/2019" not in err.replace(own, "").replace(base_url, ""), err


@pytest.mark.parametrize("alias", ["/C:/Users/lan/tin.html", "/d:tin.html"])
def test_an_alias_that_names_a_windows_drive_is_an_error(site, capsys, alias):
    """On Windows the build writes the output file Path(_site) / "C:/Users/lan/tin.html/
    index.html", which is that absolute path (and "d:tin.html" one relative to drive d:'s
    folder): an editor's alias wrote outside the site on a colleague's computer."""
    err = refused(site, capsys, alias)
    assert f"tin-moi.md:{ALIAS_LINE}: error: alias " in err
    assert "drive" in err, err
