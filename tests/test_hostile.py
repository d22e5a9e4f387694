"""Hostile and careless input against what is published (tests/cases/hostile*.yaml, issues 11 and 24): each case
through `make check`'s function and a real build, which agree; a refused case leaves no output at all,
and no case's payload reaches any published file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import cache, check
from namndbeslut.kinds import FOLDERS
from namndbeslut_mkdocs import build_problems
from properdocs.commands.build import build
from properdocs.config import load_config
from properdocs.exceptions import Abort
from support.project import CASES_DIR, write_case
from support.site import build as build_site

HOSTILE: list[dict[str, Any]] = [case for path in sorted(CASES_DIR.glob("hostile*.yaml"))
                                  for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
"""Every corpus of hostile input: hostile.yaml (issue 11) and one file per class of issue 24 (hostile-*.yaml)."""


def write_hostile(root: Path, case: dict[str, Any]) -> Path:
    """The base tree with the case's changes, its mkdocs.yml changes, links and generated files."""
    write_case(root, case)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in case.get("mkdocs", []):
        assert old in text, f"{case['case']}: {old!r} not in mkdocs.yml"
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    for rel, target in case.get("links", {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).symlink_to(target if target.startswith("/") else root / target)
    for rel, target in case.get("hardlinks", {}).items():  # a target outside the project is made first
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        if not (root / target).exists():
            (root / target).write_text("hemligt\n", encoding="utf-8")
        (root / rel).hardlink_to(root / target)
    for rel, (head, unit, count, tail) in case.get("generate", {}).items():
        (root / rel).write_text(head + unit * count + tail, encoding="utf-8")
    return root


def _records_only(case: dict[str, Any]) -> bool:
    """Whether the case changes only records (the files the loader judges alone once a whole build passed)."""
    touched = [*case.get("files", {}), *case.get("replace", {}), *case.get("links", {}), *case.get("hardlinks", {}),
               *case.get("generate", {}), *([case["large"]] if "large" in case else [])]
    return "mkdocs" not in case and all(Path(rel).parts[0] in FOLDERS for rel in touched)


def test_corpus_names_are_unique() -> None:
    names = [c["case"] for c in HOSTILE]
    assert len(names) == len(set(names)) and len(names) >= 20


@pytest.mark.parametrize("case", HOSTILE, ids=[c["case"] for c in HOSTILE])
def test_hostile_input_is_refused_or_inert(case: dict[str, Any], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # the build pins it; undone afterwards, for the tests that follow
    if "build_date" in case:  # a case about dates names the day it is checked on, so it never goes stale
        monkeypatch.setenv("BUILD_DATE", str(case["build_date"]))
    root = write_hostile(tmp_path / "project", case)
    found = [str(p) for p in check.problems(root, build_problems)]
    assert len(found) == len(case["expect"]), "\n".join(found)
    if _records_only(case):  # what the loader alone says (make check after a whole build passed) is the same
        cache.mark_built(root, os.environ)
        assert [str(p) for p in check.problems(root, build_problems)] == found
    for expected, line in zip(case["expect"], found, strict=True):
        assert line.startswith(expected), f"{expected!r} is not\n{line!r}"
    out = tmp_path / "out"
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out))
    if case["expect"]:
        with pytest.raises(Abort) as info:
            build(config)
        assert all(expected in str(info.value) for expected in case["expect"]), str(info.value)
        assert not out.exists(), "a refused build leaves nothing to publish"
        return
    build(config)
    published = [p for p in out.rglob("*") if p.is_file()]
    assert {p.suffix for p in published} >= {".html", ".xml", ".ics", ".csv", ".json", ".gz"}
    for path in published:
        data = path.read_bytes()
        for payload in case.get("payload", []):
            assert payload.encode("utf-8") not in data, f"{payload!r} published in {path.relative_to(out)}"


def test_check_names_a_meeting_withheld_until_its_date(tmp_path: Path) -> None:
    case = next(c for c in HOSTILE if c["case"] == "meeting-dated-after-the-build-date")
    root = write_hostile(tmp_path, case)
    script = Path(sys.executable).with_name("namndbeslut-check")
    result = subprocess.run([str(script), str(root)], capture_output=True, text=True, check=False,
                            env={**os.environ, "BUILD_DATE": "2026-12-04"})
    assert (result.returncode, result.stdout.splitlines()) == (0, [
        "decisions/2027-06-09-socialnamnden.md:3: date: sammanträdet är daterat 2027-06-09, efter byggdatumet "
        "2026-12-04; det publiceras inte som hållet förrän det datumet (som planerat sammanträde visas det om "
        "nämndens fil har det i 'meetings')"])


def test_a_historical_rebuild_withholds_later_meetings_and_succeeds(tmp_path: Path) -> None:
    result = build_site(tmp_path / "out", "2019-12-01")  # within two years of the seeds' last meeting (2021-06-09)
    assert result.returncode == 0, result.stderr
    assert not list((tmp_path / "out" / "sammantraden").glob("20*/index.html")), "no meeting held before 2019-12-01"
    assert (tmp_path / "out" / "overenskommelser" / "index.html").is_file()


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("site_name: Socialnämnden", 'site_name: "Socialnämnden" – beslut',
     "mkdocs.yml:1: inställningar: YAML-fel: indraget stämmer inte med raderna ovan"),
    ("docs_dir: content", "docs_dir: content\nsite_titel: x",
     "mkdocs.yml: inställningar: inställningarna godtas inte (Aborted with 1 configuration warnings"),
])
def test_a_broken_mkdocs_yml_is_a_problem_not_a_traceback(old: str, new: str, expected: str, tmp_path: Path) -> None:
    root = write_hostile(tmp_path, {"case": "mkdocs", "mkdocs": [[old, new]]})
    script = Path(sys.executable).with_name("namndbeslut-check")
    result = subprocess.run([str(script), str(root)], capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stdout.splitlines()[-1].startswith(expected), result.stdout
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "out")],
                           cwd=root, capture_output=True, text=True, check=False)
    assert build.returncode != 0 and not (tmp_path / "out").exists()
