"""Precision and recall of the speech-act recognisers on the speech corpus (issue 14).

    python -m benchmarks.speech_corpus --split dev        # every development file (in-sample)
    python -m benchmarks.speech_corpus --split dev2       # only analyzers/corpus/dev2.jsonl
    python -m benchmarks.speech_corpus --split loco       # leave one corpus file out (selection)
    python -m benchmarks.speech_corpus --file X.jsonl     # any corpus file, e.g. a held-out set
    python -m benchmarks.speech_corpus --split all --errors

Prints a table per label and micro-averaged, and writes the numbers as JSON
(``benchmarks/results/speech_corpus-<split>.json`` unless ``--json`` says otherwise).

``--split loco`` is how rounds choose between changes: for each development file (one author and
round each) the model is trained on the other files and the recogniser — frames plus that model,
as in production — is scored on it; the table gives each file, the mean over files per label and
the pooled micro. The frames were written with every dev file in view, so only the model is out of
sample; in-sample ``--split dev`` numbers say nothing about a new author.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from analyzers.corpus import LABEL_NAMES, SPLITS, Result, Score, evaluate, load, load_split
from analyzers.frames import ACTS

RESULTS = Path(__file__).with_name("results")


def _row(s: Score) -> dict[str, float | int]:
    return {
        "precision": round(s.precision, 4),
        "recall": round(s.recall, 4),
        "tp": s.tp,
        "fp": s.fp,
        "fn": s.fn,
    }


def _table(result: Result) -> dict[str, dict[str, float | int]]:
    print(f"{'标签':<10}{'准确率':>8}{'召回率':>8}{'TP':>6}{'FP':>6}{'FN':>6}")
    rows = {}
    for label, s in [*result.labels.items(), ("micro", result.micro)]:
        name = LABEL_NAMES.get(label, "合计（micro）")
        print(f"{name:<10}{s.precision:>10.3f}{s.recall:>10.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
        rows[label] = _row(s)
    return rows


def pool(results: list[Result]) -> Result:
    """The scores of several corpus runs added up, per act and micro."""
    labels = {a: Score() for a in ACTS}
    micro = Score()
    for r in results:
        for a, s in r.labels.items():
            for into in (labels[a], micro):
                into.tp += s.tp
                into.fp += s.fp
                into.fn += s.fn
    return Result(labels, micro)


def compact(r: Result) -> dict[str, list[float | int]]:
    """Per act and micro as ``[P, R, TP, FP, FN]``: the rounds' drivers write their many policies
    and folds in this short form (``scripts/speech_round7.py``, ``speech_round8.py``)."""

    def row(s: Score) -> list[float | int]:
        return [round(s.precision, 4), round(s.recall, 4), s.tp, s.fp, s.fn]

    return {**{a: row(r.labels[a]) for a in ACTS}, "micro": row(r.micro)}


def loco() -> dict[str, object]:
    """Leave one development file out; see the module docstring."""
    from analyzers.train_speech import leave_one_corpus_out  # numpy: only when training

    started = time.perf_counter()
    per_file = {
        name: (alone, combined[0]) for name, (alone, combined) in leave_one_corpus_out().items()
    }
    seconds = time.perf_counter() - started
    print(f"留一语料交叉验证（{len(per_file)} 个开发语料文件），用时 {seconds:.1f} 秒")
    files: dict[str, object] = {}
    for name, (alone, combined) in per_file.items():
        m = alone.micro
        print(f"\n留出 {name}：只用框架 micro {m.precision:.3f}/{m.recall:.3f}；")
        print("框架 + 用其余文件训练的模型：")
        files[name] = {
            "frames_only_micro": _row(alone.micro),
            "labels": _table(combined),
        }
    mean: dict[str, dict[str, float]] = {}
    print("\n各文件平均（每个标签）与合并 micro：")
    print(f"{'标签':<10}{'平均准确率':>8}{'平均召回率':>8}")
    combined_results = [c for _, c in per_file.values()]
    for label in (*ACTS, "micro"):
        scores = [r.micro if label == "micro" else r.labels[label] for r in combined_results]
        p = sum(s.precision for s in scores) / len(scores)
        r = sum(s.recall for s in scores) / len(scores)
        mean[label] = {"precision": round(p, 4), "recall": round(r, 4)}
        print(f"{LABEL_NAMES.get(label, '合计（micro）'):<10}{p:>12.3f}{r:>12.3f}")
    print("\n合并（所有留出文件的计数相加）：")
    pooled = _table(pool(combined_results))
    alone_pooled = pool([a for a, _ in per_file.values()]).micro
    print(f"只用框架（合并）micro {alone_pooled.precision:.3f}/{alone_pooled.recall:.3f}")
    return {
        "split": "loco",
        "seconds": round(seconds, 1),
        "files": files,
        "mean": mean,
        "pooled": pooled,
        "frames_only_pooled_micro": _row(alone_pooled),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="语音行为识别在语料上的准确率与召回率")
    parser.add_argument("--split", choices=(*SPLITS, "loco"), default="dev")
    parser.add_argument("--file", type=Path, default=None, help="只评测这个语料文件（JSON Lines）")
    parser.add_argument("--json", type=Path, default=None, help="结果 JSON 路径")
    parser.add_argument("--errors", action="store_true", help="列出识别错的对话")
    args = parser.parse_args(argv)
    name = args.file.stem if args.file else args.split
    out = args.json or RESULTS / f"speech_corpus-{name}.json"
    if args.split == "loco" and args.file is None:
        report = loco()
    else:
        exchanges = load(args.file) if args.file else load_split(args.split)
        if not exchanges:
            print(f"语料 {name} 不存在或为空", file=sys.stderr)
            return 1
        started = time.perf_counter()
        result = evaluate(exchanges)
        seconds = time.perf_counter() - started
        print(f"语料 {name}：{len(exchanges)} 段对话，用时 {seconds:.2f} 秒")
        rows = _table(result)
        if args.errors:
            for e, got in result.errors:
                said = " / ".join(f"{t.speaker}:{t.text}" for t in e.turns)
                print(f"{e.id}  标注 {sorted(e.labels)}  识别 {sorted(got)}  {said}")
        report = {
            "split": name,
            "exchanges": len(exchanges),
            "seconds": round(seconds, 3),
            "labels": rows,
            "errors": [e.id for e, _ in result.errors],
        }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"结果写入 {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
