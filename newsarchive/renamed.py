"""Categories and tags renamed in site.yaml (renamed_categories, renamed_tags): the old
name's page and numbered pages lead to the new name's, as an article's aliases lead to
it; a category's feed is a copy of the new name's (a feed reader follows no HTML
redirect)."""

import difflib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import urls
from .content import RenamedTerm
from .errors import Problem, shown
from .taxonomy import Term
from .termkinds import CATEGORY, TAG

# Each kind's setting in site.yaml, in the order the build reads them.
SETTINGS = {"renamed_categories": CATEGORY, "renamed_tags": TAG}


@dataclass(frozen=True)
class Rename:
    old: str
    new: str
    line: int | None  # of site.yaml


def quoted(name: str) -> str:
    """A name as site.yaml takes it whatever it holds (`: `, `#`, quotes): JSON's
    double-quoted text is YAML's too."""
    return json.dumps(name, ensure_ascii=False)


def line_to_add(setting: str, old: str, new: str, written: bool) -> str:
    """What to write in site.yaml to rename ``old``: the whole line, or the one to
    indent under the setting already there."""
    if written:
        return f"add the line {quoted(old)}: {quoted(new)} under {setting}: in site.yaml"
    return f"add this line to site.yaml: {setting}: {{{quoted(old)}: {quoted(new)}}}"


def read(value: Mapping[str, str], lines: Mapping[str, int]) -> tuple[Rename, ...]:
    return tuple(Rename(str(old), new, lines.get(str(old))) for old, new in value.items())


def setting_problems(setting: str, renames: Sequence[Rename]) -> list[tuple[str, str, int | None]]:
    """The renames that lead nowhere or twice (message, hint, line): a name without an
    address, an old name whose address is its new one's, a new name that is renamed
    again (a chain, or a cycle). Names are compared by address, as the site files them."""
    address = SETTINGS[setting].address
    by_old = {urls.term_slug(r.old): r for r in renames if isinstance(r.new, str)}
    problems = []
    for rename in renames:
        if not isinstance(rename.new, str) or not rename.new.strip():
            problems.append(
                (
                    f"{setting}: {quoted(rename.old)} must be given its new name, not "
                    f"{rename.new!r}",
                    f"write the new name after it: {quoted(rename.old)}: {quoted('Tên mới')}",
                    rename.line,
                )
            )
            continue
        old, new = urls.term_slug(rename.old), urls.term_slug(rename.new)
        if not old or not new:
            empty = rename.old if not old else rename.new
            problems.append(
                (
                    f"{setting}: {quoted(empty)} has no letter or digit: no page has it",
                    f"write the {SETTINGS[setting].noun}'s name as its articles had it",
                    rename.line,
                )
            )
        elif old == new:
            problems.append(
                (
                    f"{setting}: {quoted(rename.old)} and {quoted(rename.new)} have one "
                    f"address, /{address(rename.old)}: nothing is renamed",
                    "delete the line: an address leaves out accents, capitals and "
                    "punctuation, so the two names already share one page",
                    rename.line,
                )
            )
        elif new in by_old:
            problems.append(_chain(setting, rename, by_old))
    return problems


def _chain(
    setting: str, rename: Rename, by_old: Mapping[str, Rename]
) -> tuple[str, str, int | None]:
    then = by_old[urls.term_slug(rename.new)]
    where = f" (line {then.line})" if then.line else ""
    if urls.term_slug(then.new) == urls.term_slug(rename.old):
        return (
            f"{setting}: {quoted(rename.old)} and {quoted(then.old)} are renamed to each "
            f"other{where}: their addresses would lead from one to the other",
            "keep the line whose new name the articles have, and delete the other",
            rename.line,
        )
    seen, last = {urls.term_slug(rename.old)}, then
    while urls.term_slug(last.new) in by_old and urls.term_slug(last.new) not in seen:
        seen.add(urls.term_slug(last.new))
        last = by_old[urls.term_slug(last.new)]
    return (
        f"{setting}: '{rename.new}', the new name of '{rename.old}', is renamed again, to "
        f"'{then.new}'{where}: a reader would be sent on twice",
        f"write {quoted(rename.old)}: {quoted(last.new)}, the name its articles have now",
        rename.line,
    )


def targets(
    setting: str,
    file: Path,
    renames: Sequence[Rename],
    terms: Sequence[Term],
    numbers: Callable[[str], Sequence[int]],
    had: Callable[[str], Sequence[int]],
) -> tuple[list[RenamedTerm], list[tuple[str, str]], list[Problem]]:
    """Each old address of the renamed names and where it leads (the old page, its numbered
    pages that the new name has, ``numbers`` of a list's address, to the page of the same
    number; those it ``had`` besides, to the new name's page), the old feeds to copy (old
    address, new), and the renames the articles refuse: an old name that still has
    articles, a new name that none has."""
    address = SETTINGS[setting].address
    live = {address(t.name): t for t in terms}
    leads, feeds, problems = [], [], []
    for rename in renames:
        old, new = address(rename.old), address(rename.new)
        if old in live:
            problems.append(_still_used(setting, file, rename, live[old]))
            continue
        if new not in live:
            problems.append(_unknown(setting, file, rename, terms))
            continue
        pairs = [(old, new)]
        pairs += [(urls.page_url(old, n), urls.page_url(new, n)) for n in numbers(new)]
        past = sorted(set(had(old)) - set(numbers(new)))  # the new name has fewer pages
        pairs += [(urls.page_url(old, n), new) for n in past]
        name = live[new].name
        lines = {"aliases": rename.line} if rename.line else {}
        leads += [
            RenamedTerm(str(file), name, to, rename.old, setting, ("/" + at,), lines)
            for at, to in pairs
        ]
        feeds.append((urls.feed_url(old), urls.feed_url(new)))
    return leads, feeds, problems


def _still_used(setting: str, file: Path, rename: Rename, term: Term) -> Problem:
    first, more = shown(term.articles[0].path), len(term.articles) - 1
    kind = SETTINGS[setting]
    return Problem(
        file,
        f"{setting}: '{rename.old}' still has articles ({first}"
        + (f" and {more} more" if more else "")
        + f"): its page /{kind.address(rename.old)} is theirs",
        f"write {kind.written.format(rename.new)} in its articles, or delete this line",
        rename.line,
    )


def _unknown(setting: str, file: Path, rename: Rename, terms: Sequence[Term]) -> Problem:
    names = [t.name for t in terms]
    close = difflib.get_close_matches(rename.new, names, n=1, cutoff=0.6)
    kind = SETTINGS[setting]
    return Problem(
        file,
        f"{setting}: no article has the {kind.noun} '{rename.new}', the new name of "
        f"'{rename.old}': its old addresses would lead nowhere",
        f"did you mean '{close[0]}'?"
        if close
        else f"write the new name as the articles have it ({kind.written.format('…')})",
        rename.line,
    )
