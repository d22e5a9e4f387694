"""Facts as the sources give them (issue 26, matters3): a matter's proposed decision, a condition on it, who prepared
it, the people it names in a role and the earlier decisions it cites; a meeting's contact persons, its paragraphs as
the protocol states them, and a record that covers only part of its source. Builds tests/cases/matters3.yaml with the
real engine and reads the meeting pages, data/arenden.json and OParl; what cannot be is refused in Swedish, naming
file, line and field, and an identity number in a new field stops the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from namndbeslut import check, desk
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems, write_tree
from support.site import BuiltSite, built_tree, one, oparl_object, read, records_by, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "matters3.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2023-01-15"
KF_FILE = "decisions/2022-11-21-kommunfullmaktige.md"
PARTIAL_FILE = "decisions/2022-12-05-kommunstyrelsen.md"
AGENDA_FILE = "decisions/2023-01-12-kommunfullmaktige.md"
KF = "sammantraden/2022-11-21-kommunfullmaktige/"
KS = "sammantraden/2022-10-10-kommunstyrelsen/"
PARTIAL = "sammantraden/2022-12-05-kommunstyrelsen/"
WHOLE = "sammantraden/2022-12-12-kommunstyrelsen/"
AGENDA = "sammantraden/2023-01-12-kommunfullmaktige/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "matters3", TREE, BUILD_DATE)


# -- 1-3. a matter's proposal, condition and who prepared it ---------------------------------------------------------


def test_a_proposal_is_shown_as_a_proposal_with_its_condition_and_preparer(built: BuiltSite) -> None:
    facts = built.matter_facts(KF, "kf-2022-81")
    assert "Förslag till beslut: Kommunfullmäktige beslutar att anta riktlinjen för mottagande av praktikanter" in facts
    assert "Villkor: Mottagande verksamheter ska följa kommunens utvecklingsprogram och minimikrav" in facts
    assert "Berett av: Kommunledningskontoret" in facts
    assert "Ärendetyp: Beslut" in facts, "the decision is the kind the file states, never the proposal"
    plain = built.matter_facts(KF, "kf-2022-82")
    assert not [f for f in plain if f.startswith(("Förslag till beslut", "Villkor", "Berett av", "Person",
                                                    "Hänvisar"))]


def test_a_proposal_on_an_agenda_is_no_decision(built: BuiltSite) -> None:
    facts = built.matter_facts(AGENDA, "kf-2023-jan-taxa")
    assert "Förslag till beslut: Kommunfullmäktige beslutar att anta taxan för bygglov" in facts
    assert "Ärendetyp: anges inte" in facts
    assert "result" not in oparl_object(built, "agenda-item", "kf-2023-jan-taxa")


def test_proposal_condition_and_preparer_are_in_the_data(built: BuiltSite) -> None:
    rows = records_by(built, "data/arenden.json", "id")
    row = rows["kf-2022-81"]
    assert row["proposal"] == "Kommunfullmäktige beslutar att anta riktlinjen för mottagande av praktikanter"
    assert row["condition"] == "Mottagande verksamheter ska följa kommunens utvecklingsprogram och minimikrav"
    assert row["by"] == "Kommunledningskontoret"
    item = oparl_object(built, "agenda-item", "kf-2022-81")
    assert item["namndbeslut:proposal"] == row["proposal"] and "resolutionText" not in item
    assert item["namndbeslut:condition"] == row["condition"]
    assert item["namndbeslut:preparedBy"] == "Kommunledningskontoret"
    plain = rows["kf-2022-82"]
    assert not {"proposal", "condition", "by", "persons", "cited_decisions"} & plain.keys(), "as before"
    assert not [k for k in oparl_object(built, "agenda-item", "kf-2022-82") if k in (
        "namndbeslut:proposal", "namndbeslut:condition", "namndbeslut:preparedBy", "namndbeslut:persons",
        "namndbeslut:citedDecisions")]


# -- 4. people a matter names in a role ------------------------------------------------------------------------------


def test_people_a_matter_names_are_shown_in_their_roles(built: BuiltSite) -> None:
    facts = built.matter_facts(KF, "kf-2022-79")
    assert [f for f in facts if f.startswith("Person:")] == [
        "Person: Caroline Åberg (M), avsäger sig",
        "Person: Lars Muregård (M), ny ledamot, intill ordinarie bolagsstämma 2023"]
    assert [f for f in built.matter_facts(KF, "kf-2022-80") if f.startswith("Person:")] == [
        "Person: Anders Castberger (L), interpellant", "Person: Eva Ek (S), interpellationen ställd till"]


def test_people_a_matter_names_are_in_the_data_and_no_person_is_invented(built: BuiltSite) -> None:
    assert records_by(built, "data/arenden.json", "id")["kf-2022-79"]["persons"] == [
        {"name": "Caroline Åberg", "party": "M", "role": "avsäger sig"},
        {"name": "Lars Muregård", "party": "M", "role": "ny ledamot",
         "term_as_given": "intill ordinarie bolagsstämma 2023"}]
    assert oparl_object(built, "agenda-item", "kf-2022-79")["namndbeslut:persons"][1] == {
        "name": "Lars Muregård", "party": "M", "role": "ny ledamot",
        "termAsGiven": "intill ordinarie bolagsstämma 2023"}
    assert not (built.path / "oparl" / "person").exists(), "no OParl Person made from a name"


# -- 5. earlier decisions a matter cites -----------------------------------------------------------------------------


def test_cited_decisions_are_shown_as_a_reports_are(built: BuiltSite) -> None:
    cited = [f for f in built.matter_facts(KF, "kf-2022-81") if f.startswith("Hänvisar till beslut")]
    assert cited == [
        "Hänvisar till beslut: Kommunfullmäktige 25 mars 2019, § 45",
        "Hänvisar till beslut: 2007: den senaste riktlinjen",
        "Hänvisar till beslut: Kommunstyrelsen 10 oktober 2022, § 12: Riktlinje för praktikanter"]
    links = [a["href"] for a in one(built.article(KF), "#kf-2022-81 + ul.matter-facts").select("a")]
    assert links == ["../2022-10-10-kommunstyrelsen/#ks-2022-12"], "a published decision is linked, as on a report"


def test_cited_decisions_are_in_the_data(built: BuiltSite) -> None:
    cited = records_by(built, "data/arenden.json", "id")["kf-2022-81"]["cited_decisions"]
    assert cited[0] == {"date": "2019-03-25", "paragraphs": [45], "committee": "kommunfullmaktige",
                        "published": False, "name": None}
    assert cited[1] == {"date": "2007", "paragraphs": [], "committee": None, "published": False,
                        "name": "den senaste riktlinjen"}
    assert cited[2]["published"] is True and cited[2]["committee"] == "kommunstyrelsen"
    assert cited[2]["url"].endswith("/sammantraden/2022-10-10-kommunstyrelsen/#ks-2022-12")
    oparl = oparl_object(built, "agenda-item", "kf-2022-81")["namndbeslut:citedDecisions"]
    assert oparl[0] == {"date": "2019-03-25", "paragraphs": [45],
                        "organization": oparl[0]["organization"]}
    assert oparl[0]["organization"].endswith("/oparl/organization/namnd-kommunfullmaktige.json")
    assert oparl[1] == {"date": "2007", "name": "den senaste riktlinjen"}
    assert oparl[2]["agendaItem"].endswith("/oparl/agenda-item/ks-2022-12.json")


# -- 6-7. a meeting's contacts and its paragraphs as given -----------------------------------------------------------


def test_a_meetings_contacts_and_paragraphs_are_shown(built: BuiltSite) -> None:
    page = built.article(KF)
    assert words(one(page, "p.paragraphs-as-given")) == "Paragrafer 79–107 (enligt källan)"
    assert words(one(page, "p.meeting-contacts")) == "Kontaktpersoner:"
    assert words(one(page, "ul.contacts li")) == "Helena Balthammar (S), ordförande, tel. 0725-82 80 69"
    assert built.article(KS).select("p.paragraphs-as-given, p.meeting-contacts, ul.contacts") == []


def test_a_meetings_contacts_and_paragraphs_are_in_the_data(built: BuiltSite) -> None:
    held = oparl_object(built, "meeting", "2022-11-21-kommunfullmaktige")
    assert held["namndbeslut:paragraphsAsGiven"] == "Paragrafer 79–107"
    assert held["namndbeslut:contacts"] == [{"name": "Helena Balthammar (S)", "role": "ordförande",
                                             "phone": "0725-82 80 69"}]
    rows = records_by(built, "data/arenden.json", "id")
    row = rows["kf-2022-82"]["meeting"]
    assert row["paragraphs_as_given"] == "Paragrafer 79–107" and row["contacts"] == held["namndbeslut:contacts"]
    other = oparl_object(built, "meeting", "2022-10-10-kommunstyrelsen")
    assert not [k for k in other if k in ("namndbeslut:paragraphsAsGiven", "namndbeslut:contacts",
                                          "namndbeslut:partial")]
    assert rows["ks-2022-12"]["meeting"].keys() == {"id", "date", "url", "known_from", "date_as_given", "decided_as"}


# -- 8. a record that covers only part of its source -----------------------------------------------------------------


def test_a_partial_record_says_so_and_never_that_nothing_was_decided(built: BuiltSite) -> None:
    page = built.article(PARTIAL)
    assert words(one(page, "p.partial-note")) == ("Uppgifterna bygger bara på en del av källan: Endast protokollets "
                                                 "första sidor har kunnat läsas.")
    assert words(one(page, "p.no-decisions")) == ("Vilka beslut sammanträdet fattade framgår inte av den del av "
                                                 "källan som återges här.")
    assert "Inga beslutsärenden redovisas" not in built.text(PARTIAL)
    whole = built.article(WHOLE)
    assert words(one(whole, "p.no-decisions")) == "Inga beslutsärenden redovisas från sammanträdet."
    assert whole.select("p.partial-note") == [], "a whole record is as before"
    year = built.text("sammantraden/2022/kommunstyrelsen/")
    assert "framgår inte av den del av källan" in year and "Inga beslutsärenden redovisas" in year
    assert year.count("Uppgifterna bygger bara på en del av källan") == 1, "the year's list says so of the one"


def test_a_partial_record_is_a_flag_and_words_in_the_data_and_feeds(built: BuiltSite) -> None:
    partial = oparl_object(built, "meeting", "2022-12-05-kommunstyrelsen")
    assert partial["namndbeslut:partial"] is True
    assert partial["namndbeslut:partialNote"] == "Endast protokollets första sidor har kunnat läsas"
    assert "namndbeslut:selection" not in partial, "not a selection the source states"
    row = records_by(built, "data/arenden.json", "id")["ks-2022-30"]["meeting"]
    assert (row["partial"], row["partial_note"]) == (True, "Endast protokollets första sidor har kunnat läsas")
    unfolded = read(built, "kalender/kommunstyrelsen.ics").replace("\r\n ", "").replace("\n ", "")
    assert "Uppgifterna bygger bara på en del av källan: Endast protokollets första sidor har kunnat läsas." in unfolded


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []


# -- the editors' side -----------------------------------------------------------------------------------------------


def test_the_desk_asks_for_the_new_fields() -> None:
    collection = next(c for c in desk.local_config("http://127.0.0.1:8000")["collections"]
                      if c["folder"] == "decisions")
    fields = {f["name"]: f for f in collection["fields"]}
    assert {"contacts", "paragraphs_as_given", "partial"} <= fields.keys()
    matter = {f["name"]: f for f in fields["matters"]["fields"]}
    assert {"proposal", "condition", "by", "persons", "cited_decisions"} <= matter.keys()
    persons = {f["name"]: f for f in matter["persons"]["fields"]}
    assert persons["name"]["required"] is not False and not persons["term_as_given"]["required"]


# -- refused ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(KF_FILE, "Kommunfullmäktige beslutar\n      att anta",
                 "Kommunfullmäktige beslutar\n\n      att anta",
                 f"{KF_FILE}:25: matters.2.proposal: texten har flera stycken (en tom rad); skriv den som ett stycke, "
                 "utan tomma rader", id="two_paragraphs"),
    pytest.param(PARTIAL_FILE, "partial: Endast protokollets första sidor har kunnat läsas", "partial: true",
                 f"{PARTIAL_FILE}:5: partial: 'true' läses som ja/nej; skriv med ord vilken del av källan som "
                 "återges, t.ex. 'Endast protokollets första sidor har kunnat läsas'", id="partial_yes"),
    pytest.param(KF_FILE, "{name: Caroline Åberg, party: M, role: avsäger sig}", "{party: M, role: avsäger sig}",
                 f"{KF_FILE}:13: matters.0.persons.0.name: fältet saknas men krävs", id="a_person_without_a_name"),
    pytest.param(KF_FILE, "{name: Eva Ek, party: S, role: interpellationen ställd till}",
                 "{name: Anders Castberger, party: L, role: interpellant}",
                 f"{KF_FILE}:20: matters.1.persons.1: 'Anders Castberger (L), interpellant' står redan i listan; "
                 "skriv varje person en gång (med en annan roll är det en egen rad)", id="a_person_twice"),
    pytest.param(KF_FILE, "{decision: 2019-03-25 § 45, body: kommunfullmaktige}",
                 "{decision: 2019-03-25 § 45, body: kommunfullmaktig}",
                 f"{KF_FILE}:30: matters.2.cited_decisions.0.body: det finns ingen nämnd med id 'kommunfullmaktig' "
                 "(menade du 'kommunfullmaktige'?)", id="an_unknown_body"),
    pytest.param(KF_FILE, "{decision: 2022-10-10 § 12}", "{decision: 2022-10-10 § 12, body: kommunfullmaktige}",
                 f"{KF_FILE}:32: matters.2.cited_decisions.2.body: beslutet 2022-10-10 § 12 är publicerat i "
                 "decisions/2022-10-10-kommunstyrelsen.md, ett sammanträde i 'kommunstyrelsen'; rätta 'body' eller ta "
                 "bort det", id="the_body_of_a_published_decision"),
    pytest.param(KF_FILE, "{decision: 2007, name: den senaste riktlinjen}", "{decision: '§ 68'}",
                 f"{KF_FILE}:31: matters.2.cited_decisions.1.decision: ett citerat beslut behöver ett datum eller "
                 "ett organ; skriv beslutet (t.ex. '2024-06-12 § 120'); anger källan inget datum, skriv 'body: <id>' "
                 "och bara paragrafen ('§ 68') eller 'anges inte'", id="a_paragraph_without_date_or_body"),
    pytest.param(AGENDA_FILE, "known_from: kallelse", "known_from: kallelse\nparagraphs_as_given: Paragrafer 1–9",
                 f"{AGENDA_FILE}:6: paragraphs_as_given: 'known_from: kallelse' säger att källan är kallelsen, som "
                 "inte anger något protokoll; ta bort 'paragraphs_as_given' eller 'known_from'",
                 id="paragraphs_on_an_agenda"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]


@pytest.mark.parametrize("person", [
    "{name: Caroline Åberg 811218-9876, party: M, role: avsäger sig}",
    "{name: Caroline Åberg, party: M, role: '811218-9876'}",
    "{name: Caroline Åberg, party: M, role: avsäger sig, term_as_given: 'intill 811218-9876'}",
])
def test_a_personnummer_in_a_persons_field_stops_the_build(tmp_path: Path, person: str) -> None:
    """The build's identity-number check reads the new fields as every other text: the number is the only problem."""
    write_tree(tmp_path, edited(TREE, KF_FILE, "{name: Caroline Åberg, party: M, role: avsäger sig}", person))
    assert [(str(p.path), "personnummer" in p.message) for p in check.problems(tmp_path)] == [(KF_FILE, True)]


def test_a_personnummer_in_a_proposal_or_a_contact_stops_the_build(tmp_path: Path) -> None:
    for name, old, new in (("proposal", "att anta riktlinjen", "att anta riktlinjen för 811218-9876"),
                           ("contact", "phone: 0725-82 80 69", "phone: '811218-9876'"),
                           ("partial", "har kunnat läsas", "har kunnat läsas, 811218-9876")):
        path = PARTIAL_FILE if name == "partial" else KF_FILE
        write_tree(tmp_path / name, edited(TREE, path, old, new))
        assert [(str(p.path), "personnummer" in p.message) for p in check.problems(tmp_path / name)] == [
            (path, True)], name
