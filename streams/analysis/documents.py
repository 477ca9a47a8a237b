"""Case documents (one per encounter, recording or officer-month) folded from Kafka: pure code.

The case builder (``streams/analysis/agents.py``, agent ``build_cases``) is the one writer of a
case's flag fields. It folds ``flags`` (from every producer: the analyzer, the transcriber, the
indexer) and ``complaints`` into a :class:`CaseBook` and indexes the document of every case a
batch touched. A complaint belongs to a ticket's case by the engine's own rule
(:func:`analyzers.engine.complaint_names`), applied to what the flags say the case is about.
Review fields (status, decision, history) are not here: a new case gets its status once
(:func:`case_on_create`), decisions come from ``CaseDecided``
(``streams.review.cases.decision_update``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from analyzers.catalogue import CATEGORIES
from analyzers.engine import Case, Windows, case_id_of, complaint_names, plate_key
from jiancha.schemas.complaints import Complaint
from jiancha.schemas.flags import CaseContext, FieldEvidence, Flag

#: Review status of a new case (the review service of issue 5 moves it on).
PENDING = ("pending", "待审核")


def case_on_create() -> dict[str, Any]:
    """What only a new case gets: its review status. The builder never overwrites a decision."""
    return {"status": PENDING[0], "status_label": PENDING[1]}


def case_of(flag: Flag) -> str:
    """The case a flag belongs to: its own, else its recording's (tampering), ticket's or itself."""
    if flag.case_id:
        return flag.case_id
    if flag.recording_ids:
        return case_id_of(flag.recording_ids[0])
    if flag.action_ids:
        return case_id_of(flag.action_ids[0])
    return case_id_of(flag.flag_id)


@dataclass
class CaseState:
    """A case as Kafka tells it: its standing flags and what it is about."""

    case_id: str
    flags: dict[str, Flag] = field(default_factory=dict)
    context: CaseContext | None = None


class CaseBook:
    """Every case, folded from flags and complaints; replaying either changes nothing."""

    def __init__(self, windows: Windows | None = None) -> None:
        self.w = windows or Windows()
        self.cases: dict[str, CaseState] = {}
        self._case_of_flag: dict[str, str] = {}  # flag id -> the case that holds it now
        self._complaints: dict[str, Complaint] = {}
        self._complaints_by: dict[str, set[str]] = {}  # officer or plate -> complaint ids
        self._cases_by: dict[str, set[str]] = {}  # officer or plate -> ticket cases

    def _state(self, case_id: str) -> CaseState:
        return self.cases.setdefault(case_id, CaseState(case_id))

    def add_flag(self, flag: Flag) -> set[str]:
        """Merge a flag (new, changed or withdrawn) by its id; returns the cases it changed."""
        case_id = case_of(flag)
        touched = {case_id}
        before = self._case_of_flag.get(flag.flag_id)
        if before is not None and before != case_id:  # it moved (a recording joined a ticket)
            self.cases[before].flags.pop(flag.flag_id, None)
            touched.add(before)
        state = self._state(case_id)
        if flag.case is not None:
            state.context = _merged(state.context, flag.case)
            for name in _names(state.context):
                self._cases_by.setdefault(name, set()).add(case_id)
        if flag.withdrawn:
            state.flags.pop(flag.flag_id, None)
            self._case_of_flag.pop(flag.flag_id, None)
        else:
            state.flags[flag.flag_id] = flag
            self._case_of_flag[flag.flag_id] = case_id
        return touched

    def add_complaint(self, c: Complaint) -> set[str]:
        """Take a complaint (by id); returns the ticket cases it is about."""
        old = self._complaints.get(c.complaint_id)
        self._complaints[c.complaint_id] = c
        touched = self._about(old) if old is not None else set()
        self._complaints_by.setdefault(c.officer_id or plate_key(c.plate), set()).add(
            c.complaint_id
        )
        return touched | self._about(c)

    def _about(self, c: Complaint) -> set[str]:
        name = c.officer_id or plate_key(c.plate)
        return {
            case_id
            for case_id in self._cases_by.get(name, ())
            if self._names(c, self.cases[case_id].context)
        }

    def _names(self, c: Complaint, ctx: CaseContext | None) -> bool:
        if ctx is None or ctx.officer_id is None or ctx.occurred_at is None:
            return False  # complaints are linked to tickets only
        officers = (ctx.officer_id, *ctx.co_officer_ids)
        return complaint_names(c, officers, ctx.plate, ctx.occurred_at, self.w)

    def complaints(self, case_id: str) -> list[Complaint]:
        """The complaints about a ticket's case, by id."""
        ctx = self.cases[case_id].context
        if ctx is None:
            return []
        ids = {i for name in _names(ctx) for i in self._complaints_by.get(name, ())}
        return [self._complaints[i] for i in sorted(ids) if self._names(self._complaints[i], ctx)]

    def document(self, case_id: str) -> dict[str, Any]:
        """The case as indexed (no review fields)."""
        state = self.cases[case_id]
        return _document(
            case_id,
            sorted(state.flags.values(), key=lambda f: f.flag_id),
            state.context,
            self.complaints(case_id),
        )


def _names(ctx: CaseContext) -> set[str]:
    """What a complaint may name to be about a ticket: its officers, its plate."""
    if ctx.officer_id is None:
        return set()
    return {ctx.officer_id, *ctx.co_officer_ids, *([plate_key(ctx.plate)] if ctx.plate else [])}


def _merged(old: CaseContext | None, new: CaseContext) -> CaseContext:
    """A case's context: the latest word, field by field (a field once known stays known)."""
    if old is None:
        return new
    return old.model_copy(update={k: v for k, v in new.model_dump().items() if v is not None})


def case_document(case: Case, windows: Windows | None = None) -> dict[str, Any]:
    """The engine's view of a case as indexed (what the builder makes of the same flags)."""
    book = CaseBook(windows)
    for f in case.flags:
        book.add_flag(f)
    state = book._state(case.case_id)
    if state.context is None:  # a case with no flags left: the engine knows what it was about
        a = case.action
        starts = [r.started_at for r in case.recordings]
        state.context = CaseContext(
            officer_id=a.officer_id if a else None,
            squad_id=a.squad_id if a else None,
            occurred_at=a.occurred_at if a else min(starts, default=None),
            plate=a.plate if a else None,
            violation_type=a.violation_type if a else None,
            co_officer_ids=list(a.co_officer_ids) if a else [],
        )
    return _document(
        case.case_id,
        sorted(state.flags.values(), key=lambda f: f.flag_id),
        state.context,
        case.complaints,
    )


def _document(
    case_id: str,
    flags: list[Flag],
    context: CaseContext | None,
    complaints: Iterable[Complaint],
) -> dict[str, Any]:
    ctx = context or CaseContext()
    first = flags[0] if flags else None
    complaints = list(complaints)
    severity = max((f.severity for f in flags), default=0)
    return {
        "case_id": case_id,
        "officer_id": ctx.officer_id or (first.officer_id if first else None),
        "squad_id": ctx.squad_id or (first.squad_id if first else None),
        "action_ids": sorted({a for f in flags for a in f.action_ids}),
        "recording_ids": sorted({r for f in flags for r in f.recording_ids}),
        "occurred_at": ctx.occurred_at.isoformat() if ctx.occurred_at else None,
        "plate": ctx.plate,
        "violation_type": ctx.violation_type,
        "categories": sorted({f.category for f in flags}),
        "category_labels": sorted({_label(f.category) for f in flags}),
        "classes": sorted({f.class_ for f in flags}),
        "severity": severity,
        # Severity, raised by one per linked complaint (at most two): citizens saw it too.
        "priority": severity + min(len(complaints), 2),
        "flag_count": len(flags),
        "withdrawn": not flags,
        "flags": [
            {
                "flag_id": f.flag_id,
                "category": f.category,
                "label": _label(f.category),
                "class": f.class_,
                "severity": f.severity,
                "explanation": f.explanation,
                "rule_version": f.rule_version,
                "evidence": [_evidence(e) for e in f.evidence],
            }
            for f in flags
        ],
        "complaint_ids": [c.complaint_id for c in complaints],
        "complaints": [
            {
                "complaint_id": c.complaint_id,
                "source": c.source,
                "received_at": c.received_at.isoformat(),
                "text": c.text,
            }
            for c in complaints
        ],
    }


def _label(category: str) -> str:
    known = CATEGORIES.get(category)
    return known.label if known else category


def _evidence(e: Any) -> dict[str, Any]:
    if isinstance(e, FieldEvidence):
        value = e.value if e.value is None or isinstance(e.value, str) else str(e.value).lower()
        return {"action_id": e.action_id, "field": e.field, "value": value}
    return {"recording_id": e.recording_id, "start": e.start, "end": e.end, "excerpt": e.excerpt}
