"""An article page: previous/next by date, breadcrumbs, related articles, links
to its category and tags, Open Graph and schema.org NewsArticle (microdata), the archive
banner."""

from conftest import WORDS, article
from corpus import CATEGORIES, CORPUS, oldest_first, tag_slug
from pages import link, listed, soup

BASE = "https://example.org/repo/"


def test_previous_and_next_articles_follow_the_dates(corpus_site):
    assert corpus_site.build("--quiet") == 0
    ordered = oldest_first(CORPUS)
    for i, entry in enumerate(ordered):
        older = ordered[i - 1].url if i else None
        newer = ordered[i + 1].url if i + 1 < len(ordered) else None
        assert link(corpus_site.output, entry.url, ".article-nav .older a") == older
        assert link(corpus_site.output, entry.url, ".article-nav .newer a") == newer


def test_breadcrumbs_lead_home_then_to_the_category(corpus_site):
    assert corpus_site.build("--quiet") == 0
    for entry in CORPUS:
        crumbs = soup(corpus_site.output, entry.url).select(".breadcrumbs li")
        targets = listed(corpus_site.output, entry.url, ".breadcrumbs a")
        # The trail ends at where the article is filed, every step a link: the
        # title follows as the heading (on a phone, a long title was said twice).
        assert len(crumbs) == 3 and len(targets) == 3
        assert entry.title not in crumbs[-1].get_text()
        assert crumbs[0].get_text() == WORDS["home"] and targets[0] == ""
        if entry.category:
            assert targets[1:] == ["chuyen-muc/", f"chuyen-muc/{CATEGORIES[entry.category]}/"]
            assert crumbs[2].get_text() == entry.category
        else:  # no category: the month it belongs to
            assert targets[1:] == ["luu-tru/", f"{entry.published:%Y/%m}/"]


def test_related_articles_are_earlier_and_share_a_tag_or_category(corpus_site):
    assert corpus_site.build("--quiet") == 0
    by_url = {e.url: e for e in CORPUS}
    ordered = oldest_first(CORPUS)
    with_related = 0
    for i, entry in enumerate(ordered):
        related = listed(corpus_site.output, entry.url, ".related a")
        earlier_sharing = [
            e
            for e in ordered[:i]
            if e.tag_slugs & entry.tag_slugs or (e.category and e.category == entry.category)
        ]
        # Three (issue 17: each is some 200 bytes on every article page).
        assert len(related) == min(3, len(earlier_sharing)), entry.slug
        assert len(set(related)) == len(related)
        for url in related:
            other = by_url[url]
            assert (other.published, other.slug) < (entry.published, entry.slug)
            assert other.tag_slugs & entry.tag_slugs or other.category == entry.category
        # Sharing a tag ranks above sharing only the category.
        scores = [
            2 * len(by_url[u].tag_slugs & entry.tag_slugs)
            + bool(entry.category and by_url[u].category == entry.category)
            for u in related
        ]
        assert scores == sorted(scores, reverse=True)
        with_related += bool(related)
    assert with_related > len(CORPUS) // 2


def test_category_and_tags_link_to_their_pages(corpus_site):
    assert corpus_site.build("--quiet") == 0
    entry = next(e for e in CORPUS if e.category and len(e.tags) == 2)
    # The trail's last step, just above the title (issue 17: no second category link).
    assert link(corpus_site.output, entry.url, ".breadcrumbs li:last-child a") == (
        f"chuyen-muc/{CATEGORIES[entry.category]}/"
    )
    assert listed(corpus_site.output, entry.url, ".article-tags a") == [
        f"the/{tag_slug(t)}/" for t in entry.tags
    ]


def test_the_trail_and_tag_links_name_a_category_and_tag_as_the_oldest_article_does(site):
    site.add("a.md", article("Bài cũ", "2019-04-19", category="Tin tức - Sự kiện", tags="[Cán bộ]"))
    site.add(
        "b.md",
        article("Bài mới", "2019-04-20", category="tin tức - sự kiện", tags="[CÁN BỘ, Y tế]"),
    )
    assert site.build("--quiet") == 0
    page = soup(site.output, "2019/04/bai-moi/")
    assert page.select(".breadcrumbs li")[-1].get_text() == "Tin tức - Sự kiện"
    assert [a.get_text() for a in page.select(".article-tags a")] == ["Cán bộ", "Y tế"]


def test_a_bold_lead_is_the_summary_without_its_marks(site):
    """The usual lead of a Vietnamese news article is a bold first paragraph: it is
    the description and the summary in lists, emphasis marks (* and _) left out."""
    site.add(
        "a.md",
        article(
            "Bài thử",
            "2019-04-20 10:00",
            "**(HBT) - Sáng 20/4, Quận ủy tổ chức hội nghị.**\n\nTài liệu _mật_.",
        ),
    )
    site.add("b.md", article("Chỉ một đoạn", "2019-04-21 10:00", "Tài liệu _mật_ **đậm**."))
    assert site.build("--quiet") == 0
    descriptions = {
        url: soup(site.output, url).find("meta", attrs={"name": "description"})["content"]
        for url in ("2019/04/bai-thu/", "2019/04/chi-mot-doan/")
    }
    assert descriptions == {
        "2019/04/bai-thu/": "(HBT) - Sáng 20/4, Quận ủy tổ chức hội nghị.",
        "2019/04/chi-mot-doan/": "Tài liệu mật đậm.",
    }
    summaries = [p.get_text() for p in soup(site.output, "").select(".article-list li > p")]
    assert summaries[1::2] == ["Tài liệu mật đậm.", "(HBT) - Sáng 20/4, Quận ủy tổ chức hội nghị."]


def microdata(page) -> dict[str, object]:
    """The NewsArticle's own properties: itemprop -> datetime or text; a nested item
    (the author) -> (its type, its name)."""
    item = page.select_one('[itemscope][itemtype="https://schema.org/NewsArticle"]')
    assert item is not None
    values: dict[str, object] = {}
    for element in item.select("[itemprop]"):
        if element.find_parent(attrs={"itemscope": True}) is not item:
            continue  # a property of a nested item
        if element.has_attr("itemscope"):
            name = element.select_one("[itemprop=name]").get_text()
            values[element["itemprop"]] = (element["itemtype"], name)
        elif element.name in ("a", "link"):
            values[element["itemprop"]] = element["href"]  # microdata: a link's value
        else:
            values[element["itemprop"]] = element.get("datetime") or element.get_text()
    return values


def test_open_graph_and_news_article_microdata(site):
    site.configure(base_url=BASE)
    site.add(
        "a.md",
        article("Tin có tóm tắt", "2020-01-01 08:30", summary="Tóm tắt.", author="Minh Anh"),
    )
    assert site.build("--quiet") == 0
    url = "2020/01/tin-co-tom-tat/"
    page = soup(site.output, url)
    og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    # Said once (issue 17): the description is also og:description; og:title is the title
    # without the site's name. A preview takes the address from the canonical link.
    assert og == {
        "og:title": "Tin có tóm tắt",
        "og:description": "Tóm tắt.",
        "article:published_time": "2020-01-01T08:30:00+07:00",
    }
    assert page.find("meta", attrs={"name": "description"})["property"] == "og:description"
    assert page.find("link", rel="canonical")["href"] == BASE + url
    # schema.org NewsArticle as microdata on what the page shows, not a JSON-LD copy.
    assert page.find("script", type="application/ld+json") is None
    assert microdata(page) == {
        "headline": "Tin có tóm tắt",
        "datePublished": "2020-01-01T08:30:00+07:00",
        "author": ("https://schema.org/Person", "Minh Anh"),
    }


def test_the_news_article_names_the_page_it_is_a_copy_of(site):
    # A citation tool or a crawler reading the NewsArticle learns which portal page the
    # archive copied (isBasedOn), as the reader does from "Bài gốc"; without a known
    # original, the item claims none.
    site.add("a.md", article("Có nguồn", "2020-01-01", source_url="http://hbt.vn/tin/a.html?id=5"))
    site.add("b.md", article("Không nguồn", "2020-01-02"))
    assert site.build("--quiet") == 0
    copied = microdata(soup(site.output, "2020/01/co-nguon/"))
    assert copied["isBasedOn"] == "http://hbt.vn/tin/a.html?id=5"
    assert "isBasedOn" not in microdata(soup(site.output, "2020/01/khong-nguon/"))


def test_a_reference_manager_reads_the_date_from_the_head(site):
    # Zotero reads no microdata (zotero/translators#366): its Embedded Metadata translator
    # takes the title from og:title and the date from article:published_time, so without
    # it a researcher's saved article had no date. The same value as the page's <time>.
    site.add("a.md", article("Có giờ", "2020-01-01 08:30"))
    site.add("b.md", article("Chỉ có ngày", "2013-07-10"))
    assert site.build("--quiet") == 0
    for url, day in (
        ("2020/01/co-gio/", "2020-01-01T08:30:00+07:00"),
        ("2013/07/chi-co-ngay/", "2013-07-10"),
    ):
        page = soup(site.output, url)
        assert page.find("meta", property="article:published_time")["content"] == day, url
        assert microdata(page)["datePublished"] == day, url
    assert soup(site.output, "").find("meta", property="article:published_time") is None


def test_a_title_cannot_break_the_page_or_its_metadata(site):
    site.add("a.md", article('"Tiêu đề </script><b>lạ</b>"', "2020-01-01"))
    assert site.build("--quiet") == 0
    page = soup(site.output, "2020/01/tieu-de-script-b-la-b/")
    assert microdata(page)["headline"] == "Tiêu đề </script><b>lạ</b>"
    assert page.find("meta", property="og:title")["content"] == "Tiêu đề </script><b>lạ</b>"


def test_the_footer_names_the_original_site_and_the_provenance_the_article_source(site):
    # The banner no longer repeats an article's source (issue 17: the provenance at the
    # article's end gives it, and phones hid the banner's copy). The original site is
    # named in the footer, where it is reached by Tab after the content at any text
    # size (test_reader_hard_cases); the banner holds the notice alone.
    site.configure(banner="Bản lưu trữ chỉ đọc.", original_site="http://haibatrung.hanoi.gov.vn/")
    site.add(
        "a.md",
        article("Có nguồn", "2020-01-01", source_url="http://haibatrung.hanoi.gov.vn/tin/a.html"),
    )
    site.add("b.md", article("Không nguồn", "2020-01-02"))
    assert site.build("--quiet") == 0
    for url in ("", "luu-tru/", "2020/01/", "chuyen-muc/", "2020/01/co-nguon/", "404.html"):
        page = soup(site.output, url)
        banner = page.select_one(".archive-banner")
        assert banner.get_text(strip=True) == "Bản lưu trữ chỉ đọc.", url
        original = page.select(".site-footer a[rel=nofollow]")
        assert [a["href"] for a in original] == ["http://haibatrung.hanoi.gov.vn/"], url
        assert original[0].parent.get_text().startswith(f"{WORDS['original_site']}: "), url
    page = soup(site.output, "2020/01/co-nguon/")
    source = page.select_one(".provenance a")
    assert source["href"] == "http://haibatrung.hanoi.gov.vn/tin/a.html"


def test_without_a_banner_setting_a_default_notice_is_shown(site):
    site.configure(banner=None)
    site.add("a.md", article("Tin", "2020-01-01"))
    assert site.build("--quiet") == 0
    assert "chỉ đọc" in soup(site.output, "").select_one(".archive-banner").get_text()


def test_original_site_must_be_a_web_address(site, capsys):
    site.configure(original_site="haibatrung.hanoi.gov.vn")
    site.add("a.md", article("Tin", "2020-01-01"))
    assert site.build("--quiet") == 1
    err = capsys.readouterr().err
    assert "site.yaml" in err and "original_site" in err and "http" in err


def test_an_article_dated_by_day_only_shows_no_midnight_hour(site):
    """`date: 2020-03-05` (as most imported articles are dated) showed "05/03/2020 |
    00:00" on its page and in lists: an hour nobody wrote. A day-only date shows the day,
    machine-readable as a date; an article written with its hour keeps it."""
    site.add("2020/03/a.md", article("Tin theo ngày", "2020-03-05", category="Tin tức"))
    site.add("2020/03/b.md", article("Tin có giờ", "2020-03-06 08:30", category="Tin tức"))
    assert site.build("--quiet") == 0
    for url, iso, shown in (
        ("2020/03/tin-theo-ngay/", "2020-03-05", "05/03/2020"),
        ("2020/03/tin-co-gio/", "2020-03-06T08:30:00+07:00", "06/03/2020 | 08:30"),
    ):
        time = soup(site.output, url).select_one(".article-date time")
        assert (time["datetime"], time.get_text()) == (iso, shown)
    # A list shows the same; the machine-readable date is on the article's page.
    lines = soup(site.output, "chuyen-muc/tin-tuc/").select(".article-list h2 + p")
    listed_days = [line.get_text().split(" · ")[0] for line in lines]
    assert listed_days == ["06/03/2020 | 08:30", "05/03/2020"]


def test_an_article_in_another_language_is_marked_so_and_the_site_words_are_not(site, capsys):
    """A portal's English section, imported: its page said lang="vi" for English text
    (a screen reader read it with Vietnamese sounds). The title and text take the
    article's language wherever they are shown; the site's own words keep the site's."""
    site.add(
        "2020/01/en.md",
        article(
            "District leaders meet voters",
            "2020-01-02 08:00",
            "The meeting was held on Monday.",
            language="en",
            category="Tin tức",
            tags="[bầu cử]",
            summary="Voters asked about the new park.",
        ),
    )
    site.add("2020/01/vi.md", article("Lãnh đạo quận tiếp xúc cử tri", "2020-01-03 08:00"))
    assert site.build() == 0
    page = soup(site.output, "2020/01/district-leaders-meet-voters/")
    assert page.html["lang"] == "vi"
    marked = page.select("[lang=en]")
    assert [e.name for e in marked] == ["h1", "div"]
    assert marked[0].get_text() == "District leaders meet voters"
    assert marked[1].get_text(strip=True) == "The meeting was held on Monday."
    # Its neighbour names it in English; the Vietnamese article marks nothing.
    other = soup(site.output, "2020/01/lanh-dao-quan-tiep-xuc-cu-tri/")
    # The title only: the link's label ("Bài trước:") is the site's own Vietnamese.
    assert [e.name for e in other.select("[lang]")] == ["html", "b"]
    assert [e.get_text() for e in other.select("a [lang=en]")] == ["District leaders meet voters"]
    older = other.select_one(".article-nav a")
    assert older.get_text() == f"{WORDS['older_article']}: District leaders meet voters"
    for listing in ("", "chuyen-muc/tin-tuc/", "the/bau-cu/", "2020/01/"):
        titles = soup(site.output, listing).select(".article-list a[lang=en]")
        assert [a.get_text() for a in titles] == ["District leaders meet voters"], listing
    summary = soup(site.output, "").select(".article-list p[lang=en]")
    assert [p.get_text() for p in summary] == ["Voters asked about the new park."]
    feed = (site.output / "feed.xml").read_text(encoding="utf-8")
    assert feed.count('<entry xml:lang="en">') == 1 and feed.count("<entry>") == 1

    site.add("2020/01/en.md", article("District", "2020-01-02 08:00", language="en_US"))
    capsys.readouterr()
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "content/2020/01/en.md:4: error: language 'en_US' is not a language code" in err
    assert "e.g. language: en" in err


def test_sections_headed_with_one_hash_are_under_the_title_the_pages_one_h1(site):
    """An editor who heads an article's sections with `#` made a second <h1> beside the
    title (screen readers list the page's outline by them). Such a body's headings are
    each one level lower, their ranks kept; a body headed from `##` is as written."""
    one = "# Phần một\n\nChữ.\n\n## Mục a\n\nChữ.\n\n# Phần hai\n\nChữ.\n"
    site.add("a.md", article("Bài có mục", "2019-04-20 10:00", one))
    site.add("b.md", article("Bài thường", "2019-04-21 10:00", "## Mục\n\nChữ.\n\n### Ý\n"))
    assert site.build("--quiet") == 0
    outline = {
        url: [
            (h.name, h.get_text(), h.get("id"))
            for h in soup(site.output, url).select("h1, h2, h3, h4")
        ]
        for url in ("2019/04/bai-co-muc/", "2019/04/bai-thuong/")
    }
    body = [h for h in outline["2019/04/bai-co-muc/"] if h[1] != "Bài có mục"]
    assert [h[0] for h in outline["2019/04/bai-co-muc/"]].count("h1") == 1
    assert body[:3] == [
        ("h2", "Phần một", "phan-mot"),
        ("h3", "Mục a", "muc-a"),
        ("h2", "Phần hai", "phan-hai"),
    ]
    assert ("h2", "Mục", "muc") in outline["2019/04/bai-thuong/"]
    assert ("h3", "Ý", "y") in outline["2019/04/bai-thuong/"]


def test_sections_headed_with_three_hashes_follow_the_title_without_a_gap(site):
    """Portals head paragraphs with <h3> (the sotttt.hanoi.gov.vn pages do), and their
    imported articles with `###`: the page went from the title's <h1> to <h3>, a level
    left out of the outline screen readers list (axe: heading-order). Such a body's
    headings are each raised so that the highest is an <h2>, their ranks and ids kept."""
    body = "Chữ.\n\n### Hội đồng gồm 8 thành viên\n\nChữ.\n\n#### Nhiệm vụ\n\n### Đánh giá\n"
    site.add("a.md", article("Thành lập hội đồng", "2019-04-20 10:00", body))
    assert site.build("--quiet") == 0
    outline = [
        (h.name, h.get_text(), h.get("id"))
        for h in soup(site.output, "2019/04/thanh-lap-hoi-dong/").select(
            ".article-body :is(h2, h3, h4, h5)"
        )
    ]
    assert outline == [
        ("h2", "Hội đồng gồm 8 thành viên", "hoi-dong-gom-8-thanh-vien"),
        ("h3", "Nhiệm vụ", "nhiem-vu"),
        ("h2", "Đánh giá", "danh-gia"),
    ]


def test_a_picture_linked_to_its_large_copy_is_a_link_with_a_name(site, browser):
    """Imported articles link each photo to its large copy, and the portal gave the photos
    no alt text: a screen reader read every such link as its address (axe: link-name,
    six in one article). It is named with strings.yaml's picture_link; a picture with
    alt text, or linked elsewhere than to a picture, keeps its own name."""
    from serving import serve
    from webtools import axe_run

    big = "https://anh.example.org/2022/5/18/anh-175-2.jpg"
    body = (
        f"Đại hội.\n\n[![]({big.replace('/2022', '/thumb_w/640/2022')})]({big})\n\n"
        "Chú thích ảnh.\n\n[![](/images/b.png)](/images/b-lon.png)\n\n"
        "[![Hồ Gươm](/images/c.png)](/images/c-lon.png)\n\n"
        "[![](/images/logo.png) Trang của sở](/images/c-lon.png)\n\n"
        '[![](/images/b.png)](/images/b-lon.png "Ảnh B")\n\n'
        "[![](/images/logo.png)](https://example.org/)\n"
    )
    site.add("a.md", article("Đại hội Đoàn", "2022-05-18 08:52", body))
    (site.root / "static" / "images").mkdir()
    for name in ("b.png", "b-lon.png", "c.png", "c-lon.png", "logo.png"):
        (site.root / "static" / "images" / name).write_bytes(b"")
    assert site.build("--quiet", "--base-url", "https://example.org/repo/") == 0
    links = soup(site.output, "2022/05/dai-hoi-doan/").select(".article-body a")
    # The words of strings.yaml, and the exact name: a fork (Hoàn Kiếm's) rewording
    # picture_link, or whose logo is named "Biểu trưng Hồ Gươm", failed here.
    large = WORDS["picture_link"]
    named = [large, large, None, None, None, None]
    assert [a.get("aria-label") for a in links] == named
    with serve(site.output, "repo") as address:
        page = browser.new_page()
        page.goto(f"{address}2022/05/dai-hoi-doan/")
        assert page.get_by_role("link", name=large, exact=True).count() == 2
        assert page.get_by_role("link", name="Hồ Gươm", exact=True).count() == 1
        # Only the link to another site stays unnamed: where it leads, the archive cannot say.
        unnamed = [v["nodes"] for v in axe_run(page) if v["id"] == "link-name"]
        assert [len(nodes) for nodes in unnamed] == [1]
        assert 'href="https://example.org/"' in unnamed[0][0]["html"]
        page.close()
    for path in site.output.rglob("*.*"):
        if path.suffix in (".html", ".xml", ".js"):
            assert "newsarchive-picture" not in path.read_text(encoding="utf-8"), path

    # A fork's strings.yaml without the key: the links are as written.
    strings = site.root / "templates" / "strings.yaml"
    lines = strings.read_text(encoding="utf-8").splitlines(keepends=True)
    strings.write_text("".join(x for x in lines if "picture_link" not in x), encoding="utf-8")
    assert site.build("--quiet") == 0
    links = soup(site.output, "2022/05/dai-hoi-doan/").select(".article-body a")
    assert [a.get("aria-label") for a in links] == [None] * 6


def test_a_footnotes_way_back_is_titled_in_the_sites_words(site, capsys):
    """Python-Markdown titled the link from a footnote back to the text "Jump back to
    footnote 1 in the text", in English on a Vietnamese page. It takes strings.yaml's
    footnote_back; a fork's strings.yaml without the key gives no title."""
    body = "Câu có chú thích[^1] và[^hai].\n\n[^1]: Một.\n[^hai]: Hai.\n"
    site.add("a.md", article("Bài có chú thích", "2020-01-01 08:00", body))
    assert site.build("--quiet") == 0
    backs = soup(site.output, "2020/01/bai-co-chu-thich/").select("a.footnote-backref")
    assert [a.get("title") for a in backs] == [
        "Quay lại chỗ đánh dấu chú thích 1 trong bài",
        "Quay lại chỗ đánh dấu chú thích 2 trong bài",
    ]
    for path in site.output.rglob("*.*"):
        if path.suffix in (".html", ".xml", ".js"):
            assert "Jump back" not in path.read_text(encoding="utf-8"), path
            assert "newsarchive-footnote" not in path.read_text(encoding="utf-8"), path

    strings = site.root / "templates" / "strings.yaml"
    lines = strings.read_text(encoding="utf-8").splitlines(keepends=True)
    strings.write_text("".join(x for x in lines if "footnote_back" not in x), encoding="utf-8")
    assert site.build("--quiet") == 0
    backs = soup(site.output, "2020/01/bai-co-chu-thich/").select("a.footnote-backref")
    assert len(backs) == 2 and all(a.get("title") is None for a in backs)

    with strings.open("a", encoding="utf-8") as more:
        more.write("footnote_back: Về chú thích {so}\n")
    assert site.build("--quiet") == 1  # said when strings.yaml is read, at its line
    err = capsys.readouterr().err
    assert f"strings.yaml:{len(lines)}: error: 'footnote_back' has the placeholder {{so}}" in err


def test_a_date_the_archive_gave_is_said_to_be_the_archives(site):
    """A page that shows no date is imported with the archivist's (--date); the article
    said "Ngày đăng 10/08/2020 | 09:00" as for a date the portal printed, and a researcher
    cited it as the portal's. `date_given:` (written by import, or by hand) says under the
    date that it is the archive's, with the note it holds; the head and microdata keep the
    date, for search engines and reference managers."""
    note = "theo trang danh sách của cổng"
    site.add("a.md", article("Ngày ghi thêm", "2020-08-10 09:00", date_given=f'"{note}"'))
    site.add("b.md", article("Ngày ghi không chú", "2020-08-11 09:00", date_given=""))
    site.add("c.md", article("Ngày của cổng", "2020-08-12 09:00"))
    assert site.build("--quiet") == 0
    for url, said in (
        ("2020/08/ngay-ghi-them/", f"{WORDS['date_given']} ({note})"),
        ("2020/08/ngay-ghi-khong-chu/", WORDS["date_given"]),
    ):
        page = soup(site.output, url)
        given = page.select_one(".article-date-given")
        assert given is not None and " ".join(given.get_text().split()) == said, url
        # In the header, beside the date, shown on paper as on screen.
        assert given.find_parent("header") is not None
        assert page.find("meta", property="article:published_time") is not None
        assert "datePublished" in microdata(page)
    assert soup(site.output, "2020/08/ngay-cua-cong/").select_one(".article-date-given") is None
