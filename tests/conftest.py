"""Shared fixtures: build the real site into a temporary folder, once per build date."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent


def build(dest: Path, build_date: str, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run the real MkDocs build (strict) of `root` into `dest` for a given BUILD_DATE."""
    env = {**os.environ, "BUILD_DATE": build_date, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest),
         "--config-file", str(root / "mkdocs.yml")],
        check=False, cwd=root, env=env, capture_output=True, text=True,
    )


class BuiltSite:
    """A built site and helpers to read the HTML a reader gets."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def html(self, url: str) -> str:
        return (self.path / url / "index.html").read_text(encoding="utf-8")

    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(url), "lxml")

    def article(self, url: str) -> BeautifulSoup:
        article = self.soup(url).select_one("article")
        assert article is not None, f"{url} has no <article>"
        return article

    def text(self, url: str) -> str:
        return " ".join(self.article(url).get_text(" ", strip=True).split())

    def links(self, url: str) -> list[str]:
        """Every link in the page's article, resolved to a site-relative URL."""
        import posixpath

        out = []
        for a in self.article(url).select("a[href]"):
            href = a["href"]
            if "://" in href or href.startswith(("mailto:", "#")):
                continue
            path, _, frag = href.partition("#")
            joined = posixpath.normpath(posixpath.join(url, path)) + "/"
            out.append((joined.lstrip("./") if joined != "./" else "") + (f"#{frag}" if frag else ""))
        return out


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
