"""Lists as new editors found them on real pages (Göteborg, Gävle, Jönköping, Västerås): every list names an
agreement by one rule (its title, with the parties and the period where the title does not name them), says how
many are in force with what is known of the others, places a term that states only its end as such, shows a
partner's kind in the source's words, and labels an agenda item's number as a point of the agenda.

Builds tests/cases/lists.yaml with the real engine and reads the pages, JSON and OParl.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from namndbeslut import dates, loader
from namndbeslut.errors import ContentError
from support.project import CASES_DIR, write_tree
from support.site import BuiltSite, built_tree, data, one, words

TREE = yaml.safe_load((CASES_DIR / "lists.yaml").read_text(encoding="utf-8"))
UNSTATED = ["Avtal om härbärge – Stadsmissionen (period anges inte)",
            "Avtal om matkassar – Stadsmissionen (period anges inte)",
            "Avtal om rådgivning – Stadsmissionen (period anges inte)"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built_tree(tmp_path_factory, "lists", TREE, "2024-06-01")


def first_column(site: BuiltSite, url: str, table: str = "table") -> list[str]:
    return sorted(words(tr.select("td")[0]) for tr in one(site.article(url), table).select("tbody tr"))


# -- 1: every list tells the agreements apart, by one rule --------------------------------------------------------


def test_every_list_names_an_agreement_by_its_title_parties_and_period(built: BuiltSite) -> None:
    assert first_column(built, "namnder/kommunstyrelsen/") == UNSTATED
    assert first_column(built, "partner/stadsmissionen/") == UNSTATED
    assert first_column(built, "overenskommelser/") == UNSTATED  # 'Utan angiven period eller datum'
    assert set(UNSTATED) <= set(first_column(built, ""))
    assert words(one(built.article("namnder/kommunstyrelsen/"), "thead th")) == "Överenskommelse"
    year = [words(a) for a in built.article("overenskommelser/2020/").select("li a")]
    assert "Trygghetsvärdar 2020–2022 – HSB Gävle ekonomisk förening" in year  # the title names the period
    assert "Samverkan om boende – HSB Gävle ekonomisk förening (t.o.m. 2020)" in year


# -- 2: how many are in force, and what is known of the others ------------------------------------------------------


def test_the_count_in_force_says_what_is_known_of_the_others(built: BuiltSite) -> None:
    text = words(built.article("overenskommelser/")).replace(" :", ":")  # the build date is an element of its own
    assert ("Publicerade överenskommelser: 5. Status 1 juni 2024: 0 gäller, 2 har upphört och 3 har en period som "
            "inte anges.") in text
    assert "Överenskommelser där Kommunstyrelsen anges 3: 0 gäller och 3 har en period som inte anges" in text
    assert "av de 5 publicerade" not in text


def test_status_counts_name_every_status() -> None:
    assert dates.status_counts([dates.Status.UNSTATED] * 3) == "0 gäller och 3 har en period som inte anges"
    assert dates.status_counts([]) == "0 gäller"
    assert all("har status" not in dates.status_counts([s]) for s in dates.Status)


# -- 3: a term that states only its end is listed as such on a year page --------------------------------------------


def test_a_year_page_places_a_term_with_only_an_end_apart(built: BuiltSite) -> None:
    page = built.article("overenskommelser/2020/")
    sections = {words(h): [words(a) for a in h.find_next_sibling("ul").select("a")]  # type: ignore[union-attr]
                for h in page.select("h2")}
    assert sections == {"Perioden börjar 2020": ["Trygghetsvärdar 2020–2022 – HSB Gävle ekonomisk förening"],
                        "Perioden slutar 2020, start anges inte": [
                            "Samverkan om boende – HSB Gävle ekonomisk förening (t.o.m. 2020)"]}
    assert "vars period börjar 2020" not in words(page)


# -- 4: a partner's kind in the source's words ---------------------------------------------------------------------


def test_a_partners_kind_as_the_source_words_it(built: BuiltSite) -> None:
    assert words(built.fact_box("partner/hsb-gavle/")["Slag"]) == "Ekonomisk förening"
    assert words(built.fact_box("partner/stadsmissionen/")["Slag"]) == "Idéburen organisation"
    record = data(built, "data/overenskommelser/hsb-boende.json")
    assert record["partners"][0]["kind"] is None and record["partners"][0]["kind_as_given"] == "ekonomisk förening"
    assert "kind_as_given" not in data(built, "data/overenskommelser/stadsmissionen-matkassar.json")["partners"][0]
    organization = data(built, "oparl/organization/partner-hsb-gavle.json")
    assert (organization["classification"], organization["namndbeslut:kind"]) == ("Avtalspart", "Ekonomisk förening")


def test_an_organisation_decisions_only_concern_is_no_party_in_oparl(built: BuiltSite) -> None:
    """A grant's recipient that is party to no agreement here is not called 'Avtalspart' (a new editor's Region
    Gotland: a grant to LRF Fårö, a company an owner directive names)."""
    assert data(built, "oparl/organization/partner-lrf-faro.json")["classification"] == "Berörd organisation"
    assert data(built, "oparl/organization/partner-stadsmissionen.json")["classification"] == "Avtalspart"


LIST = "idéburen organisation, företag, kommunalt bolag, offentlig aktör, förvaltning"


@pytest.mark.parametrize(("kind", "expected"), [
    pytest.param("kind: ekonomisk förening\n", f"partners/p.md:3: kind: 'ekonomisk förening' är inget av de listade "
                 f"slagen ({LIST}); står det något annat i källan, skriv källans ord under 'kind_as_given' och ta bort "
                 "'kind'", id="an_unlisted_kind"),
    pytest.param("kind: företag\nkind_as_given: aktiebolag\n", "partners/p.md:4: kind_as_given: ange typen antingen "
                 "med 'kind' (ett av de listade slagen) eller med 'kind_as_given' (källans ord), inte båda",
                 id="both_kinds"),
    pytest.param("kind_as_given: Företag\n", "partners/p.md:3: kind_as_given: 'Företag' finns i listan; skriv "
                 "'kind: företag' och ta bort 'kind_as_given'", id="a_listed_kind_as_given"),
])
def test_a_partners_kind_is_refused_by_name(kind: str, expected: str, tmp_path: Path) -> None:
    write_tree(tmp_path, {"partners/p.md": f"---\nname: P\n{kind}---\n"})
    with pytest.raises(ContentError) as caught:
        loader.load(tmp_path, dt.date(2024, 6, 1))
    assert [f"{p.path.as_posix()}:{p.line}: {p.field}: {p.message}" for p in caught.value.problems] == [expected]


# -- 5: an agenda item's number is a point of the agenda, not a case number ---------------------------------------


def test_an_items_number_is_labelled_as_a_point(built: BuiltSite) -> None:
    facts = [words(li) for li in one(built.article("sammantraden/2024-03-13-kommunstyrelsen/"),
                                     "h2#matkassar-2024 ~ ul.matter-facts").select("li")]
    assert "Punkt 5" in facts and "Diarienummer: KS 2024/0012" in facts
    assert not [f for f in facts if f.startswith("Ärendenummer")]
