"""Small captured portals for the import tests, modelled on the Hanoi Liferay portals'
markup (see ../shared/import-samples/SOURCES.md): the title in
div.asset-full-content-title, the date as "07/10/2016 | 9:05 AM", the body in
div.journal-content-article, attachments under /documents/, a sidebar and a footer."""

import base64
import hashlib
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

HOST = "sotttt.hanoi.gov.vn"
# Bytes that are a JPEG and a PDF as far as the importer cares: it copies them as they are.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4
PDF = b"%PDF-1.4\n% Ke hoach\n" + b"0" * 300 + b"\n%%EOF\n"


@dataclass(frozen=True)
class Item:
    """One article of the portal."""

    article_id: int
    title: str
    day: str  # dd/mm/yyyy
    category: str = "tin-tuc"
    image: str = ""  # path on the host, e.g. /documents/10180/1/anh.jpg
    attachment: str = ""

    @property
    def path(self) -> str:
        slug = f"bai-viet-so-{self.article_id}"
        return f"/{self.category}/-/view_content/{self.article_id}-{slug}.html"

    @property
    def url(self) -> str:
        return f"https://{HOST}{self.path}"


def page_html(item: Item, links: str = "relative", comment: bool = False) -> str:
    """The article page; ``links``: "relative" (as mirrors rewrite them), "absolute-path"
    (as the portal served them, wget without --convert-links) or "full"."""
    depth = "../" * (item.path.count("/") - 1)

    def link(path: str) -> str:
        if links == "relative":
            return depth + path.lstrip("/")
        return path if links == "absolute-path" else f"https://{HOST}{path}"

    figure = f'<p><img src="{link(item.image)}" alt="Ảnh hội nghị"></p>' if item.image else ""
    attached = (
        f'<p>Tải về: <a href="{link(item.attachment)}">Kế hoạch (PDF)</a></p>'
        if item.attachment
        else ""
    )
    mirrored = (
        f"<!-- Mirrored from {HOST}{item.path} by HTTrack Website Copier/3.x "
        "[XR&CO'2014], Sat, 27 Aug 2022 05:00:08 GMT -->"
        if comment
        else ""
    )
    return f"""<!DOCTYPE html> <html class="aui ltr" dir="ltr" lang="vi-VN">
{mirrored}
<head><title>{item.title} - Sở Thông Tin Và Truyền Thông</title>
<meta property="og:title" content="{item.title}">
<meta content="text/html; charset=UTF-8" http-equiv="content-type" /></head>
<body>
<div id="main">
<div class="dd_chuyenmuc"><span class="trangchu"><a href="{link("/index.html")}">Home</a></span>
<span class="tintuc"><p>Hoạt động Đảng, Đoàn thể</p></span></div>
<div class="asset-full-content-title">{item.title}</div>
<div class="assetPublishDate block_timer"> {item.day} | 9:05 AM </div>
<div class="asset-full-content show-asset-title">
<div class="asset-content" id="_101_{item.article_id}">
<div class="journal-content-article">
<p>Sáng ngày {item.day}, Sở Thông tin và Truyền thông tổ chức hội nghị triển khai nhiệm vụ
công tác năm, với sự tham dự của lãnh đạo các phòng, ban và đơn vị trực thuộc Sở.</p>
{figure}
<p>Hội nghị đã thảo luận, thống nhất các giải pháp để hoàn thành kế hoạch đề ra, bảo đảm
đúng tiến độ và chất lượng; các đơn vị báo cáo kết quả trước ngày 30 hằng tháng.</p>
{attached}
</div></div></div>
</div>
<div class="footer"><p>Địa chỉ: 185 Giảng Võ, Hà Nội. Điện thoại: 024 3512 3456</p></div>
</body></html>
"""


# The pages HTTrack 3.49 writes itself: the index of its projects at the top of its
# output folder, and in each project a "Page has moved" page leading to the start page
# (its comment's year, 2014, is the only date on it).
HTTRACK_INDEX = """<!-- Mirror and index made by HTTrack Website Copier/3.49-2 [XR&CO'2014] -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta name="description" content="HTTrack is an easy-to-use website mirror utility. It allows
you to download a World Wide website from the Internet to a local directory, building
recursively all structures, getting html, images, and other files from the server." />
<title>Local index - HTTrack Website Copier</title></head><body>
<table><tr><td id="subTitle">HTTrack Website Copier - Open Source offline browser</td></tr>
</table><h1>Index of locally available sites:</h1>
<table><tr><td background="fade.gif">&middot; <a href="source/index.html">source</a></td></tr>
</table><br>Mirror and index made by HTTrack Website Copier [XR&amp;CO'2008]
</body><!-- Mirror and index made by HTTrack Website Copier/3.49-2 [XR&CO'2014] --></html>
"""
HTTRACK_MOVED = """<HTML>
<!-- Created by HTTrack Website Copier/3.49-2 [XR&CO'2014] -->
<HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8"><META
HTTP-EQUIV="Refresh" CONTENT="0; URL=tin-tuc/index.html"><TITLE>Page has moved</TITLE></HEAD>
<BODY><A HREF="tin-tuc/index.html"><h3>Click here...</h3></A></BODY>
<!-- Created by HTTrack Website Copier/3.49-2 [XR&CO'2014] --></HTML>
"""


LOGIN_PAGE = """<!DOCTYPE html><html lang="vi"><head><title>Đăng nhập</title></head>
<body><div id="main"><form action="/c/portal/login"><label>Tên đăng nhập
<input name="login"></label><button>Đăng nhập</button></form></div></body></html>
"""


def items(count: int, start: int = 700000) -> list[Item]:
    return [
        Item(
            start + n,
            f"Hội nghị triển khai công tác số {n + 1}",
            f"{1 + n % 27:02d}/{1 + n % 12:02d}/{2015 + n % 6}",
            image=f"/documents/10180/{n}/hoi-nghi-{n}.jpg",
        )
        for n in range(count)
    ]


def write_file(root: Path, rel: str, data: bytes | str) -> Path:
    path = root / rel.lstrip("/")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def httrack_tree(root: Path, portal: list[Item], media: dict[str, bytes]) -> Path:
    """HTTrack writes the pages under a folder of its project (renamed here, as in the
    shared sample) with its comment, and rewrites links to relative paths."""
    for item in portal:
        write_file(root / "source", item.path, page_html(item, "relative", comment=True))
    for path, data in media.items():
        write_file(root / "source", path, data)
    write_file(root / "source", "/so4t-theme/css/main.css", "body { color: black }")
    return root


def wget_tree(root: Path, portal: list[Item], media: dict[str, bytes]) -> Path:
    """wget --mirror writes HOST/PATH and, without --convert-links, keeps the links."""
    for item in portal:
        write_file(root / HOST, item.path, page_html(item, "absolute-path"))
    for path, data in media.items():
        write_file(root / HOST, path, data)
    write_file(root / HOST, "/c/portal/login.html", LOGIN_PAGE)
    return root


@dataclass(frozen=True)
class Response:
    """One HTTP response as a crawler records it in a WARC."""

    url: str
    data: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    location: str = ""  # a redirect's Location header
    encoding: str = ""  # its Content-Encoding header: ``data`` is already encoded so
    refers_to: str = ""  # a revisit record: the same bytes as the capture of this address
    date: str = ""  # its WARC-Date, when the test needs one (else the time it is written)
    truncated: str = ""  # its WARC-Truncated header: the crawler kept only part of it
    by_id: bool = False  # a revisit record naming its capture by WARC-Refers-To alone
    disposition: str = ""  # its Content-Disposition header (the file's name, by the server)
    chunked: bool = False  # sent in chunks (Transfer-Encoding), as wget records them


def warc_of(responses: list[Response]) -> bytes:
    """A gzipped WARC with a response record for each, in order."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    captured: dict[str, str] = {}  # the record id of each address
    for response in responses:
        headers = [("Content-Type", response.content_type)] if response.content_type else []
        headers += [("Location", response.location)] if response.location else []
        headers += [("Content-Encoding", response.encoding)] if response.encoding else []
        headers += [("Content-Disposition", response.disposition)] if response.disposition else []
        headers += [("Transfer-Encoding", "chunked")] if response.chunked else []
        http = StatusAndHeaders(response.status, headers, protocol="HTTP/1.1")
        data = response.data
        if response.chunked:  # two chunks: the body's first byte alone, then the rest
            parts = [data[:1], data[1:]] if len(data) > 1 else [data]
            data = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in parts if c) + b"0\r\n\r\n"
        if response.refers_to:  # as wget --warc-dedup writes it: headers, no payload
            digest = "sha1:" + base64.b32encode(hashlib.sha1(response.data).digest()).decode()
            record = writer.create_revisit_record(
                response.url, digest, response.refers_to, "2024-01-01T00:00:00Z", http_headers=http
            )
        else:
            record = writer.create_warc_record(
                response.url, "response", payload=io.BytesIO(data), http_headers=http
            )
        if response.date:
            record.rec_headers.replace_header("WARC-Date", response.date)
        if response.truncated:
            record.rec_headers.add_header("WARC-Truncated", response.truncated)
        if response.by_id:
            record.rec_headers.remove_header("WARC-Refers-To-Target-URI")
            record.rec_headers.add_header("WARC-Refers-To", captured[response.refers_to])
        captured[response.url] = record.rec_headers.get_header("WARC-Record-ID")
        writer.write_record(record)
    return out.getvalue()


def warc_bytes(portal: list[Item], media: dict[str, bytes], extra: dict[str, str]) -> bytes:
    """A gzipped WARC with a response record per page and per media file, as a crawler
    writes it (the pages link to their media by full address)."""
    responses = [Response(i.url, page_html(i, "full").encode("utf-8")) for i in portal]
    for path, data in media.items():
        kind = "application/pdf" if path.endswith(".pdf") else "image/jpeg"
        responses.append(Response(f"https://{HOST}{path}", data, kind))
    responses += [Response(url, html.encode("utf-8")) for url, html in extra.items()]
    responses.append(Response(f"https://{HOST}/so4t-theme/css/main.css", b"body{}", "text/css"))
    return warc_of(responses)


def brotli_stored(data: bytes) -> bytes:
    """``data`` as a Brotli stream (RFC 7932) of one uncompressed meta-block, as valid as
    any other, made without the brotli package: a window-size bit (16), ISLAST 0, four
    nibbles of MLEN-1, ISUNCOMPRESSED 1, padding to the byte, the bytes, then an empty
    last meta-block (ISLAST 1, ISLASTEMPTY 1)."""
    assert 0 < len(data) <= 1 << 16
    header = ((len(data) - 1) << 4) | (1 << 20)
    return header.to_bytes(3, "little") + data + b"\x03"


def windows_1258(text: str) -> bytes:
    """The text as an old Vietnamese Windows page has it: Windows-1258 has few letters
    with a tone mark, so the tone follows its letter as a combining character."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += (letter + "".join(c for c in parts if c in tones)).encode("cp1258")
    return bytes(out)


def wacz_bytes(warc: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("archive/data.warc.gz", warc, compress_type=zipfile.ZIP_STORED)
        archive.writestr("datapackage.json", '{"profile": "data-package", "resources": []}')
        archive.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0"}\n')
    return out.getvalue()
