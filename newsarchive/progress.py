"""A progress counter for long builds, on stderr, only when a person watches it."""

import sys
import time
from typing import TextIO


class Progress:
    """``[#####.....] 5120/12698 pages`` redrawn at most ten times a second.

    Silent when the stream is not a terminal (logs, CI, pipes) or when quiet.
    """

    WIDTH = 30

    def __init__(self, total: int, label: str, stream: TextIO | None = None, quiet: bool = False):
        self.stream = stream or sys.stderr
        self.total = total
        self.label = label
        self.done = 0
        self.enabled = not quiet and total > 0 and _is_terminal(self.stream)
        self._drawn = 0.0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.enabled and (time.monotonic() - self._drawn > 0.1 or self.done >= self.total):
            self._draw()

    def close(self) -> None:
        if self.enabled:
            self._draw()
            self.stream.write("\r\x1b[K")  # clear the line for the summary
            self.stream.flush()

    def _draw(self) -> None:
        self._drawn = time.monotonic()
        filled = self.WIDTH * self.done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {self.label}")
        self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
