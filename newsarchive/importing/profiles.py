"""Site profiles: where a platform's pages keep their title, date, category and text.

A profile is a small YAML file (docs/import-profiles.md): CSS selectors for the fields,
the parts of the body to leave out, and the markers that pick it for a page. The shipped
ones are in newsarchive/profiles/; an archivist adds or overrides one in a file under
`import-profiles/` beside site.yaml, or under `import_profiles:` in site.yaml.
"""

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import regex
from selectolax.lexbor import LexborHTMLParser, SelectolaxError

from ..config import SiteConfig
from ..errors import BuildFailed, Problem, shown
from ..yamltext import item_lines, nested_lines, normalise_text, parse_yaml

SHIPPED = Path(__file__).resolve().parent.parent / "profiles"
FOLDER = "import-profiles"  # beside site.yaml
FIELDS = {
    "name": "the profile's name, used by --profile (default: the file's name)",
    "about": "one line saying which sites it is for",
    "markers": "what picks the profile: selectors, hosts, generators",
    "title": "selector(s) of the article's title",
    "date": "selector(s) of its publish date (text, or a content/datetime attribute)",
    "category": "selector(s) of its category as the portal printed it",
    "author": "selector(s) of the author's name; that element is left out of the text",
    "tags": "selector(s) of the article's tags or topics (each element, parted by commas)",
    "not_authors": "regular expressions: names in 'author' that are the CMS's accounts "
    "(admin admin), not a person: such a name is left out",
    "body": "selector of the article's text (every match, in page order)",
    "drop": "selectors of the parts inside the body to leave out",
    "article_id": "a regular expression whose first group finds the portal's id in the address",
    "source_url": "selector(s) of the original address a copy of the page states (a link's "
    "href, or a content attribute)",
    "captured": "selector(s) of the day a copy of the page states the original was "
    "captured (a time's datetime, a content attribute, or the text)",
    "skip": "regular expressions: a page whose address matches one is not an article",
    "own_address": "a regular expression finding the article's own address in the page's "
    "HTML (its print link): its groups in brackets, joined, without the query",
}
REQUIRED = ("title", "body")
KEYS = f"a profile's keys are {', '.join(FIELDS)} (docs/import-profiles.md#the-keys)"
MARKERS = ("selectors", "hosts", "generators")
HINT = "see docs/import-profiles.md for the format, with an example"
# A pattern that does not compile: most often a bracket meant as a letter of the text.
PATTERN_FIX = (
    "correct the pattern (written as Python's, docs/import-profiles.md#the-keys): a bracket, "
    "dot or other sign meant as itself is written with a backslash before it, \\( or \\."
)
DATE_FORM = (
    "a profile sets no date format: 'date' reads the forms docs/import-profiles.md#dates "
    "lists by itself (day first: 22/10/2025, 19:25); for a date in another form, point "
    "'date' at a <meta> or <time> of the page that holds it, and delete this line"
)
_FORMAT_KEY = re.compile(r"(date|time).*(format|pattern|order)", re.IGNORECASE)
_PROBE = LexborHTMLParser("<p></p>")
_FOLDERISH = re.compile(r"[-_ .]")
_FOLDER_NAMES = ("importprofiles", "importprofile")  # import_profiles/, Import-Profiles/...
_MISNAMED = re.compile(r"\.ya?ml(\.txt|[\s.]+)$", re.IGNORECASE)  # a profile named otherwise
_XPATH = re.compile(r"\(?/")  # a browser's "Copy XPath": //*[@id="x"], /html/body/...
_JQUERY = re.compile(r":(?:first|last|eq|gt|lt|contains|even|odd)\b(?!-)")
_HOST = re.compile(r"[\w-]+(?:\.[\w-]+)*")  # what markers.hosts compares a page's host with
PORTAL_TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")  # naive times on Vietnamese portals
# A sound pattern reads the longest page in milliseconds; one that backtracks without end
# ((a|aa)+$ on a run of a's) ran for hours, the import hung. `regex`, unlike `re`, can
# stop one (and sees through some, as (a+)+$). A sloppy one, `"(.*)/pop_up/(.*)"`, took
# 0.36 s on VnExpress's 250 kB page (a line of 94 kB): 2 s leaves a slow machine room
# (seconds of the processor's time: a machine busy with other work stops none sooner).
PATTERN_SECONDS = 2
SLOW_FIX = (
    "rewrite the pattern so that each part of a text can be matched in one way only: no "
    "repeat inside a repeat ((a+)+ is a+), no alternatives that match the same text "
    '((a|aa)+ is a+), [^"]* rather than .* before a quote; then run the same command '
    "again: the pages imported before it stopped are already there"
)


class SlowPattern(Exception):
    """A profile's regular expression stopped after PATTERN_SECONDS on a text: the
    import stops at it, as every page would take as long."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem)  # its args: so it is pickled from a worker process
        self.problem = problem


@dataclass(frozen=True)
class Profile:
    name: str
    origin: str  # the file that defined it, for messages
    title: tuple[str, ...]
    body: str
    date: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    not_authors: tuple[str, ...] = ()  # the CMS's account names, not people
    drop: tuple[str, ...] = ()
    article_id: str = ""
    skip: tuple[str, ...] = ()  # addresses of pages that are not articles (print views...)
    source_url: tuple[str, ...] = ()  # where a copy (an archive's page) states the original
    captured: tuple[str, ...] = ()  # where such a copy states when the original was captured
    own_address: str = ""  # finds the link naming the article's own address (print link)
    selectors: tuple[str, ...] = ()  # markers: an element the page has
    hosts: tuple[str, ...] = ()  # markers: the page's host, or a parent domain of it
    generators: tuple[str, ...] = ()  # markers: words in <meta name="generator">
    about: str = ""
    # The selectors `body` lists, when more than one: each is looked for on every page.
    body_parts: tuple[str, ...] = ()
    lines: tuple[tuple[str, int], ...] = ()  # the line of each key written in `origin`

    @property
    def own(self) -> bool:
        """Whether it is the archivist's (site.yaml, import-profiles/: theirs to correct),
        not one shipped with newsarchive."""
        return Path(self.origin).parent != SHIPPED

    def at(self, key: str, item: str = "") -> str:
        """Where ``key`` is written (its ``item``, one of its list), for a message about
        what it found on a page: a misspelt selector was said by the profile's name
        alone, not its file and line. "" for a shipped profile: not one to correct, and
        its pages' lists are no fault."""
        return f"'{key}' at {self.where(key, item)}" if self.own else ""

    def checked(self) -> tuple[tuple[str, str], ...]:
        """The selectors every page of one's own profile is looked at for: its title (any
        of its list) and each part of its body, as (key, selector)."""
        parts = self.body_parts or (self.body,)
        return (("title", ", ".join(self.title)), *(("body", part) for part in parts))

    def place(self, key: str, item: str) -> tuple[int | None, int | None]:
        """The line and column where ``item`` of ``key`` is written (the column None when
        the line does not show it as written)."""
        lines = dict(self.lines)
        line = lines.get(f"{key}: {item}") or lines.get(key)
        if line is None:
            return None, None
        try:
            text = Path(self.origin).read_text(encoding="utf-8-sig").splitlines()[line - 1]
        except (OSError, UnicodeDecodeError, IndexError):  # changed since: the line alone
            return line, None
        column = text.find(item)
        return line, column + 1 if column >= 0 else None

    def where(self, key: str, item: str = "") -> str:
        """The file (from the current folder, as messages name files) and line of ``key``,
        or of its ``item`` where the list is written one item a line."""
        lines = dict(self.lines)
        line = lines.get(f"{key}: {item}") or lines.get(key)
        return f"{shown(self.origin)}:{line}" if line else shown(self.origin)

    def search(self, key: str, pattern: str, text: str, page: str) -> regex.Match | None:
        """``pattern``, one of ``key``, searched in ``text`` of ``page`` (case
        ignored for not_authors, its names); SlowPattern when it runs too long."""
        flags = regex.IGNORECASE if key == "not_authors" else 0
        try:
            return regex.search(pattern, text, flags, timeout=PATTERN_SECONDS)
        except TimeoutError:
            message = (
                f"the {self.name} profile's '{key}', {pattern!r}, did not finish within "
                f"{PATTERN_SECONDS} seconds on {page}: it tries so many ways of matching "
                "the text that it would run for hours, so the import stopped there"
            )
            problem = Problem(Path(self.origin), message, SLOW_FIX, dict(self.lines).get(key))
            raise SlowPattern(problem) from None

    def matches(self, page: LexborHTMLParser, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        if any(host == h or host.endswith("." + h) for h in self.hosts):
            return True
        if self.generators:
            generator = " ".join(
                (n.attrs.get("content") or "").lower() for n in page.css('meta[name="generator"]')
            )
            if any(g.lower() in generator for g in self.generators):
                return True
        return any(page.css_first(s) is not None for s in self.selectors)


@dataclass(frozen=True)
class Profiles:
    """The profiles to try, in order, and how to read what they find."""

    profiles: tuple[Profile, ...]
    timezone: ZoneInfo = PORTAL_TIMEZONE
    forced: Profile | None = None  # --profile NAME: every page is read with this one
    all_languages: bool = False  # pages in other languages than Vietnamese are articles too

    def pick(self, page: LexborHTMLParser, url: str) -> Profile | None:
        if self.forced is not None:
            return self.forced
        return next((p for p in self.profiles if p.matches(page, url)), None)

    def named(self, name: str) -> Profile | None:
        return next((p for p in self.profiles if p.name == name), None)


def load_profiles(
    config: SiteConfig | None = None, profile: str = "", all_languages: bool = False
) -> Profiles:
    """The archivist's profiles (site.yaml, then import-profiles/), then the shipped ones.

    Raises BuildFailed with every problem in them, or for an unknown ``profile``."""
    errors: list[Problem] = []
    found: list[Profile] = []
    if config is not None:
        site_yaml = config.file or config.root / "site.yaml"
        text = _site_yaml_text(site_yaml) if config.import_profiles else ""
        for name, values in (config.import_profiles or {}).items():
            where = f"import_profiles: {name}: "
            lines = _key_lines(text, "import_profiles", str(name))
            found.extend(_profile(site_yaml, values, str(name), errors, where, lines))
        folder = config.root / FOLDER
        errors.extend(_misnamed_folders(config.root, folder))
        if folder.is_dir():
            found.extend(_read_folder(folder, errors))
        errors.extend(_named_twice(found))
    found.extend(_read_folder(SHIPPED, errors))
    if errors:
        raise BuildFailed(errors)
    first: dict[str, Profile] = {}
    for found_profile in found:  # the archivist's, found first, replace shipped ones
        first.setdefault(found_profile.name, found_profile)
    unique = tuple(first.values())
    profiles = Profiles(
        unique,
        timezone=config.timezone if config is not None else PORTAL_TIMEZONE,
        all_languages=all_languages,
    )
    if not profile:
        return profiles
    forced = profiles.named(profile)
    if forced is None:
        names = [p.name for p in unique]
        # A profile's file given for its name (`import-profiles/x.yaml`): its name is x.
        named = re.sub(r"\.ya?ml$", "", profile.replace("\\", "/").rsplit("/", 1)[-1], flags=re.I)
        close = [named] if named in names else difflib.get_close_matches(profile, names, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "known profiles: " + ", ".join(names)
        if named != profile and close == [named]:
            hint += " (--profile takes a profile's name: its file's name without .yaml)"
        folder = config.root / FOLDER if config is not None else SHIPPED
        raise BuildFailed([Problem(folder, f"no site profile named '{profile}'", hint)])
    return Profiles(unique, profiles.timezone, forced, all_languages)


def _named_twice(found: list[Profile]) -> list[Problem]:
    """One's own profiles that take a name an earlier one has: only the first was read,
    and the other, perhaps the one being corrected, was left out without a word."""
    first: dict[str, Profile] = {}
    problems = []
    for profile in found:
        earlier = first.setdefault(profile.name, profile)
        if earlier is not profile:
            problems.append(
                Problem(
                    Path(profile.origin),
                    f"a second profile named '{profile.name}': {earlier.where('name')} has "
                    "that name too, and only one of them can be used",
                    "give one of them another name (name: ..., or the file's name), or "
                    "delete the one you do not use",
                    dict(profile.lines).get("name"),
                )
            )
    return problems


def _misnamed_folders(root: Path, folder: Path) -> list[Problem]:
    """Folders of profiles named otherwise than import-profiles/ (import_profiles/, as
    site.yaml's key is spelt): their profiles were left out without a word."""
    problems = []
    try:
        beside = sorted(root.iterdir())
    except OSError:
        return []
    for path in beside:
        if path.name == FOLDER or _FOLDERISH.sub("", path.name.lower()) not in _FOLDER_NAMES:
            continue
        try:
            if not path.is_dir() or (folder.is_dir() and path.samefile(folder)):
                continue  # a case-insensitive disk: Import-Profiles/ is import-profiles/
            if not any(p.suffix.lower() in (".yaml", ".yml") for p in path.iterdir()):
                continue
        except OSError:
            continue
        problems.append(
            Problem(
                path,
                f"the profiles in this folder are not read: import reads them from "
                f"{FOLDER}/ beside site.yaml",
                f"rename the folder to {FOLDER}",
            )
        )
    return problems


def _site_yaml_text(path: Path) -> str:
    """site.yaml as load_config read it, for the lines of its profiles' keys."""
    try:
        return normalise_text(path.read_bytes())
    except (OSError, UnicodeDecodeError):  # read a moment ago: messages lose their line
        return ""


def _read_folder(folder: Path, errors: list[Problem]) -> list[Profile]:
    found = []
    # .yml as much as .yaml (GitHub's workflows are .yml): a profile saved so was left
    # out without a word, and its portal's pages read by the generic extractor.
    named = [p for p in folder.iterdir() if not p.name.startswith(".")]
    # Notepad's x.yaml.txt, or a space typed after the name: left out the same way.
    for path in sorted(named):
        extra = _MISNAMED.search(path.name)
        if extra is not None:
            meant = path.name[: extra.start(1)]
            errors.append(
                Problem(
                    path,
                    f"the profile is not read: its name ends in {extra[1]!r}, after {meant}",
                    f"rename it to {meant}",
                )
            )
    for path in sorted(p for p in named if p.suffix.lower() in (".yaml", ".yml")):
        try:
            text = normalise_text(path.read_bytes())
        except UnicodeDecodeError:
            errors.append(Problem(path, "the profile is not UTF-8 text", "save it as UTF-8"))
            continue
        try:
            values, lines = parse_yaml(path, text)
        except BuildFailed as failed:
            errors.extend(failed.errors)
            continue
        lines.update(_key_lines(text))
        found.extend(_profile(path, values, path.stem, errors, "", lines))
    return found


def _key_lines(text: str, *keys: str) -> dict[str, int]:
    """The lines of a profile's keys (the one ``keys`` lead to in the file), and of its
    markers' as "markers.<key>": a misspelt marker is said at its own line."""
    lines = nested_lines(text, *keys)
    marked = nested_lines(text, *keys, "markers")
    items = item_lines(text, *keys)
    return lines | {f"markers.{key}": line for key, line in marked.items() if key} | items


def _profile(
    path: Path,
    values: Any,
    default_name: str,
    errors: list[Problem],
    prefix: str,
    lines: dict[str, int] | None = None,
) -> list[Profile]:
    """One profile from its YAML values; its problems go to ``errors``, all of them."""
    before = len(errors)
    read = _Reader(path, values if isinstance(values, dict) else {}, errors, prefix, lines or {})
    if not isinstance(values, dict):
        read.problem("", "a profile must be a group of 'key: value' lines", HINT)
        return []
    # The values are read in this order, the order their problems are said in.
    _check_keys(read)
    markers = _markers(read)
    article_id = _with_group(read, "article_id", "/(\\d+)-")
    own_address = _with_group(read, "own_address", '"([^"]*/)pop_up/([^"]*)"')
    skip, not_authors = read.texts("skip"), read.texts("not_authors")
    _check_patterns(read, {"skip": skip, "not_authors": not_authors})
    hosts = _hosts(read, markers)
    body = read.selectors("body")
    profile = Profile(
        name=read.text("name") or default_name,
        origin=str(path),
        title=read.selectors("title"),
        body=" , ".join(body),
        date=read.selectors("date"),
        category=read.selectors("category"),
        author=read.selectors("author"),
        tags=read.selectors("tags"),
        not_authors=not_authors,
        drop=read.selectors("drop"),
        article_id=article_id,
        skip=skip,
        source_url=read.selectors("source_url"),
        captured=read.selectors("captured"),
        own_address=own_address,
        selectors=read.selectors("selectors", markers),
        hosts=hosts,
        generators=read.texts("generators", markers),
        about=read.text("about"),
        body_parts=body if len(body) > 1 else (),
        lines=tuple(
            (key, line)
            for key, line in read.lines.items()
            if key.partition(": ")[0] in FIELDS and line
        ),
    )
    return [profile] if len(errors) == before else []


@dataclass
class _Reader:
    """Reads the values of one profile, and says each problem in them at its key's line."""

    path: Path
    values: dict[str, Any]
    errors: list[Problem]
    prefix: str  # what the message says first: the profile's name, in site.yaml
    lines: dict[str, int]

    def problem(self, key: str, message: str, hint: str = HINT, item: str = "") -> None:
        # A key that is not written (a missing one, a marker) is told at its group's line:
        # 'markers:', or the profile's name in site.yaml ("" there; files have none). One
        # ``item`` of a list written one a line, at its own.
        key = str(key)  # YAML reads `2021:` as a number
        group = "markers" if key in MARKERS or key.startswith("markers.") else ""
        line = self.lines.get(f"{key}: {item}") or self.lines.get(key)
        line = line or self.lines.get(group) or self.lines.get("")
        self.errors.append(Problem(self.path, self.prefix + message, hint, line))

    def texts(self, key: str, source: dict[str, Any] | None = None) -> tuple[str, ...]:
        """The texts of ``key`` in ``source`` (default: the profile), one or a list."""
        value = (self.values if source is None else source).get(key) or ()
        items = (value,) if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
            said = f"'{key}' must be text or a list of texts, not {value!r}"
            self.problem(key if source is None else f"markers.{key}", said)
            return ()
        return tuple(i.strip() for i in items if i.strip())

    def selectors(self, key: str, source: dict[str, Any] | None = None) -> tuple[str, ...]:
        """The CSS selectors of ``key``, each said if it is not one."""
        found = self.texts(key, source)
        for selector in found:
            if not _is_css(selector):
                message = f"'{key}': {selector!r} " + _not_css(selector)
                at = key if source is None else f"markers.{key}"
                self.problem(at, message, _css_fix(selector), selector)
        return found

    def text(self, key: str, kind: str = "text") -> str:
        """The one line of text of ``key`` ("" when not written)."""
        value = self.values.get(key)
        if value is None or isinstance(value, str):
            return value or ""
        # re.compile([1]) crashed; str() made ['vne'] a name
        hint = f"write one line of text after '{key}:', in quotes if it is a number or a list"
        self.problem(key, f"'{key}' must be {kind}, not {value!r}", hint)
        return ""


def _check_keys(read: _Reader) -> None:
    """Says the keys a profile has that none knows, and the ones it needs and lacks."""
    for key in read.values:
        if key not in FIELDS:
            # date_format: as other tools take one; import reads the date's form by itself.
            fix = DATE_FORM if _FORMAT_KEY.search(str(key)) else _meant(key, FIELDS, KEYS)
            read.problem(key, f"unknown key '{key}'", fix)
    for key in REQUIRED:
        # Blank (`title: " "`, `body: [""]`) too: every page failed as an internal error.
        value = read.values.get(key)
        items = [value] if isinstance(value, str) else value
        if not value or (isinstance(items, list) and not any(str(i).strip() for i in items)):
            read.problem(key, f"'{key}' is missing: {FIELDS[key]}")


def _markers(read: _Reader) -> dict[str, Any]:
    """The profile's markers ({} when it has none, or they are not a group of keys)."""
    markers = read.values.get("markers") or {}
    takes = "'markers' takes the keys " + ", ".join(MARKERS)
    if not isinstance(markers, dict):
        read.problem("markers", takes)
        markers = {}
    for key in [k for k in markers if k not in MARKERS]:  # `host:` said only the keys
        hint = _meant(key, MARKERS, takes)
        read.problem(f"markers.{key}", f"'markers': unknown key '{key}'", hint)
    return markers


def _with_group(read: _Reader, key: str, example: str) -> str:
    """The regular expression of ``key`` whose groups find what it is for ("" for none):
    the portal's id in an address (article_id), the article's own address (own_address)."""
    pattern = read.text(key, "one regular expression")
    try:
        if pattern and regex.compile(pattern).groups < 1:
            read.problem(key, f"'{key}' needs a group in brackets, e.g. {example}")
    except regex.error as exc:
        read.problem(key, f"'{key}' is not a regular expression ({exc})", PATTERN_FIX)
    return pattern


def _check_patterns(read: _Reader, patterns: dict[str, tuple[str, ...]]) -> None:
    """Says the patterns, by their key, that are not regular expressions."""
    for key, texts in patterns.items():
        for pattern in texts:
            try:
                regex.compile(pattern)
            except regex.error as exc:  # as written: its repr doubled each backslash
                message = f"'{key}': '{pattern}' is not a regular expression ({exc})"
                read.problem(key, message, PATTERN_FIX, pattern)


def _hosts(read: _Reader, markers: dict[str, Any]) -> tuple[str, ...]:
    """The host names the markers list, each said if it is not one."""
    # www.x.vn is x.vn (a page's address may be either, and both are one address to
    # import): kept, it never picked the pages of https://x.vn/, which another profile read.
    written = read.texts("hosts", markers)
    hosts = tuple(h.lower().rstrip(".").removeprefix("www.") for h in written)
    for host, as_written in zip(hosts, written, strict=True):
        if not _HOST.fullmatch(host):
            # An address matched no page, silently: every page went to the generic reader.
            name = urlsplit(host if "//" in host else f"//{host}").hostname or ""
            name = name.lstrip("*.")  # *.x.vn, .x.vn: x.vn, whose subdomains match too
            name = name if _HOST.fullmatch(name) else "portal.gov.vn"
            read.problem(
                "markers.hosts",
                f"'hosts': {host!r} is not a host name",
                f"write the host name alone, without http:// or a path: hosts: [{name}] "
                "(its subdomains match too)",
                as_written,
            )
    return hosts


def _is_css(selector: str) -> bool:
    try:
        _PROBE.css(selector)
    except (SelectolaxError, ValueError):
        return False
    return True


def _not_css(selector: str) -> str:
    """What is wrong with a selector the parser refuses: it says no more than "Can't parse
    CSS selector.", so the part it cannot read is found as what follows the longest start
    of the selector that it reads."""
    if _XPATH.match(selector):
        return "is an XPath, not a CSS selector"
    start = max((n for n in range(1, len(selector)) if _is_css(selector[:n])), default=0)
    return f"is not a CSS selector: it cannot be read from {selector[start:]!r} on"


def _css_fix(selector: str) -> str:
    if _XPATH.match(selector):
        return (
            "in the browser's developer tools, right-click the element and choose Copy, "
            "Copy selector (not Copy XPath), or write one as "
            "docs/import-profiles.md#selectors shows"
        )
    jquery = _JQUERY.search(selector)
    if jquery:  # an old scraper's, which CSS has not
        return (
            f"{jquery[0]} is jQuery's, not CSS: write :first-child, :last-child or "
            ":nth-child(N) (counted from 1), or a class or id the element has"
        )
    return "correct it there (docs/import-profiles.md#selectors shows how selectors are written)"


def _meant(key: object, known: Iterable[str], otherwise: str) -> str:
    """The fix for an unknown key: the known one closest to it, or ``otherwise``."""
    close = difflib.get_close_matches(str(key), list(known), n=1)
    return f"did you mean '{close[0]}'?" if close else otherwise
