"""Documents built from events and query bodies (pure functions)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from api.security import User
from jiancha.clock import BEIJING
from jiancha.elastic.indices import clips_spec
from jiancha.elastic.queries import (
    ClipQuery,
    clip_search_body,
    date_range,
    es_time,
    parse_clip_page,
)
from jiancha.elastic.writer import Upsert
from jiancha.schemas import decode
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript
from streams.indexer.documents import clip_from_recording, clip_from_transcript
from streams.review.queries import list_filters, overdue_filter
from tests.unit.test_schemas import RECORDING


def test_clip_documents_fit_the_strict_mapping():
    rec = decode(Recording, json.dumps(RECORDING))
    tr = decode(
        Transcript,
        json.dumps(
            {
                "recording_id": "REC-000001",
                "engine": "reference",
                "segments": [{"start": 0, "end": 2, "speaker": "officer", "text": "请出示驾驶证"}],
            }
        ),
    )
    mapped = set(clips_spec("standard").mappings["properties"])
    doc_r, doc_t = clip_from_recording(rec), clip_from_transcript(tr)
    assert set(doc_r) <= mapped and set(doc_t) <= mapped
    assert doc_r["duration_s"] == 300.0
    assert doc_r["upload_delay_h"] == 0.917
    assert doc_t["transcript_text"] == "请出示驾驶证"


def test_upserts_are_idempotent_updates_keyed_by_event():
    action = Upsert("x-clips", "REC-1", {"a": 1}).bulk_action()
    assert action["_op_type"] == "update" and action["_id"] == "REC-1"
    assert action["doc_as_upsert"] is True


def test_words_become_phrases_and_filters_become_terms():
    body = clip_search_body(
        ClipQuery(q="现金  不开票", officer_id="KA1", device_type="body_cam", page=3, size=10)
    )
    must = body["query"]["bool"]["must"]
    assert must == [
        {"match_phrase": {"transcript_text": "现金"}},
        {"match_phrase": {"transcript_text": "不开票"}},
    ]
    assert {"prefix": {"officer_ids": "KA1"}} in body["query"]["bool"]["filter"]
    assert body["from"] == 20 and body["size"] == 10
    assert "sort" not in body  # by relevance when there are words


def test_without_words_newest_first():
    body = clip_search_body(ClipQuery())
    assert "must" not in body["query"]["bool"]
    assert body["sort"][0] == {"started_at": "desc"}


def test_parse_page_orders_segments_by_time():
    response = {
        "hits": {
            "total": {"value": 1},
            "hits": [
                {
                    "_id": "REC-1",
                    "_score": 2.0,
                    "_source": {"recording_id": "REC-1"},
                    "inner_hits": {
                        "segments": {
                            "hits": {
                                "hits": [
                                    {
                                        "_source": {
                                            "start": 9.0,
                                            "end": 10.0,
                                            "speaker": "officer",
                                        },
                                        "highlight": {"segments.text": ["b<em>现金</em>"]},
                                    },
                                    {
                                        "_source": {
                                            "start": 1.0,
                                            "end": 2.0,
                                            "speaker": "civilian",
                                        },
                                        "highlight": {"segments.text": ["<em>现金</em>a"]},
                                    },
                                ]
                            }
                        }
                    },
                }
            ],
        }
    }
    page = parse_clip_page(response)
    assert page.total == 1
    assert [s.start for s in page.hits[0].segments] == [1.0, 9.0]


def test_one_date_range_builder_for_every_window():
    start = datetime(2026, 4, 6, tzinfo=BEIJING)
    end = datetime(2026, 4, 13, tzinfo=BEIJING)
    assert date_range("at", gte=start, lt=end) == {
        "range": {"at": {"gte": "2026-04-05T16:00:00+00:00", "lt": "2026-04-12T16:00:00+00:00"}}
    }
    assert date_range("at", lte=end) == {"range": {"at": {"lte": "2026-04-12T16:00:00+00:00"}}}
    with pytest.raises(ValueError):
        date_range("at")


def test_times_elasticsearch_cannot_parse_are_normalised():
    # Python allows offsets up to ±23:59, Elasticsearch only ±18:00 (schemathesis found a 500).
    odd = datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=18, minutes=1)))
    assert es_time(odd) == "1999-12-31T05:59:00+00:00"
    assert es_time(datetime(2026, 4, 6)) == "2026-04-06T00:00:00"  # naive: as given
    ahead = timezone(timedelta(hours=12))
    assert es_time(datetime.min.replace(tzinfo=ahead)) == "0001-01-01T00:00:00+00:00"
    behind = timezone(timedelta(hours=-12))
    assert es_time(datetime.max.replace(tzinfo=behind)).startswith("9999-12-31T23:59:59")


def test_overdue_orders_are_one_filter_for_the_timer_and_the_list():
    now = datetime(2026, 4, 20, 8, tzinfo=UTC)
    late = overdue_filter(now)
    assert late == {
        "bool": {
            "filter": [
                {"terms": {"status": ["issued", "acknowledged", "returned"]}},
                {"range": {"deadline": {"lt": "2026-04-20T08:00:00+00:00"}}},
            ]
        }
    }
    leader = User(username="li", role="squad_leader", squad_id="mudan-2", display_name="李")
    assert list_filters(leader, None, None, True, None, now)[-1] == late
    assert list_filters(leader, None, None, False, None, now)[-1] == {"bool": {"must_not": late}}
