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
import mimetypes
from collections import defaultdict
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from .. import dates, kinds, routes
from ..archive import Sitting, SittingState
from ..citations import Citation
from ..context import BuildContext
from ..kinds import Kind
from ..model import (
    Adjournment,
    Agreement,
    Attendee,
    Committee,
    Matter,
    Meeting,
    Member,
    NamedPerson,
    Partner,
    Report,
    Sourced,
    Sum,
    Vote,
    chronological,
    stance_data,
    undated_last,
)
from .tables import adjournment, amount, dump, notice_period, obligation, rate

VERSION = "https://schema.oparl.org/1.1/"
TIME_STATED = "namndbeslut:timeStated"
"""Our own field on a Meeting: whether the source states its time (then it has `start`, or START_TIME where the
source gives no day; else neither)."""
DATE = "namndbeslut:date"
"""Our own field where a standard field would need more than the source gives: on a Meeting without a stated time
(OParl's `start` is a date-time, and no time is invented), its date, '2021-06-09', its month, '2020-11', or its
year, '2017'; on a
Paper dated only to the month or the year (OParl's `date` is a day), '2020-11' or '2021'. ISO 8601 at the precision
given."""
MONTH = "namndbeslut:month"
"""Our own field on a Meeting or Paper known only to the month ('2020-11'), as before `namndbeslut:date` (which
holds the same): kept for clients that read it."""
SELECTION = "namndbeslut:selection"
"""Our own field on a Meeting, true where the source says its summary tells of only some of the matters, or the
meeting is known from a mention of a decision (OParl has no field for it): a client then does not take the agenda
items for the whole agenda."""
KNOWN_FROM = "namndbeslut:knownFrom"
"""Our own field on a Meeting not known from its minutes or a summary: 'kallelse' or 'föredragningslista' (its
agenda), or 'omnämnande' (a mention of a decision: its items are decisions, not the whole agenda). A Meeting known
from its agenda has `meetingState` "kallat, om sammanträdet hölls anges inte", no `cancelled` and no protocol, and
its AgendaItems no `result` (OParl's is the outcome; a kind the agenda states is in `namndbeslut:kind`)."""
START_AS_GIVEN = "namndbeslut:startAsGiven"
"""Our own field on a Meeting whose source gives its start in words, not as a time ("direkt efter … ca 14:30"):
the words; the Meeting then has no `start` (no time is invented)."""
START_TIME, END_TIME = "namndbeslut:startTime", "namndbeslut:endTime"
"""Our own fields on a Meeting whose source gives its time ("Klockan 13.00–16.30") but not its day (a month, a year,
or no date): '13:00' and '16:30' (OParl's `start` and `end` are date-times, and no day is invented)."""
PRESENT = "namndbeslut:present"
"""Our own field on a Meeting: who was present as its minutes list them ({name, party, role, substituteFor, note},
each but the name only where given), in their order. No OParl Person is made from a name."""
MINUTES_KEPT_AT = "namndbeslut:minutesKeptAt"
"""Our own field on a Meeting: where its minutes are kept, as the protocol says it ('Kommunledningsförvaltningen')."""
EFFECTIVE = "namndbeslut:effective"
"""Our own field on an AgendaItem: when its decision takes effect, as precise as the source says it ('2023-07-01',
'2023-07', '2023', 'våren 2023')."""
MINUTES_CHECKED_AS_GIVEN = "namndbeslut:minutesCheckedAsGiven"
"""Our own field on a Meeting: how the minutes were checked in the source's words ('Digital justering')."""
MINUTES_POSTED_AS_GIVEN = "namndbeslut:minutesPostedAsGiven"
"""Our own field on a Meeting: where or how the notice of its checked minutes was posted, in the source's words
("Justeringen har anslagits på kommunens digitala anslagstavla"); never `namndbeslut:minutesPosted`."""
EFFECTIVE_UNTIL = "namndbeslut:effectiveUntil"
"""Our own field on an AgendaItem: when its decision stops applying, as precise as the source says it."""
EFFECTIVE_AS_GIVEN, EFFECTIVE_UNTIL_AS_GIVEN = "namndbeslut:effectiveAsGiven", "namndbeslut:effectiveUntilAsGiven"
"""Our own fields on an AgendaItem (or a decision's Paper): when its decision takes effect and stops applying in the
source's words ('med omedelbar verkan'), beside or in place of `namndbeslut:effective` and `…Until`; never a date."""
NOT_PARTICIPATING = "namndbeslut:notParticipating"
"""Our own field on an AgendaItem: who did not take part in its decision, as the source names them."""
DECIDED_LATER_BY = "namndbeslut:decidedLaterBy"
"""Our own field on an AgendaItem: the Organization the source says decides later (no Consultation is made)."""
DECIDED_LATER_AS_GIVEN = "namndbeslut:decidedLaterAsGiven"
"""Our own field on an AgendaItem: when or where a later decision is expected, in the source's words ("Ärendet ska
tas upp igen på nämndmöte under hösten"); never a date or an Organization."""
ASSIGNMENTS = "namndbeslut:assignments"
"""Our own field on an AgendaItem: the tasks its decision gives ({to, what, by, byAsGiven}, each but `to` and `what`
only where given)."""
MATTER_PARAGRAPHS_AS_GIVEN = "namndbeslut:paragraphsAsGiven"
"""Our own field on an AgendaItem: its paragraph in the protocol's words ('9 Läsårstider'), never a `number`."""
CASE_NUMBERS = "namndbeslut:caseNumbers"
"""Our own field on an AgendaItem of several case numbers, in the source's order (each case's reports are its
papers)."""
RESERVATIONS = "namndbeslut:reservations"
"""Our own field on an AgendaItem: the reservations against its decision, each the party or person as the source
gives them ('Socialdemokraterna', 'S')."""
STATEMENTS = "namndbeslut:statements"
"""Our own field on an AgendaItem: the special statements on its decision, as `namndbeslut:reservations` gives
reservations."""
UNANIMOUS, UNANIMOUS_AS_GIVEN = "namndbeslut:unanimous", "namndbeslut:unanimousAsGiven"
"""Our own fields on an AgendaItem: whether its decision was unanimous, where the source says so (never worked out
from a vote), and the source's words for it ("Kommunfullmäktige beslutar enhälligt")."""
PROPOSALS_MADE = "namndbeslut:proposalsMade"
"""Our own field on an AgendaItem: the proposals made at the meeting (yrkanden), {by, what} in the source's words
(`what` only where given); never its `result`."""
DOCUMENTS = "namndbeslut:documents"
"""Our own field on an AgendaItem: documents its matter rests on that the source names but that are not published
here, {title, date, by} (each but `title` only where given); never a File or Paper."""
BODY_AS_GIVEN = "namndbeslut:bodyAsGiven"
"""Our own field on a Meeting whose source names no body: who decided in its words ("Nyköpings kommun"); the Meeting
then has no `organization` (OParl 1.1 does not require one) and no Organization is made up."""
DATE_AS_GIVEN = "namndbeslut:dateAsGiven"
"""Our own field on a Meeting whose source gives its date relative to itself ("veckans sammanträde" in a news item
of 8 November 2019): the words; the date (`namndbeslut:date`) is only as precise as the editor could state it."""
PUBLIC = "namndbeslut:public"
"""Our own field on a Meeting: whether it is open to the public, where the source says so (OParl has the field on an
AgendaItem only; there it is the item's statement, else the meeting's, and left out where neither says)."""
KIND = "namndbeslut:kind"
"""Our own field, a kind as the source states it: on an AgendaItem of a meeting known only from its agenda, the
matter's kind (no outcome: OParl's `result` is one); on a body's Organization, null where the source does not state
its kind (`kind: anges inte`; it then has no `classification`); on an Organization (partner), what kind of
organisation it is as its page says it (a listed kind's label, or the source's words, `kind_as_given`), its
`classification` staying
"Avtalspart", its role here, absent where the source does not say."""
MINUTES_CHECKED = "namndbeslut:minutesChecked"
"""Our own field on a Meeting: the day its minutes were checked (justerat), where the source gives it."""
MINUTES_POSTED, MINUTES_REMOVED = "namndbeslut:minutesPosted", "namndbeslut:minutesRemoved"
"""Our own fields on a Meeting: the days the notice of its checked minutes was posted and taken down (anslaget
uppsatt, nedtaget), each where the source gives it."""
APPEAL_BY = "namndbeslut:appealBy"
"""Our own field on a Meeting: the last day to appeal the decisions in its checked minutes, where the source gives it
("Sista dag att överklaga 2018-03-13")."""
CHAIR = "namndbeslut:chair"
"""Our own field on a Meeting: its chair (ordförande) as the source names them (OParl's Person would need more than
the name, and a membership the source does not give)."""
SECRETARY, ADJUSTERS = "namndbeslut:secretary", "namndbeslut:adjusters"
"""Our own fields on a Meeting: its secretary (sekreterare) and those who check its minutes (justerare, a list), as
the source names them (no Person, as for the chair); the first also on an Organization (a body), its secretary
(nämndsekreterare), never one of its `namndbeslut:members`."""
PROPOSED_ADJUSTERS = "namndbeslut:proposedAdjusters"
"""Our own field on a Meeting: who its notice (kallelse) proposes to check the minutes, as the source names them;
never who checked them (ADJUSTERS)."""
DEADLINES = "namndbeslut:deadlines"
"""Our own field on an AgendaItem (or a decision's Paper): the dates its matter states ({what, date, asGiven}, each
where given: "Fram till den 16 mars har föreningar möjlighet att söka"); never a Meeting or an event."""
PLANNED_CHECKING_AS_GIVEN = "namndbeslut:plannedCheckingAsGiven"
"""Our own field on a Meeting: when or where the checking of the minutes is planned, in the source's words."""
NOTE = "namndbeslut:note"
"""Our own field on a Meeting from a committee's schedule: what the schedule says beside the date ('årsredovisning')."""
CONCERNS = "namndbeslut:concerns"
"""Our own field on an AgendaItem: the partners its matter names as concerned (`concerns`), as Organizations."""
AGREEMENTS = "namndbeslut:agreements"
"""Our own field on an AgendaItem: every agreement its matter takes a step with or concerns, as Papers (OParl gives an
AgendaItem one `consultation`, its main paper's; each Paper's `consultation` names the AgendaItem)."""
REFERS_TO = "namndbeslut:refersTo"
"""Our own field on an AgendaItem whose matter continues an earlier matter with no agreement step between them
(`refers_to`): the earlier AgendaItem. Matters that share a case number share its report's Paper already."""
TITLE_GIVEN = "namndbeslut:titleGiven"
"""Our own field on an AgendaItem, false where the source gives the item no heading: its `name` (which OParl
requires) then says so in the words pages use (`Matter.title`), no title of the matter's; on an agreement's Paper,
false where the source gives the agreement no title: its `name` is then the title pages say from the facts
(`Agreement.title`)."""
SUBJECT_AS_GIVEN = "namndbeslut:subjectAsGiven"
"""Our own field on an AgendaItem (or a decision's Paper) whose item the source gives no heading: what the matter is
about in the source's words ("nya riktlinjer för föreningsbidrag"), which its `name` also says (`Matter.title`)."""
RATES = "namndbeslut:rates"
"""Our own field on an AgendaItem (or a decision's Paper): the rates its decision states in per cent, each as the JSON
gives one (tables.rate: `percent`, `of`, `as_given`, `label`); never an amount."""
PROPOSAL_BY = "namndbeslut:proposalBy"
"""Our own field on an AgendaItem (or a decision's Paper): who drafted the proposal its matter decides on, in the
source's words ("M, KD, L, C och SfS"); never `namndbeslut:preparedBy` (the administration's preparation)."""
CONTINUES, CONTINUED_IN, SINCE = "namndbeslut:continues", "namndbeslut:continuedIn", "namndbeslut:since"
"""Our own fields on an Organization (a body): the Organizations whose work it continues (`continues`, a list: one,
or several that merged into it) and the day it took over (`since`); on each of those, the Organization that
continues its work."""
PROPOSED_TO = "namndbeslut:proposedTo"
"""Our own field on an AgendaItem whose matter is a proposal to another body: that body's Organization."""
SOURCE, SOURCE_URL, SOURCE_URLS = "namndbeslut:source", "namndbeslut:sourceUrl", "namndbeslut:sourceUrls"
"""Our own fields on a Meeting, Paper or Organization: where its facts come from, in words, its (first) address as
before, and every address where the file gives several (`web` is the object's page on this site, not its source)."""
SCHEDULE_AS_GIVEN, USUAL_TIME = "namndbeslut:scheduleAsGiven", "namndbeslut:usualTime"
"""Our own fields on a body's Organization: its schedule in the source's words, one line each (never a Meeting), and
its usual time as the page says it ('Sammanträdena pågår i regel kl. 09.30–17.00.')."""
USUAL_PLACE = "namndbeslut:usualPlace"
"""Our own field on a body's Organization: where the source says its meetings are usually held, in its words (never a
Meeting's `location`)."""
SEATS = "namndbeslut:seats"
"""Our own field on a body's Organization: its size as the source states it, {members, substitutes, asGiven}, each
only where given (never counted from `namndbeslut:members`)."""
PUBLIC_AS_GIVEN = "namndbeslut:publicAsGiven"
"""Our own field on a body's Organization: what the source says of the public at its meetings, in its words (never a
Meeting's `namndbeslut:public`)."""
MEMBERS, MEMBERS_AS_OF = "namndbeslut:members", "namndbeslut:membersAsOf"
"""Our own fields on a body's Organization: its members as the source lists them ({name, role, party, nominatedBy},
each field where the source gives it) and the date the list is true on, as precise as the source. No OParl Person or
Membership: a name is no identity (two people may share one), and a Person would need more than the source gives."""
DATE_SOURCE = "namndbeslut:dateSource"
"""Our own field on a Meeting from a committee's schedule whose date comes from another source than the meeting plan
(a news item, an agenda): that source in its words."""
AMOUNT = "namndbeslut:amount"
"""Our own field on an AgendaItem whose decision states an amount: {"value": kronor, "currency": "SEK"}, and the
source's qualifiers where it states any (tables.amount)."""
VOTE = "namndbeslut:vote"
"""Our own field on an AgendaItem whose matter was put to a vote (OParl 1.1 has no field for one): the counts the
source gives, of "yes", "no", "abstained" and "absent" (a count it does not give is left out, never worked out),
"decidedBy" where it says how a tie was settled ('ordförandens utslagsröst', 'lottning'), and "asGiven", its words."""
KIND_AS_GIVEN = "namndbeslut:kindAsGiven"
"""Our own field on an AgendaItem: the item's label as the agenda or protocol gives it ('Beslutsärende'), never its
`result`."""
PROPOSAL, MATTER_CONDITION, PREPARED_BY = ("namndbeslut:proposal", "namndbeslut:condition",
                                           "namndbeslut:preparedBy")
"""Our own fields on an AgendaItem, each in the source's words where it gives it: the proposed decision ("Förslag
till beslut: …", never the decision: OParl's `resolutionText` is the decision taken), a condition on the decision,
and who prepared the matter ('Kommunledningskontoret')."""
PERSONS = "namndbeslut:persons"
"""Our own field on an AgendaItem (and an agreement's Paper): the people the matter (agreement) names in a role, as the
source names them ({name, party, role, termAsGiven, nominatedBy}, each but the name only where given). No OParl
Person, as for a body's members."""
CITED_DECISIONS = "namndbeslut:citedDecisions"
"""Our own field on an AgendaItem: the earlier decisions the matter cites, each the published AgendaItem (or Meeting)
where there is one, else {"date" (absent where the source gives none), "paragraphs", "organization" (where it names
the body)}; "name" the source's words for it, where it gives them."""
PARTIAL, PARTIAL_NOTE = "namndbeslut:partial", "namndbeslut:partialNote"
"""Our own fields on a Meeting (or a decision's Paper taken outside a meeting) whose record covers only part of its
source (the first pages of a protocol): true, and the editor's words for what it covers. Its agenda items are then
not known to be all (unlike `selection`, the source does not say so: the record does)."""
PARAGRAPHS_AS_GIVEN = "namndbeslut:paragraphsAsGiven"
"""Our own field on a Meeting: the protocol's paragraphs in its words ("Paragrafer 79–107"), nothing derived."""
CONTACTS = "namndbeslut:contacts"
"""Our own field on a Meeting (or a decision's Paper taken outside a meeting): its contact persons as the source
names them ({name, role, organisation, email, phone}, each where given), as an agreement's JSON record has them."""
ADJOURNMENTS = "namndbeslut:adjournments"
"""Our own field on a Meeting: its breaks as the source states them, each as tables.adjournment gives one ({start,
end} as 'HH:MM', or asGiven, the source's words where it gives no time; label)."""
SECTION = "namndbeslut:section"
"""Our own field on an AgendaItem: the heading it stands under on the agenda or in the protocol, in the source's
words ("Ärenden till kommunfullmäktige"). An item's time on the agenda is OParl's `start` and `end` where its
meeting's day is given, else START_TIME and END_TIME ('09:00'), as a Meeting's."""
CASE_NUMBER_AS_GIVEN = "namndbeslut:caseNumberAsGiven"
"""Our own field on an AgendaItem: a case number as the source gives it cut off ("KS2014/"), never a Paper's
`reference` nor made a full one."""
CONVENED_BY = "namndbeslut:convenedBy"
"""Our own field on a Meeting: who signed its notice (kallelse) as the source names them ({name, role, party,
nominatedBy}, each but the name only where given), in its order; never the meeting's chair (no Person, as for
`namndbeslut:members`)."""
APPEALS = "namndbeslut:appeals"
"""Our own field on an AgendaItem: appeals of its decision as the source tells them, {court, outcomeAsGiven, date,
earlierAsGiven} (each but `court` only where given); never its `result`."""
EXTRA = "namndbeslut:extra"
"""Our own field on a Meeting its source calls an extra one ("extra sammanträde"): true; absent otherwise (never
'ordinarie')."""
AMOUNTS = "namndbeslut:amounts"
"""Where a decision states several sums: each as AMOUNT gives one (and no AMOUNT)."""


def oparl_amount(value: Sum) -> dict[str, Any]:
    """A stated sum in OParl: its kronor as `value`, the qualifiers as tables.amount gives them."""
    data = amount(value)
    return {"value": data.pop("amount"), **data}
PARTIES_DESCRIBED = "namndbeslut:partiesDescribed"
"""Our own field on a Paper (agreement) whose counterparty is a group the source describes without naming
organisations ('alla idéburna organisationer i Lund'): the description as given."""
PROPOSES = "namndbeslut:proposes"
"""Our own field on a Consultation whose step is a proposal that says what it proposes ('säger upp', 'förlänger'):
OParl's `role` says 'Föreslår', which a client would otherwise take for a proposal to adopt."""
PROPOSED_END = "namndbeslut:proposedEnd"
"""Our own field on a Consultation whose step proposes to extend the agreement to a stated end ('2026-12-31'): the
proposal's end, never the agreement's (which only a decision to extend sets)."""
CONDITION = "namndbeslut:condition"
"""Our own field on a Consultation whose decision sets a condition, in the source's words ('under förutsättning att
…')."""
STATED_STATUS = "namndbeslut:statedStatus"
"""Our own field on a Paper (agreement) whose source states a status on its own date: {"value": 'pågående', "on":
'2023-05'}; a client does not carry it past that date."""
CITED_STEPS = "namndbeslut:citedSteps"
"""Our own field on a Paper (agreement): the steps taken by decisions whose meetings are not published here (no
Meeting or AgendaItem, so no Consultation), each {"action", "date" (absent where the source gives none),
"organization" (where it names the body), …} in the order of the agreement's steps; one without a date has
"inOrder": false (Archive.steps_apart: it stands apart, in no order)."""
PARTY, CONCERNED = "Avtalspart", "Berörd organisation"
"""A partner Organization's `classification`: party to an agreement here, or an organisation decisions concern."""
COUNTERPARTIES = "namndbeslut:counterparties"
"""Our own field on a Paper (agreement): its counterparties' Organizations (partners). OParl's
`originatorOrganization` is the paper's author and `underDirectionOf` the office that leads the matter; a
counterparty is neither."""
NO_PUBLIC_PARTY = "namndbeslut:noPublicParty"
"""Our own field on a Paper (agreement) whose source says no public body is a party ('public_party: ingen'): true;
then PUBLIC_PARTY is absent."""
ANNOUNCED_STEPS = "namndbeslut:announcedSteps"
"""Our own field on a Paper (agreement): decisions a source announces and that are not yet taken ("Beslut tas i
kommunstyrelsen den 7 november"), each {"action", "announcedDate" (absent where the source gives none),
"organization" (where it names the body), …}: never a Consultation, never in CITED_STEPS."""
PUBLIC_PARTY = "namndbeslut:publicParty"
"""Our own field on a Paper (agreement): the public party as the source names it ('Social resursförvaltning'),
free text with no Organization of its own; absent where the source does not name it."""
TERM_AS_GIVEN = "namndbeslut:termAsGiven"
"""Our own field on a Paper (agreement) whose term cannot be dated: the source's words ('fem månader under
vintern')."""
EXTENSION_OPTION = "namndbeslut:extensionOption"
"""Our own field on a Paper (agreement): an option to extend, in the source's words (no extension taken)."""
NOTICE_PERIOD = "namndbeslut:noticePeriod"
"""Our own field on a Paper (agreement) whose source states a notice period: tables.notice_period's form, {"period":
{"months": 6} (absent where only words state it), "asGiven" (the source's words, where given), "label"}."""
OBLIGATIONS, CONDITIONS = "namndbeslut:obligations", "namndbeslut:conditions"
"""Our own fields on a Paper (agreement): the obligations it states, each {"by" (whose, as the source names them;
absent where it names no one), "what"}, and the conditions it states, each the source's words; never taken as met."""
STAGE = "namndbeslut:stage"
"""Our own field on a Paper (agreement) the source says is drafted and not yet entered: 'utkast'."""
PRECEDED_AS_GIVEN = "namndbeslut:precededAsGiven"
"""Our own field on a Paper (agreement): a predecessor the source names only in words ('avtal sedan 2012')."""
MUNICIPALITY = "namndbeslut:municipality"
"""Our own field on an Organization (body) of another municipality than the site's (`name` says it too)."""
PAGE_SIZE = 100
"""Objects per page of an object list."""
MEDIA_TYPES = mimetypes.MimeTypes()
"""Python's built-in table of file suffixes only (not the machine's /etc/mime.types): the same on every build."""

DECIDED_AS = "namndbeslut:decidedAs"
"""Our own field on a decision taken outside a meeting (its matter's Paper, and every Consultation of it): how it was
taken, as the editor writes it ('delegationsbeslut', 'ordförandebeslut', 'anges inte'); it is no Meeting."""
DECIDED_AS_GIVEN = "namndbeslut:decidedAsGiven"
"""Our own field on such a Paper: the source's words about how the decision was taken."""
DECIDED_BY = "namndbeslut:decidedBy"
"""Our own field on such a Paper: who took the decision as the source names them ({name, role, organisation}, each
only where given)."""
DECIDED_BY_ORGANIZATION = "namndbeslut:decidedByOrganization"
"""Our own field on such a Paper: the Organization that took the decision on delegation (an utskott), where the
source names a body, not a person."""
REPORTED_DECISIONS = "namndbeslut:reportedDecisions"
"""Our own field on a Meeting: the Papers of the decisions taken outside a meeting that were reported to it
('anmälda beslut'), from their `namndbeslut:reportedAt`; absent where none is published here."""
REPORTED_AT = "namndbeslut:reportedAt"
"""Our own field on such a Paper: the meeting it was reported to ('anmäls'), as CITED_DECISIONS gives one."""

Obj = dict[str, Any]
Paper = Agreement | Report | Matter
Deliberation = tuple[Paper, str, bool]
"""A paper a matter deliberates on, with the Consultation's `role` and `authoritative`."""
DELIBERATION = "Behandling"
"""The role of a matter that concerns an agreement without a step (a follow-up, a report)."""
DECISION = "Beslut"
"""The role of a matter decided on an officer's report."""


def _type(name: str) -> str:
    return f"{VERSION}{name}"


def _named(url: str) -> tuple[str | None, str | None]:
    """`fileName` and `mimeType` of a linked file, from the last segment of its URL when its suffix is known."""
    last = PurePosixPath(unquote(urlsplit(url).path)).name
    mime, _ = MEDIA_TYPES.guess_type(last, strict=True)
    return (last, mime) if mime else (None, None)


def _sourced(record: Sourced) -> Obj:
    """A record's source, in our own fields, where its file names one."""
    return {**({SOURCE: record.source} if record.source else {}),
            **({SOURCE_URL: record.source_url} if record.source_url else {}),
            **({SOURCE_URLS: record.source_urls} if len(record.source_urls) > 1 else {})}


def _members(body: Committee) -> Obj:
    """A body's members as its source lists them, and the date the list is true on (MEMBERS); {} where none."""
    if not body.members:
        return {}
    listed = [_member(m) for m in body.members]
    as_of = body.members_as_of
    return {MEMBERS: listed, **({MEMBERS_AS_OF: dates.iso(as_of)} if as_of is not None else {})}


def _member(m: Member) -> Obj:
    """A person as a list of names gives them (MEMBER_KEYS): the name, and each other field where the source gives
    it."""
    return {"name": m.name, **{camel: value for key, camel in MEMBER_KEYS if (value := getattr(m, key))}}


def _seats(body: Committee) -> Obj:
    """A body's size as its source states it (SEATS), with each party's seats in its order (`byParty`); {} where it
    states none."""
    seats = body.seats
    if seats is None:
        return {}
    given = {"members": seats.members, "substitutes": seats.substitutes, "asGiven": seats.as_given,
             "byParty": None if seats.by_party is None else [{"party": p.party, "seats": p.seats}
                                                              for p in seats.by_party]}
    return {SEATS: {key: value for key, value in given.items() if value is not None}}


MEMBER_KEYS = (("role", "role"), ("party", "party"), ("nominated_by", "nominatedBy"))
"""A member's fields in MEMBERS, by the model's name."""


def _summary(meeting: Meeting) -> Obj:
    """What a meeting's summary says of itself: a selection of the matters; its chair, secretary and adjusters; the
    days its minutes were checked and their notice posted and taken down, the last day to appeal them; that it is
    known only from its agenda."""
    days = {MINUTES_CHECKED: meeting.minutes_checked, MINUTES_POSTED: meeting.minutes_posted,
            MINUTES_REMOVED: meeting.minutes_removed, APPEAL_BY: meeting.appeal_by}
    return {**({SELECTION: True} if meeting.some_matters else {}),
            **({KNOWN_FROM: meeting.known_from.value} if meeting.known_from else {}),
            **({EXTRA: True} if meeting.extra else {}),
            **({CONVENED_BY: [_member(p) for p in meeting.convened_by]} if meeting.convened_by else {}),
            **({START_AS_GIVEN: meeting.start_as_given} if meeting.start_as_given else {}),
            **({DATE_AS_GIVEN: meeting.date_as_given} if meeting.date_as_given else {}),
            **({BODY_AS_GIVEN: meeting.body_as_given} if meeting.body_as_given else {}),
            **({PUBLIC: meeting.public} if meeting.public is not None else {}),
            **({CHAIR: meeting.chair} if meeting.chair else {}),
            **({SECRETARY: meeting.secretary} if meeting.secretary else {}),
            **({ADJUSTERS: meeting.adjusters} if meeting.adjusters else {}),
            **({PROPOSED_ADJUSTERS: meeting.proposed_adjusters} if meeting.proposed_adjusters else {}),
            **({PLANNED_CHECKING_AS_GIVEN: meeting.planned_checking_as_given} if meeting.planned_checking_as_given
               else {}),
            **_partial_and_contacts(meeting),
            **({PARAGRAPHS_AS_GIVEN: meeting.paragraphs_as_given} if meeting.paragraphs_as_given else {}),
            **({PRESENT: [_attendee(p) for p in meeting.present]} if meeting.present else {}),
            **({ADJOURNMENTS: [_adjournment(a) for a in meeting.adjournments]} if meeting.adjournments else {}),
            **({MINUTES_KEPT_AT: meeting.minutes_kept_at} if meeting.minutes_kept_at else {}),
            **({MINUTES_CHECKED_AS_GIVEN: meeting.minutes_checked_as_given} if meeting.minutes_checked_as_given
               else {}),
            **({PUBLIC_AS_GIVEN: meeting.public_as_given} if meeting.public_as_given else {}),
            **({MINUTES_POSTED_AS_GIVEN: meeting.minutes_posted_as_given} if meeting.minutes_posted_as_given else {}),
            **{key: day.isoformat() for key, day in days.items() if day is not None}}


def _partial_and_contacts(record: Meeting) -> Obj:
    """What a meeting's Meeting, or a decision's Paper taken outside a meeting, says of its record: that it covers only
    part of its source (and the editor's words), and its contacts; nothing where neither is given."""
    return {**({PARTIAL: True, PARTIAL_NOTE: record.partial} if record.partial else {}),
            **({CONTACTS: [c.model_dump(exclude_none=True) for c in record.contacts]} if record.contacts else {})}


ATTENDEE_KEYS = (("party", "party"), ("role", "role"), ("nominated_by", "nominatedBy"),
                 ("substitute_for", "substituteFor"), ("note", "note"))
"""An attendee's fields in PRESENT, by the model's name."""


def _agenda_facts(m: Matter, day: dt.date | None) -> Obj:
    """An item's time on the agenda (date-times where the meeting's day is given, else the times alone), the heading
    it stands under, a case number cut off in the source and appeals of its decision, each only where the source
    gives them."""
    times = {key: t for key, t in (("start", m.start), ("end", m.end)) if t is not None}
    if day is not None:
        stated = {key: dt.datetime.combine(day, t, dates.TIMEZONE).isoformat() for key, t in times.items()}
    else:
        stated = {{"start": START_TIME, "end": END_TIME}[key]: t.isoformat("minutes") for key, t in times.items()}
    appeals = [{"court": a.court, **{camel: value for key, camel in APPEAL_KEYS if (value := getattr(a, key))},
                **({"date": dates.iso(a.date)} if a.date is not None else {})} for a in m.appeals]
    return {**stated, **({SECTION: m.section} if m.section else {}),
            **({CASE_NUMBER_AS_GIVEN: m.case_number_as_given} if m.case_number_as_given else {}),
            **({APPEALS: appeals} if appeals else {})}


APPEAL_KEYS = (("outcome_as_given", "outcomeAsGiven"), ("earlier_as_given", "earlierAsGiven"))
"""An appeal's words in APPEALS, by the model's name."""


def _attendee(p: Attendee) -> Obj:
    """One person present, with only the fields the source gives."""
    return {"name": p.name, **{camel: value for key, camel in ATTENDEE_KEYS if (value := getattr(p, key))}}


def _adjournment(a: Adjournment) -> Obj:
    """A break in ADJOURNMENTS: the data's form (tables.adjournment), its keys in OParl's case."""
    return {"asGiven" if key == "as_given" else key: value for key, value in adjournment(a).items()}


def _vote(v: Vote) -> Obj:
    """A vote in our own field (VOTE): only what the source gives."""
    return {**{name: n for name, n in v.counts}, **({"decidedBy": v.decided_by.value} if v.decided_by else {}),
            **({"asGiven": v.as_given} if v.as_given else {})}


class OParl:
    """Builds every OParl object of one build; `files()` returns them as JSON text by site path."""

    def __init__(self, ctx: BuildContext, page_size: int = PAGE_SIZE) -> None:
        self.ctx, self.archive, self.settings, self.page_size = ctx, ctx.archive, ctx.settings, page_size
        self.url = ctx.absolute
        self.out: dict[str, str] = {}
        license_url = (self.settings.get("open_data") or {}).get("license_url")
        self.license = {"license": license_url} if license_url else {}
        self.consulted: dict[str, list[tuple[Matter, str, bool]]] = defaultdict(list)
        """The matters that deliberate on each paper, by the paper's path: an agreement's in the order of its steps
        (archive.steps_of), each a Consultation of the one Paper."""
        for matter in self.archive.matters.values():
            held = self.archive.meeting_with(matter)
            if held.outside:  # a decision outside a meeting: its own Paper, consulted by the body
                self.consulted[routes.oparl_paper(matter)].append((matter, held.manner_label, True))
            for paper, role, authoritative in self.papers_of(matter):
                self.consulted[routes.oparl_paper(paper)].append((matter, role, authoritative))
        meetings = {m.id: i for i, m in enumerate(chronological(self.archive.meetings))}
        for agreement in self.archive.agreements.values():
            order = {s.matter.id: i for i, s in enumerate(self.archive.steps_of(agreement)) if s.matter}
            self.consulted[routes.oparl_paper(agreement)].sort(
                key=lambda c: (meetings[self.archive.meeting_with(c[0]).id], order.get(c[0].id, len(order))))

    def _committee_url(self, committee_id: str) -> str:
        return self.url(routes.oparl_committee(self.archive.committees[committee_id]))

    def _publish(self, obj: Obj) -> Obj:
        """Write the object at the path its id names, and return it (for embedding)."""
        self.out[obj["id"][len(self.ctx.base_url):]] = dump(obj)
        return obj

    def _source(self, kind: Kind, record_id: str) -> Path | None:
        doc = self.archive.sources.get((kind, record_id))
        return doc.path if doc else None

    def _stamps(self, kind: Kind, record_id: str) -> Obj:
        """`created` and `modified`: the first and last commit of the record's file (see BuildContext.span)."""
        span = self.ctx.span(self._source(kind, record_id))
        return {"created": span.first.isoformat(), "modified": span.last.isoformat()}

    @property
    def _whole(self) -> Obj:
        """`created`/`modified` of what is made from every record (system, body): the oldest and newest."""
        spans = [self.ctx.span(doc.path) for doc in self.archive.sources.values()] or [self.ctx.span(None)]
        return {"created": min(s.first for s in spans).isoformat(), "modified": max(s.last for s in spans).isoformat()}

    # -- objects ------------------------------------------------------------------------------

    def system(self) -> Obj:
        return self._publish({
            "id": self.url(routes.OPARL_SYSTEM), "type": _type("System"), "oparlVersion": VERSION,
            "name": self.settings.get("site_name") or "", "body": self.url(routes.oparl_list("bodies")),
            "website": self.url(routes.HOME), "web": self.url(routes.HOME), **self.license, **self._whole,
        })

    def body(self) -> Obj:
        lists = {"organization": "organizations", "person": "people", "meeting": "meetings", "paper": "papers",
                 "agendaItem": "agenda-items", "consultation": "consultations", "file": "files"}
        return self._publish({
            "id": self.url(routes.OPARL_BODY), "type": _type("Body"), "system": self.url(routes.OPARL_SYSTEM),
            "name": self.settings.get("municipality") or "", "legislativeTerm": [],
            **{key: self.url(routes.oparl_list(routes.oparl_body_list(name))) for key, name in lists.items()},
            "web": self.url(routes.HOME), **self.license, **self._whole,
        })

    def committee(self, c: Committee) -> Obj:
        return self._publish({
            "id": self.url(routes.oparl_committee(c)), "type": _type("Organization"),
            "body": self.url(routes.OPARL_BODY), "name": c.name, "organizationType": "Gremium",
            **({MUNICIPALITY: c.municipality} if c.municipality else {}),
            **({SCHEDULE_AS_GIVEN: c.schedule_lines} if c.schedule_lines else {}),
            **({USUAL_TIME: c.usual_start_note} if c.usual_start_note else {}),
            **({USUAL_PLACE: c.usual_place} if c.usual_place else {}),
            **_seats(c), **({PUBLIC_AS_GIVEN: c.public_as_given} if c.public_as_given else {}),
            **({"subOrganizationOf": self._committee_url(c.part_of)} if c.part_of else {}),
            **self._history(c), **_members(c), **({SECRETARY: c.secretary} if c.secretary else {}),
            # a body whose kind the source does not state has no classification (never 'Nämnd' by default)
            **({"classification": c.kind.classification} if c.kind is not None else {KIND: None}),
            "meeting": self.url(routes.oparl_list(routes.oparl_committee_meetings(c))), **self._web(routes.body(c)),
            **_sourced(c), **self._stamps(kinds.COMMITTEE, c.id),
        })

    def _history(self, c: Committee) -> Obj:
        """The bodies a body continues, the day it took over and the body that continues it, where there are any."""
        before, after = self.archive.continued_from(c), self.archive.continued_as(c)
        return {**({CONTINUES: [self._committee_url(b.id) for b in before]} if before else {}),
                **({SINCE: c.since.isoformat()} if before and c.since else {}),
                **({CONTINUED_IN: self._committee_url(after.id)} if after else {})}

    def partner(self, p: Partner) -> Obj:
        stamps = self._stamps(kinds.PARTNER, p.id)
        return self._publish({
            "id": self.url(routes.oparl_partner(p)), "type": _type("Organization"),
            "body": self.url(routes.OPARL_BODY), "name": p.name, "organizationType": "Sonstiges",
            "classification": self._partner_role(p), **({KIND: p.stated_kind} if p.stated_kind else {}),
            **({"website": p.website} if p.website else {}),
            **({"location": self._location(f"partner-{p.id}", p.address, stamps)} if p.address else {}),
            **self._web(routes.partner(p)), **_sourced(p), **stamps,
        })

    def _partner_role(self, p: Partner) -> str:
        """'Avtalspart' for an organisation that is a party to an agreement here; one that decisions only concern (a
        grant's recipient, a company an owner directive names) is no party to anything: 'Berörd organisation'."""
        return PARTY if self.archive.is_party(p) else CONCERNED

    def _location(self, name: str, description: str, stamps: Obj) -> Obj:
        return self._publish({"id": self.url(routes.oparl_location(name)), "type": _type("Location"),
                              "description": description, **stamps})

    def meeting(self, s: Sitting) -> Obj:
        stamps = (self._stamps(kinds.MEETING, s.meeting.id) if s.meeting
                  else self._stamps(kinds.COMMITTEE, s.committee.id if s.committee else ""))
        state = s.state_on(self.ctx.today)
        obj: Obj = {
            "id": self.url(routes.oparl_meeting(s.id)), "type": _type("Meeting"),
            "name": s.name, "meetingState": state.value,
            # whether a meeting whose day passed without a summary, or known from its agenda, was cancelled is not
            # known: not said
            **({} if state in (SittingState.PASSED, SittingState.CALLED) else {"cancelled": False}),
            # no `start` and no date where the source gives none: its words are in DATE_AS_GIVEN (_summary)
            **({"start": s.starts_at.isoformat()} if s.starts_at else {DATE: dates.iso(s.date)} if s.date else {}),
            **({MONTH: dates.iso(s.date)} if isinstance(s.date, dates.Month) else {}),
            **({"end": s.ends_at.isoformat()} if s.ends_at else {}),
            **({START_TIME: s.start.isoformat("minutes")} if s.start and s.day is None else {}),
            **({END_TIME: s.end.isoformat("minutes")} if s.start and s.end and s.day is None else {}),
            TIME_STATED: s.time_stated,
            # no `organization` where the source names no body (its words: BODY_AS_GIVEN): none is made up
            **({"organization": [self._committee_url(c) for c in self._bodies(s)]} if s.committee else {}),
        }
        if s.place:
            obj["location"] = self._location(s.id, s.place, stamps)
        if s.note:
            obj[NOTE] = s.note
        if s.date_source:
            obj[DATE_SOURCE] = s.date_source
        if s.meeting:
            if s.meeting.minutes_url:
                obj["resultsProtocol"] = self._file(f"{s.id}-protokoll", f"Protokoll, {obj['name']}",
                                                    s.meeting.minutes_url, stamps, *_named(s.meeting.minutes_url))
            obj["agendaItem"] = [self.agenda_item(s, m, i, stamps) for i, m in enumerate(s.meeting.matters, 1)]
            obj.update(self._web(routes.meeting(s.meeting)), **_sourced(s.meeting))
            obj.update(_summary(s.meeting))
            if reported := self.archive.reported_to(s.meeting):
                obj[REPORTED_DECISIONS] = [self.url(routes.oparl_paper(m)) for m in reported]
        return self._publish({**obj, **stamps})

    @staticmethod
    def _bodies(s: Sitting) -> list[str]:
        """The ids of the bodies a sitting is of: its body's, and a joint meeting's others (`Meeting.bodies`)."""
        return s.meeting.bodies if s.meeting is not None else [s.committee.id] if s.committee else []

    def agenda_item(self, s: Sitting, m: Matter, order: int, stamps: Obj) -> Obj:
        """`number` as the source gives it: the paragraph ('§ 45', 'VON 2'), else the item's number; none where it
        gives neither (`order` is the place in the file). `result` is the matter's kind where it is stated."""
        papers = self.papers_of(m)
        obj: Obj = {
            "id": self.url(routes.oparl_agenda_item(m)), "type": _type("AgendaItem"),
            "meeting": self.url(routes.oparl_meeting(s.id)), "order": order,
            "name": m.title,
            **({} if m.title_given else {TITLE_GIVEN: False}),
        }
        assert s.meeting is not None
        if (public := s.meeting.public_for(m)) is not None:  # left out where the source does not say
            obj["public"] = public
        if (before := self.archive.treated_before(m)) is not None:
            obj[REFERS_TO] = self._decided_in(before)
        if m.amount is not None:  # OParl has no field for an amount a decision states
            obj[AMOUNT] = oparl_amount(m.amount)
        if m.several_amounts:  # several sums, none of them the decision's one amount
            obj[AMOUNTS] = [oparl_amount(a) for a in m.several_amounts]
        if m.vote is not None:
            obj[VOTE] = _vote(m.vote)
        obj.update(self._as_given(m))
        obj.update(self._matter_facts(m))
        obj.update(_agenda_facts(m, s.day))
        if papers:  # OParl gives an agenda item one consultation: that of its main paper
            obj["consultation"] = self.url(routes.oparl_consultation(m, papers[0][0]))
        if partners := self.archive.partners_in(m):
            obj[CONCERNS] = [self.url(routes.oparl_partner(p)) for p in partners]
        if agreements := self.archive.agreements_in(m):
            obj[AGREEMENTS] = [self.url(routes.oparl_paper(a)) for a in agreements]
        obj.update(self._web(routes.matter(s.meeting, m)))
        return self._publish({**obj, **stamps})

    def _decided_in(self, m: Matter) -> str:
        """Where a matter's decision is in OParl: its AgendaItem, or a decision outside a meeting's own Paper."""
        outside = self.archive.meeting_with(m).outside
        return self.url(routes.oparl_paper(m) if outside else routes.oparl_agenda_item(m))

    def _as_given(self, m: Matter) -> Obj:
        """An agenda item's `number`, `result`, label and where its proposal goes, each only as the source states it."""
        number = self.archive.paragraph_label(m) or m.item
        to = self.archive.proposed_to(m)
        result = KIND if self.archive.meeting_with(m).decisions_unstated else "result"  # an agenda states no outcome
        return {**({"number": number} if number else {}), **({result: m.kind.label} if m.kind else {}),
                **({KIND_AS_GIVEN: m.kind_as_given} if m.kind_as_given else {}),
                **({PROPOSED_TO: self._committee_url(to.id)} if to else {})}

    def _matter_facts(self, m: Matter) -> Obj:
        """A matter's proposal, condition, preparer, the people it names and the decisions it cites, each only where
        the source gives them."""
        persons = _persons(m.persons)
        cited = [self._cited_decision(*x) for x in self.archive.decisions_cited_by(m)]
        return {**{key: value for key, value in ((PROPOSAL, m.proposal), (MATTER_CONDITION, m.condition),
                                                 (PREPARED_BY, m.by)) if value},
                **({PERSONS: persons} if persons else {}), **({CITED_DECISIONS: cited} if cited else {}),
                **({EFFECTIVE: dates.iso(m.effective)} if m.effective is not None else {}),
                **({EFFECTIVE_AS_GIVEN: m.effective_as_given} if m.effective_as_given else {}),
                **({RESERVATIONS: [stance_data(r) for r in m.reservations]} if m.reservations else {}),
                **self._later_facts(m), **_record_facts(m)}

    def _later_facts(self, m: Matter) -> Obj:
        """A matter's several case numbers, paragraph in words, end of validity, who did not take part, the body
        that decides later and the tasks given, each only where the source gives them."""
        deadlines = [{"what": d.what, **({"date": dates.iso(d.date)} if d.date is not None else {}),
                      **({"asGiven": d.as_given} if d.as_given else {})} for d in m.deadlines]
        tasks = [{"to": t.to, "what": t.what, **({"by": dates.iso(t.by)} if t.by is not None else {}),
                  **({"byAsGiven": t.by_as_given} if t.by_as_given else {}),
                  **({"proposed": True} if m.assignments_proposed else {})} for t in m.assignments]
        return {**({CASE_NUMBERS: m.several_case_numbers} if m.several_case_numbers else {}),
                **({MATTER_PARAGRAPHS_AS_GIVEN: m.paragraphs_as_given} if m.paragraphs_as_given else {}),
                **({EFFECTIVE_UNTIL: dates.iso(m.effective_until)} if m.effective_until is not None else {}),
                **({EFFECTIVE_UNTIL_AS_GIVEN: m.effective_until_as_given} if m.effective_until_as_given else {}),
                **({NOT_PARTICIPATING: [stance_data(p) for p in m.not_participating]} if m.not_participating else {}),
                **({DECIDED_LATER_BY: self._committee_url(m.decided_later_by)} if m.decided_later_by else {}),
                **({DECIDED_LATER_AS_GIVEN: m.decided_later_as_given} if m.decided_later_as_given else {}),
                **({ASSIGNMENTS: tasks} if tasks else {}), **({DEADLINES: deadlines} if deadlines else {})}

    def _cited_decision(self, record: Matter | Meeting | Citation | None, body: Committee | None, name: str | None,
                        paragraphs: tuple[int, ...], day_as_given: str | None, body_as_given: str | None) -> Obj:
        """One decision a matter cites (CITED_DECISIONS); `dateAsGiven` the day its source gives without a year,
        `bodyAsGiven` a body that is none of ours in the source's words (no Organization)."""
        named = {"name": name} if name else {}
        if isinstance(record, Matter) and self.archive.meeting_with(record).outside:
            return {"paper": self._decided_in(record), **named}
        if isinstance(record, Matter):
            return {"agendaItem": self.url(routes.oparl_agenda_item(record)), **named}
        if isinstance(record, Meeting):
            return {"meeting": self.url(routes.oparl_meeting(record.id)), **named}
        given = list(record.paragraphs) if record is not None else list(paragraphs)
        return {**({"date": dates.iso(record.date)} if record is not None and record.date is not None else {}),
                **({"paragraphs": given} if given else {}),
                **({"organization": self._committee_url(body.id)} if body else {}), **named,
                **({"dateAsGiven": day_as_given} if day_as_given else {}),
                **({"bodyAsGiven": body_as_given} if body_as_given else {})}

    def papers_of(self, m: Matter) -> list[Deliberation]:
        """The papers a matter deliberates on, its report first; an agreement with the step the decision takes as
        the `role` ('Föreslår', 'Antar', … ; 'Föreslår och ger uppdrag att teckna' for two), authoritative unless
        it only proposes, and 'Behandling' where the matter concerns it without a step."""
        a = self.archive
        papers: list[Deliberation] = [(r, DECISION, True) for case in a.case_files_of(m) for r in case.reports]
        for agreement in a.agreements_in(m):
            actions = a.actions_of(agreement, m)
            papers.append((agreement, " och ".join(act.label for act in actions).capitalize() or DELIBERATION,
                           any(act.authoritative for act in actions)))
        return papers

    def consultation(self, m: Matter, paper: Paper, role: str, authoritative: bool) -> Obj:
        """The matter's deliberation on a paper: at its AgendaItem and Meeting; a decision outside a meeting has
        neither (DECIDED_AS says how it was taken)."""
        meeting = self.archive.meeting_with(m)
        where = ({DECIDED_AS: meeting.decided_as.value} if meeting.decided_as is not None
                 else {"agendaItem": self.url(routes.oparl_agenda_item(m)),
                       "meeting": self.url(routes.oparl_meeting(meeting.id))})
        return self._publish({
            "id": self.url(routes.oparl_consultation(m, paper)), "type": _type("Consultation"),
            "paper": self.url(routes.oparl_paper(paper)), **where,
            **({"organization": [self._committee_url(c) for c in meeting.bodies]} if meeting.committee else {}),
            "authoritative": authoritative, "role": role, **self._step_terms(m, paper),
            **self._stamps(kinds.MEETING, meeting.id),
        })

    def _step_terms(self, m: Matter, paper: Paper) -> Obj:
        """What the matter's steps with the paper propose and on which condition, where the source says it."""
        steps = [s for s in self.archive.steps_in(m) if s.agreement is paper]
        proposes = [s.proposes.value for s in steps if s.proposes]
        ends = [dates.iso(s.proposed_end) for s in steps if s.proposed_end is not None]
        conditions = [s.condition for s in steps if s.condition]
        return {**({PROPOSES: proposes[0]} if proposes else {}),
                **({PROPOSED_END: ends[0]} if ends else {}),
                **({CONDITION: "; ".join(conditions)} if conditions else {})}

    def _cited_steps(self, a: Agreement) -> Obj:
        """The agreement's steps whose decisions are only cited, in our own field (CITED_STEPS)."""
        cited = [{"action": s.action.value, **({"date": dates.iso(s.date)} if s.date is not None else {}),
                  **({} if s.in_order else {"inOrder": False}),
                  **({"paragraphs": list(s.decision.paragraphs)} if isinstance(s.decision, Citation)
                     else {"paragraphs": list(s.paragraphs)} if s.paragraphs else {}),
                  **({"organization": self._committee_url(s.body.id)} if s.body else {}),
                  **({"proposedBy": s.by} if s.by else {}),
                  **({"proposedTo": self._committee_url(s.to.id)} if s.to else {}),
                  **({"proposes": s.proposes.value} if s.proposes else {}),
                  **({"end": dates.iso(s.end)} if s.end is not None else {}),
                  **({"proposedEnd": dates.iso(s.proposed_end)} if s.proposed_end is not None else {}),
                  **({"condition": s.condition} if s.condition else {})}
                 for s in self.archive.steps_of(a) if s.matter is None and not isinstance(s.decision, Meeting)]
        announced = [{"action": s.action.value, **({"announcedDate": dates.iso(s.date)} if s.date is not None else {}),
                      **({"organization": self._committee_url(s.body.id)} if s.body else {}),
                      **({"proposedTo": self._committee_url(s.to.id)} if s.to else {}),
                      **({"proposes": s.proposes.value} if s.proposes else {}),
                      **({"end": dates.iso(s.end)} if s.end is not None else {}),
                      **({"condition": s.condition} if s.condition else {})}
                     for s in self.archive.announced_of(a)]
        return {**({CITED_STEPS: cited} if cited else {}), **({ANNOUNCED_STEPS: announced} if announced else {})}

    def report(self, r: Report) -> Obj:
        related = [self.url(routes.oparl_paper(x)) for x in self.archive.case_file(r.case_number).agreements]
        obj = self._paper(r, r.title, "Tjänsteskrivelse", r.case_number, r.date, [r.committee] if r.committee else [],
                          related, routes.report(r))
        return self._publish({**obj, **_sourced(r), **self._stamps(kinds.REPORT, r.id)})

    def agreement(self, a: Agreement) -> Obj:
        related = [self.url(routes.oparl_paper(r)) for r in self.archive.case_file(a.case_number).reports]
        related += [self.url(routes.oparl_paper(x))
                    for x in (self.archive.predecessor(a), self.archive.successor(a)) if x]
        related += [self.url(routes.oparl_paper(x)) for x in [*self.archive.preceding(a), *self.archive.following(a)]]
        stamps = self._stamps(kinds.AGREEMENT, a.id)
        # An agreement with no date, signing or adoption stated has no `date`: the day it was first published
        # here is no date of the agreement's.
        obj = self._paper(a, a.title, "Överenskommelse", a.case_number, self.archive.paper_date(a),
                          [c.id for c in self.archive.bodies_of(a)], related, routes.agreement(a))
        obj.update(_sourced(a))
        obj.update({} if a.title_given else {TITLE_GIVEN: False})
        obj.update(self._cited_steps(a))
        if a.stated_status is not None:  # OParl has no status of a paper: the source's, on its date
            stated = a.stated_status
            obj[STATED_STATUS] = {"value": stated.status,
                                  **({"on": dates.iso(stated.date)} if stated.date is not None else {})}
        obj.update(self._parties(a))
        obj.update({k: v for k, v in ((TERM_AS_GIVEN, a.term_as_given), (EXTENSION_OPTION, a.extension_option),
                                      (STAGE, a.stage.value if a.stage else None),
                                      (PRECEDED_AS_GIVEN, a.preceded_as_given)) if v})
        if (notice := notice_period(a)):
            obj[NOTICE_PERIOD] = {key: value for key, value in (("period", notice["notice_period"]),
                                                                ("asGiven", notice.get("notice_period_as_given")),
                                                                ("label", notice["notice_period_label"])) if value}
        if a.obligations:
            obj[OBLIGATIONS] = [{k: v for k, v in obligation(o).items() if v is not None} for o in a.obligations]
        if a.conditions:
            obj[CONDITIONS] = list(a.conditions)
        if a.persons:  # as a matter's: people the source names in a role
            obj[PERSONS] = _persons(a.persons)
        if a.partial:  # as a meeting's: the record covers only part of its source
            obj.update({PARTIAL: True, PARTIAL_NOTE: a.partial})
        if a.parties_described:  # a group the source describes, no organisation of its own: named in words only
            obj["keyword"].append(a.parties_described)
            obj[PARTIES_DESCRIBED] = a.parties_described
        data = routes.agreement_json(a)
        obj["auxiliaryFile"] = [self._file(f"{routes.oparl_paper_key(a)}-data", "Överenskommelsens uppgifter (JSON)",
                                           self.url(data), stamps, PurePosixPath(data).name, "application/json")]
        return self._publish({**obj, **stamps})

    def decision(self, meeting: Meeting, m: Matter) -> Obj:
        """A decision taken outside a meeting (`Meeting.outside`) as a Paper of its own: no Meeting or AgendaItem;
        its Consultation names the body and how it was taken; its `date` where the source gives one; the papers it
        deliberates on related."""
        assert meeting.decided_as is not None
        related = [self.url(routes.oparl_paper(p)) for p, _, _ in self.papers_of(m)]
        obj = self._paper(m, m.title, meeting.manner_label, m.case_number, meeting.date,
                          meeting.bodies, related, routes.matter(meeting, m))
        reported = self.archive.reported_at(meeting)
        facts: Obj = {DECIDED_AS: meeting.decided_as.value, DECIDED_AS_GIVEN: meeting.decided_as_given,
                      DECIDED_BY: meeting.decided_by.model_dump(exclude_none=True) if meeting.decided_by else None,
                      DECIDED_BY_ORGANIZATION: (self._committee_url(meeting.decided_by_body)
                                                if meeting.decided_by_body else None),
                      REPORTED_AT: self._cited_decision(*reported) if reported else None,
                      DATE_AS_GIVEN: meeting.date_as_given, BODY_AS_GIVEN: meeting.body_as_given,
                      KIND: m.kind.label if m.kind else None, KIND_AS_GIVEN: m.kind_as_given,
                      AMOUNT: oparl_amount(m.amount) if m.amount is not None else None,
                      AMOUNTS: [oparl_amount(a) for a in m.several_amounts] or None}
        obj.update({k: v for k, v in facts.items() if v is not None}, **self._matter_facts(m),
                   **_partial_and_contacts(meeting))
        return self._publish({**obj, **_sourced(meeting), **self._stamps(kinds.MEETING, meeting.id)})

    def _parties(self, a: Agreement) -> Obj:
        """The agreement's parties as OParl 1.1 lets a Paper name them without claiming more: `underDirectionOf`
        (Federführung, set by _paper) holds its public bodies only; the counterparties neither authored the paper
        (`originatorOrganization`) nor lead it, so they are in our own field, and by name in `keyword` where clients
        search; the public party, free text with no Organization, in our own field."""
        partners = self.archive.partners_of(a)
        return {**({COUNTERPARTIES: [self.url(routes.oparl_partner(p)) for p in partners]} if partners else {}),
                "keyword": [p.name for p in partners],
                **({PUBLIC_PARTY: a.public_party_named} if a.public_party_named else {}),
                **({NO_PUBLIC_PARTY: True} if a.no_public_party else {})}

    def _paper(self, paper: Paper, name: str, kind: str, reference: str | None, date: dates.Given | None,
               committees: list[str], related: list[str], web: str) -> Obj:
        path = routes.oparl_paper(paper)
        obj: Obj = {"id": self.url(path), "type": _type("Paper"), "body": self.url(routes.OPARL_BODY), "name": name,
                    "paperType": kind}
        if reference:
            obj["reference"] = reference
        if isinstance(date, dt.date):
            obj["date"] = date.isoformat()
        elif date is not None:  # OParl's `date` is a day: a month, a year or a season alone goes in our own field
            obj[DATE] = dates.iso(date)
            if isinstance(date, dates.Month):
                obj[MONTH] = date.isoformat()
        if committees:
            obj["underDirectionOf"] = [self._committee_url(c) for c in committees]
        if related:
            obj["relatedPaper"] = related
        consultations = [self.consultation(m, paper, role, auth) for m, role, auth in self.consulted[path]]
        if consultations:
            obj["consultation"] = consultations
        return {**obj, **self._web(web)}

    def _file(self, name: str, title: str, access_url: str, stamps: Obj, file_name: str | None,
              mime: str | None) -> Obj:
        """A File; `fileName` always, since a client without it names the download after `name` and adds '.pdf'."""
        return self._publish({"id": self.url(routes.oparl_file(name)), "type": _type("File"), "name": title,
                              "fileName": file_name or name, "accessUrl": access_url,
                              **({"mimeType": mime} if mime else {}), **stamps})

    def _web(self, page_url: str) -> Obj:
        return {"web": self.url(page_url)}

    # -- lists --------------------------------------------------------------------------------

    def object_list(self, path: str, items: list[Obj]) -> None:
        """A paginated external object list: <path>.json, <path>-2.json, ... (OParl 'Objektlisten')."""
        pages = max(1, math.ceil(len(items) / self.page_size))

        def page_url(n: int) -> str:
            return self.url(routes.oparl_list(path, n))

        for n in range(1, pages + 1):
            links = {"first": page_url(1), "last": page_url(pages), "self": page_url(n)}
            if n > 1:
                links["prev"] = page_url(n - 1)
            if n < pages:
                links["next"] = page_url(n + 1)
            self.out[routes.oparl_list(path, n)] = dump({
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
        # the undated after the dated, as in every list; those whose source names no body after the bodies'
        dated = sorted((s for ss in a.calendar.values() for s in ss), reverse=True,
                       key=lambda s: (undated_last(s.sort_day), s.committee.id if s.committee else ""))
        sittings = [*dated, *a.undated_sittings, *a.bodiless_sittings]
        meetings = [self.meeting(s) for s in sittings]
        papers = [self.report(r) for r in a.reports.values()] + [self.agreement(x) for x in a.agreements.values()]
        papers += [self.decision(d, m) for d in a.outside_decisions for m in d.matters]
        body = routes.oparl_body_list
        self.object_list(body("organizations"), organizations)
        self.object_list(body("people"), [])
        self.object_list(body("meetings"), meetings)
        self.object_list(body("papers"), papers)
        self.object_list(body("agenda-items"), [item for m in meetings for item in m.get("agendaItem", [])])
        self.object_list(body("consultations"), [c for p in papers for c in p.get("consultation", [])])
        self.object_list(body("files"), [x for p in papers for x in p.get("auxiliaryFile", [])]
                         + [m["resultsProtocol"] for m in meetings if "resultsProtocol" in m])
        for committee in a.committees.values():
            self.object_list(routes.oparl_committee_meetings(committee),
                             [m for m, s in zip(meetings, sittings, strict=True) if committee.id in self._bodies(s)])
        return self.out


def _persons(persons: list[NamedPerson]) -> list[Obj]:
    """People a matter or an agreement names in a role (PERSONS): each {name, party, role, nominatedBy, termAsGiven},
    each field only where the source gives it."""
    return [{"name": p.name, **{camel: value for key, camel in (*MEMBER_KEYS, ("term_as_given", "termAsGiven"))
                                if (value := getattr(p, key))}} for p in persons]


def _record_facts(m: Matter) -> Obj:
    """A matter's special statements, proposals made at the meeting and documents it rests on, whether its decision was
    unanimous and the source's words for it, what it is about in the source's words where it gives no heading, the
    rates it states and who drafted its proposal, each only where the source gives them."""
    documents = [{"title": d.title, **({"date": dates.iso(d.date)} if d.date is not None else {}),
                  **({"by": d.by} if d.by else {})} for d in m.documents]
    return {**({STATEMENTS: [stance_data(r) for r in m.statements]} if m.statements else {}),
            **({PROPOSALS_MADE: [p.model_dump(exclude_none=True) for p in m.proposals_made]}
               if m.proposals_made else {}),
            **({DOCUMENTS: documents} if documents else {}),
            **({UNANIMOUS: m.unanimous} if m.unanimous is not None else {}),
            **({UNANIMOUS_AS_GIVEN: m.unanimous_as_given} if m.unanimous_as_given else {}),
            **({SUBJECT_AS_GIVEN: m.subject_as_given} if m.subject_as_given else {}),
            **({RATES: [rate(r) for r in m.rates]} if m.rates else {}),
            **({PROPOSAL_BY: m.proposal_by} if m.proposal_by else {})}
