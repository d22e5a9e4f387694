"""A meeting whose source gives no date (`date: anges inte`), recorded as the source gives it (issue 26).

Builds tests/cases/undated.yaml with the real engine (a council meeting "den 12 september" with no year, adopting
an agreement; a board meeting "inför sammanträdet"; a dated meeting of each body) and reads what a reader and a
client get: the meeting page, the body's page, the lists, the calendar, the feed, JSON, CSV and OParl. Then the
refusals: a file name of the wrong form. A meeting whose source says nothing of its date needs no `date_as_given`
(tests/test_meetings6.py builds one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from namndbeslut import scaffold, search
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, attr, built_tree, csv_by, data, read, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "undated.yaml").read_text(encoding="utf-8"))
KF_ID = "datum-anges-inte-kommunfullmaktige-12-september"
KS_ID = "datum-anges-inte-kommunstyrelsen-infor-sammantradet"
KF = f"sammantraden/{KF_ID}/"
KS = f"sammantraden/{KS_ID}/"
KF_FILE = f"decisions/{KF_ID}.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "undated", TREE, "2025-06-01")


def test_the_meeting_page_says_the_date_is_not_stated_and_gives_the_sources_words(built: BuiltSite) -> None:
    meta = words(built.article(KF).select_one("p.page-meta"))  # type: ignore[arg-type]
    assert meta.startswith("Datum anges inte; enligt källan: den 12 september (året anges inte)")
    assert built.article(KF).select("p.page-meta time") == []
    assert "Datum anges inte; enligt källan: inför sammanträdet; pressmeddelandet är daterat 10 februari 2015" \
        in built.text(KS)
    assert words(built.article(KS).select_one("h1")) == "Kommunstyrelsen, datum anges inte"  # type: ignore[arg-type]


def test_the_meeting_page_has_no_date_dependent_notes(built: BuiltSite) -> None:
    text = built.text(KF)
    assert "äldre än 6 månader" not in text and "två veckor" not in text
    assert "Alla sammanträden 20" not in text and "Sammanträden utan datum i källan" in text


def test_the_body_page_lists_undated_meetings_in_a_section_of_their_own(built: BuiltSite) -> None:
    article = built.article("namnder/kommunfullmaktige/")
    heading = article.select_one("#utan-datum")
    assert heading is not None and words(heading) == "Sammanträden utan datum i källan"
    listed = heading.find_next_sibling("ul")
    assert listed is not None
    assert [words(li) for li in listed.select("li")] == [
        "Vad beslutades på kommunfullmäktige? datum anges inte; enligt källan: den 12 september (året anges inte)"]
    latest = [words(li) for li in article.select("h2#sammantraden ~ ul")[0].select("li")]
    assert latest == ["Kommunfullmäktige 10 mars 2025"]


def test_undated_meetings_are_in_no_year_and_not_among_the_latest(built: BuiltSite) -> None:
    overview = built.article("sammantraden/")
    latest = [words(li) for li in overview.select("ul.meeting-list li")]
    assert not any("Vad beslutades" in x or "datum anges inte" in x for x in latest)
    undated = [words(li) for li in overview.select("ul.undated-meetings li")]
    assert [x.split(" enligt")[0] for x in undated] == ["Vad beslutades på kommunfullmäktige? datum anges inte;",
                                                       "Kommunstyrelsen, datum anges inte;"]
    years = sorted(p.name for p in (built.path / "sammantraden").iterdir() if p.name.isdigit())
    assert years == ["2024", "2025"]
    for year in years:
        assert "Vad beslutades" not in built.text(f"sammantraden/{year}/")
    assert "Vad beslutades" not in built.text("")


def test_undated_meetings_are_never_in_a_calendar(built: BuiltSite) -> None:
    events = built.events("kommunfullmaktige")
    assert sorted(events) == ["2025-03-10-kommunfullmaktige", "2025-09-12-kommunfullmaktige"]
    assert KF_ID not in read(built, "kalender/kommunfullmaktige.ics")
    assert "den 12 september" not in built.text("sammantraden/kommande/")


def test_the_feed_says_no_date_and_publishes_none(built: BuiltSite) -> None:
    feed = read(built, "namnd-kommunfullmaktige.xml")
    entries = feed.split("<entry>")[1:]
    assert [KF_ID in e for e in entries] == [False, True]  # after the dated one
    undated = entries[1]
    assert "<published>" not in undated and "<updated>" in undated
    assert ("Kommunfullmäktige, sammanträde datum anges inte; enligt källan: den 12 september (året anges inte)"
            in undated)


def test_the_data_write_no_date_and_the_sources_words(built: BuiltSite) -> None:
    matters: list[dict[str, Any]] = data(built, "data/arenden.json")
    ids = [m["id"] for m in matters]
    assert ids[-2:] == ["iop-kvinnojouren-antas", "ks-lokaler"]  # after the dated ones
    row = next(m for m in matters if m["id"] == "iop-kvinnojouren-antas")
    assert row["meeting"] == {"id": KF_ID, "date": None, "url": row["meeting"]["url"], "known_from": None,
                              "date_as_given": "den 12 september (året anges inte)", "decided_as": None}
    cells = csv_by(built, "data/arenden.csv", "Id")["iop-kvinnojouren-antas"]
    assert cells["Sammanträde"] == ""


def test_oparl_meeting_has_no_start_and_the_words(built: BuiltSite) -> None:
    meeting = data(built, f"oparl/meeting/{KF_ID}.json")
    assert "start" not in meeting and not any(k.endswith(":date") for k in meeting)
    assert meeting["name"] == "Kommunfullmäktige, datum anges inte"
    assert meeting["namndbeslut:dateAsGiven"] == "den 12 september (året anges inte)"
    assert meeting["meetingState"] == "genomfört"
    listed = data(built, "oparl/body/meetings.json")["data"]
    assert [m["id"].rsplit("/", 1)[-1] for m in listed][-2:] == [f"{KF_ID}.json", f"{KS_ID}.json"]


def test_a_step_in_an_undated_meeting_is_an_undated_step(built: BuiltSite) -> None:
    page = "overenskommelser/iop-kvinnojouren/"
    assert built.steps(page) == []
    assert built.undated_steps(page) == [
        "Antagen: Kommunfullmäktige, datum anges inte; enligt källan: den 12 september (året anges inte): Partnerskap "
        "med Kvinnojouren"], "the meeting's words for its date, as its page says them (trial 16)"
    (step,) = data(built, "data/overenskommelser/iop-kvinnojouren.json")["steps"]
    assert step["date"] is None


def test_an_undated_meeting_is_in_the_sitemap_and_searched_by_body_without_a_year(built: BuiltSite) -> None:
    assert f"/{KF}</loc>" in read(built, "sitemap.xml")
    filters = {attr(f, "data-pagefind-filter"): f.get_text() for f in built.soup(KF).select("[data-pagefind-filter]")}
    assert filters[search.BODY] == "Kommunfullmäktige" and search.YEAR not in filters
    dated = {attr(f, "data-pagefind-filter"): f.get_text()
             for f in built.soup("sammantraden/2025-03-10-kommunfullmaktige/").select("[data-pagefind-filter]")}
    assert dated[search.YEAR] == "2025"


def test_an_undated_meeting_needs_no_words_where_the_source_has_none(tmp_path: Path) -> None:
    tree = edited(TREE, KF_FILE, "date_as_given: den 12 september (året anges inte)\n", "")
    assert problems(tmp_path, tree, "2025-06-01") == []


def test_an_undated_meeting_file_is_named_for_its_body_and_words(tmp_path: Path) -> None:
    tree = {k: v for k, v in TREE.items() if k != KF_FILE}
    tree["decisions/2025-09-12-kommunfullmaktige.md"] = TREE[KF_FILE]
    found = problems(tmp_path, tree, "2025-06-01")
    assert len(found) == 1
    assert ("ge filen namnet datum-anges-inte-kommunfullmaktige-<ord>.md" in found[0]
            and "2025-09-12-kommunfullmaktige.md" in found[0])


def test_an_empty_date_is_refused_not_taken_for_unstated(tmp_path: Path) -> None:
    tree = edited(TREE, KF_FILE, "date: anges inte", "date:")
    found = problems(tmp_path, tree, "2025-06-01")
    assert any("värdet är tomt" in p and "'anges inte'" in p for p in found)


def test_the_scaffold_names_an_undated_meeting_by_its_words(tmp_path: Path) -> None:
    (tmp_path / "committees").mkdir()
    (tmp_path / "committees/kommunfullmaktige.md").write_text("---\nname: Kommunfullmäktige\n---\n")
    path = scaffold.new_meeting(tmp_path, "anges inte", "kommunfullmaktige", "12 September")
    assert path.name == f"{KF_ID}.md"
    text = path.read_text(encoding="utf-8")
    assert "\ndate: anges inte " in text and '\ndate_as_given: "FYLL I: källans ord om datumet' in text
    with pytest.raises(scaffold.ScaffoldError, match="WORDS"):
        scaffold.new_meeting(tmp_path, "anges inte", "kommunfullmaktige")
