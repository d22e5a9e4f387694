"""The code stays typed and lint-clean: ruff and mypy run as part of the tests."""

from __future__ import annotations

import subprocess
import sys

import pytest
from support.project import ROOT


@pytest.mark.parametrize("command", [["ruff", "check", "hooks", "tests", "bench"], ["mypy"]])
def test_clean(command: list[str]) -> None:
    """mypy without arguments: pyproject's [tool.mypy] says what to check (hooks, tests, bench) and how strictly."""
    result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
