"""Two runs of the publishing workflow, simulated: how much the kept cache saves.

    python bench/deploy_cache.py            # 10,000 articles
    python bench/deploy_cache.py 1000

As .github/workflows/pages.yml does on GitHub, each run starts from a fresh clone in
the same folder (GitHub's workspace path does not change between runs), restores
`.cache/newsarchive` and `_site` from the archive the previous run saved (the way
actions/cache makes and unpacks it: `tar --posix` with zstd), runs the build step's
command (with the search index, as the workflow does) and saves the archive again.
Run 1 has no archive (the first deployment, or an expired cache); before run 2 one
article newer than the whole corpus is committed, as an editor's push.

Everything goes to bench/work/deploy-<N>/ (git-ignored). Prints each step's time.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import generate

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work"
BASE_URL = "https://editors.github.io/luu-tru/"  # a project site, as configure-pages gives it
CACHED = (".cache/newsarchive", "_site")  # the workflow's actions/cache paths
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]


def run(command: list[str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return seconds, done.stdout + done.stderr


def make_origin(n: int, origin: Path) -> None:
    """The repository on GitHub: the project's files and an n-article corpus."""
    content = generate.ensure_corpus(n, WORK, seed=0)
    shutil.rmtree(origin, ignore_errors=True)
    origin.mkdir(parents=True)
    for name in ("site.yaml", "build.py"):
        shutil.copy(REPO / name, origin / name)
    for name in ("templates", "static"):
        shutil.copytree(REPO / name, origin / name)
    shutil.copytree(content, origin / "content")
    run([*GIT, "init", "-q", "-b", "main"], origin)
    run([*GIT, "add", "."], origin)
    run([*GIT, "commit", "-q", "-m", "corpus"], origin)


def tar_command(archive: Path, create: bool) -> list[str]:
    """actions/cache's own tar arguments (toolkit packages/cache/src/internal/tar.ts)."""
    zstd = shutil.which("zstd")
    if create:
        compress = ["--use-compress-program", "zstd -T0 --long=30"] if zstd else []
        return ["tar", "--posix", *compress, "-cf", str(archive), "-P", "-C", "."]
    compress = ["--use-compress-program", "zstd -d --long=30"] if zstd else []
    return ["tar", *compress, "-xf", str(archive), "-P", "-C", "."]


def workflow_run(origin: Path, workspace: Path, archive: Path) -> dict[str, float | str]:
    figures: dict[str, float | str] = {}
    shutil.rmtree(workspace, ignore_errors=True)
    figures["checkout"], _ = run(["git", "clone", "-q", str(origin), str(workspace)], WORK)
    if archive.exists():
        figures["restore cache"], _ = run(tar_command(archive, create=False), workspace)
    build = [sys.executable, "build.py", "--base-url", BASE_URL]
    figures["build step"], output = run(build, workspace)
    summary = output.strip().splitlines()[-1]
    indexed = re.search(r"search index rebuilt in ([\d.]+) s", summary)
    figures["of which search index"] = float(indexed.group(1)) if indexed else 0.0
    written = re.search(r"\((\d+) file\(s\) written, (\d+) deleted\)", summary)
    figures["files written"] = written.group(1) if written else "?"
    archive.unlink(missing_ok=True)
    figures["save cache"], _ = run([*tar_command(archive, create=True), *CACHED], workspace)
    figures["cache size (MB)"] = f"{archive.stat().st_size / 1e6:.0f}"
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=10_000, help="articles (10,000)")
    n = parser.parse_args().n
    folder = WORK / f"deploy-{n}"
    origin, workspace, archive = folder / "origin", folder / "workspace", folder / "cache.tar"
    archive.unlink(missing_ok=True)
    make_origin(n, origin)
    cold = workflow_run(origin, workspace, archive)
    generate.generate_one(origin / "content", index=n, seed=0)
    run([*GIT, "add", "."], origin)
    run([*GIT, "commit", "-q", "-m", "one new article"], origin)
    warm = workflow_run(origin, workspace, archive)

    print(f"Publishing workflow at {n:,} articles, {os.cpu_count()} cores (noisy if shared)")
    print(f"{'step':<24}{'run 1 (no cache)':>18}{'run 2 (+1 article)':>20}")
    for step in ("checkout", "restore cache", "build step", "of which search index"):
        row = [cold.get(step), warm.get(step)]
        cells = [f"{v:.1f} s" if isinstance(v, float) else "-" for v in row]
        print(f"{step:<24}{cells[0]:>18}{cells[1]:>20}")
    for step in ("files written", "save cache", "cache size (MB)"):
        row = [cold.get(step), warm.get(step)]
        cells = [f"{v:.1f} s" if isinstance(v, float) else str(v) for v in row]
        print(f"{step:<24}{cells[0]:>18}{cells[1]:>20}")


if __name__ == "__main__":
    main()
