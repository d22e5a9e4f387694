"""When each content file was first and last committed, and what became of files that are gone, from git history:
one `git log` per build (and one `git diff` for renames not yet committed).

Renames are followed (git's `--find-renames`): a renamed file keeps the first commit of its old name, and the old
name is remembered as moved to the new one; a deleted file is remembered with the time of its deletion. The
addresses the site has published are derived from this (addresses.py).

A file git does not know (no repository, git missing, a new uncommitted file) has no entry; the
caller then falls back to a date from the file's front matter.

A site started from another site's files (`make new-site`: the example's) names the commit it started after
(addresses.yml's `started_after`): only later commits are read, and the files that commit held are the example's,
not this site's: their removal is no deletion of this site's, and a file the site kept begins with its next change.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

_MARK = "\x00"


@dataclass(frozen=True)
class Span:
    """The commit times of the first and the newest commit that touched one file (under any of its names)."""

    first: dt.datetime
    last: dt.datetime


FileHistory = dict[Path, Span]
"""Each path (relative to the root read) with its first and last commit time."""


class Fate(StrEnum):
    """What the newest commit that names a path did to it."""

    KEPT = "kept"
    """Added or changed: the path existed after it (if it is missing now, it was deleted and not yet committed)."""
    MOVED = "moved"
    DELETED = "deleted"


@dataclass(frozen=True)
class Event:
    """The newest thing history says happened to a path: when, and where it went when it was moved."""

    fate: Fate
    at: dt.datetime | None
    """None for a rename not yet committed."""
    to: Path | None = None


@dataclass(frozen=True)
class Log:
    """One repository's history of the files under the root read."""

    spans: FileHistory = field(default_factory=dict)
    events: dict[Path, Event] = field(default_factory=dict)
    """Every path ever committed, with the newest event of its name."""
    shallow: bool = False
    """A shallow clone: history before its oldest commit is unknown (the address register tells it)."""
    unknown_start: bool = False
    """The commit the site started after is not in this repository's history (and the clone is not shallow)."""


def read(root: Path) -> FileHistory:
    """Every path under `root` git knows, with its first and last commit (the same for every build of one commit)."""
    return read_log(root).spans


def read_log(root: Path, after: str | None = None) -> Log:
    """`root`'s history, with renames committed or staged (`git mv`) but not yet committed; empty outside git.
    With `after` (the commit the site started after), only what came after it, without the example's files."""
    try:
        shallow = _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
    except (OSError, subprocess.SubprocessError):
        return Log()
    inherited: frozenset[Path] = frozenset()
    if after:
        try:
            inherited = frozenset(map(Path, _git(root, "ls-tree", "-r", "--name-only", after, "--", ".").splitlines()))
        except subprocess.CalledProcessError:
            if not shallow:  # a shallow clone that does not reach it: its whole history came after it
                return Log(unknown_start=True)
            after = None
        except (OSError, subprocess.SubprocessError):
            return Log()
    try:
        log = _git(root, "log", "--relative", "--find-renames", "--name-status", "--format=%x00%cI",
                   *([f"{after}..HEAD"] if after else []), "--", ".")
    except (OSError, subprocess.SubprocessError):
        return Log()
    try:
        pending = _git(root, "diff", "--relative", "--find-renames", "--name-status", "HEAD", "--", ".")
    except (OSError, subprocess.SubprocessError):
        pending = ""
    return parse_log(log, pending, shallow, inherited)


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def parse(log: str) -> FileHistory:
    """Parse `git log --format=<NUL>%cI --name-status` (or `--name-only`) output (newest commit first)."""
    return parse_log(log).spans


Change = tuple[str, Path, Path]
"""One path's change in one commit: status letter (A, M, D, R), old and new path."""


def parse_log(log: str, pending: str = "", shallow: bool = False, inherited: frozenset[Path] = frozenset()) -> Log:
    """Parse the log (newest commit first) and `git diff --name-status HEAD`'s uncommitted changes, `pending`;
    without the changes that end the `inherited` files (the example's: see `_own`)."""
    last: dict[Path, dt.datetime] = {}
    first: dict[Path, dt.datetime] = {}
    events: dict[Path, Event] = {}
    now_named: dict[Path, Path] = {}
    """An older name of a file, with the name it has now (the newest name in the history read so far)."""
    committed, uncommitted = _own(_commits(log), _changes(pending), inherited)
    for status, old, new in uncommitted:
        if status == "R" and old != new:
            events[old] = Event(Fate.MOVED, None, new)
            now_named[old] = new
        elif status == "D":
            events[new] = Event(Fate.DELETED, None)
    for when, (status, old, new) in committed:
        current = now_named.get(new, new)
        last.setdefault(current, when)
        first[current] = when
        if status == "R" and old != new:
            events.setdefault(old, Event(Fate.MOVED, when, new))
            now_named.setdefault(old, current)
        events.setdefault(new, Event(Fate.DELETED if status == "D" else Fate.KEPT, when))
    spans = {path: Span(first[path], at) for path, at in last.items()}
    return Log(spans, events, shallow)


def _commits(log: str) -> list[tuple[dt.datetime, Change]]:
    """Each change of the log with its commit's time, newest first."""
    out: list[tuple[dt.datetime, Change]] = []
    when: dt.datetime | None = None
    for line in log.splitlines():
        if line.startswith(_MARK):
            when = dt.datetime.fromisoformat(line[1:])
        elif (change := _change(line)) is not None and when is not None:
            out.append((when, change))
    return out


def _own(committed: list[tuple[dt.datetime, Change]], pending: list[Change],
         inherited: frozenset[Path]) -> tuple[list[tuple[dt.datetime, Change]], list[Change]]:
    """The changes that are this site's: an `inherited` file's removal (or a rename away from it) is the example's
    going, not a deletion; its first other change (an edit, or a file added again at its path) makes it this
    site's, as a new file. Read oldest first, since what a change means depends on what came before it."""
    if not inherited:
        return committed, pending
    alive = set(inherited)

    def own(change: Change) -> Change | None:
        status, old, new = change
        if old not in alive and new not in alive:
            return change
        alive.discard(old)
        alive.discard(new)
        if status == "D":
            return None
        return ("A", new, new) if status == "R" else change

    mine = [(when, c) for when, change in reversed(committed) if (c := own(change)) is not None]
    return mine[::-1], [c for change in pending if (c := own(change)) is not None]


def _changes(text: str) -> list[Change]:
    return [c for c in map(_change, text.splitlines()) if c is not None]


def _change(line: str) -> Change | None:
    """One line of `--name-status` ('M\\tpath', 'R100\\told\\tnew') or `--name-only` ('path'): status, old, new."""
    if not line.strip():
        return None
    parts = line.split("\t")
    if len(parts) == 1:
        return "M", Path(line.strip()), Path(line.strip())
    status = parts[0][:1]
    return status, Path(parts[1]), Path(parts[-1])
