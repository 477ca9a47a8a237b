"""The reviewers' work queue (我的待办) as pure rules: risk score, officer spread, auto-assignment.

Nothing here does I/O or reads a clock; ``api/routes/queue.py`` brings Elasticsearch, Kafka and
the time. The order answers issue 17: the gravest, surest, complained-about and oldest cases
first, and no officer's cases filling a page (a reviewer should not spend a day on one man while
others wait).

Risk score, 0–1, the weighted sum of four parts each in 0–1 (the weights are ``WEIGHTS``):

- severity (0.40): the case's highest flag severity, 1–5, as (severity − 1) / 4;
- confidence (0.25): how sure the analyzers are, :func:`confidence`;
- complaint (0.20): 1 when a citizen's complaint is linked to the case (12345, 12123, …);
- age (0.15): days since the encounter over ``AGE_FULL_DAYS`` (14), capped at 1: the 24 h upload
  rule and the 7-day order term make a fortnight-old pending case overdue work.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

#: The weights of the risk score (they sum to 1).
WEIGHTS = {"severity": 0.40, "confidence": 0.25, "complaint": 0.20, "age": 0.15}
#: Age at which the age part is full.
AGE_FULL_DAYS = 14.0
#: No more than this many cases of one officer on one page of the queue.
PER_OFFICER_PER_PAGE = 2
#: Categories judged on an officer's statistics over a month, not on one encounter's evidence:
#: a pattern to look into rather than a fact shown.
STATISTICAL = frozenset({"out_of_town_targeting", "month_end_spike"})
#: Categories that may rest on a transcript alone.
HEARD = frozenset({"cash_no_receipt", "quota", "verbal_abuse", "threat", "procedure_missing"})


@dataclass(frozen=True)
class Ranked:
    """A case with its risk score (and the parts, so the console can say why)."""

    case_id: str
    officer_id: str | None
    score: float
    parts: dict[str, float]
    source: dict[str, Any]


def confidence(case: dict[str, Any]) -> float:
    """How sure the analyzers are of a case, 0–1.

    A flag shown by a ticket's fields (a fine outside its legal range, a missing receipt) or by
    recording metadata (a gap, a late upload) is a fact: 1.0. One resting on words only (speech
    recognition mishears: 陈述申辩 → 陈述身边) is 0.7. An officer-level statistical pattern is 0.5.
    Each further flag on the case corroborates: +0.1, capped at 1.
    """
    flags = case.get("flags") or []
    if not flags:
        return 0.5 if set(case.get("categories") or []) & STATISTICAL else 0.7
    best = max(_flag_confidence(f) for f in flags)
    return min(1.0, best + 0.1 * (len(flags) - 1))


def _flag_confidence(flag: dict[str, Any]) -> float:
    category = flag.get("category")
    if category in STATISTICAL:
        return 0.5
    if any(e.get("action_id") for e in flag.get("evidence") or []):
        return 1.0  # a field of the ticket shows it
    if category in HEARD:
        return 0.7  # words heard by speech recognition, nothing on record
    return 1.0  # recording metadata: times, uploads


def risk(case: dict[str, Any], now: datetime) -> tuple[float, dict[str, float]]:
    """The risk score of a case at ``now`` and its weighted parts."""
    severity = max(1, min(5, int(case.get("severity") or 1)))
    complaint = 1.0 if case.get("complaint_ids") or case.get("complaints") else 0.0
    age = 0.0
    occurred = case.get("occurred_at")
    if occurred:
        when = datetime.fromisoformat(occurred) if isinstance(occurred, str) else occurred
        age = max(0.0, min(1.0, (now - when).total_seconds() / 86400 / AGE_FULL_DAYS))
    raw = {
        "severity": (severity - 1) / 4,
        "confidence": confidence(case),
        "complaint": complaint,
        "age": age,
    }
    parts = {k: round(WEIGHTS[k] * v, 4) for k, v in raw.items()}
    return round(sum(parts.values()), 4), parts


def rank(cases: Iterable[dict[str, Any]], now: datetime) -> list[Ranked]:
    """Cases by risk score, highest first (ties: older first, then case id)."""
    ranked = []
    for case in cases:
        score, parts = risk(case, now)
        ranked.append(Ranked(case["case_id"], case.get("officer_id"), score, parts, case))
    ranked.sort(key=lambda r: (-r.score, r.source.get("occurred_at") or "", r.case_id))
    return ranked


def spread(ranked: Sequence[Ranked], page_size: int, k: int = PER_OFFICER_PER_PAGE) -> list[Ranked]:
    """Reorder so that no page of ``page_size`` holds more than ``k`` cases of one officer.

    Each page takes the highest-scored cases whose officer has fewer than ``k`` on it; a case held
    back goes to the next page, still ahead of lower scores. Only when a page cannot be filled
    otherwise (too few officers left) does it take more of one officer. O(n log n).
    """
    if page_size < 1 or k < 1:
        raise ValueError("page_size and k must be positive")
    heap = [(i, r) for i, r in enumerate(ranked)]  # already in rank order: a valid heap
    out: list[Ranked] = []
    while heap:
        on_page: Counter[str | None] = Counter()
        held: list[tuple[int, Ranked]] = []
        taken = 0
        while heap and taken < page_size:
            i, r = heapq.heappop(heap)
            if r.officer_id is not None and on_page[r.officer_id] >= k:
                held.append((i, r))
                continue
            on_page[r.officer_id] += 1
            out.append(r)
            taken += 1
        while held and taken < page_size:  # not enough other officers left: relax
            out.append(held.pop(0)[1])
            taken += 1
        for item in held:
            heapq.heappush(heap, item)
    return out


def auto_assign(
    cases: Sequence[Ranked], reviewers: Sequence[str], load: dict[str, int]
) -> dict[str, str]:
    """Case id → reviewer: each case (in rank order) to the reviewer with the fewest open cases.

    ``load`` is each reviewer's open (assigned, still pending) cases now; ties go by name, so the
    same inputs give the same assignment. Cases of one officer go round the reviewers too, since
    the load evens out as they are dealt.
    """
    if not reviewers:
        return {}
    counts = {r: load.get(r, 0) for r in sorted(set(reviewers))}
    heap = [(n, r) for r, n in counts.items()]
    heapq.heapify(heap)
    out: dict[str, str] = {}
    for case in cases:
        n, reviewer = heapq.heappop(heap)
        out[case.case_id] = reviewer
        heapq.heappush(heap, (n + 1, reviewer))
    return out


def page_of(items: Sequence[Ranked], page: int, size: int) -> list[Ranked]:
    """One page (1-based) of the spread queue."""
    return list(items[(page - 1) * size : page * size])
