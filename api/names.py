"""Squad names typed in a search box, resolved against the squad directory (issue 16).

The query builders are pure and resolve names by the directory's seed names alone
(:mod:`jiancha.names`); the API, which can read the directory, resolves them against what the
admin has actually saved, so a renamed or new squad is found by its name too.
"""

from __future__ import annotations

from typing import Any

from jiancha.names import squad_codes
from streams.directory.store import name_maps


async def directory_names(es: Any, aliases: dict[str, str]) -> dict[str, dict[str, str]]:
    """The directory's name maps (squads, officers); empty when it cannot be read."""
    try:
        return await name_maps(es, aliases["directory"])
    except Exception:  # the directory is a convenience: a search still works on the seed names
        return {"squads": {}, "officers": {}}


async def resolve_squads(es: Any, aliases: dict[str, str], typed: str | None) -> tuple[str, ...]:
    """The squad codes ``typed`` names (a code or a name, any case, Traditional or Simplified)."""
    if not typed or not typed.strip():
        return ()
    directory = (await directory_names(es, aliases)).get("squads", {})
    return tuple(squad_codes(typed, directory))
