"""The floor of a cold build: every article body through our Python-Markdown converter.

    python bench/floor.py CONTENT [--jobs N] [--stock]

Reads every article file below CONTENT, drops its front matter (a plain split, no YAML)
and converts its body with newsarchive.markup's converter (the same extensions and
settings as a build, link marking included) on N processes (default: every core), and
nothing else: no page, no file written. bench/run.py times this script like a build, in
the same rounds, so its wall time (Python's start included) is the least any build of
ours can take while Python-Markdown converts the bodies. It prints the CPU seconds of all its
processes too, to compare with a build's (`/usr/bin/time`) on a machine that others load.
`--stock` times Python-Markdown as the build used it before markup.py's shortcut for
plain texts (the same HTML): the floor as it was when the issue set its targets.
"""

import argparse
import functools
import multiprocessing
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from newsarchive.markup import make_converter, stock_converter, to_html

BATCH = 64


def body_of(text: str) -> str:
    """The Markdown after the front matter (the build's reader does more: YAML, NFC)."""
    if text.startswith("---"):
        parts = text.split("\n---", 2)
        if len(parts) == 3:
            return parts[2].partition("\n")[2]
    return text


def convert(paths: list[str], stock: bool = False) -> int:
    # One per process, as the build's workers keep one.
    converter = stock_converter() if stock else make_converter()
    size = 0
    for path in paths:
        with open(path, encoding="utf-8") as source:
            size += len(to_html(converter, body_of(source.read())))
    return size


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--stock", action="store_true", help="without markup.py's shortcuts")
    args = parser.parse_args(argv)
    paths = sorted(str(p) for p in args.content.rglob("*.md"))
    batches = [paths[i : i + BATCH] for i in range(0, len(paths), BATCH)]
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        size = sum(pool.imap_unordered(functools.partial(convert, stock=args.stock), batches))
        pool.close()
        pool.join()  # the workers waited for: their CPU time is counted below
    used = os.times()
    cpu = used.user + used.system + used.children_user + used.children_system
    print(f"{len(paths)} bodies, {size} characters of HTML, {args.jobs} processes, {cpu:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
