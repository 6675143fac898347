"""Deterministic synthetic corpus of Vietnamese district news in newsarchive's format.

    python bench/generate.py N OUTDIR [--seed S]

Same (N, seed) gives byte-identical files. Other bench scripts import this module
(`generate`, `generate_one`, `ensure_corpus`) instead of keeping corpora of their own.
"""

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import vocab

HANOI = timezone(timedelta(hours=7))
CORPUS_START = datetime(2010, 1, 1, tzinfo=HANOI)
CORPUS_END = datetime(2026, 6, 30, 23, 59, tzinfo=HANOI)
NEWER_START = datetime(2026, 7, 1, 8, 0, tzinfo=HANOI)  # articles added after the corpus
# Slugs are cut at 80 characters between words; comparing the first 60 keeps two titles
# apart even when the real slugify cuts a few characters earlier than our approximation.
SLUG_KEY_LENGTH = 60
MAX_TITLE_TRIES = 20
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_PLAIN_YAML = re.compile(r"^[^\W\d_][\w -]*$")


@dataclass(frozen=True)
class SyntheticArticle:
    relpath: str  # "2019/04/slug.md", relative to the content folder
    url_key: str  # "2019/04/<slug prefix>": two articles with one key would share a URL
    text: str


def approximate_slug(text: str, max_length: int = 80) -> str:
    """python-slugify's result for Vietnamese text, cut between words like newsarchive."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    words = re.findall(r"[a-z0-9]+", ascii_text.encode("ascii", "ignore").decode().lower())
    kept: list[str] = []
    length = -1
    for word in words:
        if kept and length + 1 + len(word) > max_length:
            break
        kept.append(word)
        length += 1 + len(word)
    return "-".join(kept)


def _rng(seed: int, index: int) -> random.Random:
    # One generator per article, so article i does not depend on how many came before
    # (except for the rare title redraw) and generate_one can make any index alone.
    return random.Random(f"newsarchive-bench:{seed}:{index}")


def _person(rng: random.Random, female: bool | None = None) -> str:
    if female is None:
        female = rng.random() < 0.4
    parts: tuple[tuple[str, ...], tuple[str, ...]]
    if female:
        parts = (vocab.FEMALE_MIDDLE_NAMES, vocab.FEMALE_GIVEN_NAMES)
    else:
        parts = (vocab.MALE_MIDDLE_NAMES, vocab.MALE_GIVEN_NAMES)
    return " ".join((rng.choice(vocab.SURNAMES), rng.choice(parts[0]), rng.choice(parts[1])))


def _day(when: datetime, days: int) -> str:
    day = when + timedelta(days=days)
    return f"{day.day}/{day.month}/{day.year}"


def _number(name: str, rng: random.Random) -> str:
    if name == "n":
        return str(rng.choice((3, 5, 7, 10, 12, 15, 20, 25, 30, 45, 60, 120, 350, 1200)))
    if name == "k":
        return str(rng.randint(2, 20))
    if name == "q":
        return str(rng.randint(1, 4))
    if name == "pct":
        return str(rng.randint(60, 100))
    if name == "over":
        return str(rng.randint(92, 135))
    return f"{rng.randint(3, 12)},{rng.randint(0, 9)}"  # growth, with a Vietnamese decimal comma


_LISTS = {
    "phuong": vocab.PHUONG,
    "street": vocab.STREETS,
    "role": vocab.ROLES,
    "org": vocab.ORGS,
    "topic": vocab.TOPICS,
    "campaign": vocab.CAMPAIGNS,
    "event": vocab.EVENTS,
    "term": vocab.TERMS,
}


def _slot(name: str, rng: random.Random, when: datetime) -> str:
    if name in _LISTS:
        return rng.choice(_LISTS[name])
    if name in ("person", "man", "woman"):
        return _person(rng, None if name == "person" else name == "woman")
    if name == "date":
        return _day(when, -rng.randint(0, 6))
    if name == "deadline":
        return _day(when, rng.randint(5, 30))
    if name == "year":
        return str(when.year)
    if name == "month":
        return str(rng.randint(1, 12))
    return _number(name, rng)


def fill(template: str, rng: random.Random, when: datetime) -> str:
    """Fill every {placeholder}; each occurrence draws anew."""
    text = _PLACEHOLDER.sub(lambda m: _slot(m.group(1), rng, when), template)
    return text[0].upper() + text[1:]


def _published(rng: random.Random) -> datetime:
    days = (CORPUS_END - CORPUS_START).days
    day = CORPUS_START + timedelta(days=rng.randrange(days))
    return day.replace(hour=rng.randint(7, 17), minute=rng.randrange(60))


def _tags(rng: random.Random, category: str) -> list[str]:
    own = vocab.CATEGORY_TAGS[category]
    # Earlier tags of a category are more frequent: real tag counts are very uneven.
    weights = [1 / (rank + 1) for rank in range(len(own))]
    wanted = rng.randint(2, 3)
    chosen: list[str] = []
    while len(chosen) < wanted:
        tag = rng.choices(own, weights=weights)[0]
        if tag not in chosen:
            chosen.append(tag)
    common = rng.choice(vocab.COMMON_TAGS)
    if rng.random() < 0.4 and common not in chosen:
        chosen.append(common)
    return chosen


def _sentences(rng: random.Random, when: datetime, count: int) -> str:
    # Sampled without replacement: one paragraph never repeats a sentence pattern.
    return " ".join(fill(t, rng, when) for t in rng.sample(vocab.SENTENCES, count))


def _bullets(rng: random.Random, when: datetime) -> str:
    items = rng.sample(vocab.BULLETS, rng.randint(3, 5))
    return "\n".join("- " + fill(item, rng, when) for item in items)


def _table(rng: random.Random) -> str:
    rows = ["| " + " | ".join(vocab.TABLE_COLUMNS) + " |", "| --- | ---: | ---: | ---: |"]
    for name in rng.sample(vocab.TABLE_ROWS, rng.randint(3, 6)):
        planned = rng.randint(20, 2000)
        done = round(planned * rng.uniform(0.7, 1.2))
        rows.append(f"| {name} | {planned} | {done} | {100 * done / planned:.1f} |")
    return "\n".join(rows)


def _link_paragraph(rng: random.Random, when: datetime) -> str:
    text, url = rng.choice(vocab.LINK_TEXTS), rng.choice(vocab.LINK_URLS)
    return f"{_sentences(rng, when, 2)} Xem [{text}]({url}) để biết thêm chi tiết."


def _section(rng: random.Random, when: datetime, heading: str, allow_table: bool) -> list[str]:
    blocks = [f"## {heading}"]
    for _ in range(rng.randint(1, 3)):
        blocks.append(_sentences(rng, when, rng.randint(3, 6)))
    roll = rng.random()
    if roll < 0.35:
        blocks.append(_bullets(rng, when))
    elif roll < 0.45 and allow_table:
        blocks.append(_table(rng))
    elif roll < 0.65:
        blocks.append(_link_paragraph(rng, when))
    return blocks


def body(rng: random.Random, when: datetime) -> str:
    """About 300-1,500 words: a lead paragraph, then ## sections until the length is reached."""
    target = int(rng.triangular(250, 1300, 450))
    lead = fill(rng.choice(vocab.OPENINGS), rng, when) + " " + _sentences(rng, when, 3)
    blocks = [lead]
    headings = rng.sample(vocab.HEADINGS, len(vocab.HEADINGS))
    has_table = rng.random() < 0.3
    words = len(lead.split())
    sections = 0
    while words < target:
        section = _section(rng, when, headings[sections % len(headings)], has_table)
        sections += 1
        if any(block.startswith("| ") for block in section):
            has_table = False
        blocks.extend(section)
        words += sum(len(block.split()) for block in section)
    return "\n\n".join(blocks) + "\n"


def _yaml_text(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar and needs no escaping rules of ours.
    return value if _PLAIN_YAML.match(value) else json.dumps(value, ensure_ascii=False)


def front_matter(meta: dict[str, object]) -> str:
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(_yaml_text(v) for v in value)}]")
        elif isinstance(value, datetime):
            lines.append(f"{key}: {value.isoformat()}")
        elif key in ("title", "summary", "author"):
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        else:
            lines.append(f"{key}: {_yaml_text(str(value))}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _title(rng: random.Random, category: str, when: datetime, index: int, taken: set[str]) -> str:
    prefix = f"{when.year:04d}/{when.month:02d}/"
    for _ in range(MAX_TITLE_TRIES):
        title = fill(rng.choice(vocab.TITLES[category]), rng, when)
        if prefix + approximate_slug(title, SLUG_KEY_LENGTH) not in taken:
            return title
    # The number goes first: a suffix could fall beyond the 80-character slug cut.
    return f"Tin số {index}: {title}"


def make_article(
    index: int, seed: int, taken: set[str], published: datetime | None = None
) -> SyntheticArticle:
    """Article number ``index``; its URL key is added to ``taken``."""
    rng = _rng(seed, index)
    when = published or _published(rng)
    category = rng.choice(list(vocab.TITLES))
    title = _title(rng, category, when, index, taken)
    slug = approximate_slug(title)
    meta: dict[str, object] = {"title": title, "date": when, "category": category}
    meta["tags"] = _tags(rng, category)
    text_body = body(rng, when)
    if rng.random() < 0.8:
        meta["summary"] = _sentences(rng, when, 1)
    if rng.random() < 0.7:
        meta["author"] = rng.choice(vocab.AUTHORS)
    if rng.random() < 0.3:
        meta["source_url"] = f"https://haibatrung.hanoi.gov.vn/tin-tuc-su-kien/{slug}-{index}.html"
    month = f"{when.year:04d}/{when.month:02d}/"
    key = month + approximate_slug(title, SLUG_KEY_LENGTH)
    taken.add(key)
    return SyntheticArticle(month + slug + ".md", key, front_matter(meta) + "\n" + text_body)


def write(article: SyntheticArticle, outdir: Path) -> Path:
    path = outdir / article.relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article.text, encoding="utf-8", newline="\n")
    return path


def generate(n: int, outdir: Path, seed: int = 0) -> list[Path]:
    """Write articles 0..n-1 under outdir (files already there are left alone)."""
    taken: set[str] = set()
    return [write(make_article(index, seed, taken), outdir) for index in range(n)]


def newer_date(index: int) -> datetime:
    """A date after every generated article; later indexes are later still."""
    return NEWER_START + timedelta(minutes=index)


def older_date(index: int) -> datetime:
    """A date in the middle of the corpus's years (the spring of 2018), as an archivist
    adding an article found later dates it; later indexes a minute later each."""
    middle = CORPUS_START + timedelta(days=(CORPUS_END - CORPUS_START).days // 2)
    return middle + timedelta(hours=8, minutes=index)


def generate_one(outdir: Path, index: int, seed: int = 0, older: bool = False) -> Path:
    """Add one article newer than the whole corpus, as an editor adding today's news;
    ``older``: dated in the middle of the corpus (`older_date`) instead."""
    when = older_date(index) if older else newer_date(index)
    month_dir = outdir / f"{when.year:04d}" / f"{when.month:02d}"
    prefix = f"{when.year:04d}/{when.month:02d}/"
    taken = {prefix + _cut(p.stem) for p in month_dir.glob("*.md")}
    return write(make_article(index, seed, taken, published=when), outdir)


def _cut(slug: str) -> str:
    return approximate_slug(slug.replace("-", " "), SLUG_KEY_LENGTH)


def _source_hash() -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ("generate.py", "vocab.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def ensure_corpus(n: int, workdir: Path, seed: int = 0) -> Path:
    """The content folder of an n-article corpus under workdir, generated only when missing.

    Reused while the generator's source is unchanged and the folder holds exactly n
    articles (a run that died after adding an article makes it regenerate).
    """
    base = workdir / f"corpus-{n}-seed{seed}"
    content, stamp_path = base / "content", base / "stamp.json"
    stamp = {"n": n, "seed": seed, "generator": _source_hash()}
    fresh = stamp_path.exists() and json.loads(stamp_path.read_text()) == stamp
    if fresh and sum(1 for _ in content.rglob("*.md")) == n:
        return content
    shutil.rmtree(base, ignore_errors=True)
    generate(n, content, seed)
    stamp_path.write_text(json.dumps(stamp))
    return content


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path, help="content folder to write into")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = generate(args.n, args.outdir, args.seed)
    print(f"wrote {len(paths)} articles under {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
