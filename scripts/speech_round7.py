"""Round 7's experiment driver (issue 14): leave-one-corpus-out over the development files with
the shipped thresholds and vetoes *and* every cell of the per-act grid, in one run (each fold's
model trained once, each segment's frames read once).

    nice -n 19 python scripts/speech_round7.py --out benchmarks/results/X.json [--augment N]

Writes per policy the pooled [P, R, TP, FP, FN] per act and micro, and the same per held-out file.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from analyzers.frames import ACTS
from analyzers.train_speech import (
    GRID_THRESHOLDS,
    GRID_VETOES,
    THRESHOLD,
    VETO,
    leave_one_corpus_out,
)
from benchmarks.speech_corpus import compact, pool


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--augment", type=int, default=0, help="damaged copies per segment")
    parser.add_argument("--no-grid", action="store_true")
    args = parser.parse_args()
    cells = [] if args.no_grid else [(t, v) for v in GRID_VETOES for t in GRID_THRESHOLDS]
    policies = [(THRESHOLD, VETO)] + [
        ({a: t for a in ACTS}, {a: v for a in ACTS}) for t, v in cells
    ]
    names = ["shipped"] + [f"t{t}-v{v}" for t, v in cells]
    started = time.perf_counter()
    per_file = leave_one_corpus_out(policies=policies, augment=args.augment)
    seconds = time.perf_counter() - started
    out: dict[str, object] = {"seconds": round(seconds, 1), "augment": args.augment}
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
    p = out["shipped"]["pooled"]["micro"]  # type: ignore[index]
    print(f"{seconds:.0f} s; shipped pooled micro {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
