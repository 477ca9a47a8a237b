"""Record rules, coverage, duplicates and the scorer, on hand-made events."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from analyzers import record_rules as rr
from analyzers.batch import Analyzer, Events
from analyzers.law import load_law
from analyzers.scoring import score
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.policies import Policy
from jiancha.schemas.recordings import Recording

T0 = datetime.fromisoformat("2026-04-10T10:00:00+08:00")
LAW = load_law()


def action(n: int = 1, at: datetime = T0, **over: Any) -> EnforcementAction:
    data: dict[str, Any] = {
        "action_id": f"A{n}",
        "officer_id": "P1",
        "officer_role": "officer",
        "co_officer_ids": [],
        "squad_id": "s1",
        "occurred_at": at.isoformat(),
        "plate": "鲁R·A12345",
        "plate_region": "鲁R",
        "road_user": "small_car",
        "violation_type": "parking",
        "measures": {"fine_cny": 100, "points": 0},
        "payment": {"method": "bank", "receipt_no": "R1"},
    }
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(data.get(k), dict):
            data[k] = {**data[k], **v}
        else:
            data[k] = v
    return EnforcementAction.model_validate(data)


def recording(
    n: int, start: datetime, minutes: float = 5, officers=("P1",), **over: Any
) -> Recording:
    end = start + timedelta(minutes=minutes)
    data = {
        "recording_id": f"R{n}",
        "device_id": "BWC-1",
        "device_type": "body_cam",
        "officer_ids": list(officers),
        "squad_id": "s1",
        "started_at": start.isoformat(),
        "ended_at": end.isoformat(),
        "uploaded_at": (end + timedelta(hours=1)).isoformat(),
        "sha256": "0" * 64,
        "media_uri": "x.m4a",
        **over,
    }
    return Recording.model_validate(data)


def categories(flags) -> list[str]:
    return sorted(f.category for f in flags)


class TestFines:
    def test_inside_the_range_is_lawful(self):
        assert rr.out_of_range_fine(action(measures={"fine_cny": 200}), LAW) == []
        assert rr.out_of_range_fine(action(measures={"fine_cny": 20}), LAW) == []

    def test_above_and_below_the_range_are_flagged_with_the_article(self):
        (high,) = rr.out_of_range_fine(action(measures={"fine_cny": 300}), LAW)
        assert high.category == "out_of_range_fine" and high.class_ == "profit"
        assert "20–200" in high.explanation and "高于上限" in high.explanation
        (low,) = rr.out_of_range_fine(
            action(violation_type="dui_drink", measures={"fine_cny": 500}), LAW
        )
        assert "低于下限" in low.explanation

    def test_a_warning_without_fine_is_not_out_of_range(self):
        assert rr.out_of_range_fine(action(measures={"fine_cny": 0, "warning": True}), LAW) == []

    def test_unknown_violation_types_are_not_judged(self):
        assert (
            rr.out_of_range_fine(action(violation_type="ufo", measures={"fine_cny": 9999}), LAW)
            == []
        )


class TestMeasures:
    def test_licence_detained_for_drink_driving_is_lawful(self):
        a = action(
            violation_type="dui_drink", measures={"fine_cny": 1500, "license_detained": True}
        )
        assert rr.disproportionate_measure(a, LAW) == []

    def test_vehicle_detained_for_parking_is_disproportionate(self):
        (f,) = rr.disproportionate_measure(action(measures={"vehicle_detained": True}), LAW)
        assert f.class_ == "excessive" and "扣留车辆" in f.explanation


class TestCash:
    def test_cash_without_receipt(self):
        a = action(
            payment={"method": "cash_on_spot", "receipt_no": None}, measures={"fine_cny": 50}
        )
        (f,) = rr.cash_without_receipt(a, LAW)
        assert f.category == "cash_no_receipt"

    def test_cash_with_receipt_up_to_the_limit_is_lawful(self):
        a = action(
            payment={"method": "cash_on_spot", "receipt_no": "R9"}, measures={"fine_cny": 100}
        )
        assert rr.cash_without_receipt(a, LAW) == []

    def test_cash_above_the_on_the_spot_limit_for_a_car(self):
        a = action(
            payment={"method": "cash_on_spot", "receipt_no": "R9"}, measures={"fine_cny": 200}
        )
        (f,) = rr.cash_without_receipt(a, LAW)
        assert "100" in f.explanation

    def test_pedestrians_may_pay_on_the_spot(self):
        a = action(
            road_user="pedestrian",
            violation_type="pedestrian_red_light",
            payment={"method": "cash_on_spot", "receipt_no": "R9"},
            measures={"fine_cny": 50},
        )
        assert rr.cash_without_receipt(a, LAW) == []


class TestAuxiliary:
    def test_auxiliary_alone_penalising(self):
        (f,) = rr.aux_alone(action(officer_role="auxiliary"), regular_officers={"P9"})
        assert f.class_ == "procedure"

    def test_auxiliary_with_a_regular_officer_is_lawful(self):
        a = action(officer_role="auxiliary", co_officer_ids=["P9"])
        assert rr.aux_alone(a, regular_officers={"P9"}) == []

    def test_auxiliary_issuing_a_warning_only_is_lawful(self):
        a = action(officer_role="auxiliary", measures={"fine_cny": 0, "warning": True})
        assert rr.aux_alone(a, regular_officers=set()) == []


PEONY = Policy.model_validate(
    {
        "policy_id": "peony",
        "name": "外地车辆轻微违法只纠正不处罚",
        "valid_from": "2026-04-01T00:00:00+08:00",
        "valid_to": "2026-04-20T23:59:59+08:00",
        "scope": {"plate_region_not": ["鲁R"], "violation_types": ["parking"]},
        "effect": "correct_only",
    }
)
TRUCKS = Policy.model_validate(
    {
        "policy_id": "trucks",
        "name": "电动渣土车高峰外无需通行证",
        "valid_from": "2024-01-01T00:00:00+08:00",
        "valid_to": "2099-12-31T23:59:59+08:00",
        "scope": {
            "violation_types": ["truck_no_permit"],
            "road_users": ["e_truck"],
            "hours_exempt": ["00:00-07:00", "09:30-16:00", "19:30-24:00"],
        },
        "effect": "no_penalty",
    }
)


class TestPolicies:
    def test_out_of_town_car_fined_during_the_festival(self):
        a = action(plate="京A·12345", plate_region="京A")
        (f,) = rr.exempt_penalized(a, [PEONY])
        assert "peony" in f.explanation

    def test_local_car_or_warning_or_after_the_window_is_lawful(self):
        assert rr.exempt_penalized(action(), [PEONY]) == []
        warned = action(plate_region="京A", measures={"fine_cny": 0, "warning": True})
        assert rr.exempt_penalized(warned, [PEONY]) == []
        later = action(plate_region="京A", at=T0 + timedelta(days=15))
        assert rr.exempt_penalized(later, [PEONY]) == []

    def test_hours_of_a_policy(self):
        base = {"violation_type": "truck_no_permit", "road_user": "e_truck"}
        noon = action(at=T0.replace(hour=12), **base)
        rush = action(at=T0.replace(hour=8), **base)
        assert categories(rr.exempt_penalized(noon, [TRUCKS])) == ["exempt_penalized"]
        assert rr.exempt_penalized(rush, [TRUCKS]) == []


def test_late_upload_after_24_hours():
    on_time = recording(1, T0)
    late = recording(2, T0, uploaded_at=(T0 + timedelta(hours=30)).isoformat())
    assert rr.late_upload(on_time, LAW) == []
    (f,) = rr.late_upload(late, LAW)
    assert f.recording_ids == ["R2"] and "小时" in f.explanation


def _run(actions, recordings, latest_extra_days: float = 3) -> list:
    ev = Events()
    for a in actions:
        ev.actions[a.action_id] = a
    for r in recordings:
        ev.recordings[r.recording_id] = r
    ev.latest = T0 + timedelta(days=latest_extra_days)
    return Analyzer().run(ev)


class TestCoverage:
    def test_a_ticket_inside_a_recording_is_covered(self):
        assert _run([action()], [recording(1, T0 - timedelta(minutes=2))]) == []

    def test_an_in_car_recorder_whose_crew_includes_the_officer_covers_him(self):
        car = recording(1, T0 - timedelta(minutes=30), minutes=60, officers=("P2", "P1"))
        assert _run([action()], [car]) == []

    def test_recorder_switched_off_for_the_ticket_is_a_gap(self):
        before = recording(1, T0 - timedelta(minutes=10), minutes=7)
        after = recording(2, T0 + timedelta(minutes=4))
        assert categories(_run([action()], [before, after])) == ["recording_gap"]

    def test_no_recording_anywhere_near_is_missing(self):
        far = recording(1, T0 - timedelta(hours=3))
        assert categories(_run([action()], [far])) == ["recording_missing"]

    def test_a_ticket_whose_upload_deadline_has_not_passed_is_not_judged_yet(self):
        assert _run([action()], [], latest_extra_days=0.5) == []


class TestDuplicates:
    def test_same_vehicle_same_act_fined_twice(self):
        first, second = action(1), action(2, at=T0 + timedelta(minutes=10))
        rec = recording(1, T0 - timedelta(minutes=1), minutes=20)
        flags = _run([first, second], [rec])
        assert categories(flags) == ["duplicate_penalty"]
        assert flags[0].action_ids == ["A2"]

    def test_a_different_violation_or_another_day_is_a_new_act(self):
        other = action(2, at=T0 + timedelta(minutes=20), violation_type="seatbelt")
        next_day = action(3, at=T0 + timedelta(days=2))
        recs = [
            recording(1, T0 - timedelta(minutes=1), minutes=30),
            recording(2, T0 + timedelta(days=2) - timedelta(minutes=1)),
        ]
        assert _run([action(1), other, next_day], recs, latest_extra_days=4) == []


class TestScoring:
    def test_precision_recall_and_matching_by_action_recording_or_officer(self):
        labels = [
            {"category": "quota", "action_id": "A1", "recording_id": "R1"},
            {"category": "late_upload", "recording_id": "R7"},
            {"category": "month_end_spike", "officer_id": "P3"},
        ]
        flags = [
            {"category": "quota", "action_ids": [], "recording_ids": ["R1"], "officer_id": "P1"},
            {
                "category": "late_upload",
                "action_ids": [],
                "recording_ids": ["R8"],
                "officer_id": "P1",
            },
            {
                "category": "month_end_spike",
                "action_ids": [],
                "recording_ids": [],
                "officer_id": "P3",
            },
            {"category": "threat", "action_ids": ["A1"], "recording_ids": [], "officer_id": "P1"},
        ]
        s = score(flags, labels)
        assert (s["quota"].precision, s["quota"].recall) == (1.0, 1.0)
        assert (s["late_upload"].precision, s["late_upload"].recall) == (0.0, 0.0)
        assert s["month_end_spike"].recall == 1.0
        assert s["threat"].precision == 0.0
        assert s["micro"].flags == 4 and s["micro"].flags_matched == 2
        assert s["micro"].labels_matched == 2 and s["micro"].recall == pytest.approx(2 / 3)
