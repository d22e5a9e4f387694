"""What municipal pages (Örebro, Umeå, Malmö, Lund) state about agreements and their decisions, recorded as they state
it: an adoption on a condition, a proposal that says what it proposes (to terminate), a decision named by its body
alone, several public bodies as parties, and a status a source states on its own date.

Builds tests/cases/steps2.yaml with the real engine and reads the agreement and meeting pages, the bodies' pages, the
JSON, the CSV and OParl; and loads it wrongly written, for the Swedish messages.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from namndbeslut import loader
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, edited, problems, write_tree
from support.site import BuiltSite, built_tree, csv_by, data, one, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "steps2.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-09-01"
INTENT = "overenskommelser/bostader-avsiktsforklaring/"
KAFE = "overenskommelser/kafe-2022-2025/"
MOTTAGNING = "overenskommelser/mottagning-2023-2025/"
SAMVERKAN = "overenskommelser/samverkan-2024-2026/"
LIST = "overenskommelser/studieforbundet/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "steps2", TREE, BUILD_DATE)


def meeting_facts(site: BuiltSite, url: str) -> list[str]:
    return [words(li) for li in site.article(url).select(".matter-facts li")]


def agreement_rows(site: BuiltSite) -> dict[str, dict[str, str]]:
    return csv_by(site, "data/overenskommelser.csv", "Id")


# -- 1. a conditional step ------------------------------------------------------------------------------------------

def test_a_conditional_adoption_is_shown_with_its_condition_and_not_said_to_be_in_force(built: BuiltSite) -> None:
    assert built.steps(INTENT) == [
        "Antagen, under förutsättning att kommunfullmäktige beslutar om finansiering: Kommunstyrelsen 12 juni 2024, "
        "§ 5: Avsiktsförklaring om bostäder"]
    assert built.facts(INTENT)["Status"] == "Antagen under villkor, uppfyllt anges inte"
    assert ("Antar: Avsiktsförklaring om bostäder – Föreningen Gemenskap (2024–2026), under förutsättning att "
            "kommunfullmäktige beslutar om finansiering"
            in meeting_facts(built, "sammantraden/2024-06-12-kommunstyrelsen/"))
    record = data(built, "data/overenskommelser/bostader-avsiktsforklaring.json")
    assert record["status"]["value"] == "Antagen under villkor, uppfyllt anges inte"
    assert record["steps"][0]["condition"] == "under förutsättning att kommunfullmäktige beslutar om finansiering"
    assert agreement_rows(built)["bostader-avsiktsforklaring"]["Beslutsgång"] == (
        "2024-06-12 Kommunstyrelsen: Antagen, under förutsättning att kommunfullmäktige beslutar om finansiering")
    (consultation,) = data(built, "oparl/paper/overenskommelse-bostader-avsiktsforklaring.json")["consultation"]
    assert consultation["namndbeslut:condition"] == (
        "under förutsättning att kommunfullmäktige beslutar om finansiering")
    assert consultation["role"] == "Antar" and consultation["authoritative"] is True


def test_a_conditional_adoption_whose_term_has_passed_has_ended(built: BuiltSite) -> None:
    """Ended is true whether or not the condition was met; in force would not be."""
    lokal = "overenskommelser/lokal-2020-2021/"
    assert built.facts(lokal)["Status"] == "Har upphört"
    assert built.steps(lokal) == [
        "Antagen, under förutsättning att lokalen byggs om: Socialnämnden 11 december 2019, § 150"]
    paper = data(built, "oparl/paper/overenskommelse-lokal-2020-2021.json")
    assert paper["namndbeslut:citedSteps"] == [{
        "action": "antar", "date": "2019-12-11", "paragraphs": [150],
        "organization": paper["underDirectionOf"][0], "condition": "under förutsättning att lokalen byggs om"}]


# -- 2. what a proposal proposes ------------------------------------------------------------------------------------

def test_a_proposal_to_terminate_says_so_and_leaves_the_status_by_the_term(built: BuiltSite) -> None:
    assert built.steps(KAFE) == [
        "Förslag till kommunstyrelsen att säga upp: Socialnämnden 15 maj 2024, § 61: "
        "Överenskommelsen om kaféet föreslås sägas upp"]
    assert built.facts(KAFE)["Status"] == "Gäller", "a proposal to terminate is no proposal of the agreement"
    assert "Föreslår kommunstyrelsen att säga upp: Överenskommelse om kafé – Föreningen Gemenskap (2022–2025)" in (
        meeting_facts(built, "sammantraden/2024-05-15-socialnamnden/"))
    step = data(built, "data/overenskommelser/kafe-2022-2025.json")["steps"][0]
    assert (step["action"], step["proposes"], step["to"]["id"]) == ("föreslår", "säger upp", "kommunstyrelsen")
    assert agreement_rows(built)["kafe-2022-2025"]["Status"] == "Gäller"
    (consultation,) = data(built, "oparl/paper/overenskommelse-kafe-2022-2025.json")["consultation"]
    assert (consultation["role"], consultation["authoritative"], consultation["namndbeslut:proposes"]) == (
        "Föreslår", False, "säger upp")


# -- 3. a decision named by its body alone ---------------------------------------------------------------------------

def test_a_decision_named_by_its_body_alone_stands_apart_from_the_dated_steps(built: BuiltSite) -> None:
    assert built.steps(MOTTAGNING) == ["Ändrad: Socialnämnden mars 2024, § 12"]
    assert built.undated_steps(MOTTAGNING) == ["Antagen: Kommunstyrelsen, datum anges inte"]
    assert built.facts(MOTTAGNING)["Beslutat"] == "Kommunstyrelsen, datum anges inte"
    assert built.facts(MOTTAGNING)["Status"] == "Gäller"
    record = data(built, "data/overenskommelser/mottagning-2023-2025.json")
    adoption = record["steps"][1]
    assert (adoption["action"], adoption["date"], adoption["body"]["id"]) == ("antar", None, "kommunstyrelsen")
    assert adoption["decision"] == {"role": "antar", "date": None, "paragraphs": [], "committee": "kommunstyrelsen",
                                    "published": False}
    assert adoption["in_order"] is False
    row = agreement_rows(built)["mottagning-2023-2025"]
    assert row["Beslutsgång"] == (
        "2024-03 Socialnämnden: Ändrad | Steg utan datum i källan: Kommunstyrelsen, datum anges inte: Antagen")
    assert row["Beslut"] == "Kommunstyrelsen, datum anges inte"
    paper = data(built, "oparl/paper/overenskommelse-mottagning-2023-2025.json")
    assert "date" not in paper and "namndbeslut:date" not in paper, "no date where the source gives none"
    cited = paper["namndbeslut:citedSteps"]
    assert [(c["action"], c.get("date"), c["organization"].rsplit("/", 1)[1]) for c in cited] == [
        ("ändrar", "2024-03", "namnd-socialnamnden.json"), ("antar", None, "namnd-kommunstyrelsen.json")]


# -- 4. several public bodies as parties -----------------------------------------------------------------------------

def test_an_agreement_of_two_bodies_is_listed_by_both(built: BuiltSite) -> None:
    assert built.facts(SAMVERKAN)["Nämnder och styrelser"] == "Kommunstyrelsen Socialnämnden"
    assert {"namnder/kommunstyrelsen/", "namnder/socialnamnden/"} <= set(built.links(SAMVERKAN))
    for body in ("namnder/kommunstyrelsen/", "namnder/socialnamnden/"):
        assert SAMVERKAN in built.links(body), body
    organ = [words(x) for x in built.soup(SAMVERKAN).select('[data-pagefind-filter="Organ"]')]
    assert organ == ["Kommunstyrelsen", "Socialnämnden"], "found by the search's filter of either body"
    record = data(built, "data/overenskommelser/samverkan-2024-2026.json")
    assert [c["id"] for c in record["committees"]] == ["kommunstyrelsen", "socialnamnden"]
    assert record["committee"] is None, "no one of them is made the responsible body"
    assert agreement_rows(built)["samverkan-2024-2026"]["Nämnd"] == "Kommunstyrelsen och Socialnämnden"
    assert agreement_rows(built)["kafe-2022-2025"]["Nämnd"] == "Socialnämnden"
    paper = data(built, "oparl/paper/overenskommelse-samverkan-2024-2026.json")
    assert [u.rsplit("/", 1)[1] for u in paper["underDirectionOf"]][:2] == [
        "namnd-kommunstyrelsen.json", "namnd-socialnamnden.json"]


# -- 5. a status the source states on its own date -------------------------------------------------------------------

def test_a_stated_status_is_shown_as_the_sources_on_its_date(built: BuiltSite) -> None:
    status = built.fact_box(LIST)["Status"]
    assert " ".join(status.get_text().split()) == "Period anges inte; Pågående enligt källan (maj 2023)"
    assert words(one(status, ".status")) == "Period anges inte", "the site's status, beside the source's"
    record = data(built, "data/overenskommelser/studieforbundet.json")
    assert record["status"]["value"] == "Period anges inte", "the stated status is never carried past its date"
    assert record["stated_status"] == {"value": "pågående", "on": "2023-05"}
    assert data(built, "oparl/paper/overenskommelse-studieforbundet.json")["namndbeslut:statedStatus"] == {
        "value": "pågående", "on": "2023-05"}
    assert data(built, "data/overenskommelser/kafe-2022-2025.json")["stated_status"] is None


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], Path(path).name


# -- wrongly written ------------------------------------------------------------------------------------------------

MOTT = "agreements/mottagning-2023-2025.md"
SAMV = "agreements/samverkan-2024-2026.md"
MAY = "decisions/2024-05-15-socialnamnden.md"


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    (MOTT, "{action: antar, decision: anges inte, body: kommunstyrelsen}", "{action: antar, decision: anges inte}",
     f"{MOTT}:8: cited_steps.0.decision: ett citerat beslut behöver ett datum eller ett organ"),
    (MAY, "action: föreslår, to: kommunstyrelsen, proposes: säger upp", "action: ändrar, proposes: säger upp",
     f"{MAY}:10: matters.0.steps.0.proposes: 'proposes' anger vad ett förslag gäller och hör bara till"),
    (MAY, "proposes: säger upp", "proposes: föreslår",
     f"{MAY}:10: matters.0.steps.0.proposes: ett förslag föreslår inte ett förslag"),
    (SAMV, "committees: [kommunstyrelsen, socialnamnden]", "committee: socialnamnden\ncommittees: [kommunstyrelsen]",
     f"{SAMV}:6: committees: ange nämnden antingen med 'committee: <id>' eller flera med 'committees: [<id>, …]'"),
    (SAMV, "committees: [kommunstyrelsen, socialnamnden]", "committees: [kommunstyrelsen, kommunstyrelsen]",
     f"{SAMV}:5: committees: samma nämnd står flera gånger under 'committees'"),
    (SAMV, "committees: [kommunstyrelsen, socialnamnden]", "committees: [kommunstyrelsen, socialnamden]",
     f"{SAMV}:5: committees.1: det finns ingen nämnd med id 'socialnamden'"),
    ("agreements/studieforbundet.md", "date: 2023-05}", "date: 23-05}",
     "agreements/studieforbundet.md:8: stated_status.date: '23-05' ska vara ett datum"),
])
def test_written_wrongly_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    found = problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE)
    assert any(p.startswith(expected) for p in found), "\n".join(found)


def test_a_condition_holds_the_status_until_the_term_has_passed(tmp_path: Path) -> None:
    """Before the term, during it and with no term stated the status says only what is known; a termination without a
    last day still says 'Uppsagd'; a proposal that states no aim is still a proposal of the agreement."""
    tree = dict(TREE)
    intent = "agreements/bostader-avsiktsforklaring.md"
    tree[intent] = tree[intent].replace("term: {start: 2024-07-01, end: 2026-06-30}", "term: anges inte")
    tree[MAY] = tree[MAY].replace(", proposes: säger upp", "")
    write_tree(tmp_path, dict(tree))
    archive = loader.load(tmp_path, dt.date.fromisoformat(BUILD_DATE))
    day = dt.date.fromisoformat(BUILD_DATE)
    assert archive.status_of(archive.agreements["bostader-avsiktsforklaring"], day).value == (
        "Antagen under villkor, uppfyllt anges inte")
    lokal = archive.agreements["lokal-2020-2021"]
    assert archive.status_of(lokal, dt.date(2019, 12, 31)).value == "Antagen under villkor, uppfyllt anges inte"
    assert archive.status_of(lokal, dt.date(2021, 6, 1)).value == "Antagen under villkor, uppfyllt anges inte"
    assert archive.status_of(lokal, dt.date(2022, 1, 1)).value == "Har upphört"
    assert archive.status_of(archive.agreements["kafe-2022-2025"], day).value == (
        "Föreslagen, senare beslut anges inte"), "without `proposes` a proposal is what it was"
    (step,) = archive.steps_of(archive.agreements["kafe-2022-2025"])
    assert (step.label, step.outcome) == ("Föreslår", "Förslag till kommunstyrelsen")


def test_a_proposal_whose_body_is_not_named_says_so(tmp_path: Path) -> None:
    tree = dict(TREE)
    tree[MAY] = tree[MAY].replace("to: kommunstyrelsen, proposes: säger upp", "proposes: förlänger")
    write_tree(tmp_path, dict(tree))
    archive = loader.load(tmp_path, dt.date.fromisoformat(BUILD_DATE))
    (step,) = archive.steps_of(archive.agreements["kafe-2022-2025"])
    assert (step.label, step.detail, step.outcome) == (
        "Föreslår att förlänga", "till vilket organ anges inte", "Förslag att förlänga (till vilket organ anges inte)")
