"""Copies of the project to build in a temporary folder, and the corpus of broken input (tests/cases/)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from namndbeslut import frontmatter, loader
from namndbeslut.errors import ContentError
from namndbeslut.loader import FOLDERS, PAGES

ROOT = Path(__file__).resolve().parent.parent.parent
CASES_DIR = ROOT / "tests" / "cases"
BASE_TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "base.yaml").read_text(encoding="utf-8"))
"""A small valid tree of content, by relative path: each broken case changes it."""
CASES: list[dict[str, Any]] = yaml.safe_load((CASES_DIR / "broken.yaml").read_text(encoding="utf-8"))


def write_case(root: Path, case: dict[str, Any]) -> Path:
    """The base tree with the case's changes, plus what the engine needs to build it."""
    files: dict[str, str | bytes | None] = {**BASE_TREE, **case.get("files", {})}
    for rel, swaps in case.get("replace", {}).items():
        text = files[rel]
        assert isinstance(text, str)
        for old, new in swaps:
            assert old in text, f"{case['case']}: {old!r} not in {rel}"
            text = text.replace(old, new)
        files[rel] = text
    write_tree(root, files)
    if "large" in case:
        (root / case["large"]).write_bytes(b"---\ntitle: x\n---\n" + b"text " * (frontmatter.MAX_BYTES // 5))
    link_engine(root)
    return root


def write_tree(root: Path, files: Mapping[str, str | bytes | None]) -> None:
    """Content files by relative path (None: left out)."""
    for rel, content in files.items():
        if content is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def problems(root: Path, tree: Mapping[str, str], build_date: str) -> list[str]:
    """What the loader reports for the content files of `tree` (by path), each 'file:line: field: message'; [] when
    they load."""
    write_tree(root, dict(tree))
    try:
        loader.load(root, dt.date.fromisoformat(build_date))
    except ContentError as err:
        return [str(p) for p in err.problems]
    return []


def edited(tree: Mapping[str, str], path: str, old: str, new: str) -> dict[str, str]:
    """`tree` with `old` in `path` written as `new` (which must be there: an edit that misses is the test's error)."""
    assert old in tree[path], f"{old!r} not in {path}"
    return {**tree, path: tree[path].replace(old, new)}


def link_engine(root: Path) -> None:
    """mkdocs.yml, the hooks and the theme folder of the real project, next to the case's content."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "hooks").symlink_to(ROOT / "hooks")
    if (ROOT / "site_src").is_dir():
        shutil.copytree(ROOT / "site_src", root / "site_src", dirs_exist_ok=True)
    for folder in [*mkdocs_config().get("watch", []), "site_src"]:  # MkDocs refuses a config whose folders are missing
        (root / folder).mkdir(parents=True, exist_ok=True)


def _ignore_python_tag(*_: object) -> None:
    return None


def mkdocs_config() -> dict[str, Any]:
    """mkdocs.yml as data (Python tags, e.g. Material's emoji functions, read as None)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_python_tag)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert isinstance(config, dict)
    return config


def project_copy(dest: Path) -> Path:
    """The project as an editor's checkout: content copied, engine and tools alongside."""
    for folder in (*FOLDERS, PAGES):
        shutil.copytree(ROOT / folder, dest / folder)
    link_engine(dest)
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, dest / name)  # keeps mtimes: make must not reinstall the venv
    shutil.copytree(ROOT / "requirements", dest / "requirements")  # copytree keeps mtimes too
    return dest


def tracked_copy(dest: Path) -> Path:
    """The files git tracks (what a clone holds), copied with their times, without the repository."""
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in filter(None, names.split("\0")):
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    return dest


VENV = Path(sys.executable).parent.parent
"""The virtual environment running the tests: `make` uses it as it is (its install stamps are current)."""


def make(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`make` in `project` with the test's venv (and the code under test: PYTHONPATH, when set). First a dry run
    (`make -n`): the tests never install into the venv running them, so a stamp that is not current fails here."""
    command = ["make", "--no-print-directory", *args, f"VENV={VENV}", f"PY={sys.executable}"]
    environ = {"PATH": "/usr/bin:/bin", **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"}, **(env or {})}
    dry = subprocess.run([command[0], "-n", *command[1:]], cwd=project, capture_output=True, text=True, check=False,
                         env=environ)
    assert "pip install" not in dry.stdout, f"make would install the venv again:\n{dry.stdout}"
    return subprocess.run(command, cwd=project, capture_output=True, text=True, check=False, env=environ)
