"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
EVAL_DEV = SHARED / "data" / "eval-dev"


@pytest.fixture(scope="session")
def eval_dev() -> Path:
    """The labelled development month (``shared/data/eval-dev``)."""
    if not (EVAL_DEV / "events.jsonl").exists():
        pytest.skip(f"shared data not found at {EVAL_DEV}")
    return EVAL_DEV
