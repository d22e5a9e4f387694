"""A reviewer's findings on agreements' steps and lists, built with the real engine: an undated step never overrides
what a dated one states; a condition on an extension is not taken as met, and a later adoption without one adopts
outright; a decision's role is one rule in every data file; a label looks for the named partners in the title and
says a term given in words as the page does; a signing is no dating; the search filter 'År' is the year pages' year.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, attr, built_tree, data, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "review1.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2025-03-01"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "review1", TREE, BUILD_DATE)


def status(site: BuiltSite, agreement: str) -> str:
    value: str = data(site, f"data/overenskommelser/{agreement}.json")["status"]["value"]
    assert words(site.fact_box(f"overenskommelser/{agreement}/")["Status"]) == value
    return value


def test_an_undated_extension_never_overrides_a_dated_one(built: BuiltSite) -> None:
    assert status(built, "forlangd") == "Gäller", "the dated extension to 2026 decides, not the undated one to 2024"


def test_an_undated_extension_ending_before_the_term_is_refused(tmp_path: Path) -> None:
    tree = edited(TREE, "agreements/forlangd.md", "body: socialnamnden, end: 2024}", "body: socialnamnden, end: 2022}")
    assert problems(tmp_path, tree, BUILD_DATE) == [
        "agreements/forlangd.md:9: cited_steps.2.end: förlängningen slutar 2022, men perioden slutar redan 2023; "
        "skriv det nya slutdatumet som beslutet anger"]


def test_a_conditional_extension_does_not_move_the_end(built: BuiltSite) -> None:
    assert status(built, "villkorad-forlangning") == "Har upphört", "the term ended 2023; the extension's condition " \
        "is not stated met"


def test_a_later_adoption_without_a_condition_adopts_outright(built: BuiltSite) -> None:
    assert status(built, "antagen-igen") == "Gäller"


def test_a_decision_has_one_role_in_steps_and_decisions(built: BuiltSite) -> None:
    record = data(built, "data/overenskommelser/lokaler.json")
    roles = {s["decision"]["role"] for s in record["steps"]} | {d["role"] for d in record["decisions"]}
    assert roles == {"antar och uppdrag att teckna"}


def label_in_list(site: BuiltSite, agreement: str) -> str:
    page = site.article("overenskommelser/")
    return next(words(a) for a in page.select("a") if attr(a, "href").rstrip("/").endswith(agreement))


def test_a_label_looks_for_the_named_partners_in_the_title(built: BuiltSite) -> None:
    labels = [words(a) for a in built.article("overenskommelser/2024/").select("a")]
    assert "Samverkansavtal Urban Futures 2024–2025" in labels
    assert not any("andra föreningar" in x for x in labels), labels


def test_a_term_in_words_is_named_as_the_page_names_it(built: BuiltSite) -> None:
    assert label_in_list(built, "tva-ar") == "Avtal om fritidsgårdar – Hela människan, två år (enligt källan)"


def test_a_signing_is_no_dating(built: BuiltSite) -> None:
    headings = [words(h) for h in built.article("overenskommelser/2008/").select("h2")]
    assert "Period anges inte, undertecknad 2008" in headings
    assert not any("daterad" in h for h in headings)


@pytest.mark.parametrize(("agreement", "year"), [("undertecknad", "2008"), ("slutar", "2022"), ("forlangd", "2020")])
def test_the_search_year_is_the_year_pages_year(built: BuiltSite, agreement: str, year: str) -> None:
    soup = built.soup(f"overenskommelser/{agreement}/")
    filters = {attr(f, "data-pagefind-filter"): f.get_text() for f in soup.select("[data-pagefind-filter]")}
    assert filters.get("År") == year
    assert built.article(f"overenskommelser/{year}/").select(f"a[href*='{agreement}']")
