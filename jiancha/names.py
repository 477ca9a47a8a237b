"""Squads by name: what people type and read (牡丹区一中队) against what the data carries (mudan-1).

Every page, search box and bulletin goes through these functions, so the source of the names can
change in one place: today they are derived from the squad code (district + number), as the
detachment numbers its squads; the squad directory (a compacted topic edited by the admin) is to
replace :func:`_known_names` without any caller changing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jiancha.synthetic.month import _DISTRICTS as DISTRICTS  # the one table of districts
from jiancha.text import chinese_number, fold_numerals, to_simplified

_CODE = re.compile(r"^([a-z]+)-(\d{1,2})$")
_SPACES = re.compile(r"\s+")


def squad_name(code: str | None) -> str:
    """The Chinese name of a squad code (mudan-1 → 牡丹区一中队); an unknown code as it is."""
    if not code:
        return ""
    m = _CODE.match(code)
    district = DISTRICTS.get(m[1]) if m else None
    if not m or district is None:
        return code
    return f"{district[1]}{chinese_number(int(m[2]))}中队"


@lru_cache(maxsize=1)
def _known_names() -> dict[str, str]:
    """Every squad the system knows by code, with its name (codes 1–9 of each district)."""
    return {f"{p}-{n}": squad_name(f"{p}-{n}") for p in DISTRICTS for n in range(1, 10)}


def _squash(text: str) -> str:
    """Spaces gone, Traditional → Simplified, letters lower-case: how names and codes compare."""
    return to_simplified(_SPACES.sub("", text)).lower()


def squad_codes(text: str | None) -> list[str]:
    """The squad codes a reviewer means by ``text``: a code in any case (MUDAN-1), a full name
    (牡丹区一中队), a name without 区/县 or with a digit (牡丹1中队), or a district (牡丹区 → all
    its squads). Text naming no squad is returned as typed: the search honestly finds nothing."""
    if not text or not text.strip():
        return []
    wanted = _squash(text)
    names = _known_names()
    if wanted in names:
        return [wanted]
    found = []
    for code, name in names.items():
        district = name.removesuffix("中队").rstrip("一二三四五六七八九")
        variants = {_squash(name), _squash(name.replace(district, district.rstrip("区县")))}
        variants |= {fold_numerals(v).lower() for v in variants}
        as_digits = _squash(fold_numerals(text)).lower()
        if {wanted, as_digits} & variants or wanted in {district, district.rstrip("区县")}:
            found.append(code)
    return found or [text.strip()]


def squad_names() -> dict[str, str]:
    """Every known squad code with its Chinese name (for pages that label many squads at once)."""
    return dict(_known_names())
