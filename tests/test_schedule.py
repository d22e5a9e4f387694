"""Planned meetings, built for real from a small content tree in a temporary folder.

The seeds hold no meeting schedule, so the real content has no planned meeting; this test gives a
committee a schedule, builds the site, then adds the summary of one planned meeting (and touches
nothing else) and builds again.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import icalendar
import pytest
from namndbeslut import loader
from namndbeslut.errors import ContentError
from support.oparl import oparl_objects, validator
from support.project import ROOT
from support.site import SITE_URL, BuiltSite, build, string

COMMITTEE = """---
name: Socialnämnden
planned_meetings:
  - date: 2024-02-14
    start: "13:00"
    end: "16:00"
    place: Stadshuset, Lund
  - date: 2024-03-13
---
"""

HELD = """---
committee: socialnamnden
date: {date}
title: Socialnämnden – aktuella beslut {month}
matters:
  - id: arende-{date}
---
Sammanfattning av sammanträdet.

## Ett ärende {{#arende-{date}}}

Nämnden beslutade.
"""


def tree(tmp: Path) -> Path:
    """A copy of the project's code and settings with a small content tree of its own."""
    root = tmp / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("hooks", "site_src", "content"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for folder in loader.FOLDERS:
        (root / folder).mkdir()
    (root / "committees" / "socialnamnden.md").write_text(COMMITTEE, encoding="utf-8")
    (root / "decisions" / "2024-01-17-socialnamnden.md").write_text(
        HELD.format(date="2024-01-17", month="januari 2024"), encoding="utf-8")
    return root


def built(root: Path, dest: Path, build_date: str) -> BuiltSite:
    result = build(dest, build_date, root=root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return BuiltSite(dest)


def events(site: BuiltSite) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical((site.path / "kalender/socialnamnden.ics").read_bytes())
    return {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT") if isinstance(e, icalendar.Event)}


def upcoming(site: BuiltSite) -> list[list[str]]:
    return [[td.get_text(" ", strip=True) for td in tr.select("td")]
            for tr in site.article("sammantraden/kommande/").select("tbody tr")]


def test_planned_meeting_is_announced_then_becomes_a_meeting_page(tmp_path: Path) -> None:
    root = tree(tmp_path)

    before = built(root, tmp_path / "before", "2024-02-01")
    assert upcoming(before) == [["14 februari 2024", "13.00–16.00", "Socialnämnden", "Stadshuset, Lund"],
                                ["13 mars 2024", "ej angiven", "Socialnämnden", "ej angiven"]]
    planned = events(before)
    assert set(planned) == {"2024-01-17-socialnamnden", "2024-02-14-socialnamnden", "2024-03-13-socialnamnden"}
    feb = planned["2024-02-14-socialnamnden"]
    assert feb.decoded("dtstart").isoformat() == "2024-02-14T13:00:00+01:00"
    assert feb["dtstart"].params["TZID"] == "Europe/Stockholm"
    cal = icalendar.Calendar.from_ical((before.path / "kalender/socialnamnden.ics").read_bytes())
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Stockholm"], "the TZID is defined"
    assert str(feb["location"]) == "Stadshuset, Lund"
    assert str(feb["url"]) == SITE_URL + "sammantraden/kommande/"
    assert planned["2024-03-13-socialnamnden"].decoded("dtstart").isoformat() == "2024-03-13"
    meeting = json.loads((before.path / "oparl/meeting/2024-02-14-socialnamnden.json").read_text(encoding="utf-8"))
    assert meeting["meetingState"] == "planerat" and meeting["start"] == "2024-02-14T13:00:00+01:00"
    for obj in oparl_objects(meeting):
        assert not list(validator(obj["type"].rsplit("/", 1)[1]).iter_errors(obj))
    assert "sammantraden/kommande/" in before.links("sammantraden/2024-01-17-socialnamnden/")

    # The meeting is held: the editor adds its summary, and changes nothing else.
    (root / "decisions" / "2024-02-14-socialnamnden.md").write_text(
        HELD.format(date="2024-02-14", month="februari 2024"), encoding="utf-8")
    after = built(root, tmp_path / "after", "2024-02-20")
    assert upcoming(after) == [["13 mars 2024", "ej angiven", "Socialnämnden", "ej angiven"]]
    assert "Ett ärende" in after.text("sammantraden/2024-02-14-socialnamnden/")
    held = events(after)["2024-02-14-socialnamnden"]
    assert str(held["url"]) == SITE_URL + "sammantraden/2024-02-14-socialnamnden/"
    assert held.decoded("dtstart").isoformat() == "2024-02-14T13:00:00+01:00", "the plan's time is kept"
    meeting = json.loads((after.path / "oparl/meeting/2024-02-14-socialnamnden.json").read_text(encoding="utf-8"))
    assert meeting["meetingState"] == "genomfört" and meeting["agendaItem"][0]["name"] == "Ett ärende"
    (script,) = after.soup("sammantraden/2024-02-14-socialnamnden/").select('script[type="application/ld+json"]')
    data = json.loads(string(script))
    assert data["startDate"] == "2024-02-14T13:00:00+01:00" and data["location"]["name"] == "Stadshuset, Lund"


@pytest.mark.parametrize(("lines", "where", "message"), [
    ("    start: 13:00", ":5: planned_meetings.0.start", 'skriv klockslaget inom citattecken, t.ex. "13:00"'),
    ('    start: "kl 1"', ":5: planned_meetings.0.start", "'kl 1' är inget klockslag"),
    ('    start: "16:00"\n    end: "13:00"', ":6: planned_meetings.0.end", "sammanträdet slutar innan det börjar"),
    ("  - date: 2024-02-14", ":3: planned_meetings", "samma datum står flera gånger: 2024-02-14"),
])
def test_bad_schedule_names_file_line_and_field(tmp_path: Path, lines: str, where: str, message: str) -> None:
    (tmp_path / "committees").mkdir()
    (tmp_path / "committees" / "socialnamnden.md").write_text(
        f"---\nname: Socialnämnden\nplanned_meetings:\n  - date: 2024-02-14\n{lines}\n---\n", encoding="utf-8")
    with pytest.raises(ContentError) as err:
        loader.load(tmp_path)
    assert f"committees/socialnamnden.md{where}: {message}" in str(err.value)
