"""HTTP Range requests (RFC 9110 §14) for media: one byte range, so a player can seek."""

from __future__ import annotations


class RangeNotSatisfiable(ValueError):
    """The Range header names no byte of the file (→ 416)."""


#: Positions past any file: a longer number means the same (and ``int`` of thousands of digits
#: is refused by Python, or slow).
_FAR = 10**18


def _position(digits: str) -> int:
    digits = digits.lstrip("0") or "0"
    return _FAR if len(digits) > len(str(_FAR)) else min(int(digits), _FAR)


def _digits(s: str) -> bool:
    return s.isascii() and s.isdigit()  # "²".isdigit() is True; int("²") is not


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The inclusive byte range ``(first, last)`` of ``Range: bytes=…``; None for the whole file.

    Supports ``a-b``, ``a-`` and ``-n`` (the last n bytes). Several ranges are answered with the
    first one only (allowed: a server may ignore or coalesce ranges). A header that is not a
    byte range is ignored, as RFC 9110 requires; a syntactically valid range outside the file
    is refused.
    """
    if not header:
        return None
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or not spec.strip():
        return None
    first_spec = spec.split(",")[0].strip()
    start_s, dash, end_s = first_spec.partition("-")
    start_s, end_s = start_s.strip(), end_s.strip()
    if not dash or not (_digits(start_s) or start_s == "") or not (_digits(end_s) or end_s == ""):
        return None
    if start_s == "":
        if end_s == "":
            return None
        suffix = _position(end_s)
        if suffix == 0 or size == 0:
            raise RangeNotSatisfiable(header)
        return max(0, size - suffix), size - 1
    start = _position(start_s)
    if end_s and _position(end_s) < start:
        return None  # invalid syntax: ignore and send the whole file
    if start >= size:
        raise RangeNotSatisfiable(header)
    end = _position(end_s) if end_s else size - 1
    return start, min(end, size - 1)
