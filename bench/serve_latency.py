"""How long `serve` takes from saving an article to telling the open pages to reload.

    python bench/serve_latency.py [ARTICLES ...]      (default: 1 100 1000)

Builds a site of N generated articles in a temporary folder, starts `build.py serve`
on a free port, listens to its event stream like a browser tab, then saves one
article five times and prints the median and range of save -> "reload" event. Each
save waits until serve has brought the search index up to date after the last one
(it does that in the background after the reload; a save meanwhile would stop it);
the time from the reload to that point is printed too. Also prints how long one look
at all the watched files takes.
"""

import argparse
import http.client
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsarchive.serve import watched_files  # noqa: E402

ROUNDS = 5


def make_site(root: Path, articles: int) -> Path:
    for name in ("templates", "static"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for i in range(articles):
        path = root / "content" / f"{2000 + i % 20}" / f"{i % 12 + 1:02d}" / f"tin-{i}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\ntitle: Tin số {i}\ndate: 2020-01-{i % 28 + 1:02d} 08:00\nslug: tin-{i}\n---\n"
            f"\nNội dung bài {i}.\n",
            encoding="utf-8",
        )
    return next((root / "content").rglob("tin-0.md"))


def measure(articles: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        edited = make_site(root, articles)
        started = time.perf_counter()
        for _ in range(ROUNDS):
            watched_files([root / "content", root / "templates", root / "static"])
        scan = (time.perf_counter() - started) / ROUNDS
        proc = subprocess.Popen(
            [sys.executable, "-u", str(REPO / "build.py"), "serve", "--port", "0"],
            cwd=root,
            stdout=subprocess.PIPE,
            text=True,
            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        )
        try:
            assert proc.stdout is not None

            def line_with(fragment: str) -> str:
                while fragment not in (line := proc.stdout.readline()):  # type: ignore[union-attr]
                    if not line:
                        raise RuntimeError("serve stopped")
                return line

            port = int(re.search(r":(\d+)/", line_with("Serving ")).group(1))  # type: ignore[union-attr]
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            conn.request("GET", "/__newsarchive/events")
            events = conn.getresponse()

            def wait_for(name: str) -> None:
                while not events.fp.readline().decode().startswith(f"event: {name}"):
                    pass

            wait_for("errors")  # connected; the first build is done
            times, indexing = [], []
            for n in range(ROUNDS):
                time.sleep(0.5)
                saved = time.perf_counter()
                text = edited.read_text(encoding="utf-8")
                edited.write_text(text.replace("Tin số 0", f"Tin số 0 ({n})"), encoding="utf-8")
                wait_for("reload")
                reloaded = time.perf_counter()
                times.append(reloaded - saved)
                line_with("earch index")
                indexing.append(time.perf_counter() - reloaded)
        finally:
            proc.terminate()
            proc.wait()
    print(
        f"{articles:>6} articles: save -> reload {statistics.median(times) * 1000:6.0f} ms "
        f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}); "
        f"then the search index {statistics.median(indexing):.1f} s; "
        f"one look at the files {scan * 1000:.1f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "articles", metavar="ARTICLES", type=int, nargs="*", default=[1, 100, 1000],
        help="the size of each site to measure, in articles (default: 1 100 1000)",
    )  # fmt: skip
    counts = parser.parse_args(argv).articles
    if min(counts) < 1:  # a site of none has no article to save
        parser.error("a site needs 1 article or more")
    for count in counts:
        measure(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
