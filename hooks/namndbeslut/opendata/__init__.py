"""Open data next to the pages: OParl 1.1, agreement records, CSV, iCalendar feeds (see README)."""

from __future__ import annotations

from dataclasses import dataclass

from .. import routes
from ..context import BuildContext
from . import calendar, dcat
from .oparl import OParl
from .tables import Tables, dump


@dataclass(frozen=True)
class DataFile:
    """A non-page file to publish: its path relative to the site root and its content."""

    path: str
    content: str | bytes


def data_files(ctx: BuildContext) -> list[DataFile]:
    """Every dataset of one build (ids and links in them are absolute URLs)."""
    tables = Tables(ctx)
    agreements = sorted(ctx.archive.agreements.values(), key=lambda a: a.id)
    records = [tables.record(a) for a in agreements]
    out = {routes.agreement_json(a): dump(r) for a, r in zip(agreements, records, strict=True)}
    out[routes.AGREEMENTS_JSON] = dump(records)
    out[routes.AGREEMENTS_CSV] = tables.agreements_csv()
    out[routes.FUNDING_CSV] = tables.funding_csv()
    out[routes.MATTERS_JSON] = dump(tables.matters())
    out[routes.MATTERS_CSV] = tables.matters_csv()
    out.update(OParl(ctx).files())
    out.update(dcat.files(ctx))
    files = [DataFile(path, content) for path, content in sorted(out.items())]
    files += [DataFile(routes.calendar(c), calendar.feed(ctx, c)) for c in ctx.archive.committees.values()]
    return files
