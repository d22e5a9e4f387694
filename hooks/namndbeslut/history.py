"""When each content file was first and last committed, from git history: one `git log` per build.

A file git does not know (no repository, git missing, a new uncommitted file) has no entry; the
caller then falls back to a date from the file's front matter.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

_MARK = "\x00"


@dataclass(frozen=True)
class Span:
    """The commit times of the first and the newest commit that touched one file."""

    first: dt.datetime
    last: dt.datetime


FileHistory = dict[Path, Span]
"""Each path (relative to the root read) with its first and last commit time."""


def read(root: Path) -> FileHistory:
    """Every path under `root` git knows, with its first and last commit (the same for every build of one commit)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--relative", "--no-renames", "--format=%x00%cI", "--name-only", "--", "."],
            capture_output=True, text=True, check=True, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    return parse(result.stdout)


def parse(log: str) -> FileHistory:
    """Parse `git log --format=<NUL>%cI --name-only` output (newest commit first)."""
    last: dict[Path, dt.datetime] = {}
    first: dict[Path, dt.datetime] = {}
    when: dt.datetime | None = None
    for line in log.splitlines():
        if line.startswith(_MARK):
            when = dt.datetime.fromisoformat(line[1:])
        elif line.strip() and when is not None:
            path = Path(line.strip())
            last.setdefault(path, when)
            first[path] = when
    return {path: Span(first[path], at) for path, at in last.items()}
