"""The transcriber worker: ``recordings`` in; transcripts, tampering flags and dead letters out.

Recognition is CPU-bound and takes seconds, so each recording is transcribed in a worker thread
while the event
loop keeps the consumer's heartbeats going; the agent handles one recording at a time per process
(the engine
already uses every core). Scale out by starting more ``jiancha transcriber`` processes: they share
the partitions
of ``recordings`` as one consumer group. Offsets are committed after the outcome is published, so a
crash
re-transcribes at most the recordings in flight; transcripts are keyed by recording, so a repeat
overwrites.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any

import faust

from jiancha import metrics, topics
from jiancha.schemas import InvalidEvent, decode
from jiancha.schemas.recordings import Recording
from jiancha.settings import Settings
from streams.admin import serve_worker_metrics
from streams.app import create_app, raw_topic
from streams.dead_letters import dead_letter_of, dead_letter_sender
from streams.speech.media import MediaSources
from streams.speech.pipeline import Transcriber
from streams.speech.service import Outcome, process_recording

log = logging.getLogger(__name__)


def build_transcriber_app(settings: Settings, transcriber: Transcriber) -> faust.App:
    """The Faust app of the transcriber service."""
    app = create_app(settings, "transcriber")
    recordings = raw_topic(app, settings, topics.RECORDINGS)
    transcripts = raw_topic(app, settings, topics.TRANSCRIPTS)
    flags = raw_topic(app, settings, topics.FLAGS)
    send_dead = dead_letter_sender(app, settings)
    sources = MediaSources.of(settings)  # media root, upload store, allowed hosts

    async def reject(event: Any, reason: str) -> None:
        letter = dead_letter_of(
            event, reason, stage="transcriber", event_type="recording", now=datetime.now(UTC)
        )
        await send_dead(letter.dead_key, letter.to_json_bytes())

    @app.agent(recordings, name="transcribe_recordings", concurrency=1)
    async def transcribe_recordings(stream: Any) -> None:
        async for event in stream.events():
            metrics.count_events("transcriber", [event])  # issue 8: events in
            try:
                recording = decode(Recording, event.value)
            except InvalidEvent as exc:
                # The indexer dead-letters invalid recordings already; one letter per bad message
                # is enough.
                log.warning(
                    "跳过无效的录像消息 %s:%s：%s",
                    event.message.partition,
                    event.message.offset,
                    exc.reason,
                )
                continue
            outcome: Outcome = await asyncio.to_thread(
                process_recording, recording, transcriber, sources
            )
            if outcome.kind == "transcript" and outcome.transcript is not None:
                await transcripts.send(
                    key=recording.recording_id.encode("utf-8"),
                    value=outcome.transcript.model_dump_json().encode("utf-8"),
                )
                r = outcome.result
                if r is not None:
                    metrics.TRANSCRIPTION_RTF.observe(r.rtf)  # issue 8: RTF
                    metrics.TRANSCRIBED_SECONDS.inc(r.duration_s)
                    log.info(
                        "转写 %s：%.1f 秒音频，RTF %.3f，%d 段，剔除臆造文本 %d 处%s%s",
                        recording.recording_id,
                        r.duration_s,
                        r.rtf,
                        len(r.segments),
                        r.hallucinations,
                        f"，{outcome.transcript.quality_note}"
                        if outcome.transcript.quality_note
                        else "",
                        "，批量解码失败后逐段转写" if r.fallback else "",
                    )
            elif outcome.kind == "tampered" and outcome.flag is not None:
                metrics.FLAGS_OUT.labels("transcriber", outcome.flag.category).inc()
                await flags.send(
                    key=outcome.flag.key.encode("utf-8"), value=outcome.flag.to_json_bytes()
                )
            else:
                log.warning("%s", outcome.reason)
                await reject(event, outcome.reason or "转写失败")

    return app


def run_transcriber(settings: Settings, loglevel: str = "info") -> None:
    """Load the engine, prepare topics, then run the transcriber worker until stopped."""
    from streams.admin import ensure_topics
    from streams.speech import build_transcriber

    ensure_topics(settings)
    transcriber = build_transcriber(settings, say=lambda m: log.info("%s", m))
    log.info("转写引擎：%s", transcriber.engine.name)
    app = build_transcriber_app(settings, transcriber)
    serve_worker_metrics(settings, "transcriber", [topics.RECORDINGS])  # issue 8: /metrics
    faust.Worker(app, loglevel=loglevel).execute_from_commandline()
