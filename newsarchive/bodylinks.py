"""After rendering: the links that editors wrote in article bodies (and standalone
pages'), checked on every build.

A link inside the site that leads to no page or file (a mistyped address, a deleted
article, a picture never put in static/), and an address refused by
linksafety.is_safe_url (left out of the page), are reported by the article's file and
the line and column of the address; so is what in the body's raw HTML would run in
readers' browsers (activehtml.py). They are warnings; `--strict` makes them errors. Every
article is checked from its body's HTML (cached), so a link broken by another
article's deletion is reported although its own page did not change.
"""

import difflib
import functools
import html
import os
import posixpath
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple
from unicodedata import combining, normalize
from urllib.parse import unquote, urlsplit, urlunsplit

from . import urls
from .activehtml import (
    BASE,
    REFRESH,
    SCRIPT,
    SRCDOC,
    STYLE,
    STYLESHEET,
    away_form,
    script_address,
    sends_away,
    sheet,
    unmarked,
)
from .content import Article, Standalone
from .errors import Problem
from .filekinds import ARCHIVES, DOCUMENTS, FLASH, PICTURES, SCANS, SOUNDS, TEXTS, VIDEOS
from .frontmatter import front_matter_lines
from .markup import (
    AWAY_LINK,
    ROOTED,
    RUNS,
    SITE,
    SITE_LINK,
    UNSAFE,
    fenced_blocks,
    make_converter,
    marked_links,
)
from .pagelinks import OUTSIDE_BASE
from .slugs import MAX_SLUG_LENGTH
from .summary import at_word
from .yamltext import decoded_text

MISSING_HINT = (
    "correct the address (an article is at /yyyy/mm/slug/, a file of static/ at its path "
    "there, e.g. /images/anh.jpg) or remove the link"
)
NOWHERE = "leads to no page or file of this site"
UNSAFE_HINT = "use an address that starts with http://, https://, mailto: or tel:, or a path"
RUNS_MESSAGE = (
    "{} in the article's raw HTML {}: sanitize_html is off, so raw HTML is published as written"
)
RUNS_DOES = "runs in readers' browsers (on every site of the same github.io address)"
FORM_DOES = "sends what the reader types into it to another site, as a phishing page does"
# What raw HTML that runs nothing does to the reader, by its key (activehtml.runs).
ELSEWHERE_DOES = {
    REFRESH: "sends the reader to another address as the page opens (or after the seconds "
    "its content names), away from the article",
    BASE: "changes where every relative link and picture of the page leads: to the address "
    "it names, on any site",
    STYLE: "styles the whole page, not the article: it can hide the archive's notice and "
    "the site's menu, cover the page, or show words the article does not hold (a style= "
    "attribute on an element styles that element only)",
    STYLESHEET: "loads a style sheet that styles the whole page, not the article: it can "
    "hide the archive's notice and the site's menu, cover the page, or show words the "
    "article does not hold",
}
RUNS_HINT = (
    "remove it, or set sanitize_html: true in site.yaml to clean every article's raw "
    'HTML (README, "Raw HTML")'
)
TITLE_SHOWN = 60  # letters of a title a hint quotes: the address after it stays in sight
# The files a link from the site's root names, which static/ should hold: a picture
# goes in static/images, any other in static/files.
_FILES = (*PICTURES, *SCANS, *DOCUMENTS, *ARCHIVES, *VIDEOS, *SOUNDS, *FLASH, *TEXTS)
# A file's place on the editor's own computer, as a picture dragged into the editor or a
# path copied from Explorer or Finder gives it: C:\Users\..., file:///C:/...,
# \\server\share\..., /Users/lan/..., ~/...; no reader can open it.
_ON_COMPUTER = re.compile(r"(?i)^(?:file:|[a-z]:[\\/]|\\\\|/users/[^/]+/|/home/[^/]+/|~/)")
Links = tuple[tuple[str, str, str], ...]  # as markup.marked_links gives them
# An article's address as an editor types it: /2019/04/slug/ (the final / or not).
_ARTICLE_ADDRESS = re.compile(r"/(?P<month>\d{4}/\d{2}/)(?P<slug>[a-z0-9-]+)/?")


def body_link_problems(
    articles: Sequence[Article],
    links: Mapping[str, Links],
    files: set[str],
    content_dir: Path,
    as_errors: bool = False,
    pages: Sequence[Standalone] = (),
    static_dir: Path = Path("static"),
    base_url: str = "",
    drafts: Sequence[Article] = (),
) -> list[Problem]:
    """``links``: the marked links of each body, by digest (see `body_links`);
    ``files``: every output file of the site (as urls.output_file gives them);
    ``pages``: the standalone pages, whose bodies are checked as articles' are;
    ``static_dir``: whose name a link to a static file may start with (Meant);
    ``base_url``: the site's address, to which a form sends nothing elsewhere;
    ``drafts``: the articles kept off the site, which a link may name (Meant)."""
    problems = []
    meant = None  # made for a link that leads nowhere: a look at every article (0.05 s)

    def guess(source: str, written: str) -> str:
        nonlocal meant
        meant = meant or Meant([*articles, *drafts], content_dir, files, static_dir, base_url)
        return meant.hint(source, written) or MISSING_HINT

    bodies = [(a.path, urls.article_url(a), a.body_digest) for a in articles]
    bodies += [(s.path, s.url, s.body_digest) for s in pages]
    for source, url, body_digest in bodies:
        found = []
        where = Lines(Path(source))
        for kind, decoded, serialised in links[body_digest]:
            if kind == ROOTED:
                said = _from_root(url, decoded, files, base_url, functools.partial(guess, source))
                if said:
                    place = where.in_html(decoded)
                    problems.append(Problem(Path(source), *said, *place, True))
                continue
            if kind == RUNS and _sends_home(serialised, base_url):
                continue
            if kind == RUNS:
                line, column = where.spot(serialised)
                message = RUNS_MESSAGE.format(decoded, _does(serialised))
                problems.append(Problem(Path(source), message, RUNS_HINT, line, column, True))
            elif kind == UNSAFE:
                message = f"the link address {decoded!r} is not allowed: it was left out"
                hint = on_computer(decoded) or UNSAFE_HINT
                found.append((decoded, serialised, message, hint))
            elif kind == SITE and not urls.leads_to(urls.body_link_file(url, decoded), files):
                message = f"the link {decoded} {NOWHERE}"
                found.append((decoded, serialised, message, guess(source, decoded)))
        if found:
            path = Path(source)
            problems += [
                Problem(path, message, hint, *where.place(serialised, decoded), True)
                for decoded, serialised, message, hint in found
            ]
    return [replace(p, warning=False) for p in problems] if as_errors else problems


def _from_root(
    url: str, written: str, files: Collection[str], base_url: str, missing: Callable[[str], str]
) -> tuple[str, str] | None:
    """The message and hint for ``written``, an address from the site's root in the raw
    HTML of the page at ``url``, which the build keeps as written: it leads outside a
    site served under a path, else nowhere when the site lacks it (``missing`` gives
    the hint then); None when it works."""
    base = urls.base_path(base_url)
    lacking = not urls.leads_to(urls.body_link_file(url, written), files)
    if base != "/":
        said = f"the link {written} {OUTSIDE_BASE} {base}"
        return said, from_root_hint(url, written, base_url, missing(written) if lacking else "")
    return (f"the link {written} {NOWHERE}", missing(written)) if lacking else None


def from_root_hint(url: str, written: str, base_url: str, missing: str = "") -> str:
    """How to write ``written``, an address from the site's root in the raw HTML of the
    page at ``url`` (kept as written), so that it works under ``base_url``'s path:
    in Markdown, which the build rewrites for each page, or from the page's own
    address; and ``missing``, what to do when the site lacks it too. The build and
    `check` say it."""
    path = urlsplit(written).path
    markdown = f"![…]({written})" if path.lower().endswith(PICTURES) else f"[…]({written})"
    relative = urls.body_link(url, written, base_url) or written
    hint = (
        f"raw HTML is published as written: write it in Markdown, {markdown}, whose "
        f'address the build makes work under any base path (README, "Links and raw '
        f"HTML in articles\"), or from the page's own address: {relative}"
    )
    return f"{hint}; the site lacks it too: {missing}" if missing else hint


def _does(key: str) -> str:
    """What the thing found by ``key`` (activehtml.runs) does to the reader."""
    return FORM_DOES if away_form(key) else ELSEWHERE_DOES.get(key, RUNS_DOES)


def _sends_home(key: str, base_url: str) -> bool:
    """Whether the thing found by ``key`` is a form whose address is the site's own."""
    form = away_form(key)
    return form is not None and not sends_away(form.address, home=base_url)


def leads_nowhere(problem: Problem) -> bool:
    """Whether a problem of body_link_problems is a link to no page or file, or one from
    the root outside the site's base path (which `check` finds again in the built page),
    not an address refused."""
    return problem.message.endswith(NOWHERE) or f" {OUTSIDE_BASE} " in problem.message


class Meant:
    """What an editor most likely meant by a link that leads nowhere, as its hint: the
    habits of other tools (a link to the article's .md file, its file name taken for
    its address, a picture kept beside the article) each name the address to write.
    Used by the build and by `check`, so both give the same hint.
    ``files``: the site's output files (as urls.output_file gives them), for the link
    whose letters' case alone differs from a file's (see `seeing`); ``static_dir``: the
    folder whose name a link to one of its files may wrongly start with."""

    def __init__(
        self,
        articles: Sequence[Article],
        content_dir: Path,
        files: Collection[str] = (),
        static_dir: Path = Path("static"),
        base_url: str = "",
    ):
        self.content_dir = str(content_dir)
        self.base_path = urls.base_path(base_url)
        self.static_name = static_dir.name
        self.by_file = {os.path.normpath(a.path): a for a in articles}
        stems: dict[str, list[Article]] = {}
        for a in articles:
            stems.setdefault(posixpath.splitext(os.path.basename(a.path))[0], []).append(a)
        self.by_stem = stems
        self.seeing(files)

    def seeing(self, files: Collection[str]) -> "Meant":
        """This guess, for a site of ``files`` (`check` knows them only once built)."""
        self.files = files
        self._folded: dict[str, str] | None = None
        return self

    def hint(self, source: str, written: str) -> str:
        """The hint for ``written`` in the article file ``source``; "" if nothing fits."""
        if "\\" in written and not _ON_COMPUTER.match(written):
            return self._backslashes(source, written)
        return (
            on_computer(written)
            or _without_scheme(written)
            or self._with_base_path(written)
            or self._case(source, written)
            or self._from_static(source, written)
            or self._habit(source, written)
            or self._draft(written)
            or self._near_article(written)
            or self._static_file(written)
        )

    def _with_base_path(self, written: str) -> str:
        """A link from the root that starts with the path of a site served under one
        (/luu-tru/2019/04/bai/, copied from the address bar of editors.github.io/luu-tru/),
        whose rest the site has: the build puts the base path before it once more."""
        parts = urlsplit(written.strip())
        if self.base_path == "/" or not parts.path.startswith(self.base_path):
            return ""
        rest = urlunsplit(("", "", "/" + parts.path[len(self.base_path) :], *parts[3:]))
        if not urls.leads_to(urls.body_link_file("", rest), self.files):
            return ""
        return (
            f"{self.base_path} is the site's base path, which the build puts before every "
            f"link: write {rest}"
        )

    def _draft(self, written: str) -> str:
        """The address of an article kept off the site (draft: true): which one."""
        found = _ARTICLE_ADDRESS.fullmatch(unquote(urlsplit(written.strip()).path))
        if not found:
            return ""
        url = f"{found['month']}{found['slug']}/"
        for a in self.by_file.values():
            if a.draft and urls.article_url(a) == url:
                return (
                    f"/{url} is the address of '{at_word(a.title, TITLE_SHOWN)}' "
                    f"({_shown(a.path, self.content_dir)}), a draft (draft: true), which the "
                    "site does not publish: link to it once it is published, or remove the link"
                )
        return ""

    def _near_article(self, written: str) -> str:
        """An article's address typed by hand, cut short or with a letter wrong: the
        article of that month whose address starts so, or is closest to it."""
        parts = urlsplit(written.strip())
        found = _ARTICLE_ADDRESS.fullmatch(unquote(parts.path))
        if not found:
            return ""
        month, slug = found["month"], found["slug"]
        by_slug = {
            a.slug: a
            for a in self.by_file.values()
            if not a.draft and urls.article_url(a).startswith(month)
        }
        if slug in by_slug:  # the address is right (check: its #fragment is not)
            return ""
        cut = [name for name in by_slug if name.startswith(slug)]
        # Written from a title too long for an address: the article's is cut between words.
        whole = [n for n in by_slug if len(slug) > MAX_SLUG_LENGTH and slug.startswith(n + "-")]
        if len(cut) == 1:
            near = cut
        elif whole:
            near = [max(whole, key=len)]
        else:
            near = difflib.get_close_matches(slug, by_slug, 1, 0.85)
        if not near:
            return ""
        address = "/" + urls.article_url(by_slug[near[0]])
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        title = at_word(by_slug[near[0]].title, TITLE_SHOWN)
        return f"'{title}' is at {address}: write {address}{fragment}"

    def _static_file(self, written: str) -> str:
        """A picture or file linked from the site's root before it was put into static/:
        the file the link needs there."""
        path = unquote(urlsplit(written.strip()).path)
        if not path.startswith("/") or not path.lower().endswith(_FILES):
            return ""  # an old portal's page (/tin/a.html) is no file to put there
        if path.split("/")[1] == self.static_name:  # /static/images/x.jpg, none there either
            return ""
        return (
            f"put the file at {self.static_name}{path} (the files of "
            f"{self.static_name}/ are published at their path in it), or correct the link"
        )

    def _from_static(self, source: str, written: str) -> str:
        """A file of static/ linked by its place in the project, as an editor's file
        panel or a picture dragged in gives it (`../../../static/images/anh.jpg`,
        `/static/images/anh.jpg`), or from the article's address (`images/anh.jpg` is
        /2020/01/slug/images/anh.jpg): the file's own address, from the root."""
        parts = urlsplit(written.strip())
        path = unquote(parts.path)
        steps = [s for s in path.split("/") if s not in ("", ".", "..")]
        if steps[:1] == [self.static_name]:
            said = (
                f"{self.static_name}/ is the folder whose files the site publishes, not "
                "part of their address"
            )
            steps = steps[1:]
        elif not path.startswith("/"):
            said = (
                "an address that does not start with / is read from the page's own "
                "address, not from the site's root"
            )
        else:
            return ""
        address = "/" + "/".join(steps) + ("/" if path.endswith("/") and steps else "")
        if not steps or not urls.leads_to(urls.body_link_file("", address), self.files):
            return ""
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        return f"{said}: write {address}{fragment}"

    def _backslashes(self, source: str, written: str) -> str:
        """Folders parted by \\, as Windows writes paths (`anh\\hinh.jpg`,
        `..\\2019\\bai.md`): the address as a browser's server reads it, and what that
        one lacks in turn."""
        fixed = written.replace("\\", "/")
        said = f"write / between folders in an address, not \\ as Windows writes paths: {fixed}"
        then = self.hint(source, fixed)
        article = self.by_file.get(os.path.normpath(source))
        if then:
            return f"{said}; then: {then}"
        if article is None or urls.leads_to(
            urls.body_link_file(urls.article_url(article), fixed), self.files
        ):
            return said
        return f"{said} (which leads to no page or file either: correct it)"

    def _case(self, source: str, written: str) -> str:
        """A file of the site spelt with other capitals (`Anh.JPG` linked as `anh.jpg`):
        Windows and macOS take the two for one name, so the picture shows on the editor's
        computer, but GitHub Pages' server does not."""
        article = self.by_file.get(os.path.normpath(source))
        if article is None or not self.files:
            return ""
        if self._folded is None:
            self._folded = {f.casefold(): f for f in self.files}
        target = urls.body_link_file(urls.article_url(article), written)
        if urls.leads_to(target, self.files):
            return ""
        actual = self._folded.get(target.casefold()) or self._folded.get(
            urls.folder_index(target).casefold()
        )
        if actual is None:
            return ""
        address = "/" + urls.file_url(actual)
        return (
            f"the site has {address}, with other capitals: Windows and macOS take the two "
            f"for one name, the web server of GitHub Pages does not, so the link works on "
            f"your computer and not on the site; write {address} (or rename the file as "
            f"the link spells it)"
        )

    def _habit(self, source: str, written: str) -> str:
        """What another tool's habit meant by ``written`` (see the class)."""
        parts = urlsplit(written.strip())
        path = unquote(parts.path)
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        folder = self.content_dir if path.startswith("/") else os.path.dirname(source)
        beside = os.path.normpath(os.path.join(folder, path.lstrip("/")))
        name = posixpath.basename(path.rstrip("/"))
        if name.lower().endswith(".md"):
            target = self.by_file.get(beside)
            if target is not None and target.draft:
                return self._draft("/" + urls.article_url(target))
            if target is not None:
                return (
                    f"link to the article's address, not to its file: "
                    f"/{urls.article_url(target)}{fragment}"
                )
            if os.path.isfile(beside):  # the file of an article the site leaves out
                return (
                    f"{_shown(beside, self.content_dir)} is not on the site (a draft, or "
                    "withdrawn): link another page, or remove the link"
                )
            return (
                f"no article file {_shown(beside, self.content_dir)} exists: correct the "
                f"file's path, or link to the article's address, /yyyy/mm/slug/"
            )
        if "." not in name:
            same = [a for a in self.by_stem.get(name, ()) if a.slug != name and not a.draft]
            if len(same) == 1:
                address = urls.article_url(same[0])
                return (
                    f"{_shown(same[0].path, self.content_dir)} is at /{address}: an article's "
                    f"address is made from its title (or its 'slug:'), not from its file "
                    f"name; link /{address}{fragment}"
                )
        elif os.path.isfile(beside) and beside.startswith(self.content_dir + os.sep):
            kind = "images" if name.lower().endswith(PICTURES) else "files"
            return (
                f"{name} is in the content folder, whose files other than .md are not "
                f"published: move it into static/ (e.g. static/{kind}/{name}) and link "
                f"/{kind}/{name}"
            )
        return ""


def on_computer(written: str) -> str:
    """The hint for an address that is a file's place on the editor's computer; "" for
    any other."""
    if not _ON_COMPUTER.match(written.strip()):
        return ""
    name = unquote(re.split(r"[\\/]", written.strip().rstrip("\\/"))[-1])
    kind = "images" if name.lower().endswith(PICTURES) else "files"
    return (
        f"this is where the file is on your computer, which no reader can open: copy "
        f"{name} into static/ (e.g. static/{kind}/{name}) and write /{kind}/{name}"
    )


def _without_scheme(written: str) -> str:
    """The hint for another site's address written without its https://
    (`www.hanoi.gov.vn/tin/a.html`), which Markdown takes for a path of this site."""
    host = written.strip().partition("/")[0]
    if not urls.HOST_NAME.fullmatch(host):
        return ""
    return (
        f"{host} is another site: an address on it starts with https:// (or http://), "
        f"as https://{written.strip()}"
    )


def _shown(path: str, content_dir: str) -> str:
    """An article's file as the editor sees it: from the content folder's name."""
    return posixpath.join(
        os.path.basename(content_dir), os.path.relpath(path, content_dir).replace(os.sep, "/")
    )


def body_links(
    bodies: Mapping[str, str], known: Mapping[str, Links], digests: Iterable[str]
) -> dict[str, Links]:
    """The marked links of the bodies ``digests``: from ``known`` (what an earlier build
    found), else from their HTML in ``bodies``."""
    return {d: known[d] if d in known else marked_links(bodies[d]) for d in digests}


class Lines:
    """Where addresses are written in a file, after its front matter: the first time
    an address is asked for, its first occurrence; the next time, the next one."""

    def __init__(self, path: Path):
        try:
            written = decoded_text(path.read_bytes())
        except (OSError, UnicodeDecodeError):
            written = ""
        text = normalize("NFC", written)  # as normalise_text reads it, decoded once
        front, body = front_matter_lines(text)
        start = len(front) if body is not None else 0  # as the build reads it: `...` closes
        lines = text.splitlines()
        # As Markdown reads them: tabs expanded to 4 columns, in NFC (a column said is
        # of the line as written, see _column).
        self.lines = [(n, line.expandtabs(4)) for n, line in enumerate(lines, 1)][start:]
        self.read = dict(enumerate(lines, 1))
        # The lines written otherwise than read (in NFD), compared once, not per place.
        self.written = {
            n: line for n, line in enumerate(written.splitlines(), 1) if self.read.get(n) != line
        }
        self.html_lines: list[tuple[int, str]] | None = None  # see _html
        self.asked: dict[tuple[str, ...], int] = {}
        self.spots: dict[str, list[tuple[int, int]]] = {}

    def place(self, *spellings: str) -> tuple[int | None, int | None]:
        """The line and column of the address's next occurrence (its first letter, where
        an editor's tool jumps to), written as the first of ``spellings`` the file
        holds, then as the next ones (the links to one page, written two ways, get a
        place each); (None, None) when Markdown changed the address beyond recognition.
        An address counts whole: `/2019/x.md` is not the one in `../../2019/x.md` (the
        link on line 30 was blamed on line 28), unless it is nowhere else."""
        key = tuple(dict.fromkeys(filter(None, spellings)))
        found = None
        for lines in (self._html(), self.lines):  # in code (shown, not a link): the last resort
            found = found or self._occurrences(key, lines, True)
            found = found or self._occurrences(key, lines, False)
        if not found:
            return None, None
        seen = self.asked.get(key, 0)
        self.asked[key] = seen + 1
        return self._column(*found[min(seen, len(found) - 1)])

    def in_html(self, address: str) -> tuple[int | None, int | None]:
        """The line and column of the next place the raw HTML writes ``address`` as an
        attribute's value (or in a srcset, or a style's url()): the same address in
        Markdown before it (which the build rewrites) is not it. As `place` when the
        raw HTML holds it no other way (with entities, say)."""
        key = "=" + address  # no key of `spot` starts so
        places = self.spots.get(key)
        if places is None:
            pattern = _in_attribute(address)
            lines = self._html()
            places = [self._column(n, m.start(1)) for n, t in lines for m in pattern.finditer(t)]
            self.spots[key] = places
        if not places:
            return self.place(address)
        seen = self.asked.get((key,), 0)
        self.asked[(key,)] = seen + 1
        return places[min(seen, len(places) - 1)]

    def ids(self, element_id: str) -> list[tuple[int, int]]:
        """The lines and columns where the file gives an element ``element_id`` as its
        id: in raw HTML (`id="x"`) or an attribute list (`{: #x }`), not in code."""
        pattern = re.compile(
            rf"""(?:(?<![\w:-])id\s*=\s*["']?|\{{:?[^}}\n]*?#)({re.escape(element_id)})"""
            r"""(?=["'\s>}]|$)"""
        )
        return [self._column(n, m.start(1)) for n, t in self._html() for m in pattern.finditer(t)]

    def spot(self, key: str) -> tuple[int | None, int | None]:
        """The line and column of the next thing found by ``key`` (see activehtml.runs):
        a <script>, <style> or <base> tag, an attribute of that name (an event handler,
        one whose address is script, a refresh, a stylesheet <link>'s rel, a form's
        address elsewhere); (None, None) when the file does not hold it. Sought where the body's
        text can be raw HTML (`as_html`): the same text shown in code before the real tag
        is not it."""
        places = self.spots.get(key)
        if places is None:  # sought once: a body may have thousands (`<b onclick=…>` each)
            places = self.spots[key] = [
                self._column(n, at) for n, at in _found(self._html(), *_finder(key))
            ]
        seen = self.asked.get((key,), 0)
        self.asked[(key,)] = seen + 1
        return places[min(seen, len(places) - 1)] if places else (None, None)

    def _html(self) -> list[tuple[int, str]]:
        """The lines as raw HTML and Markdown read them, what is shown as text blanked
        (`as_html`); made when first asked for: most files have no problem."""
        if self.html_lines is None:
            self.html_lines = as_html(self.lines)
        return self.html_lines

    def _occurrences(
        self, spellings: tuple[str, ...], lines: list[tuple[int, str]], whole: bool
    ) -> list[tuple[int, int]]:
        places: dict[tuple[int, int], None] = {}
        for written in spellings:
            pattern = _whole(written) if whole else re.compile(re.escape(written))
            for n, line in lines:
                places.update(dict.fromkeys((n, m.start()) for m in pattern.finditer(line)))
        return list(places)

    def _column(self, n: int, at: int) -> tuple[int, int]:
        """Line ``n`` and the 1-based column, in characters of the line as written (a
        tab is one, as editors and GitHub count; a letter saved in NFD, as macOS may, is
        its code points), of index ``at`` of the line as read (tabs expanded, NFC)."""
        line = self.read[n]
        if "\t" in line:  # the first letter at or after ``at`` once tabs are expanded
            at = bisect_left(_tab_starts(line), at)
        written = self.written.get(n)
        if written is None:
            return n, at + 1
        # The start of the first cluster (a letter and its marks) of the written line
        # after which ``at`` letters are read.
        starts, read = _nfc_starts(written)
        return n, starts[min(bisect_left(read, at), len(starts) - 1)] + 1


# Per line, not per place: a line may hold thousands of places (40,000 `<script>` on one
# line wedged the build when each place walked the line).
@functools.lru_cache(maxsize=64)
def _tab_starts(line: str) -> list[int]:
    """The column, once tabs are expanded to 4, at which each letter of ``line`` starts."""
    starts, width = [], 0
    for char in line:
        starts.append(width)
        width = (width // 4 + 1) * 4 if char == "\t" else width + 1
    return starts


@functools.lru_cache(maxsize=64)
def _nfc_starts(written: str) -> tuple[list[int], list[int]]:
    """Where each cluster of ``written`` (a letter and the marks after it) starts, and
    how many letters its NFC reading has before it (clusters are made NFC alone)."""
    starts, read, begin, total = [0], [0], 0, 0
    for index in range(1, len(written) + 1):
        if index == len(written) or not combining(written[index]):
            total += len(normalize("NFC", written[begin:index]))
            begin = index
            starts.append(index)
            read.append(total)
    return starts, read


# What Markdown publishes as text, not as HTML, in which a tag or a link is shown, not
# written: a fenced code block (see markup.fenced_blocks), a code span (between backtick runs
# of one length, see _Backticks and _code_spans), an HTML comment; and an indented code
# block (see _indented_code).
_BACKTICKS = re.compile(r"`+")
_PARAGRAPH_END = re.compile(r"\n(?=[ \t]*\n)")  # a blank line's start
_INDENTED = re.compile(r"^ {4,}\S")  # tabs are expanded (Lines)
_PROBE = "newsarchiveline{}probe"
_SPAN_PROBE = "newsarchivespan{}probe"
_PROBED = re.compile(_SPAN_PROBE.format(r"(\d+)"))
_PROBED_LINE = re.compile(_PROBE.format(r"(\d+)"))
# Markdown is asked again after it read a span over lines otherwise (a raw HTML block
# or a heading ended the paragraph): the backtick that closed it may open the next one.
_SPAN_ROUNDS = 4


def as_html(lines: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """``lines`` with what Markdown shows as text (see the note above _BACKTICKS) blanked out, each
    character a space (a newline stays), so each line and column stays as written."""
    written = "\n".join(line for _, line in lines)
    shown = _indented_code(written)
    text = _code_spans(_blank_spans(written, fenced_blocks(written)), written)
    text = _blank_spans(text, _comments(text))
    blanked = [" " * len(line) if i in shown else line for i, line in enumerate(text.split("\n"))]
    return list(zip((n for n, _ in lines), blanked, strict=True))


def _comments(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s HTML comments are, each from its <!-- to the next -->; a <!--
    without one after it is no comment, nor any after it: the end is looked for once,
    not once for each <!-- (60,000 unclosed, a 300 KB article, took 147 s)."""
    comments: list[tuple[int, int]] = []
    at = 0
    while (start := text.find("<!--", at)) != -1 and (end := text.find("-->", start + 4)) != -1:
        comments.append((start, end + 3))
        at = end + 3
    return comments


class _Span(NamedTuple):
    start: int
    end: int
    ticks: int  # the length of its runs of backticks


class _Backticks:
    """The code spans of a text: a run of backticks (not after a backslash) opens one
    closed by the next run of the same length, if no blank line is between them (a
    span goes on over a line break, not past its paragraph's end). The next run of a
    length is looked up, not searched for: a run without its pair had a regular
    expression read on to the paragraph's end, for each of them (quadratic)."""

    def __init__(self, text: str):
        self.text = text
        self.runs = [(run.start(), run.end() - run.start()) for run in _BACKTICKS.finditer(text)]
        self.of_length: dict[int, list[int]] = {}
        for start, ticks in self.runs:
            self.of_length.setdefault(ticks, []).append(start)
        self.ends = [end.start() for end in _PARAGRAPH_END.finditer(text)]

    def span_from(self, at: int) -> _Span | None:
        """The first code span that opens at or after ``at``."""
        for index in range(bisect_left(self.runs, at, key=lambda run: run[0]), len(self.runs)):
            start, ticks = self.runs[index]
            if start and self.text[start - 1] == "\\":
                continue
            same = self.of_length[ticks]
            closing = bisect_right(same, start)
            if closing == len(same):
                continue
            end = bisect_left(self.ends, start + ticks)  # the paragraph's end after it
            if end == len(self.ends) or self.ends[end] > same[closing]:
                return _Span(start, same[closing] + ticks, ticks)
        return None

    def spans(self, at: int = 0) -> Iterator[_Span]:
        """Each code span from ``at`` on (a span's backticks open no other)."""
        while (found := self.span_from(at)) is not None:
            yield found
            at = found.end


def _code_spans(text: str, written: str) -> str:
    """``text`` (``written`` with its fenced blocks blanked) with its code spans blanked.
    One on one line is one; one over lines is only where no block ends between its
    backticks (`a then <script> at a line's start: that line is a raw HTML block, the
    backtick is text), which Markdown's blocks tell: it is asked (see _read_as_code).
    Where it reads a backtick otherwise, the spans after it are sought again from there."""
    refused: set[int] = set()
    at = 0
    for _ in range(_SPAN_ROUNDS):
        spans, over_lines = _spans_from(text, at, refused, asking=True)
        read = _read_as_code(written, over_lines)
        first = min((f.start for f in over_lines if f.start not in read), default=None)
        spans += [(found.start, found.end) for found in over_lines if found.start in read]
        text = _blank_spans(text, [span for span in spans if first is None or span[0] < first])
        if first is None:
            return text
        refused.add(first)
        at = first
    # A file that has Markdown read backticks otherwise again and again: past the rounds,
    # the spans on one line only.
    return _blank_spans(text, _spans_from(text, at, refused, asking=False)[0])


def _spans_from(
    text: str, at: int, refused: Collection[int], asking: bool
) -> tuple[list[tuple[int, int]], list[_Span]]:
    """The code spans on one line from ``at`` on, and those over lines (to ask about
    when ``asking``; else their backticks are text), as Markdown pairs backticks: from
    the first, the one not paired (``refused``) skipped."""
    spans: list[tuple[int, int]] = []
    over_lines: list[_Span] = []
    backticks = _Backticks(text)
    while (found := backticks.span_from(at)) is not None:
        at = found.end
        over = text.find("\n", found.start, found.end) != -1
        if found.start in refused or (over and not asking):
            at = found.start + found.ticks
        elif over:
            over_lines.append(found)
        else:
            spans.append((found.start, found.end))
    return spans, over_lines


def _blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    parts, at = [], 0
    for start, end in sorted(spans):
        parts += [text[at:start], _blank_text(text[start:end])]
        at = end
    return "".join([*parts, text[at:]])


def _read_as_code(written: str, spans: Sequence[_Span]) -> set[int]:
    """Where the spans over lines that Markdown reads as code begin: each gets a word
    naming it after its opening backticks (no block's kind changes), Markdown's block
    parser splits the text into its blocks (raw HTML stashed away), and the words right
    after the opening backticks of a code span of a block's text, as its inline pattern
    pairs them, are the ones. Asked once for all, only for a file with such; the inline
    patterns are not run (on a body of thousands of spans, most of the time)."""
    if not spans:
        return set()
    parts, at = [], 0
    for number, found in enumerate(spans):
        opened = found.start + found.ticks
        parts += [written[at:opened], _SPAN_PROBE.format(number)]
        at = opened
    converter = make_converter()
    lines = "".join([*parts, written[at:]]).split("\n")
    for step in converter.preprocessors:
        lines = step.run(lines)
    read = set()
    for block in converter.parser.parseDocument(lines).iter():
        for text in filter(None, (block.text, block.tail)):
            for span in _Backticks(text).spans():
                if probe := _PROBED.match(text, span.start + span.ticks):
                    read.add(spans[int(probe[1])].start)
    return read


def _indented_code(text: str) -> set[int]:
    """The lines (from 0) of ``text`` that are in an indented code block. Four spaces
    begin one after a blank line, but go on a list item's paragraph, and are HTML in an
    HTML block: only Markdown's block parser tells them apart, so it is asked. Each
    indented line gets a word naming it at its end, which changes no block's kind, and
    the lines whose word is in a <pre><code> of the parsed tree (raw HTML is stashed
    away before, so its own <pre> is not there) are the code."""
    lines = text.split("\n")
    indented = [i for i, line in enumerate(lines) if _INDENTED.match(line)]
    if not indented:
        return set()
    for i in indented:
        lines[i] += " " + _PROBE.format(i)
    converter = make_converter()
    for step in converter.preprocessors:
        lines = step.run(lines)
    tree = converter.parser.parseDocument(lines)
    code = " ".join(c.text or "" for pre in tree.iter("pre") for c in pre.iter("code"))
    # The words read off the code, not each line's sought in it (20,000 lines, 4.4 s).
    return {int(found[1]) for found in _PROBED_LINE.finditer(code)}.intersection(indented)


def _blank(match: re.Match[str]) -> str:
    return _blank_text(match[0])


def _blank_text(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


_VALUE = r"\"[^\"]*\"|'[^']*'|[^\s>]+"
# A <link> tag up to a rel attribute, as a refresh is found by its http-equiv: cut over
# lines, the tag's line may not be the rel's.
_SHEET_LINK = re.compile(
    rf"(?i)<link(?![\w-])(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(?<![\w:-])(?P<at>rel)\s*=\s*(?P<value>{_VALUE})"
)
Finder = tuple[re.Pattern[str], Callable[[re.Match[str]], bool]]


def _finder(key: str) -> Finder:
    """How the thing of ``key`` (activehtml.runs) is written in the source: its tag, or
    its attribute, with a value that does what was found."""
    if key in (SCRIPT, BASE, STYLE):
        return re.compile(rf"(?i)<{key}(?![\w-])"), _anything
    if key.startswith("on") or key == SRCDOC:
        return re.compile(rf"(?i)(?<![\w:-]){re.escape(key)}\s*="), _anything
    if key == STYLESHEET:  # a <link>'s rel (on an <a> it applies nothing), named at the rel
        return _SHEET_LINK, _sheet
    name, address = away_form(key) or (key, "")
    pattern = re.compile(rf"(?i)(?<![\w:-]){re.escape(name)}\s*=\s*({_VALUE})")
    if key == REFRESH:
        return pattern, _refresh
    return pattern, functools.partial(_sends_to, address) if address else _script_value


def _found(
    lines: Sequence[tuple[int, str]],
    pattern: re.Pattern[str],
    accept: Callable[[re.Match[str]], bool],
) -> list[tuple[int, int]]:
    """The line and index in it of each match of ``pattern`` in ``lines`` that ``accept``
    takes (at its `at` group, if it has one): sought in the whole body, not line by line,
    as a tag may be cut over lines."""
    text = "\n".join(line for _, line in lines)
    starts = list(accumulate((len(line) + 1 for _, line in lines[:-1]), initial=0))
    group = "at" if "at" in pattern.groupindex else 0
    found = []
    for match in pattern.finditer(text):
        if accept(match):
            i = bisect_right(starts, match.start(group)) - 1
            found.append((lines[i][0], match.start(group) - starts[i]))
    return found


def _anything(match: re.Match[str]) -> bool:
    return True


def _sheet(match: re.Match[str]) -> bool:
    return sheet(html.unescape(match["value"].strip("\"'")))


def _script_value(match: re.Match[str]) -> bool:
    return script_address(match[1].strip("\"'"), (SITE_LINK, AWAY_LINK))


def _sends_to(address: str, match: re.Match[str]) -> bool:
    """Whether the form's address in ``match`` is ``address`` (as activehtml read it)."""
    value = html.unescape(match[1].strip("\"'"))
    return unmarked(value, (SITE_LINK, AWAY_LINK)).strip() == address


def _refresh(match: re.Match[str]) -> bool:
    return match[1].strip("\"'").strip().lower() == "refresh"


def _in_attribute(address: str) -> re.Pattern[str]:
    """``address`` where raw HTML writes one: an attribute's value (after `=` and a
    quote or none), a srcset's next one (after `,`) or in url(); as _whole ends one."""
    return re.compile(
        rf"""(?:=\s*["']?|,\s*|url\(\s*["']?)({re.escape(address)})(?![^\s)>"'\]#?,])"""
    )


@functools.lru_cache(maxsize=256)
def _whole(address: str) -> re.Pattern[str]:
    """``address`` where Markdown or HTML writes one: after `(`, `<`, a quote, `=`, `[`
    or a space, and before `)`, `>`, a quote, a space, `]`, `#` or `?`."""
    return re.compile(rf"(?<![^\s(<\"'=\[]){re.escape(address)}(?![^\s)>\"'\]#?])")
