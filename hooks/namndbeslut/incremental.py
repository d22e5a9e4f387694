"""A build that costs what changed: `make site` keeps, in the build cache, the pages it rendered (site.Earlier)
and a copy of its output; the next build starts from that output and renders only the pages whose content
files, setting or questions to the archive changed (Page.holds).

Nothing is taken on trust. The kept pages are used only by the same code (cache.py names the entry by the
code's version), with the same theme, settings, hand-written pages and address (cache.whole_build_key), on the
same day with the same history (site.Earlier.setting), and only while the kept output is exactly what that build
wrote: every file's path, size and modification time, as noted when it was kept. Anything else, or a cache that
cannot be read, and the build starts clean (and says so).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from . import cache, search
from .site import Earlier

NAME = "pages"
"""The cache entry of the pages as rendered."""
OUTPUT = "output"
"""The folder in the cache holding the last build's output (without its search index, which is built anew)."""

log = logging.getLogger("properdocs.plugins.namndbeslut")


def earlier(root: Path, environ: Mapping[str, str]) -> Earlier | None:
    """What the last build left, when the theme, settings and hand-written pages are as they were then and its
    output is kept unchanged; else None (with a notice when something was kept but cannot be used)."""
    entry = cache.load(root, NAME)
    if not entry:
        return None
    if entry.get("key") != cache.whole_build_key(root, environ):
        log.info("Byggcachen gäller andra inställningar, tema eller sidor: allt byggs från början")
        return None
    output, found = root / cache.FOLDER / OUTPUT, entry.get("earlier")
    if not isinstance(found, Earlier) or not output.is_dir() or _manifest(output) != entry.get("output"):
        log.info("Byggcachens kopia av förra bygget är ändrad eller saknas: allt byggs från början")
        return None
    return found


def restore(root: Path, site_dir: Path) -> None:
    """Put the last build's output into `site_dir`, to build over it: as hard links (fast at any size), so every
    file this build writes must first be unlinked (`detach`), never written through; copied where `site_dir` is
    on another file system."""
    shutil.rmtree(site_dir, ignore_errors=True)
    shutil.copytree(root / cache.FOLDER / OUTPUT, site_dir, copy_function=_link_or_copy)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def detach(paths: Iterable[str]) -> None:
    """Unlink the files about to be written over a restored output: the engine writes a file in place, which
    would change the kept copy through a hard link."""
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def keep(root: Path, site_dir: Path, environ: Mapping[str, str], earlier: Earlier) -> None:
    """Keep this build's pages and (as hard links) its output for the next build: `make site`'s, whose output is
    in the project (a build into a temporary folder, `make check`'s, keeps nothing). A build over the kept output
    changes only what it wrote: the copy is brought up to date file by file."""
    if not site_dir.resolve().is_relative_to(root.resolve()):
        return
    output = root / cache.FOLDER / OUTPUT
    try:
        cache.mirror(site_dir, output, skip=search.OUTPUT_DIR)
    except OSError as err:
        shutil.rmtree(output, ignore_errors=True)
        log.info(f"Byggcachen kunde inte spara bygget ({err}); nästa bygge börjar från början")
        return
    cache.save(root, NAME, {"key": cache.whole_build_key(root, environ), "earlier": earlier,
                            "output": _manifest(output)})


def _manifest(output: Path) -> str:
    return cache.manifest(output, skip=search.OUTPUT_DIR)


def prune(site_dir: Path, written: Iterable[str]) -> list[str]:
    """Remove what an earlier build wrote into `site_dir` and this one did not (a removed record's page and data
    files), the search index's folder aside; the paths removed."""
    wanted = set(written)
    removed = []
    for dirpath, _, filenames in os.walk(site_dir, topdown=False):
        here = Path(dirpath)
        if here == site_dir / search.OUTPUT_DIR or site_dir / search.OUTPUT_DIR in here.parents:
            continue
        for name in filenames:
            rel = (here / name).relative_to(site_dir).as_posix()
            if rel not in wanted:
                (here / name).unlink()
                removed.append(rel)
        if here != site_dir and not any(here.iterdir()):
            here.rmdir()
    return sorted(removed)
