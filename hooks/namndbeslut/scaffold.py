"""`make new-meeting`, `new-agreement`, `new-partner`, `new-committee`, `new-report`: a new content file
with every field present and explained, ready for the editor to fill in. Each value to fill in holds
the placeholder FYLL I, which `make check` refuses until it is replaced."""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path
from string import Template

from . import dates, frontmatter, kinds
from .archive import normalised_name
from .errors import ContentError
from .safety import PLACEHOLDER

P = PLACEHOLDER

MEETING = Template(f"""---
# Ett sammanträde. Filen heter <datum>-<nämnd>.md. Ersätt allt som är markerat {P.lower()} och ta bort
# de valfria fälten du inte behöver. Kontrollera med `make check`, förhandsgranska med `make serve`.
committee: $committee            # nämnden: namnet på en fil i committees/ (utan .md)
date: $date                      # sammanträdets datum, ÅÅÅÅ-MM-DD
title: "$title"                  # sidans rubrik
start:                           # valfritt: klockslag inom citattecken, t.ex. "13:00"
end:                             # valfritt: när sammanträdet slutade, t.ex. "16:30"
place:                           # valfritt: var det hölls, t.ex. Stadshuset, Stora salen
documents_url:                   # valfritt: länk till just detta sammanträdes handlingar, https://…
minutes_url:                     # valfritt: länk till protokollet när det är publicerat, https://…
matters:                         # ärendena; vart och ett har en rubrik med samma id i texten nedan
  - id: {P.replace(" ", "-")}-arendets-id   # unikt på hela webbplatsen: a–z, siffror, bindestreck
    kind: beslut                 # beslut, information (inget beslut), val eller anmälan
    paragraphs: []               # valfritt: paragraf(er) i protokollet, t.ex. [112] eller [154, 155]
    case_number:                 # valfritt: diarienummer, t.ex. SO 2021/0001
    adopts: []                   # valfritt: överenskommelser som beslutet antar (filnamn i agreements/)
    agreements: []               # valfritt: överenskommelser som ärendet gäller utan att anta dem
    concerns: []                 # valfritt: partner som ärendet gäller (filnamn i partners/)
reviewed_numbers: []             # valfritt: nummer i filen som liknar personnummer men som du har kontrollerat
---
{P}: en inledning om sammanträdet och de viktigaste besluten.

## {P}: ärendets rubrik {{#{P.replace(" ", "-")}-arendets-id}}

{P}: en sammanfattning av ärendet och vad nämnden beslutade.
""")

AGREEMENT = Template(f"""---
# En överenskommelse. Filen heter <partner>-<första år>-<sista år>.md. Ersätt allt som är markerat
# {P.lower()} och ta bort de valfria fälten du inte behöver. Kontrollera med `make check`.
title: "{P}: t.ex. Överenskommelse om idéburet offentligt partnerskap med $name $first–$last"
kind: iop                        # iop, överenskommelse, ramöverenskommelse, samverkansavtal, samarbetsavtal,
                                 # eller avsiktsförklaring
partner: $partner                # motparten: namnet på en fil i partners/ (utan .md)
partners: []                     # i stället för partner vid flera motparter: [id, id, id]
public_party: "{P}: den offentliga parten, t.ex. Socialförvaltningen i Lund"
committee: $committee            # valfritt: nämnden (filnamn i committees/)
date:                            # valfritt: datumet som står på överenskommelsen, ÅÅÅÅ-MM-DD
signed:                          # valfritt: när den skrevs under, ÅÅÅÅ-MM-DD
term:                            # perioden: exakta datum, eller årtal; skriv term: anges inte om källan saknar period
  start: $P                      # t.ex. $first-01-01, eller $first
  end: $P                        # t.ex. $last-12-31, eller $last, eller tills vidare
review_by:                       # valfritt: senaste dag för översyn, ÅÅÅÅ-MM-DD
case_number:                     # valfritt: diarienummer, t.ex. SO 2020/0155
renews:                          # valfritt: den äldre överenskommelse som denna ersätter (filnamn i agreements/)
adopted_by:                      # valfritt: antagandebeslut vars möte inte är publicerat: "2017-08-23 §§ 154, 155"
funding:                         # finansiering per kalenderår inom perioden; belopp i kronor utan mellanslag
$funding
contacts:                        # kontaktpersoner; ta bort listan (skriv contacts: []) om det inte finns några
  - name: "{P}: förnamn efternamn"
    role:                        # valfritt: t.ex. Utvecklingschef
    organisation:                # valfritt: t.ex. Socialförvaltningen
    email:                       # valfritt: namn@lund.se
source:                          # valfritt: varifrån uppgifterna kommer, om texten nedan inte är överenskommelsens egen
reviewed_numbers: []             # valfritt: nummer i filen som liknar personnummer men som du har kontrollerat
---
{P}: överenskommelsens text, med ## rubriker (t.ex. ## Bakgrund, ## Ekonomi).
""")

FUNDING_ROW = Template("""  - year: $year
    amount: $P                   # t.ex. 250000; skriv amount: om bara priskompensation anges
    price_compensation: false    # true om beloppet räknas upp med priskompensation
    note:                        # valfritt: t.ex. "samt fritt nyttjande av lokal\"""")

PARTNER = Template(f"""---
# En partner: en organisation, beskriven en gång. Överenskommelser hänvisar till filens namn.
name: "$name"  # organisationens namn som det ska stå på webbplatsen
kind: idéburen organisation      # idéburen organisation, företag, kommunalt bolag, offentlig aktör eller förvaltning
organisation_number:             # valfritt: NNNNNN-NNNN (tredje siffran är 2 eller högre)
address:                         # valfritt: t.ex. Bredgatan 19–21, Lund
website:                         # valfritt: https://…
reviewed_numbers: []             # valfritt: nummer i filen som liknar personnummer men som du har kontrollerat
---
{P}: en kort beskrivning av organisationen.
""")


COMMITTEE = Template(f"""---
# En nämnd (eller styrelse, fullmäktige …) vars sammanträden webbplatsen publicerar. Sammanträden och
# överenskommelser hänvisar till filens namn. Kontrollera med `make check`.
name: "$name"  # nämndens namn som det ska stå på webbplatsen
kind: nämnd                      # nämnd, styrelse, kommunfullmäktige, kommunstyrelse, utskott eller beredning
continues:                       # valfritt: den nämnd vars arbete denna tar över (filnamn i committees/)
since:                           # valfritt: när den tog över, ÅÅÅÅ-MM-DD (kräver continues)
documents_url:                   # valfritt: var sammanträdeshandlingarna publiceras, https://…
members_url:                     # valfritt: var ledamöter och kommande sammanträden visas, https://…
planned_meetings: []             # valfritt: planerade sammanträden, t.ex. [{{date: 2025-02-12, start: "13:00"}}]
reviewed_numbers: []             # valfritt: nummer i filen som liknar personnummer men som du har kontrollerat
---
{P}: nämndens uppdrag i några meningar.
""")

REPORT = Template(f"""---
# En tjänsteskrivelse. Filen heter som diarienumret (SO 2021/0001 blir so-2021-0001.md).
# Ersätt allt som är markerat {P.lower()}. Kontrollera med `make check`.
case_number: $case_number        # diarienumret
date: $date                      # skrivelsens datum, ÅÅÅÅ-MM-DD
title: "{P}: skrivelsens rubrik"
committee: $committee            # valfritt: nämnden skrivelsen går till (filnamn i committees/)
reviewed_numbers: []             # valfritt: nummer i filen som liknar personnummer men som du har kontrollerat
---
## Förslag till beslut

{P}: förslaget, med ## rubriker (t.ex. ## Sammanfattning, ## Ärendet).
""")


class ScaffoldError(Exception):
    """The file cannot be created; the message (Swedish) says why and what to do."""


def slug(name: str) -> str:
    """A file name (id) from a name: 'Vänskapens hus' -> 'vanskapens-hus'."""
    plain = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", plain))


def new_meeting(root: Path, date: str, committee: str = "socialnamnden") -> Path:
    """Write decisions/<date>-<committee>.md; return its path."""
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise ScaffoldError(f"DATE='{date}' är inget datum; skriv DATE=ÅÅÅÅ-MM-DD") from None
    name = _names(root, kinds.COMMITTEE.folder).get(committee)
    if name is None:
        raise ScaffoldError(f"det finns ingen nämnd '{committee}' i committees/; skriv COMMITTEE=<filnamn utan .md>, "
                            "eller lägg till nämnden med make new-committee NAME=\"Nämndens namn\"")
    title = f"{name} – aktuella beslut {dates.month_year(day)}"
    text = MEETING.substitute(committee=committee, date=day.isoformat(), title=title)
    return _write(root / kinds.MEETING.folder / f"{day.isoformat()}-{committee}.md", text)


def new_agreement(root: Path, partner: str, years: str = "", committee: str = "socialnamnden") -> list[Path]:
    """Write agreements/<partner>-<first>-<last>.md (and partners/<partner>.md if it is new); return the paths."""
    first, last = _years(years)
    partners = _names(root, kinds.PARTNER.folder)
    by_name = {normalised_name(n): pid for pid, n in partners.items()}
    pid = next((p for p in (partner, by_name.get(normalised_name(partner)), slug(partner)) if p in partners), None)
    written = []
    if pid is None:
        pid = slug(partner)
        if not pid or partner == pid:
            raise ScaffoldError(f"det finns ingen partner '{partner}'; skriv PARTNER=\"Organisationens namn\" för en "
                                f"ny partner eller ett av: {', '.join(sorted(partners))}")
        text = PARTNER.substitute(name=partner.replace('"', "'"))
        written.append(_write(root / kinds.PARTNER.folder / f"{pid}.md", text))
    name = partners.get(pid, partner)
    funding = "\n".join(FUNDING_ROW.substitute(year=y, P=P) for y in range(first, last + 1))
    text = AGREEMENT.substitute(name=name, partner=pid, committee=committee, first=first, last=last,
                                funding=funding, P=P)
    return [*written, _write(root / kinds.AGREEMENT.folder / f"{pid}-{first}-{last}.md", text)]


def new_partner(root: Path, name: str) -> Path:
    """Write partners/<slug of name>.md; return its path."""
    pid = _id(name, "NAME=\"Organisationens namn\"")
    return _write(root / kinds.PARTNER.folder / f"{pid}.md", PARTNER.substitute(name=name.replace('"', "'")))


def new_committee(root: Path, name: str) -> Path:
    """Write committees/<slug of name>.md; return its path."""
    cid = _id(name, "NAME=\"Nämndens namn\"")
    return _write(root / kinds.COMMITTEE.folder / f"{cid}.md", COMMITTEE.substitute(name=name.replace('"', "'")))


def new_report(root: Path, case_number: str, date: str = "", committee: str = "socialnamnden") -> Path:
    """Write reports/<slug of case number>.md; return its path."""
    if not re.fullmatch(r"[A-ZÅÄÖ]{1,5} \d{4}/\d{1,6}", case_number.strip()):
        raise ScaffoldError(f"CASE='{case_number}' är inget diarienummer; skriv t.ex. CASE=\"SO 2021/0001\"")
    try:
        day = dt.date.fromisoformat(date) if date else dates.build_date()
    except ValueError:
        raise ScaffoldError(f"DATE='{date}' är inget datum; skriv DATE=ÅÅÅÅ-MM-DD") from None
    if committee not in _names(root, kinds.COMMITTEE.folder):
        raise ScaffoldError(f"det finns ingen nämnd '{committee}' i committees/; skriv COMMITTEE=<filnamn utan .md>, "
                            "eller lägg till nämnden med make new-committee NAME=\"Nämndens namn\"")
    text = REPORT.substitute(case_number=case_number.strip(), date=day.isoformat(), committee=committee)
    return _write(root / kinds.REPORT.folder / f"{slug(case_number)}.md", text)


def _id(name: str, how: str) -> str:
    pid = slug(name)
    if not pid:
        raise ScaffoldError(f"ett namn behövs; skriv {how}")
    return pid


def _years(years: str) -> tuple[int, int]:
    if not years.strip():
        raise ScaffoldError("YEARS saknas: skriv överenskommelsens första och sista år, t.ex. YEARS=2024-2026 "
                            "(filen får dem i sitt namn, så de måste stämma med perioden)")
    match = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", years)
    if not match or not int(match[1]) <= int(match[2]) <= int(match[1]) + 10:
        raise ScaffoldError(f"YEARS='{years}' ska vara första och sista år, t.ex. YEARS=2024-2026")
    return int(match[1]), int(match[2])


def _names(root: Path, folder: str) -> dict[str, str]:
    """Id -> name of every readable record in a folder (broken files are for `make check` to report)."""
    names = {}
    for path in sorted((root / folder).glob("*.md")):
        try:
            doc = frontmatter.parse(path, path.read_bytes())
        except ContentError:
            continue
        names[path.stem] = str(doc.data.get("name", path.stem))
    return names


def _aligned(text: str, column: int = 34) -> str:
    """Front-matter comments lined up in one column, whatever length the values got."""
    out = []
    for line in text.split("\n"):
        value, sep, comment = line.partition("  # ")
        out.append(f"{value.rstrip():<{column - 1}} # {comment}" if sep and value.strip() else line)
    return "\n".join(out)


def _write(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path.parent.name}/{path.name} finns redan; öppna den i stället, eller välj ett annat "
                            "datum eller andra år")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_aligned(text), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """`scaffold meeting DATE [COMMITTEE]` or `scaffold agreement PARTNER [YEARS] [COMMITTEE]`."""
    args = sys.argv[1:] if argv is None else argv
    kind, rest = (args[0], [a for a in args[1:]]) if args else ("", [])
    try:
        if kind == "meeting" and rest and rest[0]:
            paths = [new_meeting(Path.cwd(), rest[0], *(r for r in rest[1:2] if r))]
        elif kind == "agreement" and rest and rest[0]:
            paths = new_agreement(Path.cwd(), rest[0], *rest[1:3])
        elif kind == "partner" and rest:
            paths = [new_partner(Path.cwd(), rest[0])]
        elif kind == "committee" and rest:
            paths = [new_committee(Path.cwd(), rest[0])]
        elif kind == "report" and rest and rest[0]:
            date, committee = [*rest[1:3], "", ""][:2]
            paths = [new_report(Path.cwd(), rest[0], date, committee or "socialnamnden")]
        else:
            raise ScaffoldError("skriv make new-meeting DATE=ÅÅÅÅ-MM-DD [COMMITTEE=…], "
                                "make new-agreement PARTNER=\"…\" YEARS=ÅÅÅÅ-ÅÅÅÅ, make new-partner NAME=\"…\", "
                                "make new-committee NAME=\"…\" eller make new-report CASE=\"SO ÅÅÅÅ/NNNN\"")
    except ScaffoldError as err:
        print(f"Kunde inte skapa filen: {err}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"Skapade {path.relative_to(Path.cwd())}: fyll i det som är markerat {P} och kör make check.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
