"""Benchmark: ingest → searchable throughput on the real embedded Kafka + Elasticsearch.

    python -m benchmarks.ingest_search [--events FILE] [--generated N]

For each input: a fresh topic/index prefix and consumer group, one ``jiancha worker`` process,
``jiancha ingest``'s publisher; the clock runs from the first event published until every
recording, transcript and enforcement action is searchable. Results are appended to
``benchmarks/results/ingest_search.jsonl`` and printed as a Markdown table row.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks.scratch import scratch
from jiancha.elastic.client import sync_client
from jiancha.embedded.stack import EmbeddedStack
from jiancha.settings import Settings
from streams.ingest import count_events, ingest_file
from streams.publisher import Publisher

RESULTS = Path(__file__).parent / "results" / "ingest_search.jsonl"
EVAL_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval-dev" / "events.jsonl"


def _indexed(es, prefix: str) -> Counter[str]:  # type: ignore[no-untyped-def]
    es.indices.refresh(index=f"{prefix}-*")
    return Counter(
        recording=es.count(index=f"{prefix}-clips", query={"exists": {"field": "device_id"}})[
            "count"
        ],
        transcript=es.count(index=f"{prefix}-clips", query={"term": {"has_transcript": True}})[
            "count"
        ],
        enforcement_action=es.count(index=f"{prefix}-actions")["count"],
    )


def run(path: Path, label: str, timeout_s: float = 7200, keep: bool = False) -> dict:  # type: ignore[type-arg]
    """Measure one input file; returns the result record.

    ``keep``: leave the indices in place (``result["prefix"]`` names them) for
    ``benchmarks.search``; the caller deletes them.
    """
    name, s, env = scratch("b")
    worker = subprocess.Popen(
        [sys.executable, "-m", "jiancha.cli", "worker", "--loglevel", "warning"], env=env
    )
    es = sync_client(s)
    try:
        # Wait for the worker to create the indices and join its group.
        while not es.indices.exists(index=f"{name}-clips"):
            time.sleep(0.5)
        time.sleep(3)
        total = count_events(path)
        t0 = time.monotonic()
        with Publisher(s) as publisher:
            sent = ingest_file(path, publisher)
        t_published = time.monotonic() - t0
        want = Counter({k: v for k, v in sent.items() if k in _indexed_types()})
        while True:
            got = _indexed(es, name)
            if all(got[k] >= v for k, v in want.items()):
                break
            if worker.poll() is not None:
                raise RuntimeError("worker exited")
            if time.monotonic() - t0 > timeout_s:
                raise RuntimeError(f"not searchable after {timeout_s}s: {got} of {want}")
            time.sleep(0.5)
        t_searchable = time.monotonic() - t0
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        if not keep:
            from benchmarks.latency import _delete_topics

            es.indices.delete(index=f"{name}-*", allow_no_indices=True)
            _delete_topics(s.kafka_bootstrap, s.topic_prefix)
        es.close()
    return {
        "input": label,
        "events": total,
        "publish_s": round(t_published, 1),
        "publish_eps": round(total / t_published),
        "searchable_s": round(t_searchable, 1),
        "searchable_eps": round(total / t_searchable),
        "machine": f"{platform.machine()} {os.cpu_count()} cores",
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "prefix": name,
    }


def _indexed_types() -> set[str]:
    return {"recording", "transcript", "enforcement_action"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=Path, default=EVAL_DEV)
    parser.add_argument("--generated", type=int, default=0, help="also a generated month of N")
    args = parser.parse_args()
    EmbeddedStack(Settings()).up(say=lambda line: print(line, file=sys.stderr))
    inputs = [(args.events, args.events.name)]
    if args.generated:
        from jiancha.synthetic.month import main as generate

        path = Settings().cache_dir / "bench" / f"month-{args.generated}.jsonl"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            generate(["--events", str(args.generated), "--out", str(path)])
        inputs.append((path, f"generated {args.generated:,}"))
    RESULTS.parent.mkdir(exist_ok=True)
    print("| input | events | publish (events/s) | ingest → searchable (s) | events/s |")
    print("|---|---:|---:|---:|---:|")
    for path, label in inputs:
        r = run(path, label)
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(
            f"| {r['input']} | {r['events']:,} | {r['publish_eps']:,} | "
            f"{r['searchable_s']} | {r['searchable_eps']:,} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
