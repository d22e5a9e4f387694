"""Rules that once lived twice, now one piece each: the table of people, 'enligt källan', a person's label, where
an undated meeting sorts (fix2).

The pages that read them are built in test_meetings6 and test_bodies; here each rule is read through every record
that uses it, so that the two uses cannot drift apart again.
"""

from __future__ import annotations

import datetime as dt

from namndbeslut.archive import Sitting
from namndbeslut.model import (
    Attendee,
    Member,
    NamedPerson,
    Person,
    Seats,
    Vote,
    according_to_source,
    as_source_says,
    beside_source_words,
    columns_of,
    sort_day,
    source_says,
    undated_last,
)


def test_one_table_of_people_for_members_and_those_present() -> None:
    members = [Member(name="Ann", party="S"), Member(name="Bo", role="ordförande")]
    present = [Attendee(name="Ann", party="S"), Attendee(name="Bo", role="ordförande")]
    assert columns_of(members) == columns_of(present) == [("role", "Roll", "anges inte"),
                                                          ("party", "Parti", "anges inte")]
    present.append(Attendee(name="Cia", substitute_for="Ann (S)"))
    assert columns_of(present) == [("role", "Roll", "anges inte"), ("party", "Parti", "anges inte"),
                                   ("substitute_for", "I stället för", "")]


def test_enligt_kallan_has_one_prefix_and_one_suffix_form() -> None:
    assert source_says("knappt två år") == "enligt källan: knappt två år"
    assert according_to_source("öppna") == "Enligt källan: öppna"
    assert beside_source_words("30 juni 2025", "senast 30 juni") == "30 juni 2025 (enligt källan: senast 30 juni)"
    assert as_source_says("kl. 18 (preliminärt)") == "kl. 18 (preliminärt; enligt källan)"
    assert Seats(as_given="79 ledamöter").label == according_to_source("79 ledamöter")
    vote = Vote(yes=35, no=26, as_given="Votering genomförd")
    assert vote.label == f"35 ja, 26 nej; {source_says('Votering genomförd')}"


def test_a_person_is_labelled_by_one_rule() -> None:
    member = Member(name="Lars Muregård", party="M", role="ledamot", nominated_by="PRO")
    assert member.label == "Lars Muregård (M), ledamot, nominerad av PRO"
    named = NamedPerson(name="Lars Muregård", party="M", role="ledamot", nominated_by="PRO",
                        term_as_given="intill ordinarie bolagsstämma 2023")
    assert named.label == f"{member.label}, intill ordinarie bolagsstämma 2023"
    assert Attendee(name="Anna Andersson").label == "Anna Andersson"
    assert Person(name="Ann-Marie Nilsson", role="ordförande", organisation="Göteborgs Stad").label == (
        "Ann-Marie Nilsson, ordförande (Göteborgs Stad)")
    assert Person(name="anges inte", role="ordförande").label == "namn anges inte, ordförande"


def test_undated_is_none_for_meetings_and_sittings_alike() -> None:
    assert sort_day(None) is None and sort_day(dt.date(2024, 3, 5)) == dt.date(2024, 3, 5)
    assert Sitting(None, None).sort_day is None
    assert Sitting(None, dt.date(2024, 3, 5)).sort_day == dt.date(2024, 3, 5)
    assert sorted([None, dt.date(2024, 1, 1)], key=undated_last) == [dt.date(2024, 1, 1), None]
