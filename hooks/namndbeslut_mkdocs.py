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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from namndbeslut import (
    addresses,
    cache,
    check,
    export,
    gate,
    incremental,
    loader,
    messages,
    preview,
    publishing,
    reproducible,
    safety,
    search,
    summary,
)
from namndbeslut.errors import ContentError, Problem
from namndbeslut.render import Page as OurPage
from namndbeslut.site import Earlier, Site
from properdocs.commands.build import build
from properdocs.config import load_config
from properdocs.config.base import Config
from properdocs.config.defaults import ProperDocsConfig
from properdocs.exceptions import Abort, ConfigurationError
from properdocs.plugins import BasePlugin
from properdocs.structure.files import File, Files, InclusionLevel
from properdocs.structure.nav import Navigation
from properdocs.structure.pages import Page
from properdocs.structure.toc import get_toc
from properdocs.utils.templates import TemplateContext

log = logging.getLogger("properdocs.plugins.namndbeslut")
DIRTY_MARK = "namndbeslut-bygger.tmp"
"""A file the plugin puts in the output folder before the engine starts writing; it is still there when the engine
builds `--dirty` (it empties the folder otherwise, all but hidden files: hence no dot); the plugin removes it."""
SITEMAP_GZ = "sitemap.xml.gz"
"""Written by the engine next to the sitemap (a theme's static template)."""


class Options(Config):  # type: ignore[no-untyped-call]  # the engine leaves __init_subclass__ untyped
    """The plugin has no options: the site's settings are mkdocs.yml's `extra`."""


@dataclass
class Memory:
    """What the preview keeps from one of its builds to the next (PreviewEngine)."""

    reads: loader.Reads = field(default_factory=loader.Reads)
    """The content files as last read: a build reads again only those that changed."""
    earlier: Earlier | None = None
    """What the last build that passed left (its pages as rendered)."""
    changed: set[Path] | None = None
    """The content files the last build found changed since the one before (None: it built afresh)."""
    quick: bool = False
    """This build updates the output of the build that left `earlier`, in place: only the pages whose content files
    changed are rendered and written (the datasets, feeds and search index stay the last full build's)."""


class NamndbeslutPlugin(BasePlugin[Options]):  # type: ignore[no-untyped-call]  # as above
    """Load and render the archive once per build; add its pages and data as generated files."""

    site: Site | None = None
    memory: Memory | None = None
    """Set by the preview (PreviewEngine): a build that may take what the last one made."""
    problems: list[Problem]
    """What stopped the last build (content or the output gate), for `make check`."""
    sources: dict[str, Path]
    """The content file behind each published page, by its path in the site (for the gate's messages)."""
    rendered: list[str]
    """The pages the engine wrote in this build, by their path in the site."""
    files: Files
    """Every file of this build (what it publishes)."""

    def on_config(self, config: ProperDocsConfig) -> None:
        """Load and validate all content once per build; invalid content (or a placeholder when publishing) stops it."""
        self.problems, self.sources = [], {}
        config.site_url = publishing.site_url(config.site_url or "", os.environ)
        if found := safety.extensions(Path(config.config_file_path), list(config.markdown_extensions)):
            self.problems = found
            raise Abort("Inställningarna har fel:\n" + "\n".join(map(str, found)))
        _swedish_log()
        memory = self.memory or Memory()
        earlier = memory.earlier if memory.quick else None
        if self.memory is None:  # `make site`: over the output the last build kept, where it can be
            earlier = incremental.earlier(_root(config), os.environ)
            _allow_dirty()
        try:
            self.site = Site.build(_root(config),
                                   settings={"site_name": config.site_name, **config.extra},
                                   site_url=config.site_url, publish=publishing.requested(os.environ),
                                   earlier=earlier, reads=memory.reads)
        except ContentError as err:
            self.problems = err.problems
            raise Abort(f"Innehållet har fel:\n{err}") from None
        reproducible.pin_source_date_epoch(self.site.today)  # sitemap dates and gzip header follow BUILD_DATE

    def on_serve(self, server: Any, config: ProperDocsConfig, builder: Any) -> Any:
        """`properdocs serve` watches the content folders there are: not listed under `watch`, where the engine
        refuses a missing folder (in English), and a new site's folders may be empty, which git does not keep."""
        for folder in loader.FOLDERS:
            if (path := _root(config) / folder).is_dir():
                server.watch(str(path))
        return server

    def on_files(self, files: Files, config: ProperDocsConfig) -> Files:
        """Every generated page and dataset as a virtual file, outside the nav (nothing is written to the source).

        A build over an earlier one's output (Site.changed is set) writes only the pages that changed; `make site`'s
        first puts the output its earlier build kept in place, where its hand-written pages and theme files stay."""
        assert self.site is not None
        quick = self.memory is not None and self.memory.quick
        mark = Path(config.site_dir) / DIRTY_MARK
        dirty = mark.exists()  # a build without `--dirty` renders and writes every file whatever it is told
        mark.unlink(missing_ok=True)
        if self.site.changed is not None and not quick and dirty:
            incremental.restore(_root(config), Path(config.site_dir))
            for file in files:
                _Unchanged.of(file)
        elif self.site.changed is None and self.memory is None:
            shutil.rmtree(config.site_dir, ignore_errors=True)  # a build from scratch (the engine runs `--dirty`)
        self.files = files
        for page in self.site.pages:
            if page.kept and dirty:  # left in the output as an earlier build wrote it
                files.append(_Unchanged.of(File.generated(config, page.path, content="",
                                                          inclusion=InclusionLevel.NOT_IN_NAV)))
            else:  # rendered when the engine writes it (on_page_context)
                files.append(File.generated(config, page.path, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        if not quick:  # a preview's quick build leaves the data files as they are
            for data in self.site.data:
                file = File.generated(config, data.path, content=data.content, inclusion=InclusionLevel.NOT_IN_NAV)
                files.append(_Unchanged.of(file) if self.site.data_kept(data) else file)
        if self.site.changed is not None and (home := files.get_file_from_path("index.md")) and not _kept(
                self.site.page_at("index.md")):
            _Unchanged.of(home, modified=True)  # the start page lists what changed
        by_path = {p.path: p.source for p in self.site.pages}
        docs = Path(config.docs_dir)
        self.sources = {f.dest_uri: by_path.get(f.src_uri) or docs.name / Path(f.src_uri) for f in files
                        if f.src_uri in by_path or f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs)}
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: ProperDocsConfig, files: Files, **_: Any) -> str:
        """The start page's hand-written text followed by its generated overview; the furniture's facts in meta,
        and the page's last change as its sitemap date (`update_date`, the engine's `<lastmod>`)."""
        assert self.site is not None
        page.meta.update(self.site.page_meta(page.file.src_uri, _source(page.file, config)))
        page.update_date = page.meta["lastmod"]
        ours = self.site.page_at(page.file.src_uri)
        if ours is not None and "title" not in vars(page):  # not named by mkdocs.yml's nav: the engine would look
            page.title = ours.heading                      # for the h1 in the first element, where the breadcrumbs are
        return "" if self.site.generated(page.file.src_uri) else markdown  # a generated page is HTML already

    def on_page_content(self, html: str, page: Page, config: ProperDocsConfig, files: Files) -> str:
        """The start page's hand-written text followed by its generated overview (a page generated whole gets its
        content when it is written, on_page_context)."""
        assert self.site is not None
        ours = self.site.page_at(page.file.src_uri)
        if ours is None or self.site.generated(page.file.src_uri):
            return html
        own = page.toc.items
        added = get_toc(ours.toc).items  # type: ignore[arg-type]  # as above
        if own and own[0].level == 1:  # the sections belong under the start page's own h1, as Markdown nests them
            own[0].children.extend(added)
        else:
            own.extend(added)
        return html + "\n" + ours.html

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: ProperDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """A generated page rendered as the engine writes it: its description, HTML and table of contents (no
        Markdown is converted for it). Rendered here, not when the engine reads the pages, so that the build holds
        one page's HTML at a time (on_post_page lets it go)."""
        assert self.site is not None
        if self.site.generated(page.file.src_uri):
            ours = self.site.page_at(page.file.src_uri)
            assert ours is not None
            page.meta.update(ours.meta)
            page.toc = get_toc(ours.toc)  # type: ignore[arg-type]  # the engine's TypedDict, as Markdown gives it
            page.content = ours.html
        return context

    def on_pre_template(self, template: Any, template_name: str, config: ProperDocsConfig) -> Any:
        """The engine writes the theme's own pages (sitemap, 404) after every other file: the data files are written,
        and their content can go."""
        assert self.site is not None
        for path in self.site.data_written():
            if (file := self.files.get_file_from_path(path)) is not None:
                file.content_string = ""
        return template

    def on_env(self, env: Any, config: ProperDocsConfig, files: Files) -> Any:
        """Over an earlier output: a page left as it is still gets its sitemap date, and every file about to be
        written is first unlinked (the output may be hard links to the kept copy, incremental.restore)."""
        assert self.site is not None
        if self.site.changed is None:
            return env
        for file in files.documentation_pages():
            if file.page is not None and file.page.markdown is None:
                file.page.update_date = self.site.page_meta(file.src_uri, _source(file, config))["lastmod"]
        site_dir = Path(config.site_dir)
        incremental.detach([*(f.abs_dest_path for f in files if f.is_modified()),
                            *(str(site_dir / name) for name in [*config.theme.static_templates, SITEMAP_GZ])])
        return env

    def on_post_build(self, config: ProperDocsConfig) -> None:
        """Index the finished site for search (Pagefind), then the output gate over all of it, before the
        built site is put in place: a finding deletes the build and stops it."""
        assert self.site is not None
        site_dir = Path(config.site_dir)
        root = _root(config)
        if self.site.changed is not None and self.memory is not None and self.memory.earlier is not None:
            for gone in self.site.gone(self.memory.earlier):
                (site_dir / gone / "index.html").unlink(missing_ok=True)  # a quick build: a record removed
            self._refuse(gate.check(site_dir, config.site_url or "", self.sources, only=self.rendered), site_dir,
                         only=self.rendered)
            return
        if self.site.changed is not None:  # over an earlier output: what this build did not write goes
            written = [f.dest_uri for f in self.files if f.inclusion.is_included()]  # type: ignore[no-untyped-call]
            incremental.prune(site_dir, [*written, *config.theme.static_templates, SITEMAP_GZ])
        if self.memory is None:
            search.want(root, site_dir, f"{cache.whole_build_key(root, os.environ)}:{self.site.search_key()}")
        try:
            if not search.deferred(os.environ):
                search.publish(root, site_dir)
        except RuntimeError as err:
            raise Abort(str(err)) from None
        self._refuse(gate.check(site_dir, config.site_url or "", self.sources, refresh=self.site.refresh_pages,
                                repeated=self.site.repeated()), site_dir)
        cache.mark_built(root, os.environ)
        if self.memory is None:
            incremental.keep(root, site_dir, os.environ, self.site.earlier())
        if self.site.register_written:
            log.info(addresses.WRITTEN)
        for notice in loader.notices(self.site.archive):
            log.info(str(notice))
        pages = sum(1 for _ in site_dir.rglob("*.html"))
        log.info(summary.published(self.site.archive, pages, self.site.data_count))


    def _refuse(self, found: list[Problem], site_dir: Path, only: list[str] | None = None) -> None:
        """Stop the build when the gate found anything, leaving nothing it refused to be served: the whole
        output of a build, or `only` the pages a quick build wrote into the served site (the preview's)."""
        if not found:
            return
        self.problems = sorted(found, key=lambda p: (str(p.path), p.line or 0, p.field))
        if only is None:
            shutil.rmtree(site_dir, ignore_errors=True)
        for rel in only or []:
            (site_dir / rel).unlink(missing_ok=True)
        raise Abort("Det som skulle publiceras har fel:\n" + "\n".join(map(str, self.problems)))

    def on_pre_build(self, config: ProperDocsConfig) -> None:
        """A mark in the output folder: the engine removes it unless it builds `--dirty` (see on_files)."""
        self.rendered = []
        Path(config.site_dir).mkdir(parents=True, exist_ok=True)
        (Path(config.site_dir) / DIRTY_MARK).touch()

    def on_post_page(self, output: str, page: Page, config: ProperDocsConfig) -> str:
        """Note each page the engine writes (a quick build's pages are checked by the gate before they are served);
        a generated page's HTML is let go."""
        self.rendered.append(page.file.dest_uri)
        assert self.site is not None
        if self.site.generated(page.file.src_uri):
            self.site.published(page.file.src_uri)
            page.content = None
        return output


def _kept(page: OurPage | None) -> bool:
    return page is not None and page.kept


class _Unchanged(File):
    """A file the engine's incremental build (`--dirty`) leaves as it is in the output (or, `modified`, renders)."""

    modified = False

    @classmethod
    def of(cls, file: File, modified: bool = False) -> File:
        file.__class__ = cls
        assert isinstance(file, cls)
        file.modified = modified
        return file

    def is_modified(self) -> bool:
        return self.modified


class PreviewEngine:
    """The preview's builds, in its own process: the first one whole; each later one `quick` where it can,
    over the output of the last (Memory.quick), so that a saved file shows within seconds at any size."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.memory = Memory()
        self.notices: list[Problem] = []
        """What the last build that passed says besides its pages (loader.notices)."""

    def __call__(self, dest: Path, quick: bool) -> list[Problem]:
        """Build into `dest` (quick: update the last build's output there); what stopped the build, if anything."""
        try:
            config = load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(dest))
        except (ConfigurationError, Abort) as err:
            return [messages.settings_problem(str(err))]
        plugin = config.plugins["namndbeslut"]
        assert isinstance(plugin, NamndbeslutPlugin)
        plugin.memory = self.memory
        if not quick and self.memory.earlier is None and (kept := incremental.earlier(self.root, os.environ)):
            incremental.restore(self.root, dest)  # the first build starts from `make site`'s last, where it can
            self.memory.earlier, quick = kept, True
        self.memory.quick = quick and self.memory.earlier is not None
        if self.memory.quick:
            config["strict"] = False  # the engine warns about every incremental build
        try:
            with _quiet(self.memory.quick):
                build(config, dirty=self.memory.quick)
        except Abort as err:
            return plugin.problems or [Problem(Path("mkdocs.yml"), None, "bygget", str(err))]
        assert plugin.site is not None
        self.memory.earlier, self.memory.changed = plugin.site.earlier(), plugin.site.changed
        self.notices = loader.notices(plugin.site.archive)
        return []

    @property
    def can_update(self) -> bool:
        return self.memory.earlier is not None

    @property
    def partial(self) -> bool:
        return self.memory.quick


@contextmanager
def _quiet(quick: bool) -> Iterator[None]:
    """The engine's log during a quick build says only that it is one."""
    logger = logging.getLogger("properdocs")
    level = logger.level
    if quick:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _source(file: File, config: ProperDocsConfig) -> Path | None:
    """A hand-written page's file, relative to the project root (None for a generated page)."""
    return Path(file.abs_src_path).relative_to(_root(config)) if file.abs_src_path else None


class _NoDirtyWarning(logging.Filter):
    """The engine warns of every `--dirty` build, for sites whose navigation it cannot know is still right; this
    site's pages are outside the navigation and a build over an earlier output renders every page that changed."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


NAV_OMITTED = "The following pages exist in the docs directory, but are not included in the \"nav\" configuration:"
"""How the engine begins its log line about hand-written pages that `nav:` leaves out (properdocs.structure.nav)."""


class _SwedishNav(logging.Filter):
    """The engine names the hand-written pages that `nav:` leaves out in English and as a bare list; the build log
    is Swedish (summary.py): one line per page, saying what the editor can do. It is a notice, not a warning (the
    engine's `validation.nav.omitted_files: info`): `--strict` builds the page, which a link may still reach."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if text.startswith(NAV_OMITTED):
            pages = [line.strip().removeprefix("- ") for line in text.splitlines()[1:] if line.strip()]
            record.msg, record.args = "\n".join(messages.not_in_nav(loader.PAGES, p) for p in pages), ()
        return True


def _swedish_log() -> None:
    logger = logging.getLogger("properdocs.structure.nav")
    if not any(isinstance(f, _SwedishNav) for f in logger.filters):
        logger.addFilter(_SwedishNav())


def _allow_dirty() -> None:
    logger = logging.getLogger("properdocs.commands.build")
    if not any(isinstance(f, _NoDirtyWarning) for f in logger.filters):
        logger.addFilter(_NoDirtyWarning())


def _root(config: ProperDocsConfig) -> Path:
    """The project root: the config file's folder (absolute, also when the file was named relative: `-f mkdocs.yml`)."""
    return Path(config.config_file_path).resolve().parent


def build_problems(root: Path) -> list[Problem]:
    """Build `root` into a temporary folder as `make site` does and return what stopped it (none: it builds)."""
    with tempfile.TemporaryDirectory() as out:
        try:
            config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(Path(out) / "site"))
        except (ConfigurationError, Abort) as err:
            return [messages.settings_problem(str(err))]
        plugin = config.plugins["namndbeslut"]
        assert isinstance(plugin, NamndbeslutPlugin)
        try:
            build(config)
        except Abort as err:
            return plugin.problems or [Problem(Path("mkdocs.yml"), None, "bygget", str(err))]
        except Exception as err:  # noqa: BLE001 - make check reports every failure as a problem, never a traceback
            return [Problem(Path("mkdocs.yml"), None, "bygget", f"bygget avbröts av ett oväntat fel "
                            f"({type(err).__name__}: {str(err)[:200]}); rätta felet ovan eller fråga en utvecklare")]
    return []


def serve_main() -> int:
    """`make serve`: the preview (preview.py), building with PreviewEngine."""
    return preview.main(PreviewEngine)


def export_main() -> int:
    """`make export`: the export, after the same build and output gate as `make site` passed (nothing it refuses)."""
    return export.main(sys.argv[1:], build_problems)


def check_main() -> int:
    """`make check`: the content's problems, then the same build and output gate as `make site`."""
    return check.main(sys.argv[1:], build_problems)
