"""TEMPORARY adapter: today's htmlimport.read_html_article behind the extraction contract.

The extraction half of issue 15 replaces this file (site profiles, generic extraction);
it is here so that reading captures runs end to end meanwhile.
"""

import re
from typing import Any
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from ..dates import parse_date
from ..htmlimport import read_html_article
from .page import CapturedPage, Extracted, NotArticle

_PORTAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
_ARTICLE_ID = re.compile(r"(?:^|/)(\d{3,})(?:-[^/]*)?(?:\.[a-z]+)?$")
_MEDIA_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)")
_ATTACHMENT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|odt|ods|txt|rtf)$", re.I)


def extract(page: CapturedPage, profiles: Any = None) -> Extracted | NotArticle:
    found = read_html_article(page.html, page.url)
    if not found.title:
        return NotArticle("no title on the page")
    if not found.date_text:
        return NotArticle("no publication date on the page")
    try:
        published = parse_date(found.date_text, _PORTAL_TZ)
    except ValueError as exc:
        return NotArticle(f"unreadable date ({exc})")
    media = []
    for match in _MEDIA_LINK.finditer(found.body):
        url = match.group(1)
        if match.group(0).startswith("!") or _ATTACHMENT.search(urlsplit(url).path):
            media.append(url)
    path = unquote(urlsplit(page.url).path)
    article_id = _ARTICLE_ID.search(path)
    return Extracted(
        title=found.title,
        published=published,
        category=found.category,
        body=found.body,
        media=tuple(dict.fromkeys(media)),
        article_id=article_id.group(1) if article_id else "",
        profile="generic",
        notes=found.notes,
    )
