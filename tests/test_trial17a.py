"""What a new editor entering real pages of Sigtuna could not record (trial 17): what a matter is about where a news
item gives it no heading; a decision on an agreement the source gives only in its words. Builds
tests/cases/trial17a.yaml with the real engine and reads the pages, lists, feeds, calendar, data/arenden.json and .csv
and OParl; what cannot be is refused in Swedish, naming file, line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, csv_by, data, one, oparl_object, read, records_by, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "trial17a.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2021-06-01"
KS_FILE = "decisions/2020-04-14-kommunstyrelsen.md"
KS = "sammantraden/2020-04-14-kommunstyrelsen/"
PARTNER = "partner/kvinnojouren/"
IOP = "overenskommelser/iop-kvinnojouren/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "trial17a", TREE, BUILD_DATE)


def matters(site: BuiltSite) -> dict[str, dict[str, Any]]:
    return records_by(site, "data/arenden.json", "id")


def cells(site: BuiltSite) -> dict[str, dict[str, str]]:
    return csv_by(site, "data/arenden.csv", "Id")


def test_oparl_with_the_new_fields_is_valid(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []


# -- 1. what a matter without a heading is about ---------------------------------------------------------------------

SUBJECT = "Rubrik anges inte; enligt källan: nya riktlinjer för föreningsbidrag"


def test_a_matter_without_a_heading_is_named_by_the_sources_words_wherever_it_is_listed(built: BuiltSite) -> None:
    assert words(one(built.article(KS), "h2#ks-2020-riktlinjer")) == SUBJECT
    assert words(one(built.article(KS), "h2#ks-2020-lokaler")) == "Rubrik anges inte i källan", "no words: as before"
    listed = [words(li) for li in built.article(PARTNER).select("ul.matter-list > li")]
    assert f"{SUBJECT} Kommunstyrelsen, 14 april 2020" in listed
    feed = BeautifulSoup(read(built, "partner-kvinnojouren.xml"), "xml")
    assert SUBJECT in [words(t) for t in feed.select("entry > title")]
    assert f"– {SUBJECT}" in str(built.events("kommunstyrelsen")["2020-04-14-kommunstyrelsen"]["description"])
    row = matters(built)["ks-2020-riktlinjer"]
    assert (row["title"], row["title_given"], row["subject_as_given"]) == (
        None, False, "nya riktlinjer för föreningsbidrag"), "never a heading"
    assert "subject_as_given" not in matters(built)["ks-2020-lokaler"]
    assert (cells(built)["ks-2020-riktlinjer"]["Rubrik"], cells(built)["ks-2020-riktlinjer"]["Ämne enligt källan"]) == (
        "", "nya riktlinjer för föreningsbidrag")
    item = oparl_object(built, "agenda-item", "ks-2020-riktlinjer")
    assert (item["name"], item["namndbeslut:subjectAsGiven"]) == (SUBJECT, "nya riktlinjer för föreningsbidrag")


# -- 2. a decision on an agreement in the source's words --------------------------------------------------------------

REVISED = "beslutas att det nuvarande IOP-avtalet med kvinnojouren revideras"


def test_a_decision_given_only_in_the_sources_words_is_a_decision_on_the_agreement(built: BuiltSite) -> None:
    said = f"Beslut om överenskommelsen (enligt källan: {REVISED})"
    assert f"{said}: IOP-avtal med Kvinnojouren i Sigtuna (period anges inte)" in (
        built.matter_facts(KS, "ks-2020-iop"))
    assert built.steps(IOP) == [f"{said}: Kommunstyrelsen 14 april 2020: Rubrik anges inte; enligt källan: det "
                                "nuvarande IOP-avtalet med kvinnojouren"], "never 'anges inte' beside the words"
    assert "vad som beslutades" not in built.text(IOP) + built.text(KS)
    (step,) = data(built, "data/overenskommelser/iop-kvinnojouren.json")["steps"]
    assert (step["action"], step["outcome"]) == ("anges inte", said)


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(KS_FILE, "## anges inte {#ks-2020-riktlinjer}", "## Föreningsbidrag {#ks-2020-riktlinjer}",
                 f"{KS_FILE}:10: matters.0.subject_as_given: ärendet har rubriken 'Föreningsbidrag'; "
                 "'subject_as_given' är källans ord för vad ärendet gäller där källan inte ger någon rubrik ('## "
                 "anges inte {#id}') – ta bort 'subject_as_given'", id="subject_beside_a_heading"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]
