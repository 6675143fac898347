"""The templates' syntax, which `check` warns of (a build reads only the templates its
pages ask for): a template Jinja cannot parse, and a tag that lost a brace, which Jinja
leaves in the page as text. Also the templates parsed, for the other readings of them
(unused.py)."""

import re
from pathlib import Path

import jinja2
from jinja2 import nodes

from .errors import Problem
from .jinjaenv import PARSER
from .systemfiles import made_by_system
from .uistrings import STRINGS_FILE


def parsed_templates(
    templates_dir: Path,
) -> tuple[dict[str, nodes.Template], list[tuple[Path, Exception]]]:
    """The templates parsed, by name (not strings.yaml, nor a system's file), and those
    that could not be read or parsed, each with why."""
    trees: dict[str, nodes.Template] = {}
    failed: list[tuple[Path, Exception]] = []
    for path in sorted(templates_dir.rglob("*")):
        if not path.is_file() or path.name == STRINGS_FILE or made_by_system(path.name):
            continue
        try:
            tree = PARSER.parse(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError) as exc:
            failed.append((path, exc))
            continue
        trees[path.relative_to(templates_dir).as_posix()] = tree
    return trees, failed


def broken_templates(templates_dir: Path) -> list[Problem]:
    """A warning for each template whose syntax is broken, at its line: the site was
    built, so no page is made with it (an old copy, old-copy.html), and Jinja reads a
    template only when a page asks for it: it passed every build without a word, until a
    template that comes to include or extend it stops the build. One that cannot be read
    is the build's to say."""
    _, failed = parsed_templates(templates_dir)
    return [
        Problem(
            path,
            f"the template is broken ({exc.message}): no page is made with it, but "
            "the first template that includes or extends it will stop the build",
            "correct it at this line, or delete the file if it is an old copy",
            exc.lineno,
            warning=True,
        )
        for path, exc in failed
        if isinstance(exc, jinja2.TemplateSyntaxError)
    ]


# A tag that lost one of its opening braces, `{ t.home }}` or `{ if x %}`: to Jinja it
# is text, shown on every page as it is. Only a name (a filter after it) or a tag's word
# before the closing mark, so that a script's or style's braces are never taken for one.
_HALF_TAG = re.compile(
    r"(?<!\{)\{(?:(\s*[A-Za-z_][\w.]*(?:\s*\|\s*\w+(?:\([^(){}]*\))?)*\s*)\}\}"
    r"|(\s*(?:if|elif|else|for|endif|endfor|block|endblock|set|include|extends|import|from"
    r"|macro|endmacro|call|endcall|with|endwith|filter|endfilter)\b[^{}%]*)%\})"
)


def stray_marks(templates_dir: Path) -> list[Problem]:
    """A warning for each tag of a template that lost a brace (`{ t.home }}`), at its
    line: Jinja reads it as text, and every page made with the template shows it where
    its words or its markup were, which no build or check said."""
    trees, _ = parsed_templates(templates_dir)  # one unread: the build names it
    problems = []
    for name, tree in trees.items():
        for data in tree.find_all(nodes.TemplateData):
            for half in _HALF_TAG.finditer(data.data):
                meant = f"{{{{{half[1]}}}}}" if half[1] is not None else f"{{%{half[2]}%}}"
                problems.append(
                    Problem(
                        templates_dir / name,
                        f"{half[0]!r} is shown on the page as it is: a tag that lost a "
                        "brace is text to Jinja",
                        f"write {meant}",
                        data.lineno + data.data.count("\n", 0, half.start()),
                        warning=True,
                    )
                )
    return problems
