"""Money facts as the sources give them (issue 26, money3): a sum in the source's words, its purpose, its period in
words, and a sum refused (`nature: avslaget`).

Builds tests/cases/money3.yaml with the real engine and reads the meeting page, the agreement page and its JSON and
JSON-LD, the matters' JSON and CSV, the funding CSV and OParl: '19 100 000 kr (enligt källan: 19,1 miljoner kronor)
till Samhällsbyggnadsnämnden, för tilläggsanslag', '300 000 kr första halvåret 2026', 'avslaget: 400 000 kr …'; a
refused sum is in no total. Then the forms that cannot be, each refused in Swedish naming file, line and field.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from namndbeslut.categories import SumNature
from namndbeslut.model import Sum
from support.money import funding_file, matter_file, qualified, with_parties
from support.oparl import validator
from support.project import CASES_DIR, problems
from support.site import BuiltSite, built_tree, csv_by, data, one, records_by, words

TREE = yaml.safe_load((CASES_DIR / "money3.yaml").read_text(encoding="utf-8"))
AGREEMENT = "overenskommelser/servicepunkt/"
MEETING = "sammantraden/2026-02-11-kommunstyrelsen/"
GRANTED = "19 100 000 kr (enligt källan: 19,1 miljoner kronor) till Samhällsbyggnadsnämnden, för tilläggsanslag"
PERIOD = ("1 200 000 kr (enligt källan: 1,2 miljoner) under den kommande treårsperioden, för medfinansiering av "
          "Trafikverkets utbyggnad av gång- och cykelväg")
REFUSED = "avslaget: 400 000 kr (enligt källan: 0,4 miljoner kronor) till kultur- och fritidsnämnden, för kompensation"
ROW = "1 200 000 kr (enligt källan: 1,2 miljoner) första halvåret 2026, för drift av servicepunkten"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "money3", TREE, "2026-06-01")


# -- 1. the source's words, the purpose and the period -----------------------------------------------------------


def test_the_sources_words_purpose_and_period_are_shown_after_the_sum(built: BuiltSite) -> None:
    assert f"Belopp: {GRANTED}" in built.matter_facts(MEETING, "tillaggsanslag")
    assert f"Belopp: {PERIOD}" in built.matter_facts(MEETING, "cykelvag")
    assert "Belopp: 300 000 kr första halvåret 2026" in built.matter_facts(MEETING, "halvar")
    assert "Belopp: 1 700 000 kr (enligt källan: 1,7 mnkr)" in built.matter_facts(MEETING, "servicepunkt")


def test_the_sources_words_purpose_and_period_in_the_data(built: BuiltSite) -> None:
    granted = qualified(19100000, recipient="Samhällsbyggnadsnämnden", as_given="19,1 miljoner kronor",
                         purpose="för tilläggsanslag", amount_label=GRANTED)
    assert records_by(built, "data/arenden.json", "id")["tillaggsanslag"]["amounts"] == [granted]
    assert records_by(built, "data/arenden.json", "id")["halvar"]["amounts"] == [
        qualified(300000, period_as_given="första halvåret 2026", amount_label="300 000 kr första halvåret 2026")]
    rows = csv_by(built, "data/arenden.csv", "Id")
    assert [(rows[m]["Belopp (kr)"], rows[m]["Beloppet i källans ord"], rows[m]["Ändamål"],
             rows[m]["Period i källans ord"], rows[m]["Beloppets art"]) for m in ("cykelvag", "halvar")] == [
        ("1200000", "1,2 miljoner", "för medfinansiering av Trafikverkets utbyggnad av gång- och cykelväg",
         "under den kommande treårsperioden", ""), ("300000", "", "", "första halvåret 2026", "")]
    item = data(built, "oparl/agenda-item/tillaggsanslag.json")
    assert item["namndbeslut:amount"] == {"value": 19100000, **{k: v for k, v in granted.items() if k != "amount"}}
    assert list(validator("AgendaItem").iter_errors(item)) == []


def test_a_funding_row_carries_the_words_and_is_counted(built: BuiltSite) -> None:
    funding = [words(li) for li in built.fact_box(AGREEMENT)["Finansiering"].select("li")]
    assert funding == ["2025: 500 000 kr", f"2026: {ROW}", "Summa av beloppen ovan (uträknad här): 1 700 000 kr"]
    record = data(built, "data/overenskommelser/servicepunkt.json")
    assert record["funding_stated_total"] == 1700000
    assert record["funding"][1] == {"year": 2026, **qualified(
        1200000, as_given="1,2 miljoner", purpose="för drift av servicepunkten", period_as_given="första halvåret 2026",
        amount_label=ROW), "price_compensation": False, "note": None, "funder": None}
    adopting = next(d for d in record["decisions"] if d.get("title") == "Servicepunkt")
    assert (adopting["amount"], adopting["as_given"]) == (1700000, "1,7 mnkr")
    rows = csv_by(built, "data/finansiering.csv", "År")
    assert [(rows[y]["Beloppet i källans ord"], rows[y]["Ändamål"], rows[y]["Period i källans ord"])
            for y in ("2025", "2026")] == [("", "", ""), ("1,2 miljoner", "för drift av servicepunkten",
                                                         "första halvåret 2026")]
    ld = json.loads(one(built.soup(AGREEMENT), 'script[type="application/ld+json"]').get_text())
    assert [g["description"] for g in ld["funding"]] == ["2025", f"2026: {ROW}"]


# -- 2. a sum refused --------------------------------------------------------------------------------------------


def test_a_refused_sum_is_shown_refused(built: BuiltSite) -> None:
    assert f"Belopp: {REFUSED}" in built.matter_facts(MEETING, "kompensation")
    assert "Belopp: avslaget: 400 000 kr 250 000 kr" in built.matter_facts(MEETING, "delvis")


def test_a_refused_sum_in_the_data_with_its_flag(built: BuiltSite) -> None:
    refused = qualified(400000, recipient="kultur- och fritidsnämnden", as_given="0,4 miljoner kronor",
                         purpose="för kompensation", nature="avslaget", amount_label=REFUSED)
    assert records_by(built, "data/arenden.json", "id")["kompensation"]["amounts"] == [refused]
    assert records_by(built, "data/arenden.json", "id")["delvis"]["amounts"] == [
        qualified(400000, nature="avslaget", amount_label="avslaget: 400 000 kr"),
        {"amount": 250000, "currency": "SEK"}]
    rows = csv_by(built, "data/arenden.csv", "Id")
    assert (rows["kompensation"]["Beloppets art"], rows["kompensation"]["Belopp enligt källan"]) == (
        "avslaget", REFUSED)
    assert (rows["delvis"]["Beloppets art"], rows["delvis"]["Belopp enligt källan"]) == (
        "", "avslaget: 400 000 kr ; 250 000 kr")
    item = data(built, "oparl/agenda-item/kompensation.json")
    assert item["namndbeslut:amount"]["nature"] == "avslaget"
    assert [a.get("nature") for a in data(built, "oparl/agenda-item/delvis.json")["namndbeslut:amounts"]] == [
        "avslaget", None]


def test_a_refused_sum_is_in_no_total() -> None:
    assert not Sum(kronor=400000, nature=SumNature.AVSLAGET).summable
    assert Sum(kronor=400000, as_given="0,4 miljoner kronor", purpose="för kompensation").summable


# -- 3. what cannot be -------------------------------------------------------------------------------------------


MATTER = "decisions/2024-02-14-kommunstyrelsen.md:7: matters.0.amount."
_REFUSED = [
    pytest.param(matter_file("{kronor: 1910000, as_given: '19,1 miljoner kronor'}"), [
        f"{MATTER}kronor: 'as_given' (19,1 miljoner kronor) anger 19100000 kronor men 'kronor' är 1910000; skriv "
        "källans belopp i hela kronor, t.ex. 19,1 miljoner som 'kronor: 19100000'"], id="millions_miswritten"),
    pytest.param(matter_file("{kronor: 5, as_given: '  '}"), [f"{MATTER}as_given: '  ' får inte vara tomt"],
                 id="empty_words"),
    pytest.param(matter_file("{kronor: 5, from_year: 2026, period_as_given: första halvåret}"), [
        f"{MATTER}period_as_given: skriv perioden antingen som år ('from_year', 'to_year') eller med källans ord "
        "('period_as_given'), inte båda"], id="years_and_words"),
    pytest.param(matter_file("{kronor: 5, period_as_given: 2024–2025}"), [
        f"{MATTER}period_as_given: '2024–2025' är bara år; skriv dem som 'from_year' och 'to_year', t.ex. "
        "{kronor: 500000, from_year: 2024}"], id="years_as_words"),
    pytest.param(funding_file("{year: 2024, amount: {kronor: 400000, nature: avslaget}}"), [
        "agreements/avtal.md:6: funding.0.amount.nature: en rad i 'funding' är pengar som överenskommelsen ger; "
        "ett belopp med 'nature: avslaget' skrivs på nämndens ärende ('amount'), inte här"],
        id="refused_on_a_funding_row"),
    pytest.param(funding_file("{year: 2024, amount: {kronor: 5, period_as_given: första halvåret 2025}}"), [
        "agreements/avtal.md:6: funding.0.amount.period_as_given: perioden ('första halvåret 2025') nämner ett "
        "annat år än radens 'year' (2024); en rad gäller sitt eget år, skriv året som radens 'year'"],
        id="another_year_in_a_rows_period"),
]


@pytest.mark.parametrize(("files", "expected"), _REFUSED)
def test_what_cannot_be_is_refused_by_name(files: dict[str, str], expected: list[str], tmp_path: Path) -> None:
    assert problems(tmp_path, with_parties(TREE, files), "2024-06-01") == expected
