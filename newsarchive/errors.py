"""Problems in the editors' input, kept as values until the CLI prints them."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ContentError:
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


class BuildFailed(Exception):
    """Raised with every problem found, so an editor fixes them all in one go."""

    def __init__(self, errors: list[ContentError], outcome: str = ""):
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
