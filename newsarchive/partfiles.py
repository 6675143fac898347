"""The temporary name a file is written under before it takes its own (`new`, `import`).

One place spells it: the writers (scaffold.write_whole, importing/media.write_atomic) and
the build, which refuses such a file in static/ since an interrupted import may have cut
it short.
"""

import os
import re
from pathlib import Path

_PART = re.compile(r"\..+\.part-[0-9]+")


def part_of(target: Path) -> Path:
    """Where ``target`` is written first: hidden, beside it, named by this process."""
    return target.with_name(f".{target.name}.part-{os.getpid()}")


def is_part(name: str) -> bool:
    """Whether a file name is one that part_of gives."""
    return _PART.fullmatch(name) is not None
