"""Facts as the sources give them (issue 26, meetings4): a meeting whose date is simply missing (no words about
it); a time of day on a meeting known only to the month or with no date; who was present as the minutes list
them; where the minutes are kept; when a decision takes effect; reservations against it; a news item announcing a
decision; a decision partly referred back (two decision points of one paragraph under one heading). Builds
tests/cases/meetings6.yaml with the real engine and reads the meeting pages, the calendar, data/arenden.json and
.csv, schema.org and OParl; what cannot be is refused in Swedish, naming file, line and field.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, csv_by, one, oparl_object, read, records_by, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "meetings6.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2023-09-01"
KS_ID = "2023-06-12-kommunstyrelsen"
KS_FILE = f"decisions/{KS_ID}.md"
KS = f"sammantraden/{KS_ID}/"
KF_ID = "2023-05-kommunfullmaktige"
KF = f"sammantraden/{KF_ID}/"
COPY_ID = "datum-anges-inte-kommunstyrelsen-protokollkopia"
COPY = f"sammantraden/{COPY_ID}/"
NEWS_ID = "datum-anges-inte-kultur-och-fritid-nyhet"
NEWS_FILE = f"decisions/{NEWS_ID}.md"
NEWS = f"sammantraden/{NEWS_ID}/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "meetings6", TREE, BUILD_DATE)


def meta(site: BuiltSite, page: str) -> str:
    return words(one(site.article(page), "p.page-meta"))


# -- 1. a date simply missing ----------------------------------------------------------------------------------------


def test_a_meeting_with_no_words_about_its_date_says_only_that_it_is_not_stated(built: BuiltSite) -> None:
    said = meta(built, COPY)
    assert said.startswith("Datum anges inte kl. 09.00")
    assert "enligt källan" not in said
    assert "dateAsGiven" not in json.dumps(oparl_object(built, "meeting", COPY_ID))
    assert records_by(built, "data/arenden.json", "id")["ks-kopia-lokaler"]["meeting"]["date_as_given"] is None


# -- 2. a time of day without a day ----------------------------------------------------------------------------------


def test_a_time_on_a_meeting_without_a_day_is_shown_and_never_a_date_time(built: BuiltSite) -> None:
    assert meta(built, KF).startswith("Sammanträde maj 2023 kl. 13.00–16.30")
    for meeting_id, start, end in ((KF_ID, "13:00", "16:30"), (COPY_ID, "09:00", None)):
        obj = oparl_object(built, "meeting", meeting_id)
        assert "start" not in obj and "end" not in obj
        assert obj["namndbeslut:startTime"] == start
        assert obj.get("namndbeslut:endTime") == end
    assert KF_ID not in read(built, "kalender/kommunfullmaktige.ics")
    assert COPY_ID not in read(built, "kalender/kommunstyrelsen.ics")
    event = json.loads(one(built.soup(KF), 'script[type="application/ld+json"]').get_text())
    assert event["startDate"] == "2023-05" and "endDate" not in event


def test_a_time_on_a_dated_meeting_is_still_a_date_time(built: BuiltSite) -> None:
    obj = oparl_object(built, "meeting", KS_ID)
    assert obj["start"] == "2023-06-12T13:00:00+02:00" and obj["end"] == "2023-06-12T16:30:00+02:00"
    assert "namndbeslut:startTime" not in obj


# -- 3. who was present ----------------------------------------------------------------------------------------------


def test_the_meeting_page_lists_who_was_present_as_the_minutes_do(built: BuiltSite) -> None:
    table = one(built.article(KS), "table.present")
    assert words(one(table, "caption")) == "Närvarande enligt källan"
    # the one table of people (model.columns_of): as a body's members, role before party, 'anges inte' where the
    # minutes give no role or party (a substitute's and a remark's cells stay empty where none applies), a column
    # nobody has left out, in a scroll region
    assert [words(th) for th in table.select("thead th")] == ["Namn", "Roll", "Parti", "I stället för", "Anmärkning"]
    rows = [[words(td) for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert rows == [
        ["Marianne Kierkemann", "ordförande", "M", "", ""],
        ["Franklin Eck", "tjänstgörande ersättare", "M", "Marianne Kierkemann (M)", ""],
        ["Agnetha Ernegård", "tjänstgörande ersättare", "KB", "Roger Larsson (KB)", "från och med § 21"],
        ["Roger Larsson", "ledamot", "KB", "", "till § 20, klockan 16.15"],
        ["Anna Andersson", "tjänsteman", "anges inte", "", ""],
    ]
    region = table.find_parent("div")
    assert region is not None and region.get("role") == "region"
    assert built.article(KF).select("table.present") == []


def test_oparl_carries_who_was_present_without_inventing_persons(built: BuiltSite) -> None:
    obj = oparl_object(built, "meeting", KS_ID)
    assert obj["namndbeslut:present"][2] == {"name": "Agnetha Ernegård", "party": "KB",
                                             "role": "tjänstgörande ersättare", "substituteFor": "Roger Larsson (KB)",
                                             "note": "från och med § 21"}
    assert obj["namndbeslut:present"][4] == {"name": "Anna Andersson", "role": "tjänsteman"}
    assert "participant" not in obj and not (built.path / "oparl" / "person").exists()
    assert "namndbeslut:present" not in oparl_object(built, "meeting", KF_ID)


# -- 4. where the minutes are kept -----------------------------------------------------------------------------------


def test_where_the_minutes_are_kept_is_shown_with_the_minutes_facts(built: BuiltSite) -> None:
    said = words(one(built.article(KS), "p.minutes-kept-at"))
    assert said == "Förvaringsplats för protokollet: Kommunledningsförvaltningen"
    assert oparl_object(built, "meeting", KS_ID)["namndbeslut:minutesKeptAt"] == "Kommunledningsförvaltningen"
    row = records_by(built, "data/arenden.json", "id")["ks-2023-44"]
    assert row["meeting"]["minutes_kept_at"] == "Kommunledningsförvaltningen"
    assert "Förvaringsplats" not in built.text(KF)


# -- 5-6. when a decision takes effect, reservations against it ------------------------------------------------------


def test_a_decision_says_when_it_takes_effect_as_precise_as_the_source(built: BuiltSite) -> None:
    assert "Gäller från 1 juli 2023" in built.matter_facts(KS, "ks-2023-44")
    assert "Gäller från 2024" in built.matter_facts(KF, "kf-2023-maj-budget")
    rows = records_by(built, "data/arenden.json", "id")
    assert rows["ks-2023-44"]["effective"] == "2023-07-01" and rows["kf-2023-maj-budget"]["effective"] == "2024"
    assert "effective" not in rows["ks-2023-45-taxor"]
    assert oparl_object(built, "agenda-item", "ks-2023-44")["namndbeslut:effective"] == "2023-07-01"
    assert not any(x.startswith("Gäller från") for x in built.matter_facts(KS, "ks-2023-45-taxor"))


def test_reservations_are_shown_and_published_as_given(built: BuiltSite) -> None:
    facts = built.matter_facts(KS, "ks-2023-44")
    assert [x for x in facts if x.startswith("Reservation")] == ["Reservation: Socialdemokraterna", "Reservation: S"]
    rows = records_by(built, "data/arenden.json", "id")
    assert rows["ks-2023-44"]["reservations"] == ["Socialdemokraterna", "S"]
    assert "reservations" not in rows["ks-2023-45-taxor"]
    cells = csv_by(built, "data/arenden.csv", "Id")
    assert cells["ks-2023-44"]["Reservationer"] == "Socialdemokraterna ; S"
    assert cells["ks-2023-45-taxor"]["Reservationer"] == ""
    columns = list(cells["ks-2023-44"])
    assert columns.index("Reservationer") == columns.index("Beloppets art") + 1, "appended after the earlier columns"
    assert oparl_object(built, "agenda-item", "ks-2023-44")["namndbeslut:reservations"] == ["Socialdemokraterna", "S"]


def test_oparl_with_the_new_fields_is_valid(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []


# -- 7. forms the guide documents ------------------------------------------------------------------------------------


def test_an_announced_decision_from_a_news_item_says_nothing_was_decided(built: BuiltSite) -> None:
    text = built.text(NEWS)
    assert "Datum anges inte" in text
    assert "om sammanträdet hölls och vad som beslutades anges inte" in text
    assert "Ärendetyp: anges inte" in built.matter_facts(NEWS, "kf-nyhet-bibliotek")
    assert "Inga beslutsärenden" not in text


def test_a_decision_partly_referred_back_is_two_decision_points_of_one_paragraph(built: BuiltSite) -> None:
    first, second = (built.matter_facts(KS, m) for m in ("ks-2023-45-taxor", "ks-2023-45-uteservering"))
    assert "Protokoll: § 45" in first and "Protokoll: § 45" in second
    assert any(x.startswith("Ärendetyp: Återremitterat") for x in first)
    assert "Ärendetyp: Beslut" in second
    headings = [words(h) for h in built.article(KS).select("h2")]
    assert headings.count("Taxor för torghandel") == 2
    cited = one(built.article(COPY), "ul.matter-facts")
    assert "Hänvisar till beslut: 12 juni 2023, § 45" in words(cited)
    assert not [a for a in cited.select("a") if KS_ID in str(a.get("href"))], "which decision point is not said"


# -- refused ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(NEWS_FILE, "known_from: nyhet", "known_from: nyhet\npresent:\n  - {name: Eva Ek}",
                 f"{NEWS_FILE}:5: present: 'known_from: nyhet' säger att källan är nyheten, som inte anger vilka som "
                 "kom till sammanträdet; ta bort 'present' eller 'known_from'", id="present_on_an_agenda"),
    pytest.param(NEWS_FILE, "known_from: nyhet", "known_from: nyhet\nminutes_kept_at: Kommunledningsförvaltningen",
                 f"{NEWS_FILE}:5: minutes_kept_at: 'known_from: nyhet' säger att källan är nyheten, som inte anger "
                 "något protokoll; ta bort 'minutes_kept_at' eller 'known_from'", id="kept_at_on_an_agenda"),
    pytest.param(KS_FILE, "{name: Anna Andersson, role: tjänsteman}", "{role: tjänsteman}",
                 f"{KS_FILE}:13: present.4.name: fältet saknas men krävs", id="present_without_a_name"),
    pytest.param(KS_FILE, "effective: 2023-07-01", "effective: från juli",
                 f"{KS_FILE}:18: matters.0.effective: 'från juli' kan inte läsas som en tidpunkt; skriv ett datum "
                 "(2021-06-30), en månad (2021-06), ett år (2024) eller en årstid som källan ('våren 2020', "
                 "'hösten 2021')", id="effective_not_a_date"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]
