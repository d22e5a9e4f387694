"""What new editors entering real pages from Göteborg, Gävle, Jönköping and Västerås found: a record known from
several pages (`source_url` a list); a proposal by a förvaltning or an office, not by a body (`cited_steps[].by`);
an agreement's parties in OParl as the spec lets a Paper name them; a decision's `role` in the JSON as its step.

Builds tests/cases/sources.yaml with the real engine and reads the pages, the JSON, JSON-LD and OParl; and loads it
wrongly written, for the Swedish messages.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from namndbeslut import desk, kinds
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, edited, problems
from support.site import SITE_URL, BuiltSite, built_tree, data, one, read, string, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "sources.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2025-01-15"
VAXTHUSET = "overenskommelser/vaxthuset-2024-2026/"
KULTUR = "overenskommelser/kultur-iop-2024-2026/"
EXPLOATERING = "overenskommelser/exploatering-hamnen/"
TWO = ["https://goteborg.se/iop/vaxthuset", "https://goteborg.se/nyheter/iop-vaxthuset"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "sources", TREE, BUILD_DATE)


def source_links(site: BuiltSite, url: str) -> tuple[str, list[tuple[str, str]]]:
    """The page's 'Källa' as a reader hears it, and each of its links (address, text)."""
    note = site.article(url).select_one("p.source-note")
    assert note is not None, f"{url} shows no 'Källa'"
    return words(note), [(str(a["href"]), words(a)) for a in note.select("a")]


# -- 1. several sources for one record ------------------------------------------------------------------------------

def test_every_address_is_shown_under_kalla(built: BuiltSite) -> None:
    said, links = source_links(built, VAXTHUSET)
    assert links == [(u, u.partition("://")[2]) for u in TWO]
    assert said == ("Källa: Göteborgs Stads sida om IOP och en nyhet goteborg.se/iop/vaxthuset och "
                    "goteborg.se/nyheter/iop-vaxthuset")
    assert [h for h, _ in source_links(built, "sammantraden/2024-02-14-socialnamnden/")[1]] == [
        "https://goteborg.se/socialnamnden/2024-02-14", "https://goteborg.se/nyheter/iop-vaxthuset"]
    assert len(source_links(built, "namnder/socialnamnden/")[1]) == 2
    assert source_links(built, "partner/stadsmissionen/")[1] == [
        ("https://stadsmissionen.example/om-oss", "stadsmissionen.example/om-oss")], "one address as before"


def test_every_address_is_in_the_data(built: BuiltSite) -> None:
    record = data(built, "data/overenskommelser/vaxthuset-2024-2026.json")
    assert (record["source_url"], record["source_urls"]) == (TWO[0], TWO)
    single_url = data(built, "data/overenskommelser/kultur-iop-2024-2026.json")
    kif = "https://jonkoping.se/kif/iop-kulturskolan"
    assert (single_url["source_url"], single_url["source_urls"]) == (kif, [kif])
    none = data(built, "data/overenskommelser/exploatering-hamnen.json")
    assert (none["source_url"], none["source_urls"]) == (None, [])
    paper = data(built, "oparl/paper/overenskommelse-vaxthuset-2024-2026.json")
    assert (paper["namndbeslut:sourceUrl"], paper["namndbeslut:sourceUrls"]) == (TWO[0], TWO)
    assert paper["web"] == SITE_URL + VAXTHUSET, "`web` stays the page on this site"
    meeting = data(built, "oparl/meeting/2024-02-14-socialnamnden.json")
    assert len(meeting["namndbeslut:sourceUrls"]) == 2
    single = data(built, "oparl/paper/overenskommelse-kultur-iop-2024-2026.json")
    assert "namndbeslut:sourceUrls" not in single and single["namndbeslut:sourceUrl"].endswith("iop-kulturskolan")
    ld = json.loads(string(one(built.soup(VAXTHUSET), 'script[type="application/ld+json"]')))
    assert ld["isBasedOn"] == TWO


# -- 2. a proposal by a förvaltning or an office --------------------------------------------------------------------

def test_a_proposal_by_an_administration_is_shown_and_is_no_agreement_in_force(built: BuiltSite) -> None:
    assert built.steps(KULTUR) == [], "an undated step has no place in an order"
    assert built.undated_steps(KULTUR) == [
        "Förslag från Kultur-, idrott- och fritidsförvaltningen till kultur- och fritidsnämnden att anta: "
        "datum anges inte"]
    assert words(built.fact_box(KULTUR)["Status"]) == "Föreslagen, senare beslut anges inte"
    assert built.steps(EXPLOATERING) == [
        "Förslag från Stadsledningskontoret till exploateringsnämnden: 20 maj 2024"]
    assert words(built.fact_box(EXPLOATERING)["Status"]) == "Föreslagen, senare beslut anges inte"
    assert "Tjänsteskrivelse" in built.fact_box(KULTUR), "the report of the same case number is linked"
    assert KULTUR in built.links("tjansteskrivelser/kif-2023-0451/"), "and the report links the agreement"


def test_a_proposal_by_an_administration_in_the_data(built: BuiltSite) -> None:
    (step,) = data(built, "data/overenskommelser/kultur-iop-2024-2026.json")["steps"]
    assert (step["by"], step["body"], step["to"]["id"], step["proposes"]) == (
        "Kultur-, idrott- och fritidsförvaltningen", None, "kulturnamnden", "antar")
    assert step["outcome"].startswith("Förslag från Kultur-, idrott- och fritidsförvaltningen till")
    record = data(built, "data/overenskommelser/kultur-iop-2024-2026.json")
    assert record["status"]["value"] == "Föreslagen, senare beslut anges inte"
    assert [r["case_number"] for r in record["reports"]] == ["KIF 2023/0451"]
    (cited,) = data(built, "oparl/paper/overenskommelse-exploatering-hamnen.json")["namndbeslut:citedSteps"]
    assert cited == {"action": "föreslår", "date": "2024-05-20", "paragraphs": [],
                     "proposedBy": "Stadsledningskontoret",
                     "proposedTo": SITE_URL + "oparl/organization/namnd-exploateringsnamnden.json"}
    rows = read(built, "data/overenskommelser.csv")
    assert "2024-05-20: Förslag från Stadsledningskontoret till exploateringsnämnden" in rows


# -- 3. an agreement's parties in OParl -----------------------------------------------------------------------------

def test_a_paper_names_its_public_bodies_as_leading_and_its_counterparties_apart(built: BuiltSite) -> None:
    paper = data(built, "oparl/paper/overenskommelse-vaxthuset-2024-2026.json")
    organization = SITE_URL + "oparl/organization/"
    assert paper["underDirectionOf"] == [organization + "namnd-socialnamnden.json"]
    assert "originatorOrganization" not in paper, "the counterparties did not author the paper"
    assert paper["namndbeslut:counterparties"] == [organization + "partner-stadsmissionen.json",
                                                    organization + "partner-kvinnojouren.json"]
    assert paper["keyword"] == ["Stadsmissionen", "Kvinnojouren"]
    assert paper["namndbeslut:publicParty"] == "Social resursförvaltning"
    assert "namndbeslut:publicParty" not in data(built, "oparl/paper/overenskommelse-exploatering-hamnen.json")
    objects = [o for path in (built.path / "oparl").rglob("*.json")
               for o in oparl_objects(json.loads(path.read_text(encoding="utf-8")))]
    for obj in objects:
        errors = [e.message for e in validator(obj["type"].rsplit("/", 1)[1]).iter_errors(obj)]
        assert errors == [], (obj["id"], errors)


# -- 4. a decision's role is its step's -----------------------------------------------------------------------------

def test_a_decisions_role_is_the_step_it_takes(built: BuiltSite) -> None:
    record = data(built, "data/overenskommelser/vaxthuset-2024-2026.json")
    assert [(d["date"], d["role"]) for d in record["decisions"]] == [
        ("2024-02-14", "antar"), ("2024-10-09", "ändrar"), ("2024-10-09", "gäller")]
    assert [(s["date"], s["action"], s["decision"]["role"]) for s in record["steps"]] == [
        ("2024-02-14", "antar", "antar"), ("2024-10-09", "ändrar", "ändrar")]


# -- written wrongly ------------------------------------------------------------------------------------------------

KULTUR_FILE, VAX_FILE = "agreements/kultur-iop-2024-2026.md", "agreements/vaxthuset-2024-2026.md"


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    (KULTUR_FILE, "    to: kulturnamnden", "    to: kulturnamnden\n    body: kulturnamnden",
     f"{KULTUR_FILE}:12: cited_steps.0.by: ange vem som föreslår antingen med 'body: <id>'"),
    (KULTUR_FILE, "  - action: föreslår", "  - action: antar",
     f"{KULTUR_FILE}:12: cited_steps.0.by: 'by' anger vem som lämnar ett förslag utan att vara ett organ"),
    (VAX_FILE, "  - https://goteborg.se/nyheter/iop-vaxthuset", "  - https://goteborg.se/iop/vaxthuset",
     f"{VAX_FILE}:9: source_url: samma adress står flera gånger: https://goteborg.se/iop/vaxthuset"),
    (VAX_FILE, "  - https://goteborg.se/nyheter/iop-vaxthuset", "  - goteborg.se/nyheter",
     f"{VAX_FILE}:11: source_url.1: 'goteborg.se/nyheter' har fel form; förväntat: en webbadress"),
])
def test_written_wrongly_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    found = problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE)
    assert any(p.startswith(expected) for p in found), "\n".join(found)


def test_the_desks_form_writes_one_address_as_before() -> None:
    """The desk's field for `source_url` is the one-address field it was (the model's list is for the file)."""
    for kind in (kinds.AGREEMENT, kinds.MEETING, kinds.PARTNER):
        (field,) = [f for f in desk.collection(kind)["fields"] if f["name"] == "source_url"]
        assert field["widget"] == "string" and field["pattern"][0] == r"^https?://[^\s<>\"']+$", field
