"""The search index in the built site: what is indexed, when it is rebuilt, what a
failure leaves. (What readers see is in test_search_browser.py.)"""

import json
import os
import re
import stat
import threading
import time

from bs4 import BeautifulSoup
from conftest import article, tree

from newsarchive.config import load_config
from newsarchive.folding import exact_token, folded_token, search_words, words
from newsarchive.pipeline import update_search
from newsarchive.search import FINGERPRINT_FILE

BUNDLE = "pagefind"


def add_articles(site, n: int = 3) -> None:
    for i in range(n):
        site.add(
            f"2021/bai-{i}.md",
            article(f"Đường số {i} được sửa", f"2021-0{i + 1}-05 08:00", "Đồng chí Chủ tịch."),
        )


def bundle_files(site) -> dict[str, bytes]:
    return tree(site.output / BUNDLE)


def test_only_article_pages_carry_a_search_record(site):
    add_articles(site)
    assert site.build() == 0
    records = {}
    for page in site.output.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        found = soup.select("[data-pagefind-body]")
        if found:
            records[page.relative_to(site.output).as_posix()] = found
    assert sorted(records) == [f"2021/0{i + 1}/duong-so-{i}-duoc-sua/index.html" for i in range(3)]
    for found in records.values():
        [record] = found
        assert record.has_attr("hidden")
        # Nothing of the page's chrome, only the tokens of the article's words.
        assert not record.select("nav, header, footer, a")
        for shown_only in record.select("[data-pagefind-ignore]"):
            shown_only.decompose()  # metadata for the result list, not indexed as text
        tokens = record.get_text(" ").split()
        assert exact_token("đồng") in tokens and exact_token("tịch") in tokens
        assert len(tokens) == len(set(tokens))
        # Letters only, or digits only: Pagefind would index the parts of a mix too.
        assert all(re.fullmatch("[a-z]+|[0-9]+", token) for token in tokens)
    entry = json.loads((site.output / BUNDLE / "pagefind-entry.json").read_text())
    assert entry["languages"]["vi"]["page_count"] == 3


def test_a_search_record_holds_each_token_once_most_frequent_words_first():
    record = search_words("Đồng chí, ĐỒNG CHÍ hòa (hoà) dong 2019 của")
    tokens = "zcuaz zcuazerz zdongz zdongzadecfz zhoaz zhoazefz zchiz zchizgsz 2019"
    assert sorted(record.split()) == sorted(tokens.split())
    # "của" is among the most frequent words, the others follow in text order
    assert record.split()[:2] == ["zcuaz", "zcuazerz"]
    rare = search_words("xyzzy plugh")
    assert rare == "zxyzzyz zplughz"


def test_every_spelling_of_a_word_has_a_token_of_its_own_after_the_folded_one():
    spellings = ["đường", "dường", "dương", "dưỡng", "Đuống"]
    tokens = [exact_token(w) for w in words(" ".join(spellings))]
    folded = folded_token("duong")
    assert len(set(tokens)) == len(spellings)
    assert all(token.startswith(folded) and token > folded for token in tokens)
    assert exact_token("duong") == folded  # typed without diacritics: any spelling
    # No token begins another one of these, or is begun by another word's.
    others = [exact_token(w) for w in words("duo dđuong duongs 2019 duong2 đuôngy")]
    for token in tokens:
        assert not any(other.startswith(token) for other in tokens + others if other != token)
    assert not any(other.startswith(folded) for other in others)


def test_the_index_is_rebuilt_only_when_an_article_page_changes(site, capsys):
    add_articles(site)
    assert site.build() == 0
    assert "; search index rebuilt in" in capsys.readouterr().out
    first = bundle_files(site)
    assert FINGERPRINT_FILE in first

    assert site.build() == 0
    assert "; search index unchanged" in capsys.readouterr().out
    assert bundle_files(site) == first

    # A change that shows on list pages only leaves the index alone.
    strings = site.root / "templates/strings.yaml"
    strings.write_text(
        strings.read_text(encoding="utf-8").replace("newest_articles:", "newest_articles: Mới |"),
        encoding="utf-8",
    )
    assert site.build() == 0
    assert "unchanged" in capsys.readouterr().out

    site.add("2021/moi.md", article("Tin mới về cán bộ", "2021-06-01 08:00"))
    # --no-search publishes the pages and leaves the index alone, saying so.
    assert site.build("--no-search") == 0
    assert "; search index left as it was (--no-search)" in capsys.readouterr().out
    assert (site.output / "2021/06/tin-moi-ve-can-bo/index.html").is_file()
    assert bundle_files(site) == first

    assert site.build() == 0
    assert "; search index rebuilt in" in capsys.readouterr().out
    entry = json.loads((site.output / BUNDLE / "pagefind-entry.json").read_text())
    assert entry["languages"]["vi"]["page_count"] == 4


def indexed_then_new_article(site, tmp_path, monkeypatch, indexer: str) -> dict[str, bytes]:
    """Build with the real indexer, put the shell script ``indexer`` in its place and
    add an article; the bundle as it was."""
    add_articles(site)
    assert site.build() == 0
    fake = tmp_path / "pagefind-fake"
    fake.write_text(f"#!/bin/sh\n{indexer}\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    site.add("2021/moi.md", article("Tin mới", "2021-06-01 08:00"))
    return bundle_files(site)


def test_a_failed_indexer_keeps_the_previous_index(site, tmp_path, monkeypatch, capsys):
    before = indexed_then_new_article(
        site, tmp_path, monkeypatch, "echo 'Error: out of disk space' >&2\nexit 3"
    )
    capsys.readouterr()

    assert site.build() == 1
    err = capsys.readouterr().err
    assert "the search index could not be built: Error: out of disk space" in err
    assert "the pages were published; the search index is the previous one." in err
    assert bundle_files(site) == before
    assert (site.output / "2021/06/tin-moi/index.html").exists()
    assert not [p for p in site.output.parent.iterdir() if ".search-" in p.name]

    monkeypatch.delenv("PAGEFIND_BINARY_PATH")
    assert site.build() == 0
    assert bundle_files(site) != before


def test_a_stopped_indexer_keeps_the_previous_index(site, tmp_path, monkeypatch):
    """`serve` stops an indexing when a file changes: the indexer ends at once."""
    before = indexed_then_new_article(site, tmp_path, monkeypatch, "exec sleep 60")
    assert site.build("--no-search") == 0

    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    assert update_search(load_config(site.root / "site.yaml"), stop).startswith(
        "search index update stopped"
    )
    assert time.monotonic() - started < 10
    assert bundle_files(site) == before
    assert not [p for p in site.output.parent.iterdir() if ".search-" in p.name]


def test_an_offline_copy_has_no_index_and_says_why(site):
    add_articles(site)
    assert site.build("--offline") == 0
    offline = site.output.with_name(site.output.name + "-offline")
    assert not (offline / BUNDLE).exists()
    page = (offline / "tim-kiem/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select_one(".search-offline")
    assert not soup.select("script[src]")


def test_a_static_folder_may_not_hide_the_index(site, capsys):
    (site.root / "static" / BUNDLE).mkdir()
    (site.root / "static" / BUNDLE / "pagefind.js").write_text("x", encoding="utf-8")
    add_articles(site, 1)
    assert site.build() == 1
    assert "would be overwritten by the search index" in capsys.readouterr().err


def test_an_empty_archive_builds_without_an_index(site, capsys):
    assert site.build() == 0
    assert "; no search index (no articles)" in capsys.readouterr().out
    assert not (site.output / BUNDLE).exists()
    assert os.path.exists(site.output / "tim-kiem/index.html")
