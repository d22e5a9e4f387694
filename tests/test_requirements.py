"""Dependencies: the build's and the tests' apart, each locked with hashes (requirements/), installed with
--require-hashes, and `make site` installing only the build's (docs/build-and-deployment.md)."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest
from support.project import ROOT

REQUIREMENTS = ROOT / "requirements"
PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+) \\$")


def locked(name: str) -> dict[str, str]:
    """Version of every package in a lock file, each checked to carry at least one sha256 hash."""
    lines = (REQUIREMENTS / name).read_text(encoding="utf-8").splitlines()
    found: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line or line.startswith((" ", "#")):
            continue
        match = PIN.match(line)
        assert match, f"{name}: not an exact pin with hashes: {line}"
        assert lines[i + 1].strip().startswith("--hash=sha256:"), f"{name}: {line} has no hash"
        found[normal(match[1])] = match[2]
    return found


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def direct(name: str) -> dict[str, str]:
    """The exact pins an .in file names (its `-c` lines aside)."""
    pins = {}
    for line in (REQUIREMENTS / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "-c")):
            package, _, version = line.partition("==")
            assert version, f"{name}: {line} is not pinned"
            pins[normal(package.split("[")[0])] = version
    return pins


def test_locks_pin_every_package_with_hashes_and_agree() -> None:
    build, test = locked("build.txt"), locked("test.txt")
    assert {"properdocs", "mkdocs-material", "setuptools", "pydantic"} <= build.keys()
    assert {"pytest", "playwright", "reuse", "mypy"} <= test.keys()
    assert not {"pytest", "playwright", "ruff", "mypy", "reuse"} & build.keys(), "test tools stay out of the build"
    shared = build.keys() & test.keys()
    assert shared and {p: test[p] for p in shared} == {p: build[p] for p in shared}
    for source, lock in (("build.in", build), ("test.in", test)):
        assert {p: lock[p] for p in direct(source)} == direct(source), f"{source} and its lock disagree"


def test_inputs_cover_pyproject() -> None:
    """Every dependency pyproject.toml declares is pinned: the package's in build.in, its test extra in test.in."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [normal(re.split(r"[\[<>=!~ ]", d)[0]) for d in project["dependencies"]]
    assert set(names) <= direct("build.in").keys()
    tests = [normal(re.split(r"[\[<>=!~ ]", d)[0]) for d in project["optional-dependencies"]["test"]]
    assert set(tests) <= direct("test.in").keys()
    assert "-c build.txt" in (REQUIREMENTS / "test.in").read_text(encoding="utf-8").splitlines()


def dry_run(target: str, venv: Path) -> str:
    """What `make <target>` would run with a venv that has nothing installed."""
    result = subprocess.run(["make", "-n", "--no-print-directory", target, f"VENV={venv}", f"PY={venv}/bin/python"],
                            cwd=ROOT, capture_output=True, text=True, check=True, env={"PATH": "/usr/bin:/bin"})
    return result.stdout


@pytest.mark.parametrize(("target", "files"), [
    ("site", ["requirements/build.txt"]), ("check", ["requirements/build.txt"]),
    ("test", ["requirements/build.txt", "requirements/test.txt"]),
])
def test_make_installs_with_hashes_only_what_the_target_needs(tmp_path: Path, target: str, files: list[str]) -> None:
    installs = re.findall(r"pip install (.*)", dry_run(target, tmp_path / "venv"))
    assert [i for i in installs if "-r " in i] == [f"-q --require-hashes -r {f}" for f in files]
    assert any("--no-deps --no-build-isolation -e ." in i for i in installs)
