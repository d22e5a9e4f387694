"""Follow-ups to decisions taken outside a meeting (`decided_as`, trials of issue 26).

Builds tests/cases/outside_more.yaml with the real engine and reads what a reader and a client get: when a decision
applies in the source's words (`effective_as_given`, `effective_until_as_given`: "med omedelbar verkan", "från den
30 oktober" without a year), beside a date or in its place; who decided (a person named by role only, "i samråd
med" others; a body on delegation, `decided_by` as an id); the decisions a meeting was told of ("Anmälan av
delegationsbeslut"), from their `reported_at`; on the page, in JSON, CSV and OParl. Then the refusals, and what
a missing title's message tells the editor of such a record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, attr, built_tree, csv_by, data, one, resolve, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "outside_more.yaml").read_text(encoding="utf-8"))
NEWS_ID = "2020-10-kommunstyrelsen-simhallen"
UTSKOTT_ID = "2020-11-16-kommunstyrelsen-hyresrabatt"
MEETING_ID = "2020-12-07-kommunstyrelsen"
NEWS, MEETING, UTSKOTT = (f"sammantraden/{x}/" for x in (NEWS_ID, MEETING_ID, UTSKOTT_ID))
NEWS_FILE, MEETING_FILE, UTSKOTT_FILE = (f"decisions/{x}.md" for x in (NEWS_ID, MEETING_ID, UTSKOTT_ID))


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
    columns = list(cells["ks-simhallen-stangs"])
    assert columns.index("Gäller till enligt källan") > columns.index("Förslaget går till"), "after the earlier ones"
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


# -- 2. who decided, with whom -------------------------------------------------------------------------


def test_a_decider_named_by_role_with_others_consulted_reads_without_invention(built: BuiltSite) -> None:
    article = built.article(NEWS)
    assert words(article.select_one("p.manner")) == (  # type: ignore[arg-type]
        "Fattat av namn anges inte, kommundirektören; om det var ett delegationsbeslut eller ett ordförandebeslut "
        "anges inte.")
    assert words(article.select_one("p.decided-as-given")) == (  # type: ignore[arg-type]
        "Hur beslutet fattades: Beslutet är fattat av kommundirektören i samråd med kommunstyrelsens ordförande och "
        "krisledningsstaben (enligt källan)")
    record = {m["id"]: m for m in data(built, "data/arenden.json")}["ks-simhallen-stangs"]["meeting"]
    assert record["decided_by"] == {"role": "kommundirektören"}
    assert "decided_by_body" not in record


def test_a_body_that_decided_on_delegation_is_named_linked_in_data(built: BuiltSite) -> None:
    assert words(built.article(UTSKOTT).select_one("p.manner")) == (  # type: ignore[arg-type]
        "Fattat som delegationsbeslut av Kommunstyrelsens arbetsutskott, på uppdrag av Kommunstyrelsen.")
    record = {m["id"]: m for m in data(built, "data/arenden.json")}["ks-hyresrabatt"]["meeting"]
    assert "decided_by" not in record
    assert record["decided_by_body"]["id"] == "ks-arbetsutskott"
    assert record["decided_by_body"]["name"] == "Kommunstyrelsens arbetsutskott"
    assert record["decided_by_body"]["url"].endswith("/namnder/ks-arbetsutskott/")
    assert csv_by(built, "data/arenden.csv", "Id")["ks-hyresrabatt"]["Fattat av"] == "Kommunstyrelsens arbetsutskott"
    paper = data(built, "oparl/paper/beslut-ks-hyresrabatt.json")
    assert paper["namndbeslut:decidedByOrganization"].endswith("/organization/namnd-ks-arbetsutskott.json")
    assert "namndbeslut:decidedBy" not in paper


@pytest.mark.parametrize(("old", "new", "why"), [
    ("decided_by: ks-arbetsutskott", "decided_by: arbetsutskottet", "det finns ingen nämnd med id 'arbetsutskottet'"),
    ("decided_by: ks-arbetsutskott", "decided_by: kommunstyrelsen", "ett beslut av organet självt fattas vid ett "
                                                                   "sammanträde"),
    ("decided_as: delegationsbeslut", "decided_as: ordförandebeslut", "fattas av ordföranden, inte av ett organ"),
    ("decided_by: ks-arbetsutskott", "decided_by: Arbetsutskottet", "har fel form"),
])
def test_a_deciding_body_that_is_unknown_the_body_itself_or_a_chair_is_refused(tmp_path: Path, old: str, new: str,
                                                                               why: str) -> None:
    (found,) = problems(tmp_path, edited(TREE, UTSKOTT_FILE, old, new), "2021-06-01")
    assert ": decided_by: " in found and why in found


def test_a_meeting_may_not_name_a_deciding_body(tmp_path: Path) -> None:
    tree = edited(TREE, MEETING_FILE, "date: 2020-12-07\n", "date: 2020-12-07\ndecided_by: ks-arbetsutskott\n")
    (found,) = problems(tmp_path, tree, "2021-06-01")
    assert ": decided_by: " in found and "'decided_as'" in found


# -- 3. the meeting the decisions were reported to ---------------------------------------------------------


def test_the_meeting_lists_the_decisions_reported_to_it_with_links(built: BuiltSite) -> None:
    article = built.article(MEETING)
    assert words(one(article, "p.reported-decisions")) == "Anmälda beslut:"
    links = article.select("ul.reported-decisions a")
    assert [words(a) for a in links] == [
        "Beslut, Kommunstyrelsen oktober 2020: Simhallen stänger",
        "Beslut, Kommunstyrelsen oktober 2020: Avgifter för uteserveringar senareläggs",
        "Delegationsbeslut, Kommunstyrelsen 16 november 2020: Hyresrabatt för föreningar i kommunens lokaler"]
    assert [resolve(MEETING, attr(a, "href")) for a in links] == [
        f"{NEWS}#ks-simhallen-stangs", f"{NEWS}#ks-avgifter-senarelaggs", f"{UTSKOTT}#ks-hyresrabatt"]
    assert "Bidrag till julmarknaden" not in built.text(MEETING)  # reported to a meeting not published here


def test_the_meetings_json_names_them_by_id_and_url(built: BuiltSite) -> None:
    matters = {m["id"]: m for m in data(built, "data/arenden.json")}
    reported = matters["ks-anmalan-delegation"]["meeting"]["reported_decisions"]
    assert [r["id"] for r in reported] == ["ks-simhallen-stangs", "ks-avgifter-senarelaggs", "ks-hyresrabatt"]
    assert reported[2]["url"].endswith(f"/{UTSKOTT}#ks-hyresrabatt")
    assert "reported_decisions" not in matters["ks-hyresrabatt"]["meeting"]
    meeting = data(built, f"oparl/meeting/{MEETING_ID}.json")
    assert [u.rsplit("/", 1)[-1] for u in meeting["namndbeslut:reportedDecisions"]] == [
        "beslut-ks-simhallen-stangs.json", "beslut-ks-avgifter-senarelaggs.json", "beslut-ks-hyresrabatt.json"]


def test_a_report_to_a_published_meeting_of_another_body_is_refused(tmp_path: Path) -> None:
    tree = {**TREE, "committees/kulturnamnden.md": "---\nname: Kultur- och fritidsnämnden\n---\n"}
    tree = edited(tree, UTSKOTT_FILE, "body: kommunstyrelsen}", "body: kulturnamnden}")
    (found,) = problems(tmp_path, tree, "2021-06-01")
    assert ": reported_at.body: " in found and f"publicerat i decisions/{MEETING_ID}.md" in found
    assert "ett sammanträde i 'kommunstyrelsen'" in found


# -- 4. a missing title ------------------------------------------------------------------------------------


def test_a_missing_title_on_a_decision_tells_the_editor_to_write_anges_inte(tmp_path: Path) -> None:
    (found,) = problems(tmp_path, edited(TREE, UTSKOTT_FILE, "title: anges inte\n", ""), "2021-06-01")
    assert f"{UTSKOTT_FILE}:" in found and ": title: fältet saknas men krävs; " in found
    assert "skriv 'title: anges inte'" in found and "'Delegationsbeslut, " in found


def test_a_missing_title_on_a_meeting_says_only_that_it_is_required(tmp_path: Path) -> None:
    tree = edited(TREE, MEETING_FILE, "title: Kommunstyrelsen 7 december 2020\n", "")
    (found,) = problems(tmp_path, tree, "2021-06-01")
    assert found.endswith(": title: fältet saknas men krävs")
