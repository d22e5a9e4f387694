"""`make new-meeting` / `make new-agreement`: a file with every field, refused until filled in, then valid."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from namndbeslut import categories, check, frontmatter, scaffold, schema
from support.project import make, project_copy
from support.site import BuiltSite, build

FILLED = {
    "title": "Överenskommelse om idéburet offentligt partnerskap med Föreningen Ny Start 2022–2024",
    "public_party": "Socialförvaltningen i Lund", "start": "2022-01-01", "end": "2024-12-31", "amount": "100000",
    "name": "Anna Andersson",
}
"""What an editor writes in place of each placeholder, by field."""


def fill(path: Path, years: tuple[int, int] = (2022, 2024), matter_id: str = "nytt-arende-2021") -> None:
    """Replace every placeholder the way an editor would: a value per field, text in the body."""
    FILLED.update(start=f"{years[0]}-01-01", end=f"{years[1]}-12-31")
    text = path.read_text(encoding="utf-8").replace("FYLL-I-arendets-id", matter_id)
    def value(match: re.Match[str]) -> str:
        return f"{match[1]}{match[2]}: {FILLED[match[2]]!r}".replace("'", '"')
    text = re.sub(r"^(\s*)kind: FYLL I(?=( +# namnet tyder på: ([^;]+);)?)",  # the name's suggestion, confirmed;
                  lambda m: f"{m[1]}kind: {m[3] or 'anges inte'}", text, flags=re.MULTILINE)  # else: not stated
    text = re.sub(r"^(\s*(?:- )?)(\w+): \"?FYLL I[^\"#\n]*\"?", value, text, flags=re.MULTILINE)
    text = re.sub(r"FYLL I: ([^{\n]*)", lambda m: m[1].capitalize(), text)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_copy(tmp_path)


def test_new_meeting_is_refused_until_filled_in_then_valid(project: Path) -> None:
    path = scaffold.new_meeting(project, "2021-09-15")
    assert path == project / "decisions" / "2021-09-15-socialnamnden.md"
    text = path.read_text(encoding="utf-8")
    assert 'title: "FYLL I: rubriken som källan ger, t.ex. Socialnämnden – beslut september 2021"' in text
    unfilled = [str(p) for p in check.problems(project)]
    assert unfilled and all("platshållaren 'FYLL I' är kvar" in p for p in unfilled), unfilled
    placeholders = {str(i) for i, line in enumerate(text.split("\n"), 1)
                    if "FYLL" in line and not line.startswith("# ")}
    assert {p.split(":")[1] for p in unfilled} == placeholders
    fill(path)
    assert check.problems(project) == []


def test_new_agreement_for_a_new_partner_then_valid_and_built(project: Path,
                                                              tmp_path_factory: pytest.TempPathFactory) -> None:
    paths = scaffold.new_agreement(project, "Föreningen Ny Start", "2022-2024")
    assert [p.relative_to(project).as_posix() for p in paths] == [
        "partners/foreningen-ny-start.md", "agreements/foreningen-ny-start-2022-2024.md"]
    assert len(check.problems(project)) > 5
    for path in paths:
        fill(path)
    assert check.problems(project) == []
    out = tmp_path_factory.mktemp("site")
    result = build(out, "2023-01-01", root=project)
    assert result.returncode == 0, result.stderr
    text = BuiltSite(out).text("overenskommelser/foreningen-ny-start-2022-2024/")
    assert "Föreningen Ny Start" in text and "2022: 100 000 kr" in text, text


def test_new_agreement_for_a_known_partner_by_name(project: Path) -> None:
    [path] = scaffold.new_agreement(project, "vänskapens  hus", "2024-2026")
    assert path.name == "vanskapens-hus-2024-2026.md"
    assert "partner: vanskapens-hus" in path.read_text(encoding="utf-8")
    fill(path, (2024, 2026))
    assert check.problems(project) == []


@pytest.mark.parametrize(("folder", "make"), [
    ("decisions", lambda root: scaffold.new_meeting(root, "2021-09-15")),
    ("agreements", lambda root: scaffold.new_agreement(root, "rsmh", "2024-2026")[0]),
    ("partners", lambda root: scaffold.new_partner(root, "Ny förening")),
    ("committees", lambda root: scaffold.new_committee(root, "Kulturnämnden")),
    ("reports", lambda root: scaffold.new_report(root, "SO 2024/0012", "2024-02-01")),
])
def test_every_field_of_the_model_is_in_the_scaffold(project: Path, folder: str, make) -> None:  # type: ignore[no-untyped-def]
    text = make(project).read_text(encoding="utf-8")
    fields = schema.front_matter_schema(folder)["properties"]
    if folder == "decisions":
        fields = {**fields, **schema.front_matter_schema(folder)["$defs"]["Matter"]["properties"]}
    missing = [f for f in fields if not re.search(rf"^\s*(- )?{f}:", text, re.MULTILINE)]
    assert missing == []
    field_lines = [line for line in text.split("---")[1].split("\n") if re.match(r"^\s*(- )?\w+:", line)]
    unexplained = [line for line in field_lines if " # " not in line and "FYLL I" not in line and "year:" not in line]
    assert unexplained == [], "every field carries an explanation or an example"


@pytest.mark.parametrize(("make", "name"), [
    (lambda root: scaffold.new_partner(root, "Föreningen Ny Start"), "partners/foreningen-ny-start.md"),
    (lambda root: scaffold.new_committee(root, "Kulturnämnden"), "committees/kulturnamnden.md"),
    (lambda root: scaffold.new_report(root, "SO 2024/0012", "2024-02-01"), "reports/so-2024-0012.md"),
])
def test_every_kind_is_refused_until_filled_in_then_valid(project: Path, make, name: str) -> None:  # type: ignore[no-untyped-def]
    path = make(project)
    assert path.relative_to(project).as_posix() == name
    unfilled = [str(p) for p in check.problems(project)]
    assert unfilled and all(p.startswith(name) and "platshållaren 'FYLL I' är kvar" in p for p in unfilled), unfilled
    fill(path)
    assert check.problems(project) == []


def test_an_agreement_whose_source_states_no_period(project: Path) -> None:
    """Without YEARS the file says the period is not stated (no years to invent) and is named by the partner alone;
    a second such agreement with the partner gets a number, never the first one's file."""
    [first] = scaffold.new_agreement(project, "rsmh")
    [second] = scaffold.new_agreement(project, "RSMH")
    assert (first.name, second.name) == ("rsmh.md", "rsmh-2.md")
    text = first.read_text(encoding="utf-8")
    assert "\nterm: anges inte " in text and "\nfunding: [] " in text and "- year:" not in text
    unfilled = [str(p) for p in check.problems(project)]
    assert unfilled and all("platshållaren 'FYLL I' är kvar" in p for p in unfilled), unfilled
    for path in (first, second):
        fill(path)
    assert check.problems(project) == []


def test_an_unknown_committee_says_how_to_add_one(project: Path) -> None:
    with pytest.raises(scaffold.ScaffoldError, match='make new-committee NAME="Nämndens namn"'):
        scaffold.new_meeting(project, "2021-09-15", "kulturnamnden")
    scaffold.new_committee(project, "Kulturnämnden")
    assert scaffold.new_meeting(project, "2021-09-15", "kulturnamnden").name == "2021-09-15-kulturnamnden.md"


def test_refuses_to_overwrite_and_explains_bad_arguments(project: Path) -> None:
    with pytest.raises(scaffold.ScaffoldError, match="finns redan"):
        scaffold.new_meeting(project, "2021-06-09")
    with pytest.raises(scaffold.ScaffoldError, match="DATE='9 juni' är inget datum"):
        scaffold.new_meeting(project, "9 juni")
    with pytest.raises(scaffold.ScaffoldError, match="ingen nämnd 'kultur'"):
        scaffold.new_meeting(project, "2021-09-15", "kultur")
    with pytest.raises(scaffold.ScaffoldError, match="YEARS='2024-2020' ska vara"):
        scaffold.new_agreement(project, "rsmh", "2024-2020")
    with pytest.raises(scaffold.ScaffoldError, match=r"DATE='2020-13' är inget datum; skriv DATE=ÅÅÅÅ-MM-DD \(eller"):
        scaffold.new_meeting(project, "2020-13")


def test_a_month_and_a_single_year(project: Path) -> None:
    """A meeting known to the month and an agreement within one calendar year (issue 26)."""
    meeting = scaffold.new_meeting(project, "2020-11")
    assert meeting.name == "2020-11-socialnamnden.md"
    text = meeting.read_text(encoding="utf-8")
    assert "\ndate: 2020-11 " in text and 'Socialnämnden – beslut november 2020"' in text
    [agreement] = scaffold.new_agreement(project, "rsmh", "2024")
    assert agreement.name == "rsmh-2024.md"
    assert "# t.ex. 2024-01-01, 2024-03 (mars 2024), eller 2024" in agreement.read_text(encoding="utf-8")


def test_make_targets(project: Path) -> None:
    assert make(project, "new-meeting", "DATE=2021-09-15").returncode == 0
    assert make(project, "new-agreement", "PARTNER=RSMH", "YEARS=2024-2026").returncode == 0
    assert (project / "agreements" / "rsmh-2024-2026.md").is_file()
    assert make(project, "new-agreement", "PARTNER=RSMH").returncode == 0
    assert (project / "agreements" / "rsmh.md").is_file()
    for target, made in (("new-partner", "partners/ny-forening.md"), ("new-committee", "committees/kulturnamnden.md"),
                         ("new-report", "reports/so-2024-0012.md")):
        arg = {"new-partner": "NAME=Ny förening", "new-committee": "NAME=Kulturnämnden",
               "new-report": "CASE=SO 2024/0012"}[target]
        assert make(project, target, arg).returncode == 0 and (project / made).is_file(), target
    result = make(project, "check")
    expected = "decisions/2021-09-15-socialnamnden.md:76: matters.0.id: platshållaren"
    assert result.returncode != 0 and expected in result.stdout
    shutil.rmtree(project / "decisions")
    assert make(project, "new-meeting").returncode != 0


@pytest.mark.parametrize("committee", [[], ["COMMITTEE=anges inte"]])
def test_make_new_report_without_committee_names_no_body(project: Path, committee: list[str]) -> None:
    """A report's body is optional and a source may not name it (issue 26): without COMMITTEE (or with 'anges
    inte') the file names none, not even the site's only body, and is valid once filled in."""
    result = make(project, "new-report", "CASE=SO 2024/0012", "DATE=2024-02-01", *committee)
    assert result.returncode == 0, result.stderr
    path = project / "reports" / "so-2024-0012.md"
    assert re.search(r"^committee: +# ", path.read_text(encoding="utf-8"), re.MULTILINE)
    fill(path)
    assert check.problems(project) == []
    assert frontmatter.parse(path, path.read_bytes()).data["committee"] is None


@pytest.mark.parametrize(("target", "expected"), [
    ("new-partner", 'NAME saknas; skriv t.ex. make new-partner NAME="Föreningen Ny Start"'),
    ("new-committee", 'NAME saknas; skriv t.ex. make new-committee NAME="Kulturnämnden"'),
    ("new-report", 'CASE saknas; skriv t.ex. make new-report CASE="SO 2024/0012"'),
    ("new-meeting", "DATE saknas; skriv t.ex. make new-meeting DATE=ÅÅÅÅ-MM-DD"),
    ("new-agreement", 'PARTNER saknas; skriv t.ex. make new-agreement PARTNER="Föreningen Ny Start"'),
])
def test_make_new_without_its_variable_says_what_to_write(project: Path, target: str, expected: str) -> None:
    """Without its variable a `make new-*` ended with make's own error line (issue 26): one Swedish line says what
    to write, and no file is made."""
    before = sorted(project.rglob("*.md"))
    result = make(project, target)
    said = [line for line in result.stderr.splitlines() if line.startswith("Kunde inte")]
    assert result.returncode != 0 and len(said) == 1 and expected in said[0], result.stderr
    assert sorted(project.rglob("*.md")) == before


def test_make_new_meeting_with_decided_as_starts_an_outside_decision(project: Path) -> None:
    """Trial 17: DECIDED_AS makes the file a decision outside a meeting, named by WORDS, `decided_as` filled in and a
    meeting's own lines (model.OUTSIDE_REFUSED, OUTSIDE_MATTER_REFUSED) left out; once filled in, it is valid."""
    result = make(project, "new-meeting", "DATE=2024-03-03", "DECIDED_AS=delegationsbeslut",
                  "WORDS=bidrag musikförening")
    path = project / "decisions" / "2024-03-03-socialnamnden-bidrag-musikforening.md"
    assert result.returncode == 0 and path.is_file(), result.stderr
    text = path.read_text(encoding="utf-8")
    assert re.search(r"^decided_as: delegationsbeslut +# ", text, flags=re.MULTILINE)
    data = frontmatter.parse(path, text.encode()).data
    assert not set(data) & {"known_from", "minutes_checked", "start", "place", "adjusters", "extra", "selection"}
    assert not set(data["matters"][0]) & {"vote", "reservations", "unanimous", "start", "section"}
    assert {"decided_by", "reported_at", "decided_as_given", "date_as_given"} <= set(data)
    fill(path, matter_id="nytt-delegationsbeslut-2024")
    assert check.problems(project) == []
    undated = make(project, "new-meeting", "DATE=anges inte", "DECIDED_AS=anges inte", "WORDS=nytt råd")
    made = project / "decisions" / "datum-anges-inte-socialnamnden-nytt-rad.md"
    assert undated.returncode == 0 and "decided_as: anges inte" in made.read_text(encoding="utf-8"), undated.stderr


@pytest.mark.parametrize(("args", "expected"), [
    pytest.param(["DATE=2021-09-15", "WORDS=mars"], "WORDS används bara för en fil utan datum (DATE=\"anges inte\") "
                 "eller för ett beslut utanför sammanträde (DECIDED_AS=…); ett sammanträde med datum heter "
                 "<datum>-<nämnd>.md: ta bort WORDS", id="words_beside_a_date_are_not_ignored"),
    pytest.param(["DATE=2021-09-15", "DECIDED_AS=delegation", "WORDS=x"], "DECIDED_AS='delegation' är inget av "
                 "sätten ett beslut fattas utanför ett sammanträde; skriv DECIDED_AS=delegationsbeslut, "
                 'DECIDED_AS=ordförandebeslut, DECIDED_AS="anges inte"', id="an_unknown_way"),
    pytest.param(["DATE=2021-09-15", "DECIDED_AS=delegationsbeslut"], "DECIDED_AS kräver WORDS=…",
                 id="an_outside_decision_without_words"),
])
def test_make_new_meeting_refuses_what_it_would_not_use(project: Path, args: list[str], expected: str) -> None:
    before = sorted(project.rglob("*.md"))
    result = make(project, "new-meeting", *args)
    assert result.returncode != 0 and expected in result.stderr, result.stderr
    assert sorted(project.rglob("*.md")) == before


def test_the_partner_kind_asks_only_for_what_the_source_says(project: Path) -> None:
    """An editor picked 'offentlig aktör' from general knowledge: the comment (also the desk's hint) says only the
    source's word counts, else anges inte."""
    text = scaffold.new_partner(project, "Föreningen X").read_text(encoding="utf-8")
    assert "bara det källan säger, inte det du vet om organisationen" in text
    assert "skriv anges inte" in text


@pytest.mark.parametrize("name", [
    "Föreningen `touch {pwned}`", "Föreningen $(touch {pwned})", "Föreningen \"; touch {pwned}; echo \"",
    "Föreningen '; touch {pwned}; echo '", "Föreningen $(shell touch {pwned})",
    "Föreningen ${{PWNED:-$(touch {pwned})}}", "Föreningen \\\" & touch {pwned} #",
])
def test_make_new_partner_takes_the_name_as_text_not_as_a_command(project: Path, name: str) -> None:
    pwned = project / "pwned"  # the recipe runs in the project: a command in the name would make this file
    name = name.format(pwned="pwned")
    result = make(project, "new-partner", f"NAME={name}")
    assert result.returncode == 0, result.stderr
    assert not pwned.exists(), "the name ran as a command"
    [path] = [p for p in (project / "partners").glob("foreningen-*.md")]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", path.name)
    assert frontmatter.parse(path, path.read_bytes()).data["name"] == name, "the name is written as typed"


@pytest.mark.parametrize(("args", "expected"), [
    (["new-meeting", "DATE=2021-09-15`touch {pwned}`"], "DATE='2021-09-15`touch {pwned}`' är inget datum"),
    (["new-meeting", "DATE=2021-09-15", "COMMITTEE=socialnamnden$(touch {pwned})"],
     "det finns ingen nämnd 'socialnamnden$(touch {pwned})' i committees/"),
    (["new-agreement", "PARTNER=RSMH", "YEARS=2024-2026", "COMMITTEE=../../x`touch {pwned}`"],
     "det finns ingen nämnd '../../x`touch {pwned}`' i committees/"),
    (["new-agreement", "PARTNER=RSMH", "YEARS=2024-2026;touch {pwned}"], "YEARS='2024-2026;touch {pwned}' ska vara"),
    (["new-report", "CASE=SO 2024/0012\"; touch {pwned}; \""], "CASE='SO 2024/0012\"; touch {pwned}; \"' är inget"),
])
def test_make_refuses_hostile_values_without_running_them(project: Path, args: list[str], expected: str) -> None:
    pwned = project / "pwned"
    result = make(project, *(a.format(pwned="pwned") for a in args))
    assert result.returncode != 0
    assert f"Kunde inte skapa filen: {expected.format(pwned='pwned')}" in result.stderr, result.stderr
    assert not pwned.exists(), "a value ran as a command"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("name", "expected"), [
    ("", "NAME='' ger inget filnamn: namnet behöver minst en bokstav a–z eller en siffra"),
    ("../", "NAME='../' ger inget filnamn"),
    ("/ .. \\ -", "NAME='/ .. \\\\ -' ger inget filnamn"),
    ("Общество помощи", "NAME='Общество помощи' ger inget filnamn"),
    ("東京都の会", "NAME='東京都の会' ger inget filnamn"),
    ("🙂🙂", "NAME='🙂🙂' ger inget filnamn"),
    ("Förening " * 10, "NAME: filnamnet blir 89 tecken långt, högst 80 går"),
    ("Förening\u202eNy", "NAME: tecknet U+202E (ett styrtecken för skrivriktning"),
])
def test_a_name_that_makes_no_safe_file_is_refused(project: Path, name: str, expected: str) -> None:
    before = sorted(p.name for p in (project / "partners").iterdir())
    with pytest.raises(scaffold.ScaffoldError) as err:
        scaffold.new_partner(project, name)
    assert str(err.value).startswith(expected), str(err.value)
    assert sorted(p.name for p in (project / "partners").iterdir()) == before, "nothing written"


@pytest.mark.parametrize(("name", "written"), [
    ("../../etc/passwd", "partners/etc-passwd.md"),
    ("Ö" + "ö" * 79, "partners/" + "o" * 80 + ".md"),
    ("Föreningen\n\"Ny\"\tStart \\ 2", "partners/foreningen-ny-start-2.md"),
])
def test_a_name_with_odd_characters_gives_a_safe_file_in_its_folder(project: Path, name: str, written: str) -> None:
    path = scaffold.new_partner(project, name)
    assert path.relative_to(project).as_posix() == written
    assert frontmatter.parse(path, path.read_bytes()).data["name"] == " ".join(name.split())
    fill(path)
    assert check.problems(project) == []


@pytest.mark.parametrize(("make", "name", "suggested"), [
    (scaffold.new_committee, "Kommunstyrelsen", "kommunstyrelse"),
    (scaffold.new_committee, "Kommunfullmäktige", "kommunfullmäktige"),
    (scaffold.new_committee, "Renhållningsstyrelsen", "styrelse"),
    (scaffold.new_partner, "Föreningen Ny Start", "idéburen organisation"),
    (scaffold.new_partner, "Lunds kommuns fastighets AB", "kommunalt bolag"),
    (scaffold.new_partner, "Region Skåne", "offentlig aktör"),
    (scaffold.new_partner, "Stadsbyggnadskontoret Bolaget AB", None),
])
def test_a_kind_is_asked_for_with_the_names_suggestion_beside_it(
        project: Path, make: Callable[[Path, str], Path], name: str, suggested: str | None) -> None:
    """The scaffold never writes a kind the source may not give: the field holds the placeholder (refused until
    filled in) and the suggestion the name gives is a comment the editor confirms or not."""
    line = next(line for line in make(project, name).read_text(encoding="utf-8").split("\n")
                if line.startswith("kind:"))
    assert line.startswith("kind: FYLL I ")
    assert (f"# namnet tyder på: {suggested};" in line) if suggested else ("namnet tyder" not in line)


@pytest.mark.parametrize("other", [("miljonamnden", "Miljönämnden"), ("socialnamnden", "Socialnämnden")])
def test_a_site_of_several_bodies_asks_which(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str], other: tuple[str, str]) -> None:
    """Without COMMITTEE on a site of several bodies, the scaffold names the bodies to choose from, and never
    picks one by default: not even socialnämnden, the example's body (a new editor's agreement with a national
    negotiator went to socialnämnden, which had nothing to do with it)."""
    (tmp_path / "committees").mkdir()
    for cid, name in (("kommunstyrelsen", "Kommunstyrelsen"), other):
        (tmp_path / "committees" / f"{cid}.md").write_text(f"---\nname: {name}\n---\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert scaffold.main(["meeting"], {"DATE": "2023-12-14"}) == 1
    assert "COMMITTEE saknas: webbplatsen har flera nämnder; skriv COMMITTEE=<filnamn utan .md>, en av: " \
           f"kommunstyrelsen, {other[0]}" in capsys.readouterr().err
    assert not (tmp_path / "decisions").exists()
    assert scaffold.main(["meeting"], {"DATE": "2023-12-14", "COMMITTEE": other[0]}) == 0
    assert scaffold.main(["agreement"], {"PARTNER": "Hela Människan"}) == 0  # an agreement's body is optional
    assert re.search(r"^committee: +#", (tmp_path / "agreements" / "hela-manniskan.md").read_text(encoding="utf-8"),
                     re.MULTILINE), "the line is left empty, no body picked"


@pytest.mark.parametrize(("name", "suggested"), [
    ("Kommunstyrelsens utskott för näringsliv och tillväxt", "utskott"),
    ("Kommunfullmäktiges demokratiberedning", "beredning"),
    ("Kommunstyrelsen", "kommunstyrelse"),
    ("Tekniska nämnden", "nämnd"),
    ("Regionstyrelsen", "regionstyrelse"),
    ("Regionfullmäktige", "regionfullmäktige"),
])
def test_a_body_kind_is_suggested_by_its_head_word(name: str, suggested: str) -> None:
    kind = categories.suggested_body_kind(name)
    assert kind is not None and kind.value == suggested
