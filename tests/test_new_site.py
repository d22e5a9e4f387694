"""A site for another municipality (`make new-site`, newsite.py): nothing of the example's municipality (Lund) is
published, the example's history is not the new site's (no tombstones, no deleted OParl objects), a leftover Lund
setting is refused naming the setting, and `make check` reports the address problems `make site` stops on."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from namndbeslut import history, municipality, statement
from namndbeslut.errors import ContentError
from support.git import commit, git, repository
from support.project import ROOT, make
from support.site import BuiltSite, build

BUILD_DATE = "2026-01-15"
AT = dt.datetime.fromisoformat
LUND = re.compile(r"lund|2693678", re.IGNORECASE)
VENDORED = re.compile(r"^pagefind/(?:pagefind[-.][^/]*\.(?:js|css)|wasm\.[a-z]+\.pagefind)$")
"""Pagefind's own scripts, styles and program (its Turkish strings say 'bulundu'); the index itself is checked."""
COMMITTEE = """\
---
name: Kommunstyrelsen
kind: kommunstyrelse
documents_url: https://www.uppsala.se/handlingar
---
Kommunstyrelsen leder och samordnar kommunens arbete.
"""
MEETING = """\
---
committee: kommunstyrelsen
date: 2025-11-12
title: Kommunstyrelsen – beslut november 2025
place: Stadshuset
matters:
  - id: budget-2026
    kind: beslut
    paragraphs: [201]
---
Kommunstyrelsen sammanträdde i november.

## Budget för 2026 {#budget-2026}

Kommunstyrelsen beslutade att föreslå budgeten för kommunfullmäktige.
"""
TESTED = "Vi har granskat webbplatsen med skärmläsaren NVDA och med tangentbord."
FILLED = {"contact: {email: FYLL I}": "contact: {email: oppnadata@uppsala.se}",
          "    email: FYLL I": "    email: tillganglighet@uppsala.se",
          "    reviewed: FYLL I": "    reviewed: 2025-12-01",
          "    tested: FYLL I": f"    tested: {TESTED}",
          "    content_problems: [FYLL I]": "    content_problems: []"}


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The project (committed in 2025) made into Uppsala's site: what `make new-site` and then `make check` said."""
    repo = repository(tmp_path_factory.mktemp("uppsala") / "project")
    new = make(repo, "new-site", env={"NAME": "Uppsala kommun"})
    assert new.returncode == 0, new.stderr
    checked = make(repo, "check", env={"BUILD_DATE": BUILD_DATE})
    return repo, new.stdout, checked.stdout + checked.stderr


@pytest.fixture(scope="module")
def uppsala(started: tuple[Path, str, str], tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """Uppsala's site with its settings filled in, one body and one meeting, committed; the folders it has nothing
    in left out (as a clone has them: git keeps no empty folder), built."""
    repo = started[0]
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in FILLED.items():
        assert old in text
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    (repo / "committees" / "kommunstyrelsen.md").write_text(COMMITTEE, encoding="utf-8")
    (repo / "decisions" / "2025-11-12-kommunstyrelsen.md").write_text(MEETING, encoding="utf-8")
    for folder in ("agreements", "partners", "reports"):
        shutil.rmtree(repo / folder)
    commit(repo, "Uppsala kommuns webbplats", "2025-12-01T10:00:00+01:00")
    dest = tmp_path_factory.mktemp("uppsala-site")
    result = build(dest, BUILD_DATE, repo)
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr and "WARNING" not in result.stderr, result.stderr
    return BuiltSite(dest)


def _published(site: BuiltSite) -> dict[str, str]:
    """Every file of the site as text (Pagefind's index decompressed), by its path in the site."""
    out = {}
    for path in sorted(p for p in site.path.rglob("*") if p.is_file()):
        rel, data = path.relative_to(site.path).as_posix(), path.read_bytes()
        if VENDORED.match(rel):
            continue
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        out[rel] = data.decode("utf-8", errors="replace")
    return out


def test_new_site_says_what_it_did_and_what_to_fill_in(started: tuple[Path, str, str]) -> None:
    repo, said, checked = started
    assert "Webbplatsen gäller nu Uppsala kommun." in said and "FYLL I" in said
    assert not [p for p in repo.glob("*/*.md") if p.parts[-2] in ("agreements", "decisions", "partners")]
    assert "started_after: " + git(repo, "rev-parse", "HEAD").strip() in (repo / "addresses.yml").read_text()
    for field in ("extra.open_data.contact.email", "extra.accessibility.email", "extra.accessibility.reviewed",
                  "extra.accessibility.tested", "extra.accessibility.content_problems.0"):
        assert "mkdocs.yml:" in checked and f": {field}: platshållaren 'FYLL I' är kvar" in checked, checked
    assert "har publicerats men finns inte längre" not in checked and "watch" not in checked


def test_nothing_published_names_lund(uppsala: BuiltSite) -> None:
    files = _published(uppsala)
    assert {"index.html", "oparl/body.json", "data/katalog.rdf", "sammantraden.xml", "kalender/kommunstyrelsen.ics",
            "data/overenskommelser.csv", "tillganglighetsredogorelse/index.html"} <= files.keys()
    assert any(rel.startswith("pagefind/fragment/") for rel in files)
    named = {rel: LUND.search(text) for rel, text in files.items()}
    assert not {rel: m.group(0) for rel, m in named.items() if m}, "Lund is named"


def test_the_municipality_is_uppsala_everywhere(uppsala: BuiltSite) -> None:
    assert json.loads((uppsala.path / "oparl/body.json").read_text(encoding="utf-8"))["name"] == "Uppsala kommun"
    footer = uppsala.soup("").select_one(".md-copyright__highlight")
    assert footer is not None and footer.get_text() == "Uppsala kommun – beslut och överenskommelser"
    assert "Uppsala kommun står bakom den här webbplatsen" in uppsala.text("tillganglighetsredogorelse/")
    catalogue = (uppsala.path / "data/katalog.rdf").read_text(encoding="utf-8")
    assert '<foaf:name xml:lang="sv">Uppsala kommun</foaf:name>' in catalogue
    assert "Uppsala kommun publicerar beslut och överenskommelser som öppna data." in catalogue
    assert "geonames" not in catalogue


def test_the_accessibility_statement_says_only_what_holds_for_the_new_site(uppsala: BuiltSite) -> None:
    """The statement said the agreements' text came from PDF documents and described tests of the example's site: a
    new site's says what the software guarantees, and the municipality's own facts as it filled them in."""
    text = uppsala.text("tillganglighetsredogorelse/")
    for example in ("PDF-dokument", "självskattning", "Lighthouse", "bara granskats med automatiska verktyg",
                    "flera länkar samma text"):
        assert example not in text, example
    assert "Programvaran som bygger webbplatsen testas vid varje ändring av programvaran, med exempelinnehåll" in text
    assert TESTED in text and "Sökfunktionen kräver JavaScript" in text


def test_no_tombstones_of_the_example(uppsala: BuiltSite) -> None:
    files = _published(uppsala)
    assert not [rel for rel, text in files.items() if "Sidan har tagits bort" in text]
    assert not [rel for rel, text in files.items() if rel.startswith("oparl/") and '"deleted": true' in text]
    assert not [line for line in files["_redirects"].splitlines() if not line.startswith("#")]
    assert not (uppsala.path / "sammantraden/2020-11-11-socialnamnden").exists()


def test_the_address_is_a_placeholder_a_local_build_takes_and_publishing_refuses(
        started: tuple[Path, str, str], uppsala: BuiltSite, tmp_path: Path) -> None:
    repo, said, _ = started
    assert "\nsite_url: https://FYLL-I.example/\n" in (repo / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url" in said and "example.github.io" not in (repo / "mkdocs.yml").read_text(encoding="utf-8")
    body = json.loads((uppsala.path / "oparl/body.json").read_text(encoding="utf-8"))
    assert body["id"].startswith("https://FYLL-I.example/")  # every address of the open data is made from it
    published = build(tmp_path / "out", BUILD_DATE, repo, environ={"PUBLISH": "1"})
    assert published.returncode != 0
    refused = published.stdout + published.stderr
    assert "site_url: 'https://FYLL-I.example/' är en platshållare" in refused, refused


def test_the_start_page_says_what_is_published_not_what_kind_of_source(uppsala: BuiltSite) -> None:
    """News items and agendas are no summaries of decisions: the generated start page does not call them so."""
    start = uppsala.text("")
    assert "Här publicerar Uppsala kommun beslut och överenskommelser, så som källorna anger dem" in start
    assert "sammanfattning" not in start


FILL_IN = ("extra.open_data.contact.email", "extra.accessibility.email", "extra.accessibility.reviewed",
           "extra.accessibility.tested", "extra.accessibility.content_problems.0")


@pytest.fixture(scope="module")
def unfilled(started: tuple[Path, str, str], tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[Path, str, BuiltSite]:
    """The new site as `make new-site` left mkdocs.yml (FYLL I where only the editor knows), built locally: the
    project, what the build said, the site."""
    repo = tmp_path_factory.mktemp("unfilled") / "copy"
    shutil.copytree(started[0], repo, symlinks=True)
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in FILLED.items():  # as `make new-site` left it, whether or not `uppsala` filled it in
        text = text.replace(new, old)
    config.write_text(text, encoding="utf-8")
    dest = tmp_path_factory.mktemp("unfilled-site")
    local = build(dest, BUILD_DATE, repo)
    assert local.returncode == 0, local.stdout + local.stderr
    return repo, local.stdout + local.stderr, BuiltSite(dest)


def test_fyll_i_builds_locally_saying_so_per_setting(unfilled: tuple[Path, str, BuiltSite],
                                                     started: tuple[Path, str, str]) -> None:
    """Trial editors made up an e-mail and a review date to get a local build (issue 26): a local build takes
    FYLL I where `make new-site` left it and says so, one line per setting with its line, as `make check` does."""
    repo, said, _ = unfilled
    checked = started[2]
    lines = (repo / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    reviewed = lines.index("    reviewed: FYLL I") + 1
    assert f"mkdocs.yml:{reviewed}: extra.accessibility.reviewed: platshållaren 'FYLL I' är kvar" in said, said
    for field, log in ((field, log) for field in FILL_IN for log in (said, checked)):
        found = re.findall(rf"^.*mkdocs\.yml:\d+: {re.escape(field)}: platshållaren 'FYLL I' är kvar; skriv in .*$",
                           log, re.M)
        assert len(found) == 1 and found[0].endswith("men make publish stoppar tills den är"), (field, log)
    assert "fel hittades" not in checked
    text = " ".join(line.strip(" #") for line in lines if line.lstrip().startswith("#"))
    assert "FYLL I, which `make new-site` writes here and in open_data, builds locally" in text
    assert "`make publish` refuses it" in text and "is refused by every build" not in text


def test_an_unfilled_fact_is_said_to_be_unfilled_never_shown(unfilled: tuple[Path, str, BuiltSite]) -> None:
    """The statement says which of its facts are not filled in yet; no page or file shows the placeholder."""
    site = unfilled[2]
    text = site.text("tillganglighetsredogorelse/")
    for said in ("kontakta Uppsala kommun: e-post (uppgiften är inte ifylld än)",
                 "Kända brister i webbplatsens eget innehåll: uppgiften är inte ifylld än.",
                 "Hur Uppsala kommun har testat just den här webbplatsen: uppgiften är inte ifylld än.",
                 "Datum för den senaste bedömningen: uppgiften är inte ifylld än."):
        assert said in " ".join(text.split()), said
    assert not site.article("tillganglighetsredogorelse/").select('.statement-contact a')
    catalogue = (site.path / "data/katalog.rdf").read_text(encoding="utf-8")
    assert "vcard:hasEmail" not in catalogue and "Uppsala kommun" in catalogue
    shown = {rel: text for rel, text in _published(site).items() if re.search(r"FYLL[ -]I(?!\.example)", text)}
    assert not shown, list(shown)


def test_make_publish_refuses_each_unfilled_setting(unfilled: tuple[Path, str, BuiltSite], tmp_path: Path) -> None:
    repo = unfilled[0]
    published = build(tmp_path / "out", BUILD_DATE, repo,
                      environ={"PUBLISH": "1", "SITE_URL": "https://beslut.uppsala.se/"})
    said = published.stdout + published.stderr
    assert published.returncode != 0
    for field in FILL_IN:
        assert re.search(rf"^mkdocs\.yml:\d+: {re.escape(field)}: platshållaren 'FYLL I' är kvar; skriv in [^;]*$",
                         said, re.M), (field, said)
    assert "kräver en e-postadress (email) eller ett telefonnummer" not in said


def test_an_empty_review_date_is_no_placeholder() -> None:
    """Only FYLL I is taken unfilled: a review date left empty is refused by every build, naming the setting."""
    with pytest.raises(ContentError, match="skriv dagen för den senaste granskningen"):
        statement.from_settings({"accessibility": {"email": "a@uppsala.se", "reviewed": None}})
    with pytest.raises(ContentError, match="unfilled"):
        statement.from_settings({"accessibility": {"email": "a@uppsala.se", "reviewed": "2025-01-01",
                                                   "unfilled": ["reviewed"]}})
    taken = statement.from_settings({"accessibility": {"email": "FYLL I", "reviewed": "FYLL I"}})
    assert taken.unfilled == {"email", "reviewed"} and taken.email is None and taken.reviewed is None


def test_a_leftover_lund_setting_is_refused_naming_it(started: tuple[Path, str, str], tmp_path: Path) -> None:
    repo = tmp_path / "copy"
    shutil.copytree(started[0], repo, symlinks=True)
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in FILLED.items():
        text = text.replace(old, new)
    text = text.replace("    spatial:\n", "    spatial:\n      - http://sws.geonames.org/2693678/\n")
    config.write_text(text.replace("oppnadata@uppsala.se", "oppnadata@lund.se"), encoding="utf-8")
    said = make(repo, "check", env={"BUILD_DATE": BUILD_DATE}).stdout
    assert re.search(r"^mkdocs\.yml:\d+: extra\.open_data\.spatial\.0: 'http://sws\.geonames\.org/2693678/' är "
                     r"exemplets uppgift om Lunds kommun, men webbplatsen gäller Uppsala kommun", said, re.M), said
    assert re.search(r"^mkdocs\.yml:\d+: extra\.open_data\.contact\.email: 'oppnadata@lund\.se' är exemplets", said,
                     re.M), said


def test_the_example_settings_are_refused_for_another_municipality() -> None:
    text, config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Path("mkdocs.yml")
    assert municipality.problems(config, text) == []
    found = municipality.problems(config, text.replace("municipality: Lunds kommun", "municipality: Håbo kommun"))
    assert {p.field for p in found} == {"site_description", "extra.open_data.contact.name",
                                        "extra.open_data.contact.url", "extra.open_data.publisher.description",
                                        "extra.open_data.spatial.0"}
    missing = municipality.problems(config, text.replace("municipality: Lunds kommun", "municipality: ''"))
    assert [p.field for p in missing] == ["extra.municipality"]


def test_history_leaves_out_the_example_it_started_from() -> None:
    log = ("\x002025-12-01T10:00:00+01:00\n\nA\treports/r.md\nM\tcontent/index.md\n"
           "\x002025-11-15T10:00:00+01:00\n\nD\tpartners/a.md\nD\treports/r.md\n"
           "\x002025-11-01T10:00:00+01:00\n\nR100\tpartners/b.md\tpartners/c.md\n")
    inherited = frozenset(map(Path, ["partners/a.md", "partners/b.md", "reports/r.md", "content/index.md"]))
    found = history.parse_log(log, pending="D\tcontent/index.md\nD\tpartners/c.md\n", inherited=inherited)
    assert Path("partners/a.md") not in found.events and Path("partners/b.md") not in found.events
    assert found.events[Path("reports/r.md")].fate is history.Fate.KEPT  # added again: the new site's own
    assert found.events[Path("partners/c.md")].fate is history.Fate.DELETED  # renamed into the site, then deleted
    assert found.spans[Path("content/index.md")].first == AT("2025-12-01T10:00:00+01:00")


def test_make_check_reports_a_deleted_record_as_make_site_does(tmp_path: Path) -> None:
    """After a whole build passed, a deleted record is a change to records alone: `make check` still asks history."""
    repo = repository(tmp_path / "project")
    assert make(repo, "check", env={"BUILD_DATE": BUILD_DATE}).returncode == 0
    git(repo, "rm", "-q", "reports/so-2020-0155.md")
    commit(repo, "Ta bort tjänsteskrivelsen", "2025-12-01T10:00:00+01:00")
    (repo / "reports").mkdir(exist_ok=True)
    checked = make(repo, "check", env={"BUILD_DATE": BUILD_DATE})
    built = build(tmp_path / "site", BUILD_DATE, repo)
    problem = "reports/so-2020-0155.md: adress: reports/so-2020-0155.md har publicerats men finns inte längre"
    assert checked.returncode != 0 and problem in checked.stdout, checked.stdout + checked.stderr
    assert built.returncode != 0 and problem in built.stdout + built.stderr


def test_a_new_site_without_meetings_says_so(tmp_path: Path) -> None:
    """A site whose bodies have no published meeting or agreement yet says so where the newest would be listed, with no
    heading over nothing (it showed 'År för år' over an empty list)."""
    repo = repository(tmp_path / "project")
    assert make(repo, "new-site", env={"NAME": "Uppsala kommun"}).returncode == 0
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in FILLED.items():
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    (repo / "committees" / "kommunstyrelsen.md").write_text(COMMITTEE, encoding="utf-8")
    commit(repo, "Uppsala kommuns webbplats", "2025-12-01T10:00:00+01:00")
    result = build(tmp_path / "site", BUILD_DATE, repo)
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "site")
    for page in ("", "sammantraden/"):
        assert "Inga sammanträden är publicerade än." in site.text(page), page
        assert not site.article(page).select("ul.meeting-list, .meeting-teaser"), page
    for page in ("", "overenskommelser/"):  # and no heading over an empty list of years or table of agreements
        assert "Inga överenskommelser är publicerade än." in site.text(page), page
        assert not site.article(page).select("ul.count-list, table"), page
    assert [h.get_text(strip=True) for h in site.article("overenskommelser/").select("h2")] == []
    assert not site.article("sammantraden/").select("h2#per-ar")
