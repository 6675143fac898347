"""What the templates leave unused, which `check` warns of (a build does not spend its
time on it): a key of strings.yaml no template shows (a misspelt key, `serach_placeholder:`
beside `search_placeholder:`, was read by nothing, and the editor believed the words
changed), and the text of the articles or pages, when their template no longer shows
`{{ body }}` (every article was published without its text). Also a key a template asks
and strings.yaml lacks, which no page has asked yet."""

import difflib
from pathlib import Path

import jinja2
from jinja2 import meta, nodes

from .errors import Problem
from .jinjaenv import PARSER
from .templatesyntax import parsed_templates
from .templatewords import WordUse, lacking_words, words_used
from .uistrings import STRINGS_FILE, load_strings, word_lacking

# Keys the build itself reads, not a template: the footnote's back link and the name of
# a link to a picture (markup.py, through renderer.Renderer), what `new` writes, how a
# count's digits are grouped (jinjaenv's filter thousands).
READ_BY_THE_BUILD = frozenset(
    {"footnote_back", "picture_link", "new_article_body", "thousands_separator"}
)


def unused_words(templates_dir: Path) -> list[Problem]:
    """A warning for each top-level key of strings.yaml that no template asks for, at its
    line, with the key closest to it that one does. None when a template cannot be read,
    or hands the words on whole ({% set words = t %}, a loop over t): any key may be
    used then; a t that a template names itself ({% for t in tags %}, a macro's argument
    t) is not the words, and asks none of them. strings.yaml's own errors are the
    build's to say (BuildFailed)."""
    words = load_strings(templates_dir)
    trees, failed = parsed_templates(templates_dir)
    if failed:  # the build names it; a key only it uses would be taken for unused
        return []
    used: set[str] = set(READ_BY_THE_BUILD)
    uses, theirs = words_used(trees)
    for name, found in uses.items():
        keys = _keys_asked(found)
        if keys is None and name not in theirs:
            return []
        # One included where t is its own too: what it asks is counted used, in case.
        used |= keys or set()
    path = templates_dir / STRINGS_FILE
    problems = []
    for key, value in words.items():
        if key in used:
            continue
        close = difflib.get_close_matches(key, sorted(used & words.keys()), n=1)
        problems.append(
            Problem(
                path,
                f"no template uses the key '{key}': its words are shown nowhere"
                + (f" (did you mean '{close[0]}'?)" if close else ""),
                _fix(close[0], getattr(words[close[0]], "line", None))
                if close
                else f"delete the line, or show it in a template as {{{{ t.{key} }}}}",
                getattr(value, "line", None),
                warning=True,
            )
        )
    return problems


def words_lacking(templates_dir: Path) -> list[Problem]:
    """A warning for each key that a template asks of strings.yaml and it lacks, at the
    template's line: a build stops at the first page that asks it, and a word asked on
    some pages only (t.author, for an article with an author) or by a template no page
    is made with yet (page.html) passed every build and check, until a new article
    stopped the build. With the line of newsarchive's own strings.yaml to add."""
    words = load_strings(templates_dir)
    trees, _ = parsed_templates(templates_dir)  # one unread: the build or broken_templates names it
    problems = []
    for key, name, line in lacking_words(trees, words):
        message, fix = word_lacking(key, words, templates_dir)
        problems.append(
            Problem(
                templates_dir / name,
                message + ": the first page that asks it will stop the build (a template "
                "may ask a word on some pages only, or be one no page is made with yet)",
                fix + " at this line",
                line,
                warning=True,
            )
        )
    return problems


# The templates given the text of an article or a page as `body` (renderer.Renderer).
_WITH_TEXT = {"article.html": "article", "page.html": "page"}


def unshown_text(templates_dir: Path) -> list[Problem]:
    """A warning for article.html or page.html when neither it nor a template it extends,
    includes or imports asks for `body`: every article (or page) would be published
    without its text. None for a template that cannot be read: the build names it."""
    problems = []
    for name, kind in _WITH_TEXT.items():
        seen: set[str] = set()
        todo, shows = [name], False
        while todo and not shows:
            part = todo.pop()
            if part in seen:
                continue
            seen.add(part)
            try:
                tree = PARSER.parse((templates_dir / part).read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
                shows = True  # not to be judged here
                break
            shows = any(n.name == "body" for n in tree.find_all(nodes.Name))
            todo += [n for n in meta.find_referenced_templates(tree) if n is not None]
        if not shows:
            problems.append(
                Problem(
                    templates_dir / name,
                    f"{name} shows no {{{{ body }}}} (nor does a template it extends or "
                    f"includes): every {kind} would be published without its text",
                    f"put {{{{ body }}}} back where the {kind}'s text belongs (compare with "
                    f"templates/{name} that comes with newsarchive)",
                    warning=True,
                )
            )
    return problems


def _fix(meant: str, line: int | None) -> str:
    """The fix for a key close to ``meant``, which strings.yaml has (at ``line``)."""
    at = f" (line {line})" if line else ""
    return (
        f"the templates show the words of '{meant}'{at}: if these are the words meant, "
        f"write them there and delete this line"
    )


def _keys_asked(uses: list[WordUse]) -> set[str] | None:
    """The keys of strings.yaml a template asks for (t.key, t["key"], t.get("key")), or
    None when it uses the words otherwise (whole, or with a key computed)."""
    keys: set[str] = set()
    for node, holder in uses:
        if isinstance(node, nodes.Getitem):
            key = node.arg.value if isinstance(node.arg, nodes.Const) else None
        elif not isinstance(node, nodes.Getattr):
            key = None  # t whole
        elif node.attr != "get":
            key = None if hasattr(dict, node.attr) else node.attr  # t.items()
        elif isinstance(holder, nodes.Call) and holder.node is node and holder.args:
            first = holder.args[0]  # t.get("key", ...)
            key = first.value if isinstance(first, nodes.Const) else None
        else:
            key = None
        if not isinstance(key, str):
            return None
        keys.add(key)
    return keys
