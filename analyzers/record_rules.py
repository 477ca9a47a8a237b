"""Rules over one enforcement record (and one recording): the fields alone show the problem."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from analyzers.catalogue import RULE_VERSION
from analyzers.law import Law
from analyzers.model import make_flag
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.flags import CaseContext, FieldEvidence, Flag, SegmentEvidence
from jiancha.schemas.policies import Policy
from jiancha.schemas.recordings import Recording


def _penalised(a: EnforcementAction) -> bool:
    m = a.measures
    return m.fine_cny > 0 or m.points > 0 or m.vehicle_detained or m.license_detained


def _flag(category: str, a: EnforcementAction, field: str, value: object, why: str) -> Flag:
    return make_flag(
        category,
        officer_id=a.officer_id,
        squad_id=a.squad_id,
        action_ids=[a.action_id],
        evidence=[FieldEvidence(action_id=a.action_id, field=field, value=value)],  # type: ignore[arg-type]
        explanation=why,
    )


def out_of_range_fine(a: EnforcementAction, law: Law) -> list[Flag]:
    """A fine outside the statutory range of its violation type (道交法 arts. 89–92, 99)."""
    t = law.types.get(a.violation_type)
    fine = a.measures.fine_cny
    if t is None or fine == 0 or t.fine_min <= fine <= t.fine_max:
        return []
    side = "高于上限" if fine > t.fine_max else "低于下限"
    return [
        _flag(
            "out_of_range_fine",
            a,
            "measures.fine_cny",
            fine,
            f"“{t.name}”依{t.article}应罚 {t.fine_min}–{t.fine_max} 元，"
            f"本单罚款 {fine} 元，{side}。",
        )
    ]


def disproportionate_measure(a: EnforcementAction, law: Law) -> list[Flag]:
    """Vehicle or licence detained for a violation whose article allows no such measure."""
    t = law.types.get(a.violation_type)
    if t is None:
        return []
    wrong = []
    if a.measures.vehicle_detained and not t.vehicle_detention:
        wrong.append(("measures.vehicle_detained", "扣留车辆"))
    if a.measures.license_detained and not t.license_detention:
        wrong.append(("measures.license_detained", "暂扣驾驶证"))
    if not wrong:
        return []
    what = "、".join(w for _, w in wrong)
    return [
        _flag(
            "disproportionate_measure",
            a,
            wrong[0][0],
            True,
            f"“{t.name}”（{t.article}）不适用{what}，本单却采取了{what}，强制措施无法律依据。",
        )
    ]


def cash_without_receipt(a: EnforcementAction, law: Law) -> list[Flag]:
    """Cash taken on the spot without an official receipt, or above the on-the-spot limit
    (行政处罚法 arts. 68/70, 道交法 art. 108)."""
    p = a.payment
    if p is None or p.method != "cash_on_spot":
        return []
    fine = a.measures.fine_cny
    if not p.receipt_no:
        why = f"当场收取现金 {fine} 元却没有罚没收据编号，涉嫌收现不开票。"
        return [_flag("cash_no_receipt", a, "payment.receipt_no", None, why)]
    if fine > law.on_the_spot_max_cny and a.road_user not in law.on_the_spot_always_for:
        why = (
            f"当场收缴罚款 {fine} 元，超过当场收缴上限 {law.on_the_spot_max_cny} 元"
            "（行政处罚法第68条），应由当事人到银行缴纳。"
        )
        return [_flag("cash_no_receipt", a, "measures.fine_cny", fine, why)]
    return []


def aux_alone(a: EnforcementAction, regular_officers: set[str]) -> list[Flag]:
    """An auxiliary (辅警) penalising with no regular officer on the ticket.

    Auxiliaries may assist, never decide a penalty.
    """
    if a.officer_role != "auxiliary" or not _penalised(a):
        return []
    if any(o in regular_officers for o in a.co_officer_ids):
        return []
    why = "辅警单独作出处罚，现场没有民警共同执法，辅警无处罚权。"
    return [_flag("aux_alone", a, "officer_role", "auxiliary", why)]


def _in_hours(at: datetime, windows: list[str]) -> bool:
    """``at``'s local time of day falls in one of ``HH:MM-HH:MM`` windows (24:00 allowed as end)."""
    t = at.timetz().replace(tzinfo=None)
    for w in windows:
        start_s, _, end_s = w.partition("-")
        start = time.fromisoformat(start_s.strip())
        end = time.max if end_s.strip() == "24:00" else time.fromisoformat(end_s.strip())
        if start <= t < end or (end == time.max and t >= start):
            return True
    return False


def policy_applies(p: Policy, a: EnforcementAction) -> bool:
    """Whether ``a`` lies in the policy's window and scope."""
    if not (p.valid_from <= a.occurred_at <= p.valid_to):
        return False
    s = p.scope
    if s.violation_types and a.violation_type not in s.violation_types:
        return False
    if s.road_users and a.road_user not in s.road_users:
        return False
    if s.plate_region_not and (a.plate_region is None or a.plate_region in s.plate_region_not):
        return False
    if s.plate_region_in and a.plate_region not in s.plate_region_in:
        return False
    if s.hours and not _in_hours(a.occurred_at, s.hours):
        return False
    exempt_hours = getattr(s, "hours_exempt", None) or (s.model_extra or {}).get("hours_exempt")
    return not (exempt_hours and not _in_hours(a.occurred_at, list(exempt_hours)))


def exempt_penalized(a: EnforcementAction, policies: list[Policy]) -> list[Flag]:
    """A penalty where an active policy says correct only / no penalty / no detention."""
    m = a.measures
    for p in policies:
        if not policy_applies(p, a):
            continue
        if p.effect in ("correct_only", "no_penalty") and (m.fine_cny > 0 or m.points > 0):
            field, value = (
                ("measures.fine_cny", m.fine_cny) if m.fine_cny else ("measures.points", m.points)
            )
        elif p.effect in ("no_penalty", "no_detention") and (
            m.vehicle_detained or m.license_detained
        ):
            field, value = "measures.vehicle_detained", m.vehicle_detained
        else:
            continue
        why = f"本单适用政策“{p.name}”（{p.policy_id}），应只纠正不处罚，却作出了处罚。"
        return [_flag("exempt_penalized", a, field, value, why)]
    return []


def late_upload(r: Recording, law: Law) -> list[Flag]:
    """Uploaded more than the deadline (24 h) after the recording ended."""
    late = r.uploaded_at - r.ended_at
    if late <= timedelta(hours=law.upload_deadline_hours):
        return []
    hours = late.total_seconds() / 3600
    return [
        make_flag(
            "late_upload",
            officer_id=r.officer_ids[0],
            squad_id=r.squad_id,
            recording_ids=[r.recording_id],
            evidence=[
                SegmentEvidence(
                    recording_id=r.recording_id,
                    start=0.0,
                    end=max(r.duration_s, 0.0),
                    excerpt=f"结束于 {r.ended_at.isoformat()}，上传于 {r.uploaded_at.isoformat()}",
                )
            ],
            explanation=(
                f"录像结束后 {hours:.0f} 小时才上传，"
                f"超过 {law.upload_deadline_hours:.0f} 小时时限。"
            ),
        )
    ]


def evidence_tampering(
    r: Recording, excerpt: str, explanation: str, rule_version: str = RULE_VERSION
) -> Flag:
    """录像疑似被篡改: the media behind ``r`` is not the evidence that was registered.

    公安机关现场执法视音频记录工作规定: recordings may not be deleted, edited or replaced. Raised by
    the transcriber (the file differs from its hash) and the indexer (a second registration of the
    same recording names other media).
    """
    return make_flag(
        "evidence_tampering",
        officer_id=r.officer_ids[0],
        squad_id=r.squad_id,
        recording_ids=[r.recording_id],
        evidence=[
            SegmentEvidence(
                recording_id=r.recording_id, start=0.0, end=max(r.duration_s, 0.0), excerpt=excerpt
            )
        ],
        explanation=explanation,
        rule_version=rule_version,
    ).model_copy(update={"case": CaseContext(occurred_at=r.started_at)})  # no ticket is judged here
