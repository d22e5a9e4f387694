"""A project copy in a git repository of its own: commits at given times, renames with `git mv`."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from support.project import project_copy


def git(repo: Path, *args: str, at: str = "2025-01-10T10:00:00+01:00") -> str:
    """Run git in `repo`, committing (if it does) at `at`, as a neutral author."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Redaktör", "GIT_AUTHOR_EMAIL": "redaktor@example.org",
           "GIT_COMMITTER_NAME": "Redaktör", "GIT_COMMITTER_EMAIL": "redaktor@example.org",
           "GIT_AUTHOR_DATE": at, "GIT_COMMITTER_DATE": at, "GIT_CONFIG_GLOBAL": "/dev/null"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def repository(dest: Path, at: str = "2025-01-10T10:00:00+01:00") -> Path:
    """The project copied to `dest`, committed once at `at`."""
    project_copy(dest)
    git(dest, "init", "-q", "-b", "main")
    commit(dest, "Innehållet", at)
    return dest


def commit(repo: Path, message: str, at: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, at=at)


def rename(repo: Path, folder: str, old: str, new: str) -> None:
    """`git mv` a record's file and change every reference to its id (a whole id, not a longer one it begins)."""
    git(repo, "mv", f"{folder}/{old}.md", f"{folder}/{new}.md")
    pattern = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    for path in [*repo.glob("*/*.md")]:
        text = path.read_text(encoding="utf-8")
        if pattern.search(text):
            path.write_text(pattern.sub(new, text), encoding="utf-8")
