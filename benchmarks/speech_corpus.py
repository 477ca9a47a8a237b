"""Precision and recall of the speech-act recognisers on the speech corpus (issue 14).

    python -m benchmarks.speech_corpus --split dev        # analyzers/corpus/dev*.jsonl
    python -m benchmarks.speech_corpus --split dev2       # only analyzers/corpus/dev2.jsonl
    python -m benchmarks.speech_corpus --split dev3       # only analyzers/corpus/dev3.jsonl
    python -m benchmarks.speech_corpus --split heldout    # analyzers/corpus/heldout.jsonl
    python -m benchmarks.speech_corpus --split heldout2   # analyzers/corpus/heldout2.jsonl
    python -m benchmarks.speech_corpus --split heldout3   # analyzers/corpus/heldout3.jsonl
    python -m benchmarks.speech_corpus --split all --errors

Prints a table per label and micro-averaged, and writes the numbers as JSON
(``benchmarks/results/speech_corpus-<split>.json`` unless ``--json`` says otherwise).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from analyzers.corpus import LABEL_NAMES, SPLITS, evaluate, load_split

RESULTS = Path(__file__).with_name("results")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="语音行为识别在语料上的准确率与召回率")
    parser.add_argument("--split", choices=tuple(SPLITS), default="dev")
    parser.add_argument("--json", type=Path, default=None, help="结果 JSON 路径")
    parser.add_argument("--errors", action="store_true", help="列出识别错的对话")
    args = parser.parse_args(argv)
    exchanges = load_split(args.split)
    if not exchanges:
        print(f"语料 {args.split} 不存在或为空", file=sys.stderr)
        return 1
    started = time.perf_counter()
    result = evaluate(exchanges)
    seconds = time.perf_counter() - started
    print(f"语料 {args.split}：{len(exchanges)} 段对话，用时 {seconds:.2f} 秒")
    print(f"{'标签':<10}{'准确率':>8}{'召回率':>8}{'TP':>6}{'FP':>6}{'FN':>6}")
    rows = {}
    for label, s in [*result.labels.items(), ("micro", result.micro)]:
        name = LABEL_NAMES.get(label, "合计（micro）")
        print(f"{name:<10}{s.precision:>10.3f}{s.recall:>10.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
        rows[label] = {
            "precision": round(s.precision, 4),
            "recall": round(s.recall, 4),
            "tp": s.tp,
            "fp": s.fp,
            "fn": s.fn,
        }
    if args.errors:
        for e, got in result.errors:
            said = " / ".join(f"{t.speaker}:{t.text}" for t in e.turns)
            print(f"{e.id}  标注 {sorted(e.labels)}  识别 {sorted(got)}  {said}")
    out = args.json or RESULTS / f"speech_corpus-{args.split}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "split": args.split,
                "exchanges": len(exchanges),
                "seconds": round(seconds, 3),
                "labels": rows,
                "errors": [e.id for e, _ in result.errors],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"结果写入 {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
