"""`make site` over the output its earlier build kept (incremental.py) publishes exactly what a build from scratch does.

Each step edits the seeds as an editor would and builds as `make site` does (`--dirty`, the search index left for
later); a build of the same content with no cache must give every file byte for byte the same. The build must also
have taken the earlier pages where it could (or it proves nothing), and must build from scratch, and say so, when
what it kept cannot be trusted.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from namndbeslut import cache, incremental, search
from namndbeslut_mkdocs import NamndbeslutPlugin, PreviewEngine
from properdocs.commands.build import build
from properdocs.config import load_config
from support.edits import EDITS
from support.git import commit, repository
from support.project import project_copy


def make_site(root: Path) -> NamndbeslutPlugin:
    """Build `root` into root/.site-new as `make site` does (the search index aside); the plugin, to ask what it did."""
    out = root / ".site-new"
    shutil.rmtree(out, ignore_errors=True)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out), strict=True)
    plugin = config.plugins["namndbeslut"]
    assert isinstance(plugin, NamndbeslutPlugin)
    build(config, dirty=True)
    return plugin


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def from_scratch(root: Path, elsewhere: Path) -> dict[str, bytes]:
    """What a build of `root`'s content with no cache and no earlier output publishes."""
    shutil.rmtree(elsewhere, ignore_errors=True)
    shutil.copytree(root, elsewhere, ignore=shutil.ignore_patterns(cache.FOLDER, ".site-new"))
    plugin = make_site(elsewhere)
    assert plugin.site is not None and plugin.site.changed is None
    return tree(elsewhere / ".site-new")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project_copy(tmp_path_factory.mktemp("incremental"))


def test_each_edit_builds_what_a_build_from_scratch_does(project: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUILD_DATE", "2022-06-01")
    assert make_site(project).site is not None
    for what, edit in EDITS:
        edit(project)
        plugin = make_site(project)
        assert plugin.site is not None and plugin.site.changed, f"{what}: the earlier output was not built over"
        if what != "the body's name":  # a body's name is on nearly every page: all of them are rendered again
            assert len(plugin.rendered) < len(plugin.site.pages) / 2, f"{what}: {len(plugin.rendered)} pages rendered"
        built, expected = tree(project / ".site-new"), from_scratch(project, tmp_path / "scratch")
        assert sorted(built) == sorted(expected), f"{what}: {sorted(set(built) ^ set(expected))}"
        differ = sorted(name for name in expected if built[name] != expected[name])
        assert not differ, f"{what}: these files differ from a build from scratch: {differ}"


def test_a_new_build_date_builds_what_a_build_from_scratch_does(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """An agreement's status, a planned meeting's state and the start page follow the day of the build; the pages'
    dates come from the history (without one, every page shows the build date and is rendered again)."""
    project = repository(tmp_path / "repo", at="2022-05-30T10:00:00+02:00")
    monkeypatch.setenv("BUILD_DATE", "2022-06-01")
    make_site(project)
    kept_index = project / cache.FOLDER / search.KEPT / "pagefind-entry.json"
    for day in ("2022-06-02", "2023-06-01", "2024-01-15"):
        monkeypatch.setenv("BUILD_DATE", day)
        before = kept_index.stat().st_ino
        plugin = make_site(project)
        assert plugin.site is not None and plugin.site.changed is not None, day
        assert len(plugin.rendered) < len(plugin.site.pages), f"{day}: every page was rendered again"
        assert tree(project / ".site-new") == from_scratch(project, tmp_path / "scratch"), day
        taken = (project / ".site-new" / search.OUTPUT_DIR / "pagefind-entry.json").stat().st_ino == before
        changed = day == "2024-01-15"  # the agreements of 2021–2023 have ended: their status is searchable text
        assert taken != changed, f"{day}: the search index was {'' if taken else 'not '}taken over"


def test_the_nightly_build_after_a_commit_builds_what_a_build_from_scratch_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scheduled build: a new day, and an editor's commit since (the pages' dates come from the history)."""
    project = repository(tmp_path / "repo", at="2022-05-30T10:00:00+02:00")
    monkeypatch.setenv("BUILD_DATE", "2022-06-01")
    make_site(project)
    for n, (what, edit) in enumerate(EDITS[:5]):
        edit(project)
        commit(project, what, at=f"2022-06-{n + 1:02d}T15:00:00+02:00")
        monkeypatch.setenv("BUILD_DATE", f"2022-06-{n + 2:02d}")
        plugin = make_site(project)
        assert plugin.site is not None and plugin.site.changed, what
        assert len(plugin.rendered) < len(plugin.site.pages) / 2, f"{what}: {len(plugin.rendered)} pages rendered"
        built, expected = tree(project / ".site-new"), from_scratch(project, tmp_path / "scratch")
        differ = sorted(name for name in built.keys() | expected.keys() if built.get(name) != expected.get(name))
        assert not differ, f"{what}: these files differ from a build from scratch: {differ}"


def test_what_cannot_be_trusted_is_not_built_over(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("BUILD_DATE", "2022-06-01")
    make_site(project)
    kept = project / cache.FOLDER / incremental.OUTPUT
    page = next(kept.rglob("index.html"))
    page.unlink()
    page.write_text("ändrad", encoding="utf-8")  # a copy of the output changed behind the build's back
    with caplog.at_level(logging.INFO):
        plugin = make_site(project)
    assert plugin.site is not None and plugin.site.changed is None
    assert "kopia av förra bygget är ändrad" in caplog.text
    for entry in (project / cache.FOLDER).glob(f"{incremental.NAME}-*.pickle"):
        entry.write_bytes(b"inte en cache")
    caplog.clear()
    with caplog.at_level(logging.INFO):
        plugin = make_site(project)
    assert plugin.site is not None and plugin.site.changed is None
    assert "gick inte att läsa" in caplog.text
    assert make_site(project).site.changed is not None  # type: ignore[union-attr]  # and the next build builds over it


def test_the_preview_starts_from_what_make_site_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make serve` at a municipality's size answers within seconds when `make site` built before: its first build
    is a quick one over the kept output (the datasets and search index follow in the background)."""
    monkeypatch.setenv("BUILD_DATE", "2022-06-01")
    project = project_copy(tmp_path / "project")
    made = make_site(project)
    assert made.site is not None
    engine, served = PreviewEngine(project), tmp_path / "served"
    assert engine(served, quick=False) == []
    assert engine.partial and engine.memory.changed == set(), "the first build did not start from the kept output"
    built = {k: v for k, v in tree(project / ".site-new").items() if not k.startswith(f"{search.OUTPUT_DIR}/")}
    assert tree(served) == built
    what, edit = EDITS[0]
    edit(project)
    assert engine(served, quick=True) == [] and engine.memory.changed, what
    assert incremental.earlier(project, os.environ) is not None, "the preview's update wrote through to the kept copy"


def test_a_build_without_dirty_renders_everything_and_leaves_the_kept_copy(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """`properdocs build` without `--dirty` (a plain engine build, `make check`'s) writes every file: it must not
    write through hard links into the kept output, and it publishes what a build from scratch does."""
    monkeypatch.setenv("BUILD_DATE", "2022-06-01")
    project = project_copy(tmp_path / "project")
    make_site(project)
    EDITS[0][1](project)
    out = project / ".site-new"
    shutil.rmtree(out)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(out), strict=True)
    build(config)
    assert incremental.earlier(project, os.environ) is not None, "the build wrote through to the kept copy"
    assert tree(out) == from_scratch(project, tmp_path / "scratch")
