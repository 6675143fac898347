"""Command line: `python build.py [build] [options]`.

Exit 0 ok, 1 a problem (in the content, or the output folder: reported with
the file and how to fix it; also a bug: one line and the path of its saved
traceback), 2 usage, 130 stopped by Ctrl+C (but serve, whose normal end that is: 0).

The commands other than build import their modules when they run: a rebuild does
not pay for loading the web server, the importer and the link checker.
"""

import argparse
import difflib
import io
import os
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from . import publish, statics
from .config import (
    SiteConfig,
    address_problem,
    load_config,
    shown_address,
    site_address,
    web_address,
    web_address_problem,
)
from .errors import (
    BuildFailed,
    Problem,
    in_file_order,
    nothing_written,
    raised_stopping,
    save_traceback,
    shown,
)
from .outputguard import spare_folder
from .pipeline import BuildResult, build

if TYPE_CHECKING:  # the importer is loaded only by `import`
    from .importing.report import PageNames

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_STOPPED = 0, 1, 2, 130
# The commands parser() defines; any other first word is build's (`build.py --quiet`).
COMMANDS = ("build", "new", "import", "serve", "check")


def add_content_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="site configuration (default: site.yaml)")
    parser.add_argument("--content", type=Path, help="folder of Markdown articles")
    parser.add_argument("--templates", type=Path, help="folder of Jinja2 templates")


def add_site_options(parser: argparse.ArgumentParser, base_url: bool = True) -> None:
    add_content_options(parser)
    parser.add_argument("--static", type=Path, help="folder of static files copied as they are")
    parser.add_argument("--output", type=Path, help="folder to write the site to (default: _site)")
    if base_url:
        parser.add_argument(
            "--base-url", help="public address of the site, e.g. https://user.github.io/repo/"
        )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="links end in index.html, to browse from a folder over file:// "
        "(default output: the output folder's name + -offline, e.g. _site-offline)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")


def add_jobs_option(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("-j", "--jobs", type=_positive, metavar="N", help=help)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="newsarchive",
        description="Build a static news archive from Markdown articles.",
    )
    commands = main.add_subparsers(dest="command", metavar="COMMAND")
    build_cmd = commands.add_parser("build", help="build the site (the default command)")
    add_site_options(build_cmd)
    add_jobs_option(build_cmd, "render with N processes (default: all cores)")
    build_cmd.add_argument(
        "--no-cache",
        dest="cache",
        action="store_false",
        help="build everything from scratch; do not read or write .cache/",
    )
    build_cmd.add_argument(
        "--no-search",
        dest="search",
        action="store_false",
        help="leave the search index as it is: faster, but it may miss new or changed "
        "articles until a build without this option",
    )
    build_cmd.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (e.g. links in articles to missing pages) as errors",
    )
    build_cmd.set_defaults(run=run_build)

    new_cmd = commands.add_parser("new", help="start a new article file")
    new_cmd.add_argument("title", help='the headline, in quotes: "Tiêu đề bài viết"')
    new_cmd.add_argument("--category", help="category (default: default_category in site.yaml)")
    new_cmd.add_argument(
        "--date",
        metavar="'DD/MM/YYYY HH:MM'",
        help="the day the portal published it, for an old article (default: now)",
    )
    new_cmd.add_argument(
        "--page",
        action="store_true",
        help="start a standalone page in content/pages/ (about, contact) instead of an article",
    )
    add_content_options(new_cmd)
    new_cmd.set_defaults(run=run_new)

    import_cmd = commands.add_parser(
        "import",
        help="bring captured pages of the old portal into the archive: files, mirror "
        "folders (wget, HTTrack), WARC and WACZ files",
    )
    import_cmd.add_argument("files", nargs="+", type=Path, metavar="PATH")
    import_cmd.add_argument(
        "--source-url",
        help="address of the original page (one FILE only; with a crawl and --date: the page "
        "the date is for)",
    )
    import_cmd.add_argument(
        "--no-aliases",
        dest="aliases",
        action="store_false",
        help="do not make the old addresses of the pages into aliases",
    )
    import_cmd.add_argument(
        "--date",
        metavar="'DD/MM/YYYY HH:MM'",
        help="publish date of a page that shows none (one FILE, or the page of --source-url "
        "in a crawl)",
    )
    import_cmd.add_argument(
        "--profile",
        metavar="NAME",
        help="read every page with this site profile instead of picking one by its markers",
    )
    import_cmd.add_argument(
        "--all-languages",
        action="store_true",
        help="import pages in other languages too (by default only Vietnamese pages)",
    )
    import_cmd.add_argument(
        "--accept-missing",
        action="store_true",
        help="import the pages of a WARC that is cut short even when some of their images or "
        "attachments are not in it (they may have been in the part cut off): each stays linked "
        "to its old address and is named in the notes; a complete copy imported later brings "
        "them in where the article still links that address. Without it such pages fail",
    )
    import_cmd.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="where to write the report, a line per page (default: import-report.jsonl "
        "beside site.yaml)",
    )
    add_jobs_option(import_cmd, "read pages with N processes (default: all)")
    add_content_options(import_cmd)
    import_cmd.add_argument("--static", type=Path, help="folder of static files (media go here)")
    import_cmd.set_defaults(run=run_import)

    serve_cmd = commands.add_parser(
        "serve",
        help="preview the site on this computer; rebuilds and reloads on every change",
        conflict_handler="resolve",
    )
    add_site_options(serve_cmd, base_url=False)  # the preview's address is its own
    serve_cmd.add_argument(
        "--output", type=Path, help="folder for the preview (default: .cache/serve)"
    )
    serve_cmd.add_argument(
        "--port", type=_port, default=8000, help="port on 127.0.0.1 (default 8000, 0: any free)"
    )
    serve_cmd.set_defaults(run=run_serve)

    check_cmd = commands.add_parser(
        "check", help="validate the content and check the built site's links, ids and feeds"
    )
    add_site_options(check_cmd)
    check_cmd.add_argument(
        "--built",
        type=Path,
        metavar="DIR",
        help="check this already built site (e.g. _site) instead of a fresh build",
    )
    add_jobs_option(check_cmd, "read pages with N processes (default: all)")
    check_cmd.set_defaults(run=run_check)
    return main


def run() -> NoReturn:
    """The program (build.py, `python -m newsarchive`, the `newsarchive` command)."""
    if not sys.flags.utf8_mode and sys.getfilesystemencoding() != "utf-8":
        # A locale that is not UTF-8 (LC_ALL=C with PYTHONUTF8=0, an ISO 8859 one) has
        # Python read file names and arguments in it: Vietnamese ones become garbage.
        os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]])
    if isinstance(sys.stdout, io.TextIOWrapper):  # as stderr: a letter the terminal
        sys.stdout.reconfigure(errors="backslashreplace")  # cannot show is escaped
    if sys.stdout is not None and sys.stderr is not None:  # not closed (`build >&-`)
        sys.stdout, sys.stderr = _ReaderMayLeave(sys.stdout), _ReaderMayLeave(sys.stderr)
    sys.unraisablehook = interrupt_again
    code = main()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # closed (`build >&-`): print() writes nothing then
            stream.flush()
    # Skip freeing the site model object by object at exit: 0.2 s of a rebuild at
    # 10,000 articles. Every file is closed and every worker process joined by now.
    os._exit(code)


class _ReaderMayLeave:
    """stdout or stderr, whose reader may stop reading (`build | head`, `check | less`
    quit early): the command goes on as if nobody read it. Its next line raised
    BrokenPipeError, an internal error after the site was published (or, in `import`,
    "make the folder writable")."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            self._gone()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            self._gone()

    def _gone(self) -> None:
        # What is still buffered, and every later line, goes nowhere (flushed at exit too).
        nowhere = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nowhere, self._stream.fileno())
        os.close(nowhere)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def interrupt_again(unraisable: "sys.UnraisableHookArgs") -> None:
    """Ctrl+C that comes while Python runs a callback (a weakref's, a ``__del__``) is
    not raised there: Python prints it ("Exception ignored in ...") and drops it, and
    the command went on. It is raised again a moment later, in the command (raised in
    this hook, it would be dropped as well)."""
    if unraisable.exc_type is None or not issubclass(unraisable.exc_type, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)
    elif hasattr(signal, "setitimer"):  # not on Windows: there, it is dropped
        signal.signal(signal.SIGALRM, _interrupt)
        signal.setitimer(signal.ITIMER_REAL, 0.001)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _port(text: str) -> int:
    """A TCP port (0: any free one); argparse says what is wrong with another."""
    # Digits only: int() also takes "8_000" and " 80", and a ValueError of its own was
    # said as "invalid _port value", this function's name.
    if not text.isascii() or not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port: give one from 1 to 65535")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] not in COMMANDS and not args_list[0].startswith("-"):
        _usage_error(_not_a_command(args_list))  # argparse: "unrecognized arguments: nwe X"
    if not args_list or args_list[0] not in (*COMMANDS, "-h", "--help"):
        args_list.insert(0, "build")
    args, unknown = parser().parse_known_args(args_list)
    if unknown and args.command == "new" and not any(u.startswith("-") for u in unknown):
        # `new Phường Bạch Đằng`: the shell gave each word apart, argparse named the rest.
        words = " ".join([args.title, *unknown]).replace('"', '\\"')
        page = "--page " if args.page else ""
        _usage_error(
            f'put the title in quotes, so that it is one: python3 build.py new {page}"{words}"'
        )
    if unknown:
        typo = _mistyped_option(args.command, unknown)
        if typo:
            _usage_error(typo)
        parser().parse_args(args_list)  # argparse's own message, and exit 2
    run: Callable[[argparse.Namespace], int] = args.run
    published = len(publish.swapped)
    try:
        return run(args)
    except KeyboardInterrupt:
        return _stopped(_published_since(published))
    except Exception as exc:  # a bug: one line for the editor, the details in a file
        changed = _published_since(published)
        if raised_stopping(exc):
            return _stopped(changed)
        path = save_traceback(exc, (getattr(args, "config", None) or Path("site.yaml")).parent)
        print(
            f"newsarchive hit an internal error; {_site_outcome(changed)}; details saved in {path}",
            file=sys.stderr,
        )
        return EXIT_CONTENT


def _stopped(changed: bool) -> int:
    print(f"\nnewsarchive: stopped; {_site_outcome(changed)}", file=sys.stderr)
    return EXIT_STOPPED


def _published_since(published: int) -> bool:
    """Whether a site was published since ``published`` swaps, into a folder still there:
    check's temporary folder, gone with it, is no site of the editor's."""
    return any(folder.exists() for folder in publish.swapped[published:])


def _site_outcome(changed: bool) -> str:
    if changed:
        return "the new site was published, but the build did not finish"
    return "the site was not changed"


def _settings_file(args: argparse.Namespace) -> Path:
    """--config, or ./site.yaml. Raises SystemExit(2) for a --config that is no file,
    and BuildFailed when there is no site.yaml here (naming a folder above with one)."""
    path = args.config or Path("site.yaml")
    # A named pipe or device there is no missing file: load_config says what it is.
    there = path.exists() and not path.is_dir()
    if args.config and not there:
        what = "is a folder, not a file" if path.is_dir() else "does not exist"
        # --config site.yml, --config site: the file beside it that was meant.
        meant = next(
            (p for p in (path.with_suffix(".yaml"), path / "site.yaml") if p.is_file()), None
        )
        if meant is not None:
            what += f": did you mean {meant}?"
        print(f"newsarchive: error: config file {path} {what}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)
    if path.is_dir():  # a folder made by mistake (mkdir site.yaml) is no missing file
        raise BuildFailed(
            [
                Problem(
                    path.absolute(),
                    "this is a folder, not the site's settings file",
                    'site.yaml is a text file of settings (README, "Configuration"): move '
                    "what the folder holds elsewhere, delete it and write the file in its "
                    "place, or name another file: --config path/to/site.yaml",
                )
            ]
        )
    if not there:
        # Run in content/ or a folder of it (a terminal opened there): the archive's
        # folder is above, and the hint spoke only of "the archive's folder".
        above = next((p for p in Path.cwd().parents if (p / "site.yaml").is_file()), None)
        hint = (
            f"site.yaml is in {above}, a folder above this one: run the command there "
            f"(cd {above}), or name the file: --config {above / 'site.yaml'}"
            if above is not None
            else "run the command in the archive's folder (the one holding site.yaml, "
            "content/ and templates/), or name the file: --config path/to/site.yaml"
        )
        raise BuildFailed(
            [Problem(path.absolute(), f"there is no site.yaml in this folder ({Path.cwd()})", hint)]
        )
    return path


def site_config(args: argparse.Namespace) -> SiteConfig:
    """The configuration from --config (or ./site.yaml) and the command-line overrides.

    Raises SystemExit(2) for a missing --config file and BuildFailed for a broken one.
    """
    path = _settings_file(args)
    builds = args.command in ("build", "serve", "check")
    loaded = load_config(path)
    given_url = getattr(args, "base_url", None)
    base_url = site_address(given_url) if given_url else None
    if given_url and (wrong := address_problem(given_url)):
        _usage_error(f"--base-url {shown_address(given_url)!r} {wrong}")
    offline = getattr(args, "offline", False)
    output_dir = _absolute(getattr(args, "output", None))
    if offline and output_dir is None:
        # Keep the offline copy beside the online site instead of replacing it.
        output_dir = loaded.output_dir.with_name(loaded.output_dir.name + "-offline")
    config = loaded.with_overrides(
        content_dir=_absolute(args.content),
        templates_dir=_absolute(getattr(args, "templates", None)),
        static_dir=_absolute(getattr(args, "static", None)),
        output_dir=output_dir,
        base_url=base_url,
        offline=offline or None,
    )
    if builds:
        missing = [
            _missing_folder(config, kind, getattr(args, kind, None) is not None)
            for kind in ("content", "templates", "static")
            if not getattr(config, f"{kind}_dir").is_dir()
            and (kind != "static" or _names(args, config, "static"))
        ]
        if missing:
            raise BuildFailed(missing)
    return config


def _check_named_folders(args: argparse.Namespace, config: SiteConfig, *kinds: str) -> None:
    """Raise BuildFailed for a content or static folder that `new` or `import` would
    write into, named on the command line or in site.yaml, and not there: a mistyped
    name, which was made with the files in it and read by no build (only the default
    folders are made)."""
    missing = [
        _missing_folder(config, kind, getattr(args, kind, None) is not None, writes=True)
        for kind in kinds
        if _names(args, config, kind) and not getattr(config, f"{kind}_dir").is_dir()
    ]
    if missing:
        raise BuildFailed(missing)


def _names(args: argparse.Namespace, config: SiteConfig, kind: str) -> bool:
    """Whether the content or static folder is named, on the command line or in
    site.yaml. A site may do without static files of its own (a fork's templates that
    link none), unless it names a folder for them."""
    return getattr(args, kind, None) is not None or f"{kind}_dir" in config.lines


# What to do about each folder a build reads when it is not there, and it was not
# named: the site would be built without its articles, pages or style sheet. The
# templates link to the style sheet and scripts of static/, so both are copied (a
# static/ that import made holds only media/).
_FOLDER_FIX = {
    "content": "create it, or pass --content DIR",
    "templates": "copy newsarchive's templates folder ({templates}) into the archive's "
    "folder, and what its static folder ({static}) holds into the archive's static folder "
    "(the style sheet and the search scripts); or pass --templates DIR",
}


def _shipped(folder: str) -> Path:
    """newsarchive's own templates/ or static/: beside its package in a checkout (pip
    install -e), in its repository otherwise. Looked for only when a message names it."""
    root = Path(__file__).resolve().parent.parent
    return (root if (root / "templates").is_dir() else Path("the newsarchive repository")) / folder


def _missing_folder(config: SiteConfig, kind: str, given: bool, writes: bool = False) -> Problem:
    """A folder the build reads (or ``writes``: new and import write into) that is not
    there, named where it was written: on the command line, at its line in site.yaml,
    or not at all (the default)."""
    folder: Path = getattr(config, f"{kind}_dir")
    what = f"the {kind} folder does not exist (or is not a folder)"
    key = f"{kind}_dir"
    if given:
        new = " (for a new folder, create it first)" if writes else ""
        return Problem(folder, what, f"correct the name given with --{kind}{new}")
    if key in config.lines and config.file is not None:
        return Problem(
            config.file,
            f"{key} '{os.path.relpath(folder, config.root)}': there is no folder {folder}",
            f"correct the folder's name, relative to {config.file.name} "
            f"(the default is {kind}), or delete the line to use the default",
            config.lines[key],
        )
    fix = _FOLDER_FIX[kind].format(templates=_shipped("templates"), static=_shipped("static"))
    return Problem(folder, what, fix)


def report(
    errors: list[Problem],
    root: Path | None = None,
    outcome: str = nothing_written(True),
) -> list[str]:
    """Print the problems for the editor; return them as text (serve shows them too)."""
    lines = [error.format(root) for error in in_file_order(errors)]
    for line in lines:
        print(line, file=sys.stderr)
    files = len({e.path for e in errors})
    print(f"\n{len(errors)} problem(s) in {files} file(s); {outcome}", file=sys.stderr, flush=True)
    return lines


def run_build(args: argparse.Namespace) -> int:
    # Whether a site was built before, to be left unchanged (None: site.yaml unread,
    # which names the site's folder).
    built: bool | None = None
    try:
        config = site_config(args)
        built = os.path.isdir(config.output_dir)  # False, not raised, for a bad name
        result = build(
            config,
            jobs=args.jobs,
            progress=not args.quiet,
            cache=args.cache,
            search=args.search,
            strict=args.strict,
        )
    except BuildFailed as failed:
        report(failed.errors, Path.cwd(), failed.outcome or nothing_written(built))
        return EXIT_CONTENT
    for warning in in_file_order(result.warnings):
        print(warning.format(Path.cwd()), file=sys.stderr)
    if not args.quiet:
        left = [f"{result.drafts} draft(s) not published"] if result.drafts else []
        if result.withdrawn:
            left.append(f"{result.withdrawn} withdrawn, a notice at each address")
        drafts = f" ({'; '.join(left)})" if left else ""
        print(
            f"Built {result.articles} article(s){drafts}: {result.pages} page(s), "
            f"{result.static_files} static file(s) in {result.seconds:.2f} s -> {result.output_dir}"
            f" ({result.written} file(s) written, {result.deleted} deleted)"
            + (f"; {result.search}" if result.search else "")
        )
    say_left_out(result, config)
    return EXIT_OK


def say_left_out(result: BuildResult, config: SiteConfig) -> None:
    """What the build left out of the site, said even with --quiet (by build and by each
    of serve's builds): a file an editor expects on the site is not built."""
    if result.hidden:
        print(
            f"skipped {len(result.hidden)} hidden file(s)/folder(s) in "
            f"{shown(config.content_dir)}/: {_some(result.hidden)}",
            file=sys.stderr,
        )
    if result.others:
        print(
            f"skipped {len(result.others)} file(s) in {shown(config.content_dir)}/ that are "
            f"not articles (only .md files are): {_some(result.others)}; pictures and "
            f"documents to publish belong in {shown(config.static_dir)}/",
            file=sys.stderr,
        )
    if result.system:
        made = [f"{shown(folder)}/{name}" for folder, name in result.system]
        print(
            f"not published: {len(made)} file(s)/folder(s) that Windows, macOS or an editor "
            "made by themselves (.DS_Store, Thumbs.db, desktop.ini, ._ files, __MACOSX/, "
            f"vim's .swp, backups ending in ~): "
            f"{_some(made)}; they are no one's article or picture, and may be deleted",
            file=sys.stderr,
        )
    if result.strays:
        # Said even with --quiet: a file put in the output by hand is no longer published.
        spare = f"{spare_folder(result.output_dir).name}/"
        deleted = any(name.startswith(spare) for name in result.strays)
        print(
            f"not published: {len(result.strays)} file(s)/folder(s) the build did not write: "
            f"{_some(result.strays)}" + (f" (deleted from {spare})" if deleted else "") + "; "
            f"files to publish, such as CNAME, belong in {shown(config.static_dir)}/",
            file=sys.stderr,
        )


def _some(names: Sequence[str]) -> str:
    """The first five of ``names``, and "..." for the rest."""
    return ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")


def run_new(args: argparse.Namespace) -> int:
    from .scaffold import (
        category_like_others,
        check_content_folder,
        new_article,
        new_page,
        write_new,
    )

    if args.page and args.category is not None:
        _usage_error("--page starts a page, which has no category: leave out --category")
    if args.page and args.date is not None:
        _usage_error("--page starts a page, which has no date: leave out --date")
    try:
        config = site_config(args)
        check_content_folder(config, "new")  # a folder it may not write into, first
        _check_named_folders(args, config, "content")
        if args.page:
            made = new_page(config, args.title)
        else:
            _date_argument(args.date, config)  # a --date that is no date: a usage error
            made = new_article(config, args.title, args.category, args.date)
        write_new(made, args.page)
    except BuildFailed as failed:
        report(failed.errors, Path.cwd(), "nothing was written.")
        return EXIT_CONTENT
    print(shown(made.path))
    if not args.page:
        for warning in category_like_others(config, made):
            print(warning.format(Path.cwd()), file=sys.stderr)
    return EXIT_OK


def _import_options(args: argparse.Namespace) -> tuple[str, ...]:
    """The options of this import that importing a page of it again needs, as given
    (not --source-url, --date or --jobs): a page's failure writes that command."""
    flags = {
        "--no-aliases": not args.aliases,
        "--all-languages": args.all_languages,
        "--accept-missing": args.accept_missing,
    }
    named = ("profile", "report", "config", "content", "templates", "static")
    valued = [(f"--{name}", getattr(args, name)) for name in named]
    return (
        *(flag for flag, given in flags.items() if given),
        *(word for option, value in valued if value for word in (option, str(value))),
    )


def run_import(args: argparse.Namespace) -> int:
    if args.source_url and (problem := web_address_problem(args.source_url)):
        _usage_error(f"--source-url {args.source_url!r} {problem}")
    from .importing import command
    from .importing.report import PageNames, grouped_notes
    from .scaffold import check_content_folder

    names = PageNames.given(args.files)
    heading = _Heading(f"Pages of {names.heading}:" if names.folder else "")

    try:
        config = site_config(args)
        check_content_folder(config, "import")
        statics.check_static_folder(config)  # the pictures go there
        _check_named_folders(args, config, "content", "static")
        request = command.Request(
            paths=args.files,
            source_url=web_address(args.source_url or ""),  # as the crawl's are compared
            date=_date_argument(args.date, config),
            aliases=args.aliases,
            profile=args.profile or "",
            all_languages=args.all_languages,
            accept_missing=args.accept_missing,
            report=args.report,
            jobs=args.jobs,
            again=_import_options(args),
        )
        with command.one_import(config):
            done = command.import_paths(config, request, _written_lines(names, heading))
    except BuildFailed as failed:
        report(failed.errors, Path.cwd(), command.NOTHING_IMPORTED)
        return EXIT_CONTENT
    except command.WrongArguments as wrong:
        _usage_error(str(wrong))
    report_file = shown(done.report)
    if done.stopped in command.STOPPED_AT_PROBLEM:
        _import_problems(done.errors, names, done.outcome)
    elif done.stopped:
        print(
            f"\nImport {done.stopped} after {done.tally.pages} page(s): every article written"
            " is whole. Run the same command again to go on where it stopped.",
            file=sys.stderr,
        )
    if done.report_unwritten:
        print(f"the report {report_file} was not written: {done.report_unwritten}", file=sys.stderr)
    if done.stopped:
        return EXIT_STOPPED if done.stopped == command.INTERRUPTED else EXIT_CONTENT
    warnings = [warning.format(Path.cwd()) for warning in done.warnings]
    for line in [*grouped_notes(done.notes, report_file, names), *warnings]:
        print(line, file=sys.stderr)
    if done.errors:
        _import_problems(done.errors, names, done.outcome)
    summary = done.tally.summary(
        done.seconds, done.other_files, report_file, shown(done.media), names
    )
    if done.tally.named_examples(names):
        heading.say()
    for line in summary:
        print(line)
    return EXIT_CONTENT if done.errors else EXIT_OK


class _Heading:
    """A line said once, above the first line that needs it ("": none)."""

    def __init__(self, line: str):
        self.line = line

    def say(self) -> None:
        if self.line:
            print(self.line)
            self.line = ""


def _written_lines(names: "PageNames", heading: _Heading) -> Callable[[str, Path], None]:
    """What prints where each page went: `page -> content/….md`; given one folder, it is
    named once, above the first, and each page from it (its path was on every line)."""

    def written(page: str, file: Path) -> None:
        if names.named(page):
            heading.say()
        print(f"{names(page)} -> {shown(file)}")

    return written


def _import_problems(errors: list[Problem], names: "PageNames", outcome: str) -> None:
    """The problems of an import, the pages of the folder imported named from it, which
    a line above them says."""
    if any(names.named(str(e.path)) for e in errors):
        print(f"Problems (the pages are named from {names.heading}):", file=sys.stderr)
    report(names.problems(errors), None, outcome)


def _date_argument(text: str | None, config: SiteConfig) -> datetime | None:
    """--date (of import, of new), in the site's time zone."""
    if not text:
        return None
    from .dates import NotARealDate, parse_date

    try:
        return parse_date(text, config.timezone)
    except NotARealDate as exc:
        _usage_error(f"--date: {exc}; {exc.fix}")
    except ValueError as exc:
        _usage_error(
            f"--date: {exc}; write it as 2019-04-19 16:54 or 19/04/2019 16:54 (day first), "
            "or without the time"
        )


def run_serve(args: argparse.Namespace) -> int:
    from . import serve

    def make_config(base_url: str) -> SiteConfig:
        config = site_config(args).with_overrides(base_url=base_url)
        if args.output is None:
            config = config.with_overrides(output_dir=serve.serve_folder(config))
        return config

    try:
        first = make_config("http://localhost/")
    except BuildFailed as failed:
        report(failed.errors, Path.cwd(), "fix site.yaml, then start serve again.")
        return EXIT_CONTENT
    config_file = (args.config or Path("site.yaml")).resolve()
    published = load_config(_settings_file(args)).output_dir
    if os.path.realpath(first.output_dir) == os.path.realpath(published):
        report(
            [_preview_in_published(first.output_dir)],
            Path.cwd(),
            "nothing was written: serve did not start.",
        )
        return EXIT_CONTENT
    return serve.run(
        make_config,
        config_file,
        args.port,
        lambda errors, *outcome: report(errors, Path.cwd(), *outcome),
        say_left_out,
        args.quiet,
    )


def _preview_in_published(folder: Path) -> Problem:
    """`serve --output _site` wrote the preview, every link to its local address
    (http://127.0.0.1:8000/: canonical, feeds, sitemap), into the folder that is
    published: a site copied from there by hand linked to the editor's computer."""
    return Problem(
        folder,
        "this is the folder build publishes (output_dir in site.yaml); serve's preview "
        "links to its local address (http://127.0.0.1:...), and must not be published",
        "leave out --output: serve keeps its preview in .cache/serve; for a second "
        "preview, give it a folder of its own: python3 build.py serve --output "
        ".cache/serve-2 --port 8001",
    )


def run_check(args: argparse.Namespace) -> int:
    from . import check
    from .workers import broken_pool, default_jobs

    if args.built is not None and not args.built.is_dir():
        _usage_error(f"--built {args.built} is not a folder")
    try:
        config = site_config(args)
        jobs = args.jobs or default_jobs()
        found, noted, articles, checked = check.checked(
            config, args.built, jobs, shown(config.static_dir)
        )
    except BuildFailed as failed:
        report(failed.errors, Path.cwd(), "the site was not checked further.")
        return EXIT_CONTENT
    except broken_pool():
        stopped = Problem(
            args.built or Path.cwd(),
            "a worker process of the check stopped unexpectedly (out of memory?)",
            "nothing was changed: check again, or with --jobs 1 to use less memory",
        )
        report([stopped], Path.cwd(), "the site was not checked further.")
        return EXIT_CONTENT
    problems = [p for p in found if not p.warning]
    warnings = in_file_order([*noted, *(p for p in found if p.warning)])
    for warning in warnings:
        print(warning.format(Path.cwd()), file=sys.stderr)
    if problems:
        report(problems, Path.cwd(), "see above.")
        return EXIT_CONTENT
    if not args.quiet:
        also = f"; {len(warnings)} warning(s) (see above)" if warnings else ""
        print(f"Checked {articles} article(s) and {checked} file(s): no problems{also}.")
    return EXIT_OK


def _not_a_command(words: Sequence[str]) -> str:
    """What to say of a first word that is no command (nor an option of build's)."""
    close = difflib.get_close_matches(words[0].lower(), COMMANDS, n=1, cutoff=0.6)
    if close:
        return f"there is no command '{words[0]}': did you mean {close[0]}?"
    title = " ".join(words).replace('"', '\\"')
    return (
        f"there is no command '{words[0]}' (the commands are {', '.join(COMMANDS)}); to "
        f'start an article, write its title after new, in quotes: python3 build.py new "{title}"'
    )


def _mistyped_option(command: str, unknown: Sequence[str]) -> str:
    """An option of ``command`` close to one typed (`--jobz`): argparse said only
    "unrecognized arguments", or "" when none is close."""
    options = [
        option
        for action in parser()._actions
        if isinstance(action, argparse._SubParsersAction)
        for option in action.choices[command]._option_string_actions
        if option.startswith("--")
    ]
    for typed in (word.partition("=")[0] for word in unknown if word.startswith("--")):
        close = difflib.get_close_matches(typed, options, n=1, cutoff=0.7)
        if close:
            return f"there is no option '{typed}' of {command}: did you mean {close[0]}?"
    return ""


def _usage_error(message: str) -> NoReturn:
    print(f"newsarchive: error: {message}", file=sys.stderr)
    raise SystemExit(EXIT_USAGE)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number above 0")
    return int(text)


def _absolute(path: Path | None) -> Path | None:
    return path.resolve() if path is not None else None
