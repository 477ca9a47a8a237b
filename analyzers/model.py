"""What the rules look at, and how they say what they found.

An :class:`Encounter` is one enforcement action with the recordings (and their transcripts) of the
same officer
around it; a recording that no action claims is an encounter of its own. Rules are functions
``(encounter, context) -> list[Flag]``; :func:`make_flag` builds the v1 ``flag`` with a
deterministic id, so the
stream and the batch produce identical flags and a replay overwrites instead of duplicating.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from analyzers.catalogue import CATEGORIES, RULE_VERSION
from jiancha.schemas.enforcement_actions import EnforcementAction
from jiancha.schemas.flags import FieldEvidence, Flag, SegmentEvidence
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript

Evidence = SegmentEvidence | FieldEvidence


@dataclass
class Encounter:
    """One action (or none), the recordings that cover it and their transcripts (by id)."""

    action: EnforcementAction | None
    recordings: list[Recording] = field(default_factory=list)
    transcripts: dict[str, Transcript] = field(default_factory=dict)

    @property
    def officer_id(self) -> str:
        if self.action is not None:
            return self.action.officer_id
        return self.recordings[0].officer_ids[0]

    @property
    def squad_id(self) -> str:
        if self.action is not None:
            return self.action.squad_id
        return self.recordings[0].squad_id

    @property
    def action_ids(self) -> list[str]:
        return [self.action.action_id] if self.action is not None else []

    @property
    def recording_ids(self) -> list[str]:
        return [r.recording_id for r in self.recordings]


def make_flag(
    category: str,
    *,
    officer_id: str,
    squad_id: str,
    explanation: str,
    action_ids: Sequence[str] = (),
    recording_ids: Sequence[str] = (),
    evidence: Sequence[Evidence] = (),
    severity: int | None = None,
    rule_version: str = RULE_VERSION,
) -> Flag:
    """A v1 flag of ``category``; its id is the category and what it names, so it is stable."""
    cat = CATEGORIES[category]
    subject = ",".join([*action_ids, *recording_ids]) or officer_id
    return Flag.model_validate(
        {
            "flag_id": f"{category}:{subject}",
            "category": category,
            "class": cat.class_,
            "severity": severity or cat.severity,
            "officer_id": officer_id,
            "squad_id": squad_id,
            "action_ids": list(action_ids),
            "recording_ids": list(recording_ids),
            "evidence": list(evidence),
            "explanation": explanation,
            "rule_version": rule_version,
        }
    )


def encounter_flag(
    category: str,
    encounter: Encounter,
    explanation: str,
    evidence: Sequence[Evidence] = (),
    *,
    recording_ids: Sequence[str] | None = None,
    with_action: bool = True,
) -> Flag:
    """A flag naming an encounter's action and (by default) all its recordings."""
    return make_flag(
        category,
        officer_id=encounter.officer_id,
        squad_id=encounter.squad_id,
        action_ids=encounter.action_ids if with_action else [],
        recording_ids=encounter.recording_ids if recording_ids is None else recording_ids,
        evidence=evidence,
        explanation=explanation,
    )
