"""The GitHub workflows: actionlint-clean, and the Pages one tests, builds, checks, deploys."""

import os
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import REPO, SUBPROCESS_ENV

from newsarchive.check import check_site

WORKFLOWS = REPO / ".github" / "workflows"
CI = os.environ.get("CI") == "true"


def actionlint() -> str:
    found = shutil.which("actionlint")
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


def test_pull_requests_run_the_tests():
    tests = load("tests.yml")
    assert "pull_request" in tests["on"] and "workflow_call" in tests["on"]
    steps = tests["jobs"]["test"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "python -m pip install -e '.[test]'" in runs
    assert runs[-1] == "python -m pytest"


def test_pages_deploys_after_the_tests_one_at_a_time():
    pages = load("pages.yml")
    assert "main" in pages["on"]["push"]["branches"]
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    jobs = pages["jobs"]
    assert jobs["tests"]["uses"] == "./.github/workflows/tests.yml"
    assert jobs["build"]["needs"] == "tests"
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    uses = [s["uses"] for job in jobs.values() for s in job.get("steps", []) if "uses" in s]
    assert sorted(uses) == [
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


def test_the_build_job_commands_work_under_a_project_sub_path(tmp_path):
    """Run the Pages build job's own commands on the repository's site."""
    for name in ("site.yaml", "build.py"):
        shutil.copy(REPO / name, tmp_path / name)
    for name in ("content", "templates", "static"):
        shutil.copytree(REPO / name, tmp_path / name)
    base_url = "https://editors.github.io/luu-tru"  # as configure-pages gives it
    commands = [
        s["run"]
        for s in load("pages.yml")["jobs"]["build"]["steps"]
        if "build.py" in s.get("run", "")
    ]
    assert len(commands) == 2
    # "python" in the commands is this interpreter, as setup-python makes it on GitHub.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    path = f"{bin_dir}{os.pathsep}{os.environ['PATH']}"
    for command in commands:
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", command],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env={**SUBPROCESS_ENV, "BASE_URL": base_url, "PATH": path},
        )
        assert result.returncode == 0, result.stdout + result.stderr
    canonical = (tmp_path / "_site/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base_url}/">' in canonical
    assert check_site(tmp_path / "_site", base_url) == []
