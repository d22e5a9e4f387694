"""Money and dates as the sources state them (a new editor's trial on real municipal pages).

Builds tests/cases/money.yaml with the real engine and reads the pages, JSON, CSV and OParl: an annual sum whose
years the source does not name, a ceiling, a sum per year, a sum paid to someone else, a review date known to a
season, a month or a year, a term with a start and no stated end, and the matters' dataset; then the forms that
cannot be, each refused in Swedish naming file, line and field.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from namndbeslut import loader
from namndbeslut.errors import ContentError
from support.oparl import validator
from support.project import CASES_DIR, write_tree
from support.site import BuiltSite, built_tree, csv_by, csv_rows, data, one, read, words

TREE = yaml.safe_load((CASES_DIR / "money.yaml").read_text(encoding="utf-8"))
ANNUAL = "overenskommelser/gemenskap-arligen/"
RENEWAL = "overenskommelser/kvinnojouren-2021-2022/"
TOGETHER = "overenskommelser/gemenskap-sammanlagt/"
MEETING = "sammantraden/2021-03-10-socialnamnden/"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "money", TREE, "2024-06-01")


def funding_lines(site: BuiltSite, url: str) -> list[str]:
    return [words(li) for li in site.fact_box(url)["Finansiering"].select("li")]


def matter_facts(site: BuiltSite, matter: str) -> list[str]:
    facts = one(site.article(MEETING), f"h2#{matter}").find_next_sibling("ul")
    assert facts is not None
    return [words(li) for li in facts.select("li")]


# -- 1. an annual sum whose years the source does not name ----------------------------------------------------


def test_an_annual_sum_without_years_is_shown_as_the_source_says(built: BuiltSite) -> None:
    assert funding_lines(built, ANNUAL) == ["1 300 000 kr per år i tre år (åren anges inte)",
                                            "Summa av beloppen ovan (uträknad här): 3 900 000 kr"]
    assert funding_lines(built, TOGETHER) == ["900 000 kr sammanlagt i två år (åren anges inte)",
                                              "Summa av beloppen ovan (uträknad här): 900 000 kr"]


def test_an_annual_sum_without_years_is_in_no_calendar_year(built: BuiltSite) -> None:
    overview = built.text("finansiering/")
    assert "Belopp för år som inte anges" in overview
    assert "1 300 000 kr per år i tre år (åren anges inte)" in overview
    years = [words(th) for th in built.article("finansiering/").select("#finansiering tbody th")]
    assert years == ["Finansiering 2019", "Finansiering 2021", "Finansiering 2022", "Finansiering 2023",
                     "Finansiering 2024"]
    for year in ("2019", "2021", "2022"):
        assert "Gemenskap" not in built.text(f"finansiering/{year}/")


def test_an_annual_sum_without_years_in_the_data(built: BuiltSite) -> None:
    record = data(built, "data/overenskommelser/gemenskap-arligen.json")
    assert record["funding"] == [{
        "year": None, "years": 3, "amount": 1300000, "currency": "SEK", "ceiling": False, "per_year": True,
        "recipient": None, "approximate": False, "amount_up_to": None, "amount_label": "1 300 000 kr per år",
        "price_compensation": False, "note": None, "funder": None}]
    assert record["funding_stated_total"] == 3900000
    row = next(r for r in csv_rows(built, "data/finansiering.csv") if r["Överenskommelse"] == "gemenskap-arligen")
    assert (row["År"], row["Antal år (åren anges inte)"], row["Belopp (kr)"], row["Per år"]) == ("", "3", "1300000",
                                                                                                  "ja")
    ld = built.soup(ANNUAL).select_one('script[type="application/ld+json"]')
    assert ld is not None and "validFrom" not in ld.get_text() and "i tre år (åren anges inte)" in ld.get_text()


# -- 2. a ceiling, a sum per year, a sum paid to someone else --------------------------------------------------


def test_qualified_sums_on_a_funding_row(built: BuiltSite) -> None:
    assert funding_lines(built, RENEWAL)[:2] == ["2021: högst 500 000 kr", "2022: 100 000 kr till Länsstyrelsen"]
    assert len(funding_lines(built, RENEWAL)) == 2, "a ceiling and another's sum add up to no stated total"
    assert funding_lines(built, "overenskommelser/kvinnojouren-tak/") == [
        "2023: 200 000 kr", "2024: högst 500 000 kr",
        "Summa av beloppen ovan (uträknad här): 200 000 kr (utom 2024: högst 500 000 kr)"]
    assert data(built, "data/overenskommelser/kvinnojouren-tak.json")["funding_stated_total"] == 200000
    year = built.text("finansiering/2021/socialnamnden/")
    assert "högst 500 000 kr" in year and "Summa angivna belopp belopp anges men räknas inte med" in year
    assert "eller ett belopp till en annan mottagare räknas inte med" in built.text("finansiering/")
    record = data(built, "data/overenskommelser/kvinnojouren-2021-2022.json")
    assert [(f["year"], f["amount"], f["ceiling"], f["recipient"]) for f in record["funding"]] == [
        (2021, 500000, True, None), (2022, 100000, False, "Länsstyrelsen")]
    assert record["funding_stated_total"] is None
    by_year = {r["År"]: r for r in csv_rows(built, "data/finansiering.csv")
                if r["Överenskommelse"] == "kvinnojouren-2021-2022"}
    assert (by_year["2021"]["Högsta belopp"], by_year["2022"]["Mottagare"]) == ("ja", "Länsstyrelsen")
    assert by_year["2022"]["Belopp enligt källan"] == "100 000 kr till Länsstyrelsen"


def test_qualified_sums_on_a_matter(built: BuiltSite) -> None:
    assert "Belopp: högst 500 000 kr" in matter_facts(built, "ram-2021")
    assert "Belopp: 250 000 kr per år" in matter_facts(built, "bidrag-per-ar-2021")
    assert "Belopp: 100 000 kr till Länsstyrelsen" in matter_facts(built, "bidrag-lansstyrelsen-2021")
    assert "Belopp: 75 000 kr" in matter_facts(built, "bidrag-2021")
    item = data(built, "oparl/agenda-item/ram-2021.json")
    assert item["namndbeslut:amount"] == {"value": 500000, "currency": "SEK", "ceiling": True, "per_year": None,
                                          "recipient": None, "approximate": False, "amount_up_to": None,
                                          "amount_label": "högst 500 000 kr"}
    assert data(built, "oparl/agenda-item/bidrag-2021.json")["namndbeslut:amount"] == {"value": 75000,
                                                                                       "currency": "SEK"}
    assert list(validator("AgendaItem").iter_errors(item)) == []


# -- 3. a review date known to a season, a month or a year ------------------------------------------------------


def test_a_review_date_as_given(built: BuiltSite) -> None:
    assert built.facts(ANNUAL)["Översyn"] == "Senast våren 2022"
    assert built.facts(RENEWAL)["Översyn"] == "Senast i juni 2021"
    assert built.facts("overenskommelser/kvinnojouren-2019-2020/")["Översyn"] == "Senast 2020"
    assert data(built, "data/overenskommelser/gemenskap-arligen.json")["review_by"] == "våren 2022"
    record = data(built, "data/overenskommelser/kvinnojouren-2021-2022.json")
    assert record["review_by"] == "2021-06"
    assert record["changes"]["review_by"] == {"old": "2020", "new": "2021-06", "changed": True}
    review = next(tr for tr in built.article(RENEWAL).select("table.comparison tr") if "Översyn" in words(tr))
    assert words(review) == "Översyn Senast 2020 Senast i juni 2021 Ja"
    assert record["changes"]["review"] == {"old": "Senast 2020", "new": "Senast i juni 2021", "changed": True}
    by_id = {r["Id"]: r["Översyn senast"] for r in csv_rows(built, "data/overenskommelser.csv")}
    assert (by_id["gemenskap-arligen"], by_id["kvinnojouren-2021-2022"]) == ("våren 2022", "2021-06")


# -- 4. a term with a start and no stated end ---------------------------------------------------------------------


def test_a_term_without_a_stated_end(built: BuiltSite) -> None:
    facts = built.facts(ANNUAL)
    assert facts["Period"] == "från 2020, slut anges inte"
    assert facts["Status"] == "Slut anges inte"
    record = data(built, "data/overenskommelser/gemenskap-arligen.json")
    assert record["term"] == {"start": "2020", "end": None, "until_further_notice": False}
    assert record["status"]["value"] == "Slut anges inte"
    row = next(r for r in csv_rows(built, "data/overenskommelser.csv") if r["Id"] == "gemenskap-arligen")
    assert (row["Från"], row["Till"], row["Tills vidare"], row["Status"]) == ("2020", "", "nej", "Slut anges inte")
    assert "tills vidare" not in built.text(ANNUAL).lower()


def test_a_term_without_a_stated_end_is_upcoming_before_its_start(tmp_path_factory: pytest.TempPathFactory) -> None:
    site = built_tree(tmp_path_factory, "money-2019", TREE, "2019-06-01")
    assert site.facts(ANNUAL)["Status"] == "Kommande"


# -- 5. matters in a dataset ---------------------------------------------------------------------------------------


def test_matters_in_a_dataset(built: BuiltSite) -> None:
    matters = data(built, "data/arenden.json")
    assert [m["id"] for m in matters] == ["information-2020", "ram-2021", "bidrag-per-ar-2021",
                                          "bidrag-lansstyrelsen-2021", "bidrag-2021"]
    ram = matters[1]
    assert {k: ram[k] for k in ("kind", "item", "case_number", "paragraphs", "paragraph_label", "body")} == {
        "kind": {"value": "beslut", "label": "Beslut"}, "item": "4", "case_number": "SO 2021/0012",
        "paragraphs": [12], "paragraph_label": "§ 12", "body": {"id": "socialnamnden", "name": "Socialnämnden"}}
    assert ram["meeting"]["date"] == "2021-03-10" and matters[0]["meeting"]["date"] == "2020-11"
    assert (ram["amount"], ram["ceiling"]) == (500000, True)
    assert (matters[0]["kind"]["value"], matters[0]["amount"]) == ("information", None)
    assert (matters[4]["amount"], "ceiling" in matters[4]) == (75000, False)
    by_id = csv_by(built, "data/arenden.csv", "Id")
    assert by_id["ram-2021"]["Belopp enligt källan"] == "högst 500 000 kr"
    assert (by_id["ram-2021"]["Paragrafer"], by_id["ram-2021"]["Sammanträde"]) == ("§ 12", "2021-03-10")
    assert by_id["information-2020"]["Ärendetyp"] == "Information (inget beslut)"
    catalogue = read(built, "data/katalog.ttl")
    assert "data/arenden.csv" in catalogue and "data/arenden.json" in catalogue and "Ärenden" in catalogue
    assert "arenden.csv" in built.html("oppna-data/") and "arenden.json" in built.html("oppna-data/")


# -- what cannot be ---------------------------------------------------------------------------------------------


def _agreement(funding: str, extra: str = "") -> dict[str, str]:
    return {"agreements/avtal.md": (f"---\ntitle: Avtal\npartner: kvinnojouren\nterm: {{start: 2020, end: 2022}}\n"
                                    f"{extra}funding:\n  - {funding}\n---\n")}


_REFUSED = [
    pytest.param(_agreement("{year: anges inte, years: 3, amount: 1300000}"), [
        "agreements/avtal.md:6: funding.0.amount: skriv om beloppet gäller varje år, {kronor: 1300000, per_year: "
        "true}, eller alla åren tillsammans, {kronor: 3900000, per_year: false}"], id="years_without_per_year"),
    pytest.param(_agreement("{year: 2021, years: 3, amount: 5}"), [
        "agreements/avtal.md:6: funding.0.year: skriv året som 'year: 2021', eller antalet år som 'years: 3' och "
        "'year: anges inte' om källan inte anger vilka år (inte båda), eller bara 'year: anges inte' för ett belopp "
        "utan år och utan antal år"], id="year_and_years"),
    pytest.param(_agreement("{year: 2021, amount: {kronor: 5, per_year: true}}"), [
        "agreements/avtal.md:6: funding.0.amount.per_year: en rad med 'year' gäller redan ett år; ta bort "
        "'per_year'"], id="per_year_on_a_year"),
    pytest.param(_agreement("{year: anges inte, years: 4, amount: {kronor: 5, per_year: true}}"), [
        "agreements/avtal.md:6: funding.0.years: 4 år är fler än perioden 2020–2022 har; ändra 'years' eller "
        "'term'"], id="more_years_than_the_term"),
    pytest.param(_agreement("{year: 2021}", "review_by: snart\n"), [
        "agreements/avtal.md:5: review_by: 'snart' kan inte läsas som en tidpunkt; skriv ett datum (2021-06-30), en "
        "månad (2021-06), ett år (2024) eller en årstid som källan ('våren 2020', 'hösten 2021')"],
        id="a_review_date_in_other_words"),
]


@pytest.mark.parametrize(("files", "expected"), _REFUSED)
def test_what_cannot_be_is_refused_by_name(files: dict[str, str], expected: list[str], tmp_path: Path) -> None:
    kept = {k: v for k, v in TREE.items() if k.startswith(("committees/", "partners/"))}
    write_tree(tmp_path, {**kept, **files})
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    assert [f"{p.path.as_posix()}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems] == expected
