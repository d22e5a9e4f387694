"""The funding chart, drawn at build time as inline SVG: no script, no external resources.

A horizontal bar per partner and year with its stated amount; a year with only price
compensation gets words instead of a bar. The table next to it is the chart's text alternative.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .. import dates
from ..funding import FundingTable

COLOURS = ("#005a9c", "#8a3b00", "#2e6b30", "#6b2e6b", "#5c5c00")
"""Bar colours, each with at least 4.5:1 contrast against white."""
LABEL_X, BAR_MAX, WIDTH, LINE, BAR = 8, 190, 330, 19, 18
"""Narrow on purpose: each partner's name stands above its bar, so the chart is drawn about as wide as a
phone's column and its 15-unit text stays above 12 px at 320 px (it scales down, never below 11 px)."""


def svg(table: FundingTable, table_id: str) -> Markup:
    """The chart as an <svg> element labelled by its title, described as a view of table `table_id`."""
    top = max((g.amount or 0 for g in table.grants), default=0) or 1
    rows: list[str] = []
    y = 0
    for year in table.years:
        y += LINE + 4
        rows.append(f'<text x="0" y="{y}" class="chart-year" font-weight="bold">{year}</text>')
        for i, row in enumerate(table.rows):
            for grant in table.cell(row, year):
                y += LINE
                rows.append(f'<text x="{LABEL_X}" y="{y}">{escape(row.name)}</text>')
                y += BAR + 4
                if grant.amount is None:
                    rows.append(f'<text x="{LABEL_X}" y="{y - 4}" font-style="italic">'
                                'priskompensation (belopp anges inte)</text>')
                    continue
                width = max(1, round(BAR_MAX * grant.amount / top))
                amount = escape(dates.kronor(grant.amount))
                colour = COLOURS[i % len(COLOURS)]
                rows.append(f'<rect x="{LABEL_X}" y="{y - BAR}" width="{width}" height="{BAR - 4}" fill="{colour}">'
                            f'<title>{escape(row.name)} {year}: {amount}</title></rect>')
                rows.append(f'<text x="{LABEL_X + width + 6}" y="{y - 6}">{amount}</text>')
        y += 8
    height = y + 10
    canvas = max(WIDTH, LABEL_X + 9 * max((len(r.name) for r in table.rows), default=0))  # a long name is not cut
    body = "\n".join(rows)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="funding-chart__svg" viewBox="0 0 {canvas} {height}" '
        f'width="{canvas}" height="{height}" style="max-width: 100%; height: auto" role="img" '
        f'aria-labelledby="{table_id}-chart-title {table_id}-chart-desc" '
        f'font-family="system-ui, sans-serif" font-size="15" fill="currentColor">\n'
        f'<title id="{table_id}-chart-title">Finansiering per år och partner, stapeldiagram</title>\n'
        f'<desc id="{table_id}-chart-desc">Samma uppgifter finns i tabellen under diagrammet.</desc>\n'
        f'{body}\n</svg>'
    )
