"""An imported article's category and tags named as the build names them: each name once
(names of one address are one: urls.term_slug), spelt as the archive spells it already,
with a note for each spelling changed. Else a page's `bão, báo`, or its `Kinh tế Xã hội`
beside the archive's `Kinh tế - Xã hội`, made the first build after the import warn, and
the archive gained a second spelling of a name."""

from dataclasses import dataclass

from .. import urls
from ..taxonomy import OTHER_WORD, PUNCTUATION, difference
from ..termkinds import CATEGORY, TAG, Kind
from .known import Archive


@dataclass(frozen=True)
class Names:
    category: str
    tags: tuple[str, ...]
    notes: tuple[str, ...]


def as_archive_names(category: str, printed: str, tags: tuple[str, ...], archive: Archive) -> Names:
    """``category`` (as category_name gave it of the ``printed`` one) and ``tags``, as
    ``archive`` names them; an earlier page's, in the order of the run, when it has none."""
    notes: list[str] = []
    if category:
        category, note = _spelt(CATEGORY, category, archive, printed)
        notes += filter(None, [note])
    first: dict[str, str] = {}  # address -> the page's first spelling
    written: list[str] = []
    for tag in tags:
        slug = urls.term_slug(tag)
        if slug in first:
            if why := difference(tag, first[slug]):
                notes.append(_twice(tag, first[slug], why))
            continue
        first[slug] = tag
        name, note = _spelt(TAG, tag, archive)
        written.append(name)
        notes += filter(None, [note])
    return Names(category, tuple(written), tuple(notes))


def _twice(name: str, first: str, why: str) -> str:
    """The note of a tag the page names after ``first``, of its address."""
    said = f"a tag the page names twice is written once: '{name}' after '{first}', "
    if why == PUNCTUATION:
        return f"{said}in other punctuation (one address, /{urls.tag_url(name)})"
    return (
        f"{said}another word of its address /{urls.tag_url(name)}; if both are meant, add "
        f"to '{name}' a word that tells it apart without accents (addresses have none) and "
        "write it in the article's tags:"
    )


def _spelt(kind: Kind, name: str, archive: Archive, printed: str = "") -> tuple[str, str]:
    """The archive's spelling of ``name``, of the ``kind`` (a category or a tag), and the
    note when it is not ``name`` (``printed``: the portal's, when it differs)."""
    had = archive.spelling(kind.key, name)
    if had is None or had[0] == name:
        return name, ""
    kept, file = had
    key, noun, address = kind.key, kind.noun, kind.address(name)
    why = difference(name, kept)
    shown = f"'{name}'" + (f" (the page's '{printed}')" if printed and printed != name else "")
    said = f"the {noun} is written as the archive spells it: {shown} as '{kept}' ({file}), "
    if why == OTHER_WORD:
        # Written as the page gives it: the archive's word would give the imported article
        # another meaning (storm as newspaper); the build warns of it until someone tells
        # the two apart, as it does of an article written by hand.
        return name, (
            f"the {noun} {shown} is another word than the archive's '{kept}' ({file}), of one "
            f"address /{address}: it is written as the page gives it, and the build will warn "
            f"of it and show '{kept}' until one of them has a word that tells it apart "
            f"without accents (addresses have none), or the article's {key}: says '{kept}'"
        )
    if why == PUNCTUATION:
        return kept, f"{said}in other punctuation (one address, /{address})"
    return kept, f"{said}the same word in other letter case, accents or spaces"
