"""Query bodies (pure): the date-range filter every search shares, and clip search."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from jiancha.names import squad_codes
from jiancha.text import fold_numerals, to_simplified

MAX_WINDOW = 10_000  # Elasticsearch's default index.max_result_window

# "|", the full-width "｜", and 或 / OR standing alone between words separate alternatives.
_OR = re.compile(r"\s*[|｜]\s*|\s+(?:或|OR)\s+")


def word_groups(q: str) -> list[list[str]]:
    """A search box's text as alternatives of words: ``现金 不开票 | 微信 转账`` → one group or
    the other, every word of a group required. Traditional characters are searched as Simplified
    (the transcripts are stored so), full-width spaces count as spaces."""
    text = to_simplified(q.replace("\u3000", " ")).strip()
    groups = [part.split() for part in _OR.split(f" {text} ")]
    return [g for g in groups if g and g not in (["或"], ["OR"])]


def any_group(
    groups: list[list[str]], clause: Callable[[str], dict[str, Any]]
) -> list[dict[str, Any]]:
    """``must`` clauses matching a document where every word of at least one group matches
    ``clause`` (one group: its words' clauses themselves, the plain AND)."""
    if len(groups) == 1:
        return [clause(w) for w in groups[0]]
    alternatives = [{"bool": {"must": [clause(w) for w in g]}} for g in groups]
    return [{"bool": {"should": alternatives, "minimum_should_match": 1}}]


def officer_id_prefix(field: str, typed: str) -> dict[str, Any]:
    """Officer ids as people type them: any case, spaces inside, full-width, or just the start
    (``ga 4036`` finds GA403677)."""
    return {"prefix": {field: fold_numerals(re.sub(r"\s+", "", typed))}}


def es_time(at: datetime) -> str:
    """``at`` as Elasticsearch parses it: aware times in UTC (it refuses offsets beyond ±18:00,
    which Python allows), naive ones as given; a time off the calendar clamps to its end."""
    if at.tzinfo is None:
        return at.isoformat()
    try:
        return at.astimezone(UTC).isoformat()
    except OverflowError:
        edge = datetime.min if at.year == datetime.min.year else datetime.max
        return edge.replace(tzinfo=UTC).isoformat()


def date_range(
    field: str,
    *,
    gte: datetime | None = None,
    lt: datetime | None = None,
    lte: datetime | None = None,
) -> dict[str, Any]:
    """A ``range`` filter on the date ``field`` over the bounds given (at least one)."""
    bounds = {op: es_time(at) for op, at in (("gte", gte), ("lt", lt), ("lte", lte)) if at}
    if not bounds:
        raise ValueError(f"date_range({field!r}) needs a bound")
    return {"range": {field: bounds}}


@dataclass(frozen=True)
class ClipQuery:
    """What a reviewer asks of the clips: words, filters and a page."""

    q: str = ""
    officer_id: str | None = None
    squad_id: str | None = None
    device_type: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    page: int = 1
    size: int = 20
    squads: tuple[str, ...] | None = None  # the codes squad_id names, resolved by the directory

    @property
    def groups(self) -> list[list[str]]:
        """Alternatives of words (:func:`word_groups`); every word of one group must occur."""
        return word_groups(self.q)

    @property
    def terms(self) -> list[str]:
        """Every word of every alternative (for the highlights)."""
        return sorted({w for g in self.groups for w in g})


@dataclass(frozen=True)
class SegmentHit:
    """A transcript segment that matched, with its seconds for the player."""

    start: float
    end: float
    speaker: str
    highlight: str


@dataclass(frozen=True)
class ClipHit:
    recording_id: str
    score: float | None
    source: dict[str, Any]
    segments: list[SegmentHit] = field(default_factory=list)


@dataclass(frozen=True)
class ClipPage:
    total: int
    hits: list[ClipHit]


def clip_search_body(query: ClipQuery) -> dict[str, Any]:
    """The Elasticsearch request body for ``query``."""
    filters: list[dict[str, Any]] = []
    if query.officer_id:
        filters.append(officer_id_prefix("officer_ids", query.officer_id))
    if query.squad_id:
        codes = query.squads if query.squads is not None else squad_codes(query.squad_id)
        filters.append({"terms": {"squad_id": list(codes)}})
    if query.device_type:
        filters.append({"term": {"device_type": query.device_type}})
    if query.start or query.end:
        filters.append(date_range("started_at", gte=query.start, lte=query.end))
    bool_q: dict[str, Any] = {"filter": filters}
    if query.terms:
        # Phrase matching keeps the characters of a word together, whatever the analyzer
        # (with the standard analyzer each Han character is its own token). The words are
        # matched over the whole transcript: they may be said in different segments of a clip.
        bool_q["must"] = any_group(query.groups, lambda t: {"match_phrase": {"transcript_text": t}})
        # The nested clause only fetches the matching segments, with times, for highlights.
        bool_q["should"] = [
            {
                "nested": {
                    "path": "segments",
                    "query": {
                        "bool": {
                            "should": [{"match_phrase": {"segments.text": t}} for t in query.terms]
                        }
                    },
                    "score_mode": "max",
                    "inner_hits": {
                        "size": 10,
                        "_source": ["segments.start", "segments.end", "segments.speaker"],
                        "highlight": {
                            "encoder": "html",
                            "fields": {"segments.text": {"number_of_fragments": 0}},
                        },
                    },
                }
            }
        ]
    body: dict[str, Any] = {
        "query": {"bool": bool_q},
        "from": (query.page - 1) * query.size,
        "size": query.size,
        "_source": {"excludes": ["segments", "transcript_text"]},
        "track_total_hits": True,
    }
    if not query.terms:
        body["sort"] = [{"started_at": "desc"}, {"recording_id": "asc"}]
    return body


def parse_clip_page(response: dict[str, Any]) -> ClipPage:
    """The page of clips in an Elasticsearch search response."""
    hits = []
    for hit in response["hits"]["hits"]:
        segments = []
        inner = hit.get("inner_hits", {}).get("segments", {}).get("hits", {}).get("hits", [])
        for seg in inner:
            src = seg["_source"]
            text = seg.get("highlight", {}).get("segments.text", [""])[0]
            segments.append(
                SegmentHit(src["start"], src["end"], src.get("speaker", "unknown"), text)
            )
        segments.sort(key=lambda s: s.start)
        hits.append(ClipHit(hit["_id"], hit.get("_score"), hit["_source"], segments))
    return ClipPage(response["hits"]["total"]["value"], hits)
