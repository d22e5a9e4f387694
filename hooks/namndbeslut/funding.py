"""Funding per year and partner, derived once from the agreements: read by the page, chart and CSV."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .archive import Archive
from .dates import Money, kronor
from .model import NOT_STATED, Agreement, Funding, Partner, parties_named


@dataclass(frozen=True)
class Parties:
    """The counterparties an agreement funds, together: one row of the table (most rows are one partner)."""

    members: tuple[Partner, ...]
    described: str | None = None
    """A group of counterparties as the source describes it (Agreement.parties_described), with no members."""
    agreement: str | None = None
    """The agreement's id where the source does not name all its counterparties: its row is its own, since the same
    words ('anges inte', 'de anslutna städerna') need not mean the same parties."""

    @property
    def id(self) -> str:
        return f"avtal:{self.agreement}" if self.agreement else "+".join(p.id for p in self.members)

    @property
    def name(self) -> str:
        """'Kvinnojouren Lund', or 'A, B och C' for an agreement with three counterparties; a described group as
        described; 'A och andra parter' beside a described rest (model.parties_named)."""
        return parties_named([p.name for p in self.members], self.described)

    @property
    def cell(self) -> str | None:
        """The name in a CSV cell: empty where the source names no counterparty (as every unstated cell is)."""
        return self.name if self.members or self.described else None

    @property
    def organisation_numbers(self) -> str | None:
        numbers = [p.organisation_number for p in self.members if p.organisation_number]
        return ", ".join(numbers) if numbers else None


@dataclass(frozen=True)
class Grant:
    """One agreement's funding for one calendar year (or, in FundingTable.unplaced, for years the source does not
    name)."""

    agreement: Agreement
    parties: Parties
    funding: Funding

    @property
    def year(self) -> int:
        """The calendar year (0 for an unplaced row, which no table places in a year)."""
        return self.funding.year or 0

    @property
    def amount(self) -> Money | None:
        """Kronor the counterparties receive as the source states them (Funding.total); None where only price
        compensation is given, or the sum is a ceiling, an estimate, a range or paid to someone else: a total then
        says 'minst'."""
        return self.funding.total


NOT_ADDED = "belopp anges men räknas inte med"
"""What a total says where its grants state sums but none that it adds (a ceiling, a sum per unit, …: Funding.left_out):
never 'belopp anges inte', which the source would then contradict."""
COMPENSATION_ONLY = f"priskompensation, belopp {NOT_STATED}"
"""What a total says where its grants only follow price compensation."""
LEFT_OUT_KINDS = ("ett högsta belopp, ett ungefärligt belopp, ett intervall, ett belopp per enhet, ett belopp med "
                  "”drygt” eller ”knappt”, ett belopp med något som kommer till eller ett belopp till en annan "
                  "mottagare")
"""The sums no total adds (Sum.summable; a sum's `nature` and `change` are refused on a funding row), as the
overview's note names them."""


@dataclass(frozen=True)
class Total:
    """A sum of stated amounts, and whether some grant in it has no stated amount."""

    stated: Money
    unstated: int
    """How many grants add no sum: only price compensation, an amount not stated, or a sum no total adds."""
    left_out: int = 0
    """How many of those state a sum that no total adds (Funding.left_out)."""
    compensation_only: bool = False
    """Whether every grant only follows price compensation (no sum stated)."""

    @property
    def known(self) -> bool:
        return self.unstated == 0

    @property
    def label(self) -> str:
        """The total as the overview's tables and its chart say it, one rule for both: '1 200 000 kr', 'minst 380 000
        kr' where some grant adds no sum, else why there is none: 'belopp anges men räknas inte med' (a ceiling, a
        sum per unit), 'priskompensation, belopp anges inte', 'belopp anges inte'."""
        if self.known or self.stated:
            return ("" if self.known else "minst ") + kronor(self.stated)
        if self.left_out:
            return NOT_ADDED
        return COMPENSATION_ONLY if self.compensation_only else f"belopp {NOT_STATED}"


@dataclass(frozen=True)
class FundingTable:
    """Grants by counterparties (rows) and year (columns), with totals per year and per row."""

    grants: list[Grant]
    years: list[int]
    rows: list[Parties]
    without_funding: list[Agreement]
    """Agreements whose funding the sources do not state at all."""
    unplaced: list[Grant]
    """Rows for a number of years the source does not name ('1,3 mnkr årligen i tre år'): in no year's column or
    total, listed apart."""
    spanned: list[Grant]
    """Rows for years the source names together, not year by year ('169,5 miljoner kronor … under åren 2021 till
    2025', Funding.spans_years): never split into years' columns or totals, listed apart."""

    cells: dict[tuple[str, int], list[Grant]]
    """Grants by (row id, year)."""

    def cell(self, row: Parties, year: int) -> list[Grant]:
        return self.cells.get((row.id, year), [])

    def year_total(self, year: int) -> Total:
        return summed(g for r in self.rows for g in self.cell(r, year))

    def row_total(self, row: Parties) -> Total:
        return summed(g for y in self.years for g in self.cell(row, y))

    @property
    def total(self) -> Total:
        return summed(self.grants)

    @property
    def leaves_out(self) -> bool:
        """Whether some year's row states a sum no total adds (Funding.left_out: LEFT_OUT_KINDS)."""
        return any(g.funding.left_out for g in self.grants)

    @property
    def note(self) -> str:
        """What the overview says under its tables where a total adds not every grant ('minst', or no sum): why; ''
        where every total is known."""
        if self.total.known:
            return ""
        left_out = (f", och {LEFT_OUT_KINDS} räknas inte med (”{NOT_ADDED}” där ett år bara har sådana belopp)"
                    if self.leaves_out else "")
        return ("”Minst” betyder att summan bara räknar de angivna beloppen: för år med enbart priskompensation anger "
                f"överenskommelsen inget belopp{left_out}.")

    def in_year(self, year: int) -> list[Grant]:
        """The year's grants, by counterparties' names (a year's page lists them partner by partner)."""
        return [g for r in self.rows for g in self.cell(r, year)]

    def body_total(self, committee: str | None) -> Total:
        """The grants of the agreements a body (by id; None: none named) is responsible for, summed."""
        return summed(g for g in self.grants if g.agreement.committee == committee)


def parties_of(archive: Archive, agreement: Agreement) -> Parties:
    """The agreement's counterparties together (a described group where its file describes one)."""
    unnamed = agreement.counterparty_unstated or agreement.parties_described is not None
    return Parties(tuple(archive.partners_of(agreement)), agreement.parties_described,
                   agreement.id if unnamed else None)


def summed(grants: Iterable[Grant]) -> Total:
    """The amounts `grants` state, summed, and how many add none, and why."""
    items = list(grants)
    return Total(sum(g.amount for g in items if g.amount is not None), sum(g.amount is None for g in items),
                 sum(g.funding.left_out for g in items),
                 bool(items) and all(g.funding.amount is None and g.funding.price_compensation for g in items))


def table(archive: Archive) -> FundingTable:
    """Every stated funding year of every agreement, rows by counterparties' names, years ascending."""
    every = sorted((Grant(a, parties_of(archive, a), f)
                    for a in archive.agreements.values() for f in a.funding),
                   key=lambda g: (g.year, g.parties.name, g.agreement.sort_day))
    grants = [g for g in every if g.funding.year is not None]
    rows = sorted({g.parties.id: g.parties for g in grants}.values(), key=lambda r: r.name)
    years = sorted({g.year for g in grants})
    without = sorted((a for a in archive.agreements.values() if not a.funding), key=archive.in_list_order)
    cells: dict[tuple[str, int], list[Grant]] = defaultdict(list)
    for g in grants:
        cells[(g.parties.id, g.year)].append(g)
    apart = [g for g in every if g.funding.year is None]
    return FundingTable(grants, years, rows, without, [g for g in apart if not g.funding.spans_years],
                        [g for g in apart if g.funding.spans_years], dict(cells))
