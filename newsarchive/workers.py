"""Render pages (and read articles) on every core; write the files whose bytes changed.

Workers are forked after the site model is built, so they share it (and the
compiled templates) with the build process instead of receiving pickled pages;
they get batches of page numbers and send back only each file's digest, size
and mtime. Every page is rendered from its own data alone, so the output does
not depend on how the pages were split between workers.

Forking is only safe in a process with a single thread (`serve` builds from a
watcher thread): anywhere else, and for small batches, the pages are rendered
in the build process itself.
"""

import contextlib
import ctypes
import gc
import os
import pickle
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import jinja2

from . import urls
from .bodylinks import Links
from .cache import OutputFile
from .errors import BuildFailed, Problem, name_file
from .fingerprint import digest
from .markup import marked_links
from .plan import Page
from .renderer import Renderer
from .templatetrace import template_line

if TYPE_CHECKING:  # imported where a pool starts (see broken_pool)
    from concurrent.futures import ProcessPoolExecutor

# Below this many pages, starting workers costs more than it saves.
MIN_PARALLEL_PAGES = 200
# Pages per batch: each costs a round trip between processes; 64 keeps that small and
# still hands out some hundred batches at 10,000 articles.
BATCH = 64
# Pages per set of workers. A worker's memory grows with what it reads of the site model
# it shares with the build: Python writes the reference count of every object it reads,
# and the kernel then copies the memory page that holds it. New workers every ROUND
# pages drop those copies (at 100,000 articles a worker's own memory reached 350 MiB;
# forking anew costs some hundredths of a second).
ROUND = 16384
T = TypeVar("T")
R = TypeVar("R")
E = TypeVar("E")  # an item of a batch (map_batches)


@dataclass(frozen=True)
class RenderJob:
    pages: Sequence[Page]
    renderer: Renderer
    target: Path  # where changed files are written
    old: dict[str, OutputFile]  # what the output folder holds now, by output path
    # Folders seen so far by this process, True for those it made (empty then: no file
    # to unlink before writing): a mkdir() costs 0.1 ms, even one that fails.
    folders: dict[str, bool] = field(default_factory=dict)


@dataclass(frozen=True)
class Rendered:
    index: int
    path: str
    file: OutputFile
    written: bool


@dataclass(frozen=True)
class Batch:
    pages: list[Rendered]
    html: dict[str, str]  # article bodies converted to HTML on the way, for the cache
    links: dict[str, Links]  # the links marked in those bodies (found here, in parallel)


class TemplateFailed(Exception):
    def __init__(self, error: Problem):
        super().__init__(error.message)
        self.error = error


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def render_pages(
    job: RenderJob,
    todo: Sequence[int],
    jobs: int,
    template_error: Callable[[Exception, str], Problem],
) -> Iterator[Batch]:
    """Render pages ``todo`` of the job; yield batches of them as they are done.

    Raises TemplateFailed for the first page in ``todo`` whose template fails, whatever
    ``jobs``: the page a worker met first named one page with --jobs 1 and another with 2.
    """
    batches = [todo[i : i + BATCH] for i in range(0, len(todo), BATCH)]
    if not can_fork(jobs, len(todo), MIN_PARALLEL_PAGES):
        for batch in batches:
            yield _unwrap(_render_batch(job, batch, template_error))
        return
    parent = os.getpid()

    def render(numbered: tuple[int, Sequence[int]]) -> tuple[int, Batch | Problem]:
        return numbered[0], _render_batch(job, numbered[1], template_error, parent)

    per_round = ROUND // BATCH
    for start in range(0, len(batches), per_round):
        numbered = list(enumerate(batches[start : start + per_round]))
        done: set[int] = set()
        waiting = 0  # the first batch of the round not done yet
        failed: tuple[int, Problem] | None = None
        results = fork_map(render, numbered, jobs, ordered=False)
        try:
            for number, result in results:
                done.add(number)
                while waiting in done:
                    waiting += 1
                if isinstance(result, Problem):
                    if failed is None or number < failed[0]:
                        failed = (number, result)
                else:
                    yield result
                # A batch failed: those before it, under way, may hold an earlier page
                # that fails; those after it are not waited for.
                if failed is not None and waiting >= failed[0]:
                    break
        finally:
            results.close()
        if failed is not None:
            raise TemplateFailed(failed[1])


def can_fork(jobs: int, items: int, minimum: int) -> bool:
    return (
        jobs > 1
        and items >= minimum
        and threading.active_count() == 1
        and hasattr(os, "fork")  # as multiprocessing has it, without importing it
    )


def broken_pool() -> type[BaseException]:
    """What a pool raises when a worker dies, for an ``except`` clause: the pool's
    modules take some 20 ms to import, which a build that starts no pool (a rebuild
    after adding an article) spares; without them no pool ran, and none broke."""
    module = sys.modules.get("concurrent.futures.process")
    return module.BrokenProcessPool if module else _NoPoolRan


class _NoPoolRan(Exception):
    pass


def map_batches(
    function: Callable[[list[E]], R], items: list[E], size: int, jobs: int, minimum: int
) -> Iterator[R]:
    """``function`` over ``items`` cut into batches of ``size``, the results in order: in
    forked workers (`fork_map`) when there are ``minimum`` items or more and this process
    may fork, else here, a batch at a time."""
    batches = [items[i : i + size] for i in range(0, len(items), size)]
    if can_fork(jobs, len(items), minimum):
        return fork_map(function, batches, jobs)
    return map(function, batches)


def fork_map(
    function: Callable[[T], R], batches: Sequence[T], jobs: int, ordered: bool = True
) -> Generator[R, None, None]:
    """``function`` over ``batches`` in forked worker processes.

    The function (and all it refers to) is inherited through fork, never pickled;
    only the batches and the results travel between processes. A worker that dies
    (killed, out of memory) raises BrokenProcessPool here instead of hanging."""
    from concurrent.futures import as_completed

    with _forked_pool(function, min(jobs, len(batches))) as pool:
        try:
            # A future holds its result until it is dropped: each is let go once yielded
            # (kept in a list, they held every converted body to the end of a build).
            with _sigint_held():  # the workers are forked at the first submit
                futures = deque(pool.submit(_call_worker, batch) for batch in batches)
            if ordered:
                while futures:
                    yield futures.popleft().result()
            else:
                done = as_completed(list(futures))  # it forgets each future it yields
                futures.clear()
                for future in done:
                    yield future.result()
        finally:
            pool.shutdown(cancel_futures=True)


def _forked_pool(function: Callable[[Any], Any], workers: int) -> "ProcessPoolExecutor":
    """``workers`` processes forked from this one, each running ``function`` on the
    batches it is given (_start_worker, _call_worker)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(function, os.getpid()),
    )


class Ahead:
    """``function`` over ``batches`` in forked processes while this process does other
    work; ``stop`` drops the batches not started and returns the results of the others.
    Until then the pool's thread runs here: nothing else may fork (``can_fork``)."""

    def __init__(self, function: Callable[[Any], Any], batches: Sequence[Any], jobs: int):
        self.pool: ProcessPoolExecutor | None = _forked_pool(function, min(jobs, len(batches)))
        with _sigint_held():  # the workers are forked at the first submit
            self.futures = [self.pool.submit(_call_worker, batch) for batch in batches]

    def stop(self) -> list[Any]:
        """The results of the batches done (once; then nothing)."""
        if self.pool is None:
            return []
        self.pool.shutdown(cancel_futures=True)
        self.pool, futures, self.futures = None, self.futures, []
        return [future.result() for future in futures if not future.cancelled()]


class ForkedCall:
    """``calls`` made in turn in one forked process while this one goes on; ``result``
    waits for the next one's value: None if it could not fork (one thread, ``jobs`` > 1
    and fork needed) or that call failed there, and the caller then does the work itself.
    Each value is pickled back through a pipe as soon as it is made, so they should be
    small, and asked for in their order.

    ``then``: called in the child once ``calls`` are done (an import, say); the child then
    stays, and ``call`` runs functions there, their arguments and values pickled."""

    def __init__(
        self, calls: Sequence[Callable[[], Any]], jobs: int, then: Callable[[], Any] | None = None
    ):
        self.pid: int | None = None
        self.pipe: BinaryIO | None = None
        self.requests: BinaryIO | None = None
        self.left = len(calls)
        if not can_fork(jobs, 1, 1):
            return
        read, write = os.pipe()
        work_read, work_write = os.pipe() if then is not None else (-1, -1)
        parent = os.getpid()
        with _sigint_held():
            pid = os.fork()
            if pid == 0:
                _ignore_sigint()
        if pid == 0:  # the child: nothing of the build's but these calls, then out
            code = 1
            try:
                os.close(read)
                if then is not None:
                    os.close(work_write)
                _die_with(parent)
                with open(write, "wb") as out:
                    for call in calls:
                        _send(out, call())
                    if then is not None:
                        _give_back_memory()  # it stays for the whole build
                        then()
                        with open(work_read, "rb") as work:
                            while (request := _receive(work)) is not None:
                                function, args = request
                                _send(out, function(*args))
                code = 0
            finally:
                os._exit(code)  # no exit handlers, no flushing the build's buffers twice
        os.close(write)
        self.pid, self.pipe = pid, open(read, "rb")  # noqa: SIM115 (closed by close())
        if then is not None:
            os.close(work_read)
            self.requests = open(work_write, "wb")  # noqa: SIM115 (closed by close())

    def result(self) -> Any:
        """The next call's value, or None: do it here."""
        if self.pipe is None:
            return None
        self.left -= 1
        try:
            value = _receive(self.pipe)
        except Exception:  # cut short: the child failed
            value = None
        if value is None or (self.left == 0 and self.requests is None):
            self.close()  # the child failed, or is done
        return value

    def call(self, function: Callable[..., R], *args: Any) -> R | None:
        """``function(*args)`` in the child once its calls are done and it is ready
        (``then``), or None: do it here."""
        if self.requests is None or self.pipe is None or self.left > 0:
            return None
        try:
            _send(self.requests, (function, args))
            value = _receive(self.pipe)
        except Exception:  # the child failed: its pipe broken or cut short
            value = None
        if value is None:
            self.close()
        return value

    def close(self) -> None:
        """End the child (done, failed, or not waited for: the build failed before)."""
        for pipe in (self.pipe, self.requests):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        self.pipe = self.requests = None
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None


def _give_back_memory() -> None:
    """Return to the system the memory freed so far: the output states read by
    `publish.look` left some 20 MB at 100,000 articles in glibc's heap."""
    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(AttributeError, OSError):  # not glibc (musl)
            ctypes.CDLL(None).malloc_trim(0)


def _send(pipe: BinaryIO, value: Any) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(len(data).to_bytes(8, "little"))
    pipe.write(data)
    pipe.flush()


def _receive(pipe: BinaryIO) -> Any:
    """The next value sent through ``pipe``, or None at its end (raises when cut short)."""
    head = pipe.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "little")
    data = pipe.read(size)
    if len(data) != size:
        raise EOFError("cut short")
    return pickle.loads(data)


def _unwrap(results: Batch | Problem) -> Batch:
    if isinstance(results, Problem):
        raise TemplateFailed(results)
    return results


def _render_batch(
    job: RenderJob,
    batch: Sequence[int],
    template_error: Callable[[Exception, str], Problem],
    parent: int | None = None,
) -> Batch | Problem:
    """Render a batch; in a worker (``parent`` given), stop if the build was killed."""
    done = []
    for index in batch:
        page = job.pages[index]
        try:
            data = job.renderer.render(page)
        except jinja2.TemplateError as exc:
            return template_error(exc, page.url)  # a value: jinja's exceptions do not pickle
        except BuildFailed as failed:  # an article file changed since it was read
            return failed.errors[0]
        except Exception as exc:  # {{ 1/0 }}: a template's, when raised in one
            if template_line(exc) is None:
                raise
            return template_error(exc, page.url)
        rel = urls.output_file(page.url)
        file_digest = digest(data)
        old = job.old.get(rel)
        if old is not None and old.digest == file_digest:
            done.append(Rendered(index, rel, old, written=False))
            continue
        if parent is not None and os.getppid() != parent:
            os._exit(1)  # the build was killed: write nothing more into its folder
        target = f"{job.target}/{rel}"
        folder = os.path.dirname(target)
        if folder not in job.folders:
            job.folders[folder] = _make_folder(folder)
        if not job.folders[folder]:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)  # it may be a hard link to the served file: never write into it
        done.append(Rendered(index, rel, _write(target, data, file_digest), True))
    html, job.renderer.converted = job.renderer.converted, {}
    return Batch(done, html, {key: marked_links(body) for key, body in html.items()})


def _make_folder(folder: str) -> bool:
    """Make ``folder`` (and its parents); True when this call made it, so it is empty."""
    try:
        os.mkdir(folder)
        return True
    except FileExistsError:
        return False
    except FileNotFoundError:
        os.makedirs(os.path.dirname(folder), exist_ok=True)
        return _make_folder(folder)


def _write(target: str, data: bytes, file_digest: str) -> OutputFile:
    """Write a new file (os-level calls: Python's buffered file object costs more here
    than the write); its mtime is the one the output state records."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        st = os.fstat(fd)
    except OSError as exc:  # a full disk: said at the file, not at "."
        name_file(exc, target)
        raise
    finally:
        os.close(fd)
    return OutputFile(file_digest, st.st_mtime_ns, len(data))


# Worker processes: the function is inherited through fork and kept for the pool's life
# (fork_map's T and R: one function per pool, so its types hold for every call).
_worker: list[Callable[[Any], Any]] = []


def _start_worker(function: Callable[[Any], Any], parent: int) -> None:
    _ignore_sigint()
    _die_with(parent)
    _worker.append(function)


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """Ctrl+C held back while workers are forked, so that they start with it blocked and
    ignore it (``_ignore_sigint``) before it can reach them: the terminal sends it to the
    whole process group, and a worker interrupted inside the pool's queue locks left the
    others waiting for the lock and the build waiting for them, holding the output's lock
    (and a worker's traceback was printed). Only this process stops, then: where it is,
    once the workers are forked; they end with the pool."""
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX: no fork either
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _ignore_sigint() -> None:
    """In a forked worker: Ctrl+C is the build's to handle. A SIGINT that came since the
    fork is dropped as it is unblocked, being ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _die_with(parent: int) -> None:
    """End this worker when the build that forked it is killed (kill -9, its terminal
    closed): left alone it waited for work forever, holding the output's lock (a copy of
    the build's, made by fork), and every later build was refused. Linux only."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # killed before that call
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _call_worker(batch: Any) -> Any:
    return _worker[0](batch)
