"""``jiancha score``: precision and recall of flags against labels, per category and overall.

Matching (``shared/data/README.md``): a flag matches a label of its category when it names the
label's action
or recording, or, for officer-level labels, its officer. Precision counts flags that match some
label; recall
counts labels that some flag matches. Micro figures pool all categories.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Score:
    flags: int = 0
    flags_matched: int = 0
    labels: int = 0
    labels_matched: int = 0

    @property
    def precision(self) -> float:
        return self.flags_matched / self.flags if self.flags else 1.0

    @property
    def recall(self) -> float:
        return self.labels_matched / self.labels if self.labels else 1.0


def _matches(flag: dict[str, Any], label: dict[str, Any]) -> bool:
    if flag["category"] != label["category"]:
        return False
    if label.get("action_id") and label["action_id"] in flag.get("action_ids", []):
        return True
    if label.get("recording_id") and label["recording_id"] in flag.get("recording_ids", []):
        return True
    officer_level = not label.get("action_id") and not label.get("recording_id")
    return bool(officer_level and label.get("officer_id") == flag.get("officer_id"))


def score(flags: list[dict[str, Any]], labels: list[dict[str, Any]]) -> dict[str, Score]:
    """Scores by category, plus ``"micro"``."""
    by: dict[str, Score] = defaultdict(Score)
    for f in flags:
        s = by[f["category"]]
        s.flags += 1
        s.flags_matched += any(_matches(f, lab) for lab in labels)
    for lab in labels:
        s = by[lab["category"]]
        s.labels += 1
        s.labels_matched += any(_matches(f, lab) for f in flags)
    micro = Score()
    for s in by.values():
        micro.flags += s.flags
        micro.flags_matched += s.flags_matched
        micro.labels += s.labels
        micro.labels_matched += s.labels_matched
    out = dict(sorted(by.items()))
    out["micro"] = micro
    return out


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path} 第 {number} 行不是合法的 JSON：{exc}") from exc
    return rows


def table(scores: dict[str, Score]) -> str:
    """A plain-text table of the scores."""
    lines = [f"{'类别':<26}{'标注':>6}{'命中':>6}{'告警':>6}{'正确':>6}{'精确率':>9}{'召回率':>9}"]
    for name, s in scores.items():
        lines.append(
            f"{name:<28}{s.labels:>6}{s.labels_matched:>6}{s.flags:>6}{s.flags_matched:>6}"
            f"{s.precision:>10.3f}{s.recall:>10.3f}"
        )
    return "\n".join(lines)
