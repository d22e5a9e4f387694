"""What new editors re-entering real pages found (the steps' fourth round), recorded as the pages state it: steps
whose decisions the source does not date, shown apart from the ordered ones; a status stated on an undated page; a
report citing a decision by name without a date; a proposal that another body be authorised to approve an agreement;
agreements listed by the date of the decision that adopted them.

Builds tests/cases/steps4.yaml with the real engine and reads the agreement, report and list pages, the JSON, the
CSV and OParl; and loads it wrongly written, for the Swedish messages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, csv_by, data, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "steps4.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-09-15"
TRYGGHET = "overenskommelser/trygghet-2024-2026/"
HELA = "overenskommelser/hela-manniskan/"
EXPLOATERING = "overenskommelser/exploatering-avtal/"
REPORT = "tjansteskrivelser/ks-2024-0100/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "steps4", TREE, BUILD_DATE)


def agreement_rows(site: BuiltSite) -> dict[str, dict[str, str]]:
    return csv_by(site, "data/overenskommelser.csv", "Id")


# -- 1. undated steps stand apart ------------------------------------------------------------------------------------

def test_steps_without_a_date_are_shown_apart_in_no_order(built: BuiltSite) -> None:
    assert built.steps(TRYGGHET) == ["Antagen: Kommunstyrelsen 29 maj 2024, § 88"]
    assert built.undated_steps(TRYGGHET) == [
        "Förslag till kommunstyrelsen: Socialnämnden, datum anges inte",
        "Förslag från Stadsledningskontoret till kommunstyrelsen: datum anges inte"]
    record = data(built, "data/overenskommelser/trygghet-2024-2026.json")
    assert [(s["action"], s["in_order"]) for s in record["steps"]] == [
        ("antar", True), ("föreslår", False), ("föreslår", False)]
    assert agreement_rows(built)["trygghet-2024-2026"]["Beslutsgång"] == (
        "2024-05-29 Kommunstyrelsen: Antagen | Steg utan datum i källan: "
        "Socialnämnden, datum anges inte: Förslag till kommunstyrelsen ; "
        "datum anges inte: Förslag från Stadsledningskontoret till kommunstyrelsen")
    cited = data(built, "oparl/paper/overenskommelse-trygghet-2024-2026.json")["namndbeslut:citedSteps"]
    assert [c.get("inOrder", True) for c in cited] == [True, False, False]


def test_dated_steps_alone_have_no_undated_section(built: BuiltSite) -> None:
    assert built.undated_steps(EXPLOATERING) == []
    assert "Steg utan datum i källan" not in built.text(EXPLOATERING)


# -- 2. a stated status without a date -------------------------------------------------------------------------------

def test_a_stated_status_without_a_date_says_so(built: BuiltSite) -> None:
    status = built.fact_box(HELA)["Status"]
    assert " ".join(status.get_text().split()) == (
        "Period anges inte; Har en överenskommelse enligt källan (datum anges inte)")
    record = data(built, "data/overenskommelser/hela-manniskan.json")
    assert record["stated_status"] == {"value": "har en överenskommelse", "on": None}
    assert record["status"]["value"] == "Period anges inte"
    paper = data(built, "oparl/paper/overenskommelse-hela-manniskan.json")
    assert paper["namndbeslut:statedStatus"] == {"value": "har en överenskommelse"}


def test_a_stated_status_may_leave_out_its_date(tmp_path: Path) -> None:
    tree = edited(TREE, "agreements/hela-manniskan.md", ", date: anges inte}", "}")
    assert problems(tmp_path, tree, BUILD_DATE) == []


# -- 3. a report citing a decision by name without a date ------------------------------------------------------------

def test_a_report_cites_a_decision_by_its_name_and_body(built: BuiltSite) -> None:
    facts = built.article(REPORT).select("section.fact-box dt")
    cited = [words(d) for t in facts if words(t) == "Hänvisar till beslut" and (d := t.find_next_sibling("dd"))]
    assert cited == ["Kommunstyrelsen, datum anges inte: trygghetspaketet", "Kommunstyrelsen maj 2024"]


# -- 4. a proposal to authorise another body to approve ---------------------------------------------------------------

def test_a_mandate_to_approve_is_its_own_step(built: BuiltSite) -> None:
    assert built.steps(EXPLOATERING) == [
        "Förslag från Stadsledningskontoret till kommunstyrelsen att ge uppdrag att godkänna: mars 2023",
        "Uppdrag att godkänna: Kommunstyrelsen 12 april 2023, § 44: Exploateringsavtal för kvarteret Exempel"]
    assert built.facts(EXPLOATERING)["Status"] == "Uppdrag att godkänna, godkännande anges inte"
    record = data(built, "data/overenskommelser/exploatering-avtal.json")
    assert [(s["action"], s["proposes"]) for s in record["steps"]] == [
        ("föreslår", "uppdrag att godkänna"), ("uppdrag att godkänna", None)]
    (consultation,) = data(built, "oparl/paper/overenskommelse-exploatering-avtal.json")["consultation"]
    assert (consultation["role"], consultation["authoritative"]) == ("Ger uppdrag att godkänna", True)


# -- 5. listed by the adopting decision's date -----------------------------------------------------------------------

def test_an_agreement_without_term_or_date_is_listed_by_its_adopting_decision(built: BuiltSite) -> None:
    for year, title in ((2016, "Överenskommelse om lokaler"), (2021, "Överenskommelse om stöd")):
        page = built.article(f"overenskommelser/{year}/")
        headings = [words(h) for h in page.select("h2")]
        assert f"Period anges inte, antagen {year}" in headings, headings
        assert title in words(page)
    undated = built.text("overenskommelser/")
    assert "Överenskommelse om lokaler" not in undated and "Överenskommelse om stöd" not in undated
    assert "Exploateringsavtal för kvarteret Exempel" in undated, "no adoption: still without period or date"


def test_a_cited_adoption_names_its_body_in_the_json(built: BuiltSite) -> None:
    record = data(built, "data/overenskommelser/stod-2021.json")
    assert record["decisions"][0]["committee"] == "socialnamnden"
    assert record["steps"][0]["decision"]["committee"] == "socialnamnden"
    lokaler = data(built, "data/overenskommelser/lokaler-2016.json")
    assert lokaler["decisions"][0]["committee"] == "kommunstyrelsen"


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], Path(path).name


# -- wrongly written ------------------------------------------------------------------------------------------------

REP = "reports/ks-2024-0100.md"


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    (REP, "{decision: anges inte, body: kommunstyrelsen, name: trygghetspaketet}",
     "{decision: '§ 68', name: trygghetspaketet}",
     f"{REP}:7: cited_decisions.0.decision: ett citerat beslut behöver ett datum eller ett organ"),
    (REP, "name: trygghetspaketet}", "name: ''}", f"{REP}:7: cited_decisions.0.name"),
    ("agreements/exploatering-avtal.md", "proposes: uppdrag att godkänna", "proposes: bemyndigar",
     "agreements/exploatering-avtal.md:7: cited_steps.0.proposes"),
])
def test_written_wrongly_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    found = problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE)
    assert any(p.startswith(expected) for p in found), "\n".join(found)
