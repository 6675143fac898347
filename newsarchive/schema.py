"""The keys of site.yaml and of an article's front matter, each declared once.

One table per file kind drives the defaults, the type checks, the "did you mean"
suggestions, the fix-it hints and the README's key tables (tests/test_schema.py keeps the
README in step). Rules between keys, or about a value's content, stay as code in
config.py and validate.py.
"""

import difflib
import re
from dataclasses import dataclass
from typing import Any

# A BCP 47 language tag as HTML's lang takes it: vi, en, vi-VN, zh-Hant-TW.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True)
class Field:
    name: str
    # text, integer, boolean, mapping, address, addresses, contact, timezone, folder
    # (settings); text, date, list, boolean, mapping, withdrawal, corrections (front
    # matter; a page's also integer). The kind picks the check and its hint.
    kind: str
    meaning: str  # the README's words
    default: Any = None
    required: bool = False
    example: str = ""  # shown in fix-it hints
    shown_default: str = ""  # the README's "default" column; empty: `default`, or "empty"
    suggested: bool = True  # offered in "did you mean" and the list of known keys

    def readme_default(self) -> str:
        if self.shown_default:
            return self.shown_default
        if self.default in ("", {}, None):
            return "empty"
        if isinstance(self.default, bool):
            return f"`{str(self.default).lower()}`"
        return f"`{self.default}`"


_FOLDERS = "folders, relative to `site.yaml` (`~/` is your home folder)"

SETTINGS: tuple[Field, ...] = (
    Field("title", "text", "name of the archive", "Lưu trữ tin tức"),
    Field("description", "text", "one sentence for search engines", ""),
    Field(
        "base_url",
        "address",
        "public address; used where absolute URLs are needed (canonical links, feeds, "
        "sitemap), and by `404.html`, whose links start with its path (`/repo/luu-tru/`: "
        "GitHub Pages shows that page at any depth). All other links between pages are "
        "relative, so one build works at a domain root and under a sub-path, but for its "
        "404 page. Its scheme and host are written in small letters; the folder, "
        "not a page (`…/repo/`, not `…/repo/index.html`), with no `//` in its path.",
        "http://localhost:8000/",
        example="https://user.github.io/repo/",
    ),
    Field(
        "language", "text", "the `lang` of every page: a language code (`vi`, `en`, `vi-VN`)", "vi"
    ),
    Field(
        "timezone",
        "timezone",
        "the site's time zone: of dates written without an offset, of every date shown, "
        "and of the year and month in each article's address (changing it can move an "
        "article dated near midnight to another day, month and address)",
        "Asia/Ho_Chi_Minh",
    ),
    Field(
        "per_page",
        "integer",
        "articles per numbered list page (see [Pages of a list](#pages-of-a-list)); "
        "changing it renumbers every list",
        20,
    ),
    Field("feed_size", "integer", "newest articles in each Atom feed", 20),
    Field("default_category", "text", "category given to new articles", "Tin tức - Sự kiện"),
    Field(
        "renamed_categories",
        "mapping",
        "categories renamed in their articles, each old name `: ` its new one, e.g. "
        '`"Tin tức": "Tin tức - Sự kiện"` (one per line, indented under '
        "`renamed_categories:`): the old name's page and numbered pages lead to the new "
        "one's, and its feed is a copy of the new one's (see [Old addresses]"
        "(#old-addresses-aliases))",
        (),  # SiteConfig holds its lines as renamed.Rename, each with its line
        shown_default="empty",
    ),
    Field(
        "renamed_tags",
        "mapping",
        "tags renamed in their articles, as `renamed_categories`: the old tag's page and "
        "numbered pages lead to the new one's (a tag has no feed)",
        (),
        shown_default="empty",
    ),
    Field(
        "banner",
        "text",
        "notice at the top of every page that this is a read-only archive (with very large "
        "text on a phone, at its foot: see [Archive banner](#archive-banner)); empty shows "
        "the default notice from `templates/strings.yaml`",
        "",
    ),
    Field(
        "original_site",
        "addresses",
        "address of the original portal (`http://` or `https://`; its scheme and host "
        "are written in small letters), linked in the footer of "
        "every page (see [Archive banner](#archive-banner)); article pages also link their "
        "own `source_url` under the text. A list of addresses (one per line, each after "
        "`- `) names a portal known under several names: the footer links the first, and "
        "`check` warns about every link in a page to any of them (with or without `www.`) "
        "but those the archive answers when served at that domain",
        "",
        example="http://haibatrung.hanoi.gov.vn/",
    ),
    Field(
        "contact",
        "contact",
        "where readers ask for a correction or a takedown: a web address (the repository's "
        "issues, `https://github.com/<account>/<repository>/issues/new`, or a form; its "
        "scheme and host are written in small letters) or an "
        "e-mail address (`luutru@example.vn`). Every page of `content/pages/` (the "
        '"Giới thiệu" page) ends with it, as a link; empty, no page names one',
        "",
        example="https://github.com/<account>/<repository>/issues/new",
    ),
    Field("content_dir", "folder", _FOLDERS, "content"),
    Field("templates_dir", "folder", _FOLDERS, "templates"),
    Field("static_dir", "folder", _FOLDERS, "static"),
    Field("output_dir", "folder", _FOLDERS, "_site"),
    # Not offered as a suggestion: a misspelt key is far likelier a setting than params.
    Field(
        "params",
        "mapping",
        "free values for your own templates (`site.params.x`)",
        {},
        suggested=False,
    ),
    Field(
        "import_categories",
        "mapping",
        "for `import`: each category as the old portal printed it, `: `, and the name to "
        "use, e.g. `TIN TỨC - SỰ KIỆN: Tin tức - Sự kiện` (one per line, indented under "
        "`import_categories:`; the match ignores upper/lower case)",
        {},
    ),
    Field(
        "import_profiles",
        "mapping",
        "for `import`: your own site profiles, each a name with its keys indented below "
        "(see [docs/import-profiles.md](docs/import-profiles.md)); a file per profile in "
        "`import-profiles/` beside `site.yaml` works too",
        {},
    ),
    Field(
        "sanitize_html",
        "boolean",
        "`true` cleans the raw HTML of every article (see [Links and raw HTML in "
        "articles](#links-and-raw-html-in-articles))",
        False,
    ),
)

FRONT_MATTER: tuple[Field, ...] = (
    Field(
        "title",
        "text",
        "the headline (text; quote it if it contains `: ` or ` #` or is a word like `no`), "
        "at most "
        "1,000 characters",
        required=True,
        example='"Tiêu đề bài viết"',
    ),
    Field(
        "date",
        "date",
        "`2019-04-19 16:54`, `2019-04-19T16:54:00+07:00` or day first `19/04/2019 16:54`; "
        "leading zeros may be left out (`2019-4-5 8:30`, `5/4/2019`); a date without a time "
        "shows no hour. A time without offset is in the site's time zone (Asia/Ho_Chi_Minh). "
        "Never read month first: `5/3/2021` in a folder `2021/05/` is said (did you mean "
        "`3/5/2021`?). A date after the build's own time is said at every build (the archive "
        "holds what a portal had published: `2031` for `2021` would list the article above "
        "all others). A date as Windows or Excel shows it is refused with the date to write: "
        "a 12-hour time (`4:30 PM`, `4:30 CH`: write `16:30`), the day's parts between dots "
        "or dashes (`05.04.2019`: write `05/04/2019`), the year first with slashes "
        "(`2019/04/05`: write `2019-04-05`); so is one copied from a page with its words "
        "(`Thứ sáu, 19/04/2019 | 16h54`: write `19/04/2019 16:54`). Years 1 to 9999 on the "
        "site's clock "
        "(`0001-01-01T00:00+14:00` is still "
        "year 0 in Hà Nội: refused). Before 1911 the zone has local mean time, +07:06:30, "
        "which feeds and sitemaps cannot write (RFC 3339 offsets are whole minutes): such "
        "dates keep their clock time and get `+07:07`.",
        required=True,
        example="2019-04-19 16:54  (or 19/04/2019 16:54)",
    ),
    Field(
        "date_given",
        "text",
        "says that `date` is the archive's, not a date the original page shows (it showed "
        'none): the article page says so under the date ("Ngày đăng do bản lưu trữ ghi, '
        'trang gốc không ghi ngày"), followed by this note in brackets, where the date '
        "came from (`date_given: theo trang danh sách của cổng`); `date_given:` alone says "
        "it without a note. `import --date` writes `date_given: ghi khi nhập bài` (replace "
        "it with where you found the date). The date is still the one of lists, feeds and "
        "search engines",
        example="theo trang danh sách của cổng",
    ),
    Field(
        "category",
        "text",
        "one category, e.g. `Tin tức - Sự kiện`; a comma is part of the name, written plain "
        "(`category: Hoạt động Đảng, Đoàn thể`, as import writes it) or in quotes "
        '(`category: "Hoạt động Đảng, Đoàn thể"`): only in a list does a comma part names, '
        "and a list (`[Tin tức, Văn hóa]`) is refused, its fix giving both readings: one "
        "category and tags, or one name",
    ),
    Field(
        "tags", "list", "a list: `[cán bộ, quy hoạch]` (parted by `,`: a `;` in a tag is refused)"
    ),
    Field(
        "summary",
        "text",
        "shown in lists; without it the first paragraph of text is used "
        "(not a heading, list, quote, table, code block or image)",
    ),
    Field("author", "text", "shown on the article page"),
    Field(
        "language",
        "text",
        "the language of an article not written in the site's (`en`, `fr`, `zh-Hans`): "
        "its title and text are marked so, for screen readers, translation and search "
        "engines; the site's own words keep the site's",
    ),
    Field(
        "slug",
        "text",
        "the last part of the address (`a-z`, `0-9`, `-`); by default made from the title "
        "(`Đường Láng` → `duong-lang`, at most 80 characters, cut between words); one you "
        "write may have at most 255 bytes. Two articles of one month with one slug (the "
        "same title) are an error at each: the first by its file's path keeps the "
        "address, and each other is told the `slug:` line to write, one no article has",
    ),
    Field(
        "source_url",
        "text",
        "address of the original page (`http://` or `https://`, as a browser shows it), "
        "shown as provenance",
        example="https://haibatrung.hanoi.gov.vn/tin-tuc/bai-viet.html",
    ),
    Field(
        "captured",
        "date",
        "when the copy the article was taken from was made (a crawl's capture), written as "
        '`date` is; shown with the provenance, the day alone ("Trang gốc được lưu lại '
        'ngày 12/03/2025"), for a citation of the archived copy. `import` writes it where '
        "the crawl says when: a WARC's `WARC-Date`, HTTrack's \"Mirrored from\" comment (not "
        "a wget mirror's: a file's time there is the server's Last-Modified); never needed. "
        "A day after the build's (`2099` for `2025`) is a warning at every build",
        example="2025-03-12 08:30",
    ),
    Field(
        "aliases",
        "list",
        "old addresses of the article, e.g. `[/tin-tuc-su-kien/abc-123.html]`; each becomes "
        "a page that sends the reader on to the article (see [Old "
        "addresses](#old-addresses-aliases)); each part between two `/` at most 255 bytes "
        "(file systems allow no longer name), the whole at most 2,000; one whose file in the "
        "site is over 864 bytes is a warning, as macOS allows 1,024 bytes in a path with the "
        "folder the archive is in (a Mac builds it only from a short folder)",
    ),
    Field(
        "draft",
        "boolean",
        "`true` keeps the article out of the site: a published one's address then answers "
        "404, and the build says so once (to take an article down, use `withdrawn`)",
        False,
    ),
    Field(
        "withdrawn",
        "withdrawal",
        "takes a published article down: `withdrawn: 2026-03-05` (the day), or "
        "`withdrawn:` with `date:` and `reason:` indented below it (the reason is shown "
        "to readers). Its address and its aliases answer with a short notice (title, "
        "date published, date and reason of the takedown), and it is in no list, feed, "
        "sitemap or search; delete its text below the front matter (see [Taking an "
        "article down](#taking-an-article-down-or-correcting-it))",
        example="2026-03-05",
    ),
    Field(
        "corrections",
        "corrections",
        "what the archive changed in the article since the portal published it, shown "
        'under it as "Đính chính", newest first: a list, each item `- date: 2026-03-05` '
        "with `text: ...` indented below it (see [Correcting an "
        "article](#taking-an-article-down-or-correcting-it))",
    ),
    # Not offered as a suggestion: a misspelt key is far likelier one of the above.
    Field(
        "params",
        "mapping",
        "free values for your own templates, indented under `params:` (`photographer: "
        "Minh Anh` there is `article.params.photographer`); a key the table does not "
        "have is refused, as a likely typo, with this hint",
        {},
        suggested=False,
    ),
)


# A standalone page (content/pages/gioi-thieu.md -> /gioi-thieu/): no date, category or
# tags, as it is in no list; its address is its file's name, so a new title keeps it.
PAGE_FRONT_MATTER: tuple[Field, ...] = (
    Field(
        "title",
        "text",
        "the page's heading and its name in the menu",
        required=True,
        example='"Giới thiệu"',
    ),
    Field("summary", "text", "one sentence for search engines and link previews"),
    Field(
        "menu",
        "integer",
        "a number puts the page in the site's menu, after its own items, smaller numbers "
        "first (`menu: 1`); without it the page is linked from nowhere but where you link it",
    ),
    Field(
        "draft",
        "boolean",
        "`true` keeps the page out of the site: a published one's address then answers "
        "404, and the build says so once",
        False,
    ),
    Field(
        "aliases",
        "list",
        "old addresses of the page, as an article's: the portal's own page "
        "(`[/gioi-thieu.html]`), or the page's address before its file was renamed; each "
        "becomes a page that sends the reader on to this one",
    ),
    Field(
        "params",
        "mapping",
        "free values for your own templates, as an article's (`standalone.params.x` in "
        "`page.html`)",
        {},
        suggested=False,
    ),
)


def names(fields: tuple[Field, ...], kind: str | None = None) -> tuple[str, ...]:
    return tuple(f.name for f in fields if kind is None or f.kind == kind)


def by_name(fields: tuple[Field, ...]) -> dict[str, Field]:
    return {f.name: f for f in fields}


# The keys whose value is a group of lines indented below them, in any file kind: a
# key given twice just below one of them, written empty, likely belongs inside it.
GROUP_KEYS = frozenset(
    f.name
    for f in (*SETTINGS, *FRONT_MATTER, *PAGE_FRONT_MATTER)
    if f.kind in ("mapping", "withdrawal", "corrections")
)


def suggestion(key: str, fields: tuple[Field, ...], value: object = None) -> str | None:
    """The known key an unknown ``key`` (holding ``value``) was most likely meant to be."""
    offered = [f.name for f in fields if f.suggested]
    close = difflib.get_close_matches(key, offered, n=1, cutoff=0.6)
    if not close and isinstance(value, dict):
        # `param:` with values indented below it is params: misspelt (`param: 1` may be a
        # value of one's own, which params: is offered for in the list of keys).
        kept = [f.name for f in fields if not f.suggested and f.kind == "mapping"]
        close = difflib.get_close_matches(key.lower(), kept, n=1, cutoff=0.8)
    return close[0] if close else None


def boolean_problem(key: str, value: object) -> tuple[str, str] | None:
    """The message and hint for a yes/no key holding something else (both file kinds)."""
    if isinstance(value, bool):
        return None
    meant = _QUOTED_BOOLEANS.get(value.strip().lower()) if isinstance(value, str) else None
    if meant is not None:  # `draft: "true"` was told it "must be true or false, not 'true'"
        return (
            f"'{key}' must be true or false, not the text {value!r}: in quotes, YAML reads "
            "it as words, not as yes or no",
            f"write it without the quotes: {key}: {meant}",
        )
    return f"'{key}' must be true or false, not {value!r}", f"write {key}: true or {key}: false"


# What a yes/no written in quotes (or as YAML 1.2 and most editors' highlighting read it)
# was meant to be.
_QUOTED_BOOLEANS = {"true": "true", "yes": "true", "on": "true"} | dict.fromkeys(
    ("false", "no", "off"), "false"
)


def settings_table() -> str:
    """The README's table of site.yaml keys; adjacent keys of one meaning share a row."""
    rows: list[list[Field]] = []
    for f in SETTINGS:
        if rows and rows[-1][0].meaning == f.meaning:
            rows[-1].append(f)
        else:
            rows.append([f])
    lines = ["| key | default | meaning |", "| --- | --- | --- |"]
    for row in rows:
        keys = ", ".join(f"`{f.name}`" for f in row)
        if len(row) == 1:
            shown = row[0].readme_default()
        else:
            shown = "`" + "`, `".join(str(f.default) for f in row) + "`"
        lines.append(f"| {keys} | {shown} | {row[0].meaning} |")
    return "\n".join(lines) + "\n"


def front_matter_table(fields: tuple[Field, ...] = FRONT_MATTER) -> str:
    """The README's table of front-matter keys (an article's, or a page's)."""
    lines = ["| key | required | meaning |", "| --- | --- | --- |"]
    for f in fields:
        lines.append(f"| `{f.name}` | {'yes' if f.required else 'no'} | {f.meaning} |")
    return "\n".join(lines) + "\n"
