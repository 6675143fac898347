"""Command line: `python build.py [build] [options]`. Exit 0 ok, 1 content errors, 2 usage."""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .config import SiteConfig, load_config
from .errors import BuildFailed, ContentError
from .pipeline import build

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def add_site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="site configuration (default: site.yaml)")
    parser.add_argument("--content", type=Path, help="folder of Markdown articles")
    parser.add_argument("--templates", type=Path, help="folder of Jinja2 templates")
    parser.add_argument("--static", type=Path, help="folder of static files copied as they are")
    parser.add_argument("--output", type=Path, help="folder to write the site to (default: _site)")
    parser.add_argument(
        "--base-url", help="public address of the site, e.g. https://user.github.io/repo/"
    )
    parser.add_argument("--quiet", action="store_true", help="print only errors")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="newsarchive",
        description="Build a static news archive from Markdown articles.",
    )
    commands = main.add_subparsers(dest="command", metavar="COMMAND")
    build_cmd = commands.add_parser("build", help="build the site (the default command)")
    add_site_options(build_cmd)
    build_cmd.add_argument(
        "--jobs", type=_positive, metavar="N", help="render with N processes (default: all cores)"
    )
    build_cmd.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="build everything from scratch; do not read or write .cache/",
    )
    build_cmd.set_defaults(run=run_build)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    top = parser()
    commands = top._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    if not args_list or args_list[0] not in (*commands, "-h", "--help"):
        args_list.insert(0, "build")
    args = top.parse_args(args_list)
    run: Callable[[argparse.Namespace], int] = args.run
    return run(args)


def site_config(args: argparse.Namespace) -> SiteConfig:
    """The configuration from --config (or ./site.yaml) and the command-line overrides.

    Raises SystemExit(2) for a missing --config file and BuildFailed for a broken one.
    """
    path = args.config or Path("site.yaml")
    if args.config and not path.is_file():
        print(f"newsarchive: error: config file {path} does not exist", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)
    loaded = load_config(path)
    if isinstance(loaded, list):
        raise BuildFailed(loaded)
    base_url = args.base_url.rstrip("/") + "/" if args.base_url else None
    if base_url and not base_url.startswith(("http://", "https://")):
        print(
            f"newsarchive: error: --base-url {args.base_url!r} must start with http:// or https://",
            file=sys.stderr,
        )
        raise SystemExit(EXIT_USAGE)
    return loaded.with_overrides(
        content_dir=_absolute(args.content),
        templates_dir=_absolute(getattr(args, "templates", None)),
        static_dir=_absolute(getattr(args, "static", None)),
        output_dir=_absolute(getattr(args, "output", None)),
        base_url=base_url,
    )


def report(errors: list[ContentError], root: Path | None = None) -> None:
    for error in errors:
        print(error.format(root), file=sys.stderr)
    files = len({e.path for e in errors})
    print(
        f"\n{len(errors)} problem(s) in {files} file(s); nothing was written, "
        "the previous site is unchanged.",
        file=sys.stderr,
    )


def run_build(args: argparse.Namespace) -> int:
    try:
        config = site_config(args)
        result = build(config, jobs=args.jobs, progress=not args.quiet, cache=args.cache)
    except BuildFailed as failed:
        report(failed.errors, Path.cwd())
        return EXIT_CONTENT
    if not args.quiet:
        drafts = f" ({result.drafts} draft(s) not published)" if result.drafts else ""
        print(
            f"Built {result.articles} article(s){drafts}: {result.pages} page(s), "
            f"{result.static_files} static file(s) in {result.seconds:.2f} s -> {result.output_dir}"
            f" ({result.written} file(s) written, {result.deleted} deleted)"
        )
    return EXIT_OK


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number above 0")
    return int(text)


def _absolute(path: Path | None) -> Path | None:
    return path.resolve() if path is not None else None
