"""Text Whisper wrote that nobody said, found and removed before it becomes evidence.

Under street noise Whisper fills what it cannot hear: it loops (请出示驾驶证请出示驾驶证…), writes
more than could be said in the speech it had, and writes sentences where VAD heard no speech.
:func:`guard` removes such words from the engine's segments and returns what it removed, with
times, so the transcript counts them (:class:`Removal`) and the kept words keep their own times
(a segment's start and end come from its kept words only).

Rules, in order:

1. ``no_speech``: a segment whose words all lie away from every VAD speech stretch, or that
   Whisper itself thinks is silence (no_speech_prob > 0.6) and decoded with low confidence
   (avg_logprob < −1.0, Whisper's own pair of thresholds), or decoded with very low confidence
   (avg_logprob < −1.5).
2. ``repetition``: a run of one character repeated 5+ times, or of 2–20 characters 3+ times, over
   the whole recording (loops cross segment boundaries); the first copy stays.
3. ``too_fast``: a segment with more characters than its VAD speech allows at
   :data:`MAX_CHARS_PER_S` (Mandarin conversation is 4–6 字/s, fast reading about 8); words
   outside speech go first, then words from its end.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from streams.speech.engines import EngineSegment, Word

MAX_CHARS_PER_S = 9.0
_SLACK_CHARS = 2  # a short segment around a short burst of speech
_NEAR_SPEECH_S = 0.5
_LOOP_MIN_COPIES = {1: 5}  # unit length → copies; any longer unit: 3
_LOOP_MAX_UNIT = 20

Reason = Literal["no_speech", "repetition", "too_fast"]


@dataclass(frozen=True)
class Removal:
    """Text removed as hallucinated: where the engine put it, what it said, which rule."""

    start: float
    end: float
    text: str
    reason: Reason

    @property
    def chars(self) -> int:
        return sum(c.isalnum() for c in self.text)


def _chars(text: str) -> int:
    return sum(c.isalnum() for c in text)


def words_of(segment: EngineSegment) -> tuple[Word, ...]:
    """The segment's words; a segment without word times is one word with its own times."""
    if segment.words:
        return segment.words
    return (Word(segment.start, segment.end, segment.text, math.exp(segment.avg_logprob)),)


def _speech_in(start: float, end: float, speech: Sequence[tuple[float, float]]) -> float:
    return sum(max(0.0, min(end, e) - max(start, s)) for s, e in speech)


def _near_speech(word: Word, speech: Sequence[tuple[float, float]]) -> bool:
    return any(word.start < e + _NEAR_SPEECH_S and word.end > s - _NEAR_SPEECH_S for s, e in speech)


def loop_spans(chars: str) -> list[tuple[int, int]]:
    """Spans ``[a, b)`` of ``chars`` that repeat the unit just before them (the copies to drop)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(chars)
    while i < n:
        best: tuple[int, int] | None = None  # (unit, covered length)
        for u in range(1, min(_LOOP_MAX_UNIT, (n - i) // 2) + 1):
            unit = chars[i : i + u]
            k = 1
            while chars[i + k * u : i + (k + 1) * u] == unit:
                k += 1
            if k >= _LOOP_MIN_COPIES.get(u, 3) and (best is None or k * u > best[1]):
                best = (u, k * u)
        if best is None:
            i += 1
            continue
        u, covered = best
        end = i + covered
        while end < n and chars[end] == chars[i + (end - i) % u]:  # a last, partial copy
            end += 1
        spans.append((i + u, end))
        i = end
    return spans


def _drop_loops(segments: list[list[Word]]) -> list[tuple[int, Word]]:
    """Remove loop copies in place; the removed (segment index, word)."""
    chars: list[str] = []
    owner: list[tuple[int, int]] = []  # (segment, word) of each character
    for si, words in enumerate(segments):
        for wi, w in enumerate(words):
            for c in w.text:
                if c.isalnum():
                    chars.append(c)
                    owner.append((si, wi))
    spans = loop_spans("".join(chars))
    if not spans:
        return []
    removed_chars: dict[tuple[int, int], int] = {}
    for a, b in spans:
        for k in range(a, b):
            removed_chars[owner[k]] = removed_chars.get(owner[k], 0) + 1
    dropped: list[tuple[int, Word]] = []
    for si, words in enumerate(segments):
        keep = []
        for wi, w in enumerate(words):
            if removed_chars.get((si, wi), 0) * 2 > _chars(w.text):
                dropped.append((si, w))
            else:
                keep.append(w)
        segments[si] = keep
    return dropped


def _removal(words: Sequence[Word], reason: Reason) -> Removal:
    return Removal(
        round(min(w.start for w in words), 2),
        round(max(w.end for w in words), 2),
        "".join(w.text for w in words).strip(),
        reason,
    )


def guard(
    segments: Sequence[EngineSegment],
    speech: Sequence[tuple[float, float]],
    max_chars_per_s: float = MAX_CHARS_PER_S,
) -> tuple[list[EngineSegment], list[Removal]]:
    """``segments`` without hallucinated words, and what was removed. ``speech``: VAD stretches
    (seconds); empty means VAD heard nothing, so no word can be near speech."""
    removals: list[Removal] = []
    kept: list[EngineSegment] = []
    words: list[list[Word]] = []
    for s in segments:
        ws = [w for w in words_of(s) if w.text.strip()]
        if not ws:
            continue
        silent = (s.no_speech_prob > 0.6 and s.avg_logprob < -1.0) or s.avg_logprob < -1.5
        if silent or not any(_near_speech(w, speech) for w in ws):
            removals.append(_removal(ws, "no_speech"))
            continue
        kept.append(s)
        words.append(ws)

    by_segment: dict[int, list[Word]] = {}
    for si, w in _drop_loops(words):
        by_segment.setdefault(si, []).append(w)
    for si in sorted(by_segment):
        removals.append(_removal(by_segment[si], "repetition"))

    for si, ws in enumerate(words):
        if not ws:
            continue
        said = _speech_in(ws[0].start - _NEAR_SPEECH_S, ws[-1].end + _NEAR_SPEECH_S, speech)
        allowed = int(max_chars_per_s * said) + _SLACK_CHARS
        if sum(_chars(w.text) for w in ws) <= allowed:
            continue
        # Words away from speech go first, then words from the end, until the rest fits.
        order = sorted(range(len(ws)), key=lambda i: (_near_speech(ws[i], speech), -i))
        total = sum(_chars(w.text) for w in ws)
        drop: set[int] = set()
        for i in order:
            if total <= allowed:
                break
            drop.add(i)
            total -= _chars(ws[i].text)
        removals.append(_removal([ws[i] for i in sorted(drop)], "too_fast"))
        words[si] = [w for i, w in enumerate(ws) if i not in drop]

    out = [
        replace(
            s, start=ws[0].start, end=ws[-1].end, text="".join(w.text for w in ws), words=tuple(ws)
        )
        for s, ws in zip(kept, words, strict=True)
        if ws
    ]
    removals.sort(key=lambda r: r.start)
    return out, removals
