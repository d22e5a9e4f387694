"""The build cache in `.cache/` at the project root: what was derived from each content file, by the file's content
hash and the code's version, so that a file is read, validated and checked once per change, not once per build.

Nothing in it is ever taken on trust: an entry is used only for the very bytes it was made from by the very code
now running (the code's version is the hash of the package's source), so a stale entry cannot be used. A cache
that cannot be read is set aside with a notice and the build starts clean; a failed write loses only time.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from .kinds import PAGES

FOLDER = ".cache"
"""The cache's folder at the project root (git-ignored; the scheduled workflow restores and saves it)."""

log = logging.getLogger("properdocs.plugins.namndbeslut")


@cache
def code_version() -> str:
    """The hash of every source file of this package: a change to the code makes every entry new."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".j2", ".html") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def digest(data: bytes) -> str:
    """A content file's identity in the cache."""
    return hashlib.sha256(data).hexdigest()


def _path(root: Path, name: str) -> Path:
    return root / FOLDER / f"{name}-{code_version()}.pickle"


def load(root: Path, name: str) -> dict[str, Any]:
    """The entries saved under `name` by this code's version, or none (a cache that cannot be read is set aside)."""
    path = _path(root, name)
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as f:
            entries = pickle.load(f)  # noqa: S301 - the project's own cache, written by save() below
        if not isinstance(entries, dict):
            raise TypeError(type(entries).__name__)
        return entries
    except Exception as err:  # noqa: BLE001 - any unreadable cache is set aside, whatever broke it
        log.info(f"Byggcachen {path.relative_to(root)} gick inte att läsa ({type(err).__name__}); den tas bort "
                    "och allt läses från början")
        path.unlink(missing_ok=True)
        return {}


def save(root: Path, name: str, entries: dict[str, Any]) -> None:
    """Replace the entries saved under `name` (atomically: a reader never sees half a file); older versions go."""
    folder = root / FOLDER
    try:
        folder.mkdir(exist_ok=True)
        for old in folder.glob(f"{name}-*.pickle"):
            if old != _path(root, name):
                old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as f:
            pickle.dump(entries, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, _path(root, name))
    except OSError as err:
        log.info(f"Byggcachen kunde inte sparas ({err}); nästa bygge läser allt från början")


def whole_build_key(root: Path, environ: Mapping[str, str]) -> str:
    """What a whole build's outcome depends on besides the records (which the loader checks, file by file): the
    code, the settings and the environment's address, the theme and the hand-written pages and files."""
    found = hashlib.sha256(f"{code_version()}\0{environ.get('SITE_URL', '')}\0{environ.get('PUBLISH', '')}".encode())
    for name in ("mkdocs.yml", "site_src", PAGES):
        paths = [root / name] if (root / name).is_file() else sorted((root / name).rglob("*"))
        for path in paths:
            if path.is_file():
                found.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return found.hexdigest()


def built(root: Path, environ: Mapping[str, str]) -> bool:
    """Whether a whole build (`make site`, or `make check`'s) passed with everything but the records as they are
    now: then a change to records alone is fully judged by the loader's checks."""
    return load(root, "built").get("key") == whole_build_key(root, environ)


def mark_built(root: Path, environ: Mapping[str, str]) -> None:
    """Note that a whole build passed (see `built`)."""
    save(root, "built", {"key": whole_build_key(root, environ)})


def manifest(folder: Path, skip: str = "") -> str:
    """The digest of every file's path, size and modification time under `folder` (its top folder `skip` aside):
    a copy kept in the cache is used only while it is exactly as it was kept."""
    digest = hashlib.sha256()

    def walk(here: str, prefix: str) -> None:
        with os.scandir(here) as found:
            entries = sorted(found, key=lambda e: e.name)
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if not (prefix == "" and entry.name == skip):
                    walk(entry.path, f"{prefix}{entry.name}/")
            else:
                st = entry.stat(follow_symlinks=False)
                digest.update(f"{prefix}{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())

    walk(str(folder), "")
    return digest.hexdigest()


def mirror(source: Path, copy: Path, skip: str = "") -> None:
    """Make `copy` hold hard links to exactly the files under `source` (its top folder `skip` aside), linking only
    what is not linked yet: a build over a kept output changed only what it wrote."""
    linked: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(source):
        here = Path(dirpath)
        if here == source:
            dirnames[:] = [d for d in dirnames if d != skip]
        there = copy / here.relative_to(source)
        there.mkdir(parents=True, exist_ok=True)
        for name in filenames:
            linked.add(str(there / name))
            with contextlib.suppress(FileNotFoundError):
                if os.path.samefile(here / name, there / name):
                    continue
                os.unlink(there / name)
            os.link(here / name, there / name)
    for dirpath, _, filenames in os.walk(copy, topdown=False):
        for name in filenames:
            if str(Path(dirpath) / name) not in linked:
                os.unlink(Path(dirpath) / name)
        if Path(dirpath) != copy and not any(Path(dirpath).iterdir()):
            Path(dirpath).rmdir()
