"""One's own profile's title and body selectors across an import run.

A selector that matches no element on any page the profile picked is misspelt, or was
copied from another portal: the run is an error naming it at its line and column, and
the articles it read are not written (each would be its lead alone, or nothing). One
missing from some pages only is a note on each of those (extract.py). Packaged profiles
are not looked at: their pages' lists are no fault of the archivist's.

Whether every page misses a selector is known only at the run's end, so import_crawl
holds the articles of a profile back until each of its selectors has matched on some
page: on a sound profile, the first page it picks (nothing held); on a misspelt one,
every page, and none is written.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from .page import Unmatched
from .profiles import Profiles


@dataclass
class UnmatchedRun:
    """What each of one's own profiles' selectors matched on the pages read so far."""

    profiles: Profiles | None
    picked: dict[str, list[str]] = field(default_factory=dict)  # by profile: its pages
    missing: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    seen: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)

    def add(self, origin: str, profile: str, unmatched: tuple[Unmatched, ...] | None) -> None:
        """A page ``profile`` read (``origin``), and which of its selectors matched
        nothing there (None: not looked at, not one's own profile)."""
        if unmatched is None:
            return
        self.picked.setdefault(profile, []).append(origin)
        for missed in unmatched:
            key = (profile, missed.key, missed.selector)
            self.missing[key] += 1
            if missed.seen:
                self.seen.setdefault(key, (origin, missed.seen))

    def pending(self, profile: str, unmatched: tuple[Unmatched, ...] | None) -> bool:
        """Whether an article ``profile`` read waits: one of its selectors has not yet
        matched on any page."""
        return unmatched is not None and bool(self._found_nowhere(profile))

    def _found_nowhere(self, profile: str) -> list[tuple[str, str]]:
        read = len(self.picked.get(profile, ()))
        own = self.profiles.named(profile) if self.profiles else None
        checked = own.checked() if own is not None else ()
        return [
            (key, selector)
            for key, selector in checked
            if read and self.missing[(profile, key, selector)] == read
        ]

    def reason(self, profile: str) -> str:
        """Why an article of ``profile`` was not written (the error says the rest)."""
        key, selector = self._found_nowhere(profile)[0]
        return (
            f"not written: the {profile} profile's {key} selector {selector!r} matched "
            "nothing on any page it picked"
        )

    def problems(self, names: Callable[[str], str]) -> list[Problem]:
        """An error for each selector of one's own profile that matched nothing on every
        page it picked, its pages named by ``names``."""
        said = []
        for name, pages in self.picked.items():
            profile = self.profiles.named(name) if self.profiles else None
            if profile is None:
                continue
            for key, selector in self._found_nowhere(name):
                item = profile.title[0] if key == "title" else selector
                line, column = profile.place(key, item)
                shown = ", ".join(map(names, pages[:2])) + (", …" if len(pages) > 2 else "")
                count = "the 1 page" if len(pages) == 1 else f"any of the {len(pages)} pages"
                message = (
                    f"the {name} profile's {key} selector {selector!r} matched nothing on "
                    f"{count} the profile picked ({shown}): no page it picked was imported"
                )
                fix = _fix(key, names, self.seen.get((name, key, selector)))
                if profile.body_parts[1:].count(selector):
                    # A later part may be one this crawl happens to lack (an attachments box).
                    fix += "; if no page of this crawl has that part, take it out of body's list"
                said.append(Problem(Path(profile.origin), message, fix, line, column))
        return said


def _fix(key: str, names: Callable[[str], str], seen: tuple[str, str] | None) -> str:
    """How to correct the selector: by the page's HTML, and the selector of the page's
    own classes and ids closest to it, when one matches there."""
    part = "title" if key == "title" else "article's text"
    fix = (
        f"check the selector against a page's HTML (open a page in a browser, right-click "
        f"the {part}, choose Inspect: docs/import-profiles.md#selectors)"
    )
    if seen is not None:
        fix += f": {names(seen[0])} has {seen[1]!r}"
    return fix + "; correct the selector, then import again"
