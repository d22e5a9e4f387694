"""Money facts as the sources give them (issue 26, money5): a deviation or deficit below zero, a purpose without a
preposition, a bound ('drygt', 'knappt') and a sum with something on top ('plus indexuppräkning').

Builds tests/cases/money5.yaml with the real engine and reads the meeting page, the agreement page and its JSON, the
funding CSV, the matters' JSON and CSV and OParl: 'utfall: −33 700 000 kr (enligt källan: minus 33,7 miljoner
kronor)' carried as -33700000; 'budgeterat: 2 500 000 kr, att fastställa 2018 års budgeterade resultat' verbatim;
'mer än 11 000 000 kr' with `more_than` in the data; '1 000 000 kr plus indexuppräkning' in no total. Then the forms
that cannot be, each refused in Swedish naming file, line and field as the editor wrote it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut.categories import SumNature
from namndbeslut.model import Sum
from support.money import funding_file, matter_file, qualified, with_parties
from support.oparl import validator
from support.project import CASES_DIR, problems
from support.site import BuiltSite, built_tree, csv_by, csv_rows, data, records_by, words

TREE = yaml.safe_load((CASES_DIR / "money5.yaml").read_text(encoding="utf-8"))
MEETING = "sammantraden/2026-03-11-kommunstyrelsen/"
DEVIATION = "utfall: −33 700 000 kr (enligt källan: minus 33,7 miljoner kronor)"
RESULT = "budgeterat: 2 500 000 kr, att fastställa 2018 års budgeterade resultat"
MORE = "mer än 11 000 000 kr (enligt källan: drygt 11 miljoner kronor)"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "money5", TREE, "2026-06-01")


def amounts(site: BuiltSite, matter: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = records_by(site, "data/arenden.json", "id")[matter]["amounts"]
    return found


# -- 1. a deviation or deficit below zero -------------------------------------------------------------------------


def test_a_negative_sum_is_shown_with_a_minus_sign(built: BuiltSite) -> None:
    assert f"Belopp: {DEVIATION}" in built.matter_facts(MEETING, "avvikelse")
    assert ("Belopp: prognos: −5 000 000 kr (enligt källan: underskott mot driftbudget på fem miljoner kronor)"
            in built.matter_facts(MEETING, "underskott"))


def test_a_negative_sum_is_a_negative_number_in_the_data(built: BuiltSite) -> None:
    assert amounts(built, "avvikelse")[0] == qualified(-33700000, as_given="minus 33,7 miljoner kronor",
                                                       nature="utfall", amount_label=DEVIATION)
    item = data(built, "oparl/agenda-item/avvikelse.json")
    assert item["namndbeslut:amount"]["value"] == -33700000
    assert list(validator("AgendaItem").iter_errors(item)) == []
    row = csv_by(built, "data/arenden.csv", "Id")["underskott"]
    assert (row["Belopp (kr)"], row["Beloppets art"]) == ("-5000000", "prognos")


# -- 2. a purpose as the source words it, with or without a preposition ----------------------------------------------


def test_a_purpose_without_a_preposition_is_shown_verbatim(built: BuiltSite) -> None:
    assert f"Belopp: {RESULT}" in built.matter_facts(MEETING, "resultat")
    assert amounts(built, "resultat")[0]["purpose"] == "att fastställa 2018 års budgeterade resultat"
    purpose = csv_by(built, "data/arenden.csv", "Id")["resultat"]["Ändamål"]
    assert purpose == "att fastställa 2018 års budgeterade resultat"


# -- 3. a bound: 'drygt', 'knappt' ------------------------------------------------------------------------------------


def test_a_bound_is_shown_neutrally_beside_the_sources_words(built: BuiltSite) -> None:
    assert f"Belopp: {MORE}" in built.matter_facts(MEETING, "drygt")
    assert "Belopp: mindre än 2 000 000 kr" in built.matter_facts(MEETING, "knappt")


def test_a_bound_is_a_flag_in_the_data(built: BuiltSite) -> None:
    assert amounts(built, "drygt")[0] == qualified(11000000, as_given="drygt 11 miljoner kronor", more_than=True,
                                                   amount_label=MORE)
    assert amounts(built, "knappt")[0] == qualified(2000000, less_than=True, amount_label="mindre än 2 000 000 kr")
    item = data(built, "oparl/agenda-item/drygt.json")
    assert item["namndbeslut:amount"]["more_than"] is True
    assert list(validator("AgendaItem").iter_errors(item)) == []
    rows = csv_by(built, "data/arenden.csv", "Id")
    assert [(rows[m]["Mer än"], rows[m]["Mindre än"]) for m in ("drygt", "knappt", "index")] == [
        ("ja", ""), ("", "ja"), ("", "")]


# -- 4. a sum with something on top -------------------------------------------------------------------------------


def test_a_sum_plus_something_is_shown_and_carried(built: BuiltSite) -> None:
    assert "Belopp: 5 000 000 kr plus indexuppräkning" in built.matter_facts(MEETING, "index")
    assert amounts(built, "index")[0] == qualified(5000000, plus_as_given="indexuppräkning",
                                                   amount_label="5 000 000 kr plus indexuppräkning")
    assert csv_by(built, "data/arenden.csv", "Id")["index"]["Plus enligt källan"] == "indexuppräkning"


def test_a_sum_plus_something_is_in_no_total(built: BuiltSite) -> None:
    funding = [words(li) for li in built.fact_box("overenskommelser/motesplats/")["Finansiering"].select("li")]
    assert funding == ["2025: 1 000 000 kr", "2026: 1 000 000 kr plus indexuppräkning",
                       "Summa av beloppen ovan (uträknad här): 1 000 000 kr (utom 2026: 1 000 000 kr plus "
                       "indexuppräkning)"]
    record = data(built, "data/overenskommelser/motesplats.json")
    assert record["funding_stated_total"] == 1000000
    assert record["funding"][1]["plus_as_given"] == "indexuppräkning"
    rows = [r for r in csv_rows(built, "data/finansiering.csv") if r["Överenskommelse"] == "motesplats"]
    assert [r["Plus enligt källan"] for r in rows] == ["", "indexuppräkning"]


@pytest.mark.parametrize("given", [{"more_than": True}, {"less_than": True}, {"plus_as_given": "indexuppräkning"},
                                   {"kronor": -5, "nature": SumNature.UTFALL}])
def test_none_of_these_is_in_a_total(given: dict[str, Any]) -> None:
    assert not Sum(**{"kronor": 5, **given}).summable


# -- what cannot be ----------------------------------------------------------------------------------------------


MATTER = "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount."
NEGATIVE = ("ett negativt belopp ({}) är en avvikelse eller ett underskott och skrivs bara med 'nature: utfall', "
            "'nature: prognos' eller 'nature: budget', t.ex. {{kronor: -33700000, nature: utfall}}")


def bound_beside(bound: str, field: str) -> str:
    return (f"{MATTER}{field}: '{bound}' säger redan hur beloppet förhåller sig till källans siffra; skriv inte "
            f"'{field}' bredvid, t.ex. {{kronor: 11000000, {bound}: true, as_given: 'drygt 11 miljoner kronor'}}")


_REFUSED = [
    pytest.param(matter_file("{kronor: -5000000}"), [f"{MATTER}kronor: {NEGATIVE.format(-5000000)}"],
                 id="negative_without_nature"),
    pytest.param(matter_file("{kronor: -400000, nature: avslaget}"), [f"{MATTER}kronor: {NEGATIVE.format(-400000)}"],
                 id="negative_refused_sum"),
    pytest.param(funding_file("{year: 2024, amount: -5}"), [
        f"agreements/avtal.md:6: funding.0.amount.kronor: {NEGATIVE.format(-5)}"], id="negative_on_a_funding_row"),
    pytest.param(matter_file("{kronor: 5, more_than: true, less_than: true}"), [
        f"{MATTER}less_than: ett belopp är antingen mer än ('more_than') eller mindre än ('less_than') källans "
        "siffra, inte båda"], id="more_and_less"),
    pytest.param(matter_file("{kronor: 5, more_than: true, approximate: true}"),
                 [bound_beside("more_than", "approximate")], id="bound_and_estimate"),
    pytest.param(matter_file("{kronor: 5, less_than: true, up_to_kronor: 9}"),
                 [bound_beside("less_than", "up_to_kronor")], id="bound_and_range"),
    pytest.param(matter_file("{kronor: 5, plus_as_given: '  '}"), [f"{MATTER}plus_as_given: '  ' får inte vara tomt"],
                 id="empty_plus"),
]


@pytest.mark.parametrize(("files", "expected"), _REFUSED)
def test_what_cannot_be_is_refused_by_name(files: dict[str, str], expected: list[str], tmp_path: Path) -> None:
    assert problems(tmp_path, with_parties(TREE, files), "2024-06-01") == expected
