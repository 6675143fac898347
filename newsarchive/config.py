"""Site configuration from site.yaml; paths in it are relative to that file."""

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import renamed, schema, urls
from .errors import BuildFailed, Problem, os_problem, special_file
from .filekinds import PAGES
from .outputguard import protected_folders, static_problem, unsafe_output
from .yamltext import nested_lines, normalise_text, parse_yaml, written

_FIELDS = schema.by_name(schema.SETTINGS)
_MAPPING_KEYS = schema.names(schema.SETTINGS, "mapping")


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    title: str
    description: str
    base_url: str
    language: str
    timezone: ZoneInfo
    per_page: int
    feed_size: int
    default_category: str
    banner: str
    original_site: str  # linked in the footer: the first address given
    content_dir: Path
    templates_dir: Path
    static_dir: Path
    output_dir: Path
    # The output as site.yaml gives it (or _site), whatever --output says: the site
    # readers are served, whose build alone uses up what is said once (pipeline.py).
    site_dir: Path = Path()
    # Where readers ask for a correction or a takedown (page.html): a web address or an
    # e-mail address, without mailto: (urls.contact_url links it); empty: none.
    contact: str = ""
    # Clean the raw HTML of article bodies (markup.sanitize); off: it passes through.
    sanitize_html: bool = False
    offline: bool = False
    params: dict[str, Any] = field(default_factory=dict, compare=False)
    # Category names as the old portal printed them -> as this archive writes them.
    import_categories: dict[str, str] = field(default_factory=dict, compare=False)
    # Categories renamed in their articles whose old addresses still answer (renamed.py).
    renamed_categories: tuple[renamed.Rename, ...] = ()
    renamed_tags: tuple[renamed.Rename, ...] = ()
    # Site profiles for `import` (newsarchive/importing/profiles.py reads and checks them).
    import_profiles: dict[str, Any] = field(default_factory=dict, compare=False)
    # The hosts of every address in original_site: `check` warns about links to them.
    original_hosts: tuple[str, ...] = ()
    # The settings file read (site.yaml, or --config FILE): messages about it name it,
    # at the line of each key written in it.
    file: Path | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    def with_overrides(self, **changes: Any) -> "SiteConfig":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_config(path: Path) -> SiteConfig:
    """Read site.yaml; a missing file gives the defaults. Raises BuildFailed with every
    problem in it."""
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    text = ""
    if not path.is_dir() and (special := special_file(path, "the site's settings")):
        raise BuildFailed([special])  # a named pipe, opened, waits for a writer for ever
    if path.exists():
        try:
            text = normalise_text(path.read_bytes())
        except UnicodeDecodeError:
            raise BuildFailed(
                [Problem(path, "the settings file is not UTF-8 text", "save it as UTF-8")]
            ) from None
        except OSError as exc:  # no read permission: a bug report saved, not a message
            raise BuildFailed([os_problem(exc)]) from None
        values, lines = parse_yaml(path, text)
    # `banner:` with nothing after it means the default, as the README says of every key.
    values = {k: v for k, v in values.items() if v is not None or k not in _FIELDS}
    errors = _check(path, values, lines, text)
    if errors:
        raise BuildFailed(errors)
    renames = _renames(path, values, text)
    merged = {f.name: values.get(f.name, f.default) for f in schema.SETTINGS}
    for key in _MAPPING_KEYS:
        del merged[key]
    root = path.parent.resolve()
    # original_site: one address, or a list (the portal under several names).
    sites = merged["original_site"]
    sites = [sites] if isinstance(sites, str) else list(sites)
    sites = [web_address(site) for site in sites]
    merged["original_site"] = next(iter(sites), "")
    merged["original_hosts"] = tuple(dict.fromkeys(map(original_host, filter(None, sites))))
    merged["base_url"] = site_address(str(merged["base_url"]))
    merged["contact"] = web_address(_MAILTO.sub("", merged["contact"]))
    folders = _folders(path, root, merged, values, lines)
    return SiteConfig(
        root=root,
        file=root / path.name,  # as root: one value however the path was spelt
        lines={k: v for k, v in lines.items() if k in values},
        timezone=ZoneInfo(merged.pop("timezone")),
        params=dict(values.get("params") or {}),
        import_categories=dict(values.get("import_categories") or {}),
        import_profiles=dict(values.get("import_profiles") or {}),
        renamed_categories=renames["renamed_categories"],
        renamed_tags=renames["renamed_tags"],
        **{k: v for k, v in merged.items() if not k.endswith("_dir")},
        content_dir=folders["content_dir"],
        templates_dir=folders["templates_dir"],
        static_dir=folders["static_dir"],
        output_dir=folders["output_dir"],
        site_dir=folders["output_dir"],
    )


def _folders(
    path: Path, root: Path, merged: dict[str, Any], values: dict[str, Any], lines: dict[str, int]
) -> dict[str, Path]:
    """The folders of the settings ending in _dir, from ``root``; raises BuildFailed
    when site.yaml puts the static files or the output where they would publish or
    overwrite the project's own files (outputguard.py)."""
    # "~/site" is the home folder's, as in a terminal (was a folder named "~" here).
    folders = {k: root / os.path.expanduser(v) for k, v in merged.items() if k.endswith("_dir")}
    from .cache import CACHE_FOLDER  # it reads configs: imported once both are

    sources = protected_folders(
        root,
        folders["content_dir"],
        folders["templates_dir"],
        folders["static_dir"],
        root / CACHE_FOLDER,
    )
    unsafe = unsafe_output(folders["output_dir"], sources)
    published = "static_dir" in values and static_problem(folders["static_dir"], sources)
    if published:
        raise BuildFailed(
            [
                Problem(
                    path,
                    f"static_dir '{values['static_dir']}': {published}",
                    "write the name of a folder for the static files only, e.g. static_dir: static",
                    lines.get("static_dir"),
                )
            ]
        )
    if unsafe and "output_dir" in values:
        raise BuildFailed(
            [
                Problem(
                    path,
                    f"output_dir '{values['output_dir']}' cannot hold the built site: {unsafe}",
                    "write a new folder's name, e.g. output_dir: _site",
                    lines.get("output_dir"),
                )
            ]
        )
    return folders


def _renames(
    path: Path, values: dict[str, Any], text: str
) -> dict[str, tuple[renamed.Rename, ...]]:
    """Each rename setting with the line of each of its names; raises BuildFailed with
    the renames that lead nowhere or twice. Read once: each reading parses site.yaml."""
    renames = {
        key: renamed.read(values.get(key) or {}, nested_lines(text, key))
        for key in renamed.SETTINGS
    }
    problems = [
        Problem(path, message, hint, line)
        for key, found in renames.items()
        for message, hint, line in renamed.setting_problems(key, found)
    ]
    if problems:
        raise BuildFailed(problems)
    return renames


def original_host(address: str) -> str:
    """The host of an address, the same with or without "www.": the portal answered both.
    As `check` reads the host of a link (urls.same_host): `original_site` written with
    :443 or a final dot turned its warning off."""
    return urls.same_host(address.split("://", 1)[-1].split("/", 1)[0]).removeprefix("www.")


def unnamed_portal(config: SiteConfig, sources: Iterable[str]) -> list[Problem]:
    """A warning when every address of ``sources`` (the articles' source_url, an
    import's pages) is on one host that site.yaml's original_site does not name (or
    there is no original_site): `check` warns of links to the old portal, which will go
    dark, only when it is named, and said "no problems" of an archive that linked it on
    every page (a fork for another district, original_site its own portal's address,
    whose articles all came from another host, said nothing either)."""
    addresses = [a for a in sources if a.startswith(("http://", "https://"))]
    hosts = {original_host(a) for a in addresses}
    if len(hosts) != 1 or hosts <= set(config.original_hosts):
        return []
    roots = Counter(
        f"{urlsplit(a).scheme}://{urls.same_host(urlsplit(a).netloc)}/" for a in addresses
    )
    portal = min(roots, key=lambda root: (-roots[root], root))  # the most used spelling
    said = (
        f"the articles' original pages (source_url) are all on {portal}, but "
        "original_site is not set: the footer links no original site, and check does "
        "not warn of the links that still lead to that portal, which will go dark"
    )
    hint = f"add this line to site.yaml: original_site: {portal}"
    if config.original_hosts:
        said = (
            f"the articles' original pages (source_url) are all on {portal}, which "
            "original_site does not name: check does not warn of the links that still "
            "lead to that portal, which will go dark"
        )
        both = f"[{config.original_site}, {portal}]" if len(config.original_hosts) == 1 else ""
        hint = (
            f"if the portal had that address too, write both: original_site: {both}"
            if both
            else f"if the portal had that address too, add {portal} to the list of original_site"
        ) + f"; if original_site is mistyped, write original_site: {portal}"
    line = config.lines.get("original_site")
    return [Problem(config.file or Path("site.yaml"), said, hint, line, warning=True)]


def shown_address(address: str) -> str:
    """The address as a message shows it: a user name and password left out (a CI log
    keeps what the build prints)."""
    return re.sub(r"//[^/@]*@", "//…@", address)


def web_address_problem(address: str) -> str:
    """Why ``address`` is no web address a browser could open, or "": the one test of
    every setting that takes one (base_url, original_site, contact). The scheme and host
    may be in capitals, as browsers take them (web_address writes them small)."""
    if not address.lower().startswith(("http://", "https://")):
        return "is not a web address: it must start with http:// or https://"
    if any(char.isspace() for char in address):
        return "holds a space: write each space in an address as %20"
    try:
        parts = urlsplit(address)
    except ValueError:  # http://[x/: brackets hold only an IPv6 address
        return "has a [ or ] in its host: only an IPv6 address is written in brackets"
    try:
        host, _ = parts.hostname, parts.port
    except ValueError:
        return "has a port that is not a number"
    if not host:
        return "has no host name after the //"
    return ""


def web_address(address: str) -> str:
    """A web address as browsers write it: the scheme and host in small letters, the
    rest as written (HTTPS://HBT.vn/Tin/ is https://hbt.vn/Tin/). Anything else, an
    e-mail address or an empty value, is given back as it is."""
    if web_address_problem(address):
        return address
    scheme, _, rest = address.partition("://")
    netloc = urlsplit(address).netloc
    user, at, host = netloc.rpartition("@")
    return f"{scheme.lower()}://{user}{at}{host.lower()}{rest.removeprefix(netloc)}"


def site_address(address: str) -> str:
    """base_url as pages are written under it: one final /, and the scheme and host in
    small letters (as browsers write them; HTTPS://Someone.GitHub.io was refused)."""
    return web_address(address.rstrip("/") + "/")


def address_problem(address: str) -> str:
    """Why ``address`` cannot be the site's public address (base_url), or "": it is
    written into canonical links, feeds and the sitemap, which need a whole one."""
    if problem := web_address_problem(address):
        return problem
    parts = urlsplit(address)
    if "@" in parts.netloc:  # published in every page's canonical link and the feeds
        return "holds a user name or password (before an @): write the address readers use"
    if "?" in address or "#" in address:
        return "has a ? or #: the site's address cannot hold a query or a fragment"
    if "//" in parts.path.rstrip("/"):  # every canonical link and feed address was written with it
        return "has // in its path: write each folder once, e.g. https://user.github.io/repo/"
    # The home page's address copied from the browser: every canonical link, feed and
    # sitemap address was then written under it (…/index.html/2025/10/…/).
    page = parts.path.rpartition("/")[2]
    if page.lower().endswith(PAGES):
        return (
            f"ends in the name of a page, {page}: the site's address is the folder "
            f"its pages are in, {address.removesuffix(page)}"
        )
    return ""


def _check(path: Path, values: dict[str, Any], lines: dict[str, int], text: str) -> list[Problem]:
    """Each value against its key's kind in schema.SETTINGS (and its key's own rule)."""
    return [
        Problem(path, message, hint, lines.get(key))
        for key, value in values.items()
        for message, hint in _value_problems(key, value, written(text, lines.get(key)))
    ]


Found = list[tuple[str, str]]  # the message and the hint of each problem of one value


def _value_problems(key: str, value: Any, as_written: str) -> Found:
    """What is wrong with ``value`` for ``key``: a mapping, yes/no or number is checked
    whatever YAML made of it; any other kind must be text (one address, or a list of
    them) before the rules of its key or kind are."""
    field = _FIELDS.get(key)
    if field is None:
        return [_unknown_setting(key, value)]
    if field.kind in _ANY_VALUE_CHECKS:
        return _ANY_VALUE_CHECKS[field.kind](key, value, field)
    if field.kind == "addresses" and isinstance(value, list):
        return _address_list_problems(key, value, field)
    if not isinstance(value, str):
        return [_not_text(key, value, field, as_written)]
    check = _TEXT_RULES_BY_KEY.get(key) or _TEXT_RULES_BY_KIND.get(field.kind)
    return check(key, value, field) if check else []


def _unknown_setting(key: str, value: Any) -> tuple[str, str]:
    if key == "menu":  # where other generators keep it; params: would make no menu of it
        return (
            "unknown setting 'menu'",
            "the menu lists each page of content/pages/ with a line 'menu: 1' in its front "
            'matter (the number is its place; README, "Pages: about, contact"); any other '
            "link goes into templates/base.html",
        )
    close = schema.suggestion(key, schema.SETTINGS, value)
    known = ", ".join(f.name for f in schema.SETTINGS if f.suggested)
    # A key no setting is near is likely a fork's own value for its templates.
    own = f"; a value of your own for the templates goes under params: (site.params.{key})"
    return (
        f"unknown setting '{key}'",
        f"did you mean '{close}'?" if close else "known keys: " + known + own,
    )


def _mapping_problems(key: str, value: Any, field: schema.Field) -> Found:
    if isinstance(value, list):  # `  - TIN TỨC: Tin tức`: indented, but each line a list's
        return [
            (
                f"'{key}' must be a group of 'key: value' lines, not a list",
                f"take out the '- ' at the start of each line below it: under {key}:, "
                "each line is 'name: value', indented",
            )
        ]
    if value is not None and not isinstance(value, dict):
        return [
            (f"'{key}' must be a group of 'key: value' lines", f"indent the lines under {key}:")
        ]
    if key == "import_categories" and value:
        return [
            (
                f"import_categories: {k!r} must be mapped to a category name, not {v!r}",
                f'write e.g. "{k}": "{str(k).capitalize()}"',
            )
            for k, v in value.items()
            if not isinstance(v, str) or not v.strip()
        ]
    return []


def _boolean_problems(key: str, value: Any, field: schema.Field) -> Found:
    problem = schema.boolean_problem(key, value)
    return [problem] if problem else []


def _integer_problems(key: str, value: Any, field: schema.Field) -> Found:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return [(f"'{key}' must be a whole number above 0", f"write e.g. {key}: {field.default}")]
    return []


def _address_list_problems(key: str, value: list[Any], field: schema.Field) -> Found:
    return [
        (
            f"{key}: {item!r} {problem}",
            f"write each address as a browser shows it, e.g. - {field.example}",
        )
        for item in value
        if (
            problem := web_address_problem(item)
            if isinstance(item, str)
            else "is not a web address"
        )
    ]


def _not_text(key: str, value: Any, field: schema.Field, as_written: str) -> tuple[str, str]:
    quoted = f'put the value in double quotes: {key}: "{as_written or value}"'
    # A zone or a language code is never a number in quotes: that is the next
    # error. (`language: no`, Norwegian, is YAML's false: quoted, it is right.)
    named = field.kind == "timezone" or (key == "language" and not isinstance(value, bool))
    return (
        f"'{key}' must be text, not {value!r}",
        f"write e.g. {key}: {field.default}" if named else quoted,
    )


def _title_problems(key: str, value: str, field: schema.Field) -> Found:
    if value.strip():
        return []
    # Every page's <title>, its header's link and the feeds' title were empty.
    return [
        (
            "the site's title is empty: it names the archive on every page, in the "
            "browser's tab and in the feeds",
            f"write the archive's name, e.g. title: {field.default} (or delete the line "
            "for that default)",
        )
    ]


def _language_problems(key: str, value: str, field: schema.Field) -> Found:
    if schema.LANGUAGE_TAG.fullmatch(value):
        return []
    return [
        (
            f"language '{value}' is not a language code (the lang of every page)",
            "write the code of the site's language, e.g. language: vi "
            "(or en, vi-VN; a - between its parts, not _)",
        )
    ]


def _timezone_problems(key: str, value: str, field: schema.Field) -> Found:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return [(f"unknown time zone '{value}'", "use a name like Asia/Ho_Chi_Minh")]
    return []


def _address_problems(key: str, value: str, field: schema.Field) -> Found:
    problem = address_problem(value)
    if not problem:
        return []
    return [
        (
            f"{key} '{shown_address(value)}' {problem}",
            f"write the site's full public address, e.g. {key}: {field.example}",
        )
    ]


def _one_address_problems(key: str, value: str, field: schema.Field) -> Found:
    # Empty: no old portal to link to.
    if not value or not (problem := web_address_problem(value)):
        return []
    return [
        (
            f"{key} '{shown_address(value)}' {problem}",
            f"write the old portal's address as a browser shows it, e.g. {key}: {field.example}",
        )
    ]


# An e-mail address as readers can write to it: one @, a dot in its domain, no space.
_E_MAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_MAILTO = re.compile("^mailto:", re.IGNORECASE)


def _contact_problems(key: str, value: str, field: schema.Field) -> Found:
    # Shown to readers as a link: one they could not follow asks them for nothing. A
    # form's address may hold a query (?usp=…), which base_url may not.
    if "<" in value:  # the README's and site.yaml's example, pasted as it is
        return [
            (
                f"{key} '{value}' still holds <account> or <repository>, the example's "
                "words to replace: readers would be sent to a page that does not exist",
                "write your own GitHub account and repository in their place, e.g. "
                f"{key}: https://github.com/lan/luutru/issues/new",
            )
        ]
    if not value or _E_MAIL.fullmatch(_MAILTO.sub("", value)) or not web_address_problem(value):
        return []
    return [
        (
            f"{key} '{value}' is neither a web address (http:// or https://) nor an "
            "e-mail address: readers could not follow it to ask for a correction or a "
            "takedown",
            f"write the address of the repository's issues, e.g. {key}: {field.example}, "
            f"or an e-mail address, e.g. {key}: luutru@example.vn",
        )
    ]


Check = Callable[[str, Any, schema.Field], Found]
# The kinds checked whatever YAML read; every other value must be text first, then meet
# its key's rule, or else its kind's.
_ANY_VALUE_CHECKS: dict[str, Check] = {
    "mapping": _mapping_problems,
    "boolean": _boolean_problems,
    "integer": _integer_problems,
}
_TEXT_RULES_BY_KEY: dict[str, Check] = {
    "title": _title_problems,
    "language": _language_problems,
}
_TEXT_RULES_BY_KIND: dict[str, Check] = {
    "timezone": _timezone_problems,
    "address": _address_problems,
    "addresses": _one_address_problems,
    "contact": _contact_problems,
}
