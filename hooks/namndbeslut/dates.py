"""The build date and Swedish date and number formats (Babel), used by every page."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

from .errors import ContentError, Problem

LOCALE = Locale.parse("sv_SE")
"""Parsed once: Babel would parse a locale name again on every date it formats."""
TIMEZONE = ZoneInfo("Europe/Stockholm")
BUILD_DATE = "BUILD_DATE"
"""The environment variable that fixes the build date."""


def build_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """`BUILD_DATE` (YYYY-MM-DD) when set, so a build is repeatable; else today in Stockholm.

    Anything but a plain date is a problem (ContentError), not a guess: the date decides what is published."""
    value = (os.environ if environ is None else environ).get(BUILD_DATE, "")
    if not value:
        return dt.datetime.now(TIMEZONE).date()
    day = plain_date(value)
    if day is None:
        raise ContentError([Problem(Path(BUILD_DATE), None, "byggdatum",
                                    f"{value[:40]!r} är inget datum; skriv {BUILD_DATE}=ÅÅÅÅ-MM-DD, t.ex. "
                                    f"{BUILD_DATE}=2026-12-07 (utan klockslag, tidszon eller mellanslag), eller "
                                    "sätt den inte alls för dagens datum")])
    return day


def plain_date(value: str) -> dt.date | None:
    """`value` as a date when it is exactly YYYY-MM-DD (not another ISO form, no time, zone or space), else None."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def long_date(value: dt.date) -> str:
    """'9 juni 2021'."""
    return format_date(value, "d MMMM y", locale=LOCALE)


def month_year(value: dt.date) -> str:
    """'juni 2021'."""
    return format_date(value, "LLLL y", locale=LOCALE)


def clock(value: dt.time) -> str:
    """'13.00' (Swedish style)."""
    return value.strftime("%H.%M")


def kronor(amount: int) -> str:
    """'62 500 kr' (Swedish grouping with a no-break space)."""
    return f"{format_decimal(amount, locale=LOCALE)}\u00a0kr"


def listing(items: list[str]) -> str:
    """'A, B och C': how a Swedish sentence lists names."""
    return format_list(items, locale=LOCALE)


class Status(StrEnum):
    """Where an agreement stands on the build date."""

    UPCOMING = "Kommande"
    IN_FORCE = "Gäller"
    ENDED = "Har upphört"
    UNSTATED = "Period anges inte"


def add_months(value: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day where it is shorter)."""
    import calendar

    years, month0 = divmod(value.month - 1 + months, 12)
    year = value.year + years
    return value.replace(year=year, month=month0 + 1, day=min(value.day, calendar.monthrange(year, month0 + 1)[1]))
