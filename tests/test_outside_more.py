"""Follow-ups to decisions taken outside a meeting (`decided_as`, trials of issue 26).

Builds tests/cases/outside_more.yaml with the real engine and reads what a reader and a client get: when a decision
applies in the source's words (`effective_as_given`, `effective_until_as_given`: "med omedelbar verkan", "från den
30 oktober" without a year), beside a date or in its place, on the page, in JSON, CSV and OParl. Then the refusals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, csv_by, data

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "outside_more.yaml").read_text(encoding="utf-8"))
NEWS_ID = "2020-10-kommunstyrelsen-simhallen"
MEETING_ID = "2020-12-07-kommunstyrelsen"
NEWS, MEETING = (f"sammantraden/{x}/" for x in (NEWS_ID, MEETING_ID))
NEWS_FILE, MEETING_FILE = (f"decisions/{x}.md" for x in (NEWS_ID, MEETING_ID))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "outside-more", TREE, "2021-06-01")


def effective_line(built: BuiltSite, url: str, matter: str) -> list[str]:
    return [f for f in built.matter_facts(url, matter) if f.startswith("Gäller")]


# -- 1. when a decision applies, in the source's words ------------------------------------------------


def test_the_page_says_when_it_applies_in_the_sources_words(built: BuiltSite) -> None:
    assert effective_line(built, NEWS, "ks-simhallen-stangs") == [
        "Gäller från den 30 oktober, till och med den 19 november (enligt källan)"]
    assert effective_line(built, NEWS, "ks-avgifter-senarelaggs") == [
        "Gäller med omedelbar verkan, till september (enligt källan)"]
    assert effective_line(built, MEETING, "ks-skolskjuts-regler") == [
        "Gäller från augusti 2021 (enligt källan: från höstterminens start)"]


def test_json_csv_and_oparl_carry_the_words_never_a_date(built: BuiltSite) -> None:
    matters: dict[str, Any] = {m["id"]: m for m in data(built, "data/arenden.json")}
    closing = matters["ks-simhallen-stangs"]
    assert (closing["effective_as_given"], closing["effective_until_as_given"]) == (
        "från den 30 oktober", "till och med den 19 november")
    assert "effective" not in closing and "effective_until" not in closing
    rules = matters["ks-skolskjuts-regler"]
    assert (rules["effective"], rules["effective_as_given"]) == ("2021-08", "från höstterminens start")
    cells = csv_by(built, "data/arenden.csv", "Id")
    assert list(cells["ks-simhallen-stangs"])[-1] == "Gäller till enligt källan"
    assert (cells["ks-simhallen-stangs"]["Gäller till"], cells["ks-simhallen-stangs"]["Gäller till enligt källan"]) == (
        "", "till och med den 19 november")
    assert invalid_objects(built.path) == []
    paper = data(built, "oparl/paper/beslut-ks-avgifter-senarelaggs.json")
    assert (paper["namndbeslut:effectiveAsGiven"], paper["namndbeslut:effectiveUntilAsGiven"]) == (
        "med omedelbar verkan", "till september")
    assert "namndbeslut:effective" not in paper
    item = data(built, "oparl/agenda-item/ks-skolskjuts-regler.json")
    assert (item["namndbeslut:effective"], item["namndbeslut:effectiveAsGiven"]) == (
        "2021-08", "från höstterminens start")


@pytest.mark.parametrize(("old", "new", "field", "why"), [
    ("effective_as_given: från den 30 oktober", "effective_as_given: från den 30 oktober 2020",
     "matters.0.effective_as_given", "anger ett år (2020); skriv tidpunkten i 'effective'"),
    ("effective_until_as_given: till september", "effective_until_as_given: till september 2021",
     "matters.1.effective_until_as_given", "anger ett år (2021); skriv tidpunkten i 'effective_until'"),
    ("effective_as_given: från den 30 oktober", "effective_as_given: ''", "matters.0.effective_as_given", ""),
])
def test_words_that_hold_a_year_or_nothing_are_refused(tmp_path: Path, old: str, new: str, field: str,
                                                        why: str) -> None:
    (found,) = problems(tmp_path, edited(TREE, NEWS_FILE, old, new), "2021-06-01")
    assert f": {field}: " in found and why in found


def test_a_matter_that_decided_nothing_has_no_time_of_effect(tmp_path: Path) -> None:
    tree = edited(TREE, MEETING_FILE, "    kind: beslut\n    paragraphs: [149]\n    effective: 2021-08\n",
                  "    kind: information\n    paragraphs: [149]\n")
    (found,) = problems(tmp_path, tree, "2021-06-01")
    assert "matters.0.effective_as_given" in found and "hör bara till ett beslut" in found
