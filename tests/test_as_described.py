"""Facts as the sources state them, from new editors' pages (Borås, Göteborg, Jönköping).

Builds tests/cases/as-described.yaml with the real engine and reads the pages, JSON, CSV, OParl and JSON-LD: an
approximate sum and a range ("ca 200 000–250 000 kronor"), an agreement whose text is a description of it, renewals
whose counterparties are only described or not stated, agreements with no funding in the lists, `make
new-agreement NAME=…` without a partner, the accessibility statement's sentence on linked documents and the guide's
example for `signed`; then the forms that cannot be, refused in Swedish naming file, line and field.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import check, loader, scaffold
from namndbeslut.errors import ContentError
from support.oparl import validator
from support.project import CASES_DIR, ROOT, project_copy, write_tree
from support.site import BuiltSite, built_tree, csv_by, data, one, read, words
from test_scaffold import fill

TREE = yaml.safe_load((CASES_DIR / "as-described.yaml").read_text(encoding="utf-8"))
STUDY = "overenskommelser/utredning/"
MEETING = "sammantraden/2024-03-12-kommunstyrelsen/"
PACKAGE = "overenskommelser/paketet-2016/"
UNSTATED = "overenskommelser/okand-2019/"
DESCRIBED = "overenskommelser/stadsmissionen-2021/"
AFTER_DESCRIBED = "overenskommelser/stadsmissionen-2022/"
BETWEEN_AGREEMENTS = "overenskommelser/stadsmissionen-2020/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "as-described", TREE, "2024-06-01")


def rows(site: BuiltSite, path: str, key: str) -> dict[str, dict[str, str]]:
    return csv_by(site, path, key)


def record(site: BuiltSite, agreement: str) -> dict[str, Any]:
    found: dict[str, Any] = data(site, f"data/overenskommelser/{agreement}.json")
    return found


# -- 1. an approximate sum or a range ------------------------------------------------------------------------------


def test_a_range_is_shown_as_the_source_states_it_and_never_summed(built: BuiltSite) -> None:
    lines = [words(li) for li in built.fact_box(STUDY)["Finansiering"].select("li")]
    assert lines == ["2024: ca 200 000–250 000 kr", "2025: 100 000 kr",
                     "Summa av beloppen ovan (uträknad här): 100 000 kr (utom 2024: ca 200 000–250 000 kr)"]
    assert record(built, "utredning")["funding_stated_total"] == 100000
    assert "ett ungefärligt belopp, ett intervall" in built.text("finansiering/")
    assert "Summa angivna belopp: belopp anges men räknas inte med" in built.text("finansiering/2024/")


def test_a_range_in_the_data(built: BuiltSite) -> None:
    [row_2024, _] = record(built, "utredning")["funding"]
    assert row_2024 == {"year": 2024, "amount": 200000, "currency": "SEK", "ceiling": False, "per_year": None,
                        "recipient": None, "approximate": True, "amount_up_to": 250000,
                        "amount_label": "ca 200 000–250 000 kr", "price_compensation": False, "note": None,
                        "funder": None}
    funding = {r["År"]: r for r in csv.DictReader(io.StringIO(read(built, "data/finansiering.csv")), delimiter=";")
               if r["Överenskommelse"] == "utredning"}
    assert (funding["2024"]["Belopp (kr)"], funding["2024"]["Ungefärligt belopp"],
            funding["2024"]["Övre belopp i intervall (kr)"], funding["2024"]["Belopp enligt källan"]) == (
        "200000", "ja", "250000", "ca 200 000–250 000 kr")
    assert (funding["2025"]["Ungefärligt belopp"], funding["2025"]["Övre belopp i intervall (kr)"]) == ("nej", "")
    ld = json.loads(one(built.soup(STUDY), 'script[type="application/ld+json"]').get_text())
    grants = ld["funding"] if "funding" in ld else ld["mainEntity"]["funding"]
    assert grants[0]["amount"]["minValue"] == 200000 and grants[0]["amount"]["maxValue"] == 250000
    assert "value" not in grants[0]["amount"] and grants[0]["description"] == "2024: ca 200 000–250 000 kr"


def test_an_approximate_sum_on_a_matter(built: BuiltSite) -> None:
    facts = {h: [words(li) for li in ul.select("li")] for h in ("utredning-2024", "ca-belopp-2024")
             if (ul := one(built.article(MEETING), f"h2#{h}").find_next_sibling("ul")) is not None}
    assert "Belopp: ca 200 000–250 000 kr" in facts["utredning-2024"]
    assert "Belopp: ca 75 000 kr" in facts["ca-belopp-2024"]
    item = data(built, "oparl/agenda-item/utredning-2024.json")
    assert item["namndbeslut:amount"] == {"value": 200000, "currency": "SEK", "ceiling": False, "per_year": None,
                                          "recipient": None, "approximate": True, "amount_up_to": 250000,
                                          "amount_label": "ca 200 000–250 000 kr"}
    assert list(validator("AgendaItem").iter_errors(item)) == []
    matters = rows(built, "data/arenden.csv", "Id")
    assert (matters["ca-belopp-2024"]["Ungefärligt belopp"], matters["ca-belopp-2024"]["Belopp (kr)"],
            matters["utredning-2024"]["Övre belopp i intervall (kr)"]) == ("ja", "75000", "250000")
    by_id = {m["id"]: m for m in data(built, "data/arenden.json")}
    assert by_id["ca-belopp-2024"]["approximate"] is True and by_id["ca-belopp-2024"]["amount_up_to"] is None


# -- 2. a text that describes the agreement ------------------------------------------------------------------------


def test_a_description_is_said_to_be_one_above_the_text(built: BuiltSite) -> None:
    note = "Texten nedan beskriver överenskommelsen; den är inte överenskommelsens egen text."
    assert note in built.text(DESCRIBED)
    assert "Beskrivning av överenskommelsen" in [words(h) for h in built.article(DESCRIBED).select("h2")]
    assert note not in built.text(AFTER_DESCRIBED) and note not in built.text(BETWEEN_AGREEMENTS)
    assert record(built, "stadsmissionen-2021")["text_is_description"] is True
    assert record(built, "stadsmissionen-2022")["text_is_description"] is False
    agreements = rows(built, "data/overenskommelser.csv", "Id")
    assert (agreements["stadsmissionen-2021"]["Texten är en beskrivning"],
            agreements["stadsmissionen-2020"]["Texten är en beskrivning"]) == ("ja", "nej")


@pytest.mark.parametrize("page", [DESCRIBED, AFTER_DESCRIBED, PACKAGE])
def test_a_description_is_never_compared_as_the_agreements_wording(built: BuiltSite, page: str) -> None:
    said = one(built.article(page), "#andringar-text + p")
    assert words(said) == ("Kan inte avgöras: texten är en beskrivning av överenskommelsen, inte överenskommelsens "
                           "egen text.")
    agreement = page.rstrip("/").rsplit("/", 1)[1]
    assert record(built, agreement)["changes"]["text"] is None


def test_two_agreement_texts_are_still_compared(built: BuiltSite) -> None:
    assert words(one(built.article(UNSTATED), "#andringar-text + p")) == (
        "Texten är densamma som i förra överenskommelsen.")
    assert record(built, "okand-2019")["changes"]["text"] == []


# -- 3. parties only described or not stated: never "Samma parter" -------------------------------------------------


@pytest.mark.parametrize(("page", "parties"), [
    (PACKAGE, "de anslutna städerna"), (UNSTATED, "Motpart anges inte")])
def test_parties_that_are_only_described_cannot_be_said_to_be_the_same(built: BuiltSite, page: str,
                                                                       parties: str) -> None:
    said = words(one(built.article(page), "#andringar-parter + p"))
    assert said == f"Kan inte avgöras. Förra överenskommelsen: {parties}. Den här: {parties}."
    assert "Samma parter" not in built.text(page)
    agreement = page.rstrip("/").rsplit("/", 1)[1]
    assert record(built, agreement)["changes"]["parties"]["changed"] is None


def test_named_parties_are_still_the_same(built: BuiltSite) -> None:
    assert words(one(built.article(DESCRIBED), "#andringar-parter + p")) == "Samma parter som i förra överenskommelsen."
    assert record(built, "stadsmissionen-2021")["changes"]["parties"]["changed"] is False


# -- 4. one wording for what is not stated ------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["namnder/kommunstyrelsen/", "partner/stadsmissionen/", "partner/bokstav/s/"])
def test_no_funding_and_no_organisation_number_read_anges_inte(built: BuiltSite, page: str) -> None:
    cells = [words(td) for td in built.article(page).select("td")]
    assert "anges inte" in cells
    assert "uppgift saknas" not in built.text(page)


# -- 5. make new-agreement without a partner -------------------------------------------------------------------------


def test_new_agreement_named_without_a_partner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = project_copy(tmp_path)
    partners = sorted(p.name for p in (project / "partners").iterdir())
    monkeypatch.chdir(project)
    assert scaffold.main(["agreement"], {"NAME": "Västsvenska paketet", "YEARS": "2010-2015"}) == 0
    path = project / "agreements" / "vastsvenska-paketet-2010-2015.md"
    text = path.read_text(encoding="utf-8")
    assert re.search(r"^partner: anges inte +# ", text, re.MULTILINE)
    assert re.search(r"^# parties_described: +# i stället för partner", text, re.MULTILINE)
    assert "t.ex. Västsvenska paketet" in text
    assert sorted(p.name for p in (project / "partners").iterdir()) == partners, "no partner file for a group"
    fill(path, (2010, 2015))
    assert check.problems(project) == [], "valid as written: no counterparty stated"
    described = path.read_text(encoding="utf-8").replace("partner: anges inte", "partner:", 1)
    path.write_text(described.replace("# parties_described:", "parties_described: de anslutna städerna", 1),
                    encoding="utf-8")
    assert check.problems(project) == [], "valid with the group the source describes"


def test_new_agreement_without_a_partner_or_a_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(scaffold.ScaffoldError, match="NAME=\"…\" \\(överenskommelsens korta namn\\)"):
        scaffold.new_agreement(project_copy(tmp_path), "", "2024-2026")


# -- 6. the guide's example for `signed`, and the accessibility statement ---------------------------------------------


def test_the_guides_signing_example_states_a_signing() -> None:
    guide = (ROOT / "REDAKTORSGUIDE.md").read_text(encoding="utf-8")
    paragraph = next(p for p in guide.split("\n\n") if p.startswith("**Undertecknad eller daterad"))
    assert '("som staden skrev på 2008"' in paragraph
    handshake = "Våren 2016 tog kommunen och Sverigeförhandlingen i hand"
    assert handshake.split()[-1] not in paragraph.split("):", 1)[0], "a handshake is no signing"
    assert "ingen underskrift" in paragraph


def test_the_statement_says_nothing_of_where_linked_documents_are(built: BuiltSite) -> None:
    text = built.text("tillganglighetsredogorelse/")
    assert "publiceras på kommunens webbplats" not in text
    assert ("Sammanträdeshandlingar, protokoll och andra dokument och sidor som vi länkar till på andra webbplatser "
            "omfattas inte av den här redogörelsen.") in text


# -- what cannot be ------------------------------------------------------------------------------------------------


def _agreement(extra: str) -> dict[str, str]:
    return {"agreements/avtal.md": f"---\ntitle: Avtal\npartner: stadsmissionen\nterm: anges inte\n{extra}---\n"}


_REFUSED = [
    pytest.param(_agreement("funding:\n  - {year: anges inte, amount: {kronor: 250000, up_to_kronor: 200000}}\n"), [
        "agreements/avtal.md:6: funding.0.amount.up_to_kronor: intervallets övre belopp (200000) ska vara större än "
        "'kronor' (250000), t.ex. {kronor: 200000, up_to_kronor: 250000}"], id="a_range_upside_down"),
    pytest.param(_agreement("funding:\n  - {year: anges inte, amount: {kronor: 2, up_to_kronor: 3, ceiling: "
                            "true}}\n"), [
        "agreements/avtal.md:6: funding.0.amount.ceiling: ett intervall har redan ett övre belopp ('up_to_kronor'); "
        "ta bort 'ceiling'"], id="a_ceiling_on_a_range"),
]


@pytest.mark.parametrize(("files", "expected"), _REFUSED)
def test_what_cannot_be_is_refused_by_name(files: dict[str, str], expected: list[str], tmp_path: Path) -> None:
    kept = {k: v for k, v in TREE.items() if k.startswith(("committees/", "partners/"))}
    write_tree(tmp_path, {**kept, **files})
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    assert [f"{p.path.as_posix()}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems] == expected


def test_a_text_that_is_neither_is_refused(tmp_path: Path) -> None:
    kept = {k: v for k, v in TREE.items() if k.startswith(("committees/", "partners/"))}
    write_tree(tmp_path, {**kept, **_agreement("text: sammanfattning\n")})
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    assert [f"{p.path.as_posix()}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems] == [
        "agreements/avtal.md:5: text: 'sammanfattning' är inget av de värden som finns; välj ett av "
        "'överenskommelsen' eller 'beskrivning'"]
