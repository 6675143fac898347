"""The build cache in `.cache/newsarchive/` beside site.yaml (git-ignored).

It holds:

- sources/NN.pickle: every article file's stat (contentscan.changed_ns, size), content digest
  and validated Article (as a tuple of its fields), split into shards so adding one
  article rewrites one small shard, with the identity of the content folder the stats
  were taken in (folder_identity). Articles depend only on their file, the code and the settings,
  so these shards serve every output folder.
- html/XXX.pickle: the HTML of article bodies by digest of their Markdown, so a
  template or settings change re-renders pages without converting Markdown again.
- outputs/<hash>-<dev>-<inode>.pickle, one per output folder (the served one
  and its spare, see publish.py), found by the folder's identity so that it
  follows the folder through the swap: what the last completed build wrote
  there: each page's fingerprint and each file's digest, size and mtime, and each
  static file's stat and digest (with the static folder's identity). It is
  removed before a build changes that folder and written when the folder is
  complete, so it never claims a file the folder does not hold. <hash> is of the
  folder's place in the project; outputs/<hash>.txt (of its absolute path) names it.
- related.pickle: the related articles of the last build (see related.Related).
- pages.pickle: the addresses of the standalone pages the last build published, and
  their files, to warn when one is gone (sources.pages_gone).
- links.pickle: the links marked in each body's HTML, by digest (see bodylinks.py),
  so that checking every article's links does not load every body.
- segments.pickle: the names of the search index's segments by their articles'
  files and digests (search/writer.py, segment_layout).
- jinja/<code>/: compiled templates (Jinja2's bytecode cache, with our checksum), keyed
  by their place in the project (CheckedBytecodeCache), in a folder of the code that
  compiled them (how a template compiles is the code's choice too).

Paths are keyed by their place in the project (the folder of the settings file:
ProjectPaths), absolute only outside it, and the settings' folders alike
(settings_key): a project moved or copied elsewhere renders and writes nothing again.
What decides the output is in the keys (bytes by digest, settings, code); a file's
stat stands for its bytes only in the folder it was taken in, so a copy of the
project, or another project given this cache, hashes its files (folder_identity).

Every file starts with a digest of the rest, checked on load. A cache file that
is missing, damaged (flipped bits, an edit of the same length, a link or a named
pipe in its place), of another
format or made by other code or settings is ignored: the build then does the
full work, and the next save replaces it. Writes go to a temporary file renamed
into place.
"""

import collections
import contextlib
import functools
import gc
import operator
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import CodeType
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from .config import SiteConfig
from .content import Article
from .errors import name_file
from .fingerprint import Fingerprinter, code_digest, digest
from .ownfiles import read_own
from .related import Related

if TYPE_CHECKING:  # for the annotations only: bodylinks loads Python-Markdown
    from .bodylinks import Links

FORMAT = 7
SHARDS = 64
# The HTML cache in small shards: a rebuild reads the bodies of a few feed entries and
# of the newest articles (the search index), which any digest spreads over ~all shards.
HTML_SHARDS = 1024
PENDING_GROUP = 16  # shards per pending file of bodies put aside (HtmlSaver)
CACHE_FOLDER = Path(".cache") / "newsarchive"
# A file changed less than this long before we looked may change again within
# the same mtime tick: its stat is not trusted next time, its bytes are hashed.
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class SourceEntry:
    """An article file as last read: mtime_ns (`changed_ns`) == 0 means "hash it to be sure"."""

    mtime_ns: int
    size: int
    digest: str
    article: Article


# An Article's fields, in the order a sources shard holds their values.
ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_article_values = operator.attrgetter(*ARTICLE_FIELDS)


def trusted_mtime(mtime_ns: int, looked_ns: int) -> int:
    """The mtime to record for a file whose stat was taken after ``looked_ns``: 0 (hash
    it next time) when it changed too recently to be trusted."""
    return mtime_ns if mtime_ns < looked_ns - RACY_NS else 0


class OutputFile(NamedTuple):
    """A tuple: an output state holds one per file, and tuples load twice as fast."""

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
    # static source file (ProjectPaths.key) -> (mtime_ns, size, digest)
    statics: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    # The static folder whose files' stats ``statics`` holds (folder_identity).
    static_folder: tuple[int, int] | None = None


class ProjectPaths:
    """Paths as the cache keys them: relative to the project folder (site.yaml's) when
    inside it, so that a project moved or copied elsewhere finds its cache; absolute when
    outside (a templates or content folder elsewhere), normalised."""

    def __init__(self, config: SiteConfig):
        self.root = config.root
        # The content folder as the build spells its files' paths, and its key: every
        # article's path is one and the other plus its place below (a prefix each way,
        # for 10,000 paths).
        self.content = os.path.join(config.content_dir, "")
        key = project_key(config.content_dir, config.root)
        self.content_key = "" if key == os.curdir else os.path.join(key, "")

    def key(self, path: str) -> str:
        """The key of ``path`` (absolute, as the build spells it)."""
        if path.startswith(self.content):
            return self.content_key + path[len(self.content) :]
        return project_key(Path(path), self.root)

    def path(self, key: str) -> str:
        """The path of ``key`` in this project, spelt as the build spells it."""
        below = key.startswith(self.content_key) if self.content_key else not os.path.isabs(key)
        if below:
            return self.content + key[len(self.content_key) :]
        return key if os.path.isabs(key) else os.path.join(self.root, key)


def project_key(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when inside it, else absolute (normalised, so that
    `content_dir: ../bai` is outside)."""
    normal = os.path.normpath(path)
    inside = os.path.relpath(normal, root) if normal.startswith(str(root)) else os.pardir
    return normal if inside.split(os.sep)[0] == os.pardir else inside


def folder_identity(folder: Path) -> tuple[int, int] | None:
    """Which folder ``folder`` is (device, inode): a file's stat is trusted for its
    bytes only in the folder it was taken in. A folder moved (`mv`) keeps it; a copy,
    or another project given this cache, has another: its files are hashed."""
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def cache_folder(config: SiteConfig) -> Path:
    return config.root / CACHE_FOLDER


def _output_name(output_dir: Path, root: Path) -> str:
    """The name of an output folder's states: by its place in the project, so that a
    project moved or copied finds them (its own folders: by their identity)."""
    return digest(project_key(output_dir, root))[:16]


def output_label(cache_dir: Path, output_dir: Path) -> Path:
    """The file naming ``output_dir`` (by its absolute path) among the cache's states:
    there once a build into it finished (outputguard takes it as proof the folder is the
    build's, so a project moved or copied elsewhere has none until it builds)."""
    return cache_dir / "outputs" / f"{digest(str(output_dir))[:16]}.txt"


def settings_key(config: SiteConfig, code: str) -> str:
    """Code and every setting: what the output depends on besides the inputs. The
    folders as the project places them (ProjectPaths): where the project is decides
    nothing in the output."""
    folders: dict[str, Any] = {
        f.name: Path(project_key(value, config.root))
        for f in fields(config)
        if isinstance(value := getattr(config, f.name), Path) and value.is_absolute()
    }
    settings = Fingerprinter({}, "").of(replace(config, **folders))
    # Settings that cannot be fingerprinted match no cache, not every cache.
    return digest(str(FORMAT), code, settings or os.urandom(16).hex())


def sources_key(config: SiteConfig, code: str) -> str:
    """As settings_key, without the settings that only shape the output."""
    unshaped = replace(config, output_dir=Path(), site_dir=Path(), base_url="", offline=False)
    return settings_key(unshaped, code)


class Cache:
    """The cache of one build; ``enabled=False`` reads and writes nothing (`check`)."""

    def __init__(self, config: SiteConfig, enabled: bool = True):
        self.enabled = enabled
        self.folder = cache_folder(config)
        self.code = code_digest()
        self.key = settings_key(config, self.code)
        self.sources_key = sources_key(config, self.code)
        self.output_dir = config.output_dir
        self.paths = ProjectPaths(config)
        self.name = _output_name(config.output_dir, config.root)
        # Where the stats of articles and static files were taken (folder_identity).
        self.content_folder = folder_identity(config.content_dir)
        self.static_folder = folder_identity(config.static_dir)
        self._loaded: dict[int, dict[str, SourceEntry]] = {}
        self._html: dict[int, dict[str, str]] = {}
        self._related = Related()
        self._pages: dict[str, str] | None = None
        self._links: dict[str, Links] = {}
        self._links_read = False
        self._segments: dict[str, str] | None = None
        self._segments_saved: dict[str, str] = {}

    def save(
        self,
        sources: dict[str, SourceEntry],
        related: Related,
        links: dict[str, "Links"],
        folders: list[Path],
        pages: dict[str, str],
        keep_read: bool = False,
    ) -> None:
        """What the next build reuses, saved once at the end of a build that published
        (a build that fails leaves these as they were): the articles, related articles,
        the links in bodies and the standalone pages' addresses; the states of output
        ``folders`` other than these are dropped. The output state is saved by
        publish.py. The HTML of the bodies this build converted goes in a little
        earlier (HtmlSaver.commit, once the pages passed their checks), for the search
        index to read. ``keep_read``: the articles and pages are left as the last build
        read them, for the next to compare with and warn of again (sources.said_once)."""
        if not keep_read:
            self.save_sources(sources)
            self.save_pages(pages)
        self.save_related(related)
        self.save_body_links(links)
        self.save_segment_names()
        self.prune(folders)

    # Sources ---------------------------------------------------------------

    def sources(self) -> dict[str, SourceEntry]:
        """The files the last build read, when it had these settings and this code."""
        return self._sources(self.sources_key)

    def last_read(self) -> dict[str, SourceEntry]:
        """The files the last build read, whatever its settings: after site.yaml
        changed, the articles it published (the addresses sources.moved compares)."""
        return self._sources(None)

    def _sources(self, key: str | None) -> dict[str, SourceEntry]:
        entries: dict[str, SourceEntry] = {}
        if not self.enabled:
            return entries
        for shard in range(SHARDS):
            data = _read(self.folder / "sources" / f"{shard:02d}.pickle")
            if (
                isinstance(data, tuple)
                and len(data) == 4
                and (key is None or data[0] == key)
                and data[1] == ARTICLE_FIELDS
            ):
                # Stats taken in another folder (a copy of the project) are not trusted.
                trusted = data[2] is not None and data[2] == self.content_folder
                try:
                    loaded = _entries(data[3], self.paths.path, trusted)
                except (TypeError, ValueError, AttributeError):  # not of this format after all
                    continue
                if key is not None:  # this build's settings: save_sources may keep them
                    self._loaded[shard] = loaded
                entries.update(loaded)
        return entries

    def save_sources(self, entries: dict[str, SourceEntry]) -> None:
        """Rewrite only the shards whose entries changed since sources(): an entry
        not read again is the very object loaded, so identity tells (comparing every
        article field by field took a tenth of a rebuild)."""
        if not self.enabled:
            return
        shards: dict[int, dict[str, SourceEntry]] = {n: {} for n in range(SHARDS)}
        key = self.paths.key
        # A path loaded from a shard is in it already: only new paths are hashed.
        was_in = {path: n for n, shard in self._loaded.items() for path in shard}
        for path, entry in entries.items():
            number = was_in.get(path)
            shards[shard_of(key(path)) if number is None else number][path] = entry
        shared: dict[object, object] = {}
        for number, shard in shards.items():
            loaded = self._loaded.get(number)
            if loaded is None or not _same_entries(loaded, shard):
                rows = {}
                for path, e in shard.items():
                    name = key(path)
                    values = _shared_values(path, name, e.article, shared)
                    rows[name] = (e.mtime_ns, e.size, e.digest, values)
                shard_file = self.folder / "sources" / f"{number:02d}.pickle"
                _write(shard_file, (self.sources_key, ARTICLE_FIELDS, self.content_folder, rows))
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

    def body_links(self) -> dict[str, "Links"]:
        """The links of the last build's bodies (read once: converting ahead and the
        search index both ask)."""
        if self._links_read:
            return self._links
        self._links_read = True
        data = _read(self.folder / "links.pickle") if self.enabled else None
        if isinstance(data, tuple) and len(data) == 2 and data[0] == self.sources_key:
            self._links = data[1]
        return self._links

    def save_body_links(self, links: dict[str, "Links"]) -> None:
        if self.enabled and links != self._links:
            _write(self.folder / "links.pickle", (self.sources_key, links))
            self._links = links

    # Standalone pages --------------------------------------------------------

    def last_pages(self) -> dict[str, str]:
        """The address and file of each standalone page the last build published,
        whatever its settings (a page's address depends on its file's name only)."""
        if self._pages is not None:  # read once: the build compares, then saves
            return self._pages
        data = _read(self.folder / "pages.pickle") if self.enabled else None
        self._pages = {}
        if isinstance(data, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            self._pages = {url: self.paths.path(key) for url, key in data.items()}
        return self._pages

    def save_pages(self, pages: dict[str, str]) -> None:
        if self.enabled and pages != self.last_pages():
            _write(self.folder / "pages.pickle", {u: self.paths.key(p) for u, p in pages.items()})
            self._pages = pages

    # Search index segments ---------------------------------------------------

    def segment_names(self) -> dict[str, str]:
        """The names of the search index's segments by their articles' stand-ins, as
        the last build left them: the index update changes this dict in place, save()
        keeps it for the next build."""
        if self._segments is None:
            data = _read(self.folder / "segments.pickle") if self.enabled else None
            if isinstance(data, tuple) and len(data) == 2 and data[0] == self.sources_key:
                self._segments_saved = data[1]
            self._segments = dict(self._segments_saved)
        return self._segments

    def save_segment_names(self) -> None:
        if self.enabled and self._segments is not None and self._segments != self._segments_saved:
            _write(self.folder / "segments.pickle", (self.sources_key, self._segments))
            self._segments_saved = dict(self._segments)

    # Article bodies as HTML --------------------------------------------------

    def html(self, digests: set[str]) -> dict[str, str]:
        """The cached HTML of these bodies (those that are cached)."""
        found: dict[str, str] = {}
        for number in sorted({html_shard_of(d) for d in digests}):
            shard = self._html_shard(number)
            found.update((d, shard[d]) for d in digests & shard.keys())
        return found

    def save_html(self, new: dict[str, str], live: set[str], keep: bool = True) -> None:
        """Add ``new`` and drop the bodies no article has any more, in the shards
        ``new`` touches (the others are left for a later build). ``keep``: hold the
        shards written in memory for html()."""
        if not self.enabled:
            return
        touched: dict[int, dict[str, str]] = {}
        for key, html in new.items():
            touched.setdefault(html_shard_of(key), {})[key] = html
        for number, added in touched.items():
            shard = {k: v for k, v in self._html_shard(number).items() if k in live}
            shard.update(added)
            _write(self._html_path(number), (self.sources_key, shard))
            if keep:
                self._html[number] = shard
            else:
                self._html.pop(number, None)

    def html_reader(self) -> "HtmlReader":
        """The cached HTML of bodies asked for a batch at a time (the search index)."""
        return HtmlReader(self)

    def html_saver(self, live: set[str]) -> "HtmlSaver":
        return HtmlSaver(self, live)

    def _html_shard(self, number: int) -> dict[str, str]:
        if number not in self._html:
            data = _read(self._html_path(number)) if self.enabled else None
            ok = isinstance(data, tuple) and len(data) == 2 and data[0] == self.sources_key
            self._html[number] = data[1] if ok else {}  # type: ignore[index]
        return self._html[number]

    def _html_path(self, number: int) -> Path:
        return self.folder / "html" / f"{number:03x}.pickle"

    # Output state ----------------------------------------------------------

    def state(
        self, folder: Path, any_settings: bool = False, restored: bool = False
    ) -> OutputState | None:
        """What ``folder`` holds (the output folder or its spare), if it is still
        the folder the last build wrote and the build finished. Its page fingerprints
        hold for these settings and code only; ``any_settings``: the files are enough.
        ``restored``: a served folder restored from a copy may take the state whose
        files it holds (never the spare: a killed build may have left files in it
        that no state lists, and only an emptied spare is safe then)."""
        path = self._state_path(folder) if self.enabled else None
        state = _read(path) if path else None
        if restored and path is not None and not path.exists():
            state = self._restored_state(folder)
        if not isinstance(state, OutputState) or not (any_settings or state.key == self.key):
            return None
        return state

    def _restored_state(self, folder: Path) -> object:
        """A folder restored from a copy (a CI cache: new inode, same files) has no
        state by its identity; the recorded state whose files it holds, by size and
        mtime to the nanosecond, is its own. Each file is still trusted one by one."""
        best, matched = None, 0
        for candidate in sorted((self.folder / "outputs").glob(f"{self.name}-*.pickle")):
            state = _read(candidate)
            if not isinstance(state, OutputState):
                continue
            same = len(files_still_there(state, folder))
            if same > matched:
                best, matched = state, same
        return best

    def save_state(self, folder: Path, state: OutputState) -> None:
        path = self._state_path(folder)
        if not self.enabled or path is None:
            return
        _write(path, state)
        label = output_label(self.folder, self.output_dir)  # which folder: for prune()
        named = state.output_dir.encode("utf-8")
        if read_own(label) != named:
            _put(label, named)

    def has_state(self, folder: Path) -> bool:
        """Whether a state of ``folder`` is kept by its identity."""
        path = self._state_path(folder) if self.enabled else None
        return path is not None and path.exists()

    def forget_state(self, folder: Path) -> None:
        """Before ``folder`` changes: until it is complete, nothing is known of it."""
        path = self._state_path(folder)
        if self.enabled and path is not None:
            drop(path)

    def _state_path(self, folder: Path) -> Path | None:
        identity = folder_identity(folder)
        if identity is None:
            return None
        return self.folder / "outputs" / f"{self.name}-{identity[0]}-{identity[1]}.pickle"

    def prune(self, folders: list[Path]) -> None:
        """Drop the states of output folders that no longer exist, and those of
        this output's folders that were replaced (``folders``: the ones in use)."""
        if not self.enabled:
            return
        outputs = self.folder / "outputs"
        for label in outputs.glob("*.txt"):
            data = read_own(label)
            try:
                named = Path(data.decode("utf-8")) if data else None
            except UnicodeDecodeError:
                named = None
            if named is None or not named.exists():
                # Its states are named by its place in this project (_output_name): the
                # label of the output before the project was moved names a folder outside
                # it now, with no states, and the output's own states are kept.
                name = _output_name(named, self.paths.root) if named else label.stem
                for path in [label, *outputs.glob(f"{name}-*.pickle")]:
                    drop(path)
        used = {self._state_path(f) for f in folders}
        for path in outputs.glob(f"{self.name}-*.pickle"):
            if path not in used:
                drop(path)

    def bytecode_cache(self) -> "CheckedBytecodeCache | None":
        """Compiled templates in a folder of this code's: how a template compiles is
        decided by the code (make_environment's options, its extensions) as well as by
        its source, which is all Jinja2 checks. Those of other code are removed."""
        if not self.enabled:
            return None
        folder = self.folder / "jinja"
        own = folder / self.code[:16]
        with contextlib.suppress(OSError):
            _make_folder(folder)
        with contextlib.suppress(OSError):
            for other in folder.iterdir():
                if other != own:
                    (shutil.rmtree if other.is_dir() else os.unlink)(other)
        return CheckedBytecodeCache(own, self.paths.root)


class HtmlSaver:
    """The bodies a build converts, put aside some megabytes at a time in pending files
    beside their shards (holding them all until the end took gigabytes at 100,000
    articles). ``commit``, once the bodies' links have passed the build's checks (before the
    search index reads them), merges them into the shards, one group of shards in memory at a
    time; a build that fails before leaves the shards as they were (its pending files go at
    the next commit). Only the bodies' links stay in memory."""

    # Characters of HTML held before they are put aside: Vietnamese text takes two bytes a
    # character, and 32 million held some 80 MB more at the peak of a build of 100,000 articles.
    HELD = 8 * 2**20

    def __init__(self, cache: Cache, live: set[str]):
        self.cache = cache
        self.live = live  # the bodies of the articles of this build: the others go
        self.held: dict[str, str] = {}
        self.size = 0
        self.links: dict[str, Links] = {}
        self.pending: dict[int, list[Path]] = {}  # group of shards -> its pending files
        self.parts = 0

    def add(self, html: dict[str, str], links: dict[str, "Links"]) -> None:
        """Bodies by digest, and the links marked in each."""
        self.links.update(links)
        self.size += sum(map(len, html.values()))
        self.held.update(html)
        if self.size > self.HELD:
            self._put_aside()

    def commit(self, jobs: int = 1) -> None:
        """Merge what this build converted into the shards: a group of shards at a time, on
        ``jobs`` processes once some were put aside (half a second on one core, the others
        idle, at the end of a cold build of 10,000 articles)."""
        if not self.cache.enabled:
            return
        from .workers import can_fork, fork_map  # workers imports this module

        held = _by_group(self.held)
        groups = sorted(self.pending.keys() | held.keys())
        merge = functools.partial(self._merge, held)
        if self.pending and can_fork(jobs, len(groups), 2):
            collections.deque(fork_map(merge, groups, jobs), maxlen=0)
        else:
            for group in groups:
                merge(group)
        self.held, self.size, self.pending = {}, 0, {}
        folder = self.cache.folder / "html"
        shards = {self.cache._html_path(n).name for n in range(HTML_SHARDS)}
        older = [p for p in folder.glob("*.pickle") if p.name not in shards]  # of older formats
        for leftover in [*folder.glob("*.pending-*"), *older]:
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()

    def _merge(self, held: dict[int, dict[str, str]], group: int) -> None:
        new: dict[str, str] = {}
        for path in self.pending.get(group, ()):
            data = _read(path)
            if isinstance(data, tuple) and len(data) == 2 and data[0] == self.cache.sources_key:
                new.update(data[1])
        new.update(held.get(group, {}))
        self.cache.save_html(new, self.live, keep=False)

    def _put_aside(self) -> None:
        if self.cache.enabled:
            for number, bodies in _by_group(self.held).items():
                path = (
                    self.cache.folder / "html" / f"g{number:02d}.pending-{os.getpid()}-{self.parts}"
                )
                _write(path, (self.cache.sources_key, bodies))
                self.pending.setdefault(number, []).append(path)
            self.parts += 1
        self.held, self.size = {}, 0


class HtmlReader:
    """Cached bodies for a caller that asks for many, a batch at a time, in an order that
    follows no shard (the search index: every article, oldest first). Small requests
    (a rebuild's few new articles) read their shards. The first large one copies every
    cached body, a shard at a time, into one temporary file beside the shards, and each
    request then reads its bodies from it: holding the shards took the whole HTML cache
    in memory (about 750 MB at 100,000 articles)."""

    SMALL = 256  # bodies asked at once that are read from their shards

    def __init__(self, cache: Cache):
        self.cache = cache
        self.spilled: dict[str, tuple[int, int]] = {}  # digest -> (offset, bytes)
        self.file: IO[bytes] | None = None  # the bodies, once spilled

    def __call__(self, keys: set[str]) -> dict[str, str]:
        if self.file is None and (len(keys) <= self.SMALL or not self.cache.enabled):
            return self.cache.html(keys)
        file = self.file or self._spill()
        found = {}
        for key in sorted(keys & self.spilled.keys(), key=self.spilled.__getitem__):
            offset, size = self.spilled[key]
            file.seek(offset)
            found[key] = file.read(size).decode("utf-8", "surrogatepass")
        return found

    def _spill(self) -> IO[bytes]:
        folder = self.cache.folder / "html"
        folder.mkdir(parents=True, exist_ok=True)
        # A file with no name (none left behind by a killed build), closed with the reader.
        file = self.file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
        self.cache._html.clear()
        offset = 0
        for number in range(HTML_SHARDS):
            for key, html in self.cache._html_shard(number).items():
                data = html.encode("utf-8", "surrogatepass")
                file.write(data)
                self.spilled[key] = (offset, len(data))
                offset += len(data)
            self.cache._html.pop(number, None)
        return file


_PATH = ARTICLE_FIELDS.index("path")
# Values many articles share: pickle writes an object once a file and a load makes it
# once, where equal values read from each article's file are each an object of their
# own (60 MiB of a build's memory at 100,000 articles, issue 17).
_SHARED = tuple(ARTICLE_FIELDS.index(name) for name in ("category", "author", "language"))
_TAGS = ARTICLE_FIELDS.index("tags")


def _shared_values(path: str, key: str, article: Article, shared: dict[object, object]) -> tuple:
    """The article's values for a sources shard: its path (``path``) as the shard's
    ``key`` itself (the path is made again from it in the project where it is loaded), and
    the values articles share as one object each (``shared``: those of this save)."""
    values = list(_article_values(article))
    if values[_PATH] == path:
        values[_PATH] = key
    for i in _SHARED:
        values[i] = shared.setdefault(values[i], values[i])
    values[_TAGS] = tuple(shared.setdefault(tag, tag) for tag in values[_TAGS])
    return tuple(values)


def _entries(
    rows: dict[str, tuple], path_of: Callable[[str], str], trusted: bool
) -> dict[str, SourceEntry]:
    """The entries of a sources shard by path (``path_of`` its key), from the tuples
    saved: made as pickle makes a dataclass (no __init__: the values are those saved), but
    a third of the time to load as unpickling 10,000 entries and articles (0.15 s of a
    rebuild, issue 17). Not ``trusted``: each file's stat is not, its bytes are hashed."""
    new = object.__new__
    entries = {}
    for key, (stat_ns, size, file_digest, values) in rows.items():
        path = path_of(key)
        mtime_ns = stat_ns if trusted else 0
        article = new(Article)
        attributes = article.__dict__
        attributes.update(zip(ARTICLE_FIELDS, values, strict=True))
        if attributes["path"] == key:
            attributes["path"] = path
        entry = new(SourceEntry)
        entry.__dict__.update(mtime_ns=mtime_ns, size=size, digest=file_digest, article=article)
        entries[path] = entry
    return entries


def _same_entries(old: dict[str, SourceEntry], new: dict[str, SourceEntry]) -> bool:
    return old.keys() == new.keys() and all(new[k] is v or new[k] == v for k, v in old.items())


def _by_group(bodies: dict[str, str]) -> dict[int, dict[str, str]]:
    """Bodies by group of PENDING_GROUP shards: a part put aside is some 64 files, not
    one per shard (a thousand)."""
    groups: dict[int, dict[str, str]] = {}
    for key, html in bodies.items():
        groups.setdefault(html_shard_of(key) // PENDING_GROUP, {})[key] = html
    return groups


class CheckedBytecodeCache(FileSystemBytecodeCache):
    """Jinja2's compiled templates, each file with our digest: damaged bytecode is
    compiled again instead of running (or failing as a "template error").

    Keyed by the template's place in the project (``root``), absolute outside it, where
    Jinja2 keys its absolute file name: a project moved compiled every template again and
    left the old ones in the folder for ever. Jinja2 still compares the template's source
    with the one compiled (Bucket.checksum): a template changed is compiled again."""

    def __init__(self, directory: Path, root: Path):
        directory.mkdir(parents=True, exist_ok=True)
        super().__init__(str(directory))
        self.root = root

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        place = None if filename is None else project_key(Path(filename), self.root)
        return super().get_cache_key(name, place)

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        bucket = super().get_bucket(environment, name, filename, source)
        # The code names the file it was compiled from, and Jinja names that file in a
        # template's errors (Template.filename, its traceback): the project moved, it is
        # named where it is now.
        if bucket.code is not None and filename is not None:
            bucket.code = _named(bucket.code, filename)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        data = _read_checked(Path(self._get_cache_filename(bucket)))
        if data is None:
            return
        try:
            bucket.bytecode_from_string(data)
        except Exception:  # of an older Jinja2, or unreadable: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a cache that cannot be saved is no error
            _write_checked(Path(self._get_cache_filename(bucket)), bucket.bytecode_to_string())


def _named(code: CodeType, filename: str) -> CodeType:
    """``code`` and the code it holds (a block's, a macro's) naming ``filename``."""
    if code.co_filename == filename:
        return code
    held = tuple(_named(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=held)


def shard_of(path: str) -> int:
    return int(digest(path)[:4], 16) % SHARDS


def html_shard_of(body_digest: str) -> int:
    """A body's digest is already a digest: its first digits choose the shard."""
    return int(body_digest[:5], 16) % HTML_SHARDS


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


_MAGIC = b"newsarchive-cache\n"


def _read(path: Path) -> object:
    data = _read_checked(path)
    if data is None:
        return None
    try:
        with no_gc():
            return pickle.loads(data)
    except Exception:  # of another version of a class: no cache at all
        return None


def _read_checked(path: Path) -> bytes | None:
    """The bytes saved by _write_checked, or None when missing or damaged."""
    data = read_own(path)
    if data is None:
        return None
    head = len(_MAGIC) + 32
    if len(data) < head or not data.startswith(_MAGIC):
        return None
    body = data[head:]
    if data[len(_MAGIC) : head] != digest(body).encode("ascii"):
        return None
    return body


def _write(path: Path, value: object) -> None:
    _write_checked(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _write_checked(path: Path, body: bytes) -> None:
    _put(path, b"".join([_MAGIC, digest(body).encode("ascii"), body]))


def _put(path: Path, data: bytes) -> None:
    """Write a cache file by a temporary file renamed into place: whatever was in its
    place (a damaged file, a link, a pipe) is replaced, never written through."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        try:
            tmp.write_bytes(data)
        except (FileNotFoundError, NotADirectoryError):  # the first time only: mkdir() is
            _make_folder(path.parent)  # slow even when it fails
            tmp.write_bytes(data)
    except OSError as exc:  # a full disk: no half-written file left behind for good
        tmp.unlink(missing_ok=True)
        name_file(exc, path)
        raise
    try:
        os.replace(tmp, path)
    except IsADirectoryError:  # a folder in a cache file's place failed every build
        drop(path)
        os.replace(tmp, path)


def _make_folder(folder: Path) -> None:
    """Make a folder of the cache, replacing a file in its place (an editor's save, a sync
    tool): the cache is the build's own, and such a file failed every build after."""
    if not folder.is_dir() and os.path.lexists(folder):  # a link to a folder is kept
        folder.unlink()
    folder.mkdir(parents=True, exist_ok=True)


def drop(path: Path) -> None:
    """Remove a cache file, or a folder in its place."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def files_still_there(state: OutputState | None, output_dir: Path) -> dict[str, OutputFile]:
    """The files of the last build that are still in the output folder as written
    (same size and mtime): a file deleted or edited by hand is written again."""
    if state is None:
        return {}
    there = {}
    folder = str(output_dir)
    for rel, file in state.files.items():
        try:
            st = os.stat(f"{folder}/{rel}")
        except OSError:
            continue
        if st.st_mtime_ns == file.mtime_ns and st.st_size == file.size:
            there[rel] = file
    return there
