"""The whole rule set on the labelled eval-dev month: the issue's bar, measured in each run."""

from __future__ import annotations

import json

import pytest

from analyzers.batch import analyze_file
from analyzers.scoring import read_jsonl, score


@pytest.fixture(scope="module")
def scores(eval_dev):
    flags, events = analyze_file(eval_dev / "events.jsonl")
    assert events.rejected == []
    as_dicts = [json.loads(f.model_dump_json(by_alias=True)) for f in flags]
    return score(as_dicts, read_jsonl(eval_dev / "labels.jsonl"))


def test_micro_precision_and_recall_reach_095(scores):
    micro = scores["micro"]
    assert micro.precision >= 0.95, micro
    assert micro.recall >= 0.95, micro


def test_every_category_recalls_at_least_080(scores):
    weak = {name: s.recall for name, s in scores.items() if name != "micro" and s.recall < 0.8}
    assert weak == {}
    assert len(scores) - 1 >= 15, "all fifteen categories are labelled in eval-dev"
