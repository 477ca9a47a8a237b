"""Throughput of the rule engine in batch (``jiancha analyze``): eval-dev and a generated month.

    python -m benchmarks.analyzers                  # eval-dev + a generated 200,000-event month
    python -m benchmarks.analyzers --generated 1000000

Times parsing + every rule (no Kafka, no Elasticsearch) and reports events/s; results are
appended to ``benchmarks/results/analyzers.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from analyzers.batch import Analyzer, Events
from benchmarks import generate_month

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval-dev" / "events.jsonl"
RESULTS = Path(__file__).with_name("results") / "analyzers.jsonl"


def measure(name: str, path: Path) -> dict[str, object]:
    started = time.perf_counter()
    events = Events.read(path)
    parsed = time.perf_counter()
    flags = Analyzer().run(events)
    done = time.perf_counter()
    n = sum(1 for line in path.open(encoding="utf-8") if line.strip())
    return {
        "input": name,
        "events": n,
        "flags": len(flags),
        "parse_s": round(parsed - started, 2),
        "rules_s": round(done - parsed, 2),
        "events_per_s": round(n / (done - started)),
        "machine": f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores",
        "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def main(argv: list[str] | None = None) -> list[dict[str, object]]:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--generated", type=int, default=200_000, help="events in the generated month")
    args = ap.parse_args(argv)
    rows = []
    if SHARED.exists():
        rows.append(measure("eval-dev", SHARED))
    with tempfile.TemporaryDirectory() as tmp:
        month = Path(tmp) / "month.jsonl"
        generate_month.main(["--events", str(args.generated), "--out", str(month)])
        rows.append(measure(f"generated {args.generated:,}", month))
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as f:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


if __name__ == "__main__":
    main()
