"""Funding per year and partner, derived once from the agreements: read by the page, chart and CSV."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .archive import Archive
from .dates import Money
from .model import Agreement, Funding, Partner, parties_named


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


@dataclass(frozen=True)
class Total:
    """A sum of stated amounts, and whether some grant in it has no stated amount."""

    stated: Money
    unstated: int
    """How many grants only follow price compensation (their sum is unknown)."""

    @property
    def known(self) -> bool:
        return self.unstated == 0


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
        """Whether some year's row states a sum no total adds (a ceiling, an estimate, a range, a sum paid to someone
        else)."""
        return any(g.funding.left_out for g in self.grants)

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
    """The amounts `grants` state, summed, and how many state none."""
    items = list(grants)
    return Total(sum(g.amount for g in items if g.amount is not None), sum(g.amount is None for g in items))


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
