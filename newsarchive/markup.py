"""Markdown to HTML for article bodies."""

import markdown

from .slugs import heading_id


def make_converter() -> markdown.Markdown:
    """One converter per worker: Python-Markdown instances are not thread-safe."""
    return markdown.Markdown(
        extensions=["extra", "sane_lists", "toc"],
        extension_configs={"toc": {"slugify": heading_id, "toc_depth": "2-4"}},
        output_format="html",
    )


def to_html(converter: markdown.Markdown, text: str) -> str:
    converter.reset()
    return converter.convert(text)
