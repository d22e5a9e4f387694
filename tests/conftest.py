"""Shared fixtures: build the real site into a temporary folder, once per build date."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml
from support.project import CASES_DIR, link_engine, write_tree
from support.site import BuiltSite, build

_cache: dict[str, BuiltSite] = {}


@pytest.fixture(scope="session")
def site_at(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], BuiltSite]:
    """Build the site for a BUILD_DATE (cached for the session) and return it."""

    def get(build_date: str) -> BuiltSite:
        if build_date not in _cache:
            dest = tmp_path_factory.mktemp(f"site-{build_date}")
            result = build(dest, build_date)
            assert result.returncode == 0, result.stderr
            assert "WARNING" not in result.stderr, result.stderr
            _cache[build_date] = BuiltSite(dest)
        return _cache[build_date]

    return get


@pytest.fixture(scope="session")
def site(site_at: Callable[[str], BuiltSite]) -> BuiltSite:
    """The site as built on 2022-06-01 (all three seed agreements of 2021 in force)."""
    return site_at("2022-06-01")


@pytest.fixture(scope="session")
def municipality(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The municipality case (tests/cases/municipality.yaml: every kind of body, agreement and meeting), built on
    2024-06-01: for checks that need every page type there is."""
    root, dest = tmp_path_factory.mktemp("municipality"), tmp_path_factory.mktemp("municipality-site")
    write_tree(root, yaml.safe_load((CASES_DIR / "municipality.yaml").read_text(encoding="utf-8")))
    link_engine(root)
    result = build(dest, "2024-06-01", root)
    assert result.returncode == 0, result.stderr
    return BuiltSite(dest)
