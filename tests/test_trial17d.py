"""The Haninge and Partille trial editors' findings (trial 17): a decision by two bodies together; a cited decision of a
body outside the municipality; what a kallelse proposes for the checking of the minutes; a matter's application
period; money the municipality received; a body whose kind the source does not state; people quoted about an
agreement; an agreement known only from an item on a kallelse; `make new-meeting` for a decision outside a meeting.
Builds tests/cases/trial17d.yaml with the real engine and reads the pages, data/arenden.json and .csv, the
agreements' data and OParl; what cannot be is refused in Swedish."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.oparl import invalid_objects
from support.project import CASES_DIR, edited, problems
from support.site import BuiltSite, built_tree, csv_by, data, matters, oparl_object, words
from support.site import matter_cells as cells

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "trial17d.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2020-06-01"
JOINT_FILE = "decisions/2020-02-12-idrotts-och-fritidsnamnden.md"
JOINT = "sammantraden/2020-02-12-idrotts-och-fritidsnamnden/"
ALONE = "sammantraden/2020-01-15-idrotts-och-fritidsnamnden/"
KALLELSE_FILE = "decisions/2015-03-31-kommunstyrelsen.md"
KALLELSE = "sammantraden/2015-03-31-kommunstyrelsen/"
PARTILLE = "sammantraden/2019-10-16-kommunstyrelsen/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "trial17d", TREE, BUILD_DATE)



# -- 1. a decision by two bodies together ----------------------------------------------------------------------------


def test_a_joint_decision_names_the_other_body_and_is_listed_on_both_bodies_pages(built: BuiltSite) -> None:
    together = built.article(JOINT).select_one("p.with-bodies")
    assert together is not None and words(together) == "Tillsammans med Kultur- och demokratinämnden"
    assert "namnder/kultur-och-demokratinamnden/" in built.links(JOINT)
    assert built.article(ALONE).select("p.with-bodies") == [], "absent: the page as before"
    for body in ("idrotts-och-fritidsnamnden", "kultur-och-demokratinamnden"):
        links = [x for x in built.links(f"namnder/{body}/") if x.startswith("sammantraden/2020-02-12-")]
        assert links == [JOINT], f"{body}: the joint meeting listed once"
        assert "Gemensamt sammanträde" in built.text(f"sammantraden/2020/{body}/")
    row = matters(built)["ifn-kdn-foreningsbidrag"]
    assert row["meeting"]["with_bodies"] == [{"id": "kultur-och-demokratinamnden",
                                              "name": "Kultur- och demokratinämnden"}]
    assert row["body"]["id"] == "idrotts-och-fritidsnamnden"
    assert "with_bodies" not in matters(built)["ifn-lokaler"]["meeting"]
    assert cells(built)["ifn-kdn-foreningsbidrag"]["Tillsammans med"] == "Kultur- och demokratinämnden"
    assert cells(built)["ifn-lokaler"]["Tillsammans med"] == ""
    columns = list(cells(built)["ifn-lokaler"])
    assert columns.index("Tillsammans med") > columns.index("Överklagande"), "appended after the earlier columns"
    meeting = oparl_object(built, "meeting", "2020-02-12-idrotts-och-fritidsnamnden")
    assert [o.rsplit("/", 1)[1] for o in meeting["organization"]] == [
        "namnd-idrotts-och-fritidsnamnden.json", "namnd-kultur-och-demokratinamnden.json"]
    assert len(oparl_object(built, "meeting", "2020-01-15-idrotts-och-fritidsnamnden")["organization"]) == 1
    meetings = built.path / "oparl/organization/namnd-kultur-och-demokratinamnden/meetings.json"
    assert "2020-02-12-idrotts-och-fritidsnamnden" in meetings.read_text(encoding="utf-8")


# -- 2. a cited decision of a body outside the municipality ---------------------------------------------------------

LANSSTYRELSEN = "Länsstyrelsen (enligt källan) 16 oktober 2019"


def test_a_cited_decision_of_a_body_not_ours_is_the_sources_and_never_linked(built: BuiltSite) -> None:
    facts = built.matter_facts(JOINT, "ifn-kdn-foreningsbidrag")
    assert f"Hänvisar till beslut: {LANSSTYRELSEN}" in facts
    cited = [li for li in built.article(JOINT).select("ul.matter-facts li") if "Hänvisar" in words(li)]
    assert [li.select("a") for li in cited] == [[]], "never linked, not even to our meeting of that day"
    (row,) = matters(built)["ifn-kdn-foreningsbidrag"]["cited_decisions"]
    assert (row["date"], row["committee"], row["body_as_given"], row["published"]) == (
        "2019-10-16", None, "Länsstyrelsen", False)
    (item,) = oparl_object(built, "agenda-item", "ifn-kdn-foreningsbidrag")["namndbeslut:citedDecisions"]
    assert item == {"date": "2019-10-16", "bodyAsGiven": "Länsstyrelsen"}


# -- 3. what a kallelse proposes for the checking of the minutes -----------------------------------------------------


def test_proposed_adjusters_and_a_planned_checking_are_shown_and_never_as_who_checked(built: BuiltSite) -> None:
    page = built.article(KALLELSE)
    assert words(page.select_one("p.proposed-adjusters")) == (  # type: ignore[arg-type]
        "Föreslagna justerare: Linda Fröberg (M) och Kaisa Blank Nordmark (S)")
    assert words(page.select_one("p.planned-checking")) == (  # type: ignore[arg-type]
        "Planerad justering: tisdagen den 7 april 2015 kl. 16:00 (enligt källan)")
    assert page.select("p.adjusters, p.minutes-checked, p.minutes-checked-as-given") == [], "never who checked"
    assert built.article(ALONE).select("p.proposed-adjusters, p.planned-checking") == [], "absent: as before"
    meeting = matters(built)["ks-iop-fritidsgard"]["meeting"]
    assert (meeting["proposed_adjusters"], meeting["planned_checking_as_given"]) == (
        ["Linda Fröberg (M)", "Kaisa Blank Nordmark (S)"], "tisdagen den 7 april 2015 kl. 16:00")
    assert not {"proposed_adjusters", "planned_checking_as_given"} & set(matters(built)["ifn-lokaler"]["meeting"])
    called = oparl_object(built, "meeting", "2015-03-31-kommunstyrelsen")
    assert called["namndbeslut:proposedAdjusters"] == ["Linda Fröberg (M)", "Kaisa Blank Nordmark (S)"]
    assert called["namndbeslut:plannedCheckingAsGiven"] == "tisdagen den 7 april 2015 kl. 16:00"
    assert "namndbeslut:adjusters" not in called


# -- 4. a matter's application period --------------------------------------------------------------------------------

PERIOD = "Föreningar kan söka bidraget: 16 mars 2020 (enligt källan: Fram till den 16 mars)"


def test_a_matters_deadline_is_shown_under_it_and_in_the_data(built: BuiltSite) -> None:
    assert PERIOD in built.matter_facts(JOINT, "ifn-kdn-foreningsbidrag")
    assert not any(f.startswith("Föreningar") for f in built.matter_facts(ALONE, "ifn-lokaler")), "absent: as before"
    assert matters(built)["ifn-kdn-foreningsbidrag"]["deadlines"] == [
        {"what": "Föreningar kan söka bidraget", "date": "2020-03-16", "as_given": "Fram till den 16 mars"}]
    assert "deadlines" not in matters(built)["ifn-lokaler"]
    assert cells(built)["ifn-kdn-foreningsbidrag"]["Tidpunkter"] == PERIOD
    columns = list(cells(built)["ifn-lokaler"])
    assert cells(built)["ifn-lokaler"]["Tidpunkter"] == ""
    assert columns.index("Tidpunkter") > columns.index("Överklagande"), "after the earlier columns"
    assert oparl_object(built, "agenda-item", "ifn-kdn-foreningsbidrag")["namndbeslut:deadlines"] == [
        {"what": "Föreningar kan söka bidraget", "date": "2020-03-16", "asGiven": "Fram till den 16 mars"}]
    assert "namndbeslut:deadlines" not in oparl_object(built, "agenda-item", "ifn-lokaler")


# -- 5. money the municipality received ------------------------------------------------------------------------------

RECEIVED = "mottaget: 2 300 000 kr (enligt källan: 2,3 miljoner kronor)"


def test_money_received_is_shown_as_such_and_in_no_total(built: BuiltSite) -> None:
    assert f"Belopp: {RECEIVED}" in built.matter_facts(PARTILLE, "ks-riktade-medel")
    row = matters(built)["ks-riktade-medel"]
    assert (row["amount"], row["nature"], row["amount_label"]) == (2300000, "mottaget", RECEIVED)
    assert cells(built)["ks-riktade-medel"]["Beloppets art"] == "mottaget"
    assert oparl_object(built, "agenda-item", "ks-riktade-medel")["namndbeslut:amount"]["nature"] == "mottaget"
    assert "2 300 000" not in built.text("finansiering/"), "never a grant in the funding overview"


# -- 6. a body whose kind the source does not state -----------------------------------------------------------------


def test_a_body_of_unstated_kind_says_so_and_its_data_guess_none(built: BuiltSite) -> None:
    assert built.facts("namnder/krisledningsnamnden/")["Slag"] == "anges inte"
    assert built.facts("namnder/kommunstyrelsen/")["Slag"] == "Kommunstyrelse", "stated: as before"
    rows = {words(tr.select("td")[0]): words(tr.select("td")[1]) for tr in built.article("namnder/").select("tbody tr")}
    assert (rows["Krisledningsnämnden"], rows["Idrotts- och fritidsnämnden"]) == ("anges inte", "Nämnd")
    body = oparl_object(built, "organization", "namnd-krisledningsnamnden")
    assert "classification" not in body and body["namndbeslut:kind"] is None
    assert oparl_object(built, "organization", "namnd-kommunstyrelsen")["classification"] == "Kommunstyrelse"


# -- 7. people quoted about an agreement ------------------------------------------------------------------------------

FRITIDSGARD = "overenskommelser/iop-fritidsgard/"


def test_people_an_agreement_names_are_shown_as_a_matters_are(built: BuiltSite) -> None:
    assert built.facts(FRITIDSGARD)["Personer"] == "Person: Mikael Persson, citeras, kommunstyrelsens ordförande"
    assert "Personer" not in built.facts("overenskommelser/iop-idrott/"), "absent: as before"
    record = data(built, "data/overenskommelser/iop-fritidsgard.json")
    assert record["persons"] == [{"name": "Mikael Persson", "role": "citeras, kommunstyrelsens ordförande"}]
    assert "persons" not in data(built, "data/overenskommelser/iop-idrott.json")
    assert oparl_object(built, "paper", "overenskommelse-iop-fritidsgard")["namndbeslut:persons"] == [
        {"name": "Mikael Persson", "role": "citeras, kommunstyrelsens ordförande"}]


# -- 8. an agreement known only from an item on a kallelse ----------------------------------------------------------

NOT_ENTERED = "Om överenskommelsen ingicks anges inte"


def test_an_agreement_only_on_a_kallelse_is_never_said_to_have_started_or_ended(built: BuiltSite) -> None:
    assert built.facts(FRITIDSGARD)["Status"] == NOT_ENTERED
    assert built.facts("overenskommelser/iop-idrott/")["Status"] == "Har upphört", "no agenda item: as before"
    assert data(built, "data/overenskommelser/iop-fritidsgard.json")["status"]["value"] == NOT_ENTERED
    rows = csv_by(built, "data/overenskommelser.csv", "Id")
    assert (rows["iop-fritidsgard"]["Status"], rows["iop-idrott"]["Status"]) == (NOT_ENTERED, "Har upphört")
    assert "Har upphört" not in built.text("namnder/kommunstyrelsen/")


def test_a_decision_or_a_signing_lets_the_term_speak_again(tmp_path_factory: pytest.TempPathFactory) -> None:
    signed = edited(TREE, "agreements/iop-fritidsgard.md", "term: {start", "signed: 2015-05-01\nterm: {start")
    site = built_tree(tmp_path_factory, "trial17d-signed", signed, BUILD_DATE)
    assert site.facts(FRITIDSGARD)["Status"] == "Har upphört"


def test_oparl_with_the_new_fields_is_valid(built: BuiltSite) -> None:
    assert invalid_objects(built.path) == []


# -- refused ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    pytest.param(JOINT_FILE, "with_bodies: [kultur-och-demokratinamnden]",
                 "with_bodies: [kultur-och-demokratinamnden, idrotts-och-fritidsnamnden]",
                 f"{JOINT_FILE}:3: with_bodies: 'idrotts-och-fritidsnamnden' är redan 'committee', organet som filen "
                 "gäller; skriv bara de andra organen i 'with_bodies'", id="the_own_body_again"),
    pytest.param(JOINT_FILE, "with_bodies: [kultur-och-demokratinamnden]", "with_bodies: [kulturnamnden]",
                 f"{JOINT_FILE}:3: with_bodies.0: det finns ingen nämnd med id 'kulturnamnden'; de som finns: "
                 "idrotts-och-fritidsnamnden, kommunstyrelsen, krisledningsnamnden, kultur-och-demokratinamnden; en ny "
                 'läggs till med make new-committee NAME="Nämndens namn"',
                 id="an_unknown_body"),
    pytest.param(JOINT_FILE, "with_bodies: [kultur-och-demokratinamnden]",
                 "with_bodies: [kultur-och-demokratinamnden, kultur-och-demokratinamnden]",
                 f"{JOINT_FILE}:3: with_bodies: samma organ står flera gånger under 'with_bodies'; skriv varje organ "
                 "en gång", id="a_body_twice"),
    pytest.param(JOINT_FILE, "body_as_given: Länsstyrelsen}", "body: kommunstyrelsen, body_as_given: Länsstyrelsen}",
                 f"{JOINT_FILE}:10: matters.0.cited_decisions.0.body_as_given: ange organet antingen med 'body: <id>' "
                 "(ett organ i committees/) eller med källans ord under 'body_as_given' (ett organ utanför kommunen, "
                 "t.ex. Länsstyrelsen), inte båda", id="a_body_ours_and_not"),
    pytest.param(KALLELSE_FILE, "Kaisa Blank Nordmark (S)]", "Linda Fröberg (M)]",
                 f"{KALLELSE_FILE}:6: proposed_adjusters: 'Linda Fröberg (M)' står flera gånger; skriv varje "
                 "justerare en gång", id="a_proposed_adjuster_twice"),
    pytest.param(KALLELSE_FILE, "proposed_adjusters:", "adjusters:",
                 f"{KALLELSE_FILE}:6: adjusters: 'known_from: kallelse' säger att källan är kallelsen, som inte "
                 "anger något protokoll; ta bort 'adjusters' eller 'known_from'", id="proposed_written_as_checked"),
    pytest.param(JOINT_FILE, "bidraget, date: 2020-03-16, as_given: Fram till den 16 mars}", "bidraget}",
                 f"{JOINT_FILE}:12: matters.0.deadlines.0.date: skriv när: 'date' (t.ex. 2025-06-30) eller källans "
                 "ord under 'as_given' (t.ex. 'senast 31 mars varje år'), eller båda", id="a_deadline_without_when"),
    pytest.param("agreements/iop-idrott.md", "term: {start: 2016-01-01, end: 2017-12-31}",
                 "term: {start: 2016-01-01, end: 2017-12-31}\nfunding:\n  - {year: 2016, amount: {kronor: 100000, "
                 "nature: mottaget}}",
                 "agreements/iop-idrott.md:8: funding.0.amount.nature: en rad i 'funding' är pengar som "
                 "överenskommelsen ger; ett belopp med 'nature: mottaget' skrivs på nämndens ärende ('amount'), "
                 "inte här",
                 id="money_received_as_funding"),
    pytest.param("committees/krisledningsnamnden.md", "kind: anges inte", "kind: krisledning",
                 "committees/krisledningsnamnden.md:3: kind: 'krisledning' är inget av de värden som finns; välj ett "
                 "av 'nämnd', 'styrelse', 'kommunfullmäktige', 'kommunstyrelse', 'utskott', 'beredning', "
                 "'regionfullmäktige' eller 'regionstyrelse'", id="a_body_kind_not_listed"),
    pytest.param("agreements/iop-fritidsgard.md", "role: 'citeras, kommunstyrelsens ordförande'}",
                 "role: citeras}\n  - {name: Mikael Persson, role: citeras}",
                 "agreements/iop-fritidsgard.md:9: persons.1: 'Mikael Persson, citeras' står redan i listan; skriv "
                 "varje person en gång (med en annan roll är det en egen rad)", id="a_person_twice"),
])
def test_what_cannot_be_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    assert problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE) == [expected]
