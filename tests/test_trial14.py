"""The last trial editors' findings (issue 26, trial14): a matter's sum whose figures the source lost; a proposal
that goes on to two bodies; an earlier decision cited with neither date nor body; an applicant's sum and a cost
estimate; a body's statement on an agreement; a proposal's receiving body and a meeting's minutes days in
arenden.json/.csv; an agenda-like source that cannot say a matter was decided; an unknown field that belongs to
another level; the scaffolds' hints. Builds tests/cases/trial14.yaml with the real engine and reads the pages,
data/arenden.json and .csv, the agreement's data and OParl; what cannot be is refused in Swedish."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from namndbeslut import scaffold
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, data, matters, oparl_object, words
from support.site import matter_cells as cells

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "trial14.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2012-01-15"
KS_FILE = "decisions/2011-06-13-kommunstyrelsen.md"
KS = "sammantraden/2011-06-13-kommunstyrelsen/"
BUN_FILE = "decisions/2011-05-16-barn-och-utbildningsnamnden.md"
BUN = "sammantraden/2011-05-16-barn-och-utbildningsnamnden/"
RESERVE = "belopp anges inte för 2011–2013; finansieras ur: den tillväxtpolitiska reserven"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "trial14", TREE, BUILD_DATE)



# -- 1. a sum whose figures the source lost ----------------------------------------------------------------------


def test_a_sum_without_its_figure_is_shown_with_its_qualifiers_and_null_in_the_data(built: BuiltSite) -> None:
    assert f"Belopp: {RESERVE}" in built.matter_facts(KS, "ks-reserv")
    assert "Belopp: belopp anges inte" in built.matter_facts(KS, "ks-bidrag")
    row = matters(built)["ks-reserv"]
    assert (row["amount"], row["amount_stated"], row["amount_label"]) == (None, False, RESERVE)
    assert (row["from_year"], row["to_year"], row["financed_from"]) == (2011, 2013, "den tillväxtpolitiska reserven")
    assert (matters(built)["ks-bidrag"]["amount"], matters(built)["ks-bidrag"]["amount_stated"]) == (None, False)
    assert "amount_stated" not in matters(built)["ks-tennis"], "a stated sum's data as before"
    assert (cells(built)["ks-reserv"]["Belopp (kr)"], cells(built)["ks-reserv"]["Belopp enligt källan"]) == (
        "", RESERVE)
    shown = oparl_object(built, "agenda-item", "ks-reserv")["namndbeslut:amount"]
    assert (shown["value"], shown["amount_stated"]) == (None, False)


# -- 2. a proposal that goes on to two bodies --------------------------------------------------------------------


def test_a_proposal_names_the_next_body_and_then_the_one_that_decides_later(built: BuiltSite) -> None:
    facts = built.matter_facts(BUN, "bun-lokaler")
    assert facts[facts.index("Förslaget går till: Kommunstyrelsen") + 1] == (
        "Beslut fattas senare av Kommunfullmäktige (enligt källan)")
    assert matters(built)["bun-lokaler"]["decided_later_by"]["id"] == "kommunfullmaktige"


# -- 3. an earlier decision cited with neither date nor body ------------------------------------------------------


def test_a_decision_cited_without_date_or_body_says_both_are_not_stated(built: BuiltSite) -> None:
    label = "tidigare beslut (datum och organ anges inte): ett årsanslag på 33 000 kr"
    assert f"Hänvisar till beslut: {label}" in built.matter_facts(KS, "ks-anslag")
    assert f"Hänvisar till beslut {label}" in built.text("tjansteskrivelser/ks-2011-40/")
    assert matters(built)["ks-anslag"]["cited_decisions"] == [
        {"date": None, "paragraphs": [], "committee": None, "published": False, "name": "ett årsanslag på 33 000 kr"}]


# -- 4. an applicant's sum and a cost estimate --------------------------------------------------------------------


def test_an_applicants_sum_and_a_cost_estimate_are_labelled_by_their_nature(built: BuiltSite) -> None:
    assert "Belopp: sökt: 8 000 000 kr (enligt källan: 8 mnkr)" in built.matter_facts(KS, "ks-tennis")
    assert "Belopp: beräknat: 785 000 kr" in built.matter_facts(KS, "ks-kostnad")
    assert (matters(built)["ks-tennis"]["nature"], matters(built)["ks-kostnad"]["nature"]) == ("ansökt", "beräknat")
    assert cells(built)["ks-kostnad"]["Beloppets art"] == "beräknat"


# -- 5. a body's statement on an agreement --------------------------------------------------------------------------


def test_a_statement_on_an_agreement_is_a_step_that_changes_nothing(built: BuiltSite) -> None:
    assert "Yttrar sig om: Norrbus – Länstrafiken i Norrbotten (2012–2014)" in built.matter_facts(KS, "ks-norrbus")
    assert built.steps("overenskommelser/norrbus/")[0] == (
        "Yttrande (inget beslut om överenskommelsen): Kommunstyrelsen 13 juni 2011, § 105: Norrbus")
    facts = built.fact_box("overenskommelser/norrbus/")
    assert words(facts["Status"]) == "Gäller", "by its term, as without the step"
    assert "Undertecknad" not in facts and "Beslutat" not in facts
    record = data(built, "data/overenskommelser/norrbus.json")
    assert (record["term"]["end"], record["signed"]) == ("2014-12-31", None)
    (consultation,) = [c for c in data(built, "oparl/paper/overenskommelse-norrbus.json")["consultation"]
                       if c.get("agendaItem", "").endswith("/ks-norrbus.json")]
    assert (consultation["role"], consultation["authoritative"]) == ("Yttrar sig om", False)


# -- 6. a proposal whose content is no action --------------------------------------------------------------------

AS_GIVEN = "bör det anses orimligt att kommunen fullföljer avtalen"


def test_a_proposal_in_the_sources_words_is_shown_beside_the_step_and_adopts_nothing(built: BuiltSite) -> None:
    assert built.steps("overenskommelser/norrbus/")[1] == (
        f"Förslag till kommunfullmäktige (enligt källan: {AS_GIVEN}): Kommunstyrelsen 13 juni 2011, § 107: Avtalen")
    assert f"Föreslår (enligt källan: {AS_GIVEN}): Norrbus – Länstrafiken i Norrbotten (2012–2014) (till " \
           "kommunfullmäktige)" in built.matter_facts(KS, "ks-avtalen")
    step = data(built, "data/overenskommelser/norrbus.json")["steps"][1]
    assert (step["proposes"], step["as_given"]) == ("anges inte", AS_GIVEN)
    assert "as_given" not in data(built, "data/overenskommelser/norrbus.json")["steps"][0]
    assert words(built.fact_box("overenskommelser/norrbus/")["Status"]) == "Gäller", "never taken for an adoption"


# -- 7. a proposal's receiving body and a meeting's minutes days in arenden.json/.csv --------------------------------


def test_a_proposals_body_and_the_minutes_days_are_in_the_matters_data(built: BuiltSite) -> None:
    assert matters(built)["bun-lokaler"]["proposed_to"] == {"id": "kommunstyrelsen", "name": "Kommunstyrelsen"}
    assert "proposed_to" not in matters(built)["ks-bidrag"]
    assert cells(built)["bun-lokaler"]["Förslaget går till"] == "Kommunstyrelsen"
    columns = list(cells(built)["bun-lokaler"])
    assert columns.index("Förslaget går till") > columns.index("Särskilda yttranden"), "after the earlier columns"
    meeting = matters(built)["ks-bidrag"]["meeting"]
    assert (meeting["minutes_checked"], meeting["minutes_posted"], meeting["minutes_removed"]) == (
        "2011-06-20", "2011-06-21", "2011-07-13")
    assert "minutes_checked" not in matters(built)["bun-lokaler"]["meeting"]


def test_oparl_with_the_new_fields_is_valid(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []


# -- 10. the scaffolds' hints ----------------------------------------------------------------------------------------


def test_the_scaffolds_say_each_value_of_text_and_known_from() -> None:
    meeting = scaffold.MEETING.template
    assert "nyhet = en nyhet som räknar upp vad som ska behandlas" in meeting
    assert "omnämnande = källan nämner ett beslut" in meeting
    assert "skriv 'beskrivning' om texten nedan bara beskriver" in scaffold.AGREEMENT.template


# -- refused ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(BUN_FILE, "decided_later_by: kommunfullmaktige", "decided_later_by: kommunstyrelsen",
                 f"{BUN_FILE}:9: matters.0.decided_later_by: 'kommunstyrelsen' är redan 'to', organet som förslaget "
                 "går till; ta bort 'decided_later_by', eller skriv där ett annat organ som enligt källan beslutar "
                 "senare", id="the_same_body_twice"),
    pytest.param(KS_FILE, "{kronor: anges inte, from_year", "{kronor: anges inte, ceiling: true, from_year",
                 f"{KS_FILE}:12: matters.0.amount.ceiling: 'kronor: anges inte' har ingen siffra som 'ceiling' kan "
                 "gälla; ta bort 'ceiling', t.ex. {kronor: anges inte, from_year: 2011, to_year: 2013, financed_from: "
                 "den tillväxtpolitiska reserven}", id="a_ceiling_without_a_figure"),
    pytest.param(BUN_FILE, "date: 2011-05-16\n", "date: 2011-05-16\nknown_from: nyhet\n",
                 f"{BUN_FILE}:8: matters.0.kind: 'known_from: nyhet' säger att källan är nyheten, som inte anger vad "
                 "som beslutades, men 'kind: förslag' säger att organet beslutade; ta bort 'kind' (eller skriv "
                 "'kind_as_given' med källans ord), eller skriv 'known_from: omnämnande' om källan är en nyhet som "
                 "berättar om ett fattat beslut", id="a_decided_kind_in_a_news_item"),
    pytest.param(BUN_FILE, "to: kommunstyrelsen\n", "to: kommunstyrelsen\n    paragraph_prefix: BUN\n",
                 f"{BUN_FILE}:9: matters.0.paragraph_prefix: 'paragraph_prefix' hör till sammanträdet, inte till "
                 "ett ärende; flytta det dit", id="a_meeting_field_on_a_matter"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]


def test_a_proposal_of_unstated_content_needs_the_sources_words(tmp_path: Path) -> None:
    tree = edited(TREE, KS_FILE, f"proposes: anges inte,\n         as_given: {AS_GIVEN}}}", "proposes: anges inte}")
    assert problems(tmp_path, tree, BUILD_DATE) == [
        f"{KS_FILE}:40: matters.6.steps.0.proposes: 'proposes: anges inte' skrivs med källans ord för vad som "
        "föreslås i 'as_given' (t.ex. as_given: bör det anses orimligt att kommunen fullföljer avtalen); säger "
        "källan inte vad organet föreslås besluta, ta bort 'proposes' (ett förslag utan 'proposes' tas aldrig för "
        "ett antagande)"]


def test_a_funding_row_says_its_unstated_amount_as_before(tmp_path: Path) -> None:
    tree = {**TREE, "agreements/norrbus.md": TREE["agreements/norrbus.md"].replace(
        "term: {start: 2012-01-01, end: 2014-12-31}\n",
        "term: {start: 2012-01-01, end: 2014-12-31}\nfunding:\n  - {year: 2012, amount: {kronor: anges inte}}\n")}
    assert problems(tmp_path, tree, BUILD_DATE) == [
        "agreements/norrbus.md:7: funding.0.amount.kronor: en rad i 'funding' vars belopp källan inte anger skrivs "
        "'amount: anges inte', t.ex. {year: 2024, amount: anges inte}"]
