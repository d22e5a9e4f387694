"""`make export`: the site as plain files that any engine builds without our plugin.

The export holds every page as Markdown, with the meta the plugin adds during a build (feeds,
'Uppdaterad', search facets: `Site.page_meta`) written into its front matter; the hand-written pages
and files of the docs folder likewise; the datasets, feeds, calendars and OParl files as static files;
the theme overrides; and a `mkdocs.yml`: the project's, with the docs folder pointing at the pages, the
resolved `site_url`, and without our plugin. The pages come from `Site.build`, `Site.page_meta` and
`Site.page_markdown`, as in a build: nothing here assembles a page. What a build does after the pages,
the search index and the output gate, are `search.index` and `gate.check`, run over any engine's output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from . import check, dates, engine, messages, pagefile, publishing, reproducible, search
from .errors import ContentError
from .site import Site

DOCS = "docs"
"""The exported pages' folder (the exported config's docs_dir)."""
PLUGIN = "namndbeslut"
"""Our plugin's name under `plugins:`, left out of the exported config."""
def page(path: str, markdown: str, site: Site, source: Path | None = None, title: str | None = None) -> str:
    """One page as exported: what the plugin adds to its meta in front matter, its Markdown as published.

    `source` is the hand-written file behind it (relative to the project root; None for a generated page);
    `title` the title the plugin hands the engine (a generated page's breadcrumbs precede its h1, so the engine
    would not find it; a page named in mkdocs.yml's nav keeps the nav's title, as in the plugin).
    """
    front, body = pagefile.split(markdown)
    meta = {**({"title": title} if title else {}), **front, **site.page_meta(path, source)}
    header = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{header}---\n{site.page_markdown(path, body)}"


def files(site: Site, root: Path, docs_dir: str, named: frozenset[str] = frozenset()) -> Iterator[tuple[str, bytes]]:
    """Every file of the exported docs folder by its path in it: pages, the docs folder's own files, data."""
    docs = root / docs_dir
    for file in sorted(p for p in docs.rglob("*") if p.is_file()):
        rel, raw = file.relative_to(docs).as_posix(), file.read_bytes()
        yield rel, (page(rel, raw.decode("utf-8-sig"), site, file.relative_to(root)).encode("utf-8")
                    if file.suffix == ".md" else raw)
    for generated in site.pages:
        title = None if generated.path in named else generated.heading
        yield generated.path, page(generated.path, generated.markdown, site, title=title).encode("utf-8")
    for data in site.data:
        yield data.path, data.content if isinstance(data.content, bytes) else data.content.encode("utf-8")


def config(project: dict[str, Any], site_url: str) -> dict[str, Any]:
    """The exported mkdocs.yml: the project's, reading `DOCS`, at `site_url`, without our plugin or `watch`."""
    plugins = [p for p in project.get("plugins") or [] if (p if isinstance(p, str) else next(iter(p))) != PLUGIN]
    out = {k: v for k, v in project.items() if k != "watch"}
    return {**out, "site_url": site_url, "docs_dir": DOCS, "plugins": plugins}


def source_date(site: Site, root: Path, docs_dir: str) -> dt.date:
    """The date the engine should stamp a build of the export with (its default sitemap date, the gzip header):
    the newest `lastmod` the pages' meta gives, as the plugin sets each page's date, else the build date."""
    docs = root / docs_dir
    sources = [(f.relative_to(docs).as_posix(), f.relative_to(root)) for f in docs.rglob("*.md") if f.is_file()]
    metas = [site.page_meta(path, source) for path, source in [*sources, *((p.path, None) for p in site.pages)]]
    days = [dt.date.fromisoformat(str(m["lastmod"])) for m in metas if m.get("lastmod")]
    return max(days, default=site.today)


def header(site: Site, day: dt.date) -> str:
    """The exported config's opening comment: how to build the same site from it."""
    return (f"# The pages of {site.today.isoformat()}'s build as plain files (namndbeslut `make export`): build with\n"
            f"#   SOURCE_DATE_EPOCH={reproducible.epoch(day)} properdocs build --strict -f mkdocs.yml\n"
            f"# (or mkdocs build), then index for search:\n"
            f"#   python -m pagefind --site site --output-subdir {search.OUTPUT_DIR} "
            f"--force-language {search.LANGUAGE}\n")


def prepare(root: Path, environ: Mapping[str, str]) -> tuple[dict[str, Any], Site]:
    """The project's config and its site as built on the build date of `environ` (ContentError as in a build)."""
    project = yaml.safe_load((root / engine.CONFIG).read_text(encoding="utf-8"))
    site_url = publishing.site_url(project.get("site_url") or "", environ)
    site = Site.build(root, settings={"site_name": project["site_name"], **(project.get("extra") or {})},
                      today=dates.build_date(dict(environ)), site_url=site_url,
                      publish=publishing.requested(environ))
    return {**project, "site_url": site_url}, site


def write_site(root: Path, project: dict[str, Any], site: Site, dest: Path) -> int:
    """Write the export of `site` (built from `root` with config `project`) into the empty or new folder `dest`.

    Returns the number of files written into the docs folder.
    """
    count = 0
    named = frozenset(str(path) for entry in project.get("nav") or [] if isinstance(entry, dict)
                      for path in entry.values())
    for rel, content in files(site, root, project.get("docs_dir", "docs"), named):
        target = dest / DOCS / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        count += 1
    theme = project.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        shutil.copytree(root / theme["custom_dir"], dest / theme["custom_dir"],
                        ignore=shutil.ignore_patterns("__pycache__"))
    text = yaml.safe_dump(config(project, project["site_url"]), allow_unicode=True, sort_keys=False, width=1_000_000)
    day = source_date(site, root, project.get("docs_dir", "docs"))
    (dest / engine.CONFIG).write_text(header(site, day) + text, encoding="utf-8")
    return count


def write(root: Path, dest: Path, environ: Mapping[str, str]) -> int:
    """Export `root`'s site as built on the build date of `environ` into `dest`; the number of files written."""
    return write_site(root, *prepare(root, environ), dest)


def main(argv: list[str] | None = None, build: check.Builder | None = None) -> int:
    """`namndbeslut-export [DEST] [--root DIR]`: the export into DEST (default `export`), which must be new or empty.

    With `build` (the engine adapter's), the content is first built where nothing is published, through the same
    checks and output gate as `make site`: what the build refuses is not exported either."""
    parser = argparse.ArgumentParser(prog="namndbeslut-export", description=messages.EXPORT_HELP)
    parser.add_argument("dest", type=Path, nargs="?", default=Path("export"))
    parser.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    if args.dest.exists() and any(args.dest.iterdir()):
        print(messages.EXPORT_NOT_EMPTY.format(dest=args.dest), file=sys.stderr)
        return 1
    if build and (problems := build(args.root.resolve())):
        print(messages.EXPORT_FAILED + "\n" + "\n".join(map(str, problems)), file=sys.stderr)
        return 1
    try:
        count = write(args.root.resolve(), args.dest, os.environ)
    except ContentError as err:
        print(f"{messages.EXPORT_FAILED}\n{err}", file=sys.stderr)
        return 1
    print(messages.EXPORT_DONE.format(count=count, dest=args.dest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
