"""A meeting whose source names no body (`committee: anges inte`), recorded as the source gives it (issue 26).

Builds tests/cases/no-body.yaml with the real engine (a news item "Nyköpings kommun har beslutat …" with a sum; a
protocol transcript with a blank 'Organ' and no date, adopting an agreement; a dated meeting of a named body) and
reads what a reader and a client get: the meeting pages, the lists, the start page, the feed, the calendar, JSON,
CSV and OParl (validated against its schema). No body is ever made up. Then the refusals.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import scaffold, search
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, attr, built_tree, csv_by, data, read, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "no-body.yaml").read_text(encoding="utf-8"))
NEWS_ID = "2025-03-03-organ-anges-inte"
PROTOCOL_ID = "datum-anges-inte-organ-anges-inte-protokollsutskrift"
NEWS = f"sammantraden/{NEWS_ID}/"
PROTOCOL = f"sammantraden/{PROTOCOL_ID}/"
NEWS_FILE = f"decisions/{NEWS_ID}.md"
AGREEMENT = "overenskommelser/skyddsrum-civilforsvaret/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "no-body", TREE, "2025-06-01")


def h1(site: BuiltSite, url: str) -> str:
    heading = site.article(url).select_one("h1")
    assert heading is not None
    return words(heading)


# -- the meeting page --------------------------------------------------------------------------------------------

def test_the_meeting_page_says_the_body_is_not_stated_in_the_sources_words(built: BuiltSite) -> None:
    assert h1(built, NEWS) == "Sammanträde, organ anges inte, 3 mars 2025"
    said = built.article(NEWS).select_one("p.body-unstated")
    assert said is not None and words(said) == "Organ: anges inte (enligt källan: Nyköpings kommun)"
    assert h1(built, PROTOCOL) == "Sammanträde, organ anges inte, datum anges inte"
    said = built.article(PROTOCOL).select_one("p.body-unstated")
    assert said is not None and words(said) == "Organ: anges inte"


def test_the_meeting_page_links_to_no_body(built: BuiltSite) -> None:
    links = built.links(NEWS)
    assert not any(link.startswith("namnder/") for link in links)
    assert not any(link.startswith("kalender/") for link in links)
    assert "Om " not in " ".join(words(h) for h in built.article(NEWS).select("h2"))


def test_the_breadcrumbs_go_through_the_meetings_overview(built: BuiltSite) -> None:
    trail = built.breadcrumbs(NEWS)
    assert [name for name, _ in trail] == ["Startsida", "Sammanträden och beslut",
                                           "Sammanträde, organ anges inte, 3 mars 2025"]
    assert not any(href and "namnder" in href for _, href in trail)


def test_a_body_page_and_the_bodies_list_hold_no_made_up_body(built: BuiltSite) -> None:
    bodies = sorted(p.name for p in (built.path / "namnder").iterdir() if p.is_dir())
    assert bodies == ["kommunstyrelsen"]
    assert "organ anges inte" not in built.text("namnder/").casefold()
    assert "Skyddsrum" not in built.text("namnder/kommunstyrelsen/")


# -- lists, feed, calendar, search ---------------------------------------------------------------------------------

def test_the_overview_lists_them_apart_and_among_the_latest(built: BuiltSite) -> None:
    overview = built.article("sammantraden/")
    latest = [words(li) for li in overview.select("ul.meeting-list li")]
    assert latest == ["Sammanträde, organ anges inte, 3 mars 2025 Organ anges inte (enligt källan: Nyköpings kommun)",
                      "Kommunstyrelsen 12 februari 2025 Kommunstyrelsen"]
    heading = overview.select_one("#organ-anges-inte")
    assert heading is not None and words(heading) == "Organ anges inte"
    apart = [words(li) for li in overview.select("ul.bodiless-meetings li")]
    assert apart == ["Sammanträde, organ anges inte, 3 mars 2025 Organ anges inte (enligt källan: Nyköpings kommun)",
                     "Sammanträde, organ anges inte, datum anges inte; enligt källan: protokollsutskriften saknar "
                     "datum Organ anges inte"]
    assert overview.select("ul.undated-meetings li") == []


def test_the_year_page_lists_the_meeting_without_a_body(built: BuiltSite) -> None:
    year = built.article("sammantraden/2025/")
    assert [words(li) for li in year.select("ul.count-list li")] == ["Kommunstyrelsen 2025 1 sammanträde"]
    assert [words(li) for li in year.select("ul.bodiless-meetings li")] == [
        "Sammanträde, organ anges inte, 3 mars 2025 Organ anges inte (enligt källan: Nyköpings kommun)"]


def test_the_start_page_lists_it_among_the_latest(built: BuiltSite) -> None:
    teaser = next(a for a in built.article("").select("article.meeting-teaser") if "Skyddsrum" in words(a)
                  or "organ anges inte" in words(a))
    assert "Organ anges inte (enligt källan: Nyköpings kommun)" in words(teaser)


def test_the_site_feed_names_no_body(built: BuiltSite) -> None:
    feed = read(built, "sammantraden.xml")
    entry = next(e for e in feed.split("<entry>")[1:] if NEWS_ID in e)
    assert "Organ anges inte (enligt källan: Nyköpings kommun), sammanträde 3 mars 2025" in entry
    assert NEWS_ID not in read(built, "namnd-kommunstyrelsen.xml")


def test_never_in_a_bodys_calendar(built: BuiltSite) -> None:
    assert sorted(built.events("kommunstyrelsen")) == ["2025-02-12-kommunstyrelsen", "2025-09-10-kommunstyrelsen"]
    assert sorted(p.name for p in (built.path / "kalender").iterdir()) == ["kommunstyrelsen.ics"]


def test_searched_without_a_body_filter(built: BuiltSite) -> None:
    filters = {attr(f, "data-pagefind-filter"): f.get_text()
               for f in built.soup(NEWS).select("[data-pagefind-filter]")}
    assert search.BODY not in filters and filters[search.YEAR] == "2025"


# -- a matter's step and decision ----------------------------------------------------------------------------------

def test_a_step_names_no_body(built: BuiltSite) -> None:
    assert built.undated_steps(AGREEMENT) == [
        "Antagen: Organ anges inte, § 12, datum anges inte; enligt källan: protokollsutskriften saknar datum: Avtal om "
        "skyddsrum"], "the meeting's words for its date, as its page says them (trial 16)"
    (step,) = data(built, "data/overenskommelser/skyddsrum-civilforsvaret.json")["steps"]
    assert step["body"] is None


def test_the_agreements_committee_stays_as_the_source_gives_it(built: BuiltSite) -> None:
    record = data(built, "data/overenskommelser/skyddsrum-civilforsvaret.json")
    assert record["committee"] == {"id": "kommunstyrelsen", "name": "Kommunstyrelsen"}


# -- data ----------------------------------------------------------------------------------------------------------

def test_json_and_csv_give_no_body_and_the_sources_words(built: BuiltSite) -> None:
    matters: list[dict[str, Any]] = data(built, "data/arenden.json")
    row = next(m for m in matters if m["id"] == "skyddsrum")
    assert row["body"] is None
    assert row["meeting"]["body_as_given"] == "Nyköpings kommun"
    assert row["amount"] == 5000000
    undated = next(m for m in matters if m["id"] == "skyddsrum-avtal")
    assert undated["body"] is None and "body_as_given" not in undated["meeting"]
    cells = csv_by(built, "data/arenden.csv", "Id")
    assert cells["skyddsrum"]["Nämnd"] == "" and cells["ks-budget"]["Nämnd"] == "Kommunstyrelsen"


def test_oparl_meeting_has_no_organization_and_the_words(built: BuiltSite) -> None:
    meeting = data(built, f"oparl/meeting/{NEWS_ID}.json")
    assert "organization" not in meeting
    assert meeting["namndbeslut:bodyAsGiven"] == "Nyköpings kommun"
    assert meeting["name"] == "Organ anges inte, 3 mars 2025"
    organizations = data(built, "oparl/body/organizations.json")["data"]
    assert not any("anges inte" in o["name"] for o in organizations)
    listed = [m["id"].rsplit("/", 1)[-1] for m in data(built, "oparl/body/meetings.json")["data"]]
    assert listed[-2:] == [f"{NEWS_ID}.json", f"{PROTOCOL_ID}.json"]
    ks = data(built, "oparl/organization/namnd-kommunstyrelsen/meetings.json")["data"]
    assert [m["id"].rsplit("/", 1)[-1] for m in ks] == ["2025-09-10-kommunstyrelsen.json",
                                                        "2025-02-12-kommunstyrelsen.json"]


def test_oparl_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], path.name
            if name == "Consultation" and PROTOCOL_ID in str(obj.get("meeting")):
                assert "organization" not in obj


def test_json_ld_has_no_organizer(built: BuiltSite) -> None:
    script = built.soup(NEWS).select_one('script[type="application/ld+json"]')
    assert script is not None
    event = json.loads(script.get_text())
    assert event["@type"] == "Event" and "organizer" not in event


# -- refusals ------------------------------------------------------------------------------------------------------

def test_the_words_are_refused_beside_a_named_body(tmp_path: Path) -> None:
    tree = edited(TREE, "decisions/2025-02-12-kommunstyrelsen.md", "committee: kommunstyrelsen\n",
                  "committee: kommunstyrelsen\nbody_as_given: kommunen\n")
    found = problems(tmp_path, tree, "2025-06-01")
    assert len(found) == 1 and "body_as_given" in found[0] and "'committee: anges inte'" in found[0]


def test_an_empty_body_is_refused_not_taken_for_unstated(tmp_path: Path) -> None:
    tree = edited(TREE, NEWS_FILE, "committee: anges inte", "committee:")
    found = problems(tmp_path, tree, "2025-06-01")
    assert any("committee" in p and "värdet är tomt" in p and "'anges inte'" in p for p in found)


def test_a_file_without_a_body_is_named_organ_anges_inte(tmp_path: Path) -> None:
    tree = {k: v for k, v in TREE.items() if k != NEWS_FILE}
    tree["decisions/2025-03-03-kommunfullmaktige.md"] = TREE[NEWS_FILE]
    found = problems(tmp_path / "dated", tree, "2025-06-01")
    assert len(found) == 1 and f"{NEWS_ID}.md" in found[0]
    tree = {k: v for k, v in TREE.items() if not k.startswith("decisions/datum")}
    tree["decisions/datum-anges-inte-protokoll.md"] = TREE[f"decisions/{PROTOCOL_ID}.md"]
    found = problems(tmp_path / "undated", tree, "2025-06-01")
    assert len(found) == 1 and "datum-anges-inte-organ-anges-inte-<ord>.md" in found[0]


def test_no_body_file_may_take_the_name_of_an_unstated_body(tmp_path: Path) -> None:
    tree = {**TREE, "committees/organ-anges-inte.md": "---\nname: Organ anges inte\n---\n"}
    found = problems(tmp_path, tree, "2025-06-01")
    assert any("organ-anges-inte" in p for p in found)


def test_the_scaffold_writes_a_meeting_without_a_body(tmp_path: Path) -> None:
    (tmp_path / "committees").mkdir()
    (tmp_path / "committees/kommunstyrelsen.md").write_text("---\nname: Kommunstyrelsen\n---\n")
    path = scaffold.new_meeting(tmp_path, "2025-03-03", "anges inte")
    assert path.name == f"{NEWS_ID}.md"
    text = path.read_text(encoding="utf-8")
    assert "\ncommittee: anges inte " in text and '\nbody_as_given: "FYLL I: källans ord om vem som beslutade' in text
    path = scaffold.new_meeting(tmp_path, "anges inte", "anges inte", "protokollsutskrift")
    assert path.name == f"{PROTOCOL_ID}.md"
    assert "\ndate: anges inte " in path.read_text(encoding="utf-8")


def test_a_meeting_without_a_body_may_take_up_a_proposal_to_a_named_one(tmp_path: Path) -> None:
    tree = {**TREE, "committees/kommunfullmaktige.md": "---\nname: Kommunfullmäktige\n---\n"}
    tree = edited(tree, "decisions/2025-02-12-kommunstyrelsen.md", "{id: ks-budget, kind: beslut}",
                  "{id: ks-budget, kind: förslag, to: kommunfullmaktige, steps: [{agreement: skyddsrum-civilforsvaret, "
                  "action: föreslår, to: kommunfullmaktige}]}")
    tree = edited(tree, f"decisions/{PROTOCOL_ID}.md", "action: antar}", "action: antar, refers_to: ks-budget}")
    assert problems(tmp_path, tree, "2025-06-01") == []
    tree = edited(tree, f"decisions/{PROTOCOL_ID}.md", "committee: anges inte", "committee: kommunstyrelsen")
    tree["decisions/datum-anges-inte-kommunstyrelsen-protokoll.md"] = tree.pop(f"decisions/{PROTOCOL_ID}.md")
    found = problems(tmp_path / "named", tree, "2025-06-01")
    assert any("föreslår överenskommelsen för kommunfullmäktige" in p for p in found), found
