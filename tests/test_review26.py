"""The last review of issue 26: a step's wording composed once, every link to an agreement named by the one label,
and parties described said only as they are.

Builds tests/cases/review26.yaml with the real engine and reads the meeting, agreement and report pages a reader gets.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
import yaml
from support.project import CASES_DIR, ROOT
from support.site import BuiltSite, attr, built_tree, resolve, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "review26.yaml").read_text(encoding="utf-8"))
MEETING = "sammantraden/2024-03-13-socialnamnden/"
OLD = "overenskommelser/lokaler-2022-2023/"
NEW = "overenskommelser/lokaler-2024-2025/"
KAFE = "overenskommelser/kafe-2024-2026/"
REPORT = "tjansteskrivelser/so-2024-0010/"
OLD_LABEL = "Överenskommelse om lokaler – Föreningen Gemenskap (2022–2023)"
NEW_LABEL = "Överenskommelse om lokaler – Föreningen Gemenskap (2024–2025)"
KAFE_LABEL = "Överenskommelse om kafé – Föreningen Gemenskap (2024–2026)"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "review26", TREE, "2024-06-01")


def meeting_facts(site: BuiltSite) -> list[str]:
    return [words(li) for li in site.article(MEETING).select(".matter-facts li")]


def link_names(site: BuiltSite, url: str) -> dict[str, set[str]]:
    """The article's links to agreements, each name with the pages it leads to."""
    found: dict[str, set[str]] = defaultdict(set)
    for a in site.article(url).select("a[href]"):
        target = resolve(url, attr(a, "href"))
        if target.startswith("overenskommelser/"):
            found[words(a)].add(target)
    return found


# -- 1. a step's wording, composed once ------------------------------------------------------------------------------

def test_a_meeting_page_says_a_step_with_its_detail_and_condition_after_the_agreement(built: BuiltSite) -> None:
    facts = meeting_facts(built)
    assert f"Förlänger: {NEW_LABEL} (till 31 december 2026), under förutsättning att lokalen finns kvar" in facts
    assert f"Föreslår: {KAFE_LABEL} (till kommunstyrelsen), under förutsättning att budgeten medger det" in facts


def test_the_agreement_page_says_the_same_step_as_its_outcome(built: BuiltSite) -> None:
    assert built.steps(NEW) == ["Förlängd till 31 december 2026, under förutsättning att lokalen finns kvar: "
                                "Socialnämnden 13 mars 2024, § 12: Överenskommelsen om lokaler förlängs"]
    assert built.steps(KAFE) == ["Förslag till kommunstyrelsen, under förutsättning att budgeten medger det: "
                                 "Socialnämnden 13 mars 2024, § 13: Överenskommelse om kafé föreslås"]


def test_no_template_composes_a_steps_words() -> None:
    """The step's condition and detail are joined by AgreementStep (after_agreement, outcome), never by a page."""
    templates = ROOT / "hooks" / "namndbeslut" / "templates"
    composing = [t.name for t in templates.glob("*.j2")
                 if any(f"s.{name}" in t.read_text(encoding="utf-8") for name in ("condition", "detail"))]
    assert composing == []


# -- 2. every link to an agreement names it by its label ------------------------------------------------------------

def test_a_meeting_page_names_each_agreement_by_its_label(built: BuiltSite) -> None:
    """Two agreements of one title, one extended and one followed up: their periods tell the links apart."""
    assert f"Gäller: {OLD_LABEL}" in meeting_facts(built)
    assert link_names(built, MEETING) == {NEW_LABEL: {NEW}, KAFE_LABEL: {KAFE}, OLD_LABEL: {OLD}}


def test_the_agreement_and_report_pages_name_linked_agreements_by_their_labels(built: BuiltSite) -> None:
    assert built.facts(NEW)["Föregående överenskommelse"] == OLD_LABEL
    assert built.facts(OLD)["Efterföljande överenskommelse"] == NEW_LABEL
    assert built.facts(KAFE)["Föregicks av"] == NEW_LABEL
    assert built.facts(NEW)["Följdes av"] == KAFE_LABEL
    assert f"Jämförelsen gäller {OLD_LABEL}" in built.text(NEW)
    assert built.facts(REPORT)["Överenskommelse"] == NEW_LABEL
    for page in (NEW, OLD, KAFE, REPORT):
        assert all(len(targets) == 1 for targets in link_names(built, page).values()), page


# -- 3. parties described, said only as they are ---------------------------------------------------------------------

def test_parties_only_described_are_the_sources_words_claiming_nothing_of_them(built: BuiltSite) -> None:
    """The description names organisations: the page does not say that none are named."""
    assert built.facts("overenskommelser/ramavtal-2024-2025/")["Motparter"] == (
        "Röda Korset, Rädda Barnen och andra föreningar i kommunen (enligt källan)")


def test_a_named_partner_beside_parties_described(built: BuiltSite) -> None:
    facts = built.facts("overenskommelser/natverk-2024-2025/")
    assert facts["Motparter"] == "Föreningen Gemenskap och andra parter: de övriga parterna i nätverket"
    assert "inga enskilda" not in built.text("overenskommelser/natverk-2024-2025/")
