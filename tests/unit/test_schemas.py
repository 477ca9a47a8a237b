"""The v1 contracts: what they accept, what they reject, and the reasons they give."""

from __future__ import annotations

import json

import pytest

from jiancha.schemas import EVENT_TYPES, InvalidEvent, decode, parse_envelope, routing_key
from jiancha.schemas.flags import Flag
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript

RECORDING = {
    "recording_id": "REC-000001",
    "device_id": "BWC-0001",
    "device_type": "body_cam",
    "officer_ids": ["KA000001"],
    "squad_id": "kaifa-1",
    "started_at": "2026-04-01T08:00:00+08:00",
    "ended_at": "2026-04-01T08:05:00+08:00",
    "uploaded_at": "2026-04-01T09:00:00+08:00",
    "sha256": "0" * 64,
    "media_uri": "media/REC-000001.m4a",
}


def test_every_eval_dev_event_satisfies_its_contract(eval_dev):
    seen = set()
    for line in (eval_dev / "events.jsonl").open(encoding="utf-8"):
        env = parse_envelope(line)
        model, _topic = EVENT_TYPES[env.event_type]
        decode(model, json.dumps(env.data))
        seen.add(env.event_type)
    assert {"enforcement_action", "recording", "transcript", "policy"} <= seen


def test_unknown_optional_fields_are_kept():
    rec = decode(Recording, json.dumps({**RECORDING, "gps_track": [1, 2]}))
    assert rec.model_extra == {"gps_track": [1, 2]}
    assert json.loads(rec.to_json_bytes())["gps_track"] == [1, 2]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"device_type": "drone"}, "device_type"),
        ({"officer_ids": []}, "officer_ids"),
        ({"sha256": "xyz"}, "sha256"),
        ({"started_at": "2026-04-01T08:00:00"}, "started_at"),  # no offset
        ({"ended_at": "2026-04-01T07:00:00+08:00"}, "ended_at"),
    ],
)
def test_invalid_recordings_are_rejected_with_the_field_named(change, field):
    with pytest.raises(InvalidEvent) as err:
        decode(Recording, json.dumps({**RECORDING, **change}))
    assert field in err.value.reason
    assert "Recording" in err.value.reason


def test_broken_json_and_bad_utf8_have_chinese_reasons():
    for raw in (b'{"recording_id": ', b"\xff\xfe{"):
        with pytest.raises(InvalidEvent) as err:
            decode(Recording, raw)
        assert err.value.reason.startswith("不是合法的 JSON")


def test_segment_end_before_start_is_rejected():
    bad = {"recording_id": "R", "engine": "x", "segments": [{"start": 5, "end": 1, "text": "a"}]}
    with pytest.raises(InvalidEvent):
        decode(Transcript, json.dumps(bad))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("not json", "不是合法的 JSON"),
        ('{"data": {}}', "缺少信封字段"),
        ('{"type": "weather", "data": {}}', "未知的事件类型"),
        ('{"type": "recording", "data": [1]}', "data 必须是 JSON 对象"),
    ],
)
def test_envelope_errors(line, reason):
    with pytest.raises(InvalidEvent) as err:
        parse_envelope(line)
    assert reason in err.value.reason


def test_routing_keys_follow_the_officer():
    assert routing_key("recording", RECORDING) == "KA000001"
    assert routing_key("enforcement_action", {"officer_id": "KA1", "action_id": "A"}) == "KA1"
    assert routing_key("transcript", {"recording_id": "REC-1"}) == "REC-1"
    assert routing_key("complaint", {"complaint_id": "C-1"}) == "C-1"
    assert routing_key("recording", {}) is None


def test_flag_uses_the_contract_name_class():
    flag = Flag.model_validate(
        {
            "flag_id": "F1",
            "category": "cash_no_receipt",
            "class": "profit",
            "severity": 4,
            "officer_id": "KA1",
            "squad_id": "kaifa-1",
            "evidence": [{"recording_id": "R", "start": 1.0, "end": 2.0, "excerpt": "给现金"}],
            "explanation": "民警索要现金且未开具票据。",
            "rule_version": "1",
        }
    )
    assert json.loads(flag.to_json_bytes())["class"] == "profit"
