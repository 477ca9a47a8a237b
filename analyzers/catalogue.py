"""The flag categories of DESIGN.md: class, default severity and the rule of law each one encodes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RULE_VERSION = "analyzers-1"

FlagClass = Literal["profit", "excessive", "procedure"]

#: The three classes as reviewers read them, in the order the console and the bulletin show them.
CLASS_LABELS: dict[str, str] = {
    "profit": "逐利执法",
    "excessive": "过度执法",
    "procedure": "程序瑕疵",
}


@dataclass(frozen=True)
class Category:
    name: str
    class_: FlagClass
    severity: int
    label: str  # Chinese name shown to reviewers
    law: str  # what the rule encodes


CATEGORIES: dict[str, Category] = {
    c.name: c
    for c in (
        Category("cash_no_receipt", "profit", 5, "收现不开票", "行政处罚法第68、70条；道交法第108条"),
        Category("quota", "profit", 4, "罚款指标", "道交法第86条：不得下达罚款指标"),
        Category("out_of_range_fine", "profit", 4, "超出法定幅度罚款", "道交法第89-92、99条"),
        Category("exempt_penalized", "profit", 3, "政策免罚仍处罚", "地方执法政策（只纠正不处罚等）"),
        Category("duplicate_penalty", "profit", 4, "一事两罚", "行政处罚法第29条：一事不再罚"),
        Category("out_of_town_targeting", "profit", 3, "针对外地车辆", "执法公正；逐利执法专项整治"),
        Category("month_end_spike", "profit", 3, "月末突击执法", "道交法第86条；逐利执法专项整治"),
        Category("verbal_abuse", "excessive", 4, "辱骂当事人", "人民警察法第22条；文明执法规范"),
        Category("threat", "excessive", 4, "威胁恐吓", "人民警察法第22条；文明执法规范"),
        Category("disproportionate_measure", "excessive", 4, "强制措施无法律依据", "道交法第91、92、99条"),
        Category("recording_missing", "procedure", 3, "执法无录像", "公安机关现场执法视音频记录工作规定"),
        Category("recording_gap", "procedure", 4, "执法时关闭记录仪", "公安机关现场执法视音频记录工作规定"),
        Category("late_upload", "procedure", 2, "录像逾期上传", "公安机关现场执法视音频记录工作规定：24小时内上传"),
        Category("aux_alone", "procedure", 3, "辅警单独处罚", "关于规范公安机关警务辅助人员管理工作的意见"),
        Category("procedure_missing", "procedure", 3, "未表明身份或未告知陈述申辩", "行政处罚法第44、45条"),
        Category("evidence_tampering", "procedure", 5, "录像疑似被篡改", "公安机关现场执法视音频记录工作规定"),
        # Found by a reviewer in a random spot check (issue 17), not by a rule: "其他 + text".
        Category("spot_check_other", "procedure", 2, "抽查发现的其他问题", "公安机关现场执法视音频记录工作规定；抽查结论"),
    )
}  # fmt: skip

#: Categories other services raise (the transcriber and the indexer), never the rule engine: a
#: restarted analyzer leaves these standing.
RAISED_ELSEWHERE = frozenset({"evidence_tampering"})
