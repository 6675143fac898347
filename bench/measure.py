"""Timing a build command, its peak memory, and what it left in the output folder.

    python bench/measure.py COMMAND...     e.g. python bench/measure.py python3 build.py --quiet

run alone, times one command as bench/run.py times each build: wall and CPU seconds (with
the processes it waited for), the peak RSS of its largest process and the peak of all its
processes together (PSS summed every 0.25 s: a thread inside the build would stop it from
forking its workers, see newsarchive.workers.can_fork). Its output goes to measure.log in
a temporary folder, whose last lines are printed if it fails.
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One finished command: wall time, peak resident memory, exit code, its output.

    ``peak_rss_mib`` is the kernel's figure: the largest resident set of any one process
    of the run (the build, or one of its worker processes), not their sum.
    ``peak_tree_mib`` is the largest sum, sampled every SAMPLE_SECONDS, of the
    proportional set sizes (PSS: pages shared by forked workers counted once in all)
    of the command and every process it started: the memory the run took at once.
    ``cpu_seconds`` is the user and system time of the command and the processes it
    waited for: on a machine that other work loads, it moves far less than wall time."""

    wall_seconds: float
    peak_rss_mib: float
    exit_code: int
    log: str
    peak_tree_mib: float = 0.0
    cpu_seconds: float = 0.0


@dataclass(frozen=True)
class FileState:
    size: int
    mtime_ns: int
    digest: str


Snapshot = dict[str, FileState]  # path relative to the output folder -> state


@dataclass(frozen=True)
class Changes:
    """How a rebuild changed the output folder."""

    written: int  # new, removed, or size or mtime changed: what the build touched
    content_changed: int  # new, removed, or different bytes: the least it had to touch


def run_measured(
    command: Sequence[str],
    cwd: Path,
    log_path: Path,
    env: Mapping[str, str] | None = None,
) -> Run:
    """Run command to completion; peak RSS comes from the kernel's rusage for that child.

    os.wait4 reports the child's own rusage (with its waited-for descendants), so other
    processes of the runner never leak into the number, and no /usr/bin/time is needed.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    # As on an editor's machine, Python keeps the bytecode it compiles: a setting that
    # stops it (as this development machine has) made every build compile every module
    # again, 0.1-0.2 s of each rebuild. Pelican, also Python, is run the same way.
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with log_path.open("wb") as log:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(command), cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env
        )
        sampler = TreeMemory(process.pid)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        sampler.stop()
    process.returncode = os.waitstatus_to_exitcode(status)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    cpu = usage.ru_utime + usage.ru_stime
    rss = usage.ru_maxrss / 1024
    # A run shorter than SAMPLE_SECONDS (a rebuild of 1,000 articles) ends before the
    # first sample: its largest process's peak RSS stands in, not 0.
    tree = sampler.peak / 1024 or rss
    return Run(wall, rss, process.returncode, text, tree, cpu)


SAMPLE_SECONDS = 0.25


class TreeMemory:
    """Samples, in a thread, the summed PSS (KiB) of a process and its descendants
    (Linux /proc; elsewhere the peak stays 0)."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peak = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._done.wait(SAMPLE_SECONDS):
            self.peak = max(self.peak, sum(map(_pss_kib, _tree(self.pid))))


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as children:
                todo.extend(int(child) for child in children.read().split())
        except OSError:
            continue
    return pids


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def snapshot(root: Path) -> Snapshot:
    """Every file under root with size, mtime and a content hash."""
    states: Snapshot = {}
    for path in root.rglob("*"):
        if path.is_file():
            stat = path.stat()
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
            states[path.relative_to(root).as_posix()] = FileState(
                stat.st_size, stat.st_mtime_ns, digest
            )
    return states


def compare(before: Snapshot, after: Snapshot) -> Changes:
    gone_or_new = len(before.keys() ^ after.keys())
    both = before.keys() & after.keys()
    touched = sum(
        1
        for key in both
        if (before[key].size, before[key].mtime_ns) != (after[key].size, after[key].mtime_ns)
    )
    different = sum(1 for key in both if before[key].digest != after[key].digest)
    return Changes(gone_or_new + touched, gone_or_new + different)


def tree_size(root: Path) -> tuple[int, int, int]:
    """(files, HTML files, bytes) under root."""
    files = html = size = 0
    for path in root.rglob("*"):
        if path.is_file():
            files += 1
            html += path.suffix == ".html"
            size += path.stat().st_size
    return files, html, size


class Trash:
    """Where a round puts the outputs of earlier builds, instead of deleting them, until
    the run is over (``empty``).

    Deleting tens of thousands of files slowed every file made on the same file system for
    minutes after: on the development machine (ext4 mounted without a journal), 11,000
    folders with a file each took 0.8-1.8 s to make on a quiet disk, 10-16 s just after
    44,000 files were deleted, still 5 s two and a half minutes later. A tool timed after
    a deletion paid for it, by how much depending on which tool ran before: each build's
    output is moved here instead (a rename), and the run deletes them all once nothing is
    timed any more. On a disk that other work churns, wall times still drift."""

    def __init__(self, work: Path):
        self.folder = work / "trash"

    def put(self, path: Path) -> None:
        if path.exists() or path.is_symlink():
            self.folder.mkdir(parents=True, exist_ok=True)
            path.rename(Path(tempfile.mkdtemp(dir=self.folder)) / path.name)

    def empty(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        usage="%(prog)s [-h] COMMAND ...",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # REMAINDER: the command's own options (build.py --quiet) are its, not ours.
    parser.add_argument("command", metavar="COMMAND", nargs=argparse.REMAINDER,
                        help="the command to time, with its arguments")  # fmt: skip
    command = parser.parse_args(argv).command
    if not command:
        parser.error("the following arguments are required: COMMAND")
    if shutil.which(command[0]) is None:
        parser.error(f"there is no command {command[0]}")
    with tempfile.TemporaryDirectory() as folder:
        run = run_measured(command, Path.cwd(), Path(folder) / "measure.log")
    if run.exit_code != 0:
        print(run.log[-3000:], file=sys.stderr)
    print(
        f"wall {run.wall_seconds:.2f} s, CPU {run.cpu_seconds:.2f} s, peak RSS "
        f"{run.peak_rss_mib:.0f} MiB, peak of all processes {run.peak_tree_mib:.0f} MiB, "
        f"exit code {run.exit_code}"
    )
    return run.exit_code


if __name__ == "__main__":
    sys.exit(main())
