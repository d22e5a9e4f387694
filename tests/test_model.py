"""The model, the loader and the cross-linking on small inputs, without a build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from namndbeslut import citations, dates, loader
from namndbeslut.errors import ContentError
from namndbeslut.model import Meeting, Signatory

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
                     "i texten; skriv '## Rubrik {#avtal-2021}' (eller '## anges inte {#avtal-2021}' om källan inte "
                     "ger ärendet någon rubrik)"]


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


# -- records that make no sense, refused where they enter (issue 24) ------------------------------------------


def test_text_values_are_nfc_at_any_depth_and_one_line_values_keep_yaml_line_ends(tmp_path: Path) -> None:
    decomposed = AGREEMENT.replace("title: Överenskommelse", 'title: "O\\u0308verenskommelse"').replace(
        "funding:", 'contacts:\n  - {name: "Bjo\\u0308rn", role: ">\\n"}\nsource: >\n  Ur protokollet.\nfunding:')
    archive = loader.load(write_tree(tmp_path, {"agreements/avtal.md": decomposed}))
    agreement = archive.agreements["avtal"]
    assert (agreement.title, agreement.contacts[0].name) == ("Överenskommelse", "Björn")
    assert agreement.source == "Ur protokollet."  # a folded value's final line end is YAML's, not the editor's


@pytest.mark.parametrize(("value", "refused"), [
    ('"Social\\tnämnden"', None),  # a tab is text, also on one line
    ('"Social\\nnämnden"', "radbrytning (U+000A)"),
    ('"Social\\Pnämnden"', "radbrytning (U+2029)"),
    ('"Social\\x7fnämnden"', "U+007F"),
    ('"Social\\u2066nämnden"', "U+2066 (ett styrtecken för skrivriktning"),
])
def test_a_one_line_value_refuses_control_characters(value: str, refused: str | None, tmp_path: Path) -> None:
    root = write_tree(tmp_path, {"committees/socialnamnden.md": f"---\nname: {value}\n---\n"})
    if refused is None:
        assert loader.load(root).committees["socialnamnden"].name == "Social\tnämnden"
        return
    found = problems(root)
    assert len(found) == 1 and found[0].startswith("committees/socialnamnden.md:2: name: ") and refused in found[0]


def test_an_id_has_at_most_80_characters(tmp_path: Path) -> None:
    ok, long = "a" * 80, "a" * 81
    text = MEETING.replace("avtal-2021", ok)
    assert ok in loader.load(write_tree(tmp_path, {"decisions/2021-06-09-socialnamnden.md": text})).matters
    found = problems(write_tree(tmp_path, {"decisions/2021-06-09-socialnamnden.md": text.replace(ok, long)}))
    assert found == ["decisions/2021-06-09-socialnamnden.md:6: matters.0.id: id:t har 81 tecken; högst 80 tillåts, "
                     "eftersom det blir en del av sidornas adresser och filnamn – välj ett kortare id (för en fil: "
                     "byt namn på filen)"]


def test_a_meeting_may_be_dated_two_years_after_the_build_date_and_no_later(tmp_path: Path) -> None:
    today = dt.date(2019, 6, 9)
    root = write_tree(tmp_path)
    assert [n.field for n in loader.load(root, today).withheld] == ["date"]  # 2021-06-09: withheld, not refused
    found = [str(p) for p in _load_problems(root, today - dt.timedelta(days=1))]
    assert found == ["decisions/2021-06-09-socialnamnden.md:3: date: sammanträdet är daterat 2021-06-09, mer än 2 år "
                     "efter byggdatumet 2019-06-08; det är troligen ett skrivfel – kontrollera årtalet"]


def test_a_planned_meeting_may_be_dated_two_years_after_the_build_date_and_no_later(tmp_path: Path) -> None:
    plans = COMMITTEE.replace("---\n", "---\nplanned_meetings:\n  - date: 2023-06-09\n  - date: 2023-06-10\n", 1)
    found = [str(p) for p in _load_problems(write_tree(tmp_path, {"committees/socialnamnden.md": plans}),
                                            dt.date(2021, 6, 9))]
    assert found == ["committees/socialnamnden.md:4: planned_meetings.1.date: sammanträdet är daterat 2023-06-10, "
                     "mer än 2 år efter byggdatumet 2021-06-09; det är troligen ett skrivfel – kontrollera årtalet"]


def _load_problems(root: Path, today: dt.date) -> list[object]:
    with pytest.raises(ContentError) as info:
        loader.load(root, today)
    return list(info.value.problems)


@pytest.mark.parametrize(("adopted_by", "agrees"), [
    ("2021-06-09", True), ("2021-06-09 § 12", True), ("2021-06-09 §§ 12, 13", False), ("2021-06-10 § 12", False),
])
def test_adopted_by_names_the_decision_of_the_adopting_matter(adopted_by: str, agrees: bool, tmp_path: Path) -> None:
    text = AGREEMENT.replace("funding:", f"adopted_by: {adopted_by}\nfunding:")
    root = write_tree(tmp_path, {"agreements/avtal.md": text})
    if agrees:
        assert loader.load(root).agreements["avtal"].adopted_by == citations.parse(adopted_by)
        return
    assert problems(root) == [
        f"agreements/avtal.md:6: adopted_by: 'adopted_by' pekar på ett annat beslut än ärendet 'avtal-2021' i "
        f"decisions/2021-06-09-socialnamnden.md, som antar överenskommelsen ('{adopted_by}' mot 2021-06-09 § 12); "
        "rätta den ena så att de stämmer, eller ta bort 'adopted_by'"]


def test_a_body_history_is_a_line(tmp_path: Path) -> None:
    after = "---\nname: Omsorgsnämnden\ncontinues: socialnamnden\n---\n"
    line = loader.load(write_tree(tmp_path, {"committees/omsorgsnamnden.md": after}))
    assert line.continued_as(line.committees["socialnamnden"]) is line.committees["omsorgsnamnden"]
    fork = problems(write_tree(tmp_path, {"committees/valfardsnamnden.md": after.replace("Omsorgs", "Välfärds")}))
    assert fork == ["committees/valfardsnamnden.md:3: continues: 'socialnamnden' fortsätts redan av "
                    "committees/omsorgsnamnden.md; ett organs arbete fortsätts av ett enda organ – rätta 'continues' "
                    "i den ena filen (slogs organen ihop, skriv 'continues' bara i det nya, med alla de tidigare "
                    "organen)"]


def test_an_interpellation_is_no_decision() -> None:
    """A council's answered and debated interpellation ("Flera av ledamöterna deltog i diskussionen") has a kind of
    its own: the matter is no decision, and a meeting of interpellations alone is not said to have decided anything
    (an election is a decision)."""
    def meeting(*kinds: str) -> Meeting:
        return Meeting.model_validate({"committee": "kommunfullmaktige", "date": "2024-02-24", "title": "anges inte",
                                       "matters": [{"id": f"m{i}", "title": "Interpellation", "kind": k}
                                                   for i, k in enumerate(kinds)]})
    only = meeting("interpellation")
    assert only.matters[0].kind_label == "Interpellation (inget beslut)"
    assert not only.decided_anything
    assert meeting("interpellation", "val").decided_anything


def test_a_signer_named_only_by_role() -> None:
    """"Skrev tillsammans med kommunstyrelsens ordförande under" (no name): the role alone, the name said to be
    unstated, never 'anges inte' shown as if it were a person's name; an empty name is a mistake."""
    signer = Signatory.model_validate({"name": "anges inte", "role": "kommunstyrelsens ordförande"})
    assert signer.name is None and signer.label == "namn anges inte, kommunstyrelsens ordförande"
    for bad in ({"name": None, "role": "ordförande"}, {"name": "anges inte"}):
        with pytest.raises(ValueError):
            Signatory.model_validate(bad)
