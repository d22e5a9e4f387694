"""The site's search: Pagefind indexes the built HTML after every build, in Swedish, into OUTPUT_DIR.

The index is static files fetched in small pieces only when a reader searches, so a page view does not
pay for the whole archive (Material's lunr index was fetched whole on every page load). The binary comes
in the `pagefind_bin` wheel: nothing is downloaded at build time. What a page offers the index (its kind,
body and year as filters; a weight for the pages a search is most likely after) is decided here and
written by the theme (site_src/main.html) from the page's meta.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import cache
from .archive import Archive
from .model import Agreement, Committee, Meeting, Partner, Report

OUTPUT_DIR = "pagefind"
"""The search bundle's folder in the built site (index, fragments, UI): also what a gate over the output scans."""
LANGUAGE = "sv"

# The filter names a reader sees, and the kinds of page.
KIND, BODY, YEAR = "Typ", "Organ", "År"
MEETING, AGREEMENT, PARTNER, REPORT, PAGE = "Sammanträde", "Överenskommelse", "Partner", "Rapport", "Sida"
DECISION = "Beslut"
"""The kind of a decision taken outside a meeting (`Meeting.outside`): never filed as a meeting."""
RECORD_WEIGHT = 4.0
"""Weight of a partner's or an agreement's name in its own page: above a passing mention elsewhere."""


@dataclass(frozen=True)
class Facets:
    """What a page tells the index: filter values, the weight of its title, and a result's title where it is not the
    page's heading."""

    filters: dict[str, str | tuple[str, ...]]
    """Each filter's value, or its values where a page has several (an agreement of several bodies)."""
    weight: float | None = None
    title: str = ""
    """A result's title in place of the page's heading: an undated meeting's `Meeting.listed_title` (the source's
    words about its date), so that two of one body differ in the results as in the lists."""

    def meta(self) -> dict[str, object]:
        """As page meta for the theme: a list of filters (stable order), the title's weight, a result's title."""
        return {"filters": [{"name": k, "value": v} for k, vs in self.filters.items()
                            for v in ((vs,) if isinstance(vs, str) else vs)], "weight": self.weight,
                **({"title": self.title} if self.title else {})}


def facets(record: object | None, archive: Archive) -> Facets:
    """The filters of the page showing `record` (None: an overview or hand-written page)."""
    if isinstance(record, Meeting):
        # no year filter where the source gives no date: never filed under a year
        body = archive.committee_of(record)  # none where the source names none: no body filter
        return Facets({KIND: DECISION if record.outside else MEETING, **({BODY: body.name} if body else {}),
                       **_year(record.date.year if record.date else None)},
                      title=record.listed_title if record.listed_title != record.title else "")
    if isinstance(record, Agreement):
        return Facets({KIND: AGREEMENT, **_bodies(record, archive), **_year(_start(record, archive))}, RECORD_WEIGHT)
    if isinstance(record, Partner):
        return Facets({KIND: PARTNER}, RECORD_WEIGHT)
    if isinstance(record, Report):
        return Facets({KIND: REPORT, **_body(record.committee, archive), YEAR: str(record.date.year)})
    if isinstance(record, Committee):
        return Facets({KIND: PAGE, BODY: record.name})
    return Facets({KIND: PAGE})


def _start(a: Agreement, archive: Archive) -> int | None:
    """The filter 'År': the year the agreement is listed under on the year pages."""
    listed = archive.listed_under(a)
    return listed[0] if listed else None


def _body(committee: str | None, archive: Archive) -> dict[str, str]:
    return {BODY: archive.committees[committee].name} if committee else {}


def _bodies(agreement: Agreement, archive: Archive) -> dict[str, str | tuple[str, ...]]:
    """An agreement's body, or each of its bodies (`committees`), as the filter 'Organ'."""
    names = tuple(c.name for c in archive.bodies_of(agreement))
    return {BODY: names[0] if len(names) == 1 else names} if names else {}


def _year(year: int | None) -> dict[str, str]:
    return {YEAR: str(year)} if year else {}


def command(site_dir: Path) -> list[str]:
    """The indexing command for a built site (the wheel's binary, run through its Python module)."""
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT_DIR,
            "--force-language", LANGUAGE, "--quiet"]


LATER = "NAMNDBESLUT_SEARCH"
"""Set to `later` (as `make site` does), the build leaves the index to a process of its own run after it
(`python -m namndbeslut.search SITE`): Pagefind then never holds its memory while the build holds its own."""


def deferred(environ: Mapping[str, str]) -> bool:
    """Whether this build leaves the search index to a later process."""
    return environ.get(LATER, "") == "later"


def main(argv: list[str] | None = None) -> int:
    """`python -m namndbeslut.search SITE`, in the project's root: index a built site (what a build with
    NAMNDBESLUT_SEARCH=later left), or put in place the index that still holds for it (`publish`)."""
    args = sys.argv[1:] if argv is None else argv
    try:
        publish(Path.cwd(), Path(args[0]))
    except (RuntimeError, IndexError, OSError) as err:
        print(str(err) or "ange den byggda webbplatsens mapp", file=sys.stderr)
        return 1
    return 0


# -- an index that still holds ------------------------------------------------------------------------------
# Most nights nothing but the day changes: the pages that show the build date mark it data-pagefind-ignore, so
# the text the index holds is the same, and the index the last build made is put in place instead of made again.

KEPT = "search-index"
"""The cache's entry and folder for the last index made in the project, and the pages' searchable content then."""
_IGNORED = re.compile(r"<span data-pagefind-ignore>[^<]*</span>")
_TAG = re.compile(r"<[^<>]*>")
_NAMED = re.compile(r'\s(?:id|alt)="([^"]*)"')


def searchable(title: str, html: str, found: Facets) -> str:
    """A digest of what the index takes from a page: its title, its text (what it marks data-pagefind-ignore
    aside), its headings' ids and images' alt texts, its filters and weight."""
    kept = _IGNORED.sub("", html)
    parts = [title, _TAG.sub(" ", kept), *_NAMED.findall(kept), json.dumps(found.meta(), sort_keys=True)]
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def want(root: Path, site_dir: Path, key: str) -> None:
    """Note what the built `site_dir` offers the index (a digest of every page's `searchable` and of what else
    the pages are made with), for `publish` in the process after the build's."""
    entry = cache.load(root, KEPT)
    cache.save(root, KEPT, {**entry, "site": str(site_dir.resolve()), "key": key})


def publish(root: Path, site_dir: Path) -> None:
    """Index the built site; or, when the build noted (`want`) the searchable content the kept index was made
    for, and the kept index is exactly as it was kept, put that index in place. Only for a site in the project."""
    entry, kept = cache.load(root, KEPT), root / cache.FOLDER / KEPT
    ours = site_dir.resolve().is_relative_to(root.resolve()) and entry.get("site") == str(site_dir.resolve())
    made_for = entry.get("indexed")
    if ours and entry.get("key") == made_for and kept.is_dir() and cache.manifest(kept) == entry.get("index"):
        shutil.copytree(kept, site_dir / OUTPUT_DIR, copy_function=os.link)
        return
    index(site_dir)
    if ours:
        try:
            cache.mirror(site_dir / OUTPUT_DIR, kept)
        except OSError:
            shutil.rmtree(kept, ignore_errors=True)
            return
        cache.save(root, KEPT, {**entry, "indexed": entry.get("key"), "index": cache.manifest(kept)})


def index(site_dir: Path) -> None:
    """Index the built site; a failure raises with Pagefind's own message."""
    result = subprocess.run(command(site_dir), capture_output=True, text=True, check=False)
    if result.returncode != 0 or "error" in result.stderr.lower():
        raise RuntimeError(f"Sökindexet kunde inte byggas (Pagefind):\n{result.stdout}{result.stderr}")
    _sort_filters(site_dir / OUTPUT_DIR)


# -- reproducible filters ------------------------------------------------------------------------------
# Pagefind writes each filter's values, and the list of filters in the meta file, in hash-map order, which
# changes from run to run (everything else it writes is stable). Each filter file is rewritten with its
# values sorted and renamed after its content; the language's meta file, which names the filter files, and
# the entry file, which names the meta file, follow. A file is gzip (mtime 0) of b"pagefind_dcd" + CBOR;
# a filter is [name, [[value, [page, …]], …]], the meta [version, pages, index chunks, filters, sorts, meta].

_MAGIC = b"pagefind_dcd"


def _sort_filters(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        old_meta = bundle / f"pagefind.{language['hash']}.pf_meta"
        fields = _cbor(_unpack(old_meta.read_bytes()), 0)[0]
        assert isinstance(fields, list) and len(fields) == 6, "unknown Pagefind meta file"
        renamed = {}
        for chunk in sorted((bundle / "filter").glob(f"{language['wasm']}_*.pf_filter")):
            name, values = _cbor(_unpack(chunk.read_bytes()), 0)[0]
            data = _encode([name, sorted(values, key=lambda v: v[0])])
            renamed[chunk.stem] = f"{language['wasm']}_{hashlib.sha256(data).hexdigest()[:7]}"
            chunk.unlink()
            (bundle / "filter" / f"{renamed[chunk.stem]}.pf_filter").write_bytes(_pack(data))
        fields[3] = sorted([name, renamed[chunk]] for name, chunk in fields[3])  # [[filter, its file], …]
        meta = _encode(fields)
        language["hash"] = f"{language['wasm']}_{hashlib.sha256(meta).hexdigest()[:10]}"
        old_meta.unlink()
        (bundle / f"pagefind.{language['hash']}.pf_meta").write_bytes(_pack(meta))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _unpack(packed: bytes) -> bytes:
    data = gzip.decompress(packed)
    assert data.startswith(_MAGIC), "not a Pagefind file"
    return data[len(_MAGIC):]


def _pack(data: bytes) -> bytes:
    return gzip.compress(_MAGIC + data, compresslevel=9, mtime=0)


def _cbor(data: bytes, at: int) -> tuple[Any, int]:
    """Decode the CBOR item at `at` (unsigned integers, text and arrays: all a filter or meta file holds)."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        n = info
    else:
        size = 1 << (info - 24)
        n, at = int.from_bytes(data[at:at + size], "big"), at + size
    if major == 0:
        return n, at
    if major == 3:
        return data[at:at + n].decode("utf-8"), at + n
    if major == 4:
        items: list[Any] = []
        for _ in range(n):
            item, at = _cbor(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"unexpected CBOR major type {major} in a Pagefind filter")


def _encode(item: object) -> bytes:
    """CBOR in its shortest form, as Pagefind writes it."""
    if isinstance(item, int):
        return _head(0, item)
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _head(3, len(raw)) + raw
    assert isinstance(item, list)
    return _head(4, len(item)) + b"".join(_encode(i) for i in item)


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    size = next(s for s in (1, 2, 4, 8) if n < 1 << (8 * s))
    return bytes([major << 5 | (24 + size.bit_length() - 1)]) + n.to_bytes(size, "big")


if __name__ == "__main__":
    sys.exit(main())
