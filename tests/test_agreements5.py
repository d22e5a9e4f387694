"""Agreements as new editors entering Falun's, Södertälje's and Eskilstuna's pages found them.

Builds tests/cases/agreements5.yaml with the real engine and reads the pages and the JSON: a drafted agreement is
never in force from its term alone, joining a collaboration is a step like an adoption, a decision whose action the
source does not state changes nothing, a predecessor in the source's words, the agreement's sum labelled as the
site's own arithmetic, a body's agreements never said to be its responsibility, and a rent the partner pays.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import loader
from namndbeslut.errors import ContentError
from support.project import CASES_DIR, write_tree
from support.site import BuiltSite, built_tree, data

TREE = yaml.safe_load((CASES_DIR / "agreements5.yaml").read_text(encoding="utf-8"))
RENT = "overenskommelser/hyresavtal/"
LIBRARY = "overenskommelser/bibliotekssamverkan/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "agreements5", TREE, "2028-06-01")


def record(site: BuiltSite, agreement: str) -> dict[str, Any]:
    found: dict[str, Any] = data(site, f"data/overenskommelser/{agreement}.json")
    return found


def test_a_drafted_agreement_is_never_in_force_from_its_term(built: BuiltSite) -> None:
    assert built.facts(RENT)["Status"] == "Utkast, beslut om att ingå anges inte"
    assert record(built, "hyresavtal")["status"]["value"] == "Utkast, beslut om att ingå anges inte"
    assert record(built, "hyresavtal")["stage"] == "utkast"
    assert "är utkast (beslut om att ingå anges inte)" in built.text("overenskommelser/")


def test_joining_is_a_step_that_counts_as_an_adoption(built: BuiltSite) -> None:
    text = built.text(LIBRARY)
    assert "Anslutning: Kommunstyrelsen" in text
    steps = record(built, "bibliotekssamverkan")["steps"]
    assert [s["action"] for s in steps] == ["ansluter sig", "anges inte"]
    assert record(built, "bibliotekssamverkan")["status"]["value"] == "Har upphört"


def test_a_decision_whose_action_is_not_stated_is_shown_so_and_changes_nothing(built: BuiltSite) -> None:
    assert "Beslut (vad som beslutades anges inte): Kommunstyrelsen, datum anges inte" in built.text(LIBRARY)
    tree = {**TREE, "agreements/bibliotekssamverkan.md": TREE["agreements/bibliotekssamverkan.md"].replace(
        '  - {decision: "2024-03-04 § 40", body: kommunstyrelsen, action: ansluter sig}\n', "")}
    assert "ansluter sig" not in tree["agreements/bibliotekssamverkan.md"]
    site = built_tree_at(tree, "2025-06-01")
    assert site["status"] == "Gäller"


def built_tree_at(tree: dict[str, str], day: str) -> dict[str, Any]:
    """The library agreement's status on `day`, from the loaded records."""
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        write_tree(Path(folder), tree)
        archive = loader.load(Path(folder), dt.date.fromisoformat(day))
        return {"status": archive.status_of(archive.agreements["bibliotekssamverkan"],
                                            dt.date.fromisoformat(day)).value}


def test_an_unstated_action_needs_a_body_or_a_date(tmp_path: Path) -> None:
    tree = {**TREE, "agreements/bibliotekssamverkan.md": TREE["agreements/bibliotekssamverkan.md"].replace(
        "{decision: anges inte, body: kommunstyrelsen, action: anges inte}",
        "{decision: anges inte, action: anges inte}")}
    write_tree(tmp_path, tree)
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2025, 6, 1))
    assert any("ett citerat beslut behöver ett datum eller ett organ" in p.message for p in caught.value.problems)


def test_a_predecessor_in_the_sources_words(built: BuiltSite) -> None:
    assert built.facts(RENT)["Föregicks av"] == "Föregicks av (enligt källan): avtal sedan 2012"
    assert record(built, "hyresavtal")["preceded_as_given"] == "avtal sedan 2012"


def test_the_sum_is_labelled_as_the_sites_own_arithmetic(built: BuiltSite) -> None:
    assert "Summa av beloppen ovan (uträknad här): 6 800 000 kr" in built.facts(LIBRARY)["Finansiering"]
    assert "Summa angivna belopp" not in built.text(LIBRARY)


def test_a_body_is_never_said_to_be_responsible_for_its_agreements(built: BuiltSite) -> None:
    text = built.text("namnder/kommunstyrelsen/")
    assert "Överenskommelser där Kommunstyrelsen anges" in text and "ansvarar för" not in text


def test_a_rent_the_partner_pays_the_municipality(built: BuiltSite) -> None:
    funding = built.facts(RENT)["Finansiering"]
    assert "13 750 000 kr per år till Falu kommun (åren anges inte), betalas av Region Dalarna" in funding
    assert record(built, "hyresavtal")["funding"][0]["funder"] == "Region Dalarna"
    assert record(built, "hyresavtal")["kind"]["label"] == "Avtal"


def test_a_year_in_the_name_of_an_agreement_without_a_term_is_a_year_it_states(tmp_path: Path) -> None:
    tree = {**TREE, "agreements/hyresavtal-2019.md": TREE["agreements/hyresavtal.md"].replace(
        "term: {start: 2027, end: 2036}", "term: anges inte")}
    del tree["agreements/hyresavtal.md"]
    write_tree(tmp_path, tree)
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2025, 6, 1))
    assert [(p.path.as_posix(), p.field, p.message) for p in caught.value.problems] == [
        ("agreements/hyresavtal-2019.md", "term",
         "filnamnet anger 2019, men källan anger ingen period ('term: anges inte') och inget datum, ingen underskrift "
         "och inget beslut i överenskommelsen är från 2019; byt namn på filen till hyresavtal.md, eller skriv "
         "perioden under 'term'")]


def test_a_year_in_the_name_may_be_the_agreements_date_or_a_decisions(tmp_path: Path) -> None:
    tree = {**TREE, "agreements/hyresavtal-2019.md": TREE["agreements/hyresavtal.md"].replace(
        "term: {start: 2027, end: 2036}", "term: anges inte\ndate: 2019-05")}
    del tree["agreements/hyresavtal.md"]
    write_tree(tmp_path, tree)
    archive = loader.load(tmp_path, dt.date(2025, 6, 1))
    assert archive.agreements["hyresavtal-2019"].date is not None


def test_oparl_carries_the_stage_the_predecessor_in_words_and_the_cited_actions(built: BuiltSite) -> None:
    rent = data(built, "oparl/paper/overenskommelse-hyresavtal.json")
    assert (rent["namndbeslut:stage"], rent["namndbeslut:precededAsGiven"]) == ("utkast", "avtal sedan 2012")
    library = data(built, "oparl/paper/overenskommelse-bibliotekssamverkan.json")
    assert [s["action"] for s in library["namndbeslut:citedSteps"]] == ["ansluter sig", "anges inte"]


MEETING = """---
committee: kommunstyrelsen
date: 2024-03-04
title: Kommunstyrelsen 4 mars 2024
matters:
  - id: bibliotek-2024
    kind: beslut
    paragraphs: [40]
    steps:
      - {agreement: bibliotekssamverkan, action: STEP}
---
## Bibliotekssamverkan Dalarna {#bibliotek-2024}

Kommunstyrelsen beslutar att gå in i bibliotekssamverkan Dalarna.
"""


def test_joining_on_a_published_matter_and_no_unstated_action_there(tmp_path: Path) -> None:
    cited = '  - {decision: "2024-03-04 § 40", body: kommunstyrelsen, action: ansluter sig}\n'
    tree = {**TREE, "agreements/bibliotekssamverkan.md": TREE["agreements/bibliotekssamverkan.md"].replace(cited, ""),
            "decisions/2024-03-04-kommunstyrelsen.md": MEETING.replace("STEP", "ansluter sig")}
    write_tree(tmp_path / "joined", tree)
    archive = loader.load(tmp_path / "joined", dt.date(2025, 6, 1))
    library = archive.agreements["bibliotekssamverkan"]
    assert archive.status_of(library, dt.date(2025, 6, 1)).value == "Gäller"
    step = archive.adopting_step(library)
    assert step is not None and step.action.label == "Ansluter sig till" and step.outcome == "Anslutning"
    write_tree(tmp_path / "unstated", {**tree, "decisions/2024-03-04-kommunstyrelsen.md": MEETING.replace(
        "STEP", "anges inte")})
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path / "unstated", dt.date(2025, 6, 1))
    assert any(p.field.endswith("action") and "hör till ett citerat beslut" in p.message
               for p in caught.value.problems)


def test_an_unstated_decision_never_ends_a_draft_and_an_adoption_does(tmp_path: Path) -> None:
    rent = TREE["agreements/hyresavtal.md"]
    unstated = rent.replace("stage: utkast\n", "stage: utkast\ncited_steps:\n"
                            "  - {decision: anges inte, body: kommunstyrelsen, action: anges inte}\n")
    adopted = rent.replace("stage: utkast\n", "stage: utkast\nadopted_by: \"2026-11-10 § 200\"\n")
    statuses = []
    for name, text in (("unstated", unstated), ("adopted", adopted)):
        write_tree(tmp_path / name, {**TREE, "agreements/hyresavtal.md": text})
        archive = loader.load(tmp_path / name, dt.date(2028, 6, 1))
        statuses.append(archive.status_of(archive.agreements["hyresavtal"], dt.date(2028, 6, 1)).value)
    assert statuses == ["Utkast, beslut om att ingå anges inte", "Gäller"]
