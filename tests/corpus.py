"""A generated fixture corpus for browsing tests, and the expected answers computed
from it independently of newsarchive (plain sorting of the entries below).

Forty-two articles from 2018 to 2021 in four categories (a few with none), seven
tags (one also spelled with a capital), two articles published at the same minute,
and old CMS addresses (aliases) on some.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# name -> the slug an editor expects in the address
CATEGORIES = {
    "Tin tức - Sự kiện": "tin-tuc-su-kien",
    "Văn hóa - Xã hội": "van-hoa-xa-hoi",
    "Kinh tế": "kinh-te",
    "Đô thị": "do-thi",
}
TAGS = {
    "cán bộ": "can-bo",
    "quy hoạch": "quy-hoach",
    "giáo dục": "giao-duc",
    "y tế": "y-te",
    "phường Bạch Đằng": "phuong-bach-dang",
    "Đảng bộ": "dang-bo",
    "môi trường": "moi-truong",
}
TOPICS = [
    "Hội nghị triển khai nhiệm vụ",
    "Ra quân tổng vệ sinh môi trường",
    "Khai giảng năm học mới",
    "Tiêm chủng mở rộng",
    "Đối thoại với nhân dân",
    "Kiểm tra an toàn thực phẩm",
    "Tuyên dương gương người tốt",
]


def tag_slug(name: str) -> str:
    return TAGS.get(name) or TAGS[name.lower()]


@dataclass(frozen=True)
class Entry:
    slug: str
    title: str
    published: datetime
    category: str = ""
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return f"{self.published:%Y/%m}/{self.slug}/"

    @property
    def tag_slugs(self) -> set[str]:
        return {tag_slug(t) for t in self.tags}

    def markdown(self) -> str:
        lines = [
            "---",
            f'title: "{self.title}"',
            f"date: {self.published:%d/%m/%Y %H:%M}",
            f"slug: {self.slug}",
        ]
        if self.category:
            lines.append(f"category: {self.category}")
        if self.tags:
            lines.append(f"tags: [{', '.join(self.tags)}]")
        if self.aliases:
            lines.append(f"aliases: [{', '.join(self.aliases)}]")
        lines += ["---", "", f"Bài số {self.slug}: {self.title}. Nội dung bài viết.", ""]
        return "\n".join(lines)


def make_entry(i: int) -> Entry:
    start = datetime(2018, 1, 5, 8, 0, tzinfo=TZ)
    # Articles come in threes a few days apart, so most months hold several.
    published = start + timedelta(days=(i // 3) * 75 + (i % 3) * 6, hours=(i * 7) % 10)
    if i == 11:  # the same minute as article 10: ordered by slug
        published = make_entry(10).published
    categories = list(CATEGORIES)
    category = "" if i % 7 == 6 else categories[i % len(categories)]
    names = list(TAGS)
    tags: tuple[str, ...] = ()
    if i % 5:
        tags = tuple(dict.fromkeys([names[i % 7], names[(i * 3 + 1) % 7]]))
    if i % 2 and "cán bộ" in tags:  # a second spelling of the same tag
        tags = tuple("Cán bộ" if t == "cán bộ" else t for t in tags)
    aliases: tuple[str, ...] = ()
    if i % 4 == 0:
        aliases = (f"/tin-tuc-su-kien/bai-{i}-{1000 + i}.html",)
    if i % 9 == 0:
        aliases += (f"/tin-cu/{i}/",)
    title = f"{TOPICS[i % len(TOPICS)]} (bài {i})"
    return Entry(f"bai-{i:02d}", title, published, category, tags, aliases)


CORPUS = [make_entry(i) for i in range(42)]


def write_corpus(site, entries) -> None:
    for entry in entries:
        site.add(f"{entry.published:%Y/%m}/{entry.slug}.md", entry.markdown())


def oldest_first(entries) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.published, e.slug))


def newest_first(entries) -> list[Entry]:
    return oldest_first(entries)[::-1]
