"""Shared helpers: build real sites into temporary folders and read what they wrote."""

import os
import re
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from newsarchive.cli import main
from newsarchive.importing.media import FOLDER as MEDIA_FOLDER
from newsarchive.importing.profiles import FOLDER as PROFILES_FOLDER
from newsarchive.uistrings import load_strings

REPO = Path(__file__).resolve().parent.parent
# Subprocesses import this checkout's package, whatever else is installed.
SUBPROCESS_ENV = {**os.environ, "PYTHONPATH": str(REPO)}
# The capture the first article was made from. A copy lives in the repository so the
# tests also run on GitHub, where the shared seeds folder beside the clone is absent;
# test_import.py checks that the copy equals the original wherever that is present.
SEED_CAPTURE = REPO / "tests" / "data" / "000_f568cb34938b300f.txt"
# The shared folder beside the clone (/work/main -> /work/shared), or beside the folder of
# worktrees (/work/wt/NAME -> /work/shared): without the second, a worktree's tests of
# the real samples were skipped without a word.
SHARED = next(
    (d / "shared" for d in (REPO.parent, REPO.parent.parent) if (d / "shared").is_dir()),
    REPO.parent / "shared",
)
SHARED_SEED_CAPTURE = SHARED / "seeds" / SEED_CAPTURE.name
# The archive the tests build: Hai Bà Trưng's site.yaml and content (the first article,
# the about page), copied from the repository. The tests read this copy, not the
# repository's own site.yaml and content/, which a fork for another district rewrites
# (README, "Archiving a portal", step 0): its tests then still pass, unchanged.
# test_seed_article.py checks that the copy equals the repository's files where they
# are present.
SEED_SITE = REPO / "tests" / "data" / "seed"
SEED_CONTENT = SEED_SITE / "content"
# The words of the repository's templates/strings.yaml: a test of the theme reads the
# words it looks for here, so that a fork's rewording leaves it passing.
WORDS = load_strings(REPO / "templates")


def lines_only(said: str) -> str:
    """Messages without their columns ("a.md:6:12: warning" as "a.md:6: warning"), for
    the tests of the line a message names (test_body_links checks the columns)."""
    return re.sub(r"(?m)^(\S.*?:\d+):\d+(: (?:warning|error): )", r"\1\2", said)


def place_of(lines: list[str], text: str, nth: int = 0) -> str:
    """Where the ``nth`` ``text`` is in ``lines`` (a file's, as written), as a message
    names it: "line:column", the column of its first letter, one a character."""
    found = [
        f"{n}:{m.start() + 1}"
        for n, line in enumerate(lines, 1)
        for m in re.finditer(re.escape(text), line)
    ]
    return found[nth]


def article(title: str, date: str, body: str = "Nội dung bài viết.", **fields: str) -> str:
    """Front matter + body, as an editor would write it."""
    lines = ["---", f"title: {title}", f"date: {date}"]
    lines += [f"{key}: {value}" for key, value in fields.items()]
    return "\n".join([*lines, "---", "", textwrap.dedent(body).strip(), ""])


def copy_static(to: Path) -> None:
    """The repository's static/ but static/media/: the pictures and files a fork's import
    copied there (up to a GB), which some six hundred test sites a run copied, and each
    of their builds again, until a fork's Tests workflow filled the runner's disk. A test
    needs the theme (style sheet, scripts, a logo), as it needs the templates, not the
    archive's content."""
    static = REPO / "static"

    def imported(folder: str, names: list[str]) -> list[str]:
        return [MEDIA_FOLDER] if Path(folder) == static and MEDIA_FOLDER in names else []

    shutil.copytree(static, to, ignore=imported, dirs_exist_ok=True)


class SiteDir:
    """A site folder with the repository's own templates and static files, and the
    settings of the tests' archive (SEED_SITE)."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        self.output = root / "_site"
        shutil.copytree(REPO / "templates", root / "templates")
        copy_static(root / "static")
        shutil.copy(SEED_SITE / "site.yaml", root / "site.yaml")
        self.content.mkdir()

    def add_seed(self) -> None:
        """The tests' archive's articles and pages (SEED_CONTENT)."""
        for path in SEED_CONTENT.rglob("*.md"):
            self.add(path.relative_to(SEED_CONTENT).as_posix(), path.read_bytes())

    def configure(self, **settings: object) -> None:
        """Change settings in the site's site.yaml (None removes one)."""
        path = self.root / "site.yaml"
        values = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        values.update(settings)
        values = {k: v for k, v in values.items() if v is not None}
        path.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")

    def add(self, rel: str, text: str | bytes) -> Path:
        path = self.content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, str):
            text = text.encode("utf-8")
        path.write_bytes(text)
        return path

    def add_profile(self, name: str, text: str) -> Path:
        """An archivist's import profile, in the folder import reads them from."""
        path = self.root / PROFILES_FOLDER / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def build(self, *args: str) -> int:
        return main(["build", "--config", str(self.root / "site.yaml"), *args])

    def read(self, rel: str) -> str:
        return (self.output / rel).read_text(encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> SiteDir:
    return SiteDir(tmp_path / "site")


@pytest.fixture
def seed_site(site: SiteDir) -> SiteDir:
    site.add_seed()
    return site


@pytest.fixture
def corpus_site(site: SiteDir) -> SiteDir:
    """The browsing fixture: a few dozen Vietnamese articles over several years,
    categories and tags, four to a list page (see corpus.py)."""
    from corpus import CORPUS, write_corpus

    site.configure(per_page=4, feed_size=5, base_url="https://example.org/repo/")
    write_corpus(site, CORPUS)
    return site


def tree(root: Path) -> dict[str, bytes]:
    """Every file below root with its bytes, to compare whole builds."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def leftovers(root: Path) -> list[Path]:
    """What builds left beside _site other than the previous version and the lock
    (kept on purpose, see newsarchive/publish.py): staging folders of killed builds."""
    kept = {"_site.previous", "_site.lock"}
    return [p for p in root.glob("_site.*") if p.name not in kept]


TreeReader = Callable[[Path], dict[str, bytes]]


from serving import browser  # noqa: E402, F401  (a fixture for every test file)
from showcase import showcase, showcase_address  # noqa: E402, F401  (fixtures)
