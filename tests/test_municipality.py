"""The whole municipality (issue 10): several bodies and their history, agreements of every kind and with
every kind of party, meetings with their own place, time, documents and information items.

Builds tests/cases/municipality.yaml with the real engine and reads what a reader and a client get.
"""

from __future__ import annotations

import json

import icalendar
import pytest
import yaml
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, link_engine, write_tree
from support.site import BuiltSite, build

TREE = yaml.safe_load((CASES_DIR / "municipality.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-01"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("municipality")
    write_tree(root, TREE)
    link_engine(root)
    dest = tmp_path_factory.mktemp("site")
    result = build(dest, BUILD_DATE, root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(dest)


def facts(site: BuiltSite, url: str) -> dict[str, str]:
    """The fact box of a page as text: each label with its value's words."""
    return {label: " ".join(value.get_text(" ", strip=True).split()) for label, value in site.fact_box(url).items()}


def prose(site: BuiltSite, url: str) -> str:
    """The article's text with no space before a comma (an inline element's edge adds one)."""
    return site.text(url).replace(" ,", ",")


def test_every_body_is_listed_with_its_kind(built: BuiltSite) -> None:
    table = built.article("namnder/").select("tbody tr")
    rows = [[c.get_text(" ", strip=True) for c in tr.select("td")] for tr in table]
    names = {r[0].split(" (")[0]: r[1] for r in rows}
    assert names == {"Arbetsmarknads- och socialnämnden": "Nämnd", "Kommunfullmäktige": "Kommunfullmäktige",
                     "Servicenämnden": "Nämnd", "Socialnämnden": "Nämnd", "Vård- och omsorgsnämnden": "Nämnd"}
    assert built.links("namnder/").count("namnder/socialnamnden/") == 1


def test_history_links_both_ways(built: BuiltSite) -> None:
    old, new = facts(built, "namnder/socialnamnden/"), facts(built, "namnder/arbetsmarknads-och-socialnamnden/")
    assert old["Arbetet fortsätter i"] == "Arbetsmarknads- och socialnämnden , från 1 december 2022"
    assert new["Fortsätter arbetet i"] == "Socialnämnden , från 1 december 2022"
    assert "namnder/arbetsmarknads-och-socialnamnden/" in built.links("namnder/socialnamnden/")
    assert "namnder/socialnamnden/" in built.links("namnder/arbetsmarknads-och-socialnamnden/")


def test_a_body_page_shows_its_remit_meetings_and_agreements(built: BuiltSite) -> None:
    text = built.text("namnder/socialnamnden/")
    assert "Socialnämnden ansvarar för individ- och familjeomsorgen." in text
    assert "Socialnämnden – aktuella beslut mars 2021" in text
    links = built.links("namnder/socialnamnden/")
    assert {"overenskommelser/fontanhuset-lund/", "overenskommelser/radrum-2022-2024/"} <= set(links)
    assert "sammantraden/2021-03-17-socialnamnden/" in links
    upcoming = prose(built, "namnder/vard-och-omsorgsnamnden/")
    assert "16 oktober 2024, kl. 13.00, Stadshuset" in upcoming


def test_an_agreement_without_a_stated_term_says_so(built: BuiltSite) -> None:
    f = facts(built, "overenskommelser/fontanhuset-lund/")
    assert (f["Status"], f["Period"], f["Typ"]) == ("Period anges inte", "Anges inte i källan", "Överenskommelse")
    record = json.loads((built.path / "data/overenskommelser/fontanhuset-lund.json").read_text(encoding="utf-8"))
    assert record["term"] is None and record["status"]["value"] == "Period anges inte"


def test_an_open_ended_avsiktsforklaring_with_a_municipal_company(built: BuiltSite) -> None:
    f = facts(built, "overenskommelser/lkf-avsiktsforklaring/")
    assert f["Typ"] == "Avsiktsförklaring"
    assert f["Period"] == "från 1 september 2023, tills vidare"
    assert f["Status"] == "Gäller"
    assert f["Parter"] == "Vård- och omsorgsförvaltningen och Lunds kommuns fastighets AB (LKF)"
    record = json.loads((built.path / "data/overenskommelser/lkf-avsiktsforklaring.json").read_text(encoding="utf-8"))
    assert record["term"] == {"start": "2023-09-01", "end": None}
    assert record["partners"][0]["kind"] == "kommunalt bolag"


def test_three_counterparties_each_with_its_page(built: BuiltSite) -> None:
    f = facts(built, "overenskommelser/radrum-2022-2024/")
    assert f["Motparter"] == "Individuell Människohjälp Sensus studieförbund Hållbar Utveckling Skåne"
    links = built.links("overenskommelser/radrum-2022-2024/")
    for partner in ("individuell-manniskohjalp", "sensus", "hallbar-utveckling-skane"):
        assert f"partner/{partner}/" in links
        assert "overenskommelser/radrum-2022-2024/" in built.links(f"partner/{partner}/")
    funding = built.text("finansiering/")
    assert "Individuell Människohjälp, Sensus studieförbund och Hållbar Utveckling Skåne" in funding


def test_an_agreement_between_two_administrations(built: BuiltSite) -> None:
    f = facts(built, "overenskommelser/maltider-2023-2025/")
    assert f["Parter"] == "Serviceförvaltningen och Barn- och skolförvaltningen"
    assert f["Typ"] == "Samarbetsavtal"
    assert "overenskommelser/maltider-2023-2025/" in built.links("partner/barn-och-skolforvaltningen/")


def test_a_meeting_with_place_time_documents_and_information(built: BuiltSite) -> None:
    url = "sammantraden/2023-09-20-vard-och-omsorgsnamnden/"
    text = prose(built, url)
    assert "Sammanträde 20 september 2023, kl. 13.00–16.00 · Grågåsvägen · Vård- och omsorgsnämnden" in text
    assert "Ärendetyp: Information (inget beslut)" in text and "Ärendetyp: Val" in text
    assert "Ärendetyp: Beslut" in text and "Inga beslutsärenden" not in text
    hrefs = [a["href"] for a in built.article(url).select("a[href]")]
    assert "https://www.lund.se/handlingar/vard-och-omsorgsnamnden-2023-09-20" in hrefs
    assert "namnder/vard-och-omsorgsnamnden/" in built.links(url)


def test_a_meeting_without_decisions_says_so(built: BuiltSite) -> None:
    assert "Inga beslutsärenden redovisas från sammanträdet." in built.text("sammantraden/2021-03-17-socialnamnden/")


def test_the_calendar_and_oparl_carry_the_held_meetings_place_and_time(built: BuiltSite) -> None:
    cal = icalendar.Calendar.from_ical((built.path / "kalender/vard-och-omsorgsnamnden.ics").read_bytes())
    held = next(e for e in cal.walk("VEVENT") if str(e["uid"]).startswith("2023-09-20"))
    assert str(held["location"]) == "Grågåsvägen" and held.decoded("dtstart").hour == 13
    meeting = json.loads((built.path / "oparl/meeting/2023-09-20-vard-och-omsorgsnamnden.json").read_text("utf-8"))
    assert meeting["start"].startswith("2023-09-20T13:00") and meeting["location"]["description"] == "Grågåsvägen"


def test_oparl_is_valid_and_the_council_is_no_committee(built: BuiltSite) -> None:
    objects = [o for path in (built.path / "oparl").rglob("*.json")
               for o in oparl_objects(json.loads(path.read_text(encoding="utf-8")))]
    assert len(objects) > 40
    for obj in objects:
        errors = [e.message for e in validator(obj["type"].rsplit("/", 1)[1]).iter_errors(obj)]
        assert errors == [], (obj["id"], errors)
    council = json.loads((built.path / "oparl/organization/namnd-kommunfullmaktige.json").read_text("utf-8"))
    assert council["classification"] == "Kommunfullmäktige"
    paper = json.loads((built.path / "oparl/paper/overenskommelse-radrum-2022-2024.json").read_text("utf-8"))
    assert len(paper["originatorOrganization"]) == 3


def test_the_site_speaks_for_the_municipality_not_one_committee(built: BuiltSite) -> None:
    assert "från kommunens sammanträden" in built.text("sammantraden/")
    assert "nämndens" not in built.text("sammantraden/")
