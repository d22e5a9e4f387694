"""Facts as the sources give them (issue 26): a signer's own signing date, the dates and deadlines an agreement
states, and the end a proposal to extend asks for, which never changes the term nor the status.

Builds tests/cases/agreement-facts.yaml with the real engine and reads the agreement and meeting pages, the JSON,
OParl and the calendar; and loads it wrongly written, for the Swedish messages.
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

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "agreement-facts.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2025-06-01"
PAGE = "overenskommelser/fritid-2023-2025/"
AGREEMENT = "agreements/fritid-2023-2025.md"
MEETING = "decisions/2025-05-14-kultur-och-fritidsnamnden.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "agreement-facts", TREE, BUILD_DATE)


def record(site: BuiltSite) -> dict[str, Any]:
    found: dict[str, Any] = data(site, "data/overenskommelser/fritid-2023-2025.json")
    return found


def paper(site: BuiltSite) -> dict[str, Any]:
    found: dict[str, Any] = data(site, "oparl/paper/overenskommelse-fritid-2023-2025.json")
    return found


# -- 1. each party's signing date -----------------------------------------------------------------------------------

def test_each_signer_is_shown_with_their_own_date(built: BuiltSite) -> None:
    signers = [words(li) for li in built.fact_box(PAGE)["Undertecknad av"].select("li")]
    assert signers == ["namn anges inte, kommunstyrelsens ordförande (Uddevalla kommun), undertecknat 2 mars 2023",
                       "Eva Ek, ordförande (Föreningen Fritid), undertecknat 10 mars 2023",
                       "Per Berg, kassör (Föreningen Fritid)"]


def test_the_signers_dates_are_not_the_agreements_signing_date(built: BuiltSite) -> None:
    assert "Undertecknad" not in built.fact_box(PAGE), "no 'signed' is derived from the signers' dates"
    found = record(built)
    assert (found["signed"], found["signed_stated"]) == (None, False)
    assert found["signed_by"] == [
        {"role": "kommunstyrelsens ordförande", "organisation": "Uddevalla kommun", "date": "2023-03-02"},
        {"name": "Eva Ek", "role": "ordförande", "organisation": "Föreningen Fritid", "date": "2023-03-10"},
        {"name": "Per Berg", "role": "kassör", "organisation": "Föreningen Fritid"}]


def test_a_contact_has_no_signing_date(tmp_path: Path) -> None:
    tree = edited(TREE, AGREEMENT, "email: anna.andersson@example.se}", "email: anna.andersson@example.se, "
                                                                         "date: 2023-03-02}")
    (problem,) = problems(tmp_path, tree, BUILD_DATE)
    assert "contacts" in problem and "date" in problem


# -- 2. dates and deadlines inside the agreement --------------------------------------------------------------------

def test_the_agreements_own_dates_are_a_section_of_the_page(built: BuiltSite) -> None:
    heading = next(h for h in built.article(PAGE).select("h2") if words(h) == "Tidpunkter i överenskommelsen")
    listing = heading.find_next_sibling("ul")
    assert listing is not None
    assert [words(li) for li in listing.select("li")] == [
        "Föreningen ska lämna en verksamhetsberättelse: senast 31 mars varje år (enligt källan)",
        "Avtalet ska utvärderas: 30 juni 2025 (enligt källan: senast 30 juni 2025)",
        "Uppföljningsmöte: september 2024"]


def test_the_agreements_own_dates_in_the_data_and_never_in_the_calendar(built: BuiltSite) -> None:
    assert record(built)["deadlines"] == [
        {"what": "Föreningen ska lämna en verksamhetsberättelse", "date": None,
         "as_given": "senast 31 mars varje år"},
        {"what": "Avtalet ska utvärderas", "date": "2025-06-30", "as_given": "senast 30 juni 2025"},
        {"what": "Uppföljningsmöte", "date": "2024-09", "as_given": None}]
    events = built.events("kultur-och-fritidsnamnden")
    assert not any("utvärderas" in str(e.get("summary", "")) for e in events.values())
    assert record(built)["status"]["value"] == "Gäller"


def test_a_deadline_states_when(tmp_path: Path) -> None:
    tree = edited(TREE, AGREEMENT, "{what: Uppföljningsmöte, date: 2024-09}", "{what: Uppföljningsmöte}")
    (problem,) = problems(tmp_path, tree, BUILD_DATE)
    assert "deadlines" in problem and "as_given" in problem


# -- 3. the end a proposal to extend asks for -----------------------------------------------------------------------

def test_a_proposed_end_is_the_proposals_and_not_the_agreements(built: BuiltSite) -> None:
    assert built.steps(PAGE) == [
        "Förslag till kommunstyrelsen att förlänga till 31 december 2026: Kultur- och fritidsnämnden 2 april 2025, "
        "§ 12",
        "Förslag till kommunstyrelsen att förlänga till juni 2027: Kultur- och fritidsnämnden 14 maj 2025, § 40: "
        "Förslag att förlänga partnerskapet om fritidsverksamhet"]
    facts = built.fact_box(PAGE)
    assert words(facts["Period"]) == "1 januari 2023 – 31 december 2025"
    assert words(facts["Status"]) == "Gäller"
    found = record(built)
    assert found["term"]["end"] == "2025-12-31"
    assert [(s["end"], s["proposed_end"]) for s in found["steps"]] == [(None, "2026-12-31"), (None, "2027-06")]
    row = csv_by(built, "data/overenskommelser.csv", "Id")["fritid-2023-2025"]
    assert "2025-04-02 Kultur- och fritidsnämnden: Förslag till kommunstyrelsen att förlänga till 31 december 2026" in (
        row["Beslutsgång"])
    assert row["Till"] == "2025-12-31"


def test_a_proposed_end_on_the_meeting_page(built: BuiltSite) -> None:
    assert "Föreslår kommunstyrelsen att förlänga till juni 2027: Idéburet offentligt partnerskap" in built.text(
        "sammantraden/2025-05-14-kultur-och-fritidsnamnden/")


def test_a_proposed_end_in_oparl_is_never_an_end(built: BuiltSite) -> None:
    found = paper(built)
    (cited,) = [v for k, v in found.items() if k.endswith("citedSteps")][0]
    assert cited["proposedEnd"] == "2026-12-31" and "end" not in cited
    consultations = [c for c in found["consultation"] if c["role"] == "Föreslår" and "meeting" in c]
    assert [c.get("namndbeslut:proposedEnd") for c in consultations] == ["2027-06"]
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            assert list(validator(obj["type"].rsplit("/", 1)[-1]).iter_errors(obj)) == [], path.name


def test_an_end_with_a_proposal_of_something_else_is_refused(tmp_path: Path) -> None:
    tree = edited(TREE, MEETING, "proposes: förlänger, end: 2027-06", "proposes: ändrar, end: 2027-06")
    (problem,) = problems(tmp_path, tree, BUILD_DATE)
    assert "end" in problem and "proposes: förlänger" in problem
