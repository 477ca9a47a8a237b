"""Pick the best Chinese analyzer the cluster really has (detect, don't assume)."""

from __future__ import annotations

from typing import Any

# Best first: dictionary segmenters (IK plugin, smartcn plugin), then CJK bigrams (the
# analysis-common module), then the standard analyzer, which splits Han text into single
# characters; with it, phrase queries are what make "现金" match 现金 and not 现…金.
CANDIDATES = ("ik_max_word", "smartcn", "cjk", "standard")


def detect_chinese_analyzer(es: Any) -> str:
    """The first candidate analyzer that the cluster can run."""
    from elasticsearch import BadRequestError

    for name in CANDIDATES:
        try:
            es.indices.analyze(analyzer=name, text="陈述申辩")
        except BadRequestError:
            continue
        return name
    return "standard"
