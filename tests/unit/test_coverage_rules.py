"""Coverage rules on one ticket and the officer's recordings, without the engine."""

from __future__ import annotations

from datetime import timedelta

from analyzers import coverage_rules as cr
from analyzers import record_rules as rr
from tests.unit.test_record_rules import LAW, T0, action, recording

AFTER_DEADLINE = T0 + timedelta(hours=24, seconds=1)


def categories(flags) -> list[str]:
    return [f.category for f in flags]


def test_a_ticket_inside_a_recording_or_within_the_tolerance_is_covered():
    inside = recording(1, T0 - timedelta(minutes=2))
    ended_just_before = recording(2, T0 - timedelta(minutes=5, seconds=30))  # ends 30 s before
    for recs in ([inside], [ended_just_before]):
        assert cr.covered(action(), recs)
        assert cr.coverage_flags(action(), recs, LAW, AFTER_DEADLINE) == []
    assert not cr.covered(action(), [recording(3, T0 - timedelta(minutes=7))])


def test_recorder_off_just_for_the_ticket_is_a_gap_not_a_missing_recording():
    before = recording(1, T0 - timedelta(minutes=10), minutes=7)  # stops 3 min before
    after = recording(2, T0 + timedelta(minutes=4))  # resumes 4 min after
    (gap,) = cr.recording_gap(action(), [before, after])
    assert gap.category == "recording_gap" and gap.action_ids == ["A1"]
    assert "开单前 3 分钟停止录像" in gap.explanation and "开单后 4 分钟才恢复" in gap.explanation
    assert gap.evidence[0].value == T0.isoformat()
    assert cr.recording_missing(action(), [before, after]) == []
    flags = cr.coverage_flags(action(), [before, after], LAW, AFTER_DEADLINE)
    assert categories(flags) == ["recording_gap"]


def test_only_stopping_before_or_only_starting_after_is_a_missing_recording():
    before = recording(1, T0 - timedelta(minutes=10), minutes=7)
    far_after = recording(2, T0 + timedelta(minutes=40))  # beyond the gap window
    for recs in ([], [before], [before, far_after]):
        assert cr.recording_gap(action(), recs) == []
        (missing,) = cr.recording_missing(action(), recs)
        assert missing.category == "recording_missing" and missing.officer_id == "P1"


def test_nothing_is_decided_before_the_upload_deadline():
    assert cr.decidable_at(action(), LAW) == T0 + timedelta(hours=24)
    assert cr.coverage_flags(action(), [], LAW, None) == []
    assert cr.coverage_flags(action(), [], LAW, T0 + timedelta(hours=23)) == []
    assert categories(cr.coverage_flags(action(), [], LAW, cr.decidable_at(action(), LAW))) == [
        "recording_missing"
    ]


def test_a_late_recording_covers_the_ticket_and_is_flagged_as_late_instead():
    assert categories(cr.coverage_flags(action(), [], LAW, AFTER_DEADLINE)) == ["recording_missing"]
    late = recording(
        1, T0 - timedelta(minutes=2), uploaded_at=(T0 + timedelta(hours=31)).isoformat()
    )
    watermark = T0 + timedelta(hours=31)
    assert cr.coverage_flags(action(), [late], LAW, watermark) == []
    assert categories(rr.late_upload(late, LAW)) == ["late_upload"]
