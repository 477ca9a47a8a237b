"""The case builder's fold (flags + complaints → case documents), the restart's reconciliation,
and the decision document the API's claim and the projection of ``CaseDecided`` share."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from analyzers.engine import Engine
from jiancha.schemas.case_events import CaseDecided
from jiancha.schemas.complaints import Complaint
from streams.analysis.documents import CaseBook, case_document, case_on_create
from streams.review.cases import decide, decision_document, projected_decision
from streams.speech.service import tampering_flag
from tests.unit.test_record_rules import T0, action, recording


def _complaint(n: int, **over: object) -> Complaint:
    return Complaint.model_validate(
        {
            "complaint_id": f"C{n}",
            "source": "12345",
            "received_at": (T0 + timedelta(days=1)).isoformat(),
            "text": "交警态度恶劣。",
            "plate": "鲁RA12345",
            "occurred_at": (T0 + timedelta(minutes=5)).isoformat(),
            **over,
        }
    )


def _engine_story() -> tuple[Engine, list]:
    """A ticket fined out of range, its recording late (raised, then withdrawn), a complaint."""
    e = Engine()
    published = []
    e.add(action(1, measures={"fine_cny": 500}))
    e.add(action(2, at=T0 + timedelta(days=2), officer_id="P2"))  # pushes the watermark
    c = e.advance()
    published += c.flags + c.withdrawn
    e.add(recording(1, T0 - timedelta(minutes=2)))  # covers A1: recording_missing withdrawn
    e.add(_complaint(1))
    c = e.advance()
    published += c.flags + c.withdrawn
    return e, published


def _book(flags, complaints=()) -> CaseBook:
    book = CaseBook()
    for f in flags:
        book.add_flag(f)
    for c in complaints:
        book.add_complaint(c)
    return book


def test_the_builder_makes_the_engines_case_from_the_flags_alone():
    e, published = _engine_story()
    assert any(f.withdrawn and f.category == "recording_missing" for f in published)
    book = _book(published, [_complaint(1)])
    assert book.document("C-A1") == case_document(e.case("C-A1"))
    doc = book.document("C-A1")
    assert doc["categories"] == ["out_of_range_fine"] and doc["complaint_ids"] == ["C1"]
    assert doc["priority"] == doc["severity"] + 1 and doc["plate"] == "鲁R·A12345"
    assert "status" not in doc and case_on_create()["status"] == "pending"


def test_replaying_or_reordering_flags_and_complaints_changes_nothing():
    _, published = _engine_story()
    want = _book(published, [_complaint(1)]).document("C-A1")
    # Replayed twice, complaint first: flags of one case keep their order (one officer, one
    # partition); complaints come from another topic, at any point.
    book = CaseBook()
    book.add_complaint(_complaint(1))
    for f in [*published, *published]:
        book.add_flag(f)
    assert book.document("C-A1") == want
    touched = _book(published).add_complaint(_complaint(1))
    assert touched == {"C-A1"}


def test_a_withdrawn_flag_leaves_its_case_withdrawn_with_its_time():
    e = Engine()
    e.add(action(1))
    c = e.advance(T0 + timedelta(hours=30))
    (missing,) = c.flags
    book = _book([missing, missing.model_copy(update={"withdrawn": True})])
    doc = book.document("C-A1")
    assert doc["withdrawn"] is True and doc["flags"] == [] and doc["flag_count"] == 0
    assert doc["occurred_at"] == T0.isoformat() and doc["officer_id"] == "P1"


def test_a_flag_that_moves_leaves_its_old_case():
    _, published = _engine_story()
    (flag,) = [f for f in published if f.category == "out_of_range_fine"]
    book = _book([flag, flag.model_copy(update={"case_id": "C-R9"})])
    assert book.document("C-A1")["flags"] == []
    assert [f["flag_id"] for f in book.document("C-R9")["flags"]] == [flag.flag_id]


def test_a_tampering_flag_gets_the_case_of_its_recording():
    r = recording(7, T0)
    flag = tampering_flag(r, "f" * 64)
    assert flag.case_id is None
    book = _book([flag])
    assert set(book.cases) == {"C-R7"}
    doc = book.document("C-R7")
    assert doc["categories"] == ["evidence_tampering"] and doc["recording_ids"] == ["R7"]
    assert doc["occurred_at"] == T0.isoformat() and doc["officer_id"] == "P1"
    assert doc["category_labels"] == ["录像疑似被篡改"] and doc["severity"] == 5


def test_a_restarted_engine_withdraws_what_a_predecessor_said_that_no_longer_holds():
    before = Engine()
    before.add(action(1))
    (missing,) = before.advance(T0 + timedelta(hours=30)).flags
    tampering = tampering_flag(recording(7, T0), "f" * 64)
    # The successor reads everything, the covering recording included, and judges once.
    after = Engine()
    for event in (action(1), recording(1, T0 - timedelta(minutes=2))):
        after.add(event)
    after.advance(T0 + timedelta(hours=30))
    standing = [missing, tampering]
    (stale,) = after.stale(standing)
    assert stale.flag_id == missing.flag_id and stale.withdrawn is True
    assert stale.case_id == "C-A1"
    # what still holds, or was withdrawn already, or another service said, stays as it is
    assert after.stale([stale]) == [] and tampering not in after.stale(standing)


def test_the_engine_is_order_independent_with_contexts_too():
    events = [action(1, measures={"fine_cny": 500}), recording(1, T0 - timedelta(minutes=2))]
    events += [action(2, at=T0 + timedelta(days=2), officer_id="P2")]
    results = set()
    for seed in range(5):
        random.Random(seed).shuffle(events)
        e = Engine()
        for ev in events:
            e.add(ev)
            e.advance()
        results.add(tuple(sorted(f.model_dump_json() for f in e.flags())))
    assert len(results) == 1


def test_the_claim_and_the_projection_write_the_same_decision():
    now = datetime(2026, 5, 1, 9, 30, 15, 123456, tzinfo=UTC).astimezone(
        T0.tzinfo  # the API's clock is Beijing time
    )
    source = {"case_id": "C-A1", "status": "pending", "squad_id": "s1", "categories": ["quota"]}
    event, claimed = decide(source, "confirm", " 属实 ", "reviewer", "reviewer", now, "e1")
    # What the projector reads back from Kafka is the event's JSON.
    replayed = CaseDecided.model_validate_json(event.to_json_bytes())
    assert decision_document(replayed, []) == claimed
    # Projected after the claim: nothing to do; on a rebuilt index: the claim's fields.
    assert projected_decision({**source, **claimed}, replayed) is None
    assert projected_decision(None, replayed) == {"case_id": "C-A1", **claimed}
    assert projected_decision(source, replayed) == claimed
    assert claimed["status"] == "confirmed" and claimed["decision"]["reason"] == "属实"
