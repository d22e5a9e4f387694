"""Facts as the sources give them (issue 26, misc5): money received from another party, a body's seats per party,
an agreement record that covers only part of its source, and two messages that gave the wrong advice.

Builds tests/cases/misc5.yaml with the real engine and reads the meeting page, the matters' JSON, CSV and OParl
('2 100 000 kr (enligt källan: 2,1 miljoner kronor) från Socialstyrelsen', never in a total), the body page and its
OParl Organization (the parties' seats as listed, beside a total that differs from their sum), and the agreement
page, JSON and OParl Paper (the partial record's notice first). Then the refusals: an unquoted comma in a flow
mapping and an id's example that fits the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut.model import Seats, Sum
from support.oparl import validator
from support.project import CASES_DIR, problems
from support.site import BuiltSite, built_tree, csv_by, data, one, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "misc5.yaml").read_text(encoding="utf-8"))
MEETING = "sammantraden/2026-03-11-socialnamnden/"
GRANT = "2 100 000 kr (enligt källan: 2,1 miljoner kronor) från Socialstyrelsen"
ONWARD = "500 000 kr från Region Skåne till Föreningen Oxelgården"
EXCERPT = "Källan är ett utdrag som slutar mitt i en mening ('Nu föreslås att Oxel…')"
CUT = f"Uppgifterna bygger bara på en del av källan: {EXCERPT}."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "misc5", TREE, "2026-06-01")


def matter(site: BuiltSite, matter_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(m for m in data(site, "data/arenden.json") if m["id"] == matter_id)
    return found


# -- 1. money received from another party ------------------------------------------------------------------------


def test_money_from_another_party_is_said_on_the_page(built: BuiltSite) -> None:
    assert f"Belopp: {GRANT}" in built.matter_facts(MEETING, "statsbidrag")
    assert f"Belopp: {ONWARD}" in built.matter_facts(MEETING, "vidare")
    assert "Belopp: 300 000 kr" in built.matter_facts(MEETING, "eget")


def test_money_from_another_party_in_json_csv_and_oparl(built: BuiltSite) -> None:
    grant = matter(built, "statsbidrag")["amounts"][0]
    assert (grant["from"], grant["recipient"], grant["amount_label"]) == ("Socialstyrelsen", None, GRANT)
    onward = matter(built, "vidare")["amounts"][0]
    assert (onward["from"], onward["recipient"]) == ("Region Skåne", "Föreningen Oxelgården")
    assert "from" not in matter(built, "eget")["amounts"][0]
    rows = csv_by(built, "data/arenden.csv", "Id")
    assert [rows[m]["Pengar från"] for m in ("statsbidrag", "vidare", "eget")] == ["Socialstyrelsen", "Region Skåne",
                                                                                   ""]
    item = data(built, "oparl/agenda-item/statsbidrag.json")
    assert item["namndbeslut:amount"]["from"] == "Socialstyrelsen"
    assert list(validator("AgendaItem").iter_errors(item)) == []


def test_money_from_another_party_is_in_no_total() -> None:
    assert not Sum.model_validate({"kronor": 2100000, "from": "Socialstyrelsen"}).summable


# -- 2. a body's seats per party ---------------------------------------------------------------------------------


def test_the_seats_per_party_are_listed_as_given_beside_the_total(built: BuiltSite) -> None:
    box = built.fact_box("namnder/kommunfullmaktige/")
    assert words(box["Storlek"]) == "Ledamöter: 61, ersättare: anges inte (enligt källan: 61 ledamöter)"
    parties = box["Mandat per parti enligt källan"]
    assert [words(li) for li in parties.select("li")] == ["Socialdemokraterna: 22", "Moderaterna: 15",
                                                          "Miljöpartiet de gröna: 6"]
    assert "43" not in words(built.article("namnder/kommunfullmaktige/")), "no sum of the parties' seats"
    assert "Mandat per parti enligt källan" not in built.fact_box("namnder/socialnamnden/")


def test_the_seats_per_party_in_oparl(built: BuiltSite) -> None:
    body = data(built, "oparl/organization/namnd-kommunfullmaktige.json")
    assert body["namndbeslut:seats"] == {"members": 61, "asGiven": "61 ledamöter", "byParty": [
        {"party": "Socialdemokraterna", "seats": 22}, {"party": "Moderaterna", "seats": 15},
        {"party": "Miljöpartiet de gröna", "seats": 6}]}
    assert list(validator("Organization").iter_errors(body)) == []


def test_seats_per_party_alone_say_nothing_of_the_total() -> None:
    seats = Seats.model_validate({"by_party": [{"party": "Socialdemokraterna", "seats": 22}]})
    assert (seats.label, seats.members) == ("", None)


# -- 3. an agreement record that covers only part of its source --------------------------------------------------


def test_a_partial_agreement_says_so_first(built: BuiltSite) -> None:
    page = built.article("overenskommelser/oxelgarden/")
    note = one(page, "p.partial-note")
    assert words(note) == CUT
    assert note.find_previous("section", class_="fact-box") is None, "said before the facts"
    assert not built.article("overenskommelser/vanligt/").select("p.partial-note")


def test_a_partial_agreement_in_json_and_oparl(built: BuiltSite) -> None:
    record = data(built, "data/overenskommelser/oxelgarden.json")
    assert (record["partial"], record["partial_note"]) == (True, EXCERPT)
    assert "partial" not in data(built, "data/overenskommelser/vanligt.json")
    paper = data(built, "oparl/paper/overenskommelse-oxelgarden.json")
    assert paper["namndbeslut:partial"] is True
    assert paper["namndbeslut:partialNote"].startswith("Källan är ett utdrag")
    assert list(validator("Paper").iter_errors(paper)) == []


# -- what cannot be ----------------------------------------------------------------------------------------------

AGREEMENT, DECISION = "agreements/oxelgarden.md", "decisions/2026-03-11-socialnamnden.md"
ID_FORM = "har fel form; förväntat: ett id med små bokstäver a–z, siffror och bindestreck, t.ex."


def _edited(path: str, old: str, new: str) -> dict[str, str]:
    assert old in TREE[path], old
    return {**TREE, path: TREE[path].replace(old, new)}


@pytest.mark.parametrize(("tree", "expected"), [
    pytest.param(_edited(DECISION, "to: Föreningen Oxelgården}", "to: Näringsliv, kultur och fritid}"), [
        f"{DECISION}:11: matters.1.amount.kultur och fritid: 'kultur och fritid' kan inte vara ett fältnamn; ett "
        "värde med kommatecken inom { } ska stå inom citattecken, t.ex. to: 'Näringsliv, kultur och fritid'"],
        id="unquoted_comma"),
    pytest.param(_edited(DECISION, "to: Föreningen Oxelgården}", "to: Föreningen, Oxelgården}"), [
        f"{DECISION}:11: matters.1.amount.Oxelgården: 'Oxelgården' kan inte vara ett fältnamn; ett värde med "
        "kommatecken inom { } ska stå inom citattecken, t.ex. to: 'Näringsliv, kultur och fritid'"],
        id="one_word_after_an_unquoted_comma"),
    pytest.param(_edited(DECISION, "to: Föreningen Oxelgården}", "till: Föreningen Oxelgården}"), [
        f"{DECISION}:11: matters.1.amount.till: det finns inget sådant fält här; skriv uppgiften i texten i "
        "stället"], id="a_word_is_still_a_field_name"),
    pytest.param(_edited(AGREEMENT, "committee: socialnamnden", "committee: 'anges inte'"), [
        f"{AGREEMENT}:5: committee: 'anges inte' {ID_FORM} 'kommunstyrelsen'"], id="a_body_id"),
    pytest.param(_edited(AGREEMENT, "partner: oxelgarden", "partner: Oxelgården"), [
        f"{AGREEMENT}:4: partner: 'Oxelgården' {ID_FORM} 'kvinnojouren-lund'"], id="a_partner_id"),
    pytest.param(_edited(DECISION, "    kind: beslut\n    amount: 300000",
                         "    kind: beslut\n    adopts: [Oxelgården]\n    amount: 300000"), [
        f"{DECISION}:14: matters.2.adopts.0: 'Oxelgården' {ID_FORM} 'kvinnojouren-lund-2021-2023'"],
        id="an_agreement_id"),
    pytest.param(_edited(AGREEMENT, f"partial: {EXCERPT}", "partial: true"), [
        f"{AGREEMENT}:7: partial: 'true' läses som ja/nej; skriv med ord vilken del av källan som återges, t.ex. "
        "'Endast protokollets första sidor har kunnat läsas'"], id="partial_is_words"),
    pytest.param(_edited("committees/kommunfullmaktige.md", "{party: Moderaterna, seats: 15}",
                         "{party: Socialdemokraterna, seats: 15}"), [
        "committees/kommunfullmaktige.md:7: seats.by_party: 'Socialdemokraterna' står två gånger; skriv varje "
        "parti en gång med sina mandat, t.ex. {party: Socialdemokraterna, seats: 22}"], id="a_party_twice"),
    pytest.param(_edited("committees/kommunfullmaktige.md", "seats: 6}", "seats: 0}"), [
        "committees/kommunfullmaktige.md:10: seats.by_party.2.seats: '0' är för litet; gränsen är 1"],
        id="no_seats"),
    pytest.param(_edited(DECISION, "kind: beslut\n    amount: 300000", "kind: beslut\n    amount: 300000\n"
                         "    concerns: [oxelgarden]"), [], id="control_loads"),
])
def test_what_cannot_be_is_refused_with_the_right_advice(tree: dict[str, str], expected: list[str],
                                                         tmp_path: Path) -> None:
    assert problems(tmp_path, tree, "2026-06-01") == expected


def test_money_from_a_funder_is_the_funding_rows_own(tmp_path: Path) -> None:
    tree = _edited("agreements/vanligt.md", "term: {start: 2025, end: 2026}",
                   "term: {start: 2025, end: 2026}\nfunding:\n  - {year: 2025, amount: {kronor: 1000, "
                   "from: Region Skåne}}")
    assert problems(tmp_path, tree, "2026-06-01") == [
        "agreements/vanligt.md:8: funding.0.amount.from: den som betalar en rad i 'funding' skrivs som radens "
        "'funder', t.ex. {year: 2024, amount: 500000, funder: Region Skåne}"]
