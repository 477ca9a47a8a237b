"""The duplicate-penalty rule (一事不再罚) on plain tickets, without the engine."""

from __future__ import annotations

from datetime import timedelta

from analyzers.duplicate_rules import duplicate_penalty
from tests.unit.test_record_rules import LAW, T0, action


def test_the_same_act_fined_twice_flags_the_later_ticket():
    first, second = action(1), action(2, at=T0 + timedelta(minutes=10))
    (flag,) = duplicate_penalty([second, first], LAW)  # in any order
    assert flag.category == "duplicate_penalty" and flag.action_ids == ["A2"]
    assert [e.action_id for e in flag.evidence] == ["A2", "A1"]
    assert "10 分钟内已由 A1 处罚" in flag.explanation and "违反规定停放" in flag.explanation


def test_a_third_ticket_is_judged_against_the_one_before_it():
    acts = [
        action(1),
        action(2, at=T0 + timedelta(minutes=90)),
        action(3, at=T0 + timedelta(hours=3)),
    ]
    assert [f.action_ids for f in duplicate_penalty(acts, LAW)] == [["A2"], ["A3"]]
    apart = [action(1), action(3, at=T0 + timedelta(hours=2, minutes=1))]
    assert duplicate_penalty(apart, LAW) == []


def test_another_act_vehicle_or_a_warning_is_no_duplicate():
    later = T0 + timedelta(minutes=10)
    assert duplicate_penalty([action(1), action(2, at=later, violation_type="seatbelt")], LAW) == []
    assert duplicate_penalty([action(1), action(2, at=later, plate="鲁R·B00001")], LAW) == []
    warned = action(2, at=later, measures={"fine_cny": 0, "warning": True})
    assert duplicate_penalty([action(1), warned], LAW) == []
    assert duplicate_penalty([action(1, plate=None), action(2, at=later, plate=None)], LAW) == []
