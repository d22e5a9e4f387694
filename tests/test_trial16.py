"""The sixteenth trial's findings (Motala, Enköping; Kungälv): what the built site said wrongly of records entered
with only the guide. Builds tests/cases/trial16.yaml with the real engine and reads the pages, lists, feeds, data and
OParl: a meeting known from a mention of a referral back; undated meetings in lists and feeds; a matter's partners
and agreements in the open data; a decision "Igår" beside the meeting's unstated time; the new-meeting scaffold's
title; a body whose source names only its chair."""

from __future__ import annotations

import pytest
import yaml
from support.project import CASES_DIR
from support.site import BuiltSite, built_tree

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "trial16.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2026-12-07"
NO_DECISIONS = "Inga beslutsärenden redovisas"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "trial16", TREE, BUILD_DATE)


# -- 1. a mention, and a referral back, are never "no decisions" ----------------------------------------------------


def test_a_mention_of_a_referral_back_never_says_no_decisions_were_reported(built: BuiltSite) -> None:
    page = built.text("sammantraden/2019-05-23-upplevelsenamnden/")
    assert "känt från ett omnämnande" in page and "Återremitterat" in page
    assert NO_DECISIONS not in page
    assert NO_DECISIONS not in built.text("sammantraden/2019/upplevelsenamnden/")


def test_a_referral_back_is_a_decision_the_meeting_took(built: BuiltSite) -> None:
    page = built.text("sammantraden/2019-06-13-upplevelsenamnden/")
    assert "Ärendetyp: Återremitterat (inget beslut ännu)" in page and NO_DECISIONS not in page
