"""Where each dataset and data page is published: the open-data URL scheme, relative to the site root."""

from __future__ import annotations

from ..model import Agreement, Committee, Report

UPCOMING = "sammantraden/kommande/"
"""Page: planned meetings (Kommande sammanträden)."""
FUNDING = "finansiering/"
"""Page: funding per year and partner."""
OPEN_DATA = "oppna-data/"
"""Page: every dataset with its format and licence."""

OPARL = "oparl/"
OPARL_SYSTEM = f"{OPARL}system.json"
"""The OParl entry point."""
AGREEMENTS_CSV = "data/overenskommelser.csv"
FUNDING_CSV = "data/finansiering.csv"
AGREEMENTS_JSON = "data/overenskommelser.json"
"""Every agreement's record in one file."""


def agreement_json(a: Agreement) -> str:
    return f"data/overenskommelser/{a.id}.json"


def calendar(c: Committee) -> str:
    return f"kalender/{c.id}.ics"


def oparl_meeting(sitting_id: str) -> str:
    return f"{OPARL}meeting/{sitting_id}.json"


def oparl_agreement(a: Agreement) -> str:
    return f"{OPARL}paper/overenskommelse-{a.id}.json"


def oparl_report(r: Report) -> str:
    return f"{OPARL}paper/tjansteskrivelse-{r.id}.json"
