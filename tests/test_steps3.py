"""Facts as the sources give them (issue 26), three forms of a step: a referral back ('återremitterar'), which
changes neither term, status nor signing; a decision the source announces and that is not yet taken ('announced:
true' on a cited step), shown apart and never said taken once its date has passed; and an agreement no public body
is a party to ('public_party: ingen').

Builds tests/cases/steps3.yaml with the real engine and reads the agreement, meeting and list pages, the JSON, CSV
and OParl; and loads it wrongly written, for the Swedish messages.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, csv_by, data, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "steps3.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-01"
LOAN, LEASE = "kvarnbo-lan", "kvarnbo-hyresavtal"
LEASE_FILE = "agreements/kvarnbo-hyresavtal.md"
LOAN_FILE = "agreements/kvarnbo-lan.md"
MEETING = "decisions/2020-09-14-kommunfullmaktige.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "steps3", TREE, BUILD_DATE)


def page(agreement: str) -> str:
    return f"overenskommelser/{agreement}/"


def record(site: BuiltSite, agreement: str) -> dict[str, Any]:
    found: dict[str, Any] = data(site, f"data/overenskommelser/{agreement}.json")
    return found


def paper(site: BuiltSite, agreement: str) -> dict[str, Any]:
    found: dict[str, Any] = data(site, f"oparl/paper/overenskommelse-{agreement}.json")
    return found


# -- 1. a referral back ---------------------------------------------------------------------------------------------

def test_a_referral_back_is_a_step_with_no_decision_yet(built: BuiltSite) -> None:
    assert built.steps(page(LOAN)) == [
        "Förslag till kommunfullmäktige att anta: Kommunstyrelsen 25 augusti 2020, § 150",
        "Återremitterad (inget beslut ännu): Kommunfullmäktige 14 september 2020, § 99: Lån till Stiftelsen Kvarnbo"]
    assert "Återremitterar: Låneavtal om ombyggnad av Kvarnbo" in built.text(
        "sammantraden/2020-09-14-kommunfullmaktige/")


def test_a_referral_back_changes_neither_term_status_nor_signing(built: BuiltSite) -> None:
    facts = built.fact_box(page(LOAN))
    assert words(facts["Status"]) == "Föreslagen, senare beslut anges inte"
    assert words(facts["Period"]) == "1 januari 2021 – 31 december 2030"
    assert "Undertecknad" not in facts and "Beslutat" not in facts
    found = record(built, LOAN)
    assert found["status"]["value"] == "Föreslagen, senare beslut anges inte"
    assert (found["term"]["end"], found["signed"], found["signed_stated"]) == ("2030-12-31", None, False)
    assert [(s["action"], s["outcome"]) for s in found["steps"]] == [
        ("föreslår", "Förslag till kommunfullmäktige att anta"),
        ("återremitterar", "Återremitterad (inget beslut ännu)")]


def test_a_referral_back_in_oparl_decides_nothing(built: BuiltSite) -> None:
    (consultation,) = [c for c in paper(built, LOAN)["consultation"] if "meeting" in c]
    assert (consultation["role"], consultation["authoritative"]) == ("Återremitterar", False)


# -- 2. a decision announced, not yet taken -------------------------------------------------------------------------

def test_announced_decisions_are_shown_apart_and_a_passed_one_is_never_said_taken(built: BuiltSite) -> None:
    article = built.article(page(LEASE))
    heading = next(h for h in article.select("h2") if words(h) == "Aviserade beslut")
    listing = heading.find_next_sibling("ul")
    assert listing is not None
    assert [words(li) for li in listing.select("li")] == [
        "Enligt källan beslut aviserat till 7 november 2017 i kommunstyrelsen (om att föreslå kommunfullmäktige att "
        "anta); om det fattades anges inte",
        "Enligt källan ska Kommunfullmäktige besluta november 2024 (om att anta)"]
    assert "Beslutsgång" not in [words(h) for h in article.select("h2")], "an announced decision is no step"


def test_announced_decisions_never_decide_status_term_or_signing(built: BuiltSite) -> None:
    facts = built.fact_box(page(LEASE))
    assert words(facts["Status"]) == "Utkast, beslut om att ingå anges inte", "not 'Föreslagen', nor 'Antagen'"
    assert words(facts["Period"]) == "anges inte"
    assert "Beslutat" not in facts and "Undertecknad" not in facts


def test_announced_decisions_in_the_data_are_marked_and_apart_from_the_steps(built: BuiltSite) -> None:
    found = record(built, LEASE)
    assert found["steps"] == [] and found["decisions"] == []
    assert [(s["announced"], s["taken"], s["action"], s["announced_date"], s["body"]["id"])
            for s in found["announced_steps"]] == [
        (True, None, "föreslår", "2017-11-07", "kommunstyrelsen"),
        (True, None, "antar", "2024-11", "kommunfullmaktige")]
    assert found["announced_steps"][0]["label"].endswith("om det fattades anges inte")
    assert "announced_steps" not in record(built, LOAN), "absent where the source announces nothing"
    row = csv_by(built, "data/overenskommelser.csv", "Id")[LEASE]
    assert not row["Beslutsgång"] and not row["Beslut"]


def test_announced_decisions_in_oparl_are_no_consultation(built: BuiltSite) -> None:
    found = paper(built, LEASE)
    assert found.get("consultation", []) == [] and "namndbeslut:citedSteps" not in found
    assert "date" not in found, "an announced decision dates no paper"
    assert [(s["action"], s["announcedDate"]) for s in found["namndbeslut:announcedSteps"]] == [
        ("föreslår", "2017-11-07"), ("antar", "2024-11")]
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            assert list(validator(obj["type"].rsplit("/", 1)[-1]).iter_errors(obj)) == [], path.name


# -- 3. no public party ---------------------------------------------------------------------------------------------

def test_no_public_party_is_said_as_the_source_says_it(built: BuiltSite) -> None:
    facts = built.fact_box(page(LOAN))
    assert words(facts["Offentlig part"]) == "ingen (enligt källan)"
    assert [words(li) for li in facts["Parter"].select("li")] == ["Stiftelsen Kvarnbo", "Sparbanken Exempel"]
    assert "Motparter" not in facts
    assert words(built.fact_box(page(LEASE))["Offentlig part"]) == "anges inte", "unstated stays unstated"


def test_no_public_party_in_the_data_and_oparl(built: BuiltSite) -> None:
    found = record(built, LOAN)
    assert (found["public_party"], found["public_party_none"]) == (None, True)
    assert "public_party_none" not in record(built, LEASE)
    obj = paper(built, LOAN)
    assert obj["namndbeslut:noPublicParty"] is True and "namndbeslut:publicParty" not in obj
    assert csv_by(built, "data/overenskommelser.csv", "Id")[LOAN]["Offentlig part"] == "ingen"


def test_the_list_label_names_no_municipality_as_a_party(built: BuiltSite) -> None:
    label = next(words(a) for a in built.article("overenskommelser/2021/").select("a")
                 if words(a).startswith("Låneavtal om ombyggnad"))
    assert label == "Låneavtal om ombyggnad av Kvarnbo – Stiftelsen Kvarnbo och Sparbanken Exempel (2021–2030)"
    assert "kommun" not in label.lower()


# -- refusals -------------------------------------------------------------------------------------------------------

def test_announced_on_a_meetings_step_is_refused(tmp_path: Path) -> None:
    tree = edited(TREE, MEETING, "action: återremitterar}", "action: återremitterar, announced: true}")
    (problem,) = problems(tmp_path, tree, BUILD_DATE)
    assert "announced" in problem and "cited_steps" in problem and "fattat beslut" in problem


def test_an_announced_decision_has_no_paragraph(tmp_path: Path) -> None:
    tree = edited(TREE, LEASE_FILE, 'decision: "2024-11"', 'decision: "2024-11-05 § 12"')
    (problem,) = problems(tmp_path, tree, BUILD_DATE)
    assert "cited_steps" in problem and "ingen paragraf" in problem


def test_no_public_party_with_public_bodies_as_parties_is_refused(tmp_path: Path) -> None:
    tree = edited(TREE, LOAN_FILE, "committee: kommunfullmaktige", "committees: [kommunfullmaktige, kommunstyrelsen]")
    (problem,) = problems(tmp_path, tree, BUILD_DATE)
    assert "committees" in problem and "public_party: ingen" in problem
