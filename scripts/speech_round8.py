"""Round 8's experiment driver (issue 14): leave-one-corpus-out over the 10 development files
with the shipped thresholds and vetoes and every cell of the per-act grid, in one run.

    nice -n 19 python scripts/speech_round8.py --out benchmarks/results/X.json \
        [--models DIR] [--reuse] [--misses FILE]

As round 7's driver, plus: each fold's model can be written to ``--models`` (and read back with
``--reuse``, to screen a change of the frames or of the veto without training ten models again —
screening only: the training labels depend on the frames, so a kept change is re-run in full),
and the shipped policy's misses per fold can be written to ``--misses`` (dev4's are never read).
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

from analyzers.corpus import CORPUS_DIR, DEV_FILES, Result, evaluate, load
from analyzers.frames import ACTS, Frames
from analyzers.lexicon import load_lexicon
from analyzers.speech_augment import damaged
from analyzers.speech_model import SpeechModel
from analyzers.train_speech import (
    AUGMENT,
    GRID_THRESHOLDS,
    GRID_VETOES,
    THRESHOLD,
    VETO,
    examples,
    train,
)
from benchmarks.speech_corpus import compact, pool


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--models", type=Path, default=None, help="fold models: write or read")
    parser.add_argument("--reuse", action="store_true", help="read fold models from --models")
    parser.add_argument("--misses", type=Path, default=None)
    parser.add_argument("--no-grid", action="store_true")
    args = parser.parse_args()
    cells = [] if args.no_grid else [(t, v) for v in GRID_VETOES for t in GRID_THRESHOLDS]
    policies = [(THRESHOLD, VETO)] + [
        ({a: t for a in ACTS}, {a: v for a in ACTS}) for t, v in cells
    ]
    names = ["shipped"] + [f"t{t}-v{v}" for t, v in cells]
    started = time.perf_counter()
    rules = Frames.load(None, load_lexicon())
    corpora = {name: load(CORPUS_DIR / name) for name in DEV_FILES}
    per_file: dict[str, tuple[Result, list[Result]]] = {}
    misses: dict[str, list[dict[str, object]]] = {}
    for name, held in corpora.items():
        path = args.models / f"{name}.json" if args.models else None
        if args.reuse and path is not None:
            model = SpeechModel.from_json(path.read_text(encoding="utf-8"))
        else:
            rest = [e for other, items in corpora.items() if other != name for e in items]
            data = examples(rest)
            model = train(data, extra=damaged(data, AUGMENT))
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(model.to_json(), encoding="utf-8")
        results = [
            evaluate(
                held,
                rules.with_model(
                    replace(model, threshold=dict(t), veto={a: v for a, v in vt.items() if v > 0})
                ),
            )
            for t, vt in policies
        ]
        per_file[name] = (evaluate(held, rules), results)
        misses[name] = [
            {
                "id": e.id,
                "gold": sorted(e.labels),
                "got": sorted(got),
                "turns": [f"{t.speaker}:{t.text}" for t in e.turns],
            }
            for e, got in results[0].errors
            if name != "dev4.jsonl"  # the honest column: its misses are never read
        ]
        print(f"{name}: {compact(results[0])['micro']} ({time.perf_counter() - started:.0f} s)")
    seconds = time.perf_counter() - started
    out: dict[str, object] = {"seconds": round(seconds, 1), "augment": AUGMENT}
    out["frames_only"] = {
        "pooled": compact(pool([alone for alone, _ in per_file.values()])),
        "files": {f: compact(alone) for f, (alone, _) in per_file.items()},
    }
    for i, name in enumerate(names):
        out[name] = {
            "pooled": compact(pool([res[i] for _, res in per_file.values()])),
            "files": {f: compact(res[i]) for f, (_, res) in per_file.items()},
        }
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.misses:
        args.misses.write_text(json.dumps(misses, ensure_ascii=False, indent=0), encoding="utf-8")
    p = out["shipped"]["pooled"]["micro"]  # type: ignore[index]
    print(f"{seconds:.0f} s; shipped pooled micro {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
