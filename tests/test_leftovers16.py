"""Forms editors met in earlier trials and had none for (leftovers16): a matter's sum for years the source counts
without naming them ("30 000 kronor per år i tre år"). Builds tests/cases/leftovers16.yaml with the real engine and
reads the pages, data/arenden.json and .csv and OParl; what cannot be is refused in Swedish."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, csv_by, oparl_object, records_by

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "leftovers16.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-01"
KF_FILE = "decisions/2024-03-12-kultur-och-fritidsnamnden.md"
KF = "sammantraden/2024-03-12-kultur-och-fritidsnamnden/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "leftovers16", TREE, BUILD_DATE)


def matters(site: BuiltSite) -> dict[str, dict[str, Any]]:
    return records_by(site, "data/arenden.json", "id")


def cells(site: BuiltSite) -> dict[str, dict[str, str]]:
    return csv_by(site, "data/arenden.csv", "Id")


# -- 1. years a sum is for, counted and not named ------------------------------------------------------------------


def test_a_sum_for_years_counted_says_them_and_invents_no_total(built: BuiltSite) -> None:
    per_year = "30 000 kr (enligt källan: 30 000 kronor per år i tre år) per år i tre år"
    assert f"Belopp: {per_year}" in built.matter_facts(KF, "kf-lovaktiviteter")
    assert "Belopp: 90 000 kr sammanlagt i tre år" in built.matter_facts(KF, "kf-samlat")
    row = matters(built)["kf-lovaktiviteter"]
    assert (row["amount"], row["per_year"], row["years"], row["amount_label"]) == (30000, True, 3, per_year)
    assert "from_year" not in row and "90 000" not in per_year, "no year named, no total worked out"
    assert cells(built)["kf-lovaktiviteter"]["Antal år (åren anges inte)"] == "3"
    assert oparl_object(built, "agenda-item", "kf-lovaktiviteter")["namndbeslut:amount"]["years"] == 3


def test_oparl_with_the_new_fields_is_valid(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []


# -- refused ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(KF_FILE, "per_year: false, years: 3", "years: 3",
                 f"{KF_FILE}:15: matters.1.amount.per_year: skriv om beloppet gäller varje år av de tre åren, "
                 "{kronor: 30000, per_year: true, years: 3}, eller alla åren tillsammans, {kronor: 90000, per_year: "
                 "false, years: 3}", id="years_without_per_year"),
    pytest.param(KF_FILE, "per_year: false, years: 3", "per_year: false, years: 3, from_year: 2024",
                 f"{KF_FILE}:15: matters.1.amount.years: 'years' räknar åren där källan inte namnger dem; skriv "
                 "perioden antingen som 'years' eller som 'from_year', inte båda", id="years_counted_and_named"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]


def test_a_funding_row_counts_its_own_years(tmp_path: Path) -> None:
    tree = {**TREE, "partners/ungdomens-hus.md": "---\nname: Föreningen Ungdomens hus\n---\n",
            "agreements/lovaktiviteter.md": "---\ntitle: Lovaktiviteter\npartner: ungdomens-hus\nterm: anges inte\n"
                                            "funding:\n  - {year: anges inte, years: 3, amount: {kronor: 30000, "
                                            "per_year: true, years: 3}}\n---\n"}
    assert problems(tmp_path, tree, BUILD_DATE) == [
        "agreements/lovaktiviteter.md:6: funding.0.amount.years: en rad i 'funding' räknar sina år själv; skriv "
        "'years: 3' och 'year: anges inte' på raden, inte i beloppet"]
