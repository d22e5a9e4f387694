"""Facts as the sources give them (issue 26, matters5): a later decision by another body; tasks a decision gives;
parties not taking part; the end of a decision's validity; a paragraph the source gives in words; an item removed
from the agenda; several case numbers on one item; a meeting's public access and the checking of its minutes in the
source's words; a selection in the matters' data. Builds tests/cases/matters5.yaml with the real engine and reads
the meeting pages, data/arenden.json and .csv and OParl; what cannot be is refused in Swedish, naming file, line
and field.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, csv_by, data, one, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "matters5.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2023-09-01"
KS_ID = "2018-11-05-kommunstyrelsen"
KS_FILE = f"decisions/{KS_ID}.md"
KS = f"sammantraden/{KS_ID}/"
KN_ID = "2011-05-16-kulturnamnden"
KN_FILE = f"decisions/{KN_ID}.md"
KN = f"sammantraden/{KN_ID}/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "matters5", TREE, BUILD_DATE)


def matters(site: BuiltSite) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in data(site, "data/arenden.json")}


def cells(site: BuiltSite) -> dict[str, dict[str, str]]:
    return csv_by(site, "data/arenden.csv", "Id")


def agenda_item(site: BuiltSite, matter: str) -> dict[str, Any]:
    found: dict[str, Any] = data(site, f"oparl/agenda-item/{matter}.json")
    return found


def oparl_meeting(site: BuiltSite, meeting_id: str) -> dict[str, Any]:
    found: dict[str, Any] = data(site, f"oparl/meeting/{meeting_id}.json")
    return found


# -- 1. a later decision by another body ----------------------------------------------------------------------------


def test_a_later_decision_by_another_body_is_the_sources_statement_never_a_step(built: BuiltSite) -> None:
    facts = built.matter_facts(KS, "ks-ramavtal")
    assert "Beslut fattas senare av Kommunfullmäktige (enligt källan)" in facts
    assert "Ärendetyp: Beslut" in facts and not any(x.startswith("Förslaget går till") for x in facts)
    later = matters(built)["ks-ramavtal"]["decided_later_by"]
    assert later["id"] == "kommunfullmaktige" and later["name"] == "Kommunfullmäktige"
    assert "decided_later_by" not in matters(built)["ks-it-rapport"]
    assert cells(built)["ks-ramavtal"]["Beslut fattas senare av"] == "Kommunfullmäktige"
    item = agenda_item(built, "ks-ramavtal")
    assert item["namndbeslut:decidedLaterBy"].endswith("/oparl/organization/namnd-kommunfullmaktige.json")
    assert "consultation" not in item


# -- 2. assignments --------------------------------------------------------------------------------------------------


def test_assignments_are_shown_and_published_in_the_sources_words(built: BuiltSite) -> None:
    facts = built.matter_facts(KS, "ks-it-rapport")
    assert [x for x in facts if x.startswith("Uppdrag")] == [
        "Uppdrag till IT: göra en rapport (inför våren 2019)",
        "Uppdrag till Samhällsbyggnad: ta fram förslag på nya lokaler (senast i juni 2019)"]
    first, second = matters(built)["ks-it-rapport"]["assignments"]
    assert first == {"to": "IT", "what": "göra en rapport", "by_as_given": "inför våren 2019",
                     "label": "Uppdrag till IT: göra en rapport (inför våren 2019)"}
    assert second["by"] == "2019-06" and "by_as_given" not in second
    assert agenda_item(built, "ks-it-rapport")["namndbeslut:assignments"][0] == {
        "to": "IT", "what": "göra en rapport", "byAsGiven": "inför våren 2019"}


# -- 3. parties not taking part --------------------------------------------------------------------------------------


def test_parties_not_taking_part_are_listed_as_reservations_are(built: BuiltSite) -> None:
    facts = built.matter_facts(KS, "ks-ramavtal")
    assert facts[facts.index("Reservation: S") + 1] == "Deltog inte i beslutet: Allianspartierna"
    assert one(built.article(KS), "li.not-participating") is not None
    assert matters(built)["ks-ramavtal"]["not_participating"] == ["Allianspartierna"]
    assert cells(built)["ks-ramavtal"]["Deltog inte i beslutet"] == "Allianspartierna"
    assert agenda_item(built, "ks-ramavtal")["namndbeslut:notParticipating"] == ["Allianspartierna"]
    assert "Deltog inte" not in built.text(KN)


# -- 4. the end of a decision's validity -----------------------------------------------------------------------------


def test_a_decisions_period_of_validity_is_one_label(built: BuiltSite) -> None:
    assert "Gäller 1 januari 2021 – 31 december 2021" in built.matter_facts(KS, "ks-avgifter")
    assert "Gäller från juli 2011" in built.matter_facts(KN, "kn-bidrag")
    row = matters(built)["ks-avgifter"]
    assert (row["effective"], row["effective_until"]) == ("2021-01-01", "2021-12-31")
    assert "effective_until" not in matters(built)["kn-bidrag"]
    assert cells(built)["ks-avgifter"]["Gäller till"] == "2021-12-31"
    assert agenda_item(built, "ks-avgifter")["namndbeslut:effectiveUntil"] == "2021-12-31"


def test_an_end_alone_says_until_when(tmp_path_factory: pytest.TempPathFactory) -> None:
    tree = edited(TREE, KS_FILE, "    effective: 2021-01-01\n", "")
    site = built_tree(tmp_path_factory, "matters5-until", tree, BUILD_DATE)
    assert "Gäller till och med 31 december 2021" in site.matter_facts(KS, "ks-avgifter")


# -- 5. a paragraph in the source's words ----------------------------------------------------------------------------


def test_a_paragraph_that_is_no_number_is_shown_as_the_meetings_are(built: BuiltSite) -> None:
    facts = built.matter_facts(KS, "ks-lasarstider")
    assert "Protokoll: 9 Läsårstider (enligt källan)" in facts
    row = matters(built)["ks-lasarstider"]
    assert row["paragraphs"] == [] and row["paragraph_label"] is None
    assert row["paragraphs_as_given"] == "9 Läsårstider"
    assert cells(built)["ks-lasarstider"]["Paragraf enligt källan"] == "9 Läsårstider"
    item = agenda_item(built, "ks-lasarstider")
    assert item["namndbeslut:paragraphsAsGiven"] == "9 Läsårstider" and "number" not in item


# -- 6. an item removed from the agenda ------------------------------------------------------------------------------


def test_an_item_removed_from_the_agenda_is_never_a_decision(built: BuiltSite) -> None:
    assert "Ärendetyp: Utgick (behandlades inte)" in built.matter_facts(KS, "ks-utgar")
    assert matters(built)["ks-utgar"]["kind"] == {"value": "utgår", "label": "Utgick (behandlades inte)"}
    assert agenda_item(built, "ks-utgar")["result"] == "Utgick (behandlades inte)"


# -- 7. several case numbers -----------------------------------------------------------------------------------------


def test_several_case_numbers_each_tie_the_item_to_its_case(built: BuiltSite) -> None:
    facts = built.matter_facts(KN, "kn-bidrag")
    assert "Diarienummer: KK11/120 ( tjänsteskrivelse 2 maj 2011 ), KK11/110, KK11/108" in facts
    row = matters(built)["kn-bidrag"]
    assert row["case_number"] is None and row["case_numbers"] == ["KK11/120", "KK11/110", "KK11/108"]
    assert matters(built)["kn-ett-nummer"]["case_number"] == "KK11/107"
    assert "case_numbers" not in matters(built)["kn-ett-nummer"]
    assert cells(built)["kn-bidrag"]["Diarienummer"] == "KK11/120 ; KK11/110 ; KK11/108"
    item = agenda_item(built, "kn-bidrag")
    assert item["namndbeslut:caseNumbers"] == ["KK11/120", "KK11/110", "KK11/108"]
    assert item["consultation"].endswith("tjansteskrivelse-kk11-120.json")
    report = built.article("tjansteskrivelser/kk11-120/")
    assert any(f"{KN_ID}/#kn-bidrag" in str(a.get("href")) for a in report.select("a")), "the case file names it"


# -- 8-9. public access and the checking of the minutes in the source's words ---------------------------------------


def test_a_meetings_public_access_in_its_words_never_sets_public(built: BuiltSite) -> None:
    said = words(one(built.article(KS), "p.public-as-given"))
    assert said == "Allmänheten: Enligt källan: Kommunen avråder medborgare att komma till åhörarläktaren"
    assert built.article(KS).select("p.public") == []
    obj = oparl_meeting(built, KS_ID)
    assert obj["namndbeslut:publicAsGiven"].startswith("Kommunen avråder")
    assert "namndbeslut:public" not in obj
    row = matters(built)["ks-ramavtal"]
    assert row["public"] is None and row["meeting"]["public_as_given"].startswith("Kommunen avråder")


def test_how_the_minutes_were_checked_is_shown_with_the_minutes_facts(built: BuiltSite) -> None:
    said = words(one(built.article(KS), "p.minutes-checked-as-given"))
    assert said == "Justering: Nya Rådhuset 8 november 2018, kl. 14:00 (enligt källan)"
    assert oparl_meeting(built, KS_ID)["namndbeslut:minutesCheckedAsGiven"] == "Nya Rådhuset 8 november 2018, kl. 14:00"
    assert matters(built)["ks-ramavtal"]["meeting"]["minutes_checked_as_given"].startswith("Nya Rådhuset")
    assert "Justering:" not in built.text(KN)


# -- 10. a selection in the matters' data ----------------------------------------------------------------------------


def test_the_matters_data_say_the_meetings_source_is_a_selection(built: BuiltSite) -> None:
    assert matters(built)["kn-bidrag"]["meeting"]["selection"] is True
    assert "selection" not in matters(built)["ks-ramavtal"]["meeting"]
    assert cells(built)["kn-bidrag"]["Urval"] == "ja" and cells(built)["ks-ramavtal"]["Urval"] == ""
    columns = list(cells(built)["kn-bidrag"])
    assert columns.index("Urval") == columns.index("Paragraf enligt källan") + 1, "appended after the earlier columns"


def test_oparl_with_the_new_fields_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], path.name


# -- refused ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(KS_FILE, "effective_until: 2021-12-31", "effective_until: 2020-12-31",
                 f"{KS_FILE}:25: matters.2.effective_until: 'effective_until' (31 december 2020) ligger före "
                 "'effective' (1 januari 2021); skriv dagen beslutet slutar gälla, efter dagen det börjar gälla",
                 id="until_before_effective"),
    pytest.param(KS_FILE, "decided_later_by: kommunfullmaktige", "decided_later_by: fullmaktige",
                 f"{KS_FILE}:12: matters.0.decided_later_by: det finns ingen nämnd med id 'fullmaktige'; de som finns: "
                 "kommunfullmaktige, kommunstyrelsen, kulturnamnden; en ny läggs till med make new-committee "
                 'NAME="Nämndens namn"', id="decided_later_by_unknown_body"),
    pytest.param(KS_FILE, "    kind: beslut\n    paragraphs: [120]",
                 "    kind: förslag\n    to: kommunfullmaktige\n    paragraphs: [120]",
                 f"{KS_FILE}:13: matters.0.decided_later_by: 'kommunfullmaktige' är redan 'to', organet som förslaget "
                 "går till; ta bort 'decided_later_by', eller skriv där ett annat organ som enligt källan beslutar "
                 "senare", id="decided_later_by_on_a_proposal_to_the_same_body"),
    pytest.param(KS_FILE, "{to: IT, what: göra en rapport, by_as_given: inför våren 2019}",
                 "{to: IT, by_as_given: inför våren 2019}",
                 f"{KS_FILE}:19: matters.1.assignments.0.what: fältet saknas men krävs", id="assignment_without_what"),
    pytest.param(KN_FILE, "case_number: [KK11/107]", "case_number: []",
                 f"{KN_FILE}:13: matters.1.case_number: listan är tom; skriv diarienumren som källan anger dem, "
                 "eller ta bort 'case_number'", id="no_case_numbers"),
    pytest.param(KN_FILE, "case_number: [KK11/120, KK11/110, KK11/108]", "case_number: [KK11/120, 'x/']",
                 f"{KN_FILE}:9: matters.0.case_number.1: 'x/' har fel form; förväntat: ett diarienummer som kommunen "
                 "skriver det, t.ex. 'SO 2020/0155' eller '2023KS133' (bokstäver, siffror, mellanslag och . : / -)",
                 id="one_of_several_case_numbers_is_none"),
    pytest.param(KS_FILE, "minutes_checked: 2018-11-08\n", "known_from: kallelse\n",
                 f"{KS_FILE}:6: minutes_checked_as_given: 'known_from: kallelse' säger att källan är kallelsen, som "
                 "inte anger något protokoll; ta bort 'minutes_checked_as_given' eller 'known_from'",
                 id="checked_on_an_agenda"),
    pytest.param(KN_FILE, "selection: true\nmatters:\n  - id: kn-bidrag\n    kind: beslut\n    case_number: [KK11/120, "
                 "KK11/110, KK11/108]\n    effective: 2011-07",
                 "known_from: kallelse\nmatters:\n  - id: kn-bidrag\n    kind: utgår",
                 f"{KN_FILE}:8: matters.0.kind: 'known_from: kallelse' säger att källan är kallelsen, som inte anger "
                 "vad som hände med ärendet på sammanträdet; ta bort 'kind: utgår' eller skriv den typ kallelsen anger",
                 id="removed_on_an_agenda"),
    pytest.param(KN_FILE, "selection: true\nmatters:\n  - id: kn-bidrag\n",
                 "known_from: kallelse\nmatters:\n  - id: kn-bidrag\n    paragraphs_as_given: 9 Läsårstider\n",
                 f"{KN_FILE}:8: matters.0.paragraphs_as_given: 'known_from: kallelse' säger att källan är kallelsen, "
                 "som inte anger protokollets paragrafer; ta bort 'paragraphs_as_given' (ärendets nummer på kallelsen "
                 "skrivs i 'item')", id="paragraph_in_words_on_an_agenda"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]
