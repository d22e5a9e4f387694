"""The sixteenth trial's findings (Motala, Enköping; Kungälv): what the built site said wrongly of records entered
with only the guide. Builds tests/cases/trial16.yaml with the real engine and reads the pages, lists, feeds, data and
OParl: a meeting known from a mention of a referral back; undated meetings in lists and feeds; a matter's partners
and agreements in the open data; a decision "Igår" beside the meeting's unstated time; the new-meeting scaffold's
title; a body whose source names only its chair."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from namndbeslut import scaffold
from support.oparl import invalid_objects
from support.project import CASES_DIR, ROOT, write_tree
from support.site import (
    SITE_URL,
    BuiltSite,
    attr,
    built_tree,
    csv_by,
    data,
    one,
    oparl_object,
    read,
    records_by,
    resolve,
    words,
)

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "trial16.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2026-12-07"
NO_DECISIONS = "Inga beslutsärenden redovisas"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "trial16", TREE, BUILD_DATE)


# -- 1. a mention, and a referral back, are never "no decisions" ----------------------------------------------------


def test_a_mention_of_a_referral_back_never_says_no_decisions_were_reported(built: BuiltSite) -> None:
    page = built.text("sammantraden/2019-05-23-upplevelsenamnden/")
    assert "känt från ett omnämnande" in page and "Återremitterat" in page
    assert NO_DECISIONS not in page
    assert NO_DECISIONS not in built.text("sammantraden/2019/upplevelsenamnden/")


def test_a_referral_back_is_a_decision_the_meeting_took(built: BuiltSite) -> None:
    page = built.text("sammantraden/2019-06-13-upplevelsenamnden/")
    assert "Ärendetyp: Återremitterat (inget beslut ännu)" in page and NO_DECISIONS not in page


# -- 2 and 8. undated meetings in lists, feeds and search: the one rule of `Meeting.when` ------------------------------

KS_IDAG = "sammantraden/datum-anges-inte-kommunstyrelsen-idag/"
UNDATED_LISTED = ["Beslut från senaste kommunfullmäktige datum anges inte; enligt källan: möte den 14 mars",
                  "Kommunstyrelsen, datum anges inte; enligt källan: i onsdags",
                  "Kommunstyrelsen, datum anges inte; enligt källan: idag",
                  "Upplevelsenämnden, datum anges inte; enligt källan: vid sitt senaste möte"]


def test_lists_of_undated_meetings_say_the_date_as_the_meeting_page_does(built: BuiltSite) -> None:
    assert "Datum anges inte; enligt källan: idag" in built.text(KS_IDAG)
    listed = [words(li) for li in built.article("sammantraden/").select("ul.undated-meetings li")]
    assert [x.rsplit(" ", 1)[0].removesuffix(" ·") for x in listed] == UNDATED_LISTED
    body = [words(li) for li in built.article("namnder/kommunstyrelsen/").select("ul.undated-meetings li")]
    assert body == UNDATED_LISTED[1:3]
    council = [words(li) for li in built.article("namnder/kommunfullmaktige/").select("ul.undated-meetings li")]
    assert council == UNDATED_LISTED[:1]


def test_two_undated_meetings_of_one_body_differ_by_the_sources_words(built: BuiltSite) -> None:
    links = [words(a) for a in built.article("namnder/kommunstyrelsen/").select("ul.undated-meetings a")]
    assert links == UNDATED_LISTED[1:3]
    titles = [words(t) for t in BeautifulSoup(read(built, "namnd-kommunstyrelsen.xml"), "xml").select("entry > title")]
    assert titles == UNDATED_LISTED[1:3]
    assert words(one(built.soup(KS_IDAG), "[data-pagefind-meta=title]")) == UNDATED_LISTED[2]
    assert words(one(built.article(KS_IDAG), "h1")) == "Kommunstyrelsen, datum anges inte", "the page as before"
    dated = "sammantraden/2019-10-14-kommunfullmaktige/"
    assert built.soup(dated).select("[data-pagefind-meta]") == [], "a dated meeting's result is its heading"


def test_a_matter_of_an_undated_meeting_is_listed_with_the_sources_words(built: BuiltSite) -> None:
    listed = [words(li) for li in built.article("partner/inkluderande-fastigheter-ab/").select("li")]
    assert any("Kommunfullmäktige, datum anges inte; enligt källan: möte den 14 mars" in x for x in listed), listed


# -- 3. open data: the meeting's words in the CSV, a matter's partners and agreements in JSON and OParl ---------------

def test_the_matters_csv_has_the_meetings_date_and_body_in_the_sources_words(built: BuiltSite) -> None:
    rows = csv_by(built, "data/arenden.csv", "Id")
    columns = list(rows["kf-akersberg"])
    assert columns.index("Organ enligt källan") == columns.index("Datum enligt källan") + 1
    assert columns.index("Datum enligt källan") > columns.index("Förslaget går till"), "after the earlier columns"
    assert (rows["kf-akersberg"]["Datum enligt källan"], rows["kf-akersberg"]["Organ enligt källan"]) == (
        "möte den 14 mars", "")
    assert (rows["stangning"]["Datum enligt källan"], rows["stangning"]["Organ enligt källan"]) == ("", "kommunen")
    assert rows["kf-lalandia"]["Datum enligt källan"] == "Igår", "beside a date, as the page gives it"


def test_a_matters_partners_and_agreements_are_in_its_data(built: BuiltSite) -> None:
    matters = records_by(built, "data/arenden.json", "id")
    row = matters["kf-akersberg"]
    assert [(p["id"], p["name"]) for p in row["concerns"]] == [
        ("inkluderande-fastigheter-ab", "Inkluderande fastigheter AB")]
    assert row["concerns"][0]["url"].endswith("/partner/inkluderande-fastigheter-ab/")
    assert [(a["id"], a["role"]) for a in row["agreements"]] == [
        ("inkluderande-fastigheter-ab", "antar"), ("inkluderande-fastigheter-ab-2", "gäller")]
    assert row["agreements"][1]["url"].endswith("/overenskommelser/inkluderande-fastigheter-ab-2/")
    assert "concerns" not in matters["kf-lalandia"] and "agreements" not in matters["un-arsbidrag"]


def test_a_matters_partners_and_agreements_are_on_its_oparl_agenda_item(built: BuiltSite) -> None:
    item = oparl_object(built, "agenda-item", "kf-akersberg")
    assert item["namndbeslut:concerns"] == [data(built, "oparl/organization/partner-inkluderande-fastigheter-ab.json")
                                            ["id"]]
    assert [x.rsplit("/", 1)[-1] for x in item["namndbeslut:agreements"]] == [
        "overenskommelse-inkluderande-fastigheter-ab.json", "overenskommelse-inkluderande-fastigheter-ab-2.json"]
    for paper in item["namndbeslut:agreements"]:
        assert data(built, paper.removeprefix(SITE_URL))["type"].endswith("/Paper")
    assert "namndbeslut:concerns" not in oparl_object(built, "agenda-item", "kf-lalandia")
    assert invalid_objects(built.path) == []


# -- 4. a decision "Igår" in a dated news item: the meeting's unstated time is said of the meeting ---------------------


def test_the_meetings_unstated_time_comes_before_the_sources_words_about_its_date(built: BuiltSite) -> None:
    page = built.article("sammantraden/2019-10-14-kommunfullmaktige/")
    assert words(one(page, "p.page-meta")) == (
        "Sammanträde 14 oktober 2019 (tid anges inte); enligt källan: Igår · Kommunfullmäktige")
    assert "publicerad 15 oktober 2019 15:18" in words(one(page, "p.source-note")), "the news item's time is its own"


# -- 5. the new-meeting scaffold's title example --------------------------------------------------------------------


def test_the_scaffold_for_an_undated_meeting_without_a_body_gives_no_title_beslut_beslut(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    written = scaffold.new_meeting(tmp_path, "anges inte", "anges inte", "stangning").read_text(encoding="utf-8")
    (title,) = [line for line in written.splitlines() if line.startswith("title:")]
    assert "Beslut – beslut" not in title
    assert "eller anges inte (rubriken blir då Sammanträde, organ anges inte, datum anges inte)" in title
    with_body = scaffold.new_meeting(tmp_path, "anges inte", "kommunstyrelsen", "x").read_text(encoding="utf-8")
    assert "t.ex. Kommunstyrelsen – beslut, eller anges inte" in with_body, "a body's example as before"


# -- 6. a body whose source names only its chair ---------------------------------------------------------------------


def test_one_person_named_alone_is_not_headed_as_the_bodys_members(built: BuiltSite) -> None:
    council = built.article("namnder/kommunfullmaktige/")
    assert words(one(council, "h2#ledamoter")) == "Personer enligt källan"
    assert words(one(council, "table caption")) == "Personer i kommunfullmäktige som källan nämner"
    assert words(one(council, "p.members-as-of")) == "Uppgiften gäller enligt källan: anges inte."
    assert "Rolf Carlsson kommunfullmäktiges ordförande" in words(one(council, "table"))
    assert "Ledamöter" not in words(council)


def test_a_list_the_source_dates_is_still_headed_as_the_members(built: BuiltSite) -> None:
    board = built.article("namnder/kommunstyrelsen/")
    assert words(one(board, "h2#ledamoter")) == "Ledamöter enligt källan"
    assert words(one(board, "table caption")) == "Ledamöter i kommunstyrelsen som källan listar dem"
    assert words(one(board, "p.members-as-of")) == "Listan gäller enligt källan: 10 oktober 2018."


# -- 7. the guide's links from a page in content/ to the pages the build makes -----------------------------------------


def test_the_guides_links_from_a_page_of_ones_own_reach_the_generated_pages(built: BuiltSite) -> None:
    hrefs = [attr(a, "href") for a in built.article("iop/").select("p a")]
    assert len(hrefs) == 12
    for href in hrefs:
        assert (built.path / resolve("iop/", href) / "index.html").is_file(), href


# -- 9. the guide's and the scaffold's `date_as_given` hold only the source's words -----------------------------------

EDITORS_NOTES = ("året anges inte", "enligt nyhet", "är daterat")


def test_the_guides_date_as_given_examples_hold_only_the_sources_words() -> None:
    guide = (ROOT / "REDAKTORSGUIDE.md").read_text(encoding="utf-8")
    examples = re.findall(r"date_as_given: ([^`\n]+)", guide)
    assert len(examples) >= 4
    assert [x for x in examples if any(note in x for note in EDITORS_NOTES)] == []
    assert "skriv aldrig ett datum som\nbara står i adressen" in guide


def test_the_scaffold_asks_for_the_sources_words_only(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    written = scaffold.new_meeting(tmp_path, "anges inte", "kommunstyrelsen", "y").read_text(encoding="utf-8")
    (given,) = [line for line in written.splitlines() if line.startswith("date_as_given:")]
    assert "den 12 september" in given and not any(note in given for note in EDITORS_NOTES)
