"""What new editors (Göteborg, Gävle, Jönköping, Västerås) could not record of meetings and matters (meetings3): a
matter's path through bodies without an agreement (`refers_to`), an agenda item with no heading (`## anges inte
{#id}`), a meeting's chair and the notice of its minutes, a schedule's notes and a body's usual time, and the
calendar's status and selection note. Builds tests/cases/meetings3.yaml and reads the pages, data, OParl and
calendar; what cannot be is refused in Swedish, naming file, line and field.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from namndbeslut import loader
from namndbeslut.errors import ContentError
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, write_tree
from support.site import BuiltSite, built_tree, data, one, read, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "meetings3.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-20"
KS = "sammantraden/2024-03-12-kommunstyrelsen/"
KF = "sammantraden/2024-03-25-kommunfullmaktige/"
KF_JUNE = "sammantraden/2024-06-17-kommunfullmaktige/"
BODY = "namnder/kommunstyrelsen/"
UPCOMING = "sammantraden/kommande/"
SELECTION = "Urval av ärendena enligt källan: källan tar inte upp alla ärenden från sammanträdet."


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "meetings3", TREE, BUILD_DATE)


# -- 1. a matter's path through bodies without an agreement ------------------------------------------------------


def test_both_matters_name_each_other(built: BuiltSite) -> None:
    assert "Föregående behandling: Kommunstyrelsen 12 mars 2024, § 64" in built.matter_facts(KF, "kf-2024-41")
    assert "Fortsatt behandling: Kommunfullmäktige 25 mars 2024, § 41" in built.matter_facts(KS, "ks-2024-64")
    assert "Fortsatt behandling: Kommunfullmäktige 17 juni 2024, på föredragningslistan" in built.matter_facts(
        KF, "kf-2024-41")  # an agenda says the matter is on it, not that it was dealt with
    assert "Föregående behandling: Kommunfullmäktige 25 mars 2024, § 41" in built.matter_facts(
        KF_JUNE, "kf-2024-juni-taxa")
    facts = one(built.article(KF), "h2#kf-2024-41").find_next_sibling("ul")
    assert facts is not None
    assert [a["href"] for a in facts.select("a")][0] == "../2024-03-12-kommunstyrelsen/#ks-2024-64"


def test_the_reference_is_in_the_data(built: BuiltSite) -> None:
    rows = {r["id"]: r for r in data(built, "data/arenden.json")}
    refers = rows["kf-2024-41"]["refers_to"]
    assert refers["matter"] == "ks-2024-64"
    assert refers["url"].endswith("/sammantraden/2024-03-12-kommunstyrelsen/#ks-2024-64")
    assert rows["ks-2024-64"]["refers_to"] is None
    table = {r["Id"]: r for r in csv.DictReader(io.StringIO(read(built, "data/arenden.csv")), delimiter=";")}
    assert table["kf-2024-juni-taxa"]["Föregående behandling"] == "kf-2024-41"
    item = data(built, "oparl/agenda-item/kf-2024-41.json")
    assert item["namndbeslut:refersTo"].endswith("oparl/agenda-item/ks-2024-64.json")
    assert "namndbeslut:refersTo" not in data(built, "oparl/agenda-item/ks-2024-64.json")


# -- 2. an agenda item with no heading in the source -------------------------------------------------------------


def test_a_heading_not_given_is_said_so(built: BuiltSite) -> None:
    heading = one(built.article(KF_JUNE), "h2#medfinansiering")
    assert (words(heading), heading["class"]) == ("Rubrik anges inte i källan", ["not-stated"])
    assert one(built.article(KF_JUNE), "h2#kf-2024-juni-taxa").get("class") is None
    rows = {r["id"]: r for r in data(built, "data/arenden.json")}
    assert (rows["medfinansiering"]["title"], rows["medfinansiering"]["title_given"]) == (None, False)
    assert (rows["kf-2024-41"]["title"], rows["kf-2024-41"]["title_given"]) == ("Ny taxa för bygglov", True)
    table = {r["Id"]: r for r in csv.DictReader(io.StringIO(read(built, "data/arenden.csv")), delimiter=";")}
    assert table["medfinansiering"]["Rubrik"] == ""
    feed = read(built, "namnd-kommunfullmaktige.xml")
    assert "Rubrik anges inte i källan" in feed and "anges inte {#" not in feed
    item = data(built, "oparl/agenda-item/medfinansiering.json")
    assert (item["name"], item["namndbeslut:titleGiven"]) == ("Rubrik anges inte i källan", False)  # the pages' words
    assert "namndbeslut:titleGiven" not in data(built, "oparl/agenda-item/kf-2024-41.json")


# -- 3. a meeting's chair and the notice of its minutes ----------------------------------------------------------


def test_chair_and_notice_are_shown(built: BuiltSite) -> None:
    page = built.article(KS)
    assert words(one(page, "p.chair")) == "Ordförande: Anna Andersson (S)"
    assert words(one(page, "p.minutes-posted")) == (
        "Anslag om protokollets justering: uppsatt 15 mars 2024, nedtaget 8 april 2024.")
    assert words(one(built.article(KF), "p.minutes-posted")) == (
        "Anslag om protokollets justering: uppsatt 28 mars 2024, nedtaget anges inte.")
    assert built.article(KF).select("p.chair") == []
    assert words(one(built.article(KF_JUNE), "p.chair")) == "Ordförande: Bertil Berg (M)"
    meeting = data(built, "oparl/meeting/2024-03-12-kommunstyrelsen.json")
    assert (meeting["namndbeslut:chair"], meeting["namndbeslut:minutesPosted"],
            meeting["namndbeslut:minutesRemoved"]) == ("Anna Andersson (S)", "2024-03-15", "2024-04-08")
    assert "namndbeslut:minutesRemoved" not in data(built, "oparl/meeting/2024-03-25-kommunfullmaktige.json")


# -- 4. a schedule's notes and a body's usual time ---------------------------------------------------------------


def test_notes_and_usual_time_are_shown(built: BuiltSite) -> None:
    body = built.article(BODY)
    assert words(one(body, "p.usual-start")) == "Sammanträdena börjar i regel kl. 09.00."
    planned = one(body, "h2#kommande").find_next_sibling("ul")
    assert planned is not None
    assert [words(li) for li in planned.select("li")] == ["28 november 2024 (VIP)"]
    assert [words(li) for li in one(body, "ul.passed-sittings").select("li")] == [
        "25 april 2024 (årsredovisning): datumet har passerat, sammanfattning saknas"]
    upcoming = built.article(UPCOMING)
    assert words(one(upcoming, "p.usual-start")) == "Kommunstyrelsen: Sammanträdena börjar i regel kl. 09.00."
    assert [words(td) for td in upcoming.select("tbody tr td:first-child")] == ["28 november 2024 (VIP)"]
    meeting = data(built, "oparl/meeting/2024-11-28-kommunstyrelsen.json")
    assert meeting["namndbeslut:note"] == "VIP"
    assert "start" not in meeting and meeting["namndbeslut:timeStated"] is False  # the usual time is no start


def test_the_calendar_carries_notes_status_and_selection(built: BuiltSite) -> None:
    ks = built.events("kommunstyrelsen")
    vip = ks["2024-11-28-kommunstyrelsen"]
    assert "Enligt sammanträdesplanen: VIP.\nSammanträdena börjar i regel kl. 09.00." in str(vip["description"])
    assert type(vip.decoded("dtstart")) is dt.date  # all-day: the usual time is not its start
    assert "årsredovisning" in str(ks["2024-04-25-kommunstyrelsen"]["description"])
    assert {uid: str(e["status"]) for uid, e in ks.items()} == {
        "2024-03-12-kommunstyrelsen": "CONFIRMED", "2024-04-25-kommunstyrelsen": "TENTATIVE",
        "2024-11-28-kommunstyrelsen": "CONFIRMED"}
    assert SELECTION in str(ks["2024-03-12-kommunstyrelsen"]["description"])
    kf = built.events("kommunfullmaktige")
    assert str(kf["2024-06-17-kommunfullmaktige"]["status"]) == "TENTATIVE"  # known only from its agenda
    assert str(kf["2024-03-25-kommunfullmaktige"]["status"]) == "CONFIRMED"
    assert SELECTION not in str(kf["2024-03-25-kommunfullmaktige"]["description"])
    assert "– Rubrik anges inte i källan" in str(kf["2024-06-17-kommunfullmaktige"]["description"])


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], path.name


# -- refused -----------------------------------------------------------------------------------------------------


def _problems(tmp_path: Path, path: str, old: str, new: str) -> list[str]:
    tree = dict(TREE)
    assert old in tree[path]
    tree[path] = tree[path].replace(old, new)
    write_tree(tmp_path, dict(tree))
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date.fromisoformat(BUILD_DATE))
    return [f"{p.path.as_posix()}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems]


KS_FILE, KF_FILE = "decisions/2024-03-12-kommunstyrelsen.md", "decisions/2024-03-25-kommunfullmaktige.md"
JUNE_FILE = "decisions/2024-06-17-kommunfullmaktige.md"


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(KF_FILE, "refers_to: ks-2024-64", "refers_to: ks-2024-46",
                 f"{KF_FILE}:10: matters.0.refers_to: det finns inget ärende med id 'ks-2024-46' (menade du "
                 "'ks-2024-64'?)", id="unknown"),
    pytest.param(KF_FILE, "refers_to: ks-2024-64", "refers_to: kf-2024-41",
                 f"{KF_FILE}:10: matters.0.refers_to: ärendet kan inte hänvisa till sig självt; skriv id:t för det "
                 "tidigare ärendet (t.ex. nämndens förslag)", id="itself"),
    pytest.param(KF_FILE, "refers_to: ks-2024-64", "refers_to: kf-2024-juni-taxa",
                 f"{KF_FILE}:10: matters.0.refers_to: ärendet är daterat 2024-03-25, före ärendet det hänvisar till "
                 f"('kf-2024-juni-taxa' i {JUNE_FILE}, 2024-06-17); ett beslut kan bara hänvisa till ett tidigare "
                 "beslut – rätta datumet eller 'refers_to'", id="later"),
    pytest.param(KS_FILE, "minutes_posted: 2024-03-15", "minutes_posted: 2024-03-01",
                 f"{KS_FILE}:7: minutes_posted: anslaget om justeringen sätts upp efter sammanträdet, men 2024-03-01 "
                 "är före 2024-03-12; skriv dagen då anslaget sattes upp", id="posted_before_the_meeting"),
    pytest.param(KS_FILE, "minutes_removed: 2024-04-08", "minutes_removed: 2024-03-13",
                 f"{KS_FILE}:8: minutes_removed: anslaget togs ned 2024-03-13, före 2024-03-15 då det sattes upp; "
                 "rätta 'minutes_removed' eller 'minutes_posted'", id="removed_before_posted"),
    pytest.param(JUNE_FILE, "chair: Bertil", "minutes_posted: 2024-06-20\nchair: Bertil",
                 f"{JUNE_FILE}:6: minutes_posted: 'known_from: föredragningslista' säger att källan är "
                 "föredragningslistan, som inte anger något protokoll; ta bort 'minutes_posted' eller 'known_from'",
                 id="posted_on_an_agenda"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert _problems(tmp_path, path, old, new) == [expected]
