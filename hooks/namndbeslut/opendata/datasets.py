"""The one list of datasets: the "Öppna data" page shows it and the DCAT-AP-SE catalogue describes it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import dates, pagedates, routes
from ..context import BuildContext
from .tables import Tables


@dataclass(frozen=True)
class Format:
    """A file format: as readers read it, as a media type, and as the EU file-type authority names it."""

    label: str
    media_type: str
    eu_file_type: str


JSON = Format("JSON", "application/json", "JSON")
OPARL_JSON = Format("JSON (OParl 1.1)", "application/json", "JSON")
CSV = Format("CSV", "text/csv", "CSV")
ICS = Format("iCalendar (.ics)", "text/calendar", "ICS")


@dataclass(frozen=True)
class Distribution:
    """One file of a dataset, as a row of the page: what it holds, and a page that shows the same."""

    title: str
    description: str
    route: str
    format: Format
    see: tuple[str, str] | None = None
    """(link text, route) of a page with the same data, shown after the description."""


@dataclass(frozen=True)
class Dataset:
    title: str
    description: str
    keywords: tuple[str, ...]
    themes: tuple[str, ...]
    """Codes of the EU data-theme vocabulary (GOVE: government and public sector, SOCI: population and society)."""
    modified: dt.date
    distributions: list[Distribution] = field(default_factory=list)


MATTERS = f"En rad per ärende, med kolumnerna {dates.listing(list(Tables.MATTER_COLUMNS))}"
"""The matters' table as the catalogue describes it: its columns named from the one list the CSV is written with, so
the description says what the file holds ('Punkt', the agenda item; 'Diarienummer', the case number) and cannot
drift from it."""


def datasets(ctx: BuildContext) -> list[Dataset]:
    """Every dataset of the build, in the page's order; `modified` is the newest change of its records."""
    a, modified = ctx.archive, _newest(ctx)
    agreements = sorted(a.agreements.values(), key=lambda x: x.id)
    committees = sorted(a.committees.values(), key=lambda c: c.name)
    about_agreements = ("överenskommelser", "idéburet offentligt partnerskap", "IOP", "föreningar")
    out = [
        Dataset("OParl-gränssnitt", "Nämnder, partner, sammanträden med ärenden, tjänsteskrivelser och "
                "överenskommelser enligt den öppna standarden OParl 1.1",
                ("sammanträden", "beslut", "nämnder", "överenskommelser", "OParl"), ("GOVE",), modified,
                [Distribution("OParl-gränssnitt", "Startadress (System) för OParl-program", routes.OPARL_SYSTEM,
                              OPARL_JSON)]),
        Dataset("Överenskommelser i en tabell", "En rad per överenskommelse: partner, period, status, beslut och "
                "summa angivna belopp", about_agreements, ("GOVE", "SOCI"), modified,
                [Distribution("Överenskommelser i en tabell", "En rad per överenskommelse: partner, period, "
                              "status, beslut och summa angivna belopp", routes.AGREEMENTS_CSV, CSV)]),
        Dataset("Finansiering per år och partner", "En rad per överenskommelse och år: belopp och priskompensation",
                (*about_agreements, "finansiering", "bidrag"), ("GOVE", "ECON"), modified,
                [Distribution("Finansiering per år och partner", "En rad per överenskommelse och år: belopp och "
                              "priskompensation", routes.FUNDING_CSV, CSV,
                              ("som tabell och diagram", routes.FUNDING))]),
        Dataset("Överenskommelser, alla uppgifter", "Alla överenskommelser med period, status, finansiering, "
                "förnyelser, beslut och tjänsteskrivelser, i en fil och en fil per överenskommelse",
                about_agreements, ("GOVE", "SOCI"), modified,
                [Distribution("Överenskommelser, alla uppgifter", "Alla överenskommelser med period, status, "
                              "finansiering, förnyelser, beslut och tjänsteskrivelser", routes.AGREEMENTS_JSON, JSON)]
                + [Distribution(x.title, "Alla uppgifter om överenskommelsen", routes.agreement_json(x), JSON)
                   for x in agreements]),
        Dataset("Ärenden från sammanträdena", MATTERS, ("sammanträden", "beslut", "ärenden"), ("GOVE",), modified,
                [Distribution("Ärenden i en tabell", MATTERS, routes.MATTERS_CSV, CSV),
                 Distribution("Ärenden, alla uppgifter", "Alla ärenden med tabellens uppgifter, ett objekt per ärende",
                              routes.MATTERS_JSON, JSON)]),
    ]
    out += [Dataset(f"{c.name}s sammanträden", f"{c.name}s hållna och planerade sammanträden, att prenumerera på",
                    ("sammanträden", "kalender", c.name), ("GOVE",), modified,
                    [Distribution(f"{c.name}s sammanträden", "Hållna och planerade sammanträden, att prenumerera på",
                                  routes.calendar(c), ICS, ("kommande sammanträden", routes.UPCOMING))])
            for c in committees]
    return out


def _newest(ctx: BuildContext) -> dt.date:
    """The newest change of any record (every dataset is rebuilt from all of them at each publication): the
    day the page "Öppna data", made from all of them, shows as its last change."""
    return pagedates.of(ctx, None, [doc.path for doc in ctx.archive.sources.values()]).last_modified
