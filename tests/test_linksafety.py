"""linksafety.is_safe_url: the one rule for link and image addresses, checked directly."""

import pytest

from newsarchive.linksafety import is_safe_url

SAFE = [
    "https://example.org/a?b=c#d",
    "http://example.org",
    "HTTPS://EXAMPLE.ORG/",
    "mailto:ban@example.org",
    "tel:+84241234567",
    "../../2019/04/bai/",
    "bai.html",
    "#muc-1",
    "?trang=2",
    "//cdn.example.org/a.png",
    "/tin-tuc/a:b.html",  # a colon after the first "/" is part of the path
    "a/b:c",
    "",
]
UNSAFE = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "\tjava\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    " &#106;avascript:x",
    "&#x6A;avascript:x",
    "&#X4A;AVASCRIPT&colon;x",
    "&amp;#106;avascript:x",  # escaped once more
    "\x00javascript:x",
    "java\x00script:x",
    "data:text/html,<script>alert(1)</script>",
    "DATA:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/",
]


@pytest.mark.parametrize("url", SAFE)
def test_http_mail_phone_and_relative_addresses_are_safe(url):
    assert is_safe_url(url)


@pytest.mark.parametrize("url", UNSAFE)
def test_script_data_and_other_schemes_are_unsafe_in_any_disguise(url):
    assert not is_safe_url(url)
