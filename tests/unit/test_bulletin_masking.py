"""The bulletin's masking of civilians' numbers in every spelling a transcript uses, and what a
squad leader sees of the week's numbers."""

from __future__ import annotations

import pytest

from jiancha.text import fold_numerals
from streams.bulletin.masking import mask_numbers, mask_plate, mask_text, squad_view
from streams.bulletin.stats import (
    Excerpt,
    Orders,
    OverdueOrder,
    Overview,
    SquadProblems,
    TypicalCase,
    WeekStats,
)


def test_fold_numerals_keeps_length_and_positions():
    assert fold_numerals("一三8５７幺两零〇ｘ") == "138571200X"
    assert fold_numerals("罚款两百元") == "罚款2百元"
    assert fold_numerals("鲁r·ａ") == "鲁R·A"
    for text in ("电话一三八五七", "ＡＢＣ１２３", "洞幺两拐勾", "张三说：好的。"):
        assert len(fold_numerals(text)) == len(text)


# (text, what must be gone, what must be printed instead)
POSITIVE = [
    # Mobile numbers in every spelling.
    ("电话13857123456", "13857123456", "电话138****3456"),
    ("电话一三八五七一二三四五六。", "一三八五七一二三四五六", "电话一三八****三四五六。"),
    ("幺三八五七幺二三四五六", "幺三八五七幺二三四五六", "幺三八****三四五六"),
    ("一五零两两三三四四五五", "一五零两两三三四四五五", "一五零****四四五五"),
    ("１３８５７１２３４５６", "１３８５７１２３４５６", "１３８****３４５６"),
    ("138 5712 3456", "5712", "138 **** 3456"),
    ("138-5712-3456", "5712", "138-****-3456"),
    ("一三八，五七一二，三四五六", "五七一二", "一三八，****，三四五六"),
    ("一三8 ５７一二-三四五六", "５７一二", "一三8 ****-三四五六"),
    ("+86 13857123456", "5712", "+86 138****3456"),
    ("号码是一三九零零零零一一一一吧", "一三九零零零零一一一一", "号码是一三九****一一一一吧"),
    # A numeral said right after the number: still masked (as a long run).
    ("一三八五七一二三四五六一下", "一三八五七一二三四五六", None),
    # ID numbers, with the check character X.
    ("身份证370102199001011234", "199001011234", "身份证370102********1234"),
    (
        "身份证三七零一零二一九九零零一零一一二三X",
        "一九九零零一零一",
        "身份证三七零一零二********一二三X",
    ),
    ("３７０１０２１９９００１０１１２３ｘ", "１９９００１０１", "３７０１０２********１２３ｘ"),
    ("370102 19900101 123X", "19900101", "370102 ******** 123X"),
    # Bank cards, 16 to 19 digits.
    ("卡号6222021234567890", "6222021234567890", "卡号6222********7890"),
    ("卡号6222 0212 3456 7890 123", "3456", "卡号6222 **** **** ***0 123"),
    ("六二二二零二一二三四五六七八九零一二三", "二三四五六七八九", None),
    # Plates, ordinary and 新能源, written or said.
    ("鲁R·A12345", "A12345", "鲁R·A***45"),
    ("鲁RA12345走了", "A12345", "鲁RA***45走了"),
    ("鲁RD12345", "D12345", "鲁RD***45"),
    ("鲁R12345F", "12345F", "鲁R1***5F"),
    ("鲁R·A一二三四五", "A一二三四五", "鲁R·A***四五"),
    ("鲁RA一千二百三十四", "一千二百三十四", "鲁RA*****十四"),
    ("京ａ１２３４５", "１２３４５", "京ａ１**４５"),
    ("鲁 R A12345", "A12345", "鲁 R A***45"),
    ("鲁r a一二三四五", "一二三四五", "鲁r a***四五"),
    # Civilians' names after a cue, and honorifics.
    ("车主张三，电话一三八五七一二三四五六", "张三", "车主张某，电话一三八****三四五六"),
    ("我叫王小明。", "王小明", "我叫王某。"),
    ("李四先生说", "李四", "李先生说"),
]


@pytest.mark.parametrize(("text", "secret", "masked"), POSITIVE)
def test_civilians_numbers_are_masked_in_any_numerals(
    text: str, secret: str, masked: str | None
) -> None:
    got = mask_text(text)
    assert secret not in got
    assert len(got) <= len(text)
    if masked is not None:
        assert got == masked


NEGATIVE = [
    "罚款两百元，扣3分",
    "罚款二百元，记六分",
    "在第11.2秒时民警说",
    "2026年4月1日",
    "二〇二六年四月一日十八时三十二分",
    "结束于 2026-04-01T18:34:00+08:00，上传于 2026-04-01 19:00:00",
    "录像结束后 30 小时才上传，超过 24 小时时限。",
    "同一车辆的同一行为在 5 分钟内已由 ACT-003745 处罚",
    "民警KA334083、设备BWC-1821、录像REC-004746、票据SD9377000990",
    "一二三四五六七八九十",
    "这个月指标还差五单，一共一百二十三起",
    "新A级景区",
    "关于辱骂当事人问题的整改通知",
    "罚款1000元，扣12分，暂扣驾驶证6个月",
    "第一、二、三项",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_amounts_dates_and_codes_are_not_masked(text: str) -> None:
    assert mask_text(text) == text


def test_mask_plate_of_the_structured_field():
    assert mask_plate("鲁R·A12345") == "鲁R·A***45"
    assert mask_plate("鲁RD12345") == "鲁RD***45"
    assert mask_plate("鲁R12345") == "鲁R1**45"
    assert mask_plate(None) == "—"
    assert mask_plate("无牌") == "***"
    assert "12345" not in mask_plate("X-12345")  # not a plate, still not printed in full


def test_masked_output_keeps_the_original_characters():
    text = "民警：你电话多少？当事人：一三8 ５７一二-三四五六，车是鲁R·A一二三四五。"
    got = mask_numbers(text)
    assert len(got) == len(text)
    kept = [(a, b) for a, b in zip(text, got, strict=True) if a != b]
    assert all(b == "*" for _, b in kept)
    assert got == "民警：你电话多少？当事人：一三8 ****-三四五六，车是鲁R·A***四五。"


def _overview() -> Overview:
    return Overview(10, 1.0, 5, 20, 3, 2, 1, 0, 4, {"profit": 4}, {"现金收缴无票据": 4})


def _case(case_id: str, squad: str) -> TypicalCase:
    return TypicalCase(
        case_id=case_id,
        squad_id=squad,
        officer_id=f"{squad}-officer",
        occurred_at="2026-04-01T18:32:29+08:00",
        plate="鲁R·A12345",
        severity=5,
        labels=["现金收缴无票据"],
        explanations=["车主张三，称民警索要现金。"],
        excerpts=[Excerpt("REC-1", 11.3, 13.0, "我电话一三八五七一二三四五六")],
        complaints=0,
    )


def _stats() -> WeekStats:
    return WeekStats(
        week="2026-W14",
        period_start="2026-03-30",
        period_end="2026-04-05",
        overview=_overview(),
        previous=None,
        squads=[SquadProblems("mudan-1", 1, 10, {}, {}), SquadProblems("gaosu-1", 1, 10, {}, {})],
        typical=[_case("C-M", "mudan-1"), _case("C-G", "gaosu-1")],
        orders=Orders(
            2,
            0,
            0,
            0,
            0,
            [
                OverdueOrder("ZG-M", "mudan-1", "关于鲁R·A12345车主投诉的整改", "2026-04-03"),
                OverdueOrder("ZG-G", "gaosu-1", "关于gaosu-1的整改", "2026-04-03"),
            ],
        ),
        trend=[],
    )


def test_squad_view_keeps_the_numbers_and_only_the_own_squads_cases_masked():
    stats = _stats()
    seen = squad_view(stats, "mudan-1")
    assert seen.overview == stats.overview and seen.squads == stats.squads
    assert [c.case_id for c in seen.typical] == ["C-M"]
    [case] = seen.typical
    assert case.plate == "鲁R·A***45"
    assert case.explanations == ["车主张某，称民警索要现金。"]
    assert case.excerpts[0].text == "我电话一三八****三四五六"
    assert [o.order_id for o in seen.orders.overdue] == ["ZG-M"]
    assert seen.orders.overdue[0].title == "关于鲁R·A***45车主投诉的整改"
    assert seen.orders.issued == stats.orders.issued
    dumped = str(seen.to_dict())
    for secret in ("A12345", "张三", "一三八五七一二三四五六", "gaosu-1-officer", "C-G", "ZG-G"):
        assert secret not in dumped
    # The unscoped stats are untouched (reviewers and the compiler use them).
    assert stats.typical[0].plate == "鲁R·A12345"


def test_squad_view_without_a_squad_shows_no_cases():
    seen = squad_view(_stats(), None)
    assert seen.typical == [] and seen.orders.overdue == []
