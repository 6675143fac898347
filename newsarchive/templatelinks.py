"""Where a template writes a link: the template (of a page's, or one it extends,
includes or imports) and the line, read from Jinja's tree, so that `check` and the build
say a broken link of the templates where it is to be corrected."""

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import meta

from .jinjaenv import ADDRESS_HELPERS

# To read a template's links, and which templates it extends or includes.
_JINJA = jinja2.Environment()


@dataclass(frozen=True)
class Written:
    """A link of a template: `href="/lien-he/"`, `url('/lien-he/')`, or
    `url(category_url("Tin hoạt động"))`, which makes an address."""

    template: Path
    line: int
    text: str  # as the template writes it
    # For url() of an address helper, whether of a variable's value,
    # `url(category_url(name))`: it makes the address with the address's own parts in
    # place of the variables (the name as its slug). None for any other link.
    by_value: bool | None
    # For url(name) of a name set to an address, `{% set contact = "/lien-he/" %}`: where
    # ("where contact is set, at line 3 ({% set ... %})"), the address to correct there.
    where_set: str = ""


def written_in(template: Path, links: set[str], address: str, missing: bool) -> list[Written]:
    """Where a template, of ``template`` and those it extends, includes or imports,
    writes one of ``links`` as an attribute's value, or ``address`` (from the site's
    root) in url(), or (a link to no file, ``missing``) url() of a helper that makes it:
    one, read from Jinja's tree of each (a link quoted in a `{# note #}` or a string is
    no link). Several when only url() calls of a variable's value could make the
    address and more than one does; none when nothing could."""
    attribute = re.compile(as_attribute(links))
    # url() makes the address without its #fragment, written after it (`}}#ban-do`).
    address = address.split("#", 1)[0]
    parts = [int(p) if p.isdigit() else p for p in address.strip("/").split("/")]
    seen, queue, calls = set(), [template.name], []
    while queue:
        name = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        try:
            text = (template.parent / name).read_text(encoding="utf-8")
            tree = _JINJA.parse(text)
        except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
            continue
        queue += [n for n in meta.find_referenced_templates(tree) if n]
        found = _url_calls(template.parent / name, text, tree, address, parts)
        written = [call for call in found if call.by_value is None]
        for data in tree.find_all(jinja2.nodes.TemplateData):
            if match := attribute.search(data.data):
                line = data.lineno + data.data.count("\n", 0, match.start())
                written.append(Written(template.parent / name, line, match[1], None))
        if written:
            return [min(written, key=lambda w: w.line)]
        # Else url() of an address helper, which leads nowhere only when the site lacks
        # its page (a link outside the site's path is never one of these).
        calls += found if missing else []
    # One of constants is the link; one of a variable's value only when no other
    # url() could make the address (a loop's `category_url(name)` and the article's
    # `category_url(article.category)` both can make a category's).
    return [call for call in calls if not call.by_value][:1] or calls


def _url_calls(
    path: Path, text: str, tree: jinja2.nodes.Template, address: str, parts: list[int | str]
) -> list[Written]:
    """The url() calls in the template ``tree`` (read from ``text`` at ``path``) that make
    ``address``, from the site's root: of the address itself, of a name set to it
    (_constants), or of a helper (_made)."""
    calls, constants = [], _constants(tree)
    lines = text.split("\n")  # as Jinja counts them (read_text made every ending one)
    for node in tree.find_all(jinja2.nodes.Call):
        if isinstance(node.node, jinja2.nodes.Name) and node.node.name == "url" and node.args:
            arg = node.args[0]
            name = arg.name if isinstance(arg, jinja2.nodes.Name) else ""
            assign = constants.get(name)
            made = _made(assign.node if assign else arg, parts)
            if made is not None and "/" + made[0].lstrip("/") == address:
                where_set = _where_set(lines, name, assign) if assign else ""
                written = _as_written(text, lines, node)
                calls.append(Written(path, node.lineno, written, made[1], where_set))
    return calls


def _constants(tree: jinja2.nodes.Template) -> dict[str, jinja2.nodes.Assign]:
    """The names the template sets once to a text (`{% set contact = "/lien-he/" %}`)
    and gives no other value (another set, a loop's or a macro's variable of that name):
    the address url(contact) makes, wherever in the template it is."""
    given: dict[str, int] = {}
    for name in tree.find_all(jinja2.nodes.Name):
        if name.ctx in ("store", "param"):
            given[name.name] = given.get(name.name, 0) + 1
    return {
        node.target.name: node
        for node in tree.find_all(jinja2.nodes.Assign)
        if isinstance(node.target, jinja2.nodes.Name)
        and given[node.target.name] == 1
        and isinstance(node.node, jinja2.nodes.Const)
        and isinstance(node.node.value, str)
    }


def _where_set(lines: list[str], name: str, assign: jinja2.nodes.Assign) -> str:
    """Where the template (its ``lines``) sets ``name`` (``assign``, of _constants), with
    the statement as written (its line when it is not on one)."""
    at = assign.lineno
    line = lines[at - 1]
    written = re.search(r"\{%-?\s*set\s+" + re.escape(name) + r"\s*=.*?%\}", line)
    return f"where {name} is set, at line {at} ({written[0] if written else line.strip()})"


def _made(call: jinja2.nodes.Node, parts: list[int | str]) -> tuple[str, bool | None] | None:
    """The address url() of ``call`` makes: of text, that text (and None); of an address
    helper, the helper's, and whether of a variable's value, its variables given the last
    of the address's ``parts`` (month_url(y, m) its year and month). None when it is
    neither or makes nothing of them."""
    if isinstance(call, jinja2.nodes.Const) and isinstance(call.value, str):
        return call.value, None
    if not isinstance(call, jinja2.nodes.Call) or not isinstance(call.node, jinja2.nodes.Name):
        return None
    helper = ADDRESS_HELPERS.get(call.node.name)
    if helper is None or call.kwargs or call.dyn_args or call.dyn_kwargs:
        return None
    values, by_value = [], False
    for arg, guess in zip(call.args, ([None] * len(call.args) + parts)[len(parts) :], strict=True):
        try:
            values.append(arg.as_const())
        except jinja2.nodes.Impossible:
            values.append(guess)
            by_value = True
    try:
        return helper(*values), by_value
    except (TypeError, ValueError, AttributeError):
        return None


# Where a url() call may start in a template's text.
_URL_OPENING = re.compile(r"\burl\s*\(")


def _as_written(text: str, lines: list[str], node: jinja2.nodes.Call) -> str:
    """The call ``node`` as ``text`` (split into ``lines``) writes it: the shortest text
    from a `url(` of its line that Jinja reads as the same call (a `)` in a string is not
    its end); written over several lines, on one."""
    start = sum(len(line) + 1 for line in lines[: node.lineno - 1])
    end = start + sum(len(line) + 1 for line in lines[node.lineno - 1 : node.lineno + 9])
    for opening in _URL_OPENING.finditer(text, start, start + len(lines[node.lineno - 1])):
        closing = opening.start()
        while (closing := text.find(")", closing + 1, end)) != -1:
            written = text[opening.start() : closing + 1]
            try:
                read = _JINJA.parse("{{ " + written + " }}").body[0]
            except jinja2.TemplateSyntaxError:
                continue
            if isinstance(read, jinja2.nodes.Output) and read.nodes == [node]:
                return re.sub(r"\s*\n\s*", " ", written)
    return lines[node.lineno - 1].strip()


def as_attribute(links: set[str]) -> str:
    """A pattern for one of ``links`` written as an attribute's value (in a template,
    or an article's raw HTML), the link its group 1."""
    return r"=\s*[\"']?(" + "|".join(map(re.escape, sorted(links))) + r")(?=[\"'\s>])"
