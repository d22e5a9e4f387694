"""The Haninge and Partille trial editors' findings (trial 17) about decisions outside a meeting (`decided_as`) and
what lists and data made of them: an old ordförandebeslut's banner; the label of a decision that names neither body
nor date; lists of several such records; records none of whose matters is stated to be a decision; the date a matter
applies from and a sum with no figure in the data; an outside decision's partial record and contacts in OParl; an
agreement title that names its years with a hyphen; a partner page's list of matters and a concerned company in no
agreement. Builds tests/cases/trial17c.yaml with the real engine and reads what a reader and a client get."""

from __future__ import annotations

import pytest
import yaml
from support.oparl import invalid_objects
from support.project import CASES_DIR
from support.site import BuiltSite, built_tree, csv_by, one, oparl_object, read, records_by, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "trial17c.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-01"
CHAIR = "sammantraden/2020-12-20-kommunstyrelsen-stangning/"
FRITIDSGARD = "sammantraden/2024-04-05-kommunstyrelsen-fritidsgard/"
AGREEMENT = "overenskommelser/iop-ungdom/"
MEETING = "sammantraden/2024-05-14-kommunstyrelsen/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "trial17c", TREE, BUILD_DATE)




# -- 1. an old decision taken outside a meeting ------------------------------------------------------------------------


def test_an_old_outside_decision_speaks_of_the_decision_never_of_a_meeting(built: BuiltSite) -> None:
    banner = built.article(CHAIR).select_one(".banner--old")
    assert banner is not None and words(banner) == (
        "Beslutet fattades för mer än 6 månader sedan. Det kan ha ändrats eller ersatts av senare beslut.")
    assert "Sammanträdet" not in built.text(CHAIR)


# -- 2. a decision that names neither body nor date, named by another page ------------------------------------------


def test_a_bodiless_undated_decision_is_named_once_with_the_sources_date_words(built: BuiltSite) -> None:
    label = "Beslut, organ anges inte, datum anges inte; enligt källan: den 25 juli"
    assert built.undated_steps(AGREEMENT) == [f"Antagen: {label}: Avgiftsfri parkering i centrum"]
    assert built.facts(AGREEMENT)["Beslutat"] == f"{label}: Avgiftsfri parkering i centrum"
    assert f"Föregående behandling: {label}" in built.matter_facts(MEETING, "ks-parkering-uppfoljning")
    feed = read(built, "partner-ungdomsforeningen.xml")
    assert f"Beslut: {label}." in feed


# -- 3. several records whose titles are said from the facts --------------------------------------------------------


LISTED = ["Beslut, Kommunstyrelsen 5 april 2024: Fritidsgården i Furulund har stängts ner tillfälligt",
          "Ärende, Grundskolenämnden februari 2024: Ny riktlinje för skolskjuts",
          "Ordförandebeslut, Kommunstyrelsen 20 december 2020: Simhallen stängs under jul och nyår",
          "Beslut, organ anges inte, datum anges inte: Badplatsen vid Sjön stängs",
          "Beslut, organ anges inte, datum anges inte: Lekplatsen i parken rivs",
          "Beslut, organ anges inte, datum anges inte; enligt källan: den 25 juli: Avgiftsfri parkering i centrum",
          "Beslut, organ anges inte, datum anges inte"]
"""The outside decisions as lists name them, newest first, the undated after them (by file name): the record of two
matters is named by neither."""


def test_lists_feeds_and_search_tell_outside_decisions_apart(built: BuiltSite) -> None:
    listed = [words(a) for a in built.article("sammantraden/").select("ul.outside-decisions li a")]
    assert sorted(listed) == sorted(LISTED)
    body = [words(a) for a in built.article("namnder/kommunstyrelsen/").select("ul.outside-decisions li a")]
    assert body == [LISTED[0], LISTED[2]]
    feed = read(built, "sammantraden.xml")
    for title in LISTED[3:6]:
        assert f"<title>{title}</title>" in feed
    result = built.soup("sammantraden/datum-anges-inte-organ-anges-inte-badplats/").select_one(
        "[data-pagefind-meta=title]")
    assert result is not None and words(result) == LISTED[3]


# -- 4. a record none of whose matters is stated to be a decision ------------------------------------------------------


RIKTLINJE = "sammantraden/2024-02-grundskolenamnden-riktlinje/"


def test_a_record_stating_no_decision_is_not_called_one(built: BuiltSite) -> None:
    assert words(one(built.article(RIKTLINJE), "h1")) == "Ärende, Grundskolenämnden februari 2024"
    assert words(one(built.article(RIKTLINJE), "p.page-meta")).startswith("Ärende februari 2024")
    assert "Beslut," not in built.text(RIKTLINJE)
    assert "Grundskolenämnden, ärende februari 2024: Ny riktlinje för skolskjuts" in read(built, "sammantraden.xml")
    paper = oparl_object(built, "paper", "beslut-gsn-riktlinje")
    assert paper["paperType"] == "Ärende" and paper["consultation"][0]["role"] == "Ärende"
    assert words(one(built.article(CHAIR), "h1")).startswith("Ordförandebeslut,"), "a stated manner stays"
    assert words(one(built.article(FRITIDSGARD), "h1")) == "Beslut, Kommunstyrelsen 5 april 2024", "a stated kind"


# -- 5. the date a matter applies from, and a sum with no figure, in the data --------------------------------------


def test_the_data_say_when_a_matter_applies_from_and_qualify_no_missing_figure(built: BuiltSite) -> None:
    row = csv_by(built, "data/arenden.csv", "Id")["gsn-riktlinje"]
    assert list(row)[-1] == "Gäller från", "after every earlier column"
    assert (row["Gäller från"], row["Gäller till"]) == ("2024-03-01", "2024-12-31")
    assert (row["Högsta belopp"], row["Ungefärligt belopp"]) == ("", "")
    assert row["Belopp enligt källan"] == "belopp anges inte; finansieras ur: nämndens budget"
    record = records_by(built, "data/arenden.json", "id")["gsn-riktlinje"]
    assert (record["effective"], record["effective_until"]) == ("2024-03-01", "2024-12-31")
    assert (record["amount"], record["amount_stated"], record["ceiling"], record["approximate"]) == (
        None, False, None, None)
    paper = oparl_object(built, "paper", "beslut-gsn-riktlinje")
    assert (paper["namndbeslut:amount"]["ceiling"], paper["namndbeslut:amount"]["approximate"]) == (None, None)


# -- 6. an outside decision's partial record and contacts in OParl -----------------------------------------------------


def test_an_outside_decisions_paper_carries_the_partial_record_and_contacts(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []
    paper = oparl_object(built, "paper", "beslut-ks-fritidsgard")
    assert paper["namndbeslut:partial"] is True
    assert paper["namndbeslut:partialNote"] == "Endast nyhetens första stycke har kunnat läsas"
    assert paper["namndbeslut:contacts"] == [{"name": "Sara Lind", "role": "fritidschef", "phone": "031-792 10 00"}]
    other = oparl_object(built, "paper", "beslut-ks-stangning-simhall")
    assert not {"namndbeslut:partial", "namndbeslut:contacts"} & set(other), "absent where not given"


# -- 7. an agreement title that names its years with a hyphen ---------------------------------------------------------


def test_a_title_naming_its_years_with_a_hyphen_is_not_followed_by_them_again(built: BuiltSite) -> None:
    (row,) = built.article("partner/ungdomsforeningen/").select("table tbody tr")
    assert words(row.select("td, th")[0]) == "IOP med Ungdomsföreningen Framåt 2021-2023"
    assert "(2021–2023)" not in built.text("overenskommelser/") + built.text("partner/ungdomsforeningen/")


# -- 8. a partner page's matters, and a concerned company in no agreement -------------------------------------------


def test_a_partner_pages_list_is_headed_by_what_it_holds_and_a_company_in_no_agreement_is_concerned(
        built: BuiltSite) -> None:
    article = built.article("partner/parthaella/")
    headings = [words(h) for h in article.select("h2")]
    assert "Ärenden som rör Parthaella AB" in headings and not any(h.startswith("Beslut som rör") for h in headings)
    assert "Prenumerera på ärenden som rör Parthaella AB (Atom-flöde)" in built.text("partner/parthaella/")
    assert "<title>Ärenden som rör Parthaella AB</title>" in read(built, "partner-parthaella.xml")
    assert "Berör: Parthaella AB" in built.matter_facts(MEETING, "ks-anmalan-parthaella")
    assert "Partner: Ungdomsföreningen Framåt" in built.matter_facts(MEETING, "ks-bidrag-framat"), "a party stays one"
    assert oparl_object(built, "organization", "partner-parthaella")["classification"] == "Berörd organisation"
