"""The gaps a new-editor trial found (issue 26, third round): each fact recordable as the source gives it and shown
exactly so, 'anges inte' where the source is silent.

Builds tests/cases/gaps.yaml with the real engine and reads the pages (HTML), JSON, CSV and OParl.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import loader
from namndbeslut.errors import ContentError
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, write_tree
from support.site import BuiltSite, built_tree, data, one, read, words

TREE = yaml.safe_load((CASES_DIR / "gaps.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-01"
UNTIL_2023 = "overenskommelser/gemenskap-till-2023/"
UNTIL_JUNE = "overenskommelser/gemenskap-till-juni/"
GROUP = "overenskommelser/ramavtal-idburna/"
MEETING = "sammantraden/2024-02-14-socialnamnden/"
HARRYDA = "namnder/harryda-kommunstyrelsen/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "gaps", TREE, BUILD_DATE)


def row(site: BuiltSite, path: str, key: str, value: str) -> dict[str, str]:
    return next(r for r in csv.DictReader(io.StringIO(read(site, path)), delimiter=";") if r[key] == value)


def facts(site: BuiltSite, url: str) -> dict[str, str]:
    return {label: words(value) for label, value in site.fact_box(url).items()}


# Each case: (what is shown on the page, in the JSON record, in the CSV row, in OParl), by agreement.
AGREEMENTS = [
    pytest.param("gemenskap-till-2023", {"Period": "till och med 2023 (start anges inte)", "Status": "Har upphört",
                                         "Beslutat": "Socialnämnden 2021"},
                 {"term": {"start": None, "end": "2023"}, "status": "Har upphört"},
                 {"Från": "", "Till": "2023", "Status": "Har upphört", "Beslut": "2021",
                  "Beslutsgång": "2020-11: Förslag till kommunstyrelsen | 2021 Socialnämnden: Antagen"},
                 {"namndbeslut:date": "2021"}, id="a_term_with_only_an_end_a_decision_by_year_and_month"),
    pytest.param("gemenskap-till-juni", {"Period": "till och med 30 juni 2024 (start anges inte)",
                                         "Status": "Start anges inte"},
                 {"term": {"start": None, "end": "2024-06-30"}, "status": "Start anges inte"},
                 {"Från": "", "Till": "2024-06-30", "Status": "Start anges inte"}, {},
                 id="an_end_not_passed_claims_no_start"),
    pytest.param("ramavtal-idburna", {"Motparter": "alla idéburna organisationer i Lund (enligt källan)",
                                      "Status": "Föreslagen, senare beslut anges inte"},
                 {"partners": [], "parties_described": "alla idéburna organisationer i Lund",
                  "status": "Föreslagen, senare beslut anges inte"},
                 {"Partner": "alla idéburna organisationer i Lund", "Organisationsnummer": "",
                  "Status": "Föreslagen, senare beslut anges inte"},
                 {"namndbeslut:partiesDescribed": "alla idéburna organisationer i Lund", "originatorOrganization": None,
                  "namndbeslut:counterparties": None, "namndbeslut:publicParty": "Lunds kommun",
                  "keyword": ["alla idéburna organisationer i Lund"]},
                 id="a_described_group_and_a_proposal_nothing_later_is_known_about"),
]


@pytest.mark.parametrize(("agreement", "page", "record", "csv_row", "paper"), AGREEMENTS)
def test_an_agreement_as_the_source_gives_it(built: BuiltSite, agreement: str, page: dict[str, str],
                                            record: dict[str, Any], csv_row: dict[str, str],
                                            paper: dict[str, Any]) -> None:
    shown = facts(built, f"overenskommelser/{agreement}/")
    assert {k: shown.get(k) for k in page} == page
    got = data(built, f"data/overenskommelser/{agreement}.json")
    got["status"] = got["status"]["value"]
    assert {k: got[k] for k in record} == record
    line = row(built, "data/overenskommelser.csv", "Id", agreement)
    assert {k: line[k] for k in csv_row} == csv_row
    oparl = data(built, f"oparl/paper/overenskommelse-{agreement}.json")
    assert {k: oparl.get(k) for k in paper} == paper
    assert "date" not in oparl  # no day the source does not give


def test_steps_keep_their_precision_and_order(built: BuiltSite) -> None:
    steps = [words(li) for li in built.article(UNTIL_2023).select("ol.steps li")]
    assert steps == ["Förslag till kommunstyrelsen: november 2020, § 45", "Antagen: Socialnämnden 2021"]
    record = data(built, "data/overenskommelser/gemenskap-till-2023.json")
    assert [(s["date"], s["decision"]["paragraphs"]) for s in record["steps"]] == [("2020-11", [45]), ("2021", [])]


def test_a_group_is_a_row_of_its_own_in_the_funding(built: BuiltSite) -> None:
    line = row(built, "data/finansiering.csv", "Överenskommelse", "ramavtal-idburna")
    assert (line["Partner"], line["Belopp (kr)"]) == ("alla idéburna organisationer i Lund", "1000000")
    assert ("Ramavtal med idéburna organisationer – alla idéburna organisationer i Lund (period anges inte) "
            "1 000 000 kr") in words(built.article("finansiering/2024/socialnamnden/"))


def test_an_amount_a_matter_decides(built: BuiltSite) -> None:
    text = words(built.article(MEETING))
    assert "Protokoll: § 12 Belopp: 250 000 kr" in text
    item = data(built, "oparl/agenda-item/bidrag-gemenskap-2024.json")
    assert item["namndbeslut:amount"] == {"value": 250000, "currency": "SEK"}
    assert "namndbeslut:amount" not in data(built, "oparl/agenda-item/forslag-ramavtal-2021.json")


def test_a_body_of_another_municipality_says_so(built: BuiltSite) -> None:
    name = "Kommunstyrelsen i Härryda kommun"
    assert words(one(built.article(HARRYDA), "h1")) == name
    assert f"· {name}" in words(built.article("sammantraden/2024-03-12-harryda-kommunstyrelsen/"))
    assert name in words(built.article("namnder/"))
    assert words(one(built.article("namnder/kommunstyrelsen/"), "h1")) == "Kommunstyrelsen"
    organization = data(built, "oparl/organization/namnd-harryda-kommunstyrelsen.json")
    assert (organization["name"], organization["namndbeslut:municipality"]) == (name, "Härryda kommun")
    assert f"<title>Sammanträden och beslut: {name}</title>" in read(built, "namnd-harryda-kommunstyrelsen.xml")
    assert "X-WR-CALNAME:" + name in read(built, "kalender/harryda-kommunstyrelsen.ics").replace("\r\n ", "")


def test_a_meeting_without_a_time_has_no_invented_start(built: BuiltSite) -> None:
    meeting = data(built, "oparl/meeting/2024-02-14-socialnamnden.json")
    assert "start" not in meeting and "end" not in meeting
    assert (meeting["namndbeslut:date"], meeting["namndbeslut:timeStated"]) == ("2024-02-14", False)
    assert list(validator("Meeting").iter_errors(meeting)) == []


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], Path(path).name


# -- what cannot be: a clear Swedish error naming file, line and field -------------------------------------------


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    keep = {k: v for k, v in TREE.items() if k.startswith(("committees/", "partners/"))}
    write_tree(tmp_path, {**keep, "mkdocs.yml": "site_name: X\nextra:\n  municipality: Lunds kommun\n", **files})
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    return [f"{p.path.as_posix()}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems]


def _agreement(lines: str) -> dict[str, str]:
    return {"agreements/a.md": f"---\ntitle: A\n{lines}---\n"}


_REFUSED = [
    pytest.param(_agreement("partner: foreningen-gemenskap\nterm: {start: anges inte, end: tills vidare}\n"),
                 ["agreements/a.md:4: term.end: en period utan start och utan slut säger ingenting; skriv slutet som "
                  "källan anger det, t.ex. {end: 2023}, eller 'term: anges inte'"], id="a_term_stating_nothing"),
    pytest.param(_agreement("partner: foreningen-gemenskap\nterm: anges inte\nadopted_by: '2021-13 § 4'\n"),
                 ["agreements/a.md:5: adopted_by: '2021-13' är ingen månad; skriv året och månaden som ÅÅÅÅ-MM, "
                  "t.ex. 2021-03"], id="a_cited_month_that_is_no_month"),
    pytest.param(_agreement("partner: foreningen-gemenskap\nterm: anges inte\nadopted_by: 21\n"),
                 ["agreements/a.md:5: adopted_by: året 21 är inte rimligt; skriv året med fyra siffror (mellan 1900 "
                  "och 2200)"], id="a_cited_year_of_two_digits"),
    pytest.param(_agreement("partner: anges inte\nparties_described: alla föreningar\nterm: anges inte\n"),
                 ["agreements/a.md:4: parties_described: anger källan ingen motpart, skriv 'partner: anges inte' och "
                  "ta bort 'parties_described'"], id="a_group_and_no_counterparty"),
    pytest.param(_agreement("partner: foreningen-gemenskap\nparties_described: anges inte\nterm: anges inte\n"),
                 ["agreements/a.md:4: parties_described: anger källan inga andra parter än de namngivna, ta bort "
                  "'parties_described'"], id="named_partners_and_no_others_stated"),
    pytest.param(_agreement("partner: foreningen-gemenskap\nterm: anges inte\nfunding:\n  - year:\n    amount: 5\n"),
                 ["agreements/a.md:6: funding.0.year: värdet är tomt; skriv året, t.ex. 2021, eller 'anges inte' om "
                  "källan inte anger det"], id="an_empty_funding_year"),
    pytest.param(_agreement("partner: foreningen-gemenskap\nterm: anges inte\ncited_steps:\n  - action: antar\n"
                            "    decision:\n    body: socialnamnden\n"),
                 ["agreements/a.md:7: cited_steps.0.decision: värdet är tomt; skriv beslutet, t.ex. '2024-06-12 § "
                  "120', eller 'anges inte' om källan inte anger det"], id="an_empty_cited_decision"),
    pytest.param({"decisions/2024-02-14-socialnamnden.md": (
        "---\ncommittee: socialnamnden\ndate: 2024-02-14\ntitle: T\nmatters:\n  - id: m\n    amount: -5\n---\n"
        "## M {#m}\n")},
        ["decisions/2024-02-14-socialnamnden.md:7: matters.0.amount.kronor: ett negativt belopp (-5) är en avvikelse "
         "eller ett underskott och skrivs bara med 'nature: utfall', 'nature: prognos' eller 'nature: budget', t.ex. "
         "{kronor: -33700000, nature: utfall}"],
        id="a_negative_amount"),
    pytest.param({"committees/egen.md": "---\nname: Kommunstyrelsen\nmunicipality: Lunds kommun\n---\n"},
                 ["committees/egen.md:3: municipality: 'Lunds kommun' är webbplatsens egen kommun (extra.municipality "
                  "i mkdocs.yml), som gäller när 'municipality' inte anges; ta bort 'municipality', som bara behövs "
                  "för ett organ i en annan kommun"], id="the_sites_own_municipality_written_out"),
]


@pytest.mark.parametrize(("files", "expected"), _REFUSED)
def test_a_wrong_form_is_refused_by_name(files: dict[str, str], expected: list[str], tmp_path: Path) -> None:
    assert _problems(tmp_path, files) == expected
