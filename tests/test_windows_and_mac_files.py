"""What editors' Windows and macOS machines put beside their articles and pictures, and
how they write links: each is published right, or named with the file and the fix."""

import os
import unicodedata

import pytest
from conftest import article, lines_only, tree

from newsarchive.cli import main

# Files Finder, Explorer and a Mac's zip write by themselves, as a shared folder, a zip
# or `git add .` brings them into the repository.
SYSTEM_MADE = [
    ".DS_Store",
    "Thumbs.db",
    "desktop.ini",
    "Icon\r",
    "images/2019/._hoi-nghi.jpg",
    "__MACOSX/images/._hoi-nghi.jpg",
]


def test_files_windows_and_macos_make_are_not_published_and_are_named(site, capsys):
    """static/.DS_Store was published: Finder's list of the folder's names, deleted
    pictures' too, for every reader to download; Thumbs.db, desktop.ini, `Icon\\r` and a
    Mac zip's __MACOSX/ as well. In content/, Thumbs.db was told to move to static/."""
    for name in SYSTEM_MADE:
        for folder in (site.root / "static", site.content):
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"\x00\x05\x16\x07Mac OS X")
    (site.root / "static/images/2019/hoi-nghi.jpg").write_bytes(b"jpeg")
    (site.root / "static/.nojekyll").write_bytes(b"")  # a dot file of one's own: published
    site.add("2019/bai.md", article("Hội nghị", "2019-04-05 08:00"))
    assert site.build() == 0
    err = capsys.readouterr().err
    published = tree(site.output)
    assert "images/2019/hoi-nghi.jpg" in published and ".nojekyll" in published
    made = [
        p
        for p in published
        if any(part in p for part in ("DS_Store", "Thumbs", "desktop", "Icon", "MACOSX", "._"))
    ]
    assert made == []
    assert "not published: 12 file(s)/folder(s) that Windows, macOS or an editor made" in err
    assert f"{site.content}/.DS_Store, {site.content}/Icon\\r, {site.content}/Thumbs.db" in err
    assert "pictures and documents to publish belong in static/" not in err
    assert "hidden file" not in err
    assert site.build("--quiet") == 0  # said on every build, even quiet ones
    assert "not published: 12 file(s)" in capsys.readouterr().err


WINDOWS_LINKS = """\
Đoạn một.

![Ảnh hội nghị](/images/2019/hoi-nghi.jpg)

![Ảnh lễ hội](images\\2019\\le-hoi.jpg)

[Bài trước](..\\2019\\bai-truoc.md)

![Từ máy](C:\\Users\\Lan\\Pictures\\anh-dep.jpg)

![Từ Finder](/Users/lan/Desktop/anh-mac.png)

[Bài trước, chữ hoa](/2019/04/Bai-Truoc/)
"""


def test_links_as_windows_and_macos_write_them_are_told_the_address_to_write(site, capsys):
    """A picture named Hoi-Nghi.JPG shows on Windows and macOS, linked as hoi-nghi.jpg,
    and 404s on GitHub Pages: the warning said only 'correct the address'. A path with
    \\ (Explorer's), or a picture's place on the editor's own disk, was told the same, or
    to use an address that starts with http://."""
    static = site.root / "static/images/2019"
    static.mkdir(parents=True)
    (static / "Hoi-Nghi.JPG").write_bytes(b"jpeg")
    (static / "le-hoi.jpg").write_bytes(b"jpeg")
    site.add("2019/bai-truoc.md", article("Bài trước", "2019-04-04 08:00"))
    site.add("2019/bai.md", article("Hội nghị", "2019-04-05 08:00", WINDOWS_LINKS))
    assert site.build() == 0
    err = lines_only(capsys.readouterr().err)
    windows = "write / between folders in an address, not \\ as Windows writes paths"
    capitals = "with other capitals: Windows and macOS take the two for one name"
    expected = [
        (
            "bai.md:8: warning: the link /images/2019/hoi-nghi.jpg leads to no page",
            f"the site has /images/2019/Hoi-Nghi.JPG, {capitals}",
        ),
        (
            "bai.md:10: warning: the link images\\2019\\le-hoi.jpg leads to no page",
            f"{windows}: images/2019/le-hoi.jpg; then: an address that does not start with "
            "/ is read from the page's own address, not from the site's root: write "
            "/images/2019/le-hoi.jpg",
        ),
        (
            "bai.md:12: warning: the link ..\\2019\\bai-truoc.md leads to no page",
            f"{windows}: ../2019/bai-truoc.md; then: link to the article's address, not to its "
            "file: /2019/04/bai-truoc/",
        ),
        (
            "bai.md:14: warning: the link address "
            "'C:\\\\Users\\\\Lan\\\\Pictures\\\\anh-dep.jpg' is not allowed",
            "this is where the file is on your computer, which no reader can open: "
            "copy anh-dep.jpg into static/ (e.g. static/images/anh-dep.jpg) and write "
            "/images/anh-dep.jpg",
        ),
        (
            "bai.md:16: warning: the link /Users/lan/Desktop/anh-mac.png leads to no page",
            "this is where the file is on your computer",
        ),
        (
            "bai.md:18: warning: the link /2019/04/Bai-Truoc/ leads to no page",
            f"the site has /2019/04/bai-truoc/, {capitals}",
        ),
    ]
    for message, hint in expected:
        assert message in err
        assert f"how to fix: {hint}" in err.split(message, 1)[1].split("\n", 2)[1]
    # `check` guesses as the build does, from the built site's files.
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    checked = capsys.readouterr().err
    for _, hint in expected[:3] + expected[4:]:
        assert f"how to fix: {hint}" in checked


def test_names_a_checkout_on_windows_or_macos_cannot_hold_are_warned_of(site, capsys):
    """The GitHub web editor and a Mac take `Hội nghị: tổng kết.md`, `con.md` and
    `aux.jpg`, and Linux holds `Bai.md` beside `bai.md`: the site built, and a colleague's
    git for Windows stopped at 'invalid path' (a Mac's clone kept one of the two twins)."""
    site.add("2019/con.md", article("Con đường", "2019-04-05 08:00"))
    site.add("2019/Hội nghị: tổng kết.md", article("Hội nghị", "2019-04-06 08:00"))
    site.add("2019/bai.md", article("Bài", "2019-04-07 08:00"))
    site.add("2019/Bai.md", article("Bài hoa", "2019-04-08 08:00"))
    site.add("2019/anh.jpg", b"jpeg")  # left out as before, and its name is fine
    static = site.root / "static"
    (static / "tai-lieu.").mkdir()
    (static / "tai-lieu./aux.pdf").write_bytes(b"pdf")
    (static / "Anh.jpg").write_bytes(b"one")
    (static / "anh.jpg").write_bytes(b"two")
    assert site.build() == 0
    err = capsys.readouterr().err
    checkout = "a colleague on Windows cannot check out the repository"
    for file, why, fix in [
        (
            "content/2019/con.md",
            "'con' is the name of a device on Windows",
            "'con-1.md' (an article's address comes from its title or slug, not from its file "
            "name)",
        ),
        (
            "content/2019/Hội nghị: tổng kết.md",
            "Windows allows no ':' in a name",
            "'Hội nghị- tổng kết.md' (an article's address comes from its title or slug, not "
            "from its file name)",
        ),
        (
            "static/tai-lieu.",
            "Windows drops a dot or a space at the end of a name",
            "'tai-lieu' and correct the links to it",
        ),
        (
            "static/tai-lieu./aux.pdf",
            "'aux' is the name of a device",
            "'aux-1.pdf' and correct the links to it",
        ),
    ]:
        said = err.split(f"{site.root}/{file}: warning: ", 1)[1].split("\n", 2)
        assert said[0].startswith(why) and said[0].endswith(
            checkout + " (git stops at 'invalid path')"
        )
        assert said[1] == f"    how to fix: rename it, e.g. {fix}"
    twins = "beside it differ only in their capitals: Windows and macOS hold one file for both"
    assert f"{site.content}/2019/bai.md: warning: this name and 'Bai.md' {twins}" in err
    assert f"{site.root}/static/anh.jpg: warning: this name and 'Anh.jpg' {twins}" in err
    assert err.count("warning:") == 6
    # Both twins are published, as Linux holds them; --strict stops on the names.
    assert (site.output / "anh.jpg").read_bytes() == b"two"
    before = tree(site.output)
    assert site.build("--strict") == 1
    assert "error: 'con' is the name of a device" in capsys.readouterr().err
    assert tree(site.output) == before


def test_a_name_that_is_not_utf8_is_warned_of(site, capsys):
    """`bai\\xff.md` (a name in an old encoding, from a zip made on Windows) built in
    silence; a Mac's checkout fails on it and every message showed it as `bai\\udcff.md`."""
    site.add("2019/tot.md", article("Tốt", "2019-04-05 08:00"))
    folder = os.fsencode(site.content / "2019")
    with open(folder + b"/h\xf4i-ngh\xec.md", "wb") as file:  # Latin-1's ô, ì
        file.write(article("Hội nghị", "2019-04-06 08:00").encode())
    assert site.build() == 0
    err = capsys.readouterr().err
    assert "warning: this name is not UTF-8 text" in err, err
    assert "rename it, e.g. 'h-i-ngh-.md'" in err, err
    assert (site.output / "2019/04/hoi-nghi/index.html").is_file()
    assert site.build("--strict") == 1


def test_a_name_holding_a_control_character_is_named_on_one_line_and_inert(site, capsys):
    """A file named with a line break (bai<newline>moi.md) was named across two lines,
    its file:line cut in two; one holding an escape (a\\x1b[31mred.md) turned the
    terminal's text red: each is shown as its code, the message on one line."""
    site.add("2019/bai\nmoi.md", article("Bài xuống dòng", "2019-04-05 08:00"))
    site.add("2019/a\x1b[31mred.md", article("Bài màu", "2019-04-06 08:00"))
    assert site.build() == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err, err
    assert "content/2019/bai\\nmoi.md: warning: Windows allows no '\\n' in a name" in err, err
    assert "content/2019/a\\x1b[31mred.md: warning: Windows allows no '\\x1b'" in err, err


def test_two_files_named_alike_but_for_the_unicode_form_are_told_apart(site, capsys):
    """bài.md in NFC and in NFD (a Mac's zip unpacked beside the original) print alike:
    "content/2019/bài.md: error: alias … is also an alias of content/2019/bài.md" named
    one file twice to the editor's eyes."""
    twins = [unicodedata.normalize(form, "2019/tin-mới.md") for form in ("NFC", "NFD")]
    for name in twins:
        site.add(name, article("Trùng", "2019-04-07 08:00"))
    assert site.build() == 1
    same = [line for line in capsys.readouterr().err.splitlines() if "the same address" in line]
    assert len(same) == 2, same
    assert "letters in NFD, as macOS writes names" in same[0] + same[1], same
    assert "letters in NFC" in same[0] + same[1], same
    for name in twins:
        (site.content / name).unlink()
    for form, day in (("NFC", "05"), ("NFD", "06")):
        name = unicodedata.normalize(form, "2019/bài-việt.md")
        site.add(name, article(f"Bài {form}", f"2019-04-{day} 08:00", aliases="[/tin/a.html]"))
    assert site.build() == 1
    err = capsys.readouterr().err
    alias = next((line for line in err.splitlines() if "is also an alias of" in line), err)
    assert "(another file, its name's letters in NF" in alias, err


@pytest.mark.parametrize(
    ("nfd_aliases", "said"),
    [
        # The Mac's copy given the other's address as an old address.
        ("[/2019/04/bai-nfc/]", "is the address of the article"),
        # Its old address in other capitals (one file on macOS and Windows).
        ("[/Tin/A.html]", "and the old address /tin/a.html of"),
        # A tag another word gives the address of (Hòa, Hóa: /tag/hoa/).
        ("[/tin/b.html]\ntags: [Hóa]", "has the address /tag/hoa/ of the tag 'Hòa'"),
        # A tag in other punctuation (Quy-hoạch, Quy hoạch).
        ("[/tin/b.html]\ntags: [Quy-hoạch]", "in its punctuation only"),
    ],
)
def test_every_message_naming_a_twin_file_tells_it_apart(site, capsys, nfd_aliases, said):
    """The message "alias '/2019/04/bai-nfc/' is the address of the article
    content/2019/bài-việt.md", at content/2019/bài-việt.md: one file named twice to the
    editor's eyes, as the same-address and alias-of messages were before twin_note."""
    nfc, nfd = (unicodedata.normalize(form, "2019/bài-việt.md") for form in ("NFC", "NFD"))
    site.add(
        nfc,
        article("Bài NFC", "2019-04-05 08:00", aliases="[/tin/a.html]\ntags: [Hòa, Quy hoạch]"),
    )
    site.add(nfd, article("Bài NFD", "2019-04-06 08:00", aliases=nfd_aliases))
    site.build()  # a tag's spelling is a warning
    err = capsys.readouterr().err
    line = next((line for line in err.splitlines() if said in line), err)
    assert "(another file, its name's letters in NFC)" in line, err


def test_a_date_as_windows_shows_it_names_its_line_and_the_date_to_write(site, capsys):
    """Copied from Explorer's 'Date modified' or an Excel cell on a Vietnamese Windows."""
    site.add("a.md", article("Tin", "05/04/2019 4:30 CH"))
    site.add("b.md", article("Tin khác", "05.04.2019"))
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "a.md:3:7: error: bad date: '05/04/2019 4:30 CH': a time is read on the 24-hour " in err
    assert "without CH: write 05/04/2019 16:30\n" in err
    assert "b.md:3:7: error: bad date: '05.04.2019': the day, month and year are parted by" in err
    assert not site.output.exists()


def test_what_systems_and_editors_leave_in_templates_and_static_is_not_read(site, capsys):
    """templates/.DS_Store, desktop.ini (UTF-16) or vim's swap file of a template open in
    it stopped every build ("not UTF-8"), an Emacs lock link "cannot read"; a template
    saved with a byte order mark put it before <!DOCTYPE html> (quirks mode); vim's swap
    file of a style sheet, with the user's and machine's names in it, was published."""
    site.add("2019/bai.md", article("Hội nghị", "2019-04-05 08:00"))
    assert site.build("--quiet") == 0
    clean = tree(site.output)
    templates = site.root / "templates"
    (templates / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1\x00\x00\x10\x00\xb4\xff\x8b")
    (templates / "desktop.ini").write_text("[.ShellClassInfo]\n", encoding="utf-16")
    (templates / ".base.html.swp").write_bytes(b"b0VIM 9.0\x00\x00lan\x00laptop\x00\xff")
    (templates / ".#base.html").symlink_to("lan@laptop.4242:1700000000")  # dangling
    (templates / "page.html~").write_bytes(b"\xff{% broken")
    base = templates / "base.html"
    base.write_bytes(b"\xef\xbb\xbf" + base.read_bytes())
    (site.root / "static/css/.site.css.swp").write_bytes(b"b0VIM 9.0\x00\x00lan\x00laptop")
    assert site.build() == 0
    err = capsys.readouterr().err
    assert tree(site.output) == clean
    assert f"{site.root / 'static'}/css/.site.css.swp" in err and "not published: 1 " in err


def test_an_old_address_too_long_for_a_mac_is_warned_of_at_its_line(site, capsys):
    """README allows old addresses of 2,000 bytes, which Linux builds; on a Mac, whose
    paths hold 1,024 bytes with the folder the archive is checked out in, the build
    failed ("File name too long") though GitHub built the site. The archive still builds
    here, and the warning names the alias's line, the size and what to do."""
    long = "/" + "/".join(["tin-tuc-su-kien-" * 10] * 6) + "/a.html"  # 972 bytes in _site
    short = "/" + "/".join(["tin-tuc-su-kien-" * 10] * 4) + "/b.html"  # 650
    site.add("2020/a.md", article("Tin một", "2020-01-05 08:00", aliases=f"[{long}]"))
    site.add("2020/b.md", article("Tin hai", "2020-01-06 08:00", aliases=f"[{short}]"))
    assert site.build() == 0
    err = capsys.readouterr().err
    assert err.count("warning:") == 1, err
    assert "a.md:4: warning: the old address '/tin-tuc-su-kien-" in err, err
    assert "makes a path of 972 bytes in the site" in err, err
    assert "macOS" in err and "1,024" in err, err
    assert "a folder of at most 35 bytes" in err, err
    assert (site.output / long.lstrip("/")).is_file()
