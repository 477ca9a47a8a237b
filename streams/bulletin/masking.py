"""What a bulletin must not print in full: civilians' plates, names, phone, ID and card numbers.

Transcripts spell numbers out: the speech service reads codes digit by digit (一三八五七…) and a
plate's four digits as a number (鲁RA一千二百三十四); people say 幺 and 两; input methods write
full-width digits; digits come grouped by spaces, dashes or commas. So numbers are looked for in a
folded copy of the text (:func:`jiancha.text.fold_numerals`: same length, every numeral an ASCII
digit) and masked in the original, which keeps its own characters except the masked ones (``*``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from jiancha.text import fold_numerals
from streams.bulletin.stats import TypicalCase, WeekStats

_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"
# What may stand between two digits of one number (138 5712 3456, 138-5712-3456, 一三八，五七…)
# and between the parts of a plate (鲁R·A12345, 鲁 R A12345). Not the decimal point: 11.2秒.
_DIGIT_GAP = r"[ \t\u3000\-－‐‑‒–—―,，]{0,3}"
_PLATE_GAP = r"[ \t\u3000\-－·・•.．]{0,2}"
_GAPS = frozenset(" \t\u3000-－‐‑‒–—―,，·・•.．")
_PLACE_VALUES = "十百千"


def _digits(n: str) -> str:
    """``n`` digits, possibly grouped: the regex of a digit run's tail after its first digit."""
    return rf"(?:{_DIGIT_GAP}[0-9]){{{n}}}"


@dataclass(frozen=True)
class _Rule:
    """A number to mask: where (group ``n`` of ``pattern`` in the folded text) and what stays."""

    name: str
    pattern: re.Pattern[str]
    head: int  # characters left as they are at the start (gaps not counted)
    tail: int  # ... and at the end
    valid: Callable[[str], bool] = lambda _: True


# Order matters: a span masked by one rule is not looked at again, and the longer numbers come
# first so that a grouped one (370102 19900101 123X) is not taken for a shorter one inside it.
_RULES = (
    # 鲁R·A12345, 鲁RD12345 (新能源): a province, a letter, 5–6 letters or digits → 鲁R·A***45.
    _Rule(
        "plate",
        re.compile(
            rf"(?P<n>[{_PROVINCES}]{_PLATE_GAP}[A-Z](?:{_PLATE_GAP}[A-Z0-9]){{5,6}})(?![A-Z0-9])"
        ),
        3,
        2,
    ),
    # The same plate read aloud: four digits come out as a number, 鲁RA一千二百三十四.
    _Rule(
        "spoken plate",
        re.compile(
            rf"(?P<n>[{_PROVINCES}]{_PLATE_GAP}[A-Z](?:{_PLATE_GAP}[A-Z0-9{_PLACE_VALUES}]){{5,10}})"
            rf"(?![A-Z0-9{_PLACE_VALUES}])"
        ),
        3,
        2,
        lambda s: any(c in s for c in _PLACE_VALUES),
    ),
    # 居民身份证号码: 17 digits and a check character → 372901********1234.
    _Rule(
        "id number",
        re.compile(rf"(?<![0-9])(?P<n>[0-9]{_digits('16')}{_DIGIT_GAP}[0-9X])(?![0-9])"),
        6,
        4,
    ),
    # Bank cards, 16–19 digits → 6222***********1234.
    _Rule("bank card", re.compile(rf"(?<![0-9])(?P<n>[0-9]{_digits('15,18')})(?![0-9])"), 4, 4),
    # Mobile numbers, 1[3-9] and nine more digits, maybe after +86 → 138****3456.
    _Rule(
        "mobile",
        re.compile(
            rf"(?<![0-9])(?:\+?86{_DIGIT_GAP})?(?P<n>1{_DIGIT_GAP}[3-9]{_digits('9')})(?![0-9])"
        ),
        3,
        4,
    ),
    # Any other run of 11 or more digits is someone's number too (or one of the above with a
    # numeral said next to it: 一三八…五六一下): masked rather than printed.
    _Rule("long number", re.compile(rf"(?<![0-9])(?P<n>[0-9]{_digits('10,')})(?![0-9])"), 3, 4),
)

# A civilian naming himself or being named: 我叫张三。/ 车主李四，→ 张某 … The name must end at
# punctuation or the end of the text, so 当事人问题 stays as it is.
NAME_CUE = re.compile(
    r"(我叫|我是|名叫|姓名[:：]?|车主|当事人|驾驶人)([\u4e00-\u9fff])([\u4e00-\u9fff]{1,2})"
    r"(?=[，。、！？；：,.!?;:\s]|$)"
)
HONORIFIC = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])[\u4e00-\u9fff]{1,2}(先生|女士)")


def masked_positions(text: str) -> set[int]:
    """Indices of ``text`` that belong to the hidden part of a plate or a number."""
    folded = fold_numerals(text)
    claimed: list[tuple[int, int]] = []
    hidden: set[int] = set()
    for rule in _RULES:
        pos = 0
        while m := rule.pattern.search(folded, pos):
            start, end = m.span("n")
            if not rule.valid(m["n"]) or any(s < end and start < e for s, e in claimed):
                pos = m.start() + 1  # a shorter or later match may still start inside
                continue
            claimed.append((start, end))
            kept = [i for i in range(start, end) if folded[i] not in _GAPS]
            hidden.update(kept[rule.head : len(kept) - rule.tail])
            pos = end
    return hidden


def mask_numbers(text: str) -> str:
    """Plates, mobile, ID and card numbers in ``text`` masked, in whatever numerals they are."""
    hidden = masked_positions(text)
    return "".join("*" if i in hidden else c for i, c in enumerate(text))


def mask_plate(plate: str | None) -> str:
    """鲁R·A12345 → 鲁R·A***45: the region and the serial's first and last two stay."""
    if not plate:
        return "—"
    plate = plate.strip()
    masked = mask_numbers(plate)
    if masked != plate:
        return masked
    return plate[:2] + "*" * max(len(plate) - 4, 1) + plate[-2:] if len(plate) > 4 else "***"


def mask_text(text: str) -> str:
    """Plates, phone, ID and card numbers and civilians' names inside free text, masked."""
    text = mask_numbers(text)
    text = NAME_CUE.sub(lambda m: f"{m[1]}{m[2]}某", text)
    return HONORIFIC.sub(lambda m: f"{m[1]}{m[2]}", text)


def masked_case(case: TypicalCase) -> TypicalCase:
    """A typical case as the bulletin prints it: plate, explanations and excerpts masked."""
    return replace(
        case,
        plate=mask_plate(case.plate) if case.plate else None,
        explanations=[mask_text(e) for e in case.explanations],
        excerpts=[replace(x, text=mask_text(x.text)) for x in case.excerpts],
    )


def squad_view(stats: WeekStats, squad_id: str | None) -> WeekStats:
    """What a squad leader (中队长) sees of the week: the numbers the bulletin prints for all, and
    of the cases and overdue orders only his own squad's, masked as the bulletin prints them."""
    typical = [masked_case(c) for c in stats.typical if squad_id and c.squad_id == squad_id]
    overdue = [
        replace(o, title=mask_text(o.title))
        for o in stats.orders.overdue
        if squad_id and o.squad_id == squad_id
    ]
    return replace(stats, typical=typical, orders=replace(stats.orders, overdue=overdue))
