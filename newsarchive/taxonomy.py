"""The groupings of articles: by category, by tag and by month, oldest first."""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import groupby
from pathlib import Path

from . import urls
from .content import Article
from .errors import Problem, line_of, shown, twin_note
from .folding import fold, words
from .termkinds import CATEGORY, KINDS, TAG, Kind
from .yamltext import as_front_matter

# The Vietnamese alphabet, where `ă`, `â`, `đ`, `ê`, `ô`, `ơ`, `ư` are letters of their
# own (`đại hội` after `du lịch`), with the Latin letters it lacks in their places.
_ALPHABET = {letter: rank for rank, letter in enumerate("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")}
# The tones in dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {tone: rank for rank, tone in enumerate("\u0300\u0309\u0303\u0301\u0323", 1)}


@dataclass(frozen=True)
class Term:
    """A category or a tag: its slug, its display name and its articles, oldest first."""

    slug: str
    name: str
    articles: tuple[Article, ...]


def group_terms(oldest: Sequence[Article], names: Callable[[Article], Iterable[str]]) -> list[Term]:
    """Terms in the order of the Vietnamese alphabet. Spellings with the same slug ("Cán
    bộ", "cán bộ") are one term, named as its oldest article spells it, so new articles
    never rename it."""
    members: dict[str, list[Article]] = defaultdict(list)
    spelling: dict[str, str] = {}
    for article in oldest:
        for name in names(article):
            slug = urls.term_slug(name)
            members[slug].append(article)
            spelling.setdefault(slug, name)
    terms = [Term(slug, spelling[slug], tuple(members[slug])) for slug in members]
    return sorted(terms, key=lambda term: (alphabetical(term.name), term.slug))


def alphabetical(name: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """A key that sorts names as a Vietnamese dictionary does: by letters first (a space
    before any letter, `an ninh` before `anh`), then by tones (`ba`, `bà`, `bả`, `bã`,
    `bá`, `bạ`); letter case does not count."""
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFC", name).lower():
        parts = unicodedata.normalize("NFD", char)
        tones.append(next((_TONES[c] for c in parts if c in _TONES), 0))
        # A tone mark left alone (`x́`) is no letter: it counts as its tone only.
        letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        rank = _ALPHABET.get(letter)
        code = ord(letter[0]) if letter else 0
        # Digits, spaces and signs before the letters, other scripts' letters after them.
        letters.append((1, rank) if rank is not None else (0 if code < 128 else 2, code))
    return tuple(letters), tuple(tones)


def named_alike(oldest: Sequence[Article]) -> list[Article]:
    """``oldest`` with each category and tag spelt as its oldest article spells it, as
    its term is named: an article filed under "tin tức" shows the category "Tin tức"
    on its page, in lists, feeds and the search index. An article that spells them so
    already is kept as it is; the others are copies (few: a spelling rarely varies)."""
    category = _first_spellings(a.category for a in oldest if a.category)
    tag = _first_spellings(t for a in oldest for t in a.tags)
    if not category and not tag:
        return list(oldest)
    return [
        replace(
            a,
            category=category.get(a.category, a.category),
            tags=tuple(tag.get(t, t) for t in a.tags),
        )
        if a.category in category or any(t in tag for t in a.tags)
        else a
        for a in oldest
    ]


def _first_spellings(names: Iterable[str]) -> dict[str, str]:
    """Spelling -> the first spelling of its slug in ``names``, for those that differ."""
    first: dict[str, str] = {}  # slug -> its first spelling
    renamed: dict[str, str] = {}
    seen: set[str] = set()
    for name in names:
        if name not in seen:
            seen.add(name)
            kept = first.setdefault(urls.term_slug(name), name)
            if kept != name:
                renamed[name] = kept
    return renamed


def spelt_otherwise(oldest: Sequence[Article]) -> list[Problem]:
    """The warnings of names spelt otherwise, between articles (other_words_merged,
    punctuation_merged) and in one (named_twice), one a name and line: an article whose
    tag differs from an older article's, and which names it again otherwise too, was two
    warnings on its `tags:` line, with fixes that disagreed (`Y-tế`, older `Y tế`: write
    `Y tế` in every article; and `Y tế` after its own `Y-tế`: write `Y-tế` once)."""
    again = _named_again(oldest)
    return [
        *other_words_merged(oldest, again),
        *punctuation_merged(oldest, again=again),
        *named_twice(oldest, again),
    ]


# (an article's path, a slug) -> the article, its first tag of that slug and the names it
# gives that slug again in other punctuation or as another word (Article.tags_merged),
# not yet said: a warning between articles at that article says them (and takes them).
Again = dict[tuple[str, str], tuple[Article, str, list[str]]]


def _named_again(oldest: Sequence[Article]) -> Again:
    again: Again = {}
    for article in oldest:
        if not article.tags_merged:  # nearly every article
            continue
        kept = {urls.term_slug(tag): tag for tag in article.tags}
        for name in article.tags_merged:
            slug = urls.term_slug(name)
            if difference(name, kept[slug]):
                again.setdefault((article.path, slug), (article, kept[slug], []))[2].append(name)
    return again


def other_words_merged(oldest: Sequence[Article], again: Again | None = None) -> list[Problem]:
    """A warning for each spelling merged into a term that is another word, at its
    oldest article: slugs drop the accents, so "bão" (storm) and "báo" (newspaper) have one
    address, the/bao/, and the storm's articles showed "báo". Spellings of one word
    (letter case, `hòa`/`hoà`) and one typed without accents ("Thoi su" for "Thời sự")
    are merged in silence. Said at every build until fixed. ``again``: what the articles
    name again otherwise, to say with it (spelt_otherwise)."""
    problems = []
    for kind in KINDS:
        first: dict[str, tuple[str, Article]] = {}  # slug -> its first spelling, article
        said: set[tuple[str, ...]] = set()  # once a word, at its oldest article
        for article in oldest:
            for name in kind.names(article):
                slug = urls.term_slug(name)
                kept, owner = first.setdefault(slug, (name, article))
                if name == kept:
                    continue
                word = tuple(words(name))
                if word in said or _same_word(word, tuple(words(kept))):
                    continue
                said.add(word)
                message = (
                    f"the {kind.noun} '{name}' has the address /{kind.address(name)} of "
                    f"the {kind.noun} '{kept}' ({shown(owner.path)}"
                    f"{twin_note(owner.path, article.path)}), another "
                    f"word: they are one {kind.noun}, "
                    f"shown as '{kept}' on this article's page and in lists"
                )
                hint = (
                    f"if '{name}' is what was meant, add a word that tells it apart "
                    f"without accents (addresses have none); if not, write '{kept}'"
                )
                tags = again if kind is TAG else None  # (a category is named once)
                more, hint = _with_again(tags, article, slug, name, kept) or ("", hint)
                problems.append(
                    Problem(
                        Path(article.path),
                        message + more,
                        hint,
                        line_of(Path(article.path), f"{kind.key}:"),
                        warning=True,
                    )
                )
    return problems


def _with_again(
    again: Again | None, article: Article, slug: str, name: str, kept: str
) -> tuple[str, str] | None:
    """The words to add to the warning that ``article``'s tag ``name`` differs from an
    older article's ``kept`` when it names that tag again otherwise too, and the one fix
    of both (taken from ``again``); None when it does not."""
    taken = again.pop((article.path, slug), None) if again else None
    if taken is None:
        return None
    names = taken[2]
    written = [kept if urls.term_slug(t) == slug else t for t in article.tags]
    listed = f"tags: [{', '.join(as_front_matter(t, listed=True) for t in written)}]"
    others = [n for n in dict.fromkeys([name, *names]) if difference(n, kept) == OTHER_WORD]
    hint = f"write it once, the same in every article: {listed}"
    if others:
        meant = " or ".join(f"'{n}'" for n in others)
        hint = (
            f"if {meant} is what was meant, add a word that tells it apart without accents "
            f"(addresses have none); if not, write {listed}"
        )
    said = " and ".join(f"'{n}'" for n in names)
    return f"; this article names it again as {said}, and is listed under it once", hint


def punctuation_merged(
    oldest: Sequence[Article], at: str | None = None, again: Again | None = None
) -> list[Problem]:
    """A warning for each spelling of a term that differs from its first (of its oldest
    article) in punctuation only (`Văn hóa Xã hội`, its comma left out, for `Văn hóa, Xã
    hội`), at the oldest article that spells it so: an address has no punctuation, so
    the two were one term, shown as the first everywhere, and an editor never learnt that
    the articles disagree. Letter case, the tone's place and a name without accents are
    one word spelt otherwise (other_words_merged) and stay silent, as does a space more
    or less. Said at every build until fixed. ``at``: the path of the one article to
    say them at (`new`'s), its own spellings alone, whatever older articles spell so.
    ``again``: what the articles name again otherwise, to say with it (spelt_otherwise)."""
    problems = []
    for kind in KINDS:
        first: dict[str, tuple[str, Article]] = {}  # slug -> its first spelling, article
        # (slug, punctuation) of a spelling not the first's -> its articles, oldest first
        spelt: dict[tuple[str, str], list[tuple[str, Article]]] = {}
        for article in oldest:
            for name in dict.fromkeys(kind.names(article)):
                slug = urls.term_slug(name)
                kept, _ = first.setdefault(slug, (name, article))
                # (name == kept first: nearly every name, and _marks costs microseconds)
                if (
                    name != kept
                    and _marks(name) != _marks(kept)
                    and _same_word(tuple(words(name)), tuple(words(kept)))
                ):
                    spelt.setdefault((slug, _marks(name)), []).append((name, article))
        for (slug, _), found in spelt.items():
            if at is not None:  # its own first: said at it, the others counted
                found = sorted(found, key=lambda spelling: spelling[1].path != at)
            if at is None or found[0][1].path == at:
                (name, article), kept = found[0], first[slug][0]
                tags = again if kind is TAG else None  # (a category is named once)
                more = _with_again(tags, article, slug, name, kept)
                problems.append(_punctuation_said(kind, found, first[slug], more))
    return problems


def _punctuation_said(
    kind: Kind,
    found: Sequence[tuple[str, Article]],
    first: tuple[str, Article],
    again: tuple[str, str] | None,
) -> Problem:
    """``again``: the words on what the article names again otherwise, and the fix."""
    (name, article), (kept, owner) = found[0], first
    more = len({a.path for _, a in found}) - 1
    at = f"{shown(owner.path)}:{line_of(Path(owner.path), f'{kind.key}:')}"
    at += twin_note(owner.path, article.path)
    more_said, hint = again or (
        "",
        "write it the same in every article: "
        + kind.written.format(as_front_matter(kept, listed=kind is TAG)),
    )
    return Problem(
        Path(article.path),
        f"the {kind.noun} '{name}' (this article" + (f" and {more} more" if more else "") + ") "
        f"differs from '{kept}' ({at}) in its punctuation only: they have one address, "
        f"/{kind.address(name)}, and are one {kind.noun}, shown as '{kept}' on every page"
        f"{more_said}",
        hint,
        line_of(Path(article.path), f"{kind.key}:"),
        warning=True,
    )


def _marks(name: str) -> str:
    """The punctuation and symbols of a name, in order: what its address leaves out
    besides accents, letter case and spaces (invisible marks, too, are left out)."""
    return "".join(
        c for c in unicodedata.normalize("NFC", name) if unicodedata.category(c)[0] in "PS"
    )


def named_twice(oldest: Sequence[Article], again: Again | None = None) -> list[Problem]:
    """A warning for each tag an article names again in other punctuation or as another
    word (Article.tags_merged), at its line of `tags`: reading the file kept the first
    spelling only, so punctuation_merged and other_words_merged, which compare articles,
    never saw the second. A spelling of one word (letter case, tone, no accents, spaces)
    is listed once in silence, as between articles. ``again``: those not said yet
    (spelt_otherwise)."""
    return [
        _twice_said(article, name, first, difference(name, first) == PUNCTUATION)
        for article, first, names in (_named_again(oldest) if again is None else again).values()
        for name in names
    ]


# How a spelling differs from another of its address (difference): in punctuation only,
# or as another word (bão, báo).
PUNCTUATION, OTHER_WORD = "punctuation", "other word"


def difference(name: str, kept: str) -> str:
    """How ``name`` differs from ``kept``, which has its address (urls.term_slug): ""
    for one word spelt otherwise (letter case, the tone's place, no accents, a space),
    which the build merges in silence; PUNCTUATION or OTHER_WORD, which it warns of."""
    if not _same_word(tuple(words(name)), tuple(words(kept))):
        return OTHER_WORD
    return PUNCTUATION if _marks(name) != _marks(kept) else ""


def _twice_said(article: Article, name: str, first: str, word: bool) -> Problem:
    """The warning of ``name``, which ``article`` names after ``first`` (one address):
    the same ``word`` in other punctuation, or another word."""
    written = f"tags: [{', '.join(as_front_matter(t, listed=True) for t in article.tags)}]"
    listed = "which the article is listed under once"
    if word:
        message = (
            f"the tag '{name}' differs from '{first}', both in this article's tags, in its "
            f"punctuation only: they have one address, /{urls.tag_url(name)}, and are one "
            f"tag, {listed}"
        )
        hint = f"write it once: {written}"
    else:
        message = (
            f"the tag '{name}' has the address /{urls.tag_url(name)} of the tag '{first}', "
            f"both in this article's tags, another word: they are one tag, {listed}"
        )
        hint = (
            f"if both are meant, add to '{name}' a word that tells it apart without accents "
            f"(addresses have none); if not, write {written}"
        )
    return Problem(
        Path(article.path), message, hint, line_of(Path(article.path), "tags:"), warning=True
    )


def categories_like_others(terms: Sequence[Term]) -> list[Problem]:
    """A warning at the article that alone has a category (of ``terms``, the site's)
    spelt almost as one that others have (`Tin tứ - Sự kiện` for `Tin tức - Sự kiện`): a
    typo makes a category of its own, with its own page and feed, and the article is
    missing from the one meant, without a word. Slugs that differ only in digits (`Đại
    hội 2020`, `Đại hội 2025`) are years apart, not typos. Said at every build until
    fixed, or until another article has that category too."""
    others = {t.slug: t for t in terms if len(t.articles) > 1}
    problems = []
    for term in terms:
        if len(term.articles) != 1:
            continue
        near = [
            other
            for other in others.values()
            if _NO_DIGITS.sub("", other.slug) != _NO_DIGITS.sub("", term.slug)
            and SequenceMatcher(None, term.slug, other.slug).ratio() >= 0.9
        ]
        if not near:
            continue
        other, path = near[0], Path(term.articles[0].path)
        problems.append(
            Problem(
                path,
                f"the category '{term.name}' has this article alone, and is spelt almost "
                f"as '{other.name}' ({len(other.articles)} articles): it is a category of "
                f"its own, with its own page and feed, and the article is not in '{other.name}'",
                f"if it is a typo, write category: {other.name}; if it is a new category, "
                "keep it (this warning ends when a second article has it)",
                line_of(path, "category:"),
                warning=True,
            )
        )
    return problems


_NO_DIGITS = re.compile(r"\d")


def _same_word(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Words (folding.words) alike, or one of them without accents ("Thoi su")."""
    return one == other or any(w == tuple(map(fold, w)) for w in (one, other))


def categories(oldest: Sequence[Article]) -> list[Term]:
    return group_terms(oldest, CATEGORY.names)


def tags(oldest: Sequence[Article]) -> list[Term]:
    return group_terms(oldest, TAG.names)


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    articles: tuple[Article, ...]  # oldest first


def months(oldest: Sequence[Article]) -> list[Month]:
    """Months that have articles, oldest first."""
    key = lambda a: (a.published.year, a.published.month)  # noqa: E731
    return [Month(y, m, tuple(group)) for (y, m), group in groupby(oldest, key)]
