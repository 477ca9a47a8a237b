"""Chinese text primitives shared by speech recognition and the transcript rules.

Both mend what speech recognition mishears by sound: the speech service rewrites a misheard domain
term (陈述身边 → 陈述申辩, ``streams/speech/vocabulary.py``), the transcript rules still match a
misheard insult (纯祸 = 蠢货, ``analyzers/lexicon.py``). They compare **toneless pinyin**, one
syllable per character, and **fold** each syllable so that the usual confusions of Mandarin accents
and of the recogniser (z/zh, c/ch, s/sh, n/l, h/f, r/l; in/ing, en/eng, an/ang) compare equal.
"""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

_INITIAL_FOLD = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l"))
_FINAL_FOLD = (("ing", "in"), ("eng", "en"), ("ang", "an"), ("iong", "ong"))

#: Pinyin initials, the two-letter ones first so that ``zh`` is not read as ``z``.
INITIALS = (
    "zh",
    "ch",
    "sh",
    "b",
    "p",
    "m",
    "f",
    "d",
    "t",
    "n",
    "l",
    "g",
    "k",
    "h",
    "j",
    "q",
    "x",
    "r",
    "z",
    "c",
    "s",
    "y",
    "w",
)


def pinyin(text: str) -> list[str]:
    """Toneless pinyin, one syllable per character (non-Chinese characters stay as they are)."""
    return list(lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: list(s)))  # type: ignore[arg-type,return-value]


def fold(syllable: str) -> str:
    """A syllable with the usual confusions collapsed: zhi→zi, ning→lin, fang→han."""
    for a, b in _INITIAL_FOLD:
        if syllable.startswith(a):
            syllable = b + syllable[len(a) :]
            break
    for a, b in _FINAL_FOLD:
        if syllable.endswith(a):
            syllable = syllable[: -len(a)] + b
            break
    return syllable


def split_syllable(syllable: str) -> tuple[str, str]:
    """Initial and final of a syllable: zheng → (zh, eng), an → ('', an)."""
    for initial in INITIALS:
        if syllable.startswith(initial) and len(syllable) > len(initial):
            return initial, syllable[len(initial) :]
    return "", syllable
