"""The closed lists editors choose from: kinds of body, agreement, counterparty and matter, and how a vote was settled.

Each value is what an editor writes in front matter (Swedish, lower case); `label` is how the site
shows it. A value outside a list is an error naming the allowed ones (see messages.py).
"""

from __future__ import annotations

import re
from enum import StrEnum


class BodyKind(StrEnum):
    """What kind of decision-making body a committees/ file describes."""

    NAMND = "nämnd"
    STYRELSE = "styrelse"
    KOMMUNFULLMAKTIGE = "kommunfullmäktige"
    KOMMUNSTYRELSE = "kommunstyrelse"
    UTSKOTT = "utskott"
    BEREDNING = "beredning"
    REGIONFULLMAKTIGE = "regionfullmäktige"
    REGIONSTYRELSE = "regionstyrelse"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def classification(self) -> str:
        """OParl's `classification` of an Organization of this kind ('Nämnd', 'Kommunfullmäktige')."""
        return self.label

    @property
    def definite(self) -> str:
        """'nämnden', 'utskottet', 'kommunfullmäktige': how a sentence names a body of this kind."""
        return _DEFINITE[self]


_DEFINITE = {BodyKind.NAMND: "nämnden", BodyKind.STYRELSE: "styrelsen",
             BodyKind.KOMMUNFULLMAKTIGE: "kommunfullmäktige", BodyKind.KOMMUNSTYRELSE: "kommunstyrelsen",
             BodyKind.UTSKOTT: "utskottet", BodyKind.BEREDNING: "beredningen",
             BodyKind.REGIONFULLMAKTIGE: "regionfullmäktige", BodyKind.REGIONSTYRELSE: "regionstyrelsen"}


class AgreementKind(StrEnum):
    """What kind of agreement an agreements/ file records."""

    IOP = "iop"
    OVERENSKOMMELSE = "överenskommelse"
    RAMOVERENSKOMMELSE = "ramöverenskommelse"
    SAMVERKANSAVTAL = "samverkansavtal"
    SAMARBETSAVTAL = "samarbetsavtal"
    AVSIKTSFORKLARING = "avsiktsförklaring"

    @property
    def label(self) -> str:
        return "Idéburet offentligt partnerskap (IOP)" if self is AgreementKind.IOP else self.value.capitalize()


class PartnerKind(StrEnum):
    """What kind of counterparty a partners/ file describes."""

    IDEBUREN = "idéburen organisation"
    FORETAG = "företag"
    KOMMUNALT_BOLAG = "kommunalt bolag"
    OFFENTLIG = "offentlig aktör"
    FORVALTNING = "förvaltning"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class SumNature(StrEnum):
    """What kind of money a sum is, where the source says it is not a sum granted by the decision: never in a total."""

    AVSLAGET = "avslaget"
    """Applied for or proposed and refused ('beslutar att inte medge … kompensation med 0,4 miljoner kronor')."""
    ASKAT = "äskat"
    """Requested by a body from another body ('Kommunstyrelsen äskar 2 miljoner kronor')."""
    ANSOKT = "ansökt"
    """Applied for by an applicant, not a body ('Hässleholms Tennisklubb har ansökt om 8 mnkr')."""
    TAXA = "taxa"
    """A fee or price the municipality charges ('Zon 1: 12 kr per kvadratmeter och vecka')."""
    PROGNOS = "prognos"
    """A forecast of a result."""
    BERAKNAT = "beräknat"
    """A cost estimate ('Kostnaden är beräknad till 785 000 kr', 'en grov bedömning … cirka 100 000 kr')."""
    UTFALL = "utfall"
    """A result ('överskottet uppgår till 35 miljoner')."""
    BUDGET = "budget"
    """A budgeted figure."""
    MOTTAGET = "mottaget"
    """Money the municipality received ("riktade medel … Partille fick 2,3 miljoner kronor"): never a grant it gave."""

    @property
    def label(self) -> str:
        """The prefix of the sum's one label: 'äskat', 'budgeterat', 'sökt'."""
        return {SumNature.BUDGET: "budgeterat", SumNature.ANSOKT: "sökt"}.get(self, self.value)


class ChangeKind(StrEnum):
    """A sum or a rate the source states as a change of another, not as a total ("höjer bidraget till kvinnojouren med
    125 000 kronor"): never in a total."""

    HOJNING = "höjning"
    SANKNING = "sänkning"

    @property
    def label(self) -> str:
        """What a sum's or a rate's label says before its figure: 'höjning med', 'sänkning med'."""
        return f"{self.value} med"


class MatterKind(StrEnum):
    """What happened to a matter at a meeting: decided, only reported, an election."""

    BESLUT = "beslut"
    INFORMATION = "information"
    VAL = "val"
    ANMALAN = "anmälan"
    BORDLAGT = "bordlagt"
    """Tabled: put off to a later meeting, no decision yet ("ärendet bordlades")."""
    ATERREMITTERAT = "återremitterat"
    """Referred back to be prepared again ("beslutade att återremittera ärendet"): no decision on it yet."""
    FORSLAG = "förslag"
    """A decision to propose to another body (the matter's `to`), which decides it ("beslutas slutgiltigt av
    kommunfullmäktige")."""
    INTERPELLATION = "interpellation"
    """A member's interpellation in the council ("Svar på interpellation"): no decision. Whether it was answered or
    debated is what the source says in the text, never what the kind's label says."""
    UTGAR = "utgår"
    """An item removed from the agenda ("följande ärende utgår från dagordningen"): not dealt with, no decision."""
    FRAGA = "fråga"
    """A member's question in the council ("Fråga till kommunstyrelsens ordförande"): no decision."""
    DEBATT = "debatt"
    """A debate in the council ("Allmänpolitisk debatt"): no decision."""

    @property
    def label(self) -> str:
        return {"beslut": "Beslut", "information": "Information (inget beslut)", "val": "Val",
                "anmälan": "Anmälan (för kännedom)", "bordlagt": "Bordlagt (inget beslut ännu)",
                "återremitterat": "Återremitterat (inget beslut ännu)",
                "förslag": "Förslag till ett annat organ",
                "interpellation": "Interpellation (inget beslut)",
                "utgår": "Utgick (behandlades inte)", "fråga": "Fråga (inget beslut)",
                "debatt": "Debatt (inget beslut)"}[self.value]

    @property
    def decides(self) -> bool:
        """Whether the body decided something on the matter (a proposal is a decision, an election too: the body
        decides who holds the post; a referral back is not yet)."""
        return self in (MatterKind.BESLUT, MatterKind.FORSLAG, MatterKind.VAL)

    @property
    def ruled(self) -> bool:
        """Whether the meeting took a decision on the matter: one that `decides` it, or one that leaves it open (a
        referral back, "beslutade att återremittera", or a tabling): a meeting with one never reported no decision."""
        return self.decides or self in (MatterKind.ATERREMITTERAT, MatterKind.BORDLAGT)


class DecidedBy(StrEnum):
    """How a tied vote was settled, as the protocol says it: the chair's casting vote (a decision), or drawing lots
    (an election)."""

    CASTING_VOTE = "ordförandens utslagsröst"
    LOT = "lottning"

    @property
    def label(self) -> str:
        """The choice as the desk lists it: 'Ordförandens utslagsröst'."""
        return self.value.capitalize()

    @property
    def settled(self) -> str:
        """What a page says after the counts: 'avgjort med ordförandens utslagsröst', 'avgjort genom lottning'."""
        return "avgjort med ordförandens utslagsröst" if self is DecidedBy.CASTING_VOTE else "avgjort genom lottning"


class DecidedAs(StrEnum):
    """How a decision not taken at a meeting of its body was taken, as the source says it: on delegation from the
    body (KL 6 kap 37 §), by the chair in the body's stead because it was urgent (KL 6 kap 39 §), or not said (a news
    item names the decision alone, "Kommunstyrelsen har inrättat ett nytt råd")."""

    DELEGATION = "delegationsbeslut"
    CHAIR = "ordförandebeslut"
    UNSTATED = "anges inte"

    @property
    def label(self) -> str:
        """The decision as titles, lists and OParl's Consultation `role` name it: 'Delegationsbeslut', 'Beslut'."""
        return "Beslut" if self is DecidedAs.UNSTATED else self.value.capitalize()

    @property
    def word(self) -> str:
        """The label as a sentence goes on after a body's name: 'delegationsbeslut', 'beslut'."""
        return self.label.lower()

    def named(self, decides: bool) -> str:
        """The label where a record's matters are known to include a decision (`decides`); a record whose source says
        neither how it came about nor that anything was decided ("har tagit fram en ny riktlinje") is an 'Ärende'."""
        return UNDECIDED_LABEL if self is DecidedAs.UNSTATED and not decides else self.label


UNDECIDED_LABEL = "Ärende"
"""What a record outside a meeting is called where its source states no decision (`DecidedAs.named`)."""


class StepAction(StrEnum):
    """What a decision does with an agreement (or a letter of intent): one step of its way through the bodies,
    from a committee's proposal to the council's adoption, and later an amendment, an extension or its end."""

    PROPOSE = "föreslår"
    MANDATE = "uppdrag att teckna"
    AUTHORISE = "uppdrag att godkänna"
    """A mandate to another body (or an officer) to approve the agreement ("exploateringsnämnden bemyndigas godkänna
    avtalet"): not its adoption, nor its signing."""
    ADOPT = "antar"
    JOIN = "ansluter sig"
    """Joins an agreement or a collaboration others already have ('Falun kommer att gå in i bibliotekssamverkan
    Dalarna'): the body's own decision to be a party, as authoritative as an adoption and counted as one by the
    status."""
    AMEND = "ändrar"
    EXTEND = "förlänger"
    TERMINATE = "säger upp"
    REFER_BACK = "återremitterar"
    """Refers the matter back to be prepared again ("beslut om återremiss"): no decision on the agreement yet, so it
    never changes the term, the status or the signing (worded as a matter's 'återremitterat')."""
    STATE = "yttrar sig"
    """Gives the body's statement (yttrande) on an agreement or a recommendation ("Nämnden godkände också yttrande om
    rekommendation att anta Norrbus"): no decision on the agreement itself, so it never changes the term, the status
    or the signing (as a referral back)."""
    UNSTATED = "anges inte"
    """A decision the source cites on the agreement without saying what it decided ('beslut som fattats i frågan av
    kommunstyrelsen'): shown as a decision, and it never changes the status or the term."""

    @property
    def label(self) -> str:
        """How a page names the step: 'Föreslår', 'Ger uppdrag att teckna', 'Antar', 'Ansluter sig till', …"""
        return _LABEL.get(self) or self.value.capitalize()

    @property
    def outcome(self) -> str:
        """What the step did to the agreement, as its page says it before the detail: 'Antagen', 'Uppdrag att
        godkänna'."""
        return _OUTCOME[self]

    @property
    def infinitive(self) -> str:
        """The step's verb after 'att': 'anta', 'ge uppdrag att godkänna' ('Föreslår att ge uppdrag att …')."""
        return _INFINITIVE[self]

    @property
    def authoritative(self) -> bool:
        """Whether the body decides the agreement itself (OParl's `authoritative`): all but a proposal to
        another body."""
        return self not in (StepAction.PROPOSE, StepAction.REFER_BACK, StepAction.STATE, StepAction.UNSTATED)

    @property
    def adopts(self) -> bool:
        """Whether the step makes the body a party (an adoption, or joining what others have): the status's rule."""
        return self in (StepAction.ADOPT, StepAction.JOIN)

    @property
    def states_end(self) -> bool:
        """Whether the step may state when the agreement ends (an extension's new end, a termination's last day)."""
        return self in (StepAction.EXTEND, StepAction.TERMINATE)


UNSTATED_DECISION = "Beslut (vad som beslutades anges inte)"
"""A decision on the agreement whose action the source does not state, as its label and outcome."""
DECISION_IN_WORDS = "Beslut om överenskommelsen"
"""A decision on the agreement whose action the source states only in its own words (a step's `as_given`), as its
label and outcome: the words follow in brackets, never beside 'vad som beslutades anges inte'."""
REFERRED_BACK = "Återremitterad (inget beslut ännu)"
"""A referral back as a step's outcome, worded as a matter's 'Återremitterat (inget beslut ännu)'."""
_LABEL = {StepAction.MANDATE: "Ger uppdrag att teckna", StepAction.AUTHORISE: "Ger uppdrag att godkänna",
          StepAction.JOIN: "Ansluter sig till", StepAction.STATE: "Yttrar sig om",
          StepAction.UNSTATED: UNSTATED_DECISION}
_OUTCOME = {StepAction.PROPOSE: "Förslag", StepAction.MANDATE: "Uppdrag att teckna",
            StepAction.AUTHORISE: "Uppdrag att godkänna", StepAction.ADOPT: "Antagen", StepAction.JOIN: "Anslutning",
            StepAction.AMEND: "Ändrad", StepAction.EXTEND: "Förlängd", StepAction.TERMINATE: "Uppsagd",
            StepAction.REFER_BACK: REFERRED_BACK, StepAction.STATE: "Yttrande (inget beslut om överenskommelsen)",
            StepAction.UNSTATED: UNSTATED_DECISION}
_INFINITIVE = {StepAction.PROPOSE: "föreslå", StepAction.MANDATE: "ge uppdrag att teckna",
               StepAction.AUTHORISE: "ge uppdrag att godkänna", StepAction.ADOPT: "anta",
               StepAction.JOIN: "ansluta sig till", StepAction.AMEND: "ändra", StepAction.EXTEND: "förlänga",
               StepAction.TERMINATE: "säga upp", StepAction.REFER_BACK: "återremittera",
               StepAction.STATE: "yttra sig om", StepAction.UNSTATED: "besluta om"}

_BODY_WORDS = [("utskott", BodyKind.UTSKOTT), ("beredning", BodyKind.BEREDNING),  # 'Kommunstyrelsens utskott …'
               ("kommunstyrelse", BodyKind.KOMMUNSTYRELSE), ("regionstyrelse", BodyKind.REGIONSTYRELSE),
               ("regionfullmäktige", BodyKind.REGIONFULLMAKTIGE), ("fullmäktige", BodyKind.KOMMUNFULLMAKTIGE),
               ("styrelse", BodyKind.STYRELSE), ("nämnd", BodyKind.NAMND)]
_PARTNER_WORDS = [("förvaltning", PartnerKind.FORVALTNING), ("kommun", PartnerKind.OFFENTLIG),
                  ("region", PartnerKind.OFFENTLIG), ("länsstyrelse", PartnerKind.OFFENTLIG),
                  ("förening", PartnerKind.IDEBUREN), ("förbund", PartnerKind.IDEBUREN),
                  ("stiftelse", PartnerKind.IDEBUREN), ("församling", PartnerKind.IDEBUREN),
                  ("kyrka", PartnerKind.IDEBUREN), ("ideell", PartnerKind.IDEBUREN)]


def suggested_body_kind(name: str) -> BodyKind | None:
    """What a body's name suggests it is ('Kommunstyrelsen' a kommunstyrelse): a suggestion the scaffold shows
    beside the field, never a value (the editor writes what the source says)."""
    return next((kind for word, kind in _BODY_WORDS if word in name.lower()), None)


def suggested_partner_kind(name: str) -> PartnerKind | None:
    """What an organisation's name suggests it is (a 'förening' an idéburen organisation, a 'kommuns … AB' a
    municipal company); another AB may be either kind of company, so none is suggested. Only a suggestion (see
    suggested_body_kind)."""
    if re.search(r"\bAB\b", name):
        return PartnerKind.KOMMUNALT_BOLAG if "kommun" in name.lower() else None
    return next((kind for word, kind in _PARTNER_WORDS if word in name.lower()), None)
