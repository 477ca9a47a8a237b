"""Compile time of 《监察专刊》 on data already in Elasticsearch, stage by stage.

    python -m benchmarks.bulletin --week 2026-W15 [--runs 3]

Uses the index prefix of ``JIANCHA_INDEX_PREFIX`` (ingest, index and analyse first: ``jiancha
ingest``, ``jiancha worker``, ``jiancha analyzer``) and a scratch data directory, and appends one
line per run to ``benchmarks/results/bulletin.jsonl``. Stages: 编号 (the week's numbers), 统计
(every Elasticsearch aggregation), 排版 (charts + HTML), 生成PDF (WeasyPrint layout and font
subsetting), 存档 (files and the ``bulletins`` document).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from jiancha.elastic.client import sync_client
from jiancha.settings import Settings
from streams.bulletin.compile import compile_week
from streams.bulletin.stats import IsoWeek

RESULTS = Path(__file__).parent / "results" / "bulletin.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--week", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--input", default="eval-dev", help="what the prefix holds, for the record")
    args = ap.parse_args()
    base = Settings()
    week = IsoWeek.parse(args.week, base.bulletin_timezone)
    es = sync_client(base)
    actions = es.count(index=f"{base.index_prefix}-actions")["count"]
    clips = es.count(index=f"{base.index_prefix}-clips")["count"]
    cases = es.count(index=f"{base.index_prefix}-cases")["count"]
    with tempfile.TemporaryDirectory() as scratch:
        settings = base.model_copy(update={"data_dir": Path(scratch)})
        for run in range(args.runs):
            marks: list[tuple[str, float]] = []

            def mark(stage: str, marks: list[tuple[str, float]] = marks) -> None:
                marks.append((stage, time.perf_counter()))

            t0 = time.perf_counter()
            compiled = compile_week(
                settings,
                es,
                week,
                now=datetime.now(UTC),
                by="benchmark",
                progress=mark,
            )
            t1 = time.perf_counter()
            ends = [t for _, t in marks[1:]] + [t1]
            stages = {s: round(e - t, 3) for (s, t), e in zip(marks, ends, strict=True)}
            row = {
                "input": args.input,
                "week": str(week),
                "run": run + 1,
                "indexed": {"actions": actions, "clips": clips, "cases": cases},
                "week_recordings": compiled.stats.overview.recordings,
                "week_actions": compiled.stats.overview.actions,
                "pages": compiled.doc["pdf_pages"],
                "seconds": round(t1 - t0, 2),
                "stages": stages,
                "machine": f"{platform.machine()}, {os.cpu_count()} cores",
                "at": datetime.now().isoformat(timespec="seconds"),
            }
            print(json.dumps(row, ensure_ascii=False))
            with RESULTS.open("a", encoding="utf-8") as f:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    es.close()


if __name__ == "__main__":
    main()
