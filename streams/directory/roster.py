"""A directory for data that carries ids only: the squads and officers its events name.

The demo month and eval-dev have officer ids and squad codes but no names. The roster is read
from their enforcement actions and recordings (who worked in which squad, from when to when);
names are generated (``jiancha.synthetic.names``), seeded by the id, so every run agrees.
An officer seen in two squads gets two dated postings, the first closed the day before the
second begins. Pure: no Kafka, no Elasticsearch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from jiancha.schemas.directory import OfficerSaved, Posting, SquadSaved
from jiancha.synthetic.names import DISTRICTS, person_name, squad_name


@dataclass
class _Seen:
    """Where and when an officer was seen: squad → (first day, last day)."""

    role: str = "officer"
    squads: dict[str, tuple[date, date]] = field(default_factory=dict)

    def saw(self, squad_id: str, day: date) -> None:
        first, last = self.squads.get(squad_id, (day, day))
        self.squads[squad_id] = (min(first, day), max(last, day))


def _day(text: Any) -> date | None:
    try:
        return datetime.fromisoformat(str(text)).date()
    except ValueError:
        return None


def _sightings(events: Iterable[dict[str, Any]]) -> tuple[set[str], dict[str, _Seen]]:
    squads: set[str] = set()
    officers: dict[str, _Seen] = {}
    for event in events:
        data = event.get("data") or {}
        squad = data.get("squad_id")
        if not isinstance(squad, str) or not squad:
            continue
        if event.get("type") == "enforcement_action":
            day, who = _day(data.get("occurred_at")), [data.get("officer_id")]
            role = data.get("officer_role")
            if isinstance(who[0], str) and role in ("officer", "auxiliary"):
                officers.setdefault(who[0], _Seen()).role = role
        elif event.get("type") == "recording":
            day, who = _day(data.get("started_at")), list(data.get("officer_ids") or [])
        else:
            continue
        squads.add(squad)
        for oid in who:
            if isinstance(oid, str) and oid and day is not None:
                officers.setdefault(oid, _Seen()).saw(squad, day)
    return squads, officers


def _postings(seen: _Seen) -> list[Posting]:
    """Dated postings, the earliest first; each open posting closes the day before the next."""
    spans = sorted(seen.squads.items(), key=lambda kv: kv[1][0])
    postings = []
    for i, (squad, (first, _)) in enumerate(spans):
        following = spans[i + 1][1][0] if i + 1 < len(spans) else None
        until = following - timedelta(days=1) if following is not None else None
        postings.append(Posting(squad_id=squad, since=first, until=until))
    return postings


def police_number(officer_id: str) -> str:
    """The 警号 printed for an id: its digits (auxiliaries keep their FJ prefix)."""
    digits = "".join(c for c in officer_id if c.isdigit())
    return officer_id if officer_id.startswith("FJ") or not digits else digits


def roster_from_events(
    events: Iterable[dict[str, Any]], saved_at: datetime, saved_by: str = "seed"
) -> list[SquadSaved | OfficerSaved]:
    """Squads, then officers, named, from replay events (``{"type", "data"}`` dicts)."""
    squads, officers = _sightings(events)
    entries: list[SquadSaved | OfficerSaved] = []
    for code in sorted(squads):
        name, brigade = squad_name(code, DISTRICTS)
        entries.append(
            SquadSaved(code=code, name=name, brigade=brigade, saved_at=saved_at, saved_by=saved_by)
        )
    for oid in sorted(officers):
        seen = officers[oid]
        if not seen.squads:
            continue
        role = "auxiliary" if oid.startswith("FJ") else seen.role
        entries.append(
            OfficerSaved(
                officer_id=oid,
                name=person_name(oid),
                police_number=police_number(oid),
                role=role,  # type: ignore[arg-type]
                postings=_postings(seen),
                saved_at=saved_at,
                saved_by=saved_by,
            )
        )
    return entries


def read_lines(lines: Iterable[str | bytes]) -> Iterator[dict[str, Any]]:
    """The JSON objects of a replay or directory file; blank and broken lines are skipped."""
    for line in lines:
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        if isinstance(obj, dict):
            yield obj


def entries_from_file(
    lines: Iterable[str | bytes], saved_at: datetime, saved_by: str = "seed"
) -> list[SquadSaved | OfficerSaved]:
    """The entries a seed file gives: its own ``squad``/``officer`` lines, else generated ones.

    A seed file may be a directory (``{"type": "squad"|"officer", "data": {...}}`` per line),
    a replay file (its squads and officers are named by :func:`roster_from_events`), or both:
    a line of the directory wins over the generated entry of the same key. Raises ValueError
    (Chinese) on a directory line that breaks the contract.
    """
    from pydantic import ValidationError

    from jiancha.schemas.directory import DirectoryEvent

    events, given = [], {}
    for number, obj in enumerate(read_lines(lines), start=1):
        if obj.get("type") in ("squad", "officer") and isinstance(obj.get("data"), dict):
            data = {"saved_at": saved_at, "saved_by": saved_by, **obj["data"]}
            try:
                entry = DirectoryEvent.model_validate({**data, "kind": obj["type"]}).root
            except ValidationError as exc:
                first = exc.errors(include_url=False)[0]
                where = ".".join(str(p) for p in first["loc"])
                raise ValueError(f"第{number}条名录记录不符合契约：{where} {first['msg']}") from exc
            given[entry.key] = entry
        else:
            events.append(obj)
    generated = {e.key: e for e in roster_from_events(events, saved_at, saved_by)}
    return list({**generated, **given}.values())
