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


#: The shard topics are their shards' changelogs: a shard tombstones what it forgot (a final
#: month) and the cleaner must really run for a rebuild to read the open months only. Kafka
#: compacts only closed segments, so segments roll every hour (or 64 MB), the cleaner starts
#: once a tenth of the log is dirty, and a tombstone stays a day after compaction: a rebuild
#: that began before the cleaner passed still sees it (a rebuild takes seconds to minutes).
CHANGELOG_CONFIGS: tuple[tuple[str, str], ...] = (
    ("segment.ms", str(60 * 60 * 1000)),
    ("segment.bytes", str(64 * 1024 * 1024)),
    ("min.cleanable.dirty.ratio", "0.1"),
    ("delete.retention.ms", str(24 * 60 * 60 * 1000)),
)


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
        configs=CHANGELOG_CONFIGS,
    ),
    TopicSpec(
        SHARD_DETACHMENTS,
        "type|id, partition of the detachment",
        compacted=True,
        configs=CHANGELOG_CONFIGS,
    ),
    TopicSpec(
        SHARD_RECORDINGS,
        "type|id, partition of the recording",
        compacted=True,
        configs=CHANGELOG_CONFIGS,
    ),
    TopicSpec(SHARD_WATERMARKS, "stage/partition", compacted=True),
    TopicSpec(CASE_ASSIGNMENTS, "case_id"),
    TopicSpec(DOCUMENT_NUMBERS, "year (all of a year on one partition: the 文号 allocator)"),
    TopicSpec(OFFICER_ALERTS, "officer_id"),
)


def topic_name(prefix: str, base: str) -> str:
    """The real topic name: the deployment's prefix (empty in production) plus the base name."""
    return f"{prefix}{base}"
