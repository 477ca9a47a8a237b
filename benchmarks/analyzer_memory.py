"""Benchmark: memory per event an analyzer holds (issue 15), one process, no Kafka.

    python -m benchmarks.analyzer_memory [--events 100000 300000] [--modes engine shards]
        [--before DIR]

A generated month (``jiancha.synthetic.month``, the file ``benchmarks.analyzer_replicas``
uses) is fed, in a child process per row, to

- ``engine``: one :class:`analyzers.engine.Engine`, every event added, then judged once (the
  batch, ``jiancha analyze``: nothing is final inside a month, so it holds every event);
- ``shards``: :func:`analyzers.shards.sharded_flags` over 6 partitions, the three stages' 18
  shards in one process, each given its own decoded copy of an event as from its topic: what
  one ``jiancha judge`` replica holds when it owns every partition (a ticket in an officer's
  shard and the detachment's, a recording in its officers' shards and the join's).

Each row: the RSS the events added (VmRSS after, less before the first event), per event; the
peak (VmHWM); the seconds; the flags, and a digest of them (every field, sorted) so that two
codes' rows can be compared for the same judgement. With ``--before DIR`` every row is run a
second time with the code of ``DIR`` (a checkout of main), both at once, side by side. Rows
are appended to ``benchmarks/results/analyzer_memory.jsonl`` and printed as Markdown.
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
from typing import Any

RESULTS = Path(__file__).parent / "results" / "analyzer_memory.jsonl"
HERE = Path(__file__).resolve().parent.parent

#: run in the child, with the code tree first on ``sys.path``
_CHILD = r"""
import hashlib, json, sys, time
from pathlib import Path

def status(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024

mode, path = sys.argv[1], Path(sys.argv[2])
from analyzers.batch import read_events
from analyzers.engine import Engine
import analyzers

template = Engine()
rss0, t0 = status("VmRSS"), time.monotonic()
events = (e for _, e, _ in read_events(path) if e is not None)
if mode == "engine":
    count = 0
    for e in events:
        template.add(e)
        count += 1
    template.advance()
    flags = template.flags()
else:  # sharded_flags, but each shard decodes its own copy, as from its topic
    from analyzers.shards import DETACHMENT, OFFICER, RECORDING, Shards, routes, targets
    try:
        from jiancha.schemas import decode
    except ImportError:  # a checkout from before the contracts moved to the kernel
        from streams.schemas import decode

    shards = Shards(template, 6)
    for stage in (OFFICER, DETACHMENT, RECORDING):
        for p in range(6):
            shards.rebuild((stage, p), ())

    def deliver(route, event):
        for p in targets(route, 6):
            copy = decode(type(event), event.to_json_bytes())
            if route[0] == RECORDING:
                for onward, transcript in shards.joins[p].add(copy):
                    deliver(onward, transcript)
            else:
                shards.engines[(route[0], p)].add(copy)

    count = 0
    for e in events:
        count += 1
        for route in routes(e):
            deliver(route, e)
    found = {f.flag_id: f for f in shards.judge(shards.watermark()).final}
    found |= {f.flag_id: f for e in shards.engines.values() for f in e.flags()}
    flags = list(found.values())
seconds = time.monotonic() - t0
rss1 = status("VmRSS")
text = "\n".join(sorted(f.model_dump_json() for f in flags))
print(json.dumps({
    "code": str(Path(analyzers.__file__).parent.parent),
    "events": count,
    "added_mb": round(rss1 - rss0, 1),
    "bytes_per_event": round((rss1 - rss0) * 1048576 / count),
    "peak_rss_mb": round(status("VmHWM")),
    "seconds": round(seconds, 1),
    "flags": len(flags),
    "flags_digest": hashlib.sha256(text.encode()).hexdigest()[:16],
}))
"""


def _start(code: Path, mode: str, path: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(code))
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD, mode, str(path)],
        cwd=code,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def _month(events: int) -> Path:
    from jiancha.settings import Settings
    from jiancha.synthetic.month import main as generate

    path = Settings().cache_dir / "bench" / f"month-{events}.jsonl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        generate(["--events", str(events), "--out", str(path), "--quiet"])
    return path


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--modes", nargs="+", default=["engine", "shards"])
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare with")
    args = parser.parse_args(argv)
    codes = [HERE, *([args.before.resolve()] if args.before else [])]
    rows: list[dict[str, Any]] = []
    for events in args.events:
        path = _month(events)
        for mode in args.modes:
            load = os.getloadavg()[0]
            procs = [(code, _start(code, mode, path)) for code in codes]  # side by side
            for code, proc in procs:
                out, _ = proc.communicate()
                if proc.returncode:
                    raise RuntimeError(f"{mode} {events} with {code} failed")
                row = json.loads(out.strip().splitlines()[-1])
                row.update(
                    mode=mode,
                    which="after" if code == HERE else "before",
                    load_at_start_end=[round(load, 1), round(os.getloadavg()[0], 1)],
                    machine=f"{platform.machine()} {os.cpu_count()} cores",
                    at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                )
                rows.append(row)
                print(json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("| events | held by | code | MB added | bytes/event | peak RSS MB | s | flags | digest |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print(
            f"| {r['events']:,} | {r['mode']} | {r['which']} | {r['added_mb']:,} "
            f"| {r['bytes_per_event']:,} | {r['peak_rss_mb']:,} | {r['seconds']} "
            f"| {r['flags']:,} | `{r['flags_digest']}` |"
        )
    return rows


if __name__ == "__main__":
    main()
