"""A static OParl 1.1 endpoint: every object a JSON file whose id is its own absolute URL.

Layout under oparl/: system.json -> bodies.json -> body.json -> body/<list>.json (paginated:
<list>.json, <list>-2.json, ...). Objects: organization/, meeting/, agenda-item/, paper/,
consultation/, file/, location/. Planned meetings are Meetings too (meetingState "planerat"),
with the same id once held. OParl has no agreement type: agreements are Papers with paperType
"Överenskommelse", officer's reports Papers with paperType "Tjänsteskrivelse".
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import Any

from .. import dates, urls
from ..archive import Archive, Sitting
from ..model import Agreement, Committee, Matter, Partner, Report
from . import paths
from .tables import dump

VERSION = "https://schema.oparl.org/1.1/"
PAGE_SIZE = 100
"""Objects per page of an object list."""

Obj = dict[str, Any]


def _type(name: str) -> str:
    return f"{VERSION}{name}"


class OParl:
    """Builds every OParl object of one build; `files()` returns them as JSON text by site path."""

    def __init__(self, archive: Archive, base: str, settings: dict[str, Any], page_size: int = PAGE_SIZE) -> None:
        self.archive, self.base, self.settings, self.page_size = archive, base, settings, page_size
        self.out: dict[str, str] = {}
        license_url = (settings.get("open_data") or {}).get("license_url")
        self.license = {"license": license_url} if license_url else {}
        self.consulted: dict[str, list[tuple[Matter, bool]]] = defaultdict(list)
        """The matters that deliberate on each paper, by paper URL."""
        for matter in archive.matters.values():
            for paper, authoritative in self.papers_of(matter):
                self.consulted[paper].append((matter, authoritative))

    def url(self, path: str) -> str:
        return self.base + paths.OPARL + path

    def _committee_url(self, committee_id: str) -> str:
        return self.url(f"organization/namnd-{committee_id}.json")

    def _partner_url(self, partner_id: str) -> str:
        return self.url(f"organization/partner-{partner_id}.json")

    def _publish(self, obj: Obj) -> Obj:
        """Write the object at the path its id names, and return it (for embedding)."""
        self.out[obj["id"][len(self.base):]] = dump(obj)
        return obj

    # -- objects ------------------------------------------------------------------------------

    def system(self) -> Obj:
        return self._publish({
            "id": self.url("system.json"), "type": _type("System"), "oparlVersion": VERSION,
            "name": self.settings.get("site_name") or "", "body": self.url("bodies.json"),
            "website": self.base, "web": self.base, **self.license,
        })

    def body(self) -> Obj:
        lists = {"organization": "organizations", "person": "people", "meeting": "meetings", "paper": "papers",
                 "agendaItem": "agenda-items", "consultation": "consultations", "file": "files"}
        return self._publish({
            "id": self.url("body.json"), "type": _type("Body"), "system": self.url("system.json"),
            "name": self.settings.get("municipality") or "", "legislativeTerm": [],
            **{key: self.url(f"body/{name}.json") for key, name in lists.items()},
            "web": self.base, **self.license,
        })

    def committee(self, c: Committee) -> Obj:
        return self._publish({
            "id": self._committee_url(c.id), "type": _type("Organization"),
            "body": self.url("body.json"), "name": c.name, "organizationType": "Gremium", "classification": "Nämnd",
            "meeting": self.url(f"organization/namnd-{c.id}/meetings.json"), **self._web(urls.MEETINGS),
        })

    def partner(self, p: Partner) -> Obj:
        return self._publish({
            "id": self._partner_url(p.id), "type": _type("Organization"),
            "body": self.url("body.json"), "name": p.name, "organizationType": "Sonstiges",
            "classification": "Avtalspart", **({"website": p.website} if p.website else {}),
            **({"location": self._location(f"partner-{p.id}", p.address)} if p.address else {}), **self._web(urls.partner(p)),
        })

    def _location(self, name: str, description: str) -> Obj:
        return self._publish({"id": self.url(f"location/{name}.json"), "type": _type("Location"), "description": description})

    def meeting(self, s: Sitting) -> Obj:
        obj: Obj = {
            "id": self.base + paths.oparl_meeting(s.id), "type": _type("Meeting"),
            "name": f"{s.committee.name} {dates.long_date(s.date)}",
            "meetingState": "genomfört" if s.meeting else "planerat", "cancelled": False,
            **self._times(s), "organization": [self._committee_url(s.committee.id)],
        }
        if s.plan and s.plan.place:
            obj["location"] = self._location(s.id, s.plan.place)
        if s.meeting:
            if s.meeting.minutes_url:
                obj["resultsProtocol"] = self._file(f"{s.id}-protokoll", "Protokoll", s.meeting.minutes_url)
            obj["agendaItem"] = [self.agenda_item(s, m, i) for i, m in enumerate(s.meeting.matters, 1)]
            obj.update(self._web(urls.meeting(s.meeting)))
        return self._publish(obj)

    def _times(self, s: Sitting) -> Obj:
        """Start and end where the schedule gives a time; a date alone is no OParl date-time."""
        if not (s.plan and s.plan.start):
            return {}
        at = lambda t: dt.datetime.combine(s.date, t, dates.TIMEZONE).isoformat()
        return {"start": at(s.plan.start), **({"end": at(s.plan.end)} if s.plan.end else {})}

    def agenda_item(self, s: Sitting, m: Matter, order: int) -> Obj:
        papers = self.papers_of(m)
        obj: Obj = {
            "id": self.url(f"agenda-item/{m.id}.json"), "type": _type("AgendaItem"),
            "meeting": self.base + paths.oparl_meeting(s.id), "order": order, "name": m.title, "public": True,
        }
        if m.paragraphs:
            obj["number"] = f"{'§§' if len(m.paragraphs) > 1 else '§'} {', '.join(map(str, m.paragraphs))}"
        if papers:  # OParl gives an agenda item one consultation: that of its main paper
            obj["consultation"] = self._consultation_id(m, papers[0][0])
        assert s.meeting is not None
        obj.update(self._web(f"{urls.meeting(s.meeting)}#{m.id}"))
        return self._publish(obj)

    def papers_of(self, m: Matter) -> list[tuple[str, bool]]:
        """The papers a matter deliberates on, as (paper URL, authoritative): its report first."""
        a = self.archive
        reports = [(self.base + paths.oparl_report(r), True) for r in a.related_by_case(m.case_number).get("report", [])]
        return reports + [(self.base + paths.oparl_agreement(a.agreements[x]), x in m.adopts)
                          for x in dict.fromkeys(m.adopts + m.agreements)]

    def _consultation_id(self, m: Matter, paper_url: str) -> str:
        paper = paper_url.rsplit("/", 1)[1].removesuffix(".json")
        return self.url(f"consultation/{m.id}--{paper}.json")

    def consultation(self, m: Matter, paper_url: str, authoritative: bool) -> Obj:
        meeting = self.archive.meeting_of[m.id]
        return self._publish({
            "id": self._consultation_id(m, paper_url), "type": _type("Consultation"), "paper": paper_url,
            "agendaItem": self.url(f"agenda-item/{m.id}.json"), "meeting": self.base + paths.oparl_meeting(meeting.id),
            "organization": [self._committee_url(meeting.committee)],
            "authoritative": authoritative, "role": "Beslut" if authoritative else "Behandling",
        })

    def report(self, r: Report) -> Obj:
        related = [self.base + paths.oparl_agreement(x) for x in self.archive.related_by_case(r.case_number).get("agreement", [])]
        return self._publish(self._paper(self.base + paths.oparl_report(r), r.title, "Tjänsteskrivelse",
                                         r.case_number, r.date, r.committee, related, urls.report(r)))

    def agreement(self, a: Agreement) -> Obj:
        related = [self.base + paths.oparl_report(r) for r in self.archive.related_by_case(a.case_number).get("report", [])]
        related += [self.base + paths.oparl_agreement(x)
                    for x in (self.archive.agreements.get(a.renews or ""), self.archive.renewed_by.get(a.id)) if x]
        obj = self._paper(self.base + paths.oparl_agreement(a), a.title, "Överenskommelse", a.case_number, a.date,
                          a.committee, related, urls.agreement(a))
        obj["originatorOrganization"] = [self._partner_url(a.partner)]
        obj["auxiliaryFile"] = [self._file(f"overenskommelse-{a.id}-data", "Överenskommelsens uppgifter (JSON)",
                                           self.base + paths.agreement_json(a), "application/json")]
        return self._publish(obj)

    def _paper(self, pid: str, name: str, kind: str, reference: str | None, date: dt.date | None,
               committee: str | None, related: list[str], web: str) -> Obj:
        obj: Obj = {"id": pid, "type": _type("Paper"), "body": self.url("body.json"), "name": name, "paperType": kind}
        if reference:
            obj["reference"] = reference
        if date:
            obj["date"] = date.isoformat()
        if committee:
            obj["underDirectionOf"] = [self._committee_url(committee)]
        if related:
            obj["relatedPaper"] = related
        consultations = [self.consultation(m, pid, auth) for m, auth in self.consulted[pid]]
        if consultations:
            obj["consultation"] = consultations
        return {**obj, **self._web(web)}

    def _file(self, name: str, title: str, access_url: str, mime: str | None = None) -> Obj:
        return self._publish({"id": self.url(f"file/{name}.json"), "type": _type("File"), "name": title,
                              "accessUrl": access_url, **({"mimeType": mime} if mime else {})})

    def _web(self, page_url: str) -> Obj:
        return {"web": self.base + page_url}

    # -- lists --------------------------------------------------------------------------------

    def object_list(self, path: str, items: list[Obj]) -> None:
        """A paginated external object list: <path>.json, <path>-2.json, ... (OParl 'Objektlisten')."""
        pages = max(1, math.ceil(len(items) / self.page_size))
        page_url = lambda n: self.url(f"{path}.json" if n == 1 else f"{path}-{n}.json")
        for n in range(1, pages + 1):
            links = {"first": page_url(1), "last": page_url(pages), "self": page_url(n)}
            if n > 1:
                links["prev"] = page_url(n - 1)
            if n < pages:
                links["next"] = page_url(n + 1)
            self.out[page_url(n)[len(self.base):]] = dump({
                "data": items[(n - 1) * self.page_size : n * self.page_size],
                "pagination": {"totalElements": len(items), "elementsPerPage": self.page_size,
                               "currentPage": n, "totalPages": pages},
                "links": links,
            })

    def files(self) -> dict[str, str]:
        """Every object and object list, by path relative to the site root."""
        a = self.archive
        self.system()
        self.object_list("bodies", [self.body()])
        committees = {c.id: self.committee(c) for c in a.committees.values()}
        organizations = list(committees.values()) + [self.partner(p) for p in a.partners.values()]
        sittings = sorted((s for ss in a.calendar.values() for s in ss), key=lambda s: (s.date, s.committee.id), reverse=True)
        meetings = [self.meeting(s) for s in sittings]
        papers = [self.report(r) for r in a.reports.values()] + [self.agreement(x) for x in a.agreements.values()]
        self.object_list("body/organizations", organizations)
        self.object_list("body/people", [])
        self.object_list("body/meetings", meetings)
        self.object_list("body/papers", papers)
        self.object_list("body/agenda-items", [item for m in meetings for item in m.get("agendaItem", [])])
        self.object_list("body/consultations", [c for p in papers for c in p.get("consultation", [])])
        self.object_list("body/files", [x for p in papers for x in p.get("auxiliaryFile", [])]
                         + [m["resultsProtocol"] for m in meetings if "resultsProtocol" in m])
        for cid in committees:
            self.object_list(f"organization/namnd-{cid}/meetings", [m for m, s in zip(meetings, sittings) if s.committee.id == cid])
        return self.out
