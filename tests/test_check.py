"""Every kind of bad input, from a corpus of broken trees (tests/cases/broken.yaml): each stops
`make check` and the real build with a message naming the file and the line or field."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from namndbeslut import check
from namndbeslut.errors import Problem
from properdocs.commands.build import build
from properdocs.config import load_config
from properdocs.exceptions import Abort
from support.project import CASES, ROOT, write_case
from support.site import build as build_site
from test_hostile import HOSTILE, write_hostile


def test_corpus_covers_every_kind() -> None:
    names = [c["case"] for c in CASES]
    assert len(names) == len(set(names)) and len(names) > 25


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_broken_input_is_reported_and_stops_the_build(case: dict[str, Any], tmp_path: Path) -> None:
    root = write_case(tmp_path, case)
    found = [str(p) for p in check.problems(root)]
    for expected in case["expect"]:
        assert any(expected in line for line in found), f"{expected!r} not in:\n" + "\n".join(found)
    assert len(found) == len(case["expect"]), "one message per mistake, no follow-on noise:\n" + "\n".join(found)
    for line in found:  # every problem names its file, and its line or its field
        path, _, rest = line.partition(": ")
        assert (root / path.split(":")[0]).exists() and rest.strip(), line
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    with pytest.raises(Abort) as info:
        build(config)
    assert case["expect"][0] in str(info.value)
    assert not (tmp_path / "out").exists()


def test_base_tree_is_valid(tmp_path: Path) -> None:
    assert check.problems(write_case(tmp_path, {})) == []


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    root = write_case(tmp_path, {})
    for path in [root / "agreements/foreningen-2021-2023.md", root / "decisions/2021-06-09-socialnamnden.md"]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert check.problems(root) == []


def test_organisation_number_and_reviewed_number_pass(tmp_path: Path) -> None:
    root = write_case(tmp_path, {"replace": {"partners/kvinnojouren.md": [[
        "name: Kvinnojouren Lund", ('name: Kvinnojouren Lund\nreviewed_numbers: ["070-1234569"]\n'
                                    "address: Box 1, Lund (org.nr 845000-8175, mobil 0701234569)")]]}})
    assert check.problems(root) == []


def test_reviewed_number_covers_every_occurrence_and_nothing_else(tmp_path: Path) -> None:
    root = write_case(tmp_path, {"replace": {"partners/kvinnojouren.md": [[
        "name: Kvinnojouren Lund", ('name: Kvinnojouren Lund\nreviewed_numbers:\n  - "0701234569"\n  - "811218-9876"\n'
                                    "address: mobil 070-1234569, även 0701234569")]]}})
    assert [str(p) for p in check.problems(root)] == [
        ("partners/kvinnojouren.md:5: reviewed_numbers.1: '811218-XXXX' finns inte i filen som ett nummer som "
         "liknar ett personnummer; ta bort raden (listan ska bara ha nummer som står i filen)")]
    other = tmp_path / "partners" / "foreningen.md"
    other.write_text(other.read_text(encoding="utf-8") + "Mobil 0701234569.\n", encoding="utf-8")
    assert [p.path.name for p in check.problems(root)] == ["foreningen.md", "kvinnojouren.md"], "one file only"


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    cases = {c["case"]: c for c in CASES}
    merged: dict[str, Any] = {"files": {}, "replace": {}}
    for name in ["impossible-date", "unknown-committee", "personnummer-in-body", "not-markdown-in-decisions",
                 "matter-without-heading"]:
        merged["files"].update(cases[name].get("files", {}))
        merged["replace"].update(cases[name].get("replace", {}))
    merged["replace"]["decisions/2021-06-09-socialnamnden.md"].append(["paragraphs: [112]", "paragraphs: [noll]"])
    found = [str(p) for p in check.problems(write_case(tmp_path, merged))]
    assert len(found) == 6, found  # the meeting's missing heading and its bad paragraph, both at once


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    """The installed console script, as `make check` runs it."""
    script = Path(sys.executable).with_name("namndbeslut-check")
    return subprocess.run([str(script), str(root)], capture_output=True, text=True, check=False)


def test_check_command_prints_one_problem_per_line(tmp_path: Path) -> None:
    case = next(c for c in CASES if c["case"] == "personnummer-in-broken-file")
    result = run_check(write_case(tmp_path, case))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        ("partners/kvinnojouren.md:2: name: YAML-fel: ett kolon på fel ställe; sätt värdet inom citattecken "
         "om det innehåller ': '"),
        ("partners/kvinnojouren.md:4: text: '811218-XXXX' ser ut som ett personnummer; personnummer får aldrig "
         "publiceras – ta bort det (det kan vara dolt av formatering, ett osynligt tecken eller en radbrytning). "
         "Är det ett annat nummer (t.ex. ett telefonnummer) som du har kontrollerat: skriv "
         "det under 'reviewed_numbers' i filens front matter"),
    ]
    assert "2 fel" in result.stderr


def test_make_check_on_the_seeds_prints_nothing() -> None:
    result = subprocess.run(["make", "--no-print-directory", "-s", "check"], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_annotations_for_github_actions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Under GITHUB_ACTIONS=true each problem is a workflow command: file and line as properties, escaped."""
    case = next(c for c in CASES if c["case"] == "agreement-name-years-disagree-with-term")
    root = write_case(tmp_path, case)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert check.main([str(root)]) == 1
    stop, resume, *lines = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"::stop-commands::[0-9a-f]{32}", stop) and resume == f"::{stop.rpartition(':')[2]}::"
    assert lines == ["::error file=agreements/foreningen-2021-2023.md,line=6,title=term::filnamnet anger 2021–2023 men "
                     "perioden är 2021–2024; byt namn på filen till foreningen-2021-2024.md, eller rätta 'term'"]
    odd = Problem(Path("a,b:c.md"), None, "x", "100% fel\nrad två\r")
    assert check.annotation(odd) == "::error file=a%2Cb%3Ac.md,title=x::100%25 fel%0Arad två%0D"
    odder = Problem(Path("50%\r\n::set-env name=X::y,z.md"), 2, "a:b,c\n", "::add-mask::x%0A\r\n::warning::y")
    assert check.annotation(odder, "notice") == (
        "::notice file=50%25%0D%0A%3A%3Aset-env name=X%3A%3Ay%2Cz.md,line=2,title=a%3Ab%2Cc%0A::"
        "::add-mask::x%250A%0D%0A::warning::y")


HOSTILE_NAME = "x\n::set-env name=NODE_OPTIONS::--require=x.js\r::add-mask::hemligt\n::error::falskt.md"
"""A file name (Linux allows any byte but / and NUL) that would be workflow commands if printed as it is."""


@pytest.mark.parametrize("actions", [True, False])
def test_a_file_name_cannot_carry_a_workflow_command(actions: bool, tmp_path: Path) -> None:
    root = write_case(tmp_path, {"files": {f"partners/{HOSTILE_NAME}": "name: X\n"}})
    script = Path(sys.executable).with_name("namndbeslut-check")
    env = {**os.environ, "GITHUB_ACTIONS": "true" if actions else "false"}
    result = subprocess.run([str(script), str(root)], capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    if actions:
        stop, resume, *lines = lines
        assert stop.startswith("::stop-commands::") and resume == f"::{stop.rpartition(':')[2]}::"
        assert len(lines) == 1 and lines[0].startswith("::error file=partners/x%0A%3A%3Aset-env name=NODE_OPTIONS")
    else:
        assert lines == ["partners/x\\n::set-env name=NODE_OPTIONS::--require=x.js\\r::add-mask::hemligt\\n::error"
                         "::falskt.md:1: front matter: filen ska börja med en rad som bara innehåller --- (början på "
                         "front matter)"]
    assert "\r" not in result.stdout and not any(line.startswith("::") for line in lines if not actions)


def test_a_notice_is_an_annotation_under_github_actions(tmp_path: Path) -> None:
    root = write_hostile(tmp_path, next(c for c in HOSTILE if c["case"] == "meeting-dated-after-the-build-date"))
    script = Path(sys.executable).with_name("namndbeslut-check")
    result = subprocess.run([str(script), str(root)], capture_output=True, text=True, check=False,
                            env={**os.environ, "GITHUB_ACTIONS": "true", "BUILD_DATE": "2026-12-04"})
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[2:] == [
        "::notice file=decisions/2027-06-09-socialnamnden.md,line=3,title=date::sammanträdet är daterat 2027-06-09, "
        "efter byggdatumet 2026-12-04; det publiceras inte som hållet förrän det datumet (som planerat sammanträde "
        "visas det om nämndens fil har det i 'meetings')"]


@pytest.mark.parametrize("value", ["2026-12-07T10:00+01:00", "2026-13-01", "2026-12-07 ", "7/12 2026"])
def test_a_bad_build_date_is_a_problem_in_check_and_build(value: str, tmp_path: Path) -> None:
    root = write_case(tmp_path / "project", {})
    expected = f"BUILD_DATE: byggdatum: {value!r} är inget datum; skriv BUILD_DATE=ÅÅÅÅ-MM-DD"
    script = Path(sys.executable).with_name("namndbeslut-check")
    checked = subprocess.run([str(script), str(root)], capture_output=True, text=True, check=False,
                             env={**os.environ, "BUILD_DATE": value})
    assert checked.returncode == 1 and checked.stdout.startswith(expected), checked.stdout + checked.stderr
    built = build_site(tmp_path / "out", value, root)
    assert built.returncode != 0 and expected in built.stdout + built.stderr
    assert "Traceback" not in checked.stderr + built.stderr and not (tmp_path / "out").exists()
