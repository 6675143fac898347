"""Publish a new version of the site in one atomic step, and keep its output state.

The output folder (`_site`) is never written into while it is served. Beside it,
`_site.previous` keeps the version before. A build brings that folder up to the new
version (writing the files whose bytes differ from what it holds, hard-linking those
the served site already has right: files are never rewritten in place, so sharing
them is safe) and then exchanges the two folders with one renameat2(RENAME_EXCHANGE)
call. A reader, web server or deploy step sees the old site or the new one, never a
mix, and a build that fails or is killed at any moment leaves `_site` as it was:
the next build repairs `_site.previous`, whose record in the cache it forgets
before changing it. The price is disk space: up to twice the site.

Where the OS or file system cannot exchange (not Linux) two renames do it: for a
moment `_site` is missing (never mixed), and a build killed between them is put
right by the next one (`recover`).

The lock (buildlock.py) keeps a second build or `serve` off the same folder. The
spare and a killed build's leftovers are changed only when they are provably the
build's own (ownfolders.py): never a folder of someone's that has their name. Every
check that can fail (the folder and what it would overwrite, writability, free space)
runs before the first write (preflight.py). The links and copies between the two
folders are hardlinks.py's.

A build goes through it in this order: `preflight.check_output`, `buildlock.lock`,
`recover`, `look` (on another core while the articles are read), then `open_spare`
(what the two folders hold, from their output states in the cache), `Spare.stale`
(the pages to render), `Spare.prepare` (room, then the first write), the pages
rendered into `Spare.folder`, `Spare.keep`, `Spare.copy_statics`,
`Spare.link_the_rest`, `publish` (state, swap) and `Spare.mirror_back`.
"""

import contextlib
import ctypes
import errno
import os
import shutil
import stat
import sys
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from .cache import Cache, OutputFile, OutputState, files_still_there, trusted_mtime
from .contentscan import changed_ns
from .csscomments import published
from .fingerprint import digest, file_digest
from .hardlinks import link_files, mirror_index, put, remove, remove_tree
from .outputguard import MARK, spare_folder
from .ownfolders import (
    beside,
    check_beside,
    mark_token,
    own_spare,
    record_file,
    write_record,
)
from .plan import folders_of
from .preflight import check_room, room_needed

_RENAME_EXCHANGE = 2
# Folders swapped in by this process, so that an internal error can say whether
# the served site changed before it.
swapped: list[Path] = []


def readable() -> None:
    """Files and folders made from here on are readable by everyone, whatever the
    umask (files 0644, folders 0755): a site is published, and under umask 077 its
    unchanged files, hard-linked into each next version, stayed unreadable for good.
    For the whole process: the page workers it forks, and `serve`'s threads, too."""
    os.umask(0o022)


# The next version, made in the spare folder ---------------------------------------


@dataclass
class Spare:
    """The next version of the site, made in the spare folder while the served one
    stays as it is. A file is written only when neither folder holds its bytes already:
    what they hold is what the last builds recorded (their output states), less the
    files deleted or edited by hand since."""

    cache: Cache
    live: Path  # the served folder
    folder: Path  # the spare folder, where the new version is made
    state: OutputState | None  # the served folder's; None: no usable record of it
    # The served folder's record under any settings: which files it holds. A setting
    # changed renders every page again, but a page whose bytes stay is not written: it
    # was, and the summary said every file written and none deleted.
    recorded: OutputState | None
    old: dict[str, OutputFile]  # the served folder's files still as recorded
    spare_state: OutputState | None  # the spare folder's; None: its content is unknown
    there: dict[str, OutputFile]  # the spare folder's files still as recorded
    pages: dict[str, str] = field(default_factory=dict)  # the new version's page fingerprints
    held: list[str] = field(default_factory=list)  # its pages the served folder holds already
    have: dict[str, OutputFile] = field(default_factory=dict)  # new bytes are compared with
    files: dict[str, OutputFile] = field(default_factory=dict)  # the new version's files
    written: set[str] = field(default_factory=set)  # the files written into the spare
    # Each static source file's (mtime_ns, size, digest), for the next build.
    statics: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    # Files and folders the build did not write, left out of the new version: in the
    # served folder (not carried over) and in the spare (removed), as "_site/CNAME".
    strays: list[str] = field(default_factory=list)
    # When the last build had finished writing into both folders (`recover`), if known.
    since: int | None = None
    # The served folder's strays, if `look` found them already; the spare's, against the
    # files its state records (not yet those of the new version).
    live_strays: list[str] | None = None
    spare_strays: list[str] | None = None
    # Made by this build where there was none (a first build): a build that fails
    # removes it (`abandon`), leaving no new folder; once published it is the site.
    made: bool = False

    def stale(self, paths: list[str], prints: list[str | None]) -> list[int]:
        """The pages to render, by index: those the served folder does not hold as the last
        build wrote them with the same fingerprint (None: never trusted)."""
        self.pages = {path: fp for path, fp in zip(paths, prints, strict=True) if fp}
        recorded = self.state.pages if self.state else {}
        todo = []
        for i, (path, fp) in enumerate(zip(paths, prints, strict=True)):
            if fp is not None and path in self.old and recorded.get(path) == fp:
                self.held.append(path)
            else:
                todo.append(i)
        return todo

    def record(self, paths: list[str], prints: list[str | None]) -> None:
        """Pages' fingerprints known only once they are rendered (a page showing a body
        this build converted: where its links lead, see heldlinks.py): the next build then
        finds them as it would have."""
        self.pages.update((path, fp) for path, fp in zip(paths, prints, strict=True) if fp)

    def prepare(
        self,
        needed: set[str],
        pages: int,
        statics: dict[PurePosixPath, Path],
        jobs: int = 1,
        apart: str = "",
    ) -> None:
        """Check there is room for ``pages`` new pages, then the first write: remove from
        the spare folder the files the new version does not need, those put there by hand
        too. A spare folder that is unknown, or missing (a first build leaves none), is
        made anew from the served site's files as recorded, as hard links on ``jobs``
        processes. ``apart``: a folder (the search index's) brought up to date apart."""
        check_room(self.live, room_needed(self.state, pages, statics))
        # The served folder's files that no build wrote. Its state under other settings
        # names them as well (its pages' fingerprints do not hold, its files do): they
        # were left out of the new version without a word, then named a build later.
        if self.recorded is not None:
            found = self.live_strays
            if found is None:
                found = strays(self.live, self.recorded.files.keys(), apart, since=self.since)
            self.strays += [f"{self.live.name}/{rel}" for rel in found]
        elif self.live.is_dir():
            # No record of it (--no-cache, its cache deleted): what
            # the new version does not hold, a CNAME put there by hand, was left out
            # without a word. A whole walk, in a build that renders every page anyway.
            found = strays(self.live, needed, apart)
            self.strays += [f"{self.live.name}/{rel}" for rel in found]
        self.cache.forget_state(self.folder)  # until it is complete, nothing is known of it
        if self.spare_state is None:
            self.made = not os.path.lexists(self.folder)
            link_files(self.live, empty_spare(self.live), self.old, jobs)
            self.there = dict(self.old)
        else:
            # Files put there by hand would be published every other build.
            recorded = self.spare_state.files.keys()
            if self.spare_strays is None:
                found = strays(self.folder, needed | recorded, apart, MARK, since=self.since)
            else:
                found = strays_beside(
                    self.folder, self.spare_strays, recorded, needed, apart, MARK, since=self.since
                )
            self.strays += [f"{self.folder.name}/{rel}" for rel in found]
            for rel in found:
                remove_tree(self.folder / rel)
        # All the files its record lists, those edited by hand since (not in there) too.
        listed = self.spare_state.files if self.spare_state else self.there
        remove(self.folder, [rel for rel in listed if rel not in needed])
        self.have = dict(self.old)
        self.have.update(
            (rel, f) for rel, f in self.there.items() if self.old.get(rel, f).digest == f.digest
        )

    def abandon(self) -> None:
        """After a failure before `publish`: remove the spare folder if this build made
        it. A first build stopped by a template left an empty _site.previous, marked as
        the build's, beside a site never built. One that cannot be removed stays the
        build's (marked): the next build takes it."""
        if not self.made:
            return
        self.made = False
        with contextlib.suppress(OSError):  # the failure itself is what the user is told
            remove_tree(self.folder)
            own_spare(self.live)

    def keep(self) -> None:
        """The pages not rendered again: the files the folders hold already."""
        self.files.update((path, self.have[path]) for path in self.held)

    def copy_statics(self, statics: dict[PurePosixPath, Path]) -> None:
        """Copy the static files whose bytes the folders do not hold yet."""
        looked = time.time_ns()
        key = self.cache.paths.key
        # Stats taken in another static folder (a copy of the project) are not trusted.
        state = self.state
        trusted = state.statics if state and state.static_folder == self.cache.static_folder else {}
        for rel_path, source in statics.items():
            rel = rel_path.as_posix()
            st = source.stat()
            stamp = changed_ns(st)
            name = key(str(source))
            known = trusted.get(name)
            data = None  # the bytes a style sheet publishes, once read (csscomments)
            if known and known[0] == stamp and known[1] == st.st_size:
                source_digest = known[2]
            else:  # of the bytes it publishes (a style sheet's: without comments)
                data = published(source)
                source_digest = file_digest(source) if data is None else digest(data)
            mtime = trusted_mtime(stamp, looked)
            self.statics[name] = (mtime, st.st_size, source_digest)
            if rel in self.have and self.have[rel].digest == source_digest:
                self.files[rel] = self.have[rel]
                continue
            copy = self.folder / rel
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.unlink(missing_ok=True)  # it may be a hard link to the served file
            data = published(source) if data is None else data
            if data is None:
                shutil.copyfile(source, copy)
            else:
                copy.write_bytes(data)
            st = copy.stat()
            self.files[rel] = OutputFile(source_digest, st.st_mtime_ns, st.st_size)
            self.written.add(rel)

    def link_the_rest(self) -> None:
        """Give the spare folder the files the served site already holds right (hard links)."""
        made: set[str] = set()
        for rel, file in self.files.items():
            if rel in self.written or (rel in self.there and self.there[rel].digest == file.digest):
                continue
            target = f"{self.folder}/{rel}"
            if not put(self.live / rel, target, made):  # copied: its own size and mtime
                st = os.stat(target)
                self.files[rel] = OutputFile(file.digest, st.st_mtime_ns, st.st_size)

    def mirror(self, rel: PurePosixPath, stamp: str) -> None:
        """Make the spare's ``rel`` (the search index) the served folder's, as hard links:
        before an update (which then writes only what changed since the served version)
        or in place of one (--no-search)."""
        mirror_index(self.live / rel, self.folder / rel, stamp)

    def mirror_back(self, rel: PurePosixPath, stamp: str) -> None:
        """After `publish`: make the new spare's (the version before's) ``rel`` the one just
        published, as hard links, so that the next build's `mirror` finds it done. None
        after a first build, which leaves no spare."""
        if self.folder.is_dir() and mark_token(self.folder):
            mirror_index(self.live / rel, self.folder / rel, stamp)

    def changes(self) -> tuple[int, int]:
        """How many files the new version adds or changes, and how many it deletes."""
        old = self.old
        written = sum(
            1 for rel, f in self.files.items() if rel not in old or old[rel].digest != f.digest
        )
        deleted = len(set(self.recorded.files) - set(self.files)) if self.recorded else 0
        return written, deleted


def strays(
    folder: Path,
    files: Iterable[str],
    apart: str,
    *also: str,
    since: int | None = None,
    roots: Iterable[str] = ("",),
) -> list[str]:
    """The files and folders in ``folder`` that are neither ``files`` (paths relative to
    it), a folder on their way, ``apart`` nor ``also``: a folder's content is not listed.

    ``since``: when the last build had finished writing (`recover`). A folder not
    modified since holds no entry added by hand (adding one modifies it): it is not
    listed, only its folders on the way are looked into (a stat each, where a listing
    of the 11,000 folders of 10,000 articles took 0.2 s). ``roots``: the folders on the
    way to look into, with what is in them (by default all of ``folder``)."""
    wanted = set(files)
    ways = folders_of(wanted)
    skip = {apart, *also}
    inside: dict[str, list[str]] = {}  # a folder on the way -> the folders on the way in it
    for way in ways:
        if way not in skip:
            inside.setdefault(way.rpartition("/")[0], []).append(way)
    found: list[str] = []
    todo = list(roots)
    while todo:
        sub = todo.pop()
        path = f"{folder}/{sub}" if sub else str(folder)
        if since is not None:
            try:
                st = os.lstat(path)
            except OSError:
                continue  # a folder of the new version only
            if stat.S_ISDIR(st.st_mode) and st.st_mtime_ns < since:
                todo += inside.get(sub, ())
                continue
        try:
            entries = os.scandir(path)
        except (FileNotFoundError, NotADirectoryError):
            continue
        with entries:
            for entry in entries:
                rel = f"{sub}/{entry.name}" if sub else entry.name
                if rel in skip or rel in wanted:
                    continue
                if rel in ways and entry.is_dir(follow_symlinks=False):
                    todo.append(rel)
                else:
                    found.append(rel)
    return sorted(found)


def strays_beside(
    folder: Path,
    found: Iterable[str],
    recorded: Collection[str],
    files: Iterable[str],
    apart: str,
    *also: str,
    since: int | None = None,
) -> list[str]:
    """What ``strays(folder, {*recorded, *files}, apart, *also, since=since)`` finds, from
    ``found``, what it found for ``recorded`` alone (`look`, ahead in another process):
    only the folders on the way of the other files where none of ``recorded`` lies are
    looked into, a few where strays() looks at every folder (0.05 s of a rebuild at
    10,000 articles). ``found`` names no folder on the way of ``recorded``: one of
    ``files`` that it names is looked into like those."""
    looked = folders_of(recorded)  # the folders looked into for ``found``
    new = {rel for rel in files if rel not in recorded}
    new_ways = folders_of(new)
    roots = [
        way
        for way in new_ways
        if way not in looked and (way.rpartition("/")[0] in looked or "/" not in way)
    ]
    kept = [
        rel
        for rel in found
        if rel not in new and not (rel in new_ways and os.path.isdir(f"{folder}/{rel}"))
    ]
    return sorted(kept + strays(folder, new, apart, *also, since=since, roots=roots))


@dataclass(frozen=True)
class Seen:
    """What `look` found in the two output folders, against their recorded states."""

    # Per folder: how many files its state records, and those no longer as recorded.
    gone: dict[str, tuple[int, frozenset[str]]]
    live_strays: list[str] | None  # files and folders in the served folder no build wrote
    spare_strays: list[str] | None  # in the spare, against its recorded files only


def look(output_dir: Path, cache: Cache, since: int | None, apart: str) -> Seen:
    """A stat of every recorded file of both folders and a walk of each for strays (the
    spare's against the files it records, see `strays_beside`): a tenth to a fifth of a
    rebuild at 10,000 articles, and nothing in it needs
    the site's articles, so a build runs it in a forked process (`workers.ForkedCall`)
    while it reads and plans. Its result is small: what is not as recorded, usually
    nothing."""
    gone = {}
    _, state, folder, spare_state = _states(output_dir, cache)
    for recorded, where in ((state, output_dir), (spare_state, folder)):
        if recorded is not None:
            there = files_still_there(recorded, where)
            gone[str(where)] = (len(recorded.files), frozenset(recorded.files.keys() - there))
    found = strays(output_dir, state.files.keys(), apart, since=since) if state else None
    beside = None  # the spare's, against the files it holds: `strays_beside` adds the rest
    if spare_state is not None:
        beside = strays(folder, spare_state.files.keys(), apart, MARK, since=since)
    return Seen(gone, found, beside)


def open_spare(
    output_dir: Path, cache: Cache, since: int | None = None, seen: Seen | None = None
) -> Spare:
    """The spare folder of ``output_dir``, and what the two folders hold (``since``: see
    `recover`; ``seen``: `look`'s result, if it ran ahead)."""
    state, recorded, folder, spare_state = _states(output_dir, cache)
    return Spare(
        cache,
        output_dir,
        folder,
        state,
        recorded,
        _still_there(recorded, output_dir, seen),
        spare_state,
        _still_there(spare_state, folder, seen),
        since=since,
        live_strays=seen.live_strays if seen and recorded else None,
        spare_strays=seen.spare_strays if seen and _seen(spare_state, folder, seen) else None,
    )


def _states(
    output_dir: Path, cache: Cache
) -> tuple[OutputState | None, OutputState | None, Path, OutputState | None]:
    """The served folder's output state, its record under any settings, its spare
    folder and the spare's state."""
    recorded = cache.state(output_dir, any_settings=True, restored=True)
    # Its pages' fingerprints hold for the settings they were made with only.
    state = recorded if recorded is not None and recorded.key == cache.key else None
    folder = spare_folder(output_dir)
    # Which files it holds is all the build needs to know of the spare folder.
    spare_state = cache.state(folder, any_settings=True) if folder.is_dir() else None
    return state, recorded, folder, spare_state


def _still_there(
    state: OutputState | None, folder: Path, seen: Seen | None
) -> dict[str, OutputFile]:
    """`files_still_there`, from what `look` saw if it saw this state."""
    if state is None or seen is None or not _seen(state, folder, seen):
        return files_still_there(state, folder)
    gone = seen.gone[str(folder)][1]
    return {rel: f for rel, f in state.files.items() if rel not in gone}


def _seen(state: OutputState | None, folder: Path, seen: Seen | None) -> bool:
    """Whether `look` saw this state of ``folder`` (it read the record in its process)."""
    found = seen.gone.get(str(folder)) if seen and state else None
    return state is not None and found is not None and found[0] == len(state.files)


def publish(spare: Spare) -> None:
    """Record what the spare folder holds (its output state) and make it the served site.

    After a first build there is no spare folder left: the next build makes one
    (`Spare.prepare`), a build that deploys a fresh clone never needs one."""
    state = OutputState(
        key=spare.cache.key,
        output_dir=str(spare.live),
        pages=spare.pages,
        files=spare.files,
        statics=spare.statics,
        static_folder=spare.cache.static_folder,
    )
    spare.cache.save_state(spare.folder, state)
    if spare.recorded is not None and not spare.cache.has_state(spare.live):
        # The served folder's state was found by the files it holds (a project copied,
        # a CI cache restored): kept now by its identity, it is known as the spare after
        # the swap (a spare's state is never found so) and the next build does not
        # empty it and link every file again.
        spare.cache.save_state(spare.live, replace(spare.recorded, files=dict(spare.old)))
    spare.made = False  # from here on the new site, then the version before
    swap(spare.folder, spare.live)


# Recovery and swapping ------------------------------------------------------------

# `recover`: folders modified this close before the build's record are looked into.
SETTLE_NS = 2 * 10**9


def recover(output_dir: Path, sources: dict[str, Path]) -> int | None:
    """Put back a site moved aside by a build killed between two renames, and
    remove the leftovers of killed builds: only folders the build made
    (`check_beside` first, under the lock). Returns when the last build had finished
    writing into the two folders: its record's last change, after its swap (None when
    unknown, or after a kill)."""
    check_beside(output_dir, sources)
    try:
        # File times tick coarsely (a hundredth of a second here): a file added right
        # after the build may bear its record's very time, so the last seconds count too.
        since: int | None = record_file(output_dir).stat().st_mtime_ns - SETTLE_NS
    except OSError:
        since = None
    leftovers = [f for f in beside(output_dir) if f != spare_folder(output_dir)]
    olds = [f for f in leftovers if f.name.startswith(output_dir.name + ".old-")]
    if not output_dir.exists() and olds:
        os.rename(olds[-1], output_dir)
        leftovers.remove(olds[-1])
    for stale in leftovers:
        remove_tree(stale)
    if leftovers or not mark_token(spare_folder(output_dir)):
        since = None  # a build was killed: its writes may be later than its record
    own_spare(output_dir)
    return since


def empty_spare(output_dir: Path) -> Path:
    """The spare folder, emptied (its content is not known), and marked as the build's."""
    spare = spare_folder(output_dir)
    # The build's own (recover checked it): no mark asked while it goes, mark first.
    write_record(output_dir, [(spare, [spare.name], None)])
    remove_tree(spare)
    spare.mkdir(parents=True)
    own_spare(output_dir)
    return spare


def swap(spare: Path, output_dir: Path) -> None:
    """Make ``spare`` the served site and keep the one it replaces as the spare."""
    old = output_dir.with_name(f"{output_dir.name}.old-{os.getpid()}")
    # Both folders are the build's under any name they take meanwhile; the mark goes.
    write_record(
        output_dir,
        [
            (spare, [spare.name, output_dir.name], None),
            (output_dir, [output_dir.name, old.name, spare.name], None),
        ],
    )
    (spare / MARK).unlink(missing_ok=True)
    _test_pause("before")
    if not output_dir.exists():
        os.rename(spare, output_dir)
    elif not _exchange(spare, output_dir):
        os.rename(output_dir, old)
        os.rename(spare, output_dir)  # a kill before this: recover
        os.rename(old, spare)
    swapped.append(output_dir)
    own_spare(output_dir)  # the version before, if any
    _test_pause("after")


def _test_pause(when: str) -> None:
    """Tests only (tests/test_adversarial_publish.py): a moment to kill the build in; or,
    before the swap, a wait until the test has made the file NEWSARCHIVE_TEST_HOLD_AT_SWAP
    names (the lock held meanwhile: a pause of seconds ended too soon on a busy machine)."""
    pause = os.environ.get("NEWSARCHIVE_TEST_PAUSE_AT_SWAP")
    if pause:
        print(f"newsarchive-test: {when} the swap", file=sys.stderr, flush=True)
        time.sleep(float(pause))
    hold = os.environ.get("NEWSARCHIVE_TEST_HOLD_AT_SWAP")
    if hold and when == "before":
        # Said, so that a test makes its folders only once the build has looked at
        # them (recover, the spare): made sooner, on a busy machine, the build took them
        # for someone's and stopped.
        print("newsarchive-test: holding before the swap", file=sys.stderr, flush=True)
        deadline = time.monotonic() + 300
        while not os.path.exists(hold) and time.monotonic() < deadline:
            time.sleep(0.02)


def _exchange(a: Path, b: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE): swap two folders in one atomic step."""
    if not sys.platform.startswith("linux"):
        return False
    # The C library Python runs on (find_library("c") ran `ldconfig -p` at every build).
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result != 0 and ctypes.get_errno() not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        error = ctypes.get_errno()
        raise OSError(error, os.strerror(error), str(b))
    return result == 0
