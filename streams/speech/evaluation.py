"""Measuring the transcriber: character error rate and officer/civilian attribution.

- CER = (substitutions + deletions + insertions) / reference characters, on
:func:`normalize_for_scoring` text
  (Simplified, numbers as read, no punctuation), summed over all files (not a mean of per-file
  rates).
- Attribution: reference and hypothesis characters are aligned (Levenshtein); every aligned pair of
characters
  (match or substitution) counts as correct when the hypothesis speaker equals the reference
  speaker. A turn of
  the script is correct when most of its aligned characters carry its speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from streams.speech.textnorm import normalize_for_scoring


def _align(ref: str, hyp: str) -> tuple[int, list[tuple[int, int]]]:
    """Edit distance and the aligned (ref index, hyp index) pairs of matches and substitutions."""
    n, m = len(ref), len(hyp)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        ri, row, prev = ref[i - 1], d[i], d[i - 1]
        for j in range(1, m + 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ri != hyp[j - 1]))
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        if d[i][j] == d[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif d[i][j] == d[i - 1][j] + 1:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return d[n][m], pairs


def char_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edit distance, reference length) after scoring normalisation."""
    ref, hyp = normalize_for_scoring(reference), normalize_for_scoring(hypothesis)
    dist, _ = _align(ref, hyp)
    return dist, len(ref)


@dataclass
class Attribution:
    chars_correct: int = 0
    chars_aligned: int = 0
    turns_correct: int = 0
    turns: int = 0

    def add(self, other: Attribution) -> None:
        self.chars_correct += other.chars_correct
        self.chars_aligned += other.chars_aligned
        self.turns_correct += other.turns_correct
        self.turns += other.turns

    @property
    def char_accuracy(self) -> float:
        return self.chars_correct / self.chars_aligned if self.chars_aligned else 0.0

    @property
    def turn_accuracy(self) -> float:
        return self.turns_correct / self.turns if self.turns else 0.0


def attribution(
    turns: Sequence[tuple[str, str]], segments: Sequence[tuple[str, str]]
) -> Attribution:
    """Attribution of ``segments`` against the script's ``turns``, both (speaker, text) in order."""
    ref, ref_spk, ref_turn = "", [], []
    for t, (speaker, text) in enumerate(turns):
        chars = normalize_for_scoring(text)
        ref += chars
        ref_spk += [speaker] * len(chars)
        ref_turn += [t] * len(chars)
    hyp, hyp_spk = "", []
    for speaker, text in segments:
        chars = normalize_for_scoring(text)
        hyp += chars
        hyp_spk += [speaker] * len(chars)
    _, pairs = _align(ref, hyp)
    out = Attribution()
    per_turn: dict[int, list[bool]] = {}
    for i, j in pairs:
        ok = ref_spk[i] == hyp_spk[j]
        out.chars_aligned += 1
        out.chars_correct += ok
        per_turn.setdefault(ref_turn[i], []).append(ok)
    out.turns = len(turns)
    out.turns_correct = sum(1 for votes in per_turn.values() if sum(votes) * 2 > len(votes))
    return out
