"""Agreements as the sources state them (new editors' trial on real pages from Göteborg, Gävle, Jönköping and Västerås).

Builds tests/cases/agreements2.yaml with the real engine and reads the pages, JSON, CSV, OParl and JSON-LD: a signing
date known to a year or a season, a term given as a length or a season, a review stated relative to something else,
an option to extend, agreements that preceded this one, one named partner among others described, no counterparty
stated, who signed, a one-off sum with no year, and a renewal whose facts one side leaves unstated; then the forms
that cannot be, each refused in Swedish naming file, line and field.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import loader
from namndbeslut.errors import ContentError
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, write_tree
from support.site import BuiltSite, built_tree, csv_by, data, words

TREE = yaml.safe_load((CASES_DIR / "agreements2.yaml").read_text(encoding="utf-8"))
SIGNED_2008 = "overenskommelser/stadsmission-2008/"
WINTER = "overenskommelser/vinterhjalp/"
RAILWAY = "overenskommelser/jarnvag/"
URBAN = "overenskommelser/urban-futures/"
LATER = "overenskommelser/kultur-senare/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "agreements2", TREE, "2024-06-01")


def record(site: BuiltSite, agreement: str) -> dict[str, Any]:
    found: dict[str, Any] = data(site, f"data/overenskommelser/{agreement}.json")
    return found


def paper(site: BuiltSite, agreement: str) -> dict[str, Any]:
    found: dict[str, Any] = data(site, f"oparl/paper/overenskommelse-{agreement}.json")
    return found


def csv_row(site: BuiltSite, path: str, key: str, value: str) -> dict[str, str]:
    return csv_by(site, path, key)[value]


# -- 1. `signed` and `date` as given ------------------------------------------------------------------------------


def test_a_signing_date_known_to_a_year_or_a_season_is_shown_as_given(built: BuiltSite) -> None:
    assert built.facts(SIGNED_2008)["Undertecknad"] == "2008"
    facts = built.facts(RAILWAY)
    assert (facts["Daterad"], facts["Undertecknad"]) == ("2013", "våren 2016")
    assert (record(built, "stadsmission-2008")["signed"], record(built, "jarnvag")["signed"]) == ("2008", "våren 2016")
    assert record(built, "jarnvag")["date"] == "2013"


def test_no_day_is_invented_for_a_date_known_to_a_year_or_a_season(built: BuiltSite) -> None:
    railway = paper(built, "jarnvag")
    assert "date" not in railway and railway["namndbeslut:date"] == "2013"
    signed_only = paper(built, "stadsmission-2008")
    assert "date" not in signed_only and signed_only["namndbeslut:date"] == "2008"
    script = built.soup(RAILWAY).select_one('script[type="application/ld+json"]')
    assert script is not None and json.loads(str(script.string))["dateCreated"] == "2013"
    for page in (RAILWAY, SIGNED_2008):
        assert "januari" not in built.text(page) and "-01-01" not in built.html(page)


def test_a_season_is_never_a_date_in_oparl_or_json_ld(tmp_path_factory: pytest.TempPathFactory) -> None:
    tree = {**TREE, "agreements/jarnvag.md": TREE["agreements/jarnvag.md"].replace("date: 2013", "date: hösten 2015")}
    site = built_tree(tmp_path_factory, "agreements2-season", tree, "2024-06-01")
    assert site.facts(RAILWAY)["Daterad"] == "hösten 2015"
    railway = paper(site, "jarnvag")
    assert "date" not in railway and railway["namndbeslut:date"] == "hösten 2015"
    script = site.soup(RAILWAY).select_one('script[type="application/ld+json"]')
    assert script is not None and "dateCreated" not in json.loads(str(script.string))


# -- 2. a term given as a length or a season; a review stated relative to something else -------------------------


def test_a_term_in_the_sources_words(built: BuiltSite) -> None:
    facts = built.facts(WINTER)
    assert facts["Period"] == "fem månader under vintern (enligt källan)"
    assert facts["Status"] == "Period anges inte"
    assert facts["Översyn"] == "Efter tre år (enligt källan)"
    winter = record(built, "vinterhjalp")
    assert (winter["term"], winter["term_as_given"], winter["review_by"], winter["review_as_given"]) == (
        None, "fem månader under vintern", None, "efter tre år")
    assert winter["status"] == {"value": "Period anges inte", "on": "2024-06-01"}
    assert paper(built, "vinterhjalp")["namndbeslut:termAsGiven"] == "fem månader under vintern"


# -- 3. an option to extend ---------------------------------------------------------------------------------------


def test_an_option_to_extend_is_shown_and_never_extends(built: BuiltSite) -> None:
    facts = built.facts(SIGNED_2008)
    assert facts["Möjlighet till förlängning"] == "därefter med möjlighet till förlängning 5 år i taget"
    assert (facts["Period"], facts["Status"]) == ("2008–2010", "Har upphört")
    assert record(built, "stadsmission-2008")["extension_option"] == ("därefter med möjlighet till förlängning 5 år "
                                                                      "i taget")
    assert paper(built, "stadsmission-2008")["namndbeslut:extensionOption"].startswith("därefter")


# -- 4. agreements that preceded this one ---------------------------------------------------------------------------


def test_agreements_that_preceded_this_one_on_both_pages(built: BuiltSite) -> None:
    assert built.facts(RAILWAY)["Föregicks av"] == (
        "Näringenavtalet – Trafikverket (2010–2012) Avsiktsförklaring om järnvägen – Trafikverket (2012–2013)")
    assert "overenskommelser/naringen/" in built.links(RAILWAY)
    for older in ("naringen", "avsikt-2012"):
        assert built.facts(f"overenskommelser/{older}/")["Följdes av"] == (
            "Medfinansieringsavtal om järnvägen – Trafikverket (period anges inte)")
        assert [x["id"] for x in record(built, older)["followed_by"]] == ["jarnvag"]
    assert [x["id"] for x in record(built, "jarnvag")["preceded_by"]] == ["naringen", "avsikt-2012"]
    related = paper(built, "jarnvag")["relatedPaper"]
    assert isinstance(related, list) and [r.rsplit("/", 1)[1] for r in related] == [
        "overenskommelse-naringen.json", "overenskommelse-avsikt-2012.json"]


# -- 5. counterparties ----------------------------------------------------------------------------------------------


def test_a_named_partner_among_others_described(built: BuiltSite) -> None:
    facts = built.facts(URBAN)
    assert facts["Motparter"] == "Urban Futures och andra parter: universitet, institut och andra städer"
    assert "Parter" not in facts  # never 'Göteborgs Stad och Urban Futures', as if they were the only two
    assert "overenskommelser/urban-futures/" in built.links("partner/urban-futures/")
    urban = record(built, "urban-futures")
    assert ([p["id"] for p in urban["partners"]], urban["parties_described"]) == (
        ["urban-futures"], "universitet, institut och andra städer")
    assert csv_row(built, "data/overenskommelser.csv", "Id", "urban-futures")["Partner"] == (
        "Urban Futures och andra parter")


def test_no_counterparty_stated(built: BuiltSite) -> None:
    assert built.facts(WINTER)["Motpart"] == "anges inte"
    winter = record(built, "vinterhjalp")
    assert (winter["partners"], winter["parties_described"], winter["counterparty_stated"]) == ([], None, False)
    assert record(built, "jarnvag")["counterparty_stated"] is True
    assert csv_row(built, "data/overenskommelser.csv", "Id", "vinterhjalp")["Partner"] == ""  # as every unstated cell


# -- 6. who signed --------------------------------------------------------------------------------------------------


def test_who_signed(built: BuiltSite) -> None:
    signed = [words(li) for li in built.fact_box(SIGNED_2008)["Undertecknad av"].select("li")]
    assert signed == ["Ann-Marie Nilsson, kommunstyrelsens ordförande",
                      "Ulf Fransson, tf stadsdirektör (Göteborgs Stad)"]
    assert "Kontaktpersoner" not in built.facts(SIGNED_2008)
    assert record(built, "stadsmission-2008")["signed_by"] == [
        {"name": "Ann-Marie Nilsson", "role": "kommunstyrelsens ordförande"},
        {"name": "Ulf Fransson", "role": "tf stadsdirektör", "organisation": "Göteborgs Stad"}]


# -- 7. a one-off sum with no year ------------------------------------------------------------------------------------


def test_a_sum_with_no_year_counts_in_the_agreements_total(built: BuiltSite) -> None:
    lines = [words(li) for li in built.fact_box(RAILWAY)["Finansiering"].select("li")]
    assert lines == ["195 000 000 kr (åren anges inte)", "Summa av beloppen ovan (uträknad här): 195 000 000 kr"]
    railway = record(built, "jarnvag")
    assert railway["funding_stated_total"] == 195000000
    assert railway["funding"] == [{"year": None, "amount": 195000000, "currency": "SEK", "price_compensation": False,
                                   "note": None, "funder": None}]
    winter = [words(li) for li in built.fact_box(WINTER)["Finansiering"].select("li")]
    assert winter == ["högst 4 000 000 kr (åren anges inte)"]  # a ceiling is never a total
    assert record(built, "vinterhjalp")["funding_stated_total"] is None
    row = csv_row(built, "data/finansiering.csv", "Överenskommelse", "jarnvag")
    assert (row["År"], row["Antal år (åren anges inte)"], row["Belopp (kr)"]) == ("", "", "195000000")


def test_the_funding_page_lists_a_sum_with_no_year(built: BuiltSite) -> None:
    overview = built.text("finansiering/")
    assert "Inga överenskommelser anger någon finansiering" not in overview
    assert "Belopp för år som inte anges" in overview
    assert "Trafikverket (period anges inte) : 195 000 000 kr (åren anges inte)" in overview


# -- 8. a renewal whose facts one side leaves unstated -------------------------------------------------------------


def test_a_change_that_cannot_be_told(built: BuiltSite) -> None:
    rows = {words(tr.th): words(tr) for tr in built.article(LATER).select("table.comparison tbody tr") if tr.th}
    assert rows["Period"] == "Period till och med 2020 (start anges inte) anges inte Kan inte avgöras"
    assert rows["Typ"] == "Typ anges inte anges inte Kan inte avgöras"
    assert rows["Översyn"].endswith("Kan inte avgöras")
    parties = built.article(LATER).select_one("#andringar-parter + p")
    assert parties is not None and words(parties) == ("Kan inte avgöras. Förra överenskommelsen: Stadsmissionen. Den "
                                                       "här: Motpart anges inte.")
    changes = record(built, "kultur-senare")["changes"]
    assert [changes[k]["changed"] for k in ("term", "kind", "review_by", "parties")] == [None, None, None, None]
    assert changes["partners_removed"] == []  # never 'no longer a party' where the newer names none


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], path.name


# -- what cannot be -----------------------------------------------------------------------------------------------


def _agreement(extra: str) -> dict[str, str]:
    return {"agreements/avtal.md": f"---\ntitle: Avtal\n{extra}---\n"}


_REFUSED = [
    pytest.param(_agreement("partner: stadsmission\nterm: anges inte\nsigned: 2008-13\n"), [
        "agreements/avtal.md:5: signed: '2008-13' kan inte läsas som en tidpunkt; skriv ett datum (2021-06-30), en "
        "månad (2021-06), ett år (2024) eller en årstid som källan ('våren 2020', 'hösten 2021')"],
        id="a_mistyped_month"),
    pytest.param(_agreement("partner: stadsmission\nterm: anges inte\nreview_by: efter tre år\n"), [
        "agreements/avtal.md:5: review_by: 'efter tre år' kan inte läsas som en tidpunkt; skriv ett datum "
        "(2021-06-30), en månad (2021-06), ett år (2024) eller en årstid som källan ('våren 2020', 'hösten 2021')"],
        id="a_relative_review_is_no_review_by"),
    pytest.param(_agreement("partner: stadsmission\nterm: {start: 2020, end: 2021}\nterm_as_given: fem månader\n"), [
        "agreements/avtal.md:5: term_as_given: 'term_as_given' är källans ord för en period som inte kan dateras "
        "och hör till 'term: anges inte'; ta bort den ena"], id="term_as_given_beside_a_term"),
    pytest.param(_agreement("partner: stadsmission\nterm: anges inte\nreview_by: 2024\nreview_as_given: efter tre "
                            "år\n"), [
        "agreements/avtal.md:6: review_as_given: ange översynen antingen med 'review_by' (en tidpunkt) eller med "
        "'review_as_given' (källans ord, t.ex. efter tre år), inte båda"], id="review_by_and_review_as_given"),
    pytest.param(_agreement("partner: stadsmission\nterm: anges inte\npreceded_by: [naringen, okand]\n"), [
        "agreements/avtal.md:5: preceded_by.1: det finns ingen överenskommelse med id 'okand'; de som finns: avtal, "
        "naringen; en ny läggs till med make new-agreement PARTNER=<partner-id> YEARS=ÅÅÅÅ-ÅÅÅÅ"],
        id="an_unknown_predecessor"),
    pytest.param(_agreement("parties_described: anges inte\nterm: anges inte\n"), [
        "agreements/avtal.md:3: parties_described: anger källan ingen motpart, skriv 'partner: anges inte' och ta "
        "bort 'parties_described'"], id="no_counterparty_in_another_form"),
    pytest.param(_agreement("partner: Stadsmission\nterm: anges inte\n"), [
        "agreements/avtal.md:3: partner: 'Stadsmission' har fel form; förväntat: ett id med små bokstäver a–z, "
        "siffror och bindestreck, t.ex. 'kvinnojouren-lund'"], id="a_partner_id_mistyped"),
    pytest.param(_agreement("partner: stadsmission\nterm: anges inte\nfunding:\n  - {year: anges inte, "
                            "price_compensation: true}\n"), [
        "agreements/avtal.md:6: funding.0.amount: en rad utan år och utan antal år är ett belopp för hela "
        "överenskommelsen eller per år; skriv beloppet, t.ex. {year: anges inte, amount: 195000000}, eller {year: "
        "anges inte, amount: {kronor: 1500000, per_year: true}}"], id="a_row_without_years_nor_sum"),
    pytest.param(_agreement("partner: stadsmission\nterm: anges inte\nfunding:\n  - {amount: 5}\n"), [
        "agreements/avtal.md:6: funding.0.year: skriv året som 'year: 2021', eller antalet år som 'years: 3' och "
        "'year: anges inte' om källan inte anger vilka år (inte båda), eller bara 'year: anges inte' för ett "
        "belopp utan år och utan antal år"], id="a_row_without_its_year"),
]


@pytest.mark.parametrize(("files", "expected"), _REFUSED)
def test_what_cannot_be_is_refused_by_name(files: dict[str, str], expected: list[str], tmp_path: Path) -> None:
    kept = {k: v for k, v in TREE.items() if k.startswith(("committees/", "partners/", "agreements/naringen"))}
    write_tree(tmp_path, {**kept, **files})
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    assert [f"{p.path.as_posix()}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems] == expected
