"""Takedowns and corrections: an article marked `withdrawn:` leaves every list, feed,
sitemap and search result as if deleted, while its address and its old addresses answer
with a notice; `corrections:` are shown in the article's footer, newest first."""

import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import WORDS, article, tree
from pages import SITEMAP, output_file, resolve, sitemap_parts, soup

from newsarchive.cli import main
from newsarchive.pipeline import SEARCH_FOLDER
from newsarchive.search.engine import Index, search

OLDER = article(
    "Hội nghị cán bộ",
    "2020-01-02 08:00",
    "Hội nghị cán bộ phường.",
    category="Tin tức",
    tags="[cán bộ]",
)
NEWER = article(
    "Hội thảo cán bộ",
    "2020-02-05 08:00",
    "Hội thảo cán bộ quận.",
    category="Tin tức",
    tags="[cán bộ]",
)
# The article to take down, between the two, alone in its month, with its own tag.
TAKEN = """---
title: Ông Nguyễn Văn A bị phạt
date: 2020-01-20 09:30
category: Tin tức
tags: [cán bộ, xử phạt]
summary: Tóm tắt riêng tư.
aliases: [/tin-tuc/ong-a-123.html]
{withdrawn}---
{body}"""
WITHDRAWN = (
    "withdrawn:\n  date: 2026-03-05\n  reason: Gỡ theo yêu cầu của người có tên trong bài.\n"
)
URL = "2020/01/ong-nguyen-van-a-bi-phat/"
ALIAS = "tin-tuc/ong-a-123.html"


def taken(withdrawn: str = WITHDRAWN, body: str = "") -> str:
    return TAKEN.format(withdrawn=withdrawn, body=body)


@pytest.fixture
def takedown(site):
    site.add("2020/01/hoi-nghi.md", OLDER)
    site.add("2020/02/hoi-thao.md", NEWER)
    site.add("2020/01/ong-a.md", taken())
    assert site.build("--quiet") == 0
    return site


def test_the_address_answers_with_a_notice_of_the_takedown(takedown):
    page = soup(takedown.output, URL)
    main = page.select_one("main")
    assert main.h1.get_text() == WORDS["withdrawn_title"]  # a fork's words, whatever they are
    text = main.get_text(" ", strip=True)
    assert f"{WORDS['withdrawn_article']}: Ông Nguyễn Văn A bị phạt" in text
    assert f"{WORDS['published_on']} 20/01/2020 | 09:30" in text
    assert f"{WORDS['withdrawn_on']} 05/03/2026" in text
    assert f"{WORDS['withdrawn_reason']}: Gỡ theo yêu cầu của người có tên trong bài." in text
    assert main.find("time", datetime="2026-03-05") is not None
    # Nothing of the article but its title and date; out of search engines.
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("meta", attrs={"name": "description"}) is None
    assert page.find("meta", property="og:title") is None
    assert page.find("link", rel="canonical") is None
    assert "Tóm tắt riêng tư" not in str(page)
    assert page.title.get_text().startswith("Bài viết đã được gỡ khỏi bản lưu trữ \N{EN DASH} ")
    # The site's look: its header and menu, and ways on from here that lead somewhere.
    assert page.select_one(".site-nav") is not None
    for a in main.select("a"):
        assert output_file(takedown.output, resolve(URL, a["href"])).is_file()


def test_the_old_address_leads_to_the_notice(takedown):
    page = soup(takedown.output, ALIAS)
    assert resolve(ALIAS, page.find("a")["href"]) == URL
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_without_a_reason_the_notice_gives_none(site):
    site.add("2020/01/ong-a.md", taken("withdrawn: 05/03/2026\n"))
    assert site.build("--quiet") == 0
    text = soup(site.output, URL).select_one("main").get_text(" ", strip=True)
    assert "Ngày gỡ 05/03/2026" in text and "Lý do" not in text


def test_the_site_is_as_if_the_article_were_absent_but_for_its_addresses(takedown, tmp_path):
    """Every list, month, year, count, category, tag, feed, sitemap part, related list,
    older/newer link and the search index: the bytes of a site without the file."""
    withdrawn = tree(takedown.output)
    (takedown.content / "2020/01/ong-a.md").unlink()
    assert takedown.build("--quiet", "--output", str(tmp_path / "absent"), "--no-cache") == 0
    absent = tree(tmp_path / "absent")
    notices = {output_file(takedown.output, URL), output_file(takedown.output, ALIAS)}
    assert {takedown.output / rel for rel in withdrawn.keys() - absent.keys()} == notices
    assert {rel: data for rel, data in withdrawn.items() if rel in absent} == absent
    index = Index(takedown.output / SEARCH_FOLDER)
    assert [hit.url for hit in search(index, "xử phạt", limit=10).hits] == []
    assert [hit.url for hit in search(index, "cán bộ", limit=10).hits] != []


def test_no_page_links_to_the_withdrawn_article_but_its_old_address(takedown):
    for path in takedown.output.rglob("*"):
        rel = path.relative_to(takedown.output).as_posix()
        if path.suffix not in (".html", ".xml") or rel in (ALIAS, URL + "index.html"):
            continue
        assert "ong-nguyen-van-a" not in path.read_text(encoding="utf-8"), rel


def test_the_build_counts_it_apart(site, capsys):
    site.add("2020/01/hoi-nghi.md", OLDER)
    site.add("2020/01/ong-a.md", taken())
    capsys.readouterr()
    assert site.build() == 0
    assert "Built 1 article(s) (1 withdrawn, a notice at each address):" in capsys.readouterr().out


def test_a_draft_withdrawn_article_is_not_on_the_site_at_all(site):
    site.add("2020/01/hoi-nghi.md", OLDER)
    site.add("2020/01/ong-a.md", taken(WITHDRAWN + "draft: true\n"))
    assert site.build("--quiet") == 0
    assert not output_file(site.output, URL).exists()
    assert not output_file(site.output, ALIAS).exists()


def test_withdrawing_and_restoring_gives_the_bytes_of_a_clean_build(site, tmp_path):
    site.add("2020/01/hoi-nghi.md", OLDER)
    site.add("2020/02/hoi-thao.md", NEWER)
    site.add("2020/01/ong-a.md", taken("", "Nội dung bài."))
    for text in (taken(), taken("", "Nội dung bài."), taken(body="Nội dung bài.")):
        site.add("2020/01/ong-a.md", text)
        assert site.build("--quiet") == 0
        clean = tmp_path / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        assert site.build("--quiet", "--output", str(clean), "--no-cache") == 0
        assert tree(site.output) == tree(clean)
    for jobs in ("1", "3"):
        assert site.build("--quiet", "--no-cache", "--jobs", jobs) == 0
        assert tree(site.output) == tree(clean)


def test_check_finds_nothing_wrong_even_when_every_article_is_withdrawn(takedown, capsys):
    config = str(takedown.root / "site.yaml")
    assert main(["check", "--config", config, "--quiet"]) == 0
    (takedown.content / "2020/01/hoi-nghi.md").unlink()
    (takedown.content / "2020/02/hoi-thao.md").unlink()
    # No article listed, so no search index, although a page is at an article's address.
    assert main(["check", "--config", config, "--quiet"]) == 0, capsys.readouterr().err


def test_the_notice_works_offline(takedown):
    assert takedown.build("--quiet", "--offline") == 0
    out = takedown.root / "_site-offline"
    page = soup(out, URL + "index.html")
    for a in page.select("main a"):
        assert a["href"].endswith("index.html")
        assert output_file(out, resolve(URL + "index.html", a["href"])).is_file(), a["href"]
    redirect = soup(out, ALIAS)
    assert redirect.find("a")["href"] == "../2020/01/ong-nguyen-van-a-bi-phat/index.html"


def warnings_of(site, capsys, *args: str) -> str:
    capsys.readouterr()
    code = site.build("--quiet", *args)
    err = capsys.readouterr().err
    return f"{code}\n{err}"


def test_text_left_in_a_withdrawn_file_is_a_warning_at_its_line(site, capsys):
    site.add("2020/01/hoi-nghi.md", OLDER)
    site.add("2020/01/ong-a.md", taken(body="\nDòng đầu của bài.\n"))
    said = warnings_of(site, capsys)
    assert said.startswith("0\n")
    # Front matter on lines 1-11, a blank line, then the text.
    assert "ong-a.md:13: warning: the article is withdrawn, but its file still holds" in said
    assert "delete the text below the front matter's closing '---'" in said
    # Deleted, nothing is said.
    site.add("2020/01/ong-a.md", taken(body="\n"))
    assert warnings_of(site, capsys) == "0\n"


def test_pictures_only_withdrawn_articles_show_are_named(site, capsys):
    (site.root / "static/images").mkdir()
    for name in ("rieng.jpg", "chung.jpg", "khac.pdf"):
        (site.root / "static/images" / name).write_bytes(b"x")
    site.add("2020/01/hoi-nghi.md", OLDER.replace("phường.", "phường. ![](/images/chung.jpg)"))
    body = "Ảnh: ![](/images/rieng.jpg)\n\n![](/images/chung.jpg) [tệp](../../../images/khac.pdf)\n"
    site.add("2020/01/ong-a.md", taken(body=body))
    said = warnings_of(site, capsys)
    assert said.startswith("0\n")
    assert "then delete the files of the static folder that the next warnings name" in said
    assert (
        "ong-a.md:12:10: warning: static/images/rieng.jpg is shown only by withdrawn articles "
        "(this one links to it here): it is still published at /images/rieng.jpg" in said
    )
    assert "ong-a.md:14:30: warning: static/images/khac.pdf is shown only" in said
    assert "chung.jpg is shown only" not in said  # another article shows it too
    assert "how to fix: delete static/images/rieng.jpg (the build never deletes" in said
    assert (site.root / "static/images/rieng.jpg").exists()  # named, never deleted
    # --strict stops on them, and the site stays as it was.
    before = tree(site.output)
    said = warnings_of(site, capsys, "--strict")
    assert said.startswith("1\n") and "ong-a.md:12:10: error: static/images/rieng.jpg" in said
    assert tree(site.output) == before


CORRECTED = """---
title: Hội nghị cán bộ
date: 2020-01-02 08:00
corrections:
  - date: 2026-03-05
    text: "Sửa tên phường: Bạch Đằng, không phải Bạch Mai."
  - date: 10/04/2026
    text: Bổ sung ảnh bị thiếu <khi chép>.
  - date: 2026-03-05
    text: Sửa chính tả.
---

Nội dung.
"""


def test_two_corrections_with_one_unreadable_date_are_each_said_at_their_own(site, capsys):
    """The place of a date was searched from 'corrections:' on: the second correction's
    date, written as the first's, was said at the first's line."""
    site.add("2020/01/hoi-nghi.md", CORRECTED.replace("2026-03-05", "2026-13-05"))
    capsys.readouterr()
    assert site.build("--quiet") == 1
    err = capsys.readouterr().err
    said = [line.split(" error: ")[0] for line in err.splitlines() if "bad date in" in line]
    assert [place.rsplit("/", 1)[1] for place in said] == [
        "hoi-nghi.md:5:11:",
        "hoi-nghi.md:9:11:",
    ], err


def test_a_correction_dated_with_a_five_digit_year_is_told_the_date_to_write(site, capsys):
    """Was "'10/04/20261' is not a date I can read", with the forms to write."""
    site.add("2020/01/hoi-nghi.md", CORRECTED.replace("10/04/2026", "10/04/20261"))
    capsys.readouterr()
    assert site.build("--quiet") == 1
    err = capsys.readouterr().err
    assert (
        "hoi-nghi.md:7:11: error: bad date in correction 2 of 3: '10/04/20261': the year has "
        "5 digits (20261): a year is written in 4\n"
        "    how to fix: write the year in four digits: 10/04/2026\n"
    ) in err, err


def test_corrections_are_shown_newest_first_above_the_provenance(site):
    site.add("2020/01/hoi-nghi.md", CORRECTED)
    assert site.build("--quiet") == 0
    page = soup(site.output, "2020/01/hoi-nghi-can-bo/")
    footer = page.select_one("footer.article-meta")
    sections = footer.select("section")
    assert [s.h2.get_text() for s in sections] == ["Đính chính", "Nguồn gốc bài viết"]
    items = [li.get_text() for li in sections[0].select("li")]
    assert items == [
        "10/04/2026: Bổ sung ảnh bị thiếu <khi chép>.",
        "05/03/2026: Sửa tên phường: Bạch Đằng, không phải Bạch Mai.",
        "05/03/2026: Sửa chính tả.",
    ]
    assert [t["datetime"] for t in sections[0].select("time")] == [
        "2026-04-10",
        "2026-03-05",
        "2026-03-05",
    ]


def test_an_article_without_corrections_is_not_a_byte_longer(site, tmp_path):
    site.add("2020/01/hoi-nghi.md", OLDER)
    assert site.build("--quiet") == 0
    html = site.read("2020/01/hoi-nghi-can-bo/index.html")
    assert "Đính chính" not in html and "corrections" not in html
    # The same page with the part of the template that shows corrections taken out.
    template = site.root / "templates/article.html"
    text = template.read_text(encoding="utf-8")
    start = text.index("{% if article.corrections %}")
    end = text.index("{% endif %}", start) + len("{% endif %}\n")
    template.write_text(text[:start] + text[end:], encoding="utf-8")
    assert site.build("--quiet") == 0
    assert site.read("2020/01/hoi-nghi-can-bo/index.html") == html


def test_a_correction_dates_the_articles_last_change(site):
    """Search engines and feed readers learn that the article changed on the day of its
    newest correction: sitemap, feed entry, the feed itself and the page's microdata."""
    site.configure(base_url="https://example.org/")
    site.add("2020/01/hoi-nghi.md", CORRECTED)
    site.add("2020/02/hoi-thao.md", NEWER)
    assert site.build("--quiet") == 0
    url = "https://example.org/2020/01/hoi-nghi-can-bo/"
    lastmods = {
        entry.findtext(f"{SITEMAP}loc"): entry.findtext(f"{SITEMAP}lastmod")
        for part in sitemap_parts(site.output, "https://example.org/").values()
        for entry in part
    }
    assert lastmods[url] == "2026-04-10"
    assert lastmods["https://example.org/2020/02/hoi-thao-can-bo/"] == "2020-02-05"

    feed = BeautifulSoup(site.read("feed.xml"), "xml")
    entries = {e.id.get_text(): e for e in feed.find_all("entry")}
    assert entries[url].published.get_text() == "2020-01-02T08:00:00+07:00"
    assert entries[url].updated.get_text() == "2026-04-10T00:00:00+07:00"
    assert feed.feed.find("updated", recursive=False).get_text() == "2026-04-10T00:00:00+07:00"

    page = soup(site.output, "2020/01/hoi-nghi-can-bo/")
    assert [t["datetime"] for t in page.select("[itemprop=dateModified]")] == ["2026-04-10"]
    assert not soup(site.output, "2020/02/hoi-thao-can-bo/").select("[itemprop=dateModified]")


def test_a_correction_on_the_day_of_publication_dates_nothing_before_it(site):
    site.add(
        "2020/01/hoi-nghi.md",
        CORRECTED.replace(
            "  - date: 10/04/2026\n    text: Bổ sung ảnh bị thiếu <khi chép>.\n", ""
        ).replace("2026-03-05", "2020-01-02"),
    )
    assert site.build("--quiet") == 0
    feed = BeautifulSoup(site.read("feed.xml"), "xml")
    assert feed.entry.updated.get_text() == "2020-01-02T08:00:00+07:00"


def test_check_repeats_what_the_build_warns_of(site, capsys):
    """`check` is what an editor runs before publishing: the text a withdrawn article's
    file still holds, and a refused link address, are said there too; a link to no page
    is its own error, said once."""
    site.add("2020/01/hoi-nghi.md", OLDER.replace("phường.", "phường [x](javascript:alert(1))."))
    site.add("2020/01/ong-a.md", taken(body="\nDòng đầu của bài.\n"))
    config = str(site.root / "site.yaml")
    capsys.readouterr()
    assert main(["check", "--config", config]) == 0
    said = capsys.readouterr()
    assert "ong-a.md:13: warning: the article is withdrawn, but its file still holds" in said.err
    assert "hoi-nghi.md:" in said.err and "'javascript:alert(1)' is not allowed" in said.err
    assert "no problems; 2 warning(s) (see above)" in said.out

    site.add("2020/01/hoi-nghi.md", OLDER.replace("phường.", "phường [x](/2020/01/khong-co/)."))
    assert main(["check", "--config", config]) == 1
    err = capsys.readouterr().err
    assert err.count("khong-co/") == 1 and "error: in the page /2020/01/hoi-nghi-can-bo/" in err
