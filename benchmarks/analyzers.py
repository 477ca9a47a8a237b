"""Throughput of the rule engine, in batch and on the stream, side by side in one run.

    python -m benchmarks.analyzers                     # eval-dev + a generated 200,000-event month
    python -m benchmarks.analyzers --generated 1000000 --no-stream

- **batch**: ``jiancha analyze``'s code (parse + every rule, no Kafka, no Elasticsearch);
- **stream, replay**: the events are first published to fresh topics (not timed); then one
  ``jiancha analyzer`` process starts (it gathers until it has caught up, then judges once) and the
  clock runs until its consumer group has committed every input event (flags sent to Kafka, cases
  written to Elasticsearch);
- **stream, live**: the analyzer runs first; the clock runs from the first event published until
  it has committed every input event (it judges after every batch of up to 500 events).

Results are appended to ``benchmarks/results/analyzers.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from analyzers.batch import analyze_file
from benchmarks.scratch import scratch
from jiancha.synthetic import month as generate_month

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval-dev" / "events.jsonl"
RESULTS = Path(__file__).with_name("results") / "analyzers.jsonl"


def _machine() -> str:
    return f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores"


def batch(name: str, path: Path) -> dict[str, object]:
    import resource

    started = time.perf_counter()
    flags, run = analyze_file(path)
    seconds = time.perf_counter() - started
    return {
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "mode": "batch",
        "input": name,
        "events": run.events,
        "flags": len(flags),
        "cases": len({f.case_id for f in flags}),
        "seconds": round(seconds, 2),
        "events_per_s": round(run.events / seconds),
        "machine": _machine(),
        "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def stream(
    name: str, path: Path, live: bool, cases: int, timeout_s: float = 7200
) -> dict[str, object]:
    """Until the analyzer has read every event and the cases index holds the batch's ``cases``
    (offsets are committed before the last batch's cases are written)."""
    from jiancha.elastic.client import sync_client
    from streams.admin import consumer_lag
    from streams.analysis.agents import INPUTS
    from streams.ingest import ingest_file
    from streams.publisher import Publisher

    prefix, s, env = scratch("b")
    command = [sys.executable, "-m", "jiancha.cli", "analyzer", "--loglevel", "warning"]
    es = sync_client(s)
    proc = None
    try:
        if live:
            proc = subprocess.Popen(command, env=env)
            while not es.indices.exists(index=f"{prefix}-cases"):
                time.sleep(0.5)
            time.sleep(5)  # joined its group
        t0 = time.monotonic()
        with Publisher(s) as publisher:
            sent = ingest_file(path, publisher)
        if not live:
            t0 = time.monotonic()
            proc = subprocess.Popen(command, env=env)
            time.sleep(2)
        events = sum(v for k, v in sent.items() if k != "dead_letter")

        def live_cases() -> int:
            es.indices.refresh(index=f"{prefix}-cases")
            query = {"term": {"withdrawn": False}}
            return int(es.count(index=f"{prefix}-cases", query=query)["count"])

        while consumer_lag(s, f"{prefix}-analyzer", list(INPUTS)) or live_cases() != cases:
            if proc.poll() is not None:
                raise RuntimeError("analyzer exited")
            if time.monotonic() - t0 > timeout_s:
                raise RuntimeError(f"analyzer not caught up after {timeout_s}s")
            time.sleep(0.5)
        seconds = time.monotonic() - t0
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=60)
        es.indices.delete(index=f"{prefix}-*", allow_no_indices=True)
        es.close()
    return {
        "mode": "stream, live" if live else "stream, replay",
        "input": name,
        "events": events,
        "cases": cases,
        "seconds": round(seconds, 1),
        "events_per_s": round(events / seconds),
        "machine": _machine(),
        "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def main(argv: list[str] | None = None) -> list[dict[str, object]]:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--generated", type=int, default=200_000, help="events in the generated month")
    ap.add_argument("--no-stream", action="store_true", help="batch only (no Kafka needed)")
    args = ap.parse_args(argv)
    inputs: list[tuple[str, Path]] = []
    if SHARED.exists():
        inputs.append(("eval-dev", SHARED))
    month = Path(f"/tmp/jiancha-bench-month-{args.generated}.jsonl")
    if not month.exists():
        generate_month.main(["--events", str(args.generated), "--out", str(month)])
    inputs.append((f"generated {args.generated:,}", month))
    if not args.no_stream:
        from jiancha.embedded.stack import EmbeddedStack
        from jiancha.settings import Settings

        EmbeddedStack(Settings()).up(say=lambda line: print(line, file=sys.stderr))
    rows = []
    for name, path in inputs:
        rows.append(batch(name, path))
        if not args.no_stream:
            cases = int(rows[-1]["cases"])  # type: ignore[call-overload]
            rows.append(stream(name, path, live=False, cases=cases))
            rows.append(stream(name, path, live=True, cases=cases))
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as f:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


if __name__ == "__main__":
    main()
