"""The Kungälv trial editor's findings (trial 16): an extra meeting; a kallelse's times and headings per item; a
case number cut off in the source; who signed the kallelse; an appeal of a decision; an agreement adopted at a
meeting dated only "i onsdags" and signed "sent i fredags". Builds tests/cases/trial16c.yaml with the real engine and
reads the pages, data/arenden.json and .csv, the agreement's data and OParl; what cannot be is refused in Swedish."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, data, matters, oparl_object, words
from support.site import matter_cells as cells

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "trial16c.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2018-12-01"
KALLELSE_FILE = "decisions/2018-10-10-kommunstyrelsen.md"
KALLELSE = "sammantraden/2018-10-10-kommunstyrelsen/"
EXTRA_FILE = "decisions/2018-11-14-kommunstyrelsen.md"
EXTRA = "sammantraden/2018-11-14-kommunstyrelsen/"
SKOLOR_FILE = "decisions/datum-anges-inte-kommunstyrelsen-skolor-slas-ihop.md"
SKOLOR = "sammantraden/datum-anges-inte-kommunstyrelsen-skolor-slas-ihop/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "trial16c", TREE, BUILD_DATE)



# -- 1. an extra meeting ---------------------------------------------------------------------------------------------


def test_an_extra_meeting_says_so_on_its_page_in_lists_and_in_the_data(built: BuiltSite) -> None:
    assert words(built.article(EXTRA).select_one("p.extra-meeting")) == "Extra sammanträde"  # type: ignore[arg-type]
    assert built.article(KALLELSE).select("p.extra-meeting") == [], "absent: the page as before"
    latest = [words(li) for li in built.article("sammantraden/").select("ul.meeting-list li")]
    assert latest[0] == "Kommunstyrelsen 14 november 2018 Kommunstyrelsen · Extra sammanträde"
    assert "Extra" not in latest[1]
    assert "Extra sammanträde" in built.text("namnder/kommunstyrelsen/")
    assert "Extra sammanträde" in built.text("sammantraden/2018/kommunstyrelsen/")
    undated = [words(li) for li in built.article("sammantraden/").select("ul.undated-meetings li")]
    assert undated[1].endswith(" Kommunstyrelsen · Extra sammanträde") and "Extra" not in undated[0]
    assert matters(built)["ks-extra-budget"]["meeting"]["extra"] is True
    assert "extra" not in matters(built)["ks-upprop"]["meeting"]
    assert (cells(built)["ks-extra-budget"]["Extra sammanträde"], cells(built)["ks-upprop"]["Extra sammanträde"]) == (
        "ja", "")
    columns = list(cells(built)["ks-upprop"])
    assert columns.index("Extra sammanträde") > columns.index("Förslaget går till"), "after the earlier columns"
    assert oparl_object(built, "meeting", "2018-11-14-kommunstyrelsen")["namndbeslut:extra"] is True
    assert "namndbeslut:extra" not in oparl_object(built, "meeting", "2018-10-10-kommunstyrelsen")


# -- 2. an agenda item's time and the heading it stands under -------------------------------------------------------


def test_an_items_time_and_section_are_shown_as_the_agenda_gives_them(built: BuiltSite) -> None:
    assert "Tid: kl. 09.00–09.15" in built.matter_facts(KALLELSE, "ks-delegationsbeslut")
    assert "Tid: kl. 09.55" in built.matter_facts(KALLELSE, "ks-ej-verkstallda")
    assert not any(f.startswith("Tid") for f in built.matter_facts(KALLELSE, "ks-upprop")), "absent: as before"
    headings = [(h.name, words(h)) for h in built.article(KALLELSE).select("h2, h3")]
    start = headings.index(("h2", "Upprop"))
    assert headings[start:start + 6] == [
        ("h2", "Upprop"), ("h2", "Ärenden som stannar i kommunstyrelsen"), ("h3", "Anmälan av delegationsbeslut"),
        ("h3", "Kommundirektörens rapport"), ("h2", "Ärenden till kommunfullmäktige"),
        ("h3", "Rapportering av ej verkställda beslut")], "each heading once, before the first of its items"
    row = matters(built)["ks-delegationsbeslut"]
    assert (row["start"], row["end"], row["section"]) == ("09:00", "09:15", "Ärenden som stannar i kommunstyrelsen")
    assert not {"start", "end", "section"} & set(matters(built)["ks-upprop"]), "absent: the data as before"
    columns = list(cells(built)["ks-upprop"])
    assert columns.index("Avsnitt") == columns.index("Extra sammanträde") + 3, "after the earlier columns"
    assert "end" not in matters(built)["ks-ej-verkstallda"]
    cell = cells(built)["ks-rapport"]
    assert (cell["Punktens starttid"], cell["Punktens sluttid"], cell["Avsnitt"]) == (
        "09:15", "09:30", "Ärenden som stannar i kommunstyrelsen")
    item = oparl_object(built, "agenda-item", "ks-delegationsbeslut")
    assert (item["start"], item["end"], item["namndbeslut:section"]) == (
        "2018-10-10T09:00:00+02:00", "2018-10-10T09:15:00+02:00", "Ärenden som stannar i kommunstyrelsen")
    assert "start" not in oparl_object(built, "agenda-item", "ks-upprop")


# -- 3. a case number cut off in the source ---------------------------------------------------------------------------


def test_a_case_number_cut_off_is_shown_as_the_sources_and_never_made_a_full_one(built: BuiltSite) -> None:
    assert "Diarienummer: anges inte (enligt källan: KS2018/)" in built.matter_facts(KALLELSE, "ks-ej-verkstallda")
    assert "Diarienummer: KS2018/512 (enligt källan: KS2018/)" in built.matter_facts(KALLELSE, "ks-rapport")
    assert not any(f.startswith("Diarienummer") for f in built.matter_facts(KALLELSE, "ks-upprop"))
    row = matters(built)["ks-ej-verkstallda"]
    assert (row["case_number"], row["case_number_as_given"]) == (None, "KS2018/")
    assert "case_number_as_given" not in matters(built)["ks-upprop"]
    assert (cells(built)["ks-ej-verkstallda"]["Diarienummer"],
            cells(built)["ks-ej-verkstallda"]["Diarienummer enligt källan"]) == ("", "KS2018/")
    item = oparl_object(built, "agenda-item", "ks-ej-verkstallda")
    assert item["namndbeslut:caseNumberAsGiven"] == "KS2018/" and "consultation" not in item


# -- 4. who signed the kallelse ---------------------------------------------------------------------------------------


def test_who_signed_the_kallelse_is_shown_and_never_the_meetings_chair(built: BuiltSite) -> None:
    signed = built.article(KALLELSE).select_one("p.convened-by")
    assert signed is not None and words(signed) == (
        "Kallelsen undertecknad av Miguel Odhner (S), Ordförande; Fredrik Skreberg, Sekreterare")
    assert built.article(KALLELSE).select("p.chair, p.secretary") == [], "no chair or secretary of the meeting"
    assert built.article(EXTRA).select("p.convened-by") == [], "absent: as before"
    assert matters(built)["ks-upprop"]["meeting"]["convened_by"] == [
        {"name": "Miguel Odhner", "party": "S", "role": "Ordförande"},
        {"name": "Fredrik Skreberg", "role": "Sekreterare"}]
    assert "convened_by" not in matters(built)["ks-extra-budget"]["meeting"]
    meeting = oparl_object(built, "meeting", "2018-10-10-kommunstyrelsen")
    assert meeting["namndbeslut:convenedBy"][0] == {"name": "Miguel Odhner", "role": "Ordförande", "party": "S"}
    assert "namndbeslut:chair" not in meeting


# -- 5. an appeal of a decision --------------------------------------------------------------------------------------

LANSRATTEN = ("Ett tidigare beslut i ärendet (enligt källan: Beslutet fattades första gången i februari i år) "
              "överklagat till länsrätten; enligt källan: upphävde länsrätten beslutet på grund av jäv")


def test_an_appeal_is_shown_under_the_decision_and_never_changes_its_kind(built: BuiltSite) -> None:
    facts = built.matter_facts(SKOLOR, "ks-vikingaskolan")
    assert LANSRATTEN in facts and "Ärendetyp: Beslut" in facts
    assert "Överklagat till förvaltningsrätten i Göteborg; avgjort 30 november 2018" in built.matter_facts(
        EXTRA, "ks-extra-budget")
    assert not any("verklagat" in f for f in built.matter_facts(KALLELSE, "ks-upprop")), "absent: as before"
    row = matters(built)["ks-vikingaskolan"]
    assert row["appeals"] == [{"court": "länsrätten",
                               "outcome_as_given": "upphävde länsrätten beslutet på grund av jäv",
                               "earlier_as_given": "Beslutet fattades första gången i februari i år",
                               "label": LANSRATTEN}]
    assert row["kind"]["value"] == "beslut"
    assert matters(built)["ks-extra-budget"]["appeals"][0]["date"] == "2018-11-30"
    assert "appeals" not in matters(built)["ks-upprop"]
    assert cells(built)["ks-vikingaskolan"]["Överklagande"] == LANSRATTEN
    item = oparl_object(built, "agenda-item", "ks-vikingaskolan")
    assert item["namndbeslut:appeals"] == [{"court": "länsrätten",
                                            "outcomeAsGiven": "upphävde länsrätten beslutet på grund av jäv",
                                            "earlierAsGiven": "Beslutet fattades första gången i februari i år"}]
    assert item["result"] == "Beslut", "the decision was taken: its result as before"


# -- 6. an agreement adopted "i onsdags" and signed "sent i fredags" --------------------------------------------------

ICA = "overenskommelser/ica/"
ONSDAGS = "i onsdags (nyheten är inte daterad i källan)"
FREDAGS = "sent i fredags blev de sista detaljerna klara och alla samarbetspartners har nu skrivit på"


def test_an_undated_meetings_words_and_a_missing_heading_read_as_such_on_the_agreement(built: BuiltSite) -> None:
    adopted = f"Kommunstyrelsen, datum anges inte; enligt källan: {ONSDAGS} – ärendets rubrik anges inte i källan"
    facts = built.facts(ICA)
    assert facts["Beslutat"] == adopted
    assert "Rubrik anges inte" not in built.text(ICA), "never read as the decision's heading"
    assert built.undated_steps(ICA) == [f"Antagen: {adopted}"]
    assert facts["Undertecknad"] == f"datum anges inte; enligt källan: {FREDAGS}"
    record = data(built, "data/overenskommelser/ica.json")
    assert (record["signed"], record["signed_stated"], record["signed_as_given"]) == (None, True, FREDAGS)
    (step,) = record["steps"]
    assert (step["date"], step["date_as_given"], step["decision"]["date_as_given"]) == (None, ONSDAGS, ONSDAGS)


def test_oparl_with_the_new_fields_is_valid(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []


# -- refused ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(EXTRA_FILE, "extra: true", "extra: extra möte",
                 f"{EXTRA_FILE}:5: extra: 'extra möte' ska vara true eller false", id="extra_in_words"),
    pytest.param(KALLELSE_FILE, 'start: "09.15"\n    end: "09.30"', 'start: "09.30"\n    end: "09.15"',
                 f"{KALLELSE_FILE}:21: matters.2.end: punkten slutar innan den börjar; 'end' ska vara efter 'start'",
                 id="an_item_that_ends_before_it_starts"),
    pytest.param(KALLELSE_FILE, "case_number: KS2018/512\n    case_number_as_given: KS2018/",
                 "case_number: KS2018/512\n    case_number_as_given: KS2018/512",
                 f"{KALLELSE_FILE}:23: matters.2.case_number_as_given: 'KS2018/512' står redan i 'case_number'; ta "
                 "bort 'case_number_as_given' (det är för ett diarienummer som källan inte ger helt, t.ex. 'KS2014/')",
                 id="the_full_number_again"),
    pytest.param(KALLELSE_FILE, "- {name: Fredrik Skreberg, role: Sekreterare}",
                 "- {name: Miguel Odhner, party: S, role: Ordförande}",
                 f"{KALLELSE_FILE}:31: convened_by.1: 'Miguel Odhner (S), Ordförande' står redan i listan; skriv "
                 "varje person som undertecknade kallelsen en gång", id="a_signer_twice"),
    pytest.param(EXTRA_FILE, "date: 2018-11-30}", "date: 2018-10}",
                 f"{EXTRA_FILE}:10: matters.0.appeals.0.date: överklagandet avgjordes oktober 2018, före sammanträdet "
                 "14 november 2018; rätta 'date', eller skriv med 'earlier_as_given' vilket tidigare beslut som "
                 "överklagades", id="an_appeal_decided_before_the_meeting"),
    pytest.param(EXTRA_FILE, "{court: förvaltningsrätten i Göteborg, date: 2018-11-30}", "{date: 2018-11-30}",
                 f"{EXTRA_FILE}:10: matters.0.appeals.0.court: fältet saknas men krävs",
                 id="an_appeal_without_its_court"),
    pytest.param("agreements/ica.md", "signed: anges inte\n", "",
                 "agreements/ica.md:6: signed_as_given: 'signed_as_given' är källans ord om undertecknandet och skrivs "
                 "bredvid 'signed': skriv också 'signed' (datumet, eller 'anges inte' om källan säger att avtalet är "
                 "undertecknat men inte när)", id="signing_words_without_a_signing"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]


def test_a_heading_that_comes_back_after_another_is_refused(tmp_path: Path) -> None:
    tree = edited(TREE, KALLELSE_FILE, "item: 5\n    section: Ärenden som stannar i kommunstyrelsen",
                  "item: 5\n    section: Informationsärenden")
    tree = edited(tree, KALLELSE_FILE, "item: 8\n    section: Ärenden till kommunfullmäktige",
                  "item: 8\n    section: Ärenden som stannar i kommunstyrelsen")
    assert problems(tmp_path, tree, BUILD_DATE) == [
        f"{KALLELSE_FILE}:26: matters.3.section: rubriken 'Ärenden som stannar i kommunstyrelsen' står redan vid ett "
        "tidigare ärende, med ett annat avsnitt emellan; skriv ärendena under en rubrik i följd, i källans ordning"]
