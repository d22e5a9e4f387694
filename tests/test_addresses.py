"""Addresses once published: history's renames and deletions, the address register, and a build that refuses to
drop an address without a rename or a note (the renames in a browser: tests/browser/test_addresses.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from namndbeslut import history
from namndbeslut.history import Event, Fate
from support.git import commit, git, repository
from support.site import SITE_URL, build

REPORT = "reports/so-2020-0155.md"
AT = dt.datetime.fromisoformat


def test_history_follows_renames_and_remembers_deletions() -> None:
    log = ("\x002026-03-02T09:00:00+01:00\n\nR100\tpartners/a.md\tpartners/b.md\nD\treports/r.md\n"
           "\x002025-01-10T10:00:00+01:00\n\nA\tpartners/a.md\nA\treports/r.md\n")
    span = history.Span(AT("2025-01-10T10:00:00+01:00"), AT("2026-03-02T09:00:00+01:00"))
    assert history.parse_log(log).spans[Path("partners/b.md")] == span
    found = history.parse_log(log, pending="R097\tpartners/b.md\tpartners/c.md\n")
    assert found.spans == {Path("partners/c.md"): span, Path("reports/r.md"): history.Span(
        AT("2025-01-10T10:00:00+01:00"), AT("2026-03-02T09:00:00+01:00"))}  # c: git mv, not yet committed
    assert found.events[Path("partners/a.md")] == Event(Fate.MOVED, AT("2026-03-02T09:00:00+01:00"),
                                                        Path("partners/b.md"))
    assert found.events[Path("partners/b.md")] == Event(Fate.MOVED, None, Path("partners/c.md"))
    assert found.events[Path("reports/r.md")] == Event(Fate.DELETED, AT("2026-03-02T09:00:00+01:00"))


@pytest.fixture
def deleted(tmp_path: Path) -> Path:
    """The project committed in January 2025, its report deleted in March 2026."""
    repo = repository(tmp_path / "project")
    git(repo, "rm", "-q", REPORT)
    commit(repo, "Ta bort tjänsteskrivelsen", "2026-03-02T09:00:00+01:00")
    (repo / "reports").mkdir(exist_ok=True)  # its only file: git keeps no empty folder, the engine wants it
    return repo


def test_deleting_a_record_without_a_note_is_refused(deleted: Path, tmp_path: Path) -> None:
    result = build(tmp_path / "site", "2026-11-22", deleted)
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{REPORT}: adress: {REPORT} har publicerats men finns inte längre" in said
    assert "lägg till en rad under removed i addresses.yml" in said
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())


def test_deleting_without_committing_is_refused(tmp_path: Path) -> None:
    repo = repository(tmp_path / "project")
    (repo / REPORT).unlink()
    result = build(tmp_path / "site", "2026-11-22", repo)
    assert result.returncode != 0 and f"{REPORT}: adress:" in result.stdout + result.stderr


def test_removed_record_says_when_and_why(deleted: Path, tmp_path: Path) -> None:
    (deleted / "addresses.yml").write_text(f"removed:\n  {REPORT}: Publicerades av misstag.\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build(site, "2026-11-22", deleted)
    assert result.returncode == 0, result.stderr
    page = (site / "tjansteskrivelser/so-2020-0155/index.html").read_text(encoding="utf-8")
    assert "Sidan har tagits bort" in page and '<time datetime="2026-03-02">2 mars 2026</time>' in page
    assert "Publicerades av misstag." in page
    rules = (site / "_redirects").read_text(encoding="utf-8").splitlines()
    base = SITE_URL.split("/", 3)[3]
    gone = f"/{base}tjansteskrivelser/so-2020-0155/index.html"
    assert f"/{base}tjansteskrivelser/so-2020-0155/ {gone} 410" in rules
    assert f"/{base}oparl/paper/tjansteskrivelse-so-2020-0155.json {gone} 410" in rules
    stub = json.loads((site / "oparl/paper/tjansteskrivelse-so-2020-0155.json").read_text(encoding="utf-8"))
    assert stub == {"id": f"{SITE_URL}oparl/paper/tjansteskrivelse-so-2020-0155.json",
                    "type": "https://schema.oparl.org/1.1/Paper", "deleted": True}
    assert "tjansteskrivelser/so-2020-0155/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    register = yaml.safe_load((deleted / "addresses.yml").read_text(encoding="utf-8"))  # the build keeps it
    assert register["removed"] == {REPORT: {"note": "Publicerades av misstag.", "date": dt.date(2026, 3, 2)}}


def test_register_carries_a_rename_a_shallow_history_lacks(tmp_path: Path) -> None:
    """No history (a copy without .git): the register's `moved` line alone makes the old addresses lead on."""
    repo = repository(tmp_path / "project")
    git(repo, "mv", REPORT, "reports/so-2020-0155-a.md")
    commit(repo, "Byt namn", "2026-03-02T09:00:00+01:00")
    assert build(tmp_path / "first", "2026-11-22", repo).returncode == 0  # writes the rename into the register
    register = yaml.safe_load((repo / "addresses.yml").read_text(encoding="utf-8"))
    assert register["moved"] == {REPORT: "reports/so-2020-0155-a.md"}
    (repo / ".git").rename(tmp_path / "git-elsewhere")  # the files alone, as a copy without history
    site = tmp_path / "site"
    result = build(site, "2026-11-22", repo)
    assert result.returncode == 0, result.stderr
    assert "url=../so-2020-0155-a/" in (site / "tjansteskrivelser/so-2020-0155/index.html").read_text(encoding="utf-8")


def test_gate_allows_only_the_refresh_the_build_wrote(tmp_path: Path) -> None:
    from namndbeslut import gate

    def page(refresh: str) -> str:
        return (f'<!doctype html><html lang="sv"><head><meta http-equiv="refresh" content="{refresh}">'
                "<title>x</title></head><body><p>x</p></body></html>")

    for rel, content in {"old/index.html": "0; url=../new/", "other/index.html": "0; url=../new/",
                         "away/index.html": "0; url=https://example.org/", "late/index.html": "5; url=../new/"}.items():
        (tmp_path / rel).parent.mkdir(parents=True)
        (tmp_path / rel).write_text(page(content), encoding="utf-8")
    allowed = {"old/index.html": "0; url=../new/", "away/index.html": "0; url=https://example.org/",
               "late/index.html": "0; url=../new/"}
    sources = {rel: Path(rel) for rel in ("old/index.html", "other/index.html", "away/index.html", "late/index.html")}
    found = gate.check(tmp_path, SITE_URL, sources, refresh=allowed)
    places = " ".join(p.field for p in found)
    assert "old/index.html" not in places  # the one the build wrote, as it wrote it
    assert all(f"{name}/index.html" in places for name in ("other", "away", "late"))
