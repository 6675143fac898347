"""A template's loop over a value of site.yaml's params: written as one text, not a list.

`menu_categories: Tin hoạt động, Thông báo` (without brackets) is a text, and Jinja's
`{% for name in site.params.menu_categories %}` goes through a text letter by letter: README
step 0's menu of categories was published as 22 links, one a letter, with a warning of a
link to /chuyen-muc/t/ and no word of the text or its line."""

from collections.abc import Mapping
from pathlib import Path

from jinja2 import nodes

from .config import SiteConfig
from .errors import Problem, shown
from .yamltext import nested_lines, normalise_text


def texts_looped(trees: Mapping[str, nodes.Template], config: SiteConfig) -> list[Problem]:
    """Each value of params: that is a text and that a template (of ``trees``, by name)
    loops over, said once at its line of site.yaml, with the first loop's place."""
    looped: dict[str, tuple[str, int]] = {}
    for name in sorted(trees):
        for loop in trees[name].find_all(nodes.For):
            key = _site_param(loop.iter)
            if key is not None and isinstance(config.params.get(key), str):
                looped.setdefault(key, (name, loop.lineno))
    if not looped:
        return []
    path = config.file or config.root / "site.yaml"
    lines = _param_lines(path)
    problems = []
    for key, (name, line) in looped.items():
        text = config.params[key]
        items = [item.strip() for item in text.split(",") if item.strip()] or [text]
        problems.append(
            Problem(
                path,
                f"'{key}' under params: is one text, {text!r}, and "
                f"{shown(config.templates_dir / name)}:{line} loops over it: a loop goes "
                "through a text letter by letter (a link or a line for each letter)",
                f"write it as a list, in brackets: {key}: [{', '.join(items)}] (or each "
                "item on a line of its own below it, after '- ')",
                lines.get(key) or config.lines.get("params"),
            )
        )
    return problems


def _site_param(node: nodes.Node) -> str | None:
    """The key of ``site.params.key`` (or ``site.params["key"]``), else None."""
    if isinstance(node, nodes.Getattr):
        key, holder = node.attr, node.node
    elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        key, holder = str(node.arg.value), node.node
    else:
        return None
    if not isinstance(holder, nodes.Getattr) or holder.attr != "params":
        return None
    site = holder.node
    return key if isinstance(site, nodes.Name) and site.name == "site" else None


def _param_lines(path: Path) -> dict[str, int]:
    """The line of each key under params: in site.yaml ({} when it cannot be read)."""
    try:
        return nested_lines(normalise_text(path.read_bytes()), "params")
    except (OSError, UnicodeDecodeError):  # read a moment ago: the message loses its line
        return {}
