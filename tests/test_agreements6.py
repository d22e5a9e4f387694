"""Gaps and over-statements trial editors found (issue 26, agreements6): an agreement's obligations and conditions,
a deadline whose date and words read as a range, a body's usual time on a meeting held long ago, and the old-meeting
banner and the partial notice on matters whose kind the source does not state.

Builds tests/cases/agreements6.yaml with the real engine and reads the pages, the JSON, OParl and the calendar; and
loads it wrongly written, for the Swedish messages.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, one, oparl_object, records_by, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "agreements6.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2025-06-01"
PAGE = "overenskommelser/exploatoren-ab/"
AGREEMENT = "agreements/exploatoren-ab.md"
BANNER = "Sammanträdet hölls för mer än 6 månader sedan."
PARTIAL_NOTICE = "Vilka beslut sammanträdet fattade framgår inte av den del av källan som återges här."
USUAL = "Sammanträdena börjar i regel kl. 18.00. Plats i regel: Stadshusets fullmäktigesal."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "agreements6", TREE, BUILD_DATE)


def record(site: BuiltSite) -> dict[str, Any]:
    return records_by(site, "data/overenskommelser.json", "id")["exploatoren-ab"]


# -- 1. obligations and conditions ----------------------------------------------------------------------------------

def test_obligations_and_conditions_are_a_section_of_the_page(built: BuiltSite) -> None:
    page = built.article(PAGE)
    heading = one(page, "h2#ataganden-och-villkor")
    assert words(heading) == "Åtaganden och villkor enligt källan"
    assert [words(li) for li in page.select("ul.obligations li")] == [
        "Exploatören: Erforderliga åtgärder på allmän platsmark ska bekostas av exploatören",
        "Vem anges inte: Marken ska återställas efter avslutade arbeten"]
    assert [words(li) for li in page.select("ul.conditions li")] == [
        "Tillträde till fastigheten ska ske när bolaget uppnått en försäljningsgrad motsvarande 60 procent"]


def test_obligations_and_conditions_in_the_json_and_oparl(built: BuiltSite) -> None:
    found = record(built)
    assert found["obligations"] == [
        {"by": "exploatören", "what": "Erforderliga åtgärder på allmän platsmark ska bekostas av exploatören"},
        {"by": None, "what": "Marken ska återställas efter avslutade arbeten"}]
    assert found["conditions"] == [
        "Tillträde till fastigheten ska ske när bolaget uppnått en försäljningsgrad motsvarande 60 procent"]
    paper = oparl_object(built, "paper", "overenskommelse-exploatoren-ab")
    assert paper["namndbeslut:obligations"] == [
        {"by": "exploatören", "what": "Erforderliga åtgärder på allmän platsmark ska bekostas av exploatören"},
        {"what": "Marken ska återställas efter avslutade arbeten"}]
    assert paper["namndbeslut:conditions"] == found["conditions"]
    for path in sorted((built.path / "oparl" / "paper").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            assert list(validator(obj["type"].rsplit("/", 1)[-1]).iter_errors(obj)) == [], path.name


def test_an_agreement_without_them_has_no_section_and_no_keys(tmp_path_factory: pytest.TempPathFactory) -> None:
    text = TREE[AGREEMENT]
    tree = {**TREE, AGREEMENT: text[:text.index("obligations:")] + text[text.index("deadlines:"):]}
    site = built_tree(tmp_path_factory, "agreements6-none", tree, BUILD_DATE)
    assert site.article(PAGE).select_one("#ataganden-och-villkor") is None
    assert "obligations" not in record(site) and "conditions" not in record(site)
    paper = oparl_object(site, "paper", "overenskommelse-exploatoren-ab")
    assert not [k for k in paper if k in ("namndbeslut:obligations", "namndbeslut:conditions")]


def test_an_obligation_names_whose_or_says_anges_inte(tmp_path: Path) -> None:
    tree = edited(TREE, AGREEMENT, "{by: anges inte, what: Marken", "{by: , what: Marken")
    (problem,) = problems(tmp_path, tree, BUILD_DATE)
    assert "obligations" in problem and "by" in problem and "anges inte" in problem


def test_an_obligation_states_what(tmp_path: Path) -> None:
    tree = edited(TREE, AGREEMENT, "{by: exploatören, what: Erforderliga åtgärder på allmän platsmark ska bekostas "
                                   "av exploatören}", "{by: exploatören}")
    (problem,) = problems(tmp_path, tree, BUILD_DATE)
    assert "obligations" in problem and "what" in problem


# -- 2. a deadline with a date and the source's words ---------------------------------------------------------------

def test_a_deadline_with_both_is_the_date_then_the_words_in_brackets(built: BuiltSite) -> None:
    assert [words(li) for li in built.article(PAGE).select("ul.deadlines li")] == [
        "Detaljplanen ska vara antagen: 1 september 2021 (enligt källan: senast den 1 september 2021)"]
    assert "–" not in words(one(built.article(PAGE), "ul.deadlines"))


# -- 3. a body's usual time in the calendar -------------------------------------------------------------------------

def test_the_usual_time_only_on_planned_meetings_without_their_own(built: BuiltSite) -> None:
    events = built.events("kommunfullmaktige")
    assert USUAL in str(events["2025-09-22-kommunfullmaktige"]["description"])
    assert "i regel" not in str(events["2025-10-20-kommunfullmaktige"]["description"])
    for held in ("2005-03-14-kommunfullmaktige", "2024-02-12-kommunfullmaktige"):
        assert "i regel" not in str(events[held]["description"]), held


# -- 4. the old-meeting banner and the partial notice ---------------------------------------------------------------

def test_the_banner_only_where_a_matter_is_a_decision(built: BuiltSite) -> None:
    assert BANNER in built.text("sammantraden/2005-03-14-kommunfullmaktige/")
    for url in ("sammantraden/2024-02-12-kommunfullmaktige/", "sammantraden/2024-03-11-kommunstyrelsen/"):
        assert built.article(url).select_one(".banner--old") is None, url
        assert BANNER not in built.text(url), url


def test_a_partial_meeting_with_no_decision_says_the_part_does_not_tell(built: BuiltSite) -> None:
    page = built.article("sammantraden/2024-03-11-kommunstyrelsen/")
    assert words(one(page, "p.no-decisions")) == PARTIAL_NOTICE
    assert PARTIAL_NOTICE in built.text("sammantraden/2024/kommunstyrelsen/")
    whole = built.article("sammantraden/2024-02-12-kommunfullmaktige/")
    assert whole.select("p.no-decisions") == [], "a whole record of unstated kind is not said to decide nothing"
