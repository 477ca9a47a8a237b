"""Whisper-style damage for training the speech model (issue 14, round 7).

Transcripts come from speech recognition, and a new author's exchanges reach the model through it:
homophones (交警 → 交井, 申辩 → 身边), near-homophones of accented Mandarin (z/zh, n/l, in/ing…),
a character dropped or said twice, numbers in digits (两百 → 200), no punctuation. Round 5 tried a
hand-picked list of such errors; here they are made *systematically*: the substitutes are drawn
from the training text's own character inventory by toneless pinyin (``pypinyin``'s data, through
:func:`jiancha.text.pinyin`), weighted by how often each character occurs there (the recogniser
prefers common characters), and every choice comes from one seeded generator, so a training run
is reproducible. Labels do not change: a damaged copy of an act is still the act.

Pure: strings in, strings out; no I/O.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jiancha.text import fold, pinyin

#: Per Chinese character: the chance it is replaced by a homophone from the inventory, and of
#: those the share that takes a near-homophone (same folded syllable, another spelling) instead.
HOMOPHONE = 0.12
NEAR_SHARE = 0.3
#: Per character: dropped, or said twice.
DROP = 0.03
DOUBLE = 0.02
#: Per number said in words (两百, 三十, 一二二): written in digits instead.
DIGITS = 0.6
#: Per copy: the punctuation goes (Whisper's Chinese output often has none).
NO_PUNCTUATION = 0.5

_HAN = re.compile(r"[\u4e00-\u9fff]")
_PUNCT = re.compile(r"[，,。！!？?；;：:、…“”\"'（）()]")
_NUMBER = re.compile(
    r"[零一二两三四五六七八九][零一二两三四五六七八九十百千万]*|十[一二三四五六七八九]?"
)
_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_UNIT = {"十": 10, "百": 100, "千": 1000}


def number_in_digits(words: str) -> str | None:
    """A number said in words as Whisper writes it: 两百 → 200, 三十五 → 35, 一二二 → 122;
    None when it is one bare digit (一样, 两个: Whisper keeps those as words)."""
    if not any(c in _UNIT or c == "万" for c in words):
        return "".join(str(_DIGIT[c]) for c in words) if len(words) > 1 else None
    total = section = digit = 0
    for c in words:
        if c in _DIGIT:
            digit = _DIGIT[c]
        elif c in _UNIT:
            section += (digit or 1) * _UNIT[c]
            digit = 0
        else:  # 万
            total += (section + digit) * 10000
            section = digit = 0
    return str(total + section + digit)


@dataclass(frozen=True)
class Inventory:
    """The characters of a text collection by toneless syllable, with their counts."""

    by_sound: dict[str, tuple[tuple[str, ...], tuple[int, ...]]]
    by_folded: dict[str, tuple[tuple[str, ...], tuple[int, ...]]]

    @classmethod
    def of(cls, texts: Iterable[str]) -> Inventory:
        """Each Chinese character under the syllable it is read as in context (polyphones
        under their commonest reading)."""
        readings: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            for ch, syl in zip(text, pinyin(text), strict=False):
                if _HAN.fullmatch(ch):
                    readings[ch][syl] += 1
        sound: dict[str, Counter[str]] = defaultdict(Counter)
        folded: dict[str, Counter[str]] = defaultdict(Counter)
        for ch, counts in readings.items():
            syl = counts.most_common(1)[0][0]
            sound[syl][ch] += sum(counts.values())
            folded[fold(syl)][ch] += sum(counts.values())

        def table(d: dict[str, Counter[str]]) -> dict[str, tuple[tuple[str, ...], tuple[int, ...]]]:
            return {k: (tuple(c), tuple(c.values())) for k, c in sorted(d.items())}

        return cls(table(sound), table(folded))

    def substitute(self, ch: str, syllable: str, rng: random.Random) -> str:
        """A character that sounds like ``ch`` (said as ``syllable``), or ``ch`` when the
        inventory has none."""
        if rng.random() < NEAR_SHARE:
            chars, weights = self.by_folded.get(fold(syllable), ((), ()))
            pool = [
                (c, w)
                for c, w in zip(chars, weights, strict=True)
                if c != ch and c not in self.by_sound.get(syllable, ((), ()))[0]
            ]
        else:
            chars, weights = self.by_sound.get(syllable, ((), ()))
            pool = [(c, w) for c, w in zip(chars, weights, strict=True) if c != ch]
        if not pool:
            return ch
        return rng.choices([c for c, _ in pool], [w for _, w in pool])[0]


def damage(text: str, inventory: Inventory, rng: random.Random) -> str:
    """One Whisper-style damaged version of ``text``."""

    def digits(m: re.Match[str]) -> str:
        d = number_in_digits(m.group())
        return d if d and rng.random() < DIGITS else m.group()

    text = _NUMBER.sub(digits, text)
    if rng.random() < NO_PUNCTUATION:
        text = _PUNCT.sub("", text)
    out = []
    for ch, syl in zip(text, pinyin(text), strict=False):
        if not _HAN.fullmatch(ch):
            out.append(ch)
            continue
        r = rng.random()
        if r < DROP:
            continue
        if r < DROP + DOUBLE:
            out.append(ch + ch)
            continue
        out.append(inventory.substitute(ch, syl, rng) if rng.random() < HOMOPHONE else ch)
    return "".join(out)


def damaged(
    data: Sequence[tuple[str, frozenset[str]]], copies: int, seed: int = 14
) -> list[tuple[str, frozenset[str]]]:
    """``copies`` damaged copies of each (text, labels) example, labels unchanged; substitutes
    come from the characters of ``data`` itself. Seeded: the same data give the same copies."""
    if copies <= 0:
        return []
    inventory = Inventory.of(t for t, _ in data)
    rng = random.Random(seed)
    return [(damage(t, inventory, rng), labels) for _ in range(copies) for t, labels in data]
