"""Squads by name: what people type and read (牡丹区一中队) against what the data carries (mudan-1).

Every search box goes through :func:`squad_codes`, so the source of the names changes in one
place. The squad directory (``streams/directory``, edited by the admin) is the source: callers
that have read it pass its ``code → name`` map; without it, the names the directory itself is
seeded with (district + number, ``jiancha.synthetic.names.squad_name``) stand in, so a query
builder with no Elasticsearch at hand still understands 牡丹区一中队.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from jiancha.synthetic.names import DISTRICTS
from jiancha.synthetic.names import squad_name as _seeded_name
from jiancha.text import fold_numerals, to_simplified

_SPACES = re.compile(r"\s+")
_NUMBERED = re.compile(r"[一二三四五六七八九十\d]+中队$")


@lru_cache(maxsize=1)
def _seeded() -> dict[str, str]:
    """The directory's seed names of every squad code the districts can have (1–9 each)."""
    codes = [f"{p}-{n}" for p in DISTRICTS for n in range(1, 10)]
    return {code: _seeded_name(code, DISTRICTS)[0] for code in codes}


def squad_name(code: str | None, directory: Mapping[str, str] | None = None) -> str:
    """The Chinese name of a squad code (mudan-1 → 牡丹区一中队); an unknown code as it is."""
    if not code:
        return ""
    return (directory or {}).get(code) or _seeded().get(code) or code


def squad_names(directory: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every known squad code with its name, the directory's over the seeded ones."""
    return {**_seeded(), **(directory or {})}


def _squash(text: str) -> str:
    """Spaces gone, Traditional → Simplified, digits and letters folded: how names compare."""
    return fold_numerals(to_simplified(_SPACES.sub("", text))).lower()


def squad_codes(text: str | None, directory: Mapping[str, str] | None = None) -> list[str]:
    """The squad codes a reviewer means by ``text``: a code in any case (MUDAN-1), a full name
    (牡丹区一中队), one without 区/县 or with a digit (牡丹1中队), or a district (牡丹区 → all
    its squads). Text naming no squad is returned as typed: the search honestly finds nothing."""
    if not text or not text.strip():
        return []
    wanted = _squash(text)
    found = []
    for code, name in squad_names(directory).items():
        district = _NUMBERED.sub("", name)
        short = district.rstrip("区县")
        variants = {_squash(code), _squash(name), _squash(name.replace(district, short, 1))}
        if wanted in variants or wanted in {_squash(district), _squash(short)}:
            found.append(code)
    return found or [text.strip()]
