"""`make new-meeting`, `new-agreement`, `new-partner`, `new-committee`, `new-report`: a new content file
with every field present and explained, ready for the editor to fill in. Each value to fill in holds
the placeholder FYLL I, which `make check` refuses until it is replaced.

The values come from the environment (the Makefile exports NAME, DATE, … unexpanded), never through a shell:
a name is text, whatever characters it holds."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path
from string import Template

from . import dates, frontmatter, kinds, messages, patterns
from .archive import normalised_name
from .categories import DecidedAs, suggested_body_kind, suggested_partner_kind
from .errors import ContentError
from .model import NO_BODY_KEY, NOT_STATED, OUTSIDE_MATTER_REFUSED, OUTSIDE_REFUSED, UNDATED_PREFIX
from .safety import PLACEHOLDER

P = PLACEHOLDER
MAX_ID = 80
"""The longest id (file name without .md) the scaffold makes from a name: any organisation's name shortened
reads well within it, and every file system and address takes it (an agreement's adds its years)."""

MEETING = Template(f"""---
# Ett sammanträde. Filen heter <datum>-<nämnd>.md (datum-anges-inte-<nämnd>-<ord>.md utan datum).
# Ersätt allt som är markerat {P.lower()} och ta bort de valfria fälten du inte behöver.
# Kontrollera med `make check`, förhandsgranska med `make serve`.
committee: $committee            # nämnden: namnet på en fil i committees/ (utan .md); anges inte om inget organ nämns
body_as_given:                   # valfritt, med committee: anges inte: vem som beslutade enligt källan, t.ex. kommunen
with_bodies: []                  # valfritt: andra organ som beslutade tillsammans med committee ("… samt kultur- och
                                 # demokratinämnden har fattat följande beslut", gemensamt sammanträde): [id, id]
date: $date                      # sammanträdets datum, ÅÅÅÅ-MM-DD; ÅÅÅÅ-MM (ÅÅÅÅ) om källan bara anger månaden (året);
                                 # anges inte om källan inte anger något datum
date_as_given:                   # valfritt: bara källans ord för ett datum i förhållande till källan, t.ex.
                                 # veckans sammanträde (källans datum i source; date ändå så exakt som du kan);
                                 # med date: anges inte källans ord om datumet, om den har några
title: $title  # sidans rubrik; anges inte om källan inte ger någon (rubriken blir då nämnd och datum)
start:                           # valfritt: klockslag inom citattecken, t.ex. "13:00" (även utan dag:
                                 # "Klockan 13.00–16.30" i ett protokoll med bara månad eller utan datum)
start_as_given:                  # valfritt, i stället för start: källans ord, t.ex. direkt efter … ca 14:30
end:                             # valfritt: när sammanträdet slutade, t.ex. "16:30"
adjournments: []                 # valfritt: ajourneringar, t.ex. [{{start: "10:05", end: "10:20"}}] för "ajourneras
                                 # kl. 10.05–10.20", [{{as_given: för lunch}}] när källan inte anger någon tid
public:                          # valfritt: false om källan säger att det inte är öppet för allmänheten
public_as_given:                 # valfritt: vad källan säger om allmänheten vid sammanträdet, med dess ord, t.ex.
                                 # avråder … medborgare att komma till åhörarläktaren (sätter aldrig public)
place:                           # valfritt: var det hölls, t.ex. Stadshuset, Stora salen
documents_url:                   # valfritt: länk till just detta sammanträdes handlingar, https://…
minutes_url:                     # valfritt: länk till protokollet när det är publicerat, https://…
minutes_checked:                 # valfritt: när protokollet justerades, ÅÅÅÅ-MM-DD ("justerat 12 februari 2018")
minutes_checked_as_given:        # valfritt: justeringen med källans ord, t.ex. Nya Rådhuset 25 augusti 2015,
                                 # kl. 14:00 eller Digital justering
minutes_posted:                  # valfritt: när anslaget sattes upp, ÅÅÅÅ-MM-DD ("Anslaget uppsatt 2015-09-24")
minutes_removed:                 # valfritt: när anslaget togs ned, ÅÅÅÅ-MM-DD ("nedtaget 2015-10-16")
minutes_posted_as_given:         # valfritt: anslaget med källans ord, t.ex. Justeringen har anslagits på
                                 # kommunens digitala anslagstavla
appeal_by:                       # valfritt: sista dagen att överklaga, ÅÅÅÅ-MM-DD ("Sista dag att överklaga
                                 # 2018-03-13"); räkna aldrig ut den
chair:                           # valfritt: ordföranden som källan anger hen ("Ordförande: Anna Andersson (S)")
secretary:                       # valfritt: sekreteraren som källan anger hen ("Sekreterare: Cecilia Ek")
adjusters: []                    # valfritt: justerarna som källan anger dem ("Justerare: Anna Andersson (S),
                                 # Bertil Berg (M)"): [Anna Andersson (S), Bertil Berg (M)]
proposed_adjusters: []           # valfritt: justerare som kallelsen föreslår ("1 tur: Linda Fröberg (M) och
                                 # Kaisa Blank Nordmark (S)"): [Linda Fröberg (M), Kaisa Blank Nordmark (S)]
planned_checking_as_given:       # valfritt: planerad justering med källans ord, t.ex. tisdagen den 7 april
                                 # 2015 kl. 16:00 ("Justeringsdag: …")
present: []                      # valfritt: närvarande som protokollet anger dem, en per rad (inte från kallelse):
                                 # - {{name: Franklin Eck, party: M, role: tjänstgörande ersättare,
                                 #   substitute_for: Marianne Kierkemann (M), note: från och med § 21}}
minutes_kept_at:                 # valfritt: "Förvaringsplats för protokollet: Kommunledningsförvaltningen"
paragraph_prefix:                # valfritt: det protokollet skriver före paragrafnumret i stället för §, t.ex. VON
paragraphs_as_given:             # valfritt: protokollets paragrafer med källans ord, t.ex. Paragrafer 79–107
contacts: []                     # valfritt: kontaktpersoner ("kontakta Helena Balthammar (S) telefon 0725-82 80 69"):
                                 # - {{name: Helena Balthammar (S), phone: 0725-82 80 69}} (även role, email);
                                 # en funktion i stället för en person: - {{function: kommunens växel, phone: …}}
partial:                         # valfritt: om du bara har kunnat läsa en del av källan, med egna ord, t.ex.
                                 # Endast protokollets första sidor har kunnat läsas
selection: false                 # true om källan säger att den bara tar upp ett urval av ärendena
known_from:                      # valfritt, bara om källan inte är protokollet eller en sammanfattning:
                                 # kallelse = kallelsen till sammanträdet;
                                 # föredragningslista = föredragningslistan;
                                 # nyhet = en nyhet som räknar upp vad som ska behandlas;
                                 # omnämnande = källan nämner ett beslut;
                                 # webbsändning = webbsändningen (hölls, inga beslut anges)
decided_as:                      # valfritt, bara för ett beslut som inte fattades vid ett sammanträde:
                                 # delegationsbeslut, ordförandebeslut, eller anges inte (en nyhet nämner bara
                                 # beslutet); filen heter då <datum>-<nämnd>-<egna ord>.md, och sammanträdets
                                 # fält (start, place, chair, minutes_*, present, known_from …) tas bort
decided_as_given:                # valfritt, med decided_as: källans ord om hur beslutet fattades, t.ex. Beslut
                                 # fattat på delegation enligt punkt 4.2 i delegationsordningen
decided_by:                      # valfritt, med decided_as: vem som fattade beslutet, t.ex. {{name: Anna
                                 # Svensson, role: förvaltningschef}}, eller ett utskotts filnamn i committees/
reported_at:                     # valfritt, med decided_as: sammanträdet där beslutet anmäldes,
                                 # t.ex. {{decision: "2024-03-12 § 23", body: kulturnamnden}}
source:                          # valfritt: varifrån uppgifterna kommer, t.ex. Sammanfattningen på kommunens webbplats
source_url:                      # valfritt: källans adress (t.ex. sammanfattningen på kommunens webbplats), https://…
matters:                         # ärendena; vart och ett har en rubrik med samma id i texten nedan (ger källan
                                 # ärendet ingen rubrik: "## anges inte {{#id}}", hitta aldrig på någon)
  - id: {P.replace(" ", "-")}-arendets-id   # unikt på hela webbplatsen: a–z, siffror, bindestreck
    subject_as_given:            # valfritt, bara under "## anges inte": vad ärendet gäller med källans ord, t.ex.
                                 # nya riktlinjer för föreningsbidrag (blir aldrig ärendets rubrik)
    kind: {P}                   # beslut, information (inget beslut), val, anmälan, bordlagt, återremitterat,
                                 # förslag (till ett annat organ: skriv to), utgår (ströks från dagordningen),
                                 # eller anges inte om källan inte säger vad som hände
    kind_as_given:               # valfritt: ärendets beteckning med källans ord, t.ex. Beslutsärende,
                                 # Informationsärende (visas i stället för kind: anges inte, annars bredvid)
    paragraphs: []               # valfritt: paragraf(er) i protokollet, t.ex. [112] eller [154, 155]
    paragraphs_as_given:         # valfritt: paragrafen med källans ord när den inte kan läsas som ett tal,
                                 # t.ex. 9 Läsårstider (gissa aldrig numret)
    case_number:                 # valfritt: diarienummer, t.ex. SO 2021/0001; flera som en lista:
                                 # [KK11/120, KK11/110]
    case_number_as_given:        # valfritt: ett diarienummer som källan inte ger helt, t.ex. KS2014/ (aldrig
                                 # gjort till ett helt nummer)
    item:                        # valfritt: ärendets nummer som källan anger det ("Ärende 5." blir 5)
    section:                     # valfritt: rubriken som punkten står under, t.ex. Ärenden till kommunfullmäktige
    start:                       # valfritt: punktens tid på kallelsen ("kl. 09:00-09:15"): "09:00"
    end:                         # valfritt: punktens sluttid, t.ex. "09:15" (bara med start)
    public:                      # valfritt: false om källan säger att ärendet inte är öppet (sekretess)
    vote:                        # valfritt: omröstningen, bara det källan anger ("30 ja, 30 nej, 1 avstod.
                                 # Ordförandens utslagsröst avgör"): {{yes: 30, no: 30, abstained: 1,
                                 # decided_by: ordförandens utslagsröst}}; absent: frånvarande; decided_by:
                                 # ordförandens utslagsröst eller lottning; as_given: källans ord
    unanimous:                   # valfritt: true om källan säger att beslutet var enhälligt ("beslutar
                                 # enhälligt"), false om den säger att det inte var det ("en oenig nämnd")
    unanimous_as_given:          # valfritt, med unanimous: källans ord, t.ex. Kommunfullmäktige beslutar enhälligt
    proposal:                    # valfritt: förslaget till beslut med källans ord, ett stycke ("Förslag till
                                 # beslut: Kommunfullmäktige beslutar att …"); visas som förslag, inte som beslut
    condition:                   # valfritt: ett villkor för beslutet med källans ord
    by:                          # valfritt: vem som beredde ärendet med källans ord, t.ex. Kommunledningskontoret
    proposal_by:                 # valfritt: vem som tog fram förslaget med källans ord ("det förslag som
                                 # gemensamt tagits fram av M, KD, L, C och SfS"), t.ex. M, KD, L, C och SfS
    persons: []                  # valfritt: personer som ärendet nämner i en roll, en per rad, t.ex.
                                 # - {{name: Lars Muregård, party: M, role: ny ledamot,
                                 #   term_as_given: intill ordinarie bolagsstämma 2023}}
                                 # - {{name: Caroline Åberg, party: M, role: avsäger sig}}
    cited_decisions: []          # valfritt: tidigare beslut som ärendet hänvisar till, t.ex.
                                 # - {{decision: 2019-03-25 § 45, body: kommunfullmaktige}}
                                 # dag utan år ("26 februari beslutade stadsbyggnadsnämnden"): - {{decision:
                                 #   anges inte, date_as_given: 26 februari, body: stadsbyggnadsnamnden}}
                                 # ett organ utanför kommunen ("Länsstyrelsens beslut 16 oktober 2019"), med
                                 # källans ord: - {{decision: 2019-10-16, body_as_given: Länsstyrelsen}}
    effective:                   # valfritt: när beslutet börjar gälla ("Reglerna gäller från 1 juli 2023"):
                                 # 2023-07-01, eller 2023-07, 2023, våren 2023 så exakt som källan
    effective_until:             # valfritt: när beslutet slutar gälla ("Beslutet gäller 1 januari – 31 december
                                 # 2021"): 2021-12-31, så exakt som källan
    effective_as_given:          # valfritt: när beslutet börjar gälla med källans ord, där den inte ger ett
                                 # datum att skriva (eller bredvid effective), t.ex. med omedelbar verkan
    effective_until_as_given:    # valfritt: när beslutet slutar gälla med källans ord, t.ex. till och med den
                                 # 19 november (året anges inte)
    reservations: []             # valfritt: reservationer som källan anger dem, t.ex. [Socialdemokraterna];
                                 # med skäl: - {{by: Sollentunapartiet, reason: eftersom …}}
    statements: []               # valfritt: särskilda yttranden, skrivs som reservations, t.ex. [Moderaterna]
    proposals_made: []           # valfritt: yrkanden på sammanträdet (inte beslutet), ett per rad, t.ex.
                                 # - {{by: Anna Andersson (S), what: bifall till motionen}}
    documents: []                # valfritt: underlag som källan nämner men som inte publiceras här, t.ex.
                                 # - {{title: tjänsteutlåtande, date: 2017-05-29, by: kommunledningskontoret}}
    not_participating: []        # valfritt: de som inte deltog i beslutet, t.ex. [Allianspartierna]; med skäl
                                 # och i handläggningen ("anmäler jäv och deltar inte i ärendets handläggning"):
                                 # - {{by: Anna Andersson (S), reason: anmäler jäv, scope: handläggningen}}
    appeals: []                  # valfritt: överklaganden som källan berättar om, ett per rad, t.ex.
                                 # - {{court: länsrätten, outcome_as_given: upphävde länsrätten beslutet
                                 #   på grund av jäv}} (date: när domstolen beslutade; earlier_as_given:
                                 #   ett tidigare beslut i ärendet, med källans ord)
    decided_later_by:            # valfritt: organet som enligt källan beslutar senare (filnamn i committees/),
                                 # "Beslut ska senare fattas i kommunfullmäktige": kommunfullmaktige;
                                 # med kind: förslag ett organ efter 'to' ("går vidare till KS och KF")
    decided_later_as_given:      # valfritt: när eller var ett senare beslut väntas, med källans ord, t.ex.
                                 # Ärendet ska tas upp igen på nämndmöte under hösten
    assignments: []              # valfritt: uppdrag som beslutet ger, ett per rad, t.ex.
                                 # - {{to: IT, what: göra en rapport, by_as_given: inför våren 2019}}
                                 # (by: 2019-06 om källan anger en tidpunkt)
    deadlines: []                # valfritt: tidpunkter som ärendet anger, t.ex. en ansökningstid ("Fram till den
                                 # 16 mars har föreningar möjlighet att söka"): - {{what: Föreningar kan söka
                                 #   bidraget, date: 2020-03-16, as_given: Fram till den 16 mars}}
    to:                          # med kind: förslag: organet som förslaget går till (filnamn i committees/)
    adopts: []                   # valfritt: överenskommelser som beslutet antar (filnamn i agreements/)
    steps: []                    # valfritt: andra steg med en överenskommelse, ett per rad, t.ex.
                                 # - {{agreement: <id>, action: föreslår, to: kommunstyrelsen}}
                                 # - {{agreement: <id>, action: antar, refers_to: <id för nämndens ärende>}}
                                 # - {{agreement: <id>, action: förlänger, end: 2025-12-31}}
                                 # - {{agreement: <id>, action: föreslår, to: kommunstyrelsen, proposes: säger upp}}
                                 # - {{agreement: <id>, action: föreslår, proposes: förlänger, end: 2026-12-31}}
                                 # - {{agreement: <id>, action: antar, condition: under förutsättning att …}}
                                 # action: föreslår, uppdrag att teckna, uppdrag att godkänna, antar, ändrar,
                                 # förlänger, säger upp eller återremitterar ("beslut om återremiss", med
                                 # kind: återremitterat);
                                 # proposes: vad förslaget gäller, bara om källan säger det; condition: villkoret
                                 # med källans ord
    agreements: []               # valfritt: överenskommelser som ärendet gäller utan att ta något steg
    concerns: []                 # valfritt: partner som ärendet gäller (filnamn i partners/)
    amount:                      # valfritt: belopp som beslutet anger, i kronor utan mellanslag, t.ex. 250000;
                                 # "högst 500 000 kr": {{kronor: 500000, ceiling: true}}, "per år": per_year: true,
                                 # "till Länsstyrelsen": to: Länsstyrelsen; flera belopp: en lista,
                                 # [{{kronor: 1000000, ceiling: true}}, 2000000];
                                 # "19,1 miljoner kronor": {{kronor: 19100000, as_given: '19,1 miljoner kronor'}};
                                 # ändamålet med källans ord: purpose: för tilläggsanslag;
                                 # öre: 7.50; avslaget belopp: nature: avslaget (äskat, ansökt, taxa, prognos,
                                 # beräknat, utfall, budget, mottaget: pengar som kommunen fick); var pengarna
                                 # tas från: financed_from: med källans ord;
                                 # "rekvirera … från Socialstyrelsen": from: Socialstyrelsen;
                                 # "minus 33,7 miljoner": kronor: -33700000 med nature: utfall;
                                 # "drygt": more_than: true; "knappt": less_than: true;
                                 # "plus indexuppräkning": plus_as_given: indexuppräkning;
                                 # "höjer bidraget med 125 000 kronor": {{kronor: 125000, change: höjning}}
    rates: []                    # valfritt: procentsatser som beslutet anger (inga belopp), en per rad, t.ex.
                                 # - {{percent: 20.0, of: skattesatsen, as_given: 20.0 procent}}
                                 # "höjning av taxan med 3 procent": - {{percent: 3, of: taxan, change: höjning}}
    refers_to:                   # valfritt: id för ett tidigare ärende som detta fortsätter utan överenskommelse
                                 # ("KS 12 mars (§ 64) föreslog kommunfullmäktige …"), i vilket organ som helst
extra: false                     # true om källan kallar sammanträdet extra ("extra möte", "extra sammanträde")
convened_by: []                  # valfritt: de som undertecknade kallelsen, en per rad (aldrig chair), t.ex.
                                 # - {{name: Elisabeth Mattsson, party: FP, role: Ordförande}}
reviewed_numbers: []             # valfritt: nummer i filen som liknar personnummer men som du har kontrollerat
---
{P}: en inledning om sammanträdet och de viktigaste besluten.

## {P}: ärendets rubrik {{#{P.replace(" ", "-")}-arendets-id}}

{P}: en sammanfattning av ärendet och vad nämnden beslutade.
""")

AGREEMENT = Template(f"""---
# En överenskommelse. Filen heter <partner>-<första år>-<sista år>.md (<partner>.md om källan inte anger någon
# period; överenskommelsens korta namn i stället för <partner> om källan inte namnger någon motpart). Ersätt
# allt som är markerat {P.lower()} och ta bort de valfria fälten du inte behöver. Kontrollera med `make check`.
title: $title
kind: {P}                        # iop, överenskommelse, ramöverenskommelse, samverkansavtal, samarbetsavtal,
                                 # avsiktsförklaring, eller anges inte om källan inte säger vilket slags avtal
kind_as_given:                   # valfritt, i stället för kind: typen med källans ord när den inte finns i listan,
                                 # t.ex. marköverlåtelseavtal
partner: $partner                # motparten: namnet på en fil i partners/ (utan .md), eller anges inte om
                                 # källan inte anger någon motpart
partners: []                     # i stället för partner vid flera motparter: [id, id, id]
${{described}}parties_described:  # i stället för partner: en grupp som källan bara beskriver, t.ex. alla idéburna
                                 # organisationer i kommunen (ta då bort partner); tillsammans med partner eller
                                 # partners: de andra parter som källan beskriver utan att namnge dem
public_party: "{P}: den offentliga parten, t.ex. Socialförvaltningen; ingen (källan: ingen är part); anges inte"
committee: $committee            # valfritt: nämnden (filnamn i committees/)
committees: []                   # i stället för committee när flera organ är parter: [kommunstyrelsen, socialnamnden]
date:                            # valfritt: datumet som står på överenskommelsen, så exakt som källan:
                                 # ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, ÅÅÅÅ eller en årstid, t.ex. våren 2016
signed:                          # valfritt: när den skrevs under, så exakt som källan (som date), t.ex. 2008;
                                 # anges inte om källan säger att den är undertecknad men inte när
signed_as_given:                 # valfritt, bredvid signed: undertecknandet med källans ord, t.ex. sent i fredags
                                 # … har nu skrivit på
signed_by: []                    # valfritt: vilka som skrev under, som källan anger dem, t.ex.
                                 # - {{name: Ann-Marie Nilsson, role: kommunstyrelsens ordförande}}
                                 # med date när källan anger vars och ens datum: date: 2023-03-02
$term
term_as_given:                   # valfritt, bara med term: anges inte: perioden med källans ord när den inte
                                 # kan dateras, t.ex. fem månader under vintern
extension_option:                # valfritt: möjlighet till förlängning med källans ord, t.ex. därefter med
                                 # möjlighet till förlängning 5 år i taget
notice_period:                   # valfritt: uppsägningstiden, t.ex. {{months: 6}} för sex månaders uppsägningstid
                                 # (days, weeks, months eller years)
notice_period_as_given:          # valfritt: uppsägningstiden med källans ord, t.ex. sex månaders uppsägningstid
deadlines: []                    # valfritt: tidpunkter som överenskommelsen anger, t.ex.
                                 # - {{what: Avtalet ska utvärderas, date: 2025-06-30}}
                                 # - {{what: Verksamhetsberättelse, as_given: senast 31 mars varje år}}
obligations: []                  # valfritt: åtaganden som överenskommelsen anger, vems och vad med källans ord, t.ex.
                                 # - {{by: exploatören, what: Erforderliga åtgärder på allmän platsmark ska
                                 #   bekostas av exploatören}}   (by: anges inte om källan inte säger vems)
conditions: []                   # valfritt: villkor som överenskommelsen anger, med källans ord, ett per rad, t.ex.
                                 # - Tillträde ska ske när bolaget uppnått en försäljningsgrad motsvarande 60 procent
review_by:                       # valfritt: översyn senast, så exakt som källan: ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM, ÅÅÅÅ
                                 # eller en årstid, t.ex. våren 2020
review_as_given:                 # valfritt, i stället för review_by: översynen med källans ord när den inte är
                                 # en tidpunkt, t.ex. efter tre år
case_number:                     # valfritt: diarienummer, t.ex. SO 2020/0155
renews:                          # valfritt: den äldre överenskommelse som denna ersätter (filnamn i agreements/)
preceded_by: []                  # valfritt: andra överenskommelser som källan säger föregick denna: [id, id]
preceded_as_given:               # valfritt: en föregångare som källan bara nämner i ord, t.ex. avtal sedan 2012
adopted_by:                      # valfritt: antagandebeslut vars möte inte är publicerat: "2017-08-23 §§ 154, 155",
                                 # eller bara månaden eller året som källan anger: "2021-03 § 45", "2021"
cited_steps: []                  # valfritt: andra beslut vars möte inte är publicerat, som källan anger dem, t.ex.
                                 # - {{action: antar, decision: "2024-06-12 § 120", body: kommunfullmaktige}}
                                 # body bara om källan anger organet; action som under steps i ett ärende;
                                 # anger källan bara organet ("har godkänts av kommunstyrelsen"):
                                 # - {{action: antar, decision: anges inte, body: kommunstyrelsen}}
                                 # bara paragrafen, inget datum: decision: "§ 68" med body
                                 # ett förslag från en förvaltning (inget organ): by med källans ord i stället
                                 # för body: - {{action: föreslår, decision: anges inte, by: Kulturförvaltningen,
                                 #   to: kulturnamnden}}; "föreslår att exploateringsnämnden bemyndigas
                                 # godkänna avtalet": proposes: uppdrag att godkänna. Steg utan datum visas för
                                 # sig, utan ordning ("Steg utan datum i källan"). Går kommunen in i ett
                                 # samarbete som finns: action: ansluter sig; säger källan inte vad som
                                 # beslutades: action: anges inte (med body eller ett datum). Ett beslut som
                                 # källan aviserar men som inte är fattat ("Beslut tas i kommunstyrelsen den 7
                                 # november"): announced: true, decision: det aviserade datumet ("2017-11-07"
                                 # eller "2017-11"), body och action: vad som ska beslutas
stage:                           # valfritt: utkast om källan säger att överenskommelsen är framtagen men inte
                                 # ingången (ta bort raden när den antas eller skrivs under)
stated_status:                   # valfritt: status som källan anger på sitt eget datum, t.ex.
                                 # {{status: pågående, date: 2023-05}} (date: källans datum, t.ex. publiceringsdatum,
                                 # eller date: anges inte för en sida utan datum)
$funding
contacts:                        # kontaktpersoner; ta bort listan (skriv contacts: []) om det inte finns några
  - name: "{P}: förnamn efternamn"
    role:                        # valfritt: t.ex. Utvecklingschef
    function:                    # i stället för name och role när kontakten är en funktion, t.ex. kommunens växel
    organisation:                # valfritt: t.ex. Socialförvaltningen
    email:                       # valfritt: e-postadress
    phone:                       # valfritt: telefonnummer som källan skriver det, t.ex. "0498-26 90 00"
persons: []                      # valfritt: personer som källan nämner om överenskommelsen i en roll, t.ex.
                                 # - {{name: Mikael Persson, role: "citeras, kommunstyrelsens ordförande"}}
partial:                         # valfritt: om filen bara bygger på en del av källan, med egna ord, t.ex. Källan
                                 # är ett utdrag som slutar mitt i en mening
text:                            # valfritt, bara ett värde: skriv 'beskrivning' om texten nedan bara beskriver
                                 # överenskommelsen (t.ex. en webbsida om den); lämna tomt om det är dess egen text
source:                          # valfritt: varifrån uppgifterna kommer, om texten nedan inte är överenskommelsens egen
source_url:                      # valfritt: källans adress (överenskommelsens pdf, sammanfattningen), https://…;
                                 # flera på var sin rad efter source_url:, varje rad "  - https://…"
reviewed_numbers: []             # valfritt: nummer i filen som liknar personnummer men som du har kontrollerat
---
{P}: överenskommelsens text, med ## rubriker (t.ex. ## Bakgrund, ## Ekonomi).
""")

TERM = Template(f"""\
term:                            # perioden så exakt som källan anger den: datum, år och månad, eller årtal;
                                 # skriv term: anges inte om källan saknar period; anger den bara slutet
                                 # ("fram till 2023"), ta bort start: term: {{end: 2023}}
  start: {P}                      # t.ex. $first-01-01, $first-03 (mars $first), eller $first
  end: {P}                        # t.ex. $last-12-31, $last-08 (augusti $last), eller $last, eller tills vidare;
                                 # anges inte om källan anger starten men inget om slutet""")

NO_TERM = "term: anges inte                 # källan anger ingen period; anger den en: term: {start: …, end: …}"
NO_FUNDING = """funding: []                      # finansiering per kalenderår, om källan anger någon, t.ex.
                                 # - {year: 2024, amount: 250000}
                                 # "1,3 mnkr årligen i tre år" utan angivna år:
                                 # - {year: anges inte, years: 3, amount: {kronor: 1300000, per_year: true}}
                                 # "med 195 miljoner kronor", utan år och antal år:
                                 # - {year: anges inte, amount: 195000000}
                                 # "ca 1,5 miljoner kronor om året", utan år och antal år:
                                 # - {year: anges inte, amount: {kronor: 1500000, per_year: true, approximate: true}}
                                 # "ger varje år … medel", utan belopp:
                                 # - {year: anges inte, amount: anges inte, per_year: true}
                                 # partnerns egen insats: funder: med partnerns namn"""

FUNDING_ROW = Template("""  - year: $year
    amount: $P                   # t.ex. 250000, eller {kronor: 500000, ceiling: true} för "högst 500 000 kr";
                                 # skriv amount: om bara priskompensation anges
    price_compensation: false    # true om beloppet räknas upp med priskompensation
    note:                        # valfritt: t.ex. "samt fritt nyttjande av lokal"
    funder:                      # valfritt: vem som betalar, om källan anger någon annan än den offentliga parten
                                 # (även partnern själv: "Stadsmissionen går in med 733 400 kronor per år")""")

PARTNER = Template(f"""---
# En partner: en organisation, beskriven en gång. Överenskommelser hänvisar till filens namn.
name: $name  # organisationens namn som det ska stå på webbplatsen
kind: {P}                        # $hint idéburen organisation, företag, kommunalt bolag, offentlig aktör,
                                 # förvaltning: bara det källan säger, inte det du vet om organisationen; säger
                                 # källan inte vad det är för organisation, skriv anges inte
kind_as_given:                   # valfritt, i stället för kind: slaget med källans ord när det inte finns i listan,
                                 # t.ex. ekonomisk förening
organisation_number:             # valfritt: NNNNNN-NNNN (tredje siffran är 2 eller högre)
address:                         # valfritt: gatuadress, postnummer och ort
website:                         # valfritt: https://…
source:                          # valfritt: varifrån uppgifterna om organisationen kommer, med ord
source_url:                      # valfritt: källans adress, https://…
reviewed_numbers: []             # valfritt: nummer i filen som liknar personnummer men som du har kontrollerat
---
{P}: en kort beskrivning av organisationen.
""")


COMMITTEE = Template(f"""---
# En nämnd (eller styrelse, fullmäktige …) vars sammanträden webbplatsen publicerar. Sammanträden och
# överenskommelser hänvisar till filens namn. Kontrollera med `make check`.
name: $name  # nämndens namn som det ska stå på webbplatsen
kind: {P}                        # $hint nämnd, styrelse, kommunfullmäktige, kommunstyrelse, utskott, beredning;
                                 # anges inte om källan inte säger vad det är för organ
municipality:                    # valfritt: bara för ett organ i en annan kommun, t.ex. Härryda kommun
continues:                       # valfritt: den nämnd vars arbete denna tar över (filnamn i committees/);
                                 # slogs flera ihop till denna: en lista, [namnd-a, namnd-b]
since:                           # valfritt: när den tog över, ÅÅÅÅ-MM-DD (kräver continues)
part_of:                         # valfritt: organet detta är en del av, t.ex. kommunstyrelsen för dess
                                 # arbetsutskott (filnamn i committees/)
documents_url:                   # valfritt: var sammanträdeshandlingarna publiceras, https://…
members_url:                     # valfritt: var ledamöter och kommande sammanträden visas, https://…
planned_meetings: []             # valfritt: planerade sammanträden, t.ex. [{{date: 2025-02-12, start: "13:00"}}];
                                 # det planen skriver vid datumet i note: {{date: 2024-04-25, note: årsredovisning}}
                                 # datum från en annan källa än planen i source, med ord efter "Enligt":
                                 # {{date: 2025-08-20, source: kallelsen till sammanträdet}}
usual_start:                     # valfritt: när sammanträdena brukar börja ("i regel kl. 9.00"), t.ex. "09:00";
                                 # blir aldrig ett enskilt sammanträdes starttid
usual_end:                       # valfritt: när sammanträdena brukar sluta ("klockan 9.30 - 17"), t.ex. "17:00"
usual_place:                     # valfritt: var sammanträdena brukar hållas, med källans ord, t.ex. Stadshusets
                                 # fullmäktigesal på Storgatan 43 (blir aldrig ett enskilt sammanträdes plats)
schedule_as_given:               # valfritt: sammanträdesdagar med källans ord, t.ex. utan år: |
                                 #   Sammanträdesdagar: 31 januari … 12 december (blir aldrig planerade möten)
members: []                      # valfritt: ledamöterna som källan listar dem, t.ex. [{{name: Anna Andersson,
                                 # role: ordförande, party: S}}]; nominated_by: organisationen som nominerat
members_as_of:                   # valfritt: dagen listan gäller enligt källan, ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ
secretary:                       # valfritt: organets sekreterare som källan anger hen, bara namnet, t.ex.
                                 # Ingela Persson ("Nämndsekreterare Ingela Persson"; aldrig under members)
seats:                           # valfritt: storleken som källan anger den, t.ex. {{members: 79, substitutes: 41,
                                 # as_given: 79 ordinarie ledamöter och 41 ersättare från nio partier}}; skriv
                                 # bara de tal källan anger (räknas aldrig fram ur members); mandat per parti:
                                 # by_party: [{{party: Socialdemokraterna, seats: 22}}] (summeras aldrig)
public_as_given:                 # valfritt: vad källan säger om allmänheten vid sammanträdena, med dess ord, t.ex.
                                 # Allmänhetens frågestund hålls före varje sammanträde (gäller inget enskilt möte)
source:                          # valfritt: varifrån uppgifterna om nämnden kommer, med ord
source_url:                      # valfritt: källans adress, https://…
reviewed_numbers: []             # valfritt: nummer i filen som liknar personnummer men som du har kontrollerat
---
{P}: nämndens uppdrag i några meningar, som källan anger det (anger ingen källa uppdraget: ta bort raden,
så visas inget avsnitt om uppdraget).
""")

REPORT = Template(f"""---
# En tjänsteskrivelse. Filen heter som diarienumret (SO 2021/0001 blir so-2021-0001.md).
# Ersätt allt som är markerat {P.lower()}. Kontrollera med `make check`.
case_number: $case_number        # diarienumret
date: $date                      # skrivelsens datum, ÅÅÅÅ-MM-DD
title: "{P}: skrivelsens rubrik"
committee: $committee            # valfritt: nämnden skrivelsen går till (filnamn i committees/), bara om
                                 # källan anger den; annars tom
cited_decisions: []              # valfritt: beslut som skrivelsen hänvisar till, ett per rad, t.ex.
                                 # - {{decision: "2014-03-31 § 76", body: kommunfullmaktige}}
                                 # bara organet och källans namn på beslutet ("det av kommunstyrelsen beslutade
                                 # trygghetspaketet"): - {{decision: anges inte, body: kommunstyrelsen,
                                 #   name: trygghetspaketet}}
                                 # ett organ utanför kommunen, med källans ord: - {{decision: 2019-10-16,
                                 #   body_as_given: Länsstyrelsen}}
source:                          # valfritt: varifrån skrivelsen kommer, med ord
source_url:                      # valfritt: källans adress, https://…
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


def new_meeting(root: Path, date: str, committee: str = "", words: str = "", decided_as: str = "") -> Path:
    """Write decisions/<date>-<committee>.md; return its path. DATE="anges inte" (the source gives no date) writes
    decisions/datum-anges-inte-<committee>-<WORDS>.md, asking for the source's words in `date_as_given` (or the
    line removed where it has none). COMMITTEE="anges inte" (the source names no body) writes
    decisions/<date>-organ-anges-inte.md, asking for the source's words in `body_as_given`. DECIDED_AS (a decision
    outside a meeting) writes <date>-<committee>-<WORDS>.md with `decided_as` and without a meeting's lines; WORDS
    names only such a file or an undated one, and is refused beside a dated meeting (it would not be used)."""
    if decided_as.strip():
        return _outside_decision(root, date, committee, words, decided_as)
    if words.strip() and date.strip() != NOT_STATED:
        raise ScaffoldError(f"WORDS används bara för en fil utan datum (DATE=\"{NOT_STATED}\") eller för ett beslut "
                            "utanför sammanträde (DECIDED_AS=…); ett sammanträde med datum heter "
                            "<datum>-<nämnd>.md: ta bort WORDS")
    return _write(*_meeting_file(root, date, committee, words))


def _meeting_file(root: Path, date: str, committee: str, words: str) -> tuple[Path, str]:
    """A meeting's file and its text (new_meeting), not yet written."""
    committee = committee or default_committee(root)
    if committee.strip() == NOT_STATED:
        return _bodiless_meeting(root, date, words)
    if date.strip() == NOT_STATED:
        return _undated_meeting(root, committee, words)
    # a meeting known to the month (DATE=2020-11) or the year (DATE=2017)
    day = dates.month_of(date) or dates.year_of(date) or _date(date)
    title = f"{P}: rubriken som källan ger, t.ex. {_committee(root, committee)} – beslut " \
            f"{dates.month_year(dates.first_day(day)) if isinstance(day, dt.date | dates.Month) else day}"
    text = MEETING.substitute(committee=committee, date=day.isoformat(), title=_quoted(title))
    return root / kinds.MEETING.folder / f"{day.isoformat()}-{committee}.md", text


def _bodiless_meeting(root: Path, date: str, words: str) -> tuple[Path, str]:
    """A meeting whose source names no body: 'committee: anges inte', the source's words asked for in
    `body_as_given`; filed as <date>-organ-anges-inte.md (datum-anges-inte-organ-anges-inte-<WORDS>.md undated)."""
    if date.strip() == NOT_STATED:
        text = _undated_text(root, NO_BODY_KEY, words)
        name = f"{UNDATED_PREFIX}{NO_BODY_KEY}-{_id(words, 'WORDS')}"
    else:
        day = dates.month_of(date) or dates.year_of(date) or _date(date)
        title = (f"{P}: rubriken som källan ger, eller anges inte (rubriken blir då Sammanträde, organ anges inte och "
                 "datum)")
        text = MEETING.substitute(committee=NO_BODY_KEY, date=day.isoformat(), title=_quoted(title))
        name = f"{day.isoformat()}-{NO_BODY_KEY}"
    given = _quoted(f"{P}: källans ord om vem som beslutade, t.ex. Nyköpings kommun eller kommunen; ta bort raden om "
                    "källan inte säger något om det")
    text = text.replace(f"\ncommittee: {NO_BODY_KEY}", f"\ncommittee: {NOT_STATED}", 1).replace(
        "\nbody_as_given:", f"\nbody_as_given: {given}", 1)
    return root / kinds.MEETING.folder / f"{name}.md", text


OUTSIDE_HEAD = ("# Ett beslut som inte fattades vid ett sammanträde (delegationsbeslut, ordförandebeslut …). Filen "
                "heter\n# <datum>-<nämnd>-<ord>.md (datum-anges-inte-<nämnd>-<ord>.md utan datum).")
"""The first lines of a decision outside a meeting's file, in place of the meeting's."""


def _outside_decision(root: Path, date: str, committee: str, words: str, decided_as: str) -> Path:
    """A decision taken outside a meeting (DECIDED_AS): a meeting's file made into one, `decided_as` filled in and
    the lines it refuses (model.OUTSIDE_REFUSED, OUTSIDE_MATTER_REFUSED) left out, named by the editor's WORDS."""
    how = next((d for d in DecidedAs if d.value == decided_as.strip()), None)
    if how is None:
        listed = ", ".join(f'DECIDED_AS="{d.value}"' if " " in d.value else f"DECIDED_AS={d.value}" for d in DecidedAs)
        raise ScaffoldError(f"DECIDED_AS={_shown(decided_as)} är inget av sätten ett beslut fattas utanför ett "
                            f"sammanträde; skriv {listed}")
    if not words.strip():
        raise ScaffoldError("DECIDED_AS kräver WORDS=… med några ord som skiljer beslutet från andra samma dag, t.ex. "
                            "WORDS=bidrag-musikforening; filen heter då <datum>-<nämnd>-bidrag-musikforening.md")
    undated = date.strip() == NOT_STATED
    path, text = _meeting_file(root, date, committee, words if undated else "")
    _, _, rest = text.partition("\n# Ersätt")
    text = "\n".join(["---", OUTSIDE_HEAD, f"# Ersätt{rest}"]).replace("# sammanträdets datum", "# beslutets datum", 1)
    title = _quoted(f"{P}: rubriken som källan ger, eller anges inte (rubriken blir då {how.label}, nämnd och datum)")
    text = re.sub(r'^title: ".*?" ', lambda _: f"title: {title} ", text, count=1, flags=re.MULTILINE)
    text = _without(_without(text, OUTSIDE_REFUSED, ""), OUTSIDE_MATTER_REFUSED, "    ")
    text = re.sub(r"^decided_as: .*(\n +#.*)*", f"decided_as: {how.value}  # hur beslutet fattades enligt källan",
                  text, count=1, flags=re.MULTILINE)
    stem = path.stem if undated else f"{path.stem}-{_id(words, 'WORDS')}"
    return _write(path.with_name(f"{stem}.md"), text)


def _without(text: str, fields: Mapping[str, str], indent: str) -> str:
    """The scaffold's text without the lines of `fields` at `indent` (each with its comment's continued lines)."""
    out: list[str] = []
    dropping = False
    for line in text.split("\n"):
        if dropping and re.match(r" +#", line):
            continue
        key = re.match(rf"{indent}(\w+):", line)
        dropping = bool(key and key[1] in fields and not line.startswith(f"{indent} "))
        if not dropping:
            out.append(line)
    return "\n".join(out)


def new_agreement(root: Path, partner: str, years: str = "", committee: str = "", name: str = "") -> list[Path]:
    """Write agreements/<partner>-<first>-<last>.md, or <partner>.md when the source states no period (YEARS not
    given), and partners/<partner>.md if it is new; without a partner, the agreement named from `name` with no
    counterparty stated (never a partner file for a group the source only describes); return the paths."""
    committee = _optional_committee(root, committee)
    span = _years(years) if years.strip() else None
    if not partner.strip():
        return [_unnamed_agreement(root, name, span, committee)]
    partners = _names(root, kinds.PARTNER.folder)
    by_name = {normalised_name(n): pid for pid, n in partners.items()}
    pid = next((p for p in (partner, by_name.get(normalised_name(partner)), slug(partner)) if p in partners), None)
    written = []
    if pid is None:
        pid = _id(partner, "PARTNER")
        if partner == pid:
            raise ScaffoldError(f"det finns ingen partner '{partner}'; skriv PARTNER=\"Organisationens namn\" för en "
                                f"ny partner eller ett av: {', '.join(sorted(partners))}")
        written.append(_write(root / kinds.PARTNER.folder / f"{pid}.md", _partner(partner)))
    name = partners.get(pid, partner)
    title = f"{P}: överenskommelsens rubrik som källan ger den, eller anges inte (rubriken blir då slaget, " \
            f"motparten och perioden, t.ex. Överenskommelse med {name})"
    text = AGREEMENT.substitute(title=_quoted(title), partner=pid, committee=committee, P=P, described="",
                                **_term_lines(span))
    return [*written, _write(root / kinds.AGREEMENT.folder / f"{_agreement_id(root, pid, span)}.md", text)]


def _unnamed_agreement(root: Path, name: str, span: tuple[int, int] | None, committee: str) -> Path:
    """agreements/<slug of name>[-years].md with `partner: anges inte` and `parties_described` commented out, for
    the editor to state a described group instead where the source gives one."""
    if not name.strip():
        raise ScaffoldError("skriv PARTNER=\"…\" (motpartens namn eller id), eller NAME=\"…\" (överenskommelsens "
                            "korta namn) om källan inte namnger någon motpart")
    aid = _id(name, "NAME")
    title = f"{P}: överenskommelsens rubrik som källan ger den, t.ex. {name.strip()}, eller anges inte (rubriken " \
            f"blir då slaget och motparten som källan anger dem)"
    text = AGREEMENT.substitute(title=_quoted(title), partner=NOT_STATED, committee=committee, P=P, described="# ",
                                **_term_lines(span))
    return _write(root / kinds.AGREEMENT.folder / f"{_agreement_id(root, aid, span)}.md", text)


def _term_lines(span: tuple[int, int] | None) -> dict[str, str]:
    """The term and funding lines: to fill in for the years given, or a period the source does not state."""
    if span is None:
        return {"term": NO_TERM, "funding": NO_FUNDING}
    first, last = span
    rows = "\n".join(FUNDING_ROW.substitute(year=y, P=P) for y in range(first, last + 1))
    return {"term": TERM.substitute(first=first, last=last),
            "funding": f"funding:                         # finansiering per kalenderår inom perioden; belopp i "
                       f"kronor utan mellanslag\n{rows}"}


def _agreement_id(root: Path, pid: str, span: tuple[int, int] | None) -> str:
    """'<partner>-2024-2026', '<partner>-2022' (one calendar year), or '<partner>' with no period (then
    '<partner>-2', '-3' … beside an earlier one: a file is never overwritten)."""
    if span is not None:
        return f"{pid}-{span[0]}-{span[1]}" if span[1] != span[0] else f"{pid}-{span[0]}"
    taken = {p.stem for p in (root / kinds.AGREEMENT.folder).glob(f"{pid}*.md")}
    return next(c for n in range(1, len(taken) + 2) if (c := pid if n == 1 else f"{pid}-{n}") not in taken)


def _partner(name: str) -> str:
    return PARTNER.substitute(name=_quoted(name), hint=_hint(suggested_partner_kind(name)))


def _hint(kind: StrEnum | None) -> str:
    """A kind the name suggests, for the editor to confirm against the source (never written as the value)."""
    return f"namnet tyder på: {kind.value}; annars" if kind else "en av:"


def new_partner(root: Path, name: str) -> Path:
    """Write partners/<slug of name>.md; return its path."""
    pid = _id(name, "NAME")
    return _write(root / kinds.PARTNER.folder / f"{pid}.md", _partner(name))


def new_committee(root: Path, name: str) -> Path:
    """Write committees/<slug of name>.md; return its path."""
    cid = _id(name, "NAME")
    text = COMMITTEE.substitute(name=_quoted(name), hint=_hint(suggested_body_kind(name)))
    return _write(root / kinds.COMMITTEE.folder / f"{cid}.md", text)


def new_report(root: Path, case_number: str, date: str = "", committee: str = "") -> Path:
    """Write reports/<slug of case number>.md; return its path. Without COMMITTEE (or COMMITTEE="anges inte") the
    `committee` line is left empty: a report's body is optional and the source may not name it, so none is filled in,
    not even the site's only body."""
    committee = "" if committee.strip() in ("", NOT_STATED) else _optional_committee(root, committee)
    if not re.match(patterns.CASE_NUMBER, number := case_number.strip()) or len(number) > patterns.CASE_NUMBER_LENGTH:
        raise ScaffoldError(f"CASE={_shown(case_number)} är inget diarienummer; skriv det som kommunen skriver det, "
                            f"t.ex. CASE=\"SO 2021/0001\"")
    try:
        day = _date(date) if date else dates.build_date()
    except ContentError as err:
        raise ScaffoldError(err.problems[0].message) from None
    text = REPORT.substitute(case_number=case_number.strip(), date=day.isoformat(), committee=committee)
    return _write(root / kinds.REPORT.folder / f"{slug(case_number)}.md", text)


def _optional_committee(root: Path, committee: str) -> str:
    """The body of a file that need not name one (an agreement, a report): the one given (it must exist), else the
    site's only one, else '' (on a site of several bodies the line is left for the editor to fill in or not)."""
    committee = committee or default_committee(root)
    if committee:
        _committee(root, committee)
    return committee


def default_committee(root: Path) -> str:
    """The body a file is for when COMMITTEE is not given: the site's only one; on a site of several, none (the
    editor names it: a file never goes to a body by default)."""
    ids = list(_names(root, kinds.COMMITTEE.folder))
    return ids[0] if len(ids) == 1 else ""


def _undated_meeting(root: Path, committee: str, words: str) -> tuple[Path, str]:
    """A meeting whose source gives no date: the file named by the editor's WORDS, the source's words asked for."""
    text = _undated_text(root, committee, words)
    name = f"{UNDATED_PREFIX}{committee}-{_id(words, 'WORDS')}"
    return root / kinds.MEETING.folder / f"{name}.md", text


def _undated_text(root: Path, committee: str, words: str) -> str:
    """An undated meeting's file text (also for one whose source names no body either, `NO_BODY_KEY`)."""
    if not words.strip():
        raise ScaffoldError(f"DATE=\"{NOT_STATED}\" kräver WORDS=… med några ord som skiljer filen från andra, t.ex. "
                            f"WORDS=12-september; filen heter då {UNDATED_PREFIX}{committee}-12-september.md")
    if committee == NO_BODY_KEY:  # no body to name an example after ("Beslut – beslut"): what the title becomes
        title = f"{P}: rubriken som källan ger, eller anges inte (rubriken blir då Sammanträde, organ anges inte, " \
                f"datum {NOT_STATED})"
    else:
        title = f"{P}: rubriken som källan ger, t.ex. {_committee(root, committee)} – beslut, eller anges inte"
    text = MEETING.substitute(committee=committee, date=NOT_STATED, title=_quoted(title))
    given = _quoted(f"{P}: källans ord om datumet, bara dem, t.ex. den 12 september; ta bort raden om "
                    "källan inte säger något om datumet")
    return text.replace("\ndate_as_given:", f"\ndate_as_given: {given}", 1)


def _id(name: str, variable: str) -> str:
    """The id a name gives, refused unless it makes a safe file name: a–z, digits and hyphens, MAX_ID at most."""
    if char := messages.INVISIBLE.search(name):
        raise ScaffoldError(f"{variable}: {messages.invisible(char[0])}")
    pid = slug(name)
    if not pid:
        raise ScaffoldError(f"{variable}={_shown(name)} ger inget filnamn: namnet behöver minst en bokstav a–z eller "
                            f"en siffra (å, ä och ö blir a, a och o); skriv t.ex. {variable}=\"Föreningen Ny Start\"")
    if len(pid) > MAX_ID:
        raise ScaffoldError(f"{variable}: filnamnet blir {len(pid)} tecken långt, högst {MAX_ID} går; skriv en "
                            "kortare form av namnet (det fullständiga namnet kan du sedan skriva i filen)")
    return pid


def _date(date: str) -> dt.date:
    day = dates.plain_date(date)
    if day is None:
        raise ScaffoldError(f"DATE={_shown(date)} är inget datum; skriv DATE=ÅÅÅÅ-MM-DD (eller DATE=ÅÅÅÅ-MM eller "
                            "DATE=ÅÅÅÅ för ett sammanträde som källan bara anger månaden eller året för)")
    return day


def _committee(root: Path, committee: str) -> str:
    """The name of an existing committee (its id is the file name the scaffold writes into)."""
    names = _names(root, kinds.COMMITTEE.folder)
    name = names.get(committee)
    if name is None:
        which = (f"det finns ingen nämnd {_shown(committee)} i committees/" if committee
                 else "COMMITTEE saknas" + (": webbplatsen har flera nämnder" if names else ""))
        known = ", ".join(sorted(names)) or "inga"
        raise ScaffoldError(f"{which}; skriv COMMITTEE=<filnamn utan .md>, en av: {known}, eller lägg till nämnden "
                            "med make new-committee NAME=\"Nämndens namn\"")
    return name


def _years(years: str) -> tuple[int, int]:
    if not years.strip():
        raise ScaffoldError("YEARS saknas: skriv överenskommelsens första och sista år, t.ex. YEARS=2024-2026 "
                            "(filen får dem i sitt namn, så de måste stämma med perioden)")
    match = re.fullmatch(r"\s*([0-9]{4})\s*(?:[-–]\s*([0-9]{4})\s*)?", years)  # one year alone: YEARS=2022
    if not match or not int(match[1]) <= int(match[2] or match[1]) <= int(match[1]) + 10:
        raise ScaffoldError(f"YEARS={_shown(years)} ska vara första och sista år, t.ex. YEARS=2024-2026 (eller ett "
                            "år, YEARS=2022, om perioden ligger inom ett kalenderår)")
    return int(match[1]), int(match[2] or match[1])


def _shown(value: str) -> str:
    """A value as a message quotes it: on one line, whatever it holds, and not endlessly long."""
    return repr(value if len(value) <= 60 else value[:60] + "…")


def _quoted(text: str) -> str:
    """Text as a YAML string on one line (JSON's quoting is YAML's): quotes and backslashes stay text."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


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


REQUIRED = {"meeting": ("DATE", "DATE=ÅÅÅÅ-MM-DD"), "partner": ("NAME", 'NAME="Föreningen Ny Start"'),
            "committee": ("NAME", 'NAME="Kulturnämnden"'), "report": ("CASE", 'CASE="SO 2024/0012"'),
            "agreement": ("PARTNER", 'PARTNER="Föreningen Ny Start" YEARS=ÅÅÅÅ-ÅÅÅÅ (eller NAME="…" om källan '
                          "inte namnger någon motpart)")}
"""Each `make new-*`'s required variable, and the command written out with it, for an editor who left it out."""


def _missing(kind: str, env: Mapping[str, str]) -> str:
    """'' when `kind`'s required variable is given; else one line saying what to write (an agreement: PARTNER or
    NAME)."""
    if kind not in REQUIRED:
        return ""
    variable, example = REQUIRED[kind]
    given = env.get(variable, "").strip() or (kind == "agreement" and env.get("NAME", "").strip())
    return "" if given else f"{variable} saknas; skriv t.ex. make new-{kind} {example}"


def main(argv: list[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    """`namndbeslut-scaffold KIND`: the values in the environment, as `make new-*` exports them."""
    kind = "".join((sys.argv[1:] if argv is None else argv)[:1])
    env = os.environ if environ is None else environ
    value = env.get
    committee = value("COMMITTEE", "")
    makers: dict[str, Callable[[Path], list[Path]]] = {
        "meeting": lambda root: [new_meeting(root, value("DATE", ""), committee, value("WORDS", ""),
                                             value("DECIDED_AS", ""))],
        "agreement": lambda root: new_agreement(root, value("PARTNER", ""), value("YEARS", ""), committee,
                                                value("NAME", "")),
        "partner": lambda root: [new_partner(root, value("NAME", ""))],
        "committee": lambda root: [new_committee(root, value("NAME", ""))],
        "report": lambda root: [new_report(root, value("CASE", ""), value("DATE", ""), committee)],
    }
    try:
        if missing := _missing(kind, env):
            raise ScaffoldError(missing)
        if kind not in makers:
            raise ScaffoldError("skriv make new-meeting DATE=ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM eller ÅÅÅÅ, eller DATE=\"anges "
                                "inte\" WORDS=…) [COMMITTEE=…] [DECIDED_AS=delegationsbeslut WORDS=…], "
                                "make new-agreement PARTNER=\"…\" (eller NAME=\"…\") YEARS=ÅÅÅÅ-ÅÅÅÅ, "
                                "make new-partner NAME=\"…\", "
                                "make new-committee NAME=\"…\" eller make new-report CASE=\"SO ÅÅÅÅ/NNNN\"")
        paths = makers[kind](Path.cwd())
    except ScaffoldError as err:
        print(f"Kunde inte skapa filen: {err}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"Skapade {path.relative_to(Path.cwd())}: fyll i det som är markerat {P} och kör make check.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
