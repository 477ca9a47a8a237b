"""Names for printed pages (the bulletin): a squad's name for its code, an officer's for his id.

Pure. An id the directory does not know prints as itself, so a page is never blank for a
squad or officer added after the directory was last edited.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Names:
    """The directory's name maps (``store.name_maps``)."""

    squads: Mapping[str, str] = field(default_factory=dict)
    officers: Mapping[str, str] = field(default_factory=dict)

    def squad(self, code: str | None) -> str:
        """牡丹区一中队 for ``mudan-1``; the code itself if unknown; — for none."""
        if not code:
            return "—"
        return self.squads.get(code, code)

    def officer(self, officer_id: str | None) -> str:
        """王建国（GA403677）: the name with the id, which is how records find him; else the id.

        The bulletin masks civilians (DESIGN.md: plates and civilian names); officers are
        named, as a 通报 names whom it criticises.
        """
        if not officer_id:
            return ""
        name = self.officers.get(officer_id)
        return f"{name}（{officer_id}）" if name else officer_id

    def labelled(self, row: dict[str, Any]) -> dict[str, Any]:
        """``row`` with ``squad_label`` and ``officer_label`` added (spreadsheets print these)."""
        return {
            **row,
            "squad_label": self.squad(row.get("squad_id")),
            "officer_label": self.officer(row.get("officer_id")) or None,
        }
