"""The build cache (.cache/, cache.py): a content file is read and checked once per change, never taken from a stale
or broken entry; `make check` runs the whole build only when something besides the records changed."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from namndbeslut import cache, check, loader
from namndbeslut.archive import Archive
from namndbeslut.errors import Problem
from namndbeslut_mkdocs import build_problems
from support.project import project_copy

DAY = dt.date(2022, 6, 1)
MEETING = "decisions/2021-06-09-socialnamnden.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_copy(tmp_path / "project")


def _records(archive: Archive) -> list[str]:
    records = [*archive.meetings, *archive.agreements.values(), *archive.partners.values(),
               *archive.committees.values(), *archive.reports.values()]
    assert len(records) > 10
    return sorted(map(repr, records))


def test_a_cached_load_is_the_same_archive_and_reads_nothing_again(project: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = loader.load(project, DAY)
    assert list((project / cache.FOLDER).glob("reads-*.pickle")), "the first load saves the cache"

    def never(*_: object) -> None:
        raise AssertionError("an unchanged file was read again")
    monkeypatch.setattr(loader, "_read_record", never)
    assert _records(loader.load(project, DAY)) == _records(fresh)


def test_a_changed_file_is_read_again(project: Path) -> None:
    loader.load(project, DAY)
    meeting = project / MEETING
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("title: ", "title: Ändrad – ", 1), encoding="utf-8")
    archive = loader.load(project, DAY)
    assert any(m.title.startswith("Ändrad – ") for m in archive.meetings)


def test_a_broken_cache_is_set_aside_and_the_load_starts_clean(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    fresh = _records(loader.load(project, DAY))
    stored = next((project / cache.FOLDER).glob("reads-*.pickle"))
    stored.write_bytes(b"\x80\x05 inte en cache")
    with caplog.at_level(logging.INFO):
        assert _records(loader.load(project, DAY)) == fresh
    assert any("Byggcachen" in r.getMessage() and "från början" in r.getMessage() for r in caplog.records)
    assert cache.load(project, "reads"), "a new cache was saved in its place"


def test_a_cache_of_other_code_is_never_used(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loader.load(project, DAY)
    monkeypatch.setattr(cache, "code_version", lambda: "annan-kod")
    assert cache.load(project, "reads") == {}


def test_check_builds_only_when_more_than_records_changed(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUILD_DATE", "2022-06-01")
    builds: list[Path] = []

    def counted(root: Path) -> list[Problem]:
        builds.append(root)
        return build_problems(root)
    assert check.problems(project, counted) == [] and len(builds) == 1
    meeting = project / MEETING
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("date: 2021-06-09", "date: 2021-06-31"),
                       encoding="utf-8")
    found = [str(p) for p in check.problems(project, counted)]
    assert found and found[0].startswith(f"{MEETING}:3: date:") and len(builds) == 1, found
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("date: 2021-06-31", "date: 2021-06-09"),
                       encoding="utf-8")
    assert check.problems(project, counted) == [] and len(builds) == 1, "a record's change needs no whole build"
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# ändrad\n", encoding="utf-8")
    assert check.problems(project, counted) == [] and len(builds) == 2, "a change to the settings builds again"
