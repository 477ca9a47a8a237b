"""Chinese text primitives shared by speech recognition and the transcript rules.

Both mend what speech recognition mishears by sound: the speech service rewrites a misheard domain
term (陈述身边 → 陈述申辩, ``streams/speech/vocabulary.py``), the transcript rules still match a
misheard insult (纯祸 = 蠢货, ``analyzers/lexicon.py``). They compare **toneless pinyin**, one
syllable per character, and **fold** each syllable so that the usual confusions of Mandarin accents
and of the recogniser (z/zh, c/ch, s/sh, n/l, h/f, r/l; in/ing, en/eng, an/ang) compare equal.
"""

from __future__ import annotations

from functools import lru_cache

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


# Spoken digits as transcripts spell them: the speech service writes codes digit by digit
# (一三八…, streams/speech/textnorm.py), people say 幺 for 1 and 两 for 2, radio talk adds 洞 for 0,
# 拐 for 7 and 勾 for 9. Full-width digits and letters come from input methods.
_NUMERALS = {
    **dict.fromkeys("零〇○洞", "0"),
    **dict.fromkeys("一幺壹", "1"),
    **dict.fromkeys("二两贰", "2"),
    **dict.fromkeys("三叁", "3"),
    **dict.fromkeys("四肆", "4"),
    **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆", "6"),
    **dict.fromkeys("七拐柒", "7"),
    **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九勾玖", "9"),
}
_FOLD_NUMERALS = str.maketrans(
    {
        **_NUMERALS,
        **{chr(0xFF10 + i): str(i) for i in range(10)},  # ０–９
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},  # Ａ–Ｚ
        **{chr(0xFF41 + i): chr(0x41 + i) for i in range(26)},  # ａ–ｚ
        **{chr(0x61 + i): chr(0x41 + i) for i in range(26)},  # a–z
    }
)


def fold_numerals(text: str) -> str:
    """Digits and Latin letters in one form, character for character: 一三8５７ｘ → 13857X.

    Chinese numerals (零〇一幺二两三…九, the radio 洞拐勾, the financial 壹贰叁…) and full-width
    digits become ASCII digits; full-width and lower-case Latin letters become upper-case ASCII.
    The result has the length of ``text``, so a match in it is a match at the same place in
    ``text``. Place values (十百千万) are not digits and stay: 两百 → 2百.
    """
    return text.translate(_FOLD_NUMERALS)


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified characters (OpenCC t2s, phrase-aware: 現金 → 现金, 乾淨 → 干净).

    Transcripts are stored in Simplified, so a reviewer typing Traditional (a Hong Kong or Taiwan
    input method, a pasted complaint) is searched in Simplified too."""
    return str(_t2s().convert(text))


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """A count as written in Chinese prose and names: 0 → 零, 1 → 一, 10 → 十, 12 → 十二, 40 → 四十;
    beyond 99 the digits (no squad, issue or case number in prose goes that far)."""
    if not 0 <= n < 100:
        return str(n)
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
