"""Two builds of the same commit for the same BUILD_DATE are byte-identical, whatever the clock says."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import struct
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import build
from publishing import reproducible

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
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "index.html"} <= a.keys()
    differing = [name for name in a if a[name].read_bytes() != b[name].read_bytes()]
    assert differing == []


def test_sitemap_and_its_gzip_carry_the_build_date(twins: tuple[Path, Path]) -> None:
    site = twins[0]
    sitemap = (site / "sitemap.xml").read_bytes()
    assert set(re.findall(rb"<lastmod>([^<]*)</lastmod>", sitemap)) == {BUILD_DATE.encode()}
    packed = (site / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", packed[4:8])  # RFC 1952: MTIME, little-endian, after ID1 ID2 CM FLG
    assert dt.datetime.fromtimestamp(mtime, dt.UTC) == dt.datetime(2021, 3, 15, tzinfo=dt.UTC)
    assert gzip.decompress(packed) == sitemap


def test_no_page_carries_the_day_of_the_build(twins: tuple[Path, Path]) -> None:
    """Any date taken from the clock would show up as today's date somewhere in the output."""
    now = dt.datetime.now(dt.UTC)
    todays = {now.date().isoformat(), now.astimezone(ZoneInfo("Europe/Stockholm")).date().isoformat()}
    leaks = [name for name, path in files(twins[0]).items() if not name.startswith("assets/")
             and any(day.encode() in path.read_bytes() for day in todays)]
    assert leaks == []


def test_an_explicit_source_date_epoch_wins() -> None:
    env = {"SOURCE_DATE_EPOCH": "1600000000"}
    assert reproducible.pin_source_date_epoch(dt.date(2021, 3, 15), env) == "1600000000"
    env = {}
    assert reproducible.pin_source_date_epoch(dt.date(2021, 3, 15), env) == "1615766400"
    assert env == {"SOURCE_DATE_EPOCH": "1615766400"}
