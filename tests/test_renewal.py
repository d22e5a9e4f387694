"""A chain of three agreements (2018–2020, renewed 2021–2023, renewed 2024–2026): each renewal's page and JSON
say what changed compared with the one it renews, as computed here by hand."""

from __future__ import annotations

import json

import pytest
from namndbeslut import renewal
from support.project import project_copy
from support.site import BuiltSite, build, one, words

OLDEST, MIDDLE, NEWEST = (f"kvinnojouren-lund-{years}" for years in ("2018-2020", "2021-2023", "2024-2026"))
KEPT = ("Överenskommelsen för åren 2021-2023 följer samma upplägg som tidigare IOP. Kvinnojouren Lund ska erbjuda "
        "stödinsatser och social gemenskap och aktiviteter för målgruppen som till exempel:")
"""The first paragraph of the 2021–2023 agreement's text, which the renewal keeps."""
NEWEST_FILE = f"""---
title: Samverkansavtal med Kvinnojouren Lund och RSMH 2024–2026
kind: samverkansavtal
partners: [kvinnojouren-lund, rsmh]
public_party: Socialförvaltningen i Lund
committee: socialnamnden
term:
  start: 2024-01-01
  end: 2026-12-31
review_by: 2025-06-30
renews: {MIDDLE}
funding:
  - year: 2024
    amount: 399000
  - year: 2025
    amount: 420000
    funder: Region Skåne
---
{KEPT}

Parterna samarbetar nu också med RSMH om stöd till våldsutsatta med psykisk ohälsa.
"""


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = project_copy(tmp_path_factory.mktemp("chain") / "project")
    (root / "agreements" / f"{NEWEST}.md").write_text(NEWEST_FILE, encoding="utf-8")
    dest = tmp_path_factory.mktemp("chain-site")
    result = build(dest, "2026-11-22", root)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(dest)


def rows(site: BuiltSite, url: str, caption: str) -> list[list[str]]:
    table = next(t for t in site.article(url).select("table.comparison") if caption in words(one(t, "caption")))
    return [[words(cell) for cell in tr.select("th, td")] for tr in table.select("tbody tr, tfoot tr")]


def test_each_step_compares_with_its_predecessor(chain: BuiltSite) -> None:
    assert "Vad ändrades" not in chain.text(f"overenskommelser/{OLDEST}/")
    for url, older in ((f"overenskommelser/{MIDDLE}/", OLDEST), (f"overenskommelser/{NEWEST}/", MIDDLE)):
        section = one(chain.article(url), "#andringar")
        assert words(section) == "Vad ändrades jämfört med förra överenskommelsen"
        link = one(section.find_next_sibling("p"), "a")  # type: ignore[arg-type]
        assert link["href"] == f"../{older}/"


def test_renewal_facts_side_by_side(chain: BuiltSite) -> None:
    url = f"overenskommelser/{NEWEST}/"
    assert rows(chain, url, "Uppgifter") == [
        ["Period", "1 januari 2021 – 31 december 2023", "1 januari 2024 – 31 december 2026", "Ja"],
        ["Typ", "Idéburet offentligt partnerskap (IOP)", "Samverkansavtal", "Ja"],
        ["Översyn", "anges inte", "Senast 30 juni 2025", "Kan inte avgöras"],
    ]
    assert rows(chain, url, "Angivna belopp") == [
        ["2021", "380 000 kr", "anges inte", "–", "–"],
        ["2022", "anges inte", "anges inte", "–", "–"],
        ["2023", "anges inte", "anges inte", "–", "–"],
        ["2024", "anges inte", "399 000 kr", "–", "–"],
        ["2025", "anges inte", "420 000 kr", "–", "–"],
        ["Summa", "380 000 kr", "819 000 kr", "+439 000 kr", "+115,5 %"],  # 439 000 / 380 000 = 1.1553
    ]
    parties = chain.article(url).select("ul.comparison-parties li")
    assert [words(li) for li in parties] == ["Ny part: Riksförbundet för social och mental hälsa (RSMH)"]


def test_text_changes_are_labelled_not_only_marked(chain: BuiltSite) -> None:
    url = f"overenskommelser/{NEWEST}/"
    changes = chain.article(url).select("ul.text-changes > li")
    added = [li for li in changes if li.select_one("ins")]
    removed = [li for li in changes if li.select_one("del")]
    assert [words(li) for li in added] == [
        "Tillagt: Parterna samarbetar nu också med RSMH om stöd till våldsutsatta med psykisk ohälsa."]
    assert len(removed) == 2  # the list and the last paragraph
    assert all(words(li).startswith("Borttaget: ") for li in removed)
    assert not any(KEPT in words(li) for li in changes)  # the paragraph both texts have is not a change


def test_json_has_the_same_comparison(chain: BuiltSite) -> None:
    record = json.loads((chain.path / "data" / "overenskommelser" / f"{NEWEST}.json").read_text(encoding="utf-8"))
    changes = record["changes"]
    assert changes["compared_with"]["id"] == MIDDLE
    assert changes["kind"] == {"old": "Idéburet offentligt partnerskap (IOP)", "new": "Samverkansavtal",
                               "changed": True}
    assert changes["review_by"] == {"old": None, "new": "2025-06-30", "changed": None}  # one side is unstated
    assert changes["funding_stated_total"] == {"old": 380000, "new": 819000, "change": 439000,
                                               "change_percent": 115.5}
    assert [y["year"] for y in changes["funding"]] == [2021, 2022, 2023, 2024, 2025]
    assert changes["funding"][4] == {"year": 2025, "old": None, "new": 420000, "change": None,
                                     "change_percent": None}
    assert [p["id"] for p in changes["partners_added"]] == ["rsmh"] and changes["partners_removed"] == []
    assert [t["change"] for t in changes["text"]].count("added") == 1
    oldest = json.loads((chain.path / "data" / "overenskommelser" / f"{OLDEST}.json").read_text(encoding="utf-8"))
    assert oldest["changes"] is None


def test_amounts_of_a_year_both_state() -> None:
    both = renewal.Amounts(400000, 380000)
    assert (both.change, both.percent) == (-20000, -5.0)
    assert renewal.Amounts(0, 1000).percent is None  # no per cent of nothing
