"""The seventeenth trial's findings on bodies, schedules and lists (Sigtuna): what the built site said wrongly of
records entered with only the guide. Builds tests/cases/trial17b.yaml with the real engine and reads the pages and
OParl: bodies that merged into one; a council's meeting days without a year on a later build; the start page's note
on a meeting known from a mention; a body's secretary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from support.project import CASES_DIR, problems
from support.site import BuiltSite, attr, built_tree, data, one, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "trial17b.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2026-03-02"
OLD = ("forskole-och-grundskolenamnden", "gymnasie-och-vuxenutbildningsnamnden")
NEW = "utbildningsnamnden"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "trial17b", TREE, BUILD_DATE)


def _organization(built: BuiltSite, body: str) -> dict[str, Any]:
    return dict(data(built, f"oparl/organization/namnd-{body}.json"))


# -- 1. bodies that merge ----------------------------------------------------------------------------------------------


def test_a_body_that_continues_two_links_both_and_each_links_forward(built: BuiltSite) -> None:
    box = built.fact_box(f"namnder/{NEW}/")
    assert words(box["Fortsätter arbetet i"]) == ("Förskole- och grundskolenämnden, Gymnasie- och "
                                                  "vuxenutbildningsnämnden, från 1 maj 2024")
    assert [attr(a, "href") for a in box["Fortsätter arbetet i"].select("a")] == [f"../{x}/" for x in OLD]
    for old in OLD:
        after = built.fact_box(f"namnder/{old}/")["Arbetet fortsätter i"]
        assert words(after) == "Utbildningsnämnden, från 1 maj 2024" and attr(one(after, "a"), "href") == f"../{NEW}/"


def test_a_meeting_of_a_merged_body_links_the_body_that_continues_it(built: BuiltSite) -> None:
    page = "sammantraden/2023-03-15-forskole-och-grundskolenamnden/"
    _, _, links = built.body_links(page)
    assert links["Arbetet fortsätter i utbildningsnämnden"] == f"namnder/{NEW}/"
    block = words(one(built.article(page), "ul.body-links"))
    assert "Arbetet fortsätter i utbildningsnämnden, från 1 maj 2024" in block


def test_the_merge_is_in_oparl(built: BuiltSite) -> None:
    new = _organization(built, NEW)
    assert [str(x).rsplit("/", 1)[1] for x in new["namndbeslut:continues"]] == [f"namnd-{x}.json" for x in OLD]
    assert new["namndbeslut:since"] == "2024-05-01" and "namndbeslut:continuedIn" not in new
    for old in OLD:
        assert str(_organization(built, old)["namndbeslut:continuedIn"]).endswith(f"namnd-{NEW}.json")


def test_a_decision_cited_before_a_merge_names_no_body_it_cannot_know(built: BuiltSite) -> None:
    """Adopted 14 June 2023, before utbildningsnämnden took over from two bodies: which of them decided is not
    guessed, nor is the new body said to have."""
    assert built.facts("overenskommelser/skolskjuts/")["Beslutat"] == "14 juni 2023"
    (decision,) = data(built, "data/overenskommelser/skolskjuts.json")["decisions"]
    assert decision["committee"] is None and decision["date"] == "2023-06-14"


MERGED = TREE[f"committees/{NEW}.md"]


@pytest.mark.parametrize(("continues", "expected"), [
    ("continues: {id: forskole-och-grundskolenamnden}",
     "continues: skriv filnamnet för det tidigare organet (utan .md), eller för flera organ som slogs ihop till detta "
     "ett på var sin rad: 'continues:' och sedan '- <filnamn>' på varje rad"),
    ("continues: [forskole-och-grundskolenamnden, forskole-och-grundskolenamnden]",
     "continues: samma organ står flera gånger: forskole-och-grundskolenamnden; skriv varje organ en gång"),
    ("continues: [forskole-och-grundskolenamnden, gymnasienamnden]",
     "continues.1: det finns ingen nämnd med id 'gymnasienamnden'"),
    ("continues: [forskole-och-grundskolenamnden, utbildningsnamnden]",
     "continues.1: ett organ kan inte fortsätta sitt eget arbete; skriv filnamnet för det tidigare organet, eller ta "
     "bort 'continues'"),
])
def test_a_list_of_bodies_continued_is_checked(continues: str, expected: str, tmp_path: Path) -> None:
    start = MERGED.index("continues:")
    text = MERGED[:start] + continues + "\n" + MERGED[MERGED.index("since:"):]
    found = problems(tmp_path, {**TREE, f"committees/{NEW}.md": text}, BUILD_DATE)
    assert len(found) == 1 and found[0].startswith(f"committees/{NEW}.md:") and expected in found[0], found


def test_two_bodies_that_continue_one_are_still_refused(tmp_path: Path) -> None:
    other = "---\nname: Gymnasienämnden\ncontinues: gymnasie-och-vuxenutbildningsnamnden\n---\n"
    found = problems(tmp_path, {**TREE, "committees/gymnasienamnden.md": other}, BUILD_DATE)
    assert len(found) == 1 and "fortsätts redan av" in found[0] and "med alla de tidigare organen" in found[0], found


# -- 2. meeting days without a year are never "kommande" ---------------------------------------------------------------


def test_meeting_days_as_given_have_their_own_heading_never_upcoming(built: BuiltSite) -> None:
    page = built.article("namnder/kommunfullmaktige/")
    heading = one(page, "h2#sammantradesdagar")
    assert words(heading) == "Sammanträdesdagar enligt källan"
    schedule = heading.find_next_sibling("p")
    assert schedule is not None and words(schedule) == "Sammanträdesdagar 2021 6 april (tisdag)"
    upcoming = one(page, "h2#kommande")
    between = []
    for tag in upcoming.find_next_siblings():
        if tag.name == "h2":
            break
        between.append(words(tag))
    assert between == ["Sammanträdena börjar i regel kl. 18.00.", "Inga planerade sammanträden är publicerade just nu."]


# -- 3. the start page says what the meetings overview says ------------------------------------------------------------


def test_the_start_page_says_a_meeting_is_known_from_a_mention(built: BuiltSite) -> None:
    note = "Sammanträdet är känt från ett omnämnande i källan; övriga ärenden anges inte."
    home = built.article("").select_one("section.latest-meetings")
    assert home is not None and note in words(home)
    assert note in words(one(built.article("sammantraden/"), "ul.meeting-list"))


# -- 4. a body's secretary ---------------------------------------------------------------------------------------------


def test_a_bodys_secretary_is_no_member(built: BuiltSite) -> None:
    assert built.facts("namnder/kommunfullmaktige/")["Sekreterare enligt källan"] == "Ingela Persson"
    members = one(built.article("namnder/kommunfullmaktige/"), "table.data-table")
    assert "Ingela Persson" not in words(members)
    council = _organization(built, "kommunfullmaktige")
    assert council["namndbeslut:secretary"] == "Ingela Persson"
    assert [m["name"] for m in council["namndbeslut:members"]] == ["Anna Andersson", "Bo Berg"]


def test_a_secretary_is_one_name(tmp_path: Path) -> None:
    council = TREE["committees/kommunfullmaktige.md"].replace("secretary: Ingela Persson",
                                                              "secretary: [Ingela Persson, Per Olsson]")
    found = problems(tmp_path, {**TREE, "committees/kommunfullmaktige.md": council}, BUILD_DATE)
    assert found == ["committees/kommunfullmaktige.md:11: secretary: ska vara text"], found
