"""An old portal's address the alias pages cannot answer (a query, other letter case)
leads to its article from the 404 page and the search page, where JavaScript runs."""

import json
import shutil
import unicodedata
from urllib.parse import quote

from conftest import REPO, SiteDir, article
from serving import serve

from newsarchive import urls

QUERY = "https://sotttt.hanoi.gov.vn/tin-tuc/chi-tiet?id=1294002"


def _site(site: SiteDir) -> None:
    site.configure(base_url="https://example.org/")
    site.add(
        "a.md",
        article("Bài có địa chỉ hỏi", "2019-04-01 08:00", "Nội dung A.", source_url=QUERY),
    )
    site.add(
        "b.md",
        article(
            "Bảng biểu vòng loại",
            "2019-04-02 08:00",
            "Nội dung B.",
            aliases="[/tin-tuc/bang-bieu-3893255.html]",
        ),
    )
    site.add(
        "c.md",
        article("Tin viết hoa", "2019-04-03 08:00", "Nội dung C.", aliases="[/Tin-Tuc/Hoa-7.aspx]"),
    )
    assert site.build() == 0


def opened_from_search(page, address: str, pasted: str) -> str:
    """The title of the article the search page opens for ``pasted`` sent from its box."""
    page.goto(address + "tim-kiem/")
    page.fill("#search-page-q", pasted)
    page.press("#search-page-q", "Enter")
    page.wait_for_url(address + "2019/04/**")
    return page.locator("h1").inner_text()


def test_an_old_address_with_a_query_or_other_case_leads_to_its_article(site, browser):
    """GitHub Pages answers `/tin-tuc/chi-tiet?id=1294002` (an article's source_url: no
    alias can answer a query) with the 404 page, which offered a search of "chi tiet";
    and, being case-sensitive, an alias in other letter case too (the old IIS portals
    answered any). Now the 404 page finds the article and goes there, in place of
    itself (Back leaves it); an address the archive never had still shows the offer."""
    _site(site)
    with serve(site.output, not_found=True) as address:
        page = browser.new_page()
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url))
        for old, title in [
            ("tin-tuc/chi-tiet?id=1294002", "Bài có địa chỉ hỏi"),
            ("Tin-Tuc/CHI-TIET?ID=1294002&utm_source=fb", "Bài có địa chỉ hỏi"),
            ("Tin-Tuc/Bang-Bieu-3893255.html", "Bảng biểu vòng loại"),
            ("tin-tuc/hoa-7.aspx", "Tin viết hoa"),
        ]:
            page.goto(address + "luu-tru/")
            page.goto(address + old)
            page.wait_for_selector("h1:not(:has-text('Không tìm thấy'))")
            assert page.locator("h1").inner_text() == title, old
            assert page.url.startswith(address + "2019/04/"), old
            page.go_back()
            assert page.url == address + "luu-tru/", old
        page.goto(address + "tin-tuc/chi-tiet?id=999")
        page.wait_for_selector(".not-found-search a")
        assert page.locator(".not-found-search a").inner_text() == "“chi tiet”"
        # What the page looked up, asked again: nothing, so it stays.
        found = page.evaluate("newsarchiveOldAddress.find('tin-tuc/chi-tiet', '?id=999')")
        assert found is None
        assert page.locator("h1").inner_text() == "Không tìm thấy trang"
        page.close()
    # Only files the build wrote were asked for: a file that is not there is a 404 in
    # the reader's console and a round trip for nothing.
    files = [url.removeprefix(address) for url in asked if "/dia-chi-cu/" in url]
    assert files and all((site.output / f).is_file() for f in files), files


def test_the_old_addresses_are_written_for_those_no_alias_answers(site):
    """Only a query, or capitals, need the file: a plain alias answers by itself; and
    the portal's number of an address (`bang-bieu-3893255.html`), for one cut after it."""
    _site(site)
    folder = site.output / urls.output_file(urls.old_addresses_url(0)).rsplit("/", 1)[0]
    written: dict[str, str] = {}
    for file in sorted(folder.iterdir()):
        written.update(json.loads(file.read_text(encoding="utf-8")))
    assert written == {
        "tin-tuc/chi-tiet/index.html?id=1294002": "2019/04/bai-co-dia-chi-hoi/",
        "tin-tuc/hoa-7.aspx/index.html": "2019/04/tin-viet-hoa/",
        "#3893255": "2019/04/bang-bieu-vong-loai/",
    }
    for key in written:
        shard = urls.old_addresses_url(urls.old_address_shard(key))
        assert key in json.loads((site.output / shard).read_text(encoding="utf-8"))


def test_a_pasted_old_address_with_a_query_or_other_case_opens_its_article(site, browser):
    """Pasted in the search box, `https://HOST/tin-tuc/chi-tiet?id=1294002` (exactly an
    article's source_url) was searched as "chi tiet": every article, none of them it. Now
    it opens the article, as an old address an alias answers did; so does an alias
    pasted in other letter case."""
    _site(site)
    with serve(site.output) as address:
        page = browser.new_page()
        for pasted, title in [
            (QUERY, "Bài có địa chỉ hỏi"),
            ("sotttt.hanoi.gov.vn/TIN-TUC/Bang-Bieu-3893255.html", "Bảng biểu vòng loại"),
            ("http://www.sotttt.hanoi.gov.vn/tin-tuc/hoa-7.aspx", "Tin viết hoa"),
        ]:
            assert opened_from_search(page, address, pasted) == title, pasted
        page.close()


def test_an_old_address_in_vietnamese_is_found_however_it_is_written(site, browser):
    """The build files an address by the hash of its key (urls.old_address_key and
    _shard), the page script looks it up by its own: with Vietnamese letters, written
    with escapes or without, in other case or in NFD as a Mac types them, the two must
    come to the same key and the same file, or the reader lands on the 404 page."""
    site.configure(base_url="https://example.org/")
    written = (
        "https://hbt.vn/Tin-T%E1%BB%A9c/Chi-Ti%E1%BA%BFt.aspx?ItemID=%C4%90%C3%A0-N%E1%BA%B5ng"
    )
    site.add("a.md", article("Bài Đà Nẵng", "2019-04-01 08:00", "Nội dung.", source_url=written))
    assert site.build() == 0
    with serve(site.output, not_found=True) as address:
        page = browser.new_page()
        for old in [
            "Tin-T%E1%BB%A9c/Chi-Ti%E1%BA%BFt.aspx?ItemID=%C4%90%C3%A0-N%E1%BA%B5ng",
            "tin-tức/chi-tiết.aspx?itemid=đà-nẵng&utm_source=zalo",
            unicodedata.normalize("NFD", "TIN-TỨC/CHI-TIẾT.aspx?ItemID=ĐÀ-NẴNG"),
        ]:
            page.goto(address + old)
            page.wait_for_selector("h1:not(:has-text('Không tìm thấy'))")
            assert page.locator("h1").inner_text() == "Bài Đà Nẵng", old
        page.close()


def test_a_page_or_a_renamed_category_is_found_by_its_old_address_in_other_case(site, browser):
    """A standalone page's alias with capitals (the portal's own about page,
    `/Pages/GioiThieu.aspx`), asked for in other letter case, is no file on a
    case-sensitive host: the 404 page found nothing, as the build listed only articles'
    addresses. A renamed category's old address in capitals, with a query, is a 404 too.
    Both lead to their page now, as an article's do."""
    site.configure(base_url="https://example.org/")
    site.add("a.md", article("Tin một", "2019-04-01 08:00", "Nội dung.", category="Thời sự"))
    site.add(
        "pages/gioi-thieu.md",
        "---\ntitle: Giới thiệu\naliases: [/Pages/GioiThieu.aspx]\n---\n\nVề bản lưu trữ.\n",
    )
    config = site.root / "site.yaml"
    config.write_text(
        config.read_text("utf-8") + 'renamed_categories:\n  "Tin tức": "Thời sự"\n', "utf-8"
    )
    assert site.build("--quiet") == 0
    with serve(site.output, not_found=True) as address:
        page = browser.new_page()
        page.set_default_timeout(5000)
        for old, title in [
            ("pages/gioithieu.aspx?ItemID=3", "Giới thiệu"),
            ("PAGES/GIOITHIEU.ASPX", "Giới thiệu"),
            ("Chuyen-Muc/Tin-Tuc/?trang=1", "Thời sự"),
        ]:
            page.goto(address + old)
            page.wait_for_selector("h1:not(:has-text('Không tìm thấy'))")
            assert title in page.locator("h1").inner_text(), old
        page.close()


def test_an_alias_asked_for_with_its_accents_apart_leads_to_its_article(site, browser):
    """A Mac sends an address typed or pasted with its accents apart (NFD); GitHub Pages
    looks a file up byte for byte, so /tin-tu%CC%9B%CC%81c/ba%CC%80i-2.aspx showed the
    404 page where the alias tin-tức/bài-2.aspx/ is: the 404 page asked again only an
    address with capitals, in small letters. It now asks the address composed too, as
    aliases are written; an address the archive never had is asked for no more."""
    site.configure(base_url="https://example.org/")
    aliases = "[/tin-tức/bài-2.aspx, /tin-tức/bài-3.html]"
    site.add("a.md", article("Bài có dấu", "2019-04-01 08:00", "Nội dung.", aliases=aliases))
    assert site.build("--quiet") == 0
    with serve(site.output, not_found=True) as address:
        page = browser.new_page()
        page.set_default_timeout(5000)
        for old in ("tin-tức/bài-2.aspx", "tin-tức/bài-3.html", "TIN-TỨC/BÀI-3.HTML"):
            page.goto(address + quote(unicodedata.normalize("NFD", old)))
            page.wait_for_selector("h1:not(:has-text('Không tìm thấy'))")
            assert page.locator("h1").inner_text() == "Bài có dấu", old
        heads: list[str] = []
        page.on("request", lambda r: heads.append(r.url) if r.method == "HEAD" else None)
        page.goto(address + quote("tin-tức/bài-4.html"))
        page.wait_for_selector(".not-found-search a")
        assert heads == [], heads
        page.close()


def test_the_home_page_with_an_old_query_leads_to_its_article(site, browser):
    """`/?newsid=5` and `/index.html?newsid=5` (a portal whose articles were its home
    page with a query) are answered by the archive's home page, where nothing looked
    the address up: the reader saw the home page, not the article. The home page now
    looks it up when it has a query and the archive such an address; a query naming
    nothing, or a tracker's, leaves the reader on it."""
    site.configure(base_url="https://example.org/")
    site.add(
        "a.md",
        article(
            "Bài ở trang chủ",
            "2019-04-01 08:00",
            "Nội dung.",
            source_url="http://portal.vn/?newsid=5",
        ),
    )
    site.add("b.md", article("Bài khác", "2019-04-02 08:00", "Nội dung."))
    assert site.build("--quiet") == 0
    with serve(site.output, not_found=True) as address:
        page = browser.new_page()
        page.set_default_timeout(5000)
        page.set_default_timeout(5000)
        for old in ["?newsid=5", "index.html?NewsID=5&utm_source=fb"]:
            page.goto(address + old)
            page.wait_for_url(address + "2019/04/**")
            assert page.locator("h1").inner_text() == "Bài ở trang chủ", old
        for stay in ["?newsid=6", "?utm_source=fb", ""]:
            page.goto(address + stay)
            page.wait_for_load_state("networkidle")
            assert page.url == address + stay, stay
        # Pasted in the search box, it opens the article too (was: searched, no words).
        for pasted in ["http://portal.vn/?newsid=5", "portal.vn/index.html?NEWSID=5"]:
            assert opened_from_search(page, address, pasted) == "Bài ở trang chủ", pasted
        page.close()


def test_the_home_page_has_no_lookup_when_no_old_address_is_the_home_with_a_query(site):
    """The lookup is for archives whose portal addressed articles as its home page with a
    query: any other's home page is as it was, without a byte more."""
    site.configure(base_url="https://example.org/")
    site.add(
        "a.md",
        article("Bài", "2019-04-01 08:00", "Nội dung.", source_url="http://portal.vn/tin?id=5"),
    )
    assert site.build("--quiet") == 0
    assert "old-address" not in site.read("index.html")


# Old addresses as a reader may hold them: escapes cut short (`%E1%BB`), not escapes
# (`%ZZ`, a lone `%`), bytes no UTF-8 text has, beside good ones; a byte order mark;
# capitals and NFD, and capitals whose small letter is two (İ) or another (K, Kelvin).
ODD_ADDRESSES = [
    ("/tin", "?x=%ZZ"),
    ("/tin", "?x=%ZZ&y=%C3%A1"),
    ("/Tin-T%E1%BB", ""),
    ("/Tin-T%E1%BB/a.html", "?id=%E1%BB"),
    ("/tin", "?q=%E1%BB%A9%"),
    ("/T%C3%81%ZZ", "?a=%c3&b=%C3%A1"),
    ("/tin", "?q=%C0%AF%ED%A0%80%F4%90%80%80"),
    ("/tin", "?q=%F0%9F%98%80%F0%9F%98"),
    ("/tin%2FA.aspx", "?q=%25E1%BB"),
    ("/tin", "?q=a+b%20c&utm_source=%E1"),
    ("/Tin-Tu%CC%9B%CC%81c/B%C3%A0i.aspx", "?ID=%C4%90%e1%ba%bd"),
    ("/%", "?%=%"),
    ("/", "?newsid=5%2"),
    ("/ΟΔΟΣ.html", "?Σ=ΑΣ"),
    ("/%EF%BB%BFtin", "?q=%EF%BB%BF%EF%BB%BF"),
    ("/%C4%B0stanbul-\u1e9e", "?k=\u0130\u212a"),
]


def test_an_odd_old_address_comes_to_one_key_in_python_and_javascript(tmp_path, browser):
    """The build files an old address by urls.old_address_key and _shard; the 404 and
    search pages look it up by js/old-address.js's own. For a malformed escape the two
    read differently (urllib leaves `%ZZ` and puts U+FFFD for `%E1%BB`; decodeURIComponent
    threw, and the script kept the whole text undecoded, good escapes too): the reader
    landed on the 404 page. Each address is looked up through the script, which is given
    only the file Python's hash names, holding only Python's key."""
    shutil.copy(REPO / "static/js/old-address.js", tmp_path)
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><script src="old-address.js" data-root="/" '
        'data-folder="/dia-chi-cu/" data-shards="256"></script>',
        encoding="utf-8",
    )
    with serve(tmp_path) as address:
        page = browser.new_page()
        page.set_default_timeout(5000)
        page.goto(address)
        for path, query in ODD_ADDRESSES:
            key = urls.old_address_key(path, query.removeprefix("?"))
            page.route("**/dia-chi-cu/*.json", _only(key))
            found = page.evaluate(
                "([p, q]) => newsarchiveOldAddress.find(p, q)", [path.lstrip("/"), query]
            )
            page.unroute("**/dia-chi-cu/*.json")
            assert found == address + "tim-thay/", (path, query, key)
        page.close()


def _only(key: str):
    """A route answering the file of old addresses Python's hash names for ``key`` with
    that key alone, and any other file with 404."""
    wanted = "/" + urls.old_addresses_url(urls.old_address_shard(key))

    def answer(route):
        if route.request.url.endswith(wanted):
            route.fulfill(json={key: "tim-thay/"})
        else:
            route.fulfill(status=404, body="")

    return answer


VIEW_CONTENT = (
    "https://sotttt.hanoi.gov.vn/pctn/-/view_content/744225-ke-hoach-trien-khai-hoat-dong.html"
)


def _numbered_site(site: SiteDir) -> None:
    site.configure(base_url="https://example.org/")
    pieces = [
        ("a.md", "Kế hoạch triển khai", VIEW_CONTENT, ""),
        ("b.md", "Tổng kết năm", "", "[/tin-tuc/tong-ket-nam-2019-766.html]"),
        (
            "c.md",
            "Bài asset",
            "https://hbt.hanoi.gov.vn/-/asset_publisher/AbC/content/id/12345",
            "",
        ),
        # Two articles of one number (two portals'): neither is its number's.
        ("d.md", "Bài một", "https://a.gov.vn/tin/555555-bai-mot.html", ""),
        ("e.md", "Bài hai", "https://b.gov.vn/tin/555555-bai-hai.html", ""),
        ("f.md", "Bài năm", "https://c.gov.vn/tin/tong-ket-2019.html", ""),  # a year: no id
    ]
    for day, (name, title, source, aliases) in enumerate(pieces, start=1):
        fields = {"source_url": source} if source else {"aliases": aliases}
        site.add(name, article(title, f"2019-04-0{day} 08:00", "Nội dung.", **fields))
    assert site.build("--quiet") == 0


def test_an_old_address_cut_after_its_number_leads_to_its_article(site, browser):
    """A Liferay address cited cut short (`…/-/view_content/744225`, the slug after the
    id dropped or cut mid-word, `…/content/12345`) reached the 404 page, and pasted in the
    search box was searched as the number alone (no article has it as a word) or the
    slug's cut words: nothing. The portal's number of a page, at the start or the end of
    its address's last part (`744225-ke-hoach….html`, `tong-ket-nam-2019-766.html`, or
    the whole part), now leads to its article, from the 404 page and pasted (the address,
    or its last part alone); a number two articles have, or a year, leads nowhere."""
    _numbered_site(site)
    with serve(site.output, not_found=True) as address:
        page = browser.new_page()
        page.set_default_timeout(5000)
        for old, title in [
            ("pctn/-/view_content/744225", "Kế hoạch triển khai"),
            ("pctn/-/view_content/744225-ke-hoach-tri", "Kế hoạch triển khai"),
            ("tin-tuc/766", "Tổng kết năm"),
            ("-/asset_publisher/abc/content/12345", "Bài asset"),
        ]:
            page.goto(address + old)
            page.wait_for_selector("h1:not(:has-text('Không tìm thấy'))")
            assert page.locator("h1").inner_text() == title, old
        for stay in ["tin/555555", "tin/2019", "tin/766-x/abc"]:
            page.goto(address + stay)
            page.wait_for_load_state("networkidle")
            assert page.locator("h1").inner_text() == "Không tìm thấy trang", stay
        for pasted, title in [
            ("https://sotttt.hanoi.gov.vn/pctn/-/view_content/744225", "Kế hoạch triển khai"),
            ("sotttt.hanoi.gov.vn/pctn/-/view_content/744225-ke-hoach-tr", "Kế hoạch triển khai"),
            ("744225-ke-hoach-trien-khai", "Kế hoạch triển khai"),
            ("https://hbt.hanoi.gov.vn/web/-/asset_publisher/abc/content/12345", "Bài asset"),
        ]:
            assert opened_from_search(page, address, pasted) == title, pasted
        page.close()


def alias_beside_a_query(site: SiteDir, *options: str) -> None:
    """Article A has the alias /chien-luoc; article B was the portal's /chien-luoc with a
    query (a Liferay portlet page), which only dia-chi-cu/ lists; /tin-cu is an alias
    with no such neighbour."""
    site.configure(base_url="https://example.org/caugiay-archive/")
    body_a = "Nội dung A.\n\n## Mục hai\n\n" + "Đoạn văn dài.\n\n" * 60
    site.add(
        "a.md",
        article("Chiến lược phát triển", "2019-04-01 08:00", body_a, aliases="[/chien-luoc]"),
    )
    site.add(
        "b.md",
        article(
            "Cổng chiến lược",
            "2019-04-02 08:00",
            "Nội dung B.",
            source_url="https://caugiay.hanoi.gov.vn/chien-luoc?p_p_id=9",
        ),
    )
    site.add("c.md", article("Tin cũ", "2019-04-03 08:00", "Nội dung C.", aliases="[/tin-cu]"))
    # A folder whose name holds a % escape once decoded, as a file name may (`%2541`).
    site.add("d.md", article("Tin D", "2019-04-04 08:00", "D.", aliases="[/tin-tức-%2541]"))
    site.add(
        "e.md",
        article(
            "Tin E",
            "2019-04-05 08:00",
            "E.",
            source_url="https://caugiay.hanoi.gov.vn/tin-t%E1%BB%A9c-%2541?id=3",
        ),
    )
    assert site.build("--quiet", *options) == 0


def test_an_alias_folder_with_an_old_query_leads_to_the_article_of_that_query(site, browser):
    """GitHub Pages answers `/chien-luoc?p_p_id=9` (B's old address) with the alias page
    /chien-luoc/ (A's), whatever the query, and its instant refresh went to A before
    anything could look the query up (audit-deploy D4). Such an alias page now looks the
    query up first: B; a query the archive does not know, or none, still leads to A
    (keeping a #heading). An alias with no such neighbour is as it was."""
    alias_beside_a_query(site)
    with serve(site.output, "caugiay-archive") as address:
        page = browser.new_page()
        page.set_default_timeout(5000)
        for old, title, hash in [
            ("chien-luoc?p_p_id=9", "Cổng chiến lược", ""),
            ("chien-luoc/?P_P_ID=9&utm_source=fb", "Cổng chiến lược", ""),
            ("chien-luoc", "Chiến lược phát triển", ""),
            ("chien-luoc?p_p_id=8", "Chiến lược phát triển", ""),
            ("chien-luoc?p_p_id=8#muc-hai", "Chiến lược phát triển", "#muc-hai"),
            ("tin-cu?p_p_id=9", "Tin cũ", ""),
            ("tin-t%E1%BB%A9c-%2541?id=3", "Tin E", ""),
            ("tin-t%E1%BB%A9c-%2541?id=4", "Tin D", ""),
        ]:
            page.goto(address + "luu-tru/")
            page.goto(address + old)
            page.wait_for_url(address + "2019/04/**")
            assert page.locator("h1").inner_text() == title, old
            assert page.url.endswith("/" + hash), (old, page.url)
        page.close()
    plain = site.read("tin-cu/index.html")
    assert "old-address" not in plain and "noscript" not in plain


def test_without_javascript_an_alias_folder_with_an_old_query_leads_to_its_own_article(
    site, browser
):
    """No script can look the query up: the refresh (in <noscript>) goes to A, as before."""
    alias_beside_a_query(site)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(5000)
    with serve(site.output, "caugiay-archive") as address:
        page.goto(address + "chien-luoc?p_p_id=9")
        page.wait_for_url(address + "2019/04/**")
        assert page.locator("h1").inner_text() == "Chiến lược phát triển"
    context.close()


def test_an_alias_page_looks_queries_up_once_another_article_has_its_path_with_one(site):
    """The alias page is written again when an article with its path and a query comes
    (imported later) or goes: the lookup is there only while one is listed."""
    alias_beside_a_query(site, "--no-search")
    assert "old-address.js" in site.read("chien-luoc/index.html")
    (site.content / "b.md").unlink()
    assert site.build("--quiet", "--no-search") == 0
    page = site.read("chien-luoc/index.html")
    assert "old-address.js" not in page and "<noscript>" not in page
    site.add(
        "b.md",
        article("Cổng", "2019-04-02 08:00", "B.", source_url="http://portal.vn/Chien-Luoc?id=9"),
    )
    assert site.build("--quiet", "--no-search") == 0
    assert "old-address.js" in site.read("chien-luoc/index.html")


def test_a_month_typed_without_its_zero_leads_to_the_months_page(site, browser):
    """Audit F7: `/2020/9/` (a reader editing the address bar from /2020/09/) was the
    404 page. The 404 page now leads a month typed without its zero, and an article's
    address so typed, to the page at the month written with it, when the site has one;
    a month or article it does not have stays the 404 page."""
    _site(site)
    with serve(site.output, not_found=True) as address:
        page = browser.new_page()
        page.set_default_timeout(5000)
        for typed, wanted in [
            ("2019/4/", "2019/04/"),
            ("2019/4", "2019/04/"),
            ("2019/4/bai-co-dia-chi-hoi/", "2019/04/bai-co-dia-chi-hoi/"),
            ("2019/4/Tin-Viet-Hoa/", "2019/04/tin-viet-hoa/"),
        ]:
            page.goto(address + typed)
            page.wait_for_url(address + wanted)
            assert page.locator("h1").inner_text() != "Không tìm thấy trang", typed
        for stay in ["2019/5/", "2019/4/khong-co-bai/", "2019/13/", "201/4/"]:
            page.goto(address + stay)
            page.wait_for_load_state("networkidle")
            assert page.locator("h1").inner_text() == "Không tìm thấy trang", stay
        page.close()
