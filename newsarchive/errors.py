"""The one error convention.

Checkers return a list of Problems (all of them, so an editor fixes everything in one
go); producers return their value or raise BuildFailed with the Problems. A Problem is a
value until the CLI prints it: file, line, column, what is wrong and how to fix it.
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    hint: str = ""
    line: int | None = None
    column: int | None = None
    warning: bool = False  # reported, but the build goes on (unless --strict)

    def format(self, root: Path | None = None) -> str:
        where = str(_display(self.path, root))
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {'warning' if self.warning else 'error'}: {self.message}"
        if self.hint:
            text += f"\n    how to fix: {self.hint}"
        return text


# The old name, still used by pipeline.py, output.py, workers.py and cli.py (being reworked).
ContentError = Problem


class BuildFailed(Exception):
    """Raised with every problem found, so an editor fixes them all in one go."""

    def __init__(self, errors: list[Problem], outcome: str = ""):
        super().__init__(f"{len(errors)} problem(s) in the content")
        self.errors = errors
        # What the build did despite the problems, when it is not "nothing".
        self.outcome = outcome


def _display(path: Path, root: Path | None) -> Path:
    if root is not None:
        try:
            # The folder resolved, not the file: a symbolic link is named as it is.
            return path.parent.resolve().joinpath(path.name).relative_to(root.resolve())
        except ValueError:
            pass
    return path
