"""生成 jiancha 执法语音留出语料第四份（H4-）。

作者独立编写，没有参考项目的词表、框架或既有语料；写法偏向街头长对话：填充词、打断、多轮、方言、ASR 损伤。
用法：python3 make_heldout4.py [输出路径]  （项目内：python3 scripts/make_heldout4.py analyzers/corpus/heldout4.jsonl；种子固定，可复现）

标签只记民警（交警/辅警）本人的行为。每条难负例都刻意贴近某个标签的字面，但按 FORMAT.md 不应打标。
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = 20261202
LABELS = ("cash_no_receipt", "quota", "verbal_abuse", "threat", "identification", "rights_notice")
KINDS = ("positive", "civilian_says", "officer_refuses", "negation", "lawful_notice", "question", "reported_speech", "other")
BANNED = ("请出示驾驶证", "可以陈述申辩", "我们不收现金", "也可以申请复议", "依法扣留车辆", "说了多少遍了", "这是处罚决定书")

R = random.Random(SEED)


def pick(xs):
    return R.choice(xs)


# ---------------------------------------------------------------- 槽位填充词
AMT = ["两百", "200", "二百块", "一百五", "150块", "三百", "300块", "五百", "500", "一百", "100块钱", "两张红的",
       "一张红票子", "八十", "50块", "四百块", "二百五十块", "两百块钱", "一百块"]
PAY = ["现金", "微信转我", "支付宝转我", "扫我这个码", "发个红包给我", "直接给我", "转账给我", "塞我兜里", "微信上发我"]
EVADE = ["票就不开了", "单子就不开了", "分就不扣了", "我就当没看见", "不给你录系统", "这事就算了", "不走程序了",
         "罚单就免了", "我不记你", "记录就不往上传了", "收据就不用了", "咱俩就当没见过", "我睁一只眼闭一只眼"]
PTS = ["三", "6", "六", "十二", "3", "九"]
NCOUNT = ["二十张", "30张", "五十单", "四十个", "15张", "一百张", "八十单", "25张", "十张"]
PERIOD = ["这个月", "这礼拜", "今天", "一天", "每个星期", "这个季度", "一个班", "月底前", "这半个月", "每个月"]
MONEY = ["三万", "2万块", "五千块", "一万五", "8000", "十万", "四万块钱"]
INSULT = ["蠢货", "傻子", "废物", "猪脑子", "脑残", "二百五", "白痴", "神经病", "瘪三", "土鳖", "憨货", "傻帽", "笨蛋",
          "缺心眼的", "瞎眼的", "没素质的东西", "狗东西", "瓜娃子", "憨批", "彪子", "山炮", "扑街", "痴线", "窝囊废",
          "二愣子", "棒槌", "死老赖", "乡巴佬", "败家玩意儿", "没脑子的"]
HARM = ["把你车扣一个月", "把你驾照吊了", "把你手机砸了", "把你铐回去", "让你进去待几天", "让你工作都保不住",
        "让你这车再也上不了路", "找你单位领导去", "让你家里人也不得安生", "让你以后天天被查", "把你分扣光",
        "让你吃不了兜着走", "让你好看", "让你在这片混不下去", "把你手机没收了", "让你孩子政审都过不去",
        "让你车在停车场烂掉", "给你弄个妨碍公务"]
PROV = ["录", "嚷嚷", "顶嘴", "往前开一步", "拍我", "跟我犟", "动一下", "啰嗦", "打电话叫人", "不签字"]
CITY = ["济南", "菏泽", "淄博", "郑州", "洛阳", "哈尔滨", "长春", "成都", "绵阳", "佛山", "临沂", "潍坊", "沈阳"]
DIST = ["高新区", "历下", "城东", "开发区", "二七", "南岗", "武侯", "禅城", "牡丹区", "张店", "兰山", "经开区"]
ROLE = ["民警", "交警", "执勤民警", "中队长", "铁骑队员", "值班民警", "带班民警"]
NAME = ["王", "李", "张", "刘", "陈", "赵", "孙", "周", "吴", "郑", "马", "高"]
BODY = ["市公安局", "市人民政府", "上一级公安机关", "区人民政府", "本级人民政府"]

FILLERS = ["那个，", "就是说，", "嗯，", "啊，", "哎，", "这个，", "你看，", "我跟你说，", "怎么说呢，", "嗯嗯，",
           "那啥，", "就，就是，", "呃，", "我跟你讲啊，"]


def unit():
    return pick([
        f"{pick(CITY)}市公安局交警支队{pick(DIST)}大队",
        f"交警{pick(DIST)}大队{pick(['一', '二', '三', '四', '5'])}中队",
        f"高速交警{pick(['一', '二', '3', '四'])}大队",
        f"{pick(CITY)}交警支队直属大队",
        f"{pick(DIST)}交警大队",
        f"{pick(CITY)}公安交警{pick(DIST)}中队",
    ])


def num():
    n = "".join(pick("0123456789") for _ in range(6))
    return n if R.random() < 0.6 else "".join("零一二三四五六七八九"[int(c)] for c in n)


def fill(t):
    """把框架里的槽位换成随机填充词。"""
    rep = {
        "{amt}": lambda: pick(AMT), "{pay}": lambda: pick(PAY), "{evade}": lambda: pick(EVADE),
        "{pts}": lambda: pick(PTS), "{n}": lambda: pick(NCOUNT), "{period}": lambda: pick(PERIOD),
        "{money}": lambda: pick(MONEY), "{insult}": lambda: pick(INSULT), "{harm}": lambda: pick(HARM),
        "{prov}": lambda: pick(PROV), "{unit}": unit, "{num}": num, "{role}": lambda: pick(ROLE),
        "{name}": lambda: pick(NAME), "{body}": lambda: pick(BODY), "{dist}": lambda: pick(DIST),
        "{k}": lambda: pick(["三", "5", "七", "两", "10"]),
    }
    for k, f in rep.items():
        while k in t:
            t = t.replace(k, f(), 1)
    return t


# ---------------------------------------------------------------- 各标签的民警说法框架（每类 ≥25）
ACT = {
    "cash_no_receipt": [
        "{amt}，{pay}，{evade}", "这样吧，你拿{amt}出来，{evade}", "{evade}，你意思意思，{amt}就行",
        "罚单开了你得扣{pts}分，你要是{pay}{amt}，这事就过去了", "我也不想为难你，{amt}{pay}，咱俩就当没见过",
        "扫我这个码，{amt}，{evade}", "你看着办吧，懂点事，{amt}，{evade}", "私了吧，{amt}，省得你跑银行",
        "现金有没有？有的话{amt}给我，票就不开了", "你加我微信，转{amt}，回头把你那条记录给你消了",
        "给个红包，{amt}，这事我睁一只眼闭一只眼", "走系统要扣分罚款，不走系统的话{amt}，你自己选",
        "{amt}放这儿，车开走，记录仪我这边没开", "你把钱塞我兜里，{amt}，别让人看见",
        "交银行多麻烦，直接给我{amt}，收据就不用了", "你这个情况少说扣{pts}分，给{amt}我就不录入了",
        "兄弟，烟钱总得给点吧，{amt}，{evade}", "这样，你给{amt}，我把这单子撕了",
        "你支付宝转这个号上，{amt}，备注啥也别写", "没现金？那边有个小卖部能取，{amt}，我等你，票不开",
        "{amt}，喝茶的钱，懂吧，别的我不管", "要不这样，罚款{amt}你直接给我，不用开票也不扣分",
        "给{amt}我让你走，没单子，下回注意就行", "这事可大可小，{amt}的事，你自己掂量，{evade}",
        "把我这二维码扫了，{amt}，不扣分", "你要不想麻烦，{pay}{amt}，这边就算完事",
        "车里有钱没有，{amt}往座位底下一放，你走你的",
    ],
    "quota": [
        "{period}还差{n}，你这正好撞上了", "队里给我们定了任务，{period}得开够{n}",
        "没办法，上面压下来的，{period}{n}，开不够扣绩效", "{period}罚款得凑够{money}，不然我们中队排名垫底",
        "我们这排名是按罚单数排的，我现在倒数第二", "你以为我想罚啊，一个人{period}{n}，少一张都不行",
        "领导说了，{period}谁罚不到{money}谁写检查", "月底了嘛，数还没完成，你就当配合我一下",
        "我们这每周都要报数，{n}是底线", "这个月考核看罚单量，我还差一大截呢",
        "大队里有张榜，谁开得多谁在前头，我这个月排后面", "任务摊到每个人头上，{period}{n}",
        "上头给的指标是{period}{money}，我们中队就差这一点了", "不开罚单我奖金就没了，{period}要{n}",
        "我也是完成任务，{period}必须{n}，你理解一下", "罚够数我就收工了，还差{k}张",
        "你这算我今天第几单了，离{n}还远着呢", "科长下的死命令，{period}现场加非现场一共{n}",
        "跟你说实话，这就是冲量，{period}的量不够", "按单子数发奖金，{period}不到{n}就一分没有",
        "全大队排名，我们中队上个月倒数，这个月得翻一番", "这周的量压得紧，{n}，一张都不能少",
        "分到我们组头上是{money}，{period}交差", "别跟我磨了，{period}的票数我得凑齐",
        "上边考核罚款额，一个人{period}{money}", "我们有硬杠杠，{period}{n}，完不成要通报",
        "开够{n}才能换班，你看我这本子还剩多少",
    ],
    "verbal_abuse": [
        "你是不是{insult}啊", "{insult}，这么宽的道你往哪开", "你个{insult}，听不懂人话是吧",
        "瞅你那样，{insult}一个", "跟你这种{insult}说话真费劲", "滚一边去，{insult}",
        "你脑子里装的都是浆糊吧，{insult}", "开个车跟{insult}似的", "我看你就是个{insult}",
        "{insult}，红灯看不见？", "什么玩意儿，{insult}", "你妈没教你过马路看灯啊，{insult}",
        "你瞎啊？长眼睛干啥用的", "就你这{insult}还开车", "闭嘴吧你个{insult}",
        "真是{insult}，讲几遍都不懂", "一看就是{insult}，乡下来的吧", "别跟我嚷嚷，{insult}",
        "你这种{insult}我见多了", "像你这样的{insult}，活该挨罚", "你个老东西，{insult}",
        "德行，{insult}", "哎呦这位{insult}，还挺横", "你耳朵聋啊，{insult}", "猪都比你会开车",
        "你是没脑子还是没长眼", "下来下来，{insult}，别在车里装死",
    ],
    "threat": [
        "信不信我{harm}", "你再{prov}，我就{harm}", "你要是敢{prov}，我{harm}", "把手机放下，不然{harm}",
        "别录了，再录我{harm}", "不签是吧？行，我{harm}", "你今天不配合，我保证{harm}",
        "你跟我横？我{harm}，你试试", "老实点，否则{harm}", "再多说一句，我{harm}",
        "你记住了，你这车牌我记下了，以后见一回查一回", "敢投诉我？投诉完我{harm}",
        "你这驾照想不想要了？想要就闭嘴", "我知道你在哪上班，到时候{harm}",
        "今天你不给我个说法，我{harm}", "赶紧走，不走我{harm}", "你闹，接着闹，闹完了我{harm}",
        "我一个电话就能{harm}", "你再顶嘴试试，我{harm}", "有本事你别走，我{harm}",
        "把手机交出来，不交我{harm}", "你要不服，我就天天在你家门口查你",
        "你儿子不是在前面那个学校上学吗，你自己想清楚", "不想蹲号子就老实把字签了",
        "这事你要闹大了，这辈子都别想再开车", "动我一下试试，我{harm}",
    ],
    "identification": [
        "你好，我是{unit}的{role}，警号{num}", "我们是{unit}的，正在执勤", "我是这个路口执勤的{role}，{unit}的",
        "我警号{num}，{unit}，有啥问题你可以查", "这是我的警官证，{unit}{role}，姓{name}",
        "同志你好，{unit}，今天这边查酒驾", "我是辅警，配合{unit}的民警执勤",
        "你看一下我胸前这个号，{num}，我是{unit}的", "我姓{name}，{unit}的{role}",
        "{unit}{role}，现在对你的车进行检查", "不用紧张，我们是{unit}的，例行检查",
        "记录仪开着的，我是{unit}的{role}，编号{num}", "我们交警{dist}大队的，你这车停的位置不对",
        "你要核实身份可以打一二二，我是{unit}的，警号{num}", "我是负责这一片的{role}，{unit}",
        "先说明一下，我们是{unit}的，执法全程录像", "这是我们{unit}，我是带班的{role}",
        "警号{num}，你记一下，{unit}", "老乡，我是{unit}的，跟你说个事", "我们{unit}今天在这设卡检查",
        "我是{role}老{name}，{unit}的，这是我的证件", "你好，交警，{unit}的，麻烦把车熄火",
        "我们是{unit}的铁骑，刚才跟了你一路", "自我介绍一下，{unit}{role}，编号{num}",
        "我是{unit}的辅警，编号{num}，民警在那边车上",
    ],
    "rights_notice": [
        "对这个处罚你有权陈述和申辩，有啥要说的现在就讲", "你有陈述、申辩的权利，你说，我们听着",
        "如果不服，六十天内能申请行政复议，六个月内能提起行政诉讼", "你对处罚有意见的话，有权提出申辩，我们记录在案",
        "告知你一下，你享有陈述权和申辩权", "不服的话，能向{body}申请复议，或者直接到法院起诉",
        "决定书背面写着，对处罚不服能复议也能诉讼", "你要申辩的话，说你的理由，我给你记上",
        "依法告知你：你有权陈述申辩，有权申请行政复议或者提起行政诉讼",
        "有什么不同意见，你现在就能陈述，我们会听取", "你的申辩意见我会写进笔录里，这是你的权利",
        "不认可这个处罚，你有权在六十日内申请复议", "你有权利为自己辩解，说吧，我听着",
        "告诉你啊，对这个决定不服你能去{body}复议，也能去法院打官司",
        "按规定得跟你讲清楚，你有陈述和申辩的权利", "你要是觉得冤，你有权申辩，我们回去复核",
        "这个处罚你能提出陈述申辩意见", "如果对决定有异议，你能依法申请行政复议或者提起行政诉讼",
        "在我开单之前，你有什么要陈述的、要申辩的，都能说", "你有权申辩，也有权要求复核",
        "我先告知你权利，陈述、申辩，这两个你都有", "处罚决定你有异议的，行政诉讼这条路也是有的",
        "你的陈述申辩权利我跟你讲一下，要不要申辩？", "这个你要不服，复议、诉讼都行，单子上写着去哪",
        "按程序告诉你，你能为自己陈述，也能申辩",
    ],
}

# 分在两轮里说的行为：(民警前半句, 平民插话, 民警后半句)
SPLIT = {
    "cash_no_receipt": [
        ("这样吧，{amt}", "啥意思？", "{pay}，{evade}"),
        ("你看，罚单一开就是扣{pts}分", "那咋办嘛", "你懂的，{amt}，{evade}"),
        ("有没有带钱", "带了点，咋了", "{amt}给我，单子我就不写了"),
        ("你想走系统还是不走", "不走系统是啥意思", "{amt}，{pay}，没记录"),
    ],
    "threat": [
        ("你还录？", "我录一下咋了", "再录我{harm}"),
        ("行，你不签", "我就不签", "不签我{harm}，你看着"),
        ("你知道我是干啥的不", "交警呗", "那你还跟我横，信不信我{harm}"),
    ],
    "quota": [
        ("你知道我这个月开了几张吗", "我哪知道", "才{k}张，{period}要{n}，你说我急不急"),
        ("别怪我", "我又没咋地", "上面压着呢，{period}{n}，一张不能少"),
    ],
    "verbal_abuse": [
        ("你会不会开车", "我开了十几年了", "十几年白开了，{insult}"),
        ("你听得懂中国话吗", "你咋说话呢", "就这么说话，{insult}"),
    ],
    "identification": [
        ("你好", "啊，咋了", "我是{unit}的{role}，警号{num}，你刚才压实线了"),
    ],
    "rights_notice": [
        ("处罚之前跟你说一下", "说啥", "你有权陈述和申辩，有理由你现在就讲"),
        ("单子给你", "我不服", "不服的话，六十天内能申请行政复议，也能去法院起诉"),
    ],
}

# ---------------------------------------------------------------- 对话骨架（不含任何标签行为）
OPEN = ["停一下停一下，靠边靠边", "师傅，麻烦靠右停一下", "哎那个骑电动车的，过来一下", "驾驶证行驶证拿出来我看看",
        "熄火，窗户摇下来", "你知道为啥拦你吧", "靠边，靠边，后面车过不去了", "喂，那个穿蓝衣服的，你过来",
        "车停这儿干啥呢", "把头盔戴上，过来过来", "驾驶证带了吧，拿出来", "下车，到这边来说"]
VIOL = ["你刚才那个红灯闯了知道吗", "这儿不让停车，你看那个牌子", "安全带没系", "开车打电话呢你",
        "超速了，限速六十你开到八十多", "你逆行了", "电动车载人还不戴头盔", "你这车超载了吧",
        "实线变道，后面录着呢", "应急车道你也敢走", "你这车牌咋挡上了", "斑马线不让行人"]
CIV = ["啊？我没看见啊", "哎呀警官我就停一会儿", "我赶时间送孩子上学", "就这一回，下回一定注意",
       "我真不知道这儿不能停", "那灯刚变的啊", "师傅你行行好", "我家里有急事", "你们这也太较真了吧", "嗯，嗯，好好",
       "我这不是马上就走嘛", "前面那车也这么开的你咋不管", "我外地的，路不熟", "哎哟我的天，今天咋这么倒霉"]
MID = ["先别说那么多", "你听我说完", "这个路段天天有人出事", "行，你等一下，我查一下", "系统里查一下你这个车",
       "你这车还有两个违章没处理", "别激动，慢慢说", "往边上站点，这儿车多", "你先把车挪一下", "嗯，我知道了"]
CLOSE_O = ["行了，走吧，注意点", "签个字，这儿", "下次注意啊", "车挪走，别堵着", "好了，去吧", "头盔戴好再走"]
CLOSE_C = ["好好好，谢谢啊", "行吧，我认了", "那我走了啊", "唉，倒霉", "知道了知道了", "那我能走了吧"]
CIV_REACT = ["你这啥意思啊", "啊？这……", "你咋这么说话呢", "我没听错吧", "不是，警官，你这……", "那……那行吧",
             "你凭啥啊", "好好好我不说了", "你这话我可录下来了", "嗯……", "你再说一遍？", "哎哟，至于吗"]

CN_LABEL = {"cash_no_receipt": "索要钱款", "quota": "罚款指标", "verbal_abuse": "辱骂", "threat": "威胁",
            "identification": "表明身份", "rights_notice": "权利告知"}

CIV_CALM = ["哦", "嗯，知道了", "那行", "好吧", "明白了", "那就好", "哦哦，这样啊", "唉，行吧", "嗯嗯"]

REGIONS = ["shandong", "henan", "northeast", "sichuan", "cantonese", "putonghua"]
REGISTERS = ["formal", "curt", "tired", "angry", "friendly"]

DIALECT = {
    "shandong": [("我", "俺", .5), ("你们", "恁", .4), ("你", "恁", .35), ("怎么", "咋", .9), ("什么", "啥", .9),
                 ("行不行", "中不中", 1), ("很好", "杠好", 1), ("干什么", "弄啥嘞", 1), ("非常", "杠", .7)],
    "henan": [("怎么", "咋", .9), ("什么", "啥", .9), ("行不行", "中不中", 1), ("行吧", "中吧", 1), ("行了", "中了", .8),
              ("干什么", "弄啥嘞", 1), ("特别", "可", .7), ("你们", "恁", .3)],
    "northeast": [("干什么", "嘎哈", 1), ("怎么办", "咋整", 1), ("什么", "啥", .9), ("很", "贼", .6), ("看", "瞅", .5),
                  ("怎么", "咋", .8)],
    "sichuan": [("什么", "啥子", .9), ("知道", "晓得", .9), ("不要", "莫", .8), ("怎么", "咋个", .8), ("好的", "要得", 1),
                ("是不是", "是不是嘛", .3)],
    "cantonese": [("谢谢", "唔该", .8), ("这样", "咁样", .5), ("是不是", "系唔系", .4), ("没有", "冇", .3),
                  ("好的", "好啦", .8), ("不是", "唔系", .3)],
    "putonghua": [],
}
TAIL = {"shandong": ["，中不中？", "，恁说是不", "嘞", "，俺跟恁说"], "henan": ["，中不中", "，弄啥嘞这是", "，中吧"],
        "northeast": ["昂", "，咋整啊", "呗", "，老铁"], "sichuan": ["嘛", "噻", "哈", "，晓得不"],
        "cantonese": ["啦", "咯", "喎"], "putonghua": [""]}

HOMO = [("罚单", "罚蛋"), ("二维码", "二维马"), ("陈述", "陈树"), ("申辩", "身边"), ("驾驶证", "驾使证"), ("罚款", "发款"),
        ("复议", "复意"), ("诉讼", "速送"), ("交警", "交井"), ("大队", "大对"), ("指标", "只标"), ("扣分", "扣粉"),
        ("现金", "现今"), ("转账", "转帐"), ("红包", "洪包"), ("警号", "警耗"), ("拘留", "居留"), ("行驶证", "行使证"),
        ("中队", "中对"), ("蠢货", "纯祸"), ("傻子", "沙子"), ("废物", "费物"), ("民警", "名警"), ("权利", "权力"),
        ("微信", "威信"), ("支付宝", "支付包"), ("任务", "任物"), ("排名", "排明"), ("手机", "收机"), ("驾照", "假照"),
        ("行政", "形政"), ("执勤", "值勤"), ("数", "树"), ("吊", "掉")]
CN_DIGIT = dict(zip("0123456789", "零一二三四五六七八九"))


def dialect(text, region):
    for a, b, p in DIALECT[region]:
        if a in text and R.random() < p:
            text = text.replace(a, b)
    return text


def asr(text):
    """模拟 Whisper 的损伤：同音字、丢字、重字、去标点、数字写法。"""
    for a, b in HOMO:
        if a in text and R.random() < 0.45:
            text = text.replace(a, b, 1)
    if R.random() < 0.3 and len(text) > 6:
        i = R.randrange(1, len(text) - 1)
        text = text[:i] + text[i + 1:]
    if R.random() < 0.25 and len(text) > 4:
        i = R.randrange(0, len(text) - 1)
        text = text[:i] + text[i] + text[i:]
    if R.random() < 0.5:
        text = re.sub(r"[，。？！、：；…—“”]", " " if R.random() < 0.5 else "", text).strip()
    if R.random() < 0.3:
        text = "".join(CN_DIGIT.get(c, c) for c in text)
    return text


def filler(text, p=0.45):
    if R.random() < p:
        text = pick(FILLERS) + text
    if R.random() < 0.15 and "，" in text:
        i = text.index("，")
        text = text[:i + 1] + pick(["嗯，", "就是，", "啊，", "那个，"]) + text[i + 1:]
    return text


# ---------------------------------------------------------------- 难负例框架（按 kind）
NEG = {
    "civilian_says": [
        [("C", "我给你{amt}，你别开了行不"), ("O", "先把证件拿出来，别的不用说")],
        [("C", "你们是不是有指标啊，月底了天天在这查"), ("O", "车先靠边，熄火")],
        [("C", "你个{insult}，凭啥拦我"), ("O", "请你冷静一点，证件拿出来")],
        [("C", "信不信我投诉你，把你视频发到网上去"), ("O", "你有投诉的权利，这个不影响现在处理")],
        [("C", "我是{unit}的，自己人，给个面子"), ("O", "谁来都一样，驾驶证给我")],
        [("C", "扫你码行不？{amt}我现在就付"), ("O", "罚款不在这交，回头银行或者网上交")],
        [("C", "我要申辩，我有权陈述申辩的"), ("O", "行，你说，我听着")],
        [("C", "你们交警一个月要罚够多少才算完啊"), ("O", "你闯红灯了，就说这个事")],
        [("C", "你再拦我，我找人弄你信不信"), ("O", "你这话我记录仪录着呢，先把车熄火")],
        [("C", "私了吧私了吧，{amt}，咱别走程序了"), ("O", "嗯，你先下车，站到边上")],
        [("C", "你个{insult}交警，就知道罚钱"), ("O", "你情绪平复一下，我们再说")],
        [("C", "你把我车扣了我就去告你"), ("O", "你先把车停好")],
        [("C", "我给你发个红包，{amt}，就当交个朋友"), ("O", "嗯，那个，先看一下你的行驶证")],
        [("C", "你不就是个辅警吗，你有啥资格罚我"), ("O", "民警马上过来，你稍等")],
        [("C", "我知道我能复议，大不了去法院告你们"), ("O", "那是你的权利，单子你先收好")],
        [("C", "警官，你们排名是不是按罚单排的"), ("O", "你这车超载了，先卸货")],
        [("C", "{insult}，你才{insult}"), ("C", "我跟我媳妇说话呢，没说你"), ("O", "行，那你们别在路中间吵")],
        [("C", "你敢罚我，我让你这身衣服穿不成"), ("O", "你说的话都有录像，驾驶证拿出来")],
        [("C", "我是{dist}派出所老{name}的亲戚"), ("O", "嗯，跟这个没关系")],
        [("C", "转你微信得了，别开票了"), ("O", "到那边车里等一下")],
    ],
    "officer_refuses": [
        [("C", "警官，{amt}你拿着，别开了"), ("O", "收起来，别来这套，该罚多少去银行交")],
        [("C", "我转你微信行不"), ("O", "不行，个人一分钱都不收，单子照开")],
        [("C", "你们是不是有任务啊"), ("O", "没有任务这回事，罚你是因为你闯了红灯")],
        [("C", "红包我放座位上了啊"), ("O", "拿走，你这是行贿知道不，我这记录仪开着呢")],
        [("C", "现金给你吧，省事"), ("O", "钱你自己拿好，我只开单，你回头去银行缴")],
        [("C", "{amt}，就当请你喝茶"), ("O", "茶我不喝，钱我也不要，该咋处理咋处理")],
        [("C", "咱私了吧"), ("O", "私了不可能，按程序走")],
        [("C", "扫你二维码付不行吗"), ("O", "我身上没有收款码，也不能有，罚款走银行")],
        [("C", "你们一个月得开多少张啊，差多少我帮你凑"), ("O", "别瞎说，我们不搞开单数，跟那个没关系")],
        [("C", "给你塞兜里了啊"), ("O", "掏出来还你，你别害我也别害自己")],
        [("C", "哥，通融通融，{amt}"), ("O", "通融不了，钱你收回去")],
        [("C", "要不我给你买两条烟"), ("O", "什么烟不烟的，不要，单子签了")],
        [("C", "你开个价吧"), ("O", "没有价，法律规定罚多少就是多少，到银行交")],
        [("C", "听说你们有提成，开一张拿一张的钱"), ("O", "没有提成，也没有罚款任务，你别听人瞎传")],
        [("C", "你收了我就走，谁也不知道"), ("O", "我知道，记录仪也知道，不收")],
        [("O", "你把那钱收起来"), ("C", "就一点心意"), ("O", "心意领了，钱不收，按规定处理")],
        [("C", "给你转了啊，你看手机"), ("O", "我不加陌生人微信，你转了我也退，别转")],
        [("C", "你们排名靠后是不是得多罚点"), ("O", "没那回事，开单是按违法开，不看排名")],
        [("C", "我给你{amt}现金，不用扣分了吧"), ("O", "分照扣，钱我不收")],
        [("C", "下班请你吃饭"), ("O", "饭不吃，你把车开走就行")],
    ],
    "negation": [
        [("O", "我们这没有罚款指标，早就取消了"), ("C", "那你天天在这站着")],
        [("O", "我没骂你，我是说你这样骑车太危险"), ("C", "你刚才语气可冲了")],
        [("O", "不扣你车，你这个情况够不上扣车"), ("C", "那就好那就好")],
        [("O", "我不是吓唬你，是跟你讲规定"), ("C", "那规定是啥")],
        [("O", "我们从来不定开单的数"), ("C", "真的假的")],
        [("O", "现场一分钱都不收"), ("C", "那咋交")],
        [("O", "没人要你的钱，你别往那想"), ("C", "哦哦")],
        [("O", "没有排名，开多开少一个样"), ("C", "那你拦我干啥")],
        [("O", "我可没说要砸你手机，你拍你的"), ("C", "那我接着拍了啊")],
        [("O", "不用给钱，也没什么私了"), ("C", "那这事咋弄")],
        [("O", "这不算违法，你走吧，不罚你"), ("C", "谢谢谢谢")],
        [("O", "我不会扣你驾照的，这个不至于"), ("C", "吓我一跳")],
        [("O", "任务啥的都没有，别听外面瞎说"), ("C", "我也是听别人说")],
        [("O", "你不是{insult}，我也没这么说你，你别多想"), ("C", "哦，我听岔了")],
        [("O", "不开票的钱我一分不碰"), ("C", "那我去银行交")],
        [("O", "没谁让我们凑数，今天就是正常巡逻"), ("C", "哦")],
        [("O", "我没想为难你，也不会找你单位"), ("C", "那就好")],
        [("O", "你家里人跟这事没关系，我们不会去找"), ("C", "嗯嗯")],
        [("O", "没骂人啊，你回去看录像"), ("C", "行吧")],
        [("O", "不收红包，不吃饭，这是铁规矩"), ("C", "懂了懂了")],
    ],
    "lawful_notice": [
        [("O", "你这是酒驾，按规定驾驶证暂扣六个月，罚款一千到两千"), ("C", "这么重啊")],
        [("O", "超载了，车辆暂扣，货卸完了就能开走"), ("C", "那得卸到啥时候")],
        [("O", "闯红灯扣六分罚两百，罚款你到银行或者网上交"), ("C", "行吧")],
        [("O", "你没带驾驶证，车先暂扣，拿证件来就放"), ("C", "我让我媳妇送过来")],
        [("O", "醉驾要追究刑事责任，现在带你去医院抽血"), ("C", "我就喝了一瓶啤酒")],
        [("O", "行人闯红灯，按规定罚款二十，决定书你收好"), ("C", "二十就二十")],
        [("O", "这个要扣三分，罚款一百，网上就能交"), ("C", "能不能不扣分")],
        [("O", "电动车没戴头盔，这次先警告，不罚款"), ("C", "谢谢啊")],
        [("O", "你这属于无证驾驶，按法律规定车辆要暂扣，还要罚款，具体金额决定书上写"), ("C", "我报名了还没考下来")],
        [("O", "这个违法要拘留，是法律规定的，我们现在按程序办"), ("C", "拘留？")],
        [("O", "车先拖到停车场，手续齐了来领，停车场不收你钱"), ("C", "那我咋去")],
        [("O", "驾驶证分记满了，要去车管所参加学习考试"), ("C", "又要考试啊")],
        [("O", "你这车牌遮挡，按规定扣十二分，罚款二百"), ("C", "我就贴了个贴纸")],
        [("O", "罚款五十，当场收的话我给你开正式收据，收据上有编号，也能去银行交"), ("C", "那我当场交吧")],
        [("O", "根据规定要对你的车辆暂扣，这是扣留凭证，拿好"), ("C", "唉")],
        [("O", "酒精测试过了二十了，算饮酒驾驶，驾照要暂扣"), ("C", "我昨晚喝的啊")],
        [("O", "货车没有通行证，这个时间段不让进城，要罚款"), ("C", "我不知道有这规定")],
        [("O", "你这个是违法停车，贴单了，十五天内去处理"), ("C", "好好")],
        [("O", "需要你跟我们回队里做个笔录，按程序走"), ("C", "要多长时间")],
        [("O", "你这情况得扣车，等检验合格再来领"), ("C", "检验去哪")],
    ],
    "question": [
        [("O", "你刚才是不是给那个人塞钱了？"), ("C", "没有啊，那是我朋友")],
        [("O", "你知道这段限速多少吗？"), ("C", "六十？")],
        [("C", "你们一天得开多少罚单啊？"), ("O", "问这个干啥，把车停好")],
        [("O", "谁跟你说交钱就不扣分的？"), ("C", "我听人说的")],
        [("O", "你是说刚才那个人骂你了？"), ("C", "对，就那个穿便衣的")],
        [("O", "你这车是你自己的吗？"), ("C", "我朋友的")],
        [("C", "你会扣我车吗？"), ("O", "看情况，先把证件给我")],
        [("C", "你警号多少啊？"), ("O", "你稍等，处理完了你看单子上有")],
        [("O", "有没有人跟你要过钱？"), ("C", "没有没有")],
        [("C", "我能不能申辩啊？"), ("O", "你先说说是咋回事")],
        [("O", "喝酒没有？"), ("C", "没喝，真没喝")],
        [("C", "是不是得给点啥才能走？"), ("O", "给啥？你说的啥意思？")],
        [("O", "你为啥骂人家司机？"), ("C", "他先别我车的")],
        [("C", "你们有排名吗？"), ("O", "你管这个干啥")],
        [("O", "你手机拍的啥？"), ("C", "我拍一下现场")],
        [("C", "你是不是要扣我驾照？"), ("O", "你先冷静，我还没说要咋处理")],
        [("O", "这个车是不是你的？你拿{amt}买的二手？"), ("C", "对，去年买的")],
        [("O", "你是哪个单位的？"), ("C", "我在{dist}那边上班")],
        [("C", "这罚款交给谁？"), ("O", "你想交给谁？")],
        [("O", "你说谁是{insult}？"), ("C", "我说我自己，我自己是{insult}")],
    ],
    "reported_speech": [
        [("O", "有人举报说我们这收红包，今天督察来查了"), ("O", "嗯，查呗，咱又没收")],
        [("C", "上回那个交警说给{amt}就不扣分"), ("O", "谁说的你找谁去，这儿不行")],
        [("O", "你说我要你钱？我啥时候说了？"), ("C", "我没说你，我说之前那个")],
        [("O", "新闻上说隔壁县有交警定罚款指标，被处理了"), ("O", "活该")],
        [("O", "你说我骂你{insult}？记录仪都录着呢，我说的是注意安全"), ("C", "那可能我听错了")],
        [("O", "我们队长开会讲的，谁敢私下收钱直接开除"), ("C", "那挺好")],
        [("C", "网上说你们月底要冲量"), ("O", "网上说的你也信")],
        [("C", "那个司机说你要扣他手机"), ("O", "他手机挡着镜头，我让他拿开，没说扣")],
        [("O", "他投诉说我们的人威胁他要扣车，我们调录像看了"), ("O", "录像咋样"), ("O", "没那回事")],
        [("C", "我朋友说你们这一天要罚够一万"), ("O", "你朋友瞎说的")],
        [("O", "刚才那个大爷骂我{insult}，我也没跟他计较"), ("O", "算了算了，年纪大了")],
        [("C", "他跟我说你们是{unit}的"), ("O", "嗯，对，车在那边")],
        [("O", "培训老师讲过，不能跟群众说'信不信我扣你车'这种话"), ("O", "对，要讲法条")],
        [("C", "我听他们说交钱就能走"), ("O", "交钱能走那是你听岔了，罚款要去银行")],
        [("O", "视频里那句'不给钱就别想走'是那个黑车司机说的，不是我们的人"), ("C", "哦，我看错了")],
        [("O", "那个人喊'你们交警就是要钱'，喊了一路"), ("O", "让他喊")],
        [("C", "我同事说你们中队长说过要排名"), ("O", "他说他的，我没听过")],
        [("O", "群众反映说我们这边有人骂人，这个月要注意"), ("O", "知道了")],
        [("C", "刚才那个人说他是交警大队的，真的假的"), ("O", "那是个冒充的，我们正在找他")],
        [("O", "有个司机说我跟他要了两百，我当时根本不在那个岗"), ("O", "调记录仪就清楚了")],
    ],
    "other": [
        [("O", "今天这车流量，站了八个小时，腿都麻了"), ("O", "可不，饭都没顾上吃")],
        [("O", "当场收你五十，给你开罚款收据，收据有编号，你收好"), ("C", "好的，给你五十")],
        [("O", "你这小电驴跑得比我摩托还快，哈哈，头盔戴上"), ("C", "嘿嘿，戴上了戴上了")],
        [("O", "再这么骑早晚出事，前面那个坑上个月把人摔骨折了"), ("C", "知道了，慢点骑")],
        [("O", "下午要去队里培训，讲执法记录仪全程开"), ("O", "又培训啊")],
        [("O", "今天事儿多，一上午处理了七八起剐蹭"), ("O", "这个月案子是真多，累")],
        [("O", "下雨路滑，你不减速，撞上护栏人就没了"), ("C", "好好，我慢点开")],
        [("O", "老爷子，你这三轮车可真够老的，比我岁数都大"), ("C", "哈哈，开了二十年了")],
        [("O", "过马路看车，那边大货车拐弯看不见你，压着就完了"), ("C", "哎哎哎")],
        [("O", "值班表出来了，这周我连上五个夜班"), ("O", "唉，扛着吧")],
        [("O", "这是缴款书，拿着去银行交，交完了就结了"), ("C", "好")],
        [("O", "你这车洗得挺干净啊，跟新的似的"), ("C", "刚洗的")],
        [("O", "上面说下个月要整治电动车，又得加班"), ("O", "加呗")],
        [("O", "喝了酒千万别开车，出了事一家子都完了"), ("C", "是是是，我找代驾")],
        [("O", "这路口监控刚装好，以后闯红灯都能拍到"), ("C", "哦，那得注意了")],
        [("O", "孩子坐后排，系上安全座椅，急刹车能飞出去"), ("C", "好的好的")],
        [("O", "罚款交完了，这是银行回单，你留着"), ("C", "谢谢")],
        [("O", "你这车胎都磨平了，跑高速要爆胎的"), ("C", "回去就换")],
        [("O", "今天考核的是记录仪开机率，咱组百分之百"), ("O", "那就行")],
        [("O", "你这开车技术，应该去开赛车，哈哈，别在城里这么开"), ("C", "嘿嘿，不敢了")],
        [("O", "天太热了，多喝水"), ("O", "这身衣服捂得难受")],
        [("O", "学校门口放学时段别停车，孩子跑出来看不见"), ("C", "晓得了")],
    ],
}


def seg(spk, text):
    return {"speaker": {"O": "officer", "C": "civilian", "U": "unknown"}[spk], "text": text}


def realise(turns, region, damage):
    """把 (说话人, 文本) 列表加上方言和填充词、损伤，变成 segments。"""
    out = []
    for spk, t in turns:
        t = fill(t)
        t = dialect(t, region)
        if region != "putonghua" and R.random() < 0.2:
            t = t.rstrip("。？！") + pick(TAIL[region])
        t = filler(t, 0.35 if spk == "C" else 0.45)
        if damage:
            t = asr(t)
        out.append(seg(spk, t))
    return out


def scaffold_pre(k):
    if k == 0:
        return []
    turns = [("O", pick(OPEN))]
    if k >= 2:
        turns.append(("C", pick(CIV)))
    if k >= 3:
        turns.append(("O", pick(VIOL)))
    if k >= 4:
        turns.append(("C", pick(CIV)))
    if k >= 5:
        turns.append(("O", pick(MID)))
    if k >= 6:
        turns.append(("C", pick(CIV) + "——"))
    return turns


def scaffold_post(k, react=None):
    turns = []
    if k >= 1:
        turns.append(("C", pick(react or CIV_REACT)))
    if k >= 2:
        turns.append(("O", pick(CLOSE_O)))
    if k >= 3:
        turns.append(("C", pick(CLOSE_C)))
    return turns


def act_turns(label, tags):
    if label in SPLIT and R.random() < 0.2:
        a, b, c = pick(SPLIT[label])
        tags.add("split_turns")
        return [("O", a), ("C", b), ("O", c)]
    return [("O", pick(ACT[label]))]


def tags_for(region, register, damage, segs):
    t = {region, register}
    if region != "putonghua":
        t.add("colloquial")
    if damage:
        t.add("asr_errors")
    if any(s["text"].endswith("——") for s in segs):
        t.add("interruption")
    if len(segs) >= 6 or sum(len(s["text"]) for s in segs) > 150:
        t.add("long")
    return t


def make_positive(label):
    region, register = pick(REGIONS), pick(REGISTERS)
    damage = R.random() < 0.34
    tags = set()
    labels = {label}
    acts = act_turns(label, tags)
    # 次要行为：程序性的亮明身份/告知权利常成对出现，威胁常伴辱骂，索钱常伴威胁
    partner = {"identification": "rights_notice", "rights_notice": "identification", "threat": "verbal_abuse",
               "verbal_abuse": "threat", "cash_no_receipt": "threat", "quota": "cash_no_receipt"}[label]
    if R.random() < 0.22:
        labels.add(partner)
        acts = acts + [("C", pick(CIV_REACT)), ("O", pick(ACT[partner]))] if R.random() < 0.6 else acts + [("O", pick(ACT[partner]))]
    if len(acts) == 1 and R.random() < 0.1:
        pre, post = 0, 0  # 单句：只有民警那一句
    else:
        post = R.randint(0, min(3, 8 - len(acts)))
        pre = R.randint(0, min(6, 8 - len(acts) - post))
    turns = scaffold_pre(pre) + acts + scaffold_post(post)
    note = ""
    if tags & {"split_turns"}:
        note = f"{CN_LABEL[label]}分在民警的两句话里，中间被平民插话打断；合起来才构成该行为。"
    segs = realise(turns, region, damage)
    tags |= tags_for(region, register, damage, segs)
    kind = "positive"
    # 说话人错标：一段短的民警行为话语被 ASR 分到别人头上
    if len(labels) == 1 and "split_turns" not in tags and R.random() < 0.07:
        idx = next(i for i, s in enumerate(segs) if s["speaker"] == "officer" and turns[i] in acts)
        segs[idx]["speaker"] = pick(["civilian", "unknown"])
        tags.add("wrong_speaker")
        if label == "identification":
            note = "说话人被错标，但“我是……交警/警号”只能是民警说的，文本足以判定，保留标签。"
        else:
            labels = set()
            kind = "other"
            note = f"一句像民警的{CN_LABEL[label]}话语被 ASR 分给了 {segs[idx]['speaker']}，文本本身看不出是谁说的，按规则不打标。"
    return {"labels": sorted(labels), "kind": kind, "segments": segs, "tags": sorted(tags), "note": note}


def make_negative(kind):
    region, register = pick(REGIONS), pick(REGISTERS)
    damage = R.random() < 0.34
    core = list(pick(NEG[kind]))
    if R.random() < 0.15 and (kind == "civilian_says" or core[0][0] == "O"):
        core, pre, post = core[:1], 0, 0  # 单句
    else:
        post = R.randint(0, min(3, 8 - len(core)))
        pre = R.randint(0, min(5, 8 - len(core) - post))
    turns = scaffold_pre(pre) + core + scaffold_post(post, CIV_CALM)
    segs = realise(turns, region, damage)
    tags = tags_for(region, register, damage, segs)
    return {"labels": [], "kind": kind, "segments": segs, "tags": sorted(tags), "note": ""}


# ---------------------------------------------------------------- 手写对话（不经模板，原样输出）
# 格式：一行一条：标签(逗号分隔或 -)|kind|tags(逗号)|note(可空)||O:文本 // C:文本 // U:文本 ...
def parse_hand(text):
    out = []
    for line in text.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        labs, kind, tags, note, _, body = line.split("|", 5)
        segs = []
        for part in body.split(" // "):
            spk, t = part.split(":", 1)
            segs.append(seg(spk.strip(), t.strip()))
        labels = [] if labs.strip() in ("", "-") else [x.strip() for x in labs.split(",")]
        tg = {x.strip() for x in tags.split(",") if x.strip()} | {"handwritten"}
        if len(segs) >= 6 or sum(len(s["text"]) for s in segs) > 150:
            tg.add("long")
        out.append({"labels": sorted(labels), "kind": kind.strip(), "segments": segs, "tags": sorted(tg),
                    "note": note.strip()})
    return out


HAND_TEXT = r"""
cash_no_receipt|positive|shandong,colloquial|||O:恁这个车咋停这儿嘞 // C:俺就下去买个烧饼 马上走 // O:买烧饼也不中啊 这是消防通道 // C:哎呀大兄弟 俺真是不知道 // O:那个 罚单开了是两百 扣三分 恁要不想扣分 一百块给俺 这事就拉倒了 // C:一百？给你？ // O:嗯 别声张
cash_no_receipt|positive|henan,colloquial|||O:中了中了 别说了 恁这是超载 // C:就多拉了几袋水泥 // O:几袋？你这都快压趴了 // C:那你说咋弄嘞 // O:咋弄 正常走是罚款还得卸货 卸货得半天 // C:可不敢卸 下午工地等着用 // O:那你懂事点 五百 微信转我 车你开走 单子我不写
cash_no_receipt|positive|northeast,colloquial|||O:老铁 你这喝没喝啊 // C:没喝 真没喝 就闻着有点味儿 // O:吹一个 // C:哥 别吹了呗 咱商量商量 // O:商量啥 // C:你说个数 // O:一千 现金 完了你自己打车走 车找人来挪 今天我就当没碰见你
cash_no_receipt|positive|sichuan,colloquial|||O:你这个电瓶车啷个骑到机动车道来了嘛 // C:前面堵起了噻 // O:堵起了也不得行 // C:那罚好多嘛 // O:罚款五十 你要是不想开单子 二十块钱拿过来 我就不开了 // C:二十？给你嗦 // O:嗯 快点 后面还有人
cash_no_receipt|positive|cantonese,colloquial|||O:喂 你咁样停车系唔得嘅 // C:我落货啫 五分钟 // O:五分钟都唔得 罚两百 // C:阿sir 唔好啦 // O:咁啦 你俾一百蚊我 单我就唔开啦 大家都方便
cash_no_receipt|positive|putonghua,friendly,long|这里没有直接说“给我钱”，但“打我这个号”+“不录了”构成向个人转账换取不录入，标 cash。||O:师傅你好 你这个是压线了 看见没 这个黄线 // C:哎呀看见了看见了 我这不是着急吗 孩子在医院 // O:理解理解 谁都有急事 那个 这个要是录进去呢 是三分 两百块钱 // C:三分啊 我今年都扣了九分了 // O:那就麻烦了啊 再扣就满了 // C:哎哟可别 警官你帮帮忙 // O:这样吧 我写个号给你 你打我这个号上 两百 我这边就不录了 // C:打你支付宝上是吧
cash_no_receipt|positive|putonghua,curt,asr_errors|||O:你这个是无证驾驶吧 // C:证在家里没带 // O:没带就是没有 车要扣 // C:别扣啊别扣 // O:扣不扣看你 三千块现今 有没有 没有的话车就拖走 // C:三千我哪有啊
cash_no_receipt|positive|putonghua,tired|||O:唉 我今天都站了十个钟头了 // C:辛苦辛苦 // O:知道辛苦就行 你那个红灯 我也懒得给你开了 意思一下 买包烟的钱 // C:啊？多少 // O:看着给 五十一百都行 放我那头盔里
cash_no_receipt|positive|shandong,colloquial,asr_errors|||O:恁这个货车没有通行政 // C:俺知道 俺就是路过 // O:路过也是进城了 罚款二百扣粉 // C:大哥中不中通融一下 // O:通融也中 恁拿三百 俺不给恁开票 不扣粉
cash_no_receipt|positive|northeast,angry|||O:你瞅瞅你这车 灯都不亮 // C:刚坏的 // O:刚坏的 谁信啊 // C:那咋整 // O:咋整？要么车扣了 要么你给我整两百块钱 我这当啥也没瞅着 你自己选
cash_no_receipt|positive|henan,colloquial|“茶钱”是委婉说法，结合“单子不撕”和具体数额，属于向民警个人付钱换取免罚。||O:恁这个车牌咋挡住了 // C:风刮的那块布 // O:风刮的能刮这么正 // C:真的是风刮的 // O:中 不管它是咋挂上去的 这是十二分 // C:十二分可不中 俺靠开车吃饭嘞 // O:那你看这样中不中 三百块钱 算俺的茶钱 单子俺就不撕了 记录也没有
cash_no_receipt|positive|putonghua,formal|语气很正式，但内容是让对方把钱交到他个人手里且不开具票据。||O:根据你的违法行为 应当处以罚款二百元 记六分 // C:好的 我交 // O:你如果当场交 一百五就行了 直接给我 不出具票据 也不记分 // C:当场交给你？不给票？ // O:对 这样对你最方便
cash_no_receipt|positive|sichuan,colloquial,long|||O:嗨 那个骑摩托的 过来过来 // C:啥子事嘛 // O:你头盔呢 // C:忘带了噻 就在屋头 // O:还有你这个车 有牌照没得 没得就是无牌 要扣车的哈 // C:莫扣嘛 我就拿它跑外卖的 // O:跑外卖的哈 那这样 你微信给我发个两百的红包 车你骑起走 我没看到你
cash_no_receipt|positive|putonghua,colloquial|||O:你这个是刚拿的驾照吧 实习期 // C:对对 // O:实习期上高速 要罚的 // C:我不知道啊 // O:不知道也得罚 那边有个收费站的便利店 你去买两条好烟 放我车上 这事就当没发生
cash_no_receipt|positive|putonghua,angry,asr_errors|||O:你看看你停的这地方 盲道上 // C:我马上走 // O:走不了了 拍了 // C:那删了呗 // O:删也行 二维马扫了 二百 我删 // C:这么贵
cash_no_receipt,threat|positive|northeast,angry|威胁（不给钱就把车拖走砸了）和索钱同时出现。||O:你这车还想不想要了 // C:啥意思啊 // O:五百块钱 现在给 不给我就让拖车拖走 到停车场你就等着它烂那吧 // C:你这不是明抢吗
cash_no_receipt|positive|putonghua,friendly|“自己人”“不走流程”+数额，构成私了。||O:哎 你是老周的亲戚是吧 // C:对对 我舅 // O:那都是自己人 这样 流程就不走了 你给个八百 我跟那边打个招呼 你那个酒驾就当没测出来 // C:八百是吧 我去取
cash_no_receipt|positive|shandong,colloquial,asr_errors|说话人被分成两段，但都是民警。||O:恁这电动车咋带俩人 // C:俺孩子 接孩子放学 // O:接孩子也不中 罚五十 // C:五十俺身上没有 // O:没有现今 微信也中 转给俺 不给恁开罚蛋 // O:快点 后边还排着嘞
cash_no_receipt|positive|cantonese,colloquial|||O:你呢个车牌系假嘅 知唔知 // C:唔系啊 我买车嗰阵就系咁 // O:假牌好严重嘅 要拘留 // C:阿sir 帮帮忙 // O:帮你都得 你自己谂下 五千 现金 我当冇见过你部车
cash_no_receipt|positive|putonghua,tired|||O:嗯 你这个 超速百分之三十 要扣六分 // C:六分啊 // O:嗯 罚款两百 // C:我这个月刚扣过 // O:那你看着办 要不你给我一百 我给你改成百分之十以内 不扣分 // C:改？能改吗 // O:能 我录的我说了算
quota|positive|putonghua,tired,long|民警对同事抱怨，说到每天的开单数和完不成的后果，属于指标。||O:哎 老张 你今天开了几张了 // O:才七张 // O:我也差不多 今天不到十五张回去又得挨说 // O:队长那个脸 我是真不想看 // O:那还不赶紧的 前面那个路口电动车多 // O:走走走
quota|positive|shandong,colloquial|||O:恁别跟俺吵吵 俺也不想罚恁 // C:那你别罚啊 // O:不罚不中啊 俺们这一个月要开够五十张 俺才三十多张 // C:那跟我有啥关系 // O:恁正好撞上了呗
quota|positive|henan,colloquial|||C:你们咋天天在这儿站着嘞 // O:没办法 上头压的 一个礼拜罚款得交够一万 交不够俺这个中队长就得挨批 // C:那你们也不能逮着谁罚谁啊 // O:谁让你闯红灯了
quota|positive|northeast,angry|||O:别磨叽了 我今天任务还差一半呢 // C:啥任务 // O:罚单任务呗 一天二十张 开不完下不了班 // C:那你罚我干啥 // O:不罚你罚谁
quota|positive|sichuan,colloquial|||O:哎呀 莫跟我扯了 月底了晓得不 // C:月底咋个嘛 // O:月底要交数噻 我们组还差好几千 // C:交啥子数 // O:罚款数嘛 你以为我想在这儿晒太阳
quota|positive|putonghua,friendly|“排名”+“按开单量”，属于以罚单数排名。||O:你别生气啊 我跟你说实话 // C:你说 // O:我们大队每个月出一个排名 就按罚单开了多少排 上个月我垫底了 被领导叫去谈话 // C:那你也不能冤枉我啊 // O:没冤枉你 你确实压线了
quota|positive|cantonese,colloquial|||O:唔好意思啦 我哋呢个月要开够一百张 而家先六十几张 // C:关我咩事啊 // O:你违章咗啊 唔通我开自己咩
quota|positive|putonghua,curt,asr_errors|||O:别说了 这个月只标还差二十张 // C:什么只标 // O:罚单只标 你问那么多干嘛 签字
quota|positive|putonghua,formal|用正式语气讲内部考核，但说的是罚款数额目标，属于指标。||O:这个 我也向你说明一下情况 // C:嗯 // O:我们单位对每个执勤民警都有罚没款的考核 每季度人均不低于两万元 所以 这个我们是必须要处罚的 // C:这不对吧
quota|positive|shandong,colloquial,asr_errors|||O:俺跟恁讲 今天不开够二十张俺回不去 // C:二十张 恁这是拿俺们凑树啊 // O:凑树也是恁违法在先
quota|positive|northeast,colloquial,long|||O:你就说你是不是压线了 // C:压了一点点 // O:一点点也是压 // C:哥 你看前面那车压得比我还多 // O:那车我也得逮 今天领导说了 一人最少三十单 // C:三十单？ // O:可不 你当我乐意 // C:那你逮他去啊
quota|positive|putonghua,tired|||O:累死了 // O:你开了多少了 // O:十八 还差两张就够了 够了我就回去睡觉 // O:那边有个没戴头盔的 给你了
quota|positive|henan,colloquial|数额没有直说，但“上头给的量”“完不成扣工资”明确是开单目标。||O:中 不跟恁犟了 // C:本来就是 // O:俺跟恁说句实在话 上头给的量在那摆着 完不成扣俺工资 恁这一单俺得开 // C:那是恁的事
quota|positive|putonghua,angry|||O:你知道我们今天几个人在这儿吗 六个 // C:那又咋样 // O:六个人今天得凑够五千块罚款 你说咋样 // C:这跟我没关系
quota|positive|sichuan,colloquial,asr_errors|||O:今天的任物还没完成 你莫走 // C:啥子任物 // O:开单子的任物 一人十张 // C:那你找别个嘛
quota|positive|putonghua,colloquial|把开单比作“打卡”“冲业绩”，仍是在说开单数量目标。||O:嗨 你这就是送上门的业绩 // C:啥业绩 // O:我们也是有业绩的 每周得冲二十五单 今天才周一 你是第一单 // C:真倒霉
verbal_abuse|positive|shandong,colloquial|||O:恁这个人咋回事 // C:咋了 // O:红灯恁看不见啊 恁是瞎还是憨 // C:你咋骂人嘞 // O:骂恁咋了 就是个憨熊
verbal_abuse|positive|northeast,angry|“虎”“虎了吧唧”在东北话中是骂人傻。||O:你是不是虎啊 往哪儿开呢 // C:我咋了 // O:逆行你还问咋了 虎了吧唧的玩意儿 下车
verbal_abuse|positive|sichuan,angry|||O:你个瓜娃子 晓不晓得那是人行道 // C:你咋个骂人嘛 // O:骂你咋个 你骑车往人身上撞的时候咋个不想想
verbal_abuse|positive|cantonese,angry|||O:你痴线㗎 单行线你逆住嚟 // C:我唔知道啊 // O:唔知道 你有冇带眼㗎 扑街
verbal_abuse|positive|henan,colloquial|||O:恁这个老头 咋恁不开窍嘞 // C:我咋不开窍了 // O:跟恁说了三回了 不让在这儿摆 恁是猪脑子吧
verbal_abuse|positive|putonghua,curt,asr_errors|同音误写“纯祸”=“蠢货”。||O:纯祸 没看见这有人过马路吗 // C:我看见了我减速了 // O:减速有个屁用 停车懂吗
verbal_abuse|positive|putonghua,angry,long|||O:下车 // C:干嘛啊 // O:我让你下车 // C:我没违法啊 // O:没违法？你占着应急车道跑了二里地 // C:我赶飞机 // O:赶飞机 你咋不赶着去投胎呢 什么东西 // C:你怎么说话的
verbal_abuse|positive|putonghua,tired|虽然语气疲惫，但“没脑子”“活该”属于侮辱性称呼。||O:唉 我真是服了你们这些人 // C:咋了 // O:一个个跟没长脑子一样 头盔戴头上能要你命啊 活该出事
verbal_abuse|positive|northeast,colloquial|“山炮”是东北骂人话，指土、蠢。||O:你这山炮 开个车跟扭秧歌似的 // C:你说谁山炮呢 // O:说你呢 还有谁
verbal_abuse|positive|putonghua,angry|侮辱指向外地人身份，属于贬损性称呼。||O:外地来的吧 一看就是 // C:外地咋了 // O:外地的就是没素质 乡下人进城 红绿灯都不认识
verbal_abuse|positive|shandong,colloquial,asr_errors|||O:恁是不是沙子 这么大个牌子看不见 // C:俺看见了 以为能停 // O:以为以为 恁那脑子里是糨子
verbal_abuse|positive|sichuan,colloquial|“憨批”是四川骂人话。||O:莫在这儿吵 // C:我没吵 我在跟你讲道理 // O:讲啥子道理 你个憨批还讲道理
verbal_abuse|positive|putonghua,curt|隐含侮辱：把对方比作畜生。||O:你是人吗 人能干出这事 // C:我就是没看见 // O:牲口都知道躲车 你不知道
verbal_abuse|positive|henan,angry,long|||C:你们交警就是欺负老百姓 // O:谁欺负你了 // C:你就是欺负我 // O:恁这种人我见多了 一说罚款就撒泼 // C:我撒泼？ // O:不是撒泼是啥 跟个泼妇一样 丢人不丢人
threat|positive|shandong,colloquial|||O:恁再拍 恁再拍俺就把恁手机给摔了 // C:俺拍一下咋了 这是俺的权利 // O:权利 俺让恁知道啥叫权利
threat|positive|northeast,angry|||O:你跟我嘚瑟是吧 // C:我嘚瑟啥了 // O:行 你记着 你这车以后在这片你就别想开 我见一回扣一回
threat|positive|henan,colloquial|||O:恁不签是吧 // C:俺不签 俺没错 // O:中 恁不签 俺就叫人来把恁带回去 关恁几天恁就知道签了
threat|positive|sichuan,angry|||O:你再跟我扯 我让你娃儿明天上不成学 // C:你说啥子 // O:我说啥你听到了的
threat|positive|cantonese,angry|||O:你再影 我即刻收你部手机 // C:影相都犯法咩 // O:你试下啦 睇下犯唔犯法
threat|positive|putonghua,formal|措辞正式，但是以对方前途作要挟，不是依法告知措施。||O:我提醒你一下 你现在这个态度 // C:我态度怎么了 // O:你是公务员吧 我如果把今天的情况通报你单位 你的前途会受什么影响 你自己考虑
threat|positive|putonghua,angry,asr_errors|||O:把收机关了 // C:我不关 // O:不关是吧 我给你来个妨碍公务 让你进去蹲十五天
threat|positive|putonghua,curt|||O:驾照还想要不 // C:想要啊 // O:想要就别废话 再废话我让你这辈子都拿不到
threat|positive|shandong,colloquial,long|||O:恁是弄啥嘞 // C:俺就在这卖点菜 // O:卖菜不能在路口卖 堵着车了 // C:俺卖了十几年了 // O:十几年了也不中 // C:那你说咋弄 // O:恁要再在这儿摆一回 俺把恁三轮车给恁掀了 菜给恁扔沟里
threat|positive|northeast,colloquial|“有你好果子吃”为典型威胁说法，对象是人身/后果。||O:你投诉去吧 // C:我肯定投诉 // O:投 投完了你看有没有你好果子吃 你家住哪我也知道
threat|positive|putonghua,tired|疲惫语气下的威胁，仍是以扣车要挟对方闭嘴。||O:哎 你别吵了行不行 // C:我就要说 // O:你再吵 我真给你车扣了 扣半个月 我今天没心情跟你耗
threat|positive|henan,colloquial,asr_errors|||O:恁要是不把车挪走 俺就叫拖车给恁拖了 再给恁把假照掉了 // C:你凭啥掉我假照
threat|positive|putonghua,angry|||O:你给我站住 // C:我又没犯法 // O:你跑一个试试 我追上了打断你的腿
threat|positive|sichuan,colloquial|||O:你莫以为我不晓得你在哪儿上班 // C:你啥子意思 // O:啥子意思 你那个厂子我去一趟 你老板晓得你今天啥子样子 你看你还干不干得成
threat,verbal_abuse|positive|northeast,angry|辱骂和威胁同在一段话。||O:你个瘪犊子 给我老实点 再动我一下我让你躺着回去 // C:你骂谁呢
identification|positive|shandong,colloquial|||O:恁好 俺是菏泽交警牡丹区大队的 俺姓孔 这是俺的警号 // C:咋了大哥 // O:恁这车尾灯不亮了
identification|positive|henan,friendly|||O:大爷您好 俺们是郑州交警二七大队的 您别慌 // C:咋了 俺没犯法吧 // O:没事没事 就是跟您说一下 这三轮车不能上快速路
identification|positive|northeast,formal|||O:您好 哈尔滨市公安局交警支队南岗大队民警 警号零七三二一五 现在对您的车辆进行检查 // C:好的好的
identification|positive|sichuan,friendly|||O:你好 成都交警武侯大队的 执勤 // C:哦 咋个了 // O:你这个车窗贴的膜太黑了
identification|positive|cantonese,formal|||O:你好 佛山交警禅城大队 我系当值民警 编号三五二八一九 麻烦熄火 // C:好 好
identification|positive|putonghua,friendly,long|辅警自我介绍（单位+角色），属于亮明身份。||O:哎 大姐 您先别走 // C:咋了 // O:我是咱们高新区交警大队的辅警 那边是我们民警 // C:我又没怎么着 // O:您这个电动车没上牌 我们民警马上过来跟您说 // C:哦 那我等着
identification|positive|putonghua,curt,asr_errors|||O:交井 城东大对的 警耗幺二三四五六 驾驶证 // C:给
identification|positive|putonghua,formal,wrong_speaker|说话人被错标成 civilian，但“我是……大队民警，警号……”只能是民警说的，保留标签。||C:您好 我是淄博市公安局交警支队张店大队民警 警号二一五零八三 // C:啊 警官好 // O:您这车是拉渣土的吧 证件有吗
identification|positive|shandong,colloquial|“俺们是这片管交通的”+中队名，属于以单位自称。||O:俺们是张店这片管交通的 三中队的 恁这个车停得不是地方 // C:俺就停一会儿
identification|positive|northeast,colloquial|||O:哥们 我们高速交警三大队的 你这车在应急车道停着干啥 // C:车坏了 // O:坏了三角牌摆了没
identification|positive|putonghua,formal|||O:同志 你好 我是交警支队直属大队的执勤民警 现在正在进行酒驾检查 请配合 // C:好
identification|positive|henan,colloquial,asr_errors|||O:俺是洛阳交井 经开区的 恁这车超载了知道不 // C:不知道
identification|positive|putonghua,tired|||O:嗯 你好 交警 开发区中队的 你这个 停车位置不对 // C:哦我马上挪
identification,rights_notice|positive|putonghua,formal,long|规范执法：亮明身份并告知权利。||O:您好 我是济南市公安局交警支队历下大队民警 警号零五六七八九 // C:您好 // O:您驾驶机动车在路口未按导向车道行驶 拟处罚款一百元记二分 // C:哦 // O:对此您有权进行陈述和申辩 对处罚决定不服 可在六十日内申请行政复议或六个月内提起行政诉讼 // C:我没意见
rights_notice|positive|shandong,colloquial|||O:俺跟恁说 恁对这个处罚要是有啥想法 恁有权说 这叫陈述申辩 俺得听 // C:俺没啥想法 就是觉得罚得有点多
rights_notice|positive|henan,colloquial|||O:中 单子给你 恁要是觉得不对 六十天之内能去申请复议 要不就去法院告 都中 // C:俺知道了
rights_notice|positive|northeast,friendly|||O:大哥 你要觉得冤 你就说 你有权申辩 我给你记下来 回去领导看 // C:那我说说啊 当时那灯是黄的
rights_notice|positive|sichuan,formal|||O:根据规定 告知你 对这个处罚你有陈述和申辩的权利 你有啥子要说的 // C:没得 认了
rights_notice|positive|cantonese,formal|||O:呢张系处罚决定 你如果唔服 六十日内可以申请行政复议 六个月内可以提起行政诉讼 // C:知道 唔该
rights_notice|positive|putonghua,curt,asr_errors|同音：陈树身边=陈述申辩，复意=复议。||O:有陈树身边的权力 要说就说 不说就签字 不服可以复意 // C:不说了
rights_notice|positive|putonghua,tired|||O:那个 按程序啊 我得跟你说一下 你对这个处罚有异议的话 有权申辩 有权申请复议 你懂吧 // C:懂
rights_notice|positive|putonghua,friendly,long|||O:您看 这个是您违停的照片 // C:嗯 确实停了 // O:那我这边呢 要给您处以罚款 在开具之前啊 您有什么想说明的 都可以说 这是您陈述和申辩的权利 // C:我就是接个人 // O:好 我记一下 您说接人 // C:对
rights_notice|positive|putonghua,angry|民警语气很冲，但内容仍是告知复议和诉讼权利，不是威胁。||O:你不服是吧 不服你去复议啊 去法院告我啊 这都是你的权利 我告诉你了 // C:我肯定告
rights_notice|positive|shandong,colloquial,asr_errors|||O:恁有权力申辩 有啥理由跟俺说 俺给恁写上 // C:俺的理由就是俺没看见
rights_notice,identification|positive|northeast,formal|||O:我是沈阳交警支队的 警号写在单子上 你对处罚不服能去复议 也能诉讼 // C:行
-|officer_refuses|shandong,colloquial|||C:大兄弟 这二百恁拿着 买包烟抽 // O:恁赶紧收起来 俺不要 // C:拿着吧 没人看见 // O:记录仪看着嘞 该罚多少到银行交 恁别给俺找事
-|officer_refuses|henan,colloquial|||C:中不中 俺给恁转个红包 恁别开了 // O:不中 红包俺不收 单子照开 恁回去网上交
-|officer_refuses|northeast,colloquial|||C:哥 整点烟钱呗 我这有五百 // O:拉倒吧你 赶紧揣回去 你这是害我 该扣分扣分
-|officer_refuses|sichuan,colloquial|||C:我给你发个红包嘛 两百 要得不 // O:要不得 莫发 发了我也要退 你去银行交罚款
-|officer_refuses|cantonese,colloquial|||C:阿sir 呢度五百蚊 你收埋佢啦 // O:唔得 收返你啲钱 罚款去银行交
-|officer_refuses|putonghua,formal,long|||C:警官 您看我这情况 能不能 // O:您说 // C:就是 我给您个人 表示一下 // O:不用 我们执法不收任何个人财物 罚款有正规的缴款渠道 // C:我就是想省点事 // O:省事的办法就是以后别违法 签字吧
-|officer_refuses|putonghua,angry|||C:两千 够不够 // O:你拿钱砸我是吧 收回去 你这是行贿 我可以给你记上
-|officer_refuses|putonghua,tired|||C:大哥 我请你吃个饭吧 // O:不吃 累一天了 就想你把字签了我好下班 钱啊饭啊都别提
-|officer_refuses|shandong,colloquial,asr_errors|||C:恁扫俺这个码吧 俺转恁 // O:俺不扫 二维马收起来 发款到银行交
-|officer_refuses|putonghua,friendly|民警否认指标存在。||C:你们是不是也有任务啊 我看你们天天在这 // O:哪有什么任务 早就不许定那个了 我们在这是因为这个路口事故多 // C:哦这样
-|officer_refuses|northeast,curt|||C:你们月底是不是得凑数啊 // O:凑啥数 没那说法 你压线了就是压线了
-|officer_refuses|henan,colloquial|||C:恁是不是这个月差几张 俺这正好给恁凑上 // O:没那事 不是凑不凑的问题 恁这是真违法了
-|officer_refuses|putonghua,colloquial,asr_errors|||C:你看这样 我给你转帐 你别开了 // O:别转 转了我也不收 罚蛋照开
-|officer_refuses|sichuan,colloquial|||C:要不我给你买两条烟嘛 // O:烟我不抽 你莫整这些 你把头盔戴起 这回就算了 警告一次
-|officer_refuses|putonghua,formal|“钱放下”被民警拒绝并说明后果，不是索要。||C:钱我放这了啊 // O:请您拿走 您如果坚持 我只能如实记录并上报
-|officer_refuses|northeast,colloquial,long|||C:哥 咱俩唠唠 // O:唠啥 // C:你看 我这车你也别扣了 我给你整点 // O:整点啥 // C:你懂的 // O:我不懂 你要给钱那就免谈 车必须扣 等你家里把证送来
-|negation|putonghua,friendly|||O:我们这没有罚款指标 你放心 罚你是因为你确实违法了 // C:那我认
-|negation|shandong,colloquial|||O:俺可没说要扣恁车 恁别瞎想 就是让恁挪挪 // C:哦 那中
-|negation|henan,colloquial|||O:俺没骂恁 俺说的是这路口危险 恁听岔了 // C:俺还以为你骂俺嘞
-|negation|northeast,colloquial|||O:不用给钱 也不用找人 该咋地咋地 你回去网上处理就完事了 // C:真的啊
-|negation|sichuan,colloquial|||O:没得哪个要你的钱 你莫紧张 签个字就走 // C:要得
-|negation|cantonese,colloquial|||O:我冇话要扣你车啊 你唔好误会 // C:咁就好
-|negation|putonghua,formal|||O:需要说明的是 我们不存在任何罚款任务 也不按开单数量考核 // C:好的
-|negation|putonghua,tired|||O:我不是威胁你啊 我就是跟你说 你再这么骑 哪天出事了后悔都来不及 // C:我知道
-|negation|putonghua,curt,asr_errors|||O:没有只标 没有排明 别瞎说 // C:行行行
-|negation|henan,colloquial,long|||C:恁是不是要扣俺驾照 // O:不扣 恁这情况够不上 // C:那罚钱不 // O:罚 但不是给俺 恁回去网上交 // C:中中中
-|negation|putonghua,colloquial|||O:你别把我说得跟要钱似的 我一分钱没跟你提 单子上写多少你去交多少 // C:我也没说你要钱啊
-|negation|shandong,colloquial,asr_errors|||O:俺没说恁是沙子 俺说的是路上沙子多 骑慢点 // C:哈哈 俺听成骂俺了
-|negation|northeast,friendly|||O:别害怕 不抓你 也不找你单位 就是告诉你以后别这么整了 // C:谢谢哥
-|negation|putonghua,friendly|||O:我可从来没说过什么私了 该走程序走程序 // C:嗯
-|lawful_notice|putonghua,formal,long|依法说明暂扣驾驶证和罚款，不是威胁。||O:你这个呼气测试结果是每百毫升五十三毫克 属于饮酒驾驶 // C:我就喝了一杯 // O:根据道路交通安全法第九十一条 暂扣驾驶证六个月 并处一千元以上两千元以下罚款 // C:这么严重 // O:是的 这是法律规定 现在需要你跟我们回去做笔录
-|lawful_notice|shandong,colloquial|||O:恁这车超载了 按规定得卸货 卸完了才能走 罚款俺给恁开决定书 恁去银行交 // C:唉 中吧
-|lawful_notice|henan,colloquial|||O:恁没带驾驶证 车先暂扣 恁叫家里人把证送过来 核实了就放 // C:那得等多长时间
-|lawful_notice|northeast,curt|||O:醉驾 这得刑事立案 现在带你去抽血 // C:我没醉
-|lawful_notice|sichuan,formal|||O:你这个属于无证驾驶 按照规定车要暂扣 还要处罚款 具体的数额在决定书上 // C:晓得了
-|lawful_notice|cantonese,formal|||O:你超速百分之五十以上 按规定要罚款同埋记分 驾驶证会暂扣 // C:咁严重
-|lawful_notice|putonghua,tired|||O:你这个是违停 扣三分罚一百 回去手机上就能交 // C:好吧
-|lawful_notice|putonghua,formal,asr_errors|||O:根据规定 你这个行为要处以行政居留 我们现在依照程序办理 // C:居留？要几天
-|lawful_notice|putonghua,friendly|当场收款但开具正式票据，数额在当场收缴范围内。||O:罚款二十 你要当场交的话 我给你开这个财政票据 上面有编号 你留好 // C:好 给你二十 // O:收据你拿好
-|lawful_notice|shandong,colloquial,long|||O:恁这个渣土车 这个点不让进城 // C:俺有证 // O:证俺看了 过期了 // C:那咋弄 // O:按规定罚款 车俺不扣 恁先开到外环停着 等过了晚高峰再进
-|lawful_notice|putonghua,curt|||O:驾驶证记满十二分了 要去车管所学习 考试过了才能恢复 // C:又得考
-|lawful_notice|northeast,colloquial|||O:你这车没年检 不能上路 先扣了 年检完了拿着合格证来领 // C:行吧
-|lawful_notice|henan,formal|||O:你这是事故 按快处快赔走 不扣车不扣证 你们自己协商 // C:中
-|lawful_notice|putonghua,friendly|依法暂扣并开具凭证，措辞平和。||O:您这车改装得不合规 按规定先暂扣 这是扣留凭证 恢复原状后来处理 // C:好的
-|question|putonghua,curt|||O:喝酒没 // C:没喝 // O:没喝你脸咋这么红 // C:热的
-|question|shandong,colloquial|||C:恁这一天得罚多少钱啊 // O:恁问这干啥 // C:俺就是好奇 // O:好奇啥 车挪走
-|question|henan,colloquial|||O:恁刚才是不是往那人手里塞东西了 // C:没有 那是俺的烟
-|question|northeast,colloquial|||C:你们是不是要罚够数才下班啊 // O:你哪听来的 // C:网上都这么说 // O:网上还说啥了
-|question|sichuan,colloquial|||O:哪个跟你说给钱就不扣分的 // C:我们那儿的人都这么说
-|question|cantonese,colloquial|||C:阿sir 你系边个大队嘅 // O:你问嚟做咩
-|question|putonghua,friendly|||O:您这是去哪儿啊 这么着急 // C:医院 孩子发烧 // O:那您慢点开 注意安全
-|question|putonghua,formal|||C:请问我可以申辩吗 // O:您想说什么情况
-|question|putonghua,angry|||O:你骂谁呢 你再说一遍 // C:我没骂你 我骂那个别我车的
-|question|northeast,curt,asr_errors|||O:你收机拍啥呢 // C:拍一下咋了 // O:没说不让拍 问问
-|question|henan,colloquial,long|||C:警官 俺问一下 // O:问 // C:恁这罚款是交给恁还是交给国家 // O:恁觉得嘞 // C:俺不知道才问 // O:回去网上交 银行也中
-|question|putonghua,tired|||O:你知不知道你刚才差点撞着那个小孩 // C:我看见了 // O:看见了你还不减速
-|reported_speech|putonghua,formal|||O:接到群众举报 说这个路口有人冒充交警收钱 我们过来核实一下 您有没有遇到 // C:有 上午有个人 穿的跟你们差不多
-|reported_speech|shandong,colloquial|||C:俺听俺邻居说 恁们这一个月得罚够多少钱 // O:恁邻居咋知道嘞 俺都不知道
-|reported_speech|henan,colloquial|||C:刚才那个人跟俺说 给他二百就能走 // O:哪个人 恁指给俺看 那不是俺们的人
-|reported_speech|northeast,colloquial|||O:那司机说我骂他傻 我啥时候骂他了 记录仪放出来听听 // O:放了 没有 他自己说的
-|reported_speech|sichuan,colloquial|||C:他们说你们交警动不动就扣车 // O:他们说的嘛 我们是按规定来
-|reported_speech|putonghua,friendly,long|||O:上回开会 领导专门讲了 // C:讲啥 // O:说有个别地方搞罚款指标 被通报了 咱这儿绝对不许 // C:那挺好
-|reported_speech|putonghua,colloquial|||C:我看抖音上有个交警说“信不信我扣你车” 被处理了 // O:嗯 那种话本来就不该说
-|reported_speech|putonghua,formal,asr_errors|||O:当事人投诉称 执勤名警向其索要现今两百元 经调取记录仪 未发现该情况 // O:记录一下
-|reported_speech|cantonese,colloquial|||C:我朋友话你哋一日要抄够五十张牌 // O:你朋友乱讲嘢
-|reported_speech|northeast,curt|||C:他说你要砸我手机 // O:他说的是他 跟我有啥关系
-|reported_speech|henan,colloquial,asr_errors|||C:俺表哥说恁们排明是按罚蛋排的 // O:恁表哥说的不算
-|other|putonghua,tired|民警之间抱怨工作量，没有开单目标。||O:今天太累了 一个人顶三个岗 // O:可不 人手不够 下个月还要搞专项 // O:唉 熬吧
-|other|shandong,colloquial|开玩笑，不是辱骂。||O:恁这车拉得跟小山似的 恁是愚公啊 // C:哈哈 可不 搬家嘞 // O:搬家也得捆结实了
-|other|henan,colloquial|危险提醒，不是威胁。||O:大爷 恁骑这么快 前头那个坡下去刹不住 就得进医院 // C:中中 俺慢点
-|other|northeast,colloquial|||O:今天贼冷 你这车玻璃都冻上了 刮干净了再开 看不见要出事的 // C:好嘞
-|other|sichuan,colloquial|||O:你娃儿骑车巴适哦 就是莫在机动车道上飙 撞到就安逸了 // C:晓得了嘛
-|other|cantonese,colloquial|||O:落雨路滑 揸慢啲 前面头先有宗交通意外 // C:好 唔该晒
-|other|putonghua,formal|培训内容，不是对当事人的告知。||O:今天培训重点 一是执法全程录音录像 二是告知当事人权利 三是严禁收取现金 都记下了吗 // O:记下了
-|other|putonghua,friendly|开具票据的当场收款，且数额合规。||O:五十块 当场交吧 这是收据 盖了章的 你拿好 // C:好的 谢谢
-|other|putonghua,colloquial,asr_errors|||O:这个月事故真多 光处理剐蹭就几十起 加了好几个版 // O:谁说不是
-|other|putonghua,curt|危险提醒，不是威胁。||O:别站路中间 车一过来你就飞了 上人行道去 // C:好好
-|other|northeast,friendly|玩笑，不是侮辱。||O:你这车开得跟我奶奶走路一样稳 哈哈 开吧开吧 // C:哈哈 稳点好
-|other|henan,tired,long|民警跟同事说的量是事故处理量，不是开单目标。||O:今天接了几个警了 // O:十一个 // O:都是啥 // O:剐蹭 还有个电动车摔了 // O:一天下来腿都不是自己的了 // O:晚上还有夜班
-|other|putonghua,formal|||O:这是银行的缴款回执 你已经交完了 这个违法记录就处理完毕了 // C:好的 谢谢
-|other|shandong,colloquial|||O:恁这孩子坐前面 一刹车就撞玻璃上了 抱后头去 系上 // C:中 俺抱后头
-|other|putonghua,tired|||O:下班了下班了 // O:交接一下 记录仪都导出来了吗 // O:导了 一段都不少
-|civilian_says|shandong,colloquial|平民辱骂民警，民警未回骂。||C:恁就是个狗腿子 // O:恁情绪平稳点 俺们讲事儿 // C:讲啥讲 // O:恁压了实线 这是照片
-|civilian_says|henan,colloquial|||C:俺给恁二百 恁让俺走 中不中 // O:恁先把证拿出来
-|civilian_says|northeast,angry|平民威胁民警。||C:你信不信我找人收拾你 // O:你这话我录下来了 先把车熄火
-|civilian_says|sichuan,colloquial|||C:我是你们大队长的同学 你晓得不 // O:晓得了 驾驶证给我看一哈
-|civilian_says|cantonese,colloquial|||C:你哋系唔系有指标㗎 日日喺度抄牌 // O:麻烦你出嚟一下
-|civilian_says|putonghua,formal|平民主张自己的申辩权，不是民警的告知。||C:我依法有陈述和申辩的权利 我要求你记录我的申辩 // O:好 你说 我记
-|civilian_says|putonghua,angry,asr_errors|||C:你们这帮交井就知道罚钱 纯祸 // O:你先冷静 把车停好
-|civilian_says|putonghua,tired,long|||C:我跟你说 我认识你们队里的人 // O:嗯 // C:我一个电话 // O:你打吧 // C:你等着 // O:等着呢 你先把字签了
-|civilian_says|northeast,colloquial|||C:哥 我给你转五百 你看咋样 // O:你先下车 把后备箱打开
-|civilian_says|henan,colloquial,asr_errors|||C:恁们不就是要凑树吗 罚吧罚吧 // O:恁这车灯不亮 先修好
cash_no_receipt|positive|putonghua,colloquial,long,interruption|民警的话被打断两次，但“一千”“我拿着”“不走系统”连起来就是索要私了。||O:你听我说 你这个情况吧 就是说 按规定是要—— // C:警官警官 我知道错了 // O:你让我说完 按规定是要扣车的 但是呢 那个—— // C:但是啥 // O:但是你要是懂事 一千块钱我拿着 这事不走系统 // C:一千啊
threat|positive|shandong,colloquial,long,interruption|||O:恁这个人 俺跟恁好好说恁不听 // C:俺咋不听了 俺就是—— // O:恁就是啥 恁就是犟 // C:俺不犟 // O:恁再犟一句 俺叫人把恁车拖走 恁上哪儿找都找不着
quota|positive|henan,tired,long,interruption|||O:唉 那个 你也别怪俺 俺也是 嗯—— // C:你也是啥 // O:俺也是没法 这个月俺们一人得开四十张 俺才开了二十来张 // C:那恁也不能—— // O:中了中了 签字吧
verbal_abuse|positive|northeast,angry,long,interruption|||O:你瞅瞅你这车停的 // C:我就—— // O:你就啥你就 你就是个缺心眼的 横在这儿谁过得去 // C:你咋骂人呢
identification|positive|sichuan,friendly,long,interruption|||O:你好 那个 莫慌 我们是—— // C:哎呀吓我一跳 // O:我们是绵阳交警城东大队的 今天在这儿查酒驾 你吹一下 // C:要得要得
rights_notice|positive|cantonese,formal,long,interruption|||O:我同你讲清楚先 呢个处罚—— // C:我唔服 // O:你听我讲完 你唔服嘅话 有权陈述同申辩 之后仲可以申请行政复议或者去法院起诉 // C:好 我谂下
-|officer_refuses|putonghua,tired,long,interruption|||C:警官 我给你—— // O:你别给我任何东西 // C:我就是想—— // O:想也别想 钱收好 单子签了 去银行交
-|negation|shandong,colloquial,long,interruption|||C:恁是不是要—— // O:不是 俺不是要恁钱 恁别瞎想 俺就是让恁把车挪了 // C:哦 俺还以为——
-|lawful_notice|northeast,formal,long,interruption|||O:你这个情况啊 按照法律 // C:哥—— // O:先听我说完 按照法律 超载百分之三十以上 罚款五百到两千 车辆要等卸载完才能放行 // C:那我找人来卸
-|question|henan,colloquial,long,interruption|||C:警官 恁是不是—— // O:是不是啥 // C:恁是不是月底要罚够数 // O:谁跟恁说的 // C:俺猜的
-|other|putonghua,formal,wrong_speaker|ASR 把一句“给我两百不开单”分给了 unknown，前后文看不出是民警还是旁边的人说的，按规则不打标。||O:你这个是违停 // U:两百给我不开单 // C:啥？谁说的 // O:车挪一下
-|other|putonghua,colloquial,wrong_speaker|“你个蠢货”被分给平民，文本看不出是谁骂谁，不打标。||O:靠边 // C:你个蠢货 // O:驾驶证拿出来看看 // C:我没说你
"""


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parent.parent / "analyzers" / "corpus" / "heldout4.jsonl")
    rows = []
    for lab in LABELS:
        for _ in range(88):
            rows.append(make_positive(lab))
    for kind in KINDS[1:]:
        n = 100 if kind != "other" else 120
        for _ in range(n):
            rows.append(make_negative(kind))
    rows += parse_hand(HAND_TEXT)
    uniq, keys = [], set()
    for r in rows:  # 单句负例偶尔会撞车，去掉完全相同的对话
        k = json.dumps(r["segments"], ensure_ascii=False)
        if k not in keys:
            keys.add(k)
            uniq.append(r)
    rows = uniq
    R.shuffle(rows)
    seen = set()
    with open(path, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            r = {"id": f"H4-{i:04d}", **r}
            if not r["note"]:
                del r["note"]
            validate(r, seen)
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} exchanges to {path}")


def validate(r, seen):
    assert r["id"].startswith("H4-") and r["id"] not in seen, r["id"]
    seen.add(r["id"])
    assert set(r["labels"]) <= set(LABELS), r
    assert r["kind"] in KINDS, r
    assert (r["kind"] == "positive") == bool(r["labels"]), r
    assert r["segments"] and all(s["speaker"] in ("officer", "civilian", "unknown") and s["text"] for s in r["segments"]), r
    text = "".join(s["text"] for s in r["segments"])
    for b in BANNED:
        assert b not in text, (b, r)


if __name__ == "__main__":
    main()
