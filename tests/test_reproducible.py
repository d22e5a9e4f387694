"""Two builds of the same commit for the same BUILD_DATE are byte-identical, whatever the clock says."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import shutil
import struct
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from namndbeslut import reproducible, search
from support.project import ROOT
from support.site import build

BUILD_DATE = "2021-03-15"
"""Far from any day the tests run on, so a date taken from the clock cannot pass for it."""


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The site built twice: different folders, hash seeds and time zones, no SOURCE_DATE_EPOCH."""
    sites = []
    for name, seed, tz in (("a", "1", "UTC"), ("b", "2", "Pacific/Auckland")):
        with pytest.MonkeyPatch.context() as mp:
            mp.delenv("SOURCE_DATE_EPOCH", raising=False)
            mp.setenv("PYTHONHASHSEED", seed)
            mp.setenv("TZ", tz)
            dest = tmp_path_factory.mktemp(f"reproducible-{name}")
            result = build(dest, BUILD_DATE)
        assert result.returncode == 0, result.stderr
        sites.append(dest)
    return sites[0], sites[1]


def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


def test_every_file_is_byte_identical(twins: tuple[Path, Path]) -> None:
    a, b = files(twins[0]), files(twins[1])
    assert a.keys() == b.keys()
    assert {"sitemap.xml", "sitemap.xml.gz", f"{search.OUTPUT_DIR}/pagefind-entry.json", "index.html"} <= a.keys()
    assert any(name.startswith(f"{search.OUTPUT_DIR}/filter/") for name in a), "the search index has its filters"
    differing = [name for name in a if a[name].read_bytes() != b[name].read_bytes()]
    assert differing == []


def test_the_sitemap_gzip_header_carries_its_newest_date(twins: tuple[Path, Path]) -> None:
    """The sitemap's dates are the pages' own (from git, test_page_dates.py); MkDocs stamps its gzip with the newest."""
    site = twins[0]
    sitemap = (site / "sitemap.xml").read_bytes()
    days = {dt.date.fromisoformat(d.decode()) for d in re.findall(rb"<lastmod>([^<]*)</lastmod>", sitemap)}
    assert days
    packed = (site / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", packed[4:8])  # RFC 1952: MTIME, little-endian, after ID1 ID2 CM FLG
    assert dt.datetime.fromtimestamp(mtime, dt.UTC) == dt.datetime.combine(max(days), dt.time(), dt.UTC)
    assert gzip.decompress(packed) == sitemap


def test_no_page_carries_the_day_of_the_build(tmp_path: Path) -> None:
    """Any date taken from the clock would show up as today's date somewhere in the output.

    Built from a copy outside git: in a checkout, "Publicerad" and "Uppdaterad" rightly show the day of
    a commit, which may be today.
    """
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in tracked:
        (tmp_path / "src" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp_path / "src" / name)
    result = build(tmp_path / "out", BUILD_DATE, root=tmp_path / "src")
    assert result.returncode == 0, result.stderr
    now = dt.datetime.now(dt.UTC)
    todays = {now.date().isoformat(), now.astimezone(ZoneInfo("Europe/Stockholm")).date().isoformat()}
    leaks = [name for name, path in files(tmp_path / "out").items() if not name.startswith("assets/")
             and any(day.encode() in path.read_bytes() and not _stated_in_source(tmp_path / "src", name, day)
                     for day in todays)]
    assert leaks == []


def _stated_in_source(src: Path, page: str, day: str) -> bool:
    """A hand-written page may carry today's date in its own front matter, the accessibility statement in
    its settings (extra.accessibility.reviewed), e.g. when it was reviewed."""
    source = src / "content" / (page.removesuffix("index.html").rstrip("/") or "index")
    source = source.with_suffix(".md")
    if page == "tillganglighetsredogorelse/index.html":
        source = src / "mkdocs.yml"
    return source.is_file() and day in source.read_text(encoding="utf-8")


def test_an_explicit_source_date_epoch_wins() -> None:
    env = {"SOURCE_DATE_EPOCH": "1600000000"}
    assert reproducible.pin_source_date_epoch(dt.date(2021, 3, 15), env) == "1600000000"
    env = {}
    assert reproducible.pin_source_date_epoch(dt.date(2021, 3, 15), env) == "1615766400"
    assert env == {"SOURCE_DATE_EPOCH": "1615766400"}
