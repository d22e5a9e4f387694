"""Decisions taken outside a meeting of the body (`decided_as`, issue 26): a delegationsbeslut, an ordförandebeslut,
and a decision a source names without saying how it was taken.

Builds tests/cases/outside.yaml with the real engine (a delegationsbeslut reported to a meeting in the archive and
adopting an agreement, an ordförandebeslut, an undated news item's decision, one whose source names no body, and the
meeting the first was reported to) and reads what a reader and a client get: the decision's page, the lists, the
body's page, the calendar, the feeds, search, JSON, CSV and OParl. Then the refusals: a meeting's fields, a wrong
file name, an unknown value.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import loader, search
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems, write_tree
from support.site import BuiltSite, attr, built_tree, csv_by, data, read, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "outside.yaml").read_text(encoding="utf-8"))
DELEGATION_ID = "2024-03-03-kulturnamnden-bidrag-musikforening"
CHAIR_ID = "2024-04-02-kommunstyrelsen-yttrande-remiss"
NEWS_ID = "datum-anges-inte-kommunstyrelsen-nytt-rad"
BODILESS_ID = "2024-05-organ-anges-inte-parkering"
MEETING_ID = "2024-03-12-kulturnamnden"
DELEGATION, CHAIR, NEWS, BODILESS = (f"sammantraden/{x}/" for x in (DELEGATION_ID, CHAIR_ID, NEWS_ID, BODILESS_ID))
DELEGATION_FILE = f"decisions/{DELEGATION_ID}.md"
OUTSIDE = (DELEGATION_ID, CHAIR_ID, NEWS_ID, BODILESS_ID)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "outside", TREE, "2024-06-01")


def test_the_page_is_titled_by_the_manner_and_never_says_meeting(built: BuiltSite) -> None:
    titles = {url: words(built.article(url).select_one("h1"))  # type: ignore[arg-type]
              for url in (DELEGATION, CHAIR, NEWS, BODILESS)}
    assert titles == {DELEGATION: "Delegationsbeslut, Kultur- och fritidsnämnden 3 mars 2024",
                      CHAIR: "Ordförandebeslut, Kommunstyrelsen 2 april 2024",
                      NEWS: "Beslut, Kommunstyrelsen, datum anges inte",
                      BODILESS: "Beslut, organ anges inte, maj 2024"}
    for url in titles:
        assert "sammanträde " not in built.text(url).split("Om ")[0].lower()
        assert "Protokoll" not in built.text(url) and "Sammanträdet som data" not in built.text(url)


def test_the_page_says_how_by_whom_for_which_body_and_where_it_was_reported(built: BuiltSite) -> None:
    article = built.article(DELEGATION)
    assert words(article.select_one("p.manner")) == (  # type: ignore[arg-type]
        "Fattat som delegationsbeslut av Anna Svensson, förvaltningschef, på uppdrag av Kultur- och fritidsnämnden.")
    assert words(article.select_one("p.decided-as-given")) == (  # type: ignore[arg-type]
        "Hur beslutet fattades: Beslut fattat på delegation enligt punkt 4.2 i delegationsordningen (enligt källan)")
    reported = article.select_one("p.reported-at")
    assert reported is not None and words(reported) == (
        "Anmält till Kultur- och fritidsnämnden 12 mars 2024, § 23: Anmälan av delegationsbeslut")
    assert f"{MEETING_ID}/#kfn-anmalan-delegation" in attr(reported.select("a")[0], "href")
    assert built.matter_facts(DELEGATION, "bidrag-musikforening")[:3] == [
        "Ärendetyp: Beslut", "Belopp: 50 000 kr", "Antar: IOP med Musikföreningen Ton (2024–2025)"]
    assert words(built.article(CHAIR).select_one("p.manner")) == (  # type: ignore[arg-type]
        "Fattat som ordförandebeslut av Bo Berg, kommunstyrelsens ordförande, på uppdrag av Kommunstyrelsen.")
    assert words(built.article(NEWS).select_one("p.manner")) == (  # type: ignore[arg-type]
        "Om beslutet fattades vid ett sammanträde anges inte.")


def test_the_agreement_shows_the_step_as_a_delegationsbeslut(built: BuiltSite) -> None:
    assert built.steps("overenskommelser/iop-musik/") == [
        "Antagen: Delegationsbeslut, Kultur- och fritidsnämnden 3 mars 2024: Bidrag till Musikföreningen Ton"]


def test_the_body_page_lists_them_apart_and_counts_only_meetings(built: BuiltSite) -> None:
    article = built.article("namnder/kommunstyrelsen/")
    heading = article.select_one("#utanfor-sammantraden")
    assert heading is not None and words(heading) == "Beslut utanför sammanträden"
    assert [words(li) for li in article.select("ul.outside-decisions li")] == [
        "Ordförandebeslut, Kommunstyrelsen 2 april 2024: Yttrande över remiss om kollektivtrafik",
        "Beslut, Kommunstyrelsen, datum anges inte: Ett nytt råd för näringslivet"]
    assert "Inga publicerade sammanträden." in built.text("namnder/kommunstyrelsen/")
    rows = {words(tr.select("td")[0]): words(tr.select("td")[2]) for tr in built.article("namnder/").select("tbody tr")}
    assert rows == {"Kommunstyrelsen": "0", "Kultur- och fritidsnämnden": "1"}


def test_year_and_meetings_overview_list_them_apart_never_as_meetings(built: BuiltSite) -> None:
    year = built.article("sammantraden/2024/")
    assert [words(li) for li in year.select("ul.count-list li")] == ["Kultur- och fritidsnämnden 2024 1 sammanträde"]
    assert [words(li).split(" Organ")[0] for li in year.select("ul.outside-decisions li")] == [
        "Beslut, organ anges inte, maj 2024: Avgiftsfri parkering i centrum",
        "Ordförandebeslut, Kommunstyrelsen 2 april 2024: Yttrande över remiss om kollektivtrafik",
        "Delegationsbeslut, Kultur- och fritidsnämnden 3 mars 2024: Bidrag till Musikföreningen Ton"]
    overview = built.article("sammantraden/")
    assert [words(li) for li in overview.select("ul.meeting-list li")] == [
        "Kultur- och fritidsnämnden 12 mars 2024 Kultur- och fritidsnämnden"]
    assert overview.select("ul.undated-meetings, ul.bodiless-meetings") == []
    assert len(overview.select("ul.outside-decisions li")) == 4
    assert [words(li) for li in overview.select("ul.count-list li")] == ["Sammanträden 2024 1 sammanträde"]
    assert "Delegationsbeslut" not in built.text("") and "Ordförandebeslut" not in built.text("")


def test_they_are_in_no_calendar_and_no_upcoming_list(built: BuiltSite) -> None:
    assert sorted(built.events("kulturnamnden")) == [MEETING_ID]
    assert built.events("kommunstyrelsen") == {}
    upcoming = built.text("sammantraden/kommande/")
    assert not any(x in upcoming for x in ("Delegationsbeslut", "Ordförandebeslut", "Bidrag till"))


def test_feeds_name_them_as_decisions(built: BuiltSite) -> None:
    feed = read(built, "namnd-kommunstyrelsen.xml")
    assert "Kommunstyrelsen, ordförandebeslut 2 april 2024: Yttrande över remiss om kollektivtrafik" in feed
    assert "Kommunstyrelsen, beslut datum anges inte: Ett nytt råd för näringslivet" in feed
    every = read(built, "sammantraden.xml")
    assert "Kultur- och fritidsnämnden, delegationsbeslut 3 mars 2024: Bidrag till Musikföreningen Ton" in every
    assert "sammanträde 3 mars" not in every and "sammanträde datum anges inte" not in every


def test_search_files_them_as_decisions(built: BuiltSite) -> None:
    filters = {attr(f, "data-pagefind-filter"): f.get_text()
               for f in built.soup(DELEGATION).select("[data-pagefind-filter]")}
    assert filters[search.KIND] == search.DECISION and filters[search.YEAR] == "2024"
    assert filters[search.BODY] == "Kultur- och fritidsnämnden"


def test_json_and_csv_carry_how_by_whom_and_reported_at(built: BuiltSite) -> None:
    matters = {m["id"]: m for m in data(built, "data/arenden.json")}
    record: dict[str, Any] = matters["bidrag-musikforening"]["meeting"]
    assert record["decided_as"] == "delegationsbeslut"
    assert record["decided_by"] == {"name": "Anna Svensson", "role": "förvaltningschef"}
    assert record["decided_as_given"] == "Beslut fattat på delegation enligt punkt 4.2 i delegationsordningen"
    assert record["reported_at"]["date"] == "2024-03-12" and record["reported_at"]["paragraphs"] == [23]
    assert record["reported_at"]["published"] is True
    assert matters["kfn-anmalan-delegation"]["meeting"]["decided_as"] is None
    assert "decided_by" not in matters["kfn-anmalan-delegation"]["meeting"]
    assert matters["ks-nytt-rad"]["meeting"]["decided_as"] == "anges inte"
    cells = csv_by(built, "data/arenden.csv", "Id")
    columns = list(cells["bidrag-musikforening"])
    first = columns.index("Beslutsform")
    assert columns[first:first + 4] == ["Beslutsform", "Beslutsdatum", "Fattat av", "Anmält till"], "appended together"
    row = cells["bidrag-musikforening"]
    assert (row["Sammanträde"], row["Beslutsform"], row["Beslutsdatum"], row["Fattat av"], row["Anmält till"]) == (
        "", "delegationsbeslut", "2024-03-03", "Anna Svensson, förvaltningschef",
        "Kultur- och fritidsnämnden 12 mars 2024, § 23: Anmälan av delegationsbeslut")
    assert cells["kfn-anmalan-delegation"]["Sammanträde"] == "2024-03-12"
    assert cells["kfn-anmalan-delegation"]["Beslutsform"] == ""


def test_oparl_has_no_meeting_and_a_paper_with_a_consultation_without_meeting(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []
    meetings = [m["id"].rsplit("/", 1)[-1] for m in data(built, "oparl/body/meetings.json")["data"]]
    assert meetings == [f"{MEETING_ID}.json"]
    items = [i["id"].rsplit("/", 1)[-1] for i in data(built, "oparl/body/agenda-items.json")["data"]]
    assert items == ["kfn-anmalan-delegation.json"]
    paper = data(built, "oparl/paper/beslut-bidrag-musikforening.json")
    assert (paper["paperType"], paper["date"], paper["name"]) == (
        "Delegationsbeslut", "2024-03-03", "Bidrag till Musikföreningen Ton")
    (consultation,) = paper["consultation"]
    assert "meeting" not in consultation and "agendaItem" not in consultation
    assert consultation["authoritative"] is True and consultation["role"] == "Delegationsbeslut"
    assert consultation["organization"] == [paper["underDirectionOf"][0]]
    assert paper["namndbeslut:reportedAt"]["agendaItem"].endswith("/agenda-item/kfn-anmalan-delegation.json")
    undated = data(built, "oparl/paper/beslut-ks-nytt-rad.json")
    assert "date" not in undated and undated["consultation"][0]["role"] == "Beslut"
    bodiless = data(built, "oparl/paper/beslut-parkering-avgift.json")
    assert "organization" not in bodiless["consultation"][0] and "underDirectionOf" not in bodiless
    assert bodiless["namndbeslut:date"] == "2024-05"
    (step,) = data(built, "oparl/paper/overenskommelse-iop-musik.json")["consultation"]
    assert "meeting" not in step and step["role"] == "Antar"


# -- refusals -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "field", "why"), [
    ("place: Stadshuset\n", "place", "ingen plats för ett sammanträde"),
    ("chair: Eva Ek\n", "chair", "'decided_by'"),
    ("known_from: omnämnande\n", "known_from", "ingen kallelse"),
    ("minutes_url: https://example.org/p.pdf\n", "minutes_url", "inget protokoll"),
    ("present:\n  - {name: Eva Ek}\n", "present", "några närvarande"),
    ('start: "13:00"\n', "start", "ingen tid för ett sammanträde"),
    ("adjournments:\n  - {as_given: för lunch}\n", "adjournments", "inget sammanträde som kan ajourneras"),
    ("appeal_by: 2024-03-25\n", "appeal_by", "inget protokoll"),
    ("extra: true\n", "extra", "inget sammanträde som kan vara extra"),
    ("convened_by:\n  - {name: Eva Ek}\n", "convened_by", "ingen kallelse"),
])
def test_a_meetings_field_is_refused_naming_it(tmp_path: Path, line: str, field: str, why: str) -> None:
    tree = edited(TREE, DELEGATION_FILE, "decided_as: delegationsbeslut\n", f"decided_as: delegationsbeslut\n{line}")
    (found,) = problems(tmp_path, tree, "2024-06-01")
    assert f": {field}: " in found and "ett beslut utanför sammanträde har" in found and why in found


@pytest.mark.parametrize(("line", "field", "why"), [
    ("vote: {yes: 3, no: 2}", "vote", "ingen omröstning"),
    ("unanimous: true", "unanimous", "ingen församling som kan vara enig"),
    ('start: "09:00"', "start", "ingen tid på en föredragningslista"),
    ("section: Informationsärenden", "section", "ingen rubrik på en föredragningslista"),
])
def test_a_meetings_deliberation_on_a_matter_is_refused(tmp_path: Path, line: str, field: str, why: str) -> None:
    tree = edited(TREE, DELEGATION_FILE, "    amount: 50000\n", f"    amount: 50000\n    {line}\n")
    (found,) = problems(tmp_path, tree, "2024-06-01")
    assert f"matters.0.{field}" in found and why in found


def test_a_meeting_may_not_have_a_decisions_fields(tmp_path: Path) -> None:
    meeting = f"decisions/{MEETING_ID}.md"
    tree = edited(TREE, meeting, "date: 2024-03-12\n", "date: 2024-03-12\ndecided_by: {name: Eva Ek}\n")
    (found,) = problems(tmp_path, tree, "2024-06-01")
    assert "decided_by" in found and "'decided_as'" in found


def test_an_unknown_manner_is_refused_naming_the_allowed(tmp_path: Path) -> None:
    tree = edited(TREE, DELEGATION_FILE, "decided_as: delegationsbeslut", "decided_as: tjänstemannabeslut")
    (found,) = problems(tmp_path, tree, "2024-06-01")
    assert "decided_as" in found and "delegationsbeslut" in found and "ordförandebeslut" in found


def test_the_file_is_named_for_its_date_body_and_words(tmp_path: Path) -> None:
    tree = {k: v for k, v in TREE.items() if k != DELEGATION_FILE}
    tree["decisions/2024-03-03-kulturnamnden.md"] = TREE[DELEGATION_FILE]
    (found,) = problems(tmp_path, tree, "2024-06-01")
    assert "ge filen namnet 2024-03-03-kulturnamnden-<ord>.md" in found and "'decided_as'" in found
    undated = f"decisions/{NEWS_ID}.md"
    tree = {k: v for k, v in TREE.items() if k != undated}
    tree["decisions/datum-anges-inte-kommunstyrelsen.md"] = TREE[undated]
    (found,) = problems(tmp_path / "undated", tree, "2024-06-01")
    assert "beslutet har 'date: anges inte'" in found and "datum-anges-inte-kommunstyrelsen-<ord>.md" in found


def test_a_report_before_the_decision_is_refused(tmp_path: Path) -> None:
    tree = edited(TREE, DELEGATION_FILE, '"2024-03-12 § 23"', '"2024-02-12 § 23"')
    (found,) = problems(tmp_path, tree, "2024-06-01")
    assert "reported_at.decision" in found and "före dagen det fattades" in found


def test_a_decision_dated_after_the_build_date_is_withheld_not_planned(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    archive = loader.load(tmp_path, dt.date(2024, 3, 10))
    notices = [str(p) for p in archive.withheld]
    assert any("beslutet är daterat 2024-04-02" in n and "planera" not in n for n in notices)
