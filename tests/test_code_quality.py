"""The code stays ruff and mypy clean: lint, format and types are part of the test suite."""

import importlib.util
import os
import subprocess
import sys

import pytest
from conftest import REPO


def test_ruff_check_and_format():
    for args in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [sys.executable, "-m", "ruff", *args], cwd=REPO, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_mypy():
    """Type hints hold (settings in pyproject.toml [tool.mypy]). CI always runs it."""
    if importlib.util.find_spec("mypy") is None and not os.environ.get("CI"):
        pytest.skip("mypy is not installed: pip install -e '.[test]'")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
