"""The topic catalogue: every Kafka topic jiancha uses, what it carries and how it is keyed."""

from __future__ import annotations

from dataclasses import dataclass

ENFORCEMENT_ACTIONS = "enforcement-actions"
RECORDINGS = "recordings"
TRANSCRIPTS = "transcripts"
COMPLAINTS = "complaints"
POLICIES = "policies"
FLAGS = "flags"
CASE_EVENTS = "case-events"
RECTIFICATION_EVENTS = "rectification-events"
BULLETIN_EVENTS = "bulletin-events"
SPOT_CHECKS = "spot-checks"
AUDIT = "audit"
USERS = "users"
DIRECTORY = "directory"
DEAD_LETTERS = "dead-letters"
# The partitioned analyzer's own topics (issue 15, analyzers/shards.py): inputs re-keyed by the
# analyzer itself (never the producer's key), each message placed on its shard's partition.
SHARD_OFFICERS = "analyzer-officer-shards"
SHARD_DETACHMENTS = "analyzer-detachment-shards"
SHARD_RECORDINGS = "analyzer-recording-shards"
SHARD_WATERMARKS = "analyzer-watermarks"
CASE_ASSIGNMENTS = "case-assignments"
DOCUMENT_NUMBERS = "document-numbers"
OFFICER_ALERTS = "officer-alerts"


@dataclass(frozen=True)
class TopicSpec:
    """A topic: its base name, what its key is, whether it is compacted, and its other configs."""

    name: str
    keyed_by: str
    compacted: bool = False
    configs: tuple[tuple[str, str], ...] = ()
    #: a shard topic: compacted with :func:`changelog_configs` (the settings' intervals)
    changelog: bool = False


def changelog_configs(segment_s: int, tombstone_s: int) -> dict[str, str]:
    """The shard topics' cleaner settings: they are their shards' changelogs, a shard tombstones
    what it forgot (a final month) and the cleaner must really run for a rebuild to read the
    open months only.

    Kafka never cleans the active segment and rolls a segment only when a record is appended
    (``segment.ms`` is checked on append, against the segment's first record's timestamp), so
    the tombstones a shard sends last stay in the active segment, with every value they delete
    still readable, until something is written ``segment_s`` later: the owner appends a marker
    for that (``streams/analysis/shards.py``, ``ROLL_KEY``). ``max.compaction.lag.ms`` makes a
    rolled dirty segment cleanable however small its share of the log (a forgotten month on a
    quiet partition). A tombstone is dropped only by a cleaning pass after ``delete.retention.ms``
    has passed since the pass that first saw it (KIP-534), hence the markers go on after it."""
    return {
        "segment.ms": str(segment_s * 1000),
        "max.compaction.lag.ms": str(segment_s * 1000),
        "segment.bytes": str(64 * 1024 * 1024),
        "min.cleanable.dirty.ratio": "0.1",
        "delete.retention.ms": str(tombstone_s * 1000),
    }


CATALOGUE: tuple[TopicSpec, ...] = (
    TopicSpec(ENFORCEMENT_ACTIONS, "officer_id"),
    TopicSpec(RECORDINGS, "officer_ids[0] (wearer)"),
    TopicSpec(TRANSCRIPTS, "recording_id"),
    TopicSpec(COMPLAINTS, "officer_id, else complaint_id"),
    TopicSpec(POLICIES, "policy_id", compacted=True),
    TopicSpec(FLAGS, "officer_id"),
    TopicSpec(CASE_EVENTS, "case_id"),
    TopicSpec(RECTIFICATION_EVENTS, "order_id"),
    TopicSpec(BULLETIN_EVENTS, "week"),
    TopicSpec(SPOT_CHECKS, "plan_id"),
    TopicSpec(AUDIT, "actor"),
    TopicSpec(USERS, "username", compacted=True),
    TopicSpec(DIRECTORY, "squad:{code} | officer:{officer_id}", compacted=True),
    TopicSpec(DEAD_LETTERS, "source@position"),
    # key type|id (the event's own id, so compaction keeps its latest version); partition chosen
    # by the analyzer: the officer's, the detachment's, the recording's shard
    TopicSpec(
        SHARD_OFFICERS,
        "type|id, partition of the officer",
        compacted=True,
        changelog=True,
    ),
    TopicSpec(
        SHARD_DETACHMENTS,
        "type|id, partition of the detachment",
        compacted=True,
        changelog=True,
    ),
    TopicSpec(
        SHARD_RECORDINGS,
        "type|id, partition of the recording",
        compacted=True,
        changelog=True,
    ),
    TopicSpec(SHARD_WATERMARKS, "stage/partition", compacted=True),
    TopicSpec(CASE_ASSIGNMENTS, "case_id"),
    TopicSpec(DOCUMENT_NUMBERS, "year (all of a year on one partition: the 文号 allocator)"),
    TopicSpec(OFFICER_ALERTS, "officer_id"),
)


def topic_name(prefix: str, base: str) -> str:
    """The real topic name: the deployment's prefix (empty in production) plus the base name."""
    return f"{prefix}{base}"
