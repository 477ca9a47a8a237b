"""Train the speech model (:mod:`analyzers.speech_model`) on the development corpus, and choose
how it joins the frames by leave-one-corpus-out.

    python -m analyzers.train_speech           # train on the dev split, write the model
    python -m analyzers.train_speech --grid    # per act: threshold and veto by leave-one-corpus-out

Only the ``dev`` split is read (``corpus/dev*.jsonl`` and the spent held-out sets
``heldout.jsonl``–``heldout4.jsonl``, promoted in rounds 4–6, ``heldout6``/``heldout7`` in round 8,
``heldout8`` in round 9, ``heldout9`` in round 10, ``heldout10`` in round 11); the current held-out
set is not in the repository. Each segment is trained on twice, as written and once with
Whisper-style damage (:mod:`analyzers.speech_augment`, seeded; round 7). Each segment is one
example: an officer's (or unknown speaker's) segment carries its exchange's labels; a civilian's is
left out. It used to be a negative (what the civilian says is never the officer's act), but that
taught the model the *speaker's* wording, not the act: its veto then struck a civilian's 一群混蛋
as no insult at all (the good-practice step 面对辱骂保持克制 never fired), and a turn the
recogniser gives the wrong speaker is judged by the words. Who said it is the frames' question
(:meth:`analyzers.frames.Act.believed_from`). The model is a logistic regression per act over the
n-grams of :func:`analyzers.speech_model.features`, fitted by full-batch Adam with an L2 penalty;
numpy is needed here only, not when the model is used.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
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
from analyzers.speech_augment import damaged
from analyzers.speech_model import DEFAULT_MODEL, SpeechModel, features

#: Per act: the probability the model needs to add an act no frame found (``threshold``), and
#: the probability below which it vetoes an act a frame or the lexicon found (``veto``). Chosen in
#: round 5 by leave-one-corpus-out over the dev files (``python -m analyzers.train_speech
#: --grid``): per act the pair with the best pooled F1 of the held-out files, since each file is
#: a new author. Round 4 had chosen 0.7 for every act by 5-fold cross-validation, which mixes every
#: author into every fold and so rewards remembering an author's wording.
#: Round 6 lowered threat's threshold to 0.5 (LOCO over 8 files: threat 0.961 / 0.923 ->
#: 0.946 / 0.938, F1 the same, recall being the threat gap; 0.4 lost F1, insult at 0.7 lost F1).
#: Round 7 re-ran the whole grid with the damaged training copies. Insult's best cell (0.5, veto
#: 0.1: pooled F1 0.936 -> 0.938, dev4 0.861 -> 0.909) vetoes a civilian's 一群混蛋 (p 0.04), so
#: 面对辱骂保持克制 never fires (tests/unit/test_good_practice.py); its threshold alone is kept
#: (0.5, veto 0.02: pooled insult F1 0.936 -> 0.938, dev4 0.861 -> 0.865). Every other act's best
#: cell lost F1 on dev4, the one file no frame was written for, and was not taken.
#: Round 8 (10 files, round 8's frames, the veto sparing civilians' own words): per act the cell
#: with the best pooled F1 among those whose dev4 F1 did not fall — cash 0.5 / 0.1 (pooled F1
#: +0.0005, dev4 the same), quota 0.6 / 0.1 (+0.0034, dev4 +0.011), threat 0.5 / 0.1 (+0.0019,
#: dev4 +0.007), identification 0.5 / 0.1 (+0.0011, dev4 the same); insult and rights notices
#: keep theirs (insult 0.5 / 0.05: pooled -0.0005, dev4 +0.015; not taken).
THRESHOLD = {
    "cash_no_receipt": 0.5,
    "quota": 0.6,
    "verbal_abuse": 0.5,
    "threat": 0.5,
    "identification": 0.5,
    "rights_notice": 0.6,
}
VETO = {
    "cash_no_receipt": 0.1,
    "quota": 0.1,
    "verbal_abuse": 0.02,
    "threat": 0.1,
    "identification": 0.1,
    "rights_notice": 0.1,
}
#: Damaged copies of each training segment (:mod:`analyzers.speech_augment`). Round 7, by
#: leave-one-corpus-out over the 8 files: pooled micro 0.954 / 0.947 -> 0.953 / 0.954 (F1 0.9506 ->
#: 0.9533; dev4 held out 0.9164 / 0.8835 -> 0.9109 / 0.8914, F1 0.8996 -> 0.9010); the model does
#: not grow, since copies add no feature of their own.
AUGMENT = 1
GRID_THRESHOLDS = (0.5, 0.6, 0.7)
GRID_VETOES = (0.0, 0.02, 0.05, 0.1)
L2 = 3e-4
EPOCHS = 250
MIN_COUNT = 2  # n-grams seen once are noise, and would make the weights file large
SEED_FOLDS = 5


#: leave-one-corpus-out trains on the same segments again and again: their n-grams once
_features = lru_cache(maxsize=None)(features)


@lru_cache(maxsize=1)
def _rules() -> Frames:
    """The frames and the lexicon without a model, one reading per segment for every fold."""
    return Frames.load(None, load_lexicon())


def examples(exchanges: Sequence[Exchange]) -> list[tuple[str, frozenset[str]]]:
    """(segment text, labels) for every officer's or unknown speaker's segment of ``exchanges``.

    A segment carries its exchange's labels, except an act the frames find in another segment of
    the exchange and not in this one (round 6): the greeting 你好 or 签个字 beside 我是交警三大队的
    is not the identification, and taught the model that it was.
    """
    out = []
    for e in exchanges:
        turns = [t for t in e.turns if t.speaker != "civilian"]
        found = [{a.act for a in _rules().acts(t.text)} & e.labels for t in turns]
        somewhere = set().union(*found) if found else set()
        for t, here in zip(turns, found, strict=True):
            out.append((t.text, frozenset(e.labels - (somewhere - here))))
    return out


def train(
    data: Sequence[tuple[str, frozenset[str]]],
    threshold: dict[str, float] | None = None,
    veto: dict[str, float] | None = None,
    l2: float = L2,
    epochs: int = EPOCHS,
    extra: Sequence[tuple[str, frozenset[str]]] = (),
) -> SpeechModel:
    """A logistic regression per act over the n-grams of ``data``; ``extra`` examples (damaged
    copies, :mod:`analyzers.speech_augment`) are trained on too but add no feature of their own,
    so the model does not grow with them."""
    feats = [_features(t) for t, _ in data]
    counts = Counter(f for fs in feats for f in fs)
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    feats += [features(t) for t, _ in extra]
    data = [*data, *extra]
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
        # sparse products by bincount, a column at a time (np.add.at was most of LOCO's time)
        wi = w[idx]
        z = np.stack([np.bincount(owner, wi[:, j], minlength=n) for j in range(k)], axis=1)
        z += b
        err = 1.0 / (1.0 + np.exp(-z)) - y
        eo = err[owner]
        gsum = np.stack(
            [np.bincount(idx, eo[:, j], minlength=len(vocab)) for j in range(k)], axis=1
        )
        gw = gsum / n + l2 * w
        gb = err.mean(axis=0)
        for g, m, v, p in ((gw, mw, vw, w), (gb, mb, vb, b)):
            m *= beta1
            m += (1 - beta1) * g
            v *= beta2
            v += (1 - beta2) * g * g
            p -= lr * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + eps)
    keep = np.abs(w).max(axis=1) >= 0.01
    weights = {f: tuple(float(x) for x in w[i]) for f, i in vocab.items() if keep[i]}
    return SpeechModel(
        ACTS,
        tuple(float(x) for x in b),
        weights,
        dict(threshold or THRESHOLD),
        {a: v for a, v in (veto or VETO).items() if v > 0},
    )


def leave_one_corpus_out(
    directory: Path | None = None,
    files: Sequence[str] = DEV_FILES,
    policies: Sequence[tuple[dict[str, float], dict[str, float]]] = ((THRESHOLD, VETO),),
    augment: int = AUGMENT,
) -> dict[str, tuple[Result, list[Result]]]:
    """Per development file F: the frames alone, and per policy (thresholds, vetoes) the frames
    with a model trained on every other file (the production combination), each scored on F.

    Each file is one author's round, so this estimates what the recogniser does with an author it
    has never seen; k-fold cross-validation mixes every author into every fold and does not.
    The frames themselves were written with most dev files in view: only the model is out of
    sample here, so a frame rule that fits one author shows up as a gap between files.
    """
    rules = Frames.load(None, load_lexicon())  # one reading of each segment for every model
    corpora = {
        name: load(path) for name in files if (path := (directory or CORPUS_DIR) / name).exists()
    }
    out: dict[str, tuple[Result, list[Result]]] = {}
    for name, held in corpora.items():
        rest = [e for other, items in corpora.items() if other != name for e in items]
        data = examples(rest)
        model = train(data, extra=damaged(data, augment))
        out[name] = (
            evaluate(held, rules),
            [
                evaluate(
                    held,
                    rules.with_model(
                        replace(
                            model,
                            threshold=dict(t),
                            veto={a: v for a, v in veto.items() if v > 0},
                        )
                    ),
                )
                for t, veto in policies
            ],
        )
    return out


def grid() -> dict[str, tuple[float, float]]:
    """Per act, the (threshold, veto) of the grid with the best pooled F1 under
    leave-one-corpus-out; prints every cell."""
    cells = [(t, v) for v in GRID_VETOES for t in GRID_THRESHOLDS]
    policies = [({a: t for a in ACTS}, {a: v for a in ACTS}) for t, v in cells]
    per_file = leave_one_corpus_out(policies=policies)
    best: dict[str, tuple[float, float]] = {}
    print(f"{'阈值':>6}{'否决':>6}  " + "".join(f"{LABEL_NAMES[a]:>12}" for a in ACTS))
    scores = []
    for i, cell in enumerate(cells):
        pooled = {a: Score() for a in ACTS}
        for _, results in per_file.values():
            for a in ACTS:
                _add(pooled[a], results[i].labels[a])
        scores.append(pooled)
        row = "".join(f"{s.precision:>6.3f}/{s.recall:.3f}" for s in pooled.values())
        print(f"{cell[0]:>6}{cell[1]:>6}  {row}")
    for a in ACTS:
        f1 = [_f1(sc[a]) for sc in scores]
        best[a] = cells[max(range(len(cells)), key=f1.__getitem__)]
        print(f"{LABEL_NAMES[a]}：阈值 {best[a][0]}，否决 {best[a][1]}（F1 {max(f1):.3f}）")
    return best


def _f1(s: Score) -> float:
    return 2 * s.precision * s.recall / (s.precision + s.recall) if s.precision + s.recall else 0.0


def _add(into: Score, s: Score) -> None:
    into.tp += s.tp
    into.fp += s.fp
    into.fn += s.fn


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="训练语音行为统计模型；--grid 用留一语料交叉验证选阈值"
    )
    parser.add_argument(
        "--grid", action="store_true", help="只做留一语料的阈值与否决网格，不写模型"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    if args.grid:
        grid()
        return 0
    data = examples(load_split("dev"))
    model = train(data, extra=damaged(data, AUGMENT))
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"模型写入 {args.out}（{len(model.weights)} 个特征）")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
