"""Site configuration from site.yaml; paths in it are relative to that file."""

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ContentError
from .load import normalise_text, parse_yaml
from .output import protected_folders, unsafe_output

DEFAULTS: dict[str, Any] = {
    "title": "Lưu trữ tin tức",
    "description": "",
    "base_url": "http://localhost:8000/",
    "language": "vi",
    "timezone": "Asia/Ho_Chi_Minh",
    "per_page": 20,
    "feed_size": 20,
    "default_category": "Tin tức - Sự kiện",
    "banner": "",
    "original_site": "",
    "content_dir": "content",
    "templates_dir": "templates",
    "static_dir": "static",
    "output_dir": "_site",
    "import_categories": {},
    "import_profiles": {},
    "sanitize_html": False,
}
_INTEGER_KEYS = ("per_page", "feed_size")
_BOOLEAN_KEYS = ("sanitize_html",)
_MAPPING_KEYS = ("params", "import_categories", "import_profiles")
_ADDRESS_KEYS = {
    "base_url": "https://user.github.io/repo/",
    "original_site": "http://haibatrung.hanoi.gov.vn/",
}


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
    original_site: str  # linked in the banner: the first address given
    content_dir: Path
    templates_dir: Path
    static_dir: Path
    output_dir: Path
    # Clean the raw HTML of article bodies (markup.sanitize); off: it passes through.
    sanitize_html: bool = False
    offline: bool = False
    params: dict[str, Any] = field(default_factory=dict, compare=False)
    # Category names as the old portal printed them -> as this archive writes them.
    import_categories: dict[str, str] = field(default_factory=dict, compare=False)
    # Site profiles for `import` (newsarchive/importing/profiles.py reads and checks them).
    import_profiles: dict[str, Any] = field(default_factory=dict, compare=False)
    # The hosts of every address in original_site: `check` warns about links to them.
    original_hosts: tuple[str, ...] = ()

    def with_overrides(self, **changes: Any) -> "SiteConfig":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_config(path: Path) -> SiteConfig | list[ContentError]:
    """Read site.yaml; a missing file gives the defaults."""
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    if path.exists():
        try:
            text = normalise_text(path.read_bytes())
        except UnicodeDecodeError:
            return [ContentError(path, "site.yaml is not UTF-8 text", "save it as UTF-8")]
        parsed = parse_yaml(path, text)
        if isinstance(parsed, list):
            return parsed
        values, lines = parsed
    errors = _check(path, values, lines)
    if errors:
        return errors
    merged = DEFAULTS | {k: v for k, v in values.items() if k not in _MAPPING_KEYS}
    del merged["import_categories"]
    del merged["import_profiles"]
    root = path.parent.resolve()
    # original_site: one address, or a list (the portal under several names).
    sites = merged["original_site"]
    sites = [sites] if isinstance(sites, str) else list(sites)
    merged["original_site"] = next(iter(sites), "")
    merged["original_hosts"] = tuple(dict.fromkeys(map(original_host, filter(None, sites))))
    merged["base_url"] = str(merged["base_url"]).rstrip("/") + "/"
    folders = {k: root / v for k, v in merged.items() if k.endswith("_dir")}
    unsafe = unsafe_output(
        folders["output_dir"],
        protected_folders(
            root, folders["content_dir"], folders["templates_dir"], folders["static_dir"]
        ),
    )
    if unsafe and "output_dir" in values:
        return [
            ContentError(
                path,
                f"output_dir '{values['output_dir']}' cannot hold the built site: {unsafe}",
                "write a new folder's name, e.g. output_dir: _site",
                lines.get("output_dir"),
            )
        ]
    return SiteConfig(
        root=root,
        timezone=ZoneInfo(merged.pop("timezone")),
        params=dict(values.get("params") or {}),
        import_categories=dict(values.get("import_categories") or {}),
        import_profiles=dict(values.get("import_profiles") or {}),
        **{k: v for k, v in merged.items() if not k.endswith("_dir")},
        **folders,
    )


def original_host(address: str) -> str:
    """The host of an address, the same with or without "www.": the portal answered both."""
    host = address.split("://", 1)[-1].split("/", 1)[0].split("@")[-1].lower()
    return host.removeprefix("www.")


def _check(path: Path, values: dict[str, Any], lines: dict[str, int]) -> list[ContentError]:
    errors = []
    for key, value in values.items():
        line = lines.get(key)
        if key in _MAPPING_KEYS:
            if value is not None and not isinstance(value, dict):
                errors.append(
                    ContentError(
                        path,
                        f"'{key}' must be a group of 'key: value' lines",
                        f"indent the lines under {key}:",
                        line,
                    )
                )
            elif key == "import_categories" and value:
                errors.extend(
                    ContentError(
                        path,
                        f"import_categories: {k!r} must be mapped to a category name, not {v!r}",
                        f'write e.g. "{k}": "{str(k).capitalize()}"',
                        line,
                    )
                    for k, v in value.items()
                    if not isinstance(v, str) or not v.strip()
                )
            continue
        if key not in DEFAULTS:
            close = difflib.get_close_matches(key, DEFAULTS, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(DEFAULTS)
            errors.append(ContentError(path, f"unknown setting '{key}'", hint, line))
        elif key in _BOOLEAN_KEYS:
            if not isinstance(value, bool):
                errors.append(
                    ContentError(
                        path,
                        f"'{key}' must be true or false, not {value!r}",
                        f"write {key}: true or {key}: false",
                        line,
                    )
                )
        elif key in _INTEGER_KEYS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                errors.append(
                    ContentError(
                        path,
                        f"'{key}' must be a whole number above 0",
                        f"write e.g. {key}: {DEFAULTS[key]}",
                        line,
                    )
                )
        elif key == "original_site" and isinstance(value, list):
            errors.extend(
                ContentError(
                    path,
                    f"original_site: {item!r} is not a web address",
                    f"write each address with http:// or https://, e.g. - {_ADDRESS_KEYS[key]}",
                    line,
                )
                for item in value
                if not isinstance(item, str) or not item.startswith(("http://", "https://"))
            )
        elif not isinstance(value, str):
            errors.append(
                ContentError(
                    path,
                    f"'{key}' must be text, not {value!r}",
                    f'put the value in double quotes: {key}: "{value}"',
                    line,
                )
            )
        elif key == "timezone":
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                errors.append(
                    ContentError(
                        path,
                        f"unknown time zone '{value}'",
                        "use a name like Asia/Ho_Chi_Minh",
                        line,
                    )
                )
        elif key in _ADDRESS_KEYS and not value.startswith(("http://", "https://")):
            if key == "original_site" and not value:
                continue
            errors.append(
                ContentError(
                    path,
                    f"{key} '{value}' is not a web address",
                    f"write it with http:// or https://, e.g. {key}: {_ADDRESS_KEYS[key]}",
                    line,
                )
            )
    return errors
