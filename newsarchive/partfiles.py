"""The temporary name a file is written under before it takes its own (`new`, `import`).

One place spells it: the writers (scaffold.write_whole, importing/media.write_atomic), the
build, which refuses such a file in static/ since an interrupted import may have cut it
short, and the import, which removes those a killed run left.
"""

import os
import re
import stat
from pathlib import Path

_PART = re.compile(r"\.(.+)\.part-([0-9]+)")


def part_of(target: Path) -> Path:
    """Where ``target`` is written first: hidden, beside it, named by this process."""
    return target.with_name(f".{target.name}.part-{os.getpid()}")


def is_part(name: str) -> bool:
    """Whether a file name is one that part_of gives."""
    return _PART.fullmatch(name) is not None


def target_of(name: str) -> str:
    """The name of the file a part file (``is_part``) was being written as."""
    part = _PART.fullmatch(name)
    assert part is not None
    return part[1]


def left_behind(folder: Path) -> list[Path]:
    """The part files below ``folder`` of a process that no longer runs: what a killed
    `new` or `import` left (kill -9, a closed terminal: the writer's finally never ran),
    never to be finished. Only regular files of part_of's name; links are not followed."""
    if os.name != "posix":  # Windows' os.kill(pid, 0) ends the process: it asks nothing
        return []
    found = []
    for parent, _, names in os.walk(folder):
        for name in names:
            part = _PART.fullmatch(name)
            if part and _regular(Path(parent, name)) and not process_runs(int(part[2])):
                found.append(Path(parent, name))
    return sorted(found)


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:  # gone already: a `new` that was running has ended
        return False


def process_runs(pid: int) -> bool:
    """Whether a process ``pid`` runs, on POSIX (Windows' os.kill(pid, 0) ends it): one
    of another user (EPERM) runs; so does one of a number no process can have (a file
    that names it was written over), which is never taken for gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True
    return True
