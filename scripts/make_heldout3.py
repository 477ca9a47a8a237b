"""Write the third held-out speech corpus, ``analyzers/corpus/heldout3.jsonl`` (issue 14, round 4).

Written BEFORE round 4 changed any frame, and by someone who had not read the frames, the lexicon
or the development files' wordings: its sentences are composed here from parts (an amount, a way
to hand the money over, an evasion; a period, a count, a pressure from above; a provocation and
a harm; an address; a unit, a role and a number; a right and where to take it) in several
registers (formal, curt, joking) and regional speech (Shandong, Henan, Northeast, Sichuan), then
put into short or long multi-turn exchanges where the act is one turn in the middle, and about a
third pass through Whisper-style damage (homophones, digits, no punctuation, a character dropped
or doubled, a sentence cut into two segments, short turns given to the wrong speaker, the
officer's act turn labelled ``unknown``). Hard negatives are composed the same way: the civilian
says it, the officer refuses, a negation, a lawful notice of a measure (fines paid at the bank
or in the app with an electronic receipt), a question, reported speech, a rule quoted, a
briefing.

Seeded, so that re-running it writes the same file::

    python3 scripts/make_heldout3.py            # writes analyzers/corpus/heldout3.jsonl

Do not tune on the file: it is measured once before and once after a round (corpus/README.md).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "analyzers" / "corpus" / "heldout3.jsonl"
SEED = 20261202
R = random.Random(SEED)

Seg = tuple[str, str]  # (speaker, text)


def pick(xs: list[str]) -> str:
    return R.choice(xs)


# ----------------------------------------------------------------------------------------------
# Shared parts
# ----------------------------------------------------------------------------------------------

OFFICER_FILLER = [
    "车靠边，熄火",
    "窗户摇下来",
    "驾驶本行车本都拿出来我看一下",
    "后备箱打开看看",
    "头盔怎么没戴",
    "往右边再靠一点，别挡着后面",
    "车上拉的什么",
    "你这车是哪儿上的牌",
    "来，对着这个吹，一直吹别停",
    "人先下来，站到护栏里边",
    "这边车多，注意安全",
    "你这灯怎么一直不开",
    "副驾那位也把安全带系上",
    "把发动机号那块擦一下我拍个照",
    "身份证号报一下",
    "这条路早上七点到九点禁左",
    "稍等，我这边查一下系统",
    "车钥匙先拔了",
]
CIVILIAN_FILLER = [
    "我就停了两分钟买个早点",
    "师傅我赶着去接孩子放学",
    "我没喝酒，真的",
    "这车是我表哥的",
    "导航让我这么拐的",
    "头盔落在家里了",
    "我真不知道这儿不让停",
    "哎呀今天真倒霉",
    "我这是第一次开这条路",
    "车上拉的是菜，要赶早市",
    "前面那个车也压线了你咋不管",
    "我驾照在手机上有电子的",
    "能不能快点，我上班要迟到了",
    "我刚从高速下来，不熟",
]
SHORT_TURNS = ["嗯", "好", "行", "啊？", "对", "是是是", "哦", "知道了", "好的好的", "那行"]

NAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "孙", "周", "吴", "郑", "冯"]


def context(n: int) -> list[Seg]:
    out: list[Seg] = []
    for i in range(n):
        if R.random() < 0.25:
            out.append((pick(["officer", "civilian"]), pick(SHORT_TURNS)))
        elif i % 2 == 0:
            out.append(("officer", pick(OFFICER_FILLER)))
        else:
            out.append(("civilian", pick(CIVILIAN_FILLER)))
    return out


REGIONS = ["shandong", "henan", "northeast", "sichuan"]


def regional(region: str, text: str) -> str:
    """Sprinkle a region's particles and words onto a sentence."""
    if region == "shandong":
        text = text.replace("你们", "恁们").replace("我们", "俺们").replace("你", "恁", 1)
        text = text.replace("我", "俺", 1).replace("怎么", "咋").replace("什么", "啥")
        return text + pick(["，中不中", "，恁寻思寻思", "嘛", "，杠好", ""])
    if region == "henan":
        text = text.replace("怎么", "咋").replace("什么", "啥").replace("我", "俺", 1)
        return text + pick(["，中不中", "，得劲不", "，中吧", ""])
    if region == "northeast":
        text = text.replace("怎么办", "咋整").replace("干什么", "嘎哈").replace("怎么", "咋")
        text = text.replace("很", "贼", 1).replace("非常", "贼")
        return (
            pick(["", "哎我说，", "整啥呢，"]) + text + pick(["，听着没", "，咋整你自己寻思", ""])
        )
    if region == "sichuan":
        text = text.replace("什么", "啥子").replace("没有", "莫得").replace("知道", "晓得")
        text = text.replace("怎么", "咋个")
        return text + pick(["，晓得不", "，听到没得", "哈", ""])
    return text


# ----------------------------------------------------------------------------------------------
# ASR damage
# ----------------------------------------------------------------------------------------------

HOMOPHONES = [
    ("交警", "交井"),
    ("警号", "井号"),
    ("警官", "井官"),
    ("现金", "现今"),
    ("罚单", "罚蛋"),
    ("二维码", "二维马"),
    ("申辩", "身边"),
    ("陈述", "陈树"),
    ("复议", "复义"),
    ("诉讼", "速送"),
    ("驾照", "假照"),
    ("驾驶证", "驾驶正"),
    ("红包", "洪包"),
    ("扣分", "扣粉"),
    ("大队", "大对"),
    ("中队", "中对"),
    ("指标", "指表"),
    ("任务", "任物"),
    ("罚款", "发款"),
    ("收据", "收句"),
    ("微信", "维信"),
    ("支付宝", "支付包"),
    ("傻帽", "傻冒"),
    ("信不信", "信不行"),
    ("好看", "好砍"),
    ("等着", "等这"),
    ("饭碗", "饭晚"),
    ("考核", "考合"),
    ("排名", "排明"),
    ("收拾", "收是"),
    ("蠢", "春"),
    ("权利", "全力"),
    ("民警", "名警"),
    ("票据", "票局"),
    ("转账", "转帐"),
]
DIGITS = [
    ("一千", "1000"),
    ("八百", "800"),
    ("六百", "600"),
    ("五百", "500"),
    ("四百", "400"),
    ("三百", "300"),
    ("两百", "200"),
    ("二百", "200"),
    ("一百", "100"),
    ("五十", "50"),
    ("四十", "40"),
    ("三十", "30"),
    ("二十", "20"),
    ("十五", "15"),
    ("十二", "12"),
    ("十个", "10个"),
]
PUNCT = "，。！？、；：,.!?"


def asr_damage(text: str) -> str:
    for a, b in HOMOPHONES:
        if a in text and R.random() < 0.55:
            text = text.replace(a, b)
    for a, b in DIGITS:
        if a in text and R.random() < 0.5:
            text = text.replace(a, b)
    if R.random() < 0.7:
        text = "".join(" " if c in PUNCT else c for c in text).strip()
        while "  " in text:
            text = text.replace("  ", " ")
        if R.random() < 0.5:
            text = text.replace(" ", "")
    if len(text) > 6 and R.random() < 0.35:
        i = R.randrange(1, len(text) - 1)
        text = text[:i] + text[i + 1 :]
    if len(text) > 6 and R.random() < 0.2:
        i = R.randrange(1, len(text) - 1)
        text = text[:i] + text[i] + text[i:]
    return text


# ----------------------------------------------------------------------------------------------
# Cash
# ----------------------------------------------------------------------------------------------

AMOUNTS = [
    "两百",
    "二百块",
    "三百",
    "五百块钱",
    "一千",
    "八百",
    "四百",
    "六百块",
    "两张红票子",
    "三张毛爷爷",
    "一百五",
    "个整数五百",
]
HAND_OVER = [
    "现金{a}直接给我",
    "微信转我{a}",
    "扫我手机上这个码，{a}",
    "发个{a}的红包过来",
    "支付宝给我个人转{a}",
    "{a}塞我兜里",
    "{a}夹驾驶本里递过来",
    "你掏{a}出来",
    "拿{a}来",
    "{a}放副驾座位上",
    "{a}给我就完事",
    "{a}，现钱，给我",
]
EVASION = [
    "单子就不开了",
    "罚单我就不写了",
    "分一分都不给你扣",
    "我就当没看见",
    "这事儿就翻篇了",
    "系统里不给你录",
    "记录仪那段我回去删掉",
    "不用去大队处理了",
    "收据就免了",
    "不走程序了",
    "车你直接开走",
    "这事儿就咱俩知道",
    "不往上报",
    "本子上不留记录",
]
WANT = ["不扣分", "不开单", "今天就走", "把车开走", "不留案底", "不去队里排队"]
CASH_CONTEXT_CIV = [
    "那咋办嘛",
    "能不能通融一下",
    "我真没时间去交",
    "扣分我这本就没了",
    "别开单行不行",
]


def cash_positive() -> tuple[list[Seg], list[str]]:
    a = pick(AMOUNTS)
    ho = pick(HAND_OVER).format(a=a)
    ev = pick(EVASION)
    forms = [
        f"{ho}，{ev}",
        f"{ev}，{ho}",
        f"想{pick(WANT)}的话，{ho}",
        f"按规定罚两百扣六分，{ho}的话{ev}",
        f"兄弟们站一天岗也辛苦，{ho}，请大家喝口水，{ev}",
        f"{ho}，别声张，{ev}",
        f"{a}。现金。{ev}。",
        f"不开票哈，{ho}",
        f"你看着意思一下，{ho}，{ev}",
        f"要么扣分罚款走流程，要么{ho}，{ev}，你自己挑",
        f"走流程麻烦得很，{ho}，{ev}",
        f"哈哈，{ho}，就当交个朋友，{ev}",
    ]
    text = pick(forms)
    tags = []
    if R.random() < 0.4:
        region = pick(REGIONS)
        text = regional(region, text)
        tags.append(region)
    segs: list[Seg] = []
    if R.random() < 0.5:
        segs.append(("civilian", pick(CASH_CONTEXT_CIV)))
    segs.append(("officer", text))
    return segs, tags


def cash_negative() -> tuple[list[Seg], str, list[str]]:
    a = pick(AMOUNTS)
    ev = pick(EVASION)
    kind = pick(
        [
            "civilian_says",
            "officer_refuses",
            "officer_refuses",
            "lawful_notice",
            "lawful_notice",
            "question",
            "reported_speech",
            "other",
            "other",
        ]
    )
    tags: list[str] = []
    if kind == "civilian_says":
        civ = pick(
            [
                f"警官，我给你{a}，{pick(WANT)}行不行",
                f"我微信转你{a}，你高抬贵手",
                f"这{a}你拿着买包烟，{ev}呗",
                "我发你个红包，咱们私下解决",
                f"扫你码行不，{a}我现在就转",
            ]
        )
        off = pick(["你先下车，站到边上", "驾驶本先给我", "车先熄火", "人站护栏里面去"])
        segs: list[Seg] = [("civilian", civ), ("officer", off)]
    elif kind == "officer_refuses":
        civ = pick([f"这{a}你收下吧", f"我转你{a}得了", "给你发个红包，别开了", "钱给你，放我走吧"])
        off = pick(
            [
                "钱收回去，该怎么处理就怎么处理",
                "别往我手里塞，罚款得去银行交",
                "红包我不收，你再发我就按行贿记下来",
                "转账？不可能，罚款只能走系统，有正式票据",
                "我要收了你这钱，这身衣服就不用穿了，拿回去",
                "把手拿开，单子照开，钱你到交管12123上交",
                "你这是让我犯错误，钱一分不要，按规定来",
                "现钱别拿出来，我们不碰钱，罚缴是分开的",
            ]
        )
        segs = [("civilian", civ), ("officer", off)]
    elif kind == "lawful_notice":
        off = pick(
            [
                f"罚款{pick(['两百', '一百五', '五十', '二百'])}，"
                f"十五天内到{pick(['建设银行', '工商银行', '农商行'])}交，"
                "或者用交管12123扫决定书上的二维码缴，电子票据会发你手机上",
                "罚二十，你要当场交的话我给你开财政部门统一印制的收据，不要收据的话不能收",
                "这个罚款不在我这交，决定书上有缴款码，手机银行就能付，付完有电子发票",
                "罚款你可以在支付宝搜交通罚款缴纳，交完截图留好回执",
                "当场收的话只能是五十以下，而且必须给你开省财政的票据，这是规定",
                "你在12123上处理完记得下载电子缴款凭证，单位报销用得着",
            ]
        )
        segs = [("officer", off)]
        if R.random() < 0.5:
            segs.insert(0, ("civilian", pick(["这钱咋交啊", "能不能现在就交了", "罚款交给谁"])))
    elif kind == "question":
        off = pick(
            [
                "你刚才往我手里塞的是什么？是钱吗？",
                "你是想问罚款能不能扫码交？能，决定书上有码",
                "你说的红包是啥意思？我没听明白",
                "谁跟你说交了钱就不扣分的？",
                "你打算现在去银行交还是回家在手机上交？",
            ]
        )
        segs = [("officer", off)]
    elif kind == "reported_speech":
        off = pick(
            [
                "有人打热线说这个路口的交警收钱不开票，你碰到过吗？",
                "你说我跟你要钱？记录仪都录着，你自己回放听",
                "上个月通报了一个辅警，私下收人家现金被开除了",
                f"他说刚才有人让他转{a}？是穿制服的吗，你看清楚没有",
                "网上那个视频说交警收红包，是外地的，不是我们这儿",
            ]
        )
        segs = [("officer", off)]
    else:
        off = pick(
            [
                "规定写得清清楚楚，民警一律不准私下收罚款，必须开票",
                "罚缴分离懂吧，我们手里不过钱，都是银行收",
                "今天早上点名又强调了，谁收红包谁自己脱衣服走人",
                "纪委说了，转账记录一查一个准，收一百也是收",
                "队里培训讲过，当事人塞钱要当场拒绝还得记录在案",
            ]
        )
        segs = [("officer", off)]
        tags.append(pick(["rule_quote", "briefing"]))
    return segs, kind, tags


# ----------------------------------------------------------------------------------------------
# Quota
# ----------------------------------------------------------------------------------------------

PERIODS = ["今天", "这礼拜", "这周", "这个月", "这一季度", "一个班下来", "月底前"]
COUNTS = ["二十张", "三十个", "十五单", "四十起", "一百张", "五十个", "十二张", "八十单"]
MONEY_TARGETS = ["三万", "五万块", "八万", "十万"]
PRESSURE = [
    "上头压下来",
    "队里规定一人",
    "中队长说了",
    "支队下了死命令",
    "领导开会定的",
    "考核表上写着",
]


def quota_positive() -> tuple[list[Seg], list[str]]:
    p = pick(PERIODS)
    c = pick(COUNTS)
    n = pick(["三", "五", "七", "八", "十来", "六"])
    forms = [
        f"{p}{pick(PRESSURE)}{c}，不罚够交不了差",
        f"{pick(PRESSURE)}{p}最少开{c}，少一个都不行",
        f"{p}还差{n}个，你正好给我凑个数",
        "我们按开单多少排名，排后头的扣奖金",
        f"{p}罚款得弄到{pick(MONEY_TARGETS)}，完不成挨批",
        f"任务摆在那儿，{p}{c}，不罚你罚谁",
        "月底了，考核按罚单数算，我得冲一冲",
        f"兄弟，冲业绩呢，{p}差{n}张，帮个忙呗",
        f"{p}的数还没凑齐，{c}呢，你就算一个",
        f"开得少了年底评先进没我的份，{p}至少{c}",
        f"单子开够{c}才能下班，{p}就这规矩",
        f"队里墙上贴着排行榜，谁罚得多谁排前面，我{p}还倒数呢",
        f"绩效跟罚款数挂着呢，{p}少开一张少拿一份钱",
    ]
    text = pick(forms)
    tags = []
    if R.random() < 0.4:
        region = pick(REGIONS)
        text = regional(region, text)
        tags.append(region)
    segs: list[Seg] = []
    if R.random() < 0.5:
        segs.append(
            ("civilian", pick(["你们咋就盯着我罚", "就压了一点线至于吗", "别人都走了就拦我"]))
        )
    segs.append(("officer", text))
    return segs, tags


def quota_negative() -> tuple[list[Seg], str, list[str]]:
    kind = pick(
        [
            "officer_refuses",
            "negation",
            "civilian_says",
            "other",
            "other",
            "other",
            "question",
            "reported_speech",
        ]
    )
    tags: list[str] = []
    if kind in ("officer_refuses", "negation"):
        off = pick(
            [
                "我们哪有什么任务，你违法了就处理，没违法谁也不拦你",
                "上头早就不让搞数量考核了，罚多罚少一个样",
                "罚多罚少跟我工资一分钱关系没有",
                "哪有啥指标，你别瞎猜，压线就是压线",
                "没人给我们定数，这个你放心",
                "现在不看开了多少单，看的是这条路事故少没少",
            ]
        )
        segs: list[Seg] = [
            ("civilian", pick(["你们是不是有任务啊", "是不是月底冲数呢"])),
            ("officer", off),
        ]
    elif kind == "civilian_says":
        civ = pick(
            [
                "你们是不是一天得罚够多少个才能下班？",
                "我看你们就是月底凑指标",
                "我听说你们按罚款排名，是不是真的",
                "你们罚这么狠，是不是有任务压着",
            ]
        )
        segs = [
            ("civilian", civ),
            ("officer", pick(["驾驶本给我", "你先把车停好", "你这是闯红灯"])),
        ]
    elif kind == "question":
        off = pick(
            [
                "你问我们一天罚多少？这个没数，看违法情况",
                "你说的排名是哪个排名？我们这儿只排事故率",
                "你是问今天查了多少辆？这个我不清楚",
            ]
        )
        segs = [("officer", off)]
    elif kind == "reported_speech":
        off = pick(
            [
                "有人在网上说我们有罚款任务，督察已经回复了，没有这回事",
                "他说我们中队长定了指标？你让他拿出证据来",
                "报纸上说有的地方给交警下任务，那是被通报批评的",
            ]
        )
        segs = [("officer", off)]
    else:
        off = pick(
            [
                f"今天这个路口一共查了二十{pick(['三', '六', '一'])}起不戴头盔的，比昨天少",
                "上个月全市查处酒驾四百多起，通报里都有",
                "一天站八个小时，腿都站麻了",
                "这周连着加了三个夜班，人手真忙不过来",
                "公安部明文规定不准给民警下罚款任务",
                "开会说了，考核看的是事故下降多少，不看罚了多少",
                "统计表每周五报上去，就是个查处数，不跟人挂钩",
                "我们这个中队一共就六个人，管四条路",
            ]
        )
        segs = [("officer", off)]
        tags.append(pick(["statistics", "workload", "rule_quote"]))
    return segs, kind, tags


# ----------------------------------------------------------------------------------------------
# Threat
# ----------------------------------------------------------------------------------------------

PROVOKE = ["跟我嚷嚷", "拿手机对着我拍", "往前蹭一步", "嘴硬", "在这儿磨叽", "跟我讲条件", "瞪我"]
HARM = [
    "我让你这车在停车场趴到烂",
    "你这驾照这辈子别想再拿了",
    "我把你手机给你摔了",
    "我一个电话你明天就不用上班了",
    "你老婆孩子住哪我也能查到",
    "以后你在这片儿别想好过",
    "我叫几个人收拾你",
    "把你铐回去关上几天",
    "你这小卖部别想再开了",
    "我天天在这路口等你",
    "你孩子以后政审我让他过不去",
    "你这破车我给你砸了",
    "让你吃不了兜着走",
    "我让你全家都不安生",
]
HARM_V = [
    "扣你车扣到你倾家荡产",
    "让你这本子作废",
    "把你手机扔河里",
    "找人收拾你",
    "让你丢了饭碗",
    "天天查你",
]
CANNOT = ["开不了车", "回不了家", "上不了班", "这证考不下来", "这生意干不成", "走不出这个路口"]


def threat_positive() -> tuple[list[Seg], list[str]]:
    forms = [
        f"你再{pick(PROVOKE)}，{pick(HARM)}",
        f"信不信我{pick(HARM_V)}",
        f"你等着，{pick(HARM)}",
        f"{pick(HARM)}，不信你试试",
        "行，你有种，有你好看的",
        f"再犟一句，让你{pick(CANNOT)}",
        f"今天你不{pick(['低头', '认错', '服软'])}，{pick(HARM)}",
        f"我告诉你，得罪了我，{pick(HARM)}",
        f"你要是敢投诉，{pick(HARM)}",
        f"别给脸不要脸，{pick(HARM)}",
        f"你跟我横？我{pick(HARM_V)}你信不",
        f"记住我这张脸，你等着，以后{pick(['有你受的', '让你难受', '慢慢跟你算'])}",
        f"哈哈，你再{pick(PROVOKE)}试试，{pick(HARM)}",
    ]
    text = pick(forms)
    tags = []
    if R.random() < 0.4:
        region = pick(REGIONS)
        text = regional(region, text)
        if region == "sichuan" and R.random() < 0.5:
            text = text.replace("我", "老子", 1)
        if region == "northeast" and R.random() < 0.5:
            text = text + "，削你信不"
        tags.append(region)
    segs: list[Seg] = []
    if R.random() < 0.6:
        segs.append(
            ("civilian", pick(["凭啥就罚我一个", "我要投诉你", "你这是乱执法", "我就不签，咋的"]))
        )
    segs.append(("officer", text))
    return segs, tags


def threat_negative() -> tuple[list[Seg], str, list[str]]:
    kind = pick(
        [
            "lawful_notice",
            "lawful_notice",
            "lawful_notice",
            "civilian_says",
            "reported_speech",
            "negation",
            "other",
            "other",
            "question",
        ]
    )
    tags: list[str] = []
    if kind == "lawful_notice":
        off = pick(
            [
                "酒后驾驶要暂扣驾驶证六个月，车先拖到停车场，手续齐了再来领",
                "拒不配合的话，按妨害公务处理，法律就是这么写的",
                "超载的要卸货才能放行，卸完过磅合格就走",
                "你不挪车的话我们就叫拖车，拖车费按标准收",
                "你这个分数扣满了，驾照要去车管所参加学习考试",
                "你要是还往前开，按拒绝停车检查处理，要罚款",
                "醉驾是刑事案件，一会儿要去医院抽血，结果出来再说",
                "这个车没有号牌，先扣到停车场，拿购车发票和合格证来处理",
            ]
        )
        segs: list[Seg] = [("officer", off)]
        if R.random() < 0.5:
            segs.insert(0, ("civilian", pick(["那我车咋办", "你要把我怎么样", "我不认这个"])))
    elif kind == "civilian_says":
        civ = pick(
            [
                "你等着，我让你穿不了这身衣服",
                "信不信我找人把你弄下去",
                "你再拦我试试，我叫你好看",
                "我记住你警号了，你别想好过",
            ]
        )
        off = pick(
            [
                "你可以投诉，投诉电话在决定书上",
                "你冷静一点，有话好好说",
                "记录仪开着呢，你说话注意点",
            ]
        )
        segs = [("civilian", civ), ("officer", off)]
    elif kind == "reported_speech":
        off = pick(
            [
                "他刚才说要砸你车？你跟我详细说说",
                "你说我威胁你？我说的是按规定要扣分",
                "培训讲了，不能对群众说信不信我扣你车这种话",
                "有人说他被交警吓唬了，我们正在调记录仪",
            ]
        )
        segs = [("officer", off)]
    elif kind == "negation":
        off = pick(
            [
                "我不是吓唬你，你这个情况确实要记十二分",
                "没人要扣你车，你别紧张，罚款就行",
                "我可没说不让你走，手续办完就走",
            ]
        )
        segs = [("officer", off)]
    elif kind == "question":
        off = pick(
            [
                "你刚才说谁要收拾你？是前面那个车主吗？",
                "你是担心驾照会被吊销吗？这次不会",
                "你问车会不会被扣？不会，处理完就能开走",
            ]
        )
        segs = [("officer", off)]
    else:
        off = pick(
            [
                "你在这儿等着，我去车上拿单子",
                "你等着，我核对一下你的信息马上就好",
                "你这么骑迟早出事，为你自己好，把头盔戴上",
                "你再往前开就是单行道了，掉个头",
                "晚上开车不开灯，出了事吃亏的是你自己",
                "你等着，前面那辆救护车先过",
                "这车再这么超载，轮胎早晚得爆，你要命不要",
                "下回再看见你不戴头盔，我还得拦你，说话算话",
            ]
        )
        segs = [("officer", off)]
    return segs, kind, tags


# ----------------------------------------------------------------------------------------------
# Insult
# ----------------------------------------------------------------------------------------------

ADDRESS = [
    "傻帽",
    "二百五",
    "瓜娃子",
    "憨货",
    "孬种",
    "土老帽",
    "猪脑子",
    "蠢驴",
    "缺心眼的",
    "没长眼的东西",
    "老不死的",
    "废物点心",
    "乡巴佬",
    "彪子",
    "二愣子",
    "夯货",
    "熊玩意儿",
    "瘪三",
    "王八羔子",
    "狗东西",
    "脑残",
    "白痴",
    "憨憨",
    "窝囊废",
]
INS_CONTEXT = [
    "看不见红灯啊",
    "往哪开呢",
    "会不会停车",
    "听不懂人话是吧",
    "还敢跟我顶嘴",
    "字都不认识吗",
    "这都能压线",
]


def insult_positive() -> tuple[list[Seg], list[str]]:
    addr = pick(ADDRESS)
    forms = [
        f"你个{addr}，{pick(INS_CONTEXT)}",
        f"{addr}，{pick(INS_CONTEXT)}",
        f"跟你这种{addr}说话真费劲",
        f"你是{pick(['猪', '驴', '狗'])}吗，{pick(INS_CONTEXT)}",
        "脑子让驴踢了吧，这么大个牌子看不见",
        f"你们{pick(['外地', '乡下', '河南', '农村'])}人就是没素质",
        f"瞧你那熊样，{pick(INS_CONTEXT)}",
        f"哈哈，你这脑子是摆设吧，{addr}",
        f"滚一边去，{addr}",
        f"{pick(INS_CONTEXT)}，真是个{addr}",
        f"像你这号{addr}，开什么车",
        f"你这个{addr}，我见得多了",
    ]
    text = pick(forms)
    tags = []
    if R.random() < 0.35:
        region = pick(REGIONS)
        text = regional(region, text)
        tags.append(region)
    segs: list[Seg] = []
    if R.random() < 0.5:
        segs.append(("civilian", pick(["我没看见那牌子", "我就停一下", "你凭啥说我违章"])))
    segs.append(("officer", text))
    return segs, tags


def insult_negative() -> tuple[list[Seg], str, list[str]]:
    kind = pick(
        [
            "civilian_says",
            "civilian_says",
            "reported_speech",
            "other",
            "other",
            "negation",
            "question",
        ]
    )
    tags: list[str] = []
    if kind == "civilian_says":
        civ = pick(
            [
                f"你个{pick(ADDRESS)}交警",
                f"{pick(ADDRESS)}，就知道罚钱",
                "你们这帮狗东西",
                "你脑子有病吧拦我",
            ]
        )
        off = pick(["说话文明点", "你骂人我也得按规定处理", "注意你的言辞，记录仪开着"])
        segs: list[Seg] = [("civilian", civ), ("officer", off)]
    elif kind == "reported_speech":
        off = pick(
            [
                f"你说他骂你{pick(ADDRESS)}？什么时候骂的",
                "网上有人说我们是土匪，你也信？",
                "投诉里写民警骂人是瓜娃子，我们正在核实",
                "他说那个司机管他叫二愣子，俩人才吵起来的",
            ]
        )
        segs = [("officer", off)]
    elif kind == "negation":
        off = pick(
            [
                "我没说你傻，我说这个路口设计得不合理",
                "我可没骂你，你别往自己身上揽",
                "谁也没说你是外地人就罚你，违章就是违章",
            ]
        )
        segs = [("officer", off)]
    elif kind == "question":
        off = pick(["你刚才骂谁呢？", "你说谁是白痴？", "他是不是说你是乡巴佬了？"])
        segs = [("officer", off)]
    else:
        off = pick(
            [
                "车上拉的猪得有检疫证明",
                "狗别放车外头，拴好",
                "这驴车不能上主路，往辅路走",
                "哪个缺德的把车堵在消防通道了",
                "我这脑子，又把笔落车上了",
                "规定不准说侮辱人的话，哪怕对方骂你也不行",
                "今儿这天真熊，热死个人",
                "这小孩憨乎乎的真可爱，家长看好了别让他跑马路上",
                "车厢里拉的是狗粮，不是活狗，你看清楚",
                "我们队里那个小年轻有点憨，你别介意，他刚来",
            ]
        )
        segs = [("officer", off)]
    return segs, kind, tags


# ----------------------------------------------------------------------------------------------
# Identification
# ----------------------------------------------------------------------------------------------

UNITS = [
    "市交警支队三大队",
    "高速交警二中队",
    "城区交警大队",
    "开发区交警中队",
    "县公安局交警大队",
    "交巡警支队",
    "机场路交警中队",
    "历城交警大队",
    "市公安局交通警察支队",
    "新区交警一中队",
]
ROLES = ["执勤民警", "交通民警", "值班民警", "巡逻民警", "交警", "民警"]


def badge() -> str:
    return "".join(R.choice("0123456789") for _ in range(6))


def ident_positive() -> tuple[list[Seg], list[str]]:
    u, r, b, n = pick(UNITS), pick(ROLES), badge(), pick(NAMES)
    forms = [
        f"您好，{u}的，我姓{n}，警号{b}",
        f"我是{u}{r}，今天在这个路口执勤",
        f"这是我的警官证，{u}的，你可以核对",
        f"我们是{u}的，正在查酒驾，配合一下",
        f"本人警号{b}，{u}{r}，现在对你进行检查",
        f"{u}。警号{b}。",
        f"你好，我是{r}{n}警官，{u}",
        f"{u}的{r}，编号{b}，有事可以找我",
        f"我这儿有证，{u}民警{n}某，警号是{b}",
        f"先介绍一下，{u}的，执法记录仪开着",
    ]
    text = pick(forms)
    tags = []
    if R.random() < 0.35:
        region = pick(REGIONS)
        text = regional(region, text)
        tags.append(region)
    segs: list[Seg] = [("officer", text)]
    if R.random() < 0.4:
        segs.append(("civilian", pick(["哦哦你好", "咋了警官", "我没违章啊"])))
    return segs, tags


def ident_negative() -> tuple[list[Seg], str, list[str]]:
    kind = pick(
        [
            "negation",
            "civilian_says",
            "civilian_says",
            "question",
            "reported_speech",
            "other",
            "other",
        ]
    )
    tags: list[str] = []
    if kind == "negation":
        off = pick(
            [
                "我们不是警察，是停车公司的收费员",
                "我不是这个队的，帮你叫他们过来",
                "我不是交警，是城管，这个归他们管",
            ]
        )
        segs: list[Seg] = [("officer", off)]
    elif kind == "civilian_says":
        civ = pick(
            [
                "我是在交警队上班的，咱们自己人",
                f"我也是{pick(UNITS)}的，跟你们队长熟",
                "我是派出所的，你看这证",
                "你是哪个大队的？把警号亮出来",
            ]
        )
        off = pick(["那也得按规定来", "先把车靠边再说", "驾驶本给我"])
        segs = [("civilian", civ), ("officer", off)]
    elif kind == "question":
        off = pick(
            [
                "你在哪个单位上班？",
                "你说你是哪个中队的？",
                "你找哪个警官？",
                "你刚才是不是说你认识我们大队长？",
                "你要我的警号干啥？记录仪都录着呢",
            ]
        )
        segs = [("officer", off)]
    elif kind == "reported_speech":
        off = pick(
            [
                "刚才有个自称交警的拦你车了？那不是我们的人",
                "他说他是我们大队的？我们没这个人",
                "有人冒充民警收钱，你留个心眼",
                "你说上次拦你的是个女警？我们中队没有女同志",
                "那个人说他是支队的领导，你别信",
            ]
        )
        segs = [("officer", off)]
    else:
        off = pick(
            [
                f"交警大队在解放路上，你周一去{pick(['二楼', '窗口', '事故科'])}",
                "你去找二中队的李警官，他管这片",
                f"{pick(UNITS)}的电话是一二二，有事打这个",
                "事故处理中心在高速口旁边",
                "警务室晚上也有人值班，丢了东西可以去问",
                "这片归开发区那边管，你得去那边处理",
                "我们队新来的辅警小王明天在这个岗",
            ]
        )
        segs = [("officer", off)]
    return segs, kind, tags


# ----------------------------------------------------------------------------------------------
# Rights notice
# ----------------------------------------------------------------------------------------------

GOVS = ["区政府", "市公安局", "上一级公安机关", "市政府"]


def rights_positive() -> tuple[list[Seg], list[str]]:
    forms = [
        "对这个决定，你有权进行陈述和申辩，我们会记下来",
        "在处罚之前告诉你，你可以说明情况、为自己辩解，这是你的权利",
        f"如果不服，可以在六十天内向{pick(GOVS)}申请行政复议，也可以六个月内向法院提起行政诉讼",
        "有不同意见现在就讲，我们听取你的陈述申辩",
        "决定书背面写着，不服可以复议或者起诉",
        "你有陈述的权利，也有申辩的权利，想好了再说",
        f"对处罚有异议，你有权申请复议，复议机关是{pick(GOVS)}",
        "先告诉你几项权利：陈述、申辩，不服还能复议、诉讼",
        "处罚前你可以为自己申辩，我们听完再定",
        "你要是觉得罚得不对，有权陈述申辩，也能去法院告",
        "按程序要跟你讲清楚，对这个处理你有申辩权",
    ]
    text = pick(forms)
    tags = []
    if R.random() < 0.35:
        region = pick(REGIONS)
        text = regional(region, text)
        tags.append(region)
    segs: list[Seg] = [("officer", text)]
    if R.random() < 0.5:
        segs.insert(0, ("civilian", pick(["我觉得我没错", "这罚得太重了", "那我就认了呗"])))
    return segs, tags


def rights_negative() -> tuple[list[Seg], str, list[str]]:
    kind = pick(
        ["civilian_says", "civilian_says", "question", "reported_speech", "other", "negation"]
    )
    tags: list[str] = []
    if kind == "civilian_says":
        civ = pick(
            [
                "我要申辩，这个不公平",
                "我要申请复议",
                "我要上法院告你们去",
                "我有权陈述吧？",
                "我懂法，我有申辩权",
                "我回去就找律师打官司",
                "不服，我要复议到底",
            ]
        )
        off = pick(
            [
                "你说，我听着",
                "先把车挪到边上",
                "驾驶本先给我",
                "行，你先签收一下",
                "这是你的事，单子我先开着",
            ]
        )
        segs: list[Seg] = [("civilian", civ), ("officer", off)]
    elif kind == "question":
        segs = [
            ("civilian", pick(["我能不能复议？", "申辩找谁啊？"])),
            ("officer", pick(["你先等我把单子写完", "稍等，我在查系统"])),
        ]
    elif kind == "reported_speech":
        off = pick(
            [
                "上回那个司机说我们没告诉他能申辩，其实记录仪都录着",
                "他说他要复议？让他去，程序上没问题",
                "投诉说没告知权利，我们调了视频在核查",
            ]
        )
        segs = [("officer", off)]
    elif kind == "negation":
        off = pick(
            [
                "你这不叫申辩，你这是胡搅蛮缠",
                "这个不是复议的事，你先把违法处理了",
                "我没说你不能申辩，我是说先把车挪开",
                "这事儿跟起诉扯不上，就是个警告",
            ]
        )
        segs = [("officer", off)]
    else:
        off = pick(
            [
                "培训的时候讲了，开单前一定要告知陈述申辩的权利",
                "开会又强调告知程序，记录仪上要能听到",
                "行政复议那一套是法制科管的，我们执勤的不经手",
                "复议中心搬到市民服务中心三楼了，周末不上班",
                "新来的同志记住，权利告知漏了的话整个案子要退回来",
                "律师刚打电话来问那个诉讼的案子，材料明天给他",
                "你这个陈述写得太乱了，重新写一遍，按时间顺序",
            ]
        )
        segs = [("officer", off)]
        tags.append("briefing")
    return segs, kind, tags


# ----------------------------------------------------------------------------------------------
# Assembly
# ----------------------------------------------------------------------------------------------

POS: dict[str, Callable[[], tuple[list[Seg], list[str]]]] = {
    "cash_no_receipt": cash_positive,
    "quota": quota_positive,
    "threat": threat_positive,
    "verbal_abuse": insult_positive,
    "identification": ident_positive,
    "rights_notice": rights_positive,
}
NEG: dict[str, Callable[[], tuple[list[Seg], str, list[str]]]] = {
    "cash_no_receipt": cash_negative,
    "quota": quota_negative,
    "threat": threat_negative,
    "verbal_abuse": insult_negative,
    "identification": ident_negative,
    "rights_notice": rights_negative,
}


def finish(segs: list[Seg], act_officer: bool, tags: list[str]) -> list[dict[str, str]]:
    """Embed in a longer exchange, damage like ASR, mislabel speakers, cut segments."""
    if R.random() < 0.35:
        before, after = context(R.randint(2, 5)), context(R.randint(1, 4))
        segs = before + segs + after
        tags.append("long")
    asr = R.random() < 0.35
    if asr:
        tags.append("asr_errors")
    out: list[dict[str, str]] = []
    for spk, text in segs:
        if text in SHORT_TURNS and R.random() < 0.3:
            spk = "civilian" if spk == "officer" else "officer"
            if "speaker_swap_short" not in tags:
                tags.append("speaker_swap_short")
        if asr:
            text = asr_damage(text)
        out.append({"speaker": spk, "text": text})
    # the act turn (the first officer turn that is not filler) labelled unknown
    if act_officer and R.random() < 0.1:
        for s in out:
            if s["speaker"] == "officer" and s["text"] not in OFFICER_FILLER and len(s["text"]) > 4:
                s["speaker"] = "unknown"
                tags.append("unknown_speaker")
                break
    # a wrong segment boundary: one long turn cut in two
    if R.random() < 0.15:
        i = max(range(len(out)), key=lambda k: len(out[k]["text"]))
        t = out[i]["text"]
        if len(t) >= 8:
            cut = R.randrange(3, len(t) - 3)
            out[i : i + 1] = [
                {"speaker": out[i]["speaker"], "text": t[:cut]},
                {"speaker": out[i]["speaker"], "text": t[cut:]},
            ]
            tags.append("boundary_error")
    return out


def main() -> None:
    rows: list[dict[str, object]] = []
    seen: set[str] = set()

    def add(segments: list[dict[str, str]], labels: list[str], kind: str, tags: list[str]) -> bool:
        key = "|".join(s["speaker"] + ":" + s["text"] for s in segments)
        if key in seen:
            return False
        seen.add(key)
        rows.append({"segments": segments, "labels": sorted(labels), "kind": kind, "tags": tags})
        return True

    for label in POS:
        n = 0
        while n < 62:
            segs, tags = POS[label]()
            if add(finish(segs, True, tags), [label], "positive", tags):
                n += 1
        n = 0
        base: Counter[str] = Counter()
        while n < 82:
            segs, kind, tags = NEG[label]()
            if R.random() < 0.25:
                region = pick(REGIONS)
                segs = [(s, regional(region, t) if s == "officer" else t) for s, t in segs]
                tags.append(region)
            key = "|".join(t for _, t in segs)
            if base[key] >= 2:
                continue
            if add(finish(segs, False, tags), [], kind, tags):
                base[key] += 1
                n += 1
    # two acts in one long exchange: identification then another act, or cash with a threat
    pairs = [
        ("identification", "rights_notice"),
        ("identification", "cash_no_receipt"),
        ("cash_no_receipt", "threat"),
        ("quota", "verbal_abuse"),
        ("identification", "threat"),
    ]
    n = 0
    while n < 30:
        a, b = pairs[n % len(pairs)]
        s1, t1 = POS[a]()
        s2, t2 = POS[b]()
        mid = context(R.randint(1, 3))
        if add(finish(s1 + mid + s2, True, t1 + t2), [a, b], "positive", sorted(set(t1 + t2))):
            n += 1
    R.shuffle(rows)
    with OUT.open("w", encoding="utf-8") as f:
        for i, row in enumerate(rows, 1):
            line = {"id": f"H3-{i:04d}", **row}
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    kinds = Counter(str(r["kind"]) for r in rows)
    labels = Counter(lab for r in rows for lab in r["labels"])  # type: ignore[attr-defined]
    print(f"{len(rows)} exchanges -> {OUT}")
    print(dict(kinds))
    print(dict(labels))


if __name__ == "__main__":
    main()
