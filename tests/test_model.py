"""The model, the loader and the cross-linking on small inputs, without a build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from namndbeslut import citations, dates, loader
from namndbeslut.errors import ContentError

COMMITTEE = "---\nname: Socialnämnden\n---\n"
PARTNER = "---\nname: Föreningen\norganisation_number: 845000-8175\n---\n"
AGREEMENT = """---
title: Överenskommelse
partner: foreningen
public_party: Socialförvaltningen i Lund
term: {start: 2021-01-01, end: 2023-12-31}
funding:
  - {year: 2021, amount: 1000}
---
Text.
"""
MEETING = """---
committee: socialnamnden
date: 2021-06-09
title: Beslut juni 2021
matters:
  - id: avtal-2021
    paragraphs: [12]
    adopts: [avtal]
---
Inledning.

## Nytt avtal {#avtal-2021}

Nämnden beslutade.
"""


def write_tree(root: Path, files: dict[str, str] | None = None) -> Path:
    defaults = {"committees/socialnamnden.md": COMMITTEE, "partners/foreningen.md": PARTNER,
                "agreements/avtal.md": AGREEMENT, "decisions/2021-06-09-socialnamnden.md": MEETING}
    for rel, text in {**defaults, **(files or {})}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        loader.load(root)
    return [str(p) for p in info.value.problems]


def test_loads_and_links(tmp_path: Path) -> None:
    archive = loader.load(write_tree(tmp_path))
    matter = archive.matters["avtal-2021"]
    assert matter.title == "Nytt avtal" and matter.body == "Nämnden beslutade."
    assert archive.adopting_matter["avtal"] is matter
    assert archive.matters_about_partner["foreningen"] == [matter]
    assert archive.cited(citations.parse("2021-06-09 § 12")) is matter
    assert archive.cited(citations.parse("2017-05-17 § 91")) is None


def test_unknown_reference_names_file_field_and_closest_id(tmp_path: Path) -> None:
    misspelt = AGREEMENT.replace("partner: foreningen", "partner: forenigen")
    found = problems(write_tree(tmp_path, {"agreements/avtal.md": misspelt}))
    assert found == [
        "agreements/avtal.md:3: partner: det finns ingen partner med id 'forenigen' (menade du 'foreningen'?)"]


def test_term_ending_before_start_is_refused(tmp_path: Path) -> None:
    text = AGREEMENT.replace("end: 2023-12-31", "end: 2020-12-31").replace("2021, amount", "2020, amount")
    found = problems(write_tree(tmp_path, {"agreements/avtal.md": text}))
    assert any("agreements/avtal.md:5: term.end: perioden slutar innan den börjar" in p for p in found), found


def test_matter_without_heading(tmp_path: Path) -> None:
    no_heading = MEETING.replace(" {#avtal-2021}", "")
    found = problems(write_tree(tmp_path, {"decisions/2021-06-09-socialnamnden.md": no_heading}))
    assert found == ["decisions/2021-06-09-socialnamnden.md:6: matters.0.id: ärendet 'avtal-2021' saknar rubrik "
                     "i texten; skriv '## Rubrik {#avtal-2021}'"]


def test_term_in_years_and_status() -> None:
    from namndbeslut.model import Term

    term = Term(start=2021, end=2023)
    assert (term.first_day, term.last_day) == (dt.date(2021, 1, 1), dt.date(2023, 12, 31))
    assert term.status_on(dt.date(2020, 12, 31)) is dates.Status.UPCOMING
    assert term.status_on(dt.date(2023, 12, 31)) is dates.Status.IN_FORCE
    assert term.status_on(dt.date(2024, 1, 1)) is dates.Status.ENDED


def test_build_date_from_environment() -> None:
    assert dates.build_date({"BUILD_DATE": "2022-06-01"}) == dt.date(2022, 6, 1)
    assert dates.build_date({"BUILD_DATE": ""}) == dt.datetime.now(dates.TIMEZONE).date()


@pytest.mark.parametrize("value", ["2022-02-30", "2026-13-01", "2026-12-07T10:00+01:00", "2026-12-07 ", " 2026-12-07",
                                   "20261207", "2026-W49-1", "2026-12-07Z", "igår", "２０２６-１２-０７"])
def test_build_date_is_a_plain_date_or_a_problem(value: str) -> None:
    with pytest.raises(ContentError) as err:
        dates.build_date({"BUILD_DATE": value})
    assert [str(p) for p in err.value.problems] == [
        f"BUILD_DATE: byggdatum: {value!r} är inget datum; skriv BUILD_DATE=ÅÅÅÅ-MM-DD, t.ex. BUILD_DATE=2026-12-07 "
        "(utan klockslag, tidszon eller mellanslag), eller sätt den inte alls för dagens datum"]


def test_citations() -> None:
    assert str(citations.parse("2017-08-23 §§ 154, 155")) == "2017-08-23 §§ 154, 155"
    assert citations.parse("2020-11-11 §167").paragraphs == (167,)
    found = citations.find("beslutade 2020-11-11 §167. Och 2017-05-17, § 91")
    assert [str(c) for _, c in found] == ["2020-11-11 § 167", "2017-05-17 § 91"]


def test_swedish_formats() -> None:
    assert dates.long_date(dt.date(2021, 6, 9)) == "9 juni 2021"
    assert dates.kronor(62500) == "62\u00a0500\u00a0kr"
    assert dates.add_months(dt.date(2021, 8, 31), 6) == dt.date(2022, 2, 28)
