"""Speech: recorder audio to Simplified-Chinese transcripts with officer/civilian speakers.

:func:`build_transcriber` assembles the configured engine (faster-whisper by default), the domain
vocabulary and
the media limits from :class:`~jiancha.settings.Settings`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from jiancha.settings import Settings
from streams.speech.engines import Engine, EngineOptions
from streams.speech.media import MediaLimits
from streams.speech.pipeline import Transcriber
from streams.speech.vocabulary import load_vocabulary


def engine_options(settings: Settings, prompt: str) -> EngineOptions:
    """Decoding options from settings."""
    return EngineOptions(
        device=settings.whisper_device,
        compute_type=settings.whisper_compute_type,
        beam_size=settings.whisper_beam_size,
        threads=settings.whisper_threads,
        batch_size=settings.whisper_batch_size,
        vad_threshold=settings.whisper_vad_threshold,
        prompt=prompt,
    )


def build_engine(
    settings: Settings, options: EngineOptions, say: Callable[[str], None] = lambda _m: None
) -> Engine:
    """The configured engine, weights assembled on first use."""
    if settings.whisper_engine == "openai-whisper":
        from streams.speech.engines import OpenAIWhisperEngine

        return OpenAIWhisperEngine(settings.whisper_checkpoint, options)
    from streams.speech.engines import FasterWhisperEngine
    from streams.speech.weights import ensure_whisper_base

    return FasterWhisperEngine(ensure_whisper_base(settings.cache_dir, say), options)


def build_transcriber(
    settings: Settings,
    say: Callable[[str], None] = lambda _m: None,
    **overrides: object,
) -> Transcriber:
    """A ready :class:`Transcriber`; ``overrides`` replace engine options (benchmarks)."""
    vocabulary = load_vocabulary(settings.speech_vocabulary)
    prompt = vocabulary.decoder_prompt(with_acts=settings.whisper_prompt_acts)
    options = replace(engine_options(settings, prompt), **overrides)  # type: ignore[arg-type]
    engine = build_engine(settings, options, say)
    # A file the batched pipeline fails on is transcribed again by the sequential one.
    sequential = getattr(engine, "sequential", None)
    fallback = sequential() if sequential is not None and options.batch_size > 0 else None
    front_end = None
    if settings.whisper_denoise == "wiener":
        from streams.speech.denoise import wiener

        front_end = wiener
    limits = MediaLimits(max_bytes=settings.media_max_bytes, max_seconds=settings.media_max_seconds)
    return Transcriber(engine, vocabulary, limits, fallback=fallback, front_end=front_end)


__all__ = ["Transcriber", "build_engine", "build_transcriber", "engine_options"]
