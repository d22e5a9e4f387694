"""Money facts as the sources give them (issue 26): a sum for named years and a sum per unit.

Builds tests/cases/money2.yaml with the real engine and reads the meeting page, the agreement page, its JSON, the
matters' JSON and CSV, the funding CSV, the funding chart and OParl: '290 000 kr per år 2023–2025', '500 000 kr för
2024', '25 kr per invånare', '80 000 kr per servicepunkt, högst 13'; a sum per unit is in no total. Then the forms
that cannot be, each refused in Swedish naming file, line and field.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.money import funding_file, matter_file, qualified, with_parties
from support.oparl import validator
from support.project import CASES_DIR, problems
from support.site import BuiltSite, built_tree, csv_by, data, records_by, words

TREE = yaml.safe_load((CASES_DIR / "money2.yaml").read_text(encoding="utf-8"))
AGREEMENT = "overenskommelser/servicepunkter/"
MEETING = "sammantraden/2024-02-14-kommunstyrelsen/"
PER_UNIT = "80 000 kr per servicepunkt, högst 13"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "money2", TREE, "2024-06-01")


# -- 1. years on a sum -------------------------------------------------------------------------------------------


def test_a_sum_for_named_years_is_shown_with_its_years(built: BuiltSite) -> None:
    assert "Belopp: 290 000 kr per år 2023–2025" in built.matter_facts(MEETING, "foreningsbidrag")
    assert "Belopp: 500 000 kr för 2024" in built.matter_facts(MEETING, "engangsbidrag")


def test_a_sum_for_named_years_in_the_data(built: BuiltSite) -> None:
    yearly = qualified(290000, per_year=True, from_year=2023, to_year=2025,
                        amount_label="290 000 kr per år 2023–2025")
    assert records_by(built, "data/arenden.json", "id")["foreningsbidrag"]["amounts"] == [yearly]
    once = qualified(500000, from_year=2024, to_year=2024, amount_label="500 000 kr för 2024")
    assert records_by(built, "data/arenden.json", "id")["engangsbidrag"]["amounts"] == [once]
    rows = csv_by(built, "data/arenden.csv", "Id")
    assert [(rows[m]["Belopp (kr)"], rows[m]["Belopp från år"], rows[m]["Belopp till år"], rows[m]["Per år"])
            for m in ("foreningsbidrag", "engangsbidrag")] == [("290000", "2023", "2025", "ja"),
                                                               ("500000", "2024", "2024", "")]
    item = data(built, "oparl/agenda-item/foreningsbidrag.json")
    assert item["namndbeslut:amount"] == {"value": 290000, **{k: v for k, v in yearly.items() if k != "amount"}}
    assert list(validator("AgendaItem").iter_errors(item)) == []


# -- 2. a sum per unit -------------------------------------------------------------------------------------------


def test_a_sum_per_unit_is_shown_per_unit(built: BuiltSite) -> None:
    assert "Belopp: 25 kr per invånare" in built.matter_facts(MEETING, "invanarbidrag")
    assert f"Belopp: {PER_UNIT}" in built.matter_facts(MEETING, "servicepunkter")
    funding = [words(li) for li in built.fact_box(AGREEMENT)["Finansiering"].select("li")]
    assert funding == ["2024: 100 000 kr", f"2025: {PER_UNIT}",
                       f"Summa av beloppen ovan (uträknad här): 100 000 kr (utom 2025: {PER_UNIT})"]


def test_a_sum_per_unit_is_in_no_total(built: BuiltSite) -> None:
    record = data(built, "data/overenskommelser/servicepunkter.json")
    assert record["funding_stated_total"] == 100000
    assert record["funding"][1] == {"year": 2025, **qualified(80000, per="servicepunkt", count=13,
                                                               count_ceiling=True, amount_label=PER_UNIT),
                                    "price_compensation": False, "note": None, "funder": None}
    overview = built.text("finansiering/")
    assert "Alla år minst 100 000 kr" in overview
    chart = built.soup("finansiering/").select_one("svg.funding-chart__svg")
    assert chart is not None and "2025 : belopp anges men räknas inte med" in words(chart)
    assert "priskompensation" not in words(chart)
    ld = built.soup(AGREEMENT).select_one('script[type="application/ld+json"]')
    assert ld is not None and '"value":80000' not in ld.get_text().replace(" ", "")


def test_a_sum_per_unit_in_the_data(built: BuiltSite) -> None:
    assert records_by(built, "data/arenden.json", "id")["invanarbidrag"]["amounts"] == [
        qualified(25, per="invånare", count=None, count_ceiling=False, amount_label="25 kr per invånare")]
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


_REFUSED = [
    pytest.param(matter_file("{kronor: 5, from_year: 2025, to_year: 2023}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.to_year: sista året (2023) ska vara senare än "
        "'from_year' (2025); ett enda år skrivs som bara 'from_year: 2025'"], id="years_upside_down"),
    pytest.param(matter_file("{kronor: 5, from_year: 2024, to_year: 2024}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.to_year: sista året (2024) ska vara senare än "
        "'from_year' (2024); ett enda år skrivs som bara 'from_year: 2024'"], id="one_year_written_twice"),
    pytest.param(matter_file("{kronor: 5, to_year: 2024}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.from_year: 'to_year' behöver ett första år; "
        "skriv t.ex. {kronor: 290000, per_year: true, from_year: 2023, to_year: 2025}"], id="a_last_year_alone"),
    pytest.param(matter_file("{kronor: 5, from_year: 24}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.from_year: '24' är för litet; gränsen är 1900"],
        id="a_two_digit_year"),
    pytest.param(matter_file("{kronor: 5, per: servicepunkt, count: 0}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.count: '0' är för litet; gränsen är 1"],
        id="no_units"),
    pytest.param(matter_file("{kronor: 5, per: '  '}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.per: '  ' får inte vara tomt"],
        id="an_empty_unit"),
    pytest.param(matter_file("{kronor: 5, count: 13}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.per: 'count' räknar enheter; skriv enheten "
        "som källan, i singular, t.ex. {kronor: 80000, per: servicepunkt, count: 13}"], id="a_count_without_unit"),
    pytest.param(matter_file("{kronor: 5, per: servicepunkt, count_ceiling: true}"), [
        "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount.count: 'count_ceiling' säger att antalet är "
        "ett högsta antal; skriv antalet, t.ex. 'count: 13'"], id="upp_till_without_a_count"),
    pytest.param(funding_file("{year: 2024, amount: {kronor: 500000, from_year: 2024}}"), [
        "agreements/avtal.md:6: funding.0.amount.from_year: en rad i 'funding' har sitt eget år; skriv året som "
        "radens 'year' (en rad per år, t.ex. {year: 2024, amount: 500000}) och ta bort 'from_year' och 'to_year' "
        "ur beloppet"], id="years_on_a_funding_row"),
]


@pytest.mark.parametrize(("files", "expected"), _REFUSED)
def test_what_cannot_be_is_refused_by_name(files: dict[str, str], expected: list[str], tmp_path: Path) -> None:
    assert problems(tmp_path, with_parties(TREE, files), "2024-06-01") == expected
