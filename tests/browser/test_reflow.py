"""Reflow (WCAG 1.4.10) in a real browser: at 320, 390 and 1280 px no page is wider than the window, and a
table wider than its column scrolls inside a labelled, focusable region with a visible hint."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import pytest
from support.browser import Served

PAGES = {
    "start": "",
    "meetings-index": "sammantraden/",
    "meeting": "sammantraden/2021-06-09-socialnamnden/",
    "agreements-index": "overenskommelser/",
    "agreement": "overenskommelser/kvinnojouren-lund-2021-2023/",
    "partners-index": "partner/",
    "partners-letter": "partner/bokstav/k/",
    "partner": "partner/kvinnojouren-lund/",
    "committees": "namnder/",
    "committee": "namnder/socialnamnden/",
    "funding": "finansiering/",
    "funding-year": "finansiering/2022/",
    "funding-year-body": "finansiering/2022/socialnamnden/",
    "agreements-year": "overenskommelser/2021/",
    "year-index": "sammantraden/2021/",
    "year-body": "sammantraden/2021/socialnamnden/",
    "open-data": "oppna-data/",
    "upcoming": "sammantraden/kommande/",
    "report": "tjansteskrivelser/so-2020-0155/",
    "reports-index": "tjansteskrivelser/",
    "statement": "tillganglighetsredogorelse/",
    "not-found": "404.html",
}
WIDTHS = (320, 390, 1280)
MONEY = ("Finansiering per år", "Gäller nu", "Summa angivna belopp", "Belopp 2022")
"""The columns a reader comes for on the agreement and partner lists."""

LAYOUT = """() => {
    const visible = e => e && !e.hidden && getComputedStyle(e).display !== "none"
        && getComputedStyle(e).visibility === "visible" && e.getClientRects().length > 0;
    const tables = [...document.querySelectorAll("article table")].map(t => {
        const region = t.closest("[role=region]");
        const hint = region && region.querySelector(".table-scroll__hint");
        const heads = [...t.querySelectorAll("thead th")].map(th => {
            const r = th.getBoundingClientRect();
            return {text: th.textContent.trim(), onScreen: r.left >= 0 && r.right <= innerWidth + 1};
        });
        return {caption: (t.caption || {}).textContent, heads,
                overflows: region ? region.scrollWidth > region.clientWidth + 1
                                  : t.getBoundingClientRect().right > innerWidth + 1,
                region: region ? {label: region.getAttribute("aria-label"), tab: region.getAttribute("tabindex"),
                                  hint: visible(hint), hintHeight: hint ? hint.getBoundingClientRect().height : 0}
                        : null,
                captionFits: !t.caption || t.caption.scrollWidth <= (region || t).clientWidth + 1};
    });
    return {page: document.documentElement.scrollWidth, window: innerWidth, tables};
}"""


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def narrow(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": request.param, "height": 800}, locale="sv-SE",
                                  service_workers="block")
    yield context.new_page()
    context.close()


def layout(page: Any, served: Served, url: str) -> dict[str, Any]:
    page.goto(urljoin(served.url, url))
    page.wait_for_load_state("networkidle")
    result: dict[str, Any] = page.evaluate(LAYOUT)
    return result


@pytest.mark.parametrize("kind", list(PAGES))
def test_no_page_is_wider_than_the_window(narrow: Any, served: Served, kind: str) -> None:
    found = layout(narrow, served, PAGES[kind])
    assert found["page"] <= found["window"], f"{kind}: {found['page']} px wide in a {found['window']} px window"
    for table in found["tables"]:
        name = f"{kind}: table {table['caption']!r}"
        assert table["captionFits"], f"{name}: its caption is cut off"
        if table["overflows"]:
            assert table["region"], f"{name} is wider than the page and scrolls in no region"
            assert table["region"]["label"] and table["region"]["tab"] == "0", f"{name}: {table['region']}"
            assert table["region"]["hint"], f"{name}: no visible hint that the table scrolls"
        if table["region"]:  # seen or not, the hint takes its line from the start: showing it moves nothing
            assert table["region"]["hintHeight"] > 0, f"{name}: the hint takes no room"
        hidden = [h["text"] for h in table["heads"] if h["text"] in MONEY and not h["onScreen"]]
        assert not hidden or (table["overflows"] and table["region"]), f"{name}: {hidden} hidden without a hint"


@pytest.mark.parametrize("kind", ["committee", "partner", "partners-letter", "funding-year-body"])
def test_the_money_column_is_there(narrow: Any, served: Served, kind: str) -> None:
    """The money column is on every table of agreements (visible, or reached by scrolling its region); a year's
    agreements are a list whose every item leads to its agreement's funding."""
    found = layout(narrow, served, PAGES[kind])
    heads = {h["text"] for t in found["tables"] for h in t["heads"]}
    assert heads & set(MONEY), f"{kind}: {heads}"


def test_row_headings_sit_level_with_their_numbers(browser: Any, served: Served) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(urljoin(served.url, PAGES["funding"]))
    tops = page.eval_on_selector_all("#finansiering tbody tr", """rows => rows.map(r =>
        [...r.children].map(c => getComputedStyle(c).verticalAlign))""")
    context.close()
    assert tops and all(set(row) == {"top"} for row in tops), tops


@pytest.mark.parametrize("narrow", [320], indirect=True, ids=["320px"])
def test_funding_chart_labels_are_legible_on_a_phone(narrow: Any, served: Served) -> None:
    narrow.goto(urljoin(served.url, PAGES["funding"]))
    sizes = narrow.evaluate("""() => {
        const svg = document.querySelector(".funding-chart svg");
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll("text")].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    }""")
    assert sizes and min(sizes) >= 11, f"smallest chart label {min(sizes):.1f} px at 320 px"
