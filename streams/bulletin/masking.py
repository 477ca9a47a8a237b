"""What a bulletin must not print in full: civilians' plates, names, phone and ID numbers."""

from __future__ import annotations

import re

# 鲁R·A12345, 鲁RA12345, 鲁R·D12345F (new energy): a province, a letter, then 5–6 characters.
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"
PLATE = re.compile(rf"([{_PROVINCES}][A-Z])(·?)([A-Z0-9]{{5,6}})(?![A-Z0-9])")
PHONE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
ID_NUMBER = re.compile(r"(?<!\d)(\d{6})(\d{8})(\d{3}[\dXx])(?!\d)")
# A civilian naming himself or being named: 我叫张三。/ 车主李四，→ 张某 … The name must end at
# punctuation or the end of the text, so 当事人问题 stays as it is.
NAME_CUE = re.compile(
    r"(我叫|我是|名叫|姓名[:：]?|车主|当事人|驾驶人)([\u4e00-\u9fff])([\u4e00-\u9fff]{1,2})"
    r"(?=[，。、！？；：,.!?;:\s]|$)"
)
HONORIFIC = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff])[\u4e00-\u9fff]{1,2}(先生|女士)")


def mask_plate(plate: str | None) -> str:
    """鲁R·A12345 → 鲁R·A***45: the region and the serial's first and last two stay."""
    if not plate:
        return "—"
    m = PLATE.fullmatch(plate.strip())
    if not m:
        return plate[:2] + "*" * max(len(plate) - 4, 1) + plate[-2:] if len(plate) > 4 else "***"
    region, dot, serial = m.groups()
    return f"{region}{dot}{serial[0]}{'*' * (len(serial) - 3)}{serial[-2:]}"


def mask_text(text: str) -> str:
    """Plates, phone numbers, ID numbers and civilians' names inside free text, masked."""
    text = PLATE.sub(lambda m: mask_plate(m[0]), text)
    text = ID_NUMBER.sub(lambda m: f"{m[1]}********{m[3]}", text)
    text = PHONE.sub(lambda m: f"{m[1]}****{m[3]}", text)
    text = NAME_CUE.sub(lambda m: f"{m[1]}{m[2]}某", text)
    return HONORIFIC.sub(lambda m: f"{m[1]}{m[2]}", text)
