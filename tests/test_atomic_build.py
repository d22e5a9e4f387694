"""`make site` publishes all or nothing: a failed build leaves the previous site/ byte for byte."""

from __future__ import annotations

import subprocess
from pathlib import Path

from namndbeslut import search
from support.project import make, project_copy


def make_site(root: Path) -> subprocess.CompletedProcess[str]:
    """`make site` with the venv running the tests (support.project.make: never installing into it)."""
    return make(root, "site", env={"BUILD_DATE": "2022-06-01"})


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder, by relative path."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None) for p in folder.rglob("*")}


def test_successful_build_replaces_the_site(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    (root / "site").mkdir()
    (root / "site" / "stale.html").write_text("old page", encoding="utf-8")
    result = make_site(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "index.html").is_file()
    assert not (root / "site" / "stale.html").exists()
    assert (root / "site" / search.OUTPUT_DIR / "pagefind-entry.json").is_file(), "indexed after the build's process"
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    assert make_site(root).returncode == 0
    before = snapshot(root / "site")
    assert len(before) > 20
    agreement = root / "agreements" / "vanskapens-hus-2021-2023.md"
    agreement.write_text(agreement.read_text(encoding="utf-8").replace("end: 2023-12-31", "end: 2023-02-30"),
                         encoding="utf-8")
    result = make_site(root)
    assert result.returncode != 0
    assert "agreements/vanskapens-hus-2021-2023.md:10: term.end:" in result.stdout + result.stderr
    assert snapshot(root / "site") == before
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []
