"""Test-only tools from npm, installed into tests/js/ by `npm ci --prefix tests/js`
(.ci/run does it): axe-core, injected into pages to check accessibility, and
vnu.jar, the W3C Nu HTML checker (needs Java). Like Chromium, a missing tool
fails the tests in CI and skips them on a developer machine.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

NODE_MODULES = Path(__file__).resolve().parent / "js" / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL = "npm ci --ignore-scripts --prefix tests/js"


def _missing(message: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def axe_source() -> str:
    if not AXE.is_file():
        _missing(f"{AXE} not found: run `{INSTALL}`")
    return AXE.read_text(encoding="utf-8")


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_run(page) -> list[dict]:
    """axe-core's violations on the page, for the rules of AXE_TAGS."""
    if not page.evaluate("'axe' in window"):
        page.add_script_tag(content=axe_source())
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                       resultTypes: ["violations"]})
                 .then(r => r.violations)""",
        AXE_TAGS,
    )


def vnu_check(paths: list[Path]) -> tuple[list[str], list[dict]]:
    """One vnu run (one Java start) over files and folders of HTML and CSS.

    Returns the files it checked and every message it gave.
    """
    if not VNU.is_file():
        _missing(f"{VNU} not found: run `{INSTALL}`")
    java = shutil.which("java")
    if not java:
        _missing("java not found (apt-get install default-jre-headless)")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", "--also-check-css"]
        + ["--verbose"]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # --verbose names each file on stdout; the JSON report goes to stderr.
    return result.stdout.splitlines(), json.loads(result.stderr)["messages"]


def large_text(page) -> None:
    """The browser's text size at 200% (Chrome's "Text size", as a phone's large-text
    setting): the default font doubled, so every rem and em doubles."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
