"""Domain vocabulary of speech recognition: the decoder prompt and pinyin homophone correction.

Whisper hears 陈述申辩 as 陈述身边 and 缴纳 as 角纳: the sounds are right, the characters are not.
Knowing the words of traffic enforcement, :class:`Vocabulary` rewrites a window of recognised text
into a domain term when their toneless pinyin agree:

- every syllable the same (陈述身边 chen-shu-shen-bian → 陈述申辩), or
- the same up to the confusions of Mandarin accents and of the recogniser (z/zh, c/ch, s/sh, n/l,
  h/f; in/ing, en/eng, an/ang), or
- for terms of four or more characters, one syllable with the same initial and a final that starts
  alike (申请复营 fu-ying → 申请复议 fu-yi).

Only terms of three or more characters are corrected (see ``data/vocabulary.toml``); the text must
differ from the term, and corrections never overlap. The vocabulary is a data file the supervision
center extends. Pinyin and the folding of accents are :mod:`jiancha.text`'s, shared with the
transcript rules.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jiancha.text import fold, pinyin, split_syllable

DEFAULT_VOCABULARY = Path(__file__).with_name("data") / "vocabulary.toml"

_MIN_CORRECTED_LEN = 3
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _near(heard: str, term: str) -> bool:
    """Same initial, finals equal but for a swallowed -ng: ying ~ yi (复营 ~ 复议); not yin ~ yi
    (复印 is a word of its own), not zheng ~ zui."""
    hi, hf = split_syllable(heard)
    ti, tf = split_syllable(term)
    return fold(hi + "a") == fold(ti + "a") and hf.removesuffix("ng") == tf.removesuffix("ng")


@dataclass(frozen=True)
class _Term:
    text: str
    syllables: tuple[str, ...]
    folded: tuple[str, ...]


@dataclass(frozen=True)
class Correction:
    """One rewrite: where, what was heard, what it became."""

    start: int
    heard: str
    term: str


@dataclass
class Vocabulary:
    """Decoder prompt plus the terms used for correction."""

    prompt: str
    terms: list[str]
    acts: str = ""  # the words of the acts the analyzers look for, appended to the prompt on demand
    _index: list[_Term] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        seen: set[str] = set()
        from streams.speech.textnorm import normalize_for_scoring

        for t in sorted((normalize_for_scoring(t) for t in self.terms), key=len, reverse=True):
            if len(t) < _MIN_CORRECTED_LEN or t in seen or not _CJK_RUN.fullmatch(t):
                continue
            seen.add(t)
            syl = tuple(pinyin(t))
            self._index.append(_Term(t, syl, tuple(fold(s) for s in syl)))

    @classmethod
    def load(cls, path: Path | None = None) -> Vocabulary:
        """Read a vocabulary TOML file (``prompt`` and groups of ``[terms]``)."""
        path = path or DEFAULT_VOCABULARY
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ValueError(f"词表文件不存在：{path}") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"词表文件格式错误（{path}）：{exc}") from exc
        prompt = str(data.get("prompt", "")).strip()
        acts = str(data.get("acts", "")).strip()
        groups = data.get("terms", {})
        if not isinstance(groups, dict):
            raise ValueError(f"词表文件 {path} 的 [terms] 应是分组表")
        terms = [str(t).strip() for group in groups.values() for t in group if str(t).strip()]
        return cls(prompt=prompt, terms=terms, acts=acts)

    def decoder_prompt(self, with_acts: bool = False) -> str:
        """The decoder prompt; ``with_acts`` appends the act words (biases noisy audio to them)."""
        return self.prompt + self.acts if with_acts and self.acts else self.prompt

    def _matches(self, term: _Term, syl: list[str], folded: list[str], at: int) -> bool:
        n = len(term.syllables)
        weak = 0
        for k in range(n):
            if syl[at + k] == term.syllables[k] or folded[at + k] == term.folded[k]:
                continue
            if n >= 4 and weak == 0 and _near(syl[at + k], term.syllables[k]):
                weak += 1
                continue
            return False
        return True

    def correct(self, text: str) -> tuple[str, list[Correction]]:
        """``text`` with misheard domain terms rewritten, and the list of rewrites."""
        corrections: list[Correction] = []
        chars = list(text)
        for run in _CJK_RUN.finditer(text):
            s0, segment = run.start(), run.group(0)
            syl = pinyin(segment)
            if len(syl) != len(segment):  # defensive: pypinyin keeps one syllable per Hanzi
                continue
            folded = [fold(s) for s in syl]
            taken = [False] * len(segment)
            for term in self._index:  # longest first
                n = len(term.text)
                at = 0
                while at + n <= len(segment):
                    window = segment[at : at + n]
                    if (
                        window != term.text
                        and not any(taken[at : at + n])
                        and self._matches(term, syl, folded, at)
                    ):
                        chars[s0 + at : s0 + at + n] = list(term.text)
                        taken[at : at + n] = [True] * n
                        corrections.append(Correction(s0 + at, window, term.text))
                        at += n
                        continue
                    if window == term.text:
                        taken[at : at + n] = [True] * n
                    at += 1
        return "".join(chars), corrections


@lru_cache(maxsize=4)
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """The vocabulary at ``path`` (default: the packaged one), cached."""
    return Vocabulary.load(path)
