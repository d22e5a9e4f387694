"""What new editors entering Falun's and Södertälje's pages could not record of meetings (meetings5): a decision
known only to the year (`date: 2017`), a date given relative to the source (`date_as_given`), a news item listing
the points of the day (`known_from: nyhet`) and a webcast of a meeting held (`known_from: webbsändning`), a meeting
with only elections (an election is a decision), the overview's notes and a tense-free calendar summary. Builds
tests/cases/meetings5.yaml and reads the pages, data, feeds, calendar and OParl.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from namndbeslut import scaffold
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, data, one, read, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "meetings5.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-20"
KS_YEAR = "sammantraden/2017-kommunstyrelsen/"
KS_WEEK = "sammantraden/2019-11-kommunstyrelsen/"
KS_NEWS = "sammantraden/2024-03-18-kommunstyrelsen/"
KF_WEB = "sammantraden/2024-04-22-kommunfullmaktige/"
KF_VAL = "sammantraden/2024-05-20-kommunfullmaktige/"
WEEK = "veckans sammanträde enligt nyhet 8 november 2019"
NEWS_NOTE = "Uppgifterna kommer från nyheten; om sammanträdet hölls och vad som beslutades anges inte."
WEB_NOTE = "Sammanträdet hölls enligt källan (webbsändningen); vad som beslutades anges inte."
MENTION = "Sammanträdet är känt från ett omnämnande i källan; övriga ärenden anges inte."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "meetings5", TREE, BUILD_DATE)


# -- 1. a decision known only to the year ---------------------------------------------------------------------------


def test_a_year_is_shown_as_the_year(built: BuiltSite) -> None:
    page = built.article(KS_YEAR)
    assert words(one(page, "h1")) == "Kommunstyrelsen 2017"
    assert one(page, "p.page-meta time")["datetime"] == "2017"
    assert words(one(page, "p.page-meta")).startswith("Sammanträde 2017 (dag och tid anges inte) ·")
    listed = [words(li) for li in built.article("sammantraden/").select("ul.meeting-list li")]
    ks = [x for x in listed if x.startswith(("Kommunstyrelsen 2017", "Kommunstyrelsen i december 2017"))]
    assert ks[0].startswith("Kommunstyrelsen 2017"), listed  # at the year's end: after December's meeting
    assert "Kommunstyrelsen 2017" in read(built, "namnd-kommunstyrelsen.xml")


def test_a_year_in_data_and_oparl_and_no_calendar_event(built: BuiltSite) -> None:
    rows = {r["id"]: r for r in data(built, "data/arenden.json")}
    assert rows["ks-2017-sodertaljelyftet"]["meeting"]["date"] == "2017"
    table = {r["Id"]: r for r in csv.DictReader(io.StringIO(read(built, "data/arenden.csv")), delimiter=";")}
    assert "2017" in table["ks-2017-sodertaljelyftet"].values()
    meeting = data(built, "oparl/meeting/2017-kommunstyrelsen.json")
    assert meeting["namndbeslut:date"] == "2017" and "namndbeslut:month" not in meeting and "start" not in meeting
    assert "2017-kommunstyrelsen" not in built.events("kommunstyrelsen")


def test_the_scaffold_writes_a_year(tmp_path: Path) -> None:
    (tmp_path / "committees").mkdir()
    (tmp_path / "committees/kommunstyrelsen.md").write_text("---\nname: Kommunstyrelsen\nkind: kommunstyrelse\n---\n",
                                                            encoding="utf-8")
    path = scaffold.new_meeting(tmp_path, "2017", "kommunstyrelsen")
    assert path.name == "2017-kommunstyrelsen.md"
    assert "\ndate: 2017 " in path.read_text(encoding="utf-8")


# -- 2. a date given relative to the source -------------------------------------------------------------------------


def test_a_date_as_given_is_shown_beside_the_date(built: BuiltSite) -> None:
    meta = words(one(built.article(KS_WEEK), "p.page-meta"))
    assert meta.startswith(f"Sammanträde november 2019 (dag och tid anges inte); enligt källan: {WEEK} ·"), meta
    assert data(built, "oparl/meeting/2019-11-kommunstyrelsen.json")["namndbeslut:dateAsGiven"] == WEEK
    assert "namndbeslut:dateAsGiven" not in data(built, "oparl/meeting/2017-kommunstyrelsen.json")
    rows = {r["id"]: r for r in data(built, "data/arenden.json")}
    assert rows["ks-2019-skolor"]["meeting"]["date_as_given"] == WEEK
    assert rows["ks-2017-sodertaljelyftet"]["meeting"]["date_as_given"] is None


# -- 3. a news item of the day and a webcast ------------------------------------------------------------------------


def test_a_news_item_of_the_day_is_like_an_agenda(built: BuiltSite) -> None:
    page = built.article(KS_NEWS)
    assert words(one(page, "p.agenda-note")) == NEWS_NOTE
    assert "Ärende i nyheten; vad som beslutades anges inte" in built.matter_facts(KS_NEWS, "ks-2024-nyhet-detaljplan")
    meeting = data(built, "oparl/meeting/2024-03-18-kommunstyrelsen.json")
    assert meeting["meetingState"] == "kallat, om sammanträdet hölls anges inte"
    assert "result" not in data(built, "oparl/agenda-item/ks-2024-nyhet-detaljplan.json")


def test_a_webcast_says_held_but_no_decision(built: BuiltSite) -> None:
    page = built.article(KF_WEB)
    assert words(one(page, "p.agenda-note")) == WEB_NOTE
    assert page.select("p.no-decisions") == [] and "Inga beslutsärenden" not in words(page)
    assert "Ärende i webbsändningen; vad som beslutades anges inte" in built.matter_facts(KF_WEB,
                                                                                   "kf-2024-webb-motion")
    meeting = data(built, "oparl/meeting/2024-04-22-kommunfullmaktige.json")
    assert (meeting["meetingState"], meeting["namndbeslut:knownFrom"]) == ("genomfört", "webbsändning")
    assert "result" not in data(built, "oparl/agenda-item/kf-2024-webb-motion.json")
    assert WEB_NOTE in str(built.events("kommunfullmaktige")["2024-04-22-kommunfullmaktige"]["description"])


# -- 4. the overview's notes ------------------------------------------------------------------------------------


def test_the_latest_meetings_carry_their_notes(built: BuiltSite) -> None:
    listed = [words(li) for li in built.article("sammantraden/").select("ul.meeting-list li")]
    assert any(x.startswith("Kommunstyrelsen 18 mars 2024") and x.endswith(NEWS_NOTE) for x in listed), listed
    assert any(x.startswith("Kommunfullmäktige 22 april 2024") and x.endswith(WEB_NOTE) for x in listed), listed
    assert any(x.startswith("Kommunstyrelsen 2017") and x.endswith(MENTION) for x in listed), listed
    assert [x for x in listed if x.startswith("Kommunfullmäktige 20 maj 2024")] == [
        "Kommunfullmäktige 20 maj 2024 Kommunfullmäktige"]


# -- 5. an election is a decision -----------------------------------------------------------------------------------


def test_an_election_is_a_decision(built: BuiltSite) -> None:
    assert "Inga beslutsärenden redovisas" not in words(built.article(KF_VAL))
    assert data(built, "oparl/agenda-item/kf-2024-val-revisor.json")["result"] == "Val"


# -- 6. a calendar summary without tense ----------------------------------------------------------------------------


def test_the_calendar_summary_has_no_tense(built: BuiltSite) -> None:
    event = built.events("kommunfullmaktige")["2024-05-20-kommunfullmaktige"]
    assert str(event["summary"]) == "Kommunfullmäktige: sammanträde"


# -- all of it in valid OParl, and what cannot be ---------------------------------------------------------------------


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], path.name


YEAR_FILE = "decisions/2017-kommunstyrelsen.md"
NEWS_FILE = "decisions/2024-03-18-kommunstyrelsen.md"
WEB_FILE = "decisions/2024-04-22-kommunfullmaktige.md"


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    pytest.param(YEAR_FILE, "date: 2017", "date: 17",
                 f"{YEAR_FILE}:3: date: året 17 är inte rimligt; skriv året med fyra siffror (mellan 1900 och 2200)",
                 id="short_year"),
    pytest.param(NEWS_FILE, "known_from: nyhet", "known_from: nyhet\nminutes_url: https://example.org/p.pdf",
                 f"{NEWS_FILE}:6: minutes_url: 'known_from: nyhet' säger att källan är nyheten, som inte anger något "
                 "protokoll; ta bort 'minutes_url' eller 'known_from'", id="news_with_minutes"),
    pytest.param(WEB_FILE, "- id: kf-2024-webb-motion", "- id: kf-2024-webb-motion\n    paragraphs: [12]",
                 f"{WEB_FILE}:8: matters.0.paragraphs: 'known_from: webbsändning' säger att källan är "
                 "webbsändningen, som inte anger protokollets paragrafer; ta bort 'paragraphs' (ärendets nummer i "
                 "webbsändningen skrivs i 'item')", id="webcast_with_paragraphs"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, file: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, file, old, new), BUILD_DATE) == [expected]
