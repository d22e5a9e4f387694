"""Facts as the sources give them (issue 26): dates at the precision given, 'anges inte' where a source is silent,
where each fact comes from, and what the site used to get wrong.

Builds tests/cases/facts.yaml with the real engine and reads the pages, feeds, calendars, JSON, CSV and OParl.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
from pathlib import Path
from typing import cast

import icalendar
import pytest
import yaml
from namndbeslut import loader, preview
from namndbeslut.errors import ContentError
from namndbeslut.model import Matter, Partner, Term
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, ROOT, write_tree
from support.site import BuiltSite, attr, built_tree, csv_rows, data, one, read, words

TREE = yaml.safe_load((CASES_DIR / "facts.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-01"
MONTH_MEETING = "sammantraden/2020-11-kommunstyrelsen/"
PROJECT = "overenskommelser/sommarprojekt-2022/"
SOURCE = "https://www.lund.se/beslut-i-korthet-november-2020"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "facts", TREE, BUILD_DATE)


def facts(site: BuiltSite, url: str) -> dict[str, str]:
    return {label: words(value) for label, value in site.fact_box(url).items()}


def published(site: BuiltSite) -> dict[str, str]:
    """Every page and dataset a reader or client gets (not the Atom feeds, whose entries need a timestamp, nor the
    catalogue's period, which is a span of days; the calendars: test_the_calendar_leaves_out_…), by path."""
    out = {}
    for path in site.path.rglob("*"):
        rel = path.relative_to(site.path).as_posix()
        if path.is_file() and path.suffix in (".html", ".json", ".csv") and not rel.startswith("pagefind"):
            out[rel] = path.read_text(encoding="utf-8-sig")
    return out


# -- 1. precision is part of a date ----------------------------------------------------------------------------


def test_a_meeting_known_to_the_month_is_shown_as_the_month(built: BuiltSite) -> None:
    article = built.article(MONTH_MEETING)
    meta = one(article, "p.page-meta")
    assert words(meta).startswith("Sammanträde november 2020 (dag och tid anges inte)")
    assert one(meta, "time").get("datetime") == "2020-11"
    assert "sammantraden/2020/kommunstyrelsen/" in built.links("sammantraden/2020/")
    body_year = built.article("sammantraden/2020/kommunstyrelsen/")
    assert "november 2020" in words(body_year) and one(body_year, "p.page-meta time").get("datetime") == "2020-11"
    assert "november 2020" in words(built.article("namnder/kommunstyrelsen/"))


def test_no_day_the_source_does_not_give(built: BuiltSite) -> None:
    days = re.compile(r"2020-11-\d\d|\b\d{1,2} november 2020|20201[01]\d\d")
    found = {path: days.findall(text) for path, text in published(built).items()}
    assert {path: hits for path, hits in found.items() if hits} == {}


def test_a_month_sorts_at_its_end_and_in_feeds_is_named_as_the_month(built: BuiltSite) -> None:
    listed = [words(a) for a in built.article("sammantraden/").select("li a")]
    assert listed.index("Socialnämnden – aktuella beslut mars 2021") < listed.index(
        "Kommunstyrelsen – beslut i korthet november 2020")
    feed = read(built, "namnd-kommunstyrelsen.xml")
    assert "Kommunstyrelsen, sammanträde november 2020: Sommarprojekt för unga" in feed
    entry = feed[feed.index("<title>Kommunstyrelsen – beslut i korthet november 2020</title>"):]
    entry = entry[:entry.index("</entry>")]
    assert "<updated>2020-11-30T00:00:00+01:00</updated>" in entry  # Atom requires it: the month's end
    assert "<published>" not in entry, "no day the source does not give"


def test_the_calendar_leaves_out_a_meeting_without_a_day(built: BuiltSite) -> None:
    cal = icalendar.Calendar.from_ical(read(built, "kalender/kommunstyrelsen.ics"))
    uids = sorted(str(e["uid"]).split("@")[0] for e in cal.walk("VEVENT"))
    assert uids == ["2024-03-13-kommunstyrelsen", "2024-09-11-kommunstyrelsen"]


def test_oparl_carries_the_month_and_no_start(built: BuiltSite) -> None:
    meeting = data(built, "oparl/meeting/2020-11-kommunstyrelsen.json")
    assert "start" not in meeting and meeting["namndbeslut:month"] == "2020-11"
    assert meeting["name"] == "Kommunstyrelsen november 2020"
    paper = data(built, "oparl/paper/overenskommelse-sommarprojekt-2022.json")
    assert "date" not in paper and paper["namndbeslut:month"] == "2020-11"
    check = validator("Meeting")
    assert list(check.iter_errors(meeting)) == []


def test_a_term_known_to_the_month(built: BuiltSite) -> None:
    assert facts(built, PROJECT)["Period"] == "mars–augusti 2022"
    record = data(built, "data/overenskommelser/sommarprojekt-2022.json")
    assert record["term"] == {"start": "2022-03", "end": "2022-08"}
    assert record["decisions"][0]["date"] == "2020-11"
    row = next(r for r in csv_rows(built, "data/overenskommelser.csv") if r["Id"] == "sommarprojekt-2022")
    assert (row["Från"], row["Till"], row["Beslut"]) == ("2022-03", "2022-08", "2020-11")
    ld = json.loads(one(built.soup(PROJECT), 'script[type="application/ld+json"]').get_text())
    assert ld["temporalCoverage"] == "2022-03/2022-08"


def test_an_agreement_within_one_year_is_named_by_the_year(built: BuiltSite) -> None:
    assert facts(built, "overenskommelser/ettarsavtal-2023/")["Period"] == "2023"
    home = words(built.article(""))
    assert "Avtal om läxhjälp – Studieförbundet Vuxenskolan (2023) 2023" in home and "2023–2023" not in home


# -- 2. 'anges inte' wherever a source can be silent -----------------------------------------------------------


def test_unstated_kinds_and_public_party_say_so(built: BuiltSite) -> None:
    text = words(built.article(MONTH_MEETING))
    assert "Ärendetyp: anges inte" in text and "Beslut" not in text.split("Ärendetyp:")[1].split()[0:2]
    assert "Inga beslutsärenden" not in text
    f = facts(built, PROJECT)
    assert f["Offentlig part"] == "anges inte"
    assert f["Motparter"] == "Föreningen Gemenskap Studieförbundet Vuxenskolan"
    assert facts(built, "partner/foreningen-gemenskap/")["Slag"] == "anges inte"
    assert facts(built, "partner/studieforbundet-vuxenskolan/")["Slag"] == "anges inte"
    record = data(built, "data/overenskommelser/sommarprojekt-2022.json")
    assert record["public_party"] is None and [p["kind"] for p in record["partners"]] == [None, None]
    feed = read(built, "partner-foreningen-gemenskap.xml")
    assert "<summary>Kommunstyrelsen november 2020.</summary>" in feed


# -- 3. provenance ---------------------------------------------------------------------------------------------


def test_sources_are_shown_and_published(built: BuiltSite) -> None:
    for url in (MONTH_MEETING, PROJECT, "partner/foreningen-gemenskap/", "namnder/kommunstyrelsen/"):
        note = one(built.article(url), "p.source-note")
        assert words(note).startswith("Källa:")
        assert attr(one(note, "a"), "href").startswith("https://www.lund.se/")
    assert words(one(built.article(MONTH_MEETING), "p.source-note")) == (
        "Källa: Sammanfattningen på kommunens webbplats, som bara anger månaden. "
        "www.lund.se/beslut-i-korthet-november-2020")
    record = data(built, "data/overenskommelser/sommarprojekt-2022.json")
    assert record["source_url"] == SOURCE
    assert data(built, "oparl/meeting/2020-11-kommunstyrelsen.json")["namndbeslut:sourceUrl"] == SOURCE
    assert data(built, "oparl/paper/overenskommelse-sommarprojekt-2022.json")["namndbeslut:sourceUrl"] == SOURCE
    body = data(built, "oparl/organization/namnd-kommunstyrelsen.json")
    assert body["namndbeslut:sourceUrl"] == "https://www.lund.se/kommunstyrelsen"


def test_a_funder_other_than_the_public_party(built: BuiltSite) -> None:
    assert facts(built, PROJECT)["Finansiering"].startswith("2022: 50 000 kr, betalas av Länsstyrelsen Skåne")
    record = data(built, "data/overenskommelser/sommarprojekt-2022.json")
    assert record["funding"][0]["funder"] == "Länsstyrelsen Skåne"
    row = next(r for r in csv_rows(built, "data/finansiering.csv") if r["Överenskommelse"] == "sommarprojekt-2022")
    assert row["Finansiär"] == "Länsstyrelsen Skåne"
    ld = json.loads(one(built.soup(PROJECT), 'script[type="application/ld+json"]').get_text())
    assert "funder" not in ld  # the public party funds only what `funding` states
    assert ld["funding"][0]["funder"]["name"] == "Länsstyrelsen Skåne"


# -- 4. what the site got wrong ---------------------------------------------------------------------------------


def test_a_planned_meeting_past_its_day_without_a_summary(built: BuiltSite) -> None:
    body = words(built.article("namnder/kommunstyrelsen/")).replace(" :", ":")
    assert "13 mars 2024: datumet har passerat, sammanfattning saknas" in body
    assert "13 mars 2024" not in words(built.article("sammantraden/kommande/"))
    passed = data(built, "oparl/meeting/2024-03-13-kommunstyrelsen.json")
    assert passed["meetingState"] == "datumet har passerat, sammanfattning saknas" and "cancelled" not in passed
    assert data(built, "oparl/meeting/2024-09-11-kommunstyrelsen.json")["meetingState"] == "planerat"
    cal = icalendar.Calendar.from_ical(read(built, "kalender/kommunstyrelsen.ics"))
    event = next(e for e in cal.walk("VEVENT") if str(e["uid"]).startswith("2024-03-13"))
    assert "Datumet har passerat" in str(event["description"])


def test_an_agreement_without_a_term_on_the_start_page(built: BuiltSite) -> None:
    table = built.article("").select("section.latest-agreements tbody tr")
    partners = [words(tr.select("td")[0]) for tr in table]
    assert "Överenskommelse med Föreningen Gemenskap (period anges inte)" in partners
    assert ("Överenskommelse om sommarprojekt för unga – Föreningen Gemenskap och Studieförbundet Vuxenskolan (2022)"
            in partners)
    statuses = [words(tr.select("td")[2]) for tr in table]
    assert "Period anges inte" in statuses
    assert "Ingen av de publicerade överenskommelserna gäller" not in words(built.article(""))


def test_oparl_dates_no_agreement_by_its_commit(built: BuiltSite) -> None:
    paper = data(built, "oparl/paper/overenskommelse-gemenskap-utan-period.json")
    assert "date" not in paper and "namndbeslut:month" not in paper


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], Path(path).name


def test_a_body_without_a_text_has_no_empty_about_section(built: BuiltSite) -> None:
    """The 'Om …' heading introduces the body's links (its upcoming meetings), never an empty text."""
    heading = one(built.article(MONTH_MEETING), "h2#om-kommunstyrelsen")
    following = heading.find_next_sibling()
    assert following is not None and following.name == "ul" and following.get("class") == ["body-links"]
    assert one(built.article("sammantraden/2021-03-17-socialnamnden/"), "h2#om-socialnamnden")


# -- bad input: a clear Swedish error naming file, line and field ---------------------------------------------


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    write_tree(tmp_path, {**{k: v for k, v in TREE.items() if k.startswith(("committees/", "partners/"))}, **files})
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    return [f"{p.path.as_posix()}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems]


_REFUSED = [
    pytest.param({"decisions/2020-13-kommunstyrelsen.md": (
        "---\ncommittee: kommunstyrelsen\ndate: 2020-13\ntitle: Beslut i korthet\n---\n")},
        ["decisions/2020-13-kommunstyrelsen.md:3: date: '2020-13' är ingen månad; skriv året och "
         "månaden som ÅÅÅÅ-MM, t.ex. 2020-11"], id="a_month_that_is_no_month"),
    pytest.param({"decisions/2020-11-kommunstyrelsen.md": (
        '---\ncommittee: kommunstyrelsen\ndate: 2020-11\nstart: "13:00"\nend: "12:00"\ntitle: Beslut\n---\n')},
        ["decisions/2020-11-kommunstyrelsen.md:5: end: sammanträdet slutar innan det börjar; 'end' ska vara efter "
         "'start'"], id="a_time_without_a_day_still_in_order"),
    pytest.param({"agreements/projekt-2022.md": (
        "---\ntitle: Projekt\npartner: foreningen-gemenskap\nterm: {start: 2022-08, end: 2022-03}\n---\n")},
        ["agreements/projekt-2022.md:4: term.end: perioden slutar innan den börjar; 'end' ska vara "
         "samma dag som eller efter 'start'"], id="a_term_month_out_of_order"),
    pytest.param({"agreements/lager-2021.md": (
        "---\ntitle: Läger\npartner: foreningen-gemenskap\nterm: {start: 2022-06, end: 2022-08}\n---\n")},
        ["agreements/lager-2021.md:4: term: filnamnet anger 2021 men perioden är 2022; byt namn på "
         "filen till lager-2022.md, eller rätta 'term'"], id="a_one_year_agreement_is_named_by_its_year"),
]
"""Records written wrongly: each with the problems `make check` prints."""


@pytest.mark.parametrize(("files", "expected"), _REFUSED)
def test_a_wrong_form_is_refused_by_name(files: dict[str, str], expected: list[str], tmp_path: Path) -> None:
    assert _problems(tmp_path, files) == expected


def test_unstated_is_no_value() -> None:
    matter = Matter.model_validate({"id": "a", "title": "A", "kind": "anges inte"})
    partner = Partner.model_validate({"id": "p", "name": "P"})
    assert (matter.kind, matter.kind_label, partner.kind_label) == (None, "anges inte", "anges inte")
    assert Term.model_validate({"start": "2022-03", "end": "2022-03"}).label == "mars 2022"
    assert Term.model_validate({"start": "2022-03", "end": "2023-02"}).label == "mars 2022 – februari 2023"
    assert Term.model_validate({"start": "2022-03", "end": "tills vidare"}).label == "från mars 2022, tills vidare"


def test_make_serve_with_its_port_taken_says_so_in_swedish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = preview.main(lambda root: cast(preview.Engine, None), ["--port", str(port), "--root", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.startswith(f"Förhandsvisningen kan inte starta: porten {port} används redan av ett annat program")
    assert f"make serve PORT={port + 1}" in err


def test_the_statement_names_the_site_by_its_setting(built: BuiltSite) -> None:
    name = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
    text = words(built.article("tillganglighetsredogorelse/"))
    assert f"står bakom den här webbplatsen, {name}." in text and "socialnämndens beslut" not in text
    assert name in one(built.soup(""), "header").get_text()  # the header: site_name, as before
