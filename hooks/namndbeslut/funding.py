"""Funding per year and partner, derived once from the agreements: read by the page, chart and CSV."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .archive import Archive
from .model import Agreement, Funding, Partner


@dataclass(frozen=True)
class Grant:
    """One agreement's funding for one calendar year."""

    agreement: Agreement
    partner: Partner
    funding: Funding

    @property
    def year(self) -> int:
        return self.funding.year

    @property
    def amount(self) -> int | None:
        """Kronor as the source states them; None where only price compensation is given."""
        return self.funding.amount


@dataclass(frozen=True)
class Total:
    """A sum of stated amounts, and whether some grant in it has no stated amount."""

    stated: int
    unstated: int
    """How many grants only follow price compensation (their sum is unknown)."""

    @property
    def known(self) -> bool:
        return self.unstated == 0


@dataclass(frozen=True)
class FundingTable:
    """Grants by partner (rows) and year (columns), with totals per year and per partner."""

    grants: list[Grant]
    years: list[int]
    partners: list[Partner]
    without_funding: list[Agreement]
    """Agreements whose funding the sources do not state at all."""

    cells: dict[tuple[str, int], list[Grant]]
    """Grants by (partner id, year)."""

    def cell(self, partner: Partner, year: int) -> list[Grant]:
        return self.cells.get((partner.id, year), [])

    def year_total(self, year: int) -> Total:
        return _total(g for p in self.partners for g in self.cell(p, year))

    def partner_total(self, partner: Partner) -> Total:
        return _total(g for y in self.years for g in self.cell(partner, y))

    @property
    def total(self) -> Total:
        return _total(self.grants)


def _total(grants: Iterable[Grant]) -> Total:
    items = list(grants)
    return Total(sum(g.amount for g in items if g.amount is not None), sum(g.amount is None for g in items))


def table(archive: Archive) -> FundingTable:
    """Every stated funding year of every agreement, partners by name, years ascending."""
    grants = sorted((Grant(a, archive.partner_of(a), f) for a in archive.agreements.values() for f in a.funding),
                    key=lambda g: (g.year, g.partner.name, g.agreement.term.first_day))
    partners = sorted({g.partner.id: g.partner for g in grants}.values(), key=lambda p: p.name)
    years = sorted({g.year for g in grants})
    without = sorted((a for a in archive.agreements.values() if not a.funding), key=archive.in_list_order)
    cells: dict[tuple[str, int], list[Grant]] = defaultdict(list)
    for g in grants:
        cells[(g.partner.id, g.year)].append(g)
    return FundingTable(grants, years, partners, without, dict(cells))
