"""One segment of the search index encoded: peak memory, seconds, and a digest of its files.

    python bench/segment_memory.py                 # 65,536 articles: the largest segment at 100,000
    python bench/segment_memory.py 8192 --repo ../main   # another checkout's code, to compare

The words of bench/generate.py's first N articles (their Markdown as the text: near
enough to the HTML's, and no conversion to wait for) are gathered as the search writer
does (`segment.Words`), then `segment.encode` makes the segment's files, in a process
of its own so that its peak RSS (ru_maxrss) is the encoding's. A build of 100,000
articles makes a segment of 65,536, the largest. Two checkouts print the same digest
when they write the same bytes.
"""

import argparse
import hashlib
import inspect
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(count: int, seed: int) -> dict:
    """In the process that encodes: gather, encode, measure."""
    sys.path.insert(0, str(HERE))
    import generate

    from newsarchive.search.segment import Words, encode

    words, taken = Words(), set()
    for index in range(count):
        text = generate.make_article(index, seed, taken).text
        _, front, body = text.split("---\n", 2)
        [title] = [line for line in front.splitlines() if line.startswith("title: ")]
        words.add(title.removeprefix("title: ").strip('"'), body)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    files: dict[str, bytes] = {}
    if "put" in inspect.signature(encode).parameters:
        shards = encode("s", words, files.__setitem__)
    else:  # a checkout from before the files were handed over as made
        shards, files = encode("s", words)  # type: ignore[call-arg, misc]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    digest = hashlib.sha256(str(shards).encode())
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return {
        "articles": count,
        "words": len(words.words),
        "MiB before encoding": before // 1024,
        "peak MiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "encode s": round(wall, 1),
        "encode CPU s": round(cpu, 1),
        "files": len(files),
        "MiB of files": round(sum(map(len, files.values())) / 2**20, 1),
        "sha256": digest.hexdigest()[:16],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=65536, help="articles")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repo", type=Path, default=HERE.parent, help="checkout to measure")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        print(json.dumps(measure(args.count, args.seed)))
        return 0
    command = [sys.executable, __file__, str(args.count), "--seed", str(args.seed), "--inside"]
    env = {**os.environ, "PYTHONPATH": str(args.repo.resolve())}
    result = json.loads(subprocess.run(command, env=env, check=True, stdout=subprocess.PIPE).stdout)
    for key, value in result.items():
        print(f"{key:>20}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
