"""What an import did: a JSON-lines file with a line per page, and the summary it prints.

The file lists every page in input order (input, source_url, outcome, file written,
title, date, profile, reason, notes, media copied and missing); it holds no times, so
two runs on the same input give the same file.
"""

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..cache import cache_folder
from ..config import SiteConfig
from ..errors import Problem, shown
from ..outputguard import among_outputs, protected_folders, real_path, source_clash
from .crawl import printable
from .extract import CRAWL_FIXES
from .html import LOST_CONTENT
from .media import write_atomic
from .run import ALREADY, FAILED, IMPORTED, NOT_ARTICLE, Row

DEFAULT_NAME = "import-report.jsonl"
# A quotation mark, not an apostrophe between letters (the page's, HTTrack's).
_QUOTE = re.compile(r"(?<![^\W\d_])'|'(?![^\W\d_])")
_OWN_DETAIL = re.compile(r" \((?=[^()]*[#/])(?:[^()]|\([^()]*\))*\)$")  # "(crawl#617 (a/b))"
# Of a kind of note, this many lines of its details are printed (of one that says a
# picture or file was lost, all); the report file has them all.
NOTES_SHOWN_PER_KIND = 60


@dataclass(frozen=True)
class PageNames:
    """How every message of a run names a page: from the one folder or crawl file the
    command was given (`tin-tuc/bai.html`, a WARC's `#617851 (host/path)`), or from the
    folder that holds all the paths given (`…/saved/*.html`), that folder said once above
    them; any other file as the build names files, from the current folder when it is
    under it. A crawl kept outside the archive was named by its full path on every line,
    the page's name lost at its end."""

    folder: str = ""  # the folder or crawl file given, as its pages' names begin ("": none)

    @classmethod
    def given(cls, paths: list[Path]) -> "PageNames":
        if len(paths) == 1:
            return cls(str(paths[0]))
        try:  # the deepest folder holding them all, as they are spelt
            folder = os.path.commonpath([str(p) for p in paths])
        except ValueError:  # some from "/", some from the current folder
            return cls()
        # None shared but "/", or the current folder, from which they are named anyway.
        wide = not folder or folder == os.path.dirname(folder)
        return cls("" if wide or Path(folder).resolve() == Path.cwd().resolve() else folder)

    def _starts(self) -> tuple[str, ...]:
        # The pages of a folder are named printable, a WARC's records as given.
        folders = dict.fromkeys((self.folder, printable(self.folder))) if self.folder else {}
        return tuple(f"{f}{end}" for f in folders for end in (os.sep, "#", "!"))

    def named(self, origin: str) -> bool:
        """Whether ``origin`` is named from the folder (which is then said above it)."""
        return origin.startswith(self._starts())

    def __call__(self, origin: str) -> str:
        start = next((s for s in self._starts() if origin.startswith(s)), "")
        if not start:
            return shown(origin)
        # A WARC's record keeps its "#": "#617851 (host/path)"; a WACZ's its WARC's name.
        return origin[len(start) - start.endswith("#") :]

    @property
    def heading(self) -> str:
        """The folder as the line above its pages names it."""
        folder = Path(self.folder)
        return shown(folder) + (os.sep if folder.is_dir() else "")

    def problems(self, problems: list[Problem]) -> list[Problem]:
        """``problems`` with their pages so named (to print without a root)."""
        return [replace(p, path=Path(self(str(p.path)))) for p in problems]


@dataclass
class Tally:
    pages: int = 0
    outcomes: Counter = field(default_factory=Counter)
    media_copied: int = 0  # distinct files newly copied into the static folder's media/
    media_linked: int = 0  # links to copies (a file shared by pages counts for each)
    media_missing: int = 0  # links still to the old site: not in the crawl, or not copied
    media_not_copied: int = 0  # of those, the crawl held a page or unreadable SVG there
    dropped: int = 0  # relative addresses left out (a page without its original address)
    # (outcome, reason) of the pages not imported and not failed (failures are printed
    # one by one), and the first page of each: a page named on the command line, or one
    # of a crawl, is then named in the summary, not only counted.
    skipped: Counter = field(default_factory=Counter)
    examples: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # page, detail
    crawled: bool = False  # a page came from a crawl, not named on the command line

    def add(self, row: Row) -> None:
        result = row.result
        self.pages += 1
        self.crawled = self.crawled or not result.page.named
        self.outcomes[result.outcome] += 1
        if result.outcome in (NOT_ARTICLE, ALREADY):
            # The reason without what it says of this page alone ("(crawl.warc.gz#617
            # (host/path))"): one line a reason, not one a page. The advice a reason ends
            # with in brackets, the same for every page, is the reason's own.
            advised = result.reason.endswith(CRAWL_FIXES)
            detail = None if advised else _OWN_DETAIL.search(result.reason)
            key = (result.outcome, result.reason[: detail.start()] if detail else result.reason)
            self.skipped[key] += 1
            # With its detail: the example's own, such as the article it matched.
            self.examples.setdefault(
                key, (result.page.origin, detail.group(0)[2:-1] if detail else "")
            )
        self.media_copied += row.copied
        if result.outcome == IMPORTED and row.file:
            self.media_linked += len(result.media)
            self.media_missing += len(result.missing)
            self.media_not_copied += len(result.not_copied)
            self.dropped += len(result.dropped)

    def summary(
        self, seconds: float, other_files: int, report: str, media: str, names: PageNames
    ) -> list[str]:
        """The lines printed at the end; ``report`` and ``media`` (the folder the pictures
        went to: static/media, or the --static folder's) as the editor should read them,
        the example pages as ``names`` names them."""
        get = self.outcomes.get
        # The file the crawl held but that was not copied still leads to the old site:
        # counted with the missing ones, as the report lists it among them.
        absent = self.media_missing - self.media_not_copied
        # Pages named one by one were said to be "of the crawl", though there was none.
        crawled = self.crawled or not self.pages
        nowhere = "not in the crawl" if crawled else "not beside the page(s)"
        linked = f"{absent} {nowhere} (still linked to the old site)"
        if self.media_not_copied:
            linked = (
                f"{absent} {nowhere} and {self.media_not_copied} not copied (see the "
                f"notes): {self.media_missing} still linked to the old site"
            )
        if self.dropped:
            linked += (
                f"; {self.dropped} relative address(es) leading nowhere left out (see the notes)"
            )
        seen = f"{other_files} other file(s) of the crawl not pages"
        if not crawled:
            seen = "named one by one, not a crawl"
        lines = [
            f"Pages seen: {self.pages} ({seen}); "
            f"imported: {get(IMPORTED, 0)}; not articles: {get(NOT_ARTICLE, 0)}; "
            f"already there: {get(ALREADY, 0)}; failed: {get(FAILED, 0)}",
            f"Media: {self.media_copied} file(s) copied to {media} "
            f"({self.media_linked} link(s) to copies), {linked}",
        ]
        for outcome, title in ((NOT_ARTICLE, "Not articles"), (ALREADY, "Already there")):
            counted = [(key, n) for key, n in self.skipped.most_common() if key[0] == outcome]
            if counted:
                lines.append(
                    f"{title}: "
                    + "; ".join(f"{k[1]} ({n}, e.g. {self._example(k, names)})" for k, n in counted)
                )
        where = f" Report, a line per page: {report}" if self.pages else ""
        lines.append(f"Time: {seconds:.1f} s.{where}")
        return lines

    def _example(self, key: tuple[str, str], names: PageNames) -> str:
        page, detail = self.examples[key]
        return f"{names(page)}: {detail}" if detail else names(page)

    def named_examples(self, names: PageNames) -> bool:
        """Whether the summary names a page from the folder (said above it, then)."""
        return any(names.named(page) for page, _ in self.examples.values())


def report_line(row: Row, root: Path) -> str:
    """The page's line; the file written is given from ``root`` (the site's folder)."""
    result = row.result
    found = result.found
    record = {
        "input": result.page.origin,
        "source_url": result.source_url,
        "outcome": result.outcome,
        "file": _below(Path(row.file), root) if row.file else "",
        "title": found.title if found else "",
        "date": found.published.isoformat() if found and found.published else "",
        "profile": found.profile if found else result.profile,
        "reason": result.reason,
        "notes": [*result.notes, *row.notes],
        "media_copied": [m.url for m in result.media] if row.file else [],
        "media_missing": list(result.missing) if row.file else [],
    }
    return json.dumps(record, ensure_ascii=False)


def with_note(line: str, note: str) -> str:
    """The page's line, ``note`` added to its notes (one the run found after the page)."""
    record = json.loads(line)
    record["notes"].append(note)
    return json.dumps(record, ensure_ascii=False)


def _below(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def report_problem(path: Path, config: SiteConfig) -> str:
    """Why the report may not be written to ``path``, or "": it replaces the file there,
    so it must be new or an earlier report (`--report site.yaml` replaced the settings,
    `--report page.html` the page to import), and it may not go into a folder of the
    project's own or one a build replaces."""
    target = real_path(path)
    if target.is_dir():
        return "it is a folder"
    if not target.parent.is_dir():  # a mistyped folder would be made, the report lost in it
        return f"its folder {path.parent} does not exist (create it first, or correct its name)"
    folders = protected_folders(
        config.root, config.content_dir, config.templates_dir, config.static_dir,
        cache_folder(config),
    )  # fmt: skip
    del folders["project folder"]  # beside site.yaml is the default place
    built = among_outputs(target.parent, config.output_dir)
    if built == real_path(config.output_dir):
        return f"it is in the output folder {config.output_dir}, which every build replaces"
    if built is not None:
        return f"it is in {built.name}, a folder the build keeps beside {config.output_dir.name}"
    clash = source_clash(target, folders)
    if clash:
        return clash
    if target.exists() and not _is_report(target):
        return "this file exists and is not an import report: it would be replaced"
    return ""


def _is_report(path: Path) -> bool:
    """Empty, or a JSON object with the report's first keys on every line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines]
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return all(isinstance(r, dict) and {"input", "outcome"} <= r.keys() for r in records)


def write_report(path: Path, lines: list[str]) -> None:
    write_atomic(path, "".join(line + "\n" for line in lines).encode("utf-8"))


def grouped_notes(
    rows: list[tuple[str, list[str]]], report: str, names: PageNames = PageNames()
) -> list[str]:
    """The notes as an archivist reads them: each kind once, with its pages.

    A note is "what: detail" (a file the crawl lacks: its address). The pages are named
    from the folder imported, said once (``names``), and
    under each kind each page with its details, one a line; a tail every detail of the
    kind ends with ("; find the picture on the original page…") once after them. A note
    the same on many pages is one line, with its count. The notes that say a picture or
    file of a page was lost come first, none cut off: a crawl lacks dozens of files, each
    a note of its page, and they hid the few that matter after "... and N more"; of each
    other kind, at most NOTES_SHOWN_PER_KIND lines of details, the rest counted (the report
    file has them all)."""
    kinds: dict[str, dict[str, list[str]]] = {}  # kind -> page -> details
    for origin, notes in rows:
        for note in dict.fromkeys(notes):
            kind, detail = _kind_and_detail(note)
            kinds.setdefault(kind, {}).setdefault(names(origin), []).append(detail)
    named = any(names.named(origin) for origin, notes in rows if notes)
    lines = [f"Notes (the pages are named from {names.heading}):"] if named else []
    for lost in (True, False):
        kept = {k: pages for k, pages in kinds.items() if k.startswith(LOST_CONTENT) == lost}
        shared = {k: pages for k, pages in kept.items() if _same_on_each(pages)}
        for kind, pages in kept.items():
            if kind not in shared:
                _kind_lines(lines, kind, pages, None if lost else NOTES_SHOWN_PER_KIND, report)
        lines += [
            f"note on {len(pages)} pages (e.g. {next(iter(pages))}): "
            + ": ".join(filter(None, (kind, next(iter(pages.values()))[0])))
            for kind, pages in sorted(shared.items(), key=lambda item: (-len(item[1]), item[0]))
        ]
    return lines


def _kind_and_detail(note: str) -> tuple[str, str]:
    """What the note says and of what, parted at its first ': ' outside quotes and
    brackets (a category printed 'TIN: VĂN HÓA' is not cut inside); the whole note and
    "" when there is none."""
    at = note.find(": ")
    while at >= 0:
        kind = note[:at]
        if len(_QUOTE.findall(kind)) % 2 == 0 and kind.count("(") == kind.count(")"):
            return kind, note[at + 2 :]
        at = note.find(": ", at + 1)
    return note, ""


def _same_on_each(pages: dict[str, list[str]]) -> bool:
    """Whether the kind is one note found on several pages (said once, with its count)."""
    details = list(pages.values())
    return len(details) > 1 and all(d == details[0] and len(d) == 1 for d in details)


def _kind_lines(
    lines: list[str], kind: str, pages: dict[str, list[str]], budget: int | None, report: str
) -> None:
    """Adds the kind's lines to ``lines``, at most ``budget`` of its details."""
    details = [d for found in pages.values() for d in found]
    if len(details) == 1:  # as it was: file, what, detail on one line
        page, (detail,) = next(iter(pages.items()))
        lines.append(f"{page}: note: " + ": ".join(filter(None, (kind, detail))))
        return
    tail = _shared_tail(details)
    count = f"{len(details)} on {len(pages)} page{'s' if len(pages) > 1 else ''}"
    lines.append(f"note: {kind} ({count}):")
    left = 0
    for page, found in pages.items():
        shown = [d.removesuffix(tail) for d in found][:budget]
        left += len(found) - len(shown)
        budget = None if budget is None else budget - len(shown)
        if len(shown) == 1:
            lines.append(f"    {page}: {shown[0]}" if shown[0] else f"    {page}")
        elif shown:
            lines += [f"    {page}:", *(f"        {d}" for d in shown)]
    if left:
        lines.append(f"    ... and {left} more note(s): see {report}")
    if tail:
        lines.append(f"    for each: {tail.removeprefix('; ')}")


def _shared_tail(details: list[str]) -> str:
    """The end every detail has after a "; " (the same advice for each), or ""."""
    first = details[0]
    at = first.find("; ")
    while at >= 0:
        tail = first[at:]
        if all(d.endswith(tail) and len(d) > len(tail) for d in details):
            return tail
        at = first.find("; ", at + 1)
    return ""
