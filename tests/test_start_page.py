"""The start page never looks abandoned: the newest meetings with their lead sentence, the newest agreements
whatever their status, and an explanation when none is in force on the build date."""

from __future__ import annotations

from collections.abc import Callable

from support.site import BuiltSite, one

LEAD_0609 = "En överenskommelse med föreningen Vänskapens hus är ett av de ärenden som togs upp på socialnämnden"
"""The first sentence of the newest seed meeting's introduction (decisions/2021-06-09-socialnamnden.md)."""


def test_meetings_come_with_their_lead_sentence(site_at: Callable[[str], BuiltSite]) -> None:
    home = site_at("2030-01-01").article("")
    meetings = home.select("section.latest-meetings article")
    assert len(meetings) == 3, meetings
    first = meetings[0]
    assert one(first, "h3 a").get_text(strip=True) == "Socialnämnden – aktuella beslut juni 2021"
    assert one(first, "time").get("datetime") == "2021-06-09"
    assert one(first, "p.lead").get_text(" ", strip=True).startswith(LEAD_0609)


def test_a_start_page_long_after_the_last_agreement_explains_itself(site_at: Callable[[str], BuiltSite]) -> None:
    site = site_at("2030-01-01")
    text = site.text("")
    assert "Ingen av de publicerade överenskommelserna gäller 1 januari 2030" in text
    rows = site.article("").select("section.latest-agreements tbody tr")
    assert len(rows) == 4 and all("Har upphört" in r.get_text() for r in rows), rows
    assert rows[0].get_text(" ", strip=True).startswith(
        "Överenskommelse om idéburet offentligt partnerskap med Vänskapens hus 2021–2023"), "newest first"


def test_agreements_in_force_need_no_explanation(site: BuiltSite) -> None:
    assert "Ingen av de publicerade överenskommelserna gäller" not in site.text("")
    statuses = [s.get_text(strip=True) for s in site.article("").select("section.latest-agreements .status")]
    assert "Gäller" in statuses and "Har upphört" in statuses, statuses
