"""Normalising recognised speech: Simplified characters, Chinese punctuation, spoken numbers.

Whisper writes Traditional characters now and then, half-width punctuation and Arabic numerals
("转我100").
Transcripts are read by reviewers and matched by lexicons, so every engine's output goes through
:func:`normalize_transcript` and comes out in one form: Simplified, full-width Chinese punctuation,
numbers written
as they are said (一百, 两百, 十五日; a digit string such as 12123 read digit by digit: 一二一二三).

:func:`normalize_for_scoring` is the stricter form the character error rate is computed on: the
same conversion
applied to reference and hypothesis alike, then punctuation and spaces removed.
"""

from __future__ import annotations

import re
import unicodedata

from jiancha.text import to_simplified

_DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_BIG_UNITS = ("", "万", "亿")

# Half-width punctuation Whisper emits, and odd code points NFKC leaves behind, mapped to Chinese
# punctuation.
_PUNCT = {",": "，", "?": "？", "!": "！", ";": "；", ":": "：", ".": "。", "、": "、"}

# A run of digits possibly with a decimal part; numbers longer than this are codes (phone, 12123)
# read digit-wise.
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_MAX_CARDINAL_DIGITS = 4
# ... unless a unit follows or it is a round number: 10000元 is 一万元, 12123 is 一二一二三.
_UNITS = "元块角米里公吨人辆次分个天日月年岁"
# A full-width Latin letter or digit standing alone between Chinese characters is decoding debris
# (Ｇ, ２ where a comma belongs). Half-width ones are kept: 鲁R, B照 and T恤 mean something.
_STRAY = re.compile(
    r"(?<=[\u4e00-\u9fff])[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a](?=[\u4e00-\u9fff])"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _four_digits(n: int) -> str:
    """0 < n < 10000 in Chinese, e.g. 1005 → 一千零五, 200 → 二百."""
    out: list[str] = []
    digits = f"{n:04d}"
    zero_pending = False
    started = False
    for i, ch in enumerate(digits):
        d = int(ch)
        unit = _SMALL_UNITS[3 - i]
        if d == 0:
            zero_pending = started
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_DIGITS[d] + unit)
        started = True
    return "".join(out)


def cardinal(n: int) -> str:
    """An integer as it is read: 15 → 十五, 200 → 两百, 1500 → 一千五百, 0 → 零."""
    if n == 0:
        return "零"
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    parts: list[str] = []
    for level in range(len(groups) - 1, -1, -1):
        g = groups[level]
        if g == 0:
            if parts and not parts[-1].endswith("零"):
                parts.append("零")
            continue
        if parts and g < 1000 and not parts[-1].endswith("零"):
            parts.append("零")
        parts.append(_four_digits(g) + _BIG_UNITS[level])
    text = "".join(parts).rstrip("零")
    if text.startswith("一十"):
        text = text[1:]  # 十五, not 一十五
    # Before 百/千/万 a leading 二 is said 两 (两百, 两千); 二十 stays.
    return re.sub(r"^二(?=[百千万亿])", "两", text)


def _speak_number(match: re.Match[str]) -> str:
    token = match.group(0)
    whole, _, frac = token.partition(".")
    after = match.string[match.end() : match.end() + 1]
    code = (
        len(whole) > _MAX_CARDINAL_DIGITS
        and not (after and after in _UNITS)
        and not whole.endswith("000")
    )
    if code or (len(whole) > 1 and whole.startswith("0")):
        spoken = "".join(_DIGITS[int(c)] for c in whole)
    else:
        spoken = cardinal(int(whole))
    if frac:
        spoken += "点" + "".join(_DIGITS[int(c)] for c in frac)
    return spoken


def normalize_transcript(text: str) -> str:
    """One engine segment's text in the form transcripts are stored in."""
    text = _STRAY.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text)
    text = _NUMBER.sub(_speak_number, text)
    if _CJK.search(text):
        text = "".join(_PUNCT.get(c, c) for c in text)
        text = re.sub(r"\s+", "", text)
    text = re.sub(r"([，。？！；：、])[，。？！；：、]+", r"\1", text)
    return text.strip().lstrip("，。？！；：、")


def normalize_for_scoring(text: str) -> str:
    """The form CER is computed on: a normalised transcript without punctuation or spaces."""
    text = normalize_transcript(text)
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")
