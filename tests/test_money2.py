"""Money facts as the sources give them (issue 26): a sum for named years and a sum per unit.

Builds tests/cases/money2.yaml with the real engine and reads the meeting page, the agreement page, its JSON, the
matters' JSON and CSV, the funding CSV, the funding chart and OParl: '290 000 kr per år 2023–2025', '500 000 kr för
2024', '25 kr per invånare', '80 000 kr per servicepunkt, högst 13'; a sum per unit is in no total. Then the forms
that cannot be, each refused in Swedish naming file, line and field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import loader
from namndbeslut.errors import ContentError
from support.oparl import validator
from support.project import CASES_DIR, write_tree
from support.site import BuiltSite, built_tree, csv_by, data, one, words

TREE = yaml.safe_load((CASES_DIR / "money2.yaml").read_text(encoding="utf-8"))
AGREEMENT = "overenskommelser/servicepunkter/"
MEETING = "sammantraden/2024-02-14-kommunstyrelsen/"
PER_UNIT = "80 000 kr per servicepunkt, högst 13"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "money2", TREE, "2024-06-01")


def matter_facts(site: BuiltSite, matter: str) -> list[str]:
    facts = one(site.article(MEETING), f"h2#{matter}").find_next_sibling("ul")
    assert facts is not None
    return [words(li) for li in facts.select("li")]


def matter_record(site: BuiltSite, matter: str) -> dict[str, Any]:
    record: dict[str, Any] = next(m for m in data(site, "data/arenden.json") if m["id"] == matter)
    return record


def _qualified(kronor: int, **given: Any) -> dict[str, Any]:
    """A sum in the data with the qualifiers every qualified sum carries, and those `given`."""
    return {"amount": kronor, "currency": "SEK", "ceiling": False, "per_year": None, "recipient": None,
            "approximate": False, "amount_up_to": None, **given}


# -- 1. years on a sum -------------------------------------------------------------------------------------------


def test_a_sum_for_named_years_is_shown_with_its_years(built: BuiltSite) -> None:
    assert "Belopp: 290 000 kr per år 2023–2025" in matter_facts(built, "foreningsbidrag")
    assert "Belopp: 500 000 kr för 2024" in matter_facts(built, "engangsbidrag")


def test_a_sum_for_named_years_in_the_data(built: BuiltSite) -> None:
    yearly = _qualified(290000, per_year=True, from_year=2023, to_year=2025,
                        amount_label="290 000 kr per år 2023–2025")
    assert matter_record(built, "foreningsbidrag")["amounts"] == [yearly]
    once = _qualified(500000, from_year=2024, to_year=2024, amount_label="500 000 kr för 2024")
    assert matter_record(built, "engangsbidrag")["amounts"] == [once]
    rows = csv_by(built, "data/arenden.csv", "Id")
    assert [(rows[m]["Belopp (kr)"], rows[m]["Belopp från år"], rows[m]["Belopp till år"], rows[m]["Per år"])
            for m in ("foreningsbidrag", "engangsbidrag")] == [("290000", "2023", "2025", "ja"),
                                                               ("500000", "2024", "2024", "")]
    item = data(built, "oparl/agenda-item/foreningsbidrag.json")
    assert item["namndbeslut:amount"] == {"value": 290000, **{k: v for k, v in yearly.items() if k != "amount"}}
    assert list(validator("AgendaItem").iter_errors(item)) == []


# -- 2. a sum per unit -------------------------------------------------------------------------------------------


def test_a_sum_per_unit_is_shown_per_unit(built: BuiltSite) -> None:
    assert "Belopp: 25 kr per invånare" in matter_facts(built, "invanarbidrag")
    assert f"Belopp: {PER_UNIT}" in matter_facts(built, "servicepunkter")
    funding = [words(li) for li in built.fact_box(AGREEMENT)["Finansiering"].select("li")]
    assert funding == ["2024: 100 000 kr", f"2025: {PER_UNIT}",
                       f"Summa av beloppen ovan (uträknad här): 100 000 kr (utom 2025: {PER_UNIT})"]


def test_a_sum_per_unit_is_in_no_total(built: BuiltSite) -> None:
    record = data(built, "data/overenskommelser/servicepunkter.json")
    assert record["funding_stated_total"] == 100000
    assert record["funding"][1] == {"year": 2025, **_qualified(80000, per="servicepunkt", count=13,
                                                               count_ceiling=True, amount_label=PER_UNIT),
                                    "price_compensation": False, "note": None, "funder": None}
    overview = built.text("finansiering/")
    assert "Alla år minst 100 000 kr" in overview
    chart = built.soup("finansiering/").select_one("svg.funding-chart__svg")
    assert chart is not None and "2025 : belopp anges inte" in words(chart)
    assert "priskompensation" not in words(chart)
    ld = built.soup(AGREEMENT).select_one('script[type="application/ld+json"]')
    assert ld is not None and '"value":80000' not in ld.get_text().replace(" ", "")


def test_a_sum_per_unit_in_the_data(built: BuiltSite) -> None:
    assert matter_record(built, "invanarbidrag")["amounts"] == [
        _qualified(25, per="invånare", count=None, count_ceiling=False, amount_label="25 kr per invånare")]
    rows = csv_by(built, "data/arenden.csv", "Id")
    assert [(rows[m]["Belopp (kr)"], rows[m]["Per enhet"], rows[m]["Antal enheter"], rows[m]["Högsta antal enheter"])
            for m in ("invanarbidrag", "servicepunkter", "foreningsbidrag")] == [
        ("25", "invånare", "", ""), ("80000", "servicepunkt", "13", "ja"), ("290000", "", "", "")]
    funding = csv_by(built, "data/finansiering.csv", "År")
    assert [(funding[y]["Belopp (kr)"], funding[y]["Per enhet"], funding[y]["Antal enheter"],
             funding[y]["Högsta antal enheter"], funding[y]["Belopp enligt källan"]) for y in ("2024", "2025")] == [
        ("100000", "", "", "", "100 000 kr"), ("80000", "servicepunkt", "13", "ja", PER_UNIT)]
    item = data(built, "oparl/agenda-item/servicepunkter.json")
    assert (item["namndbeslut:amount"]["per"], item["namndbeslut:amount"]["count"]) == ("servicepunkt", 13)
    assert list(validator("AgendaItem").iter_errors(item)) == []


# -- 3. what cannot be -------------------------------------------------------------------------------------------


def _matter(amount: str) -> dict[str, str]:
    return {"decisions/2024-02-14-kommunstyrelsen.md": (
        "---\ncommittee: kommunstyrelsen\ndate: 2024-02-14\ntitle: KS\nmatters:\n  - id: bidrag\n"
        f"    amount: {amount}\n---\n## Bidrag {{#bidrag}}\n\nText.\n")}


def _funding(row: str) -> dict[str, str]:
    return {"agreements/avtal.md": (f"---\ntitle: Avtal\npartner: byalaget\nterm: {{start: 2023, end: 2025}}\n"
                                    f"funding:\n  - {row}\n---\n")}


_REFUSED = [
    pytest.param(_matter("{kronor: 5, from_year: 2025, to_year: 2023}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.to_year: sista året (2023) ska vara senare än "
        "'from_year' (2025); ett enda år skrivs som bara 'from_year: 2025'"], id="years_upside_down"),
    pytest.param(_matter("{kronor: 5, from_year: 2024, to_year: 2024}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.to_year: sista året (2024) ska vara senare än "
        "'from_year' (2024); ett enda år skrivs som bara 'from_year: 2024'"], id="one_year_written_twice"),
    pytest.param(_matter("{kronor: 5, to_year: 2024}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.from_year: 'to_year' behöver ett första år; "
        "skriv t.ex. {kronor: 290000, per_year: true, from_year: 2023, to_year: 2025}"], id="a_last_year_alone"),
    pytest.param(_matter("{kronor: 5, from_year: 24}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.from_year: '24' är för litet; gränsen är 1900"],
        id="a_two_digit_year"),
    pytest.param(_matter("{kronor: 5, per: servicepunkt, count: 0}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.count: '0' är för litet; gränsen är 1"],
        id="no_units"),
    pytest.param(_matter("{kronor: 5, per: '  '}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.per: '  ' får inte vara tomt"],
        id="an_empty_unit"),
    pytest.param(_matter("{kronor: 5, count: 13}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.per: 'count' räknar enheter; skriv enheten "
        "som källan, i singular, t.ex. {kronor: 80000, per: servicepunkt, count: 13}"], id="a_count_without_unit"),
    pytest.param(_matter("{kronor: 5, per: servicepunkt, count_ceiling: true}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.count: 'count_ceiling' säger att antalet är "
        "ett högsta antal; skriv antalet, t.ex. 'count: 13'"], id="upp_till_without_a_count"),
    pytest.param(_funding("{year: 2024, amount: {kronor: 500000, from_year: 2024}}"), [
        "agreements/avtal.md:6: funding.0.amount.from_year: en rad i 'funding' har sitt eget år; skriv året som "
        "radens 'year' (en rad per år, t.ex. {year: 2024, amount: 500000}) och ta bort 'from_year' och 'to_year' "
        "ur beloppet"], id="years_on_a_funding_row"),
]


@pytest.mark.parametrize(("files", "expected"), _REFUSED)
def test_what_cannot_be_is_refused_by_name(files: dict[str, str], expected: list[str], tmp_path: Path) -> None:
    kept = {k: v for k, v in TREE.items() if k.startswith(("committees/", "partners/"))}
    write_tree(tmp_path, {**kept, **files})
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    assert [f"{p.path.as_posix()}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems] == expected
