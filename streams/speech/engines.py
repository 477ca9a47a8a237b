"""Speech-recognition engines behind one interface.

- :class:`FasterWhisperEngine` (default): Whisper on CTranslate2; int8 on CPU, float16 on CUDA when
a GPU is
  present; Silero VAD so silence costs nothing and breeds no invented text; word timestamps for
  speaker turns.
- :class:`OpenAIWhisperEngine`: the reference PyTorch implementation, for GPU sites that prefer it.
Optional
  (``pip install 'jiancha[openai-whisper]'``) and given a local checkpoint; nothing is downloaded.

An engine returns :class:`EngineSegment` s with words; normalisation, correction and speakers are
done by
:mod:`streams.speech.pipeline`, the same for every engine.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np


class EngineUnavailable(RuntimeError):
    """The engine's package or weights are not installed."""


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    text: str
    probability: float


@dataclass(frozen=True)
class EngineSegment:
    start: float
    end: float
    text: str
    words: tuple[Word, ...]
    avg_logprob: float
    no_speech_prob: float


@dataclass(frozen=True)
class EngineOptions:
    """Decoding settings. ``device`` auto picks CUDA when CTranslate2 sees a GPU;
    ``compute_type`` auto means
    int8 on CPU and float16 on CUDA; ``threads`` 0 means one per core."""

    device: str = "auto"
    compute_type: str = "auto"
    beam_size: int = 1
    threads: int = 0
    # 0: faster-whisper's sequential loop over the VAD-joined audio; ≥ 1: our speech clips (one
    # Whisper window each) decoded in batches of this size by faster-whisper's batched pipeline.
    batch_size: int = 8
    prompt: str = ""
    language: str = "zh"
    vad_min_silence_ms: int = 2000
    vad_threshold: float = 0.5  # Silero speech probability; chosen in benchmarks/transcription.py
    # One decode per 30-s window, times from word alignment: no re-decoding of a window's tail
    # (where Whisper
    # invents 作词作曲 and repeats itself) and fewer tokens.
    without_timestamps: bool = True


class Engine(Protocol):
    name: str

    def transcribe(self, audio: np.ndarray) -> list[EngineSegment]: ...


def _threads(n: int) -> int:
    import os

    return n or len(os.sched_getaffinity(0))


_CLIP_S = 30.0
_CLIP_PAD_S = 0.2


def group_clips(speech: list[tuple[float, float]], end_of_audio: float) -> list[dict[str, float]]:
    """Speech stretches (seconds, in order) as clips: padded, grouped greedily while a group spans
    ≤ 30 s, never overlapping, never past the audio and never longer than one window.

    Where VAD cut speech at its length limit (street noise it takes for speech), two stretches
    touch; padding both would overlap the clips, decode the overlap twice and make the clips add
    up to more than the audio (faster-whisper then fails: ``non-negative timestamp expected``).
    """
    clips: list[dict[str, float]] = []
    for s, e in speech:
        start = max(s - _CLIP_PAD_S, 0.0, clips[-1]["end"] if clips else 0.0)
        end = min(e + _CLIP_PAD_S, end_of_audio)
        if end <= start:
            continue
        if clips and end - clips[-1]["start"] <= _CLIP_S:
            clips[-1]["end"] = end
            continue
        while end - start > _CLIP_S:  # VAD's own padding can take a stretch past 30 s
            clips.append({"start": start, "end": start + _CLIP_S})
            start += _CLIP_S
        clips.append({"start": start, "end": end})
    return clips


def speech_clips(
    audio: np.ndarray, min_silence_ms: int, threshold: float = 0.5
) -> list[dict[str, float]]:
    """Stretches of ``audio`` to decode, each at most one 30-s Whisper window: VAD speech, grouped
    greedily while the group spans ≤ 30 s. Silence between clips is never decoded; each clip is
    decoded once (no re-decoding of a window's tail, where Whisper invents text)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    sr = 16_000
    speech = get_speech_timestamps(
        audio,
        VadOptions(
            threshold=threshold,
            min_silence_duration_ms=min_silence_ms,
            max_speech_duration_s=_CLIP_S - 1,
        ),
    )
    return group_clips([(t["start"] / sr, t["end"] / sr) for t in speech], len(audio) / sr)


class FasterWhisperEngine:
    """Whisper via faster-whisper / CTranslate2."""

    def __init__(self, model_dir: Path, options: EngineOptions) -> None:
        try:
            import ctranslate2
            from faster_whisper import BatchedInferencePipeline, WhisperModel
        except ImportError as exc:  # pragma: no cover - a dependency of the project
            raise EngineUnavailable("未安装 faster-whisper") from exc
        device = options.device
        if device == "auto":
            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        compute = options.compute_type
        if compute == "auto":
            compute = "float16" if device == "cuda" else "int8"
        self.device, self.compute_type = device, compute
        self.options = options
        self.model = WhisperModel(
            str(model_dir),
            device=device,
            compute_type=compute,
            cpu_threads=_threads(options.threads),
        )
        self._batched = BatchedInferencePipeline(self.model) if options.batch_size > 0 else None
        self._name(options)

    def _name(self, options: EngineOptions) -> None:
        mode = f"clips{options.batch_size}" if options.batch_size else "seq"
        self.name = f"faster-whisper-base/{self.compute_type}/beam{options.beam_size}/{mode}"

    def sequential(self) -> FasterWhisperEngine:
        """The same model through faster-whisper's sequential pipeline (VAD-joined audio): the
        fallback for a file the batched pipeline fails on. Shares the loaded weights."""
        other = copy.copy(self)
        other.options = replace(self.options, batch_size=0)
        other._batched = None
        other._name(other.options)
        return other

    def transcribe(self, audio: np.ndarray) -> list[EngineSegment]:
        o = self.options
        kwargs: dict[str, Any] = dict(
            language=o.language,
            task="transcribe",
            beam_size=o.beam_size,
            vad_filter=True,
            vad_parameters={
                "min_silence_duration_ms": o.vad_min_silence_ms,
                "threshold": o.vad_threshold,
            },
            initial_prompt=o.prompt or None,
            word_timestamps=True,
            without_timestamps=o.without_timestamps,
        )
        if self._batched is not None:
            clips = speech_clips(audio, o.vad_min_silence_ms, o.vad_threshold)
            if not clips:
                return []
            kwargs.pop("vad_parameters")
            kwargs.update(vad_filter=False, clip_timestamps=clips)
            segments, _info = self._batched.transcribe(audio, batch_size=o.batch_size, **kwargs)
        else:
            segments, _info = self.model.transcribe(
                audio, condition_on_previous_text=False, **kwargs
            )
        out = []
        for s in segments:
            words = tuple(Word(w.start, w.end, w.word, w.probability) for w in (s.words or ()))
            out.append(
                EngineSegment(s.start, s.end, s.text, words, s.avg_logprob, s.no_speech_prob)
            )
        return out


class OpenAIWhisperEngine:
    """Whisper via the openai-whisper package (PyTorch), from a local checkpoint file."""

    def __init__(self, checkpoint: Path | None, options: EngineOptions) -> None:
        try:
            import whisper
        except ImportError as exc:
            raise EngineUnavailable(
                "未安装 openai-whisper：pip install 'jiancha[openai-whisper]'"
            ) from exc
        if checkpoint is None or not Path(checkpoint).is_file():
            raise EngineUnavailable(
                "openai-whisper 需要本地模型文件（JIANCHA_WHISPER_CHECKPOINT 指向 base.pt）；"
                "运行时不下载模型"
            )
        self.options = options
        device = options.device if options.device != "auto" else None
        self.model = whisper.load_model(str(checkpoint), device=device)
        self.name = f"openai-whisper-base/beam{options.beam_size}"

    def transcribe(self, audio: np.ndarray) -> list[EngineSegment]:
        o = self.options
        result = self.model.transcribe(
            audio,
            language=o.language,
            beam_size=o.beam_size,
            initial_prompt=o.prompt or None,
            word_timestamps=True,
            condition_on_previous_text=False,
            fp16=False,
        )
        out = []
        for s in result["segments"]:
            words = tuple(
                Word(w["start"], w["end"], w["word"], w.get("probability", 1.0))
                for w in s.get("words", [])
            )
            out.append(
                EngineSegment(
                    s["start"],
                    s["end"],
                    s["text"],
                    words,
                    s.get("avg_logprob", 0.0),
                    s.get("no_speech_prob", 0.0),
                )
            )
        return out
