"""The broken links of the templates, each said once where it is to be corrected: the
template (of a page's, or one it extends, includes or imports) and the line that write
it, read from Jinja's tree, and how to fix it; for `check` (every page) and the build
(one page of each template, template_files_missing). Also an id they write twice, for
`check`, at its lines."""

import functools
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import meta

from . import urls
from .errors import Problem
from .jinjaenv import ADDRESS_HELPERS
from .pagelinks import NO_FILE, Resolver, from_root, read_page

# To read a template's links, and which templates it extends or includes.
_JINJA = jinja2.Environment()
# A link on a page that no article's text holds (a template's).
FIX_TEMPLATE = (
    "correct the address in the template that makes the page, or in one it extends or "
    "includes (base.html, _macros.html...), or remove the link"
)
# A template's url() of a file the site does not have.
FIX_STATIC_FILE = (
    "put the file in the static folder as {file} (newsarchive's own static folder has "
    "the style sheet, scripts and icon its templates link to), or correct the address in "
    "the template"
)
# Broken links of the templates as the pages have them, by (template, address from the
# site's root, problem): the links' spellings, and the pages they are on.
Found = dict[tuple[Path, str, str], tuple[set[str], list[str]]]


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
    # `{{ categories_url() }}`: an address helper written out without url(), whose
    # address from the site's root each page reads from its own.
    bare: bool = False
    # Of ``text`` on its line, in letters, where an editor's cursor goes (None when the
    # line does not hold it as Jinja read it).
    column: int | None = None


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
    calls = []
    for path, text, read in _chain(template):
        found = _url_calls(path, text, read, address, parts)
        written = [call for call in found if call.by_value is None]
        written += _bare_calls(path, text, read, links)
        for data in read.data:
            if match := attribute.search(data.data):
                line = data.lineno + data.data.count("\n", 0, match.start())
                column = _value_column(text.split("\n")[line - 1], attribute, match[1])
                written.append(Written(path, line, match[1], None, column=column))
        if written:
            return [min(written, key=lambda w: w.line)]
        # Else url() of an address helper, which leads nowhere only when the site lacks
        # its page (a link outside the site's path is never one of these).
        calls += found if missing else []
    # One of constants is the link; one of a variable's value only when no other
    # url() could make the address (a loop's `category_url(name)` and the article's
    # `category_url(article.category)` both can make a category's).
    return [call for call in calls if not call.by_value][:1] or calls


def _value_column(line: str, attribute: re.Pattern[str], link: str) -> int | None:
    """The column of ``link`` as the value of an attribute (``attribute``'s group 1) on
    the template's ``line``: Jinja's text nodes know their line, not their column."""
    found = next((m for m in attribute.finditer(line) if m[1] == link), None)
    return found.start(1) + 1 if found else None


def _chain(template: Path) -> Iterator[tuple[Path, str, "_Read"]]:
    """``template`` and those it extends, includes or imports (of the same folder), each
    with its text and what _read reads of it; one that cannot be read left out."""
    seen, queue = set(), [template.name]
    while queue:
        name = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        try:
            text = (template.parent / name).read_text(encoding="utf-8")
            read = _read(text)
        except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
            continue
        queue += read.referenced
        yield template.parent / name, text, read


def ids_written(template: Path, element_id: str) -> tuple[tuple[Path, int], ...]:
    """Where ``template`` and those it extends, includes or imports write
    ``element_id`` as an id in their HTML (`<main id="main"`): its places, by file and
    line (a `{# note #}` is not HTML)."""
    written = re.compile(r"\bid\s*=\s*[\"']?" + re.escape(element_id) + r"(?=[\"'\s>])")
    return tuple(
        sorted(
            (path, data.lineno + data.data.count("\n", 0, match.start()))
            for path, _, read in _chain(template)
            for data in read.data
            for match in written.finditer(data.data)
        )
    )


# The ids templates write more than once, by their places (ids_written) and the id:
# the pages they are on.
FoundIds = dict[tuple[tuple[tuple[Path, int], ...], str], list[str]]


def template_id_problems(found: FoundIds) -> list[Problem]:
    """Each id the templates write more than once, said once at its first place, with
    the pages it is on."""
    problems = []
    for (places, element_id), on in found.items():
        written = " and ".join(f"{path}:{line}" for path, line in places)
        problems.append(
            Problem(
                places[0][0],
                f"the id {element_id!r} is used more than once on {_listed(sorted(on))}",
                f'give each element its own id: the templates write id="{element_id}" at '
                f"{written} (a link to #{element_id} leads to the first only)",
                places[0][1],
            )
        )
    return problems


def _listed(on: list[str]) -> str:
    """The pages ``on`` (their files, sorted), for a message: the first three."""
    shown = ", ".join(f"/{urls.file_url(rel)}" for rel in on[:3])
    more = "…" if len(on) > 3 else ""
    return f"the page {shown}" if len(on) == 1 else f"{len(on):,} pages ({shown}{more})"


@dataclass(frozen=True)
class _Read:
    """What written_in reads of a template's tree."""

    referenced: list[str]  # the templates it extends, includes or imports
    # Its url() calls, each with what it is of: the node, or the text a name is set to
    # (_constants) with the name and where it is set.
    urls: list[tuple[jinja2.nodes.Call, jinja2.nodes.Node, str, jinja2.nodes.Assign | None]]
    written_out: list[jinja2.nodes.Call]  # calls written out as they are: `{{ f(x) }}`
    data: list[jinja2.nodes.TemplateData]  # its text outside Jinja's tags


@functools.lru_cache(maxsize=64)
def _read(text: str) -> _Read:
    """A template's ``text`` read once: a link that each page resolves differently
    (category_url(article.category) without url(), on every article) is looked for once
    a page (2,000 articles: 30 s of check was the same trees walked again)."""
    tree = _JINJA.parse(text)
    constants, urls_of = _constants(tree), []
    for node in tree.find_all(jinja2.nodes.Call):
        if isinstance(node.node, jinja2.nodes.Name) and node.node.name == "url" and node.args:
            arg = node.args[0]
            name = arg.name if isinstance(arg, jinja2.nodes.Name) else ""
            assign = constants.get(name)
            urls_of.append((node, assign.node if assign else arg, name, assign))
    return _Read(
        [n for n in meta.find_referenced_templates(tree) if n],
        urls_of,
        [
            node
            for output in tree.find_all(jinja2.nodes.Output)
            for node in output.nodes
            if isinstance(node, jinja2.nodes.Call) and isinstance(node.node, jinja2.nodes.Name)
        ],
        list(tree.find_all(jinja2.nodes.TemplateData)),
    )


def _bare_calls(path: Path, text: str, read: _Read, links: set[str]) -> list[Written]:
    """The address helpers the template ``tree`` (``text`` at ``path``) writes out as
    they are, `{{ categories_url() }}`, that make one of ``links`` (as the pages have
    them: from the site's root, which each page reads from its own address)."""
    lines = text.split("\n")
    found = []
    for node in read.written_out:
        if isinstance(node.node, jinja2.nodes.Name) and any(
            _makes(node, link.split("#", 1)[0]) for link in links
        ):
            written, column = _as_written(text, lines, node, node.node.name)
            found.append(Written(path, node.lineno, written, None, bare=True, column=column))
    return found


def _makes(call: jinja2.nodes.Call, link: str) -> bool:
    """Whether the address helper ``call`` makes ``link`` as it is (its variables given
    the link's last parts; "chuyen-muc//" of an empty name too: its last part is "")."""
    parts = [int(p) if p.isdigit() else p for p in link.removesuffix("/").split("/")]
    made = _made(call, parts)
    return made is not None and made[1] is not None and made[0] == link


def _url_calls(
    path: Path, text: str, read: _Read, address: str, parts: list[int | str]
) -> list[Written]:
    """The url() calls of the template ``read`` (from ``text`` at ``path``) that make
    ``address``, from the site's root: of the address itself, of a name set to it
    (_constants), or of a helper (_made)."""
    calls = []
    lines = text.split("\n")  # as Jinja counts them (read_text made every ending one)
    for node, of, name, assign in read.urls:
        made = _made(of, parts)
        if made is not None and "/" + made[0].lstrip("/") == address:
            where_set = _where_set(lines, name, assign) if assign else ""
            written, column = _as_written(text, lines, node, "url")
            calls.append(Written(path, node.lineno, written, made[1], where_set, column=column))
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


def _as_written(
    text: str, lines: list[str], node: jinja2.nodes.Call, name: str
) -> tuple[str, int | None]:
    """The call ``node`` of the function ``name`` as ``text`` (split into ``lines``)
    writes it: the shortest text from a `url(` of its line that Jinja reads as the same
    call (a `)` in a string is not its end); written over several lines, on one. And
    its column on its line (None for the line itself, when no such text is found)."""
    start = sum(len(line) + 1 for line in lines[: node.lineno - 1])
    end = start + sum(len(line) + 1 for line in lines[node.lineno - 1 : node.lineno + 9])
    opening_of = re.compile(rf"\b{re.escape(name)}\s*\(")
    for opening in opening_of.finditer(text, start, start + len(lines[node.lineno - 1])):
        closing = opening.start()
        while (closing := text.find(")", closing + 1, end)) != -1:
            written = text[opening.start() : closing + 1]
            try:
                read = _JINJA.parse("{{ " + written + " }}").body[0]
            except jinja2.TemplateSyntaxError:
                continue
            if isinstance(read, jinja2.nodes.Output) and read.nodes == [node]:
                return re.sub(r"\s*\n\s*", " ", written), opening.start() - start + 1
    return lines[node.lineno - 1].strip(), None


def as_attribute(links: set[str]) -> str:
    """A pattern for one of ``links`` written as an attribute's value (in a template,
    or an article's raw HTML), the link its group 1."""
    return r"=\s*[\"']?(" + "|".join(map(re.escape, sorted(links))) + r")(?=[\"'\s>])"


_SAMPLED = "the pages of "


def found_again(problem: Problem) -> bool:
    """Whether a build's warning is one of template_files_missing's, which check finds
    again on every page (and says as an error)."""
    return f"{NO_FILE}, on {_SAMPLED}" in problem.message


def template_files_missing(
    root: Path,
    made_by: Mapping[str, Path],
    files: set[str],
    base_url: str,
    static_folder: str,
) -> list[Problem]:
    """The links that the templates wrote on the pages ``made_by`` (a page's file in
    ``root`` -> the template that made it) and that lead to no file among ``files``,
    said as check says them. For the build, one page a template: every page of it has
    the same (a style sheet deleted from static/ was said by check alone)."""
    base = urls.base_path(base_url)
    pages = {
        rel: read_page((root / rel).read_text(encoding="utf-8", errors="replace"))
        for rel in made_by
    }
    resolver = Resolver(base_url, files, pages)
    found: Found = {}
    for rel, page in pages.items():
        for link in page.links:
            if resolver.problem(rel, link) == NO_FILE:
                key = (made_by[rel], from_root(rel, link, base), NO_FILE)
                spellings, on = found.setdefault(key, (set(), []))
                spellings.add(link)
                on.append(rel)
    return template_link_problems(found, base, files, static_folder, sampled=True)


def template_link_problems(
    found: Found,
    base: str,
    files: set[str],
    static_folder: str,
    sampled: bool = False,
) -> list[Problem]:
    """The broken links templates wrote (by template, address and problem: the links as
    the pages have them, and the pages): each once, at the line that writes it, with
    the pages it is on. Pages of several templates have the links of the one they all
    extend; a link not written as the pages have it (made with url()) is said by its
    address, at the one template that makes its pages, or at the templates folder.
    ``sampled``: the pages are one of each template's (template_files_missing)."""
    said: dict[tuple[Path, int | None, str, str], _Said] = {}
    unwritten: dict[tuple[str, str], tuple[set[Path], _Said]] = {}
    for (template, address, problem), (spellings, on) in found.items():
        written = written_in(template, spellings, address, problem == NO_FILE)
        if len(written) == 1:
            key = (written[0].template, written[0].line, written[0].text, problem)
            entry = _Said(address, written[0].by_value, written[0].where_set, written[0].bare)
            entry.column = written[0].column
            said.setdefault(key, entry).on.extend(on)
        else:
            makers, entry = unwritten.setdefault((address, problem), (set(), _Said(address)))
            makers.add(template)
            entry.on.extend(on)
            entry.maybe.update(written)
    for (address, problem), (makers, entry) in unwritten.items():
        where = min(makers) if len(makers) == 1 else min(makers).parent
        said[where, None, address, problem] = entry
    problems = []
    for (where, line, link, problem), what in said.items():
        on = sorted(set(what.on))  # a page with the link twice (menu and footer) is one
        listed = _listed(on)
        if sampled:  # one page of each template: all of their pages have it
            shown = ", ".join(f"/{urls.file_url(rel)}" for rel in on[:3])
            more = "…" if len(on) > 3 else ""
            listed = f"{_SAMPLED}{len(on):,} template(s) ({shown}{more})"
        fix = _template_fix(link, line is not None, problem, what, base, files, static_folder)
        message = f"the link {link!r} {problem}, on {listed}"
        problems.append(Problem(where, message, fix, line, what.column))
    return problems


@dataclass
class _Said:
    """A broken link of the templates, said once: the address it leads to (from the
    root: the fix of a missing file names it), and the pages it is on."""

    address: str
    by_value: bool | None = None  # as Written's
    where_set: str = ""  # as Written's
    bare: bool = False  # as Written's
    column: int | None = None  # as Written's
    on: list[str] = field(default_factory=list)
    # Not said at a line: the url() calls of a variable's value that could each make it.
    maybe: set[Written] = field(default_factory=set)


def _relative(link: str) -> bool:
    """Whether ``link``, as a template's attribute writes it, is read from the page's
    own address: not from the root, not a full address, not url()."""
    return not link.startswith(("/", "#", "url(")) and not re.match(r"[a-zA-Z][\w+.-]*:", link)


def _template_fix(
    link: str,
    at_line: bool,
    problem: str,
    said: _Said,
    base: str,
    files: set[str],
    static_folder: str,
) -> str:
    """How to fix the broken ``link`` of the templates (said at its line: ``at_line``)."""
    address, by_value = said.address.split("#", 1)[0], said.by_value
    if said.bare:
        return (
            f"wrap it in url(): write {{{{ url({link}) }}}}, which leads to it from every "
            f"page ({link} alone is the address from the site's root, which a page reads "
            "from its own address)"
        )
    if at_line and _relative(link):
        # href="img/logo.svg" is read from each page's address: url() of it leads there.
        path, hash_, fragment = link.partition("#")
        target = re.sub(r"^(\.\.?/)+", "", path)
        if urls.leads_to(urls.body_link_file("", "/" + target), files):
            return (
                f"write it as {{{{ url('{target}') }}}}{hash_}{fragment}, which leads to it "
                "from every page (an address not in url() is read from each page's own)"
            )
        return (
            f"the site has no page or file /{target}: correct the address, and write it in "
            f"url(), {{{{ url('{target}') }}}}{hash_}{fragment}, which leads to the same "
            "address from every page (one not in url() is read from each page's own)"
        )
    if at_line and link.startswith("/") and not link.startswith("//"):
        # From the root, it misses a site under a path (a GitHub Pages project):
        # url() of the address from the site's root, if the site has it.
        target = "/" + link.removeprefix(base) if link.startswith(base) else link
        if urls.leads_to(urls.body_link_file("", target), files):
            return f"write it as {{{{ url('{target}') }}}}, which leads to it from every page"
        return f"correct the address: the site has no page or file {target}"
    if by_value or said.maybe:
        # url(category_url(name)) in a loop over a list (site.yaml's params:).
        maybe = sorted(said.maybe, key=lambda w: (w.template, w.line))
        made = (
            link
            if by_value
            else "one of " + ", ".join(f"{w.text} at {w.template}:{w.line}" for w in maybe)
        )
        return (
            f"the site has no page {address}, which {made} makes of the name or number it "
            "is given there: correct that value where the template takes it from (a loop's "
            "list, as in site.yaml's params:), or remove it until an article makes that page"
        )
    if by_value is False:
        # url(category_url("...")): a category, tag, year or month no article has (yet).
        return (
            f"the site has no page {address}: correct the name or number in {link}, "
            "or remove the link until an article makes that page"
        )
    if link.startswith("url(") and problem == NO_FILE and posixpath.splitext(address)[1]:
        # url('css/site.css') with no such file: most often the static folder lacks
        # what newsarchive's own has (an archive folder that copied templates/ only).
        return FIX_STATIC_FILE.format(file=f"{static_folder}{address}")
    if at_line and problem == NO_FILE:  # url('/lien-he/'): the line is named already
        return (
            f"the site has no page or file {address}: correct the address "
            f"{said.where_set or 'in ' + link}, or remove the link"
        )
    return FIX_TEMPLATE
