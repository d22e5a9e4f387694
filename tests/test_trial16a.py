"""What new editors entering real pages of Motala and Enköping could not record (trial 16): who did not take part in
a matter's handling and why; a unanimous or divided decision in the source's words; the last day to appeal the
minutes and where their notice was posted; when a later decision is expected in the source's words; a decision on
an agreement that a mention does not say the content of, and that decision cited twice. Builds
tests/cases/trial16a.yaml with the real engine and reads the pages, data/arenden.json and .csv, the agreement's
data and OParl; what cannot be is refused in Swedish, naming file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, data, matters, one, oparl_object, words
from support.site import matter_cells as cells

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "trial16a.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2021-06-01"
KF_FILE = "decisions/2018-02-19-kommunfullmaktige.md"
KF = "sammantraden/2018-02-19-kommunfullmaktige/"
SN_FILE = "decisions/2018-03-06-socialnamnden.md"
SN = "sammantraden/2018-03-06-socialnamnden/"
KS_FILE = "decisions/2021-05-10-kommunstyrelsen.md"
KS = "sammantraden/2021-05-10-kommunstyrelsen/"
INTENT_FILE = "agreements/avsiktsforklaring-ideburen-sektor.md"
INTENT = "overenskommelser/avsiktsforklaring-ideburen-sektor/"
INTENT_TITLE = "Avsiktsförklaring om samverkan med idéburen sektor"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "trial16a", TREE, BUILD_DATE)



def test_oparl_with_the_new_fields_is_valid(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []


# -- 1. who did not take part, in what and why ---------------------------------------------------------------------


def test_who_did_not_take_part_in_the_handling_is_never_said_to_have_left_only_the_decision(built: BuiltSite) -> None:
    facts = built.matter_facts(KF, "kf-2018-jav")
    assert [x for x in facts if x.startswith("Deltog")] == [
        "Deltog inte i ärendets handläggning: Anna Andersson (S) (anmäler jäv)",
        "Deltog inte i ärendets handläggning: Bertil Berg (M) (anmäler jäv)"]
    assert "Deltog inte i beslutet: Vänsterpartiet" in built.matter_facts(KF, "kf-2018-votering")
    assert matters(built)["kf-2018-jav"]["not_participating"][0] == {
        "by": "Anna Andersson (S)", "reason": "anmäler jäv", "scope": "handläggningen"}
    assert matters(built)["kf-2018-votering"]["not_participating"] == ["Vänsterpartiet"], "a plain entry as before"
    row = cells(built)["kf-2018-jav"]
    assert row["Deltog inte i beslutet"] == ""
    assert row["Deltog inte i ärendets handläggning"] == (
        "Anna Andersson (S) (anmäler jäv) ; Bertil Berg (M) (anmäler jäv)")
    assert cells(built)["kf-2018-votering"]["Deltog inte i beslutet"] == "Vänsterpartiet"
    assert oparl_object(built, "agenda-item", "kf-2018-jav")["namndbeslut:notParticipating"][1] == {
        "by": "Bertil Berg (M)", "reason": "anmäler jäv", "scope": "handläggningen"}


# -- 2. a unanimous or a divided decision ----------------------------------------------------------------------


def test_a_unanimous_or_divided_decision_is_shown_as_the_source_says_it_never_worked_out(built: BuiltSite) -> None:
    assert "Enhälligt beslut (enligt källan: Kommunfullmäktige beslutar enhälligt)" in built.matter_facts(
        KF, "kf-2018-enigt")
    assert "Beslutet var inte enhälligt (enligt källan: en oenig socialnämnd)" in built.matter_facts(
        SN, "sn-2018-boende")
    assert not any("enhällig" in x for x in built.matter_facts(KF, "kf-2018-votering")), "never from the vote"
    row = matters(built)["kf-2018-enigt"]
    assert (row["unanimous"], row["unanimous_as_given"]) == (True, "Kommunfullmäktige beslutar enhälligt")
    assert matters(built)["sn-2018-boende"]["unanimous"] is False
    assert "unanimous" not in matters(built)["kf-2018-votering"]
    assert (cells(built)["sn-2018-boende"]["Enhälligt"], cells(built)["sn-2018-boende"]["Enhälligt enligt källan"]) == (
        "nej", "en oenig socialnämnd")
    assert cells(built)["kf-2018-votering"]["Enhälligt"] == ""
    item = oparl_object(built, "agenda-item", "kf-2018-enigt")
    assert (item["namndbeslut:unanimous"], item["namndbeslut:unanimousAsGiven"]) == (
        True, "Kommunfullmäktige beslutar enhälligt")


# -- 3. the last day to appeal the minutes ----------------------------------------------------------------------


def test_the_last_day_to_appeal_is_shown_with_the_minutes_dates(built: BuiltSite) -> None:
    article = built.article(KF)
    assert words(one(article, "p.appeal-by")) == "Sista dag att överklaga: 13 mars 2018."
    paragraphs = [" ".join(p.get_attribute_list("class")) for p in article.select("p[class]")]
    assert paragraphs.index("appeal-by") == paragraphs.index("minutes-posted") + 1, "with the minutes' dates"
    assert built.article(SN).select("p.appeal-by") == []
    assert matters(built)["kf-2018-jav"]["meeting"]["appeal_by"] == "2018-03-13"
    assert "appeal_by" not in matters(built)["sn-2018-boende"]["meeting"]
    assert oparl_object(built, "meeting", "2018-02-19-kommunfullmaktige")["namndbeslut:appealBy"] == "2018-03-13"


# -- 4. where the minutes' notice was posted ---------------------------------------------------------------------


def test_where_the_minutes_notice_was_posted_is_shown_in_the_sources_words(built: BuiltSite) -> None:
    said = "Justeringen har anslagits på kommunens digitala anslagstavla"
    assert words(one(built.article(KF), "p.minutes-posted")) == (
        f"Anslag om protokollets justering: uppsatt 21 februari 2018, nedtaget anges inte; {said} (enligt källan).")
    assert words(one(built.article(SN), "p.minutes-posted")) == (
        "Anslag om protokollets justering: Protokollet anslås på kommunens anslagstavla (enligt källan)."), "no day"
    assert matters(built)["kf-2018-jav"]["meeting"]["minutes_posted_as_given"] == said
    assert matters(built)["kf-2018-jav"]["meeting"]["minutes_posted"] == "2018-02-21"
    assert "minutes_posted" not in matters(built)["sn-2018-boende"]["meeting"], "never a day from the words"
    assert oparl_object(built, "meeting", "2018-02-19-kommunfullmaktige")["namndbeslut:minutesPostedAsGiven"] == said
    assert "namndbeslut:minutesPosted" not in oparl_object(built, "meeting", "2018-03-06-socialnamnden")


# -- 5. when a later decision is expected ------------------------------------------------------------------------

AGAIN = "Ärendet ska tas upp igen på nämndmöte under hösten"
RANGE = "Beslut om investeringsramen fattas av kommunstyrelsen i juni"


def test_when_a_later_decision_is_expected_is_the_sources_words_beside_the_body_or_alone(built: BuiltSite) -> None:
    assert f"Beslut fattas senare: {AGAIN} (enligt källan)" in built.matter_facts(SN, "sn-2018-riktlinjer")
    assert f"Beslut fattas senare av Kommunstyrelsen (enligt källan: {RANGE})" in built.matter_facts(
        KF, "kf-2018-votering")
    row = matters(built)["sn-2018-riktlinjer"]
    assert row["decided_later_as_given"] == AGAIN and "decided_later_by" not in row, "no body made up"
    assert matters(built)["kf-2018-votering"]["decided_later_by"]["id"] == "kommunstyrelsen"
    assert cells(built)["sn-2018-riktlinjer"]["Beslut fattas senare enligt källan"] == AGAIN
    assert cells(built)["sn-2018-riktlinjer"]["Beslut fattas senare av"] == ""
    item = oparl_object(built, "agenda-item", "sn-2018-riktlinjer")
    assert item["namndbeslut:decidedLaterAsGiven"] == AGAIN and "namndbeslut:decidedLaterBy" not in item


# -- 6. a decision on an agreement whose content a mention does not state -----------------------------------------


def test_a_decision_a_mention_does_not_say_the_content_of_is_a_step_that_decides_nothing_stated(
        built: BuiltSite) -> None:
    assert f"Beslut (vad som beslutades anges inte): {INTENT_TITLE} – Idéburna sektorn i Enköping (period anges " \
           "inte)" in built.matter_facts(KS, "ks-2021-avsiktsforklaring")
    assert built.steps(INTENT) == ["Beslut (vad som beslutades anges inte): Kommunstyrelsen 10 maj 2021: Ny "
                                   "avsiktsförklaring med idéburen sektor"]
    assert "Andra ärenden" not in built.text(INTENT), "the decision once, as a step"
    facts = built.fact_box(INTENT)
    assert words(facts["Status"]) == "Period anges inte", "never adopted by it"
    assert "Undertecknad" not in facts and "Antagen" not in built.text(INTENT)
    record = data(built, "data/overenskommelser/avsiktsforklaring-ideburen-sektor.json")
    assert [(s["action"], s["outcome"]) for s in record["steps"]] == [
        ("anges inte", "Beslut (vad som beslutades anges inte)")]
    assert (record["signed"], record["status"]["value"]) == (None, "Period anges inte")
    (consultation,) = data(built, "oparl/paper/overenskommelse-avsiktsforklaring-ideburen-sektor.json")[
        "consultation"]
    assert (consultation["role"], consultation["authoritative"]) == ("Beslut (vad som beslutades anges inte)", False)


def test_a_matter_whose_kind_is_not_stated_may_leave_its_step_unstated(tmp_path: Path) -> None:
    tree = edited(TREE, KS_FILE, "known_from: omnämnande\n", "")
    assert problems(tmp_path, edited(tree, KS_FILE, "kind: beslut", "kind: anges inte"), BUILD_DATE) == []


CITED_TWICE = ("term: anges inte\ncited_steps:\n"
               "  - {decision: \"2021-05-10\", body: kommunstyrelsen, action: anges inte}\n")


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(KS_FILE, "known_from: omnämnande\n", "",
                 f"{KS_FILE}:10: matters.0.steps.0.action: 'action: anges inte' hör till ett citerat beslut "
                 "('cited_steps') eller till ett ärende vars källa inte säger vad som beslutades (ett sammanträde som "
                 "bara är känt från ett omnämnande, 'known_from: omnämnande', eller 'kind: anges inte'); ett "
                 "publicerat ärende säger annars vad det beslutade – skriv det, eller skriv överenskommelsen under "
                 "'agreements' om ärendet bara gäller den", id="unstated_step_of_a_protocols_decision"),
    pytest.param(INTENT_FILE, "term: anges inte\n", CITED_TWICE,
                 f"{INTENT_FILE}:8: cited_steps.0.decision: beslutet 2021-05-10 är publicerat: ärendet "
                 "'ks-2021-avsiktsforklaring' i decisions/2021-05-10-kommunstyrelsen.md; skriv steget där, under "
                 "'steps', och ta bort det här", id="cited_step_of_a_published_mention"),
    pytest.param(KF_FILE, "(S), reason: anmäler jäv, scope: handläggningen}", "(S), reason: anmäler jäv, scope: mötet}",
                 f"{KF_FILE}:14: matters.0.not_participating.0.scope: 'mötet' är inget av de värden som finns; välj "
                 "ett av 'beslutet' eller 'handläggningen'", id="not_taking_part_in_an_unknown_scope"),
    pytest.param(KF_FILE, "vote: {yes: 40, no: 9}", "vote: {yes: 40, no: 9}\n    unanimous: true",
                 f"{KF_FILE}:25: matters.2.unanimous: omröstningen har 9 nej-röster, så beslutet var inte enhälligt; "
                 "rätta 'vote' eller 'unanimous'", id="unanimous_beside_votes_against"),
    pytest.param(SN_FILE, "    unanimous: false\n", "",
                 f"{SN_FILE}:10: matters.0.unanimous_as_given: 'unanimous_as_given' är källans ord för om beslutet var "
                 "enhälligt; skriv också 'unanimous: true' (enhälligt) eller 'unanimous: false' (inte enhälligt)",
                 id="unanimous_in_words_alone"),
    pytest.param(SN_FILE, "    kind: bordlagt\n", "    kind: bordlagt\n    unanimous: true\n",
                 f"{SN_FILE}:14: matters.1.unanimous: 'unanimous' hör bara till ett beslut, men 'kind: bordlagt' är "
                 "inget beslut; ta bort 'unanimous' eller ändra 'kind'", id="unanimous_without_a_decision"),
    pytest.param(KF_FILE, "appeal_by: 2018-03-13", "appeal_by: 2018-02-20",
                 f"{KF_FILE}:7: appeal_by: sista dagen att överklaga (2018-02-20) ligger före dagen då anslaget "
                 "sattes upp (2018-02-21); rätta 'appeal_by' eller 'minutes_posted'", id="appeal_before_the_notice"),
    pytest.param(KF_FILE, "minutes_checked: 2018-02-21\nminutes_posted: 2018-02-21\nappeal_by: 2018-03-13",
                 "appeal_by: 2018-02-13",
                 f"{KF_FILE}:5: appeal_by: sista dagen att överklaga är efter sammanträdet, men 2018-02-13 är före "
                 "2018-02-19; skriv dagen då tiden att överklaga går ut", id="appeal_before_the_meeting"),
    pytest.param(KF_FILE, "minutes_checked: 2018-02-21\nminutes_posted: 2018-02-21\n", "known_from: kallelse\n",
                 f"{KF_FILE}:6: appeal_by: 'known_from: kallelse' säger att källan är kallelsen, som inte anger något "
                 "protokoll; ta bort 'appeal_by' eller 'known_from'", id="appeal_on_an_agenda"),
    pytest.param(SN_FILE, "title: Socialnämnden 6 mars 2018\n",
                 "title: Socialnämnden 6 mars 2018\nknown_from: kallelse\n",
                 f"{SN_FILE}:6: minutes_posted_as_given: 'known_from: kallelse' säger att källan är kallelsen, som "
                 "inte anger något protokoll; ta bort 'minutes_posted_as_given' eller 'known_from'",
                 id="posted_in_words_on_an_agenda"),
    pytest.param(SN_FILE, f"decided_later_as_given: {AGAIN}", "decided_later_as_given: kommunfullmäktige",
                 f"{SN_FILE}:15: matters.1.decided_later_as_given: 'kommunfullmäktige' är organet Kommunfullmäktige; "
                 "skriv 'decided_later_by: kommunfullmaktige', och källans ord om när eller var beslutet fattas i "
                 "'decided_later_as_given' (eller ta bort det)", id="later_in_words_that_name_a_body"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]


def test_a_cited_step_of_the_same_day_and_another_body_stays_a_citation(tmp_path: Path) -> None:
    cited = CITED_TWICE.replace("kommunstyrelsen", "kommunfullmaktige")
    assert problems(tmp_path, edited(TREE, INTENT_FILE, "term: anges inte\n", cited), BUILD_DATE) == []
