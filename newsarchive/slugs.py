"""ASCII slugs for URLs and heading ids, Vietnamese-correct (đ -> d)."""

from slugify import slugify as _slugify

MAX_SLUG_LENGTH = 80


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Return a lowercase ASCII slug cut at a word boundary.

    python-slugify's own ``word_boundary`` cut skips a word that does not fit and
    keeps a later, shorter one, so "can-bo-huong-dan" could become "can-bo-dan";
    we cut at the first word that does not fit instead.
    """
    words = _slugify(text).split("-")
    kept: list[str] = []
    length = -1
    for word in words:
        if kept and length + 1 + len(word) > max_length:
            break
        kept.append(word[:max_length])
        length += 1 + len(word)
    return "-".join(kept)


def heading_id(value: str, separator: str = "-") -> str:
    """Python-Markdown ``toc`` slugify hook: its default drops ``đ`` entirely."""
    return slugify(value) or "muc"
