"""`import`: what the command line asks, done, and what it did, for cli.py to print.

    site profiles, the report's file            profiles.load_profiles, report.report_problem
    open the crawl (list its pages)             crawl.open_crawl
    every page, read and written                run.import_crawl
    count, collect problems and notes           report.Tally
    the report, a line per page                 report.write_report

The report is written however the import ends: stopped (Ctrl+C, a worker that died, a
full disk), it lists the pages done, every article written is whole, and the same
command goes on where it stopped.
"""

import contextlib
import difflib
import errno
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from ..config import SiteConfig, original_host, unnamed_portal
from ..errors import BuildFailed, Problem, raised_stopping, shown
from ..partfiles import left_behind, target_of
from . import media as mediafiles
from .crawl import open_crawl
from .dates import MonthFirstRun
from .extract import CRAWL_FIXES
from .known import read_archive, source_key
from .profiles import Profiles, SlowPattern, load_profiles
from .report import (
    DEFAULT_NAME,
    PageNames,
    Tally,
    report_line,
    report_problem,
    with_note,
    write_report,
)
from .run import (
    FAILED,
    IMPORTED,
    NOT_ARTICLE,
    Options,
    PageResult,
    Row,
    import_crawl,
    is_dated,
)
from .unmatched import UnmatchedRun

try:
    import fcntl
except ImportError:  # Windows: no lock (the rest works the same)
    fcntl = None  # type: ignore[assignment]

NOTHING_IMPORTED = "nothing was imported."
# Why an import ended before its last page ("": it did not).
INTERRUPTED, WORKER_DIED, WRITE_FAILED = "interrupted", "stopped: a worker died", "write failed"
PATTERN_STOPPED = "stopped at a site profile's pattern"
STOPPED_AT_PROBLEM = (WRITE_FAILED, PATTERN_STOPPED)  # the summary is what stopped it
# A page a site profile read and found no article in; other reasons carry their own.
_FIX_NOT_ARTICLE = (
    "if it is an article, read it with the site profile that fits it (--profile NAME), or "
    "correct that profile's selectors (docs/import-profiles.md)"
)


# With a crawl, --source-url and --date go together: the page of that address gets that date.
_SOURCE_URL_WITH_DATE = (
    "--source-url is the address of one page, and --date its publish date: import "
    "one FILE with them, or give both to date the page of that address in a crawl"
)


class WrongArguments(Exception):
    """The command line asks for what the crawl does not allow (the message says why)."""


@dataclass(frozen=True)
class Request:
    """What the command line asks for."""

    paths: list[Path]  # files, mirror folders, WARC and WACZ files
    source_url: str  # one page's original address, or in a crawl the page --date is for
    date: datetime | None
    aliases: bool
    profile: str  # read every page with this site profile ("": each by its markers)
    all_languages: bool
    accept_missing: bool
    report: Path | None  # None: import-report.jsonl beside site.yaml
    jobs: int | None
    # The options given that a run importing a page again needs (--profile NAME...), as
    # words: the failure of a page that shows no date writes the command to paste.
    again: tuple[str, ...] = ()


@dataclass(frozen=True)
class Imported:
    """What an import did, for the command to print."""

    report: Path  # the report's file
    media: Path  # the folder the pictures and attachments went to
    tally: Tally
    # The pages that failed; with WRITE_FAILED what stopped it, with PATTERN_STOPPED both.
    errors: list[Problem]
    outcome: str  # what the import did despite the errors
    notes: list[tuple[str, list[str]]]  # each written article's page and its notes
    other_files: int  # files of the crawl that are not pages
    seconds: float
    stopped: str  # INTERRUPTED, WORKER_DIED, WRITE_FAILED, PATTERN_STOPPED or ""
    report_unwritten: str  # why the report's file was not written, or ""
    # site.yaml names no original_site though the pages came from one portal.
    warnings: list[Problem] = field(default_factory=list)


@contextlib.contextmanager
def one_import(config: SiteConfig) -> Iterator[None]:
    """Keeps a second import off the archive while this one runs (a second terminal, a
    run thought stalled): each found every page new and wrote it, the second under
    another name, and the aliases of the two copies stopped every build. The lock is the
    project folder's own (flock, released when the process ends): no file is made."""
    if fcntl is None:  # Windows: no lock (the rest works the same)
        yield
        return
    held = os.open(config.root, os.O_RDONLY)
    try:
        try:
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            problem = Problem(
                config.content_dir,
                "another import into this archive is running",
                "let it end (or stop it with Ctrl+C), then run this one: what it imported "
                "is then already there",
            )
            raise BuildFailed([problem]) from None
        yield
    finally:
        os.close(held)


def import_paths(
    config: SiteConfig, request: Request, written: Callable[[str, Path], None]
) -> Imported:
    """Import the pages of ``request.paths`` into the site, calling ``written`` with each
    page and the article file written from it as soon as it is written.

    Raises BuildFailed when nothing can be imported (a wrong profile, a report's file
    that may not be replaced, no path given there), WrongArguments for --source-url or
    --date with a crawl."""
    profiles = load_profiles(config, request.profile, request.all_languages)
    report_path = _report_file(config, request.report)
    started = time.perf_counter()
    crawl = open_crawl(request.paths)
    if crawl.problems and not crawl.pages:
        # Every name mistyped, or no page in what was given (a picture, a folder of
        # them): nothing to read, so no summary of 0 pages, only what is wrong.
        crawl.close()
        raise BuildFailed(list(crawl.problems))
    # Given one page, --source-url is its address; given a crawl, the page --date is for.
    one_page = len(crawl.pages) <= 1 and not any(f.is_dir() for f in request.paths)
    if not one_page and bool(request.source_url) != (request.date is not None):  # one alone
        crawl.close()
        raise WrongArguments(_SOURCE_URL_WITH_DATE)
    options = _options(request, profiles, one_page)
    removed = _remove_left_behind(config)
    done = _Done(errors=list(crawl.problems), names=PageNames.given(request.paths))
    stopped = unwritten = ""
    unmatched = UnmatchedRun(profiles)
    try:
        for row in import_crawl(crawl, config, options, unmatched):
            done.take(row, one_page, config.root, written)
    except KeyboardInterrupt:
        stopped = INTERRUPTED
    except BrokenProcessPool:
        stopped = WORKER_DIED
    except SlowPattern as slow:
        stopped = PATTERN_STOPPED
        done.errors.append(slow.problem)
    except OSError as exc:  # a full disk, a read-only content or static folder
        if raised_stopping(exc):  # a pool shut down under Ctrl+C: a stop, as the build's
            stopped = INTERRUPTED
        else:
            stopped, done.errors = WRITE_FAILED, [_stopped_at(exc, config)]
    finally:
        crawl.close()
        done.note_month_first()
        unwritten = _report_written(report_path, done.lines)
    misspelt = [] if stopped else unmatched.problems(done.names)
    done.errors.extend(misspelt)
    missed_all = 0 < done.missed_by(request.profile) == done.tally.pages
    if not stopped and request.profile and missed_all and not misspelt:  # which says why
        done.errors.append(_fits_no_page(request.profile, done.tally.pages, request.paths[0]))
    undated = not stopped and _dated_no_page(options, done.addresses)
    if undated:
        done.errors.append(_no_such_page(request, done.addresses))
    return Imported(
        report=report_path,
        media=config.static_dir / mediafiles.FOLDER,
        tally=done.tally,
        errors=done.errors,
        outcome=_outcome(stopped, done.tally, undated),
        notes=done.notes,
        other_files=crawl.other_files,
        seconds=time.perf_counter() - started,
        stopped=stopped,
        report_unwritten=unwritten,
        warnings=[
            *removed,
            *_unnamed_portal(config, done.addresses),
            *done.titled_alike(),
            *([] if stopped or request.profile else _own_unused(profiles, done.read_by)),
        ],
    )


def _remove_left_behind(config: SiteConfig) -> list[Problem]:
    """Removes the files a killed run was writing where the import writes (hidden, their
    process gone: never finished by anyone), each said. In static/media each stopped
    every build; running the import again did not help."""
    said = []
    for path in [
        *left_behind(config.content_dir),
        *left_behind(config.static_dir / mediafiles.FOLDER),
    ]:
        with contextlib.suppress(OSError):  # then the build names it, with what to do
            path.unlink()
            said.append(
                Problem(
                    path,
                    f"removed: an import stopped while writing {target_of(path.name)} "
                    "left this temporary file (it was never finished)",
                    warning=True,
                )
            )
    return said


def _unnamed_portal(config: SiteConfig, addresses: list[str]) -> list[Problem]:
    """unnamed_portal of this run's pages, unless the archive also holds articles of
    other hosts (a page of a newspaper imported into a portal's archive is not the
    portal): `check`, which weighs every article, says it then."""
    said = unnamed_portal(config, addresses)
    if said:
        keys = read_archive(config.content_dir, config.timezone).sources
        if len({original_host(f"http://{key}") for key in keys}) > 1:
            return []
    return said


@dataclass
class _Done:
    """What the pages read so far did: kept however the import ends."""

    errors: list[Problem]  # the crawl's own problems, then the pages that failed
    names: PageNames  # how a note names another page of the run, as the messages do
    tally: Tally = field(default_factory=Tally)
    lines: list[str] = field(default_factory=list)  # the report's
    notes: list[tuple[str, list[str]]] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)  # every page's, for --date's page
    # Dates a page of the run shows may be month first; a written page's line in the
    # report -> its place in notes.
    month_first: MonthFirstRun = field(default_factory=MonthFirstRun)
    noted: dict[int, int] = field(default_factory=dict)
    # The pages each site profile found no article title or text on, by its name.
    missed: Counter[str] = field(default_factory=Counter)
    # The articles the generic extractor read, by title, then by text: their files.
    generic: dict[str, dict[str, str]] = field(default_factory=dict)
    read_by: Counter[str] = field(default_factory=Counter)  # pages by the profile that read them

    def missed_by(self, profile: str) -> int:
        return self.missed[profile]

    def titled_alike(self) -> list[Problem]:
        """A warning for each title the generic extractor gave articles of different
        texts: a portal's <title> that is its own name, the same on every page, was
        taken for each article's title."""
        return [
            Problem(
                Path(files[0]),
                f"{len(files)} articles read by the generic extractor have the same title, "
                f"{title!r}, and different texts: it is most likely the site's name, not "
                f"theirs ({', '.join(files)})",
                "add a site profile for the site, which says where an article's title is "
                "(docs/import-profiles.md), or correct your profile's markers; delete these "
                "articles and import their pages again",
                warning=True,
            )
            for title, texts in self.generic.items()
            if len(files := sorted(map(shown, texts.values()))) > 1
        ]

    def take(
        self, row: Row, one_page: bool, root: Path, written: Callable[[str, Path], None]
    ) -> None:
        """Counts and reports one page, and says the article written from it."""
        if row.result.outcome == NOT_ARTICLE and one_page:
            # Named alone, the page was meant as an article: left out, it failed,
            # and is counted and reported so.
            row.result = _failed_alone(row.result)
        self.tally.add(row)
        self.addresses.append(row.result.source_url)
        found = row.result.found
        if reader := found.profile if found else row.result.profile:
            self.read_by[reader] += 1  # a page already there was read by none
        if row.result.outcome == NOT_ARTICLE and row.result.missed:
            self.missed[row.result.profile] += 1
        self.lines.append(report_line(row, root))
        if found:
            self.month_first.add(
                len(self.lines) - 1,
                self.names(row.result.page.origin),
                found.profile,
                found.month_first,
                found.day_first if row.file else "",
                found.published,
            )
        if row.file:
            self.noted[len(self.lines) - 1] = len(self.notes)
            if found and found.profile == "generic":
                self.generic.setdefault(found.title, {})[found.body] = row.file
        if row.result.outcome == FAILED:
            self.errors.extend(row.result.errors)
        elif row.file or row.result.notes or row.notes:  # an article already there too
            if row.file:
                written(row.result.page.origin, Path(row.file))
            self.notes.append((row.result.page.origin, [*row.result.notes, *row.notes]))

    def note_month_first(self) -> None:
        """Once every page is read: the note on each page read day first by a profile
        that another page of the run shows writes its dates month first."""
        for at, note in self.month_first.notes().items():
            self.lines[at] = with_note(self.lines[at], note)
            self.notes[self.noted[at]][1].append(note)


def _options(request: Request, profiles: Profiles, one_page: bool) -> Options:
    """How to read the pages: given one page, --source-url is its address; given a
    crawl, the address of the page --date is for."""
    return Options(
        request.source_url if one_page else "",
        request.aliases,
        request.jobs,
        profiles,
        request.date,
        "" if one_page else request.source_url,
        request.accept_missing,
        tuple(map(str, request.paths)),
        request.again,
    )


def _report_written(path: Path, lines: list[str]) -> str:
    """Writes the report's file; why it was not written ("" when it was)."""
    try:
        # A run that read no page (a mistyped path, an empty folder) has nothing to
        # report: the last run's report, which the editor may still be reading, stays.
        if lines:
            write_report(path, lines)
        else:
            return "no page was read; the report of the run before is kept"
    except OSError as exc:
        return str(exc.strerror)
    return ""


def _dated_no_page(options: Options, addresses: list[str]) -> bool:
    """Whether --date was given for a page of a crawl that none of its pages is."""
    return bool(options.date_for) and not any(is_dated(a, options) for a in addresses)


def _outcome(stopped: str, tally: Tally, undated: bool) -> str:
    """What the import did despite its errors, as the summary says it."""
    said = "--date was given to no page; " if undated else ""
    if stopped in STOPPED_AT_PROBLEM:
        return said + (
            f"the import stopped after {tally.pages} page(s): every file it wrote is whole, "
            "and the same command goes on where it stopped."
        )
    if tally.outcomes[IMPORTED]:
        return said + "those pages were not imported; the others were."
    return said + NOTHING_IMPORTED


def _fits_no_page(profile: str, pages: int, where: Path) -> Problem:
    """--profile named a profile that found no article on any page: most likely not the
    one of these pages (another's name, picked or mistyped), not a crawl of lists."""
    return Problem(
        where,
        f"--profile {profile} found no article on any of the {pages} page(s): no title or "
        "text where it looks",
        "check that it is the profile of these pages (docs/import-profiles.md), or import "
        "without --profile: each page is read with the profile its markers pick",
    )


def _own_unused(profiles: Profiles, read_by: Counter[str]) -> list[Problem]:
    """A warning when none of the archivist's own profiles with markers picked a page of
    the run: a marker mistyped (`hosts: [vnexpres.net]`) left the profile unused, the
    pages read by a shipped profile or the generic extractor, and only the report's
    profile column said so. One warning, at the first one's markers: an archivist with
    profiles for several portals imports one portal's crawl at a time."""
    own = [p for p in profiles.profiles if p.own and (p.hosts or p.selectors or p.generators)]
    if not own or not read_by or any(read_by[p.name] for p in own):
        return []
    names = ", ".join(p.name for p in own)
    readers = ", ".join(f"{n} page(s) read by {name}" for name, n in sorted(read_by.items()))
    return [
        Problem(
            Path(own[0].origin),
            f"your profile {names} picked none of the {read_by.total()} page(s) of this "
            f"import ({readers}): its markers fit none of them",
            "if it is meant for these pages, correct its markers (a host as the pages' "
            "addresses write it, a selector, a generator: docs/import-profiles.md), "
            "delete the articles written and import again; or import with --profile "
            + (own[0].name if len(own) == 1 else "NAME"),
            dict(own[0].lines).get("markers"),
            warning=True,
        )
    ]


def _failed_alone(result: PageResult) -> PageResult:
    said = next((f for f in CRAWL_FIXES if result.reason.endswith(f)), "")  # the fix says it
    message = f"not imported: {result.reason.removesuffix(said)}"
    error = Problem(Path(result.page.origin), message, result.hint or _FIX_NOT_ARTICLE)
    return replace(result, outcome=FAILED, errors=(error,))


def _no_such_page(request: Request, addresses: list[str]) -> Problem:
    """--source-url names no page of the crawl: the address, and the one it likely meant
    (a letter mistyped, a parameter left out) when one is that close."""
    by_key = {source_key(a): a for a in addresses if a}
    close = difflib.get_close_matches(source_key(request.source_url), by_key, n=1, cutoff=0.85)
    meant = f"did you mean {by_key[close[0]]}? " if close else ""
    return Problem(
        request.paths[0],
        f"no page of the crawl has the address {request.source_url} given with --source-url, "
        "so --date was used for no page",
        f"{meant}give the address as the page's failure message writes it, or as its "
        "source_url in the report, and import again (the crawl's other pages were imported "
        "as usual: the next run finds them already there)",
    )


def _report_file(config: SiteConfig, given: Path | None) -> Path:
    """The file the report replaces: --report, or the default beside site.yaml. Raises
    BuildFailed when it may not be replaced (report.report_problem)."""
    path = given or config.root / DEFAULT_NAME
    unsafe = report_problem(path, config)
    if unsafe:
        named = "--report" if given else "the report's default file"
        hint = f"choose another file with --report (default: {DEFAULT_NAME} beside site.yaml)"
        raise BuildFailed([Problem(path, f"{named} cannot be this file: {unsafe}", hint)])
    return path


def _stopped_at(exc: OSError, config: SiteConfig) -> Problem:
    where = Path(os.fsdecode(exc.filename)) if exc.filename else config.content_dir
    full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
    fix = "free some space" if full else "make the folder (or the one it is in) writable"
    fix += ", then run the same command "
    return Problem(where, f"the import stopped here: {exc.strerror or exc}", fix + "again")
