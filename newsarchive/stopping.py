"""Ctrl+C, remembered as well as raised.

Python raises KeyboardInterrupt wherever the program is when Ctrl+C comes; code that
catches every exception there (a library's `except BaseException`, a callback whose
errors Python drops) lets the build go on, and it published the site it was asked to
stop, with exit 0. The handler also notes that Ctrl+C came, and the build looks again
before the one step that changes what readers see (publish.publish)."""

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType

_asked = False


@contextlib.contextmanager
def listening() -> Iterator[None]:
    """Ctrl+C noted while a command runs (none noted before it)."""
    global _asked
    _asked = False
    previous = signal.getsignal(signal.SIGINT)
    # Ignored when the command was started (in the background of a script): left so.
    if previous is signal.SIG_IGN:
        yield
        return
    try:
        signal.signal(signal.SIGINT, _stop)
    except ValueError:  # not the main thread (a test's): Python's own handler stays
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _stop(_signum: int, _frame: FrameType | None) -> None:
    global _asked
    _asked = True
    raise KeyboardInterrupt


def check() -> None:
    """Raise KeyboardInterrupt if Ctrl+C came since the command started, even if what
    it raised then was caught."""
    if _asked:
        raise KeyboardInterrupt
