"""A recording is registered once (issue 13): set-once fields, the re-registration flag, claims."""

from __future__ import annotations

import threading
from pathlib import Path

from api.routes.recordings import claim
from jiancha import metrics
from jiancha.elastic.writer import Refused, Upsert, set_once_action, set_once_conflicts
from jiancha.schemas.flags import SegmentEvidence
from jiancha.schemas.recordings import Recording
from streams.indexer.documents import (
    REGISTERED,
    clip_from_recording,
    recording_upsert,
    reregistration_flag,
)
from tests.unit.test_schemas import RECORDING

FIRST = Recording.model_validate(RECORDING)
SECOND = FIRST.model_copy(
    update={"sha256": "f" * 64, "media_uri": "file:///elsewhere/x.m4a", "officer_ids": ["X1"]}
)


def _hit(source: dict, seq_no: int = 7) -> dict:
    return {"_id": "REC-000001", "found": True, "_source": source, "_seq_no": seq_no,
            "_primary_term": 1}  # fmt: skip


def test_a_recording_upsert_writes_its_media_and_hash_only_once():
    upsert = recording_upsert("x-clips", FIRST)
    assert upsert.set_once == {"sha256": FIRST.sha256, "media_uri": FIRST.media_uri}
    assert not set(REGISTERED) & set(upsert.doc)
    assert {**upsert.doc, **upsert.set_once} == clip_from_recording(FIRST)


def test_absent_documents_are_created_exclusively():
    upsert = recording_upsert("x-clips", FIRST)
    action = set_once_action(upsert, {"_id": "REC-000001", "found": False})
    assert isinstance(action, dict)
    assert action["_op_type"] == "create"  # Elasticsearch refuses it (409) if one appeared
    assert action["_source"] == clip_from_recording(FIRST)


def test_the_transcript_half_alone_gets_the_registration_pinned_to_the_version_read():
    upsert = recording_upsert("x-clips", FIRST)
    action = set_once_action(upsert, _hit({"recording_id": "REC-000001", "has_transcript": True}))
    assert isinstance(action, dict)
    assert action["_op_type"] == "update" and "retry_on_conflict" not in action
    assert (action["if_seq_no"], action["if_primary_term"]) == (7, 1)
    assert action["doc"]["sha256"] == FIRST.sha256


def test_an_identical_replay_is_an_update_that_changes_nothing():
    stored = clip_from_recording(FIRST)
    upsert = recording_upsert("x-clips", FIRST)
    assert set_once_conflicts(upsert, stored) == {}
    action = set_once_action(upsert, _hit(stored))
    assert isinstance(action, dict) and action["doc"].items() <= stored.items()


def test_other_media_for_a_registered_recording_is_refused_whole():
    stored = clip_from_recording(FIRST)
    upsert = recording_upsert("x-clips", SECOND)
    assert set_once_conflicts(upsert, stored) == {
        "sha256": (FIRST.sha256, SECOND.sha256),
        "media_uri": (FIRST.media_uri, SECOND.media_uri),
    }
    refused = set_once_action(upsert, _hit(stored))
    assert isinstance(refused, Refused)
    assert refused.kept == stored and refused.upsert is upsert
    assert refused.reason.startswith("证据冲突") and FIRST.sha256 in refused.reason
    up, reason = refused  # unpacks like the writer's other refusals
    assert (up, reason) == (upsert, refused.reason)
    assert metrics.reason_kind(refused.reason) == "evidence_conflict"


def test_refusals_without_set_once_fields_have_nothing_kept():
    refused = Refused(Upsert("x", "1", {}), "Elasticsearch 拒绝写入：x")
    assert refused.kept is None and refused.reason.startswith("Elasticsearch")


def test_the_reregistration_flag_names_the_first_registration():
    flag = reregistration_flag(SECOND, clip_from_recording(FIRST))
    assert flag.category == "evidence_tampering" and flag.class_ == "procedure"
    assert flag.severity == 5
    assert flag.flag_id == "evidence_tampering:REC-000001"
    # The evidence at stake is the first officer's, not whoever the second event names.
    assert (flag.officer_id, flag.squad_id) == ("KA000001", "kaifa-1")
    [evidence] = flag.evidence
    assert isinstance(evidence, SegmentEvidence)
    assert FIRST.sha256 in evidence.excerpt and SECOND.sha256 in evidence.excerpt
    assert "REC-000001" in flag.explanation and "未予采用" in flag.explanation


def test_of_two_racing_claims_of_one_id_exactly_one_wins(tmp_path: Path):
    path = tmp_path / "registered" / "ab" / "abc.json"
    won: list[bool] = []
    start = threading.Barrier(8)

    def race(i: int) -> None:
        start.wait()
        won.append(claim(path, {"recording_id": "REC-1", "by": str(i)}))

    threads = [threading.Thread(target=race, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(won) == [False] * 7 + [True]
    assert claim(path, {"recording_id": "REC-1"}) is False
