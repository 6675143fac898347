"""Where a build's time goes, stage by stage, as `python3 build.py` runs it.

    python bench/stages.py [build options...]      e.g. --config site.yaml --content c --output s

Runs the build command in this process with each stage of pipeline._build wrapped in a
timer, and prints the import time and a line per stage (wall seconds, calls). Stages are
timed where pipeline.py calls them, so a stage nested in another is counted in both.
To profile a rebuild after adding one article, see bench/run.py (`our_rebuild`) and run
this script in its place, or under `python3 -m cProfile`.
"""

import sys
import time
from collections.abc import Callable
from typing import Any

started = time.perf_counter()
from newsarchive import cli, pipeline, publish, rendering  # noqa: E402

imported = time.perf_counter() - started
times: dict[str, list[float]] = {}


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            times.setdefault(name, []).append(time.perf_counter() - start)

    return wrapper


def wrap_stages() -> None:
    for name in ("read_articles", "build_site", "_check_files", "fingerprints", "_update_search"):
        setattr(pipeline, name, timed(name, getattr(pipeline, name)))
    for name in ("render_changed", "links_in_bodies", "bodies_html"):
        setattr(rendering, name, timed(f"rendering.{name}", getattr(rendering, name)))
    for name in ("open_spare", "publish", "static_files", "recover", "check_output"):
        setattr(publish, name, timed(f"publish.{name}", getattr(publish, name)))
    for name in ("stale", "prepare", "keep", "copy_statics", "link_the_rest", "mirror"):
        method = getattr(publish.Spare, name)
        setattr(publish.Spare, name, timed(f"Spare.{name}", method))
    for name in ("save", "sources", "related", "body_links", "html", "state"):
        method = getattr(pipeline.Cache, name)
        setattr(pipeline.Cache, name, timed(f"cache.{name}", method))


def main() -> int:
    wrap_stages()
    build_started = time.perf_counter()
    code = cli.main(["build", *sys.argv[1:]])
    total = time.perf_counter() - build_started
    print(f"{'imports':<28} {imported:7.3f} s", file=sys.stderr)
    for name, spent in times.items():
        print(f"{name:<28} {sum(spent):7.3f} s  ({len(spent)} call(s))", file=sys.stderr)
    print(f"{'build (after imports)':<28} {total:7.3f} s", file=sys.stderr)
    print(f"{'process so far':<28} {time.perf_counter() - started:7.3f} s", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
