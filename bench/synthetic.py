"""A synthetic archive in the project's own content format, for the benchmark.

Deterministic for a given size and seed. Shaped like a whole municipality's archive: committees
meeting eleven times a year, about five matters a meeting, partners with chains of three-year
agreements (`renews`), each adopted by a matter (`adopts`, shared case number, often an officer's
report), follow-up matters (`agreements`), matters about partners (`concerns`), and citations of
earlier decisions ("2019-05-12 § 41") in running text. Text lengths follow the seed documents.
Everything here is made up; it is written only into a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from namndbeslut.model import luhn_ok

MEETINGS_PER_YEAR = 11
"""Every month but July."""
FIRST_YEAR = 2013
BUILD_DATE = "2024-12-15"
"""Fixed so that every run renders the same statuses and notes."""

COMMITTEES = [
    ("Socialnämnden", "SO"), ("Barn- och skolnämnden", "BSN"), ("Kultur- och fritidsnämnden", "KFN"),
    ("Tekniska nämnden", "TN"), ("Miljönämnden", "MN"), ("Byggnadsnämnden", "BN"), ("Servicenämnden", "SN"),
    ("Vård- och omsorgsnämnden", "VO"), ("Utbildningsnämnden", "UN"), ("Arbetsmarknadsnämnden", "AN"),
    ("Överförmyndarnämnden", "ÖFN"), ("Valnämnden", "VN"), ("Renhållningsstyrelsen", "RS"),
    ("Kommunstyrelsen", "KS"), ("Räddningsnämnden", "RN"),
]
PARTNER_KINDS = ["Föreningen", "Stiftelsen", "Riksförbundet", "Kooperativet", "Lokalföreningen", "Nätverket"]
PARTNER_CORES = [
    "Gemenskap", "Vägen framåt", "Solrosen", "Trygg hamn", "Mötesplatsen", "Brobyggarna", "Fristaden",
    "Ljuspunkten", "Stödlinjen", "Grannskap", "Ankaret", "Växthuset", "Nya steg", "Kompassen", "Fyren",
    "Samvaron", "Bryggan", "Öppna dörren", "Tillsammans", "Livslust", "Källan", "Gläntan", "Hörnan",
    "Vänskap", "Framtidstro", "Navet", "Kraftkällan", "Medvind", "Trädgården", "Allaktivitetshuset",
]
PARTNER_AREAS = ["i Lund", "i Dalby", "i Södra Sandby", "i Genarp", "i Veberöd", "i Stångby", "i Skåne",
                 "Lund", "Norra Fäladen", "Linero", "Klostergården"]
MATTER_TITLES = [
    "Delårsrapport för {year}", "Yttrande över remiss om {topic}", "Riktlinje för {topic}",
    "Uppföljning av internkontrollplan {year}", "Verksamhetsplan och internbudget {year}",
    "Svar på medborgarförslag om {topic}", "Redovisning av {topic}", "Utredning om {topic}",
    "Revidering av delegationsordning", "Årsanalys {year}", "Ändrad taxa för {topic}",
    "Handlingsplan för {topic}", "Information om {topic}", "Sammanträdesplan för {next}",
]
TOPICS = [
    "förebyggande arbete", "våld i nära relation", "digitala tjänster", "tillgänglighet i lokaler",
    "stöd till anhöriga", "hemlöshet", "ekonomiskt bistånd", "föreningsbidrag", "lokalförsörjning",
    "barns delaktighet", "psykisk hälsa", "kompetensförsörjning", "öppen verksamhet för unga",
    "samverkan med civilsamhället", "bostad först", "arbetsmarknadsinsatser", "miljöarbete",
]
SENTENCES = [
    "Idéburet offentligt partnerskap är en samverkansmodell mellan det offentliga och den idéburna sektorn.",
    "Nämnden beslutade i enlighet med förvaltningens förslag och uppdrog åt förvaltningen att återrapportera.",
    "Barnrättsperspektivet har beaktats och barnens bästa har vägts in i bedömningen.",
    "Samrådet med de fackliga organisationerna har skett enligt gällande samverkansavtal.",
]
"""Whole sentences that recur in real summaries; most text is composed from the parts below."""
SUBJECTS = ["Nämnden", "Förvaltningen", "Föreningen", "Arbetsutskottet", "Verksamheten", "Uppföljningen",
            "Utredningen", "Kommunstyrelsen", "Socialtjänsten", "Enheten för förebyggande arbete", "Parterna",
            "Styrgruppen", "Den idéburna organisationen", "Kommunens revisorer", "Referensgruppen"]
VERBS = ["har under året arbetat vidare med", "föreslår att nämnden fortsätter med", "har sammanställt underlag om",
         "bedömer att det finns behov av", "har i samråd med brukarna utvecklat", "redovisar resultatet av",
         "lyfter fram vikten av", "har tagit fram en plan för", "pekar på möjligheter att stärka",
         "ser ett fortsatt behov av", "har utvärderat", "ansvarar för", "har genomfört en översyn av",
         "vill särskilt uppmärksamma", "har fördjupat samverkan kring"]
OBJECTS = ["det förebyggande arbetet", "stödet till våldsutsatta vuxna och barn",
           "de volontärsdrivna självhjälpsgrupperna",
           "den öppna verksamheten för unga", "insatserna för personer med missbruk och beroende",
           "brukarinflytandet inom boendena", "tillgängligheten i kommunens lokaler", "stödet till anhöriga",
           "arbetet mot hemlöshet", "den sociala gemenskapen i bostadsområdena", "lägerverksamheten under sommaren",
           "samverkan med polisen", "kompetensförsörjningen inom socialtjänsten", "de digitala kontaktvägarna",
           "mötesplatserna för äldre", "språkstödet för nyanlända", "föräldrastödet", "sysselsättningsaktiviteterna"]
TAILS = ["inom ramen för nämndens budget", "i enlighet med verksamhetsplanen", "under den kommande avtalsperioden",
         "i samverkan med civilsamhället", "med särskilt fokus på barn och unga", "utan ytterligare kostnader",
         "i hela kommunen", "på landsbygden och i centralorten", "enligt socialtjänstlagen",
         "med stöd av statliga medel",
         "efter dialog med målgruppen", "i nära samarbete med regionen", "fram till nästa årsskifte", ""]
AGREEMENT_SECTIONS = ["Bakgrund", "Syfte och mål", "Målgrupp", "Parternas åtaganden", "Ekonomi",
                      "Uppföljning och dialog", "Giltighetstid", "Ändringar och uppsägning"]
REPORT_SECTIONS = ["Förslag till beslut", "Sammanfattning", "Underlag för beslutet", "Ärendet", "Barnperspektiv",
                   "Ekonomiska konsekvenser"]
FIRST_NAMES = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Per", "Sara", "Ali", "Lina", "Omar"]
LAST_NAMES = ["Andersson", "Nilsson", "Persson", "Lindqvist", "Berg", "Holm", "Ek", "Sandberg", "Nyström"]


@dataclass(frozen=True)
class Size:
    """How big an archive to make; everything else follows from the number of meetings."""

    committees: int
    years: int = 12

    @property
    def meetings(self) -> int:
        return self.committees * self.years * MEETINGS_PER_YEAR

    @property
    def partners(self) -> int:
        return max(2, round(150 * self.meetings / 1980))

    @property
    def agreements(self) -> int:
        return max(3, round(400 * self.meetings / 1980))

    def times(self, factor: int) -> Size:
        """The same archive shape with `factor` times the committees (so the content)."""
        return Size(self.committees * factor, self.years)


SIZES = {"full": Size(15), "small": Size(1, 4)}
"""full: 15 committees over 12 years, 1,980 meetings (4N: 7,920); small: runs in well under a minute."""


@dataclass
class _Matter:
    id: str
    title: str
    paragraphs: list[int]
    body: str
    case_number: str | None = None
    adopts: list[str] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    concerns: list[str] = field(default_factory=list)


class Generator:
    """Writes one synthetic archive; `rng` is seeded so two runs write the same files."""

    def __init__(self, size: Size, seed: int = 1) -> None:
        self.size = size
        self.rng = random.Random(seed)
        self.years = range(FIRST_YEAR, FIRST_YEAR + size.years)
        self.files: dict[str, str] = {}
        self.case_counter: dict[tuple[str, int], int] = {}
        self.partner_names: dict[str, str] = {}

    # -- text ----------------------------------------------------------------------------

    def prose(self, low: int, high: int) -> str:
        """Paragraphs of Swedish sentences, `low`..`high` characters in all."""
        target = self.rng.randint(low, high)
        paragraphs, current, length = [], [], 0
        while length < target:
            sentence = self.sentence()
            current.append(sentence)
            length += len(sentence) + 1
            if len(current) >= self.rng.randint(3, 6):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        return "\n\n".join(paragraphs)

    def sentence(self) -> str:
        """A sentence: now and then a whole stock phrase, mostly one composed of parts, with a figure."""
        rng = self.rng
        if rng.random() < 0.1:
            return rng.choice(SENTENCES)
        tail = rng.choice(TAILS)
        figure = f", och omfattar {rng.randint(2, 480)} {rng.choice(['deltagare', 'timmar', 'besök', 'träffar'])}" \
            if rng.random() < 0.3 else ""
        return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{' ' + tail if tail else ''}{figure}."

    def sectioned(self, headings: list[str], low: int, high: int) -> str:
        per = max(200, (low + high) // 2 // len(headings))
        return "\n\n".join(f"## {h}\n\n{self.prose(per // 2, per * 3 // 2)}" for h in headings)

    def case_number(self, code: str, year: int) -> str:
        n = self.case_counter[(code, year)] = self.case_counter.get((code, year), 0) + 1
        return f"{code} {year}/{n:04d}"

    # -- records -------------------------------------------------------------------------

    def committees(self) -> list[tuple[str, str, str]]:
        out = []
        for k in range(self.size.committees):
            name, code = COMMITTEES[k % len(COMMITTEES)]
            district = k // len(COMMITTEES)
            slug = f"namnd-{k + 1:02d}"
            if district:
                name, code = f"{name} i distrikt {district + 1}", f"{code[:3]}{chr(ord('A') + district)}"
            out.append((slug, name, code))
            self.write_record(f"committees/{slug}.md", {
                "name": name, "documents_url": f"https://example.se/{slug}/handlingar",
                "members_url": f"https://example.se/{slug}/ledamoter"}, "")
        return out

    def partners(self) -> list[tuple[str, str]]:
        names = [f"{k} {c} {a}" for k in PARTNER_KINDS for c in PARTNER_CORES for a in PARTNER_AREAS]
        self.rng.shuffle(names)
        out = []
        for i in range(self.size.partners):
            name = names[i % len(names)] + (f" {i // len(names) + 1}" if i >= len(names) else "")
            slug = f"partner-{i + 1:04d}"
            data: dict[str, Any] = {"name": name, "organisation_number": self.org_number(),
                                    "address": f"Storgatan {self.rng.randint(1, 90)}, "
                                               f"222 {self.rng.randint(10, 99)} Lund"}
            if self.rng.random() < 0.6:
                data["website"] = f"https://example.se/{slug}"
            self.write_record(f"partners/{slug}.md", data, self.prose(250, 600))
            out.append((slug, name))
        self.partner_names = dict(out)
        return out

    def org_number(self) -> str:
        digits = f"8{self.rng.randint(0, 9)}{self.rng.randint(2, 9)}{self.rng.randint(0, 999999):06d}"
        for check in "0123456789":
            if luhn_ok(digits + check):
                return f"{digits[:6]}-{digits[6:]}{check}"
        raise AssertionError("unreachable")

    def write_record(self, path: str, data: dict[str, Any], body: str) -> None:
        front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        self.files[path] = f"---\n{front}---\n{body}\n"

    # -- the archive ---------------------------------------------------------------------

    def build(self) -> dict[str, str]:
        """Every content file of the archive, by path relative to the project root."""
        committees = self.committees()
        partners = self.partners()
        plan = self.agreement_plan(partners, committees)
        meetings = self.meetings(committees, partners, plan)
        self.agreements(plan, partners, meetings)
        return self.files

    def agreement_plan(self, partners: list[tuple[str, str]],
                       committees: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
        """Chains of three-year agreements per partner; the newest start between the last years and the next."""
        plan: list[dict[str, Any]] = []
        per, extra = divmod(self.size.agreements, len(partners))
        last = self.years[-1]
        for i, (slug, _) in enumerate(partners):
            committee = self.rng.choice(committees)
            start = self.rng.randint(last - 2, last + 1)
            chain = []
            for _ in range(per + (1 if i < extra else 0)):
                chain.append({"id": f"{slug}-{start}-{start + 2}", "partner": slug, "committee": committee,
                              "start": start, "end": start + 2})
                start -= 3
            chain.reverse()
            for older, newer in itertools.pairwise(chain):
                newer["renews"] = older["id"]
            plan += chain
        return plan

    def meetings(self, committees: list[tuple[str, str, str]], partners: list[tuple[str, str]],
                 plan: list[dict[str, Any]]) -> dict[str, Any]:
        """Write every meeting; returns where each agreement was adopted (by agreement id)."""
        to_adopt: dict[tuple[str, int], list[dict[str, Any]]] = {}
        for a in plan:
            if a["start"] - 1 in self.years:
                to_adopt.setdefault((a["committee"][0], a["start"] - 1), []).append(a)

        def in_force(committee: str, year: int) -> list[dict[str, Any]]:
            return [a for a in plan if a["committee"][0] == committee and a["start"] <= year <= a["end"]]

        adopted: dict[str, Any] = {}
        for k, (slug, name, code) in enumerate(committees):
            past: list[tuple[dt.date, int]] = []
            for year in self.years:
                paragraph = 0
                running = in_force(slug, year)
                for month in [m for m in range(1, 13) if m != 7]:
                    date = dt.date(year, month, 1 + k % 28)
                    adopting = to_adopt.get((slug, year), []) if month == 10 else []
                    matters = []
                    for i in range(self.rng.randint(3, 7) + len(adopting)):
                        paragraph += self.rng.randint(1, 3)
                        agreement = adopting[i] if i < len(adopting) else None
                        matter = self.matter(f"{date.isoformat()}-{slug}-{i + 1}", paragraph, code, year,
                                             agreement, running, partners, past)
                        if agreement:
                            adopted[agreement["id"]] = (matter, date, slug)
                        matters.append(matter)
                        past.append((date, paragraph))
                    self.meeting(date, slug, name, matters)
        return adopted

    def matter(self, matter_id: str, paragraph: int, code: str, year: int, agreement: dict[str, Any] | None,
               running: list[dict[str, Any]], partners: list[tuple[str, str]],
               past: list[tuple[dt.date, int]]) -> _Matter:
        rng = self.rng
        body = self.prose(600, 2200)
        if past and rng.random() < 0.3:
            date, para = rng.choice(past[-60:])
            body += f"\n\nNämnden behandlade frågan tidigare, se beslut {date.isoformat()} § {para}."
        if agreement:
            partner_name = self.partner_names[agreement["partner"]]
            matter = _Matter(matter_id, f"Överenskommelse med {partner_name} {agreement['start']}–{agreement['end']}",
                             [paragraph], body, self.case_number(code, year), adopts=[agreement["id"]],
                             concerns=[agreement["partner"]])
            agreement["case_number"] = matter.case_number
            return matter
        title = rng.choice(MATTER_TITLES).format(year=year, next=year + 1, topic=rng.choice(TOPICS))
        matter = _Matter(matter_id, title[0].upper() + title[1:], [paragraph], body)
        if rng.random() < 0.4:
            matter.case_number = self.case_number(code, year)
        if running and rng.random() < 0.08:
            followed = rng.choice(running)
            matter.title = f"Uppföljning av överenskommelse med {self.partner_names[followed['partner']]} {year}"
            matter.agreements = [followed["id"]]
        elif rng.random() < 0.2:
            matter.concerns = [rng.choice(partners)[0]]
        return matter

    def meeting(self, date: dt.date, slug: str, name: str, matters: list[_Matter]) -> None:
        data: dict[str, Any] = {"committee": slug, "date": date,
                                "title": f"{name} – beslut {date.day}/{date.month} {date.year}"}
        if self.rng.random() < 0.9:
            data["minutes_url"] = f"https://example.se/{slug}/protokoll/{date.isoformat()}"
        data["matters"] = [{k: v for k, v in (("id", m.id), ("paragraphs", m.paragraphs),
                                              ("case_number", m.case_number), ("adopts", m.adopts),
                                              ("agreements", m.agreements), ("concerns", m.concerns)) if v}
                           for m in matters]
        intro = self.prose(250, 450)
        body = "\n\n".join([intro, *(f"## {m.title} {{#{m.id}}}\n\n{m.body}" for m in matters)])
        self.write_record(f"decisions/{date.isoformat()}-{slug}.md", data, body)

    def agreements(self, plan: list[dict[str, Any]], partners: list[tuple[str, str]], adopted: dict[str, Any]) -> None:
        rng = self.rng
        names = dict(partners)
        for a in plan:
            partner_name = names[a["partner"]]
            data: dict[str, Any] = {
                "title": f"Överenskommelse om idéburet offentligt partnerskap med {partner_name} "
                         f"{a['start']}–{a['end']}",
                "partner": a["partner"], "public_party": f"Förvaltningen för {a['committee'][1].lower()}",
                "committee": a["committee"][0],
            }
            if rng.random() < 0.5:
                data["term"] = {"start": dt.date(a["start"], 1, 1), "end": dt.date(a["end"], 12, 31)}
                data["review_by"] = dt.date(a["end"], 3, 31)
            else:
                data["term"] = {"start": a["start"], "end": a["end"]}
            if "case_number" in a:
                data["case_number"] = a["case_number"]
            if "renews" in a:
                data["renews"] = a["renews"]
            if a["id"] not in adopted:
                data["adopted_by"] = f"{a['start'] - 1}-10-{rng.randint(10, 28)} § {rng.randint(100, 200)}"
            data["funding"] = [{"year": y, "amount": rng.randint(5, 60) * 10_000} if rng.random() < 0.8
                               else {"year": y, "price_compensation": True} for y in range(a["start"], a["end"] + 1)]
            data["contacts"] = [{"name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                                 "role": "Utvecklingsledare", "organisation": data["public_party"],
                                 "email": f"kontakt{rng.randint(1, 999)}@example.se"}]
            long = rng.random() < 0.15
            body = self.sectioned(AGREEMENT_SECTIONS, 12_000, 25_000) if long else self.prose(800, 3000)
            self.write_record(f"agreements/{a['id']}.md", data, body)
            if a["id"] in adopted and rng.random() < 0.5:
                self.report(a, partner_name, adopted[a["id"]])

    def report(self, agreement: dict[str, Any], partner_name: str, adoption: tuple[_Matter, dt.date, str]) -> None:
        _, date, committee = adoption
        number = agreement["case_number"]
        data = {"case_number": number, "date": date - dt.timedelta(days=14), "committee": committee,
                "title": f"Förslag till överenskommelse med {partner_name} {agreement['start']}–{agreement['end']}"}
        body = self.sectioned(REPORT_SECTIONS, 3000, 7000)
        if "renews" in agreement:
            body += f"\n\nNämnden antog den föregående överenskommelsen {agreement['start'] - 4}-10-01 § 1."
        code, rest = number.split()
        slug = code.lower().translate(str.maketrans("åäö", "aao"))
        self.write_record(f"reports/{slug}-{rest.replace('/', '-')}.md", data, body)


def write(size: Size, root: Path, seed: int = 1) -> int:
    """Write the archive's content folders under `root`; returns the number of files."""
    files = Generator(size, seed).build()
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files)
