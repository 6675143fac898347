"""The bench's command-line tools answer `--help` and a wrong argument as every command
does: the usage, or a short error, never a traceback (the docs send readers to them)."""

import subprocess
import sys

import pytest
from conftest import REPO, SUBPROCESS_ENV


def bench(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "bench" / script), *args],
        capture_output=True, text=True, env=SUBPROCESS_ENV, timeout=60,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("script", "usage"),
    [
        ("serve_latency.py", "usage: serve_latency.py [-h] [ARTICLES ...]"),
        ("measure.py", "usage: measure.py [-h] COMMAND ..."),
    ],
)
def test_help_prints_the_usage(script, usage):
    """`--help` was read as a number of articles (ValueError) or as the command to time
    (FileNotFoundError), and printed a traceback."""
    result = bench(script, "--help")
    assert result.returncode == 0 and result.stdout.startswith(usage), result.stdout
    assert "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("serve_latency.py", "mot-tram"),
            "serve_latency.py: error: argument ARTICLES: invalid int value: 'mot-tram'",
        ),
        (("serve_latency.py", "0"), "serve_latency.py: error: a site needs 1 article or more"),
        (("measure.py",), "measure.py: error: the following arguments are required: COMMAND"),
        (("measure.py", "pythn3", "build.py"), "measure.py: error: there is no command pythn3"),
    ],
)
def test_a_wrong_argument_is_a_short_error(args, said):
    result = bench(*args)
    assert result.returncode == 2, result.stderr
    assert said in result.stderr and "Traceback" not in result.stderr, result.stderr
