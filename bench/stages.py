"""Where a build's time goes, stage by stage, as `python3 build.py` runs it.

    python bench/stages.py [build options...]      e.g. --config site.yaml --content c --output s

Runs the build command in this process with each stage of pipeline._build wrapped in a
timer, and prints the import time and a line per stage: wall seconds, CPU seconds of this
process (less sensitive to a busy machine; forked workers not counted), calls, and (on
Linux) this process's memory when the stage's last call ended and its peak so far, in
MiB: where a build's memory goes (issue 17). Stages are
timed where pipeline.py calls them, so a stage nested in another is counted in both.
To profile a rebuild after adding one article, see bench/run.py (`our_rebuild`) and run
this script in its place, or under `python3 -m cProfile`.
"""

import sys
import time
from collections.abc import Callable
from typing import Any

started, started_cpu = time.perf_counter(), time.process_time()
from newsarchive import cli, pipeline, preflight, publish, render, workers  # noqa: E402

imported = time.perf_counter() - started, time.process_time() - started_cpu
times: dict[str, list[tuple[float, float]]] = {}
memory: dict[str, tuple[int, int]] = {}  # stage -> (RSS, peak RSS) in MiB after its last call


def rss_mib() -> tuple[int, int]:
    """This process's resident memory and its peak so far, in MiB ((0, 0) off Linux)."""
    found = {"VmRSS": 0, "VmHWM": 0}
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in found:
                    found[key] = int(value.split()[0]) // 1024
    except OSError:
        pass
    return found["VmRSS"], found["VmHWM"]


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent = time.perf_counter() - start, time.process_time() - cpu
            times.setdefault(name, []).append(spent)
            memory[name] = rss_mib()

    return wrapper


def wrap_stages() -> None:
    for name in (
        *("read_articles", "build_site", "static_files", "_check_files", "fingerprints"),
        "_update_search",
    ):
        setattr(pipeline, name, timed(name, getattr(pipeline, name)))
    for name in ("render_changed", "links_in_bodies", "bodies_html"):
        setattr(render, name, timed(f"render.{name}", getattr(render, name)))
    for name in ("open_spare", "publish", "recover"):
        setattr(publish, name, timed(f"publish.{name}", getattr(publish, name)))
    preflight.check_output = timed("preflight.check_output", preflight.check_output)
    for name in ("stale", "prepare", "keep", "copy_statics", "link_the_rest", "mirror"):
        method = getattr(publish.Spare, name)
        setattr(publish.Spare, name, timed(f"Spare.{name}", method))
    # How long the build waits for what a forked process does ahead: the scan of the
    # article files, then the look at the output folders.
    workers.ForkedCall.result = timed("ForkedCall.result", workers.ForkedCall.result)  # type: ignore[method-assign]
    for name in ("save", "sources", "related", "body_links", "html", "state"):
        method = getattr(pipeline.Cache, name)
        setattr(pipeline.Cache, name, timed(f"cache.{name}", method))


def main() -> int:
    wrap_stages()
    build_started, build_cpu = time.perf_counter(), time.process_time()
    code = cli.main(["build", *sys.argv[1:]])
    total = time.perf_counter() - build_started, time.process_time() - build_cpu
    whole = time.perf_counter() - started, time.process_time() - started_cpu
    lines = [("imports", [imported]), *times.items()]
    lines += [("build (after imports)", [total]), ("process so far", [whole])]
    memory["process so far"] = rss_mib()
    print(f"{'stage':<28} {'wall s':>7} {'cpu s':>7} {'MiB':>6} {'peak':>6}", file=sys.stderr)
    for name, spent in lines:
        wall, cpu = sum(s[0] for s in spent), sum(s[1] for s in spent)
        rss, peak = memory.get(name, (0, 0))
        mib = f"{rss:6d} {peak:6d}" if rss else " " * 13
        print(f"{name:<28} {wall:7.3f} {cpu:7.3f} {mib}  ({len(spent)} call(s))", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
