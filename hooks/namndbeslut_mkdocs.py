"""The MkDocs adapter: a plugin that hands MkDocs what the engine-independent `namndbeslut` package made.

Registered as the `namndbeslut` plugin (entry point `mkdocs.plugins` in pyproject.toml); it is the only
module that imports MkDocs, so another engine needs only its own ten lines like these.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from namndbeslut import publishing, reproducible
from namndbeslut.errors import ContentError
from namndbeslut.site import Site


class Options(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves __init_subclass__ untyped
    """The plugin has no options: the site's settings are mkdocs.yml's `extra`."""


class NamndbeslutPlugin(BasePlugin[Options]):  # type: ignore[no-untyped-call]  # as above
    """Load and render the archive once per build; add its pages and data as generated files."""

    site: Site | None = None

    def on_config(self, config: MkDocsConfig) -> None:
        """Load and validate all content once per build; invalid content (or a placeholder when publishing) stops it."""
        config.site_url = publishing.site_url(config.site_url or "", os.environ)
        try:
            self.site = Site.build(Path(config.config_file_path).parent,
                                   settings={"site_name": config.site_name, **config.extra},
                                   site_url=config.site_url, publish=publishing.requested(os.environ))
        except ContentError as err:
            raise Abort(f"Innehållet har fel:\n{err}") from None
        reproducible.pin_source_date_epoch(self.site.today)  # sitemap dates and gzip header follow BUILD_DATE

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Every generated page and dataset as a virtual file, outside the nav (nothing is written to the source)."""
        assert self.site is not None
        for page in self.site.pages:
            files.append(File.generated(config, page.path, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV))
        for data in self.site.data:
            files.append(File.generated(config, data.path, content=data.content, inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files, **_: Any) -> str:
        """The start page's hand-written text followed by its generated overview; the furniture's facts in meta."""
        assert self.site is not None
        root = Path(config.config_file_path).parent
        source = Path(page.file.abs_src_path).relative_to(root) if page.file.abs_src_path else None
        page.meta.update(self.site.page_meta(page.file.src_uri, source, page.meta.get("date")))
        return markdown + "\n\n" + self.site.renderer.home_sections() if page.file.src_uri == "index.md" else markdown
