"""Every page is valid HTML by the W3C Nu HTML checker (vnu), as an auditor would check it.

The checker is the pinned `vnu-jar` npm package (package.json; `make test` runs `npm ci`), run with
the system's Java (Debian's default-jre-headless; `.ci/run` installs it). Both the seeds' site, on a
date when agreements are in force and on one when the stale banners show, and the municipality case
(tests/cases/municipality.yaml: every kind of body, agreement and meeting) are checked, every HTML file
of each build in one run of the checker.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from support.project import ROOT
from support.site import BuiltSite

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def java() -> str:
    """The Java runtime; skipped locally when it or the checker is missing, a failure under CI."""
    found = shutil.which("java")
    if found and VNU_JAR.is_file():
        return found
    message = "no java on PATH" if not found else f"{VNU_JAR.relative_to(ROOT)} missing (run `npm ci`)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}: under CI the HTML checker must run")
    pytest.skip(f"{message}: HTML validation skipped")


def vnu_errors(site: Path) -> list[str]:
    """The checker's errors over every HTML file of a built site, one line each: file:line: message."""
    files = sorted(str(p) for p in site.rglob("*.html"))
    assert files, f"no HTML in {site}"
    result = subprocess.run([java(), "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, check=False)
    report = json.loads(result.stderr)  # vnu writes its report to stderr, exit status 1 when it found errors
    errors = []
    for m in report["messages"]:
        if m["type"] == "info":
            continue
        where = m.get("url", "").removeprefix(f"file:{site}/")
        errors.append(f"{where}:{m.get('lastLine', '?')}: {m['message']} [{' '.join(m.get('extract', '').split())}]")
    assert errors or result.returncode == 0, result.stdout + result.stderr
    return errors


@pytest.mark.parametrize("build_date", ["2022-06-01", "2026-11-22"])
def test_seeds_site_is_valid_html(site_at: Callable[[str], BuiltSite], build_date: str) -> None:
    errors = vnu_errors(site_at(build_date).path)
    assert not errors, f"{len(errors)} errors by the Nu HTML checker:\n" + "\n".join(errors)


def test_municipality_site_is_valid_html(municipality: BuiltSite) -> None:
    errors = vnu_errors(municipality.path)
    assert not errors, f"{len(errors)} errors by the Nu HTML checker:\n" + "\n".join(errors)
