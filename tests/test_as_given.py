"""Facts as the sources give them, from a new editor's trial on real pages (issue 26: N4, N6-N10).

Builds tests/cases/as-given.yaml with the real engine and reads the pages, feeds, JSON, CSV and OParl; then the
forms that cannot be, each refused in Swedish naming file, line and field.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from namndbeslut import citations, loader
from namndbeslut.errors import ContentError
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, write_tree
from support.site import BuiltSite, attr, built_tree, data, one, read, words

TREE = yaml.safe_load((CASES_DIR / "as-given.yaml").read_text(encoding="utf-8"))
KS = "sammantraden/2020-12-16-kommunstyrelsen/"
KF = "sammantraden/2021-01-25-kommunfullmaktige/"
VON = "sammantraden/2018-02-05-vard-och-omsorgsnamnden/"
NORRA = "overenskommelser/markoverlatelse-norra/"
REPORT = "tjansteskrivelser/von-2017-0100/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "as-given", TREE, "2024-06-01")


def matter_facts(site: BuiltSite, url: str, matter: str) -> list[str]:
    heading = one(site.article(url), f"h2#{matter}")
    facts = heading.find_next_sibling("ul")
    assert facts is not None
    return [words(li) for li in facts.select("li")]


# -- N4: an agreement type the source states that is not on the list ------------------------------------------


def test_an_agreement_type_as_the_source_words_it(built: BuiltSite) -> None:
    assert words(built.fact_box(NORRA)["Typ"]) == "Marköverlåtelseavtal"
    assert words(built.fact_box("overenskommelser/markoverlatelse-sodra/")["Typ"]) == "anges inte"
    record = data(built, "data/overenskommelser/markoverlatelse-norra.json")
    assert record["kind"] == {"value": None, "label": "Marköverlåtelseavtal", "as_given": "marköverlåtelseavtal"}
    rows = {r["Id"]: r for r in csv.DictReader(io.StringIO(read(built, "data/overenskommelser.csv")), delimiter=";")}
    assert (rows["markoverlatelse-norra"]["Typ"], rows["markoverlatelse-sodra"]["Typ"]) == ("Marköverlåtelseavtal", "")


# -- N6: a summary of a selection of the matters ---------------------------------------------------------------


def test_a_selection_of_matters_says_so(built: BuiltSite) -> None:
    note = "Urval av ärendena enligt källan: källan tar inte upp alla ärenden från sammanträdet."
    assert words(one(built.article(KS), "p.selection-note")) == note
    assert built.article(KF).select("p.selection-note") == []
    year = built.article("sammantraden/2020/kommunstyrelsen/")
    assert [words(p) for p in year.select("p.selection-note")] == [note]
    assert note in read(built, "namnd-kommunstyrelsen.xml")
    assert data(built, "oparl/meeting/2020-12-16-kommunstyrelsen.json")["namndbeslut:selection"] is True
    assert "namndbeslut:selection" not in data(built, "oparl/meeting/2021-01-25-kommunfullmaktige.json")


# -- N7: the item's number as the source gives it --------------------------------------------------------------


def test_item_numbers_as_given_and_none_made_up(built: BuiltSite) -> None:
    assert "Punkt 5" in matter_facts(built, KS, "markoverlatelse-norra-2020")
    items = data(built, "oparl/meeting/2020-12-16-kommunstyrelsen.json")["agendaItem"]
    assert [(i["number"], i["order"]) for i in items] == [("5", 1), ("7", 2)]
    unnumbered = data(built, "oparl/meeting/2021-01-25-kommunfullmaktige.json")["agendaItem"]
    assert [("number" in i, i["order"]) for i in unnumbered] == [(False, 1), (False, 2)]
    assert data(built, "oparl/agenda-item/ledsagning-2018.json")["number"] == "VON 2"


# -- N8: referred back, and a proposal to another body ---------------------------------------------------------


def test_a_referral_back_and_a_proposal_to_another_body(built: BuiltSite) -> None:
    facts = matter_facts(built, KS, "markoverlatelse-norra-2020")
    assert facts[:2] == ["Ärendetyp: Förslag till ett annat organ", "Förslaget går till: Kommunfullmäktige"]
    link = one(built.article(KS), "h2#markoverlatelse-norra-2020 ~ ul.matter-facts a")
    assert attr(link, "href") == "../../namnder/kommunfullmaktige/"
    assert matter_facts(built, KS, "detaljplan-centrum-2020")[1] == "Förslaget går till: anges inte"
    referred_back = matter_facts(built, KF, "markoverlatelse-norra-kf-2021")
    assert referred_back[0] == "Ärendetyp: Återremitterat (inget beslut ännu)"
    assert "Inga beslutsärenden" not in words(built.article(KF))  # the other matter's kind is not stated
    item = data(built, "oparl/agenda-item/markoverlatelse-norra-2020.json")
    assert item["result"] == "Förslag till ett annat organ"
    assert item["namndbeslut:proposedTo"].endswith("oparl/organization/namnd-kommunfullmaktige.json")
    referred = data(built, "oparl/agenda-item/markoverlatelse-norra-kf-2021.json")
    assert referred["result"] == "Återremitterat (inget beslut ännu)" and "namndbeslut:proposedTo" not in referred
    assert "result" not in data(built, "oparl/agenda-item/medborgarforslag-2021.json")  # unstated: not guessed
    record = data(built, "data/overenskommelser/markoverlatelse-norra.json")
    assert [d["title"] for d in record["decisions"]] == ["Marköverlåtelseavtal för Norra området"] * 2
    feed = read(built, "partner-peab-markutveckling.xml")
    assert "Återremitterat (inget beslut ännu): Kommunfullmäktige 25 januari 2021." in feed


# -- N9: an officer's report names its source and the decisions it cites ---------------------------------------


def test_a_report_names_its_source_and_the_decisions_it_cites(built: BuiltSite) -> None:
    note = one(built.article(REPORT), "p.source-note")
    assert words(note) == ("Källa: Tjänsteskrivelsen i nämndens handlingar. "
                           "www.habo.se/handlingar/von-2018-02-05.pdf")
    box = built.article(REPORT).select("section.fact-box dd")
    cited = [d for d in box if "31 mars 2014" in words(d) or "5 februari 2018, VON 2" in words(d)]
    assert [words(d) for d in cited] == [
        "Vård- och omsorgsnämnden 5 februari 2018, VON 2: Ledsagning",  # the matter, by case number
        "Kommunfullmäktige 31 mars 2014, § 76",                        # cited, not published: no link
        "Vård- och omsorgsnämnden 5 februari 2018, VON 2: Ledsagning",  # cited, published: linked
    ]
    assert cited[1].select("a") == [] and attr(one(cited[2], "a"), "href").endswith("#ledsagning-2018")
    paper = data(built, "oparl/paper/tjansteskrivelse-von-2017-0100.json")
    assert paper["namndbeslut:sourceUrl"] == "https://www.habo.se/handlingar/von-2018-02-05.pdf"


# -- N10: the protocol's own prefix, its checked date, titles on a partner's page, the meeting line -------------


def test_the_protocols_prefix_and_checked_date(built: BuiltSite) -> None:
    assert "Protokoll: VON 2" in matter_facts(built, VON, "ledsagning-2018")
    assert words(one(built.article(VON), "p.minutes-checked")) == "Protokollet justerades 12 februari 2018."
    assert "§ 2" not in words(built.article(VON))
    assert data(built, "oparl/meeting/2018-02-05-vard-och-omsorgsnamnden.json")[
        "namndbeslut:minutesChecked"] == "2018-02-12"
    assert "5 februari 2018, VON 2" in words(built.article(REPORT))
    rows = list(csv.DictReader(io.StringIO(read(built, "data/overenskommelser.csv")), delimiter=";"))
    assert rows  # the CSV cites published decisions by citations.paragraph_label too (test_paragraph_label.py)


def test_a_partners_agreements_by_title(built: BuiltSite) -> None:
    table = one(built.article("partner/peab-markutveckling/"), "table")
    assert words(one(table, "thead th")) == "Överenskommelse"
    assert sorted(words(tr.select("td")[0]) for tr in table.select("tbody tr")) == [
        "Marköverlåtelseavtal för Norra området – Peab Markutveckling AB (period anges inte)",
        "Marköverlåtelseavtal för Södra området – Peab Markutveckling AB (period anges inte)"]


def test_the_meeting_line_has_no_comma_after_the_date(built: BuiltSite) -> None:
    meta = one(built.article(KS), "p.page-meta")
    assert meta.get_text(" ", strip=True).startswith("Sammanträde 16 december 2020 (tid anges inte) ·")


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], path.name


def test_the_label_rule_takes_the_prefix() -> None:
    assert citations.paragraph_label([2], "VON") == "VON 2"
    assert citations.paragraph_label([2, 3], "VON") == "VON 2, 3"
    assert citations.paragraph_label([2, 3]) == "§§ 2, 3"


# -- what cannot be: refused in Swedish, naming file, line and field --------------------------------------------


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    kept = {k: v for k, v in TREE.items() if k.startswith(("committees/", "partners/"))}
    write_tree(tmp_path, {**kept, **files})
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    return [f"{p.path.as_posix()}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems]


def _meeting(extra: str, matter: str = "") -> dict[str, str]:
    matters = f"matters:\n  - id: a\n{matter}" if matter else ""
    body = "## A {#a}\n" if matter else ""
    return {"decisions/2020-12-16-kommunstyrelsen.md": (
        f"---\ncommittee: kommunstyrelsen\ndate: 2020-12-16\ntitle: KS\n{extra}{matters}---\n{body}")}


def _agreement(kind: str) -> dict[str, str]:
    return {"agreements/avtal.md": f"---\ntitle: Avtal\npartner: peab-markutveckling\nterm: anges inte\n{kind}---\n"}


UNKNOWN = ("det finns ingen nämnd med id 'fullmaktige'; de som finns: kommunfullmaktige, kommunstyrelsen, "
           'vard-och-omsorgsnamnden; en ny läggs till med make new-committee NAME="Nämndens namn"')
LIST = "iop, överenskommelse, ramöverenskommelse, samverkansavtal, samarbetsavtal, avsiktsförklaring"
_REFUSED = [
    pytest.param(_agreement("kind: marköverlåtelseavtal\n"), [
        f"agreements/avtal.md:5: kind: 'marköverlåtelseavtal' är inget av de listade slagen ({LIST}); står det "
        "något annat i källan, skriv källans ord under 'kind_as_given' och ta bort 'kind'"], id="an_unlisted_kind"),
    pytest.param(_agreement("kind: iop\nkind_as_given: IOP-avtal\n"), [
        "agreements/avtal.md:6: kind_as_given: ange typen antingen med 'kind' (ett av de listade slagen) eller med "
        "'kind_as_given' (källans ord), inte båda"], id="both_kinds"),
    pytest.param(_agreement("kind_as_given: Samverkansavtal\n"), [
        "agreements/avtal.md:5: kind_as_given: 'Samverkansavtal' finns i listan; skriv 'kind: samverkansavtal' och "
        "ta bort 'kind_as_given'"], id="a_listed_kind_as_given"),
    pytest.param(_meeting("", "    kind: beslut\n    to: kommunfullmaktige\n"), [
        "decisions/2020-12-16-kommunstyrelsen.md:8: matters.0.to: 'to' anger vilket organ ett förslag går till och "
        "hör bara till 'kind: förslag'; ta bort 'to' eller ändra 'kind'"], id="to_without_a_proposal"),
    pytest.param(_meeting("", "    kind: förslag\n    to: kommunstyrelsen\n"), [
        "decisions/2020-12-16-kommunstyrelsen.md:8: matters.0.to: ett organ lämnar inte förslag till sig självt; "
        "skriv det organ som förslaget går till (filnamn i committees/)"], id="a_proposal_to_itself"),
    pytest.param(_meeting("", "    kind: förslag\n    to: fullmaktige\n"), [
        f"decisions/2020-12-16-kommunstyrelsen.md:8: matters.0.to: {UNKNOWN}"], id="a_proposal_to_an_unknown_body"),
    pytest.param(_meeting("minutes_checked: 2020-12-01\n"), [
        "decisions/2020-12-16-kommunstyrelsen.md:5: minutes_checked: protokollet justeras efter sammanträdet, men "
        "2020-12-01 är före 2020-12-16; skriv dagen då protokollet justerades"], id="checked_before_the_meeting"),
    pytest.param(_meeting("paragraph_prefix: VON 2\n"), [
        "decisions/2020-12-16-kommunstyrelsen.md:5: paragraph_prefix: 'VON 2' har fel form; förväntat: det som "
        "protokollet skriver före paragrafnumret i stället för §, utan siffror, t.ex. 'VON'"],
        id="a_prefix_with_a_number"),
    pytest.param({"reports/r.md": (
        "---\ncase_number: KS 2020/1\ndate: 2020-12-01\ntitle: R\ncited_decisions:\n"
        "  - {decision: \"2014-03-31 § 76\", body: fullmaktige}\n---\n")}, [
        f"reports/r.md:6: cited_decisions.0.body: {UNKNOWN}"], id="a_cited_decision_by_an_unknown_body"),
]


@pytest.mark.parametrize(("files", "expected"), _REFUSED)
def test_what_cannot_be_is_refused_by_name(files: dict[str, str], expected: list[str], tmp_path: Path) -> None:
    assert _problems(tmp_path, files) == expected


def test_a_public_party_is_no_funder_where_the_source_states_no_funding(built: BuiltSite) -> None:
    """schema.org's `funder` said the public party funds an agreement whose source names no money at all."""
    ld = json.loads(one(built.soup(NORRA), 'script[type="application/ld+json"]').get_text())
    assert "funder" not in json.dumps(ld) and "funding" not in ld
