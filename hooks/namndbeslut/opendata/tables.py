"""Our own data next to OParl: one JSON record per agreement, and CSV files for spreadsheets.

CSV: UTF-8 with a byte-order mark and semicolons, Swedish headers, ISO dates, amounts as plain
integers, so that a spreadsheet in Swedish opens them into columns with å, ä, ö intact.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import orjson

from .. import dates, routes
from ..archive import UNDATED_STEPS, AgreementStep, role
from ..citations import Citation
from ..context import BuildContext
from ..dates import Money
from ..funding import parties_of
from ..model import (
    CURRENCY,
    VOTE_COUNTS,
    Adjournment,
    Agreement,
    Assignment,
    Committee,
    Deadline,
    Funding,
    Listed,
    Matter,
    Meeting,
    Obligation,
    Rate,
    Signatory,
    Sum,
    Term,
    TookNoPartIn,
    Vote,
    chronological,
    stance_data,
    stance_label,
    stated_kind,
)
from ..renewal import Amounts, Change, Comparison


def iso(value: dates.Given | None) -> str | None:
    """An ISO 8601 date at the precision the source gives: '2021-06-09', '2020-11' or '2021'; a season as the
    source's words ('våren 2020')."""
    return None if value is None else dates.iso(value)


def _signer(s: Signatory) -> dict[str, Any]:
    """A signer as the source names them, with their own signing date where it gives one (`date`)."""
    return {**s.model_dump(exclude_none=True, exclude={"date"}), **({"date": iso(s.date)} if s.date else {})}


def _deadline(d: Deadline) -> dict[str, Any]:
    """A date or deadline the agreement states: what, the date as precise as given, the source's words."""
    return {"what": d.what, "date": iso(d.date), "as_given": d.as_given}


def obligation(o: Obligation) -> dict[str, Any]:
    """An obligation the agreement states: whose (null where the source names no one) and what, in its words."""
    return {"by": o.by, "what": o.what}


def _term(term: Term | None) -> dict[str, Any] | None:
    """Start and end as ISO dates or years; no term where none is stated. An end None is 'until further notice'
    or not stated, and `until_further_notice` (only beside an end None) tells which."""
    if term is None:
        return None
    end = iso(term.stated_end)
    return {"start": iso(term.start), "end": end,
            **({"until_further_notice": term.until_further_notice} if end is None else {})}


def _of_figure(value: Sum, said: bool) -> bool | None:
    """Whether the figure is a ceiling or an estimate (`said`); None where the source gives no figure (`kronor: anges
    inte`): then nothing qualifies it, and 'false' would say something of it. The rule of the JSON and the CSV."""
    return said if value.kronor is not None else None


def amount(value: Sum | None) -> dict[str, Any]:
    """A stated sum in the data: `amount` (kronor) and `currency`, and where the source qualifies it `ceiling`,
    `per_year`, `recipient` (with `recipients`, how many, where the source counts them), `approximate`, `amount_up_to`
    (a range's upper end; `amount` is its lower) and `amount_label` (the page's words); nothing where no sum is stated.
    A plain sum has only the first two, as every sum had before qualifiers existed. Where the source gives them, the
    years (`from_year`, `to_year`: equal for one year; `years`, how many, where it counts them without naming them) and
    the unit (`per`, `count`, `count_ceiling`; `amount` is each unit's); the source's words for the sum, its purpose,
    its period and where the money comes from (`as_given`, `purpose`, `period_as_given`, `financed_from`), the party it
    comes from (`from`: 'Socialstyrelsen'), and what kind of money it is where the source says (`nature`: 'avslaget',
    'äskat', 'taxa', 'prognos', 'utfall', 'budget'). Kronor with öre are a number with decimals (7.5); a deviation or
    deficit a negative number. A bound the source gives ('drygt', 'knappt') is `more_than` or `less_than` (true, only
    where given), and what comes on top of the sum ('indexuppräkning') `plus_as_given`; a change of another sum
    ('höjning', 'sänkning') `change`. A sum whose figure the source
    does not give is `amount` null with `amount_stated` false, as a funding row's. The one form of a sum in JSON and
    OParl."""
    if value is None:
        return {}
    plain = {"amount": value.kronor, "currency": CURRENCY, **({"amount_stated": False} if value.kronor is None
                                                              else {})}
    if value.plain:
        return plain
    return {**plain, "ceiling": _of_figure(value, value.ceiling), "per_year": value.per_year, "recipient": value.to,
            **({"recipients": value.recipients} if value.recipients is not None else {}),
            "approximate": _of_figure(value, value.approximate), "amount_up_to": value.up_to_kronor,
            **({"from_year": value.from_year, "to_year": value.last_year} if value.from_year is not None else {}),
            **({"years": value.years} if value.years is not None else {}),
            **({"per": value.per, "count": value.count, "count_ceiling": value.count_ceiling}
               if value.per is not None else {}),
            **{k: v for k, v in (("as_given", value.as_given), ("purpose", value.purpose),
                                 ("period_as_given", value.period_as_given), ("financed_from", value.financed_from),
                                 ("from", value.from_party),
                                 ("nature", value.nature.value if value.nature else None),
                                 ("more_than", value.more_than or None), ("less_than", value.less_than or None),
                                 ("plus_as_given", value.plus_as_given),
                                 ("change", value.change.value if value.change else None)) if v is not None},
            "amount_label": dates.plain_spaces(value.label)}


def notice_period(a: Agreement) -> dict[str, Any]:
    """An agreement's notice period, only where the source states one: `notice_period` its count in its unit
    ({"months": 6}, null where only words state it), `notice_period_as_given` the source's words where given, and
    `notice_period_label` the page's words. The one form in JSON and OParl."""
    if a.notice_label is None:
        return {}
    period = a.notice_period.model_dump(exclude_none=True) if a.notice_period else None
    return {"notice_period": period, **({"notice_period_as_given": a.notice_period_as_given}
                                        if a.notice_period_as_given else {}), "notice_period_label": a.notice_label}


def _funding(f: Funding) -> dict[str, Any]:
    """One funding row: `year`, or `null` and `years` (how many, not named), or `null` alone (a sum for the agreement,
    with no year and no count); `amount` null where only price compensation is stated."""
    return {"year": f.year, **({"years": f.years} if f.years is not None else {}), "amount": None,
            "currency": CURRENCY, **amount(f.amount), "price_compensation": f.price_compensation, "note": f.note,
            "funder": f.funder, **({"amount_stated": False, "per_year": f.per_year, "amount_label": f.sum_label}
                                   if f.amount_unstated else {})}


def _kind(kind: Listed | None, as_given: str | None) -> dict[str, str | None] | None:
    """A listed kind as value and label; a kind in the source's words as `as_given`, with no listed value, or beside
    the listed one where the source gives both (a matter's label on the agenda). The one form of an agreement's and
    a matter's kind in the data."""
    if kind is not None:
        return {"value": kind.value, "label": kind.label, **({"as_given": as_given} if as_given else {})}
    return {"value": None, "label": stated_kind(kind, as_given), "as_given": as_given} if as_given else None


def vote(v: Vote) -> dict[str, Any]:
    """A matter's vote in the data: each count, null where the source does not give it (never worked out), how a tie
    was settled, the source's words and the page's words (`label`)."""
    return {**{name: getattr(v, name) for name in VOTE_COUNTS}, "decided_by": v.decided_by.value if v.decided_by
            else None, "as_given": v.as_given, "label": v.label}


def adjournment(a: Adjournment) -> dict[str, Any]:
    """A break in a meeting in the data: `start` and `end` as 'HH:MM' (`end` null where the source does not say), or
    `as_given`, the source's words where it gives no time; `label` as the page says it. The one form in JSON and
    OParl."""
    times = {"start": a.start.isoformat("minutes"), "end": a.end.isoformat("minutes") if a.end else None} if a.start \
        else {"as_given": a.as_given}
    return {**times, "label": a.label}


def agreement_title(a: Agreement) -> dict[str, Any]:
    """An agreement's title as the data give it wherever they name it: `title` the source's (null where it gives
    none), `title_given`, and there `title_said`, the title pages say from the facts (`Agreement.title`)."""
    return {"title": a.given_title, "title_given": a.title_given,
            **({} if a.title_given else {"title_said": a.title})}


def meeting_facts(meeting: Meeting) -> dict[str, Any]:
    """What a meeting's record says beyond its date, each only where given: that it covers only part of its source
    (`partial` true and the editor's words, `partial_note`), the protocol's paragraphs in its words, its contacts,
    its breaks (`adjournments`), where its minutes are kept, what it says of the public, of the checking and the
    posting of the minutes in its words, the days the minutes were checked, posted and taken down (as OParl gives
    them), the last day to appeal them, who decided
    in the source's words where it names no body (`body_as_given`), who signed its notice (`convened_by`, each
    {name, role, party} where given), who a notice proposes to check the minutes and when, in its words
    (`proposed_adjusters`, `planned_checking_as_given`)."""
    return {**({"body_as_given": meeting.body_as_given} if meeting.body_as_given else {}),
            **({"convened_by": [p.model_dump(exclude_none=True) for p in meeting.convened_by]}
               if meeting.convened_by else {}),
            **({"partial": True, "partial_note": meeting.partial} if meeting.partial else {}),
            **({"minutes_kept_at": meeting.minutes_kept_at} if meeting.minutes_kept_at else {}),
            **({"paragraphs_as_given": meeting.paragraphs_as_given} if meeting.paragraphs_as_given else {}),
            **({"contacts": [c.model_dump(exclude_none=True) for c in meeting.contacts]} if meeting.contacts else {}),
            **({"adjournments": [adjournment(a) for a in meeting.adjournments]} if meeting.adjournments else {}),
            **{key: iso(day) for key in ("minutes_checked", "minutes_posted", "minutes_removed", "appeal_by")
               if (day := getattr(meeting, key)) is not None},
            **{key: value for key in ("public_as_given", "minutes_checked_as_given", "minutes_posted_as_given",
                                      "proposed_adjusters", "planned_checking_as_given")
               if (value := getattr(meeting, key))}}


def assignment(a: Assignment, proposed: bool = False) -> dict[str, Any]:
    """A task a decision gives: who and what in the source's words, by when as given (each only where given), and its
    label as the page says it; `proposed: true` in a proposal to another body (Matter.assignments_proposed)."""
    return {"to": a.to, "what": a.what, **({"by": iso(a.by)} if a.by is not None else {}),
            **({"by_as_given": a.by_as_given} if a.by_as_given else {}), "label": a.labelled(proposed),
            **({"proposed": True} if proposed else {})}


def matter_record_facts(m: Matter) -> dict[str, Any]:
    """A matter's special statements, proposals made at the meeting and the documents it rests on (matters6), whether
    its decision was unanimous and the source's words for it (trial 16), what it is about in the source's words where
    it gives no heading, the rates it states in per cent and who drafted its proposal (trial 17), each only where the
    source gives them."""
    documents = [{"title": d.title, **({"date": iso(d.date)} if d.date is not None else {}),
                  **({"by": d.by} if d.by else {}), "label": d.label} for d in m.documents]
    return {**({"statements": [stance_data(r) for r in m.statements]} if m.statements else {}),
            **({"proposals_made": [p.model_dump(exclude_none=True) for p in m.proposals_made]}
               if m.proposals_made else {}),
            **({"documents": documents} if documents else {}),
            **({"unanimous": m.unanimous} if m.unanimous is not None else {}),
            **({"unanimous_as_given": m.unanimous_as_given} if m.unanimous_as_given else {}),
            **({"subject_as_given": m.subject_as_given} if m.subject_as_given else {}),
            **({"rates": [rate(r) for r in m.rates]} if m.rates else {}),
            **({"proposal_by": m.proposal_by} if m.proposal_by else {})}


def rate(r: Rate) -> dict[str, Any]:
    """A rate in per cent: `percent` (a number, as the source gives it), `of` and `as_given` in the source's words
    (`as_given` only where given), `change` ('höjning', 'sänkning') where it is a change, `label` the page's words.
    The one form of a rate in JSON and OParl."""
    return {"percent": r.percent, "of": r.of, **({"as_given": r.as_given} if r.as_given else {}),
            **({"change": r.change.value} if r.change else {}), "label": dates.plain_spaces(r.label)}


def matter_agenda_facts(m: Matter) -> dict[str, Any]:
    """What the agenda says of an item beside its number (trial 16), each only where given: its time (`start`,
    `end`, "09:00"), the heading it stands under (`section`, the source's words) and a case number the source
    gives cut off (`case_number_as_given`, "KS2014/"), and appeals of the decision (`appeals`, each the court, the
    outcome in the source's words, the date as given, an earlier decision's words, and `label`, the page's words)."""
    return {**{key: t.isoformat("minutes") for key in ("start", "end") if (t := getattr(m, key)) is not None},
            **({"section": m.section} if m.section else {}),
            **({"case_number_as_given": m.case_number_as_given} if m.case_number_as_given else {}),
            **({"appeals": [{**a.model_dump(exclude_none=True, exclude={"date"}),
                             **({"date": iso(a.date)} if a.date is not None else {}), "label": a.label}
                            for a in m.appeals]} if m.appeals else {})}


def dump(data: Any) -> str:
    """Data as published JSON: UTF-8 text, indented by two (orjson: the same text as the standard library's
    `json.dumps(data, ensure_ascii=False, indent=2)`, written ten times faster)."""
    return orjson.dumps(data, default=json_number, option=orjson.OPT_INDENT_2).decode() + "\n"


def json_number(value: object) -> int | float:
    """Kronor with öre (an exact Decimal) as a JSON number: 7.5; a whole sum (a total of öre sums) as an integer.
    Two decimals at most, so the float is the number written."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


WORDS_COLUMNS = ("Beloppet i källans ord", "Ändamål", "Period i källans ord", "Finansieras ur")
BOUND_COLUMNS = ("Mer än", "Mindre än", "Plus enligt källan")
"""A sum's bound ('drygt', 'knappt': 'ja' or empty) and what comes on top of it, last in both CSV files."""
"""A sum's words as the source gives them, in the matters' and the funding CSV alike (`_words`)."""


class Tables:
    """Builds the agreement records and CSV files from the Archive, for one build date."""

    def __init__(self, ctx: BuildContext) -> None:
        self.ctx, self.archive = ctx, ctx.archive

    def _decision(self, record: Matter | Meeting | Citation | None, role: str,
                  body: Committee | None = None, undated: tuple[int, ...] = ()) -> dict[str, Any]:
        """A decision as the data give it; one only cited has the `committee` its step names (`body`), or null; a
        published one its meeting's date in the source's words where given (`date_as_given`)."""
        cited = {"committee": body.id if body else None, "published": False}
        if record is None:  # a cited step without a date: the body, and the paragraphs where its source gives them
            return {"role": role, "date": None, "paragraphs": list(undated), **cited}
        if isinstance(record, Citation):
            return {"role": role, "date": iso(record.date), "paragraphs": list(record.paragraphs), **cited}
        meeting = self.archive.meeting_with(record) if isinstance(record, Matter) else record
        return {"role": role, "date": iso(meeting.date),
                **({"date_as_given": meeting.date_as_given} if meeting.date_as_given else {}),
                "committee": meeting.committee,
                "paragraphs": list(record.paragraphs) if isinstance(record, Matter) else [],
                "title": record.given_title,
                **(amount(record.amount) if isinstance(record, Matter) else {}),
                **({"known_from": meeting.known_from.value} if meeting.known_from else {}),
                **({"decided_as": meeting.decided_as.value} if meeting.decided_as else {}),
                "published": True, "url": self.ctx.absolute(routes.page(record, self.archive))}

    def decisions(self, a: Agreement) -> list[dict[str, Any]]:
        """Every decision about the agreement: the adopting one (published or only cited), then others; each `role`
        the steps it takes in `steps` (Archive.role_of), so that the two never tell it apart."""
        out = []
        adopting = self.archive.adopting_step(a)
        adopted = adopting.decision if adopting else None
        if adopting is not None:
            out.append(self._decision(adopted, role(self.archive.step_actions(adopting)), adopting.body,
                                      adopting.paragraphs))
        out += [self._decision(m, self.archive.role_of(a, m)) for m in self.archive.matters_about(a)
                if m is not adopted]
        return out

    def _step(self, s: AgreementStep) -> dict[str, Any]:
        """One step of the agreement's way through the bodies (archive.AgreementStep), in order."""
        def body(c: Committee | None) -> dict[str, str] | None:
            return {"id": c.id, "name": c.name} if c else None

        refers = s.refers_to
        held = self.archive.meeting_with(s.decision) if isinstance(s.decision, Matter) else s.decision \
            if isinstance(s.decision, Meeting) else None
        return {"action": s.action.value, "outcome": s.outcome, "date": iso(s.date),
                **({"date_as_given": held.date_as_given} if held is not None and held.date_as_given else {}),
                "in_order": s.in_order,
                "body": body(s.body),
                "by": s.by, "to": body(s.to), "end": iso(s.end),
                **({"proposed_end": iso(s.proposed_end)} if s.proposed_end is not None else {}),
                "proposes": s.proposes.value if s.proposes else None, "condition": s.condition,
                **({"as_given": s.as_given} if s.as_given else {}),
                "refers_to": {"matter": refers.id, "url": self.ctx.absolute(routes.page(refers, self.archive))}
                if refers else None,
                "decision": self._decision(s.decision, role(self.archive.step_actions(s)), s.body, s.paragraphs)}

    def _announced(self, s: AgreementStep) -> dict[str, Any]:
        """A decision the source announces and that is not yet taken: never a step (no outcome, no decision), its
        date the announced one; `label` as the page words it on the build date (a passed date never said taken)."""
        return {"announced": True, "taken": None, "action": s.action.value, "announced_date": iso(s.date),
                "body": {"id": s.body.id, "name": s.body.name} if s.body else None,
                "to": {"id": s.to.id, "name": s.to.name} if s.to else None,
                "proposes": s.proposes.value if s.proposes else None, "end": iso(s.end), "condition": s.condition,
                "label": s.announced_label(self.ctx.today)}

    def record(self, a: Agreement) -> dict[str, Any]:
        """All facts about one agreement, as the site states them on the build date."""
        url = self.ctx.absolute
        committee = self.archive.committees.get(a.committee) if a.committee else None
        stated = a.stated_status
        return {
            "id": a.id, "url": url(routes.agreement(a)), **agreement_title(a),
            "kind": _kind(a.kind, a.kind_as_given),
            "partners": [{"id": p.id, "name": p.name, "kind": p.kind.value if p.kind else None,
                          **({"kind_as_given": p.kind_as_given} if p.kind_as_given else {}),
                          "organisation_number": p.organisation_number, "url": url(routes.partner(p))}
                         for p in self.archive.partners_of(a)],
            "parties_described": a.parties_described, "text_is_description": a.text_is_description,
            "counterparty_stated": not a.counterparty_unstated,
            "public_party": a.public_party_named,
            **({"public_party_none": True} if a.no_public_party else {}),
            "committee": {"id": committee.id, "name": committee.name} if committee else None,
            "committees": [{"id": c.id, "name": c.name} for c in self.archive.bodies_of(a)],
            "date": iso(a.date), "signed": iso(a.signed_on), "signed_stated": a.signing_stated,
            **({"signed_as_given": a.signed_as_given} if a.signed_as_given else {}),
            "signed_by": [_signer(s) for s in a.signed_by],
            "term": _term(a.term), "term_as_given": a.term_as_given, "extension_option": a.extension_option,
            "review_by": iso(a.review_by), "review_as_given": a.review_as_given, "case_number": a.case_number,
            **notice_period(a),
            **({"deadlines": [_deadline(d) for d in a.deadlines]} if a.deadlines else {}),
            **({"obligations": [obligation(o) for o in a.obligations]} if a.obligations else {}),
            **({"conditions": list(a.conditions)} if a.conditions else {}),
            "status": {"value": self.archive.status_of(a, self.ctx.today).value, "on": self.ctx.today.isoformat()},
            "stated_status": {"value": stated.status, "on": iso(stated.date)} if stated else None,
            "stage": a.stage.value if a.stage else None,
            "funding": [_funding(f) for f in a.funding],
            "funding_stated_total": a.stated_total,
            "renews": self._agreement_link(self.archive.predecessor(a)),
            "renewed_by": self._agreement_link(self.archive.successor(a)),
            "preceded_by": [self._agreement_link(x) for x in self.archive.preceding(a)],
            "preceded_as_given": a.preceded_as_given,
            "followed_by": [self._agreement_link(x) for x in self.archive.following(a)],
            "changes": self._changes(self.archive.changes(a)),
            "decisions": self.decisions(a),
            "steps": [self._step(s) for s in self.archive.steps_of(a)],
            **({"announced_steps": [self._announced(s) for s in announced]}
               if (announced := self.archive.announced_of(a)) else {}),
            "reports": [{"case_number": r.case_number, "date": r.date.isoformat(), "title": r.title,
                         "url": url(routes.report(r))}
                        for r in self.archive.case_file(a.case_number).reports],
            "contacts": [c.model_dump(exclude_none=True) for c in a.contacts],
            **({"persons": [p.model_dump(exclude_none=True) for p in a.persons]} if a.persons else {}),
            **({"partial": True, "partial_note": a.partial} if a.partial else {}),
            "source": a.source, "source_url": a.source_url, "source_urls": a.source_urls,
            "oparl": url(routes.oparl_paper(a)),
        }

    def _changes(self, c: Comparison | None) -> dict[str, Any] | None:
        """What changed compared with the agreement this one renews (renewal.py), as the page shows it."""
        if c is None:
            return None
        url = self.ctx.absolute

        def amounts(x: Amounts) -> dict[str, Any]:
            return {"old": x.old, "new": x.new, "change": x.change, "change_percent": x.percent}

        return {
            "compared_with": self._agreement_link(c.older),
            "term": {"old": c.term.old, "new": c.term.new, "changed": c.term.changed},
            "kind": {"old": c.kind.old, "new": c.kind.new, "changed": c.kind.changed},
            "review": {"old": c.review.old, "new": c.review.new, "changed": c.review.changed},
            "review_by": {"old": iso(c.older.review_by), "new": iso(c.newer.review_by), "changed": c.review.changed},
            "funding": [{"year": y.year, **amounts(y)} for y in c.funding],
            "funding_stated_total": amounts(c.total),
            "parties": {"old": c.parties.old, "new": c.parties.new, "changed": c.parties.changed},
            "partners_added": [{"id": p.id, "name": p.name, "url": url(routes.partner(p))} for p in c.partners_added],
            "partners_removed": [{"id": p.id, "name": p.name, "url": url(routes.partner(p))}
                                 for p in c.partners_removed],
            "text": None if c.text is None else [{"change": "added" if t.change is Change.ADDED else "removed",
                                                   "text": t.text} for t in c.text],
        }

    def _agreement_link(self, a: Agreement | None) -> dict[str, Any] | None:
        if a is None:
            return None
        url = self.ctx.absolute
        return {"id": a.id, **agreement_title(a), "url": url(routes.agreement(a)),
                "data": url(routes.agreement_json(a))}

    # -- CSV ------------------------------------------------------------------------------

    AGREEMENT_COLUMNS = ("Id", "Titel", "Typ", "Partner", "Organisationsnummer", "Offentlig part", "Nämnd", "Från",
                         "Till", "Status", "Status per", "Översyn senast", "Diarienummer", "Förnyar", "Beslut",
                         "Summa angivna belopp (kr)", "Webbsida", "Data (JSON)", "Beslutsgång", "Tills vidare",
                         "Texten är en beskrivning", "Översyn enligt källan", "Uppsägningstid",
                         "Titeln anges i källan")
    """'Beslutsgång' and 'Tills vidare' last (later columns, so earlier ones keep their places): each step as
    'date body: outcome', in order, separated by ' | '; 'ja' where the term runs until further notice, 'nej' where it
    does not or its end is not stated ('Till' is empty for both), empty without a term; 'Texten är en beskrivning'
    'ja' where the page's text describes the agreement rather than being its own text; 'Översyn enligt källan' a
    review in the source's words ('efter tre år'), where 'Översyn senast' is empty; 'Uppsägningstid' the notice
    period as the page says it ('6 månader'), empty where none is stated; 'Titeln anges i källan' 'nej' where 'Titel' is
    said from the facts (`Agreement.title`), the source giving none."""
    FUNDING_COLUMNS = ("År", "Partner", "Organisationsnummer", "Överenskommelse", "Belopp (kr)",
                       "Priskompensation", "Anmärkning", "Webbsida", "Finansiär", "Antal år (åren anges inte)",
                       "Högsta belopp", "Per år", "Mottagare", "Belopp enligt källan",
                       "Ungefärligt belopp", "Övre belopp i intervall (kr)", "Per enhet", "Antal enheter",
                       "Högsta antal enheter", *WORDS_COLUMNS, "Belopp från år", "Belopp till år",
                       *BOUND_COLUMNS, "Antal mottagare")
    """'Finansiär' and the columns after it last (later columns, so earlier ones keep their places): who pays where
    the source names someone other than the public party; for a row whose years the source does not name, how many
    (its 'År' is empty); the sum's qualifiers (ja/nej, empty where the source says neither) and the page's words;
    a sum per unit's unit and count (`_unit`); the source's words (`_words`); the years a sum for several years
    together names (its 'År' is empty); how many recipients share the sum, where the source counts them."""

    def agreements_csv(self) -> str:
        rows = []
        for a in sorted(self.archive.agreements.values(), key=self.archive.in_list_order):
            r = self.record(a)
            adopting = self.archive.adopting_step(a)
            cited = (None if adopting is None else self.archive.step_decision_label(adopting)
                     if adopting.decision is None else str(self.archive.citation_of(adopting.decision)))
            parties = parties_of(self.archive, a)
            term = r["term"] or {"start": None, "end": None}
            kind = a.stated_kind
            rows.append((a.id, a.title, kind, parties.cell, parties.organisation_numbers, a.public_party,
                         self._bodies_cell(a), term["start"], term["end"],
                         r["status"]["value"], r["status"]["on"], r["review_by"], a.case_number, a.renews,
                         cited, r["funding_stated_total"], r["url"],
                         self.ctx.absolute(routes.agreement_json(a)), self._steps_cell(a),
                         _yes_no(a.term.until_further_notice) if a.term else None,
                         _yes_no(a.text_is_description), a.review_as_given, a.notice_label,
                         _yes_no(a.title_given)))
        return _csv(self.AGREEMENT_COLUMNS, rows)

    def _steps_cell(self, a: Agreement) -> str | None:
        """The agreement's steps in one cell: '2024-03-12 Socialnämnden: Förslag till kommunstyrelsen | …'; those
        whose source gives no date apart, after 'Steg utan datum i källan:' and separated by ' ; ' (no order), each
        as 'Kommunstyrelsen, datum anges inte: Antagen' (Archive.steps_apart)."""
        dated, undated = self.archive.steps_apart(a)
        steps = [f"{dates.iso(s.date)}{f' {s.body.name}' if s.body else ''}: {s.outcome}" for s in dated
                 if s.date is not None]
        apart = " ; ".join(f"{self.archive.step_decision_label(s)}: {s.outcome}" for s in undated)
        return " | ".join([*steps, *([f"{UNDATED_STEPS}: {apart}"] if apart else [])]) or None

    def _bodies_cell(self, a: Agreement) -> str | None:
        """'Nämnd': the body's name, or several as the partner column lists several ('A och B')."""
        return dates.listing([c.name for c in self.archive.bodies_of(a)]) or None

    def funding_csv(self) -> str:
        """The calendar years' rows, then those whose years the source does not name, then those for years it names
        together ('Belopp från år', 'Belopp till år'; 'År' empty). 'Belopp (kr)' is the sum as
        stated (a ceiling's or another recipient's too: the qualifier columns say so)."""
        table = self.ctx.funding
        rows = [(g.funding.year, g.parties.cell, g.parties.organisation_numbers, g.agreement.id,
                 g.funding.amount.kronor if g.funding.amount else None,
                 _yes_no(g.funding.price_compensation), g.funding.note,
                 self.ctx.absolute(routes.agreement(g.agreement)), g.funding.funder, g.funding.years,
                 *_funding_qualifiers(g.funding), *_estimate(g.funding.amount), *_unit(g.funding.amount),
                 *_words(g.funding.amount), *_years(g.funding.amount), *_bound(g.funding.amount),
                 g.funding.amount.recipients if g.funding.amount else None)
                for g in [*table.grants, *table.unplaced, *table.spanned]]
        return _csv(self.FUNDING_COLUMNS, rows)

    # -- matters ----------------------------------------------------------------------------

    def _matters(self) -> list[tuple[Meeting, Matter]]:
        """Every matter of every published meeting, meetings by date, matters in their order."""
        return [(meeting, m) for meeting in chronological(self.archive.meetings)
                for m in meeting.matters]

    def matters(self) -> list[dict[str, Any]]:
        return [self.matter(meeting, m) for meeting, m in self._matters()]

    def matter(self, meeting: Meeting, m: Matter) -> dict[str, Any]:
        """One matter as its meeting page states it: its heading (None where the source gives none), kind, item,
        case number, paragraphs, body, the meeting's date as given, the sum the decision states, the earlier
        matter it continues, and whether it is open to the public (its own statement, else its meeting's; None where
        neither says)."""
        committee = self.archive.body_of(meeting)
        before = self.archive.treated_before(m)
        return {
            "id": m.id, "title": m.given_title, "title_given": m.title_given,
            "url": self.ctx.absolute(routes.matter(meeting, m)),
            "kind": _kind(m.kind, m.kind_as_given),
            "item": m.item, "case_number": m.case_number, "paragraphs": list(m.paragraphs),
            "paragraph_label": self.archive.paragraph_label(m) or None,
            "meeting": {"id": meeting.id, "date": iso(meeting.date), "url": self.ctx.absolute(routes.meeting(meeting)),
                        "known_from": meeting.known_from.value if meeting.known_from else None,
                        "date_as_given": meeting.date_as_given, **meeting_facts(meeting),
                        **({"selection": True} if meeting.selection else {}), **self.outside(meeting),
                        **({"extra": True} if meeting.extra else {}),
                        **self.reported_decisions(meeting), **self.with_bodies(meeting)},
            "body": {"id": committee.id, "name": committee.name} if committee else None,
            "amount": None, "currency": None, **amount(m.amount),
            "amounts": [amount(a) for a in m.amounts],
            "refers_to": {"matter": before.id, "url": self.ctx.absolute(routes.page(before, self.archive))}
            if before else None,
            "public": meeting.public_for(m),
            **({"vote": vote(m.vote)} if m.vote else {}),
            **{key: value for key in ("proposal", "condition", "by") if (value := getattr(m, key))},
            **({"persons": [p.model_dump(exclude_none=True) for p in m.persons]} if m.persons else {}),
            **({"cited_decisions": self.cited_decisions(m)} if m.cited_decisions else {}),
            **({"effective": iso(m.effective)} if m.effective is not None else {}),
            **({"effective_as_given": m.effective_as_given} if m.effective_as_given else {}),
            **({"reservations": [stance_data(r) for r in m.reservations]} if m.reservations else {}),
            **self.matter_facts(m), **matter_record_facts(m), **self.matter_links(m),
            **matter_agenda_facts(m),
        }

    def matter_links(self, m: Matter) -> dict[str, Any]:
        """The partners a matter names as concerned (`concerns`: `id`, `name`, `url`) and the agreements it takes a
        step with or concerns (Archive.agreements_in: an agreement's link, with `role`, what the matter does with it,
        as the agreement's `decisions[].role` says it), each only where the matter names any."""
        url = self.ctx.absolute
        partners = [{"id": p.id, "name": p.name, "url": url(routes.partner(p))} for p in self.archive.partners_in(m)]
        agreements = [{**(self._agreement_link(a) or {}), "role": self.archive.role_of(a, m)}
                      for a in self.archive.agreements_in(m)]
        return {**({"concerns": partners} if partners else {}), **({"agreements": agreements} if agreements else {})}

    def matter_facts(self, m: Matter) -> dict[str, Any]:
        """Issue 26's later facts of a matter, each only where the source gives it: its several case numbers, its
        paragraph in the protocol's words, when the decision stops applying, who did not take part, the body that
        decides later and the tasks it gives, and the dates it states (`deadlines`, as an agreement's)."""
        return {**({"case_numbers": list(m.several_case_numbers)} if m.several_case_numbers else {}),
                **({"paragraphs_as_given": m.paragraphs_as_given} if m.paragraphs_as_given else {}),
                **({"effective_until": iso(m.effective_until)} if m.effective_until is not None else {}),
                **({"effective_until_as_given": m.effective_until_as_given} if m.effective_until_as_given else {}),
                **({"not_participating": [stance_data(p) for p in m.not_participating]} if m.not_participating
                   else {}),
                **({"decided_later_by": self.decided_later_by(m)} if m.decided_later_by else {}),
                **({"decided_later_as_given": m.decided_later_as_given} if m.decided_later_as_given else {}),
                **({"proposed_to": {"id": to.id, "name": to.name}} if (to := self.archive.proposed_to(m)) else {}),
                **({"assignments": [assignment(a, m.assignments_proposed) for a in m.assignments]}
                   if m.assignments else {}),
                **({"deadlines": [_deadline(d) for d in m.deadlines]} if m.deadlines else {})}

    def with_bodies(self, meeting: Meeting) -> dict[str, Any]:
        """The other bodies that decided together with the meeting's own (`with_bodies`: `id`, `name`), where any."""
        together = [{"id": c.id, "name": c.name} for c in self.archive.with_bodies_of(meeting)]
        return {"with_bodies": together} if together else {}

    def decided_later_by(self, m: Matter) -> dict[str, Any]:
        """The body the source says decides later: its id, name and page."""
        assert m.decided_later_by is not None
        return self._body(m.decided_later_by)

    def _body(self, body_id: str) -> dict[str, Any]:
        """A body a record names (a checked file names a known one, archive): its id, name and page."""
        body = self.archive.committees[body_id]
        return {"id": body.id, "name": body.name, "url": self.ctx.absolute(routes.body(body))}

    def cited_decisions(self, m: Matter) -> list[dict[str, Any]]:
        """The decisions a matter cites, each as an agreement's `decisions` give one (without its `role`), with the
        source's `name` for it (null where it gives none)."""
        return [self._cited(*x) for x in self.archive.decisions_cited_by(m)]

    def _cited(self, record: Matter | Meeting | Citation | None, body: Committee | None, name: str | None,
               paragraphs: tuple[int, ...], when: str | None, body_as_given: str | None) -> dict[str, Any]:
        shown = self._decision(record, "", body, paragraphs)
        del shown["role"]
        return {**shown, "name": name, **({"date_as_given": when} if when else {}),
                **({"body_as_given": body_as_given} if body_as_given else {})}

    def outside(self, meeting: Meeting) -> dict[str, Any]:
        """How a decision taken outside a meeting was taken (`decided_as`; null for a meeting), and where given the
        source's words about it, who took it (a person, or the body that took it on delegation) and the meeting it was
        reported to (as `cited_decisions` give one)."""
        reported = self.archive.reported_at(meeting)
        return {"decided_as": meeting.decided_as.value if meeting.decided_as else None,
                **({"decided_as_given": meeting.decided_as_given} if meeting.decided_as_given else {}),
                **({"decided_by": meeting.decided_by.model_dump(exclude_none=True)} if meeting.decided_by else {}),
                **({"decided_by_body": self._body(meeting.decided_by_body)} if meeting.decided_by_body else {}),
                **({"reported_at": self._cited(*reported)} if reported else {})}

    def reported_decisions(self, meeting: Meeting) -> dict[str, Any]:
        """The decisions taken outside a meeting that were reported to this one, each its matter's id and page;
        nothing where none was (`Archive.reported_to`)."""
        reported = self.archive.reported_to(meeting)
        return {"reported_decisions": [{"id": m.id, "url": self.ctx.absolute(routes.matter(self.archive.meeting_with(
            m), m))} for m in reported]} if reported else {}

    MATTER_COLUMNS = ("Id", "Rubrik", "Ärendetyp", "Punkt", "Diarienummer", "Paragrafer",
                      "Sammanträde", "Nämnd", "Belopp (kr)", "Högsta belopp", "Per år", "Mottagare",
                      "Belopp enligt källan", "Webbsida", "Känt från", "Föregående behandling",
                      "Ungefärligt belopp", "Övre belopp i intervall (kr)", "Öppet för allmänheten",
                      "Belopp från år", "Belopp till år", "Per enhet", "Antal enheter", "Högsta antal enheter",
                      "Ärendetyp enligt källan", "Ja-röster", "Nej-röster", "Avstod", "Frånvarande",
                      "Avgjort genom", "Omröstning enligt källan", *WORDS_COLUMNS, "Beloppets art",
                      "Reservationer", "Pengar från", "Deltog inte i beslutet", "Beslut fattas senare av",
                      "Gäller till", "Paragraf enligt källan", "Urval", *BOUND_COLUMNS, "Särskilda yttranden",
                      "Förslaget går till", "Beslutsform", "Beslutsdatum", "Fattat av", "Anmält till",
                      "Antal år (åren anges inte)", "Antal mottagare",
                      "Deltog inte i ärendets handläggning",
                      "Enhälligt", "Enhälligt enligt källan",
                      "Beslut fattas senare enligt källan",
                      "Datum enligt källan", "Organ enligt källan",
                      "Extra sammanträde",
                      "Punktens starttid", "Punktens sluttid", "Avsnitt", "Diarienummer enligt källan",
                      "Överklagande", "Gäller till enligt källan",
                      "Ämne enligt källan",
                      "Procentsatser",
                      "Ändring",
                      "Tillsammans med", "Tidpunkter", "Gäller från")
    """The later columns last, so earlier ones keep their places: the sum's years and unit (empty where a matter
    states several sums, as its other qualifier cells are); the item's label as the source gives it (also in
    'Ärendetyp' where no listed kind is stated, as an agreement's 'Typ'); a vote's counts, each empty where the
    source does not give it, how a tie was settled and the source's words; the sum's words, purpose and period
    in the source's words, where the money comes from, and what kind of money it is (`nature`: 'avslaget', 'äskat',
    …; empty for a sum the decision states, or where it states several); the reservations, joined by ' ; '; the
    party the money comes from ('Socialstyrelsen'; empty where the source names none, or several sums); who did
    not take part (joined so), the body that decides later (its name), when the decision stops applying, the
    paragraph in the protocol's words, whether the meeting's source calls itself a selection ('ja' or empty), the
    special statements (joined so), the body a proposal goes to (`kind: förslag`, `to`; its name), for a
    decision taken outside a meeting how it was taken ('delegationsbeslut', 'ordförandebeslut', 'anges inte'; empty
    for a meeting), its date (its 'Sammanträde' is then empty: it is no meeting's), who took it and the meeting it
    was reported to (as pages name them), and how many years the sum is for where the source counts them without
    naming them ('i tre år'), and how many recipients share it ('till 24 föreningar'; empty where the source does
    not count them, or the matter states several sums), and the meeting's date and body in the source's words
    (`date_as_given`, `body_as_given`; empty where it gives none), whether the source calls the meeting an extra
    one ('ja' or empty), the item's time on the agenda ('09:00', '09:15') and the heading it stands under in the
    source's words, a case number the source gives cut off ('KS2014/'), the appeals as the page words them (joined
    by ' ; '), when the decision stops applying in the source's words (beside or in place of 'Gäller till'), what
    the matter is about in the source's words where it gives no heading (`subject_as_given`; 'Rubrik' is then
    empty), the rates it states in per cent, each as the page says it ('Skattesatsen: 20,0 procent'), joined by
    ' ; ', and whether the sum is a change of another ('höjning', 'sänkning'; empty for a total, or where the matter
    states several sums), the other bodies that decided together with the meeting's own (`with_bodies`, 'A och
    B'), the dates the matter states ('Föreningar kan söka bidraget: 16 mars 2020 (enligt källan: …)', joined by
    ' ; '), when the decision takes effect (`effective`, ISO at the precision given; 'Gäller till' is its end). A
    reservation or statement with a reason is its label ('Sollentunapartiet (eftersom …)'). Several case numbers
    share 'Diarienummer', joined by ' ; ';
    assignments, proposals made at the meeting and documents are in the JSON only. Who did not take part in the
    matter's handling (`scope: handläggningen`, "anmäler jäv") has a column of its own, never 'Deltog inte i
    beslutet'. Whether the decision was unanimous ('ja', 'nej', empty where the source does not say) and the source's
    words for it follow, then the source's words for when a later decision is expected (`decided_later_as_given`)."""

    def matters_csv(self) -> str:
        rows = []
        for meeting, m in self._matters():
            r = self.matter(meeting, m)
            rows.append((r["id"], r["title"], r["kind"]["label"] if r["kind"] else None, r["item"],
                         " ; ".join(m.case_numbers) or None,
                         r["paragraph_label"], None if meeting.outside else r["meeting"]["date"],
                         r["body"]["name"] if r["body"] else None,
                         r["amount"],
                         *_matter_qualifiers(m), r["url"], r["meeting"]["known_from"],
                         r["refers_to"]["matter"] if r["refers_to"] else None, *_estimate(m.amount),
                         _yes_no(r["public"]), *_years(m.amount), *_unit(m.amount), m.kind_as_given,
                         *_vote_cells(m.vote), *_words(m.amount),
                         m.amount.nature.value if m.amount and m.amount.nature else None,
                         " ; ".join(map(stance_label, m.reservations)) or None,
                         m.amount.from_party if m.amount else None,
                         " ; ".join(map(stance_label, m.not_participating_in(TookNoPartIn.DECISION))) or None,
                         r["decided_later_by"]["name"] if m.decided_later_by else None,
                         iso(m.effective_until) if m.effective_until is not None else None, m.paragraphs_as_given,
                         _yes_no(True) if meeting.selection else None, *_bound(m.amount),
                         " ; ".join(map(stance_label, m.statements)) or None,
                         r["proposed_to"]["name"] if "proposed_to" in r else None, *self._outside_cells(meeting),
                         m.amount.years if m.amount else None, m.amount.recipients if m.amount else None,
                         " ; ".join(map(stance_label, m.not_participating_in(TookNoPartIn.HANDLING))) or None,
                         _yes_no(m.unanimous), m.unanimous_as_given,
                         m.decided_later_as_given, meeting.date_as_given, meeting.body_as_given,
                         _yes_no(True) if meeting.extra else None,
                         *(r.get(key) for key in ("start", "end", "section", "case_number_as_given")),
                         " ; ".join(m.appeal_labels) or None, m.effective_until_as_given,
                         m.subject_as_given,
                         " ; ".join(dates.plain_spaces(x) for x in m.rate_labels) or None,
                         m.amount.change.value if m.amount and m.amount.change else None,
                         dates.listing([c.name for c in self.archive.with_bodies_of(meeting)]) or None,
                         " ; ".join(f"{d.what}: {d.when}" for d in m.deadlines) or None, r.get("effective")))

        return _csv(self.MATTER_COLUMNS, rows)

    def _outside_cells(self, meeting: Meeting) -> tuple[str | None, ...]:
        """A decision outside a meeting's last cells: how, when, by whom, reported to; all empty for a meeting."""
        if meeting.decided_as is None:
            return None, None, None, None
        reported = self.archive.reported_at(meeting)
        return (meeting.decided_as.value, iso(meeting.date), meeting.decider_label or None,
                self.archive.cited_label(reported) if reported else None)


def _vote_cells(v: Vote | None) -> tuple[int | str | None, ...]:
    """A vote in CSV cells: the counts (empty where not given), how a tie was settled, the source's words."""
    if v is None:
        return (None,) * (len(VOTE_COUNTS) + 2)
    return (*(getattr(v, name) for name in VOTE_COUNTS), v.decided_by.value if v.decided_by else None, v.as_given)


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else "ja" if value else "nej"


def _qualifiers(value: Sum | None) -> tuple[str | None, ...]:
    """A sum's qualifiers in CSV cells: ceiling and per year as ja/nej (empty where the source says neither), the
    recipient, and the sum as the page words it; all empty where no sum is stated."""
    if value is None:
        return None, None, None, None
    return _yes_no(_of_figure(value, value.ceiling)), _yes_no(value.per_year), value.to, dates.plain_spaces(value.label)


def _matter_qualifiers(m: Matter) -> tuple[str | None, ...]:
    """A matter's qualifiers in CSV cells (`_qualifiers`); where it states several sums, only the page's words for
    each, joined ('1 000 000 kr ; 2 000 000 kr'): no one sum is the decision's, so the other cells stay empty."""
    if m.several_amounts:
        return None, None, None, " ; ".join(dates.plain_spaces(a.label) for a in m.several_amounts)
    return _qualifiers(m.amount)


def _funding_qualifiers(f: Funding) -> tuple[str | None, ...]:
    """A funding row's qualifiers in CSV cells (`_qualifiers`); for funding whose amount the source does not state,
    whether it is each year's and the page's words ('belopp anges inte, varje år')."""
    if f.amount_unstated:
        return None, _yes_no(f.per_year), None, f.sum_label
    return _qualifiers(f.amount)


def _estimate(value: Sum | None) -> tuple[str | None, Money | None]:
    """A sum the source estimates, in CSV cells after all earlier columns: 'ja' for an estimate (empty where no sum is
    stated), and a range's upper end ('Belopp (kr)' is its lower)."""
    if value is None:
        return None, None
    return _yes_no(_of_figure(value, value.approximate)), value.up_to_kronor


def _unit(value: Sum | None) -> tuple[str | None, int | None, str | None]:
    """A sum per unit in CSV cells after all earlier columns: the unit ('Belopp (kr)' is each unit's), how many
    units, and 'ja' where that is an upper limit ('upp till'); all empty where the source names no unit."""
    if value is None or value.per is None:
        return None, None, None
    return value.per, value.count, _yes_no(value.count_ceiling) if value.count is not None else None


def _words(value: Sum | None) -> tuple[str | None, ...]:
    """The source's words for a sum, its purpose, its period and where the money comes from, in CSV cells; empty
    where it gives none."""
    return (None,) * len(WORDS_COLUMNS) if value is None else (value.as_given, value.purpose, value.period_as_given,
                                                               value.financed_from)


def _bound(value: Sum | None) -> tuple[str | None, str | None, str | None]:
    """A sum the source bounds ('drygt': 'Mer än' ja; 'knappt': 'Mindre än' ja) and what comes on top of it, in CSV
    cells; empty where it says neither."""
    if value is None:
        return None, None, None
    return (_yes_no(True) if value.more_than else None, _yes_no(True) if value.less_than else None,
            value.plus_as_given)


def _years(value: Sum | None) -> tuple[int | None, int | None]:
    """The years a matter's sum is for, in CSV cells: first and last (equal for one year); empty where none given."""
    return (None, None) if value is None else (value.from_year, value.last_year)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these would run as a formula in a spreadsheet."""


def cell(value: Any) -> Any:
    """A CSV cell: empty for None; kronor with öre with a decimal comma ('7,50', as Swedish spreadsheets read the
    semicolon-separated file); text that a spreadsheet would read as a formula gets a leading '."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else f"{value:.2f}".replace(".", ",")
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv(header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(v) for v in row] for row in rows)
    return "\ufeff" + out.getvalue()
