"""Unit tests of the synthetic-month generator (jiancha/synthetic/month.py)."""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta
from itertools import islice
from pathlib import Path

import pytest

from jiancha.synthetic.month import VIOLATIONS, default_n_squads, generate_month, main

N = 20_000
MONTH = "2026-05"
MONTH_START = datetime.fromisoformat("2026-05-01T00:00:00+08:00")
MONTH_END = datetime.fromisoformat("2026-06-01T00:00:00+08:00")
CST = timedelta(hours=8)

TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+08:00$")
ACT_RE = re.compile(r"^ACT-\d{6,}$")
REC_RE = re.compile(r"^REC-\d{6,}$")
OFFICER_RE = re.compile(r"^(MU|KA|GA|DT|CX|SX|CW|JY|YC|JC|DM)\d{6}$")
AUX_RE = re.compile(r"^FJ\d{5,6}$")
SQUAD_RE = re.compile(r"^[a-z]+-\d+$")
DEVICE_RE = re.compile(r"^(BWC|CAR)-\d{4,6}$")
PLATE_RE = re.compile(r"^[\u4e00-\u9fff][A-Z]·[A-Z]\d{5}$")
RECEIPT_RE = re.compile(r"^SD\d{10}$")
SHA_RE = re.compile(r"^[0-9a-f]{64}$")
ROAD_USERS = {"small_car", "truck", "bus", "e_bike", "pedestrian"}

ACTION_FIELDS = {
    "action_id": str,
    "officer_id": str,
    "officer_role": str,
    "co_officer_ids": list,
    "squad_id": str,
    "occurred_at": str,
    "plate": (str, type(None)),
    "plate_region": (str, type(None)),
    "road_user": str,
    "violation_type": str,
    "measures": dict,
    "payment": (dict, type(None)),
}
MEASURE_FIELDS = {
    "fine_cny": int,
    "points": int,
    "warning": bool,
    "vehicle_detained": bool,
    "license_detained": bool,
}
RECORDING_FIELDS = {
    "recording_id": str,
    "device_id": str,
    "device_type": str,
    "officer_ids": list,
    "squad_id": str,
    "started_at": str,
    "ended_at": str,
    "uploaded_at": str,
    "sha256": str,
    "media_uri": str,
}
TRANSCRIPT_FIELDS = {"recording_id": str, "language": str, "engine": str, "segments": list}
SEGMENT_FIELDS = {"start": float, "end": float, "speaker": str, "text": str}


@pytest.fixture(scope="module")
def events() -> list[dict]:
    return list(generate_month(N, seed=7, month=MONTH))


def _by_type(events: list[dict], kind: str) -> list[dict]:
    return [e["data"] for e in events if e["type"] == kind]


def _ts(value: str) -> datetime:
    assert TS_RE.match(value), value
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None and parsed.utcoffset() == CST, value
    return parsed


def _check_fields(data: dict, fields: dict) -> None:
    for name, kind in fields.items():
        assert name in data, f"missing {name} in {data}"
        value = data[name]
        if kind is float:
            assert isinstance(value, float), (name, value)
        elif kind is int:
            assert isinstance(value, int) and not isinstance(value, bool), (name, value)
        else:
            assert isinstance(value, kind), (name, value)


# ---------- determinism, count ----------------------------------------------------------------
def test_deterministic_for_a_seed() -> None:
    first = list(generate_month(3000, seed=11, month=MONTH))
    again = list(generate_month(3000, seed=11, month=MONTH))
    assert first == again
    assert json.dumps(first, ensure_ascii=False) == json.dumps(again, ensure_ascii=False)
    assert list(generate_month(3000, seed=12, month=MONTH)) != first


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4, 5, 7, 10, 101, 999, 5000, 12_345])
def test_exactly_n_events(n: int) -> None:
    assert sum(1 for _ in generate_month(n, seed=3, month=MONTH)) == n


def test_exactly_n_events_with_fixed_roster() -> None:
    got = list(generate_month(4321, seed=5, month="2026-02", n_squads=2, officers_per_squad=6))
    assert len(got) == 4321
    squads = {e["data"]["squad_id"] for e in got if e["type"] == "enforcement_action"}
    assert squads == {"kaifa-1", "gaosu-1"}


def test_invalid_arguments() -> None:
    with pytest.raises(ValueError):
        list(generate_month(-1))
    with pytest.raises(ValueError):
        list(generate_month(10, month="May 2026"))


def test_streams_instead_of_building_a_list() -> None:
    gen = generate_month(50_000_000, seed=7, month=MONTH)  # far too many to build in memory
    assert iter(gen) is gen
    began = time.perf_counter()
    head = list(islice(gen, 2000))
    assert len(head) == 2000
    assert time.perf_counter() - began < 20


def test_roster_scales_with_the_run(events: list[dict]) -> None:
    assert default_n_squads(1_000_000) == 400  # 4,000 regular officers for a 1M-event month
    assert default_n_squads(9_000) == 4
    officers = {
        a["officer_id"]
        for a in _by_type(events, "enforcement_action")
        if a["officer_role"] == "officer"
    }
    assert 60 <= len(officers) <= default_n_squads(N) * 10


# ---------- shapes ----------------------------------------------------------------------------
def test_envelopes_and_types(events: list[dict]) -> None:
    kinds = {"policy", "enforcement_action", "recording", "transcript"}
    for env in events:
        assert set(env) == {"type", "data"}
        assert env["type"] in kinds
        assert isinstance(env["data"], dict)
    assert events[0]["type"] == "policy"
    counts = {k: len(_by_type(events, k)) for k in kinds}
    assert counts["enforcement_action"] > 0.25 * N
    assert counts["recording"] > 0.25 * N
    assert counts["transcript"] > 0.25 * N


def test_policy_shape(events: list[dict]) -> None:
    (policy,) = _by_type(events, "policy")
    assert set(policy) >= {"policy_id", "name", "valid_from", "valid_to", "scope", "effect"}
    assert MONTH_START <= _ts(policy["valid_from"]) < _ts(policy["valid_to"]) < MONTH_END
    assert policy["effect"] in {"correct_only", "no_penalty", "no_detention"}
    assert policy["scope"]["plate_region_not"] == ["鲁R"]
    assert set(policy["scope"]["violation_types"]) <= set(VIOLATIONS)


def test_enforcement_action_fields(events: list[dict]) -> None:
    actions = _by_type(events, "enforcement_action")
    for a in actions:
        _check_fields(a, ACTION_FIELDS)
        _check_fields(a["measures"], MEASURE_FIELDS)
        assert ACT_RE.match(a["action_id"])
        assert SQUAD_RE.match(a["squad_id"])
        assert a["officer_role"] in {"officer", "auxiliary"}
        assert (OFFICER_RE if a["officer_role"] == "officer" else AUX_RE).match(a["officer_id"]), a
        assert all(
            isinstance(o, str) and (OFFICER_RE.match(o) or AUX_RE.match(o))
            for o in a["co_officer_ids"]
        )
        assert a["road_user"] in ROAD_USERS
        assert a["violation_type"] in VIOLATIONS
        if a["road_user"] in ("pedestrian", "e_bike"):
            assert a["plate"] is None and a["plate_region"] is None
        else:
            assert PLATE_RE.match(a["plate"]), a["plate"]
            assert a["plate_region"] == a["plate"][:2]
        m = a["measures"]
        assert m["fine_cny"] >= 0 and m["points"] >= 0
        assert m["warning"] == (m["fine_cny"] == 0)
        if m["warning"]:
            assert a["payment"] is None and m["points"] == 0
        else:
            p = a["payment"]
            assert p is not None and set(p) == {"method", "receipt_no"}
            assert p["method"] in {"bank", "app", "cash_on_spot"}
            assert p["receipt_no"] is None or RECEIPT_RE.match(p["receipt_no"])
    ids = [a["action_id"] for a in actions]
    assert len(ids) == len(set(ids))
    regions = {a["plate_region"] for a in actions if a["plate_region"]}
    assert "鲁R" in regions and len(regions) > 5
    assert {"kaifa-1", "gaosu-1", "mudan-1", "mudan-2"} <= {a["squad_id"] for a in actions}


def test_recording_fields(events: list[dict]) -> None:
    recordings = _by_type(events, "recording")
    for r in recordings:
        _check_fields(r, RECORDING_FIELDS)
        assert REC_RE.match(r["recording_id"])
        assert DEVICE_RE.match(r["device_id"])
        assert r["device_type"] in {"body_cam", "in_car"}
        assert r["device_id"].startswith("CAR-" if r["device_type"] == "in_car" else "BWC-")
        assert r["officer_ids"] and all(isinstance(o, str) for o in r["officer_ids"])
        assert SQUAD_RE.match(r["squad_id"])
        assert SHA_RE.match(r["sha256"])
        assert r["media_uri"] == f"media/{r['recording_id']}.m4a"
    ids = [r["recording_id"] for r in recordings]
    assert len(ids) == len(set(ids))
    assert any(r["device_type"] == "in_car" and len(r["officer_ids"]) == 2 for r in recordings)


def test_transcript_fields(events: list[dict]) -> None:
    for t in _by_type(events, "transcript"):
        _check_fields(t, TRANSCRIPT_FIELDS)
        assert REC_RE.match(t["recording_id"])
        assert t["language"] == "zh" and t["engine"]
        assert t["segments"]
        previous_end = 0.0
        for seg in t["segments"]:
            _check_fields(seg, SEGMENT_FIELDS)
            assert seg["speaker"] in {"officer", "civilian", "unknown"}
            assert re.search(r"[\u4e00-\u9fff]", seg["text"]), seg["text"]
            assert previous_end <= seg["start"] < seg["end"]
            previous_end = seg["end"]
        assert any(seg["speaker"] == "officer" for seg in t["segments"])


# ---------- time ------------------------------------------------------------------------------
def test_timestamps_offset_aware_and_inside_the_month(events: list[dict]) -> None:
    for a in _by_type(events, "enforcement_action"):
        assert MONTH_START <= _ts(a["occurred_at"]) < MONTH_END
    for r in _by_type(events, "recording"):
        for name in ("started_at", "ended_at", "uploaded_at"):
            assert MONTH_START <= _ts(r[name]) < MONTH_END, (name, r)


def test_recording_times_are_ordered(events: list[dict]) -> None:
    for r in _by_type(events, "recording"):
        started, ended, uploaded = _ts(r["started_at"]), _ts(r["ended_at"]), _ts(r["uploaded_at"])
        assert uploaded >= ended >= started, r


def test_transcripts_follow_their_recordings(events: list[dict]) -> None:
    seen: set[str] = set()
    transcribed: set[str] = set()
    for env in events:
        data = env["data"]
        if env["type"] == "recording":
            seen.add(data["recording_id"])
        elif env["type"] == "transcript":
            assert data["recording_id"] in seen, data["recording_id"]
            assert data["recording_id"] not in transcribed  # one transcript per recording
            transcribed.add(data["recording_id"])


def test_arrival_order(events: list[dict]) -> None:
    """Tickets arrive at occurred_at, recordings at uploaded_at: the stream is sorted by arrival."""
    last = MONTH_START
    for env in events:
        if env["type"] == "enforcement_action":
            at = _ts(env["data"]["occurred_at"])
        elif env["type"] == "recording":
            at = _ts(env["data"]["uploaded_at"])
        else:
            continue
        assert at >= last, env
        last = at


def test_arrival_order_on_a_long_run() -> None:
    """Same check on 200k events, with string comparison (one format, one offset): fast enough."""
    last = ""
    seen: set[str] = set()
    for env in generate_month(200_000, seed=3, month=MONTH):  # seed 3 caught a sub-second bug
        data = env["data"]
        if env["type"] == "enforcement_action":
            at = data["occurred_at"]
        elif env["type"] == "recording":
            at = data["uploaded_at"]
            seen.add(data["recording_id"])
        else:
            assert env["type"] != "transcript" or data["recording_id"] in seen
            continue
        assert at >= last, (last, env)
        last = at


def test_recordings_arrive_after_the_ticket_they_cover(events: list[dict]) -> None:
    tickets = [a for a in _by_type(events, "enforcement_action")]
    by_officer: dict[str, list[dict]] = {}
    for r in _by_type(events, "recording"):
        for officer in r["officer_ids"]:
            by_officer.setdefault(officer, []).append(r)
    covered = 0
    for a in tickets:
        at = _ts(a["occurred_at"])
        for r in by_officer.get(a["officer_id"], ()):
            if _ts(r["started_at"]) <= at <= _ts(r["ended_at"]):
                covered += 1
                assert _ts(r["uploaded_at"]) - at >= timedelta(minutes=30)
                break
    assert covered > 0.97 * len(tickets)  # a few tickets have no recording on purpose


# ---------- law, patterns ---------------------------------------------------------------------
def test_catalogue_mirrors_shared_violations_json() -> None:
    path = Path(__file__).resolve().parents[3] / "shared" / "data" / "violations.json"
    if not path.exists():
        pytest.skip(f"{path} not present")
    types = json.loads(path.read_text(encoding="utf-8"))["types"]
    assert set(types) == set(VIOLATIONS)
    for name, spec in types.items():
        _, article, lo, hi, points, veh, lic = VIOLATIONS[name]
        assert (article, lo, hi, points, veh, lic) == (
            spec["article"],
            spec["fine"][0],
            spec["fine"][1],
            spec["points"],
            spec["vehicle_detention"],
            spec["license_detention"],
        )


def test_measures_mostly_lawful_with_some_problems(events: list[dict]) -> None:
    actions = _by_type(events, "enforcement_action")
    fines = [a for a in actions if a["measures"]["fine_cny"] > 0]
    out_of_range = [
        a
        for a in fines
        if not VIOLATIONS[a["violation_type"]][2]
        <= a["measures"]["fine_cny"]
        <= VIOLATIONS[a["violation_type"]][3]
    ]
    detained_unlawfully = [
        a
        for a in actions
        if (a["measures"]["vehicle_detained"] and not VIOLATIONS[a["violation_type"]][5])
        or (a["measures"]["license_detained"] and not VIOLATIONS[a["violation_type"]][6])
    ]
    cash_no_receipt = [
        a
        for a in actions
        if a["payment"]
        and a["payment"]["method"] == "cash_on_spot"
        and not a["payment"]["receipt_no"]
    ]
    aux_alone = [a for a in actions if a["officer_role"] == "auxiliary" and not a["co_officer_ids"]]
    late = [
        r
        for r in _by_type(events, "recording")
        if _ts(r["uploaded_at"]) - _ts(r["ended_at"]) > timedelta(hours=24)
    ]
    for problems in (out_of_range, detained_unlawfully, cash_no_receipt, aux_alone, late):
        assert 0 < len(problems) < 0.02 * len(actions)
    lawful_detentions = [
        a
        for a in actions
        if a["measures"]["license_detained"] and a["violation_type"] == "dui_drink"
    ]
    assert lawful_detentions  # near misses too
    assert 0.05 < sum(a["measures"]["warning"] for a in actions) / len(actions) < 0.3


def test_speech_has_lawful_procedure_and_varied_problem_wording(events: list[dict]) -> None:
    texts = [
        s["text"]
        for t in _by_type(events, "transcript")
        for s in t["segments"]
        if s["speaker"] == "officer"
    ]
    assert sum("陈述" in x or "申辩" in x for x in texts) > 0.15 * len(texts)
    cash = {
        x
        for x in texts
        if re.search(r"(现金|微信|支付宝|转我|私了)", x)
        and re.search(r"(不开|就算了|没看见|不用开票|不写|走吧)", x)
    }
    threats = {
        x
        for x in texts
        if x.startswith(("信不信", "你等着", "再废话", "再啰嗦", "惹毛了", "你再顶嘴"))
    }
    assert (
        len(cash) >= 5 and len(threats) >= 5
    )  # composed from templates, not one repeated sentence
    civilians = [
        s["text"]
        for t in _by_type(events, "transcript")
        for s in t["segments"]
        if s["speaker"] == "civilian"
    ]
    assert len(set(civilians)) > 10


# ---------- CLI -------------------------------------------------------------------------------
def test_cli_writes_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "month.jsonl"
    assert main(["--events", "500", "--out", str(out), "--seed", "7", "--quiet"]) == 0
    raw = out.read_text(encoding="utf-8")
    lines = raw.splitlines()
    assert len(lines) == 500 and raw.endswith("\n")
    assert "鲁R" in raw  # UTF-8, not \u escapes
    assert [json.loads(line) for line in lines] == list(generate_month(500, seed=7))
