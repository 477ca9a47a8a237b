"""The benchmark suite in one command: every benchmark in turn, each in its own process.

    python -m benchmarks.all [--skip NAME ...] [--only NAME ...] [--month N]
                             [--bulletin-prefix PREFIX --bulletin-week 2026-W20]

Runs, in this order (names for ``--skip``/``--only``):

- ``ingest``: ``benchmarks.ingest_search`` — ingest → searchable, eval-dev;
- ``latency``: ``benchmarks.latency`` — publish → searchable p50/p95 at 500, 1,000, 2,000 events/s;
- ``search``: ``benchmarks.search`` — a generated month of ``--month`` events (default 1,000,000)
  ingested, then ``GET /clips/search`` p50/p95/p99 through the API;
- ``analyzers``: ``benchmarks.analyzers`` — rule engine, batch and stream;
- ``transcription``: ``benchmarks.transcription --only default`` — CER and RTF;
- ``directory``: ``benchmarks.directory`` — a 4,800-officer directory seeded, names and
  autocomplete against ``GET /auth/me``;
- ``bulletin``: ``benchmarks.bulletin`` — only with ``--bulletin-prefix`` (indices that already hold
  an ingested and analysed month) and ``--bulletin-week``, since it writes a bulletin there.

Benchmarks run one after another (never side by side: they share the CPU with Kafka and
Elasticsearch). Each appends its records to ``benchmarks/results/*.jsonl`` and prints its table;
a failing one is reported and the rest still run; the exit status is 1 if any failed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

MONTHS = Path("/tmp")


def plan(args: argparse.Namespace) -> list[tuple[str, list[str], dict[str, str]]]:
    month = MONTHS / f"jiancha-bench-month-{args.month}.jsonl"
    steps: list[tuple[str, list[str], dict[str, str]]] = [
        ("ingest", ["benchmarks.ingest_search"], {}),
        ("latency", ["benchmarks.latency"], {}),
        ("search", ["benchmarks.search", "--events", str(month)], {}),
        ("analyzers", ["benchmarks.analyzers"], {}),
        ("transcription", ["benchmarks.transcription", "--only", "default"], {}),
        ("directory", ["benchmarks.directory"], {}),
    ]
    if args.bulletin_prefix and args.bulletin_week:
        steps.append(
            (
                "bulletin",
                ["benchmarks.bulletin", "--week", args.bulletin_week],
                {"JIANCHA_INDEX_PREFIX": args.bulletin_prefix},
            )
        )
    return [s for s in steps if s[0] not in args.skip and (not args.only or s[0] in args.only)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--skip", nargs="*", default=[])
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--month", type=int, default=1_000_000, help="events in the search month")
    parser.add_argument("--bulletin-prefix", default=None)
    parser.add_argument("--bulletin-week", default=None)
    args = parser.parse_args(argv)
    failed: list[str] = []
    timings: list[tuple[str, float, int]] = []
    for name, module_args, extra_env in plan(args):
        print(f"\n## {name}: python -m {' '.join(module_args)}", flush=True)
        t0 = time.monotonic()
        rc = subprocess.call([sys.executable, "-m", *module_args], env={**os.environ, **extra_env})
        timings.append((name, time.monotonic() - t0, rc))
        if rc != 0:
            failed.append(name)
    if not (args.bulletin_prefix and args.bulletin_week):
        print("\nbulletin: skipped (needs --bulletin-prefix and --bulletin-week)")
    print("\n| benchmark | wall time (s) | status |\n|---|---:|---|")
    for name, seconds, rc in timings:
        print(f"| {name} | {seconds:.0f} | {'ok' if rc == 0 else f'failed ({rc})'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
