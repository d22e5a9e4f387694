"""The build date and Swedish date and number formats (Babel), used by every page."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, get_minus_sign_symbol

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


@dataclass(frozen=True, order=True)
class Month:
    """A month of a year: a date the source gives only to the month ('i november 2020'). Written and shown as
    what it is ('2020-11', 'november 2020'), never as one of its days; lists that need a day place it at its
    `last_day` (a meeting that month was held by then)."""

    year: int
    month: int

    def isoformat(self) -> str:
        """'2020-11': ISO 8601's calendar month (and HTML's valid month string)."""
        return f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


@dataclass(frozen=True, order=True)
class Year:
    """A year alone as a meeting's date: the source gives neither day nor month ("Idag har kommunstyrelsen fattat
    beslut" on a page of 2017). Written and shown as '2017', never as one of its days; lists that need a day place
    it at its `last_day`, as a month at the month's."""

    year: int

    def isoformat(self) -> str:
        """'2017': ISO 8601's calendar year."""
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.isoformat()

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.year, 12, 31)


Day = dt.date | Month | Year
"""A date as precise as the source gives it: a day, or only its month or year."""
Stated = dt.date | Month | int
"""A term's start or end as precise as the source gives it: a day, a month, or only the year."""

SEASONS = ("våren", "sommaren", "hösten", "vintern")
"""The seasons a source may give a date to, as Swedish writes them before a year ('våren 2020')."""
SEASON = re.compile(rf"(?P<season>{'|'.join(SEASONS)}) (?P<year>[0-9]{{4}})")


@dataclass(frozen=True)
class Season:
    """A season of a year as the source writes it ('våren 2020'): shown and published as the words, never as a
    day or a month (which months a season holds, and whose year 'vintern' is, the source does not say)."""

    season: str
    year: int

    def isoformat(self) -> str:
        """No ISO form exists: the source's words."""
        return str(self)

    def __str__(self) -> str:
        return f"{self.season} {self.year}"


def season_of(value: str) -> Season | None:
    """`value` as a Season when it is a season and a year ('våren 2020', any case), else None."""
    found = SEASON.fullmatch(" ".join(value.split()).casefold())
    return Season(found["season"], int(found["year"])) if found else None


Given = dt.date | Month | Year | int | Season
"""A date as the source gives it, a season too (a review date: 'senast våren 2020')."""

MONTH = re.compile(r"(?P<year>[0-9]{4})-(?P<month>0[1-9]|1[0-2])")
"""How an editor writes a month: '2020-11'."""


def month_of(value: str) -> Month | None:
    """`value` as a Month when it is exactly YYYY-MM (a real month), else None."""
    found = MONTH.fullmatch(value.strip())
    return Month(int(found["year"]), int(found["month"])) if found else None


YEAR = re.compile(r"[0-9]{4}")
"""How an editor writes a year alone: '2017'."""


def year_of(value: str) -> Year | None:
    """`value` as a Year when it is exactly YYYY, else None."""
    return Year(int(value.strip())) if YEAR.fullmatch(value.strip()) else None


def first_day(value: Given) -> dt.date:
    """The first day a date of any precision can mean: the day itself, the month's first, the year's 1 January (a
    season's too: which months it holds the source does not say). For sorting and status only, never shown."""
    if isinstance(value, int | Season):
        return dt.date(value if isinstance(value, int) else value.year, 1, 1)
    return value.first_day if isinstance(value, Month | Year) else value


def last_day(value: Stated | Year) -> dt.date:
    """The last day a date of any precision can mean: the day itself, the month's last, the year's 31 December.
    Where a list needs one day for a month (sorting, 'latest'), it is this one."""
    if isinstance(value, int):
        return dt.date(value, 12, 31)
    return value.last_day if isinstance(value, Month | Year) else value


def stated(value: Day | None) -> Stated | None:
    """A meeting's date as the other dates say a year (a number), where a step or a citation takes it; None (an
    undated meeting's) stays None: its steps are undated steps."""
    return value.year if isinstance(value, Year) else value


def breadth(value: Day) -> int:
    """How much a date leaves open, for lists placing dates at the same last day: a day 0, a month 1, a year 2 (the
    broader after: a meeting in 2017 after one in December 2017)."""
    return 2 if isinstance(value, Year) else 1 if isinstance(value, Month) else 0


def within(inner: Stated, outer: Stated) -> bool:
    """Whether every day `inner` can mean is one `outer` can mean: the same day, or a day of the month."""
    return first_day(outer) <= first_day(inner) and last_day(inner) <= last_day(outer)


def iso(value: Given) -> str:
    """ISO 8601 at the precision given: '2021-06-09', '2020-11' or '2021'; a season as its words ('våren 2020')."""
    return str(value) if isinstance(value, int) else value.isoformat()


def long_date(value: Given) -> str:
    """'9 juni 2021', 'november 2020', '2021' or 'våren 2020': exactly as precise as the source."""
    if isinstance(value, int | Year | Season):
        return str(value)
    if isinstance(value, Month):
        return month_year(value.first_day)
    return format_date(value, "d MMMM y", locale=LOCALE)


def span(start: Given, end: Given) -> str:
    """A period at the precision given: '2021–2023', 'mars–augusti 2022', '2022' (one year), 'mars 2022'
    (one month), '1 oktober 2021 – 31 december 2023'; a month and a year of other precisions each as given."""
    if start == end:
        return long_date(start)
    if isinstance(start, int) and isinstance(end, int):
        return f"{start}–{end}"
    if isinstance(start, Month) and isinstance(end, Month) and start.year == end.year:
        return f"{format_date(start.first_day, 'LLLL', locale=LOCALE)}–{long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def at_latest(value: Given) -> str:
    """A date something is due by, as precise as the source: 'senast 9 juni 2021', 'senast i juni 2021',
    'senast 2024', 'senast våren 2020'."""
    return f"senast {'i ' if isinstance(value, Month) else ''}{long_date(value)}"


def month_year(value: dt.date) -> str:
    """'juni 2021'."""
    return format_date(value, "LLLL y", locale=LOCALE)


def clock(value: dt.time) -> str:
    """'13.00' (Swedish style)."""
    return value.strftime("%H.%M")


def hours(start: dt.time | None, end: dt.time | None) -> str:
    """A stated time as pages write it: '13.00–16.00', '13.00' with no end; '' where no start is stated. The one rule
    of a meeting's and an agenda item's time."""
    if start is None:
        return ""
    return "–".join(clock(t) for t in (start, end) if t is not None)


Money = int | Decimal
"""Kronor: whole (int), or with öre (an exact Decimal of two decimals at most, '7,50 kr'), never a float."""


def number(amount: Money) -> str:
    """'62 500', '7,50', '−33 700 000': Swedish grouping, two decimals where the sum has öre, and the locale's own minus
    sign (Babel's pattern would write a hyphen) for a deviation or deficit."""
    magnitude: Money = -amount if amount < 0 else amount
    shown = format_decimal(magnitude, format="#,##0.00" if isinstance(amount, Decimal) else None, locale=LOCALE)
    return f"{get_minus_sign_symbol(LOCALE)}{shown}" if amount < 0 else shown


def kronor(amount: Money) -> str:
    """'62 500 kr', '7,50 kr' (Swedish grouping with a no-break space)."""
    return f"{number(amount)}\u00a0kr"


def kronor_range(low: Money, high: Money) -> str:
    """'200 000–250 000 kr': a range as the source gives it, one 'kr' after both ends."""
    return f"{number(low)}–{kronor(high)}"


SCALES = {"miljard": 10**9, "miljarder": 10**9, "miljon": 10**6, "miljoner": 10**6, "mnkr": 10**6, "mkr": 10**6,
          "msek": 10**6, "tkr": 10**3, "tsek": 10**3, "tusen": 10**3}
"""The words in which Swedish sources write sums in thousands, millions and billions ('19,1 miljoner', '400 tkr')."""
IN_WORDS = re.compile(r"(?<![\d,.])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[,.](\d+))?\s*(" + "|".join(
    sorted(SCALES, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def kronor_in_words(words: str) -> list[int]:
    """The sums that words in thousands, millions or billions state ('19,1 miljoner kronor' is 19 100 000, '400 tkr'
    400 000), so that the whole kronor an editor writes from them can be checked against them; none in plain
    kronor ('250 000 kr') or in words without a number ('en halv miljon')."""
    sums = []
    for whole, fraction, scale in IN_WORDS.findall(words):
        digits = re.sub(r"\s", "", whole)
        sums.append(int(Decimal(f"{digits}.{fraction or 0}") * SCALES[scale.lower()]))
    return sums


def percent(value: Decimal) -> str:
    """'20,0 procent', '3 procent': a rate with the decimals the source gives (Swedish decimal comma, grouping)."""
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    shown = format_decimal(value, format="#,##0" + ("." + "0" * places if places else ""), locale=LOCALE)
    return f"{shown}\u00a0procent"


NUMBER_WORDS = ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv")
"""How Swedish prose writes a small count (of years: 'i tre år'); larger ones as digits."""


def count(n: int) -> str:
    """'tre' for 3, '15' for 15: a count as a sentence writes it."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def plain_spaces(words: str) -> str:
    """A page's words in the data (JSON, CSV): the no-break spaces that keep '500 000 kr' on one line are plain."""
    return words.replace("\u00a0", " ")


def change_kronor(change: Money) -> str:
    """A change of an amount: '+20 000 kr', '−5 000 kr' (a minus sign), '0 kr'."""
    return f"{_sign(change)}{kronor(-change if change < 0 else change)}"


def change_percent(change: float) -> str:
    """A change in per cent: '+5,3 %', '−12 %' (one decimal where there is one)."""
    shown = format_decimal(abs(change), format="#,##0.#", locale=LOCALE)
    return f"{_sign(change)}{shown}\u00a0%"


def _sign(change: float | Decimal) -> str:
    return "+" if change > 0 else "\u2212" if change < 0 else ""


def listing(items: list[str]) -> str:
    """'A, B och C': how a Swedish sentence lists names."""
    return format_list(items, locale=LOCALE)


class Status(StrEnum):
    """Where an agreement stands on the build date."""

    UPCOMING = "Kommande"
    IN_FORCE = "Gäller"
    ENDED = "Har upphört"
    UNSTATED = "Period anges inte"
    PROPOSED = "Föreslagen, senare beslut anges inte"
    """Only proposed to another body: no decision to adopt it is published or cited. Said so, not 'pending': years
    later the source may simply be silent on what followed (the proposal's date is in its steps)."""
    NOT_SIGNED = "Uppdrag att teckna, undertecknande anges inte"
    """A body has mandated its signing, and neither an adoption nor a signing date is stated: not said to be unsigned,
    only that no signing is stated."""
    NOT_APPROVED = "Uppdrag att godkänna, godkännande anges inte"
    """A body is mandated to approve it ('bemyndigas godkänna'), and no adoption nor signing is stated."""
    DRAFT = "Utkast, beslut om att ingå anges inte"
    """The source says the agreement is drafted and not yet entered (`stage: utkast`), and no adoption, joining or
    signing is stated: never 'Gäller' from its term alone."""
    TERMINATED = "Uppsagd"
    """Terminated by a decision that states no last day: not said to have ended on any day."""
    EXTENDED = "Förlängd, nytt slutdatum anges inte"
    """Its stated term has passed, and it was extended by a decision that states no new end."""
    CONDITIONAL = "Antagen under villkor, uppfyllt anges inte"
    """Adopted on a condition ('under förutsättning att …') that no later decision is stated to meet: neither said to
    be in force nor not, until its term has passed (then 'Har upphört', true either way)."""
    START_UNSTATED = "Start anges inte"
    """The term states only its end, which has not passed: it may or may not have begun (no start is inferred)."""
    END_UNSTATED = "Slut anges inte"
    """The term has begun and the source states no end (nor that it runs until further notice): never said to have
    ended, nor to be in force until further notice."""
    ENTERED_UNSTATED = "Om överenskommelsen ingicks anges inte"
    """Known only from items on agendas (a kallelse, a webcast), with no decision on it nor a signing stated: its term
    never says it began or ended, for it may never have been entered."""

    @property
    def may_be_in_force(self) -> bool:
        """Whether the agreement may be in force: it is, or the sources leave it open."""
        return self in (Status.IN_FORCE, Status.UNSTATED, Status.TERMINATED, Status.EXTENDED, Status.START_UNSTATED,
                        Status.CONDITIONAL, Status.END_UNSTATED, Status.ENTERED_UNSTATED)


_CLAUSES = {Status.IN_FORCE: "gäller", Status.UPCOMING: "har inte börjat gälla", Status.ENDED: "har upphört",
            Status.UNSTATED: "har en period som inte anges", Status.START_UNSTATED: "har en start som inte anges",
            Status.PROPOSED: "har föreslagits (senare beslut anges inte)",
            Status.NOT_SIGNED: "har ett beslut om uppdrag att teckna (undertecknande anges inte)",
            Status.NOT_APPROVED: "har ett beslut om uppdrag att godkänna (godkännande anges inte)",
            Status.DRAFT: "är utkast (beslut om att ingå anges inte)",
            Status.TERMINATED: "har sagts upp (sista dag anges inte)",
            Status.EXTENDED: "har förlängts (nytt slutdatum anges inte)",
            Status.CONDITIONAL: "har antagits under villkor (uppfyllt anges inte)",
            Status.END_UNSTATED: "har ett slut som inte anges",
            Status.ENTERED_UNSTATED: "har ett ingående som inte anges"}
"""Each status as the verb phrase after a count: '3 har en period som inte anges'."""


def status_counts(statuses: Iterable[Status]) -> str:
    """How some agreements stand, counted status by status: '0 gäller, 3 har en period som inte anges och 1 har
    upphört'. How many are in force is always said, and every other status as itself: an agreement whose status the
    sources leave open is never counted as not in force."""
    counts = Counter(statuses)
    order = [Status.IN_FORCE, *(s for s in Status if s is not Status.IN_FORCE)]
    return listing([f"{counts[s]} {_CLAUSES[s]}" for s in order
                    if counts[s] or s is Status.IN_FORCE])


def add_months(value: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day where it is shorter)."""
    years, month0 = divmod(value.month - 1 + months, 12)
    year = value.year + years
    return value.replace(year=year, month=month0 + 1, day=min(value.day, calendar.monthrange(year, month0 + 1)[1]))
