"""Throughput of the rule engine, in batch and on the stream, side by side in one run.

    python -m benchmarks.analyzers                     # eval-dev + a generated 200,000-event month
    python -m benchmarks.analyzers --generated 1000000 --no-stream

- **batch**: ``jiancha analyze``'s code (parse + every rule, no Kafka, no Elasticsearch);
- **stream**: the events are first published to fresh topics (not timed); then one
  ``jiancha analyzer`` process starts and the clock runs until its consumer group has committed
  every input event (flags sent to Kafka, cases written to Elasticsearch).

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
import uuid
from pathlib import Path

from analyzers.batch import analyze_file
from benchmarks import generate_month

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval-dev" / "events.jsonl"
RESULTS = Path(__file__).with_name("results") / "analyzers.jsonl"


def _machine() -> str:
    return f"{platform.machine()}, {len(os.sched_getaffinity(0))} cores"


def batch(name: str, path: Path) -> dict[str, object]:
    started = time.perf_counter()
    flags, run = analyze_file(path)
    seconds = time.perf_counter() - started
    return {
        "mode": "batch",
        "input": name,
        "events": run.events,
        "flags": len(flags),
        "seconds": round(seconds, 2),
        "events_per_s": round(run.events / seconds),
        "machine": _machine(),
        "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def stream(name: str, path: Path, timeout_s: float = 7200) -> dict[str, object]:
    from jiancha.elastic.client import sync_client
    from jiancha.settings import Settings
    from streams.admin import consumer_lag, ensure_topics
    from streams.analyzer import INPUTS
    from streams.ingest import ingest_file
    from streams.publisher import Publisher

    prefix = f"b{uuid.uuid4().hex[:8]}"
    s = Settings(topic_prefix=f"{prefix}-", index_prefix=prefix, app_id=prefix)
    ensure_topics(s)
    with Publisher(s) as publisher:
        sent = ingest_file(path, publisher)
    events = sum(v for k, v in sent.items() if k != "dead_letter")
    env = dict(os.environ)
    env.update(
        JIANCHA_TOPIC_PREFIX=s.topic_prefix, JIANCHA_INDEX_PREFIX=prefix, JIANCHA_APP_ID=prefix
    )
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "jiancha.cli", "analyzer", "--loglevel", "warning"], env=env
    )
    try:
        time.sleep(2)
        while consumer_lag(s, f"{prefix}-analyzer", list(INPUTS)):
            if proc.poll() is not None:
                raise RuntimeError("analyzer exited")
            if time.monotonic() - t0 > timeout_s:
                raise RuntimeError(f"analyzer not caught up after {timeout_s}s")
            time.sleep(0.5)
        seconds = time.monotonic() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        es = sync_client(s)
        es.indices.delete(index=f"{prefix}-*", allow_no_indices=True)
        es.close()
    return {
        "mode": "stream",
        "input": name,
        "events": events,
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
            rows.append(stream(name, path))
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as f:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


if __name__ == "__main__":
    main()
