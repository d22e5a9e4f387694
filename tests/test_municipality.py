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
from support.project import CASES_DIR
from support.site import BuiltSite, built_tree, one, words

TREE = yaml.safe_load((CASES_DIR / "municipality.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-01"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "municipality", TREE, BUILD_DATE)


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
    assert (f["Status"], f["Period"], f["Typ"]) == ("Period anges inte", "anges inte", "Överenskommelse")
    record = json.loads((built.path / "data/overenskommelser/fontanhuset-lund.json").read_text(encoding="utf-8"))
    assert record["term"] is None and record["status"]["value"] == "Period anges inte"


def test_an_open_ended_avsiktsforklaring_with_a_municipal_company(built: BuiltSite) -> None:
    f = facts(built, "overenskommelser/lkf-avsiktsforklaring/")
    assert f["Typ"] == "Avsiktsförklaring"
    assert f["Period"] == "från 1 september 2023, tills vidare"
    assert f["Status"] == "Gäller"
    assert f["Parter"] == "Vård- och omsorgsförvaltningen och Lunds kommuns fastighets AB (LKF)"
    record = json.loads((built.path / "data/overenskommelser/lkf-avsiktsforklaring.json").read_text(encoding="utf-8"))
    assert record["term"] == {"start": "2023-09-01", "end": None, "until_further_notice": True}
    assert record["partners"][0]["kind"] == "kommunalt bolag"


def test_three_counterparties_each_with_its_page(built: BuiltSite) -> None:
    f = facts(built, "overenskommelser/radrum-2022-2024/")
    assert f["Motparter"] == "Individuell Människohjälp Sensus studieförbund Hållbar Utveckling Skåne"
    links = built.links("overenskommelser/radrum-2022-2024/")
    for partner in ("individuell-manniskohjalp", "sensus", "hallbar-utveckling-skane"):
        assert f"partner/{partner}/" in links
        assert "overenskommelser/radrum-2022-2024/" in built.links(f"partner/{partner}/")
    (body_year,) = [u for u in built.links("finansiering/2022/") if u.startswith("finansiering/2022/")]
    funding = built.text(body_year)  # the year's funding by body, the body's partner by partner
    assert "Individuell Människohjälp, Sensus studieförbund och Hållbar Utveckling Skåne" in funding


def test_an_agreement_between_two_administrations(built: BuiltSite) -> None:
    f = facts(built, "overenskommelser/maltider-2023-2025/")
    assert f["Parter"] == "Serviceförvaltningen och Barn- och skolförvaltningen"
    assert f["Typ"] == "Samarbetsavtal"
    assert "overenskommelser/maltider-2023-2025/" in built.links("partner/barn-och-skolforvaltningen/")


def test_a_meeting_with_place_time_documents_and_information(built: BuiltSite) -> None:
    url = "sammantraden/2023-09-20-vard-och-omsorgsnamnden/"
    text = prose(built, url)
    assert "Sammanträde 20 september 2023 kl. 13.00–16.00 · Grågåsvägen · Vård- och omsorgsnämnden" in text
    assert "Ärendetyp: Information (inget beslut)" in text and "Ärendetyp: Val" in text
    assert "Ärendetyp: Beslut" in text and "Inga beslutsärenden" not in text
    hrefs = [a["href"] for a in built.article(url).select("a[href]")]
    assert "https://www.lund.se/handlingar/vard-och-omsorgsnamnden-2023-09-20" in hrefs
    assert "namnder/vard-och-omsorgsnamnden/" in built.links(url)


def test_a_meeting_without_decisions_says_so(built: BuiltSite) -> None:
    assert "Inga beslutsärenden redovisas från sammanträdet." in built.text("sammantraden/2021-03-17-socialnamnden/")
    # its year's list says it by the same rule, beside the matter that is no decision (Meeting.no_decisions_note)
    assert "Inga beslutsärenden redovisas från sammanträdet." in built.text("sammantraden/2021/socialnamnden/")
    assert "Inga beslutsärenden" not in built.text("sammantraden/2023/vard-och-omsorgsnamnden/")


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
    assert len(paper["namndbeslut:counterparties"]) == 3


def test_the_site_speaks_for_the_municipality_not_one_committee(built: BuiltSite) -> None:
    assert "från kommunens sammanträden" in built.text("sammantraden/")
    assert "nämndens" not in built.text("sammantraden/")


OLD_MEETING = "sammantraden/2021-03-17-socialnamnden/"
SUCCESSOR = "namnder/arbetsmarknads-och-socialnamnden/"
MEMBERS = "https://www.lund.se/kommun-och-politik/arbetsmarknads-och-socialnamnden"


def test_breadcrumbs_name_each_meetings_own_body(built: BuiltSite) -> None:
    home, bodies = ("Startsida", ""), ("Nämnder och styrelser", "namnder/")
    for url, body in [(OLD_MEETING, ("Socialnämnden", "namnder/socialnamnden/")),
                      ("sammantraden/2022-12-14-arbetsmarknads-och-socialnamnden/",
                       ("Arbetsmarknads- och socialnämnden", SUCCESSOR)),
                      ("sammantraden/2020-12-16-kommunfullmaktige/",
                       ("Kommunfullmäktige", "namnder/kommunfullmaktige/"))]:
        trail = built.breadcrumbs(url)
        assert trail[:-1] == [home, bodies, body], url
        assert trail[-1] == (one(built.article(url), "h1").get_text(strip=True), None)
    assert built.breadcrumbs("overenskommelser/radrum-2022-2024/") == [
        home, ("Överenskommelser", "overenskommelser/"), ("IOP om RådRum", None)]
    assert built.breadcrumbs("partner/lkf/")[:-1] == [home, ("Partner", "partner/")]


def test_a_meeting_of_a_body_whose_work_continues_links_its_remit_and_its_successor(built: BuiltSite) -> None:
    heading, remit, links = built.body_links(OLD_MEETING)
    assert heading == "Om socialnämnden"
    assert remit == "Socialnämnden ansvarar för individ- och familjeomsorgen."
    assert links == {
        "Mer om socialnämnden": "namnder/socialnamnden/#om",
        "Arbetet fortsätter i arbetsmarknads- och socialnämnden": SUCCESSOR,
        "Kommande sammanträden i arbetsmarknads- och socialnämnden": SUCCESSOR + "#kommande",
        "Kommande möten och ledamöter i arbetsmarknads- och socialnämnden": MEMBERS,
    }
    assert "Arbetet fortsätter i arbetsmarknads- och socialnämnden, från 1 december 2022" in prose(built, OLD_MEETING)
    assert words(one(built.article("namnder/socialnamnden/"), "h2#om")) == "Om socialnämnden"


def test_a_body_without_remit_or_members_shows_its_next_meeting(built: BuiltSite) -> None:
    url = "sammantraden/2023-09-20-vard-och-omsorgsnamnden/"
    _, _, links = built.body_links(url)
    heading = one(built.article(url), "h2#om-vard-och-omsorgsnamnden")  # over the links, no empty text (issue 26)
    assert heading.find_next_sibling().name == "ul"  # type: ignore[union-attr]
    assert links == {"Kommande sammanträden i vård- och omsorgsnämnden": "namnder/vard-och-omsorgsnamnden/#kommande"}
    assert words(one(built.article(url), "ul.body-links li")) == (
        "Kommande sammanträden i vård- och omsorgsnämnden, nästa 16 oktober 2024")
    council = built.body_links("sammantraden/2020-12-16-kommunfullmaktige/")
    assert council[1] == "Kommunens högsta beslutande organ."
    assert "Mer om kommunfullmäktige" in council[2]


def test_the_members_link_is_the_bodys_own(built: BuiltSite) -> None:
    text = "Kommande möten och ledamöter i arbetsmarknads- och socialnämnden"
    assert facts(built, SUCCESSOR)["Ledamöter"] == text
    links = [a for a in built.article("sammantraden/kommande/").select("a") if a.get("href") == MEMBERS]
    assert [a.get_text(strip=True) for a in links] == [text]
    assert "Ledamöter" not in facts(built, "namnder/socialnamnden/")


def test_fact_boxes_name_who_decided_and_when(built: BuiltSite) -> None:
    assert facts(built, "overenskommelser/lkf-avsiktsforklaring/")["Beslutat"] == (
        "Vård- och omsorgsnämnden 20 september 2023, § 120: Avsiktsförklaring med LKF")
    assert facts(built, "overenskommelser/maltider-2023-2025/")["Beslutat"] == (
        "Servicenämnden 23 augusti 2023: Samarbetsavtal om måltider")
    # only cited, and taken before the successor took over (1 December 2022): the body that decided it
    assert facts(built, "overenskommelser/personligt-ombud/")["Beslutat"] == "Socialnämnden 19 oktober 2022, § 150"
