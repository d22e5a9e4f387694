"""Forms editors met in earlier trials and had none for (leftovers16): a matter's sum for years the source counts
without naming them ("30 000 kronor per år i tre år"); a meeting's adjournments ("Sammanträdet ajourneras kl.
10.05–10.20"); an agreement's notice period ("sex månaders uppsägningstid"); a count of recipients on a sum ("till 24
föreningar"). Builds tests/cases/leftovers16.yaml with the real engine and reads the pages, data/arenden.json and
.csv, the agreements' data and OParl; what cannot be is refused in Swedish."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, csv_by, data, matters, one, oparl_object, words
from support.site import matter_cells as cells

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "leftovers16.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-06-01"
KF_FILE = "decisions/2024-03-12-kultur-och-fritidsnamnden.md"
KF = "sammantraden/2024-03-12-kultur-och-fritidsnamnden/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "leftovers16", TREE, BUILD_DATE)



# -- 1. years a sum is for, counted and not named ------------------------------------------------------------------


def test_a_sum_for_years_counted_says_them_and_invents_no_total(built: BuiltSite) -> None:
    per_year = "30 000 kr (enligt källan: 30 000 kronor per år i tre år) per år i tre år"
    assert f"Belopp: {per_year}" in built.matter_facts(KF, "kf-lovaktiviteter")
    assert "Belopp: 90 000 kr sammanlagt i tre år" in built.matter_facts(KF, "kf-samlat")
    row = matters(built)["kf-lovaktiviteter"]
    assert (row["amount"], row["per_year"], row["years"], row["amount_label"]) == (30000, True, 3, per_year)
    assert "from_year" not in row and "90 000" not in per_year, "no year named, no total worked out"
    assert cells(built)["kf-lovaktiviteter"]["Antal år (åren anges inte)"] == "3"
    assert oparl_object(built, "agenda-item", "kf-lovaktiviteter")["namndbeslut:amount"]["years"] == 3


# -- 2. a meeting's adjournments ------------------------------------------------------------------------------------


def test_adjournments_are_shown_under_the_meetings_times_and_in_the_data(built: BuiltSite) -> None:
    article = built.article(KF)
    assert "kl. 09.00–12.00" in words(one(article, ".page-meta"))
    assert [words(p) for p in article.select("p.adjournment")] == [
        "Ajournering 10.05–10.20", "Ajournering: för lunch (enligt källan)"]
    assert one(article, ".page-meta").find_next_sibling("p") is article.select("p.adjournment")[0]
    assert matters(built)["kf-samlat"]["meeting"]["adjournments"] == [
        {"start": "10:05", "end": "10:20", "label": "Ajournering 10.05–10.20"},
        {"as_given": "för lunch", "label": "Ajournering: för lunch (enligt källan)"}]
    shown = oparl_object(built, "meeting", "2024-03-12-kultur-och-fritidsnamnden")["namndbeslut:adjournments"]
    assert shown[0] == {"start": "10:05", "end": "10:20", "label": "Ajournering 10.05–10.20"}
    assert shown[1]["asGiven"] == "för lunch"


def test_a_meeting_without_adjournments_says_none(tmp_path_factory: pytest.TempPathFactory) -> None:
    site = built_tree(tmp_path_factory, "no-adjournments", edited(
        TREE, KF_FILE, 'adjournments:\n  - {start: "10:05", end: "10:20"}\n  - {as_given: för lunch}\n', ""),
        BUILD_DATE)
    assert site.article(KF).select("p.adjournment") == []
    assert "adjournments" not in matters(site)["kf-samlat"]["meeting"]
    assert "namndbeslut:adjournments" not in oparl_object(site, "meeting", "2024-03-12-kultur-och-fritidsnamnden")


# -- 3. an agreement's notice period -------------------------------------------------------------------------------


def test_a_notice_period_is_shown_with_the_agreements_terms_and_in_the_data(built: BuiltSite) -> None:
    said = "6 månader (enligt källan: sex månaders uppsägningstid)"
    assert built.facts("overenskommelser/lovaktiviteter/")["Uppsägningstid"] == said
    assert built.facts("overenskommelser/lokaler/")["Uppsägningstid"] == "tre månader före årsskiftet (enligt källan)"
    record = data(built, "data/overenskommelser/lovaktiviteter.json")
    assert (record["notice_period"], record["notice_period_as_given"], record["notice_period_label"]) == (
        {"months": 6}, "sex månaders uppsägningstid", said)
    assert data(built, "data/overenskommelser/lokaler.json")["notice_period"] is None
    rows = csv_by(built, "data/overenskommelser.csv", "Id")
    assert (rows["lovaktiviteter"]["Uppsägningstid"], rows["lokaler"]["Till"]) == (said, "")
    assert oparl_object(built, "paper", "overenskommelse-lovaktiviteter")["namndbeslut:noticePeriod"] == {
        "period": {"months": 6}, "asGiven": "sex månaders uppsägningstid", "label": said}


def test_an_agreement_without_a_notice_period_says_none(tmp_path_factory: pytest.TempPathFactory) -> None:
    site = built_tree(tmp_path_factory, "no-notice", edited(
        TREE, "agreements/lovaktiviteter.md",
        "notice_period: {months: 6}\nnotice_period_as_given: sex månaders uppsägningstid\n", ""), BUILD_DATE)
    assert "Uppsägningstid" not in site.facts("overenskommelser/lovaktiviteter/")
    assert "notice_period" not in data(site, "data/overenskommelser/lovaktiviteter.json")
    assert csv_by(site, "data/overenskommelser.csv", "Id")["lovaktiviteter"]["Uppsägningstid"] == ""
    assert "namndbeslut:noticePeriod" not in oparl_object(site, "paper", "overenskommelse-lovaktiviteter")


# -- 4. a count of recipients on a sum ------------------------------------------------------------------------------


def test_recipients_are_counted_beside_who_they_are_and_the_sum_is_not_split(built: BuiltSite) -> None:
    said = "1 200 000 kr (enligt källan: 1,2 miljoner kronor) till 24 föreningar"
    assert f"Belopp: {said}" in built.matter_facts(KF, "kf-foreningsbidrag")
    row = matters(built)["kf-foreningsbidrag"]
    assert (row["amount"], row["recipient"], row["recipients"], row["amount_label"]) == (
        1200000, "föreningar", 24, said)
    assert "recipients" not in matters(built)["kf-samlat"]
    assert (cells(built)["kf-foreningsbidrag"]["Antal mottagare"], cells(built)["kf-samlat"]["Antal mottagare"]) == (
        "24", "")
    assert oparl_object(built, "agenda-item", "kf-foreningsbidrag")["namndbeslut:amount"]["recipients"] == 24


def test_several_recipients_each_of_an_unstated_sum_as_the_guide_shows(built: BuiltSite) -> None:
    assert "Belopp: belopp anges inte till Föreningen Ungdomens hus belopp anges inte till Uddevalla Konstförening" in (
        built.matter_facts(KF, "kf-verksamhetsbidrag"))
    row = matters(built)["kf-verksamhetsbidrag"]
    assert row["amount"] is None
    assert [(a["amount"], a["recipient"]) for a in row["amounts"]] == [
        (None, "Föreningen Ungdomens hus"), (None, "Uddevalla Konstförening")]


# -- 5. contacts that are a function -------------------------------------------------------------------------------


def test_a_function_to_contact_is_named_as_such_and_heads_the_list_kontakt(built: BuiltSite) -> None:
    facts = built.facts("overenskommelser/lovaktiviteter/")
    assert "Kontaktpersoner" not in facts
    assert facts["Kontakt"] == ("Anna Berg, fritidskonsulent, anna.berg@example.se Kultur- och fritidsförvaltningen, "
                                "tel. 0522-69 70 00")
    assert built.facts("overenskommelser/lokaler/")["Kontaktpersoner"] == "Anna Berg, fritidskonsulent", "as before"
    page = built.article(KF)
    assert words(one(page, "p.meeting-contacts")) == "Kontakt:"
    assert words(one(page, "ul.contacts li")) == "kommunens växel (Uddevalla kommun), tel. 0522-69 60 00"
    assert "namn anges inte" not in built.text(KF)
    assert data(built, "data/overenskommelser/lovaktiviteter.json")["contacts"][1] == {
        "function": "Kultur- och fritidsförvaltningen", "phone": "0522-69 70 00"}
    assert matters(built)["kf-samlat"]["meeting"]["contacts"] == [
        {"function": "kommunens växel", "organisation": "Uddevalla kommun", "phone": "0522-69 60 00"}]
    meeting = oparl_object(built, "meeting", "2024-03-12-kultur-och-fritidsnamnden")
    assert meeting["namndbeslut:contacts"][0]["function"] == "kommunens växel"


def test_oparl_with_the_new_fields_is_valid(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []


# -- refused ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(KF_FILE, "per_year: false, years: 3", "years: 3",
                 f"{KF_FILE}:18: matters.1.amount.per_year: skriv om beloppet gäller varje år av de tre åren, "
                 "{kronor: 30000, per_year: true, years: 3}, eller alla åren tillsammans, {kronor: 90000, per_year: "
                 "false, years: 3}", id="years_without_per_year"),
    pytest.param(KF_FILE, "per_year: false, years: 3", "per_year: false, years: 3, from_year: 2024",
                 f"{KF_FILE}:18: matters.1.amount.years: 'years' räknar åren där källan inte namnger dem; skriv "
                 "perioden antingen som 'years' eller som 'from_year', inte båda", id="years_counted_and_named"),
    pytest.param(KF_FILE, 'start: "10:05", end: "10:20"', 'start: "10:20", end: "10:05"',
                 f"{KF_FILE}:8: adjournments.0.end: ajourneringen slutar innan den börjar; 'end' ska vara efter "
                 "'start'", id="an_adjournment_backwards"),
    pytest.param(KF_FILE, 'start: "10:05", end: "10:20"', 'start: "08:30", end: "08:45"',
                 f"{KF_FILE}:8: adjournments.0.start: ajourneringen börjar 08.30, före sammanträdet (09.00); rätta "
                 "'start'", id="an_adjournment_before_the_meeting"),
    pytest.param(KF_FILE, 'start: "10:05", end: "10:20"', 'start: "11:50", end: "12:20"',
                 f"{KF_FILE}:8: adjournments.0.end: ajourneringen slutar efter sammanträdet (12.00); rätta tiden",
                 id="an_adjournment_after_the_meeting"),
    pytest.param(KF_FILE, "{as_given: för lunch}", '{start: "11:00", as_given: för lunch}',
                 f"{KF_FILE}:9: adjournments.1.start: skriv ajourneringens tid, t.ex. {{start: \"10:05\", end: "
                 "\"10:20\"}, eller källans ord när den inte anger någon tid, t.ex. {as_given: för lunch} (inte "
                 "båda)", id="an_adjournment_with_time_and_words"),
    pytest.param("agreements/lovaktiviteter.md", "{months: 6}", "{months: 6, weeks: 26}",
                 "agreements/lovaktiviteter.md:6: notice_period.months: skriv uppsägningstiden i en enhet som källan, "
                 "t.ex. {months: 6} för sex månaders uppsägningstid (days, weeks, months eller years)",
                 id="a_notice_period_in_two_units"),
    pytest.param("agreements/lovaktiviteter.md", "{months: 6}", "{months: sex}",
                 "agreements/lovaktiviteter.md:6: notice_period.months: 'sex' ska vara ett heltal (utan mellanslag "
                 "eller 'kr')",
                 id="a_notice_period_in_words"),
    pytest.param(KF_FILE, "to: föreningar, recipients: 24", "recipients: 24",
                 f"{KF_FILE}:22: matters.2.amount.to: 'recipients' räknar mottagarna; skriv vilka de är i 'to', i "
                 "plural som källan, t.ex. {kronor: 1200000, to: föreningar, recipients: 24}",
                 id="recipients_without_who"),
    pytest.param(KF_FILE, "to: föreningar, recipients: 24", "to: 24 föreningar, recipients: 24",
                 f"{KF_FILE}:22: matters.2.amount.to: antalet står redan i 'recipients'; skriv bara vilka i 'to', "
                 "t.ex. {to: föreningar, recipients: 24}", id="recipients_counted_twice"),
    pytest.param(KF_FILE, "to: föreningar, recipients: 24", "per: förening, recipients: 24",
                 f"{KF_FILE}:22: matters.2.amount.recipients: med 'per: förening' gäller beloppet per enhet; skriv "
                 "antalet i 'count', t.ex. {kronor: 50000, per: förening, count: 24}",
                 id="recipients_of_a_sum_per_unit"),
    pytest.param(KF_FILE, "{function: kommunens växel,", "{name: Eva Ek, function: kommunens växel,",
                 f"{KF_FILE}:30: contacts.0.name: 'function' är en funktion, inte en person, och har inget 'name'; "
                 "skriv antingen en person med 'name' eller funktionen i 'function'", id="a_function_with_a_name"),
    pytest.param(KF_FILE, "{function: kommunens växel,", "{role: växeln,",
                 f"{KF_FILE}:30: contacts.0.name: skriv kontaktpersonens namn som källan ger det ('anges inte' om "
                 "den bara anger rollen), eller 'function' för en funktion som inte är en person, t.ex. {function: "
                 "kommunens växel, phone: 0522-69 60 00}", id="a_contact_neither_person_nor_function"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]


def test_a_funding_row_counts_its_own_years(tmp_path: Path) -> None:
    tree = {**TREE, "partners/ungdomens-hus.md": "---\nname: Föreningen Ungdomens hus\n---\n",
            "agreements/lovaktiviteter.md": "---\ntitle: Lovaktiviteter\npartner: ungdomens-hus\nterm: anges inte\n"
                                            "funding:\n  - {year: anges inte, years: 3, amount: {kronor: 30000, "
                                            "per_year: true, years: 3}}\n---\n"}
    assert problems(tmp_path, tree, BUILD_DATE) == [
        "agreements/lovaktiviteter.md:6: funding.0.amount.years: en rad i 'funding' räknar sina år själv; skriv "
        "'years: 3' och 'year: anges inte' på raden, inte i beloppet"]
