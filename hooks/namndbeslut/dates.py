"""The build date and Swedish date and number formats (Babel), used by every page."""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

LOCALE = Locale.parse("sv_SE")
"""Parsed once: Babel would parse a locale name again on every date it formats."""
TIMEZONE = ZoneInfo("Europe/Stockholm")


def build_date(environ: dict[str, str] | None = None) -> dt.date:
    """`BUILD_DATE` (YYYY-MM-DD) when set, so a build is repeatable; else today in Stockholm."""
    value = (environ if environ is not None else os.environ).get("BUILD_DATE", "").strip()
    if not value:
        return dt.datetime.now(TIMEZONE).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"BUILD_DATE='{value}' är inget datum; skriv ÅÅÅÅ-MM-DD") from None


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
