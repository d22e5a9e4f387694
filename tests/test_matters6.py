"""Facts as the sources give them (issue 26, matters6): the reason for a reservation; a special statement; proposals
made at the meeting (yrkanden); a question and a debate in the council; a document a matter rests on that is not
published here; assignments in a proposal to another body; a cited decision whose year the source does not give.
Builds tests/cases/matters6.yaml with the real engine and reads the meeting pages, data/arenden.json and .csv and
OParl; what cannot be is refused in Swedish, naming file, line and field.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, matters, oparl_object
from support.site import matter_cells as cells

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "matters6.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2018-01-15"
KF_FILE = "decisions/2017-06-12-kommunfullmaktige.md"
KF = "sammantraden/2017-06-12-kommunfullmaktige/"
KS_FILE = "decisions/2017-05-22-kommunstyrelsen.md"
KS = "sammantraden/2017-05-22-kommunstyrelsen/"
REASON = "eftersom vård- och omsorgsnämnden inte är intresserade av att bygga något äldreboende"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "matters6", TREE, BUILD_DATE)



# -- 1-2. a reservation's reason, a special statement -----------------------------------------------------------------


def test_a_reservations_reason_is_shown_beside_it_and_a_plain_one_as_before(built: BuiltSite) -> None:
    facts = built.matter_facts(KF, "kf-aldreboende")
    assert [x for x in facts if x.startswith("Reservation")] == [
        f"Reservation: Sollentunapartiet ({REASON})", "Reservation: S"]
    assert matters(built)["kf-aldreboende"]["reservations"] == [{"by": "Sollentunapartiet", "reason": REASON}, "S"]
    assert matters(built)["ks-lokaler"]["reservations"] == ["S"], "a plain entry keeps its shape"
    assert cells(built)["kf-aldreboende"]["Reservationer"] == f"Sollentunapartiet ({REASON}) ; S"
    assert oparl_object(built, "agenda-item", "kf-aldreboende")["namndbeslut:reservations"] == [
        {"by": "Sollentunapartiet", "reason": REASON}, "S"]


def test_a_special_statement_is_listed_by_the_reservations_rule(built: BuiltSite) -> None:
    facts = built.matter_facts(KF, "kf-aldreboende")
    assert facts[facts.index("Reservation: S") + 1] == "Särskilt yttrande: Moderaterna"
    assert matters(built)["kf-aldreboende"]["statements"] == ["Moderaterna"]
    assert "statements" not in matters(built)["kf-budget"]
    assert cells(built)["kf-aldreboende"]["Särskilda yttranden"] == "Moderaterna"
    columns = list(cells(built)["kf-aldreboende"])
    assert columns[columns.index("Särskilda yttranden") - 1] == "Plus enligt källan", "after the earlier columns"
    assert oparl_object(built, "agenda-item", "kf-aldreboende")["namndbeslut:statements"] == ["Moderaterna"]


# -- 3. proposals made at the meeting --------------------------------------------------------------------------------


def test_proposals_made_at_the_meeting_are_listed_never_as_the_decision(built: BuiltSite) -> None:
    facts = built.matter_facts(KF, "kf-budget")
    assert [x for x in facts if x.startswith("Yrkande")] == [
        "Yrkande: majoriteten M, L och KD: förslag till budget", "Yrkande: Socialdemokraterna: förslag till budget",
        "Yrkande: Anna Andersson (S): bifall till motionen", "Yrkande: Vänsterpartiet"]
    assert "Ärendetyp: Beslut" in facts
    row = matters(built)["kf-budget"]
    assert row["proposals_made"][2] == {"by": "Anna Andersson (S)", "what": "bifall till motionen"}
    assert row["proposals_made"][3] == {"by": "Vänsterpartiet"}
    item = oparl_object(built, "agenda-item", "kf-budget")
    assert item["namndbeslut:proposalsMade"][0] == {"by": "majoriteten M, L och KD", "what": "förslag till budget"}
    assert item["result"] == "Beslut"


# -- 4. a question and a debate --------------------------------------------------------------------------------------


def test_a_question_and_a_debate_are_no_decisions(built: BuiltSite) -> None:
    assert "Ärendetyp: Fråga (inget beslut)" in built.matter_facts(KF, "kf-fraga")
    assert "Ärendetyp: Debatt (inget beslut)" in built.matter_facts(KF, "kf-debatt")
    assert matters(built)["kf-fraga"]["kind"] == {"value": "fråga", "label": "Fråga (inget beslut)"}
    assert matters(built)["kf-debatt"]["kind"] == {"value": "debatt", "label": "Debatt (inget beslut)"}
    assert oparl_object(built, "agenda-item", "kf-debatt")["result"] == "Debatt (inget beslut)"


# -- 5. a document the matter rests on -------------------------------------------------------------------------------


def test_a_document_the_matter_rests_on_is_named_as_the_source_names_it(built: BuiltSite) -> None:
    label = "tjänsteutlåtande 29 maj 2017 från kommunledningskontoret"
    assert f"Underlag: {label}" in built.matter_facts(KF, "kf-aldreboende")
    assert matters(built)["kf-aldreboende"]["documents"] == [
        {"title": "tjänsteutlåtande", "date": "2017-05-29", "by": "kommunledningskontoret", "label": label}]
    assert oparl_object(built, "agenda-item", "kf-aldreboende")["namndbeslut:documents"] == [
        {"title": "tjänsteutlåtande", "date": "2017-05-29", "by": "kommunledningskontoret"}]
    assert "documents" not in matters(built)["kf-budget"]


# -- 6. assignments in a proposal ------------------------------------------------------------------------------------


def test_assignments_in_a_proposal_are_only_proposed(built: BuiltSite) -> None:
    proposed = "Föreslaget uppdrag till omsorgsnämnden: ta fram ett förslag till hyresmodell"
    assert proposed in built.matter_facts(KS, "ks-hyresmodell")
    assert "Uppdrag till IT: göra en rapport" in built.matter_facts(KS, "ks-lokaler")
    task = matters(built)["ks-hyresmodell"]["assignments"][0]
    assert task["proposed"] is True and task["label"] == proposed
    assert "proposed" not in matters(built)["ks-lokaler"]["assignments"][0]
    assert oparl_object(built, "agenda-item", "ks-hyresmodell")["namndbeslut:assignments"][0]["proposed"] is True
    assert "proposed" not in oparl_object(built, "agenda-item", "ks-lokaler")["namndbeslut:assignments"][0]


# -- 7. a cited decision whose year is lost --------------------------------------------------------------------------


def test_a_cited_decision_without_its_year_is_shown_as_given_and_never_linked(built: BuiltSite) -> None:
    facts = built.matter_facts(KF, "kf-plan")
    assert "Hänvisar till beslut: Stadsbyggnadsnämnden, 26 februari (året anges inte)" in facts
    cited = matters(built)["kf-plan"]["cited_decisions"][0]
    assert cited["date"] is None and cited["date_as_given"] == "26 februari" and cited["published"] is False
    assert cited["committee"] == "stadsbyggnadsnamnden" and "url" not in cited
    shown = oparl_object(built, "agenda-item", "kf-plan")["namndbeslut:citedDecisions"][0]
    assert shown["dateAsGiven"] == "26 februari" and "date" not in shown and "agendaItem" not in shown


def test_a_report_cites_a_decision_without_its_year_by_the_same_rule(built: BuiltSite) -> None:
    assert "Stadsbyggnadsnämnden, 26 februari (året anges inte)" in built.text("tjansteskrivelser/ks-2017-12/")


def test_oparl_with_the_new_fields_is_valid(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []


# -- refused ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(KF_FILE, "{by: Vänsterpartiet}", "{what: bifall till motionen}",
                 f"{KF_FILE}:23: matters.1.proposals_made.3.by: fältet saknas men krävs", id="proposal_without_by"),
    pytest.param(KF_FILE, "by: Sollentunapartiet\n        reason:", "reason:",
                 f"{KF_FILE}:10: matters.0.reservations.0.by: fältet saknas men krävs", id="reason_without_by"),
    pytest.param(KF_FILE, "{title: tjänsteutlåtande, date: 2017-05-29", "{date: 2017-05-29",
                 f"{KF_FILE}:15: matters.0.documents.0.title: fältet saknas men krävs", id="document_without_title"),
    pytest.param(KF_FILE, "{decision: anges inte, date_as_given: 26 februari",
                 "{decision: 2017-02-26, date_as_given: 26 februari",
                 f"{KF_FILE}:32: matters.4.cited_decisions.0.date_as_given: beslutet har ett datum (2017-02-26); ta "
                 "bort 'date_as_given' (den skrivs bara med 'decision: anges inte')", id="year_lost_beside_a_date"),
    pytest.param(KF_FILE, "date_as_given: 26 februari", "date_as_given: 26 februari 2017",
                 f"{KF_FILE}:32: matters.4.cited_decisions.0.date_as_given: '26 februari 2017' anger ett år; skriv "
                 "datumet i 'decision', t.ex. '2017-02' eller '2017', och ta bort 'date_as_given'",
                 id="year_lost_with_a_year"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]
