"""`python build.py new "Tiêu đề"`: a correctly named, valid article file, never an overwrite."""

import shutil
import subprocess
import sys
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, SUBPROCESS_ENV, tree

from newsarchive.slugs import slugify
from newsarchive.validate import SHIPPED_PLACEHOLDERS

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def new(site, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "new", *args],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )


def front_matter(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def write_text(path, text: str) -> None:
    """What the editor does after `new`: the placeholder replaced by the article."""
    head, placeholder = path.read_text(encoding="utf-8").rsplit("---\n", 1)
    assert placeholder.strip()
    path.write_text(f"{head}---\n\n{text}\n", encoding="utf-8")


def test_new_article_is_placed_filled_in_and_built(site):
    title = 'Hội nghị: tổng kết "năm 2019" của phường Đồng Nhân'
    before = datetime.now(HCM)
    result = new(site, title)
    after = datetime.now(HCM)
    assert result.returncode == 0, result.stderr

    path = site.root / result.stdout.strip()
    slug = slugify(title)
    assert path.parent.parent.parent == site.content
    assert path.name == f"{slug}.md"
    assert path.parent.name in {f"{before.month:02d}", f"{after.month:02d}"}
    meta = front_matter(path)
    assert meta["title"] == title
    assert meta["slug"] == slug
    site_config = yaml.safe_load((site.root / "site.yaml").read_text(encoding="utf-8"))
    assert meta["category"] == site_config["default_category"]
    written = meta["date"]  # YAML reads an ISO date with its offset as a datetime
    assert written.utcoffset() == before.utcoffset()
    assert before.replace(second=0, microsecond=0) <= written <= after

    write_text(path, "Sáng nay, phường Đồng Nhân tổ chức hội nghị tổng kết.")
    assert site.build() == 0
    url = f"{written:%Y}/{written:%m}/{slug}/"
    page = BeautifulSoup(site.read(url + "index.html"), "html.parser")
    assert page.h1.get_text() == title
    home = BeautifulSoup(site.read("index.html"), "html.parser")
    assert url in [a["href"] for a in home.select(".article-list a")]


@pytest.mark.parametrize(
    "typed, folder, address",
    [
        ("15/03/2019 08:00", "2019/03", "2019/03/"),
        ("2019-3-15", "2019/03", "2019/03/"),
    ],
)
def test_new_dates_an_old_article_and_files_it_in_its_month(site, typed, folder, address):
    """An archive's usual new article is one the portal published years ago that the
    archive missed, and `new` always dated it now: the file went into content/2026/12/,
    and once its date was edited to 2019 it was published under /2019/03/ while its
    file stayed in 2026/12, where the README's "find it by its address" step does not
    find it (edit's audit). `--date` takes a date as the front matter does, writes it as
    typed, and files the article in that month's folder."""
    result = new(site, "Phường Bạch Đằng ra quân", "--date", typed)
    assert result.returncode == 0, result.stderr
    path = site.root / result.stdout.strip()
    assert path == site.content / folder / "phuong-bach-dang-ra-quan.md"
    assert f"date: {typed}\n" in path.read_text(encoding="utf-8")
    write_text(path, "Sáng 15/3, phường Bạch Đằng ra quân làm sạch đường phố.")
    assert site.build("--quiet") == 0
    assert (site.output / address / "phuong-bach-dang-ra-quan" / "index.html").is_file()


@pytest.mark.parametrize(
    "typed, said",
    [
        ("15.03.2019", "the day, month and year are parted by / here: write 15/03/2019"),
        ("31/02/2019", "February 2019 has 28 days, not 31"),
        ("15/03/19", "is not a date I can read"),
    ],
)
def test_a_date_new_cannot_read_is_said_of_the_command(site, typed, said):
    result = new(site, "Phường Bạch Đằng ra quân", "--date", typed)
    assert result.returncode == 2, result.stderr
    assert "newsarchive: error: --date: " in result.stderr and said in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not site.content.exists() or not any(site.content.rglob("*.md"))


def test_a_day_the_month_lacks_is_said_once(site):
    # "(March 2019 has 31 days, not 32); check the day and the month: March 2019 has
    # 31 days": the one line said it twice.
    result = new(site, "Tiêu đề", "--date", "32/03/2019")
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        "newsarchive: error: --date: '32/03/2019' is not a real date (March 2019 has 31 "
        "days, not 32); check the day and the month\n"
    )


def test_a_page_is_given_no_date(site):
    result = new(site, "--page", "Liên hệ", "--date", "15/03/2019")
    assert result.returncode == 2
    assert "--page starts a page, which has no date: leave out --date" in result.stderr
    assert not site.content.exists() or not any(site.content.rglob("*.md"))


def test_new_refuses_to_overwrite(site):
    first = new(site, "Tin phường Bạch Đằng")
    assert first.returncode == 0, first.stderr
    path = site.root / first.stdout.strip()
    path.write_text(path.read_text(encoding="utf-8") + "\nĐã viết nội dung.\n", encoding="utf-8")
    edited = path.read_bytes()

    second = new(site, "Tin phường  Bạch Đằng")  # same slug
    assert second.returncode == 1
    assert "already exists" in second.stderr and path.name in second.stderr
    assert second.stdout == ""
    assert path.read_bytes() == edited

    # The hint said to "add a line 'slug: another-name'", to a file new had not written;
    # followed as it now reads, it gives a second article of that title.
    hint = 'run new again with the title told apart (new "Tin phường Bạch Đằng (2)"), then '
    assert hint in second.stderr, second.stderr
    third = new(site, "Tin phường Bạch Đằng (2)")
    assert third.returncode == 0, third.stderr
    other = site.root / third.stdout.strip()
    write_text(other, "Tin thứ hai.")
    other.write_text(other.read_text(encoding="utf-8").replace(" (2)", ""), encoding="utf-8")
    assert front_matter(other)["title"] == front_matter(path)["title"]
    write_text(path, "Tin thứ nhất.")
    assert site.build() == 0
    page = new(site, "--page", "Liên hệ")
    assert page.returncode == 0, page.stderr
    again = new(site, "--page", "Liên hệ")
    assert again.returncode == 1 and "slug" not in again.stderr
    assert "run new --page with another title: a page's address is its file's name" in again.stderr


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # The title typed without quotes: argparse said "unrecognized arguments: Bạch
        # Đằng ra quân" under the usage of every command.
        (
            ["new", "Phường", "Bạch", "Đằng", "ra", "quân"],
            'put the title in quotes, so that it is one: python3 build.py new "Phường Bạch '
            'Đằng ra quân"',
        ),
        (
            ["new", "--page", "Liên", "hệ"],
            'put the title in quotes, so that it is one: python3 build.py new --page "Liên hệ"',
        ),
        # A command mistyped, or left out: "unrecognized arguments: nwe Tin mới".
        (["nwe", "Tin mới"], "there is no command 'nwe': did you mean new?"),
        (["chek"], "there is no command 'chek': did you mean check?"),
        # An option mistyped: argparse said "unrecognized arguments: --jobz 2", no more.
        (["--jobz", "2"], "there is no option '--jobz' of build: did you mean --jobs?"),
        (
            ["check", "--bulit", "_site"],
            "there is no option '--bulit' of check: did you mean --built?",
        ),
        (
            ["build", "--no-cahce"],
            "there is no option '--no-cahce' of build: did you mean --no-cache?",
        ),
        (
            ["Tin phường Bạch Đằng"],
            "there is no command 'Tin phường Bạch Đằng' (the commands are build, new, "
            "import, serve, check); to start an article, write its title after new, in "
            'quotes: python3 build.py new "Tin phường Bạch Đằng"',
        ),
    ],
)
def test_a_command_line_typed_amiss_says_what_to_type(site, typed, said):
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), *typed],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )
    assert result.returncode == 2
    assert f"newsarchive: error: {said}" in result.stderr, result.stderr
    assert not site.content.exists() or not any(site.content.rglob("*.md"))
    assert not site.output.exists()


def test_a_title_without_letters_is_refused(site):
    result = new(site, "!!! ???")
    assert result.returncode == 1
    assert "empty web address" in result.stderr
    assert not any(site.content.rglob("*.md"))


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_title_is_said_to_be_empty(site, typed):
    """new "" was told "the title '' gives an empty web address"."""
    result = new(site, typed)
    assert result.returncode == 1
    assert "error: the title is empty" in result.stderr, result.stderr
    assert "''" not in result.stderr and "empty web address" not in result.stderr
    assert not any(site.content.rglob("*.md"))


def test_category_can_be_given(site):
    result = new(site, "Lễ hội đền Hai Bà Trưng", "--category", "Văn hóa: lễ hội")
    assert result.returncode == 0, result.stderr
    path = site.root / result.stdout.strip()
    assert front_matter(path)["category"] == "Văn hóa: lễ hội"
    write_text(path, "Lễ hội diễn ra vào mùng 6 tháng Giêng.")
    assert site.build() == 0


def test_a_category_pasted_over_two_lines_is_one_line(site):
    decomposed = unicodedata.normalize("NFD", "Văn hóa")
    result = new(site, "Lễ hội đền", "--category", f"  {decomposed}\n- Xã hội\ndraft: true ")
    assert result.returncode == 0, result.stderr
    meta = front_matter(site.root / result.stdout.strip())
    assert meta["category"] == "Văn hóa - Xã hội draft: true"  # as typed, on one line
    assert "draft" not in meta


def test_a_category_that_gives_no_address_is_said_of_the_command_not_a_file(site):
    """new "Tin" --category '???' was told the problem at line 5 of
    content/<year>/<month>/tin.md, a file it never wrote."""
    result = new(site, "Tin", "--category", "???")
    assert result.returncode == 1
    assert "the category '???' gives an empty web address" in result.stderr, result.stderr
    assert "tin.md" not in result.stderr and ":5:" not in result.stderr, result.stderr
    assert "--category" in result.stderr, result.stderr
    assert not any(site.content.rglob("*.md"))


def test_a_title_with_a_control_character_is_refused(site):
    result = new(site, "Tin\x01 phường\x7f Bạch Đằng", "--category", "Tin\x1b")
    assert result.returncode == 1
    assert "the title holds the invisible control character U+0001" in result.stderr
    assert "the category holds the invisible control character U+001B" in result.stderr
    assert "escape" not in result.stderr.replace("an escape character", "")
    assert not any(site.content.rglob("*.md"))


@pytest.mark.parametrize(("typed", "char"), [("Tin\x0bmới", "U+000B"), ("Tin\x85mới", "U+0085")])
def test_a_line_break_from_word_is_refused_not_made_a_space(site, typed, char):
    """Python's split() counts these as spaces: the title was written with a space."""
    result = new(site, typed)
    assert result.returncode == 1
    assert f"the title holds the invisible control character {char}" in result.stderr
    assert not any(site.content.rglob("*.md"))


def test_a_title_that_is_not_utf8_says_so(site):
    result = new(site, b"Tin \x85m\xe1")  # type: ignore[arg-type]
    assert result.returncode == 1
    assert "the title is not UTF-8 text (it holds the byte 0x85)" in result.stderr
    assert "U+DC" not in result.stderr and not any(site.content.rglob("*.md"))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("site.yaml", "it is a file, not a folder"),
        ("site.yaml/sub", "is a file, not a folder"),
        ("_site", "output folder"),
        ("_site/2020", "output folder"),
        # Not "it is the output folder _site or in it", which it is not.
        ("_site.previous", "_site.previous, a folder the build keeps beside the output folder"),
        (".", "contains the output folder"),
        ("templates", "templates folder"),
        (".git/x", "git repository"),
    ],
)
def test_new_writes_only_into_a_folder_of_articles(site, content, expected):
    (site.root / ".git").mkdir()
    before = sorted(site.root.rglob("*"))
    result = new(site, "Bài mới", "--content", content)
    assert result.returncode == 1, result.stdout
    assert "new cannot write articles into" in result.stderr and expected in result.stderr
    assert "internal error" not in result.stderr
    assert sorted(site.root.rglob("*")) == before


@pytest.mark.parametrize(
    ("built", "content", "expected"),
    [
        # serve's preview: the next rebuild moved the article to serve.previous, the one
        # after deleted it, without a word.
        (".cache/serve", ".cache/serve", ".cache/serve, a folder a build writes"),
        (".cache/serve", ".cache/serve.previous/2020", ".cache/serve, a folder a build writes"),
        # A site built with --output public: `build --output public` did the same.
        ("public", "public/2020", "public, a folder a build writes"),
        # Not an output, but the folder of the build cache, which a build refuses to read.
        (None, ".cache", "it holds the build cache"),
    ],
)
def test_new_writes_into_no_folder_a_build_writes(site, built, content, expected):
    site.add("2020/01/bai.md", "---\ntitle: Bài\ndate: 2020-01-02 08:00\n---\n\nNội dung.\n")
    for _ in range(2):  # twice: the second makes the spare beside the output
        assert built is None or site.build("--output", str(site.root / built)) == 0
    (site.root / content).mkdir(parents=True, exist_ok=True)
    before = sorted(site.root.rglob("*"))
    result = new(site, "Bài quan trọng", "--content", content)
    assert result.returncode == 1, result.stdout
    assert "new cannot write articles into" in result.stderr and expected in result.stderr
    assert sorted(site.root.rglob("*")) == before


def test_a_content_folder_named_that_does_not_exist_is_refused(site):
    """`new "..." --content conten` made conten/ and wrote the article there, which no
    build read; the default folder, missing in a new archive, is still made."""
    before = tree(site.root)
    result = new(site, "Bài mới", "--content", "conten")
    assert result.returncode == 1, result.stdout
    assert "conten: error: the content folder does not exist" in result.stderr, result.stderr
    assert "correct the name given with --content (for a new folder, create it first)" in (
        result.stderr
    )
    assert tree(site.root) == before
    shutil.rmtree(site.content)
    made = new(site, "Bài mới")
    assert made.returncode == 0, made.stderr
    assert (site.root / made.stdout.strip()).is_file()


def test_a_file_in_the_way_of_the_year_folder_is_a_message(site):
    (site.content / f"{datetime.now(HCM):%Y}").write_text("không phải thư mục", encoding="utf-8")
    result = new(site, "Bài mới")
    assert result.returncode == 1
    assert "cannot be written" in result.stderr and "year or month folder" in result.stderr
    assert "internal error" not in result.stderr


def test_a_full_disk_leaves_no_empty_article_to_stop_the_builds(site, capsys, monkeypatch):
    """The file is made, then its text cannot be written (a full disk, as on a real
    one): nothing may stay, or every build stops at an empty article and `new` calls
    the title taken."""
    import errno
    import os
    from pathlib import Path

    from newsarchive.cli import main

    real_open = Path.open

    def full_disk(self, mode="r", *args, **kwargs):
        handle = real_open(self, mode, *args, **kwargs)
        if ("w" in mode or "x" in mode) and self.is_relative_to(site.content):
            handle.close()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return handle

    command = ["new", "--config", str(site.root / "site.yaml"), "Tin phường Bạch Đằng"]
    monkeypatch.setattr(Path, "open", full_disk)
    assert main(command) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "nothing was written" in err, err
    assert list(site.content.rglob("*.md*")) == []  # nor a hidden part of one
    monkeypatch.undo()
    assert main(command) == 0
    (made,) = site.content.rglob("*.md")
    write_text(made, "Phường Bạch Đằng ra quân làm sạch đường phố.")
    assert site.build("--quiet") == 0


@pytest.mark.parametrize("pasted", ["", "below"])
def test_an_article_left_with_the_placeholder_is_not_published(site, capsys, pasted):
    """`new` writes a placeholder ("Viết nội dung bài viết ở đây…"); an editor who saved
    the file without replacing it, or pasted the article below it, published that
    sentence as the article's text and as its summary in every list."""
    site.add("2020/01/bai.md", "---\ntitle: Bài cũ\ndate: 2020-01-02\n---\n\nNội dung.\n")
    assert site.build() == 0
    before = tree(site.output)
    result = new(site, "Phường Bạch Đằng ra quân")
    assert result.returncode == 0, result.stderr
    path = site.root / result.stdout.strip()
    if pasted:
        with path.open("a", encoding="utf-8") as file:
            file.write("\nSáng nay, phường Bạch Đằng ra quân làm sạch đường phố.\n")
    capsys.readouterr()

    assert site.build() == 1
    err = capsys.readouterr().err
    rel = path.relative_to(site.root).as_posix()
    assert f"{rel}:8: error: the article still holds the placeholder text" in err
    assert "draft: true" in err
    assert tree(site.output) == before

    text = path.read_text(encoding="utf-8")  # the closing line is the first after one
    path.write_text(text.replace("\n---\n", "\ndraft: true\n---\n", 1), encoding="utf-8")
    assert front_matter(path)["draft"] is True
    assert site.build() == 0


def test_the_placeholder_is_known_under_a_summary_of_its_own(site, capsys):
    """An editor who wrote the `summary:` first and saved: the build knew the placeholder
    by the article's summary, now the one written, and published the placeholder as the
    article's text."""
    result = new(site, "Phường Bạch Đằng ra quân")
    assert result.returncode == 0, result.stderr
    path = site.root / result.stdout.strip()
    text = path.read_text(encoding="utf-8")
    summary = "\nsummary: Sáng nay phường ra quân.\n---\n"
    path.write_text(text.replace("\n---\n", summary, 1), encoding="utf-8")
    assert front_matter(path)["summary"] == "Sáng nay phường ra quân."
    capsys.readouterr()

    assert site.build() == 1
    rel = path.relative_to(site.root).as_posix()
    assert f"{rel}:9: error: the article still holds the placeholder" in capsys.readouterr().err
    assert not site.output.exists()


def test_the_placeholder_in_a_file_saved_in_nfd_is_said_at_its_line(site, capsys):
    """A file an editor on macOS saved in NFD (README: NFC or NFD give the same site),
    still holding the placeholder: refused, but with no line, the placeholder being
    looked for in NFC."""
    result = new(site, "Phường Bạch Đằng ra quân")
    assert result.returncode == 0, result.stderr
    path = site.root / result.stdout.strip()
    text = path.read_text(encoding="utf-8")
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    capsys.readouterr()

    assert site.build() == 1
    rel = path.relative_to(site.root).as_posix()
    assert f"{rel}:8: error: the article still holds the placeholder" in capsys.readouterr().err


@pytest.mark.parametrize("title", ["CON", "Aux", "lpt1"])
def test_new_makes_no_file_name_windows_cannot_hold(site, title):
    """`new "CON"` wrote content/<yyyy>/<mm>/con.md, which the next build warned of (an
    error with --strict): Windows keeps 'con' for a device and a colleague's checkout
    stops there. The article's file now gets a name Windows holds; its slug: line keeps
    the address."""
    result = new(site, title)
    assert result.returncode == 0, result.stderr
    path = site.root / result.stdout.strip()
    assert path.name == f"{title.lower()}-1.md", path
    assert front_matter(path)["slug"] == title.lower()
    write_text(path, "Nội dung bài viết.")
    done = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--strict"],
        cwd=site.root, capture_output=True, text=True, env=SUBPROCESS_ENV,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (site.output / path.parent.parent.name / path.parent.name / title.lower()).is_dir()
    page = new(site, "--page", title)  # a page's address is its file's name: refused
    assert page.returncode == 1, page.stdout
    assert "is the name of a device on Windows" in page.stderr, page.stderr
    assert "nothing was written" in page.stderr or not (site.content / "pages").exists()


@pytest.mark.parametrize("kind", ["article", "page"])
def test_the_placeholder_is_known_after_a_fork_rewords_it(site, capsys, kind):
    """A fork that reworded `new_article_body` in strings.yaml after `new` wrote a file
    with the words newsarchive comes with: the build knew only the new words, and
    published the old placeholder as the text (and the summary in every list)."""
    from newsarchive.cli import main

    site.add("2020/01/bai.md", "---\ntitle: Bài cũ\ndate: 2020-01-02\n---\n\nNội dung.\n")
    result = new(site, *(["--page"] if kind == "page" else []), "Phường Bạch Đằng ra quân")
    assert result.returncode == 0, result.stderr
    made = site.root / result.stdout.strip()
    strings = site.root / "templates" / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    default = yaml.safe_load(text)["new_article_body"]
    assert default in made.read_text(encoding="utf-8")
    strings.write_text(
        text.replace(default, "Gõ bài của phường ở đây, thay cho dòng này."), encoding="utf-8"
    )
    reworded = new(site, "Bài thứ hai")  # and the fork's own words are known as well
    assert "Gõ bài của phường" in (site.root / reworded.stdout.strip()).read_text(encoding="utf-8")
    capsys.readouterr()
    assert site.build() == 1
    err = capsys.readouterr().err
    rel = made.relative_to(site.root).as_posix()
    line = made.read_text(encoding="utf-8").split("\n").index(default) + 1
    assert f"{rel}:{line}: error: the {kind} still holds the placeholder text" in err, err
    second = (site.root / reworded.stdout.strip()).relative_to(site.root).as_posix()
    assert f"{second}:8: error: the article still holds the placeholder text" in err, err
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1  # check as well
    assert f"{rel}:{line}: error: the {kind} still holds" in capsys.readouterr().err


def test_a_placeholder_reworded_over_several_lines_is_said_at_its_line(site, capsys):
    """A fork's `new_article_body` written as a YAML block of several lines: a file `new`
    wrote with it was refused with no line, its first sentence (over two lines) being
    looked for in one."""
    strings = site.root / "templates" / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    default = yaml.safe_load(text)["new_article_body"]
    reworded = "|-\n  Gõ bài của phường ở đây,\n  thay cho dòng này.\n\n  Một đoạn nữa."
    strings.write_text(text.replace(default, reworded), encoding="utf-8")
    result = new(site, "Phường Bạch Đằng ra quân")
    assert result.returncode == 0, result.stderr
    path = site.root / result.stdout.strip()
    assert "\nGõ bài của phường ở đây,\nthay cho dòng này.\n" in path.read_text(encoding="utf-8")
    capsys.readouterr()

    assert site.build() == 1
    rel = path.relative_to(site.root).as_posix()
    assert f"{rel}:8: error: the article still holds the placeholder" in capsys.readouterr().err


def test_the_placeholder_newsarchive_comes_with_is_one_the_build_knows():
    """The build knows `new`'s words as newsarchive comes with them (a fork may reword
    its own): rewording them here without adding them there would publish the files
    that `new` wrote before."""
    words = yaml.safe_load((REPO / "templates" / "strings.yaml").read_text(encoding="utf-8"))
    assert words["new_article_body"] in SHIPPED_PLACEHOLDERS


def test_a_category_typed_almost_as_one_of_other_articles_is_said_at_once(site):
    """new --category "Hoạt độn Đảng, Đoàn thể" (a letter left out) was written in
    silence; only the next build said it was a category of its own."""
    meant = "Hoạt động Đảng, Đoàn thể"
    for n in (1, 2):
        site.add(
            f"2024/05/bai-{n}.md",
            f'---\ntitle: "Bài {n}"\ndate: 2024-05-0{n}\ncategory: {meant}\n---\n\nNội dung.\n',
        )
    result = new(site, "Chi bộ họp", "--category", "Hoạt độn Đảng, Đoàn thể")
    assert result.returncode == 0, result.stderr
    path = site.root / result.stdout.strip()
    assert front_matter(path)["category"] == "Hoạt độn Đảng, Đoàn thể"  # written as typed
    line = path.read_text(encoding="utf-8").split("\n").index("category: Hoạt độn Đảng, Đoàn thể")
    said = f"{result.stdout.strip()}:{line + 1}: warning: the category 'Hoạt độn Đảng, Đoàn thể'"
    assert said in result.stderr, result.stderr
    assert f"'{meant}' (2 articles)" in result.stderr
    assert f"write category: {meant}" in result.stderr

    # The category the others have, or a new one far from any, is no typo.
    for typed in (meant, "Văn hóa - Thể thao"):
        result = new(site, f"Tin {typed}", "--category", typed)
        assert result.returncode == 0 and result.stderr == "", result.stderr


def test_a_category_typed_with_other_punctuation_is_said_at_once(site):
    """new --category "Văn hóa Xã hội" (its comma left out) beside articles filed under
    "Văn hóa, Xã hội" was written in silence (one address, so no typo of another
    category); only the next build said it, and at the oldest article spelt so, which
    may be another. Letter case and the tone's place stay silent, as in the build."""
    meant = "Văn hóa, Xã hội"
    for n, spelt in ((1, f'"{meant}"'), (2, f'"{meant}"'), (3, "Văn hóa - Xã hội")):
        site.add(
            f"2024/05/bai-{n}.md",
            f'---\ntitle: "Bài {n}"\ndate: 2024-05-0{n}\ncategory: {spelt}\n---\n\nNội dung.\n',
        )
    for typed, others in (("Văn hóa Xã hội", ""), ("Văn hóa - Xã hội", " and 1 more")):
        result = new(site, f"Lễ hội {len(others)}", "--category", typed)
        assert result.returncode == 0, result.stderr
        path = site.root / result.stdout.strip()
        assert front_matter(path)["category"] == typed  # written as typed
        line = path.read_text(encoding="utf-8").split("\n").index(f"category: {typed}")
        said = (
            f"{result.stdout.strip()}:{line + 1}: warning: the category '{typed}' (this "
            f"article{others}) differs from '{meant}' ("
        )
        assert said in result.stderr, result.stderr
        assert "in its punctuation only" in result.stderr
        assert f"write it the same in every article: category: {meant}\n" in result.stderr
        assert len(result.stderr.strip().split("\n")) == 2, result.stderr  # said once

    for title, typed in (("Tin một", meant), ("Tin hai", "văn hoá, xã hội")):
        result = new(site, title, "--category", typed)
        assert result.returncode == 0 and result.stderr == "", result.stderr
