"""Coverage rules: was the ticket written while a recorder of that officer was running?

公安机关现场执法视音频记录工作规定 requires the whole of an on-site enforcement to be recorded
(全过程视音频记录) and the recording uploaded within 24 h. A ticket is **covered** when one of the
officer's recordings (his body camera, or an in-car recorder whose crew includes him) runs at its
time, give or take :data:`COVER_TOLERANCE`. An uncovered ticket is a ``recording_gap`` when the
officer's recorder stopped shortly before it and resumed shortly after (within
:data:`GAP_WINDOW`): switched off for the ticket; otherwise a ``recording_missing``.

Neither is decided before the upload deadline has passed on event time (:func:`decidable_at`):
until then the recording may still be on its way. A recording uploaded later still (a late upload)
covers the ticket again, and the caller withdraws the flag.

Which recordings are the officer's, and when the deadline has passed, the engine
(:mod:`analyzers.engine`) says; the rules here only look at one ticket and those recordings.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from analyzers.law import Law
from analyzers.model import make_flag
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.flags import FieldEvidence, Flag
from jiancha.schemas.recordings import Recording

#: A recording covers a ticket written this close to its start or end (configuration, not law).
COVER_TOLERANCE = timedelta(minutes=1)
#: A recorder stopped this shortly before a ticket and resumed this shortly after was switched off.
GAP_WINDOW = timedelta(minutes=30)


def decidable_at(a: EnforcementAction, law: Law) -> datetime:
    """When the ticket's coverage can be judged: its time plus the upload deadline (24 h)."""
    return a.occurred_at + timedelta(hours=law.upload_deadline_hours)


def covered(
    a: EnforcementAction,
    recordings: Sequence[Recording],
    tolerance: timedelta = COVER_TOLERANCE,
) -> bool:
    """Whether one of ``recordings`` runs when the ticket was written."""
    t = a.occurred_at
    return any(r.started_at - tolerance <= t <= r.ended_at + tolerance for r in recordings)


def _stopped_and_resumed(
    a: EnforcementAction, recordings: Sequence[Recording], gap_window: timedelta
) -> tuple[datetime, datetime] | None:
    """The last stop before the ticket and the first start after it, both within
    ``gap_window``; None unless there are both."""
    t = a.occurred_at
    before = [r.ended_at for r in recordings if t - gap_window <= r.ended_at < t]
    after = [r.started_at for r in recordings if t < r.started_at <= t + gap_window]
    if not (before and after):
        return None
    return max(before), min(after)


def _coverage_flag(a: EnforcementAction, category: str, why: str) -> Flag:
    when = a.occurred_at.isoformat()
    return make_flag(
        category,
        officer_id=a.officer_id,
        squad_id=a.squad_id,
        action_ids=[a.action_id],
        evidence=[FieldEvidence(action_id=a.action_id, field="occurred_at", value=when)],
        explanation=why,
    )


def recording_gap(
    a: EnforcementAction,
    recordings: Sequence[Recording],
    *,
    tolerance: timedelta = COVER_TOLERANCE,
    gap_window: timedelta = GAP_WINDOW,
) -> list[Flag]:
    """The officer's recorder was off for the ticket, on just before and after it
    (公安机关现场执法视音频记录工作规定: whole-process recording)."""
    if covered(a, recordings, tolerance):
        return []
    gap = _stopped_and_resumed(a, recordings, gap_window)
    if gap is None:
        return []
    stopped, resumed = gap
    t = a.occurred_at
    why = (
        f"民警在开单前 {(t - stopped).total_seconds() / 60:.0f} 分钟停止录像、"
        f"开单后 {(resumed - t).total_seconds() / 60:.0f} 分钟才恢复，"
        "开单时记录仪处于关闭状态。"
    )
    return [_coverage_flag(a, "recording_gap", why)]


def recording_missing(
    a: EnforcementAction,
    recordings: Sequence[Recording],
    *,
    tolerance: timedelta = COVER_TOLERANCE,
    gap_window: timedelta = GAP_WINDOW,
) -> list[Flag]:
    """No recording of the officer at the ticket's time, and no gap in one either
    (公安机关现场执法视音频记录工作规定: whole-process recording)."""
    if covered(a, recordings, tolerance) or _stopped_and_resumed(a, recordings, gap_window):
        return []
    why = "开单时该民警没有任何执法记录仪或车载记录仪录像，违反全程录音录像规定。"
    return [_coverage_flag(a, "recording_missing", why)]


def coverage_flags(
    a: EnforcementAction,
    recordings: Sequence[Recording],
    law: Law,
    watermark: datetime | None,
    *,
    tolerance: timedelta = COVER_TOLERANCE,
    gap_window: timedelta = GAP_WINDOW,
) -> list[Flag]:
    """``recording_missing`` or ``recording_gap`` of a ticket, given the officer's recordings
    near it, once event time (``watermark``) has passed its upload deadline (24 h)."""
    if watermark is None or decidable_at(a, law) > watermark:
        return []  # its recording may still be on its way
    return [
        *recording_missing(a, recordings, tolerance=tolerance, gap_window=gap_window),
        *recording_gap(a, recordings, tolerance=tolerance, gap_window=gap_window),
    ]
