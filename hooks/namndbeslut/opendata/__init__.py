"""Open data next to the pages: OParl 1.1, agreement records, CSV, iCalendar feeds (see README)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..archive import Archive
from . import calendar, paths
from .funding import table
from .oparl import OParl
from .tables import Tables, dump


@dataclass(frozen=True)
class DataFile:
    """A non-page file to publish: its path relative to the site root and its content."""

    path: str
    content: str | bytes


def data_files(archive: Archive, today: dt.date, base: str, settings: dict[str, Any]) -> list[DataFile]:
    """Every dataset of one build; `base` is the site's absolute URL (ids and links are absolute)."""
    tables = Tables(archive, today, base, table(archive))
    records = {a.id: tables.record(a) for a in sorted(archive.agreements.values(), key=lambda a: a.id)}
    out = {paths.agreement_json(archive.agreements[id]): dump(r) for id, r in records.items()}
    out[paths.AGREEMENTS_JSON] = dump(list(records.values()))
    out[paths.AGREEMENTS_CSV] = tables.agreements_csv()
    out[paths.FUNDING_CSV] = tables.funding_csv()
    out.update(OParl(archive, base, settings).files())
    files = [DataFile(path, content) for path, content in sorted(out.items())]
    files += [DataFile(paths.calendar(c), calendar.feed(archive, c, base, today)) for c in archive.committees.values()]
    return files
