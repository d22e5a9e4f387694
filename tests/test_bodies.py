"""What a body's source says of it that trial editors could only write as prose (issue 26), each as the source
states it.

Builds tests/cases/bodies.yaml with the real engine and reads the pages and the data: the body a body is part of
(`part_of`), its members as the source lists them on a date (`members`, `members_as_of`), and where a planned
meeting's date comes from when that is no meeting plan (`PlannedMeeting.source`); its size as the source states it
(`seats`), where it usually meets (`usual_place`) and what the source says of its openness to the public
(`public_as_given`), none of them ever a meeting's fact or derived from another field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import Tag
from namndbeslut import check
from support.oparl import validator
from support.project import CASES_DIR, problems, write_tree
from support.site import BuiltSite, built_tree, data, one, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "bodies.yaml").read_text(encoding="utf-8"))
KS, AU, PR = "namnder/kommunstyrelsen/", "namnder/ks-arbetsutskott/", "namnder/pensionarsradet/"
KF = "namnder/kommunfullmaktige/"
AU_FILE, KF_FILE = "committees/ks-arbetsutskott.md", "committees/kommunfullmaktige.md"
PLACE = "Stadshusets fullmäktigesal på Storgatan 43"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "bodies", TREE, "2025-06-01")


def organization(site: BuiltSite, body: str) -> dict[str, Any]:
    found: dict[str, Any] = data(site, f"oparl/organization/namnd-{body}.json")
    return found


def members_table(site: BuiltSite, url: str) -> list[list[str]]:
    """The members' table of a body's page, header first, one list of cell texts a row."""
    table = one(site.article(url), "table:has(caption:-soup-contains('som källan listar dem'))")
    return [[words(cell) for cell in row.select("th, td")] for row in table.select("tr")]


# -- 1. a parent body -------------------------------------------------------------------------------------------------

def test_a_part_links_to_its_parent_and_the_parent_lists_its_parts(built: BuiltSite) -> None:
    part_of = built.fact_box(AU)["Del av"]
    assert words(part_of) == "Kommunstyrelsen"
    assert one(part_of, "a").get("href") == "../kommunstyrelsen/"
    parts = built.fact_box(KS)["Delar"]
    assert [words(a) for a in parts.select("a")] == ["Kommunstyrelsens arbetsutskott"]
    assert "Del av" not in built.fact_box(KS) and "Delar" not in built.fact_box(PR)
    rows = [words(td).replace(" )", ")") for td in built.article("namnder/").select("tbody td:first-child")]
    assert "Kommunstyrelsens arbetsutskott (del av kommunstyrelsen)" in rows, rows


def test_a_part_is_a_sub_organization_in_oparl(built: BuiltSite) -> None:
    parent = organization(built, "kommunstyrelsen")
    assert organization(built, "ks-arbetsutskott")["subOrganizationOf"] == parent["id"]
    assert "subOrganizationOf" not in parent
    for body in ("kommunstyrelsen", "ks-arbetsutskott", "pensionarsradet"):
        assert list(validator("Organization").iter_errors(organization(built, body))) == [], body


# -- 2. members as the source lists them ----------------------------------------------------------------------------

def test_members_are_shown_as_the_source_lists_them_with_its_date_and_source(built: BuiltSite) -> None:
    assert members_table(built, AU) == [["Namn", "Roll", "Parti"],
                                        ["Anna Andersson", "ordförande", "S"],
                                        ["Bo Berg", "vice ordförande", "M"],
                                        ["Cecilia Ceder", "ledamot", "anges inte"]]
    assert "Listan gäller enligt källan: januari 2025." in built.text(AU)
    (note,) = built.article(AU).select(".source-note")
    assert words(note) == "Källa: Kommunens sida om kommunstyrelsens arbetsutskott www.example.se/ksau"
    assert note.find_previous("table") is not None, "the source is given with the list it vouches for"


def test_members_without_a_date_or_source_say_so(built: BuiltSite) -> None:
    assert members_table(built, PR) == [["Namn", "Roll", "Nominerad av"],
                                        ["David Dahl", "ordförande", "PRO"],
                                        ["Eva Ek", "anges inte", "SPF Seniorerna"]]
    assert "Listan gäller enligt källan: anges inte." in built.text(PR)
    assert "Källa: anges inte" in built.text(PR)
    assert "Ledamöter enligt källan" not in built.text(KS), "no members' section where the source lists none"


def test_members_in_oparl_are_names_not_persons(built: BuiltSite) -> None:
    au = organization(built, "ks-arbetsutskott")
    assert au["namndbeslut:members"] == [
        {"name": "Anna Andersson", "role": "ordförande", "party": "S"},
        {"name": "Bo Berg", "role": "vice ordförande", "party": "M"},
        {"name": "Cecilia Ceder", "role": "ledamot"}]
    assert au["namndbeslut:membersAsOf"] == "2025-01"
    pr = organization(built, "pensionarsradet")
    assert pr["namndbeslut:members"][1] == {"name": "Eva Ek", "nominatedBy": "SPF Seniorerna"}
    assert "namndbeslut:membersAsOf" not in pr and "membership" not in pr
    assert not (built.path / "oparl" / "person").exists(), "no Person invented from a name"


@pytest.mark.parametrize("member", ["{name: Cecilia Ceder 811218-9876}", "{name: Cecilia Ceder, role: '811218-9876'}",
                                    "{name: Cecilia Ceder, party: '811218-9876'}",
                                    "{name: Cecilia Ceder, nominated_by: 'PRO 811218-9876'}"])
def test_a_personnummer_in_a_members_field_stops_the_build(tmp_path: Path, member: str) -> None:
    text = TREE[AU_FILE].replace("{name: Cecilia Ceder, role: ledamot}", member)
    assert text != TREE[AU_FILE]
    write_tree(tmp_path, {**TREE, AU_FILE: text})
    found = [p for p in check.problems(tmp_path) if "personnummer" in p.message]
    assert [str(p.path) for p in found] == [AU_FILE]


# -- 3. where a planned date comes from -----------------------------------------------------------------------------

def test_a_planned_date_from_another_source_says_where_it_comes_from(built: BuiltSite) -> None:
    listed = [words(li) for li in one(built.article(AU), "#kommande").find_all_next("li", limit=1)
              if isinstance(li, Tag)]
    assert listed == ["20 augusti 2025 (enligt kallelsen till sammanträdet)"]
    upcoming = built.text("sammantraden/kommande/")
    assert "10 september 2025 (budget) (enligt en nyhet på kommunens webbplats 2 maj 2025)" in upcoming
    assert "11 juni 2025 (enligt" not in upcoming, "a date of the meeting plan is listed as before"


def test_a_planned_date_from_another_source_in_the_calendar_and_oparl(built: BuiltSite) -> None:
    events = built.events("kommunstyrelsen")
    assert "Enligt en nyhet på kommunens webbplats 2 maj 2025: budget." in str(
        events["2025-09-10-kommunstyrelsen"]["description"])
    assert "Enligt" not in str(events["2025-06-11-kommunstyrelsen"]["description"])
    au = built.events("ks-arbetsutskott")
    assert "Enligt kallelsen till sammanträdet." in str(au["2025-08-20-ks-arbetsutskott"]["description"])
    meeting = data(built, "oparl/meeting/2025-09-10-kommunstyrelsen.json")
    assert meeting["namndbeslut:dateSource"] == "en nyhet på kommunens webbplats 2 maj 2025"
    assert "namndbeslut:dateSource" not in data(built, "oparl/meeting/2025-06-11-kommunstyrelsen.json")
    assert list(validator("Meeting").iter_errors(meeting)) == []


# -- 4. a body's size, usual place and openness as the source states them -------------------------------------------

def test_a_bodys_size_is_shown_as_the_source_states_it(built: BuiltSite) -> None:
    assert words(built.fact_box(KF)["Storlek"]) == (
        "Ledamöter: 79, ersättare: 41 (enligt källan: 79 ordinarie ledamöter och 41 ersättare från nio partier)")
    assert words(built.fact_box(AU)["Storlek"]) == "Ledamöter: 7, ersättare: anges inte"
    assert len(members_table(built, AU)) == 4, "three members listed beside seven seats: never compared"
    assert "Storlek" not in built.fact_box(PR), "never counted from the members listed"
    assert "Storlek" not in built.fact_box(KS)


def test_a_bodys_size_in_oparl(built: BuiltSite) -> None:
    assert organization(built, "kommunfullmaktige")["namndbeslut:seats"] == {
        "members": 79, "substitutes": 41, "asGiven": "79 ordinarie ledamöter och 41 ersättare från nio partier"}
    assert organization(built, "ks-arbetsutskott")["namndbeslut:seats"] == {"members": 7}
    assert "namndbeslut:seats" not in organization(built, "pensionarsradet")
    assert list(validator("Organization").iter_errors(organization(built, "kommunfullmaktige"))) == []


def test_the_usual_place_is_said_with_the_usual_time(built: BuiltSite) -> None:
    note = f"Sammanträdena börjar i regel kl. 18.00. Plats i regel: {PLACE}."
    assert words(one(built.article(KF), ".usual-start")) == note
    assert f"Kommunfullmäktige: {note}" in built.text("sammantraden/kommande/")
    kf = organization(built, "kommunfullmaktige")
    assert kf["namndbeslut:usualPlace"] == PLACE
    assert kf["namndbeslut:usualTime"] == "Sammanträdena börjar i regel kl. 18.00.", "the time as before"
    assert "namndbeslut:usualPlace" not in organization(built, "kommunstyrelsen")


def test_the_usual_place_never_becomes_a_meetings_place(built: BuiltSite) -> None:
    listed = [words(li) for li in one(built.article(KF), "#kommande").find_all_next("li", limit=2)
              if isinstance(li, Tag)]
    assert listed == ["16 juni 2025", "22 september 2025, kl. 18.00, Konserthusets stora sal"]
    rows = [[words(td) for td in tr.select("td")] for tr in built.article("sammantraden/kommande/").select("tbody tr")]
    assert ["16 juni 2025", "ej angiven", "Kommunfullmäktige", "ej angiven"] in rows, rows
    for meeting in ("2025-05-19-kommunfullmaktige", "2025-06-16-kommunfullmaktige"):
        assert "location" not in data(built, f"oparl/meeting/{meeting}.json"), meeting
    events = built.events("kommunfullmaktige")
    for uid in ("2025-05-19-kommunfullmaktige", "2025-06-16-kommunfullmaktige"):
        assert "location" not in events[uid], uid
    planned = str(events["2025-06-16-kommunfullmaktige"]["description"])
    assert f"Plats i regel: {PLACE}." in planned, "said as usual, as the usual time"
    assert "i regel" not in str(events["2025-05-19-kommunfullmaktige"]["description"]), "never on a held meeting"
    stated = events["2025-09-22-kommunfullmaktige"]
    assert str(stated["location"]) == "Konserthusets stora sal"
    assert "i regel" not in str(stated["description"]), "a meeting's own time and place need no usual ones"


def test_what_the_source_says_of_the_public_is_shown_and_sets_no_meetings_public(built: BuiltSite) -> None:
    assert words(built.fact_box(KF)["Allmänheten"]) == ("Enligt källan: Sammanträdena är öppna för allmänheten. "
                                                        "Allmänhetens frågestund hålls före varje sammanträde.")
    assert "Allmänheten" not in built.fact_box(KS)
    assert organization(built, "kommunfullmaktige")["namndbeslut:publicAsGiven"].startswith("Sammanträdena är öppna")
    assert "Öppet för allmänheten" not in built.text("sammantraden/2025-05-19-kommunfullmaktige/")
    for meeting in ("2025-05-19-kommunfullmaktige", "2025-06-16-kommunfullmaktige"):
        assert "namndbeslut:public" not in data(built, f"oparl/meeting/{meeting}.json"), meeting
    agenda_item = data(built, "oparl/agenda-item/motion.json")
    assert "public" not in agenda_item
    assert "Öppet för allmänheten" not in str(built.events("kommunfullmaktige")["2025-05-19-kommunfullmaktige"]
                                              ["description"])


# -- refusals ---------------------------------------------------------------------------------------------------------

def test_an_unknown_parent_is_refused_with_the_closest_id(tmp_path: Path) -> None:
    tree = {**TREE, AU_FILE: TREE[AU_FILE].replace("part_of: kommunstyrelsen", "part_of: kommunstyrelse")}
    assert problems(tmp_path, tree, "2025-06-01") == [
        f"{AU_FILE}:4: part_of: det finns ingen nämnd med id 'kommunstyrelse' (menade du 'kommunstyrelsen'?)"]


def test_a_body_part_of_itself_or_of_its_own_part_is_refused(tmp_path: Path) -> None:
    itself = {**TREE, AU_FILE: TREE[AU_FILE].replace("part_of: kommunstyrelsen", "part_of: ks-arbetsutskott")}
    assert any("kan inte vara en del av sig självt" in p for p in problems(tmp_path / "a", itself, "2025-06-01"))
    ks = "committees/kommunstyrelsen.md"
    cycle = {**TREE, ks: TREE[ks].replace("kind: kommunstyrelse", "kind: kommunstyrelse\npart_of: ks-arbetsutskott")}
    found = [p for p in problems(tmp_path / "b", cycle, "2025-06-01") if "part_of" in p]
    assert len(found) == 1 and "delar av varandra i en cirkel" in found[0], found


def test_a_member_needs_a_name(tmp_path: Path) -> None:
    tree = {**TREE, AU_FILE: TREE[AU_FILE].replace("{name: Cecilia Ceder, role: ledamot}", "{role: ledamot}")}
    assert problems(tmp_path, tree, "2025-06-01") == [f"{AU_FILE}:12: members.2.name: fältet saknas men krävs"]


def test_a_date_of_members_without_members_is_refused(tmp_path: Path) -> None:
    pr = "committees/pensionarsradet.md"
    tree = {**TREE, pr: "---\nname: Kommunala pensionärsrådet\nmembers_as_of: 2025\n---\n"}
    (found,) = problems(tmp_path, tree, "2025-06-01")
    assert found.startswith(f"{pr}:3: members_as_of: 'members_as_of' anger dagen som listan"), found


@pytest.mark.parametrize(("seats", "expected"), [
    ("seats: {}", "seats: 'seats' är tomt"),
    ("seats: {substitutes: 41, parties: 9}", "seats.parties: det finns inget sådant fält här"),
    ("seats: {members: 0}", "seats.members: '0' är för litet; gränsen är 1"),
    ("seats: {members: 79, substitutes: -1}", "seats.substitutes: '-1' är för litet; gränsen är 0"),
    ("seats: {members: 79 ledamöter}", "seats.members: '79 ledamöter' ska vara ett heltal"),
    ("seats: {as_given: ''}", "seats.as_given: '' får inte vara tomt"),
])
def test_a_size_that_says_nothing_or_no_number_is_refused(tmp_path: Path, seats: str, expected: str) -> None:
    text = TREE[KF_FILE].replace("seats:\n  members: 79\n  substitutes: 41\n"
                                 "  as_given: 79 ordinarie ledamöter och 41 ersättare från nio partier", seats)
    assert text != TREE[KF_FILE]
    (found,) = problems(tmp_path, {**TREE, KF_FILE: text}, "2025-06-01")
    assert found.startswith(f"{KF_FILE}:"), found
    assert expected in found, found


@pytest.mark.parametrize(("field", "expected"), [("usual_place: ''", ":9: usual_place: '' får inte vara tomt"),
                                               ("public_as_given: ''", ":10: public_as_given: '' får inte vara tomt"),
                                               ("usual_place: [a, b]", ":9: usual_place: ska vara text")])
def test_an_empty_usual_place_or_public_note_is_refused(tmp_path: Path, field: str, expected: str) -> None:
    key = field.partition(":")[0]
    text = "\n".join(field if line.startswith(f"{key}:") else line for line in TREE[KF_FILE].splitlines())
    assert problems(tmp_path, {**TREE, KF_FILE: text}, "2025-06-01") == [f"{KF_FILE}{expected}"]
