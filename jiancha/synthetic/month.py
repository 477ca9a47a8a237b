"""Deterministic generator of a synthetic month of jiancha events (demo, tests, benchmarks).

The events have exactly the shapes of the labelled development month
(``shared/data/eval-dev/events.jsonl``, contracts v1 of ``shared/DESIGN.md``): one
``{"type": T, "data": {...}}`` envelope per event, types ``policy``, ``enforcement_action``,
``recording`` and ``transcript``, yielded in *arrival order*:

* a ticket (``enforcement_action``) arrives at its ``occurred_at``;
* its recording arrives at its ``uploaded_at`` (half an hour to ~22 h after the ticket, more for
  late uploads);
* the transcript arrives a few seconds to 15 minutes after its recording (transcription time);
* the month's policy arrives first.

Sizing (documented choice): the development month has 44 officers for ~9,000 events, so the
roster scales with the run: ``officers_per_squad`` (default 10) regular officers per squad plus
``max(1, officers_per_squad // 4)`` auxiliaries (辅警), and ``n_squads`` defaults to
``max(4, round(n_events * 40 / 10_000 / officers_per_squad))``, i.e. ~40 regular officers per
10k events: 400 squads / 4,000 officers (+800 auxiliaries) for a 1,000,000-event month. Each
officer then writes ~80 tickets a month, as in the development data, so officer-level
statistics (out-of-town share, month-end spikes) keep their meaning. Pass ``n_squads`` to fix
the roster instead.

Most encounters are lawful (greeting with identification, notice of the right to state and
defend (陈述申辩), payment at a bank or through 交管12123, recorder on and uploaded within
24 h, measures and fines within ``violations.json``) and include the usual near misses (a
civilian who swears, an officer who refuses cash or denies quotas, lawful detentions for
drink-driving / overload / no licence, a ticket covered only by the patrol car's recorder, an
auxiliary working with a regular officer, a festival correct-only warning). About 3 % of
encounters carry a problem pattern: cash asked without receipt, quota talk, insults, threats,
fine out of range, disproportionate detention, recording missing or switched off around the
ticket, late upload, auxiliary alone, missing procedure, penalty despite the correct-only
policy, duplicate penalty; plus officer-level patterns (out-of-town targeting, month-end
spike). Speech is composed from phrase templates, so wording varies. No labels are written:
this is load, not a scoring set.

Memory: the generator is a stream. Tickets are generated in time order and the later arrivals
(recordings, transcripts) wait in a heap until the generation clock passes them; the heap holds
only the events of the current upload window (a few thousand at 1M events/month), independent
of the run length.

Usage::

    python -m jiancha.synthetic.month --events 1000000 --out /tmp/month.jsonl \
        [--seed 7] [--month 2026-05] [--squads N] [--officers-per-squad 10] [--quiet]

On this 2-core machine 1,000,000 events (~506 MB) take about 40 s (generation ~15 s, JSON ~10 s).
"""

from __future__ import annotations

import argparse
import calendar
import contextlib
import heapq
import json
import random
import sys
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate

__all__ = ["VIOLATIONS", "default_n_squads", "generate_month", "generate_months", "main"]

TZ = "+08:00"  # Asia/Shanghai, no DST

# Violation catalogue, mirror of shared/data/violations.json (a unit test checks they agree):
# type: (name, article, fine_min, fine_max, points, vehicle_detention_allowed, license_detention_allowed).
# 道路交通安全法 art. 89 (pedestrians / non-motor 5-50 CNY), 90 (20-200 CNY),
# 91 (drink-driving 1000-2000 CNY,
# licence detained 6 months), 92 (overload 200-500 / 500-2000 CNY, vehicle detained until unloaded),
# 99 (200-2000 CNY: >50 % over the limit, no licence); points per 道路交通安全违法行为记分管理办法.
VIOLATIONS: dict[str, tuple[str, str, int, int, int, bool, bool]] = {
    "parking": ("违反规定停放", "道交法第90条", 20, 200, 0, False, False),
    "wrong_way_one_way": ("逆向行驶/驶入单行道", "道交法第90条", 20, 200, 3, False, False),
    "restricted_road": ("违反禁令标志驶入禁行道路", "道交法第90条", 20, 200, 3, False, False),
    "seatbelt": ("未按规定使用安全带", "道交法第90条", 20, 200, 2, False, False),
    "phone_while_driving": ("驾车时拨打接听手持电话", "道交法第90条", 20, 200, 3, False, False),
    "red_light": ("违反交通信号灯通行", "道交法第90条", 20, 200, 6, False, False),
    "speeding_lt50": ("超速未达50%", "道交法第90条", 20, 200, 3, False, False),
    "speeding_over50": ("超速50%以上", "道交法第99条", 200, 2000, 12, False, True),
    "dui_drink": ("饮酒后驾驶", "道交法第91条", 1000, 2000, 12, False, True),
    "no_license": ("未取得驾驶证驾驶", "道交法第99条", 200, 2000, 0, True, False),
    "overload_truck_lt30": ("货车超载未达30%", "道交法第92条", 200, 500, 6, True, False),
    "overload_truck_ge30": ("货车超载30%以上", "道交法第92条", 500, 2000, 6, True, False),
    "nonmotor_no_helmet": (
        "非机动车驾驶人违法（未戴头盔等）",
        "道交法第89条",
        5,
        50,
        0,
        False,
        False,
    ),
    "pedestrian_red_light": ("行人闯红灯", "道交法第89条", 5, 50, 0, False, False),
}
# 行政处罚法 arts. 68/70, 道交法 art. 108: on-the-spot collection only up to 100 CNY
# (or where later collection is impracticable: pedestrians, e-bikes), always with an official
# receipt.
ON_THE_SPOT_MAX_MOTOR = 100
# 公安机关现场执法视音频记录工作规定: upload within 24 h.
UPLOAD_DEADLINE_S = 24 * 3600

# How often each violation type is written (relative), close to the development month.
_VT_WEIGHTS = {
    "speeding_lt50": 12.5,
    "parking": 12.0,
    "pedestrian_red_light": 11.5,
    "seatbelt": 11.5,
    "red_light": 11.0,
    "nonmotor_no_helmet": 10.5,
    "wrong_way_one_way": 10.5,
    "phone_while_driving": 10.0,
    "restricted_road": 10.0,
    "dui_drink": 0.35,
    "overload_truck_lt30": 0.15,
    "overload_truck_ge30": 0.15,
    "speeding_over50": 0.15,
    "no_license": 0.15,
}
# Lawful amounts an officer writes per type (all inside the statutory range).
_LAWFUL_FINES = {
    "parking": (50, 100, 100, 100, 150, 200),
    "wrong_way_one_way": (100, 200, 200, 200),
    "restricted_road": (50, 100, 100, 100, 200),
    "seatbelt": (50, 50, 50, 100),
    "phone_while_driving": (50, 50, 100, 200),
    "red_light": (200, 200, 200, 150),
    "speeding_lt50": (50, 100, 200, 200, 200),
    "speeding_over50": (1000, 1500, 2000),
    "dui_drink": (1000, 1500, 1500, 2000),
    "no_license": (500, 1000, 1500),
    "overload_truck_lt30": (200, 300, 500),
    "overload_truck_ge30": (1000, 1500, 2000),
    "nonmotor_no_helmet": (20, 20, 20, 50),
    "pedestrian_red_light": (10, 20, 20, 50),
}
_MINOR_TYPES = (
    "parking",
    "wrong_way_one_way",
    "restricted_road",
    "seatbelt",
    "phone_while_driving",
    "red_light",
    "speeding_lt50",
    "nonmotor_no_helmet",
    "pedestrian_red_light",
)
_WARNING_SHARE = 0.12  # minor violations handled with a warning (fine 0, no payment)

# Squads: the first four as in the development month, then the Heze districts in turn.
_DISTRICTS = {  # squad prefix: (officer-id prefix, Chinese name)
    "mudan": ("MU", "牡丹区"),
    "kaifa": ("KA", "开发区"),
    "gaosu": ("GA", "高速"),
    "dingtao": ("DT", "定陶区"),
    "caoxian": ("CX", "曹县"),
    "shanxian": ("SX", "单县"),
    "chengwu": ("CW", "成武县"),
    "juye": ("JY", "巨野县"),
    "yuncheng": ("YC", "郓城县"),
    "juancheng": ("JC", "鄄城县"),
    "dongming": ("DM", "东明县"),
}
_FIRST_SQUADS = ("kaifa", "gaosu", "mudan", "mudan")
_LOCAL_REGION = "鲁R"  # Heze
_OTHER_REGIONS = (
    "鲁C",
    "豫A",
    "鲁P",
    "皖H",
    "沪A",
    "冀B",
    "京N",
    "苏C",
    "鲁A",
    "鲁B",
    "鲁H",
    "鲁Q",
    "豫N",
    "苏A",
    "浙A",
    "晋A",
    "豫G",
    "鲁D",
    "鲁J",
    "皖A",
)
_PLATE_LETTERS = "ABCDEFGHJKLMN"
_OUT_OF_TOWN_SHARE = 0.25
_TARGETING_SHARE = 0.70  # out-of-town share of an officer who targets out-of-town plates

# Working day of the tickets (local time) and the generation clock's look-back.
_SHIFT_START = 8 * 3600
_SHIFT_LEN = 11 * 3600
_JITTER = 600
_MIN_UPLOAD_AFTER_TICKET = 1800

# Encounter kinds: (name, events it emits, probability); "lawful" takes the rest.
_KINDS: tuple[tuple[str, int, float], ...] = (
    ("patrol", 2, 0.040),  # recording without a ticket (helmet reminders, move-on requests)
    ("in_car_only", 3, 0.006),  # near miss: covered by the patrol car's recorder only
    (
        "aux_with_officer",
        3,
        0.004,
    ),  # near miss: auxiliary writes, a regular officer is on the ticket
    ("cash", 3, 0.0030),
    ("quota", 3, 0.0020),
    ("abuse", 3, 0.0025),
    ("abuse_no_ticket", 2, 0.0008),
    ("threat", 3, 0.0025),
    ("out_of_range", 3, 0.0025),
    ("disproportionate", 3, 0.0020),
    ("recording_missing", 1, 0.0025),
    ("recording_gap", 5, 0.0015),
    ("late_upload", 3, 0.0025),
    ("aux_alone", 3, 0.0015),
    ("procedure_missing", 3, 0.0020),
    ("exempt_penalized", 3, 0.0020),
    ("duplicate", 4, 0.0010),
)
_WARNABLE = frozenset(
    ("lawful", "in_car_only", "late_upload")
)  # kinds whose minor tickets may be warnings
_KIND_SIZE = {name: size for name, size, _ in _KINDS} | {"lawful": 3, "patrol_untranscribed": 1}
_KIND_NAMES = [name for name, _, _ in _KINDS]
_KIND_CUM = list(accumulate(p for _, _, p in _KINDS))

# ---------- phrase banks ----------------------------------------------------------------------
_SALUTE = ("您好，", "你好，", "同志您好，", "师傅您好，", "您好，")
_IDENT = (
    "我是菏泽交警",
    "我是{d}大队民警",
    "交警执法",
    "我们是{d}大队的交警",
    "我是交警{d}大队民警",
    "我是{d}交警中队的民警",
)
_BADGE = ("", "", "", "，警号{b}")
_REQ_MOTOR = (
    "，请出示驾驶证和行驶证。",
    "，请把驾驶证给我看一下。",
    "，请您配合出示证件。",
    "，麻烦出示一下驾驶证。",
    "，请配合检查，把驾驶证和行驶证拿出来。",
)
_REQ_FOOT = ("，请您停一下。", "，请靠边停一下。", "，麻烦出示一下身份证。", "，请稍等一下。")
_STATE = {
    "parking": (
        "这里是禁停路段，您的车违法停放了。",
        "这个位置不允许停车，您违停了。",
        "路边黄线不能停车。",
    ),
    "wrong_way_one_way": ("这是单行道，您逆向驶入了。", "您刚才逆行了，这样很危险。"),
    "restricted_road": ("前面有禁行标志，您驶入禁行道路了。", "这条路这个时段禁止通行。"),
    "seatbelt": ("您没系安全带。", "行车中要系好安全带，您没系。", "副驾驶也没系安全带。"),
    "phone_while_driving": ("您开车的时候在打电话。", "驾车时手持电话，这是违法的。"),
    "red_light": (
        "您刚才闯红灯了。",
        "刚才是红灯，您直接开过去了。",
        "电子眼和我们都看到了，您闯了红灯。",
    ),
    "speeding_lt50": ("测速显示您超速了。", "您刚才超速行驶，这段限速六十。"),
    "speeding_over50": ("您超速超过百分之五十了，非常危险。", "测速一百多，这段限速六十。"),
    "dui_drink": ("呼气检测显示您饮酒了，属于饮酒驾驶。", "酒精检测结果超标了，属于酒后驾驶。"),
    "no_license": ("您没有取得驾驶证，这是无证驾驶。", "查了一下，您没有驾驶证。"),
    "overload_truck_lt30": ("过磅显示您这车超载了。", "您这车装得太多，超载了。"),
    "overload_truck_ge30": ("过磅显示超载三成以上了。", "您这车严重超载。"),
    "nonmotor_no_helmet": ("骑电动车要戴头盔，您没戴。", "您骑车没戴安全头盔。"),
    "pedestrian_red_light": ("行人红灯不能过马路，您闯红灯了。", "红灯亮着呢，您怎么就过来了。"),
}
_SHORT = {
    "parking": "违停",
    "wrong_way_one_way": "逆行",
    "restricted_road": "闯禁行",
    "seatbelt": "没系安全带",
    "phone_while_driving": "开车打电话",
    "red_light": "闯红灯",
    "speeding_lt50": "超速",
    "speeding_over50": "超速",
    "dui_drink": "喝酒开车",
    "no_license": "无证驾驶",
    "overload_truck_lt30": "超载",
    "overload_truck_ge30": "超载",
    "nonmotor_no_helmet": "没戴头盔",
    "pedestrian_red_light": "闯红灯",
}
_CIV_OK = (
    "好的，警官，我知道了。",
    "不好意思，我下次注意。",
    "行，我签字。",
    "我没注意，对不起。",
    "明白了，我认罚。",
    "好吧，下次一定注意。",
    "知道了，麻烦您了。",
    "哦，好的。",
    "我刚才确实没看见，签字吧。",
)
_RIGHTS = (
    "你对这个处罚有权进行陈述和申辩。",
    "如果有异议，你可以陈述申辩，也可以申请复议。",
    "您有陈述和申辩的权利，有什么要说的吗？",
    "依法告知您，您享有陈述、申辩的权利。",
    "对这个处罚您可以陈述申辩，有意见现在可以提。",
)
_PAY_BANK = (
    "罚款请在十五日内通过交管12123或者银行缴纳。",
    "这是处罚决定书，按上面写的方式去银行缴款。",
    "罚款{a}元，请在十五日内到银行缴纳。",
    "决定书收好，十五日内到银行交罚款，逾期要加处罚款。",
)
_PAY_APP = ("罚款可以直接在交管12123上缴纳，十五日内。", "用交管12123就能交，决定书上有编号。")
_PAY_CASH = (
    "罚款{a}元当场收缴，这是财政统一的罚款收据，您收好。",
    "当场缴纳{a}元，给您开正式罚款票据。",
)
_WARN = (
    "这次给予警告，下次注意。",
    "情节轻微，这次只纠正不罚款。",
    "这次口头警告，以后注意安全。",
    "这次先批评教育，不罚款了。",
)
_FESTIVAL = (
    "节日期间外地车辆轻微违法只纠正不处罚，请您下次注意。",
    "按照规定，外地车这次只纠正，不罚款。",
)
_MEASURE = {
    "dui_drink": (
        "根据规定，饮酒驾驶要暂扣驾驶证六个月，这是法律规定。",
        "依法暂扣您的驾驶证六个月，并处罚款。",
    ),
    "speeding_over50": ("超速百分之五十以上，依法暂扣驾驶证。",),
    "no_license": ("依法扣留车辆，请通知有驾驶证的人来处理。",),
    "overload_truck_lt30": (
        "你这车超载了，依法扣留车辆，卸货以后才能走。",
        "卸载以后才能放行，车先扣在这里。",
    ),
    "overload_truck_ge30": (
        "依法扣留车辆，转运卸载以后才能走。",
        "你这车超载了，依法扣留车辆，卸货以后才能走。",
    ),
}
_PATROL = (
    (
        (
            "请把头盔戴好，注意安全。",
            "骑车记得戴头盔，安全第一。",
            "师傅，头盔戴上再走。",
            "头盔要戴好，扣子扣上。",
        ),
        ("好的，马上戴。", "知道了，谢谢。", "好，我这就戴。"),
    ),
    (
        (
            "这里不能停车，请尽快驶离。",
            "师傅，这儿不让停，挪一下车。",
            "前面路口禁止掉头，请注意。",
        ),
        ("好，我马上开走。", "好的好的，这就走。", "知道了。"),
    ),
    (("前方事故，请绕行。", "请减速慢行，前面在施工。"), ("好的。", "谢谢提醒。")),
)
# problem phrases (officer), composed
_CASH_PRE = ("别走程序了，", "这样吧，", "省得麻烦，", "我跟你说，", "", "不想扣分是吧，")
_CASH_PAY = (
    "现金给我{c}",
    "微信转我{c}",
    "支付宝转我{c}",
    "给我{c}块钱",
    "扫我手机上的码，转{c}",
    "私了吧，给{c}",
)
_CASH_TAIL = (
    "，票就不开了。",
    "，这事就算了。",
    "，罚单就不写了。",
    "，就当没看见。",
    "，不用开票。",
    "，走吧。",
)
_QUOTA = (
    "这个月任务还差{n}单，",
    "队里给的指标还没完成，",
    "上面压了罚款任务，",
    "今天不凑够罚款数回不去，",
    "每人每天要开够{n}张罚单，",
    "考核要求一个月{m}单，",
)
_QUOTA_TAIL = ("今天多开几张。", "你就认了吧。", "没办法。", "别怪我。", "只能罚你了。")
_ABUSE = (
    "蠢货",
    "你眼睛瞎了吗",
    "你算什么东西",
    "脑子进水了吧",
    "你是猪吗",
    "废物一个",
    "没长眼睛啊",
    "你个傻子",
)
_ABUSE_TAIL = (
    "，说了多少遍了。",
    "，会不会开车！",
    "，滚下来！",
    "。",
    "，真是服了你。",
    "，赶紧的！",
)
_THREAT = (
    "信不信我扣你的车",
    "你等着，我让你好看",
    "再废话我就把你拘了",
    "再啰嗦把你驾照吊销了",
    "惹毛了我，让你车都开不走",
    "你再顶嘴试试，让你在这站一天",
)
_THREAT_TAIL = ("，让你三个月开不了。", "。", "，你试试看。", "！", "，不信你就试试。")
_CURT = ("驾驶证拿来。", "证件。", "本拿出来。", "下来，驾驶证。")
_CURT_CIV = ("怎么了？", "我咋了？", "什么事啊？")
_CURT_END = ("{s}了，签字。", "{s}，罚{a}，签字吧。", "签字，快点。")
# near misses
_CIV_SWEAR = (
    "你们交警就知道罚钱，一群混蛋！",
    "滚开，别拦着我！",
    "什么破规定，坑人！",
    "真倒霉，你们这帮人就会罚款。",
)
_CALM = ("请您冷静，注意言辞。", "请不要激动，有意见可以依法申诉。", "您的意见可以通过12123反映。")
_CIV_OFFER = (
    "警察同志，我给你现金行不行？",
    "我微信转你吧，别开罚单了。",
    "给你点钱，通融一下呗。",
)
_REFUSE = (
    "我们不收现金，请按决定书去银行缴纳。",
    "不能私下给钱，罚款必须走正规渠道。",
    "不收现金也不收转账，您到银行交。",
)
_NO_QUOTA = ("我们没有罚款指标，纠正违法是为了你的安全。", "没有什么任务指标，是为了您的安全。")
_CIV_QUOTA = ("你们是不是有罚款任务啊？", "月底了，你们要冲指标吧？")
_CN_AMT = {
    10: "十",
    20: "二十",
    50: "五十",
    100: "一百",
    150: "一百五",
    200: "两百",
    300: "三百",
    500: "五百",
}

# ---------- time helpers ----------------------------------------------------------------------
_HMS: list[str] = []


def _hms_table() -> list[str]:
    if not _HMS:
        _HMS.extend(
            f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)
        )
    return _HMS


def default_n_squads(n_events: int, officers_per_squad: int = 10) -> int:
    """Squads for a run: ~40 regular officers per 10,000 events, at least four squads."""
    return max(4, round(n_events * 40 / 10_000 / max(1, officers_per_squad)))


def _parse_month(month: str) -> tuple[int, int]:
    try:
        year_s, mon_s = month.split("-")
        year, mon = int(year_s), int(mon_s)
    except ValueError:
        raise ValueError(f"month must be YYYY-MM, got {month!r}") from None
    if not 1 <= mon <= 12:
        raise ValueError(f"month must be YYYY-MM, got {month!r}")
    return year, mon


class _Month:
    """State of one generation run; everything random comes from ``self.r`` (seeded)."""

    def __init__(self, seed: int, month: str, n_squads: int, officers_per_squad: int) -> None:
        self.r = r = random.Random(f"jiancha-month:{seed}:{month}")
        # faster than Random.choice/randint/randrange: saves seconds per million events
        rnd = r.random
        self.pick = lambda seq: seq[int(rnd() * len(seq))]
        self.randint = lambda a, b: a + int(rnd() * (b - a + 1))
        self.randrange = lambda n: int(rnd() * n)
        year, mon = _parse_month(month)
        self.days = days = calendar.monthrange(year, mon)[1]
        self.month_end = days * 86400
        self.dates = [f"{year:04d}-{mon:02d}-{d + 1:02d}" for d in range(days)]
        self.hms = _hms_table()
        self.next_id = 1

        # Policy: correct only, for out-of-town plates and minor violations, the 1st to the 20th.
        policy_days = min(20, days)
        self.policy_end = policy_days * 86400
        self.policy_types = ("parking", "wrong_way_one_way", "restricted_road")
        if mon == 4:
            pid, pname = (
                f"heze-peony-festival-{year}",
                "牡丹文化旅游节期间外地车辆轻微违法只纠正不处罚",
            )
        else:
            pid, pname = (
                f"heze-tourism-month-{year}{mon:02d}",
                "文明交通旅游月期间外地车辆轻微违法只纠正不处罚",
            )
        self.policy = {
            "type": "policy",
            "data": {
                "policy_id": pid,
                "name": pname,
                "valid_from": f"{self.dates[0]}T00:00:00{TZ}",
                "valid_to": f"{self.dates[policy_days - 1]}T23:59:59{TZ}",
                "scope": {
                    "plate_region_not": [_LOCAL_REGION],
                    "violation_types": list(self.policy_types),
                },
                "effect": "correct_only",
            },
        }

        # Roster.
        n_aux = max(1, officers_per_squad // 4)
        wearers = n_squads * (officers_per_squad + n_aux)
        wide = wearers > 10_000  # BWC-xxxx stays unique up to 10,000 wearers, then six digits
        if wide:
            numbers = r.sample(range(100_000, 1_000_000), wearers)
        else:
            lows = r.sample(range(10_000), wearers)
            numbers = [(10 + self.randrange(90)) * 10_000 + low for low in lows]
        car_numbers = (
            r.sample(range(1000, 10_000), min(n_squads, 9000))
            if n_squads <= 9000
            else [1000 + i for i in range(n_squads)]
        )
        counters: dict[str, int] = {}
        order = list(_DISTRICTS)
        self.squads: list[tuple[str, str, list[tuple[str, str]], list[tuple[str, str]], str]] = []
        self.regulars: list[
            tuple[str, str, str, int]
        ] = []  # (officer_id, device_id, squad_id, squad index)
        k = 0
        for s in range(n_squads):
            prefix = (
                _FIRST_SQUADS[s]
                if s < len(_FIRST_SQUADS)
                else order[(s - len(_FIRST_SQUADS)) % len(order)]
            )
            counters[prefix] = counters.get(prefix, 0) + 1
            squad_id = f"{prefix}-{counters[prefix]}"
            letters, district = _DISTRICTS[prefix]
            regs, auxs = [], []
            for _ in range(officers_per_squad):
                num = numbers[k]
                k += 1
                oid = f"{letters}{num:06d}"
                dev = f"BWC-{num:06d}" if wide else f"BWC-{num % 10_000:04d}"
                regs.append((oid, dev))
                self.regulars.append((oid, dev, squad_id, s))
            for _ in range(n_aux):
                num = numbers[k]
                k += 1
                aid = f"FJ{num % 100_000:05d}" if not wide else f"FJ{num:06d}"
                dev = f"BWC-{num:06d}" if wide else f"BWC-{num % 10_000:04d}"
                auxs.append((aid, dev))
            self.squads.append((squad_id, district, regs, auxs, f"CAR-{car_numbers[s]:04d}"))

        # Officer activity weights; a few officers target out-of-town plates, a few surge at
        # month end.
        n_reg = len(self.regulars)
        weights = [r.uniform(0.5, 1.5) for _ in range(n_reg)]
        n_special = max(1, round(n_reg * 0.02))
        special = r.sample(range(n_reg), min(n_reg, 2 * n_special))
        self.targeting = set(special[:n_special])
        self.spiking = set(special[n_special:]) or {special[0]}
        spike_weights = [w * (5.0 if i in self.spiking else 1.0) for i, w in enumerate(weights)]
        self.cum_normal = list(accumulate(weights))
        self.cum_spike = list(accumulate(spike_weights))
        self.spike_from = (days - 3) * 86400

        # Day-to-day volume varies (weather, checkpoints): cumulative share of the month's
        # tickets per day.
        day_w = [r.uniform(0.7, 1.3) for _ in range(days)]
        total = sum(day_w)
        self.day_cum = list(accumulate(w / total for w in day_w))
        self.day_cum[-1] = 1.0
        self.day_w = [w / total for w in day_w]

        self.vt_names = list(_VT_WEIGHTS)
        self.vt_cum = list(accumulate(_VT_WEIGHTS.values()))

    # ---------- primitives --------------------------------------------------------------------
    def ts(self, s: int) -> str:
        d, rem = divmod(s, 86400)
        return f"{self.dates[d]}T{self.hms[rem]}{TZ}"

    def ts_us(self, s: int, us: int) -> str:
        d, rem = divmod(s, 86400)
        return f"{self.dates[d]}T{self.hms[rem]}.{us:06d}{TZ}"

    def new_id(self) -> int:
        n = self.next_id
        self.next_id = n + 1
        return n

    def base_time(self, u: float) -> float:
        """Generation clock: share ``u`` of the month's events -> local seconds since the 1st."""
        d = bisect_right(self.day_cum, u)
        if d >= self.days:
            d = self.days - 1
        lo = self.day_cum[d - 1] if d else 0.0
        frac = (u - lo) / self.day_w[d]
        frac = min(max(frac, 0.0), 0.999999)
        return d * 86400 + _SHIFT_START + frac * _SHIFT_LEN

    def pick_officer(self, t: int) -> int:
        cum = self.cum_spike if t >= self.spike_from else self.cum_normal
        i = bisect_right(cum, self.r.random() * cum[-1])
        return min(i, len(cum) - 1)

    def plate(
        self, officer_index: int, force_out_of_town: bool = False, force_local: bool = False
    ) -> tuple[str, str]:
        r = self.r
        share = _TARGETING_SHARE if officer_index in self.targeting else _OUT_OF_TOWN_SHARE
        if force_out_of_town or (not force_local and r.random() < share):
            region = _OTHER_REGIONS[int(r.random() ** 1.6 * len(_OTHER_REGIONS))]
        else:
            region = _LOCAL_REGION
        return f"{region}·{_PLATE_LETTERS[self.randrange(13)]}{self.randrange(100_000):05d}", region

    def violation(self, minor_only: bool = False) -> str:
        r = self.r
        if minor_only:
            return _MINOR_TYPES[self.randrange(len(_MINOR_TYPES))]
        return self.vt_names[bisect_right(self.vt_cum, r.random() * self.vt_cum[-1])]

    def upload_time(self, ended: int, ticket_t: int, late: bool = False) -> tuple[int, int, str]:
        """uploaded_at (s, µs, text): after the recording ended, >= 30 min after the ticket."""
        r = self.r
        start = max(ended, ticket_t)
        if late:  # more than 24 h after the end of the recording
            s = ended + self.randint(UPLOAD_DEADLINE_S + 3600, 80 * 3600)
            us = 0
        else:
            s = start + _MIN_UPLOAD_AFTER_TICKET + min(int(r.expovariate(1 / 15_000)), 75_000)
            us = self.randrange(1_000_000)
        if (
            s >= self.month_end
        ):  # the month's file ends at midnight: squeeze the upload in before it
            s = max(start + 60, self.month_end - self.randint(60, 3000))
        return s, us, (self.ts_us(s, us) if us else self.ts(s))

    # ---------- event builders ----------------------------------------------------------------
    def action(
        self,
        aid: int,
        officer_id: str,
        role: str,
        co: list[str],
        squad_id: str,
        t: int,
        plate: str | None,
        region: str | None,
        road_user: str,
        vt: str,
        fine: int,
        veh: bool,
        lic: bool,
        payment: dict | None,
    ) -> dict:
        points = VIOLATIONS[vt][4] if fine > 0 else 0
        return {
            "type": "enforcement_action",
            "data": {
                "action_id": f"ACT-{aid:06d}",
                "officer_id": officer_id,
                "officer_role": role,
                "co_officer_ids": co,
                "squad_id": squad_id,
                "occurred_at": self.ts(t),
                "plate": plate,
                "plate_region": region,
                "road_user": road_user,
                "violation_type": vt,
                "measures": {
                    "fine_cny": fine,
                    "points": points,
                    "warning": fine == 0,
                    "vehicle_detained": veh,
                    "license_detained": lic,
                },
                "payment": payment,
            },
        }

    def recording(
        self,
        rid: int,
        device: str,
        device_type: str,
        officers: list[str],
        squad_id: str,
        start: int,
        end: int,
        uploaded: str,
    ) -> dict:
        rec = f"REC-{rid:06d}"
        return {
            "type": "recording",
            "data": {
                "recording_id": rec,
                "device_id": device,
                "device_type": device_type,
                "officer_ids": officers,
                "squad_id": squad_id,
                "started_at": self.ts(start),
                "ended_at": self.ts(end),
                "uploaded_at": uploaded,
                "sha256": f"{self.r.getrandbits(256):064x}",
                "media_uri": f"media/{rec}.m4a",
            },
        }

    def transcript(self, rid: int, lines: list[tuple[str, str]]) -> dict:
        rnd = self.r.random
        segs = []
        t = 20  # tenths of a second
        for speaker, text in lines:
            end = t + 6 + int(len(text) * 1.9 + rnd() * 8)
            segs.append({"start": t / 10, "end": end / 10, "speaker": speaker, "text": text})
            t = end + 4 + int(rnd() * 26)
        return {
            "type": "transcript",
            "data": {
                "recording_id": f"REC-{rid:06d}",
                "language": "zh",
                "engine": "reference",
                "segments": segs,
            },
        }

    def road_user(self, vt: str) -> str:
        if vt == "pedestrian_red_light":
            return "pedestrian"
        if vt == "nonmotor_no_helmet":
            return "e_bike"
        if vt.startswith("overload_truck"):
            return "truck"
        x = self.r.random()
        if vt in ("parking", "seatbelt", "phone_while_driving", "dui_drink", "no_license"):
            return "small_car"
        return "small_car" if x < 0.93 else ("truck" if x < 0.98 else "bus")

    def payment(self, fine: int, road_user: str, method: str | None = None) -> dict | None:
        if fine <= 0:
            return None
        r = self.r
        if method is None:
            x = r.random()
            cash_ok = road_user in ("pedestrian", "e_bike") or fine <= ON_THE_SPOT_MAX_MOTOR
            method = "app" if x < 0.10 else ("cash_on_spot" if x < 0.13 and cash_ok else "bank")
        return {"method": method, "receipt_no": f"SD{self.randrange(10**10):010d}"}

    # ---------- speech ------------------------------------------------------------------------
    def greeting(self, district: str, road_user: str) -> str:
        req = _REQ_FOOT if road_user in ("pedestrian", "e_bike") else _REQ_MOTOR
        badge = self.pick(_BADGE).format(b=f"{self.randrange(10**6):06d}")
        return self.pick(_SALUTE) + self.pick(_IDENT).format(d=district) + badge + self.pick(req)

    def lawful_lines(
        self,
        district: str,
        vt: str,
        road_user: str,
        fine: int,
        payment: dict | None,
        festival: bool = False,
    ) -> list[tuple[str, str]]:
        r = self.r
        choice = self.pick
        lines = [("officer", self.greeting(district, road_user))]
        if r.random() < 0.45:
            lines.append(("officer", choice(_STATE[vt])))
        lines.append(("civilian", choice(_CIV_OK)))
        if fine == 0:
            if festival:
                lines.append(("officer", choice(_FESTIVAL)))
            elif r.random() < 0.5:
                lines.append(("officer", choice(_WARN)))
            return lines
        lines.append(("officer", choice(_RIGHTS)))
        method = payment["method"] if payment else "bank"
        bank = (
            _PAY_CASH if method == "cash_on_spot" else (_PAY_APP if method == "app" else _PAY_BANK)
        )
        lines.append(("officer", choice(bank).format(a=fine)))
        if vt in _MEASURE:
            lines.append(("officer", choice(_MEASURE[vt])))
        if road_user == "e_bike" and r.random() < 0.3:
            lines.append(("officer", choice(_PATROL[0][0])))
        return lines

    def near_miss(self, lines: list[tuple[str, str]]) -> None:
        """Occasionally add a lawful exchange that looks like a problem to a naive matcher."""
        r = self.r
        x = r.random()
        if x < 0.008:
            pair = [("civilian", self.pick(_CIV_SWEAR)), ("officer", self.pick(_CALM))]
        elif x < 0.016:
            pair = [("civilian", self.pick(_CIV_OFFER)), ("officer", self.pick(_REFUSE))]
        elif x < 0.019:
            pair = [("civilian", self.pick(_CIV_QUOTA)), ("officer", self.pick(_NO_QUOTA))]
        else:
            return
        at = self.randint(1, len(lines))
        lines[at:at] = pair

    @staticmethod
    def amount_text(r: random.Random, amount: int) -> str:
        if amount in _CN_AMT and r.random() < 0.6:
            return _CN_AMT[amount]
        return f"{amount}"

    def problem_line(self, kind: str, fine: int) -> str:
        r = self.r
        choice = self.pick
        if kind == "cash":
            amt = fine if fine > 0 else choice((50, 100, 200))
            return (
                choice(_CASH_PRE)
                + choice(_CASH_PAY).format(c=self.amount_text(r, amt))
                + choice(_CASH_TAIL)
            )
        if kind == "quota":
            return choice(_QUOTA).format(
                n=self.randint(5, 40), m=self.pick((100, 150, 200))
            ) + choice(_QUOTA_TAIL)
        if kind.startswith("abuse"):
            return choice(_ABUSE) + choice(_ABUSE_TAIL)
        return choice(_THREAT) + choice(_THREAT_TAIL)  # threat

    # ---------- encounters --------------------------------------------------------------------
    def encounter(self, kind: str, t: int, push) -> None:
        """Build one encounter at local second ``t``; pushes exactly ``_KIND_SIZE[kind]`` events."""
        r = self.r
        if kind in ("patrol", "patrol_untranscribed", "abuse_no_ticket"):
            self.patrol(kind, t, push)
            return
        oi = self.pick_officer(t)
        officer_id, device, squad_id, si = self.regulars[oi]
        _, district, regs, auxs, car = self.squads[si]
        in_policy = t < self.policy_end

        # violation, plate, road user
        if kind == "exempt_penalized":
            if not in_policy:
                kind = "lawful"
                vt = self.violation()
            else:
                vt = self.pick(self.policy_types)
        elif kind == "disproportionate":
            vt = self.violation(minor_only=True)
        else:
            vt = self.violation()
        road_user = self.road_user(vt)
        if road_user in ("pedestrian", "e_bike"):
            plate = region = None
        else:
            # Only the warnable kinds may meet the correct-only policy; the other patterns keep
            # one problem each.
            plate, region = self.plate(
                oi,
                force_out_of_town=kind == "exempt_penalized",
                force_local=in_policy and vt in self.policy_types and kind not in _WARNABLE,
            )
        festival = (
            in_policy and region is not None and region != _LOCAL_REGION and vt in self.policy_types
        )

        # measures (lawful unless the pattern says otherwise)
        _, _, lo, hi, _, veh_ok, lic_ok = VIOLATIONS[vt]
        warn = kind in _WARNABLE and (
            festival or (vt in _MINOR_TYPES and r.random() < _WARNING_SHARE)
        )
        fine = 0 if warn else self.pick(_LAWFUL_FINES[vt])
        veh, lic = (veh_ok, lic_ok) if fine else (False, False)
        if kind == "out_of_range":
            if r.random() < 0.8:
                fine = self.pick((hi + 100, hi + 300, hi * 2, hi * 3))
            else:
                fine = lo - max(1, lo // 2)
        elif kind == "disproportionate":
            if r.random() < 0.5:
                veh = True
            else:
                lic = True
        payment = self.payment(fine, road_user)

        # people
        role = "officer"
        co: list[str] = []
        wearer_id, wearer_dev = officer_id, device
        if kind == "aux_alone" or kind == "aux_with_officer":
            wearer_id, wearer_dev = auxs[self.randrange(len(auxs))]
            officer_id, role = wearer_id, "auxiliary"
            if kind == "aux_with_officer":
                co = [self.pick(regs)[0]]
        elif r.random() < 0.29:
            co = [auxs[self.randrange(len(auxs))][0]]

        # speech
        if kind == "procedure_missing":
            lines = [
                ("officer", self.pick(_CURT)),
                ("civilian", self.pick(_CURT_CIV)),
                ("officer", self.pick(_CURT_END).format(s=_SHORT[vt], a=self.amount_text(r, fine))),
            ]
        else:
            lines = self.lawful_lines(
                district, vt, road_user, fine, payment, festival and fine == 0
            )
            if kind in ("cash", "quota", "abuse", "threat"):
                if (
                    kind == "cash"
                ):  # mostly recorded as cash without receipt; sometimes the ticket says bank
                    if r.random() < 0.7:
                        payment = {"method": "cash_on_spot", "receipt_no": None}
                    else:
                        payment = self.payment(fine, road_user, "bank")
                    lines = self.lawful_lines(district, vt, road_user, fine, {"method": "bank"})[:2]
                at = self.randint(1, len(lines))
                lines.insert(at, ("officer", self.problem_line(kind, fine)))
                if kind == "abuse" and r.random() < 0.4:
                    lines.insert(
                        at + 1,
                        (
                            "civilian",
                            self.pick(("你怎么骂人呢？", "你凭什么骂人？", "你说话客气点。")),
                        ),
                    )
            else:
                self.near_miss(lines)

        aid = self.new_id()
        act = self.action(
            aid,
            officer_id,
            role,
            co,
            squad_id,
            t,
            plate,
            region,
            road_user,
            vt,
            fine,
            veh,
            lic,
            payment,
        )
        push(t, act)

        if kind == "recording_missing":
            return
        if kind == "recording_gap":  # on before and after, off for the ticket
            before_start = t - self.randint(50, 120) * 60
            before_end = min(before_start + self.randint(8, 35) * 60, t - self.randint(10, 25) * 60)
            after_start = t + self.randint(10, 40) * 60
            after_end = after_start + self.randint(8, 35) * 60
            for start, end in ((before_start, before_end), (after_start, after_end)):
                rid = self.new_id()
                us_s, us, up = self.upload_time(end, t)
                push(
                    us_s + us / 1e6,
                    self.recording(
                        rid, wearer_dev, "body_cam", [wearer_id], squad_id, start, end, up
                    ),
                )
                push(
                    us_s + us / 1e6 + self.randint(5, 900),
                    self.transcript(rid, self.patrol_lines()),
                )
            return

        rid = self.new_id()
        if (
            kind == "duplicate"
        ):  # the same act fined twice, a few minutes apart, on the same recording
            t2 = t + self.randint(60, 600)
            aid2 = self.new_id()
            push(
                t2,
                self.action(
                    aid2,
                    officer_id,
                    role,
                    co,
                    squad_id,
                    t2,
                    plate,
                    region,
                    road_user,
                    vt,
                    fine,
                    veh,
                    lic,
                    self.payment(fine, road_user),
                ),
            )
            start, end = t - self.randint(30, 180), t2 + self.randint(60, 300)
        elif kind == "in_car_only":
            start, end = t - self.randint(120, 600), t + self.randint(300, 900)
        else:
            start, end = t - self.randint(30, 180), t + self.randint(60, 420)
        up_s, us, up = self.upload_time(end, t, late=kind == "late_upload")
        if kind == "in_car_only":
            mates = [o for o, _ in regs if o != officer_id]
            crew = [officer_id, mates[self.randrange(len(mates))]] if mates else [officer_id]
            rec = self.recording(rid, car, "in_car", crew, squad_id, start, end, up)
        else:
            rec = self.recording(rid, wearer_dev, "body_cam", [wearer_id], squad_id, start, end, up)
        key = up_s + us / 1e6
        push(key, rec)
        push(key + self.randint(5, 900), self.transcript(rid, lines))

    def patrol_lines(self) -> list[tuple[str, str]]:
        r = self.r
        officer_lines, civilian_lines = _PATROL[
            0 if r.random() < 0.7 else 1 + self.randrange(len(_PATROL) - 1)
        ]
        return [("officer", self.pick(officer_lines)), ("civilian", self.pick(civilian_lines))]

    def patrol(self, kind: str, t: int, push) -> None:
        """A recording without a ticket (mostly auxiliaries' helmet reminders) + its transcript."""
        r = self.r
        oi = self.pick_officer(t)
        _, _, squad_id, si = self.regulars[oi]
        _, _, regs, auxs, _ = self.squads[si]
        wearer_id, dev = (
            auxs[self.randrange(len(auxs))] if r.random() < 0.7 else regs[self.randrange(len(regs))]
        )
        start = t
        end = t + self.randint(8, 35) * 60
        rid = self.new_id()
        up_s, us, up = self.upload_time(end, t)
        key = up_s + us / 1e6
        push(key, self.recording(rid, dev, "body_cam", [wearer_id], squad_id, start, end, up))
        if kind == "patrol_untranscribed":  # still queued at the transcriber when the month closes
            return
        lines = self.patrol_lines()
        if kind == "abuse_no_ticket":
            lines.insert(self.randint(0, len(lines)), ("officer", self.problem_line("abuse", 0)))
        push(key + self.randint(5, 900), self.transcript(rid, lines))

    # ---------- stream ------------------------------------------------------------------------
    def events(self, n_events: int) -> Iterator[dict]:
        if n_events <= 0:
            return
        r = self.r
        heap: list[tuple[float, int, dict]] = []
        heappush, heappop = heapq.heappush, heapq.heappop
        seq = 0

        def push(key: float, envelope: dict) -> None:
            nonlocal seq
            heappush(heap, (key, seq, envelope))
            seq += 1

        yield self.policy
        committed = 1
        random_ = r.random
        cum, names, sizes = _KIND_CUM, _KIND_NAMES, _KIND_SIZE
        n_kinds = len(names)
        while committed < n_events:
            i = bisect_right(cum, random_())
            kind = names[i] if i < n_kinds else "lawful"
            size = sizes[kind]
            remaining = n_events - committed
            if size > remaining:
                kind = (
                    ("patrol_untranscribed", "patrol")[remaining - 1]
                    if remaining <= 2
                    else "lawful"
                )
                size = sizes[kind]
            base = self.base_time((committed + size * 0.5) / n_events)
            d = int(base // 86400)
            lo = d * 86400 + _SHIFT_START
            t = int(base + (random_() * 2 - 1) * _JITTER)
            t = min(max(t, lo), lo + _SHIFT_LEN - 1)
            horizon = base - _JITTER - 1  # t is truncated to whole seconds
            while heap and heap[0][0] < horizon:
                yield heappop(heap)[2]
            self.encounter(kind, t, push)
            committed += size
        while heap:
            yield heappop(heap)[2]


def generate_month(
    n_events: int,
    seed: int = 7,
    month: str = "2026-05",
    n_squads: int | None = None,
    officers_per_squad: int = 10,
) -> Iterator[dict]:
    """Yield exactly ``n_events`` event envelopes of one synthetic month, in arrival order.

    Deterministic for (n_events, seed, month, n_squads, officers_per_squad); streams in bounded
    memory.
    ``n_squads`` defaults to :func:`default_n_squads` (~40 regular officers per 10,000 events).
    """
    if n_events < 0:
        raise ValueError("n_events must be >= 0")
    if officers_per_squad < 2:
        raise ValueError("officers_per_squad must be >= 2")
    if n_squads is None:
        n_squads = default_n_squads(n_events, officers_per_squad)
    if n_squads < 1:
        raise ValueError("n_squads must be >= 1")
    _parse_month(month)
    yield from _Month(seed, month, n_squads, officers_per_squad).events(n_events)


def generate_months(
    n_per_month: int,
    months: int,
    seed: int = 7,
    first: str = "2026-05",
    n_squads: int | None = None,
    officers_per_squad: int = 10,
) -> Iterator[dict]:
    """``months`` consecutive generated months, one after the other (a history that outgrows
    one month: the analyzer's final months, issue 15). Each month is :func:`generate_month` of
    its own; the ticket and recording numbers restart every month, so they carry the month
    (``ACT-202605-000001``) to stay unique. ``n_squads`` is fixed by the first month's size."""
    year, mon = _parse_month(first)
    squads = n_squads if n_squads is not None else default_n_squads(n_per_month, officers_per_squad)
    for i in range(months):
        y, m = year + (mon - 1 + i) // 12, (mon - 1 + i) % 12 + 1
        tag = f"{y}{m:02d}"
        for env in generate_month(n_per_month, seed, f"{y}-{m:02d}", squads, officers_per_squad):
            data = env["data"]
            for field in ("action_id", "recording_id"):
                value = data.get(field)
                if isinstance(value, str) and value[:4] in ("ACT-", "REC-"):
                    data[field] = f"{value[:4]}{tag}-{value[4:]}"
            yield env


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m jiancha.synthetic.month",
        description="Write a synthetic month of jiancha events as JSONL.",
    )
    parser.add_argument(
        "--events", type=int, default=1_000_000, help="number of events (default 1,000,000)"
    )
    parser.add_argument("--out", required=True, help="output JSONL path ('-' for stdout)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--month", default="2026-05", help="YYYY-MM (default 2026-05)")
    parser.add_argument(
        "--months",
        type=int,
        default=1,
        help="consecutive months from --month, --events each (ids carry the month when > 1)",
    )
    parser.add_argument(
        "--squads", type=int, default=None, help="squads (default: scales with --events)"
    )
    parser.add_argument("--officers-per-squad", type=int, default=10)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)

    from tqdm import tqdm

    encode = json.JSONEncoder(ensure_ascii=False).encode
    stream = (
        generate_month(
            args.events,
            seed=args.seed,
            month=args.month,
            n_squads=args.squads,
            officers_per_squad=args.officers_per_squad,
        )
        if args.months == 1
        else generate_months(
            args.events, args.months, args.seed, args.month, args.squads, args.officers_per_squad
        )
    )
    batch = 10_000
    with contextlib.ExitStack() as stack:
        out = (
            sys.stdout
            if args.out == "-"
            else stack.enter_context(open(args.out, "w", encoding="utf-8", newline="\n"))
        )
        bar = stack.enter_context(
            tqdm(
                total=args.events * args.months,
                unit="ev",
                unit_scale=True,
                disable=args.quiet,
                file=sys.stderr,
                mininterval=0.5,
            )
        )
        buf: list[str] = []
        for env in stream:
            buf.append(encode(env))
            if len(buf) >= batch:
                buf.append("")
                out.write("\n".join(buf))
                bar.update(len(buf) - 1)
                buf = []
        if buf:
            buf.append("")
            out.write("\n".join(buf))
            bar.update(len(buf) - 1)
        out.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
