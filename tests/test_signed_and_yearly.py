"""Facts as a new editor met them on real municipal pages, and the review's fixes they touch.

Builds tests/cases/signed-and-yearly.yaml with the real engine and reads the pages, JSON and CSV: a sum per year
whose years are neither named nor counted, a signing the source states without its date (and the status that then
never says a signing is not stated), a partner's own contribution, a renewal whose review is in the source's words,
two agreements that name no counterparty (never one row of the funding table), and the source's words that end in a
bracket.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import funding, loader
from namndbeslut.errors import ContentError
from support.project import CASES_DIR, write_tree
from support.site import BuiltSite, built_tree, csv_rows, data, one, words

TREE = yaml.safe_load((CASES_DIR / "signed-and-yearly.yaml").read_text(encoding="utf-8"))
BOENDE = "overenskommelser/stadsmissionen-boende/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "signed-and-yearly", TREE, "2024-06-01")


def record(site: BuiltSite, agreement: str) -> dict[str, Any]:
    found: dict[str, Any] = data(site, f"data/overenskommelser/{agreement}.json")
    return found


# -- a sum per year whose years are neither named nor counted -------------------------------------------------------


def test_a_sum_per_year_without_years_is_shown_as_the_source_says_and_never_summed(built: BuiltSite) -> None:
    lines = [words(li) for li in built.fact_box(BOENDE)["Finansiering"].select("li")]
    assert lines == ["ca 1 500 000 kr per år (åren anges inte)",
                     "2023: 733 400 kr, betalas av Stadsmissionen",
                     "Summa av beloppen ovan (uträknad här): 733 400 kr "
                     "(utom ca 1 500 000 kr per år (åren anges inte))"]
    funding = record(built, "stadsmissionen-boende")["funding"]
    assert (funding[0]["year"], funding[0].get("years"), funding[0]["per_year"], funding[0]["approximate"]) == (
        None, None, True, True)
    assert record(built, "stadsmissionen-boende")["funding_stated_total"] == 733400
    assert "ca 1 500 000 kr per år (åren anges inte)" in built.text("finansiering/")  # listed apart, in no year


def test_a_partners_own_contribution_names_the_partner_as_funder(built: BuiltSite) -> None:
    row = next(r for r in csv_rows(built, "data/finansiering.csv") if r["År"] == "2023")
    assert (row["Belopp (kr)"], row["Finansiär"]) == ("733400", "Stadsmissionen")


# -- a signing without its date -------------------------------------------------------------------------------------


def test_a_signing_without_its_date(built: BuiltSite) -> None:
    assert built.facts(BOENDE)["Undertecknad"] == "datum anges inte"
    assert "Undertecknad" not in built.facts("overenskommelser/stadsmissionen-2020/")
    found = record(built, "stadsmissionen-boende")
    assert (found["signed"], found["signed_stated"]) == (None, True)
    assert (record(built, "stadsmissionen-2020")["signed"], record(built, "stadsmissionen-2020")["signed_stated"]) == (
        None, False)


def test_a_stated_signing_is_never_said_to_be_unstated(built: BuiltSite) -> None:
    """A mandate to sign and a signing without its date: not 'Uppdrag att teckna, undertecknande anges inte'; the
    status is the term's, with the source's own status after it (no space before the semicolon)."""
    status = built.fact_box(BOENDE)["Status"]
    assert status.get_text() == "Period anges inte; På plats enligt källan (27 februari 2020)"
    assert record(built, "stadsmissionen-boende")["status"]["value"] == "Period anges inte"


def test_the_words_anges_inte_alone_mean_a_signing_without_its_date(tmp_path: Path) -> None:
    tree = {**TREE, "agreements/utan-motpart-a.md": TREE["agreements/utan-motpart-a.md"].replace(
        "partner: anges inte\n", "partner: anges inte\nsigned: inte angivet\n")}
    write_tree(tmp_path, tree)
    with pytest.raises(ContentError) as raised:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    assert "signed: 'inte angivet' kan inte läsas som en tidpunkt" in str(raised.value)


# -- the renewal's review, the source's words in brackets -------------------------------------------------------------


def test_the_renewal_compares_the_reviews_as_the_pages_state_them(built: BuiltSite) -> None:
    review = next(tr for tr in built.article(BOENDE).select("table.comparison tr") if "Översyn" in words(tr))
    assert words(review) == "Översyn Senast 2021 Efter tre år (enligt källan) Kan inte avgöras"
    changes = record(built, "stadsmissionen-boende")["changes"]
    assert changes["review"] == {"old": "Senast 2021", "new": "Efter tre år (enligt källan)", "changed": None}
    by_id = {r["Id"]: r["Översyn enligt källan"] for r in csv_rows(built, "data/overenskommelser.csv")}
    assert (by_id["stadsmissionen-boende"], by_id["stadsmissionen-2020"]) == ("efter tre år", "")


def test_the_sources_words_ending_in_a_bracket_keep_one_pair(built: BuiltSite) -> None:
    assert built.facts(BOENDE)["Period"] == "går ut vid årsskiftet (året anges inte; enligt källan)"


# -- counterparties not named, contacts ---------------------------------------------------------------------------


def test_agreements_naming_no_counterparty_are_not_one_row(built: BuiltSite, tmp_path: Path) -> None:
    """'Motpart anges inte' is no shared counterparty: each such agreement's funding is a row of its own."""
    write_tree(tmp_path, TREE)
    table = funding.table(loader.load(tmp_path, dt.date(2024, 6, 1)))
    assert sorted(len(table.cell(r, 2021)) for r in table.rows if not r.members) == [1, 1]
    year = built.article("finansiering/2021/socialnamnden/")
    assert len(one(year, "table#finansiering").select("tbody tr")) == 2


def test_a_contact_by_its_one_label(built: BuiltSite) -> None:
    assert built.facts("overenskommelser/stadsmissionen-2020/")["Kontaktpersoner"] == (
        "Anna Andersson, samordnare (Stadsmissionen), anna@example.org")


def test_a_comma_that_splits_a_listed_address_is_named(tmp_path: Path) -> None:
    """YAML's [..] list splits an address at a comma: the error names the comma, not only the fragment."""
    tree = {**TREE, "partners/stadsmissionen.md": TREE["partners/stadsmissionen.md"].replace(
        "kind:", "source_url: [https://www.eskilstuna.se/sida,c2737260, https://www.eskilstuna.se/nyhet]\nkind:")}
    write_tree(tmp_path, tree)
    with pytest.raises(ContentError) as raised:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    assert [f"{p.field}: {p.message}" for p in raised.value.problems] == [
        "source_url: 'c2737260' är ingen adress; ett kommatecken i en adress delar listan [https://…, https://…] i "
        "flera delar: skriv adresserna på var sin rad, 'source_url:' och sedan '- https://…' på varje rad"]
