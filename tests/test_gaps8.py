"""What the trial in Mjölby and Region Gotland could not record, each as the source states it.

Builds tests/cases/gaps8.yaml with the real engine and reads the pages and the data: a decision cited by its
paragraph alone (no date) with its body; funding whose amount the source does not
state; two sums in one matter.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import Tag
from namndbeslut import check
from support.project import CASES_DIR, write_tree
from support.site import BuiltSite, built_tree, data, one, read, words

TREE = yaml.safe_load((CASES_DIR / "gaps8.yaml").read_text(encoding="utf-8"))
FRG = "overenskommelser/frg-vastra-lansdelen/"
REPORT = "tjansteskrivelser/ks-2024-0068/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "gaps8", TREE, "2025-06-01")


def record(site: BuiltSite, agreement: str) -> dict[str, Any]:
    found: dict[str, Any] = data(site, f"data/overenskommelser/{agreement}.json")
    return found


# -- 1. a paragraph without a date ---------------------------------------------------------------------------------

def test_a_paragraph_without_a_date_is_shown_with_its_body(built: BuiltSite) -> None:
    assert built.undated_steps(FRG) == [
        "Förslag (till vilket organ anges inte): Kommunstyrelsen § 68, datum anges inte"]
    assert "Kommunstyrelsen §§ 68, 69, datum anges inte" in built.text(REPORT)


def test_a_paragraph_without_a_date_in_the_data(built: BuiltSite) -> None:
    (step,) = record(built, "frg-vastra-lansdelen")["steps"]
    assert step["date"] is None
    assert (step["decision"]["date"], step["decision"]["paragraphs"]) == (None, [68])
    paper = data(built, "oparl/paper/overenskommelse-frg-vastra-lansdelen.json")
    (cited,) = [v for k, v in paper.items() if k.endswith("citedSteps")][0]
    assert cited["paragraphs"] == [68] and "date" not in cited


# -- 2. money that exists but whose amount is not stated ------------------------------------------------------------

MEDEL = "overenskommelser/frg-medel/"


def test_funding_without_an_amount_is_shown_so_and_is_funding(built: BuiltSite) -> None:
    assert "belopp anges inte, varje år (åren anges inte)" in built.text(MEDEL)
    assert "belopp anges inte, varje år (åren anges inte)" in built.text("finansiering/")
    without = built.soup("finansiering/").select_one("#utan-uppgift")
    assert without is not None
    listed = without.find_next("ul")
    assert listed is not None and "Medel till Civilförsvarsförbundet" not in listed.get_text()
    assert "Summa" not in built.text(MEDEL), "no total of an amount never stated"


def test_funding_without_an_amount_in_the_data(built: BuiltSite) -> None:
    (row,) = record(built, "frg-medel")["funding"]
    assert (row["year"], row["amount"], row["amount_stated"], row["per_year"]) == (None, None, False, True)
    assert row["amount_label"] == "belopp anges inte, varje år"
    assert "belopp anges inte, varje år" in (built.path / "data" / "finansiering.csv").read_text(encoding="utf-8")


# -- 3. two amounts in one matter ------------------------------------------------------------------------------------

MEETING = "sammantraden/2024-05-15-kommunstyrelsen/"


def matter_facts(site: BuiltSite, matter: str) -> list[Tag]:
    facts = one(site.article(MEETING), f"h2#{matter}").find_next_sibling("ul")
    assert isinstance(facts, Tag)
    return facts.select("li")


def test_two_amounts_in_one_matter_are_shown_one_per_line(built: BuiltSite) -> None:
    (shown,) = [li for li in matter_facts(built, "lrf-faro") if words(li).startswith("Belopp:")]
    assert words(shown) == "Belopp: högst 1 000 000 kr till LRF Fårö 2 000 000 kr"
    assert len(shown.select("br")) == 1, "one sum a line"
    assert "Belopp: 250 000 kr" in [words(li) for li in matter_facts(built, "en-summa")]


def test_two_amounts_in_the_data(built: BuiltSite) -> None:
    rows = {r["id"]: r for r in data(built, "data/arenden.json")}
    assert rows["lrf-faro"]["amount"] is None, "no one sum is the decision's"
    assert [a["amount"] for a in rows["lrf-faro"]["amounts"]] == [1000000, 2000000]
    assert rows["en-summa"]["amount"] == 250000 and rows["en-summa"]["amounts"] == [
        {"amount": 250000, "currency": "SEK"}]
    table = {r["Id"]: r for r in csv.DictReader(io.StringIO(read(built, "data/arenden.csv")), delimiter=";")}
    assert table["lrf-faro"]["Belopp enligt källan"] == "högst 1 000 000 kr till LRF Fårö ; 2 000 000 kr"
    assert table["lrf-faro"]["Belopp (kr)"] == "" and table["lrf-faro"]["Högsta belopp"] == ""
    assert table["en-summa"]["Belopp (kr)"] == "250000"


# -- 4. a schedule without a year and a usual end --------------------------------------------------------------------

BODY = "namnder/kommunstyrelsen/"


def test_a_schedule_as_given_and_a_usual_end_are_shown_as_the_source_gives_them(built: BuiltSite) -> None:
    schedule = one(built.article(BODY), ".schedule-as-given")
    assert words(one(built.article(BODY), "h2#sammantradesdagar")) == "Sammanträdesdagar enligt källan"
    assert words(schedule) == ("Sammanträdesdagar: 31 januari, 28 februari, 12 december "
                               "Sammanträder alltid på onsdagar klockan 9.30 - 17 om inte annat anges")
    assert len(schedule.select("br")) == 1
    assert "Sammanträdena pågår i regel kl. 09.30–17.00." in built.text(BODY)
    assert "Inga planerade sammanträden är publicerade just nu." in built.text(BODY), "no year: no planned meeting"


def test_a_schedule_as_given_is_never_a_meeting_in_the_data(built: BuiltSite) -> None:
    body = data(built, "oparl/organization/namnd-kommunstyrelsen.json")
    assert body["namndbeslut:scheduleAsGiven"][0] == "Sammanträdesdagar: 31 januari, 28 februari, 12 december"
    assert body["namndbeslut:usualTime"] == "Sammanträdena pågår i regel kl. 09.30–17.00."
    calendar = read(built, "kalender/kommunstyrelsen.ics")
    assert "januari" not in calendar and "DTSTART;VALUE=DATE:20250131" not in calendar


# -- 5. a contact's phone number -------------------------------------------------------------------------------------

def test_a_contacts_phone_number_is_shown_and_in_the_data(built: BuiltSite) -> None:
    shown = words(one(built.article(MEDEL), "ul.contacts li"))
    assert shown == "Anna Andersson, Beredskapssamordnare, anna.andersson@example.se, tel. 0498-26 90 00"
    (contact,) = record(built, "frg-medel")["contacts"]
    assert contact["phone"] == "0498-26 90 00"


def test_a_phone_number_that_looks_like_a_personnummer_stops_the_build_until_reviewed(tmp_path: Path) -> None:
    rel = "agreements/frg-medel.md"
    looks = {**TREE, rel: TREE[rel].replace('"0498-26 90 00"', '"811218-9876"')}
    write_tree(tmp_path / "looks", looks)
    found = [p for p in check.problems(tmp_path / "looks") if "personnummer" in p.message]
    assert [str(p.path) for p in found] == [rel]
    reviewed = {**looks, rel: looks[rel].replace("contacts:", 'reviewed_numbers: ["811218-9876"]\ncontacts:')}
    write_tree(tmp_path / "reviewed", reviewed)
    assert [p for p in check.problems(tmp_path / "reviewed") if "personnummer" in p.message] == []


def test_a_paragraph_without_a_date_needs_its_body(tmp_path: Path) -> None:
    rel = "agreements/frg-vastra-lansdelen.md"
    without_body = TREE[rel].replace(", body: kommunstyrelsen, action: föreslår", ", action: föreslår")
    write_tree(tmp_path, {**TREE, rel: without_body})
    found = [p.message for p in check.problems(tmp_path)]
    assert any("ett citerat beslut behöver ett datum eller ett organ" in m and "'§ 68'" in m for m in found), found
