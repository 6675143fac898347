"""`import` writes an article's tags and category as the build names them: each name once
(one address, one name: urls.term_slug), spelt as the archive already spells it, so that
an imported page never makes the build warn of two spellings."""

import json

import yaml
from conftest import REPO, article
from test_import import imported_files, run_import

PORTAL = REPO / "tests" / "data" / "old-portal-article.html"
URL = "https://quanhaibatrung.hanoi.gov.vn/van-hoa-xa-hoi/{}.html"


def _profile(site) -> None:
    site.add_profile(
        "quan-hai-ba-trung.yaml",
        "markers: {hosts: [quanhaibatrung.hanoi.gov.vn]}\n"
        "title: h1.title-detail\ndate: div.date-detail\nbody: div.content-detail\n"
        "category: ul.breadcrumb li:last-child a\ntags: [div.tags a, 'meta[name=keywords]']\n",
    )


def _page(folder, name: str, title: str, tags: list[str]) -> None:
    """The test portal's article as ``name``.html, titled ``title``, with ``tags`` as
    links, or as its keywords when the first is "keywords"."""
    html = PORTAL.read_text(encoding="utf-8")
    if tags[:1] == ["keywords"]:
        meta = f'<meta name="keywords" content="{", ".join(tags[1:])}">'
        html = html.replace("</head>", f"{meta}</head>")
        tags = []
    links = "".join(f"<a>{tag}</a>" for tag in tags)
    html = html.replace(
        '<div class="share">', f'<div class="tags">{links}</div><div class="share">'
    )
    html = html.replace("Phường Bạch Đằng ra quân làm sạch đường phố</h1>", f"{title}</h1>")
    html = html.replace("</head>", f'<link rel="canonical" href="{URL.format(name)}"></head>')
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.html").write_text(html, encoding="utf-8")


def _front_matter(path, key: str) -> object:
    line = next(x for x in path.read_text(encoding="utf-8").splitlines() if x.startswith(key))
    return yaml.safe_load(line)[key]


def _warnings(site, capsys) -> list[str]:
    capsys.readouterr()
    assert site.build("--quiet") == 0
    return [line for line in capsys.readouterr().err.splitlines() if ": warning: " in line]


def test_a_name_a_page_gives_twice_is_written_once(site, tmp_path, capsys):
    """A page's keywords name a topic again in other punctuation, or another word of its
    address (storm, newspaper): the import wrote both and the first build warned of them.
    The same name without accents, for search engines ("ung thư ruột non, ung thu ruot
    non"), or in other letter case, is left out in silence (the import wrote it too)."""
    _profile(site)
    tags = ["keywords", "bão", "báo", "Y tế", "y te", "Kinh tế - Xã hội", "Kinh tế Xã hội"]
    tags += ["An ninh", "AN NINH"]
    _page(tmp_path / "saved", "bai-1", "Phường Bạch Đằng ra quân", tags)
    result = run_import(site, tmp_path / "saved")
    assert result.returncode == 0, result.stderr
    [written] = imported_files(site)
    assert _front_matter(written, "tags") == ["bão", "Y tế", "Kinh tế - Xã hội", "An ninh"]
    err = result.stderr
    assert "'báo' after 'bão', another word of its address /the/bao/" in err, err
    assert "'Kinh tế Xã hội' after 'Kinh tế - Xã hội', in other punctuation" in err, err
    assert "'y te'" not in err and "AN NINH" not in err, err  # the same word, in silence
    report = [json.loads(line) for line in (site.root / "import-report.jsonl").open()]
    assert any("'báo' after 'bão'" in note for note in report[0]["notes"]), report
    assert _warnings(site, capsys) == []


def test_a_name_the_archive_spells_otherwise_is_written_as_the_archive_spells_it(
    site, tmp_path, capsys
):
    """The archive has `Y tế`, `Kinh tế - Xã hội`, `báo` and the category `Văn hóa, Xã
    hội`; a page with `y tế`, `Kinh tế Xã hội`, `bão` and `VĂN HÓA - XÃ HỘI` gave an
    article whose every name the build then warned of (or merged), the archive holding
    two spellings of each. Each is written as the archive spells it (as the build would
    show it), and the report says which, where from and why; so is a name that an
    earlier page of the same run brought (`Môi trường`); but another word of an address
    (`bão`, storm, beside `báo`, newspaper) keeps the page's meaning, noted."""
    _profile(site)
    older = article(
        "Tin cũ",
        "2019-04-19 10:00",
        category='"Văn hóa, Xã hội"',
        tags="\n  - Y tế\n  - Kinh tế - Xã hội\n  - báo",  # one a line, as editors may
    )
    site.add("2019/04/tin-cu.md", older)
    # Nor a draft's spelling, nor a withdrawn article's: the build names a tag by its
    # oldest listed article.
    site.add("2018/01/nhap.md", article("Nháp", "2018-01-01 10:00", draft="true", tags="[Y/tế]"))
    gone = article("Gỡ", "2018-01-02 10:00", "", withdrawn="2019-01-01", tags="[Kinh tế/Xã hội]")
    site.add("2018/01/go.md", gone)
    saved = tmp_path / "saved"
    _page(saved, "bai-1", "Bài một", ["y tế", "Kinh tế Xã hội", "bão", "Môi trường"])
    _page(saved, "bai-2", "Bài hai", ["MÔI TRƯỜNG", "Môi-trường", "An ninh"])
    result = run_import(site, saved)
    assert result.returncode == 0, result.stderr
    one = site.content / "2020/03/bai-mot.md"
    two = site.content / "2020/03/bai-hai.md"
    # but for another word: the page's storm is not the archive's newspaper.
    assert _front_matter(one, "tags") == ["Y tế", "Kinh tế - Xã hội", "bão", "Môi trường"]
    assert _front_matter(one, "category") == "Văn hóa, Xã hội"
    assert _front_matter(two, "tags") == ["Môi trường", "An ninh"]
    err = result.stderr
    old = "content/2019/04/tin-cu.md"
    for said in (
        f"'y tế' as 'Y tế' ({old}), the same word in other letter case, accents or spaces",
        f"'Kinh tế Xã hội' as 'Kinh tế - Xã hội' ({old}), in other punctuation",
        f"'bão' is another word than the archive's 'báo' ({old}), of one address /the/bao/: "
        "it is written as the page gives it",
        f"'Văn hóa - Xã hội' (the page's 'VĂN HÓA - XÃ HỘI') as 'Văn hóa, Xã hội' ({old}), "
        "in other punctuation",
        "'MÔI TRƯỜNG' as 'Môi trường' (content/2020/03/bai-mot.md)",
    ):
        assert said in err, f"{said!r} not in:\n{err}"
    # The category is the archive's, not a guess to confirm in import_categories.
    assert "unknown category" not in err, err
    # The build warns of the storm alone, as of one written by hand, until told apart.
    [warned] = _warnings(site, capsys)
    assert "bai-mot.md" in warned and "the tag 'bão' has the address /the/bao/" in warned
