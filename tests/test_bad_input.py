"""Bad input: a clear message naming the file, exit 1, and the old site untouched."""

import os
import re
import subprocess
import sys

import markdown
import pytest
import yaml
from conftest import REPO, SUBPROCESS_ENV, article, tree
from markupsafe import Markup, escape

from newsarchive import jinjaenv, renderer, uistrings
from newsarchive.cli import main

GOOD = article("Bài viết tốt", "2020-01-02 08:00")

BAD_INPUTS = {
    # YAML said "mapping values are not allowed in this context", and the hint quoted an
    # example, not the line to write.
    "broken-yaml": (
        "---\ntitle: Hội nghị: tổng kết\ndate: 2020-01-01\n---\nText\n",
        [
            "broken-yaml.md:2:16:",
            "the ': ' in the value of 'title' makes YAML read it as the start of another",
            'put the whole value in quotes: title: "Hội nghị: tổng kết"',
        ],
    ),
    # A no-break space after `key:` (Word and web pages paste one; macOS types it with
    # Option+Space) looks like a space, but YAML reads the line as text: it said "mapping
    # values are not allowed" or "could not find expected ':'" at the line below, or at
    # the closing '---', with the generic hint.
    "no-break-space-after-a-key": (
        "---\ntitle:\u00a0Hội nghị tổng kết\ndate: 2020-01-01\n---\nText\n",
        [
            "no-break-space-after-a-key.md:2:7: error: broken YAML: the space after 'title:' is "
            "a no-break space (U+00A0)",
            "delete it and type an ordinary space: title: Hội nghị tổng kết",
        ],
    ),
    "ideographic-space-after-the-last-key": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncategory:\u3000Tin tức\n---\nText\n",
        [
            "ideographic-space-after-the-last-key.md:4:10: error: broken YAML: the space after "
            "'category:' is an ideographic space (U+3000)",
            "type an ordinary space: category: Tin tức",
        ],
    ),
    "colon-in-a-correction": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncorrections:\n  - date: 2026-03-05\n"
        "    text: Sửa tên phường: Bạch Đằng\n---\nText\n",
        [
            "colon-in-a-correction.md:6:25:",
            "the ': ' in the value of 'text'",
            'put the whole value in quotes: text: "Sửa tên phường: Bạch Đằng"',
        ],
    ),
    "colon-and-quotes-in-a-title": (
        '---\ntitle: Lễ hội "Hai Bà": khai mạc\ndate: 2020-01-01\n---\nText\n',
        ["colon-and-quotes-in-a-title.md:2:", """title: 'Lễ hội "Hai Bà": khai mạc'"""],
    ),
    # Two categories in brackets: the fix said to make them one category, "Tin tức, Văn
    # hóa", though an editor more likely meant one category and a tag; a comma may be in a
    # category's name too ("Hoạt động Đảng, Đoàn thể"), so both readings are offered.
    "category-list": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncategory: [Tin tức, Văn hóa]\n---\nText\n",
        [
            "category-list.md:4:",
            "an article has one category",
            "'category: Tin tức' and 'tags: [Văn hóa]'",
            """'category: "Tin tức, Văn hóa"'""",
        ],
    ),
    "category-list-and-tags": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncategory: [Tin tức, Văn hóa, Lễ hội]\n"
        "tags: [Hà Nội]\n---\nText\n",
        [
            "category-list-and-tags.md:4:",
            "'category: Tin tức' and 'tags: [Hà Nội, Văn hóa, Lễ hội]'",
            """'category: "Tin tức, Văn hóa, Lễ hội"'""",
        ],
    ),
    # Notepad's Tab key before a list item: YAML said only "found character that cannot
    # start any token", and the hint spoke of quotes; a tab looks like spaces.
    "tab-indent": (
        "---\ntitle: Tin\ndate: 2020-01-01\ntags:\n\t- lễ hội\n---\nText\n",
        ["tab-indent.md:5:1", "a tab", "replace the tab at this spot with two spaces"],
    ),
    # Quotes inside a double-quoted title (as a spreadsheet writes them, doubled): the
    # hint said to put the value in double quotes, which it already was.
    "quotes-in-quotes": (
        '---\ntitle: "Lễ hội ""Hai Bà"" năm nay"\ndate: 2020-01-01\n---\nText\n',
        ["quotes-in-quotes.md:2:", 'write each " of the text as \\"', "single quotes"],
    ),
    # A quote never closed: YAML read on to the end of the front matter and named its
    # last line (6:18), four lines below the mistake.
    "unclosed-quote": (
        '---\ntitle: "Hội nghị tổng kết\ndate: 2020-01-01\ncategory: Kinh tế\nsummary: x\n---\nT\n',
        ["unclosed-quote.md:2:8:", "never closed", "end the value with the same quote"],
    ),
    # A quote not closed on its line, and a quoted value lines below: YAML read on to that
    # value's first quote, ended the title there and named line 4, whose quotes are right.
    "quote-closed-lines-below": (
        '---\ntitle: "Hội nghị tổng kết\ndate: 2020-01-01\ncategory: "Kinh tế"\n---\nT\n',
        [
            "quote-closed-lines-below.md:2:8:",
            "not closed on its line",
            "up to line 4",
            "end the value with the same quote",
        ],
    ),
    # A Windows path in double quotes: the hint said to use double quotes, which it did.
    "backslash-in-quotes": (
        '---\ntitle: "Thư mục C:\\du-lieu"\ndate: 2020-01-01\n---\nT\n',
        ["backslash-in-quotes.md:2:", "a \\ starts an escape", "single quotes"],
    ),
    # A list whose ] was forgotten: the message named the line below, and spoke of quotes.
    "unclosed-list": (
        "---\ntitle: Tin\ndate: 2020-01-01\ntags: [cán bộ, quy hoạch\nauthor: Lan\n---\nT\n",
        ["unclosed-list.md:4:7:", "this [ is not closed on its line", "with ]"],
    ),
    # A comma too many in a list (a tag deleted, its comma left): YAML said "while parsing
    # a flow node did not find expected node content", and the hint spoke of quotes.
    "empty-item-in-a-list": (
        "---\ntitle: Tin\ndate: 2020-01-01\ntags: [an sinh , , cán bộ]\n---\nText\n",
        [
            "empty-item-in-a-list.md:4:18:",
            "a comma with no item before it in this list",
            "remove the comma too many: tags: [an sinh, cán bộ]",
        ],
    ),
    # Quoted, the yes/no is text: the message said "must be true or false, not 'true'".
    "draft-in-quotes": (
        '---\ntitle: Tin\ndate: 2020-01-01\ndraft: "true"\n---\nText\n',
        [
            "draft-in-quotes.md:4: error: 'draft' must be true or false, not the text 'true': "
            "in quotes, YAML reads it as words",
            "write it without the quotes: draft: true",
        ],
    ),
    # An old address copied without its https://: the alias became the page
    # /quanhaibatrung.hanoi.gov.vn/tin-tuc/abc.html, which no old link leads to, and
    # the build said nothing.
    "alias-without-its-http": (
        "---\ntitle: Tin\ndate: 2020-01-01\n"
        "aliases: [quanhaibatrung.hanoi.gov.vn/tin-tuc/abc-123.html]\n---\nText\n",
        [
            "alias-without-its-http.md:4: error: alias 'quanhaibatrung.hanoi.gov.vn/tin-tuc/"
            "abc-123.html' starts with the host name quanhaibatrung.hanoi.gov.vn: the alias "
            "is the path after it, /tin-tuc/abc-123.html",
        ],
    ),
    # The old portal's address copied whole, as the browser shows it: the message said
    # "a full web address, not a path on this site" with an example of another path;
    # the path to write is the one after the host.
    "alias-with-its-http": (
        "---\ntitle: Tin\ndate: 2020-01-01\n"
        "aliases: [http://quanhaibatrung.hanoi.gov.vn/tin-tuc/abc-123.html]\n---\nText\n",
        [
            "alias-with-its-http.md:4: error: alias 'http://quanhaibatrung.hanoi.gov.vn/tin-"
            "tuc/abc-123.html' is a full web address: an old address is written as the path "
            "after its host, /tin-tuc/abc-123.html",
        ],
    ),
    # A page written outside content/pages/ (content/Pages/, a folder of its own): read as
    # an article, its menu: was an unknown key to "remove, or put under params:".
    "page-out-of-pages": (
        "---\ntitle: Liên hệ\nmenu: 2\n---\nGọi 024 3821 0000.\n",
        [
            "page-out-of-pages.md:3: error: unknown key 'menu'",
            "'menu' is a page's key (an about or contact page), and a page is a file in the "
            "content folder's pages/",
        ],
    ),
    # The date line copied from the portal's page: "is not a date I can read".
    "date-as-the-portal-printed-it": (
        "---\ntitle: Tin\ndate: Thứ sáu, 19/04/2019 | 16h54\n---\nText\n",
        [
            "date-as-the-portal-printed-it.md:3:7: error: bad date: 'Thứ sáu, 19/04/2019 | "
            "16h54': only the day and an HH:MM time are read: write 19/04/2019 16:54",
        ],
    ),
    # Tags parted by ';', as some editors list words: one tag "cán bộ; quy hoạch", unsaid.
    "tags-parted-by-semicolons": (
        "---\ntitle: Tin\ndate: 2020-01-01\ntags: [an sinh, cán bộ; quy hoạch]\n---\nText\n",
        [
            "tags-parted-by-semicolons.md:4: error: the tag 'cán bộ; quy hoạch' holds a ';': "
            "tags are parted by ',', so this is one tag",
            "write tags: [an sinh, cán bộ, quy hoạch]",
        ],
    ),
    # The same without brackets: the fix said to write [cán bộ; quy hoạch], refused next.
    "tags-parted-by-semicolons-no-brackets": (
        "---\ntitle: Tin\ndate: 2020-01-01\ntags: cán bộ; quy hoạch\n---\nText\n",
        [
            "tags-parted-by-semicolons-no-brackets.md:4: error: 'tags' must be a list",
            "write it as a list in brackets, e.g. tags: [cán bộ, quy hoạch]",
        ],
    ),
    "missing-title": ("---\ndate: 2020-01-01\n---\nText\n", ["no title", "title:"]),
    "empty-title": ('---\ntitle: "  "\ndate: 2020-01-01\n---\nText\n', ["no title"]),
    "missing-date": ("---\ntitle: Tin\n---\nText\n", ["no date", "date:"]),
    "impossible-date": (
        "---\ntitle: Tin\ndate: 31/02/2019\n---\nText\n",
        ["impossible-date.md:3", "not a real date", "check the day and the month"],
    ),
    # The form is right, the day is wrong: the fix said to write the date as
    # YYYY-MM-DD HH:MM, which the editor had no need to.
    "day-out-of-range": (
        "---\ntitle: Tin\ndate: 31/02/2021 10:00\n---\nText\n",
        [
            "day-out-of-range.md:3:7: error: bad date: '31/02/2021 10:00' is not a real date "
            "(February 2021 has 28 days, not 31)\n"
            "    how to fix: check the day and the month\n"
        ],
    ),
    # A date as an English-language Windows or Excel shows it: the date to write.
    "windows-clock-date": (
        "---\ntitle: Tin\ndate: 2019-4-5 4:30 PM\n---\nText\n",
        ["windows-clock-date.md:3", "24-hour clock", "write 2019-4-5 16:30"],
    ),
    "params-not-a-mapping": (
        "---\ntitle: Tin\ndate: 2020-01-01\nparams: Minh Anh\n---\nText\n",
        ["params-not-a-mapping.md:4", "'params' must be a group", "photographer: Minh Anh"],
    ),
    # A date's problems were said at its line alone: the column of the value too, where
    # an editor's cursor goes. A day of three digits was "the day is read, not what
    # follows it", with the forms to write.
    "month-13": (
        "---\ntitle: Tin\ndate: 2017-13-05\n---\nText\n",
        ["month-13.md:3:7: error: bad date: '2017-13-05' is not a real date (there is no month"],
    ),
    "day-of-three-digits": (
        "---\ntitle: Tin\ndate: 2017-08-301\n---\nText\n",
        [
            "day-of-three-digits.md:3:7: error: bad date: '2017-08-301': the day has 3 digits "
            "(301): a day is 1 to 31\n    how to fix: write the day in two digits: 2017-08-30\n",
        ],
    ),
    "date-in-words": (
        '---\ntitle: Tin\ndate:   "hôm qua"\n---\nText\n',
        ["date-in-words.md:3:10: error: bad date: 'hôm qua' is not a date I can read"],
    ),
    "captured-in-words": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncaptured: hôm qua\n---\nText\n",
        ["captured-in-words.md:4:11: error: bad date in 'captured': 'hôm qua'"],
    ),
    "withdrawn-date-below-it": (
        "---\ntitle: Tin\ndate: 2020-01-01\nwithdrawn:\n  reason: x\n  date: 2026-02-30\n---\n",
        ["withdrawn-date-below-it.md:6:9: error: bad date in 'withdrawn': '2026-02-30'"],
    ),
    "impossible-iso-date": (
        "---\ntitle: Tin\ndate: 2019-02-31\n---\nText\n",
        ["impossible-iso-date.md:3", "not a real date"],
    ),
    "unknown-key": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncatgory: Tin tức\n---\nText\n",
        ["unknown-key.md:4", "unknown key 'catgory'", "did you mean 'category'?"],
    ),
    "tags-number": (
        "---\ntitle: Tin\ndate: 2020-01-01\ntags: 5\n---\nText\n",
        ["tags-number.md:4", "must be a list", "tags: [5]"],
    ),
    "title-boolean": (
        "---\ntitle: no\ndate: 2020-01-01\n---\nText\n",
        ["title-boolean.md:2", "yes/no", 'title: "no"'],
    ),
    "slug-escape": (
        "---\ntitle: Tin\ndate: 2020-01-01\nslug: ../../x\n---\nText\n",
        ["slug-escape.md:4", "slug '../../x'", "slug: x"],
    ),
    "no-front-matter": ("Chỉ có chữ.\n", ["no-front-matter.md:1", "front matter"]),
    # Two byte order marks (a BOM file saved again by a tool that adds one), or a
    # zero-width space pasted before '---': the editor sees '---' on the first line and
    # was told to make the first line '---'.
    "second-bom": (
        b"\xef\xbb\xbf\xef\xbb\xbf---\ntitle: Tin\ndate: 2020-01-01\n---\nText\n",
        ["second-bom.md:1:", "U+FEFF", "invisible", "delete the first line and type '---' again"],
    ),
    "zero-width-before-front-matter": (
        "\u200b---\ntitle: Tin\ndate: 2020-01-01\n---\nText\n",
        ["zero-width-before-front-matter.md:1:", "U+200B", "invisible"],
    ),
    "unclosed-front-matter": ("---\ntitle: Tin\ndate: 2020-01-01\n", ["never closed"]),
    "duplicate-key": (
        "---\ntitle: Tin\ntitle: Tin khác\ndate: 2020-01-01\n---\nText\n",
        ["duplicate-key.md:3", "given twice"],
    ),
    "not-utf8": (
        "---\ntitle: Tin\ndate: 2020-01-01\n---\nHà Nội (Windows-1252)\n".encode(
            "cp1252", "replace"
        ),
        ["not-utf8.md:5", "not UTF-8", "UTF-8"],
    ),
    # Notepad's "Unicode" (UTF-16, its status bar says "UTF-16 LE"): said only "not UTF-8
    # text", though the editor chose a Unicode encoding and sees nothing wrong in it.
    "utf-16-from-notepad": (
        "---\r\ntitle: Tin\r\ndate: 2020-01-01\r\n---\r\nHà Nội\r\n".encode("utf-16"),
        [
            "utf-16-from-notepad.md:1:1: error: the file is saved as UTF-16 (Notepad's "
            "'Unicode' or 'UTF-16 LE'), not UTF-8",
            "Save As > Encoding > UTF-8",
        ],
    ),
    # Notepad's "UTF-8 with BOM", then text pasted in another encoding: the spot named
    # was three bytes early (line 4, the closing '---', column 3).
    "not-utf8-after-a-bom": (
        b"\xef\xbb\xbf" + "---\ntitle: Tin\ndate: 2020-01-01\n---\nHà Nam\n".encode("cp1252"),
        ["not-utf8-after-a-bom.md:5:2:", "not UTF-8"],
    ),
    # The column in letters, as an editor counts them: it was in bytes (13 here).
    "not-utf8-after-letters": (
        "---\ntitle: Tin\ndate: 2020-01-01\n---\nĐà Nẵng ".encode() + b"\xe0 h\n",
        ["not-utf8-after-letters.md:5:9:", "not UTF-8"],
    ),
    # Word's Shift+Enter puts U+000B into pasted text; YAML refuses it, without saying what.
    "control-character-in-title": (
        '---\ntitle: "Tiêu đề\x0bhai dòng"\ndate: 2020-01-01 10:00\n---\nText\n',
        ["control-character-in-title.md:2:16:", "U+000B", "Shift+Enter", "delete it"],
    ),
    "escaped-control-character": (
        '---\ntitle: Tin\nsummary: "x\\u0001y"\ndate: 2020-01-01\n---\nText\n',
        ["escaped-control-character.md:3:", "'summary'", "U+0001", "escape"],
    ),
    "control-character-in-body": (
        "---\ntitle: Bài\ndate: 2020-01-01 10:00\n---\nDòng một\x0bdòng hai.\n\nx\x01\n",
        ["control-character-in-body.md:5:9:", "U+000B", "control-character-in-body.md:7:2:"],
    ),
    # Characters whose UTF-8 starts with the bytes \xc2 (C1) and \xef (U+FFFF), which a
    # file must lack for the reading to skip the search for them (free_of_invisible).
    "c1-control-and-noncharacter": (
        '---\ntitle: "Tin\x85mới"\ndate: 2020-01-01 10:00\n---\nDòng\uffff một.\n',
        [
            "c1-control-and-noncharacter.md:2:12:",
            "U+0085",
            "c1-control-and-noncharacter.md:5:5:",
            "U+FFFF",
        ],
    ),
    "bad-source-url": (
        "---\ntitle: Tin\ndate: 2020-01-01\nsource_url: www.example\n---\nText\n",
        ["bad-source-url.md:4", "not a web address"],
    ),
    # A takedown written as a yes/no, or with no day: the article must not go online.
    "withdrawn-true": (
        "---\ntitle: Tin\ndate: 2020-01-01\nwithdrawn: true\n---\n",
        ["withdrawn-true.md:4", "'withdrawn' has the yes/no value", "withdrawn: 2026-03-05"],
    ),
    "withdrawn-empty": (
        "---\ntitle: Tin\ndate: 2020-01-01\nwithdrawn:\n---\n",
        ["withdrawn-empty.md:4", "'withdrawn' has no date", "reason: ..."],
    ),
    "withdrawn-impossible-date": (
        "---\ntitle: Tin\ndate: 2020-01-01\nwithdrawn: 31/02/2026\n---\n",
        ["withdrawn-impossible-date.md:4:12:", "bad date in 'withdrawn'", "not a real date"],
    ),
    "withdrawn-misspelt-reason": (
        "---\ntitle: Tin\ndate: 2020-01-01\nwithdrawn:\n  date: 2026-03-05\n  reson: x\n---\n",
        [
            "withdrawn-misspelt-reason.md:4",
            "unknown key 'reson' under 'withdrawn'",
            "did you mean 'reason'?",
        ],
    ),
    "withdrawn-before-published": (
        "---\ntitle: Tin\ndate: 2020-01-01\nwithdrawn: 31/12/2019\n---\n",
        ["withdrawn-before-published.md:4", "withdrawn on 31/12/2019, before it was published"],
    ),
    "corrections-as-text": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncorrections: Sửa tên phường\n---\nText\n",
        [
            "corrections-as-text.md:4",
            "'corrections' must be a list of dates and texts, but YAML read 'Sửa tên phường'",
            "'  - date: 2026-03-05'",
        ],
    ),
    # A hashtag in a title without quotes: YAML read " #SốngXanh ..." as a comment, and
    # the page showed "Chiến dịch" without a word.
    "hash-in-title": (
        "---\ntitle: Chiến dịch #SốngXanh của phường\ndate: 2020-01-01\n---\nText\n",
        [
            "hash-in-title.md:2:19:",
            "read as a YAML comment and left out: 'title' would be only 'Chiến dịch'",
            'title: "Chiến dịch #SốngXanh của phường"',
        ],
    ),
    "hash-as-summary": (
        "---\ntitle: Tin\ndate: 2020-01-01\nsummary: #SốngXanh\n---\nText\n",
        ["hash-as-summary.md:4:10:", "'summary' would be empty", 'summary: "#SốngXanh"'],
    ),
    # The second item one space further in: YAML joined it to the first, one tag
    # "cán bộ - quy hoạch" published in silence.
    "list-item-further-in": (
        "---\ntitle: Tin\ndate: 2020-01-01\ntags:\n - cán bộ\n  - quy hoạch\n---\nText\n",
        [
            "list-item-further-in.md:6:3:",
            "read as more of the text above it ('tags' is 'cán bộ - quy hoạch')",
            "put this line's '-' right under the '-' of the line above",
        ],
    ),
    # A tab before a key of the top level: replaced by two spaces, as the hint said, it
    # gave "mapping values are not allowed here"; the key starts its line.
    "tab-before-a-key": (
        "---\n\ttitle: Tin\ndate: 2020-01-01\n---\nText\n",
        ["tab-before-a-key.md:2:1:", "a tab", "delete the tab: a key starts at the beginning"],
    ),
    # A key indented by mistake: YAML read it as more of the title; the hint spoke of
    # quotes only.
    "key-indented": (
        "---\ntitle: Tin\n  category: Kinh tế\ndate: 2020-01-01\n---\nText\n",
        [
            "key-indented.md:3:",
            "'category' is indented, so YAML reads this line as more of the value above",
            "start 'category:' at the beginning of its line",
        ],
    ),
    # Quoted, as Word quotes: the hint said to put the value in double quotes.
    "word-quotes": (
        "---\ntitle: “Hội nghị: tổng kết năm 2019”\ndate: 2020-01-02 08:00\n---\nText\n",
        [
            "word-quotes.md:2:",
            "typographic quotes (“), which Word makes",
            'title: "Hội nghị: tổng kết năm 2019"',
        ],
    ),
    # Braces for brackets: the hint showed Python's {'cán bộ': None, ...}.
    "tags-in-braces": (
        "---\ntitle: Tin\ndate: 2020-01-01\ntags: {cán bộ, quy hoạch}\n---\nText\n",
        ["tags-in-braces.md:4", "e.g. tags: [cán bộ, quy hoạch]"],
    ),
    # The "- " forgotten: one correction, not a list of them.
    "correction-without-its-dash": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncorrections:\n  date: 2026-03-05\n  text: x\n---\nT\n",
        ["correction-without-its-dash.md:4", "'corrections' must be a list", "'  - date:"],
    ),
    "correction-without-text": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncorrections:\n  - date: 2026-03-05\n---\nText\n",
        ["correction-without-text.md:4", "the correction has no text", "say what the archive"],
    ),
    "correction-impossible-date": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncorrections:\n  - date: 2026-01-05\n    text: a\n"
        "  - date: 2026-13-05\n    text: b\n---\nText\n",
        ["correction-impossible-date.md:7:11:", "bad date in correction 2 of 2", "not a real date"],
    ),
    # A mistyped year: the archive cannot have corrected what was not yet published.
    "correction-before-published": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncorrections:\n  - date: 2026-03-05\n    text: a\n"
        "  - date: 2019-03-05\n    text: b\n---\nText\n",
        [
            "correction-before-published.md:4",
            "correction 2 of 2 is dated 05/03/2019, before the article was published (01/01/2020)",
            "'  - date: 2020-01-01' or later",
        ],
    ),
    # A key twice inside a group: YAML kept the second in silence, and the page showed
    # only the correction's second text.
    "correction-text-twice": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncorrections:\n  - date: 2026-03-05\n"
        "    text: Sửa tên phường\n    text: Bổ sung ảnh\n---\nText\n",
        ["correction-text-twice.md:7:5:", "'text' is given twice (first on line 6)"],
    ),
    "withdrawn-reason-twice": (
        "---\ntitle: Tin\ndate: 2020-01-01\nwithdrawn:\n  date: 2026-03-05\n  reason: a\n"
        "  reason: b\n---\n",
        ["withdrawn-reason-twice.md:7:3:", "'reason' is given twice (first on line 6)"],
    ),
    "params-key-twice": (
        "---\ntitle: Tin\ndate: 2020-01-01\nparams:\n  photographer: A\n  photographer: B\n"
        "---\nText\n",
        ["params-key-twice.md:6:3:", "'photographer' is given twice (first on line 5)"],
    ),
    # The lines of a group written at the start of their lines, or in line with the
    # '-' of their item: the hints said to remove them, to keep one of two dates, or
    # YAML's "did not find expected '-' indicator".
    "reason-not-indented": (
        "---\ntitle: Tin\ndate: 2020-01-01\nwithdrawn:\nreason: Gỡ theo yêu cầu\n---\n",
        [
            "reason-not-indented.md:5: error: unknown key 'reason': it belongs under "
            "'withdrawn:' above, but starts its line",
            "indent it, as '  reason: ...', under the line above",
        ],
    ),
    "withdrawn-date-not-indented": (
        "---\ntitle: Tin\ndate: 2020-01-01\nwithdrawn:\ndate: 2026-03-05\n---\n",
        [
            "withdrawn-date-not-indented.md:5:1: error: 'date' is given twice",
            "if it belongs under 'withdrawn:' (line 4), indent it by two spaces",
        ],
    ),
    "correction-text-not-indented": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncorrections:\n- date: 2026-03-05\ntext: x\n---\nText\n",
        [
            "correction-text-not-indented.md:6: error: unknown key 'text': it belongs under "
            "'corrections:' above",
            "indent it, as '    text: ...'",
        ],
    ),
    "correction-text-under-its-dash": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncorrections:\n  - date: 2026-03-05\n  text: x\n"
        "---\nText\n",
        [
            "correction-text-under-its-dash.md:6:3: error: broken YAML: 'text' starts in the "
            "column of the '-' above it",
            "indent it as the key after that '-': '    text: ...'",
        ],
    ),
    "correction-misspelt-text": (
        "---\ntitle: Tin\ndate: 2020-01-01\ncorrections:\n  - date: 2026-03-05\n    txt: a\n"
        "---\nText\n",
        [
            "correction-misspelt-text.md:4",
            "unknown key 'txt' in the correction",
            "did you mean 'text'?",
        ],
    ),
    # A YAML tag whose type the value is not (`!!int abc`), and a list as a key: PyYAML's
    # own errors (ValueError, 'unhashable type') stopped the build as an internal error.
    "tag-the-value-is-not": (
        "---\ntitle: Tin\ndate: 2020-01-01\nauthor: !!int Ban biên tập\n---\nText\n",
        [
            "tag-the-value-is-not.md:4:9: error: YAML cannot read 'Ban biên tập' as the int "
            "that its tag !!int asks for",
            "remove the tag '!!int' before the value",
        ],
    ),
    # An empty value under a number's tag (`!!int : x`, the tag as a key): PyYAML's
    # IndexError on the empty text stopped the build as an internal error.
    "tag-of-an-empty-key": (
        "---\ntitle: Tin\ndate: 2020-01-01\n!!int : x\n---\nText\n",
        [
            "tag-of-an-empty-key.md:4:1: error: YAML cannot read '' as the int that its tag "
            "!!int asks for",
            "remove the tag '!!int' before the value",
        ],
    ),
    "list-as-a-key": (
        "---\ntitle: Tin\ndate: 2020-01-01\n? [a, b]\n: x\n---\nText\n",
        ["list-as-a-key.md:4:3: error: broken YAML: while constructing a mapping found unhashable"],
    ),
    # A slip none of the explanations knows: YAML's own words, at its spot, and the
    # general hint.
    "bracket-too-many": (
        "---\ntitle: Tin\ndate: 2020-01-01\ntags: [a]]\n---\nText\n",
        [
            "bracket-too-many.md:4:10: error: broken YAML: while parsing a block mapping did "
            "not find expected key",
            "check the YAML syntax at this spot",
        ],
    ),
    "unclosed-group": (
        "---\ntitle: Tin\nparams: {a: 1\ndate: 2020-01-01\n---\nText\n",
        ["unclosed-group.md:3:9:", "this { is not closed on its line", "with }: {a: 1, b: 2}"],
    ),
    "front-matter-a-list": (
        "---\n- title: Tin\n- date: 2020-01-01\n---\nText\n",
        [
            "front-matter-a-list.md:2: error: the front matter must be a list of 'key: value' "
            "lines",
            "write one 'key: value' per line",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_article_fails_clearly_and_keeps_the_old_site(site, capsys, name):
    site.add("2020/01/good.md", GOOD)
    assert site.build() == 0
    before = tree(site.output)
    capsys.readouterr()

    text, expected = BAD_INPUTS[name]
    site.add(f"2020/01/{name}.md", text)
    assert site.build() == 1

    err = capsys.readouterr().err
    for fragment in expected:
        assert fragment in err, f"{fragment!r} not in:\n{err}"
    assert f"{name}.md" in err
    assert tree(site.output) == before
    # No staging folder is left behind (.cache holds the build cache, not the site;
    # _site.lock is kept on purpose, and _site.previous is made by the first build that
    # gets as far as writing, which the failed one did not: see newsarchive/publish.py).
    assert sorted(p.name for p in site.output.parent.iterdir() if p.name != ".cache") == [
        "_site",
        "_site.lock",
        "content",
        "site.yaml",
        "static",
        "templates",
    ]


def test_all_problems_are_reported_in_one_run(site, capsys):
    site.add("a.md", BAD_INPUTS["missing-title"][0])
    site.add("b.md", BAD_INPUTS["unknown-key"][0])
    site.add("c.md", BAD_INPUTS["broken-yaml"][0])
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "a.md" in err and "b.md" in err and "c.md" in err
    assert "3 problem(s) in 3 file(s)" in err
    assert not site.output.exists()
    # A first build: there is no previous site to be unchanged.
    assert "previous site" not in err, err
    assert "3 problem(s) in 3 file(s); nothing was written (there is no site yet)" in err, err


def test_two_articles_with_the_same_address(site, capsys):
    site.add("dong-du-1.md", article("Đông Du", "2020-01-02 08:00"))
    site.add("dong-du-2.md", article("Đồng Du", "2020-01-20 08:00"))
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "/2020/01/dong-du/" in err
    assert "dong-du-1.md:2: error:" in err and "dong-du-2.md:2: error:" in err  # the title
    # The line to add is told to the second by path alone, naming the first: both were
    # told to add 'slug: dong-du-2', and an editor who did so in both had the clash again.
    assert "give one of them a different title" not in err, err
    hints = fixes(err)
    assert hints["dong-du-2.md"] == (
        "add a line 'slug: dong-du-2' below its title (or give it another title): "
        "dong-du-1.md keeps /2020/01/dong-du/"
    ), err
    keeps = "this article keeps the address: the line to add is told to dong-du-2.md"
    assert hints["dong-du-1.md"] == keeps, err
    # Each names the other from its own folder: whole paths made the line unreadable.
    site.add("cu/dong-du-3.md", article("Đông Du!", "2020-01-25 08:00"))
    assert site.build() == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if ": error: " in line]
    same = " would have the same address /2020/01/dong-du/"
    assert sorted(line.split(": error: ")[1] for line in errors) == [
        f"this article and ../dong-du-1.md, ../dong-du-2.md{same}",
        f"this article and cu/dong-du-3.md, dong-du-1.md{same}",
        f"this article and cu/dong-du-3.md, dong-du-2.md{same}",
    ]


def test_two_articles_given_the_same_slug_are_told_at_that_line(site, capsys):
    """The hint said to add a line 'slug: ...' to files that had one."""
    site.add("a.md", article("Bài một", "2020-01-02 08:00", slug="hop-dan"))
    site.add("b.md", article("Bài hai", "2020-01-20 08:00", slug="hop-dan"))
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "a.md:4: error: this article and b.md would have the same address" in err, err
    assert "b.md:4: error:" in err
    assert (
        fixes(err)["b.md"] == "change the line to 'slug: hop-dan-2': a.md keeps /2020/01/hop-dan/"
    )
    assert "add a line" not in err


def fixes(err: str) -> dict[str, str]:
    """The "how to fix" of each file's message, by the file's name."""
    found = re.findall(r"(?m)^.*/([^/\n]+\.md):[\d:]+ error: .*\n    how to fix: (.*)$", err)
    return dict(found)


def test_following_the_hints_of_articles_at_one_address_ends_the_clash(site, capsys):
    """Three articles with one title in a month, and a fourth whose own address is the
    first suffix's (dong-du-2): each hint, followed as it says, gives an address of its
    own, and the next build passes."""
    for name, title in (("c", "Đông Du"), ("a", "Đồng Du"), ("b", "Đông Du!"), ("d", "Đông Du 2")):
        site.add(f"2020/01/{name}.md", article(title, "2020-01-05 08:00"))
    assert site.build() == 1
    hints = fixes(capsys.readouterr().err)
    assert set(hints) == {"a.md", "b.md", "c.md"}, hints
    assert "keeps the address" in hints["a.md"], hints
    for name in ("b", "c"):
        line = re.fullmatch(
            r"add a line '(slug: [a-z0-9-]+)' below its title.*a\.md keeps.*", hints[f"{name}.md"]
        )
        assert line, hints
        path = site.content / "2020" / "01" / f"{name}.md"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\ndate:", f"\n{line[1]}\ndate:", 1), encoding="utf-8")
    assert site.build() == 0, capsys.readouterr().err


def test_html_in_titles_summaries_and_tags_is_shown_as_text(site):
    site.add(
        "x.md",
        article(
            '"<script>alert(1)</script> Tin"',
            "2020-01-02 08:00",
            summary='"<b>tóm tắt</b>"',
            tags='["<img src=x onerror=alert(1)>"]',
        ),
    )
    assert site.build() == 0
    for page in site.output.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # What the article wrote, not a fork's own (a logo's <img> in the header).
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>" not in html
    article_page = next(site.output.glob("2020/01/*/index.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Tin" in article_page
    assert "&lt;img src=x onerror=alert(1)&gt;" in article_page


def test_every_printed_value_is_escaped_as_markupsafe_escapes_it(site):
    """Pages print values through jinjaenv._escape_output, not markupsafe.escape itself
    (speed): the five characters come out as MarkupSafe writes them, from the front
    matter, site.yaml and strings.yaml (its words are a subclass of str) alike."""
    odd = """Tom & Jerry <b> "x" 'y'"""
    escaped = str(escape(odd))
    assert escaped == "Tom &amp; Jerry &lt;b&gt; &#34;x&#34; &#39;y&#39;"
    site.configure(title=odd)
    strings = site.root / "templates" / "strings.yaml"
    words = yaml.safe_load(strings.read_text(encoding="utf-8"))
    words["home"] = odd
    strings.write_text(yaml.safe_dump(words, allow_unicode=True), encoding="utf-8")
    quoted = odd.replace('"', '\\"')
    site.add(
        "x.md",
        article(
            f'"{quoted}"',
            "2020-01-02 08:00",
            summary=f'"{quoted}"',
            author=f'"{quoted}"',
            category=f'"{quoted}"',
            tags=f'["{quoted}"]',
        ),
    )
    assert site.build() == 0
    article_page = next(site.output.glob("2020/01/*/index.html")).read_text(encoding="utf-8")
    home = site.read("index.html")
    for html, printed in ((article_page, 9), (home, 6)):  # title, words, fields
        assert "<b>" not in html and html.count(escaped) >= printed
    assert f"<title>{escaped} \u2013 {escaped}</title>" in article_page
    assert f'<span itemprop="name">{escaped}</span>' in article_page
    assert f"<p>{escaped}</p>" in home  # the summary


@pytest.mark.parametrize(
    "value", ["", "a&b", "<\"'>", "Tiếng Việt", 7, None, Markup("<b>x</b>"), uistrings._Text("&")]
)
def test_escape_output_is_markupsafe_escape(value):
    assert jinjaenv._escape_output(value) == escape(value)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("title: Lưu trữ\nper_page: mười\n", ["site.yaml:2", "per_page"]),
        # Not a site named "Lưu trữ tin tức" on every page, without its "#2".
        (
            "title: Lưu trữ tin tức #2\n",
            ["site.yaml:1:24:", "'title' would be only 'Lưu trữ tin tức'"],
        ),
        # An empty name built a site whose pages had <title></title>, an empty link in
        # their header and feeds without a title.
        ('title: ""\n', ["site.yaml:1: error: the site's title is empty", "title: Lưu trữ"]),
        ("title: '  '\n", ["site.yaml:1: error: the site's title is empty"]),
        # A no-break space after a key (see BAD_INPUTS): said at the line below.
        (
            "title:\u00a0Lưu trữ\nlanguage: vi\n",
            ["site.yaml:1:7:", "the space after 'title:' is a no-break space (U+00A0)"],
        ),
        # A portal category mapped twice: import used the second in silence.
        (
            "title: Lưu trữ\nimport_categories:\n  TIN TỨC: Tin tức\n  TIN TỨC: Thời sự\n",
            ["site.yaml:4:3:", "'TIN TỨC' is given twice (first on line 3)"],
        ),
    ],
)
def test_a_broken_site_yaml_names_its_line(site, capsys, text, said):
    (site.root / "site.yaml").write_text(text, encoding="utf-8")
    site.add("a.md", GOOD)
    assert site.build() == 1
    err = capsys.readouterr().err
    assert all(fragment in err for fragment in said), err
    assert not site.output.exists()


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("timezone: 7", "write e.g. timezone: Asia/Ho_Chi_Minh"),
        ("language: 123", "write e.g. language: vi"),
    ],
)
def test_a_number_for_a_zone_or_language_is_given_a_hint_that_works(site, capsys, line, hint):
    """Not 'put the value in double quotes: timezone: "7"', which is the next error."""
    (site.root / "site.yaml").write_text(f"title: Lưu trữ\n{line}\n", encoding="utf-8")
    site.add("a.md", GOOD)
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "site.yaml:2: error: " in err and f"how to fix: {hint}" in err, err
    fixed = hint.removeprefix("write e.g. ")  # as the hint says: then it builds
    (site.root / "site.yaml").write_text(f"title: Lưu trữ\n{fixed}\n", encoding="utf-8")
    assert site.build("--quiet") == 0


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_control_character_in_site_yaml_names_its_line(site, capsys, command):
    config = site.root / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "banner: Lưu trữ\x0b\n")
    lines = config.read_text(encoding="utf-8").count("\n")
    site.add("a.md", GOOD)
    assert main([command, "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert f"site.yaml:{lines}:16: error: the invisible control character U+000B" in err
    assert "internal error" not in err


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("khong-co.yaml", "does not exist"),
        ("content", "is a folder, not a file"),
        ("site.yml", "does not exist: did you mean"),  # .yml: it said "does not exist", no more
    ],
)
def test_a_config_option_that_names_no_file_says_what_it_names(site, capsys, given, said):
    with pytest.raises(SystemExit) as stop:
        main(["build", "--config", str(site.root / given)])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert f"newsarchive: error: config file {site.root / given} {said}" in err, err
    assert not site.output.exists()


@pytest.mark.parametrize("port", ["99999", "-1", "abc", "0x50"])
def test_a_port_that_is_none_is_a_usage_error(site, capsys, port):
    """99999 crashed as an internal error (bind(): port must be 0-65535); 'abc' was told
    "invalid _port value", the name of a function, not what to give."""
    with pytest.raises(SystemExit) as stop:
        main(["serve", "--config", str(site.root / "site.yaml"), "--port", port])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "argument --port" in err and "internal error" not in err, err
    assert f"{port} is not a port: give one from 1 to 65535" in err, err


def test_an_empty_value_in_site_yaml_means_the_default(site, capsys):
    config = site.root / "site.yaml"
    kept = [line for line in config.read_text(encoding="utf-8").splitlines() if ":" in line]
    kept = [line for line in kept if not line.startswith(("banner", "description", "per_page"))]
    empty = ["banner:", "description:", "original_site:", "per_page:", "static_dir:"]
    config.write_text("\n".join([*kept, *empty]) + "\n", encoding="utf-8")
    site.add("a.md", GOOD)
    assert site.build() == 0, capsys.readouterr().err
    home = site.read("index.html")
    assert "None" not in home
    assert "css/site.css" in home and (site.output / "css" / "site.css").is_file()


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("https://", "no host name"),
        ('"https://x.org/a b/"', "holds a space"),
        ("https://x.org/?q=1", "query"),
        ("https://x.org/#frag", "fragment"),
        ("https://x.org:port/", "port"),
        # The home page's address copied from the browser bar.
        ("https://x.org/repo/index.html", "the folder its pages are in, https://x.org/repo/"),
        # Published in every canonical link and feed entry.
        ("https://editor:secret@x.org/", "user name or password"),
        # Written into every canonical link, feed entry and sitemap address.
        ("https://x.github.io//repo/", "has // in its path"),
    ],
)
def test_base_url_must_be_a_whole_address(site, capsys, base_url, expected):
    config = site.root / "site.yaml"
    good = config.read_text(encoding="utf-8")
    kept = [line for line in good.splitlines() if not line.startswith("base_url")]
    config.write_text("\n".join([*kept, f"base_url: {base_url}"]) + "\n", encoding="utf-8")
    site.add("a.md", GOOD)
    assert site.build() == 1
    err = capsys.readouterr().err
    assert f"site.yaml:{len(kept) + 1}: error: base_url" in err and expected in err
    assert "secret" not in err  # a password is not printed into a CI log
    assert not site.output.exists()

    config.write_text(good, encoding="utf-8")
    written = base_url.strip('"')
    with pytest.raises(SystemExit) as stopped:
        main(["build", "--config", str(config), "--base-url", written])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert expected in err and "secret" not in err


@pytest.mark.parametrize("given", ["site.yaml", "--base-url"])
def test_a_base_url_in_capitals_is_the_same_address_in_small_letters(site, given):
    """HTTPS://Someone.GitHub.io/Repo/ was refused as "not a web address": the scheme and
    the host are the same in any letter case, and are written in small letters; the
    path is kept as it is (GitHub Pages' project paths are case-sensitive)."""
    site.add("a.md", GOOD)
    written = "HTTPS://Someone.GitHub.io/Hoan-Kiem//"  # final slashes: one is kept
    args = ["--base-url", written] if given == "--base-url" else []
    if not args:
        site.configure(base_url=written)
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "build", *args],
        cwd=site.root,
        capture_output=True,
        text=True,
        env=SUBPROCESS_ENV,
    )
    assert result.returncode == 0, result.stderr
    canonical = re.search(r'<link rel="canonical" href="([^"]*)"', site.read("index.html"))
    assert canonical and canonical[1] == "https://someone.github.io/Hoan-Kiem/"
    assert "Sitemap: https://someone.github.io/Hoan-Kiem/sitemap.xml" in site.read("robots.txt")


TEMPLATE_PROBLEMS = {
    "undefined": (b"{{ no_such_var }}\n", "'no_such_var' is undefined (making the page /"),
    # The fix was "correct the template at this line", with no word of the names there are.
    "undefined-misspelt": (
        b"{{ sit.title }}\n",
        "how to fix: did you mean 'site'? this page's template is given ",
    ),
    "undefined-own-value": (
        b"{{ hotline }}\n",
        "a value of your own goes under params: in site.yaml (site.params.hotline)",
    ),
    # base.html serves every page: the fix was a value under params: in site.yaml.
    "undefined-other-kind": (
        b"{{ article.title }}\n",
        "'article' is given to some kinds of page only, not to this one, and this template "
        "serves both (as base.html serves every page): write {% if article is defined %}",
    ),
    "runtime": (b"{{ 1/0 }}\n", "ZeroDivisionError: division by zero (making the page /"),
    "not-utf8": ("<p>Hà</p>\n".encode("latin-1"), "is not UTF-8 text"),
    # Jinja said "'newsarchive.content.Article object' has no attribute 'titel'".
    "misspelt": (
        b"{% if article is defined %}{{ article.titel }}{% endif %}\n",
        "'titel': Article has no such name (making the page /2020/01/bai-viet-tot/)\n"
        "    how to fix: did you mean 'title'? Article has: aliases, author,",
    ),
    # A fork's own value asked of an object without its params.: where that value goes.
    "own-value-of-an-article": (
        b"{% if article is defined %}{{ article.photographer }}{% endif %}\n",
        "how to fix: a value of your own: write article.params.photographer, under params: in "
        "the article's front matter; Article has: aliases,",
    ),
    "own-value-of-the-site": (
        b"{{ site.phone_number }}\n",
        "how to fix: a value of your own: write site.params.phone_number, under params: in "
        "site.yaml; SiteConfig has: ",
    ),
    "syntax": (b"{% if %}\n", "how to fix: fix the template at this line (see the Jinja2"),
    # Jinja said "'sidebar.html' not found in search path: '/home/…/templates'", and the fix
    # "correct the template at this line", to a maintainer who had not made the file yet.
    "include-missing": (
        b'{% include "sidebar.html" %}\n',
        "there is no template sidebar.html in the templates folder (templates/) (making the page /",
    ),
    "include-misspelt": (
        b'{% import "_macro.html" as x %}\n',
        "how to fix: did you mean '_macros.html'? correct the name, or make templates/_macro.html",
    ),
    # Jinja named "TemplateModule", with an empty list of names.
    "macro": (
        b'{{ m.breadcrumb([("a", "b")]) }}\n',
        "'breadcrumb': the template imported has no macro of that name",
    ),
    # Not "add the key (for site.params.x ...)", as for a dict.
    "of-text": (
        b"{% if article is defined %}{{ article.category.nmae }}{% endif %}\n",
        "'nmae': str has no such name (making the page /2020/01/bai-viet-tot/)\n"
        "    how to fix: correct the name: what comes before the dot is a value",
    ),
}


def test_a_tag_left_open_names_the_line_that_opens_it(site, capsys, monkeypatch):
    """An {% if %} without its {% endif %}: Jinja said so at the line where the block
    around it ends ({% endblock %}, many lines below), "the innermost block that needs
    to be closed is 'if'", and the fix was to correct that line."""
    monkeypatch.chdir(site.root)
    template = site.root / "templates" / "article.html"
    lines = template.read_text(encoding="utf-8").split("\n")
    opened = next(n for n, line in enumerate(lines, 1) if line == "{% block head %}") + 1
    lines.insert(opened - 1, "{% if article.tags %}")
    template.write_text("\n".join(lines), encoding="utf-8")
    site.add("a.md", GOOD)
    assert site.build("--jobs", "1") == 1
    err = capsys.readouterr().err
    assert "templates/article.html:" in err, err
    assert f"The {{% if %}} left open is at line {opened}." in err, err
    assert f"close the {{% if %}} of line {opened} with {{% endif %}}" in err, err


@pytest.mark.parametrize("name", sorted(TEMPLATE_PROBLEMS))
def test_a_template_problem_names_the_template_and_its_line(site, capsys, monkeypatch, name):
    # Run from the site's folder, as an archivist does, so files are named from it.
    monkeypatch.chdir(site.root)
    added, expected = TEMPLATE_PROBLEMS[name]
    base = site.root / "templates" / "base.html"
    line = base.read_bytes().count(b"\n") + 1
    base.write_bytes(base.read_bytes() + added)
    site.add("a.md", GOOD)
    assert site.build("--jobs", "1") == 1
    err = capsys.readouterr().err
    assert f"templates/base.html:{line}" in err, err
    assert expected in err and "internal error" not in err


@pytest.mark.parametrize(
    ("name", "old", "new", "said"),
    [
        (
            "withdrawn.html",
            "{{ t.withdrawn_text }}",
            "{{ t.withdrawn_txt }}",
            "strings.yaml has no key 'withdrawn_txt'",
        ),
        ("redirect.html", "{{ site.language }}", "{{ site_typo.language }}", "'site_typo'"),
    ],
)
def test_a_mistake_in_a_template_no_page_uses_yet_is_found_when_it_is_made(
    site, capsys, name, old, new, said
):
    """withdrawn.html (redirect.html) is used by no page until an article is taken down
    (given an old address): a mistake in it passed every build and `check`, and stopped
    the editor's takedown months later, in a template the editor had not touched."""
    site.add("a.md", GOOD)
    assert site.build("--quiet") == 0
    before = tree(site.output)
    template = site.root / "templates" / name
    text = template.read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    template.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert site.build("--quiet") == 1
    err = capsys.readouterr().err
    assert f"templates/{name}:{line}: error: template problem:" in err, err
    assert said in err and f"no page of the site is made with {name} yet" in err
    assert tree(site.output) == before
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 1
    template.write_text(text, encoding="utf-8")
    assert site.build("--quiet") == 0


def test_a_macro_given_a_wrong_value_names_the_line_that_called_it(site, capsys):
    """{{ m.published(page) }} added to base.html: the error named only _macros.html,
    which the maintainer had not touched."""
    base = site.root / "templates" / "base.html"
    line = base.read_bytes().count(b"\n") + 1
    base.write_bytes(base.read_bytes() + b"{{ m.published(page) }}\n")
    site.add("a.md", GOOD)
    assert site.build("--jobs", "1") == 1
    err = capsys.readouterr().err
    assert "templates/_macros.html:" in err, err
    assert f"(in a macro, called at base.html, line {line})" in err


STRINGS_PROBLEMS = {
    # YAML finds the missing ] at the end of the file; the [ on the last line is named.
    "broken-yaml": (
        lambda text: text + "site_nav: [a\n",
        ":{last}:11:",
        "broken YAML: this [ is not closed on its line",
    ),
    "a-list": (lambda text: "- a\n- b\n", ":1:", "'key: value' lines"),
    "duplicate-key": (
        lambda text: text + text.split("\n")[-2] + "\n",
        ":{last}:",
        "given twice",
    ),
    "control-character": (lambda text: text + "x: a\x0bb\n", ":{last}:5:", "U+000B"),
}


@pytest.mark.parametrize("name", sorted(STRINGS_PROBLEMS))
def test_a_strings_yaml_problem_names_its_line(site, capsys, name):
    change, where, expected = STRINGS_PROBLEMS[name]
    strings = site.root / "templates" / "strings.yaml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(change(text), encoding="utf-8")
    last = strings.read_text(encoding="utf-8").count("\n")
    site.add("a.md", GOOD)
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "templates/strings.yaml" + where.format(last=last, next=last + 1) in err, err
    assert expected in err and "internal error" not in err


@pytest.mark.parametrize(
    ("key", "value", "said", "fix"),
    [
        # The menu of every page read ['Trang nhà'].
        (
            "home",
            "[Trang nhà]",
            "'home' is a list, and ",
            'write it as one text: home: "Trang nhà"',
        ),
        ("archive", "\n  name: Lưu trữ", "'archive' is a group of keys", 'archive: "Lưu trữ"'),
        # Published on every page as written.
        (
            "footer_note",
            "Liên hệ {email}.",
            "'footer_note' has the placeholder {email}, which the pages do not fill in",
            "the pages show it as it is: take the placeholder out",
        ),
        ("footer_note", "Bản lưu { tĩnh", "'footer_note' has a placeholder that", "twice: {{"),
    ],
)
def test_a_word_shown_as_it_is_that_would_show_wrong_is_named(site, capsys, key, value, said, fix):
    strings = site.root / "templates" / "strings.yaml"
    lines = strings.read_text(encoding="utf-8").split("\n")
    line = next(n for n, row in enumerate(lines, 1) if row.startswith(f"{key}:"))
    lines[line - 1] = f"{key}: {value}"
    strings.write_text("\n".join(lines), encoding="utf-8")
    site.add("a.md", GOOD)
    assert site.build() == 1
    err = capsys.readouterr().err
    assert f"templates/strings.yaml:{line}: error: {said}" in err, err
    assert fix in err and not site.output.exists()


def test_a_t_of_the_templates_own_shown_as_it_is_is_not_a_word_of_strings_yaml(site, capsys):
    """`{% for t in tags %}{{ t.muc }}`: the loop's t.muc was taken for the list `muc:` of
    strings.yaml shown as a text, and the build stopped on a template that was right."""
    strings = site.root / "templates" / "strings.yaml"
    strings.write_text(strings.read_text(encoding="utf-8") + "muc: [Một, Hai]\n", encoding="utf-8")
    base = site.root / "templates" / "base.html"
    base.write_text(
        base.read_text(encoding="utf-8").replace(
            "</body>",
            "{% for x in t.muc %}<i>{{ x }}</i>{% endfor %}"
            '{% for t in [{"muc": "riêng"}] %}<b>{{ t.muc }}</b>{% endfor %}</body>',
        ),
        encoding="utf-8",
    )
    site.add("a.md", GOOD)
    assert site.build() == 0, capsys.readouterr().err
    assert "<i>Một</i><i>Hai</i><b>riêng</b>" in site.read("index.html")


def test_a_strings_yaml_that_is_not_utf8_is_a_message(site, capsys):
    strings = site.root / "templates" / "strings.yaml"
    strings.write_bytes(strings.read_bytes() + "x: Hà\n".encode("latin-1"))
    site.add("a.md", GOOD)
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "strings.yaml" in err and "not UTF-8" in err and "internal error" not in err


@pytest.mark.parametrize("entry", [["build.py"], ["-m", "newsarchive"]])
def test_ctrl_c_while_the_program_loads_says_stopped_without_a_traceback(tmp_path, entry):
    """Ctrl+C in the first fraction of a second (Python loading our libraries) stops it
    like Ctrl+C later: one line, exit 130. A library that raises KeyboardInterrupt as it
    is imported stands in for the key, at a moment no timer could hit every time."""
    stub = tmp_path / "stub"
    stub.mkdir()
    (stub / "jinja2.py").write_text("raise KeyboardInterrupt\n")
    command = [sys.executable, *entry]
    if entry == ["build.py"]:
        command[1] = str(REPO / "build.py")
    env = {**SUBPROCESS_ENV, "PYTHONPATH": f"{stub}{os.pathsep}{REPO}"}
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 130
    assert result.stderr == "\nnewsarchive: stopped; the site was not changed\n"


def warnings_of(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": warning: " in line]


def test_an_article_without_text_is_said_at_every_build(site, capsys):
    """Published with only its title and date, and `check` said "no problems"."""
    empty = site.add("2020/01/trong.md", "---\ntitle: Bài không nội dung\ndate: 2020-01-02\n---\n")
    site.add("2020/01/nghi.md", article("Đã gỡ", "2020-01-03", "", withdrawn="2026-03-05"))
    site.add("2020/01/nhap.md", article("Bản nháp", "2020-01-04", "", draft="true"))
    site.add("2020/01/tot.md", GOOD)
    said = (
        f"{empty}:4: warning: the article has no text below its front matter: its page "
        "shows only its title and date"
    )
    for _ in range(2):  # not only by the build that reads the file
        assert site.build() == 0
        assert warnings_of(capsys.readouterr().err) == [said]
    assert main(["check", "--config", str(site.root / "site.yaml")]) == 0
    assert said in capsys.readouterr().err
    empty.write_text(empty.read_text(encoding="utf-8") + "\nNội dung.\n", encoding="utf-8")
    assert site.build() == 0
    assert warnings_of(capsys.readouterr().err) == []


def test_an_article_dated_after_the_build_is_said(site, capsys):
    """`date: 2099-04-19` for 2019: listed above every article, with no word."""
    ahead = site.add("2019/04/tin.md", article("Tin", "2099-04-19 16:54"))
    site.add("2019/04/nhap.md", article("Nháp", "2099-04-20 08:00", draft="true"))
    site.add("2019/04/tot.md", GOOD)
    assert site.build() == 0
    warnings = warnings_of(capsys.readouterr().err)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(
        f"{ahead}:3: warning: the article is dated 19/04/2099 16:54, after this build ("
    )
    assert warnings[0].endswith(
        "it is listed first, above every article, and published under 2099/04"
    )


def test_a_takedown_or_correction_dated_after_the_build_is_said(site, capsys):
    """`withdrawn: 2031-03-05` for 2021: the notice told readers the article "was removed
    on 05/03/2031", with no word to the editor; a correction's day so, on the page and in
    the sitemap's date of its last change."""
    gone = site.add(
        "2020/04/go.md", "---\ntitle: Tin gỡ\ndate: 2020-04-19\nwithdrawn: 2031-03-05\n---\n"
    )
    fixed = site.add(
        "2020/04/sua.md",
        "---\ntitle: Tin sửa\ndate: 2020-04-20\ncorrections:\n  - date: 2026-01-02\n"
        "    text: a\n  - date: 2099-01-02\n    text: b\n---\nNội dung.\n",
    )
    site.add("2019/04/tot.md", GOOD)
    assert site.build() == 0
    warnings = warnings_of(capsys.readouterr().err)
    assert [w.split(": warning: ")[0] for w in warnings] == [f"{gone}:4", f"{fixed}:4"]
    assert (
        warnings[0]
        .split(": warning: ")[1]
        .startswith("the takedown under 'withdrawn' is dated 05/03/2031, after this build (")
    )
    assert (
        warnings[1]
        .split(": warning: ")[1]
        .startswith("the correction under 'corrections' is dated 02/01/2099, after this build (")
    )


def test_an_article_file_that_cannot_be_read_is_named_with_every_other_problem(
    site, capsys, monkeypatch
):
    """A file without read permission (copied from another user's account, or from a
    phone's storage) was reported as a fault of the output folder, "make the folder
    writable, or choose another --output", and hid every other problem of the content."""
    import errno

    from newsarchive import sources

    site.add("tot.md", GOOD)
    assert site.build("--quiet") == 0
    before = tree(site.output)
    locked = site.add("khoa.md", article("Bài bị khóa", "2020-01-03 08:00"))
    site.add("hong.md", "---\ntitle: Hỏng\n---\nText\n")
    real = sources.read_bytes

    def read_bytes(path):
        if os.fspath(path) == str(locked):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real(path)

    monkeypatch.setattr(sources, "read_bytes", read_bytes)
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "khoa.md: error: cannot be read: Permission denied" in err, err
    assert "--output" not in err, err
    assert "hong.md" in err, err  # the other problems are still said
    assert tree(site.output) == before


def test_a_site_yaml_that_cannot_be_read_is_a_message(site, capsys, monkeypatch):
    """site.yaml without read permission stopped the build as a bug ("internal error",
    a traceback saved) instead of naming the file."""
    import errno
    from pathlib import Path

    real = Path.read_bytes

    def read_bytes(path):
        if path.name == "site.yaml":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "site.yaml: error: cannot write or read here: Permission denied" in err, err
    assert "internal error" not in err, err


def test_a_page_or_static_file_that_cannot_be_read_is_not_blamed_on_the_output(site):
    """A page of content/pages/ or a static file without read permission was said as
    "make the folder writable, or choose another --output": the output was fine."""
    import shutil

    site.add("tot.md", GOOD)
    site.add("pages/gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nText\n")
    command = [sys.executable, str(REPO / "build.py"), "--config", str(site.root / "site.yaml")]
    if os.geteuid() == 0:  # root reads every file: drop the powers that let it
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv is needed to read as a user does")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    assert subprocess.run(command, env=SUBPROCESS_ENV, capture_output=True).returncode == 0
    for locked in (site.content / "pages" / "gioi-thieu.md", site.root / "static" / "favicon.svg"):
        locked.chmod(0)
        done = subprocess.run(command, env=SUBPROCESS_ENV, capture_output=True, text=True)
        locked.chmod(0o644)
        assert done.returncode == 1, done.stderr
        assert f"{locked.name}: error: cannot write or read here: Permission denied" in done.stderr
        assert "you may not read it: make it readable" in done.stderr, done.stderr
        assert "--output" not in done.stderr, done.stderr


def test_a_cache_that_cannot_be_written_is_not_blamed_on_the_output(site, capsys, monkeypatch):
    """A .cache/ left owned by root by one `sudo python3 build.py` stopped every build
    after it with "make the folder writable, or choose another --output": another
    output changes nothing, the cache is written all the same."""
    import errno
    from pathlib import Path

    site.add("tot.md", GOOD)
    assert site.build("--quiet") == 0
    before = tree(site.output)
    site.add("moi.md", article("Bài mới", "2020-01-03 08:00"))
    real = Path.write_bytes

    def write_bytes(path, data):
        if ".cache" in path.parts:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "Permission denied" in err and "--output" not in err, err
    assert "--no-cache" in err, err
    assert tree(site.output) == before
    assert site.build("--quiet", "--no-cache") == 0


def test_a_file_where_the_cache_folder_goes_is_named_with_the_fix(site, capsys):
    """`.cache` made as an empty file (touch, an editor's new file) stopped every build with
    "cannot write or read here: Not a directory" at a path inside it, and "check this
    file and its folder": the file to rename was not said."""
    site.add("tot.md", GOOD)
    assert site.build("--quiet", "--no-cache") == 0
    before = tree(site.output)
    (site.root / ".cache").write_bytes(b"")
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "is a file where the build needs a folder of that name: rename or delete it" in err
    assert str(site.root / ".cache") in err or ".cache is a file" in err, err
    assert tree(site.output) == before
    (site.root / ".cache").unlink()
    assert site.build("--quiet") == 0


# Python-Markdown 3.11.4 stops nesting lists short of the interpreter's recursion limit,
# the deeper markers kept as text; older ones recursed until Python's RecursionError.
NESTS_SHORT_OF_THE_LIMIT = markdown.__version_info__ >= (3, 11, 4)


def test_text_nested_hundreds_of_levels_deep_builds_or_names_its_file(site, capsys):
    """A list nested hundreds of levels deep (text pasted with its indentation grown
    line by line) stopped the build as a bug: Python-Markdown's RecursionError, "internal
    error", a traceback saved. With a Python-Markdown that stops nesting short of the
    limit the article builds, every line of it kept; with an older one it is a problem of
    the article, at its file, and the site stays as it was."""
    site.add("tot.md", GOOD)
    assert site.build("--quiet") == 0
    before = tree(site.output)
    nested = "".join("  " * depth + "- mục\n" for depth in range(600))
    site.add("sau.md", article("Danh sách lồng nhau", "2020-01-03 08:00", nested))
    for jobs in ("1", "2"):
        code = site.build("--jobs", jobs)
        err = capsys.readouterr().err
        assert "internal error" not in err, err
        if NESTS_SHORT_OF_THE_LIMIT:
            assert code == 0, err
            title = 'itemprop="headline">Danh sách lồng nhau<'
            [page] = [p for p in site.output.rglob("index.html") if title in p.read_text()]
            body = page.read_text(encoding="utf-8").split('class="article-body"', 1)[1]
            assert body.split("</div>", 1)[0].count("mục") == 600
        else:
            assert code == 1, err
            assert "sau.md: error: the text is nested too deeply" in err, err
            assert tree(site.output) == before


def test_a_text_the_converter_cannot_nest_so_deep_names_its_file(site, capsys, monkeypatch):
    """Whatever text makes Python-Markdown recurse past Python's limit (lists, with a
    Python-Markdown older than 3.11.4): a problem of the article, at its file, not an
    internal error, and the site as it was."""
    site.add("tot.md", GOOD)
    assert site.build("--quiet") == 0
    before = tree(site.output)
    site.add("sau.md", article("Danh sách lồng nhau", "2020-01-03 08:00", "- mục\n"))
    converted = renderer.to_html

    def recursing(converter, text, clean=False):
        if "mục" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return converted(converter, text, clean)

    monkeypatch.setattr(renderer, "to_html", recursing)
    assert site.build("--jobs", "1") == 1
    err = capsys.readouterr().err
    assert "sau.md: error: the text is nested too deeply" in err, err
    assert "internal error" not in err, err
    assert tree(site.output) == before


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_misnamed_file_is_said_with_every_other_files_problems(site, capsys, command):
    """A file named like an article (hai.MD, a7.md.txt) was the only problem said, and
    "1 problem(s) in 1 file(s)": the impossible date of another file, and the problems
    of every other file, showed only once it was renamed."""
    site.add("tot.md", GOOD)
    assert site.build("--quiet") == 0
    before = tree(site.output)
    capsys.readouterr()
    site.add("2021/05/mot.md", article("Một", "32/05/2021"))
    site.add("2021/05/hai.MD", article("Hai", "01/05/2021"))
    site.add("2021/05/a7.md.txt", article("Bảy", "01/05/2021"))
    site.add("2021/05/ba.md", BAD_INPUTS["unknown-key"][0])
    assert main([command, "--config", str(site.root / "site.yaml")]) == 1
    err = capsys.readouterr().err
    assert "hai.MD: error: this file is named like an article" in err, err
    assert "a7.md.txt: error: this file is named like an article" in err, err
    assert "mot.md:3:7: error: bad date: '32/05/2021' is not a real date" in err, err
    assert "ba.md:" in err, err
    assert "4 problem(s) in 4 file(s)" in err, err
    assert tree(site.output) == before


def test_a_control_character_does_not_hide_the_front_matters_other_problems(site, capsys):
    """YAML cannot read a front matter holding U+000B: only the character was said, and
    the list of tags parted by ';' two lines below showed once it was deleted. What the
    front matter says with the character deleted (as its fix says) is said with it, each
    column counted in the file as it is."""
    site.add("ba.md", '---\ntitle: "Ba\x0b"\ndate: 2021-05-01\ntags: [a; b]\n---\nText\x01\n')
    # YAML's own error, at the second quote: column 16 without the characters.
    site.add("bon.md", '---\ntitle: Bốn\nsummary: "x\x0by\x0bz" "w"\ndate: 2021-05-01\n---\n')
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "ba.md:2:11: error: the invisible control character U+000B" in err, err
    assert "ba.md:4: error: the tag 'a; b' holds a ';'" in err, err
    assert "ba.md:6:5: error: the invisible control character U+0001" in err, err
    assert "bon.md:3:12: error: the invisible control character U+000B" in err, err
    assert "bon.md:3:14: error: the invisible control character U+000B" in err, err
    assert "bon.md:3:18: error: broken YAML" in err, err
    assert "6 problem(s) in 2 file(s)" in err, err


@pytest.mark.parametrize(
    ("name", "kind"),
    [("x.html", "fifo"), ("strings.yaml", "fifo"), ("base.html", "zero")],
)
def test_a_pipe_or_device_in_templates_is_named_not_read_for_ever(site, name, kind):
    """A named pipe in templates/ (x.html, or strings.yaml) waited for a writer for ever,
    every build and check; base.html a link to /dev/zero read until memory ran out. Now
    a message names the file. In a process of its own, with a time and memory limit, so
    that a hang fails the test."""
    site.add("bai.md", GOOD)
    assert site.build("--quiet") == 0
    before = tree(site.output)
    path = site.root / "templates" / name
    path.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    for command in ("build", "check"):
        done = subprocess.run(
            [sys.executable, "-m", "newsarchive", command, "--quiet"],
            cwd=site.root,
            env=SUBPROCESS_ENV,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=_two_gib,
        )
        assert done.returncode == 1
        assert f"templates/{name}: error: this is not a file" in done.stderr
        assert "Traceback" not in done.stderr
    assert tree(site.output) == before


def _two_gib() -> None:
    """A memory limit for a process that might read /dev/zero: not the machine's."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2**31, 2**31))
