"""Links to pages of the old portal that the archive holds lead to the archive's page.

An imported article keeps its links as the portal wrote them: a link to another article
of the portal is its absolute address there (`https://quanhaibatrung.hanoi.gov.vn/tin/
a.html`), which goes dark with the portal. When the archive holds that page (an article
or standalone page whose `source_url` or one of whose `aliases` is that address), the
built page links to the archive's page instead, wherever the archive is served; the
Markdown keeps the portal's address, so the source stays as it was captured, and a page
imported later is linked from then on.

The body's HTML is cached apart from the site (markup.py marks such links, AWAY), so a
page's output now depends on other pages' addresses: `fingerprints` adds to each page's
fingerprint where its held links lead, and a page is rendered again when one changes (an
article imported, deleted, re-dated or given an alias).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import urls
from .content import Article, Standalone
from .fingerprint import digest
from .markup import AWAY

if TYPE_CHECKING:  # plan.py's pages are fingerprinted here, after the plan
    from .plan import Page

Links = tuple[tuple[str, str, str], ...]  # as markup.marked_links gives them
Key = tuple[str, str, str]  # as urls.old_address gives it


@dataclass(frozen=True)
class Held:
    """The old addresses of the archive's pages: urls.old_address -> the page."""

    pages: Mapping[Key, Article | Standalone] = field(default_factory=dict)

    def target(self, link: str) -> str | None:
        """Where on the site a link to another site leads, root-relative as an editor
        writes a site link (its #fragment kept), or None when the archive lacks it."""
        key = urls.old_address(link)
        page = None if key is None else self.pages.get(key)
        if page is None:
            return None
        fragment = link.partition("#")[2]
        return "/" + urls.permalink(page).lstrip("/") + (f"#{fragment}" if fragment else "")


def held(pages: Iterable[Article | Standalone], portal_hosts: Sequence[str] = ()) -> Held:
    """The old addresses of ``pages`` (the first of two pages that claim one address
    takes it). An alias is a path on the portal (any of ``portal_hosts``, original_site's)
    and on the host of the page's own source_url."""
    # Read at every build, for every article with an old address (every imported one):
    # its page's address is made only when a link leads there.
    found: dict[Key, Article | Standalone] = {}
    for page in pages:
        source = page.source_url if isinstance(page, Article) else ""
        if not source and not page.aliases:
            continue  # most articles an editor wrote: no old address
        own = urls.old_address(source) if source else None
        if own is not None:
            found.setdefault(own, page)
        if page.aliases:
            hosts = (*portal_hosts, *own[:1]) if own is not None else portal_hosts
            for alias in page.aliases:
                path = urls.old_path("/" + alias.lstrip("/"))
                for host in hosts:
                    found.setdefault((host, path, ""), page)
    return Held(found)


def fingerprints(
    pages: Sequence["Page"],
    prints: list[str | None],
    links: Mapping[str, Links],
    held: Held,
) -> list[str | None]:
    """``prints`` (the pages' fingerprints) with where each page's held links lead added;
    a page showing a body whose links are not known yet (``links``: by body digest, as
    the last build found them) has none, and is rendered; the build then asks again with
    the links it found, and records those pages so (pipeline, Spare.record)."""
    result = list(prints)
    # Most links to other sites are a few addresses met again and again (the city's
    # portal, the public services'): each is looked up once, and each body once (a feed
    # shows an article's body again).
    targets: dict[str, str | None] = {}
    of_body: dict[str, list[tuple[str, str]] | None] = {}

    def target(written: str) -> str | None:
        if written not in targets:
            targets[written] = held.target(written)
        return targets[written]

    def leads(body: Article | Standalone) -> list[tuple[str, str]] | None:
        key = body.body_digest
        if key not in of_body:
            found = links.get(key)
            of_body[key] = (
                None
                if found is None
                else [
                    (written, to)
                    for kind, written, _ in found
                    if kind == AWAY and (to := target(written)) is not None
                ]
            )
        return of_body[key]

    for i, page in enumerate(pages):
        if result[i] is None:
            continue
        # An article's page shows its own body only, nine pages in ten.
        article = page.article
        bodies = (article,) if article is not None and not page.bodies else page.shown_bodies()
        shown: list[tuple[str, str]] = []
        for body in bodies:
            found = leads(body)
            if found is None:  # converted by this build only: its links are not known
                result[i] = None
                break
            shown += found
        else:
            if shown:
                result[i] = digest(result[i] or "", repr(shown))
    return result
