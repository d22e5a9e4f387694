"""A decision's step, and a case through several bodies (issue 26, item 4): a proposal from a committee to the
executive board and on to the council, which adopts; a mandate to sign and nothing more; a letter of intent only
proposed; an agreement adopted by a cited decision, extended and terminated with stated ends; one extended and one
terminated without them; one known only from a news item.

Builds tests/cases/steps.yaml with the real engine and reads the agreement and meeting pages, the JSON, the CSV and
OParl; and loads it wrongly written, for the Swedish messages.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from namndbeslut import loader
from namndbeslut.errors import ContentError
from support.oparl import oparl_objects, validator
from support.project import CASES_DIR, edited, problems, write_tree
from support.site import BuiltSite, attr, built_tree, data, one, read, words

TREE: dict[str, str] = yaml.safe_load((CASES_DIR / "steps.yaml").read_text(encoding="utf-8"))
BUILD_DATE = "2024-09-01"
CASE = "overenskommelser/gemenskap-2024-2026/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "steps", TREE, BUILD_DATE)


def status(site: BuiltSite, url: str) -> str:
    return words(site.fact_box(url)["Status"])


def test_a_case_through_three_bodies_in_order_on_the_agreement_page(built: BuiltSite) -> None:
    assert built.steps(CASE) == [
        "Förslag till kommunstyrelsen: Socialnämnden 14 februari 2024, § 20: "
        "Förslag om överenskommelse med Föreningen Gemenskap",
        "Förslag till kommunfullmäktige: Kommunstyrelsen 13 mars 2024, § 45: Överenskommelse med Föreningen Gemenskap",
        "Antagen: Kommunfullmäktige 24 april 2024, § 88: Överenskommelse med Föreningen Gemenskap",
    ]
    heading = next(h for h in built.article(CASE).select("h2") if words(h) == "Beslutsgång")
    links = [attr(a, "href") for a in one(heading.find_next_sibling("ol"), "li:last-child").select("a")]  # type: ignore[arg-type]
    assert links == ["../../sammantraden/2024-04-24-kommunfullmaktige/#gemenskap-kf-2024"]
    assert status(built, CASE) == "Gäller"
    others = next(h for h in built.article(CASE).select("h2") if words(h) == "Andra ärenden om överenskommelsen")
    assert "Uppföljning av Föreningen Gemenskap" in words(others.find_next_sibling("ul"))  # type: ignore[arg-type]


def test_a_mandate_only_is_not_signed_and_a_proposal_only_is_proposed(built: BuiltSite) -> None:
    mandate = "overenskommelser/lkf-samverkan/"
    assert status(built, mandate) == "Uppdrag att teckna, undertecknande anges inte"
    assert built.steps(mandate) == [
        "Uppdrag att teckna: Kommunstyrelsen 13 mars 2024, § 46: Samverkan med LKF"]
    intent = "overenskommelser/bostader-avsiktsforklaring/"
    assert status(built, intent) == "Föreslagen, senare beslut anges inte"
    assert words(built.fact_box(intent)["Typ"]) == "Avsiktsförklaring"


def test_extension_and_termination_as_the_decisions_state_them(built: BuiltSite) -> None:
    ombud = "overenskommelser/ombud-2021-2023/"
    assert built.steps(ombud) == [
        "Antagen: Socialnämnden 9 december 2020, § 200",
        "Förlängd till 31 december 2024: Socialnämnden 15 november 2023, § 150: Personligt ombud förlängs",
        "Uppsagd, upphör 31 augusti 2024: Socialnämnden 15 maj 2024: Personligt ombud sägs upp",
    ]
    assert status(built, ombud) == "Har upphört", "ended on the last day the termination states"
    assert status(built, "overenskommelser/lokal-2022-2023/") == "Förlängd, nytt slutdatum anges inte"
    assert built.steps("overenskommelser/lokal-2022-2023/")[0].startswith(
        "Förlängd (nytt slutdatum anges inte): Socialnämnden 15 november 2023")
    kafe = "overenskommelser/kafe-2023-2025/"
    assert status(built, kafe) == "Uppsagd", "no day of ending is invented"
    assert [s.split(":")[0] for s in built.steps(kafe)] == ["Ändrad", "Uppsagd (sista dag anges inte)"]


def test_a_council_decision_known_only_by_its_citation_names_the_body_its_source_names(built: BuiltSite) -> None:
    stod = "overenskommelser/stod-2024-2025/"
    assert built.steps(stod) == [
        "Förslag till kommunfullmäktige: Socialnämnden 15 maj 2024: Förslag om stöd till Föreningen Gemenskap",
        "Antagen: Kommunfullmäktige 12 juni 2024, § 120",
        "Uppdrag att teckna: 12 juni 2024, § 121",
    ], "the council as the source names it, not the responsible committee; no body where none is named"
    assert words(built.fact_box(stod)["Beslutat"]) == "Kommunfullmäktige 12 juni 2024, § 120"
    assert status(built, stod) == "Gäller"
    paper = data(built, "oparl/paper/overenskommelse-stod-2024-2025.json")
    assert [c["role"] for c in paper["consultation"]] == ["Föreslår"], "a cited decision has no meeting here"
    assert paper["date"] == "2024-06-12", "filed by its adoption"
    steps = data(built, "data/overenskommelser/stod-2024-2025.json")["steps"]
    assert [(s["action"], s["body"] and s["body"]["id"], s["decision"]["published"]) for s in steps] == [
        ("föreslår", "socialnamnden", True), ("antar", "kommunfullmaktige", False), ("uppdrag att teckna", None, False)]


def test_known_only_from_a_news_item(built: BuiltSite) -> None:
    news = "overenskommelser/nyhet-2024/"
    facts = built.fact_box(news)
    assert words(facts["Typ"]) == "anges inte", "an agreement whose kind the source does not state is no IOP"
    assert "Beslutsgång" not in [words(h) for h in built.article(news).select("h2")]
    assert "www.lund.se/nyheter/sommarjobb-2024" in words(one(built.article(news), ".source-note"))


def test_the_meeting_page_names_each_step(built: BuiltSite) -> None:
    facts = [words(li) for li in built.article("sammantraden/2024-02-14-socialnamnden/").select(".matter-facts li")]
    assert ("Föreslår: Överenskommelse om idéburet offentligt partnerskap med Föreningen Gemenskap 2024–2026 "
            "(till kommunstyrelsen)") in facts
    assert "Ändrar: Överenskommelse om kafé – Kaféföreningen (2023–2025)" in facts
    may = [words(li) for li in built.article("sammantraden/2024-05-15-socialnamnden/").select(".matter-facts li")]
    assert ("Säger upp: Överenskommelse om personligt ombud – Föreningen Gemenskap (2021–2023) "
            "(upphör 31 augusti 2024)") in may


def test_the_agreement_json_carries_the_steps(built: BuiltSite) -> None:
    record = data(built, "data/overenskommelser/gemenskap-2024-2026.json")
    steps = record["steps"]
    assert [(s["action"], s["date"], s["body"]["id"], (s["to"] or {}).get("id")) for s in steps] == [
        ("föreslår", "2024-02-14", "socialnamnden", "kommunstyrelsen"),
        ("föreslår", "2024-03-13", "kommunstyrelsen", "kommunfullmaktige"),
        ("antar", "2024-04-24", "kommunfullmaktige", None),
    ]
    assert [s["refers_to"] and s["refers_to"]["matter"] for s in steps] == [
        None, "gemenskap-forslag-2024", "gemenskap-ks-2024"]
    assert steps[2]["decision"]["url"].endswith("/sammantraden/2024-04-24-kommunfullmaktige/#gemenskap-kf-2024")
    assert record["status"]["value"] == "Gäller"
    ombud = data(built, "data/overenskommelser/ombud-2021-2023.json")
    assert [(s["action"], s["end"], s["decision"]["published"]) for s in ombud["steps"]] == [
        ("antar", None, False), ("förlänger", "2024-12-31", True), ("säger upp", "2024-08-31", True)]
    assert data(built, "data/overenskommelser/lokal-2022-2023.json")["steps"][0]["end"] is None
    assert data(built, "data/overenskommelser/nyhet-2024.json")["kind"] is None


def test_the_csv_has_the_steps_and_leaves_an_unstated_kind_empty(built: BuiltSite) -> None:
    rows = {r["Id"]: r for r in csv.DictReader(io.StringIO(read(built, "data/overenskommelser.csv")), delimiter=";")}
    assert rows["gemenskap-2024-2026"]["Beslutsgång"] == (
        "2024-02-14 Socialnämnden: Förslag till kommunstyrelsen | 2024-03-13 Kommunstyrelsen: Förslag till "
        "kommunfullmäktige | 2024-04-24 Kommunfullmäktige: Antagen")
    assert rows["lkf-samverkan"]["Status"] == "Uppdrag att teckna, undertecknande anges inte"
    assert rows["nyhet-2024"]["Beslutsgång"] == "" and rows["nyhet-2024"]["Typ"] == ""


def test_oparl_one_paper_a_consultation_per_step(built: BuiltSite) -> None:
    paper = data(built, "oparl/paper/overenskommelse-gemenskap-2024-2026.json")
    consultations = paper["consultation"]
    assert [(c["role"], c["authoritative"]) for c in consultations] == [
        ("Föreslår", False), ("Föreslår", False), ("Antar", True), ("Behandling", False)]
    bodies = ["socialnamnden", "kommunstyrelsen", "kommunfullmaktige", "socialnamnden"]
    assert all(len(c["organization"]) == 1 and c["organization"][0].endswith(f"-{b}.json")
               for c, b in zip(consultations, bodies, strict=True)), [c["organization"] for c in consultations]
    assert [c["meeting"].rsplit("/", 1)[1] for c in consultations[:3]] == [
        "2024-02-14-socialnamnden.json", "2024-03-13-kommunstyrelsen.json", "2024-04-24-kommunfullmaktige.json"]
    assert consultations[2]["agendaItem"].endswith("/oparl/agenda-item/gemenskap-kf-2024.json")
    for c in consultations:  # each is also its own object, as the client fetches it
        own = data(built, "oparl/" + c["id"].split("/oparl/", 1)[1])
        assert own == c
    termination = data(built, "oparl/paper/overenskommelse-ombud-2021-2023.json")["consultation"]
    assert [c["role"] for c in termination] == ["Förlänger", "Säger upp"], "a cited decision has no meeting here"


def test_every_oparl_object_is_valid(built: BuiltSite) -> None:
    for path in sorted((built.path / "oparl").rglob("*.json")):
        for obj in oparl_objects(json.loads(path.read_text(encoding="utf-8"))):
            name = str(obj["type"]).rsplit("/", 1)[1]
            assert list(validator(name).iter_errors(obj)) == [], Path(path).name


# -- wrongly written: each stops the load with a Swedish message naming file, line and field ------------------

MEETING_0214 = "decisions/2024-02-14-socialnamnden.md"
MEETING_0313 = "decisions/2024-03-13-kommunstyrelsen.md"
MEETING_0424 = "decisions/2024-04-24-kommunfullmaktige.md"
MEETING_0515 = "decisions/2024-05-15-socialnamnden.md"


def load(root: Path, tree: dict[str, str]) -> None:
    files: dict[str, str | bytes | None] = dict(tree)
    write_tree(root, files)
    loader.load(root, dt.date.fromisoformat(BUILD_DATE))


STOD = "agreements/stod-2024-2025.md"


@pytest.mark.parametrize(("path", "old", "new", "expected"), [
    (STOD, 'decision: "2024-06-12 § 120"', 'decision: "2024-02-14 § 20"',
     f"{STOD}:9: cited_steps.0.decision: beslutet 2024-02-14 § 20 är publicerat: ärendet 'gemenskap-forslag-2024' i "
     f"{MEETING_0214}; skriv steget där"),
    (STOD, "body: kommunfullmaktige", "body: kommunfullmaktig",
     f"{STOD}:9: cited_steps.0.body: det finns ingen nämnd med id 'kommunfullmaktig'"),
    (STOD, "term: {start: 2024-07-01", 'adopted_by: "2024-06-12 § 120"\nterm: {start: 2024-07-01',
     f"{STOD}:10: cited_steps.0.action: överenskommelsen antas redan av ett annat beslut"),
    (STOD, "- {action: uppdrag att teckna,", "- {action: uppdrag att teckna, end: 2025,",
     f"{STOD}:10: cited_steps.1.end: 'end' anger ett nytt slutdatum och hör bara till"),
    (MEETING_0214, "agreement: kafe-2023-2025, action: ändrar", "agreement: kafe-2032, action: ändrar",
     f"{MEETING_0214}:19: matters.2.steps.0.agreement: det finns ingen överenskommelse med id 'kafe-2032'"),
    (MEETING_0214, "action: ändrar", "action: godkänner",
     f"{MEETING_0214}:19: matters.2.steps.0.action: 'godkänner' är inget av de värden som finns"),
    (MEETING_0214, "action: ändrar", "action: ändrar, to: kommunstyrelsen",
     f"{MEETING_0214}:19: matters.2.steps.0.to: 'to' anger vilket organ ett förslag går till"),
    (MEETING_0313, "refers_to: gemenskap-forslag-2024", "refers_to: gemenskap-forslag-2042",
     f"{MEETING_0313}:11: matters.0.steps.0.refers_to: det finns inget ärende med id 'gemenskap-forslag-2042'"),
    (MEETING_0424, "refers_to: gemenskap-ks-2024", "refers_to: lkf-uppdrag-2024",
     f"{MEETING_0424}:11: matters.0.steps.0.refers_to: ärendet 'lkf-uppdrag-2024' i {MEETING_0313} tar inget steg "
     "för överenskommelsen 'gemenskap-2024-2026'"),
    (MEETING_0424, "refers_to: gemenskap-ks-2024", "refers_to: gemenskap-forslag-2024",
     f"{MEETING_0424}:11: matters.0.steps.0.refers_to: ärendet 'gemenskap-forslag-2024' i {MEETING_0214} föreslår "
     "överenskommelsen för kommunstyrelsen, men detta sammanträde är kommunfullmäktiges"),
    (MEETING_0515, "{agreement: kafe-2023-2025, action: säger upp}",
     "{agreement: kafe-2023-2025, action: säger upp}\n      - {agreement: ombud-2021-2023, action: ändrar}",
     f"{MEETING_0515}:14: matters.1.steps.1: överenskommelsen 'ombud-2021-2023' sägs redan upp av ärendet "
     "'ombud-uppsagning-2024' (2024-05-15); ett senare beslut kan inte ändra den"),
    ("decisions/2023-11-15-socialnamnden.md", "end: 2024-12-31", "end: 2023-06-30",
     "decisions/2023-11-15-socialnamnden.md:10: matters.0.steps.0.end: förlängningen slutar 2023-06-30, men perioden "
     "slutar redan 2023"),
])
def test_steps_written_wrongly_are_refused(tmp_path: Path, path: str, old: str, new: str,
                                           expected: str) -> None:
    found = problems(tmp_path, edited(TREE, path, old, new), BUILD_DATE)
    assert any(p.startswith(expected) for p in found), "\n".join(found)


def test_a_step_dated_before_the_one_it_refers_to_is_refused(tmp_path: Path) -> None:
    """The council's adoption moved to before the board's proposal it follows."""
    tree = dict(TREE)
    council = tree.pop(MEETING_0424).replace("date: 2024-04-24", "date: 2024-03-01")
    tree["decisions/2024-03-01-kommunfullmaktige.md"] = council
    with pytest.raises(ContentError) as raised:
        load(tmp_path, tree)
    assert [str(p) for p in raised.value.problems] == [
        "decisions/2024-03-01-kommunfullmaktige.md:11: matters.0.steps.0.refers_to: steget är daterat 2024-03-01, före "
        f"steget det hänvisar till ('gemenskap-ks-2024' i {MEETING_0313}, 2024-03-13); ett beslut kan bara hänvisa "
        "till ett tidigare beslut – rätta datumet eller 'refers_to'"]


def test_the_same_step_twice_in_one_matter_is_refused(tmp_path: Path) -> None:
    tree = dict(TREE)
    assert "    paragraphs: [88]" in tree[MEETING_0424]
    tree[MEETING_0424] = tree[MEETING_0424].replace("    paragraphs: [88]", "    paragraphs: [88]\n"
                                                    "    adopts: [gemenskap-2024-2026]")
    with pytest.raises(ContentError) as raised:
        load(tmp_path, tree)
    assert any("ärendet tar redan steget 'antar' för överenskommelsen 'gemenskap-2024-2026'" in str(p)
               for p in raised.value.problems), raised.value.problems


def test_an_amendment_after_an_extension_without_an_end_leaves_the_end_unstated(tmp_path: Path) -> None:
    tree = dict(TREE)
    old = "{agreement: kafe-2023-2025, action: säger upp}"
    assert old in tree[MEETING_0515]
    tree[MEETING_0515] = tree[MEETING_0515].replace(
        old, old + "\n      - {agreement: lokal-2022-2023, action: ändrar}")
    files: dict[str, str | bytes | None] = dict(tree)
    write_tree(tmp_path, files)
    archive = loader.load(tmp_path, dt.date.fromisoformat(BUILD_DATE))
    lokal = archive.agreements["lokal-2022-2023"]
    assert [s.outcome for s in archive.steps_of(lokal)] == ["Förlängd (nytt slutdatum anges inte)", "Ändrad"]
    assert archive.status_of(lokal, dt.date.fromisoformat(BUILD_DATE)).value == "Förlängd, nytt slutdatum anges inte"
    assert archive.status_of(lokal, dt.date(2023, 12, 1)).value == "Gäller"
