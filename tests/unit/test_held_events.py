"""Events an analyzer holds: compacted and shared in place, their value unchanged (issue 15)."""

from __future__ import annotations

import json

from jiancha.schemas import decode
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.held import compact, held
from jiancha.schemas.transcripts import Transcript

TICKET = {
    "action_id": "ACT-000001",
    "officer_id": "DM786908",
    "officer_role": "officer",
    "co_officer_ids": ["FJ63358"],
    "squad_id": "dongming-2",
    "occurred_at": "2026-05-01T08:00:00+08:00",
    "plate": "鲁C·E13674",
    "plate_region": "鲁C",
    "road_user": "small_car",
    "violation_type": "seatbelt",
    "measures": {"fine_cny": 100, "points": 2},
    "payment": {"method": "bank", "receipt_no": "SD8772378895"},
    "from_a_newer_producer": 1,
}
TEXT = {
    "recording_id": "REC-000053",
    "engine": "reference",
    "segments": [
        {"start": 2.0, "end": 7.2, "speaker": "officer", "text": "您好，请出示驾驶证。"},
        {"start": 8.0, "end": 10.1, "speaker": "civilian", "text": "好的。"},
    ],
}


def _ticket(**over: object) -> EnforcementAction:
    return decode(EnforcementAction, json.dumps({**TICKET, **over}, ensure_ascii=False))


def test_compact_keeps_the_value_and_the_wire_form() -> None:
    a, b = _ticket(), _ticket()
    wire = a.to_json_bytes()
    compact(a)
    assert a == b and a.to_json_bytes() == wire and hash(a.occurred_at) == hash(b.occurred_at)
    assert a.model_fields_set == b.model_fields_set
    assert a.__pydantic_extra__ == {"from_a_newer_producer": 1}  # unknown fields kept
    c = compact(_ticket(action_id="ACT-000002"))
    # shared: the set of fields given, the zone, the officer's id
    assert c.__pydantic_fields_set__ is a.__pydantic_fields_set__
    assert c.occurred_at.tzinfo is a.occurred_at.tzinfo
    assert c.officer_id is a.officer_id and c.co_officer_ids[0] is a.co_officer_ids[0]
    assert c.measures.__pydantic_fields_set__ is a.measures.__pydantic_fields_set__


def test_a_copy_of_a_compacted_event_does_not_touch_what_is_shared() -> None:
    a, b = compact(_ticket()), compact(_ticket(action_id="ACT-000003"))
    shared = set(a.__pydantic_fields_set__)
    changed = a.model_copy(update={"plate": None, "note": "x"})
    assert a.__pydantic_fields_set__ == shared == b.__pydantic_fields_set__
    assert changed.plate is None and a.plate == "鲁C·E13674"
    assert changed.__pydantic_extra__ == {"from_a_newer_producer": 1, "note": "x"}
    assert a.__pydantic_extra__ == {"from_a_newer_producer": 1}


def test_held_gives_one_object_per_equal_event() -> None:
    first = held(_ticket(), "ACT-000001")
    assert held(_ticket(), "ACT-000001") is first  # a second shard's copy of the same ticket
    changed = held(_ticket(plate="鲁R·A12345"), "ACT-000001")  # a corrected ticket: its own
    assert changed is not first and changed.plate == "鲁R·A12345" and first.plate == "鲁C·E13674"
    t1 = held(decode(Transcript, json.dumps(TEXT, ensure_ascii=False)), "REC-000053")
    t2 = held(decode(Transcript, json.dumps(TEXT, ensure_ascii=False)), "REC-000053")
    assert t2 is t1 and [s.text for s in t1.segments] == ["您好，请出示驾驶证。", "好的。"]
