"""What a new editor entering real pages of Sigtuna could not record (trial 17): what a matter is about where a news
item gives it no heading; a decision on an agreement the source gives only in its words; a rate, not a sum; a change,
not a total; who drafted a proposal. Builds
tests/cases/trial17a.yaml with the real engine and reads the pages, lists, feeds, calendar, data/arenden.json and .csv
and OParl; what cannot be is refused in Swedish, naming file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, data, matters, one, oparl_object, read, words
from support.site import matter_cells as cells

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "trial17a.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2021-06-01"
KS_FILE = "decisions/2020-04-14-kommunstyrelsen.md"
KS = "sammantraden/2020-04-14-kommunstyrelsen/"
PARTNER = "partner/kvinnojouren/"
IOP = "overenskommelser/iop-kvinnojouren/"
IOP_FILE = "agreements/iop-kvinnojouren.md"
KF_FILE = "decisions/2020-11-16-kommunfullmaktige.md"
KF = "sammantraden/2020-11-16-kommunfullmaktige/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "trial17a", TREE, BUILD_DATE)



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


# -- 3. a rate, not a sum --------------------------------------------------------------------------------------------


def test_a_rate_is_shown_in_per_cent_with_a_decimal_comma_never_as_an_amount(built: BuiltSite) -> None:
    facts = built.matter_facts(KF, "kf-2020-skattesats")
    assert "Skattesatsen: 20,0 procent (enligt källan: 20.0 procent)" in facts
    assert not any(x.startswith("Belopp") for x in facts), "a rate is no sum"
    assert "Taxan: höjning med 3 procent" in built.matter_facts(KF, "kf-2020-taxa")
    row = matters(built)["kf-2020-skattesats"]
    assert row["rates"] == [{"percent": 20.0, "of": "skattesatsen", "as_given": "20.0 procent",
                             "label": "Skattesatsen: 20,0 procent (enligt källan: 20.0 procent)"}]
    assert row["amount"] is None and row["amounts"] == []
    assert matters(built)["kf-2020-taxa"]["rates"][0]["percent"] == 3
    assert "rates" not in matters(built)["ks-2020-iop"]
    assert cells(built)["kf-2020-skattesats"]["Procentsatser"] == (
        "Skattesatsen: 20,0 procent (enligt källan: 20.0 procent)")
    assert (cells(built)["kf-2020-skattesats"]["Belopp (kr)"], cells(built)["ks-2020-iop"]["Procentsatser"]) == ("", "")
    assert oparl_object(built, "agenda-item", "kf-2020-taxa")["namndbeslut:rates"] == [
        {"percent": 3, "of": "taxan", "change": "höjning", "label": "Taxan: höjning med 3 procent"}]


# -- 4. a change, not a total ----------------------------------------------------------------------------------------


def test_a_change_of_a_sum_is_said_so_and_never_read_as_the_whole_grant(built: BuiltSite) -> None:
    assert "Belopp: höjning med 125 000 kr (enligt källan: 125 000 kronor)" in built.matter_facts(
        KF, "kf-2020-kvinnojouren")
    row = matters(built)["kf-2020-kvinnojouren"]
    assert (row["amount"], row["change"], row["amount_label"]) == (
        125000, "höjning", "höjning med 125 000 kr (enligt källan: 125 000 kronor)")
    assert "change" not in matters(built)["ks-2020-iop"]
    assert (cells(built)["kf-2020-kvinnojouren"]["Ändring"], cells(built)["kf-2020-skattesats"]["Ändring"]) == (
        "höjning", "")
    assert oparl_object(built, "agenda-item", "kf-2020-kvinnojouren")["namndbeslut:amount"]["change"] == "höjning"
    assert "Summa angivna belopp: 500 000 kr." in built.text("finansiering/2020/"), "the agreement's grant alone"


# -- 5. who drafted a proposal ---------------------------------------------------------------------------------------


def test_who_drafted_the_proposal_is_said_apart_from_who_prepared_the_matter(built: BuiltSite) -> None:
    facts = built.matter_facts(KF, "kf-2020-skattesats")
    assert ["Berett av: Ekonomiavdelningen", "Förslaget togs fram av M, KD, L, C och SfS"] == [
        x for x in facts if x.startswith(("Berett", "Förslaget"))]
    row = matters(built)["kf-2020-skattesats"]
    assert (row["by"], row["proposal_by"]) == ("Ekonomiavdelningen", "M, KD, L, C och SfS")
    assert "proposal_by" not in matters(built)["kf-2020-taxa"]
    item = oparl_object(built, "agenda-item", "kf-2020-skattesats")
    assert (item["namndbeslut:preparedBy"], item["namndbeslut:proposalBy"]) == (
        "Ekonomiavdelningen", "M, KD, L, C och SfS")


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(KS_FILE, "## anges inte {#ks-2020-riktlinjer}", "## Föreningsbidrag {#ks-2020-riktlinjer}",
                 f"{KS_FILE}:10: matters.0.subject_as_given: ärendet har rubriken 'Föreningsbidrag'; "
                 "'subject_as_given' är källans ord för vad ärendet gäller där källan inte ger någon rubrik ('## "
                 "anges inte {#id}') – ta bort 'subject_as_given'", id="subject_beside_a_heading"),
    pytest.param(KF_FILE, "as_given: 20.0 procent", "as_given: 21.0 procent",
                 f"{KF_FILE}:12: matters.0.rates.0.percent: 'as_given' (21.0 procent) anger 21.0 procent men "
                 "'percent' är 20.0; skriv källans procentsats, med punkt före decimalerna",
                 id="rate_against_its_words"),
    pytest.param(KF_FILE, "percent: 20.0,", "percent: '20,0',",
                 f"{KF_FILE}:12: matters.0.rates.0.percent: '20,0' skrivs med punkt före decimalerna: 20.0",
                 id="rate_with_a_decimal_comma"),
    pytest.param(KF_FILE, "percent: 3,", "percent: 300000,",
                 f"{KF_FILE}:17: matters.1.rates.0.percent: '300000' ska vara en procentsats som ett tal (utan "
                 "'procent' eller '%'), t.ex. 20.0 eller 3, mellan 0 och 1000", id="a_sum_as_a_rate"),
    pytest.param(KF_FILE, "{kronor: 125000, change: höjning", "{kronor: -125000, change: sänkning",
                 f"{KF_FILE}:21: matters.2.amount.kronor: 'change: sänkning' säger redan åt vilket håll beloppet "
                 "ändras; skriv ändringen utan minustecken, t.ex. {kronor: 125000, change: sänkning}",
                 id="a_change_below_zero"),
    pytest.param(IOP_FILE, "{year: 2020, amount: 500000}", "{year: 2020, amount: {kronor: 125000, change: höjning}}",
                 f"{IOP_FILE}:8: funding.0.amount.change: en rad i 'funding' är pengar som överenskommelsen ger; en "
                 "höjning av ett annat belopp ('change: höjning') skrivs på nämndens ärende ('amount'), inte här",
                 id="a_change_as_a_grant"),
    pytest.param(KF_FILE, "by: Ekonomiavdelningen", "by: m, kd, l, c och sfs",
                 f"{KF_FILE}:10: matters.0.proposal_by: 'M, KD, L, C och SfS' står redan i 'by' (Berett av); skriv den "
                 "som tog fram förslaget i 'proposal_by' bara när källan säger att någon annan än den som beredde "
                 "ärendet gjorde det, annars ta bort 'proposal_by'", id="drafted_by_who_prepared_it"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]
