"""Facts as protocols give them (issue 26): a matter's vote, a meeting's secretary and adjusters, a matter's label as
the agenda gives it (`kind_as_given`). Builds tests/cases/votes.yaml with the real engine and reads the meeting pages,
data/arenden.json and .csv, and OParl; what cannot be is refused in Swedish, naming file, line and field.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from namndbeslut import desk, frontmatter
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, csv_by, one, oparl_object, records_by, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "votes.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-20"
KF_FILE = "decisions/2024-05-20-kommunfullmaktige.md"
KS_FILE = "decisions/2024-05-07-kommunstyrelsen.md"
AGENDA_FILE = "decisions/2024-06-10-kommunstyrelsen.md"
KF = "sammantraden/2024-05-20-kommunfullmaktige/"
KS = "sammantraden/2024-05-07-kommunstyrelsen/"
AGENDA = "sammantraden/2024-06-10-kommunstyrelsen/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "votes", TREE, BUILD_DATE)


# -- 1. a matter's vote ----------------------------------------------------------------------------------------------


def test_a_vote_is_shown_with_its_matter_as_the_source_gives_it(built: BuiltSite) -> None:
    assert "Omröstning: 30 ja, 30 nej, 1 avstod; avgjort med ordförandens utslagsröst" in built.matter_facts(
        KF, "kf-2024-80")
    assert "Omröstning: 35 ja, 26 nej; enligt källan: Votering genomförd, 35 ja-röster mot 26 nej-röster" in (
        built.matter_facts(KF, "kf-2024-81"))
    assert "Omröstning: avgjort genom lottning; enligt källan: Lika röstetal mellan två kandidater; lotten föll på " \
           "Erik Ek (L)" in built.matter_facts(KF, "kf-2024-84"), "no count the source does not give"
    assert "frånvarande" not in built.text(KF), "no count of absent members: the source gives none"
    assert not [f for f in built.matter_facts(KF, "kf-2024-85") if f.startswith("Omröstning")]


def test_a_vote_is_in_the_data_with_only_the_counts_given(built: BuiltSite) -> None:
    rows = records_by(built, "data/arenden.json", "id")
    assert rows["kf-2024-80"]["vote"] == {
        "yes": 30, "no": 30, "abstained": 1, "absent": None, "decided_by": "ordförandens utslagsröst",
        "as_given": None, "label": "30 ja, 30 nej, 1 avstod; avgjort med ordförandens utslagsröst"}
    assert rows["kf-2024-84"]["vote"]["yes"] is None and rows["kf-2024-84"]["vote"]["decided_by"] == "lottning"
    assert "vote" not in rows["kf-2024-85"], "a matter without a vote is as before"
    table = csv_by(built, "data/arenden.csv", "Id")
    assert [table["kf-2024-80"][c] for c in ("Ja-röster", "Nej-röster", "Avstod", "Frånvarande", "Avgjort genom")] \
        == ["30", "30", "1", "", "ordförandens utslagsröst"]
    assert table["kf-2024-81"]["Omröstning enligt källan"] == "Votering genomförd, 35 ja-röster mot 26 nej-röster"
    assert [table["kf-2024-85"][c] for c in ("Ja-röster", "Nej-röster", "Avgjort genom")] == ["", "", ""]


def test_a_vote_in_oparl_is_our_own_field_of_the_agenda_item(built: BuiltSite) -> None:
    assert oparl_object(built, "agenda-item", "kf-2024-80")["namndbeslut:vote"] == {
        "yes": 30, "no": 30, "abstained": 1, "decidedBy": "ordförandens utslagsröst"}
    assert oparl_object(built, "agenda-item", "kf-2024-81")["namndbeslut:vote"] == {
        "yes": 35, "no": 26, "asGiven": "Votering genomförd, 35 ja-röster mot 26 nej-röster"}
    assert "namndbeslut:vote" not in oparl_object(built, "agenda-item", "kf-2024-85")
    meeting = oparl_object(built, "meeting", "2024-05-20-kommunfullmaktige")
    (item,) = [i for i in meeting["agendaItem"] if i["id"].endswith("/kf-2024-84.json")]
    assert item["namndbeslut:vote"] == {
        "decidedBy": "lottning", "asGiven": "Lika röstetal mellan två kandidater; lotten föll på Erik Ek (L)"}


# -- 2. a meeting's secretary and adjusters --------------------------------------------------------------------------


def test_secretary_and_adjusters_are_shown_with_the_chair(built: BuiltSite) -> None:
    page = built.article(KF)
    assert words(one(page, "p.chair")) == "Ordförande: Anna Andersson (S)"
    assert words(one(page, "p.secretary")) == "Sekreterare: Cecilia Ek"
    assert words(one(page, "p.adjusters")) == "Justerare: Bertil Berg (M) och Dana Dahl (C)"
    assert built.article(KS).select("p.secretary, p.adjusters") == []
    assert words(one(built.article(AGENDA), "p.secretary")) == "Sekreterare: Cecilia Ek"


def test_secretary_and_adjusters_are_in_the_meetings_oparl(built: BuiltSite) -> None:
    meeting = oparl_object(built, "meeting", "2024-05-20-kommunfullmaktige")
    assert meeting["namndbeslut:secretary"] == "Cecilia Ek"
    assert meeting["namndbeslut:adjusters"] == ["Bertil Berg (M)", "Dana Dahl (C)"]
    other = oparl_object(built, "meeting", "2024-05-07-kommunstyrelsen")
    assert "namndbeslut:secretary" not in other and "namndbeslut:adjusters" not in other


# -- 3. a matter's label as the agenda gives it ----------------------------------------------------------------------


def test_a_label_as_given_is_shown_as_an_agreements_kind_is(built: BuiltSite) -> None:
    facts = built.matter_facts(KF, "kf-2024-82")
    assert "Ärendetyp: Beslutsärende" in facts
    assert "Ärendetyp: Beslut" not in facts, "an unstated kind is never shown as a decision"
    assert "Ärendetyp: Bordlagt (inget beslut ännu); enligt källan: Beslutsärende" in built.matter_facts(
        KF, "kf-2024-83")
    assert "Ärendetyp: Anmälningsärende" in built.matter_facts(AGENDA, "ks-2024-juni-bokslut")
    assert "Ärendetyp: Beslut" in built.matter_facts(KF, "kf-2024-85")


def test_a_label_as_given_is_in_the_data_and_never_a_result(built: BuiltSite) -> None:
    rows = records_by(built, "data/arenden.json", "id")
    assert rows["kf-2024-82"]["kind"] == {"value": None, "label": "Beslutsärende", "as_given": "Beslutsärende"}
    assert rows["kf-2024-83"]["kind"] == {"value": "bordlagt", "label": "Bordlagt (inget beslut ännu)",
                                          "as_given": "Beslutsärende"}
    assert rows["kf-2024-85"]["kind"] == {"value": "beslut", "label": "Beslut"}
    table = csv_by(built, "data/arenden.csv", "Id")
    assert (table["kf-2024-82"]["Ärendetyp"], table["kf-2024-82"]["Ärendetyp enligt källan"]) == (
        "Beslutsärende", "Beslutsärende")
    assert (table["kf-2024-83"]["Ärendetyp"], table["kf-2024-83"]["Ärendetyp enligt källan"]) == (
        "Bordlagt (inget beslut ännu)", "Beslutsärende")
    unstated = oparl_object(built, "agenda-item", "kf-2024-82")
    assert "result" not in unstated and unstated["namndbeslut:kindAsGiven"] == "Beslutsärende"
    assert oparl_object(built, "agenda-item", "kf-2024-83")["result"] == "Bordlagt (inget beslut ännu)"
    assert oparl_object(built, "agenda-item", "ks-2024-juni-bokslut")["namndbeslut:kindAsGiven"] == "Anmälningsärende"


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []


# -- the editors' side -----------------------------------------------------------------------------------------------


def test_yes_and_no_are_field_names_in_every_form_of_yaml() -> None:
    """YAML 1.1 reads the words yes and no as true and false; as a key they are a vote's fields, in flow and block
    form, in the fast loader and the exact one (an '&' in the text sends it there)."""
    for text in ("vote: {yes: 3, no: 2}\n", "vote:\n  yes: 3\n  no: 2\n", 'title: "A & B"\nvote: {yes: 3, no: 2}\n'):
        assert frontmatter.parse(Path("x.md"), f"---\n{text}---\n".encode()).data["vote"] == {"yes": 3, "no": 2}
    assert frontmatter.parse(Path("x.md"), b"---\npublic: yes\n---\n").data["public"] is True, "a value stays yes/no"


def test_the_desk_asks_for_the_vote_as_a_group_of_numbers() -> None:
    collection = next(c for c in desk.local_config("http://127.0.0.1:8000")["collections"]
                      if c["folder"] == "decisions")
    matter = next(f for f in collection["fields"] if f["name"] == "matters")
    vote = next(f for f in matter["fields"] if f["name"] == "vote")
    fields = {f["name"]: f for f in vote["fields"]}
    assert fields["yes"]["widget"] == "number" and fields["yes"]["min"] == 0 and not fields["yes"]["required"]
    assert [o["label"] for o in fields["decided_by"]["options"]] == ["Ordförandens utslagsröst", "Lottning"]


# -- refused ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(KF_FILE, "{yes: 30, no: 30, abstained: 1,", "{yes: 30, no: -30, abstained: 1,",
                 f"{KF_FILE}:13: matters.0.vote.no: -30 är ett negativt antal; skriv antalet röster som källan anger "
                 "det (0 eller fler)", id="negative"),
    pytest.param(KF_FILE, "vote: {yes: 30, no: 30, abstained: 1, decided_by: ordförandens utslagsröst}",
                 "vote: {}",
                 f"{KF_FILE}:13: matters.0.vote: omröstningen är tom; skriv rösterna som källan anger dem, t.ex. "
                 "{yes: 30, no: 30, abstained: 1}, eller källans ord i 'as_given', eller ta bort 'vote'",
                 id="empty"),
    pytest.param(KF_FILE, "vote: {yes: 30, no: 30, abstained: 1, decided_by: ordförandens utslagsröst}",
                 "vote: {decided_by: ordförandens utslagsröst}",
                 f"{KF_FILE}:13: matters.0.vote: omröstningen är tom; skriv rösterna som källan anger dem, t.ex. "
                 "{yes: 30, no: 30, abstained: 1}, eller källans ord i 'as_given', eller ta bort 'vote'",
                 id="only_how_settled"),
    pytest.param(KF_FILE, "{yes: 30, no: 30, abstained: 1,", "{yes: 31, no: 30, abstained: 1,",
                 f"{KF_FILE}:13: matters.0.vote.decided_by: 'ordförandens utslagsröst' avgör bara vid lika "
                 "röstetal, men källan anger 31 ja och 30 nej; rätta rösterna eller ta bort 'decided_by'",
                 id="no_tie"),
    pytest.param(KF_FILE, "kind: anges inte\n    kind_as_given: Beslutsärende",
                 "kind: anges inte\n    kind_as_given: Beslut",
                 f"{KF_FILE}:23: matters.2.kind_as_given: 'Beslut' finns i listan; skriv 'kind: beslut' och ta bort "
                 "'kind_as_given'", id="a_listed_kind_as_given"),
    pytest.param(KF_FILE, "Dana Dahl (C)]", "Bertil Berg (M)]",
                 f"{KF_FILE}:7: adjusters: 'Bertil Berg (M)' står flera gånger; skriv varje justerare en gång",
                 id="an_adjuster_twice"),
    pytest.param(AGENDA_FILE, "secretary: Cecilia Ek", "secretary: Cecilia Ek\nadjusters: [Bertil Berg (M)]",
                 f"{AGENDA_FILE}:7: adjusters: 'known_from: kallelse' säger att källan är kallelsen, som inte anger "
                 "något protokoll; ta bort 'adjusters' eller 'known_from'", id="adjusters_on_an_agenda"),
    pytest.param(AGENDA_FILE, "item: 4", "item: 4\n    vote: {yes: 5, no: 4}",
                 f"{AGENDA_FILE}:11: matters.0.vote: 'known_from: kallelse' säger att källan är kallelsen, som inte "
                 "anger hur någon omröstning utföll; ta bort 'vote' eller 'known_from'", id="a_vote_on_an_agenda"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]
