"""The funding chart, drawn at build time as inline SVG: no script, no external resources.

One horizontal bar per year with the sum of its stated amounts, so the chart is as tall as the archive has
years, whatever the number of partners (the per-partner amounts are on each year's page). A year without a sum gets
words instead of a bar, as the table says them (funding.Total.label). The table after it is the chart's text
alternative.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..funding import FundingTable

COLOUR = "#005a9c"
"""The bars' colour: 7:1 against white."""
WIDTH, LINE, BAR, ROW = 330, 18, 14, 40
"""About a phone's column wide, so its 15-unit text stays above 12 px at 320 px (it scales down, never up): per
year a line of text (the year and its sum) and a bar under it, the longest bar the whole width."""


def svg(table: FundingTable, table_id: str) -> Markup:
    """The chart as an <svg> element labelled by its title, described as a view of table `table_id`."""
    totals = {year: table.year_total(year) for year in table.years}
    top = max((t.stated for t in totals.values()), default=0) or 1
    rows: list[str] = []
    for i, (year, total) in enumerate(totals.items()):
        y = i * ROW
        label = escape(total.label)
        if not total.stated:
            rows.append(f'<text x="0" y="{y + LINE - 4}"><tspan font-weight="bold">{year}</tspan>: '
                        f'<tspan font-style="italic">{label}</tspan></text>')
            continue
        rows.append(f'<text x="0" y="{y + LINE - 4}"><tspan font-weight="bold">{year}</tspan>: {label}</text>')
        width = max(1, round(WIDTH * total.stated / top))
        rows.append(f'<rect x="0" y="{y + LINE}" width="{width}" height="{BAR}" fill="{COLOUR}">'
                    f'<title>{year}: {label}</title></rect>')
    height = max(ROW * len(totals) - (ROW - LINE - BAR), ROW)
    body = "\n".join(rows)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="funding-chart__svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" style="max-width: 100%; height: auto" role="img" '
        f'aria-labelledby="{table_id}-chart-title {table_id}-chart-desc" '
        f'font-family="system-ui, sans-serif" font-size="15" fill="currentColor">\n'
        f'<title id="{table_id}-chart-title">Finansiering per år, stapeldiagram</title>\n'
        f'<desc id="{table_id}-chart-desc">Samma uppgifter finns i tabellen under diagrammet.</desc>\n'
        f'{body}\n</svg>'
    )

