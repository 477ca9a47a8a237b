"""The incremental engine: decisions on event time, withdrawals, order independence, cases."""

from __future__ import annotations

import random
from datetime import timedelta

from analyzers.engine import Engine
from jiancha.schemas.complaints import Complaint
from jiancha.schemas.transcripts import Transcript
from streams.analysis.documents import case_document
from tests.unit.test_record_rules import T0, action, recording


def transcript(n: int, *lines: tuple[str, str]) -> Transcript:
    return Transcript.model_validate(
        {
            "recording_id": f"R{n}",
            "engine": "reference",
            "segments": [
                {"start": 2.0 * i, "end": 2.0 * i + 1.5, "speaker": who, "text": text}
                for i, (who, text) in enumerate(lines)
            ],
        }
    )


def live(engine: Engine) -> dict[str, str]:
    return {f.flag_id: f.category for f in engine.flags()}


class TestCoverageOnEventTime:
    def test_a_ticket_is_judged_only_after_its_upload_deadline(self):
        e = Engine()
        e.add(action())
        assert not e.advance(T0 + timedelta(hours=23)).flags
        (flag,) = e.advance(T0 + timedelta(hours=24, seconds=1)).flags
        assert flag.category == "recording_missing" and flag.case_id == "C-A1"

    def test_a_late_recording_withdraws_the_missing_flag(self):
        e = Engine()
        e.add(action())
        e.advance(T0 + timedelta(hours=30))
        assert live(e) == {"recording_missing:A1": "recording_missing"}
        late = recording(
            1, T0 - timedelta(minutes=2), uploaded_at=(T0 + timedelta(hours=31)).isoformat()
        )
        e.add(late)
        changes = e.advance()
        assert [f.flag_id for f in changes.withdrawn] == ["recording_missing:A1"]
        assert changes.withdrawn[0].withdrawn is True
        assert live(e) == {"late_upload:R1": "late_upload"}
        assert e.case("C-A1").flags[0].category == "late_upload"


class TestOrderIndependence:
    def test_any_arrival_order_ends_with_the_same_flags(self):
        events = [
            action(1),
            action(2, at=T0 + timedelta(minutes=10)),  # same plate, same act: duplicate
            action(3, at=T0 + timedelta(hours=5), officer_role="auxiliary", officer_id="F1"),
            recording(1, T0 - timedelta(minutes=1), minutes=3),
            recording(2, T0 + timedelta(minutes=9), minutes=3),
            recording(3, T0 + timedelta(hours=5), minutes=3, officers=("F1",)),
            transcript(
                2,
                ("officer", "您好，我是菏泽交警，请出示驾驶证。"),
                ("officer", "罚款两百，现金给我就行，票就不开了。"),
            ),
        ]
        results = set()
        for seed in range(6):
            shuffled = events[:]
            random.Random(seed).shuffle(shuffled)
            e = Engine()
            for i, ev in enumerate(shuffled):
                e.add(ev)
                if i % 2:
                    e.advance()
            e.advance(T0 + timedelta(days=3))
            results.add(tuple(sorted(live(e).items())))
        assert len(results) == 1
        (flags,) = results
        assert dict(flags) == {
            "duplicate_penalty:A2": "duplicate_penalty",
            "aux_alone:A3": "aux_alone",
            "cash_no_receipt:A2,R2": "cash_no_receipt",
        }

    def test_a_recording_joins_the_nearest_ticket_of_its_crew(self):
        e = Engine()
        e.add(action(1, officer_id="P1"))
        e.add(action(2, at=T0 + timedelta(minutes=8), officer_id="P2", plate="鲁R·B1"))
        car = recording(1, T0 + timedelta(minutes=6), minutes=4, officers=("P1", "P2"))
        e.add(car)
        e.add(transcript(1, ("officer", "这个月任务还差二十单，今天多开几张。")))
        e.advance(T0 + timedelta(days=2))
        (quota,) = [f for f in e.flags() if f.category == "quota"]
        assert quota.action_ids == ["A2"] and quota.case_id == "C-A2"


class TestCases:
    def test_a_complaint_about_a_flagged_ticket_raises_its_priority(self):
        e = Engine()
        e.add(action(1, measures={"fine_cny": 500}))
        e.add(recording(1, T0 - timedelta(minutes=1)))
        e.advance()
        case = e.case("C-A1")
        assert [f.category for f in case.flags] == ["out_of_range_fine"]
        before = case.priority
        e.add(
            Complaint.model_validate(
                {
                    "complaint_id": "C100",
                    "source": "12345",
                    "received_at": (T0 + timedelta(days=1)).isoformat(),
                    "text": "乱罚款",
                    "plate": "鲁RA12345",  # written without the dot: still the same plate
                    "occurred_at": (T0 + timedelta(minutes=20)).isoformat(),
                }
            )
        )
        assert e.advance().cases == {"C-A1"}
        case = e.case("C-A1")
        assert [c.complaint_id for c in case.complaints] == ["C100"]
        assert case.priority == before + 1

    def test_case_document_carries_flags_evidence_and_status_free_fields(self):
        e = Engine()
        e.add(action(1, measures={"fine_cny": 500}))
        e.advance()
        doc = case_document(e.case("C-A1"))
        assert doc["case_id"] == "C-A1" and doc["officer_id"] == "P1"
        assert doc["categories"] == ["out_of_range_fine"] and doc["category_labels"] == [
            "超出法定幅度罚款"
        ]
        assert doc["flags"][0]["evidence"] == [
            {"action_id": "A1", "field": "measures.fine_cny", "value": "500"}
        ]
        assert "status" not in doc  # set once on creation; review decisions are never overwritten
        assert doc["withdrawn"] is False


def test_a_withdrawn_case_of_a_lone_recording_keeps_its_time():
    e = Engine()
    alone = recording(1, T0, uploaded_at=(T0 + timedelta(hours=30)).isoformat())
    e.add(alone)
    assert [f.case_id for f in e.advance().flags] == ["C-R1"]  # late upload, no ticket near
    e.add(recording(1, T0))  # the corrected record: uploaded in time
    changes = e.advance()
    assert [f.flag_id for f in changes.withdrawn] == ["late_upload:R1"]
    doc = case_document(e.case("C-R1"))
    assert doc["withdrawn"] is True and doc["occurred_at"] == T0.isoformat()
