"""What the transcriber does with one recording, independent of Kafka.

:func:`process_recording` fetches the media named by the recording, checks that it is the file that
was registered
(SHA-256), and transcribes it. There are three outcomes, each an event for a topic:

- ``transcript`` → ``transcripts``;
- ``tampered``: the file's hash differs from the registered one → a ``flag`` of category
``evidence_tampering``
  (公安机关现场执法视音频记录工作规定: recordings may not be deleted or edited). The file is **not**
  transcribed:
  its content is not the evidence that was registered, and a reviewer must look at it first;
- ``rejected``: missing, empty, corrupt, unsupported, too large or too long media, media outside
  the allowed directories and hosts (``MediaSources``), or an engine failure → a dead letter
  with the reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from analyzers.record_rules import evidence_tampering
from jiancha.schemas.flags import Flag
from jiancha.schemas.recordings import Recording
from jiancha.schemas.transcripts import Transcript
from streams.speech.media import MediaError, MediaLimits, MediaSources, resolve, sha256_of
from streams.speech.pipeline import Result, Transcriber

log = logging.getLogger(__name__)

RULE_VERSION = "transcriber-1"


@dataclass(frozen=True)
class Outcome:
    kind: Literal["transcript", "tampered", "rejected"]
    transcript: Transcript | None = None
    flag: Flag | None = None
    code: str | None = None  # rejected: MediaError code, or "engine"
    reason: str | None = None
    result: Result | None = None


def tampering_flag(recording: Recording, actual_sha256: str) -> Flag:
    """The flag raised when the file behind a recording is not the file that was registered."""
    return evidence_tampering(
        recording,
        excerpt=f"登记 SHA-256 {recording.sha256}，文件实际 {actual_sha256}",
        explanation=(
            f"录像 {recording.recording_id} 的文件与上传时登记的 SHA-256 不一致，可能被删改，"
            "未予转写，请调取原始存储核查。"
        ),
        rule_version=RULE_VERSION,
    )


def process_recording(
    recording: Recording,
    transcriber: Transcriber,
    sources: MediaSources | Path,
    limits: MediaLimits | None = None,
) -> Outcome:
    """Fetch (only from ``sources``), verify and transcribe one recording."""
    try:
        media = resolve(recording.media_uri, sources, limits or transcriber.limits)
    except MediaError as exc:
        return Outcome(
            "rejected", code=exc.code, reason=f"录像 {recording.recording_id}：{exc.reason}"
        )
    try:
        actual = sha256_of(media.path)
        if actual != recording.sha256:
            log.warning("录像 %s 文件校验不符（疑似篡改）", recording.recording_id)
            return Outcome("tampered", flag=tampering_flag(recording, actual))
        try:
            result = transcriber.transcribe_file(media.path)
        except MediaError as exc:
            return Outcome(
                "rejected", code=exc.code, reason=f"录像 {recording.recording_id}：{exc.reason}"
            )
        except Exception as exc:
            log.exception("转写录像 %s 失败", recording.recording_id)
            return Outcome(
                "rejected", code="engine", reason=f"录像 {recording.recording_id} 转写失败：{exc!r}"
            )
        return Outcome(
            "transcript", transcript=result.transcript(recording.recording_id), result=result
        )
    finally:
        media.cleanup()
