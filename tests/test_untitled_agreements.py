"""An agreement whose source gives it no title (`title: anges inte`, trial 17): the title is said from the facts, by
one rule (`Agreement.title`), never made up.

Builds tests/cases/untitled-agreements.yaml with the real engine (an IOP with one partner, a samverkansavtal with
two, a samarbetsavtal with parties only described, a marköverlåtelseavtal with no counterparty, an agreement of no
stated kind running from 2022, and one with a title of its own) and reads what a reader and a client get: the
pages, the search index's heading, the lists and links, JSON, CSV, OParl and the open data page. Then the refusals.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import scaffold
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, edited, problems, write_tree
from support.site import BuiltSite, attr, built_tree, csv_by, data, one, oparl_object, read, records_by, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "untitled-agreements.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2022-06-01"
SAID = {
    "kvinnojouren-sigtuna-2021-2023": "Idéburet offentligt partnerskap (IOP) med Kvinnojouren i Sigtuna 2021–2023",
    "region-stockholm-2021-2023": "Samverkansavtal med Region Stockholm och Polismyndigheten 2021–2023",
    "sodertorn": "Samarbetsavtal med åtta kommuner på Södertörn",
    "markoverlatelse": "Marköverlåtelseavtal, motpart anges inte",
    "fritidsgarden-ab": "Överenskommelse med Fritidsgården Ung AB från 2022",
}
"""Each untitled agreement's title as the site says it: the kind as stated (else 'Överenskommelse'), 'med' the
counterparties as named or described, the period where stated; no counterparty: 'motpart anges inte'."""
LISTED = {
    **SAID,
    "sodertorn": "Samarbetsavtal med åtta kommuner på Södertörn (period anges inte)",
    "markoverlatelse": "Marköverlåtelseavtal, motpart anges inte (period anges inte)",
    "kvinnojouren-sigtuna-2018-2020": "Överenskommelse om stödboende – Kvinnojouren i Sigtuna (2018–2020)",
}
"""How lists and links name them (Archive.agreement_label): the period once, added only where the title lacks it."""
TITLED = "kvinnojouren-sigtuna-2018-2020"
MEETING = "sammantraden/2021-02-10-kommunstyrelsen/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "untitled-agreements", TREE, BUILD_DATE)


def page(agreement: str) -> str:
    return f"overenskommelser/{agreement}/"


def links(site: BuiltSite, url: str) -> dict[str, str]:
    """Each link to an agreement page in the article, by the agreement's id: the link's words."""
    found = {}
    for a in site.article(url).select("a[href]"):
        target = attr(a, "href").rstrip("/").rsplit("/", 1)[-1]
        if target in LISTED:
            found[target] = words(a)
    return found


# -- the page and the search index ---------------------------------------------------------------------------------

@pytest.mark.parametrize("agreement", sorted(SAID))
def test_the_page_says_the_title_from_the_facts(built: BuiltSite, agreement: str) -> None:
    soup = built.soup(page(agreement))
    assert words(one(built.article(page(agreement)), "h1")) == SAID[agreement]
    assert words(one(soup, "title")).startswith(f"{SAID[agreement]} - ")
    assert attr(one(soup, 'meta[name="description"]'), "content").startswith(f"{SAID[agreement]}:")
    assert "anges inte" not in words(one(built.article(page(agreement)), "h1")).replace("motpart anges inte", "")


def test_the_search_index_takes_the_said_title(built: BuiltSite) -> None:
    indexed = one(built.soup(page("sodertorn")), "[data-pagefind-body]")
    assert words(one(indexed, "h1")) == SAID["sodertorn"]
    assert not indexed.select("[data-pagefind-meta^='title']")


def test_a_title_of_its_own_stays_the_sources(built: BuiltSite) -> None:
    assert words(one(built.article(page(TITLED)), "h1")) == "Överenskommelse om stödboende"


# -- lists and links -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["", "namnder/kommunstyrelsen/", "finansiering/"])
def test_lists_name_them_with_the_period_once(built: BuiltSite, url: str) -> None:
    named = links(built, url)
    assert named and all(named[a] == LISTED[a] for a in named), named
    assert all(text.count("2021–2023") <= 1 and text.count("2022") <= 1 for text in named.values())


def test_every_agreement_is_in_the_bodys_list(built: BuiltSite) -> None:
    assert links(built, "namnder/kommunstyrelsen/") == LISTED


def test_the_year_pages_list_them_by_the_said_title(built: BuiltSite) -> None:
    assert links(built, "overenskommelser/2021/") == {a: LISTED[a] for a in (  # the last under 'antagen 2021'
        "kvinnojouren-sigtuna-2021-2023", "region-stockholm-2021-2023", "markoverlatelse")}
    assert links(built, "overenskommelser/2022/") == {"fritidsgarden-ab": LISTED["fritidsgarden-ab"]}


def test_a_meetings_steps_link_them_by_the_said_title(built: BuiltSite) -> None:
    assert links(built, MEETING) == {a: LISTED[a] for a in ("kvinnojouren-sigtuna-2021-2023", "markoverlatelse")}


def test_the_partner_page_lists_it(built: BuiltSite) -> None:
    named = links(built, "partner/kvinnojouren-sigtuna/")
    assert named["kvinnojouren-sigtuna-2021-2023"] == SAID["kvinnojouren-sigtuna-2021-2023"]


# -- open data -------------------------------------------------------------------------------------------------------

def test_json_keeps_the_title_null_and_gives_the_said_one_apart(built: BuiltSite) -> None:
    records = records_by(built, "data/overenskommelser.json", "id")
    for agreement, said in SAID.items():
        record = records[agreement]
        assert (record["title"], record["title_given"], record["title_said"]) == (None, False, said)
        assert data(built, f"data/overenskommelser/{agreement}.json")["title_said"] == said
    titled = records[TITLED]
    assert (titled["title"], titled["title_given"]) == ("Överenskommelse om stödboende", True)
    assert "title_said" not in titled


def test_a_matters_json_names_the_agreement_the_same_way(built: BuiltSite) -> None:
    matter = records_by(built, "data/arenden.json", "id")["ks-markoverlatelse"]
    (linked,) = [a for a in matter["agreements"] if a["id"] == "markoverlatelse"]
    assert (linked["title"], linked["title_given"], linked["title_said"]) == (None, False, SAID["markoverlatelse"])


def test_csv_gives_the_said_title_and_whether_the_source_gives_one(built: BuiltSite) -> None:
    rows = csv_by(built, "data/overenskommelser.csv", "Id")
    assert {a: (rows[a]["Titel"], rows[a]["Titeln anges i källan"]) for a in SAID} == {
        a: (said, "nej") for a, said in SAID.items()}
    assert (rows[TITLED]["Titel"], rows[TITLED]["Titeln anges i källan"]) == ("Överenskommelse om stödboende", "ja")


def test_oparl_paper_is_named_by_the_said_title_and_says_so(built: BuiltSite) -> None:
    for agreement, said in SAID.items():
        paper = oparl_object(built, "paper", f"overenskommelse-{agreement}")
        assert (paper["name"], paper["namndbeslut:titleGiven"]) == (said, False)
    titled = oparl_object(built, "paper", f"overenskommelse-{TITLED}")
    assert titled["name"] == "Överenskommelse om stödboende" and "namndbeslut:titleGiven" not in titled


def test_oparl_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], path.name


def test_json_ld_and_the_data_catalogue_name_it_so(built: BuiltSite) -> None:
    script = one(built.soup(page("markoverlatelse")), 'script[type="application/ld+json"]')
    work: dict[str, Any] = json.loads(script.get_text())
    assert work["name"] == SAID["markoverlatelse"]
    assert f'dct:title "{SAID["markoverlatelse"]}"@sv' in read(built, "data/katalog.ttl")


# -- the scaffold and the refusals -----------------------------------------------------------------------------------

def test_the_scaffold_says_anges_inte_is_the_way_to_write_no_title(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    [path] = scaffold.new_agreement(tmp_path, "Region Stockholm", "2024-2026")
    line = next(x for x in path.read_text(encoding="utf-8").splitlines() if x.startswith("title:"))
    assert "eller anges inte (rubriken blir då slaget, motparten och perioden" in line


@pytest.mark.parametrize(("written", "expected"), [
    ("", "title: fältet saknas men krävs"),
    ("title:\n", "title: värdet är tomt; skriv överenskommelsens rubrik som källan ger den, eller 'anges inte'"),
])
def test_a_missing_or_empty_title_is_refused(tmp_path: Path, written: str, expected: str) -> None:
    tree = edited(TREE, "agreements/markoverlatelse.md", "title: anges inte\n", written)
    found = problems(tmp_path, tree, BUILD_DATE)
    assert len(found) == 1 and expected in found[0], found
