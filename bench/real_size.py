"""What a site of real portal articles weighs: the sotttt mirror imported, copied to N.

    python bench/real_size.py [--n 10000]

The synthetic corpus of bench/generate.py has tags and no old addresses, and its text
is made of a few hundred sentences; an imported portal has old addresses (an alias page
each), no tags, and its own text, images and tables. This imports the 40 article pages of
../shared/import-samples/sotttt-mirror (real Liferay pages, median 450 words), copies the
imported articles until there are N (each copy its own title, address, date and old
address; its text is the original's), builds the site with its search index and prints
`size.py`'s figures, and what N = 100,000 such articles would weigh at the same bytes per
article. Everything is written under bench/work/real-size/.
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import size
from import_eval import SAMPLES  # found as import_eval finds them

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "work" / "real-size"
SITE_YAML = f"""title: Lưu trữ tin tức (bench)
base_url: https://example.org/
templates_dir: {REPO / "templates"}
static_dir: static
"""


def run(*args: str, may_fail: bool = False) -> None:
    done = subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=WORK, text=True,
                          capture_output=True)  # fmt: skip
    if done.returncode and not may_fail:
        sys.exit(f"build.py {args[0]} failed:\n{done.stdout}{done.stderr}")


def copies(imported: list[Path], n: int, content: Path) -> None:
    """N articles from the imported ones, in turn: the i-th gets "Bản i: " before its
    title (its slug too, when it has one), a date spread over 2010-2025 and an old
    address of its own."""
    texts = [path.read_text(encoding="utf-8") for path in imported]
    for i in range(n):
        head, body = texts[i % len(texts)].split("\n---\n", 1)
        year, month = 2010 + i * 16 // n, 1 + i * 192 // n % 12
        stamp = f"{year:04d}-{month:02d}-{1 + i % 28:02d}T{8 + i % 10:02d}:{i % 60:02d}:00+07:00"
        head = re.sub(r"^date: .*$", f"date: {stamp}", head, flags=re.M)
        head = re.sub(r'^title: "?(.*?)"?$', rf'title: "Bản {i}: \1"', head, count=1, flags=re.M)
        head = re.sub(r"^slug: ", f"slug: ban-{i}-", head, flags=re.M)
        head = re.sub(r"(view_content/\d+)", rf"\g<1>{i:06d}", head)
        folder = content / f"{year:04d}" / f"{month:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"bai-{i}.md").write_text(f"{head}\n---\n{body}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles in the site")
    args = parser.parse_args()
    mirror = SAMPLES / "sotttt-mirror"
    if not mirror.is_dir():
        sys.exit(f"no {mirror}: this bench needs ../shared/import-samples")
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "imported").mkdir(parents=True)
    (WORK / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    shutil.copytree(REPO / "static", WORK / "static")  # import puts media in its own
    # One page of the mirror shows no date and is not imported (import says so, exit 1).
    run("import", str(mirror), "--content", "imported", may_fail=True)
    imported = sorted((WORK / "imported").rglob("*.md"))
    if not imported:
        sys.exit(f"nothing imported from {mirror}: see {WORK / 'import-report.jsonl'}")
    copies(imported, args.n, WORK / "content")
    run("build", "--quiet")
    site, sources = WORK / "_site", WORK / "content"
    print(f"{len(imported)} articles imported from {mirror}, copied to {args.n}\n")
    size.main([str(site), "--sources", str(sources)])
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    projected = total / args.n * 100_000
    print(f"\n100,000 such articles at these bytes per article: {projected / 1e9:.2f} GB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
