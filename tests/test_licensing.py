"""Public-sector conventions: a licence (EUPL-1.2), licence and copyright information for every file (REUSE),
and a publiccode.yml valid against the standard's JSON Schema (docs/licensing.md)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from support.project import ROOT, tracked_copy

SCHEMA = json.loads((ROOT / "tests" / "publiccode-schema" / "publiccode.schema.json").read_text(encoding="utf-8"))


def reuse_lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reuse", "--root", str(root), "lint"], capture_output=True,
                          text=True, check=False)


def test_every_file_has_licence_and_copyright() -> None:
    result = reuse_lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_reuse_lint_notices_a_missing_licence_text(tmp_path: Path) -> None:
    copy = tracked_copy(tmp_path / "copy")
    assert reuse_lint(copy).returncode == 0
    (copy / "LICENSES" / "MIT.txt").unlink()
    result = reuse_lint(copy)
    assert result.returncode != 0 and "MIT" in result.stdout


def test_the_licence_is_eupl_throughout() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence == (ROOT / "LICENSES" / "EUPL-1.2.txt").read_text(encoding="utf-8")
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in licence
    reuse = tomllib.loads((ROOT / "REUSE.toml").read_text(encoding="utf-8"))
    assert reuse["annotations"][0] == {"path": "**", "SPDX-FileCopyrightText": "Lunds kommun",
                                       "SPDX-License-Identifier": "EUPL-1.2"}
    assert publiccode()["legal"]["license"] == "EUPL-1.2"


def publiccode() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def errors(data: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(data)]


def test_publiccode_is_valid() -> None:
    data = publiccode()
    assert errors(data) == []
    assert data["publiccodeYmlVersion"] == "0.5"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert data["softwareVersion"] == project["version"]
    assert data["intendedAudience"]["countries"] == ["SE"]
    assert {"sv", "en"} <= data["description"].keys()
    assert not [k for k in data if re.fullmatch(r"[A-Za-z]{2}", k)], "no country section: Sweden has none"


def test_the_schema_check_can_fail() -> None:
    data = publiccode()
    assert errors({k: v for k, v in data.items() if k != "legal"}) == [": 'legal' is a required property"]
    broken = {**data, "description": {"sv": {**data["description"]["sv"], "shortDescription": "x" * 151}}}
    assert len(errors(broken)) == 1
    assert errors({**data, "releaseDate": "4 december"})
