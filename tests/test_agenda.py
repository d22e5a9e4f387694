"""A meeting known only from its agenda (`known_from: kallelse`): a kallelse published before the meeting, and no
minutes or summary. Its pages, lists, feeds and data say what is known, never that it was held or what it decided;
what an agenda cannot state is refused in Swedish, naming file, line and field.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from namndbeslut import loader
from namndbeslut.errors import ContentError
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, write_tree
from support.site import BuiltSite, built_tree, data, one, read, words

TREE = yaml.safe_load((CASES_DIR / "agenda.yaml").read_text(encoding="utf-8"))
CALLED = "sammantraden/2023-05-10-kommunstyrelsen/"
HELD = "sammantraden/2023-04-12-kommunstyrelsen/"
NOTE = "Uppgifterna kommer från kallelsen; om sammanträdet hölls och vad som beslutades anges inte."
ITEM = "Ärende på kallelsen; vad som beslutades anges inte"


def matter_facts(site: BuiltSite, matter: str) -> list[str]:
    facts = one(site.article(CALLED), f"h2#{matter}").find_next_sibling("ul")
    assert facts is not None
    return [words(li) for li in facts.select("li")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    # the day after the meeting: a held meeting's page would say its minutes are pending
    return built_tree(tmp_path_factory, "agenda", TREE, "2023-05-11")


def test_the_meeting_page_says_what_is_known(built: BuiltSite) -> None:
    page = built.article(CALLED)
    assert words(one(page, "p.agenda-note")) == NOTE
    assert page.select("p.no-decisions, p.minutes, p.banner") == []
    assert matter_facts(built, "markoverlatelse-norra-ks-2023")[:3] == [
        ITEM, "Ärendetyp: anges inte", "Punkt 4"]
    assert "Ärendetyp: Information (inget beslut)" in matter_facts(built, "delarsrapport-2023")
    assert "ärendena på kallelsen till sammanträdet" in one(built.soup(CALLED), 'meta[name="description"]')["content"]
    assert built.article(HELD).select("p.agenda-note") == []


def test_lists_and_feeds_do_not_call_it_held(built: BuiltSite) -> None:
    year = built.article("sammantraden/2023/kommunstyrelsen/")
    assert [words(p) for p in year.select("p.agenda-note")] == [NOTE]
    assert [words(p) for p in built.article("").select("p.agenda-note")] == [NOTE]
    feed = read(built, "namnd-kommunstyrelsen.xml")
    assert f"10 maj 2023: Marköverlåtelseavtal för Norra området; Delårsrapport ({NOTE})" in feed
    assert feed.count(NOTE) == 2  # summary and content: the held meeting says nothing of it
    for page in ("partner/peab-markutveckling/", "overenskommelser/markoverlatelse-norra/"):  # "Beslut som rör …"
        assert [words(x) for x in built.article(page).select(".matter-list__meta")] == [
            f"Kommunstyrelsen, 10 maj 2023. {ITEM}"]
    partner = read(built, "partner-peab-markutveckling.xml")
    assert f"Kommunstyrelsen 10 maj 2023. {ITEM}." in partner


def test_oparl_says_so_and_the_calendar_keeps_the_event(built: BuiltSite) -> None:
    meeting = data(built, "oparl/meeting/2023-05-10-kommunstyrelsen.json")
    assert meeting["meetingState"] == "kallat, om sammanträdet hölls anges inte"
    assert meeting["namndbeslut:knownFrom"] == "kallelse"
    assert "cancelled" not in meeting and "resultsProtocol" not in meeting
    assert meeting["start"] == "2023-05-10T13:00:00+02:00"
    items = meeting["agendaItem"]
    assert [(i["number"], "result" in i, i.get("namndbeslut:kind")) for i in items] == [
        ("4", False, None), ("5", False, "Information (inget beslut)")]
    held = data(built, "oparl/meeting/2023-04-12-kommunstyrelsen.json")
    assert (held["meetingState"], held["cancelled"], "namndbeslut:knownFrom" in held) == ("genomfört", False, False)
    assert held["agendaItem"][0]["result"] == "Val"
    calendar = read(built, "kalender/kommunstyrelsen.ics").replace("\r\n", "\n").replace("\n ", "")
    assert "UID:2023-05-10-kommunstyrelsen@" in calendar
    assert "Uppgifterna kommer från kallelsen\\; om sammanträdet hölls" in calendar
    record = data(built, "data/overenskommelser/markoverlatelse-norra.json")
    assert [d.get("known_from") for d in record["decisions"]] == ["kallelse"]


def test_a_decision_of_its_day_is_cited_not_taken_from_the_agenda(built: BuiltSite) -> None:
    """`adopted_by` on the agenda's day is no decision published here: the agenda states none (and steps in the
    meeting's file are refused)."""
    record = data(built, "data/overenskommelser/markoverlatelse-sodra.json")
    assert [(d["role"], d["published"]) for d in record["decisions"]] == [("antar", False)]
    assert CALLED not in built.links("overenskommelser/markoverlatelse-sodra/")


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], path.name


# -- what an agenda cannot state ----------------------------------------------------------------------------------


def _problems(tmp_path: Path, front: str) -> list[str]:
    kept = {k: v for k, v in TREE.items() if k.startswith(("committees/", "partners/", "agreements/"))}
    meeting = ("---\ncommittee: kommunstyrelsen\ndate: 2023-05-10\ntitle: KS\nknown_from: kallelse\n"
               f"{front}---\n" + ("## A {#a}\n" if "matters" in front else ""))
    write_tree(tmp_path, {**kept, "decisions/2023-05-10-kommunstyrelsen.md": meeting})
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    return [f"{p.path.as_posix()}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems]


FILE = "decisions/2023-05-10-kommunstyrelsen.md"
SAYS = "'known_from: kallelse' säger att källan är kallelsen, som inte anger"


@pytest.mark.parametrize(("front", "expected"), [
    pytest.param("minutes_url: https://www.example.se/protokoll.pdf\n",
                 f"{FILE}:6: minutes_url: {SAYS} något protokoll; ta bort 'minutes_url' eller 'known_from'",
                 id="minutes"),
    pytest.param("matters:\n  - id: a\n    paragraphs: [45]\n",
                 f"{FILE}:8: matters.0.paragraphs: {SAYS} protokollets paragrafer; ta bort 'paragraphs' (ärendets "
                 "nummer på kallelsen skrivs i 'item')", id="paragraphs"),
    pytest.param("matters:\n  - id: a\n    adopts: [markoverlatelse-norra]\n",
                 f"{FILE}:8: matters.0.adopts.0: {SAYS} vad som beslutades; ta bort stegen ('adopts', 'steps'), och "
                 "skriv överenskommelsen i 'agreements'", id="a_step"),
    pytest.param("matters:\n  - id: a\n    kind: bordlagt\n",
                 f"{FILE}:8: matters.0.kind: {SAYS} vad som hände med ärendet på sammanträdet; ta bort 'kind: "
                 "bordlagt' eller skriv den typ kallelsen anger", id="an_outcome"),
])
def test_what_an_agenda_cannot_state_is_refused(front: str, expected: str, tmp_path: Path) -> None:
    assert _problems(tmp_path, front) == [expected]
