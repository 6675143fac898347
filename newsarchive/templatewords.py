"""Where templates ask the words of strings.yaml: each `t.key` or `t["key"]` read from a
template's syntax tree where t is those words, not a name of the template's own (a loop's
`{% for t in tags %}`). The build says from them the words strings.yaml lacks and those
shown wrong; check, the words no template shows."""

from collections.abc import Mapping
from typing import Any, NamedTuple

from jinja2 import nodes


def word_of(node: nodes.Node) -> str | None:
    """The key of ``t.key`` or ``t["key"]``, or None for another expression."""
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
        return node.attr if node.node.name == "t" else None
    if (
        isinstance(node, nodes.Getitem)
        and isinstance(node.node, nodes.Name)
        and node.node.name == "t"
        and isinstance(node.arg, nodes.Const)
        and isinstance(node.arg.value, str)
    ):
        return node.arg.value
    return None


# The statements whose body has names of its own, with the parts of each read outside it
# (a loop's else is run when it has nothing to loop over: its target names nothing there).
_SCOPES: dict[type[nodes.Node], tuple[str, ...]] = {
    nodes.For: ("iter", "else_"),
    nodes.Macro: (),
    nodes.CallBlock: ("call",),
    nodes.With: ("values",),
    nodes.FilterBlock: ("filter",),
    nodes.Block: (),
}


class WordUse(NamedTuple):
    """A template reading t where t is the words of strings.yaml: the expression around
    t (t.key, t["key"], t.get, or another that takes t whole), and the node holding that
    (the Output that shows it as it is, the Call of t.get("key"), the Test of `is
    defined`)."""

    node: nodes.Node
    holder: nodes.Node | None


def words_used(
    trees: Mapping[str, nodes.Template],
) -> tuple[dict[str, list[WordUse]], set[str]]:
    """Where each of the templates ``trees`` (by name) reads t as the words of
    strings.yaml, in the order written (``_words_used``); and the templates they include
    where t is a name of their own, whose t is not the words (the same template included
    elsewhere is taken as theirs too: no word is said lacking or wrong there)."""
    used: dict[str, list[WordUse]] = {}
    theirs: set[str] = set()
    for name, tree in trees.items():
        used[name], included = _words_used(tree)
        theirs |= included
    return used, theirs


def lacking_words(
    trees: Mapping[str, nodes.Template], words: Mapping[str, Any]
) -> list[tuple[str, str, int]]:
    """The keys that the templates ``trees`` (by name) ask of strings.yaml as t.key or
    t["key"] and ``words`` lacks, each once, with the template and line that first asks
    (by name, then line); not one asked only whether it is defined, or given a default
    (a fork's optional word), nor one asked where ``t`` is a name of the template's own,
    which no word of strings.yaml is (``words_used``)."""
    used, theirs = words_used(trees)
    optional = {
        word_of(use.node)
        for uses in used.values()
        for use in uses
        if (isinstance(use.holder, nodes.Test) and use.holder.name in ("defined", "undefined"))
        # `t.key | default("...")`: Jinja's default stands in for a key strings.yaml lacks.
        or (
            isinstance(use.holder, nodes.Filter)
            and use.holder.name in ("default", "d")
            and use.holder.node is use.node
        )
    }
    found: dict[str, tuple[str, int]] = {}
    for name in sorted(used.keys() - theirs):
        for use in used[name]:
            key = word_of(use.node)
            if key is not None and key not in words and not hasattr(dict, key):
                found.setdefault(key, (name, use.node.lineno))
    return [(key, *found[key]) for key in found if key not in optional]


def asks_word(tree: nodes.Template, line: int, key: str) -> bool:
    """Whether the template ``tree`` asks strings.yaml's word ``key`` at ``line`` (its
    t.key, with t the words there)."""
    used = _words_used(tree)[0]
    return any(use.node.lineno == line and word_of(use.node) == key for use in used)


def _words_used(tree: nodes.Template) -> tuple[list[WordUse], set[str]]:
    """Where a template reads t as the words of strings.yaml, in the order written, and
    the templates it includes where t is a name of its own: a loop's `{% for t in tags
    %}`, a macro's argument t, a `{% set t = ... %}` (a fork's tag list asked t.name,
    and the name was taken for a word strings.yaml lacks)."""
    used: list[WordUse] = []
    theirs: set[str] = set()

    def visit(node: nodes.Node, own: bool, parent: nodes.Node, holder: nodes.Node | None) -> None:
        if not own and isinstance(node, nodes.Name) and node.name == "t" and node.ctx == "load":
            used.append(WordUse(parent, holder))
        if own and isinstance(node, nodes.Include) and isinstance(node.template, nodes.Const):
            theirs.add(str(node.template.value))
        outside = _SCOPES.get(type(node))
        inside = own or (outside is not None and t_binding(node) is not None)
        for field, value in node.iter_fields():
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, nodes.Node):
                    visit(child, own if outside and field in outside else inside, node, parent)

    own = t_binding(tree) is not None
    for child in tree.iter_child_nodes():
        visit(child, own, tree, None)
    return used, theirs


def t_binding(scope: nodes.Node) -> nodes.Node | None:
    """The node by which a template, or a statement of _SCOPES, names something t for what
    it holds (its target or argument, or a set or import among its statements, not inside
    one that has a body of its own), the first written; None when it names none."""
    todo = list(scope.iter_child_nodes())
    found: list[nodes.Node] = []
    while todo:
        node = todo.pop()
        if isinstance(node, nodes.Name) and node.name == "t" and node.ctx in ("store", "param"):
            found.append(node)
        if isinstance(node, nodes.Import) and node.target == "t":
            found.append(node)
        if isinstance(node, nodes.FromImport) and any(
            (name if isinstance(name, str) else name[1]) == "t" for name in node.names
        ):
            found.append(node)
        if type(node) not in _SCOPES:
            todo.extend(node.iter_child_nodes())
    return min(found, key=lambda node: node.lineno, default=None)
