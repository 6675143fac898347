"""One small, realistic archive built once per test session for the reader-facing
checks (browser, accessibility, HTML validity, weight): the seed article, an
article using every kind of Markdown an editor may write, and enough short
articles in several categories and years to fill a list page.
"""

from pathlib import Path

import pytest
from conftest import SiteDir, article
from serving import serve

BASE_URL = "https://user.github.io/repo/"
SUB_PATH = "repo"
RICH_URL = "2019/05/tuyen-duong-guong-nguoi-tot-viec-tot-nam-2019-o-phuong-bach-dang/"
# An article taken down: its address answers with a notice.
WITHDRAWN_URL = "2019/06/xu-phat-vi-pham-trat-tu-xay-dung/"

RICH_BODY = """
Sáng ngày 20/5/2019, **UBND phường Bạch Đằng** tổ chức hội nghị tuyên dương
các tập thể, cá nhân tiêu biểu. Xem thêm [kế hoạch của quận](https://example.gov.vn/ke-hoach-2019/so-123-KH-UBND-ngay-02-01-2019-ve-viec-trien-khai-phong-trao-thi-dua.html).

## Những gương mặt tiêu biểu

Năm nay có 24 cá nhân và 6 tập thể được khen thưởng:

- Bà Nguyễn Thị Hồng, tổ dân phố số 5, hơn 20 năm làm công tác hòa giải;
- Ông Trần Văn Dũng, người cao tuổi tích cực bảo vệ môi trường;
- Tập thể Trường Tiểu học Bạch Đằng.

### Số liệu khen thưởng

| STT | Hình thức | Tập thể | Cá nhân | Số quyết định | Ngày ký | Đơn vị đề nghị |
| ---: | --- | ---: | ---: | --- | --- | --- |
| 1 | Giấy khen của Chủ tịch UBND quận | 2 | 8 | 1234/QĐ-UBND | 15/5/2019 | Phòng Nội vụ |
| 2 | Giấy khen của Chủ tịch UBND phường | 4 | 16 | 56/QĐ-UBND | 16/5/2019 | UBND phường Bạch Đằng |

> Mỗi người dân là một tuyên truyền viên, mỗi gương người tốt là một bông hoa đẹp.

![Đại biểu trao giấy khen cho các cá nhân tiêu biểu tại hội trường](../../../img/hoi-nghi.svg)

1. Tiếp tục nhân rộng các mô hình hay;
2. Biểu dương kịp thời người tốt, việc tốt.

Địa chỉ liên hệ: <https://bachdang.hanoi.gov.vn/lien-he>.

[Xem chi tiết tại đây](https://example.gov.vn/ke-hoach-2019/ke-hoach-thi-dua.pdf)
"""

TOPICS = [
    ("Ra quân tổng vệ sinh môi trường hưởng ứng ngày Môi trường thế giới", "Đô thị"),
    ("Khai giảng năm học mới tại các trường mầm non trên địa bàn quận", "Văn hóa - Xã hội"),
    ("Tiêm chủng mở rộng cho trẻ em dưới 5 tuổi tại 20 phường", "Văn hóa - Xã hội"),
    ("Đối thoại với nhân dân về công tác giải phóng mặt bằng", "Tin tức - Sự kiện"),
    ("Kiểm tra an toàn thực phẩm dịp Tết Trung thu", "Kinh tế"),
    ("Hội nghị sơ kết công tác cải cách hành chính sáu tháng đầu năm", "Tin tức - Sự kiện"),
]

# A small picture, so the image (and its alt text) in RICH_BODY is real.
PICTURE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 300" width="640" height="300">'
    '<rect width="640" height="300" fill="#d9d3c7"/><rect x="40" y="180" width="560" height="80" '
    'fill="#8b1a1a"/><circle cx="200" cy="130" r="40" fill="#6b665e"/>'
    '<circle cx="440" cy="130" r="40" fill="#6b665e"/></svg>\n'
)


def fill(site: SiteDir) -> None:
    """The showcase content, added to a site folder."""
    site.add_seed()
    site.add(
        "2019/05/tuyen-duong.md",
        article(
            '"Tuyên dương gương người tốt, việc tốt năm 2019 ở phường Bạch Đằng"',
            "2019-05-20 09:30",
            RICH_BODY,
            category="Văn hóa - Xã hội",
            tags="[phường Bạch Đằng, thi đua khen thưởng]",
            author="Minh Anh",
            source_url="https://haibatrung.hanoi.gov.vn/tin-tuc-su-kien/tuyen-duong-2019.html",
            corrections="\n  - date: 2026-03-05\n    text: Sửa tên tổ dân phố của bà Nguyễn "
            "Thị Hồng, chép sai từ bản gốc.",
        ),
    )
    site.add(
        "2019/06/xu-phat.md",
        article(
            "Xử phạt vi phạm trật tự xây dựng",
            "2019-06-03 10:00",
            "",
            category="Đô thị",
            aliases="[/tin-tuc-su-kien/xu-phat-2019.html]",
            withdrawn="\n  date: 2026-03-05\n  reason: Gỡ theo yêu cầu của người có tên trong bài.",
        ),
    )
    img = site.root / "static" / "img" / "hoi-nghi.svg"
    img.parent.mkdir(parents=True, exist_ok=True)
    img.write_text(PICTURE, encoding="utf-8")
    for i in range(24):
        title, category = TOPICS[i % len(TOPICS)]
        year, month, day = 2018 + i % 2, i % 12 + 1, i % 27 + 1
        site.add(
            f"{year}/{month:02d}/tin-{i:02d}.md",
            article(
                f'"{title} (đợt {i + 1})"',
                f"{year}-{month:02d}-{day:02d} 08:{i:02d}",
                f"Nội dung tin số {i + 1}: {title.lower()}, do phòng Văn hóa và Thông tin quận "
                "đưa tin. Các đơn vị đã hoàn thành đúng kế hoạch đề ra.",
                category=category,
            ),
        )


@pytest.fixture(scope="session")
def showcase(tmp_path_factory) -> SiteDir:
    """The showcase archive, built once (with a GitHub Pages project base URL)."""
    site = SiteDir(Path(tmp_path_factory.mktemp("showcase")) / "site")
    fill(site)
    assert site.build("--quiet", "--base-url", BASE_URL) == 0
    return site


@pytest.fixture(scope="session")
def showcase_address(showcase: SiteDir):
    """The built showcase served over HTTP under /repo/, as GitHub Pages serves a project."""
    with serve(showcase.output, SUB_PATH) as address:
        yield address
