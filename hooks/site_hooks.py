"""MkDocs hooks: a thin bridge from MkDocs events to the engine-independent `publishing` package."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from publishing import reproducible
from publishing.errors import ContentError
from publishing.site import Site

_site: Site | None = None


def on_config(config: MkDocsConfig) -> None:
    """Load and validate all content once per build; invalid content stops the build."""
    global _site
    try:
        _site = Site.build(Path(config.config_file_path).parent, settings={"site_name": config.site_name, **config.extra},
                           site_url=config.site_url or "")
    except ContentError as err:
        raise Abort(f"Innehållet har fel:\n{err}") from None
    reproducible.pin_source_date_epoch(_site.today)  # sitemap dates and gzip header follow BUILD_DATE


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add every generated page and dataset as a virtual file (nothing is written into the source tree)."""
    assert _site is not None
    for page in _site.pages:
        files.append(File.generated(config, page.path, content=page.markdown))
    for data in _site.data:
        files.append(File.generated(config, data.path, content=data.content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The start page's hand-written text followed by its generated overview; the furniture's facts in meta."""
    assert _site is not None
    source = Path(page.file.abs_src_path).relative_to(Path(config.config_file_path).parent) if page.file.abs_src_path else None
    page.meta.update(_site.page_meta(page.file.src_uri, source, page.meta.get("date")))
    return markdown + "\n\n" + _site.renderer.home_sections() if page.file.src_uri == "index.md" else markdown
