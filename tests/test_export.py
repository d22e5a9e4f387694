"""`make export` (export.py): the seeds' pages as plain files that the pinned engine builds with no plugin of ours
into the same site as the normal build.

Expected differences, and the only ones allowed: `sitemap.xml` (and its gzip) lists the same entries in another
order (the engine lists pages in the order it finds them: the exported folder's walk instead of the plugin's
page order). The search index is made by `search.index` after each build, the export's as well.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from namndbeslut import engine, export, pagefile, reproducible, search
from support.project import CASES, ROOT, write_case
from support.site import BuiltSite

BUILD_DATE = "2026-11-22"
SITEMAPS = {"sitemap.xml", "sitemap.xml.gz"}


def _environ() -> dict[str, str]:
    """A local build's environment, as the normal test build has it (no PUBLISH or SITE_URL)."""
    return {**{k: v for k, v in os.environ.items() if k not in ("PUBLISH", "SITE_URL")}, "BUILD_DATE": BUILD_DATE}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("export")
    assert export.write(ROOT, dest, _environ()) > 0
    return dest


@pytest.fixture(scope="module")
def sites(exported: Path, site_at: Callable[[str], BuiltSite],
          tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite]:
    """The normal build and the export's, built by the pinned engine from the exported config alone."""
    out = tmp_path_factory.mktemp("export-site")
    epoch = _header_epoch(exported)  # as the export's header says to build it
    result = subprocess.run(engine.build_command(exported / engine.CONFIG, out), cwd=exported, check=False,
                            capture_output=True, text=True, env={**_environ(), "SOURCE_DATE_EPOCH": str(epoch)})
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    search.index(out)
    return site_at(BUILD_DATE), BuiltSite(out)


def _header_epoch(exported: Path) -> int:
    found = re.search(r"SOURCE_DATE_EPOCH=(\d+) ", (exported / engine.CONFIG).read_text(encoding="utf-8"))
    assert found, "the export's mkdocs.yml names no SOURCE_DATE_EPOCH"
    return int(found[1])


def _files(site: BuiltSite) -> set[str]:
    return {p.relative_to(site.path).as_posix() for p in site.path.rglob("*") if p.is_file()}


def _pages(site: BuiltSite) -> list[str]:
    """Every page's URL, from its index.html ('' for the start page)."""
    return sorted(p.removesuffix("index.html") for p in _files(site) if p.endswith("index.html"))


def test_the_export_holds_no_plugin_and_no_code(exported: Path) -> None:
    config = yaml.safe_load((exported / engine.CONFIG).read_text(encoding="utf-8"))
    assert config["plugins"] == [] and config["docs_dir"] == export.DOCS and "watch" not in config
    assert not [p for p in exported.rglob("*") if p.suffix in (".py", ".j2")]
    assert _header_epoch(exported) >= reproducible.epoch(dt.date(2020, 1, 1))


def test_pages_carry_the_meta_the_plugin_adds(exported: Path) -> None:
    front, body = pagefile.split((exported / export.DOCS / "partner" / "rsmh.md").read_text(encoding="utf-8"))
    assert front["search"]["filters"] == [{"name": search.KIND, "value": search.PARTNER}]
    assert [f["url"] for f in front["feeds"]] == ["sammantraden.xml", "partner-rsmh.xml"]
    assert dt.date.fromisoformat(front["published"]["iso"]) and front["description"]
    assert body.lstrip("\n").startswith('<nav class="breadcrumbs"')  # the trail, then the h1
    heading = ('<h1 id="riksforbundet-for-social-och-mental-halsa-rsmh">'
               "Riksförbundet för social och mental hälsa (RSMH)</h1>")
    assert f"\n{heading}" in body
    home, _ = pagefile.split((exported / export.DOCS / "index.md").read_text(encoding="utf-8"))
    assert home["search"]["filters"] == [{"name": search.KIND, "value": search.PAGE}]


def test_same_page_set(sites: tuple[BuiltSite, BuiltSite]) -> None:
    normal, plain = sites
    assert len(_pages(normal)) > 20
    assert _pages(plain) == _pages(normal)
    assert _files(plain) == _files(normal)


def test_same_visible_text_in_every_article(sites: tuple[BuiltSite, BuiltSite]) -> None:
    normal, plain = sites
    for url in _pages(normal):
        assert plain.text(url) == normal.text(url), url
        assert plain.soup(url).title == normal.soup(url).title, url


def test_every_other_file_is_the_same_byte_for_byte(sites: tuple[BuiltSite, BuiltSite]) -> None:
    """The furniture, feeds links and search facets in the HTML come from the exported meta; data files are copies.
    A generated page's content is the same HTML; only its table of contents (and the skip link to its first
    heading) is the plugin's: a plain engine builds none from a page whose body is raw HTML."""
    normal, plain = sites
    differ = sorted(f for f in _files(normal) if (normal.path / f).read_bytes() != (plain.path / f).read_bytes())
    assert set(differ) - {f for f in differ if f.endswith(".html")} <= SITEMAPS, differ
    for url in _pages(normal):
        assert plain.soup(url).find("article") == normal.soup(url).find("article"), url
    entries = [sorted(re.findall(r"<url>.*?</url>", gzip.decompress((s.path / "sitemap.xml.gz").read_bytes())
                                 .decode("utf-8"), re.DOTALL)) for s in sites]
    assert entries[0] == entries[1] and len(entries[0]) == len(_pages(normal))
    stamps = [(s.path / "sitemap.xml.gz").read_bytes()[4:8] for s in sites]  # the gzip header's time
    assert stamps[0] == stamps[1]


def test_export_refuses_broken_content_and_a_used_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_case(tmp_path / "project", CASES[0])
    dest = tmp_path / "out"
    assert export.main([str(dest), "--root", str(root)]) == 1
    assert not dest.exists(), "nothing is exported from content with problems"
    assert "inget exporterades" in capsys.readouterr().err
    dest.mkdir()
    (dest / "old.md").write_text("x", encoding="utf-8")
    assert export.main([str(dest), "--root", str(ROOT)]) == 1
    assert "inte tom" in capsys.readouterr().err
