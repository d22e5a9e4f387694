"""What new editors entering Borås's pages could not record of meetings (meetings4): whether a meeting or an item is
open to the public (`public`), a start the source gives in words (`start_as_given`), a decision known only from a
mention (`title: anges inte`, `known_from: omnämnande`), and a month-only meeting whose title names the month (no
list says it twice). Builds tests/cases/meetings4.yaml and reads the pages, data, feeds, calendar and OParl; what
cannot be is refused in Swedish, naming file, line and field.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, data, one, read, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "meetings4.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-20"
KS = "sammantraden/2024-02-26-kommunstyrelsen/"
KS_MONTH = "sammantraden/2018-12-kommunstyrelsen/"
KF_2016 = "sammantraden/2016-09-29-kommunfullmaktige/"
KF = "sammantraden/2024-03-20-kommunfullmaktige/"
WORDS = "direkt efter Borås Stadshus AB avslutat sitt arbetsmöte ca 14:30"
MENTION = "Sammanträdet är känt från ett omnämnande i källan; övriga ärenden anges inte."
KS_FILE = "decisions/2024-02-26-kommunstyrelsen.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "meetings4", TREE, BUILD_DATE)


# -- 1. open to the public, only where the source says ------------------------------------------------------------


def test_public_is_shown_only_where_stated(built: BuiltSite) -> None:
    assert words(one(built.article(KS), "p.public")) == "Öppet för allmänheten: Nej"
    assert built.article(KF).select("p.public") == []
    assert "Öppet för allmänheten: Ja" in built.matter_facts(KS, "ks-2024-allmanhetens-fragor")
    assert not [f for f in built.matter_facts(KS, "ks-2024-borgen") if "allmänheten" in f]
    assert "Öppet för allmänheten: Nej" in str(built.events("kommunstyrelsen")["2024-02-26-kommunstyrelsen"][
        "description"])


def test_oparl_public_only_where_stated_the_item_winning(built: BuiltSite) -> None:
    assert data(built, "oparl/agenda-item/ks-2024-borgen.json")["public"] is False  # the meeting's
    assert data(built, "oparl/agenda-item/ks-2024-allmanhetens-fragor.json")["public"] is True  # its own
    assert "public" not in data(built, "oparl/agenda-item/kf-2024-motion.json")  # not stated: no guess
    assert data(built, "oparl/meeting/2024-02-26-kommunstyrelsen.json")["namndbeslut:public"] is False
    assert "namndbeslut:public" not in data(built, "oparl/meeting/2024-03-20-kommunfullmaktige.json")
    rows = {r["id"]: r for r in data(built, "data/arenden.json")}
    assert [rows[x]["public"] for x in ("ks-2024-borgen", "ks-2024-allmanhetens-fragor", "kf-2024-motion")] == [
        False, True, None]
    table = {r["Id"]: r for r in csv.DictReader(io.StringIO(read(built, "data/arenden.csv")), delimiter=";")}
    assert [table[x]["Öppet för allmänheten"] for x in ("ks-2024-borgen", "kf-2024-motion")] == ["nej", ""]


# -- 2. a start in the source's words -----------------------------------------------------------------------------


def test_a_start_in_words_is_shown_as_given(built: BuiltSite) -> None:
    page = built.article(KS)
    assert words(one(page, "p.time-as-given")) == f"Tid: {WORDS} (enligt källan)"
    meta = words(one(page, "p.page-meta"))
    assert meta.startswith("Sammanträde 26 februari 2024 ·"), meta  # neither 'tid anges inte' nor the plan's 13.00
    assert built.article(KF).select("p.time-as-given") == []
    assert "(tid anges inte)" in words(one(built.article(KF), "p.page-meta"))


def test_a_start_in_words_invents_no_time(built: BuiltSite) -> None:
    event = built.events("kommunstyrelsen")["2024-02-26-kommunstyrelsen"]
    assert type(event.decoded("dtstart")) is dt.date  # all-day: the plan's 13:00 is not the start either
    assert f"Tid: {WORDS} (enligt källan)" in str(event["description"])
    meeting = data(built, "oparl/meeting/2024-02-26-kommunstyrelsen.json")
    assert "start" not in meeting and meeting["namndbeslut:timeStated"] is False
    assert meeting["namndbeslut:startAsGiven"] == WORDS
    assert "namndbeslut:startAsGiven" not in data(built, "oparl/meeting/2024-03-20-kommunfullmaktige.json")


# -- 3. a decision known only from a mention ----------------------------------------------------------------------


def test_a_title_not_given_is_said_from_the_facts(built: BuiltSite) -> None:
    title = "Kommunfullmäktige 29 september 2016"
    assert words(one(built.article(KF_2016), "h1")) == title
    assert "anges inte" not in built.soup(KF_2016).title.get_text()  # type: ignore[union-attr]
    body = [words(li) for li in one(built.article("namnder/kommunfullmaktige/"), "h2#sammantraden")
            .find_next_sibling("ul").select("li")]  # type: ignore[union-attr]
    assert title in body
    assert f"<title>{title}</title>" in read(built, "namnd-kommunfullmaktige.xml")
    assert title in str(built.events("kommunfullmaktige")["2016-09-29-kommunfullmaktige"]["description"])
    script = one(built.soup(KF_2016), 'script[type="application/ld+json"]')
    assert json.loads(script.get_text())["name"] == title
    decisions = {r["id"]: r for r in data(built, "data/arenden.json")}
    assert decisions["kf-2016-iop-regler"]["meeting"]["known_from"] == "omnämnande"


def test_a_mention_is_not_the_whole_meeting_but_its_decision_is_a_decision(built: BuiltSite) -> None:
    page = built.article(KF_2016)
    assert words(one(page, "p.selection-note")) == MENTION
    assert page.select("p.agenda-note") == []
    description = built.soup(KF_2016).select_one('meta[name="description"]')
    assert description is not None and description["content"] == (
        "Kommunfullmäktige: beslut som källan nämner från sammanträdet 29 september 2016")  # no summary
    assert built.matter_facts(KF_2016, "kf-2016-iop-regler") == ["Ärendetyp: Beslut"]  # not 'på kallelsen'
    assert MENTION in read(built, "namnd-kommunfullmaktige.xml")
    meeting = data(built, "oparl/meeting/2016-09-29-kommunfullmaktige.json")
    assert (meeting["namndbeslut:selection"], meeting["namndbeslut:knownFrom"], meeting["meetingState"]) == (
        True, "omnämnande", "genomfört")
    assert data(built, "oparl/agenda-item/kf-2016-iop-regler.json")["result"] == "Beslut"
    event = built.events("kommunfullmaktige")["2016-09-29-kommunfullmaktige"]
    assert str(event["status"]) == "CONFIRMED" and MENTION in str(event["description"])
    assert "namndbeslut:selection" not in data(built, "oparl/meeting/2024-03-20-kommunfullmaktige.json")


# -- 4. a title that names the date ------------------------------------------------------------------------------


def test_a_list_does_not_repeat_the_date_a_title_names(built: BuiltSite) -> None:
    body = [words(li) for li in one(built.article("namnder/kommunstyrelsen/"), "h2#sammantraden")
            .find_next_sibling("ul").select("li")]  # type: ignore[union-attr]
    assert body == ["Kommunstyrelsens sammanträde, 26 februari 2024", "Kommunstyrelsen, december 2018"]
    listed = [words(li) for li in built.article("sammantraden/").select("ul.meeting-list li")]
    assert "Kommunstyrelsen, december 2018 Kommunstyrelsen" in listed
    assert "Kommunstyrelsens sammanträde 26 februari 2024 · Kommunstyrelsen" in listed


# -- all of it in valid OParl, and what cannot be ----------------------------------------------------------------


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], path.name


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param("start_as_given:", 'start: "14:30"\nstart_as_given:',
                 f"{KS_FILE}:6: start_as_given: 'start_as_given' är källans ord där den inte anger något klockslag; "
                 "skriv antingen 'start' eller 'start_as_given'", id="both"),
    pytest.param("public: false", "public: kanske",
                 f"{KS_FILE}:6: public: 'kanske' ska vara true eller false", id="not_yes_or_no"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, KS_FILE, old, new), BUILD_DATE) == [expected]
