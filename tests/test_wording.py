"""Where the built site said more than, or other than, its source (issue 26, trial editors).

Builds tests/cases/wording.yaml with the real engine and reads the pages and the data: a selection whose source is
no summary, an interpellation the source only names, the old-meeting banner on meetings whose page reports no
decision, a body of another municipality in schema.org and OParl, a body's text under a neutral heading, and the
unknown-field message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, data, one, words

TREE = yaml.safe_load((CASES_DIR / "wording.yaml").read_text(encoding="utf-8"))
SELECTION = "sammantraden/2024-03-13-kommunfullmaktige/"
WEBCAST = "sammantraden/2024-04-22-kommunfullmaktige/"
INFORMATION = "sammantraden/2024-05-20-kommunfullmaktige/"
BODY = "namnder/kommunfullmaktige/"
BANNER = "Sammanträdet hölls för mer än 6 månader sedan."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "wording", TREE, "2025-06-01")


def test_a_selection_says_the_source_not_a_summary_leaves_matters_out(built: BuiltSite) -> None:
    note = words(one(built.article(SELECTION), ".selection-note"))
    assert note == "Urval av ärendena enligt källan: källan tar inte upp alla ärenden från sammanträdet."
    assert "sammanfattning" not in built.text(SELECTION)


def test_an_interpellation_is_labelled_only_as_what_its_kind_means(built: BuiltSite) -> None:
    assert "Ärendetyp: Interpellation (inget beslut)" in built.matter_facts(SELECTION, "kf-2024-interpellation")
    assert "besvarad" not in built.text(SELECTION) and "debatterad" not in built.text(SELECTION)


def test_the_old_meeting_banner_only_where_the_page_reports_decisions(built: BuiltSite) -> None:
    assert BANNER in built.text(SELECTION)
    for url in (WEBCAST, INFORMATION):
        assert built.article(url).select_one(".banner--old") is None, url
        assert BANNER not in built.text(url), url


def test_a_meeting_of_another_municipality_names_its_own_in_schema_org(built: BuiltSite) -> None:
    event = json.loads(one(built.soup(SELECTION), 'script[type="application/ld+json"]').get_text())
    assert event["organizer"]["name"] == "Kommunfullmäktige i Botkyrka kommun"
    assert event["organizer"]["parentOrganization"]["name"] == "Botkyrka kommun"
    assert "Lund" not in json.dumps(event, ensure_ascii=False)


def test_a_body_of_another_municipality_says_its_municipality_in_oparl(built: BuiltSite) -> None:
    organization = data(built, "oparl/organization/namnd-kommunfullmaktige.json")
    assert organization["namndbeslut:municipality"] == "Botkyrka kommun"
    body = data(built, "oparl/body.json")
    assert organization["body"] == body["id"]  # the Body that publishes it (docs/open-data.md: a limit)


def test_a_bodys_text_is_under_a_neutral_heading(built: BuiltSite) -> None:
    heading = one(built.article(BODY), "h2#om")
    assert words(heading) == "Om kommunfullmäktige i Botkyrka kommun"
    assert "Kommunfullmäktige har 61 ledamöter." in words(built.article(BODY))
    assert built.article(BODY).select_one("h2#uppdrag") is None
    _, _, links = built.body_links(SELECTION)
    assert links["Mer om kommunfullmäktige i Botkyrka kommun"] == BODY + "#om"


def test_an_unknown_field_names_the_close_one(tmp_path: Path) -> None:
    tree = edited(TREE, "committees/kommunfullmaktige.md", "kind: kommunfullmäktige", "kind: kommunfullmäktige\n"
                  "municipalty: Botkyrka kommun")
    assert problems(tmp_path, tree, "2025-06-01") == [
        "committees/kommunfullmaktige.md:4: municipalty: okänt fält; menar du 'municipality'?"]


def test_an_unknown_field_with_no_close_one_says_the_fact_goes_in_the_text(tmp_path: Path) -> None:
    tree = edited(TREE, "decisions/2024-03-13-kommunfullmaktige.md", "    kind: interpellation",
                  "    kind: interpellation\n    answered_by: Kommunalrådet")
    assert problems(tmp_path, tree, "2025-06-01") == [
        "decisions/2024-03-13-kommunfullmaktige.md:11: matters.1.answered_by: det finns inget sådant fält här; "
        "skriv uppgiften i texten i stället"]


def test_the_guide_says_chair_is_the_chair_of_that_meeting() -> None:
    """A notice signed by the body's chairman does not say who chaired the meeting (issue 26)."""
    guide = (Path(__file__).parents[1] / "REDAKTORSGUIDE.md").read_text(encoding="utf-8")
    (row,) = [line for line in guide.splitlines() if line.startswith("| `chair` |")]
    assert "ordföranden vid just det här sammanträdet" in row and "kallelse" in row
