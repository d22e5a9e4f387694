"""A matter decided under two paragraphs reads "§§ 167, 168" in every output: page, fact boxes, feed, OParl, CSV.

The seeds have no such matter, so this builds a copy of the project where one has two paragraphs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from namndbeslut import citations
from support.project import project_copy
from support.site import BuiltSite, build

MEETING = "decisions/2020-11-11-socialnamnden.md"
MATTER = "kvinnojouren-overenskommelse-2020"
LABEL = "§§ 167, 168"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = project_copy(tmp_path_factory.mktemp("project"))
    path = root / MEETING
    text = path.read_text(encoding="utf-8")
    old = ("  - id: iop-riktlinje-2020\n    kind: beslut\n    paragraphs: [167]\n"
           "  - id: kvinnojouren-overenskommelse-2020\n")
    assert old in text
    path.write_text(text.replace(old, "  - id: iop-riktlinje-2020\n    kind: beslut\n    paragraphs: [166]\n"
                                      f"  - id: {MATTER}\n    paragraphs: [167, 168]\n"), encoding="utf-8")
    dest = tmp_path_factory.mktemp("site")
    result = build(dest, "2022-06-01", root)
    assert result.returncode == 0, result.stderr
    return BuiltSite(dest)


def test_the_meeting_page_says_paragraphs(built: BuiltSite) -> None:
    section = built.article("sammantraden/2020-11-11-socialnamnden/").select_one(f"h2#{MATTER} ~ ul.matter-facts")
    assert section is not None
    assert f"Protokoll: {LABEL}" in section.get_text(" ", strip=True)


@pytest.mark.parametrize("url", ["overenskommelser/kvinnojouren-lund-2021-2023/", "tjansteskrivelser/so-2020-0155/"])
def test_fact_boxes_cite_both_paragraphs(built: BuiltSite, url: str) -> None:
    box = built.article(url).select_one("section.fact-box")
    assert box is not None
    assert f"Socialnämnden 11 november 2020, {LABEL}" in box.get_text(" ", strip=True)


def test_the_partner_feed_cites_both_paragraphs(built: BuiltSite) -> None:
    feed = (built.path / "partner-kvinnojouren-lund.xml").read_text(encoding="utf-8")
    assert f"Beslut: Socialnämnden 11 november 2020, {LABEL}." in feed


def test_oparl_numbers_the_agenda_item(built: BuiltSite) -> None:
    item = json.loads((built.path / "oparl" / "agenda-item" / f"{MATTER}.json").read_text(encoding="utf-8"))
    assert item["number"] == LABEL


def test_the_agreements_csv_and_json_cite_both_paragraphs(built: BuiltSite) -> None:
    raw = (built.path / "data" / "overenskommelser.csv").read_bytes().decode("utf-8-sig")
    rows = {r["Id"]: r for r in csv.DictReader(io.StringIO(raw, newline=""), delimiter=";")}
    assert rows["kvinnojouren-lund-2021-2023"]["Beslut"] == f"2020-11-11 {LABEL}"
    record = json.loads((built.path / "data" / "overenskommelser" / "kvinnojouren-lund-2021-2023.json")
                        .read_text(encoding="utf-8"))
    assert record["decisions"][0]["paragraphs"] == [167, 168]


def test_no_output_says_one_sign_for_two_paragraphs(built: BuiltSite) -> None:
    wrong = re.compile(r"(?<!§)§\s167, 168")
    texts = [p for p in built.path.rglob("*") if p.suffix in {".html", ".xml", ".json", ".csv", ".ics"}]
    assert len(texts) > 50
    found = [str(p.relative_to(built.path)) for p in texts if wrong.search(p.read_text(encoding="utf-8-sig"))]
    assert found == []
    assert any(LABEL in p.read_text(encoding="utf-8-sig") for p in texts if p.suffix == ".html")



def test_the_decision_label_says_each_part_once() -> None:
    """Pages and feeds name a decision by body, date in words and paragraphs; data keeps the protocol's form."""
    day = dt.date(2017, 8, 23)
    assert citations.decision_label(day, (154, 155), "Socialnämnden") == "Socialnämnden 23 augusti 2017, §§ 154, 155"
    assert citations.decision_label(day, (91,)) == "23 augusti 2017, § 91"
    assert citations.decision_label(day, (), "Socialnämnden") == "Socialnämnden 23 augusti 2017"
    assert str(citations.Citation(day, (154, 155))) == "2017-08-23 §§ 154, 155"
