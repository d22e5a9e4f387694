"""Fields of this session as a review found them wrong (fix1), each read where a reader or a client gets it.

Builds tests/cases/reviewed-fields.yaml with the real engine: a sum for named years together beside a row for one of
those years (or a second span over them) is never added twice, on the page, in the JSON and CSV, as in the funding
overview; a year whose only sum is a ceiling or a sum per unit never says 'belopp anges inte'; a tabled item that the
agenda labels 'Information' keeps both facts; a feed's summary says an unstated date in lower case mid-sentence. Then
the forms that cannot be: when a decision takes effect on an item that decided nothing or on an agenda, reservations
on an agenda, the source's label repeating the kind.
"""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
import yaml
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, csv_by, data, one, read, records_by, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "reviewed-fields.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2026-06-01"
MEETING = "sammantraden/2025-06-11-kommunstyrelsen/"
MEETING_FILE = "decisions/2025-06-11-kommunstyrelsen.md"
TOTAL = "Summa av beloppen ovan (uträknad här)"
SPAN = "1 000 000 kr sammanlagt för 2021–2025"
NOT_ADDED = "belopp anges men räknas inte med"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "reviewed-fields", TREE, BUILD_DATE)


def funding_lines(site: BuiltSite, agreement: str) -> list[str]:
    return [words(li) for li in site.fact_box(f"overenskommelser/{agreement}/")["Finansiering"].select("li")]


def stated_totals(site: BuiltSite, agreement: str) -> tuple[object, str]:
    """The agreement's total in its JSON and in overenskommelser.csv (empty where there is none)."""
    return (data(site, f"data/overenskommelser/{agreement}.json")["funding_stated_total"],
            csv_by(site, "data/overenskommelser.csv", "Id")[agreement]["Summa angivna belopp (kr)"])


# -- 1. a span and a row for one of its years: never added twice --------------------------------------------------


def test_a_span_beside_a_row_of_its_years_is_left_out_of_the_total(built: BuiltSite) -> None:
    assert funding_lines(built, "spann-och-ar") == [SPAN, "2021: 100 000 kr", f"{TOTAL}: 100 000 kr (utom {SPAN})"]
    assert stated_totals(built, "spann-och-ar") == (100000, "100000")


def test_two_spans_over_a_shared_year_add_up_to_no_total(built: BuiltSite) -> None:
    assert funding_lines(built, "tva-spann") == ["600 000 kr sammanlagt för 2021–2023",
                                                 "400 000 kr sammanlagt för 2023–2025"]
    assert stated_totals(built, "tva-spann") == (None, "")


def test_spans_of_separate_years_are_added(built: BuiltSite) -> None:
    assert funding_lines(built, "skilda-spann")[-1] == f"{TOTAL}: 1 000 000 kr"
    assert stated_totals(built, "skilda-spann") == (1000000, "1000000")


def test_the_overview_adds_the_year_rows_and_lists_the_spans_apart(built: BuiltSite) -> None:
    page = built.article("finansiering/")
    rows = {words(tr.select("th")[0]): words(tr.select("td")[0]) for tr in page.select("#finansiering tbody tr")}
    assert rows["Finansiering 2021"] == "100 000 kr", "the year row alone, as the agreement's total"
    apart = one(page, "h2#flera-ar-tillsammans").find_next_sibling("ul")
    assert apart is not None and sum(SPAN in words(li) for li in apart.select("li")) == 1


# -- 2. a year whose only sum no total adds -------------------------------------------------------------------------


def test_a_year_of_a_ceiling_or_a_sum_per_unit_says_its_sum_is_not_added(built: BuiltSite) -> None:
    page = built.article("finansiering/")
    rows = {words(tr.select("th")[0]): words(tr.select("td")[0]) for tr in page.select("#finansiering tbody tr")}
    assert (rows["Finansiering 2026"], rows["Finansiering 2027"]) == (NOT_ADDED, NOT_ADDED)
    chart = words(one(page, "svg.funding-chart__svg"))
    assert f"2026 : {NOT_ADDED}" in chart and f"2027 : {NOT_ADDED}" in chart
    assert "belopp anges inte" not in chart
    assert f"Summa angivna belopp: {NOT_ADDED}." in built.text("finansiering/2026/")
    assert f"Summa angivna belopp {NOT_ADDED}" in built.text("finansiering/2027/kommunstyrelsen/")


def test_the_overviews_note_names_every_sum_no_total_adds(built: BuiltSite) -> None:
    assert ("och ett högsta belopp, ett ungefärligt belopp, ett intervall, ett belopp per enhet, ett belopp med "
            "”drygt” eller ”knappt”, ett belopp med något som kommer till eller ett belopp till en annan mottagare "
            f"räknas inte med (”{NOT_ADDED}” där ett år bara har sådana belopp)"
            in built.text("finansiering/"))


# -- 4. a tabled item the agenda labels 'Information' ---------------------------------------------------------------


def test_a_tabled_item_keeps_the_sources_label(built: BuiltSite) -> None:
    assert "Ärendetyp: Bordlagt (inget beslut ännu); enligt källan: Information" in built.matter_facts(MEETING,
                                                                                                        "lokaler")
    kind = records_by(built, "data/arenden.json", "id")["lokaler"]["kind"]
    assert (kind["value"], kind["as_given"]) == ("bordlagt", "Information")


# -- 5. a feed's summary of a meeting the source gives no date --------------------------------------------------------


def test_a_feeds_summary_says_an_unstated_date_mid_sentence(built: BuiltSite) -> None:
    feed = feedparser.parse((built.path / "namnd-kommunstyrelsen.xml").read_bytes())
    summaries = [e.summary for e in feed.entries]
    assert "Kommunstyrelsen, sammanträde datum anges inte; enligt källan: i höstas: Parker" in summaries
    assert "Datum anges inte" not in read(built, "namnd-kommunstyrelsen.xml")
    assert built.text("sammantraden/datum-anges-inte-kommunstyrelsen-hosten/").count(
        "Datum anges inte; enligt källan: i höstas") == 1, "the page still begins its line with a capital"


# -- what cannot be ----------------------------------------------------------------------------------------------


AGENDA = "\nknown_from: kallelse\nmatters:"
ITEM = "\nmatters:\n  - {id: lokaler, kind: bordlagt, kind_as_given: Information}"
DECISION_ONLY = ("'effective' hör bara till ett beslut, men 'kind: {}' är inget beslut; ta bort 'effective' eller "
                 "ändra 'kind'")


@pytest.mark.parametrize(("old", "new", "expected"), [
    pytest.param("kind: bordlagt, kind_as_given: Information}", "kind: bordlagt, effective: 2025-07}",
                 f"{MEETING_FILE}:6: matters.0.effective: {DECISION_ONLY.format('bordlagt')}", id="tabled_effective"),
    pytest.param("kind: bordlagt, kind_as_given: Information}", "kind: information, effective: 2025}",
                 f"{MEETING_FILE}:6: matters.0.effective: {DECISION_ONLY.format('information')}",
                 id="information_effective"),
    pytest.param(ITEM, f"{AGENDA}\n  - {{id: lokaler, effective: 2025-07}}",
                 f"{MEETING_FILE}:7: matters.0.effective: 'known_from: kallelse' säger att källan är kallelsen, som "
                 "inte anger när något beslut börjar gälla; ta bort 'effective' eller 'known_from'",
                 id="effective_on_an_agenda"),
    pytest.param(ITEM, f"{AGENDA}\n  - {{id: lokaler, reservations: [S]}}",
                 f"{MEETING_FILE}:7: matters.0.reservations: 'known_from: kallelse' säger att källan är kallelsen, "
                 "som inte anger några reservationer; ta bort 'reservations' eller 'known_from'",
                 id="reservations_on_an_agenda"),
    pytest.param("kind_as_given: Information}", "kind_as_given: Bordlagt}",
                 f"{MEETING_FILE}:6: matters.0.kind_as_given: 'Bordlagt' säger samma sak som 'kind: bordlagt'; ta "
                 "bort 'kind_as_given'", id="the_label_repeats_the_kind"),
    pytest.param("kind: bordlagt, kind_as_given: Information}", "kind: anges inte, kind_as_given: Information}",
                 f"{MEETING_FILE}:6: matters.0.kind_as_given: 'Information' finns i listan; skriv 'kind: "
                 "information' och ta bort 'kind_as_given'", id="a_listed_kind_as_given_without_a_kind"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, MEETING_FILE, old, new), BUILD_DATE) == [expected]


def test_when_a_decision_takes_effect_stays_where_the_kind_is_not_stated(tmp_path: Path) -> None:
    tree = edited(TREE, MEETING_FILE, "kind: bordlagt, kind_as_given: Information}", "effective: 2025-07}")
    assert problems(tmp_path, tree, BUILD_DATE) == []
