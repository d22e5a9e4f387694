"""The documentation stays true: every command a page marks runnable runs (in a copy of the project, with the venv
running the tests), and every relative link of the README and docs/ points to a file that exists.

A runnable block is a fenced `sh` block whose info string says `title="runnable"`, or that follows a line
`<!-- runnable -->`; its lines run in one shell with `set -e`, and the block passes when the shell exits 0."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.project import ROOT, VENV, tracked_copy

PAGES = sorted([ROOT / "README.md", ROOT / "CHANGELOG.md", *(ROOT / "docs").glob("*.md")])
FENCE = re.compile(r"^```(\S*)(.*)$")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    code: str

    def __str__(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def runnable(page: Path) -> list[Block]:
    """The runnable blocks of a page."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found, i = [], 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if fence:
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            marked = 'title="runnable"' in fence[2] or (i > 0 and lines[i - 1].strip() == "<!-- runnable -->")
            if marked:
                assert fence[1] == "sh", f"{page.name}:{i + 1}: a runnable block is a sh block"
                found.append(Block(page, i + 1, "\n".join(lines[i + 1:end])))
            i = end
        i += 1
    return found


BLOCKS = [b for page in PAGES for b in runnable(page)]


def test_a_handful_of_commands_are_runnable() -> None:
    assert len(BLOCKS) >= 5
    assert len({b.page for b in BLOCKS}) >= 4


def test_the_marker_is_found(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text('text\n\n<!-- runnable -->\n```sh\ntrue\n```\n\n```sh\nfalse\n```\n\n'
                    '```sh title="runnable"\necho a\necho b\n```\n', encoding="utf-8")
    assert [(b.line, b.code) for b in runnable(page)] == [(4, "true"), (12, "echo a\necho b")]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the project as a clone holds it, one for each block, its `.venv` the venv running the tests
    (whose stamps are current: make installs nothing)."""
    root = tracked_copy(tmp_path / "project")
    (root / ".venv").symlink_to(VENV)
    return root


def run(block: Block, root: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": f"{VENV / 'bin'}:/usr/bin:/bin", "HOME": str(root),
           **{k: v for k, v in os.environ.items() if k == "PYTHONPATH"}}
    return subprocess.run(["sh", "-ec", block.code], cwd=root, capture_output=True, text=True, check=False, env=env,
                          timeout=300)


@pytest.mark.parametrize("block", BLOCKS, ids=str)
def test_runnable_command(block: Block, copy: Path) -> None:
    dry = subprocess.run(["make", "-n", "--no-print-directory", "test"], cwd=copy, capture_output=True, text=True,
                         check=False)
    assert "pip install" not in dry.stdout, "make would install into the venv running the tests"
    result = run(block, copy)
    assert result.returncode == 0, f"{block}:\n{block.code}\n{result.stdout}{result.stderr}"


def test_a_failing_command_fails(copy: Path) -> None:
    assert run(Block(ROOT / "README.md", 0, "true\nfalse\ntrue"), copy).returncode != 0


LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def links(page: Path) -> list[str]:
    """The relative link targets of a page, outside code."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"`[^`\n]*`", "", text)
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+:", t) and not t.startswith("#")]


@pytest.mark.parametrize("page", [*PAGES, ROOT / "REDAKTORSGUIDE.md"], ids=lambda p: p.name)
def test_relative_links_point_to_files(page: Path) -> None:
    for target in links(page):
        path = (page.parent / target.split("#")[0]).resolve()
        assert path.exists() and path.is_relative_to(ROOT), f"{page.name}: {target}"


def test_the_readme_is_a_front_door() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    assert "make site" in readme and "make test" in readme
    linked = {t.split("#")[0] for t in links(ROOT / "README.md")}
    assert {f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")} <= linked, "every page is reachable"


def test_the_link_check_notices_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("[a](missing.md) and `[b](code.md)` and [c](https://example.org/)\n", encoding="utf-8")
    assert links(page) == ["missing.md"]
    assert sys.executable  # the venv the copies use
