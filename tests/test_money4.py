"""Money facts as the sources give them (issue 26, money4): kronor with öre, what kind of money a sum is, where it
comes from, a purpose with the source's own preposition, and a funding row for several named years together.

Builds tests/cases/money4.yaml with the real engine and reads the meeting page, the agreement pages and their JSON,
the funding page and CSV, the matters' JSON and CSV and OParl: '7,50 kr per deltagare och sammankomst', 'taxa: 12 kr
per kvadratmeter och vecka', '150 000 kr, till licenskostnader; finansieras ur: …', '169 500 000 kr … sammanlagt för
2021–2025' listed apart from the years' totals; a total of öre stays exact (2 000,30 kr). Then the forms that cannot
be, each refused in Swedish naming file, line and field as the editor wrote it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut.categories import SumNature
from namndbeslut.model import Sum
from support.money import funding_file, matter_file, with_parties
from support.oparl import validator
from support.project import CASES_DIR, problems
from support.site import BuiltSite, built_tree, csv_by, csv_rows, data, one, records_by, words

TREE = yaml.safe_load((CASES_DIR / "money4.yaml").read_text(encoding="utf-8"))
MEETING = "sammantraden/2026-03-11-kommunstyrelsen/"
SPAN = "169 500 000 kr (enligt källan: 169,5 miljoner kronor) sammanlagt för 2021–2025"
LICENSES = "150 000 kr, till licenskostnader; finansieras ur: medel avsatta till kommunstyrelsens förfogande"
TRAIN = "500 000 kr; finansieras ur: den budget som redan finns för projektet 'Tåg i tid'"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "money4", TREE, "2026-06-01")


def amounts(site: BuiltSite, matter: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = records_by(site, "data/arenden.json", "id")[matter]["amounts"]
    return found


# -- 1. kronor with öre ------------------------------------------------------------------------------------------


def test_ore_are_shown_with_two_decimals_and_carried_as_a_number(built: BuiltSite) -> None:
    assert "Belopp: 7,50 kr per deltagare och sammankomst" in built.matter_facts(MEETING, "lok")
    assert amounts(built, "lok")[0]["amount"] == 7.5
    assert data(built, "oparl/agenda-item/lok.json")["namndbeslut:amount"]["value"] == 7.5
    assert csv_by(built, "data/arenden.csv", "Id")["lok"]["Belopp (kr)"] == "7,50"


def test_a_total_of_ore_stays_exact(built: BuiltSite) -> None:
    funding = [words(li) for li in built.fact_box("overenskommelser/motesplats/")["Finansiering"].select("li")]
    assert funding == ["2025: 1 000,10 kr", "2026: 1 000,20 kr", "Summa av beloppen ovan (uträknad här): 2 000,30 kr"]
    record = data(built, "data/overenskommelser/motesplats.json")
    assert ([f["amount"] for f in record["funding"]], record["funding_stated_total"]) == ([1000.1, 1000.2], 2000.3)
    assert "Alla år 2 000,30 kr" in words(built.article("finansiering/"))
    rows = [r for r in csv_rows(built, "data/finansiering.csv") if r["Överenskommelse"] == "motesplats"]
    assert [r["Belopp (kr)"] for r in rows] == ["1000,10", "1000,20"]
    tenth, fifth = Sum(kronor=Decimal("0.10")).kronor, Sum(kronor=Decimal("0.20")).kronor
    assert tenth is not None and fifth is not None and tenth + fifth == Decimal("0.30")


# -- 2. what kind of money a sum is ------------------------------------------------------------------------------


def test_each_nature_is_the_labels_prefix(built: BuiltSite) -> None:
    assert "Belopp: taxa: 12 kr per kvadratmeter och vecka" in built.matter_facts(MEETING, "taxa")
    assert "Belopp: äskat: 2 000 000 kr (enligt källan: 2 miljoner kronor)" in built.matter_facts(MEETING, "askat")
    assert "Belopp: utfall: 35 000 000 kr (enligt källan: 35 miljoner)" in built.matter_facts(MEETING, "overskott")
    assert [a["amount_label"] for a in amounts(built, "budget")] == ["budgeterat: 4 000 000 kr",
                                                                       "prognos: 3 800 000 kr"]


def test_the_nature_in_json_oparl_and_csv(built: BuiltSite) -> None:
    assert [a["nature"] for m in ("taxa", "askat", "overskott", "budget") for a in amounts(built, m)] == [
        "taxa", "äskat", "utfall", "budget", "prognos"]
    assert "nature" not in amounts(built, "lok")[0]
    item = data(built, "oparl/agenda-item/askat.json")
    assert item["namndbeslut:amount"]["nature"] == "äskat"
    assert list(validator("AgendaItem").iter_errors(item)) == []
    rows = csv_by(built, "data/arenden.csv", "Id")
    assert [rows[m]["Beloppets art"] for m in ("lok", "taxa", "askat", "overskott", "budget")] == [
        "", "taxa", "äskat", "utfall", ""]
    assert "Avslaget belopp" not in rows["lok"]


@pytest.mark.parametrize("nature", list(SumNature))
def test_no_nature_is_in_a_total(nature: SumNature) -> None:
    assert not Sum(kronor=2000000, nature=nature).summable
    assert Sum(kronor=2000000).summable


# -- 3. where the money comes from, 4. the purpose as the source words it ----------------------------------------


def test_where_the_money_comes_from_and_the_purpose_verbatim(built: BuiltSite) -> None:
    assert f"Belopp: {LICENSES}" in built.matter_facts(MEETING, "licenser")
    assert f"Belopp: {TRAIN}" in built.matter_facts(MEETING, "tag-i-tid")
    licenses = amounts(built, "licenser")[0]
    assert (licenses["purpose"], licenses["financed_from"], licenses["amount_label"]) == (
        "till licenskostnader", "medel avsatta till kommunstyrelsens förfogande", LICENSES)
    row = csv_by(built, "data/arenden.csv", "Id")["licenser"]
    assert (row["Ändamål"], row["Finansieras ur"]) == ("till licenskostnader",
                                                       "medel avsatta till kommunstyrelsens förfogande")
    item = data(built, "oparl/agenda-item/tag-i-tid.json")
    assert item["namndbeslut:amount"]["financed_from"] == "den budget som redan finns för projektet 'Tåg i tid'"


# -- 5. a funding row for several named years together -----------------------------------------------------------


def test_a_total_for_named_years_is_the_agreements_funding(built: BuiltSite) -> None:
    funding = [words(li) for li in built.fact_box("overenskommelser/jarnvag/")["Finansiering"].select("li")]
    assert funding[0] == SPAN
    record = data(built, "data/overenskommelser/jarnvag.json")
    assert record["funding_stated_total"] == 169500000
    assert (record["funding"][0]["year"], record["funding"][0]["from_year"], record["funding"][0]["to_year"],
            record["funding"][0]["amount_label"]) == (None, 2021, 2025, SPAN)
    page = built.article("finansiering/")
    assert "utan-uppgift" not in {h.get("id") for h in page.select("h2")}
    apart = one(page, "h2#flera-ar-tillsammans").find_next_sibling("ul")
    assert apart is not None and [words(li) for li in apart.select("li")] == [
        f"Avtal om medfinansiering av järnvägen – Trafikverket (2021–2025) : {SPAN}"]


def test_a_total_for_named_years_is_never_split_into_years(built: BuiltSite) -> None:
    years = [words(th) for th in built.article("finansiering/").select("#finansiering tbody th")]
    assert years == ["Finansiering 2025", "Finansiering 2026"]
    rows = [r for r in csv_rows(built, "data/finansiering.csv") if r["Överenskommelse"] == "jarnvag"]
    assert [(r["År"], r["Belopp (kr)"], r["Per år"], r["Belopp från år"], r["Belopp till år"]) for r in rows] == [
        ("", "169500000", "nej", "2021", "2025")]


# -- what cannot be ----------------------------------------------------------------------------------------------


MATTER = "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount."
ROW = "agreements/avtal.md:6: funding.0.amount."
SPAN_FORM = ("ett belopp för flera namngivna år tillsammans skrivs {year: anges inte, amount: {kronor: 169500000, "
             "per_year: false, from_year: 2021, to_year: 2025}}; ett år, eller ett belopp per år, skrivs som en rad "
             "per år med radens 'year'")
_REFUSED = [
    pytest.param(matter_file("7.505"), [
        f"{MATTER[:-1]}: '7.505' har fler än två decimaler; ett belopp anges i kronor och öre, t.ex. 7.50"],
        id="three_decimals"),
    pytest.param(matter_file("{kronor: 7.505, per: deltagare}"), [
        f"{MATTER}kronor: '7.505' har fler än två decimaler; ett belopp anges i kronor och öre, t.ex. 7.50"],
        id="three_decimals_in_a_sum"),
    pytest.param(matter_file("'7,50'"), [f"{MATTER[:-1]}: '7,50' skrivs med punkt före ören: 7.50"],
                 id="decimal_comma"),
    pytest.param(matter_file("{kronor: 5, nature: beviljat}"), [
        f"{MATTER}nature: 'beviljat' är inget av de värden som finns; välj ett av 'avslaget', 'äskat', 'ansökt', "
        "'taxa', 'prognos', 'beräknat', 'utfall', 'budget' eller 'mottaget'"], id="unknown_nature"),
    pytest.param(matter_file("[1, 2, 3, 4, 5, {kronor: 7.505}]"), [
        f"{MATTER}5.kronor: '7.505' har fler än två decimaler; ett belopp anges i kronor och öre, t.ex. 7.50"],
        id="a_list_names_amount"),
    pytest.param(funding_file("{year: 2024, amount: {kronor: 12, nature: taxa}}", start=2021), [
        f"{ROW}nature: en rad i 'funding' är pengar som överenskommelsen ger; ett belopp med 'nature: taxa' skrivs "
        "på nämndens ärende ('amount'), inte här"], id="nature_on_a_funding_row"),
    pytest.param(funding_file("{year: anges inte, amount: {kronor: 169500000, from_year: 2021, to_year: 2025}}",
                              start=2021), [
        f"{ROW}from_year: {SPAN_FORM}"], id="span_without_per_year"),
    pytest.param(funding_file("{year: anges inte, amount: {kronor: 1000000, per_year: false, from_year: 2021}}",
                              start=2021), [
        f"{ROW}from_year: {SPAN_FORM}"], id="span_of_one_year"),
    pytest.param(funding_file("{year: 2021, amount: {kronor: 1000000, per_year: false, from_year: 2021, "
                              "to_year: 2025}}", start=2021), [
        f"{ROW}from_year: en rad i 'funding' har sitt eget år; skriv året som radens 'year' (en rad per år, t.ex. "
        "{year: 2024, amount: 500000}) och ta bort 'from_year' och 'to_year' ur beloppet"], id="span_beside_a_year"),
]


@pytest.mark.parametrize(("files", "expected"), _REFUSED)
def test_what_cannot_be_is_refused_by_name(files: dict[str, str], expected: list[str], tmp_path: Path) -> None:
    assert problems(tmp_path, with_parties(TREE, files), "2024-06-01") == expected
