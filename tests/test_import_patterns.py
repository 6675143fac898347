"""The regular expressions a site profile holds (article_id, own_address, skip,
not_authors) run on every page: one that backtracks without end must not hang the import.

Each import runs in a process of its own with a timeout, so that a hang fails the test
(a timed assertion would not be one)."""

import subprocess
import sys

import pytest
from conftest import REPO, SUBPROCESS_ENV
from test_import import imported_files

RUN = "a" * 48  # a long run of one letter, on which the patterns below backtrack
ADDRESS = f"https://xa.vn/tin-tuc/{RUN}-55.html"
PAGE = f"""<html><body><h2 class="tieu-de">Tin của xã Đông Anh</h2>
<span class="ngay">05/03/2020 10:30</span><p class="tac-gia">{RUN} Văn An</p>
<div class="noi-dung"><p>Xã Đông Anh ra quân làm sạch đường làng.</p>
<script>window.open("{RUN}-55.html")</script></div></body></html>"""
PROFILE = "title: h2.tieu-de\ndate: span.ngay\nauthor: p.tac-gia\nbody: div.noi-dung\n"
KEYS = ["article_id", "own_address", "skip", "not_authors"]


def _import(site, tmp_path, key: str, pattern: str, *args: object) -> subprocess.CompletedProcess:
    """`import` of one page (``args``: of other pages instead) read with a profile whose
    ``key`` is ``pattern``."""
    site.add_profile("xa.yaml", PROFILE + f"{key}: '{pattern}'\n")
    page = tmp_path / "tin.html"
    page.write_text(PAGE, encoding="utf-8")
    command = [sys.executable, str(REPO / "build.py"), "import", "--profile", "xa"]
    command += args or [page, "--source-url", ADDRESS]
    try:
        return subprocess.run(
            command, cwd=site.root, capture_output=True, text=True, env=SUBPROCESS_ENV, timeout=120
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the import hung on the profile's {key}: {pattern!r}")


@pytest.mark.parametrize("key", KEYS)
def test_a_pattern_that_nests_repeats_does_not_hang_the_import(site, tmp_path, key):
    """`(a+)+$`, a repeat inside a repeat, tries every way of parting a run of a's
    before it fails: 2**48 of them, and the import never ended."""
    result = _import(site, tmp_path, key, "(a+)+$")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert len(imported_files(site)) == 1


@pytest.mark.parametrize("key", KEYS)
def test_a_pattern_that_backtracks_without_end_stops_the_import_at_its_line(site, tmp_path, key):
    """`(a|aa)+$` parts a run of a's in as many ways as `(a+)+$` does, and no matcher
    sees through it: the import stops at the pattern, saying where it is written and
    how to correct it, and the page is not imported."""
    result = _import(site, tmp_path, key, "(a|aa)+$")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    profile = site.root / "import-profiles" / "xa.yaml"
    said = (
        f"{profile.relative_to(site.root)}:5: error: the xa profile's '{key}', '(a|aa)+$', "
        "did not finish within 2 seconds on "
    )
    assert said in result.stderr, result.stderr
    assert "tin.html" in result.stderr.split(said, 1)[1].split("\n", 1)[0]
    assert "how to fix: rewrite the pattern so that" in result.stderr
    assert "the import stopped after 0 page(s)" in result.stderr
    assert imported_files(site) == []


def test_a_pattern_stopped_in_a_worker_process_stops_the_import_as_well(site, tmp_path):
    """A crawl of many pages is read by worker processes: the stop there is said as the
    one here, not as a worker's failure, and the import ends."""
    crawl = tmp_path / "crawl" / "xa.vn" / "tin-tuc"
    crawl.mkdir(parents=True)
    for n in range(60):
        (crawl / f"{RUN}-{n}.html").write_text(
            PAGE.replace("Đông Anh ra", f"Đông Anh {n} ra"), encoding="utf-8"
        )
    result = _import(site, tmp_path, "own_address", "(a|aa)+$", "--jobs", "2", crawl.parent.parent)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "xa.yaml:5: error: the xa profile's 'own_address'" in result.stderr, result.stderr
    assert "worker" not in result.stderr
