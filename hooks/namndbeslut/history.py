"""When each content file last changed, from git history: one `git log` per build, parsed into a dict.

A file git does not know (no repository, git missing, a new uncommitted file) has no entry; the
caller then falls back to a date from the file's front matter.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

_MARK = "\x00"


def last_changed(root: Path) -> dict[Path, dt.date]:
    """Each path under `root` (relative to it) with the date of the newest commit that touched it."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--relative", "--no-renames", "--format=%x00%cs", "--name-only", "--", "."],
            capture_output=True, text=True, check=True, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    return parse(result.stdout)


def parse(log: str) -> dict[Path, dt.date]:
    """Parse `git log --format=<NUL>%cs --name-only` output (newest commit first)."""
    changed: dict[Path, dt.date] = {}
    day: dt.date | None = None
    for line in log.splitlines():
        if line.startswith(_MARK):
            day = dt.date.fromisoformat(line[1:])
        elif line.strip() and day is not None:
            changed.setdefault(Path(line.strip()), day)
    return changed
