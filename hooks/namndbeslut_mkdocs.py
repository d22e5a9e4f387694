"""The engine adapter: a plugin that hands the engine what the engine-independent `namndbeslut` package made.

The engine is ProperDocs (pinned in requirements.txt), the maintained continuation of MkDocs 1.x with the
same plugin API and configuration (mkdocs.yml). Registered as the `namndbeslut` plugin (entry point
`properdocs.plugins` in pyproject.toml); it is the only module that imports the engine, so another engine
needs only its own ten lines like these (or none: `make export`, export.py, writes pages any engine builds).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from namndbeslut import check, gate, publishing, reproducible, search, summary
from namndbeslut.errors import ContentError, Problem
from namndbeslut.site import Site
from properdocs.commands.build import build
from properdocs.config import load_config
from properdocs.config.base import Config
from properdocs.config.defaults import ProperDocsConfig
from properdocs.exceptions import Abort
from properdocs.plugins import BasePlugin
from properdocs.structure.files import File, Files, InclusionLevel
from properdocs.structure.pages import Page

log = logging.getLogger("properdocs.plugins.namndbeslut")


class Options(Config):  # type: ignore[no-untyped-call]  # the engine leaves __init_subclass__ untyped
    """The plugin has no options: the site's settings are mkdocs.yml's `extra`."""


class NamndbeslutPlugin(BasePlugin[Options]):  # type: ignore[no-untyped-call]  # as above
    """Load and render the archive once per build; add its pages and data as generated files."""

    site: Site | None = None
    problems: list[Problem]
    """What stopped the last build (content or the output gate), for `make check`."""
    sources: dict[str, Path]
    """The content file behind each published page, by its path in the site (for the gate's messages)."""

    def on_config(self, config: ProperDocsConfig) -> None:
        """Load and validate all content once per build; invalid content (or a placeholder when publishing) stops it."""
        self.problems, self.sources = [], {}
        config.site_url = publishing.site_url(config.site_url or "", os.environ)
        try:
            self.site = Site.build(_root(config),
                                   settings={"site_name": config.site_name, **config.extra},
                                   site_url=config.site_url, publish=publishing.requested(os.environ))
        except ContentError as err:
            self.problems = err.problems
            raise Abort(f"Innehållet har fel:\n{err}") from None
        reproducible.pin_source_date_epoch(self.site.today)  # sitemap dates and gzip header follow BUILD_DATE

    def on_files(self, files: Files, config: ProperDocsConfig) -> Files:
        """Every generated page and dataset as a virtual file, outside the nav (nothing is written to the source)."""
        assert self.site is not None
        for page in self.site.pages:
            files.append(File.generated(config, page.path, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
        for data in self.site.data:
            files.append(File.generated(config, data.path, content=data.content, inclusion=InclusionLevel.NOT_IN_NAV))
        by_path = {p.path: p.source for p in self.site.pages}
        docs = Path(config.docs_dir)
        self.sources = {f.dest_uri: by_path.get(f.src_uri) or docs.name / Path(f.src_uri) for f in files
                        if f.src_uri in by_path or f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs)}
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: ProperDocsConfig, files: Files, **_: Any) -> str:
        """The start page's hand-written text followed by its generated overview; the furniture's facts in meta,
        and the page's last change as its sitemap date (`update_date`, the engine's `<lastmod>`)."""
        assert self.site is not None
        root = _root(config)
        source = Path(page.file.abs_src_path).relative_to(root) if page.file.abs_src_path else None
        page.meta.update(self.site.page_meta(page.file.src_uri, source))
        page.update_date = page.meta["lastmod"]
        ours = self.site.page_at(page.file.src_uri)
        if ours is not None and "title" not in vars(page):  # not named by mkdocs.yml's nav: the engine would look
            page.title = ours.heading                      # for the h1 in the first element, where the breadcrumbs are
        return self.site.page_markdown(page.file.src_uri, markdown)

    def on_post_build(self, config: ProperDocsConfig) -> None:
        """Index the finished site for search (Pagefind), then the output gate over all of it, before the
        built site is put in place: a finding deletes the build and stops it."""
        assert self.site is not None
        site_dir, root = Path(config.site_dir), _root(config)
        try:
            search.index(site_dir)
        except RuntimeError as err:
            raise Abort(str(err)) from None
        found = gate.check(site_dir, config.site_url or "", self.site.archive.reviewed, self.sources, root)
        if found:
            self.problems = sorted(found, key=lambda p: (str(p.path), p.line or 0, p.field))
            shutil.rmtree(site_dir, ignore_errors=True)  # nothing of a refused build may be served
            raise Abort("Det som skulle publiceras har fel:\n" + "\n".join(map(str, self.problems)))
        for notice in self.site.archive.withheld:
            log.info(str(notice))
        pages = sum(1 for _ in site_dir.rglob("*.html"))
        log.info(summary.published(self.site.archive, pages, len(self.site.data)))


def _root(config: ProperDocsConfig) -> Path:
    """The project root: the config file's folder (absolute, also when the file was named relative: `-f mkdocs.yml`)."""
    return Path(config.config_file_path).resolve().parent


def build_problems(root: Path) -> list[Problem]:
    """Build `root` into a temporary folder as `make site` does and return what stopped it (none: it builds)."""
    with tempfile.TemporaryDirectory() as out:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(Path(out) / "site"))
        plugin = config.plugins["namndbeslut"]
        assert isinstance(plugin, NamndbeslutPlugin)
        try:
            build(config)
        except Abort as err:
            return plugin.problems or [Problem(Path("mkdocs.yml"), None, "bygget", str(err))]
    return []


def check_main() -> int:
    """`make check`: the content's problems, then the same build and output gate as `make site`."""
    return check.main(sys.argv[1:], build_problems)
