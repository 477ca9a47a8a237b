"""Train the speech model (:mod:`analyzers.speech_model`) on the development corpus, and measure
the frames with it by cross-validation.

    python -m analyzers.train_speech              # cross-validate, write data/speech_model.json
    python -m analyzers.train_speech --cv-only    # only the cross-validated table

Only the ``dev`` split is read (``corpus/dev*.jsonl`` and the spent held-out sets
``heldout.jsonl``–``heldout3.jsonl``, promoted in rounds 4 and 5); the current held-out set is not
in the repository. Each segment is one
example: an officer's (or unknown speaker's) segment carries its exchange's labels, a civilian's
carries none (what the civilian says is never the officer's act). The model is a logistic
regression per act over the n-grams of :func:`analyzers.speech_model.features`, fitted by full-batch
Adam with an L2 penalty; numpy is needed here only, not when the model is used.
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from analyzers.corpus import (
    CORPUS_DIR,
    DEV_FILES,
    LABEL_NAMES,
    Exchange,
    Result,
    Score,
    evaluate,
    load,
    load_split,
)
from analyzers.frames import ACTS, Frames
from analyzers.lexicon import load_lexicon
from analyzers.speech_model import DEFAULT_MODEL, SpeechModel, features

#: Probability an act must reach before the model may add it (chosen by cross-validation: the
#: frames' precision must stay at or above 0.95 on unseen folds). Round 4, 5-fold on the enlarged
#: dev split: 0.6 gives micro 0.985 / 0.981, 0.7 gives 0.990 / 0.980 (9 fewer false acts for one
#: fewer found), 0.8 gives 0.992 / 0.979.
THRESHOLD = 0.7
L2 = 3e-4
EPOCHS = 250
MIN_COUNT = 2  # n-grams seen once are noise, and would make the weights file large
SEED_FOLDS = 5


def examples(exchanges: Sequence[Exchange]) -> list[tuple[str, frozenset[str]]]:
    """(segment text, labels) for every segment of ``exchanges``."""
    return [
        (t.text, e.labels if t.speaker != "civilian" else frozenset())
        for e in exchanges
        for t in e.turns
    ]


def train(
    data: Sequence[tuple[str, frozenset[str]]],
    threshold: float = THRESHOLD,
    l2: float = L2,
    epochs: int = EPOCHS,
) -> SpeechModel:
    """A logistic regression per act over the n-grams of ``data``."""
    feats = [features(t) for t, _ in data]
    counts = Counter(f for fs in feats for f in fs)
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    rows = [np.array(sorted(vocab[f] for f in fs if f in vocab), dtype=np.int64) for fs in feats]
    lengths = np.array([len(r) for r in rows])
    idx = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(len(rows)), lengths)
    y = np.array([[a in labels for a in ACTS] for _, labels in data], dtype=np.float64)
    n, k = len(rows), len(ACTS)
    w = np.zeros((len(vocab), k))
    b = np.full(k, -3.0)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros(k), np.zeros(k)
    lr, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        z = np.zeros((n, k))
        np.add.at(z, owner, w[idx])
        z += b
        err = 1.0 / (1.0 + np.exp(-z)) - y
        gw = np.zeros_like(w)
        np.add.at(gw, idx, err[owner])
        gw = gw / n + l2 * w
        gb = err.mean(axis=0)
        for g, m, v, p in ((gw, mw, vw, w), (gb, mb, vb, b)):
            m *= beta1
            m += (1 - beta1) * g
            v *= beta2
            v += (1 - beta2) * g * g
            p -= lr * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
    keep = np.abs(w).max(axis=1) >= 0.01
    weights = {f: tuple(float(x) for x in w[i]) for f, i in vocab.items() if keep[i]}
    return SpeechModel(ACTS, tuple(float(x) for x in b), weights, {a: threshold for a in ACTS})


def _fold(e: Exchange, k: int) -> int:
    return int(hashlib.sha1(e.id.encode()).hexdigest(), 16) % k


def cross_validate(
    exchanges: Sequence[Exchange], thresholds: Sequence[float], k: int = SEED_FOLDS
) -> dict[float, dict[str, dict[str, Score]]]:
    """Per threshold, per subset (``all``, ``dev2``) and label: the frames with a model trained
    on the other folds, scored on each fold in turn."""
    lexicon = load_lexicon()
    out: dict[float, dict[str, dict[str, Score]]] = {
        t: {s: {a: Score() for a in (*ACTS, "micro")} for s in ("all", "dev2")} for t in thresholds
    }
    for fold in range(k):
        test = [e for e in exchanges if _fold(e, k) == fold]
        model = train(examples([e for e in exchanges if _fold(e, k) != fold]))
        for t in thresholds:
            m = SpeechModel(model.acts, model.bias, model.weights, {a: t for a in ACTS})
            frames = Frames.load(None, lexicon, m)
            for subset, items in (
                ("all", test),
                ("dev2", [e for e in test if e.id.startswith("D2-")]),
            ):
                r = evaluate(items, frames)
                for a in ACTS:
                    _add(out[t][subset][a], r.labels[a])
                _add(out[t][subset]["micro"], r.micro)
    return out


def leave_one_corpus_out(
    directory: Path | None = None,
    files: Sequence[str] = DEV_FILES,
    model_options: dict[str, object] | None = None,
) -> dict[str, tuple[Result, Result]]:
    """Per development file F: the frames alone, and the frames with a model trained on every
    other file (the production combination), each scored on F.

    Each file is one author's round, so this estimates what the recogniser does with an author it
    has never seen; 5-fold cross-validation mixes every author into every fold and does not.
    The frames themselves were written with every dev file in view: only the model is out of
    sample here, so a frame rule that fits one author shows up as a gap between files.
    """
    lexicon = load_lexicon()
    corpora = {
        name: load(path) for name in files if (path := (directory or CORPUS_DIR) / name).exists()
    }
    out: dict[str, tuple[Result, Result]] = {}
    for name, held in corpora.items():
        rest = [e for other, items in corpora.items() if other != name for e in items]
        model = train(examples(rest), **(model_options or {}))  # type: ignore[arg-type]
        out[name] = (
            evaluate(held, Frames.load(None, lexicon)),
            evaluate(held, Frames.load(None, lexicon, model)),
        )
    return out


def _add(into: Score, s: Score) -> None:
    into.tp += s.tp
    into.fp += s.fp
    into.fn += s.fn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="训练语音行为统计模型并交叉验证")
    parser.add_argument("--cv-only", action="store_true", help="只做交叉验证，不写模型")
    parser.add_argument("--no-cv", action="store_true", help="不做交叉验证，直接训练写出")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--thresholds", default=f"{THRESHOLD}")
    args = parser.parse_args(argv)
    dev = load_split("dev")
    if not args.no_cv:
        thresholds = [float(x) for x in args.thresholds.split(",")]
        base = {
            s: evaluate(items, Frames.load(None, load_lexicon()))
            for s, items in (("all", dev), ("dev2", [e for e in dev if e.id.startswith("D2-")]))
        }
        for s, r in base.items():
            print(f"不用模型（{s}）：micro {r.micro.precision:.3f}/{r.micro.recall:.3f}")
        for t, subsets in cross_validate(dev, thresholds).items():
            for subset, labels in subsets.items():
                print(f"阈值 {t}，{SEED_FOLDS} 折交叉验证（{subset}）：")
                for a, sc in labels.items():
                    name = LABEL_NAMES.get(a, "合计（micro）")
                    pr = f"{sc.precision:>8.3f}{sc.recall:>8.3f}"
                    print(f"  {name:<10}{pr}{sc.tp:>6}{sc.fp:>5}{sc.fn:>5}")
    if not args.cv_only:
        model = train(examples(dev), float(args.thresholds.split(",")[0]))
        args.out.write_text(model.to_json() + "\n", encoding="utf-8")
        print(f"模型写入 {args.out}（{len(model.weights)} 个特征）")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
