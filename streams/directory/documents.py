"""The directory index's documents: one per squad or officer, ``_id`` = the event's key."""

from __future__ import annotations

from typing import Any

from jiancha.schemas.directory import DirectoryEvent, OfficerSaved, SquadSaved

Entry = SquadSaved | OfficerSaved


def document(entry: Entry) -> dict[str, Any]:
    """The indexed form: one shape for both kinds (``code`` is the squad code or officer id)."""
    if isinstance(entry, SquadSaved):
        return {
            "kind": "squad",
            "code": entry.code,
            "name": entry.name,
            "brigade": entry.brigade,
            "saved_at": entry.saved_at.isoformat(),
            "saved_by": entry.saved_by,
        }
    return {
        "kind": "officer",
        "code": entry.officer_id,
        "name": entry.name,
        "police_number": entry.police_number,
        "role": entry.role,
        "squad_id": entry.squad_id,
        "postings": [p.model_dump(mode="json") for p in entry.postings],
        "saved_at": entry.saved_at.isoformat(),
        "saved_by": entry.saved_by,
    }


def entry_of(source: dict[str, Any]) -> Entry:
    """The event a stored document was made from."""
    data = {k: v for k, v in source.items() if k not in ("code", "squad_id")}
    if source.get("kind") == "officer":
        data["officer_id"] = source["code"]
    else:
        data["code"] = source["code"]
    return DirectoryEvent.model_validate(data).root
