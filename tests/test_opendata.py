"""The open data the build writes: OParl 1.1 against its schemas, CSV, JSON, iCalendar, JSON-LD, funding page."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import posixpath
from typing import Any

import icalendar
import jsonschema
import pytest
from namndbeslut import loader
from namndbeslut.context import BuildContext
from namndbeslut.opendata import jsonld
from namndbeslut.opendata.oparl import OParl
from support.oparl import FORMATS, OPARL, SCHEMAS, oparl_objects, validator
from support.project import ROOT
from support.site import EXTRA, SITE_URL, BuiltSite, attr, one, string

LIST_SCHEMA = {
    "type": "object", "required": ["data", "pagination", "links"],
    "properties": {
        "data": {"type": "array", "items": {"type": "object", "required": ["id", "type"]}},
        "pagination": {"type": "object", "required": ["totalElements", "elementsPerPage", "currentPage", "totalPages"],
                       "properties": {k: {"type": "integer", "minimum": 0} for k in
                                      ("totalElements", "elementsPerPage", "currentPage", "totalPages")}},
        "links": {"type": "object", "required": ["first", "last", "self"],
                  "additionalProperties": {"type": "string", "format": "url"}},
    },
}


def urls_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.startswith(SITE_URL) else []
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [u for child in children for u in urls_in(child)]


def load_json(site: BuiltSite, rel: str) -> Any:
    return json.loads((site.path / rel).read_text(encoding="utf-8"))


# -- OParl ------------------------------------------------------------------------------------


def test_every_oparl_object_validates_against_its_schema(site: BuiltSite) -> None:
    files = sorted((site.path / "oparl").rglob("*.json"))
    validators = {p.stem: validator(p.stem) for p in SCHEMAS.glob("*.json")}
    lists = jsonschema.Draft7Validator(LIST_SCHEMA, format_checker=FORMATS)
    types, errors = set(), []
    for path in files:
        rel = path.relative_to(site.path).as_posix()
        doc = json.loads(path.read_text(encoding="utf-8"))
        if "data" in doc:
            errors += [f"{rel}: {e.message}" for e in lists.iter_errors(doc)]
            assert doc["links"]["self"] == SITE_URL + rel
        else:
            assert doc["id"] == SITE_URL + rel, f"{rel}: an object's id is its own URL"
        for obj in oparl_objects(doc):
            name = obj["type"].removeprefix(OPARL)
            types.add(name)
            errors += [f"{rel}: {name} {obj['id']}: {e.message}" for e in validators[name].iter_errors(obj)]
    assert not errors, "\n".join(errors)
    assert {"System", "Body", "Organization", "Meeting", "AgendaItem", "Paper", "Consultation", "File"} <= types


def test_every_oparl_url_resolves_to_a_file(site: BuiltSite) -> None:
    missing = set()
    for path in (site.path / "oparl").rglob("*.json"):
        for url in urls_in(json.loads(path.read_text(encoding="utf-8"))):
            target = site.path / url.removeprefix(SITE_URL).split("#")[0]
            if not (target.is_file() or (target / "index.html").is_file()):
                missing.add(url)
    assert not missing, sorted(missing)


def test_oparl_entry_point_leads_to_every_list(site: BuiltSite) -> None:
    system = load_json(site, "oparl/system.json")
    assert system["oparlVersion"] == OPARL
    bodies = load_json(site, system["body"].removeprefix(SITE_URL))
    body = bodies["data"][0]
    assert body["name"] == "Lunds kommun"
    meetings = load_json(site, body["meeting"].removeprefix(SITE_URL))["data"]
    archive = loader.load(ROOT)
    assert {m["web"] for m in meetings} == {SITE_URL + f"sammantraden/{m.id}/" for m in archive.meetings}
    organizations = load_json(site, body["organization"].removeprefix(SITE_URL))["data"]
    assert {o["name"] for o in organizations} == (
        {c.name for c in archive.committees.values()} | {p.name for p in archive.partners.values()})
    papers = load_json(site, body["paper"].removeprefix(SITE_URL))["data"]
    assert sorted(p["paperType"] for p in papers) == sorted(
        ["Tjänsteskrivelse"] * len(archive.reports) + ["Överenskommelse"] * len(archive.agreements))


def test_meeting_agenda_items_and_consultations(site: BuiltSite) -> None:
    meeting = load_json(site, "oparl/meeting/2020-11-11-socialnamnden.json")
    items = meeting["agendaItem"]
    assert [i["name"] for i in items] == ["Uppdaterad riktlinje för idéburet offentligt partnerskap (IOP)",
                                          "Ny överenskommelse med Kvinnojouren", "Socialsekreterare hos polisen"]
    assert items[0]["number"] == "§ 167" and [i["order"] for i in items] == [1, 2, 3]
    agreement = load_json(site, "oparl/paper/overenskommelse-kvinnojouren-lund-2021-2023.json")
    assert agreement["reference"] == "SO 2020/0155"
    assert agreement["namndbeslut:counterparties"] == [SITE_URL + "oparl/organization/partner-kvinnojouren-lund.json"]
    assert agreement["underDirectionOf"] == [SITE_URL + "oparl/organization/namnd-socialnamnden.json"]
    assert "originatorOrganization" not in agreement
    assert agreement["namndbeslut:publicParty"] == "Socialförvaltningen i Lund"
    (consultation,) = agreement["consultation"]
    assert consultation["agendaItem"] == items[1]["id"] and consultation["authoritative"] is True
    report = load_json(site, "oparl/paper/tjansteskrivelse-so-2020-0155.json")
    assert report["date"] == "2020-11-02" and agreement["id"] in report["relatedPaper"]
    assert report["consultation"][0]["id"] == items[1]["consultation"]


def test_object_lists_paginate() -> None:
    archive = loader.load(ROOT)
    out = OParl(BuildContext(archive, dt.date(2022, 6, 1), SITE_URL, EXTRA), page_size=2).files()
    lists = jsonschema.Draft7Validator(LIST_SCHEMA, format_checker=FORMATS)
    seen, url = [], SITE_URL + "oparl/body/agenda-items.json"
    while url:
        page = json.loads(out[url.removeprefix(SITE_URL)])
        assert not list(lists.iter_errors(page))
        assert len(page["data"]) <= 2
        seen += [item["id"] for item in page["data"]]
        url = page["links"].get("next")
    assert len(seen) == len(set(seen)) == len(archive.matters) == page["pagination"]["totalElements"]
    assert page["pagination"]["totalPages"] == (len(archive.matters) + 1) // 2


# -- our own data -----------------------------------------------------------------------------


def read_csv(site: BuiltSite, rel: str) -> list[dict[str, str]]:
    raw = (site.path / rel).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for spreadsheets"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_funding_csv_matches_the_content(site: BuiltSite) -> None:
    rows = read_csv(site, "data/finansiering.csv")
    archive = loader.load(ROOT)
    expected = {(a.id, f.year): f for a in archive.agreements.values() for f in a.funding}
    assert {(r["Överenskommelse"], int(r["År"])) for r in rows} == set(expected)
    for row in rows:
        funding = expected[(row["Överenskommelse"], int(row["År"]))]
        stated = funding.amount.kronor if funding.amount else None
        assert (int(row["Belopp (kr)"]) if row["Belopp (kr)"] else None) == stated
        assert row["Priskompensation"] == ("ja" if funding.price_compensation else "nej")
    # the seeds' numbers
    by_key = {(r["Partner"], r["År"]): r["Belopp (kr)"] for r in rows}
    assert by_key[("Vänskapens hus", "2021")] == "62500"
    assert by_key[("Vänskapens hus", "2022")] == by_key[("Vänskapens hus", "2023")] == "250000"
    assert by_key[("Kvinnojouren Lund", "2021")] == "380000"
    assert by_key[("Kvinnojouren Lund", "2022")] == by_key[("Kvinnojouren Lund", "2023")] == ""


def test_agreements_csv_has_one_row_per_agreement_with_iso_dates(site: BuiltSite) -> None:
    rows = {r["Id"]: r for r in read_csv(site, "data/overenskommelser.csv")}
    archive = loader.load(ROOT)
    assert set(rows) == set(archive.agreements)
    vh = rows["vanskapens-hus-2021-2023"]
    assert (vh["Från"], vh["Till"], vh["Översyn senast"]) == ("2021-10-01", "2023-12-31", "2023-03-31")
    assert vh["Status"] == "Gäller" and vh["Status per"] == "2022-06-01"
    assert vh["Summa angivna belopp (kr)"] == str(62500 + 250000 + 250000)
    assert (rows["rsmh-2021-2023"]["Från"], rows["rsmh-2021-2023"]["Till"]) == ("2021", "2023")
    assert rows["kvinnojouren-lund-2018-2020"]["Beslut"] == "2017-08-23 §§ 154, 155"
    assert rows["kvinnojouren-lund-2018-2020"]["Status"] == "Har upphört"


def test_agreement_json_holds_every_fact(site: BuiltSite) -> None:
    archive = loader.load(ROOT)
    for agreement in archive.agreements.values():
        record = load_json(site, f"data/overenskommelser/{agreement.id}.json")
        assert record["id"] == agreement.id and record["title"] == agreement.title
        assert [(f["year"], f["amount"]) for f in record["funding"]] == [
            (f.year, f.amount.kronor if f.amount else None) for f in agreement.funding]
    kj = load_json(site, "data/overenskommelser/kvinnojouren-lund-2021-2023.json")
    assert kj["term"] == {"start": "2021-01-01", "end": "2023-12-31"}
    assert kj["status"] == {"value": "Gäller", "on": "2022-06-01"}
    assert kj["renews"]["id"] == "kvinnojouren-lund-2018-2020"
    assert [(d["role"], d["date"]) for d in kj["decisions"]] == [("antar", "2020-11-11")]
    assert kj["reports"][0]["case_number"] == "SO 2020/0155"
    old = load_json(site, "data/overenskommelser/kvinnojouren-lund-2018-2020.json")
    assert old["renewed_by"]["id"] == "kvinnojouren-lund-2021-2023"
    assert old["decisions"] == [{"role": "antar", "date": "2017-08-23", "paragraphs": [154, 155],
                                 "committee": "socialnamnden", "published": False}]
    everything = load_json(site, "data/overenskommelser.json")
    assert [r["id"] for r in everything] == sorted(archive.agreements)


# -- calendars --------------------------------------------------------------------------------


def test_calendar_feed_parses_and_holds_every_meeting(site: BuiltSite) -> None:
    cal = icalendar.Calendar.from_ical((site.path / "kalender/socialnamnden.ics").read_bytes())
    events = cal.walk("VEVENT")
    archive = loader.load(ROOT)
    assert sorted(e.decoded("dtstart") for e in events) == sorted(m.date for m in archive.meetings if m.date)
    assert str(cal["version"]) == "2.0" and cal["prodid"]
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= set(event), "RFC 5545's required properties"
        assert str(event["uid"]).endswith("@example.github.io")
        assert str(event["url"]).startswith(SITE_URL + "sammantraden/")


# -- pages ------------------------------------------------------------------------------------


def structured(site: BuiltSite, url: str) -> dict[str, Any]:
    (script,) = site.soup(url).select('script[type="application/ld+json"]')
    data = json.loads(string(script))
    assert isinstance(data, dict)
    return data


def test_meeting_page_json_ld_is_an_event_consistent_with_the_page(site: BuiltSite) -> None:
    url = "sammantraden/2020-11-11-socialnamnden/"
    data = structured(site, url)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == one(site.article(url), "h1").get_text(strip=True)
    assert data["startDate"] == attr(one(site.article(url), "p.page-meta time"), "datetime") == "2020-11-11"
    assert data["url"] == SITE_URL + url
    others = {"data-2020-11-11-socialnamnden", "om-socialnamnden"}  # the page's data and its body's links
    assert [a["name"] for a in data["about"]] == [h.get_text(strip=True) for h in site.article(url).select("h2[id]")
                                                 if attr(h, "id") not in others]


def test_agreement_page_json_ld_states_term_and_funding(site: BuiltSite) -> None:
    url = "overenskommelser/vanskapens-hus-2021-2023/"
    data = structured(site, url)
    assert data["@type"] == "CreativeWork" and data["temporalCoverage"] == "2021-10-01/2023-12-31"
    assert data["name"] == one(site.article(url), "h1").get_text(strip=True) and data["url"] == SITE_URL + url
    assert [(g["amount"]["value"], g["description"]) for g in data["funding"]] == [
        (62500, "2021"), (250000, "2022"), (250000, "2023")]
    assert data["about"]["identifier"]["value"] == "845000-8175"


def test_json_ld_cannot_close_its_script_element() -> None:
    nasty = {"name": "</script><script>alert(1)</script> & <!--"}
    html = str(jsonld.script(nasty))
    inner = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == nasty


def test_pages_link_to_their_data(site: BuiltSite) -> None:
    hrefs = [attr(a, "href") for a in site.article("sammantraden/2021-06-09-socialnamnden/").select("a[href]")]
    assert "../../oparl/meeting/2021-06-09-socialnamnden.json" in hrefs
    assert "../../kalender/socialnamnden.ics" in hrefs
    hrefs = [attr(a, "href") for a in site.article("overenskommelser/vanskapens-hus-2021-2023/").select("a[href]")]
    assert "../../data/overenskommelser/vanskapens-hus-2021-2023.json" in hrefs
    assert "../../oparl/paper/overenskommelse-vanskapens-hus-2021-2023.json" in hrefs


def test_open_data_page_lists_every_dataset_with_format_and_licence(site: BuiltSite) -> None:
    article = site.article("oppna-data/")
    rows = article.select("tbody tr")
    linked = {attr(one(row, "td a"), "href").removeprefix("../") for row in rows}
    datasets = {p.relative_to(site.path).as_posix() for p in site.path.glob("data/**/*.*")}
    datasets |= {p.relative_to(site.path).as_posix() for p in site.path.glob("kalender/*.ics")}
    catalogue = {"data/katalog.rdf", "data/katalog.ttl"}  # describes the datasets; linked from the text below
    each = {p.relative_to(site.path).as_posix() for p in site.path.glob("data/overenskommelser/*.json")}
    assert each and "overenskommelser/" in linked  # one row for every agreement's own file, linked from its page:
    for path in each:  # the page stays short at any size of the archive
        page = f"overenskommelser/{posixpath.basename(path).removesuffix('.json')}/"
        assert f"../../{path}" in [attr(a, "href") for a in site.article(page).select("a[href]")], page
    assert (datasets - catalogue - each) | {"oparl/system.json", "overenskommelser/"} == linked
    assert catalogue <= {attr(a, "href").removeprefix("../") for a in article.select("p a[href]")}
    for row in rows:
        cells = [td.get_text(" ", strip=True) for td in row.select("td")]
        assert cells[2] and cells[3] == "CC0 1.0 Universell", cells


def _rows(table: Any) -> dict[str, list[str]]:
    """A table's rows as text, by their row heading."""
    return {one(tr, "th").get_text(strip=True): [td.get_text(" ", strip=True).replace("\u00a0", " ")
                                                 for td in tr.select("td")]
            for tr in table.select("tbody tr, tfoot tr")}


def test_funding_page_numbers_match_the_seeds(site: BuiltSite) -> None:
    """The overview sums each year (linking to the year's page) and each body; a year's page sums each body, a body's
    year has the amounts."""
    article = site.article("finansiering/")
    years = _rows(one(article, "table#finansiering"))
    assert years == {"Finansiering 2021": ["442 500 kr", "2"], "Finansiering 2022": ["minst 250 000 kr", "2"],
                     "Finansiering 2023": ["minst 250 000 kr", "2"], "Alla år": ["minst 942 500 kr", "2"]}
    assert [attr(a, "href") for a in article.select("table#finansiering tbody th a")] == ["2021/", "2022/", "2023/"]
    assert not article.select("h2#per-namnd")  # one body: its sum is the sum of every year
    bodies = site.article("finansiering/2022/")  # a year's page: its bodies, each body's year a page of its own
    assert _rows(one(bodies, "table")) == {"Socialnämnden": ["minst 250 000 kr", "2"]}
    assert [attr(a, "href") for a in bodies.select("table tbody th a")] == ["socialnamnden/"]
    year = _rows(one(site.article("finansiering/2022/socialnamnden/"), "table#finansiering"))
    assert year == {"Överenskommelse om idéburet offentligt partnerskap med Kvinnojouren Lund 2021–2023": [
                        "ersättningen justeras med priskompensation (belopp anges inte)"],
                    "Överenskommelse om idéburet offentligt partnerskap med Vänskapens hus 2021–2023": [
                        "250 000 kr, med årlig priskompensation"],
                    "Summa angivna belopp": ["minst 250 000 kr"]}
    earlier = one(site.article("finansiering/2021/socialnamnden/"), "table#finansiering")
    assert _rows(earlier)["Summa angivna belopp"] == ["442 500 kr"]


def test_funding_chart_is_static_svg_with_the_table_as_alternative(site: BuiltSite) -> None:
    figure = one(site.article("finansiering/"), "figure.funding-chart")
    svg = one(figure, "svg")
    assert attr(svg, "role") == "img" and not figure.select("script") and not svg.select("[href], image")
    labelled = [one(svg, f"#{i}").get_text() for i in attr(svg, "aria-labelledby").split()]
    assert "tabellen" in labelled[1]
    bars = {one(r, "title").get_text().replace("\u00a0", " ") for r in svg.select("rect")}
    assert bars == {"2021: 442 500 kr", "2022: minst 250 000 kr", "2023: minst 250 000 kr"}
    assert len(svg.select("text")) == 3  # a row per year, however many partners


@pytest.mark.parametrize("rel", ["data/finansiering.csv", "data/overenskommelser.csv"])
def test_csv_rows_have_the_header_width(site: BuiltSite, rel: str) -> None:
    raw = (site.path / rel).read_bytes().decode("utf-8-sig")
    widths = {len(row) for row in csv.reader(io.StringIO(raw, newline=""), delimiter=";")}
    assert len(widths) == 1


def test_schema_copy_is_unchanged() -> None:
    shared = ROOT.parent / "shared" / "oparl-1.1-schema"
    if not shared.is_dir():
        pytest.skip("no shared schema folder on this machine")
    for path in SCHEMAS.glob("*.json"):
        assert path.read_bytes() == (shared / path.name).read_bytes(), path.name


def test_csv_text_cannot_run_as_a_spreadsheet_formula() -> None:
    from namndbeslut.opendata.tables import cell

    assert cell('=HYPERLINK("http://evil.example")') == '\'=HYPERLINK("http://evil.example")'
    assert cell("-1+1") == "'-1+1" and cell(-5) == -5 and cell("2021-01-01") == "2021-01-01" and cell(None) == ""
