"""A small learned signal for the speech acts: per-act logistic regression over character and
pinyin n-grams.

The frames (:mod:`analyzers.frames`) know the *shape* of an act; this model knows how the
development corpus (``corpus/dev*.jsonl``) words them, so a phrasing no frame lists (你算哪根葱,
别让我在路上再碰上你) can still be heard. It is one more signal, never the judge alone: the
frames add its act only when its probability is high, the speaker is believed, and the segment is
neither reported speech, nor a question, nor undone by a refusal, a lawful basis or a denial
(see :meth:`analyzers.frames.Frames.acts`).

The weights are data (``data/speech_model.json``), trained by ``python -m analyzers.train_speech``
from the committed corpus only; nothing is downloaded. Scoring is a sum of dictionary look-ups, so
the module needs no numerical library at run time.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from jiancha.text import fold_numerals, pinyin

DEFAULT_MODEL = Path(__file__).with_name("data") / "speech_model.json"

_BREAK = re.compile(r"[，,。！!？?；;：:、…\s“”\"'（）()]+")
_DIGITS = re.compile(r"[0-9]+")
_CHAR_N = (1, 2, 3)
_SOUND_N = (1, 2)


def features(text: str) -> set[str]:
    """Character 1–3-grams and toneless-pinyin 1–2-grams of each clause, numbers as ``#``.

    Pinyin n-grams let a homophone the recogniser wrote (交井, 身边) share the weight of the word
    it stands for; clauses are cut at punctuation and spaces, and their edges are marked (``^``).
    """
    out: set[str] = set()
    for clause in _BREAK.split(text.lower()):
        if not clause:
            continue
        c = _DIGITS.sub("#", fold_numerals(clause))
        chars = f"^{c}$"
        for n in _CHAR_N:
            out.update(chars[i : i + n] for i in range(len(chars) - n + 1))
        syl = ["^", *("#" if s.isdigit() else s for s in pinyin(c)), "$"]
        for n in _SOUND_N:
            out.update("p:" + "_".join(syl[i : i + n]) for i in range(len(syl) - n + 1))
    return out


@dataclass(frozen=True)
class SpeechModel:
    """Weights per act over n-gram features; :meth:`probabilities` scores one segment."""

    acts: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: dict[str, float]
    #: Below this probability the model vetoes an act a frame or the lexicon found (round 5,
    #: chosen by leave-one-corpus-out): a frame that fires where nothing else an author wrote for
    #: the act looks alike is more often a rule fitted to one author's wording than a new phrasing.
    veto: dict[str, float] = field(default_factory=dict)

    def probabilities(self, text: str) -> dict[str, float]:
        """The probability of each act in ``text`` (one segment)."""
        z = list(self.bias)
        for f in features(text):
            w = self.weights.get(f)
            if w is not None:
                for k, v in enumerate(w):
                    z[k] += v
        return {
            a: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s))))
            for a, s in zip(self.acts, z, strict=True)
        }

    def heard(self, text: str) -> list[str]:
        """The acts whose probability in ``text`` reaches their threshold."""
        return [a for a, p in self.probabilities(text).items() if p >= self.threshold[a]]

    def to_json(self) -> str:
        """The model as JSON (``data/speech_model.json``)."""
        return json.dumps(
            {
                "acts": list(self.acts),
                "bias": [round(b, 4) for b in self.bias],
                "threshold": self.threshold,
                "veto": self.veto,
                "weights": {f: [round(v, 4) for v in w] for f, w in sorted(self.weights.items())},
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> SpeechModel:
        """Read a model written by :meth:`to_json`."""
        d = json.loads(text)
        acts = tuple(d["acts"])
        return cls(
            acts,
            tuple(float(b) for b in d["bias"]),
            {f: tuple(float(v) for v in w) for f, w in d["weights"].items()},
            {a: float(d["threshold"][a]) for a in acts},
            {a: float(v) for a, v in d.get("veto", {}).items()},
        )


def load_model(path: Path | None = None) -> SpeechModel | None:
    """The model at ``path`` (default: the packaged one), or None when there is none."""
    path = path or DEFAULT_MODEL
    if not path.exists():
        return None
    return SpeechModel.from_json(path.read_text(encoding="utf-8"))
