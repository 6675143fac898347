"""The build cache in `.cache/newsarchive/` beside site.yaml (git-ignored).

It holds:

- sources/NN.pickle: every article file's stat (mtime_ns, size), content digest
  and validated Article, split into shards so adding one article rewrites one
  small shard. Articles depend only on their file, the code and the settings,
  so these shards serve every output folder.
- html/NN.pickle: the HTML of article bodies by digest of their Markdown, so a
  template or settings change re-renders pages without converting Markdown again.
- outputs/<hash>.pickle, one per output folder: what the last completed build
  wrote there: each page's fingerprint and each file's digest, size and mtime.
  It is replaced in the same step that publishes the output (see output.py),
  so it never claims a file the output folder does not hold.
- related.pickle: the related articles of the last build (see archive.Related).
- links.pickle: the links marked in each body's HTML, by digest (see bodylinks.py),
  so that checking every article's links does not load every body.
- jinja/: compiled templates (Jinja2's own bytecode cache).

A cache file that is missing, unreadable, of another format or made by other
code or settings is ignored: the build then does the full work, and the next
save replaces it. Writes go to a temporary file renamed into place.
"""

import contextlib
import gc
import os
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .config import SiteConfig
from .content import Article
from .fingerprint import Fingerprinter, code_digest, digest
from .related import Related

FORMAT = 3
SHARDS = 64
CACHE_FOLDER = Path(".cache") / "newsarchive"


@dataclass(frozen=True)
class SourceEntry:
    """An article file as last read: mtime_ns == 0 means "hash it to be sure"."""

    mtime_ns: int
    size: int
    digest: str
    article: Article


@dataclass(frozen=True)
class OutputFile:
    digest: str
    mtime_ns: int
    size: int


@dataclass
class OutputState:
    """What the last build left in one output folder."""

    key: str
    output_dir: str
    pages: dict[str, str] = field(default_factory=dict)  # output path -> fingerprint
    files: dict[str, OutputFile] = field(default_factory=dict)  # output path -> file
    # static source file -> (mtime_ns, size, digest)
    statics: dict[str, tuple[int, int, str]] = field(default_factory=dict)


def cache_folder(config: SiteConfig) -> Path:
    return config.root / CACHE_FOLDER


def settings_key(config: SiteConfig, code: str) -> str:
    """Code and every setting: what the output depends on besides the inputs."""
    settings = Fingerprinter({}, "").of(config)
    # Settings that cannot be fingerprinted match no cache, not every cache.
    return digest(str(FORMAT), code, settings or os.urandom(16).hex())


def sources_key(config: SiteConfig, code: str) -> str:
    """As settings_key, without the settings that only shape the output."""
    return settings_key(replace(config, output_dir=Path(), base_url="", offline=False), code)


class Cache:
    """The cache of one build; ``enabled=False`` reads and writes nothing (`check`)."""

    def __init__(self, config: SiteConfig, enabled: bool = True):
        self.enabled = enabled
        self.folder = cache_folder(config)
        self.code = code_digest()
        self.key = settings_key(config, self.code)
        self.sources_key = sources_key(config, self.code)
        self.output_dir = config.output_dir
        name = digest(str(config.output_dir))[:16]
        self.state_path = self.folder / "outputs" / f"{name}.pickle"
        self._loaded: dict[int, dict[str, SourceEntry]] = {}
        self._html: dict[int, dict[str, str]] = {}
        self._related = Related()
        self._links: dict[str, tuple] = {}

    # Sources ---------------------------------------------------------------

    def sources(self) -> dict[str, SourceEntry]:
        entries: dict[str, SourceEntry] = {}
        if not self.enabled:
            return entries
        for shard in range(SHARDS):
            data = _read(self.folder / "sources" / f"{shard:02d}.pickle")
            if isinstance(data, tuple) and len(data) == 2 and data[0] == self.sources_key:
                self._loaded[shard] = data[1]
                entries.update(data[1])
        return entries

    def save_sources(self, entries: dict[str, SourceEntry]) -> None:
        """Rewrite only the shards whose entries changed since sources()."""
        if not self.enabled:
            return
        shards: dict[int, dict[str, SourceEntry]] = {n: {} for n in range(SHARDS)}
        for path, entry in entries.items():
            shards[shard_of(path)][path] = entry
        for number, shard in shards.items():
            if self._loaded.get(number) != shard or number not in self._loaded:
                _write(self.folder / "sources" / f"{number:02d}.pickle", (self.sources_key, shard))
                self._loaded[number] = shard

    # Related articles --------------------------------------------------------

    def related(self) -> Related:
        data = _read(self.folder / "related.pickle") if self.enabled else None
        if isinstance(data, tuple) and len(data) == 2 and data[0] == self.sources_key:
            self._related = data[1]
        return self._related

    def save_related(self, related: Related) -> None:
        if self.enabled and related != self._related:
            _write(self.folder / "related.pickle", (self.sources_key, related))
            self._related = related

    # Links in article bodies -------------------------------------------------

    def body_links(self) -> dict[str, tuple]:
        data = _read(self.folder / "links.pickle") if self.enabled else None
        if isinstance(data, tuple) and len(data) == 2 and data[0] == self.sources_key:
            self._links = data[1]
        return self._links

    def save_body_links(self, links: dict[str, tuple]) -> None:
        if self.enabled and links != self._links:
            _write(self.folder / "links.pickle", (self.sources_key, links))
            self._links = links

    # Article bodies as HTML --------------------------------------------------

    def html(self, digests: set[str]) -> dict[str, str]:
        """The cached HTML of these bodies (those that are cached)."""
        found: dict[str, str] = {}
        for number in sorted({shard_of(d) for d in digests}):
            shard = self._html_shard(number)
            found.update((d, shard[d]) for d in digests & shard.keys())
        return found

    def save_html(self, new: dict[str, str], live: set[str]) -> None:
        """Add ``new`` and drop the bodies no article has any more, in the shards
        ``new`` touches (the others are left for a later build)."""
        if not self.enabled:
            return
        touched: dict[int, dict[str, str]] = {}
        for key, html in new.items():
            touched.setdefault(shard_of(key), {})[key] = html
        for number, added in touched.items():
            shard = {k: v for k, v in self._html_shard(number).items() if k in live}
            shard.update(added)
            _write(self._html_path(number), (self.sources_key, shard))
            self._html[number] = shard

    def _html_shard(self, number: int) -> dict[str, str]:
        if number not in self._html:
            data = _read(self._html_path(number)) if self.enabled else None
            ok = isinstance(data, tuple) and len(data) == 2 and data[0] == self.sources_key
            self._html[number] = data[1] if ok else {}  # type: ignore[index]
        return self._html[number]

    def _html_path(self, number: int) -> Path:
        return self.folder / "html" / f"{number:02d}.pickle"

    # Output state ----------------------------------------------------------

    def state(self) -> OutputState | None:
        """The state of the output folder, if there is one.

        Not tied to the folder's inode: a folder restored from a copy (a CI cache)
        is still trusted file by file, by each file's size and mtime."""
        if not self.enabled or not self.output_dir.is_dir():
            return None
        state = _read(self.state_path)
        if not isinstance(state, OutputState) or state.key != self.key:
            return None
        return state

    def stage_state(self, state: OutputState) -> Path | None:
        """Write the state beside its place; the publish step moves it in."""
        if not self.enabled:
            return None
        staged = self.state_path.with_name(self.state_path.name + ".new")
        _write(staged, state)
        label = self.state_path.with_suffix(".txt")  # which folder: for prune()
        if not label.exists():
            label.write_text(state.output_dir, encoding="utf-8")
        return staged

    def forget_state(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.state_path.unlink()

    def prune(self) -> None:
        """Drop the states of output folders that no longer exist."""
        if not self.enabled:
            return
        for label in (self.folder / "outputs").glob("*.txt"):
            try:
                gone = not Path(label.read_text(encoding="utf-8")).exists()
            except (OSError, UnicodeDecodeError):
                gone = True
            if gone:
                for path in (label, label.with_suffix(".pickle")):
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()

    def bytecode_folder(self) -> Path | None:
        return self.folder / "jinja" if self.enabled else None


def shard_of(path: str) -> int:
    return int(digest(path)[:4], 16) % SHARDS


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Unpickling 10,000 articles makes the cyclic GC scan them again and again:
    pausing it makes loading the cache three times faster."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _read(path: Path) -> object:
    try:
        with no_gc():
            return pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign cache file is no cache at all
        return None


def _write(path: Path, value: object) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        tmp.write_bytes(data)
    except FileNotFoundError:  # the first time only: mkdir() is slow even when it fails
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
    os.replace(tmp, path)
