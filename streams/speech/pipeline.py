"""From audio to a v1 transcript: recognise, normalise, correct, attribute speakers, segment.

The engine's words (with times) are laid over the speech chunks of :mod:`streams.speech.speakers`;
each word
takes the voice of the chunk it falls in. A segment is a run of words of one speaker, cut again
where a sentence
ends at a pause or where the engine started a new segment, so a reviewer can jump to it. Segment
text is
normalised (:mod:`streams.speech.textnorm`) and corrected (:mod:`streams.speech.vocabulary`);
confidence is the
mean word probability.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from jiancha.schemas.transcripts import Segment, Transcript
from streams.speech import speakers as spk
from streams.speech.engines import Engine, EngineSegment, Word
from streams.speech.hallucination import Removal, guard
from streams.speech.media import SAMPLE_RATE, MediaLimits, load_audio
from streams.speech.quality import Quality, assess
from streams.speech.textnorm import normalize_transcript
from streams.speech.vocabulary import Correction, Vocabulary

_SENTENCE_END = ("。", "？", "！", "?", "!", ".")
_PAUSE_S = 0.35
# A run of words the engine itself gives under this mean probability is noise it put into words (嗯,
# 作词作曲 in the
# hiss after the last sentence); it is dropped.
MIN_CONFIDENCE = 0.3

log = logging.getLogger(__name__)


@dataclass
class Result:
    """One recording's transcription with its cost."""

    segments: list[Segment]
    duration_s: float
    elapsed_s: float
    engine: str
    corrections: list[Correction] = field(default_factory=list)
    uncorrected_text: str = (
        ""  # the text before domain correction, for measuring what correction buys
    )
    removals: list[Removal] = field(default_factory=list)  # hallucinated text taken out
    quality: Quality | None = None
    fallback: str | None = None  # why the fallback engine transcribed this file

    @property
    def hallucinations(self) -> int:
        """How many stretches of hallucinated text were removed."""
        return len(self.removals)

    @property
    def rtf(self) -> float:
        """Real-time factor: seconds of work per second of audio."""
        return self.elapsed_s / self.duration_s if self.duration_s else 0.0

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    def transcript(self, recording_id: str) -> Transcript:
        """The v1 ``transcript`` event for ``recording_id``."""
        return Transcript.model_validate(
            {
                "recording_id": recording_id,
                "language": "zh",
                "engine": self.engine,
                "segments": self.segments,
                # Optional fields beyond v1 (allowed by the contract): what the work cost.
                "audio_seconds": round(self.duration_s, 3),
                "rtf": round(self.rtf, 4),
                "hallucinations_removed": self.hallucinations,
                **(
                    {"quality": self.quality.verdict, "quality_reasons": self.quality.reasons}
                    if self.quality
                    else {}
                ),
            }
        )


@dataclass
class _Piece:
    word: Word
    chunk: int
    engine_segment: int


def _chunk_of(word: Word, chunks: list[spk.SpeechChunk]) -> int:
    mid = (word.start + word.end) / 2
    best, best_d = 0, float("inf")
    for i, c in enumerate(chunks):
        d = 0.0 if c.start <= mid <= c.end else min(abs(mid - c.start), abs(mid - c.end))
        if d < best_d:
            best, best_d = i, d
    return best


class Transcriber:
    """Recognises recordings with one engine and one vocabulary."""

    def __init__(
        self,
        engine: Engine,
        vocabulary: Vocabulary,
        limits: MediaLimits | None = None,
        fallback: Engine | None = None,
        front_end: Callable[[np.ndarray], np.ndarray] | None = None,
        hallucination_guard: bool = True,
        min_confidence: float = MIN_CONFIDENCE,
        voice_front_end: Callable[[np.ndarray], np.ndarray] | None = None,
    ) -> None:
        self.engine = engine
        self.vocabulary = vocabulary
        self.limits = limits or MediaLimits()
        # Transcribes a file the engine fails on (faster-whisper's sequential pipeline behind the
        # batched one): one odd file must not stop a batch or the service.
        self.fallback = fallback
        self.front_end = front_end  # e.g. a denoiser, applied to what the engine hears
        self.hallucination_guard = hallucination_guard  # off: to measure what it buys
        self.min_confidence = min_confidence  # runs of words below it are dropped as noise
        self.voice_front_end = voice_front_end  # e.g. a denoiser, before pitch and loudness

    def transcribe_file(self, path: Path) -> Result:
        """Decode and transcribe a media file (raises :class:`~streams.speech.media.MediaError`)."""
        started = time.perf_counter()
        audio = load_audio(path, self.limits)
        result = self.transcribe_audio(audio)
        result.elapsed_s = time.perf_counter() - started
        return result

    def transcribe_audio(self, audio: np.ndarray) -> Result:
        """Transcribe 16 kHz mono samples."""
        started = time.perf_counter()
        duration = len(audio) / SAMPLE_RATE
        heard = self.front_end(audio) if self.front_end is not None else audio
        engine, fallback = self.engine, None
        try:
            raw = engine.transcribe(heard)
        except Exception as exc:
            if self.fallback is None:
                raise
            fallback = f"{engine.name}: {exc!r}"
            log.warning("转写引擎 %s 失败，改用 %s 重试：%r", engine.name, self.fallback.name, exc)
            engine = self.fallback
            raw = engine.transcribe(heard)
        voice = self.voice_front_end(audio) if self.voice_front_end is not None else None
        chunks = spk.speech_chunks(audio, voice=voice)
        speech = [(c.start, c.end) for c in chunks]
        kept, removals = guard(raw, speech) if self.hallucination_guard else (raw, [])
        quality = assess(audio, speech, kept, removals)
        segments, corrections, uncorrected = self._segments(kept, chunks)
        elapsed = time.perf_counter() - started
        return Result(
            segments,
            duration,
            elapsed,
            engine.name,
            corrections,
            uncorrected,
            removals,
            quality,
            fallback,
        )

    def _segments(
        self, raw: list[EngineSegment], chunks: list[spk.SpeechChunk]
    ) -> tuple[list[Segment], list[Correction], str]:
        pieces: list[_Piece] = []
        for si, s in enumerate(raw):
            seg_words = s.words or (Word(s.start, s.end, s.text, float(np.exp(s.avg_logprob))),)
            for w in seg_words:
                if w.text.strip():
                    pieces.append(_Piece(w, _chunk_of(w, chunks) if chunks else 0, si))
        if not pieces:
            return [], [], ""
        if chunks:
            labels = spk.two_voices(chunks)
            texts = [""] * len(chunks)
            for p in pieces:
                texts[p.chunk] += normalize_transcript(p.word.text)
            officer = spk.pick_officer(chunks, labels, texts)
            voice_of = [labels[p.chunk] for p in pieces]
        else:  # no speech found by VAD: one voice, whose words decide
            heard = normalize_transcript("".join(p.word.text for p in pieces))
            officer = 0 if spk.cue_score(heard) >= 0 else None
            voice_of = [0] * len(pieces)

        def speaker(voice: int) -> str:
            if officer is None:
                return "unknown"
            return "officer" if voice == officer else "civilian"

        # Group words into runs: same voice, same engine segment, no sentence end followed by a
        # pause.
        runs: list[list[int]] = [[0]]
        for i in range(1, len(pieces)):
            prev, cur = pieces[i - 1], pieces[i]
            new = (
                voice_of[i] != voice_of[i - 1]
                or cur.engine_segment != prev.engine_segment
                or (
                    prev.word.text.strip().endswith(_SENTENCE_END)
                    and cur.word.start - prev.word.end >= _PAUSE_S
                )
            )
            if new:
                runs.append([i])
            else:
                runs[-1].append(i)

        segments: list[Segment] = []
        corrections: list[Correction] = []
        uncorrected = ""
        for run in runs:
            words = [pieces[i].word for i in run]
            confidence = float(np.clip(np.mean([w.probability for w in words]), 0, 1))
            if confidence < self.min_confidence:
                continue
            text = normalize_transcript("".join(w.text for w in words))
            if not text:
                continue
            uncorrected += text
            text, fixed = self.vocabulary.correct(text)
            corrections.extend(fixed)
            segments.append(
                Segment(
                    start=round(max(words[0].start, 0.0), 2),
                    end=round(max(words[-1].end, words[0].start), 2),
                    speaker=speaker(voice_of[run[0]]),  # type: ignore[arg-type]
                    text=text,
                    confidence=round(
                        float(np.clip(np.mean([w.probability for w in words]), 0, 1)), 3
                    ),
                )
            )
        return segments, corrections, uncorrected
